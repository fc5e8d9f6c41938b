"""What the local Discord holds: its guild, members, channels, messages, commands and interactions,
what the bot asked of it, and the events the playground page follows.

The gateway delivers events (``dispatch``, set by the server); everything else reads and
changes this state. ``wait_for`` wakes on every change.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from bot.discord_app.endpoints import API_PATH, GATEWAY_PATH
from bot.discord_app.local import model
from bot.discord_app.local.errors import LocalDiscordError, LocalDiscordTimeout
from bot.discord_app.local.model import (
    EPHEMERAL,
    LOADING,
    Attachment,
    Channel,
    Interaction,
    Message,
    Snowflakes,
    User,
)

T = TypeVar("T")

#: The token the local Discord accepts; it is not a Discord token and works nowhere else.
LOCAL_TOKEN = "local-discord-token.not-a-real.token"  # shaped like a bot token, for `reportbot run`
#: The default wait of every ``wait_*`` method, in seconds.
DEFAULT_TIMEOUT = 5.0
#: How often ``wait_for`` re-checks a condition that depends on more than the local Discord.
POLL_INTERVAL = 0.05

_MENTION = re.compile(r"<@!?(\d+)>")

Redact = Callable[[dict[str, Any], int], dict[str, Any]]


class Dispatch(Protocol):
    def __call__(
        self, event: str, data: dict[str, Any], *, intent: int = 0, redact: Redact | None = None
    ) -> Awaitable[int]: ...


async def _nowhere(event: str, data: dict[str, Any], *, intent: int = 0, redact: Redact | None = None) -> int:
    return 0


@dataclass
class RecordedRequest:
    method: str
    path: str
    status: int
    #: True when it carried the local Discord's token, False for another, None for none.
    authorized: bool | None = None


@dataclass
class CommandSync:
    """One ``PUT .../commands`` the bot made: global (guild_id None) or for one guild."""

    guild_id: int | None
    payload: list[dict[str, Any]]


class State:
    """One guild, its channels and members, one bot application, and what happened there."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        token: str,
        bot_name: str,
        guild_name: str,
        guild_id: int | None,
        privileged_intents: int,
    ) -> None:
        self.host = host
        self.port = port
        self.token = token
        self.privileged_intents = privileged_intents
        self.ids = Snowflakes()
        self.application_id = self.ids()
        self.bot_user = User(self.application_id, bot_name, bot=True)
        self.guild_id = guild_id or self.ids()
        self.guild_name = guild_name
        self.users: dict[int, User] = {self.bot_user.id: self.bot_user}
        self.channels: dict[int, Channel] = {}
        #: The bot's DM channels (named ``@username``; they belong to no guild).
        self.dm_channels: dict[int, Channel] = {}
        self.messages: dict[int, Message] = {}
        self.interactions: dict[int, Interaction] = {}
        self.by_token: dict[str, Interaction] = {}
        self.commands: dict[int | None, dict[str, dict[str, Any]]] = {}
        self.command_syncs: list[CommandSync] = []
        self.requests: list[RecordedRequest] = []
        self.unknown_routes: list[str] = []
        self.rejected: list[str] = []
        self.gateway_log: list[str] = []
        self.typing: list[int] = []
        #: Sends a gateway event to the connected bot (the server plugs its gateway in).
        self.dispatch: Dispatch = _nowhere
        #: True while the server is listening (then new users and channels are announced).
        self.serving = False
        self._listeners: set[asyncio.Queue[dict[str, Any]]] = set()
        self._changed = asyncio.Event()
        self._tasks: set[asyncio.Task[Any]] = set()

    # -- where it listens ---------------------------------------------------------------------
    @property
    def url(self) -> str:
        """The base URL: the playground page, with the REST API below /api/v10."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def api_url(self) -> str:
        return self.url + API_PATH

    @property
    def gateway_url(self) -> str:
        return self.url.replace("http://", "ws://", 1) + GATEWAY_PATH

    # -- the guild ----------------------------------------------------------------------------
    def add_user(self, name: str, *, global_name: str | None = None, bot: bool = False) -> User:
        """A new member of the guild (GUILD_MEMBER_ADD goes to a connected bot)."""
        if any(u.username == name for u in self.users.values()):
            raise LocalDiscordError(f"there is already a user named {name!r}")
        user = User(self.ids(), name, global_name=global_name, bot=bot)
        self.users[user.id] = user
        if self.serving:
            data = user.member_payload() | {"guild_id": str(self.guild_id)}
            self.spawn(self.dispatch("GUILD_MEMBER_ADD", data, intent=model.GUILD_MEMBERS))
            self.publish({"kind": "users"})
        return user

    def add_channel(self, name: str, *, topic: str | None = None) -> Channel:
        """A new text channel (CHANNEL_CREATE goes to a connected bot)."""
        channel = Channel(self.ids(), name, self.guild_id, position=len(self.channels), topic=topic)
        self.channels[channel.id] = channel
        if self.serving:
            self.spawn(self.dispatch("CHANNEL_CREATE", channel.payload(), intent=model.GUILDS))
            self.publish({"kind": "channels"})
        return channel

    def user(self, who: User | int | str) -> User:
        """A user by object, id or name."""
        if isinstance(who, User):
            return who
        for u in self.users.values():
            if u.id == who or u.username == who or str(u.id) == who:
                return u
        raise LocalDiscordError(f"no user {who!r}; the users are {[u.username for u in self.users.values()]}")

    @property
    def humans(self) -> list[User]:
        return [u for u in self.users.values() if not u.bot]

    def channel(self, which: Channel | int | str | None = None) -> Channel:
        """A channel by object, id or name; None is the first channel."""
        if which is None:
            return next(iter(self.channels.values()))
        if isinstance(which, Channel):
            return which
        for c in self.channels.values():
            if c.id == which or c.name == which or str(c.id) == which:
                return c
        raise LocalDiscordError(
            f"no channel {which!r}; the channels are {[c.name for c in self.channels.values()]}"
        )

    def message(self, which: Message | int) -> Message:
        mid = which.id if isinstance(which, Message) else int(which)
        try:
            return self.messages[mid]
        except KeyError:
            raise LocalDiscordError(f"no message {mid}") from None

    def command(self, name: str) -> dict[str, Any]:
        """A registered command by name: the guild's first, else the global one."""
        for scope in (self.guild_id, None):
            found = self.commands.get(scope, {}).get(name)
            if found is not None:
                return found
        registered = sorted({n for cmds in self.commands.values() for n in cmds})
        raise LocalDiscordError(
            f"no command /{name} is registered (registered: {registered}); did the bot sync its command tree?"
        )

    # -- reading back -------------------------------------------------------------------------
    def history(self, channel: Channel | int | str | None = None, *, deleted: bool = False) -> list[Message]:
        """The messages of a channel, oldest first (ephemeral ones included)."""
        cid = self.channel(channel).id
        return [m for m in self.messages.values() if m.channel_id == cid and (deleted or not m.deleted)]

    def direct_messages(self, user: User | int | str) -> list[Message]:
        """What the bot sent ``user`` by DM, oldest first."""
        name = "@" + self.user(user).username
        ids = {c.id for c in self.dm_channels.values() if c.name == name}
        return [m for m in self.messages.values() if m.channel_id in ids]

    def bot_messages(self, *, after: Message | int | None = None) -> list[Message]:
        """What the bot sent (or answered) after a message id, oldest first."""
        floor = after.id if isinstance(after, Message) else (after or 0)
        return [m for m in self.messages.values() if m.author.id == self.bot_user.id and m.id > floor]

    async def wait_for(self, probe: Callable[[], T | None], what: str, timeout: float = DEFAULT_TIMEOUT) -> T:
        """Wait until ``probe()`` returns something other than None/False, and return it."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            found = probe()
            if found is not None and found is not False:
                return found
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise LocalDiscordTimeout(
                    f"timed out after {timeout:g} s waiting for {what}; {self.summary()}"
                )
            changed = self._changed
            with contextlib.suppress(TimeoutError):  # wake on a change, or poll (for outside state)
                await asyncio.wait_for(changed.wait(), min(remaining, POLL_INTERVAL))

    async def wait_for_message(
        self,
        check: Callable[[Message], bool] | None = None,
        *,
        after: Message | int | None = None,
        from_bot: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> Message:
        """The first message after ``after`` (by default from the bot) that passes ``check``,
        once it is no longer "thinking"."""
        floor = after.id if isinstance(after, Message) else (after or 0)

        def probe() -> Message | None:
            for m in self.messages.values():
                if m.id <= floor or m.deleted or m.loading:
                    continue
                if from_bot and m.author.id != self.bot_user.id:
                    continue
                if check is None or check(m):
                    return m
            return None

        return await self.wait_for(probe, "a message from the bot" if from_bot else "a message", timeout)

    def summary(self) -> str:
        """A short account of the recent activity, for timeout messages."""
        recent = [f"{m.author.username}: {m.text()[:80]!r}" for m in list(self.messages.values())[-4:]]
        parts = [f"recent messages {recent}", f"gateway {self.gateway_log[-6:]}"]
        if self.unknown_routes:
            parts.append(f"unknown routes {self.unknown_routes}")
        if self.rejected:
            parts.append(f"rejected {self.rejected[-3:]}")
        return "; ".join(parts)

    # -- events for the playground page and the waits ------------------------------------------
    def subscribe(self) -> asyncio.Queue[dict[str, Any]]:
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._listeners.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[dict[str, Any]]) -> None:
        self._listeners.discard(queue)

    def publish(self, event: dict[str, Any]) -> None:
        for queue in self._listeners:
            queue.put_nowait(event)

    def touch(self) -> None:
        """Wake every ``wait_for``: something changed."""
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    def spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def shut_down(self) -> None:
        """Cancel pending work and tell the pages the local Discord is going away."""
        for task in list(self._tasks):
            task.cancel()
        for queue in list(self._listeners):
            queue.put_nowait({"kind": "shutdown"})

    # -- messages -----------------------------------------------------------------------------
    def mentioned(self, content: str) -> list[User]:
        found: list[User] = []
        for match in _MENTION.finditer(content):
            user = self.users.get(int(match.group(1)))
            if user is not None and user not in found:
                found.append(user)
        return found

    def message_payload(self, msg: Message, *, gateway: bool = False) -> dict[str, Any]:
        return msg.payload(self.url, gateway=gateway)

    async def post(self, msg: Message) -> None:
        """Store a new message and tell the bot (MESSAGE_CREATE)."""
        self.messages[msg.id] = msg
        self.publish({"kind": "message", "message": msg})
        self.touch()
        await self.dispatch_message("MESSAGE_CREATE", msg)

    def changed_message(self, msg: Message, kind: str = "message_update") -> None:
        self.publish({"kind": kind, "message": msg})
        self.touch()

    async def dispatch_message(self, event: str, msg: Message) -> None:
        if msg.ephemeral:
            return  # Discord never sends ephemeral messages through the gateway
        payload = self.message_payload(msg, gateway=True)
        await self.dispatch(event, payload, intent=model.GUILD_MESSAGES, redact=self._redactor(msg))

    def _redactor(self, msg: Message) -> Redact:
        """Without the message content intent a bot sees no content, except in its own
        messages and those that mention it (Discord's rule)."""

        def redact(payload: dict[str, Any], intents: int) -> dict[str, Any]:
            if intents & model.MESSAGE_CONTENT or msg.author.id == self.bot_user.id:
                return payload
            if any(u.id == self.bot_user.id for u in msg.mentions):
                return payload
            return payload | {"content": "", "embeds": [], "attachments": [], "components": []}

        return redact

    async def edit(
        self, msg: Message, payload: dict[str, Any], files: list[Attachment], *, keep_flags: bool = False
    ) -> None:
        """Apply an edit the bot made (MESSAGE_UPDATE); ending "thinking" is not an edit."""
        was_loading = msg.loading
        if "content" in payload:
            msg.content = payload["content"] or ""
            msg.mentions = self.mentioned(msg.content)
        if "embeds" in payload or "embed" in payload:
            msg.embeds = embeds_of(payload)
        if "components" in payload:
            msg.components = payload["components"] or []
        if "attachments" in payload:
            kept = {str(a.get("id")) for a in payload["attachments"] or []}
            msg.attachments = [a for a in msg.attachments if str(a.id) in kept]
        msg.attachments += files
        if "flags" in payload and payload["flags"] is not None and not keep_flags:
            msg.flags = (msg.flags & EPHEMERAL) | (int(payload["flags"]) & ~(EPHEMERAL | LOADING))
        msg.flags &= ~LOADING
        if not was_loading:
            msg.edited_at = model.now()
        self.changed_message(msg)
        await self.dispatch_message("MESSAGE_UPDATE", msg)

    async def delete(self, msg: Message) -> None:
        msg.deleted = True
        self.changed_message(msg, "message_delete")
        if not msg.ephemeral:
            data = {"id": str(msg.id), "channel_id": str(msg.channel_id), "guild_id": str(msg.guild_id)}
            await self.dispatch("MESSAGE_DELETE", data, intent=model.GUILD_MESSAGES)

    def application_flags(self) -> int:
        flags = 0
        if self.privileged_intents & model.GUILD_PRESENCES:
            flags |= 1 << 12
        if self.privileged_intents & model.GUILD_MEMBERS:
            flags |= 1 << 14
        if self.privileged_intents & model.MESSAGE_CONTENT:
            flags |= 1 << 18
        return flags


def embeds_of(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """The embeds of a message payload (``embeds``, or the older single ``embed``)."""
    embeds = payload.get("embeds")
    if embeds is None and payload.get("embed"):
        embeds = [payload["embed"]]
    return [{"type": "rich"} | e for e in embeds or []]
