"""The playground page's server side: its files, state, events and JSON endpoints (no browser),
and the ``reportbot playground`` command, which runs the real bot with a token of its own."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.core.engine import Engine
from bot.discord_app.client import ReportBot
from bot.discord_app.local import LocalDiscord, reportbot_factory, running_bot
from bot.discord_app.local.playground import mentionify, parse_slash

from ..conftest import FAKE_TOKEN


@pytest.fixture
async def http(local: LocalDiscord) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(base_url=local.url) as session:
        yield session


async def post(http: aiohttp.ClientSession, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    async with http.post(path, json=body) as r:
        return r.status, await r.json()


async def test_the_page_and_its_files_are_served_from_the_package(http: aiohttp.ClientSession) -> None:
    async with http.get("/") as r:
        page = await r.text()
        assert r.status == 200 and r.content_type == "text/html"
    assert "/static/playground.js" in page and "/static/playground.css" in page
    for name in ("playground.js", "playground.css"):
        async with http.get(f"/static/{name}") as r:
            assert r.status == 200
            assert "http://" not in await r.text() and "https://" not in await r.text(), (
                "nothing from the network"
            )
    async with http.get("/static/../server.py") as r:
        assert r.status == 404


async def test_state_lists_users_commands_and_messages_with_string_ids(
    local: LocalDiscord, bot: ReportBot, http: aiohttp.ClientSession
) -> None:
    await (await local.slash("alice", "ask", question="Who leads the task force?")).reply()
    async with http.get("/playground/state") as r:
        state = await r.json()
    assert state["online"] is True
    assert [u["name"] for u in state["users"]] == ["alice", "bob", "carol"]
    commands = {c["name"]: c for c in state["commands"]}
    assert sorted(commands) == ["about", "ask", "facts", "help", "source"]
    assert [(o["name"], o["autocomplete"]) for o in commands["ask"]["options"]] == [
        ("question", True),
        ("report", True),
    ]
    (message,) = state["messages"]
    assert isinstance(message["id"], str) and message["interaction"]["name"] == "ask"
    embed = message["embeds"][0]
    assert embed["fields"][0]["name"] == "paragraph 3, sentence 1"
    assert embed["description"] == "**You asked:** Who leads the task force?" and embed["footer"]["text"]
    assert [b.get("label") or b["emoji"]["name"] for b in message["components"][0]["components"]] == [
        "Show context",
        "👍",
        "👎",
    ]


async def test_send_runs_slash_commands_and_messages_as_the_chosen_user(
    local: LocalDiscord, bot: ReportBot, http: aiohttp.ClientSession
) -> None:
    bob = str(local.user("bob").id)
    status, body = await post(
        http, "/playground/send", {"user_id": bob, "text": "/ask who leads the task force"}
    )
    assert status == 200 and body["ok"]
    reply = await local.wait_for_message()
    assert reply.interaction_user == local.user("bob")

    status, body = await post(
        http, "/playground/send", {"user_id": bob, "text": "@reportbot when does the team leave?"}
    )
    assert status == 200
    asked = local.message(int(body["message_id"]))
    assert asked.content.startswith(local.bot_user.mention)
    assert (await local.wait_for_message(after=asked)).reference_id == asked.id

    status, body = await post(
        http, "/playground/send", {"user_id": bob, "text": "!ask who leads the task force"}
    )
    assert status == 200
    asked = local.message(int(body["message_id"]))
    assert (await local.wait_for_message(after=asked)).reference_id == asked.id

    status, body = await post(http, "/playground/send", {"text": "/nope"})
    assert status == 400 and "/nope is not a command of this bot" in body["error"]


async def test_autocomplete_and_click(
    local: LocalDiscord, bot: ReportBot, http: aiohttp.ClientSession
) -> None:
    _, body = await post(http, "/playground/autocomplete", {"text": "/ask who lea"})
    assert body["option"] == "question" and body["choices"][0]["name"] == "Who leads the task force?"
    _, body = await post(http, "/playground/autocomplete", {"text": "/ask question: who leads report: kor"})
    assert body["option"] == "report" and body["choices"][0]["value"] == "korea-cambodia-task-force"
    answer = await (await local.slash("carol", "ask", question="Who leads the task force?")).reply()
    carol = str(local.user("carol").id)
    custom_id = answer.button("Show context")["custom_id"]
    status, body = await post(
        http, "/playground/click", {"user_id": carol, "message_id": str(answer.id), "custom_id": custom_id}
    )
    assert status == 200 and body["ok"]
    context = await local.wait_for_message(lambda m: m.ephemeral)
    assert context.visible_to == local.user("carol").id


async def test_events_stream_what_happens(
    local: LocalDiscord, bot: ReportBot, http: aiohttp.ClientSession
) -> None:
    async with http.ws_connect("/playground/events") as ws:
        await local.slash("alice", "ask", question="Who leads the task force?")
        kinds = []
        while "message" not in kinds:
            event = json.loads((await ws.receive(timeout=5)).data)
            kinds.append(event["kind"])
        assert event["message"]["author"]["bot"] is True


def test_parse_slash_fills_the_first_text_option_or_named_ones() -> None:
    local = LocalDiscord()
    local.commands[None] = {
        "ask": {"name": "ask", "options": [{"name": "question", "type": 3, "autocomplete": True}]},
        "add": {"name": "add", "options": [{"name": "a", "type": 4}, {"name": "b", "type": 4}]},
    }
    assert parse_slash("/ask who leads?", local) == ("ask", {"question": "who leads?"}, "question")
    assert parse_slash("/ask ", local) == ("ask", {"question": ""}, "question")
    assert parse_slash("/ask", local) == ("ask", {}, "question")
    assert parse_slash("/add a: 1 b: 2", local) == ("add", {"a": "1", "b": "2"}, "b")
    assert (
        mentionify("@alice and @Nobody, mail a@b.c", local)
        == f"<@{local.user('alice').id}> and @Nobody, mail a@b.c"
    )


# -- the command ----------------------------------------------------------------------------
def test_the_command_says_when_the_port_is_taken() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["playground", "--port", str(port)])
    assert result.exit_code == 1
    assert f"127.0.0.1:{port}" in result.stderr and "--port 0" in result.stderr


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)


def _post(url: str, body: dict[str, Any]) -> Any:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as r:
        return json.load(r)


def _bot_messages(url: str, count: int) -> list[dict[str, Any]]:
    """The bot's messages once there are ``count`` of them (bounded wait)."""
    deadline = time.monotonic() + 15
    while True:
        found = [m for m in _get(url + "playground/state")["messages"] if m["author"]["bot"]]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def test_the_command_runs_the_real_bot_until_interrupted(tmp_path: Path) -> None:
    """With a DISCORD_TOKEN and a .env that would change the bot, the playground still uses its
    own token and settings, and 👍 writes no feedback database."""
    (tmp_path / ".env").write_text(
        f"DISCORD_TOKEN={FAKE_TOKEN}\nANSWER_CHANNEL_IDS=1\nFEEDBACK_DB_PATH={tmp_path / 'fb.sqlite3'}\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"} | {
        "DISCORD_TOKEN": FAKE_TOKEN,
        "REPORTBOT_FEEDBACK_DB": str(tmp_path / "default.sqlite3"),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "playground", "--port", "0"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # the first line names the URL
        assert line.startswith("reportbot playground: http://127.0.0.1:"), line + process.stderr.read()
        url = line.split()[2]
        state = _get(url + "playground/state")
        assert state["online"] is True, "the bot logged in: with the playground's token, not DISCORD_TOKEN"
        assert "ask" in [c["name"] for c in state["commands"]]
        alice = state["users"][0]["id"]
        _post(url + "playground/send", {"user_id": alice, "text": "@reportbot who leads the task force?"})
        (answer,) = _bot_messages(url, 1)  # answered: ANSWER_CHANNEL_IDS from .env was not read
        assert answer["embeds"][0]["fields"][0]["name"] == "paragraph 3, sentence 1"
        up = next(b for b in answer["components"][0]["components"] if b["emoji"]["name"] == "👍")
        _post(
            url + "playground/click",
            {"user_id": alice, "message_id": answer["id"], "custom_id": up["custom_id"]},
        )
        thanks = _bot_messages(url, 2)[-1]
        assert thanks["ephemeral"] and thanks["content"] == "Thank you, glad it helped! 👍"
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
        assert FAKE_TOKEN not in process.stderr.read()
        assert sorted(p.name for p in tmp_path.iterdir()) == [".env"], "no feedback database written"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


async def test_the_playground_bot_never_reads_or_sends_the_configured_token(
    local: LocalDiscord,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={FAKE_TOKEN}\nANSWER_CHANNEL_IDS=1\n")
    monkeypatch.setenv("DISCORD_TOKEN", FAKE_TOKEN)
    caplog.set_level(logging.DEBUG)
    async with running_bot(local, reportbot_factory(engine)) as bot:
        assert bot.settings.token == local.token and bot.http.token == local.token
        assert bot.settings.answer_channel_ids == [] and bot.settings.message_content_intent
        assert bot.settings.feedback_enabled and type(bot.answers.feedback).__name__ == "MemorySink"
        reply = await (await local.slash("alice", "ask", question="Who leads the task force?")).reply()
        assert reply.embed is not None
    tokens = [r.authorized for r in local.requests if r.authorized is not None]  # callbacks carry none
    assert tokens and all(tokens), "every request with a token carried the local Discord's"
    assert FAKE_TOKEN not in caplog.text


def test_the_command_is_in_the_help_and_the_readme(root: Path) -> None:
    readme = (root / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Using it locally") : readme.index("## Run it in Discord")]
    assert "| `reportbot playground` |" in table
    assert "demo" not in readme[readme.index("## The playground") :].lower()
    main_help = CliRunner().invoke(main, ["--help"]).stdout
    assert "reportbot playground" in main_help and "playground" in main_help.split("Commands:")[1]
    result = CliRunner().invoke(main, ["playground", "--help"])
    assert result.exit_code == 0 and "Examples:" in result.stdout and "--port 0" in result.stdout
    assert "in memory only" in result.stdout and "DISCORD_TOKEN" in result.stdout


async def test_no_bot_mode_serves_the_page_and_says_how_to_run_the_bot(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import asyncio

    from bot.discord_app.local.launcher import serve_playground
    from bot.settings import Settings, token_problem

    lines: list[str] = []
    stop = asyncio.Event()
    task = asyncio.create_task(serve_playground(None, port=0, announce=lines.append, stop=stop))
    for _ in range(200):
        if len(lines) >= 3:
            break
        await asyncio.sleep(0.02)
    url = next(w for w in lines[0].split() if w.startswith("http"))
    async with aiohttp.ClientSession() as http, http.get(url) as page:
        assert page.status == 200
    command = lines[2].split()
    env = dict(part.split("=", 1) for part in command if "=" in part)
    assert command[-2:] == ["run", "--sync-global"]
    assert {"DISCORD_TOKEN", "DISCORD_API_BASE", "DISCORD_GATEWAY_URL"} <= set(env)
    for name in ("DISCORD_TOKEN", "DISCORD_API_BASE", "DISCORD_GATEWAY_URL"):
        monkeypatch.setenv(name, env[name])
    assert env["DISCORD_API_BASE"].startswith("http://127.0.0.1:")
    assert token_problem(Settings(_env_file=None)) is None  # `reportbot run` accepts the local token
    stop.set()
    await asyncio.wait_for(task, 5)
