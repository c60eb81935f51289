"""A picture from a user, made to look like a Fashion-MNIST image.

Fashion-MNIST's images are light garments on a black background, 28 × 28, grayscale.
`prepare` checks the upload before it decodes anything big (bytes, then from the header
alone — PIL.Image.open reads only the header — the pixel count, each side and the aspect
ratio), refuses animations, then converts: grayscale, inverted when the background is light,
trimmed to the object, fitted into 28 × 28 keeping the aspect ratio, centred, in [0, 1].

Memory is bounded, not just the pixel count: a JPEG is decoded at 1/2..1/8 scale (draft);
other formats, which PIL can only decode whole, are capped at MAX_DECODED_PIXELS (WebP at
half: its decoder keeps a second copy); the
decoded picture is shrunk to at most WORK_SIDE pixels a side at once, and everything after
(grayscale, background, trimming) works on that small copy. `python scripts/bench_uploads.py`
prints the peak extra memory of the worst upload of a hostile set.
"""

import dataclasses
import io
import warnings

import torch
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 2**20         # 5 MiB, as the server's maxUploadSize
MAX_PIXELS = 40_000_000       # e.g. 8000 × 5000 JPEG (decoded at 1/8 scale): more is refused
MAX_DECODED_PIXELS = 8_000_000  # formats decoded whole (PNG, WebP, GIF, BMP): ≤ 4 B × 8 M each
MAX_SIDE = 10_000             # pixels on the longest side
MAX_ASPECT = 20               # longest side / shortest side
WORK_SIDE = 8 * 28            # the decoded picture is shrunk to this at once
FORMATS = ("PNG", "JPEG", "GIF", "WEBP", "BMP")
SIZE = 28
Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # PIL's own decompression-bomb limit, to the same bound


class ImageError(Exception):
    """Why an upload cannot be used: kind is one of 'empty', 'too_big', 'not_image',
    'too_many_pixels' (`limit` says how many were allowed), 'bad_shape' (a side longer than
    MAX_SIDE or an aspect ratio beyond MAX_ASPECT), 'animated', 'damaged'."""

    def __init__(self, kind: str, detail: str = "", limit: int = 0):
        self.kind, self.detail, self.limit = kind, detail, limit
        super().__init__(f"{kind}: {detail}".strip(": "))


@dataclasses.dataclass(frozen=True)
class Prepared:
    """The 28 × 28 image in [0, 1] (garment light on dark) and what was done to get it."""
    pixels: torch.Tensor   # (28, 28) float32
    inverted: bool         # the background was light, so the picture was negated
    original_size: tuple[int, int]


def open_checked(data: bytes) -> Image.Image:
    """The image, opened lazily, after every check that needs no decoding."""
    if not data:
        raise ImageError("empty")
    if len(data) > MAX_BYTES:
        raise ImageError("too_big", f"{len(data)} bytes")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=FORMATS)  # reads the header only
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise ImageError("too_many_pixels", str(e)) from e
    except UnidentifiedImageError as e:
        raise ImageError("not_image", str(e)) from e
    except Exception as e:  # a malformed header can raise almost anything in a decoder
        raise ImageError("not_image", f"{type(e).__name__}: {e}") from e
    width, height = image.size
    if width < 1 or height < 1:
        raise ImageError("damaged", f"size {width}×{height}")
    limit = MAX_PIXELS if image.format == "JPEG" else min(MAX_PIXELS, MAX_DECODED_PIXELS)
    if image.format == "WEBP":
        limit //= 2  # PIL's WebP decoder holds a second full-size copy while it decodes
    if width * height > limit:
        raise ImageError("too_many_pixels", f"{width}×{height}", limit)
    if max(width, height) > MAX_SIDE or max(width, height) > MAX_ASPECT * min(width, height):
        raise ImageError("bad_shape", f"{width}×{height}")
    if getattr(image, "is_animated", False) or getattr(image, "n_frames", 1) > 1:
        raise ImageError("animated")
    return image


# EXIF orientation → the transpose that puts the picture upright (as ImageOps.exif_transpose)
_UPRIGHT = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
            4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
            6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
            8: Image.Transpose.ROTATE_90}


def shrink(image: Image.Image, side: int = WORK_SIDE) -> Image.Image:
    """Decode `image` and shrink it at once to at most `side` pixels a side, upright.

    Only this decode is full size (JPEG: already reduced by draft); every later step works
    on the small copy. Palette and bilevel pictures become RGBA or L first (resizing them
    would pick nearest pixels), CMYK becomes RGB.
    """
    orientation = image.getexif().get(0x0112)  # photos taken sideways
    image.load()
    if image.mode in ("P", "PA", "1", "I;16", "I;16B", "I;16L", "I", "F", "CMYK", "YCbCr",
                      "LAB", "HSV"):
        transparent = image.mode in ("P", "PA") and (
            image.mode == "PA" or "transparency" in image.info)
        image = image.convert("RGBA" if transparent else "RGB" if image.mode in
                              ("CMYK", "YCbCr", "LAB", "HSV", "P") else "L")
    scale = side / max(image.size)
    if scale < 1:
        new = (max(1, round(image.size[0] * scale)), max(1, round(image.size[1] * scale)))
        image = image.resize(new, Image.Resampling.BOX)  # area average: one pass, small output
    if orientation in _UPRIGHT:
        image = image.transpose(_UPRIGHT[orientation])
    return image


def to_gray(image: Image.Image) -> Image.Image:
    """Grayscale ('L'); a transparent background becomes white."""
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    return image.convert("L")


def is_light_background(gray: Image.Image) -> bool:
    """Is the border of the picture (where the background is) lighter than mid-gray?

    `gray` is the small copy (at most WORK_SIDE a side), read as uint8.
    """
    pixels = torch.frombuffer(bytearray(gray.tobytes()), dtype=torch.uint8)
    pixels = pixels.reshape(gray.size[1], gray.size[0])
    border = torch.cat([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])
    return border.float().median().item() > 127


def fit(gray: Image.Image, size: int = SIZE) -> Image.Image:
    """Trim to the object, shrink the longest side to `size`, centre on black."""
    box = gray.point(lambda v: 255 if v > 30 else 0).getbbox()  # background is dark now
    if box is not None:
        gray = gray.crop(box)
    scale = size / max(gray.size)
    new = (max(1, round(gray.size[0] * scale)), max(1, round(gray.size[1] * scale)))
    gray = gray.resize(new, Image.Resampling.LANCZOS, reducing_gap=3.0)
    canvas = Image.new("L", (size, size), 0)
    canvas.paste(gray, ((size - new[0]) // 2, (size - new[1]) // 2))
    return canvas


def enlarge(pixels: torch.Tensor, factor: int = 4):
    """A (28, 28) image, uint8 or float in [0, 1], as a bigger uint8 array to draw (nearest)."""
    if pixels.dtype != torch.uint8:
        pixels = (pixels.clamp(0, 1) * 255).round().to(torch.uint8)
    big = pixels.cpu().repeat_interleave(factor, 0).repeat_interleave(factor, 1)
    return big.numpy()


def prepare(data: bytes) -> Prepared:
    """Uploaded bytes → a (28, 28) float image in [0, 1]; raises ImageError."""
    image = open_checked(data)
    size = image.size
    if image.format == "JPEG":
        image.draft("RGB", (WORK_SIDE, WORK_SIDE))  # decode a big photo at 1/2..1/8 scale
    try:
        gray = to_gray(shrink(image))  # decodes here, and shrinks at once
    except Exception as e:  # truncated or corrupt data: any decoder error means the same
        raise ImageError("damaged", f"{type(e).__name__}: {e}") from e
    inverted = is_light_background(gray)
    if inverted:
        gray = ImageOps.invert(gray)
    small = fit(gray)
    pixels = torch.frombuffer(bytearray(small.tobytes()), dtype=torch.uint8)
    return Prepared(pixels.reshape(SIZE, SIZE).float() / 255, inverted, size)
