"""`gapscan taxonomy import esco`: an ESCO skills export becomes a taxonomy, alone or merged."""

from __future__ import annotations

import tomllib
from pathlib import Path

from click.testing import CliRunner

from gapscan.cli import cli
from gapscan.taxonomy import load_taxonomy

CSV = Path(__file__).parent / "data" / "esco-skills.csv"
URI = "http://data.example.invalid/esco/skill/"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["taxonomy", "import", "esco", *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_standalone_taxonomy_from_the_released_concepts(tmp_path: Path) -> None:
    out = tmp_path / "esco.toml"
    code, stdout, _ = _run(str(CSV), "-o", str(out))
    assert code == 0
    assert stdout == (
        f"{out}: 4 skills added from ESCO, 0 existing skills linked to ESCO, 1 rows skipped,"
        " 0 labels dropped as another skill's\n"
    )
    tax = load_taxonomy(out)
    assert tax.name == "esco"
    by_id = {s.id: s for s in tax.skills}
    assert sorted(by_id) == ["hibernate", "python", "show-initiative", "spring-framework"]
    spring = by_id["spring-framework"]
    assert spring.esco == URI + "0001"
    assert spring.aliases == ("Spring", "Spring MVC framework", "Java Spring")
    assert by_id["python"].aliases == ("Python programming",)  # "py" is too short to match
    assert (by_id["show-initiative"].type, by_id["show-initiative"].area) == (
        "soft",
        "esco-transversal",
    )
    assert (by_id["hibernate"].type, by_id["hibernate"].area) == ("technical", "esco-knowledge")


def test_merged_into_the_packaged_taxonomy_claims_none_of_its_forms(tmp_path: Path) -> None:
    out = tmp_path / "merged.toml"
    code, stdout, _ = _run(str(CSV), "--merge", "-o", str(out))
    assert code == 0
    # Python exists: linked, not added; "Spring framework" is an alias of Spring: skipped;
    # Hibernate's alias "SQL" belongs to SQL: dropped
    assert stdout == (
        f"{out}: 2 skills added from ESCO, 1 existing skills linked to ESCO, 2 rows skipped,"
        " 1 labels dropped as another skill's\n"
    )
    merged = load_taxonomy(out)
    base = load_taxonomy()
    assert merged.name == "ai-architect-esco"
    assert {s.id for s in base.skills} < {s.id for s in merged.skills}
    assert merged.skill("python").esco == URI + "0002"
    assert merged.skill("hibernate").aliases == ("Hibernate ORM",)
    assert len(merged.courses) == len(base.courses)
    assert tomllib.loads(out.read_text())["roles"][0]["id"] == "ai-architect"


def test_a_csv_that_is_not_an_esco_export_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "people.csv"
    bad.write_text("name,email\nJo,jo@example.com\n", encoding="utf-8")
    code, stdout, stderr = _run(str(bad), "-o", str(tmp_path / "x.toml"))
    assert (code, stdout) == (4, "")
    assert stderr == (
        f"Error: {bad}: has no conceptUri, preferredLabel column; export the ESCO skills"
        " pillar as CSV (skills_en.csv)\n"
    )
    assert not (tmp_path / "x.toml").exists()


def test_a_file_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("conceptUri,preferredLabel\nx,caf\xe9\n".encode("latin-1"))
    code, _, stderr = _run(str(bad), "-o", str(tmp_path / "x.toml"))
    assert code == 4
    assert stderr == f"Error: {bad}: is not UTF-8 text; ESCO exports are UTF-8 CSV\n"
