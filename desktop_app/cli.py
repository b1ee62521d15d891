"""``classify`` and ``bench``: the command-line contract other tools rely on.

Exit codes: 0 every input classified, 1 some failed (the rest still reported), 2 a usage error or
a model that cannot be used. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .core.bench import compare_raw, run_bench
from .core.classifier import DEFAULT_TOP_K, Classifier
from .core.dropped import has_subfolders, path_argument, pictures_in
from .core.errors import ModelError, SynsetError
from .core.inspector import inspect_model
from .core.messages import without_name
from .core.preprocessing import CHANNEL_ORDERS, NORMALIZE_PRESETS, RESIZE_POLICIES, PreprocessOverrides
from .core.providers import KINDS, ProviderChoice, flavour_conflict

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse prints usage + message; the contract is one line
        print(f"synset: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m desktop_app", description="Synset command line")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    classify = commands.add_parser("classify", help="rank the classes of pictures or folders")
    classify.add_argument("paths", nargs="+", metavar="PATH", type=path_argument, help="picture or folder of pictures")
    _model_options(classify)
    classify.add_argument("--labels", type=path_argument,
                          help="label file (text or JSON; default: the model's own, or ImageNet's)")
    classify.add_argument("--top-k", type=_positive, default=DEFAULT_TOP_K,
                          help=f"classes listed per picture (default: {DEFAULT_TOP_K})")
    own = " (default: what the model says; see inspect)"
    classify.add_argument("--normalize", choices=NORMALIZE_PRESETS, help="pixel values the model expects" + own)
    classify.add_argument("--channel-order", choices=CHANNEL_ORDERS, help="colour order of the model's input" + own)
    classify.add_argument("--resize", choices=RESIZE_POLICIES, help="how the picture is fitted to the input" + own)
    classify.add_argument("--json", action="store_true", help="print one JSON document")
    inspect = commands.add_parser("inspect", help="everything read from a model and how it will be fed")
    inspect.add_argument("model", metavar="MODEL", type=path_argument, help="ONNX classifier")
    inspect.add_argument("--json", action="store_true", help="print one JSON document")
    bench = commands.add_parser("bench", help="raw inference vs the full webcam-frame path")
    _model_options(bench)
    bench.add_argument("--iterations", type=_positive, default=200, help="timed runs of each path (default: 200)")
    bench.add_argument("--compare", metavar="MODEL", type=path_argument,
                       help="also time this model's raw inference, interleaved with --model's (e.g. the int8 variant)")
    bench.add_argument("--json", action="store_true", help="print one JSON document")
    return parser


def _model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", type=path_argument, help="ONNX classifier (default: the bundled EfficientNet-Lite0)")
    parser.add_argument("--provider", choices=KINDS, default="auto",
                        help="execution provider (default: auto, the best that proves its answers)")
    parser.add_argument("--device-id", type=_device_id,
                        help="DirectML adapter / CUDA device index (default: the first)")
    parser.add_argument("--threads", type=_threads, help="CPU threads per inference (default: cores − 1)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _device_id(text: str) -> int:
    """0 … 63, as the settings allow (-1 was taken silently)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if not 0 <= value <= 63:
        raise argparse.ArgumentTypeError(f"must be 0 … 63, not {value}")
    return value


def _threads(text: str) -> int:
    """1 … the CPUs this machine has: more threads never help, and thousands take minutes to start."""
    value, cpus = _positive(text), os.cpu_count() or 1
    if value > cpus:
        raise argparse.ArgumentTypeError(f"this machine has {cpus} CPUs; at most {cpus}, not {value}")
    return value


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    conflict = flavour_conflict()
    if conflict:
        print(f"synset: warning: {conflict}", file=sys.stderr)
    try:
        command = {"classify": _classify, "bench": _bench, "inspect": _inspect}[args.command]
        return command(args)
    except SynsetError as exc:
        print(f"synset: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _load(args, **kwargs) -> Classifier:
    choice = ProviderChoice(args.provider, args.device_id, args.threads)
    return Classifier.load(args.model, choice=choice, **kwargs)


def _classify(args) -> int:
    inputs = expand_paths(args.paths)
    overrides = PreprocessOverrides(args.normalize, args.channel_order, args.resize)
    classifier = _load(args, labels_path=args.labels, overrides=overrides, top_k=args.top_k)
    # In the order given: a tool pairs its inputs with the results by position (missing paths
    # came last, after every picture).
    results = [_classify_one(classifier, path) if reason is None else {"image": path, "error": reason}
               for path, reason in inputs]
    if args.json:
        print(to_json(_document(classifier, results)))
    else:
        _print_plain(classifier, results)
    failed = [r for r in results if "error" in r]
    for result in failed:
        reason = without_name(result["error"], Path(result["image"]).name)
        print(f"synset: {result['image']}: {reason}", file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def expand_paths(arguments: list[str]) -> list[tuple[str, str | None]]:
    """(path, None) for each picture to classify (folders expanded, sorted), (argument, reason)
    for an argument that names nothing usable; in the order given."""
    inputs: list[tuple[str, str | None]] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = pictures_in(path)
            inputs += [(picture, None) for picture in found]
            if not found:
                reason = "no pictures in this folder"
                if not os.access(path, os.R_OK | os.X_OK):  # it was said to be empty
                    reason = "this folder cannot be read (permission denied)"
                elif has_subfolders(path):  # as the window says it: the photos may be a level down
                    reason += " (its subfolders are not opened)"
                inputs.append((argument, reason))
        elif os.path.lexists(path):  # the decoder says what is wrong (a pipe, a broken link...)
            inputs.append((argument, None))
        else:
            inputs.append((argument, "file not found"))
    return inputs


def _classify_one(classifier: Classifier, path: str) -> dict:
    try:
        result = classifier.classify_file(path)
    except SynsetError as exc:
        return {"image": path, "error": str(exc)}
    return {
        "image": path,
        "top": [p.to_dict() | {"wnid": p.wnid} for p in result.top],
        "timings_ms": {k: round(v, 3) for k, v in result.timings_ms.items()},
        # which provider produced this result: a GPU that fails mid-run is replaced by CPU
        "provider": result.provider,
        "fallback_reason": result.fallback_reason,
    }


def to_json(document: dict) -> str:
    """The one JSON writer: NaN or infinity anywhere is a bug, never output (``allow_nan=False``).

    Names as they are on a UTF-8 output; escaped (\\uXXXX) on any other, where they could not be
    written and came out as "?" ("貓.jpg" as "?.jpg" on a Windows console's code page)."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").replace("-", "").lower()
    return json.dumps(document, indent=2, ensure_ascii=encoding != "utf8", allow_nan=False)


def _document(classifier: Classifier, results: list[dict]) -> dict:
    engine = classifier.engine
    return {
        "model": classifier.description.to_dict(),
        "provider": engine.provider,
        "fallback_reason": engine.fallback_reason,
        "warnings": [str(w) for w in classifier.description.warnings],  # e.g. labels that do not fit the model
        "results": results,
    }


def _print_plain(classifier: Classifier, results: list[dict]) -> None:
    engine = classifier.engine
    for warning in classifier.description.warnings:  # e.g. labels that do not fit the model
        print(f"synset: warning: {warning}", file=sys.stderr)
    print(f"{classifier.description.name} on {engine.provider_display}")
    if engine.fallback_reason:
        print(f"  ({engine.fallback_reason})")
    for result in results:
        print(f"\n{result['image']}")
        if "error" in result:
            print(f"  error: {without_name(result['error'], Path(result['image']).name)}")
            continue
        for p in result["top"]:
            wnid = f"{p['wnid']} " if p["wnid"] else ""
            print(f"  {wnid}{p['label']} {p['probability'] * 100:.1f}%")


def _inspect(args) -> int:
    if not Path(args.model).exists():
        raise ModelError.of("model.not_found", path=args.model)
    report = inspect_model(args.model)
    if args.json:
        print(to_json(report))
        return EXIT_OK
    print(f"{report['name']}  ({report['path']})")
    print(f"  producer {report['producer'] or '?'}, opset {report['opset']}, IR {report['ir_version']}")
    for kind in ("inputs", "outputs"):
        for tensor in report[kind]:
            shape = ", ".join("?" if d is None else str(d) for d in tensor["shape"])
            print(f"  {kind[:-1]} {tensor['name']}: [{shape}] {tensor['dtype']}")
    print(f"  layout {report['layout']}")
    print(f"  {report['classes']} classes, output {report['output_kind']}"
          + (", background class at 0" if report["background_class"] else ""))
    print(f"  labels {report['labels'] or 'none'}")
    print("  preprocessing:")
    for field, entry in report["preprocessing"].items():
        print(f"    {field:<14} {entry['value']!s:<14} from {entry['source']}")
    for key, value in sorted(report["metadata"].items()):
        print(f"  metadata {key}: {value if len(value) <= 100 else value[:97] + '...'}")
    print(f"  sidecar {'yes' if report['sidecar'] else 'none'}")
    for warning in report["warnings"]:
        print(f"synset: warning: {warning}", file=sys.stderr)
    return EXIT_OK


def speed_verdict(speedup: float | None) -> str:
    """"1.74× faster", or "1.59× slower" for a speed-up below 1 (not "0.63× faster")."""
    if not speedup:
        return "—"
    return f"{speedup:.2f}× faster" if speedup >= 1 else f"{1 / speedup:.2f}× slower"


def _bench(args) -> int:
    classifier = _load(args)
    other = None
    if args.compare:  # loaded first: a model that cannot be compared fails before the benchmark, not after it
        other = Classifier.load(args.compare, choice=ProviderChoice(args.provider, args.device_id, args.threads))
    report = run_bench(classifier, iterations=args.iterations)
    if other is not None:
        report["compare"] = compare_raw(classifier, other, args.iterations)
    if args.json:
        print(to_json(report))
        return EXIT_OK
    raw, pipe = report["raw_inference_ms"], report["pipeline_ms"]
    print(f"{report['model']} on {classifier.engine.provider_display}, {args.iterations} iterations")
    if classifier.engine.fallback_reason:  # asked for a GPU and timed the CPU: say so, and why
        print(f"  ({classifier.engine.fallback_reason})")
    print(f"  raw session.run      p50 {raw['p50']:.2f} ms  p95 {raw['p95']:.2f} ms")
    print(f"  720p frame → top-k   p50 {pipe['p50']:.2f} ms  p95 {pipe['p95']:.2f} ms")
    for name, values in report["stages_ms"].items():
        print(f"    {name:<12} p50 {values['p50']:.3f} ms")
    print(f"  overhead ratio {report['overhead_ratio']:.3f}")
    live = report["live_ms"]
    print(f"  live, fit on the capture thread: p50 {live['p50']:.2f} ms per frame, "
          f"overhead ratio {report['live_overhead_ratio']:.3f}")
    if "compare" in report:
        c = report["compare"]
        # Named by file: two variants of one model carry the same name ("0.25× faster" was 4× slower).
        theirs, mine = c["compare_raw_inference_ms"]["p50"], c["raw_inference_ms"]["p50"]
        print(f"  {Path(args.compare).name}: raw p50 {theirs:.2f} ms vs {mine:.2f} ms for "
              f"{Path(classifier.description.path).name}: {speed_verdict(c['speedup'])}")
    return EXIT_OK

