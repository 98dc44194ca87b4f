"""The station kiosk's headless core: domain, durable store, execution engine, packages.

Nothing in this package imports PySide6, requests or pyserial (checked by import-linter);
``kiosk.cli`` is the composition root that wires core, hardware, sync and ui together.
"""

import gc as _gc

__version__ = "0.1.0"

#: The cyclic collector's thresholds before start-up raised them (see :func:`started`).
_GC_THRESHOLDS = _gc.get_threshold()
# Start-up makes a few hundred thousand objects that live as long as the process (the
# store's SQLAlchemy, the Qt binding, our modules) and next to no garbage: the collector
# would walk them again and again before the first screen (~10 % of a station's start).
# Until :func:`started` it runs a fifteenth as often; a process without a window keeps it.
_gc.set_threshold(max(_GC_THRESHOLDS[0], 10_000), *_GC_THRESHOLDS[1:])


def started() -> None:
    """The first screen is up: the cyclic collector goes back to its usual pace."""
    _gc.set_threshold(*_GC_THRESHOLDS)
