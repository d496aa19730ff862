"""A claim a source gives to a counted part of a body's members told of the whole body
(DS951 scope-changed): "the parish council objected to the fence" where the aligned
source claim on the same verb says "the two councillors who abstained objected to it";
"the board opposed the sale" for "two board members opposed the sale".

Known false positives: a body whose members the source counts in full ("the five members of
the panel agreed" told as "the panel agreed"): a count that is the whole is not read as one
here unless the source says "all" or "every" of them; and a body and a group of other people
whose words begin alike ("the parents' council" for "three parents")."""

from __future__ import annotations

import re

from checker.claim_reading import same_deed_verb, shares_core
from checker.lemmas import singular


def members_for_body(ctx, dc):
    """(the derived subject, the source claim, the source's counted members) when the
    derived claim's subject is a body of members (member_bodies.txt) and the aligned source
    claim on the same verb gives the claim to a counted or limited part of them, by a
    number word or a scope word of a part (scope.txt: "some", "only"); else None."""
    lex = ctx.lexicon
    words = re.findall(r"[a-z]+", dc.subject.lower().split(",")[0])
    if not words or not lex.has("member_bodies", words[-1]) or _counted(lex, words):
        return None
    mine = [w for w in words if not lex.has("function_words", w)]
    for sc in ctx.aligned(dc):
        if not same_deed_verb(dc, sc) or not shares_core(dc, sc):
            continue
        phrase = sc.subject.split(",")[0]
        theirs = re.findall(r"[a-z]+", phrase.lower())
        if any(lex.value("scope", w) == "all" for w in theirs):
            continue
        members = _counted_members(lex, phrase)
        if members and not lex.has("member_bodies", singular(members[-1])) \
                and any(_one_stem(a, b) for a in mine for b in members):
            return dc.subject.split(",")[0], sc, f'"{phrase}"'
    return None  # (not "two of the councils" for "the council": bodies, not members)


def _counted_members(lex, phrase: str) -> list:
    """The words from a count or a scope word of a part to the plural noun it puts a
    number on, within three words after it ("the two councillors who abstained":
    "councillors"; "two board members": "board members"), not past a possessive ("two
    aides of the board's chair" count aides, not the board); [] when there
    is none. A count joined to its noun by a hyphen ("a five-member panel") describes the
    body, not a part of it."""
    words = re.findall(r"[a-z]+(?:['’]s)?|\d+|-", phrase.lower())
    for i, w in enumerate(words):
        if not _counted(lex, [w]) or words[i + 1:i + 2] == ["-"]:
            continue
        for j, nxt in enumerate(words[i + 1:i + 4]):
            if nxt.endswith(("'s", "’s")):
                break
            if nxt.endswith("s") and not nxt.endswith("ss"):
                return words[i + 1:i + 2 + j]
    return []


def _counted(lex, words: list) -> bool:
    """The words count or limit their noun ("the two councillors", "the 12 trustees",
    "some members", "only two"; not "one", which names a single member). Known false
    positive: a count of something else in the phrase ("two-thirds of the board's
    members", read by its "two")."""
    return any(lex.value("scope", w) in ("some", "one") and w != "one"
               or _count_of(lex, w) >= 2 for w in words)  # (not "all", nor a single one)


def _count_of(lex, word: str) -> int:
    """The value of a count in figures or in words (number_units.txt: "three" is 3), else
    0."""
    value = word if word.isdigit() else lex.value("number_units", word, "0")
    return int(value) if value.isdigit() else 0


def _one_stem(a: str, b: str) -> bool:
    """Two words that begin alike for five letters or more ("council" and "councillors",
    "trust" and "trustees"), or the same word. Known false positive: two words of one
    beginning and two meanings ("partner" and "partnership")."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return a == b or n >= 5
