"""The one error path of the Discord layer.

Slash commands (through the command tree), prefix commands (through ``on_command_error``), the
mention listener and the buttons all end here. Expected errors become a short private message;
unexpected ones are logged once, with where they happened, and the user is told something went
wrong. The user always gets a reply, and a failing reply never raises again.
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.engine import MAX_QUESTION_CHARS
from bot.core.errors import ReportbotError
from bot.discord_app.limits import Verdict
from bot.discord_app.markup import CONTENT_MAX, escape, truncate
from bot.discord_app.reply import Replier

log = logging.getLogger(__name__)

#: What the user reads when something unexpected failed.
UNEXPECTED = "Sorry, something went wrong on my side; it has been logged. Please try again."
#: Discord error codes that mean the interaction cannot be answered any more.
_GONE = {10062, 40060}  # unknown interaction (too late), already acknowledged
_MISSING_PERMISSIONS = 50013


class RateLimited(app_commands.CheckFailure, commands.CheckFailure):
    """A user or channel asked too often; ``verdict`` says how long to wait.

    A check failure for both command frameworks, so that the slash-command tree and the prefix
    commands hand it to the one error handler before any other work.
    """

    def __init__(self, verdict: Verdict) -> None:
        self.verdict = verdict
        super().__init__(f"rate limited for {verdict.retry_after:.1f} s")


class QuestionTooLong(Exception):
    """A question over MAX_QUESTION_CHARS."""

    def __init__(self, length: int) -> None:
        self.length = length
        super().__init__(f"question of {length} characters")


class StaleButton(Exception):
    """A button points at something the fact base no longer has (it was edited since)."""


def unwrap(error: BaseException) -> BaseException:
    """The error a command raised, without discord.py's wrappers."""
    while True:
        if isinstance(
            error, app_commands.CommandInvokeError | commands.CommandInvokeError | commands.HybridCommandError
        ):
            error = error.original
        else:
            return error


def describe(error: BaseException) -> str | None:
    """The message for an expected error; None for an unexpected one."""
    if isinstance(error, RateLimited):
        return f"Slow down a little: try again in {error.verdict.seconds} s."
    if isinstance(error, app_commands.CommandOnCooldown | commands.CommandOnCooldown):
        return f"Slow down a little: try again in {Verdict(False, error.retry_after).seconds} s."
    if isinstance(error, QuestionTooLong):
        return (
            f"That question is too long ({error.length} characters). "
            f"Please ask in at most {MAX_QUESTION_CHARS} characters."
        )
    if isinstance(error, ReportbotError):  # unknown sentence, unknown report, ...
        return escape(str(error))
    if isinstance(error, StaleButton):
        return f"{error} Try `/facts` for what I know now."
    if isinstance(error, app_commands.BotMissingPermissions | commands.BotMissingPermissions):
        needed = ", ".join(p.replace("_", " ").title() for p in error.missing_permissions)
        return f"I need the {needed} permission(s) in this channel to answer here; please ask a server admin."
    if isinstance(error, discord.Forbidden) and error.code == _MISSING_PERMISSIONS:
        return (
            "I am not allowed to post that here: I need Send Messages and Embed Links in this "
            "channel; please ask a server admin."
        )
    if isinstance(error, commands.NotOwner):
        return "I only answer questions about the report here; try `/help`."
    if isinstance(error, app_commands.CheckFailure | commands.CheckFailure):
        return "You cannot use that command here."
    if isinstance(error, commands.UserInputError):
        return f"I did not understand that: {escape(str(error))} Try `/help`."
    if isinstance(error, app_commands.TransformerError):
        return "That value is not valid for this option; try `/help`."
    return None


async def handle_error(replier: Replier, error: BaseException, *, where: str) -> None:
    """Tell the user what went wrong (privately) and log what was not expected. Never raises."""
    error = unwrap(error)
    if isinstance(error, commands.CommandNotFound):
        return  # "@bot who leads ..." is a question, answered by the mention listener
    if isinstance(error, discord.NotFound | discord.HTTPException) and getattr(error, "code", None) in _GONE:
        log.warning("%s: the interaction expired before the reply (%s)", where, error)
        return
    message = describe(error)
    if message is None:
        log.error("unexpected error in %s", where, exc_info=error)
        message = UNEXPECTED
    elif isinstance(error, RateLimited) and not (replier.private or error.verdict.first_refusal):
        log.debug("%s: rate limited again; not replying", where)
        return
    else:
        log.debug("%s: %s", where, type(error).__name__)
    try:
        await replier.send(truncate(message, CONTENT_MAX), ephemeral=True)
    except discord.HTTPException as exc:
        log.warning("%s: could not send the error message: %s", where, exc)
    except Exception:
        log.exception("%s: sending the error message failed", where)
