"""Softmax regression on Fashion-MNIST (d2l 3.5–3.7): train it live, then look inside.

The panels (the training panel with its replay, the prediction grid, the book's epoch) are
in ui/panels/softmax_classifier.py; this script is the lesson, top to bottom."""

import streamlit as st

from core import calibration, classifier
from core.data import CLASS_NAMES
from ui import keys, lesson, state
from ui.charts import show
from ui.data import class_name, require_fashion_mnist
from ui.i18n import t
from ui.panels import softmax_classifier as panel

st.title(t("sc.title"))
lesson.key_idea(t("sc.key_idea"))
st.markdown(t("sc.intro"))
data = require_fashion_mnist()
result: classifier.Trained | None = st.session_state.get(keys.SC_RESULT)

if lesson.section(t("sc.s_data")):
    st.markdown(t("sc.data_intro"))
    a, b, c = st.columns(3)
    a.metric(t("sc.n_train"), f"{len(data.train_labels):,}")
    b.metric(t("sc.n_test"), f"{len(data.test_labels):,}")
    c.metric(t("sc.n_classes"), len(CLASS_NAMES))
    st.markdown(" · ".join(f"`{k}` {class_name(k)}" for k in range(len(CLASS_NAMES))))
    panel.data_set(data)

if lesson.section(t("sc.s_impl")):
    st.markdown(t("sc.impl_intro"))
    left, right = st.columns(2)
    left.markdown(t("sc.impl_scratch_md"))
    right.markdown(t("sc.impl_concise_md"))
    st.page_link("pages/softmax_regression.py", label=t("sc.theory_link"), icon=":material/category:")
    lesson.show_code(classifier.init_params, classifier.softmax, classifier.net,
                     classifier.cross_entropy, classifier.accuracy, classifier.sgd,
                     classifier.train_scratch, title=t("sc.code_scratch"))
    lesson.show_code(classifier.concise_net, classifier.train_concise,
                     title=t("sc.code_concise"))
    lesson.show_code(classifier.to_float, classifier.minibatches, classifier.evaluate_accuracy,
                     title=t("sc.code_data"))

if lesson.section(t("sc.s_book")):  # issue 13 §5: the book's code and pipeline beside ours
    panel.the_books_way(data, state.seed())

if lesson.section(t("sc.s_train"), experiment=True):  # a class experiment's room lands here
    st.markdown(t("sc.train_intro"))
    panel.training_panel(data)
    result = st.session_state.get(keys.SC_RESULT)  # a Train in a full run counts at once

# The sections below show the trained model; before there is one, model_ready says where to
# train it.
if lesson.section(t("sc.s_grid")) and panel.model_ready(result):
    st.markdown(t("sc.grid_intro"))
    panel.prediction_grid(data, result)  # GRID_COLUMNS and grid_chart: the grid's layout

if lesson.section(t("sc.s_inside")) and panel.model_ready(result):
    st.markdown(t("sc.weights_intro"))
    panel.show_weights(result.W)
    st.markdown(t("sc.confusion_intro.own"))
    show(panel.confusion_chart(result.confusion))
    st.markdown(panel.hardest_text(result.confusion))

if lesson.section(t("sc.s_calibration")):  # d2l 3.4.3, with the student's own model
    st.markdown(t("sc.calibration_intro"))
    st.latex(r"\mathrm{ECE} = \sum_{b} \frac{n_b}{n}\,\big|\mathrm{acc}_b - "
             r"\mathrm{conf}_b\big|")
    panel.calibration_panel(data, result)
    lesson.show_code(calibration.reliability, title=t("show_code"))

if lesson.section(t("sc.s_upload")):
    st.markdown(t("sc.upload_intro"))
    upload = st.file_uploader(t("sc.upload"), type=["png", "jpg", "jpeg", "gif", "webp", "bmp"],
                              key=keys.SC_UPLOAD)
    if upload is not None:
        panel.predict_upload(upload, result)

if lesson.section(t("sc.s_keep")) and panel.model_ready(result):
    st.markdown(t("sc.keep_intro"))
    panel.downloads(result)

panel.exercises(result)
