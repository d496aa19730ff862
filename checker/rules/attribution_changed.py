"""DA102 attribution-changed: the claim is attributed to someone other than the source's.

What it flags:
    A derived claim attributed to a named source while its supporting source claim is
    credited to a different named source, and the derived source is not credited with that
    content anywhere in the source. The source's credit is its attribution, a description
    read as the one name the article gives it ("the association" for "the Sandby Anglers'
    Association"), the party its subject credits ("A survey by the guild found ..."), or a
    body it names in capitals as the subject of a verb of finding ("The Post Regulator found
    in July that ..."). "According to X, A told B Y" is A's report in X's account: X is its
    outer speaker. A derived description by a kind of body ("according to the union") does
    not stand for a body of another kind the source credits ("the Post Regulator":
    ``party_kinds.other_kind``, body_roles.txt) unless the sources themselves call some body
    by that description and name none of its kind. A derived description with a word besides
    its head ("the transport agency") stands for the one body the sources name with it
    ("the National Roads and Transport Agency"; known false positive: a background
    clause of the credited sentence that another body tells, "while the bridge was shut,
    the transport agency said"). A party named by a description ("the two
    companies said") counts against an unnamed, indefinite source ("a person briefed on the
    talks"). A report inside a report ("the manager said his medical staff believe X") whose
    inner speaker both texts keep is judged on its outer speaker, and so is one its hearers
    were told ("The inquest heard that X, the coroner's officer said": hearing_verbs.txt). A
    name set after a relative clause is the speaker's ("a paramedic who attended, Joel
    Brandt,"), and two bodies of one kind that share a place name are two sources ("Lowmoor
    Town Council", "the Lowmoor Sports Council"), as are a person named as the officer of one
    body and another body of another head or kind ("Ann Tell, secretary of the Lowmoor
    Anglers' Club" and "the Lowmoor Harbour Trust": ``same_source._officer_of_other``). A
    document a derived claim names as what found it ("The inquiry also found that X") or a
    party's document ("according to the firm's interim report") is a source too; unnamed
    people who say whose they are ("two people at the club") speak for that party only, not for another named before them ("the league");
    people "familiar with" a matter (witness_phrases.txt) are not the party's named
    spokesman, nor its unnamed voice ("a council spokesperson": party_voices.txt; the one
    case where a derived source that names nobody is compared; not when the witnesses'
    sentence has the party's voice confirm it), and neither is someone the source keeps
    unnamed on purpose ("an ex-warden, who spoke anonymously"). Unnamed officials
    of a public body ("two ministry officials") are compared with anonymous people who are
    no officials and with a news outlet's report ("The Harbour Post reported X":
    outlet_heads.txt), and so are unnamed people, also pointed back at ("two people
    familiar with the talks", "the same two people": people_nouns.txt), with a news
    outlet's report only. A body's kind
    set before its name as a title ("Operator Harlan Ferries") is read past, and a name the
    tagger takes for a person is a party where a source sets a body's noun beside it
    ("Tolvern, a seed-breeding company based in ...": non_person_heads.txt). A person the
    derived text names (tagged one, or named after a title) is never a speaker the source
    keeps unnamed on purpose ("A council surveyor, who spoke anonymously, said X":
    anonymity_phrases.txt), whatever their descriptions share, unless a source credits the
    same words to that person by name. Two bodies that each speak for themselves in the
    sources and share no word of their names are two parties though its sentences name them
    side by side ("Quellmark accused Dorvale of
    ..."; ``affiliation._two_parties``; a body is told from a person by how the texts
    shorten its name: a body to its first word, a person to the last; known false positive:
    "X says Y did A and denies B", where either may be the one who denies). "The company"
    is no union or council and no person the source ties to one ("Ellen Voss, who chairs the
    Growers' Union": public_body_heads.txt), though "the group" may be any association (a
    broader WordNet
    kind). Two people of one body named beside their posts are two sources ("the club's
    coach, Marta Quill" and "the club's captain, Jon Abel"). A passive verb of judging ("the
    channel is projected to bring") makes its subject no judge who "says it
    too". Known false positives of these: a derived "the audit found" where the audit's own
    passage is less aligned than an unnamed source's account of the same fact; a
    spokesperson for people "familiar with" a matter where the source also has the party
    confirm it in a sentence the aligner did not pick; one person named in two forms that
    share no word beside two posts ("the coach, Marta Quill" and "the manager, Ms Q.").
Why it matters:
    Crediting the wrong outlet or person misleads readers about who vouches for a claim and
    can expose the publication to a correction or a complaint. Not compared: a derived
    source that names nobody ("a spokesperson said", "according to an estimate", save a
    party's voice against witnesses, above, and officials of a public body by its kind,
    "council inspectors", against anonymous people who are no officials, "two former
    employees, who asked not to be named") or that the extractor guessed for "it said"; a
    source attribution that names nobody but is not anonymous, in a short description that
    may stand for the derived party ("the company said"; a longer one, "the national weather
    service said", is a body of its own and is compared); a
    derived speaker against a source speaker owned by a pronoun just after a sentence that
    names the derived speaker ("officers said" for "Their report said"); claims that share
    only a name and little else; an organisation and a person the source names in one
    sentence, or an organisation in the sentence before its spokesperson's (not before a
    holder of a public office named with the title, "Mayor Paul Denton":
    public_offices.txt), or a person any
    source introduces as its officer ("Tolbridge's managing director, Ansel Krumm"; "Its
    head of operations, Lise Obrecht," after a sentence calling it "the agency"); a derived
    source the source credits elsewhere with the same verb ("the league confirmed it had
    received ..."); two bare plural groups of people, one a kind of the other in WordNet
    ("Riders say" for "Cyclists say": ``party_kinds.one_public_group``); a source speaker
    given by an indefinite description in the article's opening paragraph for the person
    the next paragraph opens by naming ("A private collector has sued the auction house"
    and "Vesna Kral, who bought it, filed her claim": ``lede_description_of``); a service
    credited by the noun of its kind ("Police say") for one of its officers named by rank
    ("Detective Sergeant Ana Lee said": force_ranks.txt) or for the service by name
    (``party_kinds.force_by_rank``).
Known false positives:
    The same person named in two ways ("Ms Smith" vs "the minister") when neither form
    contains the other; two plain names with different last words for one body ("the Health
    Board" vs "the Harwick Trust"); a "he said" the extractor resolved to the wrong person
    (silent when the texts call that person by an honorific of the other kind, "Ms Madsen":
    gendered_words.txt; so also, wrongly, for a man whose relative of that surname the
    texts call "Mrs");
    "the ministry said" for "an official said" when the source makes clear whose official.
    A sentence that is all one quotation is credited to the speaker of the quotation before
    it in the paragraph; a quotation that changes speaker without a tag is then given to
    the wrong one. A "she said" for the speaker of the sentence before is read as that
    speaker, and its claims compared; a pronoun for someone named further back is not.
    Two names of one body that differ in a word before a shared head the non_person_heads
    list holds ("the Harwick Transport Authority", "the Harwick Transit Authority"). A
    description of a kind for a body the sources never call by that kind although it is
    one ("the union" for "the Allied Bakers' Guild" when no source says "the union").
Known false negatives:
    A denial given to another denier ("which the company denied" where the source's
    "two people said" it is compared only with a denial the source reports: a denial
    credits its content to nobody); a claim moved to a party the source names in the same
    sentence as its source (read as its spokesperson); a claim moved between a party and its
    own officer (one voice here); nested attributions ("two people said the company told its lenders
    X" -> "the company told its lenders X" when the extractor reads the inner clause as
    the claim's own); "the company said" for another business ("the company", "the firm"
    are compared only with a public body); a fact two source outlets credit to different
    speakers is never flagged for either of them, even where the derived text gives it the
    wording of the other outlet.
Examples:
    Source: The Information reports that the ban was issued on Monday.
    Flag: The Financial Times reports that the ban was issued on Monday.
    Okay: The Information reported that the ban was issued on Monday.
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.affiliation import affiliated, officer_or_voice
from checker.attribution import is_anonymous, source_name, unnamed_on_purpose
from checker.person_names import is_person
from checker.claim_content import same_content
from checker.descriptions import lede_description_of
from checker.hidden_speakers import one_hidden_speaker
from checker.lexicon import shipped
from checker.names import norm_name
from checker.party_kinds import force_by_rank, one_public_group, stand_in_noun
from checker.records import Attribution
from checker.rules.base import (Rule, before_preposition, evidence_of, found_by, make,
                                misread_pronoun, snippet)
from checker.same_source import VAGUE, owner_in, same_source, witness_group
from checker.widened_speaker import widened_speaker
from checker.source_phrase import (anaphoric, core, has_name, owner_named_before,
                                    pronoun_owned)
from checker.speaker_credit import (credited, credited_elsewhere, credited_in_part,
                                    inner_speaker, named_credit, other_kind_of, says_it_too)
from checker.speaker_phrases import (a_news_outlet, an_outlet_of, body_of_its_own, kind_dropped,
                                     name_runs, named_in_derived, named_in_sources,
                                     official_words, outlet_cites_people, unnamed_people)
from checker.voices import a_voice

CODE, NAME, KIND, SEVERITY = "DA102", "attribution-changed", "attribution-changed", "error"


def check(ctx):
    """Yield a finding for each derived claim credited to another named source."""
    generic = frozenset(ctx.lexicon.words.get("attribution_generic", ()))
    verbs = frozenset(ctx.lexicon.words.get("attribution_verbs", ())) | frozenset(
        ctx.lexicon.words.get("factive", ()))
    for dc in ctx.derived_claims:
        found = _changed(ctx, _document_credit(ctx, dc), ctx.aligned(dc), generic, verbs)
        att = dc.attribution
        if found is not None and att is not None and att.outer is not None \
                and ctx.lexicon.has("hearing_verbs", att.lemma) and any(
                    same_content(dc, sc) and same_source(att.outer.source,
                                                         credited(ctx, sc, verbs) or "-")
                    for sc in ctx.aligned(dc)):
            continue  # "The inquest heard that X, the officer said" for the officer's X: the
            # inquest was told it, and the outer speaker is the source's (hearing_verbs.txt)
        if found is None and dc.attribution is not None and dc.attribution.outer is not None:
            # "Her coach said her lawyers believe X" for "Ferreira said her lawyers believe
            # X": the inner speakers agree, so the outer ones are compared
            lifted = _outer_reports(dc, ctx.aligned(dc))
            if lifted is not None:
                found = _changed(ctx, *lifted, generic, verbs)
        if found is not None and dc.attribution is not None \
                and not has_name(dc.attribution.source) and widened_speaker(ctx, dc) is not None:
            continue  # "the club's 30 volunteer stewards told it" for "some volunteers told
            # the club": one group, widened (DS951's), not another speaker (a named body's
            # people, "analysts at Fenmore Capital", may be another party's)
        if found is not None:
            yield found


def _named_in_claim(dc, who: str) -> bool:
    """The derived claim's own words name the person the source credits (every capitalised
    word of the name, two at least: "Omar Kell"). Known miss: a claim that quotes one
    person and names another of the same name."""
    names = [w for w in re.findall(r"[A-Z][\w'’-]+", who.split(",")[-1]) if len(w) > 1]
    return len(names) >= 2 and all(re.search(rf"\b{re.escape(w)}\b", dc.text) for w in names)


def _document_owner(ctx, attr) -> str:
    """The party whose document the source is, named by a noun or a name ("the firm" of "the
    firm's interim report"), or '' (also for "its report": whose, the aligner cannot
    tell)."""
    words = before_preposition(core(attr.source).strip(" ,"), ctx.lexicon).split()
    if len(words) < 2 or ctx.lexicon.has("possessives", words[0].lower()) \
            or not ctx.lexicon.has("document_nouns", words[-1].lower()):
        return ""
    owner = next((k for k, w in enumerate(words[:-1]) if re.search(r"['’]s?$", w)), None)
    if owner is None:
        return ""
    return re.sub(r"['’]s?$", "", " ".join(words[:owner + 1]))


def _document_credit(ctx, dc):
    """The claim with its subject as its attribution when it gives its content as what a
    document or an official body it names found or said ("The audit also found that the
    contract was renewed without a tender": ``found_by``), else the claim as it is."""
    lex = ctx.lexicon
    if dc.attribution is not None or not found_by(lex, dc) or not dc.predicate_text \
            or dc.certainty.attempts or dc.certainty.hedges or dc.negated \
            or not lex.has("document_nouns", dc.subject.strip().split()[-1]) \
            or lex.has("possessives", dc.subject.split()[0].lower()):
        return dc  # not "Its final notice found" (whose notice?), nor "X is seeking to
        # establish", nor "has not found"; a document in lower case, not a body named
        # "the Geological Survey"
    subject = dc.subject.strip()
    head = re.compile(rf"\b{re.escape(subject.split()[-1].lower())}\b")
    best = ctx.support(dc)[1][:1]
    if any(head.search(sc.sentence.lower()) for sc in best):
        return dc  # "two officials said the review showed X": the review is in the source's
        # passage (dropping the officials is DA101's), or says the same elsewhere
    at = dc.text.find(dc.predicate_text)
    if at < 0:
        return dc
    start = dc.start + at
    return replace(dc, attribution=Attribution(
        source=subject, cue=dc.predicate_text, start=start, end=start + len(dc.predicate_text),
        kind="named", lemma=dc.predicate, head=subject.split()[-1].lower()))


def _outer_reports(dc, sup):
    """The derived claim and its supporting claims with their outer reports as their
    attributions, when every supporting claim with an attribution gives the same inner
    speaker and has an outer report too; else None."""
    inner = dc.attribution
    lifted = []
    for sc in sup:
        att = sc.attribution
        if att is None:
            continue
        if att.outer is None or not same_source(inner.source, att.source):
            return None
        lifted.append(replace(sc, attribution=att.outer))
    return (replace(dc, attribution=inner.outer), lifted) if lifted else None


def _changed(ctx, dc, sup, generic, verbs):
    """The finding for one derived claim against its supporting claims ``sup``, or None."""
    attr = dc.attribution
    if attr is None or not attr.source or norm_name(attr.source) in VAGUE:
        return None
    owner = _document_owner(ctx, attr)
    nameless = not source_name(attr, generic).words and not owner
    # unnamed people, also pointed back at ("the same two people")
    people = nameless and unnamed_people(ctx, attr.source)
    unnamed = nameless and (people or not anaphoric(core(attr.source)))
    voice = unnamed and a_voice(attr.source)  # "a council spokesperson": a party's word
    official = unnamed and not voice and official_words(ctx, attr.source)  # "council inspectors"
    people = people and not voice and not official
    if unnamed and not voice and not official and not people:
        return None  # "a spokesperson said", "according to an estimate": nobody named
    if attr.surface.lower() in ("it", "they", "this", "these"):
        return None  # "it said": the extractor's guess of the last source named
    if misread_pronoun(ctx, attr):
        return None  # 'He denied it' resolved to a person the texts call "Ms": a wrong guess
    named = named_in_derived(ctx, attr) or named_in_sources(ctx, attr)
    denial = attr.negated or ctx.lexicon.has("answer_verbs", dc.predicate)
    cands = [(sc, credited(ctx, sc, verbs)) for sc in sup if same_content(dc, sc)
             and not (denial and not (sc.attribution is not None and sc.attribution.negated
                                      or ctx.lexicon.has("answer_verbs", sc.predicate)))]
    # a denial credits nothing: "..., which the company denied" or "X denied the union's
    # claim that ..." against the source's "two people said ..." reports the denial of what
    # the source's speakers said, not their words
    cands = [(sc, who) for sc, who in cands if who]
    if voice:
        # an unnamed voice is compared only with people who know of a matter ("two people
        # familiar with the council's case"), whom it does not speak for
        cands = [(sc, who) for sc, who in cands if (
            witness_group(who) or unnamed_on_purpose(sc.sentence) and not has_name(who)
            and not a_voice(who))
                 and not a_voice(sc.sentence.replace(sc.attribution.source, ""))]
        # (not when the sentence also has the party's voice confirm it: "..., and a company
        # spokeswoman later confirmed the sale"), or with someone the source keeps unnamed on
        # purpose ("An ex-warden, who spoke anonymously, said"), no party's voice
    if official:
        # officials of a public body, unnamed, are compared only with anonymous people who
        # are no officials ("two former employees, who asked not to be named"): an
        # allegation given an official voice
        cands = [(sc, who) for sc, who in cands if sc.attribution is not None
                 and (is_anonymous(sc.attribution, generic) and not official_words(ctx, who)
                      or a_news_outlet(ctx, who))
                 and not any(re.search(rf"\b{w}", sc.sentence, re.I) for w in official)]
        # or with a news outlet's report ("The Dunlow Herald reported X" given to "two
        # ministry officials"); (not unnamed officials of a body the source sentence names:
        # "The ministry has not decided X, one of the officials said")
    if people:
        # unnamed people ("the same two people") are compared only with a news outlet's
        # report ("The Brannock Courier reported X"): the outlet's story given to witnesses
        cands = [(sc, who) for sc, who in cands if a_news_outlet(ctx, who)
                 and not outlet_cites_people(ctx, sc, dc)]
    if not cands:
        return None
    if all(not has_name(who) and sc.attribution is not None
           and not is_anonymous(sc.attribution, generic) and not body_of_its_own(who)
           for sc, who in cands):
        return None  # "the company said": whose words the derived name stands for is unknown
        # (not "the national weather service": a description that long is a body of its own)
    # an unnamed description by a kind of body ("according to the union") the derived
    # text names no body for
    kind = "" if named else stand_in_noun(core(attr.source).strip(" ,"))
    hidden = [(sc, who) for sc, who in cands if unnamed_on_purpose(sc.sentence)
              and not has_name(who)]
    if hidden and (unnamed_on_purpose(attr.source) or is_anonymous(attr, generic) or not (
            is_person(ctx, attr.source) or _titled_person(ctx, attr.source))):
        hidden = []
    if hidden:
        cands = hidden  # a speaker the source keeps unnamed on purpose ("A council surveyor,
        # who spoke anonymously, said X": anonymity_phrases.txt) is no one the derived
        # text names ("Council leader Mara Quint said X"): no waiver below makes them one
    elif any(same_source(named or attr.source, who) and not people  # people are no outlet
           and not (kind and other_kind_of(ctx, kind, sc, who))
           or (owner and same_source(owner, who))
           or owner_in(attr.source, sc.sentence)  # the source sentence names its owner
           or not witness_group(who) and (
               any(affiliated(ctx, sc, name, who, sc.start) for name in (named, attr.source)
                   if name)
               # the name alone ("Ferrant Civil" of "Ferrant Civil, which built it,"), as
               # the party of an officer or a voice only
               or any(officer_or_voice(ctx, sc, name, who, sc.start)
                      for name in {core(attr.source), attr.source.split(",")[0],
                                   kind_dropped(ctx, attr.source),
                                   *name_runs(ctx, attr.source)} - {named, attr.source, ""}))
           or (anaphoric(attr.surface) and not people and not (named and (has_name(who)
                                                           or witness_group(who))))
           or (sc.attribution is not None and anaphoric(sc.attribution.surface)
               and not sc.attribution.resolved)
           or (pronoun_owned(who) and sc.doc_id in ctx.doc_of and owner_named_before(
               ctx.doc_of[sc.doc_id].text, sc.sent_start, sc.sent_end, attr.source))
           or inner_speaker(ctx, sc, named or attr.source)
           or one_public_group(attr.source, who, ctx.wordnet)
           or one_hidden_speaker(attr.source, who)  # one anonymous official, told twice
           or force_by_rank(ctx.lexicon, attr.source, who, ctx.source_text)
           or lede_description_of(ctx, sc, named or attr.source)
           for sc, who in cands):
        return None
    if hidden:
        if any(sc.attribution is not None and has_name(sc.attribution.source)
               and same_source(attr.source, sc.attribution.source) and same_content(dc, sc)
               for sc in ctx.index.claims):
            return None  # the derived speaker, by name, says it too somewhere
    elif people:
        if any(sc.attribution is not None and unnamed_people(ctx, sc.attribution.source)
               for sc in sup if same_content(dc, sc)):
            return None  # the source has unnamed people say it too
    elif says_it_too(ctx, dc, named or attr.source, kind) or an_outlet_of(ctx, attr.source):
        return None
    if not hidden and (any(credited_elsewhere(ctx, sc, named or attr.source) for sc, _ in cands)
                       or credited_in_part(ctx, dc, sup, named or attr.source, verbs)):
        return None
    if not hidden and norm_name(attr.source) in ctx.index.entity_norms and any(
            same_source(attr.source, named_credit(ctx, sc.doc_id, sc.attribution.source or ""))
            for sc in ctx.index.claims if sc.attribution is not None
            and same_content(dc, sc)):
        return None
    sc, who = cands[0]
    if dc.quotes and _named_in_claim(dc, who):
        return None  # 'the longest wait Omar Kell has known "in twenty years", according to
        # an audit': the derived claim quotes the source's speaker and names him in it
    start, text = _span(dc, attr)
    return make(
        RULE, dc, start=start, end=max(attr.end, attr.start + 1), text=text,
        confidence=0.5 + 0.4 * ctx.alignments[dc.id].score, evidence=[evidence_of(sc)],
        message=(f'Credits "{snippet(attr.source, 40)}", but the source attributes this '
                 f'to {_mid_sentence(who)}: "{snippet(sc.text, 60)}".'),
        suggestion=f"Attribute it to {_mid_sentence(who)}.")


# A title word, then a person's name of two capitalised words or more at the phrase's end
_TITLED = re.compile(r"\b([a-z]+)\s+(?:[A-Z][\w'’-]+\s+)+[A-Z][\w'’-]+$")


def _titled_person(ctx, speaker: str) -> bool:
    """The speaker phrase ends in a name after a title ("Council leader Mara Quint",
    "chief executive Ana Ruiz": titles.txt), a person whatever the tagger made of it."""
    m = _TITLED.search(core(speaker).strip(" ,"))
    return m is not None and ctx.lexicon.has("titles", m.group(1))


def _mid_sentence(who: str) -> str:
    """A speaker phrase as written inside a sentence: "an internal review", not "An"."""
    first, _, rest = who.partition(" ")
    return f"{first.lower()} {rest}" if rest and first.lower() in _ARTICLES else who


_ARTICLES = shipped("articles")


def _span(dc, attr) -> tuple:
    """Where the finding starts and what it quotes: the cue ("said"), or from the speaker's
    name to the cue when the cue is a participle that names nobody ("The minister denied
    this, saying ...": the name is what an editor changes)."""
    at = dc.sentence.find(attr.source.strip(" ,"))
    if not attr.cue.lower().endswith("ing") or at < 0 or dc.sent_start + at >= attr.start:
        return attr.start, attr.cue
    start = dc.sent_start + at
    return start, dc.sentence[at:attr.end - dc.sent_start]


RULE = Rule(CODE, NAME, KIND, SEVERITY, "claim credited to another source", check, __doc__)
