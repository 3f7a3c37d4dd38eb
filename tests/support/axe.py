"""axe-core in the page under test, for the accessibility tests.

axe-core is the pinned npm devDependency in node_modules (`make test` installs
it). It is loaded as a Playwright init script (``install``), which the browser
runs through the DevTools protocol in every new document of the context,
before the page's own scripts; ``inject`` does the same for a page that is
already open. Neither is governed by the page's Content-Security-Policy, so
the site is audited exactly as a visitor gets it, CSP included: no
``bypass_csp`` context, no inline <script> that the CSP would (rightly) block,
and nothing of axe in what the site ships.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page

ROOT = Path(__file__).resolve().parents[2]
AXE_PACKAGE = ROOT / "node_modules" / "axe-core"
AXE_SCRIPT = AXE_PACKAGE / "axe.min.js"

# WCAG 2.0, 2.1 and 2.2, levels A and AA: what Dutch public-sector sites are
# held to. (axe tags the 2.2 A criteria it tests as wcag2a or wcag21a.)
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")


@functools.cache
def axe_source() -> str:
    if not AXE_SCRIPT.is_file():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `make deps` (or `npm ci`) to install axe-core.")
    return AXE_SCRIPT.read_text(encoding="utf-8")


@functools.cache
def axe_version() -> str:
    """The version the project's package.json pins: the one that must run."""
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
    return str(pinned)


def install(context: BrowserContext) -> None:
    """axe-core in every page the context opens from now on."""
    axe_source()  # a clear error if node_modules lacks it
    context.add_init_script(path=str(AXE_SCRIPT))


def inject(page: Page) -> None:
    """axe-core in a page opened without ``install`` (once per document)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())


def violations(page: Page, *, include: str | None = None) -> list[dict[str, Any]]:
    """axe's WCAG 2.x A/AA violations on the page as it is now.

    ``include``: a CSS selector to limit the report to one part of the page
    (the rules still see the whole document, e.g. for colour contrast)."""
    inject(page)
    result = page.evaluate(
        """async ([tags, include]) => {
            const result = await axe.run(include ? { include: [include] } : document, {
                runOnly: { type: "tag", values: tags },
                resultTypes: ["violations"],
            });
            return {
                version: axe.version,
                violations: result.violations.map((v) => ({
                    id: v.id,
                    impact: v.impact,
                    help: v.help,
                    helpUrl: v.helpUrl,
                    nodes: v.nodes.map((n) => ({
                        target: n.target.map(String).join(" >> "),
                        html: n.html,
                        summary: n.failureSummary,
                    })),
                })),
            };
        }""",
        [list(WCAG_TAGS), include],
    )
    if result["version"] != axe_version():
        raise RuntimeError(f"axe-core {result['version']} ran in {page.url}, not the pinned {axe_version()}")
    found: list[dict[str, Any]] = result["violations"]
    return found


def describe(where: str, found: list[dict[str, Any]]) -> str:
    """A readable report: where, each rule with its help text, each node."""
    lines = [f"{where}:"]
    for violation in found:
        lines.append(f"  [{violation['id']}] ({violation['impact']}) {violation['help']} - {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    - {node['target']}")
            lines.append(f"      {node['html'][:200]}")
            for line in (node["summary"] or "").splitlines():
                lines.append(f"      {line.strip()}")
    return "\n".join(lines)
