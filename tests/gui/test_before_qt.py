"""Everything Qt-free that the window imports is imported before PySide6 (whose import hook reads
the source of each module imported after it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_imports_no_qt_free_module_after_qt():
    code = (
        "import sys\n"
        "from desktop_app.core.before_qt import import_before_qt\n"
        "import_before_qt()\n"
        "assert 'PySide6' not in sys.modules and 'onnxruntime' not in sys.modules\n"
        "before = set(sys.modules)\n"
        "import desktop_app.gui.app\n"
        "late = sorted(m for m in set(sys.modules) - before\n"
        "              if m.startswith(('desktop_app.core', 'numpy', 'cv2', 'PIL', 'psutil')))\n"
        "print(late)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={"QT_QPA_PLATFORM": "offscreen", **__import__("os").environ})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]", run.stdout
