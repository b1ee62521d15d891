"""The corpus of bad and odd inputs through the real command line: right exit code, one line on
stderr per problem, valid JSON (no NaN), nothing read outside a model's folder, nothing hanging."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.corpus import build

ROOT = Path(__file__).resolve().parents[2]
PHOTO = ROOT / "tests" / "data" / "chelsea.jpg"
TIMEOUT_S = 60  # a FIFO opened for reading would block for ever: the timeout is the hang detector


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build(tmp_path_factory.mktemp("corpus"))


def classify(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop_app", "classify", *map(str, args), "--json"],
                          capture_output=True, text=True, timeout=TIMEOUT_S, cwd=ROOT)


def strict_json(text: str) -> dict:
    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_the_corpus_is_large_enough(corpus):
    assert len(corpus) >= 60
    assert {c.kind for c in corpus} == {"picture", "model", "labels"}


def test_every_picture_gets_its_outcome_in_one_run(corpus):
    cases = [c for c in corpus if c.kind == "picture"]
    run = classify(*(c.path for c in cases))
    assert run.returncode == 1  # some fail, the rest are still reported
    document = strict_json(run.stdout)
    results = {r["image"]: r for r in document["results"]}
    problems = []
    for case in cases:
        result = results[str(case.path)]
        if case.ok and not ("top" in result and all(0.0 <= p["probability"] <= 1.0 for p in result["top"])):
            problems.append((case.name, result))
        if not case.ok and (case.reason not in result.get("error", "") or "Traceback" in result["error"]):
            problems.append((case.name, result))
    assert problems == []
    failed = sum(1 for c in cases if not c.ok)
    lines = run.stderr.splitlines()
    assert len(lines) == failed, run.stderr  # one line per picture that failed, nothing else
    assert all(line.startswith("synset: ") for line in lines)


def _run_case(case):
    if case.kind == "model":
        return case, classify(PHOTO, "--model", case.path)
    return case, classify(PHOTO, "--labels", case.path, *case.args)


def test_every_model_and_label_file_gets_its_outcome(corpus):
    cases = [c for c in corpus if c.kind != "picture"]
    with ThreadPoolExecutor(max_workers=3) as pool:
        runs = list(pool.map(_run_case, cases))
    problems = [_judge(case, run) for case, run in runs]
    assert [p for p in problems if p] == []


def _judge(case, run) -> str | None:
    """None when the run kept the contract for this case, else what went wrong."""
    where = f"{case.kind} {case.name}"
    if run.returncode != case.exit_code:
        return f"{where}: exit {run.returncode}, expected {case.exit_code}: {run.stderr!r}"
    lines = run.stderr.splitlines()
    if case.exit_code == 2:
        if len(lines) != 1 or not lines[0].startswith("synset: error: ") or case.reason not in lines[0]:
            return f"{where}: stderr {run.stderr!r}"
        return None if run.stdout == "" else f"{where}: stdout {run.stdout!r}"
    try:
        document = strict_json(run.stdout)
    except ValueError as exc:
        return f"{where}: invalid JSON ({exc})"
    if case.exit_code == 1:
        error = document["results"][0].get("error", "")
        return None if case.reason in error and len(lines) == 1 else f"{where}: {error!r} {run.stderr!r}"
    if lines:
        return f"{where}: stderr {run.stderr!r}"
    warnings = " ".join(document["warnings"])
    return None if case.reason in warnings or (not case.reason and case.kind == "labels" and not warnings) \
        or case.kind == "model" else f"{where}: warnings {warnings!r}"


def test_nothing_outside_a_models_folder_is_shown(corpus):
    """The sidecar that names ../../outside/secret.txt is refused; its content never appears."""
    case = next(c for c in corpus if c.name == "sidecar_labels_parent")
    run = classify(PHOTO, "--model", case.path)
    assert "root-password" not in run.stdout + run.stderr
