"""Getting a pack's bytes: from a file, or from an http(s) URL with the standard library, a
timeout and a size limit. Nothing is written to disk here, so a failed download leaves nothing."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO, Any

from hanban.errors import PackRefused

MAX_PACK_BYTES = 32 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0  # seconds: for each network wait, and for the whole download times ten
CHUNK = 64 * 1024


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(source: str, timeout: float = DEFAULT_TIMEOUT, limit: int | None = None) -> bytes:
    """The bytes of a pack file or URL, at most `limit` (default MAX_PACK_BYTES); raise PackRefused
    saying why, in one line."""
    limit = limit or MAX_PACK_BYTES
    if "://" in source and not is_url(source):
        raise PackRefused(key="pack.err.scheme", source=source)
    return _download(source, timeout, limit) if is_url(source) else _read_file(Path(source), source, limit)


def _read_file(path: Path, source: str, limit: int) -> bytes:
    try:
        if not path.is_file():  # a folder, a pipe or a device is never read
            raise PackRefused(key="pack.err.no_file", source=source)
        with path.open("rb") as fh:
            return _bounded(fh, source, limit)
    except OSError as exc:
        raise PackRefused(key="pack.err.read", source=source, why=exc.strerror or str(exc)) from None


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) URLs only (urllib would also follow one to ftp://)."""

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        if not is_url(newurl):
            raise urllib.error.HTTPError(newurl, code, "redirect to a URL that is not http(s)", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _download(url: str, timeout: float, limit: int) -> bytes:
    from hanban import __version__

    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": f"hanban/{__version__}", "Accept": "application/gzip, */*"})
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length is not None and length.isdigit() and int(length) > limit:
                raise PackRefused(key="pack.err.too_big", source=url, limit=f"{limit:,}")
            return _bounded(response, url, limit, deadline=time.monotonic() + timeout * 10)
    except urllib.error.HTTPError as exc:
        raise PackRefused(key="pack.err.http", source=url, code=exc.code, reason=exc.reason) from None
    except TimeoutError:  # (socket.timeout is TimeoutError)
        raise PackRefused(key="pack.err.timeout", source=url, seconds=f"{timeout:g}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise PackRefused(key="pack.err.timeout", source=url, seconds=f"{timeout:g}") from None
        raise PackRefused(key="pack.err.network", source=url, why=_why(exc.reason)) from None
    except (OSError, ValueError, http.client.HTTPException) as exc:  # connection reset, a malformed URL, an incomplete read
        raise PackRefused(key="pack.err.network", source=url, why=_why(exc)) from None


def _why(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


def _bounded(stream: IO[bytes] | Any, source: str, limit: int, deadline: float | None = None) -> bytes:
    """Read at most `limit` bytes (refuse more), before `deadline` (time.monotonic)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise PackRefused(key="pack.err.too_big", source=source, limit=f"{limit:,}")
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
