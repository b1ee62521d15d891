"""Start the window: command-line contract, settings, language, crash log, automation hooks.

``python -m desktop_app [PATH...] [--model M] [--camera NAME|INDEX|FILE] [--presenter]
[--lang en|zh_TW] [--snapshot OUT.png] [--run-seconds S] [--stats-json OUT.json]``
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME, __version__
from ..core import paths
from ..core.dropped import path_argument, sort_paths
from ..core.gc_pauses import freeze_startup_objects
from ..core.memory import return_large_buffers_to_os
from ..core.ort_output import to_stderr
from ..core.pitfalls import PITFALL_IDS
from ..core.providers import flavour_conflict
from ..core.settings import LANGUAGES
from ..core.startup import mark
from ..core.thread_priority import prefer_gui
from .automation import Automation
from .crash_log import CrashReporter, configure_logging, log
from .i18n import install_language
from .main_window import MainWindow
from .messages import describe
from .settings_store import ORGANIZATION, SettingsStore
from .worker import InferenceService

EXIT_USAGE = 2
MAX_RUN_SECONDS = 86_400  # a day: longer runs are a typo, and Qt's timers stop at 24.8 days


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        print(f"synset: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m desktop_app", description=f"{APP_NAME} {__version__}: the window",
                     epilog="Without the window: python -m desktop_app classify|bench|inspect ... "
                            "(each with its own --help).")
    parser.add_argument("paths", nargs="*", metavar="PATH", type=path_argument,
                        help="pictures, folders, an .onnx model or a video")
    parser.add_argument("--model", type=path_argument, help="ONNX classifier to start with")
    parser.add_argument("--camera", type=_camera, help="camera name, index, or a video file to play as the camera")
    parser.add_argument("--presenter", action="store_true", help="start in presenter mode (F11)")
    parser.add_argument("--lab", choices=PITFALL_IDS, metavar="PITFALL",
                        help=f"start in the pitfalls lab showing PITFALL: {', '.join(PITFALL_IDS)}")
    parser.add_argument("--lang", choices=LANGUAGES, help="user-interface language")
    parser.add_argument("--snapshot", metavar="OUT.png", type=path_argument,
                        help="save the window once the first result shows, then exit")
    parser.add_argument("--run-seconds", type=_seconds, metavar="S",
                        help="run live for S seconds from the first frame (0 < S <= 86400)")
    parser.add_argument("--stats-json", metavar="OUT.json", type=path_argument,
                        help="with --run-seconds: write live statistics here")
    parser.add_argument("--window-size", type=_size, default=(1920, 1080), metavar="WxH",
                        help="window size for --snapshot and --run-seconds (default 1920x1080)")
    parser.add_argument("--settings-file", help=argparse.SUPPRESS)  # tests: isolated settings
    return parser


def _camera(text: str) -> str:
    if not text.strip():  # an empty shell variable: the run waited 60 s for a camera it never asked for
        raise argparse.ArgumentTypeError("expected a camera name, index or video file, not an empty string")
    return text


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, not {text!r}") from None
    if not 0 < value <= MAX_RUN_SECONDS:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"{text} is outside 0 < S <= {MAX_RUN_SECONDS}")
    return value


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, e.g. 1920x1080, not {text!r}") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"{text} is outside 320x240..7680x4320")
    return width, height


def _misplaced_command(paths: list[str]) -> str | None:
    """A command the window took as a picture: options before it (``--model m.onnx classify x``),
    or a typo (``clasify x``). The window opened, said "Not found" and never returned to the script."""
    from difflib import get_close_matches

    from ..__main__ import CLI_COMMANDS

    for path in paths:
        if os.path.lexists(path) or Path(path).suffix or os.sep in path or "/" in path:
            continue  # there, or a missing file ("inspect.jpg"): the window says "Not found"
        known = get_close_matches(path.lower(), CLI_COMMANDS, n=1, cutoff=0.75)
        if known and path.lower() == known[0]:
            return f"'{path}' is a command: give it first (python -m desktop_app {known[0]} ...)"
        if known:
            return f"unknown command '{path}' (did you mean {known[0]}?)"
    return None


def _shown_paths(paths: list[str]) -> bool:
    """Whether any path would be shown (a picture, a folder, a video), not only a model or labels."""
    dropped = sort_paths(paths)
    return bool(dropped.pictures or dropped.videos or dropped.empty_folders or dropped.missing)


def main(argv: list[str]) -> int:
    mark("imports")
    args = build_parser().parse_args(argv)
    if args.stats_json and not args.run_seconds:
        print("synset: error: --stats-json needs --run-seconds", file=sys.stderr)
        return EXIT_USAGE
    if args.snapshot and args.run_seconds:  # whichever ended first ended the run: one output was lost
        print("synset: error: --snapshot or --run-seconds: give one or the other", file=sys.stderr)
        return EXIT_USAGE
    misplaced = _misplaced_command(args.paths)
    if misplaced:
        print(f"synset: error: {misplaced}", file=sys.stderr)
        return EXIT_USAGE
    if (args.snapshot or args.run_seconds) and args.camera and _shown_paths(args.paths):
        # The camera replaced them: the run measured the camera and said "pictures_ranked": 0, exit 0.
        print("synset: error: pictures (or a video) and --camera: give one or the other", file=sys.stderr)
        return EXIT_USAGE
    return_large_buffers_to_os()
    prefer_gui()  # the window wins over capture and inference on a busy machine
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "synset.png")))
    log_path = configure_logging()
    reporter = CrashReporter(log_path)
    reporter.install()
    store = SettingsStore(args.settings_file or os.environ.get("SYNSET_SETTINGS_FILE"))
    settings = store.load(repair=not (args.snapshot or args.run_seconds))  # unattended runs save nothing
    saved = settings
    args.model, args.labels, args.paths = files_for_this_run(args.model, args.paths)
    if args.model:  # for this run: the saved choice stays unless the user switches in the window
        settings = replace(settings, model_path=str(Path(args.model).resolve()), labels_path=None,
                           normalize=None, channel_order=None, resize=None)
    if args.labels:
        settings = replace(settings, labels_path=str(Path(args.labels).resolve()))
    language = install_language(args.lang or settings.language)
    service = InferenceService()
    code = 1
    try:
        code = _run(app, args, store, settings, language, service, reporter, saved)
    finally:
        # Whatever happened, the worker thread stops before Python tears the QThread down (a
        # running QThread at exit aborts the process); if it will not stop, leave at once.
        if not service.shutdown():
            log.warning("Inference worker did not stop in time; exiting anyway")
            if sys.stdout:  # None in the windowed Windows build
                sys.stdout.flush()
            os._exit(code)
    return code


def _run(app, args, store, settings, language, service, reporter, saved) -> int:
    window = MainWindow(settings, store, service)
    if args.model:
        window.keep_on_save(model_path=saved.model_path, labels_path=saved.labels_path, normalize=saved.normalize,
                            channel_order=saved.channel_order, resize=saved.resize)
    elif args.labels:
        window.keep_on_save(labels_path=saved.labels_path)
    window.automated = bool(args.snapshot or args.run_seconds)  # no modal dialogs in unattended runs
    # An unattended run leaves the user's settings as they were: a snapshot with a test model made
    # every later start rank with it, and saved its window size and a camera that failed to open.
    window.saves_settings = not window.automated
    window.language = language
    window.controls.show_language(language)
    reporter.crashed.connect(lambda summary, path: _on_crash(window, reporter, summary, path))
    automation = Automation(window, args)
    _show(window, args, store)
    mark("window_shown")
    window.start()
    if args.lab:
        window.lab.start(args.lab)
    if store.set_aside:
        window.show_error(QCoreApplication.translate(
            "MainWindow", "The settings file %1 was damaged: what could be read is used, and the file is kept as %2"
        ).replace("%1", store.file_name).replace("%2", store.set_aside))
    conflict = flavour_conflict()
    if conflict:
        window.show_error(describe(conflict))
        log.warning("%s", conflict)
    automation.begin()
    freeze_startup_objects()  # the window and its imports: out of every later collection
    window.first_result_shown.connect(freeze_startup_objects)  # and what the model's load made
    code = app.exec()
    return automation.exit_code if automation.exit_code is not None else code


def files_for_this_run(model: str | None, paths: list[str]) -> tuple[str | None, str | None, list[str]]:
    """(model, labels, the other paths): a model or label file named among the paths is for this
    run, as ``--model`` is; opened as a drop, it was saved and used by every later start."""
    dropped = sort_paths([p for p in paths if not Path(p).is_dir()])  # a folder holds neither: not listed here
    named = {Path(p) for p in (*dropped.models, *dropped.labels)}
    rest = [p for p in paths if Path(p) not in named]
    return (dropped.models[-1] if dropped.models else model,
            dropped.labels[-1] if dropped.labels else None, rest)


def _show(window: MainWindow, args, store: SettingsStore) -> None:
    if args.snapshot or args.run_seconds:
        window.resize(*args.window_size)
        window.set_presenter(args.presenter, fullscreen=False)
        window.show()
        got = (window.width(), window.height())
        if got != tuple(args.window_size):  # below the window's least size: say so, not in silence
            to_stderr(f"synset: warning: the window cannot be {args.window_size[0]}x{args.window_size[1]}; "
                      f"it is {got[0]}x{got[1]}")
        return
    geometry = store.load_geometry()
    if geometry is not None:
        window.restoreGeometry(geometry)
    window.show()
    if args.presenter:
        window.set_presenter(True)


def _on_crash(window: MainWindow, reporter: CrashReporter, summary: str, log_path: str) -> None:
    window.show_error(QCoreApplication.translate("MainWindow", "Unexpected error: %1 (details in %2)")
                      .replace("%1", summary).replace("%2", log_path))
    if reporter.should_show_dialog() and not window.automated:
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, QCoreApplication.translate("MainWindow",
            "Something went wrong, but the app keeps running.\n\n%1\n\nDetails were written to %2"
        ).replace("%1", summary).replace("%2", log_path), QMessageBox.StandardButton.Ok, window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal but non-blocking: a crash never freezes the event loop
