"""No traceback from any keystroke: random key sequences into the wizard (see tests/keystrokes.py;
`python benchmarks/keystrokes.py` runs the same for longer)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings

from hanban.strings import LANGS
from keystrokes import check, drive, scenarios, services


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_any_keystrokes_end_in_a_checklist_or_the_documented_interrupt(scenario: tuple[str, str | None, str, bool]) -> None:
    event(f"exit {check(*scenario)}")


@pytest.mark.parametrize(("service", "lang"), list(zip(["id-card-lost-reissue", "port-visa", "hukou-transfer"], LANGS)))
def test_enter_at_every_prompt_gives_a_checklist(service: str, lang: str) -> None:
    assert service in services()
    # (a province has no default to take: it is typed, then Enter keeps it as where you live)
    assert check(("henan\r" if service != "port-visa" else "faguo\r") + "\r" * 8, service, lang, False) == 0  # (the passport, like a province, is typed)
    # the city is typed (a picker has no default), then the number, the text, review
    assert check("shanghai\r" + "4x\x7f2\r" + "a note\r" + "\r", "settlement", lang, True) == 0


def _people() -> list[Any]:
    from conftest import REPO

    return sorted((REPO / "tests" / "people").glob("*.yaml"))


@pytest.mark.parametrize("person", _people(), ids=lambda p: p.stem)
def test_every_person_reaches_the_checklist_in_at_most_25_keystrokes(person: Any) -> None:
    import yaml

    from keystrokes import person_keys

    answers = yaml.safe_load(person.read_text("utf-8"))
    keys = person_keys(answers)
    assert len(keys) <= 25, (len(keys), keys)
    code, out, err = drive("".join(keys), None, "en", False)  # the keys, typed: they give this person's checklist
    assert code == 0 and err == "", err
    from wizard_helpers import real

    assert real()[0].services[answers["service"]].name.en[:30] in out  # the checklist of the service the person came for (its title, maybe wrapped)
