"""Which body a speaker phrase ties its person to ("Dr Marsh, a lung specialist at Penmore
Infirmary", "Norbury Civils' finance director, Ada Lind") and whom it names. Read by DE405
(``checker.rules.title_changed``), which compares them with the source's.
"""

from __future__ import annotations

import re

from checker.descriptions import described_in
from checker.lexicon import shipped
from checker.names import norm_name

TOKEN = re.compile(r"[A-Za-z][\w'’-]*")
_FULL_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")

# The body a speaker's description ties them to: "a lung specialist at Penmore
# Infirmary", "chair of the Lower Corrin Growers' Association".
# Also the place a "who" clause on the person names after "in" with a verb of living or
# working ("who rents a flat in Brisco Vale": residence_verbs.txt), not a month or a day.
_TIMES = "|".join(sorted(shipped("months") | shipped("weekdays"), key=len, reverse=True))
_HOMES = "|".join(sorted(shipped("residence_verbs"), key=len, reverse=True))
_NAMED = r"\s+(?:the\s+)?([A-Z][\w'’.&-]*(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\w'’.&-]*)*)"
_AFFILIATION = re.compile(r"\b(?:at|of|from|with)" + _NAMED)
_PLACE = re.compile(r"\bwho\s+(?:(?:has|have|had|now|still|also|is|was)\s+){0,2}(?:" + _HOMES
                    + rf")\s+(?:[\w'’-]+\s+){{0,4}}?in(?=\s+(?:the\s+)?(?!(?i:{_TIMES})\b))"
                    + _NAMED)


# The owner of a post set before it: "Kestrel Halden's chief executive", "the authority's
# director"
_OWNER = re.compile(r"^(?:[Tt]he\s+([a-z]+)|([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*?))"
                    r"(?:['’]s|(?<=s)['’])\s+[a-z]")


def places(phrase: str) -> set[str]:
    """The normalised names of the places a "who" clause of a speaker phrase ties its person
    to ("who rents a flat in Brisco Vale"): compared with places only, not with a body the
    source names after "at" ("a librarian at Hallowgate Library")."""
    return {norm_name(m.group(1)) for m in _PLACE.finditer(phrase)} - {""}


def affiliations(phrase: str, text: str = "") -> set[str]:
    """The normalised names of the bodies a speaker phrase ties its person to: after "at",
    "of", "from" or "with", a place after "in" in a "who" clause ("who lives in Brisco Vale"),
    or as the owner of the post ("Kestrel Halden's chief
    executive"; with the source's ``text``, a description, "the authority's", read as the
    name it gives it: a summary's "the agency" may stand for any body of the story)."""
    found = {norm_name(m.group(1)) for m in _AFFILIATION.finditer(phrase)} | places(phrase)
    for part in phrase.split(","):
        m = _OWNER.match(part.strip())
        if m is None or not (m.group(2) or text):
            continue
        named = m.group(2) or described_in(text, f"the {m.group(1)}")
        if named != f"the {m.group(1)}":  # a description no name stands for is no body
            found.add(norm_name(named))  # to compare ("the insurer's": which insurer?)
    return found - {""}


def same_body(lexicon, a: str, b: str) -> bool:
    """Two normalised body names that may name one body: one inside the other ("authority",
    "greywater coastal authority"), or a word in common that is no body's kind ("harlow
    council", "harlow district council"; not "university" alone)."""
    heads = ("public_body_heads", "corporate_nouns")
    return a in b or b in a or any(not any(lexicon.has(r, w) for r in heads)
                                   for w in set(a.split()) & set(b.split()))


def person_words(phrase: str) -> list[str]:
    """The words of the person a speaker phrase names: its first comma part, or a later one
    that is a full name ("Norbury Civils' finance director, Ada Lind")."""
    first = TOKEN.findall(_AFFILIATION.split(phrase.split(",")[0])[0])
    if first and first[-1][:1].isupper() and not _OWNER.match(phrase.strip()):
        return first
    later = [p.strip() for p in phrase.split(",")[1:] if _FULL_NAME.fullmatch(p.strip())]
    return TOKEN.findall(later[0]) if later else []


def speaker_phrase(dc, lex) -> tuple[str, int]:
    """The phrase that names the claim's speaker and its offset: its named attribution's
    source, or, for a claim that quotes someone with no frame ("Tom Beck of the Ferris
    Anglers' Club called the plan 'reckless'"), its subject when it opens with a person's
    full name; ("", 0) when neither."""
    att = dc.attribution
    if att is not None and att.kind == "named" and att.source:
        return att.source, att.start
    name = _AFFILIATION.split(dc.subject)[0].strip() if dc.quotes and dc.subject else ""
    if name and _FULL_NAME.fullmatch(name) and not any(
            lex.has(role, name.split()[0].lower())
            for role in ("articles", "determiners", "possessives")):
        return dc.subject, dc.start + max(0, dc.text.find(dc.subject))
    return "", 0  # (not "The College of Arle's Dr Penn": no person first)

