"""A yes/no question about what happened is not answered by a sentence saying it was only asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.engine import Engine
from tests.core.drafted import drafted_engine

ARTICLE = (
    "OSLO, May 3 (Reuters) - Dock workers at the Port of Bergen walked off the job on Monday.\n"
    "The union rejected the employers’ offer on Sunday.\n"
    "Gov. Tomas Lind said he had asked the Vela Council to consider invoking the Harbour Act.\n"
    "Sen. Ida Voss said the strike showed why parliament should pass her Port Safety Bill.\n"
    "Opposition leaders called on Port Director Ana Berg to resign over the talks.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return drafted_engine(ARTICLE, "dock", Path(tmp_path_factory.mktemp("asserted")))


@pytest.mark.parametrize(
    "question",
    ["Did the Vela Council invoke the Harbour Act?", "Has the Port Safety Bill passed parliament?", "Did Ana Berg resign?"],
)
def test_what_was_only_asked_for_or_wished_did_not_happen(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert not answer.answered, answer.to_json()


def test_what_a_sentence_says_happened_answers_the_yes_no_question(engine: Engine) -> None:
    answer = engine.ask("Did the union reject the offer?")
    assert answer.answered and answer.citations[0].sentence_id == "p2.s1", answer.to_json()


RECALL = (
    "OSLO, May 3 (Reuters) - Vela Pharma recalled 16 lots of its children’s cough syrup on Monday.\n"
    "Residents of care homes were told the syrup was safe for adults.\n"
    "Customers can return the syrup to any pharmacy to get their money back, the company said.\n"
)


def test_a_how_to_question_is_answered_only_by_what_people_can_or_should_do(tmp_path: Path) -> None:
    engine = drafted_engine(RECALL, "recall", tmp_path)
    assert not engine.ask("How do I reset my home router?").answered
    answer = engine.ask("Can I get my money back for the syrup?")
    assert answer.answered and answer.citations[0].sentence_id == "p3.s1", answer.to_json()


def test_which_kind_of_person_someone_is_is_answered_by_the_kind_the_report_gives(tmp_path: Path) -> None:
    engine = drafted_engine(
        "OSLO, May 3 (Reuters) - The Vela lander touched down on Monday.\n"
        "Sen. Ana Lind, a Democrat on the Vela committee, called the landing a genuine achievement.\n"
        "Gov. Tomas Berg, a Republican, said the state would help.\n",
        "lander",
        tmp_path,
    )
    answer = engine.ask("Is Ana Lind a Republican?")
    assert answer.answered and answer.answer.startswith("No: a Democrat"), answer.to_json()
    assert answer.citations[0].sentence_id == "p2.s1"
    assert not engine.ask("Is Ana Lind a Catholic?").answered  # no kind of that sort given: unknown


def test_how_something_reacted_is_what_it_did_and_only_if_the_fact_names_it(tmp_path: Path) -> None:
    engine = drafted_engine(
        "OSLO, May 3 (Reuters) - Vela Pharma recalled 16 lots of cough syrup on Monday.\n"
        "Vela shares fell 9.5% to $41.20 on the Oslo exchange after the recall was announced.\n"
        "The company said the recall would cost about $30 million.\n",
        "react",
        tmp_path,
    )
    answer = engine.ask("How did Vela shares react to the recall?")
    assert answer.answered and answer.citations[0].sentence_id == "p2.s1", answer.to_json()
    assert not engine.ask("How did the euro react to the recall?").answered
