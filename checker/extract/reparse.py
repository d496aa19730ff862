"""Repairs of parses that the small English model gets wrong in a way the claim walk cannot
read round, made on the plain view of a doc (``tokens.DocView``) before the walk reads it.

Each repair is narrow: it names the shape the model produces and the shape it should have,
and changes the heads and labels of a few tokens only. The repairs around a speaker and its
verb of saying are in ``checker.extract.reparse_speakers``, those of an "According to X"
sentence (and ``according_root``, which reads one such shape where it stands) in
``checker.extract.reparse_according``, those of a reported clause's parts in
``checker.extract.reparse_reported``.
"""

from __future__ import annotations

from checker.extract.common import SUBJ_DEPS


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
    _subject_under_verb(view, sent, verb, root)
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
    verb_over_root(view, sent, verb, root, after=root.i, role="dobj", tag="VBN")
    return True


def lift_counted_subject_verb(view, sent) -> bool:
    """A sentence whose verb in the simple past the model read as a participle modifying a
    counted subject ("Some 80 tenants gathered by the gates on Friday", parsed with "tenants"
    the root and "gathered" its modifier): when the noun root is a plural with
    a number of its own and the participle comes right after it with no object and no agent
    ("by"), the participle becomes the verb and the noun its subject. True when repaired.

    Known false positive: a passive caption with no agent ("Two men arrested after a fight",
    "Some 120 jobs lost at the plant") read as active, with the same words and figures to
    compare; one with "by" is left alone."""
    root = sent.root
    if root.dep_ != "ROOT" or root.tag_ != "NNS" \
            or not any(c.dep_ == "nummod" for c in root.children):
        return False
    verb = next((c for c in root.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")
                 and c.i == root.i + 1), None)
    if verb is None or any(c.dep_ in ("dobj", "agent", "auxpass", "aux") or c.lower_ == "by"
                           for c in verb.children):
        return False
    _subject_under_verb(view, sent, verb, root)
    return True


def lift_verb_after_apposition(view, sent) -> bool:
    """A sentence whose verb, set right after a name in apposition, the model read as a
    participle of the subject ("The town's mayor, Ana Petrow, named the trust as she warned
    ...", parsed with "named" modifying "mayor" and "mayor" the root): when
    the root is a noun with a name in apposition, and a past form after it, right after the
    comma that closes the apposition, hangs on it with no auxiliary or subject of its own,
    the past form becomes the sentence's verb and the noun its subject. True when the
    sentence was repaired.

    Known false positives: none seen; a noun phrase that is all the sentence ("The town's
    mayor, Ana Petrow, named in the report.") reads as a clause too, which is what a
    headline of that shape says."""
    root = sent.root
    if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN"):
        return False
    appos = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > root.i]
    verb = next((c for c in root.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")
                 and appos and c.i == appos[-1].right_edge.i + 2
                 and view[c.i - 1].text == ","
                 and not any(x.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent")
                             for x in c.children)), None)
    if verb is None:
        return False
    _subject_under_verb(view, sent, verb, root)
    return True


def _subject_under_verb(view, sent, verb, root) -> None:
    """Make the participle ``verb`` the sentence's verb and the noun root its subject, with
    what opens the sentence before the noun's phrase hung on the verb (``_openers``)."""
    opening = _openers(view, root)
    verb_over_root(view, sent, verb, root, after=verb.i, role="nsubj", tag="VBD")
    for c in opening:
        rehang(c, verb)
    view.refresh_edges(verb)


def _openers(view, root) -> list:
    """What opens the sentence before a noun root's phrase and belongs to the verb made
    over it, with its comma: a clause ("Speaking at a conference on Wednesday, ...") or an
    adverb set off by a comma ("Separately, ..."; not "Only the mayor ...")."""
    def opener(a) -> bool:
        return a.dep_ == "advcl" or a.dep_ == "advmod" and a.right_edge.i + 1 < len(view) \
            and view[a.right_edge.i + 1].text == ","
    return [c for c in root.children if c.i < root.i and (opener(c) or c.dep_ == "punct" and any(
        opener(a) and a.right_edge.i + 1 == c.i for a in root.children))]


def verb_over_root(view, sent, verb, noun, *, after: int, role: str, tag: str) -> None:
    """Make ``verb`` the sentence's root and the old root ``noun`` (a noun, or an "According"
    the model made the root) its ``role``; the old root's children after token ``after``
    (the closing stop, an "according to") go to the verb."""
    moved = [c for c in noun.children if c.i > after]
    noun.children = [c for c in noun.children if c.i <= after and c is not verb]
    for c in moved:
        c.head = verb
    verb.children = sorted([*verb.children, noun, *moved], key=lambda t: t.i)
    verb.head, verb.dep_, verb.tag_ = verb, "ROOT", tag
    noun.head, noun.dep_ = verb, role
    sent.root = verb
    view.refresh_edges(verb)


def relative_verb(tok) -> bool:
    """A relative clause's verb: so labelled, or a clause that opens with "which" or "who"
    (the model sometimes labels "which the council rejected" a complement)."""
    return tok.dep_ == "relcl" or (tok.dep_ in ("ccomp", "advcl", "conj") and tok.pos_ == "VERB"
                                   and tok.left_edge.tag_ in ("WDT", "WP"))


def lift_conj_from_as_clause(view, sent) -> bool:
    """A verb the model hung on an "as" clause with no subject ("will not reopen in May as
    planned and are now expected to open in August", parsed with "expected" a conjunct of
    "planned"): when the conjunct has an auxiliary of its own ("are"), it is the main verb's
    conjunct, its "and" with it, so the claim walk reads it as a clause of its own and the
    negation of the first stays there. True when the sentence was repaired.

    Known false positives: none seen; an "as" clause with two verbs of its own ("as planned
    and as agreed") has no auxiliary on the second."""
    done = False
    for tok in list(sent):
        if tok.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as"
                                          for c in tok.children) \
                or any(c.dep_ in SUBJ_DEPS for c in tok.children):
            continue
        for conj in [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                     and any(x.dep_ in ("aux", "auxpass") for x in c.children)]:
            cc = [c for c in tok.children if c.dep_ == "cc" and c.i < conj.i]
            for c in cc[-1:]:
                rehang(c, tok.head)
            rehang(conj, tok.head)
            done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_conj_from_relative(view, sent) -> bool:
    """A verb with an auxiliary of its own that the model hung as a conjunct on a relative
    clause with a noun for its subject ("had paid staff the bonus their contracts
    promise but had not repaid the loans", parsed with "repaid" a conjunct of
    "promise"): when the conjunct has no subject, the relative verb has no auxiliary of
    that form and the verb above the relative clause has one ("had paid"), the conjunct is
    that verb's, its "but" with it, so the claim walk reads it as a clause of its own and
    its negation stays there. True when the sentence was repaired.

    Known false positive: a second verb that is the relative clause's after all, with a
    tense of its own ("had approved the plan its engineers drew up and had checked")."""
    done = False
    for tok in list(sent):
        if tok.dep_ not in ("relcl", "acl") or tok.pos_ not in ("VERB", "AUX") \
                or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            continue
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        host = tok.head
        while host.pos_ not in ("VERB", "AUX") and host.head is not host:
            host = host.head
        if subj is None or subj.tag_ in ("WDT", "WP") or subj.lower_ == "that" \
                or host.pos_ not in ("VERB", "AUX") or host.i > tok.i:
            continue
        forms = {c.lower_ for c in host.children if c.dep_ in ("aux", "auxpass")}
        while host.dep_ == "xcomp" and "to" in forms and host.head is not host:
            host = host.head  # "had failed to send X the letters ...": the verb of "had"
            forms = {c.lower_ for c in host.children if c.dep_ in ("aux", "auxpass")}
        for conj in [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                     and not any(x.dep_ in SUBJ_DEPS for x in c.children)
                     and any(x.dep_ in ("aux", "auxpass") and x.lower_ in forms
                             for x in c.children)]:
            cc = [c for c in tok.children if c.dep_ == "cc" and c.i < conj.i]
            for c in cc[-1:]:
                rehang(c, host)
            rehang(conj, host)
            done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_verb_after_reduced_relative(view, sent) -> bool:
    """A noun with a reduced relative clause before its own verb ("The volumes sent for
    scanning came back damaged"), which the model reads as two verbs of one subject with no
    "and" between them ("sent" the verb, "came" its conjunct): when a past verb right after
    its noun subject, with no auxiliary and no object of its own, has a conjunct with no
    subject, no coordinator and no comma before it, the conjunct becomes the noun's verb and
    the first verb a participle modifying the noun. True when the sentence was repaired.

    Known false positive: two verbs of one subject written without "and" or a comma, which
    news copy does not do."""
    done = False
    for first in list(sent):
        subj = next((c for c in first.children if c.dep_ == "nsubj"), None)
        if first.tag_ != "VBD" or subj is None or subj.pos_ not in ("NOUN", "PROPN") \
                or subj.right_edge.i != first.i - 1 \
                or any(c.dep_ in ("aux", "auxpass", "dobj", "cc") for c in first.children):
            continue
        verb = next((c for c in first.children if c.dep_ == "conj" and c.pos_ == "VERB"
                     and c.tag_ in ("VBD", "VBZ", "VBP")
                     and not any(x.dep_ in SUBJ_DEPS for x in c.children)), None)
        if verb is None or any(view[i].text in (",", ";", "and", "or", "but")
                               for i in range(first.i + 1, verb.i)):
            continue
        later = [c for c in first.children if c.i > verb.i]
        if first.head is first:
            first.children = [c for c in first.children if c is not verb]
            verb.head, verb.dep_ = verb, "ROOT"
            sent.root = verb
        else:
            rehang(verb, first.head, first.dep_)
        for c in later:
            rehang(c, verb)
        participle_of_subject(subj, verb, first)
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_with_speaker(view, sent, report_verbs) -> bool:
    """A speaker given in an absolute "with" phrase ('The union called for an inquiry, with
    its secretary, Ann Hale, saying: "..."', parsed with "secretary" the object of "with"
    and "saying" a clause of "called" with no subject): when a participle of a verb of
    saying (attribution_verbs.txt) hangs on a verb as a clause of its own, has no subject,
    and a "with" phrase of the same verb, set off by a comma, ends right before it (a comma
    between allowed), the noun of that phrase is the participle's subject, so the quotation
    is the speaker's and not the main clause's subject's. True when the sentence was
    repaired.

    Known false positives: none seen; a "with" phrase that names a thing ("with the figures
    showing ...") is read the same way, and "showing" is no verb of saying."""
    done = False
    for t in sent:
        host = t.head
        if not (t.tag_ == "VBG" and t.dep_ == "advcl" and t.lemma_.lower() in report_verbs
                and host is not t and not any(c.dep_ in ("nsubj", "nsubjpass")
                                              for c in t.children)):
            continue
        prep = next((c for c in host.subtree if c.lower_ == "with" and c.dep_ == "prep"
                     and host.i < c.i < t.i and view[c.i - 1].text == ","
                     and (c.head is host or c.head.dep_ in ("dobj", "pobj", "prep"))), None)
        # (", with X saying": not "playing with their savings, saying ..."; the parser
        # may hang the phrase on the verb's object: "rejected that claim, with its lawyer")
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None) \
            if prep is not None else None
        if noun is None or not (noun.right_edge.i + 1 == t.i or (
                noun.right_edge.i + 2 == t.i and view[t.i - 1].text == ",")):
            continue
        rehang(noun, t, "nsubj")
        rehang(prep, t, "mark")
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def participle_of_subject(subj, verb, participle) -> None:
    """Make ``subj`` the subject of ``verb`` and ``participle``, which the model read as
    the verb, a participle modifying it ("the crates shipped by rail arrived broken")."""
    rehang(subj, verb, "nsubj")
    rehang(participle, subj, "acl")
    participle.tag_ = "VBN"


def rehang(tok, head, dep: str = "") -> None:
    """Move ``tok`` and what hangs on it under ``head`` (as ``dep`` when given)."""
    if tok.head is not tok:
        tok.head.children = [c for c in tok.head.children if c is not tok]
    tok.head = head
    if dep:
        tok.dep_ = dep
    head.children = sorted([*head.children, tok], key=lambda t: t.i)


def lift_verb_after_stranded_preposition(view, sent, report_verbs) -> bool:
    """A sentence whose subject carries a contact clause ending in a preposition ("Some of
    the tenants the Post talked to said they had left"), parsed with the preposition an
    auxiliary of the verb of saying and that verb a clause of the contact clause's verb,
    which the model made the root (with both subjects) or a clause of the subject's first
    word, made the root: the verb of saying becomes the sentence's verb, the first subject
    its subject, the contact clause a relative clause of that subject's noun (the noun a
    part is taken of, "the residents"), and the preposition goes back to the verb it ends.
    True when the sentence was repaired.

    Known false positives: none seen; a preposition read as an auxiliary is "to" before a
    verb of saying, right after another verb, in every parse of this shape read so far."""
    root = sent.root
    for verb in sent:
        if verb.i < 2 or verb.lemma_.lower() not in report_verbs \
                or verb.dep_ not in ("advcl", "xcomp"):
            continue
        prep, inner = view[verb.i - 1], verb.head
        if not (prep.lower_ == "to" and prep.dep_ == "aux" and prep.head is verb
                and inner.i == verb.i - 2 and any(c.dep_ == "ccomp" for c in verb.children)):
            continue
        if inner.dep_ == "relcl" and root.pos_ in ("NOUN", "PROPN", "PRON", "DET", "NUM") \
                and any(a is root for a in inner.ancestors):
            inner.children = [c for c in inner.children if c is not verb]
            rehang(prep, inner, "prep")
            verb_over_root(view, sent, verb, root, after=verb.i, role="nsubj", tag="VBD")
            return True
        subjects = [c for c in inner.children if c.dep_ == "nsubj" and c.i < inner.i]
        if inner is root and len(subjects) == 2:
            first = subjects[0]
            verb_over_root(view, sent, verb, inner, after=verb.i, role="relcl", tag="VBD")
            rehang(first, verb, "nsubj")
            of = next((c for c in first.children if c.dep_ == "prep" and c.lower_ == "of"),
                      None)
            noun = next((c for c in of.children if c.dep_ == "pobj"), first) \
                if of is not None else first
            rehang(inner, noun, "relcl")
            rehang(prep, inner, "prep")
            view.refresh_edges(verb)
            return True
    return False
