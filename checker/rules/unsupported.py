"""DU801 unsupported-content: words and ideas with no support anywhere in the sources.

What it flags:
    A derived claim carrying two or more content words (nouns, verbs, adjectives; names and
    numbers are left to DU802/DU803) that occur nowhere in the sources, making up a fair
    share of the claim. The span runs over the unsupported words.
Why it matters:
    Extrinsic additions, interpretation stated as fact ("policies are tightening"), are what
    readers cannot tell apart from reporting.
Known false positives:
    Paraphrases with words the sources do not use and WordNet does not list as synonyms
    ("splattered" for "dumped"); two such words in one claim are needed before it fires, and
    generic words are ignored. Without WordNet's files every synonym counts as new.
Examples:
    Source: The company banned staff from using the chatbot at work.
    Flag: Government regulators are tightening rules on foreign chatbots.
    Okay: The company banned staff from using the chatbot.
"""

from __future__ import annotations

from checker.wordnet import POS_FILE
from checker.align import GENERIC, key
from checker.rules.base import Rule, make, snippet

CODE, NAME, KIND, SEVERITY = "DU801", "unsupported-content", "unsupported-claim", "warning"
CHECKED_POS = {"NOUN", "VERB", "ADJ", "ADV"}
MIN_NOVEL = 2
# Units and number words restate a figure; DN501/DU803 judge the figure itself.
UNITS = frozenset("""pound dollar euro cent percent yen yuan penny pence million billion
trillion thousand hundred dozen""".split())
MIN_SHARE = 0.25


# Only the most frequent senses count: "raise" shares a rare sense with "parent", and
# "expect" one with "have".
SYNONYM_SENSES = 2


def novel_words(claim, index, wn=None):
    """The claim's content words whose stem occurs nowhere in the sources, and (with
    WordNet) none of whose synonyms or derivations does either."""
    out = [w for w in claim.words if w[4] in CHECKED_POS and w[3] not in GENERIC
           and w[3] not in UNITS
           and len(w[3]) > 2 and key(w[3]) not in index.vocab
           and key(w[2]) not in index.vocab]
    if wn is not None and wn.available:
        out = [w for w in out if not _paraphrase(w, index, wn)]
    return out


def _paraphrase(word, index, wn) -> bool:
    """True when a one-word synonym or derivation of the word is in the sources ("firms"
    where the source says "companies", "invade" for "invasion")."""
    pos = POS_FILE.get(word[4])
    if pos is None:
        return False
    return any(key(s) in index.vocab for s in wn.synonyms(word[3], pos, SYNONYM_SENSES)
               if " " not in s and s not in GENERIC)


def check(ctx):
    """Yield a finding for each derived claim with unsupported content words."""
    # Confidence stays below the rules that cite contrary evidence: an addition is less
    # certainly wrong than a claim the source words differently, so it sorts after them.
    wn = ctx.wordnet
    for dc in ctx.derived_claims:
        content = [w for w in dc.words if w[4] in CHECKED_POS and w[3] not in GENERIC]
        if not content:
            continue
        novel = novel_words(dc, ctx.index, wn)
        share = len(novel) / len(content)
        if len(novel) < MIN_NOVEL or share < MIN_SHARE:
            continue
        start, end = novel[0][0], novel[-1][1]
        listed = ", ".join(f'"{w[2]}"' for w in novel[:5])
        severity = "error" if len(novel) >= 3 and share >= 0.4 else "warning"
        yield make(RULE, dc, start=start, end=end, confidence=min(0.75, 0.4 + 0.6 * share),
                   severity=severity,
                   message=(f"Adds content the source does not support ({listed}); "
                            f"no support found in the source."),
                   suggestion=f'Cut "{snippet(dc.text[start - dc.start:end - dc.start], 50)}" '
                              f"or cite where it comes from.")


RULE = Rule(CODE, NAME, KIND, SEVERITY, "content with no support in the source", check, __doc__)
