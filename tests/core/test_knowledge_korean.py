"""The ``korean:`` key of a report's YAML: Korean names of its bodies, checked at load."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.errors import KnowledgeError
from bot.core.knowledge import load_data_dir

from ..conftest import REPORT_ID

KNOWLEDGE = f"knowledge/{REPORT_ID}"


def problems_of(data_dir: Path) -> str:
    with pytest.raises(KnowledgeError) as caught:
        load_data_dir(data_dir)
    return "\n".join(str(p) for p in caught.value.problems)


def test_the_shipped_report_names_its_parties_in_korean(root: Path) -> None:
    [base] = load_data_dir(root)
    assert ("People Power Party", "국민의힘", "국힘") in base.korean


def test_korean_groups_at_the_top_level_and_under_report(make_data_dir: Callable[..., Path], root: Path) -> None:
    report_yaml = (root / KNOWLEDGE / "report.yaml").read_text(encoding="utf-8")
    under_report = report_yaml.replace(
        "report:\n", "report:\n  korean:\n    - [Democratic Party, 더불어민주당, 민주당]\n", 1
    )
    data = make_data_dir(
        {
            f"{KNOWLEDGE}/report.yaml": under_report,
            f"{KNOWLEDGE}/korean.yaml": "korean:\n  - [Cabinet meeting, 국무회의]\n",
        }
    )
    [base] = load_data_dir(data)
    assert {("Democratic Party", "더불어민주당", "민주당"), ("Cabinet meeting", "국무회의")} <= set(base.korean)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("korean: 국민의힘\n", "`korean` must be a list of [English name, Korean name, ...] lists"),
        ("korean:\n  - [People Power Party]\n", "must list the English name, then one or more Korean names"),
        ("korean:\n  - [국민의힘, People Power Party]\n", "the first name is the English one"),
        ("korean:\n  - [People Power Party, PPP]\n", "the others are in Hangul"),
    ],
)
def test_a_bad_korean_group_is_named_with_its_file_and_line(
    make_data_dir: Callable[..., Path], text: str, message: str
) -> None:
    found = problems_of(make_data_dir({f"{KNOWLEDGE}/korean.yaml": text}))
    assert "korean.yaml:1:" in found
    assert message in found


def test_reportbot_add_leaves_a_commented_place_that_loads_once_filled(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from bot.cli import main

    source = tmp_path / "council-vote.txt"
    source.write_text(
        "The city council of Leeds voted 31 to 20 on Monday to close two libraries, "
        "council leader Amira Shah said.\nThe closures will save 1.2 million pounds a year.\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    result = CliRunner().invoke(main, ["add", str(source), "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    report_yaml = data / "knowledge" / "council-vote" / "report.yaml"
    text = report_yaml.read_text(encoding="utf-8")
    assert "# korean:" in text
    report_yaml.write_text(text + "\nkorean:\n  - [city council, 시의회]\n", encoding="utf-8")
    [base] = load_data_dir(data)
    assert base.korean == (("city council", "시의회"),)
