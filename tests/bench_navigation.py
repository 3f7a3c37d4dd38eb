"""What Material's instant navigation gives a visitor once the service worker
serves the pages (issue 12; not part of `make test`).

Serves a built site on localhost, lets the service worker install and take
the page, then clicks through the pages in the nav order and times each click
until the next page's heading is on screen, twice: with the theme's instant
navigation (it swaps the page in place) and without it (a normal page load).
Both runs use the same build; the theme navigates instantly only to
addresses listed in sitemap.xml, so "with" serves one for this server.

    .venv/bin/python -m tests.bench_navigation [--site site] [--rounds 3]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from tests.support.browser import CHROMIUM_ARGS, chromium_path, wait_for_service_worker
from tests.support.site import config, nav_addresses
from tests.support.static_server import serving


def clicks(browser: Browser, base: str, site: Path, instant: bool, rounds: int) -> list[float]:
    context = browser.new_context(locale="nl-NL")
    if instant:
        # The theme navigates instantly only to addresses in sitemap.xml, which
        # names the production host; its port never matches a test server's.
        # Serve the sitemap as the real host would (the service worker
        # precaches this one). Without this the theme loads each page.
        sitemap = (site / "sitemap.xml").read_text(encoding="utf-8").replace(config().site_url or "", base)
        context.route(
            re.compile(r".*/sitemap\.xml$"),
            lambda route: route.fulfill(status=200, content_type="application/xml", body=sitemap),
        )
    page = context.new_page()
    page.goto(base)
    wait_for_service_worker(page)
    page.reload()
    page.evaluate("window.mdxFirstDocument = true")
    addresses = nav_addresses()
    times: list[float] = []
    for _ in range(rounds):
        for address in addresses[1:] + addresses[:1]:
            link = page.locator(f".md-sidebar--primary a.md-nav__link[href$='{address.lstrip('/') or './'}']").first
            if address == "/":
                link = page.locator("a.md-header__button.md-logo")
            title = page.evaluate("() => document.title")
            start = time.perf_counter()
            link.dispatch_event("click")
            page.wait_for_function("(old) => document.title !== old && document.querySelector('h1')", arg=title, timeout=10_000)
            times.append((time.perf_counter() - start) * 1000)
    swapped = page.evaluate("() => window.mdxFirstDocument === true")
    assert swapped == instant, f"instant={instant} but the first document {'stayed' if swapped else 'was replaced'}"
    context.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--modes", type=lambda text: [m == "instant" for m in text.split(",")], default="instant,load,instant,load")
    args = parser.parse_args()
    with serving(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for instant in args.modes:
            times = clicks(browser, base, args.site, instant, args.rounds)
            quartiles = statistics.quantiles(times, n=4)
            print(
                f"{'instant' if instant else 'page load'}: {len(times)} clicks, "
                f"median {statistics.median(times):.0f} ms, quartiles {quartiles[0]:.0f}-{quartiles[2]:.0f} ms, "
                f"max {max(times):.0f} ms"
            )
        browser.close()


if __name__ == "__main__":
    main()
