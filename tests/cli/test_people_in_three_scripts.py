"""The people of issue 20 get their answer in all three scripts: the outcome and, where a trial is
ending or has ended, the warning that says so (the English snapshots hold the whole checklists)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from hanban.cli.app import app

PEOPLE = REPO / "tests" / "people"

EXPECTED: dict[str, dict[str, list[str]]] = {
    "visa-free-french-business-visitor": {
        "zh-Hans": ["您不需要口岸签证", "还有30天"],
        "zh-Hant": ["您不需要口岸簽證", "還有30天"],
        "en": ["You do not need a port visa", "30 days from now"],
    },
    "visa-free-french-business-visitor-2027": {
        "zh-Hans": ["您可以申请口岸签证", "已到期，这里不再算作可用", "12367"],
        "zh-Hant": ["口岸簽證", "已到期，這裡不再算作可用", "12367"],
        "en": ["You can apply for a port visa", "Ended, so not counted here", "12367"],
    },
    "transit-240h-us-traveller": {
        "zh-Hans": ["您可以240小时过境免签", "美国"],
        "zh-Hant": ["您可以240小時過境免簽", "美國"],
        "en": ["You can use 240-hour visa-free transit", "United States"],
    },
    "port-visa-business-no-time": {
        "zh-Hans": ["您可以申请口岸签证"],
        "zh-Hant": ["您可以申請口岸簽證"],
        "en": ["You can apply for a port visa"],
    },
    "passport-renewal-pilot-city": {
        "zh-Hans": ["可以在网上申请换发或补发", "深圳"],
        "zh-Hant": ["可以在網上申請換發或補發", "深圳"],
        "en": ["You can renew or replace it online", "Shenzhen"],
    },
    "passport-renewal-other-city": {
        "zh-Hans": ["不在2024年公布的20个试点城市中", "据报道"],
        "zh-Hant": ["20個試點城市中", "據報"],
        "en": ["not among the 20 pilot cities named in 2024", "reportedly"],
    },
    "hukou-transfer-hebei-to-beijing": {
        "zh-Hans": ["公安部2024年5月27日通报", "跨省通办"],
        "zh-Hant": ["公安部2024年5月27日通報", "跨省通辦"],
        "en": ["reported on 2024-05-27", "cross-province service"],
    },
}


def today_of(person: Path) -> str | None:
    first = person.read_text("utf-8").splitlines()[0]
    return first.split(":", 1)[1].strip() if first.startswith("# today:") else None


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
@pytest.mark.parametrize("person", sorted(EXPECTED))
def test_each_person_gets_the_answer_in_each_script(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, person: str, lang: str) -> None:
    path = PEOPLE / f"{person}.yaml"
    today = today_of(path)
    if today is not None:
        monkeypatch.setenv("HANBAN_TODAY", today)
    got = runner.invoke(app, ["--lang", lang, "ask", "--answers", str(path)])
    assert got.exit_code == 0, got.output
    text = got.stdout
    for phrase in EXPECTED[person][lang]:
        assert phrase in text, (person, lang, phrase, text[:400])
