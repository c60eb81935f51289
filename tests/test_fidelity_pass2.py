"""Issue 27, second pass: sentences the student's own settings or run could contradict.

Each test renders the page (or calls the panel's text) with settings under which the old
sentence was false, and checks what the page says now in both languages.
"""

from types import SimpleNamespace

import pytest

from core.classifier import Epoch
from tests.conftest import app_test, open_answers


def page(name: str, lang: str = "en", **params):
    at = app_test(name, lang, **params).run()
    assert not at.exception, at.exception
    return at


def words(at) -> str:
    return " ".join(e.value for e in [*at.markdown, *at.caption, *at.info, *at.warning])


# ---- softmax regression ----------------------------------------------------------------------

@pytest.mark.parametrize("lang, one_hot, shared", [("en", "almost one-hot", "shared equally"),
                                                   ("zh", "几乎是独热编码", "平分")])
def test_lowest_temperature_note_holds_for_tied_logits(lang, one_hot, shared):
    """Equal logits stay uniform at any temperature: the note used to call ŷ 'almost one-hot'."""
    at = page("softmax_regression", lang, temp="0.05", o1="0.0", o2="0.0", o3="0.0")
    note = next(i.value for i in at.info if "0.05" in i.value and "1.4e-45" in i.value)
    assert one_hot not in note and shared in note
    assert "0.333333" in note  # the largest ŷⱼ, computed: a third each


def test_lowest_temperature_note_does_not_tie_a_positive_float32_probability_to_log_0():
    """Default logits at T = 0.05: the smallest ŷⱼ is e^−38 ≈ 3.1e-17, positive in float32;
    the old note went on 'and as a label's probability −log 0 = ∞ ...' about that number."""
    at = page("softmax_regression", temp="0.05")
    note = next(i.value for i in at.info if "1.4e-45" in i.value)
    assert "3.139e-17" in note  # float32 keeps it
    assert ", and as a label's probability" not in note
    assert "A probability that rounds to exactly 0" in note


@pytest.mark.parametrize("lang, clash", [("en", "not the minibatch size"),
                                         ("zh", "不是下面的小批量大小")])
def test_cost_paragraph_tells_the_books_n_from_the_minibatch_size(lang, clash):
    at = open_answers(page("softmax_regression", lang))
    text = words(at)
    assert clash in text and "dq/n" in text
    assert "\\max_k o_k" not in text  # k counts the logits on this page; j indexes them


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_soft_label_section_names_its_kl_after_y_and_y_hat(lang):
    at = page("softmax_regression", lang)
    labels = [m.label for m in at.metric]
    assert any(label.startswith("KL(y ‖ ŷ)") for label in labels)
    assert sum(label == "KL(P ‖ Q)" for label in labels) == 1  # only section 6's P and Q


@pytest.mark.parametrize("lang, towards", [("en", "per draw towards $H[P]$"),
                                           ("zh", "趋近 $H[P]$")])
def test_block_coding_approaches_the_entropy_without_reaching_it(lang, towards):
    assert towards in words(page("softmax_regression", lang))


# ---- softmax overflow -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_double_softmax_floor_counts_classes_with_q(lang):
    at = page("softmax_overflow", lang, logits="2, 1, 0.1, 3")
    text = words(at)
    assert "log(1 + (q − 1)/e) = 0.7437" in text and "q = 4" in text  # log1p(3 / e)
    assert "(n − 1)/e" not in text


@pytest.mark.parametrize("lang, rule", [
    ("en", "*imprecise* when it misses that but is within 16 · eps = 0.016 absolute"),
    ("zh", "绝对误差不超过 16 · eps = 0.016 时算*不精确*（$1 + r$ 被舍入的小损失）")])
def test_loss_legend_states_when_a_loss_is_imprecise(lang, rule):
    """float16 (12, 6, 0.6001): the loss table says 'imprecise' for max-subtracted and
    log-sum-exp, and the legend under it now says what that means."""
    at = page("softmax_overflow", lang, dtype="float16", logits="12, 6, 0.6001", scale="1.0",
              y="0")
    legend = next(c.value for c in at.caption if "16 · eps" in c.value and "log1p" in c.value)
    assert rule in legend


# ---- classifier: 3.7 exercise 2 read off a run ----------------------------------------------

def epochs(rows):
    return [Epoch(e, loss, train, test, 1.0) for e, (loss, train, test) in enumerate(rows, 1)]


def test_noise_verdict_does_not_say_the_loss_fell_when_the_run_says_it_rose():
    from ui.panels.softmax_classifier import exercise_run

    history = epochs([(0.80, 0.74, 0.78), (0.60, 0.80, 0.81), (0.62, 0.80, 0.79),
                      (0.55, 0.82, 0.82)])  # epoch 3: the loss rose and the test accuracy dipped
    text = exercise_run(SimpleNamespace(history=history))
    assert "rose at epoch 3" in text and "0.8100 → 0.7900 at epoch 3" in text
    assert "while the training loss falls" not in text
    assert "noise of SGD at a fixed learning rate" in text


def test_inspected_image_needs_no_article_before_a_class_name():
    """'a **ankle boot**' was what the inspected-image line said for class 9."""
    from ui.i18n import fill
    from ui.strings import CATALOGUE

    for lang in ("en", "zh"):
        line = fill(CATALOGUE["sc.inspected"][lang], index=0, true=CATALOGUE["sc.class.9"][lang],
                    pred=CATALOGUE["sc.class.7"][lang], p="91.0%")
        assert f"**{CATALOGUE['sc.class.9'][lang]}**" in line
        assert "a **" not in line


@pytest.mark.parametrize("lang, claim", [("en", "fraction of a second"), ("zh", "不到一秒")])
def test_training_intro_does_not_promise_an_epoch_time_it_does_not_measure(lang, claim):
    from ui.strings import CATALOGUE

    assert claim not in CATALOGUE["sc.train_intro"][lang]
