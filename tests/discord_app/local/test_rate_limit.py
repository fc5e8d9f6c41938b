"""One user floods the bot with 30 requests of one kind, through the local Discord: whatever
the kind (a bare mention, a too-long question, help, about, a slash command, a button), the
user gets at most USER_RATE replies plus one notice; a limited slash command or button gets an
ephemeral "slow down" (never "This interaction failed"); a limited autocomplete offers nothing."""

from __future__ import annotations

import pytest

from bot.discord_app.client import ReportBot
from bot.discord_app.local import LocalDiscord, Message

FLOOD = 30
USER_RATE = 5  # the default USER_RATE
SLOW = "Slow down a little"


async def settled(local: LocalDiscord, bot: ReportBot) -> Message:
    """Once another user's question is answered, the bot has admitted or refused every message
    sent before it (events are handled in order) and sent what it sends without thinking."""
    sentinel = await local.send_message("bob", f"{bot.user.mention} who leads the task force?")
    return await local.wait_for_message(lambda m: m.reference_id == sentinel.id, after=sentinel)


@pytest.mark.parametrize(
    "text",
    [
        "",  # a bare mention
        "why " * 150,  # 600 characters: too long
        "help",
        "about",
        "who leads the task force?",
    ],
    ids=["bare mention", "too long", "help", "about", "question"],
)
async def test_a_flood_of_messages_gets_user_rate_replies_and_one_notice(
    local: LocalDiscord, bot: ReportBot, text: str
) -> None:
    assert bot.user is not None
    first = None
    for _ in range(FLOOD):
        msg = await local.send_message("alice", f"{bot.user.mention} {text}")
        first = first or msg
    sentinel_reply = await settled(local, bot)
    to_alice = [
        m
        for m in local.bot_messages(after=first)
        if m.id != sentinel_reply.id
        and m.reference_id is not None
        and local.messages[m.reference_id].author.username == "alice"
    ]
    notices = [m for m in to_alice if SLOW in m.text()]
    assert len(notices) == 1, [m.text()[:60] for m in to_alice]
    assert len(to_alice) == USER_RATE + 1, [m.text()[:60] for m in to_alice]


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("source", {"sentence": "p3.s1"}),
        ("help", {}),
        ("about", {}),
        ("facts", {}),
        ("ask", {"question": "who leads the task force?"}),
        ("ask", {"question": "why " * 150}),
    ],
    ids=["source", "help", "about", "facts", "ask", "ask too long"],
)
async def test_a_flood_of_slash_commands_is_slowed_down_privately(
    local: LocalDiscord, bot: ReportBot, command: str, options: dict[str, str]
) -> None:
    handles = [await local.slash("alice", command, **options) for _ in range(FLOOD)]
    replies = [await h.reply() for h in handles]
    assert not any(h.failed for h in handles), "no interaction may fail"
    slowed = [r for r in replies if SLOW in r.text()]
    assert len(replies) - len(slowed) == USER_RATE
    assert all(r.ephemeral for r in slowed)


async def test_a_flood_of_button_clicks_is_slowed_down_privately(local: LocalDiscord, bot: ReportBot) -> None:
    answer = await (await local.slash("bob", "ask", question="who leads the task force?")).reply()
    handles = [await local.click("alice", answer, label="Show context") for _ in range(FLOOD)]
    replies = [await h.reply() for h in handles]
    assert not any(h.failed for h in handles)
    slowed = [r for r in replies if SLOW in r.text()]
    assert len(slowed) == FLOOD - USER_RATE and all(r.ephemeral for r in slowed)
    assert all(r.embed is not None for r in replies if r not in slowed)


async def test_autocomplete_offers_nothing_while_limited_and_spends_no_question(
    local: LocalDiscord, bot: ReportBot
) -> None:
    for _ in range(FLOOD):  # typing does not use up questions
        assert await local.autocomplete("alice", "ask", "question", "who leads")
    for _ in range(USER_RATE):
        assert (await (await local.slash("alice", "ask", question="who leads the task force?")).reply()).embed
    assert await local.autocomplete("alice", "ask", "question", "who leads") == []
    assert await local.autocomplete("bob", "ask", "question", "who leads"), "others still get choices"
