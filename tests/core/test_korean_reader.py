"""Reading Korean questions: kinds, content words, particles and endings (general questions)."""

from __future__ import annotations

import threading

import pytest

from bot.core.korean import (
    KINDS,
    KoreanQuestion,
    decline_message_ko,
    english_report_note_ko,
    read_korean,
    segment,
    warm,
)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("선거에서 누가 이겼어?", "who"),
        ("새 대통령은 누구야?", "who"),
        ("지진 언제 났어?", "when"),
        ("회담은 며칠에 열려?", "when"),
        ("병원 어디야?", "where"),
        ("사고는 어디서 일어났대?", "where"),
        ("사망자 몇 명이야?", "how_many"),
        ("부상자는 얼마나 많아?", "how_many"),
        ("예산 얼마야?", "how_much"),
        ("실업률 몇 %였어?", "how_much"),
        ("홍수 피해 규모?", "how_much"),
        ("왜 금리를 올렸어?", "why"),
        ("정부가 뭐 발표했어?", "what"),
        ("대통령이 뭐라고 했어?", "said"),
        ("장관은 경찰에 대해 머라고 했어요?", "said"),
        ("인플레이션이 뭐야?", "definition"),
        ("어느 나라가 우승했어?", "which"),
        ("지진 났어?", "yes_no"),
        ("선거 결과 발표됐나요?", "yes_no"),
        ("그 결정 만장일치였음?", "yes_no"),
        ("이번 조치 맞아?", "yes_no"),
    ],
)
def test_kinds(question: str, kind: str) -> None:
    assert read_korean(question).kind == kind
    assert kind in KINDS


def test_content_words_give_english_terms() -> None:
    q = read_korean("프랑스 대사관에 경찰관 몇 명 보낸대?")
    assert q.kind == "how_many"
    assert q.wants_count and q.count_unit == "people"
    for term in ("france", "embassy", "police officer", "send"):
        assert term in q.english_terms
    assert q.mapping["대사관"] == ("embassy",)
    assert q.unknown == ()


def test_particles_and_endings_are_stripped() -> None:
    assert [p.key for p in segment("경찰청이") if p.kind == "noun"] == ["경찰청"]
    assert [p.key for p in segment("병원에서도") if p.kind == "noun"] == ["병원"]
    assert [p.key for p in segment("대사관들한테") if p.kind == "noun"] == ["대사관"]
    assert [(p.kind, p.key) for p in segment("출발한대")] == [("noun", "출발"), ("verb", "하")]
    assert [(p.kind, p.key) for p in segment("발견됐대")] == [("noun", "발견"), ("verb", "되")]
    assert [(p.kind, p.key) for p in segment("떠났어")] == [("verb", "떠나")]
    assert [p.key for p in segment("금리인하") if p.kind == "noun"] == ["금리", "인하"]  # a compound


def test_numbers_with_korean_units() -> None:
    q = read_korean("2023년 8월에 50만 명이 3.5% 늘었어?")
    assert "2023" in q.numbers
    assert "August" in q.numbers
    assert "500000" in q.numbers
    assert "3.5%" in q.numbers


def test_latin_words_are_kept() -> None:
    q = read_korean("WHO 사무총장 Tedros 뭐라고 했어?")
    assert q.latin_words == ("WHO", "Tedros")
    assert q.kind == "said"


def test_unknown_words_become_romanised_names() -> None:
    q = read_korean("존 스미스 장관 어디 갔어?")
    assert q.kind == "where"
    assert "존 스미스" in q.names
    assert "jon seumiseu" in q.names_romanised
    assert "minister" in q.english_terms
    q = read_korean("박지성 선수는 언제 은퇴했어?")
    assert "박지성" in q.names
    assert "park jiseong" in q.names_romanised


def test_a_conjugated_unknown_verb_is_not_a_name() -> None:
    q = read_korean("정부를 뭐라고 깎아내렸어?")
    assert q.kind == "said"
    assert q.names == ()


def test_result_is_frozen_and_deterministic() -> None:
    a = read_korean("서울 지진 언제 났어?")
    b = read_korean("서울 지진 언제 났어?")
    assert a == b
    assert isinstance(a, KoreanQuestion)
    with pytest.raises(AttributeError):
        a.kind = "who"  # type: ignore[misc]


def test_warm_loads_in_the_background() -> None:
    thread = warm()
    assert isinstance(thread, threading.Thread)
    thread.join(timeout=30)
    assert not thread.is_alive()


def test_korean_messages_are_short_korean() -> None:
    for message in (decline_message_ko(), english_report_note_ko()):
        assert 5 < len(message) < 60
        assert any("\uac00" <= c <= "\ud7a3" for c in message)
