"""Import from a web address: one page fetched when the cook asks, within limits.

Only the page itself is fetched (redirects followed, at most 10): no image, script or
style it names, and nothing before the cook asks. The read stops at a size limit and a
time limit; every way it can fail raises a `PageFetchError` (a RecipeImportError, so a
ValueError) whose message says what happened in words a cook understands.
"""

from __future__ import annotations

import socket
import ssl
import time
import urllib.error
import urllib.request
from email.message import Message
from http.client import HTTPException

from ..domain import Recipe
from ..domain.limits import MAX_FILE_BYTES
from .errors import RecipeImportError
from .html_page import recipes_from_html
from .reading import _as_import_error, checked, recipes_from_json_text

#: A recipe page of 10 MB is already far beyond any real one.
MAX_PAGE_BYTES = min(10 * 1024 * 1024, MAX_FILE_BYTES)
#: Seconds for the whole fetch (connecting, waiting, reading).
TIMEOUT_SECONDS = 20.0
_CHUNK = 64 * 1024
_USER_AGENT = "RecipeManager/1 (+desktop recipe import; one page, on request)"


class PageFetchError(RecipeImportError):
    """The page could not be fetched or holds no recipe; the message names the address."""

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(url, problem)
        self.args = (f"{url}: {problem}",)

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"


def import_url(
    url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_PAGE_BYTES
) -> list[Recipe]:
    """Every recipe on the page at `url`; raises PageFetchError saying why when it can't."""
    url = url.strip()
    if "://" not in url and "." in url.split("/", 1)[0]:
        url = f"https://{url}"
    if not url.lower().startswith(("http://", "https://")):
        raise PageFetchError(url, "only web addresses (http:// or https://) can be imported")
    data, final_url, content_type, charset = _fetch(url, timeout, max_bytes)
    text = data.decode(charset or "utf-8", errors="replace")
    try:
        with _as_import_error(final_url):
            if "json" in content_type:
                recipes = recipes_from_json_text(text, final_url)
            else:
                recipes = recipes_from_html(text, final_url)
            recipes = checked(recipes, final_url)
    except RecipeImportError as error:
        problem = error.problem
        if "no recipe" in problem:
            problem = "this page holds no recipe the app can read (it is not a recipe page)"
        raise PageFetchError(url, problem) from None
    for recipe in recipes:
        if not recipe.source:
            recipe.source = final_url
    return recipes


def _fetch(url: str, timeout: float, max_bytes: int) -> tuple[bytes, str, str, str | None]:
    """(body, address after redirects, content type, charset)."""
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": _USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/ld+json;q=0.9,*/*;q=0.1",
        },
    )
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            content_type = (headers.get_content_type() or "").lower()
            if not any(kind in content_type for kind in ("html", "json", "xml", "text/plain")):
                raise PageFetchError(
                    url, f"this address gives a {content_type or 'file'}, not a web page"
                )
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise PageFetchError(url, _too_big(max_bytes))
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise PageFetchError(url, _too_slow(timeout))
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise PageFetchError(url, _too_big(max_bytes))
                chunks.append(chunk)
            return b"".join(chunks), response.geturl(), content_type, headers.get_content_charset()
    except PageFetchError:
        raise
    except urllib.error.HTTPError as error:
        raise PageFetchError(url, _http_problem(error.code, str(error.reason))) from None
    except urllib.error.URLError as error:
        raise PageFetchError(url, _network_problem(error.reason, timeout)) from None
    except TimeoutError:
        raise PageFetchError(url, _too_slow(timeout)) from None
    except (HTTPException, OSError, ValueError) as error:
        raise PageFetchError(url, f"the page could not be read ({error})") from None


def _http_problem(code: int, reason: str) -> str:
    if code == 404 or code == 410:
        return f"there is no page at this address (the site answered {code} {reason})"
    if code in (401, 403):
        return f"the site does not let the app read this page ({code} {reason})"
    if code == 429:
        return "the site asks to wait before reading more pages (429); try again later"
    if code >= 500:
        return f"the site has a problem of its own ({code} {reason}); try again later"
    return f"the site answered {code} {reason}"


def _network_problem(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError | socket.timeout):
        return _too_slow(timeout)
    if isinstance(reason, socket.gaierror):
        return "the site could not be found: check the address, or whether you are online"
    if isinstance(reason, ConnectionRefusedError):
        return "the site refused the connection (it may be down)"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return (
            "the site's certificate could not be verified, so its page was not fetched "
            f"({reason.verify_message or 'an untrusted certificate'})"
        )
    if isinstance(reason, ssl.SSLError):
        return (
            "the site did not answer a secure (https://) connection; if it only offers "
            "http://, type the address with http:// in front"
        )
    if isinstance(reason, OSError) and reason.errno in {101, 113, 65}:
        return "no network: you seem to be offline"
    return f"the site could not be reached ({reason})"


def _too_big(max_bytes: int) -> str:
    return f"the page is larger than {max_bytes // (1024 * 1024)} MB, too big to be a recipe"


def _too_slow(timeout: float) -> str:
    return f"the site did not answer within {timeout:.0f} seconds"
