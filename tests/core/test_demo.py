"""The demo blog: installed once into the data folder, never overwriting the user's edits, and
its posts, config and pictures are what a Minimal Mistakes TIL blog holds."""

import re
import shutil
from pathlib import Path

import pytest

from tileditor.core.demo import MANIFEST, demo_blog_source, install_demo_blog
from tileditor.core.frontmatter import as_list, read_header_values, split_front_matter


def _posts(root: Path) -> list[Path]:
    return sorted((root / "_posts").rglob("*.md"))


def test_source_is_a_jekyll_site():
    src = demo_blog_source()
    assert (src / "_config.yml").is_file()
    cfg = read_header_values("---\n" + (src / "_config.yml").read_text(encoding="utf-8") + "---\n")
    assert cfg["url"] == "https://demo-til.github.io" and cfg["baseurl"] == ""
    assert cfg["permalink"] == "/:categories/:title/"
    assert cfg["kramdown"]["input"] == "GFM"
    assert cfg["remote_theme"] == "mmistakes/minimal-mistakes"
    assert cfg["words_per_minute"] == 200
    post_defaults = cfg["defaults"][0]["values"]
    assert post_defaults["layout"] == "single" and post_defaults["read_time"] is True


def test_install_copies_once_and_keeps_user_edits(tmp_path):
    dest = install_demo_blog(tmp_path / "data")
    assert dest == tmp_path / "data" / "demo-blog"
    assert len(_posts(dest)) == 5
    assert (dest / MANIFEST).is_file()
    assert not [p for p in (tmp_path / "data").iterdir() if p.name != "demo-blog"]
    post = _posts(dest)[0]
    post.write_text(post.read_text(encoding="utf-8") + "\nMy own line.\n", encoding="utf-8")
    (dest / "_posts" / "2026" / "2026-04-01-mine.md").write_text("---\n---\nmine\n")
    again = install_demo_blog(tmp_path / "data")
    assert again == dest
    assert post.read_text(encoding="utf-8").endswith("My own line.\n")
    assert (dest / "_posts" / "2026" / "2026-04-01-mine.md").exists()


def test_untouched_old_copy_is_refreshed_but_foreign_folder_is_not(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(demo_blog_source(), src)
    dest = install_demo_blog(tmp_path / "data", source=src)
    (src / "README.md").write_text("newer demo\n", encoding="utf-8")
    install_demo_blog(tmp_path / "data", source=src)
    assert (dest / "README.md").read_text(encoding="utf-8") == "newer demo\n"
    foreign = tmp_path / "other" / "demo-blog"
    foreign.mkdir(parents=True)
    (foreign / "notes.md").write_text("not ours", encoding="utf-8")
    assert install_demo_blog(tmp_path / "other", source=src) == foreign
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.md"]


def test_missing_source_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        install_demo_blog(tmp_path, source=tmp_path / "nope")


@pytest.mark.parametrize("post", _posts(demo_blog_source()), ids=lambda p: p.name)
def test_demo_posts_parse_and_link_existing_pictures(post):
    root = demo_blog_source()
    text = post.read_text(encoding="utf-8")
    values = read_header_values(text)
    assert values["title"].startswith("TIL :: ")
    assert values["categories"] == "TIL" and values["toc"] is True
    assert values["typora-root-url"] == "../"
    assert len(as_list(values["tag"])) >= 2
    header = text[: split_front_matter(text).body_start]
    assert re.search(r'^title: ".*"$', header, re.M)  # double-quoted, as the author writes
    assert re.search(r"^tag: \[.*\]$", header, re.M)  # flow list
    assert re.match(r"\d{4}-\d{2}-\d{2}-TIL2[56]_\w+\.md$", post.name)
    for src in re.findall(r'(?:src="|\]\()(\.\./\.\./images/[^")]+)', text):
        target = root / src.removeprefix("../../")
        assert target.is_file(), src
        assert target.parent.name == post.stem
        assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert "```" in text


def test_demo_covers_the_features_users_write():
    texts = {p.name: p.read_text(encoding="utf-8") for p in _posts(demo_blog_source())}
    allt = "\n".join(texts.values())
    assert "{: .notice--info}" in allt
    assert re.search(r"^\|.*\|$", allt, re.M)  # a table
    assert "[^" in allt  # a footnote
    assert "$$" in allt
    assert '<center><img src="../../images/' in allt and "<I>" in allt
    assert "![" in allt and "](../../images/" in allt
    korean = [n for n, t in texts.items() if re.search(r'^title: ".*[가-힣]', t, re.M)]
    assert len(korean) == 1
    assert {"_posts/2025", "_posts/2026"} <= {
        p.parent.relative_to(demo_blog_source()).as_posix() for p in _posts(demo_blog_source())
    }
    total = sum(p.stat().st_size for p in demo_blog_source().rglob("*") if p.is_file())
    assert total < 300_000


def test_site_model_sees_posts_and_resolves_every_picture(tmp_path):
    from tileditor.core.images import find_image_references, resolve_reference
    from tileditor.core.site import JekyllSite

    site = JekyllSite(install_demo_blog(tmp_path))
    posts = site.posts()
    assert len(posts) == 5
    resolved = 0
    for entry in posts:
        text = Path(entry.path).read_text(encoding="utf-8")
        for ref in find_image_references(text):
            target = resolve_reference(site, entry.path, ref.src)
            assert target is not None and Path(target).is_file(), ref.src
            resolved += 1
    assert resolved == 4
    korean = next(e for e in posts if "Generator" in Path(e.path).name)
    assert "제너레이터" in korean.title


@pytest.mark.jekyll
def test_demo_builds_with_jekyll(tmp_path):
    if shutil.which("jekyll") is None:
        pytest.skip("jekyll is not installed")
    import subprocess

    site = install_demo_blog(tmp_path)
    out = tmp_path / "_site"
    run = subprocess.run(["jekyll", "build", "-q", "-s", str(site), "-d", str(out)],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    page = out / "til" / "TIL26_SoftmaxTemperature" / "index.html"
    assert page.is_file()
    # ../../images from /til/<title>/ lands on the copied picture.
    assert (out / "images" / "2026-01-08-TIL26_SoftmaxTemperature" / "temperature.png").is_file()
    assert 'src="../../images/2026-01-08-TIL26_SoftmaxTemperature/temperature.png"' in \
        page.read_text(encoding="utf-8")
