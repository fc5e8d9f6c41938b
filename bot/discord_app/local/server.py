"""LocalDiscord: a small Discord on 127.0.0.1 that the real discord.py client logs into.

It speaks the parts of REST API v10 and the gateway (text JSON frames) this bot uses: login,
command sync, the gateway handshake with READY and GUILD_CREATE, heartbeats and RESUME,
messages, typing, reactions, interactions (slash commands, buttons, autocomplete) with their
callbacks, follow-ups and edits. It keeps everything in memory (``state``), and offers a Python
API to act as users (``driver``) and read back what the bot sent. The playground page is served
by the same app.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from aiohttp import web

from bot.discord_app.endpoints import GATEWAY_PATH, is_loopback_host
from bot.discord_app.local import model, playground
from bot.discord_app.local.driver import INTERACTION_DEADLINE, Driver, InteractionHandle, Where, Who
from bot.discord_app.local.gateway import CLOSE_UNKNOWN_ERROR, Gateway, GatewaySession
from bot.discord_app.local.model import Message
from bot.discord_app.local.routes import add_fallback_route, add_rest_routes
from bot.discord_app.local.state import DEFAULT_TIMEOUT, LOCAL_TOKEN, State

log = logging.getLogger(__name__)

__all__ = ["DEFAULT_TIMEOUT", "LOCAL_TOKEN", "InteractionHandle", "LocalDiscord"]

#: The names this computer answers to; a request for any other Host (a DNS-rebinding page that
#: made evil.example resolve to 127.0.0.1) gets 421 Misdirected Request.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def _addresses(port: int) -> frozenset[str]:
    names = {f"{name}:{port}" for name in LOOPBACK_NAMES}
    if port == 80:  # browsers leave out the default port
        names.update(LOOPBACK_NAMES)
    return frozenset(names)


def same_origin_only(state: State) -> Any:
    """One middleware for every route (the page, the emulated REST API and both websockets):
    the Host must be this computer on this port (else 421), and a request that carries an
    Origin (a browser's) must come from the playground page itself (else 403). Requests
    without an Origin (discord.py, tests, curl) are accepted."""

    @web.middleware
    async def guard(request: web.Request, handler: Any) -> web.StreamResponse:
        addresses = _addresses(state.port)
        host = request.headers.get("Host", "").strip().lower()
        if host not in addresses:
            log.warning(
                "refused a request for host %r: this local Discord answers only on this computer", host
            )
            return web.Response(status=421, text=f"misdirected request: use {state.url} (this computer only)")
        origin = request.headers.get("Origin")
        if origin is not None and origin.strip().lower() not in {f"http://{a}" for a in addresses}:
            log.warning("refused a request from the web page at %r (only the playground page may)", origin)
            return web.Response(status=403, text="forbidden: only the playground page itself may call this")
        return await handler(request)

    return guard


class LocalDiscord(State):
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
        super().__init__(
            host=host,
            port=port,
            token=token,
            bot_name=bot_name,
            guild_name=guild_name,
            guild_id=guild_id,
            privileged_intents=privileged_intents,
        )
        self.gateway = Gateway(self, heartbeat_interval=heartbeat_interval)
        self.dispatch = self.gateway.dispatch
        self.driver = Driver(self, self.gateway, interaction_deadline=interaction_deadline)
        self._runner: web.AppRunner | None = None
        for name in users:
            self.add_user(name)
        for name in channels:
            self.add_channel(name)
        self.app = self._build_app()

    def _build_app(self) -> web.Application:
        app = web.Application(client_max_size=32 * 1024 * 1024, middlewares=[same_origin_only(self)])
        app.router.add_get(GATEWAY_PATH, self.gateway.handle)
        app.router.add_get(GATEWAY_PATH.rstrip("/"), self.gateway.handle)
        add_rest_routes(app, self)
        playground.add_routes(app, self, self.driver)
        add_fallback_route(app, self)
        return app

    # -- life cycle ---------------------------------------------------------------------------
    async def start(self) -> LocalDiscord:
        runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self._runner = runner
        self.serving = True
        self.port = runner.addresses[0][1]
        log.info("local Discord listening on %s", self.url)
        return self

    async def stop(self) -> None:
        self.serving = False
        self.shut_down()
        await self.gateway.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> LocalDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- the gateway --------------------------------------------------------------------------
    @property
    def sessions(self) -> dict[str, GatewaySession]:
        return self.gateway.sessions

    @property
    def bot_online(self) -> bool:
        return self.gateway.bot_online

    @property
    def interaction_deadline(self) -> float:
        """Seconds the bot has to answer an interaction before it fails."""
        return self.driver.interaction_deadline

    @interaction_deadline.setter
    def interaction_deadline(self, seconds: float) -> None:
        self.driver.interaction_deadline = seconds

    async def wait_until_connected(self, timeout: float = DEFAULT_TIMEOUT) -> GatewaySession:
        """Wait for a bot to be connected and identified on the gateway."""
        return await self.wait_for(self.gateway.live_session, "the bot to connect to the gateway", timeout)

    async def wait_for_gateway(self, event: str, *, count: int = 1, timeout: float = DEFAULT_TIMEOUT) -> int:
        """Wait until the gateway log holds ``event`` (e.g. "RESUME", "IDENTIFY") ``count`` times."""
        return await self.wait_for(
            lambda: self.gateway_log.count(event) >= count and self.gateway_log.count(event),
            f"{count} x {event} on the gateway",
            timeout,
        )

    async def drop_gateway(self, code: int = CLOSE_UNKNOWN_ERROR) -> int:
        """Close every gateway socket as if the connection broke: the bot should RESUME."""
        return await self.gateway.drop(code)

    # -- acting as users (see ``driver.Driver``) -----------------------------------------------
    async def send_message(
        self, user: Who, content: str, *, channel: Where = None, reply_to: Message | int | None = None
    ) -> Message:
        """``user`` writes ``content`` in ``channel``: MESSAGE_CREATE goes to the bot."""
        return await self.driver.send_message(user, content, channel=channel, reply_to=reply_to)

    async def slash(
        self, user: Who, command: str, *, channel: Where = None, **options: Any
    ) -> InteractionHandle:
        """``user`` runs ``/command`` with text ``options``."""
        return await self.driver.slash(user, command, channel=channel, **options)

    async def autocomplete(
        self,
        user: Who,
        command: str,
        option: str,
        value: str,
        *,
        channel: Where = None,
        timeout: float = DEFAULT_TIMEOUT,
        **others: Any,
    ) -> list[dict[str, Any]]:
        """``user`` types ``value`` into ``option`` of ``/command``: the choices the bot offers."""
        return await self.driver.autocomplete(
            user, command, option, value, channel=channel, timeout=timeout, **others
        )

    async def click(
        self, user: Who, message: Message | int, custom_id: str | None = None, *, label: str | None = None
    ) -> InteractionHandle:
        """``user`` clicks the button with this custom_id (or label) on ``message``."""
        return await self.driver.click(user, message, custom_id, label=label)
