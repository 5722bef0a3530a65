"""Helpers for the pack tests: a small pack folder, hand-made (and hostile) archives, a local HTTP
server, and a fingerprint of a data folder to prove that a refused update changed nothing."""

from __future__ import annotations

import hashlib
import http.server
import io
import json
import shutil
import tarfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from conftest import REPO

PACK_VERSION = "2026.12.01"
PACK_AS_OF = "2026-11-30"
NEW_NAME = "Police clearance certificate (corrected in 2026)"


def pack_folder(dest: Path, version: str = PACK_VERSION, as_of: str = PACK_AS_OF, name: str = NEW_NAME) -> Path:
    """A small correction pack: its identity and the certificates file with one name changed."""
    (dest / "services").mkdir(parents=True, exist_ok=True)
    (dest / "catalog.yaml").write_text(f'catalog: {{version: "{version}", as_of: "{as_of}", publisher: Test bureau}}\n', "utf-8")
    text = (REPO / "catalog" / "services" / "certificates.yaml").read_text("utf-8")
    assert "en: No-criminal-record certificate\n" in text
    (dest / "services" / "certificates.yaml").write_text(text.replace("en: No-criminal-record certificate\n", f"en: {name}\n", 1), "utf-8")
    return dest


class Keys(NamedTuple):
    private: Path  # PEM, as scripts/pack_keygen.py writes it
    public: Path


def make_keys(folder: Path, name: str = "publisher.pem") -> Keys:
    """A new Ed25519 key pair in `folder` (a real one, made as a publisher makes theirs)."""
    from hanban.packs.sign import generate

    folder.mkdir(parents=True, exist_ok=True)
    public, _ = generate(folder / name)
    return Keys(folder / name, public)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Member(NamedTuple):
    name: str
    data: bytes = b""
    kind: str = "file"  # file | dir | symlink | hardlink | fifo | chr
    target: str = ""  # for links


def manifest(files: dict[str, bytes], *, fmt: int = 1, min_hanban: str = "0.2.0", version: str = PACK_VERSION,
             as_of: str = PACK_AS_OF, hashes: dict[str, str] | None = None) -> bytes:
    """A manifest.json for `files` (hashes may be overridden)."""
    entries = {n: {"sha256": (hashes or {}).get(n, sha256(b)), "size": len(b)} for n, b in files.items()}
    data = {"format": fmt, "catalog": {"version": version, "as_of": as_of}, "min_hanban": min_hanban, "files": entries}
    return json.dumps(data).encode()


def tar_gz(members: list[Member]) -> bytes:
    """A .tar.gz holding exactly these members (whatever they are)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for m in members:
            info = tarfile.TarInfo(m.name)
            if m.kind == "file":
                info.size = len(m.data)
                tar.addfile(info, io.BytesIO(m.data))
                continue
            info.type = {"dir": tarfile.DIRTYPE, "symlink": tarfile.SYMTYPE, "hardlink": tarfile.LNKTYPE,
                         "fifo": tarfile.FIFOTYPE, "chr": tarfile.CHRTYPE}[m.kind]
            info.linkname = m.target
            tar.addfile(info)
    return buf.getvalue()


def pack_of(files: dict[str, bytes], extra: list[Member] = (), **manifest_args: Any) -> bytes:  # type: ignore[assignment]
    """A pack of `files` with a manifest for them, and `extra` members after them."""
    members = [Member("manifest.json", manifest(files, **manifest_args))]
    members += [Member(n, b) for n, b in files.items()]
    return tar_gz(members + list(extra))


def folder_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def fingerprint(data: Path) -> dict[str, str]:
    """Every file under a data folder (but the lock) with its hash: equal before and after means nothing changed."""
    if not data.exists():
        return {}
    return {p.relative_to(data).as_posix(): sha256(p.read_bytes()) for p in sorted(data.rglob("*")) if p.is_file() and p.name != "lock"}


class Route(NamedTuple):
    status: int = 200
    body: bytes = b""
    content_type: str = "application/gzip"
    delay: float = 0.0
    drip: float = 0.0  # > 0: the whole answer, status line and headers included, one byte every `drip` seconds


class Server:
    """A local HTTP server in a thread; `routes[path]` says what each path answers. A dripped
    answer records in `dripped[path]` how many bytes it sent before the client went away."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.dripped: dict[str, int] = {}
        self.done = threading.Event()  # set when a dripped answer ends
        routes, dripped, done = self.routes, self.dripped, self.done

        class Handler(http.server.BaseHTTPRequestHandler):
            def drip(self, route: Route) -> None:
                head = f"HTTP/1.0 {route.status} OK\r\nContent-Type: {route.content_type}\r\nContent-Length: {len(route.body)}\r\n\r\n"
                dripped[self.path] = 0
                try:
                    for byte in head.encode() + route.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        dripped[self.path] += 1
                        time.sleep(route.drip)
                except OSError:
                    pass  # the client went away
                finally:
                    done.set()

            def do_GET(self) -> None:  # (the http.server API's name)
                route = routes.get(self.path, Route(404, b"<html><body>Not found</body></html>", "text/html"))
                if route.drip:
                    self.drip(route)
                    return
                if route.delay:
                    time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    self.wfile.write(route.body)
                except OSError:
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


@contextmanager
def serving() -> Iterator[Server]:
    server = Server()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


def copy_data(template: Path, dest: Path) -> Path:
    shutil.copytree(template, dest, symlinks=True)
    return dest
