"""The catalogue, merged from one module per page. A key may be defined once only."""

from ui.strings import (
    classroom,
    common,
    home,
    linear_regression,
    loss_comparison,
    normal_mse,
    notebook,
    softmax_classifier,
    softmax_overflow,
    softmax_regression,
)

MODULES = [common, home, normal_mse, softmax_overflow, loss_comparison, linear_regression,
           softmax_classifier, softmax_regression, classroom, notebook]


def _merge(modules) -> dict[str, dict[str, str]]:
    catalogue: dict[str, dict[str, str]] = {}
    for module in modules:
        for key, entry in module.STRINGS.items():
            if key in catalogue:
                raise KeyError(f"translation key {key!r} is defined twice")
            catalogue[key] = entry
    return catalogue


CATALOGUE = _merge(MODULES)
