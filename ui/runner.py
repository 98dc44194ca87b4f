"""The step runner: one step at a time, its media as large as possible, its text short,
its action obvious. Back bottom-left, Next bottom-right, the step strip between.

Not split (about 840 lines): one action panel per step kind, each small, all drawn from the
same step view and sharing the runner's verdict and media plumbing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kiosk.domain import InstructionRevision, NokAction, Step, StepKind, StepStatus, localized
from kiosk.engine import StepView
from ui import messages, theme
from ui.context import ask
from ui.media import MediaPanel
from ui.qt import (
    QBoxLayout,
    QFontMetrics,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLocale,
    QRect,
    QResizeEvent,
    QScrollArea,
    QSize,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.screens import Screen
from ui.widgets import (
    Banner,
    Button,
    Card,
    IconLabel,
    Keypad,
    LimitGauge,
    StepStrip,
    TorqueChips,
    apply_key,
    kinetic,
    label,
)

if TYPE_CHECKING:
    from ui.context import Context


def num(value: float, decimals: int) -> str:
    """A number as the operator's locale writes it (0,10 in de/es)."""
    return QLocale().toString(float(value), "f", decimals)


DONE_STATES = frozenset({"ok", "skipped", "overridden"})
KIND_ICONS = {
    StepKind.INSTRUCTION: "instruction",
    StepKind.CHECKLIST: "checklist",
    StepKind.SCAN: "barcode",
    StepKind.MEASURE: "measure",
    StepKind.PASS_FAIL: "question",
    StepKind.TORQUE: "torque",
    StepKind.SIGNOFF: "sign",
}


class Action(QWidget):
    """The step's action panel; ``show_view`` redraws it for a step view."""

    def __init__(self, runner: RunnerScreen) -> None:
        super().__init__()
        self.runner = runner
        self.shell = runner.shell
        self.m = runner.m
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.setSpacing(self.m.mm(2.5))

    def show_view(self, view: StepView) -> None:
        pass

    def lang(self) -> str:
        return self.shell.language  # the language on screen: the operator's, or a pinned one


class InstructionAction(Action):
    def __init__(self, runner: RunnerScreen) -> None:
        super().__init__(runner)
        row = QHBoxLayout()
        row.addWidget(IconLabel("next", self.m.mm(10), theme.INFO))
        self.hint = label(self.tr("Do the step, then tap Next."), "title")
        row.addWidget(self.hint, 1)
        self.lay.addLayout(row)


class ChecklistAction(Action):
    """One glove-sized toggle per item. The buttons are reused from step to step (a
    station runs thousands of units; widgets made per step would pile up)."""

    def __init__(self, runner: RunnerScreen) -> None:
        super().__init__(runner)
        self.items: dict[str, Button] = {}
        self._pool: list[Button] = []
        self._texts: list[QLabel] = []
        self._icons: list[IconLabel] = []
        self._ids: list[str] = []
        # Two columns on small landscape panels: six 20 mm items still fit the height.
        self.columns = 2 if runner.tight else 1
        self.box = QGridLayout()
        self.box.setSpacing(self.m.mm(2.5) if runner.tight else self.m.gap)
        self.lay.addLayout(self.box)

    def _button(self, i: int) -> Button:
        while len(self._pool) <= i:
            m = self.m
            b = Button("", m)
            b.setCheckable(True)
            inner = QHBoxLayout(b)  # a label inside, so long items wrap instead of clipping
            inner.setContentsMargins(m.mm(2.5), m.mm(1), m.mm(2.5), m.mm(1))
            inner.setSpacing(m.mm(2))
            icon = IconLabel("check", round(m.target * 0.42), theme.TEXT)
            text = label("")
            text.setStyleSheet("font-weight: bold;")
            text.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            icon.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            inner.addWidget(icon)
            inner.addWidget(text, 1)
            n = len(self._pool)
            b.toggled.connect(lambda on, n=n: self._toggle(n, on))
            self.box.addWidget(b, n // self.columns, n % self.columns)
            self._pool.append(b)
            self._texts.append(text)
            self._icons.append(icon)
        return self._pool[i]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # laid out now: the labels know their width
        for b, text in zip(self._pool[: len(self._ids)], self._texts, strict=False):
            need = self._height_for(text.text(), text)
            if need != b.minimumHeight():
                b.setMinimumHeight(need)

    def _height_for(self, text: str, shown: QLabel) -> int:
        """The item's height: 20 mm, or its wrapped text's height if that is more."""
        m = self.m
        side = self.runner.side.width() if not m.portrait else m.width - 2 * m.pad
        card = 2 * (m.mm(2) if self.runner.tight else m.pad)
        spacing = self.box.spacing() * (self.columns - 1)
        width = (side - card - spacing) // self.columns
        inner = width - 2 * m.mm(2.5) - round(m.target * 0.42) - m.mm(2) - 24  # borders, slack
        font = m.font("body", bold=True)
        rect = QFontMetrics(font).boundingRect(
            QRect(0, 0, max(40, inner), 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        need = rect.height()
        if shown.width() > 0:  # laid out already: ask the label itself
            need = max(need, shown.heightForWidth(shown.width()))
        return max(m.target, need + 2 * m.mm(1) + 12)

    def _paint(self, i: int, on: bool) -> None:
        self._pool[i].set_state("ok" if on else "")
        fg = "#FFFFFF" if on else theme.TEXT
        text = self._texts[i]
        if text.property("fg") != fg:  # a restyle costs ~0.3 ms a row: only on a change
            text.setProperty("fg", fg)
            text.setStyleSheet(f"font-weight: bold; color: {fg};")
            self._icons[i].set_icon("check" if on else "box", fg)

    def show_view(self, view: StepView) -> None:
        done = view.status in ("ok", "overridden", "skipped")
        ticked = self.runner.ticked(view)
        if done:
            ticked.update(view.data.get("checked", []))
        self.items = {}
        self._ids = [item.id for item in view.step.checklist]
        for i, item in enumerate(view.step.checklist):
            b = self._button(i)
            text = localized(item.text, self.lang())
            self._texts[i].setText(text)
            b.setMinimumHeight(self._height_for(text, self._texts[i]))  # German grows it
            b.setEnabled(not done)
            b.blockSignals(True)
            b.setChecked(item.id in ticked)
            b.blockSignals(False)
            self._paint(i, item.id in ticked)
            b.show()  # shown now, not on the next event loop pass: a tap may come first
            self.items[item.id] = b
        for b in self._pool[len(self._ids) :]:
            b.hide()

    def _toggle(self, index: int, on: bool) -> None:
        if index >= len(self._ids):
            return
        ticked = self.runner.ticked(self.runner.view)
        (ticked.add if on else ticked.discard)(self._ids[index])
        self._paint(index, on)
        self.shell.engine.touch()
        self.runner.show_next()


class ScanAction(Action):
    def __init__(self, runner: RunnerScreen) -> None:
        super().__init__(runner)
        row = QHBoxLayout()
        row.setSpacing(self.m.pad)
        row.addWidget(IconLabel("scanner", self.m.mm(16), theme.INFO))
        col = QVBoxLayout()
        self.want = label("", "title")
        self.where = label("", "muted")
        col.addWidget(self.want)
        col.addWidget(self.where)
        row.addLayout(col, 1)
        self.lay.addLayout(row)
        self.verdict = Banner(self.m)
        self.lay.addWidget(self.verdict)

    def show_view(self, view: StepView) -> None:
        spec = view.step.spec
        rev = self.shell.engine.revision
        item = rev.component(spec.get("part", "")) if rev and spec.get("part") else None
        if item is not None:
            self.want.setText(
                self.tr("Scan {0} · {1}").format(item.part, localized(item.name, self.lang()))
            )
            self.where.setText(
                self.tr("Take it from bin {0}.").format(item.bin) if item.bin else ""
            )
        else:
            self.want.setText(self.tr("Scan the part's label"))
            self.where.setText("")
        outcome = self.runner.last_scan
        if view.status == "ok":
            d = view.data
            # the label's own text (MTR75-59732364), not the serial parsed out of it; a GS1
            # label (control characters, element strings) shows its serial or lot instead
            raw = str(d.get("raw", ""))
            plain = raw.isprintable() and not d.get("gtin")
            detail = raw if plain else d.get("serial") or d.get("lot") or raw
            self.verdict.show_state(
                "ok",
                self.tr("Right part: {0}").format(d.get("part", "")),
                f"{detail} · " + self.tr("Tap Next."),
            )
        elif outcome is not None and not outcome[0]:
            self.verdict.show_state("nok", outcome[1], outcome[2])
        else:
            self.verdict.show_state("", self.tr("Waiting for the scan…"), "")


class MeasureAction(Action):
    def __init__(self, runner: RunnerScreen) -> None:
        super().__init__(runner)
        m = self.m
        self.what = label("", "title")
        self.lay.addWidget(self.what)
        self.entry = QLabel("")
        self.entry.setProperty("role", "hero")
        self.entry.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.entry.setMinimumHeight(m.mm(14))
        self.entry.setStyleSheet(
            f"background: white; border: 3px solid {theme.BORDER}; border-radius: {m.mm(2)}px;"
            f" padding: 0 {m.mm(3)}px;"
        )
        self.gauge = LimitGauge(m)
        self.verdict = Banner(m, small=runner.tight)
        # "OK" in every language: a long word (Übernehmen) would widen the pad off the panel
        self.keypad = Keypad(m, decimal=True, enter_text="OK", tight=runner.tight)
        self.keypad.key.connect(self.key)
        if runner.tight:  # the keypad beside the limits, the value and the verdict
            row = QHBoxLayout()
            row.setSpacing(m.mm(3))
            left = QVBoxLayout()
            left.setSpacing(m.mm(2))
            left.addWidget(self.gauge)
            left.addWidget(self.entry)
            # the verdict beside the pad when a 65 mm column is left for its words, else
            # across the card below it
            keypad = 4 * m.target + 3 * self.keypad.spacing_px
            room = round(m.width * runner.share) - 2 * m.mm(2) - m.mm(3) - keypad
            if room >= m.mm(65):
                left.addWidget(self.verdict)
            left.addStretch(1)
            row.addLayout(left, 1)
            row.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignTop)
            self.lay.addLayout(row)
            if room < m.mm(65):
                self.lay.addWidget(self.verdict)
        else:
            self.lay.addWidget(self.gauge)
            self.lay.addWidget(self.entry)
            self.lay.addWidget(self.verdict)
            self.lay.addWidget(self.keypad)
        self.text = ""
        self.unit = ""

    def show_view(self, view: StepView) -> None:
        spec = view.step.spec
        dec = int(spec.get("decimals", 2))
        self.unit = spec.get("unit", "")
        lo, hi = spec.get("lower"), spec.get("upper")
        self.decimals = dec
        lims = (
            f"{num(lo, dec)} … {num(hi, dec)} {self.unit}"
            if lo is not None and hi is not None
            else ""
        )
        name = localized(spec.get("label"), self.lang()) or spec.get("name", "")
        self.what.setText(self.tr("Enter {0} ({1})").format(name.replace("_", " "), lims))
        # small landscape panels: the step's title says what, the gauge shows the limits;
        # the height goes to the keypad and the verdict
        self.what.setVisible(not self.runner.tight)
        self.gauge.set_limits(lo, hi, spec.get("nominal"), dec)
        if view.status in ("ok", "nok", "overridden"):
            self.gauge.set_value(view.data.get("value"))
            value = view.data.get("value", "")
            self.text = "" if view.status == "nok" else f"{value}"
        else:
            self.gauge.set_value(None)
            self.text = ""
        verdict = self.runner.last_measure
        if verdict is not None:
            state = {"pass": "ok", "fail": "nok"}.get(verdict.outcome, "attention")
            if verdict.marginal:
                state = "attention"
            title = {
                "ok": self.tr("OK: within limits"),
                "nok": self.tr("NOK: outside limits"),
                "attention": self.tr("Check: close to a limit")
                if verdict.ok
                else self.tr("Not a number"),
            }[state]
            # The sentence is built here from the verdict's numbers so it reads in the
            # language on screen; the core's English sentence stays in the record and log.
            if verdict.value is None:
                detail = self.tr("Enter the reading with the keypad.")
            else:
                reading = f"{num(verdict.value, dec)} {self.unit}".strip()
                detail = self.tr("{0} · limits {1}").format(reading, lims)
                if verdict.marginal:
                    detail += " · " + self.tr("close to a limit: check the part")
            self.verdict.show_state(state, title, detail)
        elif view.status == "ok":
            value = view.data.get("value")
            shown = num(float(value), dec) if isinstance(value, int | float) else str(value)
            self.verdict.show_state("ok", self.tr("OK: within limits"), f"{shown} {self.unit}")
        else:
            self.verdict.show_state("", self.tr("Measure, type the value, tap OK."), "")
        done = view.status in ("ok", "overridden", "nok")
        self.keypad.setEnabled(not done)
        # A recorded value needs no keypad; the room goes to the NOK choices.
        self.keypad.setVisible(not done)
        self.entry.setVisible(view.status != "nok")  # the gauge and verdict show the value
        self._show_entry()

    def _show_entry(self) -> None:
        # the keypad's "." is the locale's decimal sign on screen (a comma in de/es)
        shown = self.text.replace("-", "−").replace(".", QLocale().decimalPoint())
        self.entry.setText(f"{shown} {self.unit}".strip() if self.text else "")

    def key(self, key: str) -> None:
        if key == "enter":
            self.shell.intents.measurement.emit(self.text)
            return
        self.text = apply_key(self.text, key)
        self.shell.engine.touch()
        self._show_entry()


class PassFailAction(Action):
    def __init__(self, runner: RunnerScreen) -> None:
        super().__init__(runner)
        m = self.m
        self.question = label("", "title")
        self.lay.addWidget(self.question)
        row = QHBoxLayout()
        row.setSpacing(m.mm(8))  # a wide dead band: these two must never be confused
        self.passed = Button(self.tr("Pass"), m, icon="check", state="ok", height_mm=26)
        self.failed = Button(self.tr("Fail"), m, icon="cross", state="nok", height_mm=26)
        self.passed.clicked.connect(
            lambda: self.shell.act(lambda: self.shell.engine.submit_pass_fail(True))
        )
        self.failed.clicked.connect(
            lambda: self.shell.act(lambda: self.shell.engine.submit_pass_fail(False))
        )
        row.addWidget(self.passed)
        row.addWidget(self.failed)
        self.lay.addLayout(row)
        self.verdict = Banner(m)
        self.lay.addWidget(self.verdict)

    def show_view(self, view: StepView) -> None:
        q = localized(view.step.spec.get("question"), self.lang())
        self.question.setText(q or self.tr("Did the check pass?"))
        open_ = view.status in ("pending", "partial")
        self.passed.setEnabled(open_)
        self.failed.setEnabled(open_)
        # the answer given keeps its colour and a mark; the other one greys out
        chosen = {"ok": self.passed, "overridden": self.failed, "nok": self.failed}.get(view.status)
        for b, state, word in (
            (self.passed, "ok", self.tr("Pass")),
            (self.failed, "nok", self.tr("Fail")),
        ):
            b.set_state(state if open_ or b is chosen else "")
            b.setText(("✓ " + word) if b is chosen else word)
            b.setProperty("chosen", b is chosen)
        if view.status == "ok":
            self.verdict.show_state("ok", self.tr("Passed"), self.tr("Tap Next."))
        elif view.status == "nok":
            self.verdict.show_state("nok", self.tr("Failed"), "")
        else:
            self.verdict.show_state("", self.tr("Tap Pass or Fail."), "")


class TorqueAction(Action):
    def __init__(self, runner: RunnerScreen) -> None:
        super().__init__(runner)
        self.what = label("", "title")
        self.lay.addWidget(self.what)
        self.limits = label("", "muted")
        self.lay.addWidget(self.limits)
        self.chips = TorqueChips(self.m)
        self.lay.addWidget(self.chips)
        self.verdict = Banner(self.m)
        self.lay.addWidget(self.verdict)

    def show_view(self, view: StepView) -> None:
        spec = view.step.spec
        count = int(spec.get("count", 1))
        self.what.setText(self.tr("Tighten %n fastenings with the tool", "", count))
        tmin, tmax = spec.get("torque_min"), spec.get("torque_max")
        self.limits.setText(
            self.tr("Program {0} · {1}–{2} Nm").format(
                spec.get("pset", "—"),
                num(float(tmin), 1) if tmin is not None else "—",
                num(float(tmax), 1) if tmax is not None else "—",
            )
        )
        tightenings = list(view.data.get("tightenings", []))
        self.chips.set_results(count, tightenings)
        oks = sum(1 for t in tightenings if t.get("ok"))
        last = self.runner.last_tightening
        if view.status == "ok":
            self.verdict.show_state(
                "ok", self.tr("All %n fastenings OK", "", count), self.tr("Tap Next.")
            )
        elif view.status == "nok":
            self.verdict.show_state(
                "nok", self.tr("Fastening NOK"), messages.tightening_problems(last) if last else ""
            )
        elif last is not None and not last.ok:
            self.verdict.show_state(
                "nok",
                self.tr("NOK {0} Nm: fastening {1}").format(num(last.torque, 1), oks + 1),
                messages.tightening_problems(last) + " " + self.tr("Loosen and tighten it again."),
            )
        else:
            self.verdict.show_state(
                "info",
                self.tr("Tighten fastening {0} of {1}").format(min(oks + 1, count), count),
                "",
            )


class SignoffAction(Action):
    def __init__(self, runner: RunnerScreen) -> None:
        super().__init__(runner)
        row = QHBoxLayout()
        row.addWidget(IconLabel("badge", self.m.mm(16), theme.INFO))
        self.who = label("", "title")
        row.addWidget(self.who, 1)
        self.lay.addLayout(row)
        self.verdict = Banner(self.m)
        self.lay.addWidget(self.verdict)

    def show_view(self, view: StepView) -> None:
        role = str(view.step.spec.get("role", "quality"))
        roles = {"quality": self.tr("a quality inspector"), "line_lead": self.tr("a line lead")}
        self.who.setText(self.tr("Sign-off: {0} scans their badge").format(roles.get(role, role)))
        if view.status == "ok":
            self.verdict.show_state(
                "ok",
                self.tr("Signed by {0}").format(view.data.get("signer_name", "")),
                self.tr("Tap Next."),
            )
        elif self.runner.last_scan is not None and not self.runner.last_scan[0]:
            self.verdict.show_state("nok", self.runner.last_scan[1], self.runner.last_scan[2])
        else:
            self.verdict.show_state("", self.tr("Waiting for the badge…"), "")


class NokPanel(Card):
    """What may follow a NOK: retry, rework, scrap, line-lead override."""

    def __init__(self, runner: RunnerScreen) -> None:
        super().__init__()
        m = runner.m
        self.runner = runner
        shell = runner.shell
        lay = QVBoxLayout(self)
        lay.setContentsMargins(m.pad, m.pad, m.pad, m.pad)
        self.title = label(self.tr("NOK: choose what happens next"), "title")
        lay.addWidget(self.title)
        # two by two: four long words (Nacharbeit, Verschrotten) never share one row
        row = QGridLayout()
        row.setSpacing(m.gap)
        self.buttons = {
            NokAction.RETRY: Button(self.tr("Retry"), m, icon="loop", state="info"),
            NokAction.REWORK: Button(self.tr("Rework"), m, icon="wrench"),
            NokAction.SCRAP: Button(self.tr("Scrap"), m, icon="scrap", state="nok"),
            NokAction.OVERRIDE: Button(self.tr("Line lead"), m, icon="badge"),
        }
        self.buttons[NokAction.RETRY].clicked.connect(runner.retry)
        self.buttons[NokAction.REWORK].clicked.connect(ask(shell.intents.rework))
        self.buttons[NokAction.SCRAP].clicked.connect(ask(shell.intents.scrap))
        self.buttons[NokAction.OVERRIDE].clicked.connect(ask(shell.intents.nok_override))
        for i, b in enumerate(self.buttons.values()):
            row.addWidget(b, i // 2, i % 2)
        lay.addLayout(row)

    def show_view(self, view: StepView) -> None:
        for action, b in self.buttons.items():
            b.setVisible(action in view.nok_actions)
        if NokAction.RETRY in view.nok_actions:
            self.title.setText(messages.sentence("retries_left", n=view.retries_left))
        else:
            self.title.setText(self.tr("NOK: no retries left"))


class RunnerScreen(Screen):
    def __init__(self, shell: Context) -> None:
        super().__init__(shell)
        m = self.m
        self.view: StepView | None = None
        self.last_scan: tuple[bool, str, str] | None = None
        self.last_measure: Any = None
        self.last_tightening: Any = None
        self._ticked: dict[tuple[str, str], set[str]] = {}
        self._warning_pool: list[tuple[QFrame, IconLabel, QLabel]] = []
        #: small landscape panels: the header takes one row, the keypad sits beside the value
        self.tight = m.compact and not m.portrait
        #: the side column's share of the width (landscape); 4:3 panels give it more
        self.share = 0.40 if not m.compact else 0.56 if m.width / m.height < 1.5 else 0.48
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        body = QBoxLayout(
            QBoxLayout.Direction.TopToBottom if m.portrait else QBoxLayout.Direction.LeftToRight
        )
        body.setContentsMargins(m.pad, m.pad, m.pad, m.pad)
        body.setSpacing(m.mm(4))
        self.media = MediaPanel(m, shell.images)
        body.addWidget(self.media, 1)
        # The side column: step header, the text (scrolls when long), then the action,
        # which is never scrolled: the operator must always see what to do.
        side = QWidget()
        col = QVBoxLayout(side)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(m.mm(1.5) if self.tight else m.mm(2))
        head = QHBoxLayout()
        head.setSpacing(m.mm(2))
        self.kind_icon = IconLabel("instruction", m.mm(9), theme.TEXT_MUTED)
        head.addWidget(self.kind_icon, 0, Qt.AlignmentFlag.AlignTop)
        self.counter = label("", "muted", wrap=False)
        self.title = label("", "title")
        if self.tight:  # one row: every millimetre goes to the action
            head.addWidget(self.title, 1)
            head.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
            col.addLayout(head)
        else:
            head.addWidget(self.counter, 1)
            col.addLayout(head)
            col.addWidget(self.title)
        reading = QWidget()
        rl = QVBoxLayout(reading)
        rl.setContentsMargins(0, 0, m.mm(1), 0)
        rl.setSpacing(m.mm(1.5))
        self.text = label("")
        self.text.setTextFormat(Qt.TextFormat.MarkdownText)
        rl.addWidget(self.text)
        rl.addStretch(1)
        self.reading = kinetic(QScrollArea())
        self.reading.setWidget(reading)
        self.reading.setMinimumHeight(m.mm(6) if self.tight else m.mm(9))
        col.addWidget(self.reading, 1)
        # safety warnings outside the scrolling text: always whole, right above the action
        self.warnings = QVBoxLayout()
        self.warnings.setSpacing(m.mm(1.5))
        col.addLayout(self.warnings)
        self.problem = Banner(m)
        self.problem.hide()
        col.addWidget(self.problem)
        self.action_card = Card()
        ac = QVBoxLayout(self.action_card)
        pad = m.mm(1.5) if self.tight else m.pad
        ac.setContentsMargins(pad, pad, pad, pad)
        self.action_stack = QStackedWidget()
        self.panels: dict[StepKind, Action] = {
            StepKind.INSTRUCTION: InstructionAction(self),
            StepKind.CHECKLIST: ChecklistAction(self),
            StepKind.SCAN: ScanAction(self),
            StepKind.MEASURE: MeasureAction(self),
            StepKind.PASS_FAIL: PassFailAction(self),
            StepKind.TORQUE: TorqueAction(self),
            StepKind.SIGNOFF: SignoffAction(self),
        }
        for p in self.panels.values():
            self.action_stack.addWidget(p)
            # Until a step is shown no page may claim room (the window would grow).
            p.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        ac.addWidget(self.action_stack)
        col.addWidget(self.action_card, 0)
        self.nok = NokPanel(self)
        self.nok.hide()
        col.addWidget(self.nok)
        # A fixed split keeps the picture's size the same on every step, so the pictures
        # decoded ahead of time (at that size) are the ones painted. On small landscape
        # panels the picture gives up width first, so the action fits without scrolling.
        if m.portrait:
            self.media.setFixedHeight(round(m.height * 0.36))
        else:
            side.setFixedWidth(round(m.width * self.share))
        body.addWidget(side, 0 if not m.portrait else 1)
        self.side = side
        root.addLayout(body, 1)
        bar = QFrame()
        bar.setObjectName("BottomBar")
        outer = QVBoxLayout(bar)
        outer.setContentsMargins(m.pad, m.mm(1.5), m.pad, m.mm(1.5))
        outer.setSpacing(m.mm(1.5))
        bl = QHBoxLayout()
        bl.setSpacing(m.gap)
        self.back = Button(self.tr("Back"), m, icon="back")
        self.back.clicked.connect(lambda: shell.act(shell.engine.back))
        self.strip = StepStrip(m)
        self.timer_icon = IconLabel("clock", m.mm(7), "#D0D0CC")
        self.timer = QLabel("")
        self._timer_colour = ""
        self.more = Button(self.tr("More"), m, icon="question")
        self.more.clicked.connect(ask(shell.intents.more))
        self.next = Button(self.tr("Next"), m, icon="next", state="info")
        self.next.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # arrow after the word
        self.next.setMinimumWidth(m.mm(45))
        self.next.clicked.connect(self.tap_next)
        if m.portrait:  # too narrow for one row: the strip and the time above the buttons
            top = QHBoxLayout()
            top.setSpacing(m.gap)
            top.addWidget(self.strip, 1)
            top.addWidget(self.timer_icon)
            top.addWidget(self.timer)
            outer.addLayout(top)
            bl.addWidget(self.back)
            bl.addStretch(1)
            bl.addWidget(self.more)
            bl.addWidget(self.next)
        else:
            bl.addWidget(self.back)
            bl.addWidget(self.strip, 1)
            bl.addWidget(self.timer_icon)
            bl.addWidget(self.timer)
            bl.addWidget(self.more)
            bl.addWidget(self.next)
        outer.addLayout(bl)
        root.addWidget(bar)
        self._current_step: str | None = None
        self._policies_set = False

    def ticked(self, view: StepView | None) -> set[str]:
        unit = self.shell.engine.unit
        if view is None or unit is None:
            return set()
        key = (unit.id, view.step.id)
        if key not in self._ticked:  # only the open unit's ticks are kept
            for old in [k for k in self._ticked if k[0] != unit.id]:
                del self._ticked[old]
        return self._ticked.setdefault(key, set())

    def missing(self) -> str | None:
        """What the step still needs before Next can go on (None: nothing)."""
        view = self.view
        if view is None:
            return None
        step = view.step
        if view.status == "nok":
            return self.tr("Retry, rework, scrap, or ask a line lead.")
        if step.kind == StepKind.CHECKLIST and view.status not in DONE_STATES and step.required:
            left = sum(1 for item in step.checklist if item.id not in self.ticked(view))
            if left:
                return self.tr("%n items not ticked yet: tick each one.", "", left)
            return None
        if view.can_next:
            return None
        return {
            StepKind.SCAN: self.tr("Scan the part this step needs."),
            StepKind.MEASURE: self.tr("Enter the measured value and tap OK."),
            StepKind.PASS_FAIL: self.tr("Tap Pass or Fail."),
            StepKind.TORQUE: self.tr("Tighten every fastening with the tool."),
            StepKind.SIGNOFF: self.tr("Have the sign-off badge scanned."),
        }.get(step.kind, self.tr("Complete the step."))

    def show_next(self) -> None:
        """Next is blue when the step is satisfied, grey (but still tappable: a tap says
        what is missing) while it is not."""
        ready = self.missing() is None
        self.next.set_state("info" if ready else "")
        self.next.setProperty("ready", ready)

    def tap_next(self) -> None:
        view = self.view
        missing = self.missing()
        if view is not None and missing is not None:
            self.shell.feedback.show(
                self.problem,
                "attention",
                self.tr("Step {0} is not done yet").format(view.index + 1),
                missing,
                scope="step",
            )
            return
        checked = self.ticked(view) if view and view.step.kind == StepKind.CHECKLIST else None
        self.shell.intents.next_step.emit(checked)

    def retry(self) -> None:
        if self.shell.act(self.shell.engine.retry_step):
            self.refresh()

    def refresh(self) -> None:
        e = self.shell.engine
        view = e.step_view()
        if view is None:
            return
        if view.step.id != self._current_step:
            self.last_scan = self.last_measure = self.last_tightening = None
        self.view = view
        step = view.step
        lang = self.shell.language
        if view.step.id != self._current_step:
            self._current_step = view.step.id
            self.media.set_items(self.shell.media_items(step))
            self.prefetch(view.index)
        self.kind_icon.set_icon(KIND_ICONS.get(step.kind, "instruction"), theme.TEXT_MUTED)
        self.counter.setText(self.tr("Step {0} of {1}").format(view.index + 1, view.count))
        self.title.setText(localized(step.title, lang))
        body = localized(step.body, lang)
        self.text.setText(body)
        self.text.setVisible(bool(body))
        # The side column is laid out once, at the end, not once per widget that appears
        # in it (Qt lays a visible parent out again, at once, for each one shown).
        column = self.side.layout()
        assert column is not None
        column.setEnabled(False)
        try:
            self._fill(view, step, lang)
        finally:
            column.setEnabled(True)
            column.activate()
        self.back.setEnabled(view.can_back)
        self.next.setText(self.tr("Finish") if view.is_last else self.tr("Next"))
        self.show_next()
        self.strip.set_steps(e.step_statuses(), view.index)
        self.tick()

    def _fill(self, view: StepView, step: Step, lang: str) -> None:
        """The side column's warnings, action and NOK panel for ``view``."""
        self._warnings(step, lang)
        panel = self.panels[step.kind]
        retrying = view.retrying  # the engine's retry state (engine.retry_step)
        shown = view
        if retrying:  # a retry shows the step open again; the NOK stays in the record
            from dataclasses import replace

            shown = replace(
                view,
                status=StepStatus.PENDING,
                data={} if step.kind != StepKind.TORQUE else view.data,
            )
        # Filled in before its page is shown: a widget shown inside a visible page makes
        # Qt lay every ancestor out again at once (~3 ms a checklist row); inside a hidden
        # page it costs nothing, and the page switch lays the column out once.
        panel.show_view(shown)
        if self.action_stack.currentWidget() is not panel or not self._policies_set:
            self._policies_set = True  # a switch re-lays the column out: only on a change
            for p in self.panels.values():  # the stack takes the shown page's height only
                kind = QSizePolicy.Policy.Preferred if p is panel else QSizePolicy.Policy.Ignored
                policy = QSizePolicy(kind, kind)
                # wrapped words need more height when narrow: keep asking (a plain policy
                # would drop height-for-width and the action would be squeezed)
                policy.setHeightForWidth(p is panel)
                p.setSizePolicy(policy)
            self.action_stack.setCurrentWidget(panel)
        self.nok.setVisible(view.status == "nok" and not retrying)
        self.nok.show_view(view)

    def _warnings(self, step: Step, lang: str) -> None:
        m = self.m
        for i, warn in enumerate(step.warnings):
            if i == len(self._warning_pool):  # reused from step to step
                box = QFrame()
                box.setStyleSheet(
                    f"background: {theme.ATTENTION}; border-radius: {m.mm(1.5)}px;"
                    f" QLabel {{ color: black; }}"
                )
                row = QHBoxLayout(box)
                row.setContentsMargins(m.mm(1.5), m.mm(1), m.mm(1.5), m.mm(1))
                icon = IconLabel(warn.icon, m.mm(11))
                row.addWidget(icon)
                text = QLabel("")
                text.setWordWrap(True)
                text.setStyleSheet("color: black;")
                row.addWidget(text, 1)
                self.warnings.addWidget(box)
                self._warning_pool.append((box, icon, text))
            box, icon, text = self._warning_pool[i]
            icon.set_icon(warn.icon, theme.TEXT)
            word = {"danger": self.tr("DANGER"), "warning": self.tr("WARNING")}.get(
                warn.level, self.tr("CAUTION")
            )
            text.setText(f"<b>{word}</b> · {localized(warn.text, lang)}")
            box.show()
        for box, _icon, _text in self._warning_pool[len(step.warnings) :]:
            box.hide()

    def prefetch(self, index: int, rev: InstructionRevision | None = None) -> None:
        """Decode the next steps' pictures now, at the size they will be shown (``index``
        -1: the first step of a unit about to start)."""
        rev = rev or self.shell.engine.revision
        if rev is None:
            return
        size = self.media.view_size()
        steps = list(rev.steps[index + 1 : index + 3])
        if index >= 0 and index + 3 > len(rev.steps):  # near the end: the next unit's first
            steps.append(rev.steps[0])
        for step in steps:
            for item in self.shell.media_items(step):
                if item.kind == "image":
                    self.shell.images.prefetch(item.path, size)

    def tick(self) -> None:
        elapsed, target = self.shell.engine.cycle_time()
        text = f"{int(elapsed) // 60}:{int(elapsed) % 60:02d}"
        if target:
            text += f" / {int(target) // 60}:{int(target) % 60:02d}"
        over = bool(target and elapsed > target)
        self.timer.setText(text + (" " + self.tr("over target") if over else ""))
        colour = theme.ATTENTION if over else "#D0D0CC"
        if colour != self._timer_colour:  # a restyle: only on a change
            self._timer_colour = colour
            self.timer.setStyleSheet(f"color: {colour};")
            self.timer_icon.set_icon("warning" if over else "clock", colour)

    def verdict_state(self) -> str:
        """The colour of the verdict the step's action shows now ("" none)."""
        panel = self.action_stack.currentWidget()
        verdict = getattr(panel, "verdict", None)
        return verdict.state if isinstance(verdict, Banner) and verdict.isVisible() else ""

    def media_size(self) -> QSize:
        return self.media.view_size()
