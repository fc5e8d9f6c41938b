"""A local Discord: the real discord.py client logs into it; people try the bot in a page.

``LocalDiscord`` (``server``) is the server and its Python API, built from the guild's
``state``, the ``gateway``, the REST ``routes`` by resource, payload ``validation``, the test
``driver`` and the ``playground`` page; ``running_bot``/``BotRunner`` start a bot against it;
``run_playground`` serves the playground page with a bot; ``use_local_discord``
(``use_local_endpoints``, from ``bot.discord_app.endpoints``) points discord.py at a loopback URL
(and refuses any other); ``reportbot_factory`` builds the real bot for it.

Production code never imports this package; only ``reportbot playground`` and the tests do.
"""

from bot.discord_app.endpoints import NotLoopbackError, use_local_discord, use_local_endpoints
from bot.discord_app.local.driver import InteractionHandle
from bot.discord_app.local.errors import BotOffline, LocalDiscordError, LocalDiscordTimeout
from bot.discord_app.local.launcher import (
    DEFAULT_PORT,
    BotRunner,
    run_playground,
    running_bot,
    serve_playground,
    sync_command_tree,
)
from bot.discord_app.local.model import Channel, Interaction, Message, User
from bot.discord_app.local.reportbot import local_settings, reportbot_factory
from bot.discord_app.local.server import LocalDiscord
from bot.discord_app.local.state import LOCAL_TOKEN

__all__ = [
    "DEFAULT_PORT",
    "LOCAL_TOKEN",
    "BotOffline",
    "BotRunner",
    "Channel",
    "Interaction",
    "InteractionHandle",
    "LocalDiscord",
    "LocalDiscordError",
    "LocalDiscordTimeout",
    "Message",
    "NotLoopbackError",
    "User",
    "local_settings",
    "reportbot_factory",
    "run_playground",
    "running_bot",
    "serve_playground",
    "sync_command_tree",
    "use_local_discord",
    "use_local_endpoints",
]
