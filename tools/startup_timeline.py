#!/usr/bin/env python3
"""How long until the window shows and the first ranking is on screen: whole-process starts.

    python tools/startup_timeline.py [--runs 5] [--baseline DIR] [--frozen EXE] [--out F]

Three measurements per start, each a fresh process with the bundled model and tests/data/chelsea.jpg:

- ``classify``: ``python -m desktop_app classify chelsea.jpg``, process start → exit;
- ``snapshot``: the window with the picture, ``--snapshot`` at 1280x720, process start → exit;
- ``timeline``: the window with the picture, ``--run-seconds`` with ``--stats-json``: its
  ``startup_ms`` milestones (imports, window shown, model loaded, first paint, first result).

``--baseline DIR`` (another checkout, e.g. ``git worktree add /tmp/base HEAD~3``) and
``--frozen EXE`` (a PyInstaller build of the app) are measured in the same rounds, one start of
each in turn, so that machine noise falls on all alike. Prints the medians as JSON.

Source trees are byte-compiled first (``compileall``): Python writes these caches on a user's
first start, so every later start (what is measured) reads them, even where
PYTHONDONTWRITEBYTECODE keeps them from being written.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.report import emit  # noqa: E402

PICTURE = ROOT / "tests" / "data" / "chelsea.jpg"


def command(tree: str) -> tuple[list[str], Path | None]:
    """How to start the app of ``tree``: a source checkout (run from its folder) or a frozen EXE."""
    path = Path(tree)
    if path.is_file():
        return [str(path)], None
    return [sys.executable, "-m", "desktop_app"], path


def timed(args: list[str], cwd: Path | None, env: dict, required: bool = True) -> float | None:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    elapsed = (time.perf_counter() - start) * 1e3
    if done.returncode != 0:
        if not required:
            return None
        raise SystemExit(f"{' '.join(args)} exited {done.returncode}: {done.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def one_start(tree: str, work: Path) -> dict:
    base, cwd = command(tree)
    env = os.environ | {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                        "SYNSET_SETTINGS_FILE": str(work / "settings.json")}
    stats = work / "stats.json"
    window = [str(PICTURE), "--window-size", "1280x720"]
    result = {
        "classify_ms": timed([*base, "classify", str(PICTURE)], cwd, env),
        "snapshot_ms": timed([*base, *window, "--snapshot", str(work / "s.png")], cwd, env),
    }
    # A run on pictures ends once they are ranked (3 s is the limit). Versions before the start-up
    # timeline cannot time a run on pictures: they have only the first two figures.
    if timed([*base, *window, "--run-seconds", "3", "--stats-json", str(stats)], cwd, env, required=False) is None:
        return result
    document = json.loads(stats.read_text(encoding="utf-8"))
    result |= {f"startup.{k}": v for k, v in document.get("startup_ms", {}).items()}
    if document.get("first_result_ms") is not None:  # versions before it have no such field
        result["first_result_ms"] = document["first_result_ms"]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", help="another source checkout to measure alongside")
    parser.add_argument("--frozen", help="a frozen build's executable to measure alongside")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    trees = {"source": str(ROOT)}
    if args.baseline:
        trees = {"baseline": args.baseline} | trees
    if args.frozen:
        trees["frozen"] = args.frozen
    samples: dict[str, list[dict]] = {name: [] for name in trees}
    for tree in trees.values():
        if Path(tree).is_dir():
            subprocess.run([sys.executable, "-m", "compileall", "-q", "desktop_app"], cwd=tree, check=True)
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.runs):
            for name, tree in trees.items():
                samples[name].append(one_start(tree, Path(folder)))
                print(name, json.dumps(samples[name][-1]), file=sys.stderr)
    report = {"runs": args.runs, "picture": PICTURE.name, "medians": {
        name: {key: round(statistics.median(s[key] for s in runs if key in s), 1)
               for key in dict.fromkeys(k for s in runs for k in s)}
        for name, runs in samples.items()}}
    emit(report, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
