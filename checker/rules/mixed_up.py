"""DE408 mixed-up: a party or thing of the story put where the source has another.

What it flags:
    A derived claim that copies a source claim word for word (at least four words in order,
    and seven in ten of the words of either claim besides the phrase) but for one noun
    phrase, when that
    phrase is one the sources use for something else and nothing in them says the two are
    one. The phrases may be two whole names ("towed to Greyholm Island" for "towed to Port
    Alder"); a name and a description the sources give another party ("the adhesive
    supplier" for "Brindlewood"; "the museum's" for "Brightgate's" where the source calls
    another party the museum; a one-word description of a business for the name of a body
    that is none, or the other way round: "the Harrow Growers Union" for "its bank",
    corporate_nouns.txt and public_body_heads.txt); or two descriptions of two words or
    more, the derived one a phrase of the sources ("the ambulance service" for "the city's
    transport department"), also where only the words before a head noun both keep differ
    ("the fisheries ministry" for "the farming ministry"), both phrases the sources'. Two
    phrases set beside each other in the sources ("the operator, Lanric Rail"), one a
    synonym or a kind of the other in WordNet, an acronym of a name the sources give that
    description, a description holding a word of the name or its WordNet synonym or
    adjective ("the postal carrier" for "Ledley Mail"), a phrase with a number ("three towns"
    spelt out as their names), a
    phrase whose verb changed with it ("seen by X" for "prepared by Y"), and a phrase the
    derived claim sets beside a name as the sources do ("Lyle, the council's cabinet
    member, blamed the firm" for "Lyle blamed the council's contractor"), and a phrase
    the sources set beside the same verb as the source's phrase ("a new carrier ran the
    routes" beside "Greyline Coaches ran the routes") are passed over.
    Also a thing the source gives to a named owner ("lease part of Harlow Coaches' depot")
    told as the named subject's own ("lease part of its own depot": ``own_owner``).
Why it matters:
    Digests mix up the parties of a story: who ordered the payment, whose engineers flagged
    the fault, which bridge the lorries take. Every word is the source's, so rules that look
    for words the source lacks cannot see it; DE401 and DE407 read names, and this rule also
    reaches the descriptions ("the ambulance service", "the concert hall") they do not.
Known false positives:
    For "its own": a subject that is the owner under another name (a parent company).
    A party the source calls by two descriptions it never sets side by side ("the
    harbour authority" in one paragraph, "the port's owner" in another; "the finance
    ministry" for "the Treasury"); a place named for a
    description of it that the source gives only in passing; a person described by what a
    relative clause says of them ("the shelter's manager" for "Mila Rask, who runs the
    shelter"). Known misses: one-word
    descriptions ("the union" for "a parent"), which a faithful text uses for any party,
    unless the sources name a party of each kind and the names share no word ("the
    adjudicator" for "the council" where the sources name adjudicator Mara Quill and
    Harlow District Council);
    a swap with a stand-in ("the company"); a swap inside a claim reworded around it.
Examples:
    Source: The race was moved at the request of the city's transport department. The ambulance service treated 14 runners.
    Flag: The race was moved at the request of the ambulance service.
    Okay: The race was moved at the request of the transport department.
"""

from __future__ import annotations

import re

from checker.align import GENERIC, key
from checker.date_norms import MONTHS
from checker.numbers import YEAR_RE
from checker.own_owner import own_for_other
from checker.records import memo_on
from checker.rules.base import Rule, evidence_of, is_claim_unit, make, snippet
from checker.two_parties import (a_party, beside, common_nouns, distinct, named_kind,
                                 one_thing, phrase_in_sources)
from checker.word_diff import replacements, shared_words, tokens

CODE, NAME, KIND, SEVERITY = "DE408", "mixed-up", "entity-changed", "error"
CONFIDENCE = 0.55
MIN_ALIGNMENT = 0.6  # the derived claim must restate a source claim this closely
MIN_PAIR = 0.5  # and the compared source claim must itself support it this well
NOUNS = ("NOUN", "PROPN")
MIN_SHARED = 4  # words the two claims must share in order, besides the phrase
IN_PLACE = 0.7  # and the share of the derived claim's other words they must make


def _span_words(claim, run):
    start, end = run[0].start, run[-1].end
    return [w for w in claim.words if start <= w.start < end]


def _nouns(words, skip) -> set[str]:
    """Keys of the nouns that say which party a phrase is: names ("the Treasury") and
    common nouns, but for stand-ins, titles and generic words ("the company", "the
    Minister", "officials"), which may stand for anyone of their kind, unless two of them
    make the phrase ("the district council")."""
    found = {key(w.lemma) for w in words if w.pos in NOUNS and w.lemma.isalpha()
             and w.lemma.lower() not in skip}
    nouns = [w for w in words if w.pos == "NOUN" and w.lemma.isalpha()]
    if not found and len(nouns) >= 2:
        # two generic nouns together name one body ("the district council" is not any
        # council; "the council" alone may be)
        found = {key(w.lemma) for w in nouns}
    return found


def _noun_phrase(claim, run, lexicon) -> bool:
    """Every word of the run belongs to a noun phrase: nouns, adjectives, determiners and
    possessives ("the city's transport department"), no verb or adverb ("Lanric also"), and
    one noun at least names a thing, not only a part of a whole ("a small number of":
    part_words.txt, a quantity DS951 and DN501 read)."""
    by_start = {w.start: w for w in claim.words}
    nouns = [by_start[t.start] for t in run if t.start in by_start
             and by_start[t.start].pos in ("NOUN", "PROPN")]
    if nouns and all(lexicon.has("part_words", w.lemma.lower()) for w in nouns):
        return False
    for t in run:
        w = by_start.get(t.start)
        if w is not None:
            if w.pos not in ("NOUN", "PROPN", "ADJ", "NUM"):
                return False
        elif not (lexicon.has("articles", t.text) or lexicon.has("determiners", t.text)
                  or lexicon.has("possessives", t.text) or t.text in ("'s", "s", "of", "and")):
            return False
    return True


def check(ctx):
    """Yield a finding for each source phrase a derived claim puts in another's place."""
    lex = ctx.lexicon
    # whole words, not keys: "treasurer" (a title) must not hide "the Treasury"; once per
    # lexicon, not per check
    skip = memo_on(lex, "_de408_skip", lambda: frozenset(
        {w.lower() for role in ("function_words", "stand_ins", "attribution_generic", "titles")
         for w in lex.words[role]} | {w.lower() for w in GENERIC}))
    for dc in ctx.derived_claims:
        if not is_claim_unit(dc):
            continue
        al, sup = ctx.support(dc)
        if al.score < MIN_ALIGNMENT:
            continue
        for sc, score in zip(sup[:2], al.scores[:2]):
            if score < MIN_PAIR:
                continue
            owned = own_for_other(dc, sc)
            found = _own_finding(dc, sc, *owned) if owned else _swap(ctx, dc, sc, skip)
            if found is not None:
                yield found
                break


def _trimmed(claim, run, lexicon):
    """The run up to its first preposition, without a closing "own": "Gullhaven on the
    coast" -> "Gullhaven", "Calderbrook's own" -> "Calderbrook's"."""
    for i, t in enumerate(run):
        if lexicon.has("prepositions", t.text) and t.text not in ("of",):
            run = run[:i]
            break
    return run[:-1] if run and run[-1].text == "own" else run


def _whole_names(claim, run) -> bool:
    """The run holds whole names only: no first name without its surname ("Paul" of "Paul
    Hendry"), no name cut at the run's edge."""
    r0, r1 = run[0].start, run[-1].end
    for e in claim.entities:
        e0 = e.start + 4 if e.text.lower().startswith("the ") else e.start
        if e.start < r1 and r0 < e.end and (e0 < r0 or e.end > r1 + 2):
            return False
    words = sorted(claim.words)
    for a, b in zip(words, words[1:]):
        if a.pos == "PROPN" and b.pos == "PROPN" and b.start - a.end <= 1 and \
                ((a.end <= r0 < b.end) or (a.start < r1 <= b.start)):
            return False
    return True


def _beside_other_change(dc, sc, rep) -> bool:
    """Another changed run with a verb, within two words of this one: the phrase's relation
    to its verb changed with it ("seen by X" for "prepared by Y"), so the two phrases need
    not fill one slot."""
    toks = tokens(dc)
    first = next(i for i, t in enumerate(toks) if t.start == rep.derived[0].start)
    last = first + len(rep.derived) - 1
    for other in replacements(dc, sc, longest=99):
        if other is rep:
            continue
        o0 = next(i for i, t in enumerate(toks) if t.start == other.derived[0].start)
        o1 = o0 + len(other.derived) - 1
        if o1 >= first - 2 and o0 <= last + 2 and any(
                w.pos in ("VERB", "AUX") for w in _span_words(dc, other.derived)
                + _span_words(sc, other.source)):
            return True
    return False


def _described_alike(ctx, dc, sc, drun, dtext, swords) -> bool:
    """The derived claim sets the phrase beside a name of its own, as the sources do
    ("Ada Kerr, the county's member for roads, blamed ..." where a source writes "Ada
    Kerr, the county's member for roads, said ..."), and the
    source words the diff lines it up with modify a noun after them ("the council's camera
    contractor"): the phrase describes that party, in another slot than the source's. A
    source phrase that names a party itself ("the mayor") is still compared."""
    nxt = _next_word(sc, swords)
    if nxt is None or nxt.pos not in NOUNS or nxt.start - swords[-1].end > 1:
        return False
    low, text = dc.text.lower(), dtext.lower()
    names = {w.text.lower() for w in dc.words if w.pos == "PROPN"
             and not drun[0].start <= w.start < drun[-1].end}
    return any(beside(low, n, text) and beside(ctx.index.text_lower, n, text) for n in names)


def _same_deed_elsewhere(ctx, sc, dtext: str, stext: str) -> bool:
    """The sources set the derived phrase beside the same two words, a verb among them, as
    the source claim sets its own phrase ("after a new carrier began running the routes" and
    "Greyline Coaches began running the routes in May"): one deed of one party, told by a
    description and by its name; not when the deed's clause in the other sentence and the
    source claim date it apart (a year elsewhere in either sentence is not the deed's)."""
    at = sc.text.lower().find(stext.lower())
    if at < 0:
        return False
    after = sc.text[at + len(stext):].split()[:2]
    before = sc.text[:at].split()[-2:]
    verbs = {w.text.lower() for w in sc.words if w.pos == "VERB"}
    name = re.escape(dtext.lower())
    sentences = {c.sentence for c in ctx.index.claims}
    for pair, pattern in ((after, r"{name}\s+{pair}"), (before, r"{pair}\s+{name}")):
        if len(pair) != 2 or not {w.lower() for w in pair} & verbs:
            continue
        words = re.escape(" ".join(pair).lower())
        told = re.compile(r"\b" + pattern.format(name=name, pair=words) + r"\b")
        for sentence in sentences:
            m = told.search(sentence.lower().replace("’", "'"))
            if m is None:
                continue
            theirs = _times(_clause_after(sentence, m.end()))
            ours = _times(_clause_after(sc.text, at + len(stext)))
            if not (theirs and ours and not theirs & ours):
                return True  # (not the same deed at another time: "took over the rounds in
                # 2021" beside "after a contractor took over the rounds in March")
    return False


def _clause_after(sentence: str, at: int) -> str:
    """The words of a sentence from ``at`` to the end of its clause (a comma, a semicolon or
    "and"): where the deed's own time stands ("took over the rounds in 2021 and ...")."""
    return re.split(r"[,;]|\band\b", sentence[at:], maxsplit=1)[0]


def _times(sentence: str) -> set:
    """The months (by full name, capitalised) and years a sentence names."""
    return {w.lower() for w in re.findall(r"[A-Z][a-z]+|\d{4}", sentence)
            if len(w) > 3 and w.lower() in MONTHS or YEAR_RE.fullmatch(w)}


def _next_word(claim, words):
    """The claim's word right after the last of ``words``, or None."""
    return next((w for w in sorted(claim.words) if w.start > words[-1].start), None)


def _modifier_swap(ctx, dc, sc, dwords, swords):
    """A finding when the changed words, lower case, modify a head noun both claims keep
    next ("the fisheries ministry" for "the farming ministry") and both whole phrases are
    the sources' names of two bodies or things: each phrase stands in the sources, the head
    is a party's noun, and the sources never set the two side by side. Known false
    positive: one body the sources call by two such phrases in different paragraphs."""
    dhead, shead = _next_word(dc, dwords), _next_word(sc, swords)
    if dhead is None or shead is None or dhead.lemma.lower() != shead.lemma.lower() \
            or dhead.pos not in NOUNS \
            or dhead.start - dwords[-1].end > 1 or shead.start - swords[-1].end > 1 \
            or not a_party(ctx, dhead) or any(not w.text.islower() or w.pos == "NUM"
                                               for w in dwords + swords):
        return None
    dfull, sfull = [*dwords, dhead], [*swords, shead]
    if not (phrase_in_sources(ctx, dfull) and phrase_in_sources(ctx, sfull)):
        return None
    dtext = " ".join(w.text for w in dfull).lower()
    stext = " ".join(w.text for w in sfull).lower()
    if beside(ctx.index.text_lower, dtext, stext):
        return None
    return _finding(dc, sc, (dfull[0].start, dfull[-1].end), (sfull[0].start, sfull[-1].end))


def _finding(dc, sc, mine: tuple, theirs: tuple):
    """The finding for the derived span ``mine`` put in the place of the source's ``theirs``
    (start and end offsets)."""
    (d0, d1), (s0, s1) = mine, theirs
    shown, src = dc.text[d0 - dc.start:d1 - dc.start], sc.text[s0 - sc.start:s1 - sc.start]
    return make(RULE, dc, start=d0, end=d1, confidence=CONFIDENCE,
                evidence=[evidence_of(sc, start=s0, end=s1)],
                message=(f'Puts "{shown}" where the source has "{src}": '
                         f'"{snippet(sc.text, 80)}". The source speaks of "{shown}" only '
                         f'elsewhere.'),
                suggestion=f'Check who or what it is: the source says "{src}" here.')


def _own_finding(dc, sc, mine: tuple, theirs: tuple):
    """The finding for "its own X" (``mine``) where the source gives X to a named owner."""
    (d0, d1), (s0, s1) = mine, theirs
    shown, src = dc.text[d0 - dc.start:d1 - dc.start], sc.text[s0 - sc.start:s1 - sc.start]
    return make(RULE, dc, start=d0, end=d1, confidence=CONFIDENCE,
                evidence=[evidence_of(sc, start=s0, end=s1)],
                message=(f'Says "{shown}", the subject\'s, where the source says "{src}": '
                         f'"{snippet(sc.text, 80)}".'),
                suggestion=f'Check whose it is: the source says "{src}".')


def _swap(ctx, dc, sc, skip):
    dkeys_all = {key(w.lemma) for w in dc.words}
    skeys_all = {key(w.lemma) for w in sc.words}
    shared, length, slength = shared_words(dc, sc), len(tokens(dc)), len(tokens(sc))
    for rep in replacements(dc, sc, longest=6):
        if shared < MIN_SHARED or (shared < IN_PLACE * (length - len(rep.derived)) and
                                   shared < IN_PLACE * (slength - len(rep.source))):
            continue  # the rest of neither claim is the other's, word for word (a derived
            # sentence may fuse the source claim with another: "is seeking a meeting with
            # Penmoor's board after Calderwick said ...")
        drun, srun = _trimmed(dc, rep.derived, ctx.lexicon), _trimmed(sc, rep.source, ctx.lexicon)
        if not drun or not srun:
            continue
        dwords, swords = _span_words(dc, drun), _span_words(sc, srun)
        if not dwords or not swords or any(w.pos == "NUM" for w in dwords + swords):
            continue  # "Callow and Upper Hesk" for "three towns": a count spelt out
        if _beside_other_change(dc, sc, rep):
            continue  # the words around the phrase changed too ("seen by X", "prepared by Y")
        if dwords[-1].pos not in NOUNS or swords[-1].pos not in NOUNS:
            continue  # the phrase must end on its noun on both sides
        found = _modifier_swap(ctx, dc, sc, dwords, swords)
        if found is not None:
            return found
        if not (_noun_phrase(dc, drun, ctx.lexicon) and _noun_phrase(sc, srun, ctx.lexicon)):
            continue
        if not (a_party(ctx, dwords[-1]) and a_party(ctx, swords[-1])):
            continue
        dn, sn = _nouns(dwords, skip), _nouns(swords, skip)
        if common_nouns(ctx, dwords, swords):  # "the adjudicator" for "the council"
            dn, sn = dn or named_kind(ctx, dwords), sn or named_kind(ctx, swords)
        if not dn or not sn or dn & sn:
            continue
        if {key(w.lemma) for w in dwords} & {key(w.lemma) for w in swords}:
            continue  # a word kept: a rewording of one phrase ("the Aldane plant")
        if not dn <= ctx.index.vocab:
            continue  # a word the sources lack: new content (DE401, DE404, DU802)
        if dn & skeys_all or sn & dkeys_all:
            continue  # the claim has both phrases: reordered, not replaced
        # a name, not a title the text capitalises ("the Minister", "the Mayor")
        dname = any(w.pos == "PROPN" and w.lemma.lower() not in skip for w in dwords)
        sname = any(w.pos == "PROPN" and w.lemma.lower() not in skip for w in swords)
        if (dname and not _whole_names(dc, drun)) or (sname and not _whole_names(sc, srun)):
            continue
        dtext = " ".join(t.text for t in drun)
        stext = " ".join(t.text for t in srun)
        if beside(ctx.index.text_lower, dwords[-1].text.lower(), stext) or \
                beside(ctx.index.text_lower, dtext, swords[-1].text.lower()):
            continue
        if one_thing(ctx, dwords, swords) or _described_alike(ctx, dc, sc, drun, dtext, swords) \
                or _same_deed_elsewhere(ctx, sc, dtext, stext) \
                or not distinct(ctx, dc, sc, dwords, swords, dname, sname):
            continue
        return _finding(dc, sc, (drun[0].start, drun[-1].end), (srun[0].start, srun[-1].end))
    return None


RULE = Rule(CODE, NAME, KIND, SEVERITY, "a party or thing of the story put where the source "
            "has another", check, __doc__)
