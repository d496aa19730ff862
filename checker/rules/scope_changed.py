"""DS951 scope-changed: a claim about some, or about one, is made about all or a group.

What it flags:
    A derived claim on the same verb as its source claim where the source limits the
    subject or object ("some", "several", "at least one", "its own") and the derived claim
    drops the limit; or where the source's subject is one named party and the derived
    subject is a whole group ("Alibaba is banning" -> "Chinese companies are banning"; both
    verbs active or both passive: the subjects fill one role), or
    the one named party a source speaker is, described as one of a group, is given as the
    whole group ("the league's sponsors" for "Corlan Tyres, ... one of its sponsors"); an
    "all" in the subject in the place of the one site the source's subject names after the
    same preposition ("keepers at all three lodges" for "keepers at Pennick Lodge"); a place
    two ranks larger than the one the source sentence gives after a name ("in the country"
    for "in the Harlby district"; known false positive: the larger place said of the same
    thing in a passage the aligner did not give the claim); a verdict the source gives one
    aspect of a party ("graded the trust's care of its patients 'poor'") given to the party
    itself (``checker.aspect_dropped``); a quantifier of a larger share on the same noun and
    verb ("most stallholders" for "several stallholders": quantifier_ranks.txt,
    ``checker.share_raised``; known false positive: the larger share said in another
    sentence of another verb).
Why it matters:
    Generalising from one case to a class is a classic distortion.
    Also a claim spread over a whole place or body ("across the province", "nationwide";
    the ``widening`` lexicon) where the source claim on the same verb has no such word and
    no "all"/"every". And the same widening of the people a claim is attributed to: the
    source gives it to "some" or "a few" of a group, or to one person ("a former engineer",
    "Ada Kerr, a co-founder"), and the derived text to the group ("former engineers", "the
    clinic's co-founders"), or to the group "across" a wider place; or the source counts the
    speakers ("two boatyard operators") and the derived text gives the whole group of a
    place or body ("the canal's boatyard operators", "all the operators"; not a bare
    "boatyard operators"); one speaker's report is read so in a looser support too, when
    the speaker is of the derived speakers' own noun and the claims share three words
    ("One fisherman at Orra Quay ... said he saw oil" for "Fishermen at Orra Quay say
    they have spotted oil").
    An "all"/"every" where the source picks out part of the same noun: a limit word, a count
    ("at two of the six schools", also in a claim the aligner did not pick; "ran 24 routes,
    most of them in the valley"; not a count given plainly, "denied four charges" for "all
    four charges"), a fraction of it ("about a third of its planned repairs", "40% of its
    stores"), an adjective or participle before it ("existing season tickets"), a relative
    clause with no comma after it ("households whose boilers failed the check"), a part of it
    the source shuts out ("night crews, but not drivers on day routes" -> "all of its
    drivers"; known false positive: a part shut out of another deed the claim merges), or
    one of it in the singular ("the riverside footpath" -> "all footpaths"); an "all"
    floated after its
    subject ("the pumps were all recalled", "they had all failed") quantifies the plural
    noun before it, or the noun after it ("have all signed the leases"). A passage on the same
    matter
    that the aligner did not pick counts for a limit word ("most private tenancies" in one
    outlet, "private tenants" in the other) when no source claim says "all" of the noun.
    "All of them" where a close source claim says "most of them" (or "some", "many" of
    them; also the quantifier alone as a claim's subject, "Most came from Mill Lane") and
    none says "all of them". A noun after the verb that the source limits
    ("learned of several incidents") given with "the" in the plural ("learned of the
    assaults"); a share of the subject's group ("about 40 percent of ward nurses") given as
    the group ("the hospital's ward nurses"). "Across" before a span of time ("across
    February and March") or a count ("across 40 branches") widens nothing, nor does a limit
    word that opens an aside on the subject ("Thirty stalls, most of them selling food,
    were closed": the claim is of all thirty). A count after the verb dropped into a whole plural
    ("shut 14 village surgeries", "40 of its 300 branches" -> "shut its village surgeries";
    "told 37 pupils" -> "told Marley's pupils": a named owner's plural is whole too);
    not a count that is the whole ("its 14 surgeries"), nor a bare plural ("closed clinics").
    A part taken of a counted whole told as the whole with its count, on any verb ("found
    damp in three of the school's nine classrooms" -> "in the school's nine classrooms"),
    where the text gives the part nowhere and no source tells the whole
    (``checker.partitive_dropped``). A share of a sample given as one of the whole ("70% of
    residents" where the source's 70% is of a consultation's responses:
    ``checker.sample_widened``).
    A whole put in the place of the part the source names ("at all of the firm's depots" for
    "at Hollins Yard"; "the whole centre" as the subject for "the rink", "Tarrow's entire
    staff" for "drivers at Tarrow"; "along the entire
    length of the canal" for "along the canal's eastern towpath": ``whole_for_part``). A
    second named party joined by "both ... and" to the one the source claim on the same verb
    names ("the passports of both A and B were flagged" for "A's passport was flagged"),
    when no source claim on that verb names the second (``added_party``).
Known false positives:
    A second party the source gives the same act in other words or on another verb ("B's
    was flagged too" as "B's also raised concern"); a group subject that the source also
    uses elsewhere for the same action; a whole
    subject the source names with another word for the same whole ("the entire crew" for
    "the ship's company"); quantifiers
    in a part of the sentence the derived claim did not keep; "across" in its sense of
    "from one side to the other" on the same verb ("a bridge across the river"), unless the
    sources write "across" before the same named place. A speaker
    group whose limit the derived text gives in another sentence ("Some parents spoke.
    Parents said ..."). "All of them" against "most of them" said of different things in
    one sentence pair that the aligner put together. "The assaults" that point back to the
    limited set a sentence before named ("several incidents ... The assaults were
    reported"); a hyphenated noun is read by its first part and missed. A count the
    source gives of what was the whole although it does not say so ("the chain runs 11
    clinics. It closed 11 clinics" -> "closed its clinics"). A floated "all" after "they"
    read with the last plural noun before it, which may not be what "they" stands for
    ("tenants told officials they had all been warned" is read as all the officials). A
    share of a sample that was the whole group ("all 40 members replied; 90% of them ...")
    given of the group.
Examples:
    Source: Some banks are raising their fees.
    Flag: Banks are raising their fees.
    Okay: Several banks are raising their fees.
    Source: The museum will open two new galleries in the north wing.
    Flag: The museum will open new galleries across the building.
    Source: A few shopkeepers on Mill Lane said the footpath had been closed for weeks.
    Flag: Shopkeepers across town said the footpath had been closed for weeks.
    Okay: A few Mill Lane shopkeepers said the footpath had been closed for weeks.
"""

from __future__ import annotations

import re

from checker.actors import may_name_people, passive_verb, subject_head
from checker.added_party import added_party
from checker.aspect_dropped import aspect_dropped
from checker.align import claim_keys, key, text_keys
from checker.lexicon import shipped
from checker.members_for_body import members_for_body
from checker.share_raised import share_raised
from checker.numbers import number_values
from checker.part_of import whole_word
from checker.partitive_dropped import uncounted_whole, whole_of_partitive
from checker.sample_widened import sample_widened
from checker.polarity import OBJECT_NEGATORS
from checker.claim_reading import same_deed_verb
from checker.rules.base import Rule, evidence_of, is_claim_unit, make, shares_core, snippet
from checker.quantified import count_dropped, object_noun, subject_words
from checker.quantified_limits import part_counted
from checker.relative_counts import relative_count_dropped
from checker.shares import RATIO_AFTER, ratio_term
from checker.whole_for_part import figure_of_one, whole_for_part
from checker.widened import LIMITS, OWN, widened_place, widened_scale
from checker.widened_speaker import widened_speaker
from checker.widened_all import widened_quantifier
from checker.word_patterns import WORD_TOKEN as _WORDS

CODE, NAME, KIND, SEVERITY = "DS951", "scope-changed", "scope-changed", "warning"


def _limits(claim) -> set[str]:
    return {c.role for c in claim.scope if c.role in LIMITS}


def _subject_limited(claim, sole: bool = False) -> bool:
    """True when a "some"/"one" scope word sits inside the claim's subject, not inside a
    relative clause of it, nor, unless ``sole``, an "only" after a determiner or an owner
    ("the town's only lido": one thing, which the derived text may name; with ``sole``, a
    derived bare plural, "Shops on the island", widens it)."""
    pos = claim.text.find(claim.subject) if claim.subject else -1
    if pos < 0:
        return False
    s, e = claim.start + pos, claim.start + pos + len(claim.subject)
    return any(c.role in LIMITS and s <= c.start < e and c.text.lower() not in OWN
               and not _proportion_or_whole(claim, c) and not _aside_of_whole(claim, c)
               and not _RELATIVE_OPEN.search(claim.text[pos:c.start - claim.start])
               and (sole or not _SOLE.search(claim.text[:c.start - claim.start])
                    or _plural_after(claim, c.end))
               for c in claim.scope)


# "only" as the adjective of one thing, after a determiner or an owner ("the town's only
# cemetery", "its only ferry"): the subject is that one thing, not a part of a set
_SOLE = re.compile(r"(?:\b(?:the|" + "|".join(sorted(shipped("possessives")))
                   + r")|['’]s|s['’])\s+$", re.I)


# a relative clause opened inside the subject before a limit word: the limit is the clause's
# ("A study of the flood that swamped part of a village is due ..."), not
# the subject's
_RELATIVE_OPEN = re.compile(r"\b(?:that|which|who|whose)\s+[a-z]+", re.I)


def _aside_of_whole(claim, cue) -> bool:
    """A limit word opening an aside that describes part of the subject's whole ("Forty
    buses, most of them diesels, were withdrawn"): the claim is still of all forty, and the
    aside only says what most of them are. Known false negative: a derived subject that
    keeps the aside's kind for the whole ("Forty diesel buses")."""
    before = claim.text[:cue.start - claim.start].rstrip()
    after = claim.text[cue.end - claim.start:].lower()
    # set off by commas on both sides, after a subject that is no fronted "Of the 120
    # workers," (there "most of them" is the subject itself)
    return before.endswith(",") and not before.lower().startswith("of ") \
        and bool(re.match(r"\s+of\s+(?:them|which|whom)\b[^,]*,", after))


def _proportion_or_whole(claim, cue) -> bool:
    """A "one" that limits nothing: a ratio's first term ("one in five") or one of all
    ("every one of them")."""
    if cue.text.lower() != "one":
        return False
    m = RATIO_AFTER.match(claim.text[cue.end - claim.start:])
    if m is not None and ratio_term(m.group(1).lower()) is not None:
        return True
    before = _WORDS.findall(claim.text[:cue.start - claim.start].lower())[-1:]
    return bool(before) and whole_word(before[0])


def _subject_names(claim) -> list[str]:
    """Proper names in the claim's subject."""
    return [w.text for w in subject_words(claim) if w.pos == "PROPN"]


# Where a subject's head phrase ends: its modifiers after it ("A review of the flooding near
# Tenbury Weir") name what it is about or where it is, not who it is.
_HEAD_END = re.compile(r"\b(?:into|of|outside|inside|at|in|on|for|about|over|near|from|by|"
                       r"with|that|which|who|whose)\b", re.I)


def _named_in_modifier_only(ctx, dc, sc) -> bool:
    """The source subject's names all stand in its modifiers ("a review of the flooding near
    Tenbury Weir", "sales for June") and the derived subject shares none of its nouns
    ("Hearings"): another thing, not the source's group widened. Not when the source's
    head names people ("porters at Tenbury General Hospital" told as "hospital staff"):
    people of one place, widened."""
    m = _HEAD_END.search(sc.subject) if sc.subject else None
    if m is None:
        return False
    cut = sc.start + sc.text.find(sc.subject) + m.start()
    words = subject_words(sc)
    if any(w.pos == "PROPN" and w.start < cut for w in words):
        return False
    head = next((w for w in reversed(words) if w.pos == "NOUN" and w.start < cut), None)
    if head is not None and may_name_people(ctx, head.lemma):
        return False
    theirs = {key(w.lemma) for w in words if w.pos == "NOUN"}
    return not theirs & {key(w.lemma) for w in subject_words(dc) if w.pos == "NOUN"}


def _plural_group(claim) -> bool:
    """True when the subject is a bare plural common noun ("Chinese companies")."""
    words = subject_words(claim)
    if not words or words[-1][4] != "NOUN" or words[-1][2].lower() == words[-1][3]:
        return False
    first = claim.subject.split()[0].lower()
    return first not in {"the", "its", "their", "his", "her", "these", "those", "our", "my"}


def _plural_after(claim, at: int) -> bool:
    """The first noun after offset ``at`` is plural ("the only large grocers"): "only" then
    limits a set, not one thing."""
    noun = next((w for w in sorted(claim.words) if w.start >= at and w.pos == "NOUN"), None)
    return noun is not None and noun.text.lower() != noun.lemma


def _plural_head(claim) -> bool:
    """True when the subject opens with a bare plural common noun, whatever follows it
    ("Shops on the island"; also one the tagger took for a name at the head of the
    sentence, ending in "s")."""
    words = subject_words(claim)
    if not words or claim.subject.split()[0].lower() != words[0].text.lower():
        return False
    first = words[0]
    return first.pos == "NOUN" and first.text.lower() != first.lemma or (
        first.pos == "PROPN" and first.start == claim.sent_start
        and first.text.endswith("s") and not first.text.endswith("ss"))  # "Lidos in X",
    # tagged a name at the sentence's head


def _head_in(dc, sc) -> bool:
    """The derived subject's head noun is in the source claim: the same people, seen from
    another side ("tenants were overcharged" for "Varela overcharged tenants") or with a
    qualifier dropped ("prosecutors" for "prosecutors in the county")."""
    words = subject_words(dc)
    return bool(words) and key(words[-1][3]) in claim_keys(sc)


def _group_stated(ctx, dc) -> bool:
    """Another source claim aligned with the derived one speaks of the derived group ("the
    fire forced about 4,200 residents from their homes" beside "Lena Marchetti left her
    home"): the group is the source's own, not one person widened."""
    return any(_head_in(dc, sc) for sc in ctx.aligned(dc, threshold=0.3))


def _limit_after_verb(dc, sc, cue: str) -> bool:
    """The derived claim keeps the source subject's limit after its verb, beside the
    subject's noun ("One of the nine kilns was cracked" -> "The frost cracked one kiln"):
    the limit's word and, within three words after it, the source subject's head noun, or
    the words the source sets after the same limit after its own verb."""
    nouns = [w for w in subject_words(sc) if w.pos == "NOUN"]
    head = subject_head(sc) or (key(nouns[-1].lemma) if nouns else "")  # ("One of the huts")
    if not head or head in text_keys(dc.subject):
        return False  # "The kilns were cracked, leaving one kiln unusable": all of them
    words = _WORDS.findall(dc.text[len(dc.subject):].lower())
    # what follows the limit in the source, when the source sets it after its verb too
    # ("shards lay across the lawn, some of them by the pond")
    at = next((c.end - sc.start for c in sc.scope if c.text.lower() == cue.lower()), -1)
    after = text_keys(" ".join(sc.text[at:].split()[:5])) if at > 0 else set()
    return any(w == cue.lower() and (head in (near := text_keys(
        " ".join(words[i + 1:i + 4]))) or near & after) for i, w in enumerate(words))


def _object_widened(ctx, dc):
    """(derived noun, source claim, what the source says) when the source limits the plural
    noun after the verb ("officers learned of several incidents only from hospital staff")
    and the derived claim on the same verb gives it whole, with "the" ("learned of
    the assaults")."""
    if any(c.role == "some" for c in dc.scope):
        return None
    mine = object_noun(dc)
    if mine is None or mine[0].text.lower() == mine[0].lemma.lower() or "the" not in mine[1] \
            or any(w not in ("the", "of", "about", "on", "to", "for") for w in mine[1]) \
            or ctx.lexicon.has("number_scales", mine[0].lemma.lower()):
        return None  # a singular, a bare plural ("found weapons": some, not all), a noun
        # with a word of its own before it ("two", "its"), or a count ("hundreds")
    for sc in ctx.aligned(dc):
        if key(sc.predicate) != key(dc.predicate) or not shares_core(dc, sc):
            continue
        theirs = object_noun(sc)
        if theirs is None or theirs[0].text.lower() == theirs[0].lemma.lower():
            continue
        cue = next((c for c in sc.scope if c.role == "some"
                    and theirs[2] <= c.start < theirs[0].start), None)
        if cue is not None:
            return mine[0].text, sc, f'"{cue.text} {theirs[0].text}"'
    return None


# "six actions, each one of which": a quantifier over a set the sentence counts
_OVER_COUNTED = re.compile(r"((?:[\w'’-]+\s+){1,4})[\w'’-]+,\s+(?:every\s+one|each(?:\s+one)?"
                           r"|all|both)\s+of\s+(?:which|whom|them|those)\b", re.I)


def _over_its_count(dc, what: str) -> bool:
    """The derived sentence counts the set its "every" or "all" ranges over with the count
    the source limits the claim to ("set out six actions, each one of which the board
    adopted" where the source says "adopted the six actions"): no widening."""
    theirs = set(number_values(what))
    if len(theirs) != 1 or re.search(r"\bof\b", what):
        return False  # the source's limit is a plain count, not a part ("two of its nine")
    return any(set(number_values(w)) & theirs
               for m in _OVER_COUNTED.finditer(dc.sentence) for w in m.group(1).split())


def check(ctx):
    """Yield a finding for each derived claim that widens its source claim's scope."""
    for dc in ctx.derived_claims:
        if not is_claim_unit(dc):  # headlines compress roles and scope on purpose
            continue
        speaker = widened_speaker(ctx, dc)
        if speaker is not None:
            cue, sc, what, da = speaker
            at = dc.sentence.find(da.surface or da.source)
            s, e = (at, at + len(da.surface or da.source)) if at >= 0 else (0, 0)
            span = dc.sentence[s:e] if e > s else None
            yield make(RULE, dc, confidence=0.6, evidence=[evidence_of(sc)],
                       start=dc.sent_start + s if span else None,
                       end=dc.sent_start + e if span else None, text=span,
                       message=(f'Gives the claim to "{da.source}"; the source gives it to '
                                f'{what} only: "{snippet(sc.sentence)}".'),
                       suggestion=f"Name the speakers as the source does ({what}).")
            continue
        widened = widened_quantifier(ctx, dc) or widened_place(ctx, dc) \
            or widened_scale(ctx, dc) or _object_widened(ctx, dc) or count_dropped(ctx, dc) \
            or whole_for_part(ctx, dc) or figure_of_one(ctx, dc) or added_party(ctx, dc) \
            or aspect_dropped(ctx, dc) or whole_of_partitive(ctx, dc) or uncounted_whole(ctx, dc) \
            or sample_widened(ctx, dc) or relative_count_dropped(ctx, dc) \
            or members_for_body(ctx, dc) or share_raised(ctx, dc)
        if widened is not None and _over_its_count(dc, widened[2]):
            widened = None  # "set out six actions, each one of which ...": the whole
            # of the set the text counts as the source does
        if widened is not None:
            cue, sc, what = widened
            at = dc.sentence.find(cue) if cue not in dc.text else -1
            where = dict(start=dc.sent_start + at, end=dc.sent_start + at + len(cue),
                         text=cue) if at >= 0 else {}  # a clause of the sentence's frame
            yield make(RULE, dc, confidence=0.65, evidence=[evidence_of(sc)], **where,
                       message=(f'Says "{cue}" where the source limits it to {what}: '
                                f'"{sc.text[:70]}".'),
                       suggestion=f'Drop "{cue}" and limit the claim as the source does.')
            continue
        if _limits(dc) or set(dc.subject.lower().split()[:1]) & OBJECT_NEGATORS:
            continue  # "no one was hurt" limits nothing to widen
        for sc in ctx.aligned(dc):
            if not same_deed_verb(dc, sc) or not shares_core(dc, sc):
                continue
            src_named = _subject_names(sc)
            part = part_counted(sc, dc)
            limited = _subject_limited(sc, sole=_plural_head(dc)) or bool(part)
            # (both verbs active or both passive: "Organisers have called off the fair" for
            # "The fair has been cancelled, organisers said" gives the subjects two roles)
            one_to_group = (bool(src_named) and not _subject_names(dc) and _plural_group(dc)
                            and passive_verb(sc) == passive_verb(dc)
                            and not _head_in(dc, sc) and not _group_stated(ctx, dc)
                            and not _named_in_modifier_only(ctx, dc, sc))
            if not limited and not one_to_group:
                continue
            cue = part or next((c.text for c in sc.scope if c.role in LIMITS), "")
            if cue and cue.lower() in dc.subject.lower().split():
                continue  # the derived subject keeps the limit ("most" for "most
                # applications", the noun given in the sentence before)
            if cue and _limit_after_verb(dc, sc, cue):
                continue
            what = (f'"{cue}"' if limited and cue else
                    f'"{" ".join(src_named)}"' if src_named else "a limited subject")
            yield make(RULE, dc, confidence=0.6, evidence=[evidence_of(sc)],
                       message=(f'Widens the claim to "{dc.subject}"; the source says it of '
                                f'{what} only: "{sc.text[:70]}".'),
                       suggestion=f"Limit it as the source does ({what}).")
            break


RULE = Rule(CODE, NAME, KIND, SEVERITY, "claim generalised beyond the source", check, __doc__)
