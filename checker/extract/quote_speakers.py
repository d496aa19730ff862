"""Who a quotation is from, and who spoke last: the speaker readings the claim reader asks
when a clause holds quoted words (``Extractor._claim``) and before each sentence, and the
placing of a quotation no claim of its sentence holds.
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.extract.common import (CLOSING_MARKS, OPENING_MARKS, SUBJ_DEPS, _person,
                                    _State, semicolon_between, speaking_subject)
from checker.lexicon import shipped
from checker.records import Claim, Quote


class QuoteSpeakerReader:
    """Mixed into ``checker.extract.core.Extractor``; uses its lexicon sets and the speaker
    readings of ``SpeakerReader``."""

    def _quote_speaker(self, head, pred, subj_tok, subject, attribution, sent, quotes,
                       state: _State, ents, start_c, end_c=None) -> str:
        """Whose words the claim's quotations are: a speech verb's subject between the clause
        and the root, the root's subject when it is a verb of saying, the claim's speaker,
        the outer speaker of "We were told X, he said", the subject of the claim's own verb
        of saying; a pronoun read as the last person; a sentence that is all one quotation
        goes on the speaker named in the sentence before."""
        speaker = ""
        root = sent.root
        root_subj = speaking_subject(root, ("nsubj",))
        # (the owner of the quotation this claim holds, not of the sentence's first: 'which
        # their chair says would "..."; the council says it "..."')
        own = [q for q in quotes if end_c is None or q[0] < end_c and start_c < q[1]]
        inner = self._inner_speaker(head, root, quotes) or self._quote_owner(sent, root,
                                                                             own or quotes)
        # '"Today a judge told the firm the rules apply," ...': a verb of saying inside the
        # quotation is what the speaker reports, and its subject is not the speaker
        quoted_frame = any(q[0] <= root.idx < q[1] for q in quotes)
        answerer = self._before_colon(sent, own[0]) if own else None
        if answerer is not None:
            # 'A says X, which a club steward disputed: "..."': the words after the
            # colon are those of the subject of the verb of saying or answer that the colon
            # closes, wherever the parser hung them
            speaker = self._person_in(answerer, state, ents) or self._span_text(answerer)
        elif _apart(head, root) and not quoted_frame \
                and self._characterises(pred, subj_tok, sent, own or quotes):
            # '...; Cllr Tom Vey rejected that charge as "unjust to staff"': the clause a
            # semicolon parts from another's verb of saying characterises in its own words
            speaker = self._person_in(subj_tok, state, ents) or subject
        elif attribution is not None and attribution.source and attribution.kind == "named" \
                and _apart(head, root):
            # a clause with its own speaker that a semicolon parts from the verb the parser
            # hung it on: 'Vane said the trust "has not ruled out" X; two people said Y'
            speaker = attribution.source
        elif pred.lemma_.lower() in _CHARGING and subj_tok is not None and not quoted_frame \
                and subj_tok.head is pred and not _passive(pred) \
                and _characterised(sent, pred, own or quotes):
            # 'The forum accused the estate of "...", which the estate denied': the words
            # of the charge are its maker's, whoever answers them after it (the verb's own
            # subject: not one a conjunct verb shares with another clause)
            speaker = self._person_in(subj_tok, state, ents) or subject
        elif inner is not None:
            # "A said X, while B insisted it 'will hold'": the quote is B's
            speaker = self._person_in(inner, state, ents) or self._span_text(inner)
        elif root_subj is not None and root.lemma_.lower() in self.speech_verbs \
                and not quoted_frame:
            # '"Our teachers told us ...," said Marcus Aldane': the quote is Aldane's. Also when
            # the claim is the root's own clause: the test "root is not head" that stood here
            # was always true of spaCy's tokens (Span.root makes a new Token on every call), so
            # the findings have always been made without it.
            speaker = self._person_in(root_subj, state, ents) or self._span_text(root_subj)
        elif attribution is not None and attribution.source and not quoted_frame:
            speaker = attribution.source
        elif attribution is not None and attribution.outer is not None \
                and attribution.outer.kind == "named" \
                and "," not in attribution.outer.source.strip(" ,"):
            # '"We were told X," he said': the words are the outer speaker's
            speaker = attribution.outer.source
        elif (pred.lemma_.lower() in self.speech_verbs
              or head.lemma_.lower() in self.speech_verbs) and not quoted_frame:
            speaker = self._person_in(subj_tok, state, ents) or subject
        elif not quoted_frame and self._characterises(pred, subj_tok, sent, own or quotes):
            # 'the board dismissed the figure as "pure guesswork"': the words
            # that characterise the thing are the subject's
            speaker = self._person_in(subj_tok, state, ents) or subject
        # pronoun speakers resolve to the last person
        if speaker.lower() in self.pronouns_person and _person(state, start_c):
            speaker = _person(state, start_c)
        if not speaker:
            # '"...," council leader Ana Ruiz said of X.' that the parser hung on a verb
            # inside the quotation: the tag right after the closing mark names the speaker
            speaker = self._tag_after(sent, quotes, state, ents) \
                or self._tag_after_run_on(sent, quotes, ents)
        if not speaker and state.last_speaker and not state.speaker_by_pronoun \
                and state.speaker_sent == state.sent_no - 1 \
                and any(q[0] <= sent.start_char + 1 and sent.end_char - 2 <= q[1] <= sent.end_char
                        for q in quotes):
            # '"...," Feld said. "Salmonella can be serious ..."': a sentence that is all one
            # quotation, with no tag of its own, goes on the last speaker's words (not one
            # that runs on to a tag in the next sentence, nor after a "she said" whose
            # person is a guess)
            speaker = state.last_speaker
        return speaker

    def _characterises(self, pred, subj_tok, sent, quotes) -> bool:
        """The claim's own verb characterises a thing in the quoted words and has a subject
        ('the board dismissed the figure as "pure guesswork"'; also after a semicolon the
        parser hung under another's verb of saying: '...; Cllr Tom Vey rejected that charge
        as "unjust to staff"')."""
        return pred.lemma_.lower() in self.characterising_verbs and subj_tok is not None \
            and not _passive(pred) and _characterised(sent, pred, quotes)

    def _remember_speaker(self, sent, state: _State) -> None:
        """A named speaker of the sentence, whom a "she said" in the next one refers to
        ("Ruiz rejected the plan, saying ...")."""
        for tok in sent:
            lemma = tok.lemma_.lower()
            if lemma not in self.report_verbs and lemma not in self.answer_verbs \
                    or tok.pos_ != "VERB":
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None and tok.dep_ in ("advcl", "conj", "xcomp"):
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ == "PROPN":
                name = self._span_text(subj).split(",")[0].strip()
                state.last_speaker, state.speaker_sent = name, state.sent_no
                state.speaker_by_pronoun = False
            elif subj is not None and subj.lemma_.lower() in self.party_voices:
                # "A Tessel spokeswoman denied that. '...,' she said": the voice speaks on
                state.last_speaker, state.speaker_sent = self._span_text(subj), state.sent_no
                state.speaker_by_pronoun = False

    def _tag_after(self, sent, quotes, state: _State, ents) -> str:
        """The name in a tag right after a closing quotation mark ('"...," council leader
        Ana Ruiz said'): proper nouns, then a verb of speech; or a verb of speech, then the
        proper nouns right after it ('"...," said Ana Ruiz, the council leader, urging ...',
        which the parser may make the subject of a later verb); '' when there is none."""
        for q in quotes:
            after = [t for t in sent if t.idx >= q[1] and not t.is_punct]
            if after and after[0].lemma_.lower() in self.speech_verbs:
                run: list = []
                words = [t for t in sent if t.idx >= q[1] and (not t.is_punct or _joiner(t))]
                for t in words[1:8]:  # the last run of proper nouns before any other word
                    # ("said Labour's Ana Ruiz", "said agency spokeswoman Ann Pole", "said
                    # verger Ada Farr-Pell": a title whatever its tag, a hyphened name)
                    if t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME") or (
                            _joiner(t) and run and run[-1].i == t.i - 1):
                        run = run if run and run[-1].i == t.i - 1 else []
                        run.append(t)
                    elif t.pos_ not in ("NOUN", "PART") and t.lower_ != "'s" \
                            and t.lower_ not in self.titles:
                        break  # (not '"...," said Monday', nor "said in a statement")
                while run and _joiner(run[-1]):
                    run.pop()
                if run:
                    return sent.doc.text[run[0].idx:run[-1].idx + len(run[-1])]
            tag = _tag_words(sent, q[1])
            if len(tag) < 2 or tag[-1].lemma_.lower() not in self.speech_verbs:
                continue
            names = [t for t in tag[:-1] if t.pos_ == "PROPN"]
            if names and all(t.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "PUNCT")
                             for t in tag[:-1]):
                return " ".join(t.text for t in names)
        return ""

    def _tag_after_run_on(self, sent, quotes, ents) -> str:
        """The named speaker in the tag of a quotation that opens in this sentence and closes
        in the next ('"A warning should change things. This one did not," said Ana Ruiz' or
        '..." Ana Ruiz said'): the words of both sentences are hers. Only a name: a "she
        said" there is a guess at a person."""
        doc = sent.doc
        for q in quotes:
            if not (sent.start_char <= q[0] < sent.end_char < q[1]):
                continue
            close = next((t for t in doc[sent.end:] if t.idx + len(t) >= q[1]), None)
            if close is None or close.sent.start != sent.end:
                continue  # closes further on than the next sentence
            tag = _tag_words(close.sent, q[1])
            verb = tag[-1] if tag else None
            if verb is None or verb.lemma_.lower() not in self.speech_verbs:
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ != "PROPN" and not any(
                    t.pos_ == "PROPN" for t in subj.subtree):
                continue
            return self._person_in(subj, None, ents) or " ".join(
                t.text for t in subj.subtree if t.pos_ == "PROPN" and t.i <= subj.i)
        return ""

    def _colon_speaker(self, head, comp):
        """The verb of speech or answer that a colon closes before a clause the parser hung
        on an earlier reporting verb ("A accused B of X, which C rejected: "..."" makes the
        quotation a complement of "accused"): the quotation is the later verb's subject's.
        None when nothing but the reporting verb's own words stand before the colon."""
        if comp.i < head.i:
            return None
        doc = head.doc
        k = comp.left_edge.i  # (the colon may open the clause's own subtree: ': "The lights')
        while k < comp.i and doc[k].is_punct and doc[k].text != ":":
            k += 1
        if doc[k].text != ":":
            k = comp.left_edge.i - 1
            while k > head.i and doc[k].tag_ in ("``", "''"):
                k -= 1
        if k <= head.i or doc[k].text != ":":
            return None
        for t in reversed(head.doc.tokens[head.i + 1:k]):
            if (t.pos_ == "VERB" and t.dep_ in ("relcl", "conj", "advcl")
                    and (t.lemma_.lower() in self.report_verbs
                         or t.lemma_.lower() in self.answer_verbs)
                    and any(x.dep_ == "nsubj" and x.tag_ not in ("WP", "WDT")
                            for x in t.children)):
                return t
        return None

    def _before_colon(self, sent, quote):
        """The subject of the verb nearest before a colon that opens the quotation ``quote``
        (its offsets) in the sentence, within six tokens of the colon, when it is a verb of
        saying or answer in a relative or coordinate clause of its own ('..., which a club
        steward disputed: "..."'); not a relative pronoun or a personal one, nor the root's
        verb ('Ruiz said: "..."', which the root's reading gives) or a clause it governs
        ('said, as Reed had announced: "..."'). None when no colon opens it."""
        before = [t for t in sent if t.idx < quote[0] and t.tag_ not in ("``", "''")]
        if not before or before[-1].text != ":":
            return None
        verb = next((t for t in reversed(before[-7:-1]) if t.pos_ == "VERB"), None)
        relative = verb is not None and any(c.tag_ in ("WDT", "WP") and c.lower_ != "what"
                                            for c in verb.children)  # ("what X said": the
        # root's object, no clause of its own)
        if verb is None or verb.dep_ not in _OWN_CLAUSES and not relative \
                or verb.lemma_.lower() not in self.report_verbs \
                and verb.lemma_.lower() not in self.answer_verbs:
            return None  # (only the verb the colon closes, in a relative or coordinate
            # clause, or one a relative pronoun opens, whatever the parser's label: not the
            # root's, nor one the root's speaker reports, "said, as Reed had announced: ...")
        return next((c for c in verb.children if c.dep_ == "nsubj"
                     and c.tag_ not in ("WP", "WDT", "PRP")), None)

    def _inner_speaker(self, head, root, quotes):
        """The subject of a speech verb outside the quotations, between a clause and its
        sentence's root ("A said X, while B insisted it 'will hold'"), or None; not a
        relative pronoun ("according to the maker, which said it 'fully backs' ..."), whose
        party the claim's attribution names."""
        t = head
        while t.i != root.i and t.head.i != t.i:
            if t.lemma_.lower() in self.speech_verbs and t.pos_ == "VERB" and not any(
                    q[0] <= t.idx < q[1] for q in quotes):
                subj = next((c for c in t.children if c.dep_ == "nsubj"
                             and c.tag_ not in ("WP", "WDT")), None)
                if subj is not None:
                    return subj
            t = t.head
        return None

    def _quote_owner(self, sent, root, quotes):
        """The subject of a verb of saying below the root that the first quotation hangs on
        ("..., according to the group, whose chair, Ann Roe, said: '...'"), or None: the
        quotation is that speaker's, whichever clause of the sentence holds it."""
        if not quotes:
            return None
        t = next((t for t in sent if quotes[0][0] < t.idx < quotes[0][1] and not t.is_punct),
                 None)
        while t is not None and t.i != root.i and t.head.i != t.i:
            t = t.head
            if t.i != root.i and t.lemma_.lower() in self.speech_verbs and t.pos_ == "VERB" \
                    and not quotes[0][0] <= t.idx < quotes[0][1]:
                return next((c for c in t.children if c.dep_ == "nsubj"
                             and c.tag_ not in ("WP", "WDT")), None)
        return None

    def _person_in(self, tok, state, ents) -> str:
        if tok is None:
            return ""
        if tok.lower_ in self.pronouns_person:
            # '"For that money, Ostrander gets a ruin," she said': a person named
            # inside the quotation the tag closes is what she spoke of, not her
            return _person(state, _quotation_start(tok))
        appos = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if appos is not None and tok.pos_ == "NOUN":
            # "Hallbrook's chief executive, Margit Elling": the name set beside the title,
            # whatever labels the tagger gave the two names
            return " ".join(t.text for t in appos.subtree if t.pos_ == "PROPN" and t.i <= appos.i)
        own = next((e for e in ents if e.start <= tok.i < e.end and e.label_ == "PERSON"), None)
        if own is not None:  # "Carrow Leisure chief executive Anna Holm": the name
            return own.text  # the subject's head is in, whatever else the tagger called one
        for t in tok.subtree:
            if t.ent_type_ == "PERSON" and not _under_preposition(t, tok):
                ent = next((e for e in ents if e.start <= t.i < e.end), None)
                if ent is not None:
                    return ent.text
        return ""

    def _place_loose_quotes(self, claims: list[Claim], sent, quotes, off: int,
                            state: _State) -> list[Claim]:
        """Give a quotation that no claim of its sentence holds (one inside a reporting
        frame: 'his lawyers described the offer as "a courtesy"') to the nearest claim of the
        sentence, credited to the subject of the verb it hangs on, so that the quotation
        rules still read it."""
        held = {(q.start, q.end) for c in claims for q in c.quotes}
        for start, end, text in quotes:
            if (start + off, end + off) in held:
                continue
            i = min(range(len(claims)), key=lambda k: min(abs(claims[k].start - end - off),
                                                         abs(start + off - claims[k].end)))
            tok = next((t for t in sent if t.idx >= start and not t.is_punct), None)
            verb, steps = tok, 0
            while verb is not None and verb.pos_ != "VERB" and verb.head.i != verb.i \
                    and steps < 6:
                verb, steps = verb.head, steps + 1
            if verb is not None and start <= verb.idx < end:
                # the quotation's own verb ("which he said was "crumbling ...""): the speaker
                # is the subject of the verb of speech it is said under, if there is one
                said = verb.head
                if said.i != verb.i and said.lemma_.lower() in self.speech_verbs and any(
                        c.dep_ in SUBJ_DEPS for c in said.children):
                    verb = said
            subj = next((c for c in verb.children if c.dep_ in SUBJ_DEPS), None) \
                if verb is not None else None
            if subj is not None and subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                subj = verb.head  # "The mayor, who once called it "...", said": the mayor
            speaker = (self._person_in(subj, state, sent.ents)
                       or self._span_text(subj).split(",")[0].strip()) if subj is not None else ""
            c = claims[i]
            if speaker.lower() in self.pronouns_person and _person(state, c.start - off):
                speaker = _person(state, c.start - off)  # "she called it "...""
            elif (not speaker or speaker.lower() in self.pronouns_person) \
                    and c.attribution is not None:
                speaker = c.attribution.source  # "Calling it "...", she said"
            claims[i] = replace(c, quotes=c.quotes + (Quote(text=text, speaker=speaker,
                                                            start=start + off,
                                                            end=end + off),))
        return claims


def _under_preposition(t, top) -> bool:
    """``t`` hangs from ``top`` through a preposition ("Lawyers *for Mr Drayfield*", "a
    spokesman *for the mayor*"): it names whom the speaker acts for, not the speaker."""
    while t is not top and t.head is not t:
        if t.dep_ == "prep":
            return True
        t = t.head
    return False


def _tag_words(sent, end: int) -> list:
    """The tokens of ``sent`` right after a closing quotation mark at character ``end``, up
    to and with the first verb (at most seven)."""
    out = []
    for t in sent:
        if t.idx < end or (not out and t.is_punct):
            continue
        out.append(t)
        if t.pos_ in ("VERB", "AUX") or len(out) >= 7:
            break
    return out


def _apart(head, root) -> bool:
    """A semicolon parts the clause of ``head`` from the sentence's root on the way up."""
    tok = head
    while tok.head is not tok and tok.i != root.i:
        if semicolon_between(tok):
            return True
        tok = tok.head
    return False


def _quotation_start(tok) -> int:
    """The offset of the quotation a speech tag's word follows ('"...," she said'), else
    the word's own."""
    doc, k = tok.doc, tok.i - 1
    while k >= 0 and doc[k].is_punct and doc[k].text not in CLOSING_MARKS:
        k -= 1
    if k < 0 or doc[k].text not in CLOSING_MARKS:
        return tok.idx
    j = k - 1
    while j >= 0 and doc[j].text not in OPENING_MARKS:
        j -= 1
    return doc[j].idx if j >= 0 else tok.idx


# What may stand between a verb that characterises and its quotation: the thing
# characterised (with an aside set off by commas: "the audit, published on Monday,") and
# "as" or "for" with up to two words after it ("dismissed the £40m estimate as", "hailed the
# deal as a", "praised the crews for their"), or, after "brand" and "label", the thing alone
# ("branded the offer"); no clause of its own ("dismissed the claim that", "condemned the
# minister, who had called").
_OBJECT_WORDS = (r"\s+(?:(?!(?:that(?!\s+[a-z]+\s+as\b)|who|which|whose|when)\b)"
                 r"[^\s\"“”]+\s+){0,9}")  # ("that" a determiner only: "rejected that claim as")


def _characterising_gap(preps: str):
    """The gap before a characterised quotation, its thing then one of ``preps``."""
    return re.compile(_OBJECT_WORDS + rf"(?:{preps})\s+(?:(?:a|an|the|its|their|his|her|[a-z]+ly)"
                      r"\s+){0,2}[\"“‘']?|" + _OBJECT_WORDS + r"as\s*[\"“‘']", re.I)


_CHARACTERISED_GAP = _characterising_gap("as|for")
_AS_GAP = _characterising_gap("as")  # ("reject": "rejected the claim as", not "a bid for")
_NAMED_GAP = re.compile(_OBJECT_WORDS + r"[\"“‘']?", re.I)
# "accused the estate of "selling off the plots"", "criticised the board for "stalling""
_CHARGED_GAP = re.compile(_OBJECT_WORDS + r"(?:of|for)\s+[\"“‘']", re.I)
_CHARGING = shipped("charging_verbs")


def _passive(verb) -> bool:
    """The verb is passive ("has been accused of ..."): its subject is who was charged or
    described, not the speaker of the words."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _characterised(sent, pred, quotes) -> bool:
    """A quotation is the complement of the characterising verb ``pred``: it follows the
    verb's object, after "as" or, for "brand" and "label", right after it, and for a verb of
    charging ("accused the estate of "selling off the plots"") also after "of" or "for"."""
    text = sent.doc.text
    end = pred.idx + len(pred.text)
    lemma = pred.lemma_.lower()
    gaps = (_NAMED_GAP,) if lemma in ("brand", "label") else \
        (_CHARGED_GAP, _CHARACTERISED_GAP) if lemma in _CHARGING else \
        (_AS_GAP,) if lemma == "reject" else (_CHARACTERISED_GAP,)
    # ("rejected the claim as "..."", not 'rejected a bid for "affordable" flats': the
    # thing rejected is named, not characterised)
    return any(q[0] > end and gap.fullmatch(text, end, q[0]) is not None
               for q in quotes for gap in gaps)


_OWN_CLAUSES = frozenset({"relcl", "conj", "parataxis"})  # a clause with a speaker of its own


def _joiner(tok) -> bool:
    """A hyphen inside a name, with no space on either side ("Farr-Pell")."""
    if tok.text != "-" or tok.i == 0 or tok.i + 1 >= len(tok.doc):
        return False
    before, after = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    return before.idx + len(before) == tok.idx and after.idx == tok.idx + 1
