"""Sentence splitting and credit detection run in linear time on pathological paragraphs.

Each input is one where the former quadratic patterns took minutes (backtracking over a run of
dots or spaces from every start, or copying the rest of the paragraph at every candidate end) and
the linear code takes milliseconds. No timed assertions: a regression is caught by the timeout.
The results are checked too, so the fast path cannot be a wrong one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.knowledge import load_data_dir
from bot.core.report import Report, split_paragraph, split_sentences

from ..conftest import REPORT_ID

pytestmark = pytest.mark.timeout(60)

N = 300_000  # characters: about 10^10 steps for the quadratic patterns, 10^5 for the linear ones
BIG = 3_000_000  # characters, where the quadratic cost was copying (fast per byte, but 10^12 bytes)


def test_a_run_of_dots() -> None:
    text = "Start" + "." * N + "end"
    assert split_sentences(text) == [(0, len(text))]
    assert split_paragraph("r", 1, text).credit is None


def test_a_run_of_dots_then_a_sentence() -> None:
    text = "Start" + "." * N + " Next one."
    assert split_sentences(text) == [(0, 5 + N), (6 + N, len(text))]


def test_a_run_of_spaces() -> None:
    text = "Start" + " " * N + "end"
    assert [s.text for s in split_paragraph("r", 1, text).sentences] == [text]


def test_a_run_of_spaces_after_a_credit_word() -> None:
    text = "Start Photo by" + " " * N + "."
    paragraph = split_paragraph("r", 1, text)
    assert paragraph.credit is None
    assert [s.text for s in paragraph.sentences] == [text]


def test_many_credit_words_before_a_full_stop() -> None:
    text = "Photo by " * (N // 9) + ". next"
    paragraph = split_paragraph("r", 1, text)
    assert paragraph.credit is None
    assert len(paragraph.sentences) == 1


def test_many_credit_words_at_the_end() -> None:
    text = "Start." + " Photo by x" * (N // 11)
    paragraph = split_paragraph("r", 1, text)
    assert paragraph.credit is not None and paragraph.credit.startswith("Photo by x")
    assert [s.text for s in paragraph.sentences] == ["Start."]


@pytest.mark.parametrize("unit", ["a. ", ". ", "A. "])
def test_alternating_patterns(unit: str) -> None:
    """Many candidate ends, none a sentence end ("A." is an initial): each used to copy the rest
    of the paragraph, about 10^12 bytes for these 3 MB (minutes; now about a second)."""
    text = unit * (BIG // len(unit))
    assert split_sentences(text.rstrip()) == [(0, len(text.rstrip()))]


def test_many_real_sentences() -> None:
    text = "It is. " * (BIG // 7)
    spans = split_sentences(text.rstrip())
    assert len(spans) == BIG // 7
    assert {text[a:b] for a, b in spans} == {"It is."}


def test_a_pathological_paragraph_loads_through_the_fact_base(make_data_dir: Callable[..., Path]) -> None:
    data = make_data_dir()
    seed = data / "seeds" / f"{REPORT_ID}.txt"
    shipped = seed.read_text(encoding="utf-8")
    hostile = "\n".join(
        ["x" + "." * N + "x", "x" + " " * N + "x", "a. " * (N // 3), "x Photo by" + " " * N + "."]
    )
    seed.write_text(shipped + "\n" + hostile + "\n", encoding="utf-8")
    [base] = load_data_dir(data)
    before = Report(REPORT_ID, shipped)
    assert [s.id for s in base.report.sentences[: len(before.sentences)]] == [s.id for s in before.sentences]
    assert len(base.report.paragraphs) == len(before.paragraphs) + 4


def test_a_hostile_run_of_digits_and_commas_is_read_in_linear_time() -> None:
    from bot.core.article import read_article
    from bot.core.report import Report

    text = "Prices rose " + "1," * 50_000 + "1 percent on Monday.\n"  # 100 KB: hours before figures were bounded
    article = read_article(Report("x", text))
    assert any(s.kind == "date" for s in article.reading("p1.s1").spans)
