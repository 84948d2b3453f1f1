"""The command line: a thin click layer over the library (``gapscan.scanner``, ``gapscan.batch``).

It owns the one map from exceptions and outcomes to exit codes (also in the README):
  0  success; batch: every file ok
  1  internal error (a bug: please report it; one line under a time limit, ``ScanBug``)
  2  usage error (bad option or argument, unknown role); batch: the run could not start
  3  finished, but the resume could not be assessed (no readable text); batch: some files
     failed, were skipped or were not assessed
  4  an input file could not be read (missing, unsupported, damaged, too large, encrypted),
     its scan ran past --timeout or crashed (``ScanCrashed``), or the report could not be
     written
  5  the taxonomy or a saved model is invalid
  130  interrupted (Ctrl-C)
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .errors import (
    GapscanError,
    InputError,
    ModelError,
    OutputError,
    ScanBug,
    ScanCrashed,
    TaxonomyError,
    TimeLimitExceeded,
    UsageProblem,
    display_path,
)
from .limits import DEFAULT_LIMITS, MAX_BYTES, MAX_PAGES, TIMEOUT, Limits

if TYPE_CHECKING:
    from .experience.verdicts import Background
    from .records import Document, SkillProfile
    from .report.redact import PersonalDetails
    from .scanner import Kind, Scanner

EXIT_INTERNAL, EXIT_USAGE, EXIT_NOT_ASSESSED, EXIT_IO, EXIT_INVALID_DATA = 1, 2, 3, 4, 5
EXIT_CODES: dict[type[GapscanError], int] = {
    UsageProblem: EXIT_USAGE,
    InputError: EXIT_IO,
    OutputError: EXIT_IO,
    TimeLimitExceeded: EXIT_IO,
    ScanCrashed: EXIT_IO,
    ScanBug: EXIT_INTERNAL,
    TaxonomyError: EXIT_INVALID_DATA,
    ModelError: EXIT_INVALID_DATA,
}
EXIT_BATCH_CANNOT_START, EXIT_BATCH_SOME_FAILED = EXIT_USAGE, EXIT_NOT_ASSESSED
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command that Ctrl-C stopped
F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def exit_code(error: GapscanError) -> int:
    """The documented exit code of an expected failure (its nearest mapped class)."""
    return next((EXIT_CODES[c] for c in type(error).__mro__ if c in EXIT_CODES), EXIT_INTERNAL)


class GapscanClickError(click.ClickException):
    """Prints ``Error: <message>`` (``Error: <about>: <message>`` for an error that names no
    file) and exits with the error's documented code."""

    def __init__(self, error: GapscanError, about: Path | None = None) -> None:
        super().__init__(str(error) if about is None else f"{display_path(about)}: {error}")
        self.exit_code = exit_code(error)  # type: ignore[misc]  # click declares a ClassVar


class DefaultGroup(click.Group):
    """A group that runs ``scan`` when the first argument is not a command name."""

    default_command = "scan"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; Ctrl-C ends any of them with one line, no traceback, and 130.

        (click itself would print "Aborted!" and exit 1, the code of an internal error.)
        """
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("Interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)


def _taxonomy_option(f: F) -> F:
    return click.option(
        "--taxonomy",
        "taxonomy_path",
        type=click.Path(path_type=Path),
        default=None,
        help="Taxonomy TOML file to use instead of the packaged AI-architect one.",
    )(f)


def _output_options(f: F) -> F:
    f = click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path, allow_dash=True),
        default=None,
        callback=lambda _ctx, _param, value: None if value == Path("-") else value,
        help="Write the report to this file (replaced atomically), FIFO or device "
        "instead of standard output ('-').",
    )(f)
    f = click.option(
        "--color/--no-color",
        default=None,
        help="Color the text report (default: only when writing to a terminal).",
    )(f)
    return f


def _write(text: str, output: Path | None, color: bool) -> None:
    if output is None:
        click.echo(text, nl=False, color=color)
        return
    from .batch.output import write_output

    try:
        write_output(output, text)
    except GapscanError as exc:
        raise GapscanClickError(exc) from None


def _load(
    taxonomy_path: Path | None,
    model: Path | None = None,
    limits: Limits = DEFAULT_LIMITS,
    as_of: datetime | None = None,
) -> Scanner:
    from .scanner import Scanner
    from .taxonomy import load_taxonomy

    day = as_of.date() if as_of else None
    try:
        return Scanner(load_taxonomy(taxonomy_path), model=model, limits=limits, as_of=day)
    except GapscanError as exc:
        raise GapscanClickError(exc) from None


def _limits(max_pages: int, max_mb: float, timeout: float | None = None) -> Limits:
    return Limits(max_bytes=int(max_mb * 1e6), max_pages=max_pages, timeout=timeout or None)


def _size_options(f: F) -> F:
    """--max-pages and --max-mb: how large a document may be."""
    f = click.option(
        "--max-mb",
        default=MAX_BYTES / 1e6,
        show_default=True,
        help="Refuse larger input files (MB).",
    )(f)
    f = click.option(
        "--max-pages", default=MAX_PAGES, show_default=True, help="Refuse PDFs with more pages."
    )(f)
    return f


def _limit_options(f: F) -> F:
    """--max-pages, --max-mb and --timeout: the bounds of reading one or two documents."""
    f = click.option(
        "--timeout",
        type=click.FloatRange(min=0),
        default=TIMEOUT,
        show_default=True,
        help="Stop when it takes longer (seconds; 0: no limit); exit code 4.",
    )(f)
    return _size_options(f)


def _as_of_option(f: F) -> F:
    return click.option(
        "--as-of",
        "as_of",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        metavar="YYYY-MM-DD",
        help="The date a resume's 'Present' means (default: today); recorded in the report, "
        "so a report with --as-of can be reproduced.",
    )(f)


def _model_option(f: F) -> F:
    return click.option(
        "--model",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help="Load the pipeline saved by 'gapscan model build' instead of building it.",
    )(f)


def _limited(path: Path, timeout: float, run: Callable[[], T]) -> T:
    """``run()`` within ``timeout`` seconds (0: none); a failure becomes a one-line error.

    The limit is hard where a child process can be forked (``gapscan.isolate``): native code
    that never lets the timer's signal in is killed all the same.
    """
    from .isolate import can_isolate, run_isolated
    from .read.timelimit import time_limit

    try:
        if timeout and can_isolate():
            return run_isolated(run, timeout)
        with time_limit(timeout or None):
            return run()
    except (TimeLimitExceeded, ScanCrashed, ScanBug) as exc:  # they name no file
        raise GapscanClickError(exc, about=path) from None
    except GapscanError as exc:
        raise GapscanClickError(exc) from None


def _contract_options(f: F) -> F:
    f = click.option(
        "--redact",
        is_flag=True,
        help="Remove the candidate's name, e-mail addresses, phone numbers and URLs "
        "(blind screening); the resume's path becomes a digest label.",
    )(f)
    f = click.option(
        "--run-metadata",
        is_flag=True,
        help="Add a 'run' object (time, Python, platform). Off by default, so the same "
        "inputs give byte-identical output.",
    )(f)
    return f


def _redaction(resume: Document | None, redact: bool) -> PersonalDetails | None:
    """What ``--redact`` hides: the resume's details (a posting has none of its own)."""
    from .report.redact import PersonalDetails, personal_details

    if not redact:
        return None
    return personal_details(resume.text, resume.source) if resume else PersonalDetails()


def _shaped(
    data: dict[str, Any], redaction: PersonalDetails | None, run_metadata: bool
) -> dict[str, Any]:
    """The JSON document as asked: redacted, with run metadata."""
    import platform
    from datetime import UTC, datetime

    from .report.redact import redact as scrub
    from .report.serialize import with_run_metadata

    if redaction is not None:
        data = scrub(data, redaction)
    if run_metadata:
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        data = with_run_metadata(data, now, platform.python_version(), platform.platform())
    return data


def _use_color(color: bool | None, output: Path | None) -> bool:
    if color is not None:
        return color and output is None
    return output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gapscan")
def cli() -> None:
    """Find the skills a resume lacks for a job posting, and what to learn to close each gap.

    \b
    Example:
        gapscan resume.pdf posting.txt
    """


@cli.command()
@click.argument("resume", type=click.Path(path_type=Path))
@click.argument("posting", type=click.Path(path_type=Path), required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html"]),
    default="text",
    show_default=True,
    help="Report for a person (text), for tools (json), or as one self-contained web page "
    "(html: inline CSS and charts, no network).",
)
@_output_options
@_taxonomy_option
@click.option(
    "--role", default=None, help="Taxonomy role to scan against when no posting is given."
)
@_model_option
@click.option("--password", default=None, help="Password of an encrypted resume PDF.")
@click.option(
    "--verbose",
    is_flag=True,
    help="Text report: every plan item's resources and every match's resume evidence.",
)
@_as_of_option
@_limit_options
@_contract_options
def scan(
    resume: Path,
    posting: Path | None,
    fmt: str,
    output: Path | None,
    color: bool | None,
    taxonomy_path: Path | None,
    role: str | None,
    model: Path | None,
    password: str | None,
    verbose: bool,
    as_of: datetime | None,
    max_pages: int,
    max_mb: float,
    timeout: float,
    redact: bool,
    run_metadata: bool,
) -> None:
    """Compare RESUME with POSTING (or with the built-in AI-architect role).

    RESUME is a PDF, DOCX, text or JSON Resume file; POSTING a text, HTML, JobPosting JSON-LD,
    PDF or DOCX file (the content decides, not the extension). Without POSTING the
    resume is compared with a role from the taxonomy (--role, default ai-architect).

    Exit codes: 0 ok, 2 usage error, 3 resume not assessed (no readable text),
    4 unreadable input, a scan past --timeout or crashed, or an unwritable report, 5 invalid
    taxonomy or model, 130 interrupted.

    \b
    Examples:
        gapscan resume.pdf posting.txt
        gapscan resume.pdf posting.txt --format json -o report.json
        gapscan resume.pdf posting.txt --format html -o report.html
        gapscan resume.pdf posting.txt --format json --redact
        gapscan resume.pdf posting.txt --as-of 2026-12-01
        gapscan resume.pdf
    """
    from .report.html import area_names
    from .report.html import render_report as render_html
    from .report.redact import source_label
    from .report.serialize import dumps, report_dict
    from .report.text import render_report

    scanner = _load(taxonomy_path, model, _limits(max_pages, max_mb, timeout), as_of)
    report = _limited(
        resume, timeout, lambda: scanner.scan(resume, posting, role=role, password=password)
    )
    redaction = _redaction(report.resume.document, redact)
    use_color = _use_color(color, output)
    if fmt in ("json", "html"):
        data = _shaped(report_dict(report, scanner.taxonomy), redaction, run_metadata)
        text = dumps(data) if fmt == "json" else render_html(data, area_names(scanner.taxonomy))
    else:
        text = render_report(
            report, scanner.taxonomy, color=use_color, redaction=redaction, verbose=verbose
        )
    _write(text, output, use_color)
    if report.status != "assessed":
        shown = source_label(report.resume.document.sha256) if redact else display_path(resume)
        click.echo(f"Warning: {shown}: not assessed: {report.status_reason}", err=True)
        sys.exit(EXIT_NOT_ASSESSED)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonresume", "definedterms"]),
    default="text",
    show_default=True,
    help="Skill list for a person (text), for tools (json), as JSON Resume skills[] "
    "(jsonresume, resumes only) or as schema.org DefinedTerms (definedterms).",
)
@click.option(
    "--kind",
    type=click.Choice(["auto", "resume", "posting"]),
    default="auto",
    show_default=True,
    help="Read the document as a resume or a posting (auto: guess).",
)
@_output_options
@_taxonomy_option
@click.option("--password", default=None, help="Password of an encrypted PDF.")
@_as_of_option
@_limit_options
@_contract_options
def extract(
    path: Path,
    fmt: str,
    kind: Kind,
    output: Path | None,
    color: bool | None,
    taxonomy_path: Path | None,
    password: str | None,
    as_of: datetime | None,
    max_pages: int,
    max_mb: float,
    timeout: float,
    redact: bool,
    run_metadata: bool,
) -> None:
    """List the skills found in one document, with the evidence for each; for a resume,
    also its dated roles and total experience (--as-of: what "Present" means).

    \b
    Examples:
        gapscan extract resume.pdf --format jsonresume --redact
        gapscan extract resume.pdf --format json --as-of 2026-12-01
        gapscan extract posting.txt --format json
    """
    from .report.serialize import dumps, profile_dict
    from .report.text import render_profile

    scanner = _load(taxonomy_path, limits=_limits(max_pages, max_mb, timeout), as_of=as_of)

    def work() -> tuple[SkillProfile, bool, Background | None]:
        """The skills, and a resume's roles and years: both within the time limit."""
        profile, posting = scanner.extract(path, kind=kind, password=password)
        return profile, posting, None if posting else scanner.experience(profile)

    profile, posting, experience = _limited(path, timeout, work)
    redaction = _redaction(None if posting else profile.document, redact)
    use_color = _use_color(color, output)
    if fmt == "text":
        text = render_profile(
            profile,
            taxonomy=scanner.taxonomy,
            posting=posting,
            color=use_color,
            redaction=redaction,
            experience=experience,
        )
        _write(text, output, use_color)
        return
    data = profile_dict(profile, scanner.taxonomy, posting=posting, experience=experience)
    data = _shaped(data, redaction, run_metadata)
    if fmt in ("jsonresume", "definedterms"):
        from .report.interop import defined_terms, json_resume

        if fmt == "jsonresume" and posting:
            hint = "use --kind resume, or --format definedterms"
            cause = f"read as a posting: JSON Resume holds a resume's skills ({hint})"
            raise GapscanClickError(UsageProblem(f"{display_path(path)}: {cause}"))
        converted = json_resume(data) if fmt == "jsonresume" else defined_terms(data)
        _write(dumps(converted), output, False)
        return
    _write(dumps(data), output, False)


@cli.command("schema")
@click.argument("name", required=False)
def schema_command(name: str | None) -> None:
    """Print the JSON Schema (draft 2020-12) of a document gapscan writes, or list them.

    NAME is one of the listed names; the printed schema stands alone (shared definitions are
    embedded). Without NAME, lists the names.

    \b
    Examples:
        gapscan schema
        gapscan schema report > gapscan-report.schema.json
    """
    from .report.schema import bundled, names
    from .report.serialize import dumps

    if name is None:
        click.echo("\n".join(names()))
        return
    try:
        click.echo(dumps(bundled(name)), nl=False)
    except GapscanError as exc:
        raise GapscanClickError(exc) from None


@cli.group()
def taxonomy() -> None:
    """Work with taxonomy files.

    \b
    Example:
        gapscan taxonomy check my-taxonomy.toml
    """


@taxonomy.group("import")
def taxonomy_import() -> None:
    """Turn another skills framework's export into a gapscan taxonomy file.

    \b
    Example:
        gapscan taxonomy import esco skills_en.csv -o esco.toml
    """


@taxonomy_import.command("esco")
@click.argument("csv_path", metavar="SKILLS.csv", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="The taxonomy file to write (TOML).",
)
@click.option(
    "--merge/--standalone",
    default=False,
    help="Extend the packaged taxonomy (or --taxonomy) instead of writing ESCO's skills alone.",
)
@click.option(
    "--taxonomy",
    "base_path",
    type=click.Path(path_type=Path),
    help="With --merge: the taxonomy to extend (default: the packaged one).",
)
@click.option(
    "--name",
    help="The new taxonomy's name (default: esco, or with --merge the extended one's + -esco).",
)
def taxonomy_import_esco(
    csv_path: Path, output: Path, merge: bool, base_path: Path | None, name: str | None
) -> None:
    """Build a taxonomy from an ESCO skills CSV export (skills_en.csv).

    Each released concept becomes a skill: conceptUri the ESCO crosswalk, preferredLabel the
    name, altLabels the aliases; transversal skills are soft, the others technical. With
    --merge, the packaged taxonomy keeps all it has, a skill of the same name gets the ESCO
    link, and no imported label takes a name or alias it already has. The file is checked
    like `gapscan taxonomy check` before it is written.

    \b
    Examples:
        gapscan taxonomy import esco skills_en.csv -o esco.toml
        gapscan taxonomy import esco skills_en.csv --merge -o ai-architect-esco.toml
    """
    import tomllib

    import tomli_w

    from .batch.output import write_output
    from .esco import import_esco, read_rows
    from .taxonomy import parse_taxonomy, taxonomy_source

    try:
        base = None
        if merge:
            data, origin = taxonomy_source(base_path)
            parse_taxonomy(data, origin)  # only a valid taxonomy is extended
            base = tomllib.loads(data.decode("utf-8"))
        if name is None:
            name = f"{base['taxonomy']['name']}-esco" if base else "esco"
        done = import_esco(read_rows(csv_path), base, name)
        text = tomli_w.dumps(done.data)
        parse_taxonomy(text.encode("utf-8"), display_path(output))  # never write a bad one
        write_output(output, text)
    except GapscanError as exc:
        raise GapscanClickError(exc) from None
    click.echo(
        f"{display_path(output)}: {done.added} skills added from ESCO, {done.linked} existing"
        f" skills linked to ESCO, {done.skipped} rows skipped, {done.aliases_dropped} labels"
        " dropped as another skill's"
    )


@taxonomy.command("check")
@click.argument("path", type=click.Path(path_type=Path), required=False)
def taxonomy_check(path: Path | None) -> None:
    """Validate a taxonomy file (default: the packaged one); exit 5 when it has problems.

    \b
    Example:
        gapscan taxonomy check taxonomy/ai-architect.toml
    """
    from .taxonomy import load_taxonomy

    try:
        tax = load_taxonomy(path)
    except TaxonomyError as exc:
        click.echo(f"{exc.source}: {len(exc.problems)} problem(s)", err=True)
        for problem in exc.problems:
            click.echo(f"  - {problem}", err=True)
        sys.exit(exit_code(exc))
    click.echo(
        f"{tax.origin}: ok: taxonomy {tax.name} {tax.version}: {len(tax.skills)} skills, "
        f"{len(tax.areas)} areas, {len(tax.steps)} steps, {len(tax.courses)} learning resources, "
        f"{len(tax.roles)} roles"
    )
    alone = tax.without_direct_resource()
    if alone:
        taught = sum(s.type in ("technical", "soft") for s in tax.skills)
        click.echo(
            f"{len(alone)} of {taught} technical and soft skills have no resource that teaches "
            "them itself (reports label the area's resources as a fallback): " + ", ".join(alone)
        )


@cli.group()
def model() -> None:
    """Build a pipeline once and save it, so scans can load it (--model).

    \b
    Example:
        gapscan model build models/ai-architect
    """


@model.command("build")
@click.argument("out", type=click.Path(path_type=Path, file_okay=False))
@_taxonomy_option
def model_build(out: Path, taxonomy_path: Path | None) -> None:
    """Build the spaCy pipeline and TF-IDF matcher from a taxonomy and save them to OUT.

    \b
    Example:
        gapscan model build models/ai-architect
    """
    scanner = _load(taxonomy_path)
    scanner.extractor.save(out)
    click.echo(f"saved the pipeline for taxonomy {scanner.taxonomy.name} to {display_path(out)}")


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.argument("posting", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("reports"),
    show_default=True,
    help="Folder for the reports, results.jsonl, summary.csv and cohort.json.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the number of cores).",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True),
    default=TIMEOUT,
    show_default=True,
    help="Seconds one file may take before its worker is stopped and the file recorded failed.",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=0),
    default=2048,
    show_default=True,
    help="Address-space cap per worker in MB (0: none); a file that needs more fails alone.",
)
@click.option(
    "--recycle-after",
    type=click.IntRange(min=1),
    default=500,
    show_default=True,
    help="Files a worker scans before a fresh one replaces it (keeps memory flat).",
)
@click.option(
    "--html/--no-html",
    "pages",
    default=True,
    show_default=True,
    help="Write each resume's HTML report next to its JSON (about 5 ms a resume); "
    "index.html is always written.",
)
@click.option("--force", is_flag=True, help="Redo resumes already reported by an earlier run.")
@click.option(
    "--wait",
    is_flag=True,
    help="If another batch is writing to OUTPUT, wait for it to finish instead of refusing.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--scheduler",
    default=None,
    metavar="tcp://HOST:8786",
    help="Run on an existing Dask distributed cluster (pip install 'gapscan[dask]').",
)
@click.option(
    "--redact",
    is_flag=True,
    help="Blind screening: no name, e-mail, phone or URL in any output; each candidate is "
    "a stable id (cand- and the first 10 hex digits of the file's SHA-256).",
)
@_taxonomy_option
@_model_option
@_as_of_option
@_size_options
def batch(
    folder: Path,
    posting: Path,
    output: Path,
    workers: int | None,
    time_limit: float,
    max_memory: int,
    recycle_after: int,
    pages: bool,
    force: bool,
    wait: bool,
    quiet: bool,
    scheduler: str | None,
    redact: bool,
    taxonomy_path: Path | None,
    model: Path | None,
    as_of: datetime | None,
    max_pages: int,
    max_mb: float,
) -> None:
    """Scan every resume in FOLDER (recursively) against POSTING, in parallel.

    Writes one JSON report per resume to OUTPUT/resumes/ (and its HTML page beside it),
    results.jsonl (one line per file), summary.csv (candidates ranked by score, with total
    experience and a column per constraint the posting states), cohort.json (how many
    candidates lack each posting skill) and index.html (the ranking, a heatmap of candidates
    against requirements, and the "train or hire" chart), then prints that summary. Resumes
    already reported for the same content, posting, taxonomy, gapscan version and --as-of
    date are skipped unless --force.

    Exit codes: 0 every file ok, 2 the run could not start (bad option, missing folder,
    unreadable posting or taxonomy, OUTPUT in use by another batch, a symlink in OUTPUT),
    3 finished, but some files failed, were skipped or could not be assessed (see
    results.jsonl), 4 stopped because OUTPUT cannot be written (a full disk; run it again to
    finish), 130 interrupted (run it again to finish).

    \b
    Example:
        gapscan batch resumes/ posting.txt -o reports/ --workers 2 --redact
    """
    from .batch.identity import shown_file
    from .batch.run import BatchOptions, run_batch
    from .batch.task import BatchSpec

    spec = BatchSpec(
        posting=str(posting),
        out=str(output),
        taxonomy=str(taxonomy_path) if taxonomy_path else None,
        model=str(model) if model else None,
        limits=_limits(max_pages, max_mb),
        memory_mb=max_memory,
        recycle_after=recycle_after,
        pages=pages,
        redact=redact,
        as_of=(as_of.date() if as_of else date.today()).isoformat(),  # one date for all workers
    )
    options = BatchOptions(workers or os.cpu_count() or 1, time_limit, force, scheduler, wait)
    show = not quiet and sys.stderr.isatty()
    try:
        result = run_batch(folder, spec, options, ProgressBar() if show else None, _waiting)
    except OutputError as exc:  # a full disk stopped the run: what was written is kept
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_IO)
    except GapscanError as exc:  # nothing was scanned: the run could not start
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_BATCH_CANNOT_START)
    click.echo(result.summary, nl=False)
    for o in result.outcomes:
        if not o.fine:
            shown = shown_file(o.rel, redact=redact)
            click.echo(f"Warning: {shown}: {o.status.replace('_', ' ')}: {o.reason}", err=True)
    sys.exit(0 if result.all_fine else EXIT_BATCH_SOME_FAILED)


def _waiting(message: str) -> None:
    click.echo(f"Waiting: {message}", err=True)


class ProgressBar:
    """click's progress bar on stderr (count, percentage, ETA), opened at the first file."""

    def __init__(self) -> None:
        self.bar: click._termui_impl.ProgressBar[int] | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(
                length=total, file=sys.stderr, show_pos=True, show_percent=True
            )
        self.bar.update(done - self.bar.pos)
        if done >= total:
            self.bar.render_finish()


def main() -> None:
    """The ``gapscan`` command. An exception no part of gapscan expects is a bug: it ends in
    one line naming its type and where it was raised (never the data it holds, which may be
    resume text), exit 1; ``GAPSCAN_TRACEBACK=1`` shows the traceback instead."""
    try:
        cli(prog_name="gapscan")
    except Exception as exc:
        if os.environ.get("GAPSCAN_TRACEBACK"):
            raise
        click.echo(f"Error: {bug_line(exc)}", err=True)
        sys.exit(EXIT_INTERNAL)


def bug_line(exc: BaseException) -> str:
    """``internal error (KeyError in gapscan/report/text.py:468); a bug in gapscan: ...``."""
    import traceback

    package = Path(__file__).resolve().parent
    ours = [
        (Path(f.filename).resolve(), f.lineno)
        for f in traceback.extract_tb(exc.__traceback__)
        if Path(f.filename).resolve().is_relative_to(package)
    ]
    where = ""
    if ours:
        path, line = ours[-1]
        where = f" in gapscan/{path.relative_to(package).as_posix()}:{line}"
    return (
        f"internal error ({type(exc).__name__}{where}); a bug in gapscan: please report it "
        "(GAPSCAN_TRACEBACK=1 shows the traceback)"
    )
