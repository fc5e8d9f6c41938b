"""Schema 2 of the feedback database: the kind ``uncertain``; a version 1 file keeps every event."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.feedback import migrations
from bot.feedback.errors import FeedbackStoreError
from bot.feedback.events import FeedbackEvent
from bot.feedback.store import FeedbackReader, SqliteFeedbackStore

START = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def version_1_file(path: Path, events: list[FeedbackEvent], *, pruned: int = 0) -> None:
    """A database exactly as the code of schema 1 made it: its own statements, its marks,
    rows written as its ``record`` wrote them, and ``pruned`` rows deleted (their ids used)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in migrations.MIGRATIONS[1]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = WAL")
    insert = (
        "INSERT INTO feedback (at, kind, question, report, fact_ids, confidence) VALUES (?, ?, ?, ?, ?, ?)"
    )
    for n in range(pruned):
        conn.execute(
            insert, ((START - timedelta(days=400 + n)).isoformat(), "declined", "old", None, "[]", None)
        )
    conn.execute("DELETE FROM feedback")
    for e in events:
        fact_ids = "[" + ", ".join(f'"{f}"' for f in e.fact_ids) + "]"
        conn.execute(
            insert,
            (e.at.isoformat(timespec="microseconds"), e.kind, e.question, e.report, fact_ids, e.confidence),
        )
    conn.close()


EVENTS = [
    FeedbackEvent(
        kind="helpful",
        question="Who leads the task force?",
        report="r",
        fact_ids=("team-leader",),
        confidence=1.0,
        at=START,
    ),
    FeedbackEvent(kind="declined", question="What is the currency?", at=START + timedelta(minutes=1)),
    FeedbackEvent(
        kind="unhelpful",
        question="how many?",
        report="r",
        fact_ids=("a", "b"),
        confidence=0.5,
        at=START + timedelta(minutes=2),
    ),
]


def test_a_version_1_file_is_migrated_keeping_every_event_and_id(tmp_path: Path) -> None:
    db = tmp_path / "feedback.sqlite3"
    version_1_file(db, EVENTS, pruned=5)
    with SqliteFeedbackStore(db, 3650, clock=lambda: START + timedelta(days=1)) as store:
        kept = list(store.events())
        assert [item.event for item in kept] == EVENTS[::-1]
        assert [item.id for item in kept] == [8, 7, 6]  # ids 1-5 were pruned before
        store.record(
            FeedbackEvent(
                kind="uncertain",
                question="who runs it?",
                report="r",
                fact_ids=("team-leader",),
                confidence=0.41,
                at=START + timedelta(hours=1),
            )
        )
        newest = next(store.events())
        assert newest.id == 9, "the ids of pruned rows are never reused, also across the migration"
        assert newest.event.kind == "uncertain"
        assert store.counts() == {"helpful": 1, "unhelpful": 1, "declined": 1, "uncertain": 1}
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2 == migrations.schema_version()
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")}
    assert {"feedback", "feedback_at", "feedback_kind_at"} <= tables and "feedback_v1" not in tables
    conn.close()


def test_schema_1_refuses_the_new_kind_and_schema_2_accepts_it(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    version_1_file(old, [])
    conn = sqlite3.connect(old)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO feedback (at, kind, question) VALUES ('x', 'uncertain', 'q')")
    conn.close()
    with SqliteFeedbackStore(old, 90) as store:
        store.record(FeedbackEvent(kind="uncertain", question="q"))
        with pytest.raises(ValueError, match="unknown feedback kind"):
            store.record(FeedbackEvent(kind="bogus", question="q"))  # type: ignore[arg-type]


def test_a_file_from_a_newer_reportbot_is_refused_clearly(tmp_path: Path) -> None:
    db = tmp_path / "feedback.sqlite3"
    SqliteFeedbackStore(db, 90).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {migrations.schema_version() + 1}")
    conn.close()
    for opening in (lambda: SqliteFeedbackStore(db, 90), lambda: FeedbackReader(db)):
        with pytest.raises(FeedbackStoreError, match=r"newer reportbot \(schema 3; this one knows up to 2\)"):
            opening()
    for command in (["feedback", "--db", str(db)], ["review", "--db", str(db)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 1
        assert "written by a newer reportbot" in result.output and "Upgrade reportbot" in result.output
        assert "Traceback" not in result.output
