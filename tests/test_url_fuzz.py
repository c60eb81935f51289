"""Property: whatever a link carries, every page opens without an exception."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PAGES, app_test
from ui import keys, params

pytestmark = pytest.mark.slow


def url_names(page: str) -> list[str]:
    """The URL names this page's widgets use, found by opening it once."""
    return sorted(app_test(page).run().session_state[keys.URL_SEEN])


values = st.one_of(
    st.text(max_size=40),
    st.integers(-10**12, 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["", "1", "0", "true", "nan", "-inf", "1e309", "1,2", "2, 1, 0.1",
                     "float16", "zh", "en", "%00", "../../etc/passwd"]),
)


@pytest.mark.parametrize("page", PAGES)
def test_any_link_opens_the_page(page):
    names = url_names(page)
    assert {"seed", "lang", "lecture"} <= set(names)

    @settings(max_examples=12, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(st.dictionaries(st.one_of(st.sampled_from(names), st.text(min_size=1, max_size=12)),
                           values, max_size=5))
    def check(params):
        lang = params.pop("lang", "en")
        at = app_test(page, lang, **params).run()
        assert not at.exception, f"{page} {params}: {at.exception}"

    check()


# ---- the one-section view: what a student opens ----------------------------------------------

LESSONS = {"normal_mse": "normal-mse", "linear_regression": "linear-regression",
           "loss_comparison": "loss-comparison", "softmax_regression": "softmax-regression",
           "softmax_overflow": "softmax-overflow", "softmax_classifier": "softmax-classifier"}
GARBAGE = ["", "nan", "-inf", "1e309", "99999999", "-99999999", "abc", "1,2,3", "０.５",
           "[LOGIN](http://evil.example)", "x" * 3000]


def extreme(param: params.Param, which: str, rng) -> str:
    """A link value for `param`: its lowest, its highest, or garbage."""
    if which == "garbage":
        return rng.choice(GARBAGE)
    if param.kind in ("int", "float"):
        return str(param.lo if which == "low" else param.hi)
    if param.kind == "span":
        return f"{param.lo},{param.lo}" if which == "low" else f"{param.hi},{param.hi}"
    if param.kind == "choice":
        options = list(param.options)
        return str(options[0] if which == "low" else options[-1])
    if param.kind == "flag":
        return "0" if which == "low" else "1"
    return "" if which == "low" else "9" * param.max_chars  # text: empty, or at its cap


def page_errors(caplog) -> list[str]:
    """Exceptions the pages' error boundary (ui.safe) caught and logged: AppTest does not see
    them as at.exception."""
    return [r.getMessage() for r in caplog.records if r.name == "d2l.pages"]


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_section_opens_with_every_parameter_at_its_extremes(lesson, caplog):
    """Every section (step=1…N) and lecture mode, every declared parameter at its lowest,
    its highest or garbage (a different mix per section, to keep the run short)."""
    import random

    rng = random.Random(lesson)
    declared = params.BY_PAGE[LESSONS[lesson]]
    count = len(app_test(lesson).run().header)  # the whole page: every section
    assert count >= 3
    views = [({"all": 0, "step": step}, ("low", "high", "garbage")[step % 3])
             for step in range(1, count + 1)]
    views.append(({"lecture": 1, "step": rng.randint(1, count)}, "garbage"))
    for view, which in views:
        link = {name: extreme(p, which, rng) for name, p in declared.items()}
        at = app_test(lesson, **view, **link).run()
        assert not at.exception, f"{lesson} {view} {which}: {at.exception}"
        assert not page_errors(caplog), f"{lesson} {view} {which}: {page_errors(caplog)}"
        assert len(at.header) == 1, f"{lesson} {view}: one section shown"
