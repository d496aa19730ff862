"""Where a derived hedge is the source's own, said elsewhere than the close source claim
(DC210, ``rules/certainty_lowered.py``): the same hedge on the same verb in another source
claim (``hedged_alike_elsewhere``), a plan another telling gives as a plan too
(``planned_in_another_telling``), the hedge on a figure the derived hedge governs
(``hedged_on_figure``), a hedge on a noun the sources write with it
(``hedge_on_noun_written``), or a hedge of another clause the derived claim merged in
(``merged_hedge``)."""

from __future__ import annotations

import re

from checker.align import claim_keys, key, text_keys
from checker.figure_match import GROUP, same_value
from checker.hedging import IN_RELATIVE_ASIDE, cue_word_in, cues, hedged_verb
from checker.lemmas import inflections
from checker.lexicon import shipped
from checker.numbers import CURRENCY_SIGNS, number_values, values_match
from checker.timespans import durations



def hedged_alike_elsewhere(ctx, dc, h) -> bool:
    """A source claim hedges the same verb with the same word, of the same polarity, beside
    two words of the derived claim, and the hedge stands in a relative aside of the derived
    claim or the source claim holds the nouns of its object (all of one or two, all but a
    third of more): "the full board is expected to rule on 3 June" for "if the board, which
    is expected to rule on 3 June, agrees". The hedge is the source's, wherever the derived
    sentence puts it. So is an attempt the one source claim of that attempt gives the same
    doer (``_one_attempt_of_doer``)."""
    verb = hedged_verb(dc, h)
    hedged = ctx.memo("dc210-source-hedges", _source_hedges).get(verb) if verb else None
    if not hedged:
        return False
    aside = bool(IN_RELATIVE_ASIDE.search(dc.text[:max(0, h.start - dc.start)]))
    at = dc.text.find(dc.object) if dc.object else -1
    nouns = {key(w.lemma) for w in dc.words if w.pos in ("NOUN", "PROPN")
             and at >= 0 and w.start >= dc.start + at
             and not any(q.start <= w.start < q.end for q in dc.quantities)}  # not "April"
    rest = claim_keys(dc) - {verb}
    # a hedge in a relative aside ("the board, which is expected to"), or one whose object
    # has at most a third of its nouns the source claim lacks (not "the Elstow bypass" for
    # "the Dunlow bypass", nor "the ferry contract" for "the dredging contract")
    if any(sc.negated == dc.negated and len(rest & claim_keys(sc)) >= 2
           and (aside or len(nouns - claim_keys(sc)) <= len(nouns) // 3)
           and cue_word_in(h.text, c.text) for sc, c in hedged):
        return True
    return h.role == "attempt" and _one_attempt_of_doer(ctx, dc, h, hedged)


def _doer_keys(claim) -> set:
    """The keys of who does the claim's deed: its subject's words, or its speaker's when the
    subject is a pronoun ("Parish officials said they hoped to lease the field")."""
    subject = claim.subject.strip().lower()
    if claim.attribution is not None and claim.attribution.source and subject in _PRONOUNS:
        subject = claim.attribution.source.split(",")[0]
    return {key(w) for w in re.findall(r"[a-z]{3,}", subject.lower())} - {"the"}


def _one_attempt_of_doer(ctx, dc, h, hedged) -> bool:
    """The one source claim that puts the same attempt on the same verb, of the same
    polarity, has a doer that shares a word with the derived claim's subject ("Orme Rowing
    Club is seeking another boathouse" where the source has "club members said they were
    seeking a new home for the boats"): the attempt is the source's, what it is after
    another kind's to compare. Not when the source has two such attempts ("seeking a
    boathouse", "seeking a coach"), nor when a source claim tells that verb done, firm, by
    that doer ("The club found a new green in March"). Known false positive: the attempt
    told of one thing and the derived attempt of another, with the deed of neither told
    done."""
    alike = [sc for sc, c in hedged if cue_word_in(h.text, c.text) and c.role == "attempt"]
    if len({sc.id for sc in alike}) != 1 or alike[0].negated != dc.negated:
        return False
    verb = hedged_verb(dc, h)
    doer = _doer_keys(dc)
    if any(key(sc.predicate) == verb and not sc.negated and not cues(sc, ctx.lexicon)
           and doer & _doer_keys(sc) for sc in ctx.index.claims):
        return False  # (the deed told done by that doer: "the club found a new green"; not
        # "samples found algae")
    return bool(doer & _doer_keys(alike[0]))


_PRONOUNS = shipped("pronouns_subject") | shipped("pronouns_thing")
_FUNCTION = shipped("function_words")


# A source hedge this much weaker than the derived one (hedges.txt weights) still hedges the
# act as much: "could" (0.3) for "may" (0.3) or "might" (0.35), not for "would" (0.15)
HEDGE_SLACK = 0.05


def hedged_alike_on_its_object(ctx, dc, h) -> bool:
    """A source claim hedges its own verb with the same word as the derived claim's verb is
    hedged, or with a hedge about as strong (``HEDGE_SLACK``: "could" for "may", not "may"
    for "would"), of the same polarity, and holds every noun of the derived claim's object
    and three of its other words: "could look at parking charges once more next year" for
    "may revisit parking charges once more next year". The hedge is the source's, whatever
    verb the derived text gives the act (the verb itself is DG602's and DE404's to
    compare). Not when the figures differ ("in May" beside "in 2026"), nor when a source
    claim states the derived verb itself firmly of the same nouns. Known miss: a hedge put
    on another act about the same thing in the same words, which no source states firmly
    ("may raise charges next year" beside "may revisit charges next year")."""
    verb = hedged_verb(dc, h)
    at = dc.text.find(dc.object) if dc.object else -1
    if not verb or at < 0 or verb != key(dc.predicate):
        return False  # (the hedge on the verb whose object it is, not on a clause after it)
    nouns = {key(w.lemma) for w in dc.words if w.pos in ("NOUN", "PROPN")
             and w.start >= dc.start + at
             and not any(q.start <= w.start < q.end for q in dc.quantities)}
    rest = claim_keys(dc) - {verb}
    if not nouns or any(key(sc.predicate) == verb and nouns <= claim_keys(sc)
                        and not cues(sc, ctx.lexicon) for sc in ctx.index.claims):
        return False  # the source states the derived verb itself firmly ("will shut the
        # ward in May" beside "may reopen the ward in 2026")
    return any(
        sc.negated == dc.negated and nouns <= claim_keys(sc) and len(rest & claim_keys(sc)) >= 3
        and all(any(same_value(q, sq) for sq in sc.quantities) for q in dc.quantities)
        and hedged_verb(sc, c) == key(sc.predicate)
        and (cue_word_in(h.text, c.text) or c.role == h.role == "hedge"
             and c.weight >= h.weight - HEDGE_SLACK)
        for pairs in ctx.memo("dc210-source-hedges", _source_hedges).values() for sc, c in pairs)


def hedge_on_noun_written(ctx, dc, h) -> bool:
    """An adjective hedge on a noun ("suspected price fixing", "alleged fraud"), the two
    words as the sources write them: the hedge on that thing is the source's, wherever the
    derived sentence puts it. Known false negative: the same phrase the source uses of
    another party."""
    words = [w for w in dc.words if w.start >= h.end]
    if not words or words[0].pos not in ("NOUN", "PROPN") or " " in h.text.strip():
        return False
    phrase = f"{h.text.strip()} {words[0].text}".lower()
    return bool(re.search(rf"\b{re.escape(phrase)}", ctx.source_text.lower()))


def planned_in_another_telling(ctx, dc, h) -> bool:
    """The derived plan ("plans to cut crossings from six to four") is what another source
    claim of the passage gives as a plan too ("intends to reduce sailings from six to
    four", where the other outlet says "will operate four sailings"): a plan or attempt at
    least as tentative, on a claim holding three of the derived claim's words and its
    figures (all but a third), or the figures that the other claims supporting it lack
    ("intends to cut evening trains from nine to five on 6 September" for "its draft cuts
    evening trains from nine to five" and "it intends to bring the timetable in on 6
    September")."""
    if h.role != "attempt":
        return False
    mine = list(dc.quantities)
    close = [*ctx.support(dc)[1], *ctx.twins(dc)]

    def gives(sc, q) -> bool:  # in any notation: "over ten years" for "over a decade"
        return any(sq.norm == q.norm or GROUP.get(sq.kind) == GROUP.get(q.kind)
                   and same_value(q, sq) for sq in sc.quantities)

    # the claims that give each derived figure
    told = [{sc.id for sc in close if gives(sc, q)} for q in mine]

    def has_figures(sc) -> bool:
        held = [gives(sc, q) for q in mine]
        if held.count(False) <= len(mine) // 3:
            return True
        return any(held) and all(h for h, by in zip(held, told) if by <= {sc.id})

    return any(any(c.weight >= h.weight - 0.15 for c in sc.certainty.attempts)
               and has_figures(sc) and len(claim_keys(dc) & claim_keys(sc)) >= 3
               for sc in close)


def hedged_on_figure(ctx, dc, h) -> bool:
    """A source claim puts the same hedge word on a figure the derived hedge governs, in
    whatever verb ("the audit, which should last up to ten weeks" for "the audit should go
    on for ten weeks at most"; "is likely to stay dry for at least a month" for "is likely
    to remain without rain for a month or more"): a span of time in the same units and
    number, or the same sum or share (not a bare count: "two" is in too many claims)."""
    mine = [q for q in dc.quantities if q.start >= h.end]
    if not mine:
        return False
    for sc in ctx.index.claims:
        if sc.quantities and cue_word_in(h.text, sc.text) and any(
                _same_figure(q, sq) for q in mine for sq in sc.quantities):
            return True
    return False


def _same_figure(q, sq) -> bool:
    units = durations(q.text)
    if units:
        return units == durations(sq.text) and number_values(q.text) == number_values(sq.text)
    return q.kind in ("money", "percent") and q.kind == sq.kind \
        and values_match(q.value, sq.value)


def merged_hedge(ctx, dc, h, sc) -> bool:
    """The source sentence puts the same hedge word on a clause of its own that the derived
    claim merged in ("It said it was auditing the accounts and expected to complete the audit
    in the spring" -> "it expects to finish auditing the accounts in the spring"): the
    hedge is the source's, when that clause shares two more content words with the derived
    claim besides their subjects ("audit", "spring"). The word is compared by its stem
    ("expects", "expected")."""
    word = next((w for w in h.text.lower().split() if len(w) > 3), "")
    if not word:
        return False
    mine = key(word)
    rest = claim_keys(dc) - {mine} - text_keys(dc.subject or "")
    return any(o is not sc and len(rest & (claim_keys(o) - {mine} - text_keys(o.subject or "")))
               >= 2
               and any(key(w) == mine for c in cues(o, ctx.lexicon)
                       for w in c.text.lower().split() if len(w) > 3)
               for o in ctx.sentence_claims(sc))


def _source_hedges(ctx) -> dict:
    """{key of a hedged verb: [(source claim, cue)]} over every source claim, once per check."""
    out: dict = {}
    for sc in ctx.index.claims:
        for c in cues(sc, ctx.lexicon):
            verb = hedged_verb(sc, c)
            if verb:
                out.setdefault(verb, []).append((sc, c))
    return out


# how many words of a source sentence after a mark's noun may stand before the figure it sets
# ("a target of £12,500", "whose goal is £12,500"); before the noun, the figure stands right
# there ("its £12,500 target")
TARGET_REACH = 3
# how many words may stand between the attempt's cue and the sum its verb is after
AIM_REACH = 2


def aimed_at_target(ctx, dc, h) -> bool:
    """An attempt whose word names a mark too ("aims to collect £12,500": intention_nouns.txt)
    on the figures a source sets as such a mark ("a fund-raiser whose goal is £12,500",
    "its £12,500 target": the nouns paraphrases.txt groups as "target"), in a sentence that
    shares a word with the derived claim's subject (the same party's mark: not another
    club's goal): the aim is the source's target, told by its verb. Every figure of the
    cue's clause must be such a mark. Known false negative: a target whose figure the source
    writes in words far from its noun. Known false positive: a sum raised and a target of
    the same size in one sentence."""
    words = h.text.lower().split()
    if h.role != "attempt" or not words or not any(
            words[0] in inflections(n) for n in ctx.lexicon.entries("intention_nouns")):
        return False  # ("aims", "planned": a noun of intention's verb)
    clause = re.split(r",(?!\d)|;", dc.text[h.end - dc.start:], maxsplit=1)[0]
    first = re.search(rf"[{CURRENCY_SIGNS}]?\d", clause)
    if first is None or len(clause[:first.start()].split()) > AIM_REACH:
        return False  # the sum is what the verb is after ("aims to raise £12,500"), not a
        # figure of something else ("plans to launch an appeal with a target of £12,500")
    mine = number_values(clause, scaled=False)  # (the aim's clause: not "..., stood at £2,100")
    named = text_keys(" ".join(w for w in re.findall(r"[\w'’-]+", dc.subject)
                               if w[:1].isupper())) - _FUNCTION
    party = named or text_keys(dc.subject) - _FUNCTION  # (its name's words when it has a
    # name: not "club" of another club)
    if not mine or not party:
        return False
    marks = [(keys, values) for keys, values in ctx.memo("dc210-target-figures", _target_figures)
             if keys & party]
    return all(any(values_match(n, v) for _keys, values in marks for v in values)
               for n in mine)


def _target_figures(ctx) -> list:
    """(keys of the sentence, the numbers it sets as a mark: "a target of £12,500",
    "its £12,500 goal") for each source sentence, once per set of sources."""
    lex = ctx.lexicon
    out = []
    for sentence in {sc.sentence for sc in ctx.index.claims}:
        tokens = re.findall(rf"[{CURRENCY_SIGNS}]?\d[\d,.]*\w*|[a-z]+", sentence.lower())
        found = []
        for i, t in enumerate(tokens):
            if lex.value("paraphrases", t) != "target":
                continue
            near = tokens[i + 1:i + 1 + TARGET_REACH] + tokens[max(0, i - 1):i]
            found += [v for x in near if x[:1].isdigit() or x[:1] in CURRENCY_SIGNS
                      for v in number_values(x, scaled=False)]
        if found:
            out.append((text_keys(sentence), found))
    return out
