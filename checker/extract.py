"""Turn parsed articles into claims: clause splitting, attribution, certainty, links, values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from checker.credits import credit_patterns, find_credit
from checker.lexicon import Lexicon, shipped
from checker.names import norm_name
from checker.numbers import duration_unit, is_magnitude, normalise
from checker.parse import ParsedArticle
from checker.records import (
    Attribution,
    Certainty,
    Claim,
    Cue,
    Entity,
    Link,
    Quantity,
    Quote,
    Word,
)

NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "DATE", "TIME", "QUANTITY", "ORDINAL"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT",
               "WORK_OF_ART", "LAW"}
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
# Quotation spans: straight and curly double quotes, and curly single quotes (not apostrophes).
QUOTE_RE = re.compile(r"\"([^\"\n]{2,600})\"|“([^”\n]{2,600})”|‘([^’\n]{2,600})’(?!\w)")
# Prepositions before "a week", "a fortnight" that make it a span of time, not a rate ("twice
# a week") or a point ("a year ago").
_DURATION_PREPS = frozenset({"within", "for", "in", "over", "after", "under"})
# The dependencies a negating word can have: "not" (neg), "never" (advmod), "no" (det),
# "without" (prep), an opening "nor" (cc).
_NEGATING_DEPS = frozenset({"neg", "advmod", "det", "prep", "cc"})
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"}
_BASE_CERTAINTY = 0.75
# A day or month name: a date in words that carries a comparable value ("on Monday").
_CALENDAR_RE = re.compile("|".join(sorted(shipped("weekdays") | shipped("months"))))


@dataclass
class _State:
    """What the extractor remembers across the sentences of one article."""

    last_source: str = ""
    last_person: str = ""
    last_org: str = ""
    last_party: str = ""  # the last proper-named subject that is not a person
    prev_person: str = ""  # the last person named before this sentence
    last_speaker: str = ""  # the last proper-named subject of a reporting verb
    speaker_sent: int = -9  # the sentence that named it
    sent_no: int = 0
    sent_persons: list = field(default_factory=list)  # (offset, name) in this sentence
    count: int = 0


class Extractor:
    """Extracts ``Claim`` records from a ``ParsedArticle`` using one ``Lexicon``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        w = lexicon.words
        self.report_verbs = set(w["attribution_verbs"])
        self.report_nouns = set(w["attribution_nouns"])
        self.attr_adverbs = set(w["attribution_adverbs"])
        self.passive_verbs = set(w["attribution_passive"])
        self.hedges = w["hedges"]
        self.attempts = w["attempts"]
        self.boosters = w["boosters"]
        self.factive = set(w["factive"])
        self.nonfactive = set(w["nonfactive"])
        self.causal = set(w["causal"])
        self.temporal = set(w["temporal"])
        self.scope = w["scope"]
        self.speech_verbs = w["speech_verbs"]
        self.pronouns_person = w["pronouns_person"]
        self.pronouns_thing = w["pronouns_thing"]
        self.pronouns = set(self.pronouns_person) | set(self.pronouns_thing)
        self.contrast_marks = set(w["contrast_marks"])
        self.party_phrases = lexicon.entries("party_phrases")
        self.publication_phrases = lexicon.entries("publication_phrases")
        self.causal_phrases = lexicon.phrases["causal"]
        self.temporal_phrases = lexicon.phrases["temporal"]
        self.attempt_phrases = lexicon.phrases["attempts"]
        self.neg_lookalikes = lexicon.phrases["negation_lookalikes"]
        self.hedge_lookalikes = lexicon.phrases["hedge_lookalikes"]
        self.adverb_phrases = lexicon.phrases["attribution_adverbs"]
        self.scope_phrases = lexicon.phrases["scope"]
        self.booster_phrases = lexicon.phrases["boosters"]
        self.credits = credit_patterns([*w["house_sources"], *(" ".join(p) for p in
                                                               lexicon.phrases["house_sources"])])

    # ------------------------------------------------------------------ article level
    def extract(self, parsed: ParsedArticle) -> tuple[Claim, ...]:
        """All claims of an article, in text order."""
        art = parsed.article
        state = _State()
        claims: list[Claim] = []
        for unit, doc in zip(art.units, parsed.docs):
            if doc is None:
                continue
            quotes = self._quotes(doc)
            for sent in doc.sents:
                if not any(t.is_alpha for t in sent):
                    continue
                claims.extend(self._sentence(art.doc_id, unit, doc, sent, state, quotes))
        return tuple(claims)

    # ------------------------------------------------------------------ sentence level
    def _sentence(self, doc_id, unit, doc, sent, state: _State, quotes) -> list[Claim]:
        state.sent_no += 1
        state.prev_person, state.sent_persons = state.last_person, []
        root = sent.root
        heads = self._clause_heads(root)
        sent_quotes = [q for q in quotes if q[0] < sent.end_char and sent.start_char < q[1]]
        ents = list(sent.ents)
        self._remember_entities(ents, state)
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
        self._remember_speaker(sent, state)
        return out

    def _remember_speaker(self, sent, state: _State) -> None:
        """A named speaker of the sentence, whom a "she said" in the next one refers to
        ("Ruiz rejected the plan, saying ...")."""
        for tok in sent:
            if tok.lemma_.lower() not in self.report_verbs or tok.pos_ != "VERB":
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None and tok.dep_ in ("advcl", "conj", "xcomp"):
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ == "PROPN":
                name = self._span_text(subj).split(",")[0].strip()
                state.last_speaker, state.speaker_sent = name, state.sent_no

    def _clause_heads(self, root) -> list[tuple[object, Optional[Attribution], tuple]]:
        """(clause head, inherited attribution, reporting-frame tokens) for each clause."""
        result = []
        misparsed = self._according_root(root)
        if misparsed is not None:
            self._walk_clause(*misparsed, result)
            return result
        self._walk_clause(root, None, (), result)
        return result

    def _according_root(self, root):
        """The parser sometimes makes "According" the root of "According to X, A was B" and
        hangs the clause on X as a relative clause: then the clause, its attribution and
        the frame's tokens, else None."""
        if root.lower_ != "according" or root.dep_ != "ROOT":
            return None
        to = next((c for c in root.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if pobj is None:
            return None
        clause = next((c for c in pobj.children if c.dep_ in ("relcl", "acl")
                       and c.pos_ in ("VERB", "AUX") and c.left_edge.i > pobj.i
                       and any(x.dep_ in SUBJ_DEPS for x in c.children)), None)
        if clause is None:
            return None
        src_toks = [t for t in pobj.subtree if t.i < clause.left_edge.i and not t.is_punct]
        if not src_toks:
            return None
        src = _doc_text(root.doc)[src_toks[0].idx:src_toks[-1].idx + len(src_toks[-1])]
        frame = tuple(t for t in root.subtree if t.i < clause.left_edge.i)
        attr = Attribution(source=src, cue=f"according to {src}", start=root.idx,
                           end=src_toks[-1].idx + len(src_toks[-1]), kind="according-to",
                           head=pobj.lemma_.lower())
        return clause, attr, frame

    def _walk_clause(self, head, attribution, frame, result) -> None:
        comps = [c for c in head.children if c.dep_ == "ccomp"]
        is_report = head.lemma_.lower() in self.report_verbs and head.pos_ in ("VERB", "AUX")
        if is_report and comps:
            attr = self._reporting_attribution(head)
            if attribution is not None:  # a report inside a report
                attr = replace(attr, outer=attribution)
            comp_ids = set()
            for c in comps:
                comp_ids.update(range(c.left_edge.i, c.right_edge.i + 1))
            frame_tokens = tuple(t for t in _subtree(head) if t.i not in comp_ids)
            for c in comps:
                self._walk_clause(c, attr, frame_tokens, result)
            # Coordinated clauses of the reporting verb ("X said A and denied B") are their
            # own, and so is a report its participle adds ("X said A, adding that B").
            for c in head.children:
                if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") or (
                        c.dep_ == "advcl" and c.pos_ == "VERB" and c.i > head.i
                        and c.lemma_.lower() in self.report_verbs
                        and any(x.dep_ == "ccomp" for x in c.children)):
                    self._walk_clause(c, None, (), result)
            return
        result.append((head, attribution, frame))
        stack = list(head.children)
        while stack:
            c = stack.pop()
            if self._is_split(c):
                self._walk_clause(c, attribution, frame, result)
            else:
                stack.extend(c.children)

    def _is_split(self, tok) -> bool:
        """A child clause that is a claim of its own: a coordinated or contrasting clause."""
        if tok.dep_ == "conj" and _verbal(tok):
            return any(c.dep_ in SUBJ_DEPS for c in tok.children) or tok.head.dep_ in ("ROOT", "ccomp")
        if tok.dep_ == "advcl":
            marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
            return bool(marks & self.contrast_marks)
        return False

    def _clause_tokens(self, head, heads, frame) -> list:
        nested = [(h, fr) for h, _, fr in heads if h is not head
                  and h.is_ancestor(head) is False and head.is_ancestor(h)]
        others = [h for h, _ in nested]
        excluded = set()
        for h, fr in nested:
            if fr is not frame:
                # a report nested in this clause ("..., though he said B"): its frame
                # ("though he said") belongs to B's attribution, not to this claim
                excluded.update(t.i for t in fr if head.is_ancestor(t))
        for h in others:
            excluded.update(range(h.left_edge.i, h.right_edge.i + 1))
            # the conjunction or mark that joins a split clause belongs to neither claim
            for c in h.children:
                if c.dep_ in ("cc", "mark") and c.i < h.i:
                    excluded.add(c.i)
            left = h.i - 1
            doc = h.doc
            while left >= 0 and doc[left].dep_ in ("cc", "punct") and doc[left].head in (h, h.head):
                excluded.add(left)
                left -= 1
        frame_ids = {t.i for t in frame}
        acc = self._according_to(head)
        if acc is not None:  # "according to X," is the attribution, not the claim
            frame_ids.update(t.i for t in acc[2])
        toks = [t for t in _subtree(head) if t.i not in excluded and t.i not in frame_ids]
        # drop a leading complementiser and trailing punctuation
        while toks and toks[0].dep_ in ("mark", "cc", "punct"):
            toks.pop(0)
        while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct) and \
                toks[-1].text not in ("\"", "”", "’", ")"):
            toks.pop()
        return toks

    # ------------------------------------------------------------------ attribution
    def _reporting_attribution(self, verb) -> Attribution:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head is not verb:
            # "She rejected it, saying ...": the participle's speaker is its head's subject
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        source = self._span_text(subj) if subj is not None else ""
        negated = any(c.dep_ == "neg" for c in verb.children) or verb.lemma_ in ("deny", "dispute")
        cue_end = verb
        for c in verb.children:
            if c.dep_ == "ccomp":
                mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "that"), None)
                if mark is not None:
                    cue_end = mark
        start = verb.idx
        end = cue_end.idx + len(cue_end.text)
        kind = "named" if source else "passive"
        return Attribution(source=source, cue=_doc_text(verb.doc)[start:end], start=start, end=end,
                           kind=kind, negated=negated, lemma=verb.lemma_.lower(),
                           head=subj.lemma_.lower() if subj is not None else "")

    def _outer_report(self, head):
        """The reporting verb that frames a clause the clause walk did not reach: one set
        inside it ("It has not, the agency said, opened ...", "X, the agency said, and ...")
        or a participle whose complement holds it ("..., saying A and that B")."""
        for c in head.children:
            if (c.dep_ == "parataxis" and c.lemma_.lower() in self.report_verbs
                    and any(x.dep_ == "nsubj" for x in c.children)):
                return c
        t = head
        while t.dep_ == "conj" and t.head is not t:
            t = t.head
        verb = t.head
        if (t.dep_ == "ccomp" and verb is not t and verb.pos_ == "VERB"
                and verb.lemma_.lower() in self.report_verbs):
            return verb
        return None

    def _according_to(self, head):
        """("according to", source text, tokens) when the clause has an "according to X" frame."""
        for c in list(head.children) + [head]:
            if c.lower_ == "according" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "to":
                to = c.doc[c.i + 1]
                pobjs = [x for x in list(to.children) + list(c.children) if x.dep_ == "pobj"]
                toks = [c, to] + sorted({t for p in pobjs for t in p.subtree}, key=lambda t: t.i)
                j = max(t.i for t in toks) + 1
                if j < len(c.doc) and c.doc[j].text == ",":
                    toks.append(c.doc[j])
                # the parser may split one name into two objects ("harbour" and "master Ines
                # Varga"): the source runs from "to" to the comma
                src = [t for t in toks[2:] if not t.is_punct]
                text = (_doc_text(c.doc)[src[0].idx:src[-1].idx + len(src[-1])]
                        if len(pobjs) > 1 and src else
                        self._span_text(pobjs[0]) if pobjs else "")
                return ("according to", text, toks)
        return None

    def _attribution(self, head, tokens, inherited, state: _State,
                     vocab: frozenset) -> Optional[Attribution]:
        if inherited is not None:
            return self._resolve(inherited, state)
        frame = self._outer_report(head)
        if frame is not None:
            return self._resolve(self._reporting_attribution(frame), state)
        acc = self._according_to(head)
        if acc is not None:
            toks = acc[2]
            src = acc[1]
            pobj = next((t for t in toks[2:] if t.dep_ == "pobj" and t.head in toks[:2]), None)
            return self._resolve(Attribution(source=src, cue=f"according to {src}".strip(),
                                             start=toks[0].idx, end=toks[-1].idx + len(toks[-1]),
                                             kind="according-to",
                                             head=pobj.lemma_.lower() if pobj is not None else ""),
                                 state)
        credit = find_credit(head.sent.text, self.credits)
        if credit is not None:  # "Harbour Gazette: ..." or "... (Harbour Gazette)."
            base, said = head.sent.start_char, head.sent.text
            return Attribution(source=credit.name, cue=said[credit.start:credit.end].strip(),
                               start=base + credit.start, end=base + credit.end, kind="named")
        for t in tokens:
            low = t.lower_
            if low in self.attr_adverbs:
                return Attribution(source="", cue=t.text, start=t.idx, end=t.idx + len(t),
                                   kind="adverb")
            # "X is said to be ...": passive reporting verb with a to-infinitive
            if (t.lemma_.lower() in self.passive_verbs and t.tag_ == "VBN"
                    and any(c.dep_ == "auxpass" for c in t.children)
                    and any(c.dep_ == "xcomp" for c in t.children)):
                aux = next(c for c in t.children if c.dep_ == "auxpass")
                return Attribution(source="", cue=_doc_text(t.doc)[aux.idx:t.idx + len(t)] + " to",
                                   start=aux.idx, end=t.idx + len(t), kind="passive")
            # "reports of hidden code", "claims that ..."
            if (t.lemma_.lower() in self.report_nouns and t.pos_ == "NOUN"
                    and any((c.dep_ == "prep" and c.lower_ in ("of", "about", "that"))
                            or c.dep_ in ("acl", "ccomp", "relcl") for c in t.children)):
                return Attribution(source="", cue=t.text + " of" if any(
                    c.lower_ == "of" for c in t.children) else t.text, start=t.idx,
                    end=t.idx + len(t), kind="reports")
        for phrase in self.adverb_phrases:
            pos = _find_phrase(tokens, phrase, vocab)
            if pos is not None:
                s, e = pos
                return Attribution(source="", cue=_doc_text(tokens[s].doc)[tokens[s].idx:tokens[e].idx
                                                                     + len(tokens[e])],
                                   start=tokens[s].idx, end=tokens[e].idx + len(tokens[e]),
                                   kind="adverb")
        return None

    def _resolve(self, attr: Attribution, state: _State) -> Attribution:
        src = attr.source
        low = src.lower()
        if low in self.pronouns_person and _person(state, attr.start):
            src = _person(state, attr.start)
        elif low in self.party_phrases:
            src = state.last_party or state.last_org or src
        elif low in self.pronouns_thing or low in self.publication_phrases:
            # "it" is never the person last quoted: "Dunstan said ... The Authority asked
            # ...; it said" means the Authority
            people = [n for n in (state.last_person, state.prev_person,
                                  *(name for _, name in state.sent_persons)) if n]
            src = next((c for c in (state.last_source, state.last_party, state.last_org)
                        if c and not (low == "it" and any(n in c for n in people))), src)
        if src and src != attr.source:
            last = re.sub(r"['’]s?$", "", src.split()[-1]).lower() if src.split() else ""
            attr = Attribution(source=src, cue=attr.cue, start=attr.start, end=attr.end,
                               kind=attr.kind, negated=attr.negated, surface=attr.source,
                               lemma=attr.lemma,
                               head=last if low in self.pronouns else attr.head,
                               outer=attr.outer)
        if attr.source and low not in self.pronouns:
            state.last_source = attr.source
            # the part of "Hallbrook's chief executive, Margit Elling," that is a name
            parts = [p.split() for p in attr.source.split(",") if p.split()]
            words = next((p for p in parts if all(w[:1].isupper() for w in p)),
                         parts[0] if parts else [])
            if attr.kind in ("named", "according-to") and words and words[-1][:1].isupper():
                state.last_speaker, state.speaker_sent = " ".join(words), state.sent_no
        return attr

    def _remember_reporter(self, root, state: _State) -> None:
        """"The FT reported on Monday." names the source that a later "It said" refers to."""
        if root.lemma_.lower() not in self.report_verbs:
            return
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in self.pronouns:
            return
        state.last_source = self._span_text(subj)

    def _remember_party(self, root, ents, state: _State) -> None:
        """The last organisation-like subject, which "the company" later refers to."""
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ != "PROPN":
            return
        if any(e.label_ == "PERSON" and e.start <= subj.i < e.end for e in ents):
            return
        state.last_party = self._span_text(subj)

    def _remember_entities(self, ents, state: _State) -> int:
        n = 0
        for ent in ents:
            if ent.label_ == "PERSON":
                state.last_person = ent.text
                state.sent_persons.append((ent.start_char, ent.text))
                n += 1
            elif ent.label_ in ("ORG",):
                state.last_org = ent.text
                n += 1
        return n

    # ------------------------------------------------------------------ claim level
    def _claim(self, doc_id, unit, doc, sent, head, tokens, inherited, state, quotes, ents):
        first, last = tokens[0], tokens[-1]
        start_c, end_c = first.idx, last.idx + len(last)
        off = unit.start
        vocab = _vocab(tokens)  # every phrase look-up of this claim checks against it
        attribution = self._attribution(head, tokens, inherited, state, vocab)
        pred = self._predicate(head)
        subj_tok = self._subject(head)
        subject = self._span_text(subj_tok) if subj_tok is not None else ""
        obj = self._object(pred)
        negated = self._negated(head, pred, tokens)
        certainty = self._certainty(head, pred, tokens, attribution, inherited, vocab)
        links = self._links(tokens, start_c, off, vocab)
        subj_ids = set(range(subj_tok.left_edge.i, subj_tok.right_edge.i + 1)) \
            if subj_tok is not None else set()
        claim_ents = tuple(
            Entity(text=e.text, label=e.label_, norm=norm_name(e.text), start=e.start_char + off,
                   end=e.end_char + off,
                   role="subject" if e.start in subj_ids else "other")
            for e in ents
            if e.label_ in NAME_LABELS and e.start_char >= start_c and e.end_char <= end_c)
        if off:
            attribution = _shift_attr(attribution, off)
            certainty = _shift_certainty(certainty, off)
        quants = self._quantities(ents, tokens, start_c, end_c, off)
        speaker = ""
        root = sent.root
        root_subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        inner = self._inner_speaker(head, root, quotes)
        if inner is not None:
            # "A said X, while B insisted it 'will hold'": the quote is B's
            speaker = self._person_in(inner, state, ents) or self._span_text(inner)
        elif quotes and root_subj is not None and root.lemma_.lower() in self.speech_verbs and \
                root is not head:
            # '"Our teachers told us ...," said Marcus Aldane': the quote is Aldane's
            speaker = self._person_in(root_subj, state, ents) or self._span_text(root_subj)
        elif attribution is not None and attribution.source:
            speaker = attribution.source
        elif pred.lemma_.lower() in self.speech_verbs or head.lemma_.lower() in self.speech_verbs:
            speaker = self._person_in(subj_tok, state, ents) or subject
        # pronoun speakers resolve to the last person
        if speaker.lower() in self.pronouns_person and _person(state, start_c):
            speaker = _person(state, start_c)
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
        return Claim(
            id=f"{doc_id}:c{state.count}", doc_id=doc_id, start=start_c + off, end=end_c + off,
            text=text, sent_start=sent.start_char + off, sent_end=sent.end_char + off,
            sentence=sent.text, unit_kind=unit.kind, subject=subject, predicate=pred.lemma_.lower(),
            predicate_text=pred.text, object=obj, negated=negated, attribution=attribution,
            certainty=certainty, links=links, entities=claim_ents, quantities=quants,
            quotes=quote_recs, lemmas=lemmas, scope=scope, index=state.count,
            words=words, negated_words=self._negated_words(tokens))

    def _inner_speaker(self, head, root, quotes):
        """The subject of a speech verb outside the quotations, between a clause and its
        sentence's root ("A said X, while B insisted it 'will hold'"), or None."""
        t = head
        while t.i != root.i and t.head.i != t.i:
            if t.lemma_.lower() in self.speech_verbs and t.pos_ == "VERB" and not any(
                    q[0] <= t.idx < q[1] for q in quotes):
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    return subj
            t = t.head
        return None

    def _person_in(self, tok, state, ents) -> str:
        if tok is None:
            return ""
        if tok.lower_ in self.pronouns_person:
            return _person(state, tok.idx)
        appos = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if appos is not None and tok.pos_ == "NOUN":
            # "Hallbrook's chief executive, Margit Elling": the name set beside the title,
            # whatever labels the tagger gave the two names
            return " ".join(t.text for t in appos.subtree if t.pos_ == "PROPN" and t.i <= appos.i)
        for t in tok.subtree:
            if t.ent_type_ == "PERSON":
                ent = next((e for e in ents if e.start <= t.i < e.end), None)
                if ent is not None:
                    return ent.text
        return ""

    def _subject(self, head):
        tok = head
        for _ in range(4):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")),
                        None)
            if subj is not None:
                return subj
            if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
                tok = tok.head
                continue
            break
        return None

    def _predicate(self, head):
        """The content verb: "trying to prevent" -> prevent, "is said to be using" -> using."""
        tok = head
        for _ in range(3):
            xc = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")),
                      None)
            lem = tok.lemma_.lower()
            if xc is not None and (lem in self.attempts or lem in self.passive_verbs
                                   or lem in ("be", "have", "take", "continue", "begin", "start",
                                              "seem", "appear", "need", "go")):
                tok = xc
                if tok.lemma_.lower() == "be":
                    inner = next((c for c in tok.children if c.dep_ in ("xcomp", "acomp", "attr")),
                                 None)
                    if inner is not None and inner.pos_ == "VERB":
                        tok = inner
                continue
            break
        return tok

    def _object(self, pred) -> str:
        for c in pred.children:
            if c.dep_ in ("dobj", "attr", "acomp", "oprd", "dative"):
                return self._span_text(c, limit=12)
        for c in pred.children:
            if c.dep_ == "prep":
                pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if pobj is not None:
                    return f"{c.text} {self._span_text(pobj, limit=10)}"
        return ""

    def _negated(self, head, pred, tokens) -> bool:
        subj = self._subject(head)
        if subj is not None and subj.left_edge.lower_ in ("neither", "no", "none", "nobody",
                                                          "nothing", "nor") and not \
                self._lookalike(subj.left_edge, self.neg_lookalikes):
            return True  # "Neither A nor B would comment", "No agency has confirmed"; not
            # a bound on a figure ("no more than 8,000 litres had escaped")
        for v in {head, pred}:
            for c in v.children:
                if c.dep_ == "neg" and not self._lookalike(c, self.neg_lookalikes):
                    return True
                if c.lower_ in ("never",) and c.dep_ in ("neg", "advmod"):
                    return True
                if c.lower_ == "nor" and c.dep_ == "cc" and c.i == c.sent.start:
                    return True  # "Nor will the council pay": the opening "nor" denies it
        return False

    def _negated_words(self, tokens) -> tuple[str, ...]:
        """Lemmas of content words negated on their own: a "not"/"never" child (lookalikes
        such as "not only" excepted), a "no" determiner on a noun, a noun after "without",
        or the verb of a clause opened by "nor"."""
        ids = None
        out = []
        for c in tokens:
            dep = c.dep_
            if dep not in _NEGATING_DEPS:
                continue
            low = c.lower_
            if low == "without" and dep == "prep":
                # "without the possibility of parole" denies as "no possibility" does
                out.extend(o.lemma_.lower() for o in c.children
                           if o.dep_ == "pobj" and o.pos_ == "NOUN")
                continue
            if low == "nor" and dep == "cc" and c.i == c.sent.start:
                # "Nor must it be seen as ...": the clause after an opening "nor" is denied
                out.append(c.head.lemma_.lower())
                continue
            if not (dep == "neg" or (low == "never" and dep == "advmod")
                    or (low == "no" and dep == "det")):
                continue
            t = c.head
            if t.pos_ not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "ADV") or (
                    low == "no" and t.pos_ != "NOUN"):
                continue
            if ids is None:
                ids = {x.i for x in tokens}
            if t.i not in ids or (dep in ("neg", "det") and self._lookalike(
                    c, self.neg_lookalikes)):
                continue  # "not only", "no more than 8,000 litres" (a bound, not a denial)
            out.append(t.lemma_.lower())
        return tuple(dict.fromkeys(out))

    def _lookalike(self, tok, phrases) -> bool:
        doc = tok.doc
        low = tok.lower_
        for phrase in phrases:
            if low not in phrase:
                continue  # every window holds the token itself
            n = len(phrase)
            for s in range(max(0, tok.i - n + 1), tok.i + 1):
                words = tuple(t.lower_ for t in doc[s:s + n])
                if words == phrase:
                    return True
        return False

    def _certainty(self, head, pred, tokens, attribution, inherited,
                   vocab: frozenset) -> Certainty:
        hedges, attempts, boosters = [], [], []
        factivity, fcue = "neutral", None
        for t in tokens:
            low, lem = t.lower_, t.lemma_.lower()
            if (low in self.hedges or (lem in self.hedges and t.pos_ in ("VERB", "AUX"))):
                key = low if low in self.hedges else lem
                # a hedging verb with its clause, or in the passive on its own ("the disease
                # is suspected on 63 farms")
                if t.tag_ == "MD" or t.pos_ in ("ADV", "ADJ") or (
                        t.pos_ == "VERB" and any(c.dep_ in ("xcomp", "ccomp", "auxpass")
                                                 for c in t.children)):
                    if not self._lookalike(t, self.hedge_lookalikes) and not (
                            t.tag_ == "MD" and any(c.dep_ == "neg" for c in t.head.children)
                            and key in ("can", "could")) and not _inverted_condition(t):
                        hedges.append(Cue(t.text, "hedge", t.idx, t.idx + len(t),
                                          self.lex.weight("hedges", key)))
            if lem in self.attempts and _verbal(t) and any(
                    c.dep_ == "xcomp" for c in t.children):
                attempts.append(Cue(f"{t.text} to", "attempt", t.idx, t.idx + len(t),
                                    self.lex.weight("attempts", lem)))
            if low in self.boosters or lem in self.boosters:
                boosters.append(Cue(t.text, "booster", t.idx, t.idx + len(t),
                                    self.lex.weight("boosters", low if low in self.boosters else lem,
                                                    0.1)))
            if lem in self.factive and t.pos_ == "VERB" and factivity != "non-factive":
                # "proved costly", "should it prove unrecoverable": a copula, not a finding
                complements = [c for c in t.children if c.dep_ in ("acomp", "oprd", "ccomp",
                                                                    "dobj")]
                copula = bool(complements) and all(  # an adjective read as object, too
                    c.dep_ in ("acomp", "oprd") or c.dep_ == "dobj" and c.pos_ == "ADJ"
                    for c in complements)
                if not copula and not any(c.dep_ == "neg" for c in t.children):
                    factivity, fcue = "factive", Cue(t.text, "factive", t.idx, t.idx + len(t), 0.2)
            elif lem in self.nonfactive and t.pos_ in ("VERB", "NOUN"):
                if t.pos_ == "VERB" and not any(c.dep_ in ("ccomp", "xcomp", "dobj")
                                                for c in t.children):
                    continue
                factivity, fcue = "non-factive", Cue(t.text, "non-factive", t.idx,
                                                      t.idx + len(t), 0.15)
        for phrase in self.attempt_phrases:
            pos = _find_phrase(tokens, phrase, vocab)
            if pos is not None:
                t = tokens[pos[0]]
                attempts.append(Cue(" ".join(x.text for x in tokens[pos[0]:pos[1] + 1]) + " to",
                                    "attempt", t.idx, tokens[pos[1]].idx + len(tokens[pos[1]]),
                                    self.lex.weight("attempts", " ".join(phrase))))
        for phrase in self.booster_phrases:  # "in fact"
            pos = _find_phrase(tokens, phrase, vocab)
            if pos is not None:
                t, e = tokens[pos[0]], tokens[pos[1]]
                boosters.append(Cue(_doc_text(t.doc)[t.idx:e.idx + len(e)], "booster", t.idx,
                                    e.idx + len(e),
                                    self.lex.weight("boosters", " ".join(phrase), 0.1)))
        if inherited is not None and factivity == "neutral":
            # the reporting verb's lemma from the parse ("found" -> "find"), else its first word
            verb_lemma = inherited.lemma or (inherited.cue.split()[0].lower()
                                             if inherited.cue else "")
            factivity = "factive" if verb_lemma in self.factive else "non-factive"
        if inherited is not None and inherited.negated:
            factivity = "non-factive"  # "did not confirm that X" vouches for nothing
        level = _BASE_CERTAINTY
        if factivity == "factive":
            level += 0.25
        elif factivity == "non-factive":
            level -= 0.15
        if hedges:
            ws = sorted((c.weight for c in hedges), reverse=True)
            level -= ws[0] + 0.5 * sum(ws[1:])
        if attempts:
            level -= max(c.weight for c in attempts)
        level += sum(c.weight for c in boosters)
        if attribution is not None and attribution.kind in ("adverb", "passive", "reports"):
            level -= 0.05
        if inherited is not None and inherited.negated:
            level -= 0.3
        level = max(0.0, min(1.0, level))
        return Certainty(level=round(level, 3), hedges=tuple(hedges), attempts=tuple(attempts),
                         boosters=tuple(boosters), factivity=factivity, factive_cue=fcue)

    def _links(self, tokens, start_c, off, vocab: frozenset) -> tuple[Link, ...]:
        links = []
        doc = tokens[0].doc
        seen = set()
        for phrase, kind in [(p, "causal") for p in self.causal_phrases] + \
                            [(p, "temporal") for p in self.temporal_phrases]:
            pos = _find_phrase(tokens, phrase, vocab)
            if pos is None:
                continue
            s, e = tokens[pos[0]], tokens[pos[1]]
            seen.update(range(s.i, e.i + 1))
            links.append(self._link(doc, tokens, s, e, kind, off))
        for t in tokens:
            if t.i in seen:
                continue
            low, lem = t.lower_, t.lemma_.lower()
            kind = None
            if low in self.causal or (lem in self.causal and t.pos_ == "VERB"):
                kind = "causal"
            elif low in self.temporal or (lem in self.temporal and t.pos_ == "VERB"):
                kind = "temporal"
            if kind is None:
                continue
            if low == "so" and t.dep_ not in ("mark", "cc", "advmod"):
                continue
            if low == "so" and t.head.pos_ in ("ADJ", "ADV"):
                continue  # "so large": degree, not consequence
            if low in ("since", "when", "then", "once", "later") and kind == "temporal" and \
                    t.dep_ not in ("mark", "prep", "advmod"):
                continue
            if low == "follow" or lem == "follow":
                if t.pos_ != "VERB" or not any(c.dep_ == "dobj" for c in t.children):
                    continue
            links.append(self._link(doc, tokens, t, t, kind, off))
        return tuple(links)

    def _link(self, doc, tokens, s, e, kind, off) -> Link:
        left_toks = [t for t in tokens if t.i < s.i]
        right_toks = [t for t in tokens if t.i > e.i]
        left = " ".join(t.text for t in left_toks[-14:])
        right = " ".join(t.text for t in right_toks[:14])
        return Link(cue=_doc_text(doc)[s.idx:e.idx + len(e)].lower(), kind=kind, start=s.idx + off,
                    end=e.idx + len(e) + off, left=left, right=right)

    def _quantities(self, ents, tokens, start_c, end_c, off) -> tuple[Quantity, ...]:
        out = []
        covered = set()
        for e in ents:
            if e.label_ not in NUMERIC_LABELS or e.start_char < start_c or e.end_char > end_c:
                continue
            kind, value, unit, norm = normalise(e.text, e.label_)
            if kind not in ("date", "time") and not _states_a_number(e):
                # "emptied gallons", "only $XXX" (a redacted amount), "a few dollars": the
                # tagger's amount has no number to compare
                continue
            if kind == "date" and value is None and norm == e.text.lower().strip():
                # vague dates ("this week", "recently", "one day") carry no comparable value;
                # a duration in number words ("two months", "a one-year term") does
                if not _counts_a_duration(e) and not any(ch.isdigit() for ch in e.text) \
                        and not _CALENDAR_RE.search(e.text.lower()):
                    continue
            covered.update(range(e.start, e.end))
            out.append(Quantity(text=e.text, kind=kind, value=value, unit=unit,
                                start=e.start_char + off, end=e.end_char + off, norm=norm))
        out.extend(self._spans_of_time(tokens, covered, off))
        for t in tokens:
            if t.i in covered or not t.like_num or t.is_punct:
                continue
            last = t
            nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
            if nxt is not None and nxt.lower_ in ("%", "percent", "per"):
                last = nxt.nbor(1) if nxt.lower_ == "per" and nxt.i + 1 < len(t.doc) else nxt
            text = _doc_text(t.doc)[t.idx:last.idx + len(last)]
            kind, value, unit, norm = normalise(text, "PERCENT" if last is not t else "CARDINAL")
            if value is None:
                continue
            out.append(Quantity(text=text, kind=kind, value=value, unit=unit,
                                start=t.idx + off, end=last.idx + len(last) + off, norm=norm))
        return tuple(out)

    def _spans_of_time(self, tokens, covered, off) -> list[Quantity]:
        """A span of time with no number that the tagger leaves out: "within a fortnight",
        "for a week", "over a year" (a preposition of duration, "a" or "an", a unit)."""
        out = []
        for t in tokens:
            if t.i in covered or t.i < 2 or not duration_unit(t.lower_):
                continue
            art, prep = t.nbor(-1), t.nbor(-2)
            if art.lower_ not in ("a", "an") or prep.lower_ not in _DURATION_PREPS:
                continue
            text = _doc_text(t.doc)[art.idx:t.idx + len(t)]
            kind, value, unit, norm = normalise(text, "DATE")
            out.append(Quantity(text=text, kind=kind, value=value, unit=unit,
                                start=art.idx + off, end=t.idx + len(t) + off, norm=norm))
        return out

    def _scope(self, tokens, off, vocab: frozenset) -> tuple[Cue, ...]:
        out = []
        for t in tokens:
            low = t.lower_
            if low in self.scope and t.dep_ in ("det", "amod", "nsubj", "dobj", "predet",
                                                 "advmod", "nummod", "quantmod", "pobj"):
                if low == "one" and t.dep_ == "nummod":
                    continue
                out.append(Cue(t.text, self.scope[low], t.idx + off, t.idx + len(t) + off))
        for phrase in self.scope_phrases:
            pos = _find_phrase(tokens, phrase, vocab)
            if pos is not None:
                s, e = tokens[pos[0]], tokens[pos[1]]
                out.append(Cue(_doc_text(s.doc)[s.idx:e.idx + len(e)], self.lex.value(
                    "scope", " ".join(phrase)) or "some", s.idx + off, e.idx + len(e) + off))
        return tuple(out)

    def _quotes(self, doc) -> list[tuple[int, int, str]]:
        out = []
        for m in QUOTE_RE.finditer(doc.text):
            g = next(i for i in (1, 2, 3) if m.group(i) is not None)
            inner = m.group(g).strip()
            if len(inner.split()) < 1:
                continue
            out.append((m.start(g), m.end(g), inner))
        return out

    @staticmethod
    def _span_text(tok, *, limit: int = 0) -> str:
        if tok is None:
            return ""
        first, last = tok.left_edge, tok.right_edge
        if limit and last.i - first.i + 1 > limit:
            last = tok.doc[first.i + limit - 1]
        return _doc_text(tok.doc)[first.idx:last.idx + len(last)]


_TEXTS: dict = {}


# "One day, he left": a lone "one" before a singular unit, unhyphenated, is an idiom.
_IDIOM_ONE = frozenset({"day", "night", "week", "weekend", "month", "year"})


def _inverted_condition(tok) -> bool:
    """A modal that opens a condition by inversion ("Should the talks fail, ..."), which
    says "if", not "maybe": first in its clause, its verb's subject after it."""
    if tok.tag_ != "MD" or tok.i != tok.head.left_edge.i:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i for c in tok.head.children)


def _verbal(tok) -> bool:
    """A verb, or a verb the tagger read as a plural noun in a coordination ("has opened an
    inquiry and *plans* to refer it": a noun with its own "to" clause)."""
    return tok.pos_ in ("VERB", "AUX") or (
        tok.pos_ == "NOUN" and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "xcomp" for c in tok.children))


def _person(state: _State, at: int) -> str:
    """Whom "he" or "she" at offset ``at`` stands for: a person named before it in its
    sentence, else the named speaker of this sentence or the one before ('..., organiser Ana
    Ruiz said. "...," she said.'), else the last person named before this sentence ("She
    said she would meet Ana Ruiz" is not Ruiz's)."""
    before = [name for pos, name in state.sent_persons if pos < at]
    if before:
        return before[-1]
    if state.last_speaker and state.speaker_sent >= state.sent_no - 1:
        return state.last_speaker
    return state.prev_person or state.last_person


def _counts_a_duration(span) -> bool:
    """True for a date entity that counts units of time with a number word ("three weeks",
    "six-year", "one-month"), but not the idiom "one day"."""
    words = [t for t in span if not t.is_punct]
    for i, t in enumerate(words[:-1]):
        unit = words[i + 1].lower_
        if not t.like_num or not duration_unit(unit):
            continue
        hyphenated = t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "-"
        if t.lower_ == "one" and unit in _IDIOM_ONE and not hyphenated:
            continue
        return True
    return False


def _states_a_number(span) -> bool:
    """True when a numeric entity holds a number: a digit, a number word, or a magnitude
    ("hundreds", "dozens")."""
    for t in span:
        if t.like_num or any(ch.isdigit() for ch in t.text):
            return True
        if is_magnitude(t.text):
            return True
    return False


def _doc_text(doc) -> str:
    """``doc.text`` joins every token on each call; keep the last few texts instead."""
    key = id(doc)
    hit = _TEXTS.get(key)
    if hit is not None and hit[0] is doc:
        return hit[1]
    if len(_TEXTS) > 64:
        _TEXTS.clear()
    text = doc.text
    _TEXTS[key] = (doc, text)
    return text


def _subtree(tok):
    """The tokens of a subtree (spaCy's parses are projective, so it is a contiguous span)."""
    return tok.doc[tok.left_edge.i:tok.right_edge.i + 1]


def _shift_attr(attr: Optional[Attribution], off: int) -> Optional[Attribution]:
    """An attribution with unit-relative offsets moved to article offsets."""
    if attr is None:
        return None
    return replace(attr, start=attr.start + off, end=attr.end + off,
                   outer=_shift_attr(attr.outer, off))


def _shift_cue(cue: Optional[Cue], off: int) -> Optional[Cue]:
    return None if cue is None else replace(cue, start=cue.start + off, end=cue.end + off)


def _shift_certainty(c: Certainty, off: int) -> Certainty:
    """A certainty record with its cues moved to article offsets."""
    return replace(c, hedges=tuple(_shift_cue(x, off) for x in c.hedges),
                   attempts=tuple(_shift_cue(x, off) for x in c.attempts),
                   boosters=tuple(_shift_cue(x, off) for x in c.boosters),
                   factive_cue=_shift_cue(c.factive_cue, off))


def _vocab(tokens) -> frozenset:
    """Every lower-case form and lemma of some tokens, to skip phrases that cannot match."""
    return frozenset([t.lower_ for t in tokens] + [t.lemma_.lower() for t in tokens])


def _find_phrase(tokens, phrase: tuple[str, ...],
                 vocab: Optional[frozenset] = None) -> Optional[tuple[int, int]]:
    """(first, last) index in ``tokens`` where the lower-case or lemma sequence ``phrase`` is."""
    n = len(phrase)
    if n == 0 or len(tokens) < n:
        return None
    if vocab is not None and not vocab.issuperset(phrase):
        return None
    first = phrase[0]
    for i in range(len(tokens) - n + 1):
        t = tokens[i]
        if t.lower_ != first and t.lemma_.lower() != first:
            continue
        ok = True
        for j in range(1, n):
            u = tokens[i + j]
            if u.i != t.i + j or (u.lower_ != phrase[j] and u.lemma_.lower() != phrase[j]):
                ok = False
                break
        if ok:
            return i, i + n - 1
    return None
