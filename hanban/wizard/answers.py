"""Answers given without prompting (--set ID=VALUE, --answers FILE) and the validators every
answer goes through, typed or not."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from hanban.catalog.store import Catalog
from hanban.catalog.wizard_model import Answer, Question, Wizard
from hanban.errors import CONTROL_RE, AnswerError, NotFound

TRUE_WORDS = ("yes", "y", "true", "1", "是", "是的", "对")
FALSE_WORDS = ("no", "n", "false", "0", "否", "不是", "不")
MAX_TEXT = 500


def allowed_text(q: Question) -> str:
    """'one of: a, b, c' for messages."""
    vals = q.allowed()
    return "one of: " + ", ".join(vals) if q.type in ("select", "confirm") else vals[0]


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
        raise AnswerError(f"{q.id}: {raw!r} is not allowed; use {allowed_text(q)}")
    text = str(raw).strip()
    if q.choices_from == "services":
        return _service(q, text, catalog)
    if q.choice(text) is not None:
        return text
    for c in q.choices:  # a label in any script is accepted too
        if text in (c.label.zh_hans, c.label.en, c.label.zh_hant):
            return c.value
    raise AnswerError(f"{q.id}: {text!r} is not allowed; use {allowed_text(q)}")


def _confirm(q: Question, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    word = str(raw).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise AnswerError(f"{q.id}: {raw!r} is not allowed; use yes or no")


def _number(q: Question, raw: Any) -> int:
    if isinstance(raw, bool):
        raise AnswerError(f"{q.id}: {raw!r} is not a whole number")
    try:
        n = int(str(raw).strip())
    except ValueError:
        raise AnswerError(f"{q.id}: {raw!r} is not a whole number") from None
    if q.minimum is not None and n < q.minimum:
        raise AnswerError(f"{q.id}: {n} is below the minimum {q.minimum}")
    if q.maximum is not None and n > q.maximum:
        raise AnswerError(f"{q.id}: {n} is above the maximum {q.maximum}")
    return n


def _text(q: Question, raw: Any) -> str:
    text = "" if raw is None else str(raw).strip()
    if not text:
        raise AnswerError(f"{q.id}: an answer is required")
    if len(text) > MAX_TEXT:
        raise AnswerError(f"{q.id}: the answer is longer than {MAX_TEXT} characters")
    if CONTROL_RE.search(text):  # escape sequences would reach the terminal through the checklist
        raise AnswerError(f"{q.id}: control characters are not allowed in an answer")
    return text


def _service(q: Question, text: str, catalog: Catalog | None) -> str:
    if catalog is None:
        raise AnswerError(f"{q.id}: {text!r} cannot be checked without the catalog")
    if text in catalog.services:
        return text
    from hanban.find.resolve import resolve_service
    from hanban.find.search import QueryTooLong

    try:
        return resolve_service(catalog, text).id
    except (NotFound, QueryTooLong):
        raise AnswerError(f"{q.id}: {text!r} is not allowed; use {allowed_text(q)}") from None


def parse_set(items: Sequence[str]) -> dict[str, str]:
    """['id=value', ...] -> {id: value}; the last of repeated ids wins."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise AnswerError(f"--set {item!r}: expected ID=VALUE")
        out[key.strip()] = value.strip()
    return out


def read_answers_file(path: Path) -> dict[str, Any]:
    """A YAML (or JSON) mapping of question id -> answer, loaded safely."""
    from hanban.catalog.yamlio import load_file
    from hanban.errors import CatalogError

    try:
        doc = load_file(path, str(path))
    except CatalogError as exc:
        raise AnswerError(f"cannot read answers file: {exc}") from None
    data = doc.data
    if isinstance(data, dict) and isinstance(data.get("answers"), dict):
        data = data["answers"]  # a --save-answers file (or a --json checklist's answers)
    if not isinstance(data, dict):
        raise AnswerError(f"{path}: expected a mapping of question id to answer")
    out: dict[str, Any] = {}
    for k, v in data.items():
        if isinstance(v, (dict, list)):
            raise AnswerError(f"{path}: {k}: expected a plain value")
        out[str(k)] = v
    return out


def check_all(wizard: Wizard, given: Mapping[str, Any], catalog: Catalog | None = None) -> dict[str, Answer]:
    """Validate every given answer against its question; unknown ids are errors."""
    out: dict[str, Answer] = {}
    problems: list[str] = []
    for qid, raw in given.items():
        q = wizard.question(qid)
        if q is None:
            problems.append(f"unknown question id {qid!r} (see `hanban questions`)")
            continue
        try:
            out[qid] = coerce(q, raw, catalog)
        except AnswerError as exc:
            problems.append(str(exc))
    if problems:
        raise AnswerError("; ".join(problems))
    return out


def answers_document(answers: Mapping[str, Answer], service: str) -> dict[str, Any]:
    """What --save-answers writes: only the answers the flow asked, in asking order."""
    return {"hanban_answers": 1, "service": service, "answers": dict(answers)}
