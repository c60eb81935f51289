"""The softmax-regression page's panels: the book's toy classes and examples, the logits that
section 3 sets for the later sections, typed rows checked as numbers and as distributions,
the formulas, and the charts, tables and texts of each section.

The page (pages/softmax_regression.py) draws the widgets of each section and calls these.
"""

import math

import pandas as pd
import streamlit as st

from core import images
from core import softmax_regression as sr
from core.data import CLASS_NAMES
from core.softmax import parse_logits
from ui import lesson, params, state
from ui.charts import show
from ui.charts import softmax_regression as charts
from ui.data import class_name, fashion_mnist
from ui.i18n import t
from ui.numbers import number, vector

LOG2 = math.log(2.0)

TOY = ("cat", "chicken", "dog")               # the book's three classes
MAX_K = params.SR_MAX_K                       # the settings' bounds: ui.params
T_MIN = params.SR_T[0]
EXAMPLES = params.SR_EXAMPLES
BOOK_ROWS, BOOK_LABELS = params.SR_ROWS, params.SR_LABELS
P_DEFAULT, Q_DEFAULT = params.SR_P, params.SR_Q  # from lecture notes on the course, not the book
SOFT_LABELS = params.SR_SOFT                  # the book's soft label (3.4.5.3) and the one-hot
CAT, CHICKEN, DOG = 1, 2, 3                   # the codes a regression would be given
SHIFTS = [i / 20 for i in range(-60, 121)]    # δ from −3 to 6 for the accuracy sweep
LAMBDAS = (1.0, 10.0, 100.0)

TOY_LABELS = r"y \in \{(1, 0, 0),\ (0, 1, 0),\ (0, 0, 1)\}"
SOFTMAX = (r"\hat{\mathbf{y}} = \operatorname{softmax}(\mathbf{o} / T), \qquad "
           r"\hat{y}_j = \frac{\exp(o_j / T)}{\sum_k \exp(o_k / T)}")
LOSS_OF_LOGITS = (r"l(\mathbf{y}, \hat{\mathbf{y}}) = -\sum_j y_j \log "
                  r"\frac{\exp(o_j)}{\sum_k \exp(o_k)} = \log \sum_k \exp(o_k) - \sum_j y_j o_j")
GRADIENT = (r"\frac{\partial l}{\partial o_j} = \frac{\exp(o_j)}{\sum_k \exp(o_k)} - y_j"
            r" = \operatorname{softmax}(\mathbf{o})_j - y_j")


# ---- names, and the settings more than one section reads ----------------------------------

def toy_name(c: int) -> str:
    return t(f"sr.toy.{TOY[c]}")


def class_labels(k: int) -> list[str]:
    """Classes 1 … k, as the charts and tables label them."""
    return [f"{j + 1}" for j in range(k)]


def current_logits() -> tuple[int, tuple[float, ...]]:
    """Section 3's k and logits o, set there (or in the link when it is hidden)."""
    k = state.value("k")
    return k, tuple(state.value(f"o{j + 1}") for j in range(k))


def typed_row(text: str, what: str, fallback: tuple[float, ...]) -> tuple[float, ...]:
    """The numbers typed in a field, or (after a message, with the text shown literally)
    the fallback."""
    parsed = parse_logits(text)
    error = parsed.error
    if parsed.values is not None and len(parsed.values) > MAX_K:
        error = "too_many"
    if error is None:
        return parsed.values
    known = error in ("empty", "not_number", "not_finite", "too_large", "too_few", "too_many")
    st.error(t(f"sr.err.{error}" if known else "sr.err.other", what=what, cap=MAX_K,
               fallback=vector(fallback)), icon=":material/error:")
    if text.strip():
        st.code(text[:300], language=None)  # what was typed, literally
    return fallback


def distribution(values, what: str) -> tuple[float, ...]:
    """A row used as a probability distribution: checked, normalised when needed, explained."""
    row = sr.check_row(values)
    if row.problem is None:
        return row.values
    if row.problem == "not_one":
        st.info(t("sr.not_one", what=what, total=number(row.total, 6),
                  normalised=vector(row.normalised)), icon=":material/info:")
        return row.normalised
    uniform = tuple(1 / len(values) for _ in values)
    st.warning(t(f"sr.{row.problem}", what=what, uniform=vector(uniform)),
               icon=":material/warning:")
    return uniform


# ---- 1. classification and one-hot labels --------------------------------------------------

def codes_text() -> str:
    """Why class codes 1, 2, 3 would make a bad regression target."""
    return t("sr.s1_text", far=DOG - CAT, near=CHICKEN - CAT, far2=(DOG - CAT) ** 2,
             near2=(CHICKEN - CAT) ** 2)


def one_hot_latex(y, subscript: str | None = None) -> str:
    """y = (0, 1, 0)ᵀ, its symbol subscripted with a class's name when given."""
    symbol = r"\mathbf{y}" if subscript is None else r"\mathbf{y}_{\text{" + subscript + r"}}"
    return symbol + r" = (" + ", ".join(str(int(v)) for v in y) + r")^\top"


def first_image(fm: int) -> None:
    """The first training image of class `fm`, or a note when the data set is missing."""
    data, _problem = fashion_mnist()
    if data is None:
        st.caption(t("sr.no_images"))
    else:
        first = int((data.train_labels == fm).nonzero()[0])
        st.image(images.enlarge(data.train_images[first]), width=140,
                 alt=t("sr.alt_image", name=class_name(fm)),
                 caption=t("sr.image_caption", name=class_name(fm), index=first))


def one_hot_chart(fm: int, y_fm) -> None:
    names = [class_name(k) for k in range(len(CLASS_NAMES))]
    show(charts.bars(charts.bar_frame(names, {t("sr.one_hot"): list(y_fm)}), names, (0, 1),
                     x_title=t("sr.class"), y_title=t("sr.label_j"),
                     description=t("sr.desc_one_hot", name=class_name(fm)), height=260),
         name="one_hot")


# ---- 2. the network ------------------------------------------------------------------------

def network_chart(d: int, q: int) -> None:
    show(charts.network(d, q, [f"x{k + 1}" for k in range(d)],
                        [f"o{j + 1}" for j in range(q)], title=t("sr.layer"),
                        description=t("sr.desc_network", d=d, q=q, edges=d * q)),
         name="network")


def equations(d: int, q: int) -> str:
    """o_j = x_1 w_j1 + ... + x_d w_jd + b_j for each output, the middle elided when long."""
    sep = "," if max(d, q) > 9 else ""
    lines = []
    for j in range(1, q + 1):
        terms = [f"x_{{{k}}} w_{{{j}{sep}{k}}}" for k in range(1, d + 1)]
        if d > 5:
            terms = terms[:2] + [r"\cdots"] + terms[-1:]
        lines.append(f"o_{{{j}}} &= " + " + ".join(terms) + f" + b_{{{j}}}")
    if q > 5:
        lines = lines[:2] + [r"&\ \ \vdots"] + lines[-1:]
    return r"\begin{aligned}" + r"\\".join(lines) + r"\end{aligned}"


def shape(symbol: str, rows: int, cols: int) -> str:
    """A matrix's symbol with its shape written under it."""
    return rf"\underbrace{{{symbol}}}_{{{rows}\times {cols}}}"


def batch_latex(n: int, d: int, q: int) -> str:
    """O = XW + b, Ŷ = softmax(O), each with its shape for a minibatch of n."""
    shapes = [shape(symbol, rows, cols) for symbol, rows, cols in (
        (r"\mathbf{O}", n, q), (r"\mathbf{X}", n, d), (r"\mathbf{W}", d, q),
        (r"\mathbf{b}", 1, q), (r"\hat{\mathbf{Y}}", n, q))]
    return r"{} = {}\,{} + {},\qquad {} = \operatorname{{softmax}}(\mathbf{{O}})".format(
        *shapes)


def batch_table(n: int, d: int, q: int, seed: int) -> None:
    """A random minibatch's Ŷ: a row per example, each summing to 1."""
    batch = sr.minibatch(n, d, q, seed)
    table = pd.DataFrame(batch.Y_hat, columns=[f"ŷ{j + 1}" for j in range(q)])
    table[t("sr.row_sum")] = [math.fsum(r) for r in batch.Y_hat]
    table.index = [t("sr.example", i=i + 1) for i in range(n)]
    lesson.table(table, formats="{:.4f}")


# ---- 3. softmax ----------------------------------------------------------------------------

def softmax_chart(o: tuple[float, ...], temperature: float, container) -> None:
    """softmax(o), and softmax(o / T) beside it when T ≠ 1."""
    labels = class_labels(len(o))
    series = {t("sr.y_hat"): list(sr.softmax(o))}
    if temperature != 1.0:
        series[t("sr.y_hat_t", T=number(temperature, 3))] = list(sr.softmax(o, temperature))
    show(charts.bars(charts.bar_frame(labels, series), labels, (0, 1), x_title=t("sr.class"),
                     y_title=t("sr.probability_j"), description=t("sr.desc_softmax", k=len(o))),
         name="softmax", container=container)


def softmax_facts(o: tuple[float, ...], temperature: float, shift: float) -> None:
    """Softmax's properties on these logits: sums to 1, keeps the argmax, ignores a shift;
    notes for equal logits and the lowest temperature."""
    k = len(o)
    y_hat = sr.softmax(o)
    y_hat_t = sr.softmax(o, temperature)
    shifted = sr.softmax([v + shift for v in o])
    gap = max(abs(a - b) for a, b in zip(shifted, y_hat, strict=True))
    m1, m2, m3 = st.columns(3)
    m1.metric(t("sr.sum"), f"{math.fsum(y_hat_t):.6f}")
    m2.metric(t("sr.argmax"), f"{sr.argmax(o) + 1} = {sr.argmax(y_hat_t) + 1}")
    m3.metric(t("sr.shift_gap", c=number(shift, 3)), f"{gap:.1e}")
    st.markdown(t("sr.range", lo=number(min(y_hat_t), 4), hi=number(max(y_hat_t), 4)))
    if len(set(o)) == 1:
        st.info(t("sr.equal", k=k, p=number(1 / k, 4)), icon=":material/balance:")
    if temperature <= T_MIN + 1e-9:
        st.info(t("sr.t_min", T=number(T_MIN, 2), factor=number(1 / T_MIN, 3),
                  top=number(max(y_hat_t), 6), low=number(min(y_hat_t), 4),
                  low32=number(sr.smallest_probability(o, temperature, "float32"), 4)),
                icon=":material/thermostat:")


# ---- 4. cross-entropy from maximum likelihood ---------------------------------------------

def likelihood_steps() -> list[tuple[str, str]]:
    """From the likelihood of the labels to cross-entropy: (sentence, formula) per step."""
    formulas = [
        r"P(\mathbf{Y} \mid \mathbf{X}) = \prod_{i=1}^{n} P\big(\mathbf{y}^{(i)} \mid "
        r"\mathbf{x}^{(i)}\big)",
        r"-\log P(\mathbf{Y} \mid \mathbf{X}) = \sum_{i=1}^{n} -\log P\big(\mathbf{y}^{(i)} "
        r"\mid \mathbf{x}^{(i)}\big) = \sum_{i=1}^{n} l\big(\mathbf{y}^{(i)}, "
        r"\hat{\mathbf{y}}^{(i)}\big)",
        r"l(\mathbf{y}, \hat{\mathbf{y}}) = -\sum_{j=1}^{q} y_j \log \hat{y}_j",
        r"\mathbf{y} = \text{" + t("sr.one_hot_of") + r"}(c) \ \Rightarrow\ "
        r"l = -\log \hat{y}_c = "
        r"\log \sum_{k} \exp(o_k) - o_c",
    ]
    return [(t(f"sr.d{i}"), formula) for i, formula in enumerate(formulas, 1)]


def example_logits(i: int) -> tuple[float, ...]:
    """Example i's logits as the link's default gives them (the fallback after a mistake)."""
    return tuple(float(v) for v in EXAMPLES[i][0].split(","))


def likelihood_panel(examples: list[tuple[tuple[float, ...], int]]) -> None:
    """Each example's probability and loss; the product of probabilities against the sum of
    losses, and what underflows when it does."""
    r = sr.likelihood(examples)
    rows = pd.DataFrame({
        t("sr.col_logits"): [vector(lg, 3) for lg, _ in examples],
        t("sr.col_label"): [c + 1 for _, c in examples],
        t("sr.col_p"): [number(p, 6) for p in r.p],
        t("sr.col_loss"): [number(v, 6) for v in r.losses]},
        index=[t("sr.example", i=i + 1) for i in range(len(examples))])
    lesson.table(rows)
    m1, m2, m3 = st.columns(3)
    m1.metric(t("sr.product"), number(r.product, 6))
    m2.metric(t("sr.neg_log_product"), number(r.neg_log_product, 8))
    m3.metric(t("sr.sum_losses"), number(r.sum_losses, 8))
    if math.isfinite(r.neg_log_product):
        st.markdown(t("sr.agree", gap=f"{abs(r.neg_log_product - r.sum_losses):.1e}"))
    elif any(p == 0.0 for p in r.p):  # one probability itself rounded to 0
        zero = next(i for i, p in enumerate(r.p) if p == 0.0)
        st.warning(t("sr.underflow_one", i=zero + 1, loss=number(r.losses[zero], 6),
                     total=number(r.sum_losses, 6)), icon=":material/warning:")
    else:  # every probability is positive, their product is not
        st.warning(t("sr.underflow", total=number(r.sum_losses, 6),
                     smallest=number(min(r.p), 4)), icon=":material/warning:")


# ---- 5. the gradient -----------------------------------------------------------------------

def gradient_panel(o: tuple[float, ...], y: int) -> None:
    """ŷ, y and the gradient ŷ − y per class; the formula against autograd."""
    labels = class_labels(len(o))
    g = sr.gradient(o, y)
    show(charts.bars(charts.bar_frame(labels, {t("sr.y_hat"): list(g.y_hat), "y": list(g.y),
                                               t("sr.grad"): list(g.autograd)}),
                     labels, (-1, 1), x_title=t("sr.class"), y_title=t("sr.value"),
                     description=t("sr.desc_gradient", c=y + 1)), name="gradient")
    table = pd.DataFrame({t("sr.col_formula"): g.formula, t("sr.col_autograd"): g.autograd},
                         index=labels)
    lesson.table(table, formats="{:.8f}")
    st.markdown(t("sr.grad_agree", diff=f"{g.max_difference:.1e}",
                  total=f"{math.fsum(g.formula):.1e}"))


# ---- 6. information theory -----------------------------------------------------------------

def distributions_chart(P, Q, container) -> None:
    names = class_labels(len(P))
    show(charts.bars(charts.bar_frame(names, {"P": list(P), "Q": list(Q)}), names, (0, 1),
                     x_title=t("sr.class"), y_title=t("sr.probability"),
                     description=t("sr.desc_pq")), name="distributions", container=container)


def information_panel(P, Q, unit: str) -> None:
    """H(P), H(P, Q) and KL(P‖Q) in the unit chosen; each class's surprisal; the gap
    H(P, Q) = H(P) + KL; surprisal against probability."""
    names = class_labels(len(P))
    factor = sr.to_unit(1.0, unit)
    h_p, h_pq, kl = (sr.to_unit(v, unit) for v in (sr.entropy(P), sr.cross_entropy_of(P, Q),
                                                    sr.kl_divergence(P, Q)))
    u = t(f"sr.unit.{unit}")
    m1, m2, m3 = st.columns(3)
    m1.metric(t("sr.h_p"), f"{number(h_p, 5)} {u}")
    m2.metric(t("sr.h_pq"), f"{number(h_pq, 5)} {u}")
    m3.metric(t("sr.kl"), f"{number(kl, 5)} {u}")
    st.markdown(t("sr.units", bits=number(1 / math.log(2), 5), log_k=number(sr.to_unit(
        math.log(len(P)), unit), 5), k=len(P), unit=u))
    surprise = {f"−log P(j) ({u})": [v * factor for v in sr.surprisal(P)],
                f"−log Q(j) ({u})": [v * factor for v in sr.surprisal(Q)]}
    show(charts.bars(charts.bar_frame(names, surprise), names, x_title=t("sr.class"),
                     y_title=t("sr.surprisal", unit=u), description=t("sr.desc_surprisal")),
         name="surprisal")
    if math.isinf(h_pq):
        st.warning(t("sr.infinite"), icon=":material/warning:")
    else:
        parts = pd.DataFrame({"part": [t("sr.h_p"), t("sr.kl")], "value": [h_p, kl],
                              "label": [number(h_p, 5), number(kl, 5)], "order": [0, 1]})
        show(charts.entropy_gap(parts, total_label="H(P, Q)", x_title=t("sr.h_axis", unit=u),
                                description=t("sr.desc_gap", h=number(h_p, 4), kl=number(kl, 4))),
             name="gap")
    st.markdown(t("sr.gap_text"))
    points = pd.DataFrame({"class": names, "q": list(Q), "p": list(P),
                           "s": [v * factor if math.isfinite(v) else None
                                 for v in sr.surprisal(Q)]})
    show(charts.surprisal_curve(points, factor, x_title=t("sr.q_axis"),
                                y_title=t("sr.surprisal", unit=u),
                                description=t("sr.desc_curve")), name="likelihood_surprisal")


def notes_text() -> str:
    """The lecture notes' example: H(P), H(P, Q) and KL(P‖Q) of their three-class P and Q."""
    notes_p, notes_q = P_DEFAULT[:3], Q_DEFAULT[:3]
    return t("sr.book_info", h=number(sr.entropy(notes_p), 4),
             hpq=number(sr.cross_entropy_of(notes_p, notes_q), 4),
             kl=number(sr.kl_divergence(notes_p, notes_q), 4))


def coding_panel(P, Q) -> None:
    """3.4.7: Huffman code words for P and for Q, their mean lengths against the entropies."""
    code = sr.coding(P, Q)
    lesson.table(pd.DataFrame({
        "P(j)": [number(v, 4) for v in P], "−log₂ P(j)": [number(v / LOG2, 4) for v in
                                                          sr.surprisal(P)],
        t("sr.col_word_p"): code.words_p, "Q(j)": [number(v, 4) for v in Q],
        t("sr.col_word_q"): code.words_q}, index=class_labels(len(P))))
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("sr.code_h"), f"{code.entropy_bits:.4f}")
    c2.metric(t("sr.code_huffman"), f"{code.huffman_bits:.4f}")
    c3.metric(t("sr.code_hpq"), number(code.cross_entropy_bits, 5))
    c4.metric(t("sr.code_huffman_q"), f"{code.huffman_q_bits:.4f}")
    st.markdown(t("sr.coding_after", h=f"{code.entropy_bits:.4f}",
                  huffman=f"{code.huffman_bits:.4f}", h1=f"{code.entropy_bits + 1:.4f}",
                  hpq=number(code.cross_entropy_bits, 5), hq=f"{code.huffman_q_bits:.4f}",
                  nats=number(sr.entropy(P), 4)))


def soft_label_panel(o: tuple[float, ...], which: str) -> None:
    """3.4.5.3: the loss of section 3's logits against a soft label (or the one-hot), term by
    term, with the other label's loss for comparison."""
    pad = (0.0,) * (len(o) - 3)  # the label over section 3's k classes
    soft = sr.soft_label_loss(o, SOFT_LABELS[which] + pad)
    other = sr.soft_label_loss(o, SOFT_LABELS["hard" if which == "soft" else "soft"] + pad)
    lesson.table(pd.DataFrame({
        "y_j": [number(v, 4) for v in soft.y], "ŷ_j": [number(v, 4) for v in soft.y_hat],
        "−log ŷ_j": [number(v, 5) for v in soft.surprisal],
        "y_j · (−log ŷ_j)": [number(v, 5) for v in soft.terms]}, index=class_labels(len(o))))
    s1, s2, s3 = st.columns(3)
    s1.metric(t("sr.soft_loss"), number(soft.loss, 6))
    s2.metric(t("sr.soft_h"), number(soft.entropy, 6))
    s3.metric(t("sr.soft_kl"), number(soft.kl, 6))
    st.markdown(t(f"sr.soft_after.{which}", o=vector(o, 3), loss=number(soft.loss, 6),
                  logits=number(soft.from_logits, 6), other=number(other.loss, 6),
                  h=number(soft.entropy, 4), soft_h=number(sr.entropy(SOFT_LABELS["soft"]), 4)))


# ---- 7. prediction and accuracy ------------------------------------------------------------

def accuracy_panel(predictions: list[tuple[tuple[float, ...], int]]) -> None:
    """Each row's prediction, whether it is right, its loss; the accuracy and mean loss; the
    book's example."""
    rows_hat = [r for r, _ in predictions]
    truth = [c for _, c in predictions]
    losses = [sr.cross_entropy(r, c) for r, c in predictions]
    acc = sr.accuracy(rows_hat, truth)
    lesson.table(pd.DataFrame({
        "ŷ": [vector(r, 3) for r in rows_hat], t("sr.col_label"): [c + 1 for c in truth],
        t("sr.col_pred"): [sr.argmax(r) + 1 for r in rows_hat],
        t("sr.col_right"): ["✓" if sr.argmax(r) == c else "✗" for r, c in predictions],
        t("sr.col_loss"): [number(v, 5) for v in losses]},
        index=[t("sr.example", i=i + 1) for i in range(len(predictions))]))
    m1, m2 = st.columns(2)
    m1.metric(t("sr.accuracy"), f"{acc:g}")
    m2.metric(t("sr.mean_loss"), number(math.fsum(losses) / len(losses), 5))
    if any(math.isinf(v) for v in losses):
        st.warning(t("sr.log_zero"), icon=":material/warning:")
    book = [round(sr.cross_entropy(r, c), 4) for r, c in zip(BOOK_ROWS, BOOK_LABELS,
                                                               strict=True)]
    st.markdown(t("sr.book_example", l1=f"{book[0]:.4f}", l2=f"{book[1]:.4f}",
                  acc=f"{sr.accuracy(BOOK_ROWS, BOOK_LABELS):g}"))


def accuracy_sweep(predictions: list[tuple[tuple[float, ...], int]]) -> None:
    """Mean loss and accuracy as the first example's true logit moves by δ: the loss moves
    smoothly, the accuracy in a step."""
    rows_hat = [r for r, _ in predictions]
    truth = [c for _, c in predictions]
    logits = [[math.log(p) if p > 0 else -math.inf for p in r] for r in rows_hat]
    if rows_hat[0][truth[0]] > 0:
        sweep = sr.shift_true_logit(logits, truth, 0, SHIFTS)
        frame = pd.DataFrame(
            [{"shift": s, "metric": t("sr.mean_loss"), "value": v}
             for s, v in zip(sweep.shift, sweep.loss, strict=True) if math.isfinite(v)]
            + [{"shift": s, "metric": t("sr.accuracy"), "value": v}
               for s, v in zip(sweep.shift, sweep.accuracy, strict=True)])
        show(charts.loss_and_accuracy(frame, 0.0, x_title=t("sr.delta_axis"),
                                      y_title=t("sr.loss_or_accuracy"),
                                      description=t("sr.desc_sweep")),
             name="loss_vs_accuracy")
        st.caption(t("sr.sweep_caption"))
    else:
        st.caption(t("sr.no_sweep"))


# ---- questions (the Chinese edition's exercises of 3.4) ------------------------------------

def exercise_answers(o: tuple[float, ...]) -> dict[int, dict[str, str]]:
    """The numbers each answer quotes, from section 3's logits."""
    k = len(o)
    lse = sr.real_softmax(o)
    scaled = "; ".join(f"λ = {lam:g}: {number(sr.scaled_excess(o, lam), 5)}" for lam in LAMBDAS)
    top_float = "; ".join(f"λ = {lam:g}: {sr.scaled_real_softmax(o, lam)!r}" for lam in LAMBDAS)
    hessian_gap = max(abs(a - b) for ra, rb in zip(sr.loss_hessian(o, 0), sr.softmax_covariance(o),
                                                    strict=True) for a, b in zip(ra, rb, strict=True))
    codes = ", ".join(f"n = {n}: {sr.block_code_bits(n)}/{n} = {sr.block_code_bits(n) / n:.3f}"
                      for n in (1, 2, 3, 5, 10))
    pairs = sr.block_huffman_bits(2)
    huffman = ", ".join(f"n = {n}: {float(sr.block_huffman_bits(n)) / n:.3f}" for n in (1, 2, 3))
    return {
        1: {"o": vector(o, 3), "gap": f"{hessian_gap:.1e}"},
        2: {"codes": codes, "log2_3": f"{math.log2(3):.4f}", "waste": f"{2 - math.log2(3):.3f}",
            "pairs": f"{pairs.numerator}/{pairs.denominator}", "pair_bits": f"{float(pairs):.3f}",
            "per_symbol": f"{float(pairs) / 2:.3f}", "huffman": huffman,
            "one": f"{float(sr.block_huffman_bits(1)):.3f}"},
        3: {"o": vector(o, 3), "max": number(max(o), 6), "lse": number(lse, 6),
            "bound": number(max(o) + math.log(k), 6), "k": k, "scaled": scaled,
            "top_float": top_float, "ulp": f"{math.ulp(max(o)):.3g}", "top": number(max(o), 6),
            "softmin": number(-sr.real_softmax([-v for v in o]), 6), "min": number(min(o), 6)},
    }
