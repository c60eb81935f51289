"""core.images: uploads made to look like Fashion-MNIST, and every bad upload refused."""

import io
import struct
import zlib

import pytest
import torch
from PIL import Image, ImageDraw

from core import images


def encode(image: Image.Image, fmt: str = "PNG", **kwargs) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


def garment(size=(120, 160), background=255, ink=0, mode="L", box=(30, 20, 90, 140)):
    """A filled rectangle (the garment) on a plain background."""
    image = Image.new(mode, size, background)
    ImageDraw.Draw(image).rectangle(box, fill=ink)
    return image


def bright_box(pixels: torch.Tensor, threshold: float = 0.5) -> tuple[int, int]:
    """(height, width) of the bright region."""
    rows = torch.nonzero(pixels.max(dim=1).values > threshold).flatten()
    cols = torch.nonzero(pixels.max(dim=0).values > threshold).flatten()
    return int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1)


def test_light_background_is_inverted():
    out = images.prepare(encode(garment(background=250, ink=20)))
    assert out.inverted and out.pixels.shape == (28, 28) and out.pixels.dtype == torch.float32
    assert 0 <= out.pixels.min() and out.pixels.max() <= 1
    assert out.pixels[14, 14] > 0.8 and out.pixels[0, 0] < 0.05  # light garment, dark corner
    assert out.original_size == (120, 160)


def test_dark_background_is_kept():
    out = images.prepare(encode(garment(background=5, ink=230)))
    assert not out.inverted
    assert out.pixels[14, 14] > 0.8 and out.pixels[0, 0] < 0.05


def test_non_square_keeps_its_proportions():
    wide = garment(size=(400, 100), background=0, ink=255, box=(20, 30, 379, 69))  # 360 × 40
    height, width = bright_box(images.prepare(encode(wide)).pixels)
    assert width == 28 and 2 <= height <= 4  # 360:40 = 28:3.1
    tall = garment(size=(100, 300), background=0, ink=255, box=(40, 10, 59, 289))  # 20 × 280
    height, width = bright_box(images.prepare(encode(tall)).pixels)
    assert height == 28 and 1 <= width <= 3


def test_rgba_with_transparent_background():
    image = Image.new("RGBA", (100, 100), (0, 0, 0, 0))  # transparent: becomes white
    ImageDraw.Draw(image).ellipse((20, 20, 80, 80), fill=(200, 30, 30, 255))
    out = images.prepare(encode(image))
    assert out.inverted and out.pixels[14, 14] > 0.5 and out.pixels[0, 0] < 0.05


def test_colour_jpeg_and_palette_images():
    photo = garment(mode="RGB", background=(240, 240, 235), ink=(40, 60, 120))
    assert images.prepare(encode(photo, "JPEG", quality=90)).inverted
    palette = garment(background=0, ink=255).convert("P")
    assert not images.prepare(encode(palette, "GIF")).inverted


def test_a_blank_picture_is_all_background():
    out = images.prepare(encode(Image.new("L", (10, 10), 255)))
    assert out.inverted and out.pixels.max() == 0


def test_enlarge_is_nearest_neighbour():
    pixels = torch.tensor([[0.0, 1.0], [0.5, 0.25]])
    big = images.enlarge(pixels, 3)
    assert big.shape == (6, 6) and big.dtype.name == "uint8"
    assert big[0, 0] == 0 and big[0, 5] == 255 and big[5, 0] == 128 and big[4, 4] == 64


# ---- bad uploads --------------------------------------------------------------------------

def png_header_only(width: int, height: int) -> bytes:
    """A PNG signature and IHDR claiming width × height, with no pixel data at all."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
    chunk += struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    iend = struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
    return b"\x89PNG\r\n\x1a\n" + chunk + iend


def animated(fmt: str) -> bytes:
    frames = [garment(background=0, ink=255), garment(background=255, ink=0)]
    return encode(frames[0], fmt, save_all=True, append_images=frames[1:], duration=100)


def truncated() -> bytes:
    noise = torch.randint(0, 256, (64, 64), dtype=torch.uint8).numpy()  # incompressible
    data = encode(Image.fromarray(noise))
    return data[:len(data) // 2]


@pytest.mark.parametrize("kind,data", [
    ("empty", b""),
    ("too_big", b"\x89PNG" + b"\0" * images.MAX_BYTES),
    ("not_image", b"hello, this is text, not a picture"),
    ("not_image", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>"),
    ("not_image", b"%PDF-1.4\n" + b"x" * 100),
    ("too_many_pixels", png_header_only(7_000, 7_000)),       # above our limit
    ("too_many_pixels", png_header_only(100_000, 100_000)),   # far above PIL's own
    ("animated", animated("GIF")),
    ("animated", animated("PNG")),  # APNG
    ("damaged", truncated()),
    ("damaged", png_header_only(20, 20)),  # a header and no pixels
])
def test_bad_uploads_are_refused_with_a_reason(kind, data):
    with pytest.raises(images.ImageError) as caught:
        images.prepare(data)
    assert caught.value.kind == kind


def test_pixel_count_is_checked_before_decoding(monkeypatch):
    """A header claiming too many pixels is refused without decoding (it has no pixels)."""
    monkeypatch.setattr(images, "MAX_PIXELS", 1000)
    with pytest.raises(images.ImageError) as caught:
        images.prepare(png_header_only(40, 40))
    assert caught.value.kind == "too_many_pixels"


def test_pils_decompression_bomb_limit_is_ours():
    assert Image.MAX_IMAGE_PIXELS == images.MAX_PIXELS
