"""The catalogues: complete for Russian and Simplified Chinese, current with the code,
compiled, shipped, and every translation fit to be filled in (issue 18)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "bloomdesk" / "i18n"
LANGUAGES = ("ru", "zh_CN")
FIELD = re.compile(r"\{[^{}]*\}")


def messages(lang: str) -> list[tuple[str, str, str]]:
    """(context, source, translation) of every message in the language's .ts."""
    tree = ET.parse(CATALOGUES / f"bloomdesk_{lang}.ts")
    return [(ctx.findtext("name") or "", m.findtext("source") or "",
             m.findtext("translation") or "")
            for ctx in tree.getroot() for m in ctx.iter("message")]


def test_every_catalogue_is_complete_current_and_compiled() -> None:
    """No unfinished, obsolete or vanished entry; no string of the code missing from a
    .ts; each .qm exactly what lrelease makes of its .ts (scripts/translations.py)."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"),
                           "--check"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_the_values_and_the_shortcut_marks(lang: str) -> None:
    """A translation is filled with the source's values by name ({count}, {label!r}) and
    keeps its keyboard mark (&): the window formats the translation, never the source."""
    found = messages(lang)
    assert len(found) > 500
    for context, source, translation in found:
        assert translation.strip(), (context, source)
        assert sorted(FIELD.findall(translation)) == sorted(FIELD.findall(source)), \
            (context, source, translation)
        assert translation.count("&") == source.count("&"), (context, source, translation)


def test_no_value_is_formatted_inside_a_marked_string() -> None:
    """tr(f"…") would look up a string that is in no catalogue (lupdate reads the
    f-string as its template): values are filled in after translation, always."""
    marked = {"tr", "translate", "QT_TRANSLATE_NOOP"}
    found = []
    for path in (ROOT / "bloomdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                    node.func.id if isinstance(node.func, ast.Name) else ""
                if name in marked and any(isinstance(a, ast.JoinedStr) for a in node.args):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, found


def test_the_compiled_catalogues_ship_in_the_wheel_and_the_bundle() -> None:
    """`pip install .` carries the .qm (package data); the bundle too (the spec's
    datas), with Qt's own qtbase_ru and qtbase_zh_CN for the standard buttons."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    shipped = data["tool"]["setuptools"]["package-data"]["bloomdesk"]
    assert "i18n/*.qm" in shipped
    for lang in LANGUAGES:
        assert (CATALOGUES / f"bloomdesk_{lang}.qm").stat().st_size > 10_000
    spec = (ROOT / "packaging" / "bloomdesk.spec").read_text("utf-8")
    assert '"bloomdesk" / "i18n"' in spec and "qtbase_" in spec
