"""The cache of analysed reports: a second load reads the entry, answers the same, and any change
to the report's files or to the code makes a new one; a broken or foreign entry is never used."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import cache as cache_module
from bot.core import engine as engine_module
from bot.core.cache import CACHE_ENV, IndexCache, cache_dir, code_fingerprint
from bot.core.engine import Engine
from tests.core.drafted import drafted_engine

ARTICLE = (
    "Orbis Freight said on Monday it would cut 120 jobs at its plant in Bergen.\n"
    "Chief Executive Ana Ruiz said the cuts would save $14 million a year.\n"
    "The plant opened in 2009 and makes cargo cranes.\n"
)
QUESTIONS = ["how many jobs will be cut?", "who is the chief executive?", "when did the plant open?", "why?"]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    drafted_engine(ARTICLE, "orbis", root)
    return root


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The reports analysed afresh (not read from the cache), in order."""
    built: list[str] = []
    real = engine_module.index_for

    def counting(base):  # type: ignore[no-untyped-def]
        built.append(base.id)
        return real(base)

    monkeypatch.setattr(engine_module, "index_for", counting)
    return built


def _answers(engine: Engine) -> list[object]:
    return [engine.ask(q) for q in QUESTIONS]


def test_a_second_load_reads_the_entry_and_answers_the_same(data_dir: Path, cache_folder: Path, builds: list[str]) -> None:
    first = Engine.load(data_dir)
    assert builds == ["orbis"] and len(list(cache_folder.glob("orbis-*.pickle"))) == 1
    second = Engine.load(data_dir)
    assert builds == ["orbis"]  # not analysed again
    assert _answers(second) == _answers(first)
    assert second.ask("how many jobs will be cut?").answered


def test_an_edited_report_is_analysed_again_and_replaces_its_entry(
    data_dir: Path, cache_folder: Path, builds: list[str]
) -> None:
    Engine.load(data_dir)
    for path in (data_dir / "seeds" / "orbis.txt", data_dir / "knowledge" / "orbis" / "drafted.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("120 jobs", "150 jobs"), encoding="utf-8")
    engine = Engine.load(data_dir)
    assert builds == ["orbis", "orbis"]
    assert "150" in engine.ask("how many jobs will be cut?").answer
    assert len(list(cache_folder.glob("orbis-*.pickle"))) == 1  # the old entry is gone


def test_a_new_knowledge_file_makes_a_new_key(data_dir: Path, cache_folder: Path, builds: list[str]) -> None:
    Engine.load(data_dir)
    (data_dir / "knowledge" / "orbis" / "notes.yaml").write_text("facts: []\n", encoding="utf-8")
    Engine.load(data_dir)
    assert builds == ["orbis", "orbis"]


def test_a_broken_entry_is_ignored_and_rewritten(data_dir: Path, cache_folder: Path, builds: list[str]) -> None:
    reference = _answers(Engine.load(data_dir))
    [entry] = cache_folder.glob("orbis-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert _answers(Engine.load(data_dir)) == reference
    assert builds == ["orbis", "orbis"]
    Engine.load(data_dir)
    assert builds == ["orbis", "orbis"]  # the rewritten entry is good


def test_an_entry_of_another_report_is_not_used(tmp_path: Path, cache_folder: Path) -> None:
    root = tmp_path / "two"
    drafted_engine(ARTICLE, "orbis", root)
    drafted_engine(ARTICLE.replace("Orbis", "Vela"), "vela", root)
    Engine.load(root)
    [orbis] = cache_folder.glob("orbis-*.pickle")
    [vela] = cache_folder.glob("vela-*.pickle")
    vela.write_bytes(orbis.read_bytes())  # the right name, the wrong report inside
    engine = Engine.load(root)
    assert engine.fact_base("vela").id == "vela"
    assert "Vela" in engine.fact_base("vela").report.sentences[0].text


def test_the_cache_can_be_turned_off(data_dir: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for value in ("off", "OFF", "none", "0", ""):
        monkeypatch.setenv(CACHE_ENV, value)
        assert cache_dir() is None
    Engine.load(data_dir)
    assert not cache_folder.exists()  # the folder the cache would have used


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "reportbot"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "reportbot"


def test_an_unwritable_cache_folder_still_loads(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert Engine.load(data_dir).ask("how many jobs will be cut?").answered
    assert list(tmp_path.glob("**/*.tmp")) == []


def test_the_code_fingerprint_changes_with_any_byte_of_the_code(tmp_path: Path) -> None:
    import os

    code = tmp_path / "code"
    (code / "data").mkdir(parents=True)
    (code / "a.py").write_text("x = 1\n", encoding="utf-8")
    table = code / "data" / "table.txt"
    table.write_text("one\n", encoding="utf-8")
    before = code_fingerprint(code)
    assert code_fingerprint(code) == before
    stat = table.stat()
    table.write_text("two\n", encoding="utf-8")  # the same size ...
    os.utime(table, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # ... and modification time
    assert code_fingerprint(code) != before


def test_files_the_loader_does_not_read_do_not_change_the_key(data_dir: Path, cache_folder: Path, builds: list[str]) -> None:
    Engine.load(data_dir)
    (data_dir / "knowledge" / "orbis" / "notes.txt").write_text("a curator's notes\n", encoding="utf-8")
    Engine.load(data_dir)
    assert builds == ["orbis"]


def test_a_temporary_file_a_killed_writer_left_is_removed(data_dir: Path, cache_folder: Path) -> None:
    import os
    import time

    Engine.load(data_dir)
    left = cache_folder / "tmpabc.tmp"
    left.write_bytes(b"half an entry")
    hours_ago = time.time() - 2 * cache_module.TMP_SECONDS
    os.utime(left, (hours_ago, hours_ago))
    (data_dir / "knowledge" / "orbis" / "extra.yaml").write_text("facts: []\n", encoding="utf-8")
    Engine.load(data_dir)  # writes a new entry, and tidies the folder
    assert not left.exists()


def test_entries_of_the_same_report_in_two_data_folders_are_kept_apart(
    tmp_path: Path, cache_folder: Path, builds: list[str]
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    drafted_engine(ARTICLE, "orbis", one)
    drafted_engine(ARTICLE.replace("120", "90"), "orbis", two)
    builds.clear()
    Engine.load(one)
    Engine.load(two)
    assert len(list(cache_folder.glob("orbis-*.pickle"))) == 2
    assert "90" in Engine.load(two).ask("how many jobs will be cut?").answer
    assert "120" in Engine.load(one).ask("how many jobs will be cut?").answer
    assert builds == ["orbis", "orbis"]


def test_a_cache_for_a_folder_uses_the_given_fingerprint(data_dir: Path, tmp_path: Path) -> None:
    cache = IndexCache(data_dir, tmp_path / "c", fingerprint="code-A")
    other = IndexCache(data_dir, tmp_path / "c", fingerprint="code-B")
    assert cache._key("orbis") != other._key("orbis")


def test_an_entry_others_could_have_written_is_never_read(data_dir: Path, cache_folder: Path, builds: list[str]) -> None:
    Engine.load(data_dir)
    [entry] = cache_folder.glob("orbis-*.pickle")
    entry.chmod(0o666)
    Engine.load(data_dir)
    assert builds == ["orbis", "orbis"]  # analysed again, not read


def test_a_cache_folder_others_can_write_is_never_read(data_dir: Path, cache_folder: Path, builds: list[str]) -> None:
    Engine.load(data_dir)
    cache_folder.chmod(0o777)
    Engine.load(data_dir)
    assert builds == ["orbis", "orbis"]


def test_the_cache_folder_is_made_private_and_a_tilde_is_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv(CACHE_ENV, "~/rb-cache")
    assert cache_dir() == tmp_path / "home" / "rb-cache"
    Engine.load(data_dir)
    assert (tmp_path / "home" / "rb-cache").stat().st_mode & 0o777 == 0o700
