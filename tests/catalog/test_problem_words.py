"""Catalog problems in the reader's language: a problem is a key of the string table and the values
it names, every key the code names is in the table in three scripts, and every script's line still
says FILE:LINE: field. English (`str(problem)`) is what logs and tests read."""

from __future__ import annotations

import ast
import pickle
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest

import hanban
from conftest import service_yaml
from hanban.catalog.load import full_check
from hanban.errors import Phrase, Problem
from hanban.strings import LANGS, WORDS, render

Write = Callable[[str, str], Path]
HANBAN = Path(hanban.__file__).parent
CJK = re.compile(r"[\u4e00-\u9fff]")
# a key of a problem's message, as the code names it: "problem.unknown_key", "kind.list"
KEY_IN_CODE = re.compile(r"""["']((?:problem|kind)\.[a-z0-9_]+(?:\.[a-z0-9_]+)?)["']""")
# what a reference names (`c.ref("document", ...)`, `c.id_list(..., "place")`): one "unknown ..." message each
REF_KIND = re.compile(r"""\.ref\(\s*"(\w+)"|\.id_list\([^()]*(?:\([^()]*\)[^()]*)*,\s*"(\w+)"\)""")
PROBLEM_KEYS = sorted(k for k in WORDS if k.startswith(("problem.", "kind.")))


def code_files() -> list[Path]:
    """Every module but the string table itself."""
    return sorted(p for p in HANBAN.rglob("*.py") if p != HANBAN / "strings.py")


def test_every_problem_key_the_code_names_is_in_the_table() -> None:
    named = {k for p in code_files() for k in KEY_IN_CODE.findall(p.read_text("utf-8"))}
    assert len(named) > 80
    assert named - set(WORDS) == set()


# The calls that take a problem's key, and where: Problem(file, line, field, key), c.err(path, key), ...
KEY_ARGUMENT = {"Problem": 3, "err": 1, "fail": 2, "_problem": 2, "ConditionSyntaxError": 1, "Phrase": 0}


def keys_passed(tree: ast.AST) -> list[ast.expr]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            at = KEY_ARGUMENT.get(name)
            if at is not None and len(node.args) > at:
                out.append(node.args[at])
    return out


def test_every_problem_is_made_with_a_key_of_the_table_not_a_message() -> None:
    wrong = []
    for path in code_files():
        for arg in keys_passed(ast.parse(path.read_text("utf-8"))):
            where = f"{path.relative_to(HANBAN)}:{arg.lineno}"
            if isinstance(arg, ast.Constant) and arg.value not in WORDS:
                wrong.append(f"{where}: {arg.value!r}")
            elif isinstance(arg, ast.JoinedStr):  # f"problem.unknown.{kind}": a key, made from a known prefix
                head = arg.values[0]
                if not (isinstance(head, ast.Constant) and str(head.value).startswith(("problem.", "kind."))):
                    wrong.append(f"{where}: {ast.unparse(arg)}")
    assert wrong == []


def test_every_kind_of_reference_has_an_unknown_message() -> None:
    kinds = {a or b for p in (HANBAN / "catalog").glob("*.py") for a, b in REF_KIND.findall(p.read_text("utf-8"))}
    assert {"document", "place", "region", "seed", "service", "measure"} <= kinds
    missing = {k for k in kinds - {"measure"} if f"problem.unknown.{k}" not in WORDS}  # a measure: problem.unknown_measure
    assert missing == set()


def test_no_problem_key_is_left_unused() -> None:
    code = "".join(p.read_text("utf-8") for p in code_files())
    used = set(KEY_IN_CODE.findall(code)) | {k for k in WORDS if k.startswith("problem.unknown.")}
    used |= {f"kind.{k}" for k in ("mapping", "list", "string", "boolean", "number")}  # Phrase(f"kind.{kind}")
    assert set(PROBLEM_KEYS) - used == set()


def sample(name: str, spec: str) -> object:
    """A value of the kind a message's placeholder takes, to render every message."""
    if spec or name in ("n", "byte", "limit", "size"):
        return 1234
    if name in ("choices", "ops"):
        return ("nationwide", "pilot")
    if name == "got":
        return Phrase("kind.list")
    return "x-1"


@pytest.mark.parametrize("key", PROBLEM_KEYS)
def test_every_problem_message_renders_in_three_scripts(key: str) -> None:
    fields = {(name, spec) for _, name, spec, _ in string.Formatter().parse(WORDS[key][2]) if name}
    params = {name: sample(name, spec) for name, spec in fields}
    got = {lang: Problem("f.yaml", 3, "services[0].id", key, **params).text(lang) for lang in LANGS}
    for lang, text in got.items():
        assert text.startswith("f.yaml:3: services[0].id: "), (lang, text)
    if key != "kind.other":  # only a Python type's name
        assert CJK.search(got["zh-Hans"]) and CJK.search(got["zh-Hant"]), got
    if "!q}" in WORDS[key][0]:  # a value is quoted as each script quotes
        assert "“x-1”" in got["zh-Hans"] and "「x-1」" in got["zh-Hant"] and "'x-1'" in got["en"], got
    if "!l}" in WORDS[key][0]:
        assert "nationwide、pilot" in got["zh-Hans"] and "nationwide, pilot" in got["en"], got


def test_a_value_is_quoted_with_its_escapes_and_numbers_stay_bare() -> None:
    assert render("problem.duplicate_choice", "zh-Hans", value="a\nb") == "选项值“a\\nb”重复"
    assert render("problem.duplicate_choice", "en", value="a\nb") == "duplicate choice value 'a\\nb'"
    assert render("problem.expected_whole_number", "zh-Hant", value=1.5) == "應為整數，實際為1.5"
    assert render("problem.file_too_big", "en", size=3_000_000, limit=2_000_000) == "file is 3,000,000 bytes; the limit is 2,000,000"


def test_a_problem_is_english_in_logs_and_survives_the_trip_to_a_parsing_process() -> None:
    p = Problem("a.yaml", 2, "services", "problem.expected_list", got=Phrase("kind.mapping"))
    assert str(p) == p.text("en") == "a.yaml:2: services: expected a list, got a mapping"
    assert p.message == "expected a list, got a mapping"
    assert p.text("zh-Hans") == "a.yaml:2: services: 应为列表，实际为映射"
    assert p.text("zh-Hant") == "a.yaml:2: services: 應為列表，實際為對映"
    back = pickle.loads(pickle.dumps(p))
    assert back == p and hash(back) == hash(p) and back.text("zh-Hant") == p.text("zh-Hant")


def test_a_problem_without_a_line_or_field_says_what_it_has() -> None:
    p = Problem("ov/x.yaml", 0, "", "problem.empty_file")
    assert p.text("en") == "ov/x.yaml: the file is empty" and p.text("zh-Hans") == "ov/x.yaml: 文件为空"


BROKEN = {
    "services/status.yaml": service_yaml().replace("status: nationwide", "status: everywhere"),
    "services/key.yaml": service_yaml(id="other").replace("    category:", "    catgory: x\n    category:"),
    "services/shape.yaml": "services: [1]\n",
    "services/syntax.yaml": "services: [\n",
    "services/tag.yaml": "services:\n  - !!python/name:os.system x\n",
    "services/twice.yaml": "services: []\nservices: []\n",
    "services/empty.yaml": "",
    "services/issues.yaml": service_yaml(id="issuer").replace(
        "    audience: [citizen]\n", "    audience: [citizen]\n    issues: [id-card]\n    documents:\n      - kind: id-card\n        exemption: required\n"
        "        sources: [{file: 000_c6c68a2d4d68e37f.txt, measure: 14, quote: 居民身份证}]\n"
    ),
    "places.yaml": """
        places:
          - id: a-window
            name: {zh-Hans: 窗口, en: a window}
            kind: office
            description: {zh-Hans: 一个窗口。, en: A window.}
            url: http://example.org/
            sources:
              - file: 000_c6c68a2d4d68e37f.txt
                measure: 18
                quote: 加强派出所综合服务窗口、警务室建设，方便群众就近就地办理相关事项
        """,
    "rules.yaml": """
        rules:
          - id: halt
            services: [port-visa]
            stop: true
            items:
              - kind: note
                text: {zh-Hans: 说明, en: A note}
            sources:
              - file: 000_c6c68a2d4d68e37f.txt
                measure: 14
                quote: 居民身份证丢失补领(领证不超过两年)
        """,
    "questions.yaml": """
        questions:
          - id: Pets
            type: confirm
            prompt: {zh-Hans: 有宠物吗？, en: Any pets?}
          - id: abroad
            type: confirm
            prompt: {zh-Hans: 在国外吗？, en: Abroad?}
            place: true
          - id: colour
            type: select
            prompt: {zh-Hans: 颜色？, en: Colour?}
            when: {sometimes: {service: settlement}}
            choices:
              - value: red
                label: {zh-Hans: 红, en: Red}
              - value: red
                label: {zh-Hans: 红, en: Red}
        """,
}


def test_every_problem_of_a_broken_overlay_keeps_file_line_and_field_in_every_language(write: Write, tmp_path: Path, base: Path) -> None:
    for name, text in BROKEN.items():
        write(f"ov/{name}", text)
    _, problems = full_check([tmp_path / "ov"], builtin=base)
    keys = {p.key for p in problems}
    assert {"problem.not_a_choice", "problem.unknown_key_hint", "problem.expected_mapping", "problem.yaml_syntax", "problem.tag",
            "problem.duplicate_key", "problem.empty_file", "problem.bad_question_id", "problem.cond.unknown_op",
            "problem.duplicate_choice", "problem.issued_not_brought", "problem.not_https", "problem.stop_needs_outcome",
            "problem.place_not_select"} <= keys, keys
    for p in problems:
        english = str(p)
        where = english[: len(english) - len(p.message)]
        assert where.startswith(str(tmp_path / "ov")) and where.endswith(": "), english
        for lang in ("zh-Hans", "zh-Hant"):
            text = p.text(lang)
            assert text.startswith(where) and CJK.search(text[len(where):]), (lang, text)
