"""Repairs of parses that the small English model gets wrong in a way the claim walk cannot
read round, made on the plain view of a doc (``tokens.DocView``) before the walk reads it.

Each repair is narrow: it names the shape the model produces and the shape it should have,
and changes the heads and labels of a few tokens only. The repairs around a speaker and its
verb of saying are in ``checker.extract.reparse_speakers``. ``according_root`` reads one such
shape where it stands (an "According to X" made the sentence's root) instead of repairing it.
"""

from __future__ import annotations

from checker.extract.common import SUBJ_DEPS, _doc_text
from checker.records import Attribution


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


def relative_verb(tok) -> bool:
    """A relative clause's verb: so labelled, or a clause that opens with "which" or "who"
    (the model sometimes labels "which the council rejected" a complement)."""
    return tok.dep_ == "relcl" or (tok.dep_ in ("ccomp", "advcl", "conj") and tok.pos_ == "VERB"
                                   and tok.left_edge.tag_ in ("WDT", "WP"))


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
        to = next((c for c in acc.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) \
            if to is not None else None
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
        to = next((c for c in acc.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) \
            if to is not None else None
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
    verb.head.children = [c for c in verb.head.children if c is not verb]
    moved = [c for c in root.children if c.i > verb.i]  # the closing stop
    root.children = [c for c in root.children if c.i < verb.i]
    for c in moved:
        c.head = verb
    verb.children = sorted([*verb.children, *moved], key=lambda t: t.i)
    verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
    rehang(root, verb, "prep")
    rehang(comma, verb)
    sent.root = verb
    view.refresh_edges(verb)
    return True


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


def lift_second_that_clause(view, sent, report_verbs) -> bool:
    """A second "that" clause of a verb of saying that the model hung on the first clause's
    verb as its complement ("said it intends to examine the picture and that the committee
    had formed a view", parsed with "formed" a complement of "intends"): a clause with a
    subject of its own, opened by "and that" or "or that", under a verb that is itself the
    complement of a verb of saying, becomes that verb's conjunct, as the model parses
    "said the council would appeal and that the decision had been rushed". True when the
    sentence was repaired.

    Known false positives: none seen; "intends to show that X" (no "and" before "that") is
    left alone."""
    done = False
    for tok in sent:
        head = tok.head
        if tok.dep_ != "ccomp" or head is tok or head.dep_ != "ccomp" \
                or head.head.lemma_.lower() not in report_verbs:
            continue
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if mark is None or mark.i == 0 or not any(c.dep_ in SUBJ_DEPS for c in tok.children):
            continue
        cc = view[mark.i - 1]
        if cc.dep_ != "cc" or cc.lower_ not in ("and", "or") or mark.i != tok.left_edge.i:
            continue
        rehang(cc, head)
        tok.dep_ = "conj"
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_clause_read_as_object(view, sent, report_verbs) -> bool:
    """A reported clause whose subject the model read as the object of the verb of saying
    and whose verb as a participle on that noun ("the guild said the survey covered only
    tenants of council flats", parsed as "said the survey" with "covered" modifying it):
    when a verb of saying with no complement clause has a noun for its object and right
    after that noun's words comes a past form modifying it that has an object of its own
    and no auxiliary, subject or agent (an active, transitive verb), the verb becomes the
    complement of the verb of saying and the noun its subject. True when the sentence was
    repaired.

    Known false positives: none seen; a participle taking an object of its own after a
    noun ("announced the plans drawn up in May" has none; "reported the losses posted
    last year" none either) reads as a clause in the sentences read so far."""
    done = False
    for verb in sent:
        if verb.lemma_.lower() not in report_verbs or any(c.dep_ == "ccomp" for c in verb.children):
            continue
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        inner = next((c for c in noun.children if c.dep_ == "acl" and c.i == noun.i + 1
                      and c.tag_ in ("VBN", "VBD")), None)
        if inner is None or not any(c.dep_ == "dobj" for c in inner.children) or any(
                c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent")
                for c in inner.children):
            continue
        rehang(inner, verb, "ccomp")
        inner.tag_ = "VBD"
        rehang(noun, inner, "nsubj")
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_figure_read_as_object(view, sent, report_verbs) -> bool:
    """A figure set after the reported clause that the model read as the object of the verb
    of saying ("the board said bids rose in May, about 20 times the usual level", parsed
    with "level" the object of "said"): when a verb of saying has a complement clause and,
    after it and a comma, an object holding a number, that object is a phrase of the clause,
    hung on the clause's verb, so the claim keeps its figure. True when the sentence was
    repaired.

    Known false positives: none seen; a verb of saying takes no object after its reported
    clause ("told the board, ..." has its object first)."""
    done = False
    for verb in sent:
        if verb.lemma_.lower() not in report_verbs:
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if clause is None or noun is None or noun.left_edge.i <= clause.i + 1 \
                or not view[noun.left_edge.i - 1].is_punct \
                or not any(t.like_num for t in view[noun.left_edge.i:noun.i]):
            continue
        rehang(noun, clause, "npadvmod")
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def rehang(tok, head, dep: str = "") -> None:
    """Move ``tok`` and what hangs on it under ``head`` (as ``dep`` when given)."""
    if tok.head is not tok:
        tok.head.children = [c for c in tok.head.children if c is not tok]
    tok.head = head
    if dep:
        tok.dep_ = dep
    head.children = sorted([*head.children, tok], key=lambda t: t.i)


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
