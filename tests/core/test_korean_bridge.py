"""Korean questions about English reports, read against each report's own names and words.

An article added with ``reportbot add`` and no hand edits (written for these tests) is asked in
Korean: its people are found by sound, each Korean word takes the English sense the report uses,
a place the report never names is declined, and every answer quotes the English sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.core.engine import Engine
from bot.core.korean import decline_message_ko
from bot.core.korean.names import NameBook
from bot.core.korean_bridge import (
    KoreanAliases,
    ReportTerms,
    english_questions,
    looks_transcribed,
    read_for_english,
    sound_names,
)

ARTICLE = """\
HAMBURG, March 3 (Reuters) - Hamburg will open its new harbour bridge to traffic on May 12, Mayor Olivia Hartmann said on Monday, two years later than first planned.
The bridge cost 840 million euros, about 310 million more than the city council approved in 2019, according to the city's finance office.
“We are late, and it cost more than we promised, but this bridge will serve the port for a hundred years,” Hartmann told reporters at the city hall.
Chief engineer Tomas Brenner said the delay came from corroded steel found in the old foundations in 2022, which had to be replaced before work could go on.
About 45,000 vehicles a day are expected to cross the bridge, most of them trucks carrying containers from the port.
The opposition Green Party called for an independent inquiry into the cost overrun. “Taxpayers deserve to know who signed off on these numbers,” said party leader Jana Weiss.
Tolls will not be charged in the first year, the city said.
"""


@pytest.fixture(scope="module")
def bridge(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("korean-article")
    source = folder / "harbour-bridge.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["add", str(source), "--data-dir", str(folder / "data")])
    assert result.exit_code == 0, result.output
    return Engine.load(folder / "data")


@pytest.mark.parametrize(
    ("question", "sentence", "term"),
    [
        ("올리비아 하트만 시장은 다리를 언제 연다고 했어?", "p1.s1", "May 12"),
        ("하루에 차량 몇 대가 다리를 건너?", "p5.s1", "45,000"),
        ("녹색당은 뭘 요구했어?", "p6.s1", "inquiry"),
        ("통행료는 첫해에 받아?", "p7.s1", "No"),
        ("토마스 브레너는 공사가 왜 늦어졌다고 했어?", "p4.s1", "Corroded"),
    ],
)
def test_a_new_article_is_answered_in_korean_with_no_hand_edits(
    bridge: Engine, question: str, sentence: str, term: str
) -> None:
    answer = bridge.ask(question)
    assert answer.answered, answer.answer
    assert sentence in [c.sentence_id for c in answer.citations[:2]]
    assert term in answer.answer
    assert answer.question == question
    assert answer.language == "ko"
    quoted = bridge.sentence(sentence).text
    assert quoted in [c.text for c in answer.citations]  # the English sentence, verbatim


@pytest.mark.parametrize(
    "question",
    [
        "베를린 다리는 언제 열려?",  # a city the report never names
        "브레너 나이는 몇 살이야?",  # his age is not given
        "다리 길이는 몇 미터야?",  # nor the bridge's length
    ],
)
def test_near_misses_are_declined_in_korean_with_english_suggestions(bridge: Engine, question: str) -> None:
    answer = bridge.ask(question)
    assert not answer.answered and not answer.citations
    assert answer.answer == decline_message_ko()
    assert answer.suggestions
    assert all(s.isascii() for s in answer.suggestions)  # as the report states them


def test_a_name_is_heard_before_the_lexicon_can_cut_it() -> None:
    # 올리비아 read by the lexicon would be 올 "this" + 리비아 "Libya", a place never named.
    book = NameBook(["Hamburg"], ["Olivia Hartmann", "Tomas Brenner"])
    text, names = sound_names("올리비아 하트만 시장은 뭐라고 했어?", book)
    assert names == ["Olivia Hartmann"]
    assert text == "Olivia Hartmann 시장은 뭐라고 했어?"
    text, names = sound_names("하트만은 누구야?", book)
    assert names == ["Olivia Hartmann"] and text.startswith("Olivia Hartmann")
    # A word the reader knows is never taken for a name.
    assert sound_names("다리 길이는 몇 미터야?", book) == ("다리 길이는 몇 미터야?", [])


def test_each_word_takes_the_sense_the_report_uses() -> None:
    question = "위원회는 금리를 동결했어?"  # 동결: freeze | hold
    plain = english_questions(question)[0]
    assert "freeze" in plain
    holds = ReportTerms(NameBook([]), frozenset({"hold", "holding", "rate", "committee"}))
    reading = english_questions(question, holds)[0]
    assert "hold" in reading and "freeze" not in reading


def test_a_place_before_a_noun_is_an_adjective() -> None:
    terms = ReportTerms(NameBook([]), frozenset({"canada", "canadian", "dollar"}))
    assert "canadian dollar" in english_questions("캐나다 달러는 어떻게 됐어?", terms)[0]


def test_questions_of_each_kind_read_as_english_questions() -> None:
    book = NameBook([], ["Olivia Hartmann"])
    terms = ReportTerms(book, frozenset({"mayor", "age", "bridge"}))
    assert english_questions("하트만 시장 나이는 몇 살이야?", terms)[0] == "how old is Olivia Hartmann mayor?"
    said = english_questions("하트만 시장이 다리에 대해 뭐라고 했어?", terms)[0]
    assert said.startswith("what did Olivia Hartmann say about")


def test_a_question_mostly_unread_is_not_asked() -> None:
    # Two words the lexicon lacks and no name of the report: too little understood to answer.
    reading = read_for_english("쿼카 깡충깡충 어디?", ReportTerms(NameBook(["Hamburg"]), frozenset()))
    assert reading.unread and reading.mostly_unread


def test_korean_aliases_name_bodies_whose_korean_name_is_no_transliteration() -> None:
    aliases = KoreanAliases.of([["People Power Party", "국민의힘"], ["Green Party", "녹색당", "녹색 당"]])
    assert aliases.apply("국민의힘은 뭐라고 했어?") == "People Power Party은 뭐라고 했어?"
    assert "People Power Party" in english_questions("국민의힘은 뭐라고 했어?", None, aliases)[0]


def test_an_alias_in_report_yaml_reaches_the_answer(make_data_dir: object, tmp_path: Path) -> None:
    data = make_data_dir(  # type: ignore[operator]
        {"knowledge/korea-cambodia-task-force/korean.yaml": "korean:\n  - [People Power Party, 국민의힘]\n"}
    )
    engine = Engine.load(data)
    assert ("People Power Party", "국민의힘") in engine.fact_base().korean
    answer = engine.ask("국민의힘 의원들은 언제 정부를 비판했어?")
    assert answer.answered and answer.citations[0].sentence_id == "p13.s1"
    assert "Tuesday" in answer.answer


def test_transcriptions_are_told_from_sino_korean_words() -> None:
    assert looks_transcribed("캘거리") and looks_transcribed("몬트리올") and looks_transcribed("프라임")
    assert not looks_transcribed("연준") and not looks_transcribed("수익률") and not looks_transcribed("시추")


def test_a_transcribed_name_the_report_lacks_stays_in_the_question() -> None:
    terms = ReportTerms(NameBook(["Toronto", "Vancouver"]), frozenset({"house", "price", "home"}))
    reading = read_for_english("캘거리 집값은 얼마야?", terms)
    assert reading.unread == ("캘거리",)
    assert "kaelgeori" in reading.questions[0]


def test_who_said_it_is_the_topic_when_no_name_is() -> None:
    terms = ReportTerms(NameBook([]), frozenset({"governor", "housing"}))
    assert english_questions("총재는 주택에 대해 뭐라고 했어?", terms)[0] == "what did the governor say about housing?"


def test_counts_and_durations() -> None:
    terms = ReportTerms(NameBook([]), frozenset({"aftershock", "emergency", "month", "monitoring"}))
    assert english_questions("여진은 몇 번 있었어?", terms)[0] == "how many aftershock?"  # 번: times, not 벌다
    assert english_questions("비상사태는 며칠 동안이야?", terms)[0].startswith("how long")
    assert english_questions("모니터링은 몇 개월이야?", terms)[0].startswith("how many months")
