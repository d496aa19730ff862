"""The figures of a claim: the tagger's numeric entities, with a sum's sign and scale and a
count's unit put back ("£1.2m", "2 MW"), the numbers it leaves untagged ("forty - eight
thousand", "some 4 million dollars", a clock time "6.20pm" or "twenty past six on the evening
of Friday") and the spans of time with no number ("within a fortnight")."""

from __future__ import annotations

import re
from dataclasses import replace

from checker.extract.common import (
    NUMERIC_LABELS,
    _CALENDAR_RE,
    _DURATION_PREPS,
    _counts_a_duration,
    _doc_text,
    _states_a_number,
)
from checker.date_norms import MONTHS
from checker.lexicon import shipped
from checker.extract.entity_spans import AT_CLOCK
from checker.numbers import (CURRENCY_SIGNS, DAY_PARTS, WORD_CLOCK, duration_unit, is_magnitude,
                             is_number_word, is_scale, normalise)
from checker.records import Quantity
from checker.timespans import SPAN_POINTERS, clock_token
from checker.units import currency_codes, is_measure_unit


def _day_part_modifier(ent) -> bool:
    """A "time" the tagger reads in a count of things a part of the day describes: the
    entity ends on a day part that modifies a noun after it ("night shifts", "night-time
    falls", "morning flights")."""
    doc = ent.doc
    if any(t.lower_ in DAY_PARTS and t.i + 1 < len(doc) and doc[t.i + 1].text == "-"
           for t in ent):
        return True  # "two night-time falls"
    last = ent[-1]
    if last.lower_ not in DAY_PARTS:
        return False
    nxt = doc[ent.end] if ent.end < len(doc) else None
    return nxt is not None and (nxt.text == "-" or last.dep_ in ("compound", "amod", "nmod")
                                or (nxt.pos_ == "NOUN" and nxt.i == last.i + 1))


MAX_TIME_LABEL = 50  # the largest number a unit of time labels ("week 6", not "year 2025")

# Two words set off by a spaced dash inside a tagged number.
_DASHED = re.compile(r"\w\s+[-–—]\s+\w")


class QuantityReader:
    """The figures half of ``Extractor``'s reading of one claim's markers (its links and
    scope words are ``MarkerReader``'s)."""

    def _label_before(self, tok):
        """The label noun right before a number ("Phase" of "Phase 3", "phase" of "phase
        three": label_nouns.txt), or None. A unit of time labels a small number only ("year
        three" of a plan, not "the year 2025", nor "day one"), and only with no number or
        determiner before it ("three year", "each week 35 parcels" are no labels) and no noun
        after the number."""
        doc = tok.doc
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is None or not (tok.text.isdigit() or is_number_word(tok.lower_)) \
                or not self.lex.has("label_nouns", prev.lower_):
            return None
        if duration_unit(prev.lower_) and (
                (tok.text.isdigit() and int(tok.text) > MAX_TIME_LABEL)
                or tok.lower_ in ("one", "1") or (prev.i > 0 and (
                    doc[prev.i - 1].like_num or doc[prev.i - 1].pos_ == "DET"
                    or doc[prev.i - 1].lower_ in ("last", "next", "per")))
                or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN")):
            return None  # (nor "day one", "from year one": said of any start; nor "each
            # week 35 parcels", "last year 40 people": a time, then a count)
        return prev

    def _quantities(self, ents, tokens, start_c, end_c, off) -> tuple[Quantity, ...]:
        out = []
        covered = set()
        for e in ents:
            if e.label_ not in NUMERIC_LABELS or e.start_char < start_c or e.end_char > end_c:
                continue
            sum_first = _sum_in_date(e)
            if sum_first is not None:  # "£9k last week": a sum, then a time
                out.append(replace(sum_first, start=sum_first.start + off,
                                   end=sum_first.end + off))
                covered.update(range(e.start - 1, e.start + 1))
                continue
            if e.label_ == "DATE" and len(e) > 2 and e[0].like_num \
                    and e[1].lower_ in self.period_pointers:
                continue  # "there were 13 this year": a count (read below), then no figure
            if e.label_ == "TIME" and _day_part_modifier(e):
                continue  # "9 of 21 night shifts", "two night-time falls": counts of things
            if _change_then_level(e):
                continue  # "climbed by £15.6m to £54.2m": two figures, read below
            if e.label_ in ("MONEY", "QUANTITY") and _ratio_base(e[0]):
                continue  # "six in ten pounds given": the base of a share, a count
                # (read below), not a sum
            if e.label_ == "DATE" and len(e) == 2 and self._label_before(e[1]) is e[0]:
                continue  # "week 6", "year 3": a label and its number, read below
            text, s_char, e_char, money = _figure_span(e)
            label = self._label_before(e[0]) if e.label_ == "CARDINAL" and len(e) == 1 else None
            if label is not None:  # "Phase 3": a name, read with its label
                text, s_char = _doc_text(e.doc)[label.idx:e_char], label.idx
            tagged = "MONEY" if money else e.label_
            if tagged == "CARDINAL" and len(e) > 1 and clock_token(e[-1].text):
                tagged = "TIME"  # "about 6.20pm", an approximate count to the tagger: a time
                # of day (a bare "2.30pm" stays as tagged: a range's ends are read as counts)
            kind, value, unit, norm = normalise(text, tagged)
            if e.label_ == "CARDINAL" and value is None and _DASHED.search(e.text):
                continue  # "nine - seven children and two adults": a count and its parts
                # set off by a dash, each read below ("twenty - one" reads as 21)
            if kind == "date" and e[0].pos_ == "PROPN" and e[-1].like_num and value is None \
                    and norm == e.text.lower().strip():
                continue  # "Dray had 39 and Hollis 44": a name and a count (read
                # below), no date the reader knows ("Nov. 18" is one)
            if kind not in ("date", "time") and not _states_a_number(e):
                # "emptied gallons", "only $XXX" (a redacted amount), "a few dollars": the
                # tagger's amount has no number to compare
                continue
            if kind == "date" and value is None and norm == e.text.lower().strip():
                # vague dates ("this week", "recently", "one day") carry no comparable value;
                # a duration in number words ("two months", "a one-year term") does
                if not _counts_a_duration(e) and not any(ch.isdigit() for ch in e.text) \
                        and not _CALENDAR_RE.search(e.text.lower()):
                    continue
            covered.update(range(e.start, e.end))
            out.append(Quantity(text=text, kind=kind, value=value, unit=unit,
                                start=s_char + off, end=e_char + off, norm=norm))
        out.extend(self._spans_of_time(tokens, covered, off))
        for t in tokens:
            if t.i not in covered and _DEGREES_TOKEN.fullmatch(t.text):
                covered.add(t.i)  # "around 8C", untagged: a temperature, with a "minus"
                first = t.nbor(-1) if t.i > 0 and t.nbor(-1).lower_ == "minus" else t
                text = _doc_text(t.doc)[first.idx:t.idx + len(t)]  # before it ("minus 4C")
                kind, value, unit, norm = normalise(text, "QUANTITY")
                out.append(Quantity(text=text, kind=kind, value=value, unit=unit,
                                    start=first.idx + off, end=t.idx + len(t) + off,
                                    norm=norm))
                continue
            if t.i not in covered and clock_token(t.text):
                covered.add(t.i)  # "4.10pm", untagged: a time of day
                out.append(Quantity(text=t.text, kind="time", value=None, unit="",
                                    start=t.idx + off, end=t.idx + len(t) + off,
                                    norm=t.text.lower()))
                continue
            clock = _word_clock_from(t, covered) if t.i not in covered and (
                t.like_num or t.lower_ in ("half", "quarter", "a")) else None
            if clock is None and (t.i in covered or not t.like_num or t.is_punct):
                continue
            if clock is not None:
                covered.update(range(t.i, clock.i + 1))
                text = _doc_text(t.doc)[t.idx:clock.idx + len(clock)]
                start, end = t.idx + off, clock.idx + len(clock) + off
                out = [q for q in out if not start <= q.start < end]  # (the part of the
                # day the tagger read as a time of its own: "the afternoon")
                out.append(Quantity(text=text, kind="time", value=None, unit="",
                                    start=start, end=end, norm=text.lower()))
                continue
            last = _number_words_from(t, covered)
            nxt = last.nbor(1) if last.i + 1 < len(t.doc) else None
            label, first = "CARDINAL", self._label_before(t) or t
            sign = t.nbor(-1) if t.i > 0 else None
            if sign is not None and sign.i not in covered and sign.text in CURRENCY_SIGNS \
                    and sign.idx + len(sign) == t.idx and any(ch.isdigit() for ch in t.text):
                first, label = sign, "MONEY"  # "up to £2.6m a month", untagged: the sign
                # and a scale touching the digits are the sum's
                if nxt is not None and nxt.i not in covered and nxt.idx == t.idx + len(t) \
                        and is_scale(nxt.text.rstrip(".")):
                    last = nxt
            elif nxt is not None and nxt.i not in covered \
                    and _degrees_after(t.doc, nxt.i) is not None:
                last, label = _degrees_after(t.doc, nxt.i), "QUANTITY"  # "30 ° C", untagged
            elif nxt is not None and nxt.lower_ in ("%", "percent", "per"):
                last = nxt.nbor(1) if nxt.lower_ == "per" and nxt.i + 1 < len(t.doc) else nxt
                label = "PERCENT"
            elif nxt is not None and nxt.i not in covered and currency_codes(nxt.lower_) \
                    and any(ch.isdigit() for ch in t.text) and not _ratio_base(t):
                last, label = nxt, "MONEY"  # "some 4 million dollars", untagged (not
                # the "million pounds" of "a quarter of a million pounds")
            elif nxt is not None and nxt.i not in covered and t.text.isdigit() \
                    and 1 <= int(t.text) <= 31 and nxt.text[:1].isupper() \
                    and nxt.lower_.rstrip(".") in MONTHS:
                last, label = nxt, "DATE"  # "as early as 12 March", untagged: a day
            covered.update(range(first.i, last.i + 1))
            text = _doc_text(t.doc)[first.idx:last.idx + len(last)]
            kind, value, unit, norm = normalise(text, label)
            if value is None and not (label == "DATE" and norm):  # a date has no value
                continue
            out.append(Quantity(text=text, kind=kind, value=value, unit=unit,
                                start=first.idx + off, end=last.idx + len(last) + off,
                                norm=norm))
        if out and tokens:
            text = _doc_text(tokens[0].doc)
            out = [_all_but(q, text, off) for q in out]
        return tuple(out)

    def _spans_of_time(self, tokens, covered, off) -> list[Quantity]:
        """A span of time with no number that the tagger leaves out: "within a fortnight",
        "for a week", "over a year" (a preposition of duration, "a" or "an", a unit), or
        "the next fortnight", "the past year" (``timespans.SPAN_POINTERS``)."""
        out = []
        for t in tokens:
            if t.i in covered or t.i < 2 or not duration_unit(t.lower_):
                continue
            art, prep = t.nbor(-1), t.nbor(-2)
            if art.lower_ in SPAN_POINTERS and prep.lower_ == "the" and prep.i not in covered:
                art = prep  # "within the next fortnight"
            elif art.lower_ not in ("a", "an") or prep.lower_ not in _DURATION_PREPS:
                continue
            text = _doc_text(t.doc)[art.idx:t.idx + len(t)]
            kind, value, unit, norm = normalise(text, "DATE")
            out.append(Quantity(text=text, kind=kind, value=value, unit=unit,
                                start=art.idx + off, end=t.idx + len(t) + off, norm=norm))
        return out


def _sum_in_date(ent):
    """The sum a date or time entity opens with when a currency sign touches its first token
    ("paid £9k last week", tagged "9k last week" a date): the sign and that token
    read as money (offsets in the doc's text), or None. The time after it ("last month")
    names no figure to compare."""
    doc = ent.doc
    if ent.label_ not in ("DATE", "TIME") or ent.start == 0 or len(ent) < 2:
        return None
    sign, first = doc[ent.start - 1], ent[0]
    if sign.text not in CURRENCY_SIGNS or sign.idx + len(sign) != first.idx \
            or not any(ch.isdigit() for ch in first.text):
        return None
    text = _doc_text(doc)[sign.idx:first.idx + len(first)]
    kind, value, unit, norm = normalise(text, "MONEY")
    if value is None:
        return None
    return Quantity(text=text, kind=kind, value=value, unit=unit, start=sign.idx,
                    end=first.idx + len(first), norm=norm)


_ALL_BUT = re.compile(r"\ball\s+but\s+$", re.I)


def _all_but(q: Quantity, text: str, off: int) -> Quantity:
    """A share given by what it leaves out, read as the share it states: "all but 8%" is
    92%. Other figures come back as they are."""
    if q.kind != "percent" or q.value is None or not 0 <= q.value <= 100:
        return q
    m = _ALL_BUT.search(text, max(0, q.start - off - 12), q.start - off)
    if m is None:
        return q
    kind, value, unit, norm = normalise(f"{100 - q.value:g}%", "PERCENT")
    return Quantity(text=text[m.start():q.end - off], kind=kind, value=value, unit=unit,
                    start=m.start() + off, end=q.end, norm=norm)


def _ratio_base(tok) -> bool:
    """A number that is the base of a share written as a ratio: "in" or "out of" right
    before it, and a number before that ("six in ten pounds", "3 out of 4 dollars")."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].lower_ == "in":
        return doc[i - 2].like_num
    return i >= 3 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ == "out" \
        and doc[i - 3].like_num


def _word_clock_from(tok, covered):
    """The last token of a time of day in words that starts at ``tok`` and the tagger left
    untagged ("twenty past six on the evening of Friday", "half past six",
    numbers.WORD_CLOCK), with "at" before it (``entity_spans.AT_CLOCK``; not "won twenty to
    nine on the evening of the final", a score), or None."""
    doc = tok.doc
    text = _doc_text(doc)
    m = WORD_CLOCK.match(text, tok.idx)
    if m is None or m.group("oclock") or not AT_CLOCK.search(text[max(0, tok.idx - 30):tok.idx]):
        return None  # (not "voted five to four on the morning of the deadline": a tally)
    hour = next((t for t in doc[tok.i:] if t.idx + len(t) >= m.end("hour")), None)
    last = next((t for t in reversed(doc[tok.i:]) if t.idx + len(t) <= m.end()), None)
    if hour is None or any(i in covered for i in range(tok.i, hour.i + 1)):
        return None
    return last if last is not None and last.i >= hour.i else hour


def _number_words_from(tok, covered):
    """The last token of a number written in words that starts at ``tok`` ("forty - eight
    thousand", which the tagger left untagged or split): cardinal number words joined by
    hyphens, then scale words, none read already; for a number in figures, the scale words
    after it ("4 million" of "some 4 million dollars"), else ``tok`` itself. (A number the
    tagger did tag, but ended before its scale word, is extended where the doc is read:
    ``tokens.DocView``.)"""
    last = tok
    doc = tok.doc
    if any(ch.isdigit() for ch in tok.text):
        while last.i + 1 < len(doc) and last.i + 1 not in covered \
                and is_magnitude(doc[last.i + 1].lower_):
            last = doc[last.i + 1]
        return last
    if not is_number_word(tok.lower_):
        return last
    j = tok.i + 1
    while j < len(doc) and j not in covered:
        nxt = doc[j]
        if nxt.text == "-" and j + 1 < len(doc) and is_number_word(doc[j + 1].lower_):
            j += 1
            continue
        if not is_number_word(nxt.lower_) or (doc[j - 1].text != "-" and not is_magnitude(
                nxt.lower_)):
            break  # not an ordinal ("twenty-first") nor a count of the next thing
        last = nxt
        j += 1
    return last


def _change_then_level(ent) -> bool:
    """A tagged "range" after "by" that is a change and the level it reached, each side with
    its own sign or unit ("rose by £15.6m to £54.2m", "fell by 3 percent to 41 percent"),
    not a span of values ("by 30 to 40 percent") nor a ceiling ("by up to 40 percent")."""
    doc = ent.doc
    if ent.start == 0 or doc[ent.start - 1].lower_ != "by":
        return False
    to = next((t for t in ent if t.lower_ == "to" and t.i > ent.start
               and doc[t.i - 1].lower_ != "up"), None)
    if to is None:
        return False

    def unit(tokens) -> bool:
        return any(t.text in CURRENCY_SIGNS or t.lower_ in ("%", "percent", "per")
                   or is_scale(t.text.rstrip(".")) for t in tokens)
    return unit(doc[ent.start:to.i]) and unit(doc[to.i + 1:ent.end])


# A temperature written as one token ("8C", "-3°C", "1,200C"): a capital C or F touching
# the digits.
_DEGREES_TOKEN = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?°?[CF]")
_SCALES_OF_HEAT = shipped("temperature_scales")  # "Celsius" (temperature_scales.txt)


def _degrees_after(doc, i: int):
    """The last token of a temperature's scale starting at token ``i`` ("° C", "°C", "degrees
    Celsius", "Celsius" after a tagged "31 degrees"), or None."""
    if i >= len(doc):
        return None
    if doc[i].text in ("°C", "°F") or doc[i].lower_ in _SCALES_OF_HEAT:
        return doc[i]
    if i + 1 < len(doc) and (
            (doc[i].text == "°" and doc[i + 1].text in ("C", "F", "c", "f"))
            or (doc[i].lower_ in ("degree", "degrees") and doc[i + 1].lower_ in _SCALES_OF_HEAT)):
        return doc[i + 1]
    return None


def _figure_span(ent) -> tuple[str, int, int, bool]:
    """A sum the tagger cut to its digits ("1.2" of "£1.2m"), with the currency sign right
    before it and the scale right after it put back, or a count with the unit right after
    it ("2" of "2 MW", measure_units.txt): (text, start, end, whether it is a sum put
    back) in the document. Other figures come back as tagged."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if start > 0 and doc[start - 1].lower_ == "minus" and _DEGREES_TOKEN.search(ent.text):
        s_char = doc[start - 1].idx  # "minus 4C": the sign is the temperature's
        return _doc_text(doc)[s_char:ent.end_char], s_char, ent.end_char, False
    degrees = _degrees_after(doc, end) if ent.label_ in ("CARDINAL", "QUANTITY") else None
    if degrees is not None:  # "30 ° C", "31 degrees Celsius": a temperature
        e_char = degrees.idx + len(degrees)
        return _doc_text(doc)[ent.start_char:e_char], ent.start_char, e_char, False
    if ent.label_ in ("CARDINAL", "QUANTITY") and end < len(doc) \
            and is_measure_unit(doc[end].text) and doc[end].ent_type_ != "DATE" \
            and (len(doc[end]) > 1 or doc[end].idx > ent.end_char):
        # "2 MW", against "2 GW" (not "40m", a million as often as metres)
        s_char, e_char = ent.start_char, doc[end].idx + len(doc[end])
        return _doc_text(doc)[s_char:e_char], s_char, e_char, False
    if ent.label_ in ("MONEY", "CARDINAL") and start > 0 and doc[start - 1].text in \
            CURRENCY_SIGNS and doc[start - 1].idx + len(doc[start - 1]) == ent.start_char:
        start -= 1
    signed = start < ent.start or any(c in ent.text for c in CURRENCY_SIGNS)
    e_char = ent.end_char
    if signed and end < len(doc) and doc[end].idx == ent.end_char:
        scale = doc[end].text.rstrip(".")  # "m." ends a sentence as one token
        if is_scale(scale):
            end, e_char = end + 1, ent.end_char + len(scale)
    if (start, end) == (ent.start, ent.end):
        return ent.text, ent.start_char, ent.end_char, False
    s_char = doc[start].idx
    return _doc_text(doc)[s_char:e_char], s_char, e_char, True
