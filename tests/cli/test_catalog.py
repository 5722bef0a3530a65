"""`hanban catalog`: packs made from a folder, served over HTTP, installed, refused, rolled back.

Every refusal is one line on stderr, exit 3, and leaves the data folder exactly as it was."""

from __future__ import annotations

import errno
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import REPO
from hanban.cli.app import app
from pack_helpers import (
    NEW_NAME,
    PACK_VERSION,
    Keys,
    Member,
    Route,
    Server,
    copy_data,
    fingerprint,
    folder_files,
    make_keys,
    pack_folder,
    pack_of,
    serving,
    sha256,
    tar_gz,
)
from wizard_helpers import real

OLD_NAME = "No-criminal-record certificate"
REFUSED = "hanban: refused, nothing changed: "


KEYS: list[Keys] = []  # the publisher's key pair, made once for the module (`keys`)


@pytest.fixture(scope="module", autouse=True)
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    KEYS[:] = [make_keys(tmp_path_factory.mktemp("keys"))]
    return KEYS[0]


def run(runner: CliRunner, *args: str, env: dict[str, str] | None = None, signed: bool = True) -> Any:
    """Run hanban; `catalog pack` signs with the test publisher's key and `catalog update` trusts
    it (--key, --trust), unless `signed` is False."""
    more: list[str] = []
    if signed and args[:2] == ("catalog", "pack"):
        more = ["--key", str(KEYS[0].private)]
    elif signed and args[:2] == ("catalog", "update"):
        more = ["--trust", str(KEYS[0].public)]
    return runner.invoke(app, ["--lang", "en", *args, *more], env=env)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder of the test's own (HANBAN_DATA)."""
    d = tmp_path / "data"
    monkeypatch.setenv("HANBAN_DATA", str(d))
    return d


@pytest.fixture(scope="module")
def pack_file(tmp_path_factory: pytest.TempPathFactory, keys: Keys) -> Path:
    """A valid pack made by `hanban catalog pack` from a small correction folder, signed."""
    tmp = tmp_path_factory.mktemp("pack")
    out = tmp / "fix.tar.gz"
    got = CliRunner().invoke(app, ["catalog", "pack", str(pack_folder(tmp / "fix")), "--output", str(out), "--key", str(keys.private)])
    assert got.exit_code == 0, got.output
    return out


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, pack_file: Path, keys: Keys) -> Path:
    """A data folder with that pack installed (copied by each test that changes it)."""
    from hanban.packs.update import Trust, update

    data = tmp_path_factory.mktemp("installed") / "data"
    update(data, str(pack_file), trust=Trust(keys=(keys.public,)))
    return data


@pytest.fixture
def with_pack(installed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = copy_data(installed, tmp_path / "data")
    monkeypatch.setenv("HANBAN_DATA", str(d))
    return d


@pytest.fixture
def server() -> Iterator[Server]:
    with serving() as s:
        yield s


def shown_name(runner: CliRunner) -> str:
    got = run(runner, "show", "no-crime-certificate", "--json")
    assert got.exit_code == 0, got.output
    return str(json.loads(got.stdout)["name"]["en"])


def refused(got: Any, *words: str) -> str:
    """The one line a refusal prints (exit 3, nothing on stdout)."""
    assert got.exit_code == 3, got.output
    assert got.stdout == ""
    lines = got.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(REFUSED), lines[0]
    for w in words:
        assert w in lines[0], lines[0]
    return str(lines[0])


# -- the whole story -----------------------------------------------------------------------------


def test_a_pack_from_a_folder_served_over_http_installs_survives_a_damaged_one_and_rolls_back(
    runner: CliRunner, tmp_path: Path, data: Path, server: Server
) -> None:
    # a maintainer packs a folder that passes the full validator
    pack = tmp_path / "fix.tar.gz"
    got = run(runner, "catalog", "pack", str(pack_folder(tmp_path / "fix")), "--output", str(pack))
    assert got.exit_code == 0, got.output
    digest = got.stdout.split()[0]
    assert got.stdout == f"{digest}  {pack}\n" and digest == sha256(pack.read_bytes())
    assert shown_name(runner) == OLD_NAME

    # a user installs it from a URL, checking the published digest
    server.routes["/fix.tar.gz"] = Route(body=pack.read_bytes())
    got = run(runner, "catalog", "update", server.url("/fix.tar.gz"), "--sha256", digest)
    assert got.exit_code == 0, got.output
    assert f"now using catalog {PACK_VERSION} (as of 2026-11-30)" in got.stderr
    assert shown_name(runner) == NEW_NAME  # the index noticed the switch
    assert "Defined in: pack/services/certificates.yaml" in run(runner, "show", "no-crime-certificate", "--verbose").stdout
    assert run(runner, "--version").stdout.startswith(f"hanban 0.2.0 (catalog {PACK_VERSION}, {len(real()[0].services)} services")
    shown = json.loads(run(runner, "show", "no-crime-certificate", "--json").stdout)
    assert shown["catalog"] == {"version": PACK_VERSION, "as_of": "2026-11-30", "stale": False}
    before = fingerprint(data)

    # a damaged second pack changes nothing
    server.routes["/next.tar.gz"] = Route(body=pack.read_bytes()[:-100])
    refused(run(runner, "catalog", "update", server.url("/next.tar.gz")), "is damaged or truncated")
    assert fingerprint(data) == before and shown_name(runner) == NEW_NAME

    # rollback goes back to the built-in catalog, and again to the pack
    got = run(runner, "catalog", "rollback")
    assert got.exit_code == 0 and "now using the built-in catalog" in got.stderr
    assert shown_name(runner) == OLD_NAME
    assert run(runner, "catalog", "rollback").exit_code == 0
    assert shown_name(runner) == NEW_NAME


def test_catalog_info_names_each_layer(runner: CliRunner, with_pack: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "ov"
    overlay.mkdir()
    (overlay / "catalog.yaml").write_text('catalog: {version: "2026.12.02", as_of: "2026-12-02"}\n', "utf-8")
    got = run(runner, "--catalog", str(overlay), "catalog", "info", "--json")
    assert got.exit_code == 0, got.output
    info = json.loads(got.stdout)
    assert [(x["kind"], x["version"], x["files"]) for x in info["layers"]] == [
        ("built-in", "2026.12.07", len(list((REPO / "catalog").rglob("*.yaml")))), ("pack", PACK_VERSION, 2), ("overlay", "2026.12.02", 1)]
    assert info["layers"][1]["publisher"] == "Test bureau"
    assert info["catalog"] == {"version": "2026.12.02", "as_of": "2026-12-02", "stale": False}
    assert info["pack"]["current"]["version"] == PACK_VERSION and info["pack"]["previous"] == {"name": "builtin"}
    plain = run(runner, "catalog", "info").stdout.splitlines()
    assert plain[0] == f"In use: {PACK_VERSION}, as of 2026-11-30 (within 365 days)"
    assert plain[1] == f"built-in\t2026.12.07\t2026-12-07\t{info['layers'][0]['files']}\t{info['layers'][0]['path']}"
    assert plain[2].startswith(f"pack\t{PACK_VERSION}\t2026-11-30\t2\t")


def test_a_third_pack_keeps_only_the_current_and_the_previous(runner: CliRunner, with_pack: Path, tmp_path: Path) -> None:
    for i, name in enumerate(("Second", "Third"), 2):
        out = tmp_path / f"p{i}.tar.gz"
        folder = pack_folder(tmp_path / f"p{i}", version=f"2026.12.0{i}", as_of=f"2026-12-0{i}", name=name)
        assert run(runner, "catalog", "pack", str(folder), "--output", str(out)).exit_code == 0
        assert run(runner, "catalog", "update", str(out)).exit_code == 0
    assert sorted(p.name.split("-")[0] for p in (with_pack / "packs").iterdir()) == ["2026.12.02", "2026.12.03"]
    assert shown_name(runner) == "Third"
    run(runner, "catalog", "rollback")
    assert shown_name(runner) == "Second"


def test_installing_the_current_pack_again_changes_nothing(runner: CliRunner, with_pack: Path, pack_file: Path) -> None:
    before = fingerprint(with_pack)
    got = run(runner, "catalog", "update", str(pack_file))
    assert got.exit_code == 0 and "already in use; nothing changed" in got.stderr
    assert fingerprint(with_pack) == before


# -- catalog pack --------------------------------------------------------------------------------


def test_a_pack_is_the_same_bytes_every_time_and_never_overwrites_without_force(runner: CliRunner, tmp_path: Path) -> None:
    folder = pack_folder(tmp_path / "fix")
    a, b = tmp_path / "a.tar.gz", tmp_path / "b.tar.gz"
    assert run(runner, "catalog", "pack", str(folder), "--output", str(a)).exit_code == 0
    assert run(runner, "catalog", "pack", str(folder), "-o", str(b)).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    got = run(runner, "catalog", "pack", str(folder), "--output", str(a))
    assert got.exit_code == 2 and "already exists; use --force" in got.stderr
    assert run(runner, "catalog", "pack", str(folder), "--output", str(a), "--force").exit_code == 0


def test_a_folder_that_does_not_validate_is_not_packed(runner: CliRunner, tmp_path: Path) -> None:
    folder = pack_folder(tmp_path / "fix")
    (folder / "services" / "broken.yaml").write_text("services:\n  - id: Bad Id\n", "utf-8")
    out = tmp_path / "x.tar.gz"
    got = run(runner, "catalog", "pack", str(folder), "--output", str(out))
    assert got.exit_code == 3 and not out.exists() and got.stdout == ""
    assert f"{folder}/services/broken.yaml:2: services[0].id: 'Bad Id' is not a lowercase kebab-case ascii id" in got.stderr
    assert got.stderr.splitlines()[-1].startswith(REFUSED) and "does not validate" in got.stderr


def test_a_folder_without_an_identity_is_not_packed(runner: CliRunner, tmp_path: Path) -> None:
    folder = pack_folder(tmp_path / "fix")
    (folder / "catalog.yaml").unlink()
    refused(run(runner, "catalog", "pack", str(folder), "--output", str(tmp_path / "x.tar.gz")), "gives no catalog identity")


# -- bad input: each refused in one line, nothing changed ---------------------------------------


@pytest.fixture(scope="module")
def good_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The files of a valid pack, to build bad packs around."""
    return folder_files(pack_folder(tmp_path_factory.mktemp("good") / "f"))


BAD_PACKS = {
    "a member ../x": (lambda f: pack_of(f, [Member("../x.yaml", b"x: 1\n")]), "contains '..'"),
    "a member /etc/x": (lambda f: pack_of(f, [Member("/etc/x.yaml", b"x: 1\n")]), "is an absolute path"),
    "a symlink member": (lambda f: pack_of(f, [Member("services/link.yaml", kind="symlink", target="/etc/passwd")]), "is a link"),
    "a member name with a line break": (lambda f: pack_of(f, [Member("x\ny.yaml", kind="symlink", target="a")]), "member 'x\\ny.yaml' is a link"),
    "a hard link member": (lambda f: pack_of(f, [Member("services/hard.yaml", kind="hardlink", target="catalog.yaml")]), "is a link"),
    "a device member": (lambda f: pack_of(f, [Member("dev.yaml", kind="chr")]), "is a device or pipe"),
    "a pipe member": (lambda f: pack_of(f, [Member("fifo.yaml", kind="fifo")]), "is a device or pipe"),
    "a wrong hash in the manifest": (lambda f: pack_of(f, hashes={"catalog.yaml": "0" * 64}), "'catalog.yaml' does not match its SHA-256"),
    "a file the manifest does not list": (lambda f: pack_of(f, [Member("extra.yaml", b"x: 1\n")]), "'extra.yaml' is not listed"),
    "a manifest for a newer format": (lambda f: pack_of(f, fmt=2), "pack format 2 is newer than this hanban reads (1)"),
    "a pack for a newer hanban": (lambda f: pack_of(f, min_hanban="9.0"), "needs hanban 9.0 or newer"),
    "no manifest": (lambda f: tar_gz([Member(n, b) for n, b in f.items()]), "has no manifest.json"),
    "not an archive": (lambda f: b"services: []\n", "is not a catalog pack"),
    "an HTML page": (lambda f: b"<!DOCTYPE html><html><body>Sign in</body></html>", "is a web page"),
    "a truncated archive": (lambda f: pack_of(f)[:-200], "is damaged or truncated"),
    "a pack failing validation": (
        lambda f: pack_of({**f, "services/bad.yaml": b"services:\n  - id: x\n"}),
        "the catalog in the pack does not validate (",
    ),
    "an identity the manifest does not give": (lambda f: pack_of(f, version="2027.01.01"), "manifest.json says 2027.01.01"),
    "a manifest version that is a path": (lambda f: pack_of(f, version="../../evil"), "manifest.json has no valid 'catalog.version'"),
    "a manifest that is not JSON": (
        lambda f: tar_gz([Member("manifest.json", b"{nope"), *(Member(n, b) for n, b in f.items())]), "manifest.json is not a valid JSON object"),
}


@pytest.mark.parametrize("case", sorted(BAD_PACKS))
def test_a_bad_pack_is_refused_in_one_line_and_changes_nothing(
    runner: CliRunner, with_pack: Path, tmp_path: Path, good_files: dict[str, bytes], case: str
) -> None:
    """(Unsigned: each is refused as such first; --allow-unsigned shows the checks behind.)"""
    make, message = BAD_PACKS[case]
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(make(good_files))
    before = fingerprint(with_pack)
    refused(run(runner, "catalog", "update", str(bad), "--allow-unsigned"), message)
    got = run(runner, "catalog", "update", str(bad))
    refused(got, *([] if "is not signed" in got.stderr else [message]))
    assert fingerprint(with_pack) == before
    assert shown_name(runner) == NEW_NAME


def test_a_wrong_sha256_is_refused(runner: CliRunner, with_pack: Path, pack_file: Path) -> None:
    before = fingerprint(with_pack)
    line = refused(run(runner, "catalog", "update", str(pack_file), "--sha256", "ab" * 32), f"has SHA-256 {sha256(pack_file.read_bytes())}, not {'ab' * 32}")
    assert str(pack_file) in line
    refused(run(runner, "catalog", "update", str(pack_file), "--sha256", "not-hex"), "--sha256 must be 64 hexadecimal characters")
    assert fingerprint(with_pack) == before


@pytest.mark.parametrize(
    ("route", "message"),
    [
        (Route(404, b"<html>Not Found</html>", "text/html"), "the server answered HTTP 404"),
        (Route(200, b"<!doctype html>\n<html><head><title>Download</title></head></html>", "text/html"), "is a web page, not a catalog pack"),
        (Route(500, b"oops", "text/plain"), "the server answered HTTP 500"),
    ],
    ids=["404", "an HTML page", "500"],
)
def test_a_url_that_does_not_give_a_pack_is_refused(runner: CliRunner, with_pack: Path, server: Server, route: Route, message: str) -> None:
    server.routes["/pack.tar.gz"] = route
    before = fingerprint(with_pack)
    refused(run(runner, "catalog", "update", server.url("/pack.tar.gz")), message)
    assert fingerprint(with_pack) == before


def test_a_url_that_times_out_is_refused(runner: CliRunner, with_pack: Path, server: Server, pack_file: Path) -> None:
    server.routes["/slow.tar.gz"] = Route(body=pack_file.read_bytes(), delay=3)
    before = fingerprint(with_pack)
    refused(run(runner, "catalog", "update", server.url("/slow.tar.gz"), "--timeout", "0.3"), "no answer within 0.3 s")
    assert fingerprint(with_pack) == before


@pytest.mark.parametrize("size", [0, 400], ids=["headers", "body"])
def test_a_server_that_drips_is_given_up_on_at_the_deadline(runner: CliRunner, with_pack: Path, server: Server, size: int) -> None:
    """--timeout bounds the whole download, headers included: a server sending one byte every
    0.1 s (each read returns, so no single wait times out) is cut off after about 1 s."""
    server.routes["/drip.tar.gz"] = Route(body=b"\x1f\x8b" + b"x" * size, drip=0.1)
    before = fingerprint(with_pack)
    refused(run(runner, "catalog", "update", server.url("/drip.tar.gz"), "--timeout", "1"), "no answer within 1 s")
    assert server.done.wait(120)
    assert server.dripped["/drip.tar.gz"] < 60  # of 100+ bytes: the connection was closed (not a wall-clock assertion)
    assert fingerprint(with_pack) == before


def test_a_server_that_is_not_there_and_other_schemes_are_refused(runner: CliRunner, with_pack: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    refused(run(runner, "catalog", "update", f"http://127.0.0.1:{port}/p.tar.gz", "--timeout", "2"), "cannot download")
    refused(run(runner, "catalog", "update", f"https://127.0.0.1:{port}/p.tar.gz", "--timeout", "2"), "cannot download")


def test_https_to_a_server_that_does_not_speak_tls_is_refused(runner: CliRunner, with_pack: Path, server: Server) -> None:
    refused(run(runner, "catalog", "update", server.url("/p.tar.gz").replace("http:", "https:"), "--timeout", "5"), "cannot download")
    refused(run(runner, "catalog", "update", "ftp://example.com/p.tar.gz"), "only a file path or an http:// or https:// URL")
    refused(run(runner, "catalog", "update", "/no/such/pack.tar.gz"), "no such file")


def test_a_download_over_the_size_limit_is_refused(runner: CliRunner, with_pack: Path, server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    from hanban.packs import fetch

    monkeypatch.setattr(fetch, "MAX_PACK_BYTES", 1000)
    server.routes["/big.tar.gz"] = Route(body=b"\x1f\x8b" + b"0" * 5000)
    refused(run(runner, "catalog", "update", server.url("/big.tar.gz")), "is larger than 1,000 bytes")


def test_a_full_disk_during_install_changes_nothing(runner: CliRunner, with_pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hanban.packs import store

    out = tmp_path / "p2.tar.gz"
    assert run(runner, "catalog", "pack", str(pack_folder(tmp_path / "p2", version="2026.12.02", name="Second")), "--output", str(out)).exit_code == 0
    written: list[Path] = []
    real = store._write_file

    def fills_up(path: Path, data: bytes) -> None:
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(path)
        real(path, data)

    monkeypatch.setattr(store, "_write_file", fills_up)
    before = fingerprint(with_pack)
    refused(run(runner, "catalog", "update", str(out)), "cannot install the pack in", "No space left on device")
    assert written and not written[0].exists()  # the staged file was removed
    assert fingerprint(with_pack) == before
    assert not [p for p in (with_pack / "packs").iterdir() if p.name.startswith(".")]


def test_two_updates_at_once_the_second_is_refused(runner: CliRunner, with_pack: Path, tmp_path: Path) -> None:
    from hanban.packs.store import PackStore

    out = tmp_path / "p2.tar.gz"
    assert run(runner, "catalog", "pack", str(pack_folder(tmp_path / "p2", version="2026.12.02", name="Second")), "--output", str(out)).exit_code == 0
    before = fingerprint(with_pack)
    with PackStore(with_pack).locked():  # another update is running
        refused(run(runner, "catalog", "update", str(out)), "another hanban is updating the catalog")
        refused(run(runner, "catalog", "rollback"), "another hanban is updating the catalog")
    assert fingerprint(with_pack) == before
    assert run(runner, "catalog", "update", str(out)).exit_code == 0  # and once it has finished


def test_a_rollback_with_no_previous_pack_is_refused(runner: CliRunner, data: Path) -> None:
    refused(run(runner, "catalog", "rollback"), "there is no previous pack to go back to")
    assert fingerprint(data) == {}


def test_refusals_are_in_every_script(runner: CliRunner, data: Path) -> None:
    got = runner.invoke(app, ["--lang", "zh-Hant", "catalog", "rollback"])
    assert got.exit_code == 3 and got.stderr == "hanban: 已拒絕，未做任何改動：沒有可以退回的上一個資料包\n"
    got = runner.invoke(app, ["--lang", "zh-Hans", "catalog", "rollback"])
    assert got.stderr == "hanban: 已拒绝，未做任何改动：没有可以退回的上一个资料包\n"


# -- schemas -------------------------------------------------------------------------------------


def test_catalog_schema_lists_and_prints_schemas(runner: CliRunner) -> None:
    names = run(runner, "catalog", "schema").stdout.split()
    assert {"catalog-file", "manifest", "list", "show", "ask", "search", "measures", "questions", "catalog-info"} <= set(names)
    assert json.loads(run(runner, "catalog", "schema", "show").stdout)["title"]
    got = run(runner, "catalog", "schema", "nope")
    assert got.exit_code == 2 and "no schema is called 'nope'" in got.stderr


def test_a_missing_current_pack_falls_back_to_the_built_in_catalog_and_says_so(runner: CliRunner, with_pack: Path) -> None:
    import shutil

    for folder in (with_pack / "packs").iterdir():
        shutil.rmtree(folder)
    assert shown_name(runner) == OLD_NAME
    info = json.loads(run(runner, "catalog", "info", "--json").stdout)
    assert info["pack"]["missing"] is True and [x["kind"] for x in info["layers"]] == ["built-in"]
    assert "the current pack" in run(runner, "catalog", "info").stdout
    got = run(runner, "catalog", "rollback")  # back to what was before it: the built-in catalog
    assert got.exit_code == 0 and fingerprint(with_pack)["state.json"]


def test_a_pack_file_gets_the_usual_permissions(runner: CliRunner, tmp_path: Path) -> None:
    import os

    out = tmp_path / "p.tar.gz"
    umask = os.umask(0o022)
    try:
        assert run(runner, "catalog", "pack", str(pack_folder(tmp_path / "f")), "--output", str(out)).exit_code == 0
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o644  # readable by a web server that publishes it


def test_a_pack_that_does_not_validate_is_refused_with_its_first_problem_in_the_language_asked(
    runner: CliRunner, with_pack: Path, tmp_path: Path, good_files: dict[str, bytes]
) -> None:
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(pack_of({**good_files, "services/bad.yaml": b"services:\n  - id: x\n"}))
    before = fingerprint(with_pack)
    got = runner.invoke(app, ["--lang", "zh-Hans", "catalog", "update", str(bad), "--allow-unsigned"])
    assert got.exit_code == 3 and got.stdout == ""
    assert "资料包中的资料目录未通过校验（" in got.stderr and "services/bad.yaml:2: services[0]: 缺少必填字段“name”" in got.stderr
    assert fingerprint(with_pack) == before


@pytest.mark.parametrize("where", ["missing", "too long"])
def test_a_folder_path_too_long_for_the_system_is_treated_as_a_missing_folder(runner: CliRunner, tmp_path: Path, data: Path, where: str) -> None:
    folder = tmp_path / ("x" * 300 if where == "too long" else "nope")  # (a name over 255 bytes: ENAMETOOLONG)
    refused(run(runner, "catalog", "pack", str(folder), "--output", str(tmp_path / "p.tar.gz")), "is not a folder")
    got = run(runner, "validate", "--seeds", str(folder))
    assert got.exit_code == 1 and "seed folder not found" in got.stdout and "cannot write output" not in got.output
    assert got.stderr.splitlines() == ["hanban: 1 problem(s) found"]


def test_a_fabricated_quote_is_refused_when_the_seed_texts_are_at_hand(runner: CliRunner, with_pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import need_seeds

    seeds = need_seeds()
    monkeypatch.delenv("HANBAN_SEEDS", raising=False)  # (CI sets it: the publisher here packs without the seeds)
    folder = pack_folder(tmp_path / "lie", version="2026.12.03")
    certs = folder / "services" / "certificates.yaml"
    real_quote = "无犯罪记录证明开具等事项，全面实施“跨省通办”"
    certs.write_text(certs.read_text("utf-8").replace(real_quote, "无犯罪记录证明开具等事项，全面实施当场免费办结", 1), "utf-8")
    pack = tmp_path / "lie.tar.gz"
    got = run(runner, "catalog", "pack", str(folder), "--output", str(pack))  # (packed without --seeds)
    assert got.exit_code == 0, got.output
    before = fingerprint(with_pack)
    refused(run(runner, "catalog", "update", str(pack), "--seeds", str(seeds)), "does not validate", "quote not found verbatim")
    monkeypatch.setenv("HANBAN_SEEDS", str(seeds))
    refused(run(runner, "catalog", "update", str(pack)), "quote not found verbatim")
    assert fingerprint(with_pack) == before
    monkeypatch.delenv("HANBAN_SEEDS")
    got = run(runner, "catalog", "update", str(pack))  # no seed texts at hand: quotes cannot be checked
    assert got.exit_code == 0, got.output
