"""What a source hedge governs and where a derived claim tells it (DC201,
``rules/hedge_dropped.py``): the noun right after a hedge ("the *alleged* theft":
``noun_after_cue``) and whether the derived claim keeps its doubt (``noun_hedge_kept``,
``doubt_kept``); the hedged verb with the same words after it (``words_after``), in a
relative clause the hedge opens (``relative_hedge``, ``same_object``, ``same_antecedent``);
the hedged deed told done by its noun (``deed_noun_done``, ``noun_of_hedged_deed``) or
told by its verb where the source hedges a "be" of its noun (``deed_of_hedged_noun``); a
cue of the derived sentence that another of its clauses holds (``cue_held_elsewhere``); a
noun phrase a hedge stands on told without it (``hedged_phrase_stated``); a
WordNet synonym of the hedged verb (``synonym_in``); and a claim framed as a belief
(``believed``)."""

from __future__ import annotations

import re

from checker.align import key, text_keys
from checker.hedging import close_support, cue_word_in, cues, hedged_verb, told_done
from checker.lexicon import shipped
from checker.polarity import negated_keys
from checker.records import memo_on
from checker.sought import subject_keys
from checker.questions import CONDITION, in_question


def noun_hedge_kept(ctx, sc, h, dc) -> bool:
    """A hedge set before a noun ("three suspected cases", "the alleged theft") is kept by
    any hedge the derived claim sets before the same noun ("three possible cases")."""
    after = noun_after_cue(sc, h)
    return bool(after) and any(noun_after_cue(dc, c) == after
                               for c in cues(dc, ctx.lexicon, attempts=False))


def doubt_kept(ctx, dc, h, noun: str) -> bool:
    """The derived sentence keeps the doubt of a hedge on a noun: the hedge's word in any
    form ("which suspects them of coordinating" for "over suspected coordination"), a
    question on the noun ("an inquiry into whether the two coordinated prices"), or a
    challenge or an inquiry before it in the claim ("an investigation into match fixing",
    "accused of fraud": challenges.txt, document_nouns.txt) or right after it ("a
    match-fixing investigation"), which tells the matter as not established. Known false
    positive: a verb of inquiry ("is investigating match fixing")."""
    if key(h.text) in text_keys(dc.sentence):
        return True
    at = next((w.start for w in dc.words if key(w.lemma) == noun), None)
    if at is None:
        return False
    words = sorted(dc.words)
    after = [w for w in words if w.start > at][:2]  # "a match-fixing investigation"
    return in_question(dc, at) or any(
        (w.start < at or w in after) and (ctx.lexicon.has("challenges", w.lemma)
                                          or ctx.lexicon.has("document_nouns", w.lemma))
        for w in words)


def hedged_phrase_stated(ctx, dc):
    """A weaker supporting claim (of the best three, none of those within the close margin,
    whose hedges the rule reads itself) whose hedge stands on a noun phrase ("a *possible*
    boundary appeal") that the derived claim names without it ("has lodged a boundary
    appeal"), where the sources never name that phrase unhedged: the thing in doubt told
    as real, though the derived sentence aligns better with another passage. The phrase
    runs from the word after the hedge to the first noun, two words. Only where the derived
    verb starts or brings the thing (launch_verbs.txt: "lodge", "take", "bring"; not "ruled
    out", "will decide on"), with no hedge or attempt of its own, no condition in its
    sentence (open_conditions.txt) and not after a word of purpose or suspicion ("towards a
    boundary appeal", "on suspicion of": doubt_before_phrases.txt). Returns (source claim,
    cue) or None. Known false positive: a thing the source also tells as begun in words
    that share none of the phrase's ("the appeal it lodged on Friday" told as "the
    challenge")."""
    lex = ctx.lexicon
    if dc.unit_kind == "heading" or cues(dc, lex) or dc.negated \
            or not lex.has("launch_verbs", dc.predicate) or CONDITION.search(dc.sentence):
        return None
    text = " " + " ".join(re.findall(r"[a-z]+", dc.text.lower())) + " "
    sources = memo_on(ctx.index, "_hedged_phrase_texts", lambda: [
        " ".join(re.findall(r"[a-z]+", a.text.lower())) for a in ctx.sources])
    close = close_support(ctx.support(dc))
    for sc in ctx.support(dc)[1][:3]:
        if sc in close:
            continue
        for h in cues(sc, lex, attempts=False):
            words = _phrase_after(sc, h)
            phrase = " ".join(w.text.lower() for w in words)
            if h.weight < 0.2 or len(words) < 2 or not _after_verb(dc, phrase) \
                    or re.search(rf"\b(?:{_DOUBT_BEFORE})\s+(?:\w+\s+)?{re.escape(phrase)} ",
                                 text) \
                    or any(key(c.text) in text_keys(dc.sentence) for c in cues(sc, lex)) \
                    or doubt_kept(ctx, dc, h, key(words[-1].lemma)):
                continue
            hedge = key(h.text.split()[-1])
            plain = [m for t in sources for m in re.finditer(rf"(\w+)\s+{re.escape(phrase)}\b", t)
                     if key(m.group(1)) != hedge]
            if not plain:
                return sc, h
    return None


# words before a phrase that keep it a purpose or a suspicion ("towards a possible appeal":
# doubt_before_phrases.txt)
_DOUBT_BEFORE = "|".join(sorted((p.replace(" ", r"\s+") for p in shipped("doubt_before_phrases")),
                                key=len, reverse=True))


def _after_verb(dc, phrase: str) -> bool:
    """The phrase stands after the derived claim's own verb, in its clause (no comma
    between): what the verb starts or brings, not a thing an aside weighs ("X, still weighing
    a boundary appeal, lodged a complaint")."""
    verb = dc.predicate_text
    at = dc.text.lower().find(verb.lower()) if verb else -1
    if at < 0:
        return False
    rest = dc.text[at + len(verb):].split(",")[0].lower()
    return f" {phrase} " in " " + " ".join(re.findall(r"[a-z]+", rest)) + " "


def _phrase_after(claim, cue) -> list:
    """The words from right after a cue to the first noun, two at most ("boundary appeal"
    of "a possible boundary appeal"), or [] when no noun ends them."""
    out = []
    for w in sorted(claim.words):
        if w.start < cue.end:
            continue
        gap = claim.text[(out[-1].end if out else cue.end) - claim.start:w.start - claim.start]
        if gap.strip() or len(out) >= 2:
            return []
        out.append(w)
        if w.pos == "NOUN":
            return out
        if w.pos != "ADJ":
            return []
    return []


def noun_after_cue(claim, cue) -> str:
    """The key of the noun right after a cue ("suspected *cases*"), or ''."""
    nxt = next((w for w in claim.words if w.start > cue.start), None)
    if nxt is None or nxt.pos != "NOUN" or claim.text[cue.end - claim.start:nxt.start
                                                     - claim.start].strip():
        return ""
    return key(nxt.lemma)


# Content words after a verb that make its phrase ("reached the required temperature").
_PHRASE_WORDS = 3
_CONTENT = ("NOUN", "PROPN", "ADJ", "NUM", "VERB")  # "the required level": a participle


def same_object(ctx, sc, dc, h, verb: str) -> bool:
    """A relative clause on both sides holds the hedged verb with two of the same content
    words right after it ("a valve that may not have held the rated load" and "a valve
    that could not hold the rated load": relative_pronouns.txt), where the verb is not
    either claim's main verb; not under a derived verb that judges or negates ("expects
    the channel to bring", "has ruled out asking": judging_verbs.txt, negative_verbs.txt),
    nor where another source claim states the verb with those words unhedged."""
    lex = ctx.lexicon
    if lex.has("judging_verbs", dc.predicate) or lex.has("negative_verbs", dc.predicate):
        return False
    if not relative_hedge(lex, sc, h):
        return False  # "a pump that may ...": the hedge opens a relative clause
    mine = next((w for w in dc.words if key(w.lemma) == verb and w.pos in ("VERB", "AUX")),
                None)
    before = re.findall(r"[a-z]+", dc.text[:mine.start - dc.start].lower())[-3:] \
        if mine is not None else []
    if not any(lex.has("relative_pronouns", w) for w in before):
        return False  # "a valve that could not hold": the derived verb in one too
    if any(o is not sc and not o.certainty.hedges and o.negated == dc.negated
           and words_after(o, dc, verb) for o in ctx.index.claims):
        return False  # "Inspectors later confirmed that the installer skipped the checks"
    return words_after(sc, dc, verb)


# Words before the verb, since the last comma, among which the relative word opening its
# clause is looked for ("when more frequent storm overflows pushed up")
CLAUSE_OPENING = 7


def merged_clause(ctx, sc, dc, verb: str) -> bool:
    """The derived claim holds the source claim's own hedged or attempted verb, not as its own
    verb, in a clause it merged in after a relative word ("before moving to the park, where
    it has bought a pavilion" for "while it hopes to buy a pavilion"; "a wet summer, when
    the overflows raised the counts" for "the overflows could have raised the counts":
    relative_pronouns.txt but "that", which also opens what a noun says, "the idea that";
    relative_adverbs.txt), with two of the same content words after it. Not where the verb
    is an infinitive ("where it has made an offer to buy"), a condition follows it ("...,
    if her theory is right": condition_marks.txt), the clause's subject shares no word with
    the source claim's named one ("where a developer has bought the chapel" for "the choir
    hopes to buy the chapel"), nor where another source claim states the verb with those
    words as they stand."""
    if verb != key(sc.predicate) or verb == key(dc.predicate):
        return False
    mine = next((w for w in dc.words if key(w.lemma) == verb and w.pos in ("VERB", "AUX")),
                None)
    if mine is None:
        return False
    lex = ctx.lexicon
    clause = re.split(r"[,;:(]", dc.text[:mine.start - dc.start])[-1]
    before = re.findall(r"[a-z]+", clause.lower())[-CLAUSE_OPENING:]
    opener = next((i for i, w in enumerate(before) if w != "that" and (
        lex.has("relative_pronouns", w) or lex.has("relative_adverbs", w))), None)
    if opener is None or before[-1:] == ["to"]:
        return False
    after = re.findall(r"[a-z]+", dc.sentence[mine.end - dc.sent_start:].lower())
    if any(lex.has("condition_marks", w) for w in after):
        return False
    theirs = {key(w.lemma) for w in sc.words if w.pos in ("NOUN", "PROPN")
              and sc.subject and w.text in sc.subject.split()}
    subject = {key(w.lemma) for w in dc.words if w.pos in ("NOUN", "PROPN")
               and mine.start - len(clause) <= w.start < mine.start}
    if theirs and subject and not theirs & subject:
        return False
    if any(o is not sc and not o.certainty.hedges and not o.certainty.attempts
           and o.negated == dc.negated and words_after(o, dc, verb) for o in ctx.index.claims):
        return False
    return words_after(sc, dc, verb)


def cue_in_merged_clause(ctx, dc, *, attempts: bool = False):
    """(source claim, cue) when a supporting source claim hedges its own verb ("could have
    pushed up readings") or, with ``attempts``, calls it an attempt ("while it hopes to buy
    a pavilion"), and the derived claim tells that verb plainly in a clause it merged in
    (``merged_clause``), with no hedge, attempt or belief frame of its own, nor the verb
    negated; else None. Any of the claim's supporting passages is asked, not only the
    closest: the derived sentence's other clause is what the aligner matches best."""
    lex = ctx.lexicon
    if cues(dc, lex) or believed(ctx, dc):
        return None
    refused = negated_keys(dc)
    for sc in ctx.support(dc)[1]:
        for h in (sc.certainty.attempts if attempts else cues(sc, lex, attempts=False)):
            verb = hedged_verb(sc, h)
            if h.weight < 0.2 or noun_after_cue(sc, h) or cue_word_in(h.text, dc.sentence) \
                    or verb in refused:
                continue
            if merged_clause(ctx, sc, dc, verb):
                return sc, h
    return None


def noun_of_hedged_deed(ctx, dc):
    """(source claim, hedge) when a supporting source claim hedges a verb ("may challenge
    the award") that the derived claim tells done by its noun with the same thing after it
    ("has launched a legal challenge to the award": ``deed_noun_done``), in a claim that
    the aligner may match better with another clause it merged in; else None."""
    for sc in ctx.support(dc)[1]:
        for h in cues(sc, ctx.lexicon, attempts=False):
            verb = hedged_verb(sc, h)
            if h.weight < 0.2 or not verb or not deed_noun_done(ctx, dc, verb) \
                    or cue_word_in(h.text, dc.sentence):
                continue
            if words_after(sc, dc, verb, nouns=True, need=1):
                return sc, h
    return None


def deed_noun_done(ctx, dc, verb: str) -> bool:
    """The derived claim tells the hedged deed done by its noun, as the object of its own
    verb ("may challenge the award" -> "has launched a legal challenge to the award", "could
    appeal" -> "lodged an appeal"), with no hedge, belief frame or negation of its own."""
    noun = next((w for w in dc.words if w.pos == "NOUN" and key(w.lemma) == verb), None)
    return noun is not None and key(dc.predicate) != verb and told_done(dc) \
        and not dc.negated and not cues(dc, ctx.lexicon) and not believed(ctx, dc)


def relative_hedge(lex, sc, h) -> bool:
    """The hedge opens a relative clause of the source claim ("a pump that may have failed",
    "which seems to put": relative_pronouns.txt)."""
    opener = re.findall(r"[a-z]+", sc.text[:h.start - sc.start].lower())[-1:]
    return bool(opener) and lex.has("relative_pronouns", opener[0])


_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")


def same_antecedent(lex, sc, dc, h, verb: str) -> bool:
    """The hedge opens a relative clause ("nine beams that may have to be lifted") whose
    noun the derived claim also qualifies by a relative clause holding the hedged verb
    ("notes nine beams that must be lifted"), whatever the verbs of the two frames."""
    if not relative_hedge(lex, sc, h):
        return False
    before = [w for w in sc.words if w.end <= h.start]
    if not before or before[-1].pos not in ("NOUN", "PROPN"):
        return False
    noun = key(before[-1].lemma)
    for k, w in enumerate(dc.words):
        if key(w.lemma) != noun:
            continue
        nxt = _WORD_AFTER.match(dc.text, w.end - dc.start)
        if nxt and lex.has("relative_pronouns", nxt.group(1).lower()) \
                and any(key(x.lemma) == verb for x in dc.words[k + 1:k + 5]):
            return True
    return False


def words_after(sc, dc, verb: str, *, nouns: bool = False, need: int = 2) -> bool:
    """Both claims hold the verb with ``need`` of the same content words right after it
    ("held the rated load", "hold the rated load"); with ``nouns``, the derived claim holds
    it as a noun ("challenge the award", "a challenge to the award")."""
    def after(claim, tags) -> set:
        for k, w in enumerate(claim.words):
            if key(w.lemma) == verb and w.pos in tags:
                return set([key(x.lemma) for x in claim.words[k + 1:]
                            if x.pos in _CONTENT][:_PHRASE_WORDS])
        return set()
    verbs = ("VERB", "AUX")
    return len(after(sc, verbs) & after(dc, ("NOUN",) if nouns else verbs)) >= need


# Senses of the hedged verb whose synonyms count ("resume" and "restart" share the first).
SYNONYM_SENSES = 2


def believed(ctx, dc) -> bool:
    """The claim is framed as a belief or a suggestion ("Officials believe the fire began
    in the kitchen", "Early findings suggest ..."): a hedge in its frame."""
    att = dc.attribution
    return att is not None and ctx.lexicon.has("hedges", att.lemma)


def synonym_in(ctx, sc, verb: str, dc) -> str:
    """The derived claim's predicate when it is a WordNet synonym of the source's hedged verb
    ("could resume" -> "will restart"), else ''."""
    wn = ctx.wordnet
    lemma = next((w.lemma for w in sc.words if key(w.lemma) == verb and w.pos == "VERB"), "")
    if not lemma or not dc.predicate or not wn.available:
        return ""
    same = {key(s) for s in wn.synonyms(lemma, "verb", SYNONYM_SENSES) if " " not in s}
    pred = key(dc.predicate)
    return pred if pred in same and pred != key("be") else ""


_READY_AFTER = re.compile(r"\bbe\s+((?:[a-z]+)(?:\s+[a-z]+)?)", re.I)
_READINESS = tuple(sorted(shipped("readiness_words"), key=len, reverse=True))


def deed_of_hedged_noun(sc, dc, verb: str) -> str:
    """The derived claim's verb where the source hedges only a "be" whose subject is that
    verb's noun ("a rail link could be open by 2031" told as "will be linked by rail in
    2031"), the "be" telling the deed ready or done (readiness_words.txt): its key, else
    ''. Known false positive: a noun whose six-letter key another verb shares ("a national
    policy" and "nationalise")."""
    mine = key(dc.predicate)
    if verb != "be" or mine in ("be", "have") or not any(
            w.pos == "VERB" and key(w.lemma) == mine for w in dc.words):
        return ""
    after = _READY_AFTER.search(sc.text)
    if after is None or not any(after.group(1).lower().startswith(w) for w in _READINESS):
        return ""  # "the delay could be longer than a month": the delay itself is given
    return mine if mine in subject_keys(sc) else ""


def cue_held_elsewhere(ctx, dc, cue: str) -> bool:
    """Every time the cue's word occurs in the derived sentence, it stands after this claim's
    verb and another claim of that sentence holds it among its own cues ("will get its rail
    link ... and could carry 400 ships": the "could" is the carrying's), so the sentence's
    word is no sign of a parse that missed it on this claim. (One before the verb may govern
    it too: "should stop using them and hand them back".)"""
    word = cue.lower().split()[0] if cue.split() else ""
    verb = next((w for w in dc.words if w.lemma == dc.predicate and w.pos in ("VERB", "AUX")),
                None)
    if not word or verb is None:
        return False
    others = [o for o in ctx.derived_claims if o is not dc and o.sent_start == dc.sent_start]
    found = False
    for m in re.finditer(rf"\b{re.escape(word)}\b", dc.sentence, re.IGNORECASE):
        at = dc.sent_start + m.start()
        if at < verb.end or not any(c.start == at for o in others for c in cues(o, ctx.lexicon)):
            return False
        found = True
    return found
