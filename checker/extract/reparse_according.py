"""Repairs of "According to X" sentences that the small English model parses wrong: a
description of the source read as the clause's subject, the clause's subject hung on the
source, and the clause's verb read as a participle with "According" the root. Made on the
plain view of a doc (``tokens.DocView``) before the claim walk reads it; the notes of
``checker.extract.reparse`` hold for these too. ``according_root`` reads one such shape where
it stands (an "According to X" made the sentence's root) instead of repairing it.
"""

from __future__ import annotations

from checker.extract.common import SUBJ_DEPS, _doc_text
from checker.extract.reparse import rehang, verb_over_root
from checker.records import Attribution


def according_source(acc):
    """The source an "according" token names: the object of its "to" ("according to *the
    council*"), or None."""
    to = next((c for c in acc.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def lift_according_appositive(view, sent) -> bool:
    """A description of an "according to" source that the model read as the subject
    ("According to Friends of Dunn Wood, a local campaign group, Marrow Water has let ...",
    parsed with "group" the subject and "Water" its apposition): when the subject of the
    verb that "according to X" hangs on is a common noun set between commas right after X,
    with a name in apposition after it, the noun describes X and the name is the subject.
    True when the sentence was repaired.

    Known false positives: none seen; a subject that is a common noun with a name after it
    and no "according to" phrase before it ("the regulator, Ofwat, said") is left alone."""
    done = False
    for acc in sent:
        if acc.lower_ != "according" or acc.dep_ != "prep" or acc.head is acc:
            continue
        source = according_source(acc)
        verb = acc.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if source is None or subj is None or subj.pos_ != "NOUN" \
                or subj.left_edge.i != source.right_edge.i + 2 \
                or view[source.right_edge.i + 1].text != ",":
            continue
        name = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                     and c.i > subj.i and view[c.left_edge.i - 1].text == ","), None)
        if name is None:
            continue
        rehang(subj, source, "appos")
        rehang(name, verb, "nsubj")
        for comma in [c for c in subj.children if c.is_punct and c.i > subj.i]:
            rehang(comma, verb)  # the comma that closes the description
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_cause_from_according(view, sent, causal: set) -> bool:
    """A participle of cause set after a trailing "according to" source ("Complaints rose
    by half, according to its yearly accounts, driven by a rise in fees"), which the model
    hangs on the source's noun as its description: a causal connective (``causal``: the
    connectives_causal.txt words and two-word phrases) after the comma that closes the source tells
    why the clause's event came about, so it hangs on the clause's verb. True when the
    sentence was repaired.

    Known false positives: a causal participle that does describe the source ("according
    to a survey, prompted by the strike, of 300 staff"); other participles ("according to
    a study, issued last week") describe the source and are left alone."""
    done = False
    for acc in sent:
        if acc.lower_ != "according" or acc.dep_ != "prep" or acc.head is acc \
                or acc.head.i > acc.i or acc.head.pos_ not in ("VERB", "AUX"):
            continue
        source = according_source(acc)
        if source is None:
            continue
        for part in [c for c in source.children if c.dep_ == "acl" and c.i > source.i
                     and c.tag_ in ("VBN", "VBG") and (c.lower_ in causal or (
                         c.i + 1 < len(view) and f"{c.lower_} {view[c.i + 1].lower_}" in causal))
                     and c.left_edge.i == c.i and view[c.i - 1].text == ","]:
            rehang(part, acc.head, "advcl")
            done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_subject_from_according(view, sent) -> bool:
    """A clause's subject that the model hung on the "according to" source as its
    apposition ("According to files seen by the Courier, about 300 bills were paid late",
    parsed with "bills" an apposition of "Courier" and "paid" left with no subject; or the
    object of the source's participle, "seen by the Courier, surgeons in two operations
    recorded ..."): when the verb "according to" hangs on has no subject, and a noun or a
    number after the comma that closes the source hangs on the source as an apposition or
    as its participle's object, it is the verb's subject. True when the sentence was
    repaired.

    Known false positives: none seen; a verb with a subject of its own is left alone, so a
    true description of the source ("According to Ann Lee, a nurse, the ward ...") is too."""
    done = False
    for acc in sent:
        if acc.lower_ != "according" or acc.dep_ != "prep" or acc.head is acc:
            continue
        verb = acc.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i < acc.i or any(
                c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
                for c in verb.children):
            continue
        source = according_source(acc)
        if source is None:
            continue
        subj = next((t for t in source.subtree if t.i < verb.i
                     and (t.dep_ == "appos" or t.dep_ == "dobj" and t.head.tag_ == "VBN")
                     and t.pos_ in ("NOUN", "PROPN", "NUM")
                     and view[t.left_edge.i - 1].text == ","), None)
        if subj is None:
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        rehang(subj, verb, "nsubjpass" if passive else "nsubj")
        rehang(view[subj.left_edge.i - 1], verb)  # the comma that closes the source
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_according_from_relative(view, sent) -> bool:
    """An "according to" phrase that the model hung on the relative clause describing its
    source ("According to two of the crew, who would not give their names, the committee was
    warned ...", parsed with "According" under "give" and "give" a clause of "warned"): when the
    verb "according to" hangs on has a relative pronoun for its subject, opens right after
    the comma that closes the source, and hangs on a later verb, the phrase goes to that
    verb and the relative clause to the source. True when the sentence was repaired.

    Known false positives: none seen; a relative clause the model already hangs on the
    source is left alone."""
    done = False
    for acc in sent:
        if acc.lower_ != "according" or acc.dep_ != "prep" or acc.head is acc:
            continue
        rel = acc.head
        source = according_source(acc)
        who = next((c for c in rel.children if c.dep_ == "nsubj"
                    and c.lower_ in ("who", "which")), None)
        if source is None or who is None or rel.head is rel or rel.head.i < rel.i \
                or rel.dep_ not in ("advcl", "ccomp", "conj") \
                or who.i != source.right_edge.i + 2 or view[who.i - 1].text != ",":
            continue
        verb = rel.head
        rehang(acc, verb, "prep")
        rehang(rel, source, "relcl")
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_verb_read_as_participle(view, sent) -> bool:
    """A sentence "According to X, Y did Z" whose verb the model read as a participle of Y,
    with "According" the root ("According to papers seen by the Herald, an audit ordered by
    the trust in May found gaps in 30 files", parsed with "found" modifying "audit"): when
    the root is "According", no finite verb of the sentence has a subject, and a participle hung
    on a noun set after the comma that closes the source takes an object of its own (a
    passive participle takes none), the participle is the sentence's verb in the past
    tense, the noun its subject and "According to X" its phrase. True when the sentence
    was repaired.

    Known false positives: none seen; a verb given to a double object in the passive ("a
    firm awarded the contract") would be read as the firm's act, but such a noun phrase
    comes with a finite verb and a subject of its own, and a sentence with one is left
    alone."""
    root = sent.root
    if root.lower_ != "according" or root.dep_ != "ROOT" or any(
            t.tag_ in ("VBD", "VBZ", "VBP", "MD") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in sent):
        return False  # a finite verb with a subject: a clause the walk can read
    to = next((c for c in root.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) \
        if to is not None else None
    if source is None:
        return False
    subj = next((t for t in source.subtree if t.dep_ == "appos" and t.i > source.i
                 and t.pos_ in ("NOUN", "PROPN", "NUM")
                 and view[t.left_edge.i - 1].text == ","), None)
    verb = next((c for c in subj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 and c.i > subj.i and any(x.dep_ == "dobj" for x in c.children)
                 and not any(x.dep_ in ("agent", "aux", "auxpass", "nsubj", "nsubjpass")
                             for x in c.children)), None) if subj is not None else None
    if verb is None:
        return False
    comma = view[subj.left_edge.i - 1]
    rehang(subj, verb, "nsubj")
    for c in [c for c in subj.children if c.i > verb.i]:
        rehang(c, verb)  # "... and recommended upgrades" hung on the noun: the verb's words
    rehang(comma, verb)
    verb.head.children = [c for c in verb.head.children if c is not verb]
    verb_over_root(view, sent, verb, root, after=verb.i, role="prep", tag="VBD")
    return True


def according_root(root):
    """The parser sometimes makes "According" the root of "According to X, A was B" and
    hangs the clause on X as a relative clause: then the clause, its attribution and
    the frame's tokens, else None."""
    if root.lower_ != "according" or root.dep_ != "ROOT":
        return None
    to = next((c for c in root.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if pobj is None:
        return None
    clause = next((c for c in pobj.children if c.dep_ in ("relcl", "acl")
                   and c.pos_ in ("VERB", "AUX") and c.left_edge.i > pobj.i
                   and any(x.dep_ in SUBJ_DEPS for x in c.children)), None)
    if clause is None:
        return None
    src_toks = [t for t in pobj.subtree if t.i < clause.left_edge.i and not t.is_punct]
    if not src_toks:
        return None
    src = _doc_text(root.doc)[src_toks[0].idx:src_toks[-1].idx + len(src_toks[-1])]
    frame = tuple(t for t in root.subtree if t.i < clause.left_edge.i)
    attr = Attribution(source=src, cue=f"according to {src}", start=root.idx,
                       end=src_toks[-1].idx + len(src_toks[-1]), kind="according-to",
                       head=pobj.lemma_.lower())
    return clause, attr, frame
