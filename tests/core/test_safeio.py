"""Hostile knowledge files: each attack is refused with one message naming the file, never a
traceback, a hang, a flood of memory, or a print of a file outside the data folder.

Every attack is tried through the public loader (``load_data_dir``, ``load_fact_base``) and
through ``bot.core.safeio`` directly. A hang is caught by the per-test timeout.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core import safeio
from bot.core.errors import KnowledgeError, ReportbotError
from bot.core.knowledge import load_data_dir, load_fact_base
from bot.core.safeio import UnsafeFile, load_yaml, read_text

from ..conftest import REPORT_ID

KNOWLEDGE = f"knowledge/{REPORT_ID}"
# The classic "billion laughs": 415 bytes that expand to 10^9 strings.
ALIAS_BOMB = (
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
    "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
    "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n"
)
DEEP_FLOW = "facts: " + "[" * 999 + "]" * 999 + "\n"
DEEP_BLOCK = "facts:\n" + "".join(" " * (i + 1) + "- k:\n" for i in range(0, 2000, 2))
HUGE_INT = "facts:\n  - id: " + "9" * 100_000 + "\n"
SECRET = "SECRET-7f3a: the content of a private file"


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_data_dir(data_dir)
    return [str(p) for p in caught.value.problems]


def only_problem(data_dir: Path, name: str) -> str:
    [problem] = problems_of(data_dir)
    assert problem.startswith(f"{KNOWLEDGE}/{name}"), problem
    assert "Traceback" not in problem
    return problem


# --- YAML ---------------------------------------------------------------------------------------


def test_alias_bomb_is_refused(make_data_dir: Callable[..., Path]) -> None:
    assert len(ALIAS_BOMB.encode()) < 420
    problem = only_problem(make_data_dir({f"{KNOWLEDGE}/zz.yaml": ALIAS_BOMB}), "zz.yaml:")
    assert f"more than {safeio.MAX_YAML_NODES:,} values" in problem
    with pytest.raises(UnsafeFile, match="alias"):
        load_yaml(ALIAS_BOMB, file="zz.yaml")


def test_many_aliases_to_one_big_list_count_as_copies() -> None:
    big = "a: &a [" + ", ".join(["x"] * 1000) + "]\nb: [" + ", ".join(["*a"] * 200) + "]\n"
    with pytest.raises(UnsafeFile, match="expands to more than"):
        load_yaml(big, file="zz.yaml")


def test_recursive_alias_is_refused() -> None:
    with pytest.raises(UnsafeFile, match="refers to a node that contains it"):
        load_yaml("a: &a [1, *a]\n", file="zz.yaml")


@pytest.mark.parametrize("text", [DEEP_FLOW, DEEP_BLOCK], ids=["flow", "block"])
def test_deep_nesting_is_refused(make_data_dir: Callable[..., Path], text: str) -> None:
    problem = only_problem(make_data_dir({f"{KNOWLEDGE}/zz.yaml": text}), "zz.yaml:")
    assert f"nested more than {safeio.MAX_YAML_DEPTH} deep" in problem
    with pytest.raises(UnsafeFile, match="nested more than"):
        load_yaml(text, file="zz.yaml")


def test_nesting_through_an_alias_counts() -> None:
    text = "a: &a " + "[" * 30 + "]" * 30 + "\nb: " + "[" * 30 + "*a" + "]" * 30 + "\n"
    with pytest.raises(UnsafeFile, match="nested more than"):
        load_yaml(text, file="zz.yaml")


def test_huge_integer_is_refused(make_data_dir: Callable[..., Path]) -> None:
    problem = only_problem(make_data_dir({f"{KNOWLEDGE}/zz.yaml": HUGE_INT}), "zz.yaml:2:")
    assert "integer of 100,000 digits" in problem
    assert "quote it" in problem
    with pytest.raises(UnsafeFile, match="integer"):
        load_yaml("n: 0b" + "1" * 5000 + "\n", file="zz.yaml")


def test_duplicate_keys_are_refused(make_data_dir: Callable[..., Path]) -> None:
    text = "facts:\n  - id: a\n    topic: x\n    topic: y\n"
    problem = only_problem(make_data_dir({f"{KNOWLEDGE}/zz.yaml": text}), "zz.yaml:4:")
    assert "duplicate key 'topic' (first at line 3)" in problem


def test_merge_keys_may_override() -> None:
    doc = load_yaml("base: &b {x: 1}\nm:\n  <<: *b\n  x: 2\n", file="zz.yaml")
    assert doc["m"] == {"x": 2, safeio.LINE_KEY: 3}


def test_lines_are_recorded_and_ordinary_yaml_loads() -> None:
    doc = load_yaml("\ufeffa: &x [1, 2]\nb: *x\nc:\n  d: 12345\n", file="zz.yaml")
    assert doc == {"a": [1, 2], "b": [1, 2], "c": {"d": 12345, "__line__": 4}, "__line__": 1}
    assert load_yaml("", file="zz.yaml") is None


def test_malformed_yaml_is_one_message_with_line() -> None:
    with pytest.raises(UnsafeFile) as caught:
        load_yaml("a: 1\nb: [\n", file="zz.yaml")
    assert caught.value.line == 3
    assert str(caught.value).startswith("zz.yaml:3: malformed YAML")


def test_limits_hold_without_the_c_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The measuring pass also works on the pure-Python parser (PyYAML built without libyaml)."""
    import yaml

    monkeypatch.setattr(safeio, "_SafeLoader", yaml.SafeLoader)
    for text, found in ((ALIAS_BOMB, "expands"), (DEEP_FLOW, "nested"), (HUGE_INT, "integer")):
        with pytest.raises(UnsafeFile, match=found):
            load_yaml(text, file="zz.yaml")


# --- files --------------------------------------------------------------------------------------


def test_symlink_to_dev_zero_is_refused(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir()
    (data / KNOWLEDGE / "zz.yaml").symlink_to("/dev/zero")
    problem = only_problem(data, "zz.yaml:")
    assert "outside the data folder" in problem
    # Even inside the root it is a device, not a file, and is never read.
    with pytest.raises(UnsafeFile, match="character device"):
        read_text("/dev/zero", root="/dev", max_bytes=10, what="knowledge file")


def test_symlink_outside_the_folder_shows_nothing_of_its_target(
    make_data_dir: Callable[..., Path], tmp_path: Path
) -> None:
    private = tmp_path / "private.yaml"
    private.write_text(f"{SECRET}\n  : [\n", encoding="utf-8")  # would be "malformed" if parsed
    data = make_data_dir()
    (data / KNOWLEDGE / "zz.yaml").symlink_to(private)
    with pytest.raises(KnowledgeError) as caught:
        load_data_dir(data)
    shown = str(caught.value)
    assert f"{KNOWLEDGE}/zz.yaml: " in shown
    assert "outside the data folder" in shown
    assert SECRET not in shown and "SECRET" not in shown
    assert "private.yaml" not in shown
    with pytest.raises(UnsafeFile) as direct:
        read_text(data / KNOWLEDGE / "zz.yaml", root=data, max_bytes=1000)
    assert "SECRET" not in str(direct.value)


def test_seed_symlinked_outside_the_folder_is_refused(
    make_data_dir: Callable[..., Path], tmp_path: Path
) -> None:
    data = make_data_dir()
    seed = data / "seeds" / f"{REPORT_ID}.txt"
    private = tmp_path / "private.txt"
    private.write_text(SECRET, encoding="utf-8")
    seed.unlink()
    seed.symlink_to(private)
    [problem] = problems_of(data)
    assert problem.startswith(f"seeds/{REPORT_ID}.txt: this report is a symlink to a place outside")
    assert "SECRET" not in problem


def test_symlink_inside_the_folder_is_followed(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir()
    folder = data / KNOWLEDGE
    (folder / "task-force.yaml").rename(data / "task-force.yaml")
    (folder / "task-force.yaml").symlink_to(data / "task-force.yaml")
    [base] = load_data_dir(data)
    assert len(base.facts) >= 40


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_named_yaml_is_refused_without_hanging(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir()
    os.mkfifo(data / KNOWLEDGE / "x.yaml")  # no writer ever opens it: reading would block
    problem = only_problem(data, "x.yaml:")
    assert "named pipe (FIFO), not a regular file" in problem
    with pytest.raises(UnsafeFile, match="FIFO"):
        read_text(data / KNOWLEDGE / "x.yaml", root=data, max_bytes=1000)


def test_directory_named_yaml_is_refused(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir()
    (data / KNOWLEDGE / "x.yaml").mkdir()
    problem = only_problem(data, "x.yaml:")
    assert "is a folder, not a regular file" in problem


def test_oversized_file_is_refused(make_data_dir: Callable[..., Path]) -> None:
    big = "# " + "x" * safeio.MAX_KNOWLEDGE_BYTES + "\n"
    problem = only_problem(make_data_dir({f"{KNOWLEDGE}/zz.yaml": big}), "zz.yaml:")
    assert "too large" in problem and f"at most {safeio.MAX_KNOWLEDGE_BYTES:,} bytes" in problem


def test_oversized_report_is_refused(make_data_dir: Callable[..., Path]) -> None:
    big = "A sentence. " * (safeio.MAX_REPORT_BYTES // 12 + 1)
    [problem] = problems_of(make_data_dir({f"seeds/{REPORT_ID}.txt": big}))
    assert problem.startswith(f"seeds/{REPORT_ID}.txt: this report is too large")


def test_read_stops_at_the_limit_even_if_the_size_lies(tmp_path: Path) -> None:
    path = tmp_path / "grows.yaml"
    path.write_bytes(b"a" * 100)
    with pytest.MonkeyPatch.context() as mp:  # as if the file grew between the check and the read
        mp.setattr(safeio, "_check_regular", lambda *args: None)
        with pytest.raises(UnsafeFile, match=r"too large \(over 10 bytes read"):
            read_text(path, root=tmp_path, max_bytes=10)


def test_invalid_utf8_names_file_and_offset(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir()
    (data / KNOWLEDGE / "zz.yaml").write_bytes(b"facts:\n  - id: caf\xe9\n")
    problem = only_problem(data, "zz.yaml:2:")
    assert "not valid UTF-8" in problem and "byte offset 18" in problem and "e9" in problem
    seed = data / "seeds" / f"{REPORT_ID}.txt"
    seed.write_bytes(b"\xef\xbb\xbfOne.\n\xff\n")
    with pytest.raises(UnsafeFile, match="byte offset 8"):
        read_text(seed, root=data, max_bytes=1000, what="report")


def test_bom_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert read_text(tmp_path / "a.yaml", root=tmp_path, max_bytes=100) == "a: 1\n"


def test_dangling_and_looping_links_are_one_message(tmp_path: Path) -> None:
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    with pytest.raises(UnsafeFile, match="symlink to nothing"):
        read_text(tmp_path / "gone.yaml", root=tmp_path, max_bytes=100)
    with pytest.raises(UnsafeFile, match="loops"):
        read_text(tmp_path / "loop.yaml", root=tmp_path, max_bytes=100)


def test_load_fact_base_without_a_root_keeps_files_in_their_folder(
    make_data_dir: Callable[..., Path], tmp_path: Path
) -> None:
    data = make_data_dir()
    outside = tmp_path / "outside.yaml"
    outside.write_text(SECRET, encoding="utf-8")
    (data / KNOWLEDGE / "zz.yaml").symlink_to(outside)
    with pytest.raises(KnowledgeError) as caught:
        load_fact_base(data / "seeds" / f"{REPORT_ID}.txt", data / KNOWLEDGE)
    [problem] = caught.value.problems
    assert problem.file.endswith("zz.yaml") and "outside the data folder" in problem.message
    assert "SECRET" not in str(caught.value)


def test_unsafe_file_is_an_expected_error() -> None:
    assert issubclass(UnsafeFile, ReportbotError)
    assert sys.getrecursionlimit() > safeio.MAX_YAML_DEPTH * 4


def test_a_plain_document_is_judged_within_the_limits_without_walking_its_events() -> None:
    from bot.core.safeio import _within_limits

    assert _within_limits("facts:\n  - id: a\n    ask: [who leads, who heads]\n")
    assert not _within_limits("a: &x [1]\nb: *x\n")  # an anchor: walked
    assert not _within_limits("a: " + "[" * 60 + "]" * 60)  # deep flow nesting
    assert not _within_limits("- " * 60 + "x")  # deep nesting on one line
    assert not _within_limits("".join(" " * i + f"k{i}:\n" for i in range(60)))  # deep by indenting
