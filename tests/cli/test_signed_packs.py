"""Signed packs (The Update Framework's targets role, in small): `catalog update` installs a pack
signed by a key it trusts, and refuses an unsigned one, one signed by another key or tampered
with after signing, one older than the installed pack (rollback attack) and one past its expiry
(freeze attack), each unless asked. Keys are real Ed25519 pairs made in tmp_path."""

from __future__ import annotations

import base64
import gzip
import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import REPO
from hanban.catalog import files as catalog_files
from hanban.cli.app import app
from pack_helpers import Keys, fingerprint, make_keys, pack_folder

REFUSED = "hanban: refused, nothing changed: "


def run(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(app, ["--lang", "en", *args])


def refused(got: Any, *words: str) -> None:
    assert got.exit_code == 3, got.output
    lines = got.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(REFUSED), lines
    for w in words:
        assert w in lines[0], lines[0]


@pytest.fixture(scope="module")
def publisher(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("publisher"))


@pytest.fixture(scope="module")
def stranger(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("stranger"))


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HANBAN_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("HANBAN_SEEDS", raising=False)
    return tmp_path / "data"


def make(runner: CliRunner, tmp: Path, version: str, *more: str) -> Path:
    out = tmp / f"{version}.tar.gz"
    got = run(runner, "catalog", "pack", str(pack_folder(tmp / version, version=version, name=f"Name {version}")), "--output", str(out), *more)
    assert got.exit_code == 0, got.output
    return out


def members(pack: Path) -> dict[str, bytes]:
    with tarfile.open(pack) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()}  # type: ignore[union-attr]


def repack(pack: Path, out: Path, change: dict[str, bytes | None]) -> Path:
    """The pack with members replaced (None: removed), in the same order."""
    old = members(pack)
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz, tarfile.open(fileobj=gz, mode="w") as tar:
        for name, body in {**old, **change}.items():
            if body is not None:
                info = tarfile.TarInfo(name)
                info.size = len(body)
                tar.addfile(info, io.BytesIO(body))
    out.write_bytes(buf.getvalue())
    return out


def test_a_pack_signed_by_a_trusted_key_installs_and_says_who_signed_it(runner: CliRunner, data: Path, tmp_path: Path, publisher: Keys) -> None:
    pack = make(runner, tmp_path, "2026.12.01", "--key", str(publisher.private))
    sig = json.loads(members(pack)["manifest.json.sig"])
    assert sig["algorithm"] == "ed25519" and len(base64.b64decode(sig["signature"])) == 64
    assert make(runner, tmp_path / "again", "2026.12.01", "--key", str(publisher.private)).read_bytes() == pack.read_bytes()  # reproducible
    got = run(runner, "catalog", "update", str(pack), "--trust", str(publisher.public))
    assert got.exit_code == 0, got.output
    install = json.loads(next((data / "packs").glob("*/install.json")).read_text())
    assert install["signed_by"] == sig["keyid"]
    info = json.loads(run(runner, "catalog", "info", "--json").stdout)["pack"]["current"]
    assert info["signed_by"] == sig["keyid"] and info["expires"] == "2027-11-30"
    assert f"signed by key {sig['keyid']}" in run(runner, "catalog", "info").stdout


def test_an_unsigned_or_strangers_or_tampered_pack_is_refused_unless_allowed(
    runner: CliRunner, data: Path, tmp_path: Path, publisher: Keys, stranger: Keys
) -> None:
    trust = ("--trust", str(publisher.public))
    unsigned = make(runner, tmp_path / "u", "2026.12.01")
    refused(run(runner, "catalog", "update", str(unsigned), *trust), "is not signed", "--allow-unsigned")
    strangers = make(runner, tmp_path / "s", "2026.12.01", "--key", str(stranger.private))
    refused(run(runner, "catalog", "update", str(strangers), *trust), "is signed by key", "which is not trusted")
    refused(run(runner, "catalog", "update", str(strangers)), "which is not trusted")  # the built-in catalog trusts neither

    # a file changed after signing, its hash in the manifest changed to match: the signature fails
    good = make(runner, tmp_path / "g", "2026.12.01", "--key", str(publisher.private))
    parts = members(good)
    body = parts["services/certificates.yaml"].replace(b"Name 2026.12.01", b"Evil name")
    manifest = json.loads(parts["manifest.json"])
    manifest["files"]["services/certificates.yaml"] = {"sha256": __import__("hashlib").sha256(body).hexdigest(), "size": len(body)}
    tampered = repack(good, tmp_path / "t.tar.gz", {"services/certificates.yaml": body, "manifest.json": json.dumps(manifest).encode()})
    refused(run(runner, "catalog", "update", str(tampered), *trust), "signature that does not match its manifest.json")
    garbled = repack(good, tmp_path / "x.tar.gz", {"manifest.json.sig": b"[" * 4000})
    refused(run(runner, "catalog", "update", str(garbled), *trust), "signature that does not match")
    huge = repack(good, tmp_path / "h.tar.gz", {"manifest.json.sig": b"[" * 100_000})
    refused(run(runner, "catalog", "update", str(huge), *trust), "member 'manifest.json.sig' is too large")
    assert fingerprint(data) == {}

    got = run(runner, "catalog", "update", str(unsigned), "--allow-unsigned")
    assert got.exit_code == 0, got.output
    assert json.loads(run(runner, "catalog", "info", "--json").stdout)["pack"]["current"]["signed_by"] is None
    assert "signature not checked" in run(runner, "catalog", "info").stdout


def test_a_key_the_built_in_catalog_names_is_trusted_without_an_option(tmp_path: Path, publisher: Keys, monkeypatch: pytest.MonkeyPatch) -> None:
    from hanban.packs.sign import builtin_keys, load_public, verify

    assert builtin_keys() == []  # the shipped file is read (and names no key yet)
    raw = load_public(publisher.public).raw
    (tmp_path / "trusted-keys.json").write_text(json.dumps({"keys": [{"publisher": "Test bureau", "ed25519": base64.b64encode(raw).decode()}]}))
    monkeypatch.setattr(catalog_files, "builtin_dir", lambda: tmp_path)
    [key] = builtin_keys()
    assert key == load_public(publisher.public)._replace(name="Test bureau")
    from hanban.packs.sign import load_private, sign

    manifest = b'{"format": 1}'
    assert verify(manifest, sign(manifest, load_private(publisher.private)), builtin_keys(), "p").name == "Test bureau"


def test_an_older_pack_is_refused_unless_a_downgrade_is_asked_for(runner: CliRunner, data: Path, tmp_path: Path, publisher: Keys) -> None:
    trust = ("--trust", str(publisher.public))
    new, old = make(runner, tmp_path, "2026.12.02", "--key", str(publisher.private)), make(runner, tmp_path, "2026.12.01", "--key", str(publisher.private))
    assert run(runner, "catalog", "update", str(new), *trust).exit_code == 0
    before = fingerprint(data)
    refused(run(runner, "catalog", "update", str(old), *trust), "holds catalog 2026.12.01, older than the installed 2026.12.02", "--allow-downgrade")
    assert fingerprint(data) == before
    got = run(runner, "catalog", "update", str(old), *trust, "--allow-downgrade")
    assert got.exit_code == 0, got.output
    assert run(runner, "catalog", "rollback").exit_code == 0  # `rollback` is the user's own, and needs no flag


def test_a_pack_past_its_expiry_is_refused(runner: CliRunner, data: Path, tmp_path: Path, publisher: Keys, monkeypatch: pytest.MonkeyPatch) -> None:
    trust = ("--trust", str(publisher.public))
    monkeypatch.setenv("HANBAN_TODAY", "2026-12-01")
    pack = make(runner, tmp_path, "2026.12.01", "--key", str(publisher.private), "--expires", "2026-12-31")
    assert json.loads(members(pack)["manifest.json"])["expires"] == "2026-12-31"
    monkeypatch.setenv("HANBAN_TODAY", "2027-01-01")  # a mirror still serving it a day too late
    refused(run(runner, "catalog", "update", str(pack), *trust), "expired on 2026-12-31")
    assert fingerprint(data) == {}
    monkeypatch.setenv("HANBAN_TODAY", "2026-12-31")
    assert run(runner, "catalog", "update", str(pack), *trust).exit_code == 0
    default = json.loads(members(make(runner, tmp_path / "d", "2026.12.01"))["manifest.json"])["expires"]
    assert default == "2027-11-30"  # a year after its as-of date (2026-11-30)


def test_pack_refuses_a_bad_expiry_or_key_at_once(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, out = pack_folder(tmp_path / "f"), tmp_path / "p.tar.gz"
    refused(run(runner, "catalog", "pack", str(folder), "--output", str(out), "--expires", "2026-02-30"), "--expires must be a day")
    monkeypatch.setenv("HANBAN_TODAY", "2029-01-01")
    refused(run(runner, "catalog", "pack", str(folder), "--output", str(out)), "would expire on 2027-11-30, which has passed")
    (tmp_path / "k.pem").write_text("not a key")
    refused(run(runner, "catalog", "pack", str(folder), "--output", str(out), "--key", str(tmp_path / "k.pem")), "is not an Ed25519 key in PEM form")
    refused(run(runner, "catalog", "pack", str(folder), "--output", str(out), "--key", str(tmp_path / "nope.pem")), "cannot read the key file")
    refused(run(runner, "catalog", "update", str(out), "--trust", str(tmp_path / "k.pem")), "is not an Ed25519 key")
    assert not out.exists()


def test_the_key_script_makes_a_pair_that_signs_and_never_overwrites(tmp_path: Path) -> None:
    key = tmp_path / "k.pem"
    got = subprocess.run([sys.executable, str(REPO / "scripts" / "pack_keygen.py"), str(key)], capture_output=True, text=True, check=False)
    assert got.returncode == 0, got.stderr
    assert key.stat().st_mode & 0o777 == 0o600 and key.with_name("k.pem.pub").is_file()
    line = json.loads(got.stdout.splitlines()[-1].split(": ", 1)[1])
    from hanban.packs.sign import load_private, load_public, sign, verify

    pub = load_public(key.with_name("k.pem.pub"))
    assert line["id"] == pub.keyid and base64.b64decode(line["ed25519"]) == pub.raw
    assert verify(b"m", sign(b"m", load_private(key)), [pub], "p") == pub
    again = subprocess.run([sys.executable, str(REPO / "scripts" / "pack_keygen.py"), str(key)], capture_output=True, text=True, check=False)
    assert again.returncode == 1 and "not overwritten" in again.stderr
