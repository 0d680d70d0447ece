"""PostBrowserPanel: newest first, filter by title/tag/file name (Hangul too), activation."""

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt

from tileditor.ui.post_browser import META_ROLE, PostBrowserPanel


@dataclass
class Entry:
    path: Path
    title: str
    date: datetime | None
    tags: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    draft: bool = False
    error: str | None = None  # as PostEntry: a header that did not parse
    published: bool = True


ENTRIES = [
    Entry(Path("/b/_posts/2025/2025-04-22-TIL25_ANewChapter.md"), "TIL :: A new chapter",
          datetime(2025, 4, 22), ["Notice", "MLOpsReview"], ["Notice"]),
    Entry(Path("/b/_posts/2026/2026-01-05-docker-cache.md"), "Docker layer cache",
          datetime(2026, 1, 5), ["Docker"], ["TIL"]),
    Entry(Path("/b/_posts/2025/2025-11-30-파이썬-제너레이터.md"), "파이썬 제너레이터 정리",
          datetime(2025, 11, 30, 9, 0), ["Python"], ["TIL"]),
    Entry(Path("/b/_drafts/half-done.md"), "", None, [], [], True),
]


def _panel(qtbot):
    p = PostBrowserPanel()
    qtbot.addWidget(p)
    p.resize(300, 400)
    p.show()
    p.set_posts(list(ENTRIES))
    return p


def test_order_newest_first_drafts_on_top(qtbot):
    p = _panel(qtbot)
    assert [x.name for x in p.visible_paths()] == [
        "half-done.md",
        "2026-01-05-docker-cache.md",
        "2025-11-30-파이썬-제너레이터.md",
        "2025-04-22-TIL25_ANewChapter.md",
    ]
    items = [p.list_widget().item(i) for i in range(4)]
    texts = [(it.text(), it.data(META_ROLE)) for it in items]
    assert texts[0] == ("half-done", "draft")
    assert texts[1] == ("Docker layer cache", "2026-01-05  ·  #Docker")
    assert texts[3] == ("TIL :: A new chapter", "2025-04-22  ·  #Notice #MLOpsReview")


def test_filter_title_tag_file_and_hangul(qtbot):
    p = _panel(qtbot)
    p.set_filter_text("mlopsREVIEW")
    assert [x.name for x in p.visible_paths()] == ["2025-04-22-TIL25_ANewChapter.md"]
    p.set_filter_text("docker-cache")
    assert len(p.visible_paths()) == 1
    p.set_filter_text("제너레이터")
    assert [x.name for x in p.visible_paths()] == ["2025-11-30-파이썬-제너레이터.md"]
    # Decomposed Hangul (as macOS input methods/file systems give it) still matches.
    p.set_filter_text(unicodedata.normalize("NFD", "파이썬"))
    assert len(p.visible_paths()) == 1
    p.set_filter_text("til notice")
    assert len(p.visible_paths()) == 1
    p.set_filter_text("nothing-like-this")
    assert p.visible_paths() == []
    p.set_filter_text("")
    assert len(p.visible_paths()) == 4


def test_click_and_enter_emit_post_activated(qtbot):
    p = _panel(qtbot)
    lw = p.list_widget()
    item = lw.item(1)
    with qtbot.waitSignal(p.post_activated) as blocker:
        rect = lw.visualItemRect(item)
        qtbot.mouseClick(lw.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [ENTRIES[1].path]
    p.set_filter_text("파이썬")
    with qtbot.waitSignal(p.post_activated) as blocker:
        qtbot.keyClick(p.filter_edit(), Qt.Key.Key_Return)
    assert blocker.args == [ENTRIES[2].path]


def test_select_path_is_silent_and_kept_across_refresh(qtbot):
    p = _panel(qtbot)
    seen = []
    p.post_activated.connect(seen.append)
    assert p.select_path(ENTRIES[0].path)
    assert p.current_path() == ENTRIES[0].path
    p.set_posts(list(reversed(ENTRIES)))
    assert p.current_path() == ENTRIES[0].path
    assert not p.select_path(Path("/nope.md"))
    assert seen == []


def test_whole_corpus_lists_and_filters(qtbot, corpus):
    import re

    from tests.helpers.corpus import corpus_posts
    from tileditor.core.frontmatter import HeaderError, as_datetime, as_list, read_header_values

    entries = []
    for path in corpus_posts():
        try:
            values = read_header_values(path.read_text(encoding="utf-8", errors="replace"))
        except HeaderError:
            values = {}
        m = re.match(r"(\d{4}-\d{2}-\d{2})-", path.name)
        when = as_datetime(values.get("date")) or (as_datetime(m.group(1)) if m else None)
        entries.append(Entry(path, str(values.get("title") or ""), when,
                             as_list(values.get("tags")), as_list(values.get("categories"))))
    p = PostBrowserPanel()
    qtbot.addWidget(p)
    p.set_posts(entries)
    assert len(p.visible_paths()) == len(entries) > 0
    dated = [e for e in entries if e.date]
    newest = max(dated, key=lambda e: e.date.replace(tzinfo=None))
    undated = len(entries) - len(dated)
    assert p.visible_paths()[undated].name == newest.path.name or \
        p.list_widget().item(undated).text().startswith(newest.title.strip() or newest.path.stem)
    p.set_filter_text(newest.path.name)
    assert newest.path in p.visible_paths()


def test_real_site_entries_from_the_demo_blog(qtbot, tmp_path):
    from tileditor.core.demo import install_demo_blog
    from tileditor.core.site import JekyllSite

    site = JekyllSite(install_demo_blog(tmp_path))
    broken = site.root / "_posts" / "2026" / "2026-03-02-broken.md"
    broken.write_text('---\ntitle: "unclosed\n---\nbody\n', encoding="utf-8")
    site = JekyllSite(site.root)
    p = PostBrowserPanel()
    qtbot.addWidget(p)
    p.set_posts(list(site.posts()) + list(site.drafts()))
    names = [x.name for x in p.visible_paths()]
    assert names[:2] == ["2026-03-02-broken.md", "2026-03-01-TIL26_SqlWindowFunctions.md"]
    assert names[-1] == "2025-09-14-TIL25_GitWorktree.md"
    assert "header error" in p.list_widget().item(0).data(META_ROLE)
    p.set_filter_text("제너레이터")
    assert [x.name for x in p.visible_paths()] == ["2025-11-02-TIL25_PythonGenerator.md"]


def test_select_none_clears_selection(qtbot):
    from datetime import datetime
    from pathlib import Path
    from types import SimpleNamespace

    from tileditor.ui.post_browser import PostBrowserPanel

    panel = PostBrowserPanel()
    qtbot.addWidget(panel)
    entry = SimpleNamespace(path=Path("/b/_posts/2025-01-01-a.md"), title="A", date=datetime(2025, 1, 1),
                            tags=(), categories=(), draft=False, error=None, published=True)
    panel.set_posts([entry])
    assert panel.select_path(entry.path) and panel.current_path() == entry.path
    assert panel.select_path(None) is False
    assert panel.current_path() is None and panel.list_widget().selectedItems() == []
