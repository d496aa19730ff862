"""Whether a source claim is its speaker's own account of what it did or plans
(``self_report``): read by DA101's waivers (``credit_waived.own_word``), where a party's
own word needs no credit to be stated flatly."""

from __future__ import annotations

import re

from checker.attribution import (SourceName, is_anonymous, mentions, source_name,
                                 unnamed_on_purpose)
from checker.date_norms import CALENDAR_NAMES
from checker.hedging import future_told
from checker.lemmas import singular
from checker.lexicon import Lexicon, shipped
from checker.officers import EXECUTIVE_POSTS, TELLS as _TELLS, council_executive
from checker.party_kinds import stand_in_noun
from checker.records import Claim
from checker.same_source import witness_of
from checker.source_phrase import NAME_RUN_RE
from checker.word_patterns import LETTER_WORD as _WORD_RE

_PRONOUNS = shipped("pronouns_subject")
_POSSESSIVES = shipped("possessives")
_CORPORATE = shipped("corporate_nouns")
_VOLUNTARY = shipped("voluntary_body_nouns")
_PUBLIC_HEADS = shipped("public_body_heads") | shipped("state_bodies")
_BODY_HEADS = shipped("non_person_heads")
# a business's name ends in one of these: a body's head that is no public body or outlet
_BUSINESS_HEADS = _BODY_HEADS - shipped("public_body_heads") - shipped("outlet_heads")
_FUNCTION_WORDS = shipped("function_words")

_LEADS = re.compile(r"\b(?:who|which)\s+(?:chairs|leads|heads|runs|founded|co-founded)\b"
                    r"|,\s+(?:the\s+)?(?:chair|chairman|chairwoman|head|leader|founder|"
                    r"president|secretary)\s+of\b", re.I)
_RELATIVE_TAIL = re.compile(r",?\s+(?:who|whom|whose|which)\b", re.I)


def self_report(claim: Claim, generic: frozenset, lexicon: Lexicon) -> bool:
    """True when a source claim is its speaker's own account of what it did or plans ("The
    board said it had requested the minutes", "according to a post on its own blog"):
    the subject is the speaker (a pronoun or its name) or the speaker's own body ("said her
    group would table", non_person_heads.txt; "the group" after a speaker "who chairs" a
    body or its "head of": known false positive, another group the sentence names), or the
    speaker is given as a party's ("its chief executive"), or a named business's claim is
    credited to a business told by its kind ("the bus operator"; known false positive,
    another business of that kind) or a named body's claim about its own service to a
    charity or a club told by its kind alone, "the charity" (voluntary_body_nouns.txt; not
    a subject named as a public body, "X District Council"; known false positive, a charity
    speaking of a named business's or charity's own service), or the subject is the
    speaking body's own ("its lifeguards", where a trust speaks) and the claim tells what
    they will do, or "the council" acts in what a member of its executive says
    (``council_executive``), or a body's plan is told in the passive with no agent
    (``_its_plan_in_passive``), or an event called off by its holders (``called_off``).
    Anonymous speakers and claims of being ("he was at home")
    never count."""
    attr = claim.attribution
    if attr is None or not attr.source or attr.kind not in ("named", "according-to"):
        return False
    subj = claim.subject.lower().strip()
    if claim.predicate == "be" or not subj or unnamed_on_purpose(claim.sentence):
        return False  # (nor officials of the body who speak unnamed, on purpose)
    own = _RELATIVE_TAIL.split(attr.source, 1)[0]  # not "for fear of being sacked"
    if set(_WORD_RE.findall(own.lower())) & _POSSESSIVES and not witness_of(attr.source) \
            and not lexicon.has("inference_verbs", claim.predicate):
        return True  # "according to a post on its own blog"; not "two people familiar
        # with its talks", nor a judgement its officer draws ("its chairman said a new
        # levy meant the real rise would be 20 per cent": inference_verbs.txt)
    if called_off(claim, lexicon):
        return True  # (its holders unnamed: "organisers said")
    if is_anonymous(attr, generic):
        return False
    if subj in _PRONOUNS or stand_in_noun(subj) in _CORPORATE and (
            _a_business(attr.source) or _officer_of_named(attr.source, lexicon)):
        return True  # "the company expects ..., Tessin Chemical Works said": itself (or
        # its officer: "Ada Pike, Morrel's finance director, told staff the company had sought")
    kind = _DESCRIBED_BUSINESS.fullmatch(attr.source.strip())
    if kind and kind.group(1) in _CORPORATE and NAME_RUN_RE.match(claim.subject.strip()):
        return True  # "Marlow Buses will cut two routes, the bus operator said": a
        # business told by its kind speaks of its own plan (not "the regulator said")
    if _kind_alone(attr.source) and NAME_RUN_RE.match(claim.subject.strip()) \
            and _its_own(claim) \
            and claim.subject.strip().split()[-1].lower() not in _PUBLIC_HEADS:
        return True  # "Orrin Lifeline will close its helpline, the charity said": a charity
        # or a club told by its kind alone, of what the named body does with its own
        # service (not "Tanwick District Council will close its centres, the charity said")
    owned = subj.split()
    if len(owned) == 2 and owned[0] in ("her", "his", "their", "our") \
            and owned[1] in _BODY_HEADS:
        return True  # "said her group would table a motion": the speaker's own body
    head = own.lower().split()[-1:] if own.split() else []
    if owned[0] == "its" and head and head[0].strip(",.") in _BODY_HEADS \
            and claim.predicate.lower() not in _TELLS \
            and (future_told(claim, lexicon) or claim.certainty.attempts):
        return True  # "the ferry firm said its crews would run two sailings": a body's
        # own staff or service, of what they will do (not "its volunteers found that X", nor
        # "its staff had followed every rule": a finding, a defence of past conduct;
        # known false positive: "its" of another body the sentence names first)
    if len(owned) == 2 and owned[0] == "the" and owned[1] in _BODY_HEADS \
            and _LEADS.search(attr.source):
        return True  # "X, who chairs the Save Orme campaign, said the group would appeal":
        # the body the speaker leads
    if council_executive(subj, attr.source, claim):
        return True
    if _its_plan_in_passive(claim, own, lexicon):
        return True
    name = source_name(attr, generic)
    subject = claim.subject
    return any(not poss and not _word_on_noun(subject, s, e, name)
               for s, e, poss in mentions(subject, name))


# "will be offered", "would be refunded": a deed still to come, told in the passive
# (future_modals.txt and "would")
_PASSIVE_FUTURE = re.compile(r"(?<![\w'])(?:%s|would)\s+(?:[a-z]+ly\s+|also\s+|now\s+)?be\s+$"
                             % "|".join(map(re.escape, sorted(shipped("future_modals")))), re.I)


def _its_plan_in_passive(claim: Claim, speaker: str, lexicon: Lexicon) -> bool:
    """A body's plan to give or grant a thing, told in the passive with no agent ("Stallholders
    will be offered smaller pitches, the market board said"): the speaker, a body by its
    last word (non_person_heads.txt, voluntary_body_nouns.txt: "the society said ticket
    holders would be refunded") or its officer ("the council's cabinet lead for
    transport": a title, titles.txt or council_executive_posts.txt, after the body's
    possessive), is the one who will do it, a deed of deciding and
    giving (decided_deeds.txt: "offer", "pay", "refund"; not "300 jobs will be lost, the
    union said", another party's deed). Known false positive: another party's grant the
    body reports with its agent unsaid."""
    words = _speaker_words(speaker)
    officer = _OFFICER.search(speaker)
    body = bool(words) and _a_body(words[-1]) \
        or officer is not None \
        and officer.group(1).lower() in _BODY_HEADS and _a_title(officer.group(2), lexicon)
    return body and passive_plan(claim, lexicon)


# "has been cancelled", "was called off": a deed done, told in the passive
_PASSIVE_DONE = re.compile(r"(?<![\w'])(?:%s)\s+(?:[a-z]+ly\s+)?$"
                           % "|".join(sorted(shipped("be_forms") - {"be", "being", "am"})), re.I)


def called_off(claim: Claim, lexicon: Lexicon) -> bool:
    """An event called off or moved, told in the passive with no agent, by those who hold it
    ("The fair has been cancelled, organisers announced": event_holders.txt) or a body by its
    last word ("was postponed, the club said": non_person_heads.txt,
    voluntary_body_nouns.txt): calling it off is theirs to do, and saying so does it
    (called_off_deeds.txt). The subject is an event (event_nouns.txt: not "a stolen van was
    abandoned"), the verb of saying a plain one (neutral_report_verbs.txt: not "claimed"),
    and what follows the verb names no party ("because the council refused a licence" is
    another party's deed, which keeps its credit). Known false positive: an event called
    off by another party (the police, a landowner) whose holders report it without naming
    who decided."""
    attr = claim.attribution
    if attr is None or not lexicon.has("neutral_report_verbs", attr.lemma):
        return False
    words = _speaker_words(_RELATIVE_TAIL.split(attr.source, 1)[0])
    if not words or not (lexicon.has("event_holders", singular(words[-1])) or _a_body(words[-1])):
        return False
    head = _WORD_RE.findall(claim.subject.split(",")[0].lower())[-1:]
    if not head or not any(lexicon.has("event_nouns", form) for form in
                           (head[0], singular(head[0]), re.sub(r"es$", "", head[0]))):
        return False  # ("the races", "the matches")
    verb = claim.predicate_text
    at = claim.text.find(verb) if verb else -1
    if at <= 0 or claim.negated or not lexicon.has("called_off_deeds", claim.predicate) \
            or _PASSIVE_DONE.search(claim.text[:at]) is None:
        return False
    rest = claim.text[at + len(verb):]
    if _AGENT.search(claim.text[at:]) or any(w[:1].isupper() or w.lower() in _BODY_HEADS
                                             for w in _WORD_RE.findall(rest)):
        return False  # ("because the council refused a licence": another party's deed)
    particle = lexicon.value("called_off_deeds", claim.predicate)
    return not particle or re.match(rf"\W*{particle}\b", rest) is not None


def _speaker_words(speaker: str) -> list:
    """The words of a speaker phrase, lower case, its possessive end left off ("the
    society's" -> "the society")."""
    return _WORD_RE.findall(re.sub(r"['’]s?\W*$", "", speaker.strip().lower()))


def _a_body(word: str) -> bool:
    """The last word of a body's name or kind (non_person_heads.txt,
    voluntary_body_nouns.txt: "council", "society")."""
    return word in _BODY_HEADS or word in _VOLUNTARY


def passive_plan(claim: Claim, lexicon: Lexicon) -> bool:
    """A deed of deciding and giving (decided_deeds.txt) still to come, told in the passive
    with no agent ("rebates would be sent to each customer", "fees would be refunded by the
    close of term": a "by" of time names none), in the affirmative."""
    verb = claim.predicate_text
    at = claim.text.find(verb) if verb else -1
    return at > 0 and not claim.negated and lexicon.has("decided_deeds", claim.predicate) \
        and _PASSIVE_FUTURE.search(claim.text[:at]) is not None \
        and not _AGENT.search(claim.text[at:])


# "by" before an agent, not before a time ("by the close of term", "by Friday", "by 2027")
_AGENT = re.compile(r"\bby\b(?!\s+(?:the\s+(?:end|start|middle|close)\b|early\b|late\b|mid\b|"
                    r"next\b|this\b|\d|(?:%s)\b))" % "|".join(sorted(CALENDAR_NAMES)), re.I)


# A business told by its kind, with up to two words before the noun: "the postal operator"
_DESCRIBED_BUSINESS = re.compile(r"(?i:the)\s+(?:[a-z-]+\s+){0,2}([a-z]+)")


def _kind_alone(source: str) -> bool:
    """The speaker is a charity or a club told by its kind (voluntary_body_nouns.txt), with
    words that say what kind ("the charity", "the mental health charity", "the Penmor-based
    charity"), not whose people it is ("the tenants' association", "the supporters club": a
    plural or a possessive before the noun, a body of the named party's people, which may
    speak of it)."""
    words = source.strip(" ,").split()
    if len(words) < 2 or words[0].lower() != "the" or words[-1].lower() not in _VOLUNTARY:
        return False
    return not any(w.endswith(("'", "’", "'s", "’s")) or w.lower().endswith("s")
                   and not w.lower().endswith(("ss", "ous", "is", "us")) for w in words[1:-1])


def _its_own(claim: Claim) -> bool:
    """The claim's object is the subject's own ("close its evening helpline"): "its" opens
    the words after the verb."""
    return re.match(r"(?:\w+\s+){0,2}?its\b", claim.object or "", re.I) is not None


def _word_on_noun(text: str, start: int, end: int, name: SourceName) -> bool:
    """The first word of a longer name opening the phrase before a lower-case noun ("Ferry
    operators" beside "the Ferry Passengers Alliance"): the noun's modifier, another party."""
    first = _WORD_RE.search(text)
    if first is None or first.start() != start or " " in text[start:end].strip() \
            or not any(run.startswith(first.group().lower() + " ") for run in name.runs):
        return False
    nxt = _WORD_RE.match(text, end + 1) if text[end:end + 1] == " " else None
    return nxt is not None and nxt.group().islower() and nxt.group() not in _FUNCTION_WORDS \
        and nxt.group() not in name.words


# "Morrel's finance director", "the council's cabinet lead for roads": a body's
# possessive, then up to three words that hold a title
_OFFICER = re.compile(r"\b([A-Za-z][\w-]*)['’]s\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)")


def _a_title(words: str, lexicon) -> bool:
    """The words hold a title (titles.txt, not one marked generic: "managing director") or a
    council's executive post ("cabinet member"), and no word of a past tie ("former":
    former.txt)."""
    low = words.lower().split()
    if any(lexicon.has("former", w) for w in low):
        return False  # "Morrel's former director": no voice of the body now
    return any(lexicon.has("titles", w) and lexicon.value("titles", w) != "generic"
               for w in low) or bool(EXECUTIVE_POSTS.search(words))


def _officer_of_named(source: str, lexicon) -> bool:
    """The speaker is given as an officer of a body named by its possessive ("Fiona Hale,
    Morrel's finance director"): "the company" in what they say is that body. Known
    false positive: "the company" of another firm the officer speaks of."""
    m = _OFFICER.search(source)
    return m is not None and m.group(1)[:1].isupper() and _a_title(m.group(2), lexicon)


def _a_business(source: str) -> bool:
    """A speaker named as a business by its name's last word ("Tessin Chemical Works",
    "Harrow Holdings": non_person_heads.txt), not a public body or a union
    (public_body_heads.txt), which "the company" never stands for, nor a news outlet
    (outlet_heads.txt), which reports on others."""
    words = _WORD_RE.findall(source)
    return len(words) >= 2 and all(w[:1].isupper() for w in words) \
        and words[-1].lower() in _BUSINESS_HEADS
