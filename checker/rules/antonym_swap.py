"""DG602 antonym-swap: a word replaced by its opposite ("rose" for "fell").

What it flags:
    A derived claim with a verb, adjective or adverb whose antonym (from the ``antonyms``
    lexicon, or WordNet's direct antonyms when its files are installed) stands in the
    aligned source claim, while the derived word itself does not; for adjectives also the
    form a negative prefix makes ("unsafe" for "safe", the ``negative_prefixes`` lexicon).
    Two nouns count unless one means another thing than its verb ("a contract":
    noun_homographs.txt). Silent when the source negates its word ("not a simple story" for
    "a complicated story") or itself uses the derived adjective beside the same neighbours
    elsewhere ("a complicated access problem"), or when an aligned source passage says the
    derived word itself beside as many of its neighbours as the opposite stands beside ("an
    audit due to finish by the end of March" beside "has begun an audit"), or, for the two
    sides of one exchange ("bought" and "sold": exchange_verbs.txt), the derived verb ("the
    museum bought the portrait"), or names the other party as the source's subject ("sold
    to her by the gallery" for "Kral, who bought it"). A word that takes a "to" infinitive
    is compared only with one that takes one too: "declined to shut the road" refuses, and
    is no opposite of "the climb". The two words must share a neighbour within their own
    clauses (no comma between): "handed the contract to Harlow Coaches, ending a deal" and
    "Harlow Coaches, which will start" are no reversal.
Why it matters:
    Swapping a word for its opposite reverses the claim as surely as a "not".
Known false positives:
    Both words used in different parts of a fused sentence ("rose in May, fell in June"),
    unless the source claim also holds a synonym of the derived word;
    antonym pairs that are not opposites in context ("close" a deal vs "open" a store), but
    for WordNet's pairs that tell one move from either end ("came home", "went home":
    antonym_lookalikes.txt); a
    stance the source reports changing ("criticised the plan in January ... welcomed it in
    March" against "welcomed the plan in March");
    prefixed adjectives that are no opposites yet share no WordNet sense, beyond those the
    ``prefix_lookalikes`` lexicon lists ("invaluable", "infamous").
Known misses:
    A swap the source also states of the same thing at another time, in the passage or another
    aligned one ("rose in May" where the source says profits "rose in 2023 and fell in
    May"); the other side of an exchange
    given to the wrong party ("the dealer bought it" where the museum did), left to the
    actor rules.
Examples:
    Source: Shares in the company fell sharply on Monday.
    Flag: Shares in the company rose sharply on Monday.
    Okay: Shares in the company dropped sharply on Monday.
"""

from __future__ import annotations

import re

from checker.align import claim_keys, key, text_keys
from checker.figure_match import same_value
from checker.numbers import is_number_word
from checker.polarity import unprefixed
from checker.records import memo_on
from checker.rules.base import Rule, evidence_of, make, negated_in
from checker.wordnet import POS_FILE

WN_TAGS = {"VERB", "ADJ", "ADV"}  # the tags whose WordNet antonyms are compared


def _wn_pos(tag: str):
    return POS_FILE.get(tag) if tag in WN_TAGS else None

CODE, NAME, KIND, SEVERITY = "DG602", "antonym-swap", "negation-flipped", "error"


def check(ctx):
    """Yield a finding for each derived word whose opposite is in the aligned source claim."""
    lex = ctx.lexicon
    wn = ctx.wordnet

    def same_direction(lem, pos, other, other_pos):
        """A source word saying what the derived word says: a synonym ("reduce", "cut")
        or, by WordNet, a word sharing a sense with it ("reduce" and "fall" both mean
        "decrease")."""
        p, q = _wn_pos(pos), _wn_pos(other_pos)
        if p is None or q is None or lex.are_antonyms(lem, other):
            return False
        mine = wn.synonyms(lem, p) | {lem}
        return other in mine or bool(mine & wn.synonyms(other, q))
    for dc in ctx.derived_claims:
        dkeys = claim_keys(dc)
        sup = [sc for sc in ctx.aligned(dc) if len(dkeys & claim_keys(sc)) >= 2]
        sup += [sc for sc in _told_within(ctx, dc, dkeys) if sc not in sup]
        if not sup:
            continue
        dlem = {w[3] for w in dc.words}
        done = False
        for s, e, text, lem, _pos in dc.words:
            listed, from_wn = _opposites(lex, wn, lem, text.lower(), _pos)
            if not listed and not from_wn:
                continue
            p = _wn_pos(_pos)
            itself = max((_shared_neighbours(dc.words, (s, e), other.words, w, 3, (dc, other))
                          for other in sup for w in other.words
                          if w[3] == lem and w[4] == _pos), default=0)
            for sc in sup:
                if any(lem in {w.lemma for w in other.words} for other in sup
                       if other.doc_id == sc.doc_id and other.sent_start == sc.sent_start):
                    continue  # the source sentence says the word itself ("entered through
                    # the door and left": two claims of one sentence)
                opp = next((w for w in sc.words if w[3] not in dlem and (
                    ((w[3] in listed or w[2].lower() in listed)
                     and _listed_applies(lex, lem, _pos, w))
                    or (w[3] in from_wn and _wn_pos(w[4]) == p))), None)
                if opp is None or _idiom(sc, opp) or _idiom(dc, (s, e)):
                    continue  # "took the bus for granted": no granting
                if _takes_infinitive(dc, e, lex) != _takes_infinitive(sc, opp[1], lex):
                    continue  # "declined to shut the road" refuses; "the climb" or "rose"
                    # is no refusal's opposite
                if any(same_direction(lem, _pos, w[3], w[4]) for w in sc.words if w is not opp):
                    continue  # the source says both ("fall ... and increase"): no reversal
                if not _same_neighbours(dc.words, (s, e), sc.words, opp, texts=(dc, sc)):
                    continue  # the opposite word is about something else in the source
                if itself >= _shared_neighbours(dc.words, (s, e), sc.words, opp, 3, (dc, sc)):
                    continue  # an aligned passage says the word itself beside as many of its
                    # neighbours ("an audit due to finish by the end of March" beside "has
                    # begun an audit"): copied from there, not turned round
                if negated_in(sc, opp, lex):
                    continue  # "not a simple story" says what "complicated" says
                if (_pos == "ADJ" and _source_says(ctx.index.claims, dc.words, (s, e), lem)) \
                        or (_exchange(lex, lem, opp[3]) and (
                            _same_deal(ctx, dc, lem, _pos)
                            or _other_side(lex, dc, e, sc, opp))):
                    continue  # the source itself calls it "a complicated problem", or says
                    # "bought" of the painting its other sentence says the dealer "sold"
                yield make(RULE, dc, start=s, end=e, text=text, confidence=0.7,
                           evidence=[evidence_of(sc, start=opp[0], end=opp[1])],
                           message=(f'Says "{text}" where the source says the opposite, '
                                    f'"{opp[2]}": "{sc.text[:70]}".'),
                           suggestion=f'Use "{opp[2]}" as the source does.')
                done = True
                break
            if done:
                break


# A short source claim: this many content words at most, its verb included.
SHORT_CLAIM = 5


def _told_within(ctx, dc, dkeys) -> list:
    """Short source claims whose verb is a listed opposite of the derived claim's own verb
    and whose two or more other words the derived claim all holds ("The club rejected the
    criticism" inside "The Brannock Rowing Club has accepted criticism from the harbour
    board over safety on the slipway ..."), one of them no word of the derived subject (not
    "Kelby Water denied that" against "Kelby Water admits a delay": what "that" is, the
    words do not say): the aligner matches the long sentence with longer passages, but the
    short claim tells what its verb is said of. Known false positive: a long derived claim
    that holds the same words in another relation ("accepted the club's criticism")."""
    out = []
    for sc in ctx.index.claims:
        if not ctx.lexicon.are_antonyms(dc.predicate, sc.predicate):
            continue
        rest = claim_keys(sc) - {key(sc.predicate)}
        if 2 <= len(rest) < SHORT_CLAIM and rest <= dkeys and rest - text_keys(dc.subject):
            out.append(sc)
    return out


def _listed_applies(lex, lem: str, tag: str, other) -> bool:
    """A listed pair holds of two nouns ("a profit", "a loss") unless one of them is a noun
    that means another thing than its verb ("a contract" is an agreement, no shrinking:
    noun_homographs.txt)."""
    if tag not in ("NOUN", "PROPN") or other[4] not in ("NOUN", "PROPN"):
        return True
    return not (lex.has("noun_homographs", lem) or lex.has("noun_homographs", other[3]))


def _opposites(lex, wn, lem: str, written: str, tag: str) -> tuple[frozenset, frozenset]:
    """The opposites of a derived word: those the lexicon lists for its lemma or the word as
    written (the tagger lemmatises "thriving" as an adjective and "struggling" as a verb,
    "struggle", and the lexicon lists both), and WordNet's antonyms, with an adjective's
    prefixed opposites. Kept per lexicon for the run: the same words recur in every text."""
    table = memo_on(lex, "_dg602_opposites", dict)
    got = table.get((wn, lem, written, tag))
    if got is None:
        listed = lex.antonyms_of(lem) | lex.antonyms_of(written)
        p = _wn_pos(tag)
        from_wn = wn.antonyms(lem, p) if p is not None else frozenset()
        from_wn = frozenset(w for w in from_wn if not _lookalike_pair(lex, lem, w))
        if tag == "ADJ":
            from_wn = from_wn | _prefixed_opposites(lex, wn, lem.lower())
        got = table[wn, lem, written, tag] = (listed, from_wn)
    return got


def _lookalike_pair(lex, a: str, b: str) -> bool:
    """WordNet's antonyms that tell one move from either end ("come", "go":
    antonym_lookalikes.txt)."""
    return lex.value("antonym_lookalikes", a) == b or lex.value("antonym_lookalikes", b) == a


def _prefixed_opposites(lex, wn, lem: str) -> frozenset:
    """Adjectives a negative prefix makes this one's opposite ("safe" for "unsafe", and
    "unsafe" for "safe"), both known to WordNet as adjectives and sharing none of their
    senses ("inflammable" and "flammable" share one: not opposites)."""
    lookalikes = lex.words.get("prefix_lookalikes", {})
    if not wn.available or lem in lookalikes:
        return frozenset()
    out = set(unprefixed(lex, lem)) | {prefix + lem for prefix in
                                       lex.words.get("negative_prefixes", {})}
    mine = set(wn.synsets(lem, "adj"))
    return frozenset(w for w in out if w not in lookalikes and wn.knows(w, "adj")
                     and not mine & set(wn.synsets(w, "adj")))


def _same_neighbours(dwords, dspan, swords, opp, reach: int = 2, texts=None) -> bool:
    """True when the derived word and the source's opposite word share a content word among
    their nearest neighbours ("profits *rose* sharply" / "profits *fell* sharply")."""
    return _shared_neighbours(dwords, dspan, swords, opp, reach, texts) > 0


def _shared_neighbours(dwords, dspan, swords, opp, reach: int = 2, texts=None) -> int:
    """How many content words the derived word and a source word share among their nearest
    neighbours (``reach`` words each side). With
    ``texts`` (the two claims), a neighbour counts only within the word's clause: no comma or
    semicolon between ("handed the contract to Harlow Coaches, ending a deal" and "Harlow
    Coaches, which is due to start serving" share no neighbour of "ending" and "start")."""
    def around(words, pick, claim):
        i = next((k for k, w in enumerate(words) if pick(w)), None)
        if i is None:
            return set()
        near = words[max(0, i - reach):i] + words[i + 1:i + 1 + reach]
        if claim is not None:
            near = [w for w in near if not _CLAUSE_BREAK.search(claim.text[
                min(w[1], words[i][1]) - claim.start:max(w[0], words[i][0]) - claim.start])]
        return {key(w[3]) for w in near}
    dclaim, sclaim = texts or (None, None)
    mine = around(dwords, lambda w: (w[0], w[1]) == dspan, dclaim)
    theirs = around(swords, lambda w: w is opp, sclaim)
    return len(mine & theirs)


_CLAUSE_BREAK = re.compile(r"[,;:]")


def _source_says(claims, dwords, dspan, lem, pos="ADJ") -> bool:
    """True when some source claim uses the derived word itself beside one of the same
    neighbours ("a complicated access problem" for "complicated China problem"). Verbs are
    left out but for exchanges (``_exchange``): a rise and a fall of the same thing happen
    at different times."""
    for sc in claims:
        for w in sc.words:
            if w[3] == lem and w[4] == pos and _same_neighbours(dwords, dspan, sc.words, w,
                                                                reach=3):
                return True
    return False


def _same_deal(ctx, dc, lem, pos) -> bool:
    """A source claim tells the derived claim's deal with the derived verb itself: it uses
    the verb beside the same neighbours and holds the derived claim's figures ("bought ...
    for 4.6 million euros"), or, with no figures, three of its content words; "the council
    bought the depot in 1990" does not tell "bought the depot from Arkel Homes for £3m"."""
    mine = claim_keys(dc)
    for sc in ctx.index.claims:
        if not any(w[3] == lem and w[4] == pos for w in sc.words):
            continue
        if dc.quantities:
            if all(any(same_value(q, sq) for sq in sc.quantities) for q in dc.quantities):
                return True
        elif len(mine & claim_keys(sc)) >= 3:
            return True
    return False


def _takes_infinitive(claim, end: int, lex=None) -> bool:
    """The word ending at ``end`` takes a "to" infinitive ("declined to comment", "agreed to
    pay", "set to go up"), the sense in which "decline" refuses rather than falls and "set"
    says what will happen rather than sinks."""
    m = re.match(r"\s+to\s+(\w+)", claim.text[end - claim.start:])
    if m is None:
        return False
    at = end + m.start(1)
    word = next((w for w in claim.words if w[0] == at), None)
    if word is None:  # a verb the claim's words leave out ("set to go"), not a function
        # word, a preposition or a figure ("fell to its lowest", "fell to below two
        # metres", "fell to 40p", "sent to them")
        after = m.group(1).lower()
        figure = re.match(r"\s*\S+\s+(\S+)", claim.text[at - claim.start + len(after):])
        return lex is not None and after.isalpha() and not is_number_word(after) \
            and not (figure and (figure.group(1)[:1].isdigit() or is_number_word(
                figure.group(1).lower().strip(".,")))) \
            and not any(lex.has(role, after) for role in (
                "function_words", "determiners", "pronouns_referring", "prepositions"))
    return word[4] in ("VERB", "AUX")


def _idiom(claim, word) -> bool:
    """A participle after "for" ("take it for granted"): an idiom, not the verb."""
    before = claim.text[:word[0] - claim.start].rstrip().lower()
    return before.endswith(" for") or before == "for"


def _exchange(lex, a: str, b: str) -> bool:
    """The two verbs tell one exchange from its two sides ("buy", "sell"):
    exchange_verbs.txt."""
    pairs = memo_on(lex, "_dg602_exchanges", lambda: frozenset(
        frozenset((k, v)) for k, v in lex.words["exchange_verbs"].items() if v))
    return frozenset((a, b)) in pairs


def _other_side(lex, dc, end: int, sc, opp) -> bool:
    """The derived exchange verb names its other party in a "to", "from" or "by" phrase, and
    that party is a pronoun or stands before the source's verb, as its subject ("sold to her by
    the gallery" for "Kral, who bought it"; "borrowed him from the club" for "The club lent
    him"): the same deal told from the other side. A party the source puts after its verb
    ("sold it to the dealer" for "bought it from the dealer") keeps the flip."""
    m = re.match(r"\s*(?:[^,;.]{0,40}?\s)??(?:to|from|by)\s+([\w'&.-]+(?:\s+[\w'&.-]+){0,3})",
                 dc.text[end - dc.start:])
    if m is None:
        return False
    party = m.group(1).split()
    if lex.has("pronouns_person", party[0].lower()) and (
            len(party) == 1 or lex.has("prepositions", party[1].lower())
            or not lex.has("possessives", party[0].lower())):
        return True  # "sold to him by ...", "to her in 2023"; not "to her neighbour"
    before = {key(w[3]) for w in sc.words if w[1] <= opp[0] and w[4] in ("PROPN", "NOUN")}
    return any(key(word) in before for word in party
               if not lex.has("determiners", word.lower()) and len(word) > 2)


RULE = Rule(CODE, NAME, KIND, SEVERITY, "word replaced by its opposite", check, __doc__)
