"""Point discord.py at a local Discord: the REST base and the gateway URL, loopback only.

Used by ``reportbot run`` (DISCORD_API_BASE, DISCORD_GATEWAY_URL) and by the local Discord; it
imports nothing of the emulator.

discord.py reads ``discord.http.Route.BASE`` each time it builds a request and
``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY`` each time it connects, so both are set
before the client makes any request and restored afterwards. The override is process-wide:
use it around one bot at a time.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import discord.gateway
import discord.http
import yarl

log = logging.getLogger(__name__)

#: The REST API version discord.py 2.x speaks (the path below the base URL).
API_PATH = "/api/v10"
#: Where the local gateway listens, below the base URL.
GATEWAY_PATH = "/gateway/"


class NotLoopbackError(ValueError):
    """The URL given for a local Discord points somewhere other than this computer."""


def is_loopback_host(host: str | None) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ::1: addresses that never leave this computer."""
    if not host:
        return False
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def loopback_url(base_url: str | yarl.URL) -> yarl.URL:
    """``base_url`` as an ``http://`` URL on this computer, or NotLoopbackError saying why not."""
    url = yarl.URL(str(base_url))
    if url.scheme not in ("http", "ws"):
        raise NotLoopbackError(
            f"a local Discord is reached over plain http on this computer, not {str(url)!r}"
        )
    if not is_loopback_host(url.host):
        raise NotLoopbackError(
            f"refusing to point discord.py at {url.host!r}: a local Discord must run on this "
            "computer (localhost, 127.0.0.0/8 or ::1), so that no token or message leaves it"
        )
    return url.with_scheme("http").with_path("").with_query(None).with_fragment(None)


def local_endpoints(base_url: str | yarl.URL) -> tuple[str, yarl.URL]:
    """The REST base and the gateway URL discord.py should use for a local Discord at ``base_url``."""
    url = loopback_url(base_url)
    return str(url) + API_PATH, url.with_scheme("ws").with_path(GATEWAY_PATH)


def checked_endpoint(url: str | yarl.URL, *, gateway: bool) -> yarl.URL:
    """``url`` as a REST base (http/https) or a gateway URL (ws/wss) on this computer, or
    NotLoopbackError saying why not."""
    schemes = ("ws", "wss") if gateway else ("http", "https")
    try:
        parsed = yarl.URL(str(url).strip())
    except ValueError:
        parsed = yarl.URL()
    if parsed.scheme not in schemes or not parsed.host:
        # The value itself is not repeated: it might be a token pasted into the wrong setting.
        kind = "a ws:// or wss://" if gateway else "an http:// or https://"
        raise NotLoopbackError(f"it is not {kind} URL")
    if not is_loopback_host(parsed.host):
        raise NotLoopbackError(f"{parsed.host!r} is not this computer (localhost, 127.0.0.0/8 or ::1)")
    return parsed


@contextmanager
def use_local_endpoints(
    api_base: str | yarl.URL, gateway_url: str | yarl.URL
) -> Iterator[tuple[str, yarl.URL]]:
    """Within the block, discord.py uses this REST base and gateway URL, both on this computer.

    Refuses (NotLoopbackError) any other host, before changing anything. Yields the two as
    discord.py holds them; restores the previous values on exit, even on error.
    """
    api = str(checked_endpoint(api_base, gateway=False)).rstrip("/")
    gateway = checked_endpoint(gateway_url, gateway=True)
    saved = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = api
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway
    log.info("discord.py now talks to a local Discord: REST %s, gateway %s", api, gateway)
    try:
        yield api, gateway
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved


@contextmanager
def use_local_discord(base_url: str | yarl.URL) -> Iterator[tuple[str, yarl.URL]]:
    """Within the block, every discord.py client talks to the local Discord at ``base_url``.

    Refuses (NotLoopbackError) any host that is not this computer. Yields the REST base and the
    gateway URL; restores the previous values on exit, even on error.
    """
    api, gateway = local_endpoints(base_url)
    with use_local_endpoints(api, gateway) as endpoints:
        yield endpoints
