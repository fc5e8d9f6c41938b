"""Lemmas by WordNet's morphy."""

from __future__ import annotations

import pytest

from bot.core.lexical.lemmas import lemma
from bot.core.lexical.morphy import is_lemma, morphy
from bot.core.lexical.wordnet import related


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("kidnappings", "kidnapping"),
        ("kidnapping", "kidnapping"),
        ("detentions", "detention"),
        ("indicted", "indict"),
        ("repatriation", "repatriation"),
        ("went", "go"),
        ("gone", "go"),
        ("said", "say"),
        ("held", "hold"),
        ("led", "lead"),
        ("was", "be"),
        ("were", "be"),
        ("children", "child"),
        ("mice", "mouse"),
        ("women", "woman"),
        ("bigger", "big"),
        ("largest", "large"),
        ("worse", "bad"),
        ("shootings", "shooting"),
        ("shooting", "shooting"),
        ("stopped", "stop"),
        ("tried", "try"),
        ("cities", "city"),
        ("hostages", "hostage"),
        ("charged", "charge"),
        ("does", "do"),
        ("news", "news"),
        ("police", "police"),
        ("us", "us"),
        ("the", "the"),
        ("Kidnapped", "kidnap"),
    ],
)
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


@pytest.mark.parametrize(
    ("word", "pos", "expected"),
    [
        ("found", "v", "find"),
        ("found", None, "find"),
        ("better", "a", "good"),
        ("lives", "n", "life"),
        ("men", "noun", "man"),
        ("running", "v", "run"),
        ("kidnapping", "v", "kidnap"),
    ],
)
def test_pos_hint(word: str, pos: str | None, expected: str) -> None:
    assert lemma(word, pos) == expected


def test_unknown_and_odd_tokens_come_back_lower_cased() -> None:
    assert lemma("Phnom") == "phnom"
    assert lemma("COVID-19") == "covid-19"
    assert lemma("") == ""
    assert lemma("café") == "café"


def test_morphy_lists_every_base() -> None:
    assert morphy("axes", "n")[:2] == ["axis", "ax"] or set(morphy("axes", "n")) >= {"axis", "ax"}
    assert is_lemma("kidnap", "v") and not is_lemma("kidnap", "n")


def test_lemmas_meet_wordnet() -> None:
    assert "kidnap" in related(lemma("kidnappings"))


def test_a_phrasal_verb_is_one_more_token_and_meets_its_synonyms() -> None:
    from bot.core.analyzer import Analyzer
    from bot.core.lexical_bridge import expansions_of_word, question_expansions

    analyzer = Analyzer([], lemmatise=True)
    assert "get+in" in analyzer.index("The attackers first got in on April 21.")[1]
    assert "get+in" in analyzer.query("How did the hackers get in?").tokens
    assert "get+in" not in analyzer.index("They got a car in April.")[1]  # no particle after the verb
    assert "enter" in question_expansions("How did they get in?")["get+in"]
    assert "take+off" in expansions_of_word("depart")


def test_a_superlative_that_is_a_lemma_too_meets_its_base() -> None:
    from bot.core.lexical.lemmas import lemma

    assert lemma("lowest") == "low" and lemma("highest") == "high"
    assert lemma("interest") == "interest" and lemma("forest") == "forest"  # not superlatives
