"""“Continue in Jupyter”: a lesson as a notebook (nbformat) that runs offline.

The notebook holds the code the page runs — the very `core` functions its code panels show,
inlined with inspect.getsource (no `d2l`, no import of this app) — the student's settings
read from the page's link, the lesson's formulas (texts in the page's language, passed in by
the caller), a cell that runs it all and prints the numbers the page shows, and a figure
redrawn with Altair from that run. Nothing here imports streamlit: the texts come in as a
plain dict, the settings as the link's parameters.
"""

import inspect
import re
import textwrap
from dataclasses import dataclass

import nbformat
from nbformat import v4

from core import classifier, data, device, linreg, losses, normal, numbers, resources
from core import softmax as sm
from core import softmax_regression as sr

LESSONS = ("normal_mse", "linear_regression", "loss_comparison", "softmax_regression",
           "softmax_overflow", "softmax_classifier")
URL_PATHS = {name: name.replace("_", "-") for name in LESSONS}  # the router's url_path
MAX_SEED = 2**31 - 1

# ---- the settings a link carries: the pages' names, defaults and bounds -------------------
# One table, read by one function (`settings`): the pages declare the same widgets in
# pages/*.py; when their declarations move to one module, this table reads from there.
LR_CHOICES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0]
BATCH_CHOICES = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000]
SC_BATCH_SIZES = [16, 32, 64, 128, 256, 512, 1024, 2048]
SC_LEARNING_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0]
SR_LOGITS = (2.0, 1.0, 0.1, 0.5, -0.5, 1.5, -1.0, 0.0, 0.8, -1.5)


def _spec(lesson: str) -> dict[str, tuple]:
    """name → (kind, default, bounds): "int"/"float" (lo, hi), "choice" options, "text"
    (a parser returning core.numbers.Parsed), "pair" (lo, hi)."""
    seed = {"seed": ("int", 0, (0, MAX_SEED))}
    table = {
        "normal_mse": {"w": ("float", 2.0, (-3.0, 3.0)), "b": ("float", 4.2, (-5.0, 5.0)),
                       "sigma": ("float", 1.0, (0.1, 3.0)), "n": ("int", 50, (2, 1000))},
        "linear_regression": {
            "impl": ("choice", "scratch", linreg.IMPLEMENTATIONS),
            "lr": ("choice", 0.03, LR_CHOICES), "batch": ("choice", 10, BATCH_CHOICES),
            "epochs": ("int", 3, (1, 30)), "n": ("int", 1000, (10, 10_000)),
            "noise": ("float", 0.01, (0.0, 2.0)), "w1": ("float", 2.0, (-5.0, 5.0)),
            "w2": ("float", -3.4, (-5.0, 5.0)), "b": ("float", 4.2, (-10.0, 10.0))},
        "loss_comparison": {
            "form": ("choice", "sigma", losses.FORMS), "delta": ("float", 1.0, (0.1, 5.0)),
            "range": ("pair", (-3.0, 3.0), (-10.0, 10.0)),
            "data": ("text", "2.1, 2.9, 3.4, 3.8, 4.4, 5.0", losses.parse_data),
            "outlier": ("float", 6.0, (-50.0, 50.0))},
        "softmax_regression": {
            "k": ("int", 3, (3, 10)), "temp": ("float", 1.0, (0.05, 5.0)),
            **{f"o{j + 1}": ("float", v, (-10.0, 10.0)) for j, v in enumerate(SR_LOGITS)},
            "y": ("int", 0, (0, 9))},
        "softmax_overflow": {
            "logits": ("text", "2, 1, 0.1", sm.parse_logits),
            "dtype": ("choice", "float32", list(sm.DTYPES)),
            "scale": ("choice", 1.0, sm.scale_grid()), "y": ("int", 0, (0, sm.MAX_LOGITS - 1))},
        "softmax_classifier": {
            "impl": ("choice", "scratch", classifier.IMPLS),
            "bs": ("choice", 256, SC_BATCH_SIZES), "lr": ("choice", 0.1, SC_LEARNING_RATES),
            "epochs": ("int", 10, (1, 30))},
    }
    return {**table[lesson], **seed}


def _read(kind: str, default, bounds, raw: str):
    """One link value, read as the page reads it; ValueError when the page would refuse it."""
    if kind in ("int", "float"):
        value = numbers.to_int(raw) if kind == "int" else numbers.to_float(raw)
        if not bounds[0] <= value <= bounds[1]:
            raise ValueError(raw)
        return value
    if kind == "pair":
        low, high = (_read("float", 0.0, bounds, part) for part in raw.split(",", 1))
        if low > high:
            raise ValueError(raw)
        return (low, high)
    if kind == "choice":
        value = type(default)(numbers.to_float(raw)) if isinstance(default, float) else \
            type(default)(numbers.to_int(raw)) if isinstance(default, int) else raw
        if value not in bounds:
            raise ValueError(raw)
        return value
    if bounds(raw).values is None:  # text: the page keeps the last good one, else the default
        raise ValueError(raw)
    return raw


def settings(lesson: str, params: dict[str, str]) -> dict:
    """The lesson's settings from the link's parameters; a missing or refused value is the
    page's default (the page shows a notice about it)."""
    out = {}
    for name, (kind, default, bounds) in _spec(lesson).items():
        raw = params.get(name)
        try:
            out[name] = default if raw is None else _read(kind, default, bounds, str(raw))
        except (ValueError, TypeError, OverflowError):
            out[name] = default
    if lesson == "softmax_regression":  # k logits; the true class among them
        out["y"] = min(out["y"], out["k"] - 1)
    if lesson == "softmax_overflow":
        out["y"] = min(out["y"], len(sm.parse_logits(out["logits"]).values) - 1)
    return out


def defaults(lesson: str) -> dict:
    return settings(lesson, {})


# ---- cells ---------------------------------------------------------------------------------

def source(*objects) -> str:
    """The code of `objects`, as the page's code panels show it."""
    return "\n\n\n".join(inspect.getsource(obj).rstrip() for obj in objects)


def constants(module, *names: str) -> str:
    """Module-level constants the inlined code uses, as assignments."""
    return "\n".join(f"{name} = {getattr(module, name)!r}" for name in names)


@dataclass(frozen=True)
class Recipe:
    """What one lesson's notebook runs: imports, inlined code, a run cell and a figure cell."""
    imports: str
    code: str          # inlined from core
    modules: str       # where it came from, e.g. "core/linreg.py"
    run: str           # uses the settings' names; prints the page's numbers
    figure: str        # an Altair chart from the run, the cell's last expression


def _dedent(text: str) -> str:
    return textwrap.dedent(text).strip()


def _normal_mse() -> Recipe:
    return Recipe(
        "import math\n\nimport altair as alt\nimport pandas as pd\nimport torch",
        "\n\n\n".join([source(device.get_device, device.make_generator),
                       constants(normal, "DTYPE", "X_RANGE", "T_DF"),
                       source(normal.sample_noise, normal.make_data, normal.least_squares,
                              normal.mse, normal.nll, normal.argmin_w)]),
        "core/device.py, core/normal.py",
        _dedent("""
            x, y = make_data(w, b, sigma, n, seed)
            w_hat, b_hat = least_squares(x, y)
            w_mse = argmin_w(lambda v: mse(v, b_hat, x, y), w - 2.0)
            w_nll = argmin_w(lambda v: nll(v, b_hat, x, y, sigma), w - 2.0)
            print(f"least squares: w_hat = {w_hat:.6f}, b_hat = {b_hat:.6f}")
            print(f"argmin MSE(w) = {w_mse:.6f}")
            print(f"argmin NLL(w) = {w_nll:.6f}")
            w_grid = torch.linspace(w - 2, w + 2, 201, dtype=DTYPE, device=x.device)
            """),
        _dedent("""
            curves = pd.DataFrame({"w": w_grid.tolist(),
                                   "MSE": mse(w_grid, b_hat, x, y).tolist(),
                                   f"NLL (σ = {sigma})": nll(w_grid, b_hat, x, y, sigma).tolist()})
            alt.Chart(curves.melt("w", var_name="loss")).mark_line().encode(
                x="w", y="value", color="loss").properties(width=420, height=260)
            """))


def _linear_regression(impl: str) -> Recipe:
    train = {"scratch": linreg.train_scratch, "concise": linreg.train_concise}[impl]
    code = {"scratch": (linreg.data_iter, linreg.linreg, linreg.squared_loss, linreg.sgd,
                        linreg.init_scratch),
            "concise": (linreg.load_array, linreg.init_concise)}[impl]
    return Recipe(
        "import dataclasses\nimport math\nimport time\nfrom collections.abc import Iterator\n\n"
        "import altair as alt\nimport pandas as pd\nimport torch\nfrom torch import nn\n"
        "from torch.utils import data",
        source(device.get_device, device.make_generator, data.synthetic_data,
               linreg.TrainConfig, linreg.Record, *code, train, linreg._record,
               linreg._diverged),
        "core/device.py, core/data.py, core/linreg.py",
        _dedent(f"""
            features, labels = synthetic_data(torch.tensor([w1, w2]), b, n, noise,
                                              generator=make_generator(seed))
            cfg = TrainConfig(lr=lr, batch_size=min(batch, n), num_epochs=epochs, seed=seed)
            records = []
            for record in {train.__name__}(features, labels, cfg):
                records.append(record)
                if record.kind in ("init", "epoch", "diverged"):
                    print(f"{{record.kind}} epoch {{record.epoch}}, loss {{record.loss:.9g}}")
            last = records[-1]
            print("w =", [round(v, 6) for v in last.w], " b =", round(last.b, 6))
            """),
        _dedent("""
            steps = pd.DataFrame([{"step": r.step, "loss": r.loss} for r in records
                                  if r.kind == "step"])
            alt.Chart(steps).mark_line().encode(
                x="step", y=alt.Y("loss", scale=alt.Scale(type="log"))
            ).properties(width=480, height=260)
            """))


def _loss_comparison() -> Recipe:
    return Recipe(
        "import altair as alt\nimport pandas as pd\nimport torch",
        "\n\n\n".join([constants(losses, "LOSSES", "FORMS"),
                       source(losses.l2, losses.l1, losses.huber, losses.smooth_l1,
                              losses._form, losses.loss, losses.grad, losses.l2_constant,
                              losses.l1_constant, losses.huber_lr, losses.huber_constant)]),
        "core/losses.py",
        _dedent("""
            x = torch.tensor(data + [outlier], dtype=torch.float64)
            low, high, median = l1_constant(x)
            c_huber, huber_steps, _ = huber_constant(x, delta, form=form)
            print(f"L2 constant (mean): {l2_constant(x):.6f}")
            print(f"L1 constant (median): {median:.6f}")
            print(f"Huber constant: {c_huber:.6f}")
            r = torch.linspace(lo, hi, 101, dtype=torch.float64)
            curves = {name: loss(name, r, delta, form).tolist() for name in LOSSES}
            slopes = {name: grad(name, r, delta, form).tolist() for name in LOSSES}
            """),
        _dedent("""
            table = pd.DataFrame({"r": r.tolist(), **curves}).melt("r", var_name="loss")
            alt.Chart(table).mark_line().encode(x="r", y="value", color="loss").properties(
                width=420, height=260)
            """))


def _softmax_regression() -> Recipe:
    return Recipe(
        "import math\n\nimport altair as alt\nimport pandas as pd\nimport torch",
        "\n\n\n".join([constants(sr, "DTYPE"),
                       source(sr._vec, sr._tuple, sr.softmax, sr.real_softmax,
                              sr.cross_entropy, sr.cross_entropy_from_logits)]),
        "core/softmax_regression.py",
        _dedent("""
            o = logits[:k]
            y_hat = softmax(o, temperature)
            print("softmax(o / T) =", [round(p, 6) for p in y_hat])
            print(f"cross-entropy, true class {y}: {cross_entropy_from_logits(o, y):.6f}")
            """),
        _dedent("""
            bars = pd.DataFrame({"class": list(range(k)), "probability": y_hat})
            alt.Chart(bars).mark_bar().encode(x="class:O", y="probability").properties(
                width=320, height=220)
            """))


def _softmax_overflow() -> Recipe:
    return Recipe(
        "import math\nfrom dataclasses import dataclass\n\nimport altair as alt\n"
        "import pandas as pd\nimport torch",
        "\n\n\n".join([constants(sm, "DTYPES", "_BITS"),
                       source(sm.naive_softmax, sm.stable_softmax, sm.log_softmax, sm.nll,
                              sm.losses, sm.scaled_logits, sm._from_bits, sm.last_true_bits,
                              sm.Limits, sm.exp_limits)]),
        "core/softmax.py",
        _dedent("""
            o = scaled_logits(logits, [scale], dtype)  # (1, n)
            lim = exp_limits(dtype)
            print(f"{dtype}: exp(x) is finite up to x_max = {lim.x_max!r}, inf from {lim.x_max_next!r}")
            print(f"{dtype}: exp(x) > 0 down to x_min = {lim.x_min!r}, 0 from {lim.x_min_next!r}")
            result = losses(o, torch.tensor([y]))
            for method, (_, l) in result.items():
                print(f"{method}: loss = {float(l[0])!r}")
            """),
        _dedent("""
            bars = pd.DataFrame([{"method": m, "class": j, "y_hat": float(v)}
                                 for m, (p, _) in result.items()
                                 for j, v in enumerate((p.exp() if m == "log_sum_exp" else p)[0])])
            alt.Chart(bars).mark_bar().encode(x="class:O", y="y_hat", column="method").properties(
                width=160, height=200)
            """))


def _reader_source(missing: str) -> str:
    """A small Fashion-MNIST reader: the places the app looks, in its order (core/data.py)."""
    return _dedent(f'''
        DEBIAN_DIR = {str(data.DEBIAN_DIR)!r}
        MISSING = {missing!r}
        FILES = {_files()!r}


        def candidate_dirs():
            """FASHION_MNIST_DIR, Debian's package, then the app's download cache."""
            dirs = [Path(os.environ[{data.ENV_DIR!r}])] if os.environ.get({data.ENV_DIR!r}) else []
            cache = os.environ.get({data.ENV_CACHE!r}) or Path.home() / ".cache" / "d2l-linear-nets"
            return dirs + [Path(DEBIAN_DIR), Path(cache)]


        def find(directory, name):
            for sub in (directory, directory / "FashionMNIST" / "raw"):
                for candidate in (sub / name, sub / f"{{name}}.gz"):
                    if candidate.is_file():
                        return candidate
            return None


        def read_idx(path):
            """An IDX file (gzipped or not) as a uint8 (N, 28, 28) or int64 (N,) tensor."""
            raw = path.read_bytes()
            if path.suffix == ".gz":
                raw = gzip.decompress(raw)
            magic, count = int.from_bytes(raw[:4], "big"), int.from_bytes(raw[4:8], "big")
            if magic == 2051:
                return torch.frombuffer(bytearray(raw[16:]), dtype=torch.uint8).reshape(count, 28, 28)
            return torch.frombuffer(bytearray(raw[8:]), dtype=torch.uint8).long()


        def load_fashion_mnist():
            for directory in candidate_dirs():
                found = {{key: find(directory, name) for key, name in FILES.items()}}
                if all(found.values()):
                    return SimpleNamespace(**{{k: read_idx(p) for k, p in found.items()}})
            raise FileNotFoundError(MISSING.format(path=candidate_dirs()[0], env={data.ENV_DIR!r}))
        ''')


def _files() -> dict[str, str]:
    return {key: spec.name for key, spec in data.FILES.items()}


def _softmax_classifier(impl: str, missing: str) -> Recipe:
    make = "init_params(seed)" if impl == "scratch" else "concise_net(seed)"
    train = "train_scratch(*model, data, cfg)" if impl == "scratch" else \
        "train_concise(model, data, cfg)"
    loop = classifier.train_scratch if impl == "scratch" else classifier.train_concise
    return Recipe(
        "import dataclasses\nimport gzip\nimport math\nimport os\nimport time\n"
        "from collections.abc import Callable, Iterator\nfrom pathlib import Path\n"
        "from types import SimpleNamespace\n\nimport altair as alt\nimport pandas as pd\n"
        "import torch\nfrom torch import nn",
        "\n\n\n".join([_reader_source(missing), source(device.make_generator),
                       constants(classifier, "NUM_INPUTS", "NUM_OUTPUTS", "EVAL_BATCH"),
                       source(classifier.TrainConfig, classifier.Epoch, classifier.init_params,
                              classifier.softmax, classifier.net, classifier.cross_entropy,
                              classifier.accuracy, classifier.sgd, classifier.concise_net,
                              classifier.to_float, classifier.minibatches,
                              classifier.evaluate_accuracy, classifier._epoch_record, loop)]),
        "core/data.py (the places it looks), core/device.py, core/classifier.py",
        _dedent(f"""
            data = load_fashion_mnist()
            cfg = TrainConfig(batch_size=bs, lr=lr, num_epochs=epochs, seed=seed)
            model = {make}
            history = []
            for record in {train}:
                history.append(record)
                print(f"epoch {{record.epoch}}: train loss {{record.train_loss:.6f}}, "
                      f"train acc {{record.train_acc:.6f}}, test acc {{record.test_acc:.6f}}")
            print(f"final test accuracy: {{history[-1].test_acc:.6f}}")
            """),
        _dedent("""
            curves = pd.DataFrame([{"epoch": r.epoch, "train loss": r.train_loss,
                                    "train acc": r.train_acc, "test acc": r.test_acc}
                                   for r in history]).melt("epoch", var_name="curve")
            alt.Chart(curves).mark_line(point=True).encode(
                x="epoch:Q", y="value", color="curve").properties(width=420, height=260)
            """))


def recipe(lesson: str, values: dict, texts: dict[str, str]) -> Recipe:
    if lesson == "normal_mse":
        return _normal_mse()
    if lesson == "linear_regression":
        return _linear_regression(values["impl"])
    if lesson == "loss_comparison":
        return _loss_comparison()
    if lesson == "softmax_regression":
        return _softmax_regression()
    if lesson == "softmax_overflow":
        return _softmax_overflow()
    if lesson == "softmax_classifier":
        return _softmax_classifier(values["impl"], texts["missing"])
    raise ValueError(f"no notebook for {lesson!r}")


def settings_cell(lesson: str, values: dict) -> str:
    """The settings as Python assignments (a text is a repr: never code)."""
    values = dict(values)
    if lesson == "loss_comparison":
        values["lo"], values["hi"] = values.pop("range")
        if values["hi"] - values["lo"] < 0.5:  # the page widens an empty range the same way
            values["lo"], values["hi"] = values["lo"] - 1.0, values["hi"] + 1.0
    if lesson == "softmax_regression":
        values["logits"] = [values.pop(f"o{j + 1}") for j in range(len(SR_LOGITS))]
        values["temperature"] = values.pop("temp")
    if lesson == "loss_comparison":
        values["data"] = list(losses.parse_data(values["data"]).values)
    if lesson == "softmax_overflow":
        values["logits"] = list(sm.parse_logits(values["logits"]).values)
    return "\n".join(f"{name} = {value!r}" for name, value in values.items())


# ---- the notebook --------------------------------------------------------------------------

def build(lesson: str, params: dict[str, str], texts: dict[str, str], link: str = "",
          section: str = "") -> nbformat.NotebookNode:
    """The notebook of `lesson` with the settings of `params` (the share link's parameters).

    texts: "title", "from", "section", "settings", "code", "run", "figure", "formulas",
    "missing" (with {path} and {env}), in the page's language.
    """
    values = settings(lesson, params)
    r = recipe(lesson, values, texts)
    head = [f"# {texts['title']}"]
    if section:
        head.append(texts["section"].format(section=section))
    if link:
        head.append(texts["from"].format(link=safe_link(link)))
    imports = (f"{r.imports}\n\nalt.renderers.enable(\"png\")  # the figure as an image, offline\n"
               f"torch.set_num_threads({resources.THREADS})  # as the app's server: sums in the "
               "same order, so the page's numbers to the last digit")
    cells = [
        v4.new_markdown_cell("\n\n".join(head)),
        v4.new_markdown_cell(texts["formulas"]),
        v4.new_code_cell(imports),
        v4.new_markdown_cell(texts["code"].format(modules=r.modules)),
        v4.new_code_cell(r.code),
        v4.new_markdown_cell(texts["settings"]),
        v4.new_code_cell(settings_cell(lesson, values)),
        v4.new_markdown_cell(texts["run"]),
        v4.new_code_cell(r.run),
        v4.new_markdown_cell(texts["figure"]),
        v4.new_code_cell(r.figure),
    ]
    nb = v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def safe_link(link: str) -> str:
    """The share link as a Markdown autolink, its characters percent-encoded where Markdown
    or HTML would read them (the link carries a student's typed text)."""
    encoded = re.sub(r"[^A-Za-z0-9:/?&=%#+,.\-_~]", lambda m: "".join(
        f"%{b:02X}" for b in m.group(0).encode("utf-8")), link)
    return f"<{encoded}>"


def file_name(lesson: str, params: dict[str, str], step: int | None = None) -> str:
    """lesson, section and the settings that differ from the page's defaults, e.g.
    linear-regression_s7_impl-concise_lr-0.1.ipynb."""
    values, base = settings(lesson, params), defaults(lesson)
    parts = [URL_PATHS[lesson]] + ([f"s{step}"] if step else [])
    for name, value in values.items():
        if value != base[name]:
            text = ",".join(f"{v:g}" for v in value) if isinstance(value, tuple) else \
                f"{value:g}" if isinstance(value, float) else str(value)
            parts.append(f"{name}-{text}")
    stem = re.sub(r"[^A-Za-z0-9.,=+\-_]", "", "_".join(parts))[:120]
    return f"{stem}.ipynb"


def to_bytes(nb: nbformat.NotebookNode) -> bytes:
    nbformat.validate(nb)
    return nbformat.writes(nb).encode("utf-8")


# ---- the class experiment's board ----------------------------------------------------------

BOARD_FIGURE = {"linreg": ("train_loss", "log"), "classifier": ("test_acc", "linear")}


def board(csv_text: str, lesson: str, book: tuple[float, int, int], texts: dict[str, str],
          link: str = "") -> nbformat.NotebookNode:
    """A notebook that redraws the board's scatter from the room's CSV (classroom.board.to_csv):
    each run's last value of the board's curve (the classifier's test accuracy, linear
    regression's training loss) against its learning rate, coloured by batch size, sized by
    epochs, with the book's learning rate as a rule.

    texts: "title", "from", "intro", "figure"."""
    column, scale = BOARD_FIGURE[lesson]
    head = [f"# {texts['title']}"] + ([texts["from"].format(link=safe_link(link))] if link else [])
    load = _dedent(f"""
        CSV = {csv_text!r}
        LESSON, BOOK_LR = {lesson!r}, {book[0]!r}
        runs = pd.read_csv(io.StringIO(CSV))
        runs = runs[runs["lesson"] == LESSON].copy()
        runs["value"] = [float(str(s).split()[-1]) for s in runs[{column!r}]]  # the last epoch's
        print(f"runs: {{len(runs)}}")
        if len(runs):
            print(f"median: {{runs['value'].median():.6g}}")
            best = runs["value"].{"idxmax" if scale == "linear" else "idxmin"}()
            print(f"best: {{runs.loc[best, 'value']:.6g}} (lr {{runs.loc[best, 'lr']:g}})")
        """)
    figure = _dedent(f"""
        dots = alt.Chart(runs).mark_circle(opacity=0.8).encode(
            x=alt.X("lr:Q", scale=alt.Scale(type="log")),
            y=alt.Y("value:Q", title={column!r}, scale=alt.Scale(type={scale!r})),
            color=alt.Color("batch_size:O", scale=alt.Scale(scheme="viridis")),
            size="epochs:O", tooltip=["pseudonym", "lr", "batch_size", "epochs", "value"])
        rule = alt.Chart(pd.DataFrame({{"lr": [BOOK_LR]}})).mark_rule(
            strokeDash=[6, 4], color="gray").encode(x="lr:Q")
        (rule + dots).properties(width=520, height=320)
        """)
    nb = v4.new_notebook(cells=[
        v4.new_markdown_cell("\n\n".join(head)),
        v4.new_markdown_cell(texts["intro"]),
        v4.new_code_cell("import io\n\nimport altair as alt\nimport pandas as pd\n\n"
                         "alt.renderers.enable(\"png\")  # the figure as an image, offline"),
        v4.new_code_cell(load),
        v4.new_markdown_cell(texts["figure"]),
        v4.new_code_cell(figure),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    return nb
