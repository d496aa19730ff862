"""Repairs to the lemmatizer's one systematic error on verbs.

spaCy's rule-based English lemmatizer, given a verb form that two lemmas could make, picks
the shorter: "hopes", "hoped" and "hoping" all get "hop", "rates" gets "rat", "stages"
"stag". Spelling decides: "hop" makes "hops", "hopped", "hopping", so "hopes", "hoped" and
"hoping" can only be "hope". A claim read with the wrong lemma loses its plan ("hopes to
reopen" is an intention) or compares the wrong verbs.
"""

from __future__ import annotations

_VOWELS = set("aeiou")
_SUFFIXES = {"VBZ": "es", "VBD": "ed", "VBN": "ed", "VBG": "ing"}


def verb_lemmas(nlp) -> frozenset:
    """The verb lemmas the pipeline's lemmatizer knows (empty when it has no table)."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(table["verb"])
    except (KeyError, AttributeError, ValueError):
        return frozenset()


def _doubles(stem: str) -> bool:
    """A stem whose inflections double its last consonant ("hop" -> "hopped"): one vowel
    between consonants at its end."""
    return (len(stem) >= 3 and stem[-1] not in _VOWELS and stem[-1] not in "wxy"
            and stem[-2] in _VOWELS and stem[-3] not in _VOWELS)


def repaired(form: str, tag: str, lemma: str, verbs: frozenset) -> str:
    """The lemma of a verb form, "hope" where the lemmatizer said "hop" for "hoped"."""
    suffix = _SUFFIXES.get(tag)
    low = form.lower()
    if not suffix or low != lemma + suffix or lemma + "e" not in verbs:
        return lemma
    if suffix == "es" and lemma[-1] in "sxz" or lemma.endswith(("ch", "sh")):
        return lemma  # "fixes", "pushes": the regular -es
    return lemma + "e" if _doubles(lemma) or suffix == "es" else lemma


def repair_lemmas(doc, verbs: frozenset) -> None:
    """Set the repaired lemma on every verb of a parsed ``Doc`` (in place)."""
    if not verbs:
        return
    for t in doc:
        if t.pos_ in ("VERB", "AUX"):
            fixed = repaired(t.text, t.tag_, t.lemma_, verbs)
            if fixed != t.lemma_:
                t.lemma_ = fixed


def inflections(lemma: str, irregular: str = "") -> set:
    """The forms a verb takes in a sentence, written out ("deny", "denies", "denied",
    "denying"; "rebutted"), with its irregular forms given (``irregular``, space-separated:
    "kept")."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", stem + "ing",
             lemma + lemma[-1:] + "ed", lemma + lemma[-1:] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms | set(irregular.split())


def singular(noun: str) -> str:
    """A plural noun's singular as lemmas are kept, by spelling ("allegations" ->
    "allegation", "societies" -> "society"; "class" stays): for words read outside a
    parse (a lexicon's lemmas against a phrase's words)."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
