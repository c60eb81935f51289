"""The Chinese interface speaks the book's language: the glossary of ui/strings/common.py.

Every Chinese string of the merged catalogue (every page's module, including ones added later)
is checked outside code and formulas. The checker itself is tested on bad samples, so that a
pattern that can never match is caught too.
"""

import re

import pytest

from ui.strings import CATALOGUE, MODULES
from ui.strings.common import GLOSSARY, LOGIT_FIRST_USE

CODE_OR_FORMULA = re.compile(r"\$\$.*?\$\$|\$.*?\$|`[^`]*`", re.DOTALL)
FIELD = re.compile(r"\{[A-Za-z_]\w*(?:[:!][^{}]*)?\}")  # {epoch}: filled in, not prose


def prose(text: str) -> str:
    """The text with code spans, formulas and format fields blanked out."""
    text = FIELD.sub(" ", text)
    return CODE_OR_FORMULA.sub(" ", text)


def violations(text: str) -> list[str]:
    """'forbidden → the book's term' for every glossary breach in a Chinese string."""
    body = prose(text)
    return [f"{m.group(0)} → {term} ({concept})"
            for concept, term, patterns in GLOSSARY for pattern in patterns
            for m in re.finditer(pattern, body)]


@pytest.mark.parametrize("text", [
    "训练 10 轮", "第 {epoch} 轮", "每轮用时", "10 个轮次", "epoch 3, loss 0.1", "训练准确率",
    "把 logits 交给它", "最大的 logit", "未归一化的输出", "未规范化输出", "未规范化的输出",
    "onehot 编码", "softmax − one-hot", "闭式解", "没有闭式解", "最大似然估计",
    "公式 $x$ 之外：测试准确率", "{epoch} 轮",
])
def test_the_checker_catches_each_forbidden_term(text):
    assert violations(text), text


@pytest.mark.parametrize("text", [
    "第 3 个迭代周期", "衣物的轮廓", "齿轮", "轮流", "分类精度", "未规范化的预测（logit）", "未规范化的预测 o",
    "独热编码", "解析解", "极大似然估计", "最大化数据的似然", "log-sum-exp 与 log_softmax",
    "代码 `num_epochs` 与 `logits` 不算", "公式 $\\text{onehot}(y)$ 不算", "$$\\text{logits}$$",
    "`nn.CrossEntropyLoss` 接收未规范化的预测", "第 {epoch}/{epochs} 个迭代周期",
])
def test_the_checker_leaves_the_books_terms_code_and_formulas_alone(text):
    assert not violations(text), violations(text)


def offenders(catalogue: dict) -> list[str]:
    """'key: breach' for every glossary breach in the catalogue's Chinese strings."""
    return [f"{key}: {breach}" for key, entry in sorted(catalogue.items()) if "zh" in entry
            for breach in violations(entry["zh"])]


def test_every_chinese_string_uses_the_books_terms():
    """One test over the whole catalogue; a failure lists every offending string at once."""
    found = offenders(CATALOGUE)
    assert not found, "\n".join(found)


def test_the_catalogue_check_lists_every_offender():
    bad = {"a": {"en": "x", "zh": "训练 10 轮"}, "b": {"en": "x", "zh": "迭代周期"},
           "c": {"en": "x", "zh": "闭式解与 logits"}}
    assert [line.split(":")[0] for line in offenders(bad)] == ["a", "c", "c"]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_a_page_that_says_unnormalised_prediction_glosses_it_once(module):
    texts = [entry.get("zh", "") for entry in module.STRINGS.values()]
    if any("未规范化的预测" in text for text in texts):
        assert any(LOGIT_FIRST_USE in text for text in texts), module.__name__
