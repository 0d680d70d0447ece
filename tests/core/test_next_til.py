"""next_in_series on generated blogs: the next number, a new year's prefix (restarting or
continuing as the blog did before), the title's fixed label without the topic, and the header
keys copied in the post's own style."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tileditor.core.next_til import next_in_series
from tileditor.core.site import JekyllSite


def make_blog(root: Path, posts: list[tuple[str, str, str]]) -> JekyllSite:
    """posts: (file name, title, extra header lines)."""
    (root / "_posts").mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text("title: t\npermalink: /:categories/:title/\n")
    for name, title, extra in posts:
        (root / "_posts" / name).write_text(f'---\ntitle: "{title}"\n{extra}---\n\nbody\n',
                                            encoding="utf-8")
    return JekyllSite(root)


HEAD = "tag: [TIL_25, {topic}]\ncategories: TIL\nread_time: True\ntoc: true \n"


def test_continues_the_number_and_copies_the_header(tmp_path):
    site = make_blog(tmp_path, [
        ("2025-07-26-TIL25_Day207.md", "TIL :: Day 207 spark joins", HEAD.format(topic="Spark")),
        ("2025-07-27-TIL25_Day208.md", "TIL :: Day 208 kafka offsets", HEAD.format(topic="Kafka")),
        ("2025-07-28-TIL25_Day209.md", "TIL :: Day 209 docker layers",
         HEAD.format(topic="Docker") + "typora-root-url: ../\nexcerpt: layers\n"
         "header:\n  teaser: /images/x.png\n  overlay_color: \"#333\"\n"
         "date: 2025-07-28 09:30:00 +0900\n"),
        ("2025-07-01-unrelated.md", "Unrelated", "tags: [x]\n"),
    ])
    nxt = next_in_series(site, date(2025, 7, 29))
    assert (nxt.slug, nxt.title, nxt.number) == ("TIL25_Day210", "TIL :: Day 210", 210)
    assert nxt.source.name == "2025-07-28-TIL25_Day209.md"
    assert nxt.header == {"tag": ["TIL_25"], "categories": "TIL", "read_time": True,
                          "toc": True, "typora-root-url": "../",
                          "header": {"overlay_color": "#333"}}
    assert list(nxt.header) == ["tag", "categories", "read_time", "toc", "typora-root-url",
                                "header"]
    # Lines copied byte for byte where the value is unchanged; the date only for its shape.
    assert nxt.header_lines["read_time"] == "read_time: True\n"
    assert nxt.header_lines["toc"] == "toc: true \n"
    assert nxt.header_lines["date"] == "date: 2025-07-28 09:30:00 +0900\n"
    assert "tag" not in nxt.header_lines and "header" not in nxt.header_lines
    assert nxt.title_quoted


def test_title_that_is_the_slug(tmp_path):
    site = make_blog(tmp_path, [("2025-07-28-TIL25_Day209.md", "TIL25_Day209", "")])
    nxt = next_in_series(site, date(2025, 7, 29))
    assert (nxt.slug, nxt.title) == ("TIL25_Day210", "TIL25_Day210")


def test_fixed_label_after_the_number_is_kept(tmp_path):
    site = make_blog(tmp_path, [
        ("2025-07-27-TIL25_Day208.md", "[Day 208] 오늘의 TIL - kafka", ""),
        ("2025-07-28-TIL25_Day209.md", "[Day 209] 오늘의 TIL - docker", ""),
    ])
    assert next_in_series(site, date(2025, 7, 29)).title == "[Day 210] 오늘의 TIL"


def test_new_year_restarts_when_the_blog_restarted_before(tmp_path):
    site = make_blog(tmp_path, [
        ("2024-12-31-TIL24_Day300.md", "TIL24_Day300", "tags: [TIL_24]\n"),
        ("2025-01-01-TIL25_Day1.md", "TIL25_Day1", "tags: [TIL_25]\n"),
        ("2025-12-30-TIL25_Day250.md", "TIL25_Day250", "tags: [TIL_25]\n"),
    ])
    nxt = next_in_series(site, date(2026, 1, 2))
    assert (nxt.slug, nxt.title) == ("TIL26_Day1", "TIL26_Day1")
    assert nxt.header["tags"] == ["TIL_26"]
    # Still December: same prefix, next number.
    assert next_in_series(site, date(2025, 12, 31)).slug == "TIL25_Day251"


def test_new_year_continues_when_the_blog_continued_before(tmp_path):
    site = make_blog(tmp_path, [
        ("2024-12-31-TIL24_Day300.md", "TIL24_Day300", ""),
        ("2025-01-01-TIL25_Day301.md", "TIL25_Day301", ""),
        ("2025-12-30-TIL25_Day550.md", "TIL25_Day550", ""),
    ])
    assert next_in_series(site, date(2026, 1, 2)).slug == "TIL26_Day551"


def test_new_year_without_history_restarts_and_a_yearless_series_continues(tmp_path):
    site = make_blog(tmp_path / "a", [("2025-12-30-TIL25_Day209.md", "TIL25_Day209", "")])
    assert next_in_series(site, date(2026, 1, 2)).slug == "TIL26_Day1"
    site = make_blog(tmp_path / "b", [("2025-12-30-til-009.md", "TIL #009", "")])
    nxt = next_in_series(site, date(2026, 1, 2))
    assert (nxt.slug, nxt.title) == ("til-010", "TIL #010")


def test_no_numbered_post(tmp_path):
    site = make_blog(tmp_path, [("2025-07-28-hello-world.md", "Hello", "")])
    assert next_in_series(site, date(2025, 7, 29)) is None
    assert next_in_series(make_blog(tmp_path / "empty", []), date(2025, 7, 29)) is None


def test_next_post_text_rewrites_changed_keys_in_the_blog_style(tmp_path):
    from tileditor.core.frontmatter import read_header_values
    from tileditor.core.next_til import next_post_text

    site = make_blog(tmp_path, [
        ("2025-12-30-TIL25_Day209.md", "TIL25_Day209",
         "tags: [TIL_25, Kafka]\ncategories: [TIL]\ndate: 2025-12-30 09:00:00 +0900\n"
         "header:\n  teaser: /x.png\n  overlay_color: \"#333\"\nread_time: True\n"),
    ])
    text = next_post_text(site, next_in_series(site, date(2026, 1, 2)))
    assert text == ('---\ntitle: "TIL26_Day1"\ndate: 2026-01-02 09:00:00 +0900\n'
                    'tags: [TIL_26, Kafka]\ncategories: [TIL]\n'
                    'header:\n  overlay_color: "#333"\nread_time: True\n---\n\n')
    assert read_header_values(text)["header"] == {"overlay_color": "#333"}
