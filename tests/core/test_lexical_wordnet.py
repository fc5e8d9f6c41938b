"""WordNet relations: derivational families, synonyms of frequent senses, bounded broader terms."""

from __future__ import annotations

import threading

import pytest

from bot.core.lexical import wordnet
from bot.core.lexical.wordnet import broader, related, synonyms


def close(a: str, b: str) -> bool:
    return b in synonyms(a) | related(a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("kidnapping", "kidnap"),
        ("kidnap", "kidnapper"),
        ("kidnapping", "kidnapper"),
        ("kidnapping", "abduction"),
        ("abduction", "kidnapping"),
        ("abduct", "abduction"),
        ("die", "death"),
        ("death", "die"),
        ("elect", "election"),
        ("detention", "detain"),
    ],
)
def test_derivational_family(a: str, b: str) -> None:
    assert b in related(a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("buy", "purchase"),
        ("purchase", "buy"),
        ("car", "automobile"),
        ("kidnap", "abduct"),
        ("die", "perish"),
    ],
)
def test_synonyms(a: str, b: str) -> None:
    assert b in synonyms(a)


def test_vehicle_is_broader_than_car() -> None:
    assert "vehicle" in broader("car")
    assert "vehicle" not in synonyms("car")


@pytest.mark.parametrize(
    ("a", "b"),
    [("bank", "depend"), ("car", "machine"), ("die", "go"), ("say", "allege"), ("hold", "have")],
)
def test_stays_precise(a: str, b: str) -> None:
    """Rare senses give nothing: bank (rely on), car (machine), die (go)."""
    assert b not in synonyms(a) | related(a) | broader(a)
    assert a not in synonyms(b) | related(b)


def test_never_itself_and_lower_case() -> None:
    for word in ("kidnapping", "car", "die", "bank"):
        every = synonyms(word) | related(word) | broader(word)
        assert word not in every
        assert all(w == w.lower() and "_" not in w for w in every)


def test_phrases_and_case() -> None:
    assert "pass away" in synonyms("die")
    assert synonyms("Buy") == synonyms("buy")
    assert "die" in synonyms("pass_away") | related("pass away")


def test_unknown_is_empty() -> None:
    assert synonyms("zzxqj") == frozenset()
    assert related("") == frozenset()
    assert not wordnet.known("zzxqj")


def test_many_threads_read_the_same() -> None:
    wordnet._table.cache_clear()
    wordnet._entry.cache_clear()
    results: list[frozenset[str]] = []

    def work() -> None:
        results.append(related("kidnapping"))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1 and "kidnap" in results[0]


def test_a_question_word_meets_the_broader_noun_a_sentence_uses() -> None:
    from bot.core.lexical_bridge import question_expansions
    from bot.core.text import lemma_stem

    expansions = question_expansions("Which factory is Orbis closing?")
    assert lemma_stem("plant") in expansions[lemma_stem("factory")]
    assert not expansions[lemma_stem("orbis")]  # a name has no broader noun
