"""Keep the garbage collector's pauses off the frame path.

A full collection walks every tracked object while holding the GIL, so for as long as it runs no
other thread (the GUI included) runs Python. After start-up there are ~56,000 such objects (Qt's
signature support, numpy, ONNX Runtime, the window), and one full collection on the inference
thread took 61 ms here: the worst GUI stall of that live run (61.9 ms; gc.callbacks timing every
collection during ``--run-seconds 20``). What exists at start-up lives as long as the app, so it is
frozen (``gc.freeze``): later collections walk only what live use creates.
"""

from __future__ import annotations

import gc


def freeze_startup_objects() -> None:
    """Move every object tracked now out of future collections (no walk: a list splice). Call it
    once the window is up, and again once the model has ranked a first picture (GUI thread, with
    frames showing: ``gc.get_freeze_count()`` would walk the frozen objects, 2–6 ms, so it is not
    asked here)."""
    gc.freeze()
