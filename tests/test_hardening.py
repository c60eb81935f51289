"""Issue 14: what a stranger could do to a hosted app, each attack closed at its cause.

Every test here failed on the code before the fix (checked once against that code).
"""

import io
import struct
import zlib

import pytest
import torch
from PIL import Image

import core.data as data
import ui.data
from core import images
from tests.conftest import app_test, skip_or_fail

PIXEL = "![x](http://203.0.113.9/t.png)"
LINK = "[LOGIN](http://evil.example/)"


def texts(at) -> str:
    """Everything drawn as text in the main area, the sidebar and the toasts."""
    kinds = ("markdown", "caption", "error", "warning", "info", "toast", "code", "text")
    return "\n".join(str(e.value) for kind in kinds for e in at.get(kind))


def shared_link(at) -> str:
    """The share popover's link (the only st.code in the sidebar)."""
    return at.sidebar.code[-1].value


# ---- Markdown injection --------------------------------------------------------------------

def test_a_parameter_name_is_echoed_as_text_not_markdown():
    at = app_test("home", **{PIXEL: "1"}).run()
    assert not at.exception
    notices = [toast.value for toast in at.toast]
    assert len(notices) == 1 and "x" in notices[0]
    assert "](" not in notices[0].replace("\\]\\(", "")  # no live image or link syntax
    assert "\\!\\[x\\]\\(http\\:" in notices[0]


def test_a_rejected_value_is_echoed_as_text_not_markdown():
    at = app_test("home", seed=LINK).run()
    notices = " ".join(toast.value for toast in at.toast)
    assert "seed" in notices and "[LOGIN](" not in notices and "\\[LOGIN\\]" in notices


def test_the_loss_page_error_box_shows_the_token_as_typed():
    at = app_test("loss_comparison", data=f"1, {LINK}").run()
    assert not at.exception
    message = at.error[0].value
    assert "[LOGIN](" not in message and "\\[LOGIN\\]\\(http\\:" in message


def test_many_unknown_parameters_give_one_notice():
    # names no page registers (p1, p2, ... are the softmax regression page's sliders)
    at = app_test("home", **{f"zz{k}": "1" for k in range(999)}).run()
    assert not at.exception
    assert len(at.toast) == 1 and "999" in at.toast[0].value
    assert "zz0" not in at.query_params


# ---- long share links ------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["y" * 2400, "short"])
def test_an_unknown_parameter_never_reaches_the_share_link_in_lecture_mode(value):
    at = app_test("home", lecture="1", zzunknown=value).run()
    assert not at.exception
    assert "zzunknown" not in shared_link(at) and "lecture=1" in shared_link(at)
    if len(value) > 100:  # too long to be a hidden section's setting: dropped from the URL too
        assert "zzunknown" not in at.query_params


def test_a_hidden_sections_setting_reaches_the_share_link_in_lecture_mode():
    """rn is section 4's setting: lecture mode shows section 1, and no page has drawn rn."""
    at = app_test("normal_mse", lecture="1", rn="777").run()
    assert not at.exception and not at.toast
    assert "rn=777" in shared_link(at) and at.query_params["rn"] == "777"


def test_a_link_too_long_for_a_qr_code_stays_copyable():
    logits = ",".join(["一"] * 300)  # a registered parameter: kept, and long once URL-encoded
    at = app_test("softmax_overflow", logits=logits).run()
    assert not at.exception
    link = shared_link(at)
    assert "logits=" in link and len(link) > 2331
    assert any("No QR code" in info.value for info in at.sidebar.info)


# ---- the error boundary --------------------------------------------------------------------

def test_a_page_that_raises_shows_a_short_message_and_no_traceback(monkeypatch, caplog):
    def broken():
        raise RuntimeError("secret internals /srv/app/core.py line 42")

    monkeypatch.setattr(ui.data, "fashion_mnist", broken)  # the home page calls it
    at = app_test("home").run()
    assert not at.exception  # Streamlit's own st.exception box was never reached
    assert any("Something went wrong" in e.value for e in at.error)
    assert "secret internals" not in texts(at) and "Traceback" not in texts(at)
    assert "secret internals" in caplog.text  # the server's log has it


# ---- the data directory ---------------------------------------------------------------------

def refuse_under(directory, monkeypatch):
    """The OS refuses to enter `directory` (root ignores modes, so simulate it)."""
    original = data.Path.is_file

    def is_file(self):
        if str(self).startswith(str(directory)):
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(data.Path, "is_file", is_file)


def test_an_unreadable_data_directory_is_explained(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    monkeypatch.setenv(data.ENV_DIR, str(locked))
    refuse_under(locked, monkeypatch)
    with pytest.raises(data.DataError) as e:
        data.locate()
    assert e.value.kind == "unreadable_dir" and str(locked) in e.value.path
    assert "cannot be read" in ui.data.explain(e.value)


@pytest.mark.realdata
def test_the_classifier_page_explains_an_unreadable_directory(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    monkeypatch.setenv(data.ENV_DIR, str(locked))
    monkeypatch.setenv(data.ENV_DOWNLOAD, "0")
    refuse_under(locked, monkeypatch)
    ui.data._load.clear()
    try:
        at = app_test("softmax_classifier").run()
    finally:
        ui.data._load.clear()
    assert not at.exception
    assert any("cannot be read" in e.value and str(locked) in e.value for e in at.error)


def test_a_fallback_from_fashion_mnist_dir_is_said(tmp_path, monkeypatch):
    """A file missing from FASHION_MNIST_DIR: the complete copy elsewhere is used, and named."""
    try:
        real = data.locate()
    except data.DataError:
        skip_or_fail("Fashion-MNIST is needed for a complete second directory")
    partial = tmp_path / "partial"
    partial.mkdir()
    (partial / real["train_images"].name).write_bytes(b"")
    monkeypatch.setenv(data.ENV_DIR, str(partial))
    monkeypatch.setattr(data, "DEBIAN_DIR", real["train_images"].parent)
    located = data.locate_with_reason()
    assert located.reason == "debian" and located.passed_over == str(partial)
    assert located.passed_over_file == "train-labels-idx1-ubyte"
    loaded = data.FashionMNIST(*[torch.zeros(1)] * 4, source=located.directory,
                               decode_seconds=0.0, reason=located.reason,
                               passed_over=located.passed_over,
                               passed_over_file=located.passed_over_file)
    said = ui.data.source(loaded)
    assert str(partial) in said and located.directory in said and "not there" in said


# ---- uploads: memory bounded, prepared once ---------------------------------------------------

def png_claiming(width: int, height: int, body: bytes = b"") -> bytes:
    """A PNG header for width × height (8-bit gray) and an IDAT of `body` (compressed)."""
    def chunk(kind: bytes, content: bytes) -> bytes:
        return (struct.pack(">I", len(content)) + kind + content
                + struct.pack(">I", zlib.crc32(kind + content) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(body))
            + chunk(b"IEND", b""))


@pytest.mark.parametrize("width, height", [(1, 39_999_999), (6320, 6320), (12_000, 100),
                                           (3000, 100)])
def test_a_costly_picture_is_refused_before_decoding(width, height, monkeypatch):
    decoded = []
    monkeypatch.setattr(Image.Image, "load", lambda self: decoded.append(1))
    with pytest.raises(images.ImageError) as e:
        images.prepare(png_claiming(width, height))
    assert e.value.kind in ("too_many_pixels", "bad_shape") and not decoded


def test_a_lossless_webp_bomb_is_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (6320, 6320), "white").save(buffer, "WEBP", lossless=True)
    assert len(buffer.getvalue()) < 10_000  # tiny file, 40 megapixels
    with pytest.raises(images.ImageError) as e:
        images.prepare(buffer.getvalue())
    assert e.value.kind == "too_many_pixels" and e.value.limit < 40_000_000


def test_a_large_accepted_picture_is_shrunk_at_once():
    image = Image.new("RGBA", (2000, 1000), (255, 255, 255, 0))
    small = images.shrink(image)
    assert max(small.size) <= images.WORK_SIDE and small.size[0] == 2 * small.size[1]


@pytest.mark.realdata
def test_an_upload_is_prepared_once_not_on_every_rerun(fmnist, monkeypatch):
    calls = []
    real_prepare = images.prepare
    monkeypatch.setattr(images, "prepare", lambda raw: calls.append(1) or real_prepare(raw))
    buffer = io.BytesIO()
    Image.new("L", (60, 80), 255).save(buffer, "PNG")
    at = app_test("softmax_classifier").run()
    at.file_uploader(key="sc.upload").set_value(("shirt.png", buffer.getvalue(), "image/png"))
    at.run()
    at.run()
    at.run()
    assert not at.exception and len(calls) == 1


# ---- the work of one run ---------------------------------------------------------------------

def test_the_work_cap_keeps_the_book_and_the_teaching_extremes():
    from core import resources

    work = resources.classifier_work
    assert work(256, 10).allowed and work(256, 10).steps == 2350  # the book's run
    assert work(256, 30).allowed and work(2048, 30).allowed and work(16, 1).allowed
    assert work(16, 3).allowed and work(32, 5).allowed
    assert not work(16, 30).allowed and work(16, 30).steps == 112_500
    assert resources.max_epochs(16) == resources.MAX_CLASSIFIER_STEPS // 3750


@pytest.mark.realdata
def test_a_run_over_the_cap_is_refused_with_the_reason(fmnist):
    at = app_test("softmax_classifier", bs="16", epochs="30").run()
    assert not at.exception
    assert any("112,500" in w.value for w in at.warning)
    assert at.button(key="sc.train").disabled
    assert "sc.result" not in at.session_state


def fragment_script():
    from ui import safe

    @safe.fragment
    def panel():
        raise RuntimeError("secret internals of a fragment")

    panel()


def test_a_fragment_that_raises_shows_the_same_short_message():
    """A fragment's exception is handled by Streamlit inside st.fragment, before any
    boundary around the page could see it: safe.fragment puts the boundary inside."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(fragment_script, default_timeout=30).run()
    assert not at.exception
    assert "went wrong" in at.error[0].value and "secret" not in texts(at)


# ---- memory given back -----------------------------------------------------------------------

def test_the_server_caps_malloc_arenas_and_trims_in_the_background():
    """glibc keeps freed pages in per-thread arenas: the server caps them and trims them."""
    import threading

    from core import resources

    app_test("home").run()
    assert any(th.name == "d2l-malloc-trim" and th.daemon for th in threading.enumerate())
    assert resources.limit_arenas() and resources._libc() is not None  # glibc here


def test_the_server_freezes_its_imports_out_of_the_garbage_collectors_sight(monkeypatch):
    """A full collection walks only what came after the imports (core.resources); not where
    D2L_GC_FREEZE=0."""
    import gc

    from core import resources

    app_test("home").run()  # the app's first run froze this process's objects (once)
    assert gc.get_freeze_count() > 100_000
    monkeypatch.setenv(resources.GC_FREEZE_ENV, "0")
    frozen = gc.get_freeze_count()
    assert not resources.freeze_imports() and gc.get_freeze_count() == frozen
