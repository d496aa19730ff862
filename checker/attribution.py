"""Who vouches for a claim: source names and where a derived text gives them.

Shared by the attribution rules (DA101, DA102, DA103). They see plain records, so a source is
told apart by its words: the runs of capitalised words in its phrase ("Northvale Emergency
Management Agency"), the distinctive words of those runs (not the lexicon's
``attribution_generic`` words: "the", "two", "Agency", "Minister") and the lemma of its head
word ("two officials" -> "official"). A derived text *names* a source when it writes one of
its runs, a distinctive word, or its head noun.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Sequence

from checker.align import claim_keys, key
from checker.names import norm_name
from checker.records import Attribution, Claim

_RUN_RE = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\w'’.&-]*)*")
_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")
_POSSESSOR_RE = re.compile(r"\s*['’]s?\b")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
_DEICTIC = frozenset({"this", "that", "these", "those", "them", "him"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})
_POSSESSIVES = frozenset({"its", "his", "her", "their", "our", "my"})
# Prepositions that credit a record or a count to a source ("figures from X", "per X").
_CREDITING = frozenset({"from", "per", "by"})


class SourceName(NamedTuple):
    """What identifies a source in text."""

    runs: frozenset  # lower-case runs of capitalised words, leading determiners dropped
    words: frozenset  # distinctive (non-generic) words of those runs, lower case
    head: str  # key of the head noun's lemma ("offici" for "officials"); "" if unknown


def _strip(word: str) -> str:
    return re.sub(r"['’]s?$", "", word.lower()).strip(".,")


def source_name(attr: Attribution, generic: frozenset) -> SourceName:
    """The runs, distinctive words and head of an attribution's source (and of the words the
    text used for it, when a pronoun or "the company" was resolved)."""
    runs, words = set(), set()
    for phrase in (attr.source, attr.surface):
        for m in _RUN_RE.finditer(phrase or ""):
            toks = [_strip(w) for w in m.group().split()]
            while toks and toks[0] in _DETERMINERS:
                toks.pop(0)
            if len(toks) > 1 or (toks and toks[0] not in generic):
                runs.add(" ".join(toks))
                words.update(t for t in toks if t not in generic and len(t) > 1)
    head = attr.head if attr.head and attr.head not in _PRONOUNS else ""
    return SourceName(frozenset(runs), frozenset(words), key(head) if head else "")


def same_name(a: SourceName, b: SourceName) -> bool:
    """True when two source names share a run, a distinctive word, or (both unnamed) a head."""
    if a.runs & b.runs or a.words & b.words:
        return True
    return bool(a.head) and a.head == b.head and not (a.words and b.words)


def is_anonymous(attr: Attribution, generic: frozenset) -> bool:
    """An unnamed, indefinite source ("two officials", "a person familiar with the talks")."""
    name = source_name(attr, generic)
    first = (attr.surface or attr.source).split()[:1]
    definite = bool(first) and first[0].lower() in ({"the", "both"} | _POSSESSIVES)
    return not name.words and not definite


def mentions(text: str, name: SourceName, *, offset: int = 0) -> list[tuple[int, int, bool]]:
    """(start, end, possessor) of each place ``text`` names the source; ``possessor`` when the
    name is followed by "'s" ("Pellham's inhaler")."""
    out = []
    low = text.lower().replace("’", "'")
    for run in name.runs:
        for m in re.finditer(r"\b" + re.escape(run) + r"\b", low):
            out.append((m.start(), m.end()))
    for m in _WORD_RE.finditer(text):
        w = _strip(m.group())
        if w in name.words or (name.head and key(w) == name.head
                               and (m.group()[:1].islower() or not name.words)):
            out.append((m.start(), m.end()))
    result = []
    for s, e in sorted(set(out)):
        poss = bool(_POSSESSOR_RE.match(text[e:e + 3])) or text[s:e].lower().endswith(("'s", "’s"))
        result.append((s + offset, e + offset, poss))
    return result


def sentence_of(claim: Claim, text: str) -> str:
    """The sentence a claim came from, from the article's clean text."""
    return text[claim.sent_start:claim.sent_end]


def _credits(text: str, start: int) -> bool:
    """The words before ``start`` end with "from", "per" or "by" (and a determiner)."""
    before = [w.lower() for w in _WORD_RE.findall(text[max(0, start - 40):start])]
    while before and before[-1] in _DETERMINERS:
        before.pop()
    return bool(before) and before[-1] in _CREDITING


def named_in_sentence(claim: Claim, text: str, name: SourceName) -> bool:
    """True when the claim's sentence names the source as its frame ("..., the agency said",
    "Per the agency, ...", "That is the count from the agency") or inside the claim as
    anything but a possessor ("The agency counted ...", "A, Ms Roe said, and B" when the
    parse kept the frame in the claim; not "Pellham's inhaler works")."""
    for s, e, poss in mentions(sentence_of(claim, text), name, offset=claim.sent_start):
        if e <= claim.start or s >= claim.end or _credits(text, s) or not poss:
            return True
    return False


def credited_nearby(claim: Claim, text: str, name: SourceName, claims: Sequence[Claim],
                    generic: frozenset) -> bool:
    """True when the sentence after the claim's, in the same paragraph, credits the same
    source ("A. B, the agency said.", "A. That is the count from the agency."), or the one
    before does and the claim's sentence refers back to it ("The agency said A. Its figures
    show B."): a claim there attributed to it, or the source after "from", "per" or "by".
    A plain sentence after an attributed one is the writer's again ("X said A. B."); an
    unnamed source ("an official said") is never carried to another sentence."""
    if not (name.runs or name.words):
        return False  # "an official said" in the next sentence may be another official
    starts = sorted({(c.sent_start, c.sent_end) for c in claims})
    i = next((k for k, se in enumerate(starts) if se[0] == claim.sent_start), None)
    if i is None:
        return False
    first = _WORD_RE.findall(text[claim.sent_start:claim.sent_start + 20])[:1]
    refers_back = bool(first) and first[0].lower() in _PRONOUNS | _POSSESSIVES | _DEICTIC
    for j in (i - 1, i + 1):
        if not 0 <= j < len(starts) or (j < i and not refers_back):
            continue
        s, e = starts[j]
        lo, hi = min(s, claim.sent_start), max(e, claim.sent_end)
        between = text[min(e, claim.sent_end):max(s, claim.sent_start)]
        if "\n" in between or hi - lo <= 0:
            continue
        for c in claims:
            if c.sent_start == s and c.attribution is not None and not c.attribution.negated \
                    and same_name(source_name(c.attribution, generic), name):
                return True
        if any(_credits(text, ms) for ms, _me, _p in mentions(text[s:e], name, offset=s)):
            return True
    return False


def self_report(claim: Claim, generic: frozenset) -> bool:
    """True when a source claim is its speaker's own account of what it did or plans ("The
    authority said it had asked for the records", "according to a notice on its website"):
    the subject is the speaker (a pronoun or its name). Anonymous speakers and claims of
    being ("he was at home") never count."""
    attr = claim.attribution
    if attr is None or not attr.source or attr.kind not in ("named", "according-to"):
        return False
    subj = claim.subject.lower().strip()
    if claim.predicate == "be" or not subj:
        return False
    if set(_WORD_RE.findall(attr.source.lower())) & _POSSESSIVES:
        return True  # "according to a notice on its website"
    if is_anonymous(attr, generic):
        return False
    if subj in _PRONOUNS:
        return True
    name = source_name(attr, generic)
    return any(not poss for _s, _e, poss in mentions(claim.subject, name))


def same_content(dc: Claim, sc: Claim) -> bool:
    """The source claim says what the derived claim says: it holds two of its words besides
    shared names, and half of its words with the same predicate or a name, or most of them."""
    dk = claim_keys(dc)
    shared = dk & claim_keys(sc)
    names = {key(w) for e in dc.entities + sc.entities for w in e.text.split()}
    if len(shared - names) < 2:
        return False  # a shared name and little else: another claim about the same party
    same_pred = key(dc.predicate) == key(sc.predicate)
    same_ent = bool({e.norm for e in dc.entities} & {e.norm for e in sc.entities})
    if (same_pred or same_ent) and len(shared) >= 0.5 * len(dk):
        return True
    return len(shared) >= 3 and len(shared) >= 0.6 * len(dk)


VAGUE = {"it", "they", "he", "she", "we", "i", "you", "this", "that", "the source article",
          "the company", "the report", "officials", "sources", "the firm"}


def same_source(a: str, b: str) -> bool:
    """True when two source names plausibly denote the same outlet or person."""
    x, y = norm_name(a), norm_name(b)
    if not x or not y or x in VAGUE or y in VAGUE:
        return True
    if anaphoric(a) or anaphoric(b):
        return True  # "the union" may well be the association the other text names
    if x == y or x in y or y in x:
        return True
    xs, ys = set(x.split()), set(y.split())
    return bool(xs & ys - {"the", "of", "and", "news", "times"})


def has_name(text: str) -> bool:
    """True when a source phrase holds a proper name (a capitalised word past the first)."""
    words = text.replace("’", "'").split()
    return any(w[:1].isupper() for w in words[1:]) or (
        bool(words) and words[0][:1].isupper() and words[0].lower() not in ("the", "a", "an"))


def anaphoric(text: str) -> bool:
    """A short definite description with no name ("the union"), which refers back."""
    words = text.split()
    return (not has_name(text) and 1 < len(words) <= 3 and words[0].lower() == "the")


def near_speaker(ctx, sc, name: str) -> bool:
    """True when ``name`` stands beside the source's speaker somewhere in the source ("Ana
    Vidović, a Kestrel spokesperson"): the derived text names the speaker's organisation."""
    art = ctx.doc_of.get(sc.doc_id)
    speaker = sc.attribution.source if sc.attribution else ""
    last = speaker.replace("’", "'").split()[-1].strip(",.") if speaker.split() else ""
    if art is None or len(last) < 3 or not last[:1].isupper():
        return False
    low, target = art.text.lower(), norm_name(name)
    for m in re.finditer(re.escape(last.lower()), low):
        if target in low[max(0, m.start() - 240):m.end() + 80]:
            return True
    return False
