#!/usr/bin/env python3
"""How long an edit takes to show in `sitegen serve`: save a file, then poll the page over HTTP
until the new text is there.

    python3 Benchmarks/latency.py --site .build-bench/sites/10000 [--edits 10] [--sitegen PATH]

The site is copied into a temporary folder first (its Content/ and Templates/), so the original is
never edited. One probe article gets a fixed slug there, so its page and its company's page are
known. Then, for each kind of edit, `--edits` times:

  body         append a sentence to the probe article        -> its page shows the sentence
  fact         change the amount of its first funding round  -> the company's page shows the amount
  new article  write a new article                           -> its page answers 200
  delete       remove that article again                     -> its page answers 404

and prints the median, fastest and slowest time from save to the new bytes over HTTP, in ms.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, socket.timeout):
        return 0, ""


def wait_for(url, condition, limit=120.0):
    start = time.monotonic()
    while time.monotonic() - start < limit:
        status, body = fetch(url)
        if condition(status, body):
            return time.monotonic()
        time.sleep(0.005)
    raise SystemExit(f"latency: {url} did not change within {limit:.0f} s")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def choose_probe(articles):
    """An article from the middle of the list with a funding round of a company with an ASCII name."""
    names = sorted(os.listdir(articles))
    for name in names[len(names) // 2:] + names[: len(names) // 2]:
        text = open(os.path.join(articles, name), encoding="utf-8").read()
        company = re.search(r"^funding:\n  - (?:\{ )?.*?company: ([A-Za-z][A-Za-z ]+?)\s*(?:,|\n)", text, re.M | re.S)
        amount = re.search(r"^(\s+(?:- )?amount: )(.+)$", text, re.M)
        if company and amount and "slug:" not in text.split("---")[1]:
            return name, company.group(1), text
    raise SystemExit("latency: no article with a funding round of an ASCII-named company")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", required=True, help="a site folder (Content/ and Templates/)")
    parser.add_argument("--edits", type=int, default=10, help="edits of each kind (default 10)")
    parser.add_argument("--sitegen", default=os.path.join(os.path.dirname(here), ".build", "release", "sitegen"))
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="sitegen-latency-")
    for folder in ("Content", "Templates"):
        shutil.copytree(os.path.join(args.site, folder), os.path.join(work, folder))
    articles = os.path.join(work, "Content", "articles")
    probe_name, company, text = choose_probe(articles)
    probe = os.path.join(articles, probe_name)
    text = text.replace("---\n", "---\nslug: latency-probe\n", 1)
    open(probe, "w", encoding="utf-8").write(text)

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [args.sitegen, "serve", "--site", work, "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    results = {}
    try:
        start = time.monotonic()
        served = wait_for(base + "articles/latency-probe/index.html", lambda status, _: status == 200, limit=600)
        print(f"first build served after {served - start:.1f} s", file=sys.stderr)
        article_url = base + "articles/latency-probe/index.html"
        # The company's page, as the probe article's facts table links it.
        linked = re.search(r'companies/([^/"]+)/index\.html', fetch(article_url)[1])
        company_url = base + f"companies/{linked.group(1) if linked else slug(company)}/index.html"
        if fetch(company_url)[0] != 200:
            raise SystemExit(f"latency: no company page at {company_url}")

        def measure(kind, edit, url, condition):
            times = []
            for number in range(args.edits):
                time.sleep(0.3)
                before = time.monotonic()
                edit(number)
                times.append(wait_for(url(number), lambda status, body: condition(number, status, body)) - before)
            results[kind] = times

        def append_sentence(number):
            with open(probe, "a", encoding="utf-8") as file:
                file.write(f"\nLatency marker {number} {os.getpid()}.\n")

        measure("body", append_sentence, lambda _: article_url, lambda n, status, body: f"Latency marker {n} {os.getpid()}." in body)

        def change_amount(number):
            current = open(probe, encoding="utf-8").read()
            changed = re.sub(r"^(\s+(?:- )?amount: ).+$", lambda m: f"{m.group(1)}${700 + number}.5M", current, count=1, flags=re.M)
            open(probe, "w", encoding="utf-8").write(changed)

        measure("fact", change_amount, lambda _: company_url, lambda n, status, body: f"${700 + n}.5M" in body)

        def new_article(number):
            path = os.path.join(articles, f"2001-01-01-latency-new-{number}.md")
            open(path, "w", encoding="utf-8").write(
                f"---\ntitle: Latency probe {number}\ndate: 2001-01-01\nslug: latency-new-{number}\n---\nA new article.\n")

        measure("new article", new_article, lambda n: base + f"articles/latency-new-{n}/index.html", lambda n, status, body: status == 200)

        def delete_article(number):
            os.remove(os.path.join(articles, f"2001-01-01-latency-new-{number}.md"))

        measure("delete", delete_article, lambda n: base + f"articles/latency-new-{n}/index.html", lambda n, status, body: status == 404)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)

    print(f"| edit | median | fastest | slowest |  ({args.edits} edits each, save → new bytes over HTTP)")
    print("|---|---|---|---|")
    for kind, times in results.items():
        ms = [t * 1000 for t in times]
        print(f"| {kind} | {statistics.median(ms):.0f} ms | {min(ms):.0f} ms | {max(ms):.0f} ms |")


if __name__ == "__main__":
    main()
