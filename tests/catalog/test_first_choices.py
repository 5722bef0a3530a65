"""The service picker's first rows are read without reading every service (66,000 would take a
second before the first question): `Catalog.first_service_choices`."""

from __future__ import annotations

from collections.abc import Iterator
from unittest import mock

from hanban.catalog.load import load_catalog
from hanban.catalog.store import Summary
from hanban.catalog.wizard_model import SERVICE_QUESTION


def test_a_small_catalog_offers_every_service_in_the_usual_order() -> None:
    cat = load_catalog()
    assert cat.first_service_choices(10_000) == cat.service_choices()


def test_a_larger_catalog_offers_the_ordered_services_then_reads_only_as_many_as_it_shows() -> None:
    cat = load_catalog()
    order = cat.wizard.question(SERVICE_QUESTION).order  # type: ignore[union-attr]
    assert order
    read: list[str] = []
    summaries = cat.services.summaries

    def counted() -> Iterator[Summary]:
        for s in summaries():
            read.append(s.id)
            yield s

    limit = len(order) + 3
    with mock.patch.object(cat.services, "summaries", counted):
        got = cat.first_service_choices(limit)
    assert [s.id for s in got][: len(order)] == list(order)
    assert len(got) == limit and len({s.id for s in got}) == limit
    in_order = list(cat.services.ids())
    extra = [sid for sid in in_order if sid not in order][:3]
    assert [s.id for s in got[len(order):]] == extra  # then the others in catalog order
    assert read == in_order[: in_order.index(extra[-1]) + 1] and len(read) < len(in_order)  # and no further
