"""A picture from a user, made to look like a Fashion-MNIST image.

Fashion-MNIST's images are light garments on a black background, 28 × 28, grayscale.
`prepare` checks the upload before it decodes anything big (bytes, then the pixel count
from the header: PIL.Image.open reads only the header), refuses animations, then converts:
grayscale, inverted when the background is light, trimmed to the object, fitted into
28 × 28 keeping the aspect ratio, centred, scaled to [0, 1].
"""

import dataclasses
import io
import warnings

import torch
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 2**20         # 5 MiB, as the server's maxUploadSize
MAX_PIXELS = 40_000_000       # e.g. 8000 × 5000: more is refused before decoding
FORMATS = ("PNG", "JPEG", "GIF", "WEBP", "BMP")
SIZE = 28
Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # PIL's own decompression-bomb limit, to the same bound


class ImageError(Exception):
    """Why an upload cannot be used: kind is one of
    'empty', 'too_big', 'not_image', 'too_many_pixels', 'animated', 'damaged'."""

    def __init__(self, kind: str, detail: str = ""):
        self.kind, self.detail = kind, detail
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
    if width * height > MAX_PIXELS:
        raise ImageError("too_many_pixels", f"{width}×{height}")
    if getattr(image, "is_animated", False) or getattr(image, "n_frames", 1) > 1:
        raise ImageError("animated")
    return image


def to_gray(image: Image.Image) -> Image.Image:
    """Grayscale ('L'); a transparent background becomes white."""
    image = ImageOps.exif_transpose(image)  # photos taken sideways
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    return image.convert("L")


def is_light_background(gray: Image.Image) -> bool:
    """Is the border of the picture (where the background is) lighter than mid-gray?"""
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
        image.draft("L", (SIZE * 8, SIZE * 8))  # decode a big photo at 1/2..1/8 scale
    try:
        gray = to_gray(image)  # decodes here
    except Exception as e:  # truncated or corrupt data: any decoder error means the same
        raise ImageError("damaged", f"{type(e).__name__}: {e}") from e
    inverted = is_light_background(gray)
    if inverted:
        gray = ImageOps.invert(gray)
    small = fit(gray)
    pixels = torch.frombuffer(bytearray(small.tobytes()), dtype=torch.uint8)
    return Prepared(pixels.reshape(SIZE, SIZE).float() / 255, inverted, size)
