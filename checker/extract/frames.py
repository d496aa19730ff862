"""The frames that credit a claim without a verb of saying of its own: "according to X", "in
X's account", and a fronted one that covers the clauses split off after it (read by
``SpeakerReader._attribution``, and by the clause walk for what the frame leaves out of the
claim)."""

from __future__ import annotations

import re
from typing import Optional

from checker.extract.common import SUBJ_DEPS, _doc_text
from checker.records import Attribution


class FrameReader:
    """Mixed into ``checker.extract.core.Extractor``: the "according to" frames of a clause."""

    def _according_to(self, head):
        """("according to", source text, tokens) when the clause has an "according to X" frame."""
        for c in list(head.children) + [head] + _trailing_according(head):
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
                # "two staff members, who spoke on condition of anonymity ..., one of the
                # dryers": the parser may hang the clause's subject on the speakers' relative
                # clause; the speakers are the words before it
                text = re.split(r",\s+(?:who|whom|whose|which\s+said)\b", text, maxsplit=1)[0]
                return ("according to", text, toks)
        return self._in_their_account(head)

    def _according_attribution(self, head) -> Optional[Attribution]:
        """The clause's "according to X" (or "in X's account") frame as an attribution,
        unresolved, or None."""
        acc = self._according_to(head)
        if acc is None:
            return None
        src, toks = acc[1], acc[2]
        pobj = next((t for t in toks[2:] if t.dep_ == "pobj" and t.head in toks[:2]), None)
        return Attribution(source=src, cue=f"according to {src}".strip(),
                           start=toks[0].idx, end=toks[-1].idx + len(toks[-1]),
                           kind="according-to",
                           head=pobj.lemma_.lower() if pobj is not None else "")

    def _voice_of_its_own(self, head) -> bool:
        """A clause split off after a fronted frame that the frame does not cover: one that
        reports another voice's words ("though a spokesman said ..."), one the writer sets
        against the frame ("..., but its figures have not been audited": concessives.txt),
        or one whose subject is a record that speaks for itself ("..., while the city's own
        figures show a rise": document_nouns.txt, statistics_nouns.txt)."""
        if any(t.lemma_.lower() in self.report_verbs and t.pos_ == "VERB" for t in head.subtree):
            return True
        between = head.doc[head.head.i + 1:head.i]
        if any(t.lower_ in self.lex.words["concessives"] for t in between
               if t.dep_ in ("cc", "mark", "advmod") and t.head.i in (head.i, head.head.i)):
            return True
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and any(self.lex.has(role, subj.lemma_.lower()) for role in
                                        ("document_nouns", "statistics_nouns"))

    def _fronted_according(self, head) -> Optional[Attribution]:
        """The clause's "according to X" or "in X's account" frame when it opens the
        sentence, or None."""
        acc = self._according_to(head)
        if acc is None or acc[2][0].i != head.sent.start:
            return None
        return self._according_attribution(head)

    def _according_between(self, conj) -> Optional[Attribution]:
        """The "according to X" frame of the clause a coordinated clause joins, when the
        frame stands between the two ("A could cost £4m, according to the firm, and the sum
        must be found from B": the firm's word covers B too, when B's subject is a thing or
        B has none), or None."""
        acc = self._according_to(conj.head)
        if conj.dep_ != "conj" or acc is None or acc[2][0].lower_ != "according" \
                or not conj.head.i < acc[2][0].i < acc[2][-1].i < conj.i:
            return None
        subj = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ != "it" and not _thing_pointed_back(subj, self.lex):
            return None  # "..., and several cafe owners fear a slump", "and Denham
            # council plans to", "and a new car park opened": people or a body with a view
            # or a deed of their own, or a new thing; only one the first clause brought in
            # ("the sum") or no subject of its own is covered
        return self._according_attribution(conj.head)

    def _own_account(self, head) -> bool:
        """An "in its projections" frame before the speaker's own verb of saying ("In its
        latest projections, the port authority said X"): the possessive is the speaker the
        verb names next, not a report around the speaker's. Only when the pronoun agrees with that
        speaker ("In his account, the managers said" stays a report inside a report)."""
        acc = self._according_to(head)
        if acc is None or acc[2][0].lower_ == "according":
            return False
        owner = next((t for t in acc[2] if t.dep_ == "poss"), None)
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if owner is None or subj is None or subj.i < acc[2][-1].i \
                or owner.lower_ not in self.lex.words["possessives"]:
            return False
        person = subj.ent_type_ == "PERSON"
        plural = subj.tag_ in ("NNS", "NNPS")
        return {"its": not person and not plural, "their": plural or subj.ent_type_ == "ORG",
                "his": person or subj.tag_ == "NN", "her": person or subj.tag_ == "NN"
                }.get(owner.lower_, False)

    def _in_their_account(self, head):
        """("according to", possessor, tokens) for an "in X's account" frame: "In his
        account, the branches had lost money", "by the union's reckoning" (account_nouns.txt);
        a possessive pronoun gives the pronoun that ``_resolve`` reads ("his" -> "he")."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "by", "on"):
                continue
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is None or not self.lex.has("account_nouns", noun.lemma_.lower()):
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is None:
                continue
            toks = sorted(prep.subtree, key=lambda t: t.i)
            j = toks[-1].i + 1
            if j < len(head.doc) and head.doc[j].text == ",":
                toks.append(head.doc[j])
            low = owner.lower_
            text = self.lex.words["possessives"].get(low) or self._span_text(owner)
            text = re.sub(r"['’]s?$", "", text).strip()
            return ("according to", text, toks)
        return None


def _trailing_according(head) -> list:
    """An ", according to X" that the parse hung on a subject-less clause below the head
    ("The council plans to commission a review, expected to report by May, and could attach
    conditions, according to Councillor Ruiz": on "expected"): it frames the whole clause."""
    out = []
    for t in head.sent:
        # compared by index: spaCy makes a new Token on every access, the DocView does not
        if t.lower_ != "according" or t.i == 0 or t.doc[t.i - 1].text != "," \
                or t.head.i == head.i or t.i == head.i:
            continue
        up, steps = t.head, 0
        while up.i != head.i and up.head.i != up.i and steps < 4:
            if any(c.dep_ in SUBJ_DEPS for c in up.children):
                break  # a clause of its own, with its own subject, is what X says
            up, steps = up.head, steps + 1
        if up.i == head.i:
            out.append(t)
    return out


def _thing_pointed_back(subj, lex) -> bool:
    """A subject that points back at what the clause before brought in: "the", "this",
    "that" or an owner's "its" before a bare common noun that names no body ("the sum",
    "its 12 staff", "the repairs"; not "the council", "Denham council" or "a new car
    park")."""
    kids = [c for c in subj.children if c.i < subj.i]
    return subj.tag_ in ("NN", "NNS") and not subj.ent_type_ and len(kids) == 1 \
        and kids[0].lower_ in ("the", "this", "that", "these", "those", "its", "their") \
        and not any(lex.has(role, subj.lemma_.lower()) for role in ("stand_ins",
                                                                  "corporate_nouns"))
