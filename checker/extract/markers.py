"""What a claim marks beside its frame: causal and temporal links ("after", "led to") and
scope words ("all", "some", "most"); whether a word with no connective of its own is a causal
link ("helped drain", "as", "over") is ``checker.extract.link_cues``'s, and its figures are
``checker.extract.quantities``'s."""

from __future__ import annotations

import dataclasses

from checker.extract.common import _doc_text, purpose_clause
from checker.extract.phrases import _find_phrase, _possible
from checker.extract.link_cues import (LinkCueReader, _absolute_with, _agent_after_adverb,
                                       _joined, _names_a_cause, _thing_as_agent)
from checker.lexicon import partitive_pronoun, shipped, shipped_values
from checker.numbers import DAY_PARTS, YEAR_RE, duration_unit
from checker.records import Cue, Link

_RELATIVES = shipped("relative_pronouns")  # "a review, which followed": the relative's noun


class MarkerReader(LinkCueReader):
    """The markers half of ``Extractor``'s reading of one claim (its frame and certainty are
    ``ClaimReader``'s)."""

    def _links(self, tokens, start_c, off, vocab: frozenset) -> tuple[Link, ...]:
        links = []
        doc = tokens[0].doc
        seen = set()
        for phrase, kind in [(p, "causal") for p in _possible(self.causal_phrases, vocab)] + \
                            [(p, "temporal") for p in _possible(self.temporal_phrases, vocab)]:
            pos = _find_phrase(tokens, phrase, vocab) or _agent_after_adverb(tokens, phrase)
            if pos is None:
                continue
            s, e = tokens[pos[0]], tokens[pos[1]]
            if s.i in seen:
                continue  # "stem from" and "stems from" both match "stems from"
            seen.update(range(s.i, e.i + 1))
            if s.pos_ == "NOUN" and not _names_a_cause(s) and e.lower_ not in ("to", "of"):
                continue  # "a nine-vote result in the ward": a noun, not "resulted in"; but
                # "thanks to" is a preposition whatever the tagger calls its noun
            if e.lower_ == "to" and e.i + 1 < len(doc) and (
                    _bare_verb(doc, e.i + 1) or s.lower_ == "due"
                    and _scheduled_deed(doc, e.i + 1, self.scheduled_deeds)):
                continue  # "due to open in 2027": a schedule, not a cause
            links.append(self._link(doc, tokens, s, e, kind, off))
        for t in tokens if not vocab.isdisjoint(self.link_words) else ():  # as in _certainty
            if t.i in seen:
                continue
            low, lem = t.lower_, t.lemma_.lower()
            kind = None
            if low in self.causal or (lem in self.causal and t.pos_ == "VERB"):
                kind = "causal"
            elif low in self.temporal or (lem in self.temporal and t.pos_ == "VERB"):
                kind = "temporal"
            if kind is None and (t.pos_ == "VERB" and self._causes(t, lem)
                                 or t.pos_ in ("VERB", "AUX") and self._act_causes(t, lem)
                                 or low == "as" and self._as_reason(t)
                                 or low == "over" and self._over_reason(t)
                                 or low == "with" and _absolute_with(t, self.change_words,
                                                                    self.lex)):
                kind = "causal"
            if kind is None:
                continue
            if low == "meaning" and (t.i == 0 or doc[t.i - 1].text != ","):
                continue  # ", meaning fares rose"; not "well-meaning", "the meaning of"
            if low == "so" and t.dep_ not in ("mark", "cc", "advmod"):
                continue
            if low == "so" and t.head.pos_ in ("ADJ", "ADV"):
                continue  # "so large": degree, not consequence
            if low == "so" and purpose_clause(t.head):
                continue  # "shuts so that the wall can be repaired": a purpose
            if low in ("since", "when", "then", "once", "later") and kind == "temporal" and \
                    t.dep_ not in ("mark", "prep", "advmod"):
                continue
            if low == "later" and self._dates_ahead(t):
                continue  # "may open later this month": a time, not one event after another
            if low == "following" and _names_a_time(doc, t):
                continue  # "discharged the following day": a time, not one event after another
            if low == "follow" or lem == "follow":
                if t.dep_ != "prep" and (t.pos_ != "VERB"
                                         or not any(c.dep_ == "dobj" for c in t.children)):
                    continue  # "the ban follows reports", "following the announcement"
                if t.pos_ == "VERB" and any(c.dep_ == "nsubj" and (
                        c.pos_ in ("PRON", "PROPN")
                        and not (c.lower_ in _RELATIVES and t.lower_ == "followed")
                        or c.ent_type_) for c in t.children):
                    continue  # "we followed the plan", "Orla followed the advice": complied
                    # (not "a review, which followed two arrests": the relative's noun)
            if t.pos_ == "NOUN" and not _names_a_cause(t):
                continue  # "the cause of the collapse has not been established"
            link = self._link(doc, tokens, t, t, kind, off)
            agent = _thing_as_agent(t) if t.pos_ in ("VERB", "AUX") else None
            if agent is not None:  # the change, then its cause: "... were lowered to 48%"
                # and "by a flooded culvert"
                link = dataclasses.replace(
                    link, left=_joined([x for x in tokens if x.i < agent.i and x.i != t.i][-14:]),
                    right=_joined([x for x in tokens if x.i >= agent.i][:14]))
            links.append(link)
        for t in tokens if not vocab.isdisjoint(self.departures) else ():
            to = self._purpose_of_leaving(t) if t.pos_ == "VERB" else None
            if to is not None and to.i not in seen:
                links.append(self._link(doc, tokens, to, to, "causal", off))
        return tuple(links)

    def _dates_ahead(self, word) -> bool:
        """The words after "later" say when ("later this month", "later that day", "later
        in the year"), so it is a time and links nothing ("two days later, the council voted"
        does link)."""
        doc = word.doc
        start = word.i + 1
        if start < len(doc) and doc[start].lower_ == "in":
            start += 1
        ahead = doc[start:start + 2]
        return bool(ahead) and (ahead[0].lower_ in self.period_pointers
                                or ahead[0].lower_ == "that"
                                or any(t.ent_type_ in ("DATE", "TIME") for t in ahead))

    def _opening_link(self, head, tokens, off) -> tuple[Link, ...]:
        """A causal connective that opens the clause and was left out of its claim ("...,
        the weather service said, so the authority plans to ..."), linking the words of the
        sentence before it to the clause."""
        doc = head.doc
        i = tokens[0].i - 1
        while i >= 0 and doc[i].is_punct:
            i -= 1
        cue = doc[i] if i >= 0 else None
        if cue is None or cue.lower_ not in self.causal or cue.dep_ not in ("mark", "cc", "advmod"):
            return self._framed_cause(head, tokens, off)
        before = [doc[j] for j in range(head.sent.start, cue.i) if not doc[j].is_punct]
        if not before:
            return self._fronted_cause(cue, tokens, off)
        return (self._link(doc, [*before, cue, *tokens], cue, cue, "causal", off),)

    def _framed_cause(self, head, tokens, off) -> tuple[Link, ...]:
        """A participle of cause that opens the sentence, before the speaker of the report
        the claim is ("Spurred by the petition, the trustees said they would revisit the
        fee": connectives_causal.txt, or causatives.txt's "reaction" and "blow" ways, with
        a doer after "by"): the writer links the reason to what was said, so the claim is
        the effect and the phrase after "by" its cause. Known false positive: a participle
        that gives the speaker's state, not the deed's reason ("Pressed by reporters, the
        mayor said the pool would reopen")."""
        verb = head.head
        if head.dep_ != "ccomp" or verb.lemma_.lower() not in self.report_verbs:
            return ()
        for c in verb.children:
            lemma = c.lemma_.lower()
            if c.dep_ != "advcl" or c.tag_ != "VBN" or c.left_edge.i != verb.sent.start \
                    or not (lemma in self.causal or c.lower_ in self.causal
                            or self.causatives.get(lemma) in ("reaction", "blow")):
                continue
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            reason = [t for t in agent.subtree if t.i != agent.i] if agent is not None else []
            while reason and reason[-1].is_punct:
                reason.pop()  # (the words as written, "the residents' complaints")
            effect = [t for t in tokens if not t.is_punct]
            if not reason or not effect:
                continue
            link = self._link(c.doc, [*effect, c, agent, *reason], c, agent, "causal", off)
            return (Link(cue=link.cue, kind=link.kind, start=link.start, end=link.end,
                         left=_joined(effect[-14:]), right=_joined(reason[:14])),)
        return ()

    def _fronted_cause(self, cue, tokens, off) -> tuple[Link, ...]:
        """A sentence that opens with its cause ("Because the bog was rewetted, surveys
        counted 60 pairs"): the clause the connective marks is the cause, the rest of the
        claim the effect."""
        if cue.dep_ != "mark":
            return ()
        cause = {t.i for t in cue.head.subtree} - {cue.i}
        effect = [t for t in tokens if t.i not in cause and not t.is_punct]
        reason = [t for t in tokens if t.i in cause and not t.is_punct]
        if not effect or not reason:
            return ()
        link = self._link(cue.doc, [*effect, cue, *reason], cue, cue, "causal", off)
        left = _joined(effect[-14:])
        right = _joined(reason[:14])
        return (Link(cue=link.cue, kind=link.kind, start=link.start, end=link.end, left=left,
                     right=right),)

    def _link(self, doc, tokens, s, e, kind, off) -> Link:
        left_toks = [t for t in tokens if t.i < s.i]
        right_toks = [t for t in tokens if t.i > e.i]
        left = _joined(left_toks[-14:])
        right = _joined(right_toks[:14])
        return Link(cue=_doc_text(doc)[s.idx:e.idx + len(e)].lower(), kind=kind, start=s.idx + off,
                    end=e.idx + len(e) + off, left=left, right=right)

    def _scope(self, tokens, off, vocab: frozenset) -> tuple[Cue, ...]:
        out = []
        for t in tokens if not vocab.isdisjoint(self.scope_words) else ():  # as in _certainty
            low = t.lower_
            if low in self.scope and (t.dep_ in ("det", "amod", "nsubj", "dobj", "predet",
                                                  "advmod", "nummod", "quantmod", "pobj")
                                      or _of_pronoun(t, self.lex) or _part_of_passive(t)
                                      or _floating(t, self.scope)):
                if low == "one" and (t.dep_ == "nummod" or _after_every(t, self.scope)):
                    continue
                if low == "all" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "but":
                    continue  # "all but 8%": a part, which the figure gives (92%)
                if low == "all" and _idiom(t):
                    continue  # "forty pupils in all" (a total), "not at all", "after all"
                if low in ("all", "every") and t.i > 0 and self.lex.value(
                        "approximators", t.doc[t.i - 1].lower_) == "-1":
                    continue  # "nearly all homes", "almost every school": not the whole
                if low in ("every", "each") and _how_often(t):
                    continue  # "once every 14 days", "every other week": how often, not all
                if self.lex.has("approximators", low) and _before_figure(t):
                    continue  # "some 212 trees": about 212, no part of them
                out.append(Cue(t.text, self.scope[low], t.idx + off, t.idx + len(t) + off))
        for phrase in _possible(self.scope_phrases, vocab):
            pos = _find_phrase(tokens, phrase, vocab)
            if pos is not None:
                s, e = tokens[pos[0]], tokens[pos[1]]
                out.append(Cue(_doc_text(s.doc)[s.idx:e.idx + len(e)], self.lex.value(
                    "scope", " ".join(phrase)) or "some", s.idx + off, e.idx + len(e) + off))
        return tuple(out)


_ALL_IDIOMS = shipped("all_idioms")  # "in all" (a total), "at all", "after all"
_TOTALS = frozenset(w for w, v in shipped_values("all_idioms") if v == "total")  # "in all"


def _idiom(tok) -> bool:
    """ "All" after a preposition of all_idioms.txt with punctuation or nothing after it ("in
    all,", "at all.", "after all, the board"), or, after one that gives a total, a verb
    ("forty pupils in all took part"); not "in all (of) the schools" nor "after all were
    treated", a quantifier."""
    if tok.i == 0 or tok.doc[tok.i - 1].lower_ not in _ALL_IDIOMS:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.is_punct or tok.doc[tok.i - 1].lower_ in _TOTALS \
        and nxt.pos_ in ("VERB", "AUX")  # ("forty pupils in all took part"; not "after all
    # were treated", "all" the verb's subject)


def _before_figure(tok) -> bool:
    """The word stands right before a figure ("some 212 trees", "some 40 per cent"); not
    before a year ("some 2023 models": a part of that year's models), written as a year is,
    with no comma, and not a round hundred ("some 1900 nurses" counts them)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.like_num and not (
        YEAR_RE.fullmatch(nxt.text) and not nxt.text.endswith("00"))  # "some 2000 people"


def _floating(t, scope) -> bool:
    """A quantifier of a whole set after its subject, before the verb ("they had all been
    signed", "the forms were all signed"), which the parser hangs on the verb, or set beside
    the subject ("they all had")."""
    if scope.get(t.lower_) != "all":
        return False
    return t.dep_ == "dep" and t.head.pos_ in ("VERB", "AUX") and t.i < t.head.i or (
        t.dep_ == "appos" and t.head.dep_ in ("nsubj", "nsubjpass") and t.i == t.head.i + 1)


def _how_often(tok) -> bool:
    """ "Every" or "each" before a count of a unit of time ("once every 14 days", "every
    other week"): a frequency, which quantifies no set. (Not "every day", "each morning",
    which a summary may use to widen "on most days".)"""
    nxt = list(tok.doc[tok.i + 1:tok.i + 3])
    return len(nxt) == 2 and (nxt[0].like_num or nxt[0].lower_ in ("other", "few")) \
        and bool(duration_unit(nxt[1].lower_))


def _after_every(tok, scope) -> bool:
    """"One" after a word of all ("every one of those loans", "each single one"): the
    whole, which the word before it says, not one of them."""
    before = [t for t in tok.doc[max(0, tok.i - 2):tok.i] if t.lower_ != "single"]
    return bool(before) and scope.get(before[-1].lower_) == "all"


def _part_of_passive(tok) -> bool:
    """A scope word that is the passive subject of its clause with an "of" after it ("All of
    the outlets were blocked"); not "Nobody was hurt", which counts no part of anything."""
    return tok.dep_ == "nsubjpass" and any(c.dep_ == "prep" and c.lower_ == "of"
                                           for c in tok.children)


def _of_pronoun(tok, lexicon) -> bool:
    """A scope word taking part of what a pronoun stands for, wherever the parser hung it
    ("..., most of them at one depot", "some of them twice"; not "most of which")."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.pos_ == "PRON" and partitive_pronoun(g.lower_, lexicon) for g in c.children)
        for c in tok.children)


def _names_a_time(doc, word) -> bool:
    """"following" as the adjective of a time after a determiner ("the following day", "that
    following week", "the following morning"), which says when, not after what."""
    if word.i == 0 or word.i + 1 >= len(doc) or doc[word.i - 1].pos_ != "DET":
        return False
    nxt = doc[word.i + 1].lower_
    return bool(duration_unit(nxt)) or nxt in DAY_PARTS


def _scheduled_deed(doc, i: int, deeds: frozenset) -> bool:
    """The word at ``i`` is a deed a body is scheduled to do (scheduled_deeds.txt), which the
    tagger read as a noun, with a preposition other than "of", a comma or the end after it
    ("the audit, due to report in July"; not "due to report errors", "due to a report", "due
    to end of the lockdown"). Only after "due": "thanks to launch of" is a cause."""
    t = doc[i]
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return t.lower_ in deeds and (nxt is None or nxt.pos_ in ("ADP", "PUNCT")
                                  and nxt.lower_ != "of" or nxt.tag_ == "RB")


def _bare_verb(doc, i: int) -> bool:
    """The word at ``i`` is a bare verb ("due to open"), or one the tagger read as an
    adjective with no noun, adjective or "and" after it ("branches due to close were told";
    not "due to heavy rain", "due to wet and windy conditions")."""
    t = doc[i]
    if t.tag_ == "VB":
        return True
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if t.tag_ != "JJ" or nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "CCONJ"):
        return False  # "due to heavy rain", "due to wet and windy conditions"
    after = doc[i + 2] if i + 2 < len(doc) else None
    return not (nxt is not None and nxt.text == "," and after is not None
                and after.pos_ in ("NOUN", "ADJ"))  # "due to wet, windy weather"
