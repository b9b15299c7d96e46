"""The pre-commit hooks, used for real: a repository of letters points its .pre-commit-config.yaml at this
checkout; `pre-commit run letterlint --all-files` fails on a draft with defects and passes once it is fixed,
`letterlint-fix` applies the safe fixes, and files that are not letters (README.md, requirements.txt) are
left alone.

pre-commit clones this checkout at a commit (HEAD) and installs it into a virtualenv, so this tests the
committed code, as a user gets it.  It needs git and pre-commit, and pip must be able to install the
package's dependencies (from an index or a local wheel cache); otherwise the test skips, saying why.
"""

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

DRAFT = (
    "Vragen en opmerkingen van de leden van de VVD-fractie\n"
    "[bookmark: _Hlk221883646]De leden van de VVD-fractie vragen hoe het RVIM de uitstoot meet.\n"
    "Antwoord: Het RIVM meet de uitstoot jaarlijks.\n"
)
FIXED = DRAFT.replace("[bookmark: _Hlk221883646]", "").replace("RVIM", "RIVM")


def _env(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1", PRE_COMMIT_COLOR="never",
               GIT_AUTHOR_NAME="Schrijver", GIT_AUTHOR_EMAIL="schrijver@example.invalid",
               GIT_COMMITTER_NAME="Schrijver", GIT_COMMITTER_EMAIL="schrijver@example.invalid",
               GIT_CONFIG_NOSYSTEM="1", HOME=str(tmp_path))
    env.pop("LETTERLINT_LANG", None)
    return env


def _git(*args, cwd, env):
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)


def _pre_commit(*args, cwd, env):
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture
def letters_repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    env = _env(tmp_path)
    head = _git("rev-parse", "HEAD", cwd=ROOT, env=env)
    if head.returncode != 0:
        pytest.skip(f"this checkout is not a git repository with a commit: {head.stderr.strip()}")
    repo = tmp_path / "brieven"
    repo.mkdir()
    assert _git("init", "-q", cwd=repo, env=env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT.as_posix()}\n"
        f"    rev: {head.stdout.strip()}\n"
        "    hooks:\n"
        "      - id: letterlint-fix\n"
        "        stages: [manual]\n"
        "      - id: letterlint\n",
        encoding="utf-8",
    )
    (repo / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (repo / "notities.rst").write_text("Het RVIM: geen brief, geen .docx/.txt/.md, dus niet gelint.\n", encoding="utf-8")
    # text files that are not letters, though they mention the Tweede Kamer and carry a known misspelling
    (repo / "README.md").write_text("# Brieven\n\nConcepten voor de Tweede Kamer. Het RVIM levert data.\n",
                                    encoding="utf-8")
    (repo / "requirements.txt").write_text("RVIM==1.0\n", encoding="utf-8")
    assert _git("add", "-A", cwd=repo, env=env).returncode == 0
    commit = _git("commit", "-q", "-m", "concept", cwd=repo, env=env)
    assert commit.returncode == 0, commit.stderr
    install = _pre_commit("install-hooks", cwd=repo, env=env)
    if install.returncode != 0:
        tail = (install.stdout + install.stderr).strip().splitlines()[-15:]
        log = tmp_path / "pre-commit-home" / "pre-commit.log"
        if log.exists():
            tail += log.read_text(errors="replace").strip().splitlines()[-15:]
        pytest.skip("pre-commit could not install the hook environment (no package index or wheels for pip?):\n"
                    + "\n".join(tail))
    return repo, env


def test_hook_fails_on_defects_and_passes_when_fixed(letters_repo):
    repo, env = letters_repo
    failed = _pre_commit("run", "--all-files", cwd=repo, env=env)
    out = failed.stdout + failed.stderr
    assert failed.returncode == 1, out
    assert "letterlint (Dutch government letters)" in out and "Failed" in out
    col = DRAFT.split("\n")[1].index("RVIM") + 1
    assert f"draft.txt:2:{col}: waarschuwing [typo] «RVIM» is een bekende schrijffout; schrijf «RIVM» → RIVM" in out
    assert "draft.txt:2:1: waarschuwing [bookmark-artefact]" in out
    assert "notities.rst" not in out  # only letters are passed to the hook
    assert "README.md" not in out and "requirements.txt" not in out  # .md/.txt files that are not letters

    (repo / "draft.txt").write_text(FIXED, encoding="utf-8")
    assert _git("add", "draft.txt", cwd=repo, env=env).returncode == 0
    passed = _pre_commit("run", "--all-files", cwd=repo, env=env)
    out = passed.stdout + passed.stderr
    assert passed.returncode == 0, out
    assert "letterlint (Dutch government letters)" in out and "Passed" in out


def test_fix_hook_applies_the_safe_fixes(letters_repo):
    repo, env = letters_repo
    fixed = _pre_commit("run", "letterlint-fix", "--all-files", "--hook-stage", "manual", cwd=repo, env=env)
    out = fixed.stdout + fixed.stderr
    assert fixed.returncode == 1 and "files were modified by this hook" in out, out  # pre-commit stops the commit
    assert (repo / "draft.txt").read_text(encoding="utf-8") == FIXED
    assert (repo / "README.md").read_text(encoding="utf-8").endswith("Het RVIM levert data.\n")  # not a letter
    assert (repo / "requirements.txt").read_text(encoding="utf-8") == "RVIM==1.0\n"
    again = _pre_commit("run", "letterlint-fix", "--all-files", "--hook-stage", "manual", cwd=repo, env=env)
    assert again.returncode == 0, again.stdout + again.stderr  # nothing left to fix
    assert _git("add", "-A", cwd=repo, env=env).returncode == 0
    lint = _pre_commit("run", "letterlint", "--all-files", cwd=repo, env=env)
    assert lint.returncode == 0, lint.stdout + lint.stderr
