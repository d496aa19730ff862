"""Turn parsed articles into claims: the article and sentence walk and the building of each
claim; clause splitting lives in ``clauses``, the attribution and reading parts in
``speakers``, ``reading``, ``negation_certainty``, ``markers`` and ``quantities``."""

from __future__ import annotations

import re
from dataclasses import replace

from checker.credits import credit_patterns
from checker.extract.common import (
    CONTENT_POS,
    NAME_LABELS,
    _State,
    _doc_text,
    _shift_attr,
    _shift_certainty,
    name_slot,
)
from checker.extract.phrases import _vocab
from checker.extract.clauses import ClauseSplitter
from checker.extract.markers import MarkerReader
from checker.extract.reading import ClaimReader
from checker.extract.quote_speakers import QuoteSpeakerReader
from checker.extract.referents import ReferentMemory
from checker.extract.reparse_tense import lift_present_conj_from_report
from checker.extract.reparse import (lift_conj_from_as_clause, lift_conj_from_relative,
                                     lift_counted_subject_verb, lift_modifying_verb,
                                     lift_reported_participle,
                                     lift_verb_after_apposition,
                                     lift_verb_after_reduced_relative,
                                     lift_verb_after_stranded_preposition, lift_with_speaker)
from checker.extract.reparse_reported import (lift_clause_from_relative_report,
                                              lift_conj_from_saying_clause,
                                              lift_clause_read_as_modifier,
                                              lift_clause_read_as_object,
                                              lift_subject_read_as_object,
                                              lift_clause_read_as_relative,
                                              lift_condition_from_speaker,
                                              lift_figure_read_as_object,
                                              lift_second_that_clause,
                                              lift_that_clause_after_aside)
from checker.extract.reparse_according import (lift_according_appositive,
                                               lift_according_from_relative,
                                               lift_cause_from_according,
                                               lift_subject_from_according,
                                               lift_verb_read_as_participle)
from checker.extract.reparse_speakers import (lift_adding_participle,
                                              lift_participle_to_relative,
                                              lift_report_before_semicolon,
                                              lift_speaker_after_semicolon,
                                              lift_speaker_from_aside, lift_trailing_speaker,
                                              lift_appositive_speaker,
                                              lift_joined_speaker,
                                              lift_whose_speaker)
from checker.extract.reparse_subjects import lift_nearer_speaker
from checker.extract.reparse_tags import (lift_have_over_noun_root, lift_name_read_as_adverb,
                                          lift_neither_subject, lift_noun_read_as_auxiliary,
                                          lift_noun_read_as_verb, lift_root_verb_read_as_noun,
                                          lift_scale_read_as_verb, lift_split_hyphen_word,
                                          lift_subject_head_read_as_verb,
                                          lift_subject_read_as_compound, lift_verb_read_as_noun)
from checker.extract.frames import FrameReader
from checker.extract.quantities import QuantityReader
from checker.extract.speakers import SpeakerReader
from checker.extract.tokens import DocView
from checker.lexicon import Lexicon
from checker.names import norm_name
from checker.parse import ParsedArticle
from checker.records import Claim, Entity, Quote, Word
from checker.units import is_measure_unit


class Extractor(SpeakerReader, FrameReader, QuoteSpeakerReader, ReferentMemory, ClaimReader,
                MarkerReader, QuantityReader, ClauseSplitter):
    """Extracts ``Claim`` records from a ``ParsedArticle`` using one ``Lexicon``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        w = lexicon.words
        self.report_verbs = set(w["attribution_verbs"])
        self.report_nouns = set(w["attribution_nouns"])
        self.answer_verbs = set(w["answer_verbs"])
        self.determiners = frozenset(w["determiners"])
        self.attr_adverbs = set(w["attribution_adverbs"])
        self.passive_verbs = set(w["attribution_passive"])
        self.addressee_verbs = frozenset(w["addressee_verbs"])
        self.condition_marks = frozenset(w["condition_marks"])
        self.hedges = w["hedges"]
        self.attempts = w["attempts"]
        self.boosters = w["boosters"]
        self.factive = set(w["factive"])
        # verbs that close a sentence as its frame ("..., the board said", "..., the survey
        # found"): saying, and finding (finding_verbs.txt and the factive verbs)
        self.finding_verbs = frozenset(set(w["finding_verbs"]) | self.factive)
        self.closing_verbs = frozenset(self.report_verbs | self.finding_verbs)
        self.nonfactive = set(w["nonfactive"])
        self.causal = set(w["causal"])
        self.temporal = set(w["temporal"])
        self.scope = w["scope"]
        self.speech_verbs = w["speech_verbs"]
        self.characterising_verbs = frozenset(w["characterising_verbs"])
        self.pronouns_person = w["pronouns_person"]
        self.pronouns_thing = w["pronouns_thing"]
        self.pronouns = set(self.pronouns_person) | set(self.pronouns_thing)
        self.contrast_marks = set(w["contrast_marks"])
        # Every word (as written or as lemma) the token walks of _certainty, _links, _scope
        # and _attribution act on: a claim with none of them skips the walk
        self.certainty_words = frozenset().union(self.hedges, self.attempts, self.boosters,
                                                 self.factive, self.nonfactive,
                                                 self.lex.words.get("asking_verbs", ()))
        # (a verb of asking with a thing asked for and its "to" verb: "asked for powers to
        # cut" aims at the cutting)
        self.link_words = frozenset(self.causal | self.temporal)
        self.scope_words = frozenset(self.scope)
        self.report_words = frozenset().union(self.attr_adverbs, self.passive_verbs,
                                              self.report_nouns)
        self.party_phrases = lexicon.entries("party_phrases")
        self.party_voices = lexicon.entries("party_voices")
        self.witness_phrases = lexicon.entries("witness_phrases")
        self.corporate_nouns = lexicon.entries("corporate_nouns")
        self.public_body_heads = lexicon.entries("public_body_heads")
        self.non_person_heads = lexicon.entries("non_person_heads")
        self.place_heads = lexicon.entries("place_heads")
        self.titles = frozenset(w["titles"])
        self.relations = w["relation_prepositions"]
        self.period_pointers = frozenset(w["period_pointers"])
        self.causatives = w["causatives"]
        self.change_words = frozenset(w["change_words"])
        funding = w["funding_verbs"]  # paying, ("spend") putting money to a use and
        # ("give") handing a sum over, ("seek") asking for one
        self.funding_verbs = frozenset(k for k, v in funding.items() if not v)
        self.spending_verbs = frozenset(k for k, v in funding.items() if v == "spend")
        self.giving_verbs = frozenset(k for k, v in funding.items() if v == "give")
        self.seeking_verbs = frozenset(k for k, v in funding.items() if v == "seek")
        self.scheduled_deeds = frozenset(w["scheduled_deeds"]) | frozenset(w["phase_verbs"]) \
            | frozenset(w["timing_verbs"])
        self.judging = frozenset(w["judging_verbs"])
        self.effect_verbs = frozenset(w["effect_verbs"])
        self.over_reasons = frozenset(w["over_reason_verbs"])
        self.departures = {}  # verb -> the particles it leaves with (none: any)
        for entry in lexicon.entries("departure_verbs"):
            verb, *particle = entry.split()
            self.departures.setdefault(verb, set()).update(particle)
        self.link_words = self.link_words | frozenset(self.causatives) | {"as", "with", "over"} \
            | self.effect_verbs | frozenset(self.departures)  # _as_reason, _absolute_with,
        # _over_reason, _act_causes, _purpose_of_leaving
        self.publication_phrases = lexicon.entries("publication_phrases")
        self.causal_phrases = lexicon.phrases["causal"]
        # the causal connectives as written, one word or two ("fuelled", "driven by")
        self.causal_written = frozenset(self.causal) | {
            " ".join(p) for p in self.causal_phrases if len(p) == 2}
        self.temporal_phrases = lexicon.phrases["temporal"]
        self.attempt_phrases = lexicon.phrases["attempts"]
        self.neg_lookalikes = lexicon.phrases["negation_lookalikes"]
        self.preventing = frozenset(w["preventing_verbs"])
        self.refusing_phrasals = {tuple(e.split()) for e in lexicon.entries("refusing_phrasals")}
        self.hedge_lookalikes = lexicon.phrases["hedge_lookalikes"]
        self.adverb_phrases = lexicon.phrases["attribution_adverbs"]
        self.scope_phrases = lexicon.phrases["scope"]
        self.booster_phrases = lexicon.phrases["boosters"]
        self.credits = credit_patterns([*w["house_sources"], *(" ".join(p) for p in
                                                               lexicon.phrases["house_sources"])])

    def extract(self, parsed: ParsedArticle) -> tuple[Claim, ...]:
        """All claims of an article, in text order."""
        art = parsed.article
        state = _State(text=art.text)
        claims: list[Claim] = []
        for unit, doc in zip(art.units, parsed.docs):
            if doc is None:
                continue
            # the extractor reads each token many times: from plain attributes, not spaCy's
            with DocView(doc, art.text[unit.start:unit.end]) as view:
                quotes = self._quotes(view)
                for sent in view.sents:
                    if not any(t.is_alpha for t in sent):
                        continue
                    lift_split_hyphen_word(view, sent)
                    lift_scale_read_as_verb(view, sent)
                    lift_name_read_as_adverb(view, sent, self.report_verbs)
                    lift_noun_read_as_verb(view, sent)
                    lift_subject_read_as_compound(view, sent)
                    lift_subject_head_read_as_verb(view, sent)
                    lift_neither_subject(view, sent)
                    lift_noun_read_as_auxiliary(view, sent)
                    lift_have_over_noun_root(view, sent)
                    lift_reported_participle(view, sent, self.report_verbs) or \
                        lift_verb_after_stranded_preposition(view, sent, self.report_verbs) or \
                        lift_verb_read_as_noun(view, sent, self.report_verbs) or \
                        lift_root_verb_read_as_noun(view, sent, self.report_verbs) or \
                        lift_modifying_verb(view, sent) or \
                        lift_counted_subject_verb(view, sent) or \
                        lift_verb_after_apposition(view, sent)
                    lift_adding_participle(view, sent, self.report_verbs)
                    lift_clause_read_as_object(view, sent, self.report_verbs)
                    lift_clause_read_as_modifier(view, sent, self.report_verbs)
                    lift_that_clause_after_aside(view, sent, self.report_verbs)
                    lift_clause_from_relative_report(view, sent, self.report_verbs)
                    lift_subject_read_as_object(view, sent, self.report_verbs,
                                                self.addressee_verbs)
                    lift_clause_read_as_relative(view, sent, self.addressee_verbs)
                    lift_figure_read_as_object(view, sent, self.report_verbs)
                    lift_speaker_from_aside(view, sent, self.report_verbs)
                    lift_whose_speaker(view, sent, self.report_verbs)
                    lift_verb_read_as_participle(view, sent)
                    lift_according_appositive(view, sent)
                    lift_according_from_relative(view, sent)
                    lift_subject_from_according(view, sent)
                    lift_cause_from_according(view, sent, self.causal_written)
                    lift_speaker_after_semicolon(view, sent, self.report_verbs)
                    lift_nearer_speaker(view, sent, self.report_verbs)
                    lift_report_before_semicolon(view, sent, self.report_verbs)
                    lift_participle_to_relative(view, sent, self.report_verbs)
                    lift_conj_from_as_clause(view, sent)
                    lift_conj_from_relative(view, sent)
                    lift_verb_after_reduced_relative(view, sent)
                    lift_with_speaker(view, sent, self.report_verbs)
                    lift_second_that_clause(view, sent, self.report_verbs)
                    lift_conj_from_saying_clause(view, sent, self.report_verbs)
                    lift_present_conj_from_report(view, sent, self.report_verbs)
                    lift_condition_from_speaker(view, sent, self.report_verbs,
                                                self.condition_marks)
                    lift_trailing_speaker(view, sent, self.closing_verbs, self.finding_verbs)
                    lift_appositive_speaker(view, sent, self.report_verbs)
                    lift_joined_speaker(view, sent, self.report_verbs)
                    claims.extend(self._sentence(art.doc_id, unit, view, sent, state, quotes))
        return tuple(claims)

    def _sentence(self, doc_id, unit, doc, sent, state: _State, quotes) -> list[Claim]:
        state.sent_no += 1
        lo, hi = state.subject_span
        state.prev_first = next((name for at, name in state.sent_persons if lo <= at < hi), "")
        state.prev_person, state.sent_persons = state.last_person, []
        root = sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        state.subject_span = (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)) \
            if subj is not None else (0, 0)
        heads = self._clause_heads(root)
        self._remember_opener(heads, state)
        sent_quotes = [q for q in quotes if q[0] < sent.end_char and sent.start_char < q[1]]
        ents = [e for e in sent.ents if not _unit_of_figure(e) and not _plural_opening(e, sent)]
        self._remember_entities(ents, state, sent)
        self._remember_reporter(root, state)
        self._remember_party(root, ents, state)
        out: list[Claim] = []
        for head, attribution, frame in heads:
            tokens = self._clause_tokens(head, heads, frame)
            if not tokens or not any(t.is_alpha for t in tokens):
                continue
            claim = self._claim(doc_id, unit, doc, sent, head, tokens, attribution, state,
                                sent_quotes, ents)
            if claim is not None:
                out.append(claim)
        if sent_quotes and out:
            out = self._place_loose_quotes(out, sent, sent_quotes, unit.start, state)
        self._remember_speaker(sent, state)
        if state.speaker_sent == state.sent_no - 1 and any(
                q[0] <= sent.start_char + 1 and q[1] > sent.end_char for q in sent_quotes):
            # 'Orrock said X. "A. B," she said.': a quotation that opens the sentence and runs
            # on past it keeps the last speaker's turn, so "she" in its tag is still Orrock
            state.speaker_sent = state.sent_no
        return _share_closing_frame(out, self.witness_phrases)

    def _claim(self, doc_id, unit, doc, sent, head, tokens, inherited, state, quotes, ents):
        first, last = tokens[0], tokens[-1]
        start_c, end_c = first.idx, last.idx + len(last)
        off = unit.start
        vocab = _vocab(tokens)  # every phrase look-up of this claim checks against it
        attribution = self._attribution(head, sent, tokens, inherited, state, vocab)
        pred = self._predicate(head)
        subj_tok = self._subject(head)
        subject = self._span_text(subj_tok) if subj_tok is not None else ""
        obj = self._object(pred)
        negated = self._negated(head, pred, tokens)
        certainty = self._certainty(head, pred, tokens, attribution, inherited, vocab)
        links = self._links(tokens, start_c, off, vocab) + self._opening_link(head, tokens, off)
        subj_ids = set(range(subj_tok.left_edge.i, subj_tok.right_edge.i + 1)) \
            if subj_tok is not None else set()
        claim_ents = tuple(
            Entity(text=e.text, label=e.label_, norm=norm_name(e.text), start=e.start_char + off,
                   end=e.end_char + off,
                   role="subject" if e.start in subj_ids else "other",
                   slot=name_slot(e.root, self.relations))
            for e in ents
            if e.label_ in NAME_LABELS and e.start_char >= start_c and e.end_char <= end_c)
        if off:
            attribution = _shift_attr(attribution, off)
            certainty = _shift_certainty(certainty, off)
        quants = self._quantities(ents, tokens, start_c, end_c, off)
        speaker = self._quote_speaker(head, pred, subj_tok, subject, attribution, sent,
                                      quotes, state, ents, start_c, end_c) if quotes else ""
        quote_recs = tuple(
            Quote(text=q[2], speaker=speaker, start=q[0] + off, end=q[1] + off)
            for q in quotes if q[0] < end_c and start_c < q[1])
        content = [t for t in tokens if (t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha)
                   or (t.like_num and not t.is_punct)]
        lemmas = tuple(t.lemma_.lower() for t in content)
        words = tuple(Word(t.idx + off, t.idx + len(t) + off, t.text, t.lemma_.lower(), t.pos_)
                      for t in content)
        scope = self._scope(tokens, off, vocab)
        state.count += 1
        text = _doc_text(doc)[start_c:end_c]
        sentence = _doc_text(doc)[sent.start_char:sent.end_char]  # Span.text joins tokens
        return Claim(
            id=f"{doc_id}:c{state.count}", doc_id=doc_id, start=start_c + off, end=end_c + off,
            text=text, sent_start=sent.start_char + off, sent_end=sent.end_char + off,
            sentence=sentence, unit_kind=unit.kind, subject=subject, predicate=pred.lemma_.lower(),
            predicate_text=pred.text, object=obj, negated=negated, attribution=attribution,
            certainty=certainty, links=links, entities=claim_ents, quantities=quants,
            quotes=quote_recs, lemmas=lemmas, scope=scope, index=state.count,
            words=words, negated_words=self._negated_words(tokens))


_CLOSING = re.compile(r"[\s.!?\"”’)]*")


def _share_closing_frame(claims: list[Claim], witness: frozenset) -> list[Claim]:
    """An "according to" unnamed people who know of a matter, closing the sentence, frames
    all of it: "Sales rose by 30 percent, as farmers switched from an older product,
    according to two people familiar with the figures" (the parse may hang the frame on
    the last clause only). The claims before it with no attribution of their own take it;
    not across a semicolon. Not a document's frame ("..., three months after an inspector
    warned the operator, according to an inspection letter"): it may vouch for the last
    clause only (witness_phrases.txt)."""
    if len(claims) < 2:
        return claims
    last = claims[-1]
    attr = last.attribution
    if attr is None or attr.kind != "according-to" or attr.outer is not None \
            or not any(f" {w} " in f" {attr.source.lower()} " for w in witness):
        return claims
    if not _CLOSING.fullmatch(last.sentence[attr.end - last.sent_start:]):
        return claims
    if ";" in last.sentence[:attr.start - last.sent_start]:
        return claims
    return [replace(c, attribution=attr)
            if c.attribution is None and not c.quotes and c.end <= attr.start else c
            for c in claims]


def _plural_opening(ent, sent) -> bool:
    """A one-word "name" opening its sentence that the tagger reads as a plural common noun
    ("Hearings opened on Tuesday", tagged a place): capitalised by its place, no name; not
    the first word of a longer phrase ("Docks committee chair Ines Varley"), nor a group
    of people the tagger reads as one ("Liberals won the seat": a party's members, whose
    swap is an entity changed). Figures ("Thousands") keep their label: their count is
    read from it."""
    tok = ent[0]
    return len(ent) == 1 and ent.start == sent.start and tok.tag_ == "NNS" \
        and tok.dep_ != "compound" and ent.label_ in NAME_LABELS and ent.label_ != "NORP"


def _unit_of_figure(ent) -> bool:
    """A one-word entity that is a unit right after a figure ("a 48 MW site": the tagger
    may call "MW" an organisation), so it names nothing; not a name after a year ("In
    2019 GW bought ...") nor a clause's subject."""
    doc = ent.doc
    if len(ent) != 1 or ent.start == 0 or not is_measure_unit(ent.text):
        return False
    before = doc[ent.start - 1]
    return before.like_num and before.ent_type_ != "DATE" and ent.root.dep_ != "nsubj"
