"""The Korean–English lexicon is data: loaded once, large enough, English lemmas in lower case."""

from __future__ import annotations

import re
from importlib import resources

from bot.core.korean import lexicon
from bot.core.korean.grammar import conjugate
from bot.core.korean.names import surnames

_ENGLISH = re.compile(r"[a-z]+(?: [a-z]+)*")


def _rows() -> list[tuple[str, str]]:
    text = resources.files("bot.core").joinpath("data/ko-en.tsv").read_text("utf-8")
    return [tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")]  # type: ignore[misc]


def test_lexicon_is_loaded_once() -> None:
    assert lexicon() is lexicon()


def test_lexicon_has_at_least_a_thousand_entries() -> None:
    assert len(_rows()) >= 1000
    assert len(lexicon()) + len(lexicon().verbs) >= 1000


def test_header_names_the_source_and_licence() -> None:
    text = resources.files("bot.core").joinpath("data/ko-en.tsv").read_text("utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "wordfreq" in header
    assert "CC BY-SA 4.0" in header


def test_every_english_side_is_lower_case_words() -> None:
    for korean, english in _rows():
        assert re.fullmatch(r"[0-9가-힣]+", korean), korean
        for sense in english.split("|"):
            assert _ENGLISH.fullmatch(sense), (korean, sense)


def test_general_news_words_and_countries() -> None:
    words = lexicon().words
    assert "election" in words["선거"]
    assert "earthquake" in words["지진"]
    assert "interest rate" in words["금리"]
    assert "hospital" in words["병원"]
    assert "embassy" in words["대사관"]
    assert "canada" in words["캐나다"]
    assert {"china", "chinese"} <= set(words["중국"])
    countries = [k for k, v in _rows() if k in {"프랑스", "케냐", "페루", "몽골", "피지", "노르웨이"}]
    assert len(countries) == 6


def test_verbs_are_found_by_their_forms() -> None:
    lex = lexicon()
    assert lex.surfaces["만든다고"] == "만들"
    assert lex.surfaces["떠났어"] == "떠나"
    assert lex.surfaces["올렸대"] == "올리"
    assert "make" in lex.verbs["만들"]


def test_conjugation_of_regular_and_irregular_stems() -> None:
    assert {"해", "했어", "한대", "하라고", "합니다"} <= conjugate("하")
    assert {"돼", "됐대", "된"} <= conjugate("되")
    assert {"봐", "봤어", "봄"} <= conjugate("보")
    assert {"만든", "만드니까", "만들었어"} <= conjugate("만들")  # ㄹ drops before ㄴ
    assert {"몰라", "몰랐어"} <= conjugate("모르")  # 르 irregular
    assert {"받았대", "받는다", "받으면"} <= conjugate("받")
    assert {"어려워", "어려운"} <= conjugate("어렵")  # ㅂ irregular


def test_surname_table() -> None:
    table = surnames()
    assert len(table) >= 100
    assert table["김"][0] == "kim"
    assert "lee" in table["이"]
    assert table["박"][0] == "park"
