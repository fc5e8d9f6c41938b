"""Loading and validating the fact base, on the shipped files and on broken ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.errors import KnowledgeError
from bot.core.knowledge import FACT_TYPES, MAX_SUGGESTION_CHARS, load_data_dir
from bot.core.report import Report

from ..conftest import REPORT_ID

BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken"
KNOWLEDGE = f"knowledge/{REPORT_ID}"


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_data_dir(data_dir)
    return [str(p) for p in caught.value.problems]


def test_every_shipped_fact_base_loads_and_cites_verbatim(root: Path) -> None:
    bases = load_data_dir(root)
    assert [b.id for b in bases] == [REPORT_ID]
    seed_text = (root / "seeds" / f"{REPORT_ID}.txt").read_text(encoding="utf-8")
    report = Report.from_file(root / "seeds" / f"{REPORT_ID}.txt")
    for base in bases:
        assert len(base.facts) >= 40
        for fact in base.facts:
            assert fact.answer and fact.questions and fact.sources
            assert set(fact.types) <= FACT_TYPES
            assert len(fact.suggestion) <= MAX_SUGGESTION_CHARS
            for s in fact.sources:
                assert s.text in seed_text
                assert report.sentence(s.id).text == s.text


def test_every_sentence_is_cited_or_explained(root: Path) -> None:
    for base in load_data_dir(root):
        assert base.uncited() == []


def test_malformed_yaml_names_file_and_line(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir({f"{KNOWLEDGE}/zz.yaml": (BROKEN / "malformed.yaml").read_text()})
    [problem] = problems_of(data)
    assert problem.startswith(f"{KNOWLEDGE}/zz.yaml:")
    assert "malformed YAML" in problem
    line = int(problem.split(":")[1])
    assert 3 <= line <= 5


def test_duplicate_id_names_both_places(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir({f"{KNOWLEDGE}/zz.yaml": (BROKEN / "duplicate-id.yaml").read_text()})
    [problem] = problems_of(data)
    assert problem.startswith(f"{KNOWLEDGE}/zz.yaml:2:")
    assert "duplicate fact id 'team-leader'" in problem
    assert "task-force.yaml:" in problem


def test_unknown_sentence_id(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir({f"{KNOWLEDGE}/zz.yaml": (BROKEN / "unknown-sentence.yaml").read_text()})
    [problem] = problems_of(data)
    assert "'p40.s1', which is not a sentence" in problem
    assert "zz.yaml:" in problem


def test_empty_fields_are_each_reported(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir({f"{KNOWLEDGE}/zz.yaml": (BROKEN / "empty-fields.yaml").read_text()})
    found = "\n".join(problems_of(data))
    assert "needs a non-empty `topic`" in found
    assert "needs a non-empty `answer`" in found
    assert "`questions` must not be empty" in found


def test_wrong_types_are_reported(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir({f"{KNOWLEDGE}/zz.yaml": (BROKEN / "wrong-types.yaml").read_text()})
    found = "\n".join(problems_of(data))
    assert "unknown type 'whom'" in found
    assert "`keywords` must be a list" in found
    assert "needs a non-empty `answer`" in found
    assert "needs `sources`" in found


def test_quote_altered_by_one_word_is_caught(make_data_dir: Callable[..., Path], root: Path) -> None:
    path = root / KNOWLEDGE / "task-force.yaml"
    text = path.read_text(encoding="utf-8")
    altered = text.replace("led by Second Vice Foreign Minister", "led by First Vice Foreign Minister", 1)
    assert altered != text
    data = make_data_dir({f"{KNOWLEDGE}/task-force.yaml": altered})
    [problem] = problems_of(data)
    assert "does not match the report verbatim" in problem
    assert "'First'" in problem and "'Second'" in problem
    assert problem.startswith(f"{KNOWLEDGE}/task-force.yaml:")


def test_quote_of_another_sentence_is_named(make_data_dir: Callable[..., Path], root: Path) -> None:
    text = (root / KNOWLEDGE / "task-force.yaml").read_text(encoding="utf-8")
    swapped = text.replace("sentence: p3.s2", "sentence: p3.s1", 1)
    data = make_data_dir({f"{KNOWLEDGE}/task-force.yaml": swapped})
    [problem] = problems_of(data)
    assert "cites p3.s1 but quotes p3.s2" in problem


def test_edited_report_is_caught(make_data_dir: Callable[..., Path], root: Path) -> None:
    seed = (root / "seeds" / f"{REPORT_ID}.txt").read_text(encoding="utf-8")
    data = make_data_dir({f"seeds/{REPORT_ID}.txt": seed.replace("soared to 220", "soared to 230")})
    found = problems_of(data)
    assert found and all("p8.s1" in p for p in found)


def test_empty_file_and_unknown_key(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir({f"{KNOWLEDGE}/empty.yaml": "", f"{KNOWLEDGE}/odd.yaml": "fact: []\n"})
    found = "\n".join(problems_of(data))
    assert "empty.yaml: the file is empty" in found
    assert "odd.yaml:1: unknown key 'fact'" in found


def test_missing_knowledge_folder_and_orphan_folder(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir(
        {
            "seeds/other-report.txt": "A lone report. It has no facts.\n",
            "knowledge/ghost/facts.yaml": "facts: []\n",
        }
    )
    found = "\n".join(problems_of(data))
    assert "seeds/other-report.txt: no knowledge folder" in found
    assert "there is no report seeds/ghost.txt" in found


def test_problems_are_all_collected(make_data_dir: Callable[..., Path]) -> None:
    files = {f"{KNOWLEDGE}/{p.name}": p.read_text() for p in BROKEN.glob("*.yaml")}
    assert len(problems_of(make_data_dir(files))) >= len(files)


def test_uncovered_entry_needs_a_reason(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir({f"{KNOWLEDGE}/zz.yaml": "uncovered:\n  - sentence: p8.s2\n"})
    found = "\n".join(problems_of(data))
    assert "needs a `reason`" in found
