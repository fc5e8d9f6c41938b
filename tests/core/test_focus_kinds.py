"""A question's focus or verb may name the kind of thing a sentence holds rather than a word of
it: "stand for" asks what letters name, "speak" is met by reported words, "message" by a quote,
"job" by a title, "towns" by places."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.question import read_question
from tests.core.drafted import assert_answers, assert_cites, assert_declines, drafted_engine

ARTICLE = (
    "The Bergen Transit Authority (BTA) will cover $1.8 billion of the line, officials said on Monday.\n"
    "Finance Director Ana Ruiz told reporters in Oslo that the city would borrow $450 million.\n"
    "“Leave now and do not wait for a warning,” Commissioner Lena Holt said.\n"
    "Residents of Voss and Lillehammer were ordered to leave immediately.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return drafted_engine(ARTICLE, "kinds", tmp_path_factory.mktemp("data"))


def test_what_letters_stand_for_is_answered_by_the_name_they_abbreviate(engine: Engine) -> None:
    assert_cites(engine, "What does BTA stand for?", "p1.s1")
    assert_answers(engine, "What does BTA stand for?", "Bergen Transit Authority")


def test_a_verb_of_speaking_is_met_by_reported_words(engine: Engine) -> None:
    assert_cites(engine, "Where did Ruiz speak to reporters?", "p2.s1")


def test_a_message_is_met_by_a_quote(engine: Engine) -> None:
    assert_cites(engine, "What was Commissioner Holt's message?", "p3.s1")


def test_a_job_is_met_by_a_title(engine: Engine) -> None:
    assert_cites(engine, "What is Ana Ruiz's job?", "p2.s1")


def test_towns_are_met_by_places(engine: Engine) -> None:
    assert_cites(engine, "Which towns were ordered to leave?", "p4.s1")


def test_a_verb_of_speaking_still_needs_the_one_asked_about(engine: Engine) -> None:
    assert not engine.ask("Where did Holt speak to the board?").answered


_NAMES = (
    "Two firefighters were hurt, one of them a 23-year-old volunteer, Commissioner Lena Holt said.\n"
    "The drug, cerazostat, will be sold under the brand name Aurelza from March.\n"
    "Volunteer Ana Ruiz, 31, carried two children out of the house.\n"
)


@pytest.fixture(scope="module")
def names(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return drafted_engine(_NAMES, "names", tmp_path_factory.mktemp("data"))


def test_what_is_the_name_of_something_the_report_leaves_unnamed_is_declined(names: Engine) -> None:
    answer = names.ask("What is the name of the 23-year-old firefighter who was hurt?")
    assert not answer.answered, answer.to_json()  # the sentence names the commissioner, not him
    plural = names.ask("What are the names of the firefighters who were hurt?")
    assert not plural.answered, plural.to_json()


def test_a_name_the_question_gives_or_the_speaker_is_not_the_name_asked_for(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Two thieves stole a landscape by Jacob van Voss worth an estimated 6 million euros.\n"
        "The magistrate, Sophie Berg, said the suspects faced charges of organised theft.\n"
    )
    engine = drafted_engine(text, "names-given", tmp_path_factory.mktemp("given"))
    assert not engine.ask("What was the van Voss landscape called?").answered
    assert not engine.ask("What are the names of the arrested suspects?").answered


def test_a_name_given_to_something_else_or_shared_by_a_relative_is_judged_by_whose_it_is(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    text = (
        "Mayor Lena Voss spoke at the opening of the Vela bridge on Monday.\n"
        "She was joined by her daughter, Elena Voss, a 24-year-old student.\n"
        "Ana Ruiz, a 23-year-old volunteer with a charity called Harbor Aid, carried two children out.\n"
    )
    engine = drafted_engine(text, "names-whose", tmp_path_factory.mktemp("whose"))
    assert engine.ask("What is the name of Lena Voss's daughter?").answer == "Elena Voss"
    assert engine.ask("What is the name of the 23-year-old volunteer?").answer.startswith("Ana Ruiz")


def test_the_name_of_a_person_described_is_a_persons_name(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = "One patient, a 71-year-old man in Norway, died in January after the infection spread, the VHA said.\n"
    engine = drafted_engine(text, "names-person", tmp_path_factory.mktemp("person"))
    assert not engine.ask("What was the name of the 71-year-old man who died?").answered  # not "Norway"


def test_what_is_the_name_of_something_named_is_answered(names: Engine) -> None:
    assert_answers(names, "What is the brand name of cerazostat?", "Aurelza")
    assert_answers(names, "What is the name of the volunteer who carried the children?", "Ana Ruiz")


def test_which_company_is_met_by_the_name_of_a_body(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = "The regulator approved a daily pill for early dementia made by Halvorsen Therapeutics on Monday.\n"
    engine = drafted_engine(text, "company", tmp_path_factory.mktemp("data"))
    assert_answers(engine, "Which company makes the daily pill for early dementia?", "Halvorsen Therapeutics")


_AMOUNTS = (
    "The union is demanding a 9% pay rise, and employers have offered 4.5% over the same period.\n"
    "She put the chance of a new government before Easter at about 40%.\n"
    "The most common side effect was brain swelling, known as amyloid-related imaging abnormalities (ARIA), "
    "which showed up on scans in 14% of patients.\n"
)


@pytest.fixture(scope="module")
def amounts(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return drafted_engine(_AMOUNTS, "amounts", tmp_path_factory.mktemp("data"))


def test_a_change_or_a_chance_is_met_by_a_figure(amounts: Engine) -> None:
    assert_cites(amounts, "What odds did she give for a new government by Easter?", "p2.s1")


def test_what_initials_stand_for_finds_where_they_are_spelled_out(amounts: Engine) -> None:
    from bot.core.ranking import _spells_out

    assert_cites(amounts, "What does ARIA stand for?", "p3.s1")
    index = next(iter(amounts.indexes.values()))
    docs = {d.fact.sources[0].id: d for d in index.docs}
    assert _spells_out(read_question("What does ARIA stand for?"), docs["p3.s1"])
    assert not _spells_out(read_question("What does ARIA stand for?"), docs["p2.s1"])
    assert not _spells_out(read_question("What does ARIA do?"), docs["p3.s1"])


def test_a_body_the_question_names_by_its_initials_is_no_answer_to_who(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "The Coastal Resilience Authority (CRA) approved the seawall on Monday.\n"
        "Construction will begin in June, CRA director Helen Okoro told reporters.\n"
    )
    engine = drafted_engine(text, "initials", tmp_path_factory.mktemp("data"))
    assert_answers(engine, "Who is the director of the CRA?", "Helen Okoro")


def test_how_long_something_will_be_asks_for_a_length() -> None:

    assert "length" in read_question("How long will the wall be?").units
    assert read_question("How long will the strike last?").units == {"time"}


def test_whether_two_people_are_related_is_answered_by_a_sentence_naming_one_by_title(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    text = (
        "Chief Executive Margaret Hale will step down on April 1, the company said.\n"
        "Chief Financial Officer Thomas Hale, who is not related to the outgoing chief executive, said costs would fall.\n"
    )
    engine = drafted_engine(text, "related", tmp_path_factory.mktemp("data"))
    answer = engine.ask("Is Thomas Hale related to Margaret Hale?")
    assert answer.answered and answer.citations[0].sentence_id == "p2.s1", answer.to_json()
    assert answer.answer.startswith("No"), answer.answer


_ADVICE = (
    "VOSS, Jan. 9 (Reuters) - Thieves entered the Voss Gallery through a skylight on Wednesday.\n"
    "The skylight had never been fitted with sensors, the gallery said.\n"
    "Police urged galleries to fit sensors to every roof window.\n"
)


def test_what_ought_to_be_done_needs_someone_saying_so(tmp_path_factory: pytest.TempPathFactory) -> None:
    engine = drafted_engine(_ADVICE, "gallery-advice", tmp_path_factory.mktemp("advice"))
    assert not engine.ask("Should galleries stop using skylights?").answered
    advised = engine.ask("Should galleries fit sensors to roof windows?")
    assert advised.answered and advised.citations[0].sentence_id == "p3.s1", advised.to_json()


_YEARS = (
    "BERGEN, May 4 (Reuters) - The city unveiled a plan for 5,000 homes on Tuesday.\n"
    "The first homes are due to be finished by 2029, the mayor said.\n"
)


def test_what_year_is_answered_by_a_year_not_by_a_weekday(tmp_path_factory: pytest.TempPathFactory) -> None:
    engine = drafted_engine(_YEARS, "city-years", tmp_path_factory.mktemp("years"))
    assert_answers(engine, "By what year will the first homes be finished?", "2029")
    assert not engine.ask("In what year was the plan for 5,000 homes unveiled?").answered  # only the weekday


def test_the_agency_in_the_dateline_names_no_place(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = "OSLO, May 4 (Reuters) - Oslo Mayor Ana Berg on Tuesday unveiled a plan to build 5,000 homes.\n"
    engine = drafted_engine(text, "dateline-agency", tmp_path_factory.mktemp("agency"))
    assert not engine.ask("Which foreign cities did Oslo visit?").answered  # not "Reuters"
    assert_answers(engine, "Which news agency reported the plan?", "Reuters")


def test_a_focus_is_met_by_a_noun_filed_under_it(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Rescuers reached a fuel tanker off Voss on Friday after its engine failed.\n"
        "The crew of 14 was taken to Bergen, the coast guard said.\n"
        "Salvage teams expect to tow it to port by Tuesday.\n"
    )
    engine = drafted_engine(text, "kind-of", tmp_path_factory.mktemp("data"))
    assert_cites(engine, "Which vessel did rescuers reach on Friday?", "p1.s1")
    assert_declines(engine, "Which aircraft did rescuers reach on Friday?")


def test_a_word_wordnet_equates_with_a_figure_is_no_figure(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Ana Lind, the world No. 1, had not lost a set in six matches.\n"
        "Oskar Berg served 14 aces in the final on Sunday.\n"
        "The final lasted two hours.\n"
    )
    engine = drafted_engine(text, "aces", tmp_path_factory.mktemp("data"))
    assert_cites(engine, "How many aces did Berg serve?", "p2.s1")
    assert_declines(engine, "How many aces did Lind serve?")


def test_the_age_of_someone_given_as_a_persons_is_theirs(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Jana Lind, 19, won the Vela Open on Sunday.\n"
        "Lind said she would call her grandmother, who taught her to play.\n"
        "Her coach, Oskar Berg, 52, said she was ready.\n"
    )
    engine = drafted_engine(text, "ages", tmp_path_factory.mktemp("data"))
    assert_answers(engine, "How old is Jana Lind?", "19")
    assert_declines(engine, "How old is Jana Lind's grandmother?")


def test_an_age_that_brings_in_someone_new_is_theirs(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Fire Commissioner Fiona Lind said 40 homes had burned near Voss.\n"
        "Two firefighters were hurt, one with burns to his hands and the other, a 23-year-old volunteer, "
        "with heat exhaustion, Commissioner Lind said.\n"
        "Crews from Bergen arrived on Friday.\n"
    )
    engine = drafted_engine(text, "new-age", tmp_path_factory.mktemp("data"))
    assert_declines(engine, "How old is Commissioner Fiona Lind?")


def test_an_age_after_a_name_is_not_the_age_of_someone_named_later(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Vela FC have signed midfielder Jonas Lind from Bergen for 40 million euros.\n"
        "The club’s manager, Oskar Berg, praised the signing.\n"
        "Berg, 48, said Lind would join the squad on its tour of Norway later this month.\n"
    )
    engine = drafted_engine(text, "later-name", tmp_path_factory.mktemp("data"))
    assert_declines(engine, "How old is Jonas Lind?")
    assert_answers(engine, "How old is Oskar Berg?", "48")


def test_the_age_of_a_sentence_naming_no_one_is_the_last_named_persons(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "OSLO, July 8 (Reuters) - Vela Athletic have signed midfielder Jonas Lind from Bergen for 40 million euros.\n"
        "The 21-year-old, who scored 19 goals last season, has signed a six-year contract.\n"
        "Fans gathered outside the stadium on Tuesday night.\n"
    )
    engine = drafted_engine(text, "unnamed-age", tmp_path_factory.mktemp("data"))
    assert_answers(engine, "How old is Jonas Lind?", "21")


def test_a_party_asked_of_someone_is_the_kind_their_role_names(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Vela County confirmed 64 measles cases on Friday.\n"
        "State Sen. Ana Lind, a Republican whose district covers the county, said she backed the clinics.\n"
        "Council member Tom Berg voted against the plan.\n"
        "Two people will run for the seat, including Sen. Eva Voss, a Democrat, and Berg, who said he would file this week.\n"
    )
    engine = drafted_engine(text, "party-of", tmp_path_factory.mktemp("data"))
    assert_answers(engine, "What party is Ana Lind?", "Republican")
    assert_declines(engine, "What party does Tom Berg belong to?")


def test_a_place_asked_of_is_looked_for_in_the_whole_sentence_when_no_clause_holds_the_question(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Gunmen freed three hostages near Vela on Sunday, officials said.\n"
        "The freed workers are Dr. Ana Lind, 44, a Norwegian surgeon; Tomas Berg, 31, a German logistics coordinator; "
        "and Eva Voss, 27, a Spanish nurse.\n"
        "They were seized on Jan. 23 on the road to Bergen.\n"
    )
    engine = drafted_engine(text, "clauses", tmp_path_factory.mktemp("data"))
    assert_answers(engine, "How old is the German hostage?", "31")


def test_an_everyday_word_in_lower_case_is_no_name(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Engineers at the Vela Creek Dam found new seepage on Wednesday.\n"
        "Mayor Tom Lind, who is no relation to the engineer, said 90% of residents had left.\n"
        "Rain is expected to ease by Friday, forecasters said.\n"
    )
    engine = drafted_engine(text, "plain-word", tmp_path_factory.mktemp("data"))
    assert_cites(engine, "Are the mayor and the dam engineer related?", "p2.s1")


def test_a_peoples_word_is_met_by_its_country(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Germany’s special envoy, Anna Lind, said the talks in Vela had ended.\n"
        "Spain’s envoy, Oskar Berg, said he would fly home on Friday.\n"
        "The German foreign ministry declined to comment on the talks.\n"
    )
    engine = drafted_engine(text, "peoples", tmp_path_factory.mktemp("data"))
    assert_answers(engine, "Who is the German envoy?", "Anna Lind")


def test_a_short_country_name_is_met_by_its_other_names(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Vela Motors sold about 38,000 cars in Britain last year, the company said.\n"
        "Orbis Motors sold 12,000 cars in France last year.\n"
        "Both carmakers said on Tuesday they would cut prices.\n"
    )
    engine = drafted_engine(text, "short-country", tmp_path_factory.mktemp("data"))
    assert_cites(engine, "How many cars did Vela sell in the UK last year?", "p1.s1")


def test_a_peoples_word_inside_a_hyphenated_word_is_its_place(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Vela will impose tariffs on cars imported from China, the government said on Tuesday.\n"
        "Chinese-made cars made up about 21% of electric cars sold in Vela last year, while cars made in Germany made up 12%.\n"
        "Vela’s carmakers welcomed the tariffs, and Chinese carmakers said they would appeal.\n"
    )
    engine = drafted_engine(text, "hyphen-place", tmp_path_factory.mktemp("data"))
    assert_answers(engine, "What share of electric cars sold in Vela were Chinese?", "21%")


def test_the_company_is_the_body_the_report_names_by_its_first_word(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Vela Robotics, a five-year-old startup, said on Tuesday it had raised $400 million.\n"
        "“Warehouses need hands,” Ana Lind, the company’s chief executive, said in an interview.\n"
        "Ana Lind, 34, founded Vela in 2021 with her brother Tom Lind, its chief technology officer.\n"
        "Vela leases its robots to warehouses, and Vela said sales had tripled.\n"
    )
    engine = drafted_engine(text, "first-word", tmp_path_factory.mktemp("data"))
    assert_cites(engine, "Who is the CEO of Vela?", "p2.s1")


def test_accounts_in_a_sentence_naming_no_one_are_the_principal_bodys(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Vela Systems Inc said on Wednesday its quarterly revenue fell 3% to $6.1 billion.\n"
        "Net income dropped to $412 million, from $655 million a year earlier.\n"
        "Vela also cut its forecast, and Vela shares fell 9% in late trading.\n"
        "Orbis Labs, a rival, reported higher sales on Tuesday.\n"
    )
    engine = drafted_engine(text, "accounts", tmp_path_factory.mktemp("data"))
    assert_cites(engine, "How much did Vela make in net income?", "p2.s1")


def test_a_keyword_many_facts_share_is_no_close_match(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Vela Semiconductor said on Tuesday it would build a $14 billion chip factory near Oslo.\n"
        "Vela says the plant will employ about 2,400 people when it is running.\n"
        "Vela says it will recycle about 80% of its water on site, which would reduce its draw from the Rio Grande.\n"
        "Shares of Vela rose 3.4% on the Nasdaq after the news.\n"
        "Farmers near Oslo said the plant would drain their wells.\n"
        "The county approved the zoning last week.\n"
        "Construction is set to begin in March.\n"
    )
    engine = drafted_engine(text, "keyword", tmp_path_factory.mktemp("data"))
    assert_declines(engine, "Who runs Vela?")
    assert_cites(engine, "How many people will Vela employ?", "p2.s1")


def test_who_holds_a_title_is_one_given_it_not_one_who_speaks_of_it(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "“Vela gave us land, power and a governor who answered the phone at 11 p.m.,” Chief Executive Ana Lind said.\n"
        "Gov. Daniel Berg, a Democrat, signed a law in March creating incentives for the project.\n"
        "The plant will employ about 2,400 people.\n"
    )
    engine = drafted_engine(text, "titles", tmp_path_factory.mktemp("data"))
    answer = engine.ask("Who is the governor of Vela?")
    assert answer.answered and "Daniel Berg" in answer.answer and "Ana Lind" not in answer.answer, answer.to_json()
    assert answer.citations[0].sentence_id == "p2.s1"


def test_the_agency_in_the_dateline_built_nothing(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "OSLO, March 11 (Reuters) - A section of the Vela River Bridge collapsed during the evening rush hour "
        "on Sunday, sending 11 vehicles into the water.\n"
        "Rescuers pulled 14 people from the river, police said.\n"
        "The bridge carried about 41,000 vehicles a day.\n"
    )
    engine = drafted_engine(text, "dateline-built", tmp_path_factory.mktemp("agency"))
    assert_declines(engine, "Which company built the Vela River Bridge?")
    assert_answers(engine, "Which news agency reported the collapse?", "Reuters")


def test_one_side_of_a_field_is_not_the_other(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Czech teenager Ana Lind won the Vela Open women’s title on Saturday.\n"
        "The men’s final on Sunday will pit Oskar Berg against Jan Voss.\n"
        "A crowd of 14,820 watched the final.\n"
    )
    engine = drafted_engine(text, "sides", tmp_path_factory.mktemp("data"))
    assert_declines(engine, "Who won the Vela Open men's title?")
    assert_answers(engine, "Who won the Vela Open women's title?", "Ana Lind")


def test_the_initials_of_a_body_the_question_names_answer_nothing(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "The coalition needed the eight votes of the small Civic Renewal party (RC) to pass the law.\n"
        "Ana Lind, leader of the Vela Workers Union, said the strike would go on.\n"
        "Parliament passed the law 116-114 on Friday.\n"
    )
    engine = drafted_engine(text, "initials-given", tmp_path_factory.mktemp("data"))
    assert engine.indexes["initials-given"].article.organisations["RC"] == "Civic Renewal"
    assert_declines(engine, "Who leads the Civic Renewal party?")


def test_a_question_of_words_the_report_never_uses_is_declined(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "A section of the Vela River Bridge collapsed on Sunday, sending 11 vehicles into the water.\n"
        "Rescuers pulled 14 people from the river, police said.\n"
        "The bridge carried about 41,000 vehicles a day.\n"
        "Engineers from Orbis inspected it in 2024.\n"
        "The province will spend C$40 million on a temporary ferry.\n"
        "Divers searched the river for a missing driver on Monday.\n"
        "The transport minister promised a full inquiry.\n"
        "Traffic was diverted to two other crossings.\n"
        "A replacement bridge could take three years to build.\n"
        "The union said inspectors had warned of corrosion.\n"
    )
    engine = drafted_engine(text, "strangers", tmp_path_factory.mktemp("data"))
    answer = engine.ask("Does Orbis bake sourdough bread?")
    assert not answer.answered and "not the report's" in answer.explain["decided"], answer.explain
    assert_answers(engine, "When did Orbis inspect the bridge?", "2024")


def test_a_figure_that_counts_another_thing_is_no_count_of_the_thing_asked(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Navy ships and fishing boats carried about 3,100 residents from Vela to the mainland.\n"
        "The volcano erupted twice on Friday, sending ash 9 km into the sky.\n"
        "Flights to Bergen were cancelled until Monday.\n"
    )
    engine = drafted_engine(text, "counts", tmp_path_factory.mktemp("data"))
    assert_declines(engine, "How many Navy ships carried residents from Vela?")
    assert_answers(engine, "How many residents did the boats carry from Vela?", "3,100")


def test_a_time_after_the_focus_is_not_the_focus() -> None:
    assert read_question("What was Vela's profit last year?").focus == ("profit",)
    assert read_question("What was the revenue this quarter?").focus == ("revenue",)
    assert read_question("What was the last survivor called?").focus == ("last", "survivor")


def test_a_title_of_several_words_is_held_whole(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Jeroen Lind, chief operating officer of Vela Terminals, said the port was losing 9 million euros a day.\n"
        "Finance Minister Ana Berg said the strike would hurt growth.\n"
        "The union wants a 9% pay rise over two years.\n"
    )
    engine = drafted_engine(text, "whole-title", tmp_path_factory.mktemp("data"))
    assert read_question("Who is the chief executive of Vela Terminals?").focus == ("chief", "executive")
    assert_declines(engine, "Who is the chief executive of Vela Terminals?")
    assert_declines(engine, "Who is the prime minister?")
    assert_answers(engine, "Who is the chief operating officer of Vela Terminals?", "Jeroen Lind")


@pytest.mark.parametrize(
    ("query", "kind"),
    [("one-time merger charges", "what"), ("revenue last year", "what"), ("launch year", "time"), ("hearing date", "time")],
)
def test_a_keyword_query_asks_when_only_for_a_time_itself(query: str, kind: str) -> None:
    assert read_question(query).kind == kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [("Who did the envoy phone on Wednesday?", "person"), ("Who did the police arrest?", "person"), ("Who did the study?", "organisation")],
)
def test_who_did_the_asks_for_a_body_only_of_a_study_or_the_like(question: str, kind: str) -> None:
    assert read_question(question).kind == kind


def test_how_many_before_a_verb_counts_people_and_which_name_has_no_focus(tmp_path_factory: pytest.TempPathFactory) -> None:
    assert read_question("How many died in the 1988 eruption?").focus == ()
    assert read_question("How many cranes are idle?").focus == ("cranes",)
    text = (
        "Thomas Hale, the chief executive, said the company was not cutting its way to growth.\n"
        "Margaret Hale, a city councillor who is not related to him, said the plant closure was a betrayal.\n"
        "The last major eruption, in 1988, killed 11 people.\n"
    )
    engine = drafted_engine(text, "which-hale", tmp_path_factory.mktemp("data"))
    assert_answers(engine, "Which Hale said the company was not cutting its way to growth?", "Thomas Hale")
    assert_answers(engine, "How many died in the 1988 eruption?", "11")


def test_a_measure_of_the_kind_asked_lifts_its_sentence(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "An avalanche buried 11 skiers at the Vela Basin ski area on Tuesday, killing two of them.\n"
        "The slide broke loose beneath a rocky ridge on the upper slope. It ran for about 1,800 feet.\n"
        "Snow had fallen on the mountain for three days before the slide, and rescuers said it was heavy and wet.\n"
    )
    engine = drafted_engine(text, "units-bonus", tmp_path_factory.mktemp("data"))
    assert_cites(engine, "How far down the mountain did the avalanche run?", "p2.s2")


def test_a_population_is_met_by_a_count_of_people(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = (
        "Ana Lind, the town’s mayor, resigned on Monday after an ethics inquiry.\n"
        "Vela, a former shipbuilding town of about 142,000 people on the coast, has struggled for years.\n"
        "The inquiry cost the city about $240,000.\n"
    )
    engine = drafted_engine(text, "population", tmp_path_factory.mktemp("data"))
    assert_answers(engine, "What's the population of Vela?", "142,000")
    assert_declines(engine, "What's the population of Bergen?")
