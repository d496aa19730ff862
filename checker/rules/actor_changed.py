"""DE403 actor-changed: another body or person is said to have done what the source says.

What it flags:
    A derived claim whose verb and object match a source claim (for a verb with no object,
    "called for the line to be paused", most of the words after it, three at least) but
    whose subject is a different, named actor: the derived subject carries a proper name
    and shares no word with the source subject, and the source subject is not a stand-in
    ("the company", "it"). Where both subjects carry names (in the head or an apposition,
    not under a preposition or in a relative clause), the names decide, not the
    descriptions around them: "The
    festival's main sponsor, the Halbrook Building Society" did not do what "The Quarry
    Lane Brewery, one of the festival's smaller sponsors" did; nor does a word of their
    field make two names of bodies one when they open differently and neither holds the
    other ("the Kellan Vale Rowing Club" and "the Eastbrook Rowing Association").
Why it matters:
    "The city council approved the policy" and "the school board approved the policy" are
    different facts about who decided.
    A source that describes the actor ("the operator", "early estimates") or introduces it
    by its kind ("A Tessarine Launch Systems rocket") leaves the derived text free to name
    it, unless the derived actor is another kind of body ("the school board" and "the
    Lindqvist city council").
    A description in the source that its article uses for one named body ("the board" for
    "the Tarnby Health Board") stands for that body: another named party in its place is
    flagged ("Holm Laundry has suspended deliveries" for "the board has suspended deliveries");
    so is a named body of another kind than the description ("Vellhaven Police are seeking
    the footage" for "the licensing board is seeking the footage": both heads in
    non_person_heads.txt, neither a kind any company is called), when no word of that name
    stands in the source sentence, the two before it or the one after. A source "it" or
    "they" in a body's own report ("The Students' Union said it intends to survey all
    students") is that body, and so is a body the article names in full and then by its
    first words alone ("Orrin Freight Group ... Orrin said it would"): another named body in
    its place is flagged, unless a word of its name stands in that sentence or the one
    before (the thing "it" may stand for), the speaker is a person, or the derived text
    gives the report to another speaker. A source "the company" after a sentence that names one
    business, and one only, as its actor or speaker ("Orwen Dredging said it had won the
    tender. The company built the Lune lock"), or an "it" after a sentence whose body
    already speaks of itself as "it", is that body: another body the sources name in its
    place is flagged, unless a word of its name stands in those two sentences. A derived
    description of a person ("The Rivergate Rovers manager") is the source actor named by a bare
    name ("Verhoef") when a source sentence gives that name the description's head word as
    its title or in its apposition ("team manager Lotte Verhoef"); a source actor
    introduced by its kind and placed ("A beekeeper from the hamlet of Ostley") may be
    named, though not by someone the sources describe otherwise ("The verger, Paul Amis").
    A derived actor named by a kind of body alone ("Police", "the regional council":
    non_person_heads.txt) where the source gives the deed to a named body of another kind
    ("the Fellgate Mine Inspectorate") with no word of that kind in its sentence (the
    speaker's own description aside: "two council officers said") is flagged too; a deed
    with no object is compared by the words after its verb, and against a public body
    (public_body_heads.txt) a name the article gives in full before by its first words
    ("Pellbrook Care" of "Pellbrook Care Homes"). Where both are public institutions
    (public_body_heads.txt), a derived "Police" for the source's "the council's wardens"
    (the people of another institution, by its possessive) is flagged, and a derived named
    council for the source's bare "Police" though a sentence before names the council as the
    speaker of another claim (only the source sentence itself may name it; "Hallowby
    Police" there names the police, not the council that shares its place word).
    A derived stand-in that the derived text itself names just before ("The agency will
    analyse the tins" after "The Coastal Food Agency said") is that named body
    (``descriptions.named_in_derived``), and a name that ends in a stand-in word ("the
    Coastal Food Agency") is a name; a one-word source actor the tagger misses at the start
    of its sentence is a name when the sources write it capitalised after a lower-case word
    ("the tin maker Pellcastle") and WordNet has no noun of it.
Known false positives:
    A body named by its full name in one text and by a descriptive title in the other ("the
    regulator" and "Ofwat") when the title is not among the stand-ins; a description that
    the source uses for two bodies when its article writes only one of their names in full;
    a reporting body's "it" that stands for a thing it reports on ("the union said it
    [the strike] would begin on Monday") against a derived body beginning it; an "it" or
    "the company" that reaches back past the sentence before to another body; a person who
    shares a surname with a body the article names ("Ada Orrin" and "Orrin Freight Group")
    read as that body. Known misses:
    a firm the sentence before names by a name the tagger does not read as an organisation
    and that ends in no body's word ("Gridline Power"); the derived actor named elsewhere
    in the same source sentence.
Examples:
    Source: The school board approved the policy on Tuesday.
    Flag: The Lindqvist city council approved the policy on Tuesday.
    Okay: The Lindqvist school board approved the policy on Tuesday.
"""

from __future__ import annotations

import re

from checker.actor_deeds import deed_keys, same_deed_words, share_a_noun
from checker.affiliation import affiliated
from checker.align import key, text_keys
from checker.descriptions import described_in, lede_kind, named_in_derived
from checker.source_phrase import NAME_RUN_RE, anaphoric, core
from checker.lexicon import shipped
from checker.names import acronym_of_source, norm_name
from checker.passive_agents import passive_agent_changed
from checker.party_kinds import one_kind, other_kind
from checker.rules.base import (Rule, before_preposition, evidence_of, is_claim_unit, make,
                                snippet)
from checker.stand_ins import (describes_person, named_near, named_otherwise, sentences_around,
                               short_for_body, speaker_meant, stand_in_meant)
from checker.subject_names import (BODY_HEADS, a_kind_of_thing, apposed_names, known_name,
                                   content_keys, names_someone, same_words, subject_names,
                                   told_of, two_bodies)

CODE, NAME, KIND, SEVERITY = "DE403", "actor-changed", "entity-changed", "error"
_DETERMINERS = shipped("determiners")


def _other_body(ctx, dc, s0: int, s1: int) -> bool:
    """The derived subject names a body the sources never name ("the Lindqvist city
    council" for "the school board"), not the name of the body the source describes ("Brevik
    Hydro" for "the operator", named elsewhere in the source)."""
    names = [e for e in dc.entities if e.start < s1 and s0 < e.end]
    return bool(names) and not any(e.norm in ctx.index.entity_norms
                                   or e.norm in ctx.index.text_lower for e in names)


def _stands_for_another(ctx, sc, dnames: set) -> str:
    """The source subject is a definite description of a body its article names once
    ("the board" in an article naming "the Tarnby Health Board"), and that name shares no
    word with the derived actor's ("Holm Laundry" did not suspend what the board suspended)."""
    phrase = sc.subject.split(",")[0].strip()
    art = ctx.doc_of.get(sc.doc_id)
    if art is None or len(phrase.split()) > 3 or not anaphoric(phrase):
        return ""
    named = described_in(art.text, phrase)
    if named == core(phrase).strip(" ,"):
        return ""  # no one name the description stands for
    if any(acronym_of_source(k, named.lower()) for k in dnames):
        return ""  # "THB" for "the Tarnby Health Board"
    return "" if text_keys(named) & dnames else named



def _another_kind(ctx, sc, derived_subject: str) -> str:
    """The source describes the actor as one kind of body ("the licensing board") and the
    derived text names, in its place, a body of another kind that the sources name
    ("Vellhaven Police"), by no word of its name in the source sentence, the two before it
    or the one after (in the sentence alone when both are public institutions,
    public_body_heads.txt: "Police" for a county council the sentence before names as the
    speaker of another claim): the description cannot stand for that name. Kinds any company may be
    called ("the operator", "the firm": corporate_nouns.txt) are no kind here."""
    phrase = core(sc.subject.split(",")[0]).strip(" ,").lower()
    words = re.findall(r"[a-z]+", phrase)
    mine = re.findall(r"[A-Za-z]+", derived_subject)
    if not words or not mine or not mine[-1][:1].isupper():
        return ""
    theirs, head = words[-1], mine[-1].lower()
    if not other_kind(theirs, derived_subject, ctx.source_text, ctx.wordnet, ctx.lexicon):
        return ""  # one kind ("the constabulary" for "Harwick Police"), or named as such
    name = norm_name(derived_subject)
    if name not in ctx.index.entity_norms and name not in ctx.index.text_lower:
        return ""  # a name the sources lack: DE401's
    public = ctx.lexicon.has("public_body_heads", theirs) and \
        ctx.lexicon.has("public_body_heads", head)  # (two public institutions, "Police" and
    # a county council: only the source sentence itself may name the one for the other)
    near = sc.sentence if public else " ".join(sentences_around(ctx, sc, before=2, after=1))
    near = re.sub(rf"(?:\b[A-Z][\w'’-]*\s+)+(?:{re.escape(theirs)}|"
                  rf"{re.escape(theirs.capitalize())})\b", "", near)
    # (not a word of the name of the source's own kind there: "according to Hallowby
    # Police" names the police, whatever place word it shares with the council)
    if any(re.search(rf"\b{re.escape(w)}\b", near) for w in derived_subject.split()
           if len(w) > 3 and w[:1].isupper()):
        return ""  # named by a word of its name in the sentence, the two before it or the
        # one after ("She ordered Brackenmoor to ..."): the description may stand for it
    return f"{'an' if theirs[0] in 'aeiou' else 'a'} {theirs}, not the {head}"


def check(ctx):
    """Yield a finding for each derived claim that gives a source action to another actor."""
    stand_ins = ctx.lexicon.words["stand_ins"]
    for dc in ctx.derived_claims:
        if not is_claim_unit(dc) or not dc.subject or not deed_keys(ctx, dc):
            continue
        moved = passive_agent_changed(ctx, dc)
        if moved is not None:
            sc, agent, doer = moved
            at = dc.start + dc.text.find(agent)
            yield make(RULE, dc, start=at, end=at + len(agent), text=agent, confidence=0.7,
                       evidence=[evidence_of(sc)],
                       message=(f'Says it was done by "{agent}"; the source says {doer} did it: '
                                f'"{snippet(sc.text, 70)}".'),
                       suggestion=f"Name the doer the source names ({doer}).")
            continue
        pos = dc.text.find(dc.subject)
        # a stand-in the derived text itself names ("The agency" after "The Coastal Food
        # Agency said"): that body's name is the actor's
        resolved = named_in_derived(ctx, dc) if pos >= 0 else ""
        last = dc.subject.split()[-1] if pos >= 0 else ""
        if pos < 0 or last.lower() in stand_ins and not resolved \
                and not (last[:1].isupper() and names_someone(dc)):
            continue  # (not a name ending in such a word: "the Coastal Food Agency"; but
            # "the Bramford company" is a stand-in still)
        # the subject's own phrase, up to a comma: a name in an apposition or a relative
        # clause ("The instrument, whose readings jumped on October 3,") is not the actor
        s0, s1 = dc.start + pos, dc.start + pos + len(dc.subject.split(",")[0])
        dnames = subject_names(dc, ctx.lexicon)
        if not dnames and not any(w.pos == "PROPN" and s0 <= w.start < s1 for w in dc.words):
            kind = None if last.lower() in stand_ins else _body_by_kind(ctx, dc)
            if kind is not None:
                yield kind
            if kind is not None or not resolved:
                continue
            dnames = {key(w) for w in re.findall(r"[A-Z][\w'’-]*", resolved)}
        if not any(w.pos == "PROPN" and s0 <= w.start < s1 for w in dc.words):
            s1 = dc.start + pos + len(dc.subject)  # the name stands in its apposition
        dsub, dobj = content_keys(ctx, dc.subject), deed_keys(ctx, dc)
        for sc in ctx.aligned(dc):
            if key(sc.predicate) != key(dc.predicate) or not sc.subject:
                continue
            sobj = deed_keys(ctx, sc)
            if dc.negated != sc.negated or not (dobj & sobj) or not dc.object and (
                    not same_deed_words(dobj, sobj)
                    or share_a_noun(dc, sc)):
                continue  # (with no object to compare, subjects sharing a noun, "the
                # crane lifting the bridge deck" and "the 90-metre crane, known as Big Ada")
            speaker = speaker_meant(ctx, sc)
            if speaker:
                if resolved and re.search(rf"\b{re.escape(dc.subject.split()[-1].lower())}\b",
                                          speaker.lower()):
                    continue  # "the agency" for "a press officer for the agency"
                if named_near(ctx, sc, dc.subject):
                    continue  # the derived actor is named just before: "it" may be it
                theirs = {key(re.sub(r"s?['’]s?$", "", w))
                          for w in re.findall(r"[\w'’]+", speaker)
                          if w[:1].isupper() and not any(
                              ctx.lexicon.has(role, w.lower())
                              for role in ("articles", "possessives", "determiners"))}
                if not dnames or theirs <= dnames or dnames <= theirs:
                    continue  # the speaker's name, in full or in part
                said = dc.attribution.source if dc.attribution is not None else ""
                if said and not theirs & {key(w) for w in re.findall(r"[\w'’]+", said)}:
                    continue  # another speaker's report: its "it" is not the source's
                yield _finding(dc, sc, s0, s1, f"that is, {speaker}")
                break
            ssub = content_keys(ctx, sc.subject)
            head = sc.subject.split()[-1].lower().strip(",.")
            snames = subject_names(sc, ctx.lexicon)
            if head in stand_ins:
                meant = stand_in_meant(ctx, sc)
                if meant and dnames and not text_keys(meant) & dnames \
                        and not _other_body(ctx, dc, s0, s1) \
                        and not named_near(ctx, sc, dc.subject):
                    yield _finding(dc, sc, s0, s1, f"that is, {meant}")
                    break
                continue
            if not ssub:
                continue
            known = known_name(ctx, sc)
            snames = snames or known
            if snames and (snames & apposed_names(dc)) - BODY_HEADS:
                continue  # the source's actor is named in the derived subject's apposition
                # ("Harl's member for roads, Ada Kerr," for "Kerr")
            if dnames and snames and snames <= BODY_HEADS and snames <= dnames \
                    and _kind_names_it(ctx, sc, dnames | dsub):
                continue  # a headline's "Union vows to fight" for the one union named
            if dnames and snames:
                if any(acronym_of_source(k, (resolved or dc.subject).lower())
                       for k in snames):
                    continue  # "The CCB" for "Consumer Communications Board", named so
                    # or called "the board" after it
                if (dnames & snames) - BODY_HEADS and not two_bodies(dc.subject, sc.subject):
                    continue  # one named actor, described differently around its name; not
                    # two of one kind ("the Kilbride Cooperative", "the Ferrow Cooperative")
                if same_words(dc.subject, sc.subject):
                    continue
            elif ssub & dsub:
                continue
            named = ""
            if (not (names_someone(sc) or known) or a_kind_of_thing(sc, ctx.lexicon)) \
                    and not _other_body(ctx, dc, s0, s1):
                named = _stands_for_another(ctx, sc, dnames or dsub) or \
                    _another_kind(ctx, sc, dc.subject.split(",")[0])
                if not named and a_kind_of_thing(sc, ctx.lexicon):
                    # "A beekeeper from Ostley" named: not as someone the sources describe
                    # otherwise ("The verger, Paul Amis")
                    kind = before_preposition(sc.subject.split(",")[0], ctx.lexicon).split()[-1]
                    other = named_otherwise(ctx, dc.subject.split(",")[0].strip(), kind.lower())
                    named = f"a {kind.lower()}, not the {other}" if other else ""
                if not named:
                    continue  # "the operator" named "Brevik Hydro": a description given its name
                if _its_officer_answers(ctx, dc, sc, named):
                    continue
            if not named and describes_person(ctx, dc.subject, sc):
                continue  # "The Rivergate Rovers manager" for "team manager Lotte Verhoef"
            aside = content_keys(ctx, sc.sentence) - content_keys(ctx, sc.object)
            if len(dsub & aside) * 2 >= len(dsub):
                continue  # the source sentence names the derived actor outside its object
                # (a dateline, an aside); as the object it would be a swap
            if _its_officer_answers(ctx, dc, sc, dc.subject.split(",")[0].strip(),
                                    person=sc.subject) or told_of(ctx, dc, dnames, sc) \
                    or lede_kind(ctx, before_preposition(sc.subject.split(",")[0],
                                                         ctx.lexicon).split()[-1].lower(),
                                 dc.subject.split(",")[0]):
                continue  # (the lede's "The owner of the region's biggest dam" named)
            yield _finding(dc, sc, s0, s1, named)
            break


def _kind_names_it(ctx, sc, dnames: set) -> bool:
    """The source claim's actor is a body by its kind alone, capitalised as a headline
    writes it ("Union vows to fight ..."), and the one body of that kind its article names
    ("the Harl Union of Dockers") is the derived actor. Known false positive: an article
    whose other body of the kind the name search does not find."""
    art = ctx.doc_of.get(sc.doc_id)
    kind = core(sc.subject).split()[-1] if sc.subject.split() else ""
    if art is None or not kind:
        return False
    # the capitalised runs holding the kind's word, besides the bare word itself, each cut
    # at a sentence's end ("... of Press Staff. The")
    runs = {re.sub(r"^The\s+", "", re.split(r"[.!?]\s", m.group())[0])
            for m in NAME_RUN_RE.finditer(art.text)}
    runs = {r for r in runs if kind.capitalize() in r.split()} - {kind.capitalize()}
    return len(runs) == 1 and \
        text_keys(runs.pop()) - _LINK_WORDS <= dnames | {kind.lower()}


_LINK_WORDS = frozenset({"of", "the", "and", "for"})  # inside a body's name


def _body_by_kind(ctx, dc):
    """A finding when the derived actor is a body named by its kind alone ("Police", "the
    council": non_person_heads.txt) and the closely aligned source claim, on the same verb
    and object (for a verb with neither, the same words after it: ``same_deed_words``), gives the
    deed to a named body of another kind ("the Fellgate Mine Inspectorate":
    ``party_kinds.other_kind``) with no word of that kind in its sentence but in the words
    of its speaker ("two council officers said ... that Pellbrook Homes had asked"); or,
    both public institutions (public_body_heads.txt), to the people of another one by its
    possessive ("Police will patrol the streets" for "the council's wardens will patrol
    them")."""
    words = [w for w in re.findall(r"[A-Za-z]+", dc.subject.split(",")[0])
             if w.lower() not in _DETERMINERS]
    if not 0 < len(words) <= 2 or not ctx.lexicon.has("non_person_heads", words[-1].lower()):
        return None
    kind = words[-1].lower()
    dobj = content_keys(ctx, dc.object)
    deed = deed_keys(ctx, dc)
    for sc in ctx.aligned(dc):
        if key(sc.predicate) != key(dc.predicate) or dc.negated != sc.negated:
            continue
        if not (sc.object and dobj & content_keys(ctx, sc.object)
                or not dc.object and not sc.object and deed
                and same_deed_words(deed, deed_keys(ctx, sc))):
            continue
        name = sc.subject.split(",")[0].strip()
        if re.search(rf"\b{kind}", _without_speaker(sc).lower()):
            continue
        if not subject_names(sc, ctx.lexicon):
            other = _public_owner(ctx, name, kind)
            pos = dc.text.find(dc.subject)
            if other and pos >= 0:  # "Police will patrol the streets" for "The council's
                # parking wardens will patrol them"
                s0 = dc.start + pos
                return _finding(dc, sc, s0, s0 + len(dc.subject.split(",")[0]),
                                f"the {other}'s, not the {kind}")
            continue
        full = ctx.lexicon.has("public_body_heads", kind) \
            and short_for_body(ctx, sc.doc_id, name) or name
        # ("Pellbrook Care" for the article's "Pellbrook Care Homes" against "the council";
        # not "Orrinford" for "Orrinford Athletic" against "the club": a club's name word)
        if other_kind(kind, full, ctx.source_text, ctx.wordnet, ctx.lexicon):
            pos = dc.text.find(dc.subject)
            s0 = dc.start + pos
            return _finding(dc, sc, s0, s0 + len(dc.subject.split(",")[0]),
                            f"{kind} is another kind of body")
    return None


def _public_owner(ctx, phrase: str, kind: str) -> str:
    """The public institution whose people or thing a source description names by its
    possessive ("the council's parking wardens": public_body_heads.txt), when it is
    another than ``kind``, the derived actor's, and no WordNet synonym of it; '' else."""
    m = re.search(r"\b([a-z]+)['’]s?\s+(?:[\w-]+\s+){0,2}[\w-]+$", phrase.lower())
    if m is None or not ctx.lexicon.has("public_body_heads", kind):
        return ""
    owner = m.group(1)
    if owner == kind or not ctx.lexicon.has("public_body_heads", owner) \
            or one_kind(owner, kind, ctx.lexicon):
        return ""  # ("the authority's wardens" for the council's: council_heads.txt)
    wn = ctx.wordnet
    if wn is not None and wn.available and (owner in wn.synonyms(kind, "noun")
                                            or kind in wn.synonyms(owner, "noun")):
        return ""
    return owner


def _without_speaker(sc) -> str:
    """The claim's sentence without the words of its speaker ("Two council officers said
    ... that X": the officers' employer is not an actor of X)."""
    att, text = sc.attribution, sc.sentence
    if att is None or not att.source:
        return text
    return text.replace(att.source, " ", 1)


def _its_officer_answers(ctx, dc, sc, body: str, person: str = "") -> bool:
    """The derived actor is a person the source ties to the body as its officer or voice
    ("Ruth Amadi, the trust's chief executive"), or the body where the source has its
    officer (``person``), and the deed is a word said or an answer ("denied any delay",
    "apologised", "disputed the count"): the body answers through its officer."""
    lex = ctx.lexicon
    if not any(lex.has(role, dc.predicate) for role in (
            "attribution_verbs", "answer_verbs", "challenges", "admission_verbs",
            *(("asking_verbs",) if person else ()))):
        return False
    if person:  # (a body's officer asking in its name: "the Trust's chief executive asked")
        words = re.findall(r"[A-Za-z]+", body)
        if not re.search(r"['’]s\b|,", person) or not words \
                or not lex.has("non_person_heads", words[-1].lower()):
            return False  # a party named bare ("Telvio reported ..."), no officer of one;
            # a person for the body ("The Rovers chair" for "Verhoef, 47,")
        mine = {key(w) for w in words}
        return affiliated(ctx, sc, body, person, sc.start) or any(
            key(w) in mine for w in re.findall(r"\b(\w+)['’]s\b", person))
        # ("Tom Lind, the trust's operations director," for the trust)
    person = dc.subject.split(",")[0].strip()
    return any(affiliated(ctx, sc, person, party, sc.start) for party in (body, sc.subject))


def _finding(dc, sc, s0: int, s1: int, named: str):
    deed = "it"
    if not dc.object:  # "called for the system to be paused": the words after the verb
        at = dc.text.find(dc.predicate_text, s1 - dc.start)
        deed = snippet(dc.text[at + len(dc.predicate_text):].strip(), 40) if at >= 0 else deed
    return make(RULE, dc, start=s0, end=s1,
                text=dc.subject, confidence=0.65, evidence=[evidence_of(sc)],
                message=(f'Says "{dc.subject}" {dc.predicate_text} {deed}; the source says '
                         f'"{sc.subject}"' + (f' ({named})' if named else '')
                         + f': "{sc.text[:70]}".'),
                suggestion=f'Name the actor as the source does ("{sc.subject}").')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "another actor did what the source says", check,
            __doc__)
