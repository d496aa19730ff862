"""A derived claim framed as less certain than its close source claim (DC210,
``rules/certainty_lowered.py``): reported with a hedging verb ("suggested") where the source
is reported with a factive verb, one of finding or one of ruling (``reporting_lowered``,
``_attributed_frame``, ``_own_finding``), and credited to nobody in particular ("is thought
to", "reportedly") where the source states it as a fact, on record or as what a document
established (``hearsay_lowered``, ``_documented_finding``, ``_mid_sentence``). Each reader
returns the finding's fields (span, confidence, evidence, message, suggestion) for the rule
to make, or None.
"""

from __future__ import annotations

import re

from checker.align import claim_keys, key, text_keys
from checker.claim_reading import evidence_of, shares_core, snippet
from checker.firm_record import FIRM, firm_on_record, speaker_as_subject
from checker.hedging import close_support, cue_word_in, cues


def reporting_lowered(ctx, dc):
    """The fields of a finding when the derived claim is reported with a hedging verb
    ("suggested") where its close source claim is reported with a factive one ("confirmed"),
    a verb of finding ("concluded": finding_verbs.txt) or one of ruling ("ruled":
    ruling_verbs.txt)."""
    att = dc.attribution
    if att is None or not att.lemma or ctx.lexicon.weight("hedges", att.lemma, 0.0) < 0.2:
        return None
    close = close_support(ctx.support(dc))
    # a weaker match too when its own subject is the derived speaker: "the authority said
    # tests found X" beside a longer passage that names X, for "tests suggest X"
    further = [sc for sc in ctx.support(dc)[1][:3] if sc not in close]
    for sc in [*close, *further]:
        own = _own_finding(ctx, dc, sc)
        theirs = (_attributed_frame(ctx.lexicon, sc) if sc in close else None) or own
        if theirs is None or cue_word_in(att.cue, sc.sentence) or not (
                shares_core(dc, sc) or _one_speaker(dc, sc) and _subject_kept(dc, sc)
                if sc.attribution is not None and not own
                else len(claim_keys(dc) & claim_keys(sc)) >= 3
                or own and _subject_kept(dc, sc)):  # the frame's complement
            continue
        also = [h for h in cues(dc, ctx.lexicon) if h.weight >= 0.2 and h.start != att.start
                and not any(q.start <= h.start < q.end for q in dc.quotes)
                and not cue_word_in(h.text, sc.sentence)]
        # a modal the source lacks as well ("could have been a third lower ..., the
        # report suggested" for "were ..., the report found"): the finding covers both
        start = min([att.start, *(h.start for h in also)])
        end = max([att.end, *(h.end for h in also)])
        words = "".join(f' and "{h.text}"' for h in also)
        return dict(start=start, end=end, text=ctx.derived.text[start:end],
                    confidence=0.6, evidence=[evidence_of(sc)],
                    message=(f'Reports with "{att.cue}"{words} what the source gives as '
                             f'"{theirs}": "{snippet(sc.text, 70)}".'),
                    suggestion=f'Use the source\'s verb ("{theirs}") or say why it is in doubt.')
    return None


def _one_speaker(dc, sc) -> bool:
    """The two frames credit one speaker, by its head word ("a study done for the
    trust", "the study"). Known false positive: two speakers of one kind ("the first
    review", "the second review")."""
    head = dc.attribution.head
    return bool(head) and key(head) == key(sc.attribution.head or "")


def _subject_kept(dc, sc) -> bool:
    """The derived clause's subject, in two words or more, is all in the source claim ("the
    audit suggested the river wall may have held up" for "the audit had found the river
    wall itself sound"): the same finding about one thing in other words, however its
    verb is put. Known false positive: one speaker's two findings about one thing, the
    derived one weighed and the source's firm ("the audit found the wall sound" beside a
    derived "the audit suggested the wall may need repointing")."""
    mine = text_keys(dc.subject) & claim_keys(dc)  # its content words
    return len(mine) >= 2 and mine <= claim_keys(sc)


def _attributed_frame(lex, sc):
    """The words with which the source claim's attribution gives what was established: its
    cue when that is a factive verb or one of finding ("confirmed that"); else None (the
    claim's own verb of finding is ``_own_finding``'s)."""
    sa = sc.attribution
    if sa is not None and sa.lemma and any(lex.has(role, sa.lemma) for role in _FIRM_FRAMES):
        return sa.cue
    return None


def _own_finding(ctx, dc, sc):
    """The source claim's own verb of finding when the derived speaker's head word is in its
    subject ("An adjudicator ruled that ...", "swabs showed the fungus in ..., the agency
    said": the finding is the tests', whoever reports it); else None."""
    lex = ctx.lexicon
    head = key((dc.attribution.head or "").lower())
    if head and head in {key(w) for w in sc.subject.lower().split()} and any(
            lex.has(role, sc.predicate) for role in _FIRM_FRAMES):
        return sc.predicate_text
    return None


_FIRM_FRAMES = ("factive", "finding_verbs", "ruling_verbs")  # lexicon roles of firm frames


def _hearsay_of_aside(ctx, dc, att) -> bool:
    """The hearsay word stands in a relative clause of the claim's subject ("Quayline
    Hotels, which reportedly paid £1.7m for the lido, is challenging ...") and a source
    passage the claim aligns with gives that word's report too ("for a reported £1.7
    million"): the aside keeps the source's doubt, and the claim's own verb has none."""
    at = dc.text.find(dc.subject)
    if at < 0 or not dc.start + at <= att.start < dc.start + at + len(dc.subject) \
            or not re.search(r",\s*(?:which|who|whose)\b", dc.subject):
        return False
    stem = att.cue.lower().removesuffix("ly")  # "reported" of "reportedly"
    return any(re.search(rf"\b(?:a|an|the)\s+{re.escape(stem)}\b", sc.sentence, re.I)
               for sc in ctx.support(dc)[1])  # (a modifier: "a reported £1.7m"; not the
    # sentence's verb, "reported a profit")


def hearsay_lowered(ctx, dc):
    """The fields of a finding when the derived claim is credited to nobody in particular
    ("is thought to have been approved", "reportedly", "allegedly") where its close source
    claim states it as a fact, on its own authority and firmly."""
    att = dc.attribution
    if att is None or att.source or not (
            att.kind == "passive" and att.cue.lower().endswith(" to")
            or att.kind == "adverb" and " " not in att.cue.strip()):
        return None  # "is thought to", "reportedly"; not a speaker the parse lost
    if _hearsay_of_aside(ctx, dc, att):
        return None
    verb = next((w for w in dc.words if w.lemma == dc.predicate), None)
    if att.kind == "passive" and verb is not None and verb.end <= att.start:
        return None  # "cancelled 140 flights, stranding what is thought to be 20,000
        # passengers": the frame is on a later clause's words, not on the claim's verb
    lex = ctx.lexicon
    believed = (att.kind == "passive" and lex.has("nonfactive", att.lemma)
                and not lex.has("neutral_report_verbs", att.lemma))
    kept = frozenset(c.text.lower() for c in cues(dc, lex))  # on both sides: not the doubt
    for sc in close_support(ctx.support(dc)):
        if not (firm_on_record(ctx, sc, believed, kept) or _documented_finding(ctx, sc)):
            continue
        same_verb = key(sc.predicate) == key(dc.predicate)
        mine = claim_keys(dc) - text_keys(att.cue) - {key(att.lemma or "")}
        # not "report" of "reportedly", nor "think" of "is thought to"
        shared = mine & (claim_keys(sc) | speaker_as_subject(ctx, sc))
        # "the board confirmed that it was bargaining": "it" is the board
        if not (shares_core(dc, sc) or same_verb and len(shared) >= 3
                or same_verb and shared and shared == mine and dc.negated == sc.negated
                and dc.subject.lower() == sc.subject.lower()
                or len(shared) >= 4 and len(shared) >= 0.7 * len(mine)):
            # the second: a short claim whole ("nobody is believed to have been injured");
            # the last: the same claim in another verb ("escaped unhurt" for "were unhurt")
            continue
        if cue_word_in(att.cue, sc.sentence):
            continue
        said = sc.attribution
        verb = "according to" if said is not None and said.kind == "according-to" \
            else said.cue.split()[0] if said is not None else ""
        told = (f'what the source has firmly from {said.source.strip(" ,")} '
                f'("{verb}")' if said is not None
                else f'what {_mid_sentence(sc.subject)} {sc.predicate_text} on record in the '
                     'source'
                if sc.certainty.level < FIRM else 'what the source states as a fact')
        return _on_attribution(
            ctx, dc, sc, message=(f'Gives as hearsay ("{att.cue}") {told}: '
                                  f'"{snippet(sc.text, 70)}".'),
            suggestion=(f'Drop "{att.cue}" and state it as the source does'
                        + (f', credited to {said.source.strip(" ,")}.' if said is not None
                           else '.')))
    return None


def _mid_sentence(subject: str) -> str:
    """A subject as it reads inside a message: "the company", not "The company"."""
    first, _, rest = subject.strip().partition(" ")
    return f"{first.lower()} {rest}" if rest and first in ("The", "Its", "Their") else subject


def _documented_finding(ctx, sc) -> bool:
    """The source claim is what a document established ("inspectors found 112 missed visits,
    according to the council's audit"): a finding verb, with no hedge, credited to a
    document, which "are reported to have counted" turns into hearsay. (A party's word,
    "the company said", given as "is said to" is DA101's: the name is what went.)"""
    att, lex = sc.attribution, ctx.lexicon
    return (att is not None and att.kind == "according-to" and not att.negated
            and lex.has("document_nouns", att.head or "") and not sc.negated
            and not cues(sc, lex)
            and (lex.has("factive", sc.predicate) or lex.has("finding_verbs", sc.predicate)))


def _on_attribution(ctx, dc, sc, *, message: str, suggestion: str):
    """The fields of a finding on the derived claim's attribution, citing the source
    claim."""
    att = dc.attribution
    return dict(start=att.start, end=att.end,
                text=ctx.derived.text[att.start:att.end] or att.cue, confidence=0.6,
                evidence=[evidence_of(sc)], message=message, suggestion=suggestion)
