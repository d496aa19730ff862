"""What a scope word quantifies in a claim: the noun after it ("every trial investigator" ->
investigator), and what in another claim picks out part of that noun: a count or a fraction of
it, an adjective or participle before it, one of it in the singular; the share of a group a
subject takes ("about 40 percent of ward nurses"), the first noun of an object, and "across"
a span of time. DS951 compares them."""

from __future__ import annotations

import re

from checker.align import claim_keys, key
from checker.claim_reading import ends_with_word_of
from checker.lexicon import shipped, shipped_values
from checker.numbers import number_values


# Quantities that can count a noun: "within 48 hours" and "in March" limit when, not whom.
COUNTING = {"number", "ordinal", "quantity"}
_WORDS = re.compile(r"[\w'’-]+")
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
    all signed", "they had all been signed"), the plural noun before it (``floated_noun``)."""
    floated = floated_noun(claim, cue)
    return floated if floated is not None else noun_after(claim, cue)


def noun_after(claim, cue) -> str:
    """The key of the first run of nouns after a scope word (``cue_noun``'s reading of a
    scope word that is not floated)."""
    found = None
    for w in claim.words:
        if w.start < cue.end:
            continue
        if found is not None:
            gap = claim.text[found.end - claim.start:w.start - claim.start].lower()
            if w.pos == "NUM" and _JOINED.fullmatch(gap):
                continue  # "the board's five hospitals": a count after the possessor
            if w.pos in ("NOUN", "PROPN") and (w.start - found.end <= 1 or _JOINED.fullmatch(gap)
                                               or _COUNTED.fullmatch(gap)):
                found = w  # a compound goes on
                continue
            break
        if w.pos in ("NOUN", "PROPN"):
            found = w
        elif w.start - cue.end > 40:
            break
    return key(found.lemma) if found is not None else ""


# a verb's form right after a floated "all": "all been", "all signed", "all close"
_VERB_AFTER = re.compile(r"\s+(?:be|been|being|had|have|has|[a-z]+ed|[a-z]+en)\b", re.I)
_PLURAL = re.compile(r"\b([a-z]+[^s\W]s)\b")
# the auxiliary or the pronoun an "all" floats after ("were all", "had all", "they all")
_AUX_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(
    shipped("auxiliaries") | shipped("be_forms") | shipped("pronouns_subject"))) + r")\s+$", re.I)


def floated_noun(claim, cue):
    """For "all" floated before a verb ("were all signed", "they had all been signed"), the
    key of the last plural noun of the sentence before it (what "they" or the subject
    names: "reviewed the forms and found they had all been signed" -> "form"); '' when
    there is none; None for a quantifier that is not floated."""
    if cue.text.lower() != "all":
        return None
    at = cue.start - claim.sent_start
    before, after = claim.sentence[:at], claim.sentence[at + len(cue.text):]
    if not _AUX_BEFORE.search(before) or not _VERB_AFTER.match(after):
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


def qualified(sc, dc, noun: str, lexicon):
    """The source's adjective or participle that picks out some of ``noun`` ("existing
    plans", "older buses"), a bound by a figure after it ("trawlers more than 20 years
    old") or a relative clause with no comma before it ("students whose grades meet their
    offers"), when the derived claim drops it for "all": "existing plans", or None. Known
    false positive: a clause the derived text keeps in other words ("students who get
    free meals" for "every pupil on free meals")."""
    words = list(sc.words)
    for i, w in enumerate(words):
        if key(w.lemma) != noun or i == 0:
            continue
        j = i - 1  # over the nouns of a compound ("existing season tickets")
        while j > 0 and words[j].pos == "NOUN" and words[j + 1].start - words[j].end <= 1:
            j -= 1
        adj = words[j]
        participle = (adj.pos == "VERB" and adj.text.lower().endswith(("ing", "ed"))
                      and ends_with_word_of(sc.text[:adj.start - sc.start], lexicon,
                                            "determiners", "prepositions"))
        if (adj.pos == "ADJ" or participle) and words[j + 1].start - adj.end <= 1 and \
                key(adj.lemma) not in claim_keys(dc):
            return sc.text[adj.start - sc.start:w.end - sc.start]
        after = _restricted_after(sc, w)
        if after and not bound_kept(sc, dc, noun):
            return sc.text[w.start - sc.start:w.end - sc.start] + after
        clause = _RESTRICTING_CLAUSE.match(sc.text, w.end - sc.start)
        if clause and len(claim_keys(dc) & {key(x) for x in _WORDS.findall(
                clause.group(1).lower()) if len(x) > 3}) < 2:
            # "students whose corrected grades meet their conditions": a relative clause
            # with no comma before it picks out some of them, and the derived claim keeps
            # at most one of its words
            return sc.text[w.start - sc.start:w.end - sc.start] + clause.group()
    return None


# A relative clause right after a noun, with no comma: it restricts the noun
_RESTRICTING_CLAUSE = re.compile(r"\s+(?:who|whose|that)\s+([^,;:()]+)", re.I)


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
    surgeries": some), nor a plural its words name ("the Elm and Ash routes")."""
    mine = _compound_head(dc, object_noun(dc))
    whole = mine is not None and (set(mine[1]) & _WHOLE_OPENERS
                                  or any(_POSSESSIVE.search(w) for w in mine[1]))
    if not whole or mine[0].text.lower() == mine[0].lemma.lower() \
            or any(c.role == "some" for c in dc.scope) \
            or any(q.kind in COUNTING and q.start < mine[0].start and q.end > mine[2]
                   for q in dc.quantities):
        return None
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
