"""Whether two claims of opposite polarity speak of one thing, and whether a denial told
otherwise is one: the tests DG601 (rules/negation_flipped.py) puts to a pair before it calls
a flip. Two counted sets are two things ("1,150 farms are affected", "the 90 farms on the
organic contract are not"); a verb and its WordNet synonym are one verb; a denial told as
an admission is one claim; a prefixed adjective says "not" ("unhurt").
"""

from __future__ import annotations

import re

from checker.align import claim_keys, key, text_keys
from checker.claim_reading import verb_at
from checker.same_source import same_source
from checker.lexicon import shipped
from checker.source_phrase import has_name

_PRONOUNS = shipped("pronouns_subject")
from checker.figure_match import same_value
from checker.names import norm_name
from checker.polarity import (denied_from_outside, has_negation, intended_acts, negated_before,
                              negated_lemmas, unprefixed, verb_polarity)
from checker.word_diff import shared_words, tokens


def be_forms(lexicon) -> frozenset:
    """"be" and its forms as written (the be_forms lexicon)."""
    return frozenset({"be", *lexicon.words.get("be_forms", {})})


def synonym_verbs(ctx, dc, sc) -> bool:
    """The two claims' verbs are WordNet synonyms in their commonest senses ("does not
    need" and "requires"; where one is a light verb, light_verbs.txt, in the commonest
    senses of both) and the claims share two words besides."""
    wn = ctx.wordnet
    if not wn.available or not dc.predicate or not sc.predicate or \
            dc.predicate in be_forms(ctx.lexicon) or sc.predicate in be_forms(ctx.lexicon):
        return False
    if dc.predicate not in wn.synonyms(sc.predicate, "verb", 2):
        return False
    light = ctx.lexicon.has("light_verbs", dc.predicate) or ctx.lexicon.has("light_verbs",
                                                                           sc.predicate)
    if light and sc.predicate not in wn.synonyms(dc.predicate, "verb", 2):
        return False  # a light verb in a rare sense: "have" is "accept" only there
    rest = claim_keys(dc) & claim_keys(sc) - {key(dc.predicate), key(sc.predicate)}
    return len(rest) >= 2


NARROWER_SENSES = 3  # the senses of a verb read for what it is a kind of


def narrower_verb(ctx, dc, sc) -> bool:
    """One claim's verb is a kind of the other's, two WordNet levels up at most ("rise" and
    "increase" are kinds of "change"), and the two claims speak of one described subject:
    "Fares for children will not change" and "Fares for children will rise"."""
    wn = ctx.wordnet
    a, b = dc.predicate, sc.predicate
    if not wn.available or not a or not b or a == b or a in be_forms(ctx.lexicon) \
            or b in be_forms(ctx.lexicon) or not same_subject(dc, sc):
        return False
    # the commonest three senses: "rise" is a kind of "change" in its third, "stay" and
    # "hold" only in rare ones ("stay the same" is no kind of change)
    if not (a in wn.broader(b, "verb", 2, NARROWER_SENSES)
            or b in wn.broader(a, "verb", 2, NARROWER_SENSES)):
        return False
    # the affirmative side must say it plainly: no negation cue ("made no commitment" for
    # "has not committed"), no verb that denies by itself ("is contradicted by" for "is not
    # supported by": negative_verbs.txt, privative_verbs.txt), no word that is the other
    # verb with a negative prefix ("left its outlook unchanged" for "did not change it")
    lex = ctx.lexicon
    pos, neg = (sc, dc) if verb_polarity(dc, lex) else (dc, sc)
    if has_negation(pos, lex) or any(lex.has(role, pos.predicate) for role in (
            "negative_verbs", "privative_verbs", "attribution_verbs", "factive",
            "finding_verbs", "judging_verbs")):
        return False  # nor a verb of saying or finding ("confirmed" is no kind of change)
    return not any(key(u) == key(neg.predicate) for w in pos.words
                   for u in unprefixed(lex, w.text.lower()))


def affirmed_by_speaker(ctx, dc) -> bool:
    """A source claim of the derived claim's speaker affirms what it says ("The regulator
    confirmed that its drivers had broken the rules" beside the firm's denial)."""
    att = dc.attribution
    return att is not None and any(
        sc.attribution is not None and not denied_from_outside(sc) and not sc.negated
        and same_party(att.source, sc.attribution.source) and same_matter(dc, sc, least=3)
        for sc in ctx.aligned(dc))


def other_counts(dc, sc) -> bool:
    """Both claims count what they speak of, and no count is the same: they speak of two
    sets ("Roughly 1,150 farms are affected" beside "the 90 farms on the organic contract
    are not affected")."""
    mine = [q for q in dc.quantities if q.kind == "number"]
    theirs = [q for q in sc.quantities if q.kind == "number"]
    return bool(mine and theirs) and not any(same_value(a, b) for a in mine for b in theirs)


def admitted(dc, sc, lexicon) -> bool:
    """A claim the source's party denies ("The company denied that it had misled
    investors") told as an admission ("acknowledged that it had", admission_verbs.txt) or
    as the same party's own report ("The company said it had misled investors"), in the
    source claim's words (most of the shorter claim's words, in order), the clause negated
    on both sides or on neither; not by nobody ("no one had told them") and not where the
    source's denial is itself denied ("did not deny that")."""
    att, satt = dc.attribution, sc.attribution
    if not denied_from_outside(sc) or att is None or att.negated or dc.negated != sc.negated:
        return False  # (a clause negated on both sides is one clause: "admitted that the
        # gate was never locked" for "denied that the gate was never locked")
    verb = (satt.cue.split() or [""])[0].lower()
    if re.search(rf"(?:\bnot|n't|\bnever)\s+{re.escape(verb)}\b", sc.sentence.lower()):
        return False  # "did not deny that": two negations
    first = (att.source.split() or [""])[0].lower()
    if lexicon.has("negations", first):
        return False
    if not same_matter(dc, sc, least=3):
        return False
    return lexicon.has("admission_verbs", att.lemma) or same_party(att.source, satt.source)


def denial_added(dc, sc, lexicon) -> bool:
    """The reverse of ``admitted``: a claim the source's party reports or concedes ("The
    mill does not dispute that the driver phoned in", "the mill said he had phoned in") told as
    that party's denial ("The mill disputes that he phoned in"), in the source claim's
    words; not where either claim negates itself."""
    att, satt = dc.attribution, sc.attribution
    if not denied_from_outside(dc) or satt is None or satt.negated or dc.negated \
            or sc.negated or not satt.source or dc.quotes \
            or "that" not in att.cue.lower().split():
        return False  # a denial of a clause ("disputes that X"), not words quoted after a
        # denial ("denied it, saying: ...")
    if lexicon.has("negations", (att.source.split() or [""])[0].lower()):
        return False  # "no one disputes that": nobody's denial
    return same_matter(dc, sc, least=3) and same_party(att.source, satt.source)


# Share of the shorter claim's words that an admission must keep, in order, to tell the
# denied claim (not another claim of the same speaker).
SAME_WORDS = 0.6


def same_party(a: str, b: str) -> bool:
    """The same speaker by name or by the same head word ("The company", "the company")."""
    x, y = norm_name(a), norm_name(b)
    return bool(x and y) and (x in y or y in x or x.split()[-1] == y.split()[-1])


def prefixed_negative(ctx, claim, negated) -> bool:
    """The claim says with a prefix what the derived claim negates ("led out unhurt" for
    "without injury"): an adjective whose rest, without a negative prefix, is one of the
    negated words or a WordNet synonym of one ("hurt", "injury"; a participle by its verb,
    "unharmed" for "had not harmed"), or a likelihood where the derived claim negates an
    expectation ("unlikely" for "not expected"); "an unlicensed taxi" says nothing of a
    journey "never" made."""
    wn = ctx.wordnet
    for w in claim.words:
        lemma = w.lemma.lower()
        if w.pos != "ADJ" and not (w.pos == "NOUN" and wn.knows(lemma, "adj")
                                   and not wn.knows(lemma, "noun")):
            continue  # an adjective, or one the tagger took for a noun ("unhurt")
        for base in unprefixed(ctx.lexicon, lemma):
            # a participle's verb as well ("unaffected" for "had not affected")
            stems = {base} | {base[:-n] for n in (2, 1)
                              if base.endswith("ed") and wn.knows(base[:-n], "verb")}
            near = stems | {s for b in stems for pos in ("noun", "verb", "adj")
                            for s in wn.synonyms(b, pos)}
            if near & set(negated) or _expectation(ctx.lexicon, base) and any(
                    _expectation(ctx.lexicon, n) for n in negated):
                return True  # "unlikely" for "not expected"
    return False


def _expectation(lex, word: str) -> bool:
    """A word of likelihood or expectation ("likely", "probable", "expect": hedges.txt,
    attempts.txt)."""
    return lex.has("hedges", word) or lex.has("attempts", word)


def said_in_full(dc, sc) -> bool:
    """A short source claim whose every content word the derived claim has, credited to
    the same named speaker ("He said the company would not appeal" -> "he said it intends
    to appeal the penalty"): too short for ``shares_core``, but the same statement."""
    da, sa = dc.attribution, sc.attribution
    keys = claim_keys(sc)
    return (bool(keys) and keys <= claim_keys(dc) and da is not None and sa is not None
            and bool(da.source) and bool(sa.source) and same_source(da.source, sa.source))


def one_speaker(subject: str, sc) -> bool:
    """The derived subject is the source claim's speaker or subject (one party)."""
    theirs = [sc.subject] + ([sc.attribution.source] if sc.attribution is not None else [])
    return any(t and subject and same_source(subject, t) for t in theirs)


def _named(attr) -> bool:
    """The text writes the speaker's name itself, not a pronoun or a description."""
    said = (attr.surface or attr.source).strip()
    return has_name(said) and said.split()[0].lower() not in _PRONOUNS


def another_account(dc, sc, claims) -> bool:
    """The derived claim gives one named speaker's account and the source claim another
    named speaker's, and the sources give the derived speaker a claim of the derived
    claim's polarity on its matter (a word of it): "the mayor said an offer had been made"
    for "the firm denied making any offer", where the mayor says "the offer is being
    studied": a second side of a dispute, not the source claim turned
    round."""
    a, b = dc.attribution, sc.attribution
    if a is None or b is None or not _named(a) or not _named(b) \
            or same_source(a.source, b.source):
        return False  # (both texts name their speakers: not "the company" or "it" read as one)
    mine = claim_keys(dc) - {key(dc.predicate)}
    return any(c.attribution is not None and same_source(a.source, c.attribution.source)
               and c.negated == dc.negated and mine & claim_keys(c) for c in claims)


def same_matter(dc, sc, least: int = 4) -> bool:
    """Most of the shorter claim's words (``SAME_WORDS``, and ``least`` at the fewest) are
    the other's, in order: the same matter, not another claim of the same speaker."""
    shorter = min(len(tokens(dc)), len(tokens(sc)))
    return shared_words(dc, sc) >= max(least, SAME_WORDS * shorter)


def copula_negated(claim, lexicon) -> bool:
    """The claim's "be" is itself negated: "was not", "isn't", "is never" (not "has not
    been", which a relative clause has as often: "a draft that has not been reviewed")."""
    forms = "|".join(re.escape(f) for f in sorted(be_forms(lexicon)))
    negators = "|".join(re.escape(w) for w in sorted(lexicon.words.get("adverb_negators", {})))
    return re.search(rf"\b(?:{forms})\s*(?:{negators})\b",
                     claim.text.lower().replace("’", "'")) is not None


def refused_act(neg, pos, lex):
    """The act ``neg`` negates an intention of ("no intention of *cutting*") that ``pos``
    states without a negation ("intends to *cut*", "will *cut*"), or None."""
    pos_verbs = {w[3] for w in pos.words if w[4] == "VERB"}
    pos_neg = negated_lemmas(pos)
    # an act named by a noun counts only as the object of a plan ("is planning a ban")
    planned = {a for p, a in intended_acts(pos, lex).items()
               if p not in pos_neg and not negated_before(pos, p, lex)}
    for plan, act in intended_acts(neg, lex).items():
        if not (plan in negated_lemmas(neg) or negated_before(neg, plan, lex)):
            continue
        if (act not in pos_verbs and act not in planned) or act in pos_neg:
            continue
        if act not in planned and _asked_of(pos, act, lex):
            continue  # "a petition calls for the council to reopen it": another's demand
        if any(p in pos_neg or negated_before(pos, p, lex)
               for p, a in intended_acts(pos, lex).items() if a == act):
            continue
        if _unlikely(pos, act, lex):
            continue  # "is not expected to succeed" for "is unlikely to succeed"
        if _under_negated_verb(pos, act, lex):
            continue  # "has not been offered a chance to buy it" for "has no intention of
            # buying it"
        return act
    return None


def _under_negated_verb(claim, act: str, lex) -> bool:
    """The act follows the claim's own verb, which is negated ("has not been offered a
    chance to *buy* it", "did not vote to *close* it"): the claim does not state the act, so it
    does not flip a plan the other side denies. Not a verb that is itself negative, whose
    negation affirms ("has not ruled out *cutting*": negative_verbs.txt), nor an act the
    claim names as a plan ("has not shelved its plans to *close* it"). Known false negative:
    a negated verb of giving up that no list holds ("has not walked away from closing it")."""
    if not claim.negated or lex.has("negative_verbs", claim.predicate) \
            or act in intended_acts(claim, lex).values():
        return False  # (not "has not shelved its plans to close it": a plan, still held)
    verb = verb_at(claim)
    at = next((w.start - claim.start for w in claim.words
               if w.lemma == act and w.pos == "VERB"), None)
    return verb >= 0 and at is not None and verb < at


def _asked_of(claim, act: str, lex) -> bool:
    """The claim tells the act as what someone asks of a party, an asking verb before it
    ("a petition calls for the council to *reopen* the baths", "residents urged it to
    *keep* the library": asking_verbs.txt), not as anyone's intention. Known false negative:
    a sentence that also states the party's own plan to do it after the demand."""
    at = next((w.start for w in claim.words if w.lemma == act), None)
    if at is None:
        return False
    # the act asked for, after "to" or "that" ("urges it to quickly reopen", "calls for the
    # baths to be reopened", "demands that it reopen"): not a deed done after pressure
    # ("Pressed by residents, the council reopened the baths")
    return any(w.start < at and w.pos == "VERB" and lex.has("asking_verbs", w.lemma)
               and re.search(r"\b(?:to|that)\b", claim.text[w.end - claim.start:at - claim.start])
               for w in claim.words)


def _unlikely(claim, act: str, lex) -> bool:
    """The claim puts a negated likelihood before the act: a word with a negative prefix
    whose stem is a hedge or an expectation ("unlikely", "improbable":
    negative_prefixes.txt, hedges.txt, attempts.txt)."""
    at = next((w.start for w in claim.words if w.lemma == act), None)
    return at is not None and any(
        w.start < at and any(_expectation(lex, stem) for stem in unprefixed(lex, w.text.lower()))
        for w in claim.words)


def same_subject(dc, sc) -> bool:
    """Two claims speak of one described thing: their subjects share at least two words and
    nearly all of the shorter one's ("the school's last structural survey, in 2019" both
    times), whatever their verbs."""
    mine, theirs = text_keys(dc.subject), text_keys(sc.subject)
    shared = mine & theirs
    return len(shared) >= 2 and len(shared) >= 0.8 * min(len(mine), len(theirs))
