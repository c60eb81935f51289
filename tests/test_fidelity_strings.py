"""Sentences issue 27 found false or misleading: the catalogue no longer says them."""

from ui.strings import CATALOGUE


def test_zh_press_train_does_not_repeat_its_verb():
    assert "按“训练”按" not in CATALOGUE["lr.press_train"]["zh"]


def test_lecture_notes_example_is_not_called_the_books():
    for lang in ("en", "zh"):
        assert "lecture notes" in CATALOGUE["sr.book_info"]["en"]
        assert "书中的例子 $p = [1, 0, 0]$" not in CATALOGUE["sr.book_info"][lang]
        assert "默认值是书中的" not in CATALOGUE["sr.shape"]["zh"]


def test_student_t_third_moment_is_undefined_not_infinite():
    assert "third moment is infinite" not in CATALOGUE["nm.skew_help"]["en"]
    assert "E|X|³ = ∞" in CATALOGUE["nm.skew_help"]["en"]
    assert "E|X|³ = ∞" in CATALOGUE["nm.skew_help"]["zh"]


def test_the_classifier_exercise_names_both_effects():
    answer = CATALOGUE["sc.ex4.a"]["en"]
    assert "fixed learning rate" in answer and "Overfitting" in answer
    assert "学习率衰减" in CATALOGUE["sc.ex4.a"]["zh"]
