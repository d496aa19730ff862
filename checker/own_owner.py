"""A thing the source gives to one named party told as the claim's subject's own.

"Vantor Buses will lease part of Harlow Coaches' depot" told as "Vantor Buses will lease
part of its own depot": "own" says the thing is the subject's, and the source names another owner
for the same noun. DE408 (rules/mixed_up.py) reads it.
"""

from __future__ import annotations

import re

from checker.actors import subject_words
from checker.align import key

# "its own depot", "their own staff": the word after "own" is the thing owned
_OWN = re.compile(r"\b(?:its|their|his|her)\s+own\s+([a-z]+)", re.I)
# "Brell Ltd's yard", "Harlow Coaches' depot": a name and its thing
_NAMED_OWNER = re.compile(r"\b([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*?)(?:['\u2019]s|(?<=s)['\u2019])"
                          r"\s+([a-z]+)")


def own_for_other(dc, sc):
    """((start, end) in the derived text, (start, end) in the source) of "its own X" in the
    derived claim where the source claim gives X to a named owner the derived claim's subject
    is not and that the derived claim never names; else None. The subject must hold a
    name ("Vantor Buses will lease its own depot"), not a pronoun, which may stand for the
    owner. Known false positive: a subject that is the owner under another name (a parent
    company, a brand)."""
    subject = dc.subject or ""
    if not any(w.pos == "PROPN" for w in subject_words(dc)):
        return None  # a name, not "Residents" opening the sentence nor a pronoun
    low = dc.text.lower()
    for m in _OWN.finditer(dc.text):
        thing = key(m.group(1).lower())
        for n in _NAMED_OWNER.finditer(sc.text):
            owner = n.group(1)
            if key(n.group(2).lower()) != thing or owner.lower() in low:
                continue
            if {key(w) for w in owner.lower().split()} & {key(w) for w in
                                                          subject.lower().split()}:
                continue  # the subject is that owner
            return ((dc.start + m.start(), dc.start + m.end()),
                    (sc.start + n.start(), sc.start + n.end()))
    return None
