"""Every selectable entry of every prompt, and a table of what people type into the pickers, through
the real prompts (prompt_toolkit pipe input): each entry gives its value, a typed name in any script
or its pinyin finds it, and nothing typed ends in anything but an answer or the documented
interrupt (never a traceback, never a heading taken as an answer)."""

from __future__ import annotations

import pytest
from prompt_toolkit.input.defaults import create_pipe_input
from prompt_toolkit.output import DummyOutput

from hanban.catalog.wizard_model import Question
from hanban.cli.prompts import SEARCHABLE, QuestionaryPrompter
from hanban.strings import LANGS, Lang
from wizard_helpers import real

DOWN, ENTER, EOF = "\x1b[B", "\r", "\x04"


def answer(q: Question, keys: str, lang: Lang = "en", default: object = None) -> object:
    cat, _ = real()
    with create_pipe_input() as inp:
        inp.send_text(keys + EOF)  # (the input ends after the keys: a prompt still waiting raises KeyboardInterrupt)
        prompter = QuestionaryPrompter(cat, lang, io={"input": inp, "output": DummyOutput()})
        return prompter.ask(q, number=1, total=3, default=default, can_go_back=False)  # type: ignore[arg-type]


def questions(kind: str) -> list[Question]:
    _, wiz = real()
    if kind == "short":
        return [q for q in wiz.questions if q.type == "confirm" or (q.type == "select" and not q.choices_from and len(q.choices) <= SEARCHABLE)]
    return [q for q in wiz.questions if q.type == "select" and not q.choices_from and len(q.choices) > SEARCHABLE]


@pytest.mark.parametrize("q", questions("short"), ids=lambda q: q.id)
def test_every_entry_of_every_short_list_gives_its_value(q: Question) -> None:
    values: list[object] = [True, False] if q.type == "confirm" else [c.value for c in q.choices]
    for i, value in enumerate(values):
        assert answer(q, DOWN * i + ENTER) == value


@pytest.mark.parametrize("q", questions("picker"), ids=lambda q: q.id)
def test_every_entry_of_every_picker_is_found_by_its_name_in_each_script_its_id_and_its_pinyin(q: Question) -> None:
    sounds = [c.pinyin for c in q.choices]
    for c in q.choices:
        typed = {c.label.zh_hans, c.label.zh_hant, c.label.en, c.value}
        if c.pinyin and sounds.count(c.pinyin) == 1:  # (山西 and 陕西 are both shan xi: Shaanxi is typed so)
            typed.add("".join(c.pinyin.split()))  # henan, neimenggu
        for text in typed:
            assert answer(q, text + ENTER) == c.value, (text, c.value)


@pytest.mark.parametrize("q", questions("picker"), ids=lambda q: q.id)
def test_every_entry_of_every_picker_is_reached_by_arrow_keys(q: Question) -> None:
    for i, c in enumerate(q.choices):
        assert answer(q, DOWN * (i + 1) + ENTER) == c.value


@pytest.mark.parametrize("lang", LANGS)
def test_every_service_is_found_by_typing_its_name(lang: Lang) -> None:
    cat, wiz = real()
    q = wiz.question("service")
    assert q is not None
    for s in cat.service_choices():
        assert answer(q, s.name.get(lang) + ENTER, lang) == s.id, s.id


# What people type (seen in the sessions that filed the issue, and worse), then Enter.
TYPED = {
    "身份证丢失": "id-card-lost-reissue",
    "身分證補領": "id-card-lost-reissue",
    "shenfenzheng diu": "id-card-lost-reissue",
    "sfz": None,
    "wufanzui": "no-crime-certificate",
    "police clearance": "no-crime-certificate",
    "police c": "no-crime-certificate",
    "residence": "residence-permit",
    "move my": None,
    "换身份证": None,
    "ｓｈｅｎｆｅｎｚｈｅｎｇ": None,  # full-width letters from an input method
    "port visa": "port-visa",
    "a": None,
    "——": None,
    "🙂": None,
    "\u200b": None,
    "x" * 300: None,
    "   ": None,
    "<": None,
}


@pytest.mark.parametrize("typed", list(TYPED), ids=lambda t: repr(t[:20]))
@pytest.mark.parametrize("lang", LANGS)
def test_whatever_is_typed_into_the_service_picker_ends_in_a_service_or_asks_again(typed: str, lang: Lang) -> None:
    cat, wiz = real()
    q = wiz.question("service")
    assert q is not None
    try:
        got = answer(q, typed + ENTER + ENTER + EOF, lang)
    except KeyboardInterrupt:  # asked again (nothing found, or a choice between hits) and the input ended
        got = None
    if TYPED[typed] is not None:
        assert got == TYPED[typed]
    assert got is None or got in cat.services


@pytest.mark.parametrize("typed", ["he", "河", "hen", "香港", "hong kong", "xianggang", "taiwan", "abroad", "zzz", "——", "   "])
def test_whatever_is_typed_into_a_province_picker_ends_in_a_province_or_the_interrupt(typed: str) -> None:
    for q in questions("picker"):
        try:
            got = answer(q, typed + ENTER + EOF)
        except KeyboardInterrupt:  # not one province: the picker says so and waits
            continue
        assert got in {c.value for c in q.choices}
