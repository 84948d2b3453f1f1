"""Render the bundled sample resumes to PDF.

The three sample resumes used by gapscan's demos and tests are kept here as
plain Python data and drawn with fpdf2 into ``samples/resumes/``:

* ``alex-rivera.pdf``      - single column, two pages
* ``priya-natarajan.pdf``  - two columns (narrow left sidebar, wide right column), one page
* ``sam-okafor.pdf``       - single column, one page, skills in a bordered table

Run it from anywhere, with no arguments::

    pip install fpdf2        # dev-only dependency
    python samples/make_samples.py

The output is deterministic: the creation date and all metadata are fixed,
so running the script twice gives byte-identical files (with the same fpdf2
version). Only fpdf2's built-in core fonts (Helvetica) are used, so every
string below must be latin-1: plain "-" for bullets, plain quotes.

Line conventions inside a section:

* ``"# Title || Dates"`` - a bold entry heading; the part after ``||`` is
  printed right-aligned on the same line.
* ``"- text"``           - a bullet point with a hanging indent.
* ``"Label: text"``      - when the section sets ``labels=True``, the label
  before the first colon is printed in bold.
* anything else         - a plain paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

HERE = Path(__file__).resolve().parent
OUT_DIR = HERE / "resumes"

CREATION_DATE = datetime(2026, 1, 1, tzinfo=UTC)
CREATOR = "gapscan samples/make_samples.py"
PRODUCER = "fpdf2"


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One titled block of a resume."""

    title: str
    lines: tuple[str, ...] = ()
    labels: bool = False
    # Table rows (the first row is the heading row); used instead of lines.
    table: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Resume:
    """A resume: a header and its sections.

    A single-column resume uses ``sections``; a two-column resume puts the
    sidebar in ``left`` and the main column in ``sections``.
    """

    slug: str
    name: str
    headline: str
    contact: tuple[str, ...]
    sections: tuple[Section, ...]
    left: tuple[Section, ...] = field(default=())


ALEX = Resume(
    slug="alex-rivera",
    name="Alex Rivera",
    headline="Senior Machine Learning Engineer",
    contact=(
        "Seattle, WA",
        "alex.rivera@example.com",
        "(206) 555-0182",
        "example.com/in/alex-rivera",
    ),
    sections=(
        Section(
            "Summary",
            (
                "Machine learning engineer with nine years of experience taking models from "
                "notebook to production, most recently leading NLP work on clinical text. I "
                "have fine-tuned large language models, built the training and deployment "
                "workflow my company runs on AWS, and written the design documents that "
                "explain those choices to security and clinical reviewers. I am now looking "
                "for an AI architect role where I can shape how a whole organization builds "
                "and governs its models.",
            ),
        ),
        Section(
            "Skills",
            (
                "Languages: Python (expert), SQL, Bash, some C++",
                "Machine learning: PyTorch, Hugging Face Transformers, scikit-learn, XGBoost, "
                "pandas, NumPy",
                "NLP and LLMs: named entity recognition, text classification, summarization, "
                "LLM fine-tuning (LoRA, QLoRA), prompt engineering, evaluation harnesses",
                "Cloud: AWS (SageMaker, S3, EC2, Lambda, Step Functions, Redshift, IAM)",
                "MLOps: MLflow, Docker, GitHub Actions, model monitoring, feature pipelines",
                "Data: PostgreSQL, Amazon Redshift, Parquet, Airflow (basic)",
                "Ways of working: technical writing, mentoring, design reviews, presenting to "
                "non-technical stakeholders",
            ),
            labels=True,
        ),
        Section(
            "Experience",
            (
                "# Senior Machine Learning Engineer, Harborlight Health, Seattle, WA "
                "|| Jan 2021 - Present",
                "- Lead a team of four engineers building NLP models that extract diagnoses, "
                "medications and follow-up actions from clinical notes; raised entity-level F1 "
                "from 0.81 to 0.90 over two years.",
                "- Fine-tuned open-weight large language models (7B to 13B parameters) with "
                "LoRA on 40,000 annotated notes using PyTorch and Hugging Face; the resulting "
                "discharge-summary drafts cut clinician review time by 35%.",
                "- Designed the training and deployment workflow on AWS SageMaker: scheduled "
                "training jobs, a model registry with approval gates, and autoscaling "
                "real-time endpoints.",
                "- Introduced MLflow for experiment tracking across three teams, so that every "
                "production model links back to its data snapshot, code commit and "
                "evaluation report.",
                "- Packaged inference services as Docker images with a shared base image; p95 "
                "latency stayed under 120 ms at peak load.",
                "- Wrote the architecture proposals for our first generative AI features and "
                "presented them to clinical leadership, legal and the security review board.",
                "- Built an offline evaluation suite for LLM outputs (factual consistency, "
                "omission rate, reviewer agreement) that now gates every model release.",
                "# Machine Learning Engineer, Copperleaf Analytics, Portland, OR "
                "|| Jul 2017 - Dec 2020",
                "- Built churn prediction and demand forecasting models with scikit-learn and "
                "XGBoost for eleven retail clients.",
                "- Moved nightly batch scoring from cron scripts on a single EC2 host to AWS "
                "Step Functions and Lambda, cutting compute cost by 40% and removing the "
                "weekend on-call burden.",
                "- Wrote data preparation pipelines in Python and SQL over PostgreSQL and "
                "Amazon Redshift, processing roughly 300 GB of transactions per week.",
                "- Designed and analyzed A/B tests for a product recommendation widget that "
                "raised add-to-cart rate by 6%.",
                "- Trained a text classifier for customer support tickets with a fine-tuned "
                "BERT model, routing 70% of tickets without manual triage.",
                "# Data Analyst, Millbrook Utilities, Tacoma, WA || Jun 2015 - Jun 2017",
                "- Wrote SQL reports and Python scripts that replaced a set of hand-maintained "
                "spreadsheets for outage reporting.",
                "- Built a first regression model for seasonal load forecasting, which "
                "became the team's baseline for the next three years.",
            ),
        ),
        Section(
            "Projects",
            (
                "# clinabbrev (open source) || 2022 - Present",
                "- A Python library that expands medical abbreviations in free text using a "
                "small fine-tuned transformer model; about 600 stars and contributors from "
                "four hospitals.",
                "# Talk: Fine-tuning language models on a modest budget || 2024",
                "- Presented at the Cascadia ML Meetup: profiling GPU memory, choosing LoRA "
                "ranks, and why evaluation design matters more than the optimizer.",
                "# Internal workshop series: Reading ML papers critically || 2023",
                "- Ran a six-session workshop for 30 engineers and product managers on "
                "judging claims in machine learning papers.",
            ),
        ),
        Section(
            "Education",
            (
                "# M.S. in Computer Science, Evergreen Ridge University || 2015",
                "Focus on machine learning and information retrieval. Thesis on weak "
                "supervision for entity recognition.",
                "# B.S. in Mathematics, Evergreen Ridge University || 2013",
            ),
        ),
        Section(
            "Certifications",
            (
                "- AWS Certified Machine Learning - Specialty, 2022",
                "- AWS Certified Solutions Architect - Associate, 2020",
                "- Deep Learning Specialization (online course series), 2018",
            ),
        ),
    ),
)


PRIYA = Resume(
    slug="priya-natarajan",
    name="Priya Natarajan",
    headline="Data Engineer",
    contact=(
        "Jersey City, NJ",
        "priya.natarajan@example.com",
        "(201) 555-0164",
        "example.com/in/priya-natarajan",
    ),
    left=(
        Section(
            "Skills",
            (
                "Languages: Python, Scala, SQL, Go (basic)",
                "Processing: Apache Spark (PySpark, Spark SQL), Kafka, Kafka Streams",
                "Orchestration: Airflow, dbt",
                "Warehouses: Snowflake, Amazon Redshift, PostgreSQL",
                "AWS: S3, EMR, Glue, Lambda, Kinesis",
                "Practices: data modeling, data quality testing, CI/CD, code review",
                "Tools: Docker, Git, Great Expectations",
            ),
            labels=True,
        ),
        Section(
            "Certifications",
            (
                "- SnowPro Core Certification, 2023",
                "- AWS Certified Data Analytics - Specialty, 2021",
                "- Databricks Certified Data Engineer Associate, 2022",
            ),
        ),
        Section(
            "Education",
            (
                "B.E. in Computer Science",
                "Kaveri Institute of Technology, Chennai, 2016",
            ),
        ),
    ),
    sections=(
        Section(
            "Summary",
            (
                "Data engineer with eight years of experience building batch and streaming "
                "pipelines for payments and travel companies. I care about data people can "
                "trust: clear models, tested transformations and workflows that recover on "
                "their own. Happiest when a finance analyst stops keeping a private copy of "
                "the numbers.",
            ),
        ),
        Section(
            "Experience",
            (
                "# Senior Data Engineer, Larkspur Payments || 2021 - Present",
                "- Designed a streaming pipeline with Kafka and Spark Structured Streaming "
                "that scores 25,000 card transactions per second for fraud features.",
                "- Migrated 180 legacy SQL jobs into dbt models on Snowflake with tests and "
                "documentation; cut warehouse spend by 30%.",
                "- Own the Airflow deployment (400+ DAGs): introduced SLAs, data quality "
                "checks and automatic backfills.",
                "- Defined the dimensional data model for settlement reporting used by "
                "finance, risk and compliance.",
                "- Built a change data capture feed from PostgreSQL into Snowflake, replacing "
                "full nightly reloads with fifteen-minute freshness.",
                "- Mentor three engineers and lead our design review meeting.",
                "# Data Engineer, Bluefinch Travel || 2018 - 2021",
                "- Built Spark jobs in Scala on AWS EMR to process booking and search logs "
                "(5 TB per day) into a Redshift warehouse.",
                "- Wrote Python ingestion services for partner APIs with retry and "
                "schema-validation logic.",
                "- Set up Great Expectations suites that caught schema drift before it "
                "reached dashboards.",
                "- Rewrote the slowest Spark job (broadcast joins, partition pruning), bringing "
                "its run time from 3 hours to 40 minutes.",
                "# Junior Data Engineer, Sunmesh Retail Analytics || 2016 - 2018",
                "- Maintained nightly ETL workflows in Python and PostgreSQL for store sales "
                "data; reduced failed runs from weekly to rare.",
            ),
        ),
        Section(
            "Selected projects",
            (
                "- pipeline-lint: a small Python tool that checks Airflow DAG files for "
                "missing retries, owners and SLAs; used by two teams at Larkspur.",
                '- Speaker at a local data engineering meetup: "Testing dbt models without '
                'losing your weekend".',
            ),
        ),
    ),
)


SAM = Resume(
    slug="sam-okafor",
    name="Sam Okafor",
    headline="Junior Data Scientist",
    contact=(
        "Atlanta, GA",
        "sam.okafor@example.com",
        "(404) 555-0123",
        "example.com/in/sam-okafor",
    ),
    sections=(
        Section(
            "Summary",
            (
                "Data scientist with a statistics degree and eighteen months of industry "
                "experience in retail analytics. Comfortable taking a messy business "
                "question, finding the right data, and explaining the answer to people who "
                "do not read code. Looking to grow into experimentation and modeling work.",
            ),
        ),
        Section(
            "Skills",
            table=(
                ("Category", "Skills"),
                (
                    "Programming",
                    "Python (pandas, NumPy, scikit-learn), R (tidyverse, ggplot2), SQL",
                ),
                ("Statistics", "Hypothesis testing, regression, A/B testing, experimental design"),
                (
                    "Machine learning",
                    "Classification, clustering, model evaluation, cross-validation",
                ),
                ("Visualization", "Tableau, matplotlib, seaborn, Excel"),
                ("Tools", "Jupyter, Git, BigQuery"),
                (
                    "Communication",
                    "Stakeholder presentations, report writing, workshop facilitation",
                ),
            ),
        ),
        Section(
            "Experience",
            (
                "# Junior Data Scientist, Maplestone Retail, Atlanta, GA || Jul 2024 - Present",
                "- Analyze A/B tests for the online store, from sample size planning to the "
                "final readout; flagged two tests whose early wins did not hold up.",
                "- Built a customer segmentation with k-means in scikit-learn that the "
                "marketing team now uses to plan email campaigns.",
                "- Maintain five Tableau dashboards on weekly sales and returns, fed by SQL "
                "queries against the warehouse.",
                "- Present monthly findings to category managers and write short summaries "
                "for leadership.",
                "# Data Science Intern, Ridgeway Transit Authority, Atlanta, GA || "
                "May 2023 - Aug 2023",
                "- Modeled bus ridership with regression in R to support a route redesign; "
                "the final report was shared with the city council.",
                "- Cleaned three years of fare data in pandas and documented the workflow so "
                "the next intern could rerun it.",
            ),
        ),
        Section(
            "Projects",
            (
                "- Food-truck demand forecast: a seasonal model in R for a friend's business, "
                "with a simple Shiny app to view the forecast.",
                "- Open data volunteer: cleaned and published city tree-inventory data with a "
                "local civic tech group.",
            ),
        ),
        Section(
            "Education",
            (
                "# B.S. in Statistics, minor in Economics, Lakeshore State University || 2024",
                "Coursework: probability, linear models, Bayesian statistics, experimental "
                "design, machine learning.",
            ),
        ),
    ),
)


# ---------------------------------------------------------------------------
# Layout
# ---------------------------------------------------------------------------

MARGIN = 18.0  # mm
BODY_SIZE = 10.0
LINE_H = 4.8  # mm, body line height
BULLET_INDENT = 4.0  # mm
SIDEBAR_W = 58.0  # mm, left column of the two-column layout
GUTTER = 8.0  # mm, space between the two columns
ACCENT = (31, 78, 121)
SIDEBAR_FILL = (236, 240, 244)


def new_pdf(resume: Resume, auto_break: bool) -> FPDF:
    """A Letter-size document with fixed metadata, so output is reproducible."""
    pdf = FPDF(orientation="portrait", unit="mm", format="letter")
    pdf.set_creation_date(CREATION_DATE)
    pdf.set_title(f"Resume - {resume.name}")
    pdf.set_author(resume.name)
    pdf.set_subject(f"Sample resume: {resume.headline}")
    pdf.set_keywords("gapscan sample resume")
    pdf.set_creator(CREATOR)
    pdf.set_producer(PRODUCER)
    pdf.set_lang("en-US")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(auto_break, margin=MARGIN)
    pdf.add_page()
    return pdf


@contextmanager
def column(pdf: FPDF, x: float, width: float) -> Iterator[None]:
    """Temporarily narrow the page margins to one column starting at x."""
    old_left, old_right = pdf.l_margin, pdf.r_margin
    pdf.set_left_margin(x)
    pdf.set_right_margin(pdf.w - x - width)
    pdf.set_x(x)
    try:
        yield
    finally:
        pdf.set_left_margin(old_left)
        pdf.set_right_margin(old_right)


def render_header(pdf: FPDF, resume: Resume) -> None:
    """Name, headline and one contact line, across the full width."""
    pdf.set_text_color(*ACCENT)
    pdf.set_font("Helvetica", "B", 22)
    pdf.cell(0, 10, resume.name, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(0, 6, resume.headline, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5, " | ".join(resume.contact), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def render_heading(pdf: FPDF, title: str) -> None:
    """A section title in capitals with a rule under it."""
    pdf.ln(2)
    if pdf.will_page_break(6 + 3 * LINE_H):  # keep the title with its first lines
        pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 6, title.upper(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.3)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1.5)


def render_entry_heading(pdf: FPDF, text: str) -> None:
    """A bold entry title, with optional dates right-aligned on its first line."""
    title, _, dates = text.partition(" || ")
    width = pdf.w - pdf.l_margin - pdf.r_margin
    height = LINE_H + 0.4
    pdf.ln(1)
    date_w = 0.0
    if dates:
        pdf.set_font("Helvetica", "I", BODY_SIZE - 1)
        date_w = pdf.get_string_width(dates) + 2
    if pdf.will_page_break(2 * height):
        pdf.add_page()
    top = pdf.get_y()
    pdf.set_font("Helvetica", "B", BODY_SIZE)
    pdf.multi_cell(
        width - date_w, height, title, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    if dates:
        below = pdf.get_y()
        pdf.set_font("Helvetica", "I", BODY_SIZE - 1)
        pdf.set_xy(pdf.w - pdf.r_margin - date_w, top)
        pdf.cell(date_w, height, dates, align=Align.R)
        pdf.set_y(below)


def render_line(pdf: FPDF, line: str, labels: bool) -> None:
    """One line of a section, following the conventions in the module docstring."""
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if line.startswith("# "):
        render_entry_heading(pdf, line[2:])
        return
    pdf.set_font("Helvetica", "", BODY_SIZE)
    if line.startswith("- "):
        pdf.set_x(pdf.l_margin + 1)
        pdf.cell(BULLET_INDENT - 1, LINE_H, "-")
        pdf.multi_cell(
            width - BULLET_INDENT,
            LINE_H,
            line[2:],
            align=Align.L,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        return
    text = line
    if labels and ": " in line:
        label, _, rest = line.partition(": ")
        text = f"**{label}:** {rest}"
    pdf.multi_cell(
        0, LINE_H, text, align=Align.L, markdown=labels, new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )


def render_table(pdf: FPDF, rows: Sequence[tuple[str, str]]) -> None:
    """A two-column table with cell borders; the first row is the heading row."""
    pdf.set_font("Helvetica", "", BODY_SIZE)
    pdf.set_draw_color(90, 90, 90)
    pdf.set_line_width(0.2)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    with pdf.table(
        width=width,
        col_widths=(1, 3),
        borders_layout="ALL",
        first_row_as_headings=True,
        text_align="LEFT",
        line_height=LINE_H + 0.6,
        padding=1.2,
    ) as table:
        for cells in rows:
            row = table.row()
            for text in cells:
                row.cell(text)
    pdf.ln(1)


def render_sections(pdf: FPDF, sections: Sequence[Section]) -> None:
    """Draw sections one after another in the current column."""
    for section in sections:
        render_heading(pdf, section.title)
        if section.table:
            render_table(pdf, section.table)
        for line in section.lines:
            render_line(pdf, line, section.labels)


def render_single_column(resume: Resume, path: Path) -> int:
    """The usual one-column resume; pages break automatically."""
    pdf = new_pdf(resume, auto_break=True)
    render_header(pdf, resume)
    render_sections(pdf, resume.sections)
    pdf.output(str(path))
    return pdf.pages_count


def render_two_column(resume: Resume, path: Path) -> int:
    """A one-page resume with a shaded sidebar on the left.

    The whole left column is drawn before the right one, so text extractors
    that follow the content stream see two separate blocks.
    """
    pdf = new_pdf(resume, auto_break=False)
    render_header(pdf, resume)
    top = pdf.get_y()
    bottom = pdf.h - MARGIN
    left_x = MARGIN
    right_x = MARGIN + SIDEBAR_W + GUTTER
    right_w = pdf.w - MARGIN - right_x

    pdf.set_fill_color(*SIDEBAR_FILL)
    pdf.rect(left_x - 3, top - 1, SIDEBAR_W + 6, bottom - top + 2, style="F")
    with column(pdf, left_x, SIDEBAR_W):
        pdf.set_y(top)
        render_sections(pdf, resume.left)
        left_end = pdf.get_y()
    with column(pdf, right_x, right_w):
        pdf.set_y(top)
        render_sections(pdf, resume.sections)
        right_end = pdf.get_y()
    if max(left_end, right_end) > bottom:
        raise SystemExit(f"{path.name}: content does not fit on one page")
    pdf.output(str(path))
    return pdf.pages_count


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    jobs = (
        (ALEX, render_single_column),
        (PRIYA, render_two_column),
        (SAM, render_single_column),
    )
    for resume, render in jobs:
        path = OUT_DIR / f"{resume.slug}.pdf"
        pages = render(resume, path)
        print(f"wrote {path.relative_to(HERE.parent)} ({pages} page{'s' if pages != 1 else ''})")


if __name__ == "__main__":
    main()
