#!/usr/bin/env python3
"""Refresh Synset's Traditional Chinese translation and compile it.

Run from anywhere, with the project's Python (the one that has PySide6)::

    python tools/update_translations.py           # lupdate the .ts from desktop_app/gui/*.py, then lrelease the .qm
    python tools/update_translations.py --check   # change nothing; exit 1 if anything is untranslated or stale

Update mode
    1. ``lupdate -no-obsolete`` over every ``desktop_app/gui/*.py`` into
       ``resources/translations/synset_zh_TW.ts``: new strings arrive as *unfinished*,
       existing translations are kept, strings no longer in the code are dropped.
    2. A new message whose exact English text was translated before in another context (code
       that moved) gets that translation (listed, so it can be reviewed).
    3. ``lrelease`` compiles the .ts into ``resources/translations/synset_zh_TW.qm``.
    It then lists what still needs a translator (translate those in Qt Linguist, or edit the
    .ts, and run the tool again).

Check mode (for CI and the tests) exits 1, listing each problem, when
    * a message in the .ts is unfinished or has an empty translation, or its translation does
      not keep exactly the %1, %2… placeholders of its source;
    * the code holds a translatable string the .ts lacks (lupdate into a temporary copy);
    * the .qm is not what lrelease makes of the .ts now (compiled to a temporary file, compared
      byte for byte).

The tools are found, in this order: ``pyside6-lupdate``/``pyside6-lrelease`` next to the running
Python (a virtual environment's bin/ or Scripts/), then on PATH, then through the PySide6 module
itself (``PySide6.scripts.pyside_tool``), which needs no scripts at all.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = ROOT / "desktop_app" / "gui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
LANGUAGE = "zh_TW"
TS_FILE = TRANSLATIONS_DIR / f"synset_{LANGUAGE}.ts"
QM_FILE = TRANSLATIONS_DIR / f"synset_{LANGUAGE}.qm"

# %1, %2… (filled with str.replace), QProgressBar's %v, %m, %p and the core messages' {name}
# fields (filled with str.format): kept verbatim in translations.
PLACEHOLDER = re.compile(r"%(\d+|[vmp](?![A-Za-z]))|\{(\w+)\}")


# ---- finding the tools ----------------------------------------------------------------------
def tool_command(name: str) -> list[str] | None:
    """The command line that runs Qt's ``name`` (lupdate or lrelease) shipped with PySide6."""
    script = f"pyside6-{name}"
    suffixes = (".exe", "") if os.name == "nt" else ("",)
    for suffix in suffixes:
        candidate = Path(sys.executable).parent / f"{script}{suffix}"
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which(script)
    if found:
        return [found]
    try:
        import PySide6.scripts.pyside_tool as pyside_tool  # noqa: F401
    except ImportError:
        return None
    if not hasattr(pyside_tool, name):
        return None
    return [sys.executable, "-c",
            f"import sys; from PySide6.scripts.pyside_tool import {name}; sys.argv[0] = {script!r}; sys.exit({name}())"]


def _run(name: str, args: list[str]) -> subprocess.CompletedProcess:
    command = tool_command(name)
    if command is None:
        raise ToolMissing(f"pyside6-{name} not found (install PySide6 into this Python: {sys.executable})")
    result = subprocess.run(command + args, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if result.returncode != 0:
        raise RuntimeError(f"pyside6-{name} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result


class ToolMissing(RuntimeError):
    pass


def source_files() -> list[Path]:
    return sorted(SOURCES_DIR.glob("*.py"))


def lupdate(ts_file: Path, sources: list[Path] | None = None) -> str:
    """Merge the sources' strings into ``ts_file`` (created if missing); obsolete ones are dropped."""
    sources = source_files() if sources is None else sources
    before = read_messages(ts_file) if ts_file.is_file() else []
    result = _run("lupdate", ["-no-obsolete", "-locations", "absolute", "-source-language", "en",
                              "-target-language", LANGUAGE, *map(str, sources), "-ts", str(ts_file)])
    report = result.stdout + result.stderr
    carried = carry_over(ts_file, before)
    if carried:
        report += "\nTranslations carried over from another context (same English text):\n  " + "\n  ".join(carried)
    return report


def lrelease(ts_file: Path, qm_file: Path) -> str:
    result = _run("lrelease", [str(ts_file), "-qm", str(qm_file)])
    return result.stdout + result.stderr


# ---- reading and fixing the .ts ---------------------------------------------------------------
@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    unfinished: bool
    obsolete: bool
    location: str  # "file:line" of the first reference, or ""

    def where(self) -> str:
        return f"[{self.context}] {self.source!r}" + (f" ({self.location})" if self.location else "")


def read_messages(ts_file: Path) -> list[Message]:
    messages = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = "" if translation is None else translation.get("type", "")
            loc = message.find("location")
            location = ""
            if loc is not None and loc.get("filename"):
                path = (ts_file.parent / loc.get("filename")).resolve()
                shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                location = f"{shown.as_posix()}:{loc.get('line', '')}".rstrip(":")
            messages.append(Message(
                context=name,
                source=message.findtext("source", ""),
                translation="" if translation is None else (translation.text or ""),
                unfinished=kind == "unfinished",
                obsolete=kind in ("obsolete", "vanished"),
                location=location,
            ))
    return messages


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def problems(messages: list[Message]) -> list[str]:
    """What keeps a translation from being complete and safe to ship."""
    found = []
    for m in messages:
        if m.obsolete:
            found.append(f"obsolete (run the tool to drop it): {m.where()}")
        elif m.unfinished or not m.translation.strip():
            found.append(f"untranslated: {m.where()}")
        elif placeholders(m.source) != placeholders(m.translation):
            found.append(f"placeholders differ ({sorted(placeholders(m.source))} vs "
                         f"{sorted(placeholders(m.translation))}): {m.where()}")
    return found


def carry_over(ts_file: Path, before: list[Message]) -> list[str]:
    """Fill new messages (empty, or holding lupdate's "same text" suggestion) whose exact English
    text was already translated in another context (a string that moved to another class or
    function) with that translation.

    Only where every earlier translation of that text agrees; anything else stays unfinished.
    """
    known: dict[str, set[str]] = {}
    for m in before:
        if not m.unfinished and not m.obsolete and m.translation.strip():
            known.setdefault(m.source, set()).add(m.translation)
    tree = ET.parse(ts_file)
    carried = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source", "")
            if translation is None or translation.get("type") != "unfinished" or len(known.get(source, ())) != 1:
                continue
            earlier = next(iter(known[source]))
            if (translation.text or "").strip() not in ("", earlier):  # lupdate's own guess may be the same
                continue
            translation.text = earlier
            del translation.attrib["type"]
            carried.append(f"[{context.findtext('name', '')}] {source!r}")
    if carried:
        _write_ts(tree, ts_file)
    return carried


def _write_ts(tree: ET.ElementTree, ts_file: Path) -> None:
    root = tree.getroot()
    root.text = "\n"
    for context in root:  # lupdate's layout: contexts at the margin, their content indented
        ET.indent(context, space="    ")
        context.tail = "\n"
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


# ---- the two modes ----------------------------------------------------------------------------
def update() -> int:
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    print(lupdate(TS_FILE).strip())
    print(lrelease(TS_FILE, QM_FILE).strip())
    remaining = problems(read_messages(TS_FILE))
    if remaining:
        print(f"\n{len(remaining)} message(s) still need a translator:", *remaining, sep="\n  ")
    else:
        print(f"\nAll messages of {TS_FILE.relative_to(ROOT)} are translated.")
    return 0


def check() -> int:
    if not TS_FILE.is_file():
        print(f"missing: {TS_FILE.relative_to(ROOT)} (run python tools/update_translations.py)")
        return 1
    issues = problems(read_messages(TS_FILE))
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts = Path(tmp) / TS_FILE.name
        shutil.copyfile(TS_FILE, fresh_ts)
        lupdate(fresh_ts)
        known = {(m.context, m.source) for m in read_messages(TS_FILE)}
        for m in read_messages(fresh_ts):
            if (m.context, m.source) not in known:
                issues.append(f"not in the .ts yet (run the tool, then translate): [{m.context}] {m.source!r}")
        fresh_qm = Path(tmp) / QM_FILE.name
        lrelease(TS_FILE, fresh_qm)
        if not QM_FILE.is_file():
            issues.append(f"missing: {QM_FILE.relative_to(ROOT)} (run the tool)")
        elif QM_FILE.read_bytes() != fresh_qm.read_bytes():
            issues.append(f"stale: {QM_FILE.relative_to(ROOT)} differs from what lrelease makes of the .ts "
                          "(run the tool)")
    if issues:
        print(f"{len(issues)} translation problem(s):", *issues, sep="\n  ")
        return 1
    print(f"{TS_FILE.relative_to(ROOT)}: every message translated; {QM_FILE.name} up to date.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a message is untranslated or the .qm is stale")
    args = parser.parse_args(argv)
    try:
        return check() if args.check else update()
    except ToolMissing as exc:
        print(exc, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
