"""One verdict per service and channel: for anyone (`list`, `show`) and for one person (`ask`).

The verdict for a person starts from the verdict for anyone and can only narrow it: a rule may
say a channel is not for this person, or that it depends, or that it runs less widely than the
entry says, but never that a channel the sources do not mention is offered, nor that a pilot is
nationwide. `list`, `show` and the checklist all read the words they print from `word_key`.
"""

from __future__ import annotations

from typing import NamedTuple

from hanban.catalog.model import Channel

# How widely a channel runs, from narrowest to widest.
STATUS_RANK = {"not_stated": 0, "exploring": 1, "pilot": 2, "nationwide": 3}


class Verdict(NamedTuple):
    """Whether a channel can be used and how widely it runs."""

    available: bool | None  # None: it depends on something the person is not sure of (or, unstated: unknown)
    status: str  # nationwide | pilot | exploring | not_stated (offered, how widely not said)
    stated: bool = True  # False when the sources say nothing of this channel for the service


UNSTATED = Verdict(None, "not_stated", stated=False)


def for_anyone(channel: Channel) -> Verdict:
    """The channel as the service entry states it: offered (and how widely), or not mentioned."""
    return Verdict(True, channel.status) if channel.available else UNSTATED


def narrow(anyone: Verdict, available: bool | None, status: str | None = None) -> Verdict:
    """What a rule says of a channel for one person, never wider than `anyone`.

    A channel the sources do not mention is never offered by a rule: the rule may say it is not for
    this person (nothing to offer is narrower than anything), or why it stays unknown for them
    (still "not stated", with their reason). How widely it runs is at most what the entry says: a
    rule cannot turn a pilot into a nationwide service."""
    if not anyone.stated:
        return anyone if available else Verdict(available, "not_stated")
    wanted = status or anyone.status
    capped = wanted if STATUS_RANK[wanted] <= STATUS_RANK[anyone.status] else anyone.status
    return Verdict(available, capped)


def widens(anyone: Verdict, available: bool | None, status: str | None = None) -> str | None:
    """What a rule's channel effect would claim beyond the entry ("available", "status"), or None."""
    if not anyone.stated and available is not False:
        return "available" if available else None
    if anyone.stated and status is not None and STATUS_RANK[status] > STATUS_RANK[anyone.status]:
        return "status"
    return None


def word_key(v: Verdict) -> str:
    """The key of the one word a channel's line leads with, in every command."""
    if not v.stated or (v.available is None and v.status == "not_stated"):
        return "cl.verdict.not_stated"
    if v.available is False:
        return "cl.verdict.no"
    if v.available is None:
        return "cl.verdict.depends"
    return STATUS_WORD[v.status]


STATUS_WORD = {  # what "yes" means, by how widely the sources say a channel runs
    "nationwide": "cl.verdict.nationwide",
    "pilot": "cl.verdict.pilot",
    "exploring": "cl.verdict.exploring",
    "not_stated": "cl.verdict.offered",  # offered, how widely not stated
}


def known(v: Verdict) -> bool | None:
    """Whether the channel can be used, as scripts read it: None when the sources do not say
    (not mentioned, or offered without saying how widely) or it depends."""
    return None if not v.stated or v.status == "not_stated" else v.available
