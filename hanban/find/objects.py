"""The things people ask about (documents, vehicles, visas) and what they want done with them.

A query names an object ("驾照", "passport", "hukouben") and usually an action ("到期", "丢了",
"renew"). Scoring by shared words lets the action outweigh the object: 驾照到期 would find
居民身份证到期换领 through 到期. So search knows the objects: when a query names one, a service
whose names speak of other objects only is not about what the person means and is pushed down
(`OTHER_OBJECT_FACTOR`). Forms are matched on folded text (`hanban.find.text.fold`: Simplified,
lower case), so Traditional spellings need no entry of their own; pinyin as people type it
without an input method is listed, and English words must stand as words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

OTHER_OBJECT_FACTOR = 0.4  # a service about other objects only, when the query names one
OTHER_ACTION_FACTOR = 0.7  # a service about the object the query names, for another action only

OBJECTS: dict[str, tuple[str, ...]] = {
    "id-card": ("身份证", "身分证", "id card", "identity card", "shenfenzheng", "sfz"),
    "passport": ("护照", "passport", "huzhao"),
    "permit-hk-macao-taiwan": ("通行证", "港澳通行证", "台湾通行证", "tongxingzheng", "home return permit"),
    "driving-licence": (
        "驾驶证", "驾照", "驾驶执照", "driving licence", "driving license", "driver's license", "drivers license",
        "driver license", "driver licence", "jiazhao", "jiashizheng",
    ),
    "hukou-booklet": ("户口本", "户口簿", "户口名簿", "hukou booklet", "hukou book", "household register", "hukouben"),
    "residence-permit": ("居住证", "juzhuzheng"),
    "vehicle": ("车牌", "汽车", "机动车", "二手车", "新车", "行驶证", "vehicle", "car", "cars", "number plate"),
    "visa": ("签证", "免签", "visa", "visas", "qianzheng", "mianqian"),
}

# What people want done with an object. A service whose names speak of both the object and the
# action a query names is what the query means (身份证 + 丢 = 居民身份证丢失补领), however the
# query spells them: sfz diule, 身分證遺失, lost ID card.
ACTIONS: dict[str, tuple[str, ...]] = {
    "lose": ("丢", "掉了", "遗失", "补办", "补领", "补证", "补发", "被偷", "lost", "lose", "missing", "stolen", "diule", "diushi", "buban", "buling", "yishi"),
    "renew": ("到期", "过期", "期满", "换证", "换领", "换发", "换新", "expire", "expired", "expiring", "renew", "renewal",
              "daoqi", "guoqi", "huanzheng", "huanling"),
    "first": ("第一次", "首次", "初次", "first", "diyici", "shouci"),
    "move": ("迁", "迁移", "迁入", "迁出", "move", "moving", "transfer", "qianyi", "qian hukou"),
}
BOTH_SCORE = 0.7  # a service naming the query's object and action scores at least this

_WORDY = re.compile(r"^[a-z0-9' -]+$")


_KEY_OF: dict[str, str] = {f: obj for obj, forms in OBJECTS.items() for f in forms}
_KEY_OF.update({f: f"do:{act}" for act, forms in ACTIONS.items() for f in forms})
# Chinese forms stand anywhere; English and pinyin as whole words (" id card " in the text's words).
# Plain substring tests, no large regular expression: nothing to compile at start-up.
_CHINESE = tuple((f, k) for f, k in _KEY_OF.items() if not _WORDY.match(f))
_WORDS = tuple((f" {f} ", k) for f, k in _KEY_OF.items() if _WORDY.match(f))
_NOT_WORD = re.compile(r"[^a-z0-9']+")
OBJECT_WORDS = frozenset(w for f, _ in _WORDS for w in f.split() if w.isalpha())  # (a mistyped word may be one)


def objects_in(texts: Iterable[str]) -> frozenset[str]:
    """The objects (and the actions, as "do:lose") named in any of these folded texts."""
    found: set[str] = set()
    for text in texts:
        found.update(k for f, k in _CHINESE if f in text)
        if text.isascii() or any(c.isascii() and c.isalpha() for c in text):
            words = " " + _NOT_WORD.sub(" ", text) + " "
            found.update(k for f, k in _WORDS if f in words)
    return frozenset(found)


def names_both(query: frozenset[str], service: frozenset[str]) -> bool:
    """Whether the service's names speak of an object and an action the query names together."""
    shared = query & service
    return any(not k.startswith("do:") for k in shared) and any(k.startswith("do:") for k in shared)


def about_other_objects(query: frozenset[str], service: frozenset[str]) -> bool:
    """Whether a service speaks only of objects the query does not name (the query naming some)."""
    wanted = {k for k in query if not k.startswith("do:")}
    has = {k for k in service if not k.startswith("do:")}
    return bool(wanted) and bool(has) and not (wanted & has)


def about_other_actions(query: frozenset[str], service: frozenset[str]) -> bool:
    """Whether a service's names speak only of doing other things than the query asks (补办身份证 is
    not 第一次办身份证), the query naming something to do."""
    wanted = {k for k in query if k.startswith("do:")}
    has = {k for k in service if k.startswith("do:")}
    return bool(wanted) and bool(has) and not (wanted & has)


def forms_of(keys: frozenset[str]) -> tuple[str, ...]:
    """Every form of these objects (not actions): a text holding none of them names none of them."""
    return tuple(f for obj, forms in OBJECTS.items() if obj in keys for f in forms)
