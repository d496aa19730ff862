"""Repairs of parses that the small English model gets wrong in a way the claim walk cannot
read round, made on the plain view of a doc (``tokens.DocView``) before the walk reads it.

Each repair is narrow: it names the shape the model produces and the shape it should have,
and changes the heads and labels of a few tokens only. ``according_root`` reads one such
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
        _rehang(t, host.head)
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_speaker_from_aside(view, sent, report_verbs) -> bool:
    """A speaker whose aside the model read as the reported clause ("Ines Marl, 31 and
    ranked 90th, says the club misled her", parsed with "Marl" the subject of "ranked" and
    "ranked" the complement of "says", which has no subject): when a verb of saying
    (attribution_verbs.txt) has no subject, a comma before it, and a complement before it
    whose verb is a past form whose subject stands before a comma of its own, that subject
    is the speaker and the complement an aside on it. True when the sentence was repaired.

    Known false positives: none seen; a clause set before its verb of saying ("Prices rose,
    says Ann Holt") has its speaker after the verb and is left alone."""
    done = False
    for verb in sent:
        if verb.lemma_.lower() not in report_verbs or verb.pos_ != "VERB" or verb.i < 1 \
                or view[verb.i - 1].text != "," \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        aside = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i
                      and c.tag_ in ("VBN", "VBD")), None)
        subj = next((c for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i
                     and any(view[j].text == "," for j in range(c.i + 1, aside.i))),
                    None) if aside is not None else None
        if subj is None:
            continue
        _rehang(subj, verb, "nsubj")
        _rehang(aside, subj, "acl")
        aside.tag_ = "VBN"
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_whose_speaker(view, sent, report_verbs) -> bool:
    """A speaker in a relative clause that the model broke up ("searched the yard of Orbis
    Waste, whose director, Ann Holt, said the firm had bought no cable", parsed with "whose
    director" an apposition of "Waste" and "said" joined to "searched", or made the root
    with "searched" its complement): when a verb of saying (attribution_verbs.txt) with no
    subject of its own comes right after the comma that closes a "whose" phrase set as an
    apposition, the phrase is the verb's subject and the verb a relative clause on the noun
    before it. True when the sentence was repaired.

    Known false positives: none seen; a verb after the phrase that has a subject of its own
    is left alone."""
    done = False
    for w in sent:
        if w.lower_ != "whose" or w.dep_ != "poss" or w.head.dep_ != "appos":
            continue
        speaker, noun = w.head, w.head.head
        at = speaker.right_edge.i
        if at + 2 >= len(view) or view[at + 1].text != ",":
            continue
        verb = view[at + 2]
        if verb.dep_ in ("aux", "auxpass") and verb.head.i > verb.i:
            verb = verb.head  # "..., Ann Holt, has told staff that ..."
        if verb.lemma_.lower() not in report_verbs or verb.pos_ != "VERB" or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        if verb.dep_ == "ROOT":
            main = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < w.i), None)
            if main is None:
                continue
            verb.children = [c for c in verb.children if c is not main]
            main.head, main.dep_ = main, "ROOT"
            for c in [c for c in verb.children if c.is_punct and c.i == sent.end - 1]:
                _rehang(c, main)
            sent.root = main
            verb.head = verb  # no head to leave: _rehang below hangs it on the noun
        elif verb.dep_ != "conj" or verb.head is verb:
            continue
        _rehang(speaker, verb, "nsubj")
        _rehang(verb, noun, "relcl")
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_participle_to_relative(view, sent, report_verbs) -> bool:
    """A participle of saying that ends a relative clause's answer ("some waited eight months
    for payment, which the dairy denied, saying most invoices were paid within ten days",
    parsed with "saying" on "waited"): when a participle of a verb of saying
    (attribution_verbs.txt) with a clause of its own comes right after the comma that closes
    a relative clause with a subject, it hangs on the relative clause's verb, whose subject
    says it. True when the sentence was repaired.

    Known false positives: none seen; a relative clause whose subject is the relative
    pronoun ("the firm, which has 40 staff, saying ...") is left alone, and so is one not set
    off by a comma ("the complaints that her office investigated, saying ..."), which
    describes a noun rather than answering the clause."""
    done = False
    for t in sent:
        if not (t.tag_ == "VBG" and t.dep_ == "advcl" and t.i >= 3
                and t.lemma_.lower() in report_verbs and view[t.i - 1].text == ","
                and any(c.dep_ == "ccomp" for c in t.children)):
            continue
        rel = view[t.i - 2]
        while not relative_verb(rel) and rel.head is not rel and rel.head.i < t.i:
            rel = rel.head
        if not relative_verb(rel) or rel.right_edge.i != t.i - 2 or t.head is rel \
                or rel.left_edge.i < 1 or view[rel.left_edge.i - 1].text != "," \
                or not any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")
                           for c in rel.children):
            continue
        _rehang(t, rel)
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def relative_verb(tok) -> bool:
    """A relative clause's verb: so labelled, or a clause that opens with "which" or "who"
    (the model sometimes labels "which the council rejected" a complement)."""
    return tok.dep_ == "relcl" or (tok.dep_ in ("ccomp", "advcl", "conj") and tok.pos_ == "VERB"
                                   and tok.left_edge.tag_ in ("WDT", "WP"))


def lift_speaker_after_semicolon(view, sent, report_verbs) -> bool:
    """A speaker after a semicolon that the model hung on the clause before it ("... reach
    the reservoir; the group's secretary, Ruth Hale, said the water ...", parsed with
    "secretary" an apposition of "reservoir" and "said" joined to the first verb, whose
    subject it then borrows): when a verb of saying (attribution_verbs.txt) with no subject
    comes after a comma and, between that comma and the last semicolon before it, only a
    noun phrase, the phrase is its subject. True when the sentence was repaired.

    Known false positives: none seen; a phrase with a verb in it, or a verb of saying with a
    subject of its own, is left alone."""
    done = False
    for verb in sent:
        if verb.lemma_.lower() not in report_verbs or verb.pos_ != "VERB" \
                or verb.i < 3 or view[verb.i - 1].text != "," \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        semi = next((j for j in range(verb.i - 2, sent.start - 1, -1)
                     if view[j].text == ";"), None)
        if semi is None or semi + 1 > verb.i - 2:
            continue
        phrase = [view[j] for j in range(semi + 1, verb.i - 1)]
        ids = {t.i for t in phrase}
        tops = [t for t in phrase if t.head.i not in ids]
        if len(tops) != 1 or tops[0].pos_ not in ("NOUN", "PROPN") \
                or any(t.pos_ in ("VERB", "AUX") for t in phrase):
            continue
        _rehang(tops[0], verb, "nsubj")
        _rehang(view[semi], verb, "punct")  # the semicolon parts the clause before from it
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


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
        _rehang(subj, source, "appos")
        _rehang(name, verb, "nsubj")
        for comma in [c for c in subj.children if c.is_punct and c.i > subj.i]:
            _rehang(comma, verb)  # the comma that closes the description
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


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
                _rehang(c, tok.head)
            _rehang(conj, tok.head)
            done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def _rehang(tok, head, dep: str = "") -> None:
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
