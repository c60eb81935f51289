"""core.softmax against torch.nn.functional, float64, autograd and the IEEE thresholds."""

import math

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from core import numbers
from core import softmax as sm
from core.device import make_generator
from ui.charts import softmax_overflow as charts
from ui.strings import CATALOGUE

ALL = list(sm.DTYPES)
LOW = ["float16", "bfloat16", "float32"]
# tolerance of a probability / a loss relative to max(1, |loss|), per dtype
TOL = {"float16": 4e-3, "bfloat16": 3e-2, "float32": 2e-6, "float64": 1e-12}
DOCUMENTED_X_MAX = {"float16": 11.09, "bfloat16": 88.72, "float32": 88.72, "float64": 709.78}


def random_logits(n: int, rows: int, seed: int, spread: float = 3.0) -> torch.Tensor:
    g = make_generator(seed)
    return (torch.rand(rows, n, generator=g, dtype=torch.float64) * 2 - 1) * spread


# ---- the three methods at moderate logits -----------------------------------------------

@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("n", [2, 3, 10])
def test_each_method_matches_float64_at_moderate_logits(dtype, n):
    o64 = random_logits(n, 50, seed=n)
    o = o64.to(sm.DTYPES[dtype])
    ref = torch.softmax(o.double(), dim=-1)  # the same rounded logits, float64 softmax
    y = torch.arange(50) % n
    ref_loss = F.cross_entropy(o.double(), y, reduction="none")
    for name, (y_hat, loss) in sm.losses(o, y).items():
        p = torch.exp(y_hat) if name == "log_sum_exp" else y_hat
        assert p.dtype == o.dtype, name
        assert torch.allclose(p.double(), ref, rtol=TOL[dtype], atol=TOL[dtype]), name
        assert torch.allclose(loss.double(), ref_loss, rtol=TOL[dtype], atol=TOL[dtype]), name
    assert torch.allclose(sm.log_softmax(o).double(), F.log_softmax(o.double(), dim=-1),
                          rtol=TOL[dtype], atol=TOL[dtype])


def test_stable_softmax_is_right_where_naive_is_nan():
    o = torch.tensor([[1000.0, 999.0, -1000.0]])
    assert torch.isnan(sm.naive_softmax(o)).any()
    assert torch.allclose(sm.stable_softmax(o), torch.softmax(o, dim=-1))
    assert torch.allclose(sm.log_softmax(o), F.log_softmax(o, dim=-1))


# ---- thresholds ---------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL)
def test_measured_overflow_threshold_is_the_documented_one(dtype):
    lim = sm.exp_limits(dtype)
    step = lim.x_max_next - lim.x_max
    assert round(math.log(torch.finfo(sm.DTYPES[dtype]).max), 2) == DOCUMENTED_X_MAX[dtype]
    assert abs(lim.x_max - lim.log_max) <= step  # on the dtype's grid next to log(max)
    assert abs(lim.x_max - DOCUMENTED_X_MAX[dtype]) <= max(step, 0.01)


@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("length", [1, 64])  # scalar and vectorised kernels
def test_exp_is_finite_up_to_x_max_and_inf_right_after(dtype, length):
    lim = sm.exp_limits(dtype)
    d = sm.DTYPES[dtype]
    below = torch.exp(torch.full((length,), lim.x_max, dtype=d))
    above = torch.exp(torch.full((length,), lim.x_max_next, dtype=d))
    assert torch.isfinite(below).all() and torch.isinf(above).all()
    # the two are neighbours in the dtype: nothing representable lies between them
    assert torch.nextafter(torch.tensor(lim.x_max, dtype=torch.float64).to(d),
                           torch.tensor(math.inf, dtype=d)).item() == lim.x_max_next


@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("length", [1, 64])
def test_exp_underflows_to_zero_below_half_the_smallest_subnormal(dtype, length):
    lim = sm.exp_limits(dtype)
    d = sm.DTYPES[dtype]
    fi = torch.finfo(d)
    assert lim.subnormal == fi.tiny * fi.eps
    above = torch.exp(torch.full((length,), lim.x_min, dtype=d))
    below = torch.exp(torch.full((length,), lim.x_min_next, dtype=d))
    assert (above > 0).all() and (below == 0).all()
    step = lim.x_min - lim.x_min_next
    assert abs(lim.x_min - lim.log_half_subnormal) <= step
    assert lim.x_min < lim.log_tiny  # subnormals are kept: no flush to zero


@pytest.mark.parametrize("dtype", ALL)
def test_naive_softmax_overflows_exactly_at_the_threshold(dtype):
    lim = sm.exp_limits(dtype)
    d = sm.DTYPES[dtype]
    ok = torch.tensor([lim.x_max, 0.0], dtype=d)
    broken = torch.tensor([lim.x_max_next, 0.0], dtype=d)
    assert torch.isfinite(sm.naive_softmax(ok)).all()
    assert torch.isnan(sm.naive_softmax(broken)).any()
    assert torch.isfinite(sm.log_softmax(broken)).all()
    # the page's path: logits [1, 0] scaled by the threshold itself. The loss there,
    # log(1 + exp(-x_max)), is far below eps: every method rounds 1 + small and is imprecise
    before = sm.three_ways([1.0, 0.0], lim.x_max, 0, dtype)
    assert before.naive.status == "imprecise"
    after = sm.three_ways([1.0, 0.0], lim.x_max_next, 0, dtype)
    assert after.naive.status == "nan"
    assert {after.of(m).status for m in ("log_sum_exp", "max_subtracted")} == {"imprecise"}
    # with the true class the smaller logit the loss is x_max itself: correct, relatively
    other = sm.three_ways([1.0, 0.0], lim.x_max_next, 1, dtype)
    assert other.log_sum_exp.status == "ok" and other.naive.status == "nan"


# ---- extreme logits: the fused loss ---------------------------------------------------------

@pytest.mark.parametrize("dtype", LOW)
@pytest.mark.parametrize("y", [0, 1, 2])
@pytest.mark.parametrize("logits", [[1e4, -1e4, 0.0], [-1e4, -1e4 + 3, -1e4 - 5],
                                    [1e4, 1e4, 1e4]])
def test_fused_loss_stays_finite_at_1e4_and_matches_torch(dtype, y, logits):
    o = torch.tensor([logits], dtype=torch.float64).to(sm.DTYPES[dtype])
    target = torch.tensor([y])
    _, ours = sm.losses(o, target)["log_sum_exp"]
    theirs = F.cross_entropy(o, target)
    exact = F.cross_entropy(o.double(), target)
    assert torch.isfinite(ours).all()
    tol = 8 * torch.finfo(o.dtype).eps * max(1.0, abs(float(exact)))
    assert abs(float(ours[0]) - float(theirs)) <= tol
    assert abs(float(ours[0]) - float(exact)) <= tol


@pytest.mark.parametrize("dtype", LOW)
def test_naive_loss_breaks_at_1e4(dtype):
    result = sm.three_ways([1e4, -1e4, 0.0], 1.0, 1, dtype)
    assert result.naive.status == "nan"
    assert result.max_subtracted.status == "inf_loss"  # exp(-2e4) rounds to 0
    assert result.log_sum_exp.status == "ok"
    assert result.log_sum_exp.loss == pytest.approx(2e4, rel=1e-2)


# ---- gradients ------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_autograd_gradient_is_softmax_minus_onehot(dtype):
    o = random_logits(5, 20, seed=7, spread=4.0).to(sm.DTYPES[dtype]).requires_grad_()
    y = torch.arange(20) % 5
    expected = torch.softmax(o.detach().double(), -1) - F.one_hot(y, 5).double()
    for name, (_, loss) in sm.losses(o, y).items():
        (grad,) = torch.autograd.grad(loss.sum(), o)
        assert torch.allclose(grad.double(), expected, atol=TOL[dtype] * 4), name
    # and the same as autograd through torch's own cross-entropy
    (torch_grad,) = torch.autograd.grad(F.cross_entropy(o, y, reduction="sum"), o)
    (fused,) = torch.autograd.grad(sm.losses(o, y)["log_sum_exp"][1].sum(), o)
    assert torch.allclose(fused, torch_grad, atol=TOL[dtype] * 4)


@pytest.mark.parametrize("dtype", LOW)
def test_gradient_is_nan_on_the_naive_path_and_right_on_the_fused_one(dtype):
    result = sm.three_ways([2.0, 1.0, 0.1], 1000.0, 2, dtype)
    assert any(math.isnan(g) for g in result.naive.grad)
    assert result.naive.grad_status == "nan"
    assert result.log_sum_exp.grad_status == "ok"
    assert result.log_sum_exp.grad == pytest.approx(result.ref.grad, abs=1e-2)
    assert result.ref.grad == pytest.approx([1.0, 0.0, -1.0], abs=1e-12)


def test_naive_gradient_goes_wrong_before_its_loss_does():
    # float32, y = 2: the backward of e / S needs y_hat_y / S = exp(s(0.1 - 4)), which is
    # below the smallest subnormal from s ~ 26.7 on, while the loss is right up to s = 44
    result = sm.three_ways([2.0, 1.0, 0.1], 30.0, 2, "float32")
    assert result.naive.status == "ok"
    assert result.naive.grad_status == "wrong"
    assert result.naive.grad[0] == 0.0 and result.ref.grad[0] == pytest.approx(1.0)


# ---- the sweep agrees with the single view, and with the prediction --------------------------

@pytest.mark.parametrize("dtype", ALL)
def test_sweep_agrees_with_three_ways_at_every_scale(dtype):
    logits, y = (2.0, 1.0, 0.1), 2
    scales = [s for s in sm.scale_grid() if abs(s) <= 2000][::7]
    rows = {(r.method, r.scale): r for r in sm.sweep(logits, y, dtype, scales)}
    for scale in scales:
        one = sm.three_ways(logits, scale, y, dtype)
        for method in sm.METHODS:
            row = rows[(method, scale)]
            assert (row.status, row.grad_status) == (one.of(method).status,
                                                     one.of(method).grad_status)
            assert row.loss == pytest.approx(one.of(method).loss, nan_ok=True)


@pytest.mark.parametrize("dtype", ALL)
def test_naive_overflow_is_seen_at_the_first_grid_point_past_the_prediction(dtype):
    grid = sm.scale_grid()
    lim = sm.exp_limits(dtype)
    seen = sm.first_breaks(sm.sweep([2.0, 1.0, 0.1], 0, dtype, grid))
    predicted = sm.predicted_breaks([2.0, 1.0, 0.1], 0, lim)
    first_past = min(s for s in grid if s > predicted.naive.pos)
    last_before = max(s for s in grid if s < predicted.naive.pos)
    # the grid point right before may round onto the threshold; never earlier than that
    assert seen.naive.pos in (first_past, last_before)
    assert predicted.naive.pos == pytest.approx(lim.x_max / 2)
    assert seen.log_sum_exp.pos is None or seen.log_sum_exp.pos >= \
        0.99 * lim.max / 2


@pytest.mark.parametrize("dtype", ALL)
def test_max_subtracted_breaks_between_the_subnormal_and_the_zero_prediction(dtype):
    lim = sm.exp_limits(dtype)
    seen = sm.first_breaks(sm.sweep([2.0, 1.0, 0.1], 2, dtype, sm.scale_grid()))
    zero_at = sm.predicted_breaks([2.0, 1.0, 0.1], 2, lim).max_subtracted.pos
    subnormal_at = -lim.log_tiny / 1.9  # y_hat_y = exp(-1.9 s) leaves the normal numbers
    assert 0.95 * subnormal_at <= seen.max_subtracted.pos <= 1.11 * zero_at


def test_logits_that_overflow_the_dtype_are_reported_as_bad_input():
    result = sm.three_ways([2.0, 1.0, 0.1], 1e5, 0, "float16")  # 2e5 > 65504
    assert math.isinf(result.o[0])
    assert {result.of(m).status for m in sm.METHODS} == {"bad_input"}


# ---- the input field ------------------------------------------------------------------------

@pytest.mark.parametrize("text, logits", [
    ("2, 1, 0.1", (2.0, 1.0, 0.1)), ("[2 1 -0.1]", (2.0, 1.0, -0.1)),
    ("1e3;-1E3", (1000.0, -1000.0)), ("−3，4", (-3.0, 4.0)), (" .5 , 5. ", (0.5, 5.0)),
    ("-0, 0", (0.0, 0.0)), ("［２，－１．５］", (2.0, -1.5)),
])
def test_parser_reads_good_input(text, logits):
    assert sm.parse_logits(text) == numbers.Parsed(values=logits)


@pytest.mark.parametrize("text, error", [
    ("", "empty"), ("  ,, ", "empty"), ("[]", "empty"), ("abc, 1", "not_number"),
    ("1, 2x", "not_number"), ("1_000, 2", "not_number"), ("0x10, 1", "not_number"),
    ("inf, 1", "not_finite"), ("1, -Infinity", "not_finite"), ("nan", "not_finite"),
    ("1e400, 1", "too_large"), ("2e6, 1", "too_large"), ("5", "too_few"),
    (",".join(["1"] * 65), "too_many"), (",".join(["1"] * 5000), "too_many"),
])
def test_parser_explains_bad_input(text, error):
    parsed = sm.parse_logits(text)
    assert parsed.values is None and parsed.error == error


def test_every_parser_error_has_a_message_in_both_languages():
    for code in sm.ERRORS:
        assert set(CATALOGUE[f"so.err.{code}"]) == {"en", "zh"}


def _check(parsed: numbers.Parsed) -> None:
    assert (parsed.values is None) != (parsed.error is None)
    if parsed.values is not None:
        assert 2 <= len(parsed.values) <= sm.MAX_LOGITS
        assert all(isinstance(v, float) and math.isfinite(v) for v in parsed.values)
        assert all(abs(v) <= sm.MAX_ABS_LOGIT for v in parsed.values)
    else:
        assert parsed.error in sm.ERRORS and len(parsed.detail) <= 20


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_parser_never_raises_on_any_text(text):
    _check(sm.parse_logits(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=80),
       st.sampled_from([", ", ",", " ", ";", "，"]))
def test_parser_on_lists_of_floats(values, sep):
    parsed = sm.parse_logits(sep.join(repr(v) for v in values))
    _check(parsed)
    good = [v for v in values if math.isfinite(v) and abs(v) <= sm.MAX_ABS_LOGIT]
    if not values:
        assert parsed.error == "empty"
    elif len(values) > sm.MAX_LOGITS:
        assert parsed.error == "too_many"
    elif len(good) == len(values) and len(values) >= 2:
        assert parsed.values == tuple(v + 0.0 for v in values)  # exact round trip
    else:
        assert parsed.values is None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=8), st.integers(0, 7),
       st.sampled_from(ALL), st.sampled_from([0.0, 1.0, -37.0, 1e3, -1e5]))
def test_three_ways_never_raises_and_the_fused_loss_is_right(values, y, dtype, scale):
    y = y % len(values)
    result = sm.three_ways(values, scale, y, dtype)
    top = torch.finfo(sm.DTYPES[dtype]).max
    fine = {"ok", "imprecise"} if result.ref.loss < 1 else {"ok"}  # 1 + small rounds
    expected = fine if result.ref.loss < 0.99 * top else \
        {"loss_overflow"} if result.ref.loss > 1.01 * top else fine | {"loss_overflow"}
    if all(math.isfinite(v) for v in result.o):
        # only a loss beyond the dtype's range (float16: a gap over 65504) can stop it
        assert result.log_sum_exp.status in expected
        assert result.log_sum_exp.loss == pytest.approx(result.torch_loss,
                                                              rel=TOL[dtype], abs=TOL[dtype])


def test_a_loss_beyond_float16_is_inf_for_torch_too():
    result = sm.three_ways([1000.0, -771.0], -37.0, 0, "float16")  # o = [-36992, 28528]
    assert result.ref.loss == 65520.0  # > 65504, the largest float16
    assert result.log_sum_exp.status == "loss_overflow"
    assert math.isinf(result.torch_loss)


# ---- the verdict is relative; small losses and log1p ----------------------------------------

def test_reference_loss_is_cross_entropy_and_keeps_tiny_losses():
    o = torch.tensor([[2.0, 1.0, 0.1], [40.0, 0.0, -3.0], [0.0, 40.0, -3.0], [5.0, 5.0, 5.0]],
                     dtype=torch.float64)
    y = torch.tensor([0, 0, 0, 2])
    torch.testing.assert_close(sm.reference_loss(o, y), F.cross_entropy(o, y, reduction="none"))
    # o = (40, 0): loss = log1p(exp(-40)) = 4.25e-18, which log(1 + small) rounds to 0
    tiny = sm.reference_loss(torch.tensor([[40.0, 0.0]], dtype=torch.float64),
                             torch.tensor([0]))
    assert float(tiny[0]) == pytest.approx(math.exp(-40), rel=1e-15)
    assert float(F.cross_entropy(torch.tensor([[40.0, 0.0]], dtype=torch.float64),
                                 torch.tensor([0]))) == 0.0


def test_a_float16_loss_18_percent_off_is_not_correct():
    # the old absolute tolerance (16 eps = 0.0156 for a loss below 1) called this correct
    ref = torch.tensor([0.01], dtype=torch.float64)
    o = torch.zeros(1, 2, dtype=torch.float16)
    y_hat = torch.full((1, 2), 0.5, dtype=torch.float16)
    tol = sm.TOL * torch.finfo(torch.float16).eps
    loss = torch.tensor([0.0118], dtype=torch.float16)  # 18 % above the float64 value
    assert abs(float(loss[0]) - 0.01) < tol  # inside the old absolute window
    assert sm.STATUS[int(sm._status(o, y_hat, loss, ref, tol)[0])] == "imprecise"
    close = torch.tensor([0.01], dtype=torch.float16)  # 0.0099983: 0.02 % off
    assert sm.STATUS[int(sm._status(o, y_hat, close, ref, tol)[0])] == "ok"
    far = torch.tensor([0.5], dtype=torch.float16)  # off by more than tol absolute
    assert sm.STATUS[int(sm._status(o, y_hat, far, ref, tol)[0])] == "wrong"


@pytest.mark.parametrize("dtype", LOW)
def test_page_verdict_on_a_small_float16_loss_is_relative(dtype):
    # (2, 1, 0.1) at s = 5, true class 0: loss 0.0068; naive is off by several percent
    result = sm.three_ways([2.0, 1.0, 0.1], 5.0, 0, dtype)
    ref = result.ref.loss
    for m in sm.METHODS:
        rel = abs(result.of(m).loss - ref) / ref
        tol = sm.TOL * torch.finfo(sm.DTYPES[dtype]).eps
        assert (result.of(m).status == "ok") == (rel <= tol), (m, rel)


@pytest.mark.parametrize("dtype", ALL)
def test_log1p_keeps_the_relative_precision_that_log_of_one_plus_small_loses(dtype):
    s = sm.small_loss([2.0, 1.0, 0.1], 10.0, 0, dtype)  # r = exp(-10) + exp(-19) ≈ 4.5e-5
    o64 = torch.tensor([[20.0, 10.0, 1.0]], dtype=torch.float64)
    assert s.ref == pytest.approx(float(F.cross_entropy(o64, torch.tensor([0]))), rel=1e-9)
    assert s.rel(s.log1p, s.ref) <= 4 * s.eps  # log1p: a few ulps, relative
    if dtype != "float64":  # the sum 1 + r keeps only the digits of r above eps
        assert s.rel(s.log_sum, s.ref) > 4 * s.eps
        assert abs(s.log_sum - s.ref) <= s.eps  # but the absolute error is below eps
        assert s.one_plus_rest - 1 != s.rest


def test_predicted_breaks_include_a_loss_beyond_the_dtype():
    lim = sm.exp_limits("float16")
    pred = sm.predicted_breaks([60000.0, -60000.0], 1, lim)
    assert pred.log_sum_exp.pos == pytest.approx(65504 / 120000)
    rows = sm.sweep([60000.0, -60000.0], 1, "float16", [0.5, 0.55, 1.0])
    seen = sm.first_breaks(rows)
    assert seen.log_sum_exp.pos == 0.55
    big = sm.three_ways([60000.0, -60000.0], 1.0, 1, "float16")
    assert big.ref.loss == 120000.0 and math.isinf(big.torch_loss)
    assert big.log_sum_exp.status == "loss_overflow"


def test_imprecise_is_not_counted_as_a_break():
    rows = [sm.SweepRow(1.0, "naive", 1e-9, "imprecise", "ok"),
            sm.SweepRow(2.0, "naive", math.nan, "nan", "nan")]
    assert sm.first_breaks(rows).naive.pos == 2.0


# ---- small pieces ---------------------------------------------------------------------------

def test_scale_grid_is_symmetric_sorted_and_url_safe():
    grid = sm.scale_grid()
    assert grid == sorted(set(grid)) and grid == [-s for s in reversed(grid)]
    assert {0.0, 1.0, 44.0, 45.0, 1e5, 0.01} <= set(grid)
    assert all(float(str(s)) == s for s in grid)


def test_double_softmax_loss_is_torchs_and_has_a_floor():
    logits, y = [9.0, -3.0, 0.5, 2.0], 0
    result = sm.double_softmax(logits, y)
    o = torch.tensor([logits], dtype=torch.float64)
    assert result.wrong == pytest.approx(float(F.cross_entropy(torch.softmax(o, -1),
                                                                  torch.tensor([y]))))
    assert result.right == pytest.approx(float(F.cross_entropy(o, torch.tensor([y]))))
    assert result.wrong >= math.log1p(3 / math.e) > result.right
    assert result.grad_wrong < result.grad_right


def test_segments_and_runs_follow_the_statuses_along_the_grid():
    nan = math.nan
    rows = [sm.SweepRow(s, "naive", loss, status, "ok") for s, loss, status in
            [(3.0, nan, "nan"), (-1.0, 0.5, "ok"), (1.0, 0.1, "ok"), (2.0, nan, "nan"),
             (0.0, 0.2, "ok"), (4.0, 7.0, "wrong")]]  # out of order on purpose
    rows.append(sm.SweepRow(0.0, "float64", 0.2, "ok", "ok"))
    assert charts.segments_of(rows, "status") == [
        {"method": "naive", "lo": -1.0, "hi": 2.0, "status": "ok"},
        {"method": "naive", "lo": 2.0, "hi": 4.0, "status": "nan"},
        {"method": "naive", "lo": 4.0, "hi": 4.0, "status": "wrong"},
        {"method": "float64", "lo": 0.0, "hi": 0.0, "status": "ok"}]
    assert charts.segments_of(rows, "grad_status")[0] == {"method": "naive", "lo": -1.0,
                                                           "hi": 4.0, "status": "ok"}
    assert [(r["scale"], r["run"]) for r in charts.runs_of(rows)] == [
        (-1.0, 1), (0.0, 1), (1.0, 1), (4.0, 2), (0.0, 3)]  # a new run after the nans


# ---- a small loss: the gradient's true-class entry carries the rounding of 1 + r -------------

@pytest.mark.parametrize("logits, dtype, fused, exact", [
    ((12.0, 6.0, 0.6001), "float16", -0.0029296875, -0.00248376),  # 18 % off
    ((20.0, 0.0, 0.0), "float32", 0.0, -4.1223e-9),                 # 100 % off
])
def test_small_loss_gradient_is_imprecise_relative_to_its_true_class_entry(logits, dtype,
                                                                          fused, exact):
    result = sm.three_ways(logits, 1.0, 0, dtype)
    assert result.log_sum_exp.grad[0] == pytest.approx(fused, rel=1e-6, abs=1e-12)
    assert result.ref.grad[0] == pytest.approx(exact, rel=1e-4)
    o = torch.tensor([logits], dtype=sm.DTYPES[dtype], requires_grad=True)
    (torch_grad,) = torch.autograd.grad(F.cross_entropy(o, torch.tensor([0])), o)
    # PyTorch's own backward also forms exp(log ŷ_y) − 1: as far off, relatively
    assert abs(float(torch_grad[0, 0]) - exact) > 0.1 * abs(exact)
    # the old rule (16 eps absolute on every entry) called these "ok"; relative, they are not
    assert result.log_sum_exp.grad_status == "imprecise"
    assert result.log_sum_exp.status == "imprecise"
    assert "imprecise" not in sm.BROKEN


def test_gradient_is_ok_when_the_true_class_entry_is_relatively_right():
    result = sm.three_ways((2.0, 1.0, 0.1), 1.0, 0, "float32")
    assert {result.of(m).grad_status for m in sm.METHODS} == {"ok"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_small_loss_text_no_longer_says_the_gradient_avoids_one_plus_r(lang):
    for key in ("so.small_text",):
        text = CATALOGUE[key][lang]
        assert "never forms" not in text and "不经过" not in text
        assert "{grad}" in text and "{grad_ref}" in text and "{rel_grad}" in text
