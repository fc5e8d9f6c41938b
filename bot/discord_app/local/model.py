"""What the local Discord holds: users, channels, messages, interactions, and their payloads.

Payloads follow Discord's API v10 objects closely enough for discord.py's parsers, which raise
on a missing required field (and a raise inside a gateway parser stops the client).
"""

from __future__ import annotations

import itertools
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

#: Discord's epoch (2015-01-01) in milliseconds: snowflakes count from it.
DISCORD_EPOCH_MS = 1_420_070_400_000

# Message flags (https://discord.com/developers/docs/resources/message#message-object-message-flags).
EPHEMERAL = 1 << 6
LOADING = 1 << 7

# Message types.
DEFAULT = 0
REPLY = 19
CHAT_INPUT_COMMAND = 20

# Interaction types and callback types.
APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
AUTOCOMPLETE = 4
CALLBACK_NAMES = {
    1: "pong",
    4: "message",
    5: "deferred message",
    6: "deferred update",
    7: "update message",
    8: "autocomplete result",
    9: "modal",
}

# Gateway intents (https://discord.com/developers/docs/events/gateway#gateway-intents).
GUILDS = 1 << 0
GUILD_MEMBERS = 1 << 1
GUILD_PRESENCES = 1 << 8
GUILD_MESSAGES = 1 << 9
MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT

#: Everything a member may do (the playground's @everyone role has it all but administrator).
ALL_PERMISSIONS = (1 << 50) - 1 - (1 << 3)

#: A palette for avatars in the page (Discord's default avatar colours).
AVATAR_COLOURS = ("#5865f2", "#3ba55c", "#faa61a", "#ed4245", "#eb459e", "#747f8d")


class Snowflakes:
    """Discord-style ids: milliseconds since 2015 in the high bits, so they sort by time."""

    def __init__(self) -> None:
        self._counter = itertools.count()
        self._last = 0
        self._lock = threading.Lock()

    def __call__(self) -> int:
        with self._lock:
            ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
            candidate = (ms << 22) | (next(self._counter) & 0xFFF)
            self._last = max(candidate, self._last + 1)
            return self._last


def iso(when: datetime) -> str:
    return when.isoformat(timespec="milliseconds")


def now() -> datetime:
    return datetime.now(UTC)


def new_token() -> str:
    return "local." + secrets.token_urlsafe(24)


@dataclass
class User:
    id: int
    username: str
    global_name: str | None = None
    bot: bool = False
    joined_at: datetime = field(default_factory=now)

    @property
    def display_name(self) -> str:
        return self.global_name or self.username

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"

    def payload(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "username": self.username,
            "global_name": self.global_name,
            "discriminator": "0",
            "avatar": None,
            "public_flags": 0,
            "flags": 0,
            "bot": self.bot,
        }
        return data

    def member_payload(self, *, with_user: bool = True, permissions: int | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "roles": [],
            "joined_at": iso(self.joined_at),
            "nick": None,
            "avatar": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "premium_since": None,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.payload()
        if permissions is not None:
            data["permissions"] = str(permissions)
        return data

    def view(self) -> dict[str, Any]:
        """What the playground page shows of a user."""
        return {
            "id": str(self.id),
            "name": self.display_name,
            "username": self.username,
            "bot": self.bot,
            "colour": AVATAR_COLOURS[self.id % len(AVATAR_COLOURS)],
        }


@dataclass
class Channel:
    id: int
    name: str
    guild_id: int
    position: int = 0
    topic: str | None = None

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "type": 0,
            "guild_id": str(self.guild_id),
            "name": self.name,
            "position": self.position,
            "topic": self.topic,
            "nsfw": False,
            "parent_id": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "permission_overwrites": [],
            "flags": 0,
        }

    def view(self) -> dict[str, Any]:
        return {"id": str(self.id), "name": self.name, "topic": self.topic}


@dataclass
class Attachment:
    id: int
    filename: str
    content_type: str | None
    data: bytes

    def payload(self, base_url: str) -> dict[str, Any]:
        url = f"{base_url}/attachments/{self.id}/{self.filename}"
        return {
            "id": str(self.id),
            "filename": self.filename,
            "size": len(self.data),
            "url": url,
            "proxy_url": url,
            "content_type": self.content_type,
        }


@dataclass
class Message:
    """A message in a channel, as the local Discord keeps it."""

    id: int
    channel_id: int
    guild_id: int
    author: User
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    components: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    flags: int = 0
    type: int = DEFAULT
    mentions: list[User] = field(default_factory=list)
    #: The ``allowed_mentions`` the bot sent with the message (None: not given).
    allowed_mentions: dict[str, Any] | None = None
    #: For an ephemeral message: the one user who sees it.
    visible_to: int | None = None
    #: The interaction this message answers, and its user and command name.
    interaction_id: int | None = None
    interaction_type: int | None = None
    interaction_user: User | None = None
    interaction_name: str | None = None
    webhook_id: int | None = None
    reference_id: int | None = None
    reactions: dict[str, set[int]] = field(default_factory=dict)
    created_at: datetime = field(default_factory=now)
    edited_at: datetime | None = None
    deleted: bool = False

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        """A deferred interaction response still "thinking"."""
        return bool(self.flags & LOADING)

    @property
    def embed(self) -> dict[str, Any] | None:
        """The first embed, if any."""
        return self.embeds[0] if self.embeds else None

    def buttons(self) -> list[dict[str, Any]]:
        """Every button of the message, row by row."""
        return [c for c in walk(self.components) if c.get("type") == 2]

    def button(self, label: str | None = None, *, custom_id: str | None = None) -> dict[str, Any]:
        """The button with this label (or custom_id); KeyError listing the buttons if none."""
        for b in self.buttons():
            if (label is None or b.get("label") == label) and (
                custom_id is None or b.get("custom_id") == custom_id
            ):
                return b
        shown = [(b.get("label"), b.get("custom_id")) for b in self.buttons()]
        raise KeyError(f"no button {label or custom_id!r} on message {self.id}; its buttons: {shown}")

    def text(self) -> str:
        """Content and embeds as plain text, for assertions and logs."""
        parts = [self.content] if self.content else []
        for e in self.embeds:
            parts += [e.get("title") or "", e.get("description") or ""]
            for f in e.get("fields") or []:
                parts += [f.get("name") or "", f.get("value") or ""]
            parts.append((e.get("footer") or {}).get("text") or "")
        return "\n".join(p for p in parts if p)

    def payload(self, base_url: str, *, gateway: bool = False) -> dict[str, Any]:
        """The message object of the REST API (``gateway`` adds guild_id and member, as
        MESSAGE_CREATE carries them)."""
        data: dict[str, Any] = {
            "id": str(self.id),
            "channel_id": str(self.channel_id),
            "author": self.author.payload(),
            "content": self.content,
            "timestamp": iso(self.created_at),
            "edited_timestamp": iso(self.edited_at) if self.edited_at else None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [u.payload() for u in self.mentions],
            "mention_roles": [],
            "attachments": [a.payload(base_url) for a in self.attachments],
            "embeds": self.embeds,
            "reactions": [
                {"emoji": {"id": None, "name": emoji}, "count": len(users), "me": False}
                for emoji, users in self.reactions.items()
                if users
            ],
            "pinned": False,
            "type": self.type,
            "flags": self.flags,
            "components": self.components,
        }
        if self.webhook_id is not None:
            data["webhook_id"] = str(self.webhook_id)
            data["application_id"] = str(self.webhook_id)
        if self.interaction_id is not None and self.interaction_user is not None:
            data["interaction_metadata"] = {
                "id": str(self.interaction_id),
                "type": self.interaction_type or APPLICATION_COMMAND,
                "user": self.interaction_user.payload(),
                "authorizing_integration_owners": {"0": str(self.guild_id)},
            }
            if self.interaction_name:
                data["interaction_metadata"]["name"] = self.interaction_name
        if self.reference_id is not None:
            data["message_reference"] = {
                "type": 0,
                "message_id": str(self.reference_id),
                "channel_id": str(self.channel_id),
                "guild_id": str(self.guild_id),
            }
        if gateway:
            data["guild_id"] = str(self.guild_id)
            if not self.author.bot or self.webhook_id is None:
                data["member"] = self.author.member_payload(with_user=False)
        return data


def walk(components: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for c in components:
        found.append(c)
        found.extend(walk(c.get("components") or []))
    return found


@dataclass
class Interaction:
    """An interaction the local Discord sent the bot, and what the bot answered."""

    id: int
    token: str
    type: int
    user: User
    channel_id: int
    data: dict[str, Any]
    #: For a component interaction: the message the component is on.
    message_id: int | None = None
    response_type: int | None = None
    response: dict[str, Any] | None = None
    #: The "original response" message: the reply, or for 6/7 the component's message.
    original_id: int | None = None
    followup_ids: list[int] = field(default_factory=list)
    #: Messages that carry the bot's answer, in order: a reply, an update, an edit, a follow-up.
    output_ids: list[int] = field(default_factory=list)
    choices: list[dict[str, Any]] | None = None
    failed: bool = False

    @property
    def name(self) -> str | None:
        return self.data.get("name")
