"""The matcher on paraphrases, typos, keyword questions, declines and ambiguity."""

from __future__ import annotations

import pytest

from bot.core.engine import MAX_QUESTION_CHARS, Engine
from bot.core.matcher import question_types


def cited(engine: Engine, question: str) -> list[str]:
    answer = engine.ask(question)
    return [c.sentence_id for c in answer.citations]


@pytest.mark.parametrize(
    ("question", "sentence", "says"),
    [
        ("Who leads the response team?", "p3.s1", "Kim Ji-na"),
        ("who is heading the delegation to cambodia", "p3.s1", "Kim Ji-na"),
        ("When does the team leave?", "p3.s1", "Wednesday"),
        ("what agencies are sending people with the team", "p3.s2", "National Intelligence Service"),
        ("is the NIS involved", "p3.s2", "National Intelligence Service"),
        ("kidnapping numbers 2024", "p8.s1", "220"),
        ("how many abductions this year", "p8.s1", "330"),
        ("how many kidnapings in 2024", "p8.s1", "220"),  # typo
        ("where was the body of the student discovered", "p10.s1", "Bokor"),
        ("what were the chinese suspects charged with", "p10.s2", "fraud"),
        ("which areas got a higher travel warning", "p11.s2", "Phnom Penh"),
        ("what is the police's korean desk", "p12.s1", "Korean Desk"),
        ("who did the ruling party blame", "p16.s1", "Yoon Suk Yeol"),
        ("detentions 2023", "p18.s2", "21"),
    ],
)
def test_paraphrases_cite_the_right_sentence(engine: Engine, question: str, sentence: str, says: str) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer
    assert sentence in [c.sentence_id for c in answer.citations[:2]]
    assert says.lower() in answer.answer.lower()


@pytest.mark.parametrize(
    "question",
    [
        "What is the currency of Cambodia?",
        "How many kidnappings were there in Laos?",  # another country
        "How many kidnappings were there in 2022?",  # a figure the report does not state
        "What was the name of the murdered student?",  # a name the report never gives
        "Who is Cambodia's foreign minister?",  # a role the report gives for Seoul only
        "When will the Korean Desk open?",  # a date the report does not give
        "Which university did the murdered student attend?",  # a name the report does not give
        "What level is the travel alert for Phnom Penh?",  # a figure it does not give
        "Who is the president of the United States?",
        "What's the weather like in Phnom Penh today?",
        "asdfghjkl",
        "thanks!",
    ],
)
def test_out_of_scope_questions_are_declined(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert not answer.answered, answer
    assert answer.citations == ()
    assert 0.0 <= answer.confidence <= 1.0
    assert 2 <= len(answer.suggestions) <= 3


def test_a_decline_says_so_plainly(engine: Engine) -> None:
    answer = engine.ask("How do I make kimchi?")
    assert "does not say" in answer.answer


def test_suggestions_are_short_and_answered(engine: Engine) -> None:
    seen: set[str] = set()
    for question in (
        "What is the currency of Cambodia?",
        "hello",
        "kimchi recipe",
        "Who won the election?",
        "How many kidnappings in Vietnam?",
    ):
        seen.update(engine.ask(question).suggestions)
    assert len(seen) >= 3
    for suggestion in seen:
        assert len(suggestion) <= 80
        assert engine.ask(suggestion).answered, suggestion


def test_every_fact_suggestion_is_answered_with_its_own_sentence(engine: Engine) -> None:
    assert engine.audit() == []


def test_ambiguous_rise_cites_both_figures(engine: Engine) -> None:
    answer = engine.ask("how much did kidnappings rise")
    ids = [c.sentence_id for c in answer.citations]
    assert answer.answered
    assert {"p8.s1", "p8.s2"} <= set(ids)


def test_confidence_ranks_a_clear_match_above_a_vague_one(engine: Engine) -> None:
    clear = engine.ask("Who leads the task force?")
    vague = engine.ask("task force")
    junk = engine.ask("zzz")
    assert clear.answered and not clear.uncertain
    assert clear.confidence > junk.confidence
    assert clear.confidence >= vague.confidence


def test_other_languages_get_an_english_hint(engine: Engine) -> None:
    for q in ("谁领导工作组?", "¿Quién dirige el equipo de trabajo?"):
        answer = engine.ask(q)
        assert not answer.answered
        assert "English" in answer.answer
        assert answer.suggestions


def test_a_korean_question_is_answered_with_the_english_sentence(engine: Engine) -> None:
    answer = engine.ask("캄보디아 가는 대응팀 단장 누구야?")
    assert answer.answered and "Kim Ji-na" in answer.answer
    assert answer.citations[0].sentence_id == "p3.s1"
    near_miss = engine.ask("김지나 차관 나이가 몇이야?")
    assert not near_miss.answered and near_miss.suggestions
    assert "보고서" in near_miss.answer


def test_too_long_question_is_refused_with_error(engine: Engine) -> None:
    answer = engine.ask("who leads the team " * 100)
    assert not answer.answered and answer.citations == ()
    assert answer.error and str(MAX_QUESTION_CHARS) in answer.error
    assert len(answer.question) <= 201


def test_mentions_and_noise_are_ignored(engine: Engine) -> None:
    answer = engine.ask("<@123456> @everyone who leads the task force?? https://example.com")
    assert answer.answered and "Kim Ji-na" in answer.answer


def test_empty_question_declines_with_suggestions(engine: Engine) -> None:
    for q in ("", "   ", "?!", "\u200b\u200f"):
        answer = engine.ask(q)
        assert not answer.answered and answer.suggestions and answer.error is None
        assert "I answer questions about" in answer.answer


@pytest.mark.parametrize(
    ("question", "types"),
    [
        ("Who leads the team?", {"who"}),
        ("When does it leave?", {"future"}),
        ("When did the ambassador get summoned?", {"when"}),
        ("When will the Korean Desk open?", {"future"}),
        ("Which day will the team depart?", {"future"}),
        ("How many kidnappings in 2024?", {"how_many"}),
        ("How old was the victim?", {"age"}),
        ("Where was the student found?", {"where"}),
        ("Why was the ambassador summoned?", {"why"}),
        ("Where do the figures come from?", {"who", "where"}),
        ("Will the embassy get more police?", set()),
    ],
)
def test_question_types(question: str, types: set[str]) -> None:
    assert set(question_types(question)) == types


def test_the_report_is_named_in_citations(engine: Engine) -> None:
    answer = engine.ask("Who is Cho Hyun?")
    assert answer.citations[0].report == "korea-cambodia-task-force"
    assert answer.citations[0].paragraph == 11


def test_greetings_get_an_introduction(engine: Engine) -> None:
    for q in ("hi", "hello!", "help", "who are you?"):
        answer = engine.ask(q)
        assert not answer.answered and "I answer questions about" in answer.answer
        assert answer.suggestions


def test_what_is_the_report_about_gets_the_overview(engine: Engine) -> None:
    for q in ("What is the article about?", "what's this story about"):
        answer = engine.ask(q)
        assert answer.answered and "task force" in answer.answer
        assert answer.citations[0].sentence_id == "p1.s1"


@pytest.mark.parametrize(
    ("question", "sentence", "says"),
    [
        ("Is it true that 500 Koreans were kidnapped in 2024?", "p8.s1", "220"),  # a wrong figure
        ("Were the suspects indicted by Korean prosecutors?", "p10.s2", "Cambodian prosecutors"),
        ("Did kidnappings fall in 2024?", "p8.s1", "soared"),  # the wrong direction
        ("Will the team leave on Thursday?", "p3.s1", "Wednesday"),  # the wrong day
    ],
)
def test_yes_no_questions_with_a_wrong_premise_get_the_facts(
    engine: Engine, question: str, sentence: str, says: str
) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer
    assert sentence in [c.sentence_id for c in answer.citations[:2]]
    assert says in answer.answer


def test_a_wrong_figure_in_an_open_question_declines(engine: Engine) -> None:
    assert not engine.ask("Why were 500 Koreans kidnapped in 2024?").answered
    assert not engine.ask("How many kidnappings were there in 2019?").answered


@pytest.mark.parametrize(
    "question",
    [
        "Do you think the opposition's criticism is fair?",
        "Is President Lee handling the crisis well?",
        "In your opinion, should Korea send more police?",
    ],
)
def test_opinions_are_declined(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert not answer.answered and "no verdict" in answer.answer and answer.suggestions


def test_the_question_inside_a_chatty_message_is_answered(engine: Engine) -> None:
    answer = engine.ask("Saw on the news that Korea is sending a team. Who leads the task force?")
    assert answer.answered and "Kim Ji-na" in answer.answer


def test_question_clause_keeps_abbreviations_whole() -> None:
    from bot.core.engine import question_clause

    assert question_clause("How did Rep. Choi describe it?") is None
    assert question_clause("What did the U.S. State Department say?") is None
    assert question_clause("I read it somewhere — who is leading them?") == "who is leading them?"


def test_words_side_by_side_or_inside_one_phrase_token_are_adjacent_either_way_round() -> None:
    from bot.core.matcher import Adjacency

    side_by_side = Adjacency((("peru", "ambassador", "seoul"), ("polici_committe_chair",))).side_by_side
    assert side_by_side("peru", "ambassador")
    assert side_by_side("ambassador", "peru")
    assert side_by_side("committe", "chair")
    assert side_by_side("seoul", "ambassador")
    assert not side_by_side("peru", "seoul")  # a word between them
    assert not side_by_side("seoul", "chair")  # in two texts
    assert not side_by_side("peru", "lima")  # a word no text has
