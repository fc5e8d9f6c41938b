"""The slash commands Discord is told about, the information commands, and the owner's tools."""

from __future__ import annotations

import re
from unittest.mock import AsyncMock

import discord
import pytest
from discord.ext import commands

from bot import __version__
from bot.core.engine import MAX_QUESTION_CHARS, Engine
from bot.discord_app.client import ReportBot
from bot.discord_app.extensions import EXTENSIONS
from bot.feedback.events import MAX_STORED_QUESTION_CHARS

from ..conftest import REPORT_ID
from .conftest import OWNER_ID, BotFactory, make_ctx, make_interaction, only_send, replies

NAME = re.compile(r"^[-_\w]{1,32}$")


def test_slash_command_payloads(bot: ReportBot) -> None:
    payloads = {c.name: c.to_dict(bot.tree) for c in bot.tree.get_commands()}
    assert set(payloads) == {"ask", "facts", "source", "about", "help"}
    for payload in payloads.values():
        assert NAME.match(payload["name"]) and payload["name"] == payload["name"].lower()
        assert 1 <= len(payload["description"]) <= 100
        assert payload["contexts"] == [0, 1]  # servers and DMs with the bot
        for option in payload["options"]:
            assert NAME.match(option["name"]) and 1 <= len(option["description"]) <= 100
    question, report = payloads["ask"]["options"]
    assert question == {
        "type": 3,
        "name": "question",
        "description": "Your question, e.g. Who leads the task force?",
        "required": True,
        "autocomplete": True,
        "min_length": 1,
        "max_length": MAX_QUESTION_CHARS,
    }
    assert report["required"] is False and report["autocomplete"] is True
    assert payloads["source"]["options"][0]["name"] == "sentence"


def test_owner_tools_are_hidden_text_commands(bot: ReportBot) -> None:
    admin = bot.get_cog("Admin")
    assert {c.name for c in admin.get_commands()} == {"sync", "reload"}
    assert all(c.hidden for c in admin.get_commands())
    assert not any(c.name in {"sync", "reload"} for c in bot.tree.get_commands())


async def test_setup_hook_syncs_to_the_test_server_only(
    make_bot: BotFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    sync = AsyncMock(return_value=[])
    monkeypatch.setattr(discord.app_commands.CommandTree, "sync", sync)
    await make_bot()
    sync.assert_not_awaited()
    await make_bot(discord_guild_id=123)
    sync.assert_awaited_once()
    assert sync.await_args.kwargs["guild"].id == 123


async def test_global_sync_only_on_request(engine, sink, clock, monkeypatch: pytest.MonkeyPatch) -> None:
    from .conftest import make_settings

    sync = AsyncMock(return_value=[])
    monkeypatch.setattr(discord.app_commands.CommandTree, "sync", sync)
    bot = ReportBot(engine=engine, settings=make_settings(), feedback=sink, clock=clock, sync_global=True)
    await bot.setup_hook()
    sync.assert_awaited_once_with()
    await bot.close()


async def test_source_shows_the_sentence_in_its_paragraph(bot: ReportBot, seed_text: str) -> None:
    cog = bot.get_cog("Info")
    i = make_interaction(bot)
    await cog.source.callback(cog, i, sentence="P8.S2")
    sent = only_send(i)
    embed = sent["embed"]
    assert embed.title == "p8.s2: paragraph 8, sentence 2"
    assert "**In previous years, the average was between 10 and 20.**" in embed.description
    assert "soared to 220" in embed.description
    assert sent["allowed_mentions"].to_dict() == {"parse": []}


async def test_source_autocomplete(bot: ReportBot) -> None:
    cog = bot.get_cog("Info")
    found = await cog.source_sentence_autocomplete(make_interaction(bot), "p3")
    assert [c.value for c in found][:2] == ["p3.s1", "p3.s2"]
    found = await cog.source_sentence_autocomplete(make_interaction(bot), "")
    assert len(found) == 25 and all(len(c.name) <= 100 for c in found)
    found = await cog.source_sentence_autocomplete(make_interaction(bot), "bokor")
    assert [c.value for c in found] == ["p10.s1"]


async def test_about_says_what_is_stored(bot: ReportBot) -> None:
    cog = bot.get_cog("Info")
    i = make_interaction(bot)
    await cog.about.callback(cog, i)
    sent = only_send(i)
    assert sent["ephemeral"] is True
    embed = sent["embed"]
    text = "\n".join(f"{f.name}: {f.value}" for f in embed.fields)
    assert bot.answers.report_title(REPORT_ID) in text
    assert "seeds/korea-cambodia-task-force.txt" in text
    assert "paragraph 3, sentence 1" in text
    assert f"at most {MAX_STORED_QUESTION_CHARS} characters" in text
    assert "Never who asked" in text and "after 90 days" in text
    assert f"reportbot {__version__}" in text


async def about_text(bot: ReportBot) -> str:
    """The field values of the /about embed, as sent."""
    cog = bot.get_cog("Info")
    i = make_interaction(bot)
    await cog.about.callback(cog, i)
    return "\n".join(f.value for f in only_send(i)["embed"].fields)


async def test_about_in_the_playground_says_feedback_stays_in_memory(bot: ReportBot) -> None:
    bot.answers.feedback_in_memory = True
    text = await about_text(bot)
    assert "kept in memory only" in text and "90 days" not in text


async def test_about_when_feedback_is_off(make_bot: BotFactory) -> None:
    bot = await make_bot(feedback_enabled=False, feedback_retention_days=7)
    text = await about_text(bot)
    assert "nothing you ask is stored" in text and "7 days" not in text


async def test_help_lists_the_commands(bot: ReportBot) -> None:
    cog = bot.get_cog("Info")
    i = make_interaction(bot)
    await cog.help.callback(cog, i)
    embed = only_send(i)["embed"]
    text = embed.description + "\n".join(f.value for f in embed.fields)
    for name in ("/ask", "/facts", "/source", "/about", "/help"):
        assert name in text
    assert "!ask" not in text  # no prefix without the Message Content intent
    ctx = make_ctx(bot)
    await cog.help_text.callback(cog, ctx)
    assert replies(ctx.reply)[0]["embed"].title == embed.title


async def test_owner_sync_and_reload(bot: ReportBot, monkeypatch: pytest.MonkeyPatch) -> None:
    sync = AsyncMock(return_value=[object()] * 5)
    monkeypatch.setattr(discord.app_commands.CommandTree, "sync", sync)
    admin = bot.get_cog("Admin")
    ctx = make_ctx(bot, author_id=OWNER_ID)
    assert await admin.cog_check(ctx)
    await admin.sync.callback(admin, ctx, "global")
    sync.assert_awaited_once_with()
    assert "Synced 5 command(s) globally" in replies(ctx.reply)[0]["content"]

    ctx = make_ctx(bot, author_id=OWNER_ID)
    ctx.guild = discord.Object(id=55)
    await admin.sync.callback(admin, ctx, "here")
    assert sync.await_args.kwargs["guild"].id == 55

    ctx = make_ctx(bot, author_id=OWNER_ID)
    await admin.reload.callback(admin, ctx, None)
    assert replies(ctx.reply)[0]["content"] == "Reloaded: errors, ask, info, admin."
    assert set(bot.extensions) == set(EXTENSIONS)
    # the reloaded cogs still answer, and the error handler is still wired to the tree
    ask = bot.get_cog("Ask")
    i = make_interaction(bot)
    await ask.ask.callback(ask, i, question="who leads the task force")
    assert only_send(i)["embed"].title.startswith("Kim Ji-na")
    assert bot.tree.on_error == bot.get_cog("Errors").on_app_command_error


async def test_owner_tools_refuse_others(bot: ReportBot) -> None:
    admin = bot.get_cog("Admin")
    ctx = make_ctx(bot, author_id=12345)
    with pytest.raises(commands.NotOwner):
        await admin.cog_check(ctx)
    await bot.get_cog("Errors").on_command_error(ctx, commands.NotOwner("owner only"))
    [reply] = replies(ctx.reply)
    assert "sync" not in reply["content"] and "/help" in reply["content"]


async def test_a_failed_test_server_sync_is_not_fatal(
    make_bot: BotFactory, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from .test_errors import http_error

    monkeypatch.setattr(
        discord.app_commands.CommandTree,
        "sync",
        AsyncMock(side_effect=http_error(discord.Forbidden, 403, 50001)),
    )
    bot = await make_bot(discord_guild_id=42)
    assert bot.get_cog("Ask") is not None
    assert "could not sync the slash commands to the test server 42" in caplog.text


async def test_several_reports(make_bot: BotFactory, make_data_dir, root) -> None:
    import shutil

    data = make_data_dir()
    shutil.copy(data / "seeds" / f"{REPORT_ID}.txt", data / "seeds" / "second-report.txt")
    shutil.copytree(data / "knowledge" / REPORT_ID, data / "knowledge" / "second-report")
    engine = Engine.load(data)
    assert engine.report_ids == ["korea-cambodia-task-force", "second-report"]
    bot = await make_bot(engine_=engine)
    ask = bot.get_cog("Ask")
    i = make_interaction(bot)
    await ask.ask.callback(ask, i, question="Who leads the task force?", report="second-report")
    embed = only_send(i)["embed"]
    assert embed.fields[0].name == "paragraph 3, sentence 1 · second-report"
    found = await ask.ask_report_autocomplete(make_interaction(bot), "")
    assert [c.value for c in found] == engine.report_ids
    pages = bot.answers.facts_pages(None)
    assert {p.footer.text.rsplit(" · ", 1)[1] for p in pages} == set(engine.report_ids)
    admin = bot.get_cog("Admin")
    ctx = make_ctx(bot, author_id=OWNER_ID)
    await admin.reload.callback(admin, ctx, "nope*")
    assert replies(ctx.reply)[0]["content"] == "No cog named nope\\*; the cogs: errors, ask, info, admin."
