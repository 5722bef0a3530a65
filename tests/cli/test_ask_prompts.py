"""The questionary layer, driven with prompt_toolkit pipe input (as questionary's own tests do)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prompt_toolkit.input.defaults import create_pipe_input
from prompt_toolkit.output import DummyOutput

from hanban.cli.prompts import QuestionaryPrompter
from hanban.wizard.session import run
from wizard_helpers import real

DOWN = "\x1b[B"
ENTER = "\r"


@pytest.fixture
def keys() -> Iterator[object]:
    with create_pipe_input() as inp:
        yield inp


def prompter(inp: object) -> QuestionaryPrompter:
    cat, _ = real()
    return QuestionaryPrompter(cat, "en", io={"input": inp, "output": DummyOutput()})


def ask(q: object, inp: object) -> object:
    return prompter(inp).ask(q, number=1, total=1, default=None, can_go_back=False)  # type: ignore[arg-type]


def wizard(inp: object, text: str, preset: dict[str, object] | None = None) -> dict[str, object]:
    cat, _ = real()
    inp.send_text(text)  # type: ignore[attr-defined]
    return run(cat, dict(preset or {}), prompter(inp), "en")  # type: ignore[arg-type]


def test_a_person_answers_by_keys_and_typing_to_filter(keys: object) -> None:
    got = wizard(keys, "lost" + ENTER + "henan" + ENTER + "guangdong" + ENTER + DOWN + ENTER + ENTER)
    assert got == {"service": "id-card-lost-reissue", "hukou_province": "henan", "live_province": "guangdong", "card_issued": "over-two-years"}


def test_back_returns_to_the_previous_question(keys: object) -> None:
    got = wizard(keys, "lost" + ENTER + "henan" + ENTER + "back" + ENTER + "sichuan" + ENTER + "guangdong" + ENTER + ENTER + ENTER)
    assert got["hukou_province"] == "sichuan" and got["card_issued"] == "within-two-years"


def test_the_summary_changes_one_answer_and_keeps_the_rest(keys: object) -> None:
    first = "lost" + ENTER + "henan" + ENTER + "guangdong" + ENTER + ENTER
    change_hukou = DOWN + DOWN + ENTER + "hubei" + ENTER
    got = wizard(keys, first + change_hukou + ENTER)
    assert got == {"service": "id-card-lost-reissue", "hukou_province": "hubei", "live_province": "guangdong", "card_issued": "within-two-years"}


def test_preset_answers_are_not_asked_again(keys: object) -> None:
    got = wizard(keys, DOWN + ENTER + ENTER, preset={"service": "settlement"})
    assert got == {"service": "settlement", "settle_city": "shanghai"}


def test_a_yes_no_question_is_answered_by_keys(keys: object) -> None:
    got = wizard(keys, ENTER + DOWN + ENTER + ENTER, preset={"service": "business-multi-entry-visa"})
    assert got["visit_purpose"] == "business-talks" and got["repeat_trips"] is False


def test_ctrl_c_raises_keyboard_interrupt_instead_of_being_swallowed(keys: object) -> None:
    with pytest.raises(KeyboardInterrupt):
        wizard(keys, "lost" + ENTER + "\x03")


def test_end_of_input_counts_as_an_interrupt(keys: object) -> None:
    _, wiz = real()
    q = wiz.question("card_issued")
    assert q is not None
    keys.close()  # type: ignore[attr-defined]  # the input ends (like Ctrl-D at a terminal)
    with pytest.raises(KeyboardInterrupt):
        ask(q, keys)


def test_a_number_question_validates_like_a_typed_answer(keys: object) -> None:
    from hanban.catalog.model import Text
    from hanban.catalog.wizard_model import Question

    q = Question("age", "number", Text("年龄？", "Age?", "年龄？"), minimum=0, maximum=150)
    keys.send_text("abc" + "\x7f" * 3 + "42" + ENTER)  # type: ignore[attr-defined]
    assert ask(q, keys) == 42


def test_an_ambiguous_prefix_is_not_picked_by_enter(keys: object) -> None:
    # 河 matches 河北 and 河南 alike: Enter does not pick 河北; typing on (南) does
    _, wiz = real()
    q = wiz.question("hukou_province")
    keys.send_text("河" + ENTER + "南" + ENTER)  # type: ignore[attr-defined]
    assert ask(q, keys) == "henan"


def test_the_picker_rows_say_why_enter_did_not_choose() -> None:
    from hanban.cli.prompts import _PickerRows

    _, wiz = real()
    q = wiz.question("hukou_province")
    assert q is not None
    rows = _PickerRows(q, "en", None, False)
    assert not rows.clear("河") and rows.pick("河") is None
    assert "Hebei" in rows.which("河") and "Henan" in rows.which("河") and "keep typing" in rows.which("河")
    assert rows.clear("henan") and rows.clear("Guangdong")
    assert rows.find("zzzz") == [] and "Nothing matches “zzzz”" in rows.which("zzzz")
    nation = wiz.question("nationality")
    assert nation is not None
    assert not _PickerRows(nation, "en", None, False).clear("united")  # the Emirates, the Kingdom, the States
