"""Settings from the environment and .env: typed, one clear message when wrong, token secret."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, load_settings, token_problem

from .conftest import FAKE_TOKEN


def test_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = load_settings()
    assert s.discord_token is None and s.token is None
    assert s.discord_guild_id is None and s.log_level == "INFO" and s.command_prefix == "!"
    assert s.reportbot_reports == [] and s.answer_channel_ids == [] and s.reportbot_data_dir is None
    assert s.message_content_intent is False
    assert s.feedback_enabled is True and s.feedback_db_path is None and s.feedback_retention_days == 90
    assert (s.user_rate, s.user_rate_seconds, s.channel_rate, s.channel_rate_seconds) == (5, 30, 20, 60)


def test_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    env = {
        "DISCORD_TOKEN": f"  {FAKE_TOKEN}\n",
        "DISCORD_GUILD_ID": "123456789012345678",
        "LOG_LEVEL": "debug",
        "COMMAND_PREFIX": "?",
        "REPORTBOT_REPORTS": "a, b c",
        "REPORTBOT_DATA_DIR": str(tmp_path),
        "ANSWER_CHANNEL_IDS": "1,2, 3",
        "MESSAGE_CONTENT_INTENT": "true",
        "FEEDBACK_ENABLED": "0",
        "FEEDBACK_DB_PATH": str(tmp_path / "fb.sqlite3"),
        "FEEDBACK_RETENTION_DAYS": "30",
        "USER_RATE": "2",
        "CHANNEL_RATE_SECONDS": "5.5",
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    s = load_settings()
    assert s.token == FAKE_TOKEN
    assert s.discord_guild_id == 123456789012345678 and s.log_level == "DEBUG" and s.command_prefix == "?"
    assert s.reportbot_reports == ["a", "b", "c"] and s.answer_channel_ids == [1, 2, 3]
    assert s.reportbot_data_dir == tmp_path and s.feedback_db_path == tmp_path / "fb.sqlite3"
    assert s.message_content_intent is True and s.feedback_enabled is False
    assert s.feedback_retention_days == 30 and s.user_rate == 2 and s.channel_rate_seconds == 5.5


def test_dotenv_file_and_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={FAKE_TOKEN}\nLOG_LEVEL=WARNING\nDISCORD_GUILD_ID=\n")
    s = load_settings()
    assert s.token == FAKE_TOKEN and s.log_level == "WARNING" and s.discord_guild_id is None
    monkeypatch.setenv("LOG_LEVEL", "ERROR")
    assert load_settings().log_level == "ERROR"
    assert load_settings(env_file=None).token is None


def test_every_bad_value_in_one_message_without_values(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_GUILD_ID", FAKE_TOKEN)  # a token pasted into the wrong variable
    monkeypatch.setenv("LOG_LEVEL", "loud")
    monkeypatch.setenv("ANSWER_CHANNEL_IDS", "general")
    monkeypatch.setenv("FEEDBACK_RETENTION_DAYS", "0")
    monkeypatch.setenv("COMMAND_PREFIX", "a b")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    message = str(raised.value)
    assert "\n" not in message and message.startswith("Invalid setting: ")
    for name in (
        "DISCORD_GUILD_ID",
        "LOG_LEVEL",
        "ANSWER_CHANNEL_IDS",
        "FEEDBACK_RETENTION_DAYS",
        "COMMAND_PREFIX",
    ):
        assert name in message
    assert FAKE_TOKEN not in message and "general" not in message


def test_the_token_stays_secret() -> None:
    s = Settings(_env_file=None, discord_token=FAKE_TOKEN)  # type: ignore[call-arg]
    for shown in (repr(s), str(s), s.model_dump_json(), str(s.model_dump()), f"{s}", repr(s.discord_token)):
        assert FAKE_TOKEN not in shown
    assert s.token == FAKE_TOKEN


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        (None, "No Discord token: set DISCORD_TOKEN"),
        ("   ", "No Discord token: set DISCORD_TOKEN"),
        (f"Bot {FAKE_TOKEN}", 'starts with "Bot "'),
        ("not a token", "does not look like a bot token"),
        ("abc.def", "does not look like a bot token"),
        (FAKE_TOKEN, None),
    ],
)
def test_token_problems(token: str | None, expected: str | None) -> None:
    problem = token_problem(Settings(_env_file=None, discord_token=token))  # type: ignore[call-arg]
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and expected in problem and problem.endswith(".")
        assert (token or "x").strip() not in problem or not (token or "").strip()


def test_no_settings_read_from_the_real_environment() -> None:
    assert "DISCORD_TOKEN" not in os.environ  # the autouse fixture cleared it
