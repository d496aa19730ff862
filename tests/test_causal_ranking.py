"""", making it the first X" ranks what the clause before it tells: DU806 judges the ranking,
and DL301 reads no cause in "making" there; "making" before a change still links a cause."""

SOURCE = ("Ormsby parish will switch off its 240 street lights between 1am and 5am from "
          "1 May, the clerk said. The first lamps went up in 1962. Other parishes in the county "
          "are weighing part-night lighting. Its energy bill rose by £4,000 last year.")


def test_a_ranking_after_making_is_no_cause(check_texts):
    derived = ("Ormsby parish will switch off its 240 street lights between 1am and 5am "
               "from 1 May, making it the first parish in the county to opt for part-night "
               "lighting, the clerk said.")
    found = {f.code for f in check_texts(derived, SOURCE).findings}
    assert "DL301" not in found
    assert "DU806" in found


def test_making_before_a_change_is_a_cause(check_texts):
    derived = ("The parish's energy bill rose by £4,000 last year, making it switch off its "
               "street lights between 1am and 5am from 1 May.")
    assert "DL301" in {f.code for f in check_texts(derived, SOURCE).findings}


def test_a_word_ending_in_est_is_no_ranking(check_texts):
    derived = ("Ormsby parish will switch off its 240 street lights between 1am and 5am from 1 "
               "May, making it harder for people west of the green to walk home safely.")
    assert "DL301" in {f.code for f in check_texts(derived, SOURCE).findings}
