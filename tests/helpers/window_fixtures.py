"""Fixtures for the window tests (loaded by tests/conftest.py as a plugin): the tmp_site post, a recording prompter that answers the
window's questions, and a real window on that post (a module may override `post`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.window import close_window, open_window
from tileditor.ui.dialogs import RecordingPrompter


@pytest.fixture
def post(tmp_site) -> Path:
    return next((tmp_site / "_posts").rglob("*.md"))


@pytest.fixture
def prompter():
    return RecordingPrompter()


@pytest.fixture
def window(qtbot, tmp_site, tmp_path, post, prompter):
    w = open_window(qtbot, tmp_site, post, tmp_path, prompter)
    yield w
    close_window(w, prompter)
