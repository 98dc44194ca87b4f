"""A scanner on a pseudo-terminal: a real serial endpoint for the kiosk to open.

``port`` is the path the kiosk opens (``/dev/pts/N``); :meth:`send` writes one scan as a
scanner would, with its terminator; :meth:`unplug` makes the port vanish like a pulled USB
cable (readers get an I/O error). POSIX only.
"""

from __future__ import annotations

import contextlib
import os
import tty

TERMINATOR_BYTES = {"cr": b"\r", "lf": b"\n", "crlf": b"\r\n", "tab": b"\t", "none": b""}


class PtyScanner:
    """A pty-backed scanner; use as a context manager or call :meth:`close`."""

    def __init__(self, terminator: str = "cr", *, prefix: str = "", aim: str = "") -> None:
        import pty

        if terminator not in TERMINATOR_BYTES:
            raise ValueError(f"terminator must be one of {', '.join(TERMINATOR_BYTES)}")
        self.terminator = terminator
        self.prefix = prefix
        self.aim = aim
        self.master, self._slave = pty.openpty()
        # Raw mode: no echo, no CR/LF translation, so bytes arrive exactly as written.
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)

    def encode(self, text: str) -> bytes:
        return (self.prefix + self.aim + text).encode("latin-1") + TERMINATOR_BYTES[self.terminator]

    def send(self, text: str) -> bytes:
        """Write one scan (prefix, AIM id, text, terminator); returns the bytes sent."""
        data = self.encode(text)
        self.write(data)
        return data

    def write(self, data: bytes) -> None:
        """Write raw bytes (noise, half frames) exactly as given."""
        view = memoryview(data)
        while view:
            n = os.write(self.master, view)
            view = view[n:]

    def read(self, size: int = 4096) -> bytes:
        """What the kiosk wrote to the device (non-blocking; b"" if nothing)."""
        import select

        ready, _, _ = select.select([self.master], [], [], 0)
        return os.read(self.master, size) if ready else b""

    def unplug(self) -> None:
        """Close both ends: the path disappears and an open reader gets an I/O error."""
        for fd in (self.master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)
        self.master = self._slave = -1

    close = unplug

    def __enter__(self) -> PtyScanner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
