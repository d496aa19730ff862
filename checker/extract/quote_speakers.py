"""Who a quotation is from, and who spoke last: the speaker readings the claim reader asks
when a clause holds quoted words (``Extractor._claim``) and before each sentence.
"""

from __future__ import annotations

from checker.extract.common import _person, _State, speaking_subject


class QuoteSpeakerReader:
    """Mixed into ``checker.extract.core.Extractor``; uses its lexicon sets and the speaker
    readings of ``SpeakerReader``."""

    def _quote_speaker(self, head, pred, subj_tok, subject, attribution, sent, quotes,
                       state: _State, ents, start_c) -> str:
        """Whose words the claim's quotations are: a speech verb's subject between the clause
        and the root, the root's subject when it is a verb of saying, the claim's speaker,
        the outer speaker of "We were told X, he said", the subject of the claim's own verb
        of saying; a pronoun read as the last person; a sentence that is all one quotation
        goes on the speaker named in the sentence before."""
        speaker = ""
        root = sent.root
        root_subj = speaking_subject(root, ("nsubj",))
        inner = self._inner_speaker(head, root, quotes)
        if inner is not None:
            # "A said X, while B insisted it 'will hold'": the quote is B's
            speaker = self._person_in(inner, state, ents) or self._span_text(inner)
        elif root_subj is not None and root.lemma_.lower() in self.speech_verbs:
            # '"Our teachers told us ...," said Marcus Aldane': the quote is Aldane's. Also when
            # the claim is the root's own clause: the test "root is not head" that stood here
            # was always true of spaCy's tokens (Span.root makes a new Token on every call), so
            # the findings have always been made without it.
            speaker = self._person_in(root_subj, state, ents) or self._span_text(root_subj)
        elif attribution is not None and attribution.source:
            speaker = attribution.source
        elif attribution is not None and attribution.outer is not None \
                and attribution.outer.kind == "named" \
                and "," not in attribution.outer.source.strip(" ,"):
            # '"We were told X," he said': the words are the outer speaker's
            speaker = attribution.outer.source
        elif pred.lemma_.lower() in self.speech_verbs or head.lemma_.lower() in self.speech_verbs:
            speaker = self._person_in(subj_tok, state, ents) or subject
        # pronoun speakers resolve to the last person
        if speaker.lower() in self.pronouns_person and _person(state, start_c):
            speaker = _person(state, start_c)
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

    def _colon_speaker(self, head, comp):
        """The verb of speech or answer that a colon closes before a clause the parser hung
        on an earlier reporting verb ("A accused B of X, which C rejected: "..."" makes the
        quotation a complement of "accused"): the quotation is the later verb's subject's.
        None when nothing but the reporting verb's own words stand before the colon."""
        if comp.i < head.i:
            return None
        k = comp.left_edge.i - 1
        while k > head.i and head.doc[k].tag_ in ("``", "''"):
            k -= 1
        if k <= head.i or head.doc[k].text != ":":
            return None
        for t in reversed(head.doc.tokens[head.i + 1:k]):
            if (t.pos_ == "VERB" and t.dep_ in ("relcl", "conj", "advcl")
                    and (t.lemma_.lower() in self.report_verbs
                         or t.lemma_.lower() in self.answer_verbs)
                    and any(x.dep_ == "nsubj" and x.tag_ not in ("WP", "WDT")
                            for x in t.children)):
                return t
        return None
