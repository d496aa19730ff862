"""Repairs of parses around verbs of saying: where the small English model hangs a speaker,
its verb or the clause it reports on the wrong word (a participle of saying on the reported
clause, a speaker read as an aside, a "whose" phrase broken up, a speaker after a
semicolon, a verb of saying joined to the clause it closes). Made on the plain view of a doc
(``tokens.DocView``) before the claim walk reads it; the other repairs are in
``checker.extract.reparse``, whose notes hold for these too.
"""

from __future__ import annotations

from checker.extract.reparse import participle_of_subject, rehang, relative_verb


def lift_adding_participle(view, sent, report_verbs) -> bool:
    """A participle of saying that the model hung on the reported clause instead of on the
    verb that reports it ("Ilse Marrow said sales had recovered, adding that no decision had
    been taken", parsed with "adding" under "started"): when a participle of a verb of saying
    (attribution_verbs.txt) after a comma has a clause for its complement and hangs on the
    complement of another verb of saying, it hangs on that verb, whose speaker adds it. True
    when the sentence was repaired.

    A host that is itself a verb of saying with its own subject keeps the participle ("two
    people say X; the minister told MPs that Y, adding: ..."). Known false positives: a
    participle whose speaker is the complement's subject ("said the
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
        if host.lemma_.lower() in report_verbs and any(c.dep_ == "nsubj" for c in host.children):
            continue  # "...; Ivo Renn told MPs that X, adding: ...": the host reports itself
        rehang(t, host.head)
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
        participle_of_subject(subj, verb, aside)
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
    apposition (or as a relative clause: "..., according to the group, whose chair, Ann
    Roe, said: ..."), the phrase is the verb's subject and the verb a relative clause on
    the noun before it. True when the sentence was repaired.

    Known false positives: none seen; a verb after the phrase that has a subject of its own
    is left alone."""
    done = False
    for w in sent:
        if w.lower_ != "whose" or w.dep_ != "poss" or w.head.dep_ not in ("appos", "relcl"):
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
                rehang(c, main)
            sent.root = main
            verb.head = verb  # no head to leave: rehang below hangs it on the noun
        elif verb.dep_ != "conj" or verb.head is verb:
            continue
        rehang(speaker, verb, "nsubj")
        rehang(verb, noun, "relcl")
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
        rehang(t, rel)
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


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
        rehang(tops[0], verb, "nsubj")
        rehang(view[semi], verb, "punct")  # the semicolon parts the clause before from it
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_trailing_speaker(view, sent, report_verbs, finding_verbs=frozenset()) -> bool:
    """A verb of saying closing the sentence that the model joined to the clause it reports
    ("The ferry should stop in June, the board advised on Friday after a long meeting",
    parsed with "advised" a conjunct of "stop"; "Cod were down by two-fifths, the survey
    found, though ...", parsed with "found" beside "were"): when a conjunct of the root is a
    verb of saying or finding (``report_verbs``: attribution_verbs.txt, finding_verbs.txt,
    factive.txt), or a clause set beside it is a verb of finding (``finding_verbs``; a verb of
    saying set beside is left as the parse has it), with a subject of its own right after a comma,
    no clause of its own and no "and" or "but" before it, it becomes the root and the
    clause before the comma its complement. True when the sentence was repaired.

    Known false positives: none seen; a second clause with an object of its own ("The plant
    closed, the union said nothing") is left alone. Rare in this model's parses: most such
    sentences come out with the verb of saying as the root already."""
    root = sent.root
    if root.dep_ != "ROOT" or root.pos_ not in ("VERB", "AUX"):
        return False
    for verb in root.children:
        if verb.dep_ != "conj" and not (verb.dep_ == "parataxis"
                                        and verb.lemma_.lower() in finding_verbs) \
                or verb.pos_ != "VERB" or verb.i < root.i \
                or verb.lemma_.lower() not in report_verbs \
                or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        comma = subj.left_edge.i - 1 if subj is not None else -1
        if comma <= root.i or view[comma].text != "," or any(
                c.dep_ == "cc" and root.i < c.i < verb.i for c in root.children):
            continue
        moved = [c for c in root.children if c.i >= comma and c is not verb]
        root.children = [c for c in root.children if c.i < comma]
        for c in moved:
            c.head = verb
        verb.children = sorted([*verb.children, root, *moved], key=lambda t: t.i)
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "ccomp"
        sent.root = verb
        view.refresh_edges(verb)
        return True
    return False


def lift_appositive_speaker(view, sent, report_verbs) -> bool:
    """A speaker closing the sentence that the model read as an apposition of a noun before
    it ("Night buses will stop from May, the board announced on Friday, ending the
    service", parsed with "authority" an apposition of "trawling" and "announced" a verb
    modifying it): when a noun after a comma and after the root stands in apposition, with a
    past verb of saying (attribution_verbs.txt) hung on it that has no object or clause of its
    own, the verb becomes the root with the noun its subject and the root clause its
    complement. True when the sentence was repaired.

    Known false positives: none seen; a description with a verb of saying ("the plan, the
    one announced in May, ...") has no comma before its verb's noun after the root."""
    root = sent.root
    if root.dep_ != "ROOT" or root.pos_ not in ("VERB", "AUX"):
        return False
    for noun in sent:
        if noun.dep_ != "appos" or noun.i < root.i or noun.pos_ not in ("NOUN", "PROPN") \
                or noun.left_edge.i < 1 or view[noun.left_edge.i - 1].text != ",":
            continue
        verb = next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i
                     and c.tag_ in ("VBD", "VBN") and c.lemma_.lower() in report_verbs
                     and not any(x.dep_ in ("dobj", "ccomp", "agent") for x in c.children)),
                    None)
        if verb is None:
            continue
        moved = [c for c in root.children if c.i > verb.i]
        trailing = [c for c in noun.children if c.i > verb.i]  # ", ending a service": the
        # participle after the verb is the verb's, as after any trailing speaker
        noun.children = [c for c in noun.children if c is not verb]
        for c in trailing:
            rehang(c, verb, "advcl" if c.dep_ == "acl" and c.tag_ == "VBG" else "")
        verb.head, verb.dep_ = verb, "ROOT"
        rehang(noun, verb, "nsubj")
        for c in moved:
            rehang(c, verb)
        root.head, root.dep_ = verb, "ccomp"
        verb.children = sorted([*verb.children, root], key=lambda t: t.i)
        sent.root = verb
        view.refresh_edges(verb)
        return True
    return False


def lift_report_before_semicolon(view, sent, report_verbs) -> bool:
    """A verb of saying before a semicolon whose report the model hung on the verb after it
    ("Staff, speaking anonymously, said managers had told them X; the agency denied it",
    parsed with "told" and "said" both complements of "denied"): when a verb of saying with
    a subject of its own and no complement stands before the semicolon, and a verb after it
    in the same part hangs across the semicolon as a complement, the complement is the
    first verb's and the first verb is a clause joined to the second. True when repaired.

    Known false positives: none seen; a verb of saying that has a complement, or no subject
    before it, or a quotation after a colon between it and the clause, is left alone."""
    done = False
    for semi in (t for t in sent if t.text == ";"):
        left = range(sent.start, semi.i)
        for verb in (view[i] for i in left):
            if verb.lemma_.lower() not in report_verbs or verb.pos_ != "VERB" \
                    or verb.head.i <= semi.i \
                    or not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i
                               for c in verb.children) \
                    or any(c.dep_ == "ccomp" for c in verb.children):
                continue
            comp = next((view[i] for i in range(verb.i + 1, semi.i)
                         if view[i].dep_ == "ccomp" and view[i].head.i > semi.i), None)
            if comp is None or any(view[i].text in (":", '"', "“", "”")
                                   for i in range(verb.i + 1, comp.i)):
                continue  # 'X denied it: "No ward was shut; ..."': the quotation is
                # the answer, which the colon's reading gives
            right_root = verb.head
            rehang(comp, verb, "ccomp")
            rehang(verb, right_root, "conj")
            done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_joined_speaker(view, sent, report_verbs) -> bool:
    """A speaker after "and" that the model joined to a noun of the clause before it ("the
    board sat late to weigh the lease, and its chair, Ann Holt, said: ...", parsed
    with "chair" a conjunct of "lease" and "said" a second verb of "sat", sharing its
    subject): when a verb of saying (attribution_verbs.txt) joined to another verb has no
    subject, and the words just before it (past a comma) are a noun joined by ", and" to a
    noun of the clause before, that noun is the verb's subject. True when repaired.

    Known false positives: none seen; a list of two objects before a verb of saying of the
    first subject ("it fined the firm and its chair, and said ...") has "and" before the
    verb, not a comma only, and is left alone."""
    done = False
    for verb in sent:
        if verb.lemma_.lower() not in report_verbs or verb.pos_ != "VERB" \
                or verb.dep_ != "conj" or verb.i < 3 or view[verb.i - 1].text != "," \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        noun = next((t for t in (view[i] for i in range(sent.start, verb.i - 1))
                     if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN")
                     and t.head.pos_ in ("NOUN", "PROPN")
                     and verb.i - 2 <= t.right_edge.i < verb.i),
                    None)
        if noun is None or noun.left_edge.i < 2:
            continue
        cc, comma = view[noun.left_edge.i - 1], view[noun.left_edge.i - 2]
        if cc.lower_ != "and" or comma.text != "," or cc.head is not noun.head:
            continue
        rehang(noun, verb, "nsubj")
        rehang(cc, verb.head, "cc")
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done
