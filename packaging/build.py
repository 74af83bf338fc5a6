"""Build the double-click app for this OS: ``python packaging/build.py``.

Makes ``dist/BloomDesk/`` with PyInstaller (packaging/bloomdesk.spec); on Linux also
``dist/BloomDesk-<version>-linux-<arch>.tar.gz`` holding the folder, the .desktop
file, the icons under share/icons/hicolor (SVG and PNG sizes, freedesktop names), the
AppStream metainfo and ``install.sh``.  ``--smoke-test`` then runs the built app's
``--smoke-test`` (offscreen) and fails the build if it fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
APP_ID = "io.bloomdesk.BloomDesk"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from bloomdesk import __version__

    return __version__


def build() -> Path:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(DIST), "--workpath", str(ROOT / "build"),
                    str(ROOT / "packaging" / "bloomdesk.spec")], check=True, cwd=ROOT)
    folder = DIST / "BloomDesk"
    if not folder.is_dir():
        raise SystemExit("PyInstaller made no dist/BloomDesk")
    return folder


def linux_tarball(folder: Path) -> Path:
    v = version()
    stage = DIST / "stage"
    shutil.rmtree(stage, ignore_errors=True)
    top = stage / f"BloomDesk-{v}"
    shutil.copytree(folder, top / "BloomDesk", symlinks=True)
    share = top / "share"
    icons = ROOT / "bloomdesk" / "resources" / "icons"
    shutil.copytree(icons, share / "icons")
    (share / "applications").mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "linux" / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir(parents=True)
    meta = (ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml").read_text()
    meta = meta.replace("@VERSION@", v).replace("@DATE@", date.today().isoformat())
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(meta)
    shutil.copy(ROOT / "packaging" / "linux" / "install.sh", top / "install.sh")
    out = DIST / f"BloomDesk-{v}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(out, "w:gz") as tar:
        tar.add(top, arcname=top.name)
    shutil.rmtree(stage)
    return out


def executable(folder: Path) -> Path:
    name = "BloomDesk.exe" if sys.platform == "win32" else "BloomDesk"
    return folder / name


def smoke_test(folder: Path) -> tuple[float, float]:
    """Run the bundle's --smoke-test: (seconds to its window shown, to the demo's data
    loaded), from the process start."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    proc = subprocess.Popen([str(executable(folder)), "--smoke-test"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=180)
    ready = next((line for line in out.splitlines() if line.startswith("SMOKE OK")), "")
    print(out.strip())
    if proc.returncode != 0 or not ready:
        print(err[-3000:], file=sys.stderr)
        raise SystemExit(f"the bundle's smoke test failed (exit {proc.returncode})")
    loading = float(ready.rsplit(", ", 1)[1].split(" s ")[0])
    # the process's end includes a clean shutdown: take the time it printed at ready
    total = time.perf_counter() - start
    return total - loading, total


def drop_caches() -> bool:
    """Empty the page cache for a cold start (Linux, as root); False where not allowed."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def record(folder: Path, tarball: Path | None) -> str:
    """Bundle size and start times, as a section of benchmarks/RESULTS.md."""
    cold = drop_caches()
    first = smoke_test(folder)
    warm = [smoke_test(folder) for _ in range(3)]
    warm_total = sorted(t for _, t in warm)[1]
    lines = ["## 5. Bundle", "",
             f"Built by `python packaging/build.py --record` on "
             f"{date.today().isoformat()} ({platform.system()} {platform.machine()}, "
             f"PyInstaller one-folder, Qt trimmed, stripped).", "",
             "| measure | value |", "| --- | --- |",
             f"| dist/BloomDesk folder | {size_mb(folder):.0f} MB |"]
    if tarball is not None:
        lines.append(f"| {tarball.name} | {size_mb(tarball):.0f} MB |")
    lines += [f"| {'cold' if cold else 'first'} start to the demo's data shown"
              f"{'' if cold else ' (page cache could not be emptied)'} | {first[1]:.2f} s "
              f"(window shown at {first[0]:.2f} s) |",
              f"| warm start to the demo's data shown, median of 3 | {warm_total:.2f} s |",
              "", "The start is `BloomDesk --smoke-test` (offscreen): process start to the "
              "window with every demo account answered and 104k prices shown; the same "
              "measure as benchmark 1, through the bundle's bootloader."]
    text = "\n".join(lines) + "\n"
    results = ROOT / "benchmarks" / "RESULTS.md"
    old = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    head, _, rest = old.partition("## 5. Bundle")
    later = rest.split("\n## ", 1)[1] if "\n## " in rest else ""  # sections after it stay
    results.write_text(head.rstrip() + "\n\n" + text + ("\n## " + later if later else ""),
                       encoding="utf-8")
    return text


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.lstat().st_size for p in path.rglob("*")
               if p.is_file() and not p.is_symlink()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(prog="python packaging/build.py")
    parser.add_argument("--smoke-test", action="store_true",
                        help="run the built app's --smoke-test afterwards")
    parser.add_argument("--record", action="store_true",
                        help="then measure size and start times into benchmarks/RESULTS.md")
    args = parser.parse_args()
    folder = build()
    print(f"built {folder} ({size_mb(folder):.0f} MB)")
    tarball = None
    if sys.platform.startswith("linux"):
        tarball = linux_tarball(folder)
        print(f"packed {tarball} ({size_mb(tarball):.0f} MB)")
    if args.smoke_test:
        shown, ready = smoke_test(folder)
        print(f"smoke test passed: window at {shown:.1f} s, data at {ready:.1f} s")
    if args.record:
        print(record(folder, tarball))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
