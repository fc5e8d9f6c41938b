"""A sentence naming someone by surname alone is about the person whose title the report gives elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.engine import Engine
from tests.core.drafted import drafted_engine

ARTICLE = (
    "OSLO, May 3 (Reuters) - About 900 dock workers walked off the job at the Port of Bergen on Monday.\n"
    "“We are not against machines,” union President Tomas Lind told strikers outside the hall.\n"
    "Lind, 58, has worked as a crane operator at the port for 31 years.\n"
    "The employers’ chief negotiator, Karen Voss, said the offer was fair.\n"
    "The union wants a 38% raise over six years. The union said the talks had failed.\n"
    "Shipping lines said the union had cost them millions.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return drafted_engine(ARTICLE, "dock", Path(tmp_path_factory.mktemp("referred")))


def test_the_age_of_someone_asked_by_title_is_found_where_only_their_surname_stands(engine: Engine) -> None:
    answer = engine.ask("How old is the union president?")
    assert answer.answered and answer.citations[0].sentence_id == "p3.s1", answer.to_json()
    assert "58" in answer.answer


def test_who_holds_the_title_is_still_the_sentence_that_gives_it(engine: Engine) -> None:
    answer = engine.ask("Who is the union president?")
    assert answer.answered and answer.citations[0].sentence_id == "p2.s1", answer.to_json()


PARTIES = (
    "LISBON, May 3 (Reuters) - Parliament passed the pension bill on Friday by 119 votes to 104.\n"
    "To win over the Civic Renewal party (RC), the government agreed to raise the minimum pension by 4.5%.\n"
    "Joana Lind, leader of the opposition Socialist Party (PS), said her party would repeal the law.\n"
    "Finance Minister Ana Voss said the deal would cost 300 million euros a year.\n"
)


def test_the_leader_of_one_party_is_no_answer_for_the_leader_of_another(tmp_path: Path) -> None:
    engine = drafted_engine(PARTIES, "pension", tmp_path)
    assert not engine.ask("Who leads the Civic Renewal party?").answered
    answer = engine.ask("Who leads the Socialist Party?")
    assert answer.answered and "Joana Lind" in answer.answer, answer.to_json()


def test_a_role_the_question_already_says_is_not_said_again(tmp_path: Path) -> None:
    engine = drafted_engine(
        "OSLO, May 3 (Reuters) - Fire crews reached the Bergen dam on Monday.\n"
        "The dam’s chief engineer, Dr. Ana Lind, said the wall would hold.\n",
        "dam",
        tmp_path,
    )
    assert engine.ask("Who is the dam's chief engineer?").answer == "Dr. Ana Lind"
    assert "chief engineer" in engine.ask("Who is Ana Lind?").answer


def test_who_will_run_it_is_whoever_the_report_gives_the_title(tmp_path: Path) -> None:
    engine = drafted_engine(
        "OSLO, May 3 (Reuters) - Vela Bank agreed to buy Orbis Bank for $4 billion on Monday.\n"
        "Vela Chief Executive Ana Lind will be chief executive of the combined bank.\n"
        "The deal needs approval from the Bergen Banking Authority.\n",
        "banks",
        tmp_path,
    )
    answer = engine.ask("Who will run the combined bank?")
    assert answer.answered and "Ana Lind" in answer.answer, answer.to_json()
    assert not engine.ask("Who will be the combined bank's chief financial officer?").answered


def test_who_did_it_is_the_doer_not_the_one_it_was_done_to(tmp_path: Path) -> None:
    engine = drafted_engine(
        "MELBOURNE, Jan. 31 (Reuters) - Czech teenager Ana Lind stunned top seed Ida Berg 4-6 7-6 6-3 "
        "to win the Vela Open women’s title on Saturday.\n"
        "Bergen First, a party founded in 2019 by retired Gen. Tomas Voss, won 15 seats.\n",
        "final",
        tmp_path,
    )
    assert "Ana Lind" in engine.ask("Who won the Vela Open women's title?").answer
    assert "Tomas Voss" in engine.ask("Who founded Bergen First?").answer


def test_who_someone_is_cites_where_the_report_says_it_and_says_it_once(tmp_path: Path) -> None:
    engine = drafted_engine(
        "DURANGO, Colo., Aug. 11 (Reuters) - A wildfire forced 6,400 residents from their homes.\n"
        "At least 37 homes were destroyed, said Karen Lind, the incident commander for the federal team.\n"
        "Lind said gusts had grounded aircraft for most of Monday. “We can’t put people in front of that,” she said.\n",
        "fire",
        tmp_path,
    )
    answer = engine.ask("Who is Karen Lind?")
    assert answer.citations[0].sentence_id == "p2.s1", answer.to_json()
    assert answer.answer == "Karen Lind, the incident commander for the federal team"


def test_who_runs_it_is_answered_by_whoever_holds_a_title(tmp_path: Path) -> None:
    engine = drafted_engine(
        "HARTFORD, Conn., March 9 (Reuters) - Thieves took five paintings from the Vela Museum on Sunday.\n"
        "The works had a combined insured value of $62 million, the museum’s director, Dr. Ana Lind, said.\n"
        "Police said the thieves escaped in a gray van.\n",
        "heist",
        tmp_path,
    )
    answer = engine.ask("Who runs the museum?")
    assert answer.answered and "p2.s1" in [c.sentence_id for c in answer.citations[:2]], answer.to_json()


@pytest.mark.parametrize(
    ("text", "question", "sentence_id", "age"),
    [
        pytest.param(  # a specialist's title set off after a name is read as a role
            "Vela County confirmed 64 measles cases on Friday, up from 51 a week earlier.\n"
            "“Measles finds the gaps very fast,” said Dr. Ana Lind, Vela’s state epidemiologist.\n"
            "A 3-year-old boy was flown to a hospital in Bergen last week.\n"
            "Lind, 49, spent 11 years at the national health institute.\n",
            "How old is the state epidemiologist?", "p4.s1", "49", id="specialist",
        ),
        pytest.param(  # a long role set off after a name is read whole
            "Astronomers said on Tuesday they had found water vapor on a planet 48 light-years away.\n"
            "“This is a first,” said Dr. Ana Lind, an astronomer at the Vela Space Science Institute in Bergen "
            "and the study’s lead author.\n"
            "Lind, 39, cautioned that the finding did not mean the planet was inhabited.\n",
            "How old is the lead author?", "p3.s1", "39", id="long-role",
        ),
        pytest.param(  # a title given in a relative clause, asked by its initials
            "Vela Robotics said on Tuesday it had raised $400 million.\n"
            "Ana Lind, 34, founded Vela in 2021 with her brother Tom Lind, 38, a former researcher at Bergen University "
            "who is now its chief technology officer.\n"
            "Vela leases its robots to warehouses.\n",
            "how old is the cto", "p2.s1", "38", id="relative-title-initials",
        ),
    ],
)
def test_the_age_of_someone_asked_by_a_role_written_after_their_name(
    tmp_path: Path, text: str, question: str, sentence_id: str, age: str
) -> None:
    answer = drafted_engine(text, "roles-after", tmp_path).ask(question)
    assert answer.answered and answer.citations[0].sentence_id == sentence_id, answer.to_json()
    assert answer.answer.startswith(age), answer.answer
