"""A compressed shift under faults, end to end, with real parts only.

* Tryton (``trytond`` on the cached seeded SQLite database of tests/erp) as the ERP, with
  one production all stations build;
* the bridge on PostgreSQL (a fresh database on ``KIOSK_TEST_PG_URL``), a real ``kiosk-bridge
  serve --config bridge.toml`` process running the Tryton adapter, behind a loopback proxy
  that can refuse connections (network cut) or swallow answers (responses lost after the
  bridge committed);
* three stations, each provisioned with ``kiosk provision`` and driven by ``kiosk autopilot``
  processes (the autopilot drives the engine with simulated scanner and torque inputs; it
  opens no devices) with ``kiosk sync now`` processes between rounds;
* a cursor-keeping reader of the ERP confirmation feed (``/api/v1/erp/confirmations``) and a
  sampler of every process's RSS and open file handles (psutil).

The shift is a number of rounds; each round every station builds a few units and syncs.
Faults come on a schedule, each followed by a catch-up whose duration is the recovery time:
every station's events held by the bridge (hello ``last_seq``) and every completed unit
booked in Tryton.

At the end :meth:`Shift.verify` checks: each completed unit booked in Tryton exactly once
with its serial and lot inputs and a done work cycle; station sequences gap-free in the
bridge; the feed gave every completed unit in exactly one confirmation id (ids delivered
again after the restore are counted, as the protocol allows); no dead letters; memory and
file handles flat.

Run it: ``./dev soak`` (long form, parameters by env/args) or tests/soak/test_soak.py (short).
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import errno
import json
import os
import resource
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil
from sqlalchemy import create_engine, text

from sync.bridge.service import Bridge as BridgeDb
from tests.erp.conftest import TrytonServer, cache_dir, erp_config, free_port, production
from tests.erp.seed import MOTOR, SEAL, Plant
from tests.erp.test_tryton_adapter import booked
from tests.sync.proxy import LossyProxy

ROOT = Path(__file__).resolve().parents[2]
STATIONS = ("ST-S1", "ST-S2", "ST-S3")
DISK_STATION = "ST-S3"  # its data folder is a small tmpfs of its own
CLOCK_STATION = "ST-S2"
DEVICE_STATION = "ST-S2"  # its scanner is unplugged, its controller restarted
PACKAGE = ROOT / "tests" / "soak" / "package"  # the ERP's pump with a torque step (2 screws)
FASTENINGS = 2
FAULTS = (
    "net_cut",
    "response_lost",
    "bridge_kill",
    "db_restore",
    "station_kill",
    "scanner_unplug",
    "controller_restart",
    "disk_full",
    "clock_jump",
    "tryton_restart",
)


#: Faults at one station: its part of a round is replaced (the others build as usual).
STATION_FAULTS = {
    "station_kill": STATIONS[0],
    "scanner_unplug": DEVICE_STATION,
    "controller_restart": DEVICE_STATION,
    "disk_full": DISK_STATION,
    "clock_jump": CLOCK_STATION,
}
#: The short form's rounds: each line's faults in one round (a station fault rides along a
#: fault of the network, bridge or ERP; no station has two parts in one round).
PAIRED = (
    ("net_cut", "station_kill"),
    ("response_lost", "scanner_unplug", "controller_restart"),
    ("bridge_kill", "disk_full"),
    ("db_restore", "clock_jump"),
    ("tryton_restart",),
)


def env() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def run(
    *cmd: str, prefix: tuple[str, ...] = (), timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, *cmd],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def must(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, f"{done.args}: {done.stdout}\n{done.stderr}"
    return done.stdout


def wait_for(what: str, predicate: Callable[[], bool], timeout: float = 90.0) -> float:
    started = time.monotonic()
    while not predicate():
        if time.monotonic() - started > timeout:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)
    return time.monotonic() - started


def parallel(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls at once (threads); their results, or the first one's exception."""
    results: list[Any] = [None] * len(calls)
    errors: list[BaseException] = []

    def one(i: int, call: Callable[[], Any]) -> None:
        try:
            results[i] = call()
        except BaseException as err:  # re-raised on the caller's thread
            errors.append(err)

    threads = [threading.Thread(target=one, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return results


class CuttableProxy(LossyProxy):
    """The lossy proxy, plus a cut: while ``down``, every connection is dropped at once."""

    down = False

    def _serve(self, client: socket.socket, cut: bool) -> None:
        if self.down:
            client.close()
            return
        super()._serve(client, cut)


class BridgeServe:
    """``kiosk-bridge serve --db PG --config bridge.toml`` on a fixed port."""

    def __init__(self, data: Path, config: Path, db_url: str) -> None:
        self.data, self.config, self.db = data, config, db_url
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = data.parent / "bridge.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [
                    *(sys.executable, "-m", "sync.bridge.cli", "serve", "--db", self.db),
                    *("--data", str(self.data), "--port", str(self.port), "--poll", "0"),
                    *("--log-level", "warning", "--config", str(self.config)),
                ],
                cwd=ROOT,
                env=env(),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError(
                    "kiosk-bridge serve did not start: " + self.log.read_text()[-2000:]
                )
            time.sleep(0.1)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


@dataclass
class StationSetup:
    id: str
    root: Path
    config: Path
    data: Path
    tmpfs: bool = False

    @property
    def db(self) -> Path:
        return self.data / "station.db"


class FeedReader(threading.Thread):
    """An ERP that reads the confirmation feed keeping only its cursor (and the epoch it
    saw); it never resets the cursor, as the feed promises cursors never go backwards."""

    def __init__(self, url: str, api_key: str) -> None:
        super().__init__(daemon=True)
        self.url, self.api_key = url, api_key
        self.cursor = 0
        self.epochs: list[str] = []
        self.delivered: list[dict[str, Any]] = []
        self.backwards = 0
        self._halt = threading.Event()

    def poll(self) -> None:
        with httpx.Client(timeout=5) as http:
            while True:
                r = http.get(
                    f"{self.url}/api/v1/erp/confirmations",
                    params={"since": self.cursor, "limit": 200},
                    headers={"X-API-Key": self.api_key},
                )
                r.raise_for_status()
                page = r.json()
                if not self.epochs or self.epochs[-1] != page["epoch"]:
                    self.epochs.append(page["epoch"])
                for c in page["confirmations"]:
                    if c["cursor"] <= self.cursor:
                        self.backwards += 1
                    self.delivered.append(c)
                    self.cursor = max(self.cursor, int(c["cursor"]))
                if not page["has_more"]:
                    return

    def run(self) -> None:
        while not self._halt.wait(0.5):
            with contextlib.suppress(httpx.HTTPError, ValueError, KeyError):
                self.poll()

    def stop(self) -> None:
        self._halt.set()
        self.join(10)


class Sampler(threading.Thread):
    """RSS and open file handles of the long-lived processes (bridge, trytond), every
    ``every_s``; short-lived station processes are sampled by :meth:`watch`."""

    def __init__(self, every_s: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.every_s = every_s
        self.targets: dict[str, Callable[[], int | None]] = {}
        self.skip: dict[str, tuple[str, ...]] = {}
        self.samples: dict[str, list[tuple[float, int, int, int]]] = defaultdict(list)
        self.cpu_seen: dict[int, float] = {}  # pid → CPU seconds when last sampled
        self.started = time.monotonic()
        self._halt = threading.Event()
        self._lock = threading.Lock()

    @staticmethod
    def measure(pid: int, skip: tuple[str, ...] = ()) -> tuple[int, int] | None:
        """RSS and open file handles of a process and its children; handles whose target
        ends in one of ``skip`` are not counted."""
        try:
            p = psutil.Process(pid)
            procs = [p, *p.children(recursive=True)]
            rss = sum(x.memory_info().rss for x in procs)
            fds = 0
            for x in procs:
                if not skip:
                    fds += x.num_fds()
                    continue
                for fd in os.listdir(f"/proc/{x.pid}/fd"):
                    with contextlib.suppress(OSError):
                        if not os.readlink(f"/proc/{x.pid}/fd/{fd}").endswith(skip):
                            fds += 1
        except (psutil.Error, OSError):
            return None
        return rss, fds

    def add(self, kind: str, rss: int, fds: int, pid: int = 0) -> None:
        """One sample; ``pid`` 0: a short-lived process's peak (one per process)."""
        with self._lock:
            self.samples[kind].append((time.monotonic() - self.started, rss, fds, pid))

    def watch(self, kind: str, proc: subprocess.Popen[Any]) -> tuple[int, int]:
        """Wait for a short-lived process, sampling it; its peak RSS and file handles."""
        peak = (0, 0)
        while proc.poll() is None:
            m = self.measure(proc.pid)
            if m:
                peak = (max(peak[0], m[0]), max(peak[1], m[1]))
            time.sleep(0.1)
        if peak[0]:
            self.add(kind, *peak)
        return peak

    def run(self) -> None:
        while not self._halt.wait(self.every_s):
            for kind, pid_of in list(self.targets.items()):
                pid = pid_of()
                m = self.measure(pid, self.skip.get(kind, ())) if pid else None
                if m:
                    self.add(kind, *m, pid=pid)
                if pid:
                    with contextlib.suppress(psutil.Error):
                        t = psutil.Process(pid).cpu_times()
                        self.cpu_seen[pid] = t.user + t.system

    def stop(self) -> None:
        self._halt.set()
        self.join(10)


@dataclass
class Params:
    rounds: int = 8
    units_per_round: int = 1
    shift_hours: float = 8.0
    faults: tuple[str, ...] = FAULTS
    net_cut_s: float = 3.0
    replug_s: float = 0.5
    paired: bool = False  # several faults per round (PAIRED): the short form
    seed: int = 1


@dataclass
class Figures:
    params: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    units_completed: int = 0
    units_per_station: dict[str, int] = field(default_factory=dict)
    events: int = 0
    faults: list[dict[str, Any]] = field(default_factory=list)
    feed: dict[str, Any] = field(default_factory=dict)
    memory: dict[str, Any] = field(default_factory=dict)
    devices: dict[str, Any] = field(default_factory=dict)
    faults_by_kind: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    clean_round_s: list[float] = field(default_factory=list)
    rounds: list[dict[str, Any]] = field(default_factory=list)
    simulated_minutes_per_round: float = 0.0


class Shift:
    def __init__(self, root: Path, pg_admin_url: str, params: Params) -> None:
        self.root = root
        self.params = params
        self.pg_admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
        self.db_name = f"kiosk_soak_{uuid.uuid4().hex[:10]}"
        self.snap_name = self.db_name + "_bak"
        base = pg_admin_url.rpartition("/")[0]
        self.db_url = f"{base}/{self.db_name}"
        self.figures = Figures(params=asdict(params))
        self.sampler = Sampler()
        self.mounts: list[Path] = []
        self.stations: dict[str, StationSetup] = {}
        self.killed_runs = 0
        self.runs: dict[str, list[dict[str, Any]]] = defaultdict(list)  # autopilot summaries
        self.untallied: Counter[str] = Counter()  # runs without a summary (killed, disk full)
        # Per station, the last event seq before each autopilot process: each starts its own
        # simulated controller, whose tightening ids start at 1 (as after a restart).
        self.run_starts: dict[str, list[int]] = defaultdict(list)
        self.tryton: TrytonServer | None = None
        self.bridge: BridgeServe | None = None
        self.proxy: CuttableProxy | None = None
        self.reader: FeedReader | None = None
        self.plant: Plant | None = None
        self.pid = 0
        self.behind = ""
        self.rounds_s: list[float] = []
        self._rpc: Any = None  # the soak's own Tryton session (readiness polls)
        self.phase: dict[str, float] = {}

    # --- set-up -----------------------------------------------------------------------

    def setup(self) -> None:
        cached = cache_dir()
        if not (cached / "seeded.sqlite").exists():
            from tests.erp.conftest import _build_cache

            cached.parent.mkdir(parents=True, exist_ok=True)
            _build_cache(cached)
        troot = self.root / "tryton"
        troot.mkdir()
        self.tryton = TrytonServer(troot)
        shutil.copy(cached / "seeded.sqlite", self.tryton.db_file)
        self.plant = Plant(**json.loads((cached / "plant.json").read_text()))
        self.tryton.start()
        planned = len(STATIONS) * self.params.rounds * self.params.units_per_round
        rpc = self.tryton.rpc()
        try:
            self.pid, number = production(rpc, self.plant, planned * 2 + 20)
        finally:
            rpc.close()

        with self.pg_admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.db_name}"'))
        data = self.root / "bridge-data"
        data.mkdir()
        self.bridge = BridgeServe(
            data, erp_config(self.root / "bridge.toml", self.tryton), self.db_url
        )
        db = BridgeDb.open(self.db_url, data)
        tokens: dict[str, str] = {}
        try:
            for sid in STATIONS:
                tokens[sid] = db.add_station(sid, f"Pump line {sid}")
            db.import_records(
                "stations",
                [{"id": s, "name": f"Pump line {s}", "operations": ["OP10"]} for s in STATIONS],
            )
            db.publish_package(PACKAGE)
            api_key = db.add_api_key("erp-soak")
        finally:
            db.close()
        self.bridge.start()
        wait_for("the production as a work order", lambda: self._work_order(number))
        self.proxy = CuttableProxy(self.bridge.port)
        self.reader = FeedReader(self.bridge.url, api_key)
        self.reader.start()
        self.sampler.targets = {
            "bridge": lambda: self.bridge.proc.pid if self.bridge and self.bridge.proc else None,
            "trytond": lambda: self.tryton.proc.pid if self.tryton and self.tryton.proc else None,
        }
        # trytond's SQLite backend (a test ERP: production Tryton runs on PostgreSQL) leaves
        # each request's database connection to the garbage collector, so its handles on
        # the database file wander with GC; its sockets, pipes and other files are counted.
        self.sampler.skip["trytond"] = (".sqlite", ".sqlite-wal", ".sqlite-shm")
        self.sampler.start()
        provisioned = parallel(
            *((lambda sid=sid: self._provision(sid, tokens[sid])) for sid in STATIONS)
        )
        self.stations = {st.id: st for st in provisioned}

    def _work_order(self, number: str) -> bool:
        assert self.bridge is not None
        db = BridgeDb.open(self.db_url, self.bridge.data)
        try:
            return db.get_record("work-orders", number) is not None
        finally:
            db.close()

    def _provision(self, sid: str, token: str) -> StationSetup:
        assert self.proxy is not None
        root = self.root / sid
        root.mkdir()
        data = root / "data"
        data.mkdir()
        tmpfs = False
        if sid == DISK_STATION and "disk_full" in self.params.faults:
            done = subprocess.run(
                [
                    "mount",
                    "-t",
                    "tmpfs",
                    "-o",
                    "size=48m",
                    f"soak-{uuid.uuid4().hex[:8]}",
                    str(data),
                ],
                capture_output=True,
                check=False,
            )
            tmpfs = done.returncode == 0
            if tmpfs:
                self.mounts.append(data)
            else:
                self.figures.skipped.append(
                    f"disk_full: cannot mount a tmpfs ({done.stderr.decode().strip()})"
                )
        token_file = root / "token"
        token_file.write_text(token + "\n")
        token_file.chmod(0o600)
        config = root / "station.toml"
        config.write_text(f'[paths]\ndata_dir = "{data}"\n\n[bridge]\ninterval_s = 0.3\n')
        out = json.loads(
            must(
                run(
                    *("-m", "kiosk", "provision", "--bridge", self.proxy.url, "--station", sid),
                    *("--token-file", str(token_file), "--config", str(config)),
                )
            )
        )
        assert out["ok"] is True, out
        st = StationSetup(sid, root, config, data, tmpfs)
        assert self.sync(st)["ok"] is True
        return st

    # --- the line ----------------------------------------------------------------------

    def sync(self, st: StationSetup, prefix: tuple[str, ...] = ()) -> dict[str, Any]:
        done = run(
            *("-m", "kiosk", "sync", "now", "--config", str(st.config), "--attempts", "1"),
            prefix=prefix,
            timeout=90,
        )
        try:
            return dict(json.loads(done.stdout.strip().splitlines()[-1]))
        except (ValueError, IndexError):
            return {"ok": False, "exit": done.returncode, "stderr": done.stderr[-500:]}

    def build(
        self,
        st: StationSetup,
        units: int,
        seed: int,
        *,
        prefix: tuple[str, ...] = (),
        kill_after: float | None = None,
        device_faults: tuple[signal.Signals, ...] = (),
        sync: bool = True,
    ) -> int:
        """One ``kiosk autopilot --devices simulated`` process (scans through a pty scanner,
        tightenings through an Open Protocol controller, both read by the real drivers);
        SIGKILLed after ``kill_after`` s once it completed a unit, or sent each of
        ``device_faults`` (SIGUSR1: scanner unplugged and replugged; SIGUSR2: controller
        restarted), each once it completed one more unit.
        With ``sync`` it pushes to the bridge once after its units (``--sync``), as the
        station's sync client would; the push's outcome is in its summary."""
        self.mark_run(st)
        with tempfile.TemporaryFile() as out:
            proc = subprocess.Popen(
                [
                    *prefix,
                    *(sys.executable, "-m", "kiosk", "autopilot", "--units", str(units)),
                    *("--config", str(st.config), "--nok-rate", "0", "--seed", str(seed)),
                    *("--devices", "simulated", "--replug-s", str(self.params.replug_s)),
                    *(("--sync",) if sync else ()),
                ],
                cwd=ROOT,
                env=env(),
                stdout=out,
                stderr=subprocess.PIPE,
            )
            for sig in (signal.SIGKILL,) if kill_after is not None else device_faults:
                # in the middle of its work: once it has completed a unit more
                before = len(self.completed(st))
                deadline = time.monotonic() + 60
                while (
                    len(self.completed(st)) == before
                    and time.monotonic() < deadline
                    and proc.poll() is None
                ):
                    time.sleep(0.01)
                time.sleep(kill_after or 0.0)
                proc.send_signal(sig)
            self.sampler.watch("station autopilot", proc)
            assert proc.stderr is not None
            err = proc.stderr.read().decode(errors="replace")
            proc.stderr.close()
            out.seek(0)
            text_out = out.read().decode(errors="replace")
            if kill_after is None:
                assert proc.returncode == 0, f"{st.id} autopilot: {err[-2000:]}"
                summary = json.loads(text_out.strip().splitlines()[-1])
                self.runs[st.id].append(summary)
            else:
                self.untallied[st.id] += 1
        return int(proc.returncode or 0)

    def round(
        self,
        n: int,
        sts: list[StationSetup] | None = None,
        *,
        parts: dict[str, Callable[[], Any]] | None = None,
        sync: bool = True,
    ) -> list[bool]:
        """Every station (or ``sts``) builds its units and pushes them (``sync``), but a
        station with a fault's part in ``parts`` runs that instead; whether each push went
        through."""
        t0 = time.monotonic()
        sts = list(self.stations.values()) if sts is None else sts
        parts = parts or {}

        def part(i: int, st: StationSetup) -> Any:
            if st.id in parts:
                return parts[st.id]()
            return self.build(st, self.params.units_per_round, n * 100 + i + 1, sync=sync)

        parallel(*((lambda st=st, i=i: part(i, st)) for i, st in enumerate(sts)))
        self.phase = {"build_and_push_s": round(time.monotonic() - t0, 2)}
        return [
            bool(self.runs[st.id][-1].get("sync", {}).get("ok"))
            for st in sts
            if st.id not in parts and self.runs[st.id]
        ]

    def cpu(self) -> dict[str, tuple[int, float]]:
        """(pid, CPU seconds so far) of the bridge and trytond, and the CPU seconds of
        every station process the soak has waited for (autopilot, sync, db check)."""
        out: dict[str, tuple[int, float]] = {}
        for kind, part in (("bridge", self.bridge), ("trytond", self.tryton)):
            proc = part.proc if part is not None else None
            if proc is None:
                continue
            with contextlib.suppress(psutil.Error):
                p = psutil.Process(proc.pid)
                t = p.cpu_times()
                out[kind] = (proc.pid, t.user + t.system)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        # the children's account also holds every bridge and trytond that ended (killed,
        # restarted): their CPU as last sampled is taken out
        current = {pid for pid, _ in out.values()}
        ended = sum(sec for pid, sec in self.sampler.cpu_seen.items() if pid not in current)
        out["stations"] = (0, kids.ru_utime + kids.ru_stime - ended)
        return out

    @staticmethod
    def cpu_delta(
        before: dict[str, tuple[int, float]], after: dict[str, tuple[int, float]]
    ) -> dict[str, float]:
        """CPU seconds each part spent between two :meth:`cpu` readings (a process
        restarted in between counts from its start)."""
        out = {}
        for kind, (pid, sec) in after.items():
            was_pid, was = before.get(kind, (pid, 0.0))
            out[kind] = round(sec - was if was_pid == pid else sec, 2)
        return out

    def sync_all(self, sts: list[StationSetup]) -> list[dict[str, Any]]:
        """``kiosk sync now`` on these stations at once (as their sync clients would)."""
        return parallel(*((lambda st=st: self.sync(st)) for st in sts))

    # --- the state ------------------------------------------------------------------------

    @staticmethod
    def local(st: StationSetup, sql: str, *args: Any) -> list[Any]:
        conn = sqlite3.connect(f"file:{st.db}?mode=ro", uri=True, timeout=10)
        try:
            return conn.execute(sql, args).fetchall()
        finally:
            conn.close()

    def completed(self, st: StationSetup) -> list[str]:
        rows = self.local(
            st, "select payload from events where type = 'unit.completed' order by seq"
        )
        return [json.loads(p)["serial"] for (p,) in rows]

    def mark_run(self, st: StationSetup) -> None:
        self.run_starts[st.id].append(self.local_max_seq(st) if st.db.exists() else 0)

    def local_max_seq(self, st: StationSetup) -> int:
        return int(self.local(st, "select coalesce(max(seq), 0) from events")[0][0])

    def hello(self, st: StationSetup) -> int | None:
        assert self.bridge is not None
        token = (st.root / "token").read_text().strip()
        try:
            r = httpx.get(
                f"{self.bridge.url}/api/v1/stations/{st.id}/hello",
                headers={"Authorization": f"Bearer {token}"},
                timeout=5,
            )
        except httpx.HTTPError:
            return None
        return int(r.json()["last_seq"]) if r.status_code == 200 else None

    def booked_count(self) -> int | None:
        """How many units Tryton holds on the production (output moves with a lot): one
        count query on one kept session (the end checks read every move once; a full read
        or a new login on every poll would load trytond with the soak's own polling)."""
        assert self.tryton is not None
        try:
            if self._rpc is None:
                self._rpc = self.tryton.rpc()
            return int(
                self._rpc.call(
                    "model.stock.move.search_count",
                    [
                        ["production_output", "=", self.pid],
                        ["lot", "!=", None],
                        ["state", "!=", "cancelled"],
                    ],
                )
            )
        except Exception:
            if self._rpc is not None:
                self._rpc.close()
            self._rpc = None  # Tryton restarted: log in again next time
            return None

    def caught_up(self) -> bool:
        behind = []
        for st in self.stations.values():
            held, local = self.hello(st), self.local_max_seq(st)
            if held != local:
                self.behind = f"{st.id}: the bridge holds {held} of {local} events"
                behind.append(st)
        if behind:
            self.sync_all(behind)
            return False
        count = self.booked_count()
        want = sum(len(self.completed(st)) for st in self.stations.values())
        self.behind = f"Tryton holds {count} of {want} units"
        return count == want  # which ones, each once: the end checks

    def catch_up(self, timeout: float = 120) -> float:
        try:
            return wait_for("the line to catch up", self.caught_up, timeout)
        except AssertionError as err:
            raise AssertionError(f"{err}: {self.behind}") from None

    # --- faults ----------------------------------------------------------------------------

    def station_part(self, kinds: list[str], n: int, detail: dict[str, Any]) -> Callable[[], None]:
        """A station's part of a round for its faults (all at the one station)."""
        st = self.stations[STATION_FAULTS[kinds[0]]]

        def station_kill() -> None:
            rc = self.build(st, 1000, n * 100 + 7, kill_after=0.03)
            detail["station_kill"] = {"exit": rc}
            assert rc == -signal.SIGKILL, f"the autopilot was not killed mid-run (exit {rc})"
            self.killed_runs += 1
            self.build(st, self.params.units_per_round, n * 100 + 8)  # restarted: carries on

        def devices() -> None:
            sigs = tuple(
                signal.SIGUSR1 if k == "scanner_unplug" else signal.SIGUSR2
                for k in kinds
                if k in ("scanner_unplug", "controller_restart")
            )
            self.build(st, max(len(sigs) + 2, self.params.units_per_round), n * 100 + 9,
                       device_faults=sigs)  # fmt: skip
            rig = self.runs[st.id][-1]["devices"]
            for k in kinds:
                key = {
                    "scanner_unplug": "scanner_unplugs",
                    "controller_restart": "controller_restarts",
                }[k]
                assert len(rig[key]) == 1, rig
                assert rig[key][0]["reconnect_s"] is not None, rig
                detail[k] = {
                    "device_down_s": rig[key][0]["down_s"],
                    "driver_reconnect_s": rig[key][0]["reconnect_s"],
                    "rescans": rig["rescans"],
                }

        def disk_full() -> None:
            d: dict[str, Any] = {}
            detail["disk_full"] = d
            if not st.tmpfs:
                return
            filler = fill(st.data)
            self.untallied[st.id] += 1
            self.mark_run(st)
            proc = run(
                *("-m", "kiosk", "autopilot", "--units", "1", "--config", str(st.config)),
                *("--nok-rate", "0", "--devices", "simulated"),
                timeout=120,
            )
            d["autopilot_exit_on_full_disk"] = proc.returncode
            d["sentence"] = (
                proc.stderr.strip().splitlines()[-1][:200] if proc.stderr.strip() else ""
            )
            d["sync_on_full_disk"] = self.sync(st).get("ok")
            filler.unlink()
            check = run("-m", "kiosk", "db", "check", "--config", str(st.config))
            d["db_check_after"] = check.returncode == 0
            assert check.returncode == 0, check.stdout + check.stderr

        def clock_jump() -> None:
            prefix = ("faketime", "-f", "+2h")
            self.build(st, self.params.units_per_round, n * 100 + 11, prefix=prefix)
            detail["clock_jump"] = {
                "sync_ok_2h_ahead": self.runs[st.id][-1].get("sync", {}).get("ok")
            }
            self.build(st, self.params.units_per_round, n * 100 + 12)  # the clock is back

        if kinds[0] in ("scanner_unplug", "controller_restart"):
            return devices
        return {"station_kill": station_kill, "disk_full": disk_full, "clock_jump": clock_jump}[
            kinds[0]
        ]

    def fault(self, kinds: tuple[str, ...], n: int) -> None:
        """One round with these faults: at most one of the network, bridge or ERP, and
        station faults at distinct stations (the devices' two at the one station)."""
        assert self.bridge and self.proxy and self.tryton
        sts = list(self.stations.values())
        detail: dict[str, Any] = {}
        at: dict[str, list[str]] = defaultdict(list)
        for k in kinds:
            if k in STATION_FAULTS:
                at[STATION_FAULTS[k]].append(k)
        parts = {sid: self.station_part(ks, n, detail) for sid, ks in at.items()}
        server = [k for k in kinds if k not in STATION_FAULTS]
        assert len(server) <= 1, kinds
        kind = server[0] if server else None
        d: dict[str, Any] = {}
        t0 = time.monotonic()
        if kind is None:
            self.round(n, parts=parts)
        elif kind == "net_cut":
            # the stations keep building while the network is cut; their pushes fail
            self.proxy.down = True
            failed = built = 0
            while True:
                if built < 3:  # at most three rounds' backlog: the shift's pace, not flat out
                    pushed = self.round(n, parts=parts if built == 0 else None)
                    failed += pushed.count(False)
                    built += 1
                else:
                    time.sleep(0.5)
                if time.monotonic() - t0 >= self.params.net_cut_s:
                    break
            self.proxy.down = False
            d |= {"cut_s": round(time.monotonic() - t0, 1), "rounds_during_cut": built}
            d["pushes_failed"] = failed
        elif kind == "response_lost":
            before = self.proxy.cut_done
            self.proxy.cut_next = 3
            self.round(n, parts=parts)
            d["responses_swallowed"] = self.proxy.cut_done - before
            self.proxy.cut_next = 0
        elif kind == "bridge_kill":
            self.round(n, parts=parts, sync=False)
            # SIGKILL while the stations push and the adapter books
            pushes = threading.Thread(target=self.sync_all, args=(sts,))
            pushes.start()
            time.sleep(0.3)
            self.bridge.kill()
            pushes.join()
            self.bridge.start()
        elif kind == "db_restore":
            # back to the backup taken after the first round (the database only)
            self.round(n, parts=parts)
            self.bridge.kill()
            with self.pg_admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE "{self.db_name}" WITH (FORCE)'))
                conn.execute(text(f'CREATE DATABASE "{self.db_name}" TEMPLATE "{self.snap_name}"'))
            self.bridge.start()
            d["bridge_lost_events"] = {
                st.id: self.local_max_seq(st) - (self.hello(st) or 0) for st in sts
            }
        elif kind == "tryton_restart":
            before = self.booked_count() or 0
            self.round(n, parts=parts)
            want = sum(len(self.completed(st)) for st in sts)
            # stopped once the adapter has booked one of the new units (mid-push)
            with contextlib.suppress(AssertionError):
                wait_for("a booking", lambda: (self.booked_count() or 0) > before, 30)
            d["booked_when_stopped"] = f"{self.booked_count()} of {want}"
            self.tryton.stop()
            if self._rpc is not None:
                self._rpc.close()
                self._rpc = None
            self.tryton.start()
        if kind is not None:
            detail[kind] = d
        t_heal = time.monotonic()
        recovery = self.catch_up(timeout=300)
        for k in kinds:
            self.figures.faults.append(
                {
                    "kind": k,
                    "round": n,
                    "fault_s": round(t_heal - t0, 2),
                    "recovery_s": round(recovery, 2),
                }
                | ({"with": [o for o in kinds if o != k]} if len(kinds) > 1 else {})
                | detail.get(k, {})
            )

    def snapshot(self) -> None:
        assert self.bridge is not None
        self.bridge.stop()
        with self.pg_admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.snap_name}" TEMPLATE "{self.db_name}"'))
        self.bridge.start()

    # --- the shift ----------------------------------------------------------------------

    def schedule(self) -> dict[int, tuple[str, ...]]:
        """Faults spread over the rounds (round 0 stays clean; the backup is taken after
        it), one kind per round cycling through the kinds when there are more rounds than
        kinds; ``paired``: the rounds of :data:`PAIRED` one after the other."""
        kinds = [k for k in FAULTS if k in self.params.faults]
        slots = list(range(1, self.params.rounds))
        if not kinds or not slots:
            return {}
        if self.params.paired:
            groups = [g for g in (tuple(k for k in line if k in kinds) for line in PAIRED) if g]
            return dict(zip(slots, groups, strict=False))
        every = max(1, len(slots) // len(kinds)) if len(slots) >= len(kinds) else 1
        plan: dict[int, tuple[str, ...]] = {}
        for i, r in enumerate(slots[::every]):
            plan[r] = (kinds[i % len(kinds)],)
        return plan

    def run(self) -> Figures:
        started = time.monotonic()
        self.setup()
        plan = self.schedule()
        missing = [k for k in self.params.faults if not any(k in g for g in plan.values())]
        assert not missing, f"more fault kinds than rounds: {missing} not scheduled"
        for n in range(self.params.rounds):
            kinds = plan.get(n)
            cpu0, t0 = self.cpu(), time.monotonic()
            self.phase = {}
            if kinds:
                self.fault(kinds, n)
                row: dict[str, Any] = {"n": n, "fault": "+".join(kinds)}
            else:
                self.round(n)
                t1 = time.monotonic()
                self.rounds_s.append(round(t1 - t0, 2))
                row = {"n": n, "fault": None} | self.phase
                row["catch_up_s"] = round(self.catch_up(), 2)
            row["round_s"] = round(time.monotonic() - t0, 2)
            row["booked"] = self.booked_count()
            row["cpu_s"] = self.cpu_delta(cpu0, self.cpu())
            row["load_1min"] = round(os.getloadavg()[0], 1)  # the machine is shared
            self.figures.rounds.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)  # progress of a long run
            if n == 0:
                self.snapshot()
        self.catch_up()
        assert self.reader is not None
        reader = self.reader
        want = {s for st in self.stations.values() for s in self.completed(st)}
        wait_for(
            "the ERP feed to carry every unit",
            lambda: want <= {u.get("serial") for c in reader.delivered for u in c.get("units", [])},
            60,
        )
        self.figures.seconds = round(time.monotonic() - started, 1)
        self.figures.clean_round_s = self.rounds_s
        # the shift the run stands for: its hours over the rounds
        self.figures.simulated_minutes_per_round = round(
            self.params.shift_hours * 60 / max(1, self.params.rounds), 1
        )
        return self.figures

    def verify(self) -> Figures:
        """The end checks; raises AssertionError with what is wrong."""
        assert self.tryton and self.bridge and self.reader and self.plant
        f = self.figures
        sts = list(self.stations.values())
        completed = {st.id: self.completed(st) for st in sts}
        serials = [s for v in completed.values() for s in v]
        f.units_per_station = {k: len(v) for k, v in completed.items()}
        f.units_completed = len(serials)
        assert len(set(serials)) == len(serials), "a serial was completed twice at the stations"

        # 1. Tryton: each unit once, its inputs, its labour
        rpc = self.tryton.rpc()
        try:
            t = booked(rpc, self.pid)
        finally:
            rpc.close()
        dupes = [s for s, c in Counter(t["outputs"]).items() if c > 1]
        assert not dupes, f"booked twice in Tryton: {dupes}"
        assert sorted(t["outputs"]) == sorted(serials), (
            f"missing in Tryton: {sorted(set(serials) - set(t['outputs']))}, "
            f"extra: {sorted(set(t['outputs']) - set(serials))}"
        )
        motors: list[str] = []
        seals: list[str] = []
        for st in sts:
            done_units = {
                json.loads(p)["unit_id"]
                for (p,) in self.local(
                    st, "select payload from events where type = 'unit.completed'"
                )
            }
            for (p,) in self.local(
                st, "select payload from events where type = 'component.consumed'"
            ):
                c = json.loads(p)
                if c["unit_id"] not in done_units:
                    continue
                if c["part"] == MOTOR:
                    motors.append(c["component_serial"])
                elif c["part"] == SEAL:
                    seals.append(c["lot"])
        assert sorted(
            lot for p, lot, _ in t["inputs"] if p == self.plant.products[MOTOR]
        ) == sorted(motors)
        assert sorted(lot for p, lot, _ in t["inputs"] if p == self.plant.products[SEAL]) == sorted(
            seals
        )
        assert len(t["cycles"]) == len(serials), (len(t["cycles"]), len(serials))
        assert all(state == "done" for _, state in t["cycles"]), t["cycles"]

        # 2. the bridge: every station's sequence gap-free, nothing refused
        db = BridgeDb.open(self.db_url, self.bridge.data)
        try:
            for st in sts:
                n = self.local_max_seq(st)
                assert db.station_seqs(st.id) == list(range(1, n + 1)), (
                    f"{st.id}: gaps or duplicates"
                )
                assert db.events_count(st.id) == n
            f.events = db.events_count()
        finally:
            db.close()
        statuses = parallel(
            *(
                (
                    lambda st=st: json.loads(
                        must(run("-m", "kiosk", "sync", "status", "--config", str(st.config)))
                    )
                )
                for st in sts
            )
        )
        for st, status in zip(sts, statuses, strict=True):
            assert int(status["dead_letters"]) == 0, f"{st.id}: dead letters {status}"

        # 3. the feed: every completed unit in exactly one confirmation id
        by_id: dict[str, dict[str, Any]] = {}
        deliveries = Counter[str]()
        for c in self.reader.delivered:
            deliveries[c["id"]] += 1
            by_id[c["id"]] = c
        unit_ids = defaultdict(set)
        for cid, c in by_id.items():
            for u in c.get("units", []):
                if u.get("outcome") == "completed" or u.get("outcome") == "good":
                    unit_ids[u["serial"]].add(cid)
        missed = sorted(set(serials) - set(unit_ids))
        duplicated = sorted(s for s, ids in unit_ids.items() if len(ids) > 1)
        f.feed = {
            "confirmations": len(by_id),
            "deliveries": sum(deliveries.values()),
            "redelivered_same_id": sum(c - 1 for c in deliveries.values()),
            "epochs": len(self.reader.epochs),
            "missed_units": len(missed),
            "duplicated_units": len(duplicated),
            "cursor_backwards": self.reader.backwards,
            "outcomes": dict(
                Counter(u.get("outcome") for c in by_id.values() for u in c.get("units", []))
            ),
        }
        assert not missed, f"feed missed {missed}"
        assert not duplicated, f"feed counted twice {duplicated}"
        assert self.reader.backwards == 0
        assert set(unit_ids) <= set(serials), sorted(set(unit_ids) - set(serials))

        # 4. the devices: every scan and tightening the drivers read is in the record once
        f.faults_by_kind = dict(Counter(x["kind"] for x in f.faults))
        f.devices = self.device_figures()
        for st in sts:
            self.check_devices(st)

        # 5. memory and file handles flat
        f.memory = self.memory_figures()
        for kind, m in f.memory.items():
            assert m["rss_growth_mb"] <= m["rss_budget_mb"], f"{kind} memory grows: {m}"
            assert m["fd_growth"] <= 10, f"{kind} file handles grow: {m}"
        assert {"bridge", "trytond", "station autopilot"} <= set(f.memory), sorted(f.memory)
        return f

    def device_figures(self) -> dict[str, Any]:
        rigs = [r["devices"] for runs in self.runs.values() for r in runs]
        total: dict[str, Any] = {"autopilot_runs": len(rigs)}
        for key in (
            "scans_sent", "frames", "rescans", "extra_frames", "discarded_frames",
            "tightenings", "results", "late_results", "extra_results", "unreadable_results",
        ):  # fmt: skip
            total[key] = sum(int(r[key]) for r in rigs)
        for key in ("scanner_unplugs", "controller_restarts"):
            total[key] = [x for r in rigs for x in r[key]]
        return total

    def check_devices(self, st: StationSetup) -> None:
        """No scan or tightening lost, doubled or given to another unit: each completed
        unit holds each fastening once (OK), every tightening once (autopilot run,
        controller, id, tool time: ids start again at 1 after a restart, and each run has a
        controller of its own, whose first tightenings can fall in the same second as the
        last run's), on its own unit; what the drivers delivered is what the record holds."""
        serial_of = {
            json.loads(p)["unit_id"]: json.loads(p)["serial"]
            for (p,) in self.local(st, "select payload from events where type = 'unit.started'")
        }
        done = {
            json.loads(p)["unit_id"]
            for (p,) in self.local(st, "select payload from events where type = 'unit.completed'")
        }
        rows = self.local(st, "select seq, payload from events where type = 'torque.recorded'")
        torque = [json.loads(p) for _, p in rows]
        starts = self.run_starts[st.id]
        keys = Counter(
            (run, t["controller_id"], t["tightening_id"], t["tool_time"])
            for run, t in zip(
                (bisect.bisect_left(starts, seq) for seq, _ in rows), torque, strict=True
            )
        )
        doubled = [k for k, c in keys.items() if c > 1]
        assert not doubled, f"{st.id}: tightenings recorded twice: {doubled[:5]}"
        wrong = [t for t in torque if t["serial"] != serial_of.get(t["unit_id"])]
        assert not wrong, f"{st.id}: tightenings on another unit: {wrong[:3]}"
        fastened: dict[str, list[int]] = defaultdict(list)
        for t in torque:
            if t["ok"]:
                fastened[t["unit_id"]].append(int(t["fastening"]))
        bad = {
            serial_of[u]: sorted(fastened.get(u, []))
            for u in done
            if sorted(fastened.get(u, [])) != list(range(1, FASTENINGS + 1))
        }
        assert not bad, f"{st.id}: units without each fastening once: {bad}"
        rigs = [r["devices"] for r in self.runs[st.id]]
        for key in ("extra_frames", "extra_results", "discarded_frames", "unreadable_results"):
            assert sum(int(r[key]) for r in rigs) == 0, f"{st.id}: {key} {rigs}"
        if self.untallied[st.id]:
            return  # a run without its summary (SIGKILLed, full disk): the counts above
        scans = len(self.local(st, "select 1 from events where type = 'component.consumed'"))
        refused = sum(int(r["refused_scans"]) for r in self.runs[st.id])
        frames = sum(int(r["frames"]) for r in rigs)
        assert frames == scans + refused, f"{st.id}: {frames} frames, {scans} + {refused} scans"
        results = sum(int(r["results"]) for r in rigs)
        assert results == len(torque), f"{st.id}: {results} results, {len(torque)} recorded"

    def memory_figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for kind, every_row in self.sampler.samples.items():
            # A process the faults restarted (bridge, trytond) is judged over the life of
            # its longest-running incarnation: a fresh one loading its modules again is not
            # growth. Short-lived ones (pid 0) are one peak per process.
            lives = Counter(r[3] for r in every_row)
            longest = lives.most_common(1)[0][0]
            all_rows = [r for r in every_row if r[3] == longest]
            rows = all_rows[len(all_rows) // 5 :]  # the first fifth is warm-up
            if len(rows) < 3:
                continue
            third = max(1, len(rows) // 3)
            first, last = rows[:third], rows[-third:]
            rss_first = max(r[1] for r in first) / 2**20
            rss_last = max(r[1] for r in last) / 2**20
            # Growth is judged on each third's median: a transient peak (a burst of
            # bookings, a process shutting down for a fault) is not memory kept.
            med_first = statistics.median(r[1] for r in first) / 2**20
            med_last = statistics.median(r[1] for r in last) / 2**20
            out[kind] = {
                "samples": len(rows),
                "processes": len(lives) if longest else "one peak per process",
                "rss_mb_first_third_max": round(rss_first, 1),
                "rss_mb_last_third_max": round(rss_last, 1),
                "rss_mb_median": round(statistics.median(r[1] for r in rows) / 2**20, 1),
                "rss_mb_first_third_median": round(med_first, 1),
                "rss_mb_last_third_median": round(med_last, 1),
                "rss_growth_mb": round(med_last - med_first, 1),
                "rss_budget_mb": round(0.25 * med_first + 16, 1),
                "fds_first_third_max": max(r[2] for r in first),
                "fds_last_third_max": max(r[2] for r in last),
                "fd_growth": max(r[2] for r in last) - max(r[2] for r in first),
                "timeline_mb": [  # every incarnation
                    (round(r[0]), round(r[1] / 2**20, 1))
                    for r in every_row[:: max(1, len(every_row) // 12)]
                ],
            }
        return out

    def close(self) -> None:
        for part in (self.reader, self.sampler):
            if part is not None and part.is_alive():
                part.stop()
        if self._rpc is not None:
            self._rpc.close()
        if self.proxy:
            self.proxy.close()
        if self.bridge:
            self.bridge.stop()
        if self.tryton:
            self.tryton.stop()
        for m in self.mounts:
            subprocess.run(["umount", "-l", str(m)], check=False)
        with self.pg_admin.connect() as conn:
            for name in (self.db_name, self.snap_name):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.pg_admin.dispose()


def fill(folder: Path) -> Path:
    """Write zeros until the file system says ENOSPC, down to the last byte."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (1 << 20, 65536, 4096, 512, 1):
            block = b"\0" * size
            try:
                while True:
                    os.write(fd, block)
            except OSError as err:
                assert err.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


@contextlib.contextmanager
def shift(params: Params, root: Path | None = None) -> Iterator[Shift]:
    url = os.environ.get("KIOSK_TEST_PG_URL")
    if not url:
        raise RuntimeError("the soak needs PostgreSQL: KIOSK_TEST_PG_URL (./dev soak sets it)")
    own = root is None
    where = Path(tempfile.mkdtemp(prefix="kiosk-soak-")) if root is None else root
    s = Shift(where, url, params)
    try:
        yield s
    finally:
        s.close()
        if own:
            shutil.rmtree(where, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="a compressed shift under faults (./dev soak)")
    ap.add_argument("--rounds", type=int, default=int(os.environ.get("SOAK_ROUNDS", "32")))
    ap.add_argument(
        "--units",
        type=int,
        default=int(os.environ.get("SOAK_UNITS_PER_ROUND", "5")),
        help="units per station per round",
    )
    ap.add_argument(
        "--shift-hours", type=float, default=float(os.environ.get("SOAK_SHIFT_HOURS", "8"))
    )
    ap.add_argument("--faults", default=os.environ.get("SOAK_FAULTS", ",".join(FAULTS)))
    cut = os.environ.get("SOAK_NET_CUT_S", "120")
    ap.add_argument("--net-cut-s", type=float, default=float(cut))
    ap.add_argument("--json", help="write the figures here as JSON")
    a = ap.parse_args(argv)
    params = Params(
        rounds=a.rounds,
        units_per_round=a.units,
        shift_hours=a.shift_hours,
        faults=tuple(k for k in a.faults.split(",") if k),
        net_cut_s=a.net_cut_s,
    )
    with shift(params) as s:
        s.run()
        figures = s.verify()
    doc = json.dumps(asdict(figures), indent=2)
    print(doc)
    if a.json:
        Path(a.json).write_text(doc + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
