"""Step 8: search from the header in headless Chromium, served under the sub-path: typing a company's
name lists its article; the open results pass axe-core, light and dark; the search box is hidden
until the index loads, so without JavaScript the header is as before."""
from __future__ import annotations

import sys
import time

from selenium.webdriver.common.by import By
from selenium_axe_python import Axe

from common import Results, exit_on_sigterm, set_colour_scheme, short_error, start_chromium

QUERY = "Zhipu"
EXPECTED = "articles/minimax-zhipu-ipo/"


def wait_for(condition, seconds: float = 10.0):
    """The first truthy value of condition() within the time, else None."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return None


def main(base_url: str) -> int:
    exit_on_sigterm()
    results = Results()
    driver = start_chromium()
    try:
        for scheme in ("light", "dark"):
            name = f"search: typing {QUERY!r} lists the article ({scheme})"
            try:
                set_colour_scheme(driver, scheme)
                driver.get(base_url + "tags/")
                form = driver.find_element(By.CSS_SELECTOR, "form.site-search")
                if not wait_for(form.is_displayed):
                    results.fail(name, "the search box did not appear: the index under pagefind/ did not load")
                    continue
                box = driver.find_element(By.ID, "site-search-input")
                box.clear()
                box.send_keys(QUERY)
                links = wait_for(lambda: [a.get_attribute("href") for a in
                                          driver.find_elements(By.CSS_SELECTOR, ".search-results li a")])
                if not results.check(bool(links) and any(h.startswith(base_url + EXPECTED) for h in links), name,
                                     f"results {links or 'none'} do not include {base_url + EXPECTED}"):
                    continue
                print(f"ok   {name}: {len(links)} result(s)", flush=True)
                axe = Axe(driver)
                axe.inject()
                violations = axe.run()["violations"]
                lines = [f"{v['id']} [{v.get('impact') or 'n/a'}] - {v.get('help', '')}" for v in violations]
                results.check(not violations, f"axe: search results open ({scheme})",
                              f"{len(violations)} violation(s)\n    " + "\n    ".join(lines))
                if scheme == "light":
                    target = next(a for a in driver.find_elements(By.CSS_SELECTOR, ".search-results li a")
                                  if a.get_attribute("href").startswith(base_url + EXPECTED))
                    target.click()
                    opened = wait_for(lambda: driver.current_url.startswith(base_url + EXPECTED)
                                      and driver.find_elements(By.CSS_SELECTOR, "article h1"))
                    results.check(bool(opened), "search: a result opens its article",
                                  f"clicking the result led to {driver.current_url}")
            except Exception as e:  # noqa: BLE001 - a browser error is this check's failure
                results.fail(name, short_error(e))
        # Without JavaScript the form stays hidden: the header reads as it does without search.
        name = "search: hidden without JavaScript"
        try:
            driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
            driver.get(base_url)
            hidden = not driver.find_element(By.CSS_SELECTOR, "form.site-search").is_displayed()
            results.check(hidden, name, "the search form shows although scripts are off")
        except Exception as e:  # noqa: BLE001
            results.fail(name, short_error(e))
    finally:
        driver.quit()
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
