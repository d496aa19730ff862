"""A deed the source tells as done, told as only weighed: the derived claim's own verb is a
verb of deliberation ("is weighing a loan of £4,000": attempts.txt, the weight of
``DELIBERATION`` or more) with the object the source's firm verb takes ("has approved a loan
of £4,000"). Read by DC210 (``checker.rules.certainty_lowered``)."""

from __future__ import annotations

import re

from checker.align import claim_keys, key, text_keys
from checker.claim_reading import before_preposition, head_word
from checker.hedging import close_support, cues
from checker.lexicon import shipped
from checker.sought import subject_keys

# An attempt of this weight or more is a deliberation, not a plan (attempts.txt: "is
# considering", "is proposing to"): against a plain future or a deed done it is lowered
DELIBERATION = 0.45


def deliberated_deed(ctx, dc):
    """The close source claim that states firmly, with another verb, the deed the derived
    claim gives as weighed: the derived verb one of deliberation with a noun object and no
    verb after it ("is weighing a loan of £4,000", not "is considering whether to" nor
    "considering closing"), the source claim's verb one of a decision carried out on a
    thing of the same head noun, or that noun's own verb ("is weighing refunds for 300
    tickets" for "will refund 300 tickets"; known false negative: a second phrase after
    the object, "for the cancelled concerts", that the source does not give), before any
    preposition of its object (decided_deeds.txt:
    "approved", "awarded"; not "received an application", after which
    weighing is the next step), unhedged and of the same polarity, sharing the subject's
    noun and every content word of the object, two at least (a figure counts). None when a
    source claim weighs that object too. Known false positive: a second deed of the same
    object the party weighs ("has approved a loan and is weighing a loan" of another
    year)."""
    lex = ctx.lexicon
    weight = lex.weight("attempts", dc.predicate.lower(), 0.0)
    if weight < DELIBERATION or dc.negated or not dc.object or cues(dc, lex, attempts=False):
        return None
    at = dc.text.find(dc.object)
    # the object's own phrase, up to a comma or a relative word: a verb there weighs a deed
    # ("considering closing"), one in an aside after it describes the thing ("a scheme by
    # X, one of four entries that reached the final"), and its words are what the source
    # claim must hold ("a hardship fund for boaters", not "who cannot afford the charge")
    phrase = _RELATIVE.split(re.split(r",\s", dc.object)[0])[0]  # (not the comma of "£50,000")
    obj = text_keys(phrase) & claim_keys(dc)
    if len(obj) < 2 or at < 0 or any(w.pos == "VERB" for w in dc.words
                                     if dc.start + at <= w.start < dc.start + at + len(phrase)):
        return None
    mine = subject_keys(dc)
    thing = key(head_word(phrase, lex))
    for sc in close_support(ctx.support(dc)):
        theirs = claim_keys(sc)
        if sc.negated or cues(sc, lex) or not lex.has("decided_deeds", sc.predicate) \
                or not obj <= theirs or not (mine and mine & subject_keys(sc)
                                             or _same_speaker_of_itself(dc, sc, lex)):
            continue
        if thing not in text_keys(_thing_done(sc, lex)) and thing != key(sc.predicate):
            continue  # "has set up a working group to look at a fund": the thing done is
            # another than the one weighed (its noun is past a preposition there)
        if lex.value("decided_deeds", sc.predicate) == "choice" and _plural_head(sc.object, lex):
            continue  # "has picked three designs": a shortlist, weighed still
        if lex.value("decided_deeds", sc.predicate) == "up" and not re.search(
                rf"\b{re.escape(sc.predicate_text)}\s+up\b", sc.text, re.I):
            continue  # "set a deadline": only "set up" sets a thing up
        head = key(dc.object.split()[-1]) if dc.object.split() else ""
        if any(obj <= claim_keys(o) or head in claim_keys(o) for o in ctx.index.claims
               if any(lex.weight("attempts", w.lemma.lower(), 0.0) >= DELIBERATION
                      for w in o.words)):
            return None  # the source weighs it too, in any verb of deliberation, also in a
            # relative clause ("a further loan, which councillors are considering")
        return sc
    return None


def _same_speaker_of_itself(dc, sc, lex) -> bool:
    """Both claims' subjects are the same pronoun for a thing ("it") and their speakers
    share a word ("The trust says it is weighing" and "The trust has said it will"):
    the speaker's own deed in both."""
    subj = dc.subject.strip().lower()
    if subj != sc.subject.strip().lower() or not lex.has("pronouns_thing", subj) \
            or dc.attribution is None or sc.attribution is None:
        return False
    return bool(text_keys(dc.attribution.source) & text_keys(sc.attribution.source)
                - _ARTICLE_KEYS)


_ARTICLE_KEYS = frozenset(key(w) for w in shipped("articles"))  # "the", "a", "an"


_RELATIVE = re.compile(r"\s+(?:%s)\s+" % "|".join(sorted(shipped("relative_pronouns"))),
                       re.I)  # a relative clause opens (relative_pronouns.txt)


def _thing_done(sc, lex) -> str:
    """The words the source claim's verb takes before any preposition or relative clause,
    past its particle ("set up a fund for boaters" -> "a fund"; "awarded the scout group a
    sum of £3,000" -> "the scout group a sum"; "set up a working group to look at a fund"
    -> "a working group")."""
    at = sc.text.find(sc.predicate_text) if sc.predicate_text else -1
    rest = sc.text[at + len(sc.predicate_text):] if at >= 0 else (sc.object or "")
    rest = _PARTICLE.sub("", rest, count=1)
    return before_preposition(_RELATIVE.split(re.split(r",\s", rest)[0])[0], lex)


# a verb's particle right after it ("set up", "paid out": prepositions.txt), before the
# thing it takes
_PARTICLE = re.compile(r"^\s*(?:%s)\b" % "|".join(sorted(shipped("prepositions"))), re.I)


def _plural_head(phrase: str, lex) -> bool:
    """The phrase's head noun, before any comma or relative clause, is plural ("three
    designs for the shelter", "two sites")."""
    head = head_word(_RELATIVE.split(re.split(r",\s", phrase)[0])[0], lex)
    return head.endswith("s") and not head.endswith("ss")


def _doing(lex, verb: str) -> bool:
    """A verb of a decision carried out or of starting a thing (decided_deeds.txt,
    launch_verbs.txt)."""
    return lex.has("decided_deeds", verb.lower()) or lex.has("launch_verbs", verb.lower())


def _points_back(ctx, claim, weighed) -> bool:
    """The claim's object is a pronoun (pronouns_referring.txt: "lodged it") and it follows
    the weighing claim in its paragraph."""
    words = claim.object.lower().split()
    art = ctx.doc_of.get(claim.doc_id)
    return len(words) == 1 and ctx.lexicon.has("pronouns_referring", words[0]) \
        and art is not None and claim.doc_id == weighed.doc_id \
        and weighed.end <= claim.start and "\n\n" not in art.text[weighed.end:claim.start]


def weighed_told_done(ctx, dc):
    """The close source claim that only weighs, with a verb of deliberation, the thing the
    derived claim tells as begun, done or sure to be done ("Growers are bringing a lawsuit
    over the permit", "will bring a lawsuit" for "Growers are weighing a lawsuit over the
    permit"): the source verb one of deliberation (attempts.txt, ``DELIBERATION`` or more)
    with an object that opens on no verb, the derived verb one of a decision carried out or
    of starting a thing (decided_deeds.txt, launch_verbs.txt), both unhedged and unnegated,
    sharing the subject's noun; the derived words from the verb's object on hold every
    content word of the source's object before any relative clause, two at least, and the
    two objects' heads are one word ("will start a consultation on a new parking scheme" is
    no scheme started). None when any source claim tells that thing started or done with
    such a verb (of the same subject's noun and object head, however its object is
    modified, or by a pronoun later in the weighing claim's paragraph: "they lodged it"). The mirror of
    ``deliberated_deed``. Known false positive: a thing weighed and later begun that the
    sources tell with another verb ("has gone to court" for the lawsuit)."""
    lex = ctx.lexicon
    verb = dc.predicate.lower()
    if dc.negated or not dc.object or cues(dc, lex) or lex.weight("attempts", verb, 0.0) \
            or not _doing(lex, verb):
        return None
    at = dc.text.find(dc.object)
    mine, ours = subject_keys(dc), text_keys(dc.text[at:] if at >= 0 else dc.object)  # (the
    # derived verb's object and what follows it; its head is compared below)
    for sc in close_support(ctx.support(dc)):
        if sc.negated or lex.weight("attempts", sc.predicate.lower(), 0.0) < DELIBERATION \
                or not sc.object or cues(sc, lex, attempts=False):
            continue
        head = _RELATIVE.split(sc.object, 1)[0]  # (the thing, not what a clause says of it)
        obj = text_keys(head) & claim_keys(sc)
        at = sc.text.find(head)
        first = next((w for w in sc.words if w.start >= sc.start + at), None)
        theirs, mine_head = head_word(head, lex), head_word(dc.object, lex)
        if len(obj) < 2 or at < 0 or not obj <= ours or not (mine and mine & subject_keys(sc)) \
                or first is None or first.pos == "VERB" or key(theirs) != key(mine_head):
            continue  # ("considering closing the pool": a deed weighed, which cues read; "have
            # opened a fund for a challenge": another thing than the challenge weighed)
        if any(not o.negated and _doing(lex, o.predicate)
               and (obj <= claim_keys(o) or _points_back(ctx, o, sc)
                    or key(head_word(o.object, lex)) == key(theirs) and mine & subject_keys(o))
               for o in ctx.index.claims):
            return None  # a source tells it begun or done too, also by a pronoun in the
            # same paragraph ("On Monday they lodged it at the High Court")
        return sc
    return None
