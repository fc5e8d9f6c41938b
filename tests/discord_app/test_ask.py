"""Asking: /ask, its autocomplete, the mention form and !ask, as a user sees them."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

import discord
import pytest

from bot.discord_app.client import ReportBot
from bot.discord_app.cogs.ask import EMPTY_MENTION
from bot.discord_app.embeds import escape
from bot.discord_app.reply import NOTICE_SECONDS
from bot.discord_app.views import ContextButton, SuggestionButton, text_digest
from bot.feedback.events import MemorySink

from ..conftest import REPORT_ID
from .conftest import (
    BOT_ID,
    BotFactory,
    make_ctx,
    make_interaction,
    make_message,
    only_send,
    replies,
)


def assert_no_mentions(allowed: discord.AllowedMentions) -> None:
    assert isinstance(allowed, discord.AllowedMentions)
    assert allowed.everyone is False and allowed.users is False and allowed.roles is False
    assert allowed.replied_user is False
    assert allowed.to_dict() == {"parse": []}


async def test_slash_ask_answers_with_the_quoted_sentence(bot: ReportBot, seed_text: str) -> None:
    cog = bot.get_cog("Ask")
    i = make_interaction(bot)
    await cog.ask.callback(cog, i, question="Who leads the task force?")
    sent = only_send(i)
    embed: discord.Embed = sent["embed"]
    assert embed.title == "Kim Ji-na, the Second Vice Foreign Minister"
    assert embed.fields[0].name == "paragraph 3, sentence 1"
    quoted = embed.fields[0].value.removeprefix("> ")
    assert quoted in seed_text
    assert quoted == bot.engine.sentence("p3.s1").text
    assert embed.footer.text == bot.answers.report_title(REPORT_ID)
    assert sent["ephemeral"] is False
    assert_no_mentions(sent["allowed_mentions"])
    ids = [c.custom_id for c in sent["view"].children]
    assert ids == [
        f"rb:ctx:{REPORT_ID}:p3.s1:{text_digest(bot.engine.sentence('p3.s1').text)}",
        f"rb:vote:up:{REPORT_ID}:100:team-leader",
        f"rb:vote:down:{REPORT_ID}:100:team-leader",
    ]


async def test_every_citation_of_every_suggestion_is_verbatim(bot: ReportBot, seed_text: str) -> None:
    cog = bot.get_cog("Ask")
    for n, fact in enumerate(bot.engine.fact_base().facts):
        i = make_interaction(bot, user_id=n, channel_id=n)
        await cog.ask.callback(cog, i, question=fact.suggestion)
        embed = only_send(i)["embed"]
        answer = bot.engine.ask(fact.suggestion)
        assert embed.title == answer.parts[0]
        for also in answer.parts[1:]:
            assert escape(also) in embed.description
        for field in embed.fields:
            assert re.fullmatch(r"paragraph \d+, sentence \d+", field.name)
            assert field.value.removeprefix("> ") in seed_text


async def test_mentions_in_the_question_ping_no_one(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    i = make_interaction(bot)
    await cog.ask.callback(cog, i, question="@everyone <@&123456789012345678> *who* leads the `team`?")
    sent = only_send(i)
    assert_no_mentions(sent["allowed_mentions"])
    description = sent["embed"].description
    assert "@everyone" not in description and "@\u200beveryone" in description
    assert r"\*who\*" in description and r"\`team\`" in description
    assert bot.allowed_mentions is not None and bot.allowed_mentions.to_dict() == {"parse": []}


async def test_uncertain_answer_carries_a_hint(bot: ReportBot, monkeypatch: pytest.MonkeyPatch) -> None:
    question = "who leads the team"
    sure = bot.engine.ask(question)
    assert sure.answered and not sure.uncertain
    real_ask = bot.engine.ask
    monkeypatch.setattr(
        bot.engine, "ask", lambda q, report=None: replace(real_ask(q, report), uncertain=True)
    )
    cog = bot.get_cog("Ask")
    i = make_interaction(bot)
    await cog.ask.callback(cog, i, question=question)
    embed = only_send(i)["embed"]
    assert "not fully sure" in embed.description
    assert embed.colour == discord.Colour.gold()


async def test_decline_offers_suggestions_as_buttons_that_ask_them(bot: ReportBot, sink: MemorySink) -> None:
    cog = bot.get_cog("Ask")
    i = make_interaction(bot)
    await cog.ask.callback(cog, i, question="What is the currency of Cambodia?")
    sent = only_send(i)
    assert sent["embed"].title == "The report does not say."
    buttons = sent["view"].children
    assert 2 <= len(buttons) <= 3 and all(isinstance(b, SuggestionButton) for b in buttons)
    assert [b.item.label for b in buttons] == list(
        bot.engine.ask("What is the currency of Cambodia?").suggestions
    )
    # the decline is recorded for whoever curates the fact base (no user id in the event)
    [event] = sink.of_kind("declined")
    assert event.question == "What is the currency of Cambodia?" and event.fact_ids == ()
    # pressing a suggestion asks it
    click = make_interaction(bot, user_id=502)
    await buttons[0].callback(click)
    answer = only_send(click)
    label = buttons[0].item.label
    assert answer["embed"].title == bot.engine.ask(label).answer
    assert bot.engine.ask(label).answered
    assert_no_mentions(answer["allowed_mentions"])


async def test_feedback_off_means_no_vote_buttons(make_bot: BotFactory, sink: MemorySink) -> None:
    bot = await make_bot(feedback_enabled=False)
    cog = bot.get_cog("Ask")
    i = make_interaction(bot)
    await cog.ask.callback(cog, i, question="Who leads the task force?")
    assert [type(b) for b in only_send(i)["view"].children] == [ContextButton]
    i = make_interaction(bot)
    await cog.ask.callback(cog, i, question="What is the capital of France?")
    assert sink.events == []


async def test_one_info_line_per_question_without_user_ids(
    bot: ReportBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.discord_app")
    cog = bot.get_cog("Ask")
    i = make_interaction(bot, user_id=987654321987654321)
    await cog.ask.callback(cog, i, question="how many kidnappings in 2024")
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.discord_app.answering"]
    assert len(lines) == 1
    assert re.fullmatch(
        rf"answered report={REPORT_ID} facts=kidnapping-numbers(,[a-z-]+)* confidence=[01]\.\d+ latency_ms=\d+\.\d",
        lines[0],
    )
    assert "987654321987654321" not in caplog.text


async def test_autocomplete_suggests_answerable_questions(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    i = make_interaction(bot)
    for typed in ("", "who le", "kidnap", "x" * 3000, "@everyone", "???"):
        found = await cog.ask_question_autocomplete(i, typed)
        assert len(found) <= 25
        assert all(1 <= len(c.name) <= 100 and 1 <= len(c.value) <= 100 for c in found)
    found = await cog.ask_question_autocomplete(i, "who leads")
    assert found and all(isinstance(c, discord.app_commands.Choice) for c in found)
    assert any("lead" in c.value.lower() for c in found)
    assert len(await cog.ask_question_autocomplete(i, "")) == 25


async def test_report_autocomplete(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    found = await cog.ask_report_autocomplete(make_interaction(bot), "korea")
    assert [c.value for c in found] == [REPORT_ID]
    assert await cog.ask_report_autocomplete(make_interaction(bot), "zzz") == []


async def test_mention_is_answered_without_the_mention(bot: ReportBot, seed_text: str) -> None:
    cog = bot.get_cog("Ask")
    m = make_message(bot, f"<@{BOT_ID}> who leads the task force?")
    await cog.on_message(m)
    [reply] = replies(m.reply)
    assert reply["embed"].title == "Kim Ji-na, the Second Vice Foreign Minister"
    assert reply["embed"].description == "**You asked:** who leads the task force?"
    assert reply["embed"].fields[0].value.removeprefix("> ") in seed_text
    assert reply["mention_author"] is False
    assert_no_mentions(reply["allowed_mentions"])


async def test_mention_of_the_bot_role_counts(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    m = make_message(bot, "<@&5555> when does the team leave?")
    role = discord.Object(id=5555)
    m.guild.self_role = role
    m.role_mentions = [role]
    await cog.on_message(m)
    [reply] = replies(m.reply)
    assert reply["embed"].description == "**You asked:** when does the team leave?"


async def test_messages_not_for_the_bot_are_ignored(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    for m in (
        make_message(bot, "who leads the task force?"),  # no mention, in a server
        make_message(bot, f"<@{BOT_ID}> who leads?", author_bot=True),  # another bot
        make_message(bot, f"<@{BOT_ID}> who leads?", author_id=BOT_ID, author_bot=True),  # itself
    ):
        await cog.on_message(m)
        m.reply.assert_not_awaited()
    hooked = make_message(bot, f"<@{BOT_ID}> who leads?")
    hooked.webhook_id = 1234
    await cog.on_message(hooked)
    hooked.reply.assert_not_awaited()


async def test_empty_mention_gets_a_hint(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    m = make_message(bot, f"<@!{BOT_ID}>   ")
    await cog.on_message(m)
    [reply] = replies(m.reply)
    assert reply["content"] == EMPTY_MENTION and reply["delete_after"] == NOTICE_SECONDS


async def test_mention_that_is_a_command_is_left_to_the_command(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    m = make_message(bot, f"<@{BOT_ID}> help")
    await cog.on_message(m)
    m.reply.assert_not_awaited()


async def test_direct_messages_are_answered_without_a_mention(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    m = make_message(bot, "when does the team leave?", dm=True)
    await cog.on_message(m)
    [reply] = replies(m.reply)
    assert "Wednesday" in reply["embed"].title


async def test_answer_channels_limit_mentions_and_prefix(make_bot: BotFactory) -> None:
    bot = await make_bot(answer_channel_ids=[601])
    cog = bot.get_cog("Ask")
    outside = make_message(bot, f"<@{BOT_ID}> who leads?", channel_id=602)
    await cog.on_message(outside)
    outside.reply.assert_not_awaited()
    inside = make_message(bot, f"<@{BOT_ID}> who leads?", channel_id=601)
    await cog.on_message(inside)
    inside.reply.assert_awaited_once()
    dm = make_message(bot, "who leads?", dm=True, channel_id=603)
    await cog.on_message(dm)
    dm.reply.assert_awaited_once()
    ctx = make_ctx(bot, channel_id=602)
    await cog.ask_text.callback(cog, ctx, question="who leads?")
    ctx.reply.assert_not_awaited()


async def test_prefix_ask(make_bot: BotFactory, seed_text: str) -> None:
    bot = await make_bot(message_content_intent=True)
    assert bot.intents.message_content is True
    cog = bot.get_cog("Ask")
    ctx = make_ctx(bot)
    await cog.ask_text.callback(cog, ctx, question="how many kidnappings in 2024")
    [reply] = replies(ctx.reply)
    expected = bot.engine.ask("how many kidnappings in 2024")
    assert "220" in expected.parts[0]
    assert reply["embed"].title == expected.parts[0]
    assert reply["embed"].fields[0].value.removeprefix("> ") in seed_text
    assert_no_mentions(reply["allowed_mentions"])


async def test_prefix_is_only_the_mention_without_the_intent(make_bot: BotFactory) -> None:
    bot = await make_bot()
    assert bot.intents.message_content is False
    m = make_message(bot, "!ask who leads")
    assert await bot.get_prefix(m) == [f"<@{BOT_ID}> ", f"<@!{BOT_ID}> "]
    with_intent = await make_bot(message_content_intent=True, command_prefix="?")
    assert "?" in await with_intent.get_prefix(m)


async def test_mention_rate_limit_says_so_once(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    messages = [make_message(bot, f"<@{BOT_ID}> who leads?") for _ in range(bot.settings.user_rate + 3)]
    for m in messages:
        await cog.on_message(m)
    answered = [m for m in messages if replies(m.reply) and "embed" in replies(m.reply)[0]]
    notices = [m for m in messages if replies(m.reply) and "embed" not in replies(m.reply)[0]]
    silent = [m for m in messages if not replies(m.reply)]
    assert len(answered) == bot.settings.user_rate
    assert len(notices) == 1 and len(silent) == 2
    notice = replies(notices[0].reply)[0]
    assert "try again in" in notice["content"] and notice["delete_after"] == NOTICE_SECONDS


async def test_help_in_a_dm_shows_the_help(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    for m in (make_message(bot, "help", dm=True), make_message(bot, "Help?", dm=True)):
        await cog.on_message(m)
        [reply] = replies(m.reply)
        assert reply["embed"].title == "How to ask me"
