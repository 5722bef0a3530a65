"""How old the facts are: today's date (injectable), the age warning's threshold, ages in words,
and whether an entry is in force.

Dates are ISO strings. A partial date (`2020`, `2020-05`) counts from the last day it may mean, so
an age is never overstated. The settings come from the environment (`clock_from_env`):

    HANBAN_TODAY=YYYY-MM-DD        the date hanban takes as today (tests, reproducible output)
    HANBAN_AGE_WARNING_DAYS=N      facts older than N days are stale (default 365)
    HANBAN_NO_AGE_WARNING=1        no warning in words (JSON still says `stale`)
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from typing import NamedTuple

from hanban.catalog import model as m
from hanban.errors import HanbanError
from hanban.strings import Lang, word

ENV_TODAY = "HANBAN_TODAY"
ENV_WARNING_DAYS = "HANBAN_AGE_WARNING_DAYS"
ENV_NO_WARNING = "HANBAN_NO_AGE_WARNING"
DEFAULT_WARNING_DAYS = 365
ENDING_SOON_DAYS = 60  # a time-limited policy ending within this many days says when


class SettingError(HanbanError):
    """An environment variable hanban reads has a value it cannot use."""


class Clock(NamedTuple):
    """Today, and when facts count as stale."""

    today: str  # YYYY-MM-DD
    warning_days: int = DEFAULT_WARNING_DAYS
    warn: bool = True  # say it in words (terminals, plain text, checklist files)


def clock_from_env(environ: Mapping[str, str] | None = None) -> Clock:
    """The clock the environment asks for (raise SettingError on a value that cannot be used)."""
    env = os.environ if environ is None else environ
    today = env.get(ENV_TODAY, "").strip()
    if today:
        try:
            datetime.date.fromisoformat(today)
        except ValueError:
            raise SettingError(key="err.setting", var=ENV_TODAY, value=today, expected="YYYY-MM-DD") from None
    else:
        today = datetime.date.today().isoformat()
    days = DEFAULT_WARNING_DAYS
    raw = env.get(ENV_WARNING_DAYS, "").strip()
    if raw:
        if not raw.isdigit() or len(raw) > 6:
            raise SettingError(key="err.setting", var=ENV_WARNING_DAYS, value=raw, expected="0..999999")
        days = int(raw)
    off = env.get(ENV_NO_WARNING, "").strip() not in ("", "0")
    return Clock(today, days, not off)


def last_day(date: str) -> datetime.date:
    """The last day a (possibly partial) ISO date may mean: '2020' -> 2020-12-31."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    if len(parts) == 1:
        return datetime.date(parts[0], 12, 31)
    year, month = parts
    first_of_next = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - datetime.timedelta(days=1)


def middle_day(date: str) -> datetime.date:
    """The middle of the period a (possibly partial) ISO date names: '2020' -> 2020-07-01, the day
    an age in words is counted from (a year-only '2020' is about six years before 2026-12-07, not five)."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    if len(parts) == 1:
        return datetime.date(parts[0], 7, 1)
    return datetime.date(parts[0], parts[1], 15)


def age_in_words(date: str, today: str, lang: Lang) -> str | None:
    """'6 years ago' for a date (a partial one counted from its middle); None without a date."""
    try:
        return ago(max(0, (datetime.date.fromisoformat(today) - middle_day(date)).days), lang) if date else None
    except ValueError:
        return None


def as_of_text(newest: str, oldest: str, today: str, lang: Lang) -> str:
    """The date facts are current as of, and, when some are from an earlier year, how old those are:
    '2023-08-03 (some facts date from 2020, 6 years ago)'."""
    if not oldest or not newest or oldest[:4] >= newest[:4]:
        return newest
    return word("age.as_of_span", lang, date=newest, oldest=oldest, ago=age_in_words(oldest, today, lang) or "")


def age_days(date: str, today: str) -> int | None:
    """Whole days from `date` to `today` (0 when `date` is today or later); None without a date."""
    if not date:
        return None
    try:
        return max(0, (datetime.date.fromisoformat(today) - last_day(date)).days)
    except ValueError:
        return None


def is_stale(date: str, clock: Clock) -> bool:
    """Whether facts as of `date` are older than the warning threshold."""
    days = age_days(date, clock.today)
    return days is not None and days > clock.warning_days


def ago(days: int, lang: Lang) -> str:
    """An age in words: 'today', '5 days ago', '3 months ago', '3 years ago'."""
    if days == 0:
        return word("age.today", lang)
    for unit, size in (("year", 365), ("month", 30), ("day", 1)):
        n = days // size
        if n >= 1:
            return word(f"age.{unit}" if n == 1 else f"age.{unit}s", lang, n=n)
    raise AssertionError("unreachable")


def warning(date: str, clock: Clock, lang: Lang) -> str | None:
    """'As of 2023-08-03, 3 years ago: policies may have changed; check with the local office.'
    when facts as of `date` are stale and warnings are on; else None."""
    days = age_days(date, clock.today)
    if not clock.warn or days is None or days <= clock.warning_days:
        return None
    return word("age.warning", lang, date=date, ago=age_in_words(date, clock.today, lang) or ago(days, lang))


def validity_note(v: m.Validity | None, today: str, lang: Lang, successor: str = "") -> str | None:
    """'expired: in force until 2024-12-17; replaced by ...' or 'in force from ...'; None when in force.

    `successor` is how the replacing entry reads to a person (default: its id).
    """
    if v is None:
        return None
    if v.expired(today):
        note = word("age.expired", lang, date=v.valid_until)
        if v.superseded_by:
            note += word("age.superseded", lang, by=successor or v.superseded_by)
        return note
    if v.pending(today):
        return word("age.pending", lang, date=v.valid_from)
    return None


def days_left(v: m.Validity | None, today: str) -> int | None:
    """Days from `today` to the entry's announced last day (0 on that day); None without one or once past."""
    if v is None or not v.valid_until or v.expired(today):
        return None
    return (datetime.date.fromisoformat(v.valid_until) - datetime.date.fromisoformat(today)).days


def ending_soon(v: m.Validity | None, today: str) -> bool:
    """Whether the entry's announced end is within `ENDING_SOON_DAYS` of today (and not yet past)."""
    left = days_left(v, today)
    return left is not None and left <= ENDING_SOON_DAYS


def end_note(v: m.Validity | None, today: str, lang: Lang) -> str | None:
    """'ends 2026-12-31 (in 24 days): check whether it is extended' for an entry ending soon, else None."""
    left = days_left(v, today)
    if v is None or left is None or left > ENDING_SOON_DAYS:
        return None
    return word("age.ending", lang, date=v.valid_until, n=left)


def soonest_end(s: m.Service, today: str) -> str | None:
    """The announced last day of the service's fact (or its own) ending soonest within
    `ENDING_SOON_DAYS` of today; None when nothing in force ends that soon."""
    ends = [f.validity.valid_until for f in s.steps + s.notes if f.validity is not None and ending_soon(f.validity, today)]
    if ending_soon(s.validity, today):
        ends.append(s.validity.valid_until)  # type: ignore[union-attr]
    return min(ends) if ends else None
