"""Claim extraction on hand-written sentences: each field, and the tricky cases."""

from __future__ import annotations

import pytest

from checker.numbers import normalise, words_to_number


def one(claims, fragment):
    """The claim whose text contains ``fragment``."""
    hits = [c for c in claims if fragment in c.text]
    assert hits, f"no claim contains {fragment!r}: {[c.text for c in claims]}"
    return hits[0]


def test_reporting_verb_attributes_the_embedded_clause(claims_of):
    cs = claims_of("The Morning Star reports that Halden Steel is cutting 300 jobs.")
    c = one(cs, "Halden Steel is cutting")
    assert c.attribution.source == "The Morning Star"
    assert c.attribution.kind == "named"
    assert "reports" in c.attribution.cue
    # the reporting clause itself is not a claim
    assert not any(x.text.startswith("The Morning Star reports") for x in cs)
    assert c.certainty.factivity == "non-factive"


def test_according_to_and_attempt(claims_of):
    c = one(claims_of("According to the Daily Post, the ministry is trying to stop the strike."),
            "ministry")
    assert c.attribution.source == "the Daily Post"
    assert c.attribution.kind == "according-to"
    assert [a.text for a in c.certainty.attempts] == ["trying to"]
    assert c.predicate == "stop"
    assert not c.text.lower().startswith("according")


def test_unnamed_attribution_forms(claims_of):
    cs = claims_of("The mayor is reportedly stepping down. The fund is said to be losing money. "
                   "The recall follows reports of faulty brakes in the vans.")
    assert one(cs, "stepping down").attribution.kind == "adverb"
    assert one(cs, "losing money").attribution.kind == "passive"
    recall = one(cs, "recall follows")
    assert recall.attribution.kind == "reports"
    assert recall.certainty.factivity == "non-factive"
    assert [(x.cue, x.kind) for x in recall.links] == [("follows", "temporal")]


def test_attribution_across_two_sentences(claims_of):
    cs = claims_of("The Financial Times reported on Monday. It said the firm had hired advisers.")
    c = one(cs, "hired advisers")
    assert c.attribution.source == "The Financial Times"


def test_pronoun_speaker_resolves_to_last_person(claims_of):
    cs = claims_of('Chief engineer Maya Okafor called the fault "a one-off". '
                   "She said repairs would take a week.")
    q = one(cs, "Okafor").quotes[0]
    assert q.text == "a one-off" and "Maya Okafor" in q.speaker
    assert "Maya Okafor" in one(cs, "repairs").attribution.source


def test_a_title_before_a_name_makes_a_person_whatever_the_label(claims_of):
    """The tagger labels "Federal Statistician Ines Royle" a body; the office before the
    name makes her a person, whom the "she" of the next sentence stands for."""
    cs = claims_of("Mara Pell wants the audit board to act, she said. Federal Statistician "
                   'Ines Royle apologised. "We let these families down," she told reporters.')
    assert one(cs, "families").attribution.source == "Federal Statistician Ines Royle"


def test_a_speaker_named_after_the_is_the_she_of_the_next_quotation(claims_of):
    """A description, then an article and the name with its style ("The chaplain, the Rev
    Ottoline Brackwater, rejects ..."): the name is the speaker a "she" after it stands
    for."""
    cs = claims_of("From Easter, the hall will be let only to church groups. The chaplain, "
                   "the Very Revd Ottoline Brackwater, rejects claims that the change is "
                   'unkind. "Every booking already made will be honoured," she said.')
    assert "Ottoline Brackwater" in one(cs, "honoured").attribution.source


def test_a_counted_crowd_keeps_its_verb_in_the_simple_past(claims_of):
    """The model may read "protested" after "Around 400 people" as a modifier of the noun; the
    count and the verb are the claim's subject and predicate."""
    c = one(claims_of("Around 400 people protested beside the Pellow estate gates on Friday "
                      "over the landlord's plan to sell the flats."), "protested")
    assert c.predicate == "protest" and "400 people" in c.subject


def test_a_present_verb_after_a_report_in_the_past_is_the_speaker_s(claims_of):
    """"X said no survey had been carried out and intends to take it up": the model may hang
    "intends" on "carried"; a report in the past keeps its clause in the past, so "intends"
    is X's own, with X as its subject and no negation of the reported clause."""
    c = one(claims_of("Councillor Ida Marsh said no survey had been carried out on the pier "
                      "since 2019 and intends to take the matter up with the harbour board."),
            "take")
    assert "Ida Marsh" in c.subject and not c.negated and c.attribution is None


def test_a_common_noun_tagged_a_person_is_no_she(claims_of):
    """The tagger labels a sentence's opening "Households" a person; it is a common noun,
    so the "she added" after it stays with the speaker named before."""
    cs = claims_of("Director Olwen Brack said the firm hopes to be done by 2029. The company "
                   "means to issue a new repair plan in the spring, she said. Households on the "
                   "worst-hit streets could be given bottled water, she added, although nothing "
                   "is settled yet.")
    assert one(cs, "bottled water").attribution.source == "Director Olwen Brack"


def test_negated_attribution(claims_of):
    c = one(claims_of("The company did not confirm that it had closed the plant."), "closed")
    assert c.attribution.negated
    assert c.certainty.factivity == "non-factive"
    assert c.certainty.level < 0.5


def test_hedge_inside_quote(claims_of):
    c = one(claims_of('The minister said the deal "may collapse within weeks".'), "deal")
    assert [h.text for h in c.certainty.hedges] == ["may"]
    assert c.quotes and c.quotes[0].text == "may collapse within weeks"
    assert c.quotes[0].speaker == "The minister"


def test_factive_verb_and_after_link(claims_of):
    c = one(claims_of("The club sacked its coach after discovering unpaid bills."), "sacked")
    assert c.certainty.factivity == "factive"
    assert c.certainty.factive_cue.text == "discovering"
    assert ("after", "temporal") in [(x.cue, x.kind) for x in c.links]


def test_causal_links(claims_of):
    c = one(claims_of("The match was cancelled because of the storm."), "cancelled")
    assert [(x.cue, x.kind) for x in c.links] == [("because of", "causal")]
    assert "storm" in c.links[0].right


def test_due_to_before_a_verb_is_a_schedule_not_a_cause(claims_of):
    c = one(claims_of("The new wing is due to open in 2027."), "open")
    assert not c.links
    c = one(claims_of("The delay was due to a strike at the port."), "delay")
    assert [(x.cue, x.kind) for x in c.links] == [("due to", "causal")]


def test_coordination_and_but_split(claims_of):
    cs = claims_of("Prices rose in March, but wages fell and the bank cut rates.")
    texts = [c.text for c in cs]
    assert "Prices rose in March" in texts
    assert any(t.startswith("wages fell") for t in texts)
    assert any(t.startswith("the bank cut rates") for t in texts)
    assert not any(t.endswith(" but") for t in texts)


def test_negation_and_lookalike(claims_of):
    assert one(claims_of("The court did not approve the merger."), "merger").negated
    assert not one(claims_of("The deal not only saves money but adds jobs."), "saves").negated


def test_a_correction_after_the_verb_negates_nothing(claims_of):
    # ", not June 2027" sets another date aside: the handover is still forecast
    c = one(claims_of("The last instalment is now awaited in autumn 2031, not March 2030."),
            "instalment")
    assert not c.negated and not c.negated_words
    # a "not" with a verb of its own after the comma negates that verb
    c = one(claims_of("The trust said it would repair the slipway, not rebuild it."), "repair")
    assert "rebuild" in c.negated_words


def test_boosters_and_hedges_change_the_level(claims_of):
    plain = one(claims_of("The bridge is unsafe."), "bridge")
    hedged = one(claims_of("The bridge might be unsafe."), "bridge")
    boosted = one(claims_of("The bridge is clearly unsafe."), "bridge")
    assert hedged.certainty.level < plain.certainty.level < boosted.certainty.level


def test_entities_numbers_and_scope(claims_of):
    c = one(claims_of("Some banks in Leeds lent £3.5 million to 27% of applicants in 2024."),
            "banks")
    assert "leeds" in {e.norm for e in c.entities}
    kinds = {(q.kind, q.value) for q in c.quantities}
    assert ("money", 3_500_000.0) in kinds
    assert ("percent", 27.0) in kinds
    assert any(q.kind == "date" and q.value == 2024 for q in c.quantities)
    assert "some" in {s.role for s in c.scope}


def test_amounts_without_a_number_are_not_figures(claims_of):
    # A redacted amount and a bare unit give nothing to compare; magnitudes still count.
    redacted = one(claims_of("The Standard plan costs only $XXX a month."), "plan")
    assert not [q for q in redacted.quantities if q.kind == "money"]
    vague = one(claims_of("Residents paid a few dollars for the permits."), "Residents")
    assert not [q for q in vague.quantities if q.kind == "money"]
    crowd = one(claims_of("Hundreds of fans paid $40 for the tickets."), "fans")
    assert {q.kind for q in crowd.quantities} >= {"money"}
    assert any("hundreds" in q.text.lower() for q in crowd.quantities)


def test_numbers_written_as_words(claims_of):
    c = one(claims_of("Twenty-seven workers were hurt."), "workers")
    assert [q.value for q in c.quantities] == [27.0]
    assert words_to_number(["three", "million"]) == 3_000_000
    assert words_to_number(["one", "hundred", "and", "five"]) == 105
    assert normalise("27 per cent", "PERCENT")[:2] == ("percent", 27.0)
    assert normalise("$1,200", "MONEY")[1] == 1200.0
    # a range of two sums is no one sum ("£6 million to £11 million" is not £17 million)
    assert normalise("between £6 million and £11 million", "MONEY")[1] is None
    assert words_to_number(["6", "million", "11", "million"]) is None


def test_quarters_and_durations_are_figures(claims_of):
    # A quarter reads the same however it is written; a half of a match is no period.
    for text in ("the third quarter", "Q3", "third-quarter", "3Q"):
        assert normalise(text, "DATE")[3] == "q3", text
    assert normalise("Third quarter 2022", "DATE")[3] == "2022-q3"
    assert normalise("the second half", "DATE")[3] == "the second half"
    assert normalise("the year-ago quarter", "DATE")[3] == "the year-ago quarter"
    c = one(claims_of("Sales fell in the second quarter."), "Sales")
    assert [q.norm for q in c.quantities if q.kind == "date"] == ["q2"]
    c = one(claims_of("The shop closed two months after the launch."), "shop")
    assert [q.norm for q in c.quantities if q.kind == "date"] == ["two months"]
    # "one day" is an idiom, not a figure; a hyphenated "one-year" is a figure.
    idiom = one(claims_of("One day, the bakery closed for good."), "bakery")
    assert not [q for q in idiom.quantities if q.kind == "date"]
    term = one(claims_of("The council signed a one-year lease."), "council")
    assert [q.text for q in term.quantities] == ["one-year"]


def test_offsets_point_into_the_text(claims_of):
    text = "Heading line\n\nThe Ledger reports that rents rose by 4%."
    for c in claims_of(text):
        assert text[c.start:c.end] == c.text


@pytest.mark.parametrize("sentence", ["", "   ", "!!!"])
def test_no_claims_from_empty_units(claims_of, sentence):
    from checker.errors import InputError

    try:
        assert claims_of(sentence) == ()
    except InputError:
        pass


def test_lexicons_extend_through_configuration():
    from checker.config import Config
    from checker.load import load_text
    from checker.pipeline import Pipeline

    text = "The merger is arguably the largest of the decade."
    plain = Pipeline(Config()).claims(load_text(text, doc_id="a"))[0]
    extended = Pipeline(Config(lexicon_extra={"hedges": ["arguably\t0.25"]})).claims(
        load_text(text, doc_id="a"))[0]
    assert not plain.certainty.hedges
    assert [h.text for h in extended.certainty.hedges] == ["arguably"]
    assert extended.certainty.level < plain.certainty.level


def test_it_never_resolves_to_the_person_last_quoted(claims_of):
    cs = claims_of("Finance director Lena Ostrow said the accounts were in order. "
                   "The Harlan Audit Office has questioned two payments; it said it had not "
                   "opened an inquiry.")
    c = one(cs, "opened an inquiry")
    assert c.attribution.source == "The Harlan Audit Office"


def test_according_to_frame_before_a_contrasting_clause(claims_of):
    cs = claims_of("According to harbour master Ines Varga, the coastguard was alerted at "
                   "9:40 a.m. on Sunday, though she said the ferry crew raised no alarm.")
    c = one(cs, "coastguard was alerted")
    assert c.attribution is not None and c.attribution.kind == "according-to"
    assert "Ines Varga" in c.attribution.source


def test_fronted_according_to_credits_a_coordinated_clause(claims_of):
    """A frame that opens the sentence credits the clause after "but" too; a frame that
    closes the first clause only ("A, according to X, and B") is not read so."""
    cs = claims_of("According to the harbour board, divers found a crack in the ferry's "
                   "hull but have not said when it formed.")
    c = one(cs, "when it formed")
    assert c.attribution is not None and c.attribution.source == "the harbour board"


def test_according_to_speakers_end_before_their_relative_clause(claims_of):
    """The parser may hang the clause's subject on the speakers' relative clause; the
    speakers are the words before it, not the clause's subject."""
    cs = claims_of("According to two porters at the depot, who spoke on condition of "
                   "anonymity because they were not allowed to talk to reporters, one of the "
                   "depot's four boilers had been leaking since early June.")
    c = one(cs, "leaking since early June")
    assert c.attribution is not None and c.attribution.kind == "according-to"
    assert c.attribution.source == "two porters at the depot"


def test_according_to_misparsed_as_the_root(pipeline):
    """The parser sometimes roots "According to X, A was B" on "According" and hangs A on X
    as a relative clause; A is still a claim, attributed to X."""
    from spacy.tokens import Doc

    from checker.extract import Extractor
    from checker.lexicon import load_lexicon

    words = ["According", "to", "mayor", "Ada", "Lind", ",", "the", "agency", "was",
             "notified", "on", "Monday", "."]
    heads = [0, 0, 4, 4, 1, 4, 7, 9, 9, 4, 9, 10, 0]
    deps = ["ROOT", "prep", "compound", "compound", "pobj", "punct", "det", "nsubjpass",
            "auxpass", "relcl", "prep", "pobj", "punct"]
    pos = ["VERB", "ADP", "NOUN", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB",
           "ADP", "PROPN", "PUNCT"]
    doc = Doc(pipeline.parser.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    heads_found = Extractor(load_lexicon())._clause_heads(doc[0])
    assert [(h.text, a.kind, a.source) for h, a, _ in heads_found] == [
        ("notified", "according-to", "mayor Ada Lind")]


def test_coordinated_verbs_of_a_reported_clause_are_claims_of_their_own(claims_of):
    cs = claims_of("The group has agreed to buy the Carron mill and may also seek to buy "
                   "its warehouse, its chairman, Ola Brandt, said.")
    assert one(cs, "agreed to buy the Carron mill") is not one(cs, "seek to buy its warehouse")


def test_multi_word_boosters_are_read(claims_of):
    c = one(claims_of("The bridge was in fact closed for two weeks."), "bridge")
    assert [b.text for b in c.certainty.boosters] == ["in fact"]


def test_a_nested_report_frame_stays_out_of_the_outer_claim(claims_of):
    cs = claims_of("The ferry was delayed by two hours on Friday, though the operator said "
                   "no sailing was cancelled.")
    c = one(cs, "ferry was delayed")
    assert "said" not in c.text and "though" not in c.text
    assert one(cs, "no sailing was cancelled").attribution.source == "the operator"


def test_a_semicolon_parts_two_claims(claims_of):
    cs = claims_of("A refinancing deal could be agreed with lenders led by Harrow Bank; "
                   "Ferris Lomax has been appointed as administrator.")
    deal = one(cs, "could be agreed")
    assert "Lomax" not in deal.text and deal.certainty.hedges
    assert not one(cs, "Lomax has been appointed").certainty.hedges


def test_no_one_could_is_an_inability_not_a_hedge(claims_of):
    c = one(claims_of("The chain collapsed after no refinancing could be agreed with lenders."),
            "collapsed")
    assert not c.certainty.hedges


def test_no_after_a_determiner_is_the_side_voted_for(claims_of):
    assert not one(claims_of("Among the no votes was a former mayor."), "votes").negated_words
    assert one(claims_of("The council cast no votes on the plan."), "votes").negated_words


def test_a_denied_copula_negates_what_it_says_unless_graded(claims_of):
    assert "eligible" in one(claims_of("The school is no longer eligible for the grant."),
                             "eligible").negated_words
    assert "eligible" in one(claims_of("The school is not eligible for the grant."),
                             "eligible").negated_words
    graded = one(claims_of("The new line may not be as busy as the old one."), "busy")
    assert "busy" not in graded.negated_words


def test_an_act_kept_from_happening_is_negated(claims_of):
    """"barred from playing" negates the act; "did not bar fans from entering" lets it be."""
    barred = one(claims_of("Dorne has been barred from racing in the league cup."), "barred")
    assert "race" in barred.negated_words
    let = one(claims_of("Police did not bar fans from entering the ground."), "bar")
    assert "enter" not in let.negated_words


def test_a_negated_word_outside_the_claim_words_does_not_break_the_check(check_texts):
    """A negated act whose lemma the claim's content words leave out ("using") is compared
    without a crash."""
    result = check_texts("Residents could still use the Tarnby park during the works, the "
                         "council said.",
                         "The council did not stop residents from using the Tarnby park "
                         "during the works.")
    assert not [f for f in result.findings if f.code == "DG601"]


def test_the_company_is_not_a_place_the_tagger_called_an_organisation(claims_of):
    """"the company said" stands for the company named before, not for a one-word place
    name after "at" that the tagger labelled an organisation."""
    cs = claims_of("The lorry, run by Calloway Haulage, was carrying grain to a depot at "
                   "Hartmoor when it overturned. The driver was unhurt, the company said.")
    c = one(cs, "driver was unhurt")
    assert c.attribution is not None and c.attribution.source != "Hartmoor"


def test_the_company_is_no_river_and_a_firm_the_tagger_called_a_person_is_a_body(claims_of):
    """A name whose first word is a place's ("the River Wend", place_heads.txt) is no body
    "the company" stands for; a firm whose name ends in a body's word ("Brennan Marine
    Works") is one, whatever the tagger's label."""
    cs = claims_of("Brennan Marine Works, whose yard stands beside the River Wend, has hired "
                   "300 welders, the company said on Monday.")
    c = one(cs, "300 welders")
    assert c.attribution is not None and c.attribution.source == "Brennan Marine Works"


def test_a_body_named_by_its_kind_is_not_another_body_named_before(claims_of):
    """"the department said" does not stand for the nurses' federation named just before;
    "the company said" still stands for the firm named before."""
    cs = claims_of("The Lowmarsh Nurses' Federation said wards were short of staff. The "
                   "department said every ward had a nurse in charge.")
    dept = one(cs, "every ward")
    assert dept.attribution is not None and "Federation" not in dept.attribution.source
    firm = one(claims_of("Castell & Brine inspected the bridge. The company said three "
                         "bolts had sheared."), "bolts")
    assert firm.attribution is not None and firm.attribution.source == "Castell & Brine"


def test_an_aside_that_reports_a_clause_reports_the_one_joined_to_it(claims_of):
    """"A was done, it said, and B was done": the parser joins B to the aside; the aside's
    speaker says B as well."""
    cs = claims_of("The Corvale Trust answered the charge. Every ward was checked by an "
                   "engineer, it said, and Kestle Ward was closed on 9 March after the "
                   "inspection.")
    c = one(cs, "Kestle Ward was closed")
    assert c.attribution is not None and c.attribution.source == "The Corvale Trust"


def test_a_quotation_under_which_she_said_is_hers(claims_of):
    """'..., which she said was "as hard as slate"': the quotation is the speaker's whom
    "she" stands for, not "which"."""
    cs = claims_of('"We expected a lawn and found a car park," visiting coach Marta Skelby '
                   'said of the Fenwick Road ground, which she said was "as hard as slate".')
    speakers = {q.text: q.speaker for c in cs for q in c.quotes}
    assert speakers["as hard as slate"] == "Marta Skelby"


def test_a_speaker_the_parser_put_after_a_second_verb_is_the_first_verbs(claims_of):
    """"She denied A, and said Friday's heat had dried the pitch": the parser makes "Friday's
    heat" the subject of "said"; the speaker is still "she"."""
    cs = claims_of("Mara Holt, the club's chair, spoke on Tuesday. She denied that the club had "
                   "watered the pitch late, and said Friday's heat, with temperatures above "
                   "30C, had dried the pitch faster than expected.")
    c = one(cs, "dried the pitch")
    assert c.attribution is not None and "heat" not in c.attribution.source


def test_an_order_shares_no_event_through_a_unit_of_time(claims_of):
    """"before tea on the second day" and "after the match ended inside two days" order
    against no common event: a unit of time is no anchor."""
    from checker.lexicon import load_lexicon
    from checker.polarity import orders
    lex = load_lexicon({})
    c = one(claims_of("The match was finished before tea on the second day."), "before")
    assert all("day" not in o.anchor for o in orders(c, lex))



def test_semicolon_ends_what_a_report_frames(claims_of):
    cs = claims_of("The school twice asked the Education Board for more teachers last year, "
                   "according to letters seen by the Tarn Gazette; the board said it does not "
                   "comment on letters.")
    asked = one(cs, "twice asked")
    assert asked.attribution is None or "board" not in asked.attribution.source.lower()
    assert "letters" in one(cs, "does not comment").sentence  # one sentence, two frames
    assert "board" in one(cs, "does not comment").attribution.source.lower()


def test_company_is_not_the_hospital_named_last(claims_of):
    cs = claims_of("The trial was paid for by Corvane Therapeutics. Dr Ada Lin of Wexmoor General "
                   "Hospital, who was not involved, urged caution. The company said it had "
                   "not analysed the data.")
    c = one(cs, "not analysed the data")
    assert c.attribution.source == "Corvane Therapeutics"


def test_nobody_told_negates_the_telling(claims_of):
    cs = claims_of("The coach said no player had been told that the squad would be cut.")
    c = one(cs, "squad would be cut")
    assert c.attribution.negated


def test_second_report_of_the_speaker_after_a_complement(claims_of):
    cs = claims_of("The Dock Workers' Union estimated that about 300 people would lose their "
                   "jobs in the first round of cuts and said it would seek talks with the "
                   "owners.")
    assert "Union" in one(cs, "seek talks").attribution.source


def test_club_name_in_possessive_is_nobody_she_is(claims_of):
    cs = claims_of("Some 200 people came to the meeting on Monday, the organisers said, where "
                   "Ana Ruiz, chair of the Mill Lane "
                   "Residents' Association, said the group would appeal if the council backs "
                   "Harlow Rovers' new ground. \"We are against a ground where the river "
                   "floods,\" she said.")
    assert one(cs, "river floods").quotes[0].speaker == "Ana Ruiz"


def test_a_verb_read_as_an_adjective_of_its_object_is_the_verb(claims_of):
    c = one(claims_of("Hollis has secured chip designer Varro Logic as a partner."), "partner")
    assert (c.subject, c.predicate) == ("Hollis", "secure")
    assert "Varro Logic" in c.object


def test_a_verb_of_saying_read_as_a_participle_of_its_speaker_frames_the_claim(claims_of):
    cs = claims_of("Its landlord, Brandwick Estates, announced in March that it would not "
                   "extend the lease beyond next summer.")
    c = one(cs, "extend the lease")
    assert c.negated and c.predicate == "extend"
    assert "Brandwick Estates" in c.attribution.source


def test_adding_that_hung_on_the_reported_clause_is_the_speakers_report(claims_of):
    cs = claims_of("Director Ilse Marrow said ticket sales had recovered since the spring, "
                   "adding that no decision on the future had been made.")
    c = one(cs, "no decision")
    assert "ticket sales" not in c.text and c.negated
    assert "Ilse Marrow" in c.attribution.source


def test_later_before_a_time_links_nothing(claims_of):
    assert not one(claims_of("A ballot for the seats may open later this month."),
                   "ballot").links
    assert one(claims_of("Two days later, the council voted to close the pool."),
               "council").links


def test_a_quotation_is_the_person_the_speaker_phrase_ends_with(claims_of):
    cs = claims_of('Carrow Leisure chief executive Anna Holm responded: "Every crossing we '
                   'ran met the safety rules."')
    assert one(cs, "Every crossing").quotes[0].speaker == "Anna Holm"


def test_she_after_a_clause_is_not_a_person_named_inside_it(claims_of):
    cs = claims_of("Tidmarsh Energy's finance chief, Rosa Lind, said the outage cost the "
                   "company £90,000 a day. Tidmarsh Energy is reviewing its contract with "
                   "Pellow and Harriet Quayle, she said.")
    assert one(cs, "reviewing its contract").attribution.source == "Rosa Lind"
    cs = claims_of("Trustee Joan Abbot attended the meeting. Mary Fenn will step down in June, "
                   "she said in a statement.")
    assert one(cs, "step down").attribution.source == "Mary Fenn"  # the clause's own subject


def test_a_speaker_after_a_fronted_document_phrase_frames_the_complement(claims_of):
    cs = claims_of("In a memo seen by the Gazette, the trust's finance director, Petra Lund, "
                   "wrote that two wards would close in June.")
    assert "Petra Lund" in one(cs, "two wards").attribution.source


def test_a_speakers_aside_read_as_the_reported_clause_is_no_report(claims_of):
    cs = claims_of("Dunne, 31 and ranked 57th in Europe, says selectors told her last year "
                   "that she was their first choice.")
    assert one(cs, "first choice").attribution.outer.source.startswith("Dunne")
    assert not any("ranked" in c.text and c.attribution is not None
                   and not c.attribution.source for c in cs)


def test_the_company_is_no_group_first_named_after_it(claims_of):
    cs = claims_of("The valley's largest quarry is run by Harrow Minerals. Harrow Minerals is "
                   "seeking a licence to widen its quarry at Pell Edge, the company said on "
                   "Friday, a plan that Fellside Walkers Alliance says would close two footpaths.")
    assert one(cs, "seeking a licence").attribution.source == "Harrow Minerals"


def test_a_speaker_in_a_whose_clause_says_its_complement(claims_of):
    cs = claims_of("The council fined Orbis Waste, whose chief executive said the firm would "
                   "appeal.")
    assert one(cs, "would appeal").attribution.source == "Orbis Waste's chief executive"
    assert "appeal" not in one(cs, "fined").text


def test_a_whose_clause_the_model_broke_up_frames_only_its_complement(claims_of):
    cs = claims_of("Inspectors visited the depot of Tallon Freight, whose director, Mira Holst, "
                   "said the firm had never lost a parcel.")
    assert "Mira Holst" in one(cs, "lost a parcel").attribution.source
    assert one(cs, "Inspectors visited").attribution is None


def test_a_saying_participle_on_an_answer_is_the_answerers_claim(claims_of):
    cs = claims_of("Residents accused their builder of ignoring damp. Varley Homes rejected "
                   "the claim, saying repairs had been finished in 85 flats.")
    assert one(cs, "85 flats").attribution.source == "Varley Homes"
    assert "85" not in one(cs, "rejected").text


def test_a_speaker_after_a_semicolon_speaks_for_itself(claims_of):
    cs = claims_of("Harrow Minerals has let dust from its quarry reach Dunn village, where "
                   "children have fallen ill; the group's secretary, Ruth Hale, said the dust "
                   "settles on every car.")
    assert "Ruth Hale" in one(cs, "every car").attribution.source
    assert one(cs, "let dust").attribution is None


def test_a_saying_participle_after_a_relative_clause_is_its_speakers(claims_of):
    cs = claims_of("Growers said some farms waited six weeks for payment, which the dairy "
                   "disputed, saying most invoices were paid within ten days.")
    assert one(cs, "ten days").attribution.source.lower().endswith("dairy")


def test_the_subject_nearest_the_answer_says_its_participle(claims_of):
    cs = claims_of("According to the union, new shift patterns at the Orwell plant stretch "
                   "some days to 12 hours; the Halden Rail Board disputed that, saying the "
                   "longest shift is 10 hours.")
    assert one(cs, "longest shift").attribution.source == "the Halden Rail Board"



def test_none_as_a_subject_denies_its_verb(claims_of):
    # "if none is received" denies the receiving, as "if no reply is received" denies a reply
    c = claims_of("The agency could order a spot check if none is received.")[0]
    assert "receive" in c.negated_words


def test_a_ruling_for_a_party_is_no_finding(claims_of):
    c = one(claims_of("Panel finds for Loafton bakers"), "finds")
    assert c.certainty.factivity == "neutral"
    c = one(claims_of("The panel found that Loafton owed its bakers holiday pay."), "owed")
    assert c.certainty.factivity == "factive"


def test_a_headline_infinitive_is_a_plan(claims_of):
    c = one(claims_of("Harbour board to sell two tugs"), "sell")
    assert [a.role for a in c.certainty.attempts] == ["headline"]
    c = one(claims_of("The harbour board sold two tugs."), "sold")
    assert not c.certainty.attempts


def test_it_after_a_description_of_the_accused_body_is_the_body_that_spoke(claims_of):
    """"The authority then closed X, it said" after another body's account of the
    authority: "it" is the body that gave the account; after the authority's own report it
    is the authority."""
    text = ("The Fenwick Canal Society said on Friday that Lowby District Council had been "
            "told twice about leaks in the Fenwick lock gates.\n\nThe council then halved the "
            "gates' upkeep budget, it said.")
    cut = one(claims_of(text), "upkeep")
    assert cut.attribution is not None and "Canal Society" in cut.attribution.source
    own = one(claims_of("Lowby District Council reported two leaking lock gates on "
                        "Friday.\n\nThe council then halved the gates' upkeep budget, it "
                        "said."), "upkeep")
    assert own.attribution is not None and "Council" in own.attribution.source


def test_a_second_verb_of_saying_after_a_saying_clause_keeps_the_subject_as_speaker(claims_of):
    # "denied" is the firm's second verb, not a conjunct inside what "saying" reports
    cs = claims_of("Harlow Quarries questioned the count, saying its tests found no rise, "
                   "and denied that its blasting would crack the chapel walls.")
    c = one(cs, "its blasting would crack")
    assert c.attribution is not None and c.attribution.source == "Harlow Quarries"
    assert c.attribution.negated


def test_a_denial_in_a_relative_clause_is_no_claim_of_the_party(claims_of):
    # "which denies its blasting would ..." is the party's word inside its subject: the
    # sentence's claim is the fight, with the party as its subject
    cs = claims_of('Harlow Quarries, which denies its blasting would "seriously damage" the '
                   "chapel, will fight the order in court.")
    c = one(cs, "fight")
    assert c.subject.startswith("Harlow Quarries, which denies") and c.predicate == "fight"
    assert not any(x.predicate == "damage" and x.attribution is None for x in cs)


def test_second_quotation_of_a_sentence_is_its_own_speakers(claims_of):
    """'..., which its secretary says would "..."; the trust says the fee "..."': the second
    quotation is the trust's, not the speaker of the sentence's first quotation."""
    cs = claims_of('The anglers oppose the permits, which their secretary says would "price '
                   'out every junior member"; the trust says the fee "covers only the cost '
                   'of bailiffs."')
    speakers = {q.text: q.speaker for c in cs for q in c.quotes}
    assert speakers["price out every junior member"] == "their secretary"
    assert speakers["covers only the cost of bailiffs."] == "the trust"


def test_the_report_is_no_person_who_spoke_before(claims_of):
    """"The report" points back to a record named before, never to the last person quoted;
    with no record named, it stays "the report"."""
    cs = claims_of("The inspectors found rust on the jib, a lawyer for the crane's owner said. "
                   "The board found no fault with the training, according to the report.")
    assert one(cs, "no fault").attribution.source == "the report"
    cs = claims_of("According to a harbour board report, the jib had rusted. The board "
                   "found no fault with the training, according to the report.")
    assert "harbour board" in one(cs, "no fault").attribution.source


def test_fronted_according_to_leaves_a_clause_of_its_own_subject(claims_of):
    """The writer's contrasting fact after "but", with a subject of its own, is not the
    frame's speaker's."""
    cs = claims_of("According to the organisers, about 5,000 people joined the march, but "
                   "heavy rain forced it to end early at 3pm.")
    assert one(cs, "heavy rain").attribution is None


def test_a_semicolon_the_parser_gave_to_the_clause_still_parts_it():
    # "A said X; B rejected Y", with the parser hanging "rejected" (and the semicolon) under
    # "said": the clause after the semicolon is not what A said.
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from checker.extract.common import semicolon_between

    words = ["Ada", "said", "costs", "rose", ";", "Tom", "rejected", "that"]
    heads = [1, 1, 3, 1, 6, 6, 1, 6]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "punct", "nsubj", "ccomp", "dobj"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert semicolon_between(doc[6])
    assert not semicolon_between(doc[3])
