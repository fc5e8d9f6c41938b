"""Messages that say what is true and what to do, through the CLI runner: settings that name
something missing, a local Discord that is not running, a feedback database that does not exist."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest.mock import AsyncMock

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.discord_app.client import ReportBot

from .conftest import REPORT_ID

#: A token of the right shape (never sent anywhere: login is stopped or the server is local).
TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"
#: Settings of a developer's shell that would change what `run` does.
SETTINGS = (
    "DISCORD_TOKEN",
    "REPORTBOT_REPORTS",
    "REPORTBOT_DATA_DIR",
    "DISCORD_API_BASE",
    "DISCORD_GATEWAY_URL",
    "FEEDBACK_ENABLED",
)


@pytest.fixture(autouse=True)
def keep_logging() -> Iterator[None]:
    """``run`` configures the root logger; put it back after each test."""
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


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., tuple[int, str, str]]:
    """``reportbot ARGS`` through click's runner in an empty folder (no .env), with only ``env`` set."""
    monkeypatch.chdir(tmp_path)
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)

    def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
        for k, v in (env or {}).items():
            monkeypatch.setenv(k, v)
        result = CliRunner().invoke(main, list(args))
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        return result.exit_code, result.stdout, result.stderr

    return invoke


@pytest.fixture
def no_login(monkeypatch: pytest.MonkeyPatch) -> AsyncMock:
    login = AsyncMock(side_effect=AssertionError("must not log in"))
    monkeypatch.setattr(ReportBot, "login", login)
    return login


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert lines[0].startswith("reportbot: ") and lines[0].endswith(".")
    return lines[0]


BOT = {"DISCORD_TOKEN": TOKEN, "FEEDBACK_ENABLED": "false"}


def test_an_unknown_report_id_is_named_with_the_known_ones(
    run: Callable[..., tuple[int, str, str]], no_login: AsyncMock, root: Path
) -> None:
    code, out, err = run("run", env=BOT | {"REPORTBOT_REPORTS": "nope"})
    line = one_line(err)
    assert code == 1 and out == ""
    assert "REPORTBOT_REPORTS names an unknown report id, 'nope'" in line
    assert f"the known ids, from {root / 'seeds'}: {REPORT_ID})" in line
    assert "knowledge/nope" not in line  # no folder of that name was ever asked for
    code, _, err = run("run", env=BOT | {"REPORTBOT_REPORTS": f"{REPORT_ID} nope other"})
    assert code == 1 and "unknown report ids, 'nope', 'other'" in one_line(err)
    no_login.assert_not_awaited()


def data_dir_of(tmp_path: Path, kind: str) -> Path:
    """A REPORTBOT_DATA_DIR that holds no reports: missing, empty, half made, or a file."""
    path = tmp_path / "given"
    if kind == "file":
        path.write_text("not a folder\n")
    elif kind != "missing":
        path.mkdir()
        if kind == "seeds only":
            (path / "seeds").mkdir()
    return path


@pytest.mark.parametrize(
    ("kind", "what"),
    [
        ("missing", "which does not exist"),
        ("empty", "which has no seeds/ and no knowledge/ folder in it"),
        ("seeds only", "which has no knowledge/ folder in it"),
        ("file", "which is a file, not a folder"),
    ],
)
def test_a_data_dir_setting_that_holds_no_reports_is_named_as_the_setting(
    run: Callable[..., tuple[int, str, str]], no_login: AsyncMock, tmp_path: Path, kind: str, what: str
) -> None:
    path = data_dir_of(tmp_path, kind)
    code, _, err = run("run", env=BOT | {"REPORTBOT_DATA_DIR": str(path)})
    line = one_line(err)
    assert code == 1
    assert line.startswith(
        f"reportbot: REPORTBOT_DATA_DIR is {path}, {what}: set REPORTBOT_DATA_DIR to a folder"
    )
    assert "--data-dir PATH` makes one" in line and "from --data-dir" not in line
    no_login.assert_not_awaited()


def test_a_missing_env_file_is_said_to_be_missing(
    run: Callable[..., tuple[int, str, str]], no_login: AsyncMock, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.env"
    code, out, err = run("run", "--env-file", str(missing), env=BOT)
    assert code == 1 and out == ""
    assert one_line(err) == (
        f"reportbot: the settings file {missing} does not exist: give --env-file the path of your "
        "settings file (see .env.example), or leave --env-file out to read .env from this folder."
    )
    code, _, err = run("run", "--env-file", str(tmp_path), env=BOT)
    assert code == 1 and f"the settings file {tmp_path} is a folder, not a file" in one_line(err)
    no_login.assert_not_awaited()


def test_without_env_file_a_missing_dot_env_is_fine(
    run: Callable[..., tuple[int, str, str]], no_login: AsyncMock
) -> None:
    code, _, err = run("run", env={"FEEDBACK_ENABLED": "false"})
    assert code == 1 and "No Discord token" in one_line(err)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (it was free a moment ago)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_local_discord_that_is_not_running_is_named_with_how_to_start_it(
    run: Callable[..., tuple[int, str, str]],
) -> None:
    port = closed_port()
    api = f"http://127.0.0.1:{port}/api/v10"
    env = BOT | {"DISCORD_API_BASE": api, "DISCORD_GATEWAY_URL": f"ws://127.0.0.1:{port}/gateway/"}
    code, _, err = run("run", env=env)
    last = err.strip().splitlines()[-1]
    assert code == 1 and "Traceback" not in err
    assert last == (
        f"reportbot: The local Discord at {api} is not answering: start it with `reportbot playground "
        "--no-bot` (it prints how to run the bot against it), or remove DISCORD_API_BASE and "
        "DISCORD_GATEWAY_URL to connect to Discord itself."
    )
    assert "internet" not in err


def test_feedback_from_a_database_that_does_not_exist_says_so(
    run: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    missing = tmp_path / "nonexistent.sqlite3"
    code, out, err = run("feedback", "--db", str(missing))
    assert code == 0 and err == ""
    assert out.strip() == (
        f"{missing} does not exist, so no feedback was recorded there: `reportbot run` creates it with "
        "the first 👍, 👎 or declined question; if the bot writes elsewhere, give that file (its "
        "FEEDBACK_DB_PATH) with --db."
    )
    assert "recorded yet" not in out and not missing.exists()
