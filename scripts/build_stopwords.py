#!/usr/bin/env python3
"""Build ``bot/core/data/stopwords-en.txt.gz``: spaCy's English stop words, copied as they are.

Not needed at run time: the list it writes is committed. spaCy itself is not a dependency; its
list is read from a wheel (or an installed spaCy) without importing it::

    pip download "spacy>=3.8,<4" --no-deps -d /tmp/spacy
    python scripts/build_stopwords.py /tmp/spacy/spacy-*.whl

Source: ``spacy/lang/en/stop_words.py`` of spaCy (https://github.com/explosion/spaCy), MIT licence,
copied to ``bot/core/data/stopwords-en.LICENSE`` and into the list's header.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bot" / "core" / "data" / "stopwords-en.txt.gz"
LICENSE_OUT = ROOT / "bot" / "core" / "data" / "stopwords-en.LICENSE"
MEMBER = "spacy/lang/en/stop_words.py"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("source", type=Path, help="a spaCy wheel, or spaCy's installed package folder")
    args = ap.parse_args()
    if args.source.suffix == ".whl":
        with zipfile.ZipFile(args.source) as zf:
            code = zf.read(MEMBER).decode("utf-8")
            lic = next(
                n
                for n in zf.namelist()
                if n.endswith(".dist-info/licenses/LICENSE") or n.endswith(".dist-info/LICENSE")
            )
            licence = zf.read(lic).decode("utf-8")
        version = re.search(r"spacy-([^-]+)-", args.source.name).group(1)
    else:
        code = (args.source / "lang" / "en" / "stop_words.py").read_text(encoding="utf-8")
        licence = (args.source.parent / "LICENSE").read_text(encoding="utf-8")
        version = "installed"
    # the module is a set(\"\"\"...\"\"\".split()) plus contraction variants built in a loop: run it
    # in an empty namespace rather than import spaCy
    tree = ast.parse(code)
    namespace: dict = {}
    exec(compile(tree, MEMBER, "exec"), namespace)  # the file has only literals and a loop
    words = sorted(namespace["STOP_WORDS"])
    header = [
        f"# spaCy {version} English stop words ({MEMBER}), {len(words)} words, one a line.",
        "# Source: https://github.com/explosion/spaCy; licence: MIT, see stopwords-en.LICENSE:",
        *[f"# {ln}".rstrip() for ln in licence.strip().splitlines()],
    ]
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(("\n".join(header + words) + "\n").encode("utf-8"))
    OUT.write_bytes(buf.getvalue())
    LICENSE_OUT.write_text(
        f"stopwords-en.txt.gz is spaCy's English stop word list (spaCy {version}, {MEMBER}).\n\n" + licence,
        encoding="utf-8",
    )
    print(f"{OUT}: {len(words)} words, {OUT.stat().st_size} bytes gz")
    return 0


if __name__ == "__main__":
    sys.exit(main())
