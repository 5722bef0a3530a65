"""Whole-process timings of hanban, as ratios to the cost of importing typer and rich.

    pip install . && python benchmarks/bench.py     # shipped catalog + 66,000-service overlay; writes RESULTS.md
    python benchmarks/bench.py --services 2000 --runs 7 --no-write
    python benchmarks/bench.py --only shipped --no-write
    python benchmarks/bench.py --only pythons --no-write   # the first command after install, per Python

Every figure is the median of at least 7 runs, interleaved: each round runs the floor
(`python -c "import typer, rich.console"`) and every command once, in turn, so a busy machine
slows all of them alike and the ratios stay comparable. Commands run as a person runs them: a
fresh `python -m hanban` process, stdout to a pipe, bytecode caches allowed (as for an installed
package), the index cache in a private temporary folder. Peak memory is the child's max RSS.

The hanban measured is the one this Python has installed (run from a neutral folder, so that a
wheel install is measured as a person would have it, with its prebuilt index); when none is
installed, or with --source, the checkout's. "First command after install" runs with an empty cache
folder each time; "first command in a source checkout" likewise, from the checkout's own files
(which have no prebuilt index: it compiles the catalog).

"pythons" builds one wheel (with this Python, as a packager would) and installs it into a fresh
virtual environment for each Python 3.10-3.13 found (`--python PATH`, or python3.1X on PATH and
pyenv's versions), then times that Python's first command after install against its own floor.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import gen_catalog
import keystroke_bench

PY = sys.executable
FLOOR = [PY, "-c", "import typer, rich.console"]
PROMPT_FLOOR = [PY, "-c", "import typer, rich.console, questionary"]


def hanban(*args: str) -> list[str]:
    return [PY, "-m", "hanban", *args]


SOURCE = False  # run the checkout's hanban (--source, or nothing installed) rather than the installed one
CWD = REPO  # where commands run: a neutral folder unless SOURCE (`python -m` puts the folder first on sys.path)


def env_for(cache: Path, source: bool | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "HANBAN_CATALOG", "PYTHONPATH")}
    # (no installed pack: the data folder is one that does not exist)
    env.update(HANBAN_CACHE=str(cache), HANBAN_DATA=str(cache / "no-data"), LANG="C.UTF-8", COLUMNS="100")
    if SOURCE if source is None else source:
        env["PYTHONPATH"] = str(REPO)
    return env


def installed_hanban(folder: Path) -> tuple[Path, bool] | None:
    """Where this Python imports hanban from outside the checkout, and whether it has a prebuilt index."""
    probe = ("import hanban, pathlib; p = pathlib.Path(hanban.__file__).parent; "
             "print(p); print((p / '_index' / 'builtin.sqlite').is_file())")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run([PY, "-c", probe], cwd=folder, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return None
    where, prebuilt = proc.stdout.split()
    return Path(where), prebuilt == "True"


def run(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process; its output is read and dropped."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd or CWD, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    while proc.stdout.read(1 << 16):
        pass
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err.decode(errors='replace')[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def until_first_prompt(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, float]:
    """Seconds from start until the wizard's first question is on a (pseudo-)terminal; then Ctrl-C.
    Peak memory is not measured here (nan)."""
    import pexpect  # the test extra; only this case needs it

    start = time.perf_counter()
    child = pexpect.spawn(cmd[0], cmd[1:], env={**env, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}, cwd=str(cwd or CWD),
                          encoding="utf-8", timeout=60, dimensions=(24, 100))
    child.expect("What do you need to get done")
    elapsed = time.perf_counter() - start
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    if child.exitstatus != 130:
        raise SystemExit(f"the wizard did not end with 130 after Ctrl-C: {child.exitstatus}")
    return elapsed, float("nan")


@dataclass
class Case:
    """One measured command: what it is, how to run it, what it is held to."""

    label: str
    cmd: list[str]
    goal: float | None = None  # allowed ratio to the baseline
    baseline: str = "floor"
    before: Callable[[], None] | None = None
    mem_goal: float | None = None  # MiB
    runner: Callable[[list[str], dict[str, str], Path | None], tuple[float, float]] | None = None  # default: run()
    env: dict[str, str] | None = None  # instead of the round's
    cwd: Path | None = None  # instead of CWD
    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def measure(cases: list[Case], baselines: dict[str, Case], env: dict[str, str], runs: int) -> None:
    """Interleave: every round runs each baseline and each case once."""
    for r in range(runs):
        for c in [*baselines.values(), *cases]:
            if c.before:
                c.before()
            t, peak = (c.runner or run)(c.cmd, c.env or env, c.cwd)
            c.times.append(t)
            c.peaks.append(peak)
        print(f"  round {r + 1}/{runs} done", file=sys.stderr)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        mem = f", {kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, AttributeError):
        pass
    import typer

    return (
        f"{cpu}, {cores} cores{mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, typer {typer.__version__}"
    )


def main() -> None:
    global SOURCE, CWD
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--services", type=int, default=66000, help="size of the synthetic overlay (default 66000)")
    ap.add_argument("--runs", type=int, default=7, help="interleaved runs per command (at least 7)")
    ap.add_argument("--cold-runs", type=int, default=7, help="runs of the cold build (each takes a while)")
    ap.add_argument("--only", choices=("shipped", "big", "cold", "warm", "keys", "pythons"), action="append",
                    help="measure only these groups (shipped catalog; the large overlay: cold build, warm; "
                         "per keystroke, both sizes; the first command after install under each Python); repeatable")
    ap.add_argument("--key-rounds", type=int, default=5, help="alternating rounds of the per-keystroke rows (default 5)")
    ap.add_argument("--python", action="append", default=[], metavar="PATH",
                    help="a Python to install the wheel for (pythons group; repeatable; default: 3.10-3.13 found)")
    ap.add_argument("--source", action="store_true", help="measure the checkout's hanban even when one is installed")
    ap.add_argument("--no-write", action="store_true", help="print the table only; leave RESULTS.md alone")
    args = ap.parse_args()
    runs = max(args.runs, 7)
    only = set(args.only or ("shipped", "big", "keys", "pythons"))
    if "big" in only:
        only |= {"cold", "warm"}
    work = Path(tempfile.mkdtemp(prefix="hanban-bench-"))
    neutral = work / "cwd"
    neutral.mkdir()
    found = None if args.source else installed_hanban(neutral)
    SOURCE = found is None
    CWD = REPO if SOURCE else neutral
    measured = (f"the checkout's files ({REPO}), no prebuilt index" if found is None else
                f"the installed package ({found[0]}), {'with' if found[1] else 'without'} a prebuilt index")
    print(f"measuring hanban from {measured}", file=sys.stderr)
    rows: list[tuple[str, Case, Case]] = []
    floor = Case("floor", FLOOR)
    keys = ""
    try:
        if "shipped" in only:
            rows += shipped_rows(work, runs, floor)
        if only & {"cold", "warm"}:
            rows += big_rows(work, args, runs, only)
        if "pythons" in only:
            rows += python_rows(work, runs, args.python or find_pythons())
        if "keys" in only:
            keys = keystroke_rows(work, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    table = (render(rows, runs=runs) if rows else "") + keys
    print(table)
    if not args.no_write:
        (HERE / "RESULTS.md").write_text(
            "# Benchmark results\n\n"
            f"Produced by `python benchmarks/bench.py` on {time.strftime('%Y-%m-%d')}, measuring {measured}.\n\n"
            f"Machine: {machine()}.\n\n"
            "Each time is the median of interleaved whole-process runs (see the script's docstring), with the "
            "fastest and slowest run beside it; the ratio is to the baseline's median in the same rounds: the floor "
            "(`python -c \"import typer, rich.console\"`; for the wizard's first prompt, with questionary too), "
            "or for the cold build, parsing every YAML file "
            "of the overlay once with `yaml.CSafeLoader` (one process, no validation). "
            "Peak memory is the process's max RSS.\n\n" + table + "\n",
            encoding="utf-8",
        )
        print(f"wrote {HERE / 'RESULTS.md'}", file=sys.stderr)


def shipped_rows(work: Path, runs: int, floor: Case) -> list[tuple[str, Case, Case]]:
    """The shipped catalog: the first command after install, warm commands, the wizard's first prompt."""
    cache = work / "cache-shipped"
    env = env_for(cache)
    run(hanban("list"), env)  # compile the index and the bytecode once
    fresh = work / "cache-first"
    fresh_source = work / "cache-first-source"
    prompt_floor = Case("floor with questionary", PROMPT_FLOOR)
    first_prompt = Case("`ask`: until the first question is on screen (pty)", hanban("--lang", "en", "ask"), 1.5,
                        baseline="prompt_floor", runner=until_first_prompt)
    first = Case("first command after install: `show no-crime-certificate`, empty cache folder",
                 hanban("show", "no-crime-certificate"), 1.5, env=env_for(fresh),
                 before=lambda: shutil.rmtree(fresh, ignore_errors=True))
    cases = [
        first,
        Case("`hanban --help`", hanban("--help"), 1.3),
        Case("`show no-crime-certificate`", hanban("show", "no-crime-certificate"), 1.3),
        Case("`show 无犯罪记录证明` (by name)", hanban("show", "无犯罪记录证明"), 1.3),
        Case("`list`", hanban("list"), 1.3),
        Case("`list --cross-province --json`", hanban("list", "--cross-province", "--json"), 1.3),
        Case("`search 身份证丢了`", hanban("search", "身份证丢了"), 1.3),
        Case("`search lost id card`", hanban("search", "lost", "id", "card"), 1.3),
    ]
    if not SOURCE:  # (else the row above is this one)
        cases.append(Case("first command in a source checkout (no prebuilt index: compiles)",
                          hanban("show", "no-crime-certificate"), env=env_for(fresh_source, source=True), cwd=REPO,
                          before=lambda: shutil.rmtree(fresh_source, ignore_errors=True)))
    print(f"shipped catalog: {runs} interleaved rounds", file=sys.stderr)
    measure([*cases, first_prompt], {"floor": floor, "prompt_floor": prompt_floor}, env, runs)
    scope = "shipped catalog"
    return [(scope, c, floor) for c in cases] + [(scope, first_prompt, prompt_floor)]


def find_pythons() -> list[str]:
    """Python 3.10-3.13 interpreters that run: python3.1X on PATH, else pyenv's installed versions."""
    found: dict[str, str] = {}
    for minor in range(10, 14):
        candidates = [shutil.which(f"python3.{minor}") or "",
                      *sorted(map(str, (Path.home() / ".pyenv" / "versions").glob(f"3.{minor}.*/bin/python3")))]
        for exe in filter(None, candidates):
            proc = subprocess.run([exe, "-c", f"import sys; print(sys.version_info[:2] == (3, {minor}))"],
                                  capture_output=True, text=True, check=False)
            if proc.stdout.strip() == "True":
                found[f"3.{minor}"] = exe
                break
    return list(found.values())


def python_rows(work: Path, runs: int, pythons: list[str]) -> list[tuple[str, Case, Case]]:
    """One wheel, installed into a fresh virtual environment per Python: its first command after install."""
    wheels = work / "wheel"
    subprocess.run([PY, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels), str(REPO)], check=True)
    (wheel,) = wheels.glob("hanban-*.whl")
    neutral = work / "cwd"
    neutral.mkdir(exist_ok=True)
    rows: list[tuple[str, Case, Case]] = []
    for exe in pythons:
        version = subprocess.run([exe, "-c", "import platform; print(platform.python_version())"],
                                 capture_output=True, text=True, check=True).stdout.strip()
        venv = work / f"venv-{version}"
        print(f"Python {version}: a fresh virtual environment with {wheel.name}", file=sys.stderr)
        subprocess.run([exe, "-m", "venv", str(venv)], check=True)
        vpy = str(venv / "bin" / "python")
        subprocess.run([vpy, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)], check=True)
        fresh = work / f"cache-first-{version}"
        floor = Case("floor", [vpy, "-c", "import typer, rich.console"], cwd=neutral)
        first = Case("first command after install: `show no-crime-certificate`, empty cache folder",
                     [vpy, "-m", "hanban", "show", "no-crime-certificate"], 1.5, env=env_for(fresh, source=False),
                     cwd=neutral, before=lambda fresh=fresh: shutil.rmtree(fresh, ignore_errors=True))
        measure([first], {"floor": floor}, env_for(work / f"cache-{version}", source=False), runs)
        rows.append((f"Python {version}, the wheel in a fresh venv", first, floor))
    return rows


def big_rows(work: Path, args: argparse.Namespace, runs: int, only: set[str]) -> list[tuple[str, Case, Case]]:
    """The large overlay: the cold build against parsing its files once, an edit, warm commands."""
    rows: list[tuple[str, Case, Case]] = []
    overlay = work / "overlay"
    files = gen_catalog.generate(args.services, overlay)
    size = sum(p.stat().st_size for p in files) / 1e6
    big = f"{args.services:,}-service overlay"
    cache = work / "cache-big"
    env = env_for(cache)
    cat = ["--catalog", str(overlay)]

    if "cold" in only:
        yaml_once = Case(
            "parse every file once with yaml.CSafeLoader",
            [PY, "-c", "import sys, yaml\nfor f in sys.argv[1:]:\n    yaml.load(open(f, 'rb'), Loader=yaml.CSafeLoader)",
             *map(str, files)],
        )
        cold = Case("cold build + `show no-crime-certificate`", hanban(*cat, "show", "no-crime-certificate"), 1.1,
                    baseline="yaml", before=lambda: shutil.rmtree(cache, ignore_errors=True))
        print(f"{big}: {len(files)} files, {size:.0f} MB; {max(args.cold_runs, 1)} cold builds", file=sys.stderr)
        measure([cold], {"yaml": yaml_once}, env, max(args.cold_runs, 1))
        rows.append((f"{big}, cold", cold, yaml_once))
    if "warm" not in only:
        return rows

    edited = files[len(files) // 2]
    original = edited.read_text(encoding="utf-8")
    counter = iter(range(10**6))

    def edit_one_file() -> None:
        # A real content change (an English summary), so the file is re-read, re-validated and re-stored.
        n = next(counter)
        edited.write_text(original.replace(" in ", f" (rev {n}) in ", 1), encoding="utf-8")

    run(hanban(*cat, "list", "--cross-province"), env)  # warm after the cold runs (or built now)
    floor2 = Case("floor", FLOOR)
    warm = [
        Case("incremental: one file edited, then `show`", hanban(*cat, "show", "no-crime-certificate"), 2.0,
             before=edit_one_file),
        Case("`show no-crime-certificate`", hanban(*cat, "show", "no-crime-certificate"), 1.3, mem_goal=60),
        Case("`show 北京户口迁移第0项` (by name)", hanban(*cat, "show", "北京户口迁移第0项"), 1.3, mem_goal=60),
        Case("`search 身份证丢了`", hanban(*cat, "search", "身份证丢了"), 1.3, mem_goal=60),
        Case("`search hukou transfer beijing`", hanban(*cat, "search", "hukou", "transfer", "beijing"), 1.3, mem_goal=60),
        Case("`list --cross-province --json` (streams)", hanban(*cat, "list", "--cross-province", "--json")),
    ]
    prompt_floor2 = Case("floor with questionary", PROMPT_FLOOR)
    first_prompt = Case("`ask`: until the first question is on screen (pty)", hanban(*cat, "--lang", "en", "ask"), 1.5,
                        baseline="prompt_floor", runner=until_first_prompt)
    print(f"{big}, warm: {runs} interleaved rounds", file=sys.stderr)
    measure([*warm, first_prompt], {"floor": floor2, "prompt_floor": prompt_floor2}, env, runs)
    edited.write_text(original, encoding="utf-8")
    return rows + [(f"{big}, warm", c, floor2) for c in warm] + [(f"{big}, warm", first_prompt, prompt_floor2)]


def keystroke_rows(work: Path, args: argparse.Namespace) -> str:
    """Per keystroke, at both sizes in alternating rounds: the pickers' re-rank in process
    (`keystroke_bench.rerank`, a fresh process each round) and the time from a key written to a
    pseudo-terminal running `hanban ask` to the last byte of its redraw (`keystroke_bench.redraw_times`)."""
    import json

    overlay = work / "overlay"
    if not overlay.is_dir():
        gen_catalog.generate(args.services, overlay)
    sizes = {
        "shipped catalog": (env_for(work / "cache-shipped"), []),
        f"{args.services:,}-service overlay": (env_for(work / "cache-big"), ["--catalog", str(overlay)]),
    }
    for env, cat in sizes.values():
        run(hanban(*cat, "list", "--cross-province"), env)  # the index, compiled once
    got: dict[tuple[str, str], list[float]] = {}
    load = [os.getloadavg()[0]]
    script = str(HERE / "keystroke_bench.py")
    rounds = max(args.key_rounds, 1)
    for r in range(rounds):
        for scope, (env, cat) in sizes.items():
            out = subprocess.run([PY, script, "rerank", *cat], env=env, cwd=CWD, capture_output=True, text=True, check=True)
            for picker, times in json.loads(out.stdout).items():
                got.setdefault((scope, f"re-rank: {picker} picker, in process"), []).extend(times)
            redraw = keystroke_bench.redraw_times(hanban(*cat, "--lang", "en", "ask"), env, CWD)
            got.setdefault((scope, "keystroke to the last byte of the redraw (pty)"), []).extend(redraw)
            load.append(os.getloadavg()[0])
        print(f"  keystroke round {r + 1}/{rounds} done", file=sys.stderr)
    goals = {"re-rank: service picker, in process": (0.020, 0.040), "re-rank: province picker, in process": (0.020, 0.040),
             "keystroke to the last byte of the redraw (pty)": (0.030, None)}
    out_lines = [
        ("\n\nPer keystroke (every key of the typed phrases, all rounds together; "
        f"{rounds} rounds alternating the two sizes; load average {min(load):.1f}–{max(load):.1f} during them). "
        f"Typed: {', '.join(keystroke_bench.PHRASES)} (service picker); {', '.join(keystroke_bench.PROVINCES)} (province).\n"),
        "| catalog | what | keys | median | p95 | max | goal (median, p95) | met |",
        "|---|---|---:|---:|---:|---:|---:|:---:|",
    ]
    for (scope, what), times in got.items():
        med, p95 = statistics.median(times), statistics.quantiles(times, n=20)[18]
        g_med, g_p95 = goals[what]
        ok = med < g_med and (g_p95 is None or p95 < g_p95)
        goal = f"< {g_med * 1000:.0f} ms" + (f", < {g_p95 * 1000:.0f} ms" if g_p95 else "")
        out_lines.append(f"| {scope} | {what} | {len(times)} | {med * 1000:.1f} ms | {p95 * 1000:.1f} ms | "
                         f"{max(times) * 1000:.1f} ms | {goal} | {'yes' if ok else 'NO'} |")
    return "\n".join(out_lines)


def render(rows: list[tuple[str, Case, Case]], runs: int) -> str:
    bases = list({id(base): (scope, base) for scope, _, base in rows}.values())
    out = ["Baselines (median, fastest–slowest run):\n"]
    out += [f"- {scope.split(',')[0]}: {base.label} (`{_cmd(base.cmd)}`): {_t(base.median)}, "
            f"{_t(min(base.times))}–{_t(max(base.times))}" for scope, base in bases]
    out += [
        "",
        "| catalog | command | median | spread (min–max) | baseline | ratio | goal | peak memory | met |",
        "|---|---|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    for scope, c, base in rows:
        ratio = c.median / base.median
        peak = max(c.peaks)
        spread = f"{_t(min(c.times))}–{_t(max(c.times))}"
        peak_text = "-" if math.isnan(peak) else f"{peak:.0f} MiB"  # (nan: not measured)
        ok = []
        if c.goal is not None:
            ok.append(ratio <= c.goal)
        if c.mem_goal is not None:
            ok.append(peak <= c.mem_goal)
        goal = (f"<= {c.goal:.1f}x" if c.goal else "") + (f", < {c.mem_goal:.0f} MiB" if c.mem_goal else "")
        out.append(
            f"| {scope} | {c.label} | {_t(c.median)} | {spread} | {_t(base.median)} ({base.label}) "
            f"| {ratio:.2f}x | {goal or '-'} | {peak_text} | {('yes' if all(ok) else 'NO') if ok else '-'} |"
        )
    counts = sorted({len(c.times) for _, c, _ in rows})
    out.append(f"\nRuns per row: {' or '.join(map(str, counts))} ({runs} interleaved rounds for warm commands).")
    return "\n".join(out)


def _cmd(cmd: list[str]) -> str:
    if cmd[1] == "-c":
        return "python -c '...' FILES" if "\n" in cmd[2] else f'python -c "{cmd[2]}"'
    return " ".join(["python", *cmd[1:]])


def _t(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


if __name__ == "__main__":
    main()
