"""The translation catalogue: complete in both languages, and every key used exists."""

import re
import string
from pathlib import Path

import pytest

from ui.i18n import LANGUAGES, fill, is_one, plural_forms, t
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
    """The fields a text prints. A plural choice, {n:one|other}, prints a word that agrees
    with n, not n: English may choose by a count that Chinese does not print."""
    return {f for _, f, spec, _ in string.Formatter().parse(text)
            if f and plural_forms(spec or "") is None}


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


# ---- plurals: {n:one|other} (ui.i18n) ------------------------------------------------------

def plural_choices(text: str) -> list[tuple[str, str]]:
    """(field, spec) of every plural choice in `text`."""
    return [(f, spec) for _, f, spec, _ in string.Formatter().parse(text)
            if f and plural_forms(spec or "") is not None]


def test_one_run_and_two_runs_read_right():
    assert t("cl.small_board", code="K4", runs=1) == "Room K4: 1 run so far"
    assert t("cl.small_board", code="K4", runs=2) == "Room K4: 2 runs so far"
    assert t("cl.small_board", code="K4", runs=0) == "Room K4: 0 runs so far"
    assert fill(CATALOGUE["cl.small_board"]["zh"], code="K4", runs=1) == "房间 K4：目前 1 次训练"
    # two counts in one sentence, and a verb that agrees
    assert t("queue.waiting_next", seconds="5", running=1, slots=1) == (
        "Yours is next, in about 5 s: 1 run is training on this server's 1 core.")
    assert t("queue.waiting_next", seconds="5", running=3, slots=2) == (
        "Yours is next, in about 5 s: 3 runs are training on this server's 2 cores.")
    assert "1 of the 1000 residuals lies beyond" in t(
        "nm.says.student_t", out=1, n=1000, reach=3, gauss_out=3)
    one = t("work.too_much", steps=60_000, epochs=1, per_epoch=60_000, bs=1, limit=12_000,
            max_epochs=1)
    assert "(1 epoch × 60,000 minibatches of 1)" in one and "up to 1 epoch." in one
    # an ordinary format spec still formats; escaped braces stay braces
    assert fill("{n:,} {n:run|runs} {{x}}", n=1234) == "1,234 runs {x}"


@pytest.mark.parametrize(("count", "one"), [
    (1, True), (0, False), (2, False), (-1, False), (1.0, True), (1.5, False), ("1", True),
    (" 1 ", True), ("1,000", False), ("1.0", False), (True, False)])
def test_the_singular_is_for_exactly_one(count, one):
    import numpy as np

    assert is_one(count) is one
    if isinstance(count, int) and not isinstance(count, bool):
        assert is_one(np.int64(count)) is one


def test_plural_choices_have_two_forms_and_chinese_needs_none():
    wrong = []
    for key, entry in CATALOGUE.items():
        for code, text in entry.items():
            for field, spec in plural_choices(text):
                one, other = plural_forms(spec)
                if code != "en" or not one or not other or one == other or "|" in other:
                    wrong.append(f"{key}[{code}]: {{{field}:{spec}}}")
    assert not wrong, wrong


# An English count followed by a countable noun: "{runs} runs", "{d} input nodes".
COUNTED = re.compile(
    r"\{(\w+)(?::[^{}|]*)?\}\**\s+(?:[a-z-]+\s+)?(runs|epochs|images|steps|cores|outliers|"
    r"members|nodes|minibatches|examples|points|residuals|lessons|minutes|classes|logits|"
    r"numbers|values|lines|weights|biases|characters|pixels|times|multiplications|bits|nats|"
    r"seconds|hours|rows|students|entries|parameters|draws|processes)\b")
# Counts that are never 1 where the sentence is shown, so their plural always reads right.
NEVER_ONE = {
    ("share.too_long", "n"): "longer than a QR code holds", ("upload.bad_shape", "side"): "",
    ("upload.bad_shape", "aspect"): "constants", ("home.path", "n"): "six lessons",
    ("home.path", "minutes"): "", ("home.minutes", "n"): "15 to 25 minutes",
    ("home.data_found", "test"): "10,000 images", ("nm.scatter_title", "n"): "n ≥ 2",
    ("nm.says.student_t", "n"): "rn ≥ 20", ("so.logits_help", "cap"): "a constant",
    ("so.err.too_many", "detail"): "more than cap", ("so.err.too_many", "cap"): "",
    ("so.small_text", "dtype"): "a dtype's numbers", ("so.double", "n"): "at least 2 logits",
    ("lc.data_help", "limit"): "a constant", ("lc.err.too_many", "token"): "more than limit",
    ("lc.s3.intro", "n"): "200 points", ("lc.s3.how", "steps"): "steps ≥ 10",
    ("lc.s3.moving", "steps"): "steps ≥ 10", ("sr.desc_network", "q"): "q ≥ 2",
    ("sr.desc_network", "edges"): "d·q, q ≥ 2", ("sr.count", "weights"): "d·q, q ≥ 2",
    ("sr.count", "q"): "q ≥ 2", ("sr.cost", "mults"): "d·q, q ≥ 2", ("sr.equal", "k"): "k ≥ 3",
    ("sr.t_min", "T"): "not a count", ("sr.err.too_many", "cap"): "a constant",
    ("sr.err.other", "cap"): "a constant", ("sr.units", "bits"): "1/ln 2",
    ("sr.units", "k"): "k ≥ 2", ("sr.coding_after", "nats"): "a measure, not a count",
    ("sr.coding_after", "hq"): "not a count", ("sr.a2", "waste"): "constants",
    ("sr.a2", "pair_bits"): "", ("lr.full_batch", "n"): "n ≥ 10",
    ("lr.too_many", "steps"): "more than the limit", ("lr.ex8.a", "steps"): "a constant",
    ("lr.ex10.a", "entries"): "a constant", ("lr.edge", "steps"): "≥ 300 steps a run",
    ("lr.edge", "runs"): "a bisection: several runs", ("sc.nan", "lr"): "not a count",
    ("sc.bad.too_many_pixels", "mp"): "a constant", ("sc.prepared", "h"): "w × h pixels",
    ("sc.ex4.run", "epochs"): "shown for 2 epochs or more",
    ("sc.hardest", "size"): "a class's 1,000 test images",
}
# Counts that can be 1 in the two catalogues another branch is rewriting (issue 26): each
# wants a plural choice there, e.g. "{epochs} {epochs:epoch|epochs}".
PENDING: set = set()  # (key, field) left for later: none


def uncounted(catalogue) -> list[str]:
    """'key: {field} noun' for every English count before a noun that has no plural choice."""
    found = []
    for key, entry in catalogue.items():
        text = entry.get("en", "")
        chosen = {field for field, _ in plural_choices(text)}
        for field, noun in COUNTED.findall(text):
            if field not in chosen and (key, field) not in NEVER_ONE and \
                    (key, field) not in PENDING:
                found.append(f"{key}: {{{field}}} {noun}")
    return found


def test_every_count_before_a_noun_agrees_with_it():
    assert uncounted(CATALOGUE) == []


def test_a_count_without_its_plural_is_found():
    bad = {"a": {"en": "{runs} runs so far"}, "b": {"en": "{runs} {runs:run|runs} so far"},
           "c": {"en": "{n} input nodes"}}
    assert uncounted(bad) == ["a: {runs} runs", "c: {n} nodes"]
