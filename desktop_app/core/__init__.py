"""Qt-free core: model reading, preprocessing, providers, post-processing, sources and stats.

Nothing in this package may import PySide6 or ``desktop_app.gui`` (checked by import-linter and a test).
"""
