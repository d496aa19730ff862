"""Whether a claim says something is not so, and how surely it says it: a negation on the
claim's verb or subject and the words it denies ("Neither A nor B would comment", "refused to
accept", "without the possibility of"), told from its lookalikes and bounds ("not only", "no
more than 8,000 litres"); the claim's certainty, from its hedges, attempts, boosters and
factive verbs, is read by ``checker.extract.certainty_reader``, mixed in here; its subject,
predicate, object and quotations are ``checker.extract.reading``'s."""

from __future__ import annotations

from checker.extract.certainty_reader import CertaintyReader
from checker.extract.common import _NEGATING_DEPS
from checker.polarity import COMPARATIVE_BOUND


class NegationCertaintyReader(CertaintyReader):
    """The polarity half of ``ClaimReader``: whether one claim is negated, the words it
    denies, and its certainty (its frame and quotations are ``ClaimReader``'s)."""

    def _negated(self, head, pred, tokens) -> bool:
        subj = self._subject(head)
        if subj is not None and subj.left_edge.lower_ in ("neither", "no", "none", "nobody",
                                                          "nothing", "nor") and not \
                self._no_negation(subj.left_edge):
            return True  # "Neither A nor B would comment", "No agency has confirmed"; not
            # a bound on a figure ("no more than 8,000 litres had escaped")
        for v in {head, pred}:
            if _dated_only(v):
                continue  # "were not told until January": when it happened, not whether
            for c in v.children:
                if c.dep_ == "neg" and not self._no_negation(c):
                    return True
                if c.lower_ in ("never",) and c.dep_ in ("neg", "advmod"):
                    return True
                if c.dep_ == "advmod" and any(
                        g.dep_ == "neg" and g.lower_ == "no" and g.i < c.i
                        and not self._no_negation(g) for g in c.children):
                    return True  # "is no longer eligible"; not a comparison ("not as big")
                if c.lower_ == "nor" and c.dep_ == "cc" and c.i == c.sent.start:
                    return True  # "Nor will the council pay": the opening "nor" denies it
        return False

    def _negated_words(self, tokens) -> tuple[str, ...]:
        """Lemmas of content words negated on their own: a "not"/"never" child (lookalikes
        such as "not only" excepted), a "no" determiner on a noun, a noun after "without",
        the verb of a clause opened by "nor", or of a condition opened by "unless", the act
        one is kept "from" ("barred from playing": ``preventing_verbs``); the verb
        of "no longer", and what a denied copula says of its subject ("is not eligible"),
        unless graded ("not as busy as")."""
        ids = None
        out = []
        for c in tokens:
            dep = c.dep_
            if c.pos_ in ("VERB", "ADJ") and c.lemma_.lower() in self.lex.words["negations"]:
                out.extend(self._refused(c, tokens))  # also "was unable to verify"
            elif c.pos_ == "VERB" and any(
                    (c.lemma_.lower(), x.lower_) in self.refusing_phrasals
                    for x in c.children if x.dep_ == "prt"):
                out.extend(self._refused(c, tokens, gerund=True))  # "ruled out raising"
            if c.lower_ in ("none", "nothing") and dep in ("nsubj", "nsubjpass") \
                    and c.head.pos_ in ("VERB", "AUX"):
                out.append(c.head.lemma_.lower())  # "if none is received": nothing is
                continue
            if dep not in _NEGATING_DEPS:
                continue
            low = c.lower_
            if low == "without" and dep == "prep":
                # "without the possibility of parole" denies as "no possibility" does
                out.extend(o.lemma_.lower() for o in c.children
                           if o.dep_ == "pobj" and o.pos_ == "NOUN")
                continue
            if low == "from" and dep == "prep" and c.head.lemma_.lower() in self.preventing:
                # "was barred from playing": the act kept from happening; not "did not bar
                # fans from entering", which lets it happen
                if not any(x.dep_ == "neg" for x in c.head.children):
                    out.extend(o.lemma_.lower() for o in c.children
                               if o.dep_ == "pcomp" and o.tag_ == "VBG")
                continue
            if low == "nor" and dep == "cc" and c.i == c.sent.start:
                # "Nor should it be read as ...": the clause after an opening "nor" is denied
                out.append(c.head.lemma_.lower())
                continue
            if low == "unless" and dep == "mark":
                # "cannot start unless the ministry consents" says "without its consent"
                out.append(c.head.lemma_.lower())
                continue
            if not (dep == "neg" or (low == "never" and dep == "advmod")
                    or (low in ("no", "neither") and dep == "det")):
                continue  # ("neither decision" denies as "no decision" does)
            if low == "no" and c.i > 0 and c.doc[c.i - 1].lower_ in self.determiners:
                continue  # "the no votes", "a no vote": the side voted for, not a denial
            if dep == "neg" and _dated_only(c.head):
                continue  # "were not told until January": it dates the act ("only in January")
            if self._in_speaker_phrase(c.head):
                continue  # "two doctors who asked not to be named said ...": the speaker's
            t = c.head
            if low == "no" and dep == "neg" and t.dep_ == "advmod" and t.pos_ == "ADV" \
                    and c.i < t.i:
                t = t.head  # "is no longer eligible": the verb's, or what "is" says
            if t.pos_ not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "ADV") or (
                    low in ("no", "neither") and dep == "det" and t.pos_ != "NOUN"):
                continue
            if ids is None:
                ids = {x.i for x in tokens}
            if t.i not in ids or (dep in ("neg", "det") and self._no_negation(c)):
                continue  # "not only", "no more than 8,000 litres" (a bound, not a denial)
            if c.i > 0 and c.doc[c.i - 1].text == "," and any(
                    x.i < c.i and x.lemma_ == t.lemma_ and x.i != t.i for x in tokens):
                continue  # "made it safer, not less safe": the rejected alternative of a
                # word the clause asserts before it, which is no denial of that word
            if c.i > 0 and c.doc[c.i - 1].text == "," and t.i < c.i and t.pos_ in (
                    "NOUN", "PROPN"):
                continue  # "run by the school, not the parish": the parse hangs "not" on
                # the noun asserted before it; what it denies is the alternative after it
            out.append(t.lemma_.lower())
            if low in ("no", "neither") and dep == "det":
                out.extend(_or_joined(t, ids))  # "no shop or post office": both
            if t.lemma_ == "be":  # "is not eligible": what the copula says of its subject,
                # unless graded ("not as competitive as", "not very large")
                out.extend(x.lemma_.lower() for x in t.children
                           if x.dep_ in ("acomp", "attr") and x.i in ids
                           and not any(g.dep_ == "advmod" for g in x.children))
        return tuple(dict.fromkeys(out))

    @staticmethod
    def _refused(verb, tokens, gerund: bool = False) -> list[str]:
        """The act a verb of refusal keeps from happening ("refused to accept the findings",
        "failed to meet the deadline", "declined to renew", "was unable to confirm": the
        negations lexicon's verbs and adjectives with a "to" clause; with ``gerund``, the
        -ing form a phrasal verb of refusal takes: "ruled out raising fares",
        refusing_phrasals.txt), unless the refusal is itself negated ("did not fail to")."""
        if any(x.dep_ == "neg" for x in verb.children):
            return []
        ids = {x.i for x in tokens}
        if gerund:  # the -ing form right after the particle (the parser may hang it as an
            # adverbial clause); not a participle further on ("ruled out a move, citing")
            prt = next((x.i for x in verb.children if x.dep_ == "prt"), -2)
            doc = verb.doc
            return [x.lemma_.lower() for x in verb.children
                    if x.dep_ in ("xcomp", "advcl", "dobj") and x.tag_ == "VBG" and x.i in ids
                    and (x.i == prt + 1 or x.i == prt + 2 and doc[prt + 1].pos_ == "ADV")]
            # (also past one adverb: "ruled out immediately raising fares")
        return [x.lemma_.lower() for x in verb.children
                if x.dep_ == "xcomp" and x.pos_ in ("VERB", "AUX") and x.i in ids
                and any(a.lower_ == "to" and a.dep_ == "aux" for a in x.children)]

    def _in_speaker_phrase(self, tok) -> bool:
        """The token lies in the subject of a reporting verb ("two obstetricians who asked
        not to be named said ..."): it describes the speaker, not what is said."""
        x = tok
        for _ in range(6):
            if x.head is x or x.head.i == x.i:
                return False
            if x.dep_ == "nsubj" and x.head.lemma_.lower() in self.report_verbs:
                return True
            x = x.head
        return False

    def _no_negation(self, tok) -> bool:
        """A negation word that negates nothing: a lookalike ("not only", "who asked not to
        be named": negation_lookalikes.txt), a bound ("no longer than nine weeks") or the
        "not" of a correction after the verb ("expected in 2027, not March 2026")."""
        return self._lookalike(tok, self.neg_lookalikes) or _comparative_bound(tok) \
            or _correction(tok)

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


def _comparative_bound(tok) -> bool:
    """A "no" or "not" before a comparative and "than" ("no longer than six months", "not
    more than 20"): a bound on a figure (polarity.COMPARATIVE_BOUND)."""
    doc = tok.doc
    return tok.lower_ in COMPARATIVE_BOUND[0] and tok.i + 2 < len(doc) \
        and doc[tok.i + 2].lower_ == COMPARATIVE_BOUND[1]


def _correction(tok) -> bool:
    """A "not" after a comma, after its verb, before no verb of its own ("now expected in
    autumn, not March"; "paid to the council, not the trust"): it sets aside another value,
    and the verb itself stands. Not "would appeal, not pay", whose "not" has a verb."""
    doc = tok.doc
    return tok.lower_ == "not" and 0 < tok.i < len(doc) - 1 and tok.i > tok.head.i \
        and doc[tok.i - 1].text == "," and doc[tok.i + 1].pos_ not in ("VERB", "AUX", "PART")


def _dated_only(verb) -> bool:
    """A verb whose negation only dates it: "did not alert the authority until January"
    says it alerted it in January."""
    return any(x.lower_ in ("until", "till") and x.dep_ in ("prep", "mark")
               for x in verb.children)


def _or_joined(noun, ids) -> list:
    """The lemmas of the nouns joined to a noun by "or" or "nor", with no determiner of their
    own: a "no" before the first denies them all ("no shop or post office"). Not
    by "and" ("no shop and pub" may deny the pair only)."""
    if not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in noun.children):
        return []
    out, todo = [], [c for c in noun.children if c.dep_ == "conj"]
    while todo:
        c = todo.pop()
        todo.extend(x for x in c.children if x.dep_ == "conj")
        if c.pos_ == "NOUN" and c.i in ids and not any(d.dep_ == "det" for d in c.children):
            out.append(c.lemma_.lower())
    return out
