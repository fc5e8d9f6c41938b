"""The general pipeline on small articles of its own: reading the article and the question,
the named checks, the ambiguity rule, and short answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.article import PERSON, UNCLEAR, read_article
from bot.core.drafting import build_draft, finish_draft
from bot.core.engine import Engine
from bot.core.knowledge import load_fact_base
from bot.core.question import (
    AGE,
    DEFINITION,
    MEASURE,
    MONEY,
    NUMBER,
    ORGANISATION,
    PLACE,
    REASON,
    SAID,
    TIME,
    YES_NO,
    read_question,
    strip_markup,
)
from bot.core.report import Report

ARTICLE = (
    "HALIFAX, May 4 (Reuters) - The Harbour Authority of Nova Scotia (HANS) fined the ferry operator "
    "Bluewater Lines C$2.5 million on Tuesday for a fuel spill that closed the port for three days.\n"
    "Port Director Amelia Stroud said the spill had been cleaned up by Friday.\n"
    "“We will not let this happen again,” said Omar Stroud, chief engineer at Bluewater Lines, who is not "
    "related to the director. “Our crews are retraining now,” he said.\n"
    "Local fisher Dana Pike, 52, said she lost a week of catch because of the closure.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    root = tmp_path_factory.mktemp("data")
    draft = build_draft(ARTICLE, "ferry-spill", name="ferry-spill.txt")
    finish_draft(draft, lambda _q, _f: True)
    (root / "seeds").mkdir()
    folder = root / "knowledge" / "ferry-spill"
    folder.mkdir(parents=True)
    (root / "seeds" / "ferry-spill.txt").write_text(draft.seed_text, encoding="utf-8")
    (folder / "report.yaml").write_text(draft.report_yaml, encoding="utf-8")
    (folder / "drafted.yaml").write_text(draft.drafted_yaml, encoding="utf-8")
    return Engine([load_fact_base(root / "seeds" / "ferry-spill.txt", folder, root=root)])


def test_the_article_is_read_once_into_people_roles_acronyms_and_speakers() -> None:
    article = read_article(Report("x", ARTICLE))
    assert "Amelia Stroud" in article.people and "Omar Stroud" in article.people
    assert article.people["Amelia Stroud"].roles == ("Port Director",)
    assert "chief engineer at Bluewater Lines" in article.people["Omar Stroud"].roles
    assert article.organisations["HANS"] == "Harbour Authority of Nova Scotia"
    assert article.dateline == {"place": "Halifax", "date": "May 4", "agency": "Reuters"}
    first = {(s.kind, s.text) for s in article.reading("p1.s1").spans}
    assert {("place", "HALIFAX"), ("organisation", "Reuters"), ("date", "May 4")} <= first
    quote = article.reading("p3.s2")
    assert quote.speaker == "Omar Stroud"  # "he said" after Omar Stroud's quote
    kinds = {s.kind for s in article.reading("p4.s1").spans}
    assert PERSON in kinds and "age" in kinds


def test_a_shared_surname_alone_is_unclear() -> None:
    article = read_article(Report("x", ARTICLE + "Stroud said the port reopened on Saturday.\n"))
    assert article.reading("p5.s1").speaker == UNCLEAR


_TWO_STROUDS = ARTICLE.split("Local fisher")[0]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Director Stroud said the port reopened on Saturday.", "Amelia Stroud"),  # her title
        ("Stroud, the director, said the port reopened on Saturday.", "Amelia Stroud"),  # her apposition
        ("“We found the leak on Monday,” Stroud said.", "Omar Stroud"),  # named in full just before
    ],
)
def test_a_shared_surname_is_the_one_its_title_or_the_last_full_name_gives(sentence: str, speaker: str) -> None:
    article = read_article(Report("x", _TWO_STROUDS + sentence + "\n"))
    assert article.reading("p4.s1").speaker == speaker


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When was the fine issued?", TIME),
        ("Where did the spill happen?", PLACE),
        ("How much was the fine?", MONEY),
        ("How many crews were retrained?", NUMBER),
        ("How long was the port closed?", MEASURE),
        ("how old is dana pike", AGE),
        ("Why did the port close?", REASON),
        ("What did Omar Stroud say about the crews?", SAID),
        ("Was the port closed?", YES_NO),
        ("Which states does the operator sail to?", PLACE),
        ("Who is in charge of the port?", PERSON),
        ("Who was runner-up among the fishers?", PERSON),
        ("In which towns did the catch fall?", PLACE),
        ("Who runs the museum?", PERSON),  # a director, or a body: a person question takes both
        ("Who owns the painting?", PERSON),
        ("Who published the report?", ORGANISATION),
        ("Who won the Vela Open women's title?", PERSON),  # a sports title, not a job
        ("Who is buying Orbis Bank?", PERSON),  # who does something, not who someone is
        ("Who was named best director?", PERSON),
        ("Who is Ana Lind?", DEFINITION),
        ("What is her job?", DEFINITION),
    ],
)
def test_the_question_says_what_kind_of_answer_it_wants(question: str, kind: str) -> None:
    assert read_question(question).kind == kind


@pytest.mark.parametrize(
    "marked",
    [
        "**who** fined the operator?",
        "__who__ fined the operator?",
        "*who* fined the operator?",
        "`who` fined the operator?",
        "```who fined the operator?```",
        "<b>who</b> fined the operator?",
        "> who fined the operator?",
        "# who fined the operator?",
        "||who|| fined the operator?",
        "~~who~~ fined the operator?",
        "[who](https://example.com) fined the operator?",
        "- who fined the operator?",
    ],
)
def test_markup_is_removed_before_reading(marked: str) -> None:
    assert strip_markup(marked) == "who fined the operator?"


def test_a_figure_the_report_does_not_state_is_declined(engine: Engine) -> None:
    answer = engine.ask("Was the fine C$9 million or C$2.5 million?")
    assert answer.answered  # a yes/no or either-or question may name a wrong figure
    assert not engine.ask("What happened to the C$7 million bond?").answered


def test_a_name_the_report_never_uses_is_declined(engine: Engine) -> None:
    assert not engine.ask("What did Governor Whitmore say about the spill?").answered


def test_a_wanted_kind_the_sentence_lacks_is_declined(engine: Engine) -> None:
    answer = engine.ask("How old is Amelia Stroud?")
    assert not answer.answered, answer.to_json()


def test_short_answers_are_spans_of_the_wanted_kind(engine: Engine) -> None:
    age = engine.ask("How old is Dana Pike?")
    assert age.answered and age.answer == "52"
    fine = engine.ask("How much was Bluewater Lines fined?")
    assert fine.answered and fine.answer.startswith("C$2.5 million")
    assert fine.citations[0].sentence_id == "p1.s1"


def test_a_bare_shared_name_is_declined_with_suggestions(engine: Engine) -> None:
    answer = engine.ask("Stroud")
    assert not answer.answered
    assert len(answer.suggestions) >= 2
    assert answer.to_json()["facts"] == []


def test_a_keyword_query_one_sentence_answers_is_answered(engine: Engine) -> None:
    answer = engine.ask("dana pike catch")
    assert answer.answered and answer.citations[0].sentence_id == "p4.s1"


def test_explain_names_the_check_that_decided(engine: Engine) -> None:
    answer = engine.ask("How old is Amelia Stroud?")
    assert answer.explain["matcher"] == "general"
    failed = [f["check"] for c in answer.explain["candidates"] for f in c["failed"]]
    assert "kind_in_fact" in failed


def test_a_common_word_is_never_repaired_into_a_name(engine: Engine) -> None:
    index = next(iter(engine.indexes.values()))
    words = ["about", "after", "again", "another", "answer", "because", "before", "better", "between", "bring", "carry", "change", "clean", "close", "could", "count", "cover", "early", "every", "field", "final", "first", "friend", "great", "group", "happen", "heavy", "house", "large", "later", "learn", "leave", "light", "money", "month", "never", "night", "offer", "often", "order", "paper", "party", "place", "plant", "point", "power", "price", "public", "quite", "river", "round", "seven", "share", "short", "small", "sound", "south", "speak", "stand", "start", "state", "still", "story", "study", "table", "today", "total", "trade", "until", "water", "while", "woman", "world", "would", "write", "young"]
    assert len(words) >= 50
    for word in words:
        assert index.query(word).corrections == (), word


def test_every_drafted_fact_is_answered_by_its_own_question(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from bot.cli import main

    (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["add", str(tmp_path / "ferry.txt"), "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    engine = Engine.load(tmp_path / "d")
    for fact in engine.fact_base().facts:
        answer = engine.ask(fact.suggestion)
        assert answer.answered and answer.fact_ids[0] == fact.id, (fact.id, fact.suggestion)


def test_several_reports_route_a_question_to_the_report_it_is_about(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from bot.cli import main

    other = (
        "GENEVA, June 2 (AP) - The World Chess Federation (FIDE) named Lena Okri its new president on Monday.\n"
        "Okri, 47, won 61 of the 90 votes cast by national federations.\n"
    )
    (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "chess.txt").write_text(other, encoding="utf-8")
    runner = CliRunner()
    for name in ("ferry.txt", "chess.txt"):
        result = runner.invoke(main, ["add", str(tmp_path / name), "--data-dir", str(tmp_path / "d")])
        assert result.exit_code == 0, result.output
    engine = Engine.load(tmp_path / "d")
    votes = engine.ask("How many votes did Lena Okri win?")
    assert votes.answered and votes.citations[0].report == "chess" and votes.answer.startswith("61")
    age = engine.ask("How old is Dana Pike?")
    assert age.answered and age.citations[0].report == "ferry"
    assert not engine.ask("How many votes did Dana Pike win?").answered


def test_a_few_curated_facts_keep_a_drafted_report_on_the_general_pipeline(tmp_path: Path) -> None:
    from bot.core.verdict import GeneralIndex
    from tests.core.drafted import drafted_engine

    text = (
        "The Bank of Norway cut its benchmark rate to 2.00% on Wednesday, Governor Ana Ruiz told reporters in Oslo.\n"
        "Fjord Street Securities expects one more cut by the summer.\n"
        "Prices rose 1.8% in the year to March, the statistics office said.\n"
    )
    drafted_engine(text, "rates", tmp_path)
    (tmp_path / "knowledge" / "rates" / "curated.yaml").write_text(
        "facts:\n"
        "  - id: governor\n"
        "    topic: The Bank of Norway\n"
        "    type: [who]\n"
        "    questions: [Who is the governor of the Bank of Norway?, who runs the bon]\n"
        "    answer: Ana Ruiz, the Governor of the Bank of Norway\n"
        "    sources:\n"
        "      - sentence: p1.s1\n"
        "        quote: \"The Bank of Norway cut its benchmark rate to 2.00% on Wednesday, Governor Ana Ruiz told reporters in Oslo.\"\n",
        encoding="utf-8",
    )
    engine = Engine.load(tmp_path)
    assert isinstance(engine.indexes["rates"], GeneralIndex)
    assert engine.ask("who runs the bon").answer.startswith("Ana Ruiz, the Governor")
    answer = engine.ask("How much did prices rise in the year to March?")
    assert answer.answered and "1.8%" in answer.answer, answer.to_json()
