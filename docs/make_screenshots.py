"""Regenerate the README's screenshots: docs/report.png and docs/batch-index.png.

Runs the README's commands on the bundled samples (``gapscan ... --format html`` and
``gapscan batch``) in a temporary folder, then photographs the first screen of each page in
the system's headless chromium (Playwright, never a downloaded browser):

    .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GAPSCAN = [sys.executable, "-m", "gapscan"]
# as in tests/test_browser.py: no sandbox as root, nothing in the background
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
WIDTH, HEIGHT = 1100, 1500


def make_pages(work: Path) -> tuple[Path, Path]:
    """The sample report and the sample batch's index, made by the README's commands."""
    report, reports = work / "report.html", work / "reports"
    posting = "samples/postings/ai-architect.txt"  # relative: the pages show paths as given
    scan = [*GAPSCAN, "samples/resumes/alex-rivera.pdf", posting, "--format", "html"]
    subprocess.run([*scan, "-o", str(report)], cwd=ROOT, check=True)
    batch = [*GAPSCAN, "batch", "samples/resumes/", posting, "-o", str(reports), "--quiet"]
    subprocess.run(batch, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return report, reports / "index.html"


def main() -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium is not installed: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp:
        report, index = make_pages(Path(tmp))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            for source, target in ((report, "report.png"), (index, "batch-index.png")):
                page.goto(source.as_uri(), wait_until="load")
                page.screenshot(path=str(DOCS / target))
                print(f"wrote docs/{target}")
            browser.close()


if __name__ == "__main__":
    main()
