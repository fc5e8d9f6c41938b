"""Stop words (spaCy's list) and English word frequencies (wordfreq)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.lexical.frequency import COMMON_ZIPF, is_common, zipf
from bot.core.lexical.stopwords import QUESTION_WORDS, STOPWORDS
from bot.core.text import words
from tests.core.drafted import drafted_engine


def test_stopwords() -> None:
    assert {"the", "a", "of", "and", "is"} <= STOPWORDS
    assert not {"kidnapping", "police", "embassy"} & STOPWORDS
    assert len(STOPWORDS) > 300


def test_question_words_are_stopwords_and_identifiable() -> None:
    assert {"who", "when", "where", "how", "many", "much", "why", "what", "which"} <= QUESTION_WORDS
    assert QUESTION_WORDS <= STOPWORDS


def test_zipf_order() -> None:
    assert zipf("the") > zipf("police") > zipf("kidnapping") > 0
    assert zipf("The") == zipf("the")
    assert zipf("zzxqjw") == 0.0


def test_is_common() -> None:
    assert is_common("kidnapping") and is_common("the")
    assert not is_common("zzxqjw")
    assert not is_common("kidnapping", min_zipf=6)
    assert COMMON_ZIPF > 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.K. banks", ["uk", "banks"]),
        ("U.S. cents", ["usa", "cents"]),  # "us" is a stop word: WordNet's "USA" keeps the initials
        ("the US said", ["the", "usa", "said"]),
        ("tell us", ["tell", "us"]),  # the pronoun
        ("WHO IS IN CHARGE", ["who", "is", "in", "charge"]),  # capitals WordNet does not know as initials
    ],
)
def test_initials_are_one_word_that_is_not_lost_as_a_stop_word(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_a_demonym_question_meets_the_initials_of_its_country(tmp_path: Path) -> None:
    engine = drafted_engine("The U.S. team won the relay in Oslo on Sunday in 37.1 seconds.\n", "relay", tmp_path)
    answer = engine.ask("When did the American team win the relay?")
    assert answer.answered and "Sunday" in answer.answer, answer.to_json()


def test_the_large_word_lists_are_not_walked_by_the_garbage_collector() -> None:
    import gc

    from bot.core.lexical.morphy import _data as morphy_data
    from bot.core.lexical.morphy import is_lemma
    from bot.core.lexicon import english_words

    assert "aardvark" in english_words() and is_lemma("aardvark", "n")
    assert not gc.is_tracked(english_words())
    assert not any(gc.is_tracked(words) for words in morphy_data()[1].values())
