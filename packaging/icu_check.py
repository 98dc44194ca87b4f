"""Exercise ICU 73 the way Qt uses it, through ctypes: collation, locale case mapping, code
pages, break iteration, locale bundles, normalization. ``icu_trim.py --check`` runs it with
the trimmed data library first on ``LD_LIBRARY_PATH``; run it without to compare with the
wheel's data.

    python packaging/icu_check.py .venv/lib/python3.11/site-packages/PySide6/Qt/lib
"""

from __future__ import annotations

import ctypes
import functools
import sys
from pathlib import Path

V = "_73"
U_FALLBACK, U_DEFAULT = -128, -127  # warnings: the bundle came from a parent or root


def load(icu_dir: Path) -> tuple[ctypes.CDLL, ctypes.CDLL]:
    # libicuuc finds libicudata on LD_LIBRARY_PATH first, then beside itself ($ORIGIN).
    uc = ctypes.CDLL(str(icu_dir / "libicuuc.so.73"), mode=ctypes.RTLD_GLOBAL)
    return uc, ctypes.CDLL(str(icu_dir / "libicui18n.so.73"))


def fn(lib: ctypes.CDLL, name: str, res: type = ctypes.c_int):  # type: ignore[no-untyped-def]
    f = getattr(lib, name + V)
    f.restype = res
    return f


def u16(s: str) -> ctypes.Array[ctypes.c_uint16]:
    raw = s.encode("utf-16-le") + b"\0\0"
    return (ctypes.c_uint16 * (len(raw) // 2)).from_buffer_copy(raw)


def text(buf: ctypes.Array[ctypes.c_uint16], n: int) -> str:
    return bytes(buf)[: 2 * n].decode("utf-16-le")


FAILED: list[str] = []


def ok(cond: object, what: str) -> None:
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILED.append(what)


def main(icu_dir: Path) -> int:
    uc, i18n = load(icu_dir)
    maps = Path("/proc/self/maps").read_text(encoding="utf-8").splitlines()
    data = sorted({ln.split()[-1] for ln in maps if "libicudata" in ln})
    print("data library:", *data)
    err = ctypes.c_int(0)

    ucol_open = fn(i18n, "ucol_open", ctypes.c_void_p)
    strcoll = fn(i18n, "ucol_strcoll")
    for loc, words, want in [
        ("de_DE", ["Zebra", "ähnlich", "Apfel", "azur", "Äpfel"], "ähnlich Apfel Äpfel azur Zebra"),
        ("es_ES", ["ñu", "nube", "oso", "llama", "luz"], "llama luz nube ñu oso"),
        ("en_US", ["b", "A", "a", "B"], "a A b B"),
    ]:
        err.value = 0
        c = ctypes.c_void_p(ucol_open(loc.encode(), ctypes.byref(err)))
        ok(c.value and err.value <= 0, f"ucol_open({loc}) status {err.value}")

        def cmp(a: str, b: str, c: ctypes.c_void_p = c) -> int:
            return int(strcoll(c, u16(a), -1, u16(b), -1))

        got = " ".join(sorted(words, key=functools.cmp_to_key(cmp)))
        ok(got == want, f"collation {loc}: {got}")

    for name, loc, s, want in [
        ("u_strToUpper", "de", "straße äöü", "STRASSE ÄÖÜ"),
        ("u_strToLower", "de", "ÄÖÜ", "äöü"),
        ("u_strToUpper", "es", "año", "AÑO"),
        ("u_strToUpper", "tr", "i", "İ"),
    ]:
        out = (ctypes.c_uint16 * 64)()
        err.value = 0
        n = fn(uc, name)(out, 64, u16(s), -1, loc.encode(), ctypes.byref(err))
        ok(text(out, n) == want and err.value <= 0, f"{name}({loc}, {s!r}) = {text(out, n)!r}")

    ucnv_open = fn(uc, "ucnv_open", ctypes.c_void_p)
    for cp in ("UTF-8", "UTF-16LE", "ISO-8859-1", "windows-1252", "ISO-8859-15", "IBM850"):
        err.value = 0
        h = ucnv_open(cp.encode(), ctypes.byref(err))
        ok(h and err.value <= 0, f"ucnv_open({cp}) status {err.value}")
    err.value = 0
    ucnv_open(b"Shift_JIS", ctypes.byref(err))
    print(f"info ucnv_open(Shift_JIS) status {err.value} (removed when trimmed)")

    ubrk_open = fn(uc, "ubrk_open", ctypes.c_void_p)
    ubrk_next = fn(uc, "ubrk_next")
    sample = u16("Der Bär läuft. Él corre! 東京")
    for kind, loc in ((0, "en"), (1, "de"), (2, "es"), (3, "de")):
        err.value = 0
        b = ctypes.c_void_p(ubrk_open(kind, loc.encode(), sample, -1, ctypes.byref(err)))
        n = 0
        while b.value and ubrk_next(b) != -1:
            n += 1
        ok(b.value and err.value <= 0 and n, f"ubrk_open(kind {kind}, {loc}): {n} boundaries")

    ures_open = fn(uc, "ures_open", ctypes.c_void_p)
    for tree, loc in [
        (None, "de_DE"),
        (None, "es_MX"),
        (None, "en_GB"),
        (b"icudt73l-zone", "de"),
        (b"icudt73l-curr", "es"),
        (b"icudt73l-lang", "en"),
        (b"icudt73l-unit", "de"),
    ]:
        err.value = 0
        r = ures_open(tree, loc.encode(), ctypes.byref(err))
        ok(r and err.value in (0, U_FALLBACK, U_DEFAULT), f"ures_open({tree}, {loc}) {err.value}")

    err.value = 0
    nfc = ctypes.c_void_p(fn(uc, "unorm2_getNFCInstance", ctypes.c_void_p)(ctypes.byref(err)))
    out = (ctypes.c_uint16 * 16)()
    k = fn(uc, "unorm2_normalize")(nfc, u16("a\u0308"), -1, out, 16, ctypes.byref(err))
    ok(text(out, k) == "ä", "NFC a + U+0308 → ä")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
