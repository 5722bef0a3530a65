"""The checklist as a small self-contained HTML page (`--output FILE.html`)."""

from __future__ import annotations

from html import escape

from hanban.catalog.store import Catalog
from hanban.render.checklist_common import cites, heading, outcome_cites, sections, see_lines, source_line, title
from hanban.strings import Lang, labeled
from hanban.wizard.checklist import Checklist

STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
    "h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}.warning li,p.warning{color:#8a4b00}"
    ".sources{font-size:.9rem;color:#444}sup{color:#555}"
)


def html(cl: Checklist, catalog: Catalog, lang: Lang, age: str | None = None) -> str:
    """The page; `age` is the age warning to show under the as-of date (None: none)."""
    numbers = cl.numbers()
    html_lang = {"zh-Hans": "zh-Hans", "zh-Hant": "zh-Hant", "en": "en"}[lang]
    out = [
        "<!doctype html>",
        f'<html lang="{html_lang}"><head><meta charset="utf-8">',
        f"<title>{escape(title(cl, lang))}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(title(cl, lang))}</h1>",
        f'<section class="outcome"><h2>{escape(heading("outcome", lang))}</h2>',
        f"<p><b>{escape(cl.outcome.text.get(lang))}</b><sup>{escape(outcome_cites(cl, numbers))}</sup></p>",
    ]
    if cl.outcome.see:
        out.append(f"<p>{escape(heading('see', lang))}</p><ul>")
        out += [f"<li>{escape(line)}</li>" for line in see_lines(cl, catalog, lang)]
        out.append("</ul>")
    out += ["</section>", f"<p>{escape(labeled(heading('as_of', lang), cl.as_of, lang))}</p>"]
    if age:
        out.append(f'<p class="warning">⚠ {escape(age)}</p>')
    if cl.answers:
        out.append(f"<h2>{escape(heading('answers', lang))}</h2><ul>")
        out += [f"<li>{escape(a.prompt.get(lang))} <b>{escape(a.label.get(lang))}</b></li>" for a in cl.answers]
        out.append("</ul>")
    for kind, items in sections(cl):
        tag = "ol" if kind == "step" else "ul"
        out.append(f'<h2>{escape(heading(kind, lang))}</h2><{tag} class="{kind}">')
        out += [f"<li>{escape(it.text.get(lang))}<sup>{escape(cites(it, numbers))}</sup></li>" for it in items]
        out.append(f"</{tag}>")
    out.append(f'<h2>{escape(heading("sources", lang))}</h2><ol class="sources">')
    out += [f"<li>{escape(source_line(s, catalog, lang))}</li>" for s in numbers]
    out.append("</ol>")
    out.append(f"<p><i>{escape(heading('disclaimer', lang))}</i></p></body></html>")
    return "\n".join(out) + "\n"
