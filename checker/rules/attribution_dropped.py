"""DA101 attribution-dropped: a claim the source attributes is stated as plain fact.

What it flags:
    A derived claim whose supporting source claim is attributed to a named outlet or person
    ("according to the FT", "X reports that", "X said"), to unnamed people ("two officials
    said on condition of anonymity") or to unnamed reports ("reportedly", "is said to be",
    "reports of"), or to a record that closes its sentence ("..., the emails show":
    record_closings.txt, document_nouns.txt; not figures, "..., the council's figures show",
    which a summary may state as the counts they are), while the derived text credits
    nobody: neither the claim's own sentence
    (wherever the attribution stands: in front, in the middle, at the end, "Per X", "the
    count from X", "X's figures show", "In his account", "by the union's reckoning":
    account_nouns.txt) nor the sentence before or after it in the same
    paragraph names that source (the sentence before only when the claim's sentence refers
    back to it: "Its figures show"; a source also by the kind of party the sources make it:
    "the processor said" for "Calderwick Dairies, the largest milk processor"; anonymous
    sources only in the claim's own sentence or the one before it, when the claim's
    sentence refers back: "According to two officials, A. Those figures show B."; a
    source given by a description, in the next sentence after "by" or "from": "A. That
    figure comes from the council's own traffic survey", or named after an account noun in a
    next sentence that points back: "A. That is the finding of the Marlby Water Trust":
    account_nouns.txt, finding_nouns.txt). An attribution to
    someone else nearby does not cover the claim, nor does the tag of a quotation that
    follows ('A. "...," she said.' credits the quotation only), nor an unnamed speaker's
    noun inside the claim with no verb of saying after it ("unless a senior nurse
    overrode it" credits no "two nurses"), nor the noun of an unnamed person in another
    clause of the sentence, with no verb of saying after it or "according to" before it
    ("The trust took on six wardens, but staffing is thin" credits no "one warden,
    speaking privately"; ``credit_kept.said_outside``), nor a noun that was
    told ("The club was told in March" credits no member). A passive verb of
    telling ("Staff had been told to accept the score") credits nobody. Also a report
    inside a report ("two people said the company told its lenders X", "the union said trustees
    had been warned that X") restated with the inner speaker, or the same unnamed
    hearing, only ("The company has told its lenders X", "Trustees had been told X"). A
    verb of saying that takes a sum of money ("The charity claimed £86,000 in relief":
    money_taking_verbs.txt), a particle that makes it another verb ("wrote off £3m":
    report_verb_particles.txt) or nothing but its addressee ("40 tenants have complained to
    the regulator": the count of those who spoke is the claim) credits no one.
    One finding per derived sentence and source speaker: the clauses of "A, and B" that
    drop one "according to X" are one drift, and the finding spans them.
Why it matters:
    The attribution tells the reader who vouches for the claim. Without it, the derived text
    vouches for it; an interested party's own study or claim then reads as established fact.
Not flagged:
    Headlines; words inside quotation marks (DA103 checks their speaker); the words after a
    participle of saying that the claim's subject speaks, the subject naming the source's
    speaker ("The trust denied it, calling the findings "careful"" for "a trust
    spokeswoman said the findings were "careful"": ``credit_kept.told_by_participle``); a
    claim that only
    asks what the attributed claim answers, its shared words all in an indirect question
    after a preposition ("Pressure is mounting on the hospital over how long its nurses
    work": question_words.txt); a party's refusal
    to comment and its reason ("The authority would not comment while proceedings are
    ongoing": silence_phrases.txt, phrases about comment only), which the reporter knows
    first-hand; a speaker's account
    of its own acts or plans ("The agency said it had asked for the records" -> "The agency
    has asked for the records"), unless the speaker is anonymous or the claim is one of being;
    a party's acts or plans given by its voice: a spokesperson or statement of it, or the
    officer the source introduces as its own ("The company intends to appeal the order, a
    spokeswoman said" -> "The company intends to appeal the order"; ``checker.voices``),
    wherever the source introduces the officer ('"...," said Mara Quell, the authority's
    director'; "Its director, ..." after a sentence that opens with the party; a title of
    the body's own kind, "Chief inspector X" of the inspectorate; "the company" for the
    party the two sentences before name, by its officer) and when the claim calls the party
    by its kind ("the bank" for the bank the source names); a party speaking for itself under
    the name of its kind ("Harlow Ferries
    will cut two routes, the company said"; "Brinton Council approved the scheme, council
    officials said": a body's head noun, non_person_heads.txt, not "health officials";
    ``corporate_nouns``), never a count of officials ("two officials");
    a public body's report within its remit passed on without argument ("1,150 homes had
    been damaged, the agency said" -> "1,150 homes were damaged"; "the service said" after
    the article named "the county fire service": a regulator, inspectorate,
    emergency service, police (bare, "police said", of a plain event only), court or
    administrator, the ``official_sources`` lexicon, with "said", "reported", "announced";
    beside another speaker, "the operator and the coastguard said", only of a plain event:
    no cause, plan, view or negation), never an allegation or an unnamed official;
    a timetable a named speaker announces, with no more doubt than an expectation ("the
    audit would start in May and was expected to need a month, the trust's chair said": a
    verb of phase with a day or a date, or "take" or "last" with a span
    of time; on_record._timetable; known false positive: a timetable the story disputes);
    a plain count credited to a body's statistics ("240,000 tonnes, according to ministry
    figures": statistics_nouns.txt);
    an organisation's plain count or time of an event it reports ("Nine workers were
    injured on Tuesday, the operator said" -> "Nine workers were injured on Tuesday"; no
    hedge, negated verb, view, finding, cause, plan, other party's deed or count in dispute,
    and never a person's count);
    the parties' joint statement of what one of them does ("Orwell Foods has agreed to buy
    Pike Dairies, the two companies said": a definite or "both" plural of a
    ``corporate_nouns`` noun, of a claim that names two organisations, one as its subject:
    a deal between them); the speaker named as the subject of the source's own frame
    ("Officials expect the report in May" for "The report is expected in May, officials
    said": ``credit_waived.holder_as_subject``); a derived
    sentence that keeps the source claim's own finder ("the union said its volunteers
    found X" -> "Its volunteers found X", "X, the volunteers found": the same finding or
    reporting verb with a subject of the same head noun), also where the source credits
    the finding to the finder's own record ("The panel found X, according to its report";
    not "according to the union's report" nor "a memo seen by the Herald");
    a fact the source also states plainly as well as attributed, or another outlet tells
    plainly in a passage the claim aligns with nearly as closely (within ``PLAIN_MARGIN``),
    or nearly as closely (``Context.twins``) plainly or on the party's own word ("the company
    confirmed"; not a party's document another outlet saw: disclosure_verbs.txt); a fact
    the source gives in
    an aside of the attributed sentence, a non-restrictive clause or an apposition, between
    commas or at the sentence's end ("The inquiry, which is expected to take nine months,
    found X, according to a report" -> "The inquiry is expected to take nine months"; "...
    loans to Brackley Homes, the developer that collapsed in March" -> "Brackley Homes
    collapsed in March"); a source claim of the other polarity (another claim, not this
    one without its attribution); a derived claim that gives
    its content as what a document or an official body, named as its subject, found or said
    ("An audit found that the festival overspent", "The inspectorate counted 1,214
    prisoners": ``document_nouns``, ``official_sources``, ``finding_verbs``), or as its
    subject's own count where the source credits that party's report or department ("The
    council counted 40 complaints" for "according to a survey for the council's housing
    office": ``credit_finders.found_by_credited``); one attributed source sentence told as
    two derived sentences of a paragraph, its named speaker credited in the first
    (``credit_waived.split_after_credit``); a circumstance clause ("while its divers search
    the hull": circumstance_marks.txt) told as the source tells it, beside a claim of the
    same source sentence: it goes with that claim's credit (``_circumstance``).
    A derived sentence that fuses an attributed source claim with a plain one ("Bats could
    use the hedge, where Harrow Estates plans 40 homes": ``claim_content.fused_content``)
    counts as the attributed claim when no source claim says it all.
Known false positives:
    A fused sentence whose attributed half the derived text credits in another sentence the
    crediting rules do not reach. A source named in the derived text only by a description
    the source never uses ("the
    regulator" for an authority named in full) in a neighbouring sentence; a source that
    states a fact only in an attributed sentence although it is common knowledge; a party's
    plan given by an officer introduced only as "its director" or by a kind the source never
    sets beside its name ("the airline" for "Corrane Air"); an event report by an emergency
    service the lexicon does not list by its head or as a phrase (official_sources.txt
    now lists "fire service", "ambulance service"). A party's voice ("its chief
    executive") speaks for the party's acts, not for what a thing will do ("the project
    would create 1,100 jobs"): a subject whose head WordNet files first as neither a
    person, a group nor a place, with no name, possessive or body noun, is such a thing, so
    a party's plan told with such a subject ("the scheme will start in May") is flagged
    too. A news outlet's report (outlet_heads.txt: "the Dunlow Herald reported") is never
    an organisation's count of its own event, and a body named as a place inside the claim
    ("a patient at Greyfield Hospital": place_prepositions.txt) does not credit it, unless
    the source names it as a place too ("papers filed at the High Court"); a next sentence
    that opens with its frame ("The hospital said B.") credits B only: so a public fact
    the source attributes and the derived text tells plainly beside such a sentence is
    flagged ("Corvane entered administration. The board said 7,400 were stranded."). The
    two companies may speak of a third party named in the subject; a kept finder's head
    noun may name other people than the source's ("the volunteers" of another group). A
    derived claim is compared without its relative clauses set off by commas when it does
    not match whole, so an aside that itself credits the claim's source ("X, which calls
    the fees lawful, will appeal") does not keep the main clause's credit. A
    second part of a source sentence that the speaker's pronoun credits anew ("..., where
    it said B") is flagged when a summary tells it in a sentence of its own after crediting
    the first part, though some readers carry the credit over.
Known false negatives:
    An interested company's self-serving count stated plainly ("only two complaints were
    received, the company said"), taken for an event it reports. The outlet that saw a
    document, dropped while the document is kept ("An audit found X" for "the audit found X,
    according to a summary seen by the Chronicle"); a public body's report stated as fact
    where the body is itself a party to the dispute (an inspectorate defending its own
    inspection); a company's plan revealed by another party under a kind of
    ``corporate_nouns`` ("Merrow Shipping will sell a vessel, the group said", where "the
    group" is a union); a self-serving account of the speaker's own acts stated as fact
    ("The operator said it warned the town" -> "The operator warned the town"); a claim in a
    relative clause of an attributed sentence; a sentence that names the source only in
    passing; a report that is the subject of what it says ("The group's report, published
    on Friday, describes the brewery as the worst polluter"): neither its speaker nor
    unnamed reports are read there; an event told with a blame the parse does not see, by
    a party and an official body together ("the skipper had ignored the warnings, the
    operator and the coastguard said").
Examples:
    Source: According to the Financial Times, the firm is trying to block its rivals.
    Flag: The firm is trying to block its rivals.
    Okay: The firm is trying to block its rivals, according to the Financial Times.
    Source: The ferry will resume service in May, two port officials said on condition of anonymity.
    Flag: The ferry will resume service in May.
    Okay: Two port officials say the ferry will resume service in May.
"""

from __future__ import annotations

import re

from checker.align import key
from checker.attribution import source_name
from checker.claim_content import asked_only, fused_content, same_content
from checker.credit_kept import (credited, nameable, names, quoted, said_outside, said_verbs,
                                 silence, told_by_participle, unattributed)
from checker.credit_finders import estimate_by_credited, found_by_credited, keeps_frame
from checker.credit_waived import (background, explains_as_holder, holder_as_subject,
                                   only_its_subject, other_tellings, own_word,
                                   split_after_credit)
from checker.polarity import verb_polarity
from checker.rules.base import Rule, evidence_of, found_by, make, shares_core, snippet
from checker.same_source import own_outlet, same_source
from checker.source_phrase import core

CODE, NAME, KIND, SEVERITY = "DA101", "attribution-dropped", "attribution-dropped", "error"


def check(ctx):
    """Yield a finding for each derived claim that lost its source's attribution."""
    generic = frozenset(ctx.lexicon.words.get("attribution_generic", ()))
    verbs = frozenset(ctx.lexicon.words.get("attribution_verbs", ()))
    # (derived sentence, source speaker): one finding for a sentence's clauses, from the first
    # clause that drops the speaker to the last
    told: dict = {}
    for dc in ctx.derived_claims:
        if dc.unit_kind == "heading" or quoted(dc) or silence(ctx, dc):
            continue
        al, sup = ctx.support(dc)
        if al.score < ctx.config.support_threshold or not sup:
            continue
        best_score = al.scores[0] if al.scores else 0.0
        attributed = [(s, sc) for s, sc in zip(al.scores, sup)
                      if sc.attribution is not None and (not sc.attribution.negated
                                                         or sc.attribution.kind == "passive")
                      and s >= 0.85 * best_score
                      and verb_polarity(sc, ctx.lexicon) == verb_polarity(dc, ctx.lexicon)]
        hits = [(s, sc) for s, sc in attributed if same_content(dc, sc)
                and not asked_only(dc, sc, ctx.lexicon)]
        verb = [(s, sc) for s, sc in hits if key(sc.predicate) == key(dc.predicate)]
        hits = verb or hits  # the claim of the derived verb is what it tells, not one of
        # its background clause ("X is seeking to extend Y, even as the regulator
        # investigates": the seeking's credit, not the regulator's own word on its inquiry)
        fused = not hits
        if fused and not _CONDITION.match(dc.sentence) and not any(
                o.sent_start == dc.sent_start and o.attribution is not None
                for o in ctx.derived_claims):
            # a derived sentence that fuses the attributed claim with another, told plainly
            # (not "If the commission approves it, building could start in May") and with
            # nobody credited in it ("According to X, A, where B": the parse may give the
            # credit to B)
            hits = [(s, sc) for s, sc in attributed if fused_content(dc, sc, sup)]
        if hits and dc.attribution is not None and dc.attribution.outer is None:
            nested = _outer_dropped(ctx, dc, hits, generic)
            if nested is not None:
                yield nested
            continue
        if not hits or not unattributed(dc, verbs, ctx.lexicon) or found_by(
                ctx.lexicon, dc, explained=all(ctx.lexicon.has("document_nouns", _head(sc))
                                               for _s, sc in hits)):
            continue
        # If the best support states it plainly, the source vouches for it too.
        # (not the other half of a fused sentence: "X could spread, where Y plans homes")
        if sup[0].attribution is None and shares_core(dc, sup[0]) and \
                hits[0][1] is not sup[0] and best_score > hits[0][0] + 0.05 and not fused:
            continue
        # So does another outlet's plain telling among the support, nearly as close
        if not fused and any(sc.attribution is None and sc.doc_id != hits[0][1].doc_id
                             and s >= hits[0][0] - PLAIN_MARGIN and shares_core(dc, sc)
                             and not _credited_figures(ctx, dc, sc, hits)
                             for s, sc in zip(al.scores, sup)):
            continue  # (not where the claim gives a figure only the credited telling has)
        # another outlet's telling of the same fact, which the summary may follow
        twins = other_tellings(ctx, dc)
        if any(t.attribution is None for t in twins):
            continue  # the other outlet states it plainly
        if any(own_word(ctx, dc, sc, generic) for sc in [*(sc for _s, sc in hits), *twins]) \
                or any(keeps_frame(ctx, dc, sc) or holder_as_subject(ctx, dc, sc)
                       or explains_as_holder(ctx, dc, sc)
                       or credited(ctx, dc, sc, generic) or told_by_participle(ctx, dc, sc)
                       or found_by_credited(ctx, dc, sc)
                       or split_after_credit(ctx, dc, sc, generic) for _s, sc in hits) \
                or estimate_by_credited(ctx, dc, [*(sc for _s, sc in hits), *twins]) \
                or all(background(dc, sc) or only_its_subject(dc, sc) for _s, sc in hits) \
                or all(_circumstance(ctx, dc, sc) for _s, sc in hits):
            continue  # (another outlet's telling counts for the party's own word only: a
            # speaker of it credited nearby in the derived text credits another telling;
            # background in one telling leaves the other's attribution to keep)
        said = (dc.sent_start, hits[0][1].attribution.source)
        if said in told:
            told[said][3] = dc  # a later clause of the sentence that drops it too
        else:
            told[said] = [dc, al, hits[0][1], dc]
    for dc, al, sc, last in told.values():
        # and the sentence's later clauses told from the same source claim ("A and will not
        # B, according to X": one claim of the source, two of the summary)
        same = [d.end for d in ctx.derived_claims if d.sent_start == dc.sent_start
                and d.start > dc.start and ctx.support(d)[1][:1] == [sc]]
        yield _finding(ctx, dc, al, sc, until=max(dc.end, last.end, *same))


def _head(sc) -> str:
    """The head noun of the source claim's credit, lower case ("report"; an unnamed report,
    "The report found that ...", by its cue)."""
    attr = sc.attribution
    return (attr.head or (attr.cue if attr.kind == "reports" else "") or "").lower()


def _credited_figures(ctx, dc, plain, hits) -> set:
    """The derived claim's figures that a credited telling gives and the plain telling's
    article nowhere gives."""
    mine = {q.norm for q in dc.quantities}
    theirs = {q.norm for _s, sc in hits for q in sc.quantities}
    return (mine & theirs) - {q.norm for c in ctx.claims_of(plain.doc_id) for q in c.quantities}


# How far below the credited telling another outlet's plain one may align and still be the
# one the summary follows.
PLAIN_MARGIN = 0.05
_CONDITION = re.compile(r"\s*(?:if|unless|should)\b", re.I)


def _opened_by_mark(claim, lex) -> bool:
    """The claim is a clause its sentence opens with a circumstance mark ("while its
    divers search the hull": circumstance_marks.txt)."""
    before = re.findall(r"[a-z]+", claim.sentence[:claim.start - claim.sent_start].lower())
    return bool(before) and lex.has("circumstance_marks", before[-1])


def _circumstance(ctx, dc, sc) -> bool:
    """A circumstance clause told as its source tells it, with the claim it is set beside
    ("The board has kept the pier shut while its divers search the hull" for the same
    words and ", she said"): the clause goes with that claim's credit, which DA101 reads on
    the main claim, not on its backdrop. Known false negative: a disputed circumstance
    ("while the firm hides the figures") credited only through its main claim."""
    lex = ctx.lexicon
    if not (_opened_by_mark(dc, lex) and _opened_by_mark(sc, lex)):
        return False
    return any(o is not dc and o.sent_start == dc.sent_start and any(
        m.doc_id == sc.doc_id and m.sent_start == sc.sent_start and m is not sc
        for m in ctx.support(o)[1][:1]) for o in ctx.derived_claims)


def _outer_dropped(ctx, dc, hits, generic):
    """A finding when the source nests the claim in a report of a report ("two people said
    the company told its lenders X") and the derived text keeps the inner speaker but not
    the outer ("The company has told its lenders X")."""
    for _s, sc in hits:
        inner, outer = sc.attribution, sc.attribution.outer
        if outer is None or outer.negated or own_outlet(ctx.index, sc.doc_id, outer.source):
            continue  # (not the source's own outlet: "X say Y, the Bugle has learned")
        if not (inner.source and same_source(dc.attribution.source, inner.source)
                or not inner.source and not dc.attribution.source
                and inner.kind == dc.attribution.kind == "passive"):
            # the same inner speaker, or both unnamed ("had been warned", "had been told")
            continue
        name = source_name(outer, generic)
        if not nameable(name) or names(ctx, dc, name, generic,
                                       with_verb=said_verbs(ctx, outer, sc, generic),
                                       said_outside=said_outside(ctx, outer, sc, generic)):
            continue
        text = ctx.derived.text
        return make(RULE, dc, start=dc.attribution.start, end=dc.attribution.end,
                    text=text[dc.attribution.start:dc.attribution.end] or dc.attribution.cue,
                    confidence=0.6, evidence=[evidence_of(sc)],
                    message=(f'Keeps "{snippet(dc.attribution.cue, 30)}" but drops who reports it: '
                             f'the source gives it as what {snippet(core(outer.source), 40)} '
                             f'said: "{snippet(sc.sentence, 70)}".'),
                    suggestion=f'Keep who reports it: "{snippet(core(outer.source), 40)} said '
                               f'{snippet(inner.source, 30) + " " if inner.source else ""}..."')
    return None


def _finding(ctx, dc, al, sc, *, until: int):
    attr = sc.attribution
    who = core(attr.source).strip(" ,") or "unnamed reports"  # not its relative clause
    art = ctx.doc_of.get(sc.doc_id)
    start, end = min(attr.start, sc.start), max(attr.end, sc.end)
    ev = evidence_of(sc, start=start, end=end)
    if art is not None:
        ev = ev.__class__(document=ev.document, start=start, end=end,
                          text=art.text[start:end], claim=sc.id)
    return make(
        RULE, dc, confidence=0.45 + 0.5 * al.score, evidence=[ev], end=until,
        text=ctx.derived.text[dc.start:until],
        message=(f'States as fact what the source attributes to {who} '
                 f'("{snippet(attr.cue, 40)}": "{snippet(sc.text, 60)}").'),
        suggestion=f'Keep the attribution, e.g. "{_phrase(attr)} …".')


def _phrase(attr) -> str:
    who = core(attr.source).strip(" ,")
    if attr.kind == "according-to" and who:
        return f"According to {who},"
    if who:
        return f"{who} {attr.cue.split()[0].strip(',;:') if attr.cue else 'reports'} that"
    if attr.kind == "adverb":
        return f"… {attr.cue} …"
    return "According to reports,"


RULE = Rule(CODE, NAME, KIND, SEVERITY, "attributed claim stated as plain fact", check, __doc__)
