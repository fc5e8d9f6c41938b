"""What cogs and buttons ask of the bot: a small protocol, so that none of them imports the bot.

The bot (``client.ReportBot``) holds its application service as ``answers`` (an
``answering.Answerer``); cogs get it from the bot they are added to, buttons from the client of
their interaction, both through ``answers_of``.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    import discord

    from bot.core.engine import Engine
    from bot.discord_app.reply import Replier
    from bot.feedback.events import FeedbackEvent
    from bot.settings import Settings


class AnswerService(Protocol):
    """Asking, answering and recording, as the Discord layer needs them."""

    @property
    def engine(self) -> Engine: ...

    @property
    def settings(self) -> Settings: ...

    #: Feedback kept in memory only (the playground): /about says so instead of a retention.
    feedback_in_memory: bool

    def admit(self, user_id: int, channel_id: int | None) -> None:
        """Count one reply to ``user_id``, or raise RateLimited (first, before any other work)."""
        ...

    def limited(self, user_id: int, channel_id: int | None) -> bool:
        """True while ``user_id`` is rate-limited (using up nothing)."""
        ...

    async def answer_question(
        self, replier: Replier, question: str, *, report: str | None, user_id: int, channel_id: int | None
    ) -> str:
        """Check, ask, reply and record; returns "answered" or "declined"."""
        ...

    async def record_feedback(self, event: FeedbackEvent) -> bool:
        """Store ``event``; False when feedback is off or the store failed."""
        ...

    def first_vote(self, key: Hashable) -> bool:
        """True the first time ``key`` (message, buttons, user) votes; False after."""
        ...

    def report_title(self, report: str | None) -> str: ...

    def facts_pages(self, report: str | None) -> list[discord.Embed]: ...


def answers_of(client: object) -> AnswerService:
    """The application service of a bot (a cog's bot, or an interaction's client)."""
    service = getattr(client, "answers", None)
    if service is None:
        raise TypeError(f"{type(client).__name__} has no answer service (expected a ReportBot)")
    return cast("AnswerService", service)
