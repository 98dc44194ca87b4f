"""Several HTTP workers, each with a listening socket of its own on the one port.

Uvicorn's own way with ``--workers N`` is one socket shared by every worker: whichever
worker wakes first accepts every connection waiting, so when stations come back from an
outage together (each keeps its connection open), one worker took nearly all of them
and did nearly all the work while the others sat idle (measured: 8.4 of 8.9 CPU-seconds
in one of four workers). With ``SO_REUSEPORT`` (Linux, BSD) every worker listens on its
own socket and the kernel spreads new connections over them. Uvicorn's supervisor still
starts, watches and restarts the workers; a replacement for a worker that died listens on
every socket (the dead worker's included, which the supervisor keeps open), so no
connection waits for a worker that is gone.
"""

from __future__ import annotations

import logging
import socket
import sys

from uvicorn.config import STARTUP_FAILURE, Config
from uvicorn.supervisors.multiprocess import Multiprocess, Process

log = logging.getLogger("uvicorn.error")


def spread_supported() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def listeners(host: str, port: int, count: int) -> list[socket.socket]:
    """``count`` sockets bound to ``host:port`` with ``SO_REUSEPORT`` (not listening yet:
    each worker listens on its own). Port 0: the first picks a free port, the rest share
    it. A port another program holds: its sentence in the log, exit code 3 (as uvicorn)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    out: list[socket.socket] = []
    try:
        for _ in range(count):
            sock = socket.socket(family, socket.SOCK_STREAM)
            out.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind((host, port))
            port = sock.getsockname()[1]
            sock.set_inheritable(True)
    except OSError as exc:
        for sock in out:
            sock.close()
        log.error("cannot listen on %s port %s: %s", host, port, exc.strerror or exc)
        sys.exit(STARTUP_FAILURE)
    return out


class SpreadWorkers(Multiprocess):
    """Uvicorn's supervisor with worker *i* started on socket *i* of ``sockets``."""

    def init_processes(self) -> None:
        for sock in self.sockets[: self.processes_num]:
            process = Process(self.config, [sock])
            process.start()
            self.processes.append(process)


def serve_spread(config: Config) -> None:
    """Run ``config.workers`` workers, one listening socket each (see the module)."""
    sockets = listeners(config.host, config.port, config.workers)
    scheme = "https" if config.is_ssl else "http"
    log.info(
        "bridge listening on %s://%s:%d with %d workers, one socket each",
        scheme,
        config.host,
        sockets[0].getsockname()[1],
        config.workers,
    )
    try:
        SpreadWorkers(config, sockets=sockets).run()
    finally:
        for sock in sockets:
            sock.close()
