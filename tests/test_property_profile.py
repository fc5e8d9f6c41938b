"""The property tests run more examples in CI: the profile follows CI=true, the command stays `pytest`."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import ROOT


def examples_with(ci: str | None) -> int:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    code = "import tests.conftest\nfrom hypothesis import settings\nprint(settings().max_examples)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.strip())


@pytest.mark.parametrize(
    ("ci", "expected"), [(None, 300), ("", 300), ("false", 300), ("true", 2000), ("TRUE", 2000)]
)
def test_ci_true_chooses_the_larger_profile(ci: str | None, expected: int) -> None:
    assert examples_with(ci) == expected
