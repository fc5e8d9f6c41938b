"""Measure the Korean reader on question files: kind, English terms, names, unknown words; timing.

    python scripts/build_korean_report.py ../shared/eval/korean-dev.yaml [more.yaml ...]
    python scripts/build_korean_report.py --kiwi FILE ...   # also time kiwipiepy, if installed

A question file is YAML with lists of ``{q: ...}`` (any section). ``--expect FILE`` reads a
YAML mapping question → expected kind and prints the kind accuracy.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import yaml


def questions(paths: list[str]) -> list[str]:
    out: list[str] = []
    for path in paths:
        data = yaml.safe_load(Path(path).read_text("utf-8"))
        if all(isinstance(v, str) for v in data.values()):  # a mapping question -> kind
            out.extend(data)
            continue
        for section in data.values():
            if isinstance(section, list):
                out.extend(item["q"] for item in section if isinstance(item, dict) and "q" in item)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+")
    parser.add_argument("--expect", help="YAML mapping question -> kind")
    parser.add_argument("--kiwi", action="store_true", help="also time kiwipiepy (if installed)")
    args = parser.parse_args()
    qs = questions(args.files)

    start = time.perf_counter()
    from bot.core.korean import lexicon, read_korean

    imported = time.perf_counter()
    lexicon()
    loaded = time.perf_counter()
    read_korean(qs[0])
    read_korean.__wrapped__ if hasattr(read_korean, "__wrapped__") else None
    from bot.core.korean.reader import segment

    segment.cache_clear()
    t0 = time.perf_counter()
    results = [read_korean(q) for q in qs]
    per = (time.perf_counter() - t0) / len(qs)
    expect = yaml.safe_load(Path(args.expect).read_text("utf-8")) if args.expect else {}
    right = 0
    for q, r in zip(qs, results, strict=True):
        mark = ""
        if q in expect:
            ok = r.kind == expect[q]
            right += ok
            mark = "  ok" if ok else f"  WANT {expect[q]}"
        print(f"{q}\n  kind={r.kind}{mark} terms={list(r.english_terms)[:12]}")
        print(
            f"  latin={list(r.latin_words)} numbers={list(r.numbers)} count={r.count_unit if r.wants_count else '-'}"
            f" names={list(r.names)} unknown={list(r.unknown)}"
        )
    print(
        f"\nimport {imported - start:.3f}s, lexicon load {loaded - imported:.3f}s, "
        f"per question {per * 1000:.2f} ms (cold word cache), n={len(qs)}"
    )
    t0 = time.perf_counter()
    for q in qs:
        read_korean(q)
    print(f"per question {(time.perf_counter() - t0) / len(qs) * 1000:.2f} ms (warm word cache)")
    if expect:
        print(f"kind accuracy {right}/{sum(q in expect for q in qs)}")
    if args.kiwi:
        compare_kiwi(qs, results)


def compare_kiwi(qs: list[str], results: list) -> None:
    """Time kiwipiepy and compare its content morphemes with the rules' on the lexicon."""
    from bot.core.korean import lexicon

    t0 = time.perf_counter()
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    t1 = time.perf_counter()
    kiwi.tokenize(qs[0])
    t2 = time.perf_counter()
    analyses = [kiwi.tokenize(q) for q in qs]
    per = (time.perf_counter() - t2) / len(qs)
    lex = lexicon()
    content_tags = {"NNG", "NNP", "VV", "VA", "XR", "MAG"}
    kiwi_known = kiwi_unknown = rules_known = rules_unknown = 0
    for tokens, result in zip(analyses, results, strict=True):
        for token in tokens:
            if token.tag.split("-")[0] not in content_tags:
                continue
            known = token.form in lex.words or token.form in lex.verbs
            kiwi_known += known
            kiwi_unknown += not known
        rules_known += len(result.alternatives)
        rules_unknown += len(result.unknown)
    print(
        f"kiwipiepy: import+load {t1 - t0:.3f}s, per question {per * 1000:.2f} ms; content morphemes in "
        f"the lexicon {kiwi_known}, not {kiwi_unknown} (rules: {rules_known} words found, {rules_unknown} unknown)"
    )


if __name__ == "__main__":
    main()
