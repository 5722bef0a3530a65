"""The JSON Schemas shipped in hanban/schemas: the catalog files satisfy theirs, every command's
`--json` output satisfies its own, and the schemas agree with each other."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import REPO, service_yaml
from hanban.catalog.yamlio import load_bytes
from hanban.cli.app import app

jsonschema = pytest.importorskip("jsonschema")

SCHEMAS = REPO / "hanban" / "schemas"
PEOPLE = REPO / "tests" / "people"
CATALOG_FILES = sorted((REPO / "catalog").rglob("*.yaml"))
Write = Callable[[str, str], Path]


OUTPUTS = ("ask", "catalog-info", "changes", "list", "measures", "questions", "search", "show")  # the `--json` outputs


def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.json").read_text("utf-8"))  # type: ignore[no-any-return]


def closed(node: Any) -> Any:
    """A schema with every object that lists its properties closed to others: what the tests hold
    hanban's own output to (a new field needs its schema), while the shipped schemas let readers
    meet fields added later."""
    if isinstance(node, dict):
        out = {k: closed(v) for k, v in node.items()}
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out
    return [closed(v) for v in node] if isinstance(node, list) else node


def problems(name: str, data: Any, *, strict: bool = True) -> list[str]:
    validator = jsonschema.Draft202012Validator(closed(schema(name)) if strict else schema(name))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def output(runner: CliRunner, *args: str) -> Any:
    got = runner.invoke(app, list(args))
    assert got.exit_code == 0, got.output
    return json.loads(got.stdout)


@pytest.mark.parametrize("path", sorted(SCHEMAS.glob("*.json")), ids=lambda p: p.stem)
def test_every_schema_is_a_valid_draft_2020_12_schema_with_a_title(path: Path) -> None:
    data = json.loads(path.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(data)
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema" and data["title"]


def test_every_schema_has_its_own_versioned_id() -> None:
    ids = {path.stem: json.loads(path.read_text("utf-8"))["$id"] for path in sorted(SCHEMAS.glob("*.json"))}
    assert ids == {name: f"urn:hanban:schema:{name}:1" for name in ids}


@pytest.mark.parametrize("name", OUTPUTS)
def test_an_output_schema_lets_a_field_be_added_and_says_so(name: str) -> None:
    data = schema(name)
    assert "Fields are only ever added" in data["$comment"]
    assert '"additionalProperties": false' not in json.dumps(data)


def test_a_field_added_tomorrow_passes_todays_schema_but_not_the_tests(runner: CliRunner) -> None:
    shown = output(runner, "show", "port-visa", "--json")
    shown["tomorrow"] = {"new": True}
    shown["name"]["ja"] = "ポートビザ"
    shown["channels"]["cross_province"]["since"] = "2027-01-01"
    assert problems("show", shown, strict=False) == []
    assert len(problems("show", shown)) == 3  # the tests still ask a new field to be written into the schema
    asked = output(runner, "ask", "--answers", str(min(PEOPLE.glob("*.yaml"))), "--json")
    asked["items"] = [{**item, "priority": 1} for item in asked["items"]]
    assert asked["items"] and problems("ask", asked, strict=False) == [] != problems("ask", asked)


COMMANDS = {  # one invocation per output
    "ask": ("ask", "--answers", str(min(PEOPLE.glob("*.yaml"))), "--json"),
    "catalog-info": ("catalog", "info", "--json"),
    "changes": ("changes", "--since", "2000-01-01", "--json"),
    "list": ("list", "--json"),
    "measures": ("measures", "--json"),
    "questions": ("questions", "--json"),
    "search": ("search", "lost id card", "--json"),
    "show": ("show", "port-visa", "--json"),
}


def test_every_output_has_a_command_here() -> None:
    assert sorted(COMMANDS) == sorted(OUTPUTS)


@pytest.mark.parametrize("name", OUTPUTS)
def test_every_json_output_names_its_schema_version(runner: CliRunner, name: str) -> None:
    got = output(runner, *COMMANDS[name])
    objects = got if isinstance(got, list) else [got]
    assert objects, name
    want = 1 if name == "ask" else schema(name)["$id"]  # (ask's "schema" was a number before the others had one)
    assert {o["schema"] for o in objects} == {want}
    assert schema(name)["$id"] == f"urn:hanban:schema:{name}:1"


@pytest.mark.parametrize("name", OUTPUTS)
def test_todays_output_with_a_new_field_passes_the_shipped_schema(runner: CliRunner, name: str) -> None:
    got = output(runner, *COMMANDS[name])
    for o in got if isinstance(got, list) else [got]:
        o["added_tomorrow"] = {"anything": [1, "two"]}
    assert problems(name, got, strict=False) == []  # what a reader who saved today's schema sees
    assert problems(name, got) != []  # (the tests' closed copy still asks for it to be written down)


def test_definitions_shared_by_several_schemas_are_the_same_everywhere() -> None:
    seen: dict[str, tuple[str, Any]] = {}
    for path in sorted(SCHEMAS.glob("*.json")):
        if path.stem == "catalog-file":
            continue  # the catalog's input shapes (a Text without zh-Hant, ...), not an output's
        for name, body in json.loads(path.read_text("utf-8")).get("$defs", {}).items():
            first = seen.setdefault(name, (path.stem, body))
            assert first[1] == body, f"$defs/{name} differs between {first[0]}.json and {path.stem}.json"


# -- catalog files --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", CATALOG_FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_catalog_file_names_its_schema_and_satisfies_it(path: Path) -> None:
    first = path.read_text("utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema="), first
    assert (path.parent / first.split("$schema=", 1)[1]).resolve() == SCHEMAS / "catalog-file.json"
    doc = load_bytes(path.read_bytes(), path.name)
    assert problems("catalog-file", doc.data) == []


@pytest.mark.parametrize(
    ("yaml", "why"),
    [
        (service_yaml().replace("    category: certificates", "    catgory: certificates"), "an unknown key"),
        (service_yaml("Not An Id"), "a bad id"),
        (service_yaml().replace("    audience: [citizen]\n", ""), "a missing key"),
        (service_yaml().replace("status: nationwide", "status: everywhere"), "a bad status"),
        (service_yaml().replace("    category:", "    valid_until: 2024-1-1\n    category:"), "a bad date"),
        ('catalog: {version: "2023.8.3", as_of: "2023-08-03"}\n', "a bad version"),
        ("servces: []\n", "an unknown top-level key"),
    ],
)
def test_the_catalog_file_schema_refuses_what_validate_refuses(yaml: str, why: str) -> None:
    doc = load_bytes(yaml.encode(), "x.yaml")
    assert problems("catalog-file", doc.data), why


# -- every --json output ----------------------------------------------------------------------------


@pytest.fixture
def dated(write: Write, tmp_path: Path) -> Path:
    """An overlay with an expired service and dated facts."""
    source = "sources: [{file: 000_c6c68a2d4d68e37f.txt, measure: 15, quote: 全面实施}]"
    text = service_yaml("old-one", "旧的", "Old one").replace("    category:", f"""    valid_until: 2025-01-01
    superseded_by: no-crime-certificate
    reviewed_on: 2024-06-01
    notes:
      - id: a
        text: {{zh-Hans: 旧。, en: Old.}}
        valid_until: 2024-01-01
        superseded_by: b
        {source}
      - id: b
        text: {{zh-Hans: 新。, en: New.}}
        valid_from: 2024-01-02
        {source}
    category:""", 1)
    write("ov/services/old.yaml", text)
    write("ov/catalog.yaml", 'catalog: {version: "2026.12.01", as_of: "2026-12-01", publisher: Someone}\n')
    return tmp_path / "ov"


def test_list_json_satisfies_its_schema(runner: CliRunner, dated: Path) -> None:
    assert problems("list", output(runner, "list", "--json")) == []
    assert problems("list", output(runner, "--catalog", str(dated), "list", "--all", "--json")) == []


@pytest.mark.parametrize("sid", ["no-crime-certificate", "port-visa", "id-card-lost-reissue", "old-one"])
def test_show_json_satisfies_its_schema(runner: CliRunner, dated: Path, sid: str) -> None:
    assert problems("show", output(runner, "--catalog", str(dated), "show", sid, "--json")) == []


def test_search_measures_and_questions_json_satisfy_their_schemas(runner: CliRunner) -> None:
    assert problems("search", output(runner, "search", "lost id card", "--json")) == []
    assert problems("measures", output(runner, "measures", "--json")) == []
    assert problems("questions", output(runner, "questions", "--json")) == []


@pytest.mark.parametrize("person", sorted(PEOPLE.glob("*.yaml")), ids=lambda p: p.stem)
def test_ask_json_satisfies_its_schema(runner: CliRunner, person: Path) -> None:
    assert problems("ask", output(runner, "ask", "--answers", str(person), "--json")) == []


def test_ask_json_of_an_expired_service_satisfies_its_schema(runner: CliRunner, dated: Path) -> None:
    assert problems("ask", output(runner, "--catalog", str(dated), "ask", "--set", "service=old-one", "--json")) == []


def test_catalog_info_json_and_a_pack_manifest_satisfy_their_schemas(
    runner: CliRunner, dated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tarfile

    from pack_helpers import pack_folder

    monkeypatch.setenv("HANBAN_DATA", str(tmp_path / "data"))
    assert problems("catalog-info", output(runner, "--catalog", str(dated), "catalog", "info", "--json")) == []
    pack = tmp_path / "p.tar.gz"
    assert runner.invoke(app, ["catalog", "pack", str(pack_folder(tmp_path / "p")), "--output", str(pack)]).exit_code == 0
    with tarfile.open(pack) as tar:
        member = tar.extractfile("manifest.json")
        assert member is not None
        assert problems("manifest", json.loads(member.read())) == []
    assert runner.invoke(app, ["catalog", "update", str(pack), "--allow-unsigned"]).exit_code == 0
    assert runner.invoke(app, ["catalog", "rollback"]).exit_code == 0  # a previous pack, and a current built-in
    assert problems("catalog-info", output(runner, "catalog", "info", "--json")) == []
    assert runner.invoke(app, ["catalog", "rollback"]).exit_code == 0
    assert problems("catalog-info", output(runner, "--catalog", str(dated), "catalog", "info", "--json")) == []


def test_catalog_schema_prints_the_shipped_files(runner: CliRunner) -> None:
    for path in sorted(SCHEMAS.glob("*.json")):
        got = runner.invoke(app, ["catalog", "schema", path.stem])
        assert got.exit_code == 0 and got.stdout == path.read_text("utf-8")
