"""The general-English lexicon and each report's synonyms are consistent: each word means one thing."""

from __future__ import annotations

from bot.core.analyzer import Analyzer
from bot.core.engine import Engine
from bot.core.lexicon import LIGHT_WORDS, STOPWORDS, english_words, places
from bot.core.matcher import Gazetteer
from bot.core.text import stem


def test_no_phrase_is_in_two_synonym_groups_of_a_report(engine: Engine) -> None:
    analyzer = Analyzer(())
    for index in engine.indexes.values():
        seen: dict[tuple[str, ...], str] = {}
        for group in index.base.synonyms:
            for phrase in group:
                key = analyzer._stems(phrase)
                assert key, phrase
                assert seen.setdefault(key, group[0]) == group[0], (phrase, seen[key], group[0])


def test_light_words_are_not_synonyms_of_something_else(engine: Engine) -> None:
    light = {stem(w) for w in LIGHT_WORDS}
    for index in engine.indexes.values():
        groups = index.base.synonyms
        canonical_heads = {stem(g[0]) for g in groups}
        for group in groups:
            for phrase in group:
                if " " not in phrase and stem(phrase) in light:
                    assert stem(phrase) in canonical_heads, phrase


def test_places_do_not_include_everyday_words() -> None:
    general = places()
    assert not {"us", "chad", "english", "may", "mobile", "reading", "chosen", "ca", "me"} & general
    assert {"laos", "vietnam", "united states", "phnom penh", "cambodian", "tokyo", "un", "eu"} <= general


def test_a_report_adds_its_own_places_to_the_gazetteer() -> None:
    general = Gazetteer()
    local = Gazetteer(["Riverside Hills", "Oakmont"])
    question = "Were there floods in Oakmont or in Riverside Hills, or in Laos?"
    assert general.places_in(question) == {"laos"}
    assert local.places_in(question) == {"laos", "oakmont", "riverside hills"}
    # the longest name first, and a possessive still names the place
    assert local.places_in("South Korea's envoy") == {"south korea"}
    assert local.actors("the cambodian government and laos's ambassador") == [
        ("cambodian", "government"),
        ("laos", "ambassador"),
    ]
    assert general.places_in("tell us what the US did") == {"united states"}


def test_the_word_list_is_loaded_and_sane() -> None:
    words = english_words()
    assert len(words) > 50_000
    assert {"attend", "spare", "currency", "kidnaping"} <= words.keys()
    assert "kidnapng" not in words and not any(len(w) < 4 for w in list(words)[:1000])
    assert "the" in STOPWORDS


def test_no_two_phrases_read_the_same_once_normalised(engine: Engine) -> None:
    for index in engine.indexes.values():
        assert index.analyzer.collisions == []


def test_a_rare_real_word_beside_a_far_more_common_report_word_is_its_typo() -> None:
    analyzer = Analyzer(())
    analyzer.learn("The club manager said the sea was calm and the spare parts had arrived.")
    assert analyzer.query("arsenal manger").tokens == analyzer.query("arsenal manager").tokens
    assert analyzer.query("clam").tokens != analyzer.query("calm").tokens  # "clam" is common enough to be meant
    assert analyzer.query("spate").tokens != analyzer.query("spare").tokens
