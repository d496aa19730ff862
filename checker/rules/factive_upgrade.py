"""DC202 factive-upgrade: a reported or claimed thing becomes a discovered or proven one.

What it flags:
    A derived claim using a factive verb ("discover", "reveal", "find", "confirm", "prove")
    whose supporting source claims only report, claim or allege it (a non-factive verb or
    noun, or an attribution), and never use a factive verb themselves.
Why it matters:
    "After discovering hidden code" asserts the code exists and was found; "follows reports of
    hidden code" asserts only that there were reports.
Known false positives:
    The source establishes the fact in another sentence the aligner did not pick as support;
    "find" in its sense of "locate" ("found a buyer"). Silent on a factive word used as an
    adjective ("confirmed cases"), in an infinitive ("what to know") or inside quotation
    marks, when the supporting source sentence uses the same verb in any form ("did not
    find" for "found": the parse's lemma), and when the verb's
    subject is the record the source credits without arguing it ("council figures show" for
    "according to council figures", "the letter shows" for "the letter says"; not "the
    indictment shows" for "the indictment alleges"; any supporting claim, or another
    outlet's telling, may credit it: one outlet's "she said" beside another's "according
    to the accounts"), and when the derived claim keeps the
    speaker the source credits it to and the source's own verb neither reports, alleges
    nor hedges ("the survey had found no leaks, the owners said" for "had recorded no
    leaks, the owners said"). A factive verb that credits the claim ("the group revealed
    that X") is compared too, where the source's credit claims or alleges it ("the group
    alleged that X"); one that only passes it on ("said") is left alone, since a party
    "reveals" its own news, unless the source keeps the speaker unnamed on purpose ("a
    former porter, speaking anonymously, told the paper X": anonymity_phrases.txt).
Examples:
    Source: The ban follows reports of hidden code in the app.
    Flag: They banned the app after discovering hidden code in it.
    Okay: They banned the app following reports of hidden code in it.
"""

from __future__ import annotations

import re

from checker.align import GENERIC, claim_keys, key, text_keys
from checker.attribution import unnamed_on_purpose
from checker.records import Cue
from checker.rules.base import Rule, evidence_of, make, snippet

CODE, NAME, KIND, SEVERITY = "DC202", "factive-upgrade", "certainty-raised", "error"


# After a participle set right after its noun: a phrase of time or place (an article and a
# noun, with at most a participle before it, "in a locked shed", or up to three capitalised
# words or figures: "in March", "at Larch Road"),
# then the clause's own finite verb ("faults found in March were since mended", "the bag
# found in a barn was"); a subject of its own between them makes the verb a main one
# ("Tests showed in March lead pipes were").
_PARTICIPLE_PHRASE = re.compile(r"\s+(?:in|on|at|during|since|over)\s+(?:(?:the|a|an|its|their)"
                                r"\s+(?:[\w'’-]+ed\s+)?[\w'’-]+\s+|(?:[A-Z0-9][\w'’-]*\s+){1,3}?)"
                                r"(?:had|has|have|was|were|is|are|will|would)\b")


def _asserted(dc, cue, lex) -> bool:
    """The factive cue is a verb the derived text itself asserts: not an adjective ("two
    confirmed deaths"), not an infinitive ("what to know"), not a passive with nothing
    found to be so ("no translator could be found": located; "was found to have" and "was
    found guilty" are findings), not a participle with its finder ("a ring found by a
    diver": located) nor one right after a noun it picks out ("faults found in May were
    fixed"), not inside a quotation (the speaker's words, which DQ701 compares), not under
    a modal of its claim ("may be detecting gas": a possibility)."""
    if any(q.start <= cue.start and cue.end <= q.end for q in dc.quotes):
        return False
    if _hedged_verb(dc, cue, lex):
        return False
    at = [w for w in dc.words if w.start == cue.start]
    if at and at[0].pos != "VERB":
        return False
    before = dc.text[:max(0, cue.start - dc.start)].lower().split()
    if before and before[-1] == "to":
        return False
    if before and lex.has("be_forms", before[-1]) and cue.text.lower() == "found" \
            and not _found_so(dc, cue):
        return False  # "no translator could be found": located, not established
    noun_before = any(w.end <= cue.start and w.pos == "NOUN" and not dc.text[
        w.end - dc.start:cue.start - dc.start].strip() for w in dc.words)
    if noun_before and _PARTICIPLE_PHRASE.match(dc.text, cue.end - dc.start):
        return False  # "the faults found in March were mended": a participle
        # picking out the noun before it, then the clause's own verb
    rest = dc.text[cue.end - dc.start:].lower().split()
    if cue.text.lower() == "found" and rest[:1] == ["by"] and not {"to", "that"} & set(rest[:8]):
        return False  # "coins found by a walker": located by someone (not "found by the
        # panel to have misled")
    return True


def _hedged_verb(dc, cue, lex) -> bool:
    """A modal of the claim's hedges governs the factive verb ("the satellite may be
    detecting gas", "could reveal"): what it finds is a possibility, not an established
    fact. Only forms of "be" and "have" may stand between them, and adverbs: words the
    claim holds as no noun, verb or adjective ("may also be detecting", "could well
    reveal")."""
    content = {w.text.lower() for w in dc.words if w.pos != "ADV"}
    for h in dc.certainty.hedges:
        if h.end <= cue.start:
            between = dc.text[h.end - dc.start:cue.start - dc.start].lower().split()
            verbs = [w for w in between if w in content or lex.has("be_forms", w)
                     or w in ("have", "has", "had")]
            if len(verbs) <= 2 and len(between) <= 4 and all(
                    lex.has("be_forms", w) or w in ("have", "has", "had") for w in verbs):
                return True
    return False


def _found_so(dc, cue) -> bool:
    """What a passive "found" finds: a "to" or "that" clause or an adjective right after it
    ("was found to have", "found that", "was found guilty")."""
    rest = dc.text[cue.end - dc.start:].lower().split()
    nxt = next((w for w in dc.words if w.start > cue.start), None)
    return bool(rest) and (rest[0] in ("to", "that") or (
        nxt is not None and nxt.pos == "ADJ" and rest[0] == nxt.text.lower()))


def _record_kept(ctx, dc, cue, sc, depth: int = 0) -> bool:
    """The factive verb's subject is the record the source credits ("council figures show
    X" for "X, according to council figures"; "a letter seen by the agency shows" for
    "according to a letter seen by the agency"): the attribution kept as a subject; for a
    frame ``depth`` reports out, the credit as many reports out."""
    attr = _credit_at(sc, depth)
    if attr is None or not attr.source:
        # the record as the subject of the source's own neutral verb ("The document says X",
        # read as one claim) for "X, the document shows"
        record = sc.subject if ctx.lexicon.has("neutral_report_verbs", sc.predicate) else ""
    elif attr.kind != "according-to" and not ctx.lexicon.has("neutral_report_verbs",
                                                              attr.lemma):
        return False  # "the indictment alleges" -> "the indictment shows" is the drift
    else:
        record = attr.source
    if not record:
        return False
    text = ctx.derived.text
    start = max(dc.sent_start, cue.start - 60)
    before = _CLAUSE_BREAK.split(text[start:cue.start])[-1]  # the verb's own clause
    if _document_subject(ctx.lexicon, before) and _names_a_document(ctx.lexicon, record):
        return True  # "the same memo shows" for "according to figures obtained by X": a
        # record shows what a record's neutral credit gives (which record is DA102's)
    return _share_a_word(ctx, before + " " + (dc.subject or ""), record)  # "The jury ..., finding"


def _names_a_document(lex, record: str) -> bool:
    """The source's credit names a document or a body's figures ("figures obtained by the
    Chronicle", "a letter seen by the agency"), not people ("union officials")."""
    return any(_document_subject(lex, w) for w in re.findall(r"[a-z]+", record.lower()))


def _document_subject(lex, before: str) -> bool:
    """The text ends on a document ("the same memo", "council figures": document_nouns.txt,
    statistics_nouns.txt): the factive verb's subject, or a credit's record."""
    words = re.findall(r"[a-z]+", before.lower())
    last = words[-1] if words else ""
    forms = (last, last[:-1]) if last.endswith("s") else (last,)  # "figures": figure
    return any(lex.has(role, w) for role in ("document_nouns", "statistics_nouns")
               for w in forms)


def _credit_kept(ctx, dc, sc) -> bool:
    """The derived claim keeps the speaker the source credits the claim to ("..., the owners
    said") and the source's own verb neither reports nor alleges ("the survey had recorded
    no leaks"): what "found" says there is still that speaker's."""
    mine, theirs = dc.attribution, sc.attribution
    if mine is None or theirs is None or not mine.source or not theirs.source:
        return False
    if ctx.lexicon.has("nonfactive", sc.predicate) or sc.certainty.hedges:
        return False
    return _share_a_word(ctx, mine.source, theirs.source)


def _factive_frame(lex, dc):
    """The factive verb of the claim's own attribution ("the forum revealed that X"), or of
    a report it is nested in ("a porter revealed that the matron had told staff X"), as a cue
    and how many reports out it sits (0 for the claim's own), or (None, 0): the frame that
    credits the claim also vouches for it. Known false positive: a frame that only passes on
    that the inner speaker said it ("revealed that the matron had told staff", where the
    telling is the news and the source's outer speaker claimed only the telling)."""
    att, depth = dc.attribution, 0
    while att is not None:
        if att.cue and lex.has("factive", att.lemma):
            word = att.cue.split()[0]
            return Cue(word, "factive", att.start, att.start + len(word)), depth
        att, depth = att.outer, depth + 1
    return None, 0


def _credit_at(sc, depth: int):
    """The source claim's attribution as many reports out as the derived factive frame
    ("claimed" in "a porter claimed the matron had told staff X"), or None when the source
    nests fewer reports (the derived frame then stands on nothing the source credits)."""
    att = sc.attribution
    while depth and att is not None:
        att, depth = att.outer, depth - 1
    return att


def _alleged(lex, sc, depth: int = 0) -> bool:
    """The source credits the claim with a verb that claims or alleges it ("the forum
    alleged that X": nonfactive.txt, challenges.txt), not one that only passes it on."""
    att = _credit_at(sc, depth)
    lemma = att.lemma if att is not None and att.lemma else sc.predicate
    return lex.has("nonfactive", lemma) or lex.has("challenges", lemma)


def _cue_lemma(dc, cue) -> str:
    """The factive verb's lemma from the parse ("found": "find"), or the word itself."""
    at = [w for w in dc.words if w.start == cue.start]
    return (at[0].lemma if at else cue.text).lower()


def _uses_verb(sc, forms: tuple) -> bool:
    """The source claim's sentence uses the verb in some form: a verb of the claim with its
    lemma ("did not find"; not the noun "a quiz show"), or the cue's first five letters in
    the sentence ("found")."""
    lemma, start = forms
    return any(w.lemma.lower() == lemma and w.pos == "VERB" for w in sc.words) \
        or start in sc.sentence.lower()


def _share_a_word(ctx, a: str, b: str) -> bool:
    """The two texts share a content word (not a function word: "the")."""
    function = ctx.lexicon.words["function_words"]
    return any(k not in function for k in text_keys(a) & text_keys(b) - GENERIC)


# Where the clause of the factive verb begins: "the memo shows, and the club discovered"
# gives "discovered" no memo for a subject.
_CLAUSE_BREAK = re.compile(r";|\band\b|\bbut\b|\bwhile\b", re.I)


def check(ctx):
    """Yield a finding for each factive verb the source's wording does not support."""
    for dc in ctx.derived_claims:
        cue, framed, depth = dc.certainty.factive_cue, False, 0
        if cue is None:
            cue, depth = _factive_frame(ctx.lexicon, dc)
            framed = cue is not None
        if cue is None or dc.certainty.factivity != "factive" and not depth:
            continue  # (a frame one report out vouches for the report it tells of)
        if not _asserted(dc, cue, ctx.lexicon):
            continue
        dkeys = claim_keys(dc) - {key(cue.text)}
        sup = [sc for sc in ctx.aligned(dc) if len(dkeys & claim_keys(sc)) >= 2]
        if not sup:
            continue
        if any(sc.certainty.factivity == "factive" for sc in sup):
            continue
        after = {key(w.lemma) for c in ctx.derived_claims if c.sent_start == dc.sent_start
                 for w in c.words if w.start > cue.start} - {key(cue.text)}
        forms = (_cue_lemma(dc, cue), cue.text.lower()[:5])
        if any(_uses_verb(sc, forms) for sc in sup) or any(
                _uses_verb(sc, forms) and len(after & claim_keys(sc)) >= 2
                for sc in ctx.index.claims):
            continue  # the source uses the same verb of the same thing, in any form ("did
            # not find" for "found")
        weak = [sc for sc in sup if sc.certainty.factivity == "non-factive"
                or sc.attribution is not None]
        # The best evidence is the source's wording of what was "discovered".
        complement = {key(w.lemma) for w in dc.words if w.start > cue.start} - {key(cue.text)}
        pool = weak + [sc for sc in ctx.index.claims if sc not in weak
                       and (sc.certainty.factivity == "non-factive" or sc.attribution)
                       and len(complement & claim_keys(sc)) >= 2]
        if not pool:
            continue
        sc = max(pool, key=lambda c: (len(complement & claim_keys(c)), c in weak))
        if complement and not complement & claim_keys(sc):
            continue  # what the verb finds is no passage's the source reports weakly ("...,
            # after a tribunal found the notice unclear" beside "Kerr said the notice was
            # posted late")
        credit = _credit_at(sc, depth)
        if depth and credit is None:
            continue  # "A letter revealed that the firm had alleged X" for "In a letter,
            # the firm alleged X": the allegation is kept, one report further in
        hidden = framed and credit is not None and unnamed_on_purpose(credit.source or "")
        # ("a former porter, speaking anonymously, told the paper X": an untested account,
        # no news of its own; the speaker's own phrase, not another speaker of the sentence)
        if framed and not _alleged(ctx.lexicon, sc, depth) and not hidden:
            continue  # "the forum said X" -> "the forum revealed X": its own news to tell
        if not hidden and (_record_kept(ctx, dc, cue, sc, depth)
                           or (not framed and _credit_kept(ctx, dc, sc))
                           or any(_record_kept(ctx, dc, cue, c, depth)
                                  for c in [*sup, *ctx.twins(dc)])):
            continue  # also the record another supporting claim or outlet credits ("the
            # accounts show" where one outlet has "said" and another "according to accounts")
        said = (credit.cue.split()[0] if framed and credit is not None and credit.cue
                else sc.attribution.cue if sc.attribution is not None
                else sc.predicate_text if ctx.lexicon.has("neutral_report_verbs", sc.predicate)
                else sc.certainty.factive_cue.text if sc.certainty.factive_cue is not None
                else "reports")
        yield make(RULE, dc, start=cue.start, end=dc.end, confidence=0.8,
                   evidence=[evidence_of(sc)],
                   message=(f'"{cue.text}" states as established fact what the source gives '
                            f'only as "{said}": "{snippet(sc.text, 70)}".'),
                   suggestion=f'Say what the source says ("{said} …"), not "{cue.text}".')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "reported turned into discovered", check, __doc__)
