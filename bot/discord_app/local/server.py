"""LocalDiscord: a small Discord on 127.0.0.1 that the real discord.py client logs into.

It speaks the parts of REST API v10 and the gateway (text JSON frames) a bot uses: login, command
sync, the gateway handshake with READY and GUILD_CREATE, heartbeats and RESUME, messages,
typing, reactions, interactions (slash, buttons, autocomplete) with their callbacks, follow-ups
and edits. It keeps everything in memory and offers a Python API to act as users and read back
what the bot sent. Routes it does not know are logged as warnings, recorded in
``unknown_routes`` and answered with a Discord-shaped 404.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

from bot.discord_app.local import model
from bot.discord_app.local.errors import BotOffline, LocalDiscordError, LocalDiscordTimeout
from bot.discord_app.local.model import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    EPHEMERAL,
    LOADING,
    MESSAGE_COMPONENT,
    Attachment,
    Channel,
    Interaction,
    Message,
    Snowflakes,
    User,
)
from bot.discord_app.local.urls import API_PATH, GATEWAY_PATH, is_loopback_host

log = logging.getLogger(__name__)

T = TypeVar("T")

#: The token the local Discord accepts; it is not a Discord token and works nowhere else.
LOCAL_TOKEN = "local-discord-token.not-a-real.token"  # shaped like a bot token, for `reportbot run`
#: How long a user waits for the bot to answer an interaction before Discord says it failed.
INTERACTION_DEADLINE = 3.0
#: The default wait of every ``wait_*`` method, in seconds.
DEFAULT_TIMEOUT = 5.0
#: How often ``wait_for`` re-checks a condition that depends on more than the local Discord.
POLL_INTERVAL = 0.05
#: Gateway events kept per session for a RESUME.
BACKLOG = 1000
#: Gateway close codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
CLOSE_UNKNOWN_ERROR = 4000
CLOSE_AUTHENTICATION_FAILED = 4004
CLOSE_DISALLOWED_INTENTS = 4014

_MENTION = re.compile(r"<@!?(\d+)>")
_COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")


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


@dataclass
class GatewaySession:
    id: str
    intents: int
    seq: int = 0
    backlog: list[tuple[int, str]] = field(default_factory=list)
    ws: web.WebSocketResponse | None = None
    ended: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


def json_response(data: Any, status: int = 200) -> web.Response:
    """JSON with Content-Type exactly ``application/json``: discord.py parses nothing else."""
    return web.Response(
        body=json.dumps(data).encode("utf-8"), status=status, headers={"Content-Type": "application/json"}
    )


def discord_error(status: int, code: int, message: str, errors: list[str] | None = None) -> web.Response:
    body: dict[str, Any] = {"message": message, "code": code}
    if errors:
        body["errors"] = {"_errors": [{"code": "BASE_TYPE_INVALID", "message": e} for e in errors]}
    return json_response(body, status)


def no_content() -> web.Response:
    return web.Response(status=204)


class LocalDiscord:
    """A local Discord: one guild, its channels and members, one bot application.

    Use it as ``async with LocalDiscord() as discord: ...``; ``port=0`` picks a free port.
    Every ``wait_*`` takes a timeout (default DEFAULT_TIMEOUT) and raises LocalDiscordTimeout.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        token: str = LOCAL_TOKEN,
        bot_name: str = "reportbot",
        guild_name: str = "reportbot playground",
        guild_id: int | None = None,
        users: Iterable[str] = ("alice", "bob", "carol"),
        channels: Iterable[str] = ("general",),
        privileged_intents: int = model.PRIVILEGED_INTENTS,
        interaction_deadline: float = INTERACTION_DEADLINE,
        heartbeat_interval: float = 41.25,
    ) -> None:
        if not is_loopback_host(host):
            raise ValueError(f"the local Discord binds this computer only (127.0.0.1, ::1), not {host!r}")
        self.host = host
        self.port = port
        self.token = token
        self.privileged_intents = privileged_intents
        self.interaction_deadline = interaction_deadline
        self.heartbeat_interval = heartbeat_interval
        self.ids = Snowflakes()
        self.application_id = self.ids()
        self.bot_user = User(self.application_id, bot_name, bot=True)
        self.guild_id = guild_id or self.ids()
        self.guild_name = guild_name
        self.users: dict[int, User] = {self.bot_user.id: self.bot_user}
        self.channels: dict[int, Channel] = {}
        self.messages: dict[int, Message] = {}
        self.interactions: dict[int, Interaction] = {}
        self._by_token: dict[str, Interaction] = {}
        self.commands: dict[int | None, dict[str, dict[str, Any]]] = {}
        self.command_syncs: list[CommandSync] = []
        self.requests: list[RecordedRequest] = []
        self.unknown_routes: list[str] = []
        self.rejected: list[str] = []
        self.gateway_log: list[str] = []
        self.typing: list[int] = []
        self.sessions: dict[str, GatewaySession] = {}
        self._listeners: set[asyncio.Queue[dict[str, Any]]] = set()
        self._changed = asyncio.Event()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._runner: web.AppRunner | None = None
        for name in users:
            self.add_user(name)
        for name in channels:
            self.add_channel(name)
        self.app = self._build_app()

    # -- life cycle ---------------------------------------------------------------------------
    async def start(self) -> LocalDiscord:
        runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self._runner = runner
        self.port = runner.addresses[0][1]
        log.info("local Discord listening on %s", self.url)
        return self

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for session in self.sessions.values():
            if session.ws is not None and not session.ws.closed:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(session.ws.close(code=1001, message=b"shutting down"), 2.0)
        for queue in list(self._listeners):
            queue.put_nowait({"kind": "shutdown"})
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> LocalDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

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
        if self._runner is not None:
            data = user.member_payload() | {"guild_id": str(self.guild_id)}
            self._spawn(self._dispatch("GUILD_MEMBER_ADD", data, intent=model.GUILD_MEMBERS))
            self._publish({"kind": "users"})
        return user

    def add_channel(self, name: str, *, topic: str | None = None) -> Channel:
        """A new text channel (CHANNEL_CREATE goes to a connected bot)."""
        channel = Channel(self.ids(), name, self.guild_id, position=len(self.channels), topic=topic)
        self.channels[channel.id] = channel
        if self._runner is not None:
            self._spawn(self._dispatch("CHANNEL_CREATE", channel.payload(), intent=model.GUILDS))
            self._publish({"kind": "channels"})
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

    # -- reading back -------------------------------------------------------------------------
    def history(self, channel: Channel | int | str | None = None, *, deleted: bool = False) -> list[Message]:
        """The messages of a channel, oldest first (ephemeral ones included)."""
        cid = self.channel(channel).id
        return [m for m in self.messages.values() if m.channel_id == cid and (deleted or not m.deleted)]

    def bot_messages(self, *, after: Message | int | None = None) -> list[Message]:
        """What the bot sent (or answered) after a message id, oldest first."""
        floor = after.id if isinstance(after, Message) else (after or 0)
        return [m for m in self.messages.values() if m.author.id == self.bot_user.id and m.id > floor]

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

    async def wait_until_connected(self, timeout: float = DEFAULT_TIMEOUT) -> GatewaySession:
        """Wait for a bot to be connected and identified on the gateway."""
        return await self.wait_for(self._live_session, "the bot to connect to the gateway", timeout)

    async def wait_for_gateway(self, event: str, *, count: int = 1, timeout: float = DEFAULT_TIMEOUT) -> int:
        """Wait until the gateway log holds ``event`` (e.g. "RESUME", "IDENTIFY") ``count`` times."""
        return await self.wait_for(
            lambda: self.gateway_log.count(event) >= count and self.gateway_log.count(event),
            f"{count} x {event} on the gateway",
            timeout,
        )

    def summary(self) -> str:
        """A short account of the recent activity, for timeout messages."""
        recent = [f"{m.author.username}: {m.text()[:80]!r}" for m in list(self.messages.values())[-4:]]
        parts = [
            f"recent messages {recent}",
            f"gateway {self.gateway_log[-6:]}",
        ]
        if self.unknown_routes:
            parts.append(f"unknown routes {self.unknown_routes}")
        if self.rejected:
            parts.append(f"rejected {self.rejected[-3:]}")
        return "; ".join(parts)

    # -- acting as users ----------------------------------------------------------------------
    async def send_message(
        self,
        user: User | int | str,
        content: str,
        *,
        channel: Channel | int | str | None = None,
        reply_to: Message | int | None = None,
    ) -> Message:
        """``user`` writes ``content`` in ``channel``: MESSAGE_CREATE goes to the bot."""
        author = self.user(user)
        ch = self.channel(channel)
        reference = self.message(reply_to).id if reply_to is not None else None
        msg = Message(
            self.ids(),
            ch.id,
            self.guild_id,
            author,
            content=content,
            mentions=self._mentioned(content),
            type=model.REPLY if reference else model.DEFAULT,
            reference_id=reference,
        )
        self._store(msg)
        await self._dispatch_message("MESSAGE_CREATE", msg)
        return msg

    async def slash(
        self,
        user: User | int | str,
        command: str,
        *,
        channel: Channel | int | str | None = None,
        **options: Any,
    ) -> InteractionHandle:
        """``user`` runs ``/command`` with ``options`` (a subcommand as "group sub")."""
        self._require_bot()
        cmd, path = self._resolve_command(command)
        leaf = self._leaf(cmd, path)
        data: dict[str, Any] = {
            "id": cmd["id"],
            "name": cmd["name"],
            "type": cmd.get("type", 1),
            "options": self._nest(path, self._options(leaf, options, command)),
        }
        resolved = self._resolved(leaf, options)
        if resolved:
            data["resolved"] = resolved
        if cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        return await self._interact(APPLICATION_COMMAND, user, channel, data)

    async def autocomplete(
        self,
        user: User | int | str,
        command: str,
        option: str,
        value: str,
        *,
        channel: Channel | int | str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        **others: Any,
    ) -> list[dict[str, Any]]:
        """``user`` types ``value`` into ``option`` of ``/command``: the choices the bot offers."""
        self._require_bot()
        cmd, path = self._resolve_command(command)
        leaf = self._leaf(cmd, path)
        known = {o["name"]: o for o in leaf.get("options", [])}
        if option not in known:
            raise LocalDiscordError(f"/{command} has no option {option!r}; its options: {sorted(known)}")
        if not known[option].get("autocomplete"):
            raise LocalDiscordError(f"option {option!r} of /{command} does not autocomplete")
        typed = [{"name": k, "type": known[k]["type"], "value": v} for k, v in others.items() if k in known]
        typed.append({"name": option, "type": known[option]["type"], "value": value, "focused": True})
        data: dict[str, Any] = {
            "id": cmd["id"],
            "name": cmd["name"],
            "type": cmd.get("type", 1),
            "options": self._nest(path, typed),
        }
        if cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        handle = await self._interact(AUTOCOMPLETE, user, channel, data)
        await handle.wait_response(timeout)
        return list(handle.record.choices or [])

    async def click(
        self,
        user: User | int | str,
        message: Message | int,
        custom_id: str | None = None,
        *,
        label: str | None = None,
        values: list[str] | None = None,
    ) -> InteractionHandle:
        """``user`` clicks the button (or picks ``values`` in the select) with this custom_id or label."""
        self._require_bot()
        clicker = self.user(user)
        msg = self.message(message)
        if msg.deleted:
            raise LocalDiscordError(f"message {msg.id} was deleted")
        if msg.visible_to is not None and msg.visible_to != clicker.id:
            raise LocalDiscordError(f"{clicker.username} cannot see ephemeral message {msg.id}")
        component = None
        for c in model._walk(msg.components):
            if c.get("type") in (2, 3, 5, 6, 7, 8) and (
                (custom_id is not None and c.get("custom_id") == custom_id)
                or (custom_id is None and label is not None and c.get("label") == label)
            ):
                component = c
                break
        if component is None:
            shown = [
                (c.get("label"), c.get("custom_id"))
                for c in model._walk(msg.components)
                if c.get("type") != 1
            ]
            raise LocalDiscordError(f"no component {custom_id or label!r} on message {msg.id}: {shown}")
        if component.get("disabled"):
            raise LocalDiscordError(f"component {custom_id or label!r} is disabled")
        if component.get("style") == 5:
            raise LocalDiscordError("a link button opens its URL; it sends no interaction")
        data: dict[str, Any] = {"custom_id": component["custom_id"], "component_type": component["type"]}
        if component["type"] != 2:
            data["values"] = list(values or [])
        return await self._interact(MESSAGE_COMPONENT, clicker, msg.channel_id, data, message=msg)

    async def drop_gateway(self, code: int = CLOSE_UNKNOWN_ERROR) -> int:
        """Close every gateway socket as if the connection broke: the bot should RESUME.
        Returns how many sockets were closed."""
        dropped = 0
        for session in self.sessions.values():
            ws = session.ws
            if ws is not None and not ws.closed:
                self.gateway_log.append("DROP")
                session.ws = None
                await ws.close(code=code, message=b"dropped by the local Discord")
                dropped += 1
        self._touch()
        return dropped

    # -- events for the playground page --------------------------------------------------------
    def subscribe(self) -> asyncio.Queue[dict[str, Any]]:
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._listeners.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[dict[str, Any]]) -> None:
        self._listeners.discard(queue)

    def _publish(self, event: dict[str, Any]) -> None:
        for queue in self._listeners:
            queue.put_nowait(event)

    def _touch(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @property
    def bot_online(self) -> bool:
        return self._live_session() is not None

    # -- internals: messages -------------------------------------------------------------------
    def _mentioned(self, content: str) -> list[User]:
        found: list[User] = []
        for match in _MENTION.finditer(content):
            user = self.users.get(int(match.group(1)))
            if user is not None and user not in found:
                found.append(user)
        return found

    def _store(self, msg: Message) -> None:
        self.messages[msg.id] = msg
        self._publish({"kind": "message", "message": msg})
        self._touch()

    def _changed_message(self, msg: Message, kind: str = "message_update") -> None:
        self._publish({"kind": kind, "message": msg})
        self._touch()

    def message_payload(self, msg: Message, *, gateway: bool = False) -> dict[str, Any]:
        return msg.payload(self.url, gateway=gateway)

    async def _dispatch_message(self, event: str, msg: Message) -> None:
        if msg.ephemeral:
            return  # Discord never sends ephemeral messages through the gateway
        payload = self.message_payload(msg, gateway=True)
        await self._dispatch(event, payload, intent=model.GUILD_MESSAGES, redact=self._redactor(msg))

    def _redactor(self, msg: Message) -> Callable[[dict[str, Any], int], dict[str, Any]]:
        """Without the message content intent a bot sees no content, except in its own
        messages and those that mention it (Discord's rule)."""

        def redact(payload: dict[str, Any], intents: int) -> dict[str, Any]:
            if intents & model.MESSAGE_CONTENT or msg.author.id == self.bot_user.id:
                return payload
            if any(u.id == self.bot_user.id for u in msg.mentions):
                return payload
            return payload | {"content": "", "embeds": [], "attachments": [], "components": []}

        return redact

    # -- internals: the gateway ----------------------------------------------------------------
    def _live_session(self) -> GatewaySession | None:
        for session in reversed(list(self.sessions.values())):
            if session.ws is not None and not session.ws.closed and not session.ended:
                return session
        return None

    async def _dispatch(
        self,
        event: str,
        data: dict[str, Any],
        *,
        intent: int = 0,
        redact: Callable[[dict[str, Any], int], dict[str, Any]] | None = None,
    ) -> int:
        """Send a DISPATCH to every session that wants it (a dropped one keeps it for RESUME)."""
        sent = 0
        for session in list(self.sessions.values()):
            if session.ended or (intent and not session.intents & intent):
                continue
            payload = redact(data, session.intents) if redact else data
            await self._send_dispatch(session, event, payload)
            sent += 1
        return sent

    async def _send_dispatch(self, session: GatewaySession, event: str, data: dict[str, Any]) -> None:
        async with session.lock:
            session.seq += 1
            frame = json.dumps({"op": 0, "t": event, "s": session.seq, "d": data})
            session.backlog.append((session.seq, frame))
            del session.backlog[:-BACKLOG]
            ws = session.ws
            if ws is not None and not ws.closed:
                try:
                    await ws.send_str(frame)
                except (ConnectionError, RuntimeError) as exc:
                    log.info("gateway send failed (%s); the event waits for a RESUME", exc)

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        await ws.send_str(
            json.dumps({"op": 10, "d": {"heartbeat_interval": int(self.heartbeat_interval * 1000)}})
        )
        self.gateway_log.append("HELLO")
        session: GatewaySession | None = None
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    log.warning("local gateway: ignored a %s frame (only text JSON is spoken)", msg.type.name)
                    continue
                payload = json.loads(msg.data)
                op = payload.get("op")
                if op == 1:
                    await ws.send_str('{"op": 11}')
                elif op == 2:
                    session = await self._identify(ws, payload.get("d") or {})
                elif op == 6:
                    session = await self._resume(ws, payload.get("d") or {})
                elif op == 8:
                    await self._chunk(ws, payload.get("d") or {})
                elif op in (3, 4):
                    pass  # presence and voice state updates: nothing to do
                else:
                    log.warning("local gateway: unknown opcode %s: %s", op, payload)
                    self.unknown_routes.append(f"GATEWAY op {op}")
        finally:
            if session is not None and session.ws is ws:
                session.ws = None
                if ws.close_code in (1000, 1001):
                    session.ended = True  # a clean close by the client ends the session
                self.gateway_log.append(f"CLOSED {ws.close_code}")
            self._publish({"kind": "bot_status", "online": self.bot_online})
            self._touch()
        return ws

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> GatewaySession | None:
        self.gateway_log.append("IDENTIFY")
        if data.get("token") != self.token:
            log.warning("local gateway: IDENTIFY with a token that is not the local Discord's (closing 4004)")
            await ws.close(code=CLOSE_AUTHENTICATION_FAILED, message=b"Authentication failed.")
            return None
        intents = int(data.get("intents") or 0)
        missing = intents & model.PRIVILEGED_INTENTS & ~self.privileged_intents
        if missing:
            await ws.close(code=CLOSE_DISALLOWED_INTENTS, message=b"Disallowed intent(s).")
            return None
        for old in self.sessions.values():
            if old.ws is None:
                old.ended = True  # a new session replaces those that were never resumed
        session = GatewaySession(secrets.token_hex(16), intents, ws=ws)
        self.sessions[session.id] = session
        ready = {
            "v": 10,
            "user": self.bot_user.payload() | {"verified": True, "mfa_enabled": False},
            "guilds": [{"id": str(self.guild_id), "unavailable": True}],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": self._application_flags()},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "auth": {},
        }
        if "shard" in data:
            ready["shard"] = data["shard"]
        await self._send_dispatch(session, "READY", ready)
        await self._send_dispatch(session, "GUILD_CREATE", self.guild_payload())
        self.gateway_log.append("READY")
        self._publish({"kind": "bot_status", "online": True})
        self._touch()
        return session

    async def _resume(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> GatewaySession | None:
        self.gateway_log.append("RESUME")
        session = self.sessions.get(str(data.get("session_id")))
        if session is None or session.ended or data.get("token") != self.token:
            await ws.send_str(json.dumps({"op": 9, "d": False}))
            self.gateway_log.append("INVALID_SESSION")
            return None
        async with session.lock:
            session.ws = ws
            after = int(data.get("seq") or 0)
            for seq, frame in session.backlog:
                if seq > after:
                    await ws.send_str(frame)
        await self._send_dispatch(session, "RESUMED", {})
        self.gateway_log.append("RESUMED")
        self._publish({"kind": "bot_status", "online": True})
        self._touch()
        return session

    async def _chunk(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
        session = next((s for s in self.sessions.values() if s.ws is ws), None)
        if session is None:
            return
        members = [u.member_payload() for u in self.users.values()]
        chunk = {
            "guild_id": str(self.guild_id),
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if data.get("nonce") is not None:
            chunk["nonce"] = data["nonce"]
        await self._send_dispatch(session, "GUILD_MEMBERS_CHUNK", chunk)

    def _application_flags(self) -> int:
        flags = 0
        if self.privileged_intents & model.GUILD_PRESENCES:
            flags |= 1 << 12
        if self.privileged_intents & model.GUILD_MEMBERS:
            flags |= 1 << 14
        if self.privileged_intents & model.MESSAGE_CONTENT:
            flags |= 1 << 18
        return flags

    def guild_payload(self) -> dict[str, Any]:
        """GUILD_CREATE: the whole guild with every member, so discord.py needs no chunking."""
        members = list(self.users.values())
        return {
            "id": str(self.guild_id),
            "name": self.guild_name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": str(self.humans[0].id if self.humans else self.bot_user.id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [
                {
                    "id": str(self.guild_id),
                    "name": "@everyone",
                    "permissions": str(model.ALL_PERMISSIONS),
                    "position": 0,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                    "flags": 0,
                }
            ],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "joined_at": model.iso(self.bot_user.joined_at),
            "large": False,
            "unavailable": False,
            "member_count": len(members),
            "members": [u.member_payload() for u in members],
            "channels": [c.payload() for c in self.channels.values()],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    # -- internals: interactions ---------------------------------------------------------------
    async def _interact(
        self,
        kind: int,
        user: User | int | str,
        channel: Channel | int | str | None,
        data: dict[str, Any],
        *,
        message: Message | None = None,
    ) -> InteractionHandle:
        self._require_bot()
        itx = Interaction(
            self.ids(),
            "itx." + secrets.token_urlsafe(32),
            kind,
            self.user(user),
            self.channel(channel).id,
            data,
            message_id=message.id if message else None,
        )
        self.interactions[itx.id] = itx
        self._by_token[itx.token] = itx
        await self._dispatch("INTERACTION_CREATE", self._interaction_payload(itx, message))
        self._spawn(self._deadline(itx))
        return InteractionHandle(self, itx)

    def _require_bot(self) -> None:
        """An interaction needs a bot session (a dropped one gets it on RESUME)."""
        if not self.sessions or all(s.ended for s in self.sessions.values()):
            raise BotOffline("no bot is connected to the local Discord")

    def _interaction_payload(self, itx: Interaction, message: Message | None) -> dict[str, Any]:
        channel = self.channels[itx.channel_id]
        payload: dict[str, Any] = {
            "id": str(itx.id),
            "application_id": str(self.application_id),
            "type": itx.type,
            "token": itx.token,
            "version": 1,
            "guild_id": str(self.guild_id),
            "guild": {"id": str(self.guild_id), "locale": "en-US", "features": []},
            "channel_id": str(channel.id),
            "channel": channel.payload(),
            "member": itx.user.member_payload(permissions=model.ALL_PERMISSIONS),
            "locale": "en-US",
            "guild_locale": "en-US",
            "app_permissions": str(model.ALL_PERMISSIONS),
            "entitlements": [],
            "entitlement_sku_ids": [],
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
            "data": itx.data,
        }
        if message is not None:
            payload["message"] = self.message_payload(message)
        return payload

    async def _deadline(self, itx: Interaction) -> None:
        await asyncio.sleep(self.interaction_deadline)
        if itx.response_type is None and not itx.failed:
            itx.failed = True
            log.info(
                "interaction %s (%s) got no answer within %g s", itx.id, itx.name, self.interaction_deadline
            )
            self._publish({"kind": "interaction_failed", "interaction": itx})
            self._touch()

    def _resolve_command(self, command: str) -> tuple[dict[str, Any], list[str]]:
        parts = command.strip().lstrip("/").split()
        if not parts:
            raise LocalDiscordError("no command given")
        return self.command(parts[0]), parts[1:]

    @staticmethod
    def _leaf(cmd: dict[str, Any], path: list[str]) -> dict[str, Any]:
        node = cmd
        for name in path:
            subs = {o["name"]: o for o in node.get("options", []) if o.get("type") in (1, 2)}
            if name not in subs:
                raise LocalDiscordError(f"/{cmd['name']} has no subcommand {name!r}; it has {sorted(subs)}")
            node = subs[name]
        return node

    def _nest(self, path: list[str], options: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Options wrapped in their subcommand (group) options."""
        for depth, name in reversed(list(enumerate(path))):
            options = [{"name": name, "type": 2 if depth < len(path) - 1 else 1, "options": options}]
        return options

    def _options(self, leaf: dict[str, Any], given: dict[str, Any], command: str) -> list[dict[str, Any]]:
        known = {o["name"]: o for o in leaf.get("options", []) if o.get("type") not in (1, 2)}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise LocalDiscordError(f"/{command} has no option(s) {unknown}; its options: {sorted(known)}")
        missing = [n for n, o in known.items() if o.get("required") and n not in given]
        if missing:
            raise LocalDiscordError(f"/{command} needs the option(s) {missing}")
        options: list[dict[str, Any]] = []
        for name, value in given.items():
            kind = known[name]["type"]
            if kind == 3:
                value = str(value)
            elif kind == 4:
                value = int(value)
            elif kind == 10:
                value = float(value)
            elif kind == 5:
                value = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            elif kind == 6:
                value = str(self.user(value).id)
            elif kind == 7:
                value = str(self.channel(value).id)
            else:
                raise LocalDiscordError(
                    f"option {name!r} has type {kind}, which the local Discord does not fill"
                )
            options.append({"name": name, "type": kind, "value": value})
        return options

    def _resolved(self, leaf: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
        kinds = {o["name"]: o["type"] for o in leaf.get("options", [])}
        resolved: dict[str, dict[str, Any]] = {}
        for name, value in given.items():
            if kinds.get(name) == 6:
                u = self.user(value)
                resolved.setdefault("users", {})[str(u.id)] = u.payload()
                member = u.member_payload(with_user=False, permissions=model.ALL_PERMISSIONS)
                resolved.setdefault("members", {})[str(u.id)] = member
            elif kinds.get(name) == 7:
                c = self.channel(value)
                resolved.setdefault("channels", {})[str(c.id)] = c.payload() | {
                    "permissions": str(model.ALL_PERMISSIONS)
                }
        return resolved

    # -- the HTTP app ---------------------------------------------------------------------------
    def _build_app(self) -> web.Application:
        from bot.discord_app.local import playground  # the page is served by the same app

        app = web.Application(client_max_size=32 * 1024 * 1024)
        app.add_routes(
            [web.get(GATEWAY_PATH, self._gateway), web.get(GATEWAY_PATH.rstrip("/"), self._gateway)]
        )
        api = API_PATH
        r = app.router
        for method, path, handler in (
            ("GET", "/users/@me", self._me),
            ("GET", "/users/{user_id}", self._get_user),
            ("GET", "/oauth2/applications/@me", self._application),
            ("GET", "/applications/@me", self._application),
            ("GET", "/gateway", self._gateway_info),
            ("GET", "/gateway/bot", self._gateway_info),
            ("GET", "/applications/{app_id}/commands", self._get_commands),
            ("PUT", "/applications/{app_id}/commands", self._put_commands),
            ("POST", "/applications/{app_id}/commands", self._post_command),
            ("GET", "/applications/{app_id}/guilds/{guild_id}/commands", self._get_commands),
            ("PUT", "/applications/{app_id}/guilds/{guild_id}/commands", self._put_commands),
            ("POST", "/applications/{app_id}/guilds/{guild_id}/commands", self._post_command),
            ("GET", "/guilds/{guild_id}", self._get_guild),
            ("GET", "/guilds/{guild_id}/members/{user_id}", self._get_member),
            ("GET", "/guilds/{guild_id}/channels", self._get_guild_channels),
            ("GET", "/channels/{channel_id}", self._get_channel),
            ("GET", "/channels/{channel_id}/messages", self._list_messages),
            ("POST", "/channels/{channel_id}/messages", self._post_message),
            ("GET", "/channels/{channel_id}/messages/{message_id}", self._get_message),
            ("PATCH", "/channels/{channel_id}/messages/{message_id}", self._patch_message),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}", self._delete_message),
            ("POST", "/channels/{channel_id}/typing", self._typing),
            ("PUT", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", self._react),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", self._unreact),
            ("POST", "/interactions/{interaction_id}/{token}/callback", self._callback),
            ("POST", "/webhooks/{app_id}/{token}", self._followup),
            ("GET", "/webhooks/{app_id}/{token}/messages/{message_id}", self._get_webhook_message),
            ("PATCH", "/webhooks/{app_id}/{token}/messages/{message_id}", self._patch_webhook_message),
            ("DELETE", "/webhooks/{app_id}/{token}/messages/{message_id}", self._delete_webhook_message),
        ):
            r.add_route(method, api + path, self._recorded(handler))
        r.add_get("/attachments/{attachment_id}/{filename}", self._attachment)
        playground.add_routes(app, self)
        r.add_route("*", "/{tail:.*}", self._unknown)
        return app

    def _recorded(self, handler: Callable[[web.Request], Any]) -> Callable[[web.Request], Any]:
        async def wrapper(request: web.Request) -> web.StreamResponse:
            response: web.StreamResponse = await handler(request)
            given = "Authorization" in request.headers
            authorized = self._authorized(request) if given else None
            self.requests.append(RecordedRequest(request.method, request.path, response.status, authorized))
            return response

        return wrapper

    async def _unknown(self, request: web.Request) -> web.StreamResponse:
        if not request.path.startswith("/api/"):
            return web.Response(status=404, text="Not found: this is a local Discord.\n")
        route = f"{request.method} {request.path}"
        log.warning("local Discord: unhandled route %s (answered 404)", route)
        self.unknown_routes.append(route)
        self._touch()
        return discord_error(404, 0, "404: Not Found")

    def _authorized(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bot {self.token}"

    def _reject(self, request: web.Request, problems: list[str]) -> web.Response:
        what = f"{request.method} {request.path}: {'; '.join(problems)}"
        log.warning("local Discord refused %s", what)
        self.rejected.append(what)
        self._touch()
        return discord_error(400, 50035, "Invalid Form Body", problems)

    async def _read_body(self, request: web.Request) -> tuple[dict[str, Any], list[Attachment]]:
        """The JSON payload of a request, from a JSON body or the payload_json part of a multipart one."""
        files: list[Attachment] = []
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            payload = json.loads(str(form.get("payload_json") or "{}"))
            for value in form.values():
                if isinstance(value, web.FileField):
                    files.append(
                        Attachment(self.ids(), value.filename, value.content_type, value.file.read())
                    )
            return payload, files
        if not request.can_read_body:
            return {}, files
        return await request.json(), files

    # REST: the bot and its application
    async def _me(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            log.warning("local Discord: a login with a token that is not the local Discord's was refused")
            return discord_error(401, 0, "401: Unauthorized")
        return json_response(self.bot_user.payload() | {"verified": True, "mfa_enabled": False})

    async def _get_user(self, request: web.Request) -> web.Response:
        user = self.users.get(_int(request.match_info["user_id"]))
        if user is None:
            return discord_error(404, 10013, "Unknown User")
        return json_response(user.payload())

    async def _application(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return discord_error(401, 0, "401: Unauthorized")
        owner = self.humans[0] if self.humans else self.bot_user
        return json_response(
            {
                "id": str(self.application_id),
                "name": self.bot_user.username,
                "icon": None,
                "description": "A bot running against a local Discord.",
                "summary": "",
                "type": None,
                "bot_public": False,
                "bot_require_code_grant": False,
                "verify_key": "0" * 64,
                "flags": self._application_flags(),
                "owner": owner.payload(),
                "team": None,
                "bot": self.bot_user.payload(),
                "redirect_uris": [],
                "interactions_endpoint_url": None,
                "tags": [],
            }
        )

    async def _gateway_info(self, request: web.Request) -> web.Response:
        return json_response(
            {
                "url": self.gateway_url.rstrip("/"),
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 1000,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    # REST: application commands
    def _command_scope(self, request: web.Request) -> tuple[int | None, web.Response | None]:
        if not self._authorized(request):
            return None, discord_error(401, 0, "401: Unauthorized")
        if _int(request.match_info["app_id"]) != self.application_id:
            return None, discord_error(403, 50001, "Missing Access")
        if "guild_id" not in request.match_info:
            return None, None
        guild_id = _int(request.match_info["guild_id"])
        if guild_id != self.guild_id:
            return None, discord_error(403, 50001, "Missing Access")
        return guild_id, None

    async def _get_commands(self, request: web.Request) -> web.Response:
        scope, error = self._command_scope(request)
        if error is not None:
            return error
        return json_response(list(self.commands.get(scope, {}).values()))

    async def _put_commands(self, request: web.Request) -> web.Response:
        scope, error = self._command_scope(request)
        if error is not None:
            return error
        payload, _ = await self._read_body(request)
        if not isinstance(payload, list):
            return self._reject(request, ["expected a list of commands"])
        problems = [p for cmd in payload for p in command_problems(cmd)]
        names = [c.get("name") for c in payload]
        problems += [
            f"command name {n!r} is used twice" for n in sorted({n for n in names if names.count(n) > 1})
        ]
        if problems:
            return self._reject(request, problems)
        self.command_syncs.append(CommandSync(scope, payload))
        old = self.commands.get(scope, {})
        self.commands[scope] = {
            c["name"]: self._stored_command(c, scope, old.get(c["name"])) for c in payload
        }
        self._publish({"kind": "commands"})
        self._touch()
        return json_response(list(self.commands[scope].values()))

    async def _post_command(self, request: web.Request) -> web.Response:
        scope, error = self._command_scope(request)
        if error is not None:
            return error
        cmd, _ = await self._read_body(request)
        problems = command_problems(cmd)
        if problems:
            return self._reject(request, problems)
        self.command_syncs.append(CommandSync(scope, [cmd]))
        commands = self.commands.setdefault(scope, {})
        commands[cmd["name"]] = self._stored_command(cmd, scope, commands.get(cmd["name"]))
        self._publish({"kind": "commands"})
        self._touch()
        return json_response(commands[cmd["name"]], 201)

    def _stored_command(
        self, cmd: dict[str, Any], scope: int | None, old: dict[str, Any] | None
    ) -> dict[str, Any]:
        stored = {
            "type": 1,
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "dm_permission": True,
            "nsfw": False,
        } | cmd
        stored["id"] = old["id"] if old else str(self.ids())
        stored["application_id"] = str(self.application_id)
        stored["version"] = str(self.ids())
        if scope is not None:
            stored["guild_id"] = str(scope)
        return stored

    # REST: guild and channels
    async def _get_guild(self, request: web.Request) -> web.Response:
        if _int(request.match_info["guild_id"]) != self.guild_id:
            return discord_error(404, 10004, "Unknown Guild")
        payload = self.guild_payload()
        for key in ("members", "channels", "threads", "presences", "voice_states", "joined_at", "large"):
            payload.pop(key, None)
        return json_response(payload)

    async def _get_member(self, request: web.Request) -> web.Response:
        user = self.users.get(_int(request.match_info["user_id"]))
        if _int(request.match_info["guild_id"]) != self.guild_id or user is None:
            return discord_error(404, 10007, "Unknown Member")
        return json_response(user.member_payload())

    async def _get_guild_channels(self, request: web.Request) -> web.Response:
        if _int(request.match_info["guild_id"]) != self.guild_id:
            return discord_error(404, 10004, "Unknown Guild")
        return json_response([c.payload() for c in self.channels.values()])

    def _channel_or_error(self, request: web.Request) -> tuple[Channel | None, web.Response | None]:
        if not self._authorized(request):
            return None, discord_error(401, 0, "401: Unauthorized")
        channel = self.channels.get(_int(request.match_info["channel_id"]))
        if channel is None:
            return None, discord_error(404, 10003, "Unknown Channel")
        return channel, None

    def _message_or_error(self, request: web.Request) -> tuple[Message | None, web.Response | None]:
        channel, error = self._channel_or_error(request)
        if error is not None or channel is None:
            return None, error
        msg = self.messages.get(_int(request.match_info["message_id"]))
        if msg is None or msg.deleted or msg.channel_id != channel.id or msg.ephemeral:
            return None, discord_error(404, 10008, "Unknown Message")
        return msg, None

    async def _get_channel(self, request: web.Request) -> web.Response:
        channel, error = self._channel_or_error(request)
        return error or json_response(channel.payload())  # type: ignore[union-attr]

    async def _list_messages(self, request: web.Request) -> web.Response:
        channel, error = self._channel_or_error(request)
        if error is not None or channel is None:
            return error  # type: ignore[return-value]
        limit = min(int(request.query.get("limit", 50)), 100)
        before = _int(request.query.get("before")) or None
        after = _int(request.query.get("after")) or 0
        found = [
            m
            for m in self.history(channel)
            if not m.ephemeral and m.id > after and (before is None or m.id < before)
        ]
        found = found[:limit] if after else found[-limit:]
        return json_response([self.message_payload(m) for m in reversed(found)])

    async def _get_message(self, request: web.Request) -> web.Response:
        msg, error = self._message_or_error(request)
        return error or json_response(self.message_payload(msg))  # type: ignore[arg-type]

    async def _post_message(self, request: web.Request) -> web.Response:
        channel, error = self._channel_or_error(request)
        if error is not None or channel is None:
            return error  # type: ignore[return-value]
        payload, files = await self._read_body(request)
        problems = model.message_problems(payload, has_files=bool(files))
        reference = None
        ref = payload.get("message_reference")
        if ref:
            target = self.messages.get(_int(ref.get("message_id")))
            if target is not None and not target.deleted:
                reference = target.id
            elif ref.get("fail_if_not_exists", True):
                problems.append("message_reference: Unknown message")
        if problems:
            return self._reject(request, problems)
        content = payload.get("content") or ""
        msg = Message(
            self.ids(),
            channel.id,
            self.guild_id,
            self.bot_user,
            content=content,
            embeds=_embeds(payload),
            components=payload.get("components") or [],
            attachments=files,
            flags=int(payload.get("flags") or 0) & ~(EPHEMERAL | LOADING),
            type=model.REPLY if reference else model.DEFAULT,
            mentions=self._mentioned(content),
            allowed_mentions=payload.get("allowed_mentions"),
            reference_id=reference,
        )
        self._store(msg)
        await self._dispatch_message("MESSAGE_CREATE", msg)
        return json_response(self.message_payload(msg))

    async def _patch_message(self, request: web.Request) -> web.Response:
        msg, error = self._message_or_error(request)
        if error is not None or msg is None:
            return error  # type: ignore[return-value]
        if msg.author.id != self.bot_user.id:
            return discord_error(403, 50005, "Cannot edit a message authored by another user")
        payload, files = await self._read_body(request)
        problems = model.message_problems(payload, edit=True)
        if problems:
            return self._reject(request, problems)
        await self._edit(msg, payload, files)
        return json_response(self.message_payload(msg))

    async def _delete_message(self, request: web.Request) -> web.Response:
        msg, error = self._message_or_error(request)
        if error is not None or msg is None:
            return error  # type: ignore[return-value]
        await self._delete(msg)
        return no_content()

    async def _typing(self, request: web.Request) -> web.Response:
        channel, error = self._channel_or_error(request)
        if error is not None or channel is None:
            return error  # type: ignore[return-value]
        self.typing.append(channel.id)
        self._publish({"kind": "typing", "channel_id": channel.id, "user": self.bot_user})
        self._touch()
        return no_content()

    async def _react(self, request: web.Request) -> web.Response:
        msg, error = self._message_or_error(request)
        if error is not None or msg is None:
            return error  # type: ignore[return-value]
        msg.reactions.setdefault(request.match_info["emoji"], set()).add(self.bot_user.id)
        self._changed_message(msg)
        return no_content()

    async def _unreact(self, request: web.Request) -> web.Response:
        msg, error = self._message_or_error(request)
        if error is not None or msg is None:
            return error  # type: ignore[return-value]
        msg.reactions.get(request.match_info["emoji"], set()).discard(self.bot_user.id)
        self._changed_message(msg)
        return no_content()

    async def _attachment(self, request: web.Request) -> web.StreamResponse:
        wanted = _int(request.match_info["attachment_id"])
        for msg in self.messages.values():
            for a in msg.attachments:
                if a.id == wanted:
                    return web.Response(
                        body=a.data, content_type=a.content_type or "application/octet-stream"
                    )
        return web.Response(status=404)

    # REST: interactions and their webhooks
    async def _callback(self, request: web.Request) -> web.Response:
        itx = self.interactions.get(_int(request.match_info["interaction_id"]))
        if itx is None or itx.token != request.match_info["token"]:
            return discord_error(404, 10062, "Unknown interaction")
        if itx.response_type is not None:
            return discord_error(400, 40060, "Interaction has already been acknowledged.")
        body, files = await self._read_body(request)
        kind = int(body.get("type") or 0)
        data = body.get("data") or {}
        problems: list[str] = []
        component = itx.type == MESSAGE_COMPONENT
        if kind in (4, 7):
            problems = model.message_problems(data, has_files=bool(files), edit=kind == 7)
        elif kind == 8:
            problems = model.choice_problems(data.get("choices") or [])
        if kind in (6, 7) and not component:
            problems.append(f"callback type {kind} answers component interactions only")
        if kind == 8 and itx.type != AUTOCOMPLETE:
            problems.append("callback type 8 answers autocomplete interactions only")
        if itx.type == AUTOCOMPLETE and kind != 8:
            problems.append("an autocomplete interaction is answered with callback type 8")
        if kind not in (4, 5, 6, 7, 8, 9):
            problems.append(f"unknown or unsupported callback type {kind}")
        if problems:
            return self._reject(request, problems)

        resource: dict[str, Any] | None = None
        if kind == 4:
            msg = self._interaction_message(itx, data, files)
            itx.original_id = msg.id
            itx.output_ids.append(msg.id)
            self._store(msg)
            await self._dispatch_message("MESSAGE_CREATE", msg)
            resource = self.message_payload(msg)
        elif kind == 5:
            msg = self._interaction_message(itx, {"flags": int(data.get("flags") or 0)}, [], loading=True)
            itx.original_id = msg.id
            self._store(msg)
            await self._dispatch_message("MESSAGE_CREATE", msg)
            resource = self.message_payload(msg)
        elif kind in (6, 7):
            itx.original_id = itx.message_id
            if kind == 7 and itx.message_id is not None:
                msg = self.messages[itx.message_id]
                await self._edit(msg, data, files)
                itx.output_ids.append(msg.id)
                resource = self.message_payload(msg)
        elif kind == 8:
            itx.choices = list(data.get("choices") or [])
        itx.response_type = kind
        itx.response = body
        self._publish({"kind": "interaction_response", "interaction": itx, "type": kind})
        self._touch()
        if request.query.get("with_response", "").lower() not in ("1", "true"):
            return no_content()
        original = self.messages.get(itx.original_id) if itx.original_id else None
        answer: dict[str, Any] = {
            "interaction": {
                "id": str(itx.id),
                "type": itx.type,
                "response_message_id": str(itx.original_id) if itx.original_id else None,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(original and original.ephemeral),
            }
        }
        if resource is not None:
            answer["resource"] = {"type": kind, "message": resource}
        return json_response(answer)

    def _interaction_message(
        self, itx: Interaction, data: dict[str, Any], files: list[Attachment], *, loading: bool = False
    ) -> Message:
        flags = int(data.get("flags") or 0) & ~LOADING
        content = data.get("content") or ""
        return Message(
            self.ids(),
            itx.channel_id,
            self.guild_id,
            self.bot_user,
            content=content,
            embeds=_embeds(data),
            components=data.get("components") or [],
            attachments=files,
            flags=flags | (LOADING if loading else 0),
            type=model.CHAT_INPUT_COMMAND if itx.type == APPLICATION_COMMAND else model.DEFAULT,
            mentions=self._mentioned(content),
            allowed_mentions=data.get("allowed_mentions"),
            visible_to=itx.user.id if flags & EPHEMERAL else None,
            interaction_id=itx.id,
            interaction_type=itx.type,
            interaction_user=itx.user,
            interaction_name=itx.name,
            webhook_id=self.application_id,
        )

    def _webhook_interaction(self, request: web.Request) -> tuple[Interaction | None, web.Response | None]:
        itx = self._by_token.get(request.match_info["token"])
        if itx is None or _int(request.match_info["app_id"]) != self.application_id:
            return None, discord_error(404, 10015, "Unknown Webhook")
        return itx, None

    def _webhook_message(self, request: web.Request) -> tuple[Message | None, web.Response | None]:
        itx, error = self._webhook_interaction(request)
        if error is not None or itx is None:
            return None, error
        wanted = request.match_info["message_id"]
        mid = itx.original_id if wanted == "@original" else _int(wanted)
        allowed = {itx.original_id, *itx.followup_ids}
        msg = self.messages.get(mid) if mid else None
        if msg is None or msg.deleted or mid not in allowed:
            return None, discord_error(404, 10008, "Unknown Message")
        return msg, None

    async def _followup(self, request: web.Request) -> web.Response:
        itx, error = self._webhook_interaction(request)
        if error is not None or itx is None:
            return error  # type: ignore[return-value]
        if itx.response_type is None:
            return discord_error(404, 10015, "Unknown Webhook")
        payload, files = await self._read_body(request)
        problems = model.message_problems(payload, has_files=bool(files))
        if problems:
            return self._reject(request, problems)
        if itx.response_type == 5 and itx.original_id and self.messages[itx.original_id].loading:
            # The first follow-up of a deferred reply takes the place of "thinking..."
            original = self.messages[itx.original_id]
            await self._edit(original, payload, files, keep_flags=True)
            itx.output_ids.append(original.id)
            self._touch()
            return json_response(self.message_payload(original))
        msg = self._interaction_message(itx, payload, files)
        msg.type = model.DEFAULT
        itx.followup_ids.append(msg.id)
        itx.output_ids.append(msg.id)
        self._store(msg)
        await self._dispatch_message("MESSAGE_CREATE", msg)
        if request.query.get("wait", "").lower() in ("1", "true"):
            return json_response(self.message_payload(msg))
        return no_content()

    async def _get_webhook_message(self, request: web.Request) -> web.Response:
        msg, error = self._webhook_message(request)
        return error or json_response(self.message_payload(msg))  # type: ignore[arg-type]

    async def _patch_webhook_message(self, request: web.Request) -> web.Response:
        msg, error = self._webhook_message(request)
        if error is not None or msg is None:
            return error  # type: ignore[return-value]
        payload, files = await self._read_body(request)
        problems = model.message_problems(payload, edit=True)
        if problems:
            return self._reject(request, problems)
        await self._edit(msg, payload, files, keep_flags=True)
        itx = self._by_token[request.match_info["token"]]
        itx.output_ids.append(msg.id)
        self._touch()
        return json_response(self.message_payload(msg))

    async def _delete_webhook_message(self, request: web.Request) -> web.Response:
        msg, error = self._webhook_message(request)
        if error is not None or msg is None:
            return error  # type: ignore[return-value]
        await self._delete(msg)
        return no_content()

    async def _edit(
        self, msg: Message, payload: dict[str, Any], files: list[Attachment], *, keep_flags: bool = False
    ) -> None:
        was_loading = msg.loading
        if "content" in payload:
            msg.content = payload["content"] or ""
            msg.mentions = self._mentioned(msg.content)
        if "embeds" in payload or "embed" in payload:
            msg.embeds = _embeds(payload)
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
        self._changed_message(msg)
        await self._dispatch_message("MESSAGE_UPDATE", msg)

    async def _delete(self, msg: Message) -> None:
        msg.deleted = True
        self._changed_message(msg, "message_delete")
        if not msg.ephemeral:
            data = {"id": str(msg.id), "channel_id": str(msg.channel_id), "guild_id": str(msg.guild_id)}
            await self._dispatch("MESSAGE_DELETE", data, intent=model.GUILD_MESSAGES)


class InteractionHandle:
    """An interaction sent to the bot: wait for its answer and read it back."""

    def __init__(self, discord: LocalDiscord, record: Interaction) -> None:
        self.discord = discord
        self.record = record

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def response_type(self) -> int | None:
        return self.record.response_type

    @property
    def failed(self) -> bool:
        """True once the interaction went unanswered past the deadline ("This interaction failed")."""
        return self.record.failed

    async def wait_response(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        """The callback type the bot answered with (4 message, 5 defer, 6, 7 update, 8 choices)."""
        itx = self.record
        return await self.discord.wait_for(
            lambda: itx.response_type,
            f"the bot to answer interaction {itx.id} (/{itx.name or itx.data.get('custom_id')})",
            timeout,
        )

    async def reply(self, timeout: float = DEFAULT_TIMEOUT) -> Message:
        """The first message that carries the bot's answer (a reply, an updated message, the
        edit of a deferred reply, or a follow-up), once it is no longer "thinking"."""
        itx = self.record
        messages = self.discord.messages

        def probe() -> Message | None:
            for mid in itx.output_ids:
                if not messages[mid].loading:
                    return messages[mid]
            return None

        return await self.discord.wait_for(probe, f"the bot's reply to interaction {itx.id}", timeout)

    async def replies(self, count: int, timeout: float = DEFAULT_TIMEOUT) -> list[Message]:
        """The first ``count`` messages that carry the bot's answer."""
        itx = self.record
        messages = self.discord.messages
        return await self.discord.wait_for(
            lambda: (
                [messages[m] for m in dict.fromkeys(itx.output_ids)][:count]
                if len(dict.fromkeys(itx.output_ids)) >= count
                else None
            ),
            f"{count} replies to interaction {itx.id}",
            timeout,
        )


def command_problems(cmd: dict[str, Any]) -> list[str]:
    """Why Discord would refuse this command definition (the checks that bite at sync time)."""
    problems: list[str] = []
    name = cmd.get("name") or ""
    kind = cmd.get("type", 1)
    if kind == 1 and (not _COMMAND_NAME.match(name) or name != name.lower()):
        problems.append(f"command name {name!r}: 1-32 lowercase letters, digits, - or _")
    description = cmd.get("description") or ""
    if kind == 1 and not 1 <= len(description) <= 100:
        problems.append(f"/{name}: the description must be 1-100 characters (got {len(description)})")
    problems += _option_problems(name, cmd.get("options") or [])
    return problems


def _option_problems(where: str, options: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    if len(options) > 25:
        problems.append(f"/{where}: at most 25 options")
    seen_optional = False
    for o in options:
        name = o.get("name") or ""
        label = f"/{where} {name}"
        if not _COMMAND_NAME.match(name) or name != name.lower():
            problems.append(f"{label}: option names are 1-32 lowercase letters, digits, - or _")
        if not 1 <= len(o.get("description") or "") <= 100:
            problems.append(f"{label}: the description must be 1-100 characters")
        if o.get("autocomplete") and o.get("choices"):
            problems.append(f"{label}: autocomplete and choices cannot be combined")
        if len(o.get("choices") or []) > 25:
            problems.append(f"{label}: at most 25 choices")
        if o.get("type") in (1, 2):
            problems += _option_problems(f"{where} {name}", o.get("options") or [])
            continue
        if o.get("required"):
            if seen_optional:
                problems.append(f"{label}: required options must come before optional ones")
        else:
            seen_optional = True
    return problems


def _embeds(payload: dict[str, Any]) -> list[dict[str, Any]]:
    embeds = payload.get("embeds")
    if embeds is None and payload.get("embed"):
        embeds = [payload["embed"]]
    return [{"type": "rich"} | e for e in embeds or []]


def _int(value: Any) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return 0
