"""What a claim says is not so, and which way it points: the readings DG601
(rules/negation_flipped.py) compares between a derived claim and its source claims.

The negation cues of a claim (words and phrases of the ``negations`` lexicon, not their
``negation_lookalikes``: "not only"), the polarity of the whole clause and of its verb (two
negations cancel; a denial governing the claim negates it), its negated words, whether it
refuses something or negates only what a claim noun reports; the acts it states an intention
of ("intends to *cut*"), and its order connectives ("prior to the vote": earlier or later,
and the event they order against). Each reading is found once per claim and lexicon.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from checker.align import key, text_keys
from checker.claim_reading import verb_at
from checker.lexicon import shipped
from checker.numbers import duration_unit
from checker.records import memo_on

TOKEN = re.compile(r"[a-z]+(?=n't)|n't|[a-z]+(?:-[a-z]+)*")
OBJECT_NEGATORS = shipped("object_negators")
# "did not alert the authority until January": a negation that only dates the act
# "no longer than six months", "not more than 20": a bound on a figure, not a negation
COMPARATIVE_BOUND = frozenset({"no", "not"}), "than"
_NOT_UNTIL = re.compile(r"\b(not|never|n't)\b(?:\s+[a-z'’-]+){0,8}?\s+(?:until|till)\b")


def denied_from_outside(claim) -> bool:
    """A negated report governs the claim from outside it ("The company denied that ...",
    "did not say that ...")."""
    att = claim.attribution
    return att is not None and att.negated and not claim.start <= att.start < claim.end


def polarity(claim, lexicon) -> int:
    """1 when the clause says that something is not so, else 0: its negation cues counted
    (two cancel: "did not fail to"), plus a denial that governs it from outside ("denied
    that ..."), or an opening "Nor" the claim's text leaves out."""
    cues = _cues(claim, lexicon)
    # negated by a word the claim's text leaves out (an opening "Nor did the report find")
    opening = int(bool(claim.negated and not cues))
    return (len(cues) + int(denied_from_outside(claim)) + opening) % 2


def verb_polarity(claim, lexicon) -> int:
    """1 when the claim's verb is negated: the negation cues among the six words before it
    ("did *not* approve", "has *yet to* decide", "It has *not*, the authority said,
    opened", "*declined* to rule out"; two cancel), or a denial governing the claim."""
    denied = int(denied_from_outside(claim))
    w = next((x for x in claim.words if x[3] == claim.predicate), None)
    at = w[0] - claim.start if w is not None else _light_verb_at(claim)
    if at is None:  # a verb the words leave out ("is", "has"); "has no offers" is negated
        return (int(claim.negated or _no_object(claim)) + denied) % 2
    toks = TOKEN.findall(claim.text.lower().replace("\u2019", "'"))
    upto = len(TOKEN.findall(claim.text[:at].lower().replace("\u2019", "'")))
    # Before the verb, or as the determiner of its object ("found *no* trace").
    cues = _cues(claim, lexicon)
    n = denied + sum(1 for i in cues if upto - 8 <= i < upto
                     or (upto < i <= upto + 2 and toks[i] in OBJECT_NEGATORS))
    if claim.negated and not cues:
        n += 1  # negated by a word the claim's text leaves out (an opening "Nor")
    return n % 2


def _no_object(claim) -> bool:
    """A form of "have" whose object opens with "no" ("has had no refunds", "had nothing to
    add"): as negated as "had not had any refunds". Not "no more", "no longer", "no less"."""
    toks = TOKEN.findall(claim.object.lower())
    return (claim.predicate == "have" and bool(toks) and toks[0] in OBJECT_NEGATORS
            and toks[1:2] not in (["more"], ["longer"], ["less"], ["fewer"]))


def _light_verb_at(claim):
    """Where the claim's verb stands when its content words leave it out ("has yet to
    *make* a decision", "did not *take* part"), by its text; None for a form of "be" or
    "have", whose negation the claim's own flag holds."""
    at = verb_at(claim) if claim.predicate not in ("be", "have") else -1
    return at if at >= 0 else None


def _cues(claim, lexicon) -> list:
    """The negation cues of a claim, by position: words of the negations lexicon as written
    or by their lemma ("denied"), phrases ("yet to"), not their look-alikes ("not only");
    "nor" after another negation and "not" of "not yet" count once with it. Found once per
    claim (a source claim is asked again by every derived text checked against it)."""
    return memo_on(claim, f"_neg_cues_{id(lexicon)}", lambda: _find_cues(claim, lexicon))


def cue_words(claim, lexicon) -> Counter:
    """The claim's negation cues as written, counted ("cannot": 1, "refused": 1)."""
    toks = TOKEN.findall(claim.text.lower().replace("’", "'"))
    return Counter(toks[i] for i in _cues(claim, lexicon))


def _find_cues(claim, lexicon) -> list:
    low = claim.text.lower().replace("’", "'")
    toks = TOKEN.findall(low)
    lemmas = {w[2].lower(): w[3] for w in claim.words}
    out = []
    skip = 0
    # The tables once per claim, and the generators only for words that start an entry:
    # every word of every claim passes here.
    lookalikes = _starting(lexicon, "negation_lookalikes")
    negations = _starting(lexicon, "negations")
    negation_words = lexicon.words.get("negations", {})
    # "were not told until January": when it happened ("were only told in January")
    dating = {m.start(1) for m in _NOT_UNTIL.finditer(low)}
    starts = [m.start() for m in TOKEN.finditer(low)] if dating else []
    for i, t in enumerate(toks):
        if skip:
            skip -= 1
            continue
        if dating and starts[i] in dating:
            continue
        looks = lookalikes.get(t)
        if looks and any(tuple(toks[i:i + len(p)]) == p for p in looks):
            skip = 1
            continue
        if t in COMPARATIVE_BOUND[0] and toks[i + 2:i + 3] == [COMPARATIVE_BOUND[1]]:
            skip = 2
            continue
        starting = negations.get(t)
        phrase = next((p for p in starting if tuple(toks[i:i + len(p)]) == p),
                      None) if starting else None
        if phrase is not None:
            out.append(i)
            skip = len(phrase) - 1
            continue
        if not (t in negation_words or lemmas.get(t, "") in negation_words):
            continue
        if t == "nor" and out:
            continue  # "neither ... nor", "not ... nor": one negation
        out.append(i)
    return out


def negated_keys(claim) -> set:
    """Keys of every word the claim negates on its own, the act a refusal governs included
    ("ruled out finding": find), for matching against a verb's key."""
    return {key(w) for w in claim.negated_words}


def negated_lemmas(claim) -> set:
    """The claim's negated words, names and figures left out ("in March, not October" is a
    contrast, not a negation); a claim negated as a whole ("Neither A nor B would comment")
    negates its predicate."""
    names = {w[3] for w in claim.words if w[4] in ("PROPN", "NUM")}
    out = set(claim.negated_words) - names
    if claim.negated:
        out.add(claim.predicate)
    return out


def unprefixed(lexicon, word: str, shortest: int = 3) -> list[str]:
    """The word without a negative prefix ("safe" of "unsafe", "aware" of "unaware": the
    ``negative_prefixes`` lexicon), the rest at least ``shortest`` letters; none for a word
    the ``prefix_lookalikes`` lexicon lists ("invaluable")."""
    if word in lexicon.words.get("prefix_lookalikes", {}):
        return []
    return [word[len(p):] for p in lexicon.words.get("negative_prefixes", {})
            if word.startswith(p) and len(word) - len(p) >= shortest]


_NEGATED_CONDITION = re.compile(r"\bunless\b|\bif\b[^,;:]*?(?:\bnot\b|n't\b|\bcannot\b|"
                                r"\bfails?\s+to\b|\bno\b)", re.I)


def negated_condition(claim) -> bool:
    """The claim holds a condition said negatively ("unless it can close the shortfall", "if
    it cannot fill the shortfall"): two such claims state one condition, whichever word
    they negate."""
    return _NEGATED_CONDITION.search(claim.text) is not None


# A condition a claim's act is held to: "on condition that", "provided that", "as long as".
_CONDITION = re.compile(r"\b(?:on\s+(?:the\s+)?conditions?\s+that|provided|providing|"
                        r"as\s+long\s+as|so\s+long\s+as)\b", re.I)


def condition_keys(claim) -> frozenset:
    """Keys of the words of the condition the claim sets on its act ("as long as it does
    not serve alcohol after midnight": serve, alcohol, midnight), or none."""
    m = _CONDITION.search(claim.text)
    return frozenset(text_keys(claim.text[m.end():])) if m else frozenset()


def negation_only_in_condition(claim) -> bool:
    """The claim's verb is not negated and every word it negates stands in a condition set
    on its act ("freed her on bail provided she does not visit the site"): the act
    itself is stated plainly."""
    if claim.negated or not claim.negated_words or (
            claim.attribution is not None and claim.attribution.negated):
        return False
    m = _CONDITION.search(claim.text)
    if m is None:
        return False
    at = claim.start + m.start()
    negated = [w for w in claim.words if w.lemma in claim.negated_words
               or w.text.lower() in claim.negated_words]
    return bool(negated) and all(w.start > at for w in negated)


def has_negation(claim, lexicon) -> bool:
    """A negation anywhere in the claim, by the parse or a word of the negations lexicon
    ("without", "failed", "denied"), or a degree too far for an act ("too short to judge":
    it cannot judge)."""
    denied = claim.attribution is not None and claim.attribution.negated
    return bool(claim.negated or claim.negated_words or denied or _cues(claim, lexicon)
                or _TOO_TO.search(claim.text))


# "too short to judge", "too early to say", "too costly for the council to repair"
_TOO_TO = re.compile(r"\btoo\s+[a-z]+(?:\s+(?:for|of)\s+[\w' ]{1,40}?)?\s+to\s+"
                     r"(?!(?:the|a|an|his|her|its|their|this|that|these|those|our|my|your)\b)"
                     r"[a-z]+", re.I)  # not "too close to the school": a place, not an act


def refuses(claim, lexicon) -> bool:
    """The claim declines or refuses something ("declined to comment on the footage"): a
    verb of the negations lexicon ("decline", "refuse", "withhold")."""
    return any(lexicon.has("negations", w[3]) and w[4] == "VERB" for w in claim.words)


def reported(claim, word, lexicon) -> bool:
    """True when the negated word sits in what a claim noun reports ("complaints that they
    were *not consulted*"): the negation is the complainant's, not the text's. Not when the
    noun is the subject the negation is said of ("that estimate was *not included*", "the
    report did *not mention*": a form of "be" or an auxiliary after it, not then "that")."""
    before = TOKEN.findall(claim.text[:word[0] - claim.start].lower())[-6:]
    def subject(i: int) -> bool:  # the noun opens the verb's own clause: "that estimate was
        # not", "the report did not"; not "the complaint is that they were not"
        nxt = before[i + 1:i + 3]
        return bool(nxt) and nxt[1:2] != ["that"] and any(
            lexicon.has(role, nxt[0]) for role in ("be_forms", "auxiliaries"))

    return any((lexicon.has("answer_objects", t) or lexicon.has("answer_objects", t.rstrip("s")))
               and not subject(i) for i, t in enumerate(before))


def negated_before(claim, lemma: str, lexicon) -> bool:
    """A negation cue among the three words before the word ("has *no* intention"), with no
    verb between them: in "has not ruled out trying" the "not" is the ruling out's; nor a
    break of the clause (a comma, colon, semicolon, dash or quotation mark): in '"simply not
    true", promising that ...' the "not" is the quoted words'."""
    w = next((x for x in claim.words if x[3] == lemma), None)
    if w is None:
        return False
    before = list(TOKEN.finditer(claim.text[:w[0] - claim.start].lower()))[-3:]
    cue = next((m for m in reversed(before) if lexicon.has("negations", m.group())), None)
    if cue is None:
        return False
    at = claim.start + cue.end()
    if re.search(r"[,;:\"“”—–]", claim.text[cue.end():w[0] - claim.start]):
        return False
    return not any(at <= x[0] < w[0] and x[4] == "VERB" for x in claim.words)


def intended_acts(claim, lexicon) -> dict:
    """{intention lemma: lemma of the verb it governs}, the act read as the verb that
    follows it ("intends to *cut*", "no intention of *cutting*", "plans to *hire*"). Found
    once per claim: a source claim is asked again by every derived claim aligned with it."""
    return memo_on(claim, f"_intended_acts_{id(lexicon)}",
                   lambda: _find_intended_acts(claim, lexicon))


def _find_intended_acts(claim, lexicon) -> dict:
    out = {}
    words = claim.words
    for i, w in enumerate(words):
        if not (lexicon.has("attempts", w[3]) or _intention_noun(w, lexicon)):
            continue
        nxt = next((x for x in words[i + 1:i + 3] if x[4] == "VERB"), None)
        if nxt is not None and _ACT_APART.search(claim.text[w[1] - claim.start:
                                                             nxt[0] - claim.start]):
            continue  # "would not pledge to do that before the auditors had reported": the
            # act is what "do that" stands for, the verb after "before" another clause's
        if nxt is not None:
            out[w[3]] = nxt[3]
            continue
        noun = _planned_noun(claim, w, words[i + 1:], lexicon)
        if noun is not None:
            out[w[3]] = noun
    return out


# between an intention and a verb: a pro-verb or a clause of its own ("pledge to do that before
# the auditors report": clause_subordinators.txt, condition_marks.txt), so the verb is not
# the act intended
_ACT_APART = re.compile(r"\bdo(?:ing)?\s+(?:so|it|that)\b|\b(?:%s)\b|;" % "|".join(
    sorted(shipped("clause_subordinators") | shipped("condition_marks"))), re.I)


def _planned_noun(claim, intention, rest, lexicon):
    """The head noun of the thing planned when no verb follows the intention ("no plans for
    a sprinkler *ban*", "is planning a fare *freeze*"): the last noun of the run of nouns and
    adjectives right after it, with nothing but "for" and an article between; None
    otherwise."""
    run = []
    for w in rest:
        gap = TOKEN.findall(claim.text[(run[-1][1] if run else intention[1]) - claim.start:
                                       w[0] - claim.start].lower())
        if w[4] not in ("NOUN", "PROPN", "ADJ") or len(gap) > (0 if run else 2) or (
                gap and gap[0] != "for" and not lexicon.has("articles", gap[0])):
            break
        run.append(w)
    nouns = [w for w in run if w[4] == "NOUN"]
    return nouns[-1][3] if nouns and nouns[-1] is run[-1] else None


def _intention_noun(word, lexicon) -> bool:
    """A noun naming an intention ("intention", "plans")."""
    return word[4] == "NOUN" and lexicon.has("intention_nouns", word[3])


class Order(NamedTuple):
    """An order connective of a claim ("prior to the vote"): its span, "earlier" or
    "later", and the lemmas of the nouns that follow it (the event it is ordered against)."""

    start: int
    end: int
    direction: str
    anchor: frozenset


def orders(claim, lexicon) -> list[Order]:
    """The order connectives of a claim, each with the event it is ordered against (found
    once per claim)."""
    return memo_on(claim, f"_orders_{id(lexicon)}", lambda: _find_orders(claim, lexicon))


def _find_orders(claim, lexicon) -> list[Order]:
    low = claim.text.lower()
    out = []
    firsts = memo_on(lexicon, "_order_firsts", lambda: frozenset(
        _starting(lexicon, "order_earlier")) | frozenset(_starting(lexicon, "order_later")))
    for m in TOKEN.finditer(low):
        if m.group() not in firsts:
            continue
        toks = TOKEN.findall(low[m.start():m.start() + 40])
        hit = next(((d, n) for n in (4, 3, 2, 1) for d in ("earlier", "later")
                    if _listed(lexicon, f"order_{d}", toks[:n])), None)
        if hit is None:
            continue
        direction, n = hit
        words = toks[:n]
        if out and m.start() < out[-1].end - claim.start:
            continue  # inside a phrase already read ("prior to")
        end = m.start() + len(" ".join(words))
        # the event's nouns, and its verb ("after it reopens") unless it is the claim's own
        # ("B voted after A voted" is "A voted before B voted")
        # ("before tea on the second day" and "after the match ended inside two days"
        # share only a unit of time, which names no event)
        anchor = frozenset(w[3] for w in claim.words if w[0] >= claim.start + end
                           and w[0] <= claim.start + end + 40 and not duration_unit(w[3])
                           and (w[4] in ("NOUN", "PROPN")
                                or (w[4] == "VERB" and w[3] != claim.predicate)))
        if anchor:
            out.append(Order(claim.start + m.start(), claim.start + end, direction, anchor))
    return out


def _starting(lexicon, role: str) -> dict:
    """The entries of a lexicon role (words and phrases, as word tuples) by their first
    word, built once per lexicon."""
    def build() -> dict:
        out: dict = {}
        for entry in lexicon.words.get(role, {}):
            out.setdefault(entry.split()[0], []).append(tuple(entry.split()))
        for phrase in lexicon.phrases.get(role, ()):
            out.setdefault(phrase[0], []).append(tuple(phrase))
        return out

    return memo_on(lexicon, f"_starting_{role}", build)


def _listed(lexicon, role: str, words: list) -> bool:
    if len(words) == 1:
        return lexicon.has(role, words[0])
    return tuple(words) in lexicon.phrases.get(role, ())
