"""Altair chart builders (one module per page) and `show`, the one way a chart is drawn.

`show` gives every chart the same treatment: full width, type readable from the back row
(larger in lecture mode), and one small Export menu in its corner (PNG and SVG rendered
locally by vl-convert, the data as CSV). Pages never call st.altair_chart directly.

One convention for every builder: the data positional, every translated text a keyword
argument named after what it labels (`title`, `x_title`, `y_title`, `legend`, `*_label`).
"""

import dataclasses
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

import altair as alt
import pandas as pd
import streamlit as st
from streamlit import dataframe_util

from ui import keys, lesson
from ui.i18n import lang, t

# A palette colour-blind readers can tell apart (Okabe & Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000"]
_COUNT = keys.CHARTS_COUNT
WIDE = (alt.HConcatChart, alt.FacetChart)  # panels of a fixed width, wider than a phone
# Altair checks every spec against Vega-Lite's JSON schema, once per object it creates and
# again when Streamlit converts the chart: 25-35 % of a slider's rerun on the loss page.
# The tests check every chart of every page (tests/conftest.py sets D2L_VALIDATE_CHARTS=1,
# and the servers of the browser tests inherit it); a student's server skips the check.
VALIDATE = os.environ.get("D2L_VALIDATE_CHARTS") == "1"
# Validation is of the whole spec, once, where a chart is drawn (to_dict); Altair's debug mode
# would also validate every part as it is built (a third of a page run's time in the tests).
alt.utils.schemapi.DEBUG_MODE = False


def frames(chart) -> list[pd.DataFrame]:
    """Every data frame a (possibly layered or concatenated) chart draws."""
    found = []
    data = getattr(chart, "data", None)
    if isinstance(data, pd.DataFrame):
        found.append(data)
    for attr in ("layer", "hconcat", "vconcat", "concat"):
        for sub in getattr(chart, attr, None) or []:
            found += [f for f in frames(sub) if not any(f is g for g in found)]
    return found


def to_csv(chart) -> str:
    """The chart's data as CSV (layers stacked, with a `layer` column when there are several)."""
    parts = frames(chart)
    if len(parts) == 1:
        return parts[0].to_csv(index=False)
    return pd.concat(parts, keys=range(len(parts)), names=["layer", None]).reset_index(
        level=0).to_csv(index=False)


# Type sizes in px: readable from the back row of a lecture hall, larger in lecture mode.
FONTS = {"label": 14, "title": 15, "heading": 16}
LECTURE_FONTS = {"label": 20, "title": 22, "heading": 24}
LECTURE_HEIGHT = 1.1  # charts grow a little with their type in lecture mode: at 1.35 only
# 20 of the 42 lecture sections fit a 1080 px projector above the Back/Next bar
INK = "#1a1a1a"        # axis text: dark enough for a washed-out projector


def styled(chart, lecture: bool = False):
    """Every chart's type: large, dark, never truncated; bigger and taller in lecture mode.

    One shallow copy with the whole config set at once: four configure_*() calls copied the
    chart four times (150 ms for one layered chart, redrawn every epoch while training)."""
    size = LECTURE_FONTS if lecture else FONTS
    chart = _text_at_least(chart.copy(deep=False), size["label"])  # the builder's stays
    if lecture and isinstance(getattr(chart, "height", None), int):
        chart.height = round(chart.height * LECTURE_HEIGHT)
    chart.config = alt.Config(
        axis=alt.AxisConfig(labelFontSize=size["label"], titleFontSize=size["title"],
                            labelColor=INK, titleColor=INK, titleFontWeight="normal",
                            labelLimit=260),
        legend=alt.LegendConfig(labelFontSize=size["label"], titleFontSize=size["label"],
                                labelColor=INK, titleColor=INK, labelLimit=0, titleLimit=0,
                                symbolSize=160),
        title=alt.TitleConfig(fontSize=size["heading"], color=INK, limit=0),
        header=alt.HeaderConfig(labelFontSize=size["label"], titleFontSize=size["title"],
                                labelColor=INK))
    if not VALIDATE:  # Streamlit calls chart.to_dict() with no arguments: skip the check
        to_dict = chart.to_dict
        object.__setattr__(chart, "to_dict",
                           lambda *args, **kw: to_dict(*args, **{"validate": False, **kw}))
    return chart


def _text_at_least(chart, px: int):
    """Value labels on bars and peaks (text marks) at least the axis labels' size: 13 px
    labels beside 20 px axes could not be read from the back row. A text mark with a width
    `limit` is fitted to a fixed layout (the classifier's grid) and keeps its size. Layers
    changed are copies: `chart` is a shallow copy already."""
    mark = getattr(chart, "mark", None)
    if isinstance(mark, alt.MarkDef) and mark.type == "text" and \
            isinstance(mark.fontSize, int | float) and mark.fontSize < px and \
            mark.limit is alt.Undefined:
        mark = mark.copy()
        mark.fontSize = px
        chart.mark = mark
    for attr in ("layer", "hconcat", "vconcat", "concat"):
        parts = getattr(chart, attr, alt.Undefined)
        if isinstance(parts, list):
            setattr(chart, attr, [_text_at_least(part.copy(deep=False), px) for part in parts])
    return chart


def _positional(data, found: list[tuple[str, pd.DataFrame]]):
    """An Altair data transformer: a DataFrame becomes a reference to a data set named by its
    position (equal frames share one name), collected in `found`."""
    if not isinstance(data, pd.DataFrame):
        return alt.default_data_transformer(data)
    name = next((n for n, f in found if f is data or f.equals(data)), None)
    if name is None:
        name = f"data-{len(found)}"
        found.append((name, data))
    return {"name": name}


alt.data_transformers.register("d2l_positional", _positional)
_ALTAIR_LOCK = threading.Lock()  # if Streamlit's own lock ever moves


def vega_spec(chart) -> dict:
    """The chart's Vega-Lite spec, its data sets named by position (data-0, data-1, …).

    st.altair_chart names each data set by a hash of its content, so the spec changes with
    every new number and the browser builds a new Vega view (parse, compile, draw) for each
    move of a slider. With names that do not change, a chart whose spec stays the same gets
    its new data in place (scripts/bench_browser.py's lecture-mode slider figures)."""
    from streamlit.elements import vega_charts  # the lock Streamlit holds around alt.theme

    found: list[tuple[str, pd.DataFrame]] = []
    lock = getattr(vega_charts, "_altair_globals_lock", _ALTAIR_LOCK)  # private in Streamlit
    with (lock,  # Altair's theme and data transformer are global
          alt.theme.enable("none"),  # no 300 px defaults (as st.altair_chart)
          alt.data_transformers.enable("d2l_positional", found=found)):
        spec = chart.to_dict(validate=VALIDATE)
    spec["datasets"] = {**spec.get("datasets", {}), **dict(found)}
    return spec


def file_name(chart, name: str | None) -> str:
    """A descriptive export file name: the page, then what the chart shows."""
    page = st.session_state.get(keys.URL_PAGE, "") or "overview"
    what = name or (chart.name if isinstance(getattr(chart, "name", None), str) else None)
    if what is None:
        what = f"chart-{st.session_state.get(_COUNT, 0)}"
    return re.sub(r"[^a-z0-9]+", "-", f"d2l-{page}-{what}".lower()).strip("-")


def _export(chart, box, name: str) -> None:
    """The Export menu: PNG, SVG and CSV made from `chart` (or what the function `chart`
    builds: a Ready's from a template) on a click only."""
    index = st.session_state.get(_COUNT, 0)
    st.session_state[_COUNT] = index + 1  # unique widget keys, even for a chart redrawn live

    def built():
        return chart if isinstance(chart, alt.TopLevelMixin) else chart()

    def spec() -> str:  # built on click only: serialising a big chart costs time
        with alt.data_transformers.disable_max_rows():
            return built().to_json()

    def png() -> bytes:
        import vl_convert

        return vl_convert.vegalite_to_png(spec(), scale=2)

    def svg() -> str:
        import vl_convert

        return vl_convert.vegalite_to_svg(spec())

    corner = box.container(horizontal=True, horizontal_alignment="right")
    with corner.popover(t("export"), icon=":material/download:", type="tertiary"):
        st.caption(f"{name}.png · .svg · .csv")
        st.download_button("PNG", png, f"{name}.png", "image/png", key=f"_png{index}",
                           on_click="ignore")
        st.download_button("SVG", svg, f"{name}.svg", "image/svg+xml", key=f"_svg{index}",
                           on_click="ignore")
        st.download_button("CSV", lambda: to_csv(built()), f"{name}.csv", "text/csv",
                           key=f"_csv{index}", on_click="ignore")


def draw_spec(spec: dict, *, container=st):
    """Draw a spec made by vega_spec(styled(chart)) full width, without an Export menu: a
    live chart redrawn while training, whose spec its builder keeps (`container` may be an
    st.empty() slot, as for `show`). Its data sets may be Arrow already (`arrowed`)."""
    return container.container().vega_lite_chart(spec=dict(spec), width="stretch")


def arrowed(spec: dict | None) -> dict | None:
    """`spec` with its data sets as the Arrow bytes Streamlit would make of them at every draw
    (st.vega_lite_chart passes bytes on as they are): for a spec drawn again and again, such as
    a room's run replayed by 200 pages, whose frames' conversion was a tenth of the server's
    work (bench_hall_ws, py-spy). The rest is shared with `spec`."""
    if not spec or not spec.get("datasets"):
        return spec
    return {**spec, "datasets": {
        name: data if isinstance(data, bytes) or data is None
        else dataframe_util.convert_anything_to_arrow_bytes(data)
        for name, data in spec["datasets"].items()}}


@dataclasses.dataclass(frozen=True)
class Ready:
    """A chart styled for a view (lecture mode or not) and its Vega-Lite spec, ready to draw:
    what `show` spends most of its time on, kept by `memo` for charts drawn again and again.

    `chart` may be the function that builds it, for a spec filled into a `template`: the
    Export menu builds it on a click only; `name` then names the export files and `wide`
    says whether it is one of WIDE."""
    chart: alt.TopLevelMixin | Callable[[], alt.TopLevelMixin]
    spec: dict | None       # None: nothing to draw yet (every data frame empty)
    name: str | None = None
    wide: bool = False
    wire: dict | None = None  # the spec as drawn, its data in Arrow (`arrowed`: by `memo`)


def ready(chart: alt.TopLevelMixin, spec: bool = True) -> Ready:
    """`chart` styled, and its spec (`spec=False`: an empty one, for st.altair_chart)."""
    parts = frames(chart)
    if parts and all(part.empty for part in parts):  # nothing to draw yet: no empty axes
        return Ready(chart, None)
    chart = styled(chart, lesson.lecture())
    return Ready(chart, vega_spec(chart) if spec else {})


MEMO_ENTRIES = 256  # charts kept by `memo`, for the whole server (a few KiB to 40 KiB each)
_memo: OrderedDict[Hashable, Ready] = OrderedDict()
_memo_lock = threading.Lock()


def memo(key: Hashable, build: Callable[[], alt.TopLevelMixin | Ready],
         spec: bool = True) -> Ready:
    """build(), ready to draw, once per server for each `key` (and language and view): for a
    chart drawn again and again with the same content, such as a finished run's curves and
    weights, which every page run of every student who replays the same run draws (a room
    of 200 shares one run: 0.2-0.3 s of the server's one interpreter each, for the same
    spec). `key` must name everything the chart shows (its data, by value); the least
    recently used of MEMO_ENTRIES are dropped. `spec=False`: the chart only, for a chart with
    a selection (st.altair_chart converts it). `build` may return a Ready (from a template):
    it is kept as it is."""
    def made() -> Ready:
        built = build()
        kept = built if isinstance(built, Ready) else ready(built, spec)
        return dataclasses.replace(kept, wire=arrowed(kept.spec))

    return _kept(_memo, MEMO_ENTRIES, (key, lang(), lesson.lecture(), spec), made)


LIVE_ENTRIES = 64  # live charts' specs kept by `memo_spec`, apart from `memo`'s
_live: OrderedDict[Hashable, dict] = OrderedDict()


def memo_spec(key: Hashable, build: Callable[[], dict]) -> dict:
    """arrowed(build()), once per server for each `key` (and language and view): the spec of
    a live chart (draw_spec), such as the frames of a room's run replayed by every page that
    asks for it. Kept apart from `memo`, so that a room's varied runs, each drawn live, do
    not push out the charts drawn again and again."""
    return _kept(_live, LIVE_ENTRIES, (key, lang(), lesson.lecture()),
                 lambda: arrowed(build()))


def _kept(store: OrderedDict, entries: int, key: Hashable, make: Callable):
    """store[key], made once (the least recently used of `entries` dropped)."""
    with _memo_lock:
        kept = store.get(key)
        if kept is not None:
            store.move_to_end(key)
            return kept
    kept = make()
    with _memo_lock:
        store[key] = kept
        while len(store) > entries:
            store.popitem(last=False)
    return kept


TEMPLATE_ENTRIES = 64  # templates kept, for the whole server (a chart's shapes: a few each)
_templates: OrderedDict[Hashable, dict] = OrderedDict()


def template(key: Hashable, build: Callable[[], alt.TopLevelMixin], lecture: bool) -> dict:
    """vega_spec(styled(build(), lecture)), once per server for each `key`, its data sets
    named but empty (None): the spec of a chart whose data and a few values change from
    draw to draw, which `patched` puts in a copy. `key` must name everything else the chart
    shows (its texts, so the language; `lecture` is part of it). Altair takes tens to
    hundreds of ms of the server's one interpreter to build a layered chart: a room of
    varied runs built one at every poll. Shared: never change it, patch it."""
    def made() -> dict:
        spec = vega_spec(styled(build(), lecture))
        spec["datasets"] = dict.fromkeys(spec["datasets"])  # the template keeps no data
        return spec

    return _kept(_templates, TEMPLATE_ENTRIES, (key, lecture), made)


def patched(spec: dict, values: dict[tuple, object]) -> dict:
    """`spec` with the value at each path (keys and list indexes from the top, such as
    ("layer", 0, "encoding", "x", "scale", "domain")) replaced. The dicts and lists on those
    paths are copied, once each; everything else is shared with `spec`, which stays as it
    was. A path that is not in `spec` raises: its builder has put the value elsewhere."""
    top = dict(spec)
    copied = {id(top)}
    for path, value in values.items():
        node = top
        for step in path[:-1]:
            child = node[step]
            if id(child) not in copied:
                child = dict(child) if isinstance(child, dict) else list(child)
                node[step] = child
                copied.add(id(child))
            node = child
        if isinstance(node, dict) and path[-1] not in node:
            raise KeyError(f"{path} is not in the spec")
        node[path[-1]] = value  # a list's index out of range raises IndexError
    return top


def show(chart: alt.TopLevelMixin | Ready, *, name: str | None = None, container=st,
         export: bool = True, **kwargs):
    """Draw `chart` full width, large type, one Export menu in its top-right corner.

    `chart` may come `ready` (or from `memo`). `container` may be an st.empty() slot: the
    chart and its menu replace what it held. `name` (else the chart's own `name`) makes the
    export file names descriptive.
    """
    selects = "on_select" in kwargs  # its state comes back through st.altair_chart
    drawn = chart if isinstance(chart, Ready) else ready(chart, spec=not selects)
    assert not (selects and drawn.spec), "a chart with a selection is drawn from the chart"
    if drawn.spec is None:
        return container.container()
    chart = drawn.chart
    box = container.container()
    if export:
        _export(chart, box, file_name(chart, name or kwargs.get("key") or drawn.name))
    if selects:
        shown = box.altair_chart(chart, width="stretch", **kwargs)
    else:  # Streamlit copies the spec's top level before it takes the data sets out
        shown = box.vega_lite_chart(spec=dict(drawn.wire or drawn.spec), width="stretch",
                                    **kwargs)
    if drawn.wide or isinstance(chart, WIDE):  # fixed-width panels: on a phone they scroll
        box.container(key=f"_scroll_hint{st.session_state.get(_COUNT, 0)}").caption(
            t("chart.scroll_hint"))  # shown on narrow screens only (ui/style.py)
    return shown
