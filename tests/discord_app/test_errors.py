"""The one error path: expected errors become a short private message, unexpected ones are
logged once, the user always hears back, and the bot keeps working."""

from __future__ import annotations

import logging
from typing import Any
from unittest.mock import MagicMock

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from bot.core.errors import UnknownReport, UnknownSentence
from bot.discord_app.client import ReportBot
from bot.discord_app.errors import UNEXPECTED, QuestionTooLong, RateLimited, describe, handle_error
from bot.discord_app.limits import Verdict
from bot.discord_app.reply import ContextReplier, InteractionReplier

from .conftest import BOT_ID, make_ctx, make_interaction, make_message, only_send, replies


def http_error(cls: type[discord.HTTPException], status: int, code: int) -> discord.HTTPException:
    response = MagicMock(spec=aiohttp.ClientResponse)
    response.status = status
    response.reason = "x"
    return cls(response, {"code": code, "message": "nope"})


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (RateLimited(Verdict(False, 2.2)), "Slow down a little: try again in 3 s."),
        (
            commands.CommandOnCooldown(commands.Cooldown(1, 5), 4.5, commands.BucketType.user),
            "try again in 5 s",
        ),
        (QuestionTooLong(612), "That question is too long (612 characters)"),
        (UnknownSentence("p99.s1", "r"), "has no sentence 'p99.s1'"),
        (UnknownReport("x", ["a", "b"]), "Known reports: a, b."),
        (app_commands.BotMissingPermissions(["embed_links"]), "I need the Embed Links permission(s)"),
        (commands.BotMissingPermissions(["send_messages", "embed_links"]), "Send Messages, Embed Links"),
        (http_error(discord.Forbidden, 403, 50013), "I need Send Messages and Embed Links"),
        (commands.NotOwner(), "try `/help`"),
        (commands.MissingRequiredArgument(MagicMock(spec=commands.Parameter)), "I did not understand that"),
    ],
)
async def test_expected_errors_get_a_short_private_message(error: Exception, expected: str) -> None:
    assert expected in (describe(error) or "")
    i = make_interaction(MagicMock())
    await handle_error(InteractionReplier(i), app_commands.CommandInvokeError(MagicMock(), error), where="t")
    sent = only_send(i)
    assert expected in sent["content"] and sent["ephemeral"] is True


async def test_unexpected_error_is_logged_once_and_the_user_is_told(caplog: pytest.LogCaptureFixture) -> None:
    i = make_interaction(MagicMock())
    try:
        raise KeyError("surprise")
    except KeyError as exc:
        await handle_error(InteractionReplier(i), exc, where="/ask (guild 1, channel 2)")
    sent = only_send(i)
    assert sent["content"] == UNEXPECTED and sent["ephemeral"] is True
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert errors[0].getMessage() == "unexpected error in /ask (guild 1, channel 2)"
    assert errors[0].exc_info is not None and "surprise" in caplog.text


async def test_after_the_response_the_error_goes_as_a_follow_up() -> None:
    i = make_interaction(MagicMock())
    await i.response.send_message("first")
    await handle_error(InteractionReplier(i), QuestionTooLong(900), where="t")
    i.followup.send.assert_awaited_once()
    assert i.followup.send.await_args.kwargs["ephemeral"] is True


async def test_a_failing_error_reply_does_not_raise(caplog: pytest.LogCaptureFixture) -> None:
    i = make_interaction(MagicMock())
    i.response.send_message.side_effect = http_error(discord.HTTPException, 500, 0)
    await handle_error(InteractionReplier(i), QuestionTooLong(900), where="t")
    assert "could not send the error message" in caplog.text


async def test_an_expired_interaction_is_not_answered(caplog: pytest.LogCaptureFixture) -> None:
    i = make_interaction(MagicMock())
    await handle_error(InteractionReplier(i), http_error(discord.NotFound, 404, 10062), where="t")
    i.response.send_message.assert_not_awaited()
    assert "expired" in caplog.text


async def test_unknown_command_is_left_to_the_mention_listener() -> None:
    ctx = make_ctx(MagicMock())
    await handle_error(ContextReplier(ctx), commands.CommandNotFound('Command "who" is not found'), where="t")
    ctx.reply.assert_not_awaited()
    await handle_error(ContextReplier(ctx), commands.NotOwner(), where="t")  # the same replier does reply
    ctx.reply.assert_awaited_once()


async def test_prefix_command_error_goes_through_on_command_error(
    bot: ReportBot, caplog: pytest.LogCaptureFixture
) -> None:
    cog = bot.get_cog("Errors")
    ctx = make_ctx(bot)
    await cog.on_command_error(ctx, commands.CommandInvokeError(ValueError("bad")))
    [reply] = replies(ctx.reply)
    assert reply["content"] == UNEXPECTED and reply["delete_after"] > 0
    assert len([r for r in caplog.records if r.levelno >= logging.ERROR]) == 1
    # and the same handler for an expected one
    ctx = make_ctx(bot)
    await cog.on_command_error(ctx, commands.CommandInvokeError(QuestionTooLong(501)))
    assert "too long" in replies(ctx.reply)[0]["content"]


async def test_the_error_cog_owns_the_tree_handler(bot: ReportBot) -> None:
    cog = bot.get_cog("Errors")
    assert bot.tree.on_error == cog.on_app_command_error
    await bot.remove_cog("Errors")
    assert bot.tree.on_error != cog.on_app_command_error


async def test_mention_handler_errors_are_handled_and_the_bot_goes_on(
    bot: ReportBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    cog = bot.get_cog("Ask")
    calls: list[Any] = []
    real = bot.answers.ask

    async def flaky(question: str, report: str | None = None) -> Any:
        calls.append(question)
        if len(calls) == 1:
            raise RuntimeError("only once")
        return await real(question, report)

    monkeypatch.setattr(bot.answers, "ask", flaky)
    first = make_message(bot, f"<@{BOT_ID}> who leads?")
    await cog.on_message(first)
    assert replies(first.reply)[0]["content"] == UNEXPECTED
    second = make_message(bot, f"<@{BOT_ID}> who leads?", author_id=502)
    await cog.on_message(second)
    assert replies(second.reply)[0]["embed"].title.startswith("Kim Ji-na")
    assert len([r for r in caplog.records if r.levelno >= logging.ERROR]) == 1


async def test_mention_without_embed_links_says_which_permission(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    m = make_message(bot, f"<@{BOT_ID}> who leads?")
    m.channel.permissions_for.return_value = discord.Permissions(
        send_messages=True, read_message_history=True
    )
    await cog.on_message(m)
    [reply] = replies(m.reply)
    assert "embed" not in reply
    assert reply["content"].startswith("I need the Embed Links permission(s) in this channel")


async def test_mention_without_send_messages_is_only_logged(
    bot: ReportBot, caplog: pytest.LogCaptureFixture
) -> None:
    cog = bot.get_cog("Ask")
    m = make_message(bot, f"<@{BOT_ID}> who leads?")
    m.channel.permissions_for.return_value = discord.Permissions.none()
    await cog.on_message(m)
    m.reply.assert_not_awaited()
    assert "cannot send messages" in caplog.text


async def test_forbidden_reply_is_explained_in_plain_text(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    m = make_message(bot, f"<@{BOT_ID}> who leads?")
    m.reply.side_effect = [http_error(discord.Forbidden, 403, 50013), None]
    await cog.on_message(m)
    first, second = replies(m.reply)
    assert "embed" in first and "embed" not in second
    assert "I need Send Messages and Embed Links" in second["content"]


async def test_prefix_ask_requires_embed_links(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    checks = cog.ask_text.checks
    assert checks, "!ask checks the bot's permissions"
    ctx = make_ctx(bot)
    ctx.guild = MagicMock(spec=discord.Guild)
    ctx.bot_permissions = discord.Permissions(send_messages=True)
    with pytest.raises(commands.BotMissingPermissions) as raised:
        for check in checks:
            await discord.utils.maybe_coroutine(check, ctx)
    assert raised.value.missing_permissions == ["embed_links"]
