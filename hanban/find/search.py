"""Find services by what people type: names, aliases, the glossary and the text of each service.

The public entry point is ``search(catalog, query, limit) -> list[Hit]``. Matching works on the
folded form of both sides (`hanban.find.text`): width, case, punctuation, Traditional to
Simplified (OpenCC, only for queries that may be Traditional) and regional spellings.

Each service is scored on its fields (`hanban.find.fields`), best first: id, name and aliases
(weight 1), summary, channel conditions, notes and steps (lower weights). A field scores high when
it equals the query or contains it (or, for names and aliases, when the query contains it),
otherwise by the share of the query's features it holds: English words (light stemming, prefixes
of 4+ letters) and Chinese characters and character pairs, each weighted by how rare it is in the
catalog (IDF). Glossary terms bridge the languages: a term found in the query is swapped for its
rendering in the other language (``port visa`` -> 口岸签证) and that variant is scored too. English
near misses of ids and names (``no-crime-certficate``) score by difflib similarity. Slips
(`hanban.find.slips`: a mistyped word, the words a question wraps around its subject) and the
pinyin of a glossary term (``luodiqian``: 落地签) give further readings of the query, scored too.

On a very large catalog the store narrows the services to score (`search_candidates`: FTS5 in the
compiled index); otherwise every service is scored.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from hanban.catalog import model as m
from hanban.catalog.store import Catalog
from hanban.errors import HanbanError
from hanban.find import pinyin
from hanban.find.fields import Entry, Field, Index, atom, features, index_for, substantial
from hanban.find.objects import (
    BOTH_SCORE,
    OTHER_ACTION_FACTOR,
    OTHER_OBJECT_FACTOR,
    about_other_actions,
    about_other_objects,
    forms_of,
    names_both,
    objects_in,
)
from hanban.find.slips import (
    FILLER_FACTOR,
    HANZI_TYPO_SCORE,
    RESPELLED_FACTOR,
    one_character_off,
    respelled,
    without_fillers,
)
from hanban.find.text import fold, is_cjk, normalize

# Field kinds and how much a match in each counts.
FIELD_WEIGHTS: dict[str, float] = {
    "id": 1.0,
    "name": 1.0,
    "alias": 1.0,
    "summary": 0.6,
    "condition": 0.45,
    "note": 0.45,
    "step": 0.4,
}
IDENTITY_FIELDS = ("id", "name", "alias")
GLOSSARY_FACTOR = 0.85  # a match found through a glossary translation counts a little less
MIN_SCORE = 0.12  # below this a service is not a hit
MAX_VARIANTS = 8
MAX_QUERY = 200  # characters: longer queries are refused (see README, "Limits")


class QueryTooLong(HanbanError):
    """A search query over the length limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(key="err.query_too_long", limit=limit)


class Match(NamedTuple):
    """Why a service matched: the kind of field and its text (as written in the catalog)."""

    field: str  # id | name | alias | glossary | summary | condition | note | step | pinyin
    text: str


class Hit(NamedTuple):
    """One search result: the service, a score in (0, 1] (higher is better) and why it matched."""

    id: str
    name: m.Text
    score: float
    matched: tuple[Match, ...]




# --------------------------------------------------------------------------- scoring


class Variant:
    __slots__ = ("atoms", "factor", "feats", "has_pairs", "norm", "open_end", "total", "via")

    def __init__(
        self, norm: str, feats: dict[str, float], factor: float, via: str | None, total: float, has_pairs: bool,
        atoms: tuple[str, ...],
    ) -> None:
        self.norm = norm
        self.feats = feats  # feature -> weight
        self.factor = factor
        self.via = via  # glossary label when the variant is a translation
        self.total = total  # sum of the feature weights
        self.has_pairs = has_pairs  # holds words or character pairs, not only single characters
        self.atoms = atoms  # a field holding none of these cannot share a feature with the query
        self.open_end = False  # its last word may be unfinished (a person still typing)


def _variant(norm: str, index: Index, factor: float = 1.0, via: str | None = None) -> Variant:
    feats = _weights(norm, index)
    atoms = minimal_atoms({atom(f).lstrip() for f in feats})
    return Variant(norm, feats, factor, via, sum(feats.values()), any(k[0] in "bw" for k in feats), atoms)


def minimal_atoms(found: set[str]) -> tuple[str, ...]:
    """The atoms that contain no other atom: a text holds some atom exactly when it holds one of
    these (份证 holds 份). Each atom's substrings of the lengths atoms have are looked up in the
    set, so this is linear in the atoms' total length (Chinese atoms are one or two characters),
    not quadratic in their number."""
    lengths = sorted({len(a) for a in found})

    def holds_another(a: str) -> bool:
        for n in lengths:
            if n >= len(a):
                return False
            if any(a[i:i + n] in found for i in range(len(a) - n + 1)):
                return True
        return False

    return tuple(a for a in found if not holds_another(a))


def _weights(norm: str, index: Index) -> dict[str, float]:
    """Query features weighted by rarity (IDF); characters count half, pairs and words in full."""
    n = max(len(index.entries), 1)
    unknown = 0.5 * math.log(1 + n)
    out: dict[str, float] = {}
    for f in features(norm):
        df = index.document_frequency(f)
        if df:
            out[f] = math.log(1 + n / df) * (0.5 if f[0] == "c" else 1.0)
        else:  # words the catalog never uses weigh against every service
            out[f] = unknown * {"w": 1.0, "b": 0.5, "c": 0.25}[f[0]]
    return out


def _contains(haystack: str, needle: str, open_end: bool = False) -> bool:
    """`needle` occurs in `haystack`; Latin letters and digits at its edges must be whole words
    (at its start only, when `open_end`: the last word is still being typed)."""
    start = haystack.find(needle) if needle else -1
    while start >= 0:
        end = start + len(needle)
        left = start == 0 or not _wordy(needle[0]) or not _wordy(haystack[start - 1])
        right = open_end or end == len(haystack) or not _wordy(needle[-1]) or not _wordy(haystack[end])
        if left and right:
            return True
        start = haystack.find(needle, start + 1)
    return False


def _wordy(c: str) -> bool:
    """A Latin letter or digit (Chinese characters are their own words)."""
    return c.isalnum() and not is_cjk(c)


def _terms_sounding(typed: str, index: Index) -> list[str]:
    """The glossary's Chinese terms whose whole pinyin is what was typed (luodiqian, luo di qian)."""
    return [zh for sound, zh in index.sounds if typed and sound.replace(" ", "") == typed] if typed else []


def _variants(q: str, index: Index) -> list[Variant]:
    out = [_variant(q, index)]
    if any(c.isascii() and c.isalpha() for c in q) and (fixed := respelled(q, index)):
        out.append(_variant(fixed, index, RESPELLED_FACTOR))
    if not q.isascii() and (bare := without_fillers(q)):
        out.append(_variant(bare, index, FILLER_FACTOR))
    found = [(form, others, label) for form, others, label in index.glossary if substantial(form) and _contains(q, form)]
    if " " in q or not q.isascii():  # the query is part of a longer term ("invitation letter")
        found += [(q, others, label) for form, others, label in index.glossary if form != q and substantial(q) and _contains(form, q)]
    forms = {f for f, _, _ in found}
    for form, others, label in found:
        if any(form != g and form in g for g in forms):
            continue  # a longer term covers this one (户口迁移 over 户口)
        for other in others:
            v = " ".join(q.replace(form, f" {other} ").split())
            if all(v != x.norm for x in out):
                out.append(_variant(v, index, GLOSSARY_FACTOR, label))
        if len(out) >= MAX_VARIANTS:
            break
    return out


def _may_score(v: Variant, t: str, identity: bool) -> bool:
    """False only when _field_score(v, field with normalised text t) is 0: a cheap test that most fields fail.

    Each way _field_score can score needs one of these: the query inside the text (equal, contained), one
    of its atoms in the text (feature coverage), or for ids, names and aliases the text inside the query
    or an English near miss of similar length (difflib).
    """
    q = v.norm
    if (q in t and (q == t or substantial(q))) or any(a in t for a in v.atoms):  # (a letter is in most texts)
        return True
    if not identity:
        return False
    return t in q or (
        len(q) >= 4 and q.isascii() and t.isascii() and not 2 * min(len(q), len(t)) < 0.8 * (len(q) + len(t))
    )


def _field_score(v: Variant, f: Field) -> float:
    q, t = v.norm, f.norm
    if q == t:
        return 1.0
    if substantial(q) and _contains(t, q, v.open_end and f.kind in IDENTITY_FIELDS):
        return 0.8 + 0.15 * len(q) / len(t)
    if f.kind in IDENTITY_FIELDS and v.via is None and substantial(t) and _contains(q, t):
        # (not for glossary translations: "小孩上 hukou" does not name the alias "hukou")
        return 0.45 + 0.45 * _share(v, f)  # a short alias inside a long query says little (less when its words are common)
    total = v.total
    if total <= 0 or not any(a in t for a in v.atoms):
        return _typo_score(q, t) if _typo_eligible(q, t, f.kind) else 0.0
    got = 0.0
    strong = False
    feats, words = f.features()
    for feat, w in v.feats.items():
        if feat in feats:
            got += w
            strong = strong or feat[0] != "c"
        elif feat.startswith("w:") and len(feat) >= 6 and any(x.startswith(feat) for x in words):
            got += 0.7 * w  # a prefix of a word ("cert")
            strong = True
    cov = got / total
    if not strong and v.has_pairs:
        cov *= 0.5  # single characters alone are weak evidence when the query has words or pairs
    score = 0.72 * cov
    if f.kind in IDENTITY_FIELDS and one_character_off(q, t):
        score = max(score, HANZI_TYPO_SCORE)
    if score < 0.6 and _typo_eligible(q, t, f.kind):
        score = max(score, _typo_score(q, t))
    return score


def _share(v: Variant, f: Field) -> float:
    """The part of the query's weight (rare words weigh more) that the field's features hold."""
    if v.total <= 0:
        return 0.0
    feats = f.features()[0]
    return sum(w for feat, w in v.feats.items() if feat in feats) / v.total


def _typo_eligible(q: str, t: str, kind: str) -> bool:
    return kind in IDENTITY_FIELDS and len(q) >= 4 and q.isascii() and t.isascii()


def _typo_score(q: str, t: str) -> float:
    if 2 * min(len(q), len(t)) < 0.8 * (len(q) + len(t)):  # cannot reach 0.8 similarity
        return 0.0
    # SequenceMatcher's cheap upper bounds first, computed as it does (real_quick_ratio, quick_ratio: the
    # characters in common), before building one.
    size = len(q) + len(t)
    if 2.0 * min(len(q), len(t)) / size < 0.8 or 2.0 * sum(min(q.count(c), t.count(c)) for c in set(q)) / size < 0.8:
        return 0.0
    from difflib import SequenceMatcher

    ratio = SequenceMatcher(None, q, t, autojunk=False).ratio()
    return 0.75 * ratio if ratio >= 0.8 else 0.0


def _score_entry(
    entry: Entry, variants: list[Variant], memo: dict[tuple[str, str], tuple[float, Variant]]
) -> tuple[float, list[Match]]:
    scored: list[tuple[float, Field, Variant]] = []
    # Variants holding none of their atoms anywhere in this service cannot make its summary, conditions,
    # notes or steps score (see _may_score).
    blob = entry.blob
    live = [v for v in variants if v.norm in blob or any(a in blob for a in v.atoms)]
    for f in entry.fields:
        weight = FIELD_WEIGHTS[f.kind]
        key = (f.kind, f.text)
        best = memo.get(key)
        if best is None:  # shared boilerplate is scored once per search
            # The best variant, the first of equals (as max() would pick); variants _may_score rules out score 0.
            best = (0.0, variants[0])
            identity = f.kind in IDENTITY_FIELDS
            for v in variants if identity else live:
                if _may_score(v, f.norm, identity):
                    got = _field_score(v, f) * v.factor
                    if got > best[0]:
                        best = (got, v)
            memo[key] = best
        if best[0] > 0:
            scored.append((best[0] * weight, f, best[1]))
    if not scored:
        return 0.0, []
    scored.sort(key=lambda x: -x[0])
    top = scored[0][0]
    # Support from other kinds of field breaks ties between equally good names.
    support = sum(s for s, f, _ in scored[1:6] if f.kind != scored[0][1].kind) / 3
    score = 0.9 * top + 0.1 * min(1.0, support)
    matches: list[Match] = []
    for s, f, v in scored:
        if s < 0.5 * top or len(matches) >= 3:
            break
        if v.via and not matches and Match("glossary", v.via) not in matches:
            matches.append(Match("glossary", v.via))
        mt = Match(f.kind, f.text)
        if mt not in matches:
            matches.append(mt)
    return score, matches[:4]


def _object_and_action(entry: Entry, wanted: frozenset[str], score: float, matched: list[Match]) -> tuple[float, list[Match]]:
    """A service whose names speak of the object and the action the query names (sfz diule: a lost
    ID card): at least BOTH_SCORE, more when one name holds both, and its own similarity breaks ties."""
    both = [f for f in entry.fields if f.kind in IDENTITY_FIELDS and names_both(wanted, objects_in([f.norm]))]
    named = any(f.kind == "name" for f in both)
    best = next((f for f in both if f.kind == "name"), both[0] if both else None)
    lift = BOTH_SCORE + 0.1 * score + (0.05 if named else 0.0)
    reason = [Match(best.kind, best.text)] if best is not None else []
    return min(lift, 0.99), [*reason, *(mt for mt in matched if mt not in reason)][:4]


def _objects(entry: Entry) -> frozenset[str]:
    """The objects the service's id, names and aliases speak of (found once per index)."""
    if entry.objects is None:
        entry.objects = objects_in(f.norm for f in entry.fields if f.kind in IDENTITY_FIELDS)
    return entry.objects


def search(catalog: Catalog, query: str, limit: int = 10, *, typing: bool = False) -> list[Hit]:
    """Services matching `query`, best first, at most `limit` (an empty list when nothing matches).

    `typing`: the query is what a person has typed so far, so its last word may be unfinished
    (`police c` finds "police clearance certificate")."""
    if len(query) > MAX_QUERY:
        raise QueryTooLong(MAX_QUERY)
    index = index_for(catalog, catalog.services.search_candidates(query))
    q = fold(query, index.hans_chars)
    if not q or limit <= 0:
        return []
    raw = normalize(query)
    variants = _variants(q, index)
    typed = pinyin.letters(query)
    typed = typed if len(typed) >= pinyin.MIN_SEARCH else ""
    for term in _terms_sounding(typed, index):  # luodiqian: the glossary's 落地签, and what it bridges to
        variants += [v for v in _variants(term, index) if all(v.norm != x.norm for x in variants)]
    variants[0].open_end = typing and not query.endswith(" ")
    if raw != q:  # also match the query as typed against Traditional text written in the catalog
        variants.append(_variant(raw, index))
    hits: list[Hit] = []
    memo: dict[tuple[str, str], tuple[float, Variant]] = {}
    # what the query itself is about (驾照 in 驾照到期; respelled: pasport), not its glossary translations
    wanted = objects_in([q, raw, typed, *(v.norm for v in variants if v.via is None)])
    wanted_forms = forms_of(wanted)  # (empty when the query names no object: then nothing below applies)
    for entry in index.entries:
        score, matched = _score_entry(entry, variants, memo)
        if typed and entry.pinyin:
            sound, form = pinyin.best(typed, entry.pinyin)
            if sound > score:  # what was typed reads as the pinyin of one of its names
                score, matched = sound, [Match("pinyin", form)]
        # (the objects of a service are looked for only where they may be: a 66,000-service overlay
        # has few hits, and few blobs that hold a form of what the query names)
        if wanted_forms and (score >= MIN_SCORE or any(f in entry.blob for f in wanted_forms)):
            has = _objects(entry)
            if score >= MIN_SCORE and about_other_objects(wanted, has):
                score *= OTHER_OBJECT_FACTOR  # the object outranks the action: not 身份证到期 for 驾照到期
            elif score >= MIN_SCORE and about_other_actions(wanted, has):
                score *= OTHER_ACTION_FACTOR  # then the action: not 第一次办身份证 for 补办身份证
            elif score < BOTH_SCORE and names_both(wanted, has):
                score, matched = _object_and_action(entry, wanted, score, matched)
        if score >= MIN_SCORE:
            hits.append(Hit(entry.id, entry.name, round(score, 3), tuple(matched)))
    hits.sort(key=lambda h: (-h.score, h.id))
    return hits[:limit]

