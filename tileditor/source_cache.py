"""PySide6's import hook (shibokensupport.feature) reads the whole source of every module
imported after PySide6, to see whether it mentions "PySide6", with inspect.getsource, which
keeps every line in linecache for good: ~100,000 lines of ~250 files, ~10 MiB of the app's
heap that nothing reads again (clearing it later frees little: the lines sit between the
modules' own objects). The check keeps its answer; the file's lines are dropped after it.
A traceback reads them again from disk as usual."""

from __future__ import annotations

import linecache


def drop_feature_check_sources() -> bool:
    """Wrap PySide6's check once (after PySide6 is imported); False when this PySide6 has no
    such check (nothing to do)."""
    try:
        from shibokensupport import feature
        check = feature._mod_uses_pyside
    except (ImportError, AttributeError):
        return False
    if check.__name__ == "_uses_pyside_uncached":
        return True

    def _uses_pyside_uncached(module) -> bool:
        cached = set(linecache.cache)
        try:
            return check(module)
        finally:
            for name in set(linecache.cache) - cached:
                linecache.cache.pop(name, None)  # (another thread may have dropped it)

    feature._mod_uses_pyside = _uses_pyside_uncached
    return True

