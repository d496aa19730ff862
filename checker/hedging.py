"""What a hedge, modal or attempt governs in a claim, for the certainty rules (no spaCy here).

The certainty rules (DC201 hedge-dropped, DC203 attempt-to-fact, DC210 certainty-lowered)
compare the cues of a derived claim with those of its supporting source claim *on the same
verb*: "may settle" against "will settle", "is working to add" against "might look at ways to
add". A cue governs the verbs that follow it in its claim; the comparison is between the
strongest cue each side puts on a verb both share.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from checker.align import claim_keys, key
from checker.lexicon import Lexicon, shipped
from checker.records import Claim, Cue

VERB_TAGS = ("VERB", "AUX", "ADJ")


def is_attribution_cue(cue: Cue, lexicon: Lexicon) -> bool:
    """An adverb that attributes the claim to unnamed others ("reportedly"): DA101's matter."""
    return lexicon.has("attribution_adverbs", cue.text.lower())


_PHASE_DEED = re.compile(r"\s+(?:to\s+)?([a-z]+)\b")  # "start hiring", "begin to build"
PHASE_VERBS = shipped("phase_verbs")
NECESSITY_VERBS = shipped("necessity_verbs")
ABILITY_WORDS = shipped("ability_words")
# A relative aside open before an offset of the claim: ", which is expected to", ", who may".
IN_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\b[^,;]*$", re.I)
_TO_VERB = re.compile(r"\s+(?:whether\s+)?to\s+(?:have\s+(?!(?:its|their|his|her|our|the|an?|"
                      r"this|these|those|some|all)\b))?(?:be(?:en)?\s+)?([a-z]+)\b")
# "to have been cut"; "is mulling whether to relocate" weighs the relocating; "to have its data
# checked" is a "have" of its own, a thing to be done


def hedged_verb(claim: Claim, cue: Cue) -> str:
    """The key of the first verb after a cue in a claim (what the cue governs first): the
    verb of its "to" when one follows ("appeared to *show*", though "show" is too common a
    word to be among the claim's content words), else the first verb after it."""
    to_verb = _to_verb(claim, cue)
    if to_verb:
        return to_verb
    return _first_verb_after(claim, cue)


def _to_verb(claim: Claim, cue: Cue) -> str:
    """The key of the verb of a "to" right after the cue ("plans to *move*"), or ''; of its
    lemma where a participle follows "have" or "been" ("appears to have *started*": "start",
    as the derived claim's "started" is keyed)."""
    m = _TO_VERB.match(claim.text[cue.end - claim.start:].lower())
    if not m:
        return ""
    at = cue.end + m.start(1)
    word = next((w for w in claim.words if w.start == at), None)
    lemma = word.lemma if word is not None else m.group(1)
    if lemma in PHASE_VERBS:  # "intends to start hiring": the plan is the hiring
        end = cue.end + m.end(1)  # where the verb of phase ends
        deed = _PHASE_DEED.match(claim.text[end - claim.start:].lower())
        after = deed and next((w for w in claim.words
                               if w.start == end + deed.start(1) and w.pos == "VERB"), None)
        if after:
            return key(after.lemma)
    return key(lemma)


def _first_verb_after(claim: Claim, cue: Cue) -> str:
    """The key of the first verb after a cue in its claim: the claim's own predicate where
    it stands first, although a verb as common as "make" or "have" is not among the claim's
    content words ("may have *made* official counts look lower"), else the first verb of its
    words; '' when none. For what a cue governs first only: ``governed_verbs`` leaves such
    a predicate out, so that a reported "would" ("said the repairs would take nine months",
    the "will" of direct speech) is no hedge on "take"."""
    first = next((w for w in claim.words if w.start >= cue.end and w.pos in VERB_TAGS), None)
    own = _predicate_at(claim, cue.end)
    needed = _needed_deed(claim, cue.end)
    if needed:
        return needed  # "may need to spend": the spending is in doubt
    if own is not None and (first is None or own < first.start):
        return key(claim.predicate)
    return key(first.lemma) if first is not None else ""


_NEEDED = re.compile(r"\s+(need|needs|have|has|had)\s+to\s+(?:be\s+)?([a-z]+)\b")
_ABLE = re.compile(r"\s+be\s+([a-z]+)\s+to\s+(?:be\s+)?([a-z]+)\b")


def _needed_deed(claim: Claim, at: int) -> str:
    """The key of the deed a verb of necessity right after offset ``at`` takes ("may *need
    to* spend", "could *have to* close": necessity_verbs.txt), or a word of ability after
    "be" ("may *be able to* claim": ability_words.txt), or ''."""
    rest = claim.text[at - claim.start:].lower()
    m = _NEEDED.match(rest)
    if m is None:
        m = _ABLE.match(rest)
        if m is None or m.group(1) not in ABILITY_WORDS:
            return ""
    else:
        verb = next((w for w in claim.words if w.start == at + m.start(1)), None)
        if (verb.lemma if verb is not None else m.group(1)) not in NECESSITY_VERBS:
            return ""
    deed = next((w for w in claim.words if w.start == at + m.start(2)), None)
    return key(deed.lemma if deed is not None else m.group(2))


def _predicate_at(claim: Claim, start: int) -> Optional[int]:
    """Where the claim's predicate is written at or after ``start``, or None."""
    word = claim.predicate_text.split()[-1] if claim.predicate_text.split() else ""
    if not word or not claim.predicate:
        return None
    offset = max(0, start - claim.start)
    m = re.search(rf"\b{re.escape(word)}\b", claim.text[offset:])
    return claim.start + offset + m.start() if m else None


def governed_verbs(claim: Claim, cue: Cue) -> list[str]:
    """Keys of every verb after a cue in its claim ("might look at ways to add": look, add),
    the verb of its "to" first, common as it may be ("plans to move"), up to a colon or a
    semicolon, which opens a clause of its own ("may need a new carer: the regulator revoked
    its licence"), or a relative clause set off by a comma ("plans to refloat the barge,
    which ran aground")."""
    end = clause_end(claim, cue.end)
    after = [key(w.lemma) for w in claim.words
             if cue.end <= w.start < end and w.pos in VERB_TAGS]
    to_verb = _to_verb(claim, cue)
    return [to_verb, *after] if to_verb else after


_CLAUSE_STOP = re.compile(r"[:;]|,\s+(?:which|who|whose)\b|\b(?:after|before|because|since|"
                          r"when|while|once|until|although|though)\s+"
                          r"(?!(?:have|has|had|been|be|then)\b)", re.I)
# (not an adverb before a verb: "may since have been moved", "had once been")


def clause_end(claim: Claim, at: int) -> int:
    """Where the clause that runs through offset ``at`` ends in the claim: at the next colon
    or semicolon, which opens a clause of its own, the next comma that opens a relative
    clause ("..., which ran aground"), or the next word that opens a clause of time or
    reason ("may have to repay fees after a tribunal ruled ...": the ruling is not
    hedged), else at the claim's end."""
    stop = _CLAUSE_STOP.search(claim.text, max(0, at - claim.start))
    return claim.start + stop.start() if stop else claim.end


def cues(claim: Claim, lexicon: Lexicon, *, attempts: bool = True) -> list[Cue]:
    """The claim's hedges (and attempts) that lower certainty, attribution adverbs aside."""
    out = [h for h in claim.certainty.hedges if not is_attribution_cue(h, lexicon)]
    if attempts:
        out += list(claim.certainty.attempts)
    return out


def strongest_on(claim: Claim, verbs: Iterable[str], lexicon: Lexicon, *,
                 attempts: bool = True) -> float:
    """The heaviest cue weight the claim puts on any of ``verbs`` (0 when none); of its
    hedges only, with ``attempts`` False."""
    wanted = set(verbs)
    return max((c.weight for c in cues(claim, lexicon, attempts=attempts)
                if wanted & set(governed_verbs(claim, c))), default=0.0)


def shared_verb(derived: Claim, cue: Cue, source: Claim) -> Optional[str]:
    """The first verb the cue governs in ``derived`` that the source claim also has; or
    the participle of a modal's perfect as written, when the claim's content words leave it
    out (a common verb: "may have gone to", "might have been out of service" where the
    source says "had gone to", "had been out of service"), or the deed of a verb of
    necessity or a word of ability ("may be able to get" where the source says "will
    get")."""
    keys = claim_keys(source)
    found = next((v for v in governed_verbs(derived, cue) if v in keys), None)
    if found is None:
        m = _BARE_VERB.match(derived.text[cue.end - derived.start:].lower())
        if m and (re.search(rf"\b{re.escape(m.group(1))}\b", source.text.lower())
                  or _lemma_of(derived, cue.end, m) in {w.lemma.lower() for w in source.words
                                                          if w.pos in VERB_TAGS}):
            return key(m.group(1))  # "may have come" for "came", by the parse's lemmas
        deed = _needed_deed(derived, cue.end)  # "may be able to get" for "will get"
        if deed and re.search(rf"\b{re.escape(deed)}", source.text.lower()):
            return deed
        return _light_verb_shared(derived, cue, source)
    return found


# "have" or "be" right after a modal, with the word it takes: "may have no staff",
# "could be open"; the content word is the next one, past a determiner.
# Adverbs that may stand between a modal and its verb: "may still have", "could soon be".
_ADVERB = r"(?:still|soon|well|also|now|then|even|[a-z]+ly)"
_LIGHT = re.compile(rf"\s+(?:{_ADVERB}\s+)?(have|be)\s+((?:no|an?|the|any)\s+)?([a-z]{{3,}})\b")
_LIGHT_FORMS = {"have": "have|has|had|having", "be": "be|is|are|was|were|been|being"}


def _light_verb_shared(derived: Claim, cue: Cue, source: Claim) -> Optional[str]:
    """"have" or "be" as the cue's verb, when the source claim puts the same verb, firm or
    in the future, before the same words ("may have no lifeguards" for "will have no
    lifeguards"; "could be open" for "is open"): these common verbs are no content words,
    so the verb is read with what it takes. Known false positive: the same phrase of the
    source's in another clause, which the caller's closeness test bounds."""
    m = _LIGHT.match(derived.text[cue.end - derived.start:].lower())
    if not m or m.group(1) == "have" and m.group(2) is None and m.group(3) in ("been", "not"):
        return None  # (a modal's perfect, "may have been", is read above)
    verb, det, word = m.group(1), (m.group(2) or "").strip(), m.group(3)
    forms = _LIGHT_FORMS[verb]
    det = re.escape(det) + r"\s+" if det else ""
    said = re.search(rf"\b(?:{forms})\s+{det}{re.escape(word)}\b", source.text.lower())
    if said is None:
        return None
    at = source.start + said.start()
    hedged = any(c.end <= at and _LIGHT_GAP.fullmatch(source.text[c.end - source.start:
                                                                  at - source.start])
                 for c in (*source.certainty.hedges, *source.certainty.attempts))
    return None if hedged else verb  # ("could have no pilot", "could soon have no pilot",
    # "is expected to have no pilot": as tentative)


# What may stand between a source's hedge and the verb it hedges: adverbs and "to".
_LIGHT_GAP = re.compile(rf"\s*(?:(?:to|{_ADVERB})\s+)*", re.I)


def _lemma_of(claim: Claim, at: int, m) -> str:
    """The parse's lemma of the participle ``m`` matched after offset ``at`` in the claim."""
    start = at + m.start(1)
    return next((w.lemma.lower() for w in claim.words if w.start == start), "")


# The participle of a modal's perfect: "may have gone", "might not have been".
_BARE_VERB = re.compile(r"\s+(?:not\s+)?have\s+(?:been\s+(?!the\b|an?\b|its?\b))?([a-z]{3,})\b")


def close_support(support: tuple, margin: float = 0.1) -> list[Claim]:
    """The supporting claims scoring within ``margin`` of the best (``Context.support``'s
    pair): a weaker match elsewhere in the source must not decide what the claim says."""
    al, claims = support
    if not claims:
        return []
    best = al.scores[0] if al.scores else 0.0
    return [c for c, s in zip(claims, al.scores or [best] * len(claims)) if s >= best - margin]


def cue_near_words(cue: str, sentence: str, words: set, reach: int = 8,
                   verb: str = "") -> bool:
    """The cue's word occurs in the sentence (``cue_word_in``) with two of ``words`` (keys)
    among the ``reach`` words after it, or the hedged ``verb`` (a key) among its next three:
    it may govern them, where the parser missed it ("..., and said the board could withhold
    the fees" governs "withhold" and "fees", not the clause before it; "could prosecute
    him" governs "prosecute")."""
    if not cue_word_in(cue, sentence):
        return False
    first = cue.lower().split()[0]
    for m in re.finditer(rf"\b{re.escape(first)}\b", sentence, re.IGNORECASE):
        after = [key(w.lower()) for w in re.findall(r"[A-Za-z']+", sentence[m.end():])]
        if len(set(after[:reach]) & words) >= 2 or verb and verb in after[:3]:
            return True
    return False


def cue_word_in(cue: str, sentence: str) -> bool:
    """The cue's first word occurs in the sentence as a word: the parser read it there as
    governing another verb, or missed it (a guard against blaming the text for the parse).
    A phrase is looked for by its first word longer than three letters ("talks" of "in
    talks to"), not a preposition every sentence has. A capitalised occurrence inside the
    sentence is a name, not the cue ("by the end of May" holds no "may")."""
    words = cue.lower().split()
    word = next((w for w in words if len(w) > 3), words[0] if words else "")
    if not word:
        return False
    for m in re.finditer(rf"\b{re.escape(word)}\b", sentence, re.IGNORECASE):
        if not (m.group()[0].isupper() and word[0].islower()
                and re.search(r"\w", sentence[:m.start()])):
            return True
    return False


def _predicate_word(claim: Claim):
    """The claim's own verb among its words (the first of its lemma), or None."""
    return next((w for w in claim.words if w.lemma == claim.predicate
                 and w.pos in ("VERB", "AUX")), None)


def future_told(claim: Claim, lexicon: Lexicon) -> str:
    """The modal that tells the claim's own verb as still to come ("will ask", "they'll ask":
    future_modals.txt; "would" in a report, "said it would ask"), or ''."""
    verb = _predicate_word(claim)
    if verb is None:
        return ""
    before = claim.text[:verb.start - claim.start].lower().replace("’", "'")
    m = re.search(r"(\b[a-z]+|'ll)\s+(?:[a-z]+ly\s+|also\s+|not\s+)?$", before)
    if m is None:
        return ""
    word = m.group(1)
    if word == "would":  # reported ("said it would ask"), not habitual ("each spring the
        return word if claim.attribution is not None else ""  # warden would close it")
    return word if lexicon.has("future_modals", word) else ""


# A verb in the perfect ("has asked", "have been granted") or a past form with no modal or
# "to" before it.
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:[a-z]+ly\s+|also\s+|now\s+)?(?:been\s+)?$")
_NOT_DONE_BEFORE = re.compile(r"\b(?:to|will|would|shall|may|might|could|can|should|must|"
                              r"'ll)\s+(?:[a-z]+\s+){0,2}$")  # "will be fully funded"


def told_done(claim: Claim) -> bool:
    """The claim tells its own verb as done: in the perfect ("has asked") or in a past form
    with no modal or "to" before it ("asked the court"), not in the present ("asks"), the
    progressive ("is asking") or after a modal."""
    verb = _predicate_word(claim)
    if verb is None:
        return False
    before = claim.text[:verb.start - claim.start].lower().replace("’", "'")
    if _PERFECT_BEFORE.search(before):
        return True
    low = verb.text.lower()
    return low != verb.lemma and not low.endswith(("ing", "s")) \
        and not _NOT_DONE_BEFORE.search(before) \
        and not re.search(r"\b(?:is|are|am|be)\s+$", before)
