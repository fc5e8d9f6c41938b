"""Refresh docs/playground.png: the playground page after a short conversation, in headless Chromium.

    python scripts/screenshot_playground.py [--out docs/playground.png]

Runs the local Discord and the real bot in this process, set up as ``reportbot playground`` sets
it up (no token, no network, feedback in memory), has simulated users talk to the bot through the
local Discord's Python API, then photographs the page as alice sees it. Needs Chromium and
chromedriver (apt-get install chromium chromium-driver).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

from bot.core.engine import Engine
from bot.discord_app.local import LocalDiscord, reportbot_factory, running_bot
from bot.discord_app.local.browser import find_chromium, start_chromium

ROOT = Path(__file__).resolve().parents[1]


async def converse(local: LocalDiscord) -> None:
    """alice asks with /ask and opens the context; bob mentions the bot with a question it declines."""
    answer = await (await local.slash("alice", "ask", question="Who leads the task force?")).reply()
    question = await local.send_message(
        "bob", f"{local.bot_user.mention} how many kidnappings were there in Vietnam?"
    )
    await local.wait_for_message(after=question)
    await (await local.click("alice", answer, label="Show context")).reply()


def photograph(url: str, out: Path, width: int, height: int) -> None:
    chromium, why = find_chromium()
    if chromium is None:
        sys.exit(f"screenshot_playground: {why}")
    with tempfile.TemporaryDirectory() as profile:
        driver = start_chromium(chromium, Path(profile), width=width, height=height)
        try:
            driver.get(url)
            from selenium.webdriver.support.ui import WebDriverWait

            WebDriverWait(driver, 20).until(
                lambda d: d.execute_script("return document.querySelectorAll('.ephemeral-note').length") > 0
            )
            driver.execute_script("document.activeElement.blur()")
            out.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(out))
        finally:
            driver.quit()


async def main(out: Path, width: int, height: int) -> None:
    engine = Engine.load()
    async with LocalDiscord() as local, running_bot(local, reportbot_factory(engine)):
        await converse(local)
        await asyncio.to_thread(photograph, local.url + "/?as=alice", out, width, height)
    print(f"wrote {out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "playground.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1120)
    args = parser.parse_args()
    asyncio.run(main(args.out, args.width, args.height))
