"""What the commands share: the data options, friendly errors, loading the engine, the width."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from bot.core.datadir import DATA_DIR_ENV
from bot.core.engine import Engine
from bot.core.errors import ReportbotError

F = TypeVar("F", bound=Callable[..., Any])


def data_options(func: F) -> F:
    """``--data-dir`` and ``--report``, shared by every command that reads the fact base."""
    func = click.option(
        "--report",
        "-r",
        metavar="ID",
        help="Answer from this report only (its file name in seeds/ without .txt). Default: every report.",
    )(func)
    func = click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        metavar="PATH",
        help=f"Folder holding seeds/ and knowledge/ (default: ${DATA_DIR_ENV}, else the "
        "repository reportbot was installed from).",
    )(func)
    return func


def friendly_errors(func: F) -> F:
    """Print expected errors as one message and exit 1, instead of a traceback; the standard
    streams are set up first (``configure_streams``)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        configure_streams()
        try:
            return func(*args, **kwargs)
        except ReportbotError as exc:
            click.secho(f"reportbot: {exc}", err=True, fg="red")
            sys.exit(1)
        except UnicodeDecodeError as exc:  # input that is not text in the locale's encoding
            click.secho(
                f"reportbot: the input is not valid {exc.encoding} text (byte {exc.start + 1}); "
                "send UTF-8, or set PYTHONIOENCODING=utf-8.",
                err=True,
                fg="red",
            )
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def configure_streams() -> None:
    """Output that survives any locale and PYTHONIOENCODING: a character the encoding of stdout
    lacks is printed as "?" (stderr: a backslash escape) instead of raising, and input that is
    not valid in the encoding of stdin is read with U+FFFD in place of the bad bytes."""
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace"), (sys.stdin, "replace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
                reconfigure(errors=errors)


def as_text(value: Any) -> Any:
    """``value`` (JSON data) with every string made valid Unicode: the lone surrogates by which
    Python keeps the bytes of an argument that were not text in the locale become U+FFFD."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogateescape" if _escaped_bytes(value) else "replace").decode(
                "utf-8", "replace"
            )
        return value
    if isinstance(value, dict):
        return {as_text(k): as_text(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [as_text(v) for v in value]
    return value


def _escaped_bytes(text: str) -> bool:
    """True when every surrogate of ``text`` is one of surrogateescape's (U+DC80..U+DCFF)."""
    return all(not 0xD800 <= ord(ch) <= 0xDFFF or 0xDC80 <= ord(ch) <= 0xDCFF for ch in text)


def load_engine(data_dir: Path | None, report: str | None) -> Engine:
    """The engine over ``data_dir``; an unknown ``report`` raises UnknownReport with the known ids."""
    engine = Engine.load(data_dir)
    if report is not None:
        engine.fact_base(report)
    return engine


def terminal_width() -> int:
    """The width answers are wrapped to: the terminal's, at most 100; 88 when not a terminal."""
    try:
        return min(os.get_terminal_size().columns, 100)
    except OSError:
        return 88


def silence_stdout() -> None:
    """The reader went away (``| head -1``): point stdout at /dev/null so that Python does not
    complain when it flushes at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


# The CLI's streams are set up as soon as it is imported, before click prints any help.
configure_streams()
