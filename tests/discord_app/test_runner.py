"""``reportbot run``: refuses to start on a missing token or broken knowledge, maps each login
failure to one sentence, stops cleanly on SIGTERM, and never shows the token."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar
from unittest.mock import AsyncMock, MagicMock

import aiohttp
import discord
import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.discord_app import runner as runner_module
from bot.discord_app.client import ReportBot
from bot.discord_app.runner import REDACTED, RedactToken, StartupError, build_feedback_sink, run
from bot.feedback import sink as feedback_sink
from bot.feedback.events import NullSink
from bot.feedback.store import FEEDBACK_DB_ENV
from bot.settings import PORTAL

from ..conftest import REPORT_ID
from .conftest import FAKE_TOKEN, make_settings


@pytest.fixture(autouse=True)
def keep_logging() -> Iterator[None]:
    """The runner configures the root logger; put it back after each test."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for h in list(root.handlers):
        if h not in handlers:
            root.removeHandler(h)
    for h in handlers:
        if h not in root.handlers:
            root.addHandler(h)
    root.setLevel(level)


class FakeStore:
    """Stands in for the SQLite store so no test touches a real database."""

    opened: ClassVar[list[tuple[Path, int]]] = []
    closed: ClassVar[int] = 0

    def __init__(self, path: Path, retention_days: int) -> None:
        FakeStore.opened.append((path, retention_days))

    def record(self, event: Any) -> None:
        pass

    def close(self) -> None:
        FakeStore.closed += 1


@pytest.fixture(autouse=True)
def fake_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(feedback_sink, "SqliteFeedbackStore", FakeStore)
    monkeypatch.setenv(FEEDBACK_DB_ENV, str(tmp_path / "default" / "feedback.sqlite3"))
    FakeStore.opened = []
    FakeStore.closed = 0


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., tuple[int, str, str]]:
    """``reportbot run`` through click's runner, in an empty folder (no .env) and a clean env."""
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
        for k, v in (env or {}).items():
            monkeypatch.setenv(k, v)
        result = CliRunner().invoke(main, ["run", *args])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        return result.exit_code, result.stdout, result.stderr

    return invoke


@pytest.fixture
def no_login(monkeypatch: pytest.MonkeyPatch) -> AsyncMock:
    """Fails loudly if the bot tries to connect."""
    login = AsyncMock(side_effect=AssertionError("must not log in"))
    monkeypatch.setattr(ReportBot, "login", login)
    return login


def one_sentence(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    line = lines[0]
    assert line.startswith("reportbot: ") and line.endswith(".")
    return line


def test_no_token(cli: Callable[..., tuple[int, str, str]], no_login: AsyncMock) -> None:
    code, out, err = cli()
    assert code == 1 and out == ""
    assert one_sentence(err) == (
        "reportbot: No Discord token: set DISCORD_TOKEN in the environment or in a .env file "
        f"(copy it from the Bot page of your application at {PORTAL})."
    )
    no_login.assert_not_awaited()


def test_malformed_token(cli: Callable[..., tuple[int, str, str]], no_login: AsyncMock) -> None:
    code, _, err = cli(env={"DISCORD_TOKEN": "my secret token"})
    assert code == 1
    assert "does not look like a bot token" in one_sentence(err) and "my secret token" not in err
    no_login.assert_not_awaited()


def test_token_from_the_env_file(
    cli: Callable[..., tuple[int, str, str]], tmp_path: Path, no_login: AsyncMock
) -> None:
    env_file = tmp_path / "bot.env"
    env_file.write_text("DISCORD_TOKEN=nonsense\n")
    code, _, err = cli("--env-file", str(env_file))
    assert code == 1 and "does not look like a bot token" in err


def test_invalid_setting(cli: Callable[..., tuple[int, str, str]], no_login: AsyncMock) -> None:
    code, _, err = cli(env={"DISCORD_TOKEN": FAKE_TOKEN, "USER_RATE": "lots"})
    assert code == 1
    assert one_sentence(err).startswith("reportbot: Invalid setting: USER_RATE should be a valid integer")


def test_broken_knowledge_refuses_to_start(
    cli: Callable[..., tuple[int, str, str]], make_data_dir: Callable[..., Path], no_login: AsyncMock
) -> None:
    data = make_data_dir({f"knowledge/{REPORT_ID}/extra.yaml": "facts:\n  - id: [unclosed\n"})
    code, _, err = cli(env={"DISCORD_TOKEN": FAKE_TOKEN, "REPORTBOT_DATA_DIR": str(data)})
    assert code == 1
    line = one_sentence(err)
    assert line.startswith(
        "reportbot: Not starting, so that no answer cites a wrong sentence: the fact base has 1 problem(s)"
    )
    assert "extra.yaml" in line and "malformed YAML" in line and "reportbot check" in line
    no_login.assert_not_awaited()


def test_missing_data_dir_and_unknown_report(
    cli: Callable[..., tuple[int, str, str]], tmp_path: Path, no_login: AsyncMock
) -> None:
    code, _, err = cli(env={"DISCORD_TOKEN": FAKE_TOKEN, "REPORTBOT_DATA_DIR": str(tmp_path / "nowhere")})
    assert code == 1 and f"REPORTBOT_DATA_DIR is {tmp_path / 'nowhere'}, which does not exist" in one_sentence(err)
    os.environ.pop("REPORTBOT_DATA_DIR")
    code, _, err = cli(env={"REPORTBOT_REPORTS": "no-such-report"})
    assert code == 1 and "no-such-report" in one_sentence(err)


def client_connector_error() -> aiohttp.ClientConnectorError:
    key = MagicMock(host="discord.com", port=443, ssl=True)
    return aiohttp.ClientConnectorError(key, OSError(-3, "Temporary failure in name resolution"))


def closed(code: int) -> discord.ConnectionClosed:
    return discord.ConnectionClosed(MagicMock(close_code=code), shard_id=None, code=code)


FAILURES: list[tuple[str, Callable[[], BaseException], str]] = [
    ("login", lambda: discord.LoginFailure("Improper token has been passed."), "Discord rejected the token"),
    ("connect", lambda: closed(4004), "Discord rejected the token"),
    (
        "connect",
        lambda: discord.PrivilegedIntentsRequired(None),
        "enable it under Bot > Privileged Gateway Intents",
    ),
    ("login", client_connector_error, "Cannot reach Discord (no network, or DNS failed)"),
    ("connect", lambda: closed(4000), "Discord closed the connection (code 4000)"),
    ("login", lambda: RuntimeError(f"boom with {FAKE_TOKEN}"), "unexpected error (RuntimeError)"),
]


@pytest.mark.parametrize(("where", "make_error", "expected"), FAILURES)
def test_login_failures_are_one_sentence_each(
    cli: Callable[..., tuple[int, str, str]],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
    where: str,
    make_error: Callable[[], BaseException],
    expected: str,
) -> None:
    async def login(self: ReportBot, token: str) -> None:
        logging.getLogger("discord.client").warning("logging in with %s", token)  # must be redacted
        if where == "login":
            raise make_error()

    async def connect(self: ReportBot, *, reconnect: bool = True) -> None:
        raise make_error()

    monkeypatch.setattr(ReportBot, "login", login)
    monkeypatch.setattr(ReportBot, "connect", connect)
    code, out, err = cli(env={"DISCORD_TOKEN": FAKE_TOKEN, "FEEDBACK_DB_PATH": str(tmp_path / "fb.sqlite3")})
    assert code == 1
    final = err.strip().splitlines()[-1]
    assert final.startswith("reportbot: ") and expected in final
    if "unexpected" not in expected:
        assert "Traceback" not in err
    everything = out + err + caplog.text + "".join(r.getMessage() for r in caplog.records)
    assert FAKE_TOKEN not in everything
    assert REDACTED in caplog.text
    assert FakeStore.opened == [(tmp_path / "fb.sqlite3", 90)] and FakeStore.closed == 1


def test_a_login_that_never_answers_times_out(
    cli: Callable[..., tuple[int, str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    async def hang(self: ReportBot, token: str) -> None:
        await asyncio.sleep(3600)

    monkeypatch.setattr(ReportBot, "login", hang)
    code, _, err = cli(env={"DISCORD_TOKEN": FAKE_TOKEN, "LOGIN_TIMEOUT_SECONDS": "0.2"})
    assert code == 1
    assert err.strip().splitlines()[-1] == (
        "reportbot: Discord did not answer within 0.2 s: check the network (or proxy) and try again, "
        "or raise LOGIN_TIMEOUT_SECONDS."
    )


def test_sigterm_closes_the_connection_cleanly(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    closed_cleanly: list[bool] = []

    async def login(self: ReportBot, token: str) -> None:
        await self.setup_hook()  # as discord.py does at the end of login

    async def connect(self: ReportBot, *, reconnect: bool = True) -> None:
        asyncio.get_running_loop().call_later(0.05, os.kill, os.getpid(), signal.SIGTERM)
        while not self.is_closed():
            await asyncio.sleep(0.01)
        closed_cleanly.append(True)

    monkeypatch.setattr(ReportBot, "login", login)
    monkeypatch.setattr(ReportBot, "connect", connect)
    settings = make_settings(feedback_db_path=tmp_path / "fb.sqlite3")
    assert run(settings=settings) == 0
    assert closed_cleanly == [True]
    assert FakeStore.closed == 1
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # the handler is removed again


def test_run_as_a_process_without_token(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISCORD_TOKEN", "REPORTBOT_DATA_DIR"}}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"], capture_output=True, cwd=tmp_path, env=env, timeout=60
    )
    assert done.returncode == 1
    assert done.stdout == b""
    assert done.stderr.decode().startswith("reportbot: No Discord token: set DISCORD_TOKEN")
    assert len(done.stderr.decode().strip().splitlines()) == 1


def test_redaction_covers_messages_arguments_and_tracebacks() -> None:
    record_filter = RedactToken(FAKE_TOKEN)
    try:
        raise ValueError(f"bad {FAKE_TOKEN}")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "token %s", (FAKE_TOKEN,), sys.exc_info())
    assert record_filter.filter(record)
    text = logging.Formatter().format(record)
    assert FAKE_TOKEN not in text and text.count(REDACTED) == 2


def test_feedback_sink_choices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(build_feedback_sink(make_settings(feedback_enabled=False)), NullSink)
    sink = build_feedback_sink(make_settings())
    assert isinstance(sink, FakeStore) and FakeStore.opened[-1] == (
        tmp_path / "default" / "feedback.sqlite3",
        90,
    )
    build_feedback_sink(make_settings(feedback_db_path=tmp_path / "x.db", feedback_retention_days=5))
    assert FakeStore.opened[-1] == (tmp_path / "x.db", 5)

    def broken(path: Path, retention_days: int) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(feedback_sink, "SqliteFeedbackStore", broken)
    with pytest.raises(StartupError, match=r"Cannot open the feedback database at .*FEEDBACK_ENABLED=false"):
        build_feedback_sink(make_settings(feedback_db_path=tmp_path / "x.db"))


def test_run_is_in_the_cli_help() -> None:
    result = CliRunner().invoke(main, ["run", "--help"])
    assert (
        result.exit_code == 0 and "--sync-global" in result.stdout and "Run the Discord bot" in result.stdout
    )
    assert runner_module.explain(TimeoutError(), make_settings(login_timeout_seconds=3)).startswith(
        "Discord did not answer within 3 s"
    )


# -- DISCORD_API_BASE / DISCORD_GATEWAY_URL: a local Discord instead of discord.com ------------
DISCORD_REST = "https://discord.com/api/v10"
DISCORD_GATEWAY = "wss://gateway.discord.gg/"
LOCAL_REST = "http://127.0.0.1:9/api/v10"
LOCAL_GATEWAY = "ws://127.0.0.1:9/gateway/"
REMOVE = "remove DISCORD_API_BASE and DISCORD_GATEWAY_URL to connect to Discord itself."


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {"DISCORD_API_BASE": DISCORD_REST, "DISCORD_GATEWAY_URL": LOCAL_GATEWAY},
            "DISCORD_API_BASE may only point at a local Discord, but 'discord.com' is not this computer "
            f"(localhost, 127.0.0.0/8 or ::1); {REMOVE}",
        ),
        (
            {"DISCORD_API_BASE": LOCAL_REST, "DISCORD_GATEWAY_URL": DISCORD_GATEWAY},
            "DISCORD_GATEWAY_URL may only point at a local Discord, but 'gateway.discord.gg' is not this "
            f"computer (localhost, 127.0.0.0/8 or ::1); {REMOVE}",
        ),
        (
            {"DISCORD_API_BASE": "http://10.0.0.5:8765/api/v10", "DISCORD_GATEWAY_URL": LOCAL_GATEWAY},
            "'10.0.0.5' is not this computer",
        ),
        (
            {"DISCORD_API_BASE": LOCAL_REST, "DISCORD_GATEWAY_URL": "ws://0.0.0.0:9/gateway/"},
            "'0.0.0.0' is not this computer",
        ),
        (
            {"DISCORD_API_BASE": LOCAL_GATEWAY, "DISCORD_GATEWAY_URL": LOCAL_GATEWAY},
            "DISCORD_API_BASE may only point at a local Discord, but it is not an http:// or https:// "
            f"URL; {REMOVE}",
        ),
        (
            {
                "DISCORD_API_BASE": FAKE_TOKEN,
                "DISCORD_GATEWAY_URL": LOCAL_GATEWAY,
            },  # pasted in the wrong place
            "DISCORD_API_BASE looks like a Discord bot token; put the token in DISCORD_TOKEN",
        ),
        (
            {"DISCORD_API_BASE": LOCAL_REST},
            "DISCORD_API_BASE is set but DISCORD_GATEWAY_URL is not: set both to use a local Discord, or "
            "neither to connect to Discord itself.",
        ),
        ({"DISCORD_GATEWAY_URL": LOCAL_GATEWAY}, "DISCORD_GATEWAY_URL is set but DISCORD_API_BASE is not"),
    ],
)
def test_a_local_discord_must_be_on_this_computer_and_named_whole(
    cli: Callable[..., tuple[int, str, str]], no_login: AsyncMock, env: dict[str, str], expected: str
) -> None:
    code, out, err = cli(env={"DISCORD_TOKEN": FAKE_TOKEN} | env)
    assert code == 1 and out == ""
    line = one_sentence(err)
    assert expected in line
    assert FAKE_TOKEN not in err
    no_login.assert_not_awaited()
    assert (discord.http.Route.BASE, str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)) == (
        DISCORD_REST,
        DISCORD_GATEWAY,
    )


def _record_urls_at_login(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Replace login with one that notes where discord.py would send its first request, then fails."""
    seen: list[tuple[str, str]] = []

    async def login(self: ReportBot, token: str) -> None:
        seen.append((discord.http.Route.BASE, str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)))
        raise discord.LoginFailure("stop here")

    monkeypatch.setattr(ReportBot, "login", login)
    return seen


def test_without_the_local_settings_discord_py_talks_to_discord(
    cli: Callable[..., tuple[int, str, str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen = _record_urls_at_login(monkeypatch)
    code, _, err = cli(env={"DISCORD_TOKEN": FAKE_TOKEN, "FEEDBACK_DB_PATH": str(tmp_path / "fb.sqlite3")})
    assert code == 1 and "Discord rejected the token" in err
    assert seen == [(DISCORD_REST, DISCORD_GATEWAY)]


def test_the_local_settings_apply_before_the_first_request_and_are_undone(
    cli: Callable[..., tuple[int, str, str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen = _record_urls_at_login(monkeypatch)
    env = {
        "DISCORD_TOKEN": FAKE_TOKEN,
        "FEEDBACK_DB_PATH": str(tmp_path / "fb.sqlite3"),
        "DISCORD_API_BASE": "http://localhost:8765/api/v10/",
        "DISCORD_GATEWAY_URL": "ws://[::1]:8765/gateway/",
    }
    code, _, _ = cli(env=env)
    assert code == 1
    assert seen == [("http://localhost:8765/api/v10", "ws://[::1]:8765/gateway/")]
    assert (discord.http.Route.BASE, str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)) == (
        DISCORD_REST,
        DISCORD_GATEWAY,
    )
