"""“Continue in Jupyter”: every lesson's notebook runs in a real kernel and prints the page's
numbers — with the page's defaults and with one non-default setting each.

One ipykernel serves the whole module (its start and torch's import are the slow part); each
notebook runs after `%reset -f`, so a name it forgot to define fails as it would on a laptop.
"""

import math
import re

import nbformat
import pytest
import torch
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from core import classifier, linreg, losses, normal, resources
from core import notebook as nbk
from core import softmax as sm
from core import softmax_regression as sr
from core.data import synthetic_data
from core.device import make_generator
from ui import keys
from ui.notebook import texts

LINK = "https://example.org/linear-regression?lr=0.1&x=<b>"


@pytest.fixture(autouse=True)
def server_threads():
    """core runs here as on the app's server (the notebooks set the same thread count): a
    run of one epoch at a high learning rate ends elsewhere with other rounding."""
    before = torch.get_num_threads()
    torch.set_num_threads(resources.THREADS)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def kernel():
    km = KernelManager(kernel_name="python3")
    km.start_kernel()
    yield km
    km.shutdown_kernel(now=True)


def run(kernel, lesson: str, params: dict, lang: str = "en") -> tuple[str, nbformat.NotebookNode]:
    """Execute the exported notebook (as bytes, read back as a file would be); its printout."""
    raw = nbk.to_bytes(nbk.build(lesson, params, texts(lesson, lang), LINK, "Section"))
    nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    executed = nbformat.reads(raw.decode("utf-8"), as_version=4)
    executed.cells.insert(0, nbformat.v4.new_code_cell("%reset -f"))
    NotebookClient(executed, km=kernel, timeout=600, kernel_name="python3").execute()
    out = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code"
                  for o in c.outputs if o.output_type == "stream")
    charts = [m for c in executed.cells for o in c.get("outputs", [])
              for m in o.get("data", {}) if m == "image/png"]
    assert charts, "the figure cell drew no chart"
    return out, nb


def printed(out: str, label: str) -> float:
    return float(re.search(re.escape(label) + r"\s*=?\s*([-+0-9.e]+|inf|nan)", out).group(1))


# ---- the settings come from the link, read as the page reads them -------------------------

def test_settings_read_the_link_like_the_page():
    s = nbk.settings("linear_regression", {"lr": "0.1", "batch": "7", "epochs": "99",
                                           "impl": "concise", "seed": "12"})
    assert (s["lr"], s["batch"], s["epochs"], s["impl"], s["seed"]) == (0.1, 10, 3, "concise", 12)
    assert nbk.settings("loss_comparison", {"range": "2,-2"})["range"] == (-3.0, 3.0)
    assert nbk.settings("softmax_overflow", {"logits": "1, x"})["logits"] == "2, 1, 0.1"
    assert nbk.settings("softmax_regression", {"y": "9"})["y"] == 2  # among k = 3 classes


@pytest.mark.parametrize("lesson", nbk.LESSONS)
def test_the_settings_table_agrees_with_the_page(lesson):
    """core.notebook's defaults and slider bounds are the page's own (every section drawn)."""
    from tests.conftest import app_test

    at = app_test(lesson).run()
    assert not at.exception
    page = nbk.URL_PATHS[lesson]
    sliders = {s.key: s for s in at.slider}
    checked = []
    for name, (kind, default, bounds) in nbk._spec(lesson).items():
        key = keys.SEED if name == "seed" else keys.widget(page, name)
        if key not in at.session_state:
            assert lesson == "softmax_regression" and name[0] == "o", name  # o4 … o10: k = 3
            continue
        value = at.session_state[key]
        assert (tuple(value) if kind == "pair" else value) == default, name
        if key in sliders:
            assert (sliders[key].proto.min, sliders[key].proto.max) == pytest.approx(bounds), name
        checked.append(name)
    assert len(checked) >= 5, checked


def test_file_name_says_lesson_section_and_settings():
    name = nbk.file_name("linear_regression", {"lr": "0.1", "impl": "concise", "x": "1"}, 7)
    assert name == "linear-regression_s7_impl-concise_lr-0.1.ipynb"
    assert nbk.file_name("softmax_overflow", {"logits": "3/../..\\x, 1"}) == \
        "softmax-overflow.ipynb"  # a refused text is the default, which names nothing
    assert nbk.file_name("softmax_overflow", {"logits": "3, 1e3"}) == \
        "softmax-overflow_logits-3,1e3.ipynb"


def test_first_cell_links_back_and_typed_text_stays_text():
    nb = nbk.build("softmax_overflow", {"logits": "1, 2"}, texts("softmax_overflow", "zh"),
                   LINK, "第 1 节")
    head = nb.cells[0].source
    assert "<https://example.org/linear-regression?lr=0.1&x=%3Cb%3E>" in head
    assert "<b>" not in head and "第 1 节" in head
    assert "logits = [1.0, 2.0]" in nb.cells[6].source
    assert "LogSumExp" in nb.cells[1].source
    assert "未规范化" in nbk.build("softmax_regression", {}, texts("softmax_regression", "zh")
                                ).cells[1].source


def test_the_code_is_the_code_the_page_shows():
    """Inlined from core, not paraphrased: the page's code panels show these sources."""
    code = nbk.build("linear_regression", {}, texts("linear_regression", "en")).cells[4].source
    import inspect
    for fn in (linreg.data_iter, linreg.squared_loss, linreg.sgd, linreg.train_scratch):
        assert inspect.getsource(fn).strip() in code
    assert not re.search(r"^\s*(from|import) (d2l|core|ui)\b", code, re.M)


def test_reader_says_where_it_looked_when_the_data_is_missing(tmp_path, monkeypatch):
    """The notebook's own reader, run here: FASHION_MNIST_DIR first, the app's message."""
    nb = nbk.build("softmax_classifier", {}, texts("softmax_classifier", "en"))
    scope: dict = {}
    exec(nb.cells[2].source.replace("alt.renderers", "# "), scope)  # noqa: S102 (our own code)
    exec(nb.cells[4].source, scope)  # noqa: S102
    scope["DEBIAN_DIR"] = str(tmp_path / "debian")
    monkeypatch.setenv("FASHION_MNIST_DIR", str(tmp_path / "none"))
    monkeypatch.setenv("D2L_CACHE_DIR", str(tmp_path / "cache"))
    with pytest.raises(FileNotFoundError, match=r"none.*FASHION_MNIST_DIR"):
        scope["load_fashion_mnist"]()


def test_the_sidebar_offers_the_notebook_of_what_is_on_screen(monkeypatch):
    """The lesson's button gets the share link's parameters (a hidden section's included) and
    the section shown; the home page has none. The notebook is built only on a click."""
    import ui.notebook
    from tests.conftest import app_test

    made = []
    monkeypatch.setattr(ui.notebook, "partial", lambda *args: made.append(args) or bytes)
    at = app_test("linear_regression", lang="zh", all=0, lr="0.1", epochs="5", step="2").run()
    assert not at.exception
    assert [b.proto.label for b in at.sidebar.get("download_button")] == ["在 Jupyter 中继续"]
    make, lesson, params, lang, link, section = made[-1]
    assert (lesson, lang, params["lr"], params["epochs"]) == ("linear_regression", "zh", "0.1", "5")
    assert section == at.session_state[keys.LESSON_TITLES][1] and "lr=0.1" in link
    nb = nbformat.reads(make(lesson, params, lang, link, section).decode(), as_version=4)
    assert "lr = 0.1" in nb.cells[6].source and "epochs = 5" in nb.cells[6].source
    assert not app_test("home").run().sidebar.get("download_button")


# ---- the notebooks run and print the page's numbers ---------------------------------------

@pytest.mark.parametrize("params", [{}, {"w": "-1.5", "sigma": "2", "n": "200", "seed": "7"}])
def test_normal_mse(kernel, params):
    out, _ = run(kernel, "normal_mse", params)
    s = nbk.settings("normal_mse", params)
    r = normal.noise_to_loss(s["w"], s["b"], s["sigma"], s["n"], [s["sigma"]], s["seed"])
    assert printed(out, "w_hat") == pytest.approx(r.w_hat, abs=2e-6)
    assert printed(out, "argmin MSE(w)") == pytest.approx(r.mse_argmin, abs=2e-6)
    assert printed(out, "argmin NLL(w)") == pytest.approx(r.nll_argmin[0], abs=2e-6)


@pytest.mark.parametrize("params", [{}, {"impl": "concise", "lr": "0.1", "batch": "50",
                                         "epochs": "2", "seed": "3", "noise": "0.5"}])
def test_linear_regression_losses(kernel, params):
    out, _ = run(kernel, "linear_regression", params)
    s = nbk.settings("linear_regression", params)
    X, y = synthetic_data(torch.tensor([s["w1"], s["w2"]]), s["b"], s["n"], s["noise"],
                          generator=make_generator(s["seed"]))
    cfg = linreg.TrainConfig(lr=s["lr"], batch_size=min(s["batch"], s["n"]),
                             num_epochs=s["epochs"], seed=s["seed"])
    page = [r.loss for r in linreg.train(s["impl"], X, y, cfg, device="cpu")
            if r.kind in ("init", "epoch")]
    ours = [float(v) for v in re.findall(r"loss ([-+0-9.e]+)", out)]
    assert len(ours) == s["epochs"] + 1
    assert ours == pytest.approx(page, rel=1e-5)


@pytest.mark.parametrize("params", [{}, {"form": "delta", "delta": "0.5", "data": "1, 2, 10",
                                         "outlier": "-20"}])
def test_loss_comparison_constants(kernel, params):
    out, _ = run(kernel, "loss_comparison", params, lang="zh")
    s = nbk.settings("loss_comparison", params)
    fit = losses.fit_constants([*losses.parse_data(s["data"]).values, s["outlier"]],
                               s["delta"], s["form"])
    assert printed(out, "L2 constant (mean):") == pytest.approx(fit.mean, abs=1e-6)
    assert printed(out, "L1 constant (median):") == pytest.approx(fit.median, abs=1e-6)
    assert printed(out, "Huber constant:") == pytest.approx(fit.huber, abs=1e-6)


@pytest.mark.parametrize("params", [{}, {"k": "5", "o4": "3.5", "temp": "0.5", "y": "3"}])
def test_softmax_regression(kernel, params):
    out, _ = run(kernel, "softmax_regression", params)
    s = nbk.settings("softmax_regression", params)
    o = [s[f"o{j + 1}"] for j in range(s["k"])]
    probs = [float(v) for v in re.search(r"= \[(.*)\]", out).group(1).split(",")]
    assert probs == pytest.approx(sr.softmax(o, s["temp"]), abs=1e-6)
    assert printed(out, f"true class {s['y']}:") == pytest.approx(
        sr.cross_entropy_from_logits(o, s["y"]), abs=1e-6)


@pytest.mark.parametrize("params", [{}, {"dtype": "float16", "logits": "12, 0, -5",
                                         "scale": "1", "y": "1"}])
def test_softmax_overflow_thresholds(kernel, params):
    out, _ = run(kernel, "softmax_overflow", params)
    s = nbk.settings("softmax_overflow", params)
    lim = sm.exp_limits(s["dtype"])
    assert printed(out, "x_max") == lim.x_max and printed(out, "inf from") == lim.x_max_next
    assert printed(out, "x_min") == lim.x_min and printed(out, "0 from") == lim.x_min_next
    ways = sm.three_ways(sm.parse_logits(s["logits"]).values, s["scale"], s["y"], s["dtype"])
    for method in sm.METHODS:
        page, ours = ways.of(method).loss, printed(out, f"{method}: loss")
        assert ours == page or (math.isnan(ours) and math.isnan(page)), method


@pytest.mark.realdata
@pytest.mark.slow
@pytest.mark.parametrize("params", [{"epochs": "1"}, {"impl": "concise", "lr": "0.3",
                                                      "bs": "512", "epochs": "1", "seed": "5"}])
def test_softmax_classifier_final_accuracy(kernel, params, fmnist):
    out, _ = run(kernel, "softmax_classifier", params)
    s = nbk.settings("softmax_classifier", params)
    model = classifier.make_model(s["impl"], s["seed"])
    cfg = classifier.TrainConfig(batch_size=s["bs"], lr=s["lr"], num_epochs=s["epochs"],
                            seed=s["seed"])
    history = list(classifier.train(model, fmnist, cfg))
    assert printed(out, "final test accuracy:") == pytest.approx(history[-1].test_acc, abs=2e-4)


@pytest.mark.parametrize("lesson, make, key", [
    ("classifier", lambda i: {"lr": 0.03 * (i + 1), "acc": 0.70 + 0.05 * i}, "acc"),
    ("linreg", lambda i: {"lr": 0.01 * (i + 1), "loss": [2.0, 1e-4, 50.0][i]}, "loss")])
def test_the_class_board_notebook_redraws_its_scatter_from_the_csv(kernel, tmp_path, lesson,
                                                                   make, key):
    """The room's runs through the board's CSV: the same count, median and best as the board."""
    from classroom import board
    from classroom.submission import LESSONS
    from tests.test_classroom_store import classifier_run, linreg_run, sqlite_store

    store = sqlite_store(tmp_path / "class.sqlite3", min_interval=0.0)
    store.ensure_schema()
    code = store.create_room("t", lesson).code
    run_of = classifier_run if lesson == "classifier" else linreg_run
    for i in range(3):
        store.join(code, f"s{i}")
        store.submit(code, f"s{i}", run_of(**make(i)))
    rows = store.rows(code)
    words = {"title": "Board", "intro": "Runs", "figure": "## Scatter"}
    nb = nbk.board(board.to_csv(rows, "zh"), lesson, LESSONS[lesson].book, words)
    executed = nbformat.reads(nbk.to_bytes(nb).decode(), as_version=4)
    executed.cells.insert(0, nbformat.v4.new_code_cell("%reset -f"))
    NotebookClient(executed, km=kernel, timeout=600, kernel_name="python3").execute()
    out = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code"
                  for o in c.outputs if o.output_type == "stream")
    b = board.summarize(rows, lesson, "zh")
    assert printed(out, "runs:") == len(b.points) == 3
    assert printed(out, "median:") == pytest.approx(b.median, rel=1e-5)
    assert printed(out, "best:") == pytest.approx(b.best.value, rel=1e-5)
    assert any("image/png" in o.get("data", {}) for o in executed.cells[-1].outputs)
