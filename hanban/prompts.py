"""The only module that imports questionary: it asks, and nothing else.

Every prompt uses `.unsafe_ask()`, so Ctrl-C raises KeyboardInterrupt (questionary's `.ask()`
would swallow it and print to stdout); end of input (Ctrl-D) is turned into KeyboardInterrupt
too, and the CLI exits 130. Tests pass `input=`/`output=` (prompt_toolkit pipe input).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import questionary
from questionary import Choice as QChoice
from questionary import Separator

from hanban import model as m
from hanban.i18n import pick
from hanban.wizard import Answer, Question

BACK = "\x00back"  # sentinel value of the "back" choice (never a real answer)
DONE = "\x00done"
TEXT_BACK = "<"

CATEGORY = {
    "hukou": ("户口", "Hukou"),
    "id-card": ("身份证", "ID card"),
    "residence": ("居住证", "Residence"),
    "certificates": ("证明", "Certificates"),
    "immigration": ("出入境", "Immigration"),
    "traffic": ("交通管理", "Traffic"),
    "security": ("治安", "Public order and security"),
    "maritime": ("出海", "Sea"),
    "business": ("企业", "Business"),
    "general": ("其他", "General"),
}
WORDS = {
    "back": ("← 返回上一题", "← Back to the previous question"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "progress": ("第{n}题，共约{total}题", "question {n} of about {total}"),
    "text_back": ("（输入 < 返回上一题）", "(type < to go back)"),
    "review": ("请核对您的回答：", "Your answers — check them:"),
    "show": ("✓ 没问题，生成清单", "✓ All correct: show my checklist"),
    "change": ("修改", "Change"),
    "search": ("（上下键选择，输入文字筛选）", "(arrow keys to move, type to filter)"),
    "keys": ("（上下键选择，回车确认）", "(arrow keys to move, Enter to choose)"),
    "number": ("请输入整数", "Enter a whole number"),
}


def word(key: str, lang: m.Lang, **fmt: object) -> str:
    return pick(WORDS[key], lang, **fmt)


def _run(question: Any) -> Any:
    # prompt_toolkit binds Ctrl-D only in text prompts (on an empty line); make it end input at
    # every prompt, selects included, so that it exits 130 like Ctrl-C instead of doing nothing.
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    eof = KeyBindings()

    @eof.add("c-d", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, eof]) if app.key_bindings else eof
    try:
        return question.unsafe_ask()
    except EOFError:
        raise KeyboardInterrupt from None


def ask(
    q: Question,
    lang: m.Lang,
    *,
    number: int = 1,
    total: int = 1,
    default: Answer | None = None,
    can_go_back: bool = False,
    io: Mapping[str, Any] | None = None,
) -> Answer | str:
    """Ask one question; return its value, or BACK."""
    kw: dict[str, Any] = dict(io or {})
    progress = word("progress", lang, n=number, total=total)
    message = f"{q.prompt.get(lang)}"
    if q.type in ("select", "confirm"):
        choices: list[Any] = []
        if q.type == "confirm":
            choices = [QChoice(word("yes", lang), value=True), QChoice(word("no", lang), value=False)]
        elif q.choices_from == "services":
            group = None
            for c in q.choices:
                if c.group != group:
                    group = c.group
                    zh, en = CATEGORY.get(group, (group, group))
                    choices.append(Separator(f"── {en if lang == 'en' else zh} ──"))
                choices.append(QChoice(c.label.get(lang), value=c.value))
        else:
            choices = [QChoice(c.label.get(lang), value=c.value) for c in q.choices]
        if can_go_back:
            choices.append(QChoice(word("back", lang), value=BACK))
        searchable = len(q.choices) > 8
        first = next((c for c in choices if isinstance(c, QChoice) and c.value == default), None)
        instruction = f"[{progress}] " + word("search" if searchable else "keys", lang)
        return _run(  # type: ignore[no-any-return]
            questionary.select(
                message,
                choices=choices,
                default=first,
                instruction=instruction,
                use_search_filter=searchable,
                use_jk_keys=not searchable,
                **kw,
            )
        )
    hint = f"[{progress}] " + (word("text_back", lang) if can_go_back else "")

    def valid(text: str) -> bool | str:
        from hanban.answers import coerce
        from hanban.errors import AnswerError

        if can_go_back and text.strip() == TEXT_BACK:
            return True
        try:
            coerce(q, text)
        except AnswerError as exc:
            return str(exc)
        return True

    got = _run(
        questionary.text(
            f"{message} {hint}",
            default="" if default is None else str(default),
            validate=valid,
            **kw,
        )
    )
    if can_go_back and str(got).strip() == TEXT_BACK:
        return BACK
    from hanban.answers import coerce

    return coerce(q, got)


def review(lines: Sequence[tuple[str, str, str]], lang: m.Lang, *, io: Mapping[str, Any] | None = None) -> str:
    """Show the answers with a change entry beside each; return DONE or the id to change.

    `lines` are (question id, prompt, answer label).
    """
    choices: list[Any] = [QChoice(word("show", lang), value=DONE)]
    for qid, prompt, label in lines:
        choices.append(QChoice(f"{word('change', lang)}: {prompt} — {label}", value=qid))
    return _run(questionary.select(word("review", lang), choices=choices, instruction=word("keys", lang), **dict(io or {})))  # type: ignore[no-any-return]
