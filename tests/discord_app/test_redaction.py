"""A token pasted into the wrong setting is never printed, whichever setting carries it; a
broken .env or a local Discord that answers a web page is one message, not a traceback."""

from __future__ import annotations

import http.server
import io
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.discord_app.runner import configure_logging
from bot.settings import REDACTED, redact

from ..conftest import REPORT_ID, ROOT
from .conftest import FAKE_TOKEN

#: Another token, the one pasted in the wrong place.
PASTED = "OTk4NzY1NDMyMTA5ODc2NTQz.Gx1y2z.pasted-where-it-does-not-belong-0123456789"


def reportbot_run(cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DISCORD_", "REPORTBOT_REPORTS", "FEEDBACK_"))
    }
    clean.pop("REPORTBOT_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**clean, "DISCORD_TOKEN": FAKE_TOKEN, **env},
        timeout=60,
    )


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("REPORTBOT_REPORTS", PASTED),
        ("REPORTBOT_REPORTS", f"{REPORT_ID},{PASTED}"),
        ("REPORTBOT_DATA_DIR", PASTED),
        ("REPORTBOT_DATA_DIR", f"/srv/{PASTED}/data"),
        ("DISCORD_API_BASE", PASTED),
        ("DISCORD_API_BASE", f"http://127.0.0.1:8765/{PASTED}"),
        ("DISCORD_GATEWAY_URL", f"ws://127.0.0.1:8765/{PASTED}"),
        ("FEEDBACK_DB_PATH", PASTED),
        ("FEEDBACK_DB_PATH", f"data/{PASTED}.sqlite3"),
        ("DISCORD_GUILD_ID", PASTED),
        ("LOG_LEVEL", PASTED),
    ],
)
def test_a_token_in_the_wrong_setting_is_never_printed_and_creates_nothing(
    tmp_path: Path, setting: str, value: str
) -> None:
    env = {setting: value}
    if setting.startswith("DISCORD_") and "URL" in setting:
        env["DISCORD_API_BASE"] = "http://127.0.0.1:8765/api/v10"
    elif setting == "DISCORD_API_BASE":
        env["DISCORD_GATEWAY_URL"] = "ws://127.0.0.1:8765/gateway/"
    done = reportbot_run(tmp_path, **env)
    assert done.returncode == 1
    assert PASTED not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert setting in done.stderr, done.stderr
    assert list(tmp_path.rglob("*")) == [], "nothing created"


def test_the_log_of_reportbot_run_redacts_any_token(restore_logging: None) -> None:
    stream = io.StringIO()
    configure_logging("INFO", FAKE_TOKEN, stream)
    log = logging.getLogger("bot.test")
    log.warning("the token %s and a pasted one %s", FAKE_TOKEN, PASTED)
    try:
        raise ValueError(f"not found: /srv/{PASTED}")
    except ValueError:
        log.exception("failed")
    configure_logging("INFO", None, stream)  # no token configured: token-shaped text still goes
    log.warning("pasted: %s", PASTED)
    text = stream.getvalue()
    assert FAKE_TOKEN not in text and PASTED not in text
    assert text.count(REDACTED) == 4


def test_redact_leaves_ordinary_text_alone() -> None:
    text = "bot.discord_app.runner feedback.sqlite3 v1.2.3 https://discord.com/developers/applications"
    assert redact(text) == text
    assert redact(f"x {PASTED}.") == f"x {REDACTED}."


def test_a_dotenv_that_is_not_utf8_is_one_message(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"LOG_LEVEL=INFO\nCOMMAND_PREFIX=\xff\xfe!\n")
    done = reportbot_run(tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert "not UTF-8" in line and ".env" in line


class _WebPage(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<!doctype html><html><body>It works!</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_PUT = do_PATCH = do_GET

    def log_message(self, *args: object) -> None:
        pass


def test_a_local_discord_that_answers_a_web_page_ends_run_with_one_message(tmp_path: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _WebPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        done = reportbot_run(
            tmp_path,
            DISCORD_API_BASE=f"http://127.0.0.1:{port}/api/v10",
            DISCORD_GATEWAY_URL=f"ws://127.0.0.1:{port}/gateway/",
            FEEDBACK_ENABLED="false",
            REPORTBOT_DATA_DIR=str(ROOT),
            LOG_LEVEL="WARNING",
        )
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr, done.stderr
    assert (
        done.stderr.strip()
        .splitlines()[-1]
        .startswith(
            f"reportbot: The local Discord at http://127.0.0.1:{port}/api/v10 did not answer as Discord's API does"
        )
    )
    assert FAKE_TOKEN not in done.stderr


def test_reportbot_feedback_refuses_a_token_as_its_database_path(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FEEDBACK_")}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "feedback"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "FEEDBACK_DB_PATH": PASTED},
        timeout=60,
    )
    assert done.returncode == 1 and PASTED not in done.stdout + done.stderr
    assert done.stderr.strip() == (
        "reportbot: Invalid setting: FEEDBACK_DB_PATH looks like a Discord bot token, not a file path; "
        "put the token in DISCORD_TOKEN (see .env.example)."
    )
    assert list(tmp_path.iterdir()) == []
