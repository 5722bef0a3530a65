"""No traceback from any keystroke: random key sequences into the wizard (see tests/keystrokes.py;
`python benchmarks/keystrokes.py` runs the same for longer)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings

from hanban.strings import LANGS
from keystrokes import check, scenarios, services


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
