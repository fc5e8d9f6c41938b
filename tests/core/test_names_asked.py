"""A question naming what the sentence writes another way: a place by its initials ("US" for
"the United States"), a person by the title before their name ("Orbis negotiator age")."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.core.engine import Engine
from bot.core.index import _initials_of
from tests.core.drafted import drafted_engine

ARTICLE = (
    "VELA, March 3 (Reuters) - Delegates from 90 countries agreed a fund for coastal towns.\n"
    "The United States pledged $18 billion over five years. U.S. envoy Mark Voss said Congress must approve it.\n"
    "The United Arab Emirates pledged 27 billion dirhams, and Norway promised $2 billion.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return drafted_engine(ARTICLE, "fund-pledges", tmp_path_factory.mktemp("data"))


@pytest.mark.parametrize(
    ("question", "sentence"),
    [("How much did the US pledge?", "p2.s1"), ("How much did the UAE pledge?", "p3.s1")],
)
def test_initials_find_the_sentence_that_spells_the_name_out(engine: Engine, question: str, sentence: str) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.to_json()
    assert answer.citations[0].sentence_id == sentence


@dataclass
class Span:
    text: str
    kind: str


@pytest.mark.parametrize(
    ("span", "initials"),
    [
        (Span("United States", "place"), "U.S."),  # "us" is a word: asked as U.S. or US
        (Span("the United Arab Emirates", "place"), "UAE"),
        (Span("Bank of Norway", "organisation"), ""),  # a body's initials are matched otherwise
        (Span("Mark Voss", "person"), ""),  # people are not asked by initials
        (Span("Norway", "place"), ""),  # one word has no initials
        (Span("New Orleans West", "place"), ""),
        (Span("United Kingdom", "place"), "UK"),  # two letters WordNet gives for the name
        (Span("South Africa", "place"), ""),  # two letters other names share ("San Antonio")
        (Span("Cape Town", "place"), ""),  # "now" is a word WordNet spells no other way
    ],
)
def test_the_initials_of_a_name(span: Span, initials: str) -> None:
    assert _initials_of(span) == initials


AGES = (
    "VELA, March 3 (Reuters) - Delegates agreed a fund for coastal towns.\n"
    "The Republic of Orbis’s chief climate negotiator, Simone Vaka, 41, walked out on Wednesday.\n"
    "Her deputy, Tom Berg, 29, stayed in the hall.\n"
)


def test_an_age_belongs_to_the_title_before_the_name_it_follows(tmp_path_factory: pytest.TempPathFactory) -> None:
    # "Orbis" stands more than 40 characters before the age, but its name-and-title holds it.
    engine = drafted_engine(AGES, "fund-ages", tmp_path_factory.mktemp("ages"))
    answer = engine.ask("Orbis negotiator age")
    assert answer.answered and answer.answer == "41", answer.to_json()
