"""Repairs of parses that the small English model gets wrong in a way the claim walk cannot
read round, made on the plain view of a doc (``tokens.DocView``) before the walk reads it.

Each repair is narrow: it names the shape the model produces and the shape it should have,
and changes the heads and labels of a few tokens only. The repairs around a speaker and its
verb of saying are in ``checker.extract.reparse_speakers``, those of an "According to X"
sentence (and ``according_root``, which reads one such shape where it stands) in
``checker.extract.reparse_according``.
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
    verb_over_root(view, sent, verb, root, after=verb.i, role="nsubj", tag="VBD")
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


def lift_verb_after_apposition(view, sent) -> bool:
    """A sentence whose verb, set right after a name in apposition, the model read as a
    participle of the subject ("The deputy chief executive, Colm Ferris, named the firm as he
    warned ...", parsed with "named" modifying "executive" and "executive" the root): when
    the root is a noun with a name in apposition, and a past form after it, right after the
    comma that closes the apposition, hangs on it with no auxiliary or subject of its own,
    the past form becomes the sentence's verb and the noun its subject. True when the
    sentence was repaired.

    Known false positives: none seen; a noun phrase that is all the sentence ("The chief
    executive, Colm Ferris, named in the report.") reads as a clause too, which is what a
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
    opening = [c for c in root.children if c.i < root.i and (
        c.dep_ == "advcl" or c.dep_ == "punct" and any(
            a.dep_ == "advcl" and a.right_edge.i + 1 == c.i for a in root.children))]
    verb_over_root(view, sent, verb, root, after=verb.i, role="nsubj", tag="VBD")
    for c in opening:  # "Speaking at a conference on Wednesday, ...": the verb's, not the
        rehang(c, verb)  # subject's
    view.refresh_edges(verb)
    return True


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


_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})
_NO_GAP = ("dobj", "xcomp", "ccomp", "attr", "acomp", "auxpass")


def lift_clause_read_as_relative(view, sent, addressee_verbs) -> bool:
    """A reported clause that the model hung on the hearer as a relative clause ("its
    lawyers told the court it had agreed not to sell", parsed with "agreed" a relative
    clause of "court"): when a verb that takes the one spoken to (addressee_verbs.txt) has
    no complement clause and its object has a relative clause that opens right after the
    noun with a subject pronoun ("it", "they") and no relative word, and whose verb has an
    object or complement of its own (so no word is missing for the noun to fill), that
    clause is the verb's complement. True when the sentence was repaired.

    Known false positives: none seen; "told the story he had heard" (a verb with no object
    of its own) is left alone, as is a clause with a noun for its subject."""
    done = False
    for verb in sent:
        if verb.lemma_.lower() not in addressee_verbs \
                or any(c.dep_ == "ccomp" for c in verb.children):
            continue
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        clause = next((c for c in noun.children if c.dep_ == "relcl" and c.i > noun.i),
                      None) if noun is not None else None
        if clause is None or clause.left_edge.i != noun.i + 1:
            continue
        subj = next((c for c in clause.children if c.dep_ in SUBJ_DEPS), None)
        if subj is None or subj.i != clause.left_edge.i \
                or subj.lower_ not in _SUBJECT_PRONOUNS \
                or not any(c.dep_ in _NO_GAP for c in clause.children):
            continue
        rehang(clause, verb, "ccomp")
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
        prep = next((c for c in host.children if c.lower_ == "with" and c.dep_ == "prep"
                     and c.i < t.i and c.i > 0 and view[c.i - 1].text == ","), None)
        # (", with X saying": not "gambling with people's safety, saying ...")
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


def rehang(tok, head, dep: str = "") -> None:
    """Move ``tok`` and what hangs on it under ``head`` (as ``dep`` when given)."""
    if tok.head is not tok:
        tok.head.children = [c for c in tok.head.children if c is not tok]
    tok.head = head
    if dep:
        tok.dep_ = dep
    head.children = sorted([*head.children, tok], key=lambda t: t.i)
