"""Rules from other packages register through the `letterlint.rules` entry point."""

import textwrap

from conftest import run_cli

PLUGIN = '''
"""Flags the word "blabla".

What it checks
  The word blabla.

Why
  It says nothing.

Bad::

    Dit is blabla.

Good::

    Dit is tekst.
"""
from letterlint.findings import Finding, msg

ID = "no-blabla"
SEVERITY = "info"
SUMMARY = msg("Geen blabla", "No blabla")


def check(doc, ctx):
    for par in doc.blocks():
        i = par.text.find("blabla")
        if i >= 0:
            yield Finding(doc.locate(par, i, i + 6), msg("Schrap «blabla»", "Remove «blabla»"))
'''


def make_plugin(site, module_name="blabla_rule", rule_id="no-blabla"):
    (site / f"{module_name}.py").write_text(PLUGIN.replace("no-blabla", rule_id), encoding="utf-8")
    dist = site / f"{module_name}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module_name}\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(
        textwrap.dedent(f"""\
            [letterlint.rules]
            {rule_id} = {module_name}
            """), encoding="utf-8")


def test_plugin_rule_is_listed_explained_and_run(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    make_plugin(site)
    env = {"PYTHONPATH": str(site)}
    (tmp_path / "brief.txt").write_text("Dit is blabla.\n", encoding="utf-8")
    listing = run_cli("rules", cwd=tmp_path, env=env).stdout.decode()
    assert "no-blabla" in listing and "Geen blabla" in listing
    assert "It says nothing." in run_cli("explain", "no-blabla", cwd=tmp_path, env=env).stdout.decode()
    proc = run_cli("--fail-on", "info", "brief.txt", cwd=tmp_path, env=env)
    assert proc.returncode == 1 and "brief.txt:1:8: info [no-blabla] Schrap «blabla»" in proc.stdout.decode()
    # and it is configurable like any rule
    (tmp_path / "rules.yaml").write_text("rules:\n  no-blabla:\n    severity: error\n", encoding="utf-8")
    assert "fout [no-blabla]" in run_cli("brief.txt", cwd=tmp_path, env=env).stdout.decode()


def test_plugin_cannot_take_a_builtin_id(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    make_plugin(site, rule_id="typo")
    (tmp_path / "brief.txt").write_text("Dit is blabla.\n", encoding="utf-8")
    proc = run_cli("brief.txt", cwd=tmp_path, env={"PYTHONPATH": str(site)})
    assert proc.returncode == 2 and "already taken" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def test_broken_plugin_is_one_line(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    make_plugin(site)
    (site / "blabla_rule.py").write_text("raise ImportError('kapot')\n", encoding="utf-8")
    (tmp_path / "brief.txt").write_text("Dit is blabla.\n", encoding="utf-8")
    proc = run_cli("brief.txt", cwd=tmp_path, env={"PYTHONPATH": str(site)})
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "no-blabla" in err and "kapot" in err and err.count("\n") == 1
