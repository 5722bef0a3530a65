"""The checklist as Markdown (`--output FILE.md`, and plain output when stdout is not a terminal).

hanban writes the markup (headings, list markers, bold answers, citation links and the anchors
they point to); everything else — catalog text above all, and the interface words around it — goes
through `literal()`, so that no name, note or quote can open a heading, a list, a code fence, a
link or HTML, and so swallow or fake the real sources.
"""

from __future__ import annotations

import re

from hanban.catalog import model as m
from hanban.catalog.store import Catalog
from hanban.render.checklist_common import heading, sections, see_lines, source_line, title
from hanban.strings import Lang, labeled
from hanban.wizard.checklist import Checklist

# ASCII punctuation that opens or closes markup wherever it stands in a line: CommonMark's
# emphasis, code, links, images, autolinks, HTML, entities and hard breaks, the closing #s of a
# heading, GFM's tables and strikethrough, and what common extensions add (math $, super- and
# subscripts ^ ~, attributes {}, mentions @, insertions ++ and highlights ==). `_` is handled apart.
_ALWAYS = r"\\`*\[\]<>&!#|~^${}@+="
# The rest (-.,:;?'"/%()) is inert inside a line; it only counts where a block can start, which is
# the first character of a text (a list item's content is such a place: "- - x" nests a list),
# and in the bare addresses GFM (GitHub, GitLab) turns into links: `https://` and `www.` get a
# backslash on their `:` and `.` (e-mail addresses already have one on their `@`).
_MARKUP = re.compile(f"_+|[{_ALWAYS}]|:(?=//)|(?<=\\b[wW]{{3}})\\.")
_BLOCK_START = re.compile(r"[!-/:-@\[-`{-~]|\d+[.)](?=\s|$)")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def literal(text: str) -> str:
    """`text` as Markdown that renders as exactly that text, on one line.

    Line breaks become spaces and the ends are trimmed (a line break could start a block); the
    punctuation above gets a backslash, `&` included so that `&#x202E;` stays text; an `_` between
    two letters or digits (`000_c6c6.txt`) is left alone, as CommonMark never reads it as emphasis.
    """
    text = _LINE_BREAKS.sub(" ", text).strip()

    def escape(mt: re.Match[str]) -> str:
        s = mt.group()
        if s[0] != "_":
            return "\\" + s
        before = text[mt.start() - 1] if mt.start() > 0 else ""
        after = text[mt.end()] if mt.end() < len(text) else ""
        return s if before.isalnum() and after.isalnum() else "\\_" * len(s)

    out = _MARKUP.sub(escape, text)
    start = _BLOCK_START.match(out)
    if start and not out.startswith("\\"):
        # "1. x" or "1) x" would open an ordered list, "- x", "> x", "= x" a block of their own.
        out = out[: start.end() - 1] + "\\" + out[start.end() - 1 :]
    return out


def anchor(n: int) -> str:
    """The id of source `n` (its list item carries `<a id="...">`; citations link to `#...`)."""
    return f"source-{n}"


def cite_links(sources: tuple[m.Source, ...], numbers: dict[m.Source, int]) -> str:
    """'[\\[1\\]](#source-1)[\\[3\\]](#source-3)': each citation a link to its numbered source."""
    return "".join(f"[\\[{numbers[s]}\\]](#{anchor(numbers[s])})" for s in sources if s in numbers)


def markdown(cl: Checklist, catalog: Catalog, lang: Lang, age: str | None = None) -> str:
    """The checklist; `age` is the age warning to show under the as-of date (None: none)."""
    numbers = cl.numbers()
    out = [f"# {literal(title(cl, lang))}", "", f"## {literal(heading('outcome', lang))}", ""]
    out += [f"**{literal(cl.outcome.text.get(lang))}**{cite_links(cl.outcome.sources, numbers)}", ""]
    if cl.outcome.see:
        out += [literal(labeled(heading("see", lang), "", lang)), ""]
        out += [f"- {literal(line)}" for line in see_lines(cl, catalog, lang)]
        out.append("")
    out += [literal(labeled(heading("as_of", lang), cl.as_of, lang)), ""]
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
            out.append(f"{bullet} {literal(it.text.get(lang))}{cite_links(it.sources, numbers)}")
        out.append("")
    out += [f"## {literal(heading('sources', lang))}", ""]
    out += [f'{i}. <a id="{anchor(i)}"></a>{literal(source_line(s, catalog, lang))}' for s, i in numbers.items()]
    out += ["", f"_{literal(heading('disclaimer', lang))}_", ""]
    return "\n".join(out)
