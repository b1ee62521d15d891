"""desktop_app.core must import without Qt: checked in a process where PySide6 cannot load,
and by the import-linter contract in pyproject.toml."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import desktop_app.core

ROOT = Path(__file__).resolve().parents[2]


def test_every_core_module_imports_with_qt_blocked():
    modules = [f"desktop_app.core.{m.name}" for m in pkgutil.iter_modules(desktop_app.core.__path__)]
    code = (
        "import sys, importlib\n"
        "for name in ('PySide6', 'shiboken6'): sys.modules[name] = None\n"
        f"for module in {modules!r}: importlib.import_module(module)\n"
        "assert not any(m.startswith(('PySide6', 'desktop_app.gui')) for m in sys.modules if sys.modules[m])\n"
        "print(len(" + repr(modules) + "))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout) >= 10


def test_import_linter_contract():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint is None:
        pytest.skip("import-linter is not installed (pip install '.[test]')")
    run = subprocess.run([lint], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 kept, 0 broken" in run.stdout
