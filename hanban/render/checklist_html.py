"""The checklist as a small self-contained HTML page (`--output FILE.html`), for the screen and for paper.

Everything from the catalog or the string table is escaped (`html.escape`); hanban writes the
markup. The page says its language, and every run of Chinese in another language's text says its
own (`lang="zh-Hans"` / `lang="zh-Hant"`), so a browser picks a Chinese font with the right glyph
forms instead of showing boxes or Japanese forms: source quotes are in the script of the text they
come from (catalog/sources.yaml `script`) and so are titles, outlet names in the page's own script,
and Chinese in catalog and interface text in the checklist's own script (Simplified glosses in an
English checklist). Citations link to the numbered sources, and each source links back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from hanban.catalog import model as m
from hanban.catalog.store import Catalog
from hanban.render.checklist_common import as_of_shown, heading, official_addresses, sections, see_key, see_lines, title
from hanban.strings import Lang, labeled, word
from hanban.wizard.checklist import Checklist

# Latin faces first (their Latin glyphs are better), then Chinese faces of the page's script on
# macOS/iOS, Linux/Android (and as Google Fonts names them), Adobe's name for the same faces, and
# Windows. System fonts only: the page loads nothing.
LATIN = 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans"'
HANS = '"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei"'
HANT = '"PingFang TC","Noto Sans CJK TC","Noto Sans TC","Source Han Sans TC","Microsoft JhengHei"'

STYLE = (
    f"body{{font-family:{LATIN},{HANS},sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.6;color:#1a1a1a;background:#fff}"
    f":lang(zh-Hans){{font-family:{LATIN},{HANS},sans-serif}}"
    f":lang(zh-Hant){{font-family:{LATIN},{HANT},sans-serif}}"
    "h1{font-size:1.6rem;line-height:1.3;margin:0 0 .4rem}"
    "h2{font-size:1.15rem;margin:1.75rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid #d0d0d0}"
    "ul,ol{padding-left:1.6rem}li{margin:.3rem 0}"
    ".outcome{background:#eef4fb;border-left:4px solid #0b57a4;padding:.1rem 1rem .2rem;margin:1.25rem 0 1rem}"
    ".outcome h2{border:0;margin:.6rem 0 .2rem;padding:0}.outcome .answer{font-size:1.08rem;margin:.3rem 0 .6rem}"
    ".as-of{color:#555;margin:0}"
    ".warning li,p.warning{color:#6b3a00;background:#fff5e0;border-left:4px solid #d98c00;padding:.35rem .7rem;list-style:none}"
    "ul.warning{padding-left:0}"
    "sup{line-height:0}.cites a{text-decoration:none;padding:0 .05em}"
    "a{color:#0b57a4}a:target,li:target{background:#fff1a8}"
    ".sources{font-size:.92rem;color:#333}.back{margin-left:.4em;white-space:nowrap}.back a{text-decoration:none;margin-left:.2em}"
    "footer{margin-top:2rem;padding-top:.5rem;border-top:1px solid #d0d0d0;font-size:.9rem;color:#444}"
    "@page{margin:18mm 16mm}"
    "@media print{"
    "html{font-size:10.5pt}"  # the rem sizes above shrink with it
    "body{max-width:none;margin:0;padding:0;line-height:1.5;color:#000}"
    # Citations and back-links go to places on the page, and an official address is its own text;
    # any other link to the web prints its address after it.
    "a{color:#000;text-decoration:none}a[href^='http']:not(.url)::after{content:' <' attr(href) '>'}"
    ".back{display:none}"
    ".as-of,.sources,footer{color:#000}"
    ".warning li,p.warning{color:#000;background:none;border-left:2pt solid #000}"
    ".outcome{background:none;border:1pt solid #000;border-left-width:3pt}"
    "h2{border-bottom-color:#000}"
    "h1,h2{break-after:avoid;page-break-after:avoid}"
    "li,p{break-inside:avoid;page-break-inside:avoid}"
    "}"
)

# Han ideographs (with extensions and compatibility forms), radicals, CJK symbols and punctuation,
# kana, bopomofo, CJK compatibility forms, full-width forms.
_CJK = "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
FULL_WIDTH_PUNCT = re.compile("[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]")
CJK_RUN = re.compile(f"[{_CJK}](?:[{_CJK}“”‘’·0-9 ]*[{_CJK}])?")


def chinese_script(lang: Lang) -> Lang:
    """The script of the Chinese in catalog and interface text of a checklist in `lang`."""
    return lang if lang != "en" else "zh-Hans"


def marked(text: str, page: Lang, zh: str) -> str:
    """`text` escaped, each run of Chinese in it wrapped in `<span lang=zh>` unless the page is in `zh`."""
    if zh == page:
        return escape(text)
    out, pos = [], 0
    for mt in CJK_RUN.finditer(text):
        out += [escape(text[pos : mt.start()]), f'<span lang="{zh}">{escape(mt.group())}</span>']
        pos = mt.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def _gap(before: str) -> str:
    """The space after `before`: none after a full-width ？ or ：, which carry their own."""
    return "" if before and FULL_WIDTH_PUNCT.match(before[-1]) else " "


def source_id(n: int) -> str:
    return f"src-{n}"


def cite_id(n: int, k: int) -> str:
    """The id of the `k`-th citation of source `n` in the text (what its back-link points to)."""
    return f"cite-{n}-{k}"


def html(cl: Checklist, catalog: Catalog, lang: Lang, age: str | None = None) -> str:
    """The page; `age` is the age warning to show under the as-of date (None: none)."""
    numbers = cl.numbers()
    zh = chinese_script(lang)
    addresses = official_addresses(catalog)

    def text(s: str) -> str:
        return marked(s, lang, zh)

    def linked(s: str) -> str:
        """Catalog text, with the official addresses of places in it as links (an address is
        written as it stands: escaping leaves it alone, and it holds no Chinese)."""
        out = text(s)
        return addresses.sub(lambda mt: f'<a class="url" href="{mt.group()}">{mt.group()}</a>', out) if addresses else out

    cited: dict[int, int] = {}  # source number -> how many times it is cited so far

    def cites(sources: tuple[m.Source, ...]) -> str:
        links = []
        for s in sources:
            if s in numbers:
                n = numbers[s]
                cited[n] = cited.get(n, 0) + 1
                label = escape(word("html.cite", lang, n=n), quote=True)
                links.append(f'<a href="#{source_id(n)}" id="{cite_id(n, cited[n])}" aria-label="{label}">[{n}]</a>')
        # A word joiner keeps the citation on the line of the word (or the 。) it follows.
        return f'&#8288;<sup class="cites">{"".join(links)}</sup>' if links else ""

    head = escape(title(cl, lang))
    out = [
        "<!doctype html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        f"<title>{head}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{text(title(cl, lang))}</h1>",
        "</header>",
        "<main>",
        '<section class="outcome">',
        f"<h2>{text(heading('outcome', lang))}</h2>",
        f'<p class="answer"><b>{linked(cl.outcome.text.get(lang))}</b>{cites(cl.outcome.sources)}</p>',
    ]
    if cl.outcome.see:
        out += [f"<p>{text(labeled(heading(see_key(cl), lang), '', lang).rstrip())}</p>", '<ul class="see">']
        out += [f"<li>{text(line)}</li>" for line in see_lines(cl, catalog, lang)]
        out.append("</ul>")
    out.append("</section>")
    as_of = as_of_shown(cl, lang, age)
    if as_of:
        out.append(f'<p class="as-of">{text(as_of)}</p>')
    if age:
        out.append(f'<p class="warning">⚠ {text(age)}</p>')
    if cl.answers:
        out += ["<section>", f"<h2>{text(heading('answers', lang))}</h2>", '<ul class="answers">']
        out += [f"<li>{text(a.prompt.get(lang))}{_gap(a.prompt.get(lang))}<b>{text(a.label.get(lang))}</b></li>" for a in cl.answers]
        out += ["</ul>", "</section>"]
    for kind, items in sections(cl):
        tag = "ol" if kind == "step" else "ul"
        out += ["<section>", f"<h2>{text(heading(kind, lang))}</h2>", f'<{tag} class="{kind}">']
        out += [f"<li>{linked(it.text.get(lang))}{cites(it.sources)}</li>" for it in items]
        out += [f"</{tag}>", "</section>"]
    out += ["<section>", f"<h2>{text(heading('sources', lang))}</h2>", '<ol class="sources">']
    for s, n in numbers.items():
        out.append(f'<li id="{source_id(n)}">{_source(s, catalog, lang, text)}{_back_links(n, cited.get(n, 0), lang)}</li>')
    out += ["</ol>", "</section>", "</main>"]
    out += ["<footer>", f'<p class="disclaimer">{text(heading("disclaimer", lang))}</p>', "</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _source(src: m.Source, catalog: Catalog, lang: Lang, text: Callable[[str], str]) -> str:
    """'People's Daily Online, “公安部发布…26条措施”, 2023-08-03, measure 15: “quote”', as
    `checklist_common.source_line` words it, with the outlet's, the title's and the quote's Chinese
    marked with their script."""
    seed = catalog.seeds.get(src.file)
    if seed is not None and seed.is_page:
        url = escape(seed.url, quote=True)
        return escape(word("punct.comma", lang)).join(
            [marked(seed.outlet.get(lang), lang, chinese_script(lang)),
             _title(seed, lang) if seed.title else text(word("show.untitled", lang)),
             text(word("show.published", lang, date=seed.date)), f'<a href="{url}">{escape(seed.url)}</a>']
        )
    parts = [marked(seed.outlet.get(lang), lang, chinese_script(lang))] if seed else [escape(src.file)]
    if seed is not None and seed.title:
        parts.append(_title(seed, lang))
    if seed is not None:
        parts.append(escape(seed.date))
    if src.measure is not None:
        parts.append(text(word("show.measure", lang, n=src.measure)))
    label = escape(word("punct.comma", lang)).join(parts)
    script = seed.script if seed else chinese_script(lang)  # (a seed's script is zh-Hans or zh-Hant)
    colon = escape(word("punct.colon", lang))
    return f'{label}{colon}<span class="quote" lang="{escape(script, quote=True)}">“{escape(src.quote)}”</span>'


def _title(seed: m.SeedText, lang: Lang) -> str:
    """《title》 on a Chinese page, “title” on an English one; the title marked with its own script."""
    before, _, after = word("show.title", lang, title="\0").partition("\0")
    return escape(before) + marked(seed.title, lang, seed.script) + escape(after)


def _back_links(n: int, times: int, lang: Lang) -> str:
    """'↩' back to the one place source `n` is cited, or '↩ 1 2 3' back to each of them."""
    if times == 0:
        return ""
    if times == 1:
        label = escape(word("html.back", lang), quote=True)
        return f'<span class="back"><a href="#{cite_id(n, 1)}" aria-label="{label}">↩</a></span>'
    links = "".join(
        f'<a href="#{cite_id(n, k)}" aria-label="{escape(word("html.back_n", lang, k=k), quote=True)}">{k}</a>' for k in range(1, times + 1)
    )
    return f'<span class="back">↩{links}</span>'
