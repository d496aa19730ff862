"""Whether a word of a claim is a causal link when the connectives of the lexicon do not
settle it: a causative verb built as a cause ("helped drain the reservoirs", "sent shares
down"), an act or a thing that brings a change about ("Closing the bridge doubled journey
times", "was made worse by a flooded culvert"), "as", "over" and "with" giving a reason, and
a causal noun that names its cause; the links themselves are ``checker.extract.markers``'s."""

from __future__ import annotations

from checker.extract.common import SUBJ_DEPS
from checker.lexicon import shipped
from checker.numbers import CURRENCY_SIGNS, is_number_word
from checker.units import currency_codes


class LinkCueReader:
    """The causal-cue half of ``MarkerReader``: whether a verb, "as" or "over" links a cause
    to its effect (the links and scope words themselves are ``MarkerReader``'s)."""

    def _causes(self, verb, lemma: str) -> bool:
        """A causative verb built as a cause ("helped drain the reservoirs", "sent shares
        down", "driving a rise in evictions"; causatives.txt, change_words.txt)."""
        way = self.causatives.get(lemma)
        if lemma == "help" and _agent_act(verb, self.lex) and not self._helps_change(verb):
            return False  # "the county helped fund the hall": a party's part in an act, not
            # one fact causing another (not "helped lift sales", "helped ... by cutting")
        if lemma == "help" and self._sum_given_for(verb):
            return False  # "pledged £9,000 to help the choir move": what the sum is for, as
            # "towards the choir's removal" says, not one fact causing another
        if lemma == "help" and not self._purpose(verb) \
                and any(c.dep_ in ("xcomp", "ccomp", "advcl")
                        and c.lemma_.lower() in self.funding_verbs
                        and not any(p.dep_ == "prt" for p in c.children)
                        for c in verb.children):  # (not "helped the gamble pay off")
            return False  # "the mill whose rent helps fund the grants": a share of a
            # cost (funding_verbs.txt), whoever pays it ("agreed to help fund it"); not a
            # purpose clause ("trimmed the budget to help pay for new roofing")
        if way in ("verb", "object") and any(
                c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB" or
                c.dep_ in ("oprd", "acomp", "ccomp") and c.tag_ == "JJR" for c in verb.children):
            # a bare or "to" infinitive ("helped drain", "made it close", "led them to
            # leave"), or a comparative ("made the raid easier"), not "made X ill"
            return True
        if way == "object" and any(c.dep_ == "dobj" for c in verb.children):
            # the parser may hang the infinitive on the verb as a clause of its own, or the
            # verb on the infinitive ("has led his sponsor, the firm X, to review")
            return any(c.dep_ == "advcl" and c.tag_ == "VB" and _has_to(c)
                       for c in verb.children) or (
                verb.dep_ == "ccomp" and verb.head.tag_ == "VB" and verb.head.i > verb.i
                and _has_to(verb.head))
        if way == "reaction":
            # "broke ranks, rattled by the loss of a seat": a reason, not "a plan backed by"
            return verb.tag_ == "VBN" and verb.dep_ == "advcl" and any(
                c.dep_ == "agent" for c in verb.children)
        if way == "blow":
            # "Hit by a 9% drop in sales, the chain will ...": a blow from a change
            # (change_words.txt, or a figure); not a place "also hit by frost"
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            return verb.tag_ == "VBN" and verb.dep_ == "advcl" and agent is not None and any(
                t.lower_ in self.change_words or t.lemma_.lower() in self.change_words
                or t.like_num for t in agent.subtree)
        if lemma == "add" and _finite(verb) \
                and not any(c.dep_ == "dobj" for c in verb.children) and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(
                    p.dep_ == "pobj" and self.lex.has("burden_nouns", p.lemma_.lower())
                    for p in c.children) for c in verb.children):
            return True  # "the resurfacing added to the club's worries": a cause
            # of the trouble (burden_nouns.txt), told by a finite "added to" (not a
            # participle, "Added to the pressure of exams, ...", nor a sum: "added £2m to")
        if way == "result":
            # "retired in February, adding to the backlog", "..., fuelling fears of a strike":
            # a participle after a comma that closes the clause it hangs on gives that
            # clause's effect ("add" only with "to": not "adding that", a report)
            has_object = any(c.dep_ == "dobj" for c in verb.children)
            return verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") \
                and verb.i > verb.head.i and verb.doc[verb.i - 1].text == "," \
                and (any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
                     and not has_object if lemma == "add" else has_object)
            # (not "adding 14 clinics to its network", "adding £36 to each bill": a sum;
            # nor a verb with no object, which goes on with its subject: "deepening
            # sharply in April", "swelling to 20,000")
        if way == "loss":
            # "the overrun cost the director her job", "the row has cost the event sales": a
            # thing lost through the subject; not a price ("will cost taxpayers £4m")
            objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            if any(c.tag_ in ("WP", "WDT") for c in objects) or any(
                    c.dep_ in ("xcomp", "advcl") and _has_to(c) for c in verb.children):
                return False  # "what the hall costs to heat": a price
            return bool(objects) and not any(
                t.like_num or t.ent_type_ in ("MONEY", "CARDINAL", "PERCENT", "QUANTITY")
                or t.text in CURRENCY_SIGNS or currency_codes(t.lower_)
                or t.lower_ in ("much", "more", "less", "little", "nothing")
                for t in verb.subtree if t.i > verb.i)  # a count is left out: sources give
            # "will cost 1,100 jobs" as a party's forecast more often than as a cause
        if way != "change" or _agent_act(verb, self.lex):
            return False
        has_object = any(c.dep_ == "dobj" for c in verb.children)
        for c in verb.children:
            if c.lower_ in self.change_words and c.dep_ in ("prt", "advmod", "acomp", "oprd",
                                                            "xcomp", "amod", "prep"):
                return True
            if has_object and c.dep_ in ("prep", "advcl") and self._to_a_level(c):
                return True  # "pushed occupancy to 100 per cent"
            if c.dep_ in ("dobj", "npadvmod") and _second_object_level(verb, c):
                return True  # "pushed the wait up to 41 days, the longest ..."
            if c.dep_ == "dobj" and self._change_after_misread(verb, c):
                return True
            if c.dep_ == "dobj" and (c.lemma_.lower() in self.change_words or any(
                    g.lower_ in self.change_words and g.dep_ in ("advmod", "amod", "prt")
                    for g in c.children)):
                return True
        return False

    def _change_after_misread(self, verb, obj) -> bool:
        """The object's last noun read as a verb of its own right after it ("pushed staff
        sickness absence up to 8 per cent": "absence" joined to "pushed"), with no subject,
        and a change word right after that noun ("up")."""
        doc = verb.doc
        j = obj.i + 1
        if j + 1 >= len(doc):
            return False
        noun, nxt = doc[j], doc[j + 1]
        return noun.head.i == verb.i and noun.dep_ in ("conj", "advcl", "dep") \
            and noun.tag_.startswith("VB") and not any(g.dep_ in SUBJ_DEPS for g in noun.children) \
            and nxt.lower_ in self.change_words and nxt.dep_ in ("prt", "advmod", "quantmod")

    def _purpose_of_leaving(self, verb):
        """The "to" of a purpose on a verb of leaving ("quit the ministry in June to start
        up the firm", "resigned to run for office": departure_verbs.txt), or None; not where
        the leaving lets people do something ("left residents to cope": a person or people
        for object)."""
        particles = self.departures.get(verb.lemma_.lower())
        if particles is None or particles and not any(
                c.dep_ in ("prt", "advmod") and c.lower_ in particles for c in verb.children):
            return None  # ("stepped down to run"; not "stepped up its output to cover")
        if any(c.dep_ == "dobj" and (c.pos_ in ("PRON", "PROPN") or c.ent_type_ == "PERSON"
                                     or self.lex.has("people_nouns", c.lemma_.lower()))
               for c in verb.children):
            return None
        for c in verb.children:
            if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" and c.i > verb.i:
                to = next((x for x in c.children if x.dep_ == "aux" and x.lower_ == "to"), None)
                if to is not None:
                    return to
        return None

    def _purpose(self, verb) -> bool:
        """A "to help" clause that gives the purpose of another deed: an adverbial clause
        ("trimmed the budget to help pay for roofing"), or one after a passive ("the levy was
        raised to help pay for roofing"; not a verb of putting money to a use, "was used to
        help fund": funding_verbs.txt)."""
        if not _has_to(verb):
            return False
        head = verb.head
        return verb.dep_ == "advcl" or verb.dep_ == "xcomp" and head.tag_ == "VBN" and any(
            c.dep_ == "auxpass" for c in head.children) \
            and head.lemma_.lower() not in self.spending_verbs

    def _sum_given_for(self, verb) -> bool:
        """A "to help" clause on a verb of handing a sum over (funding_verbs.txt, "give")
        whose object, or passive subject, holds a sum ("has pledged £9,000 to help the choir
        move", "a grant of £4,000 was awarded to help it buy nets"), or on a verb of asking
        for one (marked "seek") with the sum its object or after "for" ("applied for £40,000
        to help repair the hall"): the sum's use. Known miss: a use the source never gives
        the sum."""
        head = verb.head
        if not _has_to(verb) or verb.dep_ not in ("advcl", "xcomp") or head is verb:
            return False
        lemma = head.lemma_.lower()
        if lemma in self.giving_verbs:
            holders = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        elif lemma in self.seeking_verbs:
            holders = [c for c in head.children if c.dep_ == "dobj"] + [
                p for c in head.children if c.dep_ == "prep" and c.lower_ == "for"
                for p in c.children if p.dep_ == "pobj"]
        else:
            return False
        return any(_money(t) for c in holders for t in c.subtree)

    def _helps_change(self, verb) -> bool:
        """ "helped" brings about a change ("helped lift sales": a verb of change_words.txt
        or effect_verbs.txt) or gives its means ("helped ... by cutting prices")."""
        for c in verb.children:
            low = c.lemma_.lower()
            if c.dep_ in ("xcomp", "ccomp") and (low in self.change_words
                                                 or low in self.effect_verbs):
                return True
        return any(t.lower_ == "by" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].tag_ == "VBG"
                   for t in verb.subtree)

    def _act_causes(self, verb, lemma: str) -> bool:
        """An act as the subject of a verb of change ("Replacing its contractor cut incidents
        to two", "Closing the bridge doubled journey times": effect_verbs.txt): the act is
        the cause of the change; the parser may make the gerund that opens the sentence its
        root and the verb of change its auxiliary), and so is a change named by its noun with
        what it changed ("The rise in fees has thinned the waiting list": ``_change_causes``).
        Also a thing as the agent of the verb in the
        passive ("was made worse by a flooded culvert")."""
        if lemma not in self.effect_verbs:
            return False
        if any(c.dep_ == "csubj" and c.tag_ == "VBG" for c in verb.children):
            return True
        if self._change_causes(verb):
            return True
        if _thing_as_agent(verb) is not None:
            return True  # "Traffic was worsened by a flooded culvert"
        doc, first = verb.doc, verb.sent.start
        return doc[first].tag_ == "VBG" and verb.tag_ in ("VBD", "VBZ", "VBP") \
            and first < verb.i and not any(doc[k].dep_ in ("nsubj", "nsubjpass")
                                           for k in range(first, verb.i))

    def _change_causes(self, verb) -> bool:
        """A change named by its noun (change_words.txt) with what changed after "in" or
        "of" as the subject of a verb of change with an object of its own ("The 20p rise in
        parking charges has cut gym visits"): the one change given as the cause of the
        other. Not a change that moves what it is a change of ("The 5p increase raises the
        price"; no "in" or "of" after it), nor a verb with no object ("The rise in
        inflation eased to 3 per cent")."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"
                     and c.lemma_.lower() in self.change_words), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if subj is None or obj is None or any(
                t.like_num or t.ent_type_ == "MONEY"
                for t in [obj, *(x for left in obj.children if left.i < obj.i
                                  for x in left.subtree)]):
            return False  # (nor a sum it brings in: "the rise in fees will raise £4m")
        what = [p for c in subj.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"
                and not p.ent_type_]
        if not what:
            return False
        changed = {t.lemma_.lower() for p in what for t in p.subtree if t.pos_ == "NOUN"}
        return not changed & {t.lemma_.lower() for t in obj.subtree if t.pos_ == "NOUN"}

    def _over_reason(self, prep) -> bool:
        """ "over" giving the reason for leaving, a protest or a dispute ("resigned over the
        delays", "walked out over pay": over_reason_verbs.txt); not a time, a figure or a
        place ("left over the weekend", "struck over two days", "left over the border")."""
        verb = prep.head
        if prep.dep_ != "prep" or verb.pos_ != "VERB" or \
                verb.lemma_.lower() not in self.over_reasons:
            return False
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        return obj is not None and obj.pos_ in ("NOUN", "PROPN") and not any(
            t.like_num or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY",
                                          "PERCENT", "GPE", "LOC", "FAC")
            or t.lower_ in self.period_pointers for t in obj.subtree)

    def _as_reason(self, mark) -> bool:
        """ "as" joining a clause with a subject of its own to a rise or a fall ("prices fell
        9 per cent as salvaged wood flooded the market"), or a state that holds now to a
        deed in the past (``_state_beside_past``): the reason, in a news report; not "as
        expected", nor "as" beside any other verb ("as the ferry docked")."""
        clause = mark.head
        if mark.dep_ != "mark" or clause.dep_ != "advcl" or clause.i < mark.i:
            return False
        main = clause.head
        verb = clause.lemma_.lower()
        if verb == "do" or verb in self.judging or verb in self.report_verbs:
            return False  # "as economists had predicted", "as they did in Essby": a likeness
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            return False
        return main.pos_ == "VERB" and main.lemma_.lower() in self.change_words \
            or _state_beside_past(main, clause)

    def _to_a_level(self, child) -> bool:
        """A phrase that takes something to a level ("to 100 per cent", "to a record"); "into
        administration" is left out with "into a lay-by" (a place); "towards" is a direction
        word of change_words.txt ("pushed the trust towards closure")."""
        words = list(child.subtree)
        if words[0].lower_ != "to" or any(w.ent_type_ in ("DATE", "TIME") for w in words):
            return False  # "pushed the start to March 2029": a date moved, not a level
        return any((w.like_num and not (w.i > 0 and w.doc[w.i - 1].pos_ == "PROPN"))
                   or w.lower_ in ("record", "high", "low") or w.lower_ in self.change_words
                   for w in words[1:])  # not "drove them to Terminal 2": a name's number


def _state_beside_past(main, clause) -> bool:
    """An "as" clause of a state in the present perfect ("has been without a lift", "has
    been shut since May") on a main verb in the simple past ("queued for an hour, as the
    only ticket office has been shut since May"): the tenses part, so "as" cannot mean
    "while" and gives a reason. The copula needs a complement of its own, not a time alone
    ("was 2 per cent in June, as it has been since March" is a likeness). Not a deed in
    the present or the present perfect ("..., as the trust audits the tool", "as a petition
    has demanded"): news sets those beside a past event as a time or a likeness. Known
    false positive: a likeness with a complement ("was late, as it has been late every
    winter")."""
    if main.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in main.children):
        return False
    if not any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
               for c in clause.children):
        return False
    if clause.lemma_ == "be":
        return any(c.dep_ in ("attr", "acomp", "advmod", "oprd")
                   and c.ent_type_ not in ("DATE", "TIME") for c in clause.children)
    return clause.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in clause.children)


def _second_object_level(verb, obj) -> bool:
    """A second object of the verb that is a level the first is taken to ("pushed the wait
    up to 41 days", parsed with "up to" on the figure): "up" or "down", then "to", then a
    figure, after another object of the verb."""
    words = list(obj.subtree)
    return len(words) > 2 and words[0].lower_ in ("up", "down") and words[1].lower_ == "to" \
        and any(w.like_num for w in words[2:]) \
        and any(c.dep_ == "dobj" and c.i < obj.i for c in verb.children)


def _joined(tokens) -> str:
    """The tokens' words as the text writes them ("the board's budget", "6%"), a space
    where the list skips a token."""
    out = []
    for t, nxt in zip(tokens, [*tokens[1:], None]):
        tight = nxt is not None and nxt.i == t.i + 1 and nxt.idx == t.idx + len(t.text)
        out.append(t.text + ("" if tight else " "))
    return "".join(out).strip()


def _finite(verb) -> bool:
    """The verb is finite: a present or past form, or a past participle with an auxiliary
    or as the sentence's own verb (the tagger's reading of "X, due in July, added to ...");
    not a participle that opens or closes a clause ("Added to the pressure of exams, ...")."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and (
        verb.dep_ in ("ROOT", "conj", "dep") and verb.i > verb.sent.start
        or any(c.dep_ == "aux" for c in verb.children))


def _agent_act(verb, lexicon) -> bool:
    """A verb of change or of helping whose doer is a party acting on what it controls, not an
    event that brings the change about: a subject the tagger names a body or a person, a
    person's pronoun or a body's noun (public_body_heads.txt: "Harlow Ferries pushed fares up",
    "she pushed fares up", "the council helped fund it"; "it" for a party that says it
    will, "a trust says it will help pay for it"; not "which", "it", a
    named storm or festival), or none, in an infinitive of a noun or of a verb of trying or
    planning ("permission to push rents up", "wants to push rents up": attempts.txt)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:  # "permission to push", "wants to push": a noun's or a will's
        return verb.tag_ == "VB" and _has_to(verb) and (
            verb.dep_ == "acl" and verb.head.pos_ == "NOUN"
            or verb.dep_ == "xcomp" and lexicon.has("attempts", verb.head.lemma_.lower()))
    return subject.ent_type_ in ("ORG", "PERSON", "NORP") \
        or lexicon.has("pronouns_person", subject.lower_) \
        or lexicon.has("public_body_heads", subject.lower_) \
        or _speaker_itself(verb, subject, lexicon)  # "the court", "the council"; not
    # "which" or "it": an event may


def _speaker_itself(verb, subject, lexicon) -> bool:
    """"it" or "they" as the subject of what a party says of itself ("A charity says it will
    help fund the challenge"): the speaker, a noun, not an event; "it" only of a speaker
    in the singular."""
    if subject.lower_ not in ("it", "they", "we"):
        return False
    head = verb
    while head.dep_ in ("xcomp", "conj") and head.head is not head:
        head = head.head
    if head.dep_ != "ccomp" or not lexicon.has("attribution_verbs", head.head.lemma_.lower()):
        return False
    speaker = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    return speaker is not None and speaker.pos_ in ("NOUN", "PROPN") and not (
        subject.lower_ == "it" and speaker.tag_ in ("NNS", "NNPS") and not _of_a_body(speaker))
    # ("Growers say it has pushed prices up": "it" is no plural speaker; "Managers at Harlow
    # Ferries said it would push fares up": it is their body)


def _of_a_body(speaker) -> bool:
    """A plural speaker tied to a named body by a preposition ("managers at Harlow Ferries",
    "officials of the Tarn Trust")."""
    return any(c.dep_ == "prep" and c.lower_ in ("at", "of", "for", "from")
               and any(g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ == "ORG")
                       for g in c.children) for c in speaker.children)


_DEGREE = shipped("degree_adverbs")


def _agent_after_adverb(tokens, phrase) -> tuple[int, int] | None:
    """(first, last) index of a passive verb and its "by" with a degree between them ("was
    prompted partly by", "was caused largely by", "driven in part by": degree_adverbs.txt,
    of one or two words), for a causal phrase of a verb, its particle if any ("brought on
    by") and "by"; None when there is none."""
    if len(phrase) not in (2, 3) or phrase[-1] != "by":
        return None
    verb = phrase[:-1]
    for i in range(len(tokens) - len(verb)):
        t = tokens[i]
        if verb[0] not in (t.lower_, t.lemma_.lower()) or any(
                tokens[i + j].lower_ != w for j, w in enumerate(verb[1:], 1)):
            continue
        j = i + len(verb)
        for width in (1, 2):
            between = tokens[j:j + width]
            if j + width < len(tokens) and tokens[j + width].lower_ == "by" \
                    and " ".join(x.lower_ for x in between) in _DEGREE \
                    and tokens[j + width].i == t.i + len(verb) + width:
                return i, j + width
    return None


def _has_to(verb) -> bool:
    """An infinitive with its "to"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _names_a_cause(noun) -> bool:
    """A causal noun ("cause", "trigger", "spur") links two facts only when a sentence says
    what the cause is: the subject or the attribute of "be" ("The cause was a burst pipe",
    "A burst pipe was the cause"). "The cause has not been established" and "officials are
    looking for the cause" name no cause."""
    head = noun.head
    if head is noun or head.lemma_.lower() != "be":
        return False
    # the subject of "be" with a noun after it ("The cause was a burst pipe"), not "The
    # cause is still under investigation"
    return noun.dep_ == "attr" or (noun.dep_ == "nsubj"
                                   and any(c.dep_ == "attr" for c in head.children))


def _absolute_with(word, change_words, lexicon=None) -> bool:
    """ "With" opening a sentence, or a clause after ", and", on a clause of change of its
    own ("With sales falling short, the owner moved to cut jobs"; "rising", "dropping":
    change_words.txt), or on any clause with a subject before a main clause of change ("...,
    and with its sensors keeping cars away, trams became faster": a verb
    of change or a comparative): the state it sets is read as the reason for the main
    clause, as "because sales fell" would be. Not "with" before a plain noun ("With 140
    staff, the studio ..."), nor a circumstance of a main clause that changes nothing
    ("With residents watching, the council voted"). Also "With" opening a sentence on a
    trouble still to meet ("With a £40,000 shortfall to cover, the trust sold two paintings":
    burden_nouns.txt, with an infinitive of its own): the need read as the reason (not "With
    two games to play, the club leads", nor a count of the noun: "With one hole to play",
    "With a ten-point gap to close", a circumstance of a contest; a sum is no count)."""
    doc = word.doc
    opens = word.i == word.sent.start or (
        word.i >= 2 and doc[word.i - 1].lower_ == "and" and doc[word.i - 2].text == ",")
    if word.dep_ != "prep" or not opens:
        return False
    if lexicon is not None and word.i == word.sent.start and any(
            c.dep_ == "pobj" and lexicon.has("burden_nouns", c.lemma_.lower())
            and not _counted(c) and any(g.dep_ in ("relcl", "acl") and g.tag_ == "VB"
                                        and _has_to(g) for g in c.children)
            for c in word.children):
        return True  # "With a shortfall to cover, ...": the need given as the reason
    main = word.head
    changed = main.lemma_.lower() in change_words or any(
        c.dep_ in ("acomp", "oprd") and c.tag_ == "JJR" for c in main.children)
    for c in word.children:
        verbs = [c] if c.dep_ == "pcomp" and c.tag_ == "VBG" and any(
            g.dep_ in ("nsubj", "nsubjpass") for g in c.children) else [
            g for g in c.children if c.dep_ == "pobj" and g.dep_ == "acl"
            and g.tag_ == "VBG" and g.i > c.i]  # the parse of "With X falling by Y"
        if any(v.lemma_.lower() in change_words for v in verbs) or verbs and changed:
            return True
    return False


def _money(tok) -> bool:
    """A token of a sum: tagged money, or a currency sign."""
    return tok.ent_type_ == "MONEY" or tok.text in CURRENCY_SIGNS


def _counted(noun) -> bool:
    """A number before the noun, outside a sum ("one hole", "a ten-point gap"; not "a
    £40,000 shortfall")."""
    before = [t for t in noun.subtree if t.i < noun.i]
    return any(t.like_num or any(ch.isdigit() for ch in t.text)
               or is_number_word(t.lower_.split("-")[0]) for t in before) \
        and not any(_money(t) for t in before)


def _thing_as_agent(verb):
    """The "by" of a passive verb or a participle on a noun whose agent is a common noun with
    no figure, name or pronoun in its phrase ("was made worse by a flooded culvert", "a drop
    deepened by the news"; not "were cut by a tenth",
    "were raised by Harl Foods", "by them"): a thing that brought the change about; else
    None. Known false positive: a body named by a common noun ("were raised by the
    board"), which the sources' own telling of the deed usually supports."""
    if not any(c.dep_ == "auxpass" for c in verb.children) \
            and not (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        return None  # (a participle on a noun is passive too: "a drop deepened by the news")
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    noun = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if noun is None or noun.tag_ not in ("NN", "NNS"):
        return None
    doc = noun.doc  # the noun and the words before it: "a flooded culvert" (in a named place)
    if any(t.like_num or t.pos_ in ("PROPN", "PRON") or t.ent_type_
           for t in (doc[i] for i in range(noun.left_edge.i, noun.i + 1))):
        return None
    return agent
