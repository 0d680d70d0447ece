"""`tags rename` in every list style, and the count the CLI needs to say 'not found'."""

from __future__ import annotations

from pathlib import Path

from tileditor.core.site import JekyllSite
from tileditor.core.tag_rename import rename_tag, renamed_value


def _site(root: Path, headers: dict[str, str]) -> JekyllSite:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n")
    for name, header in headers.items():
        (root / "_posts" / name).write_text(f"---\n{header}---\nbody\n", encoding="utf-8")
    return JekyllSite(root)


def test_flow_list_nested_in_block_list_is_renamed(tmp_path):
    site = _site(tmp_path, {"2024-01-01-a.md": "title: A\ntags:\n  - [A, B]\n",
                            "2024-01-02-b.md": "title: B\ntags:\n- [B, C]\n- D\n"})
    changed = rename_tag(site, "B", "Bee")
    assert len(changed) == 2 and changed.found == 2 and not changed.skipped
    assert (tmp_path / "_posts/2024-01-01-a.md").read_text() == "---\ntitle: A\ntags:\n  - [A, Bee]\n---\nbody\n"
    assert (tmp_path / "_posts/2024-01-02-b.md").read_text() == "---\ntitle: B\ntags:\n- [Bee, C]\n- D\n---\nbody\n"


def test_merge_inside_nested_list_drops_the_old_name():
    assert renamed_value([["A", "B"], "C"], "A", "C") == [["B"], "C"]
    assert renamed_value([["A"], "B"], "A", "B") == ["B"]
    assert renamed_value(["A", 2024], "A", "Z") == ["Z", 2024]
    assert renamed_value([["x"]], "A", "Z") is None


def test_result_tells_not_found_from_found(tmp_path):
    site = _site(tmp_path, {"2024-01-01-a.md": "title: A\ntags: [A]\n",
                            "2024-01-02-b.md": "title: B\ntags: [A]\nbad: [\n"})
    missing = rename_tag(site, "nowhere", "x")
    assert list(missing) == [] and missing.found == 0 and missing.skipped == []
    result = rename_tag(site, "A", "Z")
    assert len(result) == 1 and result.found == 1
