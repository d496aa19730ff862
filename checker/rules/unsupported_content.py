"""DU801 unsupported-content: words and ideas with no support anywhere in the sources.

What it flags:
    A derived claim carrying two or more content words (nouns, verbs, adjectives; names and
    numbers are left to DU802/DU803) that occur nowhere in the sources, making up a fair
    share of the claim, when the claim is no close rewording of a source passage (alignment
    below 0.65) and not a headline. Words that write a figure or a time ("twelfth",
    "fortnight", "afternoon", "halved" where the sources write "by half"), words with a
    synonym or derivation among the source's words or phrases ("aboard" for "on board":
    WordNet, four most frequent senses) or
    in its group of news near-synonyms ("wants" for "is seeking": paraphrases.txt), a past
    participle of a source verb ("stay closed" for "will close"), a word with a negative
    prefix whose stem the sources use ("left unchanged" for "did not change":
    negative_prefixes.txt), verbs of saying and answering
    ("insists", "rejects", "answered": the attribution rules judge them), connectives
    ("separately", "meanwhile": generic_words.txt), a noun after "the" or "this" that
    points back at an act ("backed the move": shell_nouns.txt), a subject that describes
    a party ("the governing body" for "the federation": stand_ins.txt) and, when the sources
    report a denial or
    a challenge too, the words of its frame ("denied the charge", "rejected the complaints")
    are not counted, nor, when they report an answer by its verb, a word that sums up the
    dispute ("the club and the trust disagree": dispute_words.txt). The span runs over the unsupported words. In a claim that restates a
    source passage closely, or whose new words are too few for the whole of it, a relative
    clause (", which will be extended to evenings and weekends"), an example set after a
    comma (", including a court challenge") or a noun phrase set after a comma at its end
    (", the latest in a string of breakdowns") is judged on its own: two or more different
    content words of it new, two fifths of them at least, words after a "whether" aside
    (what a question asks claims nothing); the span is the clause (not a noun phrase
    headed by what a party answers, ", a charge the firm denies", nor one that ranks, ",
    the highest this year": DU806's).
    A first or last line of a few words that names the derived text's own outlet (known
    from a corpus's metadata: "Reply to the Digest with your news") is its masthead or
    sign-off and is not read; the outlet's reporting in the body is.
Why it matters:
    Extrinsic additions, interpretation stated as fact ("policies are tightening"), are what
    readers cannot tell apart from reporting.
Known false positives:
    Paraphrases with words the sources do not use and WordNet does not list as synonyms
    ("splattered" for "dumped"); two such words in one claim are needed before it fires, and
    generic words are ignored. Without WordNet's files every synonym counts as new. A
    relative clause, an example or a closing noun phrase that gives, in words of its own,
    background a source states elsewhere in other words. A description with a possessive
    ("the sport's governing body") counts.
Known misses:
    An addition inside a sentence that otherwise restates a source passage closely (but for
    a relative clause), or a headline; an added clause that reuses the source's own words
    ("the league has agreed to do so" where the source only has a request); an added word
    that shares one of its four most frequent WordNet senses with a source word by chance.
Examples:
    Source: The company banned staff from using the chatbot at work.
    Flag: Government regulators are tightening rules on foreign chatbots.
    Okay: The company banned staff from using the chatbot.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.align import GENERIC, key
from checker.figure_written import part_of_month
from checker.lexicon import shipped, shipped_values
from checker.names import names_own_outlet
from checker.numbers import DAY_PARTS, states_a_figure
from checker.polarity import unprefixed
from checker.records import memo_on
from checker.rules.base import Rule, is_claim_unit, make, snippet
from checker.units import measure
from checker.wordnet import POS_FILE

CODE, NAME, KIND, SEVERITY = "DU801", "unsupported-content", "unsupported-claim", "warning"
CHECKED_POS = {"NOUN", "VERB", "ADJ", "ADV"}
MIN_NOVEL = 2
# Units and number words restate a figure; DN501/DU803 judge the figure itself.
UNITS = shipped("figure_words")
MULTIPLIERS = dict(shipped_values("multiplier_verbs"))  # "halve" -> "half": its factor
MIN_SHARE = 0.25
# Alignment score at which a derived claim restates a source passage in its own words.
CLOSE = 0.65


# Verbs of saying and answering: "insists", "rejects", "warned" report how a party spoke.
SAYING = ("attribution_verbs", "answer_verbs", "challenges", "caveat_verbs")

# The four most frequent senses count: a paraphrase often takes a word in a less frequent
# sense ("puts the toll at" for "estimates", "throw out" for "dismiss"). Past them, rare
# senses shared by chance let additions pass ("hold" and "arrest", "raise" and "parent").
# On the drift suite, two senses -> four: 5 fewer false alarms on faithful texts, no drift
# lost; every sense: 7 fewer, one drift lost.
SYNONYM_SENSES = 4


def _framing_words(ctx) -> frozenset:
    """The words of a denial's frame ("denied the charge", "rejected the complaints") when
    the sources report a denial or a challenge too: they restate it in other words; and
    the words that sum up a dispute ("disagree", "at odds": dispute_words.txt) when they
    report an answer by its verb (answer_verbs.txt; once per set of sources). Known false
    negative: a dispute between two parties the sources never set against each other."""
    lex, vocab = ctx.lexicon, ctx.index.vocab

    def build() -> frozenset:
        out = set()
        for role in ("answer_verbs", "answer_objects"):
            words = lex.words.get(role, {})
            if any(key(w) in vocab for w in words):
                out.update(words)
                out.update(key(w) for w in words)
        if any(key(w) in vocab for w in lex.words.get("answer_verbs", {})):
            # a dispute retold in a word ("sailors and the trust disagree"), when the
            # sources report an answer (not a claim's noun alone: "free of charge")
            words = lex.words.get("dispute_words", {})
            out.update(words)
            out.update(key(w) for w in words)
        return frozenset(out)

    return memo_on(ctx.index, f"_du801_framing_{id(lex)}", build)


def novel_words(claim, index, wn=None):
    """The claim's content words whose stem occurs nowhere in the sources, and (with
    WordNet) none of whose synonyms or derivations does either."""
    vocab = index.vocab
    out = [w for w in claim.words if w[4] in CHECKED_POS and len(w[3]) > 2
           and key(w[3]) not in vocab and key(w[2]) not in vocab
           and w[3] not in GENERIC and w[3] not in UNITS and not _restates_figure(w, index)]
    out = [w for w in out if not _participle_of(w, index.vocab)
           and not _part_of_a_month(w, claim)]
    if wn is not None and wn.available and out:
        out = [w for w in out if not _paraphrase(w, index, wn)]
    return out


def _part_of_a_month(word, claim) -> bool:
    """A word of a date that names a part of a month ("mid" of "mid-September"): the number
    rules hold the date against the source's days ("14 September")."""
    return any(q.kind == "date" and q.start <= word.start < q.end and part_of_month(q.text)
               for q in claim.quantities)


def _news_paraphrase(word, vocab, lexicon) -> bool:
    """A word whose group in the paraphrases lexicon ("wants" and "seek", "pledged" and
    "promised") has a word in the sources."""
    group = lexicon.value("paraphrases", word.lemma)
    return bool(group) and any(g == group and key(w) in vocab
                               for w, g in lexicon.words["paraphrases"].items())


def _participle_of(word, vocab) -> bool:
    """An adjective that is a verb's past participle whose verb the sources use ("closed"
    when the source says "will close the gallery"): the parse gives it as its own lemma."""
    if word.pos != "ADJ":
        return False
    return any(key(s) in vocab for s in _participle_stems(word.lemma))


def _participle_stems(low: str) -> set:
    """The verbs a past participle can be of ("closed" -> "close", "clos"; "planned" ->
    "plan"); none for a word too short or not in "-ed"."""
    if not low.endswith("ed") or len(low) < 5:
        return set()
    return {low[:-1], low[:-2]} | ({low[:-3]} if low[-3] == low[-4] else set())


def _prefixed_of(word, vocab, lexicon) -> bool:
    """A word with a negative prefix whose stem the sources use ("unchanged" where the
    source says "did not change", "unpaid" for "had not been paid"): whether the negation
    holds is the negation rules' matter."""
    return any(key(s) in vocab for stem in unprefixed(lexicon, word.text.lower(), shortest=4)
               for s in {stem} | _participle_stems(stem))


def _restates_figure(word, index) -> bool:
    """A word that writes a figure or a time ("twelfth", "fortnight"); a part of a day
    ("afternoon") only when the sources give clock times it can restate, a verb of a factor
    ("halved") only when they write the factor ("by half": multiplier_verbs.txt)."""
    if word[3] in MULTIPLIERS:  # "halved" for "cut by half", not where no factor is given
        return MULTIPLIERS[word[3]] in index.text_lower
    if not (states_a_figure(word[2]) or states_a_figure(word[3])):
        return False
    if word[3] in DAY_PARTS or word[2].lower() in DAY_PARTS:
        return any(q.kind == "time" and any(ch.isdigit() for ch in q.text)
                   for q in index.quantities)
    return True


def _paraphrase(word, index, wn) -> bool:
    """True when a one-word synonym or derivation of the word is in the sources ("firms"
    where the source says "companies", "invade" for "invasion")."""
    pos = POS_FILE.get(word[4])
    if pos is None:
        return False
    # An adjective that is a verb's participle or bare form ("stay shut") is read as that
    # verb too: its synonyms there ("close") are the source's words.
    poses = (pos, "verb") if pos == "adj" else (pos,)
    if pos == "adj" and word[2].lower() != word[3] and not _graded_keys(
            wn, word[3]).isdisjoint(index.vocab):
        return True  # "biggest" for the sources' "largest"
    return any(not _synonym_keys(wn, word[3], p).isdisjoint(index.vocab)
               or any(_phrase_in(phrase, index.text_lower)
                      for phrase in _synonym_phrases(wn, word[3], p)) for p in poses)


def _phrase_in(phrase: str, text: str) -> bool:
    return phrase in text and _phrase_re(phrase).search(text) is not None


@lru_cache(maxsize=20_000)
def _phrase_re(phrase: str):
    return re.compile(rf"\b{re.escape(phrase)}\b")


@lru_cache(maxsize=20_000)
def _synonym_phrases(wn, lemma: str, pos: str) -> tuple:
    """The synonyms of a lemma written in two or three words ("on board" for "aboard"): the
    sources restate the word when they write one of them whole."""
    return tuple(s for s in wn.synonyms(lemma, pos, SYNONYM_SENSES)
                 if 1 < len(s.split()) <= 3)


@lru_cache(maxsize=20_000)
def _graded_keys(wn, lemma: str) -> frozenset:
    """Keys of the comparative and superlative forms of an adjective's one-word synonyms
    ("larger", "largest" for "big"), for a derived word written graded itself: the sources
    may grade the synonym ("the largest recall" for "its biggest recall")."""
    out = set()
    for syn in wn.synonyms(lemma, "adj", SYNONYM_SENSES):
        if " " in syn or "-" in syn or syn in GENERIC:
            continue
        stem = syn[:-1] + "i" if syn.endswith("y") else syn
        base = syn[:-1] if syn.endswith("e") else stem
        out |= {key(base + "er"), key(base + "est")}
    return frozenset(out)


@lru_cache(maxsize=20_000)
def _synonym_keys(wn, lemma: str, pos: str) -> frozenset:
    """Keys of the one-word synonyms of a lemma (kept for the run: the same words come back
    in every derived text, and are compared with each text's source vocabulary)."""
    return frozenset(key(s) for s in wn.synonyms(lemma, pos, SYNONYM_SENSES)
                     if " " not in s and s not in GENERIC)


def check(ctx):
    """Yield a finding for each derived claim with unsupported content words."""
    # Confidence stays below the rules that cite contrary evidence: an addition is less
    # certainly wrong than a claim the source words differently, so it sorts after them.
    wn = ctx.wordnet
    framing = _framing_words(ctx)
    # how it was said or answered is the attribution rules' matter; a wish or an
    # expectation still counts ("the district expects the pouches to raise scores" is a
    # claim the sources may lack), and so does a light verb ("held a vigil")
    lex = ctx.lexicon
    judged = frozenset(w for role in SAYING for w in lex.words.get(role, {}))
    for dc in ctx.derived_claims:
        if not is_claim_unit(dc) or names_own_outlet(ctx, dc):
            continue  # a headline names a topic in its own words; a line naming the outlet
            # itself is its masthead or sign-off
        al, _ = ctx.support(dc)
        if al.score >= CLOSE:
            # a close rewording of a source passage, but for an aside it adds (", which
            # will be extended to evenings and weekends")
            found = _added_aside(ctx, dc, wn, framing, judged)
            if found is not None:
                yield found
            continue
        content = [w for w in dc.words if w[4] in CHECKED_POS and w[3] not in GENERIC]
        if not content:
            continue
        novel = _unsupported_words(ctx, dc, wn, framing, judged)
        share = len(novel) / len(content)
        if len(novel) < MIN_NOVEL or share < MIN_SHARE:
            # too little new for the whole claim: an aside may still hold all of it ("The
            # owner, which has faced complaints at other sites, was accused of ...")
            found = _added_aside(ctx, dc, wn, framing, judged) if novel else None
            if found is not None:
                yield found
            continue
        start, end = novel[0][0], novel[-1][1]
        listed = ", ".join(f'"{w[2]}"' for w in novel[:5])
        severity = "error" if len(novel) >= 3 and share >= 0.4 else "warning"
        yield make(RULE, dc, start=start, end=end, confidence=min(0.75, 0.4 + 0.6 * share),
                   severity=severity,
                   message=(f"Adds content the source does not support ({listed}); "
                            f"no support found in the source."),
                   suggestion=f'Cut "{snippet(dc.text[start - dc.start:end - dc.start], 50)}" '
                              f"or cite where it comes from.")


def _unsupported_words(ctx, dc, wn, framing, judged) -> list:
    """The claim's novel words (``novel_words``) but a denial's frame, a verb of saying or
    answering, a prefixed word whose stem the sources use, and a news near-synonym of a
    source word."""
    return [w for w in novel_words(dc, ctx.index, wn) if w[3] not in framing
            and key(w[3]) not in framing and not (w.pos == "VERB" and w.lemma in judged)
            and not _prefixed_of(w, ctx.index.vocab, ctx.lexicon)
            and not _news_paraphrase(w, ctx.index.vocab, ctx.lexicon)
            and not _pointing_back(w, dc, ctx.lexicon)
            and not _describes_subject(w, dc, ctx.lexicon)
            and not _unit_of_measure(w, dc)]


def _unit_of_measure(word, dc) -> bool:
    """A word of a figure with a unit of measure ("square kilometres" of "some 8.2 square
    kilometres" where the source says "roughly 820 hectares": ``units.measure``) or of a
    time of day ("past" of "twenty past six on the evening of Friday"): whether the figure
    holds is DN501's matter."""
    return any(q.start <= word.start < q.end and (q.kind == "time"
                                                  or measure(q.text) is not None)
               for q in dc.quantities)


_DESCRIPTION = re.compile(r"the\s+(?:[a-z-]+\s+)?([a-z]+)", re.I)


def _describes_subject(word, dc, lexicon) -> bool:
    """A word of a subject that describes a party instead of naming it: "the" and at most
    one word before a noun that stands in for an actor ("the governing body" for "the
    federation": stand_ins.txt). Whether it is the right party is the entity rules' matter."""
    subject = dc.subject.split(",")[0].strip()  # "the ruling body, which took ..."
    m = _DESCRIPTION.fullmatch(subject)
    if m is None or not lexicon.has("stand_ins", m.group(1).lower()):
        return False
    at = dc.text.find(subject)
    return at >= 0 and dc.start + at <= word.start < dc.start + at + len(subject)


_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|such)\s+(?:\w+\s+)?$", re.I)


def _pointing_back(word, dc, lexicon) -> bool:
    """A noun that points back at an act told elsewhere ("backed the move", "this
    move": shell_nouns.txt), after a definite determiner and at most one word."""
    return word.pos == "NOUN" and lexicon.has("shell_nouns", word.lemma) and bool(
        _DEFINITE.search(dc.text[:word.start - dc.start]))


# A non-restrictive relative clause: from its comma to the next comma or the claim's end.
_ASIDE = re.compile(r",\s+(?:(?:from|in|under|by|for|of|to|with)\s+)?(?:which|who|whom|whose|"
                    r"where)\b[^,;]*")
# An example set after a comma (", including a ban on overtime", ", such as ...").
_EXAMPLE = re.compile(r",\s+(?:including|such\s+as|among\s+them)\s+[^,;]*", re.I)
# A noun phrase set after a comma at the claim's end that sums up what it says (",
# the latest in a string of breakdowns", ", a class in which X has been a worry").
_APPOSED = re.compile(r",\s+(?:a|an|the)\s+[^,;]*$", re.I)
# The share of an aside's content words that must be new.
ASIDE_SHARE = 0.4


def _ranking(word, lexicon) -> bool:
    """A word that ranks its noun ("highest", "worst", "record": superlatives.txt, or
    written with -est and no look-alike: not "latest")."""
    low = word.text.lower()
    return lexicon.has("superlatives", low) or (
        low.endswith("est") and word.pos in ("ADJ", "ADV")
        and not lexicon.has("superlative_lookalikes", low))


def _added_aside(ctx, dc, wn, framing, judged):
    """A finding when a relative clause of a claim that restates a source passage closely,
    or a noun phrase set after a comma at its end, carries two or more content words the
    sources lack, at least ``ASIDE_SHARE`` of its content words ("Patients can call the
    emergency line, which will be extended to evenings and weekends from June"; "..., the
    latest in a string of failures at the plant"); else None."""
    asides = [*_ASIDE.finditer(dc.text), *_APPOSED.finditer(dc.text),
              *_EXAMPLE.finditer(dc.text)]
    new = _unsupported_words(ctx, dc, wn, framing, judged) if asides else []
    for m in asides:
        lo, hi = dc.start + m.start(), dc.start + m.end()
        content = [w for w in dc.words if lo <= w.start < hi and w[4] in CHECKED_POS
                   and w[3] not in GENERIC]
        if m.re is _APPOSED and content and (
                ctx.lexicon.has("answer_objects", content[0].lemma)
                or any(_ranking(w, ctx.lexicon) for w in content)):
            continue  # ", a charge the firm denies": what a party answers (the
            # answer rules'); ", the highest number this year": a ranking (DU806's)
        asked = re.search(r"\bwhether\b", m.group(0), re.I)
        claimed = lo + asked.start() if asked else hi  # what a "whether" asks claims nothing
        novel = [w for w in new if lo <= w.start < claimed]
        distinct = {w.lemma.lower() for w in novel}  # "the authority ... the authority": one
        if len(distinct) < MIN_NOVEL or len(novel) < ASIDE_SHARE * len(content):
            continue
        listed = ", ".join(f'"{w[2]}"' for w in novel[:5])
        start = lo + 1 + len(m.group(0)[1:]) - len(m.group(0)[1:].lstrip())
        return make(RULE, dc, start=start, end=hi, confidence=0.5,
                    message=(f"Adds, in a clause of its own, content the source does not "
                             f"support ({listed}); the rest of the sentence restates the "
                             f"source."),
                    suggestion=f'Cut "{snippet(ctx.derived.text[start:hi], 50)}" or cite '
                               f"where it comes from.")
    return None


RULE = Rule(CODE, NAME, KIND, SEVERITY, "content with no support in the source", check, __doc__)
