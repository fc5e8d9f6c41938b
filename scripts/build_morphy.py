#!/usr/bin/env python3
"""Build ``bot/core/data/wordnet-morphy.tsv.gz``: what WordNet's morphy needs, from WordNet 3.0.

Not needed at run time: the table it writes is committed. To rebuild::

    apt-get install -y wordnet-base          # Debian's WordNet 3.0 database, /usr/share/wordnet
    python scripts/build_morphy.py [--wordnet-dir /usr/share/wordnet]

Contents (UTF-8 text, gzip; ``#`` lines are the licence): ``x<TAB>pos<TAB>inflected<TAB>base``
for every entry of the exception lists (``noun.exc``, ``verb.exc``, ``adj.exc``, ``adv.exc``), then
``l<TAB>pos<TAB>lemma lemma ...``: the single-word lemmas of ``index.<pos>``, which morphy's
suffix rules check their candidates against; then ``p<TAB>v<TAB>get_in lift_off ...``: the
phrasal verbs (a verb and a particle) of ``index.verb``; then ``i<TAB>n<TAB>us:usa ...``: initials
that WordNet writes with stops ("u.s.") whose synset also spells them as a longer word ("usa"),
so initials that spell a common word ("US", "us") keep a word of their own. Licence:
``bot/core/data/wordnet.LICENSE``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_wordnet import LICENSE, POSES, ROOT, read_data

OUT = ROOT / "bot" / "core" / "data" / "wordnet-morphy.tsv.gz"


#: The particles of an English phrasal verb ("get in", "lift off", "set up").
PARTICLES = ("in", "up", "off", "out", "down", "on", "over", "back", "away", "through", "for", "into")


def phrasal_verbs(wn: Path) -> set[str]:
    """The verb lemmas of two words whose second is a particle, joined by "_" ("get_in")."""
    found = set()
    with open(wn / "index.verb", encoding="utf-8") as fh:
        for line in fh:
            word = line.split(" ", 1)[0].lower()
            parts = word.split("_")
            if len(parts) == 2 and parts[1] in PARTICLES and parts[0].isalpha():
                found.add(word)
    return found


def initials(wn: Path) -> dict[str, str]:
    """Initials with stops ("u.s.") -> the shortest longer word of their synset that starts with
    the same letters ("usa"), for the synsets that also hold the letters joined ("us")."""
    found: dict[str, str] = {}
    for synset in read_data(wn).values():
        for word in synset.words:
            if not re.fullmatch(r"(?:[a-z]\.){2,}", word):
                continue
            joined = word.replace(".", "")
            longer = sorted(w for w in synset.words if w.isalpha() and w.startswith(joined) and w != joined)
            if joined in synset.words and longer:
                found.setdefault(joined, min(longer, key=len))
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--wordnet-dir", type=Path, default=Path("/usr/share/wordnet"))
    args = ap.parse_args()
    wn = args.wordnet_dir
    if not (wn / "index.noun").exists():
        print(f"no WordNet database in {wn}: apt-get install -y wordnet-base", file=sys.stderr)
        return 1
    lines = [f"# {ln}".rstrip() for ln in LICENSE.splitlines()]
    lines.append("# Derived from the WordNet 3.0 exception lists and indexes by scripts/build_morphy.py.")
    for pos, name in POSES.items():
        with open(wn / f"{name}.exc", encoding="utf-8") as fh:
            for line in fh:
                inflected, *bases = line.split()
                for base in bases:
                    if "_" not in inflected and "_" not in base:
                        lines.append(f"x\t{pos}\t{inflected.lower()}\t{base.lower()}")
    for pos, name in POSES.items():
        words = set()
        with open(wn / f"index.{name}", encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith("  "):
                    word = line.split(" ", 1)[0].lower()
                    if "_" not in word:
                        words.add(word)
        lines.append(f"l\t{pos}\t{' '.join(sorted(words))}")
    lines.append(f"p\tv\t{' '.join(sorted(phrasal_verbs(wn)))}")
    lines.append(f"i\tn\t{' '.join(f'{k}:{v}' for k, v in sorted(initials(wn).items()))}")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    OUT.write_bytes(buf.getvalue())
    print(f"{OUT}: {OUT.stat().st_size / 1e3:.0f} kB gz")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
