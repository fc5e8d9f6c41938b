"""Autocomplete (``Engine.complete``): one question per fact, cased as a question, closest to
what was typed first, and every one answered with its own fact, on the shipped report and on a
report drafted by ``reportbot add``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.core.answer import Answer
from bot.core.engine import Engine

from ..conftest import REPORT_ID

ARTICLE = """Harbour board fines ferry operator after fuel spill

HALIFAX, May 4 (Reuters) - The Harbour Authority of Nova Scotia fined the ferry operator Bluewater Lines C$2.5 million on Tuesday for a fuel spill that closed the port for three days.

Port Director Amelia Stroud said the spill had been cleaned up by Friday and that the port reopened on Saturday.

"We will not let this happen again," said Omar Reyes, chief engineer at Bluewater Lines. The company will appeal the fine, he said.

Local fisher Dana Pike, 52, said she lost a week of catch because of the closure.

The authority said it would inspect every ferry in the port before the summer season begins in June.
"""
#: Enough to list every question of a report.
ALL = 10_000


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """A report drafted by ``reportbot add`` into a folder of its own, as a user would add one."""
    folder = tmp_path_factory.mktemp("added")
    article = folder / "ferry-spill.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["add", str(article), "--data-dir", str(folder / "data")])
    assert result.exit_code == 0, result.output
    return Engine.load(folder / "data")


def own_fact(engine: Engine, report: str) -> dict[str, str]:
    """Each fact's offered question -> the fact's id, as autocomplete cases it."""
    shown = {}
    for fact in engine.fact_base(report).facts:
        q = fact.suggestion.rstrip(".!? ")
        shown[q[:1].upper() + q[1:] + "?"] = fact.id
    return shown


def answered_with_its_own_fact(engine: Engine, report: str) -> list[str]:
    """Ask every question autocomplete offers; return them."""
    facts = own_fact(engine, report)
    offered = engine.complete("", report, limit=ALL)
    assert len(offered) == len(set(offered)) and offered  # one per fact at most
    for question in offered:
        assert question[0].isupper() and question.endswith("?"), question
        answer: Answer = engine.ask(question, report)
        assert answer.answered and facts[question] in answer.fact_ids, (question, answer.fact_ids)
    for typed in ("who", "what did", "when", "how many", "the", "said", "lea", "xq"):
        assert set(engine.complete(typed, report, limit=ALL)) <= set(offered)
    for question in offered:  # typing the start of a question offers it
        assert question in engine.complete(question[: len(question) * 2 // 3], report), question
    left_out = [q for q, fact in facts.items() if fact not in engine.ask(q, report).fact_ids]
    assert sorted(offered) == sorted(set(facts) - set(left_out))
    return left_out


def test_every_question_offered_on_the_shipped_report_is_answered_with_its_fact(engine: Engine) -> None:
    left_out = answered_with_its_own_fact(engine, REPORT_ID)
    # answered from the same sentence, but by a fact about the party's criticism or blame
    assert left_out == ["What is the People Power Party?", "What is the Democratic Party?"]


def test_every_question_offered_on_a_drafted_report_is_answered_with_its_fact(drafted: Engine) -> None:
    (report,) = drafted.report_ids
    assert answered_with_its_own_fact(drafted, report) == []


def test_the_closest_question_comes_first_and_unrelated_ones_not_at_all(engine: Engine) -> None:
    who_leads = "Who leads the task force?"
    found = engine.complete("who lea")
    assert found[0] == who_leads and len(found) <= 6  # not 25 questions that start with "who"
    assert engine.complete("task force leader")[0] == who_leads  # words in another order and form
    assert engine.complete("who leds the task")[0] == who_leads  # a typo
    assert engine.complete("when does the team leave")[0] == "When does the task force leave for Cambodia?"
    assert engine.complete("travel alert")[:3] == [
        "Will the government upgrade its travel alerts for Cambodia?",
        "Where did the Foreign Ministry raise its travel alert?",
        "Who is considering upgrading the travel alerts?",
    ]
    assert all("kidnap" in q.lower() for q in engine.complete("kidnap")[:4])
    assert engine.complete("zzzz qqq") == []
    assert engine.complete("who", limit=25)[0].startswith("Who ")


def test_a_question_that_gets_another_fact_is_not_offered(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = Engine.load(root)
    asked = engine.ask

    def ask(question: str, report: str | None = None) -> Answer:
        return asked(
            "When does the task force leave?" if question == "Who leads the task force?" else question, report
        )

    monkeypatch.setattr(engine, "ask", ask)
    offered = engine.complete("", limit=ALL)
    assert "Who leads the task force?" not in offered
    assert len(offered) == len(engine.fact_base().facts) - 3  # and the two parties' (see above)


def test_a_first_question_in_lower_case_is_offered_as_a_question(
    make_data_dir: Callable[..., Path],
) -> None:
    path = f"knowledge/{REPORT_ID}/task-force.yaml"
    text = (Path(__file__).resolve().parents[2] / path).read_text(encoding="utf-8")
    data = make_data_dir({path: text.replace("- Who leads the task force?", "- who leads the task force")})
    engine = Engine.load(data)
    assert "who leads the task force" in {f.suggestion for f in engine.fact_base().facts}
    assert engine.complete("who lea")[0] == "Who leads the task force?"
