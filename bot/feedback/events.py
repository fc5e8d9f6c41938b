"""What the Discord layer records about answers, and where it goes.

The event and the sink interface are defined next to the answering core (which records
nothing); this module is the feedback package's one name for them. The question cap is applied
once, when an event is made: ``FeedbackEvent`` keeps at most ``MAX_STORED_QUESTION_CHARS``
characters, "…" marking a cut.
"""

from __future__ import annotations

from typing import Protocol

from bot.core.feedback import (
    MAX_STORED_QUESTION_CHARS,
    FeedbackEvent,
    FeedbackSink,
    Kind,
    MemorySink,
    NullSink,
)

__all__ = [
    "MAX_STORED_QUESTION_CHARS",
    "ClosableSink",
    "DisabledSink",
    "FeedbackEvent",
    "FeedbackSink",
    "Kind",
    "MemorySink",
    "NullSink",
]


class ClosableSink(FeedbackSink, Protocol):
    """A feedback sink the bot closes at shutdown."""

    def close(self) -> None: ...


class DisabledSink(NullSink):
    """Feedback turned off: keeps nothing, creates no file; ``close`` does nothing."""

    def close(self) -> None:
        return None
