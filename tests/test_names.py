"""When two names are one entity: the look-ups of checker.names on invented sources."""

from __future__ import annotations

from checker import wordnet
from checker.align import key
from checker.claim_content import same_content
from checker.check import source_index
from checker.names import acronym_of_source, demonym_places, known, norm_name


def index_of(pipeline, text):
    from checker.load import load_text

    art = load_text(text, doc_id="s")
    return source_index([art], pipeline.claims(art))


def test_acronyms_spelled_out_in_the_source_are_known():
    text = "the chief operating officer of the national grid company left on friday."
    assert acronym_of_source("coo", text)
    assert not acronym_of_source("cfo", text)
    assert not acronym_of_source("abc", "a big cat sat")  # one-letter words do not count


def test_ampersand_and_and_name_the_same_body(pipeline):
    idx = index_of(pipeline, "Harlow and Finch Ltd opened a bakery in Denby on Monday.")
    assert known(norm_name("Harlow & Finch Ltd"), idx)


def test_a_plural_possessive_is_keyed_as_its_word():
    # "the Ledbury Anglers' Guild" normalised drops the apostrophe; the source keeps it
    assert key("anglers'") == key("anglers") == key("angler")
    assert key("angler's") == key("angler")


def test_a_demonym_is_known_when_the_source_names_its_country(pipeline):
    wn = wordnet.get()
    assert "france" in demonym_places("french", wn)
    idx = index_of(pipeline, "A ferry from France docked at Dover after a storm on Sunday.")
    assert known("french", idx, wn)
    assert not known("spanish", idx, wn)


def test_the_parts_of_a_joined_name_are_no_shared_content(claims_of):
    derived = claims_of("Marl-Dunne is ranked 90th.")[0]
    source = claims_of("Marl-Dunne could still play in qualifying, her lawyer said.")[0]
    assert not same_content(derived, source)
    assert same_content(claims_of("Marl-Dunne could still play in qualifying.")[0], source)


def test_a_common_noun_opening_a_sentence_is_no_unknown_name(pipeline):
    # The entity reader sometimes calls a sentence's capitalised first word a name in a
    # longer text ("Breaches of the rules ..."); the tagger's common noun there wins, while a
    # name in the same place is still unknown.
    from dataclasses import replace

    from checker.align import align
    from checker.check import source_index
    from checker.config import Config
    from checker.lexicon import load_lexicon
    from checker.load import load_text
    from checker.names import unknown_entities
    from checker.records import Entity
    from checker.rules.base import Context

    src = load_text("Firms found in breach of the rules face fines.", doc_id="s")
    der = load_text("Penalties can reach a tenth of turnover. Harwood Ltd was fined.", doc_id="d")
    dcs, scs = pipeline.claims(der), pipeline.claims(src)
    noun = replace(dcs[0], entities=(Entity("Penalties", "ORG", "penalties", dcs[0].start,
                                            dcs[0].start + 9),))
    name = replace(dcs[1], entities=(Entity("Harwood Ltd", "ORG", "harwood ltd", dcs[1].start,
                                            dcs[1].start + 11),))
    index = source_index([src], scs)
    ctx = Context(derived=der, sources=(src,), derived_claims=(noun, name), index=index,
                  alignments={a.derived: a for a in align((noun, name), index)},
                  lexicon=load_lexicon({}), config=Config(), doc_of={"s": src})
    assert [ent.text for _dc, ent, _sc, _alt in unknown_entities(ctx)] == ["Harwood Ltd"]


def test_a_name_beside_the_source_claims_noun_names_what_it_describes():
    # DE401's guard, on its own: the derived claim sets the name beside a common noun of
    # the source claim ("the grounded trawler Ailsa Moor" for "a trawler grounded on a
    # sandbank"), and a source sets the name beside that noun too.
    from types import SimpleNamespace

    from checker.records import Entity
    from checker.rules.entity_changed import _named_beside_its_noun

    text = "Diesel from the grounded trawler Ailsa Moor has reached two coves."
    at = text.index("Ailsa")
    dc = SimpleNamespace(text=text, start=0)
    ent = Entity("Ailsa Moor", "ORG", "ailsa moor", at, at + len("Ailsa Moor"))
    sc = SimpleNamespace(text="Diesel leaking from a trawler grounded off the coast has "
                              "reached two coves")
    named = SimpleNamespace(source_text="The trawler Ailsa Moor ran onto a sandbank. " + sc.text)
    unnamed = SimpleNamespace(source_text="Ailsa Moor, a trawler, ran aground. " + sc.text)
    assert _named_beside_its_noun(named, dc, ent, sc)
    assert not _named_beside_its_noun(unnamed, dc, ent, sc)
