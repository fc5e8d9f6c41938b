"""The local Discord answers only this computer's playground page: a web page elsewhere cannot
post through it, read its events or reach the emulated API, not even by DNS rebinding; and a
message is at most 2,000 characters, as in Discord."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.discord_app.client import ReportBot
from bot.discord_app.local import LocalDiscord
from bot.discord_app.local.errors import LocalDiscordError
from bot.discord_app.local.state import LOCAL_TOKEN

EVIL = "https://evil.example"


@pytest.fixture
async def http(local: LocalDiscord) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(base_url=local.url) as session:
        yield session


def every_route(local: LocalDiscord) -> list[tuple[str, str]]:
    channel = local.channel().id
    return [
        ("GET", "/"),
        ("GET", "/static/playground.js"),
        ("GET", "/playground/state"),
        ("POST", "/playground/send"),
        ("POST", "/playground/autocomplete"),
        ("POST", "/playground/click"),
        ("GET", "/api/v10/users/@me"),
        ("GET", "/api/v10/gateway/bot"),
        ("POST", f"/api/v10/channels/{channel}/messages"),
        ("GET", "/nowhere"),
    ]


async def test_a_foreign_host_is_misdirected_on_every_route(
    local: LocalDiscord, http: aiohttp.ClientSession
) -> None:
    """DNS rebinding: a page at evil.example, which now resolves to 127.0.0.1, calls it."""
    for host in (
        f"evil.example:{local.port}",
        "evil.example",
        f"127.0.0.1.evil.example:{local.port}",
        "127.0.0.1:1",
    ):
        for method, path in every_route(local):
            async with http.request(
                method, path, headers={"Host": host, "Authorization": f"Bot {LOCAL_TOKEN}"}
            ) as r:
                assert r.status == 421, (host, method, path)


async def test_a_foreign_origin_is_forbidden_on_every_route(
    local: LocalDiscord, bot: ReportBot, http: aiohttp.ClientSession
) -> None:
    before = len(local.messages)
    for origin in (EVIL, "null", f"http://evil.example:{local.port}", f"https://127.0.0.1:{local.port}"):
        for method, path in every_route(local):
            headers = {"Origin": origin, "Authorization": f"Bot {LOCAL_TOKEN}"}
            async with http.request(method, path, headers=headers, json={"text": "hi", "content": "hi"}) as r:
                assert r.status == 403, (origin, method, path)
    assert len(local.messages) == before, "nothing was posted"


@pytest.mark.parametrize("path", ["/playground/events", "/gateway/"])
async def test_a_foreign_page_cannot_open_the_websockets(
    local: LocalDiscord, http: aiohttp.ClientSession, path: str
) -> None:
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await http.ws_connect(path, origin=EVIL)
    assert refused.value.status == 403
    with pytest.raises(aiohttp.WSServerHandshakeError) as misdirected:
        await http.ws_connect(path, headers={"Host": f"evil.example:{local.port}"})
    assert misdirected.value.status == 421


async def test_the_page_itself_and_clients_without_an_origin_are_served(
    local: LocalDiscord, bot: ReportBot, http: aiohttp.ClientSession
) -> None:
    for origin in (f"http://127.0.0.1:{local.port}", f"http://localhost:{local.port}", None):
        headers = {"Origin": origin} if origin else {}
        for host in (f"127.0.0.1:{local.port}", f"localhost:{local.port}", f"[::1]:{local.port}"):
            async with http.get("/playground/state", headers={**headers, "Host": host}) as r:
                assert r.status == 200, (origin, host)
        async with http.post("/playground/send", json={"text": "hello"}, headers=headers) as r:
            assert r.status == 200 and (await r.json())["ok"]
        ws = await http.ws_connect("/playground/events", origin=origin)
        await ws.close()


async def test_a_message_is_at_most_2000_characters(
    local: LocalDiscord, bot: ReportBot, http: aiohttp.ClientSession
) -> None:
    before = len(local.messages)
    async with http.post("/playground/send", json={"text": "x" * 2001}) as r:
        assert r.status == 400 and "at most 2,000 characters" in (await r.json())["error"]
    async with http.post("/playground/send", json={"text": "x" * 30_000_000}) as r:
        assert r.status == 413
    assert len(local.messages) == before
    async with http.post("/playground/send", json={"text": "x" * 2000}) as r:
        assert r.status == 200
    with pytest.raises(LocalDiscordError, match="at most 2,000 characters"):
        await local.send_message("alice", "y" * 2001)
