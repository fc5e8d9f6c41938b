"""The local Discord's gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME with
the events missed meanwhile, member chunks, and the events it dispatches to the bot.

Text JSON frames only (discord.py inflates only binary ones, and speaks no ETF).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from bot.discord_app.local import model
from bot.discord_app.local.errors import BotOffline
from bot.discord_app.local.state import Redact, State

log = logging.getLogger(__name__)

#: Gateway events kept per session for a RESUME.
BACKLOG = 1000
#: Gateway close codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
CLOSE_UNKNOWN_ERROR = 4000
CLOSE_AUTHENTICATION_FAILED = 4004
CLOSE_DISALLOWED_INTENTS = 4014


@dataclass
class GatewaySession:
    id: str
    intents: int
    seq: int = 0
    backlog: list[tuple[int, str]] = field(default_factory=list)
    ws: web.WebSocketResponse | None = None
    ended: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class Gateway:
    """The bot's gateway sessions, and the websocket handler that serves them."""

    def __init__(self, state: State, *, heartbeat_interval: float) -> None:
        self.state = state
        self.heartbeat_interval = heartbeat_interval
        self.sessions: dict[str, GatewaySession] = {}

    # -- what the rest of the local Discord uses ------------------------------------------------
    def live_session(self) -> GatewaySession | None:
        for session in reversed(list(self.sessions.values())):
            if session.ws is not None and not session.ws.closed and not session.ended:
                return session
        return None

    @property
    def bot_online(self) -> bool:
        return self.live_session() is not None

    def require_bot(self) -> None:
        """An interaction needs a bot session (a dropped one gets it on RESUME)."""
        if not self.sessions or all(s.ended for s in self.sessions.values()):
            raise BotOffline("no bot is connected to the local Discord")

    async def dispatch(
        self, event: str, data: dict[str, Any], *, intent: int = 0, redact: Redact | None = None
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

    async def drop(self, code: int = CLOSE_UNKNOWN_ERROR) -> int:
        """Close every gateway socket as if the connection broke: the bot should RESUME.
        Returns how many sockets were closed."""
        dropped = 0
        for session in self.sessions.values():
            ws = session.ws
            if ws is not None and not ws.closed:
                self.state.gateway_log.append("DROP")
                session.ws = None
                await ws.close(code=code, message=b"dropped by the local Discord")
                dropped += 1
        self.state.touch()
        return dropped

    async def close(self) -> None:
        for session in self.sessions.values():
            if session.ws is not None and not session.ws.closed:
                with contextlib.suppress(Exception):  # shutting down anyway
                    await asyncio.wait_for(session.ws.close(code=1001, message=b"shutting down"), 2.0)

    # -- the websocket ----------------------------------------------------------------------------
    async def handle(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        await ws.send_str(
            json.dumps({"op": 10, "d": {"heartbeat_interval": int(self.heartbeat_interval * 1000)}})
        )
        log_ = self.state.gateway_log
        log_.append("HELLO")
        session: GatewaySession | None = None
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    log.warning("local gateway: ignored a %s frame (only text JSON is spoken)", msg.type.name)
                    continue
                payload = json.loads(msg.data)
                found = await self._receive(ws, payload.get("op"), payload)
                session = found or session
        finally:
            if session is not None and session.ws is ws:
                session.ws = None
                if ws.close_code in (1000, 1001):
                    session.ended = True  # a clean close by the client ends the session
                log_.append(f"CLOSED {ws.close_code}")
            self.state.publish({"kind": "bot_status", "online": self.bot_online})
            self.state.touch()
        return ws

    async def _receive(
        self, ws: web.WebSocketResponse, op: Any, payload: dict[str, Any]
    ) -> GatewaySession | None:
        data = payload.get("d") or {}
        if op == 1:
            await ws.send_str('{"op": 11}')
        elif op == 2:
            return await self._identify(ws, data)
        elif op == 6:
            return await self._resume(ws, data)
        elif op == 8:
            await self._chunk(ws, data)
        elif op in (3, 4):
            pass  # presence and voice state updates: nothing to do
        else:
            log.warning("local gateway: unknown opcode %s: %s", op, payload)
            self.state.unknown_routes.append(f"GATEWAY op {op}")
        return None

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

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> GatewaySession | None:
        state = self.state
        state.gateway_log.append("IDENTIFY")
        if data.get("token") != state.token:
            log.warning("local gateway: IDENTIFY with a token that is not the local Discord's (closing 4004)")
            await ws.close(code=CLOSE_AUTHENTICATION_FAILED, message=b"Authentication failed.")
            return None
        intents = int(data.get("intents") or 0)
        if intents & model.PRIVILEGED_INTENTS & ~state.privileged_intents:
            await ws.close(code=CLOSE_DISALLOWED_INTENTS, message=b"Disallowed intent(s).")
            return None
        for old in self.sessions.values():
            if old.ws is None:
                old.ended = True  # a new session replaces those that were never resumed
        session = GatewaySession(secrets.token_hex(16), intents, ws=ws)
        self.sessions[session.id] = session
        ready = ready_payload(state, session.id)
        if "shard" in data:
            ready["shard"] = data["shard"]
        await self._send_dispatch(session, "READY", ready)
        await self._send_dispatch(session, "GUILD_CREATE", guild_payload(state))
        state.gateway_log.append("READY")
        state.publish({"kind": "bot_status", "online": True})
        state.touch()
        return session

    async def _resume(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> GatewaySession | None:
        state = self.state
        state.gateway_log.append("RESUME")
        session = self.sessions.get(str(data.get("session_id")))
        if session is None or session.ended or data.get("token") != state.token:
            await ws.send_str(json.dumps({"op": 9, "d": False}))
            state.gateway_log.append("INVALID_SESSION")
            return None
        async with session.lock:
            session.ws = ws
            after = int(data.get("seq") or 0)
            for seq, frame in session.backlog:
                if seq > after:
                    await ws.send_str(frame)
        await self._send_dispatch(session, "RESUMED", {})
        state.gateway_log.append("RESUMED")
        state.publish({"kind": "bot_status", "online": True})
        state.touch()
        return session

    async def _chunk(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
        session = next((s for s in self.sessions.values() if s.ws is ws), None)
        if session is None:
            return
        chunk = {
            "guild_id": str(self.state.guild_id),
            "members": [u.member_payload() for u in self.state.users.values()],
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if data.get("nonce") is not None:
            chunk["nonce"] = data["nonce"]
        await self._send_dispatch(session, "GUILD_MEMBERS_CHUNK", chunk)


def ready_payload(state: State, session_id: str) -> dict[str, Any]:
    """READY: the bot's user, its one guild (sent whole right after) and the session."""
    return {
        "v": 10,
        "user": state.bot_user.payload() | {"verified": True, "mfa_enabled": False},
        "guilds": [{"id": str(state.guild_id), "unavailable": True}],
        "session_id": session_id,
        "session_type": "normal",
        "resume_gateway_url": state.gateway_url,
        "application": {"id": str(state.application_id), "flags": state.application_flags()},
        "private_channels": [],
        "relationships": [],
        "presences": [],
        "guild_join_requests": [],
        "geo_ordered_rtc_regions": [],
        "user_settings": {},
        "auth": {},
    }


_EMPTY_GUILD_FIELDS: dict[str, Any] = {
    "icon": None,
    "splash": None,
    "discovery_splash": None,
    "afk_channel_id": None,
    "afk_timeout": 300,
    "verification_level": 0,
    "default_message_notifications": 0,
    "explicit_content_filter": 0,
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
    "large": False,
    "unavailable": False,
    "threads": [],
    "presences": [],
    "voice_states": [],
    "stage_instances": [],
    "guild_scheduled_events": [],
    "soundboard_sounds": [],
}


def guild_payload(state: State) -> dict[str, Any]:
    """GUILD_CREATE: the whole guild with every member, so discord.py needs no chunking."""
    members = list(state.users.values())
    everyone = {
        "id": str(state.guild_id),
        "name": "@everyone",
        "permissions": str(model.ALL_PERMISSIONS),
        "position": 0,
        "color": 0,
        "hoist": False,
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }
    return {
        "id": str(state.guild_id),
        "name": state.guild_name,
        "owner_id": str(state.humans[0].id if state.humans else state.bot_user.id),
        "roles": [everyone],
        "joined_at": model.iso(state.bot_user.joined_at),
        "member_count": len(members),
        "members": [u.member_payload() for u in members],
        "channels": [c.payload() for c in state.channels.values()],
    } | _EMPTY_GUILD_FIELDS
