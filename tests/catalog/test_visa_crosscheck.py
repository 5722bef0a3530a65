"""hanban's answer for every passport, against a third-party data set (tests/fixtures/china-visa-rules,
a dated copy: a cross-check, not an authority). Every difference is listed, with the reason hanban
keeps its answer, in differences.yaml; a new or vanished difference fails this test."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from hanban.wizard.checklist import build
from wizard_helpers import real

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "china-visa-rules"
CHECKED = "2026-10-07"  # the day the data set was last checked against official pages


def rows() -> list[dict[str, str]]:
    with (FIXTURE / "china-visa-by-passport.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def routes(nationality: str, today: str) -> set[str]:
    """Which routes hanban's rules offer this passport, for a short trip (the questions answered
    so that every route is possible)."""
    cat, wiz = real()
    service = cat.services["entry-to-china"]
    qs = wiz.by_id()
    got: set[str] = set()
    for entry in ("elsewhere", "hainan"):
        answers: dict[str, object] = {"service": "entry-to-china", "nationality": nationality, "trip_purpose": "tourism", "stay_length": "up-to-10-days"}
        if nationality in {c for c in _when_values(qs["onward_ticket"].when, "nationality")}:
            answers["onward_ticket"] = True
        if nationality in {c for c in _when_values(qs["entry_place"].when, "nationality")}:
            answers["entry_place"] = entry
        for rid in build(cat, service, answers, today).rules:  # type: ignore[arg-type]
            if rid.startswith("visit-unilateral"):  # (a reported route counts: hanban offers it, saying "reported; check")
                got.add("unilateral")
            elif rid.startswith("visit-mutual"):
                got.add("mutual")
            elif rid == "visit-transit-240h":
                got.add("transit")
            elif rid == "visit-hainan":
                got.add("hainan")
    return got


def _when_values(cond: object, qid: str) -> set[str]:
    from hanban.catalog import conditions

    return {str(v) for q, v in conditions.literals(cond) if q == qid}  # type: ignore[arg-type]


def theirs(row: dict[str, str]) -> set[str]:
    out = set()
    if row["visa_free_30_days"] == "yes":
        out.add(row["basis"])
    if row["transit_240_hour"] == "yes":
        out.add("transit")
    if row["hainan_30_day"] == "yes":
        out.add("hainan")
    return out


def test_the_data_set_and_hanban_name_the_same_194_passports() -> None:
    _, wiz = real()
    q = wiz.question("nationality")
    assert q is not None
    assert {r["iso2"].lower() for r in rows()} == {c.value for c in q.choices}


def test_every_difference_from_the_data_set_is_reviewed_and_recorded() -> None:
    recorded = yaml.safe_load((FIXTURE / "differences.yaml").read_text("utf-8"))
    found = {}
    for row in rows():
        code = row["iso2"].lower()
        ours, other = routes(code, CHECKED), theirs(row)
        if ours != other:
            found[code] = " ".join(sorted(ours ^ other))
    assert found == {code: " ".join(sorted(d["what"].split())) for code, d in recorded.items()}
    assert all(d["reason"].strip() for d in recorded.values())


@pytest.mark.parametrize(("code", "route"), [("fr", "unilateral"), ("th", "mutual"), ("us", "transit"), ("ru", "transit")])
def test_spot_checks_agree_with_the_data_set(code: str, route: str) -> None:
    assert route in routes(code, CHECKED)
