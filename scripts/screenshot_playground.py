"""Refresh docs/playground.png and docs/playground-narrow.png: the playground page after a short
conversation, in headless Chromium, at a desktop width and at a phone's.

    python scripts/screenshot_playground.py [--out docs/playground.png] [--width 1280]
        [--narrow-out docs/playground-narrow.png] [--narrow-width 420] [--narrow-height 860]

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
    if out.exists() and not out.is_file():
        sys.exit(f"screenshot_playground: {out} is not a file")
    with tempfile.TemporaryDirectory() as profile:
        driver = start_chromium(chromium, Path(profile), width=width, height=height)
        try:
            driver.get(url)
            from selenium.webdriver.support.ui import WebDriverWait

            WebDriverWait(driver, 20).until(
                lambda d: d.execute_script("return document.querySelectorAll('.ephemeral-note').length") > 0
            )
            driver.execute_script("document.activeElement.blur()")
            width_seen = driver.execute_script("return window.innerWidth")
            if width_seen != width:
                sys.exit(f"screenshot_playground: the page is {width_seen} px wide, not {width}")
            out.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(out))
        finally:
            driver.quit()


async def main(shots: list[tuple[Path, int, int]]) -> None:
    engine = Engine.load()
    async with LocalDiscord() as local, running_bot(local, reportbot_factory(engine)):
        await converse(local)
        for out, width, height in shots:
            await asyncio.to_thread(photograph, local.url + "/?as=alice", out, width, height)
            print(f"wrote {out} ({width}x{height})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "playground.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1120)
    parser.add_argument("--narrow-out", type=Path, default=ROOT / "docs" / "playground-narrow.png")
    parser.add_argument("--narrow-width", type=int, default=420, help="0: no narrow screenshot")
    parser.add_argument("--narrow-height", type=int, default=860)
    args = parser.parse_args()
    shots = [(args.out, args.width, args.height)]
    if args.narrow_width:
        shots.append((args.narrow_out, args.narrow_width, args.narrow_height))
    asyncio.run(main(shots))
