"""Whose finding or estimate a derived claim keeps (DA101): the source's finders named by
the same noun or by their deed ("An inspection found X" for "Inspectors found X, the report
said"), the finder's own record, a finding verb with the credited party as its subject, and a
figure told as its credited party's estimate ("The trustees put the shortfall at £41m").
"""

from __future__ import annotations

import re

from checker.actors import passive_verb, subject_head
from checker.align import key, text_keys
from checker.claim_reading import FINDING_ROLES
from checker.source_phrase import core


def keeps_frame(ctx, dc, sc) -> bool:
    """The derived sentence keeps the source claim's own frame: the source claim is what the
    speaker's own people found or reported ("the council said its inspectors found that X":
    a subject opening with "its" or "their"), and the derived sentence has the same verb
    with a subject of the same head noun that refers back as well ("Its inspectors found
    X", "X, the inspectors found", "The council's inspectors found X"; not "Independent
    inspectors found X"), or the finders' deed ("An inspection found X"): who found it is
    kept, only who passed it on is not."""
    if not any(ctx.lexicon.has(role, sc.predicate) for role in FINDING_ROLES) or not (
            re.match(r"(?:its|their)\s", sc.subject.strip(), re.I)
            or _finders_record(ctx.lexicon, sc)):
        return False  # the speaker's own people ("its inspectors"), or the finder's own
        # record, not a claim that is a finding itself ("Laboratory tests have found X,
        # according to two people")
    head = subject_head(sc)
    return bool(head) and any(o.sent_start == dc.sent_start and o.predicate == sc.predicate
                              and (subject_head(o) == head and re.match(
                                  r"(?:its|their|the)\s|\S+['’]s?\s", o.subject.strip(), re.I)
                                   or _finders_deed(sc.subject, o.subject))
                              for o in ctx.derived_claims)


def _finders_deed(finders: str, subject: str) -> bool:
    """The derived subject names the finders' deed: their noun with its agent ending cut
    ("inspector" -> "inspection", "auditor" -> "audit"), with no other body's "by" ("An
    inspection of the flats in May found" for "Inspectors found"; not "An inspection by the
    fire service"), from the finders' own words before any relative clause ("Tenants who met
    the inspectors" are tenants): the same finding, by the same hands. Known false positive:
    another inspection than the one the source's inspectors made, told with no "by"."""
    mine = re.findall(r"[a-z]+", subject.lower())
    if re.search(r"\bby\b", subject.lower()):
        return False
    deeds = set()
    own = re.split(r"\b(?:who|that|which|whom)\b", finders.lower())[0]
    for w in re.findall(r"[a-z]+", own):
        m = re.fullmatch(r"([a-z]{4,}?)(?:at)?(?:or|er)s?", w)
        if m:
            deeds |= {m.group(1), m.group(1) + "ion", m.group(1) + "ation"}
    return bool(deeds & set(mine[:3]))


def _finders_record(lex, sc) -> bool:
    """The source credits the finding to a record of the finder's own, named by a definite
    document noun ("The board found no X, the summary said"; "according to its report",
    "according to the panel's final report": finders_records.txt; a possessive before it
    names the claim's subject; the words between, a page count or record_qualifiers.txt:
    "its final report"): the finder's own report. Not a record that reached someone
    else ("a memo seen by the Herald") nor one of another party ("the union's report"), nor
    an indefinite or qualified one ("a leaked memo"). Known false positive: "the report" of
    another body than the finder."""
    words = [w.strip(",.;:").lower() for w in sc.attribution.source.split()] \
        if sc.attribution else []
    if not 2 <= len(words) <= 4 or words[0] not in ("the", "its", "their"):
        return False
    noun = words[-1][:-1] if words[-1].endswith("s") else words[-1]
    if not (lex.has("finders_records", words[-1]) or lex.has("finders_records", noun)):
        return False
    owner = [w for w in words[1:-1] if re.search(r"['’]s?$", w)]
    between = [w for w in words[1:-1] if w not in owner]
    if owner and re.sub(r"['’]s?$", "", owner[0]) != subject_head(sc):
        return False
    return len(owner) <= 1 and all(re.fullmatch(r"[\d-]+[a-z-]*", w)
                                   or lex.has("record_qualifiers", w) for w in between)


def estimate_by_credited(ctx, dc, tellings) -> bool:
    """The derived claim gives the figure as its subject's estimate ("The trustees put the
    shortfall at £40m": estimate_verbs.txt, "at" and a figure after the object), and a
    telling of the fact credits that subject as its head ("The trustees said the fund was
    £40m short"; not "a critic of the council" for "the council put"): the credit is kept,
    whichever outlet the summary follows. Known false positive: a subject that shares its
    head noun with another credited party ("the union's trustees")."""
    if not ctx.lexicon.has("estimate_verbs", dc.predicate) or passive_verb(dc) or not re.search(
            r"\bat\s+(?:\w+\s+){0,2}?[£$€]?\d", dc.text[len(dc.subject):]):
        return False
    head = subject_head(dc)
    return bool(head) and any(t.attribution is not None and head == _credited_head(t)
                              for t in tellings)


def _credited_head(claim) -> str:
    """The key of the head noun of a claim's credit, before any "of", "from", "to" or
    comma ("the plan's trustees" -> trustee; not "a critic of the council", "a letter from
    staff to the trustees", whose heads are the critic and the letter)."""
    phrase = re.split(r"\s+(?:of|from|to|for|at|by|who|which|that)\s+|,",
                      core(claim.attribution.source))[0]
    words = re.findall(r"[A-Za-z][\w'’-]*", phrase)
    return key(words[-1]) if words else ""


def found_by_credited(ctx, dc, sc) -> bool:
    """The derived claim gives as its subject's own count or finding ("Harlow Council
    counted 40 complaints") what the source credits to a document or people of that party
    ("40 complaints, according to a survey for the council's housing office"): a verb of
    finding in the active (finding_verbs.txt) and the subject's head noun in the source's
    credit. Known false positive: a credit that names the party only as what another
    party's document looked at ("according to the union's study of the council's records")."""
    if not ctx.lexicon.has("finding_verbs", dc.predicate) or passive_verb(dc):
        return False
    head = subject_head(dc)
    return bool(head) and head in text_keys(sc.attribution.source)
