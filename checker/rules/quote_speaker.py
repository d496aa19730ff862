"""DA103 quote-speaker-changed: a quotation is put in the mouth of another speaker.

What it flags:
    A derived quotation whose words the source quotes too, but from a different named speaker.
    The finding covers the quotation and the words naming the derived speaker in its sentence.
Why it matters:
    Misattributed quotes are among the most damaging and most corrected errors in news.
    Not compared: an organisation and a person the source names beside each other ("Dunmore's
    project manager, Glen Ashby") or introduces as its officer anywhere in the sources
    ("Tolbridge's managing director, Ansel Krumm" for "Tolbridge Chemicals"; "Its head of
    operations" after the sentence naming the party), and an unnamed speaker for a party ("a spokesperson for
    the group") whose words the derived text gives to a party the source names just before
    the quotation; a speaker that is a word of the quotation itself ("Nobody asked us", "We
    want") or a clause ('the bank "deeply regrets" that ...') is the extractor's mistake and is
    skipped, and a derived voice that names nobody ("Its spokesman said") is not compared,
    nor a derived description ("the company said") against an unnamed source voice ("a
    spokesperson said"), nor one against a speaker the source owns by a pronoun just after
    a sentence that names the derived speaker ("officers said" for "Their report said").
    A speaker the source's opening paragraph gives by a title only ("with its chief
    executive told staff") against the person the next paragraph opens by naming
    ("Casimir Deveraux made the comments") is one person: the lede's way of introducing
    them. Words two outlets quote from two speakers are compared with neither when one of
    them is the derived speaker ("the trust" in one, its officer by name in the other). An
    indefinite description ("a Dock Lane florist") is not compared with a source
    speaker whose sentences hold its words ("Nia Voss, a florist on Dock Lane": the summary
    keeps the person unnamed). A one-word quotation that the sources give with no speaker
    somewhere,
    or with speakers who are not one, is a label several parties use ("rated 'inadequate'"),
    not speech.
    A quotation's speaker is the subject of any verb of saying that tags it
    (speech_verbs.txt: "declared", "urged", "cautioned"), the speaker of the report that
    frames "We were told X" (not its hearer), and, for a sentence that is all one quotation
    with no tag of its own, the speaker named in the sentence before ('"...," Feld said.
    "Salmonella can be serious ..."'; not after a "she said", whose person is a guess); a
    quotation that runs on into the next sentence is the named speaker's of the tag after
    it ('"A. B," said Ana Ruiz': from its first sentence on; not a "she said"). A derived
    quotation of five words or more that is a run of a longer source quotation is compared
    with that quotation's speaker. A source speaker given by a definite description of a
    voice ('"...," the spokeswoman added') is the one the source introduced a few sentences
    before ("A spokeswoman for the lender said"), compared when the derived text
    gives the words to a person the sources name as another speaker. An inverted tag after
    the closing mark names the speaker ('"...," said Ana Ruiz, the council leader, urging
    ...', though the parser makes the name a later verb's subject), and a voice a body
    owns ("the agency's duty manager") speaks for no person the sources describe by a
    post ("managing director Tom Hale") named just before. A source speaker given by a
    description with a full name set beside it ("Farrowby's MP, Jo Lee, said") is compared
    as that person, so a councillor of the same place is no officer of the same body.
Known false positives:
    A voice introduced unnamed ("A spokeswoman for the firm said") whose name the derived
    text gives, where the sources name that person only in words other than the voice's noun
    ("Tara Quill, the firm's press officer"). Speakers named differently on first and later
    mention ("Thariq Shihipar" vs "the engineer") when the extractor cannot tell they are
    one person; an officer whose title the source gives without the party ("Manager Lena
    Voskuijlen") when the tagger takes the party's name for a person's; a "he said" whose
    person the extractor resolved to the wrong name (it prefers a person named earlier in
    the sentence, then the named speaker of that sentence or the one before, then the last
    person named); silent when the texts call that person by an honorific of the other kind
    ("he" read as Ms Madsen: gendered_words.txt).
Known false negatives:
    A quotation of a spokesperson for one party given to another party the source names
    just before it; a swap between two people the source names within a few sentences.
Examples:
    Source: Maria Lopez called the plan "a reckless gamble".
    Flag: Tom Becker called the plan "a reckless gamble".
    Okay: Maria Lopez described the plan as "a reckless gamble".
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.actors import may_name_actor
from checker.affiliation import affiliated
from checker.claim_reading import sentence_before
from checker.person_names import two_people
from checker.descriptions import described_in, description_told, lede_description_of
from checker.same_source import same_source
from checker.source_phrase import (anaphoric, core, has_name, owner_named_before,
                                   pronoun_owned)
from checker.quotes import derived_quotes, normalise_quote, source_quote_claims
from checker.rules.base import Rule, make, misread_pronoun, snippet
from checker.voices import bare_voice
from checker.word_patterns import WORD_TOKEN as _WORD

CODE, NAME, KIND, SEVERITY = "DA103", "quote-speaker-changed", "attribution-changed", "error"


def check(ctx):
    """Yield a finding for each quotation credited to a different speaker than the source's."""
    quotes = source_quote_claims(ctx)
    words = [_words_of(normalise_quote(sq.text)) for sq, _sc, _ev in quotes]  # once a check
    for dc, q in derived_quotes(ctx):
        if _thing_in_frame(ctx, dc, q):
            q = replace(q, speaker=dc.attribution.outer.source)  # "According to X, the ticket
            # sales 'show ...'": X's words
        if not q.speaker or _no_speaker(q.speaker) or bare_voice(q.speaker):
            continue  # "Its spokesman said ...": a voice that names nobody is not compared
        # every place the sources quote these words; the first with a speaker is compared
        mine, named = _words_of(normalise_quote(q.text)), _named(q.speaker)
        same_words = [(sq, sc, ev) for (sq, sc, ev), theirs in zip(quotes, words)
                      if mine == theirs or named and _run_of(mine, theirs)]
        found = [(sq, sc, ev) for sq, sc, ev in same_words if sq.speaker]
        if _a_label(q, same_words, found):
            continue
        if not found or any(same_source(q.speaker, s.speaker) for s, _c, _e in found[1:]):
            continue  # (another outlet quotes the words from the derived speaker: "Ann Roe,
            # the trust's officer, said" where the first source has "the trust said")
        sq, sc, ev = found[0]
        theirs = _voice_introduced(ctx, sc, sq.speaker)
        if theirs and _another_speaker(ctx, q.speaker, sq.speaker.split()[-1]) \
                and not same_source(q.speaker, theirs) \
                and not _inside(q) and not affiliated(ctx, sc, q.speaker, theirs, sq.start):
            yield _finding(ctx, dc, q, ev, theirs)  # "the spokeswoman added" after "A
            continue  # spokeswoman for the lender said", given to the borrower's director
        if (bare_voice(sq.speaker) and _stand_in(dc, q)
                or pronoun_owned(sq.speaker) and owner_named_before(
                    ctx.doc_of[sc.doc_id].text if sc.doc_id in ctx.doc_of else "",
                    sc.sent_start, sc.sent_end, q.speaker)):
            continue  # "the company said" against "a spokesperson said"; "officers said"
            # against "Their report said" just after a sentence about the officers
        theirs = _name_after(ctx, sc, sq.speaker) or _described_body(ctx, sc, sq.speaker) \
            or sq.speaker  # "Farrowby's MP, Jo Lee,"; "the committee" for the one the
        # article names ("the Harbury Carnival Committee")
        if same_source(q.speaker, theirs) or _inside(q) or _inside(sq) \
                or _no_speaker(sq.speaker) or (dc.attribution is not None and q.speaker ==
                                               dc.attribution.source
                                               and misread_pronoun(ctx, dc.attribution)) \
                or not _two_people(ctx, dc, sc, q.speaker, theirs) \
                and affiliated(ctx, sc, q.speaker, sq.speaker, sq.start) \
                or lede_description_of(ctx, sc, q.speaker, sq.speaker) \
                or description_told(ctx, q.speaker, theirs):
            continue  # (or the summary's unnamed telling of the source's speaker: "a Dock
            # Lane florist" for "Nia Voss, a florist with a stall on Dock Lane")
        yield _finding(ctx, dc, q, ev, theirs)


def _name_after(ctx, sc, speaker: str) -> str:
    """The full name the source article sets in apposition right after a speaker phrase
    that is a description ("Farrowby's MP, Jo Lee, said ..."): the person the description
    stands for, or ''."""
    art = ctx.doc_of.get(sc.doc_id)
    if art is None or not speaker or speaker[:1].isupper() and " " not in speaker:
        return ""
    m = re.search(re.escape(speaker) + r",\s+((?:[A-Z][\w'’-]+\s+)+[A-Z][\w'’-]+),",
                  art.text[:sc.sent_end])
    return m.group(1) if m else ""


def _described_body(ctx, sc, speaker: str) -> str:
    """The name of the body a source speaker gives by its kind ("The committee, which has 19
    members," for "the Harbury Parade Committee": ``descriptions.described_in``, one
    name of that head in the article, and no body of that head told in lower case, "the
    planning committee"), or ''. Only a bare "the" and a noun: "the association's chair" is
    a person."""
    art = ctx.doc_of.get(sc.doc_id)
    phrase = core(speaker).strip(" ,")
    if art is None or not _BARE_KIND.fullmatch(phrase):
        return ""
    head = phrase.split()[-1].lower()
    if re.search(rf"\b(?!the\b)[a-z]+\s+{re.escape(head)}s?\b", art.text):
        return ""  # "the planning committee" beside "the Harbury Carnival Committee": which?
    named = described_in(art.text, phrase)
    return named if named != phrase else ""


_BARE_KIND = re.compile(r"[Tt]he\s+[a-z]+")


def _said_just_before(ctx, sc, theirs: str, mine: str) -> bool:
    """The sentence before the source's "he said" has ``theirs`` as its speaker and names no
    one of ``mine``'s last name: the pronoun's person is then the speaker, not a guess
    between two people that sentence names ("X introduced the new chief executive, Y")."""
    before = sentence_before(ctx.index, sc)
    name = mine.split()[-1] if mine.split() else ""
    return any(c.attribution is not None and theirs in c.attribution.source for c in before) \
        and not any(name and re.search(rf"\b{re.escape(name)}\b", c.sentence) for c in before)


def _two_people(ctx, dc, sc, mine: str, theirs: str) -> bool:
    """The derived and the source speaker are two people (``person_names.two_people``), the
    source's known to be one when its tag is a "he" or "she" the extractor resolved to the
    name ('"...," he said' after "Martin Hale, chair of the board, said ...")."""
    said = sc.attribution
    pronoun = said is not None and said.resolved and said.source == theirs \
        and (said.surface or "").lower() in ("he", "she")
    if pronoun and not _said_just_before(ctx, sc, theirs, mine):
        return False  # the extractor's guess at a "she said" between two people named just
        # before ("X introduced the new chief executive, Y. '...,' she said")
    last = theirs.split()[-1] if theirs.split() else ""
    if last and re.search(rf"\b{re.escape(last)}\b", dc.sentence):
        return False  # the derived sentence names the source's speaker too: its quotation
        # may be theirs, the extractor's pick of speaker a guess ("X called it A, while Y
        # said it was B")
    return two_people(ctx, mine, theirs, b_person=pronoun)


def _finding(ctx, dc, q, ev, theirs: str):
    """The finding for the derived quotation ``q`` that the source gives to ``theirs``."""
    start, end = _span(ctx, dc, q)
    return make(RULE, dc, start=start, end=end, confidence=0.9,
                text=ctx.derived.text[start:end], evidence=[ev],
                message=(f'Quotes "{snippet(q.text, 40)}" as the words of {q.speaker}; '
                         f"the source quotes {theirs}."),
                suggestion=f"Credit the quote to {theirs}.")


def _speakers(ctx):
    """(claim, speaker phrase) for every source claim that names who says it: the speaker
    of a claim tagged "..., she said", or the subject of a verb of saying that the parse
    made the claim's verb ("A spokeswoman for the lender said that ...")."""
    lex = ctx.lexicon
    return [(c, c.attribution.source if c.attribution is not None else c.subject)
            for c in ctx.index.claims
            if c.attribution is not None or lex.has("speech_verbs", c.predicate)]


def _another_speaker(ctx, speaker: str, head: str) -> bool:
    """The derived speaker is a person the sources name as a speaker elsewhere (by the last
    capitalised word of the name), and never by a speaker phrase naming a voice of the kind
    ``head`` names ("Tara Quill, the company's spokeswoman" may be "the spokeswoman" of the
    quotation; known miss: "Tara Quill, who speaks for" another party): a swap
    between two of the story's voices, not a voice the derived text names in its own way
    ("a Felmore spokesperson")."""
    names = [w for w in _WORD.findall(speaker) if w[:1].isupper()]
    if len(names) < 2 or bare_voice(speaker):
        return False
    last = re.compile(rf"\b{re.escape(names[-1])}\b")
    voice = re.compile(rf"\b(?:{re.escape(head)}|speaks?|speaking)\b", re.I)
    phrases = [said for _c, said in _speakers(ctx) if last.search(said)]
    return bool(phrases) and not any(voice.search(p) for p in phrases)


# Characters before a quotation within which the voice that "the spokeswoman" points back
# to is looked for: a few sentences, which news often gives a paragraph each.
INTRODUCED_WITHIN = 700


def _voice_introduced(ctx, sc, speaker: str) -> str:
    """The source's telling of a speaker it then gives by a definite description with a noun
    of a voice ("the spokeswoman added" after "A spokeswoman for the lender said"): the
    nearest earlier speaker of the same document, a few sentences back at most, with that
    head noun (past other definite ones), when it is an indefinite phrase with a party after
    it. '' when there is none, when the nearest is a named or definite one ("Its
    spokeswoman, Tara Quill, said"), or when the description is not such a voice ("the
    council": the party itself)."""
    words = speaker.split()
    if not anaphoric(speaker) or not bare_voice(" ".join(words[1:])):
        return ""
    head = re.compile(rf"\b{re.escape(words[-1])}\b", re.I)
    earlier = [said for c, said in _speakers(ctx) if c.doc_id == sc.doc_id
               and sc.start - INTRODUCED_WITHIN <= c.start < sc.start]
    for source in reversed(earlier):
        if not head.search(source) or anaphoric(source):
            continue  # (another "the spokeswoman said" points back too)
        first = source.split()
        if first[0].lower() in ("a", "an", "one") and re.search(r"\b(?:for|of|at)\b", source):
            return source[:1].lower() + source[1:]
        return ""  # the nearest voice of that kind is one the source names
    return ""


# Words at least of a derived quotation that the source quotes as part of a longer one
# ('"A warning should change things," said X' of '"A warning should change things. Here it
# did not," Y said'): fewer could be a phrase two speakers share.
FRAGMENT_WORDS = 5


def _words_of(quote: str) -> str:
    """A normalised quotation's words, one space apart, as " a b c " (punctuation gone)."""
    return f" {' '.join(_WORD.findall(quote))} "


def _run_of(mine: str, theirs: str) -> bool:
    """The derived quotation's words are a run of at least FRAGMENT_WORDS of the source
    quotation's; asked only for a speaker the derived text names (not "some skippers" or
    "a report", whose words a summary often quotes in part from someone it names)."""
    return len(mine.split()) >= FRAGMENT_WORDS and mine in theirs


def _named(speaker: str) -> bool:
    """The speaker is written as a name, every word capitalised ("Barnaby Oduya",
    "Councillor Ana Ruiz"), not a description ("whose chief executive", "a council
    report")."""
    words = speaker.replace(",", " ").split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


# Words at most, of a quotation that may be a label rather than speech ("inadequate"); two
# ("utterly reckless") are already an insult someone said.
LABEL_WORDS = 1


def _a_label(q, same_words, found) -> bool:
    """A short quotation the sources give with no speaker, or with speakers who are not one
    ("rated 'inadequate'" in what a union said and in a review): a label in quotation
    marks that several parties use, not one speaker's words."""
    if len(q.text.split()) > LABEL_WORDS:
        return False
    speakers = {sq.speaker for sq, _sc, _ev in found}
    return len(found) < len(same_words) or any(
        not same_source(a, b) for a in speakers for b in speakers if a < b)


def _no_speaker(speaker: str) -> bool:
    """What the extractor took for a speaker is a clause, not a name: it holds a quotation
    mark or runs past a dozen words ('the bank "deeply regrets" that ...')."""
    return any(m in speaker for m in '"“”') or len(speaker.split()) > 12


def _thing_in_frame(ctx, dc, q) -> bool:
    """The speaker found is a thing inside a sentence another party's "according to" frames
    ('According to Cllr Ash, the ticket sales "show only half the picture"'): the words are
    the framing party's, compared as theirs; the thing is what the extractor took for the
    subject of a verb of saying. A thing: no name, and none of the three commonest WordNet
    senses of its last word is a person, a group or a place. Known false negative: quoted
    words the source gives to such a thing ('the report "warns of ..."'), compared as the
    framing party's."""
    attr = dc.attribution
    if attr is None or attr.outer is None or attr.outer.kind != "according-to" \
            or q.speaker != attr.source or has_name(q.speaker) or not ctx.wordnet.available:
        return False
    last = re.findall(r"[a-z]+", q.speaker.lower())[-1:]
    return bool(last) and ctx.wordnet.knows(last[0], "noun") \
        and not may_name_actor(ctx, last[0])


def _stand_in(dc, q) -> bool:
    """The derived speaker is the extractor's reading of a description ("the company"), not
    a name the derived text writes: whose voice the source's unnamed one is stays open."""
    attr = dc.attribution
    return attr is not None and attr.source == q.speaker and anaphoric(attr.surface)


def _inside(quote) -> bool:
    """The speaker found is a word of the quotation itself ("Nobody asked us", "We want"): the
    extractor took the quoted clause's subject, not who said it."""
    words = quote.speaker.lower().split()
    return len(words) == 1 and words[0] in quote.text.lower().split()


def _span(ctx, dc, q) -> tuple[int, int]:
    """The quotation and the nearest place its sentence names the speaker, with the
    reporting verb when it follows ('"...," the minister said'); for a quotation that runs on
    into the next sentence, the place that one names the speaker."""
    start, end = q.start, q.end
    text = ctx.derived.text
    stop = text.find(".", max(q.end, dc.sent_end))
    sent_end = dc.sent_end if q.end <= dc.sent_end or stop < 0 else stop + 1
    sent = text[dc.sent_start:sent_end].replace("’", "'")
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", q.speaker) if w[:1].isupper()]
    last = words[-1] if words else (q.speaker.split() or [""])[-1]
    hits = [m for m in re.finditer(r"\b" + re.escape(last) + r"\b", sent)] if last else []
    if hits:
        m = min(hits, key=lambda m: abs(dc.sent_start + m.start() - q.start))
        first = sent.find(q.speaker)
        s = dc.sent_start + (first if 0 <= first <= m.start() else m.start())
        start, end = min(start, s), max(end, dc.sent_start + m.end())
    attr = dc.attribution
    if attr is not None and dc.sent_start <= attr.start and attr.end <= dc.sent_end \
        and same_source(attr.source, q.speaker):
        start, end = min(start, attr.start), max(end, attr.end)
    return start, end


RULE = Rule(CODE, NAME, KIND, SEVERITY, "quotation credited to another speaker", check, __doc__)
