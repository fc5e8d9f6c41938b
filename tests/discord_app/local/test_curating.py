"""The curator's loop through the local Discord: a declined question, `reportbot review`, its
export applied, the knowledge reloaded while the bot runs, and the question answered.

Reloads go through the one seam, ``bot.reloader.files_changed``; one test uses the real file
watcher (``watch=True``) instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.core.engine import Engine
from bot.discord_app.client import ReportBot
from bot.discord_app.local import LocalDiscord, Message, reportbot_factory, running_bot
from bot.feedback.store import SqliteFeedbackStore

from ...conftest import REPORT_ID
from ...test_cli_add import ARTICLE
from .test_end_to_end import WHO_LEADS, ask, citations, vote

CAPTAINS = "Which official captains the team?"
TASK_FORCE = f"knowledge/{REPORT_ID}/task-force.yaml"
P3_S1 = "The team, led by Second Vice Foreign Minister Kim Ji-na, will depart Wednesday, presidential spokesman Kim Nam-joon told reporters."
#: The real watcher must have reloaded by then (the issue's bound; it takes about 2 s).
WATCH_TIMEOUT = 10.0


async def cli(*args: str | Path) -> str:
    """``reportbot ARGS`` in a worker thread (the bot keeps running); its output, exit code 0."""
    result = await asyncio.to_thread(CliRunner().invoke, main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def declined(msg: Message) -> bool:
    return (
        msg.embed is not None and msg.embed.get("title") == "The report does not say." and not citations(msg)
    )


async def test_the_whole_loop_declined_reviewed_applied_reloaded_answered(
    local: LocalDiscord, make_data_dir: Callable[..., Path], tmp_path: Path
) -> None:
    data = make_data_dir()
    db = tmp_path / "feedback.sqlite3"
    store = SqliteFeedbackStore(db, 90)
    try:
        make = reportbot_factory(Engine.load(data), feedback=store, data_dir=data)
        async with running_bot(local, make) as bot:
            assert declined(await ask(local, "alice", CAPTAINS))
            await local.wait_for(lambda: store.counts()["declined"] == 1 or None, "the decline to be stored")

            out = await cli("review", "--db", db, "--data-dir", data)
            assert f"1. 1× {CAPTAINS!r}  (1 declined)" in out
            assert "closest fact: team-leader" in out and f"p3.s1: {P3_S1}" in out
            exported = tmp_path / "review.yaml"
            await cli("review", "--db", db, "--data-dir", data, "--export", exported)
            assert "action: add-questions\n    fact: team-leader" in exported.read_text(encoding="utf-8")
            out = await cli("review", "--apply", exported, "--data-dir", data)
            assert f"updated {TASK_FORCE}" in out
            await cli("check", "--data-dir", data)

            outcome = await bot.reloader.files_changed([data / TASK_FORCE])
            assert outcome.loaded and outcome.reports == (REPORT_ID,)
            again = await ask(local, "alice", CAPTAINS)  # the same question: no stale cached decline
            assert citations(again) == [("paragraph 3, sentence 1", "> " + P3_S1)]
            assert (
                again.embed is not None
                and again.embed["title"] == "Kim Ji-na, the Second Vice Foreign Minister"
            )
    finally:
        store.close()


async def test_a_broken_edit_keeps_the_previous_knowledge_and_the_owner_gets_the_problems(
    local: LocalDiscord, make_data_dir: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> None:
    data = make_data_dir()
    async with running_bot(local, reportbot_factory(Engine.load(data), data_dir=data)) as bot:
        path = data / TASK_FORCE
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("The team, led by", "The crew, led by", 1), encoding="utf-8")
        (data / "knowledge" / REPORT_ID / "extra.yaml").write_text(
            "facts:\n  - id: [broken\n", encoding="utf-8"
        )
        outcome = await bot.reloader.files_changed([path])
        assert not outcome.loaded
        dms = await local.wait_for(lambda: local.direct_messages("alice") or None, "the owner's DM")
        checked = CliRunner().invoke(main, ["check", "--data-dir", str(data)])
        problems = [line for line in checked.output.splitlines() if line.startswith("  ")]
        assert len(problems) == 2
        assert dms[0].content.splitlines() == [
            "The knowledge was not reloaded: the fact base has 2 problem(s); the previous knowledge is still served.",
            *problems,
        ], "the problems as `reportbot check` words them"
        assert "extra.yaml:3: malformed YAML" in problems[0]
        assert f"{TASK_FORCE}:120: fact 'team-leader': the quote of p3.s1 does not match" in problems[1]
        assert local.direct_messages("bob") == [], "only the application owner is told"
        logged = [r.getMessage() for r in caplog.records if r.name == "bot.discord_app.reload"]
        assert any("does not match the report verbatim" in m for m in logged)
        reply = await ask(local, "bob", WHO_LEADS)
        assert citations(reply)[0][0] == "paragraph 3, sentence 1", "still answering from before"


async def test_the_owner_reloads_the_knowledge_by_mention(
    local: LocalDiscord, make_data_dir: Callable[..., Path]
) -> None:
    data = make_data_dir()
    async with running_bot(local, reportbot_factory(Engine.load(data), data_dir=data)) as bot:
        mention = f"<@{local.bot_user.id}>"
        asked = await local.send_message("alice", f"{mention} reload knowledge")
        reply = await local.wait_for_message(after=asked)
        facts = len(bot.engine.fact_base().facts)
        assert reply.content == f"Reloaded the knowledge: 1 report(s) ({REPORT_ID}), {facts} facts."
        asked = await local.send_message("alice", f"{mention} reload ask")
        assert (await local.wait_for_message(after=asked)).content == "Reloaded: ask."
        (data / "knowledge" / REPORT_ID / "extra.yaml").write_text("facts: 3\n", encoding="utf-8")
        asked = await local.send_message("alice", f"{mention} reload knowledge")
        reply = await local.wait_for_message(after=asked)
        assert reply.content.startswith("The knowledge was not reloaded")
        assert "extra.yaml" in reply.content and "`facts` must be a list" in reply.content.replace("\\", "")
        asked = await local.send_message("bob", f"{mention} reload knowledge")
        reply = await local.wait_for_message(after=asked)
        assert "Reloaded" not in reply.content and len(bot.reloader.history) == 2, "owner only"


async def test_a_report_added_while_running_is_served_after_the_reload(
    local: LocalDiscord, make_data_dir: Callable[..., Path], tmp_path: Path
) -> None:
    data = make_data_dir()
    async with running_bot(local, reportbot_factory(Engine.load(data), data_dir=data)) as bot:
        (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
        await cli("add", tmp_path / "ferry.txt", "--data-dir", data)
        outcome = await bot.reloader.files_changed([data / "seeds" / "ferry.txt"])
        assert outcome.reports == ("ferry", REPORT_ID)
        reply = await (
            await local.slash("alice", "ask", question="How old is Dana Pike?", report="ferry")
        ).reply()
        assert reply.embed is not None and reply.embed["title"] == "52"
        choices = await local.autocomplete("alice", "ask", "report", "fer")
        assert [c["value"] for c in choices] == ["ferry"]


def remove_fact(text: str, fact_id: str) -> str:
    start = text.index(f"  - id: {fact_id}\n")
    end = text.find("\n  - id: ", start + 1)
    return text[:start] + text[end + 1 :]


async def test_buttons_from_before_a_reload(local: LocalDiscord, make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir()
    async with running_bot(local, reportbot_factory(Engine.load(data), data_dir=data)) as bot:
        leader = await ask(local, "alice", WHO_LEADS)  # cites p3.s1, fact team-leader
        numbers = await ask(local, "alice", "How many Koreans were kidnapped in Cambodia in 2024?")
        assert citations(numbers) and "p3.s1" not in str(numbers.buttons())
        # p3.s1 is reworded (in the report and in every quote of it), and team-leader removed
        for path in [data / "seeds" / f"{REPORT_ID}.txt", *(data / "knowledge" / REPORT_ID).glob("*.yaml")]:
            text = path.read_text(encoding="utf-8").replace("will depart Wednesday", "will leave Wednesday")
            path.write_text(
                remove_fact(text, "team-leader") if path.name == "task-force.yaml" else text, encoding="utf-8"
            )
        assert (await bot.reloader.files_changed([data / TASK_FORCE])).loaded

        context = await (await local.click("bob", leader, label="Show context")).reply()
        assert context.ephemeral and context.content.startswith(
            "Sentence p3.s1 of the report has changed since this answer; ask again"
        )
        down = await (await local.click("bob", leader, vote(leader, "👎")["custom_id"])).reply()
        assert down.ephemeral and down.content.startswith("That answer is out of date")
        still = await (await local.click("bob", numbers, label="Show context")).reply()
        assert still.ephemeral and still.embed is not None and still.embed["title"].startswith("p")
        up = await (await local.click("bob", numbers, vote(numbers, "👍")["custom_id"])).reply()
        assert up.content == "Thank you, glad it helped! 👍"


async def test_the_real_watcher_reloads_after_an_edit_and_ignores_editor_files(
    local: LocalDiscord, make_data_dir: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.discord_app.reload")
    data = make_data_dir()
    make = reportbot_factory(Engine.load(data), data_dir=data, watch=True)
    async with running_bot(local, make) as bot:
        assert isinstance(bot, ReportBot)
        assert declined(await ask(local, "alice", CAPTAINS))
        folder = data / "knowledge" / REPORT_ID
        path = data / TASK_FORCE
        text = path.read_text(encoding="utf-8")
        (folder / ".task-force.yaml.swp").write_text("half a swap file", encoding="utf-8")
        (folder / "task-force.yaml~").write_text("facts: [broken", encoding="utf-8")
        (folder / "4913.tmp").write_text("", encoding="utf-8")
        anchor = "      - who is running the task force\n"
        edited = text.replace(anchor, anchor + f"      - {CAPTAINS}\n")
        with path.open("w", encoding="utf-8") as out:  # a save written in two pieces
            out.write(edited[: len(edited) // 2])
            out.flush()
            await asyncio.sleep(0.1)  # the first half alone does not load: it must not be reloaded
            out.write(edited[len(edited) // 2 :])
        await local.wait_for(lambda: bot.reloader.history or None, "a reload", timeout=WATCH_TIMEOUT)
        [outcome] = bot.reloader.history
        assert outcome.loaded and outcome.changed == (str(path),), "editor files are ignored"
        assert local.direct_messages("alice") == [], "no half-written file was reloaded"
        again = await ask(local, "alice", CAPTAINS)
        assert citations(again)[0][0] == "paragraph 3, sentence 1"
