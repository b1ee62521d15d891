"""No network, proven: the command line, the benchmark, the self-test and the window (a picture,
then a video as the camera) run under an audit hook that fails on any internet socket."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NETWORK_EXIT = 97
AUDITED = r"""
import os, socket, sys

def refuse(event, args):
    internet = (socket.AF_INET, socket.AF_INET6, -1)  # -1: socket()'s default family, AF_INET
    if event == "socket.__new__" and args[1] in internet or event in (
            "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "urllib.Request"):
        sys.__stderr__.write(f"NETWORK: {event} {args!r}\n")
        sys.__stderr__.flush()
        os._exit(NETWORK_EXIT)

sys.addaudithook(refuse)
if sys.argv[1] == "--probe":
    socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sys.argv = ["desktop_app", *sys.argv[1:]]
import runpy
runpy.run_module("desktop_app", run_name="__main__")
""".replace("NETWORK_EXIT", str(NETWORK_EXIT))


def audited(*args, timeout: int = 180) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", AUDITED, *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=timeout)


def test_the_hook_catches_an_internet_socket():
    run = audited("--probe")
    assert run.returncode == NETWORK_EXIT and "NETWORK: socket.__new__" in run.stderr


@pytest.mark.parametrize("args", [
    ("classify", "tests/data/chelsea.jpg", "tests/data/coffee.jpg", "--json"),
    ("bench", "--iterations", "5", "--json"),
    ("--self-test",),
], ids=["classify", "bench", "self-test"])
def test_command_line_uses_no_network(args):
    run = audited(*args)
    assert run.returncode == 0, run.stderr
    assert "NETWORK" not in run.stderr


def test_the_window_uses_no_network(tmp_path, video_file):
    settings = tmp_path / "settings.ini"
    picture = audited("tests/data/coffee.jpg", "--snapshot", tmp_path / "shot.png", "--window-size", "1280x720",
                      "--settings-file", settings)
    assert picture.returncode == 0 and "NETWORK" not in picture.stderr, picture.stderr
    assert (tmp_path / "shot.png").stat().st_size > 10_000
    live = audited("--camera", video_file, "--run-seconds", "2", "--settings-file", settings)
    assert live.returncode == 0 and "NETWORK" not in live.stderr, live.stderr
    assert '"frames_inferred"' in live.stdout
