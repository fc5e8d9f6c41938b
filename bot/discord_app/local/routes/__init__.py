"""The local Discord's REST API v10, by resource: the application (login, commands), the guild
and its channels and messages, and interactions with their webhooks.

Every route is recorded (``State.requests``); a route it does not know is logged, recorded in
``State.unknown_routes`` and answered with a Discord-shaped 404.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot.discord_app.endpoints import API_PATH
from bot.discord_app.local.routes.application import ApplicationRoutes
from bot.discord_app.local.routes.base import RouteTable, discord_error
from bot.discord_app.local.routes.channels import ChannelRoutes
from bot.discord_app.local.routes.direct import DirectRoutes
from bot.discord_app.local.routes.interactions import InteractionRoutes
from bot.discord_app.local.state import RecordedRequest, State

log = logging.getLogger(__name__)


def add_rest_routes(app: web.Application, state: State) -> None:
    """Every REST route of the local Discord, below ``/api/v10``."""
    channels = ChannelRoutes(state)
    tables: list[RouteTable] = [
        ApplicationRoutes(state),
        channels,
        InteractionRoutes(state),
        DirectRoutes(state),
    ]
    for table in tables:
        for method, path, handler in table.routes():
            app.router.add_route(method, API_PATH + path, _recorded(state, table, handler))
    app.router.add_get("/attachments/{attachment_id}/{filename}", channels.attachment)


def add_fallback_route(app: web.Application, state: State) -> None:
    """Last: a Discord-shaped 404 for what the local Discord does not know (and a note of it)."""

    async def unknown(request: web.Request) -> web.StreamResponse:
        if not request.path.startswith("/api/"):
            return web.Response(status=404, text="Not found: this is a local Discord.\n")
        route = f"{request.method} {request.path}"
        log.warning("local Discord: unhandled route %s (answered 404)", route)
        state.unknown_routes.append(route)
        state.touch()
        return discord_error(404, 0, "404: Not Found")

    app.router.add_route("*", "/{tail:.*}", unknown)


def _recorded(
    state: State, table: RouteTable, handler: Callable[[web.Request], Any]
) -> Callable[[web.Request], Any]:
    async def wrapper(request: web.Request) -> web.StreamResponse:
        response: web.StreamResponse = await handler(request)
        given = "Authorization" in request.headers
        authorized = table.authorized(request) if given else None
        state.requests.append(RecordedRequest(request.method, request.path, response.status, authorized))
        return response

    return wrapper
