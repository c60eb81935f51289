"""The translation catalogue: complete in both languages, and every key used exists."""

import re
import string
from pathlib import Path

import pytest

from ui.i18n import LANGUAGES
from ui.strings import CATALOGUE, MODULES, _merge

ROOT = Path(__file__).resolve().parent.parent
USE = re.compile(r"""\bt\(\s*f?["']([^"'{}]+)["']""")


def test_every_key_has_every_language():
    """One table: every key has a non-empty text in every language."""
    wrong = [f"{key}[{code}]" for key, entry in CATALOGUE.items() for code in LANGUAGES
             if not entry.get(code, "").strip()]
    extra = [key for key, entry in CATALOGUE.items() if set(entry) - set(LANGUAGES)]
    assert not wrong and not extra, (wrong, extra)


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_placeholders_agree_between_languages():
    wrong = [key for key, entry in CATALOGUE.items() if fields(entry["en"]) != fields(entry["zh"])]
    assert not wrong, wrong


def test_the_table_checks_see_a_broken_entry():
    """The two table tests above would fail on a missing text or a lost placeholder."""
    entry = {"en": "{n} epochs", "zh": "迭代周期"}
    assert fields(entry["en"]) != fields(entry["zh"])


def test_every_literal_key_in_the_code_exists():
    missing = []
    for path in [ROOT / "streamlit_app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("ui/**/*.py")]:
        for key in USE.findall(path.read_text(encoding="utf-8")):
            if key not in CATALOGUE and not key.endswith((".", "_")):
                missing.append(f"{path.name}: {key}")
    assert not missing, missing


def code_text() -> str:
    paths = [ROOT / "streamlit_app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("ui/**/*.py"),
             *ROOT.glob("core/*.py")]
    return "\n".join(p.read_text(encoding="utf-8") for p in paths
                     if "strings" not in p.parts)


def unused_keys(text: str, catalogue) -> list[str]:
    """Keys no code names: neither as a literal nor as an f-string such as f"lr.impl.{k}"."""
    literals = set(re.findall(r"""["']([A-Za-z_][\w.]*)["']""", text))
    bodies = re.findall(r"""\bf["']([a-z]+\.[^"']*\{[^"']*)["']""", text)  # f"lr.impl.{k}"
    patterns = [re.compile("".join(".+" if part.startswith("{") else re.escape(part)
                                   for part in re.split(r"(\{[^}]*\})", body)))
                for body in bodies]
    patterns += [re.compile(re.escape(prefix) + ".+")  # "data.why." + error.kind
                 for prefix in literals if prefix.endswith((".", "_"))]
    return sorted(key for key in catalogue if key not in literals
                  and not any(p.fullmatch(key) for p in patterns))


def test_every_key_is_used_by_some_code():
    assert unused_keys(code_text(), CATALOGUE) == []


def test_an_unused_key_is_found():
    text = 't("a.b")\nt(f"c.{k}")'
    assert unused_keys(text, {"a.b": {}, "c.d": {}, "e.f": {}}) == ["e.f"]


def test_a_key_defined_twice_is_refused():
    class A:
        STRINGS = {"x": {"en": "a", "zh": "甲"}}

    with pytest.raises(KeyError):
        _merge([A, A])
    assert len(MODULES) >= 7
