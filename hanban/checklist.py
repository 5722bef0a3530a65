"""Service + answers -> the person's checklist. Pure: no terminal, no files.

Facts come from the service entry (channels, documents, places, steps, notes, figures) and from
the wizard rules whose `when` holds for the answers; every line keeps its sources. Where the
sources are silent the checklist says so ("not stated: check with the local office").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from hanban import conditions as cond
from hanban import model as m
from hanban.catalog import date_key
from hanban.wizard import PLACEHOLDER_RE, Answer, Question, Wizard

KINDS = ("channel", "warning", "where", "bring", "may_be_exempt", "step", "note")

T = m.Text
CHANNEL_LABEL = {
    "one_window": T("一窗通办", "One window (一窗通办)"),
    "fully_online": T("全程网办", "Fully online (全程网办)"),
    "cross_province": T("跨省通办", "Cross-province (跨省通办)"),
}
STATUS_LABEL = {
    "nationwide": T("全国全面实施", "nationwide (全面实施)"),
    "pilot": T("试点", "pilot (试点)"),
    "exploring": T("探索中", "being explored (探索)"),
    "not_stated": T("推行范围资料未说明", "how widely: not stated"),
}
VERDICT = {
    True: T("可以", "yes"),
    False: T("不适用", "no"),
    None: T("视情况而定", "it depends"),
    "not_stated": T("资料未说明", "not stated"),
}
CHANNEL_CHECK_LOCAL = T("资料未说明这一渠道，请向当地公安机关确认。", "the sources do not mention this channel: check with the local office.")
PILOT_WARNING = T(
    "{channel}属于{status}，并非各地都已开通{regions}：办理前请向当地公安机关确认。",
    "{channel} is a {status}, not offered everywhere yet{regions}: check with the local office before you rely on it.",
)
MAY_BE_EXEMPT_NOTE = T(
    "关于“可能免交”的公安证照：“免交证、办成事”改革正在推进（能减则减、能免则免），各地进度不一，不确定时请带上。",
    "About the police-issued documents you may not have to hand in: the 免交证 reform (“reduce what can be reduced, waive what can be waived”) is under way and local progress varies, so bring them if unsure.",
)
EXEMPT = T("{name}：无需提交。", "{name}: not needed.")
BRING_UNSURE = T("{name}（是否需要资料未说明：请带上）", "{name} (whether it is needed is not stated: bring it)")
BRING_NOT_STATED = T("资料未说明需携带哪些材料：请向当地公安机关确认。", "The sources do not say what to bring: check with the local office.")
WHERE_NOT_STATED = T("资料未说明办理地点：请向当地公安机关确认。", "The sources do not say where to go: check with the local office.")
FIGURE = T("{text}（数据截至{as_of}）", "{text} (figure as of {as_of})")


@dataclass(frozen=True)
class ChannelVerdict:
    """One channel for this person: can they use it, how widely it runs, and why."""

    name: str
    available: bool | None  # None: it depends on something the person is not sure of
    status: str
    why: m.Text
    regions: tuple[str, ...] = ()
    sources: tuple[m.Source, ...] = ()
    stated: bool = True  # False when the sources say nothing about this channel


@dataclass(frozen=True)
class Item:
    """One line of the checklist."""

    kind: str
    text: m.Text
    sources: tuple[m.Source, ...] = ()


@dataclass(frozen=True)
class AnswerLine:
    """An answer as the person gave it: question, stable value and its label."""

    question: str
    prompt: m.Text
    value: Answer
    label: m.Text


@dataclass(frozen=True)
class Checklist:
    service: m.Service
    answers: tuple[AnswerLine, ...]
    channels: Mapping[str, ChannelVerdict]
    items: tuple[Item, ...]
    sources: tuple[m.Source, ...]
    as_of: str
    rules: tuple[str, ...] = ()  # ids of the rules that applied, for tracing

    def numbers(self) -> dict[m.Source, int]:
        """Source -> its 1-based number in the checklist."""
        return {s: i for i, s in enumerate(self.sources, 1)}


def answer_label(q: Question | None, value: Answer) -> m.Text:
    """How an answer reads to a person, in every script."""
    if q is not None and q.type == "select":
        c = q.choice(str(value))
        if c is not None:
            return c.label
    if isinstance(value, bool):
        return T("是", "yes") if value else T("否", "no")
    return T(str(value), str(value), str(value))


def fill(text: m.Text, labels: Mapping[str, m.Text]) -> m.Text:
    """Replace {question_id} with the label of that answer (plain substitution, nothing runs)."""

    def sub(s: str, lang: m.Lang) -> str:
        return PLACEHOLDER_RE.sub(lambda mt: labels[mt.group(1)].get(lang) if mt.group(1) in labels else mt.group(0), s)

    return T(sub(text.zh_hans, "zh-Hans"), sub(text.en, "en"), sub(text.zh_hant, "zh-Hant") if text.zh_hant else None)


def _fmt(t: m.Text, **parts: m.Text) -> m.Text:
    def one(s: str, lang: m.Lang) -> str:
        return re.sub(r"\{(\w+)\}", lambda mt: parts[mt.group(1)].get(lang) if mt.group(1) in parts else mt.group(0), s)

    hant = one(t.get("zh-Hant"), "zh-Hant") if any(p.zh_hant for p in parts.values()) else None
    return T(one(t.zh_hans, "zh-Hans"), one(t.en, "en"), hant)


def _join(parts: list[m.Text], zh_sep: str = "；", en_sep: str = "; ") -> m.Text:
    hant = zh_sep.join(p.get("zh-Hant") for p in parts) if any(p.zh_hant for p in parts) else None
    return T(zh_sep.join(p.zh_hans for p in parts), en_sep.join(p.en for p in parts), hant)


def _region_names(catalog: m.Catalog, regions: tuple[str, ...]) -> m.Text:
    names = [catalog.regions[r].name if r in catalog.regions else T(r, r) for r in regions]
    return _join(names, "、", ", ")


def base_verdict(c: m.Channel, catalog: m.Catalog) -> ChannelVerdict:
    """A channel as the service entry states it, before any answer is considered."""
    if not c.available:
        return ChannelVerdict(c.name, False, "not_stated", CHANNEL_CHECK_LOCAL, c.regions, c.sources, stated=False)
    parts = [STATUS_LABEL[c.status]]
    if c.regions:
        parts.append(_fmt(T("地区：{r}", "regions: {r}"), r=_region_names(catalog, c.regions)))
    parts += list(c.conditions)
    return ChannelVerdict(c.name, True, c.status, _join(parts), c.regions, c.sources)


def build(catalog: m.Catalog, wizard: Wizard, service: m.Service, answers: Mapping[str, Answer]) -> Checklist:
    """The checklist for `service` and the person's `answers` (already validated, on-path)."""
    qs = {q.id: q for q in wizard.questions}
    lines = tuple(
        AnswerLine(qid, qs[qid].prompt if qid in qs else T(qid, qid), v, answer_label(qs.get(qid), v))
        for qid, v in answers.items()
    )
    labels = {a.question: a.label for a in lines}
    verdicts = {name: base_verdict(service.channels[name], catalog) for name in m.CHANNELS}
    rule_items: list[Item] = []
    applied: list[str] = []
    for rule in wizard.rules_for(service.id):
        if not cond.holds(rule.when, answers):
            continue
        applied.append(rule.id)
        if rule.channel is not None:
            old = verdicts[rule.channel.name]
            verdicts[rule.channel.name] = ChannelVerdict(
                rule.channel.name,
                rule.channel.available,
                rule.channel.status or (old.status if old.stated else "not_stated"),
                fill(rule.channel.why, labels),
                old.regions,
                rule.sources,
                stated=True,
            )
        rule_items += [Item(it.kind, fill(it.text, labels), rule.sources) for it in rule.items]

    items: list[Item] = []
    for name in m.CHANNELS:
        v = verdicts[name]
        if v.available is True:
            verdict = VERDICT[True]
        elif not v.stated or (v.available is None and v.status == "not_stated"):
            verdict = VERDICT["not_stated"]
        else:
            verdict = VERDICT[v.available]
        items.append(Item("channel", _fmt(T("{c}：{v}——{w}", "{c}: {v} — {w}"), c=CHANNEL_LABEL[name], v=verdict, w=v.why), v.sources))
        if v.available is not False and v.stated and v.status in ("pilot", "exploring"):
            regions = _fmt(T("（{r}）", " ({r})"), r=_region_names(catalog, v.regions)) if v.regions else T("", "")
            items.append(Item("warning", _fmt(PILOT_WARNING, channel=CHANNEL_LABEL[name], status=STATUS_LABEL[v.status], regions=regions), v.sources))
    items += rule_items  # what is specific to this person comes first within each kind
    items += _documents(service)
    items += _places(service, catalog)
    items += [Item("step", f.text, f.sources) for f in service.steps]
    items += [Item("note", f.text, f.sources) for f in service.notes]
    items += [Item("note", _fmt(FIGURE, text=f.text, as_of=T(f.as_of, f.as_of)), f.sources) for f in service.figures]
    order = {k: i for i, k in enumerate(KINDS)}
    items.sort(key=lambda it: order[it.kind])  # stable: keeps source order within a kind
    if not any(it.kind == "where" for it in items):
        items.insert(_after(items, "bring", order), Item("where", WHERE_NOT_STATED))
    sources = tuple(dict.fromkeys(s for it in items for s in it.sources))
    dates = [catalog.seeds[s.file].date for s in sources if s.file in catalog.seeds]
    as_of = max(dates, key=date_key) if dates else service.as_of
    return Checklist(service, lines, verdicts, tuple(items), sources, as_of, tuple(applied))


def _after(items: list[Item], kind: str, order: Mapping[str, int]) -> int:
    """Index where an item of `kind` belongs in the sorted list."""
    for i, it in enumerate(items):
        if order[it.kind] > order[kind]:
            return i
    return len(items)


def _documents(service: m.Service) -> list[Item]:
    out: list[Item] = []
    for d in service.documents:
        name = d.name if d.note is None else _fmt(T("{n}（{note}）", "{n} ({note})"), n=d.name, note=d.note)
        if d.exemption == "required":
            out.append(Item("bring", name, d.sources))
        elif d.exemption == "not_stated":
            out.append(Item("bring", _fmt(BRING_UNSURE, name=name), d.sources))
        elif d.exemption == "may_be_exempt":
            out.append(Item("may_be_exempt", name, d.sources))
        else:
            out.append(Item("note", _fmt(EXEMPT, name=name), d.sources))
    if not any(it.kind == "bring" for it in out):
        out.insert(0, Item("bring", BRING_NOT_STATED))
    exempt = [d for d in service.documents if d.exemption == "may_be_exempt"]
    if exempt:
        out.append(Item("note", MAY_BE_EXEMPT_NOTE, exempt[0].sources))
    return out


def _places(service: m.Service, catalog: m.Catalog) -> list[Item]:
    out = []
    for pid in service.where:
        p = catalog.places.get(pid)
        if p is not None:
            out.append(Item("where", _fmt(T("{n}：{d}", "{n}: {d}"), n=p.name, d=p.description), p.sources))
    return out
