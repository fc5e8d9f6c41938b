"""``reportbot review``: the groups, ``--export`` and ``--apply``, through the CLI runner."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.core.engine import Engine
from bot.feedback.events import FeedbackEvent
from bot.feedback.review import analysed, group_questions, selected
from bot.feedback.store import SqliteFeedbackStore, StoredFeedback

from .conftest import REPORT_ID
from .test_cli_add import ARTICLE

CAPTAINS = "Which official captains the team?"
TASK_FORCE = f"knowledge/{REPORT_ID}/task-force.yaml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def record(db: Path, *events: FeedbackEvent) -> Path:
    with SqliteFeedbackStore(db, 3650) as store:
        for e in events:
            store.record(e)
    return db


def declined(question: str, report: str | None = None, **kw: object) -> FeedbackEvent:
    return FeedbackEvent(kind="declined", question=question, report=report, **kw)  # type: ignore[arg-type]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return record(
        tmp_path / "feedback.sqlite3",
        declined(CAPTAINS),
        declined("which official captains the team"),
        declined("which official is captaining the team?"),
        declined("What is the currency of Cambodia?"),
        declined("what currency does Cambodia use"),
        FeedbackEvent(
            kind="uncertain",
            question="who is the head honcho",
            report=REPORT_ID,
            fact_ids=("team-leader",),
            confidence=0.4,
        ),
        FeedbackEvent(
            kind="helpful", question="Who leads the task force?", report=REPORT_ID, fact_ids=("team-leader",)
        ),
    )


def test_questions_are_compared_as_analysed() -> None:
    assert analysed("Who is heading the task-force?") == analysed("who is heading the task force")
    assert analysed("Kidnappings rise") == analysed("kidnapping rises")
    items = [
        StoredFeedback(i, declined(q))
        for i, q in enumerate(
            ["who heads the task force", "Who heads the task-force?", "what is the currency"]
        )
    ]
    groups = group_questions(items)
    assert [g.count for g in groups] == [2, 1]
    assert groups[0].variants == ["Who heads the task-force?"]  # the two spellings are one variant


def test_selection_by_kind_report_and_age() -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    items = [
        StoredFeedback(1, declined("old one", at=now - timedelta(days=40))),
        StoredFeedback(2, declined("other report", report="other")),
        StoredFeedback(3, FeedbackEvent(kind="helpful", question="liked")),
        StoredFeedback(4, declined("asked of every report", at=now - timedelta(days=1))),
    ]
    kept = selected(items, report=REPORT_ID, since_days=30, now=now)
    assert [i.id for i in kept] == [4]


def test_review_lists_groups_largest_first_with_the_closest_fact(db: Path) -> None:
    code, out = run("review", "--db", str(db))
    assert code == 0, out
    blocks = out.split("\n\n")
    assert blocks[0] == f"{db}: 3 group(s) of questions to review, largest first."
    first = blocks[1]
    assert first.startswith(f"1. 3× {CAPTAINS!r}  (3 declined)")
    assert "'which official is captaining the team?'" in first
    assert "the bot now: declines" in first
    assert "closest fact: team-leader (score 0.5" in first
    assert "p3.s1: The team, led by Second Vice Foreign Minister Kim Ji-na" in first
    assert blocks[2].startswith("2. 2× 'What is the currency of Cambodia?'  (2 declined)")
    assert blocks[3].startswith("3. 1× 'who is the head honcho'  (1 uncertain)")
    assert "Who leads the task force?" not in out, "helpful votes are not for review"
    code, out = run("review", "--db", str(db), "--min-count", "3")
    assert out.count("closest fact") == 1
    code, out = run("review", "--db", str(db), "--report", "nope")
    assert code == 1 and "Unknown report 'nope'" in out


def test_review_of_a_missing_database_says_so(tmp_path: Path) -> None:
    code, out = run("review", "--db", str(tmp_path / "none.sqlite3"))
    assert code == 0 and "no feedback recorded yet" in out


def in_group_2(text: str, *replacements: tuple[str, str]) -> str:
    """``text`` with each (old, new) replaced once, in group 2 only."""
    head, tail = text[: text.index("# 2.")], text[text.index("# 2.") :]
    for old, new in replacements:
        assert old in tail
        tail = tail.replace(old, new, 1)
    return head + tail


SKIP = "action: skip  # or new-fact, or add-questions"
NO_ANSWER = 'answer: ""  # write the answer the report gives'


def export(db: Path, target: Path, *extra: str) -> str:
    code, out = run("review", "--db", str(db), "--export", str(target), *extra)
    assert code == 0, out
    return target.read_text(encoding="utf-8")


def test_the_export_is_yaml_to_edit_with_counts(db: Path, tmp_path: Path) -> None:
    text = export(db, tmp_path / "review.yaml")
    assert f'# 1. asked 3 time(s) (3 × declined): "{CAPTAINS}"' in text
    first = text[text.index("# 1.") : text.index("# 2.")]
    assert "action: add-questions" in first and "fact: team-leader" in first
    assert f'- "{CAPTAINS}"' in first and '- "which official is captaining the team?"' in first
    currency = text[text.index("# 2.") : text.index("# 3.")]
    assert "action: skip  # or new-fact" in currency, "a far fact is not changed without a person"
    assert "new_fact:" in currency and 'answer: ""' in currency and "- sentence: p1.s1" in currency
    code, out = run("review", "--db", str(db), "--export", str(tmp_path / "review.txt"))
    assert code == 2 and "name the file .yaml" in out


def test_apply_adds_the_ways_of_asking_and_keeps_everything_else(
    db: Path, tmp_path: Path, make_data_dir: Callable[..., Path]
) -> None:
    data = make_data_dir()
    target = data / TASK_FORCE
    before = target.read_text(encoding="utf-8")
    exported = tmp_path / "review.yaml"
    export(db, exported, "--min-count", "3")
    code, out = run("review", "--apply", str(exported), "--data-dir", str(data), "--dry-run")
    assert code == 0, out
    assert f"+++ b/{TASK_FORCE}" in out and f"+      - {CAPTAINS}" in out
    assert target.read_text(encoding="utf-8") == before, "--dry-run writes nothing"
    code, out = run("review", "--apply", str(exported), "--data-dir", str(data))
    assert code == 0, out
    assert f"updated {TASK_FORCE}" in out
    after = target.read_text(encoding="utf-8")
    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert changed == [f"+       - {CAPTAINS}", "+       - which official is captaining the team?"]
    assert after.startswith("# The task force: what it is"), "comments are kept"
    assert sorted(p.name for p in target.parent.iterdir()) == sorted(
        p.name for p in (Path(__file__).parents[1] / "knowledge" / REPORT_ID).iterdir()
    )
    code, out = run("check", "--data-dir", str(data))
    assert code == 0, out
    answer = Engine.load(data).ask(CAPTAINS)
    assert (
        answer.answered and answer.fact_ids[0] == "team-leader" and answer.citations[0].sentence_id == "p3.s1"
    )
    code, out = run("review", "--apply", str(exported), "--data-dir", str(data))
    assert code == 0 and "Nothing to apply" in out, "applying twice adds nothing twice"


def test_apply_to_a_drafted_report_writes_a_curated_copy(tmp_path: Path) -> None:
    (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    data = tmp_path / "d"
    assert run("add", str(tmp_path / "ferry.txt"), "--data-dir", str(data))[0] == 0
    drafted = (data / "knowledge/ferry/drafted.yaml").read_text(encoding="utf-8")
    db = record(
        tmp_path / "f.sqlite3",
        declined("who is the head of the port"),
        declined("Who is the head of the port?"),
    )
    text = export(db, tmp_path / "r.yaml", "--data-dir", str(data))
    assert "# a drafted fact: its curated copy needs an answer" in text
    (tmp_path / "r.yaml").write_text(
        re.sub(r"action: skip.*", "action: add-questions", text), encoding="utf-8"
    )
    code, out = run("review", "--apply", str(tmp_path / "r.yaml"), "--data-dir", str(data))
    assert code == 0, out
    assert "a curated copy in curated.yaml now overrides the drafted fact" in out
    assert (data / "knowledge/ferry/drafted.yaml").read_text(encoding="utf-8") == drafted, "never edited"
    curated = (data / "knowledge/ferry/curated.yaml").read_text(encoding="utf-8")
    assert "- id: p2-s1" in curated and "- Who is the head of the port?" in curated
    assert "answer: Port Director Amelia Stroud said" in curated
    assert run("check", "--data-dir", str(data))[0] == 0
    answer = Engine.load(data).ask("who is the head of the port")
    assert answer.answered and answer.citations[0].sentence_id == "p2.s1"


def test_a_new_fact_needs_its_answer_and_then_is_added(
    db: Path, tmp_path: Path, make_data_dir: Callable[..., Path]
) -> None:
    data = make_data_dir()
    path = tmp_path / "r.yaml"
    text = export(db, path)
    path.write_text(in_group_2(text, (SKIP, "action: new-fact")), encoding="utf-8")
    code, out = run("review", "--apply", str(path), "--data-dir", str(data))
    assert code == 1 and "group 2: write the new fact's `answer`" in out
    answered = in_group_2(
        text, (SKIP, "action: new-fact"), (NO_ANSWER, "answer: The report does not name it")
    )
    path.write_text(answered, encoding="utf-8")
    code, out = run("review", "--apply", str(path), "--data-dir", str(data))
    assert code == 0, out
    assert "what-is-the-currency-of-cambodia: a new fact in knowledge/" in out
    curated = (data / "knowledge" / REPORT_ID / "curated.yaml").read_text(encoding="utf-8")
    assert "- What is the currency of Cambodia?" in curated and "- sentence: p1.s1" in curated
    assert run("check", "--data-dir", str(data))[0] == 0


def test_a_broken_result_is_refused_and_nothing_is_written(
    db: Path, tmp_path: Path, make_data_dir: Callable[..., Path]
) -> None:
    data = make_data_dir()
    before = {p: p.read_text(encoding="utf-8") for p in (data / "knowledge" / REPORT_ID).iterdir()}
    path = tmp_path / "r.yaml"
    text = export(db, path)
    path.write_text(text.replace("fact: team-leader", "fact: no-such-fact", 1), encoding="utf-8")
    code, out = run("review", "--apply", str(path), "--data-dir", str(data))
    assert code == 1 and "has no fact 'no-such-fact'" in out
    bad = in_group_2(
        text, (SKIP, "action: new-fact"), (NO_ANSWER, "answer: x"), ("- sentence: p1.s1", "- sentence: p1.s9")
    )
    path.write_text(bad, encoding="utf-8")
    code, out = run("review", "--apply", str(path), "--data-dir", str(data))
    assert code == 1 and "Not applied: the result would not load" in out and "p1.s9" in out
    path.write_text("groups: 3\n", encoding="utf-8")
    code, out = run("review", "--apply", str(path), "--data-dir", str(data))
    assert code == 1 and "expected `groups:`" in out
    path.write_text("groups: [\n", encoding="utf-8")
    code, out = run("review", "--apply", str(path), "--data-dir", str(data))
    assert code == 1 and "is not valid YAML" in out and "Traceback" not in out
    assert {p: p.read_text(encoding="utf-8") for p in (data / "knowledge" / REPORT_ID).iterdir()} == before


def test_export_and_apply_do_one_thing_each(db: Path, tmp_path: Path) -> None:
    code, out = run("review", "--export", str(tmp_path / "a.yaml"), "--apply", str(tmp_path / "a.yaml"))
    assert code == 2 and "one after the other" in out
    code, out = run("review", "--dry-run")
    assert code == 2 and "--dry-run goes with --apply" in out


#: The feedback behind the README's "Curating" transcript.
README_EVENTS = (
    declined(CAPTAINS),
    declined("which official captains the team"),
    declined("Which official is captaining the team?"),
    declined("What is the currency of Cambodia?"),
    FeedbackEvent(
        kind="uncertain",
        question="who is the head honcho",
        report=REPORT_ID,
        fact_ids=("team-leader",),
        confidence=0.55,
    ),
)
README_DB = "/home/me/.local/share/reportbot/feedback.sqlite3"


def test_the_readme_curating_transcript_is_what_the_commands_print(
    tmp_path: Path, make_data_dir: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Curating\n") :]
    block = section[section.index("```text\n") + 8 : section.index("```", section.index("```text\n") + 8)]
    data = make_data_dir()
    db = record(tmp_path / "feedback.sqlite3", *README_EVENTS)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPORTBOT_DATA_DIR", str(data))
    monkeypatch.setenv("REPORTBOT_FEEDBACK_DB", str(db))
    steps = re.findall(r"^\$ (reportbot [^\n]*)\n(.*?)(?=^\$ |\Z)", block, re.M | re.S)
    assert [c for c, _ in steps][:2] == [
        "reportbot review",
        "reportbot review --min-count 2 --export review.yaml",
    ]
    assert len(steps) == 6
    for command, printed in steps:
        args = [a.strip('"') for a in re.findall(r'"[^"]*"|\S+', command)][1:]
        result = CliRunner().invoke(main, args, terminal_width=88)
        assert result.exit_code == 0, result.output
        shown = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "DATE", result.output.replace(str(db), README_DB))
        assert shown.strip() == printed.strip(), command
