"""Every command's output survives any locale and PYTHONIOENCODING (a Windows pipe is cp1252),
and every way of ending a line ends one."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.ask import read_lines

from .conftest import ROOT

HOSTILE_LINES = [
    "who leads the task force?",
    "태스크포스는 누가 이끄나요?",
    "who leads\u2028the task force?",  # LINE SEPARATOR: a line end for JavaScript and some readers
    "who leads\u2029the team?",  # PARAGRAPH SEPARATOR
    "who leads\x85the team?",  # NEXT LINE (NEL)
    "what about 🙂 and “quotes” and café",
]


def reportbot(
    args: list[str | bytes], *, encoding: str, stdin: bytes = b"", cwd: Path = ROOT
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, env=env, cwd=cwd, timeout=120
    )


@pytest.mark.parametrize("encoding", ["cp1252", "ascii", "latin-1:strict", "utf-8"])
def test_ask_json_stream_survives_any_output_encoding(encoding: str) -> None:
    stdin = "\n".join(HOSTILE_LINES).encode("utf-8") + b"\n"
    done = reportbot(["ask", "--json", "-"], encoding=encoding, stdin=stdin)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert done.stdout.isascii()
    lines = done.stdout.split(b"\n")
    assert lines[-1] == b""
    objs = [json.loads(line) for line in lines[:-1]]
    assert [o["question"] for o in objs] == HOSTILE_LINES  # the same text after json.loads
    assert objs[0]["answered"] and objs[1]["answered"]


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
@pytest.mark.parametrize(
    "args",
    [
        ["ask", "태스크포스는 누가 이끄나요?"],
        ["ask", "--explain", "who leads “the” task force?"],
        ["facts"],
        ["check"],
        ["reports"],
        ["feedback", "--help"],
        ["--help"],
        ["ask", "--report", "없는-보고서", "who?"],
    ],
)
def test_human_text_survives_any_output_encoding(encoding: str, args: list[str]) -> None:
    done = reportbot(list(args), encoding=encoding)
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert done.returncode in (0, 1)
    assert done.stdout or done.stderr


@pytest.mark.parametrize("encoding", ["utf-8", "ascii", "cp1252"])
def test_an_invalid_byte_in_an_argument_is_not_written_raw_into_json(encoding: str) -> None:
    done = reportbot(["ask", "--json", b"who leads \xff\xfe the team"], encoding=encoding)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert done.stdout.isascii() and b"\xff" not in done.stdout
    obj = json.loads(done.stdout)
    assert obj["question"] == "who leads \ufffd\ufffd the team"
    obj["question"].encode("utf-8")  # valid Unicode: no lone surrogate


@pytest.mark.parametrize("encoding", ["utf-8:strict", "ascii:strict"])
def test_chat_on_invalid_input_with_a_strict_locale_is_no_traceback(encoding: str) -> None:
    done = reportbot(
        ["chat"], encoding=encoding, stdin=b"\xff\xfe who leads?\nwho leads the task force?\nquit\n"
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert done.returncode == 0
    assert done.stdout.count(b"bot> ") == 2  # both lines answered, the bad bytes replaced


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a\nb\n", ["a", "b"]),
        (b"a\r\nb\r\n", ["a", "b"]),
        (b"a\rb\r", ["a", "b"]),
        (b"a\rb", ["a", "b"]),
        (b"a\r\rb", ["a", "", "b"]),
        (b"a\r\r\nb\n\rc", ["a", "", "b", "", "c"]),
        (b"no end", ["no end"]),
        (b"", []),
    ],
)
def test_cr_lf_and_crlf_all_end_a_line(data: bytes, expected: list[str]) -> None:
    assert [text for text, _ in read_lines(io.BytesIO(data))] == expected


class Trickle(io.RawIOBase):
    """A pipe that hands over one byte at a time, as an interactive writer would."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if not self.data:
            return 0
        buffer[0] = self.data[0]
        self.data = self.data[1:]
        return 1


def test_line_ends_split_across_reads_still_end_one_line() -> None:
    data = b"a\r\nb\rc\r\n\r\nd"
    lines = [text for text, _ in read_lines(io.BufferedReader(Trickle(data), buffer_size=1))]
    assert lines == ["a", "b", "c", "", "d"]


def test_a_cr_only_file_gets_one_answer_per_line() -> None:
    done = reportbot(
        ["ask", "--json", "-"], encoding="utf-8", stdin=b"who leads the task force?\rwhen does it leave?\r"
    )
    objs = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["question"] for o in objs] == ["who leads the task force?", "when does it leave?"]


def test_a_long_cr_only_line_is_refused_once(tmp_path: Path) -> None:
    long = b"x" * (200 * 1024)
    lines = list(read_lines(io.BytesIO(long + b"\rwho\r"), limit=64 * 1024))
    assert [t for t, _ in lines] == [None, "who"]
    assert "too long: over 200 KiB" in lines[0][1]
