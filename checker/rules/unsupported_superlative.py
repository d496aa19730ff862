"""DU806 unsupported-superlative: a ranking or a record that no source makes.

What it flags:
    A superlative ("the worst outage", "the largest union", "the most expensive") or a
    record word ("a record loss", "unprecedented") in a derived claim, when no source ranks
    anything with that word, its base form or a WordNet synonym of it ("biggest" for
    "largest"), and the source passages the claim restates hold no superlative or record
    word of their own. Words written like superlatives that rank nothing ("the latest
    figures", "at least 40") are left alone, and so are words inside quotation marks
    (DQ701 compares quotations) and headlines. The span runs from the word to the noun it
    ranks. A source passage that ranks by comparison ("higher than in any year", "never
    been higher", "no bridge is longer") ranks too; a restated passage's own superlative
    supports the claim's only when it ranks the same noun, or either names none ("the
    thinnest snowpack" ranks no employer). "First" and "only" rank when a field or a span
    to rank in follows them ("the first such return", "the first hearing of its kind", "the
    only ban in its history", "in the club's history", "the first inquiry in more than a
    decade", "since 2011", "since the club was founded", "the only clinic in the Carrow
    area": rank_areas.txt, "the first notice the agency has issued"); the sources support
    them when they rank so, within ten words. "First" or "only" before a named place it
    ranks in ("the first village in Corlshire to ban it") ranks too; the sources support it
    when one of their sentences gives the word and the place ten words apart at most, in
    either order ("Corlshire's first ..."). Not read: "second" and the ordinals after it,
    which count and order as often as they rank ("the second six months of this year").
Why it matters:
    "The worst outage since it was founded" compares an event with everything before it:
    a fact of its own, which summaries add as colour and readers take as reported.
Known false positives:
    A ranking the source states without a superlative ("never been higher" for "a record
    high", "no other club has" for "the biggest") or in another passage than the one the
    claim restates, in another word; an idiom ("the best part of a day", "at its best");
    "record" before a noun in its other sense ("a record label"); "the first in its history"
    where the source says "never before" or "for the first time" in words ten apart. Not
    flagged: "first" and "only" with no field or span after them ("the first walkout"),
    and other rankings without a superlative; "the most" before a clause of its own ("the most
    they could impose was 26 weeks"), which states a limit, not a ranking.
Examples:
    Source: Heavy rain closed 12 roads in the district on Sunday, the police said.
    Flag: Heavy rain closed 12 roads in the district on Sunday, the highest number this year.
    Okay: Heavy rain closed 12 roads in the district on Sunday, according to the police.
"""

from __future__ import annotations

import re

from checker.align import claim_keys, key
from checker.first_in_span import run_ended
from checker.lexicon import shipped
from checker.records import Word, memo_on
from checker.rules.base import Rule, is_claim_unit, make, snippet

CODE, NAME, KIND, SEVERITY = "DU806", "unsupported-superlative", "unsupported-claim", "warning"
RANKED_POS = ("ADJ", "ADV")
# The value of the superlatives lexicon's words that rank the word after them ("most").
DEGREE = "degree"
# Only the commonest senses count: "big" and "large" share the first.
SYNONYM_SENSES = 2
# Words before the ranked noun the span may run over ("the worst *flood* outage").
SPAN_WORDS = 3
_WORD = re.compile(r"[a-z][a-z'-]*")
# A word and the next one (overlapping: "the most expensive").
_PAIR = re.compile(r"\b(\w+)\s+(?=(\w+))")
# Every run of word characters: a pair's first word is always one of them.
_WORD_RUN = re.compile(r"\w+")


def _base_forms(wn, written: str) -> set:
    """The adjectives a word written with -est can come from ("biggest" -> "big",
    "happiest" -> "happy", "largest" -> "large")."""
    if not written.endswith("est") or len(written) < 5:
        return set()
    stem = written[:-3]
    tries = {stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        tries.add(stem[:-1])  # "biggest"
    if wn is None or not wn.available:
        return set()
    return {t for t in tries if wn.knows(t, "adj") or wn.knows(t, "adv")}


def _markers(claim, lex, wn, placed: tuple = ()) -> list:
    """The claim's ranking words: (where the words start, the word ranked, its lemma); with
    ``placed`` (``_ranked_in_place``'s reading of the claim), also "first" and "only"
    ranking within a named place."""
    entries = lex.words.get("superlatives", {})
    lookalikes = lex.entries("superlative_lookalikes")
    words, text, s0 = claim.words, claim.text, claim.start
    low = text.lower()
    out = []
    for i, w in enumerate(words):
        written = w.text.lower()
        if written not in entries and not written.endswith("est"):
            continue  # neither branch below can take it: skip the look-alike test
        before = low[:w.start - s0].rsplit(None, 1)[-1:]  # the word before: split() from the right
        after = low[w.end - s0:].split(None, 1)[:1]  # "best before 1 May": a date label
        if written in lookalikes or " ".join(before + [written]) in lookalikes \
                or " ".join([written] + after) in lookalikes:
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        if entries.get(written) == DEGREE and _limit_clause(low[:w.start - s0], low[w.end - s0:],
                                                            lex):
            continue  # "the most they could impose was 26 weeks": a limit, not a ranking
        joined = nxt is not None and not text[w.end - s0:nxt.start - s0].strip(" -")
        owner = before and (before[0] == "the" or before[0].endswith(("'s", "’s")))
        if written in entries and (w.pos in RANKED_POS or joined or (
                owner and entries[written] != DEGREE)):
            # "worst", "unprecedented", "a record loss", "the region's worst" (a noun to
            # the tagger)
            out.append((w.start, w, w.lemma))
        elif (w.pos in RANKED_POS and written != w.lemma and written.endswith("est")
              and len(written) > 3 and (_base_forms(wn, written) or written == "best")):
            out.append((w.start, w, w.lemma))
    for m in _ORDINAL_RANK.finditer(low):
        g = 1 if m.group(1) else 2
        start = s0 + m.start(g)
        word = m.group(g)
        out.append((start, Word(start, start + len(word), word, word, "ADJ"), word))
    out += [(at, Word(at, at + len(word), word, word, "ADJ"), word)
            for at, word, _place in placed if not any(at == o[0] for o in out)]
    if entries.keys().isdisjoint(_WORD_RUN.findall(low)):
        return out  # most claims: no word a pair below could start with (each is a run)
    written = _written(words)
    for m in _PAIR.finditer(low):
        first = m.group(1)
        if first not in entries or first in written or f"{first} {m.group(2)}" in lookalikes:
            continue
        nxt = next((w for w in words if w.start - s0 == m.start(2)), None)
        if entries[first] == DEGREE and _limit_clause(low[:m.start(1)], low[m.end(1):], lex):
            continue
        if nxt is not None and nxt.pos in RANKED_POS:
            out.append((s0 + m.start(1), nxt, nxt.lemma))  # "most expensive"
        elif low[:m.start(1)].rsplit(None, 1)[-1:] == ["the"]:
            # "the most votes", "the most since 1998": the word itself ranks
            start = s0 + m.start(1)
            out.append((start, Word(start, start + len(first), first, first, "ADJ"), first))
    return out


# Words from "most" to the modal of a clause of limit ("the most *a family* could claim").
LIMIT_REACH = 4


def _limit_clause(before: str, after: str, lex) -> bool:
    """The words after "most" open a clause of its own with a modal, and a form of "be"
    equates the limit with a figure: "the most they could impose was 26 weeks", "26 weeks
    was the most it could impose" state a limit, not a ranking ("the most any bench has
    imposed", "£3m, the most it will ever have spent", "the most they could remember"
    rank)."""
    words = _WORD.findall(after)
    if not words or not (lex.has("pronouns_subject", words[0])
                         or lex.has("determiners", words[0])):
        return False
    modals = lex.entries("hedges") | lex.entries("future_modals")
    at = next((i for i, w in enumerate(words[1:LIMIT_REACH], 1) if w in modals), None)
    if at is None or "ever" in words[at:at + 3]:
        return False
    be = lex.entries("be_forms")
    return any(w in be for w in _WORD.findall(before)[-2:]) or any(
        w in be for w in words[at + 1:at + 1 + LIMIT_REACH + 2])


# "First" and "only" rank when a span or a field to rank in follows: "the first such
# return", "the first hearing of its kind", "the only ban in its history" (or "in the
# league's 90-year history"), "the first ... in more than a decade", "for the first time
# since 2019", "since the line was built",
# "the only clinic in the Carrow area" (rank_areas.txt), "the first notice the agency has
# issued". The sources are read
# with a longer reach (``SOURCE_REACH`` words between), so that a ranking they word at
# length supports a shorter one.
_AREAS = shipped("rank_areas")


def _ordinal_rank(reach: int):
    return re.compile(
        r"\b(?:(?:the|its|his|her|their|an|[\w-]+['’]s)\s+(only)|(first))\b(?=\s+such\b|"
        r"(?:\s+[\w'’-]+){0,%d}?\s+(?:of\s+its\s+kind|"
        r"in\s+(?:its|their|the|[\w-]+['’]s)\s+(?:[\w-]+(?:['’]s)?\s+){0,2}history|"
        r"in\s+(?:more\s+than\s+|over\s+|almost\s+|nearly\s+)?(?:a|an|two|three|four|"
        r"five|\d+|several|many)\s+(?:decades?|years|generations?|century|centuries)|"
        r"since\s+(?:\d{4}|records\s+began|(?:the|its|their|[\w-]+['’]s)\s+"
        r"(?:[\w'’-]+\s+){0,3}?(?:was|were|began|[a-z]+ed)\b)|ever|"
        r"in\s+the\s+(?:[\w'’-]+\s+){0,2}(?:%s)|"
        r"(?:the|its|their)\s+[\w'’-]+\s+ha(?:s|ve)\s+(?:ever\s+)?[a-z]+ed)\b)"
        % (reach, "|".join(sorted(_AREAS))))


DERIVED_REACH, SOURCE_REACH = 8, 10

# "the first village in Corlshire", "the only lido in Tenby": "first" or "only" after
# "the", up to four words, then "in" and a place the parse names (``PLACE_LABELS``).
_IN_PLACE = re.compile(r"\bthe\s+(first|only)\b((?:\s+[\w'’-]+){1,4}?)\s+in\s+(?=\S)")
PLACE_LABELS = ("GPE", "LOC")


def _ranked_in_place(claim, low: str) -> list:
    """(offset, word, (place, ranked word)) of each "first" or "only" that ranks within a
    named place, with the last word of what it ranks: "the
    first village in Corlshire to ban it". Known false positive: a first event held at a
    place rather than ranked in it ("the first hearing in Leeds") where the sources give
    neither the ranking word nor the place ten words apart."""
    places = {e.start: e.text for e in claim.entities if e.label in PLACE_LABELS}
    return [(claim.start + m.start(1), m.group(1),
             (places[claim.start + m.end()], m.group(2).split()[-1]))
            for m in _IN_PLACE.finditer(low) if claim.start + m.end() in places]


def _placed_in_sources(ctx, dc, word: str, placed: tuple) -> bool:
    """The sources give the ranking word and the place within ``SOURCE_REACH`` words, in
    either order and in one sentence, with the ranked noun and another word of the claim
    among them ("Wales's first plastic-free school", "the first shop to open on Sunday in
    Kelby"): the ranking is the source's, however worded (not "the only village in X with a
    pool" for "the only village in X with a post office")."""
    low = ctx.index.text_lower
    place, noun = placed
    name = re.escape(place.lower())
    gap = r"(?:[^\w.!?]+\w+){0,%d}[^\w.!?]+" % SOURCE_REACH  # (within one sentence)
    near = r"(?:[^\w.!?]+\w+){0,%d}" % SOURCE_REACH
    found = re.finditer(rf"(?:\w+[^\w.!?]+){{0,{SOURCE_REACH}}}(?:\b{word}\b{gap}{name}\b|"
                        rf"\b{name}\b{gap}{word}\b){near}", low)
    rest = claim_keys(dc) - {key(noun), key(word)} - {key(w) for w in place.split()}
    for m in found:
        said = {key(w) for w in re.findall(r"[\w'’-]+", m.group(0))}
        if key(noun) in said and said & rest and not _ONE_OF.search(m.group(0)):
            return True
    return False


# "one of only two villages", "one of the first towns": no ranking of one
_ONE_OF = re.compile(r"\bone\s+of\s+(?:the\s+)?(?:only|first)\b")


_ORDINAL_RANK = _ordinal_rank(DERIVED_REACH)
_ORDINAL_RANK_SOURCE = _ordinal_rank(SOURCE_REACH)


def _ranked_noun(claim, start: int):
    """The key of the noun a ranking word at ``start`` ranks, or None."""
    after = [w for w in claim.words if w.start > start][:SPAN_WORDS]
    noun = next((w for w in after if w.pos in ("NOUN", "PROPN")), None)
    if noun is None or _BREAK.search(claim.text[start - claim.start:noun.start - claim.start]):
        return None  # "the cheapest of three, council papers show": no noun ranked
    return key(noun.lemma)


_BREAK = re.compile(r"[,;:]|\b(?:of|in|among|at|since|for|by|than)\b", re.I)


def _written(words) -> set:
    return {w.text.lower() for w in words}


def _ranks(ctx) -> frozenset:
    """Keys of what the sources rank: the lemmas and written forms of their superlatives
    and record words, and the base forms of every word written with -est."""
    def build():
        lex, wn = ctx.lexicon, ctx.wordnet
        out = set()
        for sc in ctx.index.claims:
            for _start, w, lemma in _markers(sc, lex, wn):
                out.update((key(lemma), key(w.text.lower())))
        text = ctx.index.text_lower
        entries = lex.words.get("superlatives", {})
        for word in set(_WORD.findall(text)):
            if entries.get(word, DEGREE) != DEGREE:
                out.add(key(word))  # "unprecedented", "a record"
            if word.endswith("est"):
                out.add(key(word))
                out.update(key(b) for b in _base_forms(wn, word))
        out.update(key(m.group(1) or m.group(2)) for m in _ORDINAL_RANK_SOURCE.finditer(text))
        for m in _PAIR.finditer(text):
            first = m.group(1)
            if entries.get(first) == DEGREE:
                out.add(key(m.group(2)))  # "the most expensive"
                if text[:m.start(1)].rsplit(None, 1)[-1:] == ["the"]:
                    out.add(key(first))  # "the most since 1998"
        return frozenset(out)
    return memo_on(ctx.index, "_du806_ranks", build)


def _supported(ctx, dc, start, word, lemma, ranks) -> bool:
    """The sources rank with the word, its lemma or a synonym, or the source passages the
    claim restates rank the same thing themselves (a ranking word before the same noun, or
    none named on either side) or by comparison."""
    wn = ctx.wordnet
    mine = {key(lemma), key(word.text.lower())}
    if wn.available:
        for pos in ("adj", "adv"):
            mine.update(key(s) for s in wn.synonyms(lemma, pos, SYNONYM_SENSES) if " " not in s)
    if mine & ranks:
        return True
    noun = _ranked_noun(dc, start)
    for sc in ctx.aligned(dc):
        if _COMPARED.search(sc.sentence.lower()):
            return True
        for s_start, _w, _lemma in _markers(sc, ctx.lexicon, wn):
            theirs = _ranked_noun(sc, s_start)
            if noun is None or theirs is None or theirs == noun:
                return True  # "the thinnest snowpack" ranks no employer
    return False


# A ranking stated by comparison: "higher than in any March since records began", "more
# than in any previous year", "have never been higher", "no bridge ... is longer".
_COMPARED = re.compile(
    r"\b(?:\w+er|more|less|fewer)\s+than\s+(?:in\s+|at\s+)?(?:any|ever|every)\b"
    r"|\bnever\s+(?:been\s+|be\s+)?(?:\w+er|more|less|fewer)\b"
    r"|\bno\s+\w+(?:\s+\w+){0,5}\s+(?:is|was|are|were|has been|have been)\s+(?:\w+er|more)\b"
    r"|\brecords began\b")


def _in_quote(dc, word) -> bool:
    return any(q.start <= word.start < q.end for q in dc.quotes)


def check(ctx):
    """Yield a finding for each derived superlative or record word no source supports."""
    ranks = _ranks(ctx)
    for dc in ctx.derived_claims:
        if not is_claim_unit(dc):
            continue  # a headline's colour is its own
        in_place = tuple(_ranked_in_place(dc, dc.text.lower()))
        placed = {at: place for at, _w, place in in_place}
        for start, word, lemma in _markers(dc, ctx.lexicon, ctx.wordnet, in_place):
            if _in_quote(dc, word) or _supported(ctx, dc, start, word, lemma, ranks) \
                    or run_ended(ctx, dc, start) or (
                    start in placed and _placed_in_sources(ctx, dc, word.text, placed[start])):
                continue
            after = [w for w in dc.words if w.start > word.start][:SPAN_WORDS]
            noun = next((w for w in after if w.pos in ("NOUN", "PROPN")), None)
            end = noun.end if noun is not None else word.end
            words = dc.text[start - dc.start:end - dc.start]
            yield make(RULE, dc, start=start, end=end, confidence=0.5,
                       message=(f'"{snippet(words, 50)}": a ranking or record no source '
                                f"states; no support found in the source."),
                       suggestion=f'Cut "{snippet(words, 50)}" or cite the source that '
                                  f"ranks it.")
            break


RULE = Rule(CODE, NAME, KIND, SEVERITY, "a superlative or record no source states", check,
            __doc__)
