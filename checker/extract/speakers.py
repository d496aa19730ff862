"""Who a claim is attributed to: reporting verbs and credits ("according to" frames:
``frames``; the speaker a reporting verb names: ``report_speakers``; whom a speaker's pronoun
or description stands for: ``referents``; who says a quotation: ``quote_speakers``)."""

from __future__ import annotations

from typing import Optional

from checker.credits import find_credit
from checker.extract.common import (OPENING_MARKS, _comment_on_it, _State, _doc_text,
                                     _reported_thing, _subordinate, raised_report,
                                     semicolon_between, speaking_subject)
from checker.extract.phrases import _find_phrase, _possible
from checker.extract.report_speakers import ReportSpeakerReader
from checker.records import Attribution


class SpeakerReader(ReportSpeakerReader):
    """The attribution half of ``Extractor``: who says each claim (the speaker a reporting
    verb names is ``ReportSpeakerReader``'s)."""

    def _aside(self, tok) -> bool:
        """A verb of saying set as an aside with its own speaker ("..., the agency said,")."""
        return tok.dep_ == "parataxis" and tok.lemma_.lower() in self.report_verbs \
            and any(x.dep_ == "nsubj" for x in tok.children)

    def _outer_report(self, head):
        """The reporting verb that frames a clause the clause walk did not reach: one set
        inside it ("It has not, the agency said, opened ...", "X, the agency said, and ...")
        or a participle whose complement holds it ("..., saying A and that B")."""
        for c in head.children:
            if self._aside(c):
                return c
            for g in c.children if c.dep_ in ("dep", "xcomp") and c.i > head.i else ():
                # "It was premature, she said, to gauge whether ...": the parser hung the
                # aside on the clause's infinitive, after the aside; it still splits the
                # clause, and reports all of it
                if self._aside(g) and head.i < g.i < c.i:
                    return g
        if head.dep_ == "conj" and head.head.i < head.i and _takes_up(head) \
                and head.lemma_.lower() not in self.report_verbs:  # ("..., he said, but
            # argues that X": a frame of its own, whose X is the argument's)
            for g in head.head.children:
                # "A was done, he said, and B is done": the aside set between the two
                # clauses reports the one after it too, when B goes on about A (known
                # false positive: a clause the writer adds after a speaker's aside on the
                # same thing, "..., she said, and the lane shut in June")
                if self._aside(g) and head.head.i < g.i < head.i:
                    return g
        t = head
        while t.dep_ == "conj" and t.head is not t:
            t = t.head
        if t is not head and self._aside(t):
            # "A was done, it said, and B was done": the parser joined B to the aside that
            # reports A; the aside reports both
            return t
        verb = t.head
        if (t.dep_ == "ccomp" and verb is not t and verb.pos_ == "VERB"
                and verb.lemma_.lower() in self.report_verbs
                and not _reported_thing(verb, self.addressee_verbs, self.pronouns_thing)
                and not (t.i < verb.i and (semicolon_between(t) or raised_report(verb, [t])))
                and not (t.i < verb.i and (_subordinate(verb) or _comment_on_it(
                    verb, [c for c in verb.children if c.dep_ == "ccomp"])))
                and not self._consequence(verb, t)):
            return verb
        return None

    def _attribution(self, head, sent, tokens, inherited, state: _State,
                     vocab: frozenset) -> Optional[Attribution]:
        if inherited is not None:  # a frame after the clause ("A, she said") names nobody in A
            return self._resolve(inherited, state, _after_subject(head))
        frame = self._outer_report(head)
        if frame is not None:
            return self._resolve(self._reporting_attribution(frame), state)
        acc = self._according_attribution(head)
        if acc is None and head.dep_ == "conj" and not any(
                c.dep_ in ("nsubj", "nsubjpass") or c.lower_ in self.attr_adverbs
                for c in head.children):
            # "According to X, A found B but has not established C": a frame that opens the
            # sentence credits its coordinated clauses of the same subject too (not "...,
            # but heavy rain forced it to end early": the writer's own fact; nor one with a
            # credit of its own, "and is reportedly in talks")
            acc = self._fronted_according(head.head)
        if acc is not None:
            return self._resolve(acc, state)
        # the sentence's text cut from the text already joined (Span.text joins its tokens)
        said = _doc_text(head.doc)[sent.start_char:sent.end_char]
        credit = find_credit(said, self.credits)
        if credit is not None:  # "Harbour Gazette: ..." or "... (Harbour Gazette)."
            base = sent.start_char
            return Attribution(source=credit.name, cue=said[credit.start:credit.end].strip(),
                               start=base + credit.start, end=base + credit.end, kind="named")
        for t in tokens if not vocab.isdisjoint(self.report_words) else ():  # see Extractor
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
                                   start=aux.idx, end=t.idx + len(t), kind="passive",
                                   lemma=t.lemma_.lower())
            # "reports of hidden code", "claims that ..."; not the answered charge ("the
            # council rejected the suggestion that ...": the claim is the council's answer)
            if (t.lemma_.lower() in self.report_nouns and t.pos_ == "NOUN"
                    and not (t.dep_ == "dobj" and t.head.lemma_.lower() in self.answer_verbs)
                    and not _counted_reports(t, head, self.lex)
                    and not _the_thing_itself(t, head, self.lex)
                    and any((c.dep_ == "prep" and c.lower_ in ("of", "about", "that"))
                            or c.dep_ in ("acl", "ccomp", "relcl") and not _bare_participle(c)
                            for c in t.children)):
                # not a participle that describes the report ("whose report, published on
                # Thursday, describes ...": no unnamed reports of the claim)
                holder = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else None
                if holder is not None and holder.lemma_.lower() in self.report_verbs and any(
                        c.dep_ == "nsubj" for c in holder.children):
                    # "Clearline said in a report that ...": its own report, not unnamed ones
                    return self._resolve(self._reporting_attribution(holder), state)
                return Attribution(source="", cue=t.text + " of" if any(
                    c.lower_ == "of" for c in t.children) else t.text, start=t.idx,
                    end=t.idx + len(t), kind="reports")
        for phrase in _possible(self.adverb_phrases, vocab):
            pos = _find_phrase(tokens, phrase, vocab)
            if pos is not None and not _describes_a_noun(tokens[pos[0]], head):
                s, e = pos
                return Attribution(source="", cue=_doc_text(tokens[s].doc)[tokens[s].idx:tokens[e].idx
                                                                     + len(tokens[e])],
                                   start=tokens[s].idx, end=tokens[e].idx + len(tokens[e]),
                                   kind="adverb")
        if head.dep_ in ("advcl", "conj") and head.i > head.head.i \
                and not self._voice_of_its_own(head):
            # a frame that opens the sentence ("In her account, A, while B"; "According to
            # the union, A and B") covers the clauses split off after its own, unless they
            # carry their own ("and is reportedly in talks"); so does one between a clause
            # and the one joined to it ("A, according to the guild, and B")
            acc = self._fronted_according(head.head) \
                or self._according_between(head)
            if acc is not None:
                return self._resolve(acc, state)
        return None

    def _consequence(self, verb, comp) -> bool:
        """A complement of a reporting verb that a causal connective of the verb opens, after
        it ("X said, so Y"): a clause of consequence the parser hung on the verb."""
        return comp.i > verb.i and any(
            c.lower_ in self.causal and c.dep_ in ("advmod", "cc", "mark")
            and verb.i < c.i < comp.left_edge.i for c in verb.children)


def _counted_reports(tok, head, lex) -> bool:
    """The reports are what is counted or told of, not a source: the subject of a verb in an
    adverbial clause beside the claim ("ordered an inquiry as reports of assaults on
    umpires rose"), or the whole a part is counted from ("12 of the complaints were
    upheld", "most of the reports": a number or a word of scope.txt), or the subject of a
    verb that moves an amount ("reports of dog fouling increased by 30%": change_directions.txt;
    known miss of hearsay: "claims of a cover-up grew", told as a count)."""
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head is not head \
            and tok.head.dep_ == "advcl" and tok.head.head is head:
        return True
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" \
            and lex.has("change_directions", tok.head.lemma_.lower()) \
            and not any(c.dep_ == "dobj" for c in tok.head.children):
        return True  # (not "reports of a payment increased pressure on the board": hearsay)
    of = tok.head
    return tok.dep_ == "pobj" and of.lower_ == "of" and (
        of.head.like_num or of.head.pos_ in ("NUM", "DET", "PRON")
        or lex.has("scope", of.head.lower_))


def _the_thing_itself(tok, head, lex) -> bool:
    """The report is the subject of the claim's own verb, a verb that moves a document
    (document_moves.txt: "A report listing three designs is due to reach the board in May":
    a document sent somewhere, not a source of the claim; not "a report examining X found
    that ...", nor reports "of" or "that" something, "Reports of cracks circulated"). The verb
    may stand under the one the subject hangs on ("is expected to go")."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or any(
            c.dep_ == "prep" and c.lower_ in ("of", "about") or c.dep_ == "ccomp"
            or any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
            for c in tok.children):
        return False  # "Reports of cracks circulated", "claims that X spread": hearsay
    verb = tok.head
    if not (verb is head or head.dep_ == "xcomp" and head.head is verb):
        return False
    chain = [head] + [c for c in head.children if c.dep_ in ("xcomp", "acomp")]
    chain += [g for c in chain[1:] for g in c.children if g.dep_ == "xcomp"]  # "is due to
    # reach", "is expected to go"
    return any(lex.has("document_moves", t.lemma_.lower()) for t in chain)


def _describes_a_noun(tok, head) -> bool:
    """The token sits in an apposition or a clause that describes a noun of the claim ("a
    payment of £410,000, a sum two people familiar with the talks described"): a source
    phrase there credits that description, not the claim. Known false negative: what such a
    clause reports is no claim of its own ("The bridge, which people familiar with the
    project say will cost £40m, opens in May"), so its credit is lost with it."""
    node = tok
    while node is not head and node.head is not node:
        if node.dep_ in ("appos", "relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN") \
                and not node.is_ancestor(head):
            return True  # (not "the depot, which sources say will close": the claim's own)
        node = node.head
    return False


def _bare_participle(verb) -> bool:
    """A past participle with no subject, auxiliary or complementiser of its own ("a report,
    published on Thursday"): it describes a noun, it says nothing the noun reports."""
    return verb.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children)


def _after_subject(head) -> int:
    """Where a clause's words after its subject begin ("Director Mary Fenn | will step down"):
    a person named there is what a closing "she said" speaks of, not her. In a quotation the
    subject is no speaker either ('"For that money, Ostrander gets a ruin," she said'):
    the whole clause is left out."""
    subj = speaking_subject(head)
    first = head.left_edge
    opened = _quotation_opened(head, first)
    if opened is not None:
        return opened  # a clause inside a quotation ('"..., and we have met Pellow and I
        # expect a deal," he said'): the whole quotation is what "he" speaks of
    if subj is None:
        return first.idx
    end = subj.right_edge
    return end.idx + len(end)


def _quotation_opened(head, first):
    """Where the quotation that holds the clause starting at token ``first`` opens (the
    offset of its opening mark), or None when the clause is not inside one that opens in
    the sentence (marks counted from the sentence's start: a straight mark opens and closes
    by turns)."""
    opened = None
    for t in head.doc[head.sent.start:first.i + 1]:
        if t.text in ("“", "``"):
            opened = t.idx
        elif t.text in ("”", "''"):
            opened = None
        elif t.text == '"':
            opened = None if opened is not None else t.idx
    return opened


def _takes_up(conj) -> bool:
    """A joined clause goes on about the clause before it: it has no subject of its own
    ("..., she said, and has since left"), a pronoun for one, or one whose head noun the
    clause before it has, outside the aside ("the club paid £7,000 for the pitch, she
    said, and the pitch is booked by ..."); not a new party's deed ("..., the club said,
    and the mayor wants"; "..., a ranger for the county said, and the county plans")."""
    subj = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON":
        return True
    first = conj.head
    aside = {t.i for c in first.children if c.dep_ == "parataxis" for t in c.subtree}
    return any(t.lemma_.lower() == subj.lemma_.lower() and t.pos_ in ("NOUN", "PROPN")
               for t in first.subtree
               if t.i < subj.i and t is not subj and t.i not in aside and t is not conj
               and conj not in t.ancestors)
