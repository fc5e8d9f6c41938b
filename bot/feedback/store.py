"""The feedback store: 👍/👎 and declined questions in an embedded SQLite database.

It implements :class:`bot.feedback.events.FeedbackSink` outside the core. ``record`` returns only
once the event is committed and synced to disk (WAL, ``synchronous=FULL``), so an acknowledged
write survives a killed process; several threads and several processes may write at once. No
user ids are stored: the table has no column for them. Old rows are pruned after
``retention_days``.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, get_args

import platformdirs

from bot.feedback.errors import FeedbackNotFound, FeedbackStoreError
from bot.feedback.events import FeedbackEvent, Kind
from bot.feedback.migrations import (
    APPLICATION_ID,
    check_readable,
    is_blank,
    migrate,
    not_ours,
    write_transaction,
)

log = logging.getLogger(__name__)

#: Environment variable that moves the default database (the test suite points it at a temporary
#: folder, so tests never write the real one).
FEEDBACK_DB_ENV = "REPORTBOT_FEEDBACK_DB"
#: The file name of the default database in the user's data directory.
DEFAULT_FILE_NAME = "feedback.sqlite3"

#: How long a write waits for another writer (thread or process) before giving up.
BUSY_TIMEOUT_SECONDS = 15.0
#: Prune old rows after this many writes, or this long after the last pruning, whichever first.
PRUNE_EVERY_WRITES = 500
PRUNE_INTERVAL = timedelta(hours=1)
#: Rows fetched per query while iterating, so a reader never holds the lock for long.
PAGE_SIZE = 500

KINDS: tuple[Kind, ...] = get_args(Kind)
#: The first bytes of every SQLite database file.
_SQLITE_MAGIC = b"SQLite format 3\x00"
_COLUMNS = "id, at, kind, question, report, fact_ids, confidence"


def default_feedback_path() -> Path:
    """Where feedback is kept unless configured: ``$REPORTBOT_FEEDBACK_DB``, else
    ``feedback.sqlite3`` in the user's data directory (``~/.local/share/reportbot`` on Linux,
    ``~/Library/Application Support/reportbot`` on macOS, ``%LOCALAPPDATA%\\reportbot`` on
    Windows). Computing it creates nothing."""
    override = os.environ.get(FEEDBACK_DB_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path("reportbot", appauthor=False) / DEFAULT_FILE_NAME


@dataclass(frozen=True)
class StoredFeedback:
    """A stored event with its id (ids only grow and are never reused, so exports can be merged)."""

    id: int
    event: FeedbackEvent

    def to_json(self) -> dict[str, object]:
        e = self.event
        return {
            "id": self.id,
            "at": _format_time(e.at),
            "kind": e.kind,
            "report": e.report,
            "fact_ids": list(e.fact_ids),
            "confidence": e.confidence,
            "question": e.question,
        }


def _utc(at: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken to be UTC already."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _format_time(at: datetime) -> str:
    return _utc(at).isoformat(timespec="microseconds")


def _now() -> datetime:
    return datetime.now(UTC)


class _Database:
    """One SQLite connection to a feedback database, checked and migrated on open.

    Every use of the connection holds ``self._lock``, so one object may be shared by threads.
    """

    def __init__(self, path: Path, *, create: bool) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        if create:
            self._make_parent()
        elif not self.path.exists():
            raise FeedbackNotFound(self.path)
        if self.path.is_dir():
            raise FeedbackStoreError(
                f"The feedback database path {self.path} is a folder, not a file. "
                "Set FEEDBACK_DB_PATH (or --db) to a file path, e.g. .../feedback.sqlite3."
            )
        self._refuse_foreign()  # before anything could write to the file, or beside it
        if create:
            self._create_private()
        # A writer opens read-write (creating the file); a reader read-only (mode=ro opens an
        # existing file only and never writes, so it works on a read-only file too).
        uri = self.path.resolve().as_uri() + ("?mode=rwc" if create else "?mode=ro")
        try:
            conn = sqlite3.connect(
                uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise self._error("cannot be opened", exc) from exc
        self._conn = conn
        try:
            self._setup(conn, create=create)
        except BaseException:
            conn.close()
            self._conn = None
            raise

    def _make_parent(self) -> None:
        parent = self.path.parent
        try:
            if not parent.is_dir():
                parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise FeedbackStoreError(
                f"Cannot create the folder for the feedback database {self.path}: {exc.strerror or exc}. "
                "Set FEEDBACK_DB_PATH to a writable place, or FEEDBACK_ENABLED=false to keep no feedback."
            ) from exc

    def _refuse_foreign(self) -> None:
        """Refuse an existing file that is not a feedback database, before any write: the
        header is read as bytes, then (unless it carries our application id) the schema through
        a read-only, immutable connection, which takes no lock and creates no -wal, -shm or
        -journal file. Another program's database stays byte for byte as it was."""
        try:
            with open(self.path, "rb") as file:
                header = file.read(100)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise self._error("cannot be opened", exc) from exc
        if not header:
            return  # an empty file is an empty database
        if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
            raise self._error("cannot be read", sqlite3.DatabaseError("file is not a database"))
        if int.from_bytes(header[68:72], "big") == APPLICATION_ID:
            return
        try:
            look = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        except sqlite3.Error as exc:
            raise self._error("cannot be opened", exc) from exc
        try:
            blank = is_blank(look)
        except sqlite3.Error as exc:
            raise self._error("cannot be read", exc) from exc
        finally:
            look.close()
        if not blank:
            raise not_ours(self.path)

    def _create_private(self) -> None:
        """Create the file readable by this user only (it holds what users asked); SQLite gives
        its -wal and -shm files the same permissions. An empty file is an empty database."""
        try:
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass
        except OSError as exc:
            raise FeedbackStoreError(
                f"Cannot create the feedback database {self.path}: {exc.strerror or exc}. "
                "Set FEEDBACK_DB_PATH to a writable place, or FEEDBACK_ENABLED=false to keep no feedback."
            ) from exc

    def _error(self, what: str, exc: BaseException) -> FeedbackStoreError:
        """A clear error for a database that SQLite refuses, naming the file and the fix."""
        detail = str(exc)
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            return FeedbackStoreError(
                f"The feedback database {self.path} is damaged or not a SQLite database "
                f"(SQLite says: {detail}). Move it aside (reportbot starts a new one there), or set "
                "FEEDBACK_DB_PATH to another file."
            )
        return FeedbackStoreError(
            f"The feedback database {self.path} {what} (SQLite says: {detail}). Check that the file "
            "and its folder are writable by this user, or set FEEDBACK_DB_PATH to another file."
        )

    def _setup(self, conn: sqlite3.Connection, *, create: bool) -> None:
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            if not create:
                if is_blank(conn):  # an empty file: nothing recorded yet; left as it is
                    raise FeedbackNotFound(self.path)
                check_readable(conn, self.path)  # ours, and not from a newer reportbot
                problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
                self._check(problems)
                return
            mode = self._enable_wal(conn)
            if str(mode).lower() != "wal":
                log.warning("feedback database %s: journal mode is %s, not WAL", self.path, mode)
            # FULL: a commit is synced to disk before record() returns.
            conn.execute("PRAGMA synchronous = FULL")
            migrate(conn, self.path)
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        except FeedbackStoreError:
            raise
        except sqlite3.Error as exc:
            raise self._error("cannot be read", exc) from exc
        self._check(problems)

    def _check(self, problems: list[str]) -> None:
        if problems != ["ok"]:
            raise FeedbackStoreError(
                f"The feedback database {self.path} is damaged (SQLite integrity check: "
                f"{'; '.join(problems[:3])}). Move it aside (reportbot starts a new one there), "
                "or set FEEDBACK_DB_PATH to another file."
            )

    def _enable_wal(self, conn: sqlite3.Connection) -> str:
        """Switch to WAL; retried, because SQLite answers "locked" at once (without waiting
        for the busy timeout) while another process is creating the same database."""
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        delay = 0.005
        while True:
            try:
                return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
            except sqlite3.OperationalError as exc:
                busy = "locked" in str(exc) or "busy" in str(exc)
                if not busy or time.monotonic() > deadline:
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 0.1)

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise FeedbackStoreError(f"The feedback database {self.path} is closed.")
        return self._conn

    # Reading --------------------------------------------------------------------------------

    def events(self, *, declined_only: bool = False) -> Iterator[StoredFeedback]:
        """Every stored event, newest first (by time, then by id), optionally only declines.

        Rows are fetched a page at a time, so writers are never held up by a slow reader.
        """
        after: tuple[str, int] | None = None
        while True:
            conditions = ["kind = 'declined'"] if declined_only else []
            if after is not None:
                conditions.append("(at, id) < (?, ?)")
            sql = f"SELECT {_COLUMNS} FROM feedback"
            if conditions:
                sql += " WHERE " + " AND ".join(conditions)
            sql += f" ORDER BY at DESC, id DESC LIMIT {PAGE_SIZE}"
            args = after or ()
            with self._lock:
                try:
                    rows = self._connection().execute(sql, args).fetchall()
                except sqlite3.Error as exc:
                    raise self._error("cannot be read", exc) from exc
            for row in rows:
                yield _from_row(row)
            if len(rows) < PAGE_SIZE:
                return
            after = (rows[-1][1], rows[-1][0])

    def counts(self) -> dict[Kind, int]:
        """How many events of each kind are stored (every kind present, 0 when none)."""
        with self._lock:
            try:
                rows = (
                    self._connection().execute("SELECT kind, count(*) FROM feedback GROUP BY kind").fetchall()
                )
            except sqlite3.Error as exc:
                raise self._error("cannot be read", exc) from exc
        found = dict(rows)
        return {kind: int(found.get(kind, 0)) for kind in KINDS}

    def close(self) -> None:
        """Close the connection (SQLite folds the write-ahead log into the file). Idempotent."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> _Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _from_row(row: tuple[Any, ...]) -> StoredFeedback:
    rid, at, kind, question, report, fact_ids, confidence = row
    event = FeedbackEvent(
        kind=kind,
        question=question,
        report=report,
        fact_ids=tuple(json.loads(fact_ids)),
        confidence=confidence,
        at=datetime.fromisoformat(at),
    )
    return StoredFeedback(id=rid, event=event)


class SqliteFeedbackStore(_Database):
    """The feedback sink the Discord bot writes to; safe to share between threads.

    Opening creates the file (and its folder) if needed, migrates the schema, and prunes rows
    older than ``retention_days``. ``record`` commits one transaction per event.
    """

    def __init__(
        self,
        path: Path,
        retention_days: int,
        *,
        clock: Callable[[], datetime] = _now,
        prune_every: int = PRUNE_EVERY_WRITES,
    ) -> None:
        if isinstance(retention_days, bool) or not isinstance(retention_days, int) or retention_days < 1:
            raise FeedbackStoreError(
                f"Feedback retention must be a whole number of days, at least 1 (got {retention_days!r}). "
                "Set FEEDBACK_RETENTION_DAYS accordingly, or FEEDBACK_ENABLED=false to keep no feedback."
            )
        self.retention = timedelta(days=retention_days)
        self._clock = clock
        self._prune_every = max(1, prune_every)
        self._writes_since_prune = 0
        self._last_prune = clock()
        super().__init__(path, create=True)
        self.prune()

    def record(self, event: FeedbackEvent) -> None:
        """Store one event; returns once it is committed and synced to disk.

        Raises ``FeedbackStoreError`` (an ``OSError``) when it cannot be stored.
        """
        if event.kind not in KINDS:
            raise ValueError(f"unknown feedback kind {event.kind!r}; expected one of {', '.join(KINDS)}")
        values = (
            _format_time(event.at),
            event.kind,
            event.question,
            event.report,
            json.dumps([str(f) for f in event.fact_ids]),
            None if event.confidence is None else float(event.confidence),
        )
        with self._lock:
            conn = self._connection()
            try:
                # One transaction per write; IMMEDIATE takes the write lock up front, so a busy
                # database is waited for (busy timeout) instead of failing half-way.
                with write_transaction(conn):
                    conn.execute(
                        "INSERT INTO feedback (at, kind, question, report, fact_ids, confidence) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        values,
                    )
            except sqlite3.Error as exc:
                raise self._error("could not store feedback", exc) from exc
            self._writes_since_prune += 1
            due = (
                self._writes_since_prune >= self._prune_every
                or self._clock() - self._last_prune >= PRUNE_INTERVAL
            )
        if due:
            try:
                self.prune()
            except FeedbackStoreError as exc:  # the event is stored; pruning is retried later
                log.warning("pruning old feedback failed: %s", exc)

    def prune(self) -> int:
        """Delete events older than the retention period; returns how many were deleted."""
        cutoff = _format_time(_utc(self._clock()) - self.retention)
        with self._lock:
            conn = self._connection()
            try:
                with write_transaction(conn):
                    deleted = conn.execute("DELETE FROM feedback WHERE at < ?", (cutoff,)).rowcount
            except sqlite3.Error as exc:
                raise self._error("could not be pruned", exc) from exc
            self._writes_since_prune = 0
            self._last_prune = self._clock()
        if deleted:
            log.info("feedback database %s: pruned %d event(s) older than %s", self.path, deleted, cutoff)
        return int(deleted)

    def __enter__(self) -> SqliteFeedbackStore:
        return self


class FeedbackReader(_Database):
    """Read-only use of an existing feedback database (``reportbot feedback``).

    Never creates a file: a missing one raises ``FeedbackNotFound``. Prunes nothing.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(path, create=False)

    def __enter__(self) -> FeedbackReader:
        return self
