"""Print the app version from pyproject.toml, for the installer build.

    python packaging/version.py            # 0.1.0       -> ISCC /DAppVersion=...
    python packaging/version.py --numeric  # 0.1.0.0     -> ISCC /DAppNumericVersion=... (Windows file versions
                                           #                are four numbers: "0.2.0rc1" becomes 0.2.0.0)
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def version() -> str:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]


def numeric(text: str) -> str:
    match = re.match(r"\d+(\.\d+){0,3}", text)
    if not match:
        raise SystemExit(f"version {text!r} does not start with a number")
    parts = match.group(0).split(".")
    return ".".join((parts + ["0"] * 4)[:4])


def main(argv: list[str]) -> int:
    text = version()
    print(numeric(text) if "--numeric" in argv else text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
