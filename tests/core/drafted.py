"""An engine over one article drafted as `reportbot add` drafts it, for tests of the general pipeline."""

from __future__ import annotations

from pathlib import Path

from bot.core.drafting import build_draft, finish_draft
from bot.core.engine import Engine
from bot.core.knowledge import load_fact_base


def drafted_engine(text: str, report_id: str, root: Path) -> Engine:
    """Draft ``text`` as report ``report_id`` into the data folder ``root`` and load it."""
    draft = build_draft(text, report_id, name=f"{report_id}.txt")
    finish_draft(draft, lambda _q, _f: True)
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    folder = root / "knowledge" / report_id
    folder.mkdir(parents=True)
    (root / "seeds" / f"{report_id}.txt").write_text(draft.seed_text, encoding="utf-8")
    (folder / "report.yaml").write_text(draft.report_yaml, encoding="utf-8")
    (folder / "drafted.yaml").write_text(draft.drafted_yaml, encoding="utf-8")
    return Engine([load_fact_base(root / "seeds" / f"{report_id}.txt", folder, root=root)])


def assert_cites(engine: Engine, question: str, sentence_id: str) -> None:
    """``question`` is answered, citing ``sentence_id`` first."""
    answer = engine.ask(question)
    assert answer.answered and answer.citations[0].sentence_id == sentence_id, answer.to_json()


def assert_answers(engine: Engine, question: str, part: str) -> None:
    """``question`` is answered, and ``part`` is in the short answer."""
    answer = engine.ask(question)
    assert answer.answered and part in answer.answer, answer.to_json()


def assert_declines(engine: Engine, question: str) -> None:
    """``question`` is declined, with no citation."""
    answer = engine.ask(question)
    assert not answer.answered and not answer.citations, answer.to_json()
