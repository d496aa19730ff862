"""DE409 description-moved: what the source says of one named party, said of another.

What it flags:
    A name set beside a description in the derived text, by a relative clause ("Brackwater
    Rail, which owns the track,") or an apposition ("Ostley Mills, the largest buyer of
    spruce,"), when the sources set the same description (its content words, two or more;
    or three or more of the source's, all kept, with a name added: "who chairs the panel on
    Tessford Council" for "who chairs the panel on the council") beside another name of
    the story and never beside this one, nor in any sentence that
    names this one. Both names must be in the sources: a name they lack is DE401's.
Why it matters:
    A digest that moves "which owns the track" from the track's owner to the train's
    operator puts the blame for a broken rail on the wrong company, in words that are all
    the source's own.
Known false positives:
    A description true of both parties that the source gives only one of them ("X, a
    member of the alliance," where the source says so of Y and lists X elsewhere); two
    names of one party ("Tarn Holdings" and its trading name "Tarn Homes"), also when the
    source links them in words ("Tarn Holdings, which trades as Tarn Homes"). Known misses: a description set before the name ("the track's owner, X") and
    one reworded ("X, which maintains the line" for "Y, which owns and maintains the
    track"); a description of a person's post is DE405's when it is a title.
Examples:
    Source: Harlan Freight, which runs the trains, blamed the rail. Eastmoor Track, which owns the line, denied that.
    Flag: Harlan Freight, which owns the line, denied that the rail was at fault.
    Okay: Eastmoor Track, which owns the line, denied that the rail was at fault.
"""

from __future__ import annotations

import re

from checker.align import GENERIC, key
from checker.names import norm_name, same_referent
from checker.rules.base import Rule, evidence_of, make, snippet
from checker.word_patterns import LETTER_WORD as _WORD

CODE, NAME, KIND, SEVERITY = "DE409", "description-moved", "entity-changed", "error"
CONFIDENCE = 0.55
MIN_KEYS = 2  # content words a description needs to be told apart from "the company"

_NAME = r"((?:[A-Z][\w'’&.-]*\s+){0,4}[A-Z][\w'’&-]*)"
# "X, which/who ...," and "X, the/a ...,": the description runs to the next comma or stop
_DESCRIBED = re.compile(_NAME + r",\s+((?:which|who)\s+[^,.;:\"“”]+|(?:the|a|an)\s+[^,.;:\"“”]+)"
                        r"(?=[,.;:])")
_OPENING = re.compile(r"[A-Z][\w'’&-]*,\s+(?:which|who|the|an?)\s")
def _openers(ctx) -> frozenset:
    """Words that open a sentence or a clause and describe nothing: function words,
    coordinators and temporal connectives ("The", "But", "After")."""
    lex = ctx.lexicon
    return ctx.memo("description-openers", lambda c: frozenset().union(
        *(lex.words.get(role, {}) for role in ("function_words", "coordinators", "temporal"))))


def _keys(text: str, skip: frozenset) -> frozenset:
    return frozenset(key(w) for w in _WORD.findall(text.lower())
                     if w not in GENERIC and w not in skip)


def _name(run: str, skip: frozenset) -> str:
    """The name of a capitalised run, without a sentence's capitalised opener ("The")."""
    words = re.split(r"(?<=[a-z]{2}[.!?])\s+", run)[-1].split()  # not the sentence before
    while words and words[0].lower() in skip:
        words.pop(0)
    return " ".join(words)


def described(text: str, claims, skip: frozenset) -> list[tuple[str, frozenset, int, int]]:
    """(name, description keys, start, end of the description) for each name a text sets
    beside a description; an apposition ("X, the ...") with a verb in it is a clause
    ("Harbour Post, the companies expect to ..."), not a description."""
    out = []
    if not _OPENING.search(text):
        return out
    verbs = [(w.start, w.end) for c in claims for w in c.words if w.pos in ("VERB", "AUX")]
    for m in _DESCRIBED.finditer(text):
        name = _name(m.group(1), skip)
        keys = _keys(m.group(2), skip)
        if not name or len(keys) < MIN_KEYS:
            continue
        if not m.group(2).startswith(("which", "who")) and any(
                m.start(2) <= s < m.end(2) for s, _ in verbs):
            continue
        out.append((name, keys, m.start(2), m.end(2)))
    return out


def _source_pairs(ctx) -> list:
    return ctx.memo("described-in-sources", lambda c: [
        (art, name, keys, s, e) for art in c.sources
        for name, keys, s, e in described(art.text, [x for x in c.index.claims
                                                     if x.doc_id == art.doc_id], _openers(c))])


def _same(a: str, b: str, wn) -> bool:
    na, nb = norm_name(a), norm_name(b)
    return na == nb or na in nb or nb in na or same_referent(na, nb, wn)


def _said_of(ctx, name: str, keys: frozenset) -> bool:
    """A source sentence names ``name`` and holds the description's words (its claim made
    in another shape: "X owns and maintains the track")."""
    low = name.lower()
    for art in ctx.sources:
        for sent in re.split(r"(?<=[.!?])\s+", art.text):
            if low in sent.lower() and keys <= _keys(sent, _openers(ctx)):
                return True
    return False


def _claim_at(claims, pos: int):
    return next((c for c in claims if c.start <= pos < c.end), None) or next(
        (c for c in claims if c.sent_start <= pos < c.end), None)


def check(ctx):
    """Yield a finding for each description the derived text moves to another party."""
    low_sources = ctx.index.text_lower
    mine = [(name, keys, start, end) for name, keys, start, end
            in described(ctx.derived.text, ctx.derived_claims, _openers(ctx))
            if name.lower() in low_sources]  # a name the sources lack is DE401's
    pairs = _source_pairs(ctx) if mine else ()
    if not pairs:
        return
    wn = ctx.wordnet
    for name, keys, start, end in mine:
        owners = [(art, other, s, e) for art, other, k, s, e in pairs
                  if k == keys or (len(keys) >= 3 and len(keys & k) >= 0.8 * max(len(keys),
                                                                                   len(k)))
                  or (len(keys & k) >= 3 and k <= keys)]  # "who chairs the licensing panel
        # on Harrowby Council" for the source's "... on the council": the source's words all
        # kept, with a name added
        if not owners or any(_same(name, other, wn) for _, other, _, _ in owners):
            continue
        if _said_of(ctx, name, keys):
            continue
        dc = _claim_at(ctx.derived_claims, start)
        if dc is None:
            continue
        art, other, s, e = owners[0]
        sc = next((c for c in ctx.index.claims if c.doc_id == art.doc_id
                   and c.sent_start <= s < c.end), None)
        evidence = [evidence_of(sc)] if sc is not None else []
        phrase = ctx.derived.text[start:end]
        yield make(RULE, dc, start=start, end=end, text=phrase, confidence=CONFIDENCE,
                   evidence=evidence,
                   message=(f'Says of {name} what the source says of {other}: '
                            f'"{snippet(other + ", " + art.text[s:e], 80)}".'),
                   suggestion=f'Give the description to {other}, or drop it.')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "a party's description given to another party", check,
            __doc__)
