"""The app's settings as a typed value; persisted by a thin adapter in the GUI (QSettings).

Values, not widget indexes: a camera is stored by name, a provider by kind.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .classifier import DEFAULT_TOP_K
from .preprocessing import CHANNEL_ORDERS, NORMALIZE_PRESETS, RESIZE_POLICIES, PreprocessOverrides
from .providers import KINDS, ProviderChoice

LANGUAGES = ("en", "zh_TW")
MAX_TOP_K = 10


@dataclass(frozen=True)
class AppSettings:
    model_path: str | None = None  # None: the bundled model
    labels_path: str | None = None
    provider: str = "auto"
    device_id: int | None = None
    camera: str | None = None  # friendly name of the last camera used
    resolution: tuple[int, int] = (1280, 720)
    mirror: bool = True  # presenters expect a mirror image of themselves
    language: str | None = None  # None: follow the system
    top_k: int = DEFAULT_TOP_K
    normalize: str | None = None  # None: the model's own setting
    channel_order: str | None = None
    resize: str | None = None
    smoothing: bool = False
    last_folder: str | None = None  # where the file dialogs open

    @property
    def overrides(self) -> PreprocessOverrides:
        return PreprocessOverrides(self.normalize, self.channel_order, self.resize)

    @property
    def provider_choice(self) -> ProviderChoice:
        return ProviderChoice(self.provider, self.device_id)

    def sanitized(self) -> AppSettings:
        """Replace values that are out of range (an edited or old settings file) with defaults."""
        default = AppSettings()
        checks = {
            "provider": self.provider in KINDS,
            "language": self.language in (None, *LANGUAGES),
            "top_k": _is_int(self.top_k) and 1 <= self.top_k <= MAX_TOP_K,
            "normalize": self.normalize in (None, *NORMALIZE_PRESETS),
            "channel_order": self.channel_order in (None, *CHANNEL_ORDERS),
            "resize": self.resize in (None, *RESIZE_POLICIES),
            "resolution": _valid_resolution(self.resolution),
            "model_path": self.model_path is None or isinstance(self.model_path, str) and "\0" not in self.model_path,
            "labels_path": self.labels_path is None or isinstance(self.labels_path, str)
            and "\0" not in self.labels_path,
            "camera": self.camera is None or isinstance(self.camera, str),
            "device_id": self.device_id is None or _is_int(self.device_id) and 0 <= self.device_id < 64,
            "mirror": isinstance(self.mirror, bool),
            "smoothing": isinstance(self.smoothing, bool),
            "last_folder": self.last_folder is None or isinstance(self.last_folder, str)
            and "\0" not in self.last_folder,
        }
        fixes = {name: getattr(default, name) for name, ok in checks.items() if not ok}
        return _replace(self, fixes)


def field_names() -> list[str]:
    return [f.name for f in fields(AppSettings)]


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _valid_resolution(value) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and all(_is_int(v) and 16 <= v <= 8192 for v in value)


def _replace(settings: AppSettings, changes: dict) -> AppSettings:
    from dataclasses import replace

    return replace(settings, **changes) if changes else settings
