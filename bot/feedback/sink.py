"""The one way to open the bot's feedback sink from its settings."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from bot.feedback.events import ClosableSink, DisabledSink
from bot.feedback.store import SqliteFeedbackStore, default_feedback_path

if TYPE_CHECKING:  # pydantic is loaded only by whoever reads the settings
    from bot.settings import FeedbackLocation, FeedbackSettings

log = logging.getLogger(__name__)


def database_path(settings: FeedbackLocation) -> Path:
    """The feedback database: ``FEEDBACK_DB_PATH``, else the default (``default_feedback_path``)."""
    if settings.feedback_db_path is not None:
        return settings.feedback_db_path.expanduser()
    return default_feedback_path()


def open_sink(settings: FeedbackSettings) -> ClosableSink:
    """The sink the bot records to: the SQLite store at ``database_path(settings)``, or, with
    ``FEEDBACK_ENABLED=false``, one that keeps nothing and creates no file.

    Raises FeedbackStoreError (an OSError) when the database cannot be opened.
    """
    if not settings.feedback_enabled:
        log.info("feedback is turned off (FEEDBACK_ENABLED=false): nothing is stored")
        return DisabledSink()
    path = database_path(settings)
    store = SqliteFeedbackStore(path, settings.feedback_retention_days)
    log.info("feedback is stored in %s for %d days", path, settings.feedback_retention_days)
    return store
