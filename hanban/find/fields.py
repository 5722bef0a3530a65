"""What search compares: a service's searchable fields, their features, and the index over them.

A field is one text of a service (its id, a name, an alias, the summary, a channel condition, a
note or a step) in its search form; its features are English words (light stemming) and Chinese
characters and character pairs (`features`). `build_index` gathers every service's fields once
per catalog (from what the compiled index prepared with `prepare`, where it stored that) and the
glossary's forms, which search uses to bridge English and Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from hanban.catalog import model as m
from hanban.catalog.store import Catalog, SearchRow
from hanban.find.text import is_cjk, normalize, search_form

EN_STOPWORDS = frozenset(
    ("a", "an", "the", "of", "for", "to", "my", "i", "in", "on", "at", "how", "do", "does", "can", "get", "is", "are",
     "and", "or", "me", "what", "where", "with", "want", "need", "please", "from", "by", "it", "this", "that", "be", "am")
)
ZH_STOP_CHARS = frozenset("的了我吗么怎呢啊吧要想去在哪里能可以是和与有个你您请")
# Everyday characters people add to queries, all in their Simplified form: with the catalog's own
# Simplified characters they let a Simplified query skip OpenCC.
SIMPLIFIED_COMMON = frozenset("的了我吗么怎呢啊吧要想去在哪里能可以是和与有个你您请丢掉办补换给孩宝小大开上下什么样多少时候还没")
EN_SPELLINGS = {"license": "licence", "center": "centre", "licenses": "licence"}
_LATIN_WORDS = re.compile("[a-z]{4,}")
SHORT_TOKEN = 32  # up to this length a token is split without the regex (compiling it costs ~1 ms)

# What search has read of a large catalog's services, by id: each entry and its Simplified characters.
Kept = dict[str, tuple["Entry", frozenset[str]]]

# A service as search sees it, as plain data (stored by hanban.index at compile time): the characters
# of its Simplified texts, (field kind, text, normalised text, its features space-separated) per field,
# and the pinyin of its names.
Prepared = tuple[str, list[tuple[str, str, str, str]], list[str]]


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


def substantial(norm: str) -> bool:
    """Long enough to count as a phrase: two Chinese characters or three other characters."""
    return len(norm) >= 3 or (len(norm) == 2 and any(is_cjk(c) for c in norm))


def atom(feat: str) -> str:
    """What must occur in a text for it to hold `feat`: the characters, or the start of a word."""
    word = feat[2:]
    if feat[0] != "w":
        return word
    return f" {word} " if len(word) <= 3 else f" {word}"


# --------------------------------------------------------------------------- the index


# The index's records are plain classes with __slots__, never changed once made: a NamedTuple class
# takes ~0.25 ms to create when the module is imported, which every `hanban search` pays.
class Field:
    __slots__ = ("_feats", "kind", "norm", "stored", "text")

    def __init__(self, kind: str, text: str, norm: str, stored: str | None = None) -> None:
        self.kind = kind
        self.text = text  # as written
        self.norm = norm  # normalised (Traditional fields are kept Traditional)
        self.stored = stored  # its features as the compiled index stored them (space-separated, sorted)
        self._feats: tuple[frozenset[str], tuple[str, ...]] | None = None

    def features(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """(features, Latin word features), computed once (or read from what was stored)."""
        if self._feats is None:
            if self.stored is None:
                feats = frozenset(features(self.norm))
                self._feats = feats, tuple(f for f in feats if f.startswith("w:"))
            else:  # stored sorted: the words (w:) come last, and ":" occurs nowhere else in a feature
                start = self.stored.find("w:")
                self._feats = frozenset(self.stored.split()), tuple(self.stored[start:].split()) if start >= 0 else ()
        return self._feats


class Entry:
    __slots__ = ("blob", "fields", "id", "name", "objects", "pinyin")

    def __init__(self, id: str, name: m.Text, fields: tuple[Field, ...], blob: str, pinyin: tuple[str, ...] = ()) -> None:
        self.id = id
        self.name = name
        self.fields = fields
        self.blob = blob  # every normalised text of the service, space-separated, for document frequencies
        self.pinyin = pinyin  # of its names ("shen fen zheng")
        self.objects: frozenset[str] | None = None  # what its names speak of (`find.objects`), found when first needed


class Index:
    """Normalised texts only: features are computed on demand, for the fields a query may match."""

    __slots__ = ("_words", "df", "entries", "glossary", "hans_chars", "sounds")

    def __init__(
        self,
        entries: tuple[Entry, ...],
        hans_chars: frozenset[str],
        glossary: tuple[tuple[str, tuple[str, ...], str], ...],
        sounds: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.entries = entries
        self.hans_chars = hans_chars
        self.glossary = glossary  # (form, other-language forms, label)
        self.sounds = sounds  # (pinyin, Chinese form) of the glossary's terms
        self.df: dict[str, int] = {}  # document frequency of the features queries have used (filled lazily)
        self._words: frozenset[str] | None = None

    def words(self) -> frozenset[str]:
        """Every Latin word of the services' texts (found once, when a query holds a word none of them has)."""
        if self._words is None:
            self._words = frozenset(w for e in self.entries for w in _LATIN_WORDS.findall(e.blob))
        return self._words

    def document_frequency(self, feat: str) -> int:
        """In how many services `feat` occurs (words: as the start of a word), memoised."""
        if feat not in self.df:
            a = atom(feat)
            self.df[feat] = sum(1 for e in self.entries if a in e.blob)
        return self.df[feat]


def _field(kind: str, text: str, seen: dict[tuple[str, str], Field | None]) -> Field | None:
    key = (kind, text)
    if key not in seen:  # the same boilerplate (e.g. one-window conditions) recurs across services
        norm = search_form(text)
        seen[key] = Field(kind, text, norm) if norm else None
    return seen[key]


def _service_texts(s: m.Service) -> Iterator[tuple[str, str, str]]:
    """(field kind, text, script) for every searchable text of a service (as written: no derived forms)."""
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
    yield kind, t.zh_hans, "zh-Hans"
    yield kind, t.en, "en"


def _glossary_forms(term: m.GlossaryTerm) -> tuple[list[str], list[str]]:
    """(Chinese forms, English forms) of a glossary term; English parentheticals are forms too.

    Queries are folded to Simplified before the glossary is consulted, so its Simplified form is enough."""
    zh = [normalize(term.term.zh_hans)]
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
        (f.kind, f.text, f.norm, " ".join(sorted(f.features()[0])))
        for kind, text, _ in texts
        if (f := _field(kind, text, {})) is not None
    ]
    return "".join(sorted({c for _, text, script in texts if script == "zh-Hans" for c in text})), fields, list(s.pinyin)


def _entry(s: m.Service, made: dict[tuple[str, str], Field | None], hans: set[str]) -> Entry:
    texts = list(_service_texts(s))
    fields = tuple(f for kind, text, _ in texts if (f := _field(kind, text, made)) is not None)
    for _, text, script in texts:
        if script == "zh-Hans":
            hans.update(text)
    return Entry(s.id, s.name, fields, " " + " ".join(f.norm for f in fields) + " ", s.pinyin)


def _prepared_entry(sid: str, name: m.Text, prepared: Prepared, made: dict[tuple[str, str], Field], hans: set[str]) -> Entry:
    chars, stored, pinyin = prepared
    hans.update(chars)
    fields: list[Field] = []
    for kind, text, norm, feats in stored:
        f = made.get((kind, text))
        if f is None:
            f = made[(kind, text)] = Field(kind, text, norm, feats)
        fields.append(f)
    return Entry(sid, name, tuple(fields), " " + " ".join(f.norm for f in fields) + " ", tuple(pinyin))


def build_index(
    rows: Iterable[SearchRow], glossary: Iterable[m.GlossaryTerm], kept: Kept | None = None, order: Sequence[str] | None = None
) -> Index:
    """Fold every searchable text of every service once (cheap: no OpenCC).

    Rows read through the compiled index (hanban.index) come with their fields prepared at compile
    time (`prepare`), so nothing is decoded or normalised again here. With `kept`, each row's entry is
    kept there, and the index holds the entries `order` names from it (the rows are the ones it lacked).
    """
    entries: list[Entry] = []
    hans: set[str] = set()
    made: dict[tuple[str, str], Field | None] = {}
    stored: dict[tuple[str, str], Field] = {}
    for row in rows:
        chars: set[str] = set()
        if row.prepared is not None:
            entries.append(_prepared_entry(row.id, row.name, row.prepared, stored, chars))
        elif row.service is not None:
            entries.append(_entry(row.service, made, chars))
        else:
            continue
        hans |= chars
        if kept is not None:
            kept[row.id] = (entries[-1], frozenset(chars))
    if kept is not None and order is not None:
        found = [kept[sid] for sid in order if sid in kept]
        entries = [e for e, _ in found]
        hans.update(*(chars for _, chars in found))
    gloss: list[tuple[str, tuple[str, ...], str]] = []
    sounds: list[tuple[str, str]] = []
    for term in glossary:
        if term.pinyin:
            sounds.append((term.pinyin, search_form(term.term.zh_hans)))
        zh, en = _glossary_forms(term)
        label = f"{term.term.zh_hans} = {term.term.en}"
        for z in zh:
            gloss.append((z, tuple(en), label))
        for e in en:
            gloss.append((e, (search_form(term.term.zh_hans),), label))
        hans.update(term.term.zh_hans)
    return Index(tuple(entries), frozenset(hans) | SIMPLIFIED_COMMON, tuple(gloss), tuple(sounds))


_cache: list[tuple[Catalog, Sequence[str] | None, Index]] = []


_kept: list[tuple[Catalog, Kept]] = []


def index_for(catalog: Catalog, ids: Sequence[str] | None = None) -> Index:
    """The index of `catalog` (or of the services `ids`), built once per catalog object. The services
    of `ids` are read and prepared once per catalog object, however many queries (keys typed into the
    picker) find them."""
    for cat, got, idx in _cache:
        if cat is catalog and got == ids:
            return idx
    if ids is None:
        idx = build_index(catalog.services.search_rows(ids), catalog.glossary)
    else:
        kept = next((k for cat, k in _kept if cat is catalog), None)
        if kept is None:
            kept = {}
            _kept[:] = [(catalog, kept)]
        missing = [sid for sid in ids if sid not in kept]
        idx = build_index(catalog.services.search_rows(missing), catalog.glossary, kept, ids)
    _cache[:] = [(catalog, ids, idx)]
    return idx
