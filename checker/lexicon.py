"""Load the word lists in ``checker/lexicons/`` into one frozen ``Lexicon``, plus user extensions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from checker.errors import ConfigError
from checker.records import memo_on

LEXICON_DIR = Path(__file__).with_name("lexicons")

# name in the configuration -> file stem
FILES = {
    "attribution_verbs": "attribution_verbs",
    "attribution_nouns": "attribution_nouns",
    "attribution_adverbs": "attribution_adverbs",
    "attribution_passive": "attribution_passive",
    "attribution_generic": "attribution_generic",
    "hedges": "hedges",
    "hedge_lookalikes": "hedge_lookalikes",
    "attempts": "attempts",
    "boosters": "boosters",
    "factive": "factive",
    "nonfactive": "nonfactive",
    "causal": "connectives_causal",
    "temporal": "connectives_temporal",
    "order_earlier": "order_earlier",
    "order_later": "order_later",
    "intention_nouns": "intention_nouns",
    "effort_nouns": "effort_nouns",
    "effort_closers": "effort_closers",
    "negations": "negations",
    "negation_lookalikes": "negation_lookalikes",
    "scope": "scope",
    "quantifier_ranks": "quantifier_ranks",
    "antonyms": "antonyms",
    "antonym_lookalikes": "antonym_lookalikes",
    "readiness_words": "readiness_words",
    "paraphrases": "paraphrases",
    "negative_prefixes": "negative_prefixes",
    "prefix_lookalikes": "prefix_lookalikes",
    "answer_verbs": "answer_verbs",
    "answer_objects": "answer_objects",
    "future_frames": "future_frames",
    "future_modals": "future_modals",
    "judging_verbs": "judging_verbs",
    "account_nouns": "account_nouns",
    "exchange_verbs": "exchange_verbs",
    "admission_verbs": "admission_verbs",
    "challenges": "challenges",
    "caveat_verbs": "caveat_verbs",
    "explanation_verbs": "explanation_verbs",
    "document_nouns": "document_nouns",
    "finders_records": "finders_records",
    "record_qualifiers": "record_qualifiers",
    "change_size_cues": "change_size_cues",
    "schedule_participles": "schedule_participles",
    "comparison_marks": "comparison_marks",
    "club_name_words": "club_name_words",
    "change_directions": "change_directions",
    "procedure_officers": "procedure_officers",
    "estimate_verbs": "estimate_verbs",
    "executive_titles": "executive_titles",
    "acknowledging_verbs": "acknowledging_verbs",
    "state_bodies": "state_bodies",
    "running_verbs": "running_verbs",
    "scheduled_deeds": "scheduled_deeds",
    "asking_verbs": "asking_verbs",
    "settling_verbs": "settling_verbs",
    "deed_verbs": "deed_verbs",
    "label_nouns": "label_nouns",
    "departure_verbs": "departure_verbs",
    "addressee_verbs": "addressee_verbs",
    "privative_phrases": "privative_phrases",
    "privative_verbs": "privative_verbs",
    "plan_frames": "plan_frames",
    "schedule_verbs": "schedule_verbs",
    "timetable_expectations": "timetable_expectations",
    "duration_verbs": "duration_verbs",
    "timing_verbs": "timing_verbs",
    "timetable_events": "timetable_events",
    "time_bounds": "time_bounds",
    "money_taking_verbs": "money_taking_verbs",
    "finding_nouns": "finding_nouns",
    "post_verbs": "post_verbs",
    "attempt_infinitive_only": "attempt_infinitive_only",
    "range_words": "range_words",
    "dating_words": "dating_words",
    "degree_adverbs": "degree_adverbs",
    "hearing_verbs": "hearing_verbs",
    "preventing_verbs": "preventing_verbs",
    "refusing_phrasals": "refusing_phrasals",
    "pronouns_first_person": "pronouns_first_person",
    "approximators": "approximators",
    "currency_subunits": "currency_subunits",
    "measure_units": "measure_units",
    "negative_verbs": "negative_verbs",
    "dispute_words": "dispute_words",
    "prepositions": "prepositions",
    "finding_verbs": "finding_verbs",
    "gendered_words": "gendered_words",
    "expert_nouns": "expert_nouns",
    "former": "former",
    "concessives": "concessives",
    "limitations": "limitations",
    "titles": "titles",
    "public_offices": "public_offices",
    "title_modifiers": "title_modifiers",
    "widening": "widening",
    "place_scales": "place_scales",
    "disclosure_verbs": "disclosure_verbs",
    "superlatives": "superlatives",
    "superlative_lookalikes": "superlative_lookalikes",
    "coordinators": "coordinators",
    "light_verbs": "light_verbs",
    "converse_verbs": "converse_verbs",
    "be_forms": "be_forms",
    "decided_deeds": "decided_deeds",
    "called_off_deeds": "called_off_deeds",
    "event_holders": "event_holders",
    "period_styles": "period_styles",
    "exception_marks": "exception_marks",
    "event_nouns": "event_nouns",
    "residence_verbs": "residence_verbs",
    "charging_verbs": "charging_verbs",
    "place_clause_openers": "place_clause_openers",
    "launch_verbs": "launch_verbs",
    "doubt_before_phrases": "doubt_before_phrases",
    "pending_marks": "pending_marks",
    "open_conditions": "open_conditions",
    "irregular_said": "irregular_said",
    "auxiliary_forms": "auxiliary_forms",
    "relative_time_words": "relative_time_words",
    "all_idioms": "all_idioms",
    "auxiliaries": "auxiliaries",
    "house_sources": "house_sources",
    "speech_verbs": "speech_verbs",
    "characterising_verbs": "characterising_verbs",
    "pronouns_person": "pronouns_person",
    "pronouns_thing": "pronouns_thing",
    "pronouns_referring": "pronouns_referring",
    "pronouns_subject": "pronouns_subject",
    "deictics": "deictics",
    "determiners": "determiners",
    "possessives": "possessives",
    "crediting_prepositions": "crediting_prepositions",
    "vague_sources": "vague_sources",
    "witness_phrases": "witness_phrases",
    "people_nouns": "people_nouns",
    "relative_pronouns": "relative_pronouns",
    "relative_adverbs": "relative_adverbs",
    "funding_verbs": "funding_verbs",
    "name_forms": "name_forms",
    "open_bounds": "open_bounds",
    "question_words": "question_words",
    "anonymity_phrases": "anonymity_phrases",
    "citing_words": "citing_words",
    "compelling_verbs": "compelling_verbs",
    "indefinite_sources": "indefinite_sources",
    "stand_ins": "stand_ins",
    "corporate_nouns": "corporate_nouns",
    "voluntary_body_nouns": "voluntary_body_nouns",
    "council_executive_posts": "council_executive_posts",
    "sample_words": "sample_words",
    "document_moves": "document_moves",
    "duration_prepositions": "duration_prepositions",
    "idiom_one_units": "idiom_one_units",
    "purpose_modals": "purpose_modals",
    "object_negators": "object_negators",
    "part_words": "part_words",
    "whole_words": "whole_words",
    "council_tiers": "council_tiers",
    "wish_verbs": "wish_verbs",
    "public_body_heads": "public_body_heads",
    "outlet_heads": "outlet_heads",
    "place_prepositions": "place_prepositions",
    "effect_verbs": "effect_verbs",
    "silence_phrases": "silence_phrases",
    "party_voices": "party_voices",
    "official_sources": "official_sources",
    "statistics_nouns": "statistics_nouns",
    "record_closings": "record_closings",
    "statistics_owners": "statistics_owners",
    "neutral_report_verbs": "neutral_report_verbs",
    "non_person_heads": "non_person_heads",
    "body_roles": "body_roles",
    "function_words": "function_words",
    "reciprocal_verbs": "reciprocal_verbs",
    "generic_words": "generic_words",
    "figure_words": "figure_words",
    "months": "months",
    "weekdays": "weekdays",
    "not_name_words": "not_name_words",
    "contrast_marks": "contrast_marks",
    "circumstance_marks": "circumstance_marks",
    "condition_marks": "condition_marks",
    "party_phrases": "party_phrases",
    "publication_phrases": "publication_phrases",
    "number_units": "number_units",
    "number_tens": "number_tens",
    "number_scales": "number_scales",
    "number_ordinals": "number_ordinals",
    "number_fractions": "number_fractions",
    "fraction_denominators": "fraction_denominators",
    "currencies": "currencies",
    "day_parts": "day_parts",
    "durations": "durations",
    "figure_skips": "figure_skips",
    "age_words": "age_words",
    "figure_fillers": "figure_fillers",
    "passing_verbs": "passing_verbs",
    "inference_verbs": "inference_verbs",
    "item_negators": "item_negators",
    "figure_anchors": "figure_anchors",
    "english_markers": "english_markers",
    "foreign_markers": "foreign_markers",
    "party_openers": "party_openers",
    "adverb_negators": "adverb_negators",
    "name_fillers": "name_fillers",
    "definite_openers": "definite_openers",
    "articles": "articles",
    "relation_prepositions": "relation_prepositions",
    "period_pointers": "period_pointers",
    "obligation_modals": "obligation_modals",
    "rate_words": "rate_words",
    "causatives": "causatives",
    "change_words": "change_words",
    "steady_verbs": "steady_verbs",
    "steady_states": "steady_states",
    "span_bounds": "span_bounds",
    "over_reason_verbs": "over_reason_verbs",
    "report_verb_particles": "report_verb_particles",
    "date_anchors": "date_anchors",
    "indefinite_articles": "indefinite_articles",
    "phase_verbs": "phase_verbs",
    "necessity_verbs": "necessity_verbs",
    "ability_words": "ability_words",
    "ruling_verbs": "ruling_verbs",
    "reason_phrases": "reason_phrases",
    "place_heads": "place_heads",
    "rank_areas": "rank_areas",
    "run_words": "run_words",
    "response_cues": "response_cues",
    "near_wholes": "near_wholes",
    "temperature_scales": "temperature_scales",
    "gap_words": "gap_words",
    "falsity_words": "falsity_words",
    "range_joiners": "range_joiners",
    "item_nouns": "item_nouns",
    "both_sides_nouns": "both_sides_nouns",
    "stretch_nouns": "stretch_nouns",
    "burden_nouns": "burden_nouns",
    "clause_subordinators": "clause_subordinators",
    "year_shifts": "year_shifts",
    "looking_ahead": "looking_ahead",
    "obtaining_verbs": "obtaining_verbs",
    "acquiring_verbs": "acquiring_verbs",
    "honorifics": "honorifics",
    "rating_verbs": "rating_verbs",
    "share_nouns": "share_nouns",
    "ceiling_phrases": "ceiling_phrases",
    "assent_words": "assent_words",
    "pending_words": "pending_words",
    "multiplier_verbs": "multiplier_verbs",
    "noun_homographs": "noun_homographs",
    "force_nouns": "force_nouns",
    "force_ranks": "force_ranks",
    "shell_nouns": "shell_nouns",
    "agency_heads": "agency_heads",
    "council_heads": "council_heads",
    "member_bodies": "member_bodies",
}

# Roles read once at import through ``shipped`` by code that holds no ``Lexicon`` (the
# aligner's keys, source names, dates, the number and figure readers, the English check):
# the configuration cannot extend them.
FIXED = frozenset({"ceiling_phrases", "generic_words", "figure_words", "months", "weekdays",
                   "residence_verbs", "charging_verbs", "place_clause_openers",
                   "doubt_before_phrases", "pending_marks", "open_conditions",
                   "irregular_said", "auxiliary_forms", "relative_time_words",
                   "all_idioms",
                   "pronouns_subject", "deictics", "determiners", "possessives",
                   "crediting_prepositions",
                   "vague_sources", "indefinite_sources", "not_name_words", "be_forms",
                   "approximators", "currency_subunits", "measure_units",
                   "number_units", "number_tens", "number_scales", "number_ordinals",
                   "number_fractions", "fraction_denominators", "currencies", "day_parts",
                   "durations", "figure_skips", "age_words", "figure_fillers", "figure_anchors",
                   "english_markers", "foreign_markers", "party_openers", "adverb_negators",
                   "party_voices", "corporate_nouns", "voluntary_body_nouns", "council_tiers",
                   "council_executive_posts", "sample_words", "document_moves",
                   "duration_prepositions", "idiom_one_units", "purpose_modals",
                   "object_negators", "part_words", "whole_words", "passing_verbs",
                   "item_negators",
                   "wish_verbs",
                   "witness_phrases", "rank_areas", "run_words", "item_nouns",
                   "both_sides_nouns", "stretch_nouns", "burden_nouns",
                   "clause_subordinators", "response_cues", "near_wholes",
                   "temperature_scales", "gap_words", "range_joiners",
                   "falsity_words",
                   "name_fillers", "definite_openers", "articles", "indefinite_articles",
                   "place_prepositions", "phase_verbs", "necessity_verbs", "ability_words",
                   "anonymity_phrases",
                   "multiplier_verbs", "year_shifts", "looking_ahead", "time_bounds",
                   "span_bounds", "readiness_words"})


@dataclass(frozen=True)
class Lexicon:
    """Every word list by role: single words map to a value, phrases are tuples of words."""

    words: Mapping[str, Mapping[str, str]]  # role -> {entry: value}
    phrases: Mapping[str, tuple[tuple[str, ...], ...]]  # role -> multi-word entries
    antonyms: frozenset  # frozenset of frozenset({a, b})

    def has(self, role: str, word: str) -> bool:
        return word in self.words.get(role, {})

    def value(self, role: str, word: str, default: str = "") -> str:
        return self.words.get(role, {}).get(word, default)

    def weight(self, role: str, word: str, default: float = 0.3) -> float:
        v = self.words.get(role, {}).get(word, "")
        try:
            return float(v) if v else default
        except ValueError:
            return default

    def phrase_in(self, role: str, words) -> bool:
        """A multi-word entry of ``role`` occurs in ``words`` (lower-case words in order)."""
        words = tuple(words)
        return any(words[i:i + len(p)] == p for p in self.phrases.get(role, ())
                   for i in range(len(words) - len(p) + 1))

    def entries(self, role: str) -> frozenset:
        """Every entry of a role, single words and phrases (words joined by a space) alike."""
        return memo_on(self, f"_entries_{role}", lambda: frozenset(self.words.get(role, {})) | {
            " ".join(p) for p in self.phrases.get(role, ())})

    def are_antonyms(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.antonyms

    def antonyms_of(self, word: str) -> frozenset:
        """Every listed opposite of ``word``."""
        def build() -> dict[str, frozenset]:
            built: dict[str, set] = {}
            for pair in self.antonyms:
                words = tuple(pair)
                if len(words) == 2:
                    built.setdefault(words[0], set()).add(words[1])
                    built.setdefault(words[1], set()).add(words[0])
            return {k: frozenset(v) for k, v in built.items()}

        return memo_on(self, "_antonym_table", build).get(word, frozenset())


def _read(stem: str) -> list[tuple[str, str]]:
    path = LEXICON_DIR / f"{stem}.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        entry, _, value = line.partition("\t")
        out.append((entry.strip().lower(), value.strip()))
    return out


@lru_cache(maxsize=8)
def _base() -> dict[str, list[tuple[str, str]]]:
    return {role: _read(stem) for role, stem in FILES.items()}


@lru_cache(maxsize=None)
def shipped(role: str) -> frozenset:
    """The shipped entries of one role, read once per process: for module-level constants
    where no ``Lexicon`` is at hand. The configuration's ``lexicon_extra`` does not reach
    these; code that holds a ``Lexicon`` reads the role from it instead."""
    return frozenset(entry for entry, _ in _base()[role])


@lru_cache(maxsize=None)
def shipped_values(role: str) -> tuple[tuple[str, str], ...]:
    """The shipped entries of one role with their values, in file order (month numbers)."""
    return tuple(_base()[role])


def load_lexicon(extra: Mapping[str, object] | None = None) -> Lexicon:
    """The shipped lexicons extended by ``extra`` ({role: [entries]}; "word<TAB>value" allowed)."""
    extra = dict(extra or {})
    unknown = set(extra) - set(FILES) - {"furniture"}
    if unknown:
        raise ConfigError(f"unknown lexicon roles in configuration: {', '.join(sorted(unknown))}; "
                          f"known: {', '.join(sorted(FILES))}")
    fixed = sorted(role for role in extra if role in FIXED)
    if fixed:
        raise ConfigError(f"lexicon roles {', '.join(fixed)} are read once at start-up and "
                          f"cannot be extended through the configuration")
    words: dict[str, dict[str, str]] = {}
    phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
    antonyms = set()
    for role, entries in _base().items():
        merged = list(entries)
        for item in extra.get(role, []) or []:
            if not isinstance(item, str):
                raise ConfigError(f"lexicon entries must be strings, got {item!r} in {role}")
            entry, _, value = item.partition("\t")
            merged.append((entry.strip().lower(), value.strip()))
        if role == "antonyms":
            for entry, value in merged:
                if value:
                    antonyms.add(frozenset((entry, value)))
            continue
        words[role] = {e: v for e, v in merged if " " not in e}
        phrases[role] = tuple(tuple(e.split()) for e, _ in merged if " " in e)
    return Lexicon(words=words, phrases=phrases, antonyms=frozenset(antonyms))

def partitive_pronoun(word: str, lexicon) -> bool:
    """A pronoun a scope word takes part of ("most of *them*", "some of *those*"): the
    pronouns_referring and deictics lists. Shared by the extractor and DS951."""
    return lexicon.has("pronouns_referring", word) or lexicon.has("deictics", word)

