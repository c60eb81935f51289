"""The softmax regression page through AppTest: every widget at its ends, bad input explained,
every number checked against PyTorch."""

import json
import math

import pyarrow as pa
import pytest
import torch
import torch.nn.functional as F

from tests.conftest import ROOT, app_test, open_answers, skip_or_fail, tables
from ui import keys

P = "softmax-regression."  # session keys of this page's widgets
SECTIONS = 8


def page(lang: str = "en", **params):
    at = app_test("softmax_regression", lang, **params).run()
    assert not at.exception, at.exception
    return at


def chart(at, words: str):
    """The one chart whose description (its aria-label) contains `words`, as DataFrames."""
    found = [c for c in at.get("vega_lite_chart")
             if words in json.loads(c.proto.spec).get("description", "")]
    assert len(found) == 1, f"{len(found)} charts described with {words!r}"
    return [pa.ipc.open_stream(d.data.data).read_all().to_pandas()
            for d in found[0].proto.datasets]


def has_chart(at, words: str) -> bool:
    return any(words in json.loads(c.proto.spec).get("description", "")
               for c in at.get("vega_lite_chart"))


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(label))


def text(at) -> str:
    return " ".join(m.value for m in [*at.markdown, *at.caption])


def messages(at, kind: str) -> str:
    return " ".join(e.value for e in getattr(at, kind))


def infos(at) -> list[str]:
    """The page's notes (st.info), without the key idea at the top."""
    return [i.value for i in at.info if i.icon != "💡"]


def logits_text(values) -> str:
    return ", ".join(f"{v:g}" for v in values)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_draws_every_section_with_its_charts(lang):
    at = page(lang)
    assert len(at.header) == SECTIONS
    assert len(at.get("vega_lite_chart")) == 9
    assert not at.error and not at.warning
    reveal = "Show the answer" if lang == "en" else "显示答案"
    assert len([e for e in at.expander if e.label == reveal]) == 3
    exercise = "d2l 3.4, exercise" if lang == "en" else "《动手学深度学习》（第二版）3.4 节练习"
    assert sum(exercise in m.value for m in at.markdown) == 3
    assert [e.proto.page for e in at.get("page_link")] == ["linear-regression"]
    shown = [i.proto.imgs[0] for i in at.get("image") if i.proto.imgs[0].caption]
    assert len(shown) == 1 and shown[0].alt  # the Fashion-MNIST example, with its alt text
    assert ("t-shirt" if lang == "en" else "T恤") in shown[0].alt


def test_one_hot_of_the_toy_and_fashion_mnist_classes():
    at = page(toy="1", fm="7")
    assert any(r"\mathbf{y}_{\text{chicken}} = (0, 1, 0)" in x.value for x in at.latex)
    (bars, *_) = chart(at, "one-hot vector of the class sneaker")
    assert bars["value"].tolist() == F.one_hot(torch.tensor(7), 10).double().tolist()
    at.radio(key=P + "toy").set_value(2).run()
    assert any("(0, 0, 1)" in x.value for x in at.latex)
    assert at.query_params["toy"] == "2"


@pytest.mark.parametrize("d, q", [(1, 2), (4, 3), (16, 10)])
def test_network_draws_every_connection_and_counts_parameters(d, q):
    at = page(d=str(d), q=str(q))
    edges, nodes = chart(at, f"{d} input {'node' if d == 1 else 'nodes'} on the left")[:2]
    assert len(edges) == d * q and len(nodes) == d + q
    count = sum(p.numel() for p in torch.nn.Linear(d, q).parameters())
    assert f"= {count}$" in text(at)
    assert "784 \\times 10 + 10 = 7850" in text(at)


def test_minibatch_rows_are_softmax_of_xw_plus_b_and_sum_to_one():
    at = page(d="3", q="5", n="6")
    table = tables(at)[0]
    assert table.shape == (6, 6)
    assert all(abs(s - 1) < 1e-12 for s in table.iloc[:, -1])
    assert any(r"\underbrace{\mathbf{O}}_{6\times 5}" in x.value for x in at.latex)


@pytest.mark.parametrize("temperature", ["0.05", "1.0", "5.0"])
def test_softmax_bars_match_torch_and_sum_to_one(temperature):
    o = [3.5, -2.0, 0.0, 10.0, -10.0]
    params = {f"o{j + 1}": str(v) for j, v in enumerate(o)}
    at = page(k="5", temp=temperature, **params)
    (bars, *_) = chart(at, "softmax probabilities")
    expected = F.softmax(torch.tensor(o, dtype=torch.float64) / float(temperature), 0)
    series = list(dict.fromkeys(bars["series"]))
    last = bars[bars["series"] == series[-1]]["value"].fillna(0.0).tolist()
    assert last == pytest.approx(expected.tolist(), abs=1e-12)
    assert float(metric(at, "Σ ŷⱼ")) == pytest.approx(1.0)
    assert metric(at, "argmax") == "4 = 4"
    assert (len(series) == 1) == (temperature == "1.0")
    assert bool(infos(at)) == (temperature == "0.05")  # the minimum temperature is explained
    if temperature == "0.05":
        assert "multiplied by 20" in infos(at)[0]


@pytest.mark.parametrize("c", ["-100.0", "100.0"])
def test_a_shift_changes_nothing(c):
    at = page(shift=c)
    assert float(metric(at, "max |softmax")) < 1e-15


def test_ten_equal_logits_are_explained():
    at = page(k="10", **{f"o{j}": "0.0" for j in range(1, 11)})
    assert "every ŷⱼ = 1/10 = 0.1" in " ".join(infos(at))
    (bars, *_) = chart(at, "10 softmax probabilities")
    assert bars["value"].tolist() == pytest.approx([0.1] * 10)
    assert metric(at, "argmax") == "1 = 1"


def test_likelihood_product_log_and_sum_agree_with_torch():
    examples = [([2.0, 1.0, 0.1], 0), ([-1.0, 4.0, 0.5, 2.0], 3), ([0.0, 0.0], 1)]
    params = {}
    for i, (o, y) in enumerate(examples, 1):
        params[f"x{i}"], params[f"y{i}"] = logits_text(o), str(y)
    at = page(m="3", **params)
    expected = sum(float(F.cross_entropy(torch.tensor([o], dtype=torch.float64),
                                         torch.tensor([y]))) for o, y in examples)
    assert float(metric(at, "Σ −log")) == pytest.approx(expected, rel=1e-7)
    assert float(metric(at, "−log Π")) == pytest.approx(expected, rel=1e-7)
    assert float(metric(at, "Π P")) == pytest.approx(math.exp(-expected), rel=1e-5)
    assert "differ by" in text(at)


def test_an_underflowing_product_is_explained_and_the_sum_stays_finite():
    at = page(m="2", x1="0, 800", y1="0", x2="0, 800", y2="0")
    assert metric(at, "Π P") == "0" and metric(at, "−log Π") == "∞"
    assert float(metric(at, "Σ −log")) == pytest.approx(1600.0)
    # each probability e^−800 is itself 0 in float64: no product is to blame (issue 27)
    assert "no product to blame" in at.warning[0].value
    assert "The product of the probabilities underflowed" not in at.warning[0].value


@pytest.mark.parametrize("bad", ["abc", "<b>hi</b>", "**x**, [a](http://e.org)", "", "7",
                                 "nan, 1", ",".join(["1"] * 11)])
def test_typed_logits_that_are_not_numbers_are_shown_literally(bad):
    at = page()
    at.text_input(key=P + "x1").set_value(bad).run()
    assert not at.exception
    assert at.error and "The page keeps using [2, 1, 0.1]" in at.error[0].value
    if bad.strip():
        assert any(c.value == bad for c in at.code)  # exactly as typed, not as markdown
    assert "<b>" not in at.error[0].value and "**x**" not in at.error[0].value
    assert tables(at)[1].iloc[0, 0] == "[2, 1, 0.1]"


@pytest.mark.parametrize("y", [0, 1, 2])
def test_gradient_is_autograd_of_torch_cross_entropy(y):
    o = [1.5, -0.5, 3.0]
    at = page(o1="1.5", o2="-0.5", o3="3.0", y=str(y))
    x = torch.tensor(o, dtype=torch.float64, requires_grad=True)
    (expected,) = torch.autograd.grad(F.cross_entropy(x[None], torch.tensor([y])), x)
    table = tables(at)[2]
    assert table.iloc[:, 0].tolist() == pytest.approx(expected.tolist(), abs=1e-12)
    assert table.iloc[:, 1].tolist() == pytest.approx(expected.tolist(), abs=1e-12)
    (bars, *_) = chart(at, f"true class {y + 1}")
    assert sorted(bars["value"].tolist()) == pytest.approx(sorted(
        [*torch.softmax(x.detach(), 0).tolist(), *F.one_hot(torch.tensor(y), 3).tolist(),
         *expected.tolist()]), abs=1e-12)


def test_book_information_example_in_nats_and_bits():
    at = page()
    assert metric(at, "entropy") == "0 nats"
    assert metric(at, "cross-entropy") == f"{-math.log(0.7):.5g} nats"
    assert metric(at, "KL") == f"{-math.log(0.7):.5g} nats"
    at.radio(key=P + "unit").set_value("bits").run()
    assert metric(at, "cross-entropy") == f"{-math.log2(0.7):.5g} bits"
    parts, *_ = chart(at, "split into the entropy")
    assert parts["value"].tolist() == pytest.approx([0.0, -math.log2(0.7)], abs=1e-9)


def test_entropy_of_a_shaped_distribution_matches_categorical():
    p, q = [0.2, 0.3, 0.5], [0.25, 0.25, 0.5]
    at = page(p1="0.2", p2="0.3", p3="0.5", q1="0.25", q2="0.25", q3="0.5")
    assert not infos(at) and not at.warning
    P_, Q_ = torch.tensor(p, dtype=torch.float64), torch.tensor(q, dtype=torch.float64)
    entropy = float(torch.distributions.Categorical(probs=P_).entropy())
    kl = float(F.kl_div(Q_.log(), P_, reduction="sum"))
    assert metric(at, "entropy") == f"{entropy:.5g} nats"
    assert metric(at, "KL") == f"{kl:.5g} nats"


def test_a_row_that_does_not_sum_to_one_is_normalised_and_said_so():
    at = page(p1="0.5", p2="0.5", p3="0.5")
    assert "P sums to 1.5, not 1" in infos(at)[0]
    assert "[0.3333, 0.3333, 0.3333]" in infos(at)[0]
    assert metric(at, "entropy") == f"{math.log(3):.5g} nats"


def test_all_zero_and_zero_probability_rows_are_explained():
    at = page(p1="0.0")
    assert "all zeros" in at.warning[0].value
    at = page(q1="0.0", q2="0.5", q3="0.5")  # Q says the true class is impossible
    assert metric(at, "cross-entropy") == "∞ nats"
    assert any("−log 0 = ∞" in w.value for w in at.warning)
    assert not has_chart(at, "split into the entropy")


def test_book_prediction_example():
    at = page()
    table = tables(at)[5]
    assert table.iloc[:, -1].tolist() == ["2.3026", "0.69315"]
    assert metric(at, "accuracy") == "0.5"
    assert "the losses are 2.3026 and 0.6931, and the accuracy is 0.5" in text(at)
    sweep, *_ = chart(at, "accuracy is a step")
    accuracy = sweep[sweep["metric"] == "accuracy"]
    assert set(accuracy["value"]) == {0.5, 1.0}
    assert accuracy[accuracy["value"] == 1.0]["shift"].min() == pytest.approx(1.8)


def test_prediction_rows_bad_sums_zeros_and_words():
    at = page(r1="1, 1, 2")
    assert "sums to 4, not 1" in infos(at)[0]
    assert tables(at)[5].iloc[0, 0] == "[0.25, 0.25, 0.5]"
    at = page(r1="0, 0.5, 0.5", l1="0")
    assert metric(at, "mean cross-entropy") == "∞"
    assert "−log 0 = ∞" in messages(at, "warning")
    assert not has_chart(at, "accuracy is a step")
    at = page(r1="x, y")
    assert at.error and any(c.value == "x, y" for c in at.code)
    at = page(r2="-0.5, 1.5")
    assert "negative" in messages(at, "warning")


def test_exercise_answers_use_the_students_logits():
    o = [4.0, -3.0, 2.5, 0.0]
    at = open_answers(page(k="4", **{f"o{j + 1}": str(v) for j, v in enumerate(o)}))
    answers = " ".join(m.value for e in at.expander if e.label == "Show the answer"
                       for m in e.markdown)
    lse = float(torch.logsumexp(torch.tensor(o, dtype=torch.float64), 0))
    assert f"RealSoftMax = {lse:.6g}" in answers
    assert f"max + log k = {4.0 + math.log(4):.6g}" in answers
    assert "n = 5: 8/5 = 1.600" in answers


def test_an_open_answer_stays_open_while_the_logits_change():
    """The answers quote the student's logits: new ones redraw an open answer, they do not
    close it (its key comes from its question, not from its text)."""
    at = open_answers(page(k="4", o1="4.0", o2="-3.0", o3="2.5", o4="0.0"))
    (o1,) = [w for w in at.slider if w.key and w.key.endswith(".o1")]
    o1.set_value(5.0).run()
    assert not at.exception
    answers = " ".join(m.value for e in at.expander if e.label == "Show the answer"
                       for m in e.markdown)
    assert f"max + log k = {5.0 + math.log(4):.6g}" in answers


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_extremes_in_both_languages(lang):
    at = page(lang, d="16", q="10", n="6", k="10", temp="0.05", shift="-100.0", m="5",
              kp="6", unit="bits", **{f"o{j}": "-10.0" for j in range(1, 11)},
              **{f"p{j}": "1.0" for j in range(1, 7)}, **{f"q{j}": "0.0" for j in range(1, 7)})
    assert len(at.header) == SECTIONS
    assert infos(at) and at.warning  # equal logits, minimum temperature, P normalised, Q zero
    if lang == "zh":
        assert "均匀分布" in messages(at, "warning") + " ".join(infos(at))


def test_errors_in_chinese():
    at = page("zh", x1="猫, 狗")
    assert "本页继续使用" in at.error[0].value and any(c.value == "猫, 狗" for c in at.code)


def test_widgets_write_the_url():
    at = page()
    at.slider(key=P + "k").set_value(5).run()
    at.slider(key=P + "o2").set_value(-3.0).run()
    at.text_input(key=P + "r1").set_value("0.2, 0.2, 0.6").run()
    assert not at.exception
    assert at.query_params["k"] == "5" and at.query_params["o2"] == "-3.0"
    assert at.query_params["r1"] == "0.2, 0.2, 0.6"


def test_lecture_mode_uses_the_linked_logits_in_the_gradient_section():
    at = app_test("softmax_regression", o1="9.0", o2="-9.0", o3="0.0", y="1")
    at.session_state[keys.LECTURE] = True
    at.run()
    for _ in range(4):  # to section 5
        at.button(key="_lesson.next").click().run()
    assert not at.exception and len(at.header) == 1
    assert "o = [9, -9, 0]" in text(at)
    assert tables(at)[0].iloc[1, 0] == pytest.approx(
        float(torch.softmax(torch.tensor([9.0, -9.0, 0.0], dtype=torch.float64), 0)[1]) - 1)


BOOK_ORDER = ["normal-mse", "linear-regression", "loss-comparison", "softmax-regression",
              "softmax-overflow", "softmax-classifier"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_lists_the_lessons_in_the_books_order(lang):
    at = app_test("home", lang).run()
    assert [e.proto.page for e in at.get("page_link")] == BOOK_ORDER
    assert ("4. Softmax regression" if lang == "en" else "4. softmax 回归") in \
        [e.proto.label for e in at.get("page_link")]  # numbered cards


def test_the_sidebar_follows_the_books_order():
    """AppTest does not expose st.navigation's menu: the router's list is its order."""
    router = (ROOT / "streamlit_app.py").read_text(encoding="utf-8")
    where = [router.index(f'url_path="{path}"') for path in BOOK_ORDER]
    assert where == sorted(where) and router.index('url_path="start"') < where[0]


@pytest.mark.parametrize("other", ["softmax_overflow", "softmax_classifier"])
def test_overflow_and_classifier_pages_link_back_here(other):
    at = app_test(other).run()
    assert not at.exception
    if other == "softmax_classifier" and at.error:  # no Fashion-MNIST: the page stops early
        skip_or_fail("Fashion-MNIST is not available")
    assert "softmax-regression" in [e.proto.page for e in at.get("page_link")]


# ---- issue 27: sentences computed from the page's own numbers --------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_exercise_labels_name_both_editions(lang):
    at = page(lang)
    labels = " ".join(m.value for m in at.markdown)
    english = ("English edition: 4.1, exercise {}" if lang == "en" else "3.4 节练习 {}")
    assert all(english.format(i) in labels for i in ((1, 2, 5) if lang == "en" else (1, 2, 3)))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_real_softmax_answer_prints_the_excess_and_why_float64_loses_it(lang):
    at = open_answers(page(lang))  # section 3's default logits (2, 1, 0.1)
    answers = " ".join(m.value for m in at.markdown)
    assert "λ = 1: 0.41703; λ = 10: 4.5405e-06; λ = 100: 3.7201e-46" in answers
    assert "λ = 100: 2.0" in answers and "4.44e-16" in answers  # the float64 value, the ulp
    assert "λ = 10: 2;" not in answers


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_coding_answer_gives_huffman_on_pairs(lang):
    at = open_answers(page(lang))
    answers = " ".join(m.value for m in at.markdown)
    assert "29/9 = 3.222" in answers and "1.611" in answers
    assert "n = 1: 1.667, n = 2: 1.611, n = 3: 1.605" in answers
    assert "0.415" in answers and "1.667 = 5/3" in answers


def test_one_underflowed_probability_and_an_underflowed_product_get_two_messages():
    one = page(m="1", x1="1000, 0", y1="1")
    assert "no product to blame" in one.warning[0].value and "e^{-1000}" in one.warning[0].value
    # 400 examples are not possible here; three of e^−300 each: every p > 0, product 0
    product = page(m="3", x1="0, 300", y1="0", x2="0, 300", y2="0", x3="0, 300", y3="0")
    warning = product.warning[0].value
    assert "Every probability is positive" in warning and "5.148e-131" in warning


@pytest.mark.parametrize("lang, words", [("en", "four times as costly"), ("zh", "是后者的四倍")])
def test_cat_dog_costs_four_times_under_the_squared_loss(lang, words):
    at = page(lang)
    first = next(m.value for m in at.markdown if "$(2)^2 = 4$" in m.value)
    assert words in first and "$(1)^2 = 1$" in first
    assert "twice as bad" not in first and "糟糕一倍" not in first


def test_lowest_temperature_prints_the_smallest_probability_and_float32s_zero():
    at = page(temp="0.05", o1="10.0", o2="-10.0", o3="0.0")
    note = next(i for i in infos(at) if "smallest temperature" in i)
    assert "1.915e-174 in float64" in note and "it is 0." in note
    assert "probabilities are exactly 0" not in note


def test_information_section_names_its_sources():
    at = page()
    words = text(at)
    assert "lecture notes" in words and "the book's $p = [1, 0, 0]$" not in words
    assert "3.6" in words and "Below are the book's two examples" not in words
    assert "last two must agree" in words
    assert "partition function" in words and "\\mathcal{O}(dq)" in words


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_coding_bound_section_shows_huffman_against_the_entropy(lang):
    at = page(lang, p1="0.5", p2="0.25", p3="0.25", q1="0.25", q2="0.25", q3="0.5")
    values = [m.value for m in at.metric]
    # H[P] = 1.5 bits, met by Huffman (0, 10, 11); Q's code gives P's likely class 2 bits
    assert "1.5000" in values and values.count("1.5000") == 2
    assert "1.75" in values and "1.7500" in values  # H(P, Q) and Q's Huffman code on P
    table = tables(at)[3]
    assert sorted(table.iloc[:, 2]) == ["0", "10", "11"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_soft_label_loss_is_the_expected_surprisal(lang):
    at = page(lang)  # ŷ = softmax(2, 1, 0.1)
    o = torch.tensor([[2.0, 1.0, 0.1]], dtype=torch.float64)
    soft = float(F.cross_entropy(o, torch.tensor([[0.1, 0.2, 0.7]], dtype=torch.float64)))
    hard = float(F.cross_entropy(o, torch.tensor([2])))
    values = [m.value for m in at.metric]
    assert f"{soft:.6g}" in values and "0.801819" in values  # the loss and H[(0.1, 0.2, 0.7)]
    assert f"{hard:.6g}" in text(at)
    at.radio(key=P + "soft").set_value("hard").run()
    assert not at.exception
    assert f"{hard:.6g}" in [m.value for m in at.metric]
