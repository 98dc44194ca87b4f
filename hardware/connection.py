"""A serial link that keeps itself alive: ``serial.serial_for_url`` plus reconnect.

One reader thread owns the port. It opens the port exclusively, reads whatever arrives
and hands it to ``on_data``; when the port breaks (unplug, network loss) it closes it,
reports why and retries with exponential backoff and jitter. Every failure counts the
same, whether the port would not open, broke, or the driver gave up on the session on
top of it (``drop``: a controller that refuses the session or stops answering), so a
device that accepts TCP but not a session is not redialled in a storm. The count resets
once the driver has called :meth:`SerialConnection.mark_healthy` and the link then stayed
up for ``stable_s``. A USB device that re-enumerates under
another path (``/dev/ttyACM0`` → ``/dev/ttyACM1``) is found again by VID/PID/serial number.

Why one module of ~500 lines, not split: the reader thread, the reconnect backoff and
the port re-finding are one state machine (open, read, broke, retry); split, the backoff
would lose sight of which failure it counts.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import random
import select
import socket
import threading
import time
from abc import abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import serial
from serial.tools import list_ports
from serial.tools.list_ports_common import ListPortInfo

from hardware.base import Device
from hardware.errors import (
    DeviceBusy,
    DeviceConfigError,
    DeviceDisconnected,
    DeviceNotFound,
    DeviceUnavailable,
)

log = logging.getLogger("hardware.serial")

PARITIES = {"N": serial.PARITY_NONE, "E": serial.PARITY_EVEN, "O": serial.PARITY_ODD,
            "M": serial.PARITY_MARK, "S": serial.PARITY_SPACE}  # fmt: skip


@dataclass(frozen=True)
class SerialSettings:
    """Line settings and, optionally, the USB identity used to find the device again."""

    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    rtscts: bool = False
    xonxoff: bool = False
    vid: int | None = None
    pid: int | None = None
    serial_number: str | None = None

    def __post_init__(self) -> None:
        if self.bytesize not in (5, 6, 7, 8):
            raise DeviceConfigError(f"bytesize must be 5, 6, 7 or 8, not {self.bytesize!r}.")
        if self.parity.upper()[:1] not in PARITIES:
            raise DeviceConfigError(f"parity must be N, E, O, M or S, not {self.parity!r}.")
        if self.stopbits not in (1, 1.5, 2):
            raise DeviceConfigError(f"stopbits must be 1, 1.5 or 2, not {self.stopbits!r}.")
        if not isinstance(self.baudrate, int) or self.baudrate <= 0:
            raise DeviceConfigError(f"baudrate must be a positive number, not {self.baudrate!r}.")

    @property
    def has_usb_identity(self) -> bool:
        return self.vid is not None or self.pid is not None or self.serial_number is not None


def match_port(
    ports: Iterable[ListPortInfo], vid: int | None, pid: int | None, serial_number: str | None
) -> str | None:
    """The device path of the first port matching every given USB attribute."""
    for info in ports:
        if vid is not None and info.vid != vid:
            continue
        if pid is not None and info.pid != pid:
            continue
        if serial_number is not None and info.serial_number != serial_number:
            continue
        return str(info.device)
    return None


PortFinder = Callable[[], str | None]


class _Port(Protocol):
    timeout: float | None

    def read(self, size: int = 1) -> bytes: ...
    def write(self, data: bytes) -> int | None: ...
    def close(self) -> None: ...
    def fileno(self) -> int: ...
    def flush(self) -> None: ...

    @property
    def in_waiting(self) -> int: ...


def classify_open_error(url: str, err: BaseException) -> DeviceUnavailable:
    """Turn pyserial's open failure into one of ours with a next action."""
    text = str(err)
    code = getattr(err, "errno", None)
    lowered = text.lower()
    if "exclusively lock" in lowered or code in (errno.EBUSY, errno.EAGAIN):
        return DeviceBusy(
            f"{url} is in use by another program.",
            next_action="Close the other program (another kiosk, a terminal) and retry.",
        )
    if code == errno.EACCES or "permission denied" in lowered:
        return DeviceUnavailable(
            f"No permission to open {url}.",
            next_action="Add the kiosk user to the 'dialout' group, then log in again.",
        )
    if "refused" in lowered or "timed out" in lowered or "unreachable" in lowered:
        return DeviceNotFound(
            f"Nothing answers at {url}.",
            next_action="Check that the controller is on and its network cable is in.",
        )
    if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
        return DeviceNotFound(
            f"{url} is not there (unplugged or switched off?).",
            next_action="Plug the device in; `kiosk devices list` shows the ports present.",
        )
    return DeviceNotFound(
        f"{url} cannot be opened ({text}).",
        next_action="Check the cable and the port setting (`kiosk devices list`).",
    )


class SerialConnection:
    """The reader thread and port of one device. Callbacks run on the reader thread.

    ``on_open()`` after each successful open; ``on_data(bytes, monotonic_time)`` per read;
    ``on_tick(monotonic_time)`` at least every ``poll_s`` while open (timers, idle gaps);
    ``on_close(reason)`` when an open port breaks; ``on_open_failed(error)`` per failed try.
    """

    def __init__(
        self,
        url: str,
        settings: SerialSettings | None = None,
        *,
        on_data: Callable[[bytes, float], None],
        on_open: Callable[[], None] | None = None,
        on_close: Callable[[str], None] | None = None,
        on_open_failed: Callable[[DeviceUnavailable], None] | None = None,
        on_tick: Callable[[float], None] | None = None,
        poll_s: float = 0.02,
        backoff_min_s: float = 0.1,
        backoff_max_s: float = 5.0,
        port_finder: PortFinder | None = None,
        name: str = "",
        stable_s: float = 5.0,
    ) -> None:
        self.url = url
        self.settings = settings or SerialSettings()
        self._on_data = on_data
        self._on_open = on_open
        self._on_close = on_close
        self._on_open_failed = on_open_failed
        self._on_tick = on_tick
        self.poll_s = poll_s
        self.backoff_min_s = backoff_min_s
        self.backoff_max_s = backoff_max_s
        self.stable_s = stable_s
        self.failures = 0  # failures in a row (open, link or session); 0 once stable
        self.opens = 0  # successful opens since start (reconnect count + 1)
        self._healthy_at: float | None = None
        self._finder = port_finder
        self.name = name or url
        self._port: _Port | None = None
        self._fd: int | None = None
        self._exact_in_waiting = False
        self._write_lock = threading.Lock()
        self._stop = threading.Event()
        self._drop_reason: str | None = None
        self._thread: threading.Thread | None = None
        self.opened_path: str | None = None
        #: The OS watches the link (TCP keep-alive): a dead peer breaks the read.
        self.tcp_keepalive = False

    # -- public --------------------------------------------------------------------------
    def start(self, *, require_open: bool = False) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        if require_open:
            self._open()  # raises DeviceUnavailable on the caller's thread
        self._thread = threading.Thread(target=self._run, name=f"serial {self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        if thread is None or not thread.is_alive():
            self._close()

    @property
    def is_open(self) -> bool:
        return self._port is not None

    def write(self, data: bytes) -> None:
        """Send bytes now; raises :class:`DeviceDisconnected` when the port is closed."""
        with self._write_lock:
            port = self._port
            if port is None:
                raise DeviceDisconnected(f"{self.name} is not connected; nothing was sent.")
            try:
                port.write(data)
            except (serial.SerialException, OSError) as err:
                self.drop(f"write failed: {err}")
                raise DeviceDisconnected(f"{self.name}: sending failed ({err}).") from err

    def drop(self, reason: str, *, session_failure: bool = False) -> None:
        """Ask the reader thread to close the port and reconnect (from any thread).

        ``session_failure``: the device refused or stopped serving the session (not a
        broken cable): the backoff keeps growing even if the link had been marked healthy.
        """
        if session_failure:
            self._healthy_at = None
        self._drop_reason = reason

    def mark_healthy(self) -> None:
        """The driver's session works (a device answered); the backoff resets once the
        link then stays up for ``stable_s``."""
        if self._healthy_at is None:
            self._healthy_at = time.monotonic()

    def next_delay(self) -> float:
        """Count one failure and return how long to wait: exponential, with jitter."""
        healthy = self._healthy_at
        self._healthy_at = None
        if healthy is not None and time.monotonic() - healthy >= self.stable_s:
            self.failures = 0
        base = min(self.backoff_max_s, self.backoff_min_s * (2 ** min(self.failures, 30)))
        self.failures += 1
        # Jitter: a line of stations that lost the same controller does not redial in step.
        return random.uniform(base / 2, base)

    # -- reader thread -------------------------------------------------------------------
    def _resolve_path(self) -> str:
        if self._finder is not None:
            found = self._finder()
            if found is None:
                raise DeviceNotFound(
                    f"{self.name}: the device is not plugged in.",
                    next_action="Plug the device in; the station finds it by itself.",
                )
            return found
        s = self.settings
        if s.has_usb_identity:
            found = match_port(list_ports.comports(), s.vid, s.pid, s.serial_number)
            if found is not None:
                return found
            ident = f"VID {s.vid or 0:04X} PID {s.pid or 0:04X} serial {s.serial_number or '*'}"
            raise DeviceNotFound(
                f"No USB device with {ident} is plugged in.",
                next_action="Plug the device in; the station finds it by itself.",
            )
        return self.url

    def _open(self) -> None:
        path = self._resolve_path()
        s = self.settings
        kwargs: dict[str, Any] = {
            "baudrate": s.baudrate,
            "bytesize": s.bytesize,
            "parity": PARITIES[s.parity.upper()[:1]],
            "stopbits": s.stopbits,
            "rtscts": s.rtscts,
            "xonxoff": s.xonxoff,
            "timeout": self.poll_s,
            "write_timeout": 2.0,
            "exclusive": True,
        }
        try:
            port: _Port = serial.serial_for_url(path, **kwargs)
        except ValueError as err:
            raise DeviceConfigError(f"{path}: {err}") from err
        except (serial.SerialException, OSError) as err:
            raise classify_open_error(path, err) from err
        fd: int | None
        try:
            fd = port.fileno()
        except Exception:
            fd = None  # loop://, rfc2217://: no descriptor to select on
        self._exact_in_waiting = isinstance(port, serial.Serial)
        if fd is not None and not self._exact_in_waiting:
            # socket://: in_waiting only says "something"; a non-blocking read after our own
            # select() returns everything available at once. (A real tty is left alone:
            # changing its timeout re-runs tcsetattr, which some drivers refuse.)
            port.timeout = 0
        self._port, self._fd, self.opened_path = port, fd, path
        self.tcp_keepalive = _watch_tcp(port)
        self._drop_reason = None

    def _close(self) -> None:
        with self._write_lock:
            port, self._port, self._fd = self._port, None, None
        if port is not None:
            try:
                _close_quickly(port)
            except Exception:  # closing a vanished device may fail; it is gone either way
                log.debug("%s: close failed", self.name, exc_info=True)

    def _read(self) -> bytes:
        port = self._port
        assert port is not None
        if self._fd is not None:
            ready, _, _ = select.select([self._fd], [], [], self.poll_s)
            if not ready:
                return b""
            size = (port.in_waiting or 1) if self._exact_in_waiting else 65536
            data = port.read(size)
            if not data:
                raise serial.SerialException(
                    "device reports readiness to read but returned no data"
                )
            return data
        data = port.read(1)
        if data:
            waiting = port.in_waiting
            if waiting:
                data += port.read(waiting)
        return data

    def _call(self, func: Callable[..., None] | None, *args: Any) -> None:
        if func is None:
            return
        try:
            func(*args)
        except Exception:
            log.exception("%s: handler %s failed", self.name, getattr(func, "__name__", func))

    def _run(self) -> None:
        if self._port is not None:  # opened by start(require_open=True) on the caller's thread
            self.opens += 1
            self._call(self._on_open)
        try:
            while not self._stop.is_set():
                if self._port is None:
                    try:
                        self._open()
                    except DeviceUnavailable as err:
                        self._call(self._on_open_failed, err)
                        self._stop.wait(self.next_delay())
                        continue
                    except DeviceConfigError as err:
                        self._call(self._on_open_failed, DeviceUnavailable(str(err)))
                        self._stop.wait(self.backoff_max_s)
                        continue
                    self.opens += 1
                    self._call(self._on_open)
                    continue
                try:
                    data = self._read()
                except (serial.SerialException, OSError, ValueError, TypeError) as err:
                    # TypeError/ValueError: pyserial on a descriptor closed under it.
                    self._close()
                    self._call(self._on_close, _describe_loss(err))
                    # A device that comes straight back (re-plug) is found on the first
                    # retry; one that flaps backs off like any other failure.
                    self._stop.wait(self.next_delay())
                    continue
                now = time.monotonic()
                if data:
                    self._call(self._on_data, data, now)
                self._call(self._on_tick, now)
                reason = self._drop_reason
                if reason is not None:
                    self._close()
                    self._call(self._on_close, reason)
                    # A session failure (refused, silent) backs off like a failed open.
                    self._stop.wait(self.next_delay())
        finally:
            self._close()


def _watch_tcp(port: _Port) -> bool:
    """Turn on TCP keep-alive for a ``socket://`` port (probe after 5 s idle, every 2 s,
    3 misses: a dead controller or a cut cable is noticed within about 11 s)."""
    from serial.urlhandler import protocol_socket

    sock = getattr(port, "_socket", None) if isinstance(port, protocol_socket.Serial) else None
    if sock is None:
        return False
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        for name, value in (("TCP_KEEPIDLE", 5), ("TCP_KEEPINTVL", 2), ("TCP_KEEPCNT", 3)):
            if hasattr(socket, name):
                sock.setsockopt(socket.IPPROTO_TCP, getattr(socket, name), value)
    except OSError:
        return False
    return True


def _close_quickly(port: _Port) -> None:
    """Close a port. pyserial's ``socket://`` close sleeps 0.3 s "in case of quick
    reconnects"; our reconnect waits its own (jittered) backoff, so the socket is closed
    here and that sleep skipped: a controller link is back 0.3 s sooner."""
    from serial.urlhandler import protocol_socket

    if isinstance(port, protocol_socket.Serial) and port._socket is not None:
        sock, port._socket = port._socket, None
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()
        port.is_open = False
        return
    port.close()


def _describe_loss(err: BaseException) -> str:
    text = str(err)
    if "readiness to read" in text or "Errno 5" in text or "Input/output" in text:
        return "the device was unplugged or switched off"
    if "socket disconnected" in text or "reset" in text.lower():
        return "the network connection was closed"
    return f"the connection broke ({text})"


class SerialLinked(Device):
    """A device backend that talks over one :class:`SerialConnection`.

    Subclasses call :meth:`_link` in ``__init__`` and implement the reader-thread hooks
    (``_on_data``, ``_on_open``, ``_on_close``, ``_on_tick``); start, stop and failed opens
    are handled here alike for every backend.
    """

    connection: SerialConnection

    def _link(
        self,
        url: str,
        settings: SerialSettings,
        *,
        poll_s: float = 0.02,
        backoff_max_s: float = 5.0,
        port_finder: PortFinder | None = None,
        stable_s: float = 5.0,
    ) -> None:
        self.connection = SerialConnection(
            url,
            settings,
            on_data=self._on_data,
            on_open=self._on_open,
            on_close=self._on_close,
            on_open_failed=self._on_open_failed,
            on_tick=self._on_tick,
            poll_s=poll_s,
            backoff_max_s=backoff_max_s,
            port_finder=port_finder,
            name=self.name,
            stable_s=stable_s,
        )

    def start(self, *, require_open: bool = False) -> None:
        try:
            self.connection.start(require_open=require_open)
        except DeviceUnavailable as err:
            self._on_open_failed(err)
            raise

    def stop(self) -> None:
        self.connection.stop()
        self._on_stopped()
        self._set_status("disconnected", "stopped")

    def _on_stopped(self) -> None:
        """Forget per-connection state after :meth:`stop` (on the caller's thread)."""

    def _on_open_failed(self, err: DeviceUnavailable) -> None:
        self._set_status("error" if isinstance(err, DeviceBusy) else "disconnected", str(err))

    @abstractmethod
    def _on_data(self, data: bytes, now: float) -> None: ...

    @abstractmethod
    def _on_open(self) -> None: ...

    @abstractmethod
    def _on_close(self, reason: str) -> None: ...

    @abstractmethod
    def _on_tick(self, now: float) -> None: ...
