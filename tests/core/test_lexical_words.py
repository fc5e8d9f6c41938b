"""Stop words (spaCy's list) and English word frequencies (wordfreq)."""

from __future__ import annotations

from bot.core.lexical.frequency import COMMON_ZIPF, is_common, zipf
from bot.core.lexical.stopwords import QUESTION_WORDS, STOPWORDS


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
