"""What a claim says: its subject, predicate and object, the reporting verb above it, its
quotations and the text of a phrase; whether it is negated and how surely it is said are read
in ``checker.extract.negation_certainty`` (its links, quantities and scope words in
``markers``)."""

from __future__ import annotations

from checker.extract.common import QUOTE_RE, _doc_text
from checker.extract.negation_certainty import NegationCertaintyReader


class ClaimReader(NegationCertaintyReader):
    """The reading half of ``Extractor``: the frame of one claim (its negation and certainty
    are ``NegationCertaintyReader``'s)."""

    def _subject(self, head):
        tok = head
        for _ in range(4):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")),
                        None)
            if subj is not None:
                return subj
            if tok.dep_ == "conj" and _out_of_quote(tok):
                # 'X said the deal would "bring what neither could fund" and pointed to ...':
                # the parser joined "pointed" to a verb inside the quotation; its subject is
                # the speaker's
                tok = self._reporting_ancestor(tok) or tok.head
                continue
            if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
                tok = tok.head
                continue
            break
        return None

    def _reporting_ancestor(self, tok):
        for anc in tok.ancestors:
            if anc.lemma_.lower() in self.report_verbs and anc.pos_ in ("VERB", "AUX"):
                return anc
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


def _out_of_quote(conj) -> bool:
    """A coordinated verb that stands after a quotation's closing mark while the verb it is
    joined to stands inside the quotation."""
    head = conj.head
    if head is conj or head.i > conj.i:
        return False
    marks = [t for t in conj.doc[head.i + 1:conj.i] if t.text in ('"', "”", "“")]
    return len(marks) % 2 == 1

