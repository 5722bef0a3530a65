"""Hostile catalog overlays: nothing runs, nothing hangs, every refusal names the file (and line).

test_yamlio.py and test_validate.py cover the parser's refusals on bytes and the schema messages;
these tests go through the real entry points (an overlay folder, `hanban --catalog`, `validate`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO, service_yaml
from hanban.catalog.files import catalog_roots, list_files
from hanban.catalog.load import load_catalog
from hanban.catalog.yamlio import MAX_BYTES, load_bytes, load_file
from hanban.cli.app import app
from hanban.errors import CatalogError

Write = Callable[[str, str], Path]


def problems_of(overlay: Path, base: Path) -> list[str]:
    with pytest.raises(CatalogError) as info:
        load_catalog([overlay], builtin=base)
    return [str(p).replace(str(overlay), "OVERLAY") for p in info.value.problems]


def cli(runner: CliRunner, overlay: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["--catalog", str(overlay), *args])


# -- nothing runs ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
        "!!python/name:os.system",
        "!custom 1",
    ],
)
def test_a_tag_that_would_construct_a_python_object_is_refused_and_nothing_runs(
    runner: CliRunner, write: Write, tmp_path: Path, tag: str
) -> None:
    marker = tmp_path / "pwned"
    write("ov/services/evil.yaml", "services:\n  - id: evil\n    name: " + tag.format(marker=marker) + "\n")
    got = cli(runner, tmp_path / "ov", "list")
    assert got.exit_code == 2
    assert f"{tmp_path / 'ov'}/services/evil.yaml:3: services[0].name: YAML tag" in got.stderr
    assert not marker.exists()
    assert "Traceback" not in got.output


# -- nothing explodes ----------------------------------------------------------------------------
def test_an_alias_bomb_is_refused_with_bounded_memory(write: Write, tmp_path: Path, base: Path) -> None:
    # 30 levels of 9 aliases each would expand to 9**30 strings; composing keeps one node per
    # anchor, and the loader stops at the first repeated node.
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 30)]
    write("ov/bomb.yaml", "\n".join(lines) + "\n")
    tracemalloc.start()
    try:
        got = problems_of(tmp_path / "ov", base)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert got == ["OVERLAY/bomb.yaml:1: l1[0]: anchors and aliases (&name, *name) are not allowed"]
    assert peak < 20 * 1024 * 1024


def test_an_alias_used_as_a_key_is_refused() -> None:
    with pytest.raises(CatalogError) as info:
        load_bytes(b"a: &k services\n*k : []\n", "x.yaml")
    assert [p.message for p in info.value.problems] == ["anchors and aliases (&name, *name) are not allowed"]


def test_a_number_with_thousands_of_digits_is_a_problem_not_a_crash() -> None:
    with pytest.raises(CatalogError) as info:
        load_bytes(b"measures:\n  - number: 1" + b"0" * 5000 + b"\n", "x.yaml")
    assert [str(p) for p in info.value.problems] == ["x.yaml:2: measures[0].number: number has more than 100 digits"]


def test_a_file_over_the_size_limit_is_refused_by_name(write: Write, tmp_path: Path, base: Path) -> None:
    big = tmp_path / "ov" / "big.yaml"
    big.parent.mkdir()
    with big.open("wb") as f:  # sparse: no real disk use
        f.truncate(MAX_BYTES + 1)
    assert problems_of(tmp_path / "ov", base) == [f"OVERLAY/big.yaml: file is {MAX_BYTES + 1:,} bytes; the limit is {MAX_BYTES:,}"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_file_whose_size_on_disk_lies_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    # A pipe (like /dev/stdin, or /dev/zero) reports size 0: the read itself must stop at the limit.
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    sent: list[int] = []

    def writer() -> None:
        chunk = b"#" * 65536
        with open(fifo, "wb") as f:
            try:
                for _ in range(8 * MAX_BYTES // len(chunk)):
                    f.write(chunk)
                    sent.append(len(chunk))
            except BrokenPipeError:
                pass

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    with pytest.raises(CatalogError) as info:
        load_file(fifo, "answers.yaml")
    t.join(timeout=60)
    assert [str(p) for p in info.value.problems] == [f"answers.yaml: file is over the {MAX_BYTES:,}-byte limit"]
    assert sum(sent) < 2 * MAX_BYTES  # the reader stopped; the writer was cut off


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_in_an_overlay_is_refused_not_waited_on(write: Write, tmp_path: Path) -> None:
    write("ov/a.yaml", service_yaml())
    os.mkfifo(tmp_path / "ov" / "pipe.yaml")
    # In a subprocess so that a regression shows as a failure, not a hung test run.
    got = subprocess.run(
        [sys.executable, "-m", "hanban", "validate", str(tmp_path / "ov")],
        capture_output=True, text=True, check=False, timeout=120, cwd=REPO,
    )
    assert got.returncode == 1
    assert f"{tmp_path / 'ov'}/pipe.yaml: not a regular file" in got.stdout


# -- encodings and syntax ------------------------------------------------------------------------
@pytest.mark.parametrize("encoding, line", [("gbk", 4), ("utf-16", 1)])  # gbk: the first Chinese text
def test_a_file_saved_in_another_encoding_is_named(runner: CliRunner, tmp_path: Path, encoding: str, line: int) -> None:
    (tmp_path / "ov").mkdir()
    (tmp_path / "ov" / "s.yaml").write_bytes(service_yaml(zh="无犯罪记录证明").encode(encoding))
    got = cli(runner, tmp_path / "ov", "list")
    assert got.exit_code == 2
    assert f"{tmp_path / 'ov'}/s.yaml:{line}: not UTF-8" in got.stderr


def test_a_raw_control_character_is_refused_at_its_line(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/s.yaml", service_yaml().replace("测试服务。", "测试\x1b[2J服务。"))
    assert problems_of(tmp_path / "ov", base) == ["OVERLAY/s.yaml:6: control characters are not allowed (U+001B)"]


@pytest.mark.parametrize("escape", ["\\e[31m", "\\x1b]0;owned\\x07", "\\u202e", "\\r", "\\x9b2J"])
def test_an_escaped_control_character_in_a_string_is_refused(write: Write, tmp_path: Path, base: Path, escape: str) -> None:
    write("ov/s.yaml", service_yaml().replace("en: A test service.", f'en: "A {escape}test service."'))
    got = problems_of(tmp_path / "ov", base)
    assert len(got) == 1 and got[0].startswith("OVERLAY/s.yaml:6: services[0].summary.en: control character U+")


def test_a_tab_indented_file_names_its_line(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write("ov/s.yaml", "services:\n\t- id: x\n")
    got = cli(runner, tmp_path / "ov", "list")
    assert got.exit_code == 2
    assert f"{tmp_path / 'ov'}/s.yaml:2: YAML syntax error" in got.stderr


def test_several_documents_in_one_file_are_refused(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/s.yaml", "services: []\n---\nservices: []\n")
    assert problems_of(tmp_path / "ov", base) == ["OVERLAY/s.yaml:2: YAML syntax error: but found another document"]


@pytest.mark.parametrize("text, message", [("just a string\n", "expected a mapping, got a string"), ("42\n", "expected a mapping, got a number")])
def test_a_scalar_document_is_the_wrong_shape(write: Write, tmp_path: Path, base: Path, text: str, message: str) -> None:
    write("ov/s.yaml", text)
    assert problems_of(tmp_path / "ov", base) == [f"OVERLAY/s.yaml:1: {message}"]


# -- ids and references across files -------------------------------------------------------------
def test_duplicate_ids_in_one_file_are_reported_with_both_places(write: Write, tmp_path: Path, base: Path) -> None:
    one = service_yaml()
    write("ov/s.yaml", one + one.split("services:\n", 1)[1])
    got = problems_of(tmp_path / "ov", base)
    assert got == ["OVERLAY/s.yaml:21: services.id: duplicate id 'test-service' (first defined at OVERLAY/s.yaml:2)"]


def test_the_same_id_in_two_overlays_is_a_replacement_not_a_duplicate(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov1/a.yaml", service_yaml(en="First"))
    write("ov2/a.yaml", service_yaml(en="Second"))
    cat = load_catalog([tmp_path / "ov1", tmp_path / "ov2"], builtin=base)
    assert cat.services["test-service"].name.en == "Second"


RULE = """
rules:
  - id: hostile-rule
    services: [no-crime-certificate]
    when:
      equals: {{{qid}: beijing}}
    items:
      - kind: note
        text: {{zh-Hans: 带上身份证。, en: Bring your ID card.}}
    sources:
      - file: 000_c6c68a2d4d68e37f.txt
        measure: 15
        quote: 无犯罪记录证明开具等事项，全面实施“跨省通办”
"""


def test_a_condition_naming_an_unknown_question_is_refused_with_file_and_line(
    runner: CliRunner, write: Write, tmp_path: Path
) -> None:
    write("ov/rules.yaml", RULE.format(qid="no_such_question"))
    got = cli(runner, tmp_path / "ov", "list")
    assert got.exit_code == 2
    assert f"{tmp_path / 'ov'}/rules.yaml:2: rules.hostile-rule.when: unknown question id 'no_such_question'" in got.stderr
    assert "Traceback" not in got.output


def test_the_same_condition_naming_a_known_question_loads(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write("ov/rules.yaml", RULE.format(qid="hukou_province"))
    assert cli(runner, tmp_path / "ov", "list").exit_code == 0


# -- folders -------------------------------------------------------------------------------------
def test_a_symlink_loop_between_folders_is_reported_not_followed_forever(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/services/a.yaml", service_yaml())
    (tmp_path / "ov" / "services" / "again").symlink_to(tmp_path / "ov")
    got = problems_of(tmp_path / "ov", base)
    assert got == ["OVERLAY/services/again: symlink loop: folder already visited"]


def test_a_file_symlinked_to_itself_is_reported(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/a.yaml", service_yaml())
    (tmp_path / "ov" / "loop.yaml").symlink_to(tmp_path / "ov" / "loop.yaml")
    got = problems_of(tmp_path / "ov", base)
    assert got == ["OVERLAY/loop.yaml: cannot read: Too many levels of symbolic links"]


def test_a_dangling_symlink_is_reported(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/a.yaml", service_yaml())
    (tmp_path / "ov" / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    assert problems_of(tmp_path / "ov", base) == ["OVERLAY/gone.yaml: cannot read: No such file or directory"]


def test_a_missing_overlay_folder_is_named(runner: CliRunner, tmp_path: Path) -> None:
    got = cli(runner, tmp_path / "not-there", "list")
    assert got.exit_code == 2
    assert f"{tmp_path / 'not-there'}: no such file or folder" in got.stderr


def test_a_folder_that_cannot_be_listed_is_named(write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Permissions do not stop root, so the refusal is simulated where it happens: listing the folder.
    write("ov/a.yaml", service_yaml())
    locked = tmp_path / "ov" / "locked"
    locked.mkdir()
    real_scandir, real_open = os.scandir, os.open

    def refused(path: object) -> None:
        if not isinstance(path, int) and Path(path) == locked:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(path))

    def scandir(path: os.PathLike[str] | str | int) -> object:
        refused(path)
        return real_scandir(path)

    def open_(path: os.PathLike[str] | str, flags: int, *args: object, **kwargs: object) -> int:
        refused(path)
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    # (where the folder is opened first and listed through its descriptor, the open is refused)
    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", open_)
    files, problems = list_files(catalog_roots([tmp_path / "ov"]))
    assert [str(p) for p in problems] == [f"{locked}: cannot read folder: Permission denied"]
    assert [f.display for f in files if f.layer == 1] == [f"{tmp_path / 'ov'}/a.yaml"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_a_folder_without_read_permission_is_named(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write("ov/a.yaml", service_yaml())
    locked = tmp_path / "ov" / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        got = cli(runner, tmp_path / "ov", "list")
    finally:
        locked.chmod(0o755)
    assert got.exit_code == 2
    assert f"{locked}: cannot read folder: Permission denied" in got.stderr


def test_every_refusal_from_a_hostile_overlay_names_a_file_in_it(runner: CliRunner, tmp_path: Path) -> None:
    ov = tmp_path / "ov"
    ov.mkdir()
    hostile = {
        "tag.yaml": b"services: !!python/object/apply:os.getcwd []\n",
        "alias.yaml": b"a: &x [1]\nb: *x\n",
        "gbk.yaml": "名称: 户口\n".encode("gbk"),
        "broken.yaml": b"services: [\n",
        "shape.yaml": b"- 1\n",
        "escape.yaml": b'glossary: "\\e[5m"\n',
        "dupkey.yaml": b"services: []\nservices: []\n",
    }
    for name, raw in hostile.items():
        (ov / name).write_bytes(raw)
    got = runner.invoke(app, ["validate", str(ov)])
    assert got.exit_code == 1
    named = {line.split(":", 1)[0] for line in got.stdout.splitlines()}
    assert named == {f"{ov}/{name}" for name in hostile}
    assert "\x1b" not in got.output
