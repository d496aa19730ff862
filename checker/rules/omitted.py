"""DO901 omitted-claim: the other side's answer or a key caveat is missing from the derived text.

What it flags:
    A source sentence that answers or qualifies a part of the story the derived text tells, when
    the derived text carries nothing aligned with it. Answers: a party denies, disputes or
    rejects a claim (answer_verbs.txt, with answer_objects.txt for "rejected the criticism"),
    declines to grant one ("we do not accept that the plant is the source": an admission
    verb negated, with a "that" clause; not "did not confirm"), or a named party opens a paragraph right after a challenge to it (a charge, a fine, a
    complaint, a fear: challenges.txt, or another voice's denial), takes up what was said
    there (two of its content words, by stem or a WordNet derivation: "its failure to report
    the payments" after "failing to report suspicious payments") and the text names that
    party. Caveats: an outside expert (expert_nouns.txt) cautions or warns (caveat_verbs.txt),
    or a clause opens with a concessive and states a limitation ("but the trial was small":
    concessives.txt, limitations.txt). The finding cites the answer with the rest of its
    paragraph and says where the source gives it (every source that gives the same party's
    answer, when two outlets do; also one whose passage the derived text does not tell, once
    another source's answer is found missing). Ordinary facts a summary may drop are never
    reported; "did not respond to a request for comment" is no answer. By default answers
    and replies are reported, caveats only when the configuration's ``omissions`` names
    them: on the development suite (360 stories, 2026-12-06) caveats were right in 1 of 25
    findings, against 259 of 562 for answers (replies: 1 of 70 there, but the one a
    real summary drops in the seed corpus; see Known false positives). Caveats are still
    read, as the parties they name decide what counts as a kept answer. What the text must
    tell for each to be missed (a claim the text tells is a support of one of its claims
    that itself scores the alignment threshold, not a weaker second one): for an answer, a
    claim of the two paragraphs before it that
    the answer takes up (a content word shared with the answer's paragraph, by stem or a
    WordNet derivation: "close" and "closure"), or the claim right before it, and where the
    answer stands in mid-paragraph after a claim it takes up, that claim (the charge), and
    where it opens its paragraph, a claim of the paragraph before that shares a word's stem
    with it, or, for a bare answer with no word of its own ("Harwick denied the claim."), a
    claim of the paragraph before that challenges the party (in the plural, "rejected the
    claims", it answers every charge before it: any claim of the context will do; known
    miss: a text that tells the charge only as another paragraph words it); an answer
    the parse gives to a document ("the survey documents ... dismissed claims") is its
    speaker's;
    for a concessive limitation, a claim of its own sentence or of the sentence before it
    in its paragraph; for an expert's caution, a claim of the three paragraphs before it. A reply
    is a party's (not "two people who know of the talks") to a charge against it, not to
    one it makes ("the regulator fined the bank" challenges the bank, not the regulator). A
    denial counts as kept wherever a derived sentence names the party beside an answer verb
    used as a verb, however the parse read it ("a figure Brennan Foods disputes", "a charge
    the company rejects"), or has a form of an answer verb after a pronoun ("...; it
    disputed that"); another party's answer verb ("the losing bidder may challenge the award") does
    not keep it. The answer's own claim, and a denial in its paragraph ("was never
    designated as allotment land"), count as kept only by a derived claim that answers or
    denies, negates the same word, or has the party as its subject: "Kral has filed a claim
    against Orrin & Vale" holds the words of "Orrin & Vale denied the claims" and none
    of its denial. The accuser's voice after the answer ("Lund said her committee would
    call Aske") and a claim inside the answering party's description are no part of it.
    An answer verb that needs an object counts with one that points back ("Dalby's chief
    executive rejected that") right after a sentence that charges the party by name, or,
    opening its paragraph, after a paragraph with such a sentence ("X's director blamed
    software supplied by Tremont. '...,' she said. // Tremont rejected that.").
Why it matters:
    Telling the accusation without the accused party's answer, or a finding without the caveat
    an expert put on it, makes a faithful-looking summary one-sided.
Known false positives:
    A text meant to cover one side or one aspect only; an answer rendered in words that share
    no content word, denial verb or caveat verb with the source ("brushed off the claims"); a
    party statement after a challenge that is not a reply to it but shares two of its words
    (on the development suite a party's statement after a challenge was a dropped answer in
    none of 66 findings before the shared-words test, which removed 47 of them);
    an outside analyst's concessive remark on something other than a finding ("but the small
    towns ..." is excluded only when the limitation word sits in the subject). On the
    development suite, requiring the text to tell what an answer takes up removed 30 of 51
    answer findings that were not the planted omission and 2 of 33 that were. It misses, rather
    than flags: an answer counted as kept because the text carries another party's denial, or
    one whose party the text gives a voice on the same matter (a former member of it is no
    voice of it: "a former agency engineer"; its own announcement told before the charge
    is no answer to it); a reply in mid-paragraph; a reply that takes up
    the charge in one word or none ("The bank called it a historic problem").
Examples:
    Source: Pelham Bank was fined £3 million for failing to report suspicious payments. The bank denied that it had ignored any warnings.
    Flag: Pelham Bank was fined £3 million for failing to report suspicious payments.
    Okay: Pelham Bank, which denies ignoring warnings, was fined £3 million for failing to report suspicious payments.
"""

from __future__ import annotations

import re

from checker.align import text_keys
from checker.answer_kept import kept, named_party, told_matter
from checker.answers import Salient, name_runs, one_party, salient_claims
from checker.claim_roles import party_keys
from checker.records import Evidence, Finding
from checker.rules.base import Rule, snippet

CODE, NAME, KIND, SEVERITY = "DO901", "omitted-claim", "omitted-claim", "warning"


def _short_form(a: frozenset, b: frozenset) -> bool:
    """One party's name is the other's first word alone ("Brackley" for "Brackley
    Partners"); "Corner Bakery" and "Corner Bakery Trust" are two bodies."""
    short, full = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) == 1 and short < full


def _where(ctx, item: Salient) -> str:
    art = ctx.doc_of.get(item.block[0].doc)
    if art is None:
        return item.block[0].doc
    line, _col = art.line_col(art.raw_span(item.block[0].start, item.block[0].end)[0])
    return f"{art.doc_id}, line {line}"


def check(ctx):
    """Yield a finding for each answer or caveat of the sources the derived text leaves out."""
    derived = tuple(ctx.derived_claims)
    if not derived:
        return
    told = {i for al in ctx.alignments.values() if al.score >= ctx.config.support_threshold
            for i in al.support}
    best = {al.support[0] for al in ctx.alignments.values()
            if al.support and al.score >= ctx.config.support_threshold}
    # a part of the story the text tells: a support that itself scores the threshold, not a
    # weaker second support that only adds a word or two
    shown = best | {i for al in ctx.alignments.values() if al.score >= ctx.config.support_threshold
                    for i, s in zip(al.support, al.scores) if s >= ctx.config.support_threshold}
    low_keys = text_keys(ctx.derived.text)
    seen: dict = {}  # tag -> the items of one party's answer (or caveat) across sources
    found = []  # those lists, one per answer or caveat left out, in source order
    docs_of: dict = {}  # tag -> the source document it was first met in
    para_of: dict = {}  # tag -> (document, paragraph) it was first met in
    runs_of: dict = {}  # tag -> the name runs of its party (answers.name_runs)
    further: dict = {}  # tag -> the party's later answer in the same source, cited too
    untold: dict = {}  # tag -> items passed over for their context: the same answer as
    # another source gives it, cited beside the one found
    for item in salient_claims(ctx):
        if item.kind not in ctx.config.omissions:
            continue  # read, for the parties they name, but not reported (the configuration's
            # ``omissions``: answers and replies by default)
        mine = party_keys(named_party(ctx, item))
        tag = (item.kind == "caveat", frozenset(mine) or item.trigger.id)
        # the same party by a shorter name in another outlet ("Brackley", "Brackley Partners")
        doc = item.trigger.doc_id
        tag = next((t for t, d in docs_of.items() if d != doc and t[0] == tag[0] and mine
                    and isinstance(t[1], frozenset) and _short_form(t[1], mine)), tag)
        # one party's answer over two sentences of a paragraph ("Ilse Marwick denied it.
        # '... we reject any suggestion ...,' she said") is one answer; a run of one
        # name within the other's, as two parties share a word ("Selby Council", "Selby Town")
        here = (doc, item.block[0].para)
        runs = name_runs(named_party(ctx, item))
        tag = next((t for t, p in para_of.items() if p == here and t[0] == tag[0] and mine
                    and isinstance(t[1], frozenset) and one_party(runs_of[t], runs)), tag)
        runs_of.setdefault(tag, runs)
        docs_of.setdefault(tag, doc)
        para_of.setdefault(tag, here)
        if not any(c.id in shown for c in item.context) or (
                item.kind == "answer" and not told_matter(ctx, item, told, mine, best)):
            # the derived text does not tell the part of the story this belongs to, nor
            # what the answer takes up
            untold.setdefault(tag, []).append(item)
            continue
        if item.kind == "reply" and not (mine & low_keys):
            continue
        if tag in seen:
            if seen[tag] and item.block[0].doc != seen[tag][0].block[0].doc:
                seen[tag].append(item)  # the same party's answer as another source gives it
            elif seen[tag] and item.block[-1].end > seen[tag][0].block[-1].end \
                    and not kept(ctx, item, derived, best):
                further.setdefault(tag, item)  # its next answer in the source, past the
                # sentences cited and left out too: cited beside the first
            continue
        if kept(ctx, item, derived, best):
            seen[tag] = []
            continue
        seen[tag] = [item]
        found.append((tag, seen[tag]))
    for tag, group in found:
        docs = {it.block[0].doc for it in group}
        for other in untold.get(tag, ()):
            if other.block[0].doc not in docs and not kept(ctx, other, derived, best):
                group.append(other)
                docs.add(other.block[0].doc)
    per_source: dict[str, int] = {}
    for tag, group in found:
        item = group[0]
        # Judged per source: an unrelated second source cannot push out the first's omissions.
        doc = item.block[0].doc
        per_source[doc] = per_source.get(doc, 0) + 1
        if per_source[doc] > ctx.config.max_omissions:
            continue
        if tag in further:
            group = [item, further[tag], *group[1:]]
        evidence = [_block_evidence(ctx, it) for it in group]
        text = evidence[0].text
        who = snippet(re.sub(r"^The (?=[a-z])", "the ", item.party or ""), 40) \
            or "the source"  # ("The service" mid-sentence; not "The Guardian")
        what = (f"the caveat {who} puts on what it reports" if item.kind == "caveat" else
                f"the answer of {who} to what it reports")
        where = "; ".join(_where(ctx, it) for it in group)
        yield Finding(
            kind=KIND, code=CODE, name=NAME, severity=SEVERITY,
            message=(f'Leaves out {what} ({where}): "{snippet(text, 100)}"; '
                     f"without it the text reads one-sided."),
            confidence={"answer": 0.8, "caveat": 0.7, "reply": 0.6}[item.kind],
            doc_id=ctx.derived.doc_id, start=0, end=0, text="",
            evidence=tuple(evidence),
            suggestion="Add the answer or caveat in a sentence, with who gives it.")


def _block_evidence(ctx, item) -> Evidence:
    """The source passage of an answer or caveat, as evidence."""
    first, last = item.block[0], item.block[-1]
    art = ctx.doc_of.get(first.doc)
    text = art.text[first.start:last.end] if art is not None else item.trigger.sentence
    return Evidence(document=first.doc, start=first.start, end=last.end, text=text,
                    claim=item.trigger.id)


RULE = Rule(CODE, NAME, KIND, SEVERITY, "the other side's answer or a caveat left out", check,
            __doc__)
