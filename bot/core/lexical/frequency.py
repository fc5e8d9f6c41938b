"""How common an English word is: Zipf frequencies of the 50,000 most frequent English words.

From ``wordfreq``'s "large" English list (data CC BY-SA 4.0; ``bot/core/data/english-frequent.LICENSE``),
extracted by ``scripts/build_frequency.py`` into ``bot/core/data/english-frequent.txt.gz``.
The Zipf scale is log10 of a word's frequency per billion words: "the" 7.7, "police" 5.3,
"kidnapping" 3.8; the 50,000th word is about 2.5. Read once, on first use; read-only afterwards.

Uses: a common English word is never "repaired" into a rare name of an article, and rare
words weigh more in a match.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

#: A word at least this frequent is common English (about the 30,000 most frequent words).
COMMON_ZIPF = 3.0


@cache
def _table() -> dict[str, float]:
    raw = resources.files("bot.core").joinpath("data", "english-frequent.txt.gz").read_bytes()
    table: dict[str, float] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, z = line.partition("\t")
            table[word] = float(z)
    return table


def zipf(word: str) -> float:
    """The Zipf frequency of ``word`` (case-insensitive); 0.0 when it is not among the listed words."""
    return _table().get(word.lower(), 0.0)


def is_common(word: str, min_zipf: float = COMMON_ZIPF) -> bool:
    """Whether ``word`` is common English: at least ``min_zipf`` on the Zipf scale."""
    return zipf(word) >= min_zipf
