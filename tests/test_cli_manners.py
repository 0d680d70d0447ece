"""Command-line manners: --version, unknown verbs and bad paths are usage errors (exit 2, no
window, no Qt), a closed pipe ends quietly, every verb's --help explains its arguments, export
never overwrites Markdown, install-desktop puts valid files in the XDG folders and removes them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tileditor import APP_ID, __version__
from tileditor.cli import VERBS, main

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run([sys.executable, "-m", "tileditor", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, **kw)


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"tileditor {__version__}"


@pytest.mark.parametrize("args, needle", [
    (["bogus"], "unknown verb 'bogus'"),
    (["exprot", "x.md"], "unknown verb 'exprot'"),
    (["no/such/post.md"], "no/such/post.md: no such file or folder"),
])
def test_unknown_verb_or_path_is_usage_error_without_qt(args, needle):
    code = (f"import sys; from tileditor.cli import main; rc = main({args!r}); "
            "print(rc, any(m.startswith('PySide6') for m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=30, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.stdout.split() == ["2", "False"], proc.stderr  # exit 2, Qt never loaded
    assert needle in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("verb", ["tags", "export"])
def test_closed_pipe_ends_quietly(tmp_site, verb):
    post = next((tmp_site / "_posts").rglob("*.md"))
    args = ["tags", "--repo", str(tmp_site)] if verb == "tags" else ["export", str(post)]
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader (`head`) is gone before the first write
    try:
        proc = subprocess.run([sys.executable, "-m", "tileditor", *args], cwd=ROOT,
                              stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(write_end)
    assert proc.stderr == "" and proc.returncode == 141


def test_every_verb_help_explains_each_argument(capsys):
    for name, verb in VERBS.items():
        assert main([name, "--help"]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: tileditor {name}"), out
        for names, kwargs in verb.args:
            assert kwargs.get("help"), (name, names)
            shown = names[-1] if names[0].startswith("-") else kwargs.get("metavar", "{rename}")
            assert str(shown) in out, (name, names)
    assert main(["new", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "(default: today)" in out and "(default: the current folder)" in out


def test_export_refuses_to_overwrite_markdown(tmp_site, tmp_path):
    post = next((tmp_site / "_posts").rglob("*.md"))
    other = post.with_name("2025-04-23-other.md")
    other.write_text("---\ntitle: other\n---\nbody\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(post)
    before = {p: p.read_bytes() for p in (post, other)}
    for target in (post, Path(os.path.relpath(post, ROOT)), link, other,
                   post.parent / "new-file.markdown"):
        proc = run_cli("export", str(post), "-o", str(target))
        assert proc.returncode == 1 and "refusing" in proc.stderr, (target, proc.stderr)
        assert "Traceback" not in proc.stderr
    assert {p: p.read_bytes() for p in (post, other)} == before
    assert not (post.parent / "new-file.markdown").exists()
    ok = run_cli("export", str(post), "-o", str(tmp_path / "page.html"))
    assert ok.returncode == 0 and (tmp_path / "page.html").read_text().startswith("<!doctype html>")


def test_install_desktop_and_uninstall(tmp_path):
    home = tmp_path / "share"
    proc = run_cli("install-desktop", env={"XDG_DATA_HOME": str(home)})
    assert proc.returncode == 0, proc.stderr
    desktop = home / "applications" / f"{APP_ID}.desktop"
    expected = {desktop, home / "metainfo" / f"{APP_ID}.metainfo.xml",
                home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg",
                *(home / f"icons/hicolor/{n}x{n}/apps" / f"{APP_ID}.png" for n in (48, 128, 256))}
    assert {Path(line) for line in proc.stdout.splitlines()} == expected
    assert all(p.is_file() and p.stat().st_size > 0 for p in expected)
    exec_line = next(line for line in desktop.read_text().splitlines() if line.startswith("Exec="))
    program = exec_line[len("Exec="):].rsplit(" %F", 1)[0]
    assert exec_line.endswith(" %F") and Path(program).is_absolute() and os.access(program, os.X_OK)
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert check.returncode == 0 and check.stdout == "", check.stdout
    gone = run_cli("install-desktop", "--uninstall", env={"XDG_DATA_HOME": str(home)})
    assert gone.returncode == 0 and {Path(x) for x in gone.stdout.splitlines()} == expected
    assert not any(p.exists() for p in expected)


def test_exec_quoting_follows_the_desktop_spec():
    from tileditor.desktop_install import _exec_quote

    assert _exec_quote("/usr/bin/tileditor") == "/usr/bin/tileditor"
    assert _exec_quote("/home/a b/bin/tileditor") == '"/home/a b/bin/tileditor"'
    assert _exec_quote('/x/$y"z') == '"/x/\\\\$y\\\\"z"'
