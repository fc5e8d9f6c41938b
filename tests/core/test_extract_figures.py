"""Short answers that are figures: the one of the date asked, the one beside what is asked,
and a time taken written whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.article import _MEASURE, counted_units, read_article, unit_class
from bot.core.engine import Engine
from bot.core.question import MEASURE, MONEY, NUMBER, counted_words, read_question
from bot.core.report import Report
from tests.core.drafted import assert_answers, assert_cites, assert_declines, drafted_engine

ARTICLE = (
    "The port authority said on Monday it expected cargo volume to grow 2.1% in 2026 and 3.4% in 2027.\n"
    "It also said it expected fuel costs to average $41 million this year, up from $37 million last year.\n"
    "The fastest ferry crossed the strait in 1 hour, 12 minutes and 5 seconds, a record.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return drafted_engine(ARTICLE, "port-outlook", tmp_path_factory.mktemp("data"))


def test_the_figure_of_the_year_asked_is_the_answer(engine: Engine) -> None:
    answer = engine.ask("How much will cargo volume grow in 2027?")
    assert answer.answered and answer.answer.startswith("3.4%"), answer.to_json()


def test_the_figure_of_this_year_is_the_answer(engine: Engine) -> None:
    answer = engine.ask("How much will fuel costs be this year?")
    assert answer.answered and answer.answer.startswith("$41 million"), answer.to_json()


def test_a_what_question_about_a_quantity_gets_the_figure_beside_it(engine: Engine) -> None:
    answer = engine.ask("What average fuel costs does the authority expect this year?")
    assert answer.answered and "$41 million" in answer.answer and len(answer.answer.split()) <= 5, (
        answer.to_json()
    )


def test_a_time_taken_is_one_measure_of_time() -> None:
    found = _MEASURE.findall(
        "It took 1 hour, 12 minutes and 5 seconds, against the old mark of 1:13:40 and 59:41.3."
    )
    assert found == ["1 hour, 12 minutes and 5 seconds", "1:13:40", "59:41.3"]
    assert unit_class("1:13:40") == "time" and unit_class("1 hour, 12 minutes and 5 seconds") == "time"


def test_a_duration_may_name_what_kind_of_days_it_counts() -> None:
    found = _MEASURE.findall("The review should end within 10 working days, or three business weeks.")
    assert found == ["10 working days", "three business weeks"]
    assert unit_class("10 working days") == "time"


def test_a_winning_time_asks_for_a_time_taken(engine: Engine) -> None:
    assert read_question("What was the record time?").kind == MEASURE
    assert_answers(engine, "What was the fastest ferry's record time?", "12 minutes")


FIGURES = (
    "The five-year bond yield was 2.85% on Wednesday.\n"
    "On a typical C$500,000 mortgage, the cut saves a borrower about C$60 a month.\n"
    "Home prices in Bergen fell 4.2% from a year earlier.\n"
    "Analysts said the next steps would depend on oil prices and the krone.\n"
)


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return drafted_engine(FIGURES, "rates", tmp_path_factory.mktemp("figures"))


def test_a_figure_spelled_in_words_is_the_figure(figures: Engine) -> None:
    assert_cites(figures, "5 year bond yield", "p1.s1")


def test_500k_is_stated_by_500000(figures: Engine) -> None:
    assert_cites(figures, "how much will i save a month on a 500k mortgage", "p2.s1")
    assert not figures.ask("how much will i save a month on a 400k mortgage").answered


def test_how_far_a_price_fell_asks_for_a_figure(figures: Engine) -> None:
    assert read_question("How far have Bergen prices dropped?").kind == NUMBER
    assert read_question("How far is the port from the city?").kind == MEASURE
    assert_answers(figures, "How far have Bergen prices dropped?", "4.2%")


def test_a_generic_focus_need_not_be_the_facts_word(figures: Engine) -> None:
    assert_cites(figures, "What factors will shape the next steps?", "p4.s1")


def test_a_keyword_query_about_a_yield_or_forecast_asks_for_a_figure() -> None:
    assert read_question("5 year bond yield").kind == NUMBER  # "5 year" is no date
    assert read_question("growth forcast for 2027").kind == NUMBER
    assert read_question("launch year").kind == "time"


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("class action damages sought", MONEY),
        ("compensation fund for families", MONEY),
        ("small business relief fund size", NUMBER),
        ("insurance cap", NUMBER),
        ("evacuation radius", MEASURE),
    ],
)
def test_a_keyword_query_naming_a_sum_a_size_or_a_measure_asks_for_a_figure(query: str, kind: str) -> None:
    assert read_question(query).kind == kind


def test_a_keyword_query_for_a_sum_gets_the_sum(tmp_path: Path) -> None:
    text = (
        "An explosion tore through a chemical plant in Vela on Tuesday, killing three workers.\n"
        "The fire was brought under control by 9 a.m., the fire chief said.\n"
        "Chief Executive Ana Ruiz said the company would pay the medical costs of all injured workers "
        "and had set up a $2 million fund for the families of those killed.\n"
    )
    assert_answers(drafted_engine(text, "fund", tmp_path), "compensation fund for families", "$2 million")


def test_the_figure_the_question_gives_is_not_the_answer(figures: Engine) -> None:
    answer = figures.ask("how much will i save a month on a 500k mortgage")
    assert "60" in answer.answer and "500,000" not in answer.answer, answer.to_json()


def test_a_figure_in_digits_beats_a_number_word(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = "“Our base case is one more cut by the summer, taking the rate to 1.75%,” said Ana Ruiz.\n"
    engine = drafted_engine(text, "outlook", tmp_path_factory.mktemp("words"))
    answer = engine.ask("Where does Ana Ruiz expect the rate to be by the summer?")
    assert answer.answered and answer.answer.startswith("1.75%"), answer.to_json()


@pytest.mark.parametrize(
    ("text", "asked", "said"),
    [
        (  # the window starts after the question's words
            "Mission controllers burst into applause when the first image arrived about 20 minutes later, "
            "showing the lander’s shadow stretched across gray lunar soil.",
            ("controllers", "first", "image"),
            "shadow",
        ),
        (  # what a sentence says of the thing asked comes after it
            "Halcyon, which stands about 4.3 meters (14 feet) tall, is carrying 11 payloads, including eight "
            "Orbis instruments designed to search for water ice in permanently shadowed soil.",
            ("orbis", "instruments", "looking"),
            "water ice",
        ),
    ],
)
def test_an_answer_window_says_what_the_sentence_says_after_the_question_words(
    text: str, asked: tuple[str, ...], said: str
) -> None:
    from bot.core.extract import best_window
    from bot.core.text import lemma_stem

    assert said in best_window(text, frozenset(lemma_stem(w) for w in asked))


def test_the_figure_that_is_the_value_of_what_is_asked_is_the_answer(tmp_path: Path) -> None:
    text = "Berg’s time took 23 seconds off the previous record of 2:00:35, set on the same course in 2023.\n"
    engine = drafted_engine(text, "record", tmp_path)
    assert_answers(engine, "previous world record time", "2:00:35")


def test_someones_time_asks_for_a_measure_of_time(tmp_path: Path) -> None:
    text = (
        "Uganda’s Joshua Okello was third in 2:01:30 in Oslo on Sunday.\n"
        "Okello won in Bergen last December and finished second in London in April.\n"
    )
    engine = drafted_engine(text, "race-times", tmp_path)
    answer = engine.ask("What was Okello's time?")
    assert answer.answered and answer.answer.startswith("2:01:30"), answer.to_json()
    assert not engine.ask("What was Okello's time in London in April?").answered  # no time is given there


@pytest.mark.parametrize(
    ("question", "coverage", "answered"),
    [
        ("How many ferries did the storms sink off Bergen last winter?", 0.3, False),
        ("How many ferries did the storms sink off Bergen last winter?", 0.6, True),
        ("ferries sunk bergen", 0.3, True),  # a keyword query is judged by its score alone
    ],
)
def test_a_figure_alone_does_not_answer_a_question_it_shares_little_with(
    question: str, coverage: float, answered: bool
) -> None:
    from bot.core.decide import decide
    from bot.core.index import Doc
    from bot.core.knowledge import Fact
    from bot.core.ranking import Match, Ranking

    fact = Fact("x", "f", "", (), ("q",), (), "", ())
    doc = Doc(fact, (), frozenset(), (), (), frozenset(), frozenset(), frozenset(), frozenset({"number"}))
    match = Match(fact, doc, score=0.6, coverage=coverage, asked=0.6, fuzzy=0.0)
    ranking = Ranking(read_question(question), None, {}, (match,))  # type: ignore[arg-type]
    assert bool(decide(ranking).facts) is answered


_DATELINE = "OSLO, March 3, 2026 - Orbis Motor will cut 900 jobs at its Bergen plant.\n"


@pytest.mark.parametrize(
    ("text", "question", "part"),
    [
        pytest.param(
            "The job cuts will be completed by the end of the year, the company said.\n",
            "When will the job cuts be finished?",
            "the end of the year",
            id="the end of the year is a date",
        ),
        pytest.param(
            "“The bill is real,” said Dr. Priya Lund, an economist at the University of Bergen. "
            "She said other carmakers were likely to announce similar cuts.\n",
            "Who expects other carmakers to make similar cuts?",
            "Priya Lund",
            id="who said it is the speaker a pronoun stands for",
        ),
        pytest.param(
            "The Vanta will be discontinued, and Cordova production will move to Orbis’s plant in Lansing, "
            "Michigan, next spring, she said.\n",
            "Where will Cordova production go?",
            "Lansing",
            id="where names the place after the phrase of place",
        ),
        pytest.param(
            "Orbis said on Thursday it would close an assembly plant in Bergen after its second-quarter profit "
            "fell 38%, as tariffs on imported parts and weak demand for electric pickups squeezed the carmaker.\n",
            "What happened to Orbis's second-quarter profit?",
            "38%",
            id="what happened to a thing is told by the words after it",
        ),
        pytest.param(
            "Orbis FC signed Ana Ruiz from Bergen for an initial 142 million euros (£122 million), a record fee "
            "that could rise to 160 million euros.\n",
            "whats the fee in pounds",
            "£122 million",
            id="a sum in the currency asked",
        ),
        pytest.param(
            "Prices rose 0.8% over the three months to December, with rents up 1.1% and electricity charges "
            "up 4.7%.\n",
            "How much did electricity charges increase?",
            "4.7%",
            id="the figure of one item of a list is not the next item's",
        ),
        pytest.param(
            "Housing starts fell 6.5% to 8,420 dwellings in the quarter.\n",
            "By what percentage did housing starts fall?",
            "6.5%",
            id="a percentage asked is a share, not a count",
        ),
        pytest.param(
            "Sam Lund, 38, an economist at Fjord Capital in Bergen, said he expected the jobless rate to peak "
            "at 5.0% by mid-2026.\n",
            "Where does Lund expect the jobless rate to peak?",
            "5.0%",
            id="a figure in a phrase of place stays whole",
        ),
        pytest.param(
            "The mission, approved in 2023, launched on Feb. 6 aboard a Falcon 9 rocket from Cape Canaveral.\n",
            "When did the mission launch?",
            "Feb. 6",
            id="when is the date nearest the verb asked about",
        ),
    ],
)
def test_the_short_answer_is_the_part_of_the_sentence_asked_for(
    tmp_path: Path, text: str, question: str, part: str
) -> None:
    assert_answers(drafted_engine(_DATELINE + text, "answers", tmp_path), question, part)


def test_a_question_asks_for_the_kind_its_words_name() -> None:
    assert read_question("When will the job cuts be finished?").kind == "time"  # not "what is her job"
    assert read_question("whats the fee in pounds").kind == MONEY


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("what happened to the company's second-quarter profit?", "profit"),
        ("what happened to the retired teacher after the hack?", "teacher"),
        ("who won the race?", None),
    ],
)
def test_what_happened_to_names_the_thing_it_happened_to(question: str, thing: str | None) -> None:
    from bot.core.extract import _happened_to
    from bot.core.text import lemma_stem

    assert _happened_to(question) == (lemma_stem(thing) if thing else None)


_COUNTS = (
    "Dockworkers at the port of Bergen walked out on Monday, the union said.\n"
    "The union is demanding a 9% pay rise over two years and a promise that new automated cranes will not cost jobs.\n"
    "The port handled 1.2 million containers last year, its chief executive said.\n"
)


@pytest.fixture(scope="module")
def counts(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return drafted_engine(_COUNTS, "counts", tmp_path_factory.mktemp("data"))


def test_a_count_of_things_is_not_answered_by_a_share_or_a_span_of_time(counts: Engine) -> None:
    answer = counts.ask("How many automated cranes will the port install?")
    assert not answer.answered, answer.to_json()  # 9% and two years count no cranes


def test_a_count_is_answered_by_a_count_or_a_measure_in_the_unit_asked(counts: Engine) -> None:
    assert_answers(counts, "How many containers did the port handle last year?", "1.2 million")
    assert_answers(counts, "How many years would the pay rise cover?", "wo years")  # not "9%"


def test_what_a_how_many_question_counts() -> None:
    assert counted_words("how many automated cranes will it buy?") == ("automated", "cranes", "will")
    assert counted_words("how many percent did prices rise?") == ()  # a share, not a count
    assert counted_words("how many votes did she get?") == ()
    assert counted_words("what was the rate?") == ()
    assert counted_units(counted_words("how many years will it take?")) == {"time"}


def test_how_much_reads_money_for_fines_and_far_off_costs() -> None:
    assert read_question("How much will a ride on the new Crosstown Line cost?").kind == MONEY
    assert read_question("How much is the regulator fining the company?").kind == MONEY


def test_a_time_of_day_keeps_the_full_stop_of_its_abbreviation(tmp_path: Path) -> None:
    text = "Dockworkers at the port of Bergen walked out at 6 a.m. on Tuesday, the union said.\n"
    assert_answers(drafted_engine(text, "clock", tmp_path), "What time did the dockworkers walk out?", "6 a.m.")


def test_a_count_of_where_the_counted_are_is_not_the_count(tmp_path: Path) -> None:
    text = (
        "A spokesman said 9,800 of the evacuees were staying in 38 shelters set up in schools and churches.\n"
        "The island of Voss has 11 villages.\n"
    )
    engine = drafted_engine(text, "shelters", tmp_path)
    assert_answers(engine, "How many evacuees are staying in shelters?", "9,800")
    assert_answers(engine, "How many shelters have been set up?", "38")


def test_a_question_of_how_much_something_changed_gets_the_change_not_the_level(tmp_path: Path) -> None:
    text = (
        "Shares of Orbis Freight fell 17% to $23.40 on Monday, the lowest since 2019.\n"
        "The project’s estimated cost has risen about 35% since 2023, when planners put it at $3.1 billion.\n"
        "Wool exports rose 5.4% from the previous quarter to NZ$19.8 billion ($11.9 billion).\n"
    )
    engine = drafted_engine(text, "changes", tmp_path)
    assert_answers(engine, "By how much did wool exports rise?", "5.4%")  # not the level, in either currency
    assert_answers(engine, "How far did Orbis Freight shares fall?", "17%")
    assert_answers(engine, "By how much has the cost estimate grown since 2023?", "35%")
    assert read_question("By how much has the cost grown?").kind == NUMBER  # a share or a sum
    assert read_question("How much did the project cost?").kind == MONEY


def test_a_figure_right_before_what_is_asked_is_its_figure(tmp_path: Path) -> None:
    text = "The union is demanding a 9% pay rise over two years and a cap on night shifts.\n"
    assert_answers(drafted_engine(text, "rise", tmp_path), "What pay rise is the union demanding?", "9% pay rise")


def test_which_kind_of_place_gets_the_name_the_sentence_gives_it(tmp_path: Path) -> None:
    text = "The hardest-hit state is Kogi, where two rivers meet, an official told reporters in Oslo.\n"
    assert_answers(drafted_engine(text, "state", tmp_path), "Which state was hit hardest?", "Kogi")


@pytest.mark.parametrize("sum_", ["1.8 million Swiss francs", "18 billion naira", "500 million soles", "$2 million"])
def test_a_sum_in_any_currency_is_money(sum_: str) -> None:
    article = read_article(Report("x", f"The agency released {sum_} for relief on Monday.\n"))
    assert ("money", sum_) in {(s.kind, s.text) for s in article.reading("p1.s1").spans}


def test_a_count_of_part_of_a_whole_needs_the_part(tmp_path: Path) -> None:
    text = "At least three people were killed and 27 injured, most of them by falling rocks, the agency said.\n"
    engine = drafted_engine(text, "subset", tmp_path)
    assert read_question("How many of the 27 injured are children?").focus == ("children",)
    assert not engine.ask("How many of the 27 injured are children?").answered
    assert_cites(engine, "How many people were injured?", "p1.s1")


def test_a_quarter_or_a_half_of_the_year_is_a_time(tmp_path: Path) -> None:
    text = "Chief Executive Ana Ruiz said the new chips were due to ship in the third quarter.\n"
    assert_answers(drafted_engine(text, "quarter", tmp_path), "When are the new chips supposed to ship?", "third quarter")


def test_who_someone_is_gives_the_title_before_the_name_and_the_role_after_it(tmp_path: Path) -> None:
    text = "Dr. Ana Ruiz, the hospital’s chief medical officer, said most survivors would go home by Friday.\n"
    engine = drafted_engine(text, "who-is", tmp_path)
    assert engine.ask("Who is Ana Ruiz?").answer == "Dr. Ana Ruiz, the hospital’s chief medical officer"


def test_which_senator_is_the_person_titled_so_not_another_in_the_sentence(tmp_path: Path) -> None:
    text = (
        "Envoy Mark Voss said the pledge would need approval from Congress, "
        "where Sen. Ana Ruiz of Oslo has vowed to block it.\n"
    )
    engine = drafted_engine(text, "which-title", tmp_path)
    assert engine.ask("Which senator has vowed to block the pledge?").answer == "Sen. Ana Ruiz"


def test_which_places_gets_the_named_places_listed_not_a_phrase_of_place(tmp_path: Path) -> None:
    text = (
        "Norway and Sweden objected to language on phasing out coal until the final hours, "
        "delegates said on Friday.\n"
    )
    engine = drafted_engine(text, "which-places", tmp_path)
    assert engine.ask("Which countries objected to the coal language?").answer == "Norway and Sweden"
    assert engine.ask("Which country objected to the coal language?").answer in ("Norway", "Sweden")


def test_a_how_many_question_gets_the_part_of_a_partitive_not_the_whole(tmp_path: Path) -> None:
    text = (
        "Of the 14 injured, four were in critical condition at Vela General, a spokeswoman said.\n"
        "Of the 65,000 homes, 26,000 would be rented at below-market rates, the mayor said.\n"
    )
    engine = drafted_engine(text, "partitive", tmp_path)
    assert engine.ask("How many of the injured are in critical condition?").answer.lower() == "four"
    assert_answers(engine, "How many homes will be rented below market?", "26,000")


def test_any_count_of_people_answers_how_many_people(tmp_path: Path) -> None:
    text = "The fire injured people in 3 buildings on Monday, 14 workers among them, the Vela fire service said.\n"
    engine = drafted_engine(text, "people-count", tmp_path)
    assert_answers(engine, "How many people were injured in the fire?", "14 workers")


def test_who_said_something_is_answered_by_its_speaker(tmp_path: Path) -> None:
    text = (
        "“We will help every family,” Emergency Minister Ana Ruiz said at a Vela shelter on Sunday.\n"
        "The payments will be available from Monday through the Orbis office, she said.\n"
    )
    engine = drafted_engine(text, "who-said", tmp_path)
    answer = engine.ask("Who said the payments will be available through the Orbis office?")
    assert answer.answer == "Ana Ruiz" and answer.citations[0].sentence_id == "p2.s1", answer.to_json()


def test_the_name_asked_for_is_the_one_the_sentence_gives_after_name_or_called(tmp_path: Path) -> None:
    text = (
        "The drug, velastat, will be sold under the brand name Orvix and is approved for adults "
        "with mild dementia caused by Alzheimer’s, the agency said.\n"
    )
    engine = drafted_engine(text, "brand-name", tmp_path)
    assert engine.ask("What's the brand name of velastat?").answer == "Orvix"


def test_which_surname_gets_the_person_of_that_surname_the_sentence_names(tmp_path: Path) -> None:
    text = (
        "Her most likely partners are the SGU, led by former trade union chief Joris Berg, and Growth and "
        "Justice, led by Sanne Ruiz, a 39-year-old economist who served as finance minister.\n"
        "Dr. Hendrik Ruiz, the head of the Council of State, was named scout.\n"
    )
    engine = drafted_engine(text, "which-surname", tmp_path)
    answer = engine.ask("Which Ruiz leads Growth and Justice?")
    assert answer.answered and answer.answer.startswith("Sanne Ruiz"), answer.to_json()


def test_how_much_asks_an_amount_not_a_count_of_things(tmp_path: Path) -> None:
    text = (
        "The International Federation of Orbis and Vela Societies (IFOV) released $1.8 million from its "
        "disaster emergency fund to help 90,000 people in Oslo, Bergen and Voss states.\n"
    )
    engine = drafted_engine(text, "how-much", tmp_path)
    assert_answers(engine, "How much did the Orbis federation release?", "$1.8 million")
    assert_answers(engine, "How many people will the Orbis fund help?", "90,000")


def test_a_clause_is_not_cut_at_the_comma_of_a_figure(tmp_path: Path) -> None:
    text = (
        "The Orbis mining group halted work at its Vela copper mine for inspections, although it said "
        "none of its 1,100 workers had been hurt.\n"
    )
    answer = drafted_engine(text, "clause-comma", tmp_path).ask("Were any of the mine's workers hurt?")
    assert answer.answer.startswith("No:") and "1,100 workers" in answer.answer, answer.to_json()


def test_what_someone_called_a_thing_cites_their_quote_beside_it(tmp_path: Path) -> None:
    text = (
        "Mayor Lena Voss unveiled a C$14.8 billion plan to build 65,000 homes over 10 years.\n"
        "Councillor Brian Berg, who leads the council’s opposition bloc, said the plan relied on money "
        "the city did not have. “This is a wish list with a price tag,” Berg said.\n"
        "The council will vote on the plan on July 15.\n"
    )
    answer = drafted_engine(text, "called", tmp_path).ask("What did the opposition leader call the plan?")
    assert [c.sentence_id for c in answer.citations] == ["p2.s1", "p2.s2"], answer.to_json()


def test_a_when_question_gets_the_date_written_after_its_verb(tmp_path: Path) -> None:
    text = (
        "Vela Systems said on Wednesday it would cut 1,900 jobs.\n"
        "Ana Ruiz, 64, who co-founded the company in 1998, will step down on April 1 and become chair.\n"
    )
    engine = drafted_engine(text, "dated-verb", tmp_path)
    assert engine.ask("When does Ruiz step down?").answer.startswith("April 1")


@pytest.mark.parametrize(
    ("text", "question", "expected"),
    [
        # "of the" after a figure marks a whole; here nothing is its part
        ("The families of the 14 victims will each receive $200,000 from the Orbis fund.\n", "How many victims were there?", "14 victims"),
        # the one who warned is named; the spokesman only reports it
        (
            "A fire broke out at the Vela chemical plant on Sunday and was still burning at night.\n"
            "Mayor Lena Voss warned residents to stay indoors, police spokesman Tom Bell said.\n",
            "Who warned residents to stay indoors?",
            "Mayor Lena Voss",
        ),
    ],
)
def test_rules_for_one_reading_do_not_take_another(tmp_path: Path, text: str, question: str, expected: str) -> None:
    assert drafted_engine(text, "one-reading", tmp_path).ask(question).answer.startswith(expected)


def test_what_year_is_answered_by_a_year_written_out(tmp_path: Path) -> None:
    text = (
        "Vela will finish the harbour wall in 2029, the port authority said on Monday.\n"
        "The old wall was built next to the ferry terminal on Tuesday.\n"
    )
    engine = drafted_engine(text, "year-written", tmp_path)
    answer = engine.ask("What year will the harbour wall be finished?")
    assert answer.answered and "2029" in answer.answer, answer.to_json()


def test_a_date_keyword_is_a_time_though_a_sum_word_comes_first() -> None:
    assert read_question("bail hearing date").kind == "time"
    assert read_question("settlement date").kind == "time"


def test_the_figure_of_the_day_asked_in_the_unit_asked_is_the_answer(tmp_path: Path) -> None:
    text = (
        "A wildfire raced across forested slopes near Vela on Tuesday, officials said.\n"
        "The fire had burned 18,400 acres (7,446 hectares) by Tuesday evening, up from about 7,200 acres on Monday night.\n"
        "Crews from Bergen arrived on Wednesday.\n"
    )
    engine = drafted_engine(text, "fire-days", tmp_path)
    assert_answers(engine, "How many acres had burned by Monday night?", "7,200")
    assert_answers(engine, "how many acers had burned by monday night", "7,200")  # the unit misspelt


def test_a_place_answer_keeps_a_name_with_an_abbreviation_whole(tmp_path: Path) -> None:
    text = (
        "Vela hit 116 degrees Fahrenheit on Tuesday, its hottest day on record.\n"
        "The reading at St. Louis Lambert International Airport, taken at 4:52 p.m., broke the old record.\n"
        "Forecasters expect relief on Friday.\n"
    )
    engine = drafted_engine(text, "reading-place", tmp_path)
    assert_answers(engine, "Where was the record reading taken?", "St. Louis Lambert International Airport")


def test_a_yes_no_answer_is_no_where_the_sentence_denies_it_in_other_words(tmp_path: Path) -> None:
    text = (
        "A wildfire raced across forested slopes near Vela on Tuesday, officials said.\n"
        "No deaths have been reported, but two firefighters were treated for heat exhaustion.\n"
        "Two security guards were on duty at the museum, and neither was hurt.\n"
    )
    engine = drafted_engine(text, "denials", tmp_path)
    assert engine.ask("Has anyone died in the fire?").answer.startswith("No: No deaths")
    assert engine.ask("Were any guards injured?").answer == "No: neither was hurt."


def test_a_yes_no_answer_is_yes_where_the_sentence_says_it_in_other_words(tmp_path: Path) -> None:
    text = (
        "Vela Bank agreed on Monday to buy Orbis Bank for $6.8 billion.\n"
        "The deal is the largest bank merger announced this year in Norway.\n"
        "Shares of Orbis jumped 17% on the news.\n"
    )
    engine = drafted_engine(text, "affirmed", tmp_path)
    assert engine.ask("Is this the biggest bank merger of the year?").answer.startswith("Yes: ")


def test_a_figure_that_says_what_it_counts_counts_that(tmp_path: Path) -> None:
    text = (
        "Vela hit 116 degrees on Tuesday, and hundreds of people crowded into Bergen’s hospitals at full capacity.\n"
        "In the village of Voss, the roof of a hall collapsed on guests at a wedding, killing 23 people.\n"
        "Forecasters expect relief on Friday.\n"
    )
    engine = drafted_engine(text, "counted-inside", tmp_path)
    assert_declines(engine, "How many hospitals in Bergen are at full capacity?")
    assert_answers(engine, "How many guests were killed when the hall roof fell in Voss?", "23")
