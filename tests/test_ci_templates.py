"""The CI templates: the GitHub Action (action.yml + ci/letterlint-action.sh) and the GitLab CI job
(ci/gitlab-ci.yml), checked as far as this machine allows: their structure, and a dry run of their scripts
with the installed letterlint (the install and upload steps need the platforms themselves).  Also SARIF
against the official schema and GitHub's own rules for code scanning uploads."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import DATA, EXAMPLE, ROOT, SHARED

SCHEMA = SHARED / "reference" / "sarif-schema-2.1.0.json"
BIN = Path(sys.executable).parent


@pytest.fixture
def letters(tmp_path):
    work = tmp_path / "repo"
    (work / "brieven").mkdir(parents=True)
    shutil.copy(EXAMPLE, work / "brieven" / "concept.txt")
    shutil.copy(DATA / "small-features.docx", work / "brieven" / "kort.docx")
    return work


def _needs_console_script():
    if not (BIN / "letterlint").exists():
        pytest.skip("no letterlint console script beside this Python (not installed with pip?)")


def github_rules(sarif: dict) -> list[str]:
    """What GitHub's code scanning upload checks beyond the schema (sarif-sdk's GH1001–GH1007 rules and the
    documented limits): a location with a relative URI and a region with startLine for every result, results
    and rules within the limits, at most 20 runs, 10 locations and 1000 related locations per result."""
    problems = []
    if len(sarif["runs"]) > 20:
        problems.append("more than 20 runs")
    for run in sarif["runs"]:
        rules = run["tool"]["driver"].get("rules", [])
        if len(run["results"]) > 25000 or len(rules) > 25000:
            problems.append("more than 25000 results or rules")
        for rule in rules:
            if len(rule.get("properties", {}).get("tags", [])) > 20:
                problems.append(f"{rule['id']}: more than 20 tags")
        for i, result in enumerate(run["results"]):
            where = f"results[{i}] ({result.get('ruleId')})"
            if not result.get("ruleId") or not result.get("message", {}).get("text"):
                problems.append(f"{where}: no ruleId or message")
            locations = result.get("locations") or []
            if not locations or len(locations) > 10:
                problems.append(f"{where}: {len(locations)} locations")
            if len(result.get("relatedLocations", [])) > 1000:
                problems.append(f"{where}: more than 1000 related locations")
            for loc in locations:
                phys = loc.get("physicalLocation", {})
                uri = phys.get("artifactLocation", {}).get("uri", "")
                if not uri or re.match(r"^[a-z]+:", uri):
                    problems.append(f"{where}: uri {uri!r} is not a relative path")
                region = phys.get("region", {})
                if not isinstance(region.get("startLine"), int) or region["startLine"] < 1:
                    problems.append(f"{where}: no region.startLine")
                if region.get("startColumn", 1) < 1:
                    problems.append(f"{where}: startColumn below 1")
    return problems


def test_sarif_meets_githubs_rules_for_docx_and_text(letters):
    proc = subprocess.run([sys.executable, "-m", "letterlint", "--format", "sarif", "brieven"], cwd=letters,
                          capture_output=True, timeout=120)
    sarif = json.loads(proc.stdout)
    assert github_rules(sarif) == []
    docx = [r for r in sarif["runs"][0]["results"]
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".docx")]
    assert docx and all("= alinea" in r["message"]["text"] for r in docx)  # the line explained
    if SCHEMA.is_file():
        from jsonschema import Draft4Validator

        errors = list(Draft4Validator(json.loads(SCHEMA.read_text("utf-8"))).iter_errors(sarif))
        assert not errors, errors[:3]


# -- GitHub Action ----------------------------------------------------------------------------------------


def test_action_yml_is_a_composite_action_that_runs_the_script_and_uploads_sarif():
    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    for step in steps:
        assert "uses" in step or step.get("shell") == "bash", step
    used = set(re.findall(r"inputs\.([\w-]+)", (ROOT / "action.yml").read_text("utf-8").split("runs:", 1)[1]))
    assert used <= set(action["inputs"]), used - set(action["inputs"])
    lint = next(s for s in steps if s.get("id") == "lint")
    assert "ci/letterlint-action.sh" in lint["run"] and (ROOT / "ci" / "letterlint-action.sh").is_file()
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}" and "always()" in upload["if"]
    install = next(s for s in steps if s.get("name") == "Install letterlint")
    assert "$GITHUB_ACTION_PATH" in install["run"]


def test_dry_run_of_the_action_script(letters, tmp_path):
    _needs_console_script()
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output),
           "LETTERLINT_PATHS": "brieven", "LETTERLINT_FAIL_ON": "error", "LETTERLINT_ARGS": "--lang en",
           "HOME": str(tmp_path)}
    proc = subprocess.run(["bash", str(ROOT / "ci" / "letterlint-action.sh")], cwd=letters, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr  # the draft has errors
    lines = proc.stdout.splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines if line.startswith(("::error", "::warning", "::notice"))]
    assert kinds.count("::error") <= 10 and kinds.count("::warning") <= 10 and kinds.count("::notice") <= 10
    sarif = json.loads((letters / "letterlint.sarif").read_text("utf-8"))
    assert github_rules(sarif) == [] and len(sarif["runs"][0]["results"]) > 100
    assert (letters / "letterlint.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    assert summary.read_text("utf-8").startswith("## letterlint") and "| Rule | Severity |" in summary.read_text("utf-8")
    assert output.read_text("utf-8").splitlines() == ["sarif-file=letterlint.sarif", "html-report=letterlint.html",
                                                     "exit-code=1"]


# -- GitLab CI --------------------------------------------------------------------------------------------


def test_gitlab_job_runs_and_writes_its_reports(letters, tmp_path):
    _needs_console_script()
    job = yaml.safe_load((ROOT / "ci" / "gitlab-ci.yml").read_text("utf-8"))["letterlint"]
    reports = job["artifacts"]["reports"]
    assert set(reports) == {"codequality", "junit"} and job["artifacts"]["when"] == "always"
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(tmp_path), **job["variables"]}
    env["LETTERLINT_PATHS"] = "brieven"
    for line in job["script"]:
        if line.startswith("pip install"):
            continue  # installing needs the network; the console script beside this Python stands in
        proc = subprocess.run(["bash", "-c", line], cwd=letters, env=env, capture_output=True, text=True,
                              timeout=300)
        assert proc.returncode in (0, 1), (line, proc.stderr)
    issues = json.loads((letters / reports["codequality"]).read_text("utf-8"))
    assert issues and all({"description", "check_name", "fingerprint", "severity", "location"} <= set(i)
                          for i in issues)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    import xml.etree.ElementTree as ET

    root = ET.parse(letters / reports["junit"]).getroot()
    assert root.tag == "testsuites" and int(root.get("failures")) > 0
    for path in job["artifacts"]["paths"]:
        assert (letters / path).is_file()


def test_the_ci_docs_name_every_template():
    docs = (ROOT / "docs" / "ci.md").read_text("utf-8")
    for name in ("action.yml", "ci/gitlab-ci.yml", "--format gitlab", "--format junit", "--format sarif",
                 "--format github", "--output-file", "--exit-zero", "letterlint-fix", "GITHUB_STEP_SUMMARY"):
        assert name in docs, name
