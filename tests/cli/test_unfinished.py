"""Answers kept when `hanban ask` is stopped half-way: the owner's file only, dropped once used,
after 7 days, or when it is not one hanban wrote."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from hanban.cli import unfinished


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HANBAN_DATA", str(tmp_path / "data"))
    return tmp_path / "data"


def test_kept_answers_are_the_owners_only_and_come_back(data: Path) -> None:
    unfinished.save({"service": "settlement"}, now=1000.0)
    f = data / unfinished.NAME
    assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert unfinished.load(now=2000.0) == ({"service": "settlement"}, 1000.0)


def test_after_seven_days_they_are_dropped(data: Path) -> None:
    unfinished.save({"service": "settlement"}, now=0.0)
    assert unfinished.load(now=7 * 86400 + 1) is None
    assert not (data / unfinished.NAME).exists()


@pytest.mark.parametrize("text", ["{", "[]", '{"saved": 1}', '{"saved": "x", "answers": {}}', '{"saved": 1, "answers": [1]}'])
def test_a_file_hanban_did_not_write_is_dropped_not_trusted(data: Path, text: str) -> None:
    data.mkdir(parents=True)
    (data / unfinished.NAME).write_text(text, "utf-8")
    assert unfinished.load(now=2.0) is None
    assert not (data / unfinished.NAME).exists()


def test_a_data_folder_that_cannot_be_written_keeps_nothing_and_says_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("HANBAN_DATA", str(blocker / "data"))  # a folder inside a file: cannot exist
    unfinished.save({"service": "settlement"})
    assert unfinished.load() is None
