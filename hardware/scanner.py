"""Barcode scanners on a serial port or TCP (backend ``serial``)."""

from __future__ import annotations

from hardware.base import Scanner
from hardware.connection import PortFinder, SerialLinked, SerialSettings
from hardware.errors import FrameDiscarded
from hardware.framing import (
    Discard,
    FramerConfig,
    Gs1Mode,
    ScanFramer,
    Terminator,
    default_idle_ms,
)
from hardware.model import ScanFrame


class SerialScanner(SerialLinked, Scanner):
    """A scanner on ``serial.serial_for_url``; frames are parsed on the reader thread.

    A partial frame is dropped (and reported) when the device goes away mid-frame: a
    truncated serial number must never be recorded as a scan. ``encoding`` is
    ``"latin-1"`` (default) or ``"utf-8"``; ``idle_ms`` (terminator ``none``) defaults to
    :func:`hardware.framing.default_idle_ms` of the baud rate.
    """

    backend = "serial"

    def __init__(
        self,
        url: str,
        *,
        baudrate: int = 9600,
        bytesize: int = 8,
        parity: str = "N",
        stopbits: float = 1,
        terminator: Terminator = "cr",
        idle_ms: float | None = None,
        stale_ms: float = 1000.0,
        max_length: int = 4096,
        prefix: str = "",
        suffix: str = "",
        gs1: Gs1Mode = "auto",
        encoding: str = "latin-1",
        vid: int | None = None,
        pid: int | None = None,
        serial_number: str | None = None,
        name: str | None = None,
        port_finder: PortFinder | None = None,
        poll_s: float = 0.02,
        backoff_max_s: float = 5.0,
    ) -> None:
        super().__init__(url, name=name)
        if idle_ms is None:
            idle_ms = (
                default_idle_ms(baudrate) if isinstance(baudrate, int) and baudrate > 0 else 50.0
            )
        config = FramerConfig(
            terminator, idle_ms, stale_ms, max_length, prefix, suffix, encoding=encoding
        )
        self.framer = ScanFramer(config, gs1=gs1)
        settings = SerialSettings(
            baudrate, bytesize, parity, stopbits, vid=vid, pid=pid, serial_number=serial_number
        )
        # With no terminator the idle gap ends a frame: poll often enough to honour it.
        poll = min(poll_s, idle_ms / 4000.0) if terminator == "none" else poll_s
        self._link(url, settings, poll_s=poll, backoff_max_s=backoff_max_s, port_finder=port_finder)

    # -- reader thread -------------------------------------------------------------------
    def _on_open(self) -> None:
        self.framer.reset()
        self.connection.mark_healthy()
        self._set_status("connected", f"listening on {self.connection.opened_path}")

    def _on_close(self, reason: str) -> None:
        dropped = self.framer.reset()
        if dropped is not None:
            self._report(FrameDiscarded(f"{self.name}: {dropped.reason}.", raw=dropped.raw))
        self._set_status("disconnected", reason)

    def _on_data(self, data: bytes, now: float) -> None:
        self._dispatch(self.framer.feed(data, now))

    def _on_tick(self, now: float) -> None:
        deadline = self.framer.deadline()
        if deadline is not None and now >= deadline:
            self._dispatch(self.framer.poll(now))

    def _dispatch(self, events: list[ScanFrame | Discard]) -> None:
        for event in events:
            if isinstance(event, Discard):
                self._report(FrameDiscarded(f"{self.name}: {event.reason}.", raw=event.raw))
            else:
                self._deliver(event)
