"""DE405 title-changed: a named person given another title or rank than the source gives them.

What it flags:
    A person named in the derived text with a title beside the name ("the mayor, Ana Ruiz",
    "Ruiz, the chief executive", "Senator Ruiz") when the sources name the same person (same
    full name, or the same surname) with titles, and the derived title either has a title
    word the sources never give that person ("chairman" for "managing partner") or drops a
    rank the sources give ("mayor" for "deputy mayor", "director" for "acting director").
    Also a post given by a relative clause ("Ada Lind, who chairs the finance committee")
    with words that none of the posts the sources give the person so hold ("who chairs the
    planning committee"; a word of a source name that shares a word with that post may stand
    for it: ``posts_held``). Also a speaker phrase that ties the person to another body than
    the closely aligned source claim's does ("Dr Marsh, a lung specialist at Calder Valley
    University" for "... at Penmore Infirmary": a capitalised name after "at", "of", "from"
    or "with", a place after "in" in a "who" clause, "who rents a flat in Harrowgate" for "in
    Brisco Vale", or a name owning the post, "Norbury Civils' finance director, Ada Lind",
    where the source's own description, "the authority's", stands for the name it gives),
    when no source sentence names the person beside the derived body (where that claim's
    speaker is "he", "she" or the bare name, the phrase that introduced the person with a
    body earlier in its article stands for it); a claim that quotes
    its subject with no frame ("Tom Beck of the Ferris Anglers' Club called the plan
    'reckless'") names its speaker in that subject.
Why it matters:
    Promoting or demoting a named person changes who decided and on whose authority: a
    deputy's remark reported as the mayor's speaks for the city.
Known false positives:
    A person the sources tie to a body under a description that resolves to another body of
    the same head noun.
    Two people of one surname in the same story with different titles; a title the person
    held before or took since, when the source gives only one. Silent when the sources use
    the title's word about the person in another form ("who chairs" for "chair", "who owns
    the studio" for "owner") and for generic heads ("leader" for "chair"). A title word
    that is also a given name ("given" in titles.txt) is read as the name when capitalised
    before one other name word ("Dean Pascoe"), so "Dean Ruiz" the dean is missed. In a
    speaker phrase, a title word counts only in a comma-part that names a post ("two former
    pilots and four engineers, its head of safety, Ana Ruiz": "former" is not Ruiz's). Titles outside the lexicon (``titles``,
    ``title_modifiers``) are not read, so a changed title of that kind is missed. A word of
    reach ("local", "regional") dropped or added is not a change of post ("the local MP" ->
    "the MP"); only another reach word is ("national" for "regional"), so "the regional
    director" -> "the director" is missed where the region runs the post. For bodies: a
    person who holds two posts the sources give in different sentences without the name
    ("Marsh, who also advises the Calder Trust"); a body named only in the speaker phrase
    (a quoted claim's frame) is compared, one in the claim itself is DE401's.
Examples:
    Source: The deputy mayor, Ana Ruiz, said the bridge would reopen in May.
    Flag: The mayor, Ana Ruiz, said the bridge would reopen in May.
    Okay: Ana Ruiz, the deputy mayor, said the bridge would reopen in May.
    Source: "We will appeal," said Tom Beck, head of the Ferris Anglers' Club's river branch.
    Flag: "We will appeal," said Tom Beck, the Ferris Anglers' Club's president.
"""

from __future__ import annotations

import re

from checker.names import norm_name
from checker.posts_held import post_changed
from checker.records import Word, memo_on
from checker.rules.base import Rule, evidence_of, make, snippet
from checker.speaker_bodies import (TOKEN, affiliations, person_words, places, same_body,
                                     speaker_phrase)

CODE, NAME, KIND, SEVERITY = "DE405", "title-changed", "entity-changed", "error"
STOP_POS = {"VERB", "AUX", "PRON", "SCONJ", "ADP", "CCONJ"}
WINDOW = 4


def _is_title(lexicon, lemma: str) -> bool:
    return lexicon.has("titles", lemma) or lexicon.has("title_modifiers", lemma)


def _reach(lexicon, lemma: str) -> bool:
    """A modifier that says where a post runs ("local", "regional"), not which post it is."""
    return lexicon.value("title_modifiers", lemma) == "reach" and not lexicon.has("titles", lemma)


def _title_form(word, lexicon) -> str:
    """The word as the title lexicon lists it: as written when listed so ("managing", whose
    lemma the parser gives as "manage"), else its lemma ("directors" -> "director")."""
    low = word.text.lower()
    return low if _is_title(lexicon, low) else word.lemma.lower()


def _title_words(claim, ent, lexicon) -> set[str]:
    """Title and rank lemmas right before the name ("deputy mayor, Ana Ruiz"; over the field
    of a post, "deputy transport commissioner Lena Ostrova") or in an appositive right after it
    ("Ana Ruiz, the deputy mayor,"); empty without a title noun."""
    words = sorted(claim.words)
    found: list[str] = []
    before = [w for w in words if w.end <= ent.start][-WINDOW:]
    if before and before[0].start > claim.start:
        # a title word the parser counts as a stop word ("Former mayor Ivo Stanek")
        lead = claim.text[:before[0].start - claim.start].split()[-1:]
        if lead and _is_title(lexicon, lead[0].lower()):
            start = before[0].start - len(lead[0]) - 1
            before = [Word(start, start + len(lead[0]), lead[0], lead[0].lower(), "ADJ"),
                      *before]
    right = ent.start  # where the word to the right of the one read begins
    for i, w in enumerate(reversed(before)):
        if i == 0 and w.text == ",":
            right = w.start
            continue
        gap = claim.text[w.end - claim.start:right - claim.start].strip(" ,").split()
        if gap:
            # a word the claim's words leave out stands between ("after"); a title word
            # among them, right before the title read, is still the post's ("of *former*
            # deputy mayor Ana Ruiz")
            if found:
                for g in reversed(gap):
                    if not _is_title(lexicon, g.lower()):
                        break
                    found.append(g.lower())
            break
        right = w.start
        form = _title_form(w, lexicon)
        if not _is_title(lexicon, form):
            if found and (w.pos in ("NOUN", "ADJ") and w.text.islower() or w.pos == "PROPN"):
                continue  # the field or place of a post ("deputy safety commissioner",
                # "former Kelby deputy mayor"): its rank word may stand before it
            break
        found.append(form)
    after = [w for w in words if w.start >= ent.end][:WINDOW + 2]
    if after and after[0][2] == ",":
        for w in after[1:]:
            lem = _title_form(w, lexicon)
            if _is_title(lexicon, lem):
                found.append(lem)
            elif w.pos in STOP_POS or w.text in (",", ".", ";"):
                break
    if not any(lexicon.has("titles", t) for t in found):
        return set()
    return set(found)


def _given_name(tokens: list[str], i: int, lexicon) -> bool:
    """The title word at ``tokens[i]`` is a given name ("Dean" of "Dean Pascoe"): a title the
    lexicon marks "given", capitalised, before exactly one other capitalised word."""
    t = tokens[i]
    if not t[:1].isupper() or lexicon.value("titles", t.lower()) != "given":
        return False
    rest = tokens[i + 1:i + 3]
    return bool(rest) and rest[0][:1].isupper() and not (len(rest) > 1 and rest[1][:1].isupper())


def _phrase_mention(phrase: str, lexicon):
    """(surname, titles) of an attribution phrase such as "The deputy mayor, Ana Ruiz,"."""
    tokens = TOKEN.findall(phrase)
    titles: set[str] = set()
    for part in phrase.split(","):
        # a title word counts in a comma-part that names a post: "former" in "two former
        # pilots and four engineers, its head of safety, Ana Ruiz" is not Ruiz's
        own: set[str] = set()
        ended = False
        toks = TOKEN.findall(part)
        toks = [t if not _given_name(toks, i, lexicon) else "" for i, t in enumerate(toks)]
        for t in filter(None, toks):
            if (own or titles) and lexicon.has("prepositions", t.lower()):
                ended = True  # "chief technology officer of its owner": the post ends at "of"
                break
            if _is_title(lexicon, t.lower()):
                own.add(t.lower())
        rest = [t for t in filter(None, toks) if not _is_title(lexicon, t.lower())
                and not t.endswith(("'s", "’s")) and not lexicon.has("determiners", t.lower())
                and not lexicon.has("possessives", t.lower()) and t.lower() != "and"]
        if any(lexicon.has("titles", t) for t in own) or own and not rest:
            titles |= own  # a post, or its modifiers set off by a comma ("The club's
            # former, long-serving captain")
        if ended:
            break
    names = [t for i, t in enumerate(tokens) if t[:1].isupper() and i > 0 or
             (i == 0 and t[:1].isupper() and t.lower() not in ("the", "a", "an"))]
    names = [t for i, t in enumerate(tokens) if t in names and (
        not _is_title(lexicon, t.lower()) or _given_name(tokens, i, lexicon))
        and not t.endswith(("'s", "’s", "'", "’"))]
    if not names or not any(lexicon.has("titles", t) for t in titles):
        return None
    return _surname(phrase, names, lexicon).lower(), titles


def _surname(phrase: str, names: list[str], lexicon) -> str:
    """The person's surname in a titled phrase: the last capitalised word of the comma-part
    that holds no title ("Ruth Kamara" of "Ruth Kamara, the Riverside Tenants' Union's
    president", "Ana Ruiz" of "The deputy mayor, Ana Ruiz"), else the phrase's last name word
    ("Senator Ana Ruiz")."""
    for part in phrase.split(","):
        tokens = TOKEN.findall(part)
        if any(_is_title(lexicon, t.lower()) for t in tokens):
            continue
        own = [t for t in tokens if t in names]
        if own:
            return own[-1]
    return names[-1]


def mentions(claims, lexicon):
    """(surname, titles, claim, start, end, text) for every titled mention of a person."""
    seen = set()
    for c in claims:
        a = c.attribution
        if a is not None and a.kind == "named" and a.source:
            got = _phrase_mention(a.source, lexicon)
            if got and (got[0], c.sent_start) not in seen:
                seen.add((got[0], c.sent_start))
                yield got[0], got[1], c, None, None, a.source.strip(" ,")
        for ent in c.entities:
            if ent.label != "PERSON" or not ent.norm:
                continue
            titles = _title_words(c, ent, lexicon)
            surname = ent.norm.split()[-1]
            if titles and (surname, c.sent_start) not in seen:
                seen.add((surname, c.sent_start))
                yield surname, titles, c, ent.start, ent.end, ent.text


def _said_otherwise(title: str, surname: str, claims) -> bool:
    """The sources use the title's word about this person in another form ("who chairs the
    committee" for "the committee chair", "leads" for "leader")."""
    stem = title[:max(4, len(title) - 2)]
    pattern = re.compile(rf"\b{re.escape(stem)}\w*", re.I)
    if title.endswith(("er", "or")) and len(title) > 4:
        # an agent noun's verb with an ending of its own ("who owns the studio" for "owner";
        # "his own" is not)
        base = re.escape(title[:-2])
        pattern = re.compile(rf"\b(?:{re.escape(stem)}\w*|{base}(?:s|ed|ing))\b", re.I)
    return any(surname in c.sentence.lower() and pattern.search(c.sentence) for c in claims)


def _source_titles(ctx) -> tuple[dict, dict]:
    """Surname -> the titles the sources give that person, and a claim that gives them (once
    per set of sources)."""
    theirs: dict[str, set] = {}
    where: dict[str, object] = {}
    for surname, titles, sc, *_ in mentions(ctx.index.claims, ctx.lexicon):
        theirs.setdefault(surname, set()).update(titles)
        where.setdefault(surname, sc)
    return theirs, where


def _introduced(ctx, sc, surname: str) -> str:
    """The speaker phrase or subject, before ``sc`` in its article, that names the person of
    ``surname`` with a body ("Ann Lee, a nurse at the X" before "She said ..." or "Lee
    said ..."), the nearest first; or ''."""
    art = ctx.doc_of.get(sc.doc_id)
    for c in reversed([c for c in ctx.claims_of(sc.doc_id) if c.end <= sc.start]):
        phrase = c.attribution.source if c.attribution is not None and c.attribution.source \
            else c.subject
        if re.search(rf"\b{re.escape(surname)}\b", phrase.lower()) and affiliations(
                phrase, art.text if art is not None else ""):
            return phrase
    return ""


# A pronoun's tie to a body: "he joined X", "she works for X", "he is now at X".
_TIED = re.compile(r"\b(?:he|she)\b[^.!?]{0,40}?\b(?:joined|works?\s+for|worked\s+for|"
                   r"moved\s+to|(?:is|was)\s+now\s+(?:at|with))\s+(?:the\s+)?", re.I)


def _joined_by_pronoun(ctx, doc_id: str, bodies) -> bool:
    """A sentence of the article ties "he" or "she" to one of ``bodies`` ("He later joined
    Orme Transport"): the person may hold that post too."""
    art = ctx.doc_of.get(doc_id)
    text = art.text if art is not None else ""
    return any(norm_name(text[m.end():m.end() + 80]).startswith(b)
               for m in _TIED.finditer(text) for b in bodies)


def _affiliation_changed(ctx, dc):
    """A finding when the derived speaker phrase ties a person to a body ("Dr Marsh, a lung
    specialist at Calder Valley University") and the closely aligned source claim's speaker
    phrase ties the same person to another ("... at St. Aldric's Hospital"), or, for a
    phrase that is "he", "she" or the name alone, the phrase that introduced the person
    earlier in the article with a body does, the sources never writing the person's name
    beside the derived body; else None."""
    phrase, start = speaker_phrase(dc, ctx.lexicon)
    person = person_words(phrase)
    if not person or not person[-1][:1].isupper():
        return None
    surname = person[-1].lower()
    mine = affiliations(phrase)
    if not mine:
        return None
    placed = mine <= places(phrase)  # only a place it lives or works in: compared with places
    for sc in ctx.support(dc)[1][:3]:
        art = ctx.doc_of.get(sc.doc_id)
        sa = sc.attribution
        theirs_phrase = sa.source if sa is not None and sa.source else sc.subject
        if not (ctx.lexicon.has("pronouns_person", theirs_phrase.strip().lower()) or re.search(
                rf"\b{re.escape(surname)}\b", theirs_phrase.lower())):
            continue
        theirs = places(theirs_phrase) if placed else \
            affiliations(theirs_phrase, art.text if art is not None else "")
        if not theirs:  # "He said ...", "Sandhu said ...": the person as introduced
            theirs_phrase = _introduced(ctx, sc, surname)
            theirs = places(theirs_phrase) if placed else \
                affiliations(theirs_phrase, art.text if art is not None else "")
            if theirs and _joined_by_pronoun(ctx, sc.doc_id, mine):
                continue  # "He later joined Orme Transport": a body the person took up
        if not theirs or any(same_body(ctx.lexicon, a, b) for a in mine for b in theirs) \
                or any(b in norm_name(phrase) for b in theirs):
            continue  # (the source's body named in the phrase too: "chief executive of
            # the city's metro operator, Corvane Metro" for "Corvane's chief executive")
        if any(surname in c.sentence.lower() and any(a in norm_name(c.sentence) for a in mine)
               for c in ctx.index.claims):
            return None  # the sources tie the person to that body somewhere too
        text = phrase.strip(" ,")
        at = dc.sentence.find(text)
        start = dc.sent_start + at if at >= 0 else start
        where = dict(start=sa.start, end=sa.end) if sa is not None and sa.source else {}
        return make(RULE, dc, start=start, end=start + len(text), text=text, confidence=0.7,
                    evidence=[evidence_of(sc, **where)],
                    message=(f'Ties {person[-1]} to another body or place than the source does: '
                             f'"{snippet(text, 70)}"; the source says '
                             f'"{snippet(theirs_phrase.strip(" ,"), 70)}".'),
                    suggestion=f"Describe {person[-1]} as the source does.")
    return None


def check(ctx):
    """Yield a finding for each named person whose title the sources do not give them."""
    lex = ctx.lexicon
    spans = set()  # one finding for a speaker phrase two claims of its sentence share
    for dc in ctx.derived_claims:
        found = _affiliation_changed(ctx, dc)
        if found is not None:
            if (found.start, found.end) not in spans:
                spans.add((found.start, found.end))
                yield found
            continue
        post = post_changed(ctx, dc)
        if post is not None:
            yield make(RULE, dc, **post)
    theirs, where = memo_on(ctx.index, f"_titles_{id(lex)}", lambda: _source_titles(ctx))
    for surname, mine, dc, start, end, text in mentions(ctx.derived_claims, lex):
        if surname not in theirs:
            continue
        src = theirs[surname]
        other_reach = any(_reach(lex, t) for t in src - mine)
        new = sorted(t for t in mine - src if _is_title(lex, t)
                     and lex.value("titles", t) != "generic"
                     and (other_reach or not _reach(lex, t))
                     and not _said_otherwise(t, surname, ctx.index.claims))
        dropped = sorted(t for t in src - mine if lex.has("title_modifiers", t)
                         and not lex.has("titles", t) and not _reach(lex, t))
        if not new and not (dropped and mine & src):
            continue
        sc = where[surname]
        what = f'adds "{", ".join(new)}"' if new else f'drops "{", ".join(dropped)}"'
        if start is None:
            start = dc.sent_start + dc.sentence.find(text) if text in dc.sentence else dc.start
            end = start + len(text)
        yield make(RULE, dc, start=start, end=end, text=text, confidence=0.7,
                   evidence=[evidence_of(sc)],
                   message=(f'The title in "{text}" {what}: the source calls '
                            f'{surname.title()} "{" ".join(sorted(src))}" '
                            f'("{sc.sentence[:80]}").'),
                   suggestion=f"Give {surname.title()} the source's title.")


RULE = Rule(CODE, NAME, KIND, SEVERITY, "a named person's title or rank changed", check, __doc__)
