"""Catalog text that tries to be markup, and real checklists (the answers of LOST, STOP, LOCAL) made
to carry it everywhere a renderer puts catalog or interface text: title, outcome, answers, every
item, source outlets and quotes."""

from __future__ import annotations

import re
from dataclasses import replace

from hanban.catalog import model as m
from hanban.catalog.store import Catalog
from hanban.wizard.checklist import Checklist, Outcome

LOST = {"service": "id-card-lost-reissue", "hukou_province": "henan", "live_province": "guangdong", "card_issued": "over-two-years"}
STOP = {"service": "port-visa", "nationality": "pk", "visit_purpose": "other"}  # an early stop: the outcome and what to see instead
LOCAL = {"service": "id-card-lost-reissue", "hukou_province": "zhejiang", "live_province": "zhejiang", "card_issued": "within-two-years"}
# (LOCAL's next step is the MPS platform, with its official address)

HOSTILE = (
    "*stars* **bold** _under_ __score__ ~~strike~~ ~sub~ ^sup^ ==mark== ++ins++",
    "`code` ``more`` ```fence",
    "```python",
    "~~~",
    "# not a heading ##",
    "1. not a list",
    "2) nor this",
    "- nor this",
    "+ nor this",
    "* nor this",
    "> not a quote",
    "[a link](https://evil.example) ![an image](x.png) [ref][1] [^note] [ref]",
    "[ref]: https://evil.example",
    '<script>alert("x")</script> <b onclick="x()">bold</b> <!-- comment --> <https://evil.example>',
    "&amp; &#x202E; &copy; &lt;b&gt; & alone",
    "line one\nline two\n\n# after a blank line\n    indented code\n---\n===\n- item",
    "ends with a backslash \\",
    "\\*escaped\\* already",
    "hard  \nbreak and hard\\\nbreak",
    "| a | b |\n|---|---|\n| c | d |",
    "www.evil.example https://evil.example/x?a=1&b=2 mail@evil.example",
    "$x^2$ {#id .class} @mention :emoji: H~2~O",
    "---",
    "***",
    "___",
    "=",
    "“中文引号”与「书名号」（全角括号）, 'single' and \"double\" quotes, it's",
    "000_c6c68a2d4d68e37f.txt snake_case_word _leading trailing_",
    "身份证_补领_（*重要*）",
    "a <= b && c >= d; 50% off; path/to/file; x:y",
)


def flat(text: str) -> str:
    """What a Markdown line makes of `text`: line breaks (and the space around them) one space."""
    return re.sub(r"\s*[\r\n]+\s*", " ", text).strip()


def _t(i: int) -> m.Text:
    s = HOSTILE[i % len(HOSTILE)]
    return m.Text(s, s, s)


def hostile(cl: Checklist, catalog: Catalog) -> tuple[Checklist, Catalog]:
    """`cl` with each of its texts replaced by one of HOSTILE in turn, every one of them also as an
    answer (prompt and label), and a catalog whose source texts have hostile outlets."""
    sources = {s: s._replace(quote=HOSTILE[i % len(HOSTILE)]) for i, s in enumerate(cl.sources)}

    def srcs(ss: tuple[m.Source, ...]) -> tuple[m.Source, ...]:
        return tuple(sources.get(s, s) for s in ss)

    items = tuple(replace(it, text=_t(i), sources=srcs(it.sources)) for i, it in enumerate(cl.items))
    answers = tuple(replace(cl.answers[0], prompt=_t(i), label=_t(i + 1)) for i in range(len(HOSTILE)))
    outcome = Outcome(_t(3), srcs(cl.outcome.sources), cl.outcome.stop, cl.outcome.see)
    seeds = {f: s._replace(outlet=m.Text.same(HOSTILE[i % len(HOSTILE)])) for i, (f, s) in enumerate(catalog.seeds.items())}
    cat = Catalog(catalog.services, catalog.tables._replace(seeds=seeds), catalog.wizard)
    out = replace(
        cl, service=cl.service._replace(name=_t(5)), answers=answers, items=items, sources=tuple(sources.values()), outcome=outcome
    )
    return out, cat
