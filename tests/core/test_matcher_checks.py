"""The curated matcher's checks: each written once, with the factor its failure puts on the score,
and a failed hard check keeping the fact from answering however well it scores."""

from __future__ import annotations

import pytest

from bot.core.analyzer import Analyzer
from bot.core.engine import Engine
from bot.core.knowledge import Fact
from bot.core.matcher import (
    CHECKS,
    HARD_CHECKS,
    NUMBER_MISMATCH,
    PLACE_MISMATCH,
    TYPE_MISMATCH,
    Check,
    Match,
    Ranking,
    decide,
    penalised,
)

FACT = Fact(
    report="r", id="f", topic="t", types=("who",), questions=("who?",), keywords=(), answer="A", sources=()
)


def ranking(*matches: Match) -> Ranking:
    return Ranking("who?", Analyzer(()).query("who?"), frozenset({"who"}), matches)


def test_the_hard_checks_are_type_numbers_owner_and_place() -> None:
    assert [c.name for c in CHECKS] == ["type", "soft_type", "broad", "numbers", "owner", "place"]
    assert frozenset({"type", "numbers", "owner", "place"}) == HARD_CHECKS


def test_each_failed_check_puts_its_factor_on_the_score() -> None:
    assert penalised(0.8, frozenset()) == 0.8
    assert penalised(0.8, frozenset({"type", "place"})) == 0.8 * TYPE_MISMATCH * PLACE_MISMATCH
    assert penalised(0.8, frozenset({"numbers"})) == 0.8 * NUMBER_MISMATCH


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_a_fact_failing_a_hard_check_never_answers(check: Check) -> None:
    match = Match(FACT, score=0.95, coverage=1.0, bm25=1.0, fuzzy=1.0, failed=frozenset({check.name}))
    assert match.answerable is not check.hard
    assert decide(ranking(match)).facts == (() if check.hard else (FACT,))


def test_what_each_check_says_is_read_from_the_failed_checks() -> None:
    match = Match(FACT, 0.5, 1.0, 1.0, 1.0, failed=frozenset({"owner", "broad"}))
    assert (match.type_ok, match.numbers_ok, match.owner_ok, match.place_ok) == (True, True, False, True)
    assert not match.answerable


@pytest.mark.parametrize(
    ("question", "failed"),
    [
        ("how many kidnappings were reported in 2019", "numbers"),  # the report has no 2019
        ("who leads the task force to Laos", "place"),  # nor Laos
        ("what did the Peruvian foreign minister say", "owner"),  # nor anyone's of Peru
    ],
)
def test_the_shipped_report_declines_when_every_candidate_fails_a_hard_check(
    engine: Engine, question: str, failed: str
) -> None:
    index = engine.indexes["korea-cambodia-task-force"]
    matches = index.rank(question).matches
    assert matches and all(failed in m.failed for m in matches[:5])
    assert not engine.ask(question).answered


def test_a_clear_question_passes_every_check(engine: Engine) -> None:
    best = engine.indexes["korea-cambodia-task-force"].rank("who leads the task force").best
    assert best is not None and best.failed == frozenset() and best.answerable
