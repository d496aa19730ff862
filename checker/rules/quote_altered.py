"""DQ701 quote-altered: words inside quotation marks are not what the source quotes.

What it flags:
    A derived quotation (three words or more, or any quotation close to a source quotation)
    whose text, after normalising quotes, case and spacing, is not found in the sources; a
    quotation inside a reporting frame, which no claim holds ('called the cap "a slogan"
    and said ...'), is read with the nearest claim of its sentence. Also a quotation given as
    a whole sentence (a capital first, its full stop inside the marks) where the source's
    quotation goes on in the same clause ('"... and we did not close the bridge."' for
    '"... and we did not close the bridge soon enough"'): a cut that reads as the speaker's
    full stop.
Why it matters:
    Quotation marks promise the speaker's exact words.
Known false positives:
    Quotation marks used for titles or scare quotes around a paraphrase; quotes trimmed with
    an ellipsis in a way the normaliser does not undo. For a cut quotation: a rest that only
    adds a detail ("... will appeal." for "... will appeal on Monday"), which an editor may
    still want marked.
Examples:
    Source: Shihipar called it "an experiment from March".
    Flag: Shihipar called it "a March test".
    Okay: Shihipar called it "an experiment from March".
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from checker.quotes import derived_quotes, fold_marks, normalise_quote, source_quotes
from checker.lexicon import shipped
from checker.rules.base import Rule, make, snippet

CODE, NAME, KIND, SEVERITY = "DQ701", "quote-altered", "quote-altered", "error"


def check(ctx):
    """Yield a finding for each derived quotation the sources do not contain."""
    if not any(dc.quotes for dc in ctx.derived_claims):
        return
    quotes = source_quotes(ctx)
    # Searched as the quotations are normalised: a quotation holding a curly single quote
    # ('the ‘best’ plan') is then found in the very text it came from.
    text = fold_marks(re.sub(r"\s+", " ", ctx.index.text_lower))
    quoted = None  # the sources' quotations normalised, once, when a quotation is found
    for dc, q in derived_quotes(ctx):
        nq = normalise_quote(q.text)
        if not nq:
            continue
        parts = [p.strip(" .,") for p in re.split(r"\.\.\.|…", nq) if p.strip(" .,")]
        if all(p in text for p in parts):
            if quoted is None:
                quoted = [(normalise_quote(sq.text), ev) for sq, ev in quotes]
            rest = _cut_as_whole(q.text, nq, [t for t, _ in quoted])
            if rest:
                yield make(RULE, dc, start=q.start, end=q.end, text=q.text, confidence=0.7,
                           evidence=sorted((ev for t, ev in quoted if nq in t),
                                           key=lambda ev: rest not in ev.text.lower())[:1],
                           message=(f'Ends the quotation "{snippet(q.text, 40)}" as a whole '
                                    f'sentence, but the source\'s sentence goes on: "… {rest}".'),
                           suggestion=f'Quote the rest ("{rest}") or mark the cut with "…".')
            continue
        best, best_ev, best_q = 0.0, None, None
        for sq, ev in quotes:
            r = fuzz.ratio(nq, normalise_quote(sq.text))
            if r > best:
                best, best_ev, best_q = r, ev, sq
        if best < 50 and len(nq.split()) < 3 or best == 100:
            continue  # a short quotation like no other, or one the sources give word for word
        if best_q is not None and best >= 50:
            yield make(RULE, dc, start=q.start, end=q.end, text=q.text,
                       confidence=0.6 + 0.3 * best / 100, evidence=[best_ev],
                       message=(f'Quotes "{snippet(q.text, 40)}", but the source quotes '
                                f'"{snippet(best_q.text, 50)}".'),
                       suggestion=f'Quote the source exactly: "{best_q.text}".')
        else:
            yield make(RULE, dc, start=q.start, end=q.end, text=q.text, confidence=0.55,
                       message=(f'Quotes "{snippet(q.text, 40)}", words that appear nowhere '
                                f"in the source; no support found."),
                       suggestion="Remove the quotation marks or quote the source exactly.",
                       severity="warning")


def _cut_as_whole(raw: str, nq: str, quoted: list) -> str:
    """The words a source quotation (of ``quoted``, the sources' quotations normalised; not
    a sentence of narrative that repeats the words) goes on with, in the same clause, after
    a derived quotation given as a whole sentence (a capital first, its full stop inside
    the marks: "We saw the cracks and we did not close the bridge." for "... did not close
    it soon enough"), or ''. Four words at least; a cut before a comma or a conjunction is a
    sentence's end as good as any."""
    inner = raw.strip(" \"'“”‘’")
    letters = re.sub(r"[^A-Za-z]", "", inner)
    if not letters or not letters[0].isupper() or not inner.endswith((".", "!", "?")) \
            or len(nq.split()) < 4:
        return ""
    for text in quoted:
        for m in re.finditer(re.escape(nq), text):
            after = re.match(r" ([a-z0-9][\w'’-]*(?: [a-z0-9][\w'’-]*){0,3})", text[m.end():])
            if after and after.group(1).split()[0] not in _CLAUSE_OPENERS:
                return after.group(1)
    return ""


# words that open a clause of its own after a cut ("and", "because", "after")
_CLAUSE_OPENERS = frozenset(w for role in ("coordinators", "causal",
                                           "temporal")
                            for w in shipped(role) if " " not in w)

RULE = Rule(CODE, NAME, KIND, SEVERITY, "quotation differs from the source", check, __doc__)
