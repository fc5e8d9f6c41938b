"""Reading names: accented letters, the words before a name, and which names are people."""

from __future__ import annotations

import pytest

from bot.core.article import PERSON, read_article
from bot.core.drafting import surname_aliases
from bot.core.report import Report


def _people(text: str) -> set[str]:
    return set(read_article(Report("x", text)).people)


def test_an_accented_name_is_read_whole() -> None:
    people = _people("Gen. Tomás Huamán said the road to Élise Castañeda’s village was open.\n")
    assert "Tomás Huamán" in people


def test_the_link_after_a_dropped_first_word_is_not_part_of_the_name() -> None:
    article = read_article(Report("x", "Shares of Acme Robotics rose 4% on Monday.\n"))
    names = [s.text for s in article.reading("p1.s1").spans if s.kind not in ("percent", "date")]
    assert names and all(not n.startswith("of ") for n in names)


def test_a_based_prefix_is_not_part_of_the_name() -> None:
    article = read_article(Report("x", "The deal was signed by Oslo-based Fjord Labs on Monday.\n"))
    texts = [s.text for s in article.reading("p1.s1").spans]
    assert "Fjord Labs" in texts and not any("based" in t for t in texts)


def test_a_company_word_at_the_end_makes_an_organisation_not_a_person() -> None:
    assert not _people("The order went to Harlow Motor Co and Vela Aerospace last week.\n") & {
        "Harlow Motor Co",
        "Vela Aerospace",
    }


def test_an_alias_is_drafted_only_for_someone_the_article_shows_to_be_a_person() -> None:
    text = (
        "Nadia Berg, a spokesperson for the port, said the ferry was late.\n"
        "The ship was built by Orbit Space in 2020.\n"
        "Berg said the delay would end on Friday.\n"
    )
    article = read_article(Report("x", text))
    aliases = surname_aliases(article)
    assert aliases.get("Berg") == "Nadia Berg"
    assert "Space" not in aliases
    assert any(s.kind == PERSON and s.refers == "Nadia Berg" for s in article.reading("p3.s1").spans)


def test_the_year_is_the_first_paragraphs_or_unknown() -> None:
    dated = read_article(
        Report("x", "PERTH, March 3, 2025 - The port reopened.\nIt closed in 2019 and 2019.\n")
    )
    assert dated.year == "2025"
    undated = read_article(Report("x", "The port reopened.\nIt closed in 2019, 2019 and 2021.\n"))
    assert undated.year is None  # the years named later are not the year it is written in


SPEECH = (
    "Faith Berg, 31, won the race and Hana Lind, 27, pulled up injured.\n"
    "Tom Berg, her coach, watched from the finish.\n"
    "Faith Berg said she had not seen Lind fall. “I am sad for Hana, she was running beautifully,” she said.\n"
)


def test_a_full_name_opening_a_sentence_is_read_whole_though_its_first_word_is_plain() -> None:
    reading = read_article(Report("x", SPEECH)).reading("p3.s1")
    assert reading.speaker == "Faith Berg"  # not the lone, shared surname "Berg"


def test_someone_named_inside_a_quote_is_not_its_speaker() -> None:
    assert read_article(Report("x", SPEECH)).reading("p3.s2").speaker == "Faith Berg"


def test_every_drafted_question_fits_a_suggestion() -> None:
    from bot.core.drafting import question_candidates
    from bot.core.knowledge import MAX_SUGGESTION_CHARS

    text = (
        "Jean-Baptiste Van Der Heijden-Castellanos, chief operating officer of Scheveningen International "
        "Container Terminals Holding, called the offer fair. “Every day the cranes stand still, ships go "
        "to Wilhelmshaven and Gdansk, and some of them never come back,” Van Der Heijden-Castellanos said.\n"
    )
    article = read_article(Report("x", text))
    for sentence in article.report.sentences:
        questions = question_candidates(article, sentence)
        assert questions and all(len(q) <= MAX_SUGGESTION_CHARS for q in questions), questions


def test_a_name_of_two_capitalised_words_opening_a_sentence_stays_whole() -> None:
    article = read_article(
        Report("x", "Harbour Valley declined to say whether it had paid. The Bank of Oslo cut rates.\n")
    )
    first = [(s.kind, s.text) for s in article.reading("p1.s1").spans]
    assert ("organisation", "Harbour Valley") in first  # a body that acts, not a valley
    assert any(s.text.endswith("Bank of Oslo") for s in article.reading("p1.s2").spans)


def test_a_place_name_that_says_or_declines_is_a_body_but_a_place_stays_a_place() -> None:
    article = read_article(
        Report("x", "Rain fell on Silver Valley on Monday, while Copper Valley said it was ready.\n")
    )
    kinds = {s.text: s.kind for s in article.reading("p1.s1").spans}
    assert kinds["Silver Valley"] == "place" and kinds["Copper Valley"] == "organisation"


def test_drafted_questions_are_about_things_not_clauses() -> None:
    from bot.core.drafting import question_candidates

    text = (
        "Investigators found that the attackers got in on April 21 using a password stolen from a contractor.\n"
        "Harbour Valley declined to say whether it had paid the largest healthcare data breaches fine.\n"
        "It said it would offer affected patients credit monitoring and identity protection.\n"
        "Congress weighs the White House’s budget request, which includes a $322 million contract.\n"
        "The image showed the lander’s shadow stretched across gray lunar soil.\n"
        "The council voted to protect the downtown waterfront from flooding.\n"
    )
    article = read_article(Report("x", text))
    asked = [q for s in article.report.sentences for q in question_candidates(article, s)]
    for bad in (
        "using a",
        "declined to",
        "healthcare data?",
        "monitoring and",
        "Valley’s?",
        "the White?",
        "the across",
        "million contract",
        "the protect",
    ):
        assert not any(bad in q for q in asked), (bad, asked)


def test_a_month_and_year_is_not_read_as_a_month_and_day() -> None:
    from bot.core.article import _DATE

    assert _DATE.findall("its lowest since March 2022, and again on March 20") == ["March 2022", "March 20"]


def test_an_abbreviated_title_keeps_its_period() -> None:
    article = read_article(Report("x", "Sen. Ana Ruiz said the port was closed.\nPort Director Ida Berg agreed.\n"))
    assert article.people["Ana Ruiz"].roles == ("Sen.",)
    assert article.people["Ida Berg"].roles == ("Port Director",)


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Dr. Ana Ruiz, the hospital’s chief medical officer, said most would go home.\n", ("Dr.", "the hospital’s chief medical officer")),
        ("“We flew all night,” said Captain Ida Berg, commander of the Coast Guard’s Sector Vela.\n", ("Captain", "commander of the Coast Guard’s Sector Vela")),
        ("Ana Ruiz, chief economist at North Bank, said rates would fall.\n", ("chief economist at North Bank",)),
    ],
)
def test_a_role_after_a_name_may_hold_a_possessive_or_name_a_body(text: str, roles: tuple[str, ...]) -> None:
    people = read_article(Report("x", text)).people
    assert next(iter(people.values())).roles == roles


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Race doctor Dr. Alan Reed said Hana Lind had a torn hamstring.\n", "Alan Reed"),
        ("Lind’s agent, Marta Kov, said on Sunday that the runner would rest.\n", "Marta Kov"),
        ("Clean water is the most urgent need, said Dr. Emeka Obi, a health specialist.\n", "Emeka Obi"),
        ("Sen. Ruth Cole, a Democrat, called the landing a success but said costs were high.\n", "Ruth Cole"),
        ("Both winners got $100, and Brian Lind earned a bonus, race organizers said.\n", None),
        ("The Ministry of Mobility said Minister Sophie Dean would meet both sides.\n", None),
    ],
)
def test_the_speaker_is_who_the_verb_of_saying_attributes_the_words_to(text: str, speaker: str | None) -> None:
    assert read_article(Report("x", text)).reading("p1.s1").speaker == speaker


def test_a_pronoun_quote_after_a_reported_sentence_keeps_its_speaker() -> None:
    text = (
        "Race doctor Dr. Alan Reed said Hana Lind had a torn hamstring. "
        "“She was in a lot of pain,” he said.\n"
    )
    assert read_article(Report("x", text)).reading("p1.s2").speaker == "Alan Reed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The cuts fall on units in Oslo and Ireland.\n", {("place", "Oslo"), ("place", "Ireland")}),
        ("Sen. Rachel Whitfield of Texas said she would press the company.\n", {("person", "Rachel Whitfield"), ("place", "Texas")}),
        ("The Communications Workers of America said it was not consulted.\n", {("organisation", "Communications Workers of America")}),
        ("Shares of the San Jose-based maker fell 8%.\n", {("place", "San Jose")}),
        ("The Bank of Canada cut rates.\n", {("organisation", "Bank of Canada")}),
        ("The Centers for Disease Control and Prevention said so.\n", {("organisation", "Centers for Disease Control and Prevention")}),
    ],
)
def test_a_run_of_capitals_that_names_two_things_is_read_as_two(text: str, expected: set[tuple[str, str]]) -> None:
    spans = read_article(Report("x", text)).reading("p1.s1").spans
    assert {(s.kind, s.text) for s in spans if s.kind in ("person", "place", "organisation", "name")} == expected


def test_a_speaker_may_be_named_with_where_they_are_from() -> None:
    text = "Lind’s agent, Gaston Rivero of Montevideo-based Celeste Sports Group, said the runner would rest.\n"
    assert read_article(Report("x", text)).reading("p1.s1").speaker == "Gaston Rivero"


@pytest.mark.parametrize(
    "text",
    ["Ab’s " * 3000 + "said.", "Oslo and " * 3000 + "Bergen.", "Sen. Ana Ruiz of Oslo and " * 1000 + "Bergen said it."],
)
def test_a_hostile_run_of_capitals_is_read_without_recursing_without_end(text: str) -> None:
    article = read_article(Report("x", text + "\n"))
    assert article.reading("p1.s1").spans  # read, not a RecursionError


def test_a_run_of_names_joined_by_and_is_every_name() -> None:
    spans = read_article(Report("x", "Ships sailed to Oslo and Bergen and Tromso on Monday.\n")).reading("p1.s1").spans
    assert {"Oslo", "Bergen", "Tromso"} <= {s.text for s in spans}


def test_a_long_report_spends_a_bounded_budget_choosing_its_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.core import drafting

    text = "".join(f"Ana Ruiz said port number {i} in Oslo would close on Monday.\n" for i in range(40))
    draft = drafting.build_draft(text, "ports", name="ports.txt")
    asked: list[str] = []
    monkeypatch.setattr(drafting, "CHECK_BUDGET", 400)  # 10 questions for 40 facts
    drafting.finish_draft(draft, lambda q, _f: bool(asked.append(q)))
    assert len(asked) == 10  # the budget over the facts, not a question for each candidate of each
    assert draft.unchecked >= 30  # the facts after the budget keep a question nobody asked
    assert len(draft.questions) == 40 and all(draft.questions.values())


def _span_texts(text: str) -> set[str]:
    article = read_article(Report("x", text + "\n"))
    return {s.text for s in article.reading("p1.s1").spans}


def test_a_name_ending_like_a_demonym_is_still_a_name() -> None:
    # "-an" and "-i" end "Italian" and "Israeli", but also "Usman", "Morgan" and "Kogi"
    assert "Zainab Usman" in _people("Agency chief Zainab Usman told reporters the toll would rise.\n")
    assert "Kogi" in _span_texts("The hardest-hit state is Kogi, where the two rivers meet.")



def test_a_number_word_opening_a_sentence_is_no_name() -> None:
    article = read_article(Report("x", "Two firefighters were hurt on Monday, Commissioner Lena Holt said.\n"))
    kinds = {s.text: s.kind for s in article.reading("p1.s1").spans}
    assert kinds.get("Two", "number") == "number" and kinds["Lena Holt"] == PERSON


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Danish shipping group Vela Line said it had diverted six ships.", "Vela Line"),
        ("The pill is made by Orbis Therapeutics, a Boston company.", "Orbis Therapeutics"),
        ("Sen. Tom Lind of the Bergen Greens said the warnings were ignored.", "Bergen Greens"),
        ("Vela Freight, which runs 40 depots, cut 300 jobs.", "Vela Freight"),
    ],
)
def test_the_words_around_a_name_can_show_it_is_a_body(text: str, body: str) -> None:
    article = read_article(Report("x", text + "\n"))
    assert ("organisation", body) in {(s.kind, s.text) for s in article.reading("p1.s1").spans}


def test_a_person_stays_a_person_beside_the_same_words() -> None:
    assert "Ana Ruiz" in _people("Ana Ruiz said on Tuesday she was recalling the order.\n")
    assert "Ana Ruiz" in _people("Ana Ruiz said it was a sad day for the town.\n")
    assert "Ana Ruiz" in _people("The plan was drawn up by Ana Ruiz, who runs the depot.\n")


@pytest.mark.parametrize(
    ("opening", "place", "region"),
    [
        ("LOKOJA, Nigeria, Sept. 14 (Reuters) - Floods have killed 214 people.", "LOKOJA", "Nigeria"),
        ("SAN JOSE, Calif., Feb. 4 (Reuters) - Orbis said it would cut 1,900 jobs.", "SAN JOSE", "Calif."),
        ("OTTAWA, April 15 (Reuters) - The bank cut its rate.", "OTTAWA", None),
    ],
)
def test_a_dateline_may_name_a_region_after_its_place(opening: str, place: str, region: str | None) -> None:
    article = read_article(Report("x", opening + "\n"))
    dateline = [(s.kind, s.text) for s in article.reading("p1.s1").spans if s.role == "dateline"]
    assert ("place", place) in dateline and ("organisation", "Reuters") in dateline
    assert (("place", region) in dateline) == (region is not None)
    assert not any(s.kind == "organisation" and s.text == place for s in article.reading("p1.s1").spans)


def test_the_role_that_speaks_is_the_one_person_of_that_role_named_twice() -> None:
    text = (
        "RFS Commissioner Fiona Doyle said the fire was moving fast.\n"
        "Orchardist Liam Doyle, 67, lost his home.\n"
        "Commissioner Doyle said two firefighters were hurt.\n"
        "The commissioner said crews would spend the night backburning.\n"
    )
    article = read_article(Report("x", text))
    assert article.reading("p4.s1").speaker == "Fiona Doyle"


def test_a_speaker_may_be_named_with_where_they_work_before_the_verb() -> None:
    text = "Transportation economist Dr. Elena Voss of the University of Bergen said costs had risen 30%.\n"
    article = read_article(Report("x", text))
    assert article.reading("p1.s1").speaker == "Elena Voss"
    assert "Transportation economist" in article.people["Elena Voss"].roles


def test_a_lower_case_title_before_a_name_is_a_role() -> None:
    article = read_article(Report("x", "He met chief economist Ana Ruiz in Oslo on Monday.\n"))
    assert article.people["Ana Ruiz"].roles == ("chief economist",)


def test_a_surname_that_is_a_plain_word_still_names_its_person() -> None:
    text = (
        "Chief Executive Margaret Hale will step down on April 1.\n"
        "“We need a leader for the next decade,” Hale told analysts.\n"
        "Later, Hale said it had been a hard call.\n"
    )
    article = read_article(Report("x", text))
    assert article.reading("p2.s1").speaker == "Margaret Hale"
    assert article.reading("p3.s1").speaker == "Margaret Hale"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ana Ruiz visited the Vela shelters on Sunday.\nThe payments start on Monday, she said.\n", "Ana Ruiz"),
        # two people named before: "she" is unclear, so no one is made the speaker
        ("Ana Ruiz met Ida Berg on Sunday.\nThe payments start on Monday, she said.\n", None),
        # the one person named is not the sentence's subject: the police arrested him
        ("Police arrested Marco Bell on Tuesday.\n“He was armed,” she said.\n", None),
        # "they" may be a body or several people
        ("Ana Ruiz visited the Vela shelters on Sunday.\nThe payments start on Monday, they said.\n", None),
    ],
)
def test_she_said_after_a_sentence_naming_one_person_is_theirs(text: str, speaker: str | None) -> None:
    article = read_article(Report("x", text))
    assert article.reading("p2.s1").speaker == speaker


def test_the_letters_of_a_currency_are_not_part_of_a_name() -> None:
    text = "Ana Lind won the Vela Open.\nThe title earned Lind A$4.15 million, and Oskar Berg US$2 million.\n"
    article = read_article(Report("x", text))
    assert set(article.people) == {"Ana Lind", "Oskar Berg"}
    lind = next(s for s in article.reading("p2.s1").spans if s.text == "Lind")
    assert lind.refers == "Ana Lind"


def test_a_place_name_before_a_surname_is_a_first_name() -> None:
    people = _people("Sofia Marchetti beat Jana Lind in the Vela final.\nFans from Georgia Tech cheered.\n")
    assert "Sofia Marchetti" in people
    assert "Georgia Tech" not in people


def test_a_surname_ending_in_i_is_no_demonym() -> None:
    assert "Marco Rossi" in _people("Marco Rossi visited the Vela plant on Monday.\n")


def test_a_possessive_is_not_part_of_a_persons_name() -> None:
    text = "The envoy said she had spoken with Tobias Lind’s parents in Vela on Wednesday.\n"
    assert _people(text) == {"Tobias Lind"}


def test_a_short_governors_title_is_a_title_not_part_of_the_name() -> None:
    article = read_article(Report("x", "Gov. Daniel Berg, a Democrat, signed the law in March.\n"))
    assert list(article.people) == ["Daniel Berg"]
    assert article.people["Daniel Berg"].roles == ("Gov.", "a Democrat")


def test_said_before_a_title_and_a_name_is_said_by_that_person() -> None:
    text = "“Our members have warned for years,” said union president Denise Lind. “We were ignored.”\n"
    article = read_article(Report("x", text))
    assert article.reading("p1.s1").speaker == "Denise Lind"
    assert article.reading("p1.s2").speaker == "Denise Lind"


def test_she_said_reaches_past_a_sentence_that_names_no_one() -> None:
    text = (
        "Union leader Ana Lind told a crowd outside parliament that the unions would go to court. "
        "The unions put the crowd at about 80,000. “They are asking too much of us,” she said.\n"
    )
    assert read_article(Report("x", text)).reading("p1.s3").speaker == "Ana Lind"


@pytest.mark.parametrize(
    ("text", "sentence", "speaker"),
    [
        ("Asked whether a record was possible, Brian Lind smiled. “Maybe not this year, but soon,” he said.\n", "p1.s2", "Brian Lind"),
        ("Dr. Kwame Berg said the plan was bold. “It will help,” Berg said. He estimated a shortfall and said rents would rise.\n", "p1.s3", "Kwame Berg"),
        ("The route drew praise from U.S. Sen. Laura Lind of Illinois, who said in a statement that it would help.\n", "p1.s1", "Laura Lind"),
    ],
)
def test_a_speaker_after_a_fronted_clause_as_he_or_she_or_with_who(text: str, sentence: str, speaker: str) -> None:
    assert read_article(Report("x", text)).reading(sentence).speaker == speaker


def test_industry_and_landform_words_make_bodies_and_places_not_people() -> None:
    text = (
        "Vela Pharmaceuticals and Orbis Pictures signed the deal at Carrow Point on Monday, "
        "and Ana Lind of Bergen Partners watched from Pell Bend.\n"
    )
    assert _people(text) == {"Ana Lind"}


def test_a_hyphened_title_is_a_title() -> None:
    article = read_article(Report("x", "Director-General Zainab Lind said the agency had 40 trucks.\n"))
    assert article.people["Zainab Lind"].roles == ("Director-General",)


def test_a_surname_with_its_particle_is_the_person_who_carries_it() -> None:
    text = "Prime Minister Joris van Dam said the talks would resume. Van Dam said he was hopeful.\n"
    article = read_article(Report("x", text))
    assert list(article.people) == ["Joris van Dam"]
    assert article.reading("p1.s2").speaker == "Joris van Dam"


def test_a_titled_name_that_opens_with_a_place_word_is_a_person() -> None:
    assert "Park Ji-won" in _people("The prize went to a film by South Korean director Park Ji-won on Sunday.\n")


def test_an_ampersand_joins_one_body() -> None:
    article = read_article(Report("x", "The Great Plains & Vela Railroad (GPV) train was pulling 112 cars.\n"))
    assert ("organisation", "Great Plains & Vela Railroad") in {(s.kind, s.text) for s in article.reading("p1.s1").spans}


def test_a_short_everyday_word_opening_a_sentence_is_no_name() -> None:
    article = read_article(Report("x", "Net income dropped to $412 million. The EU said Li would attend.\n"))
    assert "Net" not in {s.text for s in article.reading("p1.s1").spans}
    assert {"The EU", "Li"} <= {s.text for s in article.reading("p1.s2").spans}


def test_an_apposition_may_open_with_whose_title_it_is() -> None:
    article = read_article(Report("x", "Dr. Nathan Lind, Vela’s chief scientific officer, said the drug worked.\n"))
    assert article.people["Nathan Lind"].roles == ("Dr.", "chief scientific officer")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Dr. Ana Lind, a senior mediator with the Vela Service, said talks would resume.", "Ana Lind", "a senior mediator with the Vela Service"),
        ("Ida Berg, a fire ecologist at Bergen University, said the slopes were dry.", "Ida Berg", "a fire ecologist at Bergen University"),
        ("Sen. Maria Voss, a Bergen Democrat, urged a deal.", "Maria Voss", "a Bergen Democrat"),
        ("Gov. Tom Lind, a Republican, said he would act.", "Tom Lind", "a Republican"),
    ],
)
def test_a_phrase_ending_in_a_word_for_a_person_after_a_name_is_their_role(text: str, name: str, role: str) -> None:
    assert role in read_article(Report("x", text)).people[name].roles


def test_a_relative_clause_after_a_name_is_no_role() -> None:
    article = read_article(Report("x", "The chief negotiator, Karen Lind, who is not related to the union leader, spoke."))
    assert not any("leader" in r for r in article.people["Karen Lind"].roles)


def test_a_capitalised_word_after_a_name_is_a_role_only_when_it_is_a_word_for_a_person() -> None:
    article = read_article(Report("x", "Ana Lind, a Bergen Shipping, said so."))
    assert not any("Shipping" in r for r in article.people["Ana Lind"].roles)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Vela County Sheriff Raymond Ortiz issued an evacuation order.", "Raymond Ortiz", "Vela County Sheriff"),
        ("Detective Ana Lind said the van was found.", "Ana Lind", "Detective"),
        ("Rabbi Tomas Berg led the service.", "Tomas Berg", "Rabbi"),
        ("State Comptroller Ida Voss released the audit.", "Ida Voss", "State Comptroller"),
    ],
)
def test_a_title_before_a_name_is_its_role(text: str, name: str, role: str) -> None:
    assert read_article(Report("x", text)).people[name].roles == (role,)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("The museum’s director, Dr. Ana Lind, said the works were insured.", "Ana Lind", "director"),
        ("Its managing director, Ida Voss, 49, said the firm would cooperate.", "Ida Voss", "managing director"),
        ("Bergen’s special envoy for the Sahel, Anna Berg, said talks went on.", "Anna Berg", "special envoy for the Sahel"),
        ("Brazilian filmmaker Rafael Lind won the prize.", "Rafael Lind", "Brazilian filmmaker"),
        ("Carla Voss, 71, a retired postmaster who lives nearby, heard it.", "Carla Voss", "a retired postmaster"),
        ("Tomas Berg, 31, a German logistics coordinator; and others were freed.", "Tomas Berg", "a German logistics coordinator"),
        ("Noah Lind, a former U.S. Justice Department prosecutor who advises insurers, said so.", "Noah Lind", "a former U.S. Justice Department prosecutor"),
        ("Gordon Voss, transportation critic for the opposition Conservatives, called for a vote.", "Gordon Voss", "transportation critic for the opposition Conservatives"),
    ],
)
def test_a_role_set_off_by_commas_before_or_after_a_name_is_its_role(text: str, name: str, role: str) -> None:
    assert role in read_article(Report("x", text)).people[name].roles


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In a note to investors, Ana Lind said profits would fall.", "Ana Lind"),
        ("After meeting the minister, Ana Lind, 49, said talks had failed.", "Ana Lind"),
        ("Ana Lind, ranked 64th in the world, won the final.", "Ana Lind"),
        ("Ana Lind, 58, said the line had sagged.", "Ana Lind"),
    ],
)
def test_a_clause_beside_a_name_is_no_role(text: str, name: str) -> None:
    assert read_article(Report("x", text)).people[name].roles == ()


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Crews found a sagging line near Casa Grande on Monday.", "Casa Grande", "place"),
        ("The plant in Los Lunas will open in 2028.", "Los Lunas", "place"),
        ("Shelters opened at Redvale High School on Tuesday.", "Redvale High School", "organisation"),
        ("A letter from Ana Lind reached the council.", "Ana Lind", "person"),
    ],
)
def test_what_a_name_names_by_its_words_and_the_word_before_it(text: str, name: str, kind: str) -> None:
    spans = read_article(Report("x", text)).reading("p1.s1").spans
    assert [s.kind for s in spans if s.text == name] == [kind]


def test_a_thing_named_after_someone_is_not_a_person() -> None:
    article = read_article(Report("x", "Astronomers using the James Webb Space Telescope found water.\n"))
    assert not article.people


def test_a_capitalised_contraction_is_no_name() -> None:
    text = "“I’ve got two kids, but I’d rather miss a paycheck,” said Ana Lind. “Don’t worry,” she said.\n"
    spans = read_article(Report("x", text)).reading("p1.s1").spans
    assert [s.text for s in spans if s.kind in ("name", PERSON)] == ["Ana Lind"]


def test_a_quote_naming_nothing_is_drafted_as_what_its_speaker_said() -> None:
    from bot.core.drafting import question_candidates

    text = "“I would lose swinging,” Ana Lind said at the ceremony. “I still don’t really believe it.”\n"
    article = read_article(Report("x", text))
    questions = question_candidates(article, article.report.sentences[1])
    assert "What did Ana Lind say?" in questions
    assert not any("don’t" in q for q in questions)


def test_a_name_the_article_shows_to_be_a_place_is_one_wherever_it_stands() -> None:
    article = read_article(Report("x", "The plant near Los Lunas will open in 2028.\nIt will pay for a plant that Los Lunas will own.\n"))
    assert "Los Lunas" not in article.people
    assert [s.kind for s in article.reading("p2.s1").spans if s.text == "Los Lunas"] == ["place"]


def test_a_countrys_dotted_initials_are_a_place_and_a_bodys_a_body() -> None:
    article = read_article(Report("x", "The syrup is sold by U.S. drugmaker Vela Biologics. The U.N. said so.\n"))
    kinds = {s.text: s.kind for r in article.readings.values() for s in r.spans}
    assert kinds["U.S."] == "place" and kinds["Vela Biologics"] == "organisation"
    assert kinds["The U.N."] == "organisation"


@pytest.mark.parametrize("name", ["Cornelis van der Meulen", "Ursula von der Leyen", "Luis da Silva", "Ana de la Cruz"])
def test_a_surname_with_particles_is_read_whole(name: str) -> None:
    assert name in _people(f"The portrait was painted by {name} in 1654.\n")


@pytest.mark.parametrize(
    ("text", "measure", "unit"),
    [
        ("The planet lies about 48 light-years from Earth.", "48 light-years", "length"),
        ("The temperature climbed to 121 degrees Fahrenheit.", "121 degrees Fahrenheit", "temperature"),
        ("The train was traveling at 47 miles per hour.", "47 miles per hour", "speed"),
        ("It orbits every 24.8 days.", "24.8 days", "time"),
    ],
)
def test_a_measure_is_read_with_its_unit(text: str, measure: str, unit: str) -> None:
    from bot.core.article import unit_class

    spans = read_article(Report("x", text + "\n")).reading("p1.s1").spans
    assert [(s.text, unit_class(s.text)) for s in spans if s.kind == "measure"] == [(measure, unit)]


def test_how_long_a_year_is_asks_a_time() -> None:
    from bot.core.question import units_of

    assert units_of("how long is a year on the planet?") == {"time"}
    assert units_of("how long is the bridge?") == {"time", "length"}


def test_an_exchange_is_a_body_and_a_lone_compass_word_no_place() -> None:
    text = "Shares fell 4% on the New York Stock Exchange. He would review how Western utilities prepare.\n"
    kinds = {s.text: s.kind for r in read_article(Report("x", text)).readings.values() for s in r.spans}
    assert kinds.get("New York Stock Exchange") == "organisation"
    assert kinds.get("Western") != "place"
    assert [s.kind for s in read_article(Report("x", "Floods hit West Bergen on Monday.\n")).reading("p1.s1").spans][:1] == ["place"]


def test_a_year_in_brackets_after_a_work_is_its_date_not_a_count() -> None:
    text = "The most valuable work, “Portrait of a Merchant’s Wife” (1654) by Ana Lind, was on loan.\n"
    spans = read_article(Report("x", text)).reading("p1.s1").spans
    assert [(s.kind, s.text) for s in spans if "1654" in s.text] == [("date", "1654")]


def test_a_football_club_is_a_body() -> None:
    text = "Vela FC have signed midfielder Jonas Lind from Bergen Athletic for 40 million euros.\n"
    kinds = {s.text: s.kind for r in read_article(Report("x", text)).readings.values() for s in r.spans}
    assert kinds.get("Vela FC") == "organisation"
    assert kinds.get("Jonas Lind") == "person"


def test_an_age_may_be_written_in_years_old() -> None:
    text = "The star, a red dwarf, is roughly 6 billion years old. Ana Lind is 49 years old.\n"
    ages = [s.text for r in read_article(Report("x", text)).readings.values() for s in r.spans if s.kind == "age"]
    assert ages == ["6 billion", "49"]


def test_a_spelled_out_count_is_a_number_even_capitalised() -> None:
    text = "Fifty-one of the cases are in Vela County and 13 are in Bergen County. Twenty-two skiers and fourteen guides were caught.\n"
    numbers = [s.text for r in read_article(Report("x", text)).readings.values() for s in r.spans if s.kind == "number"]
    assert numbers == ["Fifty-one", "13", "Twenty-two", "fourteen"]
