"""gapscan.report.redact: each kind of detail the header-line rule used to miss (issue 15,
item 10), hidden in the redacted text; and what is not a detail left as it was."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from cli_run import run

from gapscan.read.document import read_document
from gapscan.report.redact import header_name, personal_details, redact_text

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def redacted(text: str, source: str = "resume.txt") -> str:
    """``text`` as ``--redact`` shows it, its details found in itself."""
    return redact_text(text, personal_details(text, source))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "José Núñez-García\nData scientist. Ask JOSE NUNEZ or núñez-garcía.\n",
            "[name] [name]-[name]\nData scientist. Ask [name] [name] or [name]-[name].\n",
        ),
        (
            "Dr. Priya Raman, PhD\nPriya led NLP work. Raman's team used PyTorch.\n",
            "Dr. [name] [name], PhD\n[name] led NLP work. [name]'s team used PyTorch.\n",
        ),
        (
            "CURRICULUM VITAE\nHenrike Voßkamp\nVOSSKAMP built Spark jobs.\n",
            "CURRICULUM VITAE\n[name] [name]\n[name] built Spark jobs.\n",
        ),
        ("Ana-Lucía\nOyèláràn\nML engineer\n", "[name]-[name]\n[name]\nML engineer\n"),
        (
            "Resume\n\nMy name is Ximena Calderwood-Paz and I build ML systems.\n",
            "Resume\n\nMy name is [name] [name]-[name] and I build ML systems.\n",
        ),
        ("# Oluwaseun Adébáyọ̀\n**Data Scientist**\n", "# [name] [name]\n**Data Scientist**\n"),
        ("ZHAO, Mingxuan (赵明轩)\nPython\n", "[name], [name] ([name])\nPython\n"),
    ],
    ids=["accents-hyphens", "titles-degrees", "cv-first-line", "two-lines", "in-a-sentence",
         "markdown", "surname-first"],
)  # fmt: skip
def test_names(text: str, expected: str) -> None:
    assert redacted(text) == expected


def test_titles_and_particles_are_not_name_words() -> None:
    assert header_name("Dr. rer. nat. Matthias van der Hoek III\n") == ("Matthias", "Hoek")
    assert personal_details("Dr. Priya Raman, PhD\n", "cv.pdf").names == ("priya", "raman")


@pytest.mark.parametrize(
    "phone",
    ["5550100199", "+15550100199", "+44 7911 123456", "07911 123456", "+49 30 12345678",
     "+91 98765 43210", "555-0100", "(217) 555-0163", "0491 570 156", "+44 (0)7700 900 212",
     "089 5550 3391", "646.555.0188"],
)  # fmt: skip
def test_phones_national_and_international(phone: str) -> None:
    text = f"Sam Okafor\n{phone} | sam@example.com\nSkills: Python\n"
    assert redacted(text) == "[name] [name]\n[phone] | [email]\nSkills: Python\n"


def test_a_labelled_phone_anywhere() -> None:
    text = "Sam Okafor\nSkills: Python\n\nReferences\nCall 5550100177 or fax 555 010 0178.\n"
    assert redacted(text).endswith("Call [phone] or fax [phone].\n")


def test_years_dates_standards_and_codes_stay() -> None:
    kept = (
        "Built it 2019-2021 and 2019 - 2023; shipped 2024-01-15 and 12/03/2024.\n"
        "Audited to ISO 27001 and IEC 62443; badge 560038; ticket 404-2019; 12,000,000 rows.\n"
        "Python 3.11, 40% faster, WA 2019-2021, zip 62704-1234.\n"
    )
    text = "Sam Okafor\n+44 7911 123456\n" + kept
    assert redacted(text) == "[name] [name]\n[phone]\n" + kept


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("LinkedIn: /in/jane-example", "LinkedIn: [url]"),
        ("Twitter: @jane_ml, GitHub: @jane-example-ml.", "Twitter: [handle], GitHub: [handle]."),
        ("Mastodon: @jane@fediverse.example", "Mastodon: [handle]"),
        ("mail jane@example.com", "mail [email]"),  # an e-mail is not a handle
    ],
    ids=["linkedin-path", "handles", "mastodon", "email"],
)
def test_profile_paths_and_handles(line: str, expected: str) -> None:
    assert redacted(f"Jane Example\n{line}\n") == f"[name] [name]\n{expected}\n"


@pytest.mark.parametrize(
    ("address", "country"),
    [
        ("221B Baker Street, London NW1 6XE", "uk"),
        ("Flat 2, 19 Quillfeather Road, Bristol BS6 5TQ", "uk-flat"),
        ("1600 Example Ave, Springfield, IL 62704", "us"),
        ("4821 Larchwood Avenue, Apt 12B, Springfield, IL 62704", "us-apartment"),
        ("Musterstraße 12, 10115 Berlin", "de"),
        ("12, rue des Tanneurs, 69001 Lyon", "fr"),
        ("Calle del Olmo 23, 3º B, 28012 Madrid", "es"),
        ("Rua das Acácias, 118, apto 52, 01310-000 São Paulo", "br"),
        ("Flat 304, Sai Kiran Residency, 12th Cross, Indiranagar, Bengaluru 560038", "in"),
        ("Unit 7, 43 Wattlebird Street, Fitzroy VIC 3065", "au"),
        ("9 Heol y Castell, Cardiff CF10 1BH", "wales"),
    ],
    ids=lambda v: v if " " not in v else None,
)
def test_street_addresses(address: str, country: str) -> None:
    text = f"Sam Okafor\n{address} | sam@example.com\nSkills: Python, SQL\n"
    assert redacted(text) == "[name] [name]\n[address] | [email]\nSkills: Python, SQL\n"
    # a snippet that quotes the address loses it too
    details = personal_details(text, "resume.txt")
    quoted = redact_text(f"...moved to {address}, and led", details)
    assert quoted == "...moved to [address], and led"


def test_an_address_cut_by_a_snippet_edge() -> None:
    details = personal_details("Sam Okafor\n221B Baker Street, London NW1 6XE\n", "cv.txt")
    assert redact_text("...ker Street, London NW1 6XE Skills", details) == "...[address] Skills"
    assert redact_text("Sam Okafor 221B Baker Str...", details) == "[name] [name] [address]..."


def test_an_address_in_a_sentence_keeps_the_sentence() -> None:
    text = "Sam Okafor\nSkills: Python\nReferences: Sam Okafor, 31 Kestrel Way, Norwich NR2 3AB.\n"
    assert redacted(text).splitlines()[-1] == "References: [name] [name], [address]."


@pytest.mark.parametrize(
    "line",
    ["Led 3 Data Science teams across 2 Regions", "Reduced cost by 5 via caching on AWS",
     "Knowledge of ISO 27001 and SOC 2", "Won 1st Place at the 2023 Kaggle Days"],
)  # fmt: skip
def test_what_is_not_an_address_stays(line: str) -> None:
    assert redacted(f"Sam Okafor\n{line}\n") == f"[name] [name]\n{line}\n"


def _persona_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_redaction", BENCH / "redaction.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_no_gold_detail_of_any_persona_is_left_in_its_whole_text() -> None:
    """Stricter than the benchmark, which reads reports: every persona's whole text,
    redacted, has none of its gold details in any form the benchmark looks for."""
    bench = _persona_module()
    posting = set(re.findall(r"\w+", bench.fold(bench.SAMPLE_POSTING.read_text("utf-8"))))
    gold = json.loads((bench.PERSONAS / "gold.json").read_text("utf-8"))["personas"]
    left = []
    for name, details in sorted(gold.items()):
        doc = read_document(bench.RESUMES / name, posting=False)
        places = [bench.Place("text", bench.fold(redact_text(doc.text, personal_details(
            doc.text, doc.source))))]  # fmt: skip
        for kind, values in details.items():
            for value in values:
                if bench.first_match(bench.forms_of(kind, value, posting), places):
                    left.append(f"{name}: {kind} {value}")
    assert left == []
    assert len(gold) >= 40


def test_a_name_that_is_a_skill_word_hides_the_person_not_the_skill(
    shared_cli_scanner: None,
) -> None:
    """Imogen Spark knows Apache Spark: the redacted report still matches, names and scores
    Spark; the person's name is gone, and so is the word in the resume's own snippets."""
    persona = BENCH / "data" / "personas" / "resumes" / "p36-skill-word-name-imogen-spark.txt"
    posting = BENCH.parent / "samples" / "postings" / "ai-architect.txt"
    plain = json.loads(run(persona, posting, "--format", "json")[1])
    code, out, _ = run(persona, posting, "--format", "json", "--redact")
    blind = json.loads(out)
    assert code == 0
    assert blind["score"] == plain["score"]
    for status in ("matched", "partial", "missing"):
        assert [e["skills"] for e in blind[status]] == [e["skills"] for e in plain[status]]
    spark = next(e for e in blind["matched"] if e["skills"][0]["id"] == "spark")
    assert spark["skills"][0]["name"] == "Apache Spark"
    assert "imogen" not in out.lower()
    code, text, _ = run(persona, posting, "--redact")
    assert "Apache Spark" in text.split("Matched (")[1]  # the text report's matched list
    assert "imogen" not in text.lower()
