"""Measure what each exclusion group of ``synset.spec`` saves: one build with all of them, then one per group with
that group kept (``SYNSET_SPEC_KEEP``), and a last one with none applied.

    python packaging/measure_exclusions.py [--workdir /tmp/synset-measure] [--groups qt-modules,ssl]

Prints a Markdown table (bundle size on disk, and the difference each group makes). Each build takes 15-60 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "synset.spec"
GROUPS = [
    "qt-modules", "qt-plugins", "qt-translations", "orphans", "stdlib", "ssl", "numpy-extras",
    "pil-extras", "opengl-sw",
]


def tree_size(path: Path) -> int:
    """Bytes of the regular files under ``path`` (symbolic links count as nothing, as in an archive)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(workdir: Path, label: str, keep: str) -> int:
    env = dict(os.environ, SYNSET_SPEC_KEEP=keep)
    dist, work = workdir / label / "dist", workdir / label / "work"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
    )
    size = tree_size(dist / "Synset")
    print(f"  {label}: {size / 2**20:.1f} MiB ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--groups", help="comma-separated subset of " + ", ".join(GROUPS))
    args = parser.parse_args()
    groups = args.groups.split(",") if args.groups else GROUPS
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="synset-measure-"))
    full = build(workdir, "all", "")
    rows = [(group, build(workdir, f"keep-{group}", group) - full) for group in groups]
    none = build(workdir, "none", ",".join(GROUPS))
    print("\n| Exclusion group | Saves |\n|---|---|")
    for group, saved in rows:
        print(f"| `{group}` | {saved / 2**20:.1f} MiB |")
    print(f"| all of them together | {(none - full) / 2**20:.1f} MiB ({none / 2**20:.0f} MiB → {full / 2**20:.0f} MiB) |")


if __name__ == "__main__":
    main()
