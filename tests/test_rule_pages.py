"""docs/rules/ is generated from `letterlint explain`: the committed pages must be what the rules say now."""

from pathlib import Path

import pytest

from letterlint import ruledocs

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


@pytest.mark.skipif(not DOCS.parent.is_dir(), reason="docs/ is not part of this checkout")
def test_the_committed_rule_pages_are_current():
    wrong = ruledocs.stale(DOCS, ruledocs.render())
    assert not wrong, f"docs/rules/ is not current ({', '.join(wrong)}): run `{ruledocs.COMMAND}`"


def test_every_bundled_rule_gets_a_page_with_its_explanation():
    pages = ruledocs.render()
    rules = ruledocs.bundled_rules()
    assert set(pages) == {f"{rule_id}.md" for rule_id in rules} | {"index.md"}
    for rule_id, (rule, _settings) in rules.items():
        text = pages[f"{rule_id}.md"]
        assert rule.doc_in("nl")[0].splitlines()[0] in text  # the rule's own documentation, in Dutch
        assert rule.summary("nl") in text and rule.summary("en") in text
        assert f"]({rule_id}.md)" in pages["index.md"]


def test_stale_names_changed_missing_and_left_over_pages(tmp_path):
    pages = {"a.md": "A\n", "b.md": "B\n"}
    ruledocs.write(tmp_path, pages)
    assert ruledocs.stale(tmp_path, pages) == []
    (tmp_path / "a.md").write_text("changed\n", encoding="utf-8")
    (tmp_path / "old.md").write_text("gone\n", encoding="utf-8")
    (tmp_path / "b.md").unlink()
    assert ruledocs.stale(tmp_path, pages) == ["a.md", "b.md", "old.md"]
    ruledocs.write(tmp_path, pages)  # regenerating removes the page of a rule that no longer exists
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]


def test_check_exits_1_and_names_the_command(tmp_path, capsys):
    assert ruledocs.main(["--check", "--out", str(tmp_path)]) == 1
    assert ruledocs.COMMAND in capsys.readouterr().err
    assert ruledocs.main(["--out", str(tmp_path)]) == 0
    assert ruledocs.main(["--check", "--out", str(tmp_path)]) == 0
