"""The bot end to end: the real discord.py client, logged into the local Discord.

Each test starts a local Discord on a free port and the bot under test (see ``make_bot`` in
conftest), acts as users through the local Discord's Python API, and reads back what the bot
sent, as Discord would have shown it.
"""

from __future__ import annotations

from collections.abc import Callable

import discord
import pytest
from discord import app_commands

from bot.core.engine import Engine
from bot.discord_app.local import LocalDiscord, Message, running_bot

from .conftest import FakeClock

WHO_LEADS = "Who leads the task force?"
NOT_IN_REPORT = "How many kidnappings were there in Vietnam?"


def citations(msg: Message) -> list[tuple[str, str]]:
    """(where, quoted text) of every citation field of the answer embed."""
    assert msg.embed is not None, f"expected an embed, got {msg.text()!r}"
    return [(f["name"], f["value"]) for f in msg.embed.get("fields", [])]


def assert_cites_verbatim(msg: Message, seed_text: str) -> None:
    found = citations(msg)
    assert found, f"no citation in {msg.text()!r}"
    for where, value in found:
        assert where.startswith("paragraph ") and ", sentence " in where
        assert value.startswith("> ")
        assert value[2:] in seed_text, f"not verbatim from the report: {value!r}"


async def test_the_bot_logs_in_and_sees_the_guild(local: LocalDiscord, bot: discord.Client) -> None:
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


async def test_command_sync_sends_names_descriptions_and_autocomplete(
    local: LocalDiscord, bot: discord.Client
) -> None:
    synced = {c["name"]: c for sync in local.command_syncs for c in sync.payload}
    assert "ask" in synced
    ask = synced["ask"]
    assert 1 <= len(ask["description"]) <= 100
    (question,) = ask["options"]
    assert question["name"] == "question"
    assert question["type"] == 3  # string
    assert question["required"] is True
    assert question["autocomplete"] is True
    assert 1 <= len(question["description"]) <= 100


async def test_slash_ask_answers_with_a_verbatim_citation(
    local: LocalDiscord, bot: discord.Client, seed_text: str
) -> None:
    reply = await (await local.slash("alice", "ask", question=WHO_LEADS)).reply()
    assert reply.embed is not None
    assert reply.embed["title"] == "Kim Ji-na, the Second Vice Foreign Minister"
    assert citations(reply)[0][0] == "paragraph 3, sentence 1"
    assert_cites_verbatim(reply, seed_text)
    assert not reply.ephemeral
    assert reply.interaction_user is not None and reply.interaction_user.username == "alice"
    assert reply.button("Show context")


async def test_a_decline_offers_suggestions_and_a_click_answers_one(
    local: LocalDiscord, bot: discord.Client, seed_text: str
) -> None:
    decline = await (await local.slash("bob", "ask", question=NOT_IN_REPORT)).reply()
    assert decline.embed is not None and decline.embed["title"] == "The report does not say."
    assert not citations(decline)
    suggestions = [b for b in decline.buttons() if b["style"] == 1]
    assert 2 <= len(suggestions) <= 3
    answer = await (await local.click("bob", decline, suggestions[0]["custom_id"])).reply()
    assert answer.id != decline.id
    assert_cites_verbatim(answer, seed_text)
    assert suggestions[0]["label"] in answer.embed["footer"]["text"]  # type: ignore[index]


async def test_show_context_is_only_for_the_user_who_clicked(
    local: LocalDiscord, bot: discord.Client
) -> None:
    answer = await (await local.slash("alice", "ask", question=WHO_LEADS)).reply()
    context = await (await local.click("carol", answer, label="Show context")).reply()
    assert context.ephemeral
    assert context.visible_to == local.user("carol").id
    assert "**The team, led by Second Vice Foreign Minister Kim Ji-na" in context.content


async def test_prefix_command_with_the_message_content_intent(
    local: LocalDiscord, bot: discord.Client, seed_text: str, engine: Engine
) -> None:
    question = await local.send_message("bob", "!ask when does the team leave?")
    reply = await local.wait_for_message(after=question)
    assert reply.reference_id == question.id
    expected = engine.ask("when does the team leave?").answer
    assert "Wednesday" in expected
    assert reply.embed is not None and reply.embed["title"] == expected
    assert_cites_verbatim(reply, seed_text)
    assert local.typing, "the bot shows it is typing while it answers"


async def test_a_mention_is_answered(local: LocalDiscord, bot: discord.Client, seed_text: str) -> None:
    question = await local.send_message("carol", f"{local.bot_user.mention} who leads the task force?")
    reply = await local.wait_for_message(after=question)
    assert reply.reference_id == question.id
    assert_cites_verbatim(reply, seed_text)
    assert "<@" not in reply.embed["footer"]["text"]  # type: ignore[index]


async def test_autocomplete_offers_questions_the_bot_answers(
    local: LocalDiscord, bot: discord.Client
) -> None:
    choices = await local.autocomplete("alice", "ask", "question", "who lea")
    assert 1 <= len(choices) <= 25
    assert choices[0]["name"] == WHO_LEADS
    assert all(1 <= len(c["name"]) <= 100 and c["name"] == c["value"] for c in choices)
    assert await local.autocomplete("alice", "ask", "question", "")  # an empty box offers questions too


@pytest.mark.expect_bot_errors
async def test_an_exception_in_a_command_is_reported_and_the_next_command_works(
    local: LocalDiscord, make_bot: Callable[[], discord.Client], seed_text: str
) -> None:
    def with_boom() -> discord.Client:
        client = make_bot()

        @app_commands.command(name="boom", description="Always fails (a test command)")
        async def boom(interaction: discord.Interaction) -> None:
            raise RuntimeError("boom")

        client.tree.add_command(boom)  # type: ignore[attr-defined]
        return client

    async with running_bot(local, with_boom):
        failed = await (await local.slash("alice", "boom")).reply()
        assert failed.ephemeral
        assert "went wrong" in failed.content
        works = await (await local.slash("alice", "ask", question=WHO_LEADS)).reply()
        assert_cites_verbatim(works, seed_text)


async def test_cooldown_per_user_with_an_injected_clock(
    local: LocalDiscord, bot: discord.Client, clock: FakeClock
) -> None:
    for _ in range(5):
        answer = await (await local.slash("alice", "ask", question=WHO_LEADS)).reply()
        assert answer.embed is not None
    slowed = await (await local.slash("alice", "ask", question=WHO_LEADS)).reply()
    assert slowed.ephemeral and "try again in 60 s" in slowed.content
    other = await (await local.slash("bob", "ask", question=WHO_LEADS)).reply()
    assert other.embed is not None, "another user is not slowed down"
    clock.advance(60)
    again = await (await local.slash("alice", "ask", question=WHO_LEADS)).reply()
    assert again.embed is not None


async def test_a_button_still_works_after_the_bot_restarts(
    local: LocalDiscord, make_bot: Callable[[], discord.Client]
) -> None:
    async with running_bot(local, make_bot):
        answer = await (await local.slash("alice", "ask", question=WHO_LEADS)).reply()
    assert not local.bot_online
    async with running_bot(local, make_bot):  # a new client instance
        context = await (await local.click("alice", answer, label="Show context")).reply()
        assert context.ephemeral and "Kim Ji-na" in context.content
    assert local.gateway_log.count("IDENTIFY") == 2


async def test_the_bot_resumes_after_the_gateway_drops(
    local: LocalDiscord, bot: discord.Client, seed_text: str
) -> None:
    assert await local.drop_gateway() == 1
    question = await local.send_message("alice", "!ask who leads the task force?")  # may wait for the RESUME
    await local.wait_for_gateway("RESUMED")
    assert local.gateway_log.count("IDENTIFY") == 1, "resumed, not identified again"
    reply = await local.wait_for_message(after=question)
    assert_cites_verbatim(reply, seed_text)
    after = await (await local.slash("bob", "ask", question=WHO_LEADS)).reply()
    assert_cites_verbatim(after, seed_text)
