"""Counts in the frame of a claim, outside every claim the parse draws from the sentence:
"Of the 314 tenants who replied, 71 per cent reported that repairs took a month", where the
claim is what they reported and the count of tenants frames it. Read by DN501
(``checker.rules.number_changed``), which compares them with the counts in the frame of the
closely aligned source sentence ("Of the 341 tenants who answered, ...")."""

from __future__ import annotations

import re

from checker.align import key
from checker.date_norms import MONTHS, WEEKDAYS
from checker.figure_written import numbers_in, written_in
from checker.numbers import YEAR_RE, duration_unit

MIN_ALIGNMENT = 0.6
# A count in figures: not part of a word, a decimal, a sum ("£40"), a share ("82%", "82 per
# cent") or a time ("9pm", "9.30")
_COUNT = re.compile(r"(?<![\w£$€¥.,:/-])\d{1,3}(?:,\d{3})*(?![\w%]|[.,:]\d)")
_NOT_COUNT_AFTER = re.compile(r"\s*(?:%|per\s*cent|percent|[ap]\.?m\b|o'clock)", re.I)
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)")
# a day of a month or a week, or an age ("54 years old"); a span of time is
# ``duration_unit``'s
_NOT_COUNTED = set(MONTHS) | set(WEEKDAYS) | {"ago", "old"}


def _frame_counts(sentence: str, spans) -> list:
    """(start, end, value, the key of the noun it counts, or "part of N" for a part of a
    whole of N) of each count of the sentence that no claim's span holds and that counts a
    thing named right after it ("314 tenants"):
    not a span of time, a date, or a bare number (an age set off by commas, "Ms Carr, 54,
    said", names nothing after it)."""
    out = []
    for m in _COUNT.finditer(sentence):
        if any(s <= m.start() < e for s, e in spans) or YEAR_RE.fullmatch(m.group()) \
                or _NOT_COUNT_AFTER.match(sentence, m.end()):
            continue
        noun = _NEXT_WORD.match(sentence, m.end())
        before = re.findall(r"[a-z]+", sentence[:m.start()].lower())[-1:]
        if noun is None or noun.group(1) in _NOT_COUNTED or duration_unit(noun.group(1)) \
                or (before and before[0] in MONTHS):
            continue
        values = numbers_in(m.group())
        if len(values) == 1:
            counted = _part_of(sentence, m) or key(noun.group(1))
            out.append((m.start(), m.end(), values[0], counted))
    return out


# a part of a counted whole: "31 of the 70 tenants", "Of the 70 who answered, 52 said"
_PART_AFTER = re.compile(r"\s+of\s+(?:the|its|their)\s+(\d[\d,]*)\b")
_WHOLE_BEFORE = re.compile(r"\bof\s+the\s+(\d[\d,]*)\b[^,.;:]{0,60},\s*$", re.I)


def _part_of(sentence: str, m) -> str:
    """"part of N" for a count of a part of a whole the sentence counts as N, after it ("46 of
    the 70 tenants") or in a frame before it ("Of the 70 who answered, 52 said"); ''."""
    whole = _PART_AFTER.match(sentence, m.end()) or _WHOLE_BEFORE.search(sentence[:m.start()])
    return f"part of {whole.group(1).replace(',', '')}" if whole else ""


def _spans(claims, sent_start: int) -> list:
    return [(c.start - sent_start, c.end - sent_start) for c in claims]


def frame_figures(ctx) -> list:
    """(derived claim, start, end, figure, source claim, source start, source end, its
    figure) for each count in a derived sentence's frame that the sources never write, where
    the closely aligned source sentence's frame has exactly one count, of that noun, the
    derived sentence does not give. Known false positive: a count the derived text works
    out from the source's ("80 staff" for "four-fifths of its 100 staff"). Known false
    negative: a count the sources write elsewhere (another fact's figure moved into the
    frame), or written in words."""
    out = []
    by_sentence: dict = {}
    for dc in ctx.derived_claims:
        by_sentence.setdefault(dc.sent_start, []).append(dc)
    sources: dict = {}
    for sc in ctx.index.claims:
        sources.setdefault((sc.doc_id, sc.sent_start), []).append(sc)
    for sent_start, claims in by_sentence.items():
        sentence = claims[0].sentence
        mine = _frame_counts(sentence, _spans(claims, sent_start))
        given = set(numbers_in(sentence))
        for start, end, value, noun in mine:
            if written_in(sentence[start:end], ctx.index.text_lower) \
                    or written_in(sentence[start:end].replace(",", ""), ctx.index.text_lower):
                continue
            hit = _counterpart(ctx, claims, sources, given, noun)
            if hit is not None:
                dc, sc, s_start, s_end = hit
                out.append((dc, sent_start + start, sent_start + end, sentence[start:end], sc,
                            sc.sent_start + s_start, sc.sent_start + s_end,
                            sc.sentence[s_start:s_end]))
    return out


def _counterpart(ctx, claims, sources, given, noun: str):
    """The one count of the closely aligned source sentence's frame, of the same noun, that
    the derived sentence does not give, as (derived claim, source claim, start, end), or
    None."""
    for dc in claims:
        al, sup = ctx.support(dc)
        if not sup or al.score < MIN_ALIGNMENT:
            continue
        sc = sup[0]
        theirs = [(s, e) for s, e, v, n in _frame_counts(
            sc.sentence, _spans(sources.get((sc.doc_id, sc.sent_start), [sc]), sc.sent_start))
            if v not in given and n == noun]
        if len(theirs) == 1:
            return dc, sc, *theirs[0]
    return None
