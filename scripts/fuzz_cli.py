"""Fuzz the command line from outside: random and hand-made hostile inputs, each checked in a
fresh ``checker`` process with a time limit, counting tracebacks, hangs and unknown exit codes.

    python scripts/fuzz_cli.py --runs 300 --seed 1 --timeout 120

Inputs: random bytes and text, texts built from pieces that have broken parsers (runs of
brackets and quotation marks, open markup, odd spaces), HTML and Markdown, manifests of random
rows (JSON lines and CSV), configuration files, story folders with odd ``story.json``, and
special paths (a FIFO, a link to /dev/zero, a folder, output paths that cannot be written).
Every run must end within the limit, with exit code 0, 1, 2 or 3 and no Python traceback.
Prints one line per bad run and a summary; exits 1 if there was any.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOURCE = ("According to the Daily Ledger, the Brookfield city council is planning to close the "
          "Elm Street library in June. The council said the decision was not final.\n")
PIECES = [
    "The council said the library would close in June.", "Officials may vote on Monday.",
    "According to the mayor, 40% of residents agree.", ")", "(", "\"", "'", "“", "‘", "«", "‹",
    "_", "-", "<!--", "<script>", "<div>", "</div>", "<p>", "&amp;", "&#1;", "[a](", "*", "**",
    "`", "~~", "# ", "- ", "\n", "\n\n", "\t", "\u200b", "\u00ad", "\u2028", "\ufeff", "…",
    "\u0301", "ยท", "Ã©", "\x00", "$5bn", "3.5%", " ", "http://x.y/", "@", "\\",
]


def hostile_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 60)):
        piece = rng.choice(PIECES)
        parts.append(piece * (rng.choice([1, 1, 1, 3, 50, 2000]) if len(piece) < 4 else 1))
    return "".join(parts)


def random_text(rng: random.Random, n: int) -> str:
    return "".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0, 0x2FFF),
                                   rng.randint(0, 0x10FFFF)])) for _ in range(n))


def article_bytes(rng: random.Random) -> bytes:
    kind = rng.randrange(5)
    if kind == 0:
        return rng.randbytes(rng.randint(0, 5000))
    if kind == 1:
        return random_text(rng, rng.randint(0, 3000)).encode("utf-8", "surrogatepass")
    if kind == 2:
        depth = rng.choice([10, 300, 3000])
        return (f"<html><body>{'<div>' * depth}<p>{SOURCE}</p>{hostile_text(rng)}"
                f"{'</div>' * depth}").encode("utf-8", "surrogatepass")
    if kind == 3:
        enc = rng.choice(["utf-8", "utf-16", "cp1252", "latin-1"])
        return (SOURCE + hostile_text(rng)).encode(enc, "replace")
    return (SOURCE + hostile_text(rng)).encode("utf-8", "surrogatepass")


def manifest_text(rng: random.Random, folder: Path) -> tuple[str, str]:
    rows = []
    for k in range(rng.randint(1, 5)):
        row = {"id": rng.choice([f"r{k}", "", "\ud800", "r0", random_text(rng, 4), 5, None]),
               "source": rng.choice(["source.txt", "~nosuchuser/x", "nowhere.txt", ".",
                                     "pipe", ["source.txt", 3]]),
               rng.choice(["derived", "derived_text"]): rng.choice(
                   ["derived.txt", SOURCE, hostile_text(rng), {"a": 1}, "pipe"])}
        rows.append(row)
    if rng.random() < 0.5:
        lines = [json.dumps(r) for r in rows]
        if rng.random() < 0.3:
            lines.append("[" * rng.choice([10, 100_000]))
        if rng.random() < 0.3:
            lines.append('{"id": ' + "9" * 5000 + "}")
        return "m.jsonl", "\n".join(lines) + "\n"
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "source", "derived_text"])
    for r in rows:
        writer.writerow([str(r["id"]), str(r["source"]),
                         rng.choice([SOURCE, "x" * 200_000, hostile_text(rng)])])
    return "m.csv", buf.getvalue()


def one_run(rng: random.Random, folder: Path) -> list[str]:
    (folder / "source.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "derived.txt").write_text(SOURCE, encoding="utf-8")
    if not (folder / "pipe").exists():
        os.mkfifo(folder / "pipe")
    if not (folder / "zero").exists():
        (folder / "zero").symlink_to("/dev/zero")
    kind = rng.randrange(6)
    if kind <= 1:
        art = folder / rng.choice(["a.txt", "a.md", "a.html", "a"])
        art.write_bytes(article_bytes(rng))
        target = rng.choice([str(art)] * 6 + ["pipe", "zero", ".", "nowhere.txt", "-"])
        cmd = rng.choice([["check", target, "-s", "source.txt"], ["claims", target]])
        cmd += rng.choice([[], ["--format", "json"], ["-o", "out.json"], ["-o", "pipe"],
                           ["-o", "source.txt/x.json"], ["--time-budget", "20"]])
        return cmd
    if kind == 2:
        name, text = manifest_text(rng, folder)
        (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        return ["batch", name, "--out", "out", "--no-progress", "--no-html",
                *rng.choice([[], ["--jobs", "2"]])]
    if kind == 3:
        story = folder / "corpus" / "s"
        story.mkdir(parents=True, exist_ok=True)
        (story / "source.txt").write_text(SOURCE, encoding="utf-8")
        (story / "d.txt").write_bytes(article_bytes(rng))
        sources = rng.choice([["src"], 5, [[]], "src", {"a": 1}, None])
        meta = rng.choice([
            json.dumps({"articles": [{"id": "src", "file": "source.txt", "role": "source"},
                                     {"id": "d", "file": "d.txt", "role": "derived",
                                      "sources": sources}]}),
            "[" * 100_000, '{"articles": [{"id": "\\ud800", "file": "d.txt"}]}',
            random_text(rng, 50)])
        (story / "story.json").write_text(meta, encoding="utf-8", errors="surrogatepass")
        return ["batch", "corpus", "--out", "out", "--no-progress"]
    if kind == 4:
        (folder / "c.toml").write_bytes(rng.choice([
            rng.randbytes(200), random_text(rng, 200).encode("utf-8", "surrogatepass"),
            b"[checker]\nmax_bytes = 10\n", b"[checker]\nunknown = 1\n", b"checker = 5\n",
            b"[checker]\ntime_budget = 0.001\n"]))
        return ["check", "derived.txt", "-s", "source.txt", "--config",
                rng.choice(["c.toml", "c.toml", "pipe", "zero", ".", "nowhere.toml"])]
    return ["check", "derived.txt", "-s", rng.choice(["pipe", "zero", ".", "source.txt"]),
            "-o", rng.choice(["pipe", "zero", "source.txt/r.json", "/proc/r.json", "ok.json"])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--checker", default=str(Path(sys.executable).with_name("checker")))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    bad = 0
    kinds: dict[str, int] = {}
    started = time.monotonic()
    for n in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
            folder = Path(tmp)
            cmd = one_run(rng, folder)
            kinds[cmd[0]] = kinds.get(cmd[0], 0) + 1
            t0 = time.monotonic()
            try:
                proc = subprocess.run([args.checker, *cmd], cwd=folder, capture_output=True,
                                      timeout=args.timeout, stdin=subprocess.DEVNULL)
            except subprocess.TimeoutExpired:
                bad += 1
                print(f"run {n}: HANG after {args.timeout:g} s: {cmd}", flush=True)
                continue
            took = time.monotonic() - t0
            err = proc.stderr.decode("utf-8", "replace")
            if "Traceback (most recent call last)" in err or proc.returncode not in (0, 1, 2, 3):
                bad += 1
                print(f"run {n}: exit {proc.returncode} in {took:.1f} s: {cmd}\n{err[-2000:]}",
                      flush=True)
    total = time.monotonic() - started
    print(f"{args.runs} runs ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}) in "
          f"{total:.0f} s: {bad} with a traceback, a hang or an unknown exit code")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
