"""The prebuilt index of the built-in catalog (made when the wheel is built): a new index file starts
from it when it is this code's and this catalog's, and is compiled as before otherwise."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, service_yaml
from hanban import index as ix
from hanban.catalog.load import load_catalog
from hanban.index import prebuilt
from hanban.index import store as ix_store
from hanban.strings import Lang, word
from index_helpers import count_parses, same_catalog


@pytest.fixture(scope="module")
def shipped_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The shipped catalog copied, and its prebuilt index compiled once (as the build hook does)."""
    root = tmp_path_factory.mktemp("prebuilt")
    catalog = root / "catalog"
    shutil.copytree(REPO / "catalog", catalog)
    prebuilt.write(root / "out", catalog)
    yield catalog, root / "out"


@pytest.fixture
def builtin(shipped_copy: tuple[Path, Path], tmp_path: Path) -> Path:
    """A built-in catalog of the test's own (a copy of the shipped one), that tests may edit."""
    folder = tmp_path / "builtin"
    shutil.copytree(shipped_copy[0], folder)
    return folder


@pytest.fixture
def pre(shipped_copy: tuple[Path, Path], tmp_path: Path) -> Path:
    """The prebuilt index of `builtin`, a copy of the test's own (that tests may damage)."""
    folder = tmp_path / "_index"
    shutil.copytree(shipped_copy[1], folder)
    return folder / prebuilt.NAME


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The display names of the files the index parses."""
    return count_parses(monkeypatch)


def _edit_manifest(pre: Path, **changes: Any) -> None:
    path = pre.with_name(prebuilt.MANIFEST)
    path.write_text(json.dumps({**json.loads(path.read_text()), **changes}), encoding="utf-8")


# -- used when it may be --------------------------------------------------------------------------
def test_a_new_index_starts_from_the_prebuilt_one_and_parses_nothing(
    builtin: Path, pre: Path, tmp_path: Path, parses: list[str]
) -> None:
    cat = ix.open_catalog(directory=tmp_path / "cache", builtin=builtin, pack=None, prebuilt=pre)
    assert parses == []
    same_catalog(load_catalog(builtin=builtin, pack=None), cat)
    parses.clear()  # (loading directly parsed them)
    warm = ix.open_catalog(directory=tmp_path / "cache", builtin=builtin, pack=None, prebuilt=pre)
    assert parses == []
    same_catalog(cat, warm)


def test_the_copied_index_names_this_machines_files(builtin: Path, pre: Path, tmp_path: Path) -> None:
    ix.open_catalog(directory=tmp_path / "cache", builtin=builtin, pack=None, prebuilt=pre)
    (index,) = (tmp_path / "cache").glob("index-*.sqlite")
    db = sqlite3.connect(index)
    paths = {p for (p,) in db.execute("SELECT path FROM units")}
    db.close()
    assert paths == {str(p) for p in builtin.rglob("*.yaml")}


def test_an_overlay_on_top_of_the_prebuilt_index_is_the_only_file_parsed(
    builtin: Path, pre: Path, tmp_path: Path, write: Callable[[str, str], Path], parses: list[str]
) -> None:
    overlay = write("overlay/services/x.yaml", service_yaml("no-crime-certificate", zh="覆盖的证明", en="Replaced"))
    write("overlay/services/y.yaml", service_yaml("brand-new-service"))
    overlays = [overlay.parent.parent]
    cat = ix.open_catalog(overlays, directory=tmp_path / "cache", builtin=builtin, pack=None, prebuilt=pre)
    assert sorted(parses) == sorted(f"{overlays[0]}/services/{n}" for n in ("x.yaml", "y.yaml"))
    assert cat.services["no-crime-certificate"].name.en == "Replaced"
    assert "brand-new-service" in cat.services
    same_catalog(load_catalog(overlays, builtin=builtin, pack=None), cat)


# -- ignored when it may not be -------------------------------------------------------------------
def _damage_bytes(pre: Path) -> None:
    raw = pre.read_bytes()
    assert b"No-criminal-record" in raw
    pre.write_bytes(raw.replace(b"No-criminal-record", b"No-criminal-RECORD"))  # (still a database SQLite reads)


def _damage_pages(pre: Path) -> None:
    raw = bytearray(pre.read_bytes())
    raw[len(raw) // 2 : len(raw) // 2 + 512] = b"\xff" * 512
    pre.write_bytes(bytes(raw))


def _other_code(pre: Path) -> None:
    _edit_manifest(pre, version="5|0.1.0|another hanban")


def _damage_manifest(pre: Path) -> None:
    pre.with_name(prebuilt.MANIFEST).write_text("{ not json", encoding="utf-8")


def _no_manifest(pre: Path) -> None:
    pre.with_name(prebuilt.MANIFEST).unlink()


def _truncated(pre: Path) -> None:
    raw = pre.read_bytes()[:4096]
    pre.write_bytes(raw)
    _edit_manifest(pre, digest=prebuilt.digest(raw))  # (a consistent manifest: the file itself is checked too)


def _anybody_may_write(pre: Path) -> None:
    pre.chmod(0o666)


def _a_symbolic_link(pre: Path) -> None:
    real = pre.with_name("elsewhere.sqlite")
    pre.rename(real)
    pre.symlink_to(real)


@pytest.mark.parametrize(
    "spoil",
    [_damage_bytes, _damage_pages, _other_code, _damage_manifest, _no_manifest, _truncated, _anybody_may_write, _a_symbolic_link],
)
def test_a_prebuilt_index_that_is_damaged_another_codes_or_not_trusted_is_ignored(
    spoil: Callable[[Path], None], builtin: Path, pre: Path, tmp_path: Path, parses: list[str]
) -> None:
    if spoil is _anybody_may_write and Path(prebuilt.__file__).stat().st_mode & 0o002:
        pytest.skip("hanban's own code may be written by anybody here")
    spoil(pre)
    cat = ix.open_catalog(directory=tmp_path / "cache", builtin=builtin, pack=None, prebuilt=pre)
    assert len(parses) == len(list(builtin.rglob("*.yaml")))  # compiled, as without one
    same_catalog(load_catalog(builtin=builtin, pack=None), cat)


def test_a_built_in_catalog_edited_after_install_is_compiled_not_copied(
    builtin: Path, pre: Path, tmp_path: Path, parses: list[str]
) -> None:
    certificates = builtin / "services" / "certificates.yaml"
    certificates.write_text(certificates.read_text("utf-8").replace("No-criminal-record certificate", "No-criminal-record certificate (edited)", 1), "utf-8")
    cat = ix.open_catalog(directory=tmp_path / "cache", builtin=builtin, pack=None, prebuilt=pre)
    assert parses
    direct = load_catalog(builtin=builtin, pack=None)
    same_catalog(direct, cat)
    assert "edited" in json.dumps([s.name.en for s in cat.services.values()])


def test_a_built_in_file_added_after_install_is_compiled(builtin: Path, pre: Path, tmp_path: Path, parses: list[str]) -> None:
    import textwrap

    (builtin / "services" / "added.yaml").write_text(textwrap.dedent(service_yaml("added-service")), "utf-8")
    cat = ix.open_catalog(directory=tmp_path / "cache", builtin=builtin, pack=None, prebuilt=pre)
    assert len(parses) == len(list(builtin.rglob("*.yaml")))
    assert "added-service" in cat.services
    same_catalog(load_catalog(builtin=builtin, pack=None), cat)


def test_an_index_damaged_after_it_was_copied_is_compiled_again(builtin: Path, pre: Path, tmp_path: Path, parses: list[str]) -> None:
    ix.open_catalog(directory=tmp_path / "cache", builtin=builtin, pack=None, prebuilt=pre)
    (index,) = (tmp_path / "cache").glob("index-*.sqlite")
    index.write_bytes(b"this is not an SQLite database" * 100)
    cat = ix.open_catalog(directory=tmp_path / "cache", builtin=builtin, pack=None, prebuilt=pre)
    same_catalog(load_catalog(builtin=builtin, pack=None), cat)


# -- an upgrade -------------------------------------------------------------------------------------
def test_an_upgraded_package_replaces_the_old_index_with_its_own_prebuilt_one(
    builtin: Path, shipped_copy: tuple[Path, Path], tmp_path: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    old = tmp_path / "old"
    shutil.copytree(shipped_copy[1], old)
    ix.open_catalog(directory=cache, builtin=builtin, pack=None, prebuilt=old / prebuilt.NAME)
    # The new version: other code, an edited catalog, and its own prebuilt index of both.
    for module in (ix_store, prebuilt):
        monkeypatch.setattr(module, "code_version", lambda: "upgraded")
    certificates = builtin / "services" / "certificates.yaml"
    certificates.write_text(certificates.read_text("utf-8").replace("No-criminal-record certificate", "No-criminal-record certificate (upgraded)", 1), "utf-8")
    new = prebuilt.write(tmp_path / "new", builtin)
    parses.clear()
    cat = ix.open_catalog(directory=cache, builtin=builtin, pack=None, prebuilt=new)
    assert parses == []
    same_catalog(load_catalog(builtin=builtin, pack=None), cat)
    (index,) = cache.glob("index-*.sqlite")
    db = sqlite3.connect(index)
    assert db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone() == ("upgraded",)
    db.close()


# -- whole processes: an installed package ---------------------------------------------------------
def _install(site: Path) -> Path:
    """The package as a wheel installs it: hanban/ with the catalog as hanban/_catalog (no bytecode)."""
    shutil.copytree(REPO / "hanban", site / "hanban", ignore=shutil.ignore_patterns("__pycache__", "_index"))
    shutil.copytree(REPO / "catalog", site / "hanban" / "_catalog")
    return site / "hanban"


def _run(site: Path, cache: Path, module: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "HANBAN_CATALOG")}
    env.update(PYTHONPATH=str(site), HANBAN_CACHE=str(cache), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-X", "importtime", "-m", module, *args], cwd=site, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def _show(site: Path, cache: Path) -> tuple[str, set[str]]:
    """The English name `show --json` prints for the no-crime certificate, and the modules imported."""
    proc = _run(site, cache, "hanban", "show", "no-crime-certificate", "--json")
    assert proc.returncode == 0, proc.stderr[-2000:]
    imported = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    return str(json.loads(proc.stdout)["name"]["en"]), imported


def _make_prebuilt(site: Path) -> None:
    made = _run(site, site / "unused-cache", "hanban.index.prebuilt")  # (no arguments: the package's own _index)
    assert made.returncode == 0, made.stderr[-2000:]


def test_an_installed_package_answers_its_first_command_without_compiling_and_an_upgrade_starts_anew(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    package = _install(site)
    _make_prebuilt(site)
    assert (package / prebuilt.DIR / prebuilt.NAME).is_file()

    name, imported = _show(site, cache)
    assert name == "No-criminal-record certificate"
    assert "yaml" not in imported and "pypinyin" not in imported  # copied: no file was parsed

    # Upgraded in place (new code: the version; a catalog edit; the new wheel's prebuilt index),
    # with the old version's index in the cache: it is replaced, from the new prebuilt index.
    init = package / "__init__.py"
    init.write_text(init.read_text("utf-8").replace('__version__ = "', '__version__ = "9.', 1), "utf-8")
    certificates = package / "_catalog" / "services" / "certificates.yaml"
    certificates.write_text(certificates.read_text("utf-8").replace(
        "No-criminal-record certificate", "No-criminal-record certificate (upgraded)", 1), "utf-8")
    _make_prebuilt(site)
    name, imported = _show(site, cache)
    assert name == "No-criminal-record certificate (upgraded)"
    assert "yaml" not in imported
    assert len(list(cache.glob("index-*.sqlite"))) == 1

    # Upgraded again, with a prebuilt index left from the version before: it is ignored, the catalog compiled.
    init.write_text(init.read_text("utf-8").replace('__version__ = "', '__version__ = "9.', 1), "utf-8")
    name, imported = _show(site, cache)
    assert name == "No-criminal-record certificate (upgraded)"
    assert "yaml" in imported


def test_a_prebuilt_index_is_never_put_over_an_index_file_another_hanban_made(builtin: Path, pre: Path, tmp_path: Path) -> None:
    from hanban.catalog.files import catalog_roots, list_files

    files, _ = list_files(catalog_roots(builtin=builtin, pack=None))
    there = tmp_path / "index-theirs.sqlite"
    there.write_bytes(b"")  # (made a moment ago by another hanban, which fills it now)
    assert prebuilt.place(there, files, ["catalog"], pre) is False
    assert there.read_bytes() == b""
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    fresh = tmp_path / "index-new.sqlite"
    assert prebuilt.place(fresh, files, ["catalog"], pre) is True
    assert oct(fresh.stat().st_mode & 0o777) == oct(0o600)


@pytest.mark.parametrize(("locale", "lang"), [("zh_CN.UTF-8", "zh-Hans"), ("zh_TW.UTF-8", "zh-Hant"), ("de_DE.UTF-8", "en")])
def test_the_prebuilt_command_speaks_the_locales_language(monkeypatch: pytest.MonkeyPatch, locale: str, lang: Lang) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", locale)
    with pytest.raises(SystemExit) as exc:
        prebuilt.main(["only-one-folder"])
    assert exc.value.code == word("prebuilt.usage", lang)


# -- built by one Python, installed under another ------------------------------------------------------
def _written_elsewhere(builtin: Path, out: Path, monkeypatch: pytest.MonkeyPatch, env: str, parses: list[str]) -> Path:
    """The prebuilt index of `builtin` as this code compiles it under another Python or SQLite (`env`)."""
    with monkeypatch.context() as m:
        for module in (ix_store, prebuilt):
            m.setattr(module, "code_version", lambda: f"{ix_store.code_identity()}|{env}")
        path = prebuilt.write(out, builtin)
    parses.clear()  # (compiling it parsed every file)
    assert json.loads(path.with_name(prebuilt.MANIFEST).read_text())["version"] != ix_store.code_version()
    return path


def _index_version(cache: Path) -> str:
    (index,) = cache.glob("index-*.sqlite")
    db = sqlite3.connect(index)
    try:
        return str(db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0])
    finally:
        db.close()


def test_a_prebuilt_index_from_another_python_is_used_when_its_characters_read_the_same(
    builtin: Path, tmp_path: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pre = _written_elsewhere(builtin, tmp_path / "out", monkeypatch, f"{sqlite3.sqlite_version}|py3.99", parses)
    manifest = json.loads(pre.with_name(prebuilt.MANIFEST).read_text())
    cat = ix.open_catalog(directory=tmp_path / "cache", builtin=builtin, pack=None, prebuilt=pre)
    assert parses == []
    same_catalog(load_catalog(builtin=builtin, pack=None), cat)
    assert _index_version(tmp_path / "cache") == ix_store.code_version()  # this Python's from now on
    # Every character the index holds is listed (the services' names among them, 公安 and all).
    names = "".join(s.name.zh_hans + s.name.zh_hant + s.name.en for s in cat.services.values())
    assert set(names) <= set(manifest["chars"])


def test_a_prebuilt_index_from_a_python_whose_unicode_tables_differ_is_compiled_instead(
    builtin: Path, tmp_path: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pre = _written_elsewhere(builtin, tmp_path / "out", monkeypatch, f"{sqlite3.sqlite_version}|py3.99", parses)
    # What that Python says of one character the index holds differs from what this one says.
    real = prebuilt.unicode_hash
    monkeypatch.setattr(prebuilt, "unicode_hash", lambda chars: real(chars.replace("京", "亰")))
    cat = ix.open_catalog(directory=tmp_path / "cache", builtin=builtin, pack=None, prebuilt=pre)
    assert len(parses) == len(list(builtin.rglob("*.yaml")))
    same_catalog(load_catalog(builtin=builtin, pack=None), cat)


def test_a_prebuilt_index_from_another_sqlite_has_its_full_text_table_made_anew(
    builtin: Path, tmp_path: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pre = _written_elsewhere(builtin, tmp_path / "out", monkeypatch, "3.0.0|py3.99", parses)
    _edit_manifest(pre, sqlite="3.0.0")
    made: list[bool] = []
    remake = prebuilt._remake_fts
    monkeypatch.setattr(prebuilt, "_remake_fts", lambda db: (made.append(True), remake(db)))
    cat = ix.open_catalog(directory=tmp_path / "cache", builtin=builtin, pack=None, prebuilt=pre)
    assert parses == [] and made == [True]
    (index,) = (tmp_path / "cache").glob("index-*.sqlite")
    db = sqlite3.connect(index)
    try:
        rows = db.execute("SELECT count(*) FROM fts").fetchone()[0]
        hits = {r[0] for r in db.execute("SELECT s.id FROM fts JOIN services s ON s.rid = fts.rowid WHERE fts MATCH '\"无犯罪\"'")}
    finally:
        db.close()
    assert rows == len(cat.services) and "no-crime-certificate" in hits
