"""The test driver: act as the guild's people (write, run a slash command, type into an
autocompleted option, click a button) and wait for what the bot answers.

Only what this bot uses: text messages, slash commands with text options, autocomplete, buttons.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from typing import Any

from bot.discord_app.local import model
from bot.discord_app.local.errors import LocalDiscordError
from bot.discord_app.local.gateway import Gateway
from bot.discord_app.local.model import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    Channel,
    Interaction,
    Message,
    User,
)
from bot.discord_app.local.state import DEFAULT_TIMEOUT, State
from bot.discord_app.local.validation import MAX_CONTENT

log = logging.getLogger(__name__)

#: How long a user waits for the bot to answer an interaction before Discord says it failed.
INTERACTION_DEADLINE = 3.0
#: The option type the driver fills: text (the only kind this bot's commands take).
STRING = 3
BUTTON = 2
LINK = 5

Who = User | int | str
Where = Channel | int | str | None


class Driver:
    """Acts as users of the local Discord; every ``wait_*`` is bounded (LocalDiscordTimeout)."""

    def __init__(self, state: State, gateway: Gateway, *, interaction_deadline: float) -> None:
        self.state = state
        self.gateway = gateway
        self.interaction_deadline = interaction_deadline

    async def send_message(
        self, user: Who, content: str, *, channel: Where = None, reply_to: Message | int | None = None
    ) -> Message:
        """``user`` writes ``content`` in ``channel``: MESSAGE_CREATE goes to the bot.

        At most MAX_CONTENT (2,000) characters, as Discord allows (LocalDiscordError if longer).
        """
        if len(content) > MAX_CONTENT:
            raise LocalDiscordError(
                f"a message is at most {MAX_CONTENT:,} characters, as in Discord (got {len(content):,})"
            )
        state = self.state
        reference = state.message(reply_to).id if reply_to is not None else None
        msg = Message(
            state.ids(),
            state.channel(channel).id,
            state.guild_id,
            state.user(user),
            content=content,
            mentions=state.mentioned(content),
            type=model.REPLY if reference else model.DEFAULT,
            reference_id=reference,
        )
        await state.post(msg)
        return msg

    async def slash(
        self, user: Who, command: str, *, channel: Where = None, **options: Any
    ) -> InteractionHandle:
        """``user`` runs ``/command`` with text ``options``."""
        self.gateway.require_bot()
        cmd = self._command(command)
        data = self._command_data(cmd, self._options(cmd, options))
        return await self.interact(APPLICATION_COMMAND, user, channel, data)

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
        self.gateway.require_bot()
        cmd = self._command(command)
        known = {o["name"]: o for o in cmd.get("options", [])}
        if option not in known:
            raise LocalDiscordError(f"/{command} has no option {option!r}; its options: {sorted(known)}")
        if not known[option].get("autocomplete"):
            raise LocalDiscordError(f"option {option!r} of /{command} does not autocomplete")
        typed = [{"name": k, "type": known[k]["type"], "value": v} for k, v in others.items() if k in known]
        typed.append({"name": option, "type": known[option]["type"], "value": value, "focused": True})
        handle = await self.interact(AUTOCOMPLETE, user, channel, self._command_data(cmd, typed))
        await handle.wait_response(timeout)
        return list(handle.record.choices or [])

    async def click(
        self, user: Who, message: Message | int, custom_id: str | None = None, *, label: str | None = None
    ) -> InteractionHandle:
        """``user`` clicks the button with this custom_id (or label) on ``message``."""
        self.gateway.require_bot()
        clicker = self.state.user(user)
        msg = self.state.message(message)
        if msg.deleted:
            raise LocalDiscordError(f"message {msg.id} was deleted")
        if msg.visible_to is not None and msg.visible_to != clicker.id:
            raise LocalDiscordError(f"{clicker.username} cannot see ephemeral message {msg.id}")
        button = next((c for c in msg.buttons() if _is(c, custom_id, label)), None)
        if button is None:
            shown = [(c.get("label"), c.get("custom_id")) for c in msg.buttons()]
            raise LocalDiscordError(f"no button {custom_id or label!r} on message {msg.id}: {shown}")
        if button.get("disabled"):
            raise LocalDiscordError(f"button {custom_id or label!r} is disabled")
        if button.get("style") == LINK:
            raise LocalDiscordError("a link button opens its URL; it sends no interaction")
        data = {"custom_id": button["custom_id"], "component_type": BUTTON}
        return await self.interact(MESSAGE_COMPONENT, clicker, msg.channel_id, data, message=msg)

    # -- interactions -------------------------------------------------------------------------
    async def interact(
        self, kind: int, user: Who, channel: Where, data: dict[str, Any], *, message: Message | None = None
    ) -> InteractionHandle:
        """Send INTERACTION_CREATE; "This interaction failed" if unanswered by the deadline."""
        self.gateway.require_bot()
        state = self.state
        itx = Interaction(
            state.ids(),
            "itx." + secrets.token_urlsafe(32),
            kind,
            state.user(user),
            state.channel(channel).id,
            data,
            message_id=message.id if message else None,
        )
        state.interactions[itx.id] = itx
        state.by_token[itx.token] = itx
        await self.gateway.dispatch("INTERACTION_CREATE", self._payload(itx, message))
        state.spawn(self._deadline(itx))
        return InteractionHandle(state, itx)

    def _payload(self, itx: Interaction, message: Message | None) -> dict[str, Any]:
        state = self.state
        channel = state.channels[itx.channel_id]
        payload: dict[str, Any] = {
            "id": str(itx.id),
            "application_id": str(state.application_id),
            "type": itx.type,
            "token": itx.token,
            "version": 1,
            "guild_id": str(state.guild_id),
            "guild": {"id": str(state.guild_id), "locale": "en-US", "features": []},
            "channel_id": str(channel.id),
            "channel": channel.payload(),
            "member": itx.user.member_payload(permissions=model.ALL_PERMISSIONS),
            "locale": "en-US",
            "guild_locale": "en-US",
            "app_permissions": str(model.ALL_PERMISSIONS),
            "entitlements": [],
            "entitlement_sku_ids": [],
            "authorizing_integration_owners": {"0": str(state.guild_id)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
            "data": itx.data,
        }
        if message is not None:
            payload["message"] = state.message_payload(message)
        return payload

    async def _deadline(self, itx: Interaction) -> None:
        await asyncio.sleep(self.interaction_deadline)
        if itx.response_type is None and not itx.failed:
            itx.failed = True
            log.info(
                "interaction %s (%s) got no answer within %g s", itx.id, itx.name, self.interaction_deadline
            )
            self.state.publish({"kind": "interaction_failed", "interaction": itx})
            self.state.touch()

    def _command(self, command: str) -> dict[str, Any]:
        name = command.strip().lstrip("/")
        if not name:
            raise LocalDiscordError("no command given")
        return self.state.command(name)

    @staticmethod
    def _command_data(cmd: dict[str, Any], options: list[dict[str, Any]]) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": cmd["id"],
            "name": cmd["name"],
            "type": cmd.get("type", 1),
            "options": options,
        }
        if cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        return data

    @staticmethod
    def _options(cmd: dict[str, Any], given: dict[str, Any]) -> list[dict[str, Any]]:
        known = {o["name"]: o for o in cmd.get("options", [])}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise LocalDiscordError(
                f"/{cmd['name']} has no option(s) {unknown}; its options: {sorted(known)}"
            )
        missing = [n for n, o in known.items() if o.get("required") and n not in given]
        if missing:
            raise LocalDiscordError(f"/{cmd['name']} needs the option(s) {missing}")
        options = []
        for name, value in given.items():
            kind = known[name]["type"]
            if kind != STRING:
                raise LocalDiscordError(
                    f"option {name!r} has type {kind}; the local Discord fills text options"
                )
            options.append({"name": name, "type": kind, "value": str(value)})
        return options


class InteractionHandle:
    """An interaction sent to the bot: wait for its answer and read it back."""

    def __init__(self, state: State, record: Interaction) -> None:
        self.state = state
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
        return await self.state.wait_for(
            lambda: itx.response_type,
            f"the bot to answer interaction {itx.id} (/{itx.name or itx.data.get('custom_id')})",
            timeout,
        )

    async def reply(self, timeout: float = DEFAULT_TIMEOUT) -> Message:
        """The first message that carries the bot's answer (a reply, an updated message, the
        edit of a deferred reply, or a follow-up), once it is no longer "thinking"."""
        itx = self.record
        messages = self.state.messages

        def probe() -> Message | None:
            for mid in itx.output_ids:
                if not messages[mid].loading:
                    return messages[mid]
            return None

        return await self.state.wait_for(probe, f"the bot's reply to interaction {itx.id}", timeout)

    async def replies(self, count: int, timeout: float = DEFAULT_TIMEOUT) -> list[Message]:
        """The first ``count`` messages that carry the bot's answer."""
        itx = self.record
        messages = self.state.messages

        def probe() -> list[Message] | None:
            ids = list(dict.fromkeys(itx.output_ids))
            return [messages[m] for m in ids][:count] if len(ids) >= count else None

        return await self.state.wait_for(probe, f"{count} replies to interaction {itx.id}", timeout)


def _is(button: dict[str, Any], custom_id: str | None, label: str | None) -> bool:
    """The button named by its custom id, else (without one) by its label."""
    if custom_id is not None:
        return bool(button.get("custom_id") == custom_id)
    return label is not None and button.get("label") == label
