"""One verdict everywhere (issue 21): for every service and every wizard path, the checklist's
verdict on each channel only narrows what `list` and `show` say for anyone, never contradicts it;
and `list`, `show` and `ask` print the same word where nothing about the person narrows it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from hanban.catalog import verdict as vd
from hanban.catalog.model import CHANNELS
from hanban.cli.app import app
from hanban.wizard import flow
from hanban.wizard.checklist import build, verdict_of, verdict_word
from wizard_helpers import real

TODAY = "2026-12-07"


def every_path() -> list[tuple[str, dict[str, object]]]:
    cat, _ = real()
    g = flow.graph(cat)
    return [(sid, dict(p)) for sid in cat.services for p in g.paths(sid)]


def test_the_checklist_only_narrows_the_verdict_for_anyone_on_every_path() -> None:
    cat, _ = real()
    paths = every_path()
    problems = []
    for sid, answers in paths:
        s = cat.services[sid]
        cl = build(cat, s, answers, today=TODAY)  # type: ignore[arg-type]
        for name in CHANNELS:
            anyone = vd.for_anyone(s.channels[name])
            person = verdict_of(cl.channels[name])
            if not anyone.stated and (person.available or person.status != "not_stated"):
                problems.append((sid, name, answers, "offered where show says not stated"))
            if anyone.stated and person.stated and vd.STATUS_RANK[person.status] > vd.STATUS_RANK[anyone.status]:
                problems.append((sid, name, answers, f"{person.status} where show says {anyone.status}"))
            if person == anyone:  # nothing narrowed: the same word as show
                for lang in ("zh-Hans", "zh-Hant", "en"):
                    assert verdict_word(cl.channels[name]).get(lang) == cat_word(anyone, lang), (sid, name, lang)
    assert len(paths) > 500 and problems == []


def cat_word(v: vd.Verdict, lang: str) -> str:
    from hanban.strings import word

    return word(vd.word_key(v), lang)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def cli_views() -> tuple[dict[str, dict[str, object]], dict[str, set[str]]]:
    """`show --json` of every service, and the ids `list --<channel>` gives for each channel."""
    cat, _ = real()
    runner = CliRunner()
    shown = {}
    for sid in cat.services:
        r = runner.invoke(app, ["show", sid, "--json"])
        assert r.exit_code == 0, r.output
        shown[sid] = json.loads(r.stdout)
    listed = {}
    for name in CHANNELS:
        r = runner.invoke(app, ["list", "--" + name.replace("_", "-"), "--json"])
        assert r.exit_code == 0, r.output
        data = json.loads(r.stdout)
        listed[name] = {row["id"] for row in (data if isinstance(data, list) else data["services"])}
    return shown, listed


def test_list_show_and_ask_agree_channel_by_channel(cli_views: tuple[dict[str, dict[str, object]], dict[str, set[str]]]) -> None:
    shown, listed = cli_views
    cat, _ = real()
    for sid, s in cat.services.items():
        for name in CHANNELS:
            anyone = vd.for_anyone(s.channels[name])
            ch = shown[sid]["channels"][name]  # type: ignore[index]
            assert (ch["available"], ch["status"]) == (anyone.available is True, anyone.status if anyone.stated else "not_stated"), (sid, name)
            assert (sid in listed[name]) == (anyone.available is True), (sid, name)


def test_a_lost_card_away_from_the_hukou_province_is_not_called_cross_province_service() -> None:
    """003's acceptance away from the hukou place (异地受理) is not 跨省通办, and measure 15 does
    not list a lost card's replacement: `ask` says "not stated", as `show` and `list` do."""
    cat, _ = real()
    s = cat.services["id-card-lost-reissue"]
    cl = build(cat, s, {"service": s.id, "hukou_province": "henan", "live_province": "beijing", "card_issued": "over-two-years"}, today=TODAY)
    assert verdict_word(cl.channels["cross_province"]).get("zh-Hans") == "资料未说明"
    assert any("异地受理" in it.text.zh_hans for it in cl.items if it.kind == "note")


def test_id_card_away_from_hukou_says_how_widely_as_show_does() -> None:
    cat, _ = real()
    s = cat.services["id-card-away-from-hukou"]
    cl = build(cat, s, {"service": s.id, "hukou_province": "henan", "live_province": "beijing"}, today=TODAY)
    assert verdict_of(cl.channels["cross_province"]) == vd.for_anyone(s.channels["cross_province"])


def test_a_rule_cannot_widen_a_channel() -> None:
    pilot = vd.Verdict(True, "pilot")
    assert vd.narrow(pilot, True, "nationwide") == vd.Verdict(True, "pilot")
    assert vd.narrow(vd.UNSTATED, True, "nationwide") == vd.UNSTATED
    assert vd.narrow(vd.UNSTATED, False) == vd.Verdict(False, "not_stated")
    assert vd.widens(pilot, True, "nationwide") == "status"
    assert vd.widens(vd.UNSTATED, True) == "available"
    assert vd.widens(pilot, False, "pilot") is None


def test_no_checklist_says_a_thing_twice_or_numbers_one_quote_twice() -> None:
    """On every path: no two lines of one checklist with the same text, and no seed quote under two
    source numbers (the audit found one quote cited as [3] and [8], and two residence-permit notes)."""
    from hanban.catalog.citation_checks import same_passage, similar

    cat, _ = real()
    problems = []
    for sid, answers in every_path():
        cl = build(cat, cat.services[sid], answers, today=TODAY)  # type: ignore[arg-type]
        quoted = [(s.file, s.quote) for s in cl.sources if s.quote]
        if len(quoted) != len(set(quoted)):
            problems.append((sid, answers, "a quote numbered twice"))
        notes = [it for it in cl.items if it.kind == "note"]
        for i, a in enumerate(notes):
            for b in notes[i + 1 :]:
                if a.text == b.text or (same_passage(a.sources, b.sources) and similar(a.text.zh_hans, b.text.zh_hans)):
                    problems.append((sid, answers, a.text.en[:60], b.text.en[:60]))
    assert problems == []
