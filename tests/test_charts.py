"""ui.charts: the schema check runs in the tests and is skipped on a student's server."""

import subprocess
import sys

import altair as alt
import pandas as pd
import pytest

from ui import charts

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def test_the_tests_check_every_chart_against_the_schema():
    assert charts.VALIDATE and alt.utils.schemapi.DEBUG_MODE
    bad = alt.Chart(pd.DataFrame({"x": [1]})).mark_line().encode(x="x:Q")
    bad.mark = "no-such-mark"
    with pytest.raises(Exception, match="no-such-mark"):
        charts.styled(bad).to_dict()


def test_a_server_skips_the_check_and_draws_the_same_spec():
    """Without D2L_VALIDATE_CHARTS the spec is the same, only unchecked."""
    code = ("import json, altair as alt, pandas as pd; from ui import charts; "
            "c = alt.Chart(pd.DataFrame({'x': [1, 2]})).mark_line().encode(x='x:Q'); "
            "print(charts.VALIDATE, alt.utils.schemapi.DEBUG_MODE); "
            "print(json.dumps(charts.styled(c).to_dict(), sort_keys=True))")
    env = {k: v for k, v in __import__("os").environ.items() if k != "D2L_VALIDATE_CHARTS"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    assert out[0] == "False False"
    c = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_line().encode(x="x:Q")
    assert out[1] == __import__("json").dumps(charts.styled(c).to_dict(), sort_keys=True)
