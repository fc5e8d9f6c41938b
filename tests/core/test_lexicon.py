"""The general-English lexicon is consistent: each word means one thing."""

from __future__ import annotations

from bot.core.analyzer import Analyzer
from bot.core.engine import Engine
from bot.core.lexicon import LIGHT_WORDS, PLACES, STOPWORDS, SYNONYMS, english_words
from bot.core.text import stem


def test_no_phrase_is_in_two_synonym_groups() -> None:
    analyzer = Analyzer(())
    seen: dict[tuple[str, ...], str] = {}
    for group in SYNONYMS:
        for phrase in group:
            key = analyzer._stems(phrase)
            assert key, phrase
            assert seen.setdefault(key, group[0]) == group[0], (phrase, seen[key], group[0])


def test_light_words_are_not_synonyms_of_something_else() -> None:
    light = {stem(w) for w in LIGHT_WORDS}
    canonical_heads = {stem(g[0]) for g in SYNONYMS}
    for group in SYNONYMS:
        for phrase in group:
            if " " not in phrase and stem(phrase) in light:
                assert stem(phrase) in canonical_heads, phrase


def test_places_do_not_include_everyday_words() -> None:
    assert not {"us", "chad", "english", "may"} & PLACES
    assert {"laos", "vietnam", "united states", "phnom penh"} <= PLACES


def test_the_word_list_is_loaded_and_sane() -> None:
    words = english_words()
    assert len(words) > 50_000
    assert {"attend", "spare", "currency", "kidnaping"} <= words
    assert "kidnapng" not in words and not any(len(w) < 4 for w in list(words)[:1000])
    assert "the" in STOPWORDS


def test_no_two_phrases_read_the_same_once_normalised(engine: Engine) -> None:
    assert Analyzer(SYNONYMS).collisions == []
    for index in engine.indexes.values():
        assert index.analyzer.collisions == []
