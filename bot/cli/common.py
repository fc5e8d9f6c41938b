"""What the commands share: the data options, friendly errors, loading the engine, the width."""

from __future__ import annotations

import functools
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
    """Print expected errors as one message and exit 1, instead of a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReportbotError as exc:
            click.secho(f"reportbot: {exc}", err=True, fg="red")
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


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
