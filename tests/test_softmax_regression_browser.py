"""The softmax regression page in a real Chromium, in both languages: a link's settings, nine
charts, typeset formulas, and typed nonsense shown literally."""

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS, wait_for_app

pytestmark = pytest.mark.browser

TEXT = {
    "en": {"field": "Example 1: logits o (commas)", "error": "The page keeps using",
           "header": "6. Information theory basics"},
    "zh": {"field": "样本 1：未规范化的预测 o（用逗号分隔）", "error": "本页继续使用",
           "header": "6. 信息论基础"},
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_link_opens_the_page_and_bad_logits_are_explained(server, page, lang):
    words = TEXT[lang]
    page.goto(f"{server}/softmax-regression?lang={lang}&k=4&o4=5.0&unit=bits&all=1")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator('[data-testid="stVegaLiteChart"]')).to_have_count(9, timeout=60_000)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(main.get_by_role("heading", name=words["header"])).to_be_visible()
    expect(page.locator(".katex").nth(20)).to_be_attached()     # the LaTeX was typeset
    expect(main.get_by_text("o4", exact=True)).to_be_visible()  # the fourth logit's slider
    assert "k=4" in page.url and "unit=bits" in page.url

    field = page.get_by_label(words["field"])
    field.fill("<b>cat</b>, **dog**")
    field.press("Enter")
    error = main.locator('[data-testid="stAlertContentError"]')
    expect(error).to_contain_text(words["error"], timeout=30_000)
    expect(main.locator('[data-testid="stCode"]').filter(
        has_text="<b>cat</b>, **dog**")).to_have_count(1)     # literally, not as HTML
    expect(main.locator("b", has_text="cat")).to_have_count(0)
    page.wait_for_function("() => window.location.search.includes('x1=')")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"softmax_regression_{lang}.png"))
