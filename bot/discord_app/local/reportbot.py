"""The real bot, set up for a local Discord: ``reportbot playground``, the end-to-end tests and
the screenshot script all run it through ``reportbot_factory``.

Its settings are given here, in code: the environment and ``.env`` are never read, so a
configured ``DISCORD_TOKEN`` is not even loaded, and no other setting meant for the real server
(``ANSWER_CHANNEL_IDS``, ``DISCORD_GUILD_ID``, ``FEEDBACK_DB_PATH``, ...) changes what the
playground does. The bot logs in with the local Discord's own token, asks for the Message
Content intent (so ``!ask`` can be tried), publishes its slash commands at login as
``reportbot run --sync-global`` would, and keeps feedback in memory (a ``MemorySink``), so
trying 👍/👎 never writes the user's feedback database.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

from bot.core.engine import Engine
from bot.discord_app.client import ReportBot
from bot.discord_app.local.state import LOCAL_TOKEN
from bot.feedback.events import FeedbackSink, MemorySink
from bot.settings import Settings

log = logging.getLogger(__name__)


class LocalSettings(Settings):
    """Settings taken only from the arguments: never from the environment or a ``.env`` file."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


def local_settings(**overrides: Any) -> Settings:
    """The settings of the bot in a local Discord: its token, ``!ask`` on, the rest as shipped."""
    values: dict[str, Any] = {"discord_token": LOCAL_TOKEN, "message_content_intent": True}
    return LocalSettings(**(values | overrides))


def reportbot_factory(
    engine: Engine,
    *,
    feedback: FeedbackSink | None = None,
    clock: Callable[[], float] = time.monotonic,
    data_dir: Path | None = None,
    reports: list[str] | None = None,
    watch: bool = False,
    **settings: Any,
) -> Callable[[], ReportBot]:
    """``make_bot`` for ``running_bot`` and ``run_playground``: a new ReportBot on every call
    (a restart), all sharing one engine, one feedback sink (a new MemorySink by default) and
    one clock. ``settings`` override ``local_settings``; with ``discord_guild_id`` the bot syncs
    its commands to that guild at login, else globally. ``data_dir`` and ``reports`` are where
    a reload reads the knowledge from; ``watch`` reloads it whenever its files change."""
    config = local_settings(**settings)
    sink: FeedbackSink = MemorySink() if feedback is None else feedback

    def make_bot() -> ReportBot:
        bot = ReportBot(
            engine=engine,
            settings=config,
            feedback=sink,
            clock=clock,
            sync_global=config.discord_guild_id is None,
            data_dir=data_dir,
            reports=reports,
            watch=watch,
        )
        bot.answers.feedback_in_memory = True
        return bot

    return make_bot
