"""A part of a group the source names beside its whole: "most of them" where a derived claim
says "all of them" (``part_of_them``, ``part_of_them_after``), a count given as the whole of
a group or a part of it (``whole_count``, ``part_of_count``), and a limit a source passage the
aligner did not pick puts on the same noun (``limited_elsewhere``). DS951 reads them."""

from __future__ import annotations

import re

from checker.align import GENERIC, claim_keys, key, text_keys
from checker.figure_written import numbers_in
from checker.lexicon import partitive_pronoun, shipped
from checker.quantified import WHOLE, count_of, cue_noun
from checker.word_patterns import WORD_TOKEN as _WORDS

# words that say nothing of what is said of a group ("are", "the", "would")
GENERIC_KEYS = frozenset(key(w) for w in GENERIC | shipped("be_forms") | shipped("function_words")
                         | shipped("auxiliaries"))


# "..., almost all from X", "nearly all of them": a whole short of itself (near_wholes.txt),
# as an aside on a group or of a pronoun for it (not "who nearly all live there", which
# need not be the group the derived "all of them" takes)
_NEAR = "|".join(sorted(map(re.escape, shipped("near_wholes"))))
_NEAR_WHOLE = re.compile(rf",\s+(?:{_NEAR})\s+(?:all|every)\b|\b(?:{_NEAR})\s+all\s+of\s+them\b",
                         re.I)


def whole_word(word: str) -> bool:
    """A quantifier of the whole ("all", "every", "each": the scope lexicon's "all" role)
    or "none"."""
    return word == "none" or word in WHOLE


_OF_WORD = re.compile(r"\s+of\s+([\w']+)")


def of_them(claim, cue, lexicon) -> bool:
    """The scope word takes a pronoun, not a noun: "all of them", "most of those" (the
    pronouns_referring and deictics lists, as the extractor reads them)."""
    m = _OF_WORD.match(claim.text, cue.end - claim.start)
    return m is not None and partitive_pronoun(m.group(1).lower(), lexicon)


def _standing_alone(claim, cue) -> bool:
    """The scope word opens the claim as its whole subject, with a verb right after it
    ("Most came from Mill Lane", "Some were later repaid"): "most of them" with the
    pronoun left out."""
    if cue.start != claim.start or claim.subject.strip().lower() not in ("", cue.text.lower()):
        return False
    nxt = next((w for w in sorted(claim.words) if w.start >= cue.end), None)
    return nxt is not None and nxt.pos in ("VERB", "AUX", "ADJ")  # ("related", a participle)


def part_of_them(ctx, dc, said: str = ""):
    """(source claim, limit) when a close source claim on the same matter takes part of
    what a pronoun stands for ("most of them at the Riverside depot") where the derived
    claim says "all of them", or puts the whole short of itself ("nearly all from tenants
    of the east block": near_wholes.txt), or names a smaller number of them for
    what the derived words after "all" (``said``) say ("60 beds, 18 of which are kept for
    children" against "all of them kept for children"; not against "all refurbished last
    year")."""
    dkeys = claim_keys(dc)
    found = None
    for sc in ctx.aligned(dc):
        if len(dkeys & claim_keys(sc)) < 3:
            continue
        cues = [c for c in sc.scope if of_them(sc, c, ctx.lexicon) or _standing_alone(sc, c)]
        limit = next((c for c in cues if c.role == "some"), None)
        if limit is not None:
            found = sc, f'"{limit.text} of them"'
            break
        numbered = _numbered_part(sc, said=said)
        if numbered:
            found = sc, f'"{numbered}"'
            break
        near = _NEAR_WHOLE.search(sc.text)
        if near is not None:  # "40 letters, nearly all from tenants of the east block"
            found = sc, f'"{near.group()}"'
            break
    if found is not None and any(
            c.role == "all" and of_them(sc, c, ctx.lexicon)
            for sc in ctx.index.claims if len(dkeys & claim_keys(sc)) >= 2 for c in sc.scope):
        return None  # a source claim on the same matter says "all of them" too
    return found


def part_of_them_after(sc, counted: str, lexicon, said: str = "") -> str:
    """The words of a part that follows the count in the source claim: "most of them" (or
    "some", "many" of them: "serves 40 towns, most of them inland"), or a
    smaller number of them ("60 new beds, 18 of which would be reserved"); '' if none."""
    at = sc.text.find(counted)
    if at < 0:
        return ""
    end = sc.start + at + len(counted)
    cue = next((c for c in sc.scope if c.role == "some" and 0 < c.start - end <= 40
                and of_them(sc, c, lexicon)), None)
    if cue is not None:
        return f"{cue.text} of them"
    return _numbered_part(sc, at, counted, said)


def _numbered_part(sc, at: int = -1, counted: str = "", said: str = "") -> str:
    """A smaller number of a group told within 40 characters after its count ("60 new
    beds, 18 of which would be kept"): after ``counted`` at ``at`` in the claim's text, or
    after any figure of the claim; '' if none, or if the five words after the part share
    no content word with ``said``, what the derived text says of all of them ("18 of which
    are kept for children" limits "all kept for children", not "all refurbished")."""
    counts = [(at, counted)] if counted else [
        (q.start - sc.start, q.text) for q in sc.quantities if q.kind in ("number", "quantity")]
    for pos, text in counts:
        whole = numbers_in(text)
        for m in _NUMBERED_PART.finditer(sc.text, pos + len(text)):
            if m.start() - pos - len(text) > 40:
                break
            part = numbers_in(m.group(1))
            after = _WORDS.findall(sc.text[m.end():])[:5]
            if whole and part and part[0] < whole[0] and (
                    not said or {key(w) for w in after} & text_keys(said) - GENERIC_KEYS):
                return m.group(0)
    return ""


# a number of a group told just before it: "18 of which", "three of them"
_NUMBERED_PART = re.compile(r"\b([\w,.-]+)\s+of\s+(?:which|them|whom|those|these)\b", re.I)


def same_count(mine, theirs) -> bool:
    """Two counts of one noun with the same numbers ("14", "the 14")."""
    return bool(mine) and numbers_in(mine) == numbers_in(theirs)


def whole_count(sc, counted: str) -> bool:
    """The source gives the count as the whole of a group: definite ("the 14 schools"), after
    a quantifier of the whole and "of" ("none of the 14", "every one of Marden County's
    31"), or as a plain count ("denies four charges": "all four charges" counts the same);
    not a part of it ("most of the 14", "three of the 14", "three of its depots")."""
    at = sc.text.find(counted)
    if at < 0:
        return False
    own = _WORDS.findall(counted.lower())
    if own and whole_word(own[0]):
        return True  # "all nine of Tarrow's games": the count is given as the whole
    before = _WORDS.findall(sc.text[:at].lower())[-6:]
    if "of" in before:
        head = before[:len(before) - 1 - before[::-1].index("of")]
        head = [w for w in head if w != "one"]  # "every one of"
        return bool(head) and whole_word(head[-1])
    after = _WORDS.findall(sc.text[at + len(counted):].lower())[:1]
    return after != ["of"]


def limited_elsewhere(ctx, dc, noun: str, dkeys: set, aligned):
    """(source claim, limit) when a source passage on the same matter that the aligner did
    not pick limits the noun ("most private tenancies") and no source claim says "all" of
    it (two outlets: one says "private tenants", the other "most private tenancies")."""
    found = None
    for sc in ctx.index.claims:
        if noun not in claim_keys(sc):
            continue
        roles = {c.role: c for c in sc.scope if cue_noun(sc, c) == noun}
        if "all" in roles:
            return None
        limit = roles.get("some")
        if found is None and limit is not None and sc not in aligned \
                and len(dkeys & claim_keys(sc)) >= 4:
            found = (sc, f'"{limit.text}"')
    return found


def part_of_count(ctx, dc, noun: str, dkeys: set):
    """(source claim, part) when the derived claim gives "all" of a counted noun ("each of
    the board's five hospitals") and a source claim on the same matter picks a part of that
    count ("at two of the five hospitals")."""
    mine = count_of(dc, noun)
    if not mine:
        return None
    part = re.compile(rf"\b([\w-]+)\s+of\s+(?:the|its|their|[\w'’]+['’]s)\s+"
                      rf"(?:[\w'’-]+\s+)?{re.escape(mine.split()[-1])}\b", re.I)
    for sc in ctx.index.claims:
        if noun not in claim_keys(sc) or len(dkeys & claim_keys(sc)) < 3:
            continue
        m = part.search(sc.text)
        if m is not None and not whole_word(m.group(1).lower()):
            return sc, f'"{m.group(0)}"'
    return None
