"""Property: no upload, however malformed, makes image preparation raise anything but
ImageError; a decompression bomb is refused from its header, before any decoding."""

import io
import struct
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from core import images
from core.images import ImageError

pytestmark = pytest.mark.slow


def png_bytes(size=(40, 30), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, "white").save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes(size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "black").save(buffer, format="JPEG")
    return buffer.getvalue()


SAMPLES = [png_bytes(), jpeg_bytes(), png_bytes((5, 90), "RGBA")]


def safe_prepare(data: bytes):
    try:
        return images.prepare(data)
    except ImageError as e:
        assert e.kind in {"empty", "too_big", "not_image", "too_many_pixels", "animated",
                          "damaged"}
        return e


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.binary(max_size=2048))
def test_random_bytes_never_raise(data):
    safe_prepare(data)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.sampled_from(SAMPLES), st.integers(0, 10**6), st.integers(0, 255), st.booleans())
def test_truncated_or_flipped_images_never_raise(sample, where, byte, truncate):
    where %= len(sample)
    data = sample[:where] if truncate else sample[:where] + bytes([byte]) + sample[where + 1:]
    safe_prepare(data)


def png_header_claiming(width: int, height: int) -> bytes:
    """A valid PNG signature and IHDR that declares width × height, and a tiny IDAT."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("width, height", [(50_000, 50_000), (100_000, 1000), (2**31 - 1, 2)])
def test_decompression_bomb_is_refused_before_decoding(width, height, monkeypatch):
    decoded = []
    monkeypatch.setattr(Image.Image, "load", lambda self: decoded.append(1))
    with pytest.raises(ImageError) as e:
        images.prepare(png_header_claiming(width, height))
    assert e.value.kind == "too_many_pixels" and not decoded


def test_animated_and_empty_are_refused():
    frames = [Image.new("L", (20, 20), v) for v in (0, 255)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])
    assert safe_prepare(buffer.getvalue()).kind == "animated"
    assert safe_prepare(b"").kind == "empty"
    assert safe_prepare(b"x" * (images.MAX_BYTES + 1)).kind == "too_big"
