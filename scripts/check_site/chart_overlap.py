"""Step 6b: no chart text overprints other chart text. Every page with a chart is loaded in headless
Chromium at 1280, 640, 375 and 320 px; in each chart drawing shown, the boxes of its <text> elements
(as the browser lays them out) must not intersect. Usage: chart_overlap.py BASE_URL SITEMAP | --files DIR"""
from __future__ import annotations

import sys
from pathlib import Path

from common import Results, exit_on_sigterm, page_path, short_error, sitemap_locs, start_chromium

WIDTHS = (1280, 640, 375, 320)

# Pairs of intersecting text boxes in every chart drawing on the page that is displayed; a box shrunk by
# half a pixel on each side, so text that only touches does not count.
OVERLAPS = """
const found = [];
for (const svg of document.querySelectorAll('figure.chart svg')) {
  const box = svg.getBoundingClientRect();
  if (box.width === 0 || getComputedStyle(svg).display === 'none') continue;
  const texts = [...svg.querySelectorAll('text')].map(t => [t, t.getBoundingClientRect()])
    .filter(([t, r]) => r.width > 0 && t.textContent.trim() !== '');
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i][1], b = texts[j][1];
      if (a.left + 0.5 < b.right - 0.5 && b.left + 0.5 < a.right - 0.5 && a.top + 0.5 < b.bottom - 0.5 && b.top + 0.5 < a.bottom - 0.5) {
        found.push(svg.closest('figure').id + ' (' + svg.getAttribute('class') + '): "' + texts[i][0].textContent
          + '" over "' + texts[j][0].textContent + '"');
      }
    }
  }
}
return found;
"""


def main(argv: list[str]) -> int:
    exit_on_sigterm()
    results = Results()
    if argv[0] == "--files":
        root = Path(argv[1])
        urls = sorted(p.resolve().as_uri() for p in root.rglob("*.html") if "<figure class=\"chart" in p.read_text("utf-8"))
        label = lambda url: url[len(root.resolve().as_uri()):]  # noqa: E731
    else:
        base_url, sitemap = argv[0], Path(argv[1])
        urls = sitemap_locs(sitemap)
        label = lambda url: page_path(url, base_url) or "/"  # noqa: E731
    driver = start_chromium()
    pages = 0
    try:
        for url in urls:
            driver.get(url)
            if not driver.execute_script("return document.querySelector('figure.chart') !== null"):
                continue
            pages += 1
            for width in WIDTHS:
                name = f"chart overlap: {label(url)} at {width} px"
                try:
                    driver.set_window_size(width, 900)
                    overlaps = driver.execute_script(OVERLAPS)
                except Exception as e:  # noqa: BLE001 - a browser error is this check's failure
                    results.fail(name, f"could not measure {url}: {short_error(e)}")
                    continue
                if results.check(not overlaps, name, f"{len(overlaps)} overlapping text pair(s)\n    "
                                 + "\n    ".join(overlaps[:20])):
                    pass
    finally:
        driver.quit()
    results.check(pages > 0, "chart overlap: pages with charts", "no page has a chart")
    print(f"chart overlap: {pages} pages with charts at {', '.join(map(str, WIDTHS))} px", flush=True)
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
