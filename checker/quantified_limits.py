"""What in a source claim limits a noun that a derived claim widens with "all" or a plural: an
adjective or participle before it ("existing plans"), a bound by a figure after it ("trawlers
more than 20 years old") or a relative clause with no comma before it that the derived claim
drops, the one thing a singular and definite noun names ("the riverside footpath"), and a figure
that takes part of the subject's plural noun ("about 40 percent of nurses", "one branch
secretary"). DS951 reads them on the nouns that checker/quantified.py finds."""

from __future__ import annotations

import re

from checker.align import claim_keys, key, text_keys
from checker.claim_reading import ends_with_word_of
from checker.lexicon import shipped_values
from checker.numbers import number_values
from checker.quantified import WHOLE, count_of, subject_words
from checker.word_patterns import WORD_TOKEN as _WORDS


def qualified(sc, dc, noun: str, lexicon):
    """The source's adjective or participle that picks out some of ``noun`` ("existing
    plans", "older buses"), a bound by a figure after it ("trawlers more than 20 years
    old") or a relative clause with no comma before it ("students whose grades meet their
    offers"; or a participle with its object, "manuscripts using the 2019 data"), when the
    derived claim drops it for "all": "existing plans", or None. Known
    false positive: a clause the derived text keeps in other words ("students who get
    free meals" for "every pupil on free meals")."""
    words = list(sc.words)
    for i, w in enumerate(words):
        if key(w.lemma) != noun or i == 0:
            continue
        j = i - 1  # over the nouns of a compound ("existing season tickets") and the
        # adjectives the derived claim keeps ("existing residential moorers")
        while j > 0 and words[j + 1].start - words[j].end <= 1 and (
                words[j].pos == "NOUN" or words[j].pos == "ADJ" and key(words[j].lemma)
                in claim_keys(dc)):
            j -= 1
        adj = words[j]
        before = sc.text[:adj.start - sc.start]
        participle = (adj.pos == "VERB" and adj.text.lower().endswith(("ing", "ed"))
                      and (not before.strip() or before.rstrip()[-1] in ",;:"
                           or ends_with_word_of(before, lexicon, "determiners",
                                                "prepositions")))  # (its phrase opens
        # on it: "Existing moorers will", "To soften it, existing moorers will")
        if (adj.pos == "ADJ" or participle) and words[j + 1].start - adj.end <= 1 and \
                key(adj.lemma) not in claim_keys(dc) and not re.search(
                    rf"\b{re.escape(adj.text)}\b", dc.text, re.I):  # ("new", no content key)
            return sc.text[adj.start - sc.start:w.end - sc.start]
        after = _restricted_after(sc, w)
        if after and not bound_kept(sc, dc, noun):
            return sc.text[w.start - sc.start:w.end - sc.start] + after
        clause = _RESTRICTING_CLAUSE.match(sc.text, w.end - sc.start)
        participle = _PARTICIPLE_AFTER.match(sc.text, w.end - sc.start)
        if participle and not clause and _participle_dropped(sc, dc, participle, lexicon):
            # "manuscripts using the oats data": the participle and its object left out
            return sc.text[w.start - sc.start:w.end - sc.start] + participle.group()
        if clause and len(claim_keys(dc) & {key(x) for x in _WORDS.findall(
                clause.group(1).lower()) if len(x) > 3}) < 2:
            # "households whose boilers failed the check": a relative clause
            # with no comma before it picks out some of them, and the derived claim keeps
            # at most one of its words
            return sc.text[w.start - sc.start:w.end - sc.start] + clause.group()
    return None


def excluded_part(sc, dc, noun: str) -> str:
    """The part of ``noun`` a source claim shuts out ("night crews, but not drivers on day
    routes", "every branch except the two in Dunmore"): "but not", "except" or
    "excluding", or "not" with a preposition, right before the noun, a word or two between
    ("not to sign new riders" shuts out no riders: a verb is negated); '' when none. "All
    of its pilots" widens what the source limits so."""
    forms = {w.text for w in sc.words if key(w.lemma) == noun}
    for form in forms:
        m = re.search(rf"\b(?:(?:but\s+not|except|excluding)\s+(?:(?:for|in|on|at)\s+)?|"
                      rf"not\s+(?:for|in|on|at)\s+)(?:the\s+|its\s+|their\s+)?"
                      rf"(?:[\w-]+\s+){{0,2}}?{re.escape(form)}\b[^,;.]*", sc.text)
        if m is None:
            continue
        kept = {key(x) for x in _WORDS.findall(m.group().lower()) if len(x) > 3} - {noun}
        if not kept & (claim_keys(dc) | text_keys(dc.text)):
            return m.group()  # (not where the derived claim keeps the part: "drivers hired
            # by May" for "excluding drivers hired after May")
    return ""


# A relative clause right after a noun, with no comma: it restricts the noun
_RESTRICTING_CLAUSE = re.compile(r"\s+(?:who|whose|that)\s+([^,;:()]+)", re.I)
# or a participle with its object, read to the word after the article ("manuscripts using
# the data", "riders coming from the academy")
_PARTICIPLE_AFTER = re.compile(
    r"\s+([a-z]+ing\s+(?:(?:from|at|in|on|with|for|of)\s+)?(?:the|a|an|its|their)\s+"
    r"[\w'-]+)")


def bound_kept(sc, dc, noun: str) -> bool:
    """Both claims bound ``noun`` by the same figure after it, on the same side ("lorries
    over 12 tonnes", "lorries over twelve tonnes"; "boats more than 30 years old", "boats
    older than 30 years"): the derived claim keeps the source's limit in words of its own
    ("flats under 18 metres" for "flats over 18 metres" does not)."""
    def bounds(claim):
        return {b for w in claim.words if key(w.lemma) == noun
                for b in [_bound_after(claim, w)] if b is not None}
    theirs = bounds(sc)
    return any(v == tv and (side is None or tside is None or side == tside)
               for side, v in bounds(dc) for tside, tv in theirs)


def _restricted_after(sc, noun) -> str:
    """Words right after ``noun`` that pick out some of it by a figure ("trawlers more than
    20 years old", "flats over 30 metres tall", "boats older than 30 years": a bound, then
    a figure), or ''."""
    m = _bound_match(sc, noun)
    return m.group() if m else ""


def _bound_after(claim, noun):
    """(side, figure) of the bound right after ``noun``: the approximator's side (+1 "over",
    -1 "under"; None for a comparative, "older than"), or None."""
    m = _bound_match(claim, noun)
    if m is None:
        return None
    return (_SIDES[m.group(1)] if m.group(1) else None), number_values(m.group(3))[0]


def _bound_match(claim, noun):
    """The match of a bound and a figure right after ``noun``, in its clause, or None."""
    rest = re.split(r"[,;:.]\s", claim.text[noun.end - claim.start:] + " ", 1)[0]
    m = _BOUND_AFTER.match(rest)
    return m if m and number_values(m.group(3)) else None


# A bound of the approximators lexicon ("more than", "over", "under"; not "about") or a
# comparative with "than" ("older than"), a figure and up to two words ("more than 20 years
# old", "over two decades old").
_SIDES = {p: int(side) for p, side in shipped_values("approximators") if side.strip() != "0"}
_BOUND_AFTER = re.compile(r"\s+(?:(%s)|([a-z]+er\s+than))\s+([\w.,£$€%%-]+)(?:\s+\w+){0,2}"
                          % "|".join(re.escape(p) for p in _SIDES))


def one_of_them(sc, dc, noun: str, cue, lexicon):
    """The source's one thing ("the riverside footpath between Cawford and Millbeck") where
    the derived claim says "all footpaths": the source gives the noun only in the singular
    and definite ("the", "this", "its": a generic "a driver caught using a phone" speaks of
    every driver), the derived text after "all" in the plural. The source's noun phrase, or
    None."""
    mine = next((w for w in dc.words if w.start >= cue.end and key(w.lemma) == noun), None)
    if mine is None or mine.text.lower() == mine.lemma.lower():
        return None  # "all the water", "every footpath": no plural to compare
    theirs = [w for w in sc.words if key(w.lemma) == noun]
    if not theirs or any(w.text.lower() != w.lemma.lower() for w in theirs):
        return None
    w = theirs[0]
    before = sc.text[:w.start - sc.start].split()[-3:]
    opener = next((i for i in range(len(before) - 1, -1, -1) if any(
        lexicon.has(role, before[i].lower()) for role in ("definite_openers", "possessives",
                                                          "deictics", "articles"))), None)
    if opener is None or not any(lexicon.has(role, before[opener].lower()) for role in
                                 ("definite_openers", "possessives", "deictics")):
        return None  # no determiner, or "a"/"an": a kind, not one thing
    return " ".join(before[opener:] + [w.text])


def part_counted(sc, dc) -> str:
    """The figure that takes a part of a plural noun of the source subject ("about 40
    percent of nurses at the hospital", "three of the nurses"), or a single one of it ("one
    branch secretary"), where the derived subject gives that noun in the plural with no
    figure ("nurses at the hospital"): the figure, or ''."""
    mine = {key(w.lemma): w for w in _head_run(dc) if w.pos == "NOUN"}
    for w in subject_words(sc):
        noun = key(w.lemma)
        d = mine.get(noun)
        if w.pos != "NOUN" or d is None or d.text.lower() == d.lemma.lower():
            continue
        single = re.match(r"\W*(one|a single)\s", sc.subject, re.I)
        if single and w.text.lower() == w.lemma.lower() and not count_of(dc, noun):
            return single.group(1)  # "one branch secretary proposed a ballot" told of "the
            # union's branch secretaries"
        figure = count_of(sc, noun)
        m = re.match(rf"\W*(?:(\w+)\s+)?{re.escape(figure)}\s+of\b", sc.subject) \
            if figure else None
        if m and not count_of(dc, noun) and (m.group(1) or "").lower() not in WHOLE:
            return figure  # a part that opens the subject ("about 40 percent of"), not "the
            # 12 councillors" (all of them), "a survey of 420 of its members" nor "every
            # one of the visits"
    return ""


def _head_run(claim) -> list:
    """The words of the subject's first noun phrase, up to a word that is no noun, name or
    adjective or to a gap of more than a possessive or a hyphen ("the city's bus drivers",
    "season-ticket holders"; "Images" of "Images that appeared to show questions")."""
    words = subject_words(claim)
    out = []
    for w in words:
        if w.pos not in ("NOUN", "PROPN", "ADJ"):
            break
        if out and claim.text[out[-1].end - claim.start:w.start - claim.start].strip() \
                not in ("", "'s", "’s", "'", "’", "-"):  # "season-ticket holders": one noun
            break
        out.append(w)
    return out


def _participle_dropped(sc, dc, participle, lexicon) -> bool:
    """The word after the noun is a participle, not a preposition ("using", not "during":
    prepositions.txt), and the derived text keeps neither it nor any word of its object but
    articles and prepositions ("working in the UK" kept whole is no limit dropped)."""
    words = _WORDS.findall(participle.group(1))
    if not words or lexicon.has("prepositions", words[0].lower()):
        return False
    kept = [x for x in words if not any(lexicon.has(role, x.lower())
                                        for role in ("articles", "prepositions"))]
    return bool(kept) and not any(re.search(rf"\b{re.escape(x)}\b", dc.text, re.I)
                                  for x in kept)
