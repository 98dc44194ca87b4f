"""Render every screen and dialog with demo data to PNG (``kiosk screenshots``)."""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.autopilot import SimulatedInputs
from kiosk.domain import StepKind
from kiosk.engine import StationEngine
from ui.devices import SyncState
from ui.qt import QApplication
from ui.shell import Shell


def render_all(
    shell: Shell,
    outdir: Path,
    *,
    lead: str = "B2001",
    operator: str = "B1003",
    language: str | None = None,
    on_snap: Callable[[str], None] | None = None,
    save: bool = True,
) -> list[Path]:
    """Walk a demo station through every screen, saving ``NN-name.png`` files; with
    ``language`` (es, de) every screen is in that language whoever is logged in.
    ``on_snap(name)`` is called at each screen (the layout and language tests inspect
    the widgets there); ``save=False`` renders no PNG."""
    outdir.mkdir(parents=True, exist_ok=True)
    if language:
        shell.pinned_language = language
        shell.set_language(language)
    e: StationEngine = shell.engine
    inputs = SimulatedInputs(random.Random(7), nok_rate=0)
    files: list[Path] = []
    app = QApplication.instance()

    def snap(name: str) -> None:
        shell.images.wait()
        for _ in range(3):
            app.processEvents()  # type: ignore[union-attr]
        path = outdir / f"{len(files) + 1:02d}-{name}.png"
        over = shell.overflow()
        if any(over):
            print(f"overflow {over[0]}x{over[1]} px: {path.name}", file=sys.stderr)
        if on_snap is not None:
            on_snap(path.stem)
        if save:
            shell.grab().save(str(path))
        files.append(path)

    def close_overlays() -> None:
        for ov in list(shell.overlays):
            shell.close_overlay(ov)

    def dialog(name: str, opener: Callable[[], None]) -> None:
        opener()
        snap(name)
        close_overlays()

    snap("lock")
    shell.screen_named("lock").pick(e.pin_operators()[0])  # type: ignore[attr-defined]
    snap("lock-pin")
    shell.screen_named("lock").key("1")  # type: ignore[attr-defined]
    for k in "99999":  # a wrong 6-digit PIN
        shell.screen_named("lock").key(k)  # type: ignore[attr-defined]
    shell.screen_named("lock").key("enter")  # type: ignore[attr-defined]
    snap("lock-wrong-pin")
    shell.handle_scan(operator)
    snap("override-certification")
    shell.handle_scan(lead)  # the line lead approves
    snap("work-queue")
    queue = e.work_queue()
    shell.open_work_order(queue[0].number)
    if shell.overlays:
        shell.handle_scan(lead)
    snap("unit-start")
    shell.start_unit(None)
    if shell.overlays:
        shell.handle_scan(lead)
    rev = e.revision
    assert rev is not None
    seen: set[str] = set()
    while e.unit is not None:
        view = e.step_view()
        assert view is not None
        step, kind = view.step, view.step.kind
        first = kind.value not in seen
        seen.add(kind.value)
        media_kinds = {m.type for m in step.media}
        if (
            first
            or ("video" in media_kinds and "video" not in seen)
            or ("pdf" in media_kinds and "pdf" not in seen)
        ):
            seen.update(media_kinds)
            snap(f"step-{kind.value.replace('_', '-')}")
        if kind == StepKind.SCAN:
            if first:
                shell.handle_scan("WRONG-4711")
                snap("step-scan-wrong")
            item = rev.component(step.spec.get("part", ""))
            shell.handle_scan(inputs.barcode(item) if item else "")
            if first:
                snap("step-scan-ok")
        elif kind == StepKind.MEASURE:
            if first:
                shell.screens["runner"].panels[kind].text = "abc"  # type: ignore[attr-defined]
                shell.submit_measurement("abc")
                snap("step-measure-not-a-number")
                spec = step.spec
                high = float(spec["upper"]) + (float(spec["upper"]) - float(spec["lower"])) * 0.3
                shell.submit_measurement(f"{high:.{int(spec.get('decimals', 2))}f}")
                snap("step-measure-nok")
                dialog("dialog-override-nok", shell.open_nok_override)
                shell.screens["runner"].retry()  # type: ignore[attr-defined]
            shell.submit_measurement(inputs.measurement({**step.spec}))
            if first:
                snap("step-measure-ok")
        elif kind == StepKind.PASS_FAIL:
            e.submit_pass_fail(True)
        elif kind == StepKind.TORQUE:
            spec = step.spec
            n = 0
            while (
                (v := e.step_view()) and v.step.id == step.id and v.status in ("pending", "partial")
            ):
                t = inputs.tightening(spec)
                if first and n == 1:
                    t = {**t, "ok": False, "torque": float(spec.get("torque_min", 10)) * 0.8}
                shell.handle_tightening(t)
                n += 1
                if first and n == 2:
                    snap("step-torque-nok-chip")
            if first:
                snap("step-torque-done")
        elif kind == StepKind.SIGNOFF:
            shell.handle_scan("B3001")
            if first:
                snap("step-signoff-done")
        if e.unit is None:
            break
        v = e.step_view()
        if (
            v is not None
            and v.status in ("ok", "pending", "overridden", "skipped")
            and (v.can_next)
        ):
            if kind == StepKind.CHECKLIST:
                runner = shell.screens["runner"]
                runner.ticked(v).update(i.id for i in step.checklist)  # type: ignore[attr-defined]
                if first:
                    runner.refresh()
                    snap("step-checklist-ticked")
                    dialog("dialog-more", shell.open_more)
                    dialog("dialog-problem", shell.open_problem)
            shell.screens["runner"].tap_next()  # type: ignore[attr-defined]
    snap("unit-summary")
    # The sync pill in the top bar, in each state a line lead must tell apart.
    before = shell.sync_state
    now = datetime.now(UTC)
    ago = (now - timedelta(minutes=42)).isoformat()
    for name, state in (
        ("sync-not-configured", SyncState(configured=False)),
        ("sync-synced", SyncState(configured=True, last_success=now.isoformat())),
        (
            "sync-offline-1234-queued",
            SyncState(configured=True, queued=1234, offline_since=ago, last_success=ago),
        ),
        (
            "sync-auth-failed",
            SyncState(
                configured=True,
                queued=57,
                auth_failed=True,
                last_error="401 token revoked",
                next_action="Re-provision the station (kiosk provision).",
            ),
        ),
    ):
        shell.on_sync(state)
        snap(name)
    shell.on_sync(before)
    dialog("dialog-andon", shell.open_andon)
    e.raise_andon("material")
    snap("andon-raised")
    dialog("dialog-andon-clear", shell.open_andon)
    for a in e.active_andons():
        e.clear_andon(a.id)
    shell.start_unit(None)
    if shell.overlays:
        shell.handle_scan(lead)
    dialog("dialog-scrap", shell.open_scrap)
    e.scrap_unit("damaged")
    dialog("dialog-downtime", shell.open_downtime)
    e.start_downtime("no_material")
    snap("downtime-running")
    e.end_downtime()
    e.logout()
    dialog("dialog-exit", shell.open_exit)
    return files
