#!/usr/bin/env python3
"""The program benchmark: every benches/programs/*.py under CPython and
under Krait in the same run, outputs compared, times tabulated.

    python3 benches/run.py [--krait PATH] [--no-build] [--only NAME]...
                           [--repeat N] [--size-factor F] [--cpython-only]

Each program is run as a whole process (`python3 PROG [SIZE]` and
`krait PROG [SIZE]`), N times each (default 3), the two interpreters
alternating so that a change in machine load hits both alike; the best wall
time counts, measured with time.perf_counter from starting the process to
its exit (start-up included). Repetition i runs with PYTHONHASHSEED=i under
both (and no other PYTHON* variable), and every CPython run must print the
same output (the programs print nothing that depends on hashing); Krait's
output and exit status must equal CPython's.

Krait statuses: ok; wrong output (exit 0, stdout differs); error (a
non-zero exit, e.g. an uncaught Python exception); crash (killed by a
signal, or Rust's panic status 101); timeout; cannot run (Krait said it
cannot execute programs yet, as `krait FILE` does before the VM exists).
After the first Krait run that is not ok the remaining repetitions of that
program are skipped. The table ends with the geometric mean of the
Krait/CPython time ratios over the programs Krait ran correctly.

Sizes: each program's default size is its DEFAULT_SIZE line; --size-factor
scales it (work is linear in the size for every program) and passes it as
the program's argv[1]. At factor 1 no argument is passed.

The Krait binary is `cargo build --release -p krait` built first, then
found in cargo's target directory, unless --no-build or --krait is given.
Exit status: 0, or 1 when a CPython run failed or was not deterministic, or
Krait gave wrong output or crashed.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PROGRAMS = HERE / "programs"

# Rust's exit status after a panic; a Krait panic is a crash, not an error.
RUST_PANIC_STATUS = 101
# What `krait FILE` says while it cannot execute programs.
NOT_BUILT_MARK = "not built yet"


@dataclass
class Run:
    seconds: float
    returncode: int | None      # None: timed out
    stdout: str
    stderr: str


@dataclass
class Row:
    name: str
    cpython: float | None = None
    krait: float | None = None
    status: str = ""
    detail: str = ""

    @property
    def ratio(self) -> float | None:
        if self.status != "ok" or not self.cpython or self.krait is None:
            return None
        return self.krait / self.cpython


def default_size(path: Path) -> int:
    match = re.search(r"^DEFAULT_SIZE = (\d+)$", path.read_text(encoding="utf-8"), re.M)
    if match is None:
        sys.exit(f"run.py: {path.name} has no 'DEFAULT_SIZE = N' line")
    return int(match.group(1))


def select_programs(only: list[str]) -> list[Path]:
    every = sorted(PROGRAMS.glob("*.py"))
    if not only:
        return every
    by_name = {p.stem: p for p in every}
    wanted = [n.removesuffix(".py") for item in only for n in item.split(",") if n]
    unknown = [n for n in wanted if n not in by_name]
    if unknown:
        sys.exit(f"run.py: no program {', '.join(unknown)}; "
                 f"the programs are: {', '.join(by_name)}")
    return [by_name[n] for n in dict.fromkeys(wanted)]


def run_once(cmd: list[str], seed: int, timeout: float) -> Run:
    # The caller's PYTHON* variables (PYTHONPATH, PYTHONOPTIMIZE, ...) would
    # change what one side runs; the hash seed is the only one set.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = str(seed)
    start = time.perf_counter()
    try:
        # Its own session, so that a timeout kills whatever it started too.
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env, start_new_session=True)
    except OSError as e:
        return Run(0.0, 127, "", f"cannot start {cmd[0]}: {e}")
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        seconds = time.perf_counter() - start
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
        return Run(seconds, None, text_of(out), text_of(err))
    seconds = time.perf_counter() - start
    return Run(seconds, p.returncode, text_of(out), text_of(err))


def text_of(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", "backslashreplace")


def last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def first_difference(expected: str, got: str) -> str:
    want, have = expected.splitlines(), got.splitlines()
    for i, (a, b) in enumerate(zip(want, have)):
        if a != b:
            return f"line {i + 1}: expected {a!r}, got {b!r}"
    return f"expected {len(want)} lines, got {len(have)}"


def krait_status(run: Run, expected: Run) -> tuple[str, str]:
    """(status, detail) of one Krait run against CPython's."""
    if run.returncode is None:
        return "timeout", f"still running after {run.seconds:.0f} s"
    code = run.returncode
    if code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        return "crash", " ".join(filter(None, [f"killed by {name}", last_line(run.stderr)]))
    if code == RUST_PANIC_STATUS:
        return "crash", f"panic (exit {code}): {last_line(run.stderr)}"
    if code != expected.returncode:
        if code == 2 and NOT_BUILT_MARK in run.stderr:
            return "cannot run", last_line(run.stderr)
        return "error", f"exit {code}: {last_line(run.stderr)}"
    if run.stdout != expected.stdout:
        return "wrong output", first_difference(expected.stdout, run.stdout)
    return "ok", ""


def bench_program(path: Path, size_args: list[str], krait: Path | None,
                  repeat: int, timeout: float, python: str) -> Row:
    row = Row(path.stem)
    reference: Run | None = None
    krait_live = krait is not None
    best_c = best_k = math.inf
    for i in range(repeat):
        seed = i + 1
        c = run_once([python, str(path)] + size_args, seed, timeout)
        if c.returncode != 0:
            row.status = "cpython failed"
            row.detail = ("timed out" if c.returncode is None
                          else f"exit {c.returncode}: {last_line(c.stderr)}")
            return row
        if reference is None:
            reference = c
        elif c.stdout != reference.stdout:
            row.status = "cpython nondeterministic"
            row.detail = (f"PYTHONHASHSEED=1 vs {seed}: "
                          + first_difference(reference.stdout, c.stdout))
            return row
        best_c = min(best_c, c.seconds)
        if krait_live:
            k = run_once([str(krait), str(path)] + size_args, seed, timeout)
            status, detail = krait_status(k, reference)
            detail = detail.replace(str(path), "PROG")
            if status == "ok":
                best_k = min(best_k, k.seconds)
            else:
                # The first failure decides; later repetitions would repeat it.
                row.status, row.detail = status, detail
                if status == "wrong output":
                    best_k = min(best_k, k.seconds)
                krait_live = False
    row.cpython = best_c
    if krait is None:
        row.status = "cpython only"
    elif not row.status:
        row.status = "ok"
    row.krait = best_k if best_k < math.inf else None
    return row


def cargo_target_dir() -> Path:
    """Cargo's target directory for this workspace (honours CARGO_TARGET_DIR
    and .cargo/config.toml); ROOT/target when cargo cannot say."""
    try:
        p = subprocess.run(["cargo", "metadata", "--no-deps", "--format-version", "1"],
                           cwd=ROOT, capture_output=True, text=True, check=True)
        return Path(json.loads(p.stdout)["target_directory"])
    except (OSError, subprocess.CalledProcessError, ValueError, KeyError):
        env = os.environ.get("CARGO_TARGET_DIR")
        return Path(env).resolve() if env else ROOT / "target"


def find_krait(args: argparse.Namespace) -> Path | None:
    if args.cpython_only:
        return None
    if args.krait:
        krait = Path(args.krait)
    else:
        if not args.no_build:
            print("building: cargo build --release -p krait", flush=True)
            subprocess.run(["cargo", "build", "--release", "-p", "krait"], cwd=ROOT, check=True)
        krait = cargo_target_dir() / "release" / "krait"
    if not krait.is_file():
        sys.exit(f"run.py: no krait binary at {krait} (build it, or pass --krait PATH "
                 f"or --cpython-only)")
    return krait.resolve()


def python_version(python: str) -> str:
    try:
        p = subprocess.run([python, "-c", "import sys; print(sys.version.split()[0])"],
                           capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        sys.exit(f"run.py: cannot run {python}: {e}")
    return p.stdout.strip()


def seconds_cell(value: float | None) -> str:
    return f"{value:9.3f}" if value is not None else f"{'-':>9}"


def geometric_mean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values))


HEADER = f"{'program':<16} {'CPython s':>9} {'Krait s':>9} {'ratio':>7}  status"


def format_row(row: Row) -> str:
    ratio = f"{row.ratio:7.2f}" if row.ratio is not None else f"{'-':>7}"
    return (f"{row.name:<16} {seconds_cell(row.cpython)} {seconds_cell(row.krait)} "
            f"{ratio}  {row.status}")


def print_details(rows: list[Row]) -> None:
    """Why each program is not ok; programs failing the same way (today:
    every program, with `krait FILE` not running programs) share a line."""
    groups: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        if row.detail:
            groups.setdefault((row.status, row.detail), []).append(row.name)
    if not groups:
        return
    print()
    for (status, detail), names in groups.items():
        who = "every program" if len(names) == len(rows) > 1 else ", ".join(names)
        print(f"{who}: {status}: {detail}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--krait", help="the krait binary (default: cargo's "
                    "target/release/krait, built first unless --no-build)")
    ap.add_argument("--no-build", action="store_true",
                    help="use the existing release binary without building")
    ap.add_argument("--cpython-only", action="store_true",
                    help="time CPython alone (no build, no Krait column)")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="run only this program (repeatable, or comma-separated)")
    ap.add_argument("--repeat", type=int, default=3, metavar="N",
                    help="runs per program and interpreter; the best counts (default 3)")
    ap.add_argument("--size-factor", type=float, default=1.0, metavar="F",
                    help="scale every program's default size by F (default 1)")
    ap.add_argument("--timeout", type=float, default=300.0, metavar="S",
                    help="seconds before one run is killed (default 300)")
    ap.add_argument("--python", default="python3",
                    help="the CPython to compare with (default: python3)")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if not args.size_factor > 0:
        ap.error("--size-factor must be positive")

    programs = select_programs(args.only)
    version = python_version(args.python)
    if not version.startswith("3.11."):
        print(f"warning: {args.python} is CPython {version or '?'}, not 3.11", flush=True)
    krait = find_krait(args)
    print(f"CPython: {args.python} {version}")
    print(f"Krait:   {krait if krait else '(not run: --cpython-only)'}")
    print(f"repeat {args.repeat} (best counts), size factor {args.size_factor:g}, "
          f"{len(programs)} programs")
    print()
    print(HEADER)
    print("-" * len(HEADER), flush=True)

    rows = []
    for path in programs:
        size_args = []
        if args.size_factor != 1.0:
            size_args = [str(max(1, round(default_size(path) * args.size_factor)))]
        row = bench_program(path, size_args, krait, args.repeat, args.timeout, args.python)
        rows.append(row)
        print(format_row(row), flush=True)

    print_details(rows)
    print()
    ratios = [row.ratio for row in rows if row.ratio is not None]
    if krait is None:
        print(f"CPython total (best runs): {sum(r.cpython or 0.0 for r in rows):.2f} s")
    elif ratios:
        mean = geometric_mean(ratios)
        print(f"geometric mean of Krait/CPython over {len(ratios)} of {len(rows)} programs: "
              f"{mean:.3f} (Krait is {1 / mean:.2f}x CPython's speed)")
    else:
        print("geometric mean: no program ran under Krait")

    bad = {"cpython failed", "cpython nondeterministic", "wrong output", "crash"}
    return 1 if any(row.status in bad for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
