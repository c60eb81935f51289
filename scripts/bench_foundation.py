"""Data decode time, each page's first render (AppTest, warm process), server RSS."""

import os
import tempfile
import time

import psutil

import core.data as data
from tests.conftest import APP, CHROMIUM, CHROMIUM_ARGS, PAGE_URLS, free_port, start_server

PAGES = [page for page in PAGE_URLS if page != "home"]  # every lesson page, one list


def decode_figures():
    with tempfile.TemporaryDirectory() as cache:
        os.environ[data.ENV_CACHE] = cache
        cold = data.load_fashion_mnist("cpu", allow_download=False).decode_seconds
        warm = data.load_fashion_mnist("cpu", allow_download=False).decode_seconds
        del os.environ[data.ENV_CACHE]
    yield {"figure": "data_decode_from_gz_seconds", "value": round(cold, 3), "unit": "s"}
    yield {"figure": "data_decode_cached_seconds", "value": round(warm, 3), "unit": "s"}


def render_figures():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120)
    start = time.perf_counter()
    at.run()  # warms the process: imports, the data set cache
    yield {"figure": "first_render_seconds", "page": "home", "cold_process": True,
           "value": round(time.perf_counter() - start, 3), "unit": "s"}
    for page in PAGES:
        at.switch_page(f"pages/{page}.py")
        start = time.perf_counter()
        at.run()
        yield {"figure": "first_render_seconds", "page": page,
               "value": round(time.perf_counter() - start, 3), "unit": "s",
               "exception": bool(at.exception)}


def rss_figures():
    from playwright.sync_api import sync_playwright

    from tests.conftest import wait_for_app

    port = free_port()
    proc = start_server(port, {"FASHION_MNIST_DOWNLOAD": "0"})
    try:
        server = psutil.Process(proc.pid)
        yield {"figure": "server_rss_after_first_script_run_mb", "value": round(server.memory_info().rss / 2**20),
               "unit": "MiB"}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            for path in PAGE_URLS.values():
                page.goto(f"http://127.0.0.1:{port}/{path}?all=1")  # every section drawn
                wait_for_app(page)
            browser.close()
        yield {"figure": "server_rss_after_every_page_mb",
               "value": round(server.memory_info().rss / 2**20), "unit": "MiB"}
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def run():
    yield from decode_figures()
    yield from render_figures()
    yield from rss_figures()
