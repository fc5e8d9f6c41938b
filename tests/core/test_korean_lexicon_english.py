"""Every English side of the Korean lexicon is English the core knows: a word of its English word
list, a lemma of its lemmatiser or a common word (each word of a phrase); else the name of a
place (``data/ko-places.tsv``) or the transcription of its own Korean (코스피 kospi, 전세 jeonse)."""

from __future__ import annotations

from importlib import resources

from bot.core.korean import lexicon
from bot.core.korean.names import name_score
from bot.core.lexical import frequency, wordnet
from bot.core.lexical.lemmas import lemma
from bot.core.lexicon import english_words

#: A Korean loanword or romanised term and its English side must sound this alike (0–100).
TRANSCRIBED = 80.0


def _rows() -> list[tuple[str, list[str]]]:
    text = resources.files("bot.core").joinpath("data/ko-en.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            korean, english = line.split("\t")
            rows.append((korean, english.split("|")))
    return rows


def _known(word: str) -> bool:
    return word in english_words() or wordnet.known(word) or wordnet.known(lemma(word)) or frequency.is_common(word)


def test_every_english_side_is_english_the_core_knows() -> None:
    places = lexicon().places
    unknown = []
    for korean, senses in _rows():
        for sense in senses:
            if _known(sense) or all(_known(w) for w in sense.split()):
                continue
            if korean in places or name_score(korean, sense) >= TRANSCRIBED:
                continue
            unknown.append((korean, sense))
    assert unknown == []


def test_the_check_would_catch_a_word_the_core_does_not_know() -> None:
    assert not _known("qwxzv")
    assert _known("earthquake") and _known("interest") and _known("kidnappings")
    assert name_score("랜섬웨어", "ransomware") >= TRANSCRIBED
    assert name_score("선거", "election") < TRANSCRIBED
