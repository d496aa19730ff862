"""DQ701 quote-altered: words inside quotation marks are not what the source quotes.

What it flags:
    A derived quotation (three words or more, or any quotation close to a source quotation)
    whose text, after normalising quotes, case and spacing, is not found in the sources; a
    quotation inside a reporting frame, which no claim holds ('called the cap "a slogan"
    and said ...'), is read with the nearest claim of its sentence.
Why it matters:
    Quotation marks promise the speaker's exact words.
Known false positives:
    Quotation marks used for titles or scare quotes around a paraphrase; quotes trimmed with
    an ellipsis in a way the normaliser does not undo.
Examples:
    Source: Shihipar called it "an experiment from March".
    Flag: Shihipar called it "a March test".
    Okay: Shihipar called it "an experiment from March".
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from checker.quotes import derived_quotes, fold_marks, normalise_quote, source_quotes
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
    for dc, q in derived_quotes(ctx):
        nq = normalise_quote(q.text)
        if not nq:
            continue
        parts = [p.strip(" .,") for p in re.split(r"\.\.\.|…", nq) if p.strip(" .,")]
        if all(p in text for p in parts):
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


RULE = Rule(CODE, NAME, KIND, SEVERITY, "quotation differs from the source", check, __doc__)
