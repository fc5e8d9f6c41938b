"""The real bot (ReportBot) end to end: the real discord.py client, logged into the local Discord.

Each test starts a local Discord on a free port and the bot as ``reportbot playground`` builds it
(see ``make_bot`` in conftest), acts as users through the local Discord's Python API, and reads
back what the bot sent, as Discord would have shown it.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import discord
import pytest
from discord import app_commands

from bot.core.engine import Engine
from bot.discord_app import runner as runner_module
from bot.discord_app.client import ReportBot
from bot.discord_app.errors import UNEXPECTED
from bot.discord_app.local import LocalDiscord, Message, reportbot_factory, running_bot
from bot.feedback.events import MemorySink
from bot.feedback.store import FeedbackReader

from ...conftest import REPORT_ID
from ..conftest import FAKE_TOKEN, make_settings
from .conftest import TEST_INTERACTION_DEADLINE, FakeClock

WHO_LEADS = "Who leads the task force?"
NOT_IN_REPORT = "How many kidnappings were there in Vietnam?"
ASKED = "**You asked:** "
_WHERE = re.compile(r"^paragraph \d+, sentence \d+$")
#: Discord shows a backslash-escaped symbol as the symbol (simple-markdown's escape rule).
_ESCAPED = re.compile(r"\\([^0-9A-Za-z\s])")


def shown(text: str) -> str:
    """Markdown-escaped text as Discord displays it: without the escapes (and the zero-width
    space that keeps ``@everyone`` inert)."""
    return _ESCAPED.sub(r"\1", text).replace("\u200b", "")


def citations(msg: Message) -> list[tuple[str, str]]:
    """(where, quoted text) of every citation field of the answer embed."""
    assert msg.embed is not None, f"expected an embed, got {msg.text()!r}"
    return [(f["name"], f["value"]) for f in msg.embed.get("fields", []) if f["name"].startswith("paragraph")]


def assert_cites_verbatim(msg: Message, seed_text: str) -> None:
    found = citations(msg)
    assert found, f"no citation in {msg.text()!r}"
    for where, value in found:
        assert _WHERE.match(where), where
        assert value.startswith("> ")
        assert shown(value[2:]) in seed_text, f"not verbatim from the report: {value!r}"


def asked(msg: Message) -> str:
    """The question the embed echoes, as the user sees it."""
    assert msg.embed is not None, f"expected an embed, got {msg.text()!r}"
    first = (msg.embed.get("description") or "").split("\n", 1)[0]
    assert first.startswith(ASKED), first
    return shown(first.removeprefix(ASKED))


def emoji(button: dict[str, Any]) -> str | None:
    return (button.get("emoji") or {}).get("name")


def vote(msg: Message, which: str) -> dict[str, Any]:
    return next(b for b in msg.buttons() if emoji(b) == which)


async def ask(local: LocalDiscord, user: str, question: str = WHO_LEADS) -> Message:
    return await (await local.slash(user, "ask", question=question)).reply()


async def test_the_bot_logs_in_and_sees_the_guild(local: LocalDiscord, bot: ReportBot) -> None:
    assert isinstance(bot, ReportBot)
    assert bot.user is not None and bot.user.id == local.bot_user.id
    assert bot.application_id == local.application_id
    guild = bot.get_guild(local.guild_id)
    assert guild is not None
    assert guild.member_count == len(local.users)  # every member is sent: no chunking needed
    assert guild.me is not None and guild.me.id == local.bot_user.id
    assert [c.name for c in guild.text_channels] == ["general"]
    routes = {(r.method, r.path) for r in local.requests}
    assert ("GET", "/api/v10/users/@me") in routes
    assert ("GET", "/api/v10/oauth2/applications/@me") in routes
    assert local.gateway_log[:3] == ["HELLO", "IDENTIFY", "READY"]
    assert bot.intents.message_content, "the playground's bot asks for message content, for !ask"


async def test_command_sync_sends_names_descriptions_and_autocomplete(
    local: LocalDiscord, bot: ReportBot
) -> None:
    (sync,) = local.command_syncs  # the bot published its commands itself, once, at login
    assert sync.guild_id is None
    synced = {c["name"]: c for c in sync.payload}
    assert sorted(synced) == ["about", "ask", "facts", "help", "source"]
    for command in synced.values():
        assert 1 <= len(command["description"]) <= 100
        for option in command["options"]:
            assert 1 <= len(option["description"]) <= 100
    question, report = synced["ask"]["options"]
    assert (question["name"], question["type"], question["required"]) == ("question", 3, True)
    assert question["autocomplete"] is True and question["max_length"] == 500
    assert (report["name"], report["required"], report["autocomplete"]) == ("report", False, True)
    sentence, _ = synced["source"]["options"]
    assert sentence["name"] == "sentence" and sentence["autocomplete"] is True
    assert [o["name"] for o in synced["facts"]["options"]] == ["report"]
    assert synced["about"]["options"] == [] and synced["help"]["options"] == []


async def test_with_a_guild_id_the_bot_syncs_to_that_guild_itself(
    local: LocalDiscord, engine: Engine, seed_text: str
) -> None:
    async with running_bot(local, reportbot_factory(engine, discord_guild_id=local.guild_id)):
        assert [s.guild_id for s in local.command_syncs] == [local.guild_id]
        assert local.command("ask")["guild_id"] == str(local.guild_id)
        assert_cites_verbatim(await ask(local, "alice"), seed_text)


async def test_slash_ask_answers_with_a_verbatim_citation(
    local: LocalDiscord, bot: ReportBot, seed_text: str, engine: Engine
) -> None:
    reply = await ask(local, "alice")
    assert reply.embed is not None
    assert reply.embed["title"] == "Kim Ji-na, the Second Vice Foreign Minister"
    assert asked(reply) == WHO_LEADS
    assert citations(reply)[0][0] == "paragraph 3, sentence 1"
    assert_cites_verbatim(reply, seed_text)
    assert reply.embed["footer"]["text"] == engine.fact_base(REPORT_ID).info.title
    assert not reply.ephemeral
    assert reply.interaction_user is not None and reply.interaction_user.username == "alice"
    assert [(b.get("label"), emoji(b)) for b in reply.buttons()] == [
        ("Show context", "📖"),
        (None, "👍"),
        (None, "👎"),
    ]
    assert reply.allowed_mentions == {"parse": []}, "no reply pings anyone"


async def test_a_decline_offers_suggestions_and_a_click_answers_one(
    local: LocalDiscord, bot: ReportBot, seed_text: str, engine: Engine, sink: MemorySink
) -> None:
    decline = await ask(local, "bob", NOT_IN_REPORT)
    assert decline.embed is not None and decline.embed["title"] == "The report does not say."
    assert asked(decline) == NOT_IN_REPORT
    assert "Questions I can answer" in decline.embed["description"]
    assert not citations(decline)
    suggestions = decline.buttons()
    assert all(b["style"] == 1 for b in suggestions), "only suggestions: no votes on a decline"
    assert [b["label"] for b in suggestions] == list(engine.ask(NOT_IN_REPORT).suggestions)
    assert 2 <= len(suggestions) <= 3
    answer = await (await local.click("bob", decline, suggestions[0]["custom_id"])).reply()
    assert answer.id != decline.id
    assert asked(answer) == suggestions[0]["label"]
    assert_cites_verbatim(answer, seed_text)
    assert [e.question for e in sink.of_kind("declined")] == [NOT_IN_REPORT]


async def test_show_context_is_only_for_the_user_who_clicked(
    local: LocalDiscord, bot: ReportBot, engine: Engine, seed_text: str
) -> None:
    answer = await ask(local, "alice")
    context = await (await local.click("carol", answer, label="Show context")).reply()
    assert context.ephemeral
    assert context.visible_to == local.user("carol").id
    assert context.embed is not None
    assert context.embed["title"] == "p3.s1: paragraph 3, sentence 1"
    sentence = engine.sentence("p3.s1", REPORT_ID).text
    description = shown(context.embed["description"])
    assert f"**{sentence}**" in description  # the cited sentence in bold ...
    assert description.replace("**", "") in seed_text  # ... inside its whole paragraph, verbatim
    assert len(description.replace("**", "")) > len(sentence)


async def test_prefix_command_with_the_message_content_intent(
    local: LocalDiscord, bot: ReportBot, seed_text: str, engine: Engine
) -> None:
    question = await local.send_message("bob", "!ask when does the team leave?")
    reply = await local.wait_for_message(after=question)
    assert reply.reference_id == question.id
    expected = engine.ask("when does the team leave?")
    assert "Wednesday" in expected.answer
    assert reply.embed is not None and reply.embed["title"] == (expected.parts or (expected.answer,))[0]
    assert asked(reply) == "when does the team leave?"
    assert_cites_verbatim(reply, seed_text)


async def test_a_mention_is_answered_and_a_plain_message_is_not(
    local: LocalDiscord, bot: ReportBot, seed_text: str
) -> None:
    plain = await local.send_message("alice", "who leads the task force?")
    question = await local.send_message(
        "carol", f"{local.bot_user.mention} @everyone who leads the task force?"
    )
    reply = await local.wait_for_message(after=plain)  # the first reply after both messages
    assert reply.reference_id == question.id, "only the message that mentions the bot is answered"
    assert_cites_verbatim(reply, seed_text)
    assert asked(reply) == "@everyone who leads the task force?"
    assert "<@" not in reply.embed["description"]  # type: ignore[index]
    assert reply.allowed_mentions is not None and reply.allowed_mentions["parse"] == []
    assert reply.mentions == []


async def test_autocomplete_offers_questions_and_reports(
    local: LocalDiscord, bot: ReportBot, engine: Engine
) -> None:
    choices = await local.autocomplete("alice", "ask", "question", "who lea")
    assert 1 <= len(choices) <= 25
    assert choices[0]["name"] == WHO_LEADS
    assert all(1 <= len(c["name"]) <= 100 and c["name"] == c["value"] for c in choices)
    assert await local.autocomplete("alice", "ask", "question", "")  # an empty box offers questions too
    reports = await local.autocomplete("alice", "ask", "report", "korea", question=WHO_LEADS)
    title = engine.fact_base(REPORT_ID).info.title
    assert reports == [{"name": f"{title} ({REPORT_ID})", "value": REPORT_ID}]


@pytest.mark.expect_bot_errors
async def test_an_exception_in_a_command_is_reported_and_the_next_command_works(
    local: LocalDiscord, make_bot: Callable[[], ReportBot], seed_text: str
) -> None:
    def with_boom() -> ReportBot:
        client = make_bot()

        @app_commands.command(name="boom", description="Always fails (a test command)")
        async def boom(interaction: discord.Interaction) -> None:
            raise RuntimeError("boom")

        client.tree.add_command(boom)
        return client

    async with running_bot(local, with_boom):
        failed = await (await local.slash("alice", "boom")).reply()
        assert failed.ephemeral
        assert failed.content == UNEXPECTED
        works = await ask(local, "alice")
        assert_cites_verbatim(works, seed_text)


async def test_cooldown_per_user_with_an_injected_clock(
    local: LocalDiscord, bot: ReportBot, clock: FakeClock
) -> None:
    # USER_RATE=5 per USER_RATE_SECONDS=30: a burst of 5, then one more every 6 s.
    for _ in range(5):
        answer = await ask(local, "alice")
        assert answer.embed is not None
    slowed = await ask(local, "alice")
    assert slowed.ephemeral and slowed.content == "Slow down a little: try again in 6 s."
    other = await ask(local, "bob")
    assert other.embed is not None, "another user is not slowed down"
    clock.advance(5)
    still = await ask(local, "alice")
    assert still.ephemeral and still.content == "Slow down a little: try again in 1 s."
    clock.advance(1)
    again = await ask(local, "alice")
    assert again.embed is not None and not again.ephemeral


async def test_thumbs_up_and_down_reach_the_feedback_sink(
    local: LocalDiscord, bot: ReportBot, sink: MemorySink, engine: Engine
) -> None:
    answer = await ask(local, "alice")
    ack = await (await local.click("bob", answer, vote(answer, "👍")["custom_id"])).reply()
    assert ack.ephemeral and ack.visible_to == local.user("bob").id
    assert ack.content == "Thank you, glad it helped! 👍"
    (event,) = sink.events
    expected = engine.ask(WHO_LEADS)
    assert (event.kind, event.question, event.report) == ("helpful", WHO_LEADS, REPORT_ID)
    assert event.fact_ids == expected.fact_ids and event.confidence == round(expected.confidence, 2)
    again = await (await local.click("bob", answer, vote(answer, "👍")["custom_id"])).reply()
    assert again.ephemeral and "already voted" in again.content
    assert len(sink.events) == 1, "one vote per person and answer"
    down = await (await local.click("carol", answer, vote(answer, "👎")["custom_id"])).reply()
    assert down.ephemeral and down.content.startswith("Thank you; this helps fix the answers.")
    assert [e.kind for e in sink.events] == ["helpful", "unhelpful"]


async def test_buttons_still_work_after_the_bot_restarts(
    local: LocalDiscord, make_bot: Callable[[], ReportBot], sink: MemorySink
) -> None:
    async with running_bot(local, make_bot) as first:
        answer = await ask(local, "alice")
    assert not local.bot_online
    async with running_bot(local, make_bot) as second:  # a new client instance
        assert second is not first
        context = await (await local.click("alice", answer, label="Show context")).reply()
        assert context.ephemeral and "Kim Ji-na" in context.embed["description"]  # type: ignore[index]
        ack = await (await local.click("alice", answer, vote(answer, "👍")["custom_id"])).reply()
        assert ack.content == "Thank you, glad it helped! 👍"
    assert [(e.kind, e.question) for e in sink.events] == [("helpful", WHO_LEADS)]
    assert local.gateway_log.count("IDENTIFY") == 2


async def test_the_bot_resumes_after_the_gateway_drops(
    local: LocalDiscord, bot: ReportBot, seed_text: str
) -> None:
    assert await local.drop_gateway() == 1
    question = await local.send_message("alice", "!ask who leads the task force?")  # may wait for the RESUME
    await local.wait_for_gateway("RESUMED")
    assert local.gateway_log.count("IDENTIFY") == 1, "resumed, not identified again"
    reply = await local.wait_for_message(after=question)
    assert_cites_verbatim(reply, seed_text)
    after = await ask(local, "bob")
    assert_cites_verbatim(after, seed_text)


async def test_reportbot_run_serves_a_local_discord_named_in_its_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seed_text: str
) -> None:
    """``reportbot run`` with DISCORD_API_BASE and DISCORD_GATEWAY_URL: the whole runner (settings,
    fact base, SQLite feedback store, login, command sync to DISCORD_GUILD_ID) against a local
    Discord, then a clean stop."""
    started: list[ReportBot] = []

    class Recorded(ReportBot):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            started.append(self)

    monkeypatch.setattr(runner_module, "ReportBot", Recorded)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    db = tmp_path / "feedback.sqlite3"
    try:
        async with LocalDiscord(token=FAKE_TOKEN, interaction_deadline=TEST_INTERACTION_DEADLINE) as local:
            settings = make_settings(
                discord_api_base=local.api_url,
                discord_gateway_url=local.gateway_url,
                discord_guild_id=local.guild_id,
                feedback_db_path=db,
            )
            log = io.StringIO()
            running = asyncio.ensure_future(
                asyncio.to_thread(runner_module.run, settings=settings, stream=log)
            )
            await local.wait_for(lambda: running.done() or local.bot_online, "the bot to connect", 20)
            assert not running.done(), log.getvalue()
            assert [s.guild_id for s in local.command_syncs] == [local.guild_id]  # synced at login
            await local.wait_for(lambda: started[0].is_ready(), "the bot to be ready", 20)
            answer = await ask(local, "alice")
            assert_cites_verbatim(answer, seed_text)
            ack = await (await local.click("bob", answer, vote(answer, "👍")["custom_id"])).reply()
            assert ack.content == "Thank you, glad it helped! 👍"
            (bot,) = started
            asyncio.run_coroutine_threadsafe(bot.close(), bot.loop)
            assert await asyncio.wait_for(running, 20) == 0, log.getvalue()
        assert not local.unknown_routes and not local.rejected
        assert {r.authorized for r in local.requests} - {None} == {True}  # the configured token, here
        assert FAKE_TOKEN not in log.getvalue()
    finally:
        for h in list(root.handlers):
            if h not in handlers:
                root.removeHandler(h)
        root.setLevel(level)
    with FeedbackReader(db) as reader:
        assert [(s.event.kind, s.event.question) for s in reader.events()] == [("helpful", WHO_LEADS)]
