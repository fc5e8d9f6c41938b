#!/usr/bin/env python3
"""Build ``bot/core/data/english-frequent.txt.gz``: the most frequent English words, from wordfreq.

Not needed at run time: the list it writes is committed. To rebuild::

    pip install "wordfreq>=3.1,<4"
    python scripts/build_frequency.py [--top 50000]

Each line: ``word<TAB>zipf`` (Zipf scale: log10 of frequency per billion words; "the" is about 7.7),
most frequent first, from ``wordfreq``'s "large" English list, which blends Wikipedia, subtitles
(OpenSubtitles, SUBTLEX), news (NewsCrawl, GlobalVoices), books (Google Books Ngrams), the web
(OSCAR) and social media. Its data is licensed CC BY-SA 4.0, and so is this extract
(``bot/core/data/english-frequent.LICENSE``).
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bot" / "core" / "data" / "english-frequent.txt.gz"
LICENSE_OUT = ROOT / "bot" / "core" / "data" / "english-frequent.LICENSE"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--top", type=int, default=50000)
    args = ap.parse_args()
    import wordfreq  # build-time only

    words = wordfreq.top_n_list("en", args.top, wordlist="large")
    rows = []
    seen = set()
    for w in words:
        w = w.lower()
        if w in seen or not any(c.isalpha() for c in w):
            continue
        seen.add(w)
        rows.append(f"{w}\t{wordfreq.zipf_frequency(w, 'en', wordlist='large'):.2f}")
    header = [
        f"# The {len(rows)} most frequent English words from wordfreq {version('wordfreq')} (Robyn Speer,",
        "# https://github.com/rspeer/wordfreq), 'large' English list: word<TAB>Zipf frequency.",
        "# Data licence: Creative Commons Attribution-ShareAlike 4.0,",
        "# https://creativecommons.org/licenses/by-sa/4.0/ (see english-frequent.LICENSE).",
    ]
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(("\n".join(header + rows) + "\n").encode("utf-8"))
    OUT.write_bytes(buf.getvalue())
    meta = Path(wordfreq.__file__).parent.parent / f"wordfreq-{version('wordfreq')}.dist-info" / "METADATA"
    text = meta.read_text(encoding="utf-8")
    licence = text[text.index("## License") :]
    LICENSE_OUT.write_text(
        "english-frequent.txt.gz is an extract of the word frequencies of wordfreq\n"
        f"(version {version('wordfreq')}, https://github.com/rspeer/wordfreq) by Robyn Speer.\n"
        "The extract is redistributed under the Creative Commons Attribution-ShareAlike 4.0\n"
        "licence (https://creativecommons.org/licenses/by-sa/4.0/), as its source's data is.\n"
        "wordfreq's own licence section follows.\n\n" + licence,
        encoding="utf-8",
    )
    print(f"{OUT}: {len(rows)} words, {OUT.stat().st_size / 1e3:.0f} kB gz")
    sys.path.insert(0, str(ROOT))
    from bot.core.lexical import frequency

    t0 = time.perf_counter()
    frequency._table()
    print(f"load: {(time.perf_counter() - t0) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
