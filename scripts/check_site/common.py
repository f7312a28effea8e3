"""Shared helpers for scripts/check-site.sh: check results, sitemap page picking, headless Chromium."""
from __future__ import annotations

import os
import re
import signal
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

# One page of each kind, picked from sitemap.xml by its path below the base URL.
PAGE_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("front", re.compile(r"^$")),
    ("article", re.compile(r"^articles/[^/]+/$")),
    ("article-folder", re.compile(r"^articles/ai-pay-bands-in-one-picture/$")),
    ("page", re.compile(r"^pages/[^/]+/$")),
    ("companies", re.compile(r"^companies/$")),
    ("company", re.compile(r"^companies/[^/]+/$")),
    ("funding", re.compile(r"^funding/$")),
    ("salaries", re.compile(r"^salaries/$")),
    ("tags", re.compile(r"^tags/$")),
    ("tag", re.compile(r"^tags/[^/]+/$")),
]


class Results:
    """Appends one line per check to the file named by $CHECK_RESULTS; check-site.sh counts them."""

    def __init__(self) -> None:
        self.path = os.environ.get("CHECK_RESULTS")
        self.failed = 0

    def _write(self, status: str, name: str, message: str = "") -> None:
        if self.path:
            line = "\t".join([status, name, message.replace("\n", " | ").replace("\t", " ")])
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(line + "\n")

    def ok(self, name: str) -> None:
        self._write("pass", name)

    def fail(self, name: str, message: str) -> None:
        self.failed += 1
        print(f"FAIL {name}: {message}", flush=True)
        self._write("fail", name, message)

    def check(self, condition: bool, name: str, message: str) -> bool:
        (self.ok(name) if condition else self.fail(name, message))
        return condition


def exit_on_sigterm() -> None:
    """Turn SIGTERM (from `timeout`) into SystemExit so `finally` blocks quit the browser."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def sitemap_locs(sitemap: Path) -> list[str]:
    """Every <loc> of a sitemap.xml, in document order."""
    root = ET.parse(sitemap).getroot()
    return [el.text.strip() for el in root.iter(f"{SITEMAP_NS}loc") if el.text and el.text.strip()]


def page_path(url: str, base_url: str) -> str | None:
    """The path of a URL below the base URL, '' for the front page, index.html dropped; None when outside it."""
    if not url.startswith(base_url):
        return None
    rest = url[len(base_url):].split("#", 1)[0].split("?", 1)[0]
    if rest == "index.html" or rest.endswith("/index.html"):
        rest = rest[: -len("index.html")]
    return rest


def pick_pages(sitemap: Path, base_url: str) -> list[tuple[str, str]]:
    """(kind, url) for the first sitemap page (sorted by path) of each kind; prints skipped kinds."""
    paths = sorted({p for p in (page_path(u, base_url) for u in sitemap_locs(sitemap)) if p is not None})
    picked = []
    for kind, pattern in PAGE_KINDS:
        match = next((p for p in paths if pattern.match(p)), None)
        if match is None:
            print(f"skip {kind}: no page in sitemap.xml matches {pattern.pattern!r}", flush=True)
        else:
            picked.append((kind, base_url + match))
    return picked


def start_chromium(width: int = 1280, height: int = 900):
    """Headless Chromium through the system chromedriver (never Selenium Manager, which would download)."""
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def short_error(e: BaseException) -> str:
    """One line for an exception: WebDriver messages without chromedriver's stack trace."""
    text = (getattr(e, "msg", None) or str(e)).strip().splitlines()
    return f"{type(e).__name__}: {text[0] if text else ''}"[:500]


def set_colour_scheme(driver, scheme: str) -> None:
    """Emulate prefers-color-scheme: light or dark for the current tab."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
