"""Several reports side by side: the bot searches them all and names the report it cites."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.core.engine import Engine
from bot.core.errors import UnknownReport

SECOND = "harbor-bridge-reopens"
SEED = (
    "The Harbor Bridge reopened on Monday after two years of repairs, the city transport office said.\n"
    "The repairs cost 48 million dollars, according to Mayor Dana Whitfield.\n"
)
FACTS = """report:
  title: Harbor Bridge reopens
synonyms:
  - [bridge, Harbor Bridge]
facts:
  - id: reopening
    topic: The bridge
    type: [when, what]
    questions: [When did the Harbor Bridge reopen?, when did the bridge open again]
    answer: On Monday, after two years of repairs
    sources:
      - sentence: p1.s1
        quote: "The Harbor Bridge reopened on Monday after two years of repairs, the city transport office said."
  - id: cost
    topic: The bridge
    type: [how_many, what]
    questions: [How much did the bridge repairs cost?, what was the price of fixing the bridge]
    answer: 48 million dollars
    sources:
      - sentence: p2.s1
        quote: "The repairs cost 48 million dollars, according to Mayor Dana Whitfield."
"""


@pytest.fixture
def two_reports(make_data_dir: Callable[..., Path]) -> Path:
    return make_data_dir({f"seeds/{SECOND}.txt": SEED, f"knowledge/{SECOND}/facts.yaml": FACTS})


def test_questions_go_to_the_report_that_answers_them(two_reports: Path) -> None:
    engine = Engine.load(two_reports)
    assert sorted(engine.report_ids) == sorted([SECOND, "korea-cambodia-task-force"])
    bridge = engine.ask("How much did the bridge repairs cost?")
    assert bridge.answered and bridge.citations[0].report == SECOND and "48 million" in bridge.answer
    team = engine.ask("Who leads the task force?")
    assert team.answered and team.citations[0].report == "korea-cambodia-task-force"


def test_report_option_restricts_the_search(two_reports: Path) -> None:
    engine = Engine.load(two_reports)
    assert not engine.ask("Who leads the task force?", report=SECOND).answered
    with pytest.raises(UnknownReport):
        engine.ask("anything", report="nope")


def test_cli_names_the_report_when_there_are_several(two_reports: Path) -> None:
    result = CliRunner().invoke(main, ["ask", "--data-dir", str(two_reports), "when did the bridge reopen"])
    assert result.exit_code == 0
    assert f"p1.s1 ({SECOND}, paragraph 1, sentence 1)" in result.stdout


def test_check_covers_every_report(two_reports: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--data-dir", str(two_reports)])
    assert result.exit_code == 0, result.stderr
    assert f"ok: {SECOND}: 2 facts" in result.stdout
