"""Step 4: crawl the served site from the base URL; every link 200, every #fragment an id, every sitemap page reached."""
from __future__ import annotations

import csv
import io
import sys
import urllib.error
import urllib.request
import uuid
from collections import defaultdict, deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urldefrag, urljoin, urlparse

from common import Results, page_path, sitemap_locs

TIMEOUT = 10          # seconds, every fetch
MAX_URLS = 5000       # a runaway crawl (e.g. ever-deeper relative links) stops here
LINK_ATTRS = {("a", "href"), ("link", "href"), ("img", "src")}
EXPECTED_TYPES = {    # extension -> acceptable Content-Type prefixes
    ".html": ("text/html",), ".css": ("text/css",), ".svg": ("image/svg+xml",), ".png": ("image/png",),
    ".jpg": ("image/jpeg",), ".jpeg": ("image/jpeg",), ".webp": ("image/webp",), ".json": ("application/json",),
    ".xml": ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml"),
    ".js": ("application/javascript", "text/javascript"),
}


class PageParser(HTMLParser):
    """Collects ids, <base href> and the (tag, value) of every a[href], link[href], img[src]."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []
        self.base: str | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            if (tag, name) in LINK_ATTRS:
                self.links.append((tag, value))
            if tag == "base" and name == "href" and self.base is None:
                self.base = value

    handle_startendtag = handle_starttag


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is reported as its own status, not followed


OPENER = urllib.request.build_opener(NoRedirect)



def csv_problem(href: str) -> str | None:
    """Why a chart's data: link is not a usable CSV, or None: it decodes as UTF-8 and has a header and rows
    of as many fields."""
    try:
        text = unquote_to_bytes(href.split(",", 1)[1]).decode("utf-8")
    except UnicodeDecodeError:
        return "chart CSV is not UTF-8"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if len(rows) < 2:
        return "chart CSV has no rows"
    if any(len(row) != len(rows[0]) for row in rows):
        return "chart CSV rows differ in length from the header"
    return None

def fetch(url: str) -> tuple[int | str, str, bytes, str]:
    """(status or error text, content type, body, Location header)."""
    try:
        with OPENER.open(urllib.request.Request(url, headers={"User-Agent": "sitegen-site-check"}),
                         timeout=TIMEOUT) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read(), ""
    except urllib.error.HTTPError as e:
        body = e.read() if e.fp else b""
        return e.code, e.headers.get("Content-Type", ""), body, e.headers.get("Location", "")
    except (urllib.error.URLError, OSError) as e:
        return f"error: {getattr(e, 'reason', e)}", "", b"", ""


def listing(places: dict[str, None], limit: int = 5) -> str:
    """The first few places a link was found, and how many more."""
    names = list(places)
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def main(base_url: str, output: Path, sitemap: Path) -> int:
    results = Results()
    base = urlparse(base_url)
    rel = lambda url: page_path(url, base_url) if page_path(url, base_url) is not None else url  # noqa: E731
    shown = lambda url: rel(url) or "(front page)"  # noqa: E731

    # The custom 404 page, for a URL that does not exist.
    missing = f"{base_url}site-check-missing-{uuid.uuid4().hex[:8]}/"
    status, _, body, _ = fetch(missing)
    want = (output / "404.html").read_bytes() if (output / "404.html").exists() else None
    problem = ("Output/404.html does not exist" if want is None
               else f"GET {missing} gave {status}, expected 404" if status != 404
               else f"GET {missing} gave 404 but not the body of Output/404.html" if body != want else None)
    results.check(problem is None, "nginx: missing page is 404.html with status 404", str(problem))

    # Where each URL and #fragment is linked from, in crawl order without repeats ('page (<a> "href")').
    # A page served at both x/ and x/index.html is parsed twice but its links are listed once.
    referrers: dict[str, dict[str, None]] = defaultdict(dict)
    fragments: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)
    fetched: dict[str, tuple[int | str, str, set[str] | None, str]] = {}  # url -> (status, type, ids, Location)
    queue: deque[str] = deque([base_url])
    seen = {base_url}
    external = 0
    bad_links: dict[str, None] = {}

    while queue:
        url = queue.popleft()
        if len(fetched) >= MAX_URLS:
            results.fail("crawl: size", f"more than {MAX_URLS} URLs; stopped at {url}")
            break
        status, ctype, body, location = fetch(url)
        ids = None
        if status == 200 and ctype.startswith("text/html"):
            parser = PageParser()
            parser.feed(body.decode("utf-8", errors="replace"))
            ids = parser.ids
            page_base = urljoin(url, parser.base) if parser.base else url
            for tag, value in parser.links:
                href = value.strip()
                target = urljoin(page_base, href)
                parts = urlparse(target)
                where = f'{shown(url)} (<{tag}> "{value}")'
                if parts.scheme in ("mailto", "tel") or (parts.scheme == "data" and tag == "img"):
                    continue
                if parts.scheme == "data" and tag == "a" and href.startswith("data:text/csv;charset=utf-8,"):
                    # A chart's "Get the data" link holds its CSV: it must decode and have a header and rows.
                    problem = csv_problem(href)
                    if problem:
                        bad_links[f"{where[:200]}: {problem}"] = None
                    continue
                if parts.scheme == "fact":
                    bad_links[f"{where}: unresolved fact: link"] = None
                    continue
                if parts.scheme not in ("http", "https"):
                    bad_links[f"{where}: unexpected URL scheme {parts.scheme!r}"] = None
                    continue
                if parts.netloc != base.netloc:
                    external += 1
                    continue
                if not parts.path.startswith(base.path):
                    bad_links[f"{where}: points outside {base.path} to {parts.path}"] = None
                    continue
                target, fragment = urldefrag(target)
                referrers[target][where] = None
                if fragment:
                    fragments[(target, unquote(fragment))][where] = None
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        fetched[url] = (status, ctype, ids, location)

    # One check per URL, once every page that links to it is known.
    for url, (status, ctype, _, location) in fetched.items():
        origin = f"; linked from {listing(referrers[url])}" if referrers[url] else ""
        problem = None
        if status != 200:
            problem = f"{status}" + (f" redirect to {location}" if location else "")
        else:
            ext = Path(urlparse(url).path).suffix.lower() or ".html"
            allowed = EXPECTED_TYPES.get(ext)
            if allowed and not ctype.startswith(allowed):
                problem = f"served as {ctype!r}, expected {allowed[0]}"
        results.check(problem is None, f"crawl: {shown(url)}", f"{problem}{origin}")

    for problem in bad_links:
        results.fail("crawl: link", problem)

    for (target, fragment), wheres in sorted(fragments.items()):
        status, ctype, ids, _ = fetched.get(target, (None, "", None, ""))
        if status != 200:
            continue  # the broken target is already reported
        ok = ids is not None and fragment in ids
        results.check(ok, f"fragment: {shown(target)}#{fragment}",
                      (f"no id={fragment!r} on {shown(target)}" if ids is not None
                       else f"#{fragment} on a non-HTML target ({ctype})")
                      + f"; linked from {listing(wheres)}")

    if sitemap.exists():
        try:
            wanted = {page_path(u, base_url) if page_path(u, base_url) is not None else u
                      for u in sitemap_locs(sitemap)}
            reached = {rel(u) for u, (s, *_) in fetched.items() if s == 200}
            missed = sorted(wanted - reached)
            results.check(not missed, "crawl: reaches every sitemap.xml page",
                          f"{len(missed)} sitemap page(s) not reached by the crawl (not linked, or not 200): "
                          + ", ".join(m or "(front page)" for m in missed))
        except Exception as e:  # noqa: BLE001 - an unreadable sitemap is reported by step 5 too
            results.fail("crawl: reaches every sitemap.xml page", f"cannot read sitemap.xml: {e}")
    else:
        print("crawl: sitemap.xml coverage not checked: Output/sitemap.xml does not exist", flush=True)

    print(f"crawl: {len(fetched)} URLs fetched, {sum(len(v) for v in fragments.values())} fragment links, "
          f"{external} external links skipped, {results.failed} problem(s)", flush=True)
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]).resolve(), Path(sys.argv[3])))
