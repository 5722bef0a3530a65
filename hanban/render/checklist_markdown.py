"""The checklist as Markdown (`--output FILE.md`, and plain output when stdout is not a terminal)."""

from __future__ import annotations

from hanban.catalog.store import Catalog
from hanban.render.checklist_common import cites, heading, outcome_cites, sections, see_lines, source_line, title
from hanban.strings import Lang, labeled
from hanban.wizard.checklist import Checklist


def _md(text: str) -> str:
    # Keep the person's text literal: escape the characters Markdown would act on.
    for ch in ("\\", "*", "[", "]", "<", ">"):
        text = text.replace(ch, "\\" + ch)
    return text


def markdown(cl: Checklist, catalog: Catalog, lang: Lang, age: str | None = None) -> str:
    """The checklist; `age` is the age warning to show under the as-of date (None: none)."""
    numbers = cl.numbers()
    out = [f"# {_md(title(cl, lang))}", "", f"## {heading('outcome', lang)}", "", f"**{_md(cl.outcome.text.get(lang))}**{outcome_cites(cl, numbers)}", ""]
    if cl.outcome.see:
        out += [f"{heading('see', lang)}:" if lang == "en" else f"{heading('see', lang)}：", ""]
        out += [f"- {_md(line)}" for line in see_lines(cl, catalog, lang)]
        out.append("")
    out += [labeled(heading("as_of", lang), cl.as_of, lang), ""]
    if age:
        out += [f"⚠ {_md(age)}", ""]
    if cl.answers:
        out += [f"## {heading('answers', lang)}", ""]
        out += [f"- {_md(a.prompt.get(lang))} **{_md(a.label.get(lang))}**" for a in cl.answers]
        out.append("")
    for kind, items in sections(cl):
        out += [f"## {heading(kind, lang)}", ""]
        for i, it in enumerate(items, 1):
            bullet = f"{i}." if kind == "step" else "-"
            out.append(f"{bullet} {_md(it.text.get(lang))}{cites(it, numbers)}")
        out.append("")
    out += [f"## {heading('sources', lang)}", ""]
    out += [f"{i}. {_md(source_line(s, catalog, lang))}" for s, i in numbers.items()]
    out += ["", f"_{_md(heading('disclaimer', lang))}_", ""]
    return "\n".join(out)
