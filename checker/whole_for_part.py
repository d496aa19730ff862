"""A claim about a part made about the whole the part belongs to (DS951 scope-changed):
"all of the firm's depots" where the aligned source claim names one site in the same place
of the sentence ("pick rates at all of Tarrow's depots" for "pick rates at Hollins Yard"),
or "the whole centre" as the subject where the source's subject is another noun ("the
whole leisure centre will stay shut" for "the rink will stay shut"; also after a possessive,
"Tarrow's entire staff" for "drivers at Tarrow"), or "the entire length
of" a thing after a preposition that the source gives a part of the thing ("along the
entire length of the canal" for "along the canal's eastern towpath"), or a figure given for
"all of" a kind of thing that the source gives for one thing of that kind, named ("stocks in
all of its silos down to 30%" for "stocks at Marden Silo stood at 30%"), or "the entire"
thing as the verb's object where the source gives a stretch of it ("fenced off the entire
towpath" for "fenced off a stretch of the towpath").

Known false positives: a name the source gives as the whole it means ("at Tarrow's sites"
for "at Tarrow"); a whole the source also states the claim of in a passage the aligner did
not pick."""

from __future__ import annotations

import re

from checker.align import key
from checker.figure_match import same_value
from checker.lexicon import shipped
from checker.quantified import noun_after

# "<word> <preposition> all (of) [the | <Name>'s] <noun>": the slot a name filled.
_ALL_SLOT = re.compile(
    r"\b([a-z][\w-]+)\s+(at|in|across|for|from|on)\s+((?:all|every)\s+(?:of\s+)?"
    r"(?:the\s+|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*['’]s?\s+)?(?:\d+\s+|[a-z]+(?=\s+[a-z]+s\b)"
    r"\s+)?[a-z][\w-]+)")
_NAME = r"((?:[A-Z][\w&-]+)(?:\s+[A-Z][\w&-]+)*)"
_WHOLE = re.compile(r"^(?:(?i:the|its|their)\s+|(?:[A-Z][\w&-]*\s+)*[A-Z][\w&-]*['’]s?\s+)?"
                    r"(?i:whole|entire)\s+(?:[\w-]+\s+)?([a-z][\w-]+)$")
# "<preposition> the entire length of the <noun>", "across the whole <noun>": a whole where
# the source's same preposition takes a part of it ("along the canal's eastern towpath")
_WHOLE_OF = re.compile(r"\b(beneath|under|along|across|in|on|at|throughout)\s+the\s+"
                       r"(?:whole|entire)\s+(?:(?:length|width|area|extent|span)\s+of\s+"
                       r"(?:the\s+)?)?([a-z][\w-]+)\b", re.I)
_WHOLE_WORDS = shipped("whole_words")


def whole_for_part(ctx, dc):
    """(the derived words, the source claim, what the source says) when the derived claim
    puts a whole in the place of the part its aligned source claim names; else None."""
    sup = ctx.aligned(dc)
    for m in _ALL_SLOT.finditer(dc.text):
        word, prep, phrase = m.groups()
        slot = re.compile(rf"\b{re.escape(word)}\s+{prep}\s+(?:the\s+)?{_NAME}")
        for sc in sup:
            found = slot.search(sc.text) or _subject_slot(dc, sc, word, prep)
            if found and found.group(1) not in dc.text \
                    and not re.search(r"\b(?:all|every)\b", sc.text, re.I):
                return phrase, sc, f'"{found.group(1)}"'
    for m in _WHOLE_OF.finditer(dc.text):
        prep, noun = m.group(1).lower(), m.group(2)
        part = re.compile(rf"\b{prep}\s+(?:the\s+|its\s+)?(?:{re.escape(noun)}['’]s?\s+"
                          rf"((?:[a-z][\w-]+\s+)?[a-z][\w-]+)|((?:[a-z][\w-]+\s+)?"
                          rf"[a-z][\w-]+)\s+of\s+(?:the\s+|its\s+){re.escape(noun)}\b)", re.I)
        for sc in sup:
            found = part.search(sc.text)
            named = found and (found.group(1) or found.group(2))
            if named and not _WHOLE_WORDS & set(named.lower().split()) \
                    and not _WHOLE_WORDS & set(sc.text.lower().split()):
                return m.group(0)[len(m.group(1)) + 1:], sc, f'"{found.group(0)}"'
    stretch = _whole_object(dc, ctx.support(dc)[1], ctx.index.claims)
    if stretch is not None:
        return stretch
    whole = _WHOLE.match(dc.subject.strip(" ,"))
    if whole is None:
        return None
    head = key(whole.group(1))
    for sc in sup:
        words = sc.subject.strip(" ,").lower().split()
        if key(sc.predicate) == key(dc.predicate) and words and key(words[-1]) != head \
                and not {"whole", "entire", "all"} & set(words):
            return dc.subject.strip(" ,"), sc, f'"{sc.subject.strip(" ,")}"'
    return None


# "the entire four-mile towpath": a whole as the verb's object
_WHOLE_OBJECT = re.compile(r"(?:the|its|their)\s+(?:whole|entire)\s+", re.I)
_STRETCH = "|".join(sorted(shipped("stretch_nouns")))


def _whole_object(dc, support, claims):
    """(the derived words, the source claim, what the source says) when the derived verb
    takes "the entire" thing ("chained off the entire four-mile towpath") where a supporting
    source claim on the same verb has for its object, or right after it, a part of it
    (stretch_nouns.txt: "chained the stiles on a stretch of towpath"), and no source
    claim on that verb has the thing itself for its object ("police closed the road"
    beside "workers closed a section of the road"); else None."""
    obj = (dc.object or "").strip(" ,")
    m = _WHOLE_OBJECT.match(obj)
    at = dc.text.find(obj) if m else -1
    if at < 0:
        return None
    noun = _head_noun(dc, dc.start + at + m.end())
    if noun is None:
        return None
    head = re.escape(noun.text.lower())
    part = re.compile(rf"\b(?:{_STRETCH})\s+of\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){{0,2}}?"
                      rf"{head}\b", re.I)
    whole = re.compile(rf"^(?:(?:the|its|their)\s+)?(?:[\w'’-]+\s+){{0,2}}?{head}\b", re.I)
    same = [sc for sc in claims if key(sc.predicate) == key(dc.predicate)]
    if any(whole.match((sc.object or "").strip(" ,")) for sc in same):
        return None
    for sc in support:
        found = _part_after_verb(sc, part)
        if found and sc in same and not _WHOLE_WORDS & set(re.findall(r"[a-z]+",
                                                                      sc.text.lower())):
            return dc.text[at:noun.end - dc.start], sc, f'"{found.group(0)}"'
    return None


def _part_after_verb(sc, part):
    """The part phrase in the source claim's object or in a phrase right after it, before
    any comma ("chained the stiles on a stretch of towpath"); not one "as part of" that
    gives the deed's frame ("closed the towpath as part of an upgrade")."""
    at = sc.text.find(sc.object) if sc.object else -1
    if at < 0:
        return None
    phrase = sc.text[at:].split(",")[0]
    found = part.search(phrase)
    if found is None or re.search(r"\bas\s+$", phrase[:found.start()], re.I) or any(
            w.pos == "VERB" and sc.start + at <= w.start < sc.start + at + found.start()
            for w in sc.words):
        return None  # (nor a part another verb takes: "close the lane to resurface a
        # section of it")
    return found


def _head_noun(claim, start: int):
    """The last noun of the run of words that starts at ``start`` with nothing but spaces or
    hyphens between them ("four-mile Wendlow towpath | between ..."), or None."""
    words = [w for w in sorted(claim.words) if w.start >= start]
    head, end = None, start
    for w in words:
        if claim.text[end - claim.start:w.start - claim.start].strip(" -"):
            break  # a function word or a comma ends the phrase
        if w.pos == "NOUN":
            head = w
        end = w.end
    return head


def _subject_slot(dc, sc, word: str, prep: str):
    """The name the source claim on the same verb gives in its subject after the same
    preposition, when the derived "all" stands there too with another noun before it
    ("keepers at all three lodges were sent the rota" for "keepers at Pennick Lodge had been
    sent it")."""
    if key(sc.predicate) != key(dc.predicate) or word not in dc.subject.split():
        return None
    return re.search(rf"\b[a-z][\w-]+\s+{prep}\s+(?:the\s+)?{_NAME}", sc.subject)


# A name whose last word is a common noun of its kind: "Marden Silo", "Hollins Yard".
_NAMED = re.compile(r"\b(?:[A-Z][\w'’&-]+\s+)+([A-Z][a-z]+)\b")


def figure_of_one(ctx, dc):
    """(the derived words, the source claim, what the source says) when the figure of a
    derived claim about "all" of a kind of thing ("all of its silos ... 30%") is one
    the source gives a single thing of that kind by name ("Marden Silo ... 30%"),
    in a claim that says "all" of nothing; else None. Known false positive: a source that
    gives the same figure for the whole in a passage with another word for it."""
    for cue in dc.scope:
        if cue.role != "all":
            continue
        noun = noun_after(dc, cue)
        figures = [q for q in dc.quantities if q.start > cue.end and q.kind != "date"]
        if not noun or not figures:
            continue
        for sc in ctx.index.claims:
            if any(c.role == "all" for c in sc.scope) or not any(
                    same_value(q, sq) for q in figures for sq in sc.quantities):
                continue
            named = next((m.group(0) for m in _NAMED.finditer(sc.text)
                          if key(m.group(1).lower()) == noun), None)
            if named and named.lower() not in dc.text.lower():
                return cue.text, sc, f'"{named}"'
    return None
