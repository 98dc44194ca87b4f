"""The editor's forms, built from the package's JSON Schema so that every parameter of every
step kind has a field (and a new parameter in the schema gets one without code here).

A form edits its part of the document in place and emits ``edited``; it never judges the
document: problems come from the one validator and are pinned to fields by JSON path
(:meth:`FormBase.show_problems`).

Not split (about 760 lines): the text, field, list and media builders serve both the step
and the document form, which differ only in what they lay out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kiosk.authoring import MEDIA_TYPES, TEXT_KEYS, new_step, set_text
from kiosk.domain import StepKind
from kiosk.errors import PackageProblem
from kiosk.package import schema
from ui.editor import i18n as editor_i18n
from ui.qt import (
    QCheckBox,
    QComboBox,
    QDoubleValidator,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QIntValidator,
    QLabel,
    QLineEdit,
    QPixmap,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

#: Field labels (the schema's property names in words).
LABELS = {
    "id": "Id",
    "kind": "Kind",
    "title": "Title",
    "body": "Instruction text",
    "required": "Required step",
    "warnings": "Safety warnings",
    "media": "Pictures, videos, drawings",
    "items": "Checklist items",
    "text": "Text",
    "part": "Component (part number)",
    "pattern": "Or: code pattern (regex)",
    "gtin": "GTIN (GS1 AI 01)",
    "name": "Name",
    "label": "Label",
    "unit": "Unit",
    "decimals": "Decimals",
    "nominal": "Nominal",
    "lower": "Lower limit",
    "upper": "Upper limit",
    "question": "Question",
    "on_nok": "When NOK, the operator may",
    "max_retries": "Retries allowed",
    "pset": "Tool program (pset)",
    "count": "Fastenings",
    "torque_min": "Torque min (N·m)",
    "torque_max": "Torque max (N·m)",
    "torque_unit": "Torque unit",
    "angle_min": "Angle min (°)",
    "angle_max": "Angle max (°)",
    "role": "Signed by role",
    "meaning": "Meaning of the signature",
    "independent": "Signer must not be the operator",
    "level": "Level",
    "icon": "Icon",
    "caption": "Caption",
    "revision": "Revision",
    "status": "Status",
    "product": "Product",
    "operation": "Operation",
    "target_cycle_s": "Standard time (s)",
    "default_language": "Default language",
    "languages": "Languages",
    "approved_by": "Approved by",
    "approved_at": "Approved at",
    "change_note": "Change note",
    "quantity": "Quantity",
    "tracking": "Tracking",
    "scan_pattern": "Scan pattern (regex)",
    "bin": "Bin",
    "components": "Components (bill of materials)",
}


#: The step kinds in words (the add menu, the step list, the kind field).
KIND_LABELS = {
    StepKind.INSTRUCTION: "Instruction",
    StepKind.CHECKLIST: "Checklist",
    StepKind.SCAN: "Scan a part",
    StepKind.MEASURE: "Measurement",
    StepKind.PASS_FAIL: "Pass / fail",
    StepKind.TORQUE: "Torque",
    StepKind.SIGNOFF: "Sign-off",
}

#: The schema's enumerated values in words (the stored value stays the schema's).
ENUM_LABELS = {
    "tracking": {"none": "not tracked", "lot": "by lot", "serial": "by serial number"},
    "level": {"caution": "caution", "warning": "warning", "danger": "danger"},
    "icon": {
        "gloves": "gloves",
        "goggles": "safety goggles",
        "hot": "hot surface",
        "sharp": "sharp edges",
        "electric": "electric shock",
        "esd": "ESD-sensitive",
        "heavy": "heavy load",
        "info": "information",
    },
    "on_nok": {"retry": "retry", "rework": "rework", "scrap": "scrap", "override": "override"},
    "role": {
        "operator": "operator",
        "line_lead": "line lead",
        "quality": "quality",
        "admin": "administrator",
    },
    "status": {"draft": "draft", "approved": "approved", "obsolete": "obsolete"},
}


def tr(text: str) -> str:
    return editor_i18n.translate("Editor", text)


def enum_label(key: str, value: object) -> str:
    """How the editor shows the schema value ``value`` of field ``key``."""
    text = str(value)
    label = ENUM_LABELS.get(key, {}).get(text)
    return tr(label) if label is not None else text


def status_label(status: object) -> str:
    return enum_label("status", status)


def label_for(key: str) -> str:
    return tr(LABELS.get(key, key.replace("_", " ").capitalize()))


def _defs() -> dict[str, Any]:
    defs: dict[str, Any] = schema()["$defs"]
    return defs


def _resolve(node: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        merged = dict(_resolve(_defs()[ref.rsplit("/", 1)[1]]))
        merged.update((k, v) for k, v in node.items() if k != "$ref")
        return merged
    return node


def _is_text(node: Mapping[str, Any]) -> bool:
    return node.get("$ref") == "#/$defs/text"


def spec_schema(kind: str) -> Mapping[str, Any]:
    """The schema of a step kind's ``spec`` (``pass_fail`` → ``passFailSpec``)."""
    head, *rest = kind.split("_")
    name = head + "".join(part.capitalize() for part in rest) + "Spec"
    node: Mapping[str, Any] = _defs().get(name, {})
    return node


def _mark(widget: QWidget, reason: str | None) -> None:
    widget.setProperty("problem", bool(reason))
    widget.setToolTip(reason or "")
    widget.setStyleSheet("border: 2px solid #c62828;" if reason else "")


class TextEditor(QWidget):
    """A multilingual text, the document's languages side by side; a missing translation is
    marked and falls back to the default language on the station."""

    edited = Signal()

    def __init__(
        self,
        languages: list[str],
        default: str,
        multiline: bool = False,
        required: bool = False,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.languages = languages
        self.default = default
        self.required = required
        self._value: dict[str, Any] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for lang in languages:
            col = QVBoxLayout()
            head = QLabel(lang.upper() + (" ★" if lang == default else ""))
            head.setToolTip(tr("default language") if lang == default else "")
            col.addWidget(head)
            field: QLineEdit | QPlainTextEdit
            if multiline:
                field = QPlainTextEdit()
                field.setFixedHeight(90)
                field.textChanged.connect(lambda lang=lang: self._changed(lang))
            else:
                field = QLineEdit()
                field.textEdited.connect(lambda _t, lang=lang: self._changed(lang))
            field.setObjectName(f"text-{lang}")
            col.addWidget(field)
            row.addLayout(col)
            self.fields[lang] = field
        self._loading = False

    def set_value(self, value: Mapping[str, Any] | None) -> None:
        self._loading = True
        self._value = dict(value or {})
        for lang, field in self.fields.items():
            text = str(self._value.get(lang, ""))
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(text)
            else:
                field.setText(text)
        self._loading = False
        self._mark_missing()

    def value(self) -> dict[str, Any]:
        return dict(self._value)

    def set_language_text(self, lang: str, text: str) -> None:
        field = self.fields[lang]
        if isinstance(field, QPlainTextEdit):
            field.setPlainText(text)
        else:
            field.setText(text)
            self._changed(lang)

    def _changed(self, lang: str) -> None:
        if self._loading:
            return
        field = self.fields[lang]
        text = field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
        self._value = set_text(self._value, lang, text)
        self._mark_missing()
        self.edited.emit()

    def missing(self) -> list[str]:
        return [lang for lang in self.languages if not str(self._value.get(lang, "")).strip()]

    def _mark_missing(self) -> None:
        for lang, field in self.fields.items():
            gone = not str(self._value.get(lang, "")).strip()
            if lang == self.default:
                field.setPlaceholderText(
                    (tr("required") if self.required else tr("optional")) if gone else ""
                )
            else:
                field.setPlaceholderText(tr("missing translation") if gone else "")
                field.setStyleSheet("background: #fff4e0;" if gone else "")


class FormBase(QWidget):
    """Fields for one JSON object, edited in place. ``rows`` maps each field's JSON path
    (relative to the object) to its widget, for pinning problems."""

    edited = Signal()

    def __init__(self, obj: dict[str, Any], languages: list[str], default: str) -> None:
        super().__init__()
        self.obj = obj
        self.languages = languages
        self.default = default
        self.rows: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}

    # --- building blocks ----------------------------------------------------------------

    def _field(  # noqa: PLR0917 (one call shape for every field)
        self,
        form: QFormLayout,
        target: dict[str, Any],
        key: str,
        node: Mapping[str, Any],
        path: str,
        required: bool,
        choices: list[str] | None = None,
    ) -> None:
        node_r = _resolve(node)
        widget: QWidget
        if _is_text(node) or (key in TEXT_KEYS and node_r.get("type") == "object"):
            text = TextEditor(
                self.languages, self.default, multiline=key in ("body",), required=required
            )
            text.set_value(target.get(key))

            def on_text(text: TextEditor = text) -> None:
                value = text.value()
                if value:
                    target[key] = value
                else:
                    target.pop(key, None)
                self.edited.emit()

            text.edited.connect(on_text)
            widget = text
        elif "enum" in node_r:
            combo = QComboBox()
            options = [str(v) for v in node_r["enum"]]
            if not required:
                combo.addItem("—", None)
            for option in options:
                combo.addItem(enum_label(key, option), option)
            current = target.get(key)
            combo.setCurrentIndex(max(0, combo.findData(current)))

            def on_enum(_i: int, combo: QComboBox = combo) -> None:
                value = combo.currentData()
                if value is None:
                    target.pop(key, None)
                else:
                    target[key] = value
                self.edited.emit()

            combo.currentIndexChanged.connect(on_enum)
            widget = combo
        elif node_r.get("type") == "boolean":
            box = QCheckBox()
            box.setChecked(bool(target.get(key, key == "required")))

            def on_bool(state: int, box: QCheckBox = box) -> None:
                target[key] = box.isChecked()
                self.edited.emit()

            box.stateChanged.connect(on_bool)
            widget = box
        elif node_r.get("type") == "array" and "enum" in _resolve(node_r.get("items", {})):
            widget = self._enum_set(
                target, key, [str(v) for v in _resolve(node_r["items"])["enum"]]
            )
        elif node_r.get("type") in ("integer", "number") or (
            isinstance(node_r.get("type"), list) and "number" in node_r["type"]
        ):
            widget = self._number(target, key, integer=node_r.get("type") == "integer")
        else:
            widget = self._string(target, key, choices)
        widget.setObjectName(f"field-{path}")
        caption = label_for(key) + ("" if not required else " *")
        holder = QWidget()
        col = QVBoxLayout(holder)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(widget)
        msg = QLabel("")
        msg.setObjectName(f"problem-{path}")
        msg.setStyleSheet("color: #c62828;")
        msg.setWordWrap(True)
        msg.hide()
        col.addWidget(msg)
        form.addRow(caption, holder)
        self.rows[path] = widget
        self.messages[path] = msg

    def _string(self, target: dict[str, Any], key: str, choices: list[str] | None) -> QWidget:
        if choices is not None:
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItem("")
            combo.addItems(choices)
            combo.setCurrentText(str(target.get(key, "")))

            def on_choice(text: str) -> None:
                if text.strip():
                    target[key] = text.strip()
                else:
                    target.pop(key, None)
                self.edited.emit()

            combo.currentTextChanged.connect(on_choice)
            return combo
        edit = QLineEdit(str(target.get(key, "") if target.get(key) is not None else ""))

        def on_text(text: str) -> None:
            if text.strip():
                target[key] = text
            else:
                target.pop(key, None)
            self.edited.emit()

        edit.textEdited.connect(on_text)
        return edit

    def _number(self, target: dict[str, Any], key: str, integer: bool) -> QWidget:
        value = target.get(key)
        edit = QLineEdit("" if value is None else str(value))
        edit.setValidator(QIntValidator() if integer else QDoubleValidator())

        def on_number(text: str) -> None:
            text = text.strip().replace(",", ".")
            if not text:
                target.pop(key, None)
            else:
                try:
                    number: float | int = int(text) if integer else float(text)
                except ValueError:
                    return  # half-typed ("-", "1e"): keep the last value until it parses
                if not integer and float(number).is_integer() and "." not in text:
                    number = int(number)
                target[key] = number
            self.edited.emit()

        edit.textEdited.connect(on_number)
        return edit

    def _enum_set(self, target: dict[str, Any], key: str, options: list[str]) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)  # two a row: German and Spanish words are long
        grid.setContentsMargins(0, 0, 0, 0)
        chosen = set(target.get(key) or ())
        checks: list[QCheckBox] = []
        for i, option in enumerate(options):
            check = QCheckBox(enum_label(key, option))
            check.setProperty("value", option)
            check.setChecked(option in chosen)
            grid.addWidget(check, i // 2, i % 2)
            checks.append(check)

        def on_set(_state: int) -> None:
            picked = [str(c.property("value")) for c in checks if c.isChecked()]
            if picked:
                target[key] = picked
            else:
                target.pop(key, None)
            self.edited.emit()

        for check in checks:
            check.stateChanged.connect(on_set)
        grid.setColumnStretch(2, 1)
        return box

    def _object_list(  # noqa: PLR0917
        self,
        form: QFormLayout,
        target: dict[str, Any],
        key: str,
        item_schema: Mapping[str, Any],
        path: str,
        make: Callable[[], dict[str, Any]],
    ) -> None:
        """A list of sub-objects (checklist items, warnings): one box each, Add/Remove."""
        group = QGroupBox(label_for(key))
        col = QVBoxLayout(group)
        items: list[dict[str, Any]] = target.setdefault(key, [])
        props = _resolve(item_schema).get("properties", {})
        required = set(_resolve(item_schema).get("required", ()))
        for i, item in enumerate(items):
            box = QGroupBox(f"{i + 1}")
            sub = QFormLayout(box)
            for name, node in props.items():
                self._field(sub, item, name, node, f"{path}[{i}].{name}", name in required)
            remove = QPushButton(tr("Remove"))
            remove.setObjectName(f"remove-{path}[{i}]")
            remove.clicked.connect(lambda _c=False, i=i: self._remove(items, i, target, key))
            sub.addRow("", remove)
            col.addWidget(box)
        add = QPushButton(tr("Add"))
        add.setObjectName(f"add-{path}")
        add.clicked.connect(lambda: self._add(items, make()))
        col.addWidget(add)
        form.addRow(group)
        self.rows[path] = group

    def _remove(self, items: list[Any], i: int, target: dict[str, Any], key: str) -> None:
        del items[i]
        if not items:
            target.pop(key, None)
        self.edited.emit()
        self.rebuild.emit()

    def _add(self, items: list[Any], item: dict[str, Any]) -> None:
        items.append(item)
        self.edited.emit()
        self.rebuild.emit()

    rebuild = Signal()

    # --- problems -----------------------------------------------------------------------

    def show_problems(self, problems: Mapping[str, list[str]]) -> None:
        """``problems`` maps paths relative to this form's object to their reasons; each is
        shown under the longest matching field, the rest at the top."""
        for path, widget in self.rows.items():
            _mark(widget, None)
            self.messages.get(path, QLabel()).hide()
        unplaced: list[str] = []
        for path, reasons in problems.items():
            target = self._row_for(path)
            if target is None:
                unplaced += reasons
                continue
            _mark(self.rows[target], "\n".join(reasons))
            msg = self.messages.get(target)
            if msg is not None:
                msg.setText("\n".join(reasons))
                msg.show()
        self.show_unplaced(unplaced)

    def show_unplaced(self, reasons: list[str]) -> None:
        pass

    def _row_for(self, path: str) -> str | None:
        best = None
        for row in self.rows:
            if (path == row or path.startswith(row + ".") or path.startswith(row + "[")) and (
                best is None or len(row) > len(best)
            ):
                best = row
        return best


class StepForm(FormBase):
    """Every field of one step: the common ones, then its kind's parameters."""

    kind_changed = Signal()

    def __init__(
        self,
        step: dict[str, Any],
        document: dict[str, Any],
        media_dir: Path,
        add_media: Callable[[Path], dict[str, Any] | str],
    ) -> None:
        languages = [str(x) for x in document.get("languages", ["en"])]
        super().__init__(step, languages, str(document.get("default_language", "en")))
        self.document = document
        self.media_dir = media_dir
        self.add_media = add_media
        self.setAcceptDrops(True)
        outer = QVBoxLayout(self)
        self.top = QLabel("")
        self.top.setStyleSheet("color: #c62828;")
        self.top.setWordWrap(True)
        self.top.hide()
        outer.addWidget(self.top)
        form = QFormLayout()
        outer.addLayout(form)
        step_schema = _defs()["step"]
        props = step_schema["properties"]
        self._field(form, step, "id", props["id"], "id", True)
        self._kind_field(form)
        self._field(form, step, "title", props["title"], "title", True)
        self._field(form, step, "body", props["body"], "body", False)
        self._field(form, step, "required", props["required"], "required", False)
        self._object_list(
            form,
            step,
            "warnings",
            _defs()["warning"],
            "warnings",
            lambda: {"level": "caution", "icon": "gloves", "text": {self.default: ""}},
        )
        if not step.get("warnings"):
            step.pop("warnings", None)
        self._media_list(form)
        kind = str(step.get("kind", "instruction"))
        spec_node = spec_schema(kind)
        spec_props = _resolve(spec_node).get("properties", {})
        if spec_props:
            spec = step.setdefault("spec", {})
            group = QGroupBox(tr("Parameters"))
            sub = QFormLayout(group)
            required = set(_resolve(spec_node).get("required", ()))
            parts = [str(c.get("part")) for c in document.get("components", ())]
            for name, node in spec_props.items():
                path = f"spec.{name}"
                if name == "items":
                    self._object_list(
                        sub, spec, "items", _resolve(node)["items"], path, self._new_item(spec)
                    )
                else:
                    self._field(
                        sub,
                        spec,
                        name,
                        node,
                        path,
                        name in required,
                        choices=parts if name == "part" else None,
                    )
            form.addRow(group)
            self.rows["spec"] = group
        outer.addStretch(1)

    def _new_item(self, spec: dict[str, Any]) -> Callable[[], dict[str, Any]]:
        def make() -> dict[str, Any]:
            return {"id": f"item-{len(spec.get('items', ())) + 1}", "text": {self.default: ""}}

        return make

    def _kind_field(self, form: QFormLayout) -> None:
        combo = QComboBox()
        combo.setObjectName("field-kind")
        for kind in StepKind:
            combo.addItem(tr(KIND_LABELS[kind]), kind.value)
        combo.setCurrentIndex(max(0, combo.findData(self.obj.get("kind"))))

        def on_kind(_i: int) -> None:
            kind = StepKind(combo.currentData())
            if kind.value == self.obj.get("kind"):
                return
            fresh = new_step(kind, self.document)
            self.obj["kind"] = kind.value
            if "spec" in fresh:
                self.obj["spec"] = fresh["spec"]
            else:
                self.obj.pop("spec", None)
            self.edited.emit()
            self.kind_changed.emit()

        combo.currentIndexChanged.connect(on_kind)
        form.addRow(label_for("kind") + " *", combo)
        self.rows["kind"] = combo

    # --- media --------------------------------------------------------------------------

    def _media_list(self, form: QFormLayout) -> None:
        group = QGroupBox(label_for("media"))
        group.setObjectName("media-group")
        col = QVBoxLayout(group)
        entries: list[dict[str, Any]] = self.obj.get("media", [])
        for i, entry in enumerate(entries):
            row = QHBoxLayout()
            thumb = QLabel()
            thumb.setFixedSize(120, 68)
            file = self.media_dir.parent / str(entry.get("file", ""))
            if entry.get("type") == "image" and file.exists():
                pix = QPixmap(str(file))
                if not pix.isNull():
                    thumb.setPixmap(
                        pix.scaled(
                            120,
                            68,
                            Qt.AspectRatioMode.KeepAspectRatio,
                            Qt.TransformationMode.SmoothTransformation,
                        )
                    )
            else:
                thumb.setText(str(entry.get("type", "")).upper())
                thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
                thumb.setStyleSheet("background: #eceff1;")
            row.addWidget(thumb)
            caption = TextEditor(self.languages, self.default)
            caption.set_value(entry.get("caption"))

            def on_caption(caption: TextEditor = caption, entry: dict[str, Any] = entry) -> None:
                if caption.value():
                    entry["caption"] = caption.value()
                else:
                    entry.pop("caption", None)
                self.edited.emit()

            caption.edited.connect(on_caption)
            row.addWidget(caption, 1)
            remove = QPushButton(tr("Remove"))
            remove.setObjectName(f"remove-media[{i}]")
            remove.clicked.connect(lambda _c=False, i=i: self._remove_media(i))
            row.addWidget(remove)
            col.addLayout(row)
            self.rows[f"media[{i}]"] = thumb
        hint = QLabel(tr("Drop pictures (.jpg .png .webp), videos (.mp4 .webm) or PDFs here."))
        hint.setStyleSheet("color: #607d8b;")
        col.addWidget(hint)
        self.media_message = QLabel("")
        self.media_message.setObjectName("media-message")
        self.media_message.setStyleSheet("color: #c62828;")
        self.media_message.setWordWrap(True)
        self.media_message.hide()
        col.addWidget(self.media_message)
        form.addRow(group)
        self.rows["media"] = group

    def _remove_media(self, i: int) -> None:
        entries = self.obj.get("media", [])
        del entries[i]
        if not entries:
            self.obj.pop("media", None)
        self.edited.emit()
        self.rebuild.emit()

    def drop_files(self, files: list[Path]) -> list[str]:
        """Add dropped files as media; returns the refusals (one sentence each)."""
        refused: list[str] = []
        added = False
        for file in files:
            result = self.add_media(file)
            if isinstance(result, str):
                refused.append(result)
                continue
            entries = self.obj.setdefault("media", [])
            if all(e.get("sha256") != result["sha256"] for e in entries):
                entries.append(result)
                added = True
        if refused:
            self.media_message.setText("\n".join(refused))
            self.media_message.show()
        if added:
            self.edited.emit()
            self.rebuild.emit()
        return refused

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.drop_files(files)
        event.acceptProposedAction()

    def show_unplaced(self, reasons: list[str]) -> None:
        self.top.setText("\n".join(reasons))
        self.top.setVisible(bool(reasons))


class DocumentForm(FormBase):
    """The document's own fields and its components (bill of materials)."""

    def __init__(self, document: dict[str, Any]) -> None:
        languages = [str(x) for x in document.get("languages", ["en"])]
        super().__init__(document, languages, str(document.get("default_language", "en")))
        outer = QVBoxLayout(self)
        self.top = QLabel("")
        self.top.setStyleSheet("color: #c62828;")
        self.top.setWordWrap(True)
        self.top.hide()
        outer.addWidget(self.top)
        form = QFormLayout()
        outer.addLayout(form)
        props = _defs()["document"]["properties"]
        required = set(_defs()["document"].get("required", ()))
        status = QLabel(
            tr("Revision {rev} · {status}").format(
                rev=document.get("revision"), status=status_label(document.get("status"))
            )
        )
        status.setObjectName("revision-status")
        form.addRow(tr("Revision"), status)
        self.rows["revision"] = status
        self.rows["status"] = status
        for key in ("id", "title", "product", "operation", "target_cycle_s", "change_note"):
            self._field(form, document, key, props[key], key, key in required)
        langs = QLineEdit(", ".join(self.languages))
        langs.setObjectName("field-languages")

        def on_langs(text: str) -> None:
            values = [v.strip() for v in text.split(",") if v.strip()]
            if values:
                document["languages"] = values
                if document.get("default_language") not in values:
                    document["default_language"] = values[0]
                self.edited.emit()

        langs.editingFinished.connect(self.rebuild.emit)
        langs.textEdited.connect(on_langs)
        form.addRow(label_for("languages") + " *", langs)
        self.rows["languages"] = langs
        self._field(
            form, document, "default_language", props["default_language"], "default_language", True
        )
        self._object_list(
            form,
            document,
            "components",
            _defs()["component"],
            "components",
            lambda: {"part": "", "name": {self.default: ""}, "quantity": 1},
        )
        document.setdefault("components", [])
        outer.addStretch(1)

    def show_unplaced(self, reasons: list[str]) -> None:
        self.top.setText("\n".join(reasons))
        self.top.setVisible(bool(reasons))


def problems_by_scope(problems: list[PackageProblem]) -> dict[str, dict[str, list[str]]]:
    """Problems grouped by where they belong: ``"document"`` or a step index as text, each
    mapping a path relative to it to its reasons."""
    out: dict[str, dict[str, list[str]]] = {}
    for p in problems:
        path = p.path or "document"
        if path.startswith("document.steps["):
            index, _, rest = path[len("document.steps[") :].partition("]")
            scope, rel = index, rest.lstrip(".")
        else:
            scope, rel = "document", path[len("document.") :] if path != "document" else ""
        out.setdefault(scope, {}).setdefault(rel, []).append(p.reason)
    return out


def media_kind(path: Path) -> str | None:
    return MEDIA_TYPES.get(path.suffix.lower().lstrip("."))
