"""Whom pronouns and descriptions stand for across an article's sentences: the people,
bodies and sources named so far ("she", "it", "the company", "the department"), remembered
as the extractor reads the article and resolved for each attribution."""

from __future__ import annotations

import re

from checker.extract.common import _State, _person
from checker.lexicon import shipped
from checker.records import Attribution


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # the tagger's labels of places
_ARTICLES = shipped("articles")  # "the", "a", "an" (articles.txt)


class ReferentMemory:
    """The referent half of ``Extractor``'s attribution work: what it has met, and whom a
    speaker's pronoun or description stands for."""

    def _resolve(self, attr: Attribution, state: _State, clause_from: int = -1) -> Attribution:
        src = attr.source
        low = src.lower()
        closing = clause_from if 0 <= clause_from < attr.start else -1
        person = _person(state, attr.start, closing) if low in self.pronouns_person else ""
        sure = bool(person) and _named_just_before(state, person, attr.start)
        if person:
            src = person
        elif low in self.party_phrases:
            src = self._party_meant(low, state, attr.start) or src
        elif low in self.pronouns_thing or low in self.publication_phrases:
            # "it" is never the person last quoted: "Dunstan said ... The Authority asked
            # ...; it said" means the Authority
            people = [n for n in (state.last_person, state.prev_person,
                                  *(name for _, name in state.sent_persons)) if n]
            at, opener = state.opener  # "The board shut the pier, it said"
            src = opener if low == "it" and 0 <= at < attr.start and self._opener_speaks(
                opener, state) else next(
                (c for c in (state.last_source, state.last_party, state.last_org)
                 if c and not (low == "it" and any(_names_one(n, c) for n in people))
                 and not _other_than_a_record(self.lex, low, c)),
                src)  # ("the report" is no lawyer who spoke before it)
        if src and src != attr.source:
            last = self._head_of(src)
            attr = Attribution(source=src, cue=attr.cue, start=attr.start, end=attr.end,
                               kind=attr.kind, negated=attr.negated, surface=attr.source,
                               lemma=attr.lemma,
                               head=last if low in self.pronouns else attr.head,
                               outer=attr.outer, resolved=sure)
        if attr.source and low in self.pronouns_person and attr.source.lower() != low \
                and attr.kind == "named":
            # '"...," she said. She added that ...': the speaker a pronoun stood for speaks on
            state.last_speaker, state.speaker_sent = src, state.sent_no
            state.speaker_by_pronoun = not sure
        if attr.source and low not in self.pronouns:
            state.last_source = attr.source
            state.sources.append(attr.source)
            # the part of "Hallbrook's chief executive, Margit Elling," that is a name
            # (an article before the name: "The vicar, the Rev Mabel Tansey,")
            parts = [_no_article(p.split()) for p in attr.source.split(",") if p.split()]
            words = next((p for p in parts if p and all(w[:1].isupper() for w in p)),
                         parts[0] if parts else [])
            if attr.kind in ("named", "according-to") and words and words[-1][:1].isupper() \
                    and not self.lex.has("document_nouns", attr.head or self._head_of(attr.source)):
                # a document ("a letter sent to club members") is no "she" of later
                state.last_speaker, state.speaker_sent = " ".join(words), state.sent_no
                state.speaker_by_pronoun = False
                if low in self.party_phrases:  # "the council told her": a body
                    state.body_speaker = state.last_speaker
            elif attr.kind == "named" and attr.head in self.party_voices:
                # '..., a spokeswoman said. She said ...': "she" is the spokeswoman, not
                # the last person named before
                state.last_speaker, state.speaker_sent = attr.source, state.sent_no
                state.speaker_by_pronoun = False
        return attr

    def _head_of(self, phrase: str) -> str:
        """The head word of a source phrase a pronoun stood for: its last word before a
        comma, a preposition, a relative word or a participle ("a report published on
        Tuesday" -> report; "the Residential Housing Ombudsman's report" -> report)."""
        words = phrase.split(",")[0].split()
        kept = []
        for w in words[1:] if len(words) > 1 else ():
            low = w.lower()
            if self.lex.has("prepositions", low) or low in ("which", "who", "that") \
                    or (kept and low.endswith("ed") and w.islower()):
                break  # a participle after the head only ("a detailed report by ...")
            kept.append(w)
        last = (kept or words[:1])[-1] if words else ""
        return re.sub(r"['’]s?$", "", last).lower()

    def _party_meant(self, phrase: str, state: _State, at: int) -> str:
        """The party named earlier that "the company" or "the department" stands for: the
        last one named before offset ``at``, when the noun is one a business calls itself by
        or the name holds the noun ("the department" for "the Education Department", not for
        the teachers' federation named last, nor "the company" for a body a business is not:
        the ``public_body_heads``; not for a group first named after it in the sentence: "X
        is seeking a permit, the company said, a plan that the Y Coalition opposes");
        '' when none can be meant."""
        noun = phrase.split()[-1]
        for name in (state.last_party, *reversed(state.bodies)):  # bodies[-1]: last_org
            if state.new_bodies.get(name, -1) > at:
                continue
            words = re.findall(r"[a-z]+", name.lower()) if name else []
            if noun in words:
                return name
            if words and noun in self.corporate_nouns \
                    and words[-1] not in self.public_body_heads:
                return name  # "the company" is no association or union named last, but
                # the business named before it
        return ""

    def _remember_reporter(self, root, state: _State) -> None:
        """"The FT reported on Monday." names the source that a later "It said" refers to."""
        if root.lemma_.lower() not in self.report_verbs:
            return
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in self.pronouns:
            return
        state.last_source = self._span_text(subj)
        state.sources.append(state.last_source)

    def _remember_party(self, root, ents, state: _State) -> None:
        """The last organisation-like subject, which "the company" later refers to; also a
        definite description of a body named before ("The infirmary disputed the charge" after
        "Branford Royal Infirmary"), which a later "It said" refers to."""
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
            named = {b for b in state.bodies if b.split()[-1].lower() == subj.lower_}
            if len(named) == 1:
                state.last_party = named.pop()
            return
        if subj is None or subj.pos_ != "PROPN" and not _name_tagged_noun(subj, state.text):
            return
        if subj.text in state.surnames or any(
                e.label_ == "PERSON" and e.start <= subj.i < e.end for e in ents):
            return  # (a person named in full before, now by surname, whatever the label)
        state.last_party = self._span_text(subj)

    @staticmethod
    def _opener_speaks(opener: str, state: _State) -> bool:
        """The body the sentence opens with is a source of the article before, or none is:
        "The board has since shut the pier, it said" after the board reported; not "The
        council then cut its budget, it said" after the Trust's account of the council
        (it is the Trust)."""
        words = set(opener.split()) - {"The", "the"}
        return not state.sources or any(words & set(s.split()) for s in state.sources)

    def _remember_opener(self, heads, state: _State) -> None:
        """The body a definite description opening the sentence's first clause stands for
        ("The board then shut the pier to anglers, it said": the Harbour Board named
        before), which a trailing "it said" of the same sentence means."""
        state.opener = (-1, "")
        first = min((h for h, _a, _f in heads), key=lambda h: h.i, default=None)
        subj = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")),
                    None) if first is not None else None
        if subj is None or subj.pos_ != "NOUN" or subj.i != subj.left_edge.i + 1 \
                or subj.left_edge.lower_ != "the":
            return
        named = {b for b in state.bodies if b.split()[-1].lower() == subj.lower_}
        if len(named) == 1:
            state.opener = (subj.idx, named.pop())

    def _remember_entities(self, ents, state: _State, sent=()) -> int:
        n = 0
        state.new_bodies = {}
        for ent in ents:
            last = next((t for t in reversed(list(ent)) if t.is_alpha), ent[-1])  # not "'s"
            if ent.label_ == "PERSON" and last.lower_ in self.non_person_heads:
                n += 1  # "Pennant Wire", "Pell Crossing" tagged as persons: nobody "she" is
                if not self._place_name(ent):  # "Brennan Marine Works": a body
                    self._met_body(ent, state)
            elif ent.label_ == "PERSON" and _placed(ent):
                n += 1  # "live in Dunmore": one word the tagger took for a person, a place
            elif ent.label_ == "PERSON" and len(ent) == 1 and ent[0].pos_ == "NOUN" \
                    and ent[0].dep_ != "compound":
                n += 1  # "Households in the area could ...": a common noun opening the
                # sentence that the tagger took for a person; nobody "she" is (not one
                # that opens a title: "Parks committee chair Ada Fenn", which stands in
                # the person's place)
            elif ent.label_ == "PERSON" and len(ent) == 1 and any(
                    b != ent.text and b.split()[0] == ent.text for b in state.bodies):
                n += 1  # "Corvane" after "Corvane Therapeutics": the body by its first word,
                self._met_body(ent, state)  # tagged as a person; nobody "he" is
            elif len(ent) == 1 and ent.text in state.surnames:
                # a person named in full before, now by surname, whatever the tagger's label
                # ('..., " Marrow told reporters' tagged a work of art after the quotation)
                self._met_person(ent.start_char, state.surnames[ent.text], state)
                n += 1
            elif (ent.label_ in ("ORG", "NORP") and not self._titled(ent)
                  or len(ent) == 1 and ent[0].lower_ in self.titles) \
                    and (titled := self._title_before(ent)) is not None:
                # "Verger Amos Hale-Pinder", tagged a person ("Verger") and a body
                # ("Hale-Pinder"): the title's one person, by the name
                n += 1
                if titled and titled[1] != state.last_person:
                    self._met_person(*titled, state)
            elif ent.label_ == "PERSON" or self._titled(ent) or (
                    _who_follows(ent.root) and all(t.pos_ == "PROPN" for t in ent)):
                # (also a name a "who" clause describes, whatever the tagger's label:
                # "Ines Marwick, who chairs the board," tagged as a body)
                self._met_person(ent.start_char, ent.text, state)
                n += 1
            elif ent.label_ in ("ORG",):
                if not _a_place(ent) and not self._place_name(ent):
                    self._met_body(ent, state)
                n += 1
        tagged = {t.i for e in ents for t in e}
        for tok in sent:
            named = self._titled_name(tok) if tok.i not in tagged else None
            if named is not None:
                # "Detective Constable Ysella Trenfold of X Police said", tagged nothing
                self._met_person(*named, state)
                n += 1
                continue
            if tok.i not in tagged and tok.pos_ == "PROPN" and (
                    _who_follows(tok) or tok.dep_ == "appos" and tok.head.pos_ == "NOUN"
                    and tok.head.lemma_.lower() in self.titles or tok.dep_ != "compound"
                    and any(c.dep_ == "compound" and c.pos_ == "NOUN"
                            and c.lemma_.lower() in self.titles for c in tok.children)):
                # "Ines Marwick, who leads the board, backs it", "its chief executive,
                # Domenic Rask, said", "Parks committee chair Ada Fenn backs it": a name the
                # tagger missed that a "who" clause or a title beside or before it makes a
                # person
                parts = sorted([c for c in tok.children if c.dep_ == "compound"
                                and c.pos_ == "PROPN"] + [tok], key=lambda t: t.i)
                self._met_person(parts[0].idx, " ".join(t.text for t in parts), state)
                n += 1
                continue
            # a person named earlier, now by surname alone and missed by the tagger
            # ("Marsh rejected the warnings" after "Minister Ada Marsh"; also a surname
            # opening the sentence as its subject that the tagger read as a common noun:
            # "Tanner disputed that", "Woods rejected it"; not one with a plural verb,
            # "Banks have tightened their rules")
            if tok.i not in tagged and tok.text in state.surnames and (
                    tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.i == sent.start
                    and tok.dep_ in ("nsubj", "nsubjpass") and not _plural_verb(tok)) \
                    and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN"):
                self._met_person(tok.idx, state.surnames[tok.text], state)
        return n

    def _title_before(self, ent):
        """For a name the tagger cut at a title set before it with no comma ("Verger Amos
        Hale-Pinder" as a person "Verger" and a body): () for the title
        word alone, (offset, name) for the name after it; None for any other entity."""
        head = ent.root.head if ent.root.dep_ == "compound" else ent.root
        named = self._titled_name(head)
        if named is None:
            return None
        if len(ent) == 1 and ent[0].lower_ in self.titles:
            return ()
        return named if ent.start_char <= named[0] < ent.end_char or ent.start_char < \
            named[0] + len(named[1]) <= ent.end_char else None

    def _titled_name(self, head):
        """(offset, name) when the proper noun ``head`` ends a name whose compounds before it
        hold a title word (titles.txt: "Detective Constable Ysella Trenfold", "Verger Amos
        Hale-Pinder"): the name from its first title word, with two or three capitalised
        words after the last title (a given name and a surname: not "Bishop Auckland", a
        town), none a place's or a body's word nor tagged a place ("Mayor Street Depot");
        else None."""
        if head.pos_ != "PROPN" or head.dep_ == "compound":
            return None
        comps = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
        if not comps or not any(c.lower_ in self.titles for c in comps):
            return None
        words = [t for t in head.doc[min(c.i for c in comps):head.i + 1] if t.is_alpha]
        at = max(k for k, t in enumerate(words) if t.lower_ in self.titles)
        rest = words[at + 1:]
        if not 2 <= len(rest) <= 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                              and t.lower_ not in self.place_heads
                                              and t.lower_ not in self.non_person_heads
                                              and t.ent_type_ not in _PLACE_LABELS
                                              for t in rest):
            return None  # (not "Mayor Street Depot", nor a town a title opens: "Bishop
            # Auckland", tagged a place)
        first = next(t for t in words if t.lower_ in self.titles)  # (the name with its
        # title, as the tagger gives a person it reads whole: "Councillor Ruth Penhallow")
        return first.idx, head.doc.text[first.idx:head.idx + len(head)]

    def _place_name(self, ent) -> bool:
        """A name whose last word is a place's ("Marsh Lane": place_heads.txt), or whose
        first word is and whose last is no body's ("the River Amble", not "City Council":
        non_person_heads.txt), whatever the tagger's label."""
        words = [t.lower_ for t in ent if t.is_alpha and t.lower_ != "the"]
        if not words or words[-1] in self.place_heads:
            return bool(words)
        return words[-1] not in self.non_person_heads and words[0] in self.place_heads

    @staticmethod
    def _met_body(ent, state: _State) -> None:
        if ent.text not in state.bodies:
            state.new_bodies[ent.text] = ent.start_char
        state.last_org = ent.text
        state.bodies.append(ent.text)

    def _titled(self, ent) -> bool:
        """A name set beside a title or after one, whatever the tagger's label ("its chief
        executive, Pieter Dalsgaard", "Chief Constable Ian Rhodes", tagged ORG): a person."""
        head = ent.root
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and \
                head.head.lemma_.lower() in self.titles and all(t.pos_ == "PROPN" for t in ent):
            return True
        # a title at the front of the name ("National Statistician Ada Rowe", tagged ORG):
        # two capitalised words after it, the last no body's head ("Mayor Street Depot")
        words = [t for t in ent if t.is_alpha]
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ in self.titles:
            # the title just outside the name: "treasurer Wenna Tanner", tagged ORG
            words = [ent.doc[ent.start - 1], *words]
        at = max((k for k, t in enumerate(words) if t.lower_ in self.titles), default=-1)
        rest = words[at + 1:]
        return at >= 0 and len(rest) == 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                                  for t in rest) \
            and rest[-1].lower_ not in self.non_person_heads

    @staticmethod
    def _met_person(at: int, name: str, state: _State) -> None:
        state.last_person = name
        state.sent_persons.append((at, name))
        words = name.split()
        if len(words) > 1:
            state.surnames[words[-1]] = name


def _plural_verb(tok) -> bool:
    """The subject's verb, or an auxiliary of it, is a plural present form ("Banks have
    tightened", "Woods are"): a plural noun, not one person."""
    verb = tok.head
    return verb.tag_ == "VBP" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBP"
                                     for c in verb.children)


def _who_follows(tok) -> bool:
    """A proper noun that a relative clause opened by "who" describes."""
    return any(c.dep_ == "relcl" and any(g.lower_ == "who" and g.dep_ in ("nsubj", "nsubjpass")
                                         for g in c.children) for c in tok.children)


def _named_just_before(state, person: str, at: int) -> bool:
    """A pronoun's person is no guess: the speaker of the sentence before, the person in its
    subject, or a person this sentence names before ``at``; one named further back may be
    wrong."""
    near = [state.prev_first, *(name for pos, name in state.sent_persons if pos < at)]
    if state.speaker_sent >= state.sent_no - 1:
        near.append(state.last_speaker)
    return any(n and (_names_one(n, person) or _names_one(person, n)) for n in near)


def _name_tagged_noun(tok, text: str) -> bool:
    """A capitalised subject the tagger read as a common noun ("Trackways said ...", the
    sentence's first word) that the article writes capitalised inside a sentence as well,
    standing alone ("a report to Trackways, the line's owner"; not "the Ashby Residents
    Association", where a common noun is one word of a longer name): a name, as a party's
    subject is."""
    if tok.pos_ != "NOUN" or not tok.text[:1].isupper() or tok.text.isupper() \
            or any(c.dep_ == "det" for c in tok.children):
        return False
    alone = rf"(?:^|[\s(])[a-z][\w'’-]*[,;:]? +{re.escape(tok.text)}\b(?![’']?s?\s+[A-Z])"
    return re.search(alone, text, re.M) is not None


def _names_one(person: str, phrase: str) -> bool:
    """The source phrase names the person: it holds the full name, or is part of it (the
    surname "Harrel" a quotation was credited to, for "Transport Minister Oswin Harrel")."""
    words = set(phrase.split())
    return person in phrase or bool(words) and words <= set(person.split())


# prepositions that set a one-word name as a place ("in Dunmore", "between Corby and Hestle")
_PLACING = ("in", "near", "outside", "between")


def _placed(ent) -> bool:
    """A one-word name set after "in", "near" or "outside" ("members live in Dunmore"), or
    joined by "and" or "or" to a name the tagger calls a place that is so set ("runs
    between Corby and Hestle"): a place, whatever the tagger's label; nobody "he" or "she"
    can stand for."""
    head = ent.root
    if len(ent) != 1:
        return False
    first = head.head
    if head.dep_ == "conj" and first.ent_type_ in ("GPE", "LOC") and any(
            c.dep_ == "cc" for c in first.children):
        head = first  # "between Corby and Hestle": placed as the first name is (not "Paris
        # and Omar on guitar", two players whatever the tagger says of the first)
    return head.dep_ == "pobj" and head.head.lower_ in _PLACING


def _a_place(ent) -> bool:
    """A one-word name the tagger called an organisation where the sentence uses it as a
    place ("a depot at Hartmoor"): not what "the company" stands for."""
    head = ent.root
    return len(ent) == 1 and head.dep_ == "pobj" and head.head.lower_ in (
        "at", "in", "near", "outside", "of") and head.head.head.pos_ in ("NOUN", "ADV", "ADJ")


def _other_than_a_record(lex, phrase: str, source: str) -> bool:
    """A phrase that points back to a record ("the report": a document noun) and a source
    that names none ("a lawyer for the owner", "Harlow Council"): the record is not that
    source. Phrases for an outlet ("the newspaper") point back to any source."""
    head = phrase.split()[-1]
    return lex.has("document_nouns", head) and not any(
        lex.has("document_nouns", w) for w in re.findall(r"[a-z]+", source.lower()))


def _no_article(words: list) -> list:
    """A part of a speaker phrase without the article that opens it, when a capitalised name
    follows ("the Rev Mabel Tansey"); any other part as it is."""
    if len(words) > 1 and words[0].lower() in _ARTICLES and words[1][:1].isupper():
        return words[1:]
    return words
