"""What a source claim does in its story: who answers a charge in it (a denial, a
dispute, a rejection, a refusal to admit), who puts a caveat on it (an outside expert's
caution, a concessive clause), whose voice it is, and whether it challenges a party; and
the name words that identify a party. Read by ``checker.answers`` (which finds a
source's answers and caveats) and ``checker.answer_kept`` (whether a derived text keeps
them) for DO901."""

from __future__ import annotations

import re
from typing import Optional

from checker.actors import passive_before
from checker.align import key, text_keys
from checker.lemmas import singular
from checker.lexicon import shipped
from checker.records import Claim

# Closed-class words that open a party's description without naming it ("His lawyer").
DETERMINERS = shipped("party_openers")
# How far before and after an answer verb that needs an object ("rejected") its object
# stands: in a claim's content words, and in a sentence's words of any kind
OBJECT_WINDOW = (3, 4)
PRONOUN_OBJECTS = frozenset("it them this that these those".split())
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def party_keys(text: str) -> frozenset:
    """Keys of the name words of a party ("A Fernbrook spokesperson"), else of its head noun."""
    words = WORD.findall(text)
    names = {key(w) for w in words if w[0].isupper() and len(w) > 2
             and w.lower() not in DETERMINERS}
    if names:
        return frozenset(names)
    nouns = [w for w in words if w.lower() not in DETERMINERS and len(w) > 2]
    return frozenset({key(nouns[-1])}) if nouns else frozenset()


def _has(lex, role: str, text: str) -> bool:
    """True when a word or phrase of ``role`` occurs in ``text`` (lower-case words)."""
    words = text.lower().split()
    return any(w in lex.words.get(role, {}) for w in words) or lex.phrase_in(role, words)


def is_expert(lex, party: str) -> bool:
    return _has(lex, "expert_nouns", re.sub(r"[^\w\s]", " ", party))


def _verbs(claim: Claim) -> list[tuple[str, str]]:
    """(lemma, party) of the claim's verbs that can carry a role: its predicate, its cue."""
    out = []
    if not claim.negated:
        out.append((claim.predicate, claim.subject))
    attr = claim.attribution
    if attr is not None and attr.lemma:
        out.append((attr.lemma, attr.source))
    return out


def answer_party(lex, claim: Claim, *, lenient: bool = False) -> Optional[str]:
    """The party a claim shows denying or rebutting something, else None."""
    lemmas = set(claim.lemmas)
    found = list(_verbs(claim))
    if lenient:  # a derived text may fold the denial into a clause ("Varela, who denies ...")
        found += [(w.lemma, "") for w in claim.words if w.pos == "VERB"]
    for lemma, party in found:
        if not lex.has("answer_verbs", lemma):
            continue
        need = lex.value("answer_verbs", lemma)
        if need == "object" and not (_object_near(lex, claim, lemma) or (
                lenient and (claim.object.lower() in PRONOUN_OBJECTS
                             or _pronoun_after(claim, lemma)))):
            continue
        if need == "plea" and not ("guilty" in claim.negated_words or "innocent" in lemmas):
            continue
        return _speaker_for_we(lex, claim, party)
    if _refused_admission(lex, claim) or _called_false(lex, claim, owned=not lenient):
        att = claim.attribution
        return _speaker_for_we(lex, claim, att.source if att is not None and att.source
                               else claim.subject)
    return None


def _called_false(lex, claim: Claim, *, owned: bool = True) -> bool:
    """A charge called false (falsity_words.txt): "X said the accusations were plainly
    wrong" (a charge noun, answer_objects.txt, as the subject of "be"), "she called them
    baseless" (a charge noun or a pronoun after "call"); not negated ("the claims were not
    false" grants them). Known false positive: a party calling another party's denial
    false, when the denial is named by a charge noun ("called the council's claims
    untrue"); so in a derived text (not ``owned``) a charge noun of another's ("the
    council's claims", "its figures") is not read, where an accuser calling the other
    side's claims misleading would pass for the accuser's own answer, kept."""
    if claim.negated or not any(lex.has("falsity_words", w.lemma) for w in claim.words):
        return False
    phrase = claim.subject if claim.predicate == "be" else (claim.object or "")
    if not owned and re.search(r"['’]s?\b|\b(?:its|their|his|her)\b", phrase, re.I):
        return False
    if claim.predicate == "be":
        head = claim.subject.strip().split()[-1:] if claim.subject.strip() else []
        return bool(head) and _has(lex, "answer_objects", _singular(head[0]))
    if claim.predicate == "call":
        obj = (claim.object or "").lower().split()[:3]
        return bool(obj) and (obj[0] in PRONOUN_OBJECTS
                              or any(lex.has("answer_objects", _singular(w)) for w in obj))
    return False


def _singular(word: str) -> str:
    """A phrase word's singular as lemmas are kept ("allegations," -> "allegation")."""
    return singular(word.lower().strip(",.;:'\""))


def _pronoun_after(claim: Claim, lemma: str) -> bool:
    """A pronoun right after the verb, whatever the parse made of it ("The firm rejects
    that, saying ...", read with no object): the answer points back to the charge. Not in
    a condition ("should the panel dispute it"), which answers nothing, nor with no subject."""
    verb = next((w for w in claim.words if w.lemma == lemma), None)
    if verb is None or not claim.subject.strip():
        return False
    at = verb.start - claim.sent_start
    if _CONDITION_OPEN.search(claim.sentence[:at]):
        return False
    after = claim.sentence[verb.end - claim.sent_start:].split()[:1]
    return bool(after) and after[0].strip(",.;").lower() in PRONOUN_OBJECTS


# A condition still open before a verb: "if", "unless" or "whether" with no comma or
# semicolon after it
_CONDITION_OPEN = re.compile(r"\b(?:if|unless|whether)\b[^,;]*$", re.I)


def _object_near(lex, claim: Claim, lemma: str) -> bool:
    """A claim named beside an answer verb that needs one (answer_objects.txt): among the
    few content words either side of it ("rejected the council's account", "a charge the
    firm rejects"), not anywhere in the claim ("rejected valid tickets, drawing a stream
    of complaints": the tickets were rejected). A verb the claim's words lack (a
    quotation's own) looks through the whole claim."""
    objects = lex.words.get("answer_objects", {})
    words = [w.lemma.lower() for w in claim.words]
    before, after = OBJECT_WINDOW
    at = [i for i, w in enumerate(words) if w == lemma] or [None]
    return any(x in objects for i in at
               for x in (words if i is None else words[max(0, i - before):i + 1 + after]))


def _granting(lex, verb: str) -> bool:
    """A verb that grants a claim (admission_verbs.txt, acknowledging_verbs.txt), not one
    that only reports it ("confirm": neutral_report_verbs.txt), which leaves it open."""
    return (lex.has("admission_verbs", verb) or lex.has("acknowledging_verbs", verb)) \
        and not lex.has("neutral_report_verbs", verb)


def _object_named(lex, claim: Claim, verb: str) -> bool:
    """A claim (answer_objects.txt) heads the verb's object, a definite one within its first
    five words ("would not recognise the campaign's new estimate", "does not accept that
    account"; not "does not accept calls from farmers"), and for a verb of recognising no
    "as" after it ("never recognised the number as false": noticing, not refusing)."""
    at = next((w for w in claim.words if w.lemma == verb), None)
    if at is None:
        return False
    after = claim.text[at.end - claim.start:]
    rest = re.findall(r"[a-z]+", after.lower())
    if lex.has("acknowledging_verbs", verb) and "as" in rest[:7]:
        return False
    if not rest or rest[0] not in _DEFINITE \
            and not re.match(r"\s*[A-Z][\w'’-]*['’]s?\b", after):
        return False  # a definite object: "the estimate", "that figure", "Ann Roe's account"
    words = [w for w in claim.words if w.start > at.start][:5]
    return any(lex.has("answer_objects", w.lemma.lower()) for w in words)


# what opens a definite object: "the", a possessive, a demonstrative ("that account")
_DEFINITE = (shipped("determiners") - shipped("articles")) | {"the"} \
    | (PRONOUN_OBJECTS - {"it", "them"})


def _owned_refusal(lex, claim: Claim) -> bool:
    """A negated "be" that sets a claim against what the speaker grants ("that estimate is
    not one I accept", "that is not a number we recognise"): an answer object in the claim and
    an admission verb after a first-person pronoun."""
    words = [w.lemma.lower() for w in claim.words]
    if not any(lex.has("answer_objects", w) for w in words):
        return False
    low = claim.text.lower()
    return any(re.search(rf"\b(?:we|i)\s+(?:\w+\s+)?{re.escape(w.text.lower())}\b", low)
               for w in claim.words if _granting(lex, w.lemma.lower()))


def _speaker_for_we(lex, claim: Claim, party: str) -> str:
    """A first-person party ("we reject ...", "we deny that ...": a quotation's own words)
    stands for its quotation's speaker; any other party is itself."""
    if lex.has("pronouns_first_person", party.lower()):
        return voice_of(claim, lex) or party
    return party


def _refused_admission(lex, claim: Claim) -> bool:
    """A party declines to grant a claim: an admission verb negated, with what it will not
    grant as a clause ("we do not accept that our plant is the only possible source", "did
    not admit that") or a claim named beside it ("would not recognise the estimate"; "that
    estimate is not one I accept"); not "did not confirm", which leaves a question open."""
    verb = claim.predicate
    if claim.negated and verb == "be" and _owned_refusal(lex, claim):
        return True
    if claim.negated and _granting(lex, verb) and _object_named(lex, claim, verb):
        return True  # "would not recognise the estimate", "does not accept the council's
        # account": a claim named right after the verb, refused
    if not claim.negated or not lex.has("admission_verbs", verb) or \
            lex.has("neutral_report_verbs", verb):
        return False
    after = claim.text[len(claim.subject):] if claim.text.startswith(claim.subject) \
        else claim.text
    rest = after.lower()
    # the verb's own "not" ("does not accept that"), not a subject's ("No one would accept")
    m = re.search(r"\bthat\b", rest)
    if re.search(r"\b(?:not|never)\b|n't\b", rest) is None or m is None:
        return False
    # about the party's own conduct ("that our plant is the source", "that it had failed"),
    # not an accuser's charge ("did not accept that Halden had acted quickly enough")
    own = set().union(*(lex.words.get(role, {}) for role in (
        "pronouns_subject", "pronouns_person", "pronouns_thing", "possessives")))
    if claim.subject.strip().lower() in own:
        return True  # the party speaking for itself ("we do not accept", "it said it did not")
    clause = after[m.end():]
    first_person = set(lex.words.get("pronouns_first_person", {})) & set(
        re.findall(r"[a-z']+", clause.lower()))
    names = {w for w in re.findall(r"[A-Z][\w'’-]+", claim.subject)
             if not lex.has("articles", w.lower())}
    # "we do not accept that our plant ...", "Kell Chemicals does not accept that the Kell
    # plant ...": about itself; not "The ombudsman did not accept that the landlord had"
    return bool(first_person) or _it_of_a_body(lex, claim.subject, clause) or bool(
        names & set(re.findall(r"[A-Z][\w'’-]+", clause)))


def _it_of_a_body(lex, subject: str, clause: str) -> bool:
    """The clause opens on "it" or "its" and the subject is a body, named or by its kind
    ("the trust did not accept that it had acted late": public_body_heads.txt,
    corporate_nouns.txt, voluntary_body_nouns.txt, member_bodies.txt), so "it" is the party
    itself: its own conduct. Not a person or an officer ruling on another's conduct ("the
    ombudsman did not accept that it was fair"). Known false positive: an "it" for a
    thing of the charge after a body ("the council did not accept that it was unsafe")."""
    first = re.match(r"\s*([A-Za-z]+)", clause)
    if first is None or not lex.has("pronouns_thing", first.group(1).lower()) \
            and first.group(1).lower() != "its":
        return False
    head = re.findall(r"[A-Za-z]+", subject)[-1:]
    return bool(head) and (head[0][:1].isupper() and head[0].lower() not in DETERMINERS
                           or any(lex.has(role, head[0].lower()) for role in (
                               "public_body_heads", "corporate_nouns",
                               "voluntary_body_nouns", "member_bodies")))


def caveat_party(lex, claim: Claim) -> Optional[str]:
    """The speaker of a caveat (an expert's caution, a concessive limitation), else None."""
    party = cautioning_expert(lex, claim)
    return party if party is not None else concessive_party(lex, claim)


def _cautions(lex, claim: Claim, lemma: str) -> bool:
    return lex.has("caveat_verbs", lemma) or (lemma == "urge" and "caution" in claim.lemmas)


def cautioning_expert(lex, claim: Claim) -> Optional[str]:
    """The outside expert who cautions or warns in the claim, else None."""
    for lemma, party in _verbs(claim):
        if _cautions(lex, claim, lemma):
            described = f"{party} {claim.attribution.source if claim.attribution else ''}"
            return party if is_expert(lex, described) else None
    return None


def concessive_party(lex, claim: Claim) -> Optional[str]:
    """Who states a limitation in a clause opened by a concessive ("but the trial was
    small"), "" when nobody is named, else None."""
    if any(_cautions(lex, claim, lemma) for lemma, _ in _verbs(claim)):
        return None  # a caution is judged by its speaker (cautioning_expert)
    opening = claim.sentence[: max(0, claim.start - claim.sent_start) + 12]
    subject = claim.subject.lower().split()
    if _has(lex, "concessives", re.sub(r"[^\w\s]", " ", opening)) and any(
            lex.has("limitations", w.lemma) and w.text.lower() not in subject for w in claim.words):
        return claim.attribution.source if claim.attribution else ""
    return None


def voice_of(claim: Claim, lex=None) -> str:
    """Who speaks in a claim: a quote's speaker, a named attribution's source, or the subject
    of a clause that is itself a statement ("X called it '...'")."""
    if claim.quotes and claim.quotes[0].speaker:
        speaker = claim.quotes[0].speaker  # with its description when the subject gives one
        return claim.subject if speaker in claim.subject else speaker
    if claim.quotes and lex is not None and lex.has("attribution_verbs", claim.predicate):
        return claim.subject
    attr = claim.attribution
    return attr.source if attr is not None and attr.kind == "named" else ""


def challenges(lex, claim: Claim, mine: frozenset) -> bool:
    """True when a claim challenges the party ``mine``: another named voice accuses, complains,
    fears or denies ("nobody asked us"), or an unvoiced sentence charges or fines that party."""
    voice = party_keys(voice_of(claim))
    if voice & mine or (party_keys(claim.subject) & mine and not _passive(claim)):
        return False  # its own words, or what it does ("the regulator fined the bank")
    words = {claim.predicate, *claim.lemmas} | ({claim.attribution.lemma}
                                                if claim.attribution else set())
    charged = any(lex.has("challenges", w) for w in words)
    if voice:
        return charged or claim.negated or bool(claim.attribution and claim.attribution.negated)
    named = mine & text_keys(claim.sentence)
    return charged and len(named) >= min(2, len(mine))


def _passive(claim: Claim) -> bool:
    """The claim's verb is passive ("Pelham Bank was fined"): its subject undergoes it."""
    verb = next((w for w in claim.words if w.lemma == claim.predicate), None)
    return verb is not None and passive_before(claim.text[:verb.start - claim.start])
