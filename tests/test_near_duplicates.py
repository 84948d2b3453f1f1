"""gapscan.batch.near_duplicates and gapscan.batch.identity: signatures, pairs, groups, ids."""

from __future__ import annotations

import pytest

from gapscan.batch.identity import (
    candidate,
    candidate_id,
    candidate_name,
    redacted_path,
    reference,
)
from gapscan.batch.near_duplicates import (
    THRESHOLD,
    near_duplicate_groups,
    near_duplicates,
    resume_signature,
    shingles,
    similarity,
    text_signature,
    words,
)
from gapscan.report.redact import personal_details

CV = (
    "Maria Garcia\nSkills\nGolang, Kubernetes, Terraform\nExperience\n"
    "Built the payment platform's deployment pipeline at Acme on Kubernetes, cut release time "
    "from a day to an hour, and mentored four engineers through their first on-call rotations.\n"
    "Education\nBSc Computer Science, University of Porto, 2016\n"
)
# the same CV from another template: two columns read side by side, bullets, other spacing
OTHER_TEMPLATE = (
    "MARIA GARCIA\n\n•  Golang  •  Kubernetes  •  Terraform\n\nEXPERIENCE\n"
    "Built the payment platform's deployment pipeline at Acme on Kubernetes, cut release\n"
    "time from a day to an hour, and mentored four engineers through their first on-call\n"
    "rotations.\nEDUCATION\nBSc Computer Science, University of Porto, 2016"
)
SIMILAR_PERSON = (
    "Jun Park\nSkills\nGolang, Kubernetes, Terraform\nExperience\n"
    "Ran the data platform's infrastructure at Globex on Kubernetes with Terraform, moved "
    "batch jobs to streaming, and led the hiring of the site reliability team.\n"
    "Education\nMSc Informatics, KAIST, 2015\n"
)


def test_shingles_ignore_case_punctuation_and_layout() -> None:
    assert words("Go, Kubernetes\n\n- Terraform!") == ["go", "kubernetes", "terraform"]
    assert shingles(["a", "b", "c", "d"]) == {b"a b c", b"b c d"}
    assert shingles(["two", "words"]) == {b"two words"}
    assert shingles(words(" \n- ")) == set()


def test_a_text_without_words_has_no_signature() -> None:
    assert text_signature("") is None
    assert text_signature("  -- \n") is None


def test_the_same_cv_in_another_template_is_near_and_another_person_is_not() -> None:
    texts = (CV, OTHER_TEMPLATE, SIMILAR_PERSON)
    cv, other, similar = (resume_signature(t, personal_details(t, "cv.pdf")) for t in texts)
    assert cv is not None and other is not None and similar is not None
    assert len(cv) == 269  # what the parent keeps per resume
    assert similarity(cv, cv) == 1.0
    assert similarity(cv, other) >= THRESHOLD
    assert similarity(cv, similar) < 0.2
    found = near_duplicates({"a.txt": cv, "b.docx": other, "c.pdf": similar})
    assert found == {"a.txt": ("b.docx",), "b.docx": ("a.txt",)}


def test_a_signature_carries_no_personal_detail() -> None:
    # the details are replaced before shingling: another phone or e-mail is still the same CV
    one = CV.replace("Skills", "maria@example.com +1 206 555 0143\nSkills")
    two = CV.replace("Skills", "mg@example.org +44 20 7946 0958\nSkills")
    assert resume_signature(one, personal_details(one, "a.txt")) == resume_signature(
        two, personal_details(two, "b.txt")
    )
    assert text_signature(one) != text_signature(two)  # as they would be unredacted


def test_groups_are_transitive_and_sorted() -> None:
    pairs = {"c": ("b",), "b": ("a", "c"), "a": ("b",), "x": ("y",), "y": ("x",)}
    assert near_duplicate_groups(pairs) == [("a", "b", "c"), ("x", "y")]
    assert near_duplicate_groups({}) == []


def test_candidate_identity() -> None:
    sha = "8238f9c74c5bee76a75d74ccd0d74051313a29551a907add3c5b72eb8de31e5b"
    assert candidate_id(sha) == "cand-8238f9c74c"
    assert candidate_name("Alex Rivera\nSenior ML Engineer\n") == "Alex Rivera"
    assert candidate_name("Results-driven engineer with ten years of experience.\n") is None
    assert candidate("Alex Rivera\n", sha, redact=True) == "cand-8238f9c74c"
    assert candidate("Alex Rivera\n", sha, redact=False) == "Alex Rivera"
    assert reference("team/alex.pdf", sha, redact=True) == "cand-8238f9c74c"
    assert reference("team/alex.pdf", sha, redact=False) == "team/alex.pdf"


@pytest.mark.parametrize(
    ("rel", "shown"),
    [
        ("Jane_Doe_CV.pdf", "[name]_[name]_CV.pdf"),
        ("applicants/jdoe/resume.docx", "[name]/[name]/resume.docx"),
        ("cv-2024-final.pdf", "cv-2024-final.pdf"),
        ("jane@example.com.txt", "[email]"),
    ],
    ids=["words", "folders", "nothing-personal", "an-email"],
)
def test_redacted_path(rel: str, shown: str) -> None:
    assert redacted_path(rel) == shown
