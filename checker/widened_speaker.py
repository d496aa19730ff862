"""A claim given to a whole group of speakers that the source limits to some of them, to a
count of them or to one person ("residents across the valley say" for "three residents
said"). Read by DS951 (scope-changed) through ``widened_speaker``; ``checker.widened`` reads
a claim spread over a whole place or a wider scale."""

from __future__ import annotations

import re

from checker.actors import GROUP_LEXNAME, PERSON_LEXNAME
from checker.align import claim_keys, key, text_keys
from checker.lexicon import shipped
from checker.numbers import number_values
from checker.source_phrase import core
from checker.widened import LIMITS, OWN, SAME_SHARE, first_of, widening_in


_DEGREE_MOST = re.compile(r"\b(?:the|its|their|his|her|[\w-]+['’]s)\s+most\b", re.I)


def _speaker_limit(text: str, lexicon) -> str:
    """The scope word that limits a speaker ("some" in "some residents of X"), or ''; not one
    in what a relative clause says the speaker reported ("the company, which said in its
    plan that some towns ...")."""
    text = re.split(r",\s*(?:which|who)\b[^,;]*?\bthat\s", text, 1)[0]
    text = _DEGREE_MOST.sub(" ", text)  # "its most recent accounts": a degree, no limit
    return first_of(text, [w for w, role in lexicon.words.get("scope", {}).items()
                            if role in LIMITS])


def _head_form(attr) -> str:
    """The speaker's head word as written ("engineers" for the head "engineer", "fishermen"
    for "fisherman"), or ''."""
    head = attr.head.lower()
    words = re.findall(r"[a-z]+", core(attr.source).lower())
    if head.endswith("man"):  # ("fishermen" for "fisherman", "men" for "man")
        return next((w for w in words if w in (head, head[:-3] + "men")), "")
    stem = head[:-1] if len(head) > 3 else head
    return next((w for w in words if w.startswith(stem) and len(w) - len(head) <= 2), "")


def _one_speaker(attr) -> bool:
    """One person: "a former engineer", "an engineer who ...", the head in the singular."""
    first = attr.source.split()[:1]
    return bool(first) and first[0].lower() in ("a", "an", "one") and _head_form(attr) == \
        attr.head.lower()


def _named_one(attr) -> bool:
    """One party by its name, every word capitalised before a comma ("Corlan Tyres, the
    league's tyre supplier and one of its sponsors")."""
    name = attr.source.split(",")[0].split()
    return len(name) >= 2 and all(re.fullmatch(r"[A-Z][\w'’&.-]*", w) for w in name)


def _plural_head(attr) -> bool:
    """The speaker's head in the plural ("former engineers", "fishermen")."""
    form = _head_form(attr)
    return bool(form) and form != attr.head.lower() and (
        form.endswith("s") or form.endswith("men") and attr.head.lower().endswith("man"))


def widened_speaker(ctx, dc):
    """(cue, source claim, what the source says, the derived speaker's attribution) when the
    derived claim gives its statement to a whole group ("residents across the valley",
    "residents", "the canal's boatyard operators") that the source limits to a part of it
    ("some residents of one town") or to a count of it ("two boatyard operators"), or to the
    body of people a count of them belongs to ("staff at the council's depots" for "two
    drivers at its Brookfield depot": ``_staff_of``), or to one named member of it ("the
    co-founders" for "Ada Kerr, a co-founder"; "the league's sponsors" for "Corlan Tyres,
    one of its sponsors")."""
    da = _speaker(dc.attribution)
    if da is None:
        return None
    if _speaker_limit(da.source, ctx.lexicon):
        return None
    mine = claim_keys(dc)
    close = ctx.aligned(dc, threshold=0.8) or [  # or one whose every word the claim keeps,
        sc for sc in ctx.aligned(dc) if len(claim_keys(sc)) >= 3 and claim_keys(sc) <= mine]
    if not _group_speaks(ctx, da, mine):
        close += [sc for sc in ctx.aligned(dc, threshold=0.3) if sc not in close
                  and _one_of_us(sc, da, mine)]
    for sc in close:  # the claim adding a detail ("... that failed during the outage")
        sa = _speaker(sc.attribution)
        if sa is None or _same_name(da, sa):
            continue
        staff = key(sa.head) != key(da.head) and not _head_as_modifier(ctx, sc, sa, da)
        if staff and _plural_head(da) and _apposed_one(sa) == key(da.head) \
                and set(re.findall(r"(?<!^)\b[A-Z][\w'’-]*", da.source.strip())) \
                <= set(re.findall(r"[\w'’-]+", sa.source)):  # no other body's name in it
            return da.source, sc, f'"{sa.source.strip(" ,")}"', da  # "Ada Kerr, a
            # co-founder" given as "the co-founders"
        if staff and _named_one(sa) and _plural_head(da) \
                and key(da.head) in {key(w) for w in re.findall(r"[a-z][\w-]*", sa.source)} \
                and not _said_by_whole_group(ctx, dc, da):
            return da.source, sc, f'"{sa.source.strip(" ,")}"', da  # "Corlan Tyres, the
            # league's tyre supplier and one of its sponsors" given as "the league's sponsors"
        if staff and not _staff_of(ctx, sa, da):
            continue
        limit = _speaker_limit(sa.source, ctx.lexicon)
        if (staff and not _counted(da)) or (limit and limit not in OWN and limit != "one") or (
                _one_speaker(sa) and _plural_head(da)) or (
                _counted(sa) and _plural_head(da) and _whole_group(da)):
            if _said_by_whole_group(ctx, dc, da):
                return None  # "in a joint letter, the estate's tenants said ...": the group
                # says it, in a claim of the same words the aligner may not pick
            return widening_in(da.source, ctx.lexicon) or da.source, sc, f'"{sa.source}"', da
    return None


def _one_of_us(sc, da, mine) -> bool:
    """A looser support told by one speaker of the derived speakers' own noun ("One farmer
    near Thimblecote" for "Farmers near Thimblecote") that shares three content words with
    the derived claim: the same report, though it words the deed otherwise ("had seen
    tracks" for "have found tracks")."""
    sa = _speaker(sc.attribution)
    return sa is not None and _one_speaker(sa) and _plural_head(da) \
        and key(sa.head) == key(da.head) and len(claim_keys(sc) & mine) >= 3


def _group_speaks(ctx, da, mine) -> bool:
    """Some source claim on the derived claim's matter (two content words shared) is told
    by the derived speakers' own group, in the plural of their head ("Fishermen at Orra
    Quay said oil had washed up by the slipway"): one of them, told in a looser support,
    widens nothing."""
    return any((sa := _speaker(sc.attribution)) is not None and _plural_head(sa)
               and key(sa.head) == key(da.head) and len(claim_keys(sc) & mine) >= 2
               for sc in ctx.index.claims)


def _head_as_modifier(ctx, sc, sa, da) -> bool:
    """The source speaker's head stands right before the derived one, as its modifier, in a
    compound the source article writes ("the club's 30 volunteer stewards" for "some
    volunteers" where the article says "30 volunteer stewards"): one group, told by both
    words. Not a possessive ("the teachers' union") nor a compound the article never
    writes ("parent governors" for "some of the parents": another group)."""
    words = re.findall(r"[a-z]+['’]?", core(da.source).lower())
    art = ctx.doc_of.get(sc.doc_id)
    text = art.text.lower() if art is not None else ""
    return any(key(a) == key(sa.head) and b == _head_form(da) and not a.endswith(("'", "’"))
               and f"{a} {b}" in text for a, b in zip(words, words[1:]))


_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")
_PREPOSITIONS = shipped("prepositions")
_BODY_HEADS = shipped("non_person_heads")  # "the Skellan Fishers' Cooperative": a body


def _same_name(da, sa) -> bool:
    """Both speakers are one named person, however each describes her ("Independent
    bridge engineer Corin Hale" for "Corin Hale, an independent bridge engineer who has
    inspected several crossings"): whom the description's words cannot widen. The name is a
    run of capitalised words (it may take in a title before it; the source's speaker must
    hold its last two words) that no preposition sets as a place or a body ("staff at
    Harrow Mill" and "two workers at Harrow Mill" share no person), that ends its phrase or
    has a comma, "of", "from" or "at" after it ("Corin Hale of Marl University"; "Harnet
    Logistics drivers" names a company's drivers, not a person), and no body's head ends it
    (a body's description may widen it: non_person_heads.txt). Known false negative: a group
    named after one person ("Ada Kerr and other residents" for "Ada Kerr")."""
    def people(text: str) -> list:
        out = []
        for m in _NAME_RUN.finditer(text):
            before = re.findall(r"[a-z]+", text[:m.start()].lower())[-1:]
            last = m.group().split()[-1].lower()
            ends = re.match(r"\s*(?:,|$|(?:of|from|at)\b)", text[m.end():]) is not None
            if ends and not (before and before[0] in _PREPOSITIONS) \
                    and last not in _BODY_HEADS:
                out.append(" ".join(m.group().split()[-2:]))
        return out

    theirs = people(sa.source)
    return any(re.search(rf"\b{re.escape(p)}\b", t) for p in people(da.source) for t in theirs)


_APPOSED_ONE = re.compile(r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*,\s+(?:a|an|one)\s+"
                          r"(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)(?=\s+(?:who|of|at|in|on|for|from"
                          r"|with)\b|\s*,|\s*$)")


def _apposed_one(sa) -> str:
    """The key of the one-person description a named source speaker is given in apposition
    ("Ada Kerr, a co-founder who ran the clinic": "founder"), or ''."""
    m = _APPOSED_ONE.match(sa.source.strip())
    return key(m.group(1).split("-")[-1]) if m else ""


def _staff_of(ctx, sa, da) -> bool:
    """The derived speaker is the body of people the counted source speakers belong to:
    "staff at the council's depots" for "two drivers at the council's Brookfield
    depot" (a head WordNet files first as a group, "staff", "crew", against one it
    files as a person; not a body's own noun, "the council": non_person_heads.txt, nor a
    party's; and a word of the phrase besides in common)."""
    wn, lex = ctx.wordnet, ctx.lexicon
    if not wn.available or not _counted(sa) or not da.head or not sa.head \
            or lex.has("non_person_heads", da.head) or lex.has("corporate_nouns", da.head):
        return False
    phrase = core(da.source).lower()
    if re.search(rf"\b{re.escape(da.head.lower())}\w*\s+of\b", phrase) or any(
            number_values(w) for w in phrase.split()):
        return False  # "a pair of paramedics", "a crew of two": a count in other words
    mine, theirs = wn.senses(da.head, "noun", 1), wn.senses(sa.head, "noun", 1)
    if not mine or not theirs or mine[0].lexname != GROUP_LEXNAME \
            or theirs[0].lexname != PERSON_LEXNAME:
        return False
    rest = text_keys(core(da.source)) & text_keys(core(sa.source)) - {key(da.head), key(sa.head)}
    return any(len(k) > 3 for k in rest)


def _said_by_whole_group(ctx, dc, da) -> bool:
    """A source claim of the same words gives the statement to the derived speaker's group
    with no count or limit."""
    mine = claim_keys(dc)
    return any(_whole_said(ctx, sc, da) for sc in ctx.index.claims
               if len(mine & claim_keys(sc)) >= SAME_SHARE * len(mine))


def _whole_said(ctx, sc, da) -> bool:
    """A source claim gives the statement to the same group with no count or limit."""
    sa = _speaker(sc.attribution)
    return sa is not None and key(sa.head) == key(da.head) and not _counted(sa) \
        and not _speaker_limit(sa.source, ctx.lexicon) and not _one_speaker(sa)


def _speaker(attr):
    """The attribution that names a speaker: the claim's own, or the one around a nameless
    frame inside it ("Two operators said they had not been told whether ...")."""
    while attr is not None and not attr.head:
        attr = attr.outer
    return attr


def _counted(attr) -> bool:
    """A count of speakers: a number opens the phrase ("two boatyard operators", "five of
    the parents")."""
    first = core(attr.source).split()[:1]
    return bool(first) and bool(number_values(first[0]))


def _whole_group(attr) -> bool:
    """The speakers given as the whole of a group: the group of a place or body ("the
    canal's boatyard operators") or "all", and no number."""
    phrase = core(attr.source)
    words = phrase.lower().split()
    return not any(number_values(w) for w in words) and (
        bool(words) and words[0] == "all" or re.search(r"\w['’]s?\s", phrase) is not None)
