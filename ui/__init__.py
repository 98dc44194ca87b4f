"""The operator station UI: PySide6 widgets over the headless core in ``kiosk``.

Every Qt import goes through :mod:`ui.qt`; screens show what the engine says and ask it
to act; they hold no business rules.
"""
