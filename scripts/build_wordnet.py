#!/usr/bin/env python3
"""Build ``bot/core/data/wordnet.tsv.gz`` from the WordNet 3.0 database files.

Not needed at run time: the table it writes is committed. To rebuild::

    apt-get install -y wordnet-base          # Debian's WordNet 3.0 database, /usr/share/wordnet
    python scripts/build_wordnet.py [--wordnet-dir /usr/share/wordnet]

What goes in the table, for every lemma (single words and phrases such as "travel advisory"):

* ``s`` synonyms: the other lemmas of its *frequent* senses. A sense is frequent when its
  SemCor tag count (``cntlist.rev``) is at least ``SHARE`` of the lemma's top sense in that part
  of speech (the first sense alone when nothing was tagged), and a part of speech counts only when
  its top sense is at least ``POS_SHARE`` of the lemma's top sense over all parts of speech. A
  synonym is kept only when the shared sense is frequent for *both* lemmas, so "car" gets "auto"
  and "automobile" but not "machine", and "die" gets "perish" but not "go".
* ``r`` the derivational family: lemmas of synsets reached from the lemma's frequent senses by
  WordNet's derivationally-related-form (``+``), pertainym (``\\``) and participle (``<``)
  pointers, up to two hops (kidnapping -> kidnap -> kidnapper, abduction), again keeping a lemma
  only where that synset is one of its own frequent senses.
* ``b`` broader terms: noun hypernyms of the lemma's frequent noun senses, up to ``MAX_HOPS`` hops
  and never a very general class (depth below ``MIN_DEPTH`` from "entity"), e.g. car -> vehicle.
  Looser than the other two; callers opt in.

A lemma never tagged in SemCor gets a line only when ``wordfreq`` (build time only) rates it at
least ``MIN_ZIPF``: that drops the long tail of taxonomy (genus names, species) a news article
does not need, and keeps the table small.

Format: UTF-8 text, gzip. Lines starting with ``#`` are the licence and notes. Then one line per
lemma: ``lemma<TAB>s<TAB>r<TAB>b``, each field a ``|``-separated list of lemmas, lower-case, with
spaces inside phrases.
"""

from __future__ import annotations

import argparse
import gzip
import io
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bot" / "core" / "data" / "wordnet.tsv.gz"
LICENSE_OUT = ROOT / "bot" / "core" / "data" / "wordnet.LICENSE"

POSES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SS_NUM_TO_POS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}

SHARE = 0.25  # a sense is frequent when tagged at least this share of the lemma's top sense
POS_SHARE = 0.1  # a part of speech counts when its top sense has this share of the overall top
MAX_SENSES = 3  # and never more than this many senses per part of speech
MAX_HOPS = 4  # broader terms: hypernym hops at most
MIN_DEPTH = 6  # broader terms: never a class this close to the root ("artifact" is at 4)
MIN_ZIPF = 2.0  # an untagged lemma gets a line only when this frequent in English (wordfreq)
DERIV_POINTERS = {"+", "\\", "<"}

LICENSE = """\
WordNet Release 3.0

This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license.  By obtaining, using
and/or copying this software and database, you agree that you have
read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with
the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal
use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in
advertising or publicity pertaining to distribution of the software
and/or database.  Title to copyright in this software, database and
any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same.
"""

_ADJ_MARKER = re.compile(r"\((?:a|p|ip)\)$")


def _norm(word: str) -> str:
    return _ADJ_MARKER.sub("", word).replace("_", " ").lower()


class Synset:
    __slots__ = ("hypernyms", "key", "pointers", "words")

    def __init__(self, key: tuple[str, int], words: list[str]) -> None:
        self.key = key
        self.words = words
        self.pointers: list[tuple[str, tuple[str, int], int, int]] = []  # symbol, target, src, dst
        self.hypernyms: list[tuple[str, int]] = []


def read_data(wn: Path) -> dict[tuple[str, int], Synset]:
    synsets: dict[tuple[str, int], Synset] = {}
    for pos, name in POSES.items():
        with open(wn / f"data.{name}", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                fields = line.split(" | ", 1)[0].split()
                offset = int(fields[0])
                w_cnt = int(fields[3], 16)
                words = [_norm(fields[4 + 2 * i]) for i in range(w_cnt)]
                syn = Synset((pos, offset), words)
                i = 4 + 2 * w_cnt
                p_cnt = int(fields[i])
                i += 1
                for _ in range(p_cnt):
                    symbol, target, tpos, srcdst = fields[i : i + 4]
                    i += 4
                    tpos = "a" if tpos == "s" else tpos
                    tkey = (tpos, int(target))
                    syn.pointers.append((symbol, tkey, int(srcdst[:2], 16), int(srcdst[2:], 16)))
                    if symbol in ("@", "@i") and tpos == "n":
                        syn.hypernyms.append(tkey)
                synsets[syn.key] = syn
    return synsets


def read_index(wn: Path) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """(lemma, pos) -> synset keys in sense-number order."""
    senses: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for pos, name in POSES.items():
        with open(wn / f"index.{name}", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                f = line.split()
                lemma = _norm(f[0])
                synset_cnt = int(f[2])
                offsets = f[-synset_cnt:]
                senses[(lemma, pos)] = [(pos, int(o)) for o in offsets]
    return senses


def read_counts(wn: Path) -> dict[tuple[str, str, int], int]:
    """(lemma, pos, sense number) -> SemCor tag count."""
    counts: dict[tuple[str, str, int], int] = defaultdict(int)
    with open(wn / "cntlist.rev", encoding="utf-8") as fh:
        for line in fh:
            key, sense_no, cnt = line.split()
            lemma, rest = key.split("%", 1)
            pos = SS_NUM_TO_POS[rest[0]]
            counts[(_norm(lemma), pos, int(sense_no))] += int(cnt)
    return counts


def frequent_senses(
    senses: dict[tuple[str, str], list[tuple[str, int]]], counts: dict[tuple[str, str, int], int]
) -> dict[str, set[tuple[str, int]]]:
    by_lemma: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for (lemma, pos), keys in senses.items():
        by_lemma[lemma][pos] = [counts.get((lemma, pos, n + 1), 0) for n in range(len(keys))]
    frequent: dict[str, set[tuple[str, int]]] = {}
    for lemma, poses in by_lemma.items():
        overall = max(max(c) for c in poses.values())
        keep: set[tuple[str, int]] = set()
        for pos, cnts in poses.items():
            keys = senses[(lemma, pos)]
            top = max(cnts)
            if overall > 0 and top < POS_SHARE * overall:
                continue
            if top == 0:
                keep.add(keys[0])
                continue
            chosen = [k for k, c in zip(keys, cnts, strict=True) if c >= SHARE * top][:MAX_SENSES]
            keep.update(chosen)
        frequent[lemma] = keep
    return frequent


def depths(synsets: dict[tuple[str, int], Synset]) -> dict[tuple[str, int], int]:
    """Shortest hypernym distance of each noun synset from the root."""
    memo: dict[tuple[str, int], int] = {}

    def depth(key: tuple[str, int], seen: frozenset) -> int:
        if key in memo:
            return memo[key]
        hyps = [h for h in synsets[key].hypernyms if h not in seen]
        d = 0 if not hyps else 1 + min(depth(h, seen | {key}) for h in hyps)
        memo[key] = d
        return d

    sys.setrecursionlimit(10000)
    for key in synsets:
        if key[0] == "n":
            depth(key, frozenset())
    return memo


def build(wn: Path) -> tuple[list[str], dict[str, int]]:
    synsets = read_data(wn)
    senses = read_index(wn)
    counts = read_counts(wn)
    frequent = frequent_senses(senses, counts)
    # synsets with a tagged sense in SemCor: broader terms only for these, the common meanings
    tagged = {
        senses[(lemma, pos)][n - 1]
        for (lemma, pos, n), c in counts.items()
        if c > 0 and (lemma, pos) in senses and n <= len(senses[(lemma, pos)])
    }
    depth = depths(synsets)

    def members(key: tuple[str, int]) -> set[str]:
        """Lemmas of a synset for which it is one of their frequent senses."""
        return {w for w in synsets[key].words if key in frequent.get(w, ())}

    def derived(s: Synset, idx: set[int]) -> list[tuple[tuple[str, int], str]]:
        """(target synset, target word) of the word-level derivational pointers from words ``idx``."""
        return [
            (target, synsets[target].words[dst - 1])
            for symbol, target, src, dst in s.pointers
            if symbol in DERIV_POINTERS and src in idx and dst > 0
        ]

    from wordfreq import zipf_frequency as zipf  # build-time only

    tagged_lemmas = {lemma for (lemma, _pos, _n), c in counts.items() if c > 0}
    lines: list[str] = []
    stats = {"lemmas": 0, "syn": 0, "rel": 0, "broad": 0}
    for lemma in sorted(frequent):
        own = frequent[lemma]
        syn: set[str] = set()
        for key in own:
            syn |= members(key)
        # derivational family, word to word: the lemma's own word in its frequent synsets points
        # to a derived word (first hop: kidnapping -> kidnap); that synset's members for which it is a
        # frequent sense come along (kidnap -> abduct), and their own derived words are the second hop
        # (kidnap -> kidnapper, abduct -> abduction). Derived words' synonyms are not added at hop two.
        rel: set[str] = set()
        for key in own:
            s = synsets[key]
            for target, word in derived(s, {i + 1 for i, w in enumerate(s.words) if w == lemma}):
                rel.add(word)
                t = synsets[target]
                mem = members(target) | {word}
                rel |= mem
                idx = {i + 1 for i, w in enumerate(t.words) if w in mem}
                rel.update(w for _k, w in derived(t, idx))
        # broader: noun hypernyms, bounded
        broad: set[str] = set()
        frontier = [k for k in own if k[0] == "n" and k in tagged]
        for _ in range(MAX_HOPS):
            nxt = []
            for key in frontier:
                for h in synsets[key].hypernyms:
                    if depth.get(h, 0) >= MIN_DEPTH:
                        nxt.append(h)
                        broad |= members(h)
            frontier = nxt
        syn.discard(lemma)
        rel -= syn | {lemma}
        broad -= syn | rel | {lemma}
        if not (syn or rel or broad):
            continue
        if lemma not in tagged_lemmas and zipf(lemma, "en") < MIN_ZIPF:
            continue  # a rare lemma never tagged in SemCor: mostly taxonomy, not news
        stats["lemmas"] += 1
        stats["syn"] += len(syn)
        stats["rel"] += len(rel)
        stats["broad"] += len(broad)
        lines.append(
            "\t".join([lemma, "|".join(sorted(syn)), "|".join(sorted(rel)), "|".join(sorted(broad))])
        )
    return lines, stats


def wordnet_arguments(doc: str, out: Path) -> argparse.Namespace | None:
    """The command line of a script building from the WordNet database (None, said why, when
    the database is missing)."""
    ap = argparse.ArgumentParser(description=doc.split("\n", 1)[0])
    ap.add_argument("--wordnet-dir", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--out", type=Path, default=out)
    args = ap.parse_args()
    if not (args.wordnet_dir / "data.noun").exists():
        print(f"no WordNet database in {args.wordnet_dir}: apt-get install -y wordnet-base", file=sys.stderr)
        return None
    return args


def write_table(path: Path, notes: list[str], lines: list[str]) -> str:
    """Write the licence, ``notes`` and ``lines`` to ``path``, gzipped reproducibly; the text."""
    header = [f"# {ln}".rstrip() for ln in LICENSE.splitlines()] + ["#", *(f"# {n}" for n in notes)]
    text = "\n".join(header + lines) + "\n"
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    path.write_bytes(buf.getvalue())
    return text


def main() -> int:
    args = wordnet_arguments(__doc__ or "", OUT)
    if args is None:
        return 1
    t0 = time.perf_counter()
    lines, stats = build(args.wordnet_dir)
    notes = [
        "Derived from the WordNet 3.0 database by scripts/build_wordnet.py.",
        f"lemma<TAB>synonyms<TAB>derivational family<TAB>broader; senses tagged >= {SHARE} of the top sense,",
        f"broader: <= {MAX_HOPS} hypernym hops, depth >= {MIN_DEPTH}.",
    ]
    text = write_table(args.out, notes, lines)
    LICENSE_OUT.write_text(LICENSE, encoding="utf-8")
    print(f"built in {time.perf_counter() - t0:.1f} s: {stats}")
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.2f} MB gz, {len(text) / 1e6:.2f} MB text")

    sys.path.insert(0, str(ROOT))
    from bot.core.lexical import wordnet

    wordnet._table.cache_clear()
    t0 = time.perf_counter()
    wordnet._table()
    print(f"load: {(time.perf_counter() - t0) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
