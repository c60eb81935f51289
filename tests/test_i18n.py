"""The translation catalogue: complete in both languages, and every key used exists."""

import re
import string
from pathlib import Path

import pytest

from ui.i18n import LANGUAGES
from ui.strings import CATALOGUE, MODULES, _merge

ROOT = Path(__file__).resolve().parent.parent
USE = re.compile(r"""\bt\(\s*f?["']([^"'{}]+)["']""")


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_every_language(key):
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGUAGES), f"{key}: languages {sorted(entry)}"
    for code, text in entry.items():
        assert text.strip(), f"{key}[{code}] is empty"


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_placeholders_agree_between_languages(key):
    fields = {code: {f for _, f, _, _ in string.Formatter().parse(text) if f}
              for code, text in CATALOGUE[key].items()}
    assert fields["en"] == fields["zh"], key


def test_every_literal_key_in_the_code_exists():
    missing = []
    for path in [ROOT / "streamlit_app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py")]:
        for key in USE.findall(path.read_text(encoding="utf-8")):
            if key not in CATALOGUE and not key.endswith((".", "_")):
                missing.append(f"{path.name}: {key}")
    assert not missing, missing


def test_a_key_defined_twice_is_refused():
    class A:
        STRINGS = {"x": {"en": "a", "zh": "甲"}}

    with pytest.raises(KeyError):
        _merge([A, A])
    assert len(MODULES) >= 7
