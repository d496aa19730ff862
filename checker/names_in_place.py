"""A name put in the place of the closely aligned source claim's own, between the same
words (DE401, ``checker.rules.entity_changed``): a named body where the source claim has a
description that its article uses for another body (``description_replaced``), a name
where only the name differs from the source claim (``replaced_in_place``), a name for a
description of the same kind with another word ("the High Court" for "the county court":
``kind_replaced``), and an owner's part named by another noun ("the school's admissions
committee" for its "finance committee": ``owned_part_replaced``), and the same thing given
to another body ("the committee's meeting" for "the council's meeting": ``owner_replaced``).
Each gives the fields of a finding, which the rule makes."""

from __future__ import annotations

import re

from checker.actors import GROUP_LEXNAME
from checker.align import key
from checker.claim_reading import evidence_of, snippet
from checker.date_norms import CALENDAR_NAMES
from checker.descriptions import resolve_description
from checker.lexicon import shipped
from checker.names import CHECKED, name_words, part_of_name, same_referent
from checker.party_kinds import other_kind
from checker.records import Entity
from checker.word_diff import replacements

IN_PLACE = 0.75
# A lower alignment will do where the name stands between the same FRAME words on each side
# as the source's ("rests on a two-year trial on the X estate, where food" for "cites a
# two-year trial on the Y estate, where food"): the claim around it was reworded, the slot
# was not.
IN_PLACE_FRAMED, FRAME = 0.6, 3
_FRAME_WORD = re.compile(r"[\w'’-]+")


def _framed_alike(dc, d0: int, d1: int, sc, s0: int, s1: int) -> bool:
    """The FRAME words before a replaced span and the FRAME after it are the source's."""
    def frame(claim, a: int, b: int):
        text = claim.text.lower()
        return (_FRAME_WORD.findall(text[:a - claim.start])[-FRAME:],
                _FRAME_WORD.findall(text[b - claim.start:])[:FRAME])
    mine, theirs = frame(dc, d0, d1), frame(sc, s0, s1)
    return all(len(m) == FRAME and m == t for m, t in zip(mine, theirs))


def description_replaced(ctx, dc, ent):
    """Finding fields when a body the sources name stands where the closely aligned source claim,
    on the same verb and between the same words, has a definite description that its article
    uses for another named body ("wants the authority to test the stream", the
    authority being the Orrin Valley Water Authority -> "wants Kestle Foods to test the
    stream")."""
    al, sup = ctx.support(dc)
    if ent.label != "ORG" or al.score < IN_PLACE or not sup:
        return None
    sc = sup[0]
    if key(sc.predicate) != key(dc.predicate):
        return None
    before = dc.text[:ent.start - dc.start].split()[-2:]
    after = dc.text[ent.end - dc.start:].split()[:2]
    if len(before) < 2 or len(after) < 2:
        return None
    m = re.search(rf"(?<![\w-]){re.escape(' '.join(before))}\s+(the\s+[a-z]+)\s+"
                  rf"{re.escape(' '.join(after))}(?![\w-])", sc.text)
    if m is None:
        return None
    named = resolve_description(ctx, sc.doc_id, m.group(1))
    if named == m.group(1):
        # no one name the description stands for: still a swap when the name is a state
        # body ("funded by Harwick City Council" for "funded by the association":
        # state_bodies.txt, ``party_kinds.other_kind``; not a firm whose name ends in a
        # noun, "Harwick Homes") and the description is of no state body, and the
        # source sentence does not name it
        head, kind = ent.text.split()[-1].lower(), m.group(1).split()[-1].lower()
        lex = ctx.lexicon
        if not lex.has("state_bodies", head) or lex.has("state_bodies", kind) \
                or lex.has("agency_heads", kind) or not other_kind(
                    kind, ent.text, ctx.source_text, ctx.wordnet, lex) or any(
                re.search(rf"\b{re.escape(w.lower())}\b", sc.sentence.lower())
                for w in name_words(ent.norm)):
            return None  # (not "the authority" or "the board" for a council: a state body
            # goes by several such words)
        named = f"the source's {kind} is no {head}"
    elif set(name_words(ent.norm)) & set(name_words(named.lower())):
        return None  # the description stands for this one
    if same_referent(ent.norm, named.lower(), ctx.wordnet):
        return None
    s0, s1 = sc.start + m.start(1), sc.start + m.end(1)
    return dict(start=ent.start, end=ent.end, text=ent.text, confidence=0.6,
                evidence=[evidence_of(sc, start=s0, end=s1)],
                message=(f'Names "{ent.text}" where the source says "{m.group(1)}" (that is, '
                         f'{named}): "{sc.text[:70]}".'),
                suggestion=f'Check the name: the source has "{m.group(1)}" here.')


def _only_name(tokens, ent) -> bool:
    """Every replaced word belongs to the name (or is "the" or a possessive)."""
    return all(ent.start <= s and e <= ent.end or t in ("the", "'s", "s")
               for t, s, e in tokens)


def names_both(dc, alt, dnorms) -> bool:
    """The derived claim also names the source's entity, as whole words ("Ely" is not in
    "Elyton")."""
    words = set(name_words(alt.norm))
    return bool(re.search(rf"\b{re.escape(alt.norm)}\b", dc.text.lower())) or any(
        words and words <= set(name_words(d)) for d in dnorms)


_PERIOD_STYLES = shipped("period_styles")


def modifies_its_noun(ent, sc, alt) -> bool:
    """The source's word is a modifier of the common noun that ends the derived name, told
    in lower case right after it ("Pelbury's Edwardian bandstand" where the derived text
    names the "Coronation Bandstand", known to the source): one thing, described there and
    named here, not a swap: a word of a period or a style only (period_styles.txt; not "the
    French embassy" for the "British Embassy"). Known false positive: another thing of that
    kind the source describes so and names apart ("the Victorian station" beside "Central
    Station will stay open")."""
    if alt.text.lower() not in _PERIOD_STYLES:
        return False
    tail = [w.lower() for w in re.findall(r"[A-Za-z]+", ent.text)[1:]][-2:]
    after = re.findall(r"[A-Za-z]+", sc.text[alt.end - sc.start:])[:len(tail)]
    return bool(tail) and all(w.islower() for w in after) and after == tail


def _untagged_name(claim, run, label: str):
    """The source's run of replaced words as a name when the tagger left it untagged but
    every word of it is a proper noun ("Marrow Bridge" tagged in one sentence, not in the
    next): the same tagger reads names of one text inconsistently."""
    words = [w for w in claim.words if run[0].start <= w.start < run[-1].end]
    if not words or len(words) != len(run) or any(w.pos != "PROPN" for w in words) \
            or any(w.text.lower().rstrip(".") in CALENDAR_NAMES for w in words):
        return None  # (not a day or a month: "on Tuesday" is no place)
    start, end = run[0].start, run[-1].end
    text = claim.text[start - claim.start:end - claim.start]
    return Entity(text, label, " ".join(text.lower().split()), start, end)


def replaced_in_place(ctx, dc, dnorms):
    """Finding fields for each name whose words around a name are the source claim's own and only the name
    differs ("close Corrigan's depot in Redmere" -> "close Fernbrook's depot in Kilbride"),
    even when the new name is one the same source sentence uses in another slot."""
    al, sup = ctx.support(dc)
    if al.score < IN_PLACE_FRAMED or not sup:
        return
    sc = sup[0]
    for rep in replacements(dc, sc):
        d0, d1 = rep.derived[0].start, rep.derived[-1].end
        s0, s1 = rep.source[0].start, rep.source[-1].end
        if al.score < IN_PLACE and not _framed_alike(dc, d0, d1, sc, s0, s1):
            continue
        ent = next((e for e in dc.entities if e.label in CHECKED and e.start < d1
                    and d0 < e.end), None)
        alt = next((e for e in sc.entities if e.label in CHECKED and e.start < s1
                    and s0 < e.end), None)
        if alt is None and ent is not None:
            alt = _untagged_name(sc, rep.source, ent.label)
        if ent is None or alt is None or ent.norm == alt.norm:
            continue
        if not (_only_name(rep.derived, ent) and _only_name(rep.source, alt)):
            continue  # other words changed too: a rewording, not a name put in another's place
        if part_of_name(ent.norm, alt.norm):
            continue  # one name is part of the other
        if names_both(dc, alt, dnorms):
            continue  # the derived claim names both: reordered, not replaced
        if same_referent(ent.norm, alt.norm, ctx.wordnet):
            continue  # "NHS" for "the National Health Service", "Switzerland" for "Geneva"
        if modifies_its_noun(ent, sc, alt):
            continue  # "the Edwardian bandstand" for the "Coronation Bandstand"
        yield dict(start=ent.start, end=ent.end, text=ent.text, confidence=0.6,
                   evidence=[evidence_of(sc, start=alt.start, end=alt.end)],
                   message=(f'Names "{ent.text}" where the source says "{alt.text}": '
                            f'"{snippet(sc.text, 70)}".'),
                   suggestion=f'Check the name: the source has "{alt.text}" here.')


def kind_replaced(ctx, dc, ent):
    """Finding fields when a name the sources never use stands where the closely aligned
    source claim, on the same verb and after the same two words, has a description of the
    same kind of thing with another word before its head ("will lodge its challenge at the
    High Court" for "... at the county court": the name's last word is the description's
    head, the description's other word is no word of the name). Known false positive: the
    proper name of the very thing the description tells, in other words ("the Harwick
    Justice Centre" for "the county court" is not compared; "Harwick County Court" holds
    the word and is kept)."""
    al, sup = ctx.support(dc)
    words = ent.text.split()
    if ent.label not in CHECKED or len(words) < 2 or not sup or al.score < IN_PLACE_FRAMED:
        return None
    sc = sup[0]
    if key(sc.predicate) != key(dc.predicate):
        return None
    before = _FRAME_WORD.findall(dc.text[:ent.start - dc.start].lower())[-2:]
    if len(before) < 2:
        return None
    head = words[-1].lower()
    m = re.search(rf"(?<![\w-]){re.escape(' '.join(before))}\s+((?:the|a|an)\s+"
                  rf"([a-z][\w'’-]*)\s+{re.escape(head)})(?![\w-])", sc.text)
    if m is None or not any(w.start == sc.start + m.start(2) and w.pos == "NOUN"
                            for w in sc.words):
        return None  # (a noun that says which kind, "county"; not "the new stadium": an
        # added name where the source has an adjective is unsupported, DU802's)
    mine = {w.lower().strip("'’") for w in words}
    if m.group(2).strip("'’").rstrip("s") in {w.rstrip("s") for w in mine}:
        return None
    theirs = m.group(1)
    at = sc.start + m.start(1)
    return dict(start=ent.start, end=ent.end, text=ent.text, confidence=0.65,
                evidence=[evidence_of(sc, start=at, end=at + len(theirs))],
                message=(f'Names "{ent.text}" where the source says "{theirs}": '
                         f'"{snippet(sc.text, 80)}".'),
                suggestion=f'Check the name: the source has "{theirs}".')


# An owner's part named by a noun before its head ("the council's scrutiny committee")
_OWNED_PART = re.compile(r"\b([A-Za-z][\w-]*['’]s)\s+([a-z][\w-]+)\s+([a-z][\w-]+)\b")


def owned_part_replaced(ctx, dc):
    """Finding fields when the derived claim names an owner's part by a noun before its head
    ("ask the school's admissions committee") where the closely aligned source claim, on the
    same verb, names the same owner's part of that head by another noun ("the school's
    finance committee") and no source text writes the derived pair ("admissions committee"):
    another part of the same body. The head and the word before it are nouns, the head a
    body of people (its first WordNet sense a group: "committee", "panel"). Known false
    positive: a part the sources call by two names, one of them only in the summary ("the
    council's finance committee" for its "budget committee")."""
    al, sup = ctx.support(dc)
    if not sup or al.score < IN_PLACE_FRAMED or key(sup[0].predicate) != key(dc.predicate):
        return None
    sc = sup[0]
    nouns = {w.start: w for w in dc.words if w.pos == "NOUN" or w.pos == "PROPN"
             and w.text.islower()}  # (a lower-case head the tagger called a name)
    low = ctx.source_text.lower()
    for m in _OWNED_PART.finditer(dc.text):
        owner, mod, head = m.groups()
        at = dc.start + m.start(2)
        head_word = nouns.get(dc.start + m.start(3))
        if at not in nouns or head_word is None or f"{mod} {head}".lower() in low \
                or not _body_noun(ctx, head_word.lemma):
            continue
        theirs = re.search(rf"\b{re.escape(owner)}\s+([a-z][\w-]+)\s+{re.escape(head)}\b",
                           sc.text)
        if theirs is None or theirs.group(1).lower() == mod.lower() or not any(
                w.pos == "NOUN" and w.start == sc.start + theirs.start(1) for w in sc.words):
            continue
        # (severity warning: a synonym of the part is its known false alarm)
        return _warning(sc, theirs, at, dc.start + m.end(3), f"{mod} {head}", m.group(0),
                        "Check which part")
    return None


# "the bonfire committee's meeting": an owner told by a common noun (up to two words before
# its head) and the thing it owns
_OWNER = re.compile(r"\b((?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*))['’]s\s+((?:own\s+)?[a-z][\w-]+)\b")


def owner_replaced(ctx, dc):
    """Finding fields when the derived claim gives a thing to one body ("at the angling
    club's meeting") where the closely aligned source claim, on the same verb, gives
    the same thing to another ("at the council's meeting"): both owners common nouns whose
    first WordNet sense is a group of people, neither the other's synonym, the derived one
    a party the sources name elsewhere by the same modifier and head ("the angling
    club"; not a bare head, "the agency's report" for "the inspectorate's report"), and
    no source text giving it that thing ("the committee's meeting"). Known false positive:
    one body the sources call by two such descriptions ("the parish council's meeting" for
    "the town council's meeting")."""
    al, sup = ctx.support(dc)
    if not sup or al.score < IN_PLACE_FRAMED or key(sup[0].predicate) != key(dc.predicate):
        return None
    sc = sup[0]
    low = ctx.source_text.lower()
    function = ctx.lexicon.words["function_words"]
    for m in _OWNER.finditer(dc.text.lower()):
        mine, thing = m.group(2), m.group(3)
        spans = list(re.finditer(r"\S+", m.group(1)))
        while spans and spans[0].group() in function:
            spans = spans[1:]  # ("at the angling club": from "angling")
        words = [w.group() for w in spans]
        theirs = re.search(rf"\b([a-z][\w-]*)['’]s\s+{re.escape(thing)}\b", sc.text.lower())
        apart = theirs is not None and _kinds_apart(ctx, mine, theirs.group(1), low)
        if not apart and (len(words) < 2 or not re.search(
                rf"\b{re.escape(' '.join(words))}\b", low)):
            continue  # a party the sources name by a modifier and a head ("the angling
            # club"), not a bare head ("the agency's report"), which may be any body
        if f"{mine}'s {thing}" in low.replace("’", "'") or f"{thing} of the {mine}" in low:
            continue
        if theirs is None or theirs.group(1) == mine or not apart and (
                not _body_noun(ctx, mine) or not _body_noun(ctx, theirs.group(1))
                or mine in ctx.wordnet.synonyms(theirs.group(1), "noun", 2)):
            continue
        at = dc.start + m.start(1) + spans[0].start()
        mine_text = dc.text[at - dc.start:m.end(3)]
        return _warning(sc, theirs, at, dc.start + m.end(3), mine_text, mine_text,
                        "Check whose it is")
    return None


def _warning(sc, theirs, start: int, end: int, text: str, said: str, check: str) -> dict:
    """The fields of a warning that the derived words ``said`` stand where the source claim
    has the words ``theirs`` matched in its text."""
    told = sc.text[theirs.start():theirs.end()]
    at = sc.start + theirs.start()
    return dict(start=start, end=end, text=text, confidence=0.6, severity="warning",
                evidence=[evidence_of(sc, start=at, end=at + len(told))],
                message=f'Says "{said}" where the source says "{told}": '
                        f'"{snippet(sc.text, 80)}".',
                suggestion=f'{check}: the source has "{told}".')


def _kinds_apart(ctx, mine: str, theirs: str, low: str) -> bool:
    """Two bare heads the sources use for two parties of two kinds, a business and a body
    that is none ("the firm's own surveyor" for "the trust's own surveyor", both "the firm"
    and "the trust" in the sources: corporate_nouns.txt against voluntary_body_nouns.txt or
    public_body_heads.txt): one cannot stand for the other. Known false positives: a
    business whose name ends in a word for another kind of body ("Wexley Building Society",
    also called "the lender"); a business the sources call by a kind of body it runs ("the
    operator's own inspectors" for "the hospital's own inspectors", where the operator
    runs the hospital)."""
    lex = ctx.lexicon
    corporate = [lex.has("corporate_nouns", w) for w in (mine, theirs)]
    other = [any(lex.has(role, w) for role in ("voluntary_body_nouns", "public_body_heads"))
             for w in (mine, theirs)]
    return corporate[0] != corporate[1] and (other[0] or other[1]) \
        and all(re.search(rf"\bthe {w}\b", low) for w in (mine, theirs))


def _body_noun(ctx, lemma: str) -> bool:
    """The noun's first WordNet sense is a group of people ("committee", "board")."""
    senses = ctx.wordnet.senses(lemma, "noun", 1) if ctx.wordnet.available else []
    return bool(senses) and senses[0].lexname == GROUP_LEXNAME
