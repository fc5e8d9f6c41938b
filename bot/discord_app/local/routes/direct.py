"""REST: direct messages from the bot (``POST /users/@me/channels``, then messages in that channel).

A DM channel belongs to no guild; what the bot writes there is stored (``State.direct_messages``)
but never sent back through the gateway, as Discord does not echo a bot's DMs to a guild.
"""

from __future__ import annotations

from aiohttp import web

from bot.discord_app.local.model import Channel
from bot.discord_app.local.routes.base import (
    Handler,
    RouteTable,
    discord_error,
    int_,
    json_response,
    unauthorized,
)

#: The channel type of a DM.
DM = 1


def dm_payload(channel: Channel, recipient: dict[str, object]) -> dict[str, object]:
    return {"id": str(channel.id), "type": DM, "recipients": [recipient], "last_message_id": None, "flags": 0}


class DirectRoutes(RouteTable):
    def routes(self) -> list[tuple[str, str, Handler]]:
        return [("POST", "/users/@me/channels", self.open_dm)]

    async def open_dm(self, request: web.Request) -> web.StreamResponse:
        if not self.authorized(request):
            return unauthorized()
        payload, _ = await self.read_body(request)
        user = self.state.users.get(int_((payload or {}).get("recipient_id")))
        if user is None or user.bot:
            return discord_error(400, 50007, "Cannot send messages to this user")
        state = self.state
        channel = next((c for c in state.dm_channels.values() if c.name == f"@{user.username}"), None)
        if channel is None:
            channel = Channel(state.ids(), f"@{user.username}", 0)
            state.dm_channels[channel.id] = channel
        return json_response(dm_payload(channel, user.payload()))
