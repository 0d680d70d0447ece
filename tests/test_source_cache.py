"""PySide6's import hook still learns whether a module uses PySide6, but the module's source
lines do not stay in linecache afterwards (~10 MiB over the app's ~250 modules)."""

from __future__ import annotations

import linecache
import sys

import PySide6.QtCore  # noqa: F401  (installs the import hook)
import pytest

from tileditor.source_cache import drop_feature_check_sources

feature = pytest.importorskip("shibokensupport.feature")


def test_a_new_module_is_checked_and_its_source_not_kept(tmp_path, monkeypatch):
    assert drop_feature_check_sources()
    assert drop_feature_check_sources()  # twice wraps once
    (tmp_path / "uses_qt_mod.py").write_text("import PySide6\nX = 1\n", encoding="utf-8")
    (tmp_path / "plain_mod.py").write_text("Y = 2\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        __import__("uses_qt_mod")  # through builtins.__import__, where the hook sits
        __import__("plain_mod")
        assert feature.pyside_feature_dict.get("uses_qt_mod") == 0  # uses PySide: switchable
        assert feature.pyside_feature_dict.get("plain_mod") == -1  # ignored, as before
        assert not [name for name in linecache.cache if "uses_qt_mod" in name or
                    "plain_mod" in name]
        assert linecache.getline(str(tmp_path / "plain_mod.py"), 1) == "Y = 2\n"  # on demand
    finally:
        sys.modules.pop("uses_qt_mod", None)
        sys.modules.pop("plain_mod", None)
