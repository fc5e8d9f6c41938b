"""The playground page in headless Chromium, beyond the happy path of test_playground_browser:
hostile message content stays text, the layout holds from 360 to 1920 px, a pending command
settles whichever of its reply and its id comes first, and the bot's emoji are images.

Needs Chromium and its chromedriver, as test_playground_browser does (skips, saying why, only
where no browser can be had). A failing test leaves a screenshot in its temporary folder.
"""

from __future__ import annotations

import asyncio
import base64
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.discord_app.client import ReportBot
from bot.discord_app.local import LocalDiscord
from bot.discord_app.local.browser import find_chromium, start_chromium

CHROMIUM, WHY_NOT = find_chromium()
browser = pytest.mark.skipif(CHROMIUM is None, reason=f"no headless browser: {WHY_NOT}")

WAIT = 20  # seconds, for anything the page waits for (every wait is bounded)
ROOT = Path(__file__).resolve().parents[3]
STATIC = ROOT / "bot" / "discord_app" / "local" / "static"


async def in_browser(url: str, tmp_path: Path, drive: Callable[[Any], Any], *, width: int = 1280) -> Any:
    """Run ``drive(driver)`` on the page at ``url`` in a thread (the local Discord keeps serving)."""

    def run() -> Any:
        from selenium.webdriver.support.ui import WebDriverWait

        assert CHROMIUM is not None
        driver = start_chromium(CHROMIUM, tmp_path / "profile", width=width, height=800)
        try:
            driver.get(url)
            WebDriverWait(driver, WAIT).until(
                lambda d: d.execute_script("return document.querySelector('#me-name').textContent !== ''"),
                "the page to load its state",
            )
            return drive(driver)
        except Exception:
            driver.save_screenshot(str(tmp_path / "failure.png"))
            print(f"screenshot: {tmp_path / 'failure.png'}")
            raise
        finally:
            driver.quit()

    return await asyncio.wait_for(asyncio.to_thread(run), timeout=90)


def until(driver: Any, script: str, what: str) -> Any:
    """Wait until ``script`` returns something truthy; return it."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(lambda d: d.execute_script(script), f"waiting for {what}")


# -- hostile content -----------------------------------------------------------------------

HOSTILE = [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1)) [y](data:text/html,<script>alert(1)</script>) [z](vbscript:msgbox(1))",
    "<img src=x onerror=alert(1)>",
    'https://a.example/"onmouseover="alert(1)',
    "[a](https://x.example/?q=[b](https://y))",
    '[click](https://ok.example/" onmouseover="alert(1))',
    '<https://b.example/" onmouseover="alert(1)>',
    "https://c.example/<img/src=x/onerror=alert(1)>",
    "[<img src=x onerror=alert(1)>](https://d.example/)",
    "**<b onmouseover=alert(1)>bold</b>** *<i onclick=alert(1)>it</i>* ~~<s>x</s>~~",
    "`<img src=x onerror=alert(1)>` ||<svg onload=alert(1)>||",
    "> quote <iframe src=javascript:alert(1)></iframe>\n# <script>alert(1)</script>",
    "```\n</code></pre><img src=x onerror=alert(1)>\n```",
    "&lt;img src=x onerror=alert(1)&gt; &#x3C;script&#x3E; \u0000 <t:99999999999999999999>",
]

#: What the page may build inside a message from its content.
ALLOWED_TAGS = {"div", "span", "strong", "em", "u", "s", "code", "pre", "blockquote", "br", "a"}

AUDIT = """
const problems = [];
for (const e of document.querySelectorAll('*')) {
  for (const a of e.attributes) {
    if (/^on/i.test(a.name)) problems.push(`${e.tagName} has ${a.name}`);
    if (/^\\s*(javascript|data|vbscript):/i.test(a.value) && document.body.contains(e)) problems.push(`${e.tagName} ${a.name}=${a.value}`);
  }
}
for (const a of document.querySelectorAll('#messages a')) {
  if (!a.hasAttribute('href')) continue;
  const url = new URL(a.href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`a link to ${a.href}`);
  if (/["'<>\\s]/.test(a.getAttribute('href'))) problems.push(`a raw href ${a.getAttribute('href')}`);
  const extra = [...a.attributes].map((x) => x.name).filter((n) => !['href', 'target', 'rel', 'class', 'download'].includes(n));
  if (extra.length) problems.push(`a link with ${extra}`);
}
const allowed = new Set(arguments[0]);
for (const e of document.querySelectorAll('#messages .msg .content *, #messages .msg .embed *, #messages .msg-context *')) {
  const tag = e.tagName.toLowerCase();
  if (!allowed.has(tag)) problems.push(`an element <${tag}> in a message`);
}
for (const tag of ['img', 'script', 'iframe', 'object', 'embed', 'b', 'i']) {
  const n = document.querySelectorAll(`#messages ${tag}`).length;
  if (n) problems.push(`${n} <${tag}> in the messages`);
}
return problems;
"""

#: Every rendering path at once (content, reply context, embed parts, buttons, link buttons,
#: attachments, reactions) with hostile values, drawn by the page's own event handler.
INJECT = """
const hostile = arguments[0];
const text = hostile.join('\\n');
const bot = state.bot;
onEvent({ kind: 'message', message: {
  id: '990000000000000001', channel_id: state.channel, author: bot, content: text, timestamp: new Date().toISOString(),
  reference: { id: '1', author: { ...bot, name: '<img src=x onerror=alert(1)>', colour: 'red;background:url(javascript:alert(1))' }, content: hostile[2] },
  embeds: [{ title: hostile[0], url: 'javascript:alert(1)', description: text, color: 0x5865f2,
             author: { name: hostile[2] }, footer: { text: hostile[3] }, image: { url: 'javascript:alert(1)' },
             fields: hostile.map((h, i) => ({ name: h, value: h, inline: i % 2 === 0 })) }],
  components: [{ type: 1, components: [
    { type: 2, style: 5, url: 'javascript:alert(1)', label: hostile[2] },
    { type: 2, style: 5, url: 'https://e.example/" onmouseover="alert(1)', label: 'ok' },
    { type: 2, style: 1, custom_id: '" onclick="alert(1)', label: hostile[2], emoji: { name: hostile[2] } },
  ] }],
  attachments: [
    { url: 'javascript:alert(1)', filename: hostile[2], content_type: 'image/png' },
    { url: 'javascript:alert(1)', filename: hostile[0], content_type: 'text/plain' },
  ],
  reactions: [{ emoji: hostile[2], count: 1 }],
} });
"""

TRIGGER = """
window.alerts = [];
for (const name of ['alert', 'confirm', 'prompt']) window[name] = (x) => { window.alerts.push(`${name}(${x})`); };
for (const e of document.querySelectorAll('#messages *')) {
  for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error']) e.dispatchEvent(new Event(type));
}
"""


@browser
async def test_hostile_message_content_stays_text(
    local: LocalDiscord, bot: ReportBot, tmp_path: Path
) -> None:
    for text in HOSTILE:
        await local.send_message("alice", text)
    # The bot echoes a hostile question in its embed ("You asked: ...").
    answer = await (await local.slash("alice", "ask", question=HOSTILE[3] + " " + HOSTILE[0])).reply()
    assert answer.embeds

    def drive(driver: Any) -> dict[str, Any]:
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By

        until(
            driver,
            f"return document.querySelectorAll('#messages .msg').length >= {len(HOSTILE) + 1}",
            "messages",
        )
        driver.execute_script(INJECT, HOSTILE)
        until(
            driver,
            "return !!document.querySelector('.msg[data-id=\"990000000000000001\"]')",
            "the injected message",
        )
        driver.execute_script(TRIGGER)
        for link in driver.find_elements(By.CSS_SELECTOR, "#messages a"):  # real hovers, too
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
            ActionChains(driver).move_to_element(link).perform()
        return {
            "problems": driver.execute_script(AUDIT, sorted(ALLOWED_TAGS)),
            "alerts": driver.execute_script("return window.alerts"),
            "errors": driver.execute_script("return window.playgroundErrors"),
            "text": driver.execute_script("return document.querySelector('#messages').innerText"),
            "links": driver.execute_script(
                "return [...document.querySelectorAll('#messages .msg:not([data-id=\"990000000000000001\"]) .content a')]"
                ".map((a) => [a.textContent, a.href])"
            ),
        }

    seen = await in_browser(local.url + "/?as=alice", tmp_path, drive)
    assert seen["problems"] == []
    assert seen["alerts"] == [] and seen["errors"] == []
    # Shown as typed: what is not markdown the page knows stays visible text.
    for typed in (
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "<script>alert(1)</script>",
        "<b onmouseover=alert(1)>bold</b>",
        "&lt;img src=x onerror=alert(1)&gt;",
    ):
        assert typed in seen["text"], typed
    # A quote ends a bare URL; the rest is text. A masked link's URL has no brackets: the nested
    # one is a bare URL after text. No link leads anywhere but to http(s).
    links = dict((text, href) for text, href in seen["links"])
    assert links["https://a.example/"] == "https://a.example/" and '/"onmouseover="alert(1)' in seen["text"]
    assert links["https://x.example/?q=[b](https://y)"] == "https://x.example/?q=[b](https://y)"
    assert "[a](https://x.example/?q=[b](https://y))" in seen["text"]
    assert not any("javascript" in href.lower() for href in links.values())


MARKDOWN = (
    "**bold** *it* _it2_ __under__ ~~gone~~ `co*de*` [a link](https://example.org/x) see https://example.org/auto. "
    "\\*\\*not bold\\*\\* \\[not](a link) ||secret||\n"
    "> quoted **line**\n"
    "\\> not a quote\n"
    "# Title\n"
    "- item"
)

READ_MARKDOWN = """
const m = [...document.querySelectorAll('#messages .msg')].find((n) => n.innerText.includes('not a quote'));
if (!m) return null;
const c = m.querySelector('.content');
const texts = (css) => [...c.querySelectorAll(css)].map((e) => e.textContent);
return {
  strong: texts('strong'), em: texts('em'), u: texts('u'), s: texts('s'), code: texts('code'),
  links: [...c.querySelectorAll('a')].map((a) => [a.textContent, a.href]),
  quotes: texts('blockquote'), spoiler: texts('.spoiler'), h1: texts('.md-h1'), li: texts('.md-li'),
  text: c.innerText,
};
"""


@browser
async def test_the_markdown_the_bot_and_users_write_is_drawn(local: LocalDiscord, tmp_path: Path) -> None:
    await local.send_message("alice", MARKDOWN)
    seen = await in_browser(
        local.url + "/?as=alice", tmp_path, lambda d: until(d, READ_MARKDOWN, "the markdown message")
    )
    assert seen["strong"] == ["bold", "line"]
    assert seen["em"] == ["it", "it2"]
    assert (seen["u"], seen["s"], seen["code"]) == (["under"], ["gone"], ["co*de*"])
    assert seen["links"] == [
        ["a link", "https://example.org/x"],
        ["https://example.org/auto", "https://example.org/auto"],
    ]
    assert seen["quotes"] == ["quoted line"]
    assert seen["spoiler"] == ["secret"]
    assert (seen["h1"], seen["li"]) == (["Title"], ["item"])
    assert "**not bold** [not](a link)" in seen["text"]
    assert "> not a quote" in seen["text"]


# -- widths --------------------------------------------------------------------------------

MEASURE = """
const r = (e) => { const b = e.getBoundingClientRect(); return { left: b.left, right: b.right, width: b.width, height: b.height, bottom: b.bottom }; };
const shown = (id) => { const e = document.getElementById(id); return getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0; };
const box = document.getElementById('messages');
const buttons = [...box.querySelectorAll('.btn')].map((b) => {
  const label = b.querySelector('.label');
  return { text: b.innerText.trim(), right: b.getBoundingClientRect().right,
           cut: !!label && label.scrollWidth > label.clientWidth + 1 };
});
return {
  inner: innerWidth, innerHeight: innerHeight,
  pageScroll: document.scrollingElement.scrollWidth, listScroll: box.scrollWidth - box.clientWidth,
  list: r(box), input: r(document.getElementById('input')), composer: r(document.getElementById('composer')),
  buttons, drawer: shown('channels-panel'), members: shown('members-panel'),
  toggleChannels: shown('toggle-channels'), toggleMembers: shown('toggle-members'),
  scrollbar: getComputedStyle(box).scrollbarColor, scheme: getComputedStyle(document.documentElement).colorScheme,
};
"""
LONG = "a" * 300 + " https://example.org/" + "long/" * 60 + " " + "👍" * 40


def resize(driver: Any, width: int, height: int = 800) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


@browser
async def test_the_page_from_360_to_1920_px(local: LocalDiscord, bot: ReportBot, tmp_path: Path) -> None:
    await local.send_message("alice", LONG)
    decline = await (await local.slash("alice", "ask", question="What is the currency of Cambodia?")).reply()
    assert len(decline.components[0]["components"]) >= 2, "suggestion buttons"

    def drive(driver: Any) -> dict[int, Any]:
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By

        until(driver, "return document.querySelectorAll('#messages .btn-1').length >= 2", "the suggestions")
        seen = {}
        for width in (1920, 1280, 1000, 800, 360):
            resize(driver, width)
            seen[width] = driver.execute_script(MEASURE)
            driver.save_screenshot(str(tmp_path / f"{width}.png"))
            if width <= 900:  # the channels open as a panel over the chat, and close again
                driver.find_element(By.ID, "toggle-channels").click()
                opened = driver.execute_script(MEASURE)
                channel = driver.find_element(By.CSS_SELECTOR, "#channel-list li")
                seen[width]["channels_open"] = opened["drawer"] and channel.is_displayed()
                seen[width]["open_scroll"] = opened["pageScroll"]
                channel.click()
                seen[width]["channels_closed"] = not driver.execute_script(MEASURE)["drawer"]
            if width <= 1200:
                driver.find_element(By.ID, "toggle-members").click()
                seen[width]["members_open"] = driver.execute_script(MEASURE)["members"]
                scrim = driver.find_element(By.ID, "scrim")  # the uncovered part, on the left
                ActionChains(driver).move_to_element_with_offset(scrim, 12 - width // 2, 0).click().perform()
                seen[width]["members_closed"] = not driver.execute_script(MEASURE)["members"]
        return seen

    seen = await in_browser(local.url + "/?as=alice", tmp_path, drive)
    print(f"screenshots: {tmp_path}")
    for width, m in seen.items():
        assert m["inner"] == width
        assert m["pageScroll"] <= width and m["listScroll"] <= 0, f"nothing scrolls sideways at {width} px"
        assert m["list"]["height"] > 300 and m["composer"]["bottom"] <= m["innerHeight"], width
        assert m["input"]["width"] > 0.6 * m["list"]["width"], width
        share = 0.8 if width <= 900 else 0.55
        assert m["list"]["width"] >= share * width and m["composer"]["width"] >= share * width, (
            width,
            m["list"],
        )
        assert m["buttons"] and not [
            b for b in m["buttons"] if b["cut"] or b["right"] > m["list"]["right"]
        ], (width, m["buttons"])
        assert m["scheme"] == "dark" and m["scrollbar"] not in ("", "auto"), "scrollbars in the dark theme"
        assert m["drawer"] == (width > 900) and m["toggleChannels"] == (width <= 900), width
        assert m["members"] == (width > 1200) and m["toggleMembers"] == (width <= 1200), width
        if width <= 900:
            assert m["channels_open"] and m["channels_closed"] and m["open_scroll"] <= width
        if width <= 1200:
            assert m["members_open"] and m["members_closed"]


# -- the pending line ------------------------------------------------------------------------

#: /playground/send and /click held until the script lets them answer, and the server's events
#: handed to the page's handler directly: each order of reply and id is played out exactly.
PENDING = """
const done = arguments[arguments.length - 1];
const realFetch = window.fetch;
const held = [];
window.fetch = (url, options) => /\\/playground\\/(send|click)$/.test(String(url))
  ? new Promise((resolve) => held.push((body) => resolve(new Response(JSON.stringify(body),
      { status: 200, headers: { 'Content-Type': 'application/json' } }))))
  : realFetch(url, options);
const answer = (body) => held.shift()(body);
const lines = () => [...document.querySelectorAll('.pending-command')].map((n) => n.textContent);
const spinning = () => document.querySelectorAll('#messages .btn.pending').length;
const reply = (id) => ({ kind: 'interaction_response', interaction: { id, message_id: null } });
const failed = (id) => ({ kind: 'interaction_failed', interaction: { id, message_id: null } });
const message = (id, itx) => ({ kind: 'message', message: {
  id, channel_id: state.channel, author: state.bot, content: 'About this bot', embeds: [], attachments: [],
  reactions: [], timestamp: new Date().toISOString(),
  components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'go', label: 'Go' }] }],
  interaction: itx ? { id: itx, user: state.users[0], name: 'about' } : null } });
(async () => {
  const seen = {};
  let sent;
  // the reply first, then the id
  sent = send('/about'); onEvent(reply('9001')); answer({ ok: true, interaction_id: '9001' }); await sent;
  seen.replyFirst = lines();
  // the id first, then the reply
  sent = send('/about'); answer({ ok: true, interaction_id: '9002' }); await sent;
  seen.idFirst = lines();
  onEvent(reply('9002'));
  seen.idFirstThenReply = lines();
  // a reply message (not an interaction response) first
  sent = send('/about'); onEvent(message('990000000000000010', '9003')); answer({ ok: true, interaction_id: '9003' }); await sent;
  seen.messageFirst = lines();
  // a failure first, then the id: the line says so
  sent = send('/about'); onEvent(failed('9004')); answer({ ok: true, interaction_id: '9004' }); await sent;
  seen.failedFirst = lines();
  onEvent(message('990000000000000011', '9004'));
  seen.failedThenAnswered = lines();
  // a button: the click's reply first, then the id; then the other order
  const m = state.messages.get('990000000000000010');
  sent = click(m, 'go'); onEvent(reply('9005')); answer({ ok: true, interaction_id: '9005' }); await sent;
  seen.clickReplyFirst = spinning();
  sent = click(m, 'go'); answer({ ok: true, interaction_id: '9006' }); await sent;
  seen.clickIdFirst = spinning();
  onEvent(reply('9006'));
  seen.clickIdFirstThenReply = spinning();
  window.fetch = realFetch;
  seen.errors = window.playgroundErrors;
  done(seen);
})().catch((e) => done({ error: String(e && e.stack || e) }));
"""


@browser
async def test_the_pending_line_settles_in_either_order(local: LocalDiscord, tmp_path: Path) -> None:
    seen = await in_browser(local.url + "/?as=alice", tmp_path, lambda d: d.execute_async_script(PENDING))
    assert "error" not in seen, seen
    assert seen["replyFirst"] == []
    assert seen["idFirst"] == ["Sending /about …"]
    assert seen["idFirstThenReply"] == []
    assert seen["messageFirst"] == []
    assert seen["failedFirst"] == ["/about: the application did not respond."]
    assert seen["failedThenAnswered"] == []
    assert (seen["clickReplyFirst"], seen["clickIdFirst"], seen["clickIdFirstThenReply"]) == (0, 1, 0)
    assert seen["errors"] == []


@browser
async def test_fast_replies_leave_no_pending_line(
    local: LocalDiscord, bot: ReportBot, tmp_path: Path
) -> None:
    """The real bot, typed into the page: /about and a too-long question answer at once."""

    def drive(driver: Any) -> list[str]:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        until(
            driver, "return document.querySelector('#bot-status').textContent.includes('online')", "the bot"
        )
        box = driver.find_element(By.ID, "input")
        for text in ("/about", "/ask " + "why " * 200):
            box.send_keys(text)
            driver.execute_script("document.querySelector('#popup').hidden = true")
            box.send_keys(Keys.ENTER)
            until(driver, "return document.querySelector('#input').value === ''", "the message sent")
        until(driver, "return document.querySelectorAll('#messages .msg').length >= 2", "the replies")
        return until(
            driver,
            "return document.querySelectorAll('.pending-command').length === 0 && [window.playgroundErrors]",
            "no pending line",
        )[0]

    assert await in_browser(local.url + "/?as=alice", tmp_path, drive) == []


# -- emoji -----------------------------------------------------------------------------------


def bot_emoji() -> set[str]:
    """Every pictographic symbol in the bot's Python code (its labels, replies and help)."""
    found = set()
    for path in (ROOT / "bot").rglob("*.py"):
        for ch in path.read_text(encoding="utf-8"):
            if unicodedata.category(ch) == "So" and ord(ch) >= 0x2190:
                found.add(ch)
    return found


def test_every_emoji_the_bot_uses_has_an_image_with_its_licence() -> None:
    js = (STATIC / "playground.js").read_text(encoding="utf-8")
    css = (STATIC / "playground.css").read_text(encoding="utf-8")
    mapped = dict(re.findall(r'"(.)": "([0-9a-f]+)"', re.search(r"const EMOJI = \{(.*?)\};", js).group(1)))
    images = dict(
        re.findall(
            r'\.e-([0-9a-f]+) \{ background-image: url\("data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"\)', css
        )
    )
    emoji = bot_emoji()
    assert {"📖", "👍", "👎"} <= emoji
    for ch in emoji:
        code = f"{ord(ch):x}"
        assert mapped.get(ch) == code, f"{ch} (U+{code.upper()}) is not drawn as an image by playground.js"
        svg = base64.b64decode(images[code]).decode("utf-8")
        assert svg.startswith("<svg") and svg.endswith("</svg>") and "<script" not in svg
    licence = (STATIC / "twemoji.COPYRIGHT").read_text(encoding="utf-8")
    assert "Twemoji" in licence and "Attribution 4.0 International" in licence
    assert all(f"U+{code.upper()}" in licence for code in images)


READ_EMOJI = """
const spans = [...document.querySelectorAll('#messages .btn .emoji, #messages .content .emoji')];
return spans.length >= 4 && spans.map((s) => ({
  text: s.textContent, label: s.getAttribute('aria-label'), image: getComputedStyle(s).backgroundImage.slice(0, 40),
  colour: getComputedStyle(s).color, width: s.getBoundingClientRect().width,
  loaded: getComputedStyle(s).backgroundImage !== 'none',
}));
"""


@browser
async def test_the_bot_emoji_are_images_and_stay_text(
    local: LocalDiscord, bot: ReportBot, tmp_path: Path
) -> None:
    await (await local.slash("alice", "ask", question="Who leads the task force?")).reply()
    await local.send_message("alice", "plain ▶ and ⚠ stay text; ⚠️ is an emoji")
    seen = await in_browser(local.url + "/?as=alice", tmp_path, lambda d: until(d, READ_EMOJI, "the emoji"))
    assert [s["text"] for s in seen] == ["📖", "👍", "👎", "⚠️"]
    for s in seen:
        assert s["label"] == s["text"] and s["image"].startswith('url("data:image/svg+xml;base64,')
        assert s["colour"] == "rgba(0, 0, 0, 0)" and s["width"] > 10, "the image is shown, not the glyph"
