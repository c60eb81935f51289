"""Property: whatever a link carries, every page opens without an exception."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PAGES, app_test
from ui import keys

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
