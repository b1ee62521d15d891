"""PyInstaller runtime hook: runs in the frozen app before any of the app's own imports.

1. ``OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS=0`` before cv2 is imported: with hardware transforms
   on, Windows Media Foundation can take minutes to open a camera. A value the user already set
   wins (``setdefault``). Harmless on other platforms, where OpenCV does not read it.
2. Windows only: put ``<bundle>/onnxruntime/capi`` on the DLL search path. ORT loads its provider
   libraries (``onnxruntime_providers_shared.dll``, ``DirectML.dll``) at run time with the default
   search order (exe folder, user folders, then System32), in which the package folder is not
   searched; without this an old ``C:\\Windows\\System32\\DirectML.dll`` that Windows itself ships
   can be picked up instead of the bundled one, or the provider silently disappears.
3. Windows only: load the bundled ``DirectML.dll`` by its full path. ORT's Python module *delay-loads*
   it with the standard search order, which ignores folders added with ``add_dll_directory`` (they
   count only for loads that ask for them): the inbox System32 copy could still win. A DLL already
   loaded under that name is the one a later load by name gets. ``--self-test`` prints which loaded.
"""

import os
import sys

os.environ.setdefault("OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS", "0")


def _add_onnxruntime_dll_directory():
    if sys.platform != "win32" or not hasattr(os, "add_dll_directory"):
        return None
    bundle = getattr(sys, "_MEIPASS", None)
    if not bundle:
        return None
    capi = os.path.join(bundle, "onnxruntime", "capi")
    if not os.path.isdir(capi):
        return None
    # Keep the handle alive for the whole process: closing it would remove the folder again.
    return os.add_dll_directory(capi)


_onnxruntime_dll_directory = _add_onnxruntime_dll_directory()


def _load_bundled_directml():
    if _onnxruntime_dll_directory is None:
        return None
    path = os.path.join(sys._MEIPASS, "onnxruntime", "capi", "DirectML.dll")
    if not os.path.isfile(path):  # a CPU or CUDA build
        return None
    try:
        import ctypes

        return ctypes.WinDLL(path)  # kept for the whole process: the delay-load then finds it
    except OSError:  # no D3D12 (an old Windows, a bare VM): ORT falls back and says why
        return None


_bundled_directml = _load_bundled_directml()
