"""The HTML pages as a person sees them: opened in a real headless browser (Debian's chromium).

Playwright drives the system's ``/usr/bin/chromium`` (never a browser it downloads); one
browser serves the whole session. Each page must load with no console error and no request
but its own file, show the charts with the values of the JSON it came from, and give a
screenshot that is not blank. Skipped only when chromium is not installed (``.ci/run``
installs it).
"""

from __future__ import annotations

import io
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, sync_playwright

from gapscan.batch.output import Outcome, page_name, report_names, summarize
from gapscan.batch.page import index_html
from gapscan.batch.summary import cohort, cohort_dict
from gapscan.report.html import area_names, render_report
from gapscan.report.serialize import report_dict, taxonomy_info
from gapscan.scanner import Scanner

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does)"
)
# No sandbox as root; nothing in the background that could reach the network.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
RESUMES = ("alex-rivera.pdf", "jordan-lee.txt", "priya-natarajan.pdf")
POSTING = SAMPLES / "postings" / "ai-architect.txt"


@dataclass
class Pages:
    """The pages written for the session, and the data each came from."""

    folder: Path
    report: dict[str, Any]  # the JSON report behind report.html
    cohort: dict[str, Any]  # cohort.json behind index.html
    outcomes: list[Outcome] = field(default_factory=list)


@pytest.fixture(scope="session")
def pages(scanner: Scanner, tmp_path_factory: pytest.TempPathFactory) -> Pages:
    """A report page and a batch's index with its candidates' pages, as a batch lays them out."""
    folder = tmp_path_factory.mktemp("pages")
    taxonomy = scanner.taxonomy
    areas = area_names(taxonomy)
    posting = scanner.prepare(POSTING)
    names = report_names(list(RESUMES))
    outcomes, first = [], None
    for rel in RESUMES:
        data = report_dict(scanner.assess(scanner.read(SAMPLES / "resumes" / rel, posting=False),
                                          posting), taxonomy)  # fmt: skip
        first = first or data
        page = folder / page_name(names[rel])
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(render_report(data, areas), encoding="utf-8")
        outcomes.append(summarize(rel, names[rel], data))
    assert first is not None
    (folder / "report.html").write_text(render_report(first, areas), encoding="utf-8")
    source = {"source": posting.label, "sha256": posting.profile.document.sha256}
    view = cohort_dict(cohort(outcomes), source, taxonomy_info(taxonomy))
    (folder / "index.html").write_text(index_html(outcomes, view), encoding="utf-8")
    return Pages(folder, first, view, outcomes)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """One chromium for the session, with a fresh profile."""
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            args=ARGS,
            headless=True,
            viewport={"width": 1100, "height": 900},
        )
        yield context
        context.close()


@dataclass
class Opened:
    page: Page
    requests: list[str]
    errors: list[str]


@pytest.fixture()
def open_page(browser: BrowserContext) -> Iterator[Any]:
    """Open a file in a new tab, recording every request and every console error."""
    tabs: list[Page] = []

    def opener(path: Path) -> Opened:
        page = browser.new_page()
        tabs.append(page)
        opened = Opened(page, [], [])

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                opened.errors.append(message.text)

        def on_request(request: Request) -> None:
            opened.requests.append(request.url)

        page.on("console", on_console)
        page.on("pageerror", lambda exc: opened.errors.append(str(exc)))
        page.on("request", on_request)
        page.goto(path.as_uri(), wait_until="load")
        return opened

    yield opener
    for tab in tabs:
        tab.close()


def distinct_colours(png: bytes) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return len(image.getcolors(maxcolors=1 << 24) or ())


def area_counts(data: dict[str, Any]) -> dict[tuple[str, str], dict[str, int]]:
    """Requirements by (area of the first skill, importance), counted from the JSON itself."""
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for status in ("matched", "partial", "missing"):
        for gap in data[status]:
            key = (gap["skills"][0]["area"], gap["importance"])
            counts.setdefault(key, {"matched": 0, "partial": 0, "missing": 0})[status] += 1
    return counts


def open_alone(open_page: Any, path: Path) -> Opened:
    """Open ``path``, which must load with no console error and no request but its own."""
    opened: Opened = open_page(path)
    assert opened.errors == []
    assert opened.requests == [path.as_uri()]
    return opened


def test_report_page_loads_alone_and_shows_the_json(pages: Pages, open_page: Any) -> None:
    opened = open_alone(open_page, pages.folder / "report.html")
    page, data = opened.page, pages.report
    assert page.text_content("#gauge-value") == f"{data['score']['value']:g}"
    assert page.text_content("#verdict") == data["summary"]["verdict"]
    assert page.locator("#answer h2").is_visible()
    shown = page.eval_on_selector_all(
        "#areas tr[data-area] svg.bar",
        """bars => bars.map(b => ({
            area: b.closest('tr').dataset.area, importance: b.dataset.importance,
            matched: +b.dataset.matched, partial: +b.dataset.partial, missing: +b.dataset.missing,
            label: b.nextElementSibling.textContent,
            widths: [...b.querySelectorAll('rect[data-count]')].map(
                r => r.getBBox().width / +r.dataset.count)}))""",
    )
    expected = area_counts(data)
    assert {(b["area"], b["importance"]): {k: b[k] for k in ("matched", "partial", "missing")}
            for b in shown} == expected  # fmt: skip
    for b in shown:
        assert (
            b["label"]
            == f"{b['matched']} matched · {b['partial']} partial · {b['missing']} missing"
        )
    unit = {round(w, 3) for b in shown for w in b["widths"]}
    assert len(unit) == 1  # every bar on one scale: a requirement is the same length everywhere
    assert page.locator("ol.timeline > li").count() == len(data["learning_plan"])
    assert page.locator("ol.timeline > li.start").count() == len(data["summary"]["start_here"])
    assert page.locator("#gaps tbody tr").count() == len(data["missing"]) + len(data["partial"])
    assert page.locator("#matched tbody tr").count() == len(data["matched"])
    assert page.locator("#matched mark").count() >= len(data["matched"])
    png = page.screenshot()  # the first screen: the answer, then the coverage chart
    assert distinct_colours(png) > 200
    pdf = page.pdf(format="A4", print_background=True)  # as the browser prints it
    assert pdf.startswith(b"%PDF-") and pdf.count(b"/Type /Page\n") > 3


def test_index_page_shows_the_cohort_and_links_each_report(pages: Pages, open_page: Any) -> None:
    opened = open_alone(open_page, pages.folder / "index.html")
    page, view = opened.page, pages.cohort
    assert page.locator("table.candidates tbody tr").count() == len(pages.outcomes)
    scores = page.eval_on_selector_all(
        "table.candidates tbody td[data-column=score]", "cells => cells.map(c => c.textContent)"
    )
    assert scores == sorted(scores, key=float, reverse=True)
    # the heatmap: one column per requirement, its ✗ cells the cohort's "missing" count
    columns = page.eval_on_selector_all(
        "table.heatmap tbody tr",
        "rows => rows.map(r => [...r.querySelectorAll('td.cell')].map(c => c.textContent))",
    )
    assert len(columns) == view["candidates_assessed"]
    for i, req in enumerate(view["requirements"]):
        symbols = Counter(row[i] for row in columns)
        assert (symbols["✗"], symbols["½"], symbols["✓"]) == (
            req["missing"], req["partial"], req["matched"]
        ), req["name"]  # fmt: skip
    bars = page.eval_on_selector_all(
        "#train-or-hire svg.bar",
        "bars => bars.map(b => [+b.dataset.missing, +b.dataset.partial, +b.dataset.matched])",
    )
    assert bars == [[r["missing"], r["partial"], r["matched"]] for r in view["requirements"]]
    links = page.eval_on_selector_all("table.candidates a", "links => links.map(a => a.href)")
    assert len(links) == len(pages.outcomes)
    page.click("table.candidates a >> nth=0")
    page.wait_for_load_state("load")
    assert page.text_content("#gauge-value") == scores[0]
    assert opened.errors == []
    assert all(url.startswith("file://") for url in opened.requests)
    page.go_back()
    png = page.screenshot()
    assert distinct_colours(png) > 100
    page.emulate_media(media="print")  # a printed heatmap is not cut at the page's width
    assert page.eval_on_selector(".scroll", "e => getComputedStyle(e).overflowX") == "visible"
