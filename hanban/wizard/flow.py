"""The wizard's flow over the question graph (`hanban.catalog.flowgraph`): where a person is, what
is still needed, changing an answer, and the flow as a picture. Pure, no terminal."""

from __future__ import annotations

from collections.abc import Mapping

from hanban.catalog import conditions as cond
from hanban.catalog.flowgraph import END, Graph, Position, walk
from hanban.catalog.store import Catalog
from hanban.catalog.wizard_model import SERVICE_QUESTION, Answer, Question, Wizard
from hanban.strings import Lang

__all__ = ["Graph", "Position", "forget", "graph", "mermaid", "needed", "walk"]


def graph(catalog: Catalog) -> Graph:
    """The catalog's question graph (the service question takes the catalog's service ids)."""
    return Graph(catalog.wizard, [s.id for s in catalog.service_choices()])


def forget(answers: Mapping[str, Answer], qid: str) -> dict[str, Answer]:
    """Drop one answer so that it is asked again (a change from the summary); the later answers
    stay, and `walk` keeps those the new path still reaches."""
    return {k: v for k, v in answers.items() if k != qid}


def needed(wiz: Wizard, pos: Position) -> list[Question]:
    """The next question and every later one the answers so far make certain to be asked."""
    if pos.next is None:
        return []
    pending = frozenset(q.id for q in wiz.questions if q.id not in pos.answers)
    return [pos.next] + [
        q
        for q in wiz.questions
        if q.id in pending and q is not pos.next and cond.might_hold(q.when, pos.answers, pending) is True
    ]


def mermaid(g: Graph, service: str | None = None, lang: Lang = "en") -> str:
    """The flow as a Mermaid flowchart: one node per question, edges labelled by conditions."""
    reach = g.reach(service, edges=True)  # a bounded walk of the graph, never every path
    qs = [q for q in g.wiz.questions if service is None or q.id == SERVICE_QUESTION or q.id in reach.asked]
    lines = ["flowchart TD"]
    for q in qs:
        label = q.prompt.get(lang).replace('"', "'")
        lines.append(f'    {q.id}["{q.id}: {label}"]')
    lines.append(f'    {END}(["checklist"])')
    # an edge from each question to the next question that may follow it on some path
    by_id = {q.id: q for q in qs}
    for a, b in reach.edges:
        target = by_id.get(b)
        edge = cond.describe(target.when).replace('"', "'") if target is not None and target.when is not None else ""
        lines.append(f'    {a} -->|"{edge}"| {b}' if edge else f"    {a} --> {b}")
    return "\n".join(lines) + "\n"
