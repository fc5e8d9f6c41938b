"""A report's own places and bodies (``report: places:``, ``report: bodies:``), read per report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.errors import KnowledgeError
from bot.core.knowledge import load_data_dir

ROOT = Path(__file__).resolve().parents[2]
REPORT = "knowledge/korea-cambodia-task-force/report.yaml"
SHIPPED = (ROOT / REPORT).read_text(encoding="utf-8")


def _data(folder: Path, report_yaml: str) -> Path:
    """A copy of the shipped data in ``folder`` with ``report.yaml`` replaced."""
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    shutil.copytree(ROOT / "knowledge", folder / "knowledge")
    (folder / REPORT).write_text(report_yaml, encoding="utf-8")
    return folder


def _without(text: str, key: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith(f"  {key}:")) + "\n"


def test_the_shipped_report_names_its_local_places_and_bodies(engine: Engine) -> None:
    info = engine.fact_base().info
    assert {"Kampot", "Bokor", "Sihanoukville"} <= set(info.places)
    assert "People Power Party" in info.bodies


def test_places_and_bodies_are_optional_and_checked(tmp_path: Path) -> None:
    (base,) = load_data_dir(_data(tmp_path / "a", _without(_without(SHIPPED, "places"), "bodies")))
    assert base.info.places == () and base.info.bodies == ()
    bad = SHIPPED.replace("  places: [", "  places: {a: [", 1).replace("Jeju]", "Jeju]}", 1)
    with pytest.raises(KnowledgeError) as caught:
        load_data_dir(_data(tmp_path / "b", bad))
    assert "`report: places` must be a list of names" in str(caught.value)


def test_a_local_place_the_report_never_names_fails_the_place_check_only_when_listed(
    tmp_path: Path,
) -> None:
    question = "How many Koreans were kidnapped in Poipet?"
    rid = "korea-cambodia-task-force"
    listed = Engine.load(_data(tmp_path / "a", SHIPPED)).indexes[rid].rank(question).matches
    assert listed and not any(m.place_ok for m in listed)  # Poipet: of the region, not in the report
    unlisted = Engine.load(_data(tmp_path / "b", SHIPPED.replace(" Poipet,", ""))).indexes[rid]
    assert all(m.place_ok for m in unlisted.rank(question).matches)
    # a place the report names passes it
    assert all(m.place_ok for m in unlisted.rank("How many Koreans were kidnapped in Kampot?").matches)
