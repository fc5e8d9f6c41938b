"""Autocomplete for Korean prefixes: through the report's ``korean`` aliases only."""

from __future__ import annotations

from bot.core.engine import Engine


def test_a_korean_alias_offers_the_reports_questions_about_that_body(engine: Engine) -> None:
    offered = engine.complete("국민의힘")
    assert offered, "the alias of the People Power Party offers its questions"
    for question in offered:
        answer = engine.ask(question)
        assert answer.answered and answer.fact_ids, question


def test_a_korean_prefix_with_no_alias_offers_nothing(engine: Engine) -> None:
    assert engine.complete("아무거나 알려줘") == []


def test_an_alias_being_typed_counts(engine: Engine) -> None:
    assert engine.complete("민주") == engine.complete("민주당")
