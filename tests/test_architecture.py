"""The core stays Qt-free: no module under tileditor/core imports PySide6."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "tileditor" / "core"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_no_qt():
    offenders = {
        str(p.relative_to(CORE)): sorted(n for n in _imports(p) if n.split(".")[0] in {"PySide6", "shiboken6"})
        for p in CORE.rglob("*.py")
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert list(CORE.rglob("*.py")), "core package is empty"
    assert offenders == {}


def test_services_import_no_widgets():
    services = CORE.parent / "services"
    bad = {
        str(p.name): n
        for p in services.rglob("*.py")
        for n in _imports(p)
        if n.startswith(("PySide6.QtWidgets", "PySide6.QtWebEngine", "tileditor.ui"))
    }
    assert bad == {}
