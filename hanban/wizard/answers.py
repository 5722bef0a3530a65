"""Answers given without prompting (--set ID=VALUE, --answers FILE) and the validators every
answer goes through, typed or not."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from hanban.catalog.store import Catalog
from hanban.catalog.wizard_model import Answer, Question, Wizard
from hanban.errors import AnswerError, NotFound, has_unsafe
from hanban.strings import Lang, word

TRUE_WORDS = ("yes", "y", "true", "1", "是", "是的", "对")
FALSE_WORDS = ("no", "n", "false", "0", "否", "不是", "不")
MAX_TEXT = 500


def allowed_text(q: Question, lang: Lang = "en") -> str:
    """What a question takes, for messages: 'one of: a, b, c', 'a whole number 0..150', ..."""
    if q.choices_from == "services":
        return word("allowed.service", lang)
    if q.type == "select":
        return word("allowed.one_of", lang, values=", ".join(c.value for c in q.choices))
    if q.type == "confirm":
        return word("allowed.one_of", lang, values="yes, no")
    if q.type == "number":
        lo, hi = q.minimum, q.maximum
        if lo is not None and hi is not None:
            return word("allowed.number_range", lang, lo=lo, hi=hi)
        if lo is not None or hi is not None:
            return word("allowed.number_min" if lo is not None else "allowed.number_max", lang, lo=lo, hi=hi)
        return word("allowed.number", lang)
    return word("allowed.text", lang)


class NotAllowed(AnswerError):
    """An answer that is not among what a question takes (the message names what it takes)."""

    def __init__(self, q: Question, value: object) -> None:
        self.question = q
        super().__init__(key="err.answer.not_allowed", q=q.id, value=repr(value), allowed=allowed_text(q))

    def text(self, lang: Lang) -> str:
        return word("err.answer.not_allowed", lang, q=self.question.id, value=self.params["value"], allowed=allowed_text(self.question, lang))


def coerce(q: Question, raw: Any, catalog: Catalog | None = None) -> Answer:
    """Check one answer against its question and return its stable value; raise AnswerError.

    A service answer (`choices_from: services`) is checked against `catalog`: an id, or a name.
    """
    if q.type == "select":
        return _select(q, raw, catalog)
    if q.type == "confirm":
        return _confirm(q, raw)
    if q.type == "number":
        return _number(q, raw)
    return _text(q, raw)


def _select(q: Question, raw: Any, catalog: Catalog | None) -> str:
    if isinstance(raw, bool) or raw is None:
        raise NotAllowed(q, raw)
    text = str(raw).strip()
    if q.choices_from == "services":
        return _service(q, text, catalog)
    if q.choice(text) is not None:
        return text
    for c in q.choices:  # a label in any script is accepted too
        if text in (c.label.zh_hans, c.label.en, c.label.zh_hant):
            return c.value
    raise NotAllowed(q, text)


def _confirm(q: Question, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    word = str(raw).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise AnswerError(key="err.answer.yes_no", q=q.id, value=repr(raw))


def _number(q: Question, raw: Any) -> int:
    if isinstance(raw, bool):
        raise AnswerError(key="err.answer.not_number", q=q.id, value=repr(raw))
    try:
        n = int(str(raw).strip())
    except ValueError:
        raise AnswerError(key="err.answer.not_number", q=q.id, value=repr(raw)) from None
    if q.minimum is not None and n < q.minimum:
        raise AnswerError(key="err.answer.below", q=q.id, n=n, min=q.minimum)
    if q.maximum is not None and n > q.maximum:
        raise AnswerError(key="err.answer.above", q=q.id, n=n, max=q.maximum)
    return n


def _text(q: Question, raw: Any) -> str:
    text = "" if raw is None else str(raw).strip()
    if not text:
        raise AnswerError(key="err.answer.required", q=q.id)
    if len(text) > MAX_TEXT:
        raise AnswerError(key="err.answer.too_long", q=q.id, n=MAX_TEXT)
    if has_unsafe(text):  # escape sequences would reach the terminal through the checklist; an invisible character (U+00AD, U+200B) would print escaped
        raise AnswerError(key="err.answer.control", q=q.id)
    return text


def _service(q: Question, text: str, catalog: Catalog | None) -> str:
    if catalog is None:
        raise AnswerError(key="err.answer.no_catalog", q=q.id, value=repr(text))
    if text in catalog.services:
        return text
    from hanban.find.resolve import resolve_service
    from hanban.find.search import QueryTooLong

    try:
        return resolve_service(catalog, text).id
    except (NotFound, QueryTooLong):
        raise NotAllowed(q, text) from None


def parse_set(items: Sequence[str]) -> dict[str, str]:
    """['id=value', ...] -> {id: value}; the last of repeated ids wins."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise AnswerError(key="err.set_syntax", item=repr(item))
        out[key.strip()] = value.strip()
    return out


def read_answers_file(path: Path) -> dict[str, Any]:
    """A YAML (or JSON) mapping of question id -> answer, loaded safely."""
    from hanban.catalog.yamlio import load_file
    from hanban.errors import CatalogError

    try:
        doc = load_file(path, str(path))
    except CatalogError as exc:
        raise AnswerError(key="err.answers_file", why=exc) from None  # its problems, in the reader's language
    data = doc.data
    if isinstance(data, dict) and isinstance(data.get("answers"), dict):
        data = data["answers"]  # a --save-answers file (or a --json checklist's answers)
    if not isinstance(data, dict):
        raise AnswerError(key="err.answers_file_shape", path=path)
    out: dict[str, Any] = {}
    for k, v in data.items():
        if isinstance(v, (dict, list)):
            raise AnswerError(key="err.answers_file_value", path=path, name=k)
        out[str(k)] = v
    return out


def check_all(wizard: Wizard, given: Mapping[str, Any], catalog: Catalog | None = None) -> dict[str, Answer]:
    """Validate every given answer against its question; unknown ids are errors."""
    out: dict[str, Answer] = {}
    problems: list[AnswerError] = []
    for qid, raw in given.items():
        q = wizard.question(qid)
        if q is None:
            problems.append(AnswerError(key="err.unknown_question", q=repr(qid)))
            continue
        try:
            out[qid] = coerce(q, raw, catalog)
        except AnswerError as exc:
            problems.append(exc)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise AnswerErrors(problems)
    return out


class AnswerErrors(AnswerError):
    """Several answers at once that are not acceptable: every one is said."""

    def __init__(self, errors: list[AnswerError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))

    def text(self, lang: Lang) -> str:
        sep = "；" if lang != "en" else "; "
        return sep.join(e.text(lang) for e in self.errors)


def answers_document(answers: Mapping[str, Answer], service: str) -> dict[str, Any]:
    """What --save-answers writes: only the answers the flow asked, in asking order."""
    return {"hanban_answers": 1, "service": service, "answers": dict(answers)}
