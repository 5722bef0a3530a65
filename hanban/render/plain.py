"""Plain text for pipes and dumb terminals: no colour, no box drawing, one fact a line."""

from __future__ import annotations

from hanban import model as m
from hanban.i18n import ui
from hanban.model import Lang


def cites(sources: tuple[m.Source, ...], numbers: dict[m.Source, int]) -> str:
    """' [1][3]' for the given sources."""
    return "".join(f"[{numbers[s]}]" for s in sources if s in numbers)


def channel_state(c: m.Channel, lang: Lang) -> str:
    """'pilot', 'nationwide', or 'not stated' for a channel."""
    if not c.available:
        return ui("not_stated", lang)
    return ui(c.status, lang) if c.status != "not_stated" else ui("available", lang)


def list_state(c: m.Channel) -> str:
    """yes | nationwide | pilot | exploring (available), or not_stated (the sources do not say it exists)."""
    if not c.available:
        return "not_stated"
    return "yes" if c.status == "not_stated" else c.status


def list_line(s: m.Service, lang: Lang) -> str:
    """One tab-separated line per service: id, name, then channel=status for each channel."""
    states = [f"{name}={list_state(s.channels[name])}" for name in m.CHANNELS]
    return "\t".join([s.id, s.name.get(lang), *states])


def measure_name(catalog: m.Catalog, n: int, lang: Lang) -> str:
    label = ui("measure", lang, n=n)
    x = catalog.measures.get(n)
    return f"{label} {x.title.get(lang)}" if x else label


def grouped_documents(s: m.Service) -> dict[str, list[m.Document]]:
    """Documents by exemption status, in the order a person reads them."""
    groups: dict[str, list[m.Document]] = {"required": [], "may_be_exempt": [], "exempt": [], "not_stated": []}
    for d in s.documents:
        groups[d.exemption].append(d)
    return groups


def show_lines(s: m.Service, catalog: m.Catalog, lang: Lang) -> list[str]:
    """The whole service as plain text lines."""
    numbers = {src: i for i, src in enumerate(s.all_sources(), 1)}
    out = [f"{s.name.get(lang)} ({s.id})", "", s.summary.get(lang) + cites(s.sources, numbers), ""]
    out.append(f"{ui('category', lang)}: {s.category}    {ui('audience', lang)}: "
               + ", ".join(ui(a, lang) for a in s.audience))
    out.append(f"{ui('as_of', lang)}: {s.as_of}    {ui('defined_in', lang)}: {s.origin}")
    if s.measures:
        out.append(f"{ui('measures', lang)}: " + "; ".join(measure_name(catalog, n, lang) for n in s.measures))
    out += ["", f"{ui('channels', lang)}:"]
    for name in m.CHANNELS:
        c = s.channels[name]
        state = channel_state(c, lang)
        if not c.available:
            state = ui("check_local", lang)
        out.append(f"  {ui(name, lang)}: {state}{cites(c.sources, numbers)}")
        for cond in c.conditions:
            out.append(f"    - {cond.get(lang)}")
        if c.regions:
            out.append(f"    {ui('regions', lang)}: " + ", ".join(
                catalog.regions[r].name.get(lang) if r in catalog.regions else r for r in c.regions))
    out += ["", f"{ui('documents', lang)}:"]
    groups = grouped_documents(s)
    if not groups["required"]:
        out.append(f"  {ui('bring', lang)}: {ui('bring_not_stated', lang)}")
    for key, label in (("required", "bring"), ("may_be_exempt", "may_be_exempt"), ("exempt", "exempt"), ("not_stated", "doc_not_stated")):
        if groups[key]:
            out.append(f"  {ui(label, lang)}:")
            for d in groups[key]:
                note = f" — {d.note.get(lang)}" if d.note else ""
                out.append(f"    - {d.name.get(lang)}{note}{cites(d.sources, numbers)}")
    out += ["", f"{ui('where', lang)}:"]
    if not s.where:
        out.append(f"  {ui('where_not_stated', lang)}")
    for pid in s.where:
        p = catalog.places.get(pid)
        if p:
            out.append(f"  - {p.name.get(lang)}: {p.description.get(lang)}")
    for key, facts in (("steps", s.steps), ("notes", s.notes)):
        if facts:
            out += ["", f"{ui(key, lang)}:"]
            for i, f in enumerate(facts, 1):
                bullet = f"{i}." if key == "steps" else "-"
                out.append(f"  {bullet} {f.text.get(lang)}{cites(f.sources, numbers)}")
    if s.figures:
        out += ["", f"{ui('figures', lang)}:"]
        for fig in s.figures:
            out.append(f"  - {fig.text.get(lang)} ({ui('as_of', lang)} {fig.as_of}){cites(fig.sources, numbers)}")
    out += ["", f"{ui('sources', lang)}:"]
    for src, i in numbers.items():
        out.append(f"  [{i}] {source_label(src, catalog, lang)}: “{src.quote}”")
    return out


def source_label(src: m.Source, catalog: m.Catalog, lang: Lang) -> str:
    """'000_….txt, measure 15 (People's Daily Online, 2023-08-03)'."""
    label = src.file
    if src.measure is not None:
        label += ", " + ui("measure", lang, n=src.measure)
    seed = catalog.seeds.get(src.file)
    if seed:
        label += f" ({seed.outlet}, {seed.date})"
    return label
