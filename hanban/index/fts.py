"""FTS5 candidates for search: on a very large indexed catalog, search scores only these."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from hanban.find.text import exact_key

SEARCH_CANDIDATES = 30  # best FTS5 matches handed to search's own scoring on a large catalog
TERMS_PER_MATCH = 64  # trigrams OR-ed in one query while looking for a short piece


def fts_candidates(db: sqlite3.Connection, count: int, query: str, limit: int = SEARCH_CANDIDATES) -> list[str]:
    """Ids of services whose names, aliases or summary share pieces with `query`, strongest first (FTS5 trigram).

    Pieces are Latin words of 3+ letters and every 3-character run of Chinese. First the services
    holding every piece; then those holding the pieces that are rare in this catalog, ranked by bm25;
    then any piece. (Ranking a piece that thousands of services hold is what costs, so it is not
    ranked.) Shorter pieces (a 2-character word such as 户口) are found through the trigrams that start with them.
    """
    grams: list[str] = []
    short: list[str] = []
    for w in exact_key(query).split():
        if w.isascii():
            (grams if len(w) >= 3 else short).append(w)
        elif len(w) >= 3:
            grams += [w[i:i + 3] for i in range(len(w) - 2)]
        else:
            short.append(w)
    grams = list(dict.fromkeys(grams))
    ids: dict[str, None] = {}

    def add(sql: str, *params: Any) -> None:
        rows = db.execute(
            "SELECT s.id FROM fts JOIN services s ON s.rid = fts.rowid WHERE " + sql, (*params, limit - len(ids)))
        ids.update((r[0], None) for r in rows)

    def match(pieces: Iterable[str], op: str) -> str:
        return f" {op} ".join('"' + g.replace('"', '""') + '"' for g in pieces)

    if grams:
        add("fts MATCH ? AND +s.top = 1 LIMIT ?", match(grams, "AND"))
        if len(ids) < limit:
            rare = _rare(db, count, grams)
            if rare:
                add("fts MATCH ? AND +s.top = 1 ORDER BY fts.rank LIMIT ?", match(rare, "OR"))
        if len(ids) < limit:
            add("fts MATCH ? AND +s.top = 1 LIMIT ?", match(grams, "OR"))
    for w in short if len(ids) < limit else ():
        # A piece of one or two characters occurs where a trigram starts with it (but at a text's very end):
        # the index's own list of trigrams names them, in order, so no row's text is scanned.
        terms = _starting_with(db, w)
        for start in range(0, len(terms), TERMS_PER_MATCH):
            if len(ids) >= limit:
                break
            add("fts MATCH ? AND +s.top = 1 LIMIT ?", match(terms[start:start + TERMS_PER_MATCH], "OR"))
    return list(ids)


def _vocab(db: sqlite3.Connection) -> None:
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab USING fts5vocab(main, 'fts', 'row')")


def _starting_with(db: sqlite3.Connection, piece: str) -> list[str]:
    """The index's trigrams that start with `piece` (one or two characters), most common first."""
    _vocab(db)
    rows = db.execute("SELECT term, doc FROM temp.fts_vocab WHERE term >= ? AND term < ?", (piece, piece + "\U0010ffff"))
    return [t for t, _ in sorted(rows.fetchall(), key=lambda r: -r[1])]


def _rare(db: sqlite3.Connection, count: int, pieces: list[str]) -> list[str]:
    """The pieces held by at most 2% of the services (a word counts as its rarest trigram)."""
    _vocab(db)
    grams = {p: [p.lower()[i:i + 3] for i in range(len(p) - 2)] for p in pieces}
    wanted = sorted({g for gs in grams.values() for g in gs})
    marks = ",".join("?" * len(wanted))
    docs = dict(db.execute(f"SELECT term, doc FROM temp.fts_vocab WHERE term IN ({marks})", wanted).fetchall())
    cap = max(200, count // 50)
    return [p for p, gs in grams.items() if min(docs.get(g, 0) for g in gs) <= cap]
