"""Property tests: for any text at all, the core answers with a well-formed Answer."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bot.core.answer import Answer
from bot.core.engine import MAX_QUESTION_CHARS, Engine

from ..conftest import REPORT_ID

# The examples per test come from the profile tests/conftest.py chooses (more when CI=true).

ROOT = Path(__file__).resolve().parents[2]
ENGINE = Engine.load(ROOT)
SEED = (ROOT / "seeds" / f"{REPORT_ID}.txt").read_text(encoding="utf-8")
SENTENCES = {s.id: s.text for s in ENGINE.fact_base().report.sentences}

# Words of the report mixed with noise, so the text reaches the matcher's deeper paths.
report_words = st.sampled_from(sorted({w.strip('.,“”’"') for w in SEED.split()} - {""}))
noise = st.sampled_from(
    [
        "@everyone",
        "<@123>",
        "<@&456>",
        "```",
        "**",
        "\u200b",
        "\u202e",
        "🙂",
        "누가",
        "谁",
        "من",
        "http://x.y/z",
        "'; DROP TABLE facts; --",
        "<b>",
        "{{x}}",
        "\x00",
        "\x1b[31m",
        "?",
        "how many",
        "who",
        "2024",
        "Ji-na",
        "\n",
    ]
)
questions = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(report_words, noise, st.text(max_size=5)), max_size=15).map(" ".join),
    st.text(min_size=MAX_QUESTION_CHARS - 5, max_size=MAX_QUESTION_CHARS + 50),
)


def check(answer: Answer, question: str) -> None:
    assert isinstance(answer, Answer)
    assert answer.answered == bool(answer.citations)
    assert 0.0 <= answer.confidence <= 1.0
    assert isinstance(answer.answer, str) and answer.answer
    for c in answer.citations:
        assert c.report == REPORT_ID
        assert SENTENCES[c.sentence_id] == c.text
        assert c.text in SEED
        assert c.sentence_id == f"p{c.paragraph}.s{c.sentence}"
    if not answer.answered:
        assert 2 <= len(answer.suggestions) <= 3
        assert all(len(s) <= 80 for s in answer.suggestions)
    if answer.error is not None:
        assert not answer.answered
    if len(question) > MAX_QUESTION_CHARS:
        assert answer.error and not answer.answered
    data = answer.to_json()
    assert set(data) >= {"question", "answered", "answer", "citations", "confidence", "suggestions"}


@given(questions)
def test_any_text_gets_a_well_formed_answer(question: str) -> None:
    check(ENGINE.ask(question), question)


@given(st.lists(report_words, min_size=1, max_size=8).map(" ".join))
def test_report_words_never_crash_and_cite_verbatim(question: str) -> None:
    check(ENGINE.ask(question), question)


@given(st.text(max_size=40))
def test_autocomplete_is_bounded(prefix: str) -> None:
    found = ENGINE.complete(prefix, limit=25)
    assert len(found) <= 25
    assert all(isinstance(q, str) and len(q) <= 100 for q in found)
