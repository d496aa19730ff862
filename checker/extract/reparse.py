"""Repairs of parses that the small English model gets wrong in a way the claim walk cannot
read round, made on the plain view of a doc (``tokens.DocView``) before the walk reads it.

Each repair is narrow: it names the shape the model produces and the shape it should have,
and changes the heads and labels of a few tokens only.
"""

from __future__ import annotations


def lift_reported_participle(view, sent, report_verbs) -> bool:
    """A sentence whose verb of saying the model read as a participle of its subject ("Its
    landlord, Brandwick Estates, announced in March that it would not extend", parsed as a
    noun phrase whose root is "landlord" and whose "announced" modifies it): when the root
    is a noun and a participle after it is a verb of saying (attribution_verbs.txt) that has
    a clause for its complement and no auxiliary or subject of its own, the participle
    becomes the sentence's verb and the noun its subject. True when the sentence was
    repaired.

    Known false positives: none seen; a noun phrase with a reduced relative clause that takes
    a complement clause ("the warning issued on Monday that roads may flood") has the "that"
    clause on the noun in this model's parses, not on the participle, and is left alone."""
    root = sent.root
    if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = next((c for c in root.children if c.dep_ == "acl" and c.i > root.i
                 and c.tag_ in ("VBN", "VBD") and c.lemma_.lower() in report_verbs
                 and any(x.dep_ == "ccomp" for x in c.children)
                 and not any(x.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass")
                             for x in c.children)), None)
    if verb is None:
        return False
    _verb_over_noun(view, sent, verb, root, after=verb.i, role="nsubj", tag="VBD")
    return True


def lift_modifying_verb(view, sent) -> bool:
    """A sentence whose verb the model read as a modifier of its object ("Hollis has secured
    chip designer Varro Logic as a partner", parsed with "secured" an adjective of
    "designer" and "Logic" the root): when the root is a noun and a verb before it has a
    subject and an auxiliary of its own ("Hollis has"), the verb becomes the sentence's verb
    and the noun its object, and the noun's words after it (a preposition, an "according
    to") the verb's. True when the sentence was repaired.

    Known false positives: none seen; a participle with an auxiliary is a verb in every parse
    read so far."""
    root = sent.root
    if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = next((t for t in sent if t.i < root.i and t.pos_ in ("VERB", "AUX")
                 and t.dep_ in ("amod", "compound") and t.tag_ in ("VBN", "VBD")
                 and any(c.dep_ in ("aux", "auxpass") for c in t.children)
                 and any(c.dep_ == "nsubj" and c.i < t.i for c in t.children)
                 and any(a is root for a in t.ancestors)), None)
    if verb is None:
        return False
    verb.head.children = [c for c in verb.head.children if c is not verb]
    _verb_over_noun(view, sent, verb, root, after=root.i, role="dobj", tag="VBN")
    return True


def _verb_over_noun(view, sent, verb, noun, *, after: int, role: str, tag: str) -> None:
    """Make ``verb`` the sentence's root and the root ``noun`` its ``role``; the noun's
    children after token ``after`` (the closing stop, an "according to") go to the verb."""
    moved = [c for c in noun.children if c.i > after]
    noun.children = [c for c in noun.children if c.i <= after and c is not verb]
    for c in moved:
        c.head = verb
    verb.children = sorted([*verb.children, noun, *moved], key=lambda t: t.i)
    verb.head, verb.dep_, verb.tag_ = verb, "ROOT", tag
    noun.head, noun.dep_ = verb, role
    sent.root = verb
    view.refresh_edges(verb)


def lift_adding_participle(view, sent, report_verbs) -> bool:
    """A participle of saying that the model hung on the reported clause instead of on the
    verb that reports it ("Ilse Marrow said sales had recovered, adding that no decision had
    been taken", parsed with "adding" under "started"): when a participle of a verb of saying
    (attribution_verbs.txt) after a comma has a clause for its complement and hangs on the
    complement of another verb of saying, it hangs on that verb, whose speaker adds it. True
    when the sentence was repaired.

    Known false positives: a participle whose speaker is the complement's subject ("said the
    mayor had resigned, saying that she was tired") is given to the first speaker; the model
    hangs that one on the complement too."""
    done = False
    for t in sent:
        host = t.head
        if not (t.tag_ == "VBG" and t.dep_ == "advcl" and t.lemma_.lower() in report_verbs
                and host.dep_ == "ccomp" and host.head is not host
                and host.head.lemma_.lower() in report_verbs and host.head.pos_ == "VERB"
                and t.i > 0 and view[t.i - 1].text == ","
                and any(c.dep_ == "ccomp" for c in t.children)):
            continue
        top = host.head
        host.children = [c for c in host.children if c is not t]
        t.head = top
        top.children = sorted([*top.children, t], key=lambda x: x.i)
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done
