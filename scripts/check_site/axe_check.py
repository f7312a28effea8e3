"""Step 6: axe-core in headless Chromium on one page of each kind, light and dark; any violation fails."""
from __future__ import annotations

import sys
from pathlib import Path

# selenium-axe-python is the maintained fork of axe-selenium-python; it bundles a current axe-core (4.x).
from selenium_axe_python import Axe

from common import Results, exit_on_sigterm, page_path, pick_pages, set_colour_scheme, short_error, start_chromium


def main(base_url: str, sitemap: Path) -> int:
    exit_on_sigterm()
    results = Results()
    pages = pick_pages(sitemap, base_url)
    if not results.check(bool(pages), "axe: pages to check", "sitemap.xml names no page of any kind"):
        return 1
    driver = start_chromium()
    version = None
    try:
        for kind, url in pages:
            for scheme in ("light", "dark"):
                name = f"axe: {kind} ({page_path(url, base_url) or '/'}) {scheme}"
                try:
                    set_colour_scheme(driver, scheme)
                    driver.get(url)
                    if driver.execute_script(
                            f"return !window.matchMedia('(prefers-color-scheme: {scheme})').matches"):
                        results.fail(name, f"the {scheme} colour scheme did not take effect")
                        continue
                    axe = Axe(driver)
                    axe.inject()
                    if version is None:
                        version = driver.execute_script("return axe.version")
                        print(f"axe: axe-core {version}", flush=True)
                    violations = axe.run()["violations"]
                except Exception as e:  # noqa: BLE001 - a browser error is this check's failure, not the script's
                    results.fail(name, f"could not run axe on {url}: {short_error(e)}")
                    continue
                lines = [f"{v['id']} [{v.get('impact') or 'n/a'}] {first_target(v)}"
                         f" ({len(v['nodes'])} node{'s' if len(v['nodes']) != 1 else ''}) - {v.get('help', '')}"
                         for v in violations]
                if results.check(not violations, name,
                                 f"{len(violations)} violation(s) on {url}\n    " + "\n    ".join(lines)):
                    print(f"ok   {name}: no violations", flush=True)
    finally:
        driver.quit()
    return 1 if results.failed else 0


def first_target(violation: dict) -> str:
    """The first target selector of a violation (shadow-DOM/iframe targets are lists of selectors)."""
    nodes = violation.get("nodes") or [{}]
    target = (nodes[0].get("target") or ["?"])[0]
    return " >> ".join(target) if isinstance(target, list) else str(target)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
