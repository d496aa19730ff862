"""Parts of the attribution rules tested on their own, where a whole text rarely reaches
them: the aligner must hand DA102 a particular set of passages."""

from __future__ import annotations

from checker.align import align
from checker.check import source_index
from checker.config import Config
from checker.lexicon import load_lexicon
from checker.load import load_text
from checker.party_kinds import one_public_group
from checker import speaker_credit
from checker.rules.base import Context
from checker.same_source import same_source
from checker.wordnet import WordNet

SOURCE = ("Tenants say the lifts at Orme House were out of order for the first three weeks "
          "while a contractor replaced the cables. A surveyor's report, dated 9 June, says "
          "about 60 repair requests were logged at Orme House between 2 May and 23 May, when "
          "the cables were replaced.")
DERIVED = ("Tenants say the lifts at Orme House were out of order for three weeks, until the "
           "cables were replaced on 23 May.")


def _context(pipeline, derived: str, source: str):
    der = load_text(derived, doc_id="d")
    src = load_text(source, doc_id="s")
    dcs, scs = pipeline.claims(der), pipeline.claims(src)
    index = source_index([src], scs)
    return Context(derived=der, sources=(src,), derived_claims=tuple(dcs), index=index,
                   alignments={a.derived: a for a in align(dcs, index)},
                   lexicon=load_lexicon({}), config=Config(), doc_of={"s": src}), dcs, scs


def test_a_merged_sentence_keeps_its_speakers_credit(pipeline):
    ctx, dcs, scs = _context(pipeline, DERIVED, SOURCE)
    dc = next(c for c in dcs if "lifts" in c.text)
    tenants = next(c for c in scs if "out of order" in c.text)
    report = next(c for c in scs if "repair requests" in c.text)
    verbs = frozenset(ctx.lexicon.words["attribution_verbs"])
    part = speaker_credit.credited_in_part
    # the tenants' passage credits the derived speaker; the report's credits another
    assert part(ctx, dc, [report, tenants], "Tenants", verbs)
    assert not part(ctx, dc, [report], "Tenants", verbs)
    # a description ("the group") is no name: it is judged by the rule's other tests
    assert not part(ctx, dc, [report, tenants], "the group", verbs)


def test_public_groups():
    wn = WordNet.packaged()
    assert one_public_group("Riders", "Cyclists", wn)  # a cyclist is a rider
    assert one_public_group("Local tenants", "Tenants", wn)
    assert not one_public_group("Councillors", "Residents", wn)
    assert not one_public_group("The tenants", "Tenants", wn)  # a determiner: a group named
    assert not one_public_group("Tenants", "Orme Tenants", wn)  # a name
    assert not one_public_group("Reports", "Tenants", wn)  # no people


def test_two_people_who_share_a_title_are_two_sources():
    described = "Dr Anselm Kray, the institute's chief scientist"
    assert not same_source(described, "Dr Maren Holt")
    assert same_source(described, "Anselm Kray")
    assert same_source("Harrowby City Council", "Harrowby Council")


def test_a_by_after_a_verb_names_its_doer_not_the_records_author(claims_of):
    # "a survey of clinics run by Harlow Opticians": the chain runs the clinics; "a survey
    # by the guild": the guild is the survey's author.
    from checker.descriptions import subject_credit

    verbs = frozenset({"find"})
    ran, = [c for c in claims_of("A survey of 30 clinics run by Harlow Opticians found "
                                 "prices within £20 of each other.") if c.predicate == "find"]
    by, = [c for c in claims_of("A survey by the Dental Guild found that prices had risen.")
           if c.predicate == "find"]
    assert subject_credit(ran, verbs, verbs) == ""
    assert subject_credit(by, verbs, verbs) == "the Dental Guild"
