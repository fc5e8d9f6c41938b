"""The feedback store: round trips, durability under SIGKILL, concurrent writers, retention,
and clear errors. Every database lives in tmp_path; conftest points the default path there too."""

from __future__ import annotations

import asyncio
import os
import queue
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.core.errors import ReportbotError
from bot.feedback import migrations
from bot.feedback import store as feedback_store
from bot.feedback.errors import FeedbackNotFound, FeedbackStoreError
from bot.feedback.events import MAX_STORED_QUESTION_CHARS, DisabledSink, FeedbackEvent, FeedbackSink
from bot.feedback.sink import database_path, open_sink
from bot.feedback.store import FEEDBACK_DB_ENV, FeedbackReader, SqliteFeedbackStore, default_feedback_path
from bot.settings import FeedbackSettings, load_feedback_location

WRITER = Path(__file__).with_name("feedback_writer.py")
#: Every wait on another process is bounded by this (seconds).
WAIT = 60.0
#: Acknowledgements read from the writer before each SIGKILL, and how many kill rounds.
ACKS_BEFORE_KILL = 300
KILL_ROUNDS = 3

T0 = datetime(2025, 10, 1, 12, 0, 0, 123456, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "feedback.sqlite3"


@pytest.fixture
def store(db: Path) -> Iterator[SqliteFeedbackStore]:
    with SqliteFeedbackStore(db, retention_days=30) as s:
        yield s


def ev(question: str, kind: str = "declined", at: datetime | None = None, **kw: object) -> FeedbackEvent:
    return FeedbackEvent(kind, question, at=at or datetime.now(UTC), **kw)  # type: ignore[arg-type]


def questions(path: Path) -> list[str]:
    with FeedbackReader(path) as reader:
        return [item.event.question for item in reader.events()]


# --- round trip and layout -------------------------------------------------------------------


def test_round_trip_keeps_every_field(store: SqliteFeedbackStore) -> None:
    now = datetime.now(UTC)
    sent = [
        FeedbackEvent(
            "helpful", "Who leads the team?", "korea-cambodia-task-force", ("lead", "team"), 0.93, now
        ),
        FeedbackEvent("unhelpful", "누가 팀을 이끄나요? 🙂", None, (), None, now + timedelta(seconds=1)),
        FeedbackEvent("declined", "'; DROP TABLE feedback; --", "r", ("x",), 0.0, now + timedelta(seconds=2)),
    ]
    for e in sent:
        store.record(e)
    got = list(store.events())
    assert [item.event for item in got] == sent[::-1]  # newest first, every field equal
    assert [item.id for item in got] == [3, 2, 1]
    assert store.counts() == {"helpful": 1, "unhelpful": 1, "declined": 1, "uncertain": 0}
    assert [item.event.question for item in store.events(declined_only=True)] == [
        "'; DROP TABLE feedback; --"
    ]


def test_store_is_a_feedback_sink(store: SqliteFeedbackStore) -> None:
    assert isinstance(store, FeedbackSink)
    assert isinstance(DisabledSink(), FeedbackSink)


def test_times_are_stored_in_utc(store: SqliteFeedbackStore) -> None:
    seoul = datetime(2025, 10, 1, 21, 0, tzinfo=UTC).astimezone(timezone_kst())
    store.record(ev("aware", at=seoul))
    store.record(ev("naive is utc", at=datetime(2025, 10, 1, 12, 0, 1)))
    got = {item.event.question: item.event.at for item in store.events()}
    assert got["aware"] == datetime(2025, 10, 1, 21, 0, tzinfo=UTC) and got["aware"].tzinfo == UTC
    assert got["naive is utc"] == datetime(2025, 10, 1, 12, 0, 1, tzinfo=UTC)


def timezone_kst() -> object:
    from datetime import timezone

    return timezone(timedelta(hours=9))


def test_newest_first_across_pages(store: SqliteFeedbackStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feedback_store, "PAGE_SIZE", 7)
    now = datetime.now(UTC)
    # Recorded out of time order, with ties on the same instant (broken by id, newest first).
    for i in range(40):
        store.record(ev(f"q{i}", kind="declined" if i % 2 else "helpful", at=now - timedelta(minutes=i % 10)))
    got = list(store.events())
    assert len(got) == 40 and len({item.id for item in got}) == 40
    keys = [(item.event.at, item.id) for item in got]
    assert keys == sorted(keys, reverse=True)
    declined = list(store.events(declined_only=True))
    assert len(declined) == 20 and all(item.event.kind == "declined" for item in declined)


def test_wal_mode_synced_commits_and_a_schema_version(store: SqliteFeedbackStore, db: Path) -> None:
    store.record(ev("one"))
    other = sqlite3.connect(db)
    try:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert other.execute("PRAGMA user_version").fetchone()[0] == migrations.schema_version() >= 1
        assert other.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    finally:
        other.close()
    assert store._conn is not None
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_no_column_for_user_ids(store: SqliteFeedbackStore, db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        columns = {r[1] for r in conn.execute("PRAGMA table_info(feedback)")}
    finally:
        conn.close()
    assert tables == ["feedback"]
    assert columns == {"id", "at", "kind", "question", "report", "fact_ids", "confidence"}
    assert not any(word in c for c in columns for word in ("user", "author", "member", "guild", "channel"))


def test_question_is_capped_once_and_the_schema_refuses_longer(store: SqliteFeedbackStore) -> None:
    capped = FeedbackEvent("declined", "a" * 5000)
    assert len(capped.question) == MAX_STORED_QUESTION_CHARS and capped.question.endswith("…")
    store.record(capped)
    forged = FeedbackEvent("declined", "b")
    object.__setattr__(forged, "question", "b" * 5000)  # an event that skipped the cap
    with pytest.raises(FeedbackStoreError):
        store.record(forged)
    assert [item.event.question for item in store.events()] == [capped.question]


def test_unknown_kind_is_refused(store: SqliteFeedbackStore) -> None:
    with pytest.raises(ValueError, match="unknown feedback kind"):
        store.record(FeedbackEvent("angry", "q"))  # type: ignore[arg-type]
    assert store.counts() == {"helpful": 0, "unhelpful": 0, "declined": 0, "uncertain": 0}


def test_database_file_is_private(store: SqliteFeedbackStore, db: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    store.record(ev("one"))
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.with_name(db.name + "-wal").stat().st_mode) == 0o600


def test_ids_are_never_reused_after_pruning(db: Path) -> None:
    old = datetime.now(UTC) - timedelta(days=100)
    with SqliteFeedbackStore(db, retention_days=30) as store:
        for i in range(3):
            store.record(ev(f"old{i}", at=old))
        assert store.prune() == 3
        store.record(ev("new"))
        assert [item.id for item in store.events()] == [4]


def test_close_is_idempotent_and_record_after_close_is_a_clear_error(db: Path) -> None:
    store = SqliteFeedbackStore(db, retention_days=30)
    store.record(ev("kept"))
    store.close()
    store.close()
    with pytest.raises(FeedbackStoreError, match="closed"):
        store.record(ev("late"))
    assert questions(db) == ["kept"]


# --- retention -------------------------------------------------------------------------------


def test_old_rows_are_pruned_at_open(db: Path) -> None:
    now = datetime.now(UTC)
    with SqliteFeedbackStore(db, retention_days=30) as store:
        store.record(ev("40 days old", at=now - timedelta(days=40)))
        store.record(ev("29 days old", at=now - timedelta(days=29)))
        store.record(ev("today", at=now))
        assert store.counts()["declined"] == 3  # recorded as given; pruned later
    with SqliteFeedbackStore(db, retention_days=30):
        pass
    assert questions(db) == ["today", "29 days old"]
    with SqliteFeedbackStore(db, retention_days=7):
        pass
    assert questions(db) == ["today"]


def test_pruning_runs_every_n_writes_and_every_hour(db: Path) -> None:
    clock = [T0]
    with SqliteFeedbackStore(db, retention_days=1, clock=lambda: clock[0], prune_every=5) as store:
        store.record(ev("stale", at=T0 - timedelta(days=2)))
        for i in range(3):
            store.record(ev(f"fresh{i}", at=T0))
        assert "stale" in questions(db)  # 4 writes: not yet
        store.record(ev("fifth", at=T0))
        assert "stale" not in questions(db)  # the 5th write pruned
        # Few writes, but time passes: the first write after an hour prunes.
        store.record(ev("old again", at=T0 - timedelta(days=3)))
        clock[0] = T0 + timedelta(minutes=61)
        store.record(ev("later", at=clock[0]))
        assert "old again" not in questions(db)
        assert len(questions(db)) == 5


@pytest.mark.parametrize("days", [0, -1, True, 1.5])
def test_retention_must_be_whole_days(db: Path, days: object) -> None:
    with pytest.raises(FeedbackStoreError, match="FEEDBACK_RETENTION_DAYS"):
        SqliteFeedbackStore(db, retention_days=days)  # type: ignore[arg-type]
    assert not db.exists()


# --- threads and processes -------------------------------------------------------------------


def test_many_threads_write_through_one_store(store: SqliteFeedbackStore, db: Path) -> None:
    threads, per_thread = 8, 100
    start = threading.Barrier(threads)
    errors: list[BaseException] = []

    def work(t: int) -> None:
        try:
            start.wait(timeout=WAIT)
            for i in range(per_thread):
                store.record(ev(f"t{t}-{i}", kind=("helpful", "unhelpful", "declined")[i % 3]))
        except BaseException as exc:
            errors.append(exc)

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=WAIT)
    assert not errors and not any(w.is_alive() for w in workers)
    stored = questions(db)
    assert len(stored) == threads * per_thread
    assert set(stored) == {f"t{t}-{i}" for t in range(threads) for i in range(per_thread)}


async def test_recording_from_worker_threads_as_the_bot_does(store: SqliteFeedbackStore) -> None:
    await asyncio.gather(*(asyncio.to_thread(store.record, ev(f"async{i}")) for i in range(50)))
    assert store.counts()["declined"] == 50


class Lines:
    """The lines a process prints, read by a thread so every wait can have a timeout."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.queue: queue.Queue[str | None] = queue.Queue()
        assert proc.stdout is not None
        stdout = proc.stdout
        self.thread = threading.Thread(target=self._pump, args=(stdout,), daemon=True)
        self.thread.start()

    def _pump(self, stdout: object) -> None:
        for line in stdout:  # type: ignore[attr-defined]
            self.queue.put(line.rstrip("\n"))
        self.queue.put(None)

    def next(self) -> str | None:
        """The next line, or None at end of output; fails the test after WAIT seconds."""
        try:
            return self.queue.get(timeout=WAIT)
        except queue.Empty:
            pytest.fail(f"no output from the writer process within {WAIT} s")

    def rest(self) -> list[str]:
        """Every line until the process's output ends."""
        lines = []
        while (line := self.next()) is not None:
            lines.append(line)
        return lines


def start_writer(*args: str, stdin: int | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=WAIT)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_every_acknowledged_write_survives_sigkill(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    acknowledged: list[str] = []
    for round_ in range(KILL_ROUNDS):
        prefix = f"round{round_}"
        proc = start_writer("loop", str(db), prefix)
        try:
            lines = Lines(proc)
            acks = []
            while len(acks) < ACKS_BEFORE_KILL:
                line = lines.next()
                if line is None:
                    pytest.fail(f"the writer stopped early: {proc.stderr.read() if proc.stderr else ''}")
                acks.append(line)
            os.kill(proc.pid, signal.SIGKILL)  # mid-stream: the writer never pauses
            proc.wait(timeout=WAIT)
            acks += lines.rest()  # printed before the kill: acknowledged too
        finally:
            stop(proc)
        assert proc.returncode == -signal.SIGKILL
        assert acks == [str(i) for i in range(len(acks))]
        acknowledged += [f"{prefix}-{seq}" for seq in acks]

    # "Restart": open the database again, as the bot would.
    with SqliteFeedbackStore(db, retention_days=30) as store:
        assert store._conn is not None
        assert store._conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        found = {item.event.question for item in store.events()}
    lost = [q for q in acknowledged if q not in found]
    assert not lost, f"{len(lost)} acknowledged writes lost, e.g. {lost[:5]}"
    # At most one unacknowledged write per round may also be there (stored, killed before the ack).
    assert len(found) - len(acknowledged) <= KILL_ROUNDS
    with capsys.disabled():
        print(
            f"\n[kill test] {KILL_ROUNDS} SIGKILLs: {len(acknowledged)} writes acknowledged, "
            f"{len(acknowledged) - len(lost)} found after restart, lost: {len(lost)}, "
            f"stored but not yet acknowledged: {len(found) - len(acknowledged)}, integrity_check: ok"
        )


def test_two_writer_processes_lose_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "fresh" / "feedback.sqlite3"  # both processes create it at the same moment
    per_process = 300
    procs = [start_writer("burst", str(db), name, str(per_process), stdin=subprocess.PIPE) for name in "ab"]
    try:
        outputs = [Lines(p) for p in procs]
        for lines in outputs:
            assert lines.next() == "ready"
        for p in procs:
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        for p, lines in zip(procs, outputs, strict=True):
            assert lines.next() == f"done {per_process}", p.stderr.read() if p.stderr else ""
            p.wait(timeout=WAIT)
            assert p.returncode == 0
    finally:
        for p in procs:
            stop(p)
    stored = questions(db)
    expected = {f"{name}-{i}" for name in "ab" for i in range(per_process)}
    assert len(stored) == 2 * per_process and set(stored) == expected
    with capsys.disabled():
        print(f"\n[concurrency test] 2 processes x {per_process} writes: {len(stored)} stored, lost: 0")


# --- errors ----------------------------------------------------------------------------------


def assert_clear(exc: pytest.ExceptionInfo[FeedbackStoreError], path: Path) -> None:
    assert isinstance(exc.value, ReportbotError) and isinstance(exc.value, OSError)
    assert str(path) in str(exc.value)


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(FeedbackStoreError, match="is a folder") as exc:
        SqliteFeedbackStore(tmp_path, retention_days=30)
    assert_clear(exc, tmp_path)


def test_a_path_under_a_file_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(FeedbackStoreError, match="FEEDBACK_DB_PATH") as exc:
        SqliteFeedbackStore(blocker / "feedback.sqlite3", retention_days=30)
    assert_clear(exc, blocker / "feedback.sqlite3")


def test_an_empty_file_becomes_a_store(db: Path) -> None:
    db.parent.mkdir()
    db.touch()
    with SqliteFeedbackStore(db, retention_days=30) as store:
        store.record(ev("first"))
    assert questions(db) == ["first"]


def test_a_file_that_is_not_sqlite_is_refused_and_kept(tmp_path: Path) -> None:
    junk = tmp_path / "feedback.sqlite3"
    junk.write_text("these are my notes, not a database\n" * 200)
    before = junk.read_bytes()
    with pytest.raises(FeedbackStoreError, match="damaged or not a SQLite database") as exc:
        SqliteFeedbackStore(junk, retention_days=30)
    assert_clear(exc, junk)
    assert "Move it aside" in str(exc.value)
    assert junk.read_bytes() == before


def test_a_damaged_database_is_refused(db: Path) -> None:
    with SqliteFeedbackStore(db, retention_days=30) as store:
        for i in range(2000):
            store.record(ev(f"question number {i} " + "x" * 100))
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 10 * page
    data[3 * page : 6 * page] = b"\xa5" * (3 * page)  # clobber b-tree pages, keep the header
    db.write_bytes(bytes(data))
    with pytest.raises(FeedbackStoreError, match="damaged") as exc:
        FeedbackReader(db)
    assert_clear(exc, db)
    with pytest.raises(FeedbackStoreError, match="damaged"):
        SqliteFeedbackStore(db, retention_days=30)


def test_another_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "app.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE users (id INTEGER, name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(FeedbackStoreError, match="not a reportbot feedback database") as exc:
        SqliteFeedbackStore(other, retention_days=30)
    assert_clear(exc, other)
    conn = sqlite3.connect(other)
    try:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["users"]
    finally:
        conn.close()


def test_a_database_from_a_newer_version_is_refused(db: Path) -> None:
    SqliteFeedbackStore(db, retention_days=30).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(FeedbackStoreError, match="newer reportbot"):
        SqliteFeedbackStore(db, retention_days=30)


def test_opening_migrates_an_older_schema(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with SqliteFeedbackStore(db, retention_days=30) as store:
        store.record(ev("from version 1"))
    version = migrations.schema_version()
    steps = dict(migrations.MIGRATIONS)
    steps[version + 1] = ("ALTER TABLE feedback ADD COLUMN channel_kind TEXT",)
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    with SqliteFeedbackStore(db, retention_days=30) as store:
        store.record(ev("from version 2"))
        assert [item.event.question for item in store.events()] == ["from version 2", "from version 1"]
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version + 1
        assert "channel_kind" in {r[1] for r in conn.execute("PRAGMA table_info(feedback)")}
    finally:
        conn.close()


def test_a_failed_migration_changes_nothing(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with SqliteFeedbackStore(db, retention_days=30) as store:
        store.record(ev("kept"))
    version = migrations.schema_version()
    steps = dict(migrations.MIGRATIONS)
    steps[version + 1] = ("ALTER TABLE feedback ADD COLUMN extra TEXT", "THIS IS NOT SQL")
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    with pytest.raises(FeedbackStoreError):
        SqliteFeedbackStore(db, retention_days=30)
    monkeypatch.undo()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        assert "extra" not in {r[1] for r in conn.execute("PRAGMA table_info(feedback)")}
    finally:
        conn.close()
    assert questions(db) == ["kept"]


def test_the_reader_creates_nothing_and_prunes_nothing(db: Path) -> None:
    with pytest.raises(FeedbackNotFound, match="no feedback recorded yet at"):
        FeedbackReader(db)
    assert not db.exists() and not db.parent.exists()
    db.parent.mkdir()
    db.touch()  # an empty file is an empty database: the reader leaves it empty
    with pytest.raises(FeedbackNotFound):
        FeedbackReader(db)
    assert db.stat().st_size == 0 and sorted(p.name for p in db.parent.iterdir()) == [db.name]
    with SqliteFeedbackStore(db, retention_days=30) as store:
        store.record(ev("ancient", at=datetime.now(UTC) - timedelta(days=400)))
    assert questions(db) == ["ancient"]


# --- where it lives, and turning it off -------------------------------------------------------


def test_tests_never_use_the_real_default_path(tmp_path_factory: pytest.TempPathFactory) -> None:
    default = default_feedback_path()
    assert default == Path(os.environ[FEEDBACK_DB_ENV])
    assert Path(tmp_path_factory.getbasetemp()) in default.parents


def test_default_path_is_in_the_user_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(FEEDBACK_DB_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    path = default_feedback_path()
    assert path.name == "feedback.sqlite3" and path.parent.name == "reportbot"
    if sys.platform.startswith("linux"):
        assert path == tmp_path / "xdg" / "reportbot" / "feedback.sqlite3"
    assert not (tmp_path / "xdg").exists()  # computing it creates nothing
    monkeypatch.setenv(FEEDBACK_DB_ENV, str(tmp_path / "elsewhere.sqlite3"))
    assert default_feedback_path() == tmp_path / "elsewhere.sqlite3"


def settings(**values: object) -> FeedbackSettings:
    return FeedbackSettings(_env_file=None, **values)  # type: ignore[call-arg]


def test_turned_off_creates_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = tmp_path / "default" / "feedback.sqlite3"
    monkeypatch.setenv(FEEDBACK_DB_ENV, str(default))
    for path in (tmp_path / "set" / "feedback.sqlite3", None):
        sink = open_sink(settings(feedback_enabled=False, feedback_db_path=path))
        assert isinstance(sink, DisabledSink)
        sink.record(ev("dropped"))
        sink.close()
    assert list(tmp_path.iterdir()) == []


def test_turned_on_opens_the_given_or_default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = tmp_path / "default" / "feedback.sqlite3"
    monkeypatch.setenv(FEEDBACK_DB_ENV, str(default))
    given = tmp_path / "given" / "feedback.sqlite3"
    for path, expected in ((given, given), (None, default)):
        sink = open_sink(settings(feedback_db_path=path, feedback_retention_days=30))
        assert isinstance(sink, SqliteFeedbackStore) and sink.path == expected
        sink.record(ev("kept"))
        sink.close()
        assert questions(expected) == ["kept"]


def test_the_path_setting_is_read_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FEEDBACK_DB_PATH", str(tmp_path / "set.sqlite3"))
    assert database_path(settings()) == tmp_path / "set.sqlite3"
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("FEEDBACK_DB_PATH", "~/fb.sqlite3")
    assert database_path(settings()) == tmp_path / "fb.sqlite3"


def test_reportbot_feedback_reads_only_where_the_database_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FEEDBACK_DB_PATH", str(tmp_path / "set.sqlite3"))
    monkeypatch.setenv("FEEDBACK_RETENTION_DAYS", "0")  # invalid for the bot, irrelevant for reading
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"FEEDBACK_DB_PATH={tmp_path / 'from-dotenv.sqlite3'}\n")
    assert database_path(load_feedback_location()) == tmp_path / "set.sqlite3"
    monkeypatch.delenv("FEEDBACK_DB_PATH")
    assert database_path(load_feedback_location()) == default_feedback_path(), ".env is not read"


# --- another program's database and read-only files --------------------------------------------
def _other_programs_database(path: Path, journal_mode: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    conn.execute("CREATE TABLE users (id INTEGER, name TEXT)")
    conn.execute("INSERT INTO users VALUES (1, 'ada')")
    conn.commit()
    conn.close()  # the last connection folds and removes any -wal and -shm


@pytest.mark.parametrize("journal_mode", ["DELETE", "WAL", "TRUNCATE"])
def test_another_programs_database_stays_byte_for_byte_the_same(tmp_path: Path, journal_mode: str) -> None:
    other = tmp_path / "app.db"
    _other_programs_database(other, journal_mode)
    before = other.read_bytes()
    files = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(FeedbackStoreError, match="not a reportbot feedback database"):
        SqliteFeedbackStore(other, retention_days=30)
    with pytest.raises(FeedbackStoreError, match="not a reportbot feedback database"):
        FeedbackReader(other)
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files  # no -wal, -shm or -journal created
    assert not {"app.db-wal", "app.db-shm"} & set(files)


def test_the_reader_opens_read_only_and_reads_a_read_only_file(db: Path) -> None:
    with SqliteFeedbackStore(db, retention_days=30) as store:
        store.record(ev("kept"))
    before = db.read_bytes()
    db.chmod(0o444)
    try:
        with FeedbackReader(db) as reader:
            assert [item.event.question for item in reader.events()] == ["kept"]
            assert reader.counts()["declined"] == 1
            # Read-only for SQLite itself, so this holds even for a user who may write any file.
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                reader._connection().execute("DELETE FROM feedback")
    finally:
        db.chmod(0o600)
    assert db.read_bytes() == before
