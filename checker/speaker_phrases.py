"""What a speaker phrase names, for DA102: a long definite description that is a body of its
own, a public body by its kind, unnamed people, a news outlet (and whether it cites unnamed
people, or published a source), the body a derived description stands for, and the names
written in a phrase besides a title or a possessor."""

from __future__ import annotations

import re

from checker.align import claim_keys, text_keys
from checker.descriptions import described_in
from checker.names import norm_name
from checker.same_source import before_witness
from checker.source_phrase import NAME_RUN_RE, anaphoric, core, has_name


def body_of_its_own(who: str) -> bool:
    """A definite description of four words or more ("the national weather service"): a
    body of its own, not a short one that may stand for a party the derived text names ("the
    company", "its operator", "both companies", "an independent researcher"), nor a short one
    with a clause after it that says what the party does ("the charity running the
    clean-up", "the firm that runs the site": counted to the clause only). Known miss: a
    summary that gives such a description's words to a named body of another kind is not
    compared (DA102 leaves short descriptions to the derived names they may stand for)."""
    words = core(who).split()
    clause = _AFTER_HEAD.search(core(who))
    if clause is not None:
        words = core(who)[:clause.start()].split()
    return len(words) >= 4 and words[0].lower() == "the"


# What follows a description's head noun as a clause: a relative word, or a participle
# taking an object ("running the clean-up"; not "the mining company")
_AFTER_HEAD = re.compile(r"\s(?:(?:that|which|who|whose)\b"
                         r"|[a-z]+ing\s+(?:the|a|an|its|their|his|her)\b)", re.I)


def official_words(ctx, phrase: str) -> set:
    """The words of the phrase that name a public body by its kind ("council" of "council
    inspectors", "police": public_body_heads.txt, official_sources.txt)."""
    words = re.findall(r"[a-z]+", core(phrase).lower())
    return {w for w in words
            if ctx.lexicon.has("public_body_heads", w) or ctx.lexicon.has("official_sources", w)}


def unnamed_people(ctx, phrase: str) -> bool:
    """A source of unnamed people ("two people familiar with the talks", "the same two
    people": people_nouns.txt), by its head word before what they know of."""
    words = before_witness(core(phrase)).split()
    return bool(words) and ctx.lexicon.has("people_nouns", words[-1].lower().strip(",."))


def outlet_cites_people(ctx, sc, dc) -> bool:
    """The outlet's sentence, or the one after it opening on the outlet ("The paper", "It";
    publication_phrases.txt, outlet_heads.txt), names unnamed people as its source ("...,
    citing two sources close to the buyer", "The paper cited two insiders": a word of
    people_nouns.txt after a count or an indefinite word, indefinite_sources.txt, and after
    a word of citing, citing_words.txt), or the next sentence opens on unnamed people who
    speak of the derived claim's matter ("Two people close to the talks confirmed the
    collapse")."""
    lex = ctx.lexicon
    # the next sentence as the parse cut it: that of the first source claim after this one's
    nxt = min(((o.sent_start, o.sentence) for o in ctx.index.claims
               if o.doc_id == sc.doc_id and o.sent_start >= sc.sent_end), default=(0, ""))[1]
    after = re.findall(r"[a-z]+", nxt.lower())[:3]
    if len(after) == 3 and lex.has("indefinite_sources", after[0]) and any(
            lex.has("people_nouns", w) for w in after[1:]) \
            and claim_keys(dc) & text_keys(nxt):
        return True  # "Two people close to the talks confirmed the collapse." (of the
        # derived claim's matter: not "... said the price had been agreed in May")
    # the next sentence too when it opens on the outlet ("The paper cited ...", "It said")
    rest = sc.sentence + " " + nxt if after[:1] == ["it"] or len(after) >= 2 and (
        " ".join(after[:2]) in lex.entries("publication_phrases")
        or after[0] == "the" and lex.has("outlet_heads", after[1])) else sc.sentence
    words = re.findall(r"[a-z]+|\d+", rest.lower())
    return any(lex.has("people_nouns", w) and k and (lex.has("indefinite_sources", words[k - 1])
                                                     or words[k - 1].isdigit())
               and any(lex.has("citing_words", c) for c in words[:k])
               for k, w in enumerate(words))  # not "employs 1,150 people"


def a_news_outlet(ctx, name: str) -> bool:
    """A speaker named as a news outlet ("The Dunlow Herald": outlet_heads.txt)."""
    words = core(name).strip(" ,").split()
    return has_name(name) and bool(words) and ctx.lexicon.has("outlet_heads", words[-1].lower())


def an_outlet_of(ctx, name: str) -> bool:
    """The derived text credits the outlet that published a source (corpus metadata): it
    reports all the source says, whoever the source quotes."""
    mine = norm_name(core(name))  # the outlet itself, not "a document seen by" it
    return bool(mine) and any(norm_name(art.meta_value("outlet")) == mine for art in ctx.sources)


def named_in_derived(ctx, attr) -> str:
    """The name a derived description of a speaker stands for ("the authority" when the
    derived text names one authority, "the Harwick Transport Authority"), or '' when the
    speaker is no description or the derived text names none or several such bodies."""
    phrase = core(attr.surface if anaphoric(core(attr.surface)) else attr.source).strip(" ,")
    if not anaphoric(phrase):
        return ""
    head = phrase.split()[-1].lower()
    if has_name(attr.source) and head in attr.source.lower():
        return attr.source  # the extractor read "the ministry" as "the Ministry of Health"
    named = described_in(ctx.derived.text, phrase)
    return named if named != phrase and has_name(named) else ""


def named_in_sources(ctx, attr) -> str:
    """The name a derived description of a speaker stands for in the sources, when it
    holds a word besides its head that the name holds too ("the transport agency" where
    a source names "the National Roads and Transport Agency") and they name exactly one
    such body, or ''. A bare "the agency" may be any body a writer calls so."""
    phrase = core(attr.surface if anaphoric(core(attr.surface)) else attr.source).strip(" ,")
    words = phrase.lower().split()[1:-1]
    if not anaphoric(phrase) or not words:
        return ""
    found = {described_in(art.text, phrase) for art in ctx.sources} - {phrase}
    named = found.pop() if len(found) == 1 else ""
    return named if has_name(named) and all(w in named.lower() for w in words) else ""


def kind_dropped(ctx, source: str) -> str:
    """A name with the kind of body set before it as a title ("Operator Harlow Ferries" ->
    "Harlow Ferries": non_person_heads.txt), or ''."""
    first, _, rest = source.strip(" ,").partition(" ")
    return rest if rest and has_name(rest) and ctx.lexicon.has("non_person_heads",
                                                               first.lower()) else ""


def name_runs(ctx, source: str) -> list:
    """The names written in a speaker phrase besides a possessor ("Orvel Labs" of
    "Runloop's maker Orvel Labs"): runs of capitalised words not ending in "'s", in a
    phrase with a possessor and no title (not "the club's captain, Jon Abel": a person)."""
    phrase = source.strip(" ,")
    if not re.search(r"\w['’]s\b", phrase) or any(
            ctx.lexicon.has("titles", w.lower()) for w in re.findall(r"[A-Za-z]+", phrase)):
        return []
    runs = NAME_RUN_RE.findall(phrase)
    return [r for r in runs if not r.endswith(("'s", "’s")) and r != phrase
            and not (phrase.startswith(r) and " " not in r)]  # "Chief" of "Chief executive X"
