"""Clause splitting: the heads of a sentence's clauses, each with the attribution and the
reporting frame it inherits ("X said that A and B": two claims of X), and the tokens each
clause holds."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from checker.extract.common import (
    SUBJ_DEPS,
    _comment_on_it,
    _reported_thing,
    _subordinate,
    _subtree,
    _verbal,
    in_credit,
    raised_report,
    semicolon_between,
)
from checker.extract.reparse import relative_verb
from checker.extract.reparse_according import according_root
from checker.records import Attribution


class ClauseSplitter:
    """The clause-splitting half of ``Extractor``'s walk of a sentence (the walk itself and
    the building of each claim are its own)."""

    def _clause_heads(self, root) -> list[tuple[object, Optional[Attribution], tuple]]:
        """(clause head, inherited attribution, reporting-frame tokens) for each clause."""
        result = []
        misparsed = according_root(root)
        if misparsed is not None:
            self._walk_clause(*misparsed, result)
            return result
        self._walk_clause(root, None, (), result)
        return result

    def _record_closing(self, head, comps) -> bool:
        """A verb by which a record shows something, closing its sentence after a comma, with
        a record for its subject ("The problem was not raised until May, the emails show":
        record_closings.txt, document_nouns.txt): the record is the clause's source, as a
        speaker is ("..., the board said"). A record that opens the sentence ("The emails
        show that ...") is left as the parse has it: the clause is the record's finding; so
        are figures ("..., the council's figures show": statistics_nouns.txt), which a
        summary may state as the facts they count."""
        lex = self.lex
        if lex.value("record_closings", head.lemma_.lower()) != "verb" or head.pos_ != "VERB" \
                or not any(c.i < head.i for c in comps) \
                or any(c.dep_ == "conj" for c in head.children):
            return False  # (not "..., its ledger shows, and said it ...": a verb joined to
            # the record's is the party's)
        subj = next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
        noun = subj.lemma_.lower() if subj is not None else ""
        return subj is not None and subj.left_edge.i > 0 \
            and head.doc[subj.left_edge.i - 1].text == "," \
            and (lex.value("record_closings", noun) == "noun"
                 or lex.has("document_nouns", noun))

    def _walk_clause(self, head, attribution, frame, result) -> None:
        comps = [c for c in head.children if c.dep_ == "ccomp"]
        is_report = head.lemma_.lower() in self.report_verbs and head.pos_ in ("VERB", "AUX") \
            or self._record_closing(head, comps)
        walked = set()
        if is_report and _reported_thing(head, self.addressee_verbs, self.pronouns_thing):
            # "The result was announced on Monday: the library will not close", "X; no
            # other injuries were reported": the subject is what was reported, so the verb
            # frames nothing; a clause the parser hung on it is a claim of its own
            is_report = False
            for c in comps:
                self._walk_clause(c, attribution, frame, result)
                walked.add(c.i)
        if is_report and raised_report(head, comps):
            # "The van held six dogs, two of them believed to be strays": the verb of saying
            # is a passive report on "two of them", an absolute phrase after the clause,
            # which is a claim of its own and nobody's report
            is_report = False
            for c in comps:
                if c.i < head.i:
                    self._walk_clause(c, attribution, frame, result)
                    walked.add(c.i)
        if is_report and any(c.i < head.i and semicolon_between(c) for c in comps):
            # "A, according to X; the ministry said B": A is the writer's (or X's) clause,
            # not what the ministry said
            for c in comps:
                if c.i < head.i and semicolon_between(c):
                    self._walk_clause(c, attribution, frame, result)
                    walked.add(c.i)
            comps = [c for c in comps if c.i not in walked]
        if is_report and any(self._consequence(head, c) for c in comps):
            # "..., the weather service said, so the authority plans to ...": the parser
            # made the consequence what the service said; it is the writer's own clause
            for c in comps:
                if self._consequence(head, c):
                    self._walk_clause(c, attribution, frame, result)
                    walked.add(c.i)
            comps = [c for c in comps if c.i not in walked]
        if is_report and (_subordinate(head) or _comment_on_it(head, comps)):
            # "X happened, three months after an inspector warned the operator", parsed
            # with X as the complement of "warned": X is a claim of its own, unreported; so
            # is X in "X, a move landlords said could Y"
            for c in comps:
                if c.i < head.i:
                    self._walk_clause(c, attribution, frame, result)
                    walked.add(c.i)
            comps = [c for c in comps if c.i not in walked]
        if is_report and comps:
            attr = self._reporting_attribution(head)
            outer = attribution if attribution is not None else \
                self._according_attribution(head) if not self._own_account(head) else None
            if head.dep_ == "advcl" and head.tag_ == "VBG" and relative_verb(head.head):
                outer = None  # "A said X, which B disputed, saying Y": B's own words, not A's
            elif outer is None:
                frame = self._outer_report(head)  # "A, they said, had not been told Y"
                outer = self._reporting_attribution(frame) if frame is not None else None
            if outer is not None:  # a report inside a report; "According to X, A told B Y"
                attr = replace(attr, outer=outer)
            comp_ids = set()
            for c in comps:
                comp_ids.update(range(c.left_edge.i, c.right_edge.i + 1))
            for c in self._participle_after_report(head, comps):
                # "X reached 148, the insurer said, prompting the ministry to act": the
                # parser hung the consequence on "said"; it is the writer's own clause
                self._walk_clause(c, None, (), result)
                comp_ids.update(range(c.left_edge.i, c.right_edge.i + 1))
            for c in self._contrast_after_report(head, comps):
                # "The review said X, though the parish has ruled out Y": the writer's
                # contrast, a claim of its own
                self._walk_clause(c, None, (), result)
                comp_ids.update(range(c.left_edge.i, c.right_edge.i + 1))
            for c in self._circumstance_after_report(head, comps):
                # "X, the firm said this week, as the regulator extends its inquiry": the
                # writer's setting of the report, a claim of its own
                self._walk_clause(c, None, (), result)
                comp_ids.update(range(c.left_edge.i, c.right_edge.i + 1))
            frame_tokens = tuple(t for t in _subtree(head) if t.i not in comp_ids)
            for c in comps:
                answer = self._colon_speaker(head, c)
                if answer is not None:
                    # "A accused B of X, which C rejected: "..."": C's words, not A's
                    self._walk_clause(c, replace(self._reporting_attribution(answer),
                                                 negated=False), frame_tokens, result)
                    continue
                self._walk_clause(c, attr, frame_tokens, result)
            self._speaker_reports(head, result)
            for rel in self._counting_relatives(head):
                # "The guild, which speaks for nine of the eleven pilots, said X":
                # what the writer says of the speaker, a claim of its own
                result.append((rel, None, ()))
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
        walked.update(self._speaker_reports(head, result))
        stack = [c for c in head.children if c.i not in walked]
        while stack:
            c = stack.pop()
            if c.i in walked:
                continue
            if self._is_split(c):
                self._walk_clause(c, attribution, frame, result)
            elif self._said_in_relative(c) and _whose_subject(c):
                # "... the yard of Orbis Waste, whose director said the firm had bought no
                # cable": the director's claim, not the clause's (a "who said" set on an
                # object is left in the clause: the model often hangs it on the wrong noun)
                self._relative_report(c, result)
            else:
                stack.extend(c.children)

    def _participle_after_report(self, head, comps) -> list:
        """Participles of cause after a reporting verb that follows what it reports ("...,
        the insurer said, prompting the ministry to send inspectors", "forcing", "leading
        to": the connectives_causal lexicon's verbs and the causatives), and any other
        participle with an object that is no verb of saying or citing ("..., the authority
        announced, closing the zone to 85 trawlers"; not "..., citing a shortage":
        citing_words.txt): the writer's own clause, not part of the frame. The parser hangs
        some of them as the verb's complement after a comma ("..., the agency said, making
        it the worst site in the county")."""
        if not any(c.i < head.i for c in comps):
            return []
        return [c for c in head.children
                if (c.dep_ == "advcl" or c.dep_ == "xcomp" and c.doc[c.i - 1].text == ",")
                and c.tag_ == "VBG" and c.i > head.i
                and (c.lemma_.lower() in self.causal or c.lemma_.lower() in self.causatives
                     and not (c.lemma_.lower() in self.report_verbs  # not "adding that"
                              and any(x.dep_ == "ccomp" for x in c.children))
                     or c.lemma_.lower() not in self.report_verbs
                     and not self.lex.has("citing_words", c.lemma_.lower())
                     and any(x.dep_ == "dobj" for x in c.children))]

    def _circumstance_after_report(self, head, comps) -> list:
        """Clauses of circumstance after a verb of saying that follows what it reports, with
        a subject of their own ("..., the firm said this week, as the regulator extends its
        inquiry into oat drinks": circumstance_marks.txt): the writer's setting of the
        report, not the speaker's words. Known false positive: a speaker's own "as" clause
        of reason after the frame ("..., she said, as the plant had no spare parts")."""
        if not any(c.i < head.i for c in comps):
            return []
        return [c for c in head.children
                if c.dep_ == "advcl" and c.i > head.i and _verbal(c)
                and any(x.dep_ in SUBJ_DEPS for x in c.children)
                and any(x.dep_ == "mark" and self.lex.has("circumstance_marks", x.lower_)
                        for x in c.children)]

    def _contrast_after_report(self, head, comps) -> list:
        """A clause of contrast after what a verb of saying reports, with a subject of its own
        and a mark of contrast_marks.txt after a comma ("The review said the clock's home
        "could be reconsidered", though the parish has ruled out putting it back"): the
        parser hangs it on the verb of saying, but it is the writer's, a claim of its own.
        Known false positive: a speaker's own concession run on after a comma, with no verb
        of saying ("She said the ward would close, though patients would be moved first")."""
        if not comps:
            return []
        last = max(c.right_edge.i for c in comps)
        return [c for c in head.children
                if c.dep_ == "advcl" and c.i > last and _verbal(c)
                and c.doc[c.left_edge.i - 1].text == ","
                and any(x.dep_ in SUBJ_DEPS for x in c.children)
                and any(x.dep_ == "mark" and x.lower_ in self.contrast_marks
                        for x in c.children)]

    def _counting_relatives(self, head) -> list:
        """Relative clauses set off by a comma on the subject of a verb of saying that count
        what the speaker is or speaks for ("The guild, which speaks for nine of the eleven
        pilots, said", "a union, which has 4,000 members, said"): a number or a scope
        word (scope.txt) in the clause, and a verb that says nothing itself. Known false
        positive: a count that only names the speaker ("the trust, which runs 12 schools,
        said") is a claim the summary need not keep, unsupported if it changes it in
        passing."""
        out = []
        for subj in (c for c in head.children if c.dep_ in SUBJ_DEPS):
            for rel in subj.children:
                if rel.dep_ != "relcl" or rel.pos_ not in ("VERB", "AUX") or rel.i < subj.i \
                        or rel.left_edge.i == 0 or rel.doc[rel.left_edge.i - 1].text != "," \
                        or any(c.dep_ == "ccomp" for c in rel.children):
                    continue
                if any(t.like_num and t.ent_type_ not in ("DATE", "TIME")
                       or self.lex.has("scope", t.lower_) for t in rel.subtree):
                    out.append(rel)  # (a count, not a date: "whose auditors called
                    # on 2 June")
        return out

    def _speaker_reports(self, head, result) -> set:
        """Walk what a speaker says in a relative clause on the clause's subject ("said
        its captain, Jon Pell, who said the club had not complained"): a claim of its own,
        the speaker's. The relative clauses walked."""
        done = set()
        # the speaker of "according to the company, which said in its plan that X" says X
        acc = self._according_to(head)
        according = [t for t in acc[2][2:] if t.dep_ == "pobj" and t.head in acc[2][:2]] \
            if acc is not None and acc[2][0].lower_ == "according" else []
        for subj in (*(c for c in head.children if c.dep_ in SUBJ_DEPS), *according):
            for rel in subj.children:
                if self._said_in_relative(rel):
                    self._relative_report(rel, result)
                    done.add(rel.i)
        return done

    def _relative_report(self, rel, result) -> None:
        """Walk the complements of a relative clause in which a speaker says something, as
        that speaker's claims."""
        comps = self._said_in_relative(rel)
        attr = self._reporting_attribution(rel)
        ids = set()
        for c in comps:
            ids.update(range(c.left_edge.i, c.right_edge.i + 1))
        frame = tuple(t for t in _subtree(rel) if t.i not in ids)
        for c in comps:
            self._walk_clause(c, attr, frame, result)

    def _is_split(self, tok) -> bool:
        """A child clause that is a claim of its own: a coordinated or contrasting clause, or
        one a semicolon parts from its head ("A deal could be agreed; X has been appointed",
        which the parser may read as one sentence with A as X's complement)."""
        if tok.dep_ in ("ccomp", "parataxis", "advcl", "conj") and _verbal(tok) \
                and semicolon_between(tok):
            return True
        if tok.dep_ == "conj" and _verbal(tok):
            return any(c.dep_ in SUBJ_DEPS for c in tok.children) or tok.head.dep_ in ("ROOT", "ccomp")
        if tok.dep_ == "advcl":
            marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
            return bool(marks & self.contrast_marks) or self._saying_participle(tok)
        if _with_clause(tok):
            return True
        return _relative_of_credit(tok) or (
            _relative_of_credit(tok, figure=False) and self._finding_relative(tok))
        # ("according to the council, which puts the damage at £6.4m": the council's own
        # figure, a claim of its own, not part of who is credited; "according to the audit,
        # which also found mould in two kitchens": its own finding)

    def _finding_relative(self, rel) -> bool:
        """A relative clause whose subject is its pronoun and whose verb tells what the
        antecedent found or said, with an object or a clause of its own ("which also found
        mould in two kitchens", "which said the work had stopped"); not one telling what was
        done with it ("which the Post has seen", "which was published in May")."""
        low = rel.lemma_.lower()
        return (low in self.finding_verbs or low in self.report_verbs) and any(
            c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in rel.children) and any(
            c.dep_ in ("dobj", "ccomp") for c in rel.children)

    def _saying_participle(self, tok) -> bool:
        """A participle of saying after a comma, with a clause of its own, on a verb that
        does not report ("The landlord rejected the claim, saying repairs had been made"):
        what it says is a claim of the verb's subject, not part of the rejection."""
        return (tok.tag_ == "VBG" and tok.i > tok.head.i and tok.i > 0
                and tok.doc[tok.i - 1].text == ","
                and tok.lemma_.lower() in self.report_verbs
                and any(c.dep_ == "ccomp" for c in tok.children))

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
            if _with_clause(h):  # the "with" of an absolute clause belongs to neither
                excluded.add(h.head.i)
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
        if head.dep_ == "relcl" and head.head.dep_ in SUBJ_DEPS \
                and head in self._counting_relatives(head.head.head):
            # the speaker the relative clause counts, before it ("The association, which
            # speaks for nine of the eleven pilots"): the claim names whom it is about
            toks = [t for t in head.head.subtree if t.i < head.left_edge.i] + toks
        # drop a leading complementiser and trailing punctuation
        while toks and toks[0].dep_ in ("mark", "cc", "punct"):
            toks.pop(0)
        while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct) and \
                toks[-1].text not in ("\"", "”", "’", ")", "%"):
            toks.pop()  # (a per cent sign ends the figure it belongs to: "by more than 40%")
        return toks



def _with_clause(tok) -> bool:
    """An absolute clause after a comma, brought in by "with", with a subject and a verb in
    the perfect of its own ("..., with trustees having agreed to sell"): a deed done
    before, a claim of its own, not part of the clause it follows. Not a participle of
    the present ("..., with the county proposing to pay £1m", "with prices rising"): those
    set out the clause's circumstances and are read with it. Known false positive: a deed
    that is the clause's own condition ("will reopen, with the roof having been mended")."""
    return (tok.dep_ == "pcomp" and tok.head.lower_ == "with" and tok.tag_ == "VBN"
            and any(c.dep_ == "aux" and c.lower_ == "having" for c in tok.children)
            and tok.head.i > 0 and tok.doc[tok.head.i - 1].text in (",", ";")
            and any(c.dep_ in SUBJ_DEPS for c in tok.children))


def _whose_subject(rel) -> bool:
    """The relative clause's subject is a "whose" phrase ("whose director said")."""
    return any(c.dep_ == "nsubj" and any(p.dep_ == "poss" and p.lower_ == "whose"
                                         for p in c.children) for c in rel.children)


def _relative_of_credit(tok, figure: bool = True) -> bool:
    """A relative clause with a verb, a subject and a figure (not a date) of its own, hung on
    the source of an "according to" and set off by a comma ("according to the council,
    which puts the damage at £6.4m"): what it says is a claim, not a description of who is
    credited. One with no figure ("according to a memo, which the Post has seen")
    describes the source (asked with ``figure`` False, the figure is not required)."""
    if tok.dep_ != "relcl" or not _verbal(tok) or tok.i < 2:
        return False
    return in_credit(tok.head, not figure) is not None \
        and tok.doc[tok.left_edge.i - 1].text == "," \
        and any(c.dep_ in SUBJ_DEPS for c in tok.children) \
        and (not figure or any(t.like_num and t.ent_type_ != "DATE" for t in _subtree(tok)))
