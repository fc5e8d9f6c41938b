"""The Korean→English lexicon (``data/ko-en.tsv``), loaded once, with the verbs' surface forms.

An entry ending in 다 (만들다) is a verb or adjective: its stem (만들) is conjugated with
``grammar.conjugate`` so that 만든다고, 만들었어 … find it. Place names and the few nouns that end
in 다 (바다 sea) are never conjugated.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot.core.korean._util import wordlist
from bot.core.korean.grammar import conjugate

#: Nouns ending in 다 that are not verbs.
_NOUNS_IN_DA = frozenset(wordlist("바다 캐나다 다 아이다 우간다 르완다 그레나다 네바다 플로리다"))

#: Verbs that only carry grammar (do, become, exist; 나다 after an event noun: 발표 나다 "the
#: announcement came out", 사고 나다 "an accident happened"): they give no English term.
LIGHT_VERBS = frozenset(wordlist("하 되 있 시키 당하 받 이 아니 나")) - {"받"}


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, tuple[str, ...]]  # noun (or any entry) → English senses
    verbs: dict[str, tuple[str, ...]]  # verb stem → English senses
    surfaces: dict[str, str]  # conjugated surface → verb stem
    max_word: int  # the longest entry, in syllables
    places: frozenset[str] = frozenset()  # entries that name a country, region or city

    def __len__(self) -> int:
        return len(self.words)


def _places() -> frozenset[str]:
    text = resources.files("bot.core").joinpath("data/ko-places.tsv").read_text("utf-8")
    return frozenset(line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#"))


def _read() -> dict[str, tuple[str, ...]]:
    text = resources.files("bot.core").joinpath("data/ko-en.tsv").read_text("utf-8")
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            korean, english = line.split("\t")
            table[korean] = tuple(english.split("|"))
    return table


_LOCK = threading.Lock()


@cache
def _load() -> Lexicon:
    words = _read()
    verbs: dict[str, tuple[str, ...]] = {}
    for korean, senses in words.items():
        if korean.endswith("다") and len(korean) > 1 and korean not in _NOUNS_IN_DA:
            verbs[korean[:-1]] = senses
    surfaces: dict[str, str] = {}
    # Light verbs last, so that a content verb keeps a surface they share.
    for stem in sorted(verbs, key=lambda s: s in LIGHT_VERBS):
        for form in conjugate(stem):
            surfaces.setdefault(form, stem)
    nouns = {k: v for k, v in words.items() if k[:-1] not in verbs or not k.endswith("다")}
    places = _places() & set(nouns)
    return Lexicon(words=nouns, verbs=verbs, surfaces=surfaces, max_word=max(map(len, nouns)), places=places)


def lexicon() -> Lexicon:
    """The lexicon, read and conjugated on the first call only (thread-safe)."""
    with _LOCK:
        return _load()
