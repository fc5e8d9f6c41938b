"""Build ``bot/core/data/ko-en.tsv``, the Korean→English lexicon the Korean reader loads.

Selection: the Korean words of the ``wordfreq`` package's Korean frequency list (wordfreq 3.x;
code Apache-2.0, word-frequency data CC BY-SA 4.0, built from Wikipedia, subtitles, news, books,
web text and social media; see https://github.com/rspeer/wordfreq) give the order and the
``rank`` of every entry they hold. The glosses are general dictionary knowledge, written for this
project: ``data/ko-glosses.tsv`` (frequent words and general news vocabulary) and
``data/ko-places.tsv`` (the world's countries, regions and major cities). Nothing is taken from
any report.

Usage::

    pip install 'wordfreq>=3.1,<4'
    python scripts/build_korean_lexicon.py            # writes bot/core/data/ko-en.tsv
    python scripts/build_korean_lexicon.py --missing 300   # frequent words still without a gloss

Without wordfreq installed the lexicon is still written (alphabetical, no ranks).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "bot" / "core" / "data"
SOURCES = ("ko-glosses.tsv", "ko-places.tsv")
OUT = DATA / "ko-en.tsv"
ENGLISH = re.compile(r"[a-z]+(?: [a-z]+)*")
HANGUL = re.compile(r"[0-9가-힣]+")
TOP_N = 50_000


def read_glosses(path: Path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            korean, english = line.split("\t")
        except ValueError:
            sys.exit(f"{path.name}:{number}: expected 'korean<TAB>english|english': {line!r}")
        if not HANGUL.fullmatch(korean):
            sys.exit(f"{path.name}:{number}: not a Hangul word: {korean!r}")
        senses = table.setdefault(korean, [])
        for sense in english.split("|"):
            sense = " ".join(sense.split())
            if not ENGLISH.fullmatch(sense):
                sys.exit(f"{path.name}:{number}: English must be lower-case words: {sense!r}")
            if sense not in senses:
                senses.append(sense)
    return table


def frequency_ranks() -> dict[str, int] | None:
    try:
        import wordfreq
    except ImportError:
        return None
    words = wordfreq.top_n_list("ko", TOP_N)
    return {word: rank for rank, word in enumerate(words, 1) if HANGUL.fullmatch(word)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--missing", type=int, default=0, help="print the N most frequent unglossed words")
    args = parser.parse_args()

    merged: dict[str, list[str]] = {}
    for name in SOURCES:
        for korean, senses in read_glosses(DATA / name).items():
            entry = merged.setdefault(korean, [])
            entry.extend(s for s in senses if s not in entry)
    ranks = frequency_ranks()
    if ranks is None:
        print("wordfreq is not installed: entries are written without frequency order", file=sys.stderr)
        ranks = {}
    if args.missing:
        missing = [
            w
            for w in sorted(ranks, key=ranks.__getitem__)
            if len(w) > 1 and w not in merged and w + "다" not in merged
        ]
        print(" ".join(missing[: args.missing]))
        return

    def rank(word: str) -> int | None:  # a verb 만들다 is ranked by its stem 만들
        found = ranks.get(word)
        if found is None and word.endswith("다") and len(word) > 1:
            found = ranks.get(word[:-1])
        return found

    order = sorted(merged, key=lambda w: (rank(w) or TOP_N + 1, w))
    ranked = sum(1 for w in merged if rank(w) is not None)
    lines = [
        "# Korean -> English lexicon of general and news vocabulary (built by scripts/build_korean_lexicon.py).",
        "# Order and selection: the wordfreq Korean frequency list (wordfreq code Apache-2.0; its",
        "# frequency data CC BY-SA 4.0), most frequent first; entries after the ranked ones are general",
        "# news vocabulary and the world's countries and cities. Glosses: general dictionary knowledge",
        "# written for reportbot (data/ko-glosses.tsv, data/ko-places.tsv), common senses only,",
        "# English lemmas in lower case. None is taken from a report.",
        f"# {len(merged)} entries, {ranked} of them in the {TOP_N:,} most frequent Korean words.",
        "# korean<TAB>english|english",
    ]
    lines += [f"{w}\t{'|'.join(merged[w])}" for w in order]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{OUT.relative_to(DATA.parent.parent.parent)}: {len(merged)} entries ({ranked} ranked by wordfreq)"
    )


if __name__ == "__main__":
    main()
