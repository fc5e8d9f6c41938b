"""Routing a question among several reports: by the words it shares with each, rare ones first."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.routing import holds, route, shares
from bot.core.text import stem, words


@dataclass
class Report:
    """A stand-in for a report's index: the stems of its text."""

    name: str
    text: str

    @property
    def report_stems(self) -> frozenset[str]:
        return frozenset(stem(w) for w in words(self.text))

    @property
    def sorted_stems(self) -> tuple[str, ...]:
        return tuple(sorted(self.report_stems))


BREACH = Report("breach", "Hackers stole patient information from the Orbis hospital chain.")
KIDNAP = Report("kidnap", "Victims were taken across the border and held by the gang.")
RATES = Report("rates", "The bank cut its rate; lenders had taken note of the slowdown.")


def named(reports: list[Report]) -> list[str]:
    return [r.name for r in reports]


def test_a_word_only_one_report_uses_outweighs_one_several_use() -> None:
    # "taken" is in two reports, "information" in one: the question is the breach report's.
    assert named(route("What kind of information was taken?", [BREACH, KIDNAP, RATES])) == ["breach"]


def test_reports_tied_at_the_top_are_all_asked() -> None:
    tied = route("What was taken?", [BREACH, KIDNAP, RATES])
    assert named(tied) == ["kidnap", "rates"]


def test_a_question_sharing_no_word_with_any_report_asks_them_all() -> None:
    assert named(route("Who won the football match?", [BREACH, KIDNAP, RATES])) == ["breach", "kidnap", "rates"]


def test_one_report_is_asked_alone() -> None:
    assert named(route("anything", [BREACH])) == ["breach"]


def test_a_long_stem_is_held_by_a_word_it_starts() -> None:
    ransomware = Report("ware", "The ransomware attack shut the clinics.")
    assert holds(ransomware, stem("ransom"))
    assert not holds(ransomware, stem("ran"))  # too short to stand for a longer word
    assert not holds(ransomware, stem("ransack"))


def test_shares_weigh_the_words_each_report_holds() -> None:
    breach, kidnap, rates = shares("information taken", [BREACH, KIDNAP, RATES])
    assert breach > kidnap == rates > 0
    assert shares("football", [BREACH, KIDNAP]) == [0.0, 0.0]
