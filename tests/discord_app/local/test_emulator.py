"""The local Discord itself, driven by the real discord.py client: the wire details a bot relies
on (deferrals, follow-ups, edits, component updates, intents, validation, failure modes)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import aiohttp
import discord
import discord.gateway
import discord.http
import pytest
from discord import app_commands
from discord.ext import commands

from bot.discord_app.local import (
    BotOffline,
    BotRunner,
    LocalDiscord,
    LocalDiscordError,
    LocalDiscordTimeout,
    NotLoopbackError,
    running_bot,
    use_local_discord,
)


class PanelView(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=60)

    @discord.ui.button(label="Update", custom_id="panel:update")
    async def update(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        await interaction.response.edit_message(content="updated", view=None)

    @discord.ui.button(label="Later", custom_id="panel:later")
    async def later(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        await interaction.response.defer()
        await interaction.edit_original_response(content="edited later")

    @discord.ui.button(label="Follow", custom_id="panel:follow")
    async def follow(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        await interaction.response.send_message("first")
        await interaction.followup.send("second", ephemeral=True)


@app_commands.command(name="echo", description="Says the text back")
async def echo(interaction: discord.Interaction, text: str) -> None:
    await interaction.response.send_message(f"you said {text}")


@app_commands.command(name="double", description="A number option, which the bot never has")
async def double(interaction: discord.Interaction, n: int) -> None:
    await interaction.response.send_message(str(2 * n))


@app_commands.command(name="slow", description="Thinks, then answers")
async def slow(interaction: discord.Interaction) -> None:
    await interaction.response.defer(thinking=True)
    await interaction.followup.send("done thinking")


@app_commands.command(name="secret", description="Thinks privately, then edits")
async def secret(interaction: discord.Interaction) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    await interaction.edit_original_response(content="only for you")


@app_commands.command(name="panel", description="A message with components")
async def panel(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("panel", view=PanelView())


@app_commands.command(name="silent", description="Never answers")
async def silent(interaction: discord.Interaction) -> None:
    return None


class Probe(commands.Bot):
    """A bot that records what it sees and has one command per wire feature."""

    def __init__(self, *, message_content: bool = True, guild_sync: int | None = None) -> None:
        intents = discord.Intents.default()
        intents.message_content = message_content
        super().__init__(command_prefix="!", intents=intents, help_command=None)
        self.seen: list[discord.Message] = []
        self.guild_sync = guild_sync

    async def setup_hook(self) -> None:
        for command in (echo, double, slow, secret, panel, silent):
            self.tree.add_command(command)
        if self.guild_sync is not None:
            guild = discord.Object(self.guild_sync)
            self.tree.copy_global_to(guild=guild)
            await self.tree.sync(guild=guild)

    async def on_message(self, message: discord.Message) -> None:
        self.seen.append(message)


async def seen(local: LocalDiscord, bot: Probe, count: int) -> list[discord.Message]:
    return await local.wait_for(lambda: bot.seen if len(bot.seen) >= count else None, f"{count} messages")


@pytest.fixture
def make_bot() -> Callable[[], discord.Client]:
    return Probe


# -- pointing discord.py at it ----------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    ["http://discord.com:80", "http://10.0.0.5:8765", "http://0.0.0.0:8765", "https://127.0.0.1:8765"],
)
def test_use_local_discord_refuses_anything_but_this_computer(url: str) -> None:
    before = discord.http.Route.BASE
    with pytest.raises(NotLoopbackError), use_local_discord(url):
        pass
    assert before == discord.http.Route.BASE


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8765", "http://127.1.2.3:1", "http://localhost:9", "http://[::1]:8080"]
)
def test_use_local_discord_sets_and_restores_both_urls(url: str) -> None:
    before = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    with use_local_discord(url) as (api, gateway):
        assert discord.http.Route.BASE == api == url + "/api/v10"
        assert gateway == discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        assert gateway.scheme == "ws" and gateway.path == "/gateway/"
    assert before == (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)


def test_the_server_binds_loopback_only() -> None:
    with pytest.raises(ValueError, match="this computer only"):
        LocalDiscord(host="0.0.0.0")


async def test_json_is_served_with_the_exact_content_type(local: LocalDiscord) -> None:
    headers = {"Authorization": f"Bot {local.token}"}
    async with aiohttp.ClientSession() as http, http.get(local.api_url + "/users/@me", headers=headers) as r:
        assert r.headers["Content-Type"] == "application/json"  # discord.py parses nothing else


async def test_another_token_is_refused(local: LocalDiscord) -> None:
    with use_local_discord(local.url):
        client = discord.Client(intents=discord.Intents.default())
        with pytest.raises(discord.LoginFailure):
            await client.login("a-token-that-is-not-the-local-one")
        await client.close()


async def test_a_privileged_intent_that_is_not_enabled_stops_the_bot(make_bot: Callable[[], Probe]) -> None:
    async with LocalDiscord(privileged_intents=0) as local:
        with pytest.raises(RuntimeError) as caught:
            await BotRunner(local, make_bot).start()
        assert isinstance(caught.value.__cause__, discord.PrivilegedIntentsRequired)


async def test_interactions_need_a_connected_bot(local: LocalDiscord) -> None:
    with pytest.raises(BotOffline):
        await local.send_message("alice", "hello")  # a message is fine: it waits in the channel
        await local.slash("alice", "ask", question="anyone?")


# -- messages -------------------------------------------------------------------------------
async def test_without_the_message_content_intent_only_mentions_have_content(local: LocalDiscord) -> None:
    async with running_bot(local, lambda: Probe(message_content=False)) as bot:
        await local.send_message("alice", "hello there")
        await local.send_message("bob", f"{local.bot_user.mention} hi")
        plain, mention = await seen(local, bot, 2)
        assert plain.content == ""
        assert mention.content.endswith("hi") and bot.user in mention.mentions


async def test_the_bot_sends_edits_reacts_and_deletes(local: LocalDiscord, bot: Probe) -> None:
    channel = bot.get_channel(local.channel().id)
    assert isinstance(channel, discord.TextChannel)
    async with channel.typing():
        sent = await channel.send("hello", embed=discord.Embed(title="t", description="d"))
    assert local.typing == [channel.id]
    stored = local.message(sent.id)
    assert stored.content == "hello" and stored.embed is not None and stored.embed["title"] == "t"
    await sent.edit(content="bye")
    assert local.message(sent.id).content == "bye" and local.message(sent.id).edited_at is not None
    await sent.add_reaction("👍")
    assert local.message(sent.id).reactions == {"👍": {local.bot_user.id}}
    fetched = await channel.fetch_message(sent.id)
    assert fetched.content == "bye"
    assert [m.id async for m in channel.history(limit=5)] == [sent.id]
    await sent.delete()
    assert local.message(sent.id).deleted
    with pytest.raises(discord.NotFound):
        await channel.fetch_message(sent.id)


async def test_a_payload_discord_would_refuse_is_refused(local: LocalDiscord, bot: Probe) -> None:
    channel = bot.get_channel(local.channel().id)
    assert isinstance(channel, discord.TextChannel)
    with pytest.raises(discord.HTTPException) as caught:
        await channel.send(embed=discord.Embed(title="x" * 300))
    assert caught.value.code == 50035
    assert "title" in local.rejected[0]
    local.rejected.clear()


async def test_an_unknown_route_is_recorded_and_answered_with_a_discord_error(
    local: LocalDiscord, bot: Probe
) -> None:
    channel = bot.get_channel(local.channel().id)
    assert isinstance(channel, discord.TextChannel)
    with pytest.raises(discord.NotFound):
        await channel.create_webhook(name="hook")
    assert local.unknown_routes == [f"POST /api/v10/channels/{channel.id}/webhooks"]
    local.unknown_routes.clear()


# -- interactions -----------------------------------------------------------------------------
async def test_text_options_only_and_known_commands(local: LocalDiscord, bot: Probe) -> None:
    assert (await (await local.slash("alice", "echo", text="hi")).reply()).content == "you said hi"
    with pytest.raises(LocalDiscordError, match="needs the option"):
        await local.slash("alice", "echo")
    with pytest.raises(LocalDiscordError, match="fills text options"):
        await local.slash("alice", "double", n=2)
    with pytest.raises(LocalDiscordError, match="no command /nope"):
        await local.slash("alice", "nope")


async def test_guild_commands_carry_their_guild(local: LocalDiscord) -> None:
    async with running_bot(local, lambda: Probe(guild_sync=local.guild_id)):
        assert local.command_syncs[0].guild_id == local.guild_id
        assert local.command("echo")["guild_id"] == str(local.guild_id)
        assert (await (await local.slash("carol", "echo", text="hey")).reply()).content == "you said hey"


async def test_syncing_to_a_guild_the_bot_is_not_in_is_forbidden(local: LocalDiscord) -> None:
    with pytest.raises(discord.Forbidden):
        await BotRunner(local, lambda: Probe(guild_sync=12345)).start()


async def test_a_deferred_reply_thinks_then_answers(local: LocalDiscord, bot: Probe) -> None:
    handle = await local.slash("alice", "slow")
    reply = await handle.reply()
    assert handle.response_type == 5
    assert reply.content == "done thinking" and not reply.loading
    assert reply.id == handle.record.original_id, "the first follow-up replaces the thinking message"


async def test_an_ephemeral_deferral_edited_later(local: LocalDiscord, bot: Probe) -> None:
    reply = await (await local.slash("alice", "secret")).reply()
    assert reply.content == "only for you" and reply.ephemeral and reply.visible_to == local.user("alice").id


async def test_component_updates_deferrals_and_follow_ups(local: LocalDiscord, bot: Probe) -> None:
    panel_message = await (await local.slash("alice", "panel")).reply()

    later = await local.click("bob", panel_message, "panel:later")
    assert await later.wait_response() == 6
    assert (await later.reply()).content == "edited later"

    first, second = await (await local.click("bob", panel_message, "panel:follow")).replies(2)
    assert (first.content, first.ephemeral) == ("first", False)
    assert (second.content, second.ephemeral) == ("second", True)

    updated = await (await local.click("alice", panel_message, label="Update")).reply()
    assert updated.id == panel_message.id
    assert updated.content == "updated" and updated.components == []


async def test_an_unanswered_interaction_fails(local: LocalDiscord, bot: Probe) -> None:
    local.interaction_deadline = 0.3
    handle = await local.slash("alice", "silent")
    with pytest.raises(LocalDiscordTimeout, match="silent"):
        await handle.wait_response(timeout=0.1)
    await local.wait_for(lambda: handle.failed, "the interaction to fail")


async def test_events_sent_while_the_socket_is_down_arrive_after_resume(
    local: LocalDiscord, bot: Probe
) -> None:
    await local.drop_gateway()
    assert not local.bot_online  # so these wait in the session's backlog until the RESUME
    for n in range(3):
        await local.send_message("alice", f"message {n}")
    messages = await seen(local, bot, 3)
    assert [m.content for m in messages] == ["message 0", "message 1", "message 2"]
    assert "RESUMED" in local.gateway_log and local.gateway_log.count("IDENTIFY") == 1


async def test_waits_are_bounded(local: LocalDiscord) -> None:
    started = asyncio.get_running_loop().time()
    with pytest.raises(LocalDiscordTimeout, match="a message from the bot"):
        await local.wait_for_message(timeout=0.1)
    assert asyncio.get_running_loop().time() - started < 1


def test_importing_the_local_discord_changes_nothing_for_real_discord() -> None:
    assert discord.http.Route.BASE == "https://discord.com/api/v10"
    assert str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY) == "wss://gateway.discord.gg/"


async def test_channels_and_users_added_while_the_bot_runs(local: LocalDiscord, bot: Probe) -> None:
    random = local.add_channel("random", topic="anything")
    dave = local.add_user("dave")
    channel = await local.wait_for(lambda: bot.get_channel(random.id), "the bot to see the new channel")
    assert isinstance(channel, discord.TextChannel) and channel.topic == "anything"
    await local.send_message(dave, "hi from dave", channel="random")
    (message,) = await seen(local, bot, 1)
    assert (message.author.name, message.channel.id) == ("dave", random.id)
