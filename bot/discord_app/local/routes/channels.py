"""REST: the guild, its members and channels, and the messages the bot sends, edits, reacts to
and deletes (plus typing, and the attachments it uploaded)."""

from __future__ import annotations

from aiohttp import web

from bot.discord_app.local import model
from bot.discord_app.local.gateway import guild_payload
from bot.discord_app.local.model import EPHEMERAL, LOADING, Channel, Message
from bot.discord_app.local.routes.base import (
    Handler,
    RouteTable,
    discord_error,
    int_,
    json_response,
    no_content,
    unauthorized,
)
from bot.discord_app.local.state import embeds_of
from bot.discord_app.local.validation import message_problems

#: What GET /guilds/{id} leaves out of the GUILD_CREATE payload.
_GATEWAY_ONLY = ("members", "channels", "threads", "presences", "voice_states", "joined_at", "large")


class ChannelRoutes(RouteTable):
    def routes(self) -> list[tuple[str, str, Handler]]:
        message = "/channels/{channel_id}/messages/{message_id}"
        return [
            ("GET", "/guilds/{guild_id}", self.get_guild),
            ("GET", "/guilds/{guild_id}/members/{user_id}", self.get_member),
            ("GET", "/guilds/{guild_id}/channels", self.get_guild_channels),
            ("GET", "/channels/{channel_id}", self.get_channel),
            ("GET", "/channels/{channel_id}/messages", self.list_messages),
            ("POST", "/channels/{channel_id}/messages", self.post_message),
            ("GET", message, self.get_message),
            ("PATCH", message, self.patch_message),
            ("DELETE", message, self.delete_message),
            ("POST", "/channels/{channel_id}/typing", self.typing),
            ("PUT", message + "/reactions/{emoji}/@me", self.react),
            ("DELETE", message + "/reactions/{emoji}/@me", self.unreact),
        ]

    async def get_guild(self, request: web.Request) -> web.StreamResponse:
        if int_(request.match_info["guild_id"]) != self.state.guild_id:
            return discord_error(404, 10004, "Unknown Guild")
        payload = guild_payload(self.state)
        for key in _GATEWAY_ONLY:
            payload.pop(key, None)
        return json_response(payload)

    async def get_member(self, request: web.Request) -> web.StreamResponse:
        user = self.state.users.get(int_(request.match_info["user_id"]))
        if int_(request.match_info["guild_id"]) != self.state.guild_id or user is None:
            return discord_error(404, 10007, "Unknown Member")
        return json_response(user.member_payload())

    async def get_guild_channels(self, request: web.Request) -> web.StreamResponse:
        if int_(request.match_info["guild_id"]) != self.state.guild_id:
            return discord_error(404, 10004, "Unknown Guild")
        return json_response([c.payload() for c in self.state.channels.values()])

    def _channel(self, request: web.Request) -> Channel | web.Response:
        """The channel of the path, or the error to answer."""
        if not self.authorized(request):
            return unauthorized()
        cid = int_(request.match_info["channel_id"])
        channel = self.state.channels.get(cid) or self.state.dm_channels.get(cid)
        return discord_error(404, 10003, "Unknown Channel") if channel is None else channel

    def _message(self, request: web.Request) -> Message | web.Response:
        """The (visible, public) message of the path, or the error to answer."""
        channel = self._channel(request)
        if isinstance(channel, web.Response):
            return channel
        msg = self.state.messages.get(int_(request.match_info["message_id"]))
        if msg is None or msg.deleted or msg.channel_id != channel.id or msg.ephemeral:
            return discord_error(404, 10008, "Unknown Message")
        return msg

    async def get_channel(self, request: web.Request) -> web.StreamResponse:
        channel = self._channel(request)
        return channel if isinstance(channel, web.Response) else json_response(channel.payload())

    async def list_messages(self, request: web.Request) -> web.StreamResponse:
        channel = self._channel(request)
        if isinstance(channel, web.Response):
            return channel
        limit = min(int(request.query.get("limit", 50)), 100)
        before = int_(request.query.get("before")) or None
        after = int_(request.query.get("after")) or 0
        found = [
            m
            for m in self.state.history(channel)
            if not m.ephemeral and m.id > after and (before is None or m.id < before)
        ]
        found = found[:limit] if after else found[-limit:]
        return json_response([self.state.message_payload(m) for m in reversed(found)])

    async def get_message(self, request: web.Request) -> web.StreamResponse:
        msg = self._message(request)
        return msg if isinstance(msg, web.Response) else json_response(self.state.message_payload(msg))

    async def post_message(self, request: web.Request) -> web.StreamResponse:
        channel = self._channel(request)
        if isinstance(channel, web.Response):
            return channel
        state = self.state
        payload, files = await self.read_body(request)
        problems = message_problems(payload, has_files=bool(files))
        reference = None
        ref = payload.get("message_reference")
        if ref:
            target = state.messages.get(int_(ref.get("message_id")))
            if target is not None and not target.deleted:
                reference = target.id
            elif ref.get("fail_if_not_exists", True):
                problems.append("message_reference: Unknown message")
        if problems:
            return self.reject(request, problems)
        content = payload.get("content") or ""
        msg = Message(
            state.ids(),
            channel.id,
            state.guild_id,
            state.bot_user,
            content=content,
            embeds=embeds_of(payload),
            components=payload.get("components") or [],
            attachments=files,
            flags=int(payload.get("flags") or 0) & ~(EPHEMERAL | LOADING),
            type=model.REPLY if reference else model.DEFAULT,
            mentions=state.mentioned(content),
            allowed_mentions=payload.get("allowed_mentions"),
            reference_id=reference,
        )
        if channel.id in state.dm_channels:  # a DM: stored (State.direct_messages), not in the guild
            state.messages[msg.id] = msg
            state.touch()
        else:
            await state.post(msg)
        return json_response(state.message_payload(msg))

    async def patch_message(self, request: web.Request) -> web.StreamResponse:
        msg = self._message(request)
        if isinstance(msg, web.Response):
            return msg
        if msg.author.id != self.state.bot_user.id:
            return discord_error(403, 50005, "Cannot edit a message authored by another user")
        payload, files = await self.read_body(request)
        problems = message_problems(payload, edit=True)
        if problems:
            return self.reject(request, problems)
        await self.state.edit(msg, payload, files)
        return json_response(self.state.message_payload(msg))

    async def delete_message(self, request: web.Request) -> web.StreamResponse:
        msg = self._message(request)
        if isinstance(msg, web.Response):
            return msg
        await self.state.delete(msg)
        return no_content()

    async def typing(self, request: web.Request) -> web.StreamResponse:
        channel = self._channel(request)
        if isinstance(channel, web.Response):
            return channel
        self.state.typing.append(channel.id)
        self.state.publish({"kind": "typing", "channel_id": channel.id, "user": self.state.bot_user})
        self.state.touch()
        return no_content()

    async def react(self, request: web.Request) -> web.StreamResponse:
        msg = self._message(request)
        if isinstance(msg, web.Response):
            return msg
        msg.reactions.setdefault(request.match_info["emoji"], set()).add(self.state.bot_user.id)
        self.state.changed_message(msg)
        return no_content()

    async def unreact(self, request: web.Request) -> web.StreamResponse:
        msg = self._message(request)
        if isinstance(msg, web.Response):
            return msg
        msg.reactions.get(request.match_info["emoji"], set()).discard(self.state.bot_user.id)
        self.state.changed_message(msg)
        return no_content()

    async def attachment(self, request: web.Request) -> web.StreamResponse:
        """A file the bot uploaded (served outside the API, as Discord's CDN does)."""
        wanted = int_(request.match_info["attachment_id"])
        for msg in self.state.messages.values():
            for a in msg.attachments:
                if a.id == wanted:
                    return web.Response(
                        body=a.data, content_type=a.content_type or "application/octet-stream"
                    )
        return web.Response(status=404)
