"""The checklist as Markdown (`--output FILE.md`, and plain output when stdout is not a terminal).

hanban writes the markup (headings, list markers, bold answers, citation links and the anchors
they point to, links to the official addresses of places); everything else — catalog text above
all, and the interface words around it — goes through `literal()`, so that no name, note or quote
can open a heading, a list, a code fence, a link or HTML, and so swallow or fake the real sources.
Only what could act gets a backslash, so the file still reads as plain text.
"""

from __future__ import annotations

import re

from hanban.catalog import model as m
from hanban.catalog.store import Catalog
from hanban.render.checklist_common import (
    as_of_shown,
    heading,
    official_addresses,
    sections,
    see_key,
    see_lines,
    source_line,
    title,
)
from hanban.strings import Lang, labeled
from hanban.wizard.checklist import Checklist

# What can open or close markup wherever it stands in a line: CommonMark's emphasis and code
# (* _ `), links and images ([ ]), escapes and hard breaks (\), HTML and autolinks (< before a
# letter, / ! or ?), entities (& before `name;` or `#123;`), the closing #s of a heading; GFM's
# tables (|), strikethrough (~) and bare addresses (`https://`, `www.`, `a@b.cn`: the `:`, `.` or
# `@` gets the backslash); GitHub's math ($); the attribute braces of common extensions ({ }).
# The rest (- + = . ! > ( ) ...) is inert inside a line; it only counts where a block can start,
# which is the first character of a text (a list item's content is such a place: "- - x" nests a
# list). `_` between two letters or digits (`000_c6c6.txt`) is inert too: CommonMark never reads
# it as emphasis.
_MARKUP = re.compile(r"_+|[\\`*\[\]#|~${}@]|<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)|:(?=//)|(?<=\b[wW]{3})\.")
_BLOCK_START = re.compile(r"[!-/:-@\[-`{-~]|\d+[.)](?=\s|$)")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def literal(text: str, links: re.Pattern[str] | None = None) -> str:
    """`text` as Markdown that renders as exactly that text, on one line; the addresses `links`
    finds in it become links (`<https://...>`).

    Line breaks become spaces and the ends are trimmed (a line break could start a block).
    """
    text = _LINE_BREAKS.sub(" ", text).strip()

    def escape(mt: re.Match[str]) -> str:
        s = mt.group()
        if s[0] != "_":
            return "\\" + s
        before = text[mt.start() - 1] if mt.start() > 0 else ""
        after = text[mt.end()] if mt.end() < len(text) else ""
        return s if before.isalnum() and after.isalnum() else "\\_" * len(s)

    def escaped(start: int, end: int) -> str:
        out, pos = [], start
        for mt in _MARKUP.finditer(text, start, end):
            out += [text[pos : mt.start()], escape(mt)]
            pos = mt.end()
        return "".join(out) + text[pos:end]

    out, pos = [], 0
    for mt in links.finditer(text) if links is not None else ():
        out += [escaped(pos, mt.start()), f"<{mt.group()}>"]
        pos = mt.end()
    out.append(escaped(pos, len(text)))
    first = out[0]
    block = _BLOCK_START.match(first)
    if block and not first.startswith("\\"):
        # "1. x" or "1) x" would open an ordered list, "- x", "> x", "= x" a block of their own.
        out[0] = first[: block.end() - 1] + "\\" + first[block.end() - 1 :]
    return "".join(out)


def anchor(n: int) -> str:
    """The id of source `n` (its list item carries `<a id="...">`; citations link to `#...`)."""
    return f"source-{n}"


def cite_links(sources: tuple[m.Source, ...], numbers: dict[m.Source, int]) -> str:
    """'[[1]](#source-1)[[3]](#source-3)': each citation a link to its numbered source, shown as
    "[1]" (brackets in pairs are the link's text, not a link: the `[1]` there is not a reference)."""
    return "".join(f"[[{numbers[s]}]](#{anchor(numbers[s])})" for s in sources if s in numbers)


def markdown(cl: Checklist, catalog: Catalog, lang: Lang, age: str | None = None) -> str:
    """The checklist; `age` is the age warning to show under the as-of date (None: none)."""
    numbers = cl.numbers()
    links = official_addresses(catalog)
    out = [f"# {literal(title(cl, lang))}", "", f"## {literal(heading('outcome', lang))}", ""]
    out += [f"**{literal(cl.outcome.text.get(lang), links)}**{cite_links(cl.outcome.sources, numbers)}", ""]
    if cl.outcome.see:
        out += [literal(labeled(heading(see_key(cl), lang), "", lang)), ""]
        out += [f"- {literal(line)}" for line in see_lines(cl, catalog, lang)]
        out.append("")
    as_of = as_of_shown(cl, lang, age)
    if as_of:
        out += [literal(as_of), ""]
    if age:
        out += [f"⚠ {literal(age)}", ""]
    if cl.answers:
        out += [f"## {literal(heading('answers', lang))}", ""]
        out += [f"- {literal(a.prompt.get(lang))} **{literal(a.label.get(lang))}**" for a in cl.answers]
        out.append("")
    for kind, items in sections(cl):
        out += [f"## {literal(heading(kind, lang))}", ""]
        for i, it in enumerate(items, 1):
            bullet = f"{i}." if kind == "step" else "-"
            out.append(f"{bullet} {literal(it.text.get(lang), links)}{cite_links(it.sources, numbers)}")
        out.append("")
    out += [f"## {literal(heading('sources', lang))}", ""]
    out += [f'{i}. <a id="{anchor(i)}"></a>{literal(source_line(s, catalog, lang))}' for s, i in numbers.items()]
    out += ["", f"_{literal(heading('disclaimer', lang))}_", ""]
    return "\n".join(out)
