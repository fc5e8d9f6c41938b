"""Typed settings of the Discord bot, from the environment and a ``.env`` file.

Every setting is an environment variable of the same name (upper case); a ``.env`` file in the
working directory fills in what the environment does not set. ``.env.example`` documents them
all. The token is a secret: it is never logged, printed or shown in ``repr``.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.core.errors import ReportbotError

log = logging.getLogger(__name__)

#: A bot token is three dot-separated parts of URL-safe base64 (id, timestamp, HMAC).
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")
#: Something that looks like a bot token inside any text: the user id in base64 (18+
#: characters), a timestamp (4+), an HMAC (20+). Module names and file names are far shorter.
TOKEN_LIKE = re.compile(
    r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])"
)
#: What a token is replaced with in every message the bot prints or logs.
REDACTED = "[redacted token]"
PORTAL = "https://discord.com/developers/applications"


def redact(text: str, token: str | None = None) -> str:
    """``text`` with ``token`` and anything shaped like a bot token replaced by REDACTED, so
    that a token pasted into the wrong setting is not printed from there either."""
    if token:
        text = text.replace(token, REDACTED)
    return TOKEN_LIKE.sub(REDACTED, text)


def looks_like_token(text: str) -> bool:
    return TOKEN_LIKE.search(text) is not None


class SettingsError(ReportbotError):
    """A setting is missing or has a value that cannot be used."""


def _split(value: Any) -> Any:
    """Accept ``a,b c`` as well as a list for the list settings (empty = none)."""
    if isinstance(value, str):
        return [part for part in re.split(r"[,\s]+", value.strip()) if part]
    return value


class FeedbackLocation(BaseSettings):
    """Where 👍/👎 and declined questions are kept: all that ``reportbot feedback`` reads."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
        case_sensitive=False,
        hide_input_in_errors=True,
    )

    #: The database; None: the default (see ``bot.feedback.sink.database_path``).
    feedback_db_path: Path | None = None

    @field_validator("feedback_db_path", mode="before")
    @classmethod
    def _not_a_token(cls, value: Any) -> Any:
        if value is not None and looks_like_token(str(value)):
            raise ValueError("looks like a Discord bot token, not a file path; put the token in DISCORD_TOKEN")
        return value


class FeedbackSettings(FeedbackLocation):
    """Whether feedback is kept, where, and for how long."""

    feedback_enabled: bool = True
    feedback_retention_days: int = Field(default=90, ge=1, le=3650)


class Settings(FeedbackSettings):
    """What ``reportbot run`` needs; see ``.env.example`` for each setting in the user's words."""

    discord_token: SecretStr | None = None
    discord_guild_id: int | None = Field(default=None, gt=0)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    command_prefix: str = Field(default="!", min_length=1, max_length=5)
    reportbot_reports: Annotated[list[str], NoDecode] = []
    reportbot_data_dir: Path | None = None
    answer_channel_ids: Annotated[list[int], NoDecode] = []
    message_content_intent: bool = False
    #: Questions one person may ask per USER_RATE_SECONDS.
    user_rate: int = Field(default=5, ge=1, le=1000)
    user_rate_seconds: float = Field(default=30.0, gt=0, le=86400)
    #: Questions one channel may get per CHANNEL_RATE_SECONDS (all people together).
    channel_rate: int = Field(default=20, ge=1, le=10000)
    channel_rate_seconds: float = Field(default=60.0, gt=0, le=86400)
    #: How many people and channels the rate limiter remembers at most (oldest forgotten first).
    rate_limit_max_keys: int = Field(default=10_000, ge=10, le=1_000_000)
    #: How long logging in to Discord may take before giving up.
    login_timeout_seconds: float = Field(default=30.0, gt=0, le=600)
    #: Talk to a local Discord instead of discord.com (both or neither; this computer only):
    #: the REST base (``http://127.0.0.1:8765/api/v10``) and the gateway (``ws://127.0.0.1:8765/gateway/``).
    discord_api_base: str | None = None
    discord_gateway_url: str | None = None

    @field_validator("reportbot_data_dir", "discord_api_base", "discord_gateway_url", mode="before")
    @classmethod
    def _no_token(cls, value: Any) -> Any:
        if value is not None and looks_like_token(str(value)):
            raise ValueError("looks like a Discord bot token; put the token in DISCORD_TOKEN")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("reportbot_reports", "answer_channel_ids", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        if isinstance(value, str) and looks_like_token(value):
            raise ValueError("looks like a Discord bot token; put the token in DISCORD_TOKEN")
        return _split(value)

    @field_validator("command_prefix", mode="before")
    @classmethod
    def _prefix(cls, value: Any) -> Any:
        if isinstance(value, str) and (not value.strip() or any(ch.isspace() for ch in value)):
            raise ValueError("must be one or a few characters without spaces, like !")
        return value

    @property
    def token(self) -> str | None:
        """The token itself, stripped; only the runner calls this, to log in."""
        if self.discord_token is None:
            return None
        return self.discord_token.get_secret_value().strip() or None


def load_settings(env_file: str | Path | None = ".env", **overrides: Any) -> Settings:
    """Read the settings; raise SettingsError with one message naming every bad variable.

    The message never repeats a value (so a token pasted into the wrong variable stays secret).
    """
    return _load(Settings, env_file, overrides)


def load_feedback_location(env_file: str | Path | None = None) -> FeedbackLocation:
    """Only where feedback is kept (what ``reportbot feedback`` reads), from the environment by
    default; errors as ``load_settings`` raises them."""
    return _load(FeedbackLocation, env_file, {})


SettingsT = TypeVar("SettingsT", bound=BaseSettings)


def _load(model: type[SettingsT], env_file: str | Path | None, overrides: dict[str, Any]) -> SettingsT:
    try:
        return model(_env_file=env_file, **overrides)  # type: ignore[call-arg]
    except UnicodeDecodeError as exc:
        raise SettingsError(
            f"The settings file {env_file} is not UTF-8 text (byte {exc.start + 1} cannot be read); "
            "save it as UTF-8 (see .env.example)."
        ) from None
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_input=False, include_url=False):
            name = str(error["loc"][0]).upper() if error["loc"] else "a setting"
            problems.append(f"{name} {_plain(error['msg'])}")
        message = "Invalid setting: " + "; ".join(problems) + " (see .env.example)."
        raise SettingsError(redact(message)) from None


def _plain(message: str) -> str:
    """pydantic's message in lower case without its "Value error, " preamble."""
    message = message.removeprefix("Value error, ").removeprefix("Input ")
    return message[:1].lower() + message[1:]


def token_problem(settings: Settings) -> str | None:
    """One sentence saying what is wrong with the token, or None when it looks usable.

    Checked before discord.py sees the token: a missing one would raise TypeError there.
    """
    token = settings.token
    if token is None:
        return (
            "No Discord token: set DISCORD_TOKEN in the environment or in a .env file "
            f"(copy it from the Bot page of your application at {PORTAL})."
        )
    if token.lower().startswith("bot "):
        return 'DISCORD_TOKEN starts with "Bot "; put only the token itself there.'
    if not _TOKEN_SHAPE.match(token):
        return (
            "DISCORD_TOKEN does not look like a bot token (three parts separated by dots); "
            f"copy it again from the Bot page of your application at {PORTAL}."
        )
    return None
