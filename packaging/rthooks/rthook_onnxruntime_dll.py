"""PyInstaller runtime hook: runs in the frozen app before any of the app's own imports.

1. ``OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS=0`` before cv2 is imported: with hardware transforms
   on, Windows Media Foundation can take minutes to open a camera. A value the user already set
   wins (``setdefault``). Harmless on other platforms, where OpenCV does not read it.
2. Windows only: put ``<bundle>/onnxruntime/capi`` on the DLL search path. ORT loads its provider
   libraries (``onnxruntime_providers_shared.dll``, ``DirectML.dll``) at run time with the default
   search order (exe folder, user folders, then System32), in which the package folder is not
   searched; without this an old ``C:\\Windows\\System32\\DirectML.dll`` that Windows itself ships
   can be picked up instead of the bundled one, or the provider silently disappears.
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
