"""Names of people, organisations and places: normalising them and finding them in sources.

Shared by the extractor (``norm_name``), the entity rules (DE401 entity-changed, DU802
unsupported-entity, DE402 role-swap, DA102 attribution-changed) and the score's count of
names the sources lack. No spaCy here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.align import key
from checker.records import memo_on

PERSON = {"PERSON"}
CHECKED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"}


@lru_cache(maxsize=50_000)  # a pure function of the text; names recur in every summary
def norm_name(text: str) -> str:
    """Normalised entity name: lower case, no leading article, no possessive, single spaces,
    no spaces around a hyphen ("Calder 2 - 1" as tokenised text writes "Calder 2-1")."""
    t = text.strip().lower().replace("’", "'")
    t = re.sub(r"\s*-\s*", "-", t)
    t = re.sub(r"^(the|a|an)\s+", "", t)
    t = re.sub(r"'s$|'$", "", t)
    t = re.sub(r"[^\w&.\- ]+", " ", t)
    return re.sub(r"\s+", " ", t).strip(" .")


def name_words(norm: str) -> list[str]:
    """The words of a name, possessives and short words aside ("brennick's bridge")."""
    return [w for w in re.sub(r"['’]s\b", "", norm).replace("-", " ").split() if len(w) > 2]


def part_of_name(a: str, b: str) -> bool:
    """One normalised name is part of the other, word for word ("harlow" and "harlow
    estates"); names that share a word but differ in another are two ("ashby junction",
    "pellham junction")."""
    mine, theirs = set(name_words(a)), set(name_words(b))
    return mine <= theirs or theirs <= mine


def acronym_of_source(norm: str, text_lower: str) -> bool:
    """An all-letter short form whose letters start consecutive words of the sources
    ("coo" for "chief operating officer")."""
    letters = norm.replace(".", "")
    if not 2 <= len(letters) <= 6 or not letters.isalpha():
        return False
    pattern = r"\b" + r"\w{2,}[\s-]+(?:of\s+|and\s+|for\s+|the\s+)?".join(letters) + r"\w{2,}"
    return re.search(pattern, text_lower) is not None


def initials_of_common_words(short: str, text: str) -> bool:
    """A capitalised short form whose letters start consecutive words the text writes in
    lower case ("AI" for "artificial intelligence", "EV" for "electric vehicle"): a common
    noun's abbreviation, no name of a party."""
    if not 2 <= len(short) <= 4 or not short.isupper() or not short.isalpha():
        return False
    pattern = r"\b" + r"[a-z]{2,}[\s-]+".join(short.lower()) + r"[a-z]{2,}\b"
    return re.search(pattern, text) is not None


def known(norm: str, index, wn=None) -> bool:
    """True when the sources mention the entity (exactly, with "and" for "&" or the other
    way, or every word of it), spell out its acronym, or, with WordNet, name the country a
    demonym belongs to ("French" when the source says "France") or a place inside it ("the
    U.K." for "London"). Remembered per index: the summaries of one source name the same
    people and places, and each look-up scans the whole source text."""
    table = memo_on(index, "_known_names", dict)
    got = table.get((norm, wn))
    if got is None:
        got = table[norm, wn] = _known(norm, index, wn)
    return got


def _known(norm: str, index, wn) -> bool:
    if not norm:
        return True
    for form in {norm, norm.replace(" & ", " and "), norm.replace(" and ", " & ")}:
        if form in index.entity_norms or form in index.text_lower:
            return True
    words = name_words(norm)
    if words and all(key(w) in index.vocab for w in words):
        return True
    if acronym_of_source(norm, index.text_lower):
        return True
    if wn is not None and wn.available and any(
            p in index.entity_norms or f" {p} " in f" {index.text_lower} "
            for p in demonym_places(norm, wn)):
        return True
    return wn is not None and wn.available and bool(wn.places(norm)) and any(
        wn.within(src, norm) for src in index.entity_norms)


def demonym_places(norm: str, wn) -> set[str]:
    """The places WordNet says a one-word adjective of nationality pertains to ("french":
    france, french republic)."""
    if " " in norm or not norm.isalpha():
        return set()
    out: set[str] = set()
    for sense in wn.senses(norm, "adj"):
        for off, pos in sense.related({"\\"}):
            target = wn.synset(off, pos)
            if target is not None:
                out.update(target.words)
    return out


def same_referent(a: str, b: str, wn=None) -> bool:
    """Two names that can stand for one referent: an acronym and its words ("nhs", "national
    health service"), and with WordNet one name of a place for another ("holland",
    "netherlands"), a place and a place within it ("switzerland", "geneva"), or a demonym and
    its country ("french", "france")."""
    for x, y in ((a, b), (b, a)):
        if acronym_of_source(x, y):
            return True
    if wn is None or not wn.available:
        return False
    for x, y in ((a, b), (b, a)):
        if y in wn.synonyms(x, "noun") or y in demonym_places(x, wn):
            return True
        if wn.places(x) and wn.places(y) and wn.within(x, y):
            return True
    return False


def compatible(a: str, b: str) -> bool:
    return (a in PERSON) == (b in PERSON)


def own_outlet(ctx) -> str:
    """The normalised name of the outlet that published the derived text, from a corpus's
    metadata ('' when none is given, as for a draft checked on its own)."""
    return norm_name(ctx.derived.meta_value("outlet"))


def names_own_outlet(ctx, claim) -> bool:
    """The claim stands in a masthead or a sign-off line of the derived text ("QuickBrief |
    AI summary", "Reply to the Digest with your news"): one of the first two or the last two
    lines, of a few words only, naming the text's own outlet. The outlet's reporting in the
    body ("..., the Digest has learned") is read; known miss: such reporting in one of the
    last two lines."""
    own = own_outlet(ctx)
    if not own:
        return False
    if " " in own:  # a name of two words or more, in any case ("BRIGHTLINE DISPATCH")
        text, name = norm_name(claim.sentence), re.escape(own)
    else:  # one word, as a name: capitalised ("the Independent", not "an independent review")
        text, name = claim.sentence, f"{re.escape(own.capitalize())}|{re.escape(own.upper())}"
    found = re.search(rf"\b(?:{name})\b", text)
    if found is None or _OUTLET_REPORTS.match(text, found.end()):
        return False  # "..., the Digest has learned": its own reporting
    lines = [m for m in re.finditer(r"[^\n]+", ctx.derived.text) if m.group().strip()]
    return any(line.start() <= claim.start < line.end()
               and len(line.group().split()) <= OUTLET_LINE_WORDS
               for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:])


# The outlet as the teller of its own reporting: "the Digest has learned", "understands".
_OUTLET_REPORTS = re.compile(r"\s*(?:has\s+|have\s+)?(?:learned|learnt|understands|revealed|"
                             r"reveals|found|obtained|seen|established|confirmed)\b", re.I)

# Words at most of a masthead or sign-off line that names the outlet, and how many lines at
# the top and at the foot of a text such lines may take.
OUTLET_LINE_WORDS = 30
EDGE_LINES = 2


def unknown_entities(ctx) -> list:
    """(derived claim, entity, source claim, counterpart entity or None) for every derived
    name the sources never mention; the counterpart is an aligned name of a compatible type."""
    out = []
    wn = ctx.wordnet
    own = own_outlet(ctx)
    for dc in ctx.derived_claims:
        dnorms = {e.norm for e in dc.entities}
        for ent in dc.entities:
            if ent.label not in CHECKED or known(ent.norm, ctx.index, wn):
                continue
            words = set(ent.norm.split())
            if own and (ent.norm == own or words <= set(own.split()) and (
                    len(words) > 1 or names_own_outlet(ctx, dc))):
                continue  # the derived text's own outlet ("QuickBrief | AI summary", "Reply to
                # the Digest"): its masthead and sign-off, not a name it reports
            if not any(c.isupper() for c in ent.text):
                continue  # no capital, no name: "bill jumps" of a headline read as a person
            if ent.start == dc.sent_start and len(ent.norm.split()) > 1 and known(
                    " ".join(ent.norm.split()[1:]), ctx.index, wn):
                continue  # a sentence's capitalised first word read into a name ("Inside X")
            if ent.start == dc.sent_start and " " not in ent.text.strip() and any(
                    w.start == ent.start and w.pos == "NOUN" for w in dc.words):
                continue  # a common noun opening a sentence ("Fines of up to ..."), which the
                # tagger calls a common noun but the entity reader a name
            found = next(((sc, se) for sc in ctx.aligned(dc, threshold=0.3) for se in sc.entities
                          if compatible(se.label, ent.label) and se.norm not in dnorms
                          and se.label in CHECKED), (None, None))
            out.append((dc, ent, *found))
    return out


# a run of two or more capitalised words, "of" or "and" between them ("Tolland Rowing
# Club", "Friends of Tarn Park")
_NAME_RUN = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+(?:(?:of|and|for)\s+(?:the\s+)?|&\s+)?"
                       r"[A-Z][\w'’-]+)+")


def frame_names(ctx) -> list:
    """(derived claim, start, end, text) for each name of two capitalised words or more that
    a derived sentence writes outside every claim the parse draws from it (the frame of a
    reported claim: "X told a meeting at Tolland Rowing Club that ...") and the sources
    never mention; not in a headline, a quotation or the derived text's own outlet."""
    out = []
    wn = ctx.wordnet
    own = own_outlet(ctx)
    by_sentence: dict = {}
    for dc in ctx.derived_claims:
        by_sentence.setdefault(dc.sent_start, []).append(dc)
    for start, claims in by_sentence.items():
        sentence = claims[0].sentence
        if claims[0].unit_kind == "heading":
            continue
        inside = [(c.start - start, c.end - start) for c in claims] + [
            (q.start - start, q.end - start) for c in claims for q in c.quotes]
        speakers = " ".join(f"{c.attribution.source} {c.attribution.surface}" for c in claims
                            if c.attribution is not None)
        for m in _NAME_RUN.finditer(sentence):
            if any(s < m.end() and m.start() < e for s, e in inside) or m.group() in speakers:
                continue  # (a speaker is the attribution rules' to judge)
            norm = norm_name(m.group())
            rest = " ".join(norm.split()[1:])
            if not norm or known(norm, ctx.index, wn) or own and set(norm.split()) <= set(
                    own.split()) or (m.start() == 0 or _titled_run(ctx, m.group())) and known(
                        rest, ctx.index, wn):
                continue  # (a sentence's capitalised first word, or a title, run into a
                # known name: "Cllr Ann Hale")
            out.append((claims[0], start + m.start(), start + m.end(), m.group()))
    return out


def _titled_run(ctx, run: str) -> bool:
    """The run opens with a title or an honorific ("Cllr", "Councillor", "Dr")."""
    first = run.split()[0].lower().rstrip(".")
    return ctx.lexicon.has("titles", first) or ctx.lexicon.has("honorifics", first)


def other_gender(lexicon, pronoun: str, person: str, texts) -> bool:
    """The texts call ``person`` by an honorific of the other kind than ``pronoun`` ("he"
    resolved to Aurelie Madsen where a source says "Ms Madsen" or "Ms Aurelie Madsen": the
    gendered_words lexicon), so the pronoun cannot stand for them."""
    mine = lexicon.value("gendered_words", pronoun.lower())
    words = person.split()
    if not mine or not words:
        return False
    # a short capitalised word before the surname, or before a given name and the surname
    before = re.compile(r"\b([A-Z][a-z]{1,3})\b(?=\.?[ \t]+(?:[A-Z][\w'’-]+[ \t]+)?"
                        + re.escape(words[-1]) + r"\b)")
    for text in texts:
        for m in before.finditer(text):
            theirs = lexicon.value("gendered_words", m.group(1).lower())
            if theirs and theirs != mine:
                return True
    return False
