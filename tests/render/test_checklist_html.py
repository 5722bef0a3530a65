"""The HTML checklist, read back with the standard library's parser: well formed (every element
closed, in order), no script or outside resource, a language on the page and on every run of
Chinese in another language's page, citations and sources linked both ways, catalog text shown
exactly as written."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hostile import HOSTILE, LOCAL, LOST, STOP, hostile

from hanban.render.checklist_html import STYLE, html
from hanban.strings import LANGS, Lang
from wizard_helpers import checklist_for, real

OFFICIAL = {p.url for p in real()[0].places.values() if p.url}
BEIJING = {"service": "hukou-transfer", "hukou_province": "hebei", "destination_province": "beijing"}  # cites Ta Kung Pao (Traditional)
VOID = {"meta", "br", "hr", "img", "link", "input", "wbr"}
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


class Page(HTMLParser):
    """Checks nesting as it goes; collects text with the language it is in, ids, links, tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []  # (tag, lang in force)
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str | None, tuple[str, ...]]] = []  # (text, lang, enclosing tags)
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        self.attrs += attrs
        if "id" in a:
            self.ids.append(str(a["id"]))
        if tag == "a" and "href" in a:
            self.hrefs.append(str(a["href"]))
        if tag not in VOID:
            self.stack.append((tag, a.get("lang", self.stack[-1][1] if self.stack else None)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in VOID, f"<{tag} /> is not an empty element"
        self.tags.append(tag)
        self.attrs += attrs

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append((data, self.stack[-1][1] if self.stack else None, tuple(t for t, _ in self.stack)))

    def body_text(self) -> str:
        return "".join(t for t, _, tags in self.texts if "body" in tags)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    assert p.doctype.lower() == "doctype html"
    assert not p.stack, f"left open: {p.stack}"
    return p


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("answers", [LOST, STOP, LOCAL], ids=["lost-card", "port-visa-stop", "next-steps"])
def test_the_page_is_well_formed_says_its_language_and_loads_nothing(lang: Lang, answers: dict[str, str]) -> None:
    cat = real()[0]
    p = parse(html(checklist_for(**answers), cat, lang, "an age warning"))
    assert p.tags[:3] == ["html", "head", "meta"] and p.tags.count("html") == p.tags.count("body") == 1
    assert p.stack == [] and ("lang", lang) in p.attrs
    assert not {"script", "iframe", "object", "embed", "img", "link", "base", "form"} & set(p.tags)
    assert not [k for k, _ in p.attrs if k.startswith("on") or k == "style"]
    assert len(p.ids) == len(set(p.ids)), "ids are unique"
    assert all(h[1:] in p.ids if h.startswith("#") else h in OFFICIAL for h in p.hrefs), "links go to the page or an official address"


@pytest.mark.parametrize("lang", LANGS)
def test_citations_link_to_their_source_and_each_source_links_back(lang: Lang) -> None:
    cl = checklist_for(**LOST)
    p = parse(html(cl, real()[0], lang))
    n = len(cl.sources)
    assert [i for i in p.ids if i.startswith("src-")] == [f"src-{k}" for k in range(1, n + 1)]
    cites = [h for h in p.hrefs if h.startswith("#src-")]
    backs = [h for h in p.hrefs if h.startswith("#cite-")]
    assert len(cites) == sum(len(it.sources) for it in cl.items) + len(cl.outcome.sources)
    assert sorted(backs) == sorted(f"#{i}" for i in p.ids if i.startswith("cite-"))  # one back-link per citation
    assert {h[len("#src-"):] for h in cites} == {str(k) for k in range(1, n + 1)}


@pytest.mark.parametrize("answers", [LOST, BEIJING], ids=["lost-card", "hukou-to-beijing"])
def test_chinese_in_an_english_page_says_it_is_chinese_and_each_quote_its_script(answers: dict[str, str]) -> None:
    cat = real()[0]
    cl = checklist_for(**answers)
    p = parse(html(cl, cat, "en"))
    unmarked = [t for t, lang, _ in p.texts if CJK.search(t) and not (lang or "").startswith("zh")]
    assert unmarked == []
    for s in cl.sources:
        if s.quote:  # (an outside page is never quoted)
            assert {lang for t, lang, _ in p.texts if s.quote in t} == {cat.seeds[s.file].script}
    assert any("People's Daily Online" in t for t, lang, tags in p.texts)  # outlets in the page's language
    hant = parse(html(cl, cat, "zh-Hant"))
    assert any("人民網" in t for t, lang, tags in hant.texts) and not any("人民网" in t for t, lang, tags in hant.texts)


def test_in_a_traditional_page_a_simplified_quote_keeps_its_script() -> None:
    cl = checklist_for(**LOST)
    p = parse(html(cl, real()[0], "zh-Hant"))
    quote = next(s.quote for s in cl.sources if s.file.startswith("000_"))
    assert [lang for t, lang, _ in p.texts if quote in t] == ["zh-Hans"]
    assert [lang for t, lang, _ in p.texts if t.startswith("資料來源")] == ["zh-Hant"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("answers", [LOST, STOP], ids=["lost-card", "port-visa-stop"])
def test_hostile_catalog_text_is_shown_as_written_and_adds_no_markup(lang: Lang, answers: dict[str, str]) -> None:
    plain = checklist_for(**answers)
    cl, cat = hostile(plain, real()[0])
    page = html(cl, cat, lang)
    p = parse(page)
    q = parse(html(plain, real()[0], lang))
    assert set(p.tags) == set(q.tags), "no element but hanban's own"
    assert {k for k, _ in p.attrs} == {k for k, _ in q.attrs}
    shown = p.body_text()
    for text in HOSTILE:
        assert text in shown, text


def test_the_style_names_chinese_system_fonts_loads_none_and_has_print_rules() -> None:
    for face in ("PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang TC", "Noto Sans CJK TC", "Microsoft JhengHei"):
        assert f'"{face}"' in STYLE
    assert "url(" not in STYLE and "@import" not in STYLE and "@font-face" not in STYLE
    assert "@media print" in STYLE and "break-inside:avoid" in STYLE


@pytest.mark.parametrize("lang", LANGS)
def test_a_next_step_links_the_platforms_official_address_as_its_own_text(lang: Lang) -> None:
    page = html(checklist_for(**LOCAL), real()[0], lang)
    parse(page)
    assert '<a class="url" href="https://zwfw.mps.gov.cn">https://zwfw.mps.gov.cn</a>' in page


def test_a_traditional_source_is_among_those_checked() -> None:
    cat = real()[0]
    assert "zh-Hant" in {cat.seeds[s.file].script for s in checklist_for(**BEIJING).sources}

