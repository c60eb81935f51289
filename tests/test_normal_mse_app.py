"""The normal distribution page through AppTest: every widget to both ends, charts change."""

import pyarrow as pa
import pytest

from tests.conftest import app_test

KEY = "normal-mse."


def datasets(at) -> list:
    """Every chart's data sets, as pandas frames (Arrow IPC bytes in the element)."""
    frames = []
    for chart in at.get("vega_lite_chart"):
        for ds in chart.proto.datasets:
            frames.append(pa.ipc.open_stream(ds.data.data).read_all().to_pandas())
    return frames


def fingerprint(at) -> list:
    return [f.round(9).to_json() for f in datasets(at)]


@pytest.fixture(scope="module")
def base():
    at = app_test("normal_mse").run()
    assert not at.exception
    return at


def test_page_draws_its_charts_and_agreement(base):
    assert len(base.get("vega_lite_chart")) == 5
    text = " ".join(m.value for m in base.markdown)
    assert "least-squares" in text or "least squares" in text
    table = base.dataframe[0].value
    w_values = table.iloc[:, 1].tolist()
    w_hat = w_values[-2]
    assert all(abs(v - w_hat) < 1e-4 for v in w_values[:-1])  # every argmin = least squares


@pytest.mark.parametrize("name, ends", [
    ("curves", (1, 4)), ("mu1", (-5.0, 5.0)), ("sd1", (0.2, 4.0)), ("w", (-3.0, 3.0)),
    ("b", (-5.0, 5.0)), ("sigma", (0.1, 3.0)), ("n", (2, 1000)), ("lsig", ((0.2, 0.2), (4.0, 4.0))),
    ("rsigma", (0.2, 3.0)), ("rn", (20, 5000)),
])
def test_every_slider_at_both_ends_changes_the_charts(base, name, ends):
    before = fingerprint(base)
    for end in ends:
        at = app_test("normal_mse").run()
        at.slider(key=KEY + name).set_value(end).run()
        assert not at.exception, f"{name}={end}: {at.exception}"
        assert fingerprint(at) != before, f"{name}={end} changed no chart"


@pytest.mark.parametrize("noise", ["laplace", "student_t", "exponential"])
def test_heavy_tails_and_skew_show_in_the_residuals(noise):
    at = app_test("normal_mse", noise=noise).run()
    assert not at.exception
    metrics = {m.label: float(m.value) for m in at.metric}
    kurt = next(v for k, v in metrics.items() if "kurtosis" in k.lower())
    skew = next(v for k, v in metrics.items() if "skew" in k.lower())
    assert kurt > 1 or skew > 1


def test_sigma_changes_the_nll_but_not_its_minimum():
    ats = [app_test("normal_mse", lsig=f"{s},{s}").run() for s in (0.5, 3.0)]
    tables = [at.dataframe[0].value for at in ats]
    argmins = [tab.iloc[0, 1] for tab in tables]
    assert argmins[0] == pytest.approx(argmins[1], abs=1e-6)
    nll_frames = [fingerprint(at) for at in ats]
    assert nll_frames[0] != nll_frames[1]


def test_settings_come_from_the_link_in_chinese():
    at = app_test("normal_mse", "zh", sigma="2.5", n="300", curves="2").run()
    assert not at.exception
    assert at.slider(key=KEY + "sigma").value == 2.5 and at.slider(key=KEY + "n").value == 300
    assert "正态" in at.title[0].value
