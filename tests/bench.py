"""The start-up benchmark of the check pages (`make bench`; not part of `make test`).

Builds the site (strict) into a temporary folder, serves it on localhost and
drives the system Chromium, headless, through Playwright. In the same run it
loads the same npm Pyodide the stock documented way, ``loadPyodide()`` on the
main thread of a bare page with the stock standard library, and reports our
figures as ratios to it. Prints the table and rewrites the generated part of
BENCHMARKS.md (between its BEGIN/END markers; the rest is kept).

    .venv/bin/python -m tests.bench [--runs 7] [--real-runs 3] [--lighthouse-runs 3] [--clicks 60] [--site DIR] [--no-write]

Both sites are served the way a typical static host serves them
(``tests/support/host.py``): text and ``.wasm`` gzip-compressed when the
browser asks for it, ``.zip`` as it is, no Cache-Control header. The server
counts the bytes it sends (headers and bodies), which is what "transferred"
means below. Then the same on a real link (10 Mbit/s shared, 40 ms per
response), and Lighthouse on four pages.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Playwright, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
from checks.dom import WORKER_SCRIPT, Action, Attr, Css, PythonState  # noqa: E402
from sitebuild import service_worker  # noqa: E402

from tests.support.browser import CHROMIUM_ARGS, chromium_path  # noqa: E402
from tests.support.deploys import deployed  # noqa: E402
from tests.support.host import Bottleneck, Host, Sent, hosting  # noqa: E402

PYODIDE = ROOT / "node_modules" / "pyodide"
BENCHMARKS = ROOT / "BENCHMARKS.md"
BEGIN = "<!-- BEGIN bench.py output: `make bench` rewrites this part -->"
END = "<!-- END bench.py output -->"
COMMAND = "make bench   # = .venv/bin/python -m tests.bench"

CHECK_PAGES = ("kindcheck/", "afwegingskader/")
CONTENT_PAGE = "signalen/"
STOCK_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
STOCK_PAGE = """<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Stock Pyodide</title>
<p>Stock Pyodide: loadPyodide() on the main thread.</p>
<script type="module">
  import { loadPyodide } from "./pyodide.mjs";
  await loadPyodide();
  window.__stockReady = performance.now();
  document.body.dataset.ready = "true";
</script>
</html>
"""
TIMEOUT_MS = 120_000

# The page-side parts of the bench, as real files; they get the DOM contract's
# names as data.
SUPPORT = Path(__file__).resolve().parent / "support"
BENCH_DOM = {
    "check": Attr.CHECK, "python": Attr.PYTHON, "node": Attr.NODE, "action": Attr.ACTION,
    "ready": PythonState.READY, "failed": PythonState.FAILED, "restart": Action.RESTART,
    "legend": Css.CHECK_LEGEND, "form": Css.CHECK_FORM, "worker": Path(WORKER_SCRIPT).stem,
}
MARKS_SCRIPT = f"({(SUPPORT / 'bench_marks.js').read_text(encoding='utf-8')})({json.dumps(BENCH_DOM)});"
CLICKS_SCRIPT = (SUPPORT / "bench_clicks.js").read_text(encoding="utf-8")





# ------------------------------------------------------------- preparation


def build_site(target: Path) -> None:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build --strict failed:\n{result.stderr}")
    print(f"Built the site in {time.monotonic() - started:.1f} s", file=sys.stderr)


def stock_site(target: Path) -> None:
    """A bare page and the npm package's files, as they are (dates kept)."""
    missing = [name for name in STOCK_FILES if not (PYODIDE / name).is_file()]
    if missing:
        raise SystemExit(f"{PYODIDE} lacks {', '.join(missing)}: run `make deps`")
    target.mkdir(parents=True, exist_ok=True)
    for name in STOCK_FILES:
        shutil.copy2(PYODIDE / name, target / name)
    (target / "index.html").write_text(STOCK_PAGE, encoding="utf-8")


# ------------------------------------------------------------ measurements


@dataclass
class Samples:
    values: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def percentile(self, p: float) -> float:
        """Nearest-rank percentile."""
        ordered = sorted(self.values)
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]

    def spread(self) -> str:
        return f"{min(self.values):.0f}–{max(self.values):.0f}"


def visit(page: Page, url: str) -> dict[str, Any]:
    page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
    page.wait_for_function(
        "() => window.__mdxMarks && window.__mdxMarks.python !== undefined && window.__mdxMarks.question !== undefined",
        timeout=TIMEOUT_MS,
    )
    marks: dict[str, Any] = page.evaluate("() => window.__mdxMarks")
    if marks["state"] != "ready":
        raise SystemExit(f"Python did not start on {url}: data-python={marks['state']}")
    return marks | worker_marks(page)


WORKER_MARKS = ("mdx:worker-start", "mdx:pyodide-loaded", "mdx:checks-imported")


def worker_marks(page: Page) -> dict[str, float]:
    """The check worker's start-up milestones, on the page's clock."""
    origin = page.evaluate("() => performance.timeOrigin")
    for worker in page.workers:
        if "mdx-check-worker" in worker.url:
            marks: dict[str, float] = worker.evaluate(
                """() => Object.fromEntries(performance.getEntriesByType("mark")
                    .map((mark) => [mark.name, performance.timeOrigin + mark.startTime]))"""
            )
            if "mdx:snapshot-restored" not in marks:
                raise SystemExit(f"Python did not start from the snapshot on {page.url} (see the browser console)")
            return {name: marks[name] - origin for name in WORKER_MARKS if name in marks}
    raise SystemExit(f"No check worker on {page.url}")


def wait_for_service_worker(page: Page) -> None:
    """Until this build's service worker controls the page: its precache is complete."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=TIMEOUT_MS)


# The service worker stores Python once a check page runs it (mdx-offline.mjs).
RUNTIME_STORED = """
async (paths) => {
  for (let tries = 0; tries < 1200; tries += 1) {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const found = await Promise.all(paths.map((path) => cache.match(path, { ignoreVary: true })));
      if (found.every(Boolean)) return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
"""


def wait_for_runtime_stored(page: Page, site: Path) -> None:
    paths = sorted("/" + path for path in service_worker.manifests(site).runtime)
    if not page.evaluate(RUNTIME_STORED, paths):
        raise SystemExit(f"The service worker did not store Python after {page.url}")


@contextlib.contextmanager
def fresh_profile(playwright: Playwright) -> Iterator[BrowserContext]:
    """A browser with a new, empty profile on disk: a disk HTTP cache, code
    caches and service-worker storage, as a visitor's browser has."""
    with tempfile.TemporaryDirectory(prefix="mdx-bench-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium_path(), args=CHROMIUM_ARGS, locale="nl-NL"
        )
        try:
            yield context
        finally:
            context.close()


def measure_ours(playwright: Playwright, base: str, path: str, results: dict[str, Samples], clicks: int, seed: int,
                 site: Path) -> None:
    with fresh_profile(playwright) as context:
        context.add_init_script(MARKS_SCRIPT)
        page = context.new_page()
        cold = visit(page, base + path)
        wait_for_service_worker(page)
        wait_for_runtime_stored(page, site)
        page.close()
        page = context.new_page()
        warm = visit(page, base + path)
        if page.evaluate("() => navigator.serviceWorker.controller === null"):
            raise SystemExit("The warm visit was not served by the service worker")
        results["question cold"].add(cold["question"])
        results["question warm"].add(warm["question"])
        results["ready cold"].add(cold["python"])
        results["ready warm"].add(warm["python"])
        for kind, marks in (("cold", cold), ("warm", warm)):
            for name in (*WORKER_MARKS, "worker"):
                results[f"{name} {kind}"].add(marks[name])
        for value in page.evaluate(CLICKS_SCRIPT, [clicks, seed, BENCH_DOM]):
            results["volgende"].add(value)


def measure_stock(playwright: Playwright, base: str, results: dict[str, Samples]) -> None:
    with fresh_profile(playwright) as context:
        for kind in ("cold", "warm"):
            page = context.new_page()
            page.goto(base, wait_until="load", timeout=TIMEOUT_MS)
            page.wait_for_function("() => window.__stockReady !== undefined", timeout=TIMEOUT_MS)
            results[f"stock {kind}"].add(page.evaluate("() => window.__stockReady"))
            page.close()


def measure_bytes(playwright: Playwright, base: str, host: Host, path: str) -> dict[str, Any]:
    """Bytes sent for one cold visit: the page's own (with its worker), then the
    service worker's install (its script and precache), separately."""
    since = len(host.sent())
    with fresh_profile(playwright) as context:
        context.add_init_script(MARKS_SCRIPT)
        page = context.new_page()
        page.goto(base + path, wait_until="load", timeout=TIMEOUT_MS)
        if path in CHECK_PAGES:
            page.wait_for_function("() => window.__mdxMarks.python !== undefined", timeout=TIMEOUT_MS)
        wait_for_service_worker(page)
        page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
    sw_url = urlsplit(base + "sw.js").path
    settle(host, since)
    own: list[Sent] = []
    precache: list[Sent] = []
    for sent in host.sent(since):
        by_worker = sent.service_worker_script or urlsplit(sent.referer).path == sw_url
        (precache if by_worker else own).append(sent)
    return {
        "page": sum(s.size for s in own),
        "pyodide": sum(s.size for s in own if "/assets/pyodide/" in s.path or "mdx-check-worker" in s.path),
        "requests": len(own),
        "service worker": sum(s.size for s in precache),
        "largest": sorted(((s.size, s.path) for s in own), reverse=True)[:5],
    }


# ------------------------------------------------------- the real-link profile

REAL_LINK_BITS_PER_SECOND = 10_000_000
REAL_LINK_LATENCY_S = 0.040
# Python ready on the real link, as a share of stock's (issue 13).
REAL_LINK_RATIO_TARGET = 0.8
FIRST_VISIT_BUDGET = 2_000_000


def sent_total(host: Host, since: int) -> tuple[int, list[str]]:
    sent = host.sent(since)
    return sum(s.size for s in sent), sorted({s.path for s in sent})


def settle(host: Host, since: int) -> None:
    """The host logs a response when its connection closes: wait for the log to stop growing."""
    size = -1
    while size != len(host.sent(since)):
        size = len(host.sent(since))
        time.sleep(0.3)


def measure_real_link(playwright: Playwright, site: Path, stock: Path, scratch: Path, runs: int) -> dict[str, Samples]:
    """Cold check pages (ours and stock), a cold content page with its service
    worker's work, and a returning visit after a one-page deploy, all through
    one shared bottleneck."""
    results: dict[str, Samples] = collections.defaultdict(Samples)
    link = Bottleneck(REAL_LINK_BITS_PER_SECOND, REAL_LINK_LATENCY_S)
    changed = deployed(site, scratch / "one-page-changed", pages=[CONTENT_PAGE.strip("/")])
    with hosting(site, link) as (base, host), hosting(stock, link) as (stock_base, stock_host):
        for run in range(runs):
            path = CHECK_PAGES[run % len(CHECK_PAGES)]
            with fresh_profile(playwright) as context:
                context.add_init_script(MARKS_SCRIPT)
                since = len(host.sent())
                marks = visit(context.new_page(), base + path)
                results["real question"].add(marks["question"])
                results["real ready"].add(marks["python"])
                settle(host, since)
                results["real check bytes"].add(sent_total(host, since)[0])
            with fresh_profile(playwright) as context:
                page = context.new_page()
                since = len(stock_host.sent())
                page.goto(stock_base, wait_until="load", timeout=TIMEOUT_MS * 3)
                page.wait_for_function("() => window.__stockReady !== undefined", timeout=TIMEOUT_MS * 3)
                results["real stock ready"].add(page.evaluate("() => window.__stockReady"))
                settle(stock_host, since)
                results["real stock bytes"].add(sent_total(stock_host, since)[0])
            with fresh_profile(playwright) as context:
                page = context.new_page()
                since = len(host.sent())
                started = time.monotonic()
                page.goto(base + CONTENT_PAGE, wait_until="load", timeout=TIMEOUT_MS)
                results["real content load"].add((time.monotonic() - started) * 1000)
                wait_for_service_worker(page)
                results["real content stored"].add((time.monotonic() - started) * 1000)
                settle(host, since)
                total, paths = sent_total(host, since)
                results["real content bytes"].add(total)
                results["real content python"].add(sum(p.startswith("/assets/pyodide/") for p in paths))
            print(
                f"real link run {run + 1}/{runs} /{path}: ready {results['real ready'].values[-1]:.0f} ms "
                f"({results['real check bytes'].values[-1] / 1e6:.1f} MB), stock {results['real stock ready'].values[-1]:.0f} ms "
                f"({results['real stock bytes'].values[-1] / 1e6:.1f} MB); content page {results['real content bytes'].values[-1] / 1e6:.2f} MB",
                file=sys.stderr,
            )
        # A returning visitor (pages and Python stored) after a deploy that changed one page.
        with fresh_profile(playwright) as context:
            context.add_init_script(MARKS_SCRIPT)
            page = context.new_page()
            visit(page, base + CHECK_PAGES[0])
            wait_for_service_worker(page)
            wait_for_runtime_stored(page, site)
            page.goto(base + CONTENT_PAGE, wait_until="load", timeout=TIMEOUT_MS)
            settle(host, 0)
            host.deploy(changed)
            since = len(host.sent())
            started = time.monotonic()
            page.reload(wait_until="load", timeout=TIMEOUT_MS)  # the browser checks sw.js, the new one installs
            if not page.evaluate(NEW_BUILD_WAITING):
                raise SystemExit("The one-page deploy's service worker did not install")
            page.reload(wait_until="load", timeout=TIMEOUT_MS)  # the new build takes over
            page.wait_for_selector('h1[data-build="B"]', timeout=TIMEOUT_MS)
            results["real returning ms"].add((time.monotonic() - started) * 1000)
            settle(host, since)
            total, paths = sent_total(host, since)
            results["real returning bytes"].add(total)
            results["real returning paths"] = Samples()
            results["real returning paths"].values = paths  # type: ignore[assignment]
            host.deploy(site)
    return results


LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PAGES = ("", CONTENT_PAGE, *CHECK_PAGES)


def measure_lighthouse(site: Path, runs: int) -> dict[str, dict[str, list[float]]]:
    """Lighthouse (npm, pinned) on its default mobile profile (simulated slow
    4G and a slowed CPU), performance and accessibility, against the site
    served with gzip on localhost; CHROME_PATH is the system Chromium."""
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"{LIGHTHOUSE} is missing: `make bench` installs it (npm ci, optional dependencies included)")
    scores: dict[str, dict[str, list[float]]] = {}
    environment = {**os.environ, "CHROME_PATH": chromium_path()}
    with hosting(site) as (base, _), tempfile.TemporaryDirectory(prefix="mdx-lighthouse-") as scratch:
        for path in LIGHTHOUSE_PAGES:
            for run in range(runs):
                report_path = Path(scratch) / f"{run}.json"
                completed = subprocess.run(
                    [str(LIGHTHOUSE), base + path, "--quiet", "--output=json", f"--output-path={report_path}",
                     "--only-categories=performance,accessibility",
                     "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                    env=environment, capture_output=True, text=True, timeout=600, check=False,
                )
                if completed.returncode != 0 or not report_path.is_file():
                    raise SystemExit(f"lighthouse failed on /{path}:\n{completed.stderr[-2000:]}")
                categories = json.loads(report_path.read_text(encoding="utf-8"))["categories"]
                for name in ("performance", "accessibility"):
                    scores.setdefault(path, {}).setdefault(name, []).append(round(categories[name]["score"] * 100))
            print(f"lighthouse /{path}: {scores[path]}", file=sys.stderr)
    return scores


def lighthouse_lines(scores: dict[str, dict[str, list[float]]]) -> list[str]:
    lines = [
        "| page (Lighthouse, mobile) | performance: median (min–max) | target | accessibility | target |",
        "| --- | --- | --- | --- | --- |",
    ]
    for path, found in scores.items():
        performance, accessibility = found["performance"], found["accessibility"]
        lines.append(
            f"| /{path} | {statistics.median(performance):.0f} ({min(performance)}–{max(performance)}) | ≥ 95 "
            f"{'yes' if statistics.median(performance) >= 95 else '**no**'} | {statistics.median(accessibility):.0f} | 100 "
            f"{'yes' if min(accessibility) == 100 else '**no**'} |"
        )
    return lines


NEW_BUILD_WAITING = """
async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  for (let tries = 0; tries < 1200 && registration.waiting === null; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return registration.waiting !== null;
}
"""


def real_link_lines(real: dict[str, Samples]) -> list[str]:
    ready, stock = real["real ready"], real["real stock ready"]
    ratio = ready.median / stock.median
    content_bytes = real["real content bytes"]
    worst_content = max(content_bytes.values)
    mb = lambda size: f"{size / 1e6:.1f} MB"  # noqa: E731
    rows_ = [
        Row("First question visible, cold", f"{seconds(real['real question'].median)} ({real['real question'].spread()} ms)"),
        Row("Python ready, cold", f"{seconds(ready.median)} ({ready.spread()} ms)", f"{seconds(stock.median)} ({stock.spread()} ms)",
            f"{ratio:.2f}×", f"≤ {REAL_LINK_RATIO_TARGET}× stock", ratio <= REAL_LINK_RATIO_TARGET),
        Row("Bytes of a cold check page until it is idle (Python, then the offline copy of the pages, 0.7 MB, which waits for Python)", mb(real["real check bytes"].median), mb(real["real stock bytes"].median),
            f"{real['real check bytes'].median / real['real stock bytes'].median:.2f}×"),
        Row("Content page /" + CONTENT_PAGE + ", cold: page loaded / service worker done",
            f"{seconds(real['real content load'].median)} / {seconds(real['real content stored'].median)}"),
        Row("Content page, cold: bytes in all, service worker included", f"{mb(content_bytes.median)} (worst {mb(worst_content)}), Python files {max(real['real content python'].values):.0f}",
            target="≤ 2 MB, no Python file", met=worst_content <= FIRST_VISIT_BUDGET and max(real["real content python"].values) == 0),
        Row("Returning visitor after a one-page deploy: bytes, until the new page shows",
            f"{kilobytes(int(real['real returning bytes'].median))} in {seconds(real['real returning ms'].median)}: "
            + ", ".join(f"`{path}`" for path in real["real returning paths"].values)),
    ]
    return [
        "| figure (real link) | ours: median (min–max) | stock: median (min–max) | ours / stock | target | met |",
        "| --- | --- | --- | --- | --- | --- |",
        *(row.cells() for row in rows_),
    ]


# ----------------------------------------------------------------- report


def machine() -> dict[str, str]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        found = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.MULTILINE)
        cpu = found.group(1).strip() if found else cpu
    memory = "unknown"
    with contextlib.suppress(OSError):
        found = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
        memory = f"{int(found.group(1)) / 1024 / 1024:.1f} GiB" if found else memory
    version = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))["version"]
    return {
        "CPU": f"{cpu}, {len(os.sched_getaffinity(0))} cores (nproc)",
        "RAM": memory,
        "OS": f"{platform.system()} {platform.release()}",
        "Pyodide": version,
    }


def load_average() -> str:
    with contextlib.suppress(OSError):
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return "unknown"


def seconds(ms: float) -> str:
    return f"{ms / 1000:.2f} s"


def kilobytes(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


@dataclass
class Row:
    figure: str
    ours: str
    stock: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None

    def cells(self) -> str:
        mark = "" if self.met is None else ("yes" if self.met else "**no**")
        return f"| {self.figure} | {self.ours} | {self.stock} | {self.ratio} | {self.target} | {mark} |"


def timed(results: dict[str, Samples], figure: str, key: str, target_ms: float | None = None,
          stock_key: str | None = None, ratio_target: float | None = None) -> Row:
    ours = results[key]
    row = Row(figure, f"{seconds(ours.median)} ({ours.spread()} ms)")
    if target_ms is not None:
        row.target, row.met = f"≤ {seconds(target_ms)}", ours.median <= target_ms
    if stock_key is not None:
        stock = results[stock_key]
        ratio = ours.median / stock.median
        row.stock, row.ratio = f"{seconds(stock.median)} ({stock.spread()} ms)", f"{ratio:.2f}×"
        if ratio_target is not None:
            row.target += f", ≤ {ratio_target}× stock"
            row.met = bool(row.met) and ratio <= ratio_target
    return row


def rows(results: dict[str, Samples], sizes: dict[str, dict[str, Any]]) -> list[Row]:
    clicks = results["volgende"]
    p95 = clicks.percentile(95)
    content, check = sizes["content"], sizes["check"]
    return [
        timed(results, "First question visible, cold", "question cold", 500),
        timed(results, "First question visible, warm", "question warm"),
        timed(results, "Python ready, cold", "ready cold", 2000, "stock cold"),
        timed(results, "Python ready, warm", "ready warm", 1000, "stock warm", 0.4),
        Row("“Volgende” → next step, median", f"{clicks.median:.0f} ms"),
        Row(f"“Volgende” → next step, p95 ({len(clicks.values)} clicks)", f"{p95:.0f} ms (max {max(clicks.values):.0f})",
            target="≤ 50 ms", met=p95 <= 50),
        Row("Content page, cold: transferred", f"{kilobytes(content['page'])}, of it Pyodide {content['pyodide']} B",
            target="no Pyodide byte, ≤ 200 KB", met=content["pyodide"] == 0 and content["page"] <= 200 * 1024),
        Row("Check page, cold: transferred", kilobytes(check["page"])),
        Row("Service worker's install, after the first visit (in the background)",
            f"{kilobytes(content['service worker'])} after a content page, {kilobytes(check['service worker'])} after a check page"),
    ]


def phases(results: dict[str, Samples]) -> list[str]:
    """Where the time to "Python ready" goes: the worker's milestones, medians."""
    lines = [
        "| milestone (median, from navigation start) | cold | warm |",
        "| --- | --- | --- |",
    ]
    names = {
        "question": "first question visible",
        "worker": "page creates the check worker",
        "mdx:worker-start": "worker script running",
        "mdx:pyodide-loaded": "`loadPyodide()` done (snapshot restored)",
        "mdx:checks-imported": "checks wheel on `sys.path`, `checks.browser` at hand",
        "ready": "`data-python=\"ready\"` on the page",
    }
    for key, name in names.items():
        lines.append(f"| {name} | {seconds(results[f'{key} cold'].median)} | {seconds(results[f'{key} warm'].median)} |")
    return lines


def report(results: dict[str, Samples], sizes: dict[str, dict[str, Any]], setup: dict[str, str],
           real: dict[str, Samples] | None = None, lighthouse: dict[str, dict[str, list[float]]] | None = None) -> str:
    table = rows(results, sizes)
    real_part = [] if not real else [
        "",
        f"### Real link: {REAL_LINK_BITS_PER_SECOND / 1e6:g} Mbit/s shared, {REAL_LINK_LATENCY_S * 1000:g} ms per response",
        "",
        *real_link_lines(real),
        "",
        "How: " + REAL_HOW.format(runs=len(real["real ready"].values), content=CONTENT_PAGE),
    ]
    if lighthouse:
        real_part += [
            "",
            "### Lighthouse",
            "",
            *lighthouse_lines(lighthouse),
            "",
            "How: `node_modules/.bin/lighthouse` (pinned in package.json), its default mobile profile (simulated "
            "slow 4G, CPU slowed 4×), `CHROME_PATH` at the system Chromium, against the built site served with gzip on "
            "localhost; each page a new profile (no service worker).",
        ]
    judged = [row for row in table if row.met is not None]
    out = [
        BEGIN,
        "",
        f"Run on {datetime.date.today().isoformat()} with `{COMMAND}`{setup['options']}.",
        "",
        "| figure | ours: median (min–max) | stock `loadPyodide()`: median (min–max) | ours / stock | target | met |",
        "| --- | --- | --- | --- | --- | --- |",
        *(row.cells() for row in table),
        "",
        f"Targets met: {sum(bool(row.met) for row in judged)} of {len(judged)}.",
        "",
        *phases(results),
        "",
        "How: " + setup["how"],
        *real_part,
        "",
        "Machine:",
        "",
        *(f"- {name}: {value}" for name, value in setup["machine"].items()),
        "",
        "Largest transfers of a cold check page: "
        + ", ".join(f"{path} {kilobytes(size)}" for size, path in sizes["check"]["largest"])
        + ".",
        "",
        END,
    ]
    return "\n".join(out) + "\n"


HOW = (
    "{runs} runs, alternating /kindcheck/ and /afwegingskader/. Each run starts Chromium on a new, "
    "empty profile on disk (cold: empty HTTP cache, no service worker), visits the check page, waits until "
    "the service worker controls it, and opens the page again in a new tab (warm: served by the service "
    "worker); then it answers {clicks} questions at random, timing each “Volgende” click until the next step "
    "is in the page and the next frame has started. After each run the stock page is loaded the same way: "
    "a bare page that imports `pyodide.mjs` from a copy of `node_modules/pyodide` and calls `loadPyodide()` "
    "on the main thread, cold (new profile) and warm (second load, HTTP cache). Times are on the page's clock "
    "from navigation start; “Python ready” is `data-python=\"ready\"` for us and `loadPyodide()` resolved for "
    "stock, so ours includes restoring the snapshot and putting the checks wheel on `sys.path` (the bench stops if a "
    "visit fell back to a normal start). Bytes: one cold visit each of /{content} "
    "and /{check}, counted by the server (headers and bodies) and split by the Referer into the page's own "
    "requests (its worker included) and the service worker's install. The server (`tests/support/host.py`) "
    "gzips text and `.wasm` as a static host does; `.zip`, `.whl` and the snapshot's `.bin` (gzip inside) are sent as they are."
)


REAL_HOW = (
    "{runs} runs. Both sites are served by `tests/support/host.py` as a static host serves them (gzip for text "
    "and `.wasm`; `.zip`, `.whl` and the snapshot's `.bin` as they are) behind one shared bottleneck: a token bucket over "
    "all connections, plus a fixed delay before each response. Each run: a cold check page (new profile; Python "
    "ready as above; bytes until the page is idle, counted by the host), the stock page the same way, and a cold visit to "
    "/{content} until its service worker controls it (bytes of the page and of the worker's install, Python files "
    "counted). Then once: a visitor with pages and Python stored, after a deploy that changes only /{content} "
    "(a copy of the site with that page changed and `sw.js` written again by the build's code): the page is "
    "reloaded (the browser checks `sw.js` and the new worker installs), then reloaded again (the new build takes "
    "over); bytes and the paths asked from the host are listed."
)


def write_benchmarks(section: str) -> None:
    if BENCHMARKS.is_file():
        text = BENCHMARKS.read_text(encoding="utf-8")
        if text.count(BEGIN) != 1 or text.count(END) != 1:
            raise SystemExit(f"{BENCHMARKS.name} must hold the markers {BEGIN!r} and {END!r} once each")
        head, rest = text.split(BEGIN)
        _, tail = rest.split(END)
        text = head + section.rstrip("\n") + tail
    else:
        text = "# Benchmarks\n\n" + section
    BENCHMARKS.write_text(text, encoding="utf-8")


# -------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each measurement (at least 5; default 7)")
    parser.add_argument("--clicks", type=int, default=30, help="“Volgende” clicks per run (default 30)")
    parser.add_argument("--site", type=Path, help="an already built site (skips the build)")
    parser.add_argument("--latency-ms", type=float, default=0, help="delay every response, as a slower network would")
    parser.add_argument("--real-runs", type=int, default=3,
                        help="runs on the real-link profile (10 Mbit/s shared, 40 ms per response; default 3, 0 skips it)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (default 3, 0 skips it)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.real_runs < 0:
        parser.error("--runs must be at least 1 (the targets are judged on 5 or more), --real-runs at least 0")

    with tempfile.TemporaryDirectory(prefix="mdx-bench-") as scratch:
        site = args.site or Path(scratch) / "site"
        if args.site is None:
            build_site(site)
        stock = Path(scratch) / "stock"
        stock_site(stock)
        load_at_start = load_average()
        results: dict[str, Samples] = collections.defaultdict(Samples)
        # Localhost: no bottleneck, only the optional delay before each response.
        localhost = Bottleneck(math.inf, args.latency_ms / 1000) if args.latency_ms else None
        with (
            hosting(site, localhost) as (base, host),
            hosting(stock, localhost) as (stock_base, _),
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            chromium = browser.version
            browser.close()
            # One untimed round first: the OS file cache settles.
            measure_stock(playwright, stock_base, collections.defaultdict(Samples))
            for run in range(args.runs):
                path = CHECK_PAGES[run % len(CHECK_PAGES)]
                measure_ours(playwright, base, path, results, args.clicks, seed=run + 1, site=site)
                measure_stock(playwright, stock_base, results)
                print(
                    f"run {run + 1}/{args.runs} /{path}: question {results['question cold'].values[-1]:.0f} ms, "
                    f"ready cold {results['ready cold'].values[-1]:.0f} / warm {results['ready warm'].values[-1]:.0f} ms; "
                    f"stock cold {results['stock cold'].values[-1]:.0f} / warm {results['stock warm'].values[-1]:.0f} ms",
                    file=sys.stderr,
                )
            sizes = {
                "content": measure_bytes(playwright, base, host, CONTENT_PAGE),
                "check": measure_bytes(playwright, base, host, CHECK_PAGES[0]),
            }
            real = measure_real_link(playwright, site, stock, Path(scratch), args.real_runs) if args.real_runs else None
        lighthouse = measure_lighthouse(site, args.lighthouse_runs) if args.lighthouse_runs else None
    described = machine()
    described["Chromium"] = f"{chromium} (headless, the system package, driven by Playwright)"
    described["Load average (1, 5, 15 min) at start / end"] = f"{load_at_start} / {load_average()}"
    options = f" (`--latency-ms {args.latency_ms:g}`)" if args.latency_ms else ""
    how = HOW.format(runs=args.runs, clicks=args.clicks, content=CONTENT_PAGE, check=CHECK_PAGES[0])
    section = report(results, sizes, {"options": options, "how": how, "machine": described}, real, lighthouse)
    print(section)
    if not args.no_write:
        write_benchmarks(section)
        print(f"Written to {BENCHMARKS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
