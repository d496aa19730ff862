"""A claim spread wider than its source's: over a whole place or body ("across the
province", "nationwide": the ``widening`` lexicon), or given to a whole group of speakers
that the source limits to some of them, to a count of them or to one person. Read by DS951
(scope-changed)."""

from __future__ import annotations

import re

from checker.actors import GROUP_LEXNAME, PERSON_LEXNAME
from checker.align import claim_keys, key, text_keys
from checker.claim_reading import one_claim_a_sentence
from checker.lexicon import shipped
from checker.numbers import number_values
from checker.quantified import over_time
from checker.source_phrase import core
from checker.stand_ins import sentences_around

LIMITS = {"some", "one"}
OWN = {"its own", "their own"}  # emphasis on the owner, not a limit
SAME_SHARE = 0.8  # of a claim's words, for a source claim that says the same


def _widening(claim, lexicon) -> str:
    """The first widening word of the claim ("across", "nationwide"), or ''."""
    return _widening_in(claim.text, lexicon)


def _widening_in(text: str, lexicon) -> str:
    """The first widening word of a text, or ''."""
    return _first_of(text, lexicon.words.get("widening", {}))


def _first_of(text: str, words) -> str:
    """The word or phrase of ``words`` that comes first in ``text`` as whole words, or ''."""
    text = " " + " ".join(text.lower().split()) + " "
    hits = [(text.find(f" {w} "), w) for w in words if f" {w} " in text]
    return min(hits)[1] if hits else ""


_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whose|that)\b[^,]*,", re.I)


def _sources_place_it(ctx, dc, cue: str) -> bool:
    """The widening word places something rather than spreading the claim: it stands in a
    relative clause of the claim ("X, which built a weir across the River Amble, hired
    ..."), or a source passage the claim aligns with on the same verb writes it before the
    same place ("built a weir across the River Amble" where it has "across the lower reach
    of the River Amble": a capitalised word of the four after it in the derived claim
    stands within eight words after the same word there)."""
    at = dc.text.lower().find(cue)
    if at < 0:
        return False
    if any(m.start() < at < m.end() for m in _RELATIVE_CLAUSE.finditer(dc.text)):
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


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


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
    sentence before or after it, and that sentence gives the claim's verb or a figure of the
    claim besides those words (DS951 asks of "across all centres" beside "8%", "all 318
    passengers" beside "27 crew", "across all its depots will wear" beside "wear"; not
    "across the county" or "all three blocks" of a sentence on another deed). Known false
    negative: a neighbouring sentence on another deed that shares a figure or the verb."""
    found = re.findall(r"[\w'’%-]+", dc.text[start - dc.start:])[:words]
    if len(found) < words:
        return False
    phrase = r"\W+".join(re.escape(w.lower()) for w in found)
    figures = _figures(dc.text) - _figures(" ".join(found))
    verb = key(dc.predicate)
    return any(
        re.search(rf"(?<![\w'’-]){phrase}(?![\w'’-])", text.lower())
        and (figures & _figures(text) or verb in text_keys(text) or verb in {
            key(c.predicate) for c in ctx.index.claims if c.sentence == text})
        for sc in ctx.aligned(dc)
        for text in sentences_around(ctx, sc, before=1, after=1))


def _figures(text: str) -> set:
    """The numbers a text writes, without their marks ("12%", "12 per cent", "480." -> 12,
    480)."""
    return {m.replace(",", "") for m in _FIGURE.findall(text)}


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
    Council"), a compound ("open-world", "the city council") or a quotation."""
    out = []
    for k, w in enumerate(claim.words):
        if w.pos != "NOUN" or not w.text.islower() or not lex.has("place_scales", w.lemma):
            continue
        at = w.start - claim.start
        nxt = claim.words[k + 1] if k + 1 < len(claim.words) else None
        if not claim.text[:at].lower().endswith("the ") or claim.text[at + len(w.text):][:1] \
                == "-" or nxt is not None and nxt.pos == "NOUN" and nxt.start == w.end + 1 \
                or any(q.start <= w.start < q.end for q in claim.quotes):
            continue
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


_DEGREE_MOST = re.compile(r"\b(?:the|its|their|his|her|[\w-]+['’]s)\s+most\b", re.I)


def _speaker_limit(text: str, lexicon) -> str:
    """The scope word that limits a speaker ("some" in "some residents of X"), or ''; not one
    in what a relative clause says the speaker reported ("the company, which said in its
    plan that some towns ...")."""
    text = re.split(r",\s*(?:which|who)\b[^,;]*?\bthat\s", text, 1)[0]
    text = _DEGREE_MOST.sub(" ", text)  # "its most recent accounts": a degree, no limit
    return _first_of(text, [w for w, role in lexicon.words.get("scope", {}).items()
                            if role in LIMITS])


def _head_form(attr) -> str:
    """The speaker's head word as written ("engineers" for the head "engineer"), or ''."""
    head = attr.head.lower()
    words = re.findall(r"[a-z]+", core(attr.source).lower())
    return next((w for w in words if w.startswith(head[:-1] if len(head) > 3 else head)
                 and len(w) - len(head) <= 2), "")


def _one_speaker(attr) -> bool:
    """One person: "a former engineer", "an engineer who ...", the head in the singular."""
    first = attr.source.split()[:1]
    return bool(first) and first[0].lower() in ("a", "an", "one") and _head_form(attr) == \
        attr.head.lower()


def _named_one(attr) -> bool:
    """One party by its name, every word capitalised before a comma ("Corlan Tyres, the
    league's tyre supplier and one of its sponsors")."""
    name = attr.source.split(",")[0].split()
    return len(name) >= 2 and all(re.fullmatch(r"[A-Z][\w'’&.-]*", w) for w in name)


def _plural_head(attr) -> bool:
    """The speaker's head in the plural ("former engineers")."""
    form = _head_form(attr)
    return bool(form) and form != attr.head.lower() and form.endswith("s")


def widened_speaker(ctx, dc):
    """(cue, source claim, what the source says, the derived speaker's attribution) when the
    derived claim gives its statement to a whole group ("residents across the valley",
    "residents", "the canal's boatyard operators") that the source limits to a part of it
    ("some residents of one town") or to a count of it ("two boatyard operators"), or to the
    body of people a count of them belongs to ("staff at the council's depots" for "two
    drivers at its Brookfield depot": ``_staff_of``), or to one named member of it ("the
    co-founders" for "Ada Kerr, a co-founder"; "the league's sponsors" for "Corlan Tyres,
    one of its sponsors")."""
    da = _speaker(dc.attribution)
    if da is None:
        return None
    if _speaker_limit(da.source, ctx.lexicon):
        return None
    mine = claim_keys(dc)
    close = ctx.aligned(dc, threshold=0.8) or [  # or one whose every word the claim keeps,
        sc for sc in ctx.aligned(dc) if len(claim_keys(sc)) >= 3 and claim_keys(sc) <= mine]
    for sc in close:  # the claim adding a detail ("... that failed during the outage")
        sa = _speaker(sc.attribution)
        if sa is None or _same_name(da, sa):
            continue
        staff = key(sa.head) != key(da.head)
        if staff and _plural_head(da) and _apposed_one(sa) == key(da.head) \
                and set(re.findall(r"(?<!^)\b[A-Z][\w'’-]*", da.source.strip())) \
                <= set(re.findall(r"[\w'’-]+", sa.source)):  # no other body's name in it
            return da.source, sc, f'"{sa.source.strip(" ,")}"', da  # "Ada Kerr, a
            # co-founder" given as "the co-founders"
        if staff and _named_one(sa) and _plural_head(da) \
                and key(da.head) in {key(w) for w in re.findall(r"[a-z][\w-]*", sa.source)} \
                and not _said_by_whole_group(ctx, dc, da):
            return da.source, sc, f'"{sa.source.strip(" ,")}"', da  # "Corlan Tyres, the
            # league's tyre supplier and one of its sponsors" given as "the league's sponsors"
        if staff and not _staff_of(ctx, sa, da):
            continue
        limit = _speaker_limit(sa.source, ctx.lexicon)
        if (staff and not _counted(da)) or (limit and limit not in OWN and limit != "one") or (
                _one_speaker(sa) and _plural_head(da)) or (
                _counted(sa) and _plural_head(da) and _whole_group(da)):
            if _said_by_whole_group(ctx, dc, da):
                return None  # "in a joint letter, the estate's tenants said ...": the group
                # says it, in a claim of the same words the aligner may not pick
            return _widening_in(da.source, ctx.lexicon) or da.source, sc, f'"{sa.source}"', da
    return None


_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")
_PREPOSITIONS = shipped("prepositions")
_BODY_HEADS = shipped("non_person_heads")  # "the Skellan Fishers' Cooperative": a body


def _same_name(da, sa) -> bool:
    """Both speakers are one named person, however each describes her ("Independent
    bridge engineer Corin Hale" for "Corin Hale, an independent bridge engineer who has
    inspected several crossings"): whom the description's words cannot widen. The name is a
    run of capitalised words (it may take in a title before it; the source's speaker must
    hold its last two words) that no preposition sets as a place or a body ("staff at
    Harrow Mill" and "two workers at Harrow Mill" share no person), that ends its phrase or
    has a comma, "of", "from" or "at" after it ("Corin Hale of Marl University"; "Harnet
    Logistics drivers" names a company's drivers, not a person), and no body's head ends it
    (a body's description may widen it: non_person_heads.txt). Known false negative: a group
    named after one person ("Ada Kerr and other residents" for "Ada Kerr")."""
    def people(text: str) -> list:
        out = []
        for m in _NAME_RUN.finditer(text):
            before = re.findall(r"[a-z]+", text[:m.start()].lower())[-1:]
            last = m.group().split()[-1].lower()
            ends = re.match(r"\s*(?:,|$|(?:of|from|at)\b)", text[m.end():]) is not None
            if ends and not (before and before[0] in _PREPOSITIONS) \
                    and last not in _BODY_HEADS:
                out.append(" ".join(m.group().split()[-2:]))
        return out

    theirs = people(sa.source)
    return any(re.search(rf"\b{re.escape(p)}\b", t) for p in people(da.source) for t in theirs)


_APPOSED_ONE = re.compile(r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*,\s+(?:a|an|one)\s+"
                          r"(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)(?=\s+(?:who|of|at|in|on|for|from"
                          r"|with)\b|\s*,|\s*$)")


def _apposed_one(sa) -> str:
    """The key of the one-person description a named source speaker is given in apposition
    ("Ada Kerr, a co-founder who ran the clinic": "founder"), or ''."""
    m = _APPOSED_ONE.match(sa.source.strip())
    return key(m.group(1).split("-")[-1]) if m else ""


def _staff_of(ctx, sa, da) -> bool:
    """The derived speaker is the body of people the counted source speakers belong to:
    "staff at the council's depots" for "two drivers at the council's Brookfield
    depot" (a head WordNet files first as a group, "staff", "crew", against one it
    files as a person; not a body's own noun, "the council": non_person_heads.txt, nor a
    party's; and a word of the phrase besides in common)."""
    wn, lex = ctx.wordnet, ctx.lexicon
    if not wn.available or not _counted(sa) or not da.head or not sa.head \
            or lex.has("non_person_heads", da.head) or lex.has("corporate_nouns", da.head):
        return False
    phrase = core(da.source).lower()
    if re.search(rf"\b{re.escape(da.head.lower())}\w*\s+of\b", phrase) or any(
            number_values(w) for w in phrase.split()):
        return False  # "a pair of paramedics", "a crew of two": a count in other words
    mine, theirs = wn.senses(da.head, "noun", 1), wn.senses(sa.head, "noun", 1)
    if not mine or not theirs or mine[0].lexname != GROUP_LEXNAME \
            or theirs[0].lexname != PERSON_LEXNAME:
        return False
    rest = text_keys(core(da.source)) & text_keys(core(sa.source)) - {key(da.head), key(sa.head)}
    return any(len(k) > 3 for k in rest)


def _said_by_whole_group(ctx, dc, da) -> bool:
    """A source claim of the same words gives the statement to the derived speaker's group
    with no count or limit."""
    mine = claim_keys(dc)
    return any(_whole_said(ctx, sc, da) for sc in ctx.index.claims
               if len(mine & claim_keys(sc)) >= SAME_SHARE * len(mine))


def _whole_said(ctx, sc, da) -> bool:
    """A source claim gives the statement to the same group with no count or limit."""
    sa = _speaker(sc.attribution)
    return sa is not None and key(sa.head) == key(da.head) and not _counted(sa) \
        and not _speaker_limit(sa.source, ctx.lexicon) and not _one_speaker(sa)


def _speaker(attr):
    """The attribution that names a speaker: the claim's own, or the one around a nameless
    frame inside it ("Two operators said they had not been told whether ...")."""
    while attr is not None and not attr.head:
        attr = attr.outer
    return attr


def _counted(attr) -> bool:
    """A count of speakers: a number opens the phrase ("two boatyard operators", "five of
    the parents")."""
    first = core(attr.source).split()[:1]
    return bool(first) and bool(number_values(first[0]))


def _whole_group(attr) -> bool:
    """The speakers given as the whole of a group: the group of a place or body ("the
    canal's boatyard operators") or "all", and no number."""
    phrase = core(attr.source)
    words = phrase.lower().split()
    return not any(number_values(w) for w in words) and (
        bool(words) and words[0] == "all" or re.search(r"\w['’]s?\s", phrase) is not None)
