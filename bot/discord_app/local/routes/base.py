"""What every REST route of the local Discord shares: Discord-shaped responses and errors,
the token check, reading a JSON or multipart body, and refusing a payload Discord would refuse."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.discord_app.local.model import Attachment
from bot.discord_app.local.state import State

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


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


def unauthorized() -> web.Response:
    return discord_error(401, 0, "401: Unauthorized")


def int_(value: Any) -> int:
    """A snowflake or number from a path or query; 0 when it is none."""
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return 0


class RouteTable:
    """A group of routes over the local Discord's state."""

    def __init__(self, state: State) -> None:
        self.state = state

    def routes(self) -> list[tuple[str, str, Handler]]:
        """(method, path below /api/v10, handler) for each route."""
        raise NotImplementedError

    def authorized(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bot {self.state.token}"

    def reject(self, request: web.Request, problems: list[str]) -> web.Response:
        """400 Invalid Form Body, as Discord answers a payload it refuses (and a note of it)."""
        what = f"{request.method} {request.path}: {'; '.join(problems)}"
        log.warning("local Discord refused %s", what)
        self.state.rejected.append(what)
        self.state.touch()
        return discord_error(400, 50035, "Invalid Form Body", problems)

    async def read_body(self, request: web.Request) -> tuple[Any, list[Attachment]]:
        """The JSON payload of a request, from a JSON body or the payload_json part of a multipart one."""
        files: list[Attachment] = []
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            payload = json.loads(str(form.get("payload_json") or "{}"))
            for value in form.values():
                if isinstance(value, web.FileField):
                    files.append(
                        Attachment(self.state.ids(), value.filename, value.content_type, value.file.read())
                    )
            return payload, files
        if not request.can_read_body:
            return {}, files
        return await request.json(), files
