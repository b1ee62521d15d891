"""The PySide6 window: thin views wired to the Qt-free core."""
