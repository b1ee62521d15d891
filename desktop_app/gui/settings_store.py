"""A thin typed adapter between :class:`AppSettings` and QSettings."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, fields
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ..core.settings import AppSettings

log = logging.getLogger("synset")

ORGANIZATION = "Synset"
APPLICATION = "Synset"


class SettingsStore:
    """``path`` given: an INI file there (tests, portable use); else the platform's usual place."""

    def __init__(self, path: str | None = None):
        # The user's own file, by its name: the organisation's form also reads fallbacks
        # (~/.config/Synset.ini, /etc/xdg/…), which Synset never writes, and a damaged one of
        # those was taken for the user's file.
        self._path = path or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION,
                                       APPLICATION).fileName()
        self._qs = self._open()
        self.set_aside: str | None = None  # where an unreadable file was kept, once load() found one

    def _open(self) -> QSettings:
        return QSettings(self._path, QSettings.Format.IniFormat)

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

    def load(self, repair: bool = True) -> AppSettings:
        """Stored values, JSON-encoded so types survive every backend; bad entries fall back. A
        damaged file is kept aside (``repair``; an unattended run, which saves nothing, leaves it)."""
        values: dict[str, Any] = {}
        for f in fields(AppSettings):
            raw = self._qs.value(f"app/{f.name}")
            if raw is None:
                continue
            try:
                value = json.loads(raw)
            except (TypeError, ValueError, RecursionError):  # JSONDecodeError is a ValueError
                continue
            values[f.name] = tuple(value) if isinstance(value, list) else value
        try:
            settings = AppSettings(**values).sanitized()
        except TypeError:
            settings = AppSettings()
        if repair and self._qs.status() == QSettings.Status.FormatError:
            self._keep_aside(settings)
        return settings

    def save(self, settings: AppSettings) -> bool:
        """Write the settings; False (and a log line) if the file could not be written. QSettings
        writes through QSaveFile: a full disk or a crash leaves the previous file whole."""
        for name, value in asdict(settings).items():
            self._qs.setValue(f"app/{name}", json.dumps(value))
        return self._sync()

    def load_geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_geometry(self, geometry: QByteArray) -> bool:
        self._qs.setValue("window/geometry", geometry)
        return self._sync()

    def load_results_share(self) -> float | None:
        """The share of the height a folder's results had when the window was last closed."""
        try:
            return float(self._qs.value("window/results_share"))
        except (TypeError, ValueError):  # not saved yet, or an edited file
            return None

    def save_results_share(self, share: float) -> bool:
        self._qs.setValue("window/results_share", round(share, 4))
        return self._sync()

    def _keep_aside(self, settings: AppSettings) -> None:
        """The file is not INI (a cut-off write, another program's file): Qt read what it could
        and would report this FormatError after every later save, though each one is written. The
        file is kept beside as ``….unreadable`` (never over an earlier one) for the user, and what
        could be read of it is written afresh at once (a kill before the next save lost it)."""
        path = self.file_name
        geometry, share = self.load_geometry(), self.load_results_share()
        kept, number = path + ".unreadable", 1
        while os.path.exists(kept):
            number += 1
            kept = f"{path}.unreadable-{number}"
        try:
            os.replace(path, kept)
        except OSError as exc:
            log.warning("Settings file %s could not be read, nor kept aside (%s)", path, exc)
            return
        log.warning("Settings file %s could not be read; kept as %s", path, kept)
        self.set_aside = kept
        self._qs = self._open()
        if geometry is not None:
            self.save_geometry(geometry)
        if share is not None:
            self.save_results_share(share)
        self.save(settings)

    def _sync(self) -> bool:
        self._qs.sync()
        status = self._qs.status()
        if status == QSettings.Status.FormatError:
            # Qt's status is its first error, kept for good: a file that only its merge before a
            # write found malformed (the write itself rewrote it whole) said "could not save" on
            # every later save. A fresh reader of the file as written tells.
            self._qs = self._open()
            status = self._qs.status()
        if status == QSettings.Status.NoError:
            return True
        log.warning("Settings could not be saved to %s (%s)", self.file_name, status.name)
        return False
