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
from functools import cache, lru_cache
from importlib import resources

#: A word at least this frequent is common English (about the 30,000 most frequent words).
COMMON_ZIPF = 3.0


@cache
def _table() -> dict[str, str]:
    """word -> its Zipf frequency as written (split in one pass: this is read at start-up)."""
    raw = resources.files("bot.core").joinpath("data", "english-frequent.txt.gz").read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    start = text.find("\n", text.rfind("\n#") + 1) + 1 if text.startswith("#") else 0
    fields = iter(text[start:].split())
    return dict(zip(fields, fields, strict=True))


@lru_cache(maxsize=1024)  # Zipf values have two decimals: a few hundred
def _value(written: str) -> float:
    return float(written)


def zipf(word: str) -> float:
    """The Zipf frequency of ``word`` (case-insensitive); 0.0 when it is not among the listed words."""
    written = _table().get(word.lower())
    return _value(written) if written else 0.0


def is_common(word: str, min_zipf: float = COMMON_ZIPF) -> bool:
    """Whether ``word`` is common English: at least ``min_zipf`` on the Zipf scale."""
    return zipf(word) >= min_zipf
