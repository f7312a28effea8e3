"""Step 7: full-page PNGs of one page of each kind at 1280 and 375 px, light and dark, for a person to look at."""
from __future__ import annotations

import base64
import sys
from pathlib import Path

from common import Results, exit_on_sigterm, page_path, pick_pages, set_colour_scheme, short_error, start_chromium

WIDTHS = (1280, 375)
SCHEMES = ("light", "dark")


def capture(driver, url: str, width: int, scheme: str, out: Path) -> str | None:
    """Loads url at width/scheme and writes a full-page PNG; returns a note when the page overflows sideways."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    set_colour_scheme(driver, scheme)
    driver.get(url)
    driver.execute_async_script("const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done())")
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    height = max(1, int(size["height"] + 0.5))
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    out.write_bytes(base64.b64decode(shot["data"]))
    scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
    return f"page is {scroll_width}px wide in a {width}px viewport" if scroll_width > width else None


def main(base_url: str, sitemap: Path, folder: Path) -> int:
    exit_on_sigterm()
    results = Results()
    pages = pick_pages(sitemap, base_url)
    if not results.check(bool(pages), "screenshots: pages", "sitemap.xml names no page of any kind"):
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    driver = start_chromium()
    try:
        for kind, url in pages:
            for width in WIDTHS:
                for scheme in SCHEMES:
                    out = folder / f"{kind}-{width}-{scheme}.png"
                    name = f"screenshot: {out.name} ({page_path(url, base_url) or '/'})"
                    try:
                        note = capture(driver, url, width, scheme, out)
                    except Exception as e:  # noqa: BLE001
                        results.fail(name, short_error(e))
                        continue
                    if note:
                        print(f"note: {out.name}: {note}", flush=True)
                    results.check(out.stat().st_size > 0, name, "empty PNG")
    finally:
        driver.quit()
    print(f"screenshots: {len(pages) * len(WIDTHS) * len(SCHEMES) - results.failed} PNGs of {len(pages)} pages "
          f"({', '.join(kind for kind, _ in pages)})", flush=True)
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])))
