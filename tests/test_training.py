"""Ready for training sessions (issue 5): stable published addresses, redirects
for moved pages and aliases, and the trainers' page with a QR code per topic
that decodes (zxing-cpp) to that topic's address."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import zxingcpp
from playwright.sync_api import Page

from tests.support import png
from tests.support.browser import PageWatch
from tests.support.dom import Attr, Css
from tests.support.site import (
    canonical,
    config,
    is_redirect,
    nav_addresses,
    nav_groups,
    page_file,
    published_addresses,
)

TRAINERS = "/trainers/"


# One profile for this file's browser tests (tests/conftest.py's shared_profile):
# a redirect is judged on a first visit (no service worker controls it either
# way), and the trainers' page on its markup and print styles.
@pytest.fixture
def page(shared_tab: Page) -> Page:
    return shared_tab


@pytest.fixture
def watch(shared_watch: PageWatch) -> PageWatch:
    return shared_watch


def resolve(site_dir: Path, address: str, hops: int = 0) -> tuple[str, str]:
    """Follow an address through redirect pages to a content page; returns (address, fragment)."""
    path = page_file(site_dir, address)
    assert path.is_file(), f"{address} does not resolve: {path} is missing"
    html = path.read_text(encoding="utf-8")
    if not is_redirect(html):
        return address, ""
    assert hops < 5, f"{address}: redirect loop"
    target = canonical(html)
    assert target, f"{address}: redirect page without a target"
    absolute = urljoin("http://site" + address, target)
    parts = urlsplit(absolute)
    assert parts.netloc == "site", f"{address} redirects off the site, to {target}"
    final, _ = resolve(site_dir, parts.path, hops + 1)
    return final, parts.fragment


# --- Published addresses ----------------------------------------------------


def test_the_published_list_is_not_empty_and_has_no_duplicates() -> None:
    addresses = published_addresses()
    assert len(addresses) >= 20
    assert len(addresses) == len(set(addresses)), "published-addresses.txt lists an address twice"
    bad = [a for a in addresses if not re.fullmatch(r"/([a-z0-9-]+/)*", a)]
    assert not bad, f"not in the form /path/: {bad}"


@pytest.mark.parametrize("address", published_addresses())
def test_every_published_address_resolves(site_dir: Path, address: str) -> None:
    final, fragment = resolve(site_dir, address)
    html = page_file(site_dir, final).read_text(encoding="utf-8")
    if fragment:
        assert f'id="{fragment}"' in html, f"{address} redirects to {final}#{fragment}, which has no such anchor"


def test_every_topic_is_published() -> None:
    """A new page must be added to the list, so it is protected once printed."""
    missing = [a for a in nav_addresses() if a not in published_addresses()]
    assert not missing, f"add these to published-addresses.txt: {missing}"


def test_every_redirect_is_published() -> None:
    redirects = config().plugins["redirects"].config["redirect_maps"]
    aliases = ["/" + old.removesuffix(".md").removesuffix("index").rstrip("/") + "/" for old in redirects]
    assert aliases, "no redirects configured"
    missing = [a for a in aliases if a not in published_addresses()]
    assert not missing, f"add these redirect addresses to published-addresses.txt: {missing}"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("alias", "target"),
    [
        ("/faq/", "/veelgestelde-vragen/"),
        ("/stappen/", "/meldcode/"),
        ("/privacy/", "/over/#privacy"),
        # The visitor's fragment goes along, unless the target has its own.
        ("/faq/#vraag", "/veelgestelde-vragen/#vraag"),
        ("/privacy/#x", "/over/#privacy"),
    ],
)
def test_a_redirect_works_in_chromium_under_the_csp(
    page: Page, watch: PageWatch, base_url: str, alias: str, target: str
) -> None:
    page.goto(urljoin(base_url, alias.lstrip("/")))
    page.wait_for_url(urljoin(base_url, target.lstrip("/")))
    page.wait_for_load_state("load")
    assert page.locator("h1").count() == 1
    assert not watch.csp_violations(), watch.csp_violations()
    assert not watch.errors, watch.errors


def test_a_redirect_also_works_without_javascript(site_dir: Path) -> None:
    html = page_file(site_dir, "/faq/").read_text(encoding="utf-8")
    assert re.search(r'http-equiv="refresh" content="0; url=\.\./veelgestelde-vragen/"', html)


def test_every_forwarding_page_is_dutch(site_dir: Path) -> None:
    redirects = config().plugins["redirects"].config["redirect_maps"]
    for old in redirects:
        address = "/" + old.removesuffix(".md").removesuffix("index").rstrip("/") + "/"
        html = page_file(site_dir, address).read_text(encoding="utf-8")
        assert '<html lang="nl">' in html, address
        title = re.search(r"<title>(.*?)</title>", html)
        assert title and "verhuisd" in title[1], f"{address}: title {title and title[1]!r}"
        assert "Redirecting" not in html and "redirected" not in html, address
        assert "Ga dan naar" in html, address


# --- The trainers' page -------------------------------------------------------


def trainer_items(page: Page) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        f".{Css.ADDRESSES_ITEM}",
        f"""items => items.map(item => ({{
            href: item.querySelector("a").href,
            title: item.querySelector("a").textContent.trim(),
            address: item.querySelector(".{Css.ADDRESSES_ADDRESS}").textContent.trim(),
            label: item.querySelector("svg").getAttribute("aria-label"),
            cls: item.querySelector("svg").getAttribute("class"),
        }}))""",
    )


def test_the_trainers_page_is_in_the_nav_at_an_address_with_trainers() -> None:
    assert TRAINERS in nav_addresses()


def test_qr_codes_are_inline_svg_made_at_build_time(site_dir: Path) -> None:
    html = page_file(site_dir, TRAINERS).read_text(encoding="utf-8")
    svgs = re.findall(r"<svg\b[^>]*>", html[html.index(f'class="{Css.ADDRESSES}"') :])
    qr = [tag for tag in svgs if Css.QR in tag]
    assert len(qr) == len(nav_addresses()) - 1
    for tag in qr:
        assert 'role="img"' in tag and 'aria-label="QR-code voor /' in tag, tag
        assert "style=" not in tag, "the CSP blocks inline styles"
    section = html[html.index(f'class="{Css.ADDRESSES}"') :]
    assert " style=" not in section[: section.index("</ol>")]
    assert "<img" not in section[: section.index("</ol>")], "QR codes must be inline, not fetched"


@pytest.mark.browser
def test_one_qr_code_per_topic_each_decoding_to_its_address(
    page: Page, watch: PageWatch, base_url: str, site_dir: Path
) -> None:
    site_url = config().site_url
    assert site_url
    page.goto(urljoin(base_url, TRAINERS.lstrip("/")))
    items = trainer_items(page)
    topics = [a for _, addresses in expected_groups() for a in addresses]
    assert sorted(topics) == sorted(a for a in nav_addresses() if a != TRAINERS)
    linked = ["/" + urlsplit(item["href"]).path.removeprefix(urlsplit(base_url).path) for item in items]
    assert linked == topics, "the overview must list every topic once, grouped by nav section, in nav order"

    codes = page.locator(".mdx-addresses__item svg")
    assert codes.count() == len(topics)
    for index, (item, address) in enumerate(zip(items, topics)):
        assert "qr" in item["cls"] and "qr" in item["label"].lower()
        assert item["label"] == f"QR-code voor {address}"
        grey = png.decode(codes.nth(index).screenshot())
        found = zxingcpp.read_barcodes(grey.view(), formats=zxingcpp.BarcodeFormat.QRCode)
        assert len(found) == 1, f"{address}: {len(found)} QR codes decoded"
        decoded = found[0].text
        expected = canonical(page_file(site_dir, address).read_text(encoding="utf-8"))
        assert decoded == expected, f"QR for {address} decodes to {decoded!r}, the page is {expected!r}"
        assert decoded == urljoin(site_url, address.lstrip("/"))
        assert item["address"] == decoded.removeprefix("https://").removeprefix("http://")
    # Inline SVG with presentation attributes only: nothing the policy blocks.
    assert not watch.csp_violations(), watch.csp_violations()


def expected_groups() -> list[tuple[str, list[str]]]:
    """The overview's groups: the pages outside any nav section first, then each section."""
    sections = nav_groups()
    loose = [a for title, addresses in sections if title is None for a in addresses if a != TRAINERS]
    named = [(title, [a for a in addresses if a != TRAINERS]) for title, addresses in sections if title is not None]
    return [(group, addresses) for group, addresses in [("Onderwerpen", loose), *named] if addresses]


def test_the_overview_has_one_group_per_nav_section(site_dir: Path) -> None:
    html = page_file(site_dir, TRAINERS).read_text(encoding="utf-8")
    headings = re.findall(rf'<h3 id="qr-[a-z0-9-]+" class="{Css.ADDRESSES_HEADING}">([^<]+)</h3>', html)
    assert headings == [title for title, _ in expected_groups()]
    assert len(headings) >= 3, "the pages outside sections, De meldcode and Oefenen at least"


@pytest.mark.browser
def test_each_group_of_the_handout_prints_on_its_own_sheet_and_no_qr_code_is_split(page: Page, base_url: str) -> None:
    """Each group starts a new sheet (CSS), so as many sheets as groups means
    no group runs over onto a second sheet, and no QR code is cut in two."""
    page.goto(urljoin(base_url, TRAINERS.lstrip("/")))
    groups = page.locator(f".{Css.ADDRESSES_GROUP}")
    assert groups.count() == len(expected_groups())
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper)
        sheets = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        assert sheets == groups.count(), f"the handout takes {sheets} sheets of {paper} for {groups.count()} groups"
    page.emulate_media(media="print")
    breaks = groups.evaluate_all("gs => gs.map(g => getComputedStyle(g).breakBefore)")
    assert breaks == ["auto"] + ["page"] * (len(breaks) - 1), breaks
    kept = page.locator(f".{Css.ADDRESSES_ITEM}").evaluate_all("items => items.map(i => getComputedStyle(i).breakInside)")
    assert set(kept) == {"avoid"}, "a QR code must never be split across sheets"
    page.emulate_media(media="null")


# --- The build steps behind it, in plain Python --------------------------------


def test_topics_leave_out_the_page_itself_and_link_relative_to_it() -> None:
    from sitebuild import addresses

    pages = [("Home", ""), ("Signalen", "signalen/"), ("Voor trainers", "trainers/"), ("Stap 1", "meldcode/stap-1/")]
    topics = addresses.topics(pages, site_url="https://example.org/mcw", here="trainers/")
    assert [t.href for t in topics] == ["../", "../signalen/", "../meldcode/stap-1/"]
    assert [t.url for t in topics] == [
        "https://example.org/mcw/",
        "https://example.org/mcw/signalen/",
        "https://example.org/mcw/meldcode/stap-1/",
    ]
    assert topics[1].address == "example.org/mcw/signalen/"


def test_groups_put_loose_pages_first_then_each_section() -> None:
    from sitebuild import addresses

    sections = [
        (None, [("Home", "")]),
        ("De meldcode", [("Stap 1", "meldcode/stap-1/")]),
        (None, [("Voor trainers", "trainers/")]),
        ("Oefenen", [("Oefenen", "oefenen/"), ("Casus", "oefenen/a/")]),
        ("Leeg", [("Voor trainers", "trainers/")]),
    ]
    groups = addresses.groups(sections, site_url="https://example.org/", here="trainers/")
    assert [(g.title, [t.path for t in g.topics]) for g in groups] == [
        ("Onderwerpen", [""]),
        ("De meldcode", ["meldcode/stap-1/"]),
        ("Oefenen", ["oefenen/", "oefenen/a/"]),
    ], "the page itself is left out, and a group left empty by that is dropped"
    assert groups[1].id == "qr-de-meldcode"


@pytest.mark.parametrize("site_url", [None, "", "/", "meldcodewijzer.nl"])
def test_qr_codes_need_an_absolute_site_url(site_url: str | None) -> None:
    from sitebuild import addresses

    with pytest.raises(ValueError, match="site_url"):
        addresses.topics([("Home", "")], site_url=site_url, here="trainers/")


def test_a_qr_svg_has_a_label_and_no_style() -> None:
    from sitebuild import addresses

    svg = addresses.qr_svg("https://meldcodewijzer.nl/signalen/", "QR-code voor /signalen/")
    assert svg.startswith('<svg role="img" aria-label="QR-code voor /signalen/"')
    assert f'class="{Css.QR}"' in svg and "style" not in svg and "<?xml" not in svg


def test_links_get_the_address_to_print() -> None:
    from sitebuild import printlinks

    html = (
        '<a href="../kindcheck/">a</a><a class="x" href="https://veiligthuis.nl">b</a>'
        '<a href="#kop">c</a><a href="tel:112">d</a><a href="./#kop">e</a>'
    )
    out = printlinks.annotate(html, page_url="signalen/", site_url="https://meldcodewijzer.nl/")
    assert f'<a href="../kindcheck/" {Attr.PRINT_HREF}="meldcodewijzer.nl/kindcheck/">' in out
    assert f'<a class="x" href="https://veiligthuis.nl" {Attr.PRINT_HREF}="https://veiligthuis.nl">' in out
    assert '<a href="#kop">c</a>' in out and '<a href="tel:112">d</a>' in out
    assert f'{Attr.PRINT_HREF}="meldcodewijzer.nl/signalen/#kop"' in out
    assert printlinks.annotate(out, page_url="signalen/", site_url="https://meldcodewijzer.nl/") == out


# The width of the printed content on A4 with the print stylesheet's 1.5 cm
# margins, in CSS pixels (96 per inch): 18 cm.
A4_CONTENT_PX = round(18 / 2.54 * 96)

ADDRESS_LINES = f"""() => [...document.querySelectorAll(".{Css.ADDRESSES_ADDRESS}")].map((el) => {{
  const range = document.createRange();
  range.selectNodeContents(el);
  const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
  const box = el.getBoundingClientRect(), item = el.closest(".{Css.ADDRESSES_ITEM}").getBoundingClientRect();
  return {{ address: el.textContent.trim(), lines: tops.size, inside: box.left >= item.left - 0.5 && box.right <= item.right + 0.5 }};
}})"""


@pytest.mark.browser
def test_a_printed_address_stays_on_one_line(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1000})
    page.emulate_media(media="print")
    page.goto(urljoin(base_url, TRAINERS.lstrip("/")))
    addresses = page.evaluate(ADDRESS_LINES)
    assert len(addresses) == len(nav_addresses()) - 1
    broken = [a for a in addresses if a["lines"] != 1 or not a["inside"]]
    assert broken == [], broken
