"""Two outlets telling one fact differently: a summary may follow either telling
(``align`` keeps the other outlet's near-equal claim as the derived claim's twin)."""

from __future__ import annotations


def codes(result) -> set[str]:
    return {f.code for f in result.findings}


CONFIRMED = ("From 4 May, Harbrook Ferries will withdraw the loss-making night sailing, the "
             "company confirmed on Monday.")
SUMMARY = "Harbrook Ferries will withdraw its night sailing on 4 May."


def test_a_plan_the_other_outlet_has_firm_is_not_raised(check_texts):
    # The closest support is the intention; the other outlet has the plan in the future,
    # on the company's own word.
    told = ("Harbrook Ferries intends to withdraw its night sailing on 4 May, the operator "
            "told season-ticket holders.")
    assert "DC203" in codes(check_texts(SUMMARY, told))
    assert "DC203" not in codes(check_texts(SUMMARY, told, CONFIRMED))


def test_hearsay_the_party_confirmed_elsewhere_may_be_stated(check_texts):
    heard = ("Harbrook Ferries will withdraw its night sailing on 4 May, two people who know "
             "of the plans said.")
    assert "DA101" in codes(check_texts(SUMMARY, heard))
    assert "DA101" not in codes(check_texts(SUMMARY, heard, CONFIRMED))


def test_a_leaked_document_is_not_the_party_speaking(check_texts):
    # The party's own draft, passed to a newspaper, is the newspaper's report: the other
    # outlet's telling does not cover the dropped credit.
    heard = ("Sorrel Valley Water is expected to raise bills by 9% in April, two people "
             "who know of the plans said.")
    leaked = ("From April, Sorrel Valley Water will raise its bills by 9%, according to a draft "
              "tariff seen by the Carnford Echo.")
    result = check_texts("Sorrel Valley Water will raise bills by 9% in April.", heard, leaked)
    assert "DA101" in codes(result)


def test_a_record_the_other_outlet_credits_may_be_shown(check_texts):
    # One outlet has the figure in a director's words, the other from the accounts: "the
    # accounts show" keeps the other outlet's credit, and is no upgrade of "said".
    said = "Director Nia Cole said the gallery cost the trust about £2.1 million a year."
    books = ("According to the trust's latest accounts, filed in May, the gallery cost £2.1 "
             "million in the twelve months to March 2026, when the trust lost £4 million.")
    summary = "The gallery cost the trust £2.1 million a year, the trust's accounts show."
    assert "DC202" in codes(check_texts(summary, said))
    assert "DC202" not in codes(check_texts(summary, said, books))


def test_the_other_outlets_plain_telling_in_the_support_may_be_followed(check_texts):
    # Both tellings are in the claim's support, the credited one a little closer: the summary
    # may follow the plain one. A claim only the crediting outlet has keeps its credit.
    credited = ("Wardens will open only two of the four car parks on Merrow Edge this winter "
                "after the parish cut its grant, the trust that runs them has confirmed. The "
                "trust said the change would save some £9,000.")
    plain = ("The Merrow Edge Trust will open two of its four car parks from 1 November, "
             "down from all four last winter.")
    summary = "Wardens will open two of the four car parks on Merrow Edge from 1 November."
    assert "DA101" in codes(check_texts(summary, credited))
    assert "DA101" not in codes(check_texts(summary, credited, plain))
    assert "DA101" in codes(check_texts("The change will save some £9,000.", credited,
                                        plain))


def test_a_figure_only_the_credited_telling_gives_keeps_its_credit(check_texts):
    heard = ("Wardens will open only two of the four car parks on Merrow Edge this winter, "
             "saving some £9,000, two people who know of the plans said.")
    plain = ("From 1 November, wardens will open only two of the four car parks on Merrow Edge "
             "this winter.")
    summary = ("Wardens will open two of the four car parks on Merrow Edge from 1 November, "
               "saving some £9,000.")
    assert "DA101" in codes(check_texts(summary, heard, plain))
    assert "DA101" not in codes(check_texts(summary.replace(", saving some £9,000", ""),
                                            heard, plain))


def test_words_two_outlets_quote_from_two_speakers_are_either_ones(check_texts):
    # One outlet gives the words to the trust, the other to its officer by name: crediting
    # the officer moves nothing; crediting someone neither outlet quotes does.
    body = ('The Lowmoor Moorland Trust described the case for burning the heather as "thin '
            'and disputed". Farmer Joss Keld backed the burning.')
    officer = ('Ann Roe, head of policy at the Lowmoor Moorland Trust, described the case for '
               'burning as "thin and disputed".')
    told = 'Ann Roe of the Lowmoor Moorland Trust called the case for burning "thin and disputed".'
    assert "DA103" not in codes(check_texts(told, body, officer))
    moved = 'Farmer Joss Keld called the case for burning "thin and disputed".'
    assert "DA103" in codes(check_texts(moved, body, officer))
