"""How surely a claim says what it says: its hedges, attempts and boosters, a span of time
to do a deed in ("has 21 days to file"), a headline's bare infinitive, and its factive
verbs. Mixed into ``checker.extract.negation_certainty.NegationCertaintyReader``, whose
lexicon sets and lookalike test these read."""

from __future__ import annotations

from checker.extract.common import (
    _BASE_CERTAINTY,
    _doc_text,
    _inverted_condition,
    purpose_clause,
    _verbal,
)
from checker.extract.phrases import _find_phrase, _possible, find_phrase_past_adjective
from checker.records import Certainty, Cue

# A span of time to do something in ("has 21 days to file its objection") weighs as a plan
# does in attempts.txt: the deed is not done. Kept with the attempts, in a role of its own
# ("deadline"): DC203 reads the deed told as done against it; DC210 does not read it as a
# doubt, as it stands for a duty as often ("must refund within seven days"). A headline's
# bare infinitive ("Council to close two libraries", role "headline") weighs as a plan too,
# and DC210 reads it no more than a deadline: it stands for "will" as often as for a plan.
DEADLINE = 0.35
# The lightest attempt verb whose object with a "to" verb of its own aims at that verb
# ("seeks leave to widen", "wants money to rebuild"): not a verb of doing that takes a
# purpose ("moved the crane to lift the beam", "prepared a budget to cut spending", whose
# weights in attempts.txt are lower).
AIM_WEIGHT = 0.3


def _sought_for_deed(verb, asking: bool = False):
    """The noun an attempt verb, the claim's own, takes whose own "to" verb is the deed aimed
    at ("is seeking *leave* from the county to widen", "wants *money* to rebuild"), or
    None: the object, or a "for" object, with a to-infinitive of its own (the parser makes it
    the noun's ``acl`` or ``relcl``). For a verb of ``asking``, the "for" object only ("has
    asked for powers to cut"): "urged clerks to redo the ledger" did the urging."""
    nouns = [c for c in verb.children if c.dep_ == "dobj" and not asking] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children if g.dep_ == "pobj"]
    for noun in nouns:
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        # the "to" verb on the noun, or one the parser hangs on the verb of asking or
        # seeking ("has asked for powers to cut", "is seeking help from X to restore")
        if any(c.dep_ in ("acl", "relcl") and _to_verb_of(noun, c) for c in noun.children) \
                or any(c.dep_ in ("xcomp", "advcl") and c.i > noun.i and _to_verb_of(noun, c)
                       for c in verb.children):
            return noun
    return None


def _to_verb_of(noun, verb) -> bool:
    """``verb`` is a bare "to" verb after ``noun`` with no "and" or comma between them (not
    "wants lower fares and repairs to damp stations", where the parser may hang "to damp"
    on "fares")."""
    return verb.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to"
                                     for a in verb.children) \
        and not any(x.dep_ == "cc" or x.text in ",;" for x in noun.doc[noun.i:verb.i])


def _aimed(comp) -> bool:
    """An attempt verb's complement that is the deed aimed at: a "to" verb, a bare or "-ing"
    verb ("plans to close", "is considering closing"), not a finite verb the tagger hung on
    a participle ("the money pledged came from ...": "came")."""
    return comp.tag_ in ("VB", "VBG") or any(m.lower_ == "to" for m in comp.children)


class CertaintyReader:
    """The certainty half of ``NegationCertaintyReader``."""

    def _deadline(self, tokens):
        """A span of time a party has to do something in ("It has 21 days to file its
        objection"; "have until Friday to respond" is not read): a deed not yet done, as a
        plan is, or None."""
        for t in tokens:
            if t.lemma_.lower() != "have" or t.pos_ not in ("VERB", "AUX"):
                continue
            span = next((c for c in t.children if c.dep_ == "dobj"
                         and self.lex.has("durations", c.lemma_.lower())), None)
            if span is None:
                continue
            deed = next((c for c in (*t.children, *span.children)
                         if c.dep_ in ("xcomp", "advcl", "relcl", "acl") and c.tag_ == "VB"
                         and any(a.lower_ == "to" for a in c.children)), None)
            to = next((a for a in deed.children if a.lower_ == "to"), None) if deed else None
            if to is not None and to.i == span.i + 1:
                words = _doc_text(t.doc)[t.idx:to.idx + 2]  # "has 28 days to"
                return Cue(words, "deadline", t.idx, to.idx + 2, DEADLINE)
        return None

    def _certainty(self, head, pred, tokens, attribution, inherited,
                   vocab: frozenset) -> Certainty:
        hedges, attempts, boosters = [], [], []
        factivity, fcue = "neutral", None
        # (vocab holds every token's form and lemma: no word of the lists, nothing to find)
        for t in tokens if not vocab.isdisjoint(self.certainty_words) else ():
            low, lem = t.lower_, t.lemma_.lower()
            if (low in self.hedges or (lem in self.hedges and t.pos_ in ("VERB", "AUX"))):
                key = low if low in self.hedges else lem
                # a hedging verb with its clause, or in the passive on its own ("the disease
                # is suspected on 63 farms"), or its participle before a noun ("three
                # suspected cases", "the alleged fraud")
                if t.tag_ == "MD" or t.pos_ in ("ADV", "ADJ") or (
                        t.pos_ == "VERB" and any(c.dep_ in ("xcomp", "ccomp", "auxpass")
                                                 for c in t.children)) or (
                        t.pos_ == "VERB" and t.dep_ == "amod" and low in self.hedges):
                    if not self._lookalike(t, self.hedge_lookalikes) and not (
                            t.tag_ == "MD" and key in ("can", "could")
                            and _unable(t, self.lex.words["negations"])) \
                            and not _inverted_condition(t) and not _stresses_degree(t) \
                            and not (t.tag_ == "MD" and purpose_clause(t.head)):
                        hedges.append(Cue(t.text, "hedge", t.idx, t.idx + len(t),
                                          self.lex.weight("hedges", key)))
            if lem in self.attempts and _verbal(t) and any(
                    c.dep_ == "xcomp" and _aimed(c) for c in t.children):
                # "plans to", but "is considering closing": a gerund has no "to"
                to = any(c.dep_ == "xcomp" and c.tag_ != "VBG" for c in t.children)
                whether = to and any(c.dep_ == "xcomp" and any(
                    m.lower_ == "whether" for m in c.children) for c in t.children)
                # "is considering whether to move": its words as written
                attempts.append(Cue(f"{t.text} whether to" if whether else f"{t.text} to"
                                    if to else t.text, "attempt", t.idx,
                                    t.idx + len(t), self.lex.weight("attempts", lem)))
            elif (lem in self.attempts and self.lex.weight("attempts", lem) >= AIM_WEIGHT
                  or self.lex.has("asking_verbs", lem)) and _verbal(t) \
                    and (t is head or t.dep_ in ("conj", "xcomp")):
                sought = _sought_for_deed(t, asking=lem not in self.attempts)
                if sought is not None:  # "is seeking leave to widen": the widening
                    # is aimed at, as it is where one "has asked for powers to cut" (a verb
                    # of asking weighs as "seek" does)
                    attempts.append(Cue(f"{t.text} {sought.text} to", "attempt", t.idx,
                                        sought.idx + len(sought),
                                        self.lex.weight("attempts", lem,
                                                        self.lex.weight("attempts", "seek"))))
            if low in self.boosters or lem in self.boosters:
                boosters.append(Cue(t.text, "booster", t.idx, t.idx + len(t),
                                    self.lex.weight("boosters",
                                                    low if low in self.boosters else lem, 0.1)))
            if lem in self.factive and t.pos_ == "VERB" and factivity != "non-factive":
                # "proved costly", "should it prove unrecoverable": a copula, not a finding
                complements = [c for c in t.children if c.dep_ in ("acomp", "oprd", "ccomp",
                                                                    "dobj")]
                copula = bool(complements) and all(  # an adjective read as object, too
                    c.dep_ in ("acomp", "oprd") or c.dep_ == "dobj" and c.pos_ == "ADJ"
                    for c in complements)
                # "Tribunal finds for the couriers": a ruling for a party, no finding of a fact
                ruling = not complements and any(c.dep_ == "prep" and c.lower_ in ("for",
                                                                                   "against")
                                                 for c in t.children)
                if not copula and not ruling and not any(c.dep_ == "neg" for c in t.children):
                    factivity, fcue = "factive", Cue(t.text, "factive", t.idx, t.idx + len(t), 0.2)
            elif lem in self.nonfactive and t.pos_ in ("VERB", "NOUN"):
                if t.pos_ == "VERB" and not any(c.dep_ in ("ccomp", "xcomp", "dobj")
                                                for c in t.children):
                    continue
                if t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass") and not any(
                        c.dep_ == "prep" and c.lower_ in ("of", "about")
                        or c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that"
                                                              for m in c.children)
                        for c in t.children):
                    continue  # "the inspectorate's report put grain losses at 90 tonnes":
                    # the subject of a verb of its own, not a report of the claim ("reports
                    # of hidden code", "fears that the plant will close")
                factivity, fcue = "non-factive", Cue(t.text, "non-factive", t.idx,
                                                      t.idx + len(t), 0.15)
        deadline = self._deadline(tokens)
        if deadline is not None:
            attempts.append(deadline)
        if _headline_infinitive(head):
            # "Tribunal sides with couriers; platform to appeal": a headline's bare "to"
            # verb says what is planned, as "plans to" does
            to = next(c for c in head.children if c.dep_ == "aux")
            attempts.append(Cue(f"{to.text} {head.text}", "headline", to.idx,
                                head.idx + len(head), self.lex.weight("attempts", "plan")))
        for phrase in _possible(self.attempt_phrases, vocab):
            # "in advanced talks to buy": an adjective inside the phrase
            pos = _find_phrase(tokens, phrase, vocab) \
                or find_phrase_past_adjective(tokens, phrase, vocab)
            if pos is not None:
                t = tokens[pos[0]]
                attempts.append(Cue(" ".join(x.text for x in tokens[pos[0]:pos[1] + 1]) + " to",
                                    "attempt", t.idx, tokens[pos[1]].idx + len(tokens[pos[1]]),
                                    self.lex.weight("attempts", " ".join(phrase))))
        for phrase in _possible(self.booster_phrases, vocab):  # "in fact"
            pos = _find_phrase(tokens, phrase, vocab)
            if pos is not None:
                t, e = tokens[pos[0]], tokens[pos[1]]
                boosters.append(Cue(_doc_text(t.doc)[t.idx:e.idx + len(e)], "booster", t.idx,
                                    e.idx + len(e),
                                    self.lex.weight("boosters", " ".join(phrase), 0.1)))
        if inherited is not None and factivity == "neutral":
            # the reporting verb's lemma from the parse ("found" -> "find"), else its first word
            verb_lemma = inherited.lemma or (inherited.cue.split()[0].lower()
                                             if inherited.cue else "")
            factivity = "factive" if verb_lemma in self.factive else "non-factive"
        if inherited is not None and inherited.negated:
            factivity = "non-factive"  # "did not confirm that X" vouches for nothing
        level = _BASE_CERTAINTY
        if factivity == "factive":
            level += 0.25
        elif factivity == "non-factive":
            level -= 0.15
        if hedges:
            ws = sorted((c.weight for c in hedges), reverse=True)
            level -= ws[0] + 0.5 * sum(ws[1:])
        if attempts:
            level -= max(c.weight for c in attempts)
        level += sum(c.weight for c in boosters)
        if attribution is not None and attribution.kind in ("adverb", "passive", "reports"):
            level -= 0.05
        if inherited is not None and inherited.negated:
            level -= 0.3
        level = max(0.0, min(1.0, level))
        return Certainty(level=round(level, 3), hedges=tuple(hedges), attempts=tuple(attempts),
                         boosters=tuple(boosters), factivity=factivity, factive_cue=fcue)


def _headline_infinitive(head) -> bool:
    """The clause is a headline's bare infinitive with its own subject ("platform to
    appeal", "Council to close two libraries"): the sentence's root, "to" its only
    auxiliary."""
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    return (head.dep_ == "ROOT" and head.tag_ == "VB" and len(auxes) == 1
            and auxes[0].lower_ == "to" and any(c.dep_ == "nsubj" for c in head.children))


def _unable(modal, negations) -> bool:
    """ "could not", "cannot", "no refinancing could be agreed": an inability, not a hedge
    (a subject that is, or is led by, a word of the negations lexicon)."""
    verb = modal.head
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (subj.lower_ in negations or any(
        c.dep_ == "det" and c.lower_ in negations for c in subj.children))


def _stresses_degree(tok) -> bool:
    """ "possible" after a superlative ("the lowest possible rating", "the best possible
    care") or closing "as ... as possible" ("as soon as possible"): it stresses the degree
    and doubts nothing."""
    if tok.pos_ != "ADJ":
        return False
    doc, i = tok.doc, tok.i
    return i > 0 and doc[i - 1].tag_ in ("JJS", "RBS") or i > 2 and doc[i - 1].lower_ == "as" \
        and doc[i - 3].lower_ == "as"
