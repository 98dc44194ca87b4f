"""The real station window on an X display, for the X11 wedge test (``test_x11_wedge``).

Run as ``python -m tests.ui.x11_station ROOT`` with ``QT_QPA_PLATFORM=xcb`` and ``DISPLAY``
set. It builds a test station in ROOT, shows the shell with the shared scan parser and a
focused text field, and prints one line per event on stdout:
``READY``, ``SCAN <data>`` for every scan the wedge delivers and ``FIELD <text>`` whenever
the field's text changes. The scan ``NOFOCUS`` takes the focus off the field, so the next
scans arrive with no widget focused.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    from hardware.framing import ScanFramer
    from tests.helpers.station import make_station
    from ui.app import application, build_shell
    from ui.qt import QLineEdit, QTimer

    root = Path(sys.argv[1])
    app = application()
    engine, _clock = make_station(root)
    shell = build_shell(engine, media_dir=root / "media", size=(1024, 768), scan_framer=ScanFramer)
    field = QLineEdit(shell)
    field.setGeometry(20, 200, 400, 60)

    def out(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    def scanned(data: str, gs1: object) -> None:
        out(f"SCAN {data}")
        if data == "NOFOCUS":
            field.clearFocus()
            shell.setFocus()
            shell.clearFocus()

    assert shell.wedge is not None
    shell.wedge.on_scan = scanned  # type: ignore[attr-defined]
    field.textChanged.connect(lambda text: out(f"FIELD {text}"))
    shell.setWindowTitle("Station kiosk X11 test")
    shell.show()
    shell.activateWindow()
    field.show()
    field.setFocus()

    def ready() -> None:
        shell.activateWindow()
        field.setFocus()
        out("READY")

    QTimer.singleShot(300, ready)
    app.exec()


if __name__ == "__main__":
    main()
