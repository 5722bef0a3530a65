"""The Markdown checklist: catalog text stays text. Rendered by markdown-it (CommonMark, with GFM's
tables and strikethrough), no catalog or interface string opens a heading, list, quote, code,
link, image, emphasis or HTML, and each reads back exactly as written."""

from __future__ import annotations

import re

import pytest
from hostile import HOSTILE, LOCAL, LOST, STOP, flat, hostile
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from hanban.render.checklist_common import official_addresses
from hanban.render.checklist_markdown import literal, markdown
from hanban.strings import LANGS
from wizard_helpers import checklist_for, real

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def inline_text(tok: Token) -> str:
    """The text an inline token shows (markup left out)."""
    return "".join(c.content for c in tok.children or () if c.type in ("text", "code_inline"))


def kinds(tok: Token) -> list[str]:
    """The types of an inline token's children, leaving out the empty texts that markdown-it
    leaves behind where it considered and dropped a delimiter."""
    return [c.type for c in tok.children or () if c.type != "text" or c.content]


def only_text(markdown_text: str) -> str:
    """The one paragraph `markdown_text` makes, as text; fails if it makes anything else."""
    toks = MD.parse(markdown_text)
    assert [t.type for t in toks] == ["paragraph_open", "inline", "paragraph_close"], (markdown_text, toks)
    assert set(kinds(toks[1])) == {"text"}, (markdown_text, kinds(toks[1]))
    return inline_text(toks[1])


def _walk(tokens: list[Token]) -> list[Token]:
    out = []
    for t in tokens:
        out.append(t)
        out += _walk(t.children or [])
    return out


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_text_renders_as_itself(text: str) -> None:
    assert only_text(literal(text)) == flat(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_text_stays_inside_a_list_item_a_heading_and_bold(text: str) -> None:
    toks = MD.parse(f"- {literal(text)}\n- **{literal(text)}**\n\n## {literal(text)}\n")
    types = [t.type for t in toks]
    assert types == ["bullet_list_open", "list_item_open", "paragraph_open", "inline", "paragraph_close", "list_item_close",
                     "list_item_open", "paragraph_open", "inline", "paragraph_close", "list_item_close", "bullet_list_close",
                     "heading_open", "inline", "heading_close"], text
    plain, bold, head = (t for t in toks if t.type == "inline")
    assert kinds(plain) == ["text"] and inline_text(plain) == flat(text)
    assert kinds(bold) == ["strong_open", "text", "strong_close"] and inline_text(bold) == flat(text)
    assert kinds(head) == ["text"] and inline_text(head) == flat(text)


def test_quotes_and_inert_punctuation_stay_readable_in_the_markdown_itself() -> None:
    for text in (
        "“人民网” 'single' \"double\", it's 50% (see: a/b; c?)",
        "000_c6c68a2d4d68e37f.txt, measure 15",
        '公安部“互联网+政务服务”平台 and the "Internet + Government Services" platform',
        "4.5 million; a -> b; a <= b; R&D, Q&A, x = y! (1) 2. 3)",
    ):
        assert literal(text) == text
    assert literal("1. first") == "1\\. first" and literal("- x") == "\\- x" and literal("+ x") == "\\+ x"
    assert literal("&amp; &#x202E;") == "\\&amp; \\&\\#x202E;" and literal("<b>") == "\\<b>"


# Printable text: ASCII (all its punctuation), line breaks and tabs, Chinese and its punctuation.
TEXTS = st.text(
    st.sampled_from([chr(c) for c in range(0x20, 0x7F)] + list("\n\r\t　中文户口（）：，。“”「」·—…é")), max_size=40
)


@given(TEXTS)
def test_any_text_renders_as_itself(text: str) -> None:
    if not flat(text):
        return
    assert only_text(literal(text)) == flat(text)


@given(TEXTS)
def test_any_text_in_bold_is_bold_and_nothing_else(text: str) -> None:
    if not flat(text):
        return
    toks = MD.parse(f"- x **{literal(text)}**")
    inline = next(t for t in toks if t.type == "inline")
    assert kinds(inline) == ["text", "strong_open", "text", "strong_close"], literal(text)
    assert inline_text(inline) == "x " + flat(text)


LINKS = official_addresses(real()[0])  # the places' official web addresses


def test_an_official_address_is_a_link_and_any_other_address_is_text() -> None:
    doc = literal("the MPS platform (https://zwfw.mps.gov.cn) or https://zwfw.mps.gov.cn.evil.example or https://evil.example", LINKS)
    toks = MD.parse(doc)
    links = [t.attrGet("href") for t in _walk(toks) if t.type == "link_open"]
    assert links == ["https://zwfw.mps.gov.cn"]
    assert "".join(c.content for c in _walk(toks) if c.type == "text") == (
        "the MPS platform (https://zwfw.mps.gov.cn) or https://zwfw.mps.gov.cn.evil.example or https://evil.example"
    )
    assert literal("https://zwfw.mps.gov.cn first", LINKS) == "<https://zwfw.mps.gov.cn> first"


@given(st.lists(st.one_of(TEXTS, st.just("https://zwfw.mps.gov.cn")), max_size=4))
def test_any_text_with_an_official_address_renders_as_itself_with_at_most_that_link(parts: list[str]) -> None:
    text = " ".join(parts)
    if not flat(text):
        return
    toks = [t for t in _walk(MD.parse(literal(text, LINKS))) if t.type not in ("paragraph_open", "paragraph_close", "inline")]
    assert {t.type for t in toks if t.type != "text" or t.content} <= {"text", "link_open", "link_close"}
    assert {t.attrGet("href") for t in toks if t.type == "link_open"} <= {"https://zwfw.mps.gov.cn"}
    assert "".join(t.content for t in toks if t.type == "text") == flat(text)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("answers", [LOST, STOP], ids=["lost-card", "port-visa-stop"])
def test_a_checklist_of_hostile_catalog_text_has_only_hanbans_own_markup(lang: str, answers: dict[str, str]) -> None:
    cl, cat = hostile(checklist_for(**answers), real()[0])
    doc = markdown(cl, cat, lang)  # type: ignore[arg-type]
    tokens = _walk(MD.parse(doc))
    allowed = {"heading_open", "heading_close", "paragraph_open", "paragraph_close", "inline", "bullet_list_open",
               "bullet_list_close", "ordered_list_open", "ordered_list_close", "list_item_open", "list_item_close",
               "text", "strong_open", "strong_close", "em_open", "em_close", "link_open", "link_close", "html_inline"}
    assert {t.type for t in tokens} <= allowed, {t.type for t in tokens} - allowed
    numbers = set(range(1, len(cl.sources) + 1))
    links = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    assert {str(h) for h in links} == {f"#source-{n}" for n in numbers}
    cites = sum(1 for it in cl.items for s in it.sources) + len(cl.outcome.sources)
    assert len(links) == cites
    html = [t.content for t in tokens if t.type == "html_inline"]
    assert html == [tag for n in sorted(numbers) for tag in (f'<a id="source-{n}">', "</a>")]  # each source's anchor
    assert [t.tag for t in tokens if t.type == "heading_open"].count("h1") == 1
    assert sum(t.type == "strong_open" for t in tokens) == len(cl.answers) + 1  # each answer, and the outcome
    assert sum(t.type == "em_open" for t in tokens) == 1  # the disclaimer
    shown = "\n".join(inline_text(t) for t in tokens if t.type == "inline")
    for text in HOSTILE:
        assert flat(text) in shown, text
    rendered = MD.render(doc)
    assert not re.search(r"<(?!/?(h1|h2|p|ul|ol|li|strong|em|a)\b)", rendered), "markup from the catalog"


@pytest.mark.parametrize("lang", LANGS)
def test_a_next_step_links_the_platforms_official_address(lang: str) -> None:
    cl = checklist_for(**LOCAL)
    tokens = _walk(MD.parse(markdown(cl, real()[0], lang)))  # type: ignore[arg-type]
    hrefs = [str(t.attrGet("href")) for t in tokens if t.type == "link_open"]
    assert [h for h in hrefs if not h.startswith("#source-")] == ["https://zwfw.mps.gov.cn"]

