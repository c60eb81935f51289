"""A real browser presses Train with the book's defaults and waits for the final chart.

The time from the click to the book's checks (drawn after the last epoch's chart) is
measured and written to artifacts/softmax_classifier_train.json; it is reported, never
asserted (the machine is shared).
"""

import json
import re
import time

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS, PAGE_URLS, wait_for_app

pytestmark = [pytest.mark.browser, pytest.mark.realdata]

# In the page: when the click happened, and when the book's checks (drawn right after the
# last epoch's chart) first appear. Timing inside the page leaves out Playwright's own
# waiting before it clicks.
WATCH = """() => {
  window.__sc = {click: 0, done: 0};
  document.addEventListener("click", () => { window.__sc.click = performance.now(); }, true);
  const check = () => {
    if (window.__sc.click && !window.__sc.done
        && /test accuracy [0-9.]+ > 0.7/.test(document.body.textContent)) {
      requestAnimationFrame(() => { window.__sc.done = performance.now(); });
    }
  };
  new MutationObserver(check).observe(document.body,
      {subtree: true, childList: true, attributes: true, characterData: true});
}"""


def test_train_click_reaches_the_final_chart(server, page):
    # a fresh server answers its very first deep link with a "Page not found" dialog
    page.goto(f"{server}/?lang=en")
    wait_for_app(page)
    page.goto(f"{server}/{PAGE_URLS['softmax_classifier']}?lang=en&all=1")
    wait_for_app(page)
    train = page.locator(".st-key-sc-train button")
    page.evaluate(WATCH)
    start = time.perf_counter()
    train.click()
    page.wait_for_function("() => window.__sc.done", timeout=120_000)
    seconds = page.evaluate("() => (window.__sc.done - window.__sc.click) / 1000")
    outside = time.perf_counter() - start
    wait_for_app(page)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    # curves, bars, weights, confusion: at least four charts
    expect(page.locator('[data-testid="stVegaLiteChart"]').nth(3)).to_be_attached()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "softmax_classifier_train.json").write_text(json.dumps(
        {"figure": "train_click_to_final_chart_seconds", "value": round(seconds, 2),
         "unit": "s", "epochs": 10, "batch_size": 256,
         "with_playwright_click_wait": round(outside, 2)}))
    print(f"\nTrain click → final chart: {seconds:.2f} s ({outside:.2f} s from Playwright)")


# Every epoch the replay's caption shows, in order, while the player runs.
SEEN = """() => {
  window.__seen = [];
  const note = () => {
    const m = document.body.textContent.match(/Shown: epoch (\\d+) of 10/);
    const last = window.__seen[window.__seen.length - 1];
    if (m && Number(m[1]) !== last) window.__seen.push(Number(m[1]));
  };
  new MutationObserver(note).observe(document.body,
      {subtree: true, childList: true, characterData: true});
}"""


def test_play_moves_the_slider_and_the_slider_stops_it(server, page):
    """Play at the end replays from epoch 1, frame by frame, the thumb moving with it; a key
    on the slider while it plays stops the player at the epoch chosen."""
    page.goto(f"{server}/?lang=en")  # a fresh server's first deep link: "Page not found"
    wait_for_app(page)
    page.goto(f"{server}/{PAGE_URLS['softmax_classifier']}?lang=en&epochs=10&all=1")
    wait_for_app(page)
    page.locator(".st-key-sc-train button").click()
    expect(page.get_by_text("Shown: epoch 10 of 10")).to_be_visible(timeout=120_000)
    wait_for_app(page)
    slider = page.get_by_role("slider", name="Replay the run: epoch")
    play = page.locator(".st-key-sc-play")
    page.evaluate(SEEN)
    play.locator("label").click()
    # the player ran to the end and switched itself off
    page.wait_for_function("() => window.__seen.includes(1) && window.__seen.at(-1) === 10",
                           timeout=120_000)
    expect(play.get_by_role("switch")).not_to_be_checked()
    seen = page.evaluate("() => window.__seen")
    played = seen[seen.index(1):]  # (the caption may say 10 once more before the first frame)
    assert len(played) >= 3 and played == sorted(played), seen
    expect(slider).to_have_value("10")
    wait_for_app(page)  # the player's last run over: the next click starts a new one
    page.evaluate(SEEN)
    play.locator("label").click()  # again from epoch 1; the slider takes over mid-run
    expect(play.get_by_role("switch")).to_be_checked()
    page.wait_for_function("() => window.__seen.at(-1) >= 2 && window.__seen.at(-1) < 10",
                           timeout=120_000)
    slider.focus()
    page.keyboard.press("Home")
    expect(play.get_by_role("switch")).not_to_be_checked(timeout=30_000)
    wait_for_app(page)  # the app idle: no frame is coming
    expect(slider).to_have_value("1")
    expect(page.get_by_text("Shown: epoch 1 of 10")).to_be_visible()
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_stop_ends_a_run_and_says_where(server, page):
    """Stop, pressed once the first epoch is on screen, ends a 30-epoch run: the panel says
    after which epoch, keeps no model, and Train is there again."""
    page.goto(f"{server}/?lang=en")  # a fresh server's first deep link: "Page not found"
    wait_for_app(page)
    page.goto(f"{server}/{PAGE_URLS['softmax_classifier']}?lang=en&epochs=30&all=1")
    wait_for_app(page)
    page.locator(".st-key-sc-train button").click()
    expect(page.get_by_text(re.compile(r"Epoch [1-9][0-9]? of 30"))).to_be_visible(timeout=120_000)
    page.locator(".st-key-sc-stop button").click()
    stopped = page.get_by_text("Stopped after epoch")
    expect(stopped).to_be_visible(timeout=120_000)
    epoch = int(stopped.inner_text().split("Stopped after epoch ")[1].split(" ")[0])
    assert 1 <= epoch < 30
    expect(page.locator(".st-key-sc-stop")).to_have_count(0)
    expect(page.locator(".st-key-sc-train button")).to_be_enabled()
    expect(page.get_by_text("Press Train to start.")).to_be_visible()  # no model was kept
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
