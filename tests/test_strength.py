"""Claim strength (checker.strength) and the rules built on it, DC220 and DC221."""

from __future__ import annotations

import json

import pytest

from checker.errors import ConfigError
from checker.records import Certainty, Claim, Cue, Word
from checker.strength import (claim_strength, load_strength_lexicon, parse_strength_lexicon,
                              text_strength)

# --- the lexicon -------------------------------------------------------------------------------


def test_shipped_lexicon_has_every_role():
    lex = load_strength_lexicon()
    for role in ("correlational", "comparison", "causal", "conditional", "recommendation"):
        assert lex.entries(role), role
    assert ("associate",) in lex.entries("correlational")
    assert ("lead", "to") in lex.entries("causal")
    assert "may" in lex.words("conditional")


def test_lexicon_format_errors():
    with pytest.raises(ConfigError, match="expected a role"):
        parse_strength_lexicon("[nonsense]\nword\n")
    with pytest.raises(ConfigError, match="before any"):
        parse_strength_lexicon("# header\nword\n")
    lex = parse_strength_lexicon("# header\n[causal]\nLead to\n\n[conditional]\nmay\n")
    assert lex.entries("causal") == (("lead", "to"),)
    assert lex.entries("correlational") == ()


# --- claim_strength on hand-built claims (no model) -------------------------------------------


def make_claim(text: str, tags: dict[str, tuple[str, str]], *, hedges=(),
               offset: int = 10) -> Claim:
    """A claim whose content words are the words of ``tags`` (word -> (lemma, POS))."""
    words, pos = [], 0
    for token in text.replace(".", " ").split():
        start = text.index(token, pos)
        pos = start + len(token)
        if token in tags:
            lemma, tag = tags[token]
            words.append(Word(offset + start, offset + pos, token, lemma, tag))
    cues = tuple(Cue(h, "hedge", offset + text.index(h), offset + text.index(h) + len(h), 0.3)
                 for h in hedges)
    return Claim(id="c1", doc_id="d", start=offset, end=offset + len(text), text=text,
                 sent_start=offset, sent_end=offset + len(text), sentence=text,
                 unit_kind="paragraph", subject="", predicate="", predicate_text="", object="",
                 negated=False, attribution=None, certainty=Certainty(0.7, hedges=cues),
                 words=tuple(words))


NOUNS = {w: (w.lower().rstrip("s"), "NOUN") for w in
         ("Coffee", "coffee", "drinkers", "risk", "disease", "pain", "Exercise", "mortality")}


def test_direct_causal_verb_is_3_with_offsets():
    c = make_claim("Coffee reduces the risk of disease", {**NOUNS, "reduces": ("reduce", "VERB")})
    strength, cue = claim_strength(c)
    assert strength == 3
    assert (cue.text, cue.role) == ("reduces", "causal")
    assert (cue.start, cue.end) == (17, 24)


def test_hedged_causal_verb_is_2_and_cue_spans_the_hedge():
    c = make_claim("Coffee may reduce the risk of disease",
                   {**NOUNS, "reduce": ("reduce", "VERB")}, hedges=("may",))
    assert claim_strength(c)[0] == 2
    assert claim_strength(c)[1].text == "may reduce"


def test_association_is_1_and_wins_over_what_it_is_with():
    c = make_claim("Exercise was associated with reduced mortality",
                   {**NOUNS, "associated": ("associate", "VERB"), "reduced": ("reduce", "VERB")})
    strength, cue = claim_strength(c)
    assert (strength, cue.text, cue.role) == (1, "associated", "correlational")


def test_modifier_and_recommendation_are_not_causes():
    attributive = make_claim("Drinkers had an increased risk",
                             {**NOUNS, "increased": ("increase", "VERB")})
    assert claim_strength(attributive)[0] == 0
    need = make_claim("Trials are needed to show whether exercise reduces pain",
                      {**NOUNS, "reduces": ("reduce", "VERB"), "needed": ("need", "VERB")})
    assert claim_strength(need) == (0, None)


def test_adjective_comparative_is_not_a_causal_verb():
    c = make_claim("Mortality was lower in drinkers", {**NOUNS, "lower": ("low", "ADJ")})
    strength, cue = claim_strength(c)
    assert strength == 1 and cue.role == "comparison"


def test_text_strength_takes_the_strongest_claim():
    weak = make_claim("Coffee is linked to disease", {**NOUNS, "linked": ("link", "VERB")})
    strong = make_claim("Coffee causes disease", {**NOUNS, "causes": ("cause", "VERB")})
    assert text_strength([weak, strong])[0] == 3
    assert text_strength([weak])[0] == 1
    assert text_strength([]) == (0, None)


# --- end to end through the real pipeline ----------------------------------------------------


@pytest.mark.parametrize("sentence,expected", [
    ("Eating oily fish twice a week is associated with fewer migraines.", 1),
    ("Smokers were twice as likely to develop the disease.", 1),
    ("Daily stretching may protect against back pain in older cyclists.", 2),
    ("These results suggest that exercise reduces pain in older adults.", 2),
    ("Resveratrol supplementation increased antioxidant levels in patients.", 3),
    ("The new drug did not improve survival.", 3),
    ("Further studies are needed to confirm whether the drug reduces pain.", 0),
    ("The council met on Tuesday to discuss the budget.", 0),
])
def test_strength_of_real_sentences(claims_of, sentence, expected):
    assert text_strength(claims_of(sentence))[0] == expected


def codes(result):
    return [f.code for f in result.findings if f.code in ("DC220", "DC221")]


def test_raised_finding_names_both_cues(check_texts):
    src = "Eating oily fish twice a week is associated with fewer migraines."
    result = check_texts("Eating oily fish twice a week prevents migraines.", src)
    [f] = [f for f in result.findings if f.code == "DC220"]
    assert f.kind == "certainty-raised"
    assert '("prevents")' in f.message and '("associated")' in f.message
    assert f.evidence and f.evidence[0].text.startswith("Eating oily fish twice a week is")
    assert 0.6 <= f.confidence <= 0.8


def test_lowered_from_direct_to_possible(check_texts):
    src = "The new drug reduces blood pressure in older patients."
    result = check_texts("The new drug might reduce blood pressure in older patients.", src)
    assert codes(result) == ["DC221"]
    [f] = [f for f in result.findings if f.code == "DC221"]
    assert f.kind == "certainty-lowered" and '("might reduce")' in f.message


def test_same_strength_and_unrelated_texts_stay_quiet(check_texts):
    src = "Eating oily fish twice a week is associated with fewer migraines."
    told = "People who eat oily fish twice a week are less likely to get migraines."
    assert codes(check_texts(told, src)) == []
    assert codes(check_texts("The council cut the library budget.", src)) == []


def test_news_changes_of_voice_are_not_strength_drift(check_texts):
    src = "The company raised prices by 5% in March, the chief executive said."
    assert codes(check_texts("Prices were raised in March.", src)) == []
    src = "Prices were raised in March, the company said."
    assert codes(check_texts("The company raised prices in March.", src)) == []


def test_direct_cause_over_a_bare_description_is_not_raised(check_texts):
    # The source states no relation at all: that is unsupported content, not raised strength.
    src = "The trial enrolled 400 patients with high blood pressure."
    assert codes(check_texts("The drug reduces blood pressure in patients.", src)) == []


# --- measurement on the shared benchmarks (skipped without ../shared) -------------------------


def _macro_f1(gold, pred, labels):
    scores = []
    for k in labels:
        tp = sum(g == k == p for g, p in zip(gold, pred))
        fp = sum(g != k and p == k for g, p in zip(gold, pred))
        fn = sum(g == k and p != k for g, p in zip(gold, pred))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def test_pubmed_claim_strength_sample(shared_dir, pipeline):
    from checker.config import Config
    from checker.load import load_text

    path = shared_dir / "benchmarks" / "claim-strength-pubmed.jsonl"
    if not path.is_file():
        pytest.skip("claim-strength-pubmed.jsonl is not present")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()][::6]
    lenient = Config(min_english_ratio=0.0)  # abbreviation-heavy sentences fail the check
    arts = [load_text(r["sentence"], doc_id=f"pubmed-{i}", config=lenient)
            for i, r in enumerate(rows)]
    pred = [text_strength(cs)[0] for cs in pipeline.claims_many(arts)]
    assert _macro_f1([r["label"] for r in rows], pred, range(4)) >= 0.65


def test_insciout_verdicts(shared_dir, pipeline):
    from checker.bench import INSCIOUT_LABELS, insciout_verdict
    from checker.load import load_text

    path = shared_dir / "benchmarks" / "insciout-dev.jsonl"
    if not path.is_file():
        pytest.skip("insciout-dev.jsonl is not present")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    pred = []
    for i, r in enumerate(rows):
        result = pipeline.check(load_text(r["press_release_conclusion"], doc_id=f"pr-{i}"),
                                [load_text(r["abstract_conclusion"], doc_id=f"ab-{i}")])
        pred.append(insciout_verdict((f.kind, f.confidence) for f in result.findings))
    assert _macro_f1([r["exaggeration_label"] for r in rows], pred, INSCIOUT_LABELS) >= 0.5
