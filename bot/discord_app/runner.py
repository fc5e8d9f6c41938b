"""``reportbot run``: settings, fact base and feedback store first, then Discord.

Everything that can be checked offline is checked before connecting: a broken fact base or a
missing token ends with one sentence and a non-zero exit code, and the bot never connects.
Login failures are mapped to one sentence each. SIGINT and SIGTERM close the connection
cleanly. Once connected, discord.py reconnects by itself when the connection drops.

With DISCORD_API_BASE and DISCORD_GATEWAY_URL set, discord.py talks to a local Discord on this
computer instead (they are applied before the client makes any request, and refused unless both
point at a loopback address); without them nothing changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import aiohttp
import discord

from bot.core.datadir import find_data_dir, installed_root, is_data_dir
from bot.core.engine import Engine
from bot.core.errors import DataDirNotFound, KnowledgeError, ReportbotError
from bot.discord_app.client import ReportBot
from bot.discord_app.endpoints import NotLoopbackError, checked_endpoint, use_local_endpoints
from bot.feedback.events import ClosableSink
from bot.feedback.sink import database_path, open_sink
from bot.settings import PORTAL, REDACTED, Settings, SettingsError, load_settings, redact, token_problem

log = logging.getLogger(__name__)

#: Exit codes: 0 after a clean stop, 1 when the bot could not start or lost its connection.
OK, FAILED = 0, 1
__all__ = ["REDACTED", "RedactToken", "StartupError", "build_feedback_sink", "configure_logging", "run"]


class StartupError(Exception):
    """Why the bot could not start, as one sentence for the operator."""


class NotDiscordAPI(Exception):
    """Logging in got answers that are not Discord's API (a web page where JSON was expected)."""


# -- the token never reaches a log -------------------------------------------------------------
class RedactToken(logging.Filter):
    """Replaces the token, and anything shaped like one (a token pasted into another setting),
    in a record's message, arguments and traceback before any output."""

    def __init__(self, token: str | None = None) -> None:
        super().__init__()
        self.token = token or None

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg = redact(message, self.token)
        record.args = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.token)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.token)
        return True


_HANDLER_MARK = "_reportbot_handler"


def configure_logging(level: str, token: str | None, stream: TextIO | None = None) -> None:
    """Log to stderr at ``level``, every handler redacting the token (idempotent)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False) or type(handler) is logging.StreamHandler:
            root.removeHandler(handler)  # ours from before, or the CLI's basicConfig one
    handler = logging.StreamHandler(stream or sys.stderr)
    setattr(handler, _HANDLER_MARK, True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-8s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    for h in root.handlers:  # including any a test or a host environment added
        h.filters = [f for f in h.filters if not isinstance(f, RedactToken)]
        h.addFilter(RedactToken(token))
    logging.getLogger("discord.http").setLevel(max(logging.getLevelName(level), logging.INFO))


# -- what runs before connecting --------------------------------------------------------------
def build_feedback_sink(settings: Settings) -> ClosableSink:
    """The feedback sink the settings ask for (``bot.feedback.sink.open_sink``), or StartupError."""
    try:
        return open_sink(settings)
    except (ReportbotError, OSError) as exc:
        raise StartupError(
            f"Cannot open the feedback database at {database_path(settings)} ({exc}); set FEEDBACK_DB_PATH "
            "to a writable file, or FEEDBACK_ENABLED=false."
        ) from None


def prepare(settings: Settings) -> tuple[str, Engine]:
    """The token and the loaded fact base, or StartupError saying what to fix."""
    problem = token_problem(settings)
    if problem is not None:
        raise StartupError(problem)
    try:
        root = data_folder(settings)
        engine = Engine.load(root, served_reports(settings, root))
    except KnowledgeError as exc:
        n = len(exc.problems)
        raise StartupError(
            f"Not starting, so that no answer cites a wrong sentence: the fact base has {n} problem(s), "
            f"the first: {exc.problems[0]}; run `reportbot check` for all of them."
        ) from None
    except ReportbotError as exc:
        raise StartupError("Not starting: " + " ".join(str(exc).split())) from None
    token = settings.token
    assert token is not None  # token_problem checked it
    return token, engine


def data_folder(settings: Settings) -> Path:
    """The folder REPORTBOT_DATA_DIR names (StartupError saying what is wrong with it), else the default."""
    chosen = settings.reportbot_data_dir
    if chosen is None:
        try:
            return find_data_dir(None)
        except DataDirNotFound:
            raise StartupError(
                f"No reports to serve: {installed_root()}, where reportbot is installed, has no seeds/ and "
                "knowledge/ folders; set REPORTBOT_DATA_DIR to a folder holding them."
            ) from None
    path = chosen.expanduser()
    if is_data_dir(path):
        return path.resolve()
    if not path.exists():
        what = "does not exist"
    elif not path.is_dir():
        what = "is a file, not a folder"
    else:
        missing = [f"{name}/" for name in ("seeds", "knowledge") if not (path / name).is_dir()]
        what = f"has no {' and no '.join(missing)} folder in it"
    raise StartupError(
        f"REPORTBOT_DATA_DIR is {path}, which {what}: set REPORTBOT_DATA_DIR to a folder holding seeds/ "
        "and knowledge/ (`reportbot add --data-dir PATH` makes one), or remove it to serve the reports "
        "reportbot was installed with."
    )


def served_reports(settings: Settings, root: Path) -> list[str] | None:
    """The report ids REPORTBOT_REPORTS names (None: all), or StartupError naming the unknown ones."""
    wanted = settings.reportbot_reports
    if not wanted:
        return None
    known = sorted(p.stem for p in (root / "seeds").glob("*.txt"))
    unknown = [rid for rid in wanted if rid not in known]
    if unknown:
        names = ", ".join(repr(rid) for rid in unknown)
        what = "unknown report ids" if len(unknown) > 1 else "an unknown report id"
        raise StartupError(
            f"REPORTBOT_REPORTS names {what}, {names} (the known ids, from {root / 'seeds'}: "
            f"{', '.join(known) or 'none'}): set REPORTBOT_REPORTS to some of them, or remove it to serve all."
        )
    return list(wanted)


def local_discord(settings: Settings) -> tuple[str, str] | None:
    """The REST base and gateway URL of a local Discord from the settings, None for Discord
    itself, or StartupError unless both are set and both on this computer."""
    api, gateway = settings.discord_api_base, settings.discord_gateway_url
    if api is None and gateway is None:
        return None
    if api is None or gateway is None:
        given, missing = (
            ("DISCORD_GATEWAY_URL", "DISCORD_API_BASE")
            if api is None
            else ("DISCORD_API_BASE", "DISCORD_GATEWAY_URL")
        )
        raise StartupError(
            f"{given} is set but {missing} is not: set both to use a local Discord, or neither to "
            "connect to Discord itself."
        )
    for name, value, is_gateway in (("DISCORD_API_BASE", api, False), ("DISCORD_GATEWAY_URL", gateway, True)):
        try:
            checked_endpoint(value, gateway=is_gateway)
        except NotLoopbackError as exc:
            raise StartupError(
                f"{name} may only point at a local Discord, but {exc}; remove DISCORD_API_BASE and "
                "DISCORD_GATEWAY_URL to connect to Discord itself."
            ) from None
    return api, gateway


# -- connecting ---------------------------------------------------------------------------------
def explain(error: BaseException, settings: Settings) -> str:
    """One sentence for a failure of logging in or connecting."""
    if isinstance(error, NotDiscordAPI):
        if settings.discord_api_base:
            return (
                f"The local Discord at {settings.discord_api_base} did not answer as Discord's API does "
                "(a web page or other text instead of JSON): check that DISCORD_API_BASE points at a "
                "local Discord such as `reportbot playground`."
            )
        return (
            "Discord answered with something that is not its API (a web page instead of JSON: a proxy "
            "or a captive portal?); check the network and try again."
        )
    if isinstance(error, discord.PrivilegedIntentsRequired):
        return (
            "MESSAGE_CONTENT_INTENT is on, but the Message Content intent is not enabled for this bot: "
            f"enable it under Bot > Privileged Gateway Intents at {PORTAL}, or set MESSAGE_CONTENT_INTENT=false."
        )
    if isinstance(error, discord.LoginFailure) or (
        isinstance(error, discord.ConnectionClosed) and error.code == 4004
    ):
        return (
            "Discord rejected the token: open your application at "
            f"{PORTAL}, press Reset Token on the Bot page, and put the new token in DISCORD_TOKEN."
        )
    if settings.discord_api_base is not None and isinstance(error, aiohttp.ClientConnectorError):
        return (
            f"The local Discord at {settings.discord_api_base} is not answering: start it with "
            "`reportbot playground --no-bot` (it prints how to run the bot against it), or remove "
            "DISCORD_API_BASE and DISCORD_GATEWAY_URL to connect to Discord itself."
        )
    if isinstance(error, aiohttp.ClientConnectorError):
        return (
            "Cannot reach Discord (no network, or DNS failed): check the internet connection and try again."
        )
    if isinstance(error, TimeoutError):
        return (
            f"Discord did not answer within {settings.login_timeout_seconds:g} s: check the network "
            "(or proxy) and try again, or raise LOGIN_TIMEOUT_SECONDS."
        )
    if isinstance(error, discord.GatewayNotFound):
        return "Discord's gateway could not be found (probably an outage); try again later."
    if isinstance(error, discord.ConnectionClosed):
        return f"Discord closed the connection (code {error.code}); try again in a moment."
    if isinstance(error, discord.HTTPException):
        return (
            f"Discord answered with an error while logging in (HTTP {error.status}); try again in a moment."
        )
    if isinstance(error, aiohttp.ClientError | OSError):
        return f"The connection to Discord failed ({type(error).__name__}); check the network and try again."
    return ""


async def serve(bot: ReportBot, token: str, settings: Settings) -> None:
    """Log in (with a timeout), connect, and run until closed; raises what went wrong."""
    loop = asyncio.get_running_loop()
    closing: list[asyncio.Task[None]] = []

    def stop(signum: int) -> None:
        if not closing:
            log.info("received %s; closing the connection", signal.Signals(signum).name)
            closing.append(loop.create_task(bot.close()))

    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop, sig)
            installed.append(sig)
        except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not the main thread
            pass
    try:
        async with bot:
            try:
                await asyncio.wait_for(bot.login(token), timeout=settings.login_timeout_seconds)
            except (TypeError, KeyError, ValueError, AttributeError) as exc:
                # discord.py hands on a text body when the answer is not JSON, then fails on it.
                log.debug("logging in got an answer that is not Discord's API", exc_info=exc)
                raise NotDiscordAPI() from exc
            if not bot.is_closed():
                await bot.connect(reconnect=True)
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)


def run(
    *,
    env_file: str | Path | None = ".env",
    sync_global: bool = False,
    settings: Settings | None = None,
    stream: TextIO | None = None,
    clock: Callable[[], float] = time.monotonic,
    watch: bool = False,
) -> int:
    """Start the bot and block until it stops; returns the exit code. Errors are one sentence on
    ``stream`` (stderr by default), never a traceback, and never contain the token. With
    ``watch``, the knowledge is reloaded whenever its files change."""
    out = stream or sys.stderr

    token = ""

    def fail(message: str) -> int:
        print(f"reportbot: {redact(message, token)}", file=out)
        return FAILED

    try:
        settings = settings or load_settings(env_file)
    except SettingsError as exc:
        return fail(str(exc))
    token = settings.token or ""
    configure_logging(settings.log_level, token, stream)
    try:
        local = local_discord(settings)
        token, engine = prepare(settings)
        feedback = build_feedback_sink(settings)
    except StartupError as exc:
        return fail(str(exc))
    try:
        with contextlib.ExitStack() as urls:
            if local is not None:
                urls.enter_context(use_local_endpoints(*local))  # before the client exists
            bot = ReportBot(
                engine=engine,
                settings=settings,
                feedback=feedback,
                clock=clock,
                sync_global=sync_global,
                watch=watch,
            )
            asyncio.run(serve(bot, token, settings))
    except KeyboardInterrupt:
        return OK
    except Exception as exc:
        sentence = explain(exc, settings)
        if not sentence:
            log.error("the bot stopped on an unexpected error", exc_info=exc)
            sentence = f"The bot stopped on an unexpected error ({type(exc).__name__}); see the log above."
        return fail(sentence)
    finally:
        _close_sink(feedback)
    log.info("stopped")
    return OK


def _close_sink(sink: ClosableSink) -> None:
    try:
        sink.close()
    except Exception:
        log.exception("closing the feedback store failed")
