"""One drift, one finding: overlapping findings of one kind, and rules that yield to another."""

from checker.check import dedupe
from checker.records import Finding


def finding(code, kind, claim="D3", start=10, end=20, confidence=0.5, severity="warning"):
    return Finding(kind=kind, code=code, name=code.lower(), severity=severity, message="m",
                   confidence=confidence, doc_id="d", start=start, end=end, text="x",
                   claim=claim)


def test_an_unsupported_action_yields_to_an_actor_change_on_the_same_claim():
    got = dedupe([finding("DU804", "unsupported-claim"),
                  finding("DE403", "entity-changed", severity="error", start=0, end=8)])
    assert [f.code for f in got] == ["DE403"]


def test_an_unsupported_action_on_another_claim_stays():
    got = dedupe([finding("DU804", "unsupported-claim", claim="D4"),
                  finding("DE403", "entity-changed", severity="error")])
    assert sorted(f.code for f in got) == ["DE403", "DU804"]


def test_overlapping_findings_of_one_kind_keep_the_strongest():
    got = dedupe([finding("DU801", "unsupported-claim", confidence=0.4),
                  finding("DU804", "unsupported-claim", confidence=0.45, start=15, end=25)])
    assert [f.code for f in got] == ["DU804"]


def test_an_unknown_name_yields_to_a_name_change_on_the_same_words():
    got = dedupe([finding("DU802", "unsupported-claim", start=44, end=50),
                  finding("DE401", "entity-changed", severity="error", start=44, end=50)])
    assert [f.code for f in got] == ["DE401"]


def test_an_unknown_name_elsewhere_in_the_claim_stays():
    got = dedupe([finding("DU802", "unsupported-claim", start=60, end=70),
                  finding("DE401", "entity-changed", severity="error", start=44, end=50)])
    assert sorted(f.code for f in got) == ["DE401", "DU802"]


def test_one_rule_on_the_same_words_of_two_claims_is_one_finding():
    # a speaker that two claims of one sentence share, credited wrongly once
    got = dedupe([finding("DA102", "attribution-changed", claim="D3", start=0, end=12),
                  finding("DA102", "attribution-changed", claim="D4", start=0, end=12)])
    assert len(got) == 1
    other = dedupe([finding("DA102", "attribution-changed", claim="D3", start=0, end=12),
                    finding("DA102", "attribution-changed", claim="D4", start=40, end=52)])
    assert len(other) == 2
