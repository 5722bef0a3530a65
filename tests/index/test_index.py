"""The compiled catalog index answers exactly as loading the YAML directly, and keeps up with edits."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO, service_yaml
from hanban import index as ix
from hanban.catalog import parse as ix_parse
from hanban.catalog.files import Root, list_files
from hanban.catalog.load import load_catalog
from hanban.cli.app import app
from hanban.cli.context import Invocation
from hanban.errors import CatalogError
from hanban.find.resolve import exact_keys, find_exact
from hanban.index import build as ix_build
from hanban.index import fts as ix_fts
from hanban.index import services as ix_services
from hanban.index import store as ix_store
from hanban.index.services import IndexedServices
from index_helpers import count_parses, same_catalog

sys.path.insert(0, str(REPO / "benchmarks"))
import gen_catalog

pooled = pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2 if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1) < 2,
    reason="one CPU: a build parses without a process pool",
)


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The display names of the files the index parses (pool disabled so calls are seen)."""
    return count_parses(monkeypatch)


def test_index_holds_the_same_shipped_catalog_as_direct_loading(cache: Path) -> None:
    direct = load_catalog()
    built = ix.open_catalog(directory=cache)
    assert isinstance(built.services, IndexedServices)
    same_catalog(direct, built)
    same_catalog(direct, ix.open_catalog(directory=cache))  # and again, warm


def test_every_name_of_every_service_resolves_the_same_through_the_index(cache: Path) -> None:
    from hanban.catalog.hant import to_traditional

    direct = load_catalog()
    indexed = ix.open_catalog(directory=cache)
    for s in direct.services.values():
        names = exact_keys(s) + [s.name.get("zh-Hant"), s.name.en.upper()]
        names += [to_traditional(a) for a in s.aliases.get("zh-Hans", ())]
        for name in names:
            got, want = find_exact(indexed, name), find_exact(direct, name)
            assert (got and got.id) == (want and want.id), name
    assert find_exact(indexed, "no such service at all") is None


def _outputs(runner: CliRunner, args_list: list[list[str]]) -> list[tuple[int, str]]:
    return [(r.exit_code, r.stdout) for r in (runner.invoke(app, args) for args in args_list)]


def test_every_command_prints_the_same_through_the_index(monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> None:
    direct = load_catalog()
    commands = [["list"], ["list", "--json"], ["list", "--cross-province"], ["list", "--fully-online", "--json"],
                ["list", "--one-window", "--cross-province"], ["measures"], ["measures", "--json"]]
    for sid in direct.services:
        commands += [["show", sid], ["show", sid, "--json"], ["--lang", "zh-Hant", "show", sid], ["--lang", "en", "show", sid]]
    commands += [["show", direct.services["no-crime-certificate"].name.zh_hans], ["show", "nothing-like-this"]]
    commands += [["search", q] for q in ("身份证丢了", "身分證補領", "lost id card", "hukou", "户口", "no-crime-certficate")]
    commands += [["search", "--json", "良民证"], ["show", "no-crime-certficate"]]
    through_index = _outputs(runner, commands)
    monkeypatch.setattr(Invocation, "catalog", lambda self: direct)
    assert through_index == _outputs(runner, commands)


def test_list_json_streams_the_same_bytes_as_one_dump(runner: CliRunner) -> None:
    from conftest import TODAY
    from hanban.catalog.age import Clock
    from hanban.render import json as rj

    cat = load_catalog()
    expected = rj.dumps([rj.versioned("list", rj.service(s, cat, Clock(TODAY))) for s in cat.services.values() if s.channels["cross_province"].available])
    got = runner.invoke(app, ["list", "--cross-province", "--json"])
    assert got.exit_code == 0
    assert got.stdout == expected + "\n"


# -- keeping up with edits ----------------------------------------------------------------------
def test_edit_add_and_delete_of_an_overlay_file_are_seen_on_the_next_run(
    write: Callable[[str, str], Path], cache: Path, parses: list[str]
) -> None:
    a = write("overlay/a.yaml", service_yaml("local-a", "本地甲", "Local A"))
    write("overlay/b.yaml", service_yaml("local-b", "本地乙", "Local B"))
    overlay = [a.parent]
    cat = ix.open_catalog(overlay, directory=cache)
    assert cat.services["local-a"].name.en == "Local A" and "local-b" in cat.services
    parses.clear()

    a.write_text(service_yaml("local-a", "本地甲", "Local A edited"), encoding="utf-8")
    cat = ix.open_catalog(overlay, directory=cache)
    assert cat.services["local-a"].name.en == "Local A edited"
    assert parses == [f"{a.parent}/a.yaml"]  # only the changed file was read again

    write("overlay/c.yaml", service_yaml("local-c", "本地丙", "Local C"))
    cat = ix.open_catalog(overlay, directory=cache)
    assert list(cat.services)[-3:] == ["local-a", "local-b", "local-c"]

    (a.parent / "b.yaml").unlink()
    cat = ix.open_catalog(overlay, directory=cache)
    assert "local-b" not in cat.services and list(cat.services)[-2:] == ["local-a", "local-c"]
    same_catalog(load_catalog(overlay), cat)
    assert find_exact(cat, "本地丙").id == "local-c" and find_exact(cat, "本地乙") is None


def test_an_edit_that_adds_no_chinese_name_compiles_without_pypinyin(
    write: Callable[[str, str], Path], cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hanban.catalog import pinyin

    a = write("overlay/a.yaml", service_yaml("local-a", "边检口岸查验甲", "Local A"))
    ix.open_catalog([a.parent], directory=cache)
    called: list[str] = []
    real = pinyin._pypinyin
    monkeypatch.setattr(pinyin, "_pypinyin", lambda: called.append("pypinyin") or real())
    pinyin.syllables.cache_clear()
    pinyin._known.clear()

    a.write_text(service_yaml("local-a", "边检口岸查验甲", "Local A edited"), encoding="utf-8")
    cat = ix.open_catalog([a.parent], directory=cache)
    assert cat.services["local-a"].pinyin == ("bian jian kou an cha yan jia",) and called == []

    a.write_text(service_yaml("local-a", "边检口岸查验乙", "Local A"), encoding="utf-8")
    cat = ix.open_catalog([a.parent], directory=cache)
    assert cat.services["local-a"].pinyin == ("bian jian kou an cha yan yi",) and called


def test_touching_a_file_without_changing_it_parses_nothing(write: Callable[[str, str], Path], cache: Path, parses: list[str]) -> None:
    import os

    a = write("overlay/a.yaml", service_yaml("local-a"))
    ix.open_catalog([a.parent], directory=cache)
    parses.clear()
    os.utime(a, ns=(a.stat().st_atime_ns, a.stat().st_mtime_ns + 10**9))
    ix.open_catalog([a.parent], directory=cache)
    assert parses == []


def test_an_overlay_service_replaces_the_built_in_one_in_its_place(write: Callable[[str, str], Path], cache: Path) -> None:
    f = write("overlay/x.yaml", service_yaml("no-crime-certificate", "本地无犯罪证明", "Local certificate"))
    cat = ix.open_catalog([f.parent], directory=cache)
    same_catalog(load_catalog([f.parent]), cat)
    assert cat.services["no-crime-certificate"].name.en == "Local certificate"
    assert find_exact(cat, "本地无犯罪证明").id == "no-crime-certificate"
    f.unlink()
    write("overlay/y.yaml", service_yaml("other-one"))
    cat = ix.open_catalog([f.parent], directory=cache)
    assert cat.services["no-crime-certificate"] == load_catalog().services["no-crime-certificate"]


def test_an_invalid_file_is_never_indexed_and_its_problem_names_file_and_line(
    write: Callable[[str, str], Path], cache: Path
) -> None:
    good = write("overlay/a.yaml", service_yaml("local-a"))
    ix.open_catalog([good.parent], directory=cache)
    good.write_text(service_yaml("local-a").replace("category: certificates", "category: nonsense"), encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        ix.open_catalog([good.parent], directory=cache)
    with pytest.raises(CatalogError) as direct:
        load_catalog([good.parent])
    assert [str(p) for p in exc.value.problems] == [str(p) for p in direct.value.problems]
    assert f"{good.parent}/a.yaml:5: services[0].category:" in str(exc.value.problems[0])
    with pytest.raises(CatalogError):  # still refused next time: nothing was stored
        ix.open_catalog([good.parent], directory=cache)
    good.write_text(service_yaml("local-a", en="Fixed"), encoding="utf-8")
    assert ix.open_catalog([good.parent], directory=cache).services["local-a"].name.en == "Fixed"


def test_cross_file_problems_are_found_on_rebuild(write: Callable[[str, str], Path], cache: Path) -> None:
    a = write("overlay/a.yaml", service_yaml("local-a"))
    ix.open_catalog([a.parent], directory=cache)
    b = write("overlay/b.yaml", service_yaml("local-a"))
    with pytest.raises(CatalogError) as exc:
        ix.open_catalog([a.parent], directory=cache)
    assert "duplicate id 'local-a'" in str(exc.value)
    b.write_text(service_yaml("local-b").replace("000_c6c68a2d4d68e37f.txt", "999_missing.txt"), encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        ix.open_catalog([a.parent], directory=cache)
    with pytest.raises(CatalogError) as direct:
        load_catalog([a.parent])
    assert sorted(map(str, exc.value.problems)) == sorted(map(str, direct.value.problems))


# -- caches that cannot be trusted or written -----------------------------------------------------
def _index_file(cache: Path) -> Path:
    (found,) = cache.glob("index-*.sqlite")
    return found


def test_a_corrupt_cache_file_is_rebuilt(cache: Path, parses: list[str]) -> None:
    ix.open_catalog(directory=cache)
    _index_file(cache).write_bytes(b"this is not an SQLite database" * 100)
    parses.clear()
    cat = ix.open_catalog(directory=cache)
    assert parses and "no-crime-certificate" in cat.services
    same_catalog(load_catalog(), cat)


def test_a_cache_from_another_version_is_rebuilt(cache: Path, parses: list[str]) -> None:
    ix.open_catalog(directory=cache)
    db = sqlite3.connect(_index_file(cache))
    db.execute("UPDATE meta SET value = 'hanban 0.0.1' WHERE key = 'version'")
    db.execute("DELETE FROM services")  # what an older index held is never used
    db.commit()
    db.close()
    parses.clear()
    cat = ix.open_catalog(directory=cache)
    assert parses
    same_catalog(load_catalog(), cat)


def test_an_unwritable_cache_folder_falls_back_to_direct_loading_with_one_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    warned: list[str] = []
    cat = ix.open_catalog(directory=blocker / "hanban", warn=lambda exc: warned.append(exc.text("en")))
    assert not isinstance(cat.services, IndexedServices)
    same_catalog(load_catalog(), cat)
    assert len(warned) == 1 and "cannot use the catalog index folder" in warned[0]
    monkeypatch.setenv("HANBAN_CACHE", str(blocker / "hanban"))
    got = CliRunner().invoke(app, ["--lang", "en", "show", "no-crime-certificate"])
    assert got.exit_code == 0 and got.stderr.count("hanban: cannot use the catalog index folder") == 1


def test_the_cache_folder_follows_hanban_cache_then_xdg(tmp_path: Path) -> None:
    assert ix_store.cache_dir({"HANBAN_CACHE": str(tmp_path)}) == tmp_path
    assert ix_store.cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "hanban"
    assert ix_store.cache_dir({"HOME": str(tmp_path)}).name == "hanban"


def test_the_cache_holds_json_and_no_pickles(cache: Path) -> None:
    ix.open_catalog(directory=cache)
    db = sqlite3.connect(_index_file(cache))
    for (data,) in db.execute("SELECT data FROM services"):
        assert isinstance(json.loads(data), list)
    assert not [r for r in db.execute("SELECT data FROM services") if r[0].startswith("\x80")]


# -- a large overlay -------------------------------------------------------------------------------
def test_a_2000_service_overlay_compiles_in_parallel_and_matches_direct_loading(
    tmp_path: Path, cache: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    overlay = tmp_path / "overlay"
    files = gen_catalog.generate(2000, overlay)
    assert len(files) > ix_parse.POOL_MIN_FILES  # so the process pool is used
    direct = load_catalog([overlay])
    assert len(direct.services) == len(load_catalog().services) + 2000
    indexed = ix.open_catalog([overlay], directory=cache)
    same_catalog(direct, indexed)
    some = list(direct.services.values())[-1]
    assert find_exact(indexed, some.name.zh_hans) == some
    assert list(indexed.services.select(["cross_province", "fully_online"])) == [
        s for s in direct.services.values() if s.channels["cross_province"].available and s.channels["fully_online"].available
    ]
    monkeypatch.setenv("HANBAN_CACHE", str(cache))
    streamed = runner.invoke(app, ["--catalog", str(overlay), "list", "--cross-province", "--json"])
    assert streamed.exit_code == 0
    assert [x["id"] for x in json.loads(streamed.stdout)] == [
        s.id for s in direct.services.values() if s.channels["cross_province"].available
    ]


def test_search_on_a_large_catalog_scores_the_fts_candidates(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hanban.find.search import search

    overlay = tmp_path / "overlay"
    gen_catalog.generate(400, overlay)
    indexed = ix.open_catalog([overlay], directory=cache)
    assert indexed.services.search_candidates("户口") is None  # small enough: every service is scored
    monkeypatch.setattr(ix_services, "SEARCH_SCAN_MAX", 100)
    target = indexed.services[list(indexed.services)[-31]]
    narrowed = indexed.services.search_candidates(target.name.zh_hans)
    assert narrowed is not None and 0 < len(narrowed) <= ix_fts.SEARCH_CANDIDATES and target.id in narrowed
    assert search(indexed, target.name.zh_hans, 3)[0].id == target.id
    assert search(indexed, target.name.en, 3)[0].id == target.id
    assert search(indexed, "身份证丢了", 3)[0].id == "id-card-lost-reissue"
    assert indexed.services.search_candidates("户口")  # two characters: a substring scan


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    a = gen_catalog.generate(300, tmp_path / "a")
    b = gen_catalog.generate(300, tmp_path / "b")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert sum(len(load_catalog([tmp_path / "a"]).services) for _ in (1,)) == len(load_catalog().services) + 300



def test_two_processes_compiling_the_same_index_at_once_both_succeed(tmp_path: Path, cache: Path) -> None:
    import subprocess

    overlay = tmp_path / "overlay"
    gen_catalog.generate(600, overlay)
    code = (
        "import sys; from pathlib import Path; from hanban.index import open_catalog; "
        "c = open_catalog([Path(sys.argv[1])], directory=Path(sys.argv[2])); print(len(c.services))"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(overlay), str(cache)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    expected = str(len(load_catalog([overlay]).services))
    assert [(p.returncode, out.strip()) for p, (out, _) in zip(procs, results)] == [(0, expected)] * 3, results
    same_catalog(load_catalog([overlay]), ix.open_catalog([overlay], directory=cache))


def test_a_first_build_shows_progress_only_when_asked_and_the_pool_gives_the_same_index(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    overlay = tmp_path / "overlay"
    gen_catalog.generate(300, overlay)
    ix.open_catalog([overlay], directory=cache)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(ix_parse, "PROGRESS_MIN_FILES", 1)
    monkeypatch.setattr(ix_parse, "POOL_MIN_FILES", 1)
    ticks: list[str] = []

    class Bar:
        def __init__(self, total: int) -> None:
            ticks.append(f"start {total}")

        def advance(self) -> None:
            ticks.append("tick")

        def close(self) -> None:
            ticks.append("close")

    pooled = ix.open_catalog([overlay], directory=tmp_path / "cache2", progress=Bar)
    same_catalog(load_catalog([overlay]), pooled)
    assert ticks[0].startswith("start ") and ticks[-1] == "close"
    assert ticks.count("tick") == int(ticks[0].split()[1])


@pooled
def test_the_pools_worker_handler_does_not_wake_for_every_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """multiprocessing's worker handler wakes while a result waits in the pipe, over and over (a
    busy loop taking CPU from the workers); the build's pool wakes it only when something changes."""
    import multiprocessing.pool

    overlay = tmp_path / "overlay"
    gen_catalog.generate(3000, overlay)
    monkeypatch.setattr(ix_parse, "POOL_MIN_FILES", 1)
    wakes: list[int] = []
    maintain = multiprocessing.pool.Pool._maintain_pool

    def counted(*args: object) -> None:
        wakes.append(1)
        maintain(*args)

    monkeypatch.setattr(multiprocessing.pool.Pool, "_maintain_pool", staticmethod(counted))
    files, _ = list_files([Root(overlay, "overlay", 1)])
    units = list(ix_parse.parse_files(files))
    assert len(units) == len(files) > 100 and not any(u.problems for u in units)
    assert len(wakes) <= 5, len(wakes)  # (at its start, and when the pool closes)


def test_a_cache_damaged_inside_is_rebuilt(cache: Path, parses: list[str]) -> None:
    ix.open_catalog(directory=cache)
    path = _index_file(cache)
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, 3 * page):  # spoil pages after the first ones
        data[start:start + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    parses.clear()
    same_catalog(load_catalog(), ix.open_catalog(directory=cache))


@pytest.mark.parametrize("prepared", [True, False], ids=["fields stored at compile time", "fields not stored"])
def test_search_through_the_index_finds_exactly_what_direct_loading_finds(
    write: Callable[[str, str], Path], cache: Path, monkeypatch: pytest.MonkeyPatch, prepared: bool
) -> None:
    from hanban.find.search import search
    from queries import QUERIES

    if not prepared:
        monkeypatch.setattr(ix_build, "SEARCH_PREPARE_MAX_FILES", 0)
    f = write("overlay/x.yaml", service_yaml("no-crime-certificate", "本地无犯罪证明", "Local certificate"))
    write("overlay/y.yaml", service_yaml("lost-card-local", "本地身份证丢失", "Local lost ID card"))
    indexed = ix.open_catalog([f.parent], directory=cache)
    db = sqlite3.connect(next(cache.glob("*.sqlite")))
    stored = db.execute("SELECT count(search) FROM services").fetchone()[0]
    db.close()
    assert (stored > 0) is prepared
    direct = load_catalog([f.parent])
    for query in [q for q, _ in QUERIES] + ["本地", "local certficate", "良民证", "visa"]:
        assert search(indexed, query, 50) == search(direct, query, 50), query


def test_search_reads_the_glossary_alone_and_it_is_the_tables_glossary(cache: Path) -> None:
    direct = load_catalog()
    indexed = ix.open_catalog(directory=cache)
    assert indexed.glossary == direct.glossary and len(indexed.glossary) > 10
    assert "tables" not in indexed.__dict__  # the other tables were not decoded for it
    assert indexed.tables.glossary == indexed.glossary


@pytest.fixture
def links(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per time the index runs `link` over its units."""
    calls: list[int] = []
    real = ix_build.link

    def counted(units: object, **kwargs: object) -> object:
        calls.append(1)
        return real(units, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ix_build, "link", counted)
    return calls


def test_an_edit_that_changes_nothing_link_reads_keeps_the_link_and_the_flags(
    write: Callable[[str, str], Path], cache: Path, links: list[int]
) -> None:
    # The overlay replaces a built-in service (so its rows' first/top flags differ) and adds one.
    a = write("overlay/a.yaml", service_yaml("no-crime-certificate", "本地无犯罪证明", "Local certificate"))
    write("overlay/b.yaml", service_yaml("local-b", "本地乙", "Local B"))
    overlay = [a.parent]
    ix.open_catalog(overlay, directory=cache)
    links.clear()

    a.write_text(service_yaml("no-crime-certificate", "本地无犯罪证明", "Local certificate edited"), encoding="utf-8")
    cat = ix.open_catalog(overlay, directory=cache)
    assert links == []  # the same ids, references and small entries: `link` would say the same
    assert cat.services["no-crime-certificate"].name.en == "Local certificate edited"
    same_catalog(load_catalog(overlay), cat)
    assert find_exact(cat, "Local certificate edited").id == "no-crime-certificate"


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda t: t.replace("id: local-b", "id: local-c"), id="another id"),
        pytest.param(lambda t: t + "  - " + service_yaml("local-d").split("  - ", 1)[1], id="one more service"),
        pytest.param(lambda t: t.replace("measure: 15", "measure: 14"), id="another measure"),
    ],
)
def test_an_edit_that_changes_what_link_reads_links_again(
    write: Callable[[str, str], Path], cache: Path, links: list[int], edit: Callable[[str], str]
) -> None:
    write("overlay/a.yaml", service_yaml("local-a"))
    b = write("overlay/b.yaml", service_yaml("local-b", "本地乙", "Local B"))
    ix.open_catalog([b.parent], directory=cache)
    links.clear()
    b.write_text(edit(b.read_text(encoding="utf-8")), encoding="utf-8")
    cat = ix.open_catalog([b.parent], directory=cache)
    assert links == [1]
    same_catalog(load_catalog([b.parent]), cat)


def test_an_edit_that_names_an_unknown_place_is_refused_as_before(write: Callable[[str, str], Path], cache: Path) -> None:
    b = write("overlay/b.yaml", service_yaml("local-b"))
    ix.open_catalog([b.parent], directory=cache)
    b.write_text(service_yaml("local-b") + "    where: [no-such-place]\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="no-such-place"):
        ix.open_catalog([b.parent], directory=cache)


@pooled
def test_ctrl_c_during_a_pooled_build_exits_130_without_a_workers_traceback(tmp_path: Path) -> None:
    """Ctrl-C goes to the whole process group: the pool's workers must not print tracebacks."""
    import signal
    import subprocess
    import time

    overlay = tmp_path / "overlay"
    gen_catalog.generate(20000, overlay)
    env = {**os.environ, "HANBAN_CACHE": str(tmp_path / "cache"), "HANBAN_DATA": str(tmp_path / "data"), "LANG": "C.UTF-8"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "hanban", "--catalog", str(overlay), "show", "no-crime-certificate"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 30
    while proc.poll() is None and time.monotonic() < deadline and not (children.exists() and children.read_text().split()):
        time.sleep(0.05)  # until the pool's workers are forked (where /proc lists children)
    time.sleep(0.5)  # (then they are parsing: the whole build takes several seconds)
    assert proc.poll() is None, "the build ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: to every process of the group
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "PoolWorker" not in err, err
    assert err.strip().splitlines() == ["hanban: interrupted"], err
    assert out == ""
