"""A full scan opens no connection off this machine (spaCy's loopback socket is fine).

The guard is a ``sitecustomize`` on PYTHONPATH, so it also watches the child process that
reads PDFs: an audit hook stops the process (exit 97) on any connect, send or name lookup
that is not loopback or a Unix socket.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

GUARD = """
import ipaddress, os, socket, sys

def _local(host):
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False

def _hook(event, args):
    if event in ("socket.connect", "socket.sendto"):
        sock, address = args[0], args[-1]
        if sock.family == socket.AF_UNIX or _local(address[0]):
            return
    elif event == "socket.getaddrinfo":
        address = args
        if _local(args[0]):
            return
    else:
        return
    sys.stderr.write(f"NETWORK {event} {address}\\n")
    sys.stderr.flush()
    os._exit(97)

sys.addaudithook(_hook)
"""


def guarded(tmp_path: Path, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "sitecustomize.py").write_text(GUARD)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(
    ("code", "caught"),
    [
        ("socket.socket().connect(('192.0.2.1', 9))", "socket.connect ('192.0.2.1', 9)"),
        (
            "socket.getaddrinfo('example.com', 443)",
            "socket.getaddrinfo ('example.com', 443, 0, 0, 0)",
        ),
    ],
    ids=["connect", "lookup"],
)
def test_the_guard_catches_the_network(tmp_path: Path, code: str, caught: str) -> None:
    done = guarded(tmp_path, f"import socket; {code}")
    assert (done.returncode, done.stderr) == (97, f"NETWORK {caught}\n")


@pytest.mark.parametrize(
    ("resume", "posting"),
    [("resumes/alex-rivera.pdf", "postings/ai-architect.txt"), ("resumes/alex-rivera.pdf", None)],
    ids=["pdf-vs-posting", "pdf-vs-role"],
)
def test_a_full_scan_stays_offline(
    tmp_path: Path, samples: Path, resume: str, posting: str | None
) -> None:
    args = [str(samples / resume), *([str(samples / posting)] if posting else [])]
    done = guarded(tmp_path, "from gapscan.cli import main; main()", *args, "--format", "json")
    assert "NETWORK" not in done.stderr
    assert done.returncode in (0, 3), done.stderr
    assert '"schema_version"' in done.stdout
