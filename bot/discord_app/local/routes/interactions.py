"""REST: how the bot answers an interaction (the callback: a message, "thinking", an update of
the clicked message, autocomplete choices) and its webhook (follow-ups, edits of the reply)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.discord_app.local import model
from bot.discord_app.local.model import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    EPHEMERAL,
    LOADING,
    MESSAGE_COMPONENT,
    Attachment,
    Interaction,
    Message,
)
from bot.discord_app.local.routes.base import (
    Handler,
    RouteTable,
    discord_error,
    int_,
    json_response,
    no_content,
)
from bot.discord_app.local.state import embeds_of
from bot.discord_app.local.validation import choice_problems, message_problems

#: Callback types: 4 a message, 5 "thinking", 6 acknowledge a click, 7 update the clicked
#: message, 8 autocomplete choices, 9 a modal.
CALLBACK_TYPES = (4, 5, 6, 7, 8, 9)


class InteractionRoutes(RouteTable):
    def routes(self) -> list[tuple[str, str, Handler]]:
        message = "/webhooks/{app_id}/{token}/messages/{message_id}"
        return [
            ("POST", "/interactions/{interaction_id}/{token}/callback", self.callback),
            ("POST", "/webhooks/{app_id}/{token}", self.followup),
            ("GET", message, self.get_webhook_message),
            ("PATCH", message, self.patch_webhook_message),
            ("DELETE", message, self.delete_webhook_message),
        ]

    # -- the callback -----------------------------------------------------------------------
    async def callback(self, request: web.Request) -> web.StreamResponse:
        itx = self.state.interactions.get(int_(request.match_info["interaction_id"]))
        if itx is None or itx.token != request.match_info["token"]:
            return discord_error(404, 10062, "Unknown interaction")
        if itx.response_type is not None:
            return discord_error(400, 40060, "Interaction has already been acknowledged.")
        body, files = await self.read_body(request)
        kind = int(body.get("type") or 0)
        data = body.get("data") or {}
        problems = callback_problems(itx, kind, data, has_files=bool(files))
        if problems:
            return self.reject(request, problems)
        resource = await self._respond(itx, kind, data, files)
        itx.response_type = kind
        itx.response = body
        self.state.publish({"kind": "interaction_response", "interaction": itx, "type": kind})
        self.state.touch()
        if request.query.get("with_response", "").lower() not in ("1", "true"):
            return no_content()
        original = self.state.messages.get(itx.original_id) if itx.original_id else None
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

    async def _respond(
        self, itx: Interaction, kind: int, data: dict[str, Any], files: list[Attachment]
    ) -> dict[str, Any] | None:
        """Carry out callback ``kind``; the message it made or changed, if any."""
        state = self.state
        if kind in (4, 5):
            loading = kind == 5
            shown = {"flags": int(data.get("flags") or 0)} if loading else data
            msg = self._message(itx, shown, [] if loading else files, loading=loading)
            itx.original_id = msg.id
            if not loading:
                itx.output_ids.append(msg.id)
            await state.post(msg)
            return state.message_payload(msg)
        if kind in (6, 7):
            itx.original_id = itx.message_id
            if kind == 7 and itx.message_id is not None:
                msg = state.messages[itx.message_id]
                await state.edit(msg, data, files)
                itx.output_ids.append(msg.id)
                return state.message_payload(msg)
        if kind == 8:
            itx.choices = list(data.get("choices") or [])
        return None

    def _message(
        self, itx: Interaction, data: dict[str, Any], files: list[Attachment], *, loading: bool = False
    ) -> Message:
        """A message the bot sends in answer to ``itx`` (ephemeral: only its user sees it)."""
        state = self.state
        flags = int(data.get("flags") or 0) & ~LOADING
        content = data.get("content") or ""
        return Message(
            state.ids(),
            itx.channel_id,
            state.guild_id,
            state.bot_user,
            content=content,
            embeds=embeds_of(data),
            components=data.get("components") or [],
            attachments=files,
            flags=flags | (LOADING if loading else 0),
            type=model.CHAT_INPUT_COMMAND if itx.type == APPLICATION_COMMAND else model.DEFAULT,
            mentions=state.mentioned(content),
            allowed_mentions=data.get("allowed_mentions"),
            visible_to=itx.user.id if flags & EPHEMERAL else None,
            interaction_id=itx.id,
            interaction_type=itx.type,
            interaction_user=itx.user,
            interaction_name=itx.name,
            webhook_id=state.application_id,
        )

    # -- the interaction's webhook ----------------------------------------------------------
    def _interaction(self, request: web.Request) -> Interaction | web.Response:
        itx = self.state.by_token.get(request.match_info["token"])
        if itx is None or int_(request.match_info["app_id"]) != self.state.application_id:
            return discord_error(404, 10015, "Unknown Webhook")
        return itx

    def _webhook_message(self, request: web.Request) -> tuple[Interaction, Message] | web.Response:
        itx = self._interaction(request)
        if isinstance(itx, web.Response):
            return itx
        wanted = request.match_info["message_id"]
        mid = itx.original_id if wanted == "@original" else int_(wanted)
        msg = self.state.messages.get(mid) if mid else None
        if msg is None or msg.deleted or mid not in {itx.original_id, *itx.followup_ids}:
            return discord_error(404, 10008, "Unknown Message")
        return itx, msg

    async def followup(self, request: web.Request) -> web.StreamResponse:
        itx = self._interaction(request)
        if isinstance(itx, web.Response):
            return itx
        if itx.response_type is None:
            return discord_error(404, 10015, "Unknown Webhook")
        state = self.state
        payload, files = await self.read_body(request)
        problems = message_problems(payload, has_files=bool(files))
        if problems:
            return self.reject(request, problems)
        if itx.response_type == 5 and itx.original_id and state.messages[itx.original_id].loading:
            # The first follow-up of a deferred reply takes the place of "thinking..."
            original = state.messages[itx.original_id]
            await state.edit(original, payload, files, keep_flags=True)
            itx.output_ids.append(original.id)
            state.touch()
            return json_response(state.message_payload(original))
        msg = self._message(itx, payload, files)
        msg.type = model.DEFAULT
        itx.followup_ids.append(msg.id)
        itx.output_ids.append(msg.id)
        await state.post(msg)
        if request.query.get("wait", "").lower() in ("1", "true"):
            return json_response(state.message_payload(msg))
        return no_content()

    async def get_webhook_message(self, request: web.Request) -> web.StreamResponse:
        found = self._webhook_message(request)
        return (
            found if isinstance(found, web.Response) else json_response(self.state.message_payload(found[1]))
        )

    async def patch_webhook_message(self, request: web.Request) -> web.StreamResponse:
        found = self._webhook_message(request)
        if isinstance(found, web.Response):
            return found
        itx, msg = found
        payload, files = await self.read_body(request)
        problems = message_problems(payload, edit=True)
        if problems:
            return self.reject(request, problems)
        await self.state.edit(msg, payload, files, keep_flags=True)
        itx.output_ids.append(msg.id)
        self.state.touch()
        return json_response(self.state.message_payload(msg))

    async def delete_webhook_message(self, request: web.Request) -> web.StreamResponse:
        found = self._webhook_message(request)
        if isinstance(found, web.Response):
            return found
        await self.state.delete(found[1])
        return no_content()


def callback_problems(itx: Interaction, kind: int, data: dict[str, Any], *, has_files: bool) -> list[str]:
    """Why Discord would refuse callback ``kind`` with ``data`` for this interaction."""
    problems: list[str] = []
    if kind in (4, 7):
        problems = message_problems(data, has_files=has_files, edit=kind == 7)
    elif kind == 8:
        problems = choice_problems(data.get("choices") or [])
    if kind in (6, 7) and itx.type != MESSAGE_COMPONENT:
        problems.append(f"callback type {kind} answers component interactions only")
    if kind == 8 and itx.type != AUTOCOMPLETE:
        problems.append("callback type 8 answers autocomplete interactions only")
    if itx.type == AUTOCOMPLETE and kind != 8:
        problems.append("an autocomplete interaction is answered with callback type 8")
    if kind not in CALLBACK_TYPES:
        problems.append(f"unknown or unsupported callback type {kind}")
    return problems
