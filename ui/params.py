"""Every URL parameter of the app, declared once: its name, default and bounds (or options).

A page's widget (ui.state.slider/select/toggle/number/text) takes its range and default from
here, and so does the reader of a section that is not shown (ui.state.value): both parse a
link with `parse`, so no link, in any view, asks for more than the widget allows. The set of
names a link may carry (ui.keys.linked) is derived from these declarations.

Where a widget's range depends on another setting (the classes of the logits typed, the test
images shown), the declaration holds the outer bounds the widget can never exceed, and the
page narrows them (ui.state.select's `options`).

Plain data: no streamlit, so core and the tests may read it too.
"""

import dataclasses
import math
from collections.abc import Sequence
from typing import Any

from core import classifier, linreg, losses, normal
from core import softmax as sm
from core.data import CLASS_NAMES
from core.numbers import to_float, to_int


@dataclasses.dataclass(frozen=True)
class Param:
    """One URL parameter. `kind`: int, float, span (a (low, high) pair), choice, flag, text."""
    name: str
    kind: str
    default: Any
    lo: float | int | None = None   # int, float, span: the bounds, inclusive
    hi: float | int | None = None
    options: Sequence = ()          # choice: the values a link may name (never their labels)
    max_chars: int = 0              # text: the longest text accepted


@dataclasses.dataclass(frozen=True)
class Family:
    """Parameters numbered from 1 (mu1 … mu4): one declaration, a default each."""
    stem: str
    like: Param                     # bounds shared by every member (its name is the stem)
    defaults: tuple

    def member(self, i: int) -> Param:
        """The `i`-th member (from 1)."""
        return dataclasses.replace(self.like, name=f"{self.stem}{i}",
                                   default=self.defaults[i - 1])

    def members(self) -> list[Param]:
        return [self.member(i) for i in range(1, len(self.defaults) + 1)]


def number(name: str, default, lo, hi) -> Param:
    """A slider's or number input's value: int when `lo` is an int, else float."""
    kind = "int" if isinstance(lo, int) else "float"
    return Param(name, kind, default, lo, hi)


def span(name: str, default: tuple, lo: float, hi: float) -> Param:
    """A range slider's (low, high)."""
    return Param(name, "span", tuple(default), lo, hi)


def choice(name: str, options: Sequence, default=None) -> Param:
    """One of `options` (a selectbox, radio, select slider or segmented control)."""
    options = options if isinstance(options, range) else tuple(options)
    return Param(name, "choice", options[0] if default is None else default, options=options)


def flag(name: str, default: bool = False) -> Param:
    return Param(name, "flag", default)


def text(name: str, default: str = "", max_chars: int = 2000) -> Param:
    return Param(name, "text", default, max_chars=max_chars)


def family(stem: str, like: Param, defaults: Sequence) -> Family:
    return Family(stem, dataclasses.replace(like, name=stem), tuple(defaults))


# ---- reading a link: the one parser --------------------------------------------------------

_FLAGS = {"1": True, "true": True, "on": True, "0": False, "false": False, "off": False}


def parse(param: Param, raw: str, options: Sequence | None = None):
    """The value a link's text `raw` gives `param`; ValueError (a NumberError too) for
    anything out of place. `options` narrows a choice's (a page's dynamic bounds)."""
    raw = str(raw)
    if param.kind == "flag":
        if raw.lower() not in _FLAGS:
            raise ValueError(raw)
        return _FLAGS[raw.lower()]
    if param.kind == "text":
        if len(raw) > param.max_chars:
            raise ValueError(raw[:20])
        return raw
    if param.kind == "span":
        parts = raw.split(",")
        if len(parts) != 2:
            raise ValueError(raw)
        low, high = (_bounded(param, "float" if isinstance(param.lo, float) else "int", part)
                     for part in parts)
        if low > high:
            raise ValueError(raw)
        return (low, high)
    if param.kind == "choice":
        return _option(raw, param.options if options is None else options)
    return _bounded(param, param.kind, raw)


def _bounded(param: Param, kind: str, raw: str):
    value = to_float(raw) if kind == "float" else to_int(raw)
    if not param.lo <= value <= param.hi:
        raise ValueError(raw)
    return value


def _option(raw: str, options: Sequence):
    """The option whose text is `raw`; a number matches by value ("45" finds 45.0)."""
    if isinstance(options, range):
        value = to_int(raw)
        if value in options:
            return value
        raise ValueError(raw)
    for option in options:
        if str(option) == raw:
            return option
    numeric = [o for o in options if isinstance(o, int | float) and not isinstance(o, bool)]
    if numeric:
        value = to_float(raw)
        for option in numeric:
            if value == option:
                return option
    raise ValueError(raw)


def allowed(param: Param, value, options: Sequence | None = None) -> bool:
    """Is `value` within `param`'s bounds (or `options`)? For values not read from a link."""
    try:
        if param.kind == "flag":
            return isinstance(value, bool)
        if param.kind == "text":
            return isinstance(value, str) and len(value) <= param.max_chars
        if param.kind == "choice":
            return value in (param.options if options is None else options)
        if param.kind == "span":
            low, high = value
            return param.lo <= low <= high <= param.hi
        return (isinstance(value, int | float) and not isinstance(value, bool)
                and math.isfinite(value) and param.lo <= value <= param.hi)
    except (TypeError, ValueError):
        return False


def nearest(param: Param, options: Sequence):
    """The default among narrowed `options`: the declared one, else the nearest number, else
    the first option."""
    if param.default in options:
        return param.default
    numeric = [o for o in options if isinstance(o, int | float) and not isinstance(o, bool)]
    if numeric and isinstance(param.default, int | float):
        return min(numeric, key=lambda o: abs(o - param.default))
    return options[0]


# ---- the sidebar: every page (ui.sidebar, ui.lesson, ui.classroom) --------------------------

MAX_SEED = 2**31 - 1
MAX_STEP = 999          # a lesson's section, counted from 1 (ui.lesson)
GLOBAL = (
    choice("lang", ("en", "zh")),
    number("seed", 0, 0, MAX_SEED),
    flag("lecture"),
    flag("all"),        # every section at once
    number("step", 1, 1, MAX_STEP),
    text("room", "", max_chars=16),  # a class experiment's room code (ui.classroom)
)

# ---- the lessons, by url_path ----------------------------------------------------------------

# normal_mse
NM_MAX_CURVES = 4
NM_START = ((0.0, 1.0), (0.0, 2.0), (3.0, 1.0), (-3.0, 0.5))  # d2l's three curves, and a fourth

# loss_comparison
LC_DATA = "2.1, 2.9, 3.4, 3.8, 4.4, 5.0"
_robust = losses.RobustConfig()

# softmax_regression
SR_MAX_K = 10                      # at most ten logits, as Fashion-MNIST's classes
SR_K = 3                           # classes shown at first
SR_LOGIT_RANGE = 10.0
SR_LOGITS = (2.0, 1.0, 0.1, 0.5, -0.5, 1.5, -1.0, 0.0, 0.8, -1.5)
SR_T = (0.05, 5.0)                 # the temperature's range
SR_EXAMPLES = (("2, 1, 0.1", 0), ("0.5, 2.5, -1", 1), ("1, 1, 3", 2), ("0, 0, 0", 0),
               ("-1, 4, 0.5", 1))
SR_INFO_K = 6
SR_P = (1.0, 0.0, 0.0, 0.0, 0.0, 0.0)    # p = [1, 0, 0], from lecture notes on the
SR_Q = (0.7, 0.2, 0.1, 0.0, 0.0, 0.0)    # course (not the book): q = [0.7, 0.2, 0.1]
SR_SOFT = {"soft": (0.1, 0.2, 0.7), "hard": (0.0, 0.0, 1.0)}  # the book's soft label, 3.4.5.3
SR_ROWS = ((0.1, 0.3, 0.6), (0.3, 0.2, 0.5))
SR_LABELS = (0, 2)
SR_ROW_CHARS = 200

# softmax_overflow
SO_TEXT = "2, 1, 0.1"
SO_SCALES = tuple(sm.scale_grid())

# softmax_classifier
SC_FILTERS = ("all", "mistakes", *(str(k) for k in range(len(CLASS_NAMES))))
SC_TEST_IMAGES = 10_000

_book, _run = linreg.DataSpec(), linreg.TrainConfig()
_sc = classifier.TrainConfig()

PAGES: dict[str, tuple[Param | Family, ...]] = {
    "": (),          # the home page: the default, served at / whatever its url_path
    "overview": (),  # the home page's old address: switches to / with the link's settings
    "class-board": (),
    "normal-mse": (
        number("curves", 3, 1, NM_MAX_CURVES),
        family("mu", number("mu", 0.0, -5.0, 5.0), [mu for mu, _ in NM_START]),
        family("sd", number("sd", 1.0, 0.2, 4.0), [sd for _, sd in NM_START]),
        number("w", 2.0, -3.0, 3.0),
        number("b", 4.2, -5.0, 5.0),
        number("sigma", 1.0, 0.1, 3.0),
        number("n", 50, 2, 1000),
        span("lsig", (0.5, 2.0), 0.2, 4.0),
        flag("symlog", True),
        choice("noise", normal.NOISES, "gaussian"),
        number("rsigma", 1.0, 0.2, 3.0),
        number("rn", 1000, 20, 5000),
        span("interval", (-1.0, 1.0), -7.0, 7.0),  # density is not probability
    ),
    "linear-regression": (
        number("n", _book.n, 10, 10_000),
        number("noise", _book.noise, 0.0, 2.0),
        number("w1", _book.w1, -5.0, 5.0),
        number("w2", _book.w2, -5.0, 5.0),
        number("b", _book.b, -10.0, 10.0),
        choice("impl", linreg.IMPLEMENTATIONS),
        choice("lr", linreg.LR_CHOICES, _run.lr),
        choice("batch", linreg.BATCH_CHOICES, _run.batch_size),
        number("epochs", _run.num_epochs, 1, linreg.MAX_EPOCHS),
    ),
    "loss-comparison": (
        choice("form", losses.FORMS, "sigma"),
        number("delta", 1.0, 0.1, 5.0),
        span("range", (-3.0, 3.0), -10.0, 10.0),
        text("data", LC_DATA, max_chars=600),
        number("outlier", 6.0, -50.0, 50.0),
        number("k", _robust.outliers, 0, 80),
        number("shift", _robust.shift, -30.0, 30.0),
        number("noise", _robust.noise, 0.1, 3.0),
        number("steps", _robust.steps, 10, 1000),
    ),
    "softmax-regression": (
        choice("toy", range(3), 0),
        choice("fm", range(len(CLASS_NAMES)), 0),
        number("d", 4, 1, 16),
        number("q", 3, 2, 10),
        number("n", 2, 1, 6),
        number("k", SR_K, 3, SR_MAX_K),
        family("o", number("o", 0.0, -SR_LOGIT_RANGE, SR_LOGIT_RANGE), SR_LOGITS),
        number("temp", 1.0, *SR_T),
        number("shift", 20.0, -100.0, 100.0),
        number("m", 3, 1, len(SR_EXAMPLES)),
        family("x", text("x", "", max_chars=SR_ROW_CHARS), [e for e, _ in SR_EXAMPLES]),
        family("y", choice("y", range(SR_MAX_K)), [c for _, c in SR_EXAMPLES]),
        choice("y", range(SR_MAX_K), 0),
        choice("unit", ("nats", "bits")),
        choice("soft", tuple(SR_SOFT), "soft"),
        number("kp", 3, 2, SR_INFO_K),
        family("p", number("p", 0.0, 0.0, 1.0), SR_P),
        family("q", number("q", 0.0, 0.0, 1.0), SR_Q),
        family("r", text("r", "", max_chars=SR_ROW_CHARS),
               [", ".join(f"{v:g}" for v in row) for row in SR_ROWS]),
        family("l", choice("l", range(SR_MAX_K)), SR_LABELS),
    ),
    "softmax-overflow": (
        text("logits", SO_TEXT, max_chars=sm.MAX_TEXT),
        choice("dtype", tuple(sm.DTYPES), "float32"),
        choice("scale", SO_SCALES, 1.0),
        choice("y", range(sm.MAX_LOGITS), 0),
    ),
    "softmax-classifier": (
        choice("impl", classifier.IMPLS),
        choice("bs", classifier.BATCH_CHOICES, _sc.batch_size),
        choice("lr", classifier.LR_CHOICES, _sc.lr),
        number("epochs", _sc.num_epochs, 1, classifier.MAX_EPOCHS),
        number("n", 12, 1, 60),
        choice("filter", SC_FILTERS),
        choice("pick", range(SC_TEST_IMAGES), 0),
    ),
}


def _index(items) -> dict[str, Param]:
    found: dict[str, Param] = {}
    for item in items:
        for param in item.members() if isinstance(item, Family) else [item]:
            assert param.name not in found, f"{param.name} declared twice"
            assert allowed(param, param.default), f"{param.name}: default out of bounds"
            found[param.name] = param
    return found


BY_PAGE: dict[str, dict[str, Param]] = {page: _index(items) for page, items in PAGES.items()}
BY_GLOBAL: dict[str, Param] = _index(GLOBAL)
NAMES = frozenset(BY_GLOBAL).union(*BY_PAGE.values())  # every name a link may carry


def declared(page: str, name: str, global_: bool = False) -> Param:
    """The declaration of `name` on `page` (or the sidebar's); KeyError if none."""
    return BY_GLOBAL[name] if global_ else BY_PAGE[page][name]
