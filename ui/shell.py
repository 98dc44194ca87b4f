"""The kiosk shell: top bar, the current screen, overlays and the toast; it routes scans
and device events to the engine and redraws on the engine's "what changed" notices.

Not split (about 660 lines): it is the one place that connects the screens' intents,
the overlays and the device signals to the engine; the screens themselves live elsewhere."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard, TypeVar

import kiosk
from kiosk.domain import InstructionRevision, Step, StepKind, localized
from kiosk.engine import Andon, Change, StationEngine, UnitSummary
from kiosk.errors import KioskError, RuleViolation, StoreError
from ui import messages
from ui.context import Intents
from ui.devices import StationSignals, SyncState
from ui.feedback import Feedback
from ui.i18n import Translations
from ui.qt import (
    QApplication,
    QLayout,
    QLocale,
    QObject,
    QResizeEvent,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    translate,
)
from ui.screens import LockScreen, QueueScreen, Screen, StartScreen
from ui.theme import Metrics
from ui.topbar import TopBar
from ui.widgets import Banner

if TYPE_CHECKING:
    from ui.dialogs import DowntimeRunning, Overlay
    from ui.media import ImageCache, MediaItem
    from ui.runner import RunnerScreen

log = logging.getLogger("ui.shell")
T = TypeVar("T")


# The runner (with media, NOK and measurement panels) and the dialogs are imported when
# first needed, not before the lock screen is painted (the start-time budget): nothing
# can be one of their widgets before its module is loaded.
def _is_runner(widget: object) -> TypeGuard[RunnerScreen]:
    mod = sys.modules.get("ui.runner")
    return mod is not None and isinstance(widget, mod.RunnerScreen)


@functools.cache
def _libc() -> Any:
    """The C library, where it has ``malloc_trim`` (glibc); else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        lib = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return lib if hasattr(lib, "malloc_trim") else None


def _give_back_heap() -> None:
    """Hand freed heap pages back to the system. Each step's picture is decoded (a few MB,
    in the decoding thread's heap too) and dropped again; glibc keeps such freed pages
    mapped until trimmed, so a station's RSS would creep up unit after unit."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def _is_downtime(widget: object) -> TypeGuard[DowntimeRunning]:
    mod = sys.modules.get("ui.dialogs")
    return mod is not None and isinstance(widget, mod.DowntimeRunning)


def _lay_out(widget: QWidget) -> None:
    """Place ``widget``'s children by its layout, all the way down (hidden or not)."""
    lay = widget.layout()
    if lay is None:
        return
    lay.setGeometry(widget.rect())
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        _lay_out(child)


class Shell(QWidget):
    """The main window's content. ``engine`` is used from the GUI thread only."""

    def __init__(
        self,
        engine: StationEngine,
        metrics: Metrics,
        *,
        media_dir: Path,
        signals: StationSignals | None = None,
        translations: Translations | None = None,
        sync_configured: bool = False,
        on_exit: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("Root")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.engine = engine
        self.metrics = metrics
        self.media_dir = media_dir
        self.signals = signals or StationSignals(self)
        self.translations = translations
        self.sync_configured = sync_configured
        self.sync_state = SyncState(configured=sync_configured)
        self.on_exit = on_exit or (lambda: None)
        self._images: ImageCache | None = None  # made with the runner (``images``)
        self.device_states: dict[str, tuple[str, str]] = dict(engine.device_states())
        self.andons: list[Andon] = engine.active_andons()
        self._outbox = -1
        self._products: dict[str, str] = {}
        self._media_paths: dict[str, Path | None] = {}
        self.overlays: list[Overlay] = []
        self.wedge: QObject | None = None  # the keyboard-wedge filter, set by build_shell
        self.linelead_ports: Any = None  # kiosk.linelead.LineLeadPorts, set by kiosk.cli
        self.summary: UnitSummary | None = None
        self.signals.connect_to(
            self.handle_scan, self.handle_tightening, self.on_device, self.on_sync
        )
        self._lay = QVBoxLayout(self)
        # The window is the panel: it never grows past it to fit content (content that
        # does not fit is a layout bug the screenshot walk reports, see ``overflow``).
        self._lay.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self._lay.setSpacing(0)
        #: the one owner of messages on screen: each goes when the state it describes does
        self.feedback = Feedback(self.scope_key, self)
        #: what the screens ask of the shell (they see a Context, never the shell)
        self.intents = Intents(self)
        i = self.intents
        i.andon.connect(self.open_andon)
        i.more.connect(self.open_more)
        i.downtime.connect(self.open_downtime)
        i.scrap.connect(self.open_scrap)
        i.rework.connect(self.open_rework)
        i.nok_override.connect(self.open_nok_override)
        i.leave_kiosk.connect(self.open_exit)
        i.line_lead.connect(self.open_line_lead)
        i.work_order.connect(self.open_work_order)
        i.start_unit.connect(self.start_unit)
        i.next_step.connect(self.next_step)
        i.measurement.connect(self.submit_measurement)
        i.pin.connect(self.login_pin)
        i.summary.connect(self.show_summary)
        i.refresh_all.connect(self.refresh_all)
        #: a language that wins over the operator's (``kiosk screenshots --language``)
        self.pinned_language: str | None = None
        self.language = engine.language
        if self.translations:
            self.translations.use(self.language)
        self._build()
        self._unsubscribe = engine.subscribe(self.on_changes)
        self._sync_refresh = QTimer(self)  # the queued-events count, at most twice a second
        self._sync_refresh.setSingleShot(True)
        self._sync_refresh.setInterval(500)
        self._sync_refresh.timeout.connect(lambda: self.topbar.refresh_sync(self.sync_state))
        self.clock = QTimer(self)
        self.clock.timeout.connect(self._tick)
        self.clock.start(1000)
        self.idle = QTimer(self)
        self.idle.timeout.connect(engine.tick)
        self.idle.start(5000)
        self.route()
        self._check_downtime()
        QTimer.singleShot(0, kiosk.started)  # the first screen is up: usual GC pace

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        if hasattr(self, "feedback"):
            self.feedback.clear()
        while self._lay.count():
            item = self._lay.takeAt(0)
            w = item.widget() if item else None
            if w is not None:  # hidden, not unparented: no stray top-level window
                w.hide()
                w.deleteLater()
        self.topbar = TopBar(self)
        self._lay.addWidget(self.topbar)
        self.toast = Banner(self.metrics)
        self.toast.hide()
        self._lay.addWidget(self.toast)
        self.stack = QStackedWidget()
        self._lay.addWidget(self.stack, 1)
        if self.isVisible():  # a layout shows new children only on the next event loop pass
            self.topbar.show()
            self.stack.show()
        self.screens: dict[str, Screen] = {}

    def screen_named(self, name: str) -> Screen:
        """The screen called ``name`` (lock, queue, start, runner), built on first use."""
        if name not in self.screens:
            if name == "runner":
                from ui.runner import RunnerScreen

                s: Screen = RunnerScreen(self)
            else:
                s = {"lock": LockScreen, "queue": QueueScreen, "start": StartScreen}[name](self)
            self.screens[name] = s
            self.stack.addWidget(s)
        return self.screens[name]

    @property
    def images(self) -> ImageCache:
        """Pictures decoded at the media area's size: room for six of them (the current
        step, the two ahead, the next unit's first, two to go back to): 24 MB at 1080p,
        at least 8 MB. Made on first use: the lock screen shows no media."""
        if self._images is None:
            from ui.media import ImageCache

            m = self.metrics
            area = int(m.width * 0.6) * int(m.height * 0.8) * 4
            self._images = ImageCache(max_bytes=max(8 * 2**20, 6 * area), parent=self)
        return self._images

    @property
    def current(self) -> Screen:
        return self.stack.currentWidget()  # type: ignore[return-value]

    def current_name(self) -> str:
        e = self.engine
        if e.locked:
            return "lock"
        if e.unit is not None:
            return "runner"
        if e.work_order is not None:
            return "start"
        return "queue"

    def route(self) -> None:
        name = self.current_name()
        s = self.screen_named(name)
        if name != "start":
            self.summary = None
        if isinstance(s, StartScreen):
            s.show_summary(self.summary)
            # The unit to start: its first picture decoded now, at the size it will have
            # (the runner is built and laid out behind this screen), not at the tap.
            behind = self.screen_named("runner")
            rev = self._start_revision()
            if _is_runner(behind) and rev is not None:
                # a hidden page is not laid out by Qt: lay it out by hand at the stack's
                # size, so the picture is decoded at the size it will be shown (once: the
                # picture's area keeps its size from step to step and unit to unit)
                self._lay.activate()
                if behind.geometry() != self.stack.rect() or behind.media.stack.width() <= 50:
                    behind.setGeometry(self.stack.rect())
                    _lay_out(behind)
                behind.prefetch(-1, rev)
        if self.stack.currentWidget() is not s:
            self.stack.setCurrentWidget(s)
            # Lay the screen out before drawing it: media are decoded at their real size.
            self._lay.activate()
            inner = s.layout()
            if inner is not None:
                inner.activate()
        s.refresh()
        runner = self.screens.get("runner")
        if self.stack.currentWidget() is s and _is_runner(runner) and s is not runner:
            runner.media.stop()
        self.feedback.changed()
        if s is runner and _is_runner(runner):
            self.feedback.verdict(runner.verdict_state())

    def _start_revision(self) -> InstructionRevision | None:
        """The revision the open work order's next unit will run (None: none)."""
        from kiosk.store import masterdata as md

        wo = self.engine.work_order
        if wo is None:
            return None
        try:
            with self.engine.store.read() as conn:
                return md.current_revision(conn, wo.product, wo.operation)
        except StoreError:
            return None

    def scope_key(self, scope: str) -> object:
        """What a message of ``scope`` belongs to, read from the engine now (see
        :mod:`ui.feedback`)."""
        e = self.engine
        op = e.operator.id if e.operator is not None and not e.locked else None
        if scope == "operator":
            return op
        if scope == "andon":
            return tuple(sorted(a.id for a in self.andons))
        unit = e.unit.id if e.unit is not None else None
        if scope == "unit":
            return (op, unit)
        if scope == "step" and unit is not None and not e.locked:
            view = e.step_view()
            return (op, unit, view.index, view.status) if view is not None else (op, unit)
        wo = e.work_order.number if e.work_order is not None else None
        return (op, wo, unit, self.current_name())

    def overflow(self) -> tuple[int, int]:
        """How many pixels (width, height) the content needs beyond the window; (0, 0)
        when everything fits."""
        need = self._lay.totalMinimumSize()
        return max(0, need.width() - self.width()), max(0, need.height() - self.height())

    def refresh_all(self) -> None:
        self.topbar.refresh()
        self.route()

    # --- change notifications ------------------------------------------------------------

    def on_changes(self, changes: frozenset[Change]) -> None:
        wanted = self.pinned_language or self.engine.language
        if Change.SESSION in changes and wanted != self.language:
            self.set_language(wanted)
            return
        if Change.ANDON in changes:
            self.andons = self.engine.active_andons()
        if Change.OUTBOX in changes:
            self._outbox = -1
        if Change.DOWNTIME in changes:
            self._check_downtime()
        if Change.UNIT in changes and self.engine.unit is None:  # a unit is over
            QTimer.singleShot(0, _give_back_heap)  # after its summary is painted
        if changes & {Change.SESSION, Change.UNIT, Change.WORK_QUEUE, Change.STEP}:
            if Change.SESSION in changes and self.engine.locked:
                for ov in list(self.overlays):
                    if not _is_downtime(ov):
                        self.close_overlay(ov)
            self.route()
        self.feedback.changed()
        # The top bar shows who, which order and unit, devices, andon and sync: a step
        # change alone leaves it as it is (it costs ~15 ms); the outbox pill is coalesced.
        if changes & {Change.SESSION, Change.UNIT, Change.WORK_QUEUE, Change.ANDON}:
            self.topbar.refresh()
        elif Change.OUTBOX in changes and not self._sync_refresh.isActive():
            self._sync_refresh.start()

    def set_language(self, language: str) -> None:
        """Follow the operator's language: load the translation, rebuild every screen."""
        self.language = language
        if self.translations:
            self.translations.use(language)
        overlays = [o for o in self.overlays if _is_downtime(o)]
        for ov in list(self.overlays):
            self.close_overlay(ov)
        self._build()
        self.route()
        if overlays:
            self._check_downtime()

    def _check_downtime(self) -> None:
        running = self.engine.active_downtime() is not None
        shown = [o for o in self.overlays if _is_downtime(o)]
        if running and not shown:
            from ui.dialogs import DowntimeRunning

            self.show_overlay(DowntimeRunning(self))
        elif not running:
            for o in shown:
                self.close_overlay(o)

    def _tick(self) -> None:
        self.topbar.tick()
        if _is_runner(self.current):
            self.current.tick()

    # --- data the screens need (read-only) -----------------------------------------------

    def outbox_depth(self) -> int:
        if self._outbox < 0:
            from kiosk.store.outbox import queue_depth

            try:
                with self.engine.store.read() as conn:
                    self._outbox = queue_depth(conn)
            except StoreError:
                self._outbox = 0
        return self._outbox

    def product_name(self, code: str) -> str:
        if code not in self._products:
            from kiosk.store import masterdata as md

            with self.engine.store.read() as conn:
                p = md.product(conn, code)
            self._products[code] = p.name if p else code
        return self._products[code]

    def media_items(self, step: Step) -> list[MediaItem]:
        from kiosk.store import masterdata as md
        from ui.media import MediaItem

        out = []
        for m in step.media:
            if m.sha256 not in self._media_paths:
                with self.engine.store.read() as conn:
                    self._media_paths[m.sha256] = md.media_path(conn, self.media_dir, m.sha256)
            out.append(
                MediaItem(m.type, self._media_paths[m.sha256], localized(m.caption, self.language))
            )
        return out

    # --- acting ------------------------------------------------------------------------

    def explain(self, err: RuleViolation | KioskError) -> tuple[str, str]:
        code = getattr(err, "code", "")
        params = dict(getattr(err, "params", {}) or {})
        return messages.explain(code, params, err.message, err.next_action)

    def act(self, fn: Callable[[], T], problem_to: Any = None) -> T | bool | None:
        """Run an engine action; a refusal becomes a message (or a line-lead override
        dialog); a store failure becomes a plain sentence. Returns the result (True for
        None) or None when refused."""
        self.engine.touch()
        try:
            result = fn()
        except RuleViolation as err:
            msg, nxt = self.explain(err)
            target = problem_to or getattr(self.current, "problem", None)
            if isinstance(target, Banner):
                scope = "operator" if self.engine.locked else "step"
                self.feedback.show(target, "nok", msg, nxt, scope=scope)
            else:
                self.flash("nok", msg, nxt)
            return None
        except StoreError as err:
            msg, nxt = self.explain(err)  # by code: the store's errors are catalogue entries
            self.flash("nok", translate("Shell", "The station cannot save right now."), msg)
            log.error("store error: %s", err)
            return None
        return True if result is None else result

    def flash(
        self,
        state: str,
        title: str,
        detail: str = "",
        seconds: float | None = -1,
        scope: str = "step",
    ) -> None:
        """A message in the bar under the top bar, owned by ``scope`` (see
        :mod:`ui.feedback`); ``seconds`` -1 fades by the colour's default."""
        self.feedback.show(self.toast, state, title, detail, scope=scope, fade_s=seconds)

    def next_step(self, checked: set[str] | None = None) -> None:
        result = self.act(lambda: self.engine.next(checked=checked))
        if isinstance(result, UnitSummary):
            self.show_summary(result)

    def show_summary(self, summary: UnitSummary) -> None:
        self.summary = summary
        self.route()

    def start_unit(self, serial: str | None) -> None:
        try:
            self.engine.touch()
            self.engine.start_unit(serial)
        except RuleViolation as err:
            self._refused(err, lambda lead: self.engine.start_unit(serial, override_by=lead))

    def open_work_order(self, number: str) -> None:
        try:
            self.engine.touch()
            self.engine.select_work_order(number)
        except RuleViolation as err:
            self._refused(err, lambda lead: self.engine.select_work_order(number, override_by=lead))

    def _rescan(self, data: str, gs1: dict[str, str] | None, lead: str) -> None:
        """The same scan again, approved by a line lead; still refused → RuleViolation."""
        outcome = self.engine.handle_scan(data, gs1=gs1, override_by=lead)
        if not outcome.ok:
            raise RuleViolation(
                outcome.code,
                outcome.message,
                next_action=outcome.next_action,
                override=outcome.override,
                params=outcome.params,
            )

    def _refused(self, err: RuleViolation, retry: Callable[[str], object]) -> None:
        msg, nxt = self.explain(err)
        if err.override:
            from ui import dialogs

            self.show_overlay(
                dialogs.OverrideDialog(self, msg, nxt, lambda lead, _reason: retry(lead))
            )
            return
        target = getattr(self.current, "problem", None)
        if isinstance(target, Banner):
            self.feedback.show(target, "nok", msg, nxt, scope="step")
        else:
            self.flash("nok", msg, nxt)

    def submit_measurement(self, text: str) -> None:
        runner = self.screens.get("runner")
        point = QLocale().decimalPoint()
        if point != "." and point in text:  # a decimal comma where the locale uses one
            text = text.replace(point, ".")
        verdict = self.act(lambda: self.engine.submit_measurement(text))
        if _is_runner(runner) and verdict not in (None, True):
            runner.last_measure = verdict
            runner.refresh()

    # --- scans and the tool ------------------------------------------------------------

    def handle_scan(self, data: str, gs1: object = None) -> None:
        """A scan from the scanner or the keyboard wedge, on any screen."""
        self.engine.touch()
        for ov in reversed(self.overlays):
            if ov.wants_scan and ov.on_scan(data, gs1):
                return
        try:
            outcome = self.engine.handle_scan(data, gs1=gs1 if isinstance(gs1, dict) else None)
        except StoreError as err:
            self.flash("nok", translate("Shell", "The station cannot save right now."), err.message)
            return
        msg, nxt = messages.explain(
            outcome.code, dict(outcome.params), outcome.message, outcome.next_action
        )
        runner = self.screens.get("runner")
        if outcome.code == "already_scanned":  # not a wrong part: the step is done already
            self.flash("info", msg, nxt)
            return
        if outcome.override:
            gs1_map = gs1 if isinstance(gs1, dict) else None
            from ui import dialogs

            self.show_overlay(
                dialogs.OverrideDialog(
                    self, msg, nxt, lambda lead, _r: self._rescan(data, gs1_map, lead)
                )
            )
            return
        if (
            _is_runner(runner)
            and self.current is runner
            and outcome.route in ("component", "signoff", "refused", "unknown")
        ):
            view = runner.view
            if view is not None and view.step.kind in (StepKind.SCAN, StepKind.SIGNOFF):
                runner.last_scan = (outcome.ok, msg, nxt)
                runner.refresh()
                if outcome.ok or outcome.route in ("component", "signoff"):
                    return
        if outcome.ok:
            if outcome.route not in ("login", "operator_switch"):
                self.flash("ok", msg, nxt)
        else:
            target = getattr(self.current, "problem", None)
            if self.engine.locked and isinstance(self.current, LockScreen):
                self.feedback.show(self.current.problem, "nok", msg, nxt, scope="operator")
            elif isinstance(target, Banner) and not _is_runner(self.current):
                self.feedback.show(target, "nok", msg, nxt, scope="screen")
            else:
                self.flash("nok", msg, nxt)

    def handle_tightening(self, result: object) -> None:
        runner = self.screens.get("runner")
        view = self.engine.step_view() if not self.engine.locked else None
        if view is None or view.step.kind != StepKind.TORQUE:
            self.flash(
                "attention",
                translate("Shell", "A tightening arrived, but no torque step is open."),
                translate("Shell", "It was not recorded. Go to the torque step first."),
            )
            return
        verdict = self.act(lambda: self.engine.submit_tightening(result))  # type: ignore[arg-type]
        if _is_runner(runner) and verdict not in (None, True):
            runner.last_tightening = verdict
            runner.refresh()

    def on_device(self, kind: str, state: str, reason: str) -> None:
        self.device_states[kind] = (state, reason)
        with contextlib.suppress(StoreError):
            self.engine.device_status(kind, state, reason)
        self.topbar.refresh_devices()

    def on_sync(self, state: object) -> None:
        if isinstance(state, SyncState):
            self.sync_state = state
            self.topbar.refresh_sync(state)

    # --- overlays ------------------------------------------------------------------------

    def show_overlay(self, overlay: Overlay) -> None:
        self.overlays.append(overlay)
        overlay.setGeometry(self.rect())
        overlay.show()
        overlay.panel.show()
        overlay.raise_()

    def close_overlay(self, overlay: Overlay) -> None:
        if overlay in self.overlays:
            self.overlays.remove(overlay)
        overlay.hide()
        overlay.deleteLater()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for ov in self.overlays:
            ov.setGeometry(self.rect())

    def open_andon(self) -> None:
        if self.engine.locked:
            self.flash("attention", translate("Shell", "Scan your badge first."), "", seconds=5)
            return
        from ui import dialogs

        self.show_overlay(dialogs.andon_dialog(self))

    def open_downtime(self) -> None:
        from ui import dialogs

        self.show_overlay(dialogs.downtime_dialog(self))

    def open_problem(self) -> None:
        from ui import dialogs

        self.show_overlay(dialogs.problem_dialog(self))

    def open_scrap(self) -> None:
        from ui import dialogs

        self.show_overlay(dialogs.scrap_dialog(self))

    def open_rework(self) -> None:
        from ui import dialogs

        self.show_overlay(dialogs.rework_dialog(self))

    def open_line_lead(self) -> None:
        """Line-lead mode (badge + PIN first); ``linelead_ports`` come from kiosk.cli."""
        from ui.linelead import open_line_lead

        open_line_lead(self)

    def open_exit(self) -> None:
        from ui import dialogs

        self.show_overlay(dialogs.ExitDialog(self, self.on_exit))

    def open_nok_override(self) -> None:
        reasons = [(r.code, r.text(self.language)) for r in self.engine.reason_codes("override")]
        from ui import dialogs

        self.show_overlay(
            dialogs.OverrideDialog(
                self,
                translate("Override", "A line lead can accept this NOK result."),
                translate("Override", "The NOK stays in the record with the reason."),
                self.engine.override_nok,
                reasons,
            )
        )

    def login_pin(self, operator_id: str, pin: str, problem_to: Banner) -> None:
        """Log in the operator picked by name with their PIN; a certification refusal asks
        a line lead, as after a badge."""
        engine = self.engine
        try:
            engine.touch()
            engine.login_operator_pin(operator_id, pin)
        except RuleViolation as err:
            if err.override:
                self._refused(
                    err, lambda lead: engine.login_operator_pin(operator_id, pin, override_by=lead)
                )
                return
            msg, nxt = self.explain(err)
            self.feedback.show(problem_to, "nok", msg, nxt, scope="operator")
        except StoreError as err:
            self.flash("nok", translate("Shell", "The station cannot save right now."), err.message)

    def open_more(self) -> None:
        """The same tiles in the same order on every step; what a step does not allow
        is shown greyed, not left out."""
        view = self.engine.step_view()
        choices = [
            ("redo", translate("Shell", "Redo this step"), "loop"),
            ("problem", translate("Shell", "Report a problem"), "question"),
            ("downtime", translate("Shell", "Downtime"), "pause"),
            ("scrap", translate("Shell", "Scrap unit"), "scrap"),
            ("logout", translate("Shell", "Log out"), "lock"),
            ("linelead", translate("LineLead", "Line-lead mode"), "wrench"),
        ]

        def pick(key: str) -> None:
            self.close_overlay(dlg)
            {
                "redo": lambda: self.act(self.engine.redo_step),
                "problem": self.open_problem,
                "downtime": self.open_downtime,
                "scrap": self.open_scrap,
                "logout": self._logout,
                "linelead": self.open_line_lead,
            }[key]()

        from ui import dialogs

        dlg = dialogs.ChoiceDialog(
            self,
            "question",
            translate("Shell", "More"),
            translate("Shell", "What do you want to do?"),
            choices,
            pick,
            state="info",
        )
        dlg.tiles["redo"].setEnabled(view is not None and view.can_redo)
        self.show_overlay(dlg)

    def _logout(self) -> None:
        self.act(self.engine.logout)

    def close(self) -> bool:
        self._unsubscribe()
        self._unsubscribe = lambda: None  # closing twice is harmless
        app = QApplication.instance()
        if self.wedge is not None and app is not None:
            app.removeEventFilter(self.wedge)  # the filter is application-wide
            self.wedge = None
        if self._images is not None:
            self._images.pool.waitForDone()
        return super().close()
