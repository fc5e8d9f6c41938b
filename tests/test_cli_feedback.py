"""``reportbot feedback``: listing, exports, and clear messages for a missing or broken database."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.feedback.errors import FeedbackStoreError
from bot.feedback.events import FeedbackEvent
from bot.feedback.store import FEEDBACK_DB_ENV, FeedbackReader, SqliteFeedbackStore

from .conftest import run_cli_and_list_modules, top_level

NOW = datetime.now(UTC).replace(microsecond=0)
REPORT = "korea-cambodia-task-force"
EVENTS = [
    FeedbackEvent(
        "helpful", "Who leads the task force?", REPORT, ("task-force-lead",), 0.93, NOW - timedelta(hours=3)
    ),
    FeedbackEvent(
        "declined", "What is the currency of Cambodia?", REPORT, (), 0.21, NOW - timedelta(hours=2)
    ),
    FeedbackEvent(
        "unhelpful",
        "how many kidnappings",
        REPORT,
        ("kidnap-2024", "kidnap-avg"),
        0.71,
        NOW - timedelta(hours=1),
    ),
    FeedbackEvent("declined", '=HYPERLINK("http://evil")', None, (), None, NOW),
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "feedback.sqlite3"
    with SqliteFeedbackStore(path, retention_days=30) as store:
        for event in EVENTS:
            store.record(event)
    return path


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, ["feedback", *args])
    return result.exit_code, result.stdout, result.stderr


def test_lists_newest_first_with_time_kind_report_facts_and_question(runner: CliRunner, db: Path) -> None:
    code, out, err = run(runner, "--db", str(db))
    assert code == 0, err
    header, *rows = out.splitlines()
    assert str(db) in header and "1 helpful, 1 unhelpful, 2 declined" in header
    assert len(rows) == 4
    assert rows[0].split() == [
        f"{NOW:%Y-%m-%d}",
        f"{NOW:%H:%M:%S}",
        "declined",
        "-",
        "-",
        '=HYPERLINK("http://evil")',
    ]
    assert rows[1].split()[2:] == [
        "unhelpful",
        REPORT,
        "kidnap-2024,kidnap-avg",
        "how",
        "many",
        "kidnappings",
    ]
    assert rows[3].endswith(
        "helpful    korea-cambodia-task-force  task-force-lead  Who leads the task force?"
    )
    assert f"{NOW - timedelta(hours=3):%Y-%m-%d %H:%M:%S}" in rows[3]


def test_declined_lists_only_declined_questions(runner: CliRunner, db: Path) -> None:
    code, out, _ = run(runner, "--declined", "--db", str(db))
    assert code == 0
    rows = out.splitlines()[1:]
    assert len(rows) == 2 and all("  declined  " in r for r in rows)
    assert "What is the currency of Cambodia?" in rows[1]


def test_export_csv_parses_back(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "feedback.csv"
    target.parent.mkdir()
    code, out, err = run(runner, "--db", str(db), "--export", str(target))
    assert code == 0, err
    assert "Wrote 4 feedback events" in out and str(target) in out
    with target.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["kind"] for r in rows] == ["declined", "unhelpful", "declined", "helpful"]
    helpful = rows[3]
    assert helpful["question"] == "Who leads the task force?"
    assert helpful["report"] == REPORT and helpful["fact_ids"] == "task-force-lead"
    assert float(helpful["confidence"]) == 0.93
    assert datetime.fromisoformat(helpful["at"]) == NOW - timedelta(hours=3)
    assert rows[1]["fact_ids"].split() == ["kidnap-2024", "kidnap-avg"]
    assert rows[0]["confidence"] == "" and rows[0]["report"] == ""
    # A question a spreadsheet would run as a formula is exported inert.
    assert rows[0]["question"] == "'" + '=HYPERLINK("http://evil")'
    assert sorted(p.name for p in target.parent.iterdir()) == ["feedback.csv"]  # no temp file left


def test_export_jsonl_parses_back(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    target = tmp_path / "declined.JSONL"
    code, out, _ = run(runner, "--db", str(db), "--declined", "--export", str(target))
    assert code == 0 and "Wrote 2 declined questions" in out
    objs = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [o["question"] for o in objs] == ['=HYPERLINK("http://evil")', "What is the currency of Cambodia?"]
    assert set(objs[1]) == {"id", "at", "kind", "report", "fact_ids", "confidence", "question"}
    assert objs[1]["kind"] == "declined" and objs[1]["report"] == REPORT and objs[1]["fact_ids"] == []
    assert objs[1]["confidence"] == 0.21 and datetime.fromisoformat(objs[1]["at"]) == NOW - timedelta(hours=2)
    assert objs[0]["report"] is None and objs[0]["confidence"] is None


def test_export_needs_a_known_extension(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    code, _, err = run(runner, "--db", str(db), "--export", str(tmp_path / "feedback.xlsx"))
    assert code == 2 and ".csv" in err and ".jsonl" in err
    assert not (tmp_path / "feedback.xlsx").exists()


def test_a_failed_export_leaves_the_old_file_and_no_temp_file(
    runner: CliRunner, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "exports" / "feedback.jsonl"
    target.parent.mkdir()
    target.write_text("the previous export\n", encoding="utf-8")
    real_events = FeedbackReader.events

    def failing_events(self: FeedbackReader, *, declined_only: bool = False) -> Iterator[object]:
        yield from list(real_events(self, declined_only=declined_only))[:2]
        raise FeedbackStoreError(f"The feedback database {self.path} cannot be read (disk I/O error).")

    monkeypatch.setattr(FeedbackReader, "events", failing_events)
    code, _, err = run(runner, "--db", str(db), "--export", str(target))
    assert code == 1 and "disk I/O error" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in target.parent.iterdir()] == ["feedback.jsonl"]


def test_export_into_a_missing_folder_is_a_clear_error(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "feedback.csv"
    code, _, err = run(runner, "--db", str(db), "--export", str(target))
    assert code == 1 and str(target) in err and "Traceback" not in err


def test_missing_database_is_a_friendly_message(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nothing-yet" / "feedback.sqlite3"
    for extra in ([], ["--declined"], ["--export", str(tmp_path / "out.csv")]):
        code, out, _ = run(runner, "--db", str(missing), *extra)
        assert code == 0
        assert out.strip().startswith(f"{missing} does not exist, so no feedback was recorded there")
    assert list(tmp_path.iterdir()) == []  # neither a database nor an export was created


def test_empty_database(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "feedback.sqlite3"
    SqliteFeedbackStore(path, retention_days=30).close()
    code, out, _ = run(runner, "--db", str(path))
    assert code == 0 and out.strip() == f"no feedback recorded yet at {path}"
    code, out, _ = run(runner, "--db", str(path), "--declined")
    assert code == 0 and out.strip() == f"no declined questions recorded yet at {path}"


@pytest.mark.parametrize(
    "content", [b"not a database at all\n" * 100, b"SQLite format 3\x00" + b"\xff" * 8000]
)
def test_corrupt_database_is_a_clear_error(runner: CliRunner, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "feedback.sqlite3"
    path.write_bytes(content)
    code, out, err = run(runner, "--db", str(path))
    assert code == 1 and out == ""
    assert str(path) in err and ("damaged" in err or "not a" in err)
    assert "Traceback" not in err
    assert path.read_bytes() == content


def test_database_path_from_the_setting_then_the_default(
    runner: CliRunner, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FEEDBACK_DB_PATH", str(db))
    code, out, _ = run(runner)
    assert code == 0 and str(db) in out.splitlines()[0]
    monkeypatch.delenv("FEEDBACK_DB_PATH")
    default = tmp_path / "default.sqlite3"
    monkeypatch.setenv(FEEDBACK_DB_ENV, str(default))
    code, out, _ = run(runner)
    assert code == 0 and out.strip().startswith(f"{default} does not exist, so no feedback was recorded there")


def test_user_text_cannot_drive_the_terminal(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "feedback.sqlite3"
    with SqliteFeedbackStore(path, retention_days=30) as store:
        store.record(FeedbackEvent("declined", "clear\x1b[2J screen\nnew line \u202ereversed"))
    code, out, _ = run(runner, "--db", str(path))
    assert code == 0
    row = out.splitlines()[1]
    assert "\x1b" not in out and "\u202e" not in out and len(out.splitlines()) == 2
    assert row.endswith("clear\\u001b[2J screen\\nnew line \\u202ereversed")


def test_reading_does_not_prune(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "feedback.sqlite3"
    with SqliteFeedbackStore(path, retention_days=30) as store:
        store.record(FeedbackEvent("declined", "a year ago", at=NOW - timedelta(days=365)))
    code, out, _ = run(runner, "--db", str(path))
    assert code == 0 and "a year ago" in out


def test_help_shows_examples(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--help")
    assert code == 0 and "Examples:" in out
    assert "reportbot feedback --export feedback.csv" in out and "--declined" in out and "--db" in out
    assert "No user ids are stored" in " ".join(out.split())


def test_feedback_does_not_import_discord(tmp_path: Path, db: Path) -> None:
    out, modules = run_cli_and_list_modules(["feedback", "--db", str(db)], tmp_path)
    assert b"Who leads the task force?" in out
    assert not top_level(modules) & {"discord", "aiohttp", "pydantic"}


def test_ask_does_not_load_the_feedback_store(tmp_path: Path) -> None:
    out, modules = run_cli_and_list_modules(["ask", "who leads the team"], tmp_path)
    assert b"Kim Ji-na" in out
    assert not any(m == "bot.feedback" or m.startswith("bot.feedback.") for m in modules)


def test_a_listing_cut_short_by_head_is_quiet(tmp_path: Path) -> None:
    path = tmp_path / "feedback.sqlite3"
    with SqliteFeedbackStore(path, retention_days=30) as store:
        for i in range(1000):  # ~170 KB of listing: more than a pipe holds
            store.record(FeedbackEvent("declined", f"question {i} " + "x" * 120))
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "feedback", "--db", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert proc.stdout is not None
    first = [proc.stdout.readline(), proc.stdout.readline()]
    proc.stdout.close()  # the reader goes away, as `| head -2` does
    _, err = proc.communicate(timeout=60)
    assert b"question 999 " in first[1]
    assert proc.returncode == 0, err
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err


SEPARATORS = "who leads\u2028the team\u2029or\x85not, 태스크포스 🙂?"


def test_export_jsonl_escapes_line_separators(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "sep.sqlite3"
    with SqliteFeedbackStore(db, retention_days=3650) as store:
        store.record(FeedbackEvent("declined", SEPARATORS))
    target = tmp_path / "out.jsonl"
    code, _, err = run(runner, "--db", str(db), "--export", str(target))
    assert code == 0, err
    data = target.read_bytes()
    assert data.isascii() and data.count(b"\n") == 1
    assert [json.loads(line)["question"] for line in data.decode().splitlines()] == [SEPARATORS]


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_the_listing_survives_any_output_encoding_on_a_read_only_file(tmp_path: Path, encoding: str) -> None:
    db = tmp_path / "fb.sqlite3"
    with SqliteFeedbackStore(db, retention_days=3650) as store:
        store.record(FeedbackEvent("declined", SEPARATORS))
    db.chmod(0o444)
    env = {k: v for k, v in os.environ.items() if k != "FEEDBACK_DB_PATH"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "feedback", "--db", str(db)],
        capture_output=True,
        env={**env, "PYTHONIOENCODING": encoding},
        timeout=60,
    )
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr
    assert b"declined" in done.stdout and b"who leads" in done.stdout
