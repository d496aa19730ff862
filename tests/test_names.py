"""When two names are one entity: the look-ups of checker.names on invented sources."""

from __future__ import annotations

from checker import wordnet
from checker.attribution import same_content
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
