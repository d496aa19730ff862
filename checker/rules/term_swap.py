"""DE404 term-swapped: a thing replaced by another thing of the same kind ("murder" for
"manslaughter", "green paint" for "yellow paint", "a beach" for "a cliff") or by its
opposite ("a loss" for "a gain", "indirect" for "direct").

What it flags:
    A noun or adjective of a derived claim that its closely aligned source claim lacks, where
    that source claim has instead a different word of the same kind (WordNet: a frequent
    sense of each shares an immediate hypernym, and neither is a synonym or hypernym of the
    other) or its opposite (WordNet antonyms of the same part of speech) that the derived
    claim lacks in turn. A derived word the sources use anywhere is left alone: the text
    took it from the source, so it is not a word put in another's place, unless it is the
    modifier of a compound whose head the aligned source claim gives another modifier
    ("housing committee" for "planning committee", where the sources speak of "the
    housing spokesman"): no synonym, derivation or kind of the source's modifier, and a
    compound the sources never write.
    Also a public body named in words ("from the county council") where the aligned
    source claim names another after the same preposition ("from the regional
    government"), both with a word before a head of another kind; a head alone ("the
    agency") is passed over, as it may stand for any body of the story, and so is another
    word before the same head ("the local council" for "the county council").
Why it matters:
    Summaries that change one word of a sentence they otherwise copy change the fact: the
    charge, the colour, the place, the relative. Names are DE401's; this rule covers the
    common nouns and adjectives names do not reach.
Known false positives:
    One body called by two descriptions ("the finance ministry" for "the national
    government").
    Near-synonyms that WordNet files as sister terms ("evening" for "night", "month" for
    "year" in "a month-long"); a fused sentence whose second source claim holds the derived
    word; opposites that both hold of different things ("first" for "second" where the
    source ranks two). Known miss: a swap for a word the source uses of something else
    ("green" for "yellow" where the source mentions green elsewhere); a unit swapped inside
    a figure ("1.4 kilometres" for "1,400 metres" is the same length; another length is
    DN501's); an adjective swapped before another noun than the source's word modifies:
    two adjectives set before nouns that cannot name one thing ("old lock gates" and "its
    latest accounts") are not compared.
    It reads WordNet 3.0 as shipped in the package (``checker/data``) and is silent
    only when look-ups are turned off (``CHECKER_WORDNET=none``).
Examples:
    Source: She was charged with manslaughter over the fall of a roofer.
    Flag: She was charged with murder over the fall of a roofer.
    Okay: She faces a manslaughter charge over the fall of a roofer.
"""

from __future__ import annotations

import re

from checker.align import GENERIC, claim_keys, key
from checker.rules.base import Rule, evidence_of, make, negated_in, shares_core, snippet
from checker.wordnet import POS_FILE

CODE, NAME, KIND, SEVERITY = "DE404", "term-swapped", "entity-changed", "error"
CHECKED_TAGS = {"NOUN", "ADJ"}
MIN_ALIGNMENT = 0.5


def check(ctx):
    """Yield a finding for each derived word whose sister term stands in the aligned claim."""
    wn = ctx.wordnet
    if not wn.available:
        return
    for dc in ctx.derived_claims:
        al, sup = ctx.support(dc)
        if al.score < MIN_ALIGNMENT:
            continue
        body = _body_swap(ctx, dc, [sc for sc in sup if shares_core(dc, sc)
                                    or len(claim_keys(dc) & claim_keys(sc)) >= 3])
        if body is not None:
            yield body
            continue
        sup = [sc for sc in sup if shares_core(dc, sc)]
        if not sup:
            continue
        dkeys = {key(w.lemma) for w in dc.words}
        skeys = {key(w.lemma) for sc in sup for w in sc.words}
        swapped = _modifier_swap(ctx, dc, sup, dkeys)
        if swapped is not None:
            yield swapped
            continue
        for s, e, text, lem, pos in dc.words:
            wpos = POS_FILE.get(pos)
            if pos not in CHECKED_TAGS or lem in GENERIC or key(lem) in skeys or len(lem) < 3:
                continue
            if key(lem) in ctx.index.vocab:
                continue  # the sources use the word: taken from them, not put in a place
            if any(q.start <= s < q.end for q in dc.quantities):
                continue  # a unit of a figure ("1.4 kilometres"): DN501 reads figures
            syn = wn.synonyms(lem, wpos)
            if any(key(x) in skeys for x in syn if " " not in x):
                continue  # a synonym of a source word: paraphrase
            hit = None
            for sc in sup:
                for ss, se, stext, slem, spos in sc.words:
                    spos_wn = POS_FILE.get(spos)
                    if spos not in CHECKED_TAGS or key(slem) in dkeys or slem in GENERIC:
                        continue
                    how = _relation(wn, lem, wpos, slem, spos_wn)
                    if how and pos == spos == "ADJ" and _heads_differ(wn, dc, e, sc, se):
                        continue  # "old lock gates" and "its latest accounts": each word
                        # describes another thing
                    if how:
                        hit = (sc, ss, se, stext, how)
                        break
                if hit:
                    break
            if hit is None:
                continue
            sc, ss, se, stext, how = hit
            if how == "its opposite" and negated_in(sc, next(
                    w for w in sc.words if w.start == ss), ctx.lexicon):
                continue  # "not lawful" says what "unlawful" says
            yield make(RULE, dc, start=s, end=e, text=text, confidence=0.65,
                       evidence=[evidence_of(sc, start=ss, end=se)],
                       message=(f'Says "{text}" where the source says "{stext}", {how}: '
                                f'"{sc.text[:80]}".'),
                       suggestion=f'Use the source\'s word, "{stext}", or check the change.')
            break  # one swap a claim is enough to act on


def _head_after(claim, end: int):
    """The noun an adjective ending at ``end`` is set before: the last noun of the run of
    nouns after it, past other adjectives ("old lock gates" -> "gate"), or None when no
    noun follows it ("the gates were old")."""
    head = None
    for w in claim.words:
        if w.start < end:
            continue
        if w.pos == "NOUN":
            head = w.lemma
        elif head is not None or w.pos != "ADJ":
            break
    return head


def _heads_differ(wn, dc, end: int, sc, s_end: int) -> bool:
    """Two adjectives set before nouns that cannot name one thing ("old" of "lock gates",
    "latest" of "accounts")."""
    mine, theirs = _head_after(dc, end), _head_after(sc, s_end)
    return mine is not None and theirs is not None and not _kin(wn, mine, theirs)


def _compounds(claim, lexicon):
    """(modifier, head) of each noun set right before another noun in the claim ("finance
    committee")."""
    words = claim.words
    return [(m, h) for m, h in zip(words, words[1:])
            if m.pos == "NOUN" and h.pos == "NOUN" and h.start - m.end == 1
            and (m.text == m.lemma or _office(lexicon, h.lemma))]  # a modifier is singular
    # and no name: not "gave users prizes", "Westmarch health"; but an office's portfolio
    # may be plural ("the communities secretary")


# WordNet's lexicographer files of nouns whose kind a modifier picks out: groups, people,
# states (noun.group, noun.person, noun.state).
_BODY_OR_STATE = frozenset({14, 18, 26})


def _kin(wn, a: str, b: str) -> bool:
    """Two nouns that can name one thing: synonyms or derivations ("tutor", "tutoring", one
    the other's stem), or
    one a kind of the other ("lunch" and "meal", "firmware" and "software")."""
    return b in wn.synonyms(a, "noun") or a in wn.synonyms(b, "noun") \
        or b in wn.broader(a, "noun", 3) or a in wn.broader(b, "noun", 3) \
        or key(a) == key(b) or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def _modifier_swap(ctx, dc, sup, dkeys):
    """A finding when a compound noun of the derived claim ("housing committee") has the
    head of one in its closely aligned source claim ("planning committee") with another
    modifier that the sources set before another noun ("the housing spokesman"): the
    derived compound is nowhere in the sources, the source's modifier is not in the derived
    claim nor its own in the source claim, and the two modifiers are no synonyms,
    derivations or kinds of each other ("lunch debts" for "meal debts"); the head names a
    body, an office or a state (WordNet's noun.group, noun.person, noun.state: not "fitness
    centre" for "leisure centre"). An office's portfolio ("the health minister" for "the
    transport minister", "the communities secretary" for it: titles.txt) is compared
    though the sources never write the derived modifier, and with another title as its
    head. Known false positive: a second body of the same head noun that the source names in
    another wording ("the housing panel"); a portfolio reworded with a word WordNet does not
    relate ("the roads minister" for "the transport minister")."""
    wn = ctx.wordnet
    text = ctx.index.text_lower
    for m, h in _compounds(dc, ctx.lexicon):
        senses = wn.senses(h.lemma, "noun")
        if not senses or senses[0].lexname not in _BODY_OR_STATE:
            continue  # a body, an office or a state ("committee", "director", "disease"),
            # not a place or a thing whose use the modifier tells ("fitness centre")
        phrase = f"{m.text} {h.text}".lower()
        office = _office(ctx.lexicon, h.lemma)
        if m.lemma in GENERIC or phrase in text or not office and not re.search(
                rf"\b{re.escape(m.text.lower())}\s+(?!{re.escape(h.text.lower())}\b)[a-z]{{3,}}",
                text):
            continue  # the modifier must be one the sources set before another word, but
            # for an office's portfolio ("the health minister" for "the transport minister")
        for sc in sup:
            for sm, sh in _compounds(sc, ctx.lexicon):
                if not (key(sh.lemma) == key(h.lemma) or office and _office(ctx.lexicon,
                                                                             sh.lemma)) \
                        or key(sm.lemma) in dkeys \
                        or sm.lemma in GENERIC \
                        or key(m.lemma) in {key(w.lemma) for w in sc.words} \
                        or _kin(wn, m.lemma, sm.lemma):
                    continue
                return make(RULE, dc, start=m.start, end=h.end, text=f"{m.text} {h.text}",
                            confidence=0.6, evidence=[evidence_of(sc, start=sm.start,
                                                                  end=sh.end)],
                            message=(f'Says "{m.text} {h.text}" where the source says '
                                     f'"{sm.text} {sh.text}": "{snippet(sc.text, 80)}".'),
                            suggestion=f'Use the source\'s words, "{sm.text} {sh.text}".')
    return None


def _office(lexicon, lemma: str) -> bool:
    """A post in government or a body that a portfolio word names ("minister", "secretary",
    "director": titles.txt, not a generic one such as "leader")."""
    return lexicon.words["titles"].get(lemma.lower()) == ""


_BODY_SLOT = re.compile(r"\b(from|by|to|with|against|for|of)\s+(?:the|its|their)\s+"
                        r"((?:[a-z]+\s+)?([a-z]+))\b")


def _bodies(lexicon, text: str) -> list:
    """(preposition, phrase, head, start, end) of each public body a claim names in words, not
    by name, after a preposition ("from the regional government": public_body_heads.txt)."""
    return [(m.group(1), m.group(2), m.group(3), m.start(2), m.end(2))
            for m in _BODY_SLOT.finditer(text) if lexicon.has("public_body_heads", m.group(3))]


def _body_swap(ctx, dc, sup):
    """A finding when the derived claim names a public body in words ("seeking money from
    the county council") where an aligned source claim that shares its core or three of its
    words names another after the same preposition ("from the regional government"): the
    derived phrase is nowhere in the sources, the source's is not in the derived claim, both
    have a word before the head (a head alone, "the agency", may stand for any body the
    story names) and the heads differ ("the local council" may be the county council). Known false positive: one body called by two descriptions ("from the
    finance ministry" for "from the national government")."""
    text = ctx.index.text_lower
    for prep, phrase, head, s, e in _bodies(ctx.lexicon, dc.text):
        if phrase in text or phrase == head:
            continue  # (a head alone, "the agency", stands in for any body of the story)
        for sc in sup:
            for sprep, sphrase, shead, ss, se in _bodies(ctx.lexicon, sc.text):
                if sprep != prep or sphrase in dc.text.lower() or sphrase == shead \
                        or shead == head:
                    continue  # (one head, two modifiers: "the local council" may be the
                    # "county council" the source names)
                return make(RULE, dc, start=dc.start + s, end=dc.start + e,
                            text=dc.text[s:e], confidence=0.6,
                            evidence=[evidence_of(sc, start=sc.start + ss, end=sc.start + se)],
                            message=(f'Says "{dc.text[s:e]}" where the source says '
                                     f'"{sc.text[ss:se]}": "{snippet(sc.text, 80)}".'),
                            suggestion=f'Use the source\'s words, "{sc.text[ss:se]}".')
    return None


def _relation(wn, a: str, pos_a, b: str, pos_b) -> str:
    """How the derived word ``a`` differs from the source word ``b``, or "" when it does not
    (a synonym, a broader or narrower word, an unrelated one)."""
    if wn.siblings(a, pos_a, b, pos_b):
        return "a different thing of the same kind"
    if pos_a == pos_b and (b in wn.antonyms(a, pos_a) or a in wn.antonyms(b, pos_b)):
        return "its opposite"
    return ""


# An opposite is better told as one (DG602 negation-flipped) when both read the same words.
RULE = Rule(CODE, NAME, KIND, SEVERITY, "word replaced by another of its kind", check, __doc__,
            yields_span_to=("negation-flipped",))
