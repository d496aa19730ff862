"""DA101 keeps the credit of a figure told as its credited party's estimate, whichever
outlet's telling the summary follows."""

FILING = ("The mill's retirement plan, which covers some 2,300 staff, carries a shortfall of "
          "roughly £41 million, according to court papers obtained by the Tarnside Courier.")
TRUSTEES = ("The retirement plan's trustees told members last week that the plan carried a "
            "shortfall of roughly £41 million and that talks with the buyer would follow.")


def _da101(result):
    return [f for f in result.findings if f.code == "DA101"]


def test_the_credited_partys_estimate_keeps_the_credit(check_texts):
    got = check_texts("The retirement plan's trustees put its shortfall at roughly £41 million.",
                      FILING, TRUSTEES)
    assert not _da101(got)


def test_a_plain_figure_drops_it(check_texts):
    assert _da101(check_texts("The mill's retirement plan carries a shortfall of roughly £41 "
                              "million.",
                              FILING, TRUSTEES))


def test_another_partys_estimate_keeps_no_credit(check_texts):
    assert _da101(check_texts("The buyer's advisers put its shortfall at roughly £41 million.",
                              FILING, TRUSTEES))


def test_a_critic_of_the_party_is_not_the_party(check_texts):
    critic = "Redvale Council has overspent its roads budget by £2 million, one critic of the " \
             "council said."
    assert _da101(check_texts("Redvale Council put its roads overspend at £2 million.", critic))
