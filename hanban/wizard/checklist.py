"""Service + answers -> the person's checklist. Pure: no terminal, no files.

Facts come from the service entry (channels, documents, places, steps, notes) and from
the wizard rules whose `when` holds for the answers; every line keeps its sources. Where the
sources are silent the checklist says so ("not stated: check with the local office").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from hanban.catalog import conditions as cond
from hanban.catalog import model as m
from hanban.catalog import verdict as vd
from hanban.catalog.source_checks import holder_of
from hanban.catalog.store import Catalog
from hanban.catalog.wizard_checks import PLACEHOLDER_RE
from hanban.catalog.wizard_model import Answer, Question
from hanban.strings import word, words

KINDS = ("channel", "warning", "where", "bring", "may_be_exempt", "step", "next", "note")
ONLINE_KINDS = ("platform", "app", "mini-program", "hotline")  # places that are next steps, not offices


def W(key: str) -> m.Text:
    """An interface string of the table as a Text."""
    return m.Text.of(words(key))




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
    channel: str | None = None  # a channel line: which channel (None: the line for those not stated)


@dataclass(frozen=True)
class AnswerLine:
    """An answer as the person gave it: question, stable value and its label."""

    question: str
    prompt: m.Text
    value: Answer
    label: m.Text


@dataclass(frozen=True)
class Outcome:
    """The answer to the person, first in every format: what they can do, or that the service is
    not for them (`stop`) and what to look at instead (`see`: service ids)."""

    text: m.Text
    sources: tuple[m.Source, ...] = ()
    stop: bool = False
    see: tuple[str, ...] = ()


@dataclass(frozen=True)
class Checklist:
    service: m.Service
    answers: tuple[AnswerLine, ...]
    channels: Mapping[str, ChannelVerdict]
    items: tuple[Item, ...]
    sources: tuple[m.Source, ...]
    as_of: str
    rules: tuple[str, ...] = ()  # ids of the rules that applied, for tracing
    outcome: Outcome = Outcome(m.Text.same(""))
    reviewed_on: str = ""  # the latest review of the service or of a service whose dated facts its rules rest on
    oldest: str = ""  # the date of its oldest source: the person sees how old the oldest facts are
    today: str = ""  # the day it was built for

    def numbers(self) -> dict[m.Source, int]:
        """Source -> its 1-based number in the checklist."""
        return {s: i for i, s in enumerate(self.sources, 1)}

    def checked_on(self) -> str:
        """The date its facts are known to hold as of: its newest source, or a later review (of the
        service, or of a service whose dated facts the person's rules rest on)."""
        reviewed = self.service.validity.reviewed_on if self.service.validity is not None else ""
        return max(self.as_of, reviewed, self.reviewed_on, key=m.date_key)


def answer_label(q: Question | None, value: Answer, catalog: Catalog | None = None) -> m.Text:
    """How an answer reads to a person, in every script."""
    if q is not None and q.choices_from == "services" and catalog is not None:
        s = catalog.services.get(str(value))
        if s is not None:
            return s.name
    if q is not None and q.type == "select":
        c = q.choice(str(value))
        if c is not None:
            return c.label
    if isinstance(value, bool):
        return W("answer.yes") if value else W("answer.no")
    return m.Text.same(str(value))


def fill(text: m.Text, labels: Mapping[str, m.Text]) -> m.Text:
    """Replace {question_id} with the label of that answer (plain substitution, nothing runs)."""

    def sub(s: str, lang: m.Lang) -> str:
        return PLACEHOLDER_RE.sub(lambda mt: labels[mt.group(1)].get(lang) if mt.group(1) in labels else mt.group(0), s)

    return m.Text(sub(text.zh_hans, "zh-Hans"), sub(text.en, "en"), sub(text.zh_hant, "zh-Hant"))


def _fmt(t: m.Text, **parts: m.Text) -> m.Text:
    """An interface text with its {name} parts filled in, in every script."""
    return fill(t, parts)


def _join(parts: list[m.Text], sep: str = "cl.clause_sep") -> m.Text:
    s = W(sep)
    return m.Text(s.zh_hans.join(p.zh_hans for p in parts), s.en.join(p.en for p in parts), s.zh_hant.join(p.zh_hant for p in parts))


def _region_names(catalog: Catalog, regions: tuple[str, ...]) -> m.Text:
    names = [catalog.regions[r].name if r in catalog.regions else m.Text.same(r) for r in regions]
    return _join(names, "cl.list_sep")


def base_verdict(c: m.Channel, catalog: Catalog) -> ChannelVerdict:
    """A channel as the service entry states it, before any answer is considered (`verdict.for_anyone`)."""
    v = vd.for_anyone(c)
    if not v.stated:
        return ChannelVerdict(c.name, v.available, v.status, W("cl.channel_check_local"), c.regions, c.sources, stated=False)
    parts: list[m.Text] = []
    if c.regions:
        parts.append(_fmt(W("cl.regions"), r=_region_names(catalog, c.regions)))
    parts += list(c.conditions)
    return ChannelVerdict(c.name, v.available, v.status, _join(parts) if parts else W("cl.channel_no_detail"), c.regions, c.sources)


def verdict_of(v: ChannelVerdict) -> vd.Verdict:
    """The bare verdict (available, how widely, stated) of a channel line."""
    return vd.Verdict(v.available, v.status, v.stated)


def verdict_word(v: ChannelVerdict) -> m.Text:
    """The one word a channel line leads with, for this person: it says how sure it is."""
    return W(vd.word_key(verdict_of(v)))


def known(v: ChannelVerdict) -> bool | None:
    """Whether this person can use the channel, as scripts read it: None when the sources do not
    say (status not_stated, or the channel not mentioned) or it depends."""
    return vd.known(verdict_of(v))


def build(catalog: Catalog, service: m.Service, answers: Mapping[str, Answer], today: str | None = None) -> Checklist:
    """The checklist for `service` and the person's `answers` (already validated, on-path), as of
    `today` (YYYY-MM-DD; default: the system's date): facts past their last day are left out.

    The outcome comes first: the last rule that applies and gives one, else one made from the
    channel verdicts. A rule that stops makes the checklist the outcome and what to see instead:
    the service's own steps, documents and places are not for this person."""
    today = today or _today()
    qs = catalog.wizard.by_id()
    lines = tuple(
        AnswerLine(qid, qs[qid].prompt if qid in qs else m.Text.same(qid), v, answer_label(qs.get(qid), v, catalog))
        for qid, v in answers.items()
    )
    labels = {a.question: a.label for a in lines}
    base = {name: base_verdict(service.channels[name], catalog) for name in m.CHANNELS}
    verdicts = dict(base)
    rule_items: list[Item] = []
    applied: list[str] = []
    reviews: list[str] = []
    outcome: Outcome | None = None
    for rule in catalog.wizard.rules_for(service.id):
        if not cond.holds(rule.when, answers):
            continue
        if rule.rests_on:  # a time-limited policy: the rule holds only while its fact does
            held = holder_of(catalog.services, rule.services, rule.rests_on)
            if held is None or (held[1].validity is not None and held[1].validity.pending(today)):
                continue
            reviews.append(held[0].validity.reviewed_on if held[0].validity is not None else "")
            policy = _policy_end(held[0], held[1], catalog, today)
            if policy is not None:
                rule_items.append(policy)
            if m.expired(held[1].validity, today):
                continue
        applied.append(rule.id)
        if rule.channel is not None:
            anyone = base[rule.channel.name]
            v = vd.narrow(verdict_of(anyone), rule.channel.available, rule.channel.status)
            verdicts[rule.channel.name] = ChannelVerdict(
                rule.channel.name, v.available, v.status, fill(rule.channel.why, labels) if v.stated else anyone.why,
                anyone.regions, rule.sources if v.stated else anyone.sources, v.stated,
            )
        if rule.outcome is not None:
            outcome = Outcome(fill(rule.outcome, labels), rule.sources, rule.stop, rule.see)
        rule_items += [Item(it.kind, fill(it.text, labels), rule.sources) for it in rule.items]
    outcome = outcome or default_outcome(verdicts)

    items: list[Item] = []
    expired = _status(service, catalog, today)
    if expired is not None:
        items.append(Item("warning", expired, service.sources))
    if outcome.stop:  # not for this person: what the rules say about them, nothing of the service's own
        items += [it for it in rule_items if it.kind in ("warning", "note", "next")]
    else:
        items += _channel_items(verdicts, catalog)
        items += rule_items  # what is specific to this person comes first within each kind
        items += _documents(service)
        items += _places(service, catalog, answers, qs, verdicts["fully_online"])
        items += _facts("step", service.steps, today, catalog)
        items += _facts("note", service.notes, today, catalog)
    order = {k: i for i, k in enumerate(KINDS)}
    items.sort(key=lambda it: order[it.kind])  # stable: keeps source order within a kind
    if not outcome.stop and not any(it.kind == "where" for it in items):
        items.insert(_after(items, "bring", order), Item("where", W("cl.where_not_stated")))
    sources = tuple(dict.fromkeys([*outcome.sources, *(s for it in items for s in it.sources)]))
    dates = [catalog.seeds[s.file].date for s in sources if s.file in catalog.seeds]
    as_of = max(dates, key=m.date_key) if dates else service.as_of
    oldest = min(dates, key=m.date_key) if dates else ""
    return Checklist(service, lines, verdicts, tuple(items), sources, as_of, tuple(applied), outcome, max(reviews, default=""), oldest, today)


def default_outcome(verdicts: Mapping[str, ChannelVerdict]) -> Outcome:
    """The outcome when no rule gives one: the most useful channel this person can use, with why;
    else that the sources do not say, and whom to ask."""
    for name in ("cross_province", "fully_online", "one_window"):
        v = verdicts[name]
        if v.stated and v.available is True:
            return Outcome(_fmt(W("cl.channel_line"), c=W(f"cl.channel.{name}"), v=verdict_word(v), w=v.why), v.sources)
    return Outcome(W("cl.outcome.ask_locally"))


def _channel_items(verdicts: Mapping[str, ChannelVerdict], catalog: Catalog) -> list[Item]:
    """One line per channel the sources speak of for this person (with a caveat for a pilot), and
    one line for all the channels they do not mention."""
    items: list[Item] = []
    silent = []
    for name in m.CHANNELS:
        v = verdicts[name]
        label = W(f"cl.channel.{name}")
        if not v.stated:
            silent.append(label)
            continue
        items.append(Item("channel", _fmt(W("cl.channel_line"), c=label, v=verdict_word(v), w=v.why), v.sources, name))
        if v.available is not False and v.status in ("pilot", "exploring"):
            regions = _fmt(W("cl.in_regions"), r=_region_names(catalog, v.regions)) if v.regions else m.Text.same("")
            warning = _fmt(W("cl.pilot_warning"), channel=label, status=W(f"cl.status.{v.status}"), regions=regions)
            items.append(Item("warning", warning, v.sources))
    if silent:
        key = "cl.channel_not_stated" if len(silent) == 1 else "cl.channels_not_stated"  # ("this" or "these")
        items.append(Item("channel", _fmt(W(key), c=_join(silent, "cl.list_sep"))))
    return items


def _today() -> str:
    import datetime

    return datetime.date.today().isoformat()


def _in_words(say: Callable[[m.Lang], str | None]) -> m.Text | None:
    """A text made from the interface string table in each script (None when there is nothing to say)."""
    hans, en, hant = say("zh-Hans"), say("en"), say("zh-Hant")
    return m.Text(hans, en, hant) if hans is not None and en is not None and hant is not None else None


def _status(service: m.Service, catalog: Catalog, today: str) -> m.Text | None:
    """'This service is expired: in force until ...' (or not yet in force), in every script; None when in force."""
    from hanban.catalog.age import validity_note

    v = service.validity
    then = catalog.services.get(v.superseded_by) if v is not None and v.superseded_by else None

    def say(lang: m.Lang) -> str | None:
        note = validity_note(v, today, lang, f"{then.name.get(lang)} ({then.id})" if then is not None else "")
        return word("show.service_expired", lang, note=note) if note else None

    return _in_words(say)


def _ending(fact: m.Fact, today: str) -> m.Text | None:
    """'<fact> (announced to end on D, N days from now: check whether it is extended)', or None."""
    from hanban.catalog.age import end_note

    note = _in_words(lambda lang: end_note(fact.validity, today, lang))
    return _fmt(W("cl.policy_ending"), fact=fact.text, note=note) if note is not None else None


def _policy_end(holder: m.Service, fact: m.Fact, catalog: Catalog, today: str) -> Item | None:
    """A time-limited policy a rule rests on, past its announced end (never stated as current: the
    person is told to check whether it was extended, and where) or within its last 60 days; else None."""
    from hanban.catalog.age import days_left, ending_soon

    if fact.validity is None or not (m.expired(fact.validity, today) or ending_soon(fact.validity, today)):
        return None
    places = [catalog.places[p].name for p in holder.where if p in catalog.places and catalog.places[p].kind in ONLINE_KINDS]
    parts = {"policy": holder.name, "until": m.Text.same(fact.validity.valid_until), "where": _join(places, "cl.list_sep") if places else W("cl.check_issuer")}
    if m.expired(fact.validity, today):
        return Item("warning", _fmt(W("cl.policy_ended"), **parts), fact.sources)
    return Item("warning", _fmt(W("cl.policy_ends"), n=m.Text.same(str(days_left(fact.validity, today))), **parts), fact.sources)


def _facts(kind: str, facts: tuple[m.Fact, ...], today: str, catalog: Catalog) -> list[Item]:
    """Steps or notes in force: a fact past its last day is left out, one not yet in force is marked."""
    from hanban.catalog.age import validity_note

    out = []
    for f in facts:
        if m.expired(f.validity, today):
            continue
        text = f.text
        if f.validity is not None and f.validity.pending(today):
            mark = _in_words(lambda lang: word("show.flag", lang, note=validity_note(f.validity, today, lang)))  # noqa: B023 (used at once)
            text = m.Text(*(a + b for a, b in zip((mark.zh_hans, mark.en, mark.zh_hant), (text.zh_hans, text.en, text.zh_hant)))) if mark else text
        text = _ending(f._replace(text=text), today) or text
        if f.reported:
            text = _fmt(W("cl.reported"), fact=text, outlets=_join(list(m.outlets(f.sources, catalog.seeds)), "cl.list_sep"))
        out.append(Item(kind, text, f.sources))
    return out


def _after(items: list[Item], kind: str, order: Mapping[str, int]) -> int:
    """Index where an item of `kind` belongs in the sorted list."""
    for i, it in enumerate(items):
        if order[it.kind] > order[kind]:
            return i
    return len(items)


def _documents(service: m.Service) -> list[Item]:
    out: list[Item] = []
    for d in service.documents:
        title = d.title()
        name = title if d.note is None else _fmt(W("cl.with_note"), n=title, note=d.note)
        if d.exemption == "required":
            out.append(Item("bring", name, d.sources))
        elif d.exemption == "not_stated":
            out.append(Item("bring", _fmt(W("cl.bring_unsure"), name=name), d.sources))
        elif d.exemption == "may_be_exempt":
            out.append(Item("may_be_exempt", name, d.sources))
        else:
            out.append(Item("note", _fmt(W("cl.exempt"), name=name), d.sources))
    if not any(it.kind == "bring" for it in out):
        out.insert(0, Item("bring", W("cl.bring_not_stated")))
    exempt = [d for d in service.documents if d.exemption == "may_be_exempt"]
    if exempt:
        out.append(Item("note", W("cl.may_be_exempt_note"), exempt[0].sources))
    return out


def _places(
    service: m.Service, catalog: Catalog, answers: Mapping[str, Answer], qs: Mapping[str, Question], online: ChannelVerdict
) -> list[Item]:
    """Offices to go to (with the figures about them for the province the person applies in), and
    platforms and apps as next steps (with their official address) unless this person cannot
    get it done online."""
    provinces = {str(v) for qid, v in answers.items() if qid in qs and qs[qid].place}
    out = []
    for pid in service.where:
        p = catalog.places.get(pid)
        if p is None:
            continue
        if p.kind in ONLINE_KINDS:
            if online.stated and online.available is False:
                continue
            name = p.name if p.url is None else _fmt(W("cl.with_url"), n=p.name, url=m.Text.same(p.url))
            out.append(Item("next", _fmt(W("cl.place"), n=name, d=p.description).sentence(), p.sources))
            continue
        out.append(Item("where", _fmt(W("cl.place"), n=p.name, d=p.description).sentence(), p.sources))
        out += [Item("where", e.text, e.sources) for e in p.examples if e.province in provinces]
    return out
