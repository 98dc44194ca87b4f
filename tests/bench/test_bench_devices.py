"""Device latency: bytes on a pty → parsed scan delivered; Open Protocol result → callback.

Reported beside the raw pty round trip (and a raw loopback TCP round trip) measured in the
same run. Never asserts on time.
"""

from __future__ import annotations

import os
import pty
import select
import socket
import threading
import time
import tty

import pytest

import hardware
from hardware.simulators.op_controller import OpenProtocolController
from hardware.simulators.pty_scanner import PtyScanner
from tests.helpers.bench import Row, report, scale

pytestmark = pytest.mark.bench


def _raw_pty_round_trip(n: int) -> list[float]:
    master, slave = pty.openpty()
    tty.setraw(slave)
    samples = []
    try:
        for _ in range(n):
            t0 = time.perf_counter()
            os.write(master, b"]C10109506000015095\r")
            got = b""
            while not got.endswith(b"\r"):
                select.select([slave], [], [], 1.0)
                got += os.read(slave, 4096)
            samples.append((time.perf_counter() - t0) * 1000)
    finally:
        os.close(master)
        os.close(slave)
    return samples


def _raw_tcp_round_trip(n: int) -> list[float]:
    server = socket.create_server(("127.0.0.1", 0))
    client = socket.create_connection(server.getsockname()[:2])
    peer, _ = server.accept()
    peer.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    samples = []
    try:
        for _ in range(n):
            t0 = time.perf_counter()
            peer.sendall(b"x" * 385)
            got = 0
            while got < 385:
                got += len(client.recv(4096))
            samples.append((time.perf_counter() - t0) * 1000)
    finally:
        for s in (client, peer, server):
            s.close()
    return samples


def _scan_latency(n: int) -> list[float]:
    samples: list[float] = []
    arrived = threading.Event()
    with PtyScanner("cr", aim="]C1") as sim:
        scanner = hardware.open_device("scanner", sim.port)
        scanner.add_scan_listener(lambda f: arrived.set())  # type: ignore[attr-defined]
        scanner.start(require_open=True)
        try:
            scanner.wait_connected(5)
            for i in range(n):
                arrived.clear()
                data = sim.encode(f"0109506000015095172612311012AB\x1d21SN{i}")
                t0 = time.perf_counter()
                sim.write(data)
                if arrived.wait(2.0):
                    samples.append((time.perf_counter() - t0) * 1000)
        finally:
            scanner.stop()
    return samples


def _result_latency(n: int) -> list[float]:
    samples: list[float] = []
    arrived = threading.Event()
    with OpenProtocolController() as controller:
        tool = hardware.open_device("torque", controller.url, enabled=True)
        tool.add_result_listener(lambda r: arrived.set())  # type: ignore[attr-defined]
        tool.start(require_open=True)
        try:
            tool.wait_connected(5)
            controller.wait_until(lambda: controller.enabled and controller.subscribed)
            for _ in range(n):
                arrived.clear()
                t0 = time.perf_counter()
                controller.trigger()
                if arrived.wait(2.0):
                    samples.append((time.perf_counter() - t0) * 1000)
        finally:
            tool.stop()
    return samples


def test_bench_device_latency() -> None:
    n = scale(500, 30)
    pty_raw = _raw_pty_round_trip(n)
    tcp_raw = _raw_tcp_round_trip(n)
    scans = _scan_latency(n)
    results = _result_latency(n)
    ref_pty = f"raw pty p50 {Row('', pty_raw).median:.3f} ms"
    ref_tcp = f"raw loopback TCP p50 {Row('', tcp_raw).median:.3f} ms"
    report(
        "Devices: bytes in → callback (hardware layer only)",
        [
            Row("raw pty round trip (write → read)", pty_raw),
            Row("raw loopback TCP, 385 bytes", tcp_raw),
            Row("scan bytes on pty → ScanFrame callback (GS1 parsed)", scans,
                target="≤ 30 ms p95 to verdict on screen", reference=ref_pty),
            Row("Open Protocol 0061 → TighteningResult callback", results, reference=ref_tcp),
        ],
    )  # fmt: skip
    assert len(scans) == n and len(results) == n  # every scan and result arrived
