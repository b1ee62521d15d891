"""Entry point: ``python -m desktop_app [classify|bench|inspect] ...``, ``--self-test``, else the window."""

from __future__ import annotations

import errno
import sys

from . import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED

CLI_COMMANDS = ("classify", "bench", "inspect")




# Writing the output failed for want of room: ``classify --json > /dev/full`` gave a traceback.
_NO_ROOM = {errno.ENOSPC, errno.EFBIG, errno.EIO, getattr(errno, "EDQUOT", errno.ENOSPC)}


def main(argv: list[str] | None = None) -> int:
    from .core.ort_output import silence_stdout  # light; the window imports it at start anyway

    try:
        code = _main(argv)
        if sys.stdout is not None:
            sys.stdout.flush()  # here, where a failure is caught, not at the interpreter's exit
        return code
    except BrokenPipeError:
        # The reader left early (``classify … | head -1``): stop quietly, not with a traceback.
        silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        if exc.errno not in _NO_ROOM:
            raise
        silence_stdout()
        sys.stderr.write(f"synset: error: cannot write the output: {exc.strerror or exc}\n")
        return 1
    except KeyboardInterrupt:  # Ctrl+C during a long classify: a line, not a traceback
        silence_stdout()
        sys.stderr.write("synset: interrupted\n")
        return EXIT_INTERRUPTED


def _main(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        # A Windows console or pipe may not encode "→" or a label's accents: never crash on output.
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    _capture_warnings()
    if sys.platform == "win32":
        # onnxruntime before PySide6: on Windows their DLL initialisation clashes the other way
        # round. Elsewhere it is imported where a session is made, off the window's start path.
        import onnxruntime  # noqa: F401

    if argv and argv[0] in CLI_COMMANDS:
        from .cli import main as cli_main

        return cli_main(argv)
    if "--self-test" in argv:
        from .self_test import main as self_test

        return self_test()
    from .core.before_qt import import_before_qt

    import_before_qt()  # PySide6 scans the source of every module imported after it
    from .gui.app import main as gui_main

    return gui_main(argv)


def _capture_warnings() -> None:
    """Library warnings never reach the terminal (errors are one line): they go to the logging
    system, where the window's log file records them and the command line drops them."""
    import logging

    logging.captureWarnings(True)
    warnings_log = logging.getLogger("py.warnings")
    warnings_log.propagate = False
    warnings_log.addHandler(logging.NullHandler())


if __name__ == "__main__":
    sys.exit(main())
