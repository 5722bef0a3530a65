"""Draw docs/ask.svg: a wizard run (the prompts as answered, then the checklist) with rich."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text

from hanban.catalog.load import load_catalog
from hanban.wizard import flow
from hanban.wizard.checklist import answer_label, build

ANSWERS = {"service": "id-card-lost-reissue", "hukou_province": "henan", "live_province": "guangdong", "card_issued": "over-two-years"}


def main() -> None:
    from hanban.render.checklist_terminal import print_checklist

    cat = load_catalog()
    wiz = cat.wizard
    console = Console(record=True, width=110, force_terminal=True, color_system="truecolor")
    console.print(Text("$ hanban --lang en ask", style="bold"))
    given: dict[str, object] = {}
    for qid, value in ANSWERS.items():
        pos = flow.walk(wiz.questions, given)  # type: ignore[arg-type]
        assert pos.next is not None and pos.next.id == qid
        line = Text("? ", style="bold magenta")
        line.append(pos.next.prompt.en + " ", style="bold")
        line.append(answer_label(pos.next, value, cat).en, style="#f44336 bold")  # type: ignore[arg-type]
        line.append(f"   (question {pos.number} of about {pos.total})", style="dim")
        console.print(line)
        given[qid] = value
    console.print(Text("? Your answers — check them: ✓ All correct: show my checklist", style="bold"))
    cl = build(cat, cat.services[ANSWERS["service"]], ANSWERS)  # type: ignore[arg-type]
    print_checklist(console, cl, cat, "en")
    out = Path(__file__).parent / "ask.svg"
    console.save_svg(str(out), title="hanban ask")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
