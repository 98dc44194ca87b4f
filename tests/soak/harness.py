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
import contextlib
import errno
import json
import os
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
FAULTS = (
    "net_cut",
    "response_lost",
    "bridge_kill",
    "db_restore",
    "station_kill",
    "disk_full",
    "clock_jump",
    "tryton_restart",
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
        self.samples: dict[str, list[tuple[float, int, int]]] = defaultdict(list)
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

    def add(self, kind: str, rss: int, fds: int) -> None:
        with self._lock:
            self.samples[kind].append((time.monotonic() - self.started, rss, fds))

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
                    self.add(kind, *m)

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
    skipped: list[str] = field(default_factory=list)
    clean_round_s: list[float] = field(default_factory=list)
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
        self.tryton: TrytonServer | None = None
        self.bridge: BridgeServe | None = None
        self.proxy: CuttableProxy | None = None
        self.reader: FeedReader | None = None
        self.plant: Plant | None = None
        self.pid = 0
        self.behind = ""
        self.rounds_s: list[float] = []

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
            db.publish_package(ROOT / "tests" / "erp" / "package")
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
        for sid in STATIONS:
            self.stations[sid] = self._provision(sid, tokens[sid])

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
            "-m", "kiosk", "sync", "now", "--config", str(st.config), prefix=prefix, timeout=90
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
    ) -> int:
        """One ``kiosk autopilot`` process; SIGKILLed after ``kill_after`` s if given."""
        proc = subprocess.Popen(
            [
                *prefix,
                *(sys.executable, "-m", "kiosk", "autopilot", "--units", str(units)),
                *("--config", str(st.config), "--nok-rate", "0", "--seed", str(seed)),
            ],
            cwd=ROOT,
            env=env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        if kill_after is not None:
            # SIGKILL in the middle of its work: once it has completed a unit more
            before = len(self.completed(st))
            deadline = time.monotonic() + 30
            while len(self.completed(st)) == before and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(kill_after)
            proc.send_signal(signal.SIGKILL)
        self.sampler.watch("station autopilot", proc)
        assert proc.stderr is not None
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        if kill_after is None:
            assert proc.returncode == 0, f"{st.id} autopilot: {err[-2000:]}"
        return int(proc.returncode or 0)

    def round(self, n: int) -> None:
        threads = [
            threading.Thread(
                target=self.build,
                args=(st, self.params.units_per_round, n * 100 + i + self.params.seed),
            )
            for i, st in enumerate(self.stations.values())
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.sync_all(list(self.stations.values()))

    def sync_all(self, sts: list[StationSetup]) -> None:
        """``kiosk sync now`` on these stations at once (as their sync clients would)."""
        threads = [threading.Thread(target=self.sync, args=(st,)) for st in sts]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

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

    def booked_outputs(self) -> list[str] | None:
        assert self.tryton is not None
        rpc = self.tryton.rpc()
        try:
            return list(booked(rpc, self.pid)["outputs"])
        except Exception:
            return None
        finally:
            rpc.close()

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
        outputs = self.booked_outputs()
        want = sorted(s for st in self.stations.values() for s in self.completed(st))
        self.behind = f"Tryton holds {outputs} of {want}"
        return outputs is not None and sorted(outputs) == want

    def catch_up(self, timeout: float = 120) -> float:
        try:
            return wait_for("the line to catch up", self.caught_up, timeout)
        except AssertionError as err:
            raise AssertionError(f"{err}: {self.behind}") from None

    # --- faults ----------------------------------------------------------------------------

    def fault(self, kind: str, n: int) -> None:
        assert self.bridge and self.proxy and self.tryton
        sts = list(self.stations.values())
        detail: dict[str, Any] = {}
        t0 = time.monotonic()
        if kind == "net_cut":
            self.proxy.down = True
            self.round(n)  # the stations keep building; their syncs fail
            detail["syncs_failed"] = sum(1 for st in sts if not self.sync(st).get("ok"))
            time.sleep(self.params.net_cut_s)
            self.proxy.down = False
        elif kind == "response_lost":
            before = self.proxy.cut_done
            self.proxy.cut_next = 3
            self.round(n)
            detail["responses_swallowed"] = self.proxy.cut_done - before
            self.proxy.cut_next = 0
        elif kind == "bridge_kill":
            for i, st in enumerate(sts):
                self.build(st, self.params.units_per_round, n * 100 + i)
            # SIGKILL while the stations push and the adapter books
            pushes = [threading.Thread(target=self.sync, args=(st,)) for st in sts]
            for t in pushes:
                t.start()
            time.sleep(0.3)
            self.bridge.kill()
            for t in pushes:
                t.join()
            self.bridge.start()
        elif kind == "db_restore":
            # back to the backup taken after the first round (the database only)
            self.round(n)
            self.bridge.kill()
            with self.pg_admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE "{self.db_name}" WITH (FORCE)'))
                conn.execute(text(f'CREATE DATABASE "{self.db_name}" TEMPLATE "{self.snap_name}"'))
            self.bridge.start()
            detail["bridge_lost_events"] = {
                st.id: self.local_max_seq(st) - (self.hello(st) or 0) for st in sts
            }
        elif kind == "station_kill":
            st = sts[0]
            rc = self.build(st, 1000, n * 100 + 7, kill_after=0.03)
            detail["exit"] = rc
            assert rc == -signal.SIGKILL, f"the autopilot was not killed mid-run (exit {rc})"
            self.killed_runs += 1
            self.build(st, self.params.units_per_round, n * 100 + 8)  # restarted: carries on
        elif kind == "disk_full":
            st = self.stations[DISK_STATION]
            if not st.tmpfs:
                return
            filler = fill(st.data)
            proc = run(
                "-m",
                "kiosk",
                "autopilot",
                "--units",
                "1",
                "--config",
                str(st.config),
                "--nok-rate",
                "0",
                timeout=120,
            )
            rc = proc.returncode
            detail["autopilot_exit_on_full_disk"] = rc
            detail["sentence"] = (
                proc.stderr.strip().splitlines()[-1][:200] if proc.stderr.strip() else ""
            )
            detail["sync_on_full_disk"] = self.sync(st).get("ok")
            filler.unlink()
            check = run("-m", "kiosk", "db", "check", "--config", str(st.config))
            detail["db_check_after"] = check.returncode == 0
            assert check.returncode == 0, check.stdout + check.stderr
        elif kind == "clock_jump":
            st = self.stations[CLOCK_STATION]
            prefix = ("faketime", "-f", "+2h")
            self.build(st, self.params.units_per_round, n * 100 + 11, prefix=prefix)
            out = self.sync(st, prefix=prefix)
            detail["sync_ok_2h_ahead"] = out.get("ok")
            self.build(st, self.params.units_per_round, n * 100 + 12)  # the clock is back
        elif kind == "tryton_restart":
            for i, st in enumerate(sts):
                self.build(st, self.params.units_per_round, n * 100 + 20 + i)
            for st in sts:
                self.sync(st)
            time.sleep(0.3)  # the adapter is booking them
            self.tryton.stop()
            time.sleep(1.0)
            self.tryton.start()
        t_heal = time.monotonic()
        recovery = self.catch_up()
        self.figures.faults.append(
            {
                "kind": kind,
                "round": n,
                "fault_s": round(t_heal - t0, 2),
                "recovery_s": round(recovery, 2),
            }
            | detail
        )

    def snapshot(self) -> None:
        assert self.bridge is not None
        self.bridge.stop()
        with self.pg_admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.snap_name}" TEMPLATE "{self.db_name}"'))
        self.bridge.start()

    # --- the shift ----------------------------------------------------------------------

    def schedule(self) -> dict[int, str]:
        """Fault kinds spread over the rounds (round 0 stays clean; the backup is taken
        after it), cycling through the kinds when there are more rounds than kinds."""
        kinds = [k for k in FAULTS if k in self.params.faults]
        slots = list(range(1, self.params.rounds))
        if not kinds or not slots:
            return {}
        every = max(1, len(slots) // len(kinds)) if len(slots) >= len(kinds) else 1
        plan: dict[int, str] = {}
        for i, r in enumerate(slots[::every]):
            plan[r] = kinds[i % len(kinds)]
        return plan

    def run(self) -> Figures:
        started = time.monotonic()
        self.setup()
        plan = self.schedule()
        missing = [k for k in self.params.faults if k not in plan.values()]
        assert not missing, f"more fault kinds than rounds: {missing} not scheduled"
        for n in range(self.params.rounds):
            kind = plan.get(n)
            if kind:
                self.fault(kind, n)
            else:
                t0 = time.monotonic()
                self.round(n)
                self.rounds_s.append(round(time.monotonic() - t0, 2))
                self.catch_up()
            if n == 0:
                self.snapshot()
        self.catch_up()
        time.sleep(2)  # the feed reader's last poll
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
        for st in sts:
            status = json.loads(
                must(run("-m", "kiosk", "sync", "status", "--config", str(st.config)))
            )
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

        # 4. memory and file handles flat
        f.memory = self.memory_figures()
        for kind, m in f.memory.items():
            assert m["rss_growth_mb"] <= m["rss_budget_mb"], f"{kind} memory grows: {m}"
            assert m["fd_growth"] <= 10, f"{kind} file handles grow: {m}"
        assert {"bridge", "trytond", "station autopilot"} <= set(f.memory), sorted(f.memory)
        return f

    def memory_figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for kind, all_rows in self.sampler.samples.items():
            rows = all_rows[len(all_rows) // 5 :]  # the first fifth is warm-up
            if len(rows) < 3:
                continue
            third = max(1, len(rows) // 3)
            first, last = rows[:third], rows[-third:]
            rss_first = max(r[1] for r in first) / 2**20
            rss_last = max(r[1] for r in last) / 2**20
            out[kind] = {
                "samples": len(rows),
                "rss_mb_first_third_max": round(rss_first, 1),
                "rss_mb_last_third_max": round(rss_last, 1),
                "rss_mb_median": round(statistics.median(r[1] for r in rows) / 2**20, 1),
                "rss_growth_mb": round(rss_last - rss_first, 1),
                "rss_budget_mb": round(0.25 * rss_first + 16, 1),
                "fds_first_third_max": max(r[2] for r in first),
                "fds_last_third_max": max(r[2] for r in last),
                "fd_growth": max(r[2] for r in last) - max(r[2] for r in first),
                "timeline_mb": [
                    (round(r[0]), round(r[1] / 2**20, 1)) for r in rows[:: max(1, len(rows) // 12)]
                ],
            }
        return out

    def close(self) -> None:
        for part in (self.reader, self.sampler):
            if part is not None and part.is_alive():
                part.stop()
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
    ap.add_argument("--rounds", type=int, default=int(os.environ.get("SOAK_ROUNDS", "48")))
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
    cut = os.environ.get("SOAK_NET_CUT_S", "20")
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
