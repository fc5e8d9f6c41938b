"""The lead sentence sums up the story: when it wins, the passing detail close behind is cited too."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.engine import Engine
from tests.core.drafted import drafted_engine

ARTICLE = (
    "OSLO, May 3 (Reuters) - Vela Shipping said on Monday it would cut 400 jobs at its Bergen yard "
    "after orders for ferries fell for a third year.\n"
    "Vela’s job cuts will begin in September and end by March, the company said.\n"
    "Chief Executive Ana Lind said the yard would keep building tugs. “We have no choice,” she said.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return drafted_engine(ARTICLE, "vela", Path(tmp_path_factory.mktemp("lead")))


def test_when_the_lead_wins_the_passing_detail_behind_it_is_cited_second(engine: Engine) -> None:
    answer = engine.ask("When will Vela Shipping cut jobs?")
    assert [c.sentence_id for c in answer.citations] == ["p1.s1", "p2.s1"], answer.to_json()
    assert "September" in answer.answer


def test_a_detail_that_fails_a_check_is_not_cited_beside_the_lead(engine: Engine) -> None:
    answer = engine.ask("When will Vela Shipping cut jobs at the Bergen yard?")  # p2 names no Bergen
    assert [c.sentence_id for c in answer.citations] == ["p1.s1"], answer.to_json()


def _match(paragraph: int, score: float):  # type: ignore[no-untyped-def]
    from bot.core.index import Doc
    from bot.core.knowledge import Fact
    from bot.core.ranking import Match
    from bot.core.report import Sentence

    sentence = Sentence("x", paragraph, 1, f"Sentence {paragraph} says when the yard closes.")
    fact = Fact("x", f"p{paragraph}-s1", "", (), ("q",), (), "", (sentence,))
    doc = Doc(fact, (), frozenset(), (), (), frozenset(), frozenset(), frozenset(), frozenset({"date"}))
    return Match(fact, doc, score=score, coverage=score, asked=0.0, fuzzy=0.0)


@pytest.mark.parametrize(("second", "cited"), [(0.7, 2), (0.65, 2), (0.55, 1)])
def test_a_passing_fact_close_behind_the_best_is_cited_second(second: float, cited: int) -> None:
    from bot.core.decide import decide
    from bot.core.question import read_question
    from bot.core.ranking import Ranking

    matches = (_match(3, 0.8), _match(4, second))
    ranking = Ranking(read_question("When will the yard close?"), None, {}, matches)  # type: ignore[arg-type]
    assert len(decide(ranking).facts) == cited
