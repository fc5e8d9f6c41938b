"""Accented Latin letters: a name typed without its accents meets the article's."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.text import fold_accents, words
from tests.core.drafted import assert_answers, assert_cites, drafted_engine

ARTICLE = """\
Czech player Jana Dvořáková, 22, won the Orbis Open final on Sunday in Vela.
Søren Ålund, the tournament director, said the crowd of 9,400 was a record.
Dvořáková served 14 aces in the final.
Rain delayed the start of play by two hours.
The prize money rose 8% this year to 1.2 million euros.
Ticket sales reached 51,000 over the week, organisers said.
The women's doubles title went to a pair from Bergen.
Next year's event is set to move to a larger stadium in Oslo.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return drafted_engine(ARTICLE, "orbis-open", Path(tmp_path_factory.mktemp("accents")))


def test_accented_words_stay_whole_and_lose_their_accents() -> None:
    assert words("Dvořáková, Fernández, São Paulo, Müller, Søren") == [
        "dvorakova",
        "fernandez",
        "sao",
        "paulo",
        "muller",
        "soren",
    ]


def test_other_scripts_are_left_whole() -> None:
    assert fold_accents("외교부 Ålund") == "외교부 Alund"


def test_a_name_asked_without_accents_is_the_articles(engine: Engine) -> None:
    assert_answers(engine, "How old is Dvorakova?", "22")
    assert_cites(engine, "how many aces did dvorakova serve", "p3.s1")
    assert_answers(engine, "Who is Soren Alund?", "tournament director")


def test_a_name_asked_with_accents_is_found_too(engine: Engine) -> None:
    assert_answers(engine, "How old is Dvořáková?", "22")
