"""Keep the translations current: ``python scripts/translations.py``.

1. ``pyside6-lupdate`` reads every string marked for translation in the package (the
   window's ``tr()``/``translate()``, and the ``QT_TRANSLATE_NOOP`` markers of the core,
   the providers and the CLI) into ``bloomdesk/i18n/bloomdesk_<lang>.ts``: new strings
   arrive unfinished, strings no longer in the code are dropped.
2. Translate what is unfinished (Qt Linguist: ``pyside6-linguist``, or any editor: a
   ``<translation>`` per ``<source>``, placeholders such as ``{count}`` and the ``&``
   of a shortcut kept).
3. Run it again: ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` the app
   loads.  Both are committed, so that ``pip install -e .`` from a fresh clone (and the
   wheel, and the bundle) has them without a build step.

``--check`` changes nothing and fails when a catalogue is not complete and current:
a string in the code missing from a ``.ts`` or no longer there, an unfinished
translation, or a ``.qm`` that is not what ``lrelease`` makes of its ``.ts``
(``tests/unit/test_translations.py`` runs it).

The sources are the package's files that git tracks (a file someone is still writing
joins the catalogue once it is committed), or every file where there is no git.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "bloomdesk" / "i18n"
LANGUAGES = ("ru", "zh_CN")  # English is the source
SKIPPED = ("bloomdesk/sim/",)  # the simulator speaks for the providers, in English


def tool(name: str) -> str:
    """``pyside6-<name>`` beside this Python (the venv), else on the PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = here if here.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: pip install PySide6-Essentials")
    return str(found)


def sources(every: bool = False) -> list[str]:
    """The package's Python files (relative to the root), sorted."""
    listed: list[str] = []
    if not every and (ROOT / ".git").exists():
        done = subprocess.run(["git", "ls-files", "bloomdesk"], cwd=ROOT, text=True,
                              capture_output=True, check=False)
        if done.returncode == 0:
            listed = done.stdout.split()
    if not listed:
        listed = [p.relative_to(ROOT).as_posix() for p in (ROOT / "bloomdesk").rglob("*.py")]
    return sorted(p for p in listed if p.endswith(".py") and not p.startswith(SKIPPED)
                  and "__pycache__" not in p and (ROOT / p).exists())


def ts_path(lang: str, folder: Path = CATALOGUES) -> Path:
    return folder / f"bloomdesk_{lang}.ts"


def update(ts: Path, files: list[str], drop_obsolete: bool = True) -> None:
    args = [tool("lupdate"), "-silent", "-locations", "none", "-sort-messages",
            "-source-language", "en", "-target-language", ts.stem.split("_", 1)[1]]
    if drop_obsolete:
        args.append("-no-obsolete")
    subprocess.run([*args, *files, "-ts", str(ts)], cwd=ROOT, check=True)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT,
                   check=True)


def problems(ts: Path) -> list[str]:
    """What keeps a .ts from being complete: unfinished, obsolete or vanished entries."""
    text = ts.read_text("utf-8")
    found = []
    for kind in ("unfinished", "obsolete", "vanished"):
        count = len(re.findall(f'<translation type="{kind}"', text))
        if count:
            found.append(f"{ts.name}: {count} {kind}")
    return found


def check(files: list[str]) -> list[str]:
    """Everything that is not current, without changing a file."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            ts = ts_path(lang)
            if not ts.exists():
                found.append(f"{ts.name} is missing")
                continue
            found += problems(ts)
            fresh = ts_path(lang, Path(tmp))
            shutil.copy(ts, fresh)
            update(fresh, files, drop_obsolete=False)  # strings gone stay, marked
            found += [p.replace(fresh.name, f"{ts.name} against the code") for p in
                      problems(fresh) if p not in problems(ts)]
            qm, made = ts.with_suffix(".qm"), Path(tmp) / f"bloomdesk_{lang}.qm"
            release(ts, made)
            if not qm.exists() or qm.read_bytes() != made.read_bytes():
                found.append(f"{qm.name} is not what lrelease makes of {ts.name}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; fail unless every catalogue is current")
    parser.add_argument("--every-file", action="store_true",
                        help="every .py file of the package, committed or not")
    parser.add_argument("--skip", action="append", default=[], metavar="PREFIX",
                        help="leave out files whose path starts with PREFIX")
    args = parser.parse_args(argv)
    files = [f for f in sources(args.every_file) if not f.startswith(tuple(args.skip))]
    if args.check:
        found = check(files)
        for line in found:
            print(line)
        return 1 if found else 0
    for lang in LANGUAGES:
        ts = ts_path(lang)
        update(ts, files)
        release(ts, ts.with_suffix(".qm"))
        left = problems(ts)
        print(f"{ts.relative_to(ROOT)}: " + ("; ".join(left) if left else "complete"))
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    raise SystemExit(main())
