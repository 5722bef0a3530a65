"""Find services by what people type: names, aliases, the glossary and the text of each service.

The public entry point is ``search(catalog, query, limit) -> list[Hit]``; everything else here is
a helper. Matching works on a *folded* form of both sides:

- NFKC, so full-width letters and digits fold to half-width (ＩＤ -> ID, １２１２３ -> 12123);
- casefold, punctuation turned into spaces (``no-crime-certificate`` == ``no crime certificate``);
- Traditional Chinese folded to Simplified with OpenCC (``t2s``), plus a few regional variants
  (身分证 -> 身份证, 纪录 -> 记录). OpenCC is imported only when the query holds a Chinese character
  the catalog's Simplified text never uses (so it may be Traditional), and conversions are cached.

Each service is scored on its fields, best first: id, name and aliases (weight 1), summary,
channel conditions, notes and steps (lower weights). A field scores high when it equals the query
or contains it (or, for names and aliases, when the query contains it), otherwise by the share of
the query's features it holds: English words (light stemming, prefixes of 4+ letters) and
Chinese characters and character pairs, each weighted by how rare it is in the catalog (IDF).
Glossary terms bridge the languages: a term found in the query is swapped for its rendering in
the other language (``port visa`` -> 口岸签证) and that variant is scored too. English near misses
of ids and names (``no-crime-certficate``) score by difflib similarity.

A later SQLite FTS5 back end for very large catalogs can keep this signature and the ``Hit`` shape.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from hanban import model as m

if TYPE_CHECKING:
    import opencc

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

# Regional spellings folded after Traditional -> Simplified (Taiwan writes 身分證, the mainland 身份证).
VARIANTS: tuple[tuple[str, str], ...] = (("身分证", "身份证"), ("纪录", "记录"), ("登记簿", "户口簿"))
EN_STOPWORDS = frozenset(
    ("a", "an", "the", "of", "for", "to", "my", "i", "in", "on", "at", "how", "do", "does", "can", "get", "is", "are",
     "and", "or", "me", "what", "where", "with", "want", "need", "please", "from", "by", "it", "this", "that", "be", "am")
)
ZH_STOP_CHARS = frozenset("的了我吗么怎呢啊吧要想去在哪里能可以是和与有个你您请")
# Everyday characters people add to queries, all in their Simplified form: with the catalog's own
# Simplified characters they let a Simplified query skip OpenCC.
SIMPLIFIED_COMMON = frozenset("的了我吗么怎呢啊吧要想去在哪里能可以是和与有个你您请丢掉办补换给孩宝小大开上下什么样多少时候还没")
EN_SPELLINGS = {"license": "licence", "center": "centre", "licenses": "licence"}

_NOT_WORD = re.compile(r"[^\w]+|_+")


@dataclass(frozen=True)
class Match:
    """Why a service matched: the kind of field and its text (as written in the catalog)."""

    field: str  # id | name | alias | glossary | summary | condition | note | step
    text: str


@dataclass(frozen=True)
class Hit:
    """One search result: the service, a score in (0, 1] (higher is better) and why it matched."""

    id: str
    name: m.Text
    score: float
    matched: tuple[Match, ...]


# --------------------------------------------------------------------------- normalisation


def is_cjk(c: str) -> bool:
    """A Chinese character (CJK unified ideographs, extension A, compatibility ideographs)."""
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def normalize(text: str) -> str:
    """NFKC (full-width -> half-width), casefold, punctuation to spaces, spaces collapsed."""
    return " ".join(_NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


def fold_variants(text: str) -> str:
    """Regional spellings to the mainland ones the catalog uses."""
    for old, new in VARIANTS:
        text = text.replace(old, new)
    return text


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    import opencc  # ~15-50 ms to import: only when a query may be Traditional

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1024)
def to_simplified(text: str) -> str:
    """Traditional -> Simplified Chinese (OpenCC t2s), cached; ASCII text is returned as is."""
    if not text or text.isascii():
        return text
    return str(_t2s().convert(text))


def may_be_traditional(text: str, known: frozenset[str] | None = None) -> bool:
    """Whether `text` holds a Chinese character outside `known` (the catalog's Simplified characters)."""
    chars = {c for c in text if is_cjk(c)}
    if not chars:
        return False
    return known is None or not chars <= known


def fold(text: str, known: frozenset[str] | None = None) -> str:
    """The matching form of a query: normalised, Traditional -> Simplified when it may be Traditional."""
    q = normalize(text)
    if may_be_traditional(q, known):
        q = normalize(to_simplified(q))
    return fold_variants(q)


# --------------------------------------------------------------------------- features


def _stem(word: str) -> str:
    word = EN_SPELLINGS.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def _runs() -> re.Pattern[str]:
    # One capturing class: split() alternates other text and Chinese runs (cheaper to compile).
    return re.compile("([\u3400-\u9fff\uf900-\ufaff]+)")


SHORT_TOKEN = 32  # up to this length a token is split without the regex (compiling it costs ~1 ms)


def _split_runs(token: str) -> list[str]:
    """`_runs().split(token)`: other text and Chinese runs alternating, other text first and last."""
    if len(token) > SHORT_TOKEN:
        return _runs().split(token)
    out: list[str] = []
    start = 0
    in_run = False
    for i, c in enumerate(token):
        o = ord(c)
        cjk = 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF  # the regex's class
        if cjk != in_run:
            out.append(token[start:i])
            start, in_run = i, cjk
    out.append(token[start:])
    if in_run:
        out.append("")
    return out


def features(norm: str) -> set[str]:
    """Features of a normalised string: w:<word> for Latin/digits, c:<char> and b:<pair> for Chinese."""
    out: set[str] = set()
    for token in norm.split():
        if token.isascii():
            out.update(_latin(token))
            continue
        for i, run in enumerate(_split_runs(token)):
            if i % 2 == 0:
                out.update(_latin(run))
                continue
            out.update("c:" + c for c in run if c not in ZH_STOP_CHARS)
            out.update("b:" + run[i : i + 2] for i in range(len(run) - 1))
    return out


def _latin(chunk: str) -> Iterator[str]:
    if chunk and chunk not in EN_STOPWORDS:
        yield "w:" + _stem(chunk)


def _substantial(norm: str) -> bool:
    """Long enough to count as a phrase: two Chinese characters or three other characters."""
    return len(norm) >= 3 or (len(norm) == 2 and any(is_cjk(c) for c in norm))


# --------------------------------------------------------------------------- the index


# The index's records are plain classes with __slots__, never changed once made: a NamedTuple class
# takes ~0.25 ms to create when the module is imported, which every `hanban search` pays.
class Field:
    __slots__ = ("kind", "norm", "text")

    def __init__(self, kind: str, text: str, norm: str) -> None:
        self.kind = kind
        self.text = text  # as written
        self.norm = norm  # normalised (Traditional fields are kept Traditional)


class Entry:
    __slots__ = ("blob", "fields", "id", "name")

    def __init__(self, id: str, name: m.Text, fields: tuple[Field, ...], blob: str) -> None:
        self.id = id
        self.name = name
        self.fields = fields
        self.blob = blob  # every normalised text of the service, space-separated, for document frequencies


class Index:
    """Normalised texts only: features are computed on demand, for the fields a query may match."""

    __slots__ = ("df", "entries", "glossary", "hans_chars", "hant")

    def __init__(
        self,
        entries: tuple[Entry, ...],
        hans_chars: frozenset[str],
        glossary: tuple[tuple[str, tuple[str, ...], str], ...],
        df: dict[str, int],
        hant: dict[str, str],
    ) -> None:
        self.entries = entries
        self.hans_chars = hans_chars
        self.glossary = glossary  # (form, other-language forms, label)
        self.df = df  # document frequency of the features queries have used (filled lazily)
        self.hant = hant  # service id -> its stored Traditional forms (JSON), for the names of hits (compiled index)


# A service as search sees it, as plain data (stored by hanban.index at compile time): the characters
# of its Simplified texts, and (field kind, text, normalised text, its features space-separated) per field.
Prepared = tuple[str, list[tuple[str, str, str, str]]]


def _field(kind: str, text: str, seen: dict[tuple[str, str], Field | None]) -> Field | None:
    key = (kind, text)
    if key not in seen:  # the same boilerplate (e.g. one-window conditions) recurs across services
        norm = fold_variants(normalize(text))
        seen[key] = Field(kind, text, norm) if norm else None
    return seen[key]


# Features of field texts as stored in the compiled index (normalised text -> space-separated features).
_stored_features: dict[str, str] = {}


@lru_cache(maxsize=65536)
def field_features(norm: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(features, Latin word features) of a normalised field text, cached (stored ones are not recomputed)."""
    stored = _stored_features.get(norm)
    if stored is None:
        feats = frozenset(features(norm))
        return feats, tuple(f for f in feats if f.startswith("w:"))
    # Stored sorted: the words (w:) come last, and ":" occurs nowhere else in a feature.
    start = stored.find("w:")
    return frozenset(stored.split()), tuple(stored[start:].split()) if start >= 0 else ()


def _atom(feat: str) -> str:
    """What must occur in a text for it to hold `feat`: the characters, or the start of a word."""
    word = feat[2:]
    if feat[0] != "w":
        return word
    return f" {word} " if len(word) <= 3 else f" {word}"


def document_frequency(index: Index, feat: str) -> int:
    """In how many services `feat` occurs (words: as the start of a word), memoised."""
    if feat not in index.df:
        atom = _atom(feat)
        index.df[feat] = sum(1 for e in index.entries if atom in e.blob)
    return index.df[feat]


def _service_texts(s: m.Service) -> Iterator[tuple[str, str, str]]:
    """(field kind, text, script) for every searchable text of a service."""
    yield "id", s.id, "id"
    yield from _text("name", s.name)
    for script, names in s.aliases.items():
        for a in names:
            yield "alias", a, script
    yield from _text("summary", s.summary)
    for c in s.channels.values():
        for cond in c.conditions:
            yield from _text("condition", cond)
    for f in s.notes:
        yield from _text("note", f.text)
    for f in s.steps:
        yield from _text("step", f.text)


def _text(kind: str, t: m.Text) -> Iterator[tuple[str, str, str]]:
    for script, value in (("zh-Hans", t.zh_hans), ("en", t.en), ("zh-Hant", t.zh_hant)):
        if value:
            yield kind, value, script


def _glossary_forms(term: m.GlossaryTerm) -> tuple[list[str], list[str]]:
    """(Chinese forms, English forms) of a glossary term; English parentheticals are forms too."""
    zh = [normalize(t) for t in (term.term.zh_hans, term.term.zh_hant) if t]
    en: list[str] = []
    for part in term.term.en.translate(_PARENS).split("("):
        n = normalize(part)
        if n and n not in EN_STOPWORDS:
            en.append(_drop_article(n))
    return [z for z in zh if z], en


_PARENS = str.maketrans({")": "(", "（": "(", "）": "("})  # re.split(r"[()（）]") without compiling a regex


def _drop_article(n: str) -> str:
    """re.sub(r"^(?:a|an|the|to) ", "", n)"""
    for article in ("a ", "an ", "the ", "to "):
        if n.startswith(article):
            return n[len(article):]
    return n


def prepare(s: m.Service) -> Prepared:
    """What search reads of a service, as plain data, features included (see `Prepared`)."""
    texts = list(_service_texts(s))
    fields = [
        (f.kind, f.text, f.norm, " ".join(sorted(field_features(f.norm)[0])))
        for kind, text, _ in texts
        if (f := _field(kind, text, {})) is not None
    ]
    return "".join(sorted({c for _, text, script in texts if script == "zh-Hans" for c in text})), fields


def _entry(s: m.Service, made: dict[tuple[str, str], Field | None], hans: set[str]) -> Entry:
    texts = list(_service_texts(s))
    fields = tuple(f for kind, text, _ in texts if (f := _field(kind, text, made)) is not None)
    for _, text, script in texts:
        if script == "zh-Hans":
            hans.update(text)
    return Entry(s.id, s.name, fields, " " + " ".join(f.norm for f in fields) + " ")


def _prepared_entry(sid: str, name: m.Text, prepared: Prepared, made: dict[tuple[str, str], Field], hans: set[str]) -> Entry:
    chars, stored = prepared
    hans.update(chars)
    fields: list[Field] = []
    for kind, text, norm, feats in stored:
        f = made.get((kind, text))
        if f is None:
            f = made[(kind, text)] = Field(kind, text, norm)
            _stored_features.setdefault(norm, feats)
        fields.append(f)
    return Entry(sid, name, tuple(fields), " " + " ".join(f.norm for f in fields) + " ")


def build_index(catalog: m.Catalog) -> Index:
    """Fold every searchable text of every service once (cheap: no OpenCC).

    Services read through the compiled index (hanban.index) come with their fields prepared at
    compile time (`prepare`), so nothing is decoded or normalised again here.
    """
    entries: list[Entry] = []
    hans: set[str] = set()
    made: dict[tuple[str, str], Field | None] = {}
    hant: dict[str, str] = {}
    services = catalog.services
    search_rows = getattr(services, "search_rows", None)
    if search_rows is None:
        entries = [_entry(s, made, hans) for s in services.values()]
    else:
        stored: dict[tuple[str, str], Field] = {}
        for sid, name, prepared, service_hant in search_rows():
            if isinstance(prepared, m.Service):  # not stored (a large catalog): as without an index
                entries.append(_entry(prepared, made, hans))
            else:
                entries.append(_prepared_entry(sid, name, prepared, stored, hans))
                hant[sid] = service_hant
    gloss: list[tuple[str, tuple[str, ...], str]] = []
    for term in catalog.glossary:
        zh, en = _glossary_forms(term)
        label = f"{term.term.zh_hans} = {term.term.en}"
        for z in zh:
            gloss.append((z, tuple(en), label))
        for e in en:
            gloss.append((e, (fold_variants(normalize(term.term.zh_hans)),), label))
    hans.update(c for term in catalog.glossary for c in term.term.zh_hans)
    return Index(tuple(entries), frozenset(hans) | SIMPLIFIED_COMMON, tuple(gloss), {}, hant)


_cache: list[tuple[m.Catalog, Index]] = []


def index_for(catalog: m.Catalog) -> Index:
    """The index of `catalog`, built once per catalog object."""
    for cat, idx in _cache:
        if cat is catalog:
            return idx
    idx = build_index(catalog)
    _cache[:] = [(catalog, idx)]
    return idx


# --------------------------------------------------------------------------- scoring


class Variant:
    __slots__ = ("atoms", "factor", "feats", "has_pairs", "norm", "total", "via")

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


def _variant(norm: str, index: Index, factor: float = 1.0, via: str | None = None) -> Variant:
    feats = _weights(norm, index)
    found = {_atom(f).lstrip() for f in feats}
    # A text holds some atom exactly when it holds some atom not containing another (份证 holds 份): keep those.
    atoms = tuple(a for a in found if not any(b != a and b in a for b in found))
    return Variant(norm, feats, factor, via, sum(feats.values()), any(k[0] in "bw" for k in feats), atoms)


def _weights(norm: str, index: Index) -> dict[str, float]:
    """Query features weighted by rarity (IDF); characters count half, pairs and words in full."""
    n = max(len(index.entries), 1)
    unknown = 0.5 * math.log(1 + n)
    out: dict[str, float] = {}
    for f in features(norm):
        df = document_frequency(index, f)
        if df:
            out[f] = math.log(1 + n / df) * (0.5 if f[0] == "c" else 1.0)
        else:  # words the catalog never uses weigh against every service
            out[f] = unknown * {"w": 1.0, "b": 0.5, "c": 0.25}[f[0]]
    return out


def _contains(haystack: str, needle: str) -> bool:
    """`needle` occurs in `haystack`; Latin letters and digits at its edges must be whole words."""
    start = haystack.find(needle) if needle else -1
    while start >= 0:
        end = start + len(needle)
        left = start == 0 or not _wordy(needle[0]) or not _wordy(haystack[start - 1])
        right = end == len(haystack) or not _wordy(needle[-1]) or not _wordy(haystack[end])
        if left and right:
            return True
        start = haystack.find(needle, start + 1)
    return False


def _wordy(c: str) -> bool:
    """A Latin letter or digit (Chinese characters are their own words)."""
    return c.isalnum() and not is_cjk(c)


def _variants(q: str, index: Index) -> list[Variant]:
    out = [_variant(q, index)]
    found = [(form, others, label) for form, others, label in index.glossary if _substantial(form) and _contains(q, form)]
    if " " in q or not q.isascii():  # the query is part of a longer term ("invitation letter")
        found += [(q, others, label) for form, others, label in index.glossary if form != q and _substantial(q) and _contains(form, q)]
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
    if q in t or any(a in t for a in v.atoms):
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
    if _substantial(q) and _contains(t, q):
        return 0.8 + 0.15 * len(q) / len(t)
    if f.kind in IDENTITY_FIELDS and v.via is None and _substantial(t) and _contains(q, t):
        # (not for glossary translations: "小孩上 hukou" does not name the alias "hukou")
        return 0.45 + 0.45 * len(t) / len(q)  # a short alias inside a long query says little
    total = v.total
    if total <= 0 or not any(a in t for a in v.atoms):
        return _typo_score(q, t) if _typo_eligible(q, t, f.kind) else 0.0
    got = 0.0
    strong = False
    feats, words = field_features(t)
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
    if score < 0.6 and _typo_eligible(q, t, f.kind):
        score = max(score, _typo_score(q, t))
    return score


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


def search(catalog: m.Catalog, query: str, limit: int = 10) -> list[Hit]:
    """Services matching `query`, best first, at most `limit` (an empty list when nothing matches)."""
    # -- compiled index (hanban.index): on a very large catalog, score only its FTS5 candidates;
    #    catalogs of up to SEARCH_SCAN_MAX services (the shipped one) are scored whole, as before. --
    from hanban.index import narrow_for_search

    catalog = narrow_for_search(catalog, query)
    # -- end compiled index --
    index = index_for(catalog)
    q = fold(query, index.hans_chars)
    if not q or limit <= 0:
        return []
    raw = normalize(query)
    variants = _variants(q, index)
    if raw != q:  # also match the query as typed against Traditional text written in the catalog
        variants.append(_variant(raw, index))
    hits: list[Hit] = []
    memo: dict[tuple[str, str], tuple[float, Variant]] = {}
    for entry in index.entries:
        score, matched = _score_entry(entry, variants, memo)
        if score >= MIN_SCORE:
            hits.append(Hit(entry.id, entry.name, round(score, 3), tuple(matched)))
    hits.sort(key=lambda h: (-h.score, h.id))
    hits = hits[:limit]
    if index.hant:  # as reading the service would: its names' Traditional forms, without OpenCC
        from hanban.index import learn_traditional

        for h in hits:
            learn_traditional(index.hant.get(h.id, "{}"))
    return hits

