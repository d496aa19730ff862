"""DE401 entity-changed: a person, organisation, place or product the source does not name.

What it flags:
    A named entity of a derived claim that appears nowhere in the sources, when the aligned
    source claim names a different entity of the same type in its place.
Why it matters:
    Swapped names are the most common factual error of abstractive summaries.
    A name the source uses elsewhere counts when it fills the slot (the same neighbouring
    words) another name fills in the closely aligned source claim, on the same verb. The
    aligner often ranks first the claim the name was taken from ("called for the deputy
    leader, X, to resign" beside "X defended the budget"): a person or organisation moved
    so is still flagged when, apart from the name and the words that came with it, the
    derived claim says what the same-verb source claim says, and neither claim names
    anyone by a pronoun or a stand-in the other lacks before the same word ("him", "its",
    "the company"; "its name" in both is one party). A name set beside a common noun of
    the source claim, as a source sets it too ("the tanker Marisol Grey" for "a tanker
    drifting off the cape"), names what the claim describes: not a swap; nor
    is a name after another preposition, on a verb where the source's hangs on a noun, that
    a source claim on the same verb names or whose claim keeps the source's name by its head
    ("the co-operative's barley has been kept at Harnet Logistics"), nor a name a source
    sentence sets after the same preposition beside the same noun ("porters at Aldwick
    Hospital" for "porters who work nights at Aldwick Hospital", where the aligned claim has
    "employed by Carrick Services"): ``checker.name_slots``.
    The same when the description names no one body, the name is a state body and the
    description is of another kind of body that is none ("funded by the association" ->
    "funded by Harwick City Council": state_bodies.txt, agency_heads.txt,
    ``party_kinds.other_kind``), and no word of the name stands in the source sentence
    (known false positive: a trust or charity that the state body itself runs). A name
    after a preposition in the words that credit the claim, where the source's speaker
    phrase is the same but for it ("A study done by X for the registry estimated":
    ``checker.speaker_swaps``), is compared too.
    A move told with its two named ends the other way round ("from Ostrow to Kelby" where
    a source sentence says "from Kelby to Ostrow", and no source gives it that way) is
    flagged too (``checker.from_to``), and so is a known party named after a passive
    participle's "by" where the source gives the same verb, active, on the same thing, to
    another party ("a survey ordered by the agency" for "the board ordered a survey":
    ``checker.agent_swapped``). A named place put where the closest source claim says
    "there" ("wardens at Kelby Quay found it" for "wardens there found it", after a sentence
    about Ostrow Quay) is flagged when the last place the source names before that "there",
    in its sentence or the one before, is another (``checker.there_place``). A name no
    source uses, put after the same two words where the closely aligned source claim on the
    same verb has a description of the same kind with another word before its head ("its
    challenge at the High Court" for "its challenge at the county court"), is flagged too
    (``names_in_place.kind_replaced``), and so is an owner's part named by another noun
    than the aligned source claim's ("the school's admissions committee" for "the school's
    finance committee": ``names_in_place.owned_part_replaced``), and a thing given to
    another body than the aligned claim's ("at the angling club's meeting" for "at the
    council's meeting": ``names_in_place.owner_replaced``; known false positive, one body
    called by two nouns of a group).
Known false positives:
    Spelling variants and nicknames ("the Fed" for "the Federal Reserve"), and entities the
    statistical tagger labels inconsistently. An acronym is known when its letters start
    consecutive words of the sources ("COO", "chief operating officer"). A wider place than the source's is accepted
    when WordNet knows the one contains the other ("the U.K." for "London"); places it does
    not know are flagged. A moved name where the source claim calls the other party by a
    description the stand-in list lacks ("the regulator") may be read as a swap, unless the
    description is the source claim's subject, the name the derived subject's, and the
    description shares two words of the name or the sources set its head noun beside the
    name ("the Harwick Rail Board, the regulator"); known false negative there: a swap with
    a body of similar words. A named body put where the closely aligned source claim, on
    the same verb and between the same two words on each side, has a definite description
    that its article uses for one other named body ("asked the authority to test" for the
    Orrin Valley Water Authority -> "asked Kestle Foods to test") is flagged too; known
    false positive: an article that uses the description for two bodies and writes one
    name in full. For a move's ends: a return trip the source tells one way only. For
    "there": a "there" that points back past a place named in between.
Examples:
    Source: Shell sued BP over the pipeline contract.
    Flag: Shell sued Exxon over the pipeline contract.
    Source: The Kessel Road depot was closed in March, and the Hinton depot stayed open.
    Flag: The Hinton depot was closed in March.
    Okay: Shell sued BP over its pipeline contract.
"""

from __future__ import annotations

import re

from checker.agent_swapped import swapped_agent
from checker.align import key
from checker.body_tier import tier_swapped
from checker.descriptions import resolve_description
from checker.from_to import swapped_ends
from checker.names_in_place import (description_replaced, kind_replaced, modifies_its_noun,
                                    names_both, owned_part_replaced, owner_replaced,
                                    replaced_in_place)
from checker.name_slots import (came_with_its_words, common_word, other_preposition,
                                owner_for_name, slot_told)
from checker.names import (CHECKED, compatible, known, name_words, norm_name, same_referent,
                           unknown_entities)
from checker.self_report_doer import self_report_doer_swapped
from checker.source_phrase import has_name
from checker.speaker_swaps import swapped_in_speaker
from checker.there_place import there_swapped
from checker.rules.base import Rule, evidence_of, make, snippet

CODE, NAME, KIND, SEVERITY = "DE401", "entity-changed", "entity-changed", "error"


def _neighbours(claim, ent, n: int = 2) -> set[str]:
    """Keys of the content words right around a name in its claim (its slot)."""
    words = sorted(w for w in claim.words if not (ent.start <= w.start < ent.end))
    before = [key(w.lemma) for w in words if w.end <= ent.start][-n:]
    after = [key(w.lemma) for w in words if w.start >= ent.end][:n]
    return set(before + after)


SAME_VERB_SUPPORT = 0.45  # a lower-ranked supporting claim on the same verb counts from here
SAME_REST = 0.6  # share of the derived claim's other content words that claim must have


# Places nest, and the tagger labels them unevenly; a "name" written in lower case (a
# lower-cased text) is the tagger's guess, too weak for a name taken from another claim.
MOVED_LABELS = ("PERSON", "ORG")


def _referring_words(claim, lexicon) -> list:
    """The pronouns and stand-ins by which the claim names someone ("him", "its", "the
    company"), each with the word after it ("its name"), in order."""
    words = re.findall(r"[a-z]+", claim.text.lower())
    nxt = [*words[1:], ""]
    return [(w, n) for w, n in zip(words, nxt) if any(lexicon.has(role, w) for role in (
        "pronouns_referring", "pronouns_thing", "possessives"))] + [
        (b, "") for a, b in zip(words, words[1:]) if a == "the" and lexicon.has("stand_ins", b)]


def _refers_apart(dc, sc, lexicon) -> bool:
    """A claim names someone by a pronoun or a stand-in ("him", "its", "the company"): the
    name in the other claim may be whom it stands for; unless the two claims use the same
    ones, each before the same word ("its name" in both), which stand for the same party.
    Known false positive: one pronoun before the same word for two parties ("its
    chairman" of the club in one claim, of the league in the other)."""
    mine, theirs = _referring_words(dc, lexicon), _referring_words(sc, lexicon)
    return bool(mine or theirs) and sorted(mine) != sorted(theirs)


def _one_name_apart(dc, sc, ent, origins) -> bool:
    """Besides the name, and the words that came with it from the claims it is taken from
    ("the council's deputy leader"), the derived claim says what the source claim says:
    most of its other content words are the source claim's."""
    theirs = {key(w.lemma) for w in sc.words}
    carried = {key(w.lemma) for c in origins for w in c.words} - theirs
    rest = {key(w.lemma) for w in dc.words if not (ent.start <= w.start < ent.end)}
    rest -= carried | {key(w) for w in name_words(ent.norm)}
    return bool(rest) and len(rest & theirs) >= SAME_REST * len(rest)


def _swapped_known(ctx, dc, ent, dnorms):
    """A finding when a name the source uses elsewhere replaces another in a closely aligned
    claim on the same verb ("chosen over Stanlow" where the source says "over Dunmore")."""
    al, sup = ctx.support(dc)
    if al.score < 0.6 or not sup:
        return None
    # The claim on the same verb, even when the aligner ranks first the one the moved name
    # comes from ("called for Bale to resign" beside "Bale defended the budget").
    same = [c for c, score in zip(sup, al.scores)
            if key(c.predicate) == key(dc.predicate) and score >= SAME_VERB_SUPPORT]
    if not same:
        return None
    sc = same[0]

    def names_it(c) -> bool:
        return any(ent.norm == se.norm or ent.norm in se.norm or se.norm in ent.norm
                   for se in c.entities) or _speaker_itself(ctx, c, ent)

    if any(names_it(c) for c in same):
        return None
    if (sc is not sup[0] or any(names_it(c) for c in sup)) and not (
            ent.label in MOVED_LABELS and ent.text[:1].isupper()
            and _one_name_apart(dc, sc, ent, [c for c in sup if names_it(c)])
            and not _refers_apart(dc, sc, ctx.lexicon)):
        return None  # the name comes from another claim: only a clear move counts
    alt = next((se for se in sc.entities if se.label in CHECKED and compatible(se.label, ent.label)
                and se.norm not in dnorms and not any(se.norm in d or d in se.norm
                                                      for d in dnorms)), None)
    if alt is None or not (_neighbours(dc, ent) & _neighbours(sc, alt)):
        return None  # the two names do not fill the same slot of the sentence
    if other_preposition(ctx, dc, ent, sc, alt) or slot_told(ctx, dc, ent):
        return None
    if common_word(ctx, alt) or came_with_its_words(ctx, dc, ent, sc, names_it):
        return None
    # Looser evidence than a swap in place, so any shared word ("Brennick's Millgate Bridge"
    # and "Millgate Bridge") counts as one name standing for the other here.
    if set(name_words(ent.norm)) & set(name_words(alt.norm)) or names_both(dc, alt, set()):
        return None  # one name is part of the other, or the derived claim names both
    if same_referent(ent.norm, alt.norm, ctx.wordnet):
        return None  # "NHS" for "the National Health Service", "Switzerland" for "Geneva"
    if ent.norm in sc.text.lower():
        return None  # the source claim has this name too, untagged
    if modifies_its_noun(ent, sc, alt):
        return None  # "Edwardian bandstand" for the "Coronation Bandstand"
    if _described_there(ctx, dc, ent, sc) or _named_beside_its_noun(ctx, dc, ent, sc) \
            or owner_for_name(ctx, dc, ent, sc, alt):
        return None
    return make(RULE, dc, start=ent.start, end=ent.end, text=ent.text, confidence=0.6,
                evidence=[evidence_of(sc, start=alt.start, end=alt.end)],
                message=(f'Names "{ent.text}" where the source says "{alt.text}": '
                         f'"{sc.text[:70]}".'),
                suggestion=f'Check the name: the source has "{alt.text}" here.')


def _speaker_itself(ctx, claim, ent) -> bool:
    """The claim's subject is a pronoun for its own speaker, who bears the name: "The
    authority said it had opened an inquiry" names the authority as the one who opened it."""
    att = claim.attribution
    subject = claim.subject.strip().lower()
    return att is not None and bool(att.source) and any(
        ctx.lexicon.has(role, subject) for role in ("pronouns_thing", "pronouns_subject")) \
        and re.search(rf"\b{re.escape(ent.norm)}\b", norm_name(att.source)) is not None


def _named_beside_its_noun(ctx, dc, ent, sc) -> bool:
    """The derived claim gives the name beside the common noun the source claim has ("the
    drifting tanker Marisol Grey" for "a tanker drifting off the cape"), and a source sets
    the name beside that noun too ("the oil tanker Marisol Grey"): it names
    the thing the source claim describes, another passage's name for it, not a swap."""
    before = re.findall(r"[A-Za-z]+", dc.text[:ent.start - dc.start])[-1:]
    if not before or not before[0].islower() or len(before[0]) < 3:
        return False
    noun = before[0]
    return re.search(rf"\b{noun}\b", sc.text) is not None and re.search(
        rf"\b{noun}\s+(?:the\s+)?{re.escape(ent.text)}\b", ctx.source_text) is not None


def _described_there(ctx, dc, ent, sc) -> bool:
    """The source claim's subject is a description, not a name ("The national rail
    safety regulator has opened a review"), that may stand for the derived subject's name
    ("the Harwick Rail Safety Board has opened a review"): it shares two words of the
    name, its article names one body by its head noun ("the agency" for the Northern
    Rivers Agency), or the sources set its head noun beside the name ("the Board, the
    national regulator")."""
    if not (dc.subject and ent.text in dc.subject) or not sc.subject \
            or has_name(sc.subject) or len(sc.subject.split()) < 2:
        return False
    described = {key(w) for w in re.findall(r"[a-z]{4,}", sc.subject.lower())}
    if len(described & {key(w) for w in name_words(ent.norm)}) >= 2:
        return True
    if norm_name(resolve_description(ctx, sc.doc_id, sc.subject)) == ent.norm:
        return True  # "the agency", the one agency its article names
    head = sc.subject.lower().split()[-1]
    return bool(re.search(rf"{re.escape(ent.text)},\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}"
                          rf"{re.escape(head)}\b", ctx.source_text, re.I))


# Alignment at which a derived claim restates one source claim word for word around a name.
def check(ctx):
    """Yield a finding for each unknown entity standing where the source has another."""
    for dc in ctx.derived_claims:
        dnorms = {e.norm for e in dc.entities}
        flagged = set()
        for ent in dc.entities:
            if ent.label in CHECKED and known(ent.norm, ctx.index):
                swapped = _swapped_known(ctx, dc, ent, dnorms)
                if swapped is None:
                    fields = description_replaced(ctx, dc, ent)
                    swapped = make(RULE, dc, **fields) if fields else None
                if swapped is not None:
                    flagged.add(swapped.start)
                    yield swapped
        for ent in dc.entities:
            if known(ent.norm, ctx.index, ctx.wordnet):
                continue
            fields = kind_replaced(ctx, dc, ent)
            if fields is not None and fields["start"] not in flagged:
                flagged.add(fields["start"])
                yield make(RULE, dc, **fields)
        fields = owned_part_replaced(ctx, dc) or owner_replaced(ctx, dc)
        if fields is not None and fields["start"] not in flagged:
            flagged.add(fields["start"])
            yield make(RULE, dc, **fields)
        for fields in replaced_in_place(ctx, dc, dnorms):
            f = make(RULE, dc, **fields)
            if f.start not in flagged:
                flagged.add(f.start)
                yield f
        in_speaker = swapped_in_speaker(ctx, dc)
        if in_speaker is not None and in_speaker[0] not in flagged:
            start, end, mine, theirs, sc = in_speaker
            flagged.add(start)
            yield make(RULE, dc, start=start, end=end, text=mine, confidence=0.7,
                       evidence=[evidence_of(sc)],
                       message=(f'Names "{mine}" in the words crediting the claim, where the '
                                f'source has "{theirs}": "{snippet(sc.attribution.source, 80)}".'),
                       suggestion=f'Check the name: the source has "{theirs}".')
        for swapped in (swapped_ends(ctx, dc), swapped_agent(ctx, dc),
                        there_swapped(ctx, dc), tier_swapped(ctx, dc),
                        self_report_doer_swapped(ctx, dc)):
            if swapped is not None and not any(swapped["start"] <= at < swapped["end"]
                                               for at in flagged):
                flagged.add(swapped["start"])
                yield make(RULE, dc, **swapped)
    for dc, ent, sc, alt in ctx.memo("unknown-entities", unknown_entities):
        if alt is None:
            continue  # an entity with no counterpart is unsupported content (DU802)
        yield make(RULE, dc, start=ent.start, end=ent.end, text=ent.text, confidence=0.7,
                   evidence=[evidence_of(sc, start=alt.start, end=alt.end)],
                   message=(f'Names "{ent.text}", who is not in the source; the source '
                            f'says "{alt.text}" here: "{sc.text[:70]}".'),
                   suggestion=f'Check the name: the source has "{alt.text}".')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "entity not in the source replaces one", check, __doc__)
