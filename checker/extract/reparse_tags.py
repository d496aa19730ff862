"""Repairs of words the small English model tagged as another part of speech: a surname
opening a sentence read as an adverb before its verb of saying, and the second noun of a
compound ("its repairs calls") read as a verb joined to the clause. Made on the plain view
of a doc (``tokens.DocView``) before the claim walk reads it; the notes of
``checker.extract.reparse`` hold for these too.
"""

from __future__ import annotations

from checker.extract.reparse import rehang

_NOT_A_NAME = ("PRP", "PRP$", "DT", "CD", "WRB", "WP")  # tags a name's repair leaves alone


def lift_name_read_as_adverb(view, sent, report_verbs) -> bool:
    """A surname opening the sentence that the model tagged as an adverb or adjective of the
    verb of saying after it ("Everly said the levy covered only hops", with "Everly" an
    adverb and the verb left without a subject, sometimes itself hung on a
    later clause of the sentence): when the first word is capitalised, alphabetic, no stop
    word, and hangs on the next word as its modifier, a verb of saying (attribution_verbs.txt)
    with no subject, the word is a name and the verb's subject. A verb hung on a later
    clause becomes the root, and that clause joins its complement. True when repaired.

    Known false positives: none seen; a sentence adverb before a verb of saying ("Publicly
    said ...") is no English a wire writes."""
    first = view[sent.start]
    if sent.end - sent.start < 3:
        return False
    verb = view[sent.start + 1]
    if not (first.text[:1].isupper() and first.is_alpha and not first.is_stop
            and first.tag_ not in _NOT_A_NAME and first.head is verb
            and first.dep_ in ("advmod", "npadvmod", "amod", "compound", "dep")
            and verb.lemma_.lower() in report_verbs and verb.pos_ == "VERB"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        return False
    first.pos_, first.tag_ = "PROPN", "NNP"
    rehang(first, verb, "nsubj")
    old = sent.root
    if old is not verb and verb.head is old and old.i > verb.i:
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        old.children = [c for c in old.children if c is not verb]
        verb.head, verb.dep_ = verb, "ROOT"
        rehang(old, comp if comp is not None else verb, "advcl" if comp is not None else "ccomp")
        sent.root = verb
    view.refresh_edges(sent.root)
    return True


def lift_noun_read_as_verb(view, sent) -> bool:
    """The second noun of a compound that the model read as a verb joined to the clause
    ("plans to move its repairs calls to Tarn", parsed with "calls" a present-tense verb,
    a conjunct of "plans" with no subject, no "and" and no comma before it): when a verb in
    the present tense is a conjunct with no subject, no coordinator and no punctuation
    before it, and the word before it is a plural noun object that ends its verb's phrase,
    the verb is a noun heading that object, the noun before it its compound. True when
    repaired.

    Known false positives: none seen; two verbs joined with no coordinator ("it rises,
    falls") have a comma between them."""
    done = False
    for tok in sent:
        if tok.dep_ != "conj" or tok.tag_ not in ("VBZ", "VBP") or tok.i - 1 <= sent.start \
                or any(c.dep_ in ("nsubj", "nsubjpass", "cc") for c in tok.children):
            continue
        noun = view[tok.i - 1]
        if noun.tag_ != "NNS" or noun.dep_ != "dobj" or noun.right_edge.i != noun.i \
                or noun.head.pos_ != "VERB" or noun.head.i > noun.i \
                or any(view[i].is_punct for i in range(noun.i, tok.i)):
            continue
        verb = noun.head
        rehang(tok, verb, "dobj")
        tok.pos_, tok.tag_ = "NOUN", "NNS"
        for c in list(noun.children):
            rehang(c, tok)
        rehang(noun, tok, "compound")
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_subject_read_as_compound(view, sent) -> bool:
    """A name before a finite verb that the model hung on the verb as a compound modifier
    ("which Harl Foods rejects", with "Foods" a compound of "rejects" and the verb left
    without a subject): a verb takes no compound, so when a finite verb has no subject and
    a proper noun hangs on it as a compound right before it, that noun is its subject. Also
    where the model read the verb as a plural noun that a relative pronoun is the object of
    ("which Wenlow rejects" as one noun phrase): the word is the verb, the capitalised word
    before it its subject. True when repaired.

    Known false positives: none seen."""
    done = False
    for verb in sent:
        relative = verb.dep_ == "relcl" and verb.tag_ == "NNS" and any(
            c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in verb.children)
        if verb.tag_ not in ("VBZ", "VBD", "VBP") and not relative or verb.i == sent.start \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        name = view[verb.i - 1]
        if name.head is not verb or name.dep_ != "compound" or not (
                name.pos_ == "PROPN" or relative and name.text[:1].isupper()):
            continue
        if relative:  # "which Harl rejects" read as a noun phrase: "rejects" is the verb
            verb.pos_, verb.tag_ = "VERB", "VBZ"
            name.pos_, name.tag_ = "PROPN", "NNP"
        rehang(name, verb, "nsubj")
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done
