"""A claim spread wider than its source's: over a whole place or body ("across the
province", "nationwide": the ``widening`` lexicon) or a wider scale of place ("the city" ->
"the country"). Read by DS951 (scope-changed); ``checker.widened_speaker`` reads a claim
given to a whole group of speakers."""

from __future__ import annotations

import re

from checker.align import claim_keys, key, text_keys
from checker.claim_reading import one_claim_a_sentence
from checker.quantified import over_time
from checker.stand_ins import sentences_around

LIMITS = {"some", "one"}
OWN = {"its own", "their own"}  # emphasis on the owner, not a limit
SAME_SHARE = 0.8  # of a claim's words, for a source claim that says the same


def _widening(claim, lexicon) -> str:
    """The first widening word of the claim ("across", "nationwide"), or ''."""
    return widening_in(claim.text, lexicon)


def widening_in(text: str, lexicon) -> str:
    """The first widening word of a text, or ''; not "across" as the adverb of a move toward
    a place ("posts will move across to the new school")."""
    low = " " + " ".join(text.lower().split()) + " "
    hits = [(m.start(), w) for w in lexicon.words.get("widening", {})
            for m in re.finditer(rf" {re.escape(w)} " + (r"(?!(?:to|into|onto) )"
                                                         if w == "across" else ""), low)]
    return min(hits)[1] if hits else ""


def first_of(text: str, words) -> str:
    """The word or phrase of ``words`` that comes first in ``text`` as whole words, or ''."""
    text = " " + " ".join(text.lower().split()) + " "
    hits = [(text.find(f" {w} "), w) for w in words if f" {w} " in text]
    return min(hits)[1] if hits else ""


_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whose|that)\b[^,]*,", re.I)


def _sources_place_it(ctx, dc, cue: str) -> bool:
    """The widening word places something rather than spreading the claim: it stands in a
    relative clause of the claim ("X, which built a weir across the River Amble, hired
    ..."), or its phrase stands as written in a source (``_placed_as_written``), or a
    source passage the claim aligns with on the same verb writes it before the
    same place ("built a weir across the River Amble" where it has "across the lower reach
    of the River Amble": a capitalised word of the four after it in the derived claim
    stands within eight words after the same word there)."""
    at = dc.text.lower().find(cue)
    if at < 0:
        return False
    if any(m.start() < at < m.end() for m in _RELATIVE_CLAUSE.finditer(dc.text)):
        return True
    if _placed_as_written(ctx, dc, at, cue):
        return True
    after = at + len(cue)
    names = {w.lower() for w in re.findall(r"[\w'’-]+", dc.text[after:after + 60])[:4]
             if w[:1].isupper()}
    if not names:
        return False
    same = [sc for sc in ctx.aligned(dc) if key(sc.predicate) == key(dc.predicate)]
    return any(names & set(re.findall(r"[\w'’-]+", text[m.end():m.end() + 80])[:8])
               for text in {sc.sentence.lower() for sc in same}
               for m in re.finditer(rf"\b{re.escape(cue)}\b", text))


def _placed_as_written(ctx, dc, at: int, cue: str) -> bool:
    """The word before the widening word, the word and the three after it stand as written
    in a source sentence ("a crack in a beam across the nave roof" where the source has "a
    beam across the nave roof"), the sentence of a source claim the claim aligns with that
    also holds a verb the derived text puts before the word ("found"): the source
    places that thing so itself, in that deed (not "cut water to homes across the town
    centre" for "replacing pipes to homes across the town centre"). Known false negative:
    that sentence's phrase said of a narrower claim in the same words ("schools across the
    county" said of some schools there)."""
    before = re.findall(r"[\w'’-]+", dc.text[:at])[-1:]
    after = re.findall(r"[\w'’-]+", dc.text[at + len(cue):])[:3]
    if not before or len(after) < 3:
        return False
    phrase = re.compile(r"(?<![\w'’-])%s(?![\w'’-])" % r"\W+".join(
        re.escape(w.lower()) for w in [*before, *cue.split(), *after]))
    verbs = {key(w.lemma) for w in dc.words if w.pos == "VERB" and w.start < dc.start + at}
    return any(phrase.search(sc.sentence.lower())
               and verbs & (text_keys(sc.sentence) | claim_keys(sc)) for sc in ctx.aligned(dc))


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*(?:\s*(?:%|per\s+cent))?")


def _told_beside(ctx, dc, cue: str) -> bool:
    """The widening word and the two words after it stand in a source sentence beside a
    passage the claim aligns with, or in its own ("a 6% share across all depots" where the
    source's next sentence has "6% across all depots"): the source spreads that part of
    the claim itself. Known false negative: a derived claim that moves the source's phrase
    onto another of its figures."""
    at = dc.text.lower().find(cue)
    return at >= 0 and told_beside(ctx, dc, dc.start + at, 3)


def told_beside(ctx, dc, start: int, words: int) -> bool:
    """The ``words`` words of the derived claim from offset ``start`` stand as written, in
    any case, in a source sentence a passage the claim aligns with stands in, or in the
    sentence before or after it, and that sentence gives a figure of the claim besides those
    words, or its verb with two more of its words (DS951 asks of "across all depots" beside
    "12%", "all 40 buses" beside "9 drivers", "across all its depots will wear cameras"
    beside "wear"; not "across the county" or "all three blocks" of a sentence on another
    deed). Known false negative: a neighbouring sentence on another deed that shares a
    figure, or the verb and two more words."""
    found = re.findall(r"[\w'’%-]+", dc.text[start - dc.start:])[:words]
    if len(found) < words:
        return False
    phrase = r"\W+".join(re.escape(w.lower()) for w in found)
    figures = _figures(dc.text) - _figures(" ".join(found))
    verb = key(dc.predicate)
    rest = claim_keys(dc) - {key(w) for w in found} - {verb}
    return any(
        re.search(rf"(?<![\w'’-]){phrase}(?![\w'’-])", text.lower())
        and (figures & _figures(text) or len(rest & text_keys(text)) >= 2 and (
            verb in text_keys(text) or verb in {key(c.predicate) for c in ctx.index.claims
                                                 if c.sentence == text}))
        for sc in ctx.aligned(dc)
        for text in sentences_around(ctx, sc, before=1, after=1))


def _figures(text: str) -> set:
    """The numbers a text writes, a share marked as one ("12%" and "12 per cent" -> "12%",
    "480." -> "480"; "8%" is not "8 wardens")."""
    return {re.sub(r"\s*per\s+cent", "%", m).replace(",", "").replace(" ", "")
            for m in _FIGURE.findall(text)}


def _counted_after(ctx, dc, cue: str) -> bool:
    """A count follows the widening word ("across 212 plots", "across its 14 depots"): the
    claim names its own extent, which DN501 compares with the source's figure; unless a
    source takes a part of that count ("in 12 of its 40 branches", "two of the EU's 27
    member states"), whose whole the claim then spreads over."""
    at = dc.text.lower().find(cue)
    if at < 0:
        return False
    start = dc.start + at + len(cue)
    count = next((q for q in dc.quantities if q.kind in ("number", "quantity")
                  and start < q.start <= start + 12), None)
    if count is None:
        return False
    figure = re.escape(count.text.split()[0])
    part = re.compile(rf"\b\w+\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’]+\s+)?{figure}\b",
                      re.I)
    return not part.search(ctx.source_text)


def _stands_alone(dc, cue: str) -> bool:
    """The widening word is an adverb of its own ("nationwide", "everywhere"), not a
    preposition: it takes no object, so a span of time after it ("nationwide this year") is
    not what it spreads over."""
    return any(w.text.lower() == cue and w.pos in ("ADV", "ADJ") for w in dc.words)


# A place the source limits a claim to in lower case ("in the valley", "at the plant").
_IN_PLACE = re.compile(r"\b(?:in|at|within)\s+the\s+[a-z]+\b")


def widened_place(ctx, dc):
    """(cue, source claim, what the source says) when the claim is spread over a whole place
    or body ("across the province") and its source claim on the same verb is not."""
    cue = _widening(dc, ctx.lexicon)
    alone = bool(cue) and _stands_alone(dc, cue)
    if not cue or not alone and over_time(dc.text, cue, ctx.lexicon) \
            or _sources_place_it(ctx, dc, cue) or _counted_after(ctx, dc, cue) \
            or _told_beside(ctx, dc, cue):
        return None
    dkeys = claim_keys(dc)
    at = dc.start + dc.text.lower().find(cue)
    before = [w for w in dc.words if w.pos == "VERB" and w.start < at] if alone else []
    verbs = {key(dc.predicate)} | {key(w.lemma) for w in before[-1:]}  # the verb an adverb
    # spreads ("have risen sharply nationwide: the bureau counted ..."; not "counted ...
    # across A, B and C", which names the places)
    for sc in ctx.aligned(dc):
        if key(sc.predicate) not in verbs or len(dkeys & claim_keys(sc)) < 2:
            continue
        if _widening(sc, ctx.lexicon) or any(c.role == "all" for c in sc.scope):
            return None
        limit = next((c.text for c in sc.scope if c.role in LIMITS), "")
        where = next((e.text for e in sc.entities if e.label in ("GPE", "LOC", "FAC")), "") \
            or next((m.group(0) for m in _IN_PLACE.finditer(sc.text)), "") \
            or next((e.text for e in sc.entities if e.label == "ORG"), "")
        what = f'"{limit}"' if limit else f'"{where}"' if where else "a narrower group"
        return cue, sc, what
    return None


# Ranks of place scales at least this far apart widen a claim: "the city" -> "the country",
# not "the town" -> "the city", which writers use loosely for one place.
SCALE_GAP = 2


def _places(claim, lex) -> list:
    """(word, rank) of each lower-case place noun the claim names as a place, after "the"
    ("the city", "the country": place_scales.txt); not one inside a name ("Dunmore County
    Council"), a compound ("open-world", "the city council"), the owner of one thing ("the
    town's bus station"; not of many, "the country's water firms") or a quotation."""
    out = []
    for k, w in enumerate(claim.words):
        if w.pos != "NOUN" or not w.text.islower() or not lex.has("place_scales", w.lemma):
            continue
        at = w.start - claim.start
        nxt = claim.words[k + 1] if k + 1 < len(claim.words) else None
        after = claim.text[at + len(w.text):]
        owned = None  # the head of the noun run after it: "firms" of "water firms"
        ranked = False  # a record over the place: "the city's highest rise"
        for x in claim.words[k + 1:]:
            if owned is not None and x.start > owned.end + 1:
                break  # (the run ends where a word the claim leaves out stands)
            if x.pos == "NOUN":
                owned = x
            elif owned is not None or x.pos not in ("ADJ", "PROPN"):
                break
            ranked = ranked or x.pos == "ADJ" and (x.text.lower().endswith("est")
                                                  or x.text.lower() in ("best", "worst"))
        if not claim.text[:at].lower().endswith("the ") or after[:1] == "-" \
                or after[:2] in ("'s", "’s") and owned is not None and not ranked \
                and owned.text.lower() == owned.lemma.lower() \
                or nxt is not None and nxt.pos == "NOUN" and nxt.start == w.end + 1 \
                or any(q.start <= w.start < q.end for q in claim.quotes):
            continue  # (nor one that owns one thing: "the town's bus station"; its many,
            # "the country's water firms", are the claim's reach)
        out.append((w.text, int(lex.value("place_scales", w.lemma))))
    return out


def _sentence_places(ctx, sc, lex) -> list:
    """(word, rank) of each place noun a source sentence writes after "the" (and a name:
    "the Eastmarch region"), where the parse may have left it out of every claim ("..., the
    worst floods the town has known"); not one a noun of the sentence's claims follows ("the
    city council")."""
    nouns = {w.start for c in ctx.sentence_claims(sc) for w in c.words if w.pos == "NOUN"}
    out = []
    for m in re.finditer(r"\bthe (?:[A-Z][\w'’-]+ )*([a-z]+)\b(?!-)", sc.sentence):
        # (also after a name: "in the Eastmarch region")
        after = sc.sent_start + m.end() + 1
        if lex.has("place_scales", m.group(1)) and after not in nouns:
            out.append((m.group(1), int(lex.value("place_scales", m.group(1)))))
    return out


def widened_scale(ctx, dc):
    """(cue, source claim, what the source says) when the claim puts its matter in a larger
    kind of place than the source claim it aligns with ("the worst floods the town has
    known" -> "the county has known"): a place noun two ranks or more above the source
    claim's, which the source sentence does not have, and four content words shared (or
    three that are two thirds of a short claim's words besides the place)."""
    lex = ctx.lexicon
    mine = _places(dc, lex)
    if not mine:
        return None
    dkeys = claim_keys(dc)
    said = {w for w, _ in mine}
    rest = dkeys - {key(w) for w in said}
    # the places of the passages the aligner gives the claim ("the first such permit in the
    # region"): a place the claim shares with one of them is the source's
    aligned = {x for o in ctx.aligned(dc) for x, _ in _sentence_places(ctx, o, lex)}
    for sc in one_claim_a_sentence(ctx.index):  # the sentence the claim restates, aligned
        # or not
        theirs = _sentence_places(ctx, sc, lex)
        if not theirs:
            continue
        said_there = text_keys(sc.sentence).union(*(claim_keys(c)
                                                    for c in ctx.sentence_claims(sc)))
        shared = dkeys & said_there  # by form or by lemma
        if len(shared) < 4 and not (len(shared) >= 3 and len(shared & rest)
                                    >= 2 / 3 * len(rest)):
            continue  # four words of the sentence, or two thirds of a short claim's
            # words besides its place ("The fire was the worst the county had seen")
        for w, rank in mine:
            if w in {x for x, _ in theirs} or w in aligned:
                continue  # the source sentence has this place too, or an aligned passage
            smaller = [x for x, r in theirs if rank - r >= SCALE_GAP and x not in said]
            if smaller:
                return w, sc, f'"{smaller[0]}"'
    return None
