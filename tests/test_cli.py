"""The CLI through click's runner, and as a real process where the process matters."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.core.datadir import DATA_DIR_ENV
from bot.core.engine import Engine

from .conftest import REPORT_ID, run_cli_and_list_modules, top_level

CONTRACT_KEYS = {"question", "answered", "answer", "citations", "confidence", "suggestions"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, input: bytes | str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def check_contract(obj: dict[str, object], seed_text: str) -> None:
    assert set(obj) >= CONTRACT_KEYS
    assert isinstance(obj["answered"], bool)
    assert isinstance(obj["confidence"], float) and 0.0 <= obj["confidence"] <= 1.0
    citations = obj["citations"]
    assert isinstance(citations, list)
    assert bool(citations) == obj["answered"]
    for c in citations:
        assert set(c) >= {"report", "sentence_id", "paragraph", "text"}
        assert c["report"] == REPORT_ID
        assert c["sentence_id"] == f"p{c['paragraph']}.s{c['sentence_id'].split('.s')[1]}"
        assert isinstance(c["paragraph"], int) and c["paragraph"] >= 1
        assert c["text"] in seed_text


@pytest.fixture(scope="module")
def seed_text(root: Path) -> str:
    return (root / "seeds" / f"{REPORT_ID}.txt").read_text(encoding="utf-8")


def test_ask_prints_answer_and_citation(runner: CliRunner) -> None:
    code, out, _ = run(runner, "ask", "Who leads the response team?")
    assert code == 0
    assert out.splitlines()[0] == "Kim Ji-na, the Second Vice Foreign Minister"
    assert "p3.s1 (paragraph 3, sentence 1):" in out
    assert "> The team, led by Second Vice Foreign Minister Kim Ji-na" in out


def test_ask_joins_unquoted_words(runner: CliRunner) -> None:
    code, out, _ = run(runner, "ask", "who", "leads", "the", "team")
    assert code == 0 and "Kim Ji-na" in out


def test_ask_declines_with_suggestions(runner: CliRunner) -> None:
    code, out, _ = run(runner, "ask", "What is the currency of Cambodia?")
    assert code == 0
    assert "does not say" in out and "You could ask:" in out


def test_ask_json_single(runner: CliRunner, seed_text: str) -> None:
    code, out, _ = run(runner, "ask", "--json", "how many kidnappings in 2024")
    assert code == 0
    obj = json.loads(out)
    check_contract(obj, seed_text)
    assert obj["answered"] and "220" in obj["answer"]
    assert obj["citations"][0]["sentence_id"] == "p8.s1"
    assert "error" not in obj


def test_ask_json_stream_one_line_per_input(runner: CliRunner, seed_text: str) -> None:
    lines = [
        b"Who leads the response team?",
        b"",
        b"What is the currency of Cambodia?",
        b"\xff\xfe not utf-8",
        b"who leads\x00 the team",
        ("x" * 2000).encode(),
        "누가 팀을 이끄나요?".encode(),
        b"  when does the team leave  \r",
    ]
    code, out, err = run(runner, "ask", "--json", "-", input=b"\n".join(lines) + b"\n")
    assert code == 0, err
    objs = [json.loads(line) for line in out.splitlines()]
    assert len(objs) == len(lines)
    for obj in objs:
        check_contract(obj, seed_text)
    assert objs[0]["answered"] and "Kim Ji-na" in objs[0]["answer"]
    assert not objs[1]["answered"] and "error" not in objs[1]
    assert not objs[2]["answered"] and "error" not in objs[2] and objs[2]["suggestions"]
    assert not objs[3]["answered"] and "UTF-8" in objs[3]["error"]
    assert objs[4]["answered"]
    assert not objs[5]["answered"] and "too long" in objs[5]["error"]
    assert objs[6]["answered"] and "Kim Ji-na" in objs[6]["answer"]  # Korean, answered in English
    assert objs[7]["answered"] and "Wednesday" in objs[7]["answer"]


def test_ask_stream_without_final_newline(runner: CliRunner) -> None:
    code, out, _ = run(runner, "ask", "--json", "-", input=b"who leads the team\nwhen does it leave")
    assert code == 0 and len(out.splitlines()) == 2


def test_huge_line_is_refused_and_skipped(runner: CliRunner) -> None:
    data = b"a" * (1024 * 1024) + b"\nwho leads the team\n"
    _code, out, _ = run(runner, "ask", "--json", "-", input=data)
    objs = [json.loads(line) for line in out.splitlines()]
    assert [o["answered"] for o in objs] == [False, True]
    assert "too long" in objs[0]["error"]
    assert len(objs[0]["question"]) <= 201


def test_unknown_report_is_a_clear_error(runner: CliRunner) -> None:
    code, _, err = run(runner, "ask", "--report", "nope", "who leads the team")
    assert code == 1
    assert "Unknown report 'nope'" in err and REPORT_ID in err
    assert "Traceback" not in err


def test_missing_data_dir_says_where_it_looked(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "ask", "--data-dir", str(tmp_path), "who leads the team")
    assert code == 1
    assert str(tmp_path) in err and "--data-dir" in err and DATA_DIR_ENV in err


def test_data_dir_from_environment(
    runner: CliRunner, make_data_dir: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = make_data_dir()
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    code, out, _ = run(runner, "ask", "who leads the team")
    assert code == 0 and "Kim Ji-na" in out
    monkeypatch.setenv(DATA_DIR_ENV, str(data / "nowhere"))
    code, _, err = run(runner, "ask", "who leads the team")
    assert code == 1 and "nowhere" in err


def test_facts_lists_topics_and_questions(runner: CliRunner) -> None:
    code, out, _ = run(runner, "facts")
    assert code == 0
    assert "The task force" in out and "Who leads the task force?" in out and "[p3.s1]" in out


def test_facts_sentences_lists_every_id(runner: CliRunner) -> None:
    code, out, _ = run(runner, "facts", "--sentences")
    assert code == 0
    assert "p18.s2" in out and "photo credit, not citable: Pool Photo by Yonhap/EPA" in out


def test_check_passes_on_shipped_knowledge(runner: CliRunner) -> None:
    code, out, _ = run(runner, "check")
    assert code == 0 and out.startswith("ok: korea-cambodia-task-force")


def test_check_fails_on_a_citation_altered_by_one_word(
    runner: CliRunner, make_data_dir: Callable[..., Path], root: Path
) -> None:
    name = f"knowledge/{REPORT_ID}/crimes.yaml"
    text = (root / name).read_text(encoding="utf-8")
    quote = next(line for line in text.splitlines() if "quote:" in line and "soared to 220" in line)
    data = make_data_dir({name: text.replace(quote, quote.replace("soared to 220", "rose to 220"), 1)})
    code, _, err = run(runner, "check", "--data-dir", str(data))
    assert code == 1
    assert "crimes.yaml:" in err and "does not match the report verbatim" in err
    assert "'rose'" in err and "'soared'" in err


def test_check_lists_uncited_sentences(runner: CliRunner, make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir(
        {f"knowledge/{REPORT_ID}/diplomacy.yaml": None, f"knowledge/{REPORT_ID}/drafted.yaml": None}
    )
    code, _, err = run(runner, "check", "--data-dir", str(data))
    assert code == 1
    assert "sentence p11.s1 is cited by no fact" in err and "sentence p12.s1 is cited by no fact" in err


def test_drafted_facts_cover_sentences_no_curated_fact_cites(
    runner: CliRunner, make_data_dir: Callable[..., Path]
) -> None:
    data = make_data_dir({f"knowledge/{REPORT_ID}/diplomacy.yaml": None})
    code, out, err = run(runner, "check", "--data-dir", str(data))
    assert code == 0, err
    code, out, _ = run(runner, "ask", "--json", "--data-dir", str(data), "Who summoned Cambodia's ambassador?")
    assert json.loads(out)["citations"][0]["sentence_id"] == "p11.s1"


def test_chat_answers_until_quit(runner: CliRunner) -> None:
    code, out, _ = run(runner, "chat", input="who leads the team?\n\nquit\n")
    assert code == 0
    assert "bot> Kim Ji-na" in out


def test_chat_ends_on_eof(runner: CliRunner) -> None:
    code, out, _ = run(runner, "chat", input="when does the team leave\n")
    assert code == 0 and "Wednesday" in out


def test_help_shows_examples(runner: CliRunner) -> None:
    for args in (["--help"], ["ask", "--help"], ["check", "--help"], ["facts", "--help"], ["chat", "--help"]):
        code, out, _ = run(runner, *args)
        assert code == 0 and "Example" in out


def reportbot(
    *args: str, input: bytes = b"", cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=input, capture_output=True, cwd=cwd, env=env, timeout=60
    )


def test_python_dash_m_works_from_any_directory(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != DATA_DIR_ENV}
    done = reportbot("ask", "Who leads the response team?", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert b"Kim Ji-na" in done.stdout


def test_ask_does_not_import_discord(tmp_path: Path) -> None:
    out, modules = run_cli_and_list_modules(["ask", "--json", "who leads the team"], tmp_path)
    assert b"Kim Ji-na" in out
    assert not top_level(modules) & {"discord", "aiohttp", "pydantic"}


def test_stream_survives_a_closed_pipe(tmp_path: Path) -> None:
    questions = b"who leads the team\n" * 2000
    shell = f"{sys.executable} -m bot ask --json - | head -1"
    done = subprocess.run(shell, shell=True, input=questions, capture_output=True, cwd=tmp_path, timeout=60)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 1
    assert b"Traceback" not in done.stderr and b"BrokenPipe" not in done.stderr, done.stderr


HOSTILE = [
    "",
    "   ",
    "x",
    "who leads the team " * 250,  # over 4,000 characters
    "\x00\x01\x02\x1b[31mred\x7f",
    "who\u200b leads\u200f the\u202e team",
    "🙂🙂🙂",
    "누가 태스크포스를 이끄나요?",
    "谁领导工作组？",
    "من يقود فريق العمل؟",
    "```python\nprint('who leads the team')\n```",
    "**who** _leads_ the `team`?",
    "@everyone @here <@123> <@&456> who leads the team",
    "https://example.com/?q=who+leads",
    "'; DROP TABLE facts; --",
    "<script>alert(1)</script>",
    "{{7*7}} ${jndi:ldap://x} %s %n",
]


def test_hostile_input_in_the_json_stream(runner: CliRunner, seed_text: str) -> None:
    data = "\n".join(q.replace("\n", " ") for q in HOSTILE) + "\n"
    code, out, err = run(runner, "ask", "--json", "-", input=data.encode())
    assert code == 0 and "Traceback" not in err
    objs = [json.loads(line) for line in out.splitlines()]
    assert len(objs) == len(HOSTILE)
    for obj in objs:
        check_contract(obj, seed_text)
    assert "error" in objs[3] and not objs[3]["answered"]


@pytest.mark.parametrize("question", [q for q in HOSTILE if q.strip()])
def test_hostile_input_in_ask_and_chat(runner: CliRunner, question: str) -> None:
    code, out, err = run(runner, "ask", question)
    assert code == 0 and out.strip() and "Traceback" not in err
    code, out, err = run(runner, "chat", input=question.replace("\n", " ") + "\nquit\n")
    assert code == 0 and "bot> " in out and "Traceback" not in err


@pytest.mark.parametrize("question", ["Was the vote a good decision?", "Is the plan a good idea?"])
def test_a_question_asking_for_a_verdict_gets_no_verdict(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert not answer.answered and "verdict" in answer.answer


def test_a_terminal_colour_code_around_a_question_is_not_read_as_a_figure(engine: Engine) -> None:
    from bot.core.engine import tidy_question

    assert tidy_question("\x1b[31mhow old is the mayor\x1b[0m") == "how old is the mayor"
    plain, coloured = engine.ask("who leads the task force?"), engine.ask("\x1b[1;31mwho leads the task force?\x1b[0m")
    assert coloured.answered and coloured.fact_ids == plain.fact_ids
