"""The strings added for the lesson's new pieces (issue 13 §2–§5) speak the book's Chinese."""

import re

import pytest

from ui.strings import linear_regression, softmax_classifier

FORBIDDEN = ["准确率", "未归一化", "未规范化输出", "闭式解", "最大似然"]
REQUIRED = ["迭代周期", "精度", "未规范化的预测", "解析解", "小批量随机梯度下降", "全连接层",
            "超参数", "验证集"]
FIRST_NEW = {linear_regression: "lr.key_idea.approach", softmax_classifier: "sc.confusion_intro.own"}


def new_strings() -> dict[str, str]:
    """key → Chinese text of every key from the first new one to the end of its module."""
    out = {}
    for module, first in FIRST_NEW.items():
        keys = list(module.STRINGS)
        out |= {k: module.STRINGS[k]["zh"] for k in keys[keys.index(first):]}
    return out


def prose(text: str) -> str:
    """The text without code spans and formulas, where English names may stand."""
    return re.sub(r"`[^`]*`|\$[^$]*\$", "", text)


@pytest.mark.parametrize(("key", "text"), sorted(new_strings().items()))
def test_no_term_the_book_does_not_use(key, text):
    body = prose(text)
    assert not [w for w in FORBIDDEN if w in body], key
    assert "轮" not in body, key  # 轮/轮次 for an epoch: the book says 迭代周期
    assert "logits" not in body, key


def test_the_books_terms_are_used():
    text = " ".join(prose(t) for t in new_strings().values())
    assert [w for w in REQUIRED if w not in text] == []


def test_logit_is_introduced_the_books_way():
    text = " ".join(new_strings().values())
    assert "未规范化的预测（logit）" in text
