"""Synonyms, derivational families and broader terms from WordNet 3.0.

The table ``bot/core/data/wordnet.tsv.gz`` is built by ``scripts/build_wordnet.py`` from
Princeton's WordNet 3.0 (licence: ``bot/core/data/wordnet.LICENSE``, also at the top of the table).
It keeps only each lemma's *frequent* senses (by SemCor tag counts), so the relations stay precise:
"bank" is not "depend", "car" is not "machine", "die" is not "go".

All three functions take a lemma (lower-case; a phrase with single spaces, e.g. "travel advisory")
and return lower-case lemmas, never the lemma itself; an unknown lemma gives an empty set.
The table is read once, on first use (about 50 ms), and only each asked-for entry is parsed, once;
everything is read-only, so any thread may call.
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from importlib import resources

_EMPTY: frozenset[str] = frozenset()
_DATA = "wordnet.tsv.gz"
#: Parsed entries kept: one per distinct word looked up (misses included), so bounded.
ENTRY_CACHE = 16384


@cache
def _table() -> dict[str, str]:
    """lemma -> the rest of its line (fields parsed on demand)."""
    raw = resources.files("bot.core").joinpath("data", _DATA).read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    # the licence and notes: the leading lines that start with "#"
    start = text.find("\n", text.rfind("\n#") + 1) + 1 if text.startswith("#") else 0
    table: dict[str, str] = {}
    for line in text[start:].splitlines():
        lemma, _, rest = line.partition("\t")
        table[lemma] = rest
    return table


@lru_cache(maxsize=ENTRY_CACHE)
def _entry(lemma: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    rest = _table().get(lemma)
    if rest is None:
        return _EMPTY, _EMPTY, _EMPTY
    syn, rel, broad = rest.split("\t")
    return (
        frozenset(syn.split("|")) if syn else _EMPTY,
        frozenset(rel.split("|")) if rel else _EMPTY,
        frozenset(broad.split("|")) if broad else _EMPTY,
    )


def _key(lemma: str) -> str:
    return " ".join(lemma.lower().replace("_", " ").split())


def synonyms(lemma: str) -> frozenset[str]:
    """Lemmas sharing one of ``lemma``'s frequent senses: buy -> purchase; car -> auto, automobile."""
    return _entry(_key(lemma))[0]


def related(lemma: str) -> frozenset[str]:
    """The derivational family: kidnapping -> kidnap, kidnapper, abduction; die -> death; elect -> election."""
    return _entry(_key(lemma))[1]


def broader(lemma: str) -> frozenset[str]:
    """Broader nouns (a few hypernym hops, never a very general class): car -> vehicle.

    Looser than :func:`synonyms`; meant for a weaker match, not for equating words.
    """
    return _entry(_key(lemma))[2]


def known(lemma: str) -> bool:
    """Whether WordNet has any relation for ``lemma``."""
    return _key(lemma) in _table()


_PERSONS = "wordnet-persons.txt.gz"


@cache
def _person_kinds() -> dict[str, frozenset[str]]:
    raw = resources.files("bot.core").joinpath("data", _PERSONS).read_bytes()
    out: dict[str, frozenset[str]] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, kinds = line.partition("\t")
            out[word] = frozenset(kinds.split("|")) if kinds else _EMPTY
    return out


@cache
def person_nouns() -> frozenset[str]:
    """Nouns one of whose frequent senses is a kind of person ("mediator", "ecologist",
    "democrat"), from WordNet's noun.person file (``scripts/build_person_nouns.py``)."""
    return frozenset(_person_kinds())


def same_kind_of_person(a: str, b: str) -> bool:
    """Whether two words for a person are two of one kind ("democrat", "republican": politicians),
    not of different kinds ("catholic" is a christian)."""
    kinds = _person_kinds()
    return bool(kinds.get(a, _EMPTY) & kinds.get(b, _EMPTY))
