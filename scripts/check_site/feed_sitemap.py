"""Step 5: feed.xml parses with feedparser and links under the base URL; sitemap.xml is well-formed and maps to files."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from common import Results, sitemap_locs


def url_to_file(url: str, base_url: str, output: Path) -> Path | None:
    """The file in Output that an absolute site URL names (a URL ending in / is its index.html), None if outside."""
    if not url.startswith(base_url):
        return None
    rest = url[len(base_url):].split("#", 1)[0].split("?", 1)[0]
    if rest == "" or rest.endswith("/"):
        rest += "index.html"
    return output / rest


def check_feed(results: Results, base_url: str, output: Path) -> None:
    import feedparser

    feed_file = output / "feed.xml"
    if not results.check(feed_file.is_file(), "feed: Output/feed.xml exists", f"{feed_file} does not exist"):
        return
    feed = feedparser.parse(str(feed_file))
    results.check(feed.bozo == 0, "feed: feedparser bozo == 0",
                  f"feed.xml is not well-formed: {feed.get('bozo_exception')!r}")
    if not results.check(len(feed.entries) > 0, "feed: has entries", "feed.xml has no entries"):
        return
    problems = []
    for i, entry in enumerate(feed.entries, 1):
        link = entry.get("link", "")
        label = f"entry {i} ({entry.get('title', 'untitled')!r})"
        target = url_to_file(link, base_url, output)
        if not link:
            problems.append(f"{label} has no link")
        elif target is None:
            problems.append(f"{label} link {link!r} is not an absolute URL under {base_url}")
        elif not target.is_file():
            problems.append(f"{label} link {link!r} names {target.relative_to(output)}, which does not exist")
    results.check(not problems, "feed: every entry links to a page under the base URL", "; ".join(problems))
    print(f"feed: {len(feed.entries)} entries ({feed.get('version') or 'unknown format'})", flush=True)


def check_sitemap(results: Results, base_url: str, output: Path) -> None:
    sitemap = output / "sitemap.xml"
    if not results.check(sitemap.is_file(), "sitemap: Output/sitemap.xml exists", f"{sitemap} does not exist"):
        return
    lint = subprocess.run(["xmllint", "--noout", str(sitemap)], capture_output=True, text=True, timeout=60)
    if not results.check(lint.returncode == 0, "sitemap: xmllint --noout",
                         f"xmllint exit {lint.returncode}: {lint.stderr.strip()[:2000]}"):
        return
    locs = sitemap_locs(sitemap)
    if not results.check(bool(locs), "sitemap: has <loc> entries",
                         "no <loc> in the sitemap namespace http://www.sitemaps.org/schemas/sitemap/0.9"):
        return
    problems = []
    for loc in locs:
        target = url_to_file(loc, base_url, output)
        if target is None:
            problems.append(f"<loc>{loc}</loc> is not under {base_url}")
        elif not target.is_file():
            problems.append(f"<loc>{loc}</loc> names {target.relative_to(output)}, which does not exist")
    results.check(not problems, "sitemap: every <loc> maps to a file in Output", "; ".join(problems))
    results.check(len(set(locs)) == len(locs), "sitemap: no duplicate <loc>",
                  "duplicates: " + ", ".join(sorted({u for u in locs if locs.count(u) > 1})))
    print(f"sitemap: {len(locs)} URLs", flush=True)


def main(base_url: str, output: Path) -> int:
    results = Results()
    check_feed(results, base_url, output)
    check_sitemap(results, base_url, output)
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]).resolve()))
