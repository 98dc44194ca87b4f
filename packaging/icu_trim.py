"""A trimmed ICU data library for the station's PyInstaller bundle.

PySide6's wheel ships ``libicudata.so.73`` (32 MB): one exported symbol, ``icudt73_dat``,
holding ICU's whole common data package (``.dat``, format ``CmnD`` 1) for every language
ICU knows. Qt Core links ICU for QCollator, locale-aware QString/QLocale case mapping and
ICU code pages in QStringConverter (QLocale's number/date formats are Qt's own CLDR
tables); QtPdf's PDFium links it for character properties. The station speaks en, de, es.

At bundle time (``kiosk.spec`` calls :func:`build`) this module

1. cuts the ``.dat`` package out of the wheel's library (the symbol's file offset and size
   from its ELF symbol table; the blob starts with the ``CmnD`` data header);
2. removes the items listed by :func:`plan` with ``icupkg`` (Debian ``icu-devtools``; the
   package container is stable across ICU versions, 72's icupkg reads and writes 73's):
   locale data (main, languages, regions, currencies, units, time zones, collation, rbnf,
   break-iterator locale bundles) for every language but en/de/es, the CJK/Thai/Khmer/
   Lao/Burmese break dictionaries and CJK/Greek/Finnish-Swedish break rules, the
   transliteration rules (Qt never opens a transliterator) and the multi-byte code-page
   tables (CJK, GB18030, EUC, ISO-2022/compound text, LMBCS);
3. links a ``libicudata.so.73`` exporting ``icudt73_dat`` with the trimmed package (an
   assembly ``.incbin``, ``gcc -shared -nostdlib -Wl,-soname,libicudata.so.73``; the
   original carries no symbol versions and needs nothing).

Kept: root and en/de/es with all their region variants, every non-locale item (properties,
normalization nfc/nfkc/nfkc_cf/uts46, likely subtags, supplemental/plural/time-zone data,
ucadata, StringPrep profiles, character names, confusables), the converter alias table and
every single-byte code page (Latin-1..-16, windows-125x, DOS, Mac, KOI8, EBCDIC SBCS), and
the word/line/sentence/character/title break rules. UTF-8/16/32, US-ASCII and ISO-8859-1
are algorithmic in ICU and need no table. ``res_index`` bundles stay as they are: ICU's
"available locales" lists still name the removed languages, which open as root.

Run by hand: ``python packaging/icu_trim.py LIBICUDATA OUTDIR [--check]`` prints what is
removed by category; ``--check`` loads the result with the wheel's libicuuc/libicui18n
(ctypes) and exercises collation, case mapping, code pages, break iteration and locale
bundles for en/de/es.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES = ("en", "de", "es")
SYMBOL = "icudt73_dat"
SONAME = "libicudata.so.73"
#: Bump when the rules below change, so a cached build in the work path is not reused.
RULES_VERSION = "1"

APT_LINE = "apt-get install -y gcc binutils icu-devtools"

_LOCALE = re.compile(r"(?P<lang>[a-z]{2,3})(?:_[A-Za-z0-9]*)*")
_NOT_LOCALES = {"root", "pool", "res_index"}
#: Break-iterator items only the dropped languages use.
_BRKITR_DROP = re.compile(r".*\.dict|.*_cj\.brk|sent_el\.brk|word_fi_sv\.brk")
#: Whole trees nothing in Qt opens.
_DROP_TREES = {"translit"}


@dataclass
class Plan:
    keep: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    removed_bytes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    kept_bytes: int = 0


def _locale_language(stem: str) -> str | None:
    """The language of a locale bundle name (``de_CH`` → ``de``; ``de__PHONEBOOK`` →
    ``de``), None for a non-locale item (``supplementalData``, ``root``, ``pool``)."""
    if stem in _NOT_LOCALES:
        return None
    m = _LOCALE.fullmatch(stem)
    return m.group("lang") if m else None


def _max_bytes_per_char(cnv: bytes) -> int:
    # DataHeader (headerSize: uint16 at 0), then UConverterStaticData: structSize 4,
    # name 60, codepage 4, platform 1, conversionType 1, minBytesPerChar 1, maxBytesPerChar 1.
    header_size = struct.unpack_from("<H", cnv, 0)[0]
    return cnv[header_size + 4 + 60 + 4 + 1 + 1 + 1]


def plan(items: dict[str, bytes]) -> Plan:
    """Decide per item (``tree/name.ext`` without the package prefix) what goes."""
    p = Plan()
    for name, data in sorted(items.items()):
        tree, _, base = name.rpartition("/")
        stem, _, ext = base.rpartition(".")
        category = None
        if tree in _DROP_TREES:
            category = f"{tree}/ (transliteration)"
        elif ext == "res" and (lang := _locale_language(stem)) and lang not in LANGUAGES:
            category = f"{tree or 'main'}/ other languages"
        elif tree == "brkitr" and _BRKITR_DROP.fullmatch(base):
            category = (
                "brkitr/ dictionaries" if ext == "dict" else "brkitr/ rules for other languages"
            )
        elif not tree and ext == "cnv" and _max_bytes_per_char(data) > 1:
            category = "multi-byte code pages"
        if category:
            p.remove.append(name)
            p.removed_bytes[category] += len(data)
        else:
            p.keep.append(name)
            p.kept_bytes += len(data)
    return p


# --- ELF: find the blob ---------------------------------------------------------------------


def extract_dat(lib: Path) -> bytes:
    """The bytes of ``icudt73_dat`` (file offset from the section it lives in)."""
    out = subprocess.run(
        ["readelf", "-W", "--dyn-syms", "-S", str(lib)], capture_output=True, text=True, check=True
    ).stdout
    fields = None
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[-1] == SYMBOL:
            fields = parts
    if fields is None:
        raise SystemExit(f"{lib}: no exported object {SYMBOL} (readelf --dyn-syms)")
    value, size, ndx = int(fields[1], 16), int(fields[2], 0), int(fields[6])
    sections = re.findall(
        r"^\s*\[\s*(\d+)\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", out, re.M
    )
    for idx, addr, off, _size in sections:
        if int(idx) == ndx:
            file_offset = int(off, 16) + value - int(addr, 16)
            break
    else:
        raise SystemExit(f"{lib}: section {ndx} of {SYMBOL} not found")
    with lib.open("rb") as f:
        f.seek(file_offset)
        blob = f.read(size)
    if len(blob) != size or blob[12:16] != b"CmnD":
        raise SystemExit(f"{lib}: {SYMBOL} is not an ICU common data package (no CmnD header)")
    return blob


# --- build ------------------------------------------------------------------------------


def require_tools() -> None:
    missing = [t for t in ("gcc", "readelf", "icupkg") if shutil.which(t) is None]
    if missing:
        raise SystemExit(
            f"kiosk.spec: trimming ICU data needs {', '.join(missing)} on the build machine: "
            f"{APT_LINE}"
        )


def _run(*cmd: str, cwd: Path) -> None:
    res = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({res.returncode}):\n{res.stdout}{res.stderr}")


def build(original: Path, workdir: Path, *, verbose: bool = True) -> Path:
    """Build (or reuse, when the wheel's library and the rules are unchanged) a trimmed
    ``libicudata.so.73`` under ``workdir``; return its path."""
    require_tools()
    digest = hashlib.sha256(original.read_bytes() + RULES_VERSION.encode()).hexdigest()[:16]
    out_dir = workdir / digest
    lib = out_dir / SONAME
    summary = out_dir / "summary.txt"
    if lib.is_file() and summary.is_file():
        if verbose:
            print(summary.read_text(encoding="utf-8"), end="", file=sys.stderr)
        return lib
    shutil.rmtree(out_dir, ignore_errors=True)
    tmp = out_dir / "tmp"
    (tmp / "items").mkdir(parents=True)
    blob = extract_dat(original)
    dat = tmp / "icudt73l.dat"
    dat.write_bytes(blob)

    listing = tmp / "all.txt"
    _run("icupkg", "-l", "-o", str(listing), str(dat), cwd=tmp)
    names = [n.strip() for n in listing.read_text(encoding="utf-8").splitlines() if n.strip()]
    _run("icupkg", "-x", str(listing), "-d", str(tmp / "items"), str(dat), cwd=tmp)
    items = {n: (tmp / "items" / n).read_bytes() for n in names}
    p = plan(items)

    remove = tmp / "remove.txt"
    remove.write_text("\n".join(p.remove) + "\n", encoding="utf-8")
    trimmed = tmp / "trimmed" / "icudt73l.dat"
    trimmed.parent.mkdir()
    # brkitr/root.res names the dictionaries; ICU loads one only for text in its script and
    # falls back to rule-based breaking without it (ICU's own data filter removes them the
    # same way). Any other dangling reference fails the build.
    res = subprocess.run(
        ["icupkg", "-r", str(remove), str(dat), str(trimmed)],
        cwd=tmp,
        capture_output=True,
        text=True,
        check=False,
    )
    if res.returncode != 0:
        missing = set(re.findall(r"depends on missing item (\S+)", res.stdout + res.stderr))
        if not missing or not all(m.endswith(".dict") for m in missing):
            raise SystemExit(f"icupkg -r failed ({res.returncode}):\n{res.stdout}{res.stderr}")
        trimmed.unlink(missing_ok=True)
        _run("icupkg", "--ignore-deps", "-r", str(remove), str(dat), str(trimmed), cwd=tmp)
    listed = subprocess.run(
        ["icupkg", "--ignore-deps", "-l", str(trimmed)], capture_output=True, text=True, check=True
    ).stdout.split()
    if sorted(listed) != sorted(p.keep):
        raise SystemExit("icupkg: the trimmed package does not hold exactly the kept items")

    asm = tmp / "icudata.S"
    asm.write_text(
        "\t.section .rodata\n"
        f"\t.globl {SYMBOL}\n"
        f"\t.type {SYMBOL}, @object\n"
        "\t.balign 16\n"
        f"{SYMBOL}:\n"
        f'\t.incbin "{trimmed}"\n'
        f"\t.size {SYMBOL}, . - {SYMBOL}\n"
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="utf-8",
    )
    _run(
        "gcc", "-shared", "-nostdlib", f"-Wl,-soname,{SONAME}", "-Wl,-z,noexecstack",
        "-o", str(lib), str(asm), cwd=tmp,
    )  # fmt: skip
    if extract_dat(lib) != trimmed.read_bytes():
        raise SystemExit(f"{lib}: {SYMBOL} does not hold the trimmed package")

    lines = [
        f"ICU data: {len(blob) / 1e6:.1f} MB → {len(trimmed.read_bytes()) / 1e6:.1f} MB "
        f"({len(p.remove)} of {len(names)} items removed; kept {', '.join(LANGUAGES)})",
        *(
            f"  removed {v / 1e6:5.2f} MB  {k}"
            for k, v in sorted(p.removed_bytes.items(), key=lambda kv: -kv[1])
        ),
    ]
    summary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out_dir / "removed.txt").write_text(remove.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.rmtree(tmp)
    if verbose:
        print(summary.read_text(encoding="utf-8"), end="", file=sys.stderr)
    return lib


# --- a check against ICU itself ---------------------------------------------------------


def check(lib: Path, icu_dir: Path) -> list[str]:
    """Run ``icu_check.py`` in a child process with ``lib``'s folder first on the library
    path (so ICU loads that data library) and ``icu_dir``'s libicuuc/libicui18n. Returns the
    failed checks."""
    res = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("icu_check.py")), str(icu_dir)],
        env={**os.environ, "LD_LIBRARY_PATH": str(lib.parent)},
        capture_output=True,
        text=True,
        check=False,
    )
    print(res.stdout, end="")
    return [ln for ln in res.stdout.splitlines() if ln.startswith("FAIL")] + (
        [f"FAIL exit {res.returncode}: {res.stderr}"] if res.returncode else []
    )


def main(argv: list[str]) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("libicudata", type=Path)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--check", action="store_true", help="exercise the result with ctypes")
    args = ap.parse_args(argv)
    lib = build(args.libicudata, args.outdir)
    print(lib)
    if args.check:
        return 1 if check(lib, args.libicudata.parent) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
