"""Why a source's credit need not be kept (DA101): the source claim is a party's own word
on its own acts or plans (on its own name, its voice's, or the parties' joint statement), a
public body's report on record, or background in an aside of the attributed sentence; and
which other outlets' tellings of the same fact (``Context.twins``) may stand for the closest
one. A finding or an estimate whose finder the derived sentence keeps is
``checker.credit_finders``'s."""

from __future__ import annotations

import re

from checker.actors import PERSON_LEXNAME, passive_verb, subject_head, subject_words
from checker.affiliation import speaker_descriptions
from checker.align import claim_keys, key, text_keys
from checker.claim_reading import verb_at
from checker.attribution import same_name, source_name
from checker.claim_content import same_content
from checker.lexicon import shipped
from checker.on_record import on_record
from checker.party_statements import contested_account, joint_statement
from checker.polarity import verb_polarity
from checker.officers import its_officer_in
from checker.self_report import called_off, passive_plan, self_report
from checker.source_phrase import core, has_name
from checker.voices import own_account_by_its_voice

# WordNet's lexicographer files of nouns that can be a party: groups, places, people.
PARTY_LEXNAMES = frozenset({14, 15, PERSON_LEXNAME})
_PERSONAL = shipped("pronouns_person")
# "a draft of its tariff seen by the Courier": a document that reached a third party
_PASSED_ON = re.compile(r"\b(?:" + "|".join(sorted(shipped("disclosure_verbs")))
                        + r")\s+(?:by|to)\b", re.I)


def other_tellings(ctx, dc) -> list:
    """Other outlets' tellings of the derived claim's fact that the summary may follow: the
    same content and polarity, and not a party's document another outlet saw ("a draft of
    its tariff seen by the Courier" is that outlet's report of the party's plan)."""
    return [t for t in ctx.twins(dc) if same_content(dc, t)
            and verb_polarity(t, ctx.lexicon) == verb_polarity(dc, ctx.lexicon)
            and not (t.attribution is not None and _PASSED_ON.search(t.attribution.source))]


# A non-restrictive clause or apposition inside a sentence: from a comma and a relative word,
# or a comma and a determiner, to the next comma or the sentence's end ("The inquiry, which is
# expected to take nine months, found ..."; "Corvale Health, an insurer with 1.4 million
# members, said ..."; "... loans to Quarryhill, the developer that collapsed in January.").
_ASIDE = re.compile(r",\s+(?:which|who|whose|an?|the)\s+(?:[^,;]|(?<=\d),(?=\d))+?"
                    r"(?=,(?!\d)|[.;]\s|[.;]?$)", re.I)
# a definite noun's own clause takes its content as given too ("the blackout that cut power to
# 410,000 homes"): the noun is picked out by it, not claimed
# (one noun phrase: no second determiner before "that", as in "had given the club no
# notice that the pitch would shut", where "that" opens what the notice said)
_SECOND_DETERMINER = "|".join(sorted(shipped("determiners") | shipped("object_negators")
                                     | {"any", "some"}))
_DEFINITE_CLAUSE = re.compile(rf"\bthe\s+(?:(?!(?:{_SECOND_DETERMINER})\s)"
                              r"[\w'’-]+\s+){1,3}?(?:that|which|who)\s+"
                              r"(?:[^,;]|(?<=\d),(?=\d))+?(?=,(?!\d)|[.;]\s|[.;]?$)", re.I)
_CLEFT = re.compile(r"\bit\s+(?:is|was|'s|’s)\s+$", re.I)
# a clause of time takes its event as given ("uncovered 38 square metres since work began
# in April 2024"): the writer's background, not what the speaker asserts
_TIME_ASIDE = re.compile(r"\b(?:since|when)\s+(?:[^,;]|(?<=\d),(?=\d))+?"
                         r"(?=,(?!\d)|[.;]\s|[.;]?$)", re.I)


def own_word(ctx, dc, sc, generic) -> bool:
    """The source claim is a party's own account of its acts or plans, on its own word or
    its voice's, or the parties' joint statement, or a public body's report on record."""
    if contested_account(ctx, sc):
        return False
    return (self_report(sc, generic, ctx.lexicon)
            and (not _a_thing(ctx, sc) or passive_plan(sc, ctx.lexicon)
                 or called_off(sc, ctx.lexicon))  # ("refunds would be paid", "the fair
            # has been called off": the party's own deed, the thing its patient)
            and not _someone_else(dc, sc, generic) or by_its_voice(ctx, sc)
            or joint_statement(ctx, sc) or on_record(ctx, sc, generic))


def background(dc, sc) -> bool:
    """What the derived claim shares with the attributed source claim lies mostly in an aside
    of the source sentence, a non-restrictive clause or an apposition: background the writer
    gives ("The inquiry, which is expected to take nine months, found X, according to a
    report" -> "The inquiry is expected to take nine months"), or a clause of time, whose
    event the sentence takes as given ("X, since work began in April 2024, she said" ->
    "Work began in April 2024") or a definite noun's own clause ("said X triggered the
    blackout that cut power to 410,000 homes" -> "410,000 homes lost power"), or a relative
    clause of the claim's subject ("A mine that closed in 2023 is leaking gas, according to
    X" -> "The mine closed in 2023"), not what the source says. Known miss: a speaker whose own claim is the event of a "since" or "when"
    clause ("said the pumps failed when the council cut the budget", told as "the council
    cut the budget"); "after" and "before" are left to the claim, as a charge is often a
    sequence ("the roof fell in after the council cut the budget")."""
    verb = (sc.predicate_text or "").lower()
    # an aside holds no verb of the claim itself: "On Monday, the company dumped waste" opens
    # with an adverbial, and what follows its comma is the main clause
    verbs_at = {w.start - sc.start for w in sc.words if w.pos in ("VERB", "AUX")}
    times = [m for m in _TIME_ASIDE.finditer(sc.text)
             if _second_word_at(m) not in verbs_at]  # not "have since left": an adverb
    definite = [m for m in _DEFINITE_CLAUSE.finditer(sc.text)
                if not _CLEFT.search(sc.text, 0, m.start())]  # not "it was the driver who"
    found = [m for m in (*_ASIDE.finditer(sc.text), *definite, *times, *_subject_clause(sc))
             if not (verb and re.search(rf"\b{re.escape(verb)}\b", m.group(0).lower()))]
    if not found:
        return False
    shared = claim_keys(dc) & claim_keys(sc)
    # the aside's words as written, and a clause of time's by their lemmas ("began": "begin")
    lemmas = {key(w.lemma) for w in sc.words
              if any(m.start() <= w.start - sc.start < m.end() for m in times if m in found)}
    inside = shared & (text_keys(" ".join(m.group(0) for m in found)) | lemmas)
    # the name an apposition describes stands before it ("Brackley Homes, the developer
    # that collapsed in March"): the shared words besides names must lie inside
    named = shared - text_keys(" ".join(e.text for e in dc.entities))
    if key(sc.predicate) in shared - inside or key(sc.predicate) == key(dc.predicate) \
            and len(named - inside) >= 3:
        return False  # the derived claim says what the sentence itself says, aside and all
        # (its verb, or the same verb that is no content word and three words outside the
        # aside: "had been alert to faults in the boilers since May, when ...")
    return len(shared) >= 3 and len(inside) >= 2 and len(inside) >= 0.7 * len(named)


def only_its_subject(dc, sc) -> bool:
    """What the derived claim shares with the credited claim, two words or more, lies before
    the credited claim's verb, in the phrase it speaks of, and none of it after ("Closing the
    pier to cars could save £2m a year, the study says" -> "or close the pier to cars"):
    the derived claim names the thing, not what the credit is for (the verb, its object and
    figures). The shared words must stand after the derived claim's own verb, as the thing
    it names ("or close the pier"), not make up its subject, of which it may restate the
    finding in other words ("Closing the pier to cars will save money"). Known false
    negative: a derived claim that states the credited act of the phrase itself as done
    ("the pier was closed to cars")."""
    at, mine_at = verb_at(sc), verb_at(dc)
    if at <= 0 or mine_at < 0:
        return False
    shared = claim_keys(dc) & claim_keys(sc)
    if shared & {key(w.lemma) for w in dc.words if w.start - dc.start < mine_at}:
        return False
    before = {key(w.lemma) for w in sc.words if w.start - sc.start < at}
    after = {key(w.lemma) for w in sc.words if w.start - sc.start >= at}
    return len(shared) >= 2 and shared <= before - after


def _subject_clause(sc) -> list:
    """The relative clause inside the claim's subject ("A quarry on the moor that shut in
    2021 is still draining silt into the beck, according to X"): it picks the subject out, as
    the writer's description; the credit is for what the sentence says of it."""
    rel = re.search(r"\b(?:that|which|who)\s+\S.*$", sc.subject or "", re.I)
    at = sc.text.find(sc.subject) if rel is not None else -1
    if at < 0:
        return []
    m = re.compile(re.escape(rel.group(0))).search(sc.text, at)
    return [m] if m is not None else []


def _second_word_at(m) -> int:
    """Offset of the word after a clause of time's opening word, in the matched text."""
    first = re.match(r"\w+\s+", m.group(0))
    return m.start() + (first.end() if first else 0)


def split_after_credit(ctx, dc, sc, generic) -> bool:
    """The derived text splits one attributed source sentence in two and credits its
    speaker in the first ("According to the warden, the hostel turned away 38 people. The
    average stay is eleven weeks." for "The hostel turned away 38 people, and the average
    stay is eleven weeks, the warden said"): the sentence before, in the
    same paragraph, credits the same named or definite source ("the bank") with a claim
    the same source sentence supports, or the sentence next to it in its paragraph ("...,
    the bank said. Joblessness is likely to climb to 6%." for "In its projections, the
    bank said joblessness was likely to climb to 6%. It cut its export outlook and said
    ..."; not a cause the party gives, "The delay was caused by a backlog", which a summary
    must credit anew: an explanation is the party's case). Known
    false positive: a second sentence that is the writer's own comment on the first and
    happens to reuse the rest of the source sentence."""
    name = source_name(sc.attribution, generic)
    if not (name.runs or name.words or name.definite and name.head):
        return False  # an unnamed source ("an official said") may be another one there;
        # a definite description ("the bank said") is the party the story named before
    told_cause = any(link.kind == "causal" for link in dc.links)  # a party's explanation
    if _said_again(ctx, sc):
        return False  # the source credits the second part anew ("..., where it said B"):
        # a statement of its own, which the derived sentence must credit too
    before = [c for c in ctx.derived_claims if c.sent_end <= dc.sent_start]
    if not before:
        return False
    last = max(c.sent_start for c in before)
    if "\n" in ctx.derived.text[max(c.sent_end for c in before):dc.sent_start]:
        return False  # another paragraph
    for c in before:
        if c.sent_start != last or c.attribution is None or c.attribution.negated \
                or not same_name(source_name(c.attribution, generic), name):
            continue
        if any(o.doc_id == sc.doc_id and (o.sent_start == sc.sent_start or not told_cause
                                          and _next_in_paragraph(ctx, o, sc))
               for o in ctx.support(c)[1]):
            return True
    return False


def _next_in_paragraph(ctx, a, b) -> bool:
    """Two source claims in sentences next to each other in one paragraph ("In its
    forecasts, the bank said A. It cut B and said C"): a summary that credits the speaker
    with one and goes straight on with the other says the credit once for both."""
    art = ctx.doc_of.get(a.doc_id)
    if art is None or a.sent_start == b.sent_start:
        return False
    first, second = sorted((a, b), key=lambda c: c.sent_start)
    between = art.text[first.sent_end:second.sent_start]
    return "\n" not in between and not re.search(r"[.!?]\s+\S", between)


def _said_again(ctx, sc) -> bool:
    """The source claim holds a second verb of saying after a pronoun of its speaker
    ("the survey covered only council flats, where it said B")."""
    lex = ctx.lexicon
    for w in sc.words:
        if w.pos == "VERB" and lex.has("attribution_verbs", w.lemma):
            before = re.findall(r"[a-z]+", sc.text[:w.start - sc.start].lower())[-1:]
            if before and lex.has("pronouns_subject", before[0]):
                return True
    return False


def by_its_voice(ctx, sc) -> bool:
    art = ctx.doc_of.get(sc.doc_id)
    return art is not None and own_account_by_its_voice(sc, art.text, ctx.claims_of(sc.doc_id))


def _someone_else(dc, sc, generic) -> bool:
    """The source claim's "he" or "she" is not its speaker: the claim tells what was done to
    that person (a passive verb, not the person's own act or plan, which an agent or a
    lawyer may tell for them), the derived claim names its subject, and the name shares no
    word with the speaker's name ("Ensor said he had been held 23 days too long" ->
    "Pettifer was held 23 days too long"; not a speaker given by a title only, whose name
    the derived text may use)."""
    if sc.subject.lower().strip() not in _PERSONAL or not passive_verb(sc):
        return False
    # the subject, or a name that opens the claim (where the parser took a later clause's
    # subject: "Lorcan Pettifer was kept ... a lawful sentence would have allowed")
    named = dc.subject if has_name(dc.subject) else next(
        (e.text for e in dc.entities if e.start == dc.start), "")
    name = source_name(sc.attribution, generic)
    if not name.runs:
        return False  # "the chief executive said he ...": the name may be the speaker's
    speaker = {key(w) for w in name.words}
    return bool(named and speaker) and not speaker & text_keys(named)


def _a_thing(ctx, sc) -> bool:
    """The claim's subject is a thing, not a party ("its chief executive told the council
    the project would create 1,100 jobs"): no name, no possessive, and the commonest WordNet
    sense of its head is neither a person, a group nor a place. A party's voice speaks for
    the party's acts, not for what a thing will do."""
    if not ctx.wordnet.available or has_name(sc.subject) or re.search(r"['’]", sc.subject) \
            or sc.subject.lower().strip() in ctx.lexicon.words.get("pronouns_subject", {}):
        return False
    heads = [w for w in subject_words(sc) if w.pos == "NOUN"] or [
        w for w in subject_words(sc)[-1:] if w.pos == "ADJ"
        and not ctx.wordnet.senses(w.lemma, "adj", 1)]  # a noun the tagger read as an
    # adjective ("most of the odour"): a word WordNet knows as no adjective
    if not heads or any(ctx.lexicon.has(role, w.lemma) for w in heads
                        for role in ("non_person_heads", "corporate_nouns")):
        return False  # "the authority", "the operator": a body whatever WordNet's first sense
    senses = ctx.wordnet.senses(heads[-1].lemma, "noun", 1)
    return bool(senses) and senses[0].lexname not in PARTY_LEXNAMES


def holder_as_subject(ctx, dc, sc) -> bool:
    """The derived claim names the source's speaker as the subject of the source's own
    frame, made active ("Engineers expect the line to reopen in March" for "The line
    is expected to reopen in March, engineers said"): the expectation is
    credited to its holders. The derived verb is a word of the source's hedge or attempt
    ("expected to", "believed to") and its subject's head the speaker's, or, for a speaker
    that is a document, the head of the party the article says published it ("The board
    expects X" for "The paper says X is expected", after "a planning paper the trust
    published")."""
    att = sc.attribution
    if att is None or not att.head or dc.attribution is not None or not dc.subject:
        return False
    framed = {key(w) for c in (*sc.certainty.hedges, *sc.certainty.attempts)
              for w in c.text.split()}
    if key(dc.predicate) not in framed:
        return False
    mine = subject_head(dc)
    if mine == key(att.head):
        return True
    art = ctx.doc_of.get(sc.doc_id)
    return art is not None and ctx.lexicon.has("document_nouns", att.head.lower()) \
        and mine in {key(w) for w in _publishers(art.text, att.head.lower())}


def explains_as_holder(ctx, dc, sc) -> bool:
    """The derived claim makes the source's speaker (or the party whose voice it is) the
    subject of a verb of explaining ("its treasurer attributes the loss to fees", "The
    union blames the delays on cuts", "the board denied it, citing two audits":
    explanation_verbs.txt) for what the speaker said explained it ("She said fees caused
    the loss"): the explanation stays the speaker's. The subject is the speaker by its
    head word, or by a title the article sets beside the speaker's name ("the club's
    treasurer, Ana Fell"), or the party the article introduces the speaker as "its" officer
    of ("Its director, Ana Fell" after a sentence that opens with the party:
    ``officers.its_officer_in``). Known false positive: a title that two people of the
    article share."""
    att = sc.attribution
    if att is None or not att.head or dc.attribution is not None or not dc.subject \
            or not any(w.pos == "VERB" and ctx.lexicon.has("explanation_verbs", w.lemma.lower())
                       for w in dc.words):
        return False
    if subject_head(dc) in {key(att.head), *(key(w) for w in (att.source or "").split())}:
        return True  # "the board dismissed it, citing X" for "A board spokesman
        # dismissed it, saying X": its voice
    art = ctx.doc_of.get(sc.doc_id)
    if art is not None and has_name(dc.subject) and its_officer_in(
            art.text, att.source or "", core(dc.subject)):
        return True  # "Quellpath blamed a power fault" for '"...," said its chief
        # technology officer, Emrys Kallow' after a sentence that opens with Quellpath
    title = dc.subject.lower().split()[-1]
    if not ctx.lexicon.has("titles", title):
        return False
    said = " ".join(speaker_descriptions(ctx, sc.doc_id, att.source or "")).lower()
    return bool(re.search(rf"\b{re.escape(title)}\b", said))


def _publishers(text: str, noun: str) -> set:
    """The head words of the parties the text says published, issued or wrote a document of
    the noun ("a planning paper the trust issued": trust; "the council's report":
    council)."""
    word = re.escape(noun)
    made = re.finditer(rf"\b{word}s?\s+(?:that\s+|which\s+)?(?:the\s+)?([a-z]+)\s+"
                       rf"(?:has\s+|had\s+)?(?:published|released|issued|prepared|sent|wrote"
                       rf"|commissioned)\b", text, re.I)
    owned = re.finditer(rf"\b([A-Za-z]+)['’]s\s+(?:[a-z-]+\s+)?{word}\b", text)
    return {m.group(1).lower() for m in [*made, *owned]}
