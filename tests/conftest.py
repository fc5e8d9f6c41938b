"""Shared fixtures: the shipped data, one Engine for the session, and scratch data folders."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
REPORT_ID = "korea-cambodia-task-force"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load(ROOT)


@pytest.fixture
def make_data_dir(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the shipped data in a scratch folder, with files replaced or added.

    ``make_data_dir({"knowledge/<id>/extra.yaml": "..."})``; a value of None deletes the file.
    """

    def make(files: dict[str, str | None] | None = None) -> Path:
        data = tmp_path / "data"
        shutil.copytree(ROOT / "seeds", data / "seeds")
        shutil.copytree(ROOT / "knowledge", data / "knowledge")
        for name, text in (files or {}).items():
            path = data / name
            if text is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        return data

    return make
