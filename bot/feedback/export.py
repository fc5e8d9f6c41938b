"""Stored feedback as CSV or JSON Lines, written whole or not at all (a temporary file, renamed)."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from bot.feedback.errors import FeedbackStoreError
from bot.feedback.store import StoredFeedback

#: Export formats by file extension.
EXPORT_FORMATS = {".csv": "CSV", ".jsonl": "JSON Lines"}
#: CSV cells starting with these are formulas to a spreadsheet; such a question is exported
#: with a leading apostrophe so that opening the file never runs what a user typed.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_HEADER = ("id", "at", "kind", "report", "fact_ids", "confidence", "question")


def export_format(target: Path) -> str | None:
    """The format ``target``'s extension names ("CSV", "JSON Lines"), or None for any other."""
    return EXPORT_FORMATS.get(target.suffix.lower())


def export_feedback(items: Iterable[StoredFeedback], target: Path) -> int:
    """Write ``items`` to ``target`` as CSV (for .csv) or JSON Lines, atomically; returns how
    many were written. Raises FeedbackStoreError when the file cannot be written."""
    try:
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise FeedbackStoreError(
            f"Cannot write the export {target}: {exc.strerror or exc}. Choose a file in a writable folder."
        ) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            write = _write_csv if target.suffix.lower() == ".csv" else _write_jsonl
            written = write(items, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError) and not isinstance(exc, FeedbackStoreError):
            raise FeedbackStoreError(f"Cannot write the export {target}: {exc.strerror or exc}.") from exc
        raise
    return written


def _write_csv(items: Iterable[StoredFeedback], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    written = 0
    for item in items:
        e = item.event
        question = "'" + e.question if e.question.startswith(FORMULA_STARTS) else e.question
        confidence = "" if e.confidence is None else e.confidence
        at = item.to_json()["at"]
        writer.writerow([item.id, at, e.kind, e.report or "", " ".join(e.fact_ids), confidence, question])
        written += 1
    return written


def _write_jsonl(items: Iterable[StoredFeedback], out: TextIO) -> int:
    """One object per line, ASCII only: U+2028, U+2029 and U+0085 (line ends for some readers)
    are escaped like every other non-ASCII character, so a question can never split a line."""
    written = 0
    for item in items:
        out.write(json.dumps(item.to_json(), ensure_ascii=True) + "\n")
        written += 1
    return written
