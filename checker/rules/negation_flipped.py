"""DG601 negation-flipped: the derived claim reverses the polarity of its source claim.

What it flags:
    A derived claim aligned with a source claim on the same verb where exactly one of the
    two is negated ("did not approve" vs "approved"); or, inside closely aligned claims, a
    word negated on one side only ("pleaded not guilty" vs "pleaded guilty", "a place that
    was not known as" vs "that was known as", "no charges" vs "charges"); or an intention
    or plan negated on one side only, about the same act ("has no intention of cutting
    jobs" vs "intends to cut jobs"); or the opposite order of two events ("signed before
    the meeting" vs "signed after the meeting", "prior to the vote" vs "following the
    vote"); or a negated derived claim whose supporting source passages hold no negation
    of any kind, when no source claim states the same word with a negation (confidence
    0.6), unless the negation is inside what a claim noun reports ("complaints that they
    were not consulted").
    Equivalent negative forms agree: the verb's polarity is read from the negation cues
    before it and a "no" on its object ("found no trace" and "did not find any trace",
    "has yet to decide" and "has not yet decided", "declined to rule out" and "did not
    rule out", "It has not, the authority said, opened" and "had not opened"); two
    negations cancel; a denial negates what is denied ("denied that any tenant was
    overcharged" and "said no tenant was overcharged").
Why it matters:
    A flipped negation states the opposite of the source.
Known false positives:
    Litotes ("not unlikely") and negative words the negations lexicon lacks ("in vain"
    against "to no avail") make one side look negative; a fused sentence whose aligned
    source claim carries a second, unrelated negation; an order word that is not about
    time ("the following day" against "the day before"); a negated statement the source
    makes in other words in a passage the aligner did not pick ("residents say they were
    not consulted" against "Nobody asked us anything"). A negation aimed at a name or a
    date ("in March, not October") is never compared.
Examples:
    Source: The court did not approve the merger.
    Flag: The court approved the merger.
    Okay: The court declined to approve the merger, which it did not approve.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from checker.align import claim_keys, key
from checker.records import memo_on
from checker.rules.base import (
    Rule,
    evidence_of,
    is_claim_unit,
    make,
    shares_core,
    snippet,
)

CODE, NAME, KIND, SEVERITY = "DG601", "negation-flipped", "negation-flipped", "error"


# Words whose negation is compared inside aligned claims (not the main predicate's only).
NEGATABLE = {"VERB", "ADJ", "NOUN", "ADV"}
_OBJECT_NEGATORS = frozenset({"no", "none", "nothing", "nobody"})
_TOKEN = re.compile(r"[a-z]+(?=n't)|n't|[a-z]+(?:-[a-z]+)*")
MIN_CLOSE = 0.5  # alignment score above which two claims are taken to say the same thing


def check(ctx):
    """Yield a finding for each derived claim whose polarity differs from its source's."""
    for dc in ctx.derived_claims:
        found = _predicate_flip(ctx, dc)
        for other in (_word_flip, _intention_flip, _order_flip, _negation_added):
            if found is None:
                found = other(ctx, dc)
        if found is not None:
            yield found


def _predicate_flip(ctx, dc):
    """The same verb negated on one side only ("did not approve" vs "approved")."""
    for sc in ctx.aligned(dc):
        if key(sc.predicate) != key(dc.predicate) or not shares_core(dc, sc):
            continue
        if sc.negated == dc.negated or _verb_polarity(sc, ctx.lexicon) == _verb_polarity(
                dc, ctx.lexicon):
            return None
        said = "negates" if dc.negated else "drops the negation of"
        return make(RULE, dc, confidence=0.75, evidence=[evidence_of(sc)],
                    message=(f'{said.capitalize()} "{dc.predicate_text}": the source says '
                             f'"{sc.text[:80]}".'),
                    suggestion="Restore the source's polarity.")
    return None


def _word_flip(ctx, dc):
    """A word negated in the derived claim but not in its aligned source claim, or the other
    way round ("pleaded not guilty" where the source says "pleaded guilty")."""
    dneg = _negated(dc)
    dwords = {w[3]: w for w in dc.words if w[4] in NEGATABLE}
    dpol = polarity(dc, ctx.lexicon)
    aligned = [sc for sc in ctx.aligned(dc) if shares_core(dc, sc)]
    if not aligned or polarity(aligned[0], ctx.lexicon) == dpol:
        return None  # the closest source claim says it the same way
    for sc in aligned:
        if polarity(sc, ctx.lexicon) == dpol:
            continue
        sneg = _negated(sc)
        swords = {w[3]: w for w in sc.words if w[4] in NEGATABLE}
        added = sorted(lem for lem in dneg if lem in swords and lem not in sneg)
        dropped = sorted(lem for lem in sneg if lem in dwords and lem not in dneg)
        # A word the derived text negates where another close source claim negates it too
        # ("which has not opened an investigation, could open one").
        close = ctx.support(dc)[1]
        added = [lem for lem in added if not any(lem in _negated(o) for o in close)]
        dropped = [lem for lem in dropped if not any(
            lem in {w[3] for w in o.words} and lem not in _negated(o) for o in close)]
        if not added and not dropped:
            continue
        lem = (added or dropped)[0]
        d, s = dwords[lem], swords[lem]
        if added:
            message = (f'Negates "{d[2]}", which the source states without a negation: '
                       f'"{snippet(sc.text, 80)}".')
        else:
            message = (f'Drops the negation of "{d[2]}": the source says it is not so: '
                       f'"{snippet(sc.text, 80)}".')
        return make(RULE, dc, start=d[0], end=d[1], text=d[2], confidence=0.7,
                    evidence=[evidence_of(sc, start=s[0], end=s[1])], message=message,
                    suggestion="Restore the source's polarity.")
    return None


def _intention_flip(ctx, dc):
    """An intention or plan negated on one side only, about the same act: "has no
    intention of cutting jobs" against "intends to cut jobs", "is not planning to hire"
    against "plans to hire". Read on the intention itself, not the whole clause: a fused
    "but declined to say" elsewhere does not cancel it."""
    lex = ctx.lexicon
    al, sup = ctx.support(dc)
    for sc, score in zip(sup, al.scores):
        # The act both name is the core they share ("cut" of "cut jobs").
        if score < MIN_CLOSE or len(claim_keys(dc) & claim_keys(sc)) < 2:
            continue
        for neg, pos in ((dc, sc), (sc, dc)):
            act = _refused_act(neg, pos, lex)
            if act is None:
                continue
            d = next((w for w in dc.words if w[3] == act), None)
            said = "negates" if neg is dc else "drops the negation of"
            return make(RULE, dc, start=d[0] if d else None, end=d[1] if d else None,
                        confidence=0.7, evidence=[evidence_of(sc)],
                        message=(f'{said.capitalize()} the intention to "{act}": the source '
                                 f'says "{snippet(sc.text, 80)}".'),
                        suggestion="Restore the source's polarity.")
    return None


def _refused_act(neg, pos, lex):
    """The act ``neg`` negates an intention of ("no intention of *cutting*") that ``pos``
    states without a negation ("intends to *cut*", "will *cut*"), or None."""
    pos_verbs = {w[3] for w in pos.words if w[4] == "VERB"}
    pos_neg = _negated(pos)
    for plan, act in _intended_acts(neg, lex).items():
        if not (plan in _negated(neg) or _negated_before(neg, plan, lex)):
            continue
        if act not in pos_verbs or act in pos_neg:
            continue
        if any(p in pos_neg or _negated_before(pos, p, lex)
               for p, a in _intended_acts(pos, lex).items() if a == act):
            continue
        return act
    return None


def _intended_acts(claim, lexicon) -> dict:
    """{intention lemma: lemma of the verb it governs}, the act read as the verb that
    follows it ("intends to *cut*", "no intention of *cutting*", "plans to *hire*"). Found
    once per claim: a source claim is asked again by every derived claim aligned with it."""
    return memo_on(claim, f"_intended_acts_{id(lexicon)}",
                   lambda: _find_intended_acts(claim, lexicon))


def _find_intended_acts(claim, lexicon) -> dict:
    out = {}
    words = claim.words
    for i, w in enumerate(words):
        if not (lexicon.has("attempts", w[3]) or _intention_noun(w, lexicon)):
            continue
        nxt = next((x for x in words[i + 1:i + 3] if x[4] == "VERB"), None)
        if nxt is not None:
            out[w[3]] = nxt[3]
    return out


def _negated_before(claim, lemma: str, lexicon) -> bool:
    """A negation cue among the three words before the word ("has *no* intention")."""
    w = next((x for x in claim.words if x[3] == lemma), None)
    if w is None:
        return False
    before = _TOKEN.findall(claim.text[:w[0] - claim.start].lower())[-3:]
    return any(lexicon.has("negations", t) for t in before)


def _intention_noun(word, lexicon) -> bool:
    """A noun naming an intention ("intention", "plans")."""
    return word[4] == "NOUN" and lexicon.has("intention_nouns", word[3])


def _order_flip(ctx, dc):
    """The opposite order of two events: "signed after the meeting" where the closely
    aligned source claim says "signed before the meeting"."""
    lex = ctx.lexicon
    mine = _orders(dc, lex)
    if not mine:
        return None
    for sc in ctx.aligned(dc):
        if not shares_core(dc, sc):
            continue
        theirs = _orders(sc, lex)
        for d in mine:
            same = [o for o in theirs if o.direction == d.direction and o.anchor & d.anchor]
            opposite = [o for o in theirs if o.direction != d.direction and o.anchor & d.anchor]
            if same or not opposite:
                continue
            o = opposite[0]
            cue = dc.text[d.start - dc.start:d.end - dc.start]
            scue = sc.text[o.start - sc.start:o.end - sc.start]
            return make(RULE, dc, start=d.start, end=d.end, confidence=0.7,
                        evidence=[evidence_of(sc, start=o.start, end=o.end)],
                        message=(f'Says "{cue}" where the source says "{scue}": the order of '
                                 f'events is reversed: "{snippet(sc.text, 80)}".'),
                        suggestion=f'Use "{scue}" as the source does.')
    return None


class Order(NamedTuple):
    """An order connective of a claim ("prior to the vote"): its span, "earlier" or
    "later", and the lemmas of the nouns that follow it (the event it is ordered against)."""

    start: int
    end: int
    direction: str
    anchor: frozenset


def _orders(claim, lexicon) -> list[Order]:
    """The order connectives of a claim, each with the event it is ordered against (found
    once per claim)."""
    return memo_on(claim, f"_orders_{id(lexicon)}", lambda: _find_orders(claim, lexicon))


def _find_orders(claim, lexicon) -> list[Order]:
    low = claim.text.lower()
    out = []
    firsts = memo_on(lexicon, "_order_firsts", lambda: frozenset(
        _starting(lexicon, "order_earlier")) | frozenset(_starting(lexicon, "order_later")))
    for m in _TOKEN.finditer(low):
        if m.group() not in firsts:
            continue
        toks = _TOKEN.findall(low[m.start():m.start() + 40])
        hit = next(((d, n) for n in (4, 3, 2, 1) for d in ("earlier", "later")
                    if _listed(lexicon, f"order_{d}", toks[:n])), None)
        if hit is None:
            continue
        direction, n = hit
        words = toks[:n]
        if out and m.start() < out[-1].end - claim.start:
            continue  # inside a phrase already read ("prior to")
        end = m.start() + len(" ".join(words))
        anchor = frozenset(w[3] for w in claim.words if w[0] >= claim.start + end
                           and w[0] <= claim.start + end + 40 and w[4] in ("NOUN", "PROPN"))
        if anchor:
            out.append(Order(claim.start + m.start(), claim.start + end, direction, anchor))
    return out


def _starting(lexicon, role: str) -> dict:
    """The entries of a lexicon role (words and phrases, as word tuples) by their first
    word, built once per lexicon."""
    def build() -> dict:
        out: dict = {}
        for entry in lexicon.words.get(role, {}):
            out.setdefault(entry.split()[0], []).append(tuple(entry.split()))
        for phrase in lexicon.phrases.get(role, ()):
            out.setdefault(phrase[0], []).append(tuple(phrase))
        return out

    return memo_on(lexicon, f"_starting_{role}", build)


def _listed(lexicon, role: str, words: list) -> bool:
    if len(words) == 1:
        return lexicon.has(role, words[0])
    return tuple(words) in lexicon.phrases.get(role, ())


def _negation_added(ctx, dc):
    """A negated derived claim whose source passages hold no negation at all ("It is not
    looking ahead to filing" where the passage it rests on only says what it plans)."""
    if not is_claim_unit(dc):
        return None
    dneg = _negated(dc)
    if not dneg:
        return None
    lex = ctx.lexicon
    _, support = ctx.support(dc)
    if not support or any(_has_negation(sc, lex) for sc in support):
        return None
    # The source may say it negatively in a passage the aligner did not pick, with the
    # negation on another word ("did not give a reason" for "gave no reason").
    if any(dneg & {w[3] for w in sc.words} and _has_negation(sc, lex)
           for sc in ctx.index.claims):
        return None
    # or refuse the same thing in another verb ("would not discuss the footage" for "declined
    # to comment on the footage"): a negative source claim about the derived claim's nouns
    things = {w[3] for w in dc.words if w[4] == "NOUN" and w[3] not in dneg}
    if things and any(things & {w[3] for w in sc.words} and _refuses(sc, lex)
                      for sc in ctx.index.claims):
        return None
    d = next((w for w in dc.words if w[3] in dneg and not _reported(dc, w, lex)), None)
    if d is None:
        return None
    sc = support[0]
    return make(RULE, dc, start=d[0], end=d[1], text=d[2], confidence=0.6,
                evidence=[evidence_of(sc)],
                message=(f'Negates "{d[2]}", but the closest source passage says nothing '
                         f'negative: "{snippet(sc.text, 80)}".'),
                suggestion="Check whether the source says this is not so; if not, drop the "
                           "negation.")


def _refuses(claim, lexicon) -> bool:
    """The claim declines or refuses something ("declined to comment on the footage"): a
    verb of the negations lexicon ("decline", "refuse", "withhold")."""
    return any(lexicon.has("negations", w[3]) and w[4] == "VERB" for w in claim.words)


def _reported(claim, word, lexicon) -> bool:
    """True when the negated word sits in what a claim noun reports ("complaints that they
    were *not consulted*"): the negation is the complainant's, not the text's."""
    before = _TOKEN.findall(claim.text[:word[0] - claim.start].lower())[-6:]
    return any(lexicon.has("answer_objects", t) or lexicon.has("answer_objects", t.rstrip("s"))
               for t in before)


def _has_negation(claim, lexicon) -> bool:
    """A negation anywhere in the claim, by the parse or a word of the negations lexicon
    ("without", "failed", "denied")."""
    denied = claim.attribution is not None and claim.attribution.negated
    return bool(claim.negated or claim.negated_words or denied or _cues(claim, lexicon))


def polarity(claim, lexicon) -> int:
    """1 when the clause says that something is not so, else 0: its negation cues counted
    (two cancel: "did not fail to"), plus a denial that governs it from outside ("denied
    that ...")."""
    n = len(_cues(claim, lexicon))
    att = claim.attribution
    if att is not None and att.negated and not claim.start <= att.start < claim.end:
        n += 1
    return n % 2


def _verb_polarity(claim, lexicon) -> int:
    """1 when the claim's verb is negated: the negation cues among the six words before it
    ("did *not* approve", "has *yet to* decide", "It has *not*, the authority said,
    opened", "*declined* to rule out"; two cancel), or a denial governing the claim."""
    att = claim.attribution
    denied = int(att is not None and att.negated and not claim.start <= att.start < claim.end)
    w = next((x for x in claim.words if x[3] == claim.predicate), None)
    if w is None:
        return (int(claim.negated) + denied) % 2  # a verb the words leave out ("is")
    toks = _TOKEN.findall(claim.text.lower().replace("\u2019", "'"))
    upto = len(_TOKEN.findall(claim.text[:w[0] - claim.start].lower().replace("\u2019", "'")))
    # Before the verb, or as the determiner of its object ("found *no* trace").
    cues = _cues(claim, lexicon)
    n = denied + sum(1 for i in cues if upto - 8 <= i < upto
                     or (upto < i <= upto + 2 and toks[i] in _OBJECT_NEGATORS))
    if claim.negated and not cues:
        n += 1  # negated by a word the claim's text leaves out (an opening "Nor")
    return n % 2


def _cues(claim, lexicon) -> list:
    """The negation cues of a claim, by position: words of the negations lexicon as written
    or by their lemma ("denied"), phrases ("yet to"), not their look-alikes ("not only");
    "nor" after another negation and "not" of "not yet" count once with it. Found once per
    claim (a source claim is asked again by every derived text checked against it)."""
    return memo_on(claim, f"_neg_cues_{id(lexicon)}", lambda: _find_cues(claim, lexicon))


def _find_cues(claim, lexicon) -> list:
    low = claim.text.lower().replace("’", "'")
    toks = _TOKEN.findall(low)
    lemmas = {w[2].lower(): w[3] for w in claim.words}
    out = []
    skip = 0
    # The tables once per claim, and the generators only for words that start an entry:
    # every word of every claim passes here.
    lookalikes = _starting(lexicon, "negation_lookalikes")
    negations = _starting(lexicon, "negations")
    negation_words = lexicon.words.get("negations", {})
    for i, t in enumerate(toks):
        if skip:
            skip -= 1
            continue
        looks = lookalikes.get(t)
        if looks and any(tuple(toks[i:i + len(p)]) == p for p in looks):
            skip = 1
            continue
        starting = negations.get(t)
        phrase = next((p for p in starting if tuple(toks[i:i + len(p)]) == p),
                      None) if starting else None
        if phrase is not None:
            out.append(i)
            skip = len(phrase) - 1
            continue
        if not (t in negation_words or lemmas.get(t, "") in negation_words):
            continue
        if t == "nor" and out:
            continue  # "neither ... nor", "not ... nor": one negation
        out.append(i)
    return out


RULE = Rule(CODE, NAME, KIND, SEVERITY, "polarity reversed", check, __doc__)


def _negated(claim) -> set:
    """The claim's negated words, names and figures left out ("in March, not October" is a
    contrast, not a negation); a claim negated as a whole ("Neither A nor B would comment")
    negates its predicate."""
    names = {w[3] for w in claim.words if w[4] in ("PROPN", "NUM")}
    out = set(claim.negated_words) - names
    if claim.negated:
        out.add(claim.predicate)
    return out
