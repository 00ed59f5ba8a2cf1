"""Import from a web address against a local http.server on 127.0.0.1 serving saved pages:
the recipe arrives, redirects are followed, nothing but the page is fetched, and every
failure (offline, 404, not a recipe page, too big, too slow, not a page) says so plainly.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from recipe_manager.io import PageFetchError, RecipeImportError, import_url

SHARED_PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pages"

RECIPE_PAGE = """<!doctype html><html><head><title>Soup</title>
<link rel="stylesheet" href="/style.css"><script src="/app.js"></script>
<script type="application/ld+json">{json}</script></head>
<body><h1>Leek Soup</h1><img src="/photo.jpg"></body></html>"""
RECIPE = {
    "@context": "https://schema.org",
    "@type": "Recipe",
    "name": "<b>Leek</b> Soup",
    "recipeIngredient": ["2 leeks", "1 l stock"],
    "recipeInstructions": [{"@type": "HowToStep", "text": "Slice."}, "Simmer."],
    "recipeYield": "4",
}


class _Site(BaseHTTPRequestHandler):
    requested: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:  # keep the test output quiet
        pass

    def _send(self, code: int, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        type(self).requested.append(self.path)
        if self.path == "/recipe.html":
            self._send(200, RECIPE_PAGE.replace("{json}", json.dumps(RECIPE)).encode())
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/recipe.html")
            self.end_headers()
        elif self.path == "/article.html":
            self._send(200, b"<html><body><h1>News</h1><p>No recipe here.</p></body></html>")
        elif self.path == "/photo.png":
            self._send(200, b"\x89PNG....", "image/png")
        elif self.path == "/huge.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length given: the reader must stop by itself
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 65_536 + b"</p>")
            except OSError:
                pass  # the reader hung up at its limit, as it should
        elif self.path == "/slow.html":
            time.sleep(3)
            self._send(200, b"<html></html>")
        elif self.path.startswith("/saved/"):
            page = SHARED_PAGES / self.path.removeprefix("/saved/")
            self._send(200, page.read_bytes())
        else:
            self._send(404, b"<html><body>Not found</body></html>")


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    _Site.requested = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_recipe_page_is_imported_and_only_the_page_is_fetched(site: str) -> None:
    (recipe,) = import_url(f"{site}/recipe.html")
    assert recipe.title == "Leek Soup"
    assert [i.text for c in recipe.components for i in c.ingredients] == ["2 leeks", "1 l stock"]
    assert recipe.components[0].steps == ["Slice.", "Simmer."]
    assert recipe.source == f"{site}/recipe.html"
    assert _Site.requested == ["/recipe.html"]


def test_redirects_are_followed(site: str) -> None:
    (recipe,) = import_url(f"{site}/moved")
    assert recipe.title == "Leek Soup"
    assert _Site.requested == ["/moved", "/recipe.html"]


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/missing.html", "no page at this address"),
        ("/article.html", "not a recipe page"),
        ("/photo.png", "not a web page"),
        ("/huge.html", "too big"),
    ],
)
def test_each_failure_says_what_happened(site: str, path: str, words: str) -> None:
    with pytest.raises(PageFetchError, match=words) as caught:
        import_url(f"{site}{path}", max_bytes=1024 * 1024)
    assert isinstance(caught.value, RecipeImportError) and isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(f"{site}{path}: ")


def test_a_slow_site_times_out(site: str) -> None:
    started = time.monotonic()
    with pytest.raises(PageFetchError, match="did not answer within 1 seconds"):
        import_url(f"{site}/slow.html", timeout=1)
    assert time.monotonic() - started < 2.5


def test_https_to_a_site_that_only_offers_http_says_what_to_type(site: str) -> None:
    # An address typed without a scheme is tried as https://; a plain http site answers it
    # with garbage, which ssl calls "WRONG_VERSION_NUMBER".
    bare = site.removeprefix("http://")
    with pytest.raises(PageFetchError, match="type the address with http://") as caught:
        import_url(f"{bare}/recipe.html")
    assert "SSL" not in str(caught.value)


def test_a_closed_port_is_a_refused_connection() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(PageFetchError, match="refused the connection"):
        import_url(f"http://127.0.0.1:{port}/recipe.html")


def test_offline_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(PageFetchError, match="whether you are online"):
        import_url("https://recipes.example/soup")


@pytest.mark.parametrize("address", ["file:///etc/passwd", "ftp://x/y", "javascript:alert(1)"])
def test_only_web_addresses(address: str) -> None:
    with pytest.raises(PageFetchError, match="only web addresses"):
        import_url(address)


@pytest.mark.skipif(not SHARED_PAGES.is_dir(), reason=f"{SHARED_PAGES} is absent here")
def test_saved_pages_come_through_the_server_as_from_a_file(site: str) -> None:
    from recipe_manager.io import import_file

    for page in sorted(SHARED_PAGES.glob("*.html"))[:5]:
        fetched = import_url(f"{site}/saved/{page.name}")
        read = import_file(page)
        assert [r.title for r in fetched] == [r.title for r in read]
        assert [r.components for r in fetched] == [r.components for r in read]
