"""Shared helpers for the wizard tests: the real catalog and its wizard, loaded once."""

from __future__ import annotations

from functools import lru_cache

from hanban.catalog import model as m
from hanban.catalog.load import load_catalog
from hanban.catalog.store import Catalog
from hanban.catalog.wizard_model import Wizard
from hanban.wizard.checklist import Checklist, build


@lru_cache(maxsize=1)
def real() -> tuple[Catalog, Wizard]:
    cat = load_catalog()
    return cat, cat.wizard


def checklist_for(**answers: object) -> Checklist:
    from hanban.wizard import flow

    cat, wiz = real()
    pos = flow.walk(wiz.questions, answers)  # type: ignore[arg-type]
    assert pos.done, f"flow not done: next is {pos.next.id if pos.next else None}"
    assert not pos.ignored, pos.ignored
    return build(cat, cat.service(str(answers["service"])), pos.answers)


def texts(cl: Checklist, kind: str | None = None, lang: m.Lang = "en") -> list[str]:
    return [it.text.get(lang) for it in cl.items if kind is None or it.kind == kind]


def conditions_over(atoms: object, max_leaves: int) -> object:
    """A hypothesis strategy: `when` conditions built from `atoms` with not / all / any."""
    from hypothesis import strategies as st

    return st.recursive(
        atoms,  # type: ignore[arg-type]
        lambda inner: st.one_of(
            st.builds(lambda c: {"not": c}, inner),
            st.builds(lambda cs: {"all": cs}, st.lists(inner, min_size=1, max_size=3)),
            st.builds(lambda cs: {"any": cs}, st.lists(inner, min_size=1, max_size=3)),
        ),
        max_leaves=max_leaves,
    )
