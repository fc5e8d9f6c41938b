"""The playground page in headless Chromium with the real bot: type a question, see the answer
embed (title, echoed question, quoted citation, footer) and its buttons, show the context, vote
👍, get a decline with suggestions and ask one.

Needs Chromium and its chromedriver (``.ci/run`` installs them on Debian/Ubuntu when missing);
skips, saying why, only where no browser can be had. Screenshots go to the test's temporary
folder (their paths are printed).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.discord_app.client import ReportBot
from bot.discord_app.local import LocalDiscord
from bot.discord_app.local.browser import find_chromium, start_chromium

from ...conftest import REPORT_ID

CHROMIUM, WHY_NOT = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=f"no headless browser: {WHY_NOT}")

WAIT = 20  # seconds: generous for a loaded 2-core CI machine; every wait is bounded


#: What the page shows of each message, read in one go (the page redraws on every event, so
#: element handles kept across events would go stale).
SNAPSHOT = """
const texts = (m, css) => [...m.querySelectorAll(css)].map((e) => e.innerText.trim());
return [...document.querySelectorAll('#messages .msg')].map((m) => ({
  id: m.dataset.id,
  context: texts(m, '.msg-context').join(' ').split(/\\s+/).join(' '),
  content: texts(m, '.content').join('\\n'),
  title: texts(m, '.embed-title'),
  description: texts(m, '.embed-description'),
  fields: texts(m, '.field-name'),
  quotes: texts(m, '.field-value blockquote'),
  bold: texts(m, '.embed-description strong'),
  footer: texts(m, '.embed-footer'),
  buttons: [...m.querySelectorAll('button.btn')].map((b) => ({
    text: b.innerText.split(/\\s+/).join(' ').trim(),
    id: b.dataset.customId,
    primary: b.classList.contains('btn-1'),
  })),
  ephemeral: texts(m, '.ephemeral-note').some((t) => t.includes('Only you can see this')),
}));
"""


def scenario(url: str, shots: Path, profile: Path, title: str, sentence: str) -> list[str]:
    """Drive the page as alice, then as bob; return the page's script errors."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    assert CHROMIUM is not None
    driver = start_chromium(CHROMIUM, profile, width=1280, height=800)
    wait = WebDriverWait(driver, WAIT, ignored_exceptions=(StaleElementReferenceException,))

    def text_of(css: str) -> list[str]:
        return [e.text for e in driver.find_elements(By.CSS_SELECTOR, css)]

    def newest(check: Any, what: str) -> dict[str, Any]:
        """The newest message (as SNAPSHOT reads it) that passes ``check``."""

        def probe(d: Any) -> dict[str, Any] | None:
            return next((m for m in reversed(d.execute_script(SNAPSHOT)) if check(m)), None)

        found: dict[str, Any] = wait.until(probe, f"waiting for {what}")
        return found

    def click(message: dict[str, Any], custom_id: str) -> None:
        """A real click on a button of a message, found afresh (the page may have redrawn)."""
        css = f"#messages .msg[data-id='{message['id']}'] button[data-custom-id='{custom_id}']"
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, css).click() or True)

    def ask(question: str) -> None:
        box = driver.find_element(By.ID, "input")
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.BACKSPACE)
        box.send_keys(f"/ask {question}", Keys.ENTER)

    try:
        driver.get(url + "/?as=alice")
        wait.until(lambda d: "alice" in d.find_element(By.ID, "me-name").text)
        wait.until(lambda d: "online" in d.find_element(By.ID, "bot-status").text)

        driver.find_element(By.ID, "input").send_keys("/ask who lea")  # live autocomplete from the bot
        wait.until(lambda d: any("Who leads the task force?" in t for t in text_of("#popup .popup-item")))
        driver.save_screenshot(str(shots / "1-autocomplete.png"))

        # The answer embed as the real bot sends it: title, question echoed, quoted citation, footer.
        ask("Who leads the task force?")
        answer = newest(lambda m: "paragraph 3, sentence 1" in m["fields"], "the answer")
        assert answer["title"] == ["Kim Ji-na, the Second Vice Foreign Minister"]
        assert answer["description"] == ["You asked: Who leads the task force?"]
        assert answer["quotes"] == [sentence]
        assert answer["footer"] == [title]
        assert "alice used /ask" in answer["context"]
        assert [b["text"] for b in answer["buttons"]] == ["📖 Show context", "👍", "👎"], answer["buttons"]
        assert not answer["ephemeral"]
        driver.save_screenshot(str(shots / "2-answer.png"))

        click(answer, answer["buttons"][0]["id"])  # Show context
        context = newest(lambda m: m["title"] == ["p3.s1: paragraph 3, sentence 1"], "the context")
        assert context["ephemeral"] and context["bold"] == [sentence]  # the sentence in bold
        driver.save_screenshot(str(shots / "3-context.png"))

        click(answer, answer["buttons"][1]["id"])  # 👍
        thanks = newest(lambda m: "Thank you, glad it helped!" in m["content"], "the thanks for 👍")
        assert thanks["ephemeral"]

        # A decline: the question echoed as typed (markdown shown, not applied), suggestion buttons.
        ask("What is the **currency** of Cambodia?")
        decline = newest(lambda m: m["title"] == ["The report does not say."], "the decline")
        assert decline["description"][0].startswith("You asked: What is the **currency** of Cambodia?")
        suggestions = [b for b in decline["buttons"] if b["primary"]]
        assert 2 <= len(suggestions) == len(decline["buttons"]) <= 3
        driver.save_screenshot(str(shots / "4-decline.png"))
        click(decline, suggestions[0]["id"])
        asked = newest(
            lambda m: m["description"][:1] == [f"You asked: {suggestions[0]['text']}"],
            "the suggestion answered",
        )
        assert asked["fields"] and asked["quotes"], "answered with a quoted citation"

        # Another simulated user does not see alice's ephemeral replies.
        driver.find_element(By.CSS_SELECTOR, "#user-select option:nth-child(2)").click()
        wait.until(lambda d: "bob" in d.find_element(By.ID, "me-name").text)
        wait.until(lambda d: not text_of(".ephemeral-note"))
        driver.save_screenshot(str(shots / "5-as-bob.png"))
        errors: list[str] = driver.execute_script("return window.playgroundErrors")
        return errors
    except Exception:
        driver.save_screenshot(str(shots / "failure.png"))
        raise
    finally:
        driver.quit()


async def test_the_playground_in_a_browser(
    local: LocalDiscord, bot: ReportBot, tmp_path: Path, engine: Engine
) -> None:
    shots = tmp_path / "screenshots"
    shots.mkdir()
    title = engine.fact_base(REPORT_ID).info.title
    sentence = engine.sentence("p3.s1", REPORT_ID).text
    try:
        errors: Any = await asyncio.wait_for(
            asyncio.to_thread(scenario, local.url, shots, tmp_path / "profile", title, sentence), timeout=90
        )
    finally:
        print(f"screenshots: {shots}")
    assert errors == []
    assert sorted(p.name for p in shots.iterdir()) == [
        "1-autocomplete.png",
        "2-answer.png",
        "3-context.png",
        "4-decline.png",
        "5-as-bob.png",
    ]
