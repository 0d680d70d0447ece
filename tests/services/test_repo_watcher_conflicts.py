"""The conflict cases end to end below the window: RepoWatcher events, decide(), the Document and
the Autosaver, wired the way the main window wires them; plus a real `git checkout` burst."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tileditor.core.disk_policy import Action, decide
from tileditor.core.document import Document
from tileditor.core.recovery import RecoveryStore, key_for
from tileditor.services.autosaver import Autosaver
from tileditor.services.repo_watcher import RepoWatcher


class Flow:
    """What the window does with file_changed: apply the pure policy, record the prompt."""

    def __init__(self, watcher: RepoWatcher, doc: Document, saver: Autosaver):
        self.doc, self.saver, self.prompts, self.actions = doc, saver, [], []
        watcher.file_changed.connect(self._on_watcher_file_changed)

    def _on_watcher_file_changed(self, path: str, kind: str) -> None:
        d = decide(kind, buffer_dirty=self.doc.dirty,
                   disk_equals_buffer=self.doc.disk_equals_buffer())
        self.actions.append(d.action)
        if d.pause_repo_autosave:
            self.saver.pause()
        if d.action is Action.RELOAD_SILENTLY:
            self.doc.reload()
        elif d.action is Action.ASK_RELOAD_OR_KEEP:
            self.prompts.append((d.title, self.doc.diff_against_disk()))
        elif d.action is Action.MARK_UNSAVED:
            self.doc.mark_missing()


@pytest.fixture
def rig(qtbot, tmp_site, tmp_path):
    post = next((tmp_site / "_posts").rglob("*.md"))
    doc = Document.load(post, root=tmp_site)
    watcher = RepoWatcher(tmp_site, quiet_ms=150)
    saver = Autosaver(RecoveryStore(tmp_path / "recovery"), interval_ms=100)
    saver.autosave_to_repo = True
    saver.track(doc, key_for(post, "s"), lambda: {"repo": tmp_site})
    saver.saved.connect(lambda p: watcher.expect_write(p, doc.fingerprint))
    flow = Flow(watcher, doc, saver)
    watcher.watch_file(post)
    watcher.start()
    qtbot.wait(100)
    yield flow, post, watcher
    saver.untrack()
    watcher.stop()


def test_external_edit_while_clean_reloads_silently(qtbot, rig):
    flow, post, _ = rig
    post.write_text("rewritten by git pull", encoding="utf-8")
    qtbot.waitUntil(lambda: bool(flow.actions), timeout=3000)
    assert flow.actions == [Action.RELOAD_SILENTLY] and flow.prompts == []
    assert flow.doc.text == "rewritten by git pull" and not flow.doc.dirty


def test_external_edit_while_dirty_prompts_and_never_writes(qtbot, rig):
    flow, post, _ = rig
    # No event loop runs between these two lines, so no autosave tick can slip in between.
    flow.doc.set_text("my unsaved words")
    post.write_text("their words", encoding="utf-8")
    qtbot.waitUntil(lambda: bool(flow.actions), timeout=3000)
    qtbot.wait(400)  # several autosave ticks while the prompt is open
    assert flow.actions == [Action.ASK_RELOAD_OR_KEEP]
    title, diff = flow.prompts[0]
    assert "-their words" in diff and "+my unsaved words" in diff
    assert post.read_text(encoding="utf-8") == "their words"
    assert flow.doc.text == "my unsaved words" and flow.doc.dirty and flow.saver.paused


def test_autosave_conflict_without_prompt_still_never_overwrites(qtbot, rig):
    flow, post, _ = rig
    conflicts = []
    flow.saver.conflict.connect(conflicts.append)
    flow.doc.set_text("mine")
    post.write_text("theirs", encoding="utf-8")
    # The 100 ms autosave tick meets the changed file before the 150 ms watcher window ends.
    qtbot.waitUntil(lambda: bool(conflicts), timeout=3000)
    qtbot.wait(300)
    assert conflicts == [str(post)]
    assert post.read_text(encoding="utf-8") == "theirs" and flow.saver.paused


def test_delete_while_open_keeps_buffer_as_unsaved(qtbot, rig):
    flow, post, _ = rig
    text = flow.doc.text
    post.unlink()
    qtbot.waitUntil(lambda: bool(flow.actions), timeout=3000)
    qtbot.wait(300)
    assert flow.actions == [Action.MARK_UNSAVED]
    assert flow.doc.text == text and flow.doc.dirty and flow.doc.missing_on_disk
    assert not post.exists(), "autosave must not bring back a file deleted outside"


def test_own_autosave_is_not_reported_as_external_change(qtbot, rig):
    flow, post, _ = rig
    flow.doc.set_text(flow.doc.text + "\nautosaved line")
    qtbot.waitUntil(lambda: post.read_text(encoding="utf-8").endswith("autosaved line"),
                    timeout=3000)
    qtbot.wait(500)
    assert flow.actions == [] and not flow.doc.dirty


def _git(site, *args):
    subprocess.run(["git", "-C", str(site), "-c", "user.name=t", "-c", "user.email=t@e",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_real_git_checkout_of_500_files_is_one_coalesced_update(qtbot, tmp_site):
    _git(tmp_site, "checkout", "-q", "-b", "main")
    _git(tmp_site, "add", "-A")
    _git(tmp_site, "commit", "-q", "-m", "base")
    _git(tmp_site, "checkout", "-q", "-b", "other")
    for i in range(250):
        (tmp_site / "_posts" / "2025" / f"2025-02-{i:03d}-branch.md").write_text(f"post {i}")
        img = tmp_site / "images" / f"2025-02-{i:03d}-branch"
        img.mkdir()
        (img / "shot.png").write_bytes(b"\x89PNG" + bytes([i % 256]))
    _git(tmp_site, "add", "-A")
    _git(tmp_site, "commit", "-q", "-m", "branch with 500 files")
    _git(tmp_site, "checkout", "-q", "main")
    watcher = RepoWatcher(tmp_site)
    emissions = []
    watcher.changed.connect(emissions.append)
    watcher.start()
    try:
        qtbot.wait(100)
        _git(tmp_site, "checkout", "-q", "other")
        qtbot.waitUntil(lambda: bool(emissions), timeout=5000)
        qtbot.wait(1200)
    finally:
        watcher.stop()
    assert 1 <= len(emissions) <= 2, [len(e) for e in emissions]
    seen = set().union(*emissions)
    files = {str(p) for p in (tmp_site / "_posts" / "2025").glob("2025-02-*.md")}
    files |= {str(p) for p in (tmp_site / "images").glob("2025-02-*/shot.png")}
    assert len(files) == 500 and files <= seen
    assert not any("/.git/" in p for p in seen)
