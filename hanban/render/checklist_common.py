"""Headings and helpers shared by the checklist renderers (no rich here)."""

from __future__ import annotations

import re

from hanban.catalog import model as m
from hanban.catalog.store import Catalog
from hanban.render.views import source_label
from hanban.strings import Lang, labeled, word
from hanban.wizard.checklist import Checklist, Item

SECTION_ORDER = ("channel", "warning", "where", "bring", "may_be_exempt", "step", "next", "note")


def heading(key: str, lang: Lang) -> str:
    return word(f"h.{key}", lang)


def sections(cl: Checklist) -> list[tuple[str, list[Item]]]:
    """Items grouped by kind, in reading order, empty kinds left out."""
    out = []
    for kind in SECTION_ORDER:
        items = [it for it in cl.items if it.kind == kind]
        if items:
            out.append((kind, items))
    return out


def cites(item: Item, numbers: dict[m.Source, int]) -> str:
    return "".join(f"[{numbers[s]}]" for s in item.sources if s in numbers)


def source_line(src: m.Source, catalog: Catalog, lang: Lang) -> str:
    label = source_label(src, catalog, lang)
    return labeled(label, f"“{src.quote}”", lang) if src.quote else label


def see_key(cl: Checklist) -> str:
    """The heading over the services to look at instead: "this" for one, "these" for several."""
    return "see_one" if len(cl.outcome.see) == 1 else "see"


def see_lines(cl: Checklist, catalog: Catalog, lang: Lang) -> list[str]:
    """The services to look at instead, each with the command that shows it."""
    out = []
    for sid in cl.outcome.see:
        s = catalog.services.get(sid)
        if s is not None:
            out.append(word("cl.see", lang, name=s.name.get(lang), id=sid))
    return out


# An address the exports may turn into a link: https, and no character that HTML or Markdown would
# read as markup or an entity (`&`), so it is written as it stands.
_LINKABLE = re.compile(r"https://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~/?#=%-]*)?")


def official_addresses(catalog: Catalog) -> re.Pattern[str] | None:
    """The official web addresses of the catalog's places (outside facts, reviewed), as found in
    running text: whole, not as the start of a longer address. The exports link these and only
    these; any other address in catalog text stays text. None when there are none."""
    urls = sorted({p.url for p in catalog.places.values() if p.url and _LINKABLE.fullmatch(p.url)}, key=len, reverse=True)
    if not urls:
        return None
    return re.compile(f"(?<![A-Za-z0-9/.])(?:{'|'.join(map(re.escape, urls))})(?![A-Za-z0-9._~/?#=&%-])")


def outcome_cites(cl: Checklist, numbers: dict[m.Source, int]) -> str:
    return "".join(f"[{numbers[s]}]" for s in cl.outcome.sources if s in numbers)


def title(cl: Checklist, lang: Lang) -> str:
    return labeled(heading("title", lang), cl.service.name.get(lang), lang)


def as_of_line(cl: Checklist, lang: Lang) -> str:
    """'Information as of: 2023-08-03 (some facts date from 2020, 6 years ago)'."""
    from hanban.catalog.age import as_of_text

    return labeled(heading("as_of", lang), as_of_text(cl.as_of, cl.oldest, cl.today, lang), lang)


def as_of_shown(cl: Checklist, lang: Lang, age: str | None) -> str | None:
    """The as-of line of an exported checklist, or None when the age warning beside it already
    says the date and there is nothing older to add (the date is said once)."""
    from hanban.catalog.age import age_in_words

    if not (age and cl.as_of in age):
        return as_of_line(cl, lang)
    if as_of_line(cl, lang) == labeled(heading("as_of", lang), cl.as_of, lang):
        return None  # the warning says it all
    return word("age.oldest", lang, oldest=cl.oldest, ago=age_in_words(cl.oldest, cl.today, lang) or "")
