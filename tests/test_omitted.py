"""DO901 flags a dropped answer or caveat only when the text tells what it answers."""

from __future__ import annotations

SHIPYARD = ("Regulators accused Kestrin Shipyards of falsifying weld inspections on three ferries.\n\n"
            "Kestrin Shipyards denied the accusations. The company said every weld had been "
            "checked twice by an outside firm.\n\n"
            "The shipyard employs 2,300 people in Harnmouth.")
SEED = ("A study of 90 orchards found that pruning in late winter raised apple yields by 12%.\n\n"
        "Dr. Ilse Varga, a soil scientist who was not involved in the study, cautioned that one "
        "dry season is too short to draw firm conclusions.\n\n"
        "The orchards are in the Merrow valley.")


def _do901(result):
    return [f for f in result.findings if f.code == "DO901"]


def test_dropped_denial_is_flagged_with_its_place(check_texts):
    got = _do901(check_texts("Regulators accused Kestrin Shipyards of falsifying weld "
                             "inspections on three ferries.", SHIPYARD))
    assert len(got) == 1
    assert "Kestrin Shipyards" in got[0].message and "line" in got[0].message
    assert got[0].evidence[0].text.startswith("Kestrin Shipyards denied the accusations.")


def test_denial_in_other_words_counts_as_kept(check_texts):
    for kept in ("Regulators accused Kestrin Shipyards of falsifying weld inspections on three "
                 "ferries. The shipyard denied it.",
                 "Kestrin Shipyards, which denies the claims, was accused of falsifying weld "
                 "inspections on three ferries."):
        assert not _do901(check_texts(kept, SHIPYARD)), kept


def test_silent_when_the_accusation_is_not_told(check_texts):
    assert not _do901(check_texts("Kestrin Shipyards employs 2,300 people in Harnmouth.",
                                  SHIPYARD))


def test_dropped_expert_caveat_is_flagged_when_caveats_are_reported(check_texts,
                                                                     check_configured):
    told = "A study of 90 orchards found that pruning in late winter raised apple yields by 12%."
    assert not _do901(check_texts(told, SEED))  # by default only answers are reported
    caveats = check_configured(omissions=("answer", "caveat"))
    got = _do901(caveats(told, SEED))
    assert len(got) == 1 and "caveat" in got[0].message
    kept = ("A study of 90 orchards found that pruning in late winter raised apple yields by 12%, "
            "though soil scientist Ilse Varga cautioned that one dry season is too short.")
    assert not _do901(caveats(kept, SEED))


def test_no_comment_and_ordinary_facts_are_not_answers(check_texts):
    source = ("Inspectors criticised the Dunvale care home over staffing.\n\n"
              "The home did not respond to a request for comment.\n\n"
              "It has 48 beds and opened in 1998.")
    assert not _do901(check_texts("Inspectors criticised the Dunvale care home over staffing.",
                                  source))


def test_the_same_answer_in_a_second_source_is_cited_too(check_texts):
    first = ("Regulators accused Kestrin Shipyards of falsifying weld inspections on three "
             "ferries, the Harn Courier reported.\n\nKestrin Shipyards denied the accusations. "
             "The company said every weld had been checked twice by an outside firm.")
    second = ("Three ferries built by Kestrin Shipyards were withdrawn from service on Monday "
              "after inspectors found faults in their welds.\n\nKestrin Shipyards rejected "
              "the findings and said it would appeal.")
    got = _do901(check_texts("Regulators accused Kestrin Shipyards of falsifying weld "
                             "inspections on three ferries.", first, second))
    assert len(got) == 1
    assert {e.document for e in got[0].evidence} == {"source0.txt", "source1.txt"}


KILN = ("Fire crews from Hollin were called to the Brack Pottery kiln shed at 3 a.m. on Sunday, "
        "and the shed burned down.\n\n"
        "Two former workers said the shed's gas alarm had failed an inspection in May. The pottery's "
        "owners, Brack Ceramics, denied that the shed had been unsafe.\n\n"
        "The shed will be rebuilt by the autumn, the owners said.")


def test_an_answer_in_mid_paragraph_needs_its_charge_told(check_texts):
    # the denial answers the alarm test in its own paragraph: a text that tells only the
    # fire and the rebuilding leaves nothing one-sided, though it shares "shed" with it
    assert not _do901(check_texts("The Brack Pottery kiln shed burned down early on Sunday "
                                  "and will be rebuilt by the autumn.", KILN))
    got = _do901(check_texts("Two former workers said the Brack Pottery kiln shed's gas "
                             "alarm had failed an inspection in May before it burned down on "
                             "Sunday.", KILN))
    assert len(got) == 1 and "Brack" in got[0].message


def test_one_partys_answer_in_two_outlets_by_name_and_by_kind_is_one_omission(check_texts):
    first = ("Regulators accused the shipbuilder Kestrin Shipyards of falsifying weld "
             "inspections on three ferries.\n\n"
             "The shipbuilder denied the accusations and said every weld was checked twice.")
    second = ("Kestrin was accused by regulators of falsifying weld inspections on three "
              "ferries.\n\n"
              "Kestrin rejected the findings and said it would appeal.")
    got = _do901(check_texts("Regulators accused Kestrin Shipyards of falsifying weld "
                             "inspections on three ferries.", first, second))
    assert len(got) == 1
    assert len(got[0].evidence) == 2


def test_one_partys_answer_over_two_sentences_is_one_omission_and_kept_once(check_texts):
    # "we reject ..." inside the quotation is the speaker's answer, not a party called "we"
    source = ("The port authority fined Lorvane Freight £2 million on Monday for ignoring "
              "safety instructions at its Keswater terminal, the authority said.\n\n"
              "Lorvane's managing director, Petra Ansel, denied that the firm had ignored any "
              "instruction. \"Our crane teams followed every instruction, and we reject any "
              "suggestion that anyone was endangered,\" she said.\n\n"
              "Inspectors will return to the terminal in March.")
    told = ("The port authority fined Lorvane Freight £2 million on Monday for ignoring safety "
            "instructions at its Keswater terminal, the authority said.")
    _one_omission_then_kept(check_texts, source, told, "Petra",
                            told + (" Managing director Petra Ansel said the crane teams "
                                    "\"followed every instruction\"."))


def test_a_verb_of_rejecting_with_no_charge_as_object_is_no_answer(check_texts):
    # "rejected valid passes" is what the machines did, not the supplier's denial
    source = ("Commuters said gates supplied by Orrin Gates rejected valid passes at Lowford "
              "station for two days.\n\n"
              "Orrin Gates denied that its gates had failed. The company said a software "
              "update had been applied overnight.\n\n"
              "The station has 14 gates.")
    told = ("Commuters said gates supplied by Orrin Gates rejected valid passes at Lowford "
            "station for two days.")
    _one_omission_then_kept(check_texts, source, told, "Orrin Gates",
                            told + " The supplier rejected the claim.")


def _one_omission_then_kept(check_texts, source, told, party, kept):
    """``told`` gets one DO901 naming ``party``; ``kept``, which gives the answer, gets none."""
    got = _do901(check_texts(told, source))
    assert len(got) == 1 and party in got[0].message
    assert not _do901(check_texts(kept, source))


def test_two_parties_sharing_a_word_of_their_names_answer_apart(check_texts):
    # "Marlow Council" and "Marlow Athletic" are two parties in one paragraph, each with an answer
    source = ("A surveyor's report found on Friday that the east terrace at the Marlow Athletic "
              "ground had stood on rotten beams for three years.\n\n"
              "Marlow Council denied that anyone had warned it about the beams. Marlow Athletic "
              "disputed the council's version, saying it had sent two letters.\n\n"
              "The terrace is closed until May.")
    told = ("A surveyor's report found on Friday that the east terrace at the Marlow Athletic "
            "ground had stood on rotten beams for three years. The terrace is closed until May.")
    got = _do901(check_texts(told + " Marlow Council denied ever being warned about the beams.",
                             source))
    assert len(got) == 1 and "Marlow Athletic" in got[0].message
    assert len(_do901(check_texts(told, source))) == 2


def test_rejecting_with_no_charge_near_it_keeps_no_answer(check_texts):
    # the "that" of a clause or of another verb's relative clause points back to no charge,
    # and a "complaint" later in the sentence is not what was rejected
    source = ("Shoppers said tills installed by Pellow Retail Tech refused good store cards at "
              "the Ambry Road branch for a week.\n\n"
              "Pellow Retail Tech denied that its tills had broken down. The firm said a price "
              "file had been sent late.\n\n"
              "The branch serves 4,000 shoppers a week.")
    for told in ("Shoppers said that tills rejected good store cards at the Ambry Road branch "
                 "for a week after Pellow Retail Tech installed them.",
                 "Shoppers said tills that Pellow Retail Tech installed rejected good store "
                 "cards at the Ambry Road branch for a week.",
                 "Tills installed by Pellow Retail Tech rejected good store cards at the Ambry "
                 "Road branch for a week, drawing a stream of shopper complaint letters."):
        got = _do901(check_texts(told, source))
        assert len(got) == 1 and "Pellow" in got[0].message, told


def test_a_title_before_the_party_surname_is_no_other_party(check_texts):
    # "Miss Lowe" is the Edith Lowe who answered, not another party of that surname
    source = ("A council audit on Tuesday found the Fallow Lane stables owned by Edith "
              "Lowe kept 12 horses in wet stalls.\n\n"
              "Edith Lowe denied that any horse had been neglected.\n\n"
              "The stables will be checked again in July.")
    told = ("A council audit on Tuesday found the Fallow Lane stables owned by Edith Lowe "
            "kept 12 horses in wet stalls.")
    assert len(_do901(check_texts(told, source))) == 1
    assert not _do901(check_texts(told + " Miss Lowe disputes the finding.", source))


def test_an_answer_pointing_back_answers_only_the_paragraph_before(check_texts):
    # "dismissed that account" answers the paragraph right before it, not the party's own
    # plans two paragraphs back: a text that tells only those plans leaves out no answer
    source = ("The Orvale Water Board plans to fit 2,000 new meters by June, chief engineer Ida "
              "Holm said.\n\n"
              "The Orvale Tenants Forum, a residents' group, blamed the board for shutting its "
              "only customer desk in 2024. \"Nobody answers the phone now,\" said the forum's "
              "chair, Rob Teale.\n\n"
              "Board spokeswoman Ann Lusk dismissed that account. Complaints had not risen since "
              "the desk shut, according to Lusk, and the new meters would reach every home by "
              "June.")
    assert not _do901(check_texts("The Orvale Water Board plans to fit 2,000 new meters by "
                                  "June.", source))
    got = _do901(check_texts("The Orvale Tenants Forum blamed the water board for shutting its "
                             "only customer desk in 2024.", source))
    assert len(got) == 1 and "dismissed that account" in got[0].evidence[0].text


def test_an_answer_pointing_back_reaches_past_the_accusers_quotation(check_texts):
    # charge, then the accuser's own words in a paragraph of their own, then "rejected those
    # claims": the charge two paragraphs back is what the answer takes up
    source = ("Stallholders at Pelling market have accused the operator, Quayside Markets, of "
              "doubling pitch fees without notice.\n\n"
              "\"Nobody wrote to us and nobody rang,\" said Ida Crane, who sells cheese there.\n\n"
              "Quayside Markets rejected those claims. A manager said the new fees were posted in "
              "January.")
    got = _do901(check_texts("Stallholders at Pelling market have accused Quayside Markets of "
                             "doubling pitch fees without notice.", source))
    assert len(got) == 1 and "rejected those claims" in got[0].evidence[0].text



def test_an_answer_verb_in_a_condition_keeps_no_answer(check_texts):
    """A pronoun after an answer verb points back to the charge ("The shipyard rejects
    that"), but not inside a condition, which answers nothing."""
    charge = "Regulators accused Kestrin Shipyards of falsifying weld inspections on three ferries."
    assert not _do901(check_texts(charge + " The shipyard rejects that.", SHIPYARD))
    got = _do901(check_texts(charge + " The ferries will be withdrawn if the regulator's board "
                             "rejects them.", SHIPYARD))
    assert len(got) == 1


def test_a_figure_refused_in_a_quotation_is_an_answer(claims_of):
    from checker.claim_roles import answer_party
    from checker.lexicon import load_lexicon

    lex = load_lexicon(())
    refused = claims_of('Rhian Trelowen said the 12 percent estimate "is not a number we '
                        'recognise".')
    assert any(answer_party(lex, c) for c in refused)
    # a ship that did not recognise a signal answers nothing
    assert not any(answer_party(lex, c) for c in claims_of("The ferry did not recognise the "
                                                           "signal."))


def test_noticing_or_not_confirming_is_no_answer(claims_of):
    from checker.claim_roles import answer_party
    from checker.lexicon import load_lexicon

    lex = load_lexicon(())
    for text in ("The clerk said he had not recognised that the caller was a fraudster.",
                 "The clerk said he did not recognise the caller's account number as false.",
                 'Ines Hale said the estimate was "not a figure we can confirm yet".'):
        assert not any(answer_party(lex, c) for c in claims_of(text)), text


def test_a_later_answer_of_the_party_is_cited_too(check_texts):
    # two answers of one party, the second past the sentences the first is cited with: it
    # is cited beside the first, so an editor sees both
    source = ("Auditors said Brindle Waterways had overcharged boat owners for mooring.\n\n"
              "Two people who know the talks said Brindle had asked to raise fees by 9% a year."
              "\n\nBrindle disputed the findings. \"The audit counts income and forgets cost,\" "
              "its chief executive said. \"We carry the repairs.\" \"We carry the dredging.\" "
              "Brindle also denied seeking a 9% rise.")
    derived = ("Auditors said Brindle Waterways had overcharged boat owners for mooring. Two "
               "people who know the talks said Brindle had asked to raise fees by 9% a year.")
    got = _do901(check_texts(derived, source))
    assert len(got) == 1
    assert got[0].evidence[0].text.startswith("Brindle disputed the findings.")
    assert got[0].evidence[1].text == "Brindle also denied seeking a 9% rise."


def test_an_answer_the_parse_hangs_on_a_thing_is_its_speakers(check_texts):
    """The parse gives "dismissed claims" to "the survey documents", a thing that cannot
    answer: the answer is its speaker's, and the finding names her."""
    source = ("Campaigners say the survey hides the cost of the scheme.\n\nSpeaking on Monday, "
              "the director, Dr Ada Renn, said the survey documents were reviewed by two "
              "auditors and dismissed claims that the figures hid the cost.")
    got = _do901(check_texts("Campaigners say the survey hides the cost of the scheme.", source))
    assert len(got) == 1
    assert got[0].message.startswith("Leaves out the answer of the director, Dr Ada Renn,")
