"""Revised Romanization from jamo, and names by sound (general examples only)."""

from __future__ import annotations

import pytest

from bot.core.korean import best_name_match, is_korean, name_keys, romanize, sound_key
from bot.core.korean.romanize import compose, decompose


@pytest.mark.parametrize(
    ("hangul", "expected"),
    [
        ("서울", "seoul"),
        ("부산", "busan"),
        ("김지나", "gimjina"),
        ("한국어", "hangugeo"),  # liaison
        ("읽어", "ilgeo"),  # a double final moves its second part
        ("좋아", "joa"),  # silent ㅎ before a vowel
        ("국민", "gungmin"),  # nasalisation
        ("합니다", "hamnida"),
        ("신라", "silla"),  # ㄴ + ㄹ
        ("종로", "jongno"),  # ㄹ after ㅇ
        ("국립", "gungnip"),  # ㄹ after a k-final
        ("놓고", "noko"),  # aspiration
        ("클레어", "keulleeo"),  # ㄹ + ㄹ
        ("대한민국", "daehanminguk"),
        ("존 스미스", "jon seumiseu"),  # words romanised separately
        ("BOC 금리", "BOC geumni"),  # other scripts kept
    ],
)
def test_revised_romanization(hangul: str, expected: str) -> None:
    assert romanize(hangul) == expected


def test_jamo_round_trip() -> None:
    for char in "가각힣뷁읽":
        assert compose(*decompose(char)) == char
    with pytest.raises(ValueError):
        decompose("a")


def test_is_korean() -> None:
    assert is_korean("서울 날씨?")
    assert is_korean("What is 금리?")
    assert not is_korean("Who leads the team?")
    assert not is_korean("ㅋㅋ")  # bare jamo are not a word


def test_name_keys_use_the_usual_surname_spellings() -> None:
    keys = name_keys("박지성")
    assert keys[0] == "bakjiseong"
    assert "bak jiseong" in keys
    assert "park jiseong" in keys
    assert "park ji-seong" in keys
    assert any(k.startswith("lee ") for k in name_keys("이민호"))
    assert any(k.startswith("choi ") for k in name_keys("최민수"))


def test_sound_key_meets_english_spelling() -> None:
    assert sound_key("keulleeo") == sound_key("Claire")
    assert sound_key("ema watseun") == sound_key("Emma Watson")


@pytest.mark.parametrize(
    ("hangul", "expected"),
    [
        ("박지성", "Park Ji-sung"),
        ("손흥민", "Son Heung-min"),
        ("존 스미스", "John Smith"),
        ("에마 왓슨", "Emma Watson"),
        ("워싱턴", "Washington"),
    ],
)
def test_best_name_match(hangul: str, expected: str) -> None:
    names = ["Park Ji-sung", "Son Heung-min", "John Smith", "Emma Watson", "Washington", "Tokyo", "Seoul"]
    match = best_name_match(hangul, names)
    assert match is not None
    assert match[0] == expected


def test_best_name_match_declines_what_does_not_sound_alike() -> None:
    assert best_name_match("대통령", ["John Smith", "Emma Watson"]) is None
    assert best_name_match("박지성", []) is None
