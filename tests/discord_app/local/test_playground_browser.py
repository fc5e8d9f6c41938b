"""The playground page in headless Chromium: type a question, see the cited answer, click a button.

Needs Chromium and its chromedriver (``.ci/run`` installs them on Debian/Ubuntu when missing);
skips, saying why, only where no browser can be had. Screenshots go to the test's temporary
folder (their paths are printed).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.discord_app.local import LocalDiscord
from bot.discord_app.local.browser import find_chromium, start_chromium

CHROMIUM, WHY_NOT = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=f"no headless browser: {WHY_NOT}")

WAIT = 20  # seconds: generous for a loaded 2-core CI machine; every wait is bounded


def scenario(url: str, shots: Path, profile: Path) -> list[str]:
    """Drive the page as alice, then as bob; return the page's script errors."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    assert CHROMIUM is not None
    driver = start_chromium(CHROMIUM, profile, width=1280, height=800)
    wait = WebDriverWait(driver, WAIT)

    def text_of(css: str) -> list[str]:
        return [e.text for e in driver.find_elements(By.CSS_SELECTOR, css)]

    try:
        driver.get(url + "/?as=alice")
        wait.until(lambda d: "alice" in d.find_element(By.ID, "me-name").text)
        wait.until(lambda d: "online" in d.find_element(By.ID, "bot-status").text)
        box = driver.find_element(By.ID, "input")

        box.send_keys("/ask who lea")  # live autocomplete from the bot
        wait.until(lambda d: any("Who leads the task force?" in t for t in text_of("#popup .popup-item")))
        driver.save_screenshot(str(shots / "1-autocomplete.png"))

        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.BACKSPACE)
        box.send_keys("/ask Who leads the task force?", Keys.ENTER)
        wait.until(lambda d: any("paragraph 3, sentence 1" in t for t in text_of(".embed")))
        embed = driver.find_elements(By.CSS_SELECTOR, ".embed")[-1].text
        assert "Kim Ji-na, the Second Vice Foreign Minister" in embed
        assert "The team, led by Second Vice Foreign Minister Kim Ji-na, will depart Wednesday" in embed
        context = driver.find_element(By.CSS_SELECTOR, ".msg-context").text
        assert "alice used /ask" in " ".join(context.split())  # flex items come one per line
        driver.save_screenshot(str(shots / "2-answer.png"))

        driver.find_element(By.XPATH, "//button[.//span[text()='Show context']]").click()
        wait.until(lambda d: text_of(".ephemeral-note"))
        assert "Only you can see this" in text_of(".ephemeral-note")[0]
        assert any("Paragraph 3 of the report" in t for t in text_of(".msg.ephemeral"))
        driver.save_screenshot(str(shots / "3-context.png"))

        # Another simulated user does not see alice's ephemeral reply.
        driver.find_element(By.CSS_SELECTOR, "#user-select option:nth-child(2)").click()
        wait.until(lambda d: "bob" in d.find_element(By.ID, "me-name").text)
        wait.until(lambda d: not text_of(".ephemeral-note"))
        driver.save_screenshot(str(shots / "4-as-bob.png"))
        errors: list[str] = driver.execute_script("return window.playgroundErrors")
        return errors
    except Exception:
        driver.save_screenshot(str(shots / "failure.png"))
        raise
    finally:
        driver.quit()


async def test_the_playground_in_a_browser(local: LocalDiscord, bot: discord.Client, tmp_path: Path) -> None:
    shots = tmp_path / "screenshots"
    shots.mkdir()
    try:
        errors: Any = await asyncio.wait_for(
            asyncio.to_thread(scenario, local.url, shots, tmp_path / "profile"), timeout=90
        )
    finally:
        print(f"screenshots: {shots}")
    assert errors == []
    assert sorted(p.name for p in shots.iterdir()) == [
        "1-autocomplete.png",
        "2-answer.png",
        "3-context.png",
        "4-as-bob.png",
    ]
