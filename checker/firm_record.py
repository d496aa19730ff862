"""Whether a source claim is firm on record, and who says it: stated on its own authority or
passed on by a named party with a plain or factive reporting verb and no hedge of its own
(``firm_on_record``), told by the same speaker as the derived claim (``_same_speaker``) or
credited by another clause of the derived claim's sentence (``_speaker_in_sentence``), and
the speaker's name a subject pronoun stands for (``speaker_as_subject``). Read by
``checker.tentative`` and ``checker.weaker_frames`` for DC210 certainty-lowered (no spaCy
here).
"""

from __future__ import annotations

from checker.align import text_keys
from checker.attribution import is_anonymous
from checker.hedging import clause_end, cues
from checker.party_kinds import stand_in_noun
from checker.same_source import same_source
from checker.source_phrase import has_name


FIRM = 0.75  # the certainty level of a plain statement (no hedge, no attribution)


def speaker_as_subject(ctx, sc) -> set:
    """The keys of the speaker's name when a pronoun stands for it as the subject of what it
    said ("the developer said it would cut"), else none."""
    said = sc.attribution
    if said is None or not said.source or not ctx.lexicon.has(
            "pronouns_subject", (sc.subject or "").lower()):
        return set()
    return text_keys(said.source)


def _same_speaker(dc, sc) -> bool:
    """Both claims are told by the same speaker, with the same verb of saying ("two people
    said auditors had removed X" -> "two people said auditors may have taken X"):
    the hedge lowers that speaker's own account."""
    a, b = dc.attribution, sc.attribution
    return a is not None and b is not None and not a.negated and not b.negated \
        and a.lemma == b.lemma and same_source(a.source, b.source)


def _speaker_in_sentence(ctx, dc, sc) -> bool:
    """Another clause of the derived claim's sentence credits the source claim's speaker
    ("Three groups tried to repeat it, the notice said, and none seems to have managed it"
    for "According to the notice, ... none managed it"): the hedge lowers that speaker's
    account, which the sentence still gives as theirs."""
    said = sc.attribution
    return said is not None and not said.negated and bool(said.source) and any(
        o.sent_start == dc.sent_start and o is not dc and o.attribution is not None
        and not o.attribution.negated and same_source(o.attribution.source, said.source)
        for o in ctx.derived_claims)


def _in_aside(sc, cue) -> bool:
    """The cue stands in a relative clause set off after the claim's verb ("voted to refuse
    the licence, which would have let the bar open until 3am"): the clause's own doubt,
    not the claim's."""
    verb = next((w for w in sc.words if w.lemma == sc.predicate), None)
    if verb is None or cue.start <= verb.end:
        return False
    return clause_end(sc, verb.end) <= cue.start


def firm_on_record(ctx, sc, believed: bool = False, kept: frozenset = frozenset()) -> bool:
    """The source claim is firm: stated on its own authority, or passed on by a named party
    with a plain or factive reporting verb ("the company said", "she confirmed that"), and
    no hedge of its own. An allegation ("claimed", "alleged") or a denial is no firmer than
    hearsay, and a hedged report ("said it may have") is not firm. A named party that reports
    a thing as its verb's object ("Ostley Foods reported an operating loss", also "the company
    reported": corporate_nouns.txt) puts it on record. A
    named party's word counts only against a ``believed`` frame ("is believed to", "is
    thought to"): "is said to" or "reportedly" for "the company said" drops the party's
    name, which is DA101's. A cue whose words are in ``kept`` (the derived claim has it too:
    "was negotiating with" and "is thought to be negotiating with") does not count, nor one
    in a relative clause after the claim's verb (``_in_aside``)."""
    own = [c for c in cues(sc, ctx.lexicon) if not _in_aside(sc, c)]
    if any(c.text.lower() not in kept for c in own):
        return False
    said = sc.attribution
    if said is None:
        return sc.certainty.level >= FIRM or len(own) < len(cues(sc, ctx.lexicon)) or (
            ctx.lexicon.has("neutral_report_verbs", sc.predicate) and bool(sc.object)
            and (has_name(sc.subject)
                 or ctx.lexicon.has("corporate_nouns", stand_in_noun(sc.subject))))
        # "Ostley Foods reported a loss", "the company reported a loss": its result, on record
        # (not "Residents reported a smell of gas": a witness's account)
    if not believed or said.kind not in ("named", "according-to"):
        return False  # "it was said that": no party's word
    lex = ctx.lexicon
    phrase = said.surface or said.source
    first = phrase.split()[:1]
    named = "," in phrase.strip(" ,") and any(
        w[:1].isupper() for w in phrase.strip(" ,").split(",", 1)[1].split()) or \
        lex.has("party_voices", said.head or "")  # "a fire service spokesman"
    if not named and (is_anonymous(said, frozenset(lex.words.get("attribution_generic", ())))
                      or first and lex.has("indefinite_sources", first[0].lower())):
        return False  # "a source close to the club said": no firmer than "is believed to";
        # but "One of them, grandmaster Ana Holt," is named
    return (bool(said.source) and not said.negated and bool(said.lemma)
            and (lex.has("neutral_report_verbs", said.lemma) or lex.has("factive", said.lemma)))
