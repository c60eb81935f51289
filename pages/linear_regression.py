"""Linear regression training: d2l's synthetic data, SGD from scratch and concise, live.

The panels (the training panel with its replay, the cached data and landscape) are in
ui/panels/linear_regression.py; this script is the lesson, top to bottom."""

import inspect

import streamlit as st

from core import linreg
from core.device import device_name, get_device
from ui import charts, keys, lesson, state
from ui.charts import linear_regression as lr_charts
from ui.i18n import t
from ui.panels import linear_regression as panel

st.title(t("lr.title"))
lesson.key_idea(t("lr.key_idea.approach"))
st.markdown(t("lr.intro"))

if lesson.section(t("lr.s_data")):
    st.markdown(t("lr.data_text"))
    knobs, plot = st.columns([1, 2], gap="medium")  # on a phone: the sliders, then the data
    row1, row2 = knobs.container(horizontal=True), knobs.container(horizontal=True)
    state.slider(t("lr.n"), "n", step=10, container=row1)
    state.slider(t("lr.noise"), "noise", step=0.01, container=row1)
    state.slider(t("lr.w1"), "w1", step=0.1, container=row2)
    state.slider(t("lr.w2"), "w2", step=0.1, container=row2)
    state.slider(t("lr.b"), "b", step=0.1, container=knobs)
    X, y = panel.make_data(panel.data_spec())
    charts.show(lr_charts.scatter(X[:, 1].tolist(), y[:, 0].tolist(), x_title=t("lr.scatter_x"),
                                  y_title=t("lr.scatter_y")), container=plot)
    st.caption(t("lr.data_caption"))
spec = panel.data_spec()  # every later section uses the data as set, shown or not

if lesson.section(t("lr.s_analytic")):
    st.markdown(t("lr.analytic_text.approach"))
    found = panel.solve(spec)
    if found is None:
        st.warning(t("lr.singular"))
    else:
        st.table(panel.parameter_table(spec, None, found))
    lesson.show_code(linreg.with_bias_column, linreg.analytic_solution, title=t("show_code"))

if lesson.section(t("lr.s_network")):
    st.markdown(t("lr.network_text"))
    st.graphviz_chart(lr_charts.network_diagram(2, input_title=t("lr.net.input"),
                                                output_title=t("lr.net.output")))
    st.caption(t("lr.net.caption"))

if lesson.section(t("lr.s_vector")):
    st.markdown(t("lr.vector_text"))
    if st.button(t("lr.vector_run"), key=keys.LR_VECTOR):
        timing = linreg.time_vectorisation(10_000, get_device())
        st.success(t("lr.vector_result", device=device_name(), n=f"{timing.n:,}",
                     loop=f"{timing.loop_seconds * 1e3:.1f}",
                     vector=f"{timing.vector_seconds * 1e3:.4f}", ratio=f"{timing.ratio:,.0f}"))
        st.caption(t("lr.vector_note"))

if lesson.section(t("lr.s_impl")):
    st.markdown(t("lr.impl_text"))
    st.info(t("lr.note"), icon="🔎")

if lesson.section(t("lr.s_update")):
    st.markdown(t("lr.update_text"))
    left, right = st.columns(2)
    left.latex(r"\mathbf{w} \leftarrow \mathbf{w} - \frac{\eta}{|\mathcal{B}|}"
               r"\sum_{i \in \mathcal{B}} \mathbf{x}^{(i)}\left(\mathbf{w}^\top"
               r"\mathbf{x}^{(i)} + b - y^{(i)}\right)")
    left.latex(r"b \leftarrow b - \frac{\eta}{|\mathcal{B}|}\sum_{i \in \mathcal{B}}"
               r"\left(\mathbf{w}^\top\mathbf{x}^{(i)} + b - y^{(i)}\right)")
    left.markdown(t("lr.update_code"))
    with right:
        for fn in (linreg.squared_loss, linreg.sgd):
            st.code(inspect.getsource(fn), language="python")

if lesson.section(t("lr.s_train"), experiment=True):  # a class experiment's room lands here
    st.markdown(t("lr.train_text"))
    panel.training_panel(spec)
    st.markdown(t("lr.hyper_text"))

if lesson.section(t("lr.s_diverge")):
    st.markdown(t("lr.diverge_text"))
    panel.stable_lr_table(spec)
    st.caption(t("lr.diverge_caption.safe"))

panel.exercises(spec)
