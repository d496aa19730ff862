"""DC210's reading of a finding softened inside a clause of time: the derived claim tells,
after a connective of time ("after", "once", "when": connectives_temporal.txt), with a hedge
("after suspected mould was reported in the classrooms", "after an inspection suggested the
classrooms may be damp") what a source sentence tells after the same connective with a
factive verb and no hedge ("after inspectors found mould in the classrooms"). The claim's
main verb may be faithful, so the clause is compared on its own: its nouns and adjectives,
verbs of saying and finding aside, are the source clause's (two at least, and two thirds of
them).

Known false positives: a source that gives the finding firmly in one telling and doubts it
in another sentence in words no hedge cue holds ("inspectors have not yet confirmed it"):
only a source passage with a hedge, sharing two of the clause's words, silences the
reading, also where its hedge is on another part of the finding ("the leak may have started
in March"). Missed: a softened finding outside a clause of time ("because of suspected
damp")."""

from __future__ import annotations

import re

from checker.align import key
from checker.lexicon import shipped
from checker.records import memo_on
from checker.claim_reading import evidence_of, snippet
from checker.hedging import cue_word_in, cues

_CONTENT = ("NOUN", "PROPN", "ADJ")
# a hedged need, no doubt ("may have to strip the mould"): necessity_verbs.txt, then "to"
_NECESSITY = re.compile(r"\s+(?:%s)\s+to\b" % "|".join(sorted(shipped("necessity_verbs"))), re.I)
_SAYING = ("factive", "nonfactive", "neutral_report_verbs", "finding_verbs", "hedges")


def _connectives(lexicon):
    """The pattern of the connectives that open a clause of time (once per lexicon), or None."""
    def build():
        words = sorted((w for w in lexicon.words.get("temporal", {})
                        if w not in ("then", "later", "subsequently", "before")),
                       key=len, reverse=True)
        return re.compile(r"\b(%s)\b" % "|".join(map(re.escape, words)), re.I) if words else ""
    return memo_on(lexicon, "_time_connectives", build)


def _clauses(text: str, lexicon) -> list:
    """(start, end, connective) of each clause of time in ``text``: from a connective to the
    next comma, semicolon, " and " or the end."""
    pattern = _connectives(lexicon)
    out = []
    for m in (pattern.finditer(text) if pattern else ()):
        stop = re.search(r"[,;]|\s+and\s+|$", text[m.end():])
        out.append((m.start(), m.end() + stop.start(), m.group(1).lower()))
    return out


def _claim_clauses(claim, lexicon) -> list:
    """``_clauses`` of a source claim, once per claim (every derived clause asks them)."""
    return memo_on(claim, "_time_clauses", lambda: _clauses(claim.text, lexicon))


def _keys(words, lexicon) -> set:
    """Content keys of ``words``, verbs of saying and finding and hedges aside."""
    return {key(w.lemma) for w in words if w.pos in _CONTENT
            and not any(lexicon.has(role, w.lemma.lower()) for role in _SAYING)}


def softened_in_clause(ctx, dc):
    """The fields of a finding when a clause of time of the derived claim holds a hedge where
    a source sentence's clause after the same connective holds a factive verb; else None."""
    lex = ctx.lexicon
    hedges = [h for h in cues(dc, lex, attempts=False) if h.weight >= 0.2]
    if not hedges:
        return None
    rel = dc.start
    for start, end, conn in _clauses(dc.text, lex):
        inside = [h for h in hedges if start <= h.start - rel < end]
        words = [w for w in dc.words if start <= w.start - rel < end]
        if not inside or any(lex.has("factive", w.lemma.lower()) for w in words):
            continue
        mine = _keys(words, lex)
        if len(mine) < 2:
            continue
        found = _firm_clause(ctx, conn, mine, inside)
        if found is None:
            continue
        sc, verb, clause = found
        h = inside[0]
        return dict(start=h.start, end=rel + end, text=dc.text[h.start - rel:end],
                    confidence=0.55, evidence=[evidence_of(sc)],
                    message=(f'Says "{h.text}" in "{dc.text[start:end]}" where the source '
                             f'says "{verb}": "{snippet(clause, 70)}".'),
                    suggestion=f'Use the source\'s verb ("{verb}") or say why it is in doubt.')
    return None


def _firm_clause(ctx, conn, mine, inside):
    """(source claim, its factive verb, its clause's text) of a source clause after the same
    connective ``conn`` that states the derived clause's content with a factive verb and no
    hedge (not another event told after another connective); None when none does, or when
    any source passage sharing two of its words is hedged."""
    lex = ctx.lexicon
    if any(_hedged_on(sc, mine, lex) for sc in ctx.index.claims):
        return None  # a source passage on these things hedges something of them ("the leak
        # may have started in March"), which the derived hedge may restate
    found = None
    for sc in ctx.index.claims:
        rel = sc.start
        for start, end, their_conn in _claim_clauses(sc, lex):
            words = [w for w in sc.words if start <= w.start - rel < end]
            shared = mine & _keys(words, lex)
            if len(shared) < 2 or len(shared) < 2 / 3 * len(mine):
                continue
            clause = sc.text[start:end]
            if cues(sc, lex) and any(start <= c.start - rel < end for c in cues(sc, lex)) \
                    or any(cue_word_in(h.text, clause) for h in inside):
                return None  # the source hedges it too
            verb = next((w.text for w in words if w.pos in ("VERB", "AUX")
                         and lex.has("factive", w.lemma.lower())), "")
            if verb and their_conn == conn and found is None:
                found = (sc, verb, clause)
    return found or _firm_sentence_clause(ctx, conn, mine, inside)


def _firm_sentence_clause(ctx, conn, mine, inside):
    """``_firm_clause`` on a source sentence's own clause after the connective, where the
    parse split that clause over two claims ("The cordon went up after bird flu" and "was
    detected in a flock"): its words are those of every claim of the sentence inside it, up
    to a word that joins another clause ("although tests confirmed none": coordinators.txt,
    concessives.txt, clause_subordinators.txt). Known false positive: that clause told of
    another event in the same words."""
    lex = ctx.lexicon
    pattern = re.compile(rf"\b{re.escape(conn)}\b", re.I)
    for claims in ctx.memo("time-clause-sentences", _claims_by_sentence).values():
        sentence, base = claims[0].sentence, claims[0].sent_start
        for start, end, their_conn in _clauses(sentence, lex):
            if their_conn != conn or not pattern.match(sentence, start):
                continue
            joined = _JOINS.search(sentence, start + len(conn), end)
            end = joined.start() if joined else end
            words = {(w.start, w.lemma): w for sc in claims for w in sc.words
                     if start <= w.start - base < end}.values()
            shared = mine & _keys(words, lex)
            if len(shared) < 2 or len(shared) < 2 / 3 * len(mine):
                continue
            clause = sentence[start:end]
            if any(cue_word_in(h.text, clause) for h in inside) or any(
                    start <= c.start - base < end for sc in claims for c in cues(sc, lex)):
                return None  # the source hedges it too
            verb = next((w for w in words if w.pos in ("VERB", "AUX")
                         and lex.has("factive", w.lemma.lower())), None)
            if verb is not None:
                sc = next(c for c in claims if any(w is verb for w in c.words))
                return sc, verb.text, clause
    return None


# a word that joins another clause to a clause of time ("after birds died but vets found none")
_JOINS = re.compile(r"\b(?:%s)\b" % "|".join(sorted(
    shipped("coordinators") | shipped("concessives") | shipped("clause_subordinators"))), re.I)


def _claims_by_sentence(ctx) -> dict:
    """{(document, sentence start): its source claims} with two claims or more: the
    sentences a parse may have split (once per set of sources)."""
    out: dict = {}
    for sc in ctx.index.claims:
        out.setdefault((sc.doc_id, sc.sent_start), []).append(sc)
    return {k: v for k, v in out.items() if len(v) > 1}


def _hedged_on(sc, mine, lex) -> bool:
    """The source claim hedges what it says of two of the derived clause's words: a hedge in
    its clause of time that holds them, or anywhere in a claim that holds them outside any
    such clause (not "is not expected to finish" beside "after corrosion was found")."""
    hedges = [c for c in cues(sc, lex) if c.weight >= 0.2
              and not _NECESSITY.match(sc.text, c.end - sc.start)]  # not "may have to strip"
    if not hedges:
        return False
    rel = sc.start
    spans = [(start, end) for start, end, _ in _claim_clauses(sc, lex)
             if len(mine & _keys([w for w in sc.words if start <= w.start - rel < end], lex)) >= 2]
    if spans:
        return any(a <= c.start - rel < b for c in hedges for a, b in spans)
    return len(mine & _keys(sc.words, lex)) >= 2

