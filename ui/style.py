"""The app's CSS: a phone layout always, and a projector layout in lecture mode.

The router calls `apply()` once per run. Every rule is a fixed string written here (no user
text ever reaches it); selectors use Streamlit's stable `data-testid`s and the `st-key-…`
classes of keyed elements.
"""

import streamlit as st

from ui import keys, lesson

# Always: no page may scroll sideways on a 390 px phone. Wide things scroll inside their own
# box (with a visible scrollbar as the hint); display equations shrink or scroll.
PHONE_CSS = """
.katex-display { overflow-x: auto; overflow-y: hidden; padding-bottom: 2px; }
[data-testid="stVegaLiteChart"], [data-testid="stArrowVegaLiteChart"] { overflow-x: auto; }
[data-testid="stMarkdownContainer"] pre, [data-testid="stCode"] pre { overflow-x: auto; }
[class*="st-key-_scroll_hint"] { display: none; }
/* a picture's caption breaks between words only ("pullo/ver" was cut on a phone) */
[data-testid="stImageCaption"], [data-testid="stImageCaption"] * { overflow-wrap: normal;
  word-break: normal; }
/* one export route per chart, with one naming: the app's Export menu (ui.charts), not
   Streamlit's own toolbar button, whose files are all called …_chart.png */
[data-testid="stElementToolbarButton"]:has(> button[aria-label="Download as PNG"]),
[data-testid="stElementToolbar"] button[aria-label="Download as PNG"] { display: none; }
@media (max-width: 640px) {
  [class*="st-key-_scroll_hint"] { display: block; }
  /* tap targets of at least 24 x 24 px (WCAG 2.2, 2.5.8): radio options, checkboxes, help
     icons, an uploaded file's remove button */
  [data-testid="stRadio"] label, [data-testid="stCheckbox"] label { min-height: 24px;
    align-items: center; }
  [data-testid="stRadio"] [role="radiogroup"] { row-gap: 0.35rem; }
  [data-testid="stTooltipHoverTarget"] button,
  [data-testid="stFileUploaderDeleteBtn"] button { min-width: 24px; min-height: 24px;
    display: inline-flex; align-items: center; justify-content: center; }
  .katex-display > .katex { font-size: 0.92em; }
  [data-testid="stMain"] .block-container { padding-left: 0.8rem; padding-right: 0.8rem; }
  /* image grids keep their columns: a row of thumbnails stays a row (not the home cards) */
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stImage"]):not(
    :has([class*="st-key-home_card"])) { flex-wrap: nowrap; gap: 0.25rem; }
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stImage"]):not(
    :has([class*="st-key-home_card"])) > [data-testid="stColumn"] {
    min-width: 0; width: auto; flex: 1 1 0; }
  /* a row of six pictures or more (the classifier's nine training images) wraps, five to a
     row, so that each caption fits under its picture whole */
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]:nth-child(6)
    [data-testid="stImage"]) { flex-wrap: wrap; row-gap: 0.5rem; }
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]:nth-child(6)
    [data-testid="stImage"]) > [data-testid="stColumn"] {
    flex: 0 0 calc((100% - 4 * 0.25rem) / 5); }
}
"""

# Lecture mode: everything grows, not only paragraphs; Back/Next stay at the bottom of the
# screen, and the sidebar starts collapsed.
LECTURE_CSS = """
[data-testid="stMain"] p, [data-testid="stMain"] li { font-size: 1.5rem; line-height: 1.5; }
[data-testid="stMain"] h1 { font-size: 3rem; }
[data-testid="stMain"] h2 { font-size: 2.3rem; }
[data-testid="stMain"] h3 { font-size: 1.9rem; }
[data-testid="stMain"] .katex { font-size: 1.45em; }
[data-testid="stMain"] .katex-display { font-size: 1.5rem; }
[data-testid="stMain"] label p, [data-testid="stMain"] [data-baseweb="select"] div,
[data-testid="stMain"] [data-baseweb="select"] span, [data-testid="stMain"] input,
[data-testid="stMain"] [data-testid="stImageCaption"] { font-size: 1.3rem !important; }
[data-testid="stMain"] [data-testid="stCaptionContainer"],
[data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 1.25rem; }
[data-testid="stMain"] [data-testid="stWidgetLabel"] p { font-size: 1.35rem !important; }
[data-testid="stMain"] [data-testid="stRadioOption"],
[data-testid="stMain"] [data-testid="stCheckbox"] label { font-size: 1.3rem; }
[data-testid="stMain"] [data-testid="stMetricLabel"] p { font-size: 1.35rem; }
[data-testid="stMain"] [data-testid="stMetricValue"],
[data-testid="stMain"] [data-testid="stMetricValue"] > div,
[data-testid="stMain"] [data-testid="stMetricValue"] p {  /* its value is a paragraph: the
  rule for paragraphs above shrank the board's counts to 24 px */
  font-size: 2.8rem !important; line-height: 1.2; }
[data-testid="stMain"] [data-testid="stSliderThumbValue"] { font-size: 1.3rem; }
/* the value above the thumb needs its own line between the label and the track */
[data-testid="stMain"] [data-testid="stSlider"] [data-testid="stWidgetLabel"] {
  margin-bottom: 1.9rem; }
[data-testid="stMain"] [data-testid="stSliderTickBarMin"],
[data-testid="stMain"] [data-testid="stSliderTickBarMax"] { font-size: 1.15rem; }
[data-testid="stMain"] code, [data-testid="stMain"] pre { font-size: 1.2rem; }
[data-testid="stMain"] [data-testid="stTable"] td,
[data-testid="stMain"] [data-testid="stTable"] th { font-size: 1.3rem; }
[data-testid="stMain"] [data-testid="stDataFrame"] { zoom: 1.35; }
[data-testid="stMain"] button p { font-size: 1.3rem; }
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; padding-bottom: 8rem; }
/* the browser's scroll anchoring kept the end of a section in view when the next one grew
   (its charts drawn): a new section opens at its start */
[data-testid="stMain"] { overflow-anchor: none; }
.st-key-_lesson-nav {
  position: fixed; bottom: 0; left: 0; right: 0; z-index: 999990;
  background: var(--background-color, #ffffff); border-top: 1px solid #d0d0d0;
  padding: 0.5rem 2rem; box-shadow: 0 -2px 8px rgba(0, 0, 0, 0.08); }
.st-key-_lesson-nav button { min-height: 3rem; }
.st-key-_lesson-nav p { font-size: 1.5rem !important; margin: 0; }
"""

# Lecture mode: the keys a presenter clicker sends. A section is a slide: the forward key
# first shows the rest of a section taller than the screen (above the fixed Back/Next bar),
# then clicks Next; the back key first scrolls up to the section's start, then clicks Back
# (the server decides the step). The listener sits on the window in the capture phase, so it
# sees a key before the control that has focus does: after the teacher touched a slider, a
# radio, a select or a button with the mouse, the clicker still drives the lecture and the
# control keeps its value. Only a field being typed in (text, number, text area) keeps its keys.
# Added once per browser tab; outside lecture mode (no Back/Next bar, no `lecture=1` in the
# link) the keys do what they always do. A key pressed while a run draws the page and the bar
# is not there yet waits for it, up to 10 s.
CLICKER_JS = """
<script>
if (!window.d2lClicker2) {
  window.d2lClicker2 = true;
  const TYPED = "textarea, [contenteditable]:not([contenteditable='false']), input:not(" +
    "[type=range]):not([type=radio]):not([type=checkbox]):not([type=button]):not(" +
    "[type=submit]):not([type=reset]):not([type=file]):not([type=color])";
  const SELECT = "[data-testid='stSelectbox'], [data-testid='stMultiSelect'], [role='combobox']";
  const typing = (el) => !!(el && el.closest && el.closest(TYPED) &&
    !el.closest(SELECT));  // a select's search box is a control
  const main = () => document.querySelector("[data-testid='stMain']");
  // The visible part of the lecture: from under the app's header to the Back/Next bar.
  const view = () => {
    const nav = document.querySelector(".st-key-_lesson-nav");
    const header = document.querySelector("[data-testid='stHeader']");  // fixed, over it
    const top = Math.max(main().getBoundingClientRect().top, 0,
                         header ? header.getBoundingClientRect().bottom : 0);
    return {top, bottom: nav ? nav.getBoundingClientRect().top : window.innerHeight, nav};
  };
  // Where the section's content ends on screen (the bar itself left out).
  const contentBottom = (nav) => {
    let bottom = -Infinity;
    const blocks = document.querySelectorAll(
      "[data-testid='stMainBlockContainer'] > [data-testid='stVerticalBlock'] > *");
    for (const e of blocks) {
      if (nav && (e.contains(nav) || nav.contains(e))) continue;
      const r = e.getBoundingClientRect();
      if (r.height > 0) bottom = Math.max(bottom, r.bottom);
    }
    return bottom;
  };
  // The browser tests measure with these, and wait for the clicker to act on a key: `acted`
  // counts the keys it acted on, `last` says how ("scroll", "next", "back", "none" at the
  // first or last section, "dropped" when the bar never came).
  window.d2lLecture = {view, contentBottom, acted: 0, last: null};
  const done = (what) => { window.d2lLecture.acted += 1; window.d2lLecture.last = what; };
  // Scroll within the section when part of it is out of view; false when there is none.
  const scrollWithin = (forward) => {
    const box = main();
    if (!box) return false;
    const {top, bottom, nav} = view();
    const page = Math.max((bottom - top) * 0.85, 80);  // an overlap keeps the reader's place
    if (forward) {
      const hidden = contentBottom(nav) - bottom;
      const room = box.scrollHeight - box.clientHeight - box.scrollTop;
      if (hidden <= 2 || room <= 1) return false;
      box.scrollBy({top: Math.min(hidden + 24, page, room), behavior: "instant"});
      return true;
    }
    const heading = box.querySelector("h2");
    const above = heading ? top + 16 - heading.getBoundingClientRect().top : 0;
    if (above <= 2 || box.scrollTop <= 0) return false;
    box.scrollBy({top: -Math.min(above, page), behavior: "instant"});
    return true;
  };
  // The key's action: scroll within the section, or press Back / Next once the bar is there.
  let pending = null, waiting = null;
  const lectureLink = () => ["1", "true", "on"].includes(
    new URLSearchParams(location.search).get("lecture"));
  const running = () => document.querySelector("[data-testid='stApp']")
    ?.getAttribute("data-test-script-state") === "running";
  const press = () => {
    waiting = null;
    if (!pending) return;
    if (Date.now() > pending.until) { pending = null; done("dropped"); return; }
    const button = document.querySelector(
      pending.forward ? ".st-key-_lesson-next button" : ".st-key-_lesson-back button");
    if (!button) {  // wait for the run to draw the bar; a run that ends without it has none
      if (running()) waiting = setTimeout(press, 50); else { pending = null; done("dropped"); }
      return;
    }
    const forward = pending.forward;
    pending = null;
    if (scrollWithin(forward)) {  // lesson.finish's late scroll to the start leaves it be
      window.d2lScrolledIn = new URLSearchParams(location.search).get("step");
      done("scroll");
      return;
    }
    window.d2lScrolledIn = null;
    if (button.disabled) { done("none"); return; }
    button.click();
    done(forward ? "next" : "back");
  };
  window.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const forward = ["ArrowRight", "PageDown"].includes(event.key) ||
      (event.key === " " && !event.shiftKey);
    const backward = ["ArrowLeft", "PageUp"].includes(event.key) ||
      (event.key === " " && event.shiftKey);
    if (!forward && !backward) return;
    // Not in lecture mode, or a page without sections: the keys keep their usual meaning. A
    // lesson's bar may be away while a run draws the page: the key waits for it.
    if (!document.querySelector(".st-key-_lesson-nav") && !(lectureLink() && running())) return;
    const focused = document.activeElement;
    if (typing(event.target) || typing(focused)) return;  // the teacher is typing
    event.preventDefault();
    event.stopImmediatePropagation();  // the focused control never sees the key
    if (focused && focused !== document.body && focused.blur) focused.blur();
    pending = {forward, until: Date.now() + 10000};  // a later key replaces a waiting one
    if (!waiting) press();
  }, true);
  // After a touch of a control with the mouse, focus returns to the lecture (a text field
  // keeps it: the teacher is about to type).
  window.addEventListener("pointerup", (event) => {
    if (!document.querySelector(".st-key-_lesson-nav")) return;
    setTimeout(() => {
      const focused = document.activeElement;
      if (!focused || focused === document.body || typing(focused)) return;
      if (focused.closest(SELECT + ", [role='dialog'], [role='listbox']")) return;  // an open
      // list is being used
      if (focused.closest("[data-testid='stMain']")) focused.blur();
    }, 0);
  }, true);
}
</script>
"""


# Streamlit's frontend can fail to apply a message from the server, most likely a race among
# its fragment reruns: the regression's Train on the whole page failed so in three `make test`
# runs beside busy_cpu.py ("Bad delta path index 1") and once in a quiet one ("'setIn' cannot
# be called on an ElementNode"). The page then goes blank and stops talking to the server: a
# student would see a white screen. Reload it instead, once a minute at most (never a loop),
# at its own link: the settings and the section come back, and a run that ended meanwhile is
# in the room's cache, so Train shows it at once. The error may come as an uncaught exception
# or as a rejected promise (the message handler is asynchronous): both are heard.
RECOVER_JS = """
<script>
if (!window.d2lRecover) {
  window.d2lRecover = true;
  const FATAL = /Bad delta path index|Cannot set a node at a delta path|'setIn' cannot be called/;
  const recover = (message) => {
    if (!FATAL.test(String(message || ""))) return;
    const last = Number(sessionStorage.getItem("d2lRecovered") || 0);
    if (Date.now() - last < 60000) return;
    sessionStorage.setItem("d2lRecovered", String(Date.now()));
    location.reload();
  };
  window.addEventListener("error", (event) => recover(event.message));
  window.addEventListener("unhandledrejection", (event) => recover(event.reason?.message));
}
</script>
"""


def apply() -> None:
    """The router calls this once per run, after the sidebar's lecture switch."""
    lecture = lesson.lecture()
    st.set_page_config(initial_sidebar_state="collapsed" if lecture else "auto")
    box = keys.selector(keys.PAGE_SCRIPTS)  # hidden with the wrapper Streamlit puts it in
    hidden = f"{box}, [data-testid='stLayoutWrapper']:has(> {box}) {{display: none}}"
    st.html(f"<style>{PHONE_CSS}{LECTURE_CSS if lecture else ''}{hidden}</style>")
    with st.container(key=keys.PAGE_SCRIPTS):  # an element each: hidden, they leave no gap
        st.html((CLICKER_JS if lecture else "") + RECOVER_JS, unsafe_allow_javascript=True)
