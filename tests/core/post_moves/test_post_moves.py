"""Publishing, unpublishing and renaming a post on real temporary repos: the new path in the
blog's layout, its images folder moved, every link rewritten in its own style, collisions
refused, and one-step undo that restores every byte."""

from __future__ import annotations

import difflib
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.post_moves import DRAFT, OTHER, PNG, blog, snapshot, write
from tileditor.core.post import Post
from tileditor.core.post_moves import (
    MoveError,
    apply_move,
    plan_publish,
    plan_rename,
    plan_unpublish,
)
from tileditor.core.site import JekyllSite


def _changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append(("".join(a[i1:i2]), "".join(b[j1:j2])))
    return out


def test_publish_moves_file_and_folder_and_rewrites_every_link(tmp_path):
    root = blog(tmp_path)
    site = JekyllSite(root)
    plan = plan_publish(site, root / "_drafts/my-draft.md", date(2025, 5, 6))
    new = root / "_posts/2025/2025-05-06-my-draft.md"
    assert plan.new_path == new
    assert [(m.old, m.new) for m in plan.folder_moves] == [
        (root / "images/my-draft", root / "images/2025-05-06-my-draft")]
    assert not new.exists()  # planning writes nothing
    apply_move(plan)
    assert not (root / "_drafts/my-draft.md").exists() and not (root / "images/my-draft").exists()
    for name in ("teaser", "a", "b", "c", "d", "e"):
        assert (root / f"images/2025-05-06-my-draft/{name}.png").read_bytes() == PNG + name.encode()
    text = new.read_text(encoding="utf-8")
    n = "2025-05-06-my-draft"
    assert _changed_lines(DRAFT, text) == [
        ("  teaser: /images/my-draft/teaser.png\ntypora-root-url: ../\n",
         f"  teaser: /images/{n}/teaser.png\ntypora-root-url: ../../\n"),
        ("![md](/images/my-draft/a.png)\n", f"![md](/images/{n}/a.png)\n"),
        ('<center><img src="../../images/my-draft/b.png" width="85%"></center>\n',
         f'<center><img src="../../images/{n}/b.png" width="85%"></center>\n'),
        ("![liquid]({{ site.baseurl }}/images/my-draft/c.png)\n",
         f"![liquid]({{{{ site.baseurl }}}}/images/{n}/c.png)\n"),
        ("![filter]({{ '/images/my-draft/d.png' | relative_url }})\n",
         f"![filter]({{{{ '/images/{n}/d.png' | relative_url }}}})\n"),
        ('![abs](https://me.example.com/images/my-draft/e.png "title")\n',
         f'![abs](https://me.example.com/images/{n}/e.png "title")\n'),
    ]
    other = (root / "_posts/2025/2025-01-03-Other.md").read_text(encoding="utf-8")
    assert other == OTHER.replace("images/my-draft/", f"images/{n}/")
    assert "Published _drafts/my-draft.md as _posts/2025/2025-05-06-my-draft.md" in plan.summary


def test_undo_restores_every_byte_and_removes_created_folders(tmp_path):
    root = blog(tmp_path)
    (root / "_posts/2025/2025-01-02-First.md").rename(root / "_posts/2025-01-02-First.md")
    (root / "_posts/2025").joinpath("2025-01-03-Other.md").rename(root / "_posts/Other.tmp")
    (root / "_posts/2025").rmdir()
    (root / "_posts/Other.tmp").rename(root / "_posts/2025-01-03-Other.md")
    before = snapshot(root)
    site = JekyllSite(root)
    undo = apply_move(plan_publish(site, root / "_drafts/my-draft.md", date(2024, 12, 1)))
    assert (root / "_posts/2024-12-01-my-draft.md").is_file()  # flat blog: no year folder
    assert snapshot(root) != before
    again = apply_move(undo)
    assert snapshot(root) == before
    assert again.new_path == root / "_posts/2024-12-01-my-draft.md"


def test_publish_into_a_new_year_folder_and_undo_removes_it(tmp_path):
    root = blog(tmp_path)
    before = snapshot(root)
    undo = apply_move(plan_publish(JekyllSite(root), root / "_drafts/my-draft.md",
                                   date(2026, 1, 1)))
    assert (root / "_posts/2026/2026-01-01-my-draft.md").is_file()
    apply_move(undo)
    assert snapshot(root) == before and not (root / "_posts/2026").exists()


def test_unpublish_goes_back_to_drafts_with_its_folder(tmp_path):
    root = blog(tmp_path)
    site = JekyllSite(root)
    plan = plan_unpublish(site, root / "_posts/2025/2025-01-02-First.md")
    apply_move(plan)
    assert (root / "_drafts/First.md").is_file()
    assert (root / "images/First/x.png").read_bytes() == PNG
    with pytest.raises(MoveError, match="already a draft"):
        plan_unpublish(JekyllSite(root), root / "_drafts/First.md")
    with pytest.raises(MoveError, match="already published"):
        plan_publish(JekyllSite(root), root / "_posts/2025/2025-01-03-Other.md")


def test_rename_by_title_edits_only_the_title_line_and_keeps_case(tmp_path):
    root = blog(tmp_path)
    old = root / "_posts/2025/2025-01-02-First.md"
    before = old.read_text(encoding="utf-8")
    site = JekyllSite(root)
    plan = plan_rename(site, old, title="Second Try: 한글")
    assert plan.new_path == root / "_posts/2025/2025-01-02-Second-Try-한글.md"
    apply_move(plan)
    after = plan.new_path.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == [("title: First\n", 'title: "Second Try: 한글"\n')]
    assert (root / "images/2025-01-02-Second-Try-한글/x.png").is_file()


def test_rename_by_date_follows_the_year_folder_and_the_date_key(tmp_path):
    root = blog(tmp_path)
    old = write(root, "_posts/2025/2025-03-01-Dated.md",
                "---\ntitle: d\ndate: 2025-03-01 17:00:00 +0900\ntoc: true \n---\nx")
    plan = plan_rename(JekyllSite(root), old, date=date(2024, 12, 31))
    assert plan.new_path == root / "_posts/2024/2024-12-31-Dated.md"
    apply_move(plan)
    assert plan.new_path.read_text(encoding="utf-8") == (
        "---\ntitle: d\ndate: 2024-12-31 17:00:00 +0900\ntoc: true \n---\nx")


def test_rename_slug_as_typed_and_long_titles_fit(tmp_path):
    root = blog(tmp_path)
    old = root / "_posts/2025/2025-01-02-First.md"
    plan = plan_rename(JekyllSite(root), old, slug="TIL25_Day131 (1)")
    assert plan.new_path.name == "2025-01-02-TIL25_Day131 (1).md"
    apply_move(plan)
    long_title = "한글제목입니다" * 13
    plan = plan_rename(JekyllSite(root), plan.new_path, title=long_title)
    assert len(plan.new_path.name.encode()) <= 200
    apply_move(plan)
    assert Post.from_bytes(plan.new_path.read_bytes()).front_matter["title"] == long_title
    for bad in ("a/b", ".hidden", "", "x\ny"):
        with pytest.raises(MoveError):
            plan_rename(JekyllSite(root), plan.new_path, slug=bad)


@pytest.mark.parametrize("clash", ["post", "folder", "jekyll-case"])
def test_collisions_are_refused_and_nothing_changes(tmp_path, clash):
    root = blog(tmp_path)
    if clash == "post":
        write(root, "_posts/2025/2025-05-06-my-draft.md", "x")
    elif clash == "folder":
        (root / "images/2025-05-06-my-draft").mkdir()
    else:
        write(root, "_posts/2025-05-06-My-Draft.md", "x")
    before = snapshot(root)
    with pytest.raises(MoveError, match="already"):
        plan_publish(JekyllSite(root), root / "_drafts/my-draft.md", date(2025, 5, 6))
    assert snapshot(root) == before


def test_a_file_changed_after_planning_stops_the_move(tmp_path):
    root = blog(tmp_path)
    plan = plan_publish(JekyllSite(root), root / "_drafts/my-draft.md", date(2025, 5, 6))
    write(root, "_posts/2025/2025-01-03-Other.md", OTHER + "\nedited elsewhere\n")
    before = snapshot(root)
    with pytest.raises(MoveError, match="changed on disk"):
        apply_move(plan)
    assert snapshot(root) == before


def test_failure_in_the_middle_rolls_back_every_step(tmp_path):
    root = blog(tmp_path)
    site = JekyllSite(root)
    plan = plan_publish(site, root / "_drafts/my-draft.md", date(2026, 5, 6))
    # A plain file where the new year folder must go: the edits are written, then the
    # post's rename fails for real (ENOTDIR) and everything must be undone.
    write(root, "_posts/2026", "not a folder")
    before = snapshot(root)
    with pytest.raises(MoveError, match="nothing was moved"):
        apply_move(plan)
    assert snapshot(root) == before


def test_failure_at_the_folder_move_undoes_the_post_rename_too(tmp_path):
    from dataclasses import replace

    from tileditor.core.post_moves import FolderMove

    root = blog(tmp_path)
    plan = plan_publish(JekyllSite(root), root / "_drafts/my-draft.md", date(2025, 5, 6))
    blocker = write(root, "blocker", "a file")
    broken = replace(plan, folder_moves=(FolderMove(plan.folder_moves[0].old,
                                                    blocker / "sub" / "x"),))
    before = snapshot(root)
    with pytest.raises(MoveError, match="nothing was moved"):
        apply_move(broken)
    assert snapshot(root) == before


def test_read_only_post_is_not_moved(tmp_path):
    root = blog(tmp_path)
    draft = root / "_drafts/my-draft.md"
    draft.chmod(0o444)
    with pytest.raises(MoveError, match="read-only"):
        plan_publish(JekyllSite(root), draft, date(2025, 5, 6))


def test_assets_images_folder_found_from_the_links(tmp_path):
    root = tmp_path / "b"
    write(root, "_config.yml", "url: https://x.io\nbaseurl: /blog\npermalink: /:title/\n")
    write(root, "_posts/2025-01-01-a.md", "---\ntitle: a\n---\n![x]({{ site.baseurl }}/assets"
              "/images/2025-01-01-a/p%20q.png)\n")
    write(root, "assets/images/2025-01-01-a/p q.png", PNG)
    root = root.resolve()
    plan = plan_rename(JekyllSite(root), root / "_posts/2025-01-01-a.md", slug="b c")
    assert [m.new for m in plan.folder_moves] == [root / "assets/images/2025-01-01-b c"]
    apply_move(plan)
    assert plan.new_path.read_text(encoding="utf-8").endswith(
        "({{ site.baseurl }}/assets/images/2025-01-01-b%20c/p%20q.png)\n")
    assert (root / "assets/images/2025-01-01-b c/p q.png").is_file()


def test_nothing_to_change_and_broken_header(tmp_path):
    root = blog(tmp_path)
    site = JekyllSite(root)
    with pytest.raises(MoveError, match="nothing to change"):
        plan_rename(site, root / "_posts/2025/2025-01-02-First.md", slug="First")
    bad = write(root, "_drafts/bad.md", "---\ntitle: [unclosed\n---\n")
    with pytest.raises(MoveError, match="not valid YAML"):
        plan_publish(site, bad)
    with pytest.raises(MoveError, match="not in a _posts or _drafts"):
        plan_rename(site, write(root, "about.md", "x"), slug="y")


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_git_sees_exactly_the_move_and_undo_leaves_a_clean_tree(tmp_path):
    root = blog(tmp_path)

    def git(*args):
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              check=True).stdout

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start")
    plan = plan_publish(JekyllSite(root), root / "_drafts/my-draft.md", date(2025, 5, 6))
    undo = apply_move(plan)
    git("add", "-A")
    status = git("status", "--porcelain", "--no-renames", "--untracked-files=all")
    pics = [f"images/{{}}/{n}.png" for n in ("a", "b", "c", "d", "e", "teaser")]
    assert sorted(status.splitlines()) == sorted(
        ["D  _drafts/my-draft.md", "A  _posts/2025/2025-05-06-my-draft.md",
         "M  _posts/2025/2025-01-03-Other.md"]
        + ["D  " + p.format("my-draft") for p in pics]
        + ["A  " + p.format("2025-05-06-my-draft") for p in pics])
    assert {Path(p) for p in plan.changed_paths} >= {root / "_drafts/my-draft.md",
                                                    root / "images/my-draft"}
    apply_move(undo)
    git("add", "-A")
    assert git("status", "--porcelain", "--untracked-files=all") == ""


def test_post_url_tags_follow_a_rename_and_block_an_unpublish(tmp_path):
    root = blog(tmp_path)
    body = ("---\ntitle: l\n---\n[a]({% post_url 2025-01-02-First %}) "
            "[b]({%- post_url /2025/2025-01-02-First -%}) [c]({% post_url 2025-01-02-Firsts %})\n"
            "{% raw %}{% post_url 2025-01-02-First %}{% endraw %}\n")
    linker = write(root, "_posts/2024-01-01-linker.md", body)
    old = root / "_posts/2025/2025-01-02-First.md"
    with pytest.raises(MoveError, match=r"_posts/2024-01-01-linker.md links it with"):
        plan_unpublish(JekyllSite(root), old)
    plan = plan_rename(JekyllSite(root), old, slug="Renamed", date=date(2024, 3, 4))
    apply_move(plan)
    assert linker.read_text(encoding="utf-8") == (
        "---\ntitle: l\n---\n[a]({% post_url 2024-03-04-Renamed %}) "
        "[b]({%- post_url /2024/2024-03-04-Renamed -%}) [c]({% post_url 2025-01-02-Firsts %})\n"
        "{% raw %}{% post_url 2025-01-02-First %}{% endraw %}\n")


def test_links_relative_to_the_file_follow_it_to_its_new_folder(tmp_path):
    root = blog(tmp_path)
    draft = write(root, "_drafts/typora.md", "---\ntitle: t\ncategories: Notice\n---\n"
                  "![x](../images/typora/p.png)\n"
                  "![y](./../images/typora/p.png)\n")
    write(root, "images/typora/p.png", PNG)
    plan = plan_publish(JekyllSite(root), draft, date(2025, 2, 2))
    apply_move(plan)
    assert plan.new_path.read_text(encoding="utf-8").endswith(
        "![x](../../images/2025-02-02-typora/p.png)\n![y](./../../images/2025-02-02-typora/p.png)\n")


def test_a_slug_rename_leaves_the_date_key_alone(tmp_path):
    root = blog(tmp_path)
    text = "---\ntitle: f\ndate: 9999-12-31\n---\nx\n"
    old = write(root, "_posts/2010-10-25-future.md", text)
    plan = plan_rename(JekyllSite(root), old, slug="later")
    assert plan.edits == ()
    apply_move(plan)
    assert (root / "_posts/2010-10-25-later.md").read_text(encoding="utf-8") == text
