"""Splitting a report into paragraphs and sentences with stable ids."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bot.core.errors import UnknownSentence
from bot.core.report import Report, split_paragraph


@pytest.fixture(scope="module")
def report(root: Path) -> Report:
    return Report.from_file(root / "seeds" / "korea-cambodia-task-force.txt")


def texts(paragraph: str) -> list[str]:
    return [s.text for s in split_paragraph("r", 1, paragraph).sentences]


#: SHA-256 of the report as published; the seed must stay byte for byte the same.
PUBLISHED_SHA256 = "24aab6b16a9e4ee12aee2001130dbe28e4e301ac0bfd9a6d1c8d5c06a7d141bc"


def test_seed_is_the_published_report_unchanged(root: Path) -> None:
    data = (root / "seeds" / "korea-cambodia-task-force.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == PUBLISHED_SHA256


def test_every_sentence_is_verbatim_in_the_file(report: Report) -> None:
    for s in report.sentences:
        assert s.text in report.text
        assert s.text == s.text.strip()


def test_ids_are_one_based_and_stable(report: Report, root: Path) -> None:
    again = Report.from_file(root / "seeds" / "korea-cambodia-task-force.txt")
    assert [s.id for s in report.sentences] == [s.id for s in again.sentences]
    assert report.sentences[0].id == "p1.s1"
    assert report.sentence("p3.s1").text.startswith("The team, led by Second Vice Foreign Minister Kim Ji-na")
    assert len(report.paragraphs) == 18


def test_quote_followed_by_attribution_stays_one_sentence() -> None:
    got = texts("“We will act,” Kim said. The team leaves Wednesday.")
    assert got == ["“We will act,” Kim said.", "The team leaves Wednesday."]


def test_quote_then_new_quoted_sentence_splits(report: Report) -> None:
    p14 = report.paragraph(14).sentences
    assert len(p14) == 2
    assert p14[0].text.endswith("Rep. Choi Bo-yoon said in a statement.")
    assert p14[1].text.startswith("“Protecting the lives")


def test_abbreviation_does_not_end_a_sentence() -> None:
    assert texts("It was said by Rep. Choi in Seoul. Dr. Lee agreed.") == [
        "It was said by Rep. Choi in Seoul.",
        "Dr. Lee agreed.",
    ]
    assert texts("The U.S. team left. It came back.") == ["The U.S. team left.", "It came back."]


def test_question_in_quote_with_lowercase_attribution() -> None:
    assert texts("“Why now?” he asked. Nobody knew.") == ["“Why now?” he asked.", "Nobody knew."]


def test_photo_credit_is_not_citable(report: Report) -> None:
    first = report.paragraph(1)
    assert first.credit == "Pool Photo by Yonhap/EPA"
    assert all("Pool Photo" not in s.text for s in report.sentences)
    assert first.sentences[-1].text.endswith("presidential office in Seoul.")


def test_credit_pattern_needs_a_preceding_text() -> None:
    paragraph = split_paragraph("r", 1, "Lee spoke. Photo by Kim/AP")
    assert paragraph.credit == "Photo by Kim/AP"
    assert [s.text for s in paragraph.sentences] == ["Lee spoke."]


def test_unknown_sentence_id(report: Report) -> None:
    with pytest.raises(UnknownSentence, match=r"p99\.s1"):
        report.sentence("p99.s1")
    assert report.sentence(" P3.S2 ").id == "p3.s2"
