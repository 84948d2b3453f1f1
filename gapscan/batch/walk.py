"""Find the resumes in a folder: a recursive, sorted, loop-safe walk that never leaves the folder.

Hidden entries (names starting with ".") and files of other formats are ignored; anything
named like a resume that cannot be one (a FIFO, a device, a directory called ``cv.pdf``), a
symlink pointing out of the folder and a symlink loop are kept as *skipped* with the reason,
so the batch can report them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# every format ``gapscan scan`` reads a resume in (the content decides how it is read)
RESUME_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".text", ".md", ".html", ".htm", ".json"})
NOT_A_RESUME = (
    "not a resume file type ({suffix}); batch reads PDF, DOCX, text, Markdown, HTML and "
    "JSON Resume files"
)


@dataclass(frozen=True)
class Found:
    """One entry of the walk: a resume file to read, or something skipped with its reason.

    ``rel`` is the path relative to the folder, with ``/`` separators; ``inode`` is
    ``(st_dev, st_ino)`` of the file (hard links share it).
    """

    rel: str
    path: Path
    skip: str | None = None
    inode: tuple[int, int] = (0, 0)


def looks_like_resume(name: str) -> bool:
    return Path(name).suffix.lower() in RESUME_SUFFIXES


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def walk(root: Path, *, exclude: Path | None = None) -> list[Found]:
    """Every resume under ``root`` in sorted order of relative path, plus the skipped entries."""
    top = root.resolve(strict=True)
    top_stat = os.stat(top)
    skip_real = exclude.resolve() if exclude is not None else None
    seen = {(top_stat.st_dev, top_stat.st_ino)}
    found = list(_walk_dir(root, "", top, skip_real, seen))
    return sorted(found, key=lambda f: f.rel)


def _walk_dir(
    folder: Path, prefix: str, top: Path, exclude: Path | None, seen: set[tuple[int, int]]
) -> Iterator[Found]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Found(prefix.rstrip("/") or ".", folder, f"folder cannot be read ({exc.strerror})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        rel = prefix + entry.name
        path = Path(entry.path)
        if entry.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                yield Found(rel, path, "a broken symlink or a symlink loop")
                continue
            if not target.is_relative_to(top):
                yield Found(rel, path, "a symlink pointing outside the folder (not followed)")
                continue
        try:
            st = os.stat(path)
        except OSError as exc:
            yield Found(rel, path, f"cannot be read ({exc.strerror})")
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if exclude is not None and path.resolve() == exclude:
                continue
            if looks_like_resume(entry.name):
                yield Found(rel, path, "a directory named like a resume file")
            if key in seen:
                if entry.is_symlink():
                    yield Found(rel, path, "a symlink to a folder already walked (a loop?)")
                continue
            seen.add(key)
            yield from _walk_dir(path, rel + "/", top, exclude, seen)
        elif stat.S_ISREG(st.st_mode):
            if looks_like_resume(entry.name):
                yield Found(rel, path, None, (st.st_dev, st.st_ino))
            else:
                suffix = Path(entry.name).suffix.lower() or "no extension"
                yield Found(rel, path, NOT_A_RESUME.format(suffix=suffix))
        else:
            yield Found(rel, path, f"{_special_kind(st.st_mode)}, not a regular file")
