"""DC203's reading of progress stated beside an attempt: a count made so far is progress, a
date of the results is not."""

from dataclasses import replace

from checker.records import Quantity
from checker.deed_progress import progress_stated
from handmade import hand_claim


def _with(text: str, *figures: tuple) -> object:
    """A hand-made claim holding these (text, kind, norm) figures."""
    claim = hand_claim(text, {})
    return replace(claim, quantities=tuple(
        Quantity(t, kind, None, "", text.index(t), text.index(t) + len(t), norm)
        for t, kind, norm in figures))


def test_a_count_beside_the_attempt_is_progress_a_date_is_not():
    aim = _with("the club is seeking 900 members", ("900", "number", "900"))
    so_far = _with("has signed up 610 so far", ("610", "number", "610"))
    told = _with("the club had 610 members towards its goal of 900",
                 ("610", "number", "610"), ("900", "number", "900"))
    assert progress_stated(told, [aim], [so_far])
    plan = _with("the trust plans to order a survey")
    due = _with("expects its report in early July", ("early July", "date", "07"))
    done = _with("the trust has ordered a survey, with its report due in early July",
                 ("early July", "date", "07"))
    assert not progress_stated(done, [plan], [due])
