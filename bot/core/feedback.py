"""The feedback-sink interface: what the Discord layer reports about answers.

The core defines the interface; the Discord layer calls it on 👍/👎 and on declined questions;
a store outside the core (SQLite) implements it. Nothing here writes anywhere: ``reportbot ask``
records nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal, Protocol, runtime_checkable

#: Stored question text is capped at this many characters.
MAX_STORED_QUESTION_CHARS = 300

#: ``uncertain``: answered, but with "I am not fully sure" (a low-confidence answer).
Kind = Literal["helpful", "unhelpful", "declined", "uncertain"]


@dataclass(frozen=True)
class FeedbackEvent:
    """One piece of feedback; no user ids, ever."""

    kind: Kind
    question: str
    report: str | None = None
    fact_ids: tuple[str, ...] = ()
    confidence: float | None = None
    at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __post_init__(self) -> None:
        if len(self.question) > MAX_STORED_QUESTION_CHARS:
            object.__setattr__(self, "question", self.question[: MAX_STORED_QUESTION_CHARS - 1] + "…")


@runtime_checkable
class FeedbackSink(Protocol):
    """Where feedback goes. ``record`` returns only once the event is stored (or dropped by
    design, for a sink that is turned off); it may raise OSError-like errors on failure."""

    def record(self, event: FeedbackEvent) -> None: ...


class NullSink:
    """Feedback turned off: accepts everything, keeps nothing."""

    def record(self, event: FeedbackEvent) -> None:
        return None


class MemorySink:
    """Keeps events in a list (for tests and the local playground)."""

    def __init__(self) -> None:
        self.events: list[FeedbackEvent] = []

    def record(self, event: FeedbackEvent) -> None:
        self.events.append(event)

    def of_kind(self, kind: Kind) -> Sequence[FeedbackEvent]:
        return [e for e in self.events if e.kind == kind]
