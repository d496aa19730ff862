"""DE402 role-swap: two entities swap roles ("Shell sued BP" for "BP sued Shell").

What it flags:
    A derived claim whose subject names the entity that is the object of a source claim with
    the same verb, and whose object names that source claim's subject; or, however the
    parser cut subject and object, a closely aligned source claim on the same verb and voice
    whose two names of parties (people, bodies) stand on opposite sides of the verb in the
    derived claim, each on the other's side ("Dunmore Lyle sued Harcastle Homes" for "The
    builder Harcastle Homes sued the architects Dunmore Lyle"); or two parties traded
    between the subject's words and the object's ("a Harl Parking manager took concerns to
    the trust" for "a trust manager took concerns to Harl Parking"); or two things
    put in each other's places ("a leisure centre in Alcott and three churches in Dunmore"
    for "a leisure centre in Dunmore and three churches in the village of Alcott").
Why it matters:
    Who did what to whom is the core of a news fact; a swap inverts it.
Known false positives:
    Two parties in other roles than subject and object moved round the verb together ("whose
    school Kelby Council inspectors found flawed"); the tagger's labels decide what is a
    party. Reciprocal verbs ("met", "agreed with") where both orders are true. Not compared: a
    claim in the passive against one in the active ("the fees were disclosed in every
    lease" and "every lease disclosed the fees" put the same thing in other slots), and a
    subject and an object that do not both name a party, by a name or a noun for people or
    a group ("no one entitled to a bed will lose one"; known miss: two things swapped,
    "the pipe fed the tank" for "the tank fed the pipe"). For places: two things found in
    both places, the source naming one of each.
Examples:
    Source: BP sued Shell over the pipeline contract.
    Flag: Shell sued BP over the pipeline contract.
    Okay: BP sued Shell over a pipeline contract.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from checker.actors import GROUP_LEXNAME, PERSON_LEXNAME, passive_verb
from checker.align import key
from checker.compared_swap import compared_swapped
from checker.lexicon import shipped
from checker.names import norm_name
from checker.records import memo_on
from checker.rules.base import Rule, evidence_of, is_claim_unit, make, snippet

CODE, NAME, KIND, SEVERITY = "DE402", "role-swap", "entity-changed", "error"
_THE = re.compile(r"^the\s+", re.I)
SIDES_ALIGNMENT = 0.6  # how closely a claim must align for the sides of its verb to count
PARTIES = frozenset({"PERSON", "ORG", "NORP"})  # names that can do or undergo a deed
PARTY_LEXNAMES = frozenset({GROUP_LEXNAME, PERSON_LEXNAME})


def check(ctx):
    """Yield a finding for each subject/object swap against a source claim."""
    lex = ctx.lexicon
    reciprocal = memo_on(lex, "_de402_reciprocal", lambda: frozenset(
        key(v) for v in lex.words["reciprocal_verbs"]))
    for dc in ctx.derived_claims:
        if not is_claim_unit(dc):  # headlines compress roles and scope on purpose
            continue
        if key(dc.predicate) in reciprocal:
            continue
        ds, do = _norm(dc.subject), _norm(dc.object)
        for sc in _by_predicate(ctx.index).get(key(dc.predicate), ()) \
                if dc.subject and dc.object else ():
            if not sc.subject or not sc.object:
                continue
            ss, so = _norm(sc.subject), _norm(sc.object)
            if ds == ss or do == so or passive_verb(dc) != passive_verb(sc):
                continue  # one side in the passive: its subject is the other's object
            if _names_in(ds, so) and _names_in(do, ss) and dc.negated == sc.negated \
                    and _party_on_both_sides(ctx, dc):
                yield make(RULE, dc, confidence=0.75, evidence=[evidence_of(sc)],
                           message=(f'Swaps the roles: the source says "{sc.text[:80]}".'),
                           suggestion="Put the subject and object back as in the source.")
                break
        else:
            found = _sides_swapped(ctx, dc) or _parties_traded(ctx, dc)
            compared = compared_swapped(ctx, dc) if found is None else None
            if compared is not None:
                sc, first, second, word = compared
                yield make(RULE, dc, confidence=0.65, evidence=[evidence_of(sc)],
                           message=(f'Puts "{first}" and "{second}" on each other\'s side of '
                                    f'"{word} than": the source says "{sc.text[:80]}".'),
                           suggestion="Put the two back as the source compares them.")
                continue
            placed = _places_traded(ctx, dc) if found is None else None
            if placed is not None:
                sc, first, second = placed
                yield make(RULE, dc, confidence=0.65, evidence=[evidence_of(sc)],
                           message=(f'Puts "{first}" and "{second}" in each other\'s place: the '
                                    f'source says "{snippet(sc.sentence, 90)}".'),
                           suggestion=f'Give "{first}" and "{second}" the things the source '
                                      f'puts there.')
            if found is not None:
                sc, first, second = found
                yield make(RULE, dc, confidence=0.65, evidence=[evidence_of(sc)],
                           message=(f'Puts "{first}" and "{second}" on each other\'s side of '
                                    f'"{dc.predicate_text}": the source says "{sc.text[:80]}".'),
                           suggestion="Put the two back as the source has them.")


# a noun, "in" or "at" and a place name, past a description of it ("three churches in the
# village of Alcott")
_PLACED = re.compile(r"\b([a-z]+)\s+(?:in|at)\s+(?:the\s+(?:[a-z-]+\s+){0,3}of\s+)?"
                     r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
_CALENDAR = shipped("months") | shipped("weekdays")


def _placed(claim, text: str) -> dict:
    """Each place name of a text after "in" or "at", with the key of the noun it places (a
    noun of the claim: not "two" of "two in Dunmore", which repeats the noun before)."""
    nouns = {w.text.lower() for w in claim.words if w.pos == "NOUN"}
    out: dict = {}
    for m in _PLACED.finditer(text):
        if m.group(2).lower() not in _CALENDAR and m.group(1) in nouns:
            out.setdefault(m.group(2), key(m.group(1)))
    return out


def _places_traded(ctx, dc):
    """(source claim, place, place) when the derived claim places two things in two places
    ("a leisure centre in Alcott and three churches in Dunmore") that an aligned source
    sentence places the other way round ("a leisure centre in Dunmore and three churches
    in ... Alcott"). Known false positive: two things in both places, the source naming
    one of each."""
    mine = _placed(dc, dc.text)
    if len(mine) < 2:
        return None
    for sc in ctx.aligned(dc):
        theirs = _placed(sc, sc.sentence)
        for a, b in combinations(mine, 2):
            if a in theirs and b in theirs and mine[a] != mine[b] \
                    and (mine[a], mine[b]) == (theirs[b], theirs[a]):
                return sc, a, b
    return None


def _party_on_both_sides(ctx, claim) -> bool:
    """The claim's subject and object each name a party: a name the tagger calls one
    (PARTIES), a proper noun WordNet does not know (a name the tagger missed), or a noun one
    of whose first WordNet senses is a person or a group ("the insurer", "the union"). The
    swap is of who did what to whom, not a rewording that turns a phrase round ("no one
    entitled to a bed will lose one"; "it was the largest fine it had secured" for "the fine
    was the largest it had secured")."""
    wn = ctx.wordnet

    def party(phrase: str) -> bool:
        low = phrase.lower()
        if any(e.label in PARTIES and e.text.lower() in low for e in claim.entities):
            return True
        if not wn.available:
            return True  # without WordNet every phrase may name a party
        words = set(re.findall(r"[a-z]+", low))
        return any(w.text.lower() in words and (
            w.pos == "PROPN" and not wn.knows(w.lemma, "noun")  # a name the tagger missed
            or w.pos == "NOUN" and _party_noun(wn, w.lemma)) for w in claim.words)
    return party(claim.subject) and party(claim.object)


def _party_noun(wn, lemma: str) -> bool:
    """One of the noun's three most frequent senses is a person or a group ("builder": the
    first sense is a cleaning agent, the second the one who builds)."""
    senses = wn.senses(lemma, "noun", 3) if wn.knows(lemma, "noun") else []
    return any(s.lexname in PARTY_LEXNAMES for s in senses)


def _side(claim, name: str):
    """-1 when the name stands before the claim's verb, 1 after, None when absent."""
    at = claim.text.lower().find(name.lower())
    verb = next((w for w in claim.words if w.lemma == claim.predicate), None)
    if at < 0 or verb is None:
        return None
    return -1 if claim.start + at < verb.start else 1


def _after_preposition(ctx, claim, name: str) -> bool:
    """The name hangs on a preposition other than the passive's "by" ("in Tresham"): no
    subject or object of the verb."""
    at = claim.text.lower().find(name.lower())
    before = claim.text[:at].split()[-1:] if at > 0 else []
    word = before[0].lower().strip(",") if before else ""
    return word != "by" and ctx.lexicon.has("prepositions", word)


def _sides_swapped(ctx, dc):
    """(source claim, name, name) when two names of a closely aligned source claim on the
    same verb and voice stand on opposite sides of it in the derived claim: "Dunmore Lyle
    sued Harcastle Homes" for "The builder Harcastle Homes sued the architects Dunmore
    Lyle", however the parser cut the subject."""
    al, sup = ctx.support(dc)
    for sc, score in zip(sup[:2], al.scores or [al.score] * len(sup)):
        if score < SIDES_ALIGNMENT or key(sc.predicate) != key(dc.predicate) \
                or passive_verb(dc) != passive_verb(sc) or dc.negated != sc.negated:
            continue
        # parties only: a place or a date moves round a sentence freely ("In Tresham, ...")
        names = list(dict.fromkeys(_THE.sub("", e.text) for e in sc.entities
                                   if e.label in PARTIES and len(e.text) > 2))
        names = [n for n in names if not _after_preposition(ctx, sc, n)
                 and not _after_preposition(ctx, dc, n)]
        placed = [(n, _side(sc, n), _side(dc, n)) for n in names]
        placed = [(n, a, b) for n, a, b in placed if a is not None and b is not None]
        moved = [(n, a) for n, a, b in placed if a != b]
        if len(moved) == 2 and moved[0][1] != moved[1][1]:
            return sc, moved[0][0], moved[1][0]
    return None


def _parties_traded(ctx, dc):
    """(source claim, party, party) when a closely aligned source claim on the same verb
    and voice names one party in its subject and another after its verb ("a trust manager
    raised concerns with Harl Parking") and the derived claim trades them ("a Harl Parking
    manager raised concerns with the trust"): a name the tagger calls a party, and a noun
    one of whose first WordNet senses is a person or a group, or a word of another name of
    a party the sources give ("trust" of "the Harwick Hospitals Trust"), with the subject's
    head noun kept."""
    al, sup = ctx.support(dc)
    if not dc.subject:
        return None
    words = lambda text: set(re.findall(r"[a-z]+", text.lower()))
    ds, do = words(dc.subject), words(_after_verb(dc))
    for sc, score in zip(sup[:2], al.scores or [al.score] * len(sup)):
        if score < SIDES_ALIGNMENT or key(sc.predicate) != key(dc.predicate) \
                or not sc.subject \
                or passive_verb(dc) != passive_verb(sc) or dc.negated != sc.negated:
            continue
        ss, so = words(sc.subject), words(_after_verb(sc))
        if re.findall(r"[a-z]+", sc.subject.lower())[-1:] != \
                re.findall(r"[a-z]+", dc.subject.lower())[-1:]:
            continue  # the same head ("a trust manager", "a Harl manager"): its modifier traded
        nouns = {w.text.lower() for w in dc.words if w.pos in ("NOUN", "PROPN")}
        for e in sc.entities:
            name = words(_THE.sub("", e.text))
            if e.label not in PARTIES or not name or not (name <= so and name <= ds) \
                    or name & (ss | do):
                continue
            other = next((w for w in (ss & do & nouns) - ds - so
                          if _party_noun(ctx.wordnet, w) or any(
                              w in words(o.text) for c in ctx.index.claims
                              for o in c.entities if o.label in PARTIES)), None)
            if other is not None:
                return sc, e.text, other
    return None


def _after_verb(claim) -> str:
    """The claim's words after its verb: its object and the phrases that follow ("about
    unpaid overtime to Brennick Haulage")."""
    verb = next((w for w in claim.words if w.lemma == claim.predicate), None)
    return claim.text[verb.end - claim.start:] if verb is not None else claim.object


def _by_predicate(index) -> dict:
    """The source claims by the key of their predicate, in claim order (once per index)."""
    def build() -> dict:
        out: dict = {}
        for sc in index.claims:
            out.setdefault(key(sc.predicate), []).append(sc)
        return out

    return memo_on(index, "_de402_by_predicate", build)


@lru_cache(maxsize=50_000)
def _norm(text: str) -> str:
    return norm_name(text)


def _names_in(a: str, b: str) -> bool:
    wa = {w for w in a.split() if len(w) > 1}
    wb = {w for w in b.split() if len(w) > 1}
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


RULE = Rule(CODE, NAME, KIND, SEVERITY, "subject and object swapped", check, __doc__)
