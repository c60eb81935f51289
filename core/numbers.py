"""Numbers typed by a student (a list in a text field) or carried in a link: one reader.

A number is written in ASCII or full-width digits (１．５ is 1.5), with an optional sign (the
typographic − and the full-width － too) and exponent: 3, -1.5, .5, 5., 2e3. Not numbers:
1_000, 0x10, nan, inf. A list is separated by spaces, commas or semicolons (Chinese ones too)
and may be wrapped in brackets. Nothing here raises on any text: errors come back as codes.
"""

import math
import re
from dataclasses import dataclass

ERRORS = ("empty", "not_number", "not_finite", "too_large", "too_few", "too_many")
DETAIL = 20  # the longest piece of the student's text an error carries back

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", re.ASCII)
_INTEGER = re.compile(r"[+-]?\d+", re.ASCII)
_NOT_FINITE = re.compile(r"[+-]?(inf|infinity|nan)", re.IGNORECASE)
_SPLIT = re.compile(r"[\s,;，、；]+")
_BRACKETS = "[]［］()（）【】 \t\r\n"
# full-width ASCII (U+FF01..U+FF5E) to ASCII, the typographic minus to "-": not NFKC, which
# would also read 3² as 32
_TO_ASCII = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x2212: ord("-")}


class NumberError(ValueError):
    """One token that is not a usable number: `code` is one of ERRORS, `detail` the token."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}")
        self.code, self.detail = code, detail[:DETAIL]


def _ascii(token: str) -> str:
    """Full-width digits, signs, points and letters to ASCII, the typographic minus to -."""
    return token.translate(_TO_ASCII).strip()


def to_float(token: str, max_abs: float = math.inf) -> float:
    """float(token) for a number as typed; NumberError "not_number", "not_finite" (nan, inf)
    or "too_large" (|x| > max_abs, or beyond float64 like 1e400)."""
    text = _ascii(token)
    if _NOT_FINITE.fullmatch(text):
        raise NumberError("not_finite", token)
    if not _NUMBER.fullmatch(text):
        raise NumberError("not_number", token)
    value = float(text) + 0.0  # -0.0 -> 0.0
    if not math.isfinite(value) or abs(value) > max_abs:
        raise NumberError("too_large", token)
    return value


def to_int(token: str) -> int:
    """int(token) for a whole number written in digits (no point, no exponent)."""
    text = _ascii(token)
    if not _INTEGER.fullmatch(text):
        raise NumberError("not_number", token)
    return int(text, 10)


@dataclass(frozen=True)
class Parsed:
    """Either the numbers (a tuple of floats) or an error code with a detail for the message:
    the offending token, or the count for "too_few" and "too_many"."""
    values: tuple[float, ...] | None = None
    error: str | None = None   # one of ERRORS
    detail: str = ""


def parse_numbers(text: str, max_count: int, max_abs: float, min_count: int = 1) -> Parsed:
    """'2, 1, 0.1' -> (2.0, 1.0, 0.1), between min_count and max_count numbers each within
    ±max_abs; never raises."""
    if not isinstance(text, str):
        return Parsed(error="empty")
    tokens = [tok for tok in _SPLIT.split(text.strip().strip(_BRACKETS)) if tok]
    if not tokens:
        return Parsed(error="empty")
    if len(tokens) > max_count:
        return Parsed(error="too_many", detail=str(len(tokens)))
    values = []
    for tok in tokens:
        try:
            values.append(to_float(tok, max_abs))
        except NumberError as e:
            return Parsed(error=e.code, detail=e.detail)
    if len(values) < min_count:
        return Parsed(error="too_few", detail=str(len(values)))
    return Parsed(values=tuple(values))
