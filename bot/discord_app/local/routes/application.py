"""REST: the bot's login (``/users/@me``), its application, the gateway's URL, and its slash
commands (global and for the guild)."""

from __future__ import annotations

import logging
from typing import Any

from aiohttp import web

from bot.discord_app.local.routes.base import (
    Handler,
    RouteTable,
    discord_error,
    int_,
    json_response,
    unauthorized,
)
from bot.discord_app.local.state import CommandSync
from bot.discord_app.local.validation import command_problems

log = logging.getLogger(__name__)


class ApplicationRoutes(RouteTable):
    def routes(self) -> list[tuple[str, str, Handler]]:
        commands = "/applications/{app_id}/commands"
        guild_commands = "/applications/{app_id}/guilds/{guild_id}/commands"
        return [
            ("GET", "/users/@me", self.me),
            ("GET", "/users/{user_id}", self.get_user),
            ("GET", "/oauth2/applications/@me", self.application),
            ("GET", "/applications/@me", self.application),
            ("GET", "/gateway", self.gateway_info),
            ("GET", "/gateway/bot", self.gateway_info),
            ("GET", commands, self.get_commands),
            ("PUT", commands, self.put_commands),
            ("POST", commands, self.post_command),
            ("GET", guild_commands, self.get_commands),
            ("PUT", guild_commands, self.put_commands),
            ("POST", guild_commands, self.post_command),
        ]

    async def me(self, request: web.Request) -> web.StreamResponse:
        if not self.authorized(request):
            log.warning("local Discord: a login with a token that is not the local Discord's was refused")
            return unauthorized()
        return json_response(self.state.bot_user.payload() | {"verified": True, "mfa_enabled": False})

    async def get_user(self, request: web.Request) -> web.StreamResponse:
        user = self.state.users.get(int_(request.match_info["user_id"]))
        if user is None:
            return discord_error(404, 10013, "Unknown User")
        return json_response(user.payload())

    async def application(self, request: web.Request) -> web.StreamResponse:
        if not self.authorized(request):
            return unauthorized()
        state = self.state
        owner = state.humans[0] if state.humans else state.bot_user
        return json_response(
            {
                "id": str(state.application_id),
                "name": state.bot_user.username,
                "icon": None,
                "description": "A bot running against a local Discord.",
                "summary": "",
                "type": None,
                "bot_public": False,
                "bot_require_code_grant": False,
                "verify_key": "0" * 64,
                "flags": state.application_flags(),
                "owner": owner.payload(),
                "team": None,
                "bot": state.bot_user.payload(),
                "redirect_uris": [],
                "interactions_endpoint_url": None,
                "tags": [],
            }
        )

    async def gateway_info(self, request: web.Request) -> web.StreamResponse:
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        return json_response(
            {"url": self.state.gateway_url.rstrip("/"), "shards": 1, "session_start_limit": limit}
        )

    # -- slash commands ---------------------------------------------------------------------
    def _scope(self, request: web.Request) -> tuple[int | None, web.Response | None]:
        """The guild the request's commands belong to (None: global), or the error to answer."""
        if not self.authorized(request):
            return None, unauthorized()
        if int_(request.match_info["app_id"]) != self.state.application_id:
            return None, discord_error(403, 50001, "Missing Access")
        if "guild_id" not in request.match_info:
            return None, None
        guild_id = int_(request.match_info["guild_id"])
        if guild_id != self.state.guild_id:
            return None, discord_error(403, 50001, "Missing Access")
        return guild_id, None

    async def get_commands(self, request: web.Request) -> web.StreamResponse:
        scope, error = self._scope(request)
        if error is not None:
            return error
        return json_response(list(self.state.commands.get(scope, {}).values()))

    async def put_commands(self, request: web.Request) -> web.StreamResponse:
        scope, error = self._scope(request)
        if error is not None:
            return error
        payload, _ = await self.read_body(request)
        if not isinstance(payload, list):
            return self.reject(request, ["expected a list of commands"])
        problems = [p for cmd in payload for p in command_problems(cmd)]
        names = [c.get("name") for c in payload]
        problems += [
            f"command name {n!r} is used twice" for n in sorted({n for n in names if names.count(n) > 1})
        ]
        if problems:
            return self.reject(request, problems)
        state = self.state
        state.command_syncs.append(CommandSync(scope, payload))
        old = state.commands.get(scope, {})
        state.commands[scope] = {c["name"]: self._stored(c, scope, old.get(c["name"])) for c in payload}
        state.publish({"kind": "commands"})
        state.touch()
        return json_response(list(state.commands[scope].values()))

    async def post_command(self, request: web.Request) -> web.StreamResponse:
        scope, error = self._scope(request)
        if error is not None:
            return error
        cmd, _ = await self.read_body(request)
        problems = command_problems(cmd)
        if problems:
            return self.reject(request, problems)
        state = self.state
        state.command_syncs.append(CommandSync(scope, [cmd]))
        commands = state.commands.setdefault(scope, {})
        commands[cmd["name"]] = self._stored(cmd, scope, commands.get(cmd["name"]))
        state.publish({"kind": "commands"})
        state.touch()
        return json_response(commands[cmd["name"]], 201)

    def _stored(self, cmd: dict[str, Any], scope: int | None, old: dict[str, Any] | None) -> dict[str, Any]:
        """A command as Discord stores it: defaults filled in, its id kept across syncs."""
        stored = {
            "type": 1,
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "dm_permission": True,
            "nsfw": False,
        } | cmd
        stored["id"] = old["id"] if old else str(self.state.ids())
        stored["application_id"] = str(self.state.application_id)
        stored["version"] = str(self.state.ids())
        if scope is not None:
            stored["guild_id"] = str(scope)
        return stored
