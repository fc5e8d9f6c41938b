"""The bot graded on the development questions (a copy kept in tests/data/), the same way
../shared/eval/grade.py grades it: a cited sentence must contain one of the expected phrases
(first two citations count), the answer must contain one expected term, and out-of-scope
questions must be declined."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from bot.core.engine import Engine

DATA = Path(__file__).resolve().parent / "data"
#: The bar of the product: cited right, with a direct answer, declined, answered-but-wrong.
MIN_CITED = 0.95
MIN_DIRECT = 0.90
MIN_DECLINED = 0.95
MAX_WRONG = 0.03
#: The held-out set (written independently of the fact base) has a lower, still useful bar.
HELDOUT_MIN_CITED = 0.85
HELDOUT_MIN_DECLINED = 0.80
HELDOUT_MAX_WRONG = 0.05


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).lower()


def grade(engine: Engine, path: Path) -> dict[str, float]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cited = direct = wrong = 0
    misses: list[str] = []
    for item in data["in_scope"]:
        answer = engine.ask(item["q"])
        texts = [norm(c.text) for c in answer.citations[:2]]
        ok = answer.answered and any(norm(m) in t for m in item["cite"] for t in texts)
        has = ok and any(norm(h) in norm(answer.answer) for h in item.get("has", []))
        cited += ok
        direct += has
        wrong += answer.answered and not ok
        if not ok:
            misses.append(f"{item['q']!r} -> {[c.sentence_id for c in answer.citations]}")
    declined = sum(not engine.ask(item["q"]).answered for item in data["out_of_scope"])
    n, m = len(data["in_scope"]), len(data["out_of_scope"])
    return {
        "cited": cited / n,
        "direct": direct / n,
        "wrong": wrong / n,
        "declined": declined / m,
        "misses": misses,
    }  # type: ignore[dict-item]


def test_dev_set_meets_the_bar(engine: Engine) -> None:
    score = grade(engine, DATA / "dev.yaml")
    assert score["cited"] >= MIN_CITED, score
    assert score["direct"] >= MIN_DIRECT, score
    assert score["declined"] >= MIN_DECLINED, score
    assert score["wrong"] <= MAX_WRONG, score


def test_heldout_set_meets_its_bar(engine: Engine) -> None:
    path = DATA / "heldout.yaml"
    if not path.exists():
        pytest.fail("tests/data/heldout.yaml is missing")
    score = grade(engine, path)
    assert score["cited"] >= HELDOUT_MIN_CITED, score
    assert score["declined"] >= HELDOUT_MIN_DECLINED, score
    assert score["wrong"] <= HELDOUT_MAX_WRONG, score


#: The development articles drafted by `reportbot add` with no hand edits: the bar they hold
#: today (cited right, declined, answered-but-wrong at most), so that no change loses ground.
#: The product's aim is higher (85% cited, 90% declined, at most one wrong answer).
DRAFTED_MIN_CITED = 0.80
DRAFTED_MIN_DECLINED = 0.85
DRAFTED_MAX_WRONG = 0.05


@pytest.mark.parametrize("article", sorted(p.stem for p in (DATA / "articles").glob("*.txt")))
def test_a_drafted_article_meets_its_bar(article: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from bot.cli import main

    result = CliRunner().invoke(
        main, ["add", str(DATA / "articles" / f"{article}.txt"), "--data-dir", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    engine = Engine.load(tmp_path)
    data = yaml.safe_load((DATA / "articles" / f"{article}.yaml").read_text(encoding="utf-8"))
    cited = wrong = 0
    for item in data["in_scope"]:
        answer = engine.ask(item["q"], article)
        texts = [norm(c.text) for c in answer.citations[:2]]
        ok = answer.answered and any(norm(m) in t for m in item["cite"] for t in texts)
        cited += ok
        wrong += answer.answered and not ok
    declined = sum(not engine.ask(item["q"], article).answered for item in data["out_of_scope"])
    n, m = len(data["in_scope"]), len(data["out_of_scope"])
    assert cited / n >= DRAFTED_MIN_CITED, (article, cited / n)
    assert declined / m >= DRAFTED_MIN_DECLINED, (article, declined / m)
    assert wrong / n <= DRAFTED_MAX_WRONG, (article, wrong / n)
