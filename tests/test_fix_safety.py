"""--fix never loses a word: a concurrent edit is not overwritten, read-only and hard-linked files are refused,
owner and extended attributes are kept, and a SIGKILL at any moment leaves the original or the fixed file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from ooxml_factory import make_docx

from letterlint import fixes

TEXT = "De minister stuurt de de Kamer een brief.\n\nZie [bookmark: _Toc123] hier.\n"
BODY = ("<w:p><w:r><w:t>De minister stuurt de de Kamer een brief.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Zie [bookmark: _Toc123] hier.</w:t></w:r></w:p>")


def _draft(tmp_path, kind: str):
    path = tmp_path / f"brief.{kind}"
    path.write_bytes(TEXT.encode() if kind == "txt" else make_docx(BODY))
    return path


def _fix(path, capsys, *extra):
    from letterlint.cli import main

    code = main(["--fix", "--isolated", *extra, str(path)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_an_edit_saved_during_the_fix_is_never_overwritten(tmp_path, capsys, monkeypatch, kind):
    path = _draft(tmp_path, kind)
    edited = path.read_bytes().replace(b"hier.", b"hier. Een nieuwe zin van een collega.")
    real = fixes.fix_bytes

    def colleague_saves_meanwhile(*args, **kwargs):
        outcome = real(*args, **kwargs)
        path.write_bytes(edited)
        return outcome

    monkeypatch.setattr(fixes, "fix_bytes", colleague_saves_meanwhile)
    code, err = _fix(path, capsys)
    assert code == 2 and len(err.splitlines()) == 1 and "gewijzigd" in err and str(path) in err, err
    assert path.read_bytes() == edited
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".letterlint.tmp")]


def test_the_change_check_looks_at_content_as_well_as_size_and_time(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc\n")
    snap = fixes.snapshot(str(path), b"abc\n")
    st = os.stat(path)
    path.write_bytes(b"xyz\n")  # same size, and the same mtime put back: only the hash tells
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert not fixes.unchanged(str(path), snap)
    with pytest.raises(fixes.WriteRefused):
        fixes.write_atomically(str(path), b"fixed\n", expected=snap)
    assert path.read_bytes() == b"xyz\n"


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_read_only_file_is_refused(tmp_path, capsys, kind):
    path = _draft(tmp_path, kind)
    before = path.read_bytes()
    path.chmod(0o444)
    code, err = _fix(path, capsys)
    assert code == 2 and len(err.splitlines()) == 1 and "alleen-lezen" in err, err
    assert path.read_bytes() == before and (path.stat().st_mode & 0o777) == 0o444
    code, err = _fix(path, capsys, "--lang", "en")
    assert "read-only" in err


def test_a_hard_linked_file_is_refused(tmp_path, capsys):
    path = _draft(tmp_path, "txt")
    other = tmp_path / "kopie.txt"
    os.link(path, other)
    code, err = _fix(path, capsys)
    assert code == 2 and len(err.splitlines()) == 1 and "harde koppelingen" in err, err
    assert path.read_bytes() == other.read_bytes() == TEXT.encode()
    assert os.stat(path).st_ino == os.stat(other).st_ino


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing owners needs root")
def test_the_owner_and_mode_are_kept(tmp_path, capsys):
    path = _draft(tmp_path, "txt")
    os.chown(path, 12345, 12346)
    path.chmod(0o640)
    code, err = _fix(path, capsys)
    assert code == 0, err
    st = path.stat()
    assert (st.st_uid, st.st_gid, st.st_mode & 0o777) == (12345, 12346, 0o640)
    assert path.read_bytes() != TEXT.encode()


def test_extended_attributes_are_kept(tmp_path, capsys):
    path = _draft(tmp_path, "txt")
    try:
        os.setxattr(path, "user.letterlint-test", b"waarde")
    except (OSError, AttributeError):
        pytest.skip("no user extended attributes on this file system")
    code, err = _fix(path, capsys)
    assert code == 0, err
    assert os.getxattr(path, "user.letterlint-test") == b"waarde"
    assert path.read_bytes() != TEXT.encode()


def test_lost_extended_attributes_are_named(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc\n")
    monkeypatch.setattr(os, "listxattr", lambda p: ["user.kwijt"], raising=False)
    monkeypatch.setattr(os, "getxattr", lambda p, n: b"x", raising=False)

    def refuse(*_args):
        raise OSError(95, "Operation not supported")

    monkeypatch.setattr(os, "setxattr", refuse, raising=False)
    assert fixes.write_atomically(str(path), b"new\n") == ["user.kwijt"]
    assert path.read_bytes() == b"new\n"


# -- SIGKILL at random moments ----------------------------------------------------------------------------


def fixed_version(path) -> bytes:
    """What --fix makes of `path` (run on a copy)."""
    copy = path.with_name("vooraf-" + path.name)
    copy.write_bytes(path.read_bytes())
    subprocess.run([sys.executable, "-m", "letterlint", "--fix", "--isolated", str(copy)], capture_output=True,
                   check=False, timeout=120)
    return copy.read_bytes()


def kill_trial(path, original: bytes, fixed: bytes, delay: float) -> str:
    """Run --fix, SIGKILL it after `delay` seconds; the file must be the original or the fixed version."""
    path.write_bytes(original)
    proc = subprocess.Popen([sys.executable, "-m", "letterlint", "--fix", "--isolated", str(path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    now = path.read_bytes()
    assert now in (original, fixed), f"after a kill at {delay:.3f}s the file is neither original nor fixed"
    return "original" if now == original else "fixed"


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_sigkill_at_random_moments_leaves_the_original_or_the_fixed_file(tmp_path, kind):
    path = _draft(tmp_path, kind)
    original = path.read_bytes()
    start = time.monotonic()
    fixed = fixed_version(path)
    run_time = time.monotonic() - start
    assert fixed != original
    rng = random.Random(kind)
    outcomes = {kill_trial(path, original, fixed, rng.uniform(0.2, 1.2) * run_time) for _ in range(3)}
    assert outcomes <= {"original", "fixed"}
