"""DE401's reading of the words that credit a claim: a derived speaker phrase that matches
its source claim's word for word but for a name after a preposition ("A study done by
Hollin Surveys for the registry estimated" where the source has "A study done by Marsh
Quarry Partners for the registry estimated"). The names of a speaker phrase stand outside
the claim's text, where the entity rules do not look; the speaker's own name is DA102's.
Known false positives: two phrases that name the same party in two forms of its name
other than a company suffix, a short word or an acronym; a party the sources say was
renamed, or its parent company. Both names are kept to names the sources give elsewhere."""

from __future__ import annotations

import re

from checker.lexicon import shipped_values
from checker.names import acronym_of_source, norm_name
from checker.source_phrase import NAME_RUN_RE


def swapped_in_speaker(ctx, dc):
    """(start, end, derived name, source name, source claim) for the first name of the
    derived claim's speaker phrase that differs from the name in its place in an aligned
    source claim's speaker phrase of the same words; else None."""
    att = dc.attribution
    if att is None or not att.source or att.kind not in ("named", "according-to"):
        return None
    mine = att.source
    outlets = {norm_name(a.meta_value("outlet")) for a in (*ctx.sources, ctx.derived)} - {""}
    for sc in ctx.aligned(dc)[:2]:
        theirs = sc.attribution.source if sc.attribution is not None else ""
        if not theirs or _skeleton(mine, ctx) != _skeleton(theirs, ctx):
            continue
        names, their_names = _names(mine, ctx), _names(theirs, ctx)
        for m, t in zip(names, their_names):
            mw, tw = _words(m), _words(t)
            if mw <= tw or tw <= mw or any(_words(x) == mw for x in their_names) \
                    or not re.search(rf"\b{re.escape(m.lower())}\b", ctx.index.text_lower) \
                    or {norm_name(m), norm_name(t)} & outlets or _short_for(m, t, ctx):
                continue  # (one name in two forms: "Hollin Surveys" and "Hollin Surveys
                # Partners"); an outlet of the story credits its own reporting ("documents
                # obtained by the Gazette"), and a text drawing on two may credit either; the
                # names of both phrases in another order; a short form the sources give
            if re.search(rf"\b(?:seen|obtained|reviewed|reported|published)\s+by\s+"
                         rf"(?:the\s+)?{re.escape(m)}", mine):
                continue  # "files obtained by the Gazette": the outlet that reports them, as
                # the corpus's metadata may not say
            if not re.search(rf"\b(?:by|for|of|at|from|with)\s+(?:the\s+)?{re.escape(m)}",
                             mine):
                continue  # the speaker's own name is DA102's to compare; a name inside
                # the description of the speaker ("done by X") is the entity's
            where = re.search(rf"\b(?:by|for|of|at|from|with)\s+(?:the\s+)?({re.escape(m)})",
                              dc.sentence)
            if where is None:
                continue
            start = dc.sent_start + where.start(1)
            return start, start + len(m), m, t, sc
    return None


# a company suffix a name may go with or without, and short forms of words: name_forms.txt
_FORMS = dict(shipped_values("name_forms"))


def _words(name: str) -> set:
    """The words of a name in lower case, its company suffixes aside and short forms
    written out ("Hollin Surveys Ltd" and "Hollin Surveys"; "St Anne's", "Saint Anne's")."""
    words = re.findall(r"[a-z]+", name.lower().replace("’", "'").replace("'s", ""))
    return {_FORMS.get(w, w) for w in words if _FORMS.get(w) != "suffix"}


def _short_for(mine: str, theirs: str, ctx) -> bool:
    """One name is an acronym of the other ("NWA", "the Northern Water Authority") or of a
    name the sources give in full."""
    for short, full in ((mine, theirs), (theirs, mine)):
        if short.isupper() and acronym_of_source(short.lower(), full.lower()):
            return True
    return mine.isupper() and acronym_of_source(mine.lower(), ctx.index.text_lower)


def _names(phrase: str, ctx) -> list[str]:
    """The capitalised runs of a phrase that are names, not a capitalised article or
    determiner opening it ("An audit")."""
    dets = ctx.lexicon.words.get("determiners", {})
    runs = [part for r in NAME_RUN_RE.findall(phrase)
            for part in re.split(r"\s+(?:for|and|&)\s+(?:the\s+)?", r)]
    return [r for r in runs if not all(w.lower() in dets for w in r.split())]


def _skeleton(phrase: str, ctx) -> str:
    """The phrase with each name made one placeholder, in lower case, without articles or
    punctuation ("A study done by X for Y" and "The study, done by X for Y,"
    are one)."""
    out = phrase
    for name in _names(phrase, ctx):
        out = out.replace(name, " # ", 1)
    words = re.findall(r"[a-z]+|#", out.lower())
    return " ".join(w for w in words if w not in ("a", "an", "the"))
