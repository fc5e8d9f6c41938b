"""Reloading the knowledge, offline: the swap in one step, what is rebuilt with it, which files
count, the owner's DM, the uncertain answers recorded, and ``--watch`` reaching the bot."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest.mock import AsyncMock

import discord
import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.core.answer import Answer
from bot.core.engine import Engine
from bot.discord_app.autocomplete import question_choices
from bot.discord_app.client import ReportBot
from bot.discord_app.reload import KnowledgeReloader, owner_dm, watched
from bot.feedback.events import MemorySink

from ..conftest import REPORT_ID
from .conftest import FAKE_TOKEN

WHO_LEADS = "Who leads the task force?"
OLD_ANSWER = "Kim Ji-na, the Second Vice Foreign Minister"
NEW_ANSWER = "Kim Ji-na, who leads the team"
NEW_QUESTION = "Who is the captain of the Cambodia mission?"


class Sent:
    """A replier that keeps what was sent."""

    private = False

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    async def send(self, content: str | None = None, **kwargs: Any) -> None:
        self.sent.append({"content": content, **kwargs})


@pytest.fixture
def new_engine(make_data_dir: Callable[..., Path]) -> Engine:
    """The shipped knowledge with team-leader's answer reworded and a new way of asking first."""
    data = make_data_dir()
    path = data / "knowledge" / REPORT_ID / "task-force.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: team-leader\n")
    head, tail = text[:start], text[start:]
    tail = tail.replace(f"answer: {OLD_ANSWER}\n", f"answer: {NEW_ANSWER}\n", 1)
    tail = tail.replace("    questions:\n", f"    questions:\n      - {NEW_QUESTION}\n", 1)
    path.write_text(head + tail, encoding="utf-8")
    return Engine.load(data)


async def test_a_question_in_flight_finishes_on_the_old_knowledge(
    bot: ReportBot, new_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = bot.answers.engine
    entered, release = threading.Event(), threading.Event()
    real_ask = old.ask

    def slow_ask(question: str, report: str | None = None) -> Answer:
        entered.set()
        assert release.wait(10)
        return real_ask(question, report)

    monkeypatch.setattr(old, "ask", slow_ask)
    first = Sent()
    task = asyncio.create_task(
        bot.answers.answer_question(first, WHO_LEADS, report=None, user_id=1, channel_id=2)
    )
    assert await asyncio.to_thread(entered.wait, 10)
    bot.answers.swap(new_engine)  # while the first question is being answered
    assert bot.engine is new_engine and bot.answers.engine is new_engine
    release.set()
    assert await task == "answered"
    assert first.sent[0]["embed"].title == OLD_ANSWER
    second = Sent()
    await bot.answers.answer_question(second, WHO_LEADS, report=None, user_id=3, channel_id=2)
    assert second.sent[0]["embed"].title == NEW_ANSWER, "the old answer did not leak into the new cache"


async def test_suggestions_autocomplete_and_facts_pages_follow_the_swap(
    bot: ReportBot, new_engine: Engine
) -> None:
    answers = bot.answers
    assert answers.fact_for_suggestion(NEW_QUESTION) is None
    typed = "Who is the captain of the"
    assert NEW_QUESTION not in [c.value for c in question_choices(answers.engine, typed, None)]
    pages_before = "\n".join(f.value for p in answers.facts_pages(None) for f in p.fields)
    assert NEW_QUESTION not in pages_before
    answers.swap(new_engine)
    assert answers.fact_for_suggestion(NEW_QUESTION) == (REPORT_ID, "team-leader")
    choices = question_choices(answers.engine, typed, None)
    assert NEW_QUESTION in [c.value for c in choices]
    pages_after = "\n".join(f.value for p in answers.facts_pages(None) for f in p.fields)
    assert NEW_QUESTION in pages_after
    assert len(answers.cache) == 0


async def test_a_reload_builds_a_new_engine_or_keeps_the_old(
    bot: ReportBot, make_data_dir: Callable[..., Path]
) -> None:
    data = make_data_dir()
    told: list[str] = []

    async def tell(text: str) -> None:
        told.append(text)

    reloader = KnowledgeReloader(bot.answers, data, notify_owner=tell)
    before = bot.engine
    outcome = await reloader.files_changed([data / "knowledge" / REPORT_ID / "crimes.yaml"])
    assert outcome.loaded and bot.engine is not before and told == []
    loaded = bot.engine
    (data / "knowledge" / REPORT_ID / "crimes.yaml").write_text("facts: [\n", encoding="utf-8")
    outcome = await reloader.files_changed([])
    assert not outcome.loaded and bot.engine is loaded
    assert told and "crimes.yaml" in told[0] and "malformed YAML" in told[0]
    await reloader.files_changed([], notify=False)
    assert len(told) == 1, "the owner's own reload is answered in place, not by DM"
    (data / "seeds" / f"{REPORT_ID}.txt").unlink()
    outcome = await reloader.files_changed([])
    assert not outcome.loaded and "there is no report seeds/" in str(outcome.problems[0])


async def test_a_failed_dm_is_logged_and_nothing_else(
    bot: ReportBot, make_data_dir: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> None:
    data = make_data_dir({f"knowledge/{REPORT_ID}/x.yaml": "facts: 1\n"})
    reloader = KnowledgeReloader(
        bot.answers,
        data,
        notify_owner=AsyncMock(
            side_effect=discord.Forbidden(SimpleNamespace(status=403, reason="no"), "DMs closed")
        ),
    )
    outcome = await reloader.files_changed([])
    assert not outcome.loaded
    assert "could not send the reload problems to the application owner" in caplog.text


async def test_the_dm_goes_to_the_owner_or_the_teams_owner() -> None:
    owner, team_owner = AsyncMock(), AsyncMock()
    app = SimpleNamespace(owner=owner, team=None)
    client = SimpleNamespace(application_info=AsyncMock(return_value=app))
    await owner_dm(client, "problems")
    owner.send.assert_awaited_once_with("problems")
    app.team = SimpleNamespace(owner=team_owner)
    await owner_dm(client, "more")
    team_owner.send.assert_awaited_once_with("more")


@pytest.mark.parametrize(
    ("name", "counts"),
    [
        ("knowledge/r/facts.yaml", True),
        ("knowledge/r/facts.yml", True),
        ("knowledge/r/drafted.yaml", True),
        ("seeds/r.txt", True),
        ("knowledge/r/.facts.yaml.swp", False),
        ("knowledge/r/facts.yaml~", False),
        ("knowledge/r/facts.yaml.tmp", False),
        ("knowledge/r/.#facts.yaml", False),
        ("knowledge/r/#facts.yaml#", False),
        ("knowledge/r/4913", False),
        ("knowledge/r/.hidden/facts.yaml", False),
        ("knowledge/r/notes.md", False),
        ("seeds/r.yaml", False),
        ("elsewhere/facts.yaml", False),
    ],
)
def test_which_files_count_as_a_change(tmp_path: Path, name: str, counts: bool) -> None:
    assert watched(tmp_path / name, tmp_path) is counts
    assert not watched(tmp_path.parent / "knowledge" / "r" / "facts.yaml", tmp_path)


async def test_uncertain_answers_are_recorded_without_who_asked(
    bot: ReportBot, sink: MemorySink, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_ask = bot.engine.ask
    monkeypatch.setattr(
        bot.engine, "ask", lambda q, report=None: replace(real_ask(q, report), uncertain=True)
    )
    replier = Sent()
    await bot.answers.answer_question(replier, "who runs the team?", report=None, user_id=77, channel_id=88)
    assert "not fully sure" in replier.sent[0]["embed"].description
    [event] = sink.of_kind("uncertain")
    assert event.question == "who runs the team?" and event.report == REPORT_ID
    assert event.fact_ids == ("team-leader",) and event.confidence is not None
    assert not {"user", "user_id", "channel", "channel_id", "guild"} & set(vars(event))
    monkeypatch.setattr(bot.engine, "ask", real_ask)
    await bot.answers.answer_question(Sent(), WHO_LEADS, report=None, user_id=77, channel_id=88)
    assert len(sink.of_kind("uncertain")) == 1, "a sure answer is not recorded"


def test_run_watch_reaches_the_bot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[tuple[bool, Path | None]] = []

    async def login(self: ReportBot, token: str) -> None:
        seen.append((self.watch, self.reloader.data_dir))
        raise discord.LoginFailure("stop here")

    monkeypatch.setattr(ReportBot, "login", login)
    monkeypatch.chdir(tmp_path)
    env = {
        "DISCORD_TOKEN": FAKE_TOKEN,
        "FEEDBACK_ENABLED": "false",
        "REPORTBOT_DATA_DIR": str(Path(__file__).parents[2]),
    }
    for watch in (["--watch"], []):
        result = CliRunner().invoke(main, ["run", *watch], env=env)
        assert result.exit_code == 1 and "Discord rejected the token" in result.stderr
    assert [w for w, _ in seen] == [True, False]
    assert seen[0][1] == Path(__file__).parents[2]
    for command in (["run", "--help"], ["playground", "--help"]):
        assert "--watch" in CliRunner().invoke(main, command).output


def test_a_long_problem_list_is_cut_at_a_whole_line() -> None:
    from bot.core.errors import Problem
    from bot.discord_app.reload import ReloadOutcome

    outcome = ReloadOutcome(
        False, problems=tuple(Problem(f"k/{n}.yaml", n, "bad " + "x" * 300) for n in range(30))
    )
    text = outcome.report(max_chars=1900)
    assert len(text) <= 1900 and text.splitlines()[-1].startswith("  ... and ")
    assert all(line.startswith(("The knowledge", "  k/", "  ...")) for line in text.splitlines())


async def test_about_env_example_and_readme_say_uncertain_answers_are_stored(
    bot: ReportBot, root: Path
) -> None:
    from .test_commands import about_text

    text = await about_text(bot)
    assert "when I am not fully sure of an answer" in text and "'uncertain'" in text
    assert "the confidence" in text and "Never who asked" in text
    example = (root / ".env.example").read_text(encoding="utf-8")
    assert "uncertain" in example[example.index("# --- Feedback") :]
    readme = (root / "README.md").read_text(encoding="utf-8")
    stored = readme[readme.index("- **What is stored**") : readme.index("- **Where**")]
    assert "`uncertain`" in stored and "Never user ids" in stored


def test_playground_watch_reaches_the_bot(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    import bot.discord_app.local as local

    made: list[ReportBot] = []

    def fake_run(make_bot: Callable[[], ReportBot] | None, **_: Any) -> None:
        assert make_bot is not None
        made.append(make_bot())

    monkeypatch.setattr(local, "run_playground", fake_run)
    for args, watch in ((["--watch"], True), ([], False)):
        result = CliRunner().invoke(
            main, ["playground", "--data-dir", str(root), "--report", REPORT_ID, *args]
        )
        assert result.exit_code == 0, result.output
        assert made[-1].watch is watch
        assert made[-1].reloader.data_dir == root and made[-1].reloader.reports == [REPORT_ID]
        made[-1].answers.close()
