"""What the sources say of a link DL301 reads in a derived claim: the content words of a side
(``link_keys``), every source link with its words (``source_links``, with a causal phrase
beside its reporting frame, ``frame_link``), whether a source link or
sentence joins the same two things (``connects``, ``within``, ``said_in_a_sentence``,
``in_one_sentence``, ``span_in_order``), and a party's own explanation of a cause
(``their_explanation``)."""

from __future__ import annotations

import re

from checker.align import key, text_keys
from checker.claim_reading import one_claim_a_sentence
from checker.lexicon import shipped_values
from checker.numbers import duration_unit, words_to_number
from checker.records import Link, memo_on
from checker.same_source import same_source

CLAUSE_COMMA = re.compile(r",(?!\d)")  # a comma between clauses, not inside a figure


def link_keys(ctx, text: str) -> set[str]:
    """The content-word keys of ``text``: not generic, not short, not function words other
    than pronouns (which tell whose side of a link it is)."""
    generic, function = ctx.lexicon.words["generic_words"], ctx.lexicon.words["function_words"]
    return {k for k in text_keys(text) if len(k) > 2 and k not in generic
            and function.get(k, "pronoun") == "pronoun"}


def said_in_a_sentence(ctx, link, left: set, right: set, doer: frozenset = frozenset()) -> bool:
    """A source sentence uses the same connective between words of both sides (a ground
    given by any phrase of its kind, reason_phrases.txt: "hired for his record" states
    "hired on the strength of his record"; or the sides' nouns and verbs of one family:
    ``family``; a causative verb, causatives.txt, in any form and order, or a verb of
    change that WordNet gives as its synonym, "would raise the fare" for "would lift the
    fare"), in a part the extractor keeps no link for (an
    attribution: "according to two employees who asked not to be named because they were
    not authorised to speak")."""
    # "as a result of" also stands stated as "was a result of", and "which meant" as "meaning"
    cue = link.cue[3:] if link.cue.startswith("as ") and link.cue.count(" ") > 1 else link.cue
    reasons = ctx.lexicon.entries("reason_phrases")
    pattern = re.compile(r"\bmean(?:s|t|ing)?\b" if cue.startswith("which ") and "mean" in cue
                         else r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(reasons)))
                         if cue.lower() in reasons
                         else rf"\b{re.escape(cue)}\b", re.I)
    # a ground given by any phrase of its kind ("hired for his record" for "hired on the
    # strength of his record": reason_phrases.txt)
    # a verb of cause or feeling in another form or order ("the ruling had angered its
    # members" for "angered by the ruling, members ...", "under pressure from" for
    # "pressured by")
    word = key(link.cue) if " " not in link.cue.strip() else ""
    # the family test is for the causative verbs, not "after" or "because"
    stem = next((k for k in causative_keys(ctx) if word.startswith(k)), "") if word else ""
    stems = (stem, *_synonym_keys(ctx, stem)) if stem else ()  # "raise" for "lift"
    if stem == _ADD:
        stems = (stem, *_effect_keys(ctx))  # "added to the pressure" for "increased the
        # pressure", "worsened the problems": a verb of change (effect_verbs.txt)
    # "after submission" for "after bids were submitted": a side in a noun or a verb of the
    # same family
    families = (family(ctx, link.left), family(ctx, link.right))
    # an auxiliary shared ("had", "will") ties no side to the sentence's (a form of "be"
    # still does: leaving it out too put findings on faithful merges of two passives); a
    # form of "be" alone on both sides does not ("X was fined because its budget had been
    # cut" against "a nurse who was there said, because she had been warned, ...")
    helpers = {key(w) for w in ctx.lexicon.words.get("auxiliaries", ())}
    be = {key(w) for w in ctx.lexicon.words.get("be_forms", ())}
    sides = ((left | families[0]) - helpers, (right | families[1]) - helpers)

    def ties(before: set, after: set) -> bool:
        tie = (before & sides[0], after & sides[1])
        return all(tie) and bool((tie[0] | tie[1]) - be)

    # "riders have damaged the crop" states "riders caused damage to the crop"
    effect = _effect_noun(ctx, link) if CAUSE.match(link.cue) else ""
    for sc in one_claim_a_sentence(ctx.index):
        if any(ties(link_keys(ctx, sc.sentence[:m.start()]), link_keys(ctx, sc.sentence[m.end():]))
               for m in pattern.finditer(sc.sentence)):
            return True
        if stems and any(k.startswith(stems) for k in text_keys(sc.sentence)):
            words = link_keys(ctx, sc.sentence)
            if holds(left, words) and holds(right, words):
                return True
        if effect and _done_by(ctx, sc.sentence, effect, doer | left):
            words = link_keys(ctx, sc.sentence)  # the effect's verb is its side: "damage he
            # puts at £4,800" needs no more (two words of the cause beside it)
            if holds(left, words) and len(left & words) >= 2:
                return True
    return False


CAUSE = re.compile(r"caus(?:e|es|ed|ing)$", re.I)
_ADD = key("add")


def _effect_noun(ctx, link) -> str:
    """The key of the noun a "caused" or "causing" names its effect by, the first content
    word after the cue ("causing about £4,000 of damage": "damage"); "" when it has none."""
    function = ctx.lexicon.words["function_words"]
    skip = ctx.lexicon.entries("approximators")
    for word in re.findall(r"[a-z]+", link.right.lower())[:4]:
        if word not in function and word not in skip:
            return key(word)
    return ""


def _done_by(ctx, sentence: str, wanted: str, doer: set) -> bool:
    """A source claim of the sentence has for its verb the key (the effect noun's own verb:
    "riders have damaged the crop" tells who caused the damage) and for its subject a word
    of ``doer`` (the derived cause's doer: not "storm winds damaged the roof" for "vandals
    broke in, causing damage")."""
    return any(key(sc.predicate) == wanted and link_keys(ctx, sc.subject) & doer
               for sc in ctx.index.claims if sc.sentence == sentence)


def family(ctx, text: str) -> set[str]:
    """Keys of the nouns and verbs one WordNet derivation from the words of ``text`` that
    share their first four letters ("submission" -> "submit", "closure" -> "close"): the
    same event as a noun or a verb."""
    wn, out = ctx.wordnet, set()
    for word in re.findall(r"[a-z]{5,}", text.lower()):
        for pos in ("noun", "verb"):
            out |= {key(x) for x in wn.synonyms(word, pos, 2)
                    if x[:4] == word[:4] and " " not in x}
    return out - link_keys(ctx, text)


def _synonym_keys(ctx, stem: str) -> tuple:
    """Keys of the other verbs of change that WordNet gives as synonyms of the one with key
    ``stem`` ("raise" for "lift", "cut" for "reduce"): the same effect in another verb."""
    lex = ctx.lexicon
    table = memo_on(lex, f"_dl301_synonyms_{id(ctx.wordnet)}", dict)
    if stem not in table:
        verbs = [w for w in lex.words.get("effect_verbs", {}) if len(w) >= 4]
        mine = {w for w in verbs if key(w) == stem}
        table[stem] = tuple(key(w) for w in verbs if w not in mine and any(
            w in ctx.wordnet.synonyms(m, "verb") for m in mine))
    return table[stem]


def _effect_keys(ctx) -> tuple:
    """Keys of the verbs of change (effect_verbs.txt: "increase", "worsen"), once per
    lexicon."""
    lex = ctx.lexicon
    return memo_on(lex, "_dl301_effects", lambda: tuple(
        key(w) for w in lex.words.get("effect_verbs", {}) if len(w) >= 4))


def causative_keys(ctx) -> tuple:
    """Keys of the causative verbs and the verbs of change of four letters or more ("anger",
    "pressu", "halve": an act that halved a thing is stated by "was halved by" it), once per
    lexicon."""
    lex = ctx.lexicon
    return memo_on(lex, "_dl301_causatives", lambda: tuple(
        key(w) for role in ("causatives", "effect_verbs") for w in lex.words.get(role, {})
        if len(w) >= 4))


def holds(side: set, source_keys: set, alts: dict | None = None,
          names: tuple = ()) -> bool:
    """The source link holds what one derived side says: three shared words, or two and
    half the side's, or one of a side of three words or fewer (one shared word such as
    "town" or "service" of a longer side is not enough, nor two topic words of a side of
    six, "school" and "sports" of "a cut in the school's budget for sports kit and coaching
    staff"); a word of the side is shared when one of its ``alts`` (synonyms) is. The words
    of one name of several (``names``, sets of keys) count as one: "Harl Power & Light"
    shared with a source link about the company's line is one thing shared, not three.
    Known false negative: a long side that restates the source's in other words and
    carries the attribution's words with it (", which told reporters on Monday that a flaw
    ...")."""
    shared = {k for k in side if k in source_keys or (alts or {}).get(k, set()) & source_keys}
    n_shared, n_side = _counted(shared, names), _counted(side, names)
    return n_shared >= 3 or n_shared >= 2 and 2 * n_shared >= n_side or (
        n_side <= 3 and bool(shared))


def _counted(keys: set, names: tuple) -> int:
    """How many things ``keys`` name, the keys of one name counting once."""
    return len(keys) - sum(max(0, len(keys & name) - 1) for name in names)


# A side this short is read with its words' WordNet synonyms too ("the shutdown" for "the
# closure"); a longer one has words enough of its own. Known false negative: a synonym of
# the commonest sense that the source uses of another thing ("a flood of cheap milk").
SHORT_SIDE = 2


def synonym_keys(ctx, dc, side: set) -> dict:
    """For a short side of a link, the one-word WordNet synonyms of its commonest sense
    ("closure" for "shutdown"), as keys, of each noun or verb the sources do not use (a
    word they use, as "fine" or "strike", means there what it means in the sources)."""
    wn = ctx.wordnet
    if len(side) > SHORT_SIDE or wn is None or not wn.available:
        return {}
    out = {}
    for w in dc.words:
        k = key(w.lemma)
        if k in side and w.pos in ("NOUN", "VERB") and k not in ctx.index.vocab:
            out.setdefault(k, set()).update(
                key(s) for s in wn.synonyms(w.lemma, w.pos.lower(), 1) if " " not in s)
    return out


def connects(left: set, right: set, sk: set, alts: dict | None = None,
             names: tuple = ()) -> bool:
    """The source link (its words ``sk``) joins the same two things, in either order ("X
    because Y", "Y led to X"); ``names`` as for ``holds``."""
    return holds(left, sk, alts, names) and holds(right, sk, alts, names)


def within(ctx, sl, left: set, right: set) -> bool:
    """Each side of the source link is said, whole, by one side of the derived link ("the
    review could lead to further prosecutions" in "a region-wide review of hotel fire
    safety that could lead to further prosecutions"): the derived link adds description to
    the source's, not a link of its own. The source sides need a word each, and two
    together."""
    a, b = link_keys(ctx, sl.left), link_keys(ctx, sl.right)
    if not a or not b or len(a | b) < 3:
        return False
    return a <= left and b <= right or a <= right and b <= left


# "do so", "did so": "so" standing for a verb's clause, no link
PRO_VERB = re.compile(r"\b(do|does|did|doing|done)\s+$", re.I)


def pro_verb_so(text: str, link) -> bool:
    """The link is the "so" of "do so" in ``text``, the article its offsets point into."""
    return link.cue == "so" and bool(PRO_VERB.search(text[max(0, link.start - 12):link.start]))


def source_links(ctx) -> list:
    """(source claim, link, the link's words) for every source link but the "so" of "do so",
    once per set of sources; a causal link with an empty side ("As a result, Y", "Y as a
    result") takes the source claim before it as that side."""
    def build():
        out = []
        prev = None
        for sc in ctx.index.claims:
            art = ctx.doc_of.get(sc.doc_id)
            framed = frame_link(art.text, sc, ctx.lexicon) if art is not None else ()
            for sl in sc.links + framed:
                if art is not None and pro_verb_so(art.text, sl):
                    continue  # "tried, but could not do so" links nothing
                sk = link_keys(ctx, sl.left) | link_keys(ctx, sl.right) | link_keys(ctx, sc.subject)
                if prev is not None and prev.doc_id == sc.doc_id and sl.kind == "causal" and (
                        not link_keys(ctx, sl.left) or not link_keys(ctx, sl.right)):
                    sk |= link_keys(ctx, prev.text)
                out.append((sc, sl, sk))
            prev = sc
        return out
    return memo_on(ctx.index, f"_dl301_links_{id(ctx.lexicon)}", build)


def their_explanation(ctx, dc, left: set, right: set) -> bool:
    """The derived claim credits the cause to the party whose explanation the source gives
    ("..., the harbour master said" where "The harbour master blamed the closure on a storm
    surge": explanation_verbs.txt); unattributed, the same link is flagged."""
    att = dc.attribution
    if att is None or not att.source or att.negated:
        return False
    explaining = ctx.lexicon.words["explanation_verbs"]
    return any(sc.predicate in explaining and sc.subject
               and same_source(att.source, sc.subject)
               and connects(left, right, link_keys(ctx, sc.text)) for sc in ctx.index.claims)


def in_one_sentence(ctx, left: set, right: set, names: frozenset = frozenset()) -> bool:
    """A source sentence holds both sides: a sequence ("after") claims no more than that.
    The keys of ``names`` (the words of the claim's names) that the sentence lacks but the
    sources give elsewhere are left out of a side: a derived side may name what the
    sentence describes ("parts of Marrow Bridge and Callow" for "parts of three towns")."""
    for sc in one_claim_a_sentence(ctx.index):
        sk = link_keys(ctx, sc.sentence)
        elsewhere = (names & ctx.index.vocab) - sk
        if holds(left - elsewhere or left, sk) and holds(right - elsewhere or right, sk):
            return True
    return False


# "the wait from a fire alarm to the first engine's arrival": a span between two events
FROM_TO = re.compile(r"\bfrom\s+(?P<first>[^,;]{3,60}?)\s+to\s+"
                     r"(?P<then>[\w-]+(?:\s+[\w'’-]+){0,3})", re.I)
# where the object of "after" ends: "a fire alarm | in the eastern villages"
_OBJECT_END = re.compile(r"[,;]|\b(?:between|during|in|on|at|from|since|by|up|down|over)\b",
                         re.I)


def span_in_order(ctx, dc, link) -> bool:
    """A sequence ("took 11 minutes to arrive after a fire alarm") that a source sentence
    gives as the span between its two ends ("the wait from a fire alarm to the first
    engine's arrival"): the cue's object opens the span and the deed right before the cue
    closes it, done by the span end's own doer: a word before the deed's own in the span's
    end stands in the derived clause ("the first engine", not "the schools ordered a
    closure after the warning" for "the warning to the bridge's closure"). Known false
    negative: a derived order reversed against the span is let through when its two ends
    share a word."""
    if link.cue not in ("after", "following"):
        return False
    deed_text = " ".join(ctx.derived.text[:link.start].split()[-2:])
    deed = link_keys(ctx, deed_text) | family(ctx, deed_text)  # "arrive": "arrival"
    head_text = _OBJECT_END.split(link.right, 1)[0]
    verb = next((w for w in dc.words if w.pos in ("VERB", "AUX") and w.start >= link.end
                 and w.start - link.end < len(head_text)), None)
    if verb is not None:  # "after a fire alarm rose to 11 minutes": up to its verb
        head_text = head_text[:verb.start - link.end]
    head = link_keys(ctx, head_text)
    if not deed or not head:
        return False
    clause = link_keys(ctx, ctx.derived.text[dc.start:link.start])
    for sc in one_claim_a_sentence(ctx.index):
        for m in FROM_TO.finditer(sc.sentence):
            first = link_keys(ctx, m.group("first"))
            then = link_keys(ctx, m.group("then").replace("-", " "))
            if head <= first and deed & then and not deed & first \
                    and _own_doer(ctx, m.group("then"), deed, clause):
                return True
    return False


def _own_doer(ctx, then: str, deed: set, clause: set) -> bool:
    """The words before the deed's own in a span's end ("the bridge's" of "the bridge's
    closure", "the first engine's" of "the first engine's arrival") are none, or one of
    them stands in the derived clause that does the deed."""
    words = re.findall(r"[\w'’]+", then.replace("-", " "))
    at = next((i for i, w in enumerate(words) if link_keys(ctx, w) & deed), 0)
    mods = link_keys(ctx, " ".join(words[:at]))
    return not mods or bool(mods & clause)


_MONTHS = dict(shipped_values("months"))
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def dated_in_order(ctx, later: set, earlier: set) -> bool:
    """Each side is held by a source sentence that dates it, by a weekday or a month, the
    later side's after the earlier's ("Shares rose on Tuesday. On Monday, X agreed to buy
    Y." for "Shares rose a day after X agreed to buy Y"): the source's dates give the
    sequence. Known false negative: dates across a week's or a year's end."""
    def dates(side: set) -> set:
        out = set()
        for sc in ctx.index.claims:
            words = [w.lower() for w in re.findall(r"\b[A-Z][a-z]+", sc.sentence)]  # not "may"
            if not holds(side, link_keys(ctx, sc.sentence)):
                continue
            out |= {("day", _WEEKDAYS.index(w)) for w in words if w in _WEEKDAYS}
            out |= {("month", int(_MONTHS[w])) for w in words if w in _MONTHS}
        return out
    a, b = dates(later), dates(earlier)
    return any(x[0] == y[0] and x[1] > y[1] for x in a for y in b) and not any(
        x[0] == y[0] and x[1] < y[1] for x in a for y in b)


def interval_stated(ctx, dc, span: str, cue: str, later: set, earlier: str) -> bool:
    """A source sentence gives the same interval before the same cue ("five days after the
    mayor launched it" for "five days after it opened": ``span`` the derived words before
    the cue, of the same count and unit) and holds the later side ("the food bank had
    handed out 900 parcels by Friday"), and the earlier side is the same deed: it shares a
    content word with the source's clause after the cue, or it is a subject pronoun
    (pronouns_subject.txt) and a verb that is the source clause's verb, a WordNet synonym
    of it or a broader verb of it, two levels up ("opened" for "launched"; not "collapsed").
    Known false positive: a source sentence that times another deed by the same interval,
    with a related verb or one content word in common ("town hall" in both)."""
    words = span.lower().split()
    unit = duration_unit(words[-1]) if words else ""
    value = words_to_number(words[:-1]) if len(words) > 1 else None
    if not unit or value is None:
        return False
    told = re.compile(r"((?:[\w-]+\s+){1,3})([a-z]+)\s+" + re.escape(cue) + r"\b", re.I)
    for sc in ctx.index.claims:
        if not holds(later, link_keys(ctx, sc.sentence)):
            continue
        for m in told.finditer(sc.sentence):
            theirs = m.group(1).lower().split()
            if duration_unit(m.group(2).lower()) != unit or not any(
                    words_to_number(theirs[i:]) == value for i in range(len(theirs))):
                continue
            clause = re.split(r"[,;]", sc.sentence[m.end():], maxsplit=1)[0]
            if link_keys(ctx, earlier) & link_keys(ctx, clause) or _same_deed(
                    ctx, dc, sc, earlier, sc.sent_start + m.end(), len(clause)):
                return True
    return False


def _same_deed(ctx, dc, sc, earlier: str, at: int, length: int) -> bool:
    """The derived earlier side is a subject pronoun and a verb related to a verb of the
    source clause at ``at`` (``interval_stated``)."""
    first = earlier.split()[:2]
    if len(first) < 2 or not ctx.lexicon.has("pronouns_subject", first[0].lower()):
        return False
    mine = next((w.lemma.lower() for w in dc.words if w.pos == "VERB"
                 and w.text.lower() == first[1].lower()), "")
    theirs = {w.lemma.lower() for c in ctx.index.claims if c.sent_start == sc.sent_start
              and c.doc_id == sc.doc_id for w in c.words
              if w.pos == "VERB" and at <= w.start < at + length}
    wn = ctx.wordnet
    if not mine or not theirs:
        return False
    if mine in theirs:
        return True
    return wn.available and any(mine in wn.synonyms(t, "verb") or t in wn.synonyms(mine, "verb")
                                or mine in wn.broader(t, "verb", 2) for t in theirs)


def frame_link(text: str, claim, lexicon) -> tuple:
    """A causal phrase in the claim's sentence outside the claim, beside its reporting frame,
    which the extractor keeps out of the claim; () when there is none. Only phrases of two
    words or more ("in response to", "driven by"): "So far, officials said" is no link, and
    "After a site visit, the council said" times the saying.

    - Opening the sentence before the frame ("In response to the shortage, the government
      announced that it would review ..."): its phrase up to the comma is linked to the
      claim, unless the claim has links of its own.
    - A noun phrase after the frame that sums the claim up and gives its cause ("Waits
      rose to 41 minutes, the ombudsman said on Monday, a slide driven by staff
      cuts"): the phrase after the cue, to the end of the sentence, is linked to the claim.
      Not a cue ending in "to" ("a review due to report in May", "a sum owing to 140
      suppliers"); known miss: "a fall due to the weather"."""
    att = claim.attribution
    if att is None:
        return ()
    if claim.sent_start <= att.start <= claim.start:
        return () if claim.links else _opening_link(text, claim, att, _cues(lexicon))
    if claim.end <= att.start and att.end < claim.sent_end:
        return _summing_link(text, claim, att, _cues(lexicon))
    return ()


def _cues(lexicon) -> tuple[str, ...]:
    """The causal connectives of two words or more, once per lexicon."""
    return memo_on(lexicon, "_causal_phrases", lambda: tuple(
        " ".join(p) for p in lexicon.phrases.get("causal", ()) if len(p) > 1))


def _opening_link(text: str, claim, att, cues) -> tuple:
    opening = text[claim.sent_start:att.start]
    low = opening.lower()
    cue = max((c for c in cues if low.startswith(c + " ")), key=len, default="")
    m = CLAUSE_COMMA.search(opening, len(cue)) if cue else None
    if m is None:
        return ()
    start = claim.sent_start
    return (Link(cue=cue, kind="causal", start=start, end=start + len(cue), left=claim.text,
                 right=opening[len(cue):m.start()].strip()),)


# After a reporting frame: ", a slide", ", the sharpest rise in a decade", then the cue
_SUMMING_RE = re.compile(r"[^,;:\"“”]*,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}?")


def _summing_link(text: str, claim, att, cues) -> tuple:
    tail = text[att.end:claim.sent_end]
    m = _SUMMING_RE.match(tail)
    if m is None:
        return ()
    # the cue starts one of the next words of the phrase, before any comma
    for w in re.finditer(r"[,;:]|(?<![\w'’-])\w", tail[m.end():m.end() + 60]):
        if w.group() in ",;:":
            return ()
        at = m.end() + w.start()
        low = tail[at:].lower()
        cue = max((c for c in cues if low.startswith(c + " ")), key=len, default="")
        if not cue:
            continue
        if cue.endswith(" to"):
            return ()  # "a review due to report in May", "a sum owing to 140 suppliers": a
            # schedule or a debt as often as a cause
        start = att.end + at
        right = tail[at + len(cue):].strip().rstrip(".!?").strip()
        return (Link(cue=tail[at:at + len(cue)], kind="causal", start=start,
                     end=start + len(cue), left=claim.text, right=right),)
    return ()
