"""Repairs of the parse of a reported clause: its parts the small English model hung on the
verb of saying or on a noun before it (see ``checker.extract.reparse`` for what a repair
is). Each names the shape the model produces and the one it should have."""

from __future__ import annotations

from checker.extract.common import SUBJ_DEPS
from checker.extract.reparse import rehang

_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})
_NO_GAP = ("dobj", "xcomp", "ccomp", "attr", "acomp", "auxpass")


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


def lift_clause_read_as_modifier(view, sent, report_verbs) -> bool:
    """A reported clause whose verb the model read as an adjective of the clause's own
    object, and that object as the object of the verb of saying ("Ms Orme said the league
    had won sponsor backing", parsed with "won" an adjective of "backing" and "backing"
    the object of "said"): when a verb of saying with no verb for its complement has a
    noun object (or complement) with a past form before it modifying it, and that past form
    has an auxiliary and a subject of its own before it (or on that auxiliary), the past
    form becomes the complement of the verb of saying and the noun its object. True when
    the sentence was repaired.

    Known false positives: none seen; an adjective with an auxiliary and a subject of its
    own is a verb in every parse read so far."""
    done = False
    for verb in sent:
        if verb.lemma_.lower() not in report_verbs or any(
                c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") for c in verb.children):
            continue
        noun = next((c for c in verb.children if c.dep_ in ("dobj", "ccomp") and c.i > verb.i),
                    None)  # (or a noun the model made the complement itself)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        inner = next((c for c in noun.children if c.dep_ in ("amod", "compound")
                      and verb.i < c.i < noun.i and c.tag_ in ("VBN", "VBD")
                      and any(x.dep_ in ("aux", "auxpass") for x in c.children)), None)
        if inner is None:
            continue
        aux = [x for x in inner.children if x.dep_ in ("aux", "auxpass")]
        subj = next((x for x in [*inner.children, *(y for a in aux for y in a.children)]
                     if x.dep_ in SUBJ_DEPS and x.i < inner.i), None)  # (the model may hang
        if subj is None:  # it on the auxiliary: "the band had secured")
            continue
        rehang(inner, verb, "ccomp")
        rehang(noun, inner, "dobj")
        if subj.head is not inner:
            rehang(subj, inner, subj.dep_)
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_clause_read_as_relative(view, sent, addressee_verbs) -> bool:
    """A reported clause that the model hung on the hearer as a relative clause ("its
    counsel told the panel it had promised to wait", parsed with "promised" a relative
    clause of "panel"): when a verb that takes the one spoken to (addressee_verbs.txt) has
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


def lift_condition_from_speaker(view, sent, report_verbs, condition_marks) -> bool:
    """A condition or a time set between a reported clause and the speaker who closes the
    sentence, which the model hung on the verb of saying ("A walkout could start in
    May, in the fortnight before the holiday, if staff back it, the union said", parsed
    with "in the fortnight" and "if staff back it" on "said"): when a verb of saying has
    its complement before it and its subject after the complement, a clause opened by a
    condition (condition_marks.txt: "if", "unless") or a phrase that names a date, standing
    between the two, is the complement's. True when the sentence was repaired.

    Known false positives: none seen; a phrase that tells how the speaker spoke ("in a
    statement", "on its website") names no date and stays on the verb of saying."""
    done = False
    for verb in sent:
        if verb.lemma_.lower() not in report_verbs:
            continue
        comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if comp is None or subj is None or subj.i < comp.i:
            continue
        for c in [c for c in verb.children if comp.right_edge.i < c.i < subj.left_edge.i]:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in condition_marks
                                         for m in c.children) \
                    or c.dep_ == "prep" and any(t.ent_type_ == "DATE" for t in c.subtree):
                rehang(c, comp)
                done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_subject_read_as_object(view, sent, report_verbs, addressee_verbs) -> bool:
    """A reported clause with no "that" whose subject the model read as the object of the
    verb of saying ("a steward says ticket holders in the north stand were moved", parsed
    as "says ticket holders" with "were moved" a clause of "says" with no subject): when a
    verb of saying that names no addressee ("say", "report"; not "tell", "warn", whose
    object is the person told) has a noun object and, after that noun's words, a clause
    verb with no subject of its own, the noun becomes that verb's subject (passive when
    the verb has a passive auxiliary). True when the sentence was repaired.

    Known false positives: none seen; a verb of saying with an object and a clause of
    its own ("said a prayer the crowd joined") would be read as one clause."""
    done = False
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma not in report_verbs or lemma in addressee_verbs:
            continue
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        inner = next((c for c in verb.children if c.dep_ == "ccomp" and noun is not None
                      and c.i > noun.i), None)
        if noun is None or inner is None or noun.pos_ not in ("NOUN", "PROPN") or any(
                c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") or
                c.dep_ == "aux" and c.lemma_.lower() == "to" for c in inner.children):
            continue
        between = sent[noun.i - sent.start + 1:inner.i - sent.start]
        hung = [t for t in between if t.head is verb and t.dep_ == "prep"]
        phrase = {x.i for t in (noun, *hung) for x in t.subtree}
        if any(t.i not in phrase and t.head is not inner for t in between):
            continue  # the words between belong to the noun: its phrase and nothing else
        for t in hung:  # "says keepers at all three lodges were sent": the noun's place
            rehang(t, noun)
        passive = any(c.dep_ == "auxpass" for c in inner.children)
        rehang(noun, inner, "nsubjpass" if passive else "nsubj")
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_clause_from_relative_report(view, sent, report_verbs) -> bool:
    """A reported clause inside a relative clause of a verb of saying, which the model read
    with the relative clause's noun as its subject ("Harlow Quarries, which denies its blasting
    would harm the chapel, will fight the order", parsed with "blasting" the object of "denies"
    and the firm the subject of "harm"): when a relative verb of saying (attribution_verbs
    .txt) has no complement clause and a noun object right before the auxiliary of a verb
    whose subject the model made the relative clause's noun, that verb becomes the
    complement of the verb of saying with the object its subject, and the noun goes to the
    verb it belongs to: the one the misread verb hung on ("harm" a complement of "will fight"),
    or the misread verb's conjunct after a comma, made the sentence's verb. True when the
    sentence was repaired.

    Known false positives: none seen; "which denies the claims would stand" reads the same
    way, which is what it says. A clause with no comma before it ("The board which
    approved the sale will sell it") is left alone."""
    done = False
    for verb in list(sent):
        noun = verb.head
        if verb.dep_ != "relcl" or verb.lemma_.lower() not in report_verbs \
                or any(c.dep_ == "ccomp" for c in verb.children) or noun.dep_ != "nsubj" \
                or verb.left_edge.i == 0 or view[verb.left_edge.i - 1].text != ",":
            continue  # (a clause set off by a comma: "The board which approved the
            # sale will sell ..." is a restrictive clause and its own verb's object)
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i
                    and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
        inner = noun.head
        if obj is None or inner is noun or inner.i <= obj.i or not any(
                c.dep_ == "aux" and c.i == obj.right_edge.i + 1 for c in inner.children):
            continue
        if inner.dep_ == "ROOT":
            # "..., which denies its blasting would crack walls, will fight it": the
            # conjunct (or loose dependent) verb after the relative clause's closing comma is
            # the sentence's verb
            main = next((c for c in inner.children if c.dep_ in ("conj", "dep")
                         and c.pos_ == "VERB" and c.i > inner.i
                         and view[c.left_edge.i - 1].text == ","), None)
            if main is None:
                continue
            later = [c for c in inner.children if c.i >= main.left_edge.i - 1 and c is not main]
            inner.children = [c for c in inner.children if c is not main]
            main.head, main.dep_ = main, "ROOT"
            sent.root = main
            for c in later:
                rehang(c, main)
        elif inner.dep_ == "ccomp" and inner.head.i > inner.i:
            main = inner.head  # "..., which denies its blasting would harm X, hopes to"
        else:
            continue
        rehang(noun, main, "nsubj")
        rehang(inner, verb, "ccomp")
        rehang(obj, inner, "nsubj")
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_conj_from_saying_clause(view, sent, report_verbs) -> bool:
    """A second verb of saying of the sentence's subject that the model hung on the clause a
    participle of saying reports ("The firm questioned the count, saying its tests found no
    rise, and denied that its lights would harm the site", parsed with "denied" a conjunct
    of "found"): when a verb of saying with no subject of its own is the conjunct, after
    ", and", of a verb that is the complement of a participle of saying set off by a comma,
    it becomes the conjunct of the verb the participle hangs on, so its clause has the
    sentence's subject for its speaker. True when the sentence was repaired.

    Known false positives: none seen; a report inside the participle's clause whose second
    verb of saying has that clause's subject ("saying its survey showed no rise, and
    found ...") has a subject of its own there only when the writer repeats it."""
    done = False
    for verb in list(sent):
        inner = verb.head
        if verb.dep_ != "conj" or verb.lemma_.lower() not in report_verbs or inner is verb \
                or any(c.dep_ in SUBJ_DEPS for c in verb.children) or inner.dep_ != "ccomp":
            continue
        saying = inner.head
        main = saying.head
        cc = next((c for c in inner.children if c.dep_ == "cc" and c.i == verb.i - 1), None)
        if cc is None or view[cc.i - 1].text != "," or saying.tag_ != "VBG" \
                or saying.lemma_.lower() not in report_verbs or main is saying \
                or view[saying.i - 1].text != "," or main.i > saying.i:
            continue
        comma = view[cc.i - 1]
        for tok in (comma, cc, verb):
            if tok.head is inner:
                rehang(tok, main, "conj" if tok is verb else "")
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_that_clause_after_aside(view, sent, report_verbs) -> bool:
    """A reported clause set after an aside of the verb of saying, its "that" after a comma
    ("said, asking to stay unnamed as they were never cleared to brief the press, that the
    board is drafting a ban"). The model hangs one on the other: the reported clause on the
    aside's verb ("drafting" under "asking" or "cleared"), or the aside on the reported
    clause's verb ("published" under "close" in "said, speaking without being named because the
    timetable has not been published, that the depot will close", so that the aside's
    negation reads as the claim's). Both hang on the verb of saying instead: the clause as
    its complement, the aside as its adverbial clause. True when the sentence was repaired.

    Known false positives: none seen; a "that" clause of the aside's own verb written after
    a comma ("warned, because the river had risen, that roads would close" under a verb of
    warning: the same repair, and right) is the shape it expects."""
    done = False
    for tok in sent:
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "that"
                     and c.i > 0 and view[c.i - 1].text == ","), None)
        if mark is None or not any(c.dep_ in SUBJ_DEPS for c in tok.children):
            continue
        head, hops, path = tok.head, 0, []
        while head.lemma_.lower() not in report_verbs and head.head is not head and hops < 3:
            path.append(head)
            head, hops = head.head, hops + 1
        if head.lemma_.lower() not in report_verbs or head.i > mark.i:
            continue
        if path and path[-1].dep_ != "advcl" and not (
                head.i + 1 < len(view) and view[head.i + 1].text == ","
                and path[-1].left_edge.i > head.i and not any(
                    c.dep_ in ("aux", "auxpass", "neg") for c in path[-1].children)):
            continue  # the clause of a reported verb ("said the board did not accept, at its
            # meeting, that X": the board's, negated), not of an aside set off by the comma
            # after the verb of saying, its verb with no auxiliary ("said, none of them
            # cleared to speak, that X"; not "said, on Tuesday, she did not accept, ..., that")
        if tok.dep_ in ("advcl", "ccomp") and hops:
            rehang(tok, head, "ccomp")  # the clause was read as the aside's ("drafting"
            # under "cleared", or the complement of "asking" in "asking to stay unnamed")
            done = True
        elif tok.dep_ == "ccomp" and tok.head is head:
            for aside in [c for c in tok.children if c.dep_ == "advcl" and c.i < mark.i]:
                rehang(aside, head)  # the aside was read as the clause's
                done = True
    if done:
        view.refresh_edges(sent.root)
    return done
