"""pytest plugin for CI: a run that dies of a native crash (exit 139) can be resumed where it
died instead of being lost whole. QtWebEngine and PySide6 crash the interpreter, rarely and at
random, in tests that pass on every rerun; the crash itself stays visible (the resumed run
prints which test it hit and the faulthandler's stacks), and a test that crashes again, or any
failure of the first run, still fails the whole run.

    TILEDITOR_RESUME_LOG=LOG pytest -p tests.helpers.resume            # records progress
    TILEDITOR_RESUME_LOG=LOG pytest -p tests.helpers.resume --resume   # runs what LOG did not finish

The log's path comes from the environment, not an option: pytest takes an existing path among
its arguments (an option's value too) for its rootdir, which then loses the project's config.

LOG gets one line per event (`start`, `done`, `fail` and the test's node id), written
unbuffered so that a crash cannot lose them; the faulthandler writes the stacks of a crash to
LOG.fault."""

from __future__ import annotations

import faulthandler
import os
from pathlib import Path

import pytest

_state: dict = {}


def pytest_addoption(parser):
    group = parser.getgroup("resume")
    group.addoption("--resume", action="store_true",
                    help="run only the tests the log's run did not finish")


def _read(log: Path) -> tuple[set[str], list[str], list[str]]:
    """(finished, started but not finished, failed) node ids of the logged run."""
    done: set[str] = set()
    started: list[str] = []
    failed: list[str] = []
    if log.is_file():
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            event, _, nodeid = line.partition(" ")
            if event == "start":
                started.append(nodeid)
            elif event == "done":
                done.add(nodeid)
            elif event == "fail" and nodeid not in failed:
                failed.append(nodeid)
    return done, [n for n in started if n not in done], failed


@pytest.hookimpl(trylast=True)  # after pytest's own faulthandler set-up, which it replaces
def pytest_configure(config):
    path = os.environ.get("TILEDITOR_RESUME_LOG")
    if not path:
        return
    log = Path(path)
    resume = config.getoption("--resume")
    if resume:
        done, crashed, failed = _read(log)
        _state.update(done=done, crashed=crashed, failed=failed)
    else:
        log.write_text("", encoding="utf-8")
    _state["fd"] = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    fault = open(f"{log}.fault", "a" if resume else "w", encoding="utf-8")  # noqa: SIM115
    _state["fault"] = fault
    faulthandler.enable(file=fault, all_threads=True)


def _log(event: str, nodeid: str) -> None:
    fd = _state.get("fd")
    if fd is not None:
        os.write(fd, f"{event} {nodeid}\n".encode())


def pytest_collection_modifyitems(config, items):
    done = _state.get("done")
    if done is None:
        return
    keep = [item for item in items if item.nodeid not in done]
    dropped = [item for item in items if item.nodeid in done]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = keep


def _resume_line() -> str | None:
    if _state.get("done") is None:
        return None
    crashed = _state["crashed"]
    return (f"resuming after a crash in {', '.join(crashed) or 'no test (after the last one)'}:"
            f" {len(_state['done'])} tests had finished, {len(_state['failed'])} had failed")


def pytest_runtest_logstart(nodeid, location):
    _log("start", nodeid)


def pytest_runtest_logreport(report):
    if report.failed:
        _log("fail", report.nodeid)


def pytest_runtest_logfinish(nodeid, location):
    _log("done", nodeid)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    failed = _state.get("failed")
    if failed:  # the first run's failures are the whole run's
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    elif _state.get("done") is not None and exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        # Every test had finished before the crash: nothing was left to run.
        session.exitstatus = pytest.ExitCode.OK if _state["done"] else exitstatus


def pytest_terminal_summary(terminalreporter):
    line = _resume_line()
    if line:
        terminalreporter.write_line(line, yellow=True)
    failed = _state.get("failed")
    if failed:
        terminalreporter.write_line("failed before the crash: " + ", ".join(failed), red=True)
