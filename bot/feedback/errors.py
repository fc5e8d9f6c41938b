"""The feedback database's errors: each names the file and what to do."""

from __future__ import annotations

from pathlib import Path

from bot.core.errors import ReportbotError


class FeedbackStoreError(ReportbotError, OSError):
    """The feedback database cannot be used; the message names the file and what to do.

    Also an ``OSError``, as the ``FeedbackSink`` protocol promises for a failed ``record``.
    """


class FeedbackNotFound(FeedbackStoreError):
    """No feedback database at the path (nothing was recorded there yet)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"no feedback recorded yet at {path}")
