"""The feedback database's schema, one step per version, and how a file is brought up to date.

The database records its version in ``PRAGMA user_version`` and marks itself as ours with
``PRAGMA application_id``; opening it applies the missing steps in one transaction.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.feedback.errors import FeedbackStoreError

log = logging.getLogger(__name__)

#: Marks a SQLite file as a reportbot feedback database (``PRAGMA application_id``: "RBFB").
APPLICATION_ID = 0x52424642

#: The schema, one entry per version: the statements that bring version N-1 to N. Append new
#: versions; never edit a shipped one.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """
        CREATE TABLE feedback (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even after pruning
            at          TEXT    NOT NULL,  -- UTC, ISO 8601 with microseconds: sorts as text
            kind        TEXT    NOT NULL CHECK (kind IN ('helpful', 'unhelpful', 'declined')),
            question    TEXT    NOT NULL CHECK (length(question) <= 300),  -- MAX_STORED_QUESTION_CHARS
            report      TEXT,
            fact_ids    TEXT    NOT NULL DEFAULT '[]',  -- JSON array of fact ids
            confidence  REAL
        )
        """,
        "CREATE INDEX feedback_at ON feedback (at)",
        "CREATE INDEX feedback_kind_at ON feedback (kind, at)",
    ),
    # 2: the kind 'uncertain' (an answer shown with "I am not fully sure"). SQLite cannot change
    # a CHECK constraint in place: the table is rebuilt and every row copied with its id, and
    # the id counter is carried over, so ids of pruned rows are still never reused.
    2: (
        "ALTER TABLE feedback RENAME TO feedback_v1",
        """
        CREATE TABLE feedback (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even after pruning
            at          TEXT    NOT NULL,  -- UTC, ISO 8601 with microseconds: sorts as text
            kind        TEXT    NOT NULL
                        CHECK (kind IN ('helpful', 'unhelpful', 'declined', 'uncertain')),
            question    TEXT    NOT NULL CHECK (length(question) <= 300),  -- MAX_STORED_QUESTION_CHARS
            report      TEXT,
            fact_ids    TEXT    NOT NULL DEFAULT '[]',  -- JSON array of fact ids
            confidence  REAL
        )
        """,
        "INSERT INTO feedback (id, at, kind, question, report, fact_ids, confidence) "
        "SELECT id, at, kind, question, report, fact_ids, confidence FROM feedback_v1 ORDER BY id",
        "DELETE FROM sqlite_sequence WHERE name = 'feedback'",
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'feedback', seq FROM sqlite_sequence "
        "WHERE name = 'feedback_v1'",
        "DROP TABLE feedback_v1",
        "CREATE INDEX feedback_at ON feedback (at)",
        "CREATE INDEX feedback_kind_at ON feedback (kind, at)",
    ),
}


def schema_version() -> int:
    """The schema version this code writes."""
    return max(MIGRATIONS)


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema of ``conn`` (the database at ``path``) to the current version, or refuse
    a file that is not ours or was written by a newer reportbot."""
    target = schema_version()
    current = (
        conn.execute("PRAGMA application_id").fetchone()[0],
        conn.execute("PRAGMA user_version").fetchone()[0],
    )
    if current == (APPLICATION_ID, target):
        return  # the usual case: nothing to write, no lock taken
    # The version is read again, and raised, under the write lock.
    with write_transaction(conn):
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID and not is_blank(conn):
            raise not_ours(path)
        if version > target:
            raise newer(path, version)
        for step in range(version + 1, target + 1):
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step}")
            log.info("feedback database %s: schema version %d", path, step)
        if app_id != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def not_ours(path: Path) -> FeedbackStoreError:
    return FeedbackStoreError(
        f"{path} is a SQLite database, but not a reportbot feedback database. "
        "Set FEEDBACK_DB_PATH (or --db) to another file; reportbot will not touch this one."
    )


def newer(path: Path, version: int) -> FeedbackStoreError:
    return FeedbackStoreError(
        f"The feedback database {path} was written by a newer reportbot (schema "
        f"{version}; this one knows up to {schema_version()}). Upgrade reportbot to use it."
    )


def check_readable(conn: sqlite3.Connection, path: Path) -> None:
    """For a reader, which writes nothing: refuse a file that is not ours or is too new."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise not_ours(path)
    if version > schema_version():
        raise newer(path, version)


def is_blank(conn: sqlite3.Connection) -> bool:
    """True for an empty database (a new or zero-byte file): no tables, no marks."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return app_id == 0 and version == 0 and tables == 0


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction that takes the write lock at once (waiting out the busy timeout
    instead of failing half-way), committed on success and rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
