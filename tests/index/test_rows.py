"""A service's row is written by the JSON encoder itself (`rows.dumps_model`): it must be exactly
what the codec's `encode` gives, for every shipped service and for a generated large catalog's."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import REPO
from hanban.catalog import model as m
from hanban.catalog.files import Root, list_files
from hanban.catalog.load import load_catalog
from hanban.catalog.parse import parse_file
from hanban.index.codec import decoder, encode
from hanban.index.rows import dumps, dumps_model

sys.path.insert(0, str(REPO / "benchmarks"))
import gen_catalog


def test_every_shipped_service_is_written_as_encode_writes_it() -> None:
    services = list(load_catalog(pack=None).services.values())
    assert len(services) > 30
    for s in services:
        assert dumps_model(s) == dumps(encode(s)), s.id
        assert dumps_model(s.name) == dumps(encode(s.name))
        assert decoder(m.Service)(encode(s)) == s


def test_generated_services_are_written_as_encode_writes_them(tmp_path: Path) -> None:
    gen_catalog.generate(300, tmp_path / "ov")
    files, problems = list_files([Root(tmp_path / "ov", "ov", 1)])
    assert not problems
    services = [s for f in files for s in parse_file(f).entries.get("services", ())]
    assert len(services) >= 300
    for s in services:
        assert dumps_model(s) == dumps(encode(s)), s.id
