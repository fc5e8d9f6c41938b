"""Korean questions through the CLI: the JSON contract as for English, a note in human output,
and the Korean resources loaded on the first Korean question only."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from bot.cli import main
from bot.core.korean import decline_message_ko, english_report_note_ko, suggestions_intro_ko

KOREAN = Path(__file__).parent / "data" / "korean.yaml"
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _set() -> dict[str, list[dict[str, object]]]:
    return yaml.safe_load(KOREAN.read_text(encoding="utf-8"))


def test_korean_questions_keep_the_json_contract_of_english_ones() -> None:
    data = _set()
    lines = ["Who leads the task force?"] + [str(i["q"]) for part in ("answered", "declined") for i in data[part]]
    result = CliRunner().invoke(main, ["ask", "--json", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    english, *korean = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(korean) == len(lines) - 1
    for obj, line in zip(korean, lines[1:], strict=True):
        assert set(obj) == set(english)  # no new key: the language is not in the contract
        assert obj["question"] == line
    answered = korean[: len(data["answered"])]
    for obj, item in zip(answered, data["answered"], strict=True):
        assert obj["answered"], item
        cited = [c["sentence_id"] for c in obj["citations"][:2]]
        assert set(cited) & set(item["cite"]), (item, cited)  # type: ignore[arg-type]
        assert any(term in obj["answer"] for term in item["has"]), (item, obj["answer"])  # type: ignore[attr-defined]
        assert not HANGUL.search(obj["answer"])  # the English answer, as the report says it
    for obj in korean[len(data["answered"]) :]:
        assert not obj["answered"] and obj["citations"] == [] and obj["facts"] == []
        assert obj["answer"] == decline_message_ko()
        assert obj["suggestions"] and all(s.isascii() for s in obj["suggestions"])


def test_human_output_says_the_report_is_in_english() -> None:
    result = CliRunner().invoke(main, ["ask", "대응팀은 누가 이끌어?"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Kim Ji-na")
    assert lines[1] == english_report_note_ko()
    assert "> The team, led by Second Vice Foreign Minister Kim Ji-na" in result.stdout
    english = CliRunner().invoke(main, ["ask", "Who leads the task force?"])
    assert english_report_note_ko() not in english.stdout


def test_a_korean_decline_offers_the_english_questions_in_korean_words() -> None:
    result = CliRunner().invoke(main, ["ask", "대응팀 예산은 얼마야?"])
    assert result.stdout.startswith(decline_message_ko())
    assert suggestions_intro_ko() in result.stdout and "You could ask:" not in result.stdout


def test_the_korean_resources_load_on_the_first_korean_question_only(root: Path) -> None:
    code = (
        "from bot.core.engine import Engine\n"
        "from bot.core.korean.lexicon import _load\n"
        "engine = Engine.load()\n"
        "engine.ask('Who leads the task force?')\n"
        "print(_load.cache_info().currsize)\n"
        "engine.ask('대응팀은 누가 이끌어?')\n"
        "print(_load.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "1"]
