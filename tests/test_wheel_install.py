"""The built wheel, installed into a fresh virtual environment outside the checkout (with another
distribution's top-level `resources/` folder beside it), works from there: --version, a bad verb,
export (with its stylesheet), new, install-desktop and the window offscreen. Needs `uv`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tileditor import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("uv") is None, reason="uv is not installed")]


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    subprocess.run(["uv", "build", "--wheel", "-q", "-o", str(base / "dist")], cwd=ROOT, check=True,
                   timeout=300)
    wheel = next((base / "dist").glob("tileditor-*.whl"))
    venv = base / "venv"
    subprocess.run(["uv", "venv", "-q", "--python", sys.executable, str(venv)], check=True, timeout=120)
    subprocess.run(["uv", "pip", "install", "-q", "--python", str(venv / "bin" / "python"), str(wheel)],
                   check=True, timeout=300)
    purelib = subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    foreign = Path(purelib) / "resources" / "preview"  # as another wheel might ship it
    foreign.mkdir(parents=True)
    (foreign / "preview.css").write_text("", encoding="utf-8")
    return venv


def _run(venv: Path, tool: str, *args: str, cwd: Path, env_extra: dict | None = None):
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env.update(QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1",
               TILEDITOR_DATA_DIR=str(cwd / "data"), XDG_CONFIG_HOME=str(cwd / "cfg"),
               XDG_STATE_HOME=str(cwd / "state"), **(env_extra or {}))
    return subprocess.run([str(venv / "bin" / tool), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_installed_wheel_runs_outside_the_checkout(venv, tmp_site, tmp_path):
    where = tmp_path / "elsewhere"
    where.mkdir()
    assert list(venv.glob("lib/python*/site-packages/tileditor-*.dist-info/licenses/LICENSE"))
    version = _run(venv, "tileditor", "--version", cwd=where)
    assert version.returncode == 0 and version.stdout.strip() == f"tileditor {__version__}"
    bad = _run(venv, "tileditor-cli", "bogus", cwd=where)
    assert bad.returncode == 2 and "unknown verb" in bad.stderr

    new = _run(venv, "tileditor-cli", "new", "From the wheel", "--repo", str(tmp_site),
               "--date", "2025-07-01", cwd=where)
    assert new.returncode == 0, new.stderr
    post = Path(new.stdout.strip())
    assert post.is_file() and post.is_relative_to(tmp_site)

    page = _run(venv, "tileditor-cli", "export", str(post), cwd=where)
    assert page.returncode == 0, page.stderr
    style = page.stdout.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "page__title" in style and len(style) > 1000  # our stylesheet, not the foreign empty one

    share = tmp_path / "share"
    desk = _run(venv, "tileditor-cli", "install-desktop", cwd=where, env_extra={"XDG_DATA_HOME": str(share)})
    assert desk.returncode == 0, desk.stderr
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Exec={venv / 'bin' / 'tileditor'} %F" in entry

    shown = _run(venv, "tileditor", "--quit-after-render", str(post), cwd=where)
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert f"rendered {post}" in shown.stdout
    assert (where / "state" / "tileditor" / "tileditor.log").is_file()
