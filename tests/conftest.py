"""Shared fixtures: the shipped data, one Engine for the session, and scratch data folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from bot.core.cache import CACHE_ENV
from bot.core.engine import Engine
from bot.feedback.store import FEEDBACK_DB_ENV

ROOT = Path(__file__).resolve().parents[1]

#: Tests analyse every report afresh (and patch the code that does it), so the cache of analysed
#: reports is off for them and for the commands they run; tests/core/test_index_cache.py turns it on.
os.environ[CACHE_ENV] = "off"
REPORT_ID = "korea-cambodia-task-force"

#: Property tests: derandomized (the same examples on every run), more of them in CI.
_PROPERTY_SETTINGS = {
    "derandomize": True,
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture],
}
settings.register_profile("reportbot", max_examples=300, **_PROPERTY_SETTINGS)  # type: ignore[arg-type]
settings.register_profile("reportbot-ci", max_examples=2000, **_PROPERTY_SETTINGS)  # type: ignore[arg-type]
#: CI=true (set by CI services, and by .ci/run's environment) chooses the larger profile.
PROPERTY_PROFILE = "reportbot-ci" if os.environ.get("CI", "").strip().lower() == "true" else "reportbot"
settings.load_profile(PROPERTY_PROFILE)


def run_cli_and_list_modules(args: list[str], cwd: Path) -> tuple[bytes, set[str]]:
    """Run ``reportbot ARGS`` in a fresh interpreter; return its stdout and the modules it imported."""
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['reportbot', *{args!r}]\n"
        "try:\n    runpy.run_module('bot', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('\\nMODULES', ' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=cwd, timeout=60)
    listing = done.stderr.decode().rsplit("MODULES", 1)[-1].split()
    return done.stdout, set(listing)


def top_level(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


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


@pytest.fixture(autouse=True, scope="session")
def _no_feedback_at_the_default_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point the default feedback database into a temporary folder for the whole run, so no test,
    nor any process a test starts, ever writes the real one in the user's data directory."""
    folder = tmp_path_factory.mktemp("default-feedback")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(FEEDBACK_DB_ENV, str(folder / "feedback.sqlite3"))
        mp.setenv("XDG_DATA_HOME", str(folder / "xdg-data"))
        mp.delenv("FEEDBACK_DB_PATH", raising=False)
        yield
