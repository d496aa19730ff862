"""A tiny WordNet database in the WNDB format, written for the tests (offsets computed here).

Senses (noun unless marked):
    killing -> homicide -> murder, manslaughter (sister terms)
    colour -> chromatic colour -> yellow, green (nouns; the adjectives have no hypernyms)
    adjectives guilty <-> innocent (direct antonyms), blameworthy similar to guilty
    verbs rise <-> fall (antonyms)
    places: London part of England part of United Kingdom (U.K., Britain); France
"""

from __future__ import annotations

from pathlib import Path

# (key, pos letter, lexname, words, pointers as (symbol, target key, pos letter, src/dst))
SYNSETS = [
    ("killing", "n", 4, ["killing", "kill"], [("~", "homicide", "n", "0000")]),
    ("homicide", "n", 4, ["homicide"], [("@", "killing", "n", "0000"),
                                          ("~", "murder", "n", "0000"),
                                          ("~", "manslaughter", "n", "0000")]),
    ("murder", "n", 4, ["murder", "slaying"], [("@", "homicide", "n", "0000")]),
    ("manslaughter", "n", 4, ["manslaughter"], [("@", "homicide", "n", "0000")]),
    ("colour", "n", 7, ["color", "colour"], [("~", "chromatic", "n", "0000")]),
    ("chromatic", "n", 7, ["chromatic_color"], [("@", "colour", "n", "0000"),
                                               ("~", "yellow", "n", "0000"),
                                               ("~", "green", "n", "0000")]),
    ("yellow", "n", 7, ["yellow", "yellowness"], [("@", "chromatic", "n", "0000")]),
    ("green", "n", 7, ["green", "greenness"], [("@", "chromatic", "n", "0000")]),
    ("evening", "n", 28, ["evening"], [("@", "daytime", "n", "0000")]),
    ("night", "n", 28, ["night"], [("@", "daytime", "n", "0000")]),
    ("daytime", "n", 28, ["time_of_day"], [("~", "evening", "n", "0000"),
                                           ("~", "night", "n", "0000")]),
    ("guilty", "a", 0, ["guilty"], [("!", "innocent", "a", "0101"),
                                     ("&", "blameworthy", "a", "0000")]),
    ("blameworthy", "s", 0, ["blameworthy", "culpable"], [("&", "guilty", "a", "0000")]),
    ("innocent", "a", 0, ["innocent"], [("!", "guilty", "a", "0101")]),
    ("yellow_a", "a", 0, ["yellow"], []),
    ("green_a", "a", 0, ["green"], []),
    ("london", "n", 15, ["London", "Greater_London"], [("#p", "england", "n", "0000")]),
    ("england", "n", 15, ["England"], [("#p", "uk", "n", "0000")]),
    ("uk", "n", 15, ["United_Kingdom", "UK", "U.K.", "Britain"], []),
    ("france", "n", 15, ["France"], []),
    ("rise", "v", 30, ["rise", "go_up"], [("!", "fall", "v", "0101")]),
    ("fall", "v", 30, ["fall", "go_down"], [("!", "rise", "v", "0101")]),
]
FILES = {"n": "noun", "a": "adj", "s": "adj", "v": "verb"}
HEADER = "  1 This is a test database in the WordNet 3.0 format, written for checker's tests.\n"


def write_wordnet(directory: Path) -> Path:
    """Write the database into ``directory`` and return it."""
    directory.mkdir(parents=True, exist_ok=True)
    by_file: dict[str, list] = {}
    for s in SYNSETS:
        by_file.setdefault(FILES[s[1]], []).append(s)
    # Offsets are byte positions, so lay each file out twice: once to measure, once to write.
    offsets: dict[str, int] = {}
    for fname, synsets in by_file.items():
        pos = len(HEADER.encode())
        for s in synsets:
            offsets[s[0]] = pos
            pos += len(_line(s, offsets).encode())
    for fname, synsets in by_file.items():
        text = HEADER + "".join(_line(s, offsets) for s in synsets)
        (directory / f"data.{fname}").write_text(text, encoding="utf-8")
        index: dict[str, list[int]] = {}
        for s in synsets:
            for w in s[3]:
                index.setdefault(w.lower(), []).append(offsets[s[0]])
        lines = [HEADER]
        letter = {"noun": "n", "adj": "a", "verb": "v"}[fname]
        for lemma in sorted(index):
            offs = index[lemma]
            lines.append(f"{lemma} {letter} {len(offs)} 0 {len(offs)} 0 "
                         + " ".join(f"{o:08d}" for o in offs) + "  \n")
        (directory / f"index.{fname}").write_text("".join(lines), encoding="utf-8")
    return directory


def _line(s, offsets) -> str:
    key, letter, lexname, words, ptrs = s
    off = offsets.get(key, 0)
    head = f"{off:08d} {lexname:02d} {letter} {len(words):02x} " + " ".join(f"{w} 0" for w in words)
    p = " ".join(f"{sym} {offsets.get(t, 0):08d} {pl} {st}" for sym, t, pl, st in ptrs)
    return f"{head} {len(ptrs):03d} {p} | a test sense  \n".replace("  | ", " | ")
