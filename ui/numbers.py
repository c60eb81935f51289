"""Numbers as a reader sees them: the one formatter of the pages and charts.

core.numbers reads what a student types; this module writes what a student reads.
"""

import math

INFINITY = "∞"


def number(value, digits: int = 4, infinity: str = INFINITY) -> str:
    """A value as short text: nan, ±infinity and 0 spelled out, else `digits` significant
    digits (%g); text (a label already made) as it is."""
    if isinstance(value, str):
        return value
    value = float(value)
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return infinity if value > 0 else "−" + infinity
    if value == 0.0:
        return "0"
    return f"{value:.{digits}g}"


def vector(values, digits: int = 4, infinity: str = INFINITY) -> str:
    """[a, b, c], each entry as number()."""
    return "[" + ", ".join(number(v, digits, infinity) for v in values) + "]"


def decimals(values, places: int = 4) -> str:
    """[a, b, c] with `places` decimals, as the book prints a tensor."""
    return "[" + ", ".join(f"{float(v):.{places}f}" for v in values) + "]"
