"""The CI's resume plugin (tests/helpers/resume.py) on a real pytest run that crashes: the
resumed run skips what had finished, reruns the test that crashed, and the first run's
failures still fail the whole run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SUITE = '''
import os, signal
from pathlib import Path
HERE = Path(__file__).parent

def _count(name):
    f = HERE / name
    f.write_text(f.read_text() + "x" if f.exists() else "x")

def test_a():
    _count("a.runs")

def test_b_crashes_once():
    _count("b.runs")
    if not (HERE / "crashed").exists():
        (HERE / "crashed").write_text("")
        os.kill(os.getpid(), signal.SIGSEGV)

def test_c():
    _count("c.runs")
'''


def _pytest(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TILEDITOR_RESUME_LOG": str(folder / "log")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
         "-p", "tests.helpers.resume", *args,
         "--rootdir", str(folder), str(folder / "test_suite.py")],
        cwd=folder, env=env, capture_output=True, text=True, timeout=120)


def _runs(folder: Path, name: str) -> int:
    f = folder / f"{name}.runs"
    return len(f.read_text()) if f.exists() else 0


def test_a_crashed_run_resumes_at_the_test_that_crashed(tmp_path):
    (tmp_path / "test_suite.py").write_text(SUITE)
    first = _pytest(tmp_path)
    assert first.returncode in (-11, 139), first.stdout + first.stderr
    assert "test_b_crashes_once" in (tmp_path / "log.fault").read_text()
    again = _pytest(tmp_path, "--resume")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "resuming after a crash in test_suite.py::test_b_crashes_once" in again.stdout
    assert (_runs(tmp_path, "a"), _runs(tmp_path, "b"), _runs(tmp_path, "c")) == (1, 2, 1)


def test_the_resumed_run_keeps_the_project_config(tmp_path):
    """An existing path among pytest's arguments becomes its rootdir (the config is lost):
    the log is named in the environment, so the resumed run reads pyproject.toml as the first
    did (the CI's first try at this resumed with rootdir /tmp/... and crashed)."""
    log = tmp_path / "log"
    log.write_text("")
    env = {**os.environ, "TILEDITOR_RESUME_LOG": str(log)}
    out = subprocess.run([sys.executable, "-m", "pytest", "-p", "tests.helpers.resume", "--resume",
                          "--co", "-q", "tests/test_ci_resume.py"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "tests/test_ci_resume.py::test_the_resumed_run_keeps_the_project_config" in out.stdout


def test_a_failure_before_the_crash_still_fails_the_run(tmp_path):
    (tmp_path / "test_suite.py").write_text(SUITE.replace('_count("a.runs")',
                                                          '_count("a.runs"); assert False'))
    assert _pytest(tmp_path).returncode in (-11, 139)
    again = _pytest(tmp_path, "--resume")
    assert again.returncode == 1
    assert "failed before the crash: test_suite.py::test_a" in again.stdout
