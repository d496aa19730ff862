"""What a scope word quantifies in a claim: the noun after it ("every trial investigator" ->
investigator) or, for an "all" floated before a verb, the plural before it; a figure that counts
or takes a part of a noun ("47 units", "40% of stores"), the words of the subject, the first noun
of an object, a whole plural object that a source claim on the same verb counts ("shut its
village surgeries" for "shut 14 village surgeries"), and "across" a span of time. DS951 compares
them; checker/quantified_limits.py holds what in a source limits such a noun."""

from __future__ import annotations

import re

from checker.align import key
from checker.lexicon import shipped, shipped_values
from checker.word_patterns import WORD_TOKEN as _WORDS


# Quantities that can count a noun: "within 48 hours" and "in March" limit when, not whom.
COUNTING = {"number", "ordinal", "quantity"}
# The quantifiers of a whole ("all", "every", "each"): the scope lexicon's "all" role.
WHOLE = frozenset(w for w, role in shipped_values("scope") if role == "all" and " " not in w)


# Between two nouns of one phrase: a possessive ("valley's orchards") or "and"/"or"
# ("apple and pear orchards").
_JOINED = re.compile(r"['’]s?\s+|\s+(?:and|or)\s+")
_COUNTED = re.compile(r"['’]s?\s+[\w,.-]+\s+")  # "board's five hospitals"


def cue_noun(claim, cue) -> str:
    """The key of the noun a scope word quantifies: the last of the first run of nouns
    after it ("every trial investigator" -> "investigator"), past a possessor ("most of the
    valley's orchards" -> "orchard") and nouns joined by "and" or "or" ("every apple and
    pear orchard" -> "orchard"); for a quantifier floated before a verb ("the forms were
    all signed", "they had all been stamped"), the plural noun before it (``floated_noun``)."""
    floated = floated_noun(claim, cue)
    return floated if floated is not None else noun_after(claim, cue)


def noun_after(claim, cue) -> str:
    """The key of the first run of nouns after a scope word (``cue_noun``'s reading of a
    scope word that is not floated); a word the tagger read as an adjective after a hyphen
    carries the run on ("all six skin-rash cases" -> "case")."""
    found = last = None
    for w in claim.words:
        if w.start < cue.end:
            continue
        if found is not None:
            gap = claim.text[last.end - claim.start:w.start - claim.start].lower()
            if w.pos == "NUM" and _JOINED.fullmatch(gap):
                continue  # "the board's five hospitals": a count after the possessor
            if w.pos == "ADJ" and gap == "-":
                last = w
                continue
            if w.pos in ("NOUN", "PROPN") and (w.start - last.end <= 1 or _JOINED.fullmatch(gap)
                                               or _COUNTED.fullmatch(gap)):
                found = last = w  # a compound goes on
                continue
            break
        if w.pos in ("NOUN", "PROPN"):
            found = last = w
        elif w.start - cue.end > 40:
            break
    return key(found.lemma) if found is not None else ""


# a verb's form right after a floated "all": "all been", "all signed", "all close"
_VERB_AFTER = re.compile(r"\s+(?:be|been|being|had|have|has|[a-z]+ed|[a-z]+en)\b", re.I)
_PLURAL = re.compile(r"\b([a-z]+[^s\W]s)\b")
# the auxiliary or the pronoun an "all" floats after ("were all", "had all", "they all")
_AUX_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(
    shipped("auxiliaries") | shipped("be_forms") | shipped("pronouns_subject"))) + r")\s+$", re.I)


# an "all" set after a comma before a verb or an infinitive ("60 beds, all to be kept")
_COMMA_BEFORE = re.compile(r",\s*$")
_TO_AFTER = re.compile(r"\s+to\s+[a-z]+", re.I)


def floated_noun(claim, cue):
    """For "all" floated before a verb ("were all signed", "they had all been stamped") or
    set after a comma before one ("60 new beds, all to be kept for", "140 homes, all let
    at"), the key of the last plural noun of the sentence before it (what "they" or the
    subject names: "checked the permits, which had all been stamped" -> "permit"); ''
    when there is none; None for a quantifier that is not floated."""
    if cue.text.lower() != "all":
        return None
    at = cue.start - claim.sent_start
    before, after = claim.sentence[:at], claim.sentence[at + len(cue.text):]
    apposed = _COMMA_BEFORE.search(before) and (_VERB_AFTER.match(after)
                                                 or _TO_AFTER.match(after))
    if not (_AUX_BEFORE.search(before) and _VERB_AFTER.match(after) or apposed):
        return None
    words = {w.start: w for w in claim.words if w.pos == "NOUN"}
    plurals = [m for m in _PLURAL.finditer(before.lower())]
    for m in reversed(plurals):
        w = words.get(claim.sent_start + m.start())
        if w is not None or claim.sent_start + m.start() < claim.start:
            return key(w.lemma if w is not None else m.group(1)[:-1])
    return ""


def count_of(claim, noun: str):
    """A figure that counts or limits ``noun`` in the claim: right before it ("47 units") or
    in a phrase right after it ("students at the nine middle schools")."""
    for w in claim.words:
        if key(w.lemma) != noun:
            continue
        for q in claim.quantities:
            if q.kind in COUNTING and (_modifiers_only(claim, q.end, w.start)
                                       or 0 <= q.start - w.end <= 30):
                return q.text
            if q.kind in COUNTING | {"percent"} and _partitive(claim, q.end, w.start):
                return q.text  # "about a third of its planned replacement", "40% of stores"
    return None


def _partitive(claim, start: int, end: int) -> bool:
    """Between a figure and its noun, "of" and at most four words (a determiner, modifiers): the
    figure takes a part of the noun ("a third of its planned mains replacement")."""
    if end < start:
        return False
    between = claim.text[start - claim.start:end - claim.start]
    return re.fullmatch(r"\s+of\s+(?:[\w'’-]+\s+){0,4}", between, re.I) is not None


def _modifiers_only(claim, start: int, end: int) -> bool:
    """Between ``start`` and ``end`` of the text, at most three words and no punctuation:
    a figure counting the noun after it ("three offshore wind contracts")."""
    if end < start:
        return False
    between = claim.text[start - claim.start:end - claim.start]
    return re.fullmatch(r"\s*(?:[\w'’-]+\s+){0,3}", between) is not None


def object_noun(claim):
    """(the first noun of the claim's object, the words before it in the object, where the
    object starts) or None."""
    obj = claim.object or ""
    at = claim.text.find(obj) if obj else -1
    if at < 0:
        return None
    s = claim.start + at
    noun = next((w for w in claim.words if w.pos == "NOUN" and s <= w.start), None)
    if noun is None or noun.start >= s + len(obj):
        return None
    return noun, _WORDS.findall(claim.text[at:noun.start - claim.start].lower()), s


def over_time(text: str, cue: str, lexicon) -> bool:
    """The widening word spans a time, not a place or a body ("across February and March",
    "across the past two years"): a month, a weekday, a year or a span of time is the next
    word, or the one after "the", "past" (period_pointers.txt) or a number word (not
    "across 2,000 towns")."""
    m = re.search(rf"\b{re.escape(cue)}\b((?:\s+\S+){{1,4}})", text, re.I)
    if m is None:
        return False
    for word in m.group(1).lower().split():
        word = word.strip(",.;:")
        if re.fullmatch(r"(?:19|20)\d\d", word) or any(
                lexicon.has(role, word) or lexicon.has(role, word.rstrip("s"))
                for role in ("months", "weekdays", "durations")):
            return True
        if not any(lexicon.has(role, word)
                   for role in ("articles", "period_pointers", "number_units", "scope")):
            return False
    return False


def subject_words(claim):
    """The claim's words inside its whole subject ("about 40 percent of ward nurses")."""
    pos = claim.text.find(claim.subject) if claim.subject else -1
    if pos < 0:
        return []
    s, e = claim.start + pos, claim.start + pos + len(claim.subject)
    return [w for w in claim.words if s <= w.start < e]


# Words before a noun that make it the whole of its kind ("its clinics", "the branches"), or,
# before a count, the whole that the count gives ("its 11 clinics", "all 40 branches").
_WHOLE_OPENERS = frozenset({"its", "their", "his", "her", "our", "the"}) | WHOLE | {"both"}
_POSSESSIVE = re.compile(r"\w['’]s?$")  # "Alderbrook's pupils": the owner's, all of them


def count_dropped(ctx, dc):
    """(derived phrase, source claim, the source's count) when the derived claim's object is
    a whole plural ("shut its village surgeries", "will close the branches") where the
    source claim on the same verb or a WordNet synonym of it counts it ("shut 14 village
    surgeries", "40 of its 300 branches"): a part told as the whole; a named owner's plural
    is whole too ("told Marley's pupils" for "told 41 pupils"). Not where the count is
    the whole ("its 14 surgeries", "all 40 branches"), nor a bare plural ("shut village
    surgeries": some), nor a plural its words name ("the Elm and Ash routes"), nor one the
    derived claim counts or gives a share of ("80% of the trust's wards")."""
    mine = _compound_head(dc, object_noun(dc))
    whole = mine is not None and (set(mine[1]) & _WHOLE_OPENERS
                                  or any(_POSSESSIVE.search(w) for w in mine[1]))
    if not whole or mine[0].text.lower() == mine[0].lemma.lower() \
            or any(c.role == "some" for c in dc.scope) \
            or any((q.kind in COUNTING or q.kind == "percent") and q.start < mine[0].start
                   and q.end > mine[2] for q in dc.quantities):
        return None  # (a count or a share of them is no whole: "90% of the estuary's
        # crews" for "nine out of ten crews")
    before = re.split(r"\w['’]s?\s", dc.text[mine[2] - dc.start:mine[0].start - dc.start])
    named = before[-1].split(None, 1)[1:] if len(before) == 1 else before[-1:]
    # (an owner's name, "Marley Academy's", names the owner, not which of its pupils)
    if named and re.search(r"\b[A-Z]|\b(?:and|or)\b", named[0]):
        return None  # "the Elm and Ash routes": which ones, named
    noun = key(mine[0].lemma)
    for sc in ctx.aligned(dc):
        if key(sc.predicate) != key(dc.predicate) and dc.predicate not in ctx.wordnet.synonyms(
                sc.predicate, "verb", 2):
            continue  # the same verb, or a synonym of it ("shut" for "closed")
        theirs = _compound_head(sc, object_noun(sc))
        if theirs is None or key(theirs[0].lemma) != noun:
            continue
        for q in sc.quantities:
            if q.kind not in COUNTING or not theirs[2] <= q.start < theirs[0].start:
                continue
            before = _WORDS.findall(sc.text[theirs[2] - sc.start:q.start - sc.start].lower())
            if set(before) & _WHOLE_OPENERS:
                continue  # "its 11 clinics": the whole, counted
            if _modifiers_only(sc, q.end, theirs[0].start) \
                    or _partitive(sc, q.end, theirs[0].start):
                phrase = dc.text[mine[2] - dc.start:mine[0].end - dc.start]
                told = sc.text[q.start - sc.start:theirs[0].end - sc.start]
                return phrase, sc, f'"{told}"'
    return None


def _compound_head(claim, found):
    """``object_noun``'s result with the noun moved to the last of a run of nouns ("branch
    libraries": libraries), the words before it as they were."""
    if found is None:
        return None
    noun, before, start = found
    for w in sorted(claim.words):
        if w.start > noun.end and w.pos == "NOUN" \
                and claim.text[noun.end - claim.start:w.start - claim.start].strip() == "":
            noun = w
    return noun, before, start
