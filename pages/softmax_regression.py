"""Softmax regression (d2l 3.4): one-hot labels, softmax, cross-entropy, information theory.

The panels (section 3's logits that later sections read, typed rows checked, the formulas,
each section's charts, tables and texts) are in ui/panels/softmax_regression.py; this script
is the lesson, top to bottom."""

import streamlit as st

from core import softmax_regression as sr
from core.data import CLASS_NAMES
from ui import lesson, state
from ui.data import class_name
from ui.i18n import t
from ui.numbers import vector
from ui.panels import softmax_regression as panel

st.title(t("sr.title"))
lesson.key_idea(t("sr.key_idea"))
st.markdown(t("sr.intro"))

# ---- 1. classification and one-hot labels ---------------------------------------------------
if lesson.section(t("sr.s1")):
    st.markdown(panel.codes_text())
    left, right = st.columns(2)
    with left:
        toy = state.select(t("sr.toy_pick"), "toy", widget="radio",
                           horizontal=True, format_func=panel.toy_name)  # a class index, as `fm`
        st.latex(panel.one_hot_latex(sr.one_hot(toy, len(panel.TOY)), panel.toy_name(toy)))
        st.markdown(t("sr.toy_all"))
        st.latex(panel.TOY_LABELS)
    with right:
        fm = state.select(t("sr.fm_pick"), "fm", format_func=class_name)
        y_fm = sr.one_hot(fm, len(CLASS_NAMES))
        st.latex(panel.one_hot_latex(y_fm))
        panel.first_image(fm)
    panel.one_hot_chart(fm, y_fm)
    lesson.show_code(sr.one_hot, title=t("show_code"))

# ---- 2. the network --------------------------------------------------------------------------
if lesson.section(t("sr.s2")):
    st.markdown(t("sr.s2_text"))
    c1, c2, c3 = st.columns(3)
    d = state.slider(t("sr.d"), "d", container=c1, help=t("sr.d_help"))
    q = state.slider(t("sr.q"), "q", container=c2)
    n = state.slider(t("sr.n"), "n", container=c3, help=t("sr.n_help"))
    left, right = st.columns([3, 2])
    with left:
        panel.network_chart(d, q)
    with right:
        st.latex(panel.equations(d, q))
        st.markdown(t("sr.count", d=d, q=q, weights=d * q, params=sr.parameter_count(d, q)))
        st.markdown(t("sr.count_fm", params=sr.parameter_count(784, 10)))
        st.markdown(t("sr.cost", d=d, q=q, mults=d * q, fm=784 * 10))
    st.markdown(t("sr.batch_text"))
    st.latex(panel.batch_latex(n, d, q))
    panel.batch_table(n, d, q, state.seed())
    st.caption(t("sr.batch_caption", n=n, d=d, q=q))
    lesson.show_code(sr.parameter_count, sr.minibatch, title=t("show_code"))

# ---- 3. softmax --------------------------------------------------------------------------------
if lesson.section(t("sr.s3")):
    st.markdown(t("sr.s3_text"))
    st.latex(panel.SOFTMAX)
    controls, plot = st.columns([1, 2], gap="medium")  # on a phone: controls, then the bars
    k = state.slider(t("sr.k"), "k", help=t("sr.k_help"), container=controls)
    row = controls.container(horizontal=True)  # the logits wrap, two or three to a line
    for j in range(k):
        state.slider(f"o{j + 1}", f"o{j + 1}", 0.1, container=row)
    pair = controls.container(horizontal=True)
    temperature = state.slider(t("sr.temperature"), "temp", 0.05, container=pair,
                               help=t("sr.temperature_help"))
    shift = state.slider(t("sr.shift"), "shift", 1.0, container=pair, help=t("sr.shift_help"))
    k, o = panel.current_logits()
    panel.softmax_chart(o, temperature, container=plot)
    panel.softmax_facts(o, temperature, shift)
    st.markdown(t("sr.s3_after"))
    lesson.show_code(sr.softmax, title=t("show_code"))

k, o = panel.current_logits()  # also when lecture mode hides section 3

# ---- 4. cross-entropy from maximum likelihood -------------------------------------------------
if lesson.section(t("sr.s4")):
    st.markdown(t("sr.s4_text"))
    lesson.derivation(panel.likelihood_steps())
    st.markdown(t("sr.examples_text"))
    m = state.slider(t("sr.m"), "m")
    examples = []
    for i in range(m):
        left, right = st.columns([3, 1])
        text = state.text(t("sr.example_logits", i=i + 1), f"x{i + 1}", container=left)
        with left:
            logits = panel.typed_row(text, t("sr.example", i=i + 1), panel.example_logits(i))
        label = state.select(t("sr.example_label", i=i + 1), f"y{i + 1}", range(len(logits)),
                             container=right, format_func=lambda c: t("sr.class_n", c=c + 1))
        examples.append((logits, label))
    panel.likelihood_panel(examples)
    lesson.show_code(sr.cross_entropy, sr.cross_entropy_from_logits, sr.likelihood,
                     title=t("show_code"))

# ---- 5. the gradient --------------------------------------------------------------------------
if lesson.section(t("sr.s5")):
    st.markdown(t("sr.s5_text"))
    st.latex(panel.LOSS_OF_LOGITS)
    st.latex(panel.GRADIENT)
    st.caption(t("sr.uses_logits", o=vector(o, 3)))
    y = state.select(t("sr.true_class"), "y", range(k),
                     format_func=lambda c: t("sr.class_n", c=c + 1))
    panel.gradient_panel(o, y)
    st.markdown(t("sr.linreg_link"))
    st.page_link("pages/linear_regression.py", label=t("nav.linear_regression"),
                 icon=":material/show_chart:")
    lesson.show_code(sr.gradient, title=t("show_code"))

# ---- 6. information theory --------------------------------------------------------------------
if lesson.section(t("sr.s6")):
    st.markdown(t("sr.s6_text"))
    controls, plot = st.columns([1, 2], gap="medium")  # on a phone: controls, then P and Q
    unit = state.select(t("sr.unit"), "unit", widget="radio",
                        horizontal=True, container=controls,
                        format_func=lambda u: t(f"sr.unit.{u}"))
    kp = state.slider(t("sr.kp"), "kp", container=controls)
    controls.markdown(t("sr.shape"))
    row_p, row_q = controls.container(horizontal=True), controls.container(horizontal=True)
    raw_p = [state.slider(f"P({j + 1})", f"p{j + 1}", 0.01, container=row_p) for j in range(kp)]
    raw_q = [state.slider(f"Q({j + 1})", f"q{j + 1}", 0.01, container=row_q) for j in range(kp)]
    with controls:
        P, Q = panel.distribution(raw_p, "P"), panel.distribution(raw_q, "Q")
    panel.distributions_chart(P, Q, container=plot)
    panel.information_panel(P, Q, unit)
    st.markdown(t("sr.picture"))
    st.markdown(panel.notes_text())
    lesson.show_code(sr.entropy, sr.cross_entropy_of, sr.kl_divergence, sr.surprisal,
                     title=t("show_code"))

    st.subheader(t("sr.coding_title"), divider="gray")  # 3.4.7: entropy as a coding bound
    st.markdown(t("sr.coding_text"))
    panel.coding_panel(P, Q)
    lesson.show_code(sr.huffman_lengths, sr.coding, title=t("show_code"))

    st.subheader(t("sr.soft_title"), divider="gray")  # 3.4.5.3: a label that is a distribution
    st.markdown(t("sr.soft_text"))
    which = state.select(t("sr.soft_pick"), "soft", widget="radio",
                         horizontal=True, format_func=lambda v: t(
                             f"sr.soft.{v}", y=vector(panel.SOFT_LABELS[v], 2)))
    panel.soft_label_panel(o, which)
    lesson.show_code(sr.soft_label_loss, title=t("show_code"))

# ---- 7. prediction and accuracy -----------------------------------------------------------------
if lesson.section(t("sr.s7")):
    st.markdown(t("sr.s7_text"))
    predictions = []
    for i, book_row in enumerate(panel.BOOK_ROWS):
        left, right = st.columns([3, 1])
        text = state.text(t("sr.row", i=i + 1), f"r{i + 1}", container=left)
        with left:
            row = panel.distribution(panel.typed_row(text, t("sr.example", i=i + 1), book_row),
                                     f"ŷ⁽{i + 1}⁾")
        label = state.select(t("sr.example_label", i=i + 1), f"l{i + 1}", range(len(row)),
                             container=right, format_func=lambda c: t("sr.class_n", c=c + 1))
        predictions.append((row, label))
    panel.accuracy_panel(predictions)
    st.markdown(t("sr.why_not_accuracy"))
    panel.accuracy_sweep(predictions)
    lesson.show_code(sr.accuracy, sr.shift_true_logit, title=t("show_code"))

# ---- questions (the Chinese edition's exercises of 3.4) -----------------------------------------
answers = panel.exercise_answers(o)
lesson.exercises(t("exercises"), [(t(f"sr.q{i}"), t(f"sr.a{i}", **answers[i]))
                                  for i in range(1, 4)], t("reveal"))
