"""Install and rollback are crash-safe in every order: the process is killed (os._exit) at each
step in turn, in a subprocess, and the state it leaves must name intact packs, with `list`, `show`
and `catalog info` working and the next update or rollback cleaning up what was left."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from hanban.cli.app import app
from hanban.packs.archive import sha256
from hanban.packs.store import PackStore
from pack_helpers import copy_data, pack_folder

A, B = "Name in pack A", "Name in pack B"

# The child: step() is store's hook between the steps of an install or rollback; at call N it
# kills the process as a SIGKILL or a power cut would (no cleanup, no finally).
CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from hanban.packs import store
    data, action, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    calls = [0]
    def step(what):
        calls[0] += 1
        if calls[0] == n:
            os._exit(9)
    store._step = step
    if action == "rollback":
        store.PackStore(data).rollback()
    else:
        from hanban.packs.archive import read_pack, sha256
        raw = Path(action).read_bytes()
        manifest, files = read_pack(raw, "p")
        store.PackStore(data).install(manifest, files, {"source": action, "sha256": sha256(raw), "installed_on": "2026-12-07"}, lambda f: None)
    print(calls[0])
""")


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Packs A and B, and a data folder where B is current and A the previous one."""
    from hanban.packs.build import build_pack
    from hanban.packs.update import Trust, update

    tmp = tmp_path_factory.mktemp("crash")
    out = {}
    for label, version, name in (("A", "2026.12.01", A), ("B", "2026.12.02", B)):
        out[label] = tmp / f"{label}.tar.gz"
        out[label].write_bytes(build_pack(pack_folder(tmp / label, version=version, name=name))[0])
    out["data"] = tmp / "data"
    update(out["data"], str(out["A"]), trust=Trust(allow_unsigned=True))
    update(out["data"], str(out["B"]), trust=Trust(allow_unsigned=True))
    return out


def intact(data: Path) -> dict[str, str | None]:
    """The state, after checking that every pack it names is whole (each file its manifest lists, with its hash)."""
    state = json.loads((data / "state.json").read_text())
    for key in ("current", "previous"):
        name = state.get(key)
        if name and name != "builtin":
            folder = data / "packs" / name
            manifest = json.loads((folder / "manifest.json").read_text())
            for rel, entry in manifest["files"].items():
                assert sha256((folder / rel).read_bytes()) == entry["sha256"], (key, name, rel)
    return state


def works(runner: CliRunner, want: str, everything: bool = True) -> None:
    for args in (["list"], ["catalog", "info"]) if everything else ():
        got = runner.invoke(app, ["--lang", "en", *args])
        assert got.exit_code == 0, got.output
    got = runner.invoke(app, ["--lang", "en", "show", "no-crime-certificate", "--json"])
    assert got.exit_code == 0, got.output
    assert json.loads(got.stdout)["name"]["en"] == want


def kill_at(data: Path, action: str, n: int) -> bool:
    """Run `action` in a child killed at step n; True when it finished first (n is past the last step)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    got = subprocess.run([sys.executable, "-c", CHILD, str(data), action, str(n)], capture_output=True, text=True, env=env, check=False)
    assert got.returncode in (0, 9), got.stderr
    assert "Traceback" not in got.stderr
    return got.returncode == 0


def names(state: dict[str, str | None], data: Path) -> dict[str | None, str]:
    """Which of A and B each named pack is."""
    out: dict[str | None, str] = {}
    for key in ("current", "previous"):
        name = state[key]
        version = json.loads((data / "packs" / str(name) / "manifest.json").read_text())["catalog"]["version"]
        out[key] = "A" if version == "2026.12.01" else "B"
    return out


@pytest.mark.parametrize("action", ["reinstall A", "rollback"])
def test_killed_at_any_step_the_state_names_intact_packs_and_commands_work(
    runner: CliRunner, packs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, action: str
) -> None:
    """With B current and A previous, install A again (or roll back): killed at step 1, 2, ...
    the state is the old one (B, A) or the new one (A, B), every named pack whole."""
    finished = False
    for n in range(1, 40):
        data = copy_data(packs["data"], tmp_path / f"data{n}")
        monkeypatch.setenv("HANBAN_DATA", str(data))
        finished = kill_at(data, str(packs["A"]) if action == "reinstall A" else "rollback", n)
        state = intact(data)
        assert names(state, data) in ({"current": "B", "previous": "A"}, {"current": "A", "previous": "B"}), n
        works(runner, A if names(state, data)["current"] == "A" else B)
        # what a kill left is cleaned up by the next change, which works
        back = PackStore(data).rollback()
        assert back[0] == state["previous"]
        assert not [p.name for p in [*data.iterdir(), *(data / "packs").iterdir()] if p.name.startswith(".")]
        intact(data)
        works(runner, B if names(state, data)["current"] == "A" else A, everything=False)
        if finished:
            break
    assert finished and n > 2  # every step was tried


def test_an_interrupted_rollback_leaves_no_state_file_behind(packs: dict[str, Path], tmp_path: Path) -> None:
    data = copy_data(packs["data"], tmp_path / "data")
    (data / ".state-abc123").write_text('{"current": "x"}')  # what a rollback killed mid-write left
    PackStore(data).rollback()
    assert not list(data.glob(".state-*"))
