"""A name the sources know, put in a frame of words that they give another name (DE401,
``checker.rules.entity_changed``): "one point behind Dunley Town" where the outlets say "one
point behind Ashby Rovers", and Dunley Town is a side the story names elsewhere."""

from __future__ import annotations

import re

from checker.claim_reading import evidence_of, snippet
from checker.lexicon import shipped
from checker.names import CHECKED, known, norm_name, part_of_name, same_referent

# Words of the frame right before the name: fewer would be a phrase many facts share.
FRAME_WORDS = 3
_FUNCTION = shipped("function_words") | shipped("prepositions") | shipped("determiners")
_ENDS = shipped("speech_verbs") | shipped("coordinators")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NAME_AFTER = r"\s+((?-i:[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*))"
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def swapped_in_frame(ctx, dc):
    """Finding fields for the first name of the claim that follows the same words (three,
    one of them a content word, none of punctuation between) as another name does in a
    source sentence, where no source writes this name after those words, that sentence
    names it nowhere (so a list, "against A, B and C", swaps nothing), the derived sentence
    does not give the other name too, and the other name is
    of the same kind (``_same_kind``: a town for a town, not for its hospital). Known false
    positive: a frame two facts share ("a point behind" a side in one table and another in
    a later one) when the sources give only one of them."""
    for ent in dc.entities:
        if ent.label not in CHECKED or not known(ent.norm, ctx.index):
            continue
        before = dc.text[max(0, ent.start - dc.start - 60):ent.start - dc.start]
        tail = " ".join(before.split()[-FRAME_WORDS:])
        if re.search(r"[,;:.()\"“”]", tail):
            continue
        words = _WORD.findall(tail)
        if len(words) < FRAME_WORDS or words[-1].lower() in _ENDS \
                or all(w.lower() in _FUNCTION for w in words):
            continue
        found = _other_in_frame(ctx, words, ent.text)
        if found is None:
            continue
        art, s, e, theirs = found
        if re.search(rf"\b{re.escape(theirs)}\b", dc.sentence):
            continue  # the derived sentence gives that name too, in a frame of its own
        sc = _claim_at(ctx, art.doc_id, s)
        other = norm_name(theirs)
        if sc is None or part_of_name(ent.norm, other) or same_referent(ent.norm, other,
                                                                          ctx.wordnet):
            continue  # "the NHS" for "the National Health Service"
        if not any(_same_kind(x, ent) and x.start < e and s < x.end for x in sc.entities):
            continue  # a name of another kind there ("outside Kestrelford", a town, for
            # "outside St Osric's", its hospital): a place within a place, a party and its
            # officer, not a swap
        return dict(start=ent.start, end=ent.end, confidence=0.6,
                    evidence=[evidence_of(sc, start=s, end=e)],
                    message=(f'Names "{ent.text}" after "{" ".join(words)}", where the source '
                             f'names "{theirs}": "{snippet(sc.sentence, 80)}".'),
                    suggestion=f'Check the name: the source has "{theirs}" here.')
    return None


_PARTIES = frozenset({"PERSON", "ORG"})


def _same_kind(a, b) -> bool:
    """Two names of one kind: the same label, or two names of two words or more that the
    tagger calls a person or an organisation (it reads a club's or a firm's name either
    way; a surname alone is a person)."""
    return a.label == b.label or {a.label, b.label} <= _PARTIES \
        and len(a.text.split()) > 1 and len(b.text.split()) > 1


def _other_in_frame(ctx, words: list, mine: str):
    """(article, start, end, name) of another name after the frame ``words`` in a source
    sentence that does not name ``mine``; None when a source writes ``mine`` after them."""
    frame = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + _NAME_AFTER, re.I)
    mine_words = {w.lower() for w in _WORD.findall(mine)}
    last = _WORD.findall(mine)[-1:]
    hit = None
    for art in ctx.sources:
        for m in frame.finditer(art.text):
            name = m.group(1)
            if {w.lower() for w in _WORD.findall(name)} & mine_words:
                return None  # a source gives this name there too
            start = max((x.end() for x in _SENTENCE_END.finditer(art.text, 0, m.start())),
                        default=0)
            end_m = _SENTENCE_END.search(art.text, m.end())
            sentence = art.text[start:end_m.start() if end_m else len(art.text)]
            if last and re.search(rf"\b{re.escape(last[0])}\b", sentence):
                continue  # the sentence names both: a list or a pair, not a slot
            if hit is None:
                hit = (art, m.start(1), m.end(1), name)
    return hit


def _claim_at(ctx, doc_id: str, pos: int):
    """The source claim of ``doc_id`` whose sentence holds ``pos``."""
    return next((c for c in ctx.index.claims if c.doc_id == doc_id
                 and c.sent_start <= pos < c.sent_start + len(c.sentence)), None)
