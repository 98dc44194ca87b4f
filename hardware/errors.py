"""The device layer's exception tree.

Every error reads as a sentence a line lead can act on; ``next_action`` says what to do.
Errors from pyserial, sockets or biip are re-raised ``from`` the original, so the log keeps
the details while the station shows the sentence.
"""

from __future__ import annotations


class DeviceError(Exception):
    """Base of every error raised or reported by ``hardware``."""

    def __init__(self, message: str, *, next_action: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.next_action = next_action

    def __str__(self) -> str:
        return f"{self.message} {self.next_action}".strip()


class DeviceConfigError(DeviceError):
    """The device settings are wrong before any byte is sent.

    Examples: an unknown backend or option name, a baud rate of ``96OO``, a terminator
    called ``"enter"``, an ASCII torque profile that does not exist.
    """


class DeviceUnavailable(DeviceError):
    """The port cannot be opened right now (the driver retries with backoff).

    Examples: the USB scanner is unplugged, the user lacks permission on ``/dev/ttyACM0``.
    """


class DeviceNotFound(DeviceUnavailable):
    """No such port or nothing answers at that address.

    Examples: ``/dev/ttyUSB9`` does not exist, no USB device with the configured VID/PID is
    plugged in, the torque controller refuses the TCP connection.
    """


class DeviceBusy(DeviceUnavailable):
    """Another process holds the port exclusively.

    Examples: a second kiosk instance, a terminal program or a vendor tool left open.
    """


class DeviceDisconnected(DeviceError):
    """An operation needs the device but the link is down.

    Examples: selecting a pset while the controller's network cable is out; the scanner
    vanished while half a barcode was on the wire.
    """


class ProtocolError(DeviceError):
    """The device sent bytes the driver cannot understand; the driver resynchronised.

    Examples: an Open Protocol header whose length field holds letters, a MID 0061 whose
    torque field is ``"12A4.5"``, a truncated message, line noise on a torque analyser.
    """

    def __init__(self, message: str, *, raw: bytes = b"", next_action: str = "") -> None:
        super().__init__(message, next_action=next_action)
        self.raw = raw


class FrameDiscarded(ProtocolError):
    """Scanner bytes were dropped instead of being delivered as a (wrong) scan.

    Examples: a line longer than ``max_length`` with no terminator, noise left on the line
    with no terminator for longer than ``stale_ms``, a frame cut short by an unplug.
    """


class DeviceRejected(DeviceError):
    """The device answered a request with an error code (Open Protocol MID 0004).

    Examples: pset 42 does not exist on the controller (code 02), the MID revision is not
    supported (97), another client is already connected (96).
    """

    def __init__(self, message: str, *, mid: int, code: int, next_action: str = "") -> None:
        super().__init__(message, next_action=next_action)
        self.mid = mid
        self.code = code
