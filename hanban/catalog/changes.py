"""What changed, from the catalog's own dates: every dated fact's first day, and its announced last
day (past or to come), newest first. Pure: no terminal, no files (`hanban changes` shows it)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from hanban.catalog import model as m

EVENTS = ("from", "until")  # a fact took (or takes) effect; a fact's announced last day


class Change(NamedTuple):
    """One dated event of one fact of one service."""

    date: str  # YYYY-MM-DD
    event: str  # from | until
    service: m.Service
    fact: m.Fact

    def state(self, today: str) -> str:
        """Where the fact stands today: pending | in_force | ended."""
        v = self.fact.validity
        if v is not None and v.pending(today):
            return "pending"
        return "ended" if m.expired(v, today) else "in_force"


def changes(services: Iterable[m.Service], since: str = "") -> list[Change]:
    """Every dated event on or after `since` (YYYY-MM-DD; "" for all), newest first; on one day,
    the catalog's order (service, then its steps and notes)."""
    out: list[Change] = []
    for s in services:
        for f in s.steps + s.notes:
            v = f.validity
            if v is None:
                continue
            for event, date in (("from", v.valid_from), ("until", v.valid_until)):
                if date and date >= since:
                    out.append(Change(date, event, s, f))
    out.sort(key=lambda c: c.date, reverse=True)  # stable: catalog order within a day
    return out
