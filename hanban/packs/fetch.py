"""Getting a pack's bytes: from a file, or from an http(s) URL with the standard library, a
timeout and a size limit. Nothing is written to disk here, so a failed download leaves nothing."""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO, Any

from hanban.errors import PackRefused

MAX_PACK_BYTES = 32 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0  # seconds: for the whole download, from the name lookup to the last byte
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


class _Download:
    """One download, run in a thread of its own so that the deadline bounds all of it: the name
    lookup, connecting, TLS, the status line and headers and the body. A server that drips a byte
    at a time defeats a per-read timeout (each read returns); here the caller waits at most until
    the deadline, then shuts the connection down, which ends the thread's read at once."""

    def __init__(self, url: str, timeout: float, limit: int) -> None:
        self.url, self.timeout, self.limit = url, timeout, limit
        self.deadline = time.monotonic() + timeout
        self.sockets: list[socket.socket] = []
        self.result: bytes | None = None
        self.error: BaseException | None = None
        self.stop = threading.Event()

    def run(self) -> bytes:
        worker = threading.Thread(target=self._work, name="hanban-download", daemon=True)
        worker.start()
        worker.join(max(0.0, self.deadline - time.monotonic()))
        if worker.is_alive():
            self.stop.set()
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)  # (wakes a read blocked in the thread)
                except OSError:
                    pass
            raise TimeoutError
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return self.result

    def _work(self) -> None:
        try:
            self.result = self._get()
        except BaseException as exc:  # noqa: BLE001 (handed to the caller's thread, which raises it)
            self.error = exc

    def _get(self) -> bytes:
        from hanban import __version__

        opener = urllib.request.build_opener(_HttpOnlyRedirects, *_handlers(self))
        request = urllib.request.Request(self.url, headers={"User-Agent": f"hanban/{__version__}", "Accept": "application/gzip, */*"})
        with opener.open(request, timeout=self.timeout) as response:
            length = response.headers.get("Content-Length")
            if length is not None and length.isdigit() and int(length) > self.limit:
                raise PackRefused(key="pack.err.too_big", source=self.url, limit=f"{self.limit:,}")
            return _bounded(response, self.url, self.limit, deadline=self.deadline, stop=self.stop)


def _handlers(download: _Download) -> list[Any]:
    """urllib handlers for http and https whose connections record their socket in
    `download.sockets` (to be shut down at the deadline)."""

    def recorded(connection: Any) -> Any:
        class Recorded(connection):  # type: ignore[misc]
            def connect(self) -> None:
                super().connect()
                download.sockets.append(self.sock)
                if download.stop.is_set():
                    raise TimeoutError

        return Recorded

    http_connection, https_connection = recorded(http.client.HTTPConnection), recorded(http.client.HTTPSConnection)

    class Http(urllib.request.HTTPHandler):
        def http_open(self, req: Any) -> Any:
            return self.do_open(http_connection, req)

    class Https(urllib.request.HTTPSHandler):
        def https_open(self, req: Any) -> Any:
            return self.do_open(https_connection, req, context=getattr(self, "_context", None))

    return [Http(), Https()]


def _download(url: str, timeout: float, limit: int) -> bytes:
    try:
        return _Download(url, timeout, limit).run()
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


def _bounded(stream: IO[bytes] | Any, source: str, limit: int, deadline: float | None = None, stop: threading.Event | None = None) -> bytes:
    """Read at most `limit` bytes (refuse more), before `deadline` (time.monotonic) or `stop`."""
    chunks: list[bytes] = []
    size = 0
    while True:
        if stop is not None and stop.is_set():
            raise TimeoutError
        chunk = stream.read(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise PackRefused(key="pack.err.too_big", source=source, limit=f"{limit:,}")
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
