"""DL301 causal-link-added: a cause or sequence the source does not state.

What it flags:
    A derived claim joining two things with a causal connective ("because", "due to", "led
    to", "so", "thanks to", "on hopes of", "paved the way for"), a causative verb built as
    a cause ("helped drain the reservoirs", "led two doctors to leave", "was made easier
    by", "sent shares down", "pushed occupancy to 97 per cent", "pushed the trust towards
    closure", "driving a rise in evictions": causatives.txt, change_words.txt), a
    participle of feeling that gives a
    reason ("broke ranks, angered by the ruling"), one of a blow from a change that opens
    the sentence ("Hurt by a drop in orders, the firm ..."; not "also hurt by frost"), a
    participle of effect with an object after a comma that ends a clause (", adding to the
    backlog", ", worsening the shortage"; known false positive: an effect the writer adds
    that the source gives in the same sentence in other words), "stems from", "brought on
    by", a passive cause with a degree before its agent ("driven in part by":
    degree_adverbs.txt), "as"
    joining a clause to a
    rise or a fall ("prices fell as cheap wood flooded the market"), "with" opening a
    sentence on a clause of change of its own ("With sales falling short, the owner cut
    jobs": the trend read as the reason; not "With residents watching"), or on a trouble
    still to meet ("With a £40,000 shortfall to cover, the trust sold ...": burden_nouns.txt;
    not "With two games to play"; not when one source sentence holds both sides, "sold two
    paintings to cover a shortfall"), "cost" with what
    someone lost ("has cost jobs"; not a sum or a count), or a sequence that
    readers take as a cause ("after", "following", "in the wake of", "the cracks followed a
    cut"), "over" after a verb of leaving, striking or dismissal ("resigned over the
    delays": over_reason_verbs.txt; not a time or a figure, "left over the holiday"), and
    ", which explains" (", which partly explains the fall"), when no source claim links
    the same two things. A
    connective that opens the sentence ("In response to the shortage, the ministry ...")
    or a clause after a semicolon ("A; because B, C") links its phrase, up to the comma
    (not one inside a figure: "a 48,000-signature petition"), to the clause after it, also
    when that clause is reported ("In response to the shortage, the government announced
    that it would ..."); one that opens a clause
    after a comma ("..., the weather office said, so the board plans to ...") links the
    words before it to that clause, and so does a participle of cause after such a frame
    ("..., the insurer said, prompting the ministry to send inspectors"), and a noun phrase
    after the frame that sums the clause up and gives its cause ("..., the board said on
    Friday, a decline driven by the closure": ``link_support.frame_link``); "before or after
    the flood" asks which came first and links nothing; "after a week of heavy
    rain" names an event, not a span of time. A derived cause where the source states only a
    sequence is flagged too. An act as the subject of a verb of change ("Replacing the
    contractor cut incidents to two": effect_verbs.txt; also a change named by its noun with
    what it changed, "The rise in fees has cut visits", not one that moves what it is a
    change of, "The increase raises the price"), or a thing as its agent in the
    passive ("traffic was made worse by a flooded culvert"; not a name, a pronoun or a figure:
    "were cut by a tenth"), is its cause, unless a source
    sentence holds both sides with that verb in any form ("were halved by hiring nurses");
    ", which meant" links a consequence to the clause before it, unless the source has
    "meaning" or "means" between the same sides. A cause given by a pronoun alone ("and
    that this pushed rents up") stands for the subject of the clause before it in
    the sentence, as the source may name it ("..., which pushed rents up").
Why it matters:
    "Sales fell after the chief executive resigned" tells a story the source never told.
Known false positives:
    "Over" after a verb of leaving that the source gives with another word of reason
    ("quit in protest at the cuts" -> "quit over the cuts") unless that sentence also has
    "over"; a threat to leave "over" a thing that the source does not tell as its reason.
    The source states the link across two sentences ("X happened. That led to Y.") with a
    pronoun the extractor does not resolve; "since" and "as" in their non-causal senses; a
    cause the source gives with another word than "reflecting" or "to make up for" (so
    the finite "reflects" is left out of the lexicon); a
    leading done by a person ("the chair led the board to vote") or a change pushed by a
    doer the tagger does not name ("the union pushed pay to 5 per cent"), which reports an
    act but is read as a cause, and a literal push in a direction ("pushed the trolleys
    towards the door"). A verb of change whose subject is a name, a person's pronoun or a
    body's noun ("Harlan Ferries pushed fares up"), "helped" with such a subject and a verb
    of no change ("the council helped fund it"; not "helped lift sales", nor "helped ... by
    cutting prices"), "made X do Y" where a source claim orders it ("the court ordered the
    firm to pay": compelling_verbs.txt), or whose "to" belongs to a noun or a verb of trying
    ("permission to push fares up", "wants to push fares up": attempts.txt), tells the
    party's act and links nothing (known miss: a named event the tagger calls a body or a
    person, "Storm Elna pushed river levels up", is read as such a party); "as" beside
    a rise or fall meaning only "while" ("shares rose as trading opened"); an act as subject
    whose change the source also states in a sentence of the same words but another
    connective. "After submission" stands stated by "after the bids were submitted" (a noun
    and a verb one WordNet derivation apart that share four letters). Missed: a purpose
    ("will close 12 branches to cover the cost of the fine"): the parser gives too many
    infinitives the purpose label to tell them apart.
    Silent on a link inside what a negated verb of finding or saying reports ("did not
    conclude that tenants fell ill as a result"), on "do so", on "so said X" (the speaker of
    the words before), on "making X the first"
    (a ranking, DU806's; known miss: a ranking the cause truly brought about), on a question of
    cause ("what caused the fire", "whether a line sparked it") or a denied one ("denied that
    its line caused the fire"), on a sequence timed by an interval ("rose on Tuesday, a day
    after it agreed X") whose two sides the source dates in that order by weekday or month ("On
    Monday, it agreed X"), on a sequence the source gives as a span between its two ends ("took
    11 minutes to arrive after an alarm" for "the wait from an alarm to the engine's arrival":
    ``link_support.span_in_order``) when a word before the deed's own in the span's end ("the
    engine's") stands in the derived clause (known misses: the order reversed against the span
    when its two ends share a word; a span end with no such word, whose deed any doer of the
    derived clause then passes), on a sequence whose second side is a span of time ("after
    twelve weeks", "after no more than forty minutes": ceiling_phrases.txt,
    approximators.txt) or a gerund ("after reviewing the file"), on an infinitive cue that
    tells what the thing opening the claim is for ("A £20,000 fund to make up for storm
    damage was agreed"; known miss: a purpose the source never gives it), on an
    interval the source gives before the same cue, with the later side and the same
    earlier deed ("five days after it opened" for "five days after the mayor launched it":
    ``link_support.interval_stated``), and on sequences in headings.
    A link counts as stated when a source sentence uses the same connective between words of both
    sides, even where the extractor keeps no link (inside an attribution); an auxiliary
    ("had", "will") ties no side, and a form of "be" ties one only when the other side, or
    it, shares a content word too; known miss: that sentence links two other things of the
    same words. "It" in what a party says of itself ("a guild says it will pay toward the
    repairs") is the party, a doer, when the party is singular; in what plural speakers say
    ("growers say it pushed prices up") it is an event, a cause. A source link holds a side
    by the side's words it shares, a name of several words counting as one ("Orlan Gas &
    Water's shares fell" shares one thing, not three, with a link about the company's
    valve); known miss: a source link that shares a name and one common word with a short
    side. A party's account of a cause in the
    source ("She blamed the delay on gas mains") is no link stated: "the delay was caused by
    gas mains" is flagged, unless the derived text credits it to the same party ("..., she
    said").
Examples:
    Source: Sales fell sharply in the spring. The chief executive resigned in May.
    Flag: Sales fell sharply because the chief executive resigned.
    Okay: Sales fell sharply, and the chief executive resigned in May.
    Source: The dam released water on Monday. Two villages flooded on Tuesday.
    Flag: Two villages flooded, forcing the dam to release water.
"""

from __future__ import annotations

import re

from checker.actors import passive_before
from checker.align import key
from checker.date_norms import CALENDAR_NAMES
from checker.names import CHECKED
from checker.lexicon import shipped
from checker.claim_reading import one_claim_a_sentence
from checker.link_support import (CLAUSE_COMMA, connects, dated_in_order, frame_link, holds,
                                  in_one_sentence, interval_stated, link_keys, pro_verb_so,
                                  said_in_a_sentence, source_links, span_in_order,
                                  synonym_keys, their_explanation, within)
from checker.rules.base import (FINDING_ROLES, Rule, evidence_of, is_claim_unit, make, snippet,
                                verb_at)
from checker.response_links import answers_its_cause
from checker.since_counted import since_the_sentence_before

CODE, NAME, KIND, SEVERITY = "DL301", "causal-link-added", "causal-link-added", "warning"
SEQUENCE_READ_AS_CAUSE = {"after", "following", "followed", "follows", "in the wake of", "amid"}
ASKING = {"what", "whatever"}  # "what caused it" asks for the cause ("which" is relative)


# "after a week of heavy rain": the span of time names an event, which can be a cause
_EVENT_OF = re.compile(r"\s+of\b", re.I)
_AGENT_FIRST = re.compile(r"^(?:[\w'’-]+\s+){0,2}by\b", re.I)
# a count of units of time: a number word (number_units.txt, number_tens.txt, "twenty-one"),
# "several" or a figure
_COUNT = "(?:" + "|".join(sorted(shipped("number_units") | shipped("number_tens"), key=len,
                                 reverse=True)) + r")(?:-[a-z]+)?|several|\d[\d,.]*"
TIME_FIRST = re.compile(
    r"^(?:(?:" + _COUNT + r")\s+(?:\w+\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|"
    r"decades?)(?![\w'’-])|(?:half|(?:a|one|three)[\s-]quarters?)\s+(?:of\s+)?an?\s+"
    r"(?:minute|hour|day|week|month|year)(?![\w'’-])|"
    r"(?:" + "|".join(sorted(CALENDAR_NAMES)) + r")\b)", re.I)


# "a day after", "two weeks after": the interval between the two sides, told before the cue
SPAN_BEFORE = re.compile(
    r"\b(?:the|a few|" + _COUNT + r")\s+(?:\w+\s+)?(?:minutes?|hours?|days?|weeks?|months?|"
    r"years?)\s+$", re.I)


def _not_a_link(ctx, dc, link) -> bool:
    """Cue words that do not link two facts: "do so" (a pro-verb), "so said X" (the speaker
    of the words before, the claim's own verb of saying after "so"), a sequence whose second
    side is a span of time ("after twelve weeks") or the subject's own earlier act ("after
    reviewing a copy"), an open question of order ("before or after the flood"), and
    sequences in headings; an infinitive cue that tells what a thing is for ("a fund to
    compensate for damage")."""
    before = ctx.derived.text[max(0, link.start - 12):link.start]
    if _not_found(ctx, dc, link):
        return True  # "The survey did not conclude that tenants fell ill as a result": a
        # link inside what a negated verb of finding or saying reports is asserted by no one
    if pro_verb_so(ctx.derived.text, link) or _purpose_of_a_thing(dc, link) \
            or _AFTER_ALL.match(link.right) and ctx.lexicon.has("all_idioms", link.cue):
        return True  # ("after all": all_idioms.txt)
    ranked = _RANKED.match(link.right)
    if link.cue in ("making", "makes", "made") and ranked and _ranking_word(
            ctx, dc, ranked.group(1).lower()):
        return True  # "..., making Ormsby the first parish to try it": a ranking (DU806's), not
        # a cause between two facts
    if link.cue == "so" and ctx.lexicon.has("speech_verbs", dc.predicate) and \
            ctx.derived.text[link.end:].split()[:1] == [dc.predicate_text]:
        return True  # "So said the inspector, whose ...": "so" is the words quoted before
    if link.kind == "causal":
        left = link.left.split()
        if left and left[-1].lower() in ASKING or "whether" in (w.lower() for w in left):
            # "not yet established what caused the collapse", "examining whether a power
            # line sparked it": a question of cause names none
            return True
        # "were forced out": a causal verb in the passive names no cause, unless its agent
        # follows ("were driven by", "was made easier by")
        return passive_before(before, within=1) and not link.cue.endswith(" by") and \
            not _AGENT_FIRST.match(link.right.lstrip())
    if _ORDER_ASKED_BEFORE.search(before) or _ORDER_ASKED_AHEAD.match(
            ctx.derived.text[link.start:link.start + 20]):
        return True  # "whether the wall fell before or after the flood": an open question of
        # order names no sequence
    if _SPAN_ONLY.fullmatch(link.left.strip(" ,")) and _own_deed(link.right):
        return True  # "Sixty years after it was built, the pier ...": the span dates the
        # subject's own deed, and its side holds no fact to link (not "Two weeks after an
        # audit found X, Y resigned")
    right = _without_bound(ctx, link.right.strip())
    first = right.split()[0].lower() if right else ""
    return (not is_claim_unit(dc) or bool(TIME_FIRST.match(right) and not _EVENT_OF.match(
        right[TIME_FIRST.match(right).end():])) or (first.endswith("ing") and len(first) > 5))


def _without_bound(ctx, right: str) -> str:
    """The side after the cue without a bound or an approximation before its figure ("no
    more than forty minutes", "about two weeks": ceiling_phrases.txt,
    approximators.txt), so that a span of time reads as one."""
    low = right.lower()
    for phrase in sorted(ctx.lexicon.entries("ceiling_phrases")
                         | ctx.lexicon.entries("approximators"), key=len, reverse=True):
        if low.startswith(phrase + " "):
            return right[len(phrase) + 1:].lstrip()
    return right


def _not_found(ctx, dc, link) -> bool:
    """The claim's own verb is a negated verb of finding or saying (FINDING_ROLES: "did not
    conclude that", "did not say that") and the cue comes after it, in what it reports.
    Known miss: a negated report that still asserts the link ("has not explained why the
    pool shut after the inspection")."""
    if not dc.negated or not any(ctx.lexicon.has(role, dc.predicate) for role in FINDING_ROLES):
        return False
    at = verb_at(dc)
    return at >= 0 and dc.start + at < link.start


def _purpose_of_a_thing(dc, link) -> bool:
    """An infinitive cue that tells what a thing is for ("A £20,000 fund to make up for
    storm damage was agreed"): the words before it in the claim hold no verb, so the cue
    hangs on a noun phrase, the subject of the claim's verb after it, and links no two
    facts (not "raised fees to make up for a smaller grant", nor with a comma before the cue:
    "The council, to offset the gap, raised fees"). Known miss: a purpose the source
    never gives the thing ("a levy to make up for a smaller grant was agreed")."""
    if not link.cue.startswith("to "):
        return False
    # the claim's own verb after the cue ("... was agreed"), and no clause comma before the
    # cue ("The council, to offset X, raised rents": a purpose of the verb)
    verb = dc.text.find(dc.predicate_text, link.end - dc.start) if dc.predicate_text else -1
    return verb > 0 and link.start > dc.start \
        and not CLAUSE_COMMA.search(dc.text[:link.start - dc.start]) \
        and not any(w.pos in ("VERB", "AUX") and dc.start <= w.start < link.start
                    for w in dc.words)


# "making" a party or a thing ranked: "Ormsby the first parish", "it the only one"
_RANKED = re.compile(r"\s*(?:[\w'’-]+\s+){1,3}?(?:the|its|their)\s+([a-z]+)\b", re.I)
_RANKS = ("first", "only", "last")


def _ranking_word(ctx, dc, word: str) -> bool:
    """"first", "only", "last", a word of the superlatives lexicon ("most"), or a
    superlative the parse lemmatises to its base ("biggest": "big"; not "rest", "west")."""
    if word in _RANKS or word in ctx.lexicon.words.get("superlatives", {}):
        return True
    return word.endswith("est") and any(w.text.lower() == word and w.lemma.lower() != word
                                        for w in dc.words)
# a side that is only a span of time ("Ninety years", "Just two weeks", "A century")
_SPAN_ONLY = re.compile(
    r"(?:(?:just|only|some|about|nearly|almost|more\s+than)\s+)?(?:(?:[a-z]+(?:-[a-z]+)?"
    r"|\d[\d,.]*)\s+){1,2}(?:and\s+a\s+half\s+)?(?:minutes?|hours?|days?|weeks?|months?"
    r"|years?|decades?|century|centuries)", re.I)
_AFTER_ALL = re.compile(r"\s*all\s*(?:[,.;:!?]|$)", re.I)  # "after all, ..." (not "after all
# the delays", "after all were treated")
_PRONOUN_FIRST = re.compile(r"\s*(?:it|they|he|she|we)\b", re.I)


def _own_deed(right: str) -> bool:
    """The deed a span counts from is the main clause's subject's own: told by a pronoun
    ("after it was built, the pier ...") or by a word the main clause repeats; not a
    part of it ("after its railings were found loose, the bridge ...")."""
    deed, _, main = right.partition(",")
    if _PRONOUN_FIRST.match(deed):
        return True
    words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", deed)}
    return bool(words & {w.lower() for w in re.findall(r"[A-Za-z]{4,}", main)})


# "before or after X" (the cue is the second word) and "after or before X" (the first)
_ORDER_ASKED_BEFORE = re.compile(r"\b(?:before|after)\s+or\s*$", re.I)
_ORDER_ASKED_AHEAD = re.compile(r"(?:before|after)\s+or\s+(?:before|after)\b", re.I)


def _after_semicolon(ctx, link) -> bool:
    """The cue opens a clause after a semicolon ("A; because B, C"), with a cause of its
    own: not one that points back ("A; because of that, C" links A to C)."""
    return ctx.derived.text[max(0, link.start - 4):link.start].rstrip().endswith(";") \
        and not _POINTS_BACK.match(ctx.derived.text[link.end:link.end + 12])


_POINTS_BACK = re.compile(r"\s*(?:of\s+)?(?:that|this|it)\s*,", re.I)


def _ordered(ctx, link, right: set) -> bool:
    """ "made X do Y" restating an order the source gives ("the court ordered the firm to pay
    its costs" for "the court made the firm pay its costs": compelling_verbs.txt, a source
    claim on such a verb holding two of the right side's words)."""
    if link.cue.split()[0] not in ("made", "make", "makes", "making"):
        return False
    return any(ctx.lexicon.has("compelling_verbs", sc.predicate)
               and len(right & link_keys(ctx, sc.text)) >= 2 for sc in ctx.index.claims)


def _copied_quote(ctx, dc, link) -> bool:
    """The cue sits inside a quotation the source has word for word ("a delay they did not
    cause"): the speaker's words, which DQ701 checks."""
    return any(q.start <= link.start < q.end
               and " ".join(q.text.lower().replace("’", "'").split()) in ctx.index.text_lower
               for q in dc.quotes)


def _pronoun_side(ctx, dc, text: str, side: set) -> set:
    """A side that is only a pronoun ("..., and they made the counts look lower", "and that
    this pushed rents up") stands for the subject of the clause before it in the
    sentence ("Late entries stop the clock"), as the source may name it; other sides as
    they are. The side's words are read as written: a key is cut short ("thi")."""
    function = ctx.lexicon.words["function_words"]
    pronouns = {key(w) for w in re.findall(r"[a-z]+", text.lower())
                if function.get(w) == "pronoun"}
    if not side or not side <= pronouns:
        return side
    prev = _previous_claim(ctx, dc)
    if prev is None or prev.sent_start != dc.sent_start or not prev.subject:
        return side
    return link_keys(ctx, prev.subject) or side


def _shell_side(ctx, dc, text: str, side: set) -> set:
    """A side that is only a definite noun pointing back at an act told before ("The
    decision follows a review": shell_nouns.txt) stands for the claim before it in the text
    too ("The board has agreed to shut the ward"), as the source may name that act;
    other sides as they are. Known false positive: a shell noun for an act the text told two
    claims back takes the words of the claim in between."""
    m = _SHELL.fullmatch(text.strip(" ,"))
    if m is None or not ctx.lexicon.has("shell_nouns", m.group(1).lower()):
        return side
    prev = _previous_claim(ctx, dc)
    return side | link_keys(ctx, prev.text) if prev is not None else side


# "the" or a pointing word (deictics.txt) before the shell noun: "the decision", "this move"
_SHELL = re.compile(r"(?:the|%s)\s+([a-z]+)" % "|".join(sorted(shipped("deictics"))), re.I)


def _later_earlier(ctx, dc, link, left: set, right: set) -> tuple[set, set]:
    """The keys of the later and the earlier side of a sequence: the claim's side and the
    cue's object, or, when the claim's side is only a span ("In the weeks after the
    fee rose, visits fell": the parse's left side), the clause after the cue's phrase and
    the phrase."""
    if not _SPAN_ONLY.fullmatch(link.left.strip(" ,")):
        return left, right
    parts = CLAUSE_COMMA.split(ctx.derived.text[link.end:dc.end], 1)
    if len(parts) < 2:
        return set(), right
    return link_keys(ctx, parts[1]), link_keys(ctx, parts[0])


def _previous_claim(ctx, dc):
    """The derived claim before ``dc``: what a sentence-final "as a result" points back to."""
    before = [c for c in ctx.derived_claims if c.end <= dc.start]
    return before[-1] if before else None


def check(ctx):
    """Yield a finding for each link whose two sides the source does not connect."""
    for dc in ctx.derived_claims:
        if dc.attribution is not None and dc.attribution.negated:
            continue  # "X denied that its line caused the fire" asserts no cause
        framed = frame_link(ctx.derived.text, dc, ctx.lexicon)
        if not dc.links and not framed:
            continue
        name_keys = tuple(ks for ks in (link_keys(ctx, e.text) for e in dc.entities
                                        if e.label in CHECKED) if len(ks) > 1)
        for link in dc.links + framed:
            fronted = (not link_keys(ctx, link.left) or _after_semicolon(ctx, link)) \
                and bool(CLAUSE_COMMA.search(link.right))  # (a clause after a semicolon
            # opens on the cue too: "A; because B, C")
            if fronted:
                # "In response to the shortage, the government announced ...": the cue's
                # phrase up to the comma is the cause, the clause after it the effect (not
                # the comma of a figure: "a 48,000-signature petition")
                cause, effect = CLAUSE_COMMA.split(link.right, 1)
                after = CLAUSE_COMMA.split(dc.text[link.end - dc.start:], 1)
                if link.start - dc.start <= 1 and len(after) == 2:
                    effect = after[1]  # the whole clause, past the words the link kept
                link = link.__class__(**{**link.__dict__, "left": effect, "right": cause})
            elif not link_keys(ctx, link.left) and link.start - dc.start <= 1 \
                    and CLAUSE_COMMA.search(dc.text[link.end - dc.start:]):
                # the same when the link's phrase stops short of the comma ("Responding to
                # a petition from X, the ministry will cap ..."): the effect is the claim's
                # clause after the comma
                fronted = True
                effect = CLAUSE_COMMA.split(dc.text[link.end - dc.start:], 1)[1]
                link = link.__class__(**{**link.__dict__, "left": effect})
            if link.kind == "causal" and not (link_keys(ctx, link.right) and link_keys(ctx, link.left)):
                # "..., as a result." and "As a result, ...": the other side is the claim
                # before
                prev = _previous_claim(ctx, dc)
                if prev is not None:
                    side = "right" if not link_keys(ctx, link.right) else "left"
                    link = link.__class__(**{**link.__dict__, side: prev.text})
            if (fronted or link.start - dc.sent_start <= 1) and answers_its_cause(ctx, dc, link):
                continue  # "Responding to the volunteer's claims, she called them untrue"
            causal = link.kind == "causal"
            if not causal and link.cue not in SEQUENCE_READ_AS_CAUSE:
                continue
            if _not_a_link(ctx, dc, link) or _copied_quote(ctx, dc, link):
                continue
            left, right = link_keys(ctx, link.left), link_keys(ctx, link.right)
            if not left or not right:
                continue
            left = _pronoun_side(ctx, dc, link.left, left)
            left = _shell_side(ctx, dc, link.left, left)
            stated = None
            alts = {**synonym_keys(ctx, dc, left), **synonym_keys(ctx, dc, right)}
            before = link_keys(ctx, ctx.derived.text[dc.sent_start:link.start])  # (the left
            # side as its sentence writes it, past the extractor's window)
            for sc, sl, sk in source_links(ctx):
                if connects(left, right, sk, alts, name_keys) or \
                        within(ctx, sl, left | before, right):
                    if causal and sl.kind != "causal":
                        stated = stated or ("sequence", sc, sl)
                        continue
                    stated = ("same", sc, sl)
                    break
            if stated and stated[0] == "same":
                continue
            if said_in_a_sentence(ctx, link, left, right,
                                  doer=frozenset(link_keys(ctx, dc.subject or ""))):
                continue
            if link.cue.lower() == "with" and _joined_in_a_sentence(ctx, dc, left, right):
                continue  # "With a shortfall to cover, the trust sold two paintings" for "The
                # trust sold two paintings to cover a shortfall": the source joins them itself
            if their_explanation(ctx, dc, left, right) or _ordered(ctx, link, right):
                continue
            names = frozenset(key(w) for e in dc.entities if e.label in CHECKED
                              for w in e.text.split())  # (people, bodies, places)
            interval = SPAN_BEFORE.search(ctx.derived.text[max(0, link.start - 40):link.start])
            if not causal and (in_one_sentence(ctx, left, right, names)
                               or since_the_sentence_before(ctx, *_later_earlier(ctx, dc, link,
                                                                                 left, right))
                               or interval and (dated_in_order(ctx, left, right)
                                                or interval_stated(ctx, dc,
                                                                   interval.group().strip(),
                                                                   link.cue, left, link.right))
                               or span_in_order(ctx, dc, link)):
                continue  # (a sequence timed, "a day after", as the source's own dates give
                # it, "on Tuesday" and "on Monday", or as its own words time it)
            sup = ctx.aligned(dc)
            evidence = [evidence_of(stated[1])] if stated else [evidence_of(c) for c in sup[:2]]
            if stated:
                msg = (f'Turns the source\'s sequence ("{stated[2].cue}") into a cause '
                       f'("{link.cue}"): "{snippet(stated[1].text, 60)}".')
            elif sup:
                msg = (f'Adds "{link.cue}", linking "{snippet(link.left, 35)}" to '
                       f'"{snippet(link.right, 35)}"; the source does not connect them.')
            else:
                msg = f'Adds "{link.cue}", a link with no support in the source.'
            m = CLAUSE_COMMA.search(ctx.derived.text, link.end, dc.end) if fronted else None
            comma = m.start() if m else -1
            limit = dc.end if link.start < dc.end else dc.sent_end  # a link after the claim
            end = comma if comma > 0 else min(limit, link.end + len(link.right) + 1)
            yield make(RULE, dc, start=link.start, end=end, text=ctx.derived.text[link.start:end],
                       confidence=0.65 if causal else 0.5, evidence=evidence, message=msg,
                       suggestion=f'Remove "{link.cue}" or state both facts separately.',
                       severity="warning" if causal else "info")


def _joined_in_a_sentence(ctx, dc, left: set, right: set) -> bool:
    """A source sentence holds both sides of the link and the derived claim's own verb
    ("The trust sold two paintings to cover a shortfall" for "With a shortfall to cover,
    the trust sold two paintings"): the source joins them itself, in a purpose or a clause
    of its own. Known false negative: a sentence that holds both in two deeds it does not
    join."""
    verbs = {key(dc.predicate), key(dc.predicate_text)}  # (the sentence's keys keep forms)
    return any(verbs & keys and holds(left, keys) and holds(right, keys)
               for keys in (link_keys(ctx, sc.sentence)
                            for sc in one_claim_a_sentence(ctx.index)))


RULE = Rule(CODE, NAME, KIND, SEVERITY, "cause or sequence not in the source", check, __doc__)
