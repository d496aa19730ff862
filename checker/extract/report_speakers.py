"""The speaker a reporting verb names ("the agency said", "X, who said", "We were told X"):
its subject, or the party the parser hung elsewhere (the head of a relative clause, the
subject of the verb a "saying" participle hangs on, the agent of a verb of telling, a speaker
set off after the clause: "..., her agent, Daniel Holt, said"), and the words of that
speaker; which frame credits a claim is ``checker.extract.speakers``'s."""

from __future__ import annotations

from checker.extract.common import _doc_text, in_credit, speaking_subject
from checker.lexicon import partitive_pronoun
from checker.polarity import OBJECT_NEGATORS
from checker.records import Attribution


def speaker_after_list(subj):
    """The speaker of "... to two parishes, Edwin Moor and Ranby, three people close to
    the board said", which the parser reads as one list "Edwin Moor and Ranby, three
    people": a list joined by "and" before a comma is closed, so the names before it end the
    claim and the phrase after the comma is the speaker."""
    conjs = [c for c in subj.children if c.dep_ == "conj"]
    joined = [c for c in subj.children if c.dep_ == "cc"]
    after = [c for c in subj.children if c.dep_ in ("conj", "appos") and c.i > subj.i]
    first = subj.left_edge.i
    if not conjs or not joined or joined[0].i > conjs[0].i or after[-1] is conjs[0] \
            or first == 0 or subj.doc[first - 1].text != ",":
        return subj  # (a list that opens the sentence is its speakers: "Smith and Jones,
        # two former directors, said")
    last = after[-1]
    before = subj.doc[last.left_edge.i - 1]
    return last if before.text == "," and last.left_edge.i > conjs[0].i else subj


class ReportSpeakerReader:
    """The reporting-verb half of ``SpeakerReader``: who speaks through a verb of saying,
    and the words of that speaker (the frames that credit a claim are ``SpeakerReader``'s)."""

    def _reporting_attribution(self, verb) -> Attribution:
        subj = speaking_subject(verb)
        credit = in_credit(verb.head, True) if verb.dep_ == "relcl" else None
        if subj is not None and verb.dep_ == "relcl" and subj.tag_ == "WDT" \
                and credit is not None:
            subj = credit  # "according to a memo seen by the Post, which warns ...": the
            # memo, the source credited, not a noun of its phrase
        elif subj is not None and verb.dep_ == "relcl" and subj.tag_ == "WP":
            subj = verb.head  # "its captain, Jon Pell, who said ...": the captain
        elif subj is not None and subj.i > verb.i and verb.dep_ == "conj" and any(
                c.dep_ == "ccomp" and not any(x.dep_ in ("nsubj", "nsubjpass")
                                              for x in c.children) for c in verb.children):
            # "She denied A, and said Friday's weather had dried it": the parser made the
            # complement's subject the verb's; the speaker is the first verb's
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), subj)
        if subj is None:
            # the subject of a passive aside the parser hangs on the reporting verb as an
            # adverbial clause ("A draft audit, a copy of it obtained by the Post,
            # cautions that ..."): the audit cautions
            subj = next((s for c in verb.children if c.dep_ == "advcl" and c.i < verb.i
                         for s in c.children if s.dep_ == "nsubjpass" and s.i < c.i
                         and not _wh_in(s.subtree)),
                        None)
        if subj is None and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head is not verb:
            # "She rejected it, saying ...": the participle's speaker is its head's subject
            host = verb.head
            if verb.dep_ == "conj" and host.dep_ == "ccomp" and host.head is not host \
                    and host.head.lemma_.lower() in self.report_verbs \
                    and host.lemma_.lower() not in self.report_verbs:
                # "The union estimated that 1,100 people would lose their jobs and said
                # ...", parsed with "said" joined to "lose": the union said it (not when
                # the joined verb reports too: "X says A; the authority disputed it and
                # said B")
                host = host.head
            # the subject nearest before the host ("According to the union, shifts
            # stretch ...; the authority disputed that, saying ...", parsed with two)
            # (not one of a relative clause the parser hung there: "X, whose fleet is
            # short, said")
            aside = any(c.dep_ == "nsubjpass" and _wh_in(c.subtree) for c in host.children)
            main = host.dep_ in ("ROOT", "conj")  # not a clause on a noun ("denied reports
            # that the fee was set by the board, saying ...": she says it, not the board)
            agents = [] if aside or not main else [
                g for c in host.children if c.dep_ == "agent"
                for g in c.children if g.dep_ == "pobj"]
            subjects = [c for c in host.children if c.dep_ == "nsubj"
                        and not _wh_in(c.children)] or agents or [
                c for c in host.children if main and c.dep_ == "nsubjpass"
                and not _wh_in(c.subtree)]
            # (or the passive's agent: the committee of "The bid was turned down by the
            # committee, saying ..."; or, with none, the passive subject, where the parser
            # joins the reporting verb to the passive verb of an aside on the subject: the
            # audit of "A draft audit, a copy of it obtained by the Post, cautions that ...")
            subj = max((c for c in subjects if c.i < host.i), key=lambda c: c.i,
                       default=subjects[0] if subjects else None)
        if subj is not None and subj.dep_ == "nsubjpass" and subj.head is verb \
                and verb.lemma_.lower() in self.addressee_verbs:
            # "We were told X", "the court heard": the subject heard it; whoever told it is
            # the agent ("by the maker"), if the sentence names one
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) \
                if agent is not None else None
            if subj is None:
                end = verb.idx + len(verb)
                # "no rider had been told that ...": nobody heard it
                return Attribution(source="", cue=_doc_text(verb.doc)[verb.idx:end],
                                   start=verb.idx, end=end, kind="passive",
                                   negated=_nobody(speaking_subject(verb))
                                   or any(c.dep_ == "neg" for c in verb.children),
                                   lemma=verb.lemma_.lower())
        if subj is not None and subj.i < verb.i:
            subj = speaker_after_list(subj)
        stranded = _stranded_speaker(verb) if subj is None else None
        aside = self._partitive_aside(subj) if subj is not None else None
        if aside is not None:
            # "..., injuring nine workers, two of them seriously, the operator and the fire
            # service said": the speakers are the parties joined after the aside
            stranded, subj = (aside.left_edge, subj.right_edge, aside), None
        source = self._speaker_text(subj, verb) if subj is not None else (
            _doc_text(verb.doc)[stranded[0].idx:stranded[1].idx + len(stranded[1])]
            if stranded else "")
        if subj is not None and source.lower().startswith("whose ") and verb.dep_ == "relcl":
            # "Orbis Waste, whose chief executive said": Orbis Waste's chief executive
            owner = verb.head
            first = owner.left_edge
            last = next((t for t in reversed(list(owner.subtree)) if t.i < subj.left_edge.i
                         and not t.is_punct), owner)
            source = (f"{_doc_text(verb.doc)[first.idx:last.idx + len(last)]}'s "
                      f"{source[len('whose '):]}")
        negated = any(c.dep_ == "neg" for c in verb.children) \
            != (verb.lemma_ in ("deny", "dispute")) \
            or verb.lemma_.lower() in self.addressee_verbs and _nobody(subj)  # "no one told
        # them that ..." (not "no official confirmed that ...", which denies nothing); a
        # denial denied concedes ("does not dispute that X")
        cue_end = verb
        for c in verb.children:
            if c.dep_ == "ccomp":
                mark = next((m for m in c.children
                             if m.dep_ == "mark" and m.lower_ == "that"), None)
                if mark is not None and mark.i > verb.i:  # not a "that" of a clause set
                    cue_end = mark  # before the verb ("..., that X, the court heard")
        start = verb.idx
        end = cue_end.idx + len(cue_end.text)
        kind = "named" if source else "passive"
        return Attribution(source=source, cue=_doc_text(verb.doc)[start:end], start=start, end=end,
                           kind=kind, negated=negated, lemma=verb.lemma_.lower(),
                           head=_partitive_head(subj).lemma_.lower() if subj is not None
                           else stranded[2].lemma_.lower() if stranded else "")

    def _said_in_relative(self, rel) -> list:
        """What a speaker says in a relative clause on it ("Jon Pell, who said the club had
        not complained"; "according to the firm, which said it would appeal"; "Orbis Waste,
        whose chief executive said the firm would appeal"):
        the clause's complements when ``rel`` is one, else []."""
        if rel.dep_ != "relcl" or rel.pos_ != "VERB" \
                or rel.lemma_.lower() not in self.report_verbs or not any(
                    c.dep_ == "nsubj" and (
                        c.tag_ == "WP" or c.tag_ == "WDT" and in_credit(rel.head, False) is not None
                        or any(p.dep_ == "poss" and p.lower_ == "whose" for p in c.children))
                    for c in rel.children):
            return []  # "X, who said ...", "X, whose director said ..."
        return [c for c in rel.children if c.dep_ == "ccomp"]

    def _speaker_text(self, subj, verb=None) -> str:
        """The words of a speaker, short of a relative clause in which it says something
        itself ("Jon Pell, who said the club had not complained": "Jon Pell"), and short of
        ``verb`` when the speaker stands before it: a noun phrase after "said" that the
        parser hung on the speaker sums up the report ("..., the inspectorate said on
        Tuesday, a slide driven by staff cuts": "the inspectorate")."""
        if verb is not None and subj.i < verb.i < subj.right_edge.i:
            # (nor the relative clause of the verb itself: "the network, which estimates")
            clause = {t.i for t in verb.subtree} if verb.head is subj else set()
            last = max((t for t in subj.subtree if t.i < verb.i and not t.is_punct
                        and t.i not in clause), key=lambda t: t.i, default=subj)
            first = subj.left_edge
            return _doc_text(subj.doc)[first.idx:last.idx + len(last)]
        for rel in subj.children:
            if self._said_in_relative(rel):
                start = rel.left_edge.i - 1
                if start > subj.left_edge.i and subj.doc[start].text == ",":
                    first = subj.left_edge
                    return _doc_text(subj.doc)[first.idx:subj.doc[start].idx].strip()
        return self._span_text(subj)

    def _partitive_aside(self, subj):
        """The first party joined to a subject that is a part of what a pronoun stands for,
        set off by a comma ("two of them seriously, the operator and the fire service"): the
        parser read the aside on the clause's object as the verb's subject. None otherwise."""
        if subj.pos_ != "NUM" and not self.lex.has("scope", subj.lower_):
            return None
        if not any(c.dep_ == "prep" and c.lower_ == "of" and any(
                g.pos_ == "PRON" and partitive_pronoun(g.lower_, self.lex) for g in c.children)
                for c in subj.children):
            return None
        return next((c for c in subj.children if c.dep_ == "conj" and c.i > subj.i
                     and subj.doc[c.left_edge.i - 1].text == ","), None)


def _stranded_speaker(verb):
    """The speaker of a sentence-final "..., her agent, Daniel Holt, said." (or "..., a
    spokesperson for the office said.", "..., the operator and the fire service said.", or
    after a quotation: '"...," its director, Ann
    Holt, said.') that the parser
    hung as an apposition on the clause's last noun ("the Tribunal, her agent, ..."), leaving
    the verb without a subject: (first token, last token, head) of the appositions between
    that noun and the verb; None if the words before the verb are not such a chain."""
    doc = verb.doc
    i = verb.i
    if i < 2 or (i + 1 < len(doc) and not doc[i + 1].is_punct
                 and not any(c.dep_ == "ccomp" and c.left_edge.i == i + 1
                             for c in verb.children)):
        return None  # the verb ends the sentence or opens what is said ("..., a letter
        # seen by the Courier, its director, Ann Holt, wrote that ...")
    # "..., her agent, Daniel Holt, said." or "..., a spokesperson for the office said."
    last = doc[i - 2] if doc[i - 1].text == "," else doc[i - 1]
    if last.is_punct:
        return None
    top = last
    while top.dep_ in ("compound", "flat") and top.head.i > top.i:
        top = top.head
    while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.dep_ == "appos" \
            and top.head.head.i < top.i:
        top = top.head.head  # "a spokesperson for the office"
    while top.dep_ == "conj" and top.head.i < top.i:
        # "..., the rail operator and the fire service said.": up the pair to its first,
        # which the parser may also hang on the noun before as a conjunct after a comma
        if top.left_edge.i > 0 and doc[top.left_edge.i - 1].text == ",":
            break
        top = top.head
    if top.dep_ not in ("appos", "conj") or top.right_edge.i != last.i:
        return None
    while top.head.dep_ == "appos" and top.head.i < top.i:
        top = top.head
    first = top.left_edge
    before = first.i - 1
    if before >= 1 and doc[before].text in ('"', "”", "’", "'") and doc[before - 1].text == ",":
        before -= 1  # '"...," its managing director, Ann Veld, said.'
    if first.i == 0 or doc[before].text != ",":
        return None
    return first, last, top


def _nobody(subj) -> bool:
    """The subject is nobody: "no one", "nobody", "no rider"."""
    return subj is not None and (subj.lower_ in OBJECT_NEGATORS or any(
        c.dep_ == "det" and c.lower_ in OBJECT_NEGATORS for c in subj.children))


def _wh_in(tokens) -> bool:
    """A relative word among the tokens ("which" of "a copy of which the Post holds"): the phrase
    belongs to a relative clause, not to the sentence's subject."""
    return any(x.tag_ in ("WP$", "WDT", "WP") for x in tokens)


def _partitive_head(subj):
    """The noun a speaker's quantifier takes a part of ("Some of the volunteers", "two of
    the drivers": the volunteers, the drivers), else the subject itself."""
    if subj.pos_ in ("NOUN", "PROPN"):
        return subj
    prep = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"),
                None) if prep is not None else None
    return noun if noun is not None else subj
