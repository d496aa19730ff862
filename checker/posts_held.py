"""A named person's post given by a relative clause ("Ada Lind, who chairs the council's
planning committee"), and the same person given another post in a derived text ("who
chairs the county's finance committee"): read by DE405 (``rules/title_changed.py``)."""

from __future__ import annotations

import re

from checker.align import text_keys
from checker.claim_reading import evidence_of, one_claim_a_sentence, snippet
from checker.lemmas import inflections
from checker.records import memo_on
from checker.source_phrase import NAME_RUN_RE

# "Ada Lind, who chairs the planning board" ("..., the councillor who heads ..."): the
# name, the verb, the post up to a comma, a full stop, a quotation mark or a word that opens
# the rest of the clause
_POST = re.compile(r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*),\s+(?:the\s+[a-z]+\s+)?who\s+"
                   r"(?P<verb>[a-z]+)\s+"
                   r"(?P<post>(?:the|a|an)\s+[^,.;:\"“”]+?)"
                   r"(?=\s*[,.;:\"“”]|\s+(?:and|since|until|said|says|told)\b|\s*$)")


def _posts(lex, text: str) -> list:
    """(surname, post, match) for each post a text gives a named person by a verb of
    post_verbs.txt."""
    forms = memo_on(lex, "_post_verb_forms", lambda: frozenset(
        f for verb in lex.words.get("post_verbs", {}) for f in inflections(verb)))
    return [(m.group("name").split()[-1].lower(), m.group("post"), m)
            for m in _POST.finditer(text) if m.group("verb") in forms]


def _words(lex, text: str) -> set:
    """The keys of a text's words, function words aside ("the", "of")."""
    return {k for k in text_keys(text) if not lex.has("function_words", k)}


def _bare(post: str) -> str:
    """A post in lower case without its article ("the finance committee" -> "finance
    committee")."""
    return re.sub(r"^(?:the|a|an)\s+", "", post.lower().replace("’", "'"))


def _said_otherwise(ctx, post: str, new: set, dropped: set) -> bool:
    """Each word the derived post adds is a WordNet synonym, or a kind one or two steps
    up, of a word it drops ("the village store" for "the village shop", "the planning
    panel" for "the planning committee")."""
    wn = ctx.wordnet
    if not wn.available:
        return False
    words = [w for w in re.findall(r"[a-z]+", post.lower()) if text_keys(w) & new]
    return bool(words) and all(
        {k for x in wn.synonyms(w, "noun", 3) | wn.broader(w, "noun", 2, 2)
         for k in text_keys(x)} & dropped for w in words)


def _initials(name: str) -> str:
    """The initials of a name's capitalised words, lower case ("Federated Pilots'
    Association" -> "fpa")."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", name)).lower()


def _kind_for_name(lex, post: str, theirs: list, new: set, dropped: set) -> bool:
    """One side names a place or body by its kind's noun where the other gives its name
    ("the town's tourism group" for "the Kessick tourism group", "Wrexholm's Old Quay" for
    "the city's Old Quay"): the words the derived side adds are place heads
    (place_heads.txt) where the source's drops a name, or names where it drops a place head
    (other words may drop with them: "restaurant")."""
    def capitalised(text: str) -> set:
        return {k for w in re.findall(r"[A-Z][\w'’-]*", text) for k in text_keys(w)}
    kinds = {k for k in new | dropped if lex.has("place_heads", k)}
    source_names = {k for _, p in theirs for k in capitalised(p)}
    return bool(kinds) and (new <= kinds and bool(dropped & source_names)
                            or bool(dropped & kinds) and new <= capitalised(post))


def post_changed(ctx, dc):
    """The finding's fields when the derived claim gives a named person a post by a verb of
    post_verbs.txt ("who heads the county's roads panel") whose words the posts the
    sources give that person (by surname) lack ("who chairs the heritage committee"), else
    None. A word of a source name that shares a word with the source's post may stand for
    it ("the Guild of Racing Vets' welfare committee" for "the guild's welfare committee"),
    as may a word of any source sentence that names the person, the post written whole
    elsewhere in the sources, and a place or a name given by its kind's noun ("the city's",
    ``_kind_for_name``) and a word for a dropped one's synonym or kind
    (``_said_otherwise``); a post with words added and none taken away is the same post.
    Known false negative: a person the sources give no post by such a verb; a changed post
    whose words a source sentence naming the person has for another reason."""
    lex = ctx.lexicon
    if any(o.sent_start == dc.sent_start and o.start < dc.start for o in ctx.derived_claims):
        return None  # (read once a sentence, with its first claim: the post may stand in
        # its speaker's phrase)
    for surname, post, m in _posts(lex, dc.sentence):
        theirs = [(sc, p) for sc in one_claim_a_sentence(ctx.index)
                  for s, p, _ in _posts(lex, sc.sentence) if s == surname]
        if not theirs:
            continue
        if _bare(post) in ctx.index.text_lower:
            continue  # the post as the source writes it elsewhere ("the public accounts
            # committee" for "who chairs the committee")
        held = {k for _, p in theirs for k in _words(lex, p)}
        # the words of every source sentence that names the person ("County councillor
        # Idris Mabey", a post given by a title), and of a source name that shares a word
        # with the post ("the Guild of Racing Vets" for "the guild's")
        about = {k for sc in one_claim_a_sentence(ctx.index)
                 if re.search(rf"\b{re.escape(surname)}\b", sc.sentence.lower())
                 for k in _words(lex, sc.sentence)}
        named = {k for run in NAME_RUN_RE.finditer(ctx.source_text)
                 if (keys := _words(lex, run.group())) & held or _initials(run.group()) in held
                 for k in keys}  # (also by its initials: "the FPA's")
        mine = _words(lex, post)
        new = mine - held - about - named
        dropped = held - mine
        if not new or not dropped or _kind_for_name(lex, post, theirs, new, dropped) \
                or _said_otherwise(ctx, post, new, dropped):
            continue  # (a post with a word added, "the Kestle volunteer team", is the same)
        sc, theirs_post = theirs[0]
        return dict(start=dc.sent_start + m.start("post"), end=dc.sent_start + m.end("post"),
                    text=post,
                    confidence=0.65, evidence=[evidence_of(sc)],
                    message=(f'Gives {m.group("name")} the post "{post}" where the source '
                             f'says "{theirs_post}": "{snippet(sc.sentence, 80)}".'),
                    suggestion=f'Give the post as the source does: "{theirs_post}".')
    return None
