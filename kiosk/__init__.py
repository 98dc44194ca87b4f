"""The station kiosk's headless core: domain, durable store, execution engine, packages.

Nothing in this package imports PySide6, requests or pyserial (checked by import-linter);
``kiosk.cli`` is the composition root that wires core, hardware, sync and ui together.
"""

__version__ = "0.1.0"
