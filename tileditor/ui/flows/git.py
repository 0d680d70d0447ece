"""Git from the window: the open post's state in the status bar (new, modified, committed, N
to push), Commit (exactly the post and its images folder, message from the title), Push and
Pull on a worker thread with progress. Part of the composition root; git work is in core."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from tileditor.core import git_repo
from tileditor.services.job_runner import JobRunner

_WORDS = {"new": "new", "modified": "modified", "staged": "staged", "deleted": "deleted",
          "conflicted": "conflict", "clean": "committed", "ignored": "ignored by git",
          "absent": "not in git"}


def state_text(status, rels: list[str]) -> str:
    """One short line: the post's state, then the branch's position against its upstream."""
    states = [status.state_of(r) for r in rels if status.state_of(r) != "absent"] or ["absent"]
    worst = min(states, key=git_repo.status.STATES.index)
    bits = [_WORDS.get(worst, worst)]
    if any(status.paths.get(r) and status.paths[r].unpushed for r in rels):
        bits.append("not pushed")
    if status.branch is None:
        bits.append("detached HEAD")
    if status.ahead:
        bits.append(f"{status.ahead} to push")
    if status.behind:
        bits.append(f"{status.behind} to pull")
    return "git: " + " · ".join(bits)


class GitFlow(QObject):
    status_reported = Signal(str)

    def __init__(self, session, actions, prompter, status_bar, saved_signal, hooks, parent=None):
        super().__init__(parent)
        self.session, self.prompter, self.hooks = session, prompter, hooks
        self.runner = JobRunner(self)
        self.status_runner = JobRunner(self)  # a state refresh never blocks a commit or push
        self.label = QLabel()
        self.label.setObjectName("gitStateLabel")
        status_bar.addPermanentWidget(self.label)
        a = actions
        a.commit.triggered.connect(self.commit)
        a.push.triggered.connect(self.push)
        a.pull.triggered.connect(self.pull)
        self.status_runner.finished.connect(self._on_runner_finished)
        self.status_runner.failed.connect(self._on_runner_failed)
        self.runner.progress.connect(self._on_runner_progress)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        session.document_changed.connect(self.refresh)
        saved_signal.connect(lambda _p: self.refresh())

    def _paths(self) -> list[Path]:
        doc, site = self.session.document, self.session.site
        if doc.path is None or site is None:
            return []
        return git_repo.post_paths(site, doc.path)

    def _root(self) -> Path | None:
        return self.session.site.root if self.session.site is not None else None

    def refresh(self) -> None:
        """Ask git for the post's state (on the worker; the label updates when it answers)."""
        paths = self._paths()
        if not paths:
            self.label.setText("")
            return
        self.status_runner.start("status", _status_line, repo=self._root(), paths=paths)

    def commit(self) -> bool:
        paths = self._paths()
        if not paths:
            self.status_reported.emit("Save the post first: only a saved post can be committed.")
            return False
        if self.session.document.dirty and not self.hooks.save():
            return False
        title = str(self.session.header_values().get("title") or Path(paths[0]).stem)
        message = self.prompter.ask_text("Commit", "Commit message:", git_repo.default_message(title))
        if not message or not message.strip():
            return False
        return self._start("commit", git_repo.commit_paths, repo=self._root(), paths=paths,
                           message=message.strip())

    def push(self) -> bool:
        self.status_reported.emit("Pushing…")
        return self._start("push", git_repo.push, with_progress=True, repo=self._root())

    def pull(self) -> bool:
        self.status_reported.emit("Pulling…")
        return self._start("pull", git_repo.pull_ff_only, with_progress=True, repo=self._root())

    def shutdown(self) -> None:
        self.runner.shutdown()
        self.status_runner.shutdown()

    def _start(self, name, fn, **kwargs) -> bool:
        if self._root() is None:
            self.status_reported.emit("Open a blog first.")
            return False
        if not self.runner.start(name, fn, **kwargs):
            self.status_reported.emit("Git is still busy with the last command.")
            return False
        return True

    def _on_runner_progress(self, text: str, percent) -> None:
        self.status_reported.emit(f"{text} {percent}%" if percent is not None else text)

    def _on_runner_finished(self, name: str, result) -> None:
        if name == "status":
            self.label.setText(result)
            return
        done = {"commit": lambda r: f"Committed {r.sha[:7]}: {r.summary}",
                "push": lambda r: "Already up to date." if r.up_to_date else f"Pushed to {r.remote}/{r.branch}.",
                "pull": lambda r: f"Pulled {len(r.changed_paths)} changed files." if r.changed
                else "Already up to date."}[name]
        self.status_reported.emit(done(result))
        if name == "pull" and self.session.site is not None:
            # The repo watcher reloads clean buffers and asks about dirty ones.
            self.session.site.invalidate(None)
            self.hooks.refresh_repo_views()
        self.refresh()

    def _on_runner_failed(self, name: str, message: str) -> None:
        if name == "status":
            self.label.setText("git: " + ("not a repository" if "repository" in message else "?"))
            self.label.setToolTip(message)
            return
        self.prompter.warn(f"git {name}", message)
        self.status_reported.emit(message)
        self.refresh()


def _status_line(repo, paths) -> str:
    root = git_repo.repo_root(repo)
    status = git_repo.status_of(root, paths)
    from tileditor.core.git_repo import rel_in_repo

    return state_text(status, [rel_in_repo(root, p) for p in paths])
