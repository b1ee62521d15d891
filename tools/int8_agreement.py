#!/usr/bin/env python3
"""How often the int8 model agrees with fp32: top-1 agreement and top-5 overlap over ≥ 300 frames.

    python tools/int8_agreement.py [--fp32 M] [--int8 M] [--out agreement.json]

Frames: the three test photos; crops, flips, rotations and scales of every picture the repository
ships (other views than the quantization's calibration used); and every frame of the demo video
(tools/make_demo_video.py pans and zooms across the photos). Both models rank the same frames
through the app's own classifier (their own preprocessing, read from each model).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.core.classifier import Classifier  # noqa: E402
from desktop_app.core.decode import decode_file  # noqa: E402
from desktop_app.core.providers import ProviderChoice  # noqa: E402
from tools.report import emit  # noqa: E402

SHIPPED = sorted({*(ROOT / "tests" / "data").glob("*.jpg"), *(ROOT / "resources" / "samples").glob("*.jpg")})


def picture_views(picture: np.ndarray) -> list[np.ndarray]:
    """Thirty-two views of one picture, none of them the calibration's."""
    h, w = picture.shape[:2]
    views = []
    for fraction in (0.5, 0.6, 0.8, 0.9):
        ch, cw = int(h * fraction), int(w * fraction)
        for y, x in ((0, 0), (0, w - cw), (h - ch, 0), (h - ch, w - cw), ((h - ch) // 2, (w - cw) // 2)):
            views.append(picture[y:y + ch, x:x + cw])
    flipped = np.ascontiguousarray(picture[::-1])  # upside down
    views += [flipped, np.ascontiguousarray(flipped[:, ::-1])]
    for code in (cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_90_COUNTERCLOCKWISE):
        views.append(cv2.rotate(picture, code))
    for factor in (0.35, 0.75, 1.5):
        views.append(cv2.resize(picture, None, fx=factor, fy=factor, interpolation=cv2.INTER_LINEAR))
    views.append(cv2.GaussianBlur(picture, (9, 9), 3))
    return [np.ascontiguousarray(v) for v in views][:32]


def frames() -> list[tuple[str, np.ndarray, str]]:
    """(what, picture, pixel order) for every frame evaluated."""
    from tools.make_demo_video import frames as video_frames

    out = [(f"photo {p.name}", decode_file(p), "rgb") for p in (ROOT / "tests" / "data").glob("*.jpg")]
    for path in SHIPPED:
        picture = decode_file(path)
        out += [(f"view {i} of {path.name}", view, "rgb") for i, view in enumerate(picture_views(picture))]
    out += [(f"video frame {i}", frame, "bgr") for i, frame in enumerate(video_frames(10.0, 30))]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fp32", default=str(ROOT / "models" / "efficientnet-lite0.onnx"))
    parser.add_argument("--int8", default=str(ROOT / "models" / "efficientnet-lite0-int8.onnx"))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    cpu = ProviderChoice("cpu")
    fp32, int8 = Classifier.load(args.fp32, choice=cpu), Classifier.load(args.int8, choice=cpu)
    top1 = overlap = 0
    kinds: dict[str, list[int]] = {}
    clear: list[int] = []  # frames where fp32's winner leads by at least 5 points
    margins: list[float] = []  # fp32's lead where the two disagree
    evaluated = frames()
    for what, picture, order in evaluated:
        a, b = fp32.classify(picture, order).top, int8.classify(picture, order).top
        same = a[0].index == b[0].index
        top1 += same
        overlap += len({p.index for p in a} & {p.index for p in b})
        kinds.setdefault(what.split()[0], []).append(int(same))
        lead = a[0].probability - a[1].probability
        if lead >= 0.05:
            clear.append(int(same))
        if not same:
            margins.append(round(lead, 4))
    n = len(evaluated)
    report = {"frames": n, "top1_agreement": round(top1 / n, 4), "top5_overlap": round(overlap / (5 * n), 4),
              "top1_agreement_by_kind": {k: round(sum(v) / len(v), 4) for k, v in kinds.items()},
              "frames_by_kind": {k: len(v) for k, v in kinds.items()},
              "top1_agreement_where_fp32_leads_by_5_points": round(sum(clear) / len(clear), 4) if clear else None,
              "fp32_lead_where_they_disagree": sorted(margins)}
    emit(report, args.out)
    return 0 if report["top1_agreement"] >= 0.98 and report["top5_overlap"] >= 0.90 else 1


if __name__ == "__main__":
    sys.exit(main())
