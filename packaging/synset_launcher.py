"""PyInstaller entry script for both frozen executables (``Synset`` and ``synset-cli``).

``desktop_app/__main__.py`` uses relative imports, so it cannot be PyInstaller's script itself;
this launcher imports the package the normal way and hands over to the same ``main()`` that
``python -m desktop_app`` runs.
"""

import sys

from desktop_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
