"""Build the station's Debian package from the PyInstaller one-folder bundle.

    .venv/bin/python packaging/build_deb.py [--version V] [--out dist]   (what ./dev package runs)

1. The bundle (``kiosk.spec``) is built once per source state: it is cached under
   ``build/bundle/<hash>/`` where the hash covers the sources, the spec and the versions of
   PyInstaller and PySide6, so a second package build (or the package test) reuses it.
2. The package tree is staged: the bundle under ``/opt/station-kiosk``, the systemd unit,
   its helper scripts, the PAM session, the logind and sysctl lockdown drop-ins, the
   ``station-kiosk`` command, the documentation, and ``packaging/debian``'s maintainer
   scripts.
3. Depends come from Debian's ``dpkg-shlibdeps`` over the bundle's ELF files (the
   bundle's own libraries are private to it), plus what the scripts and the unit use.
4. ``dpkg-deb --build --root-owner-group`` writes ``dist/station-kiosk_<version>_<arch>.deb``.

Prints the path of the package on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEBIAN = ROOT / "packaging" / "debian"
NAME = "station-kiosk"
PREFIX = Path("opt") / NAME

#: What the bundle is made of: a change in any of these builds it again.
BUNDLE_SOURCES = ("kiosk", "ui", "hardware", "sync", "assets")
BUNDLE_FILES = ("kiosk.spec", "pyproject.toml", "packaging/icu_trim.py")

#: Used by the maintainer scripts and the unit, not found by dpkg-shlibdeps.
BASE_DEPENDS = [
    "cage",
    "xwayland",  # Debian's cage 0.1.4 refuses to start without the Xwayland binary
    "libpam-systemd",  # pam_systemd: the logind session that gives cage its seat
    "passwd",  # useradd, usermod
    "init-system-helpers (>= 1.54)",  # deb-systemd-helper, deb-systemd-invoke
    "libpulse0",  # QtMultimedia will not load without it (dlopened: no ELF dependency)
    "fonts-dejavu-core",
]


_STARTED = time.monotonic()


def say(text: str) -> None:
    print(f"==> [{time.monotonic() - _STARTED:5.1f} s] {text}", file=sys.stderr, flush=True)


def source_hash() -> str:
    digest = hashlib.sha256()
    files: list[Path] = [ROOT / f for f in BUNDLE_FILES]
    for top in BUNDLE_SOURCES:
        files += [
            p
            for p in (ROOT / top).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
        ]
    for path in sorted(files):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    import PyInstaller
    import PySide6

    digest.update(f"{PyInstaller.__version__} {PySide6.__version__} {sys.version}".encode())
    return digest.hexdigest()[:16]


def bundle(cache: Path) -> Path:
    """The one-folder bundle for the current sources: from the cache, or built now."""
    key = source_hash()
    entry = cache / key
    done = entry / "complete"
    if done.is_file():
        say(f"bundle {key}: cached ({entry / 'dist' / 'kiosk'})")
        return entry / "dist" / "kiosk"
    shutil.rmtree(entry, ignore_errors=True)
    # The bundle is run by the station's own user: readable by all whatever the caller's
    # umask (a test process that made a station's private files may have set 077).
    old_umask = os.umask(0o022)
    try:
        for d in (cache, entry):
            d.mkdir(parents=True, exist_ok=True)
            d.chmod(0o755)
        return _build_bundle(cache, entry, key)
    finally:
        os.umask(old_umask)


def _build_bundle(cache: Path, entry: Path, key: str) -> Path:
    done = entry / "complete"
    say(f"bundle {key}: building with PyInstaller (about a minute)")
    started = time.monotonic()
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    log = entry / "pyinstaller.log"
    with open(log, "wb") as out:
        run = subprocess.run(
            [
                str(pyinstaller),
                str(ROOT / "kiosk.spec"),
                "--noconfirm",
                "--distpath",
                str(entry / "dist"),
                "--workpath",
                str(entry / "work"),
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if run.returncode != 0:
        tail = log.read_text(errors="replace").splitlines()[-20:]
        raise SystemExit("PyInstaller failed:\n" + "\n".join(tail) + f"\n(full log: {log})")
    shutil.rmtree(entry / "work", ignore_errors=True)
    done.write_text(f"{time.monotonic() - started:.1f}\n")
    for other in cache.iterdir():  # one cached bundle is enough (150 MB each)
        if other != entry and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)
    say(f"bundle {key}: built in {time.monotonic() - started:.0f} s")
    return entry / "dist" / "kiosk"


def _install(src: Path, dest: Path, mode: int) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def stage(tree: Path, bundle_dir: Path, version: str) -> None:
    shutil.copytree(bundle_dir, tree / PREFIX, symlinks=True)
    files = {
        "station-kiosk.service": ("lib/systemd/system/station-kiosk.service", 0o644),
        "session": ("usr/lib/station-kiosk/session", 0o755),
        "stopped": ("usr/lib/station-kiosk/stopped", 0o755),
        "station-kiosk": ("usr/bin/station-kiosk", 0o755),
        "station-kiosk.pam": ("etc/pam.d/station-kiosk", 0o644),
        "logind.conf": ("usr/lib/systemd/logind.conf.d/station-kiosk.conf", 0o644),
        "sysctl.conf": ("usr/lib/sysctl.d/station-kiosk.conf", 0o644),
        "copyright": ("usr/share/doc/station-kiosk/copyright", 0o644),
        "README.Debian": ("usr/share/doc/station-kiosk/README.Debian", 0o644),
        "lintian-overrides": ("usr/share/lintian/overrides/station-kiosk", 0o644),
    }
    for src, (dest, mode) in files.items():
        _install(DEBIAN / src, tree / dest, mode)
    man = tree / "usr/share/man/man1/station-kiosk.1.gz"
    man.parent.mkdir(parents=True, exist_ok=True)
    with open(man, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write((DEBIAN / "station-kiosk.1").read_bytes())
    man.chmod(0o644)
    changelog = tree / "usr/share/doc/station-kiosk/changelog.gz"
    stamp = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime())
    text = (
        f"{NAME} ({version}) stable; urgency=medium\n\n"
        "  * Built from the station kiosk sources (see CHANGELOG.md upstream).\n\n"
        f" -- Station kiosk maintainers <kiosk@plant.example>  {stamp}\n"
    )
    with open(changelog, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(text.encode())
    changelog.chmod(0o644)
    control = tree / "DEBIAN"
    control.mkdir()
    for script in ("postinst", "prerm", "postrm"):
        _install(DEBIAN / script, control / script, 0o755)
    (control / "conffiles").write_text("/etc/pam.d/station-kiosk\n")
    for p in tree.rglob("*"):
        if p.is_symlink():
            continue
        if p.is_dir():
            p.chmod(0o755)
        elif ".so" in p.name and p.is_file():
            p.chmod(0o644)  # shared objects need no execute bit (Debian policy 8.1)
        elif p.is_file():
            p.chmod(0o755 if p.stat().st_mode & 0o100 else 0o644)
    tree.chmod(0o755)


def elf_files(tree: Path) -> list[Path]:
    out = []
    for p in (tree / PREFIX).rglob("*"):
        if p.is_file() and not p.is_symlink():
            with open(p, "rb") as f:
                if f.read(4) == b"\x7fELF":
                    out.append(p)
    return out


def shlib_depends(tree: Path) -> list[str]:
    """dpkg-shlibdeps over the bundle: the system libraries it links, as package names.
    The bundle's own libraries (its ``_internal`` folders) are private to the package."""
    elves = elf_files(tree)
    private = sorted({str(p.parent) for p in elves if ".so" in p.name})
    with tempfile.TemporaryDirectory(prefix="kiosk-shlibdeps-") as tmp:
        debian = Path(tmp) / "debian"
        debian.mkdir()
        (debian / "control").write_text(f"Source: {NAME}\n\nPackage: {NAME}\nArchitecture: any\n")
        for _attempt in range(2):
            run = subprocess.run(
                [
                    "dpkg-shlibdeps",
                    "-O",
                    "--ignore-missing-info",
                    "--warnings=0",
                    *(f"-l{p}" for p in private),
                    *(str(p) for p in elves),
                ],
                cwd=tmp,
                capture_output=True,
                text=True,
                check=False,
            )
            # A plugin that links a library kiosk.spec leaves out cannot load anyway: say
            # so, and leave it out of the dependency scan rather than fail the build.
            broken = dict(re.findall(r"cannot find library (\S+) needed by (\S+)", run.stderr))
            if run.returncode == 0 or not broken:
                break
            for lib, needer in broken.items():
                say(f"warning: {Path(needer).relative_to(tree)} needs {lib}, not in the bundle")
            elves = [p for p in elves if str(p) not in set(broken.values())]
    if run.returncode != 0:
        raise SystemExit(f"dpkg-shlibdeps failed:\n{run.stderr[-3000:]}")
    m = re.search(r"^shlibs:Depends=(.*)$", run.stdout, re.M)
    return [d.strip() for d in m.group(1).split(",")] if m else []


def installed_size_kib(tree: Path) -> int:
    total = 0
    for p in tree.rglob("*"):
        if "DEBIAN" in p.relative_to(tree).parts:
            continue
        if p.is_symlink() or p.is_dir():
            total += 1024
        elif p.is_file():
            total += p.stat().st_size
    return total // 1024


def write_control(tree: Path, version: str, arch: str, depends: list[str]) -> None:
    (tree / "DEBIAN" / "control").write_text(
        f"Package: {NAME}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: Station kiosk maintainers <kiosk@plant.example>\n"
        f"Installed-Size: {installed_size_kib(tree)}\n"
        f"Depends: {', '.join(depends)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: shop-floor station kiosk (guided assembly work, offline first)\n"
        " The station kiosk runs fullscreen on a workstation of a factory floor and\n"
        " guides the operator step by step: pictures, video, drawings, checklists,\n"
        " barcode scans, measurements and torque results straight from the tool.\n"
        " Everything is committed to a local database first and delivered to an ERP\n"
        " bridge exactly once.\n"
        " .\n"
        " This package runs the station at boot under the cage Wayland compositor as\n"
        " a dedicated system user, restarts it when it dies, and locks the console.\n"
    )


def md5sums(tree: Path) -> None:
    lines = []
    for p in sorted(tree.rglob("*")):
        rel = p.relative_to(tree)
        if rel.parts[0] == "DEBIAN" or p.is_symlink() or not p.is_file():
            continue
        if rel.as_posix().startswith("etc/"):
            continue  # conffiles have their own checksums
        lines.append(f"{hashlib.md5(p.read_bytes()).hexdigest()}  {rel.as_posix()}\n")
    (tree / "DEBIAN" / "md5sums").write_text("".join(lines))
    (tree / "DEBIAN" / "md5sums").chmod(0o644)


def main(argv: list[str] | None = None) -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", default=project["version"], help="package version")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "bundle")
    parser.add_argument(
        "--compression",
        default="gzip",
        choices=("gzip", "xz", "none"),
        help="gzip (default): quick to build; xz: 20 %% smaller, minutes to build; none: tests",
    )
    args = parser.parse_args(argv)
    for tool in ("dpkg-deb", "dpkg-shlibdeps"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: apt-get install -y dpkg-dev")
    bundle_dir = bundle(args.cache)
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{NAME}_{args.version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="kiosk-deb-", dir=args.out) as tmp:
        tree = Path(tmp) / "root"
        say(f"staging {NAME} {args.version}")
        stage(tree, bundle_dir, args.version)
        cached = bundle_dir.parents[1] / "shlibs-depends"
        if cached.is_file():
            shlibs = cached.read_text().split("\n")
        else:
            say("dpkg-shlibdeps over the bundle's ELF files (once per bundle)")
            shlibs = shlib_depends(tree)
            cached.write_text("\n".join(shlibs))
        depends = [*BASE_DEPENDS, *shlibs]
        write_control(tree, args.version, arch, sorted(set(depends), key=depends.index))
        md5sums(tree)
        say(f"dpkg-deb ({args.compression}) → {target}")
        os.umask(0o022)
        subprocess.run(
            [
                "dpkg-deb",
                "--build",
                "--root-owner-group",
                f"-Z{args.compression}",
                str(tree),
                str(target),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    say(f"done: {target.stat().st_size / 1e6:.1f} MB")
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
