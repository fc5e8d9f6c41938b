#!/usr/bin/env python3
"""Build ``bot/core/data/wordnet-persons.txt.gz``: English nouns for a person, from WordNet 3.0.

Not needed at run time: the list it writes is committed. To rebuild::

    apt-get install -y wordnet-base          # Debian's WordNet 3.0 database, /usr/share/wordnet
    python scripts/build_person_nouns.py [--wordnet-dir /usr/share/wordnet]

A word is kept when one of its *frequent* noun senses (as ``build_wordnet.py`` chooses them, by
SemCor tag counts) is filed in WordNet's ``noun.person`` lexicographer file and is a kind of
person, not one named person (an instance: "Haydn", "Baldwin"); and ``wordfreq`` (build time
only) rates it at least ``MIN_ZIPF``. Single words only: "mediator", "negotiator", "operator",
"ecologist", "Democrat". The reader of articles takes a phrase ending in one of them after a
name (", a senior mediator with ...,") as that person's role.

Format: UTF-8 text, gzip; lines starting with ``#`` are the licence and notes, then one line per
word, sorted: ``word<TAB>kinds``, the kinds (the first lemma of each synset its person senses are
a kind of) ``|``-separated: ``democrat<TAB>politician``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_wordnet import frequent_senses, read_counts, read_data, read_index, wordnet_arguments, write_table

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bot" / "core" / "data" / "wordnet-persons.txt.gz"
PERSON_FILE = "18"  # noun.person, WordNet's lexicographer file number
MIN_ZIPF = 1.5  # news roles are often specialists: epidemiologist (2.5), seismologist (1.9), volcanologist (1.7)


def person_synsets(wn: Path) -> set[tuple[str, int]]:
    """Noun synsets filed under noun.person that are kinds of person, not instances."""
    kinds: set[tuple[str, int]] = set()
    with open(wn / "data.noun", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("  "):
                continue
            fields = line.split(" | ", 1)[0].split()
            if fields[1] != PERSON_FILE:
                continue
            words = int(fields[3], 16)
            at = 4 + 2 * words
            pointers = [fields[at + 1 + 4 * k] for k in range(int(fields[at]))]
            if "@" in pointers or "@i" not in pointers:
                kinds.add(("n", int(fields[0])))
    return kinds


def build(wn: Path) -> list[str]:
    """Lines "word<TAB>kinds": the word, and the first lemmas of the synsets its person senses
    are kinds of ("democrat" and "republican": politician), so that two words of one kind can
    be told apart from two of different kinds ("catholic": christian)."""
    from wordfreq import zipf_frequency as zipf  # build-time only

    persons = person_synsets(wn)
    frequent = frequent_senses(read_index(wn), read_counts(wn))
    synsets = read_data(wn)
    lines = []
    for lemma in sorted(frequent):
        senses = frequent[lemma] & persons
        if not lemma.isalpha() or not senses or zipf(lemma, "en") < MIN_ZIPF:
            continue
        kinds = sorted({synsets[h].words[0] for key in senses for h in synsets[key].hypernyms})
        lines.append(f"{lemma}\t{'|'.join(kinds)}")
    return lines


def main() -> int:
    args = wordnet_arguments(__doc__ or "", OUT)
    if args is None:
        return 1
    lines = build(args.wordnet_dir)
    notes = [
        "Derived from the WordNet 3.0 database by scripts/build_person_nouns.py:",
        f"nouns with a frequent sense in noun.person (not an instance), wordfreq Zipf >= {MIN_ZIPF}.",
        "word<TAB>what kinds of person it is (direct hypernyms)",
    ]
    write_table(args.out, notes, lines)
    print(f"{args.out}: {len(lines)} words, {args.out.stat().st_size / 1e3:.1f} kB gz")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
