"""Whether an attributed source claim is on the public record: a public body's report
within its remit, or an organisation's plain count of an event it reports. DA101 does not
ask a derived text to credit such a claim to its speaker ("1,150 homes had been damaged, the
agency said" may be stated as fact).
"""

from __future__ import annotations

import re

from checker.actors import PERSON_LEXNAME, passive_verb, subject_words
from checker.align import claim_keys
from checker.attribution import is_anonymous
from checker.source_phrase import core


def on_record(ctx, sc, generic) -> bool:
    """A public body's report within its remit, passed on without argument ("1,150 homes
    had been damaged, the agency said"; "two were released on bail, police said"; the
    ``official_sources`` and ``neutral_report_verbs`` lexicons, whose phrases name a body
    in words: "the fire service"); not an allegation, not an unnamed official."""
    attr = sc.attribution
    lex = ctx.lexicon
    if attr.kind == "according-to" and lex.has("statistics_nouns", attr.head):
        # "according to ministry figures", "figures released by the health ministry"; not
        # "according to union figures"
        owners = [w for w in re.findall(r"[a-z]+", attr.source.lower())
                  if lex.has("statistics_owners", w) or lex.has("official_sources", w)]
        return bool(owners) and _counted_event(ctx, sc, measures=True)
    if not (attr.kind == "named" and lex.has("neutral_report_verbs", attr.lemma)):
        return False
    if is_anonymous(attr, generic):
        # "police said": the force by its kind, on record for a plain event only (not "he
        # was attacked because of his religion, police said")
        return _bare_body(attr, lex) and _plain_event(ctx, sc)
    if lex.has("official_sources", attr.head) or _timetable(ctx, sc):
        return True
    if any(lex.has("official_sources", part.split()[-1])
           for part in re.split(r"\s+and\s+", attr.source.lower().strip(" ,")) if part.split()) \
            and _plain_event(ctx, sc):
        return True  # "the operator and the coastguard said" of an event, not of a cause
    if _counted_event(ctx, sc) or _own_measure(ctx, sc):
        return True
    # a body named by a phrase ("the fire service"), alone or beside another speaker ("the
    # terminal's operator and the fire service said")
    words = re.findall(r"[a-z]+", attr.source.lower())
    return lex.phrase_in("official_sources", words) or (
        _phrase_named_before(ctx, sc, words) and _plain_event(ctx, sc) and passive_verb(sc))


def _timetable(ctx, sc) -> bool:
    """The claim only says when a thing starts or how long it takes ("the ballot would start
    on Monday at the town hall and is due to last a fortnight", said a named official): a
    timetable announced on record, stated as fact in any report. A verb of phase
    (phase_verbs.txt) with a day or a date, one of duration (duration_verbs.txt) with a span
    of time (durations.txt), or one of timing (timing_verbs.txt) or a passive of scheduling
    ("is set for", "is scheduled for": schedule_participles.txt) with a day or a month, its
    subject an event of a procedure ("the hearing", "the poll opens on 8 June"); an expectation
    may hedge it ("would", "is expected to": timetable_expectations.txt), nothing else.
    Known false positive: a timetable the story disputes."""
    lex = ctx.lexicon
    if sc.negated or any(h.weight > 0.3 or not lex.has("timetable_expectations",
                                                       h.text.split()[0].lower())
                         for h in (*sc.certainty.attempts, *sc.certainty.hedges)):
        return False
    words = [w.lemma.lower() for w in sc.words]
    when = any(lex.has("weekdays", w) or lex.has("months", w) for w in words) \
        or any(q.kind == "date" for q in sc.quantities)  # ("25 May": no content word)
    span = any(lex.has("durations", w) for w in words) and bool(sc.quantities)
    return (lex.has("phase_verbs", sc.predicate) and (when or span)
            or lex.has("duration_verbs", sc.predicate) and span
            or (lex.has("timing_verbs", sc.predicate) or _scheduled(sc, lex)) and when) \
        and len(sc.words) <= 10 and _an_event(ctx, sc)


def _scheduled(sc, lex) -> bool:
    """The claim's verb is a passive of scheduling ("the ruling is set for 4 May", "is
    scheduled for June": schedule_participles.txt), not "sets" with an object of its own;
    or "is expected" from the officer who runs the procedure ("Judge Ann Pryor said":
    procedure_officers.txt)."""
    if not passive_verb(sc):
        return False
    verb = sc.predicate_text.lower()
    if lex.has("schedule_participles", verb):
        return True
    return verb == "expected" and sc.attribution is not None \
        and _procedure_officer(sc.attribution.source, lex)


def _procedure_officer(speaker: str, lex) -> bool:
    """The speaker is titled as the officer who runs a procedure (procedure_officers.txt):
    a title in lower case as a word of its own ("the coroner, Hal Brede", "Hal Brede, the
    coroner", "coroner Hal Brede", "the magistrates", "the senior coroner for Kent") or in
    capitals before the name ("Judge Ann Pryor"); not a word inside another phrase ("the
    judge's critic"), a surname ("Councillor Pat Judge") nor a former officer ("a retired
    judge": former.txt)."""
    words = re.findall(r"[A-Za-z'’]+", speaker)
    if any(lex.has("former", w.lower()) for w in words):
        return False

    def officer(w: str) -> bool:
        w = w.lower()
        return lex.has("procedure_officers", w) or w.endswith("s") and \
            lex.has("procedure_officers", w[:-1])

    return any(officer(w) and (w.islower() or i + 1 < len(words) and words[i + 1][:1].isupper()
                               and (i == 0 or not words[i - 1][:1].isupper()))
               for i, w in enumerate(words))


def _an_event(ctx, sc) -> bool:
    """The claim's subject is an event of a procedure by its head noun ("the ballot", "the
    ballot of 640 members", "the inquiry": timetable_events.txt), not a business's
    operation ("production", "the merger"); a subject the clause shares with the one before
    ("and ends on 9 June") by its words."""
    head = sc.subject.lower().split(" of ")[0]
    nouns = [w.lemma.lower() for w in subject_words(sc) if w.pos == "NOUN"
             and w.lemma.lower() in head] or [w for w in head.split() if w.isalpha()]
    return bool(nouns) and ctx.lexicon.has("timetable_events", nouns[-1])


def _phrase_named_before(ctx, sc, words) -> bool:
    """"The service said" for a body its article named earlier by a phrase of
    ``official_sources`` that ends in that word ("the county fire service"): the same body
    by its head noun. A definite article and the head alone; the caller asks for a plain
    event told in the passive, what befell someone ("a cyclist was taken to hospital"), not
    what a party did ("the owners had ignored a warning")."""
    if len(words) != 2 or words[0] != "the":
        return False
    art = ctx.doc_of.get(sc.doc_id)
    if art is None:
        return False
    before = re.findall(r"[a-z]+", art.text[:sc.sent_start].lower())
    ending = [p for p in ctx.lexicon.phrases.get("official_sources", ()) if p[-1] == words[1]]
    return any(tuple(before[i:i + len(p)]) == p for p in ending for i in range(len(before)))


def _bare_body(attr, lex) -> bool:
    """A public body named by its kind alone, with no article ("police said"): the force
    the story is about, not an unnamed official ("an officer said"). On record for a plain
    event only (``_plain_event``)."""
    return lex.has("official_sources", attr.source.lower().strip(" ,"))


# Words between a statistics noun and its owner ("figures released by the ministry").
_AFTER_FIGURES = frozenset({"released", "published", "issued", "from", "by", "of", "the"})


def _counted_event(ctx, sc, *, measures: bool = False) -> bool:
    """An organisation's plain count or time of an event it reports ("Nine workers were
    injured on Tuesday, the operator said"; "the station went offline at 6:42 p.m., the grid
    operator said"; a public body's passive with its day, "the depot was shut on Friday, the
    council said", not an active deed of a party on a day nor a union's or a residents'
    group's charge): a figure, no hedge, no negated verb, no view, judgement or finding (not
    "its own test flight found no ash above 15,000 feet"), no cause, plan or other party's
    deed, no count another party gives for the same act, spoken by a body (its name ends in
    a body's head noun, the texts tag it an organisation or a "which" clause describes it:
    "Tenby Grain, which runs the site"), not a person nor a news outlet
    (outlet_heads.txt). A body's statistics count measures too ("240,000 tonnes, according
    to ministry figures", a wait of "an average of 23 days, by health board data":
    ``measures``)."""
    counts = {"number", "quantity"} if measures else {"number"}
    if not _plain_event(ctx, sc) or not any(
            q.kind == "time" or (q.kind in counts and q.value is not None)
            or q.kind == "date" and (_done_passive(sc) and _public_speaker(ctx, sc)
                                     or measures and _span(ctx, q))
            for q in sc.quantities):
        return False
    return _body_speaker(ctx, sc)


def _done_passive(sc) -> bool:
    """A passive of a thing done ("was shut", "had been closed"), not one planned ("are to
    be withdrawn", "will be closed")."""
    verb = next((w for w in sc.words if w.lemma == sc.predicate), None)
    before = sc.text[:verb.start - sc.start].lower() if verb is not None else ""
    return passive_verb(sc) and re.search(r"\b(?:was|were|been)\s+(?:\w+ly\s+)?$", before) \
        is not None


def _public_speaker(ctx, sc) -> bool:
    """The speaker is a state body by its name's head noun ("Hendle District Council":
    state_bodies.txt), not a union, a residents' group or a company, whose passive of a day
    ("rules were broken on 3 May") is a charge; and the claim has no adverb that judges the
    deed ("awarded unlawfully")."""
    words = re.findall(r"[a-z]+", core(sc.attribution.source).lower())
    return bool(words) and (ctx.lexicon.has("state_bodies", _head_word(words))
                            or ctx.lexicon.phrase_in("official_sources", words)) and not any(
        w.pos == "ADV" and w.text.lower().endswith("ly") for w in sc.words)


def _span(ctx, q) -> bool:
    """A span of time counted in figures ("an average of 23 days"): a statistic's measure."""
    return bool(re.search(r"\d", q.text)) and any(
        ctx.lexicon.has("durations", w[:-1] if w.endswith("s") else w)
        for w in re.findall(r"[a-z]+", q.text.lower()))


def _own_measure(ctx, sc) -> bool:
    """A body's own measure of what it owns or runs, said by that body ("Fellmoor Bus
    Company said its fleet was at 70% of full strength"): a claim of being whose
    subject is "its" something, with a figure, no hedge or negation, spoken by a body
    (``_body_speaker``). Known false positive: a body's figure for itself that another
    party disputes in a sentence the claim's neighbours do not reach."""
    if sc.predicate != "be" or sc.negated or sc.certainty.hedges or sc.certainty.attempts \
            or sc.subject.strip().lower().split()[:1] != ["its"]:
        return False
    if not any(q.kind in ("number", "quantity", "percent") and q.value is not None
               for q in sc.quantities):
        return False
    return _body_speaker(ctx, sc)


def _head_word(words: list) -> str:
    """The head word of a body's name: its last word, or the last before "of" ("Department
    of Health": department; "Ministry of Ports and Fisheries": ministry)."""
    if "of" in words[1:]:
        words = words[:words.index("of", 1)]
    return words[-1] if words else ""


def _body_speaker(ctx, sc) -> bool:
    """The claim's speaker is a body (its name ends in a body's head noun, the texts tag it
    an organisation or a "which" clause describes it: "Tenby Grain, which runs the site"),
    not a person nor a news outlet (outlet_heads.txt), and no other party gives a count
    beside it ("the firm said under 500 had"): a count in dispute."""
    attr, lex = sc.attribution, ctx.lexicon
    if any(o is not sc and o.doc_id == sc.doc_id and abs(o.index - sc.index) <= 2
           and o.attribution is not None and o.quantities
           and o.attribution.source.lower() != attr.source.lower()
           and (o.predicate in (sc.predicate, "do") and sc.predicate != "be"
                or len(claim_keys(o) & claim_keys(sc)) >= 2)
           for o in ctx.index.claims):
        return False  # (two claims of being share no act: "its leakage rate was 31%")
    words = re.findall(r"[a-z]+", core(attr.source).lower())  # not "..., which runs the site"
    if words and lex.has("statistics_nouns", attr.head):
        words = [w for w in words if w != "s" and not lex.has("statistics_nouns", w.rstrip("s"))
                 and w not in _AFTER_FIGURES]  # whose figures: "the ministry's", "released
        # by the health ministry"
    if words and lex.has("outlet_heads", words[-1]):
        return False  # "the Dunlow Herald reported": an outlet's report of others' events
    head = _head_word(words)
    body = bool(head) and lex.has("non_person_heads", head.rstrip("s")) \
        or re.search(r",\s*which\b", attr.source) is not None  # "X, which runs the site"
    names = names_by_label(ctx).get(sc.doc_id, {})
    org = any(n in attr.source for n in names.get("ORG", ()))
    person = any(n in attr.source for n in names.get("PERSON", ()))
    return (body or org) and not person and not _their_people(ctx, sc, words)


def _their_people(ctx, sc, speaker: list) -> bool:
    """The claim's subject is people of another body the claim names ("Drivers at Linnet
    Buses worked 14-hour shifts, the union said"): what they do is the speaker's charge,
    not its own event on record. A thing of another body ("the Brennock station, owned
    by Halvard Energy, went offline") is still an event the speaker reports."""
    end = sc.start + len(sc.subject)
    head = next((w for w in sc.words if w.start < end and w.pos == "NOUN"), None)
    if head is None or not ctx.wordnet.available:
        return False
    senses = ctx.wordnet.senses(head.lemma, "noun", 1)
    return bool(senses) and senses[0].lexname == PERSON_LEXNAME and any(
        e.label == "ORG" and e.start < end and not set(e.norm.split()) & set(speaker)
        for e in sc.entities)


def _plain_event(ctx, sc) -> bool:
    """The claim tells an event plainly: no hedge, attempt or negation, no view, judgement,
    finding, answer or report as its verb, no cause, plan or other party's deed ("damaged by
    the council's dredging"): an account of what happened, not an argument about it."""
    lex = ctx.lexicon
    if sc.negated or sc.certainty.hedges or sc.certainty.attempts:
        return False
    if any(lex.has(role, sc.predicate) for role in ("be_forms", "judging_verbs", "hedges",
                                                     "challenges", "answer_verbs", "factive",
                                                     "finding_verbs", "attribution_verbs")):
        return False
    return not (any(link.kind == "causal" for link in sc.links) or re.search(
        r"\b(?:will|would|by)\b", sc.text[len(sc.subject):].lower()))


def names_by_label(ctx) -> dict:
    """The names each source article tags, by label: {doc_id: {label: {name}}}."""
    return ctx.memo("source-names-by-label", _names_by_label)


def _names_by_label(ctx) -> dict:
    out: dict = {}
    for c in ctx.index.claims:
        for e in c.entities:
            out.setdefault(c.doc_id, {}).setdefault(e.label, set()).add(e.text)
    return out
