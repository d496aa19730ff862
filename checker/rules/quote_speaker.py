"""DA103 quote-speaker-changed: a quotation is put in the mouth of another speaker.

What it flags:
    A derived quotation whose words the source quotes too, but from a different named speaker.
Why it matters:
    Misattributed quotes are among the most damaging and most corrected errors in news.
Known false positives:
    Speakers named differently on first and later mention ("Thariq Shihipar" vs "the
    engineer") when the extractor cannot tell they are one person; an organisation and its
    spokesperson; a partial quotation whose speaker the extractor took from the sentence's
    main clause ("A said X, while B insisted it 'will hold'"). A speaker that is a word of the
    quotation itself ("Nobody asked us", "We want") is the extractor's mistake and is skipped.
Examples:
    Source: Maria Lopez called the plan "a reckless gamble".
    Flag: Tom Becker called the plan "a reckless gamble".
    Okay: Maria Lopez described the plan as "a reckless gamble".
"""

from __future__ import annotations

from checker.attribution import same_source
from checker.quotes import normalise_quote, source_quotes
from checker.rules.base import Rule, make, snippet

CODE, NAME, KIND, SEVERITY = "DA103", "quote-speaker-changed", "attribution-changed", "error"


def check(ctx):
    """Yield a finding for each quotation credited to a different speaker than the source's."""
    quotes = source_quotes(ctx)
    seen = set()  # a quotation spanning several clauses belongs to each of them
    for dc in ctx.derived_claims:
        for q in dc.quotes:
            if (q.start, q.end) in seen:
                continue
            seen.add((q.start, q.end))
            if not q.speaker:
                continue
            nq = normalise_quote(q.text)
            for sq, ev in quotes:
                if not sq.speaker or normalise_quote(sq.text) != nq:
                    continue
                if same_source(q.speaker, sq.speaker) or _inside(q) or _inside(sq):
                    break
                yield make(RULE, dc, start=q.start, end=q.end, confidence=0.75,
                           evidence=[ev],
                           message=(f'Quotes "{snippet(q.text, 40)}" as {q.speaker}\'s words; '
                                    f"the source quotes {sq.speaker}."),
                           suggestion=f"Credit the quote to {sq.speaker}.")
                break


def _inside(quote) -> bool:
    """The speaker found is a word of the quotation itself ("Nobody asked us", "We want"): the
    extractor took the quoted clause's subject, not who said it."""
    words = quote.speaker.lower().split()
    return len(words) == 1 and words[0] in quote.text.lower().split()


RULE = Rule(CODE, NAME, KIND, SEVERITY, "quotation credited to another speaker", check, __doc__)
