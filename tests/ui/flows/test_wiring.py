"""The flows built by ui/flows/wiring.py hold their collaborators, never the window itself
(what they need of its behaviour comes as a callable or through WindowHooks)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from tests.helpers.window import close_window, open_window
from tileditor.ui.dialogs import RecordingPrompter


def _flows(window) -> dict[str, QObject]:
    return {name: value for name, value in vars(window).items()
            if isinstance(value, QObject) and type(value).__module__.startswith("tileditor.ui.flows.")}


def test_no_flow_holds_the_window(qtbot, tmp_path):
    repo = tmp_path / "blog"
    (repo / "_posts").mkdir(parents=True)
    (repo / "_config.yml").write_text("title: t\n", encoding="utf-8")
    post = repo / "_posts" / "2024-01-02-a.md"
    post.write_text("---\ntitle: A\n---\nbody\n", encoding="utf-8")
    prompter = RecordingPrompter()
    window = open_window(qtbot, repo, post, tmp_path, prompter)
    try:
        flows = _flows(window)
        assert {"docs", "disk", "images", "repo", "exports", "writing", "spelling", "theme",
                "search", "moves", "git", "health"} <= set(flows)
        holding = sorted(name for name, flow in flows.items()
                         if any(value is window for value in vars(flow).values()))
        assert holding == []
    finally:
        close_window(window, prompter)
