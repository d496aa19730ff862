"""Repairs of words the small English model tagged as another part of speech: a surname
opening a sentence read as an adverb before its verb of saying, and the second noun of a
compound ("its repairs calls") read as a verb joined to the clause, the plural head of a
subject read as its verb ("Price rises in most towns were steep"), a subject "neither" read
as the first half of "neither ... nor", the pieces of a hyphenated word hung side by side
("co", "-", "owners"), the scale of a sum read as an auxiliary ("£3.4m linked to ..."),
a verb of saying read as a plural noun ("the Herald states that ...", "Tarrow disputes
that ..."), the first noun of a compound object read as the verb after "had" ("had
asthma inhalers"), and a noun joined to another by "and" read as an auxiliary before a modal
("rot and woodworm may be present"). Made on the plain view of a doc (``tokens.DocView``)
before the claim walk reads it; the notes of ``checker.extract.reparse`` hold for these too.
"""

from __future__ import annotations

from checker.extract.reparse import rehang
from checker.lexicon import shipped

# every word an auxiliary may be, modals that no lexicon lists as such included
_AUXILIARIES = shipped("auxiliaries") | shipped("be_forms") | shipped("auxiliary_forms")
_JOINERS = shipped("coordinators") - {"but"}  # "rot and woodworm", "rot or woodworm"
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


def lift_subject_head_read_as_verb(view, sent) -> bool:
    """The plural head noun of a subject that the model read as the verb of a singular
    subject before it ("Price rises in most towns were steep", parsed with "Price" the
    subject of "rises" and "were" a conjunct of "rises" with no subject): when a verb in the
    present tense ending in "s" has a common noun right before it as its subject, and a
    conjunct verb in the plural ("are", "were", "have" ...) with no subject, no coordinator
    and no punctuation before it follows its prepositional phrases, the first verb is a
    plural noun heading the conjunct's subject, the noun before it its compound, its
    phrases its modifiers. True when repaired.

    Known false positives: none seen; two verbs joined with no coordinator have a comma
    between them, and a singular subject takes no plural verb."""
    for tok in sent:
        if tok.tag_ != "VBZ" or not tok.lower_.endswith("s") or tok.i == sent.start:
            continue
        noun = view[tok.i - 1]
        conj = next((c for c in tok.children if c.dep_ == "conj"), None)
        if noun.head is not tok or noun.dep_ != "nsubj" or noun.tag_ != "NN" or conj is None \
                or not (conj.tag_ == "VBP" or conj.lower_ == "were") \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "cc") for c in conj.children) \
                or any(c.dep_ == "cc" for c in tok.children):
            continue
        between = [c for c in tok.children if tok.i < c.i < conj.i]
        if not between or any(c.dep_ != "prep" for c in between) \
                or max(c.right_edge.i for c in between) != conj.i - 1:
            continue
        head, dep = tok.head, tok.dep_
        if head is tok:  # the root: the conjunct takes its place
            tok.children = [c for c in tok.children if c is not conj]
            conj.head, conj.dep_ = conj, "ROOT"
            sent.root = conj
        else:
            rehang(conj, head, dep)
        rehang(tok, conj, "nsubj")
        tok.pos_, tok.tag_ = "NOUN", "NNS"
        rehang(noun, tok, "compound")
        view.refresh_edges(sent.root)
        return True
    return False


def lift_neither_subject(view, sent) -> bool:
    """A pronoun "neither" that the model read as the first half of "neither ... nor" on
    the verb after it ("It said neither had been paid", with "neither" a pre-conjunct
    of "suspended" and the verb left without a subject): when no "nor" follows in the
    sentence and the verb has no subject, "neither" is its subject, so the claim reads as
    denied. True when repaired.

    Known false positives: none seen; "neither ... nor" always has its "nor"."""
    done = False
    for tok in sent:
        verb = tok.head
        if tok.lower_ != "neither" or tok.dep_ != "preconj" or verb.pos_ not in ("VERB", "AUX") \
                or verb.i < tok.i or any(view[i].lower_ == "nor" for i in range(tok.i, sent.end)) \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        tok.dep_ = "nsubjpass" if passive else "nsubj"
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_split_hyphen_word(view, sent) -> bool:
    """A hyphenated word whose pieces the model hung side by side on one head ("The firm's
    co-owners said ...", with "co", "-" and "owners" each a subject of "said"): when a
    word, a hyphen and a word touch with no space and all three hang on the same head with
    the same label (the hyphen also as punctuation: a double-barrelled surname, "Council
    leader Ana Price-Welby said"), the last piece is the word's head, the first its compound and the
    hyphen its punctuation, so the phrase reads whole ("The firm's co-owners", not "The
    firm's co"). True when repaired.

    Known false positives: none seen; pieces that touch are one word."""
    done = False
    for i in range(sent.start, sent.end - 2):
        first, hyphen, last = view[i], view[i + 1], view[i + 2]
        if hyphen.text != "-" or first.idx + len(first) != hyphen.idx \
                or hyphen.idx + 1 != last.idx or not first.is_alpha or not last.is_alpha:
            continue
        head = last.head
        if head is last or first.head is not head or hyphen.head is not head \
                or not first.dep_ == last.dep_ or hyphen.dep_ not in (first.dep_, "punct"):
            continue  # (the hyphen may hang as punctuation: "Ana Price-Welby said")
        rehang(first, last, "compound")
        rehang(hyphen, last, "punct")
        hyphen.tag_, hyphen.pos_, hyphen.is_punct = "HYPH", "PUNCT", True
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


_SCALES = frozenset(w for w in shipped("number_scales") if len(w) <= 2)  # "m", "bn"


def lift_scale_read_as_verb(view, sent) -> bool:
    """The scale of a sum read as an auxiliary ("Dunmore wrote off £3.4m linked to the deal",
    with "m" an auxiliary of "linked" and "linked" a clause reported by "wrote"): when a
    short scale word (number_scales.txt: "m", "bn", "k") touches the number before it and
    is tagged a verb, it is the sum's noun; it takes the place of the clause's verb under
    that verb's head, as its object when the verb was reported there, and the verb hangs on
    it as a participle ("£3.4m linked to the deal"). True when repaired.

    Known false positives: none seen; a scale word touching a number is never a verb."""
    done = False
    for tok in sent:
        prev = view[tok.i - 1] if tok.i > sent.start else None
        verb = tok.head
        if tok.lower_ not in _SCALES or prev is None or not prev.like_num \
                or prev.idx + len(prev) != tok.idx or tok.tag_[:2] not in ("VB", "MD") \
                or tok.dep_ not in ("aux", "auxpass") or verb is tok or verb.i < tok.i:
            continue
        top = verb.head
        if top is verb:
            continue  # the participle is the sentence's root: nothing to hang the sum on
        dep = "dobj" if verb.dep_ in ("ccomp", "xcomp") else verb.dep_
        rehang(tok, top, dep)
        rehang(verb, tok, "acl")
        tok.tag_, tok.pos_ = "NN", "NOUN"
        verb.tag_ = "VBN"
        for c in [c for c in verb.children if c.i < tok.i]:
            rehang(c, tok)  # the sum's sign and number
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done


def lift_noun_read_as_auxiliary(view, sent) -> bool:
    """A noun joined by "and" to a noun or adjective before it, read as an auxiliary because a
    modal follows ("rot and woodworm may be present", with "woodworm" an auxiliary): a word
    tagged an auxiliary that is none (auxiliaries.txt, be_forms.txt, modals), hung as the
    conjunct of a noun or an adjective or set after one and "and" or "or", is a noun. Only
    its tag changes. True when repaired.

    Known false positives: a verb hung as a conjunct after "and" that the tagger read as an
    auxiliary would read as a noun; none seen."""
    done = False
    for tok in sent:
        if tok.pos_ != "AUX" or not tok.is_alpha or tok.lower_ in _AUXILIARIES \
                or tok.lemma_.lower() in _AUXILIARIES:
            continue
        prev = view[tok.i - 1] if tok.i - 2 >= sent.start else None
        joined = tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "ADJ", "PROPN") or (
            prev is not None and prev.lower_ in _JOINERS
            and view[tok.i - 2].pos_ in ("NOUN", "ADJ", "PROPN"))
        if joined:  # (the second noun hung as the conjunct, or as the subject itself)
            tok.pos_, tok.tag_ = "NOUN", "NN"
            done = True
    return done


def lift_verb_read_as_noun(view, sent, report_verbs) -> bool:
    """A verb of saying that the model read as a plural noun after a name ("A letter seen by
    the Herald states that the school will close", parsed as a noun phrase with "the Herald
    states" the object of "by", as in "the United States"): when the root is a noun and a
    plural noun whose lemma is a verb of saying (attribution_verbs.txt) has a name before it
    and "that" and a clause right after it, the word becomes the sentence's verb, the root
    its subject, the name the object of "by" and the clause its complement. True when the
    sentence was repaired.

    Known false positives: none seen; a place called by such a plural ("the Gulf States
    that border Oman") has no verb after its "that"."""
    root = sent.root
    if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN"):
        return False
    for verb in sent:
        if verb.dep_ != "pobj" or verb.tag_ != "NNS" or verb.i + 1 >= sent.end \
                or verb.lemma_.lower() not in report_verbs:
            continue
        mark = view[verb.i + 1]
        clause = mark.head
        names = [c for c in verb.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if mark.lower_ != "that" or mark.dep_ != "mark" or clause.pos_ not in ("VERB", "AUX") \
                or not names:
            continue
        name, prep = names[-1], verb.head
        for c in [c for c in verb.children if c is not name]:
            rehang(c, name)  # "the" and the rest of the name go with it
        rehang(name, prep, "pobj")
        prep.children = [c for c in prep.children if c is not verb]
        verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBZ"
        rehang(clause, verb, "ccomp")
        for c in [c for c in root.children if c.i > verb.i]:
            rehang(c, verb)  # the closing stop
        rehang(root, verb, "nsubj")
        sent.root = verb
        view.refresh_edges(verb)
        return True
    return False


def lift_root_verb_read_as_noun(view, sent, report_verbs) -> bool:
    """A verb of saying that the model read as a plural noun heading the sentence after the
    name that is its subject ("Tarrow disputes that the fund was told", parsed as one noun
    phrase, "Tarrow disputes", with "that the fund was told" a relative clause on it): when
    the root is a plural noun whose lemma is a verb of saying (attribution_verbs.txt), the
    words before it are one capitalised name, and "that" and a clause with a subject follow
    it, the word becomes the verb, the name its subject and the clause its complement. True
    when the sentence was repaired.

    Known false positives: none seen; a noun phrase of that shape ("Senate claims that
    failed") has no subject in its clause after "that"."""
    verb = sent.root
    if verb.dep_ != "ROOT" or verb.tag_ != "NNS" or verb.lemma_.lower() not in report_verbs \
            or verb.i + 1 >= sent.end or verb.i == sent.start:
        return False
    mark = view[verb.i + 1]
    clause = mark.head
    before = [view[i] for i in range(sent.start, verb.i)]
    if mark.lower_ != "that" or mark.dep_ != "mark" or clause.pos_ not in ("VERB", "AUX") \
            or clause.head is not verb or not any(c.dep_ in ("nsubj", "nsubjpass")
                                                 for c in clause.children) \
            or not all(t.text[:1].isupper() and t.is_alpha and t.dep_ == "compound"
                       and (t.head is verb or t.head in before) for t in before) \
            or before[-1].head is not verb:
        return False
    name = before[-1]
    for t in before[:-1]:
        if t.head is verb:
            rehang(t, name)
    rehang(name, verb, "nsubj")
    verb.pos_, verb.tag_ = "VERB", "VBZ"
    rehang(clause, verb, "ccomp")
    view.refresh_edges(verb)
    return True


def lift_have_over_noun_root(view, sent) -> bool:
    """The first noun of a compound object that the model read as the sentence's verb, with
    a form of "have" as its auxiliary ("two of the pupils had asthma inhalers on them", with
    "asthma" the root, "had" its auxiliary and "inhalers" its object): when the root is a
    common noun with "has", "have" or "had" right before it as its auxiliary and a noun right
    after it as its object, "have" is the verb, and the root noun a compound of the object.
    Everything else the root held hangs on the verb. True when repaired.

    Known false positives: none seen; a noun takes no auxiliary."""
    root = sent.root
    if root.tag_ not in ("NN", "NNS") or root.i == sent.start or root.i + 1 >= sent.end:
        return False
    aux, obj = view[root.i - 1], view[root.i + 1]
    if aux.head is not root or aux.dep_ != "aux" or aux.lemma_.lower() != "have" \
            or obj.head is not root or obj.dep_ != "dobj" or obj.pos_ not in ("NOUN", "PROPN"):
        return False
    root.children = [c for c in root.children if c is not aux]
    aux.head, aux.dep_, aux.pos_ = aux, "ROOT", "VERB"
    for c in [c for c in root.children if c is not obj]:
        rehang(c, aux)
    rehang(obj, aux, "dobj")
    rehang(root, obj, "compound")
    sent.root = aux
    view.refresh_edges(aux)
    return True
