"""A denial the derived claims left out, found in the derived text's words (DO901, through
``checker.answer_kept``): a form the parse gave an answer verb in a sentence that names the
party or after a pronoun, or an answer verb used as a verb however the parse read it ("a
figure Brennan Foods disputes"), not a noun of a compound ("the ticket counters")."""

from __future__ import annotations

from checker.answers import OBJECT_SPAN, names_party
from checker.claim_roles import PRONOUN_OBJECTS, WORD
from checker.lemmas import inflections
from checker.records import memo_on


def denial_in_text(ctx, mine: frozenset, runs: list, others: list, *,
                    anywhere: bool = False) -> bool:
    """A denial the claims left out: a form the parse gave an answer verb, in a derived
    sentence naming the party ``mine`` or after a pronoun ("...; it disputed that"; for a
    reply or a party with no name, ``anywhere``); or, in a derived sentence naming the
    party, an answer verb used as a verb however the parse read it ("a figure Brennan Foods
    disputes", read as a noun compound): a form not right after an article or a possessive
    ("the dispute"). A verb that needs an object ("rejected") needs one of
    answer_objects.txt in the sentence, before it or after ("a charge the company
    rejects")."""
    seen = ctx.memo("omitted_answer_forms", _answer_forms)
    lex = ctx.lexicon
    nouns = ctx.memo("omitted_noun_compounds", _common_noun_compounds)
    forms = _inflection_table(lex)
    objects = lex.words.get("answer_objects", {})

    verbs = {w.text.lower() for d in ctx.derived_claims for w in d.words if w.pos == "VERB"}
    verbs |= {d.attribution.cue.split()[0].lower() for d in ctx.derived_claims
              if d.attribution is not None and d.attribution.cue.split()}  # "said"

    def relative(words: list, j: int, i: int) -> bool:
        """words[j] is a relative word whose clause the verb at i closes: "which", or a
        "that" after no verb ("said that" opens a clause), with no other verb between
        ("readers that the firm supplied rejected ...": "that" is the supplying's)."""
        return words[j] in ("which", "that") and not (
            words[j] == "that" and j and words[j - 1] in verbs) and not (
            set(words[j + 1:i]) & verbs)

    def no_object(w: str, words: list, i: int) -> bool:
        """An answer verb that needs an object with none of answer_objects.txt near it, a
        few words before ("a charge the firm rejects") or after ("the scanners rejected
        valid tickets": no answer; a "complaint" later in the sentence is not its object),
        nor one that points back: a relative word before it ("the charge, which a
        spokeswoman rejected") or a pronoun after it ("rejected that")."""
        if lex.value("answer_verbs", forms.get(w, "")) != "object":
            return False
        back = any(relative(words, j, i) for j in range(max(0, i - 4), i)) or (
            i + 1 < len(words) and words[i + 1] in PRONOUN_OBJECTS)
        near = words[max(0, i - OBJECT_SPAN[0]):i + OBJECT_SPAN[1] + 1]
        return not back and not any(x.rstrip("s") in objects or x in objects for x in near)

    for sentence in {d.sentence for d in ctx.derived_claims}:
        words = WORD.findall(sentence.lower())
        if any(w in seen and (not i or (words[i - 1], w) not in nouns)
               and not no_object(w, words, i)
               and (anywhere or not mine or names_party(runs, sentence, others) or any(
                lex.has("pronouns_subject", p) for p in words[max(0, i - 3):i]))
               for i, w in enumerate(words)):
            return True  # the party's denial, or one by a pronoun ("...; it disputed
            # that"); not another party's challenge ("the losing bidder may challenge the award")
    if not mine:
        return False
    for sentence in {d.sentence for d in ctx.derived_claims}:
        if not names_party(runs, sentence, others):
            continue
        words = WORD.findall(sentence.lower())
        for i, w in enumerate(words):
            verb = forms.get(w)
            if verb is None or (i and (lex.has("articles", words[i - 1])
                                       or lex.has("possessives", words[i - 1]))) \
                    or (words[i - 1], w) in nouns:
                continue
            if lex.value("answer_verbs", verb) == "plea" or no_object(w, words, i):
                continue
            return True
    return False


def _answer_forms(ctx) -> frozenset:
    """Every surface form the parse gave an answer-verb lemma in these texts ("disputed")."""
    pairs = set()
    for c in (*ctx.index.claims, *ctx.derived_claims):
        pairs.add((c.predicate_text.lower(), c.predicate))
        if c.attribution is not None and c.attribution.lemma and c.attribution.cue.split():
            pairs.add((c.attribution.cue.split()[0].lower(), c.attribution.lemma))
        pairs.update((w.text.lower(), w.lemma) for w in c.words if w.pos == "VERB")
    return frozenset(form for form, lemma in pairs if ctx.lexicon.has("answer_verbs", lemma))


def _inflection_table(lex) -> dict:
    """Form -> answer verb, for every form an answer verb can take (once per lexicon)."""
    return memo_on(lex, "_do901_inflections", lambda: {
        form: verb for verb in lex.words.get("answer_verbs", {}) for form in inflections(verb)})


def _common_noun_compounds(ctx) -> frozenset:
    """(word, noun) pairs of the derived text where the parse reads a common noun after a
    lower-case word that cannot be a party ("the ticket counters") or that ends a chain of
    nouns ("the post office counters"): a noun, not an answer verb. After a name or a
    party's noun the parse's noun may still be the verb ("a figure Brennan Foods disputes",
    "a charge the company rejects")."""
    lex = ctx.lexicon
    pairs = set()
    for d in ctx.derived_claims:
        words = list(d.words)
        for i in range(1, len(words)):
            a, b = words[i - 1], words[i]
            if b.pos != "NOUN" or not a.text[:1].islower() or b.start - a.end > 1:
                continue
            chain = i > 1 and words[i - 2].pos == "NOUN" and a.start - words[i - 2].end <= 1
            if chain or not (lex.has("non_person_heads", a.lemma) or lex.has("stand_ins", a.lemma)):
                pairs.add((a.text.lower(), b.text.lower()))
    return frozenset(pairs)
