"""The one escaping function for user text the bot echoes: every construct of Discord's markdown
comes out inert, whatever the text, and the original can be read back."""

from __future__ import annotations

import re

import discord
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.answer import Answer
from bot.discord_app.embeds import decline_embed, question_from
from bot.discord_app.markup import escape, truncate, unescape

ATTACK = "[x](y) who leads the task force? **URGENT** [Verify your account](https://evil.example/login)"

#: One entry per construct of Discord's markdown (as its help article lists them), plus mixes.
CORPUS = [
    ATTACK,
    "[Verify your account](https://evil.example/login)",
    "[a [nested] link](https://evil.example) and [x](<https://evil.example>)",
    "https://evil.example/login and <https://evil.example/quiet> and steam://run/1",
    "# Header one",
    "## Header two",
    "### Header three",
    "-# subtext",
    "- a list item",
    "* a list item",
    "+ a list item",
    "1. first",
    "12) twelfth",
    "> a quote",
    ">>> a block quote",
    "`code` and ``double`` and ```py\nprint(1)\n```",
    "||spoiler|| and ~~strike~~ and __underline__ and _italics_ and *italics* and ***all***",
    "<@123456789012345678> <@!123456789012345678> <@&876543210987654321> <#111111111111111111>",
    "@everyone @here",
    "<t:1700000000:R> <t:1700000000>",
    "<:custom:123456789012345678> <a:animated:123456789012345678>",
    "</ask:123456789012345678> <id:customize>",
    "\\*not bold\\* \\[x\\](y)",
    "a\\",
    "   ",
]

#: Discord's markdown: what would still be a construct in the escaped text.
_LINK = re.compile(r"(?<!\\)\[[^\]]*(?<!\\)\]\s*(?<!\\)\(")
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_LINE_START = re.compile(r"^\s*(?:#{1,3}\s|-#\s|[-*+]\s|\d+[.)]\s|>)")
_INLINE = set("*_~|`<>[]#")


def unescaped_specials(text: str) -> list[str]:
    """Every markdown symbol of ``text`` that Discord would not show as typed."""
    found = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and not text[i + 1].isalnum() and not text[i + 1].isspace():
            i += 2
            continue
        if text[i] in _INLINE or text[i] == "\\":
            found.append(text[i])
        i += 1
    return found


def assert_inert(shown: str) -> None:
    assert unescaped_specials(shown) == [], shown
    assert not _LINK.search(shown), shown
    assert not _URL.search(shown), shown
    assert not _LINE_START.match(shown), shown
    assert "@everyone" not in shown and "@here" not in shown, shown
    assert "\n" not in shown


@pytest.mark.parametrize("text", CORPUS)
def test_every_construct_of_discords_markdown_is_inert(text: str) -> None:
    shown = escape(text)
    assert_inert(shown)
    assert unescape(shown) == " ".join(text.split())


def test_the_masked_link_attack_is_not_a_link() -> None:
    shown = escape(ATTACK)
    assert "\\[Verify your account\\](https\\://evil.example/login)" in shown
    assert "\\*\\*URGENT\\*\\*" in shown
    # discord.py's escape_markdown (the bot's escaping before) leaves this masked link working.
    assert _LINK.search(discord.utils.escape_markdown(ATTACK))


@given(st.text(alphabet=st.sampled_from("[]()<>*_~|`#>-+1.: @\\/httpsx\n"), max_size=60))
def test_any_mix_of_markdown_symbols_is_inert(text: str) -> None:
    shown = escape(text)
    assert_inert(shown)
    assert unescape(shown) == " ".join(text.split())


@given(st.text(max_size=200), st.integers(min_value=1, max_value=80))
def test_cutting_an_escaped_text_never_leaves_half_an_escape(text: str, limit: int) -> None:
    cut = truncate(escape(text), limit)
    assert len(cut) <= limit
    assert unescaped_specials(cut.removesuffix("…")) == []


@pytest.mark.parametrize("text", CORPUS)
def test_the_answer_and_decline_embeds_echo_the_question_inert(text: str) -> None:
    declined = Answer(question=text, answered=False, answer="The report does not say.", suggestions=("who?",))
    embed = decline_embed(declined, text, report_title="r")
    if text.strip():
        first = (embed.description or "").split("\n", 1)[0]
        assert_inert(first.removeprefix("**You asked:** "))
        assert question_from(embed) == " ".join(text.split())
