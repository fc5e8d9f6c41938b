"""The playground page: a Discord-like channel in the browser, served next to the local Discord.

The page (``static/``: plain HTML, CSS and JS, no build step, nothing from the network) reads
``GET /playground/state``, listens on the websocket ``/playground/events`` and acts through
three JSON endpoints: ``send`` (a message, or ``/command ...``), ``autocomplete`` and ``click``.
Ids travel as strings: they do not fit in a JavaScript number.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from importlib import resources
from typing import Any

from aiohttp import WSMsgType, web

from bot.discord_app.local.driver import Driver
from bot.discord_app.local.errors import LocalDiscordError, LocalDiscordTimeout
from bot.discord_app.local.model import Interaction, Message, User
from bot.discord_app.local.state import State
from bot.discord_app.local.validation import MAX_CONTENT

log = logging.getLogger(__name__)

STATIC_FILES = {
    "index.html": "text/html",
    "playground.css": "text/css",
    "playground.js": "text/javascript",
}
#: How long the page waits for autocomplete choices before showing none.
AUTOCOMPLETE_TIMEOUT = 3.0
#: The largest request body the page's endpoints read (a 2,000-character message is at most
#: 8 KB of UTF-8, escaped into JSON at most 12 bytes a character).
MAX_BODY_BYTES = 32 * 1024

_AT_NAME = re.compile(r"(?<![\w<])@([\w.-]{1,32})")
_OPTION = re.compile(r"(?:^|\s)([a-z0-9_-]{1,32}):\s*")


def add_routes(app: web.Application, state: State, driver: Driver) -> None:
    """Register the page, its static files, its JSON endpoints and its websocket."""
    page = Playground(state, driver)
    app.router.add_get("/", page.index)
    app.router.add_get("/static/{name}", page.static)
    app.router.add_get("/playground/state", page.state)
    app.router.add_get("/playground/events", page.events)
    app.router.add_post("/playground/send", page.send)
    app.router.add_post("/playground/autocomplete", page.autocomplete)
    app.router.add_post("/playground/click", page.click)


def message_view(discord: State, msg: Message) -> dict[str, Any]:
    """What the page needs to draw a message."""
    reference = None
    if msg.reference_id is not None and msg.reference_id in discord.messages:
        ref = discord.messages[msg.reference_id]
        reference = {"id": str(ref.id), "author": ref.author.view(), "content": ref.content[:120]}
    interaction = None
    if msg.interaction_user is not None:
        interaction = {
            "id": str(msg.interaction_id),
            "user": msg.interaction_user.view(),
            "name": msg.interaction_name,
            "type": msg.interaction_type,
        }
    return {
        "id": str(msg.id),
        "channel_id": str(msg.channel_id),
        "author": msg.author.view(),
        "content": msg.content,
        "embeds": msg.embeds,
        "components": msg.components,
        "attachments": [a.payload(discord.url) for a in msg.attachments],
        "reactions": [{"emoji": e, "count": len(u)} for e, u in msg.reactions.items() if u],
        "ephemeral": msg.ephemeral,
        "visible_to": str(msg.visible_to) if msg.visible_to is not None else None,
        "loading": msg.loading,
        "timestamp": msg.created_at.isoformat(),
        "edited": msg.edited_at is not None,
        "deleted": msg.deleted,
        "reference": reference,
        "interaction": interaction,
    }


def command_view(cmd: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": cmd["name"],
        "description": cmd.get("description", ""),
        "options": [
            {
                "name": o["name"],
                "description": o.get("description", ""),
                "type": o.get("type"),
                "required": bool(o.get("required")),
                "autocomplete": bool(o.get("autocomplete")),
                "choices": o.get("choices") or [],
            }
            for o in cmd.get("options", [])
        ],
    }


def parse_slash(text: str, discord: State) -> tuple[str, dict[str, str], str | None]:
    """``/ask who leads?`` -> ("ask", {"question": "who leads?"}, "question").

    Options may be named (``/ask question: who leads``); otherwise the text after the command
    fills its first text option. The third value is the option being typed, for autocomplete.
    """
    body = text.strip()[1:]
    name, _, rest = body.partition(" ")
    known = sorted({n for commands in discord.commands.values() for n in commands})
    if name.lower() not in known:
        raise LocalDiscordError(unknown_command(name, known))
    cmd = discord.command(name.lower())
    options = {o["name"]: o for o in cmd.get("options", [])}
    given: dict[str, str] = {}
    typing: str | None = None
    named = [m for m in _OPTION.finditer(" " + rest) if m.group(1) in options]
    if named:
        padded = " " + rest
        for i, m in enumerate(named):
            end = named[i + 1].start() if i + 1 < len(named) else len(padded)
            given[m.group(1)] = padded[m.end() : end].strip()
            typing = m.group(1)
    elif options:
        first = next((o for o in options.values() if o.get("type") == 3), next(iter(options.values())))
        typing = first["name"]
        if rest.strip() or text.endswith(" "):
            given[typing] = rest.strip()
    return cmd["name"], given, typing


def unknown_command(name: str, known: list[str]) -> str:
    """What the page says for ``/name`` when the bot has no such command: the ones it has."""
    if not known:
        return "The bot has not registered its commands yet (it may still be starting); try again in a moment."
    names = [f"/{n}" for n in known]
    listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
    asked = f"/{name} is not a command of this bot" if name else "Type a command after /"
    return f"{asked}; the commands it knows are {listed}."


def mentionify(text: str, discord: State) -> str:
    """``@reportbot hi`` -> ``<@id> hi`` for the users the local Discord knows."""

    def replace(m: re.Match[str]) -> str:
        for u in discord.users.values():
            if m.group(1).lower() in (u.username.lower(), u.display_name.lower()):
                return u.mention
        return m.group(0)

    return _AT_NAME.sub(replace, text)


class Playground:
    """The page's endpoints: what it reads from the state, and what it does through the driver."""

    def __init__(self, state: State, driver: Driver) -> None:
        self.local = state
        self.driver = driver

    async def index(self, request: web.Request) -> web.StreamResponse:
        return self._file("index.html")

    async def static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in STATIC_FILES:
            raise web.HTTPNotFound()
        return self._file(name)

    def _file(self, name: str) -> web.Response:
        data = resources.files("bot.discord_app.local").joinpath("static", name).read_bytes()
        return web.Response(
            body=data,
            headers={"Content-Type": f"{STATIC_FILES[name]}; charset=utf-8", "Cache-Control": "no-store"},
        )

    def _user(self, data: dict[str, Any]) -> User:
        if data.get("user_id"):
            return self.local.user(str(data["user_id"]))
        return self.local.humans[0]

    async def state(self, request: web.Request) -> web.Response:
        d = self.local
        commands: dict[str, dict[str, Any]] = {}
        for scope in (None, d.guild_id):  # a guild command hides a global one of the same name
            for cmd in d.commands.get(scope, {}).values():
                commands[cmd["name"]] = command_view(cmd)
        return web.json_response(
            {
                "guild": {"id": str(d.guild_id), "name": d.guild_name},
                "bot": d.bot_user.view(),
                "online": self.driver.gateway.bot_online,
                "users": [u.view() for u in d.humans],
                "channels": [c.view() for c in d.channels.values()],
                "commands": sorted(commands.values(), key=lambda c: c["name"]),
                "messages": [message_view(d, m) for m in d.messages.values() if not m.deleted],
            }
        )

    async def events(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(heartbeat=20.0)
        await ws.prepare(request)
        queue = self.local.subscribe()
        reader = asyncio.create_task(self._drain(ws))
        try:
            while not ws.closed:
                getter = asyncio.ensure_future(queue.get())
                done, _ = await asyncio.wait({getter, reader}, return_when=asyncio.FIRST_COMPLETED)
                if getter not in done:
                    getter.cancel()
                    break
                event = getter.result()
                if event["kind"] == "shutdown":
                    break
                await ws.send_str(json.dumps(self._event_view(event)))
        except (ConnectionError, RuntimeError):
            pass
        finally:
            self.local.unsubscribe(queue)
            reader.cancel()
            with contextlib.suppress(Exception):
                await ws.close()
        return ws

    @staticmethod
    async def _drain(ws: web.WebSocketResponse) -> None:
        async for msg in ws:
            if msg.type is WSMsgType.ERROR:
                break

    def _event_view(self, event: dict[str, Any]) -> dict[str, Any]:
        view = {k: v for k, v in event.items() if k not in ("message", "interaction", "user")}
        if isinstance(event.get("message"), Message):
            view["message"] = message_view(self.local, event["message"])
        if isinstance(event.get("user"), User):
            view["user"] = event["user"].view()
        if "channel_id" in view:
            view["channel_id"] = str(view["channel_id"])
        itx = event.get("interaction")
        if isinstance(itx, Interaction):
            view["interaction"] = {
                "id": str(itx.id),
                "user_id": str(itx.user.id),
                "channel_id": str(itx.channel_id),
                "name": itx.name,
                "custom_id": itx.data.get("custom_id"),
                "message_id": str(itx.message_id) if itx.message_id else None,
            }
        return view

    async def _json(self, request: web.Request) -> dict[str, Any]:
        if (request.content_length or 0) > MAX_BODY_BYTES:
            raise web.HTTPRequestEntityTooLarge(
                max_size=MAX_BODY_BYTES, actual_size=request.content_length or 0
            )
        body = await request.content.read(MAX_BODY_BYTES + 1)
        if len(body) > MAX_BODY_BYTES:
            raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY_BYTES, actual_size=len(body))
        try:
            data = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise web.HTTPBadRequest(text="expected a JSON object") from None
        if not isinstance(data, dict):
            raise web.HTTPBadRequest(text="expected a JSON object")
        return data

    async def send(self, request: web.Request) -> web.Response:
        data = await self._json(request)
        text = str(data.get("text") or "").strip()
        if not text:
            return _error("type a message first")
        if len(text) > MAX_CONTENT:
            return _error(
                f"a message is at most {MAX_CONTENT:,} characters, as in Discord (this one has {len(text):,})"
            )
        try:
            user = self._user(data)
            channel = self.local.channel(str(data["channel_id"]) if data.get("channel_id") else None)
            if text.startswith("/"):
                command, options, _ = parse_slash(text, self.local)
                handle = await self.driver.slash(user, command, channel=channel, **options)
                return web.json_response({"ok": True, "interaction_id": str(handle.id)})
            msg = await self.driver.send_message(user, mentionify(text, self.local), channel=channel)
            return web.json_response({"ok": True, "message_id": str(msg.id)})
        except (LocalDiscordError, LookupError, ValueError) as exc:
            return _error(str(exc))

    async def autocomplete(self, request: web.Request) -> web.Response:
        data = await self._json(request)
        text = str(data.get("text") or "")
        try:
            command, options, typing = parse_slash(text, self.local)
            option = next(
                (o for o in self.local.command(command).get("options", []) if o["name"] == typing), None
            )
            if option is None or not option.get("autocomplete"):
                return web.json_response({"choices": [], "option": typing})
            value = options.pop(typing, "") if typing else ""
            choices = await self.driver.autocomplete(
                self._user(data),
                command,
                typing or "",
                value,
                channel=str(data["channel_id"]) if data.get("channel_id") else None,
                timeout=AUTOCOMPLETE_TIMEOUT,
                **options,
            )
            return web.json_response({"choices": choices, "option": typing})
        except LocalDiscordTimeout:
            return web.json_response({"choices": [], "error": "the bot offered no choices in time"})
        except (LocalDiscordError, LookupError, ValueError) as exc:
            return web.json_response({"choices": [], "error": str(exc)})

    async def click(self, request: web.Request) -> web.Response:
        data = await self._json(request)
        try:
            handle = await self.driver.click(
                self._user(data),
                int(str(data.get("message_id"))),
                str(data.get("custom_id")),
            )
            return web.json_response({"ok": True, "interaction_id": str(handle.id)})
        except (LocalDiscordError, ValueError) as exc:
            return _error(str(exc))


def _error(message: str) -> web.Response:
    return web.json_response({"ok": False, "error": message}, status=400)
