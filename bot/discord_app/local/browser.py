"""Headless Chromium for the playground's browser test and screenshot (Selenium, the [test] extra).

Uses the system's Chromium and its version-matched chromedriver (Debian: ``apt-get install
chromium chromium-driver``), with flags that keep the browser off the network, so Selenium
never downloads a driver.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Flags for a quiet, offline, sandbox-less headless browser (CI runs as root in a container).
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DRIVERS = ("chromedriver", "/usr/lib/chromium/chromedriver", "/usr/lib/chromium-browser/chromedriver")


@dataclass(frozen=True)
class Chromium:
    binary: str
    driver: str


def find_chromium() -> tuple[Chromium | None, str]:
    """The browser and driver to use, or None and why there is none (for a skip message)."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return None, 'Selenium is not installed: pip install -e ".[test]"'
    binary = os.environ.get("CHROMIUM_BINARY") or next(filter(None, map(shutil.which, BROWSERS)), None)
    driver = os.environ.get("CHROMEDRIVER") or next(filter(None, map(_which, DRIVERS)), None)
    if binary is None or driver is None:
        missing = " and ".join(n for n, v in (("Chromium", binary), ("chromedriver", driver)) if v is None)
        return None, f"no {missing} on this machine: apt-get install -y chromium chromium-driver"
    return Chromium(binary, driver), ""


def _which(name: str) -> str | None:
    if os.path.isabs(name):
        return name if os.access(name, os.X_OK) else None
    return shutil.which(name)


def start_chromium(chromium: Chromium, profile: Path, *, width: int = 1280, height: int = 800) -> Any:
    """A Selenium WebDriver for headless Chromium with a throwaway profile in ``profile``."""
    os.environ.setdefault("SE_AVOID_STATS", "true")  # Selenium Manager: no telemetry
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium.binary
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=chromium.driver))
    # --window-size is the outer window; make the page itself exactly width x height.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver
