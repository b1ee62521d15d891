"""One version: the package's literal (read at start-up for free) is pyproject.toml's."""

from __future__ import annotations

import tomllib
from pathlib import Path

import desktop_app

ROOT = Path(__file__).resolve().parents[2]


def test_package_version_is_the_projects():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert desktop_app.__version__ == project["version"]
