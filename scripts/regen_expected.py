#!/usr/bin/env python3
"""Regenerate the differential corpus's expectations from CPython 3.11.

    scripts/regen_expected.py                 every suite
    scripts/regen_expected.py ast errors      whole suites
    scripts/regen_expected.py tests/ast/x.py  single files
    scripts/regen_expected.py tests/run/gen   a feature folder of a nested suite
    scripts/regen_expected.py --check [...]   write nothing; list stale files

The corpus is tests/<suite>/<name>.py, or tests/<suite>/<feature>/<name>.py
for a nested suite (`run`); each has a `.expected` beside it (format:
scripts/expected_file.py) holding what CPython does with it:

    suite    krait runs                     CPython's side
    ast      krait --dump-ast FILE          scripts/oracle_ast.py FILE
    tokens   krait --dump-tokens FILE       python3 -m tokenize -e FILE
    errors   krait FILE                     python3 FILE
    run      krait FILE                     python3 FILE   (nested by feature)
    cli      krait -c TEXT a1 a2            python3 -c TEXT a1 a2  (TEXT: FILE's text)

Invariants: every command runs from the repository root with FILE given as
`tests/<suite>/<name>.py` (or `tests/<suite>/<feature>/<name>.py`), in an
environment without PYTHON* variables, so the expectation depends on nothing
but the file and CPython 3.11. The checkout's absolute path (which
`python3 FILE` prints in a traceback) is stored as `<ROOT>`. A `run` program
must be deterministic: it is run a second time with another hash seed and
refused if anything differs (set order of strings, addresses in reprs). The
table above must match SUITES in crates/krait/tests/corpus.rs.
"""

from __future__ import annotations

import os
import tempfile
import subprocess
import sys
from pathlib import Path

if sys.version_info[:2] != (3, 11):
    sys.exit(f"regen_expected.py: the oracle is CPython 3.11; this is "
             f"{sys.version.split()[0]} ({sys.executable})")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_ast  # noqa: E402
from expected_file import Result, encode, hide_root  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
SUITES = ("ast", "tokens", "errors", "run", "cli")
# The arguments after `-c TEXT` in the cli suite.
CLI_ARGS = ["a1", "a2"]
# Suites whose programs sit one folder deeper, tests/<suite>/<feature>/<name>.py.
NESTED = ("run",)
TIMEOUT = 60


class Nondeterministic(Exception):
    """A `run` program whose output changed between two runs."""


# Where CPython writes the bytecode of modules a test imports, so none lands
# in tests/ (`-B` would do that too, but shows in sys.flags).
PYCACHE = os.path.join(tempfile.gettempdir(), "krait-regen-pycache")


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPYCACHEPREFIX"] = PYCACHE
    return env


def run_cpython(suite: str, rel: str, env: dict[str, str] | None = None) -> Result:
    """What CPython 3.11 does with the test file `rel` (cwd = ROOT)."""
    if suite == "ast":
        return oracle_ast.dump_ast_file(rel)
    if suite == "tokens":
        argv = [sys.executable, "-m", "tokenize", "-e", rel]
    elif suite in ("errors", "run"):
        argv = [sys.executable, rel]
    elif suite == "cli":
        text = (ROOT / rel).read_text(encoding="utf-8")
        argv = [sys.executable, "-c", text, *CLI_ARGS]
    else:
        raise ValueError(f"unknown suite {suite!r}")
    p = subprocess.run(argv, cwd=ROOT, env=env or clean_env(), stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=TIMEOUT)
    return Result(p.returncode, p.stdout, p.stderr)


def expectation(suite: str, py: Path) -> bytes:
    rel = py.relative_to(ROOT).as_posix()
    r = run_cpython(suite, rel)
    if suite in ("run", "cli"):
        # Same program, another hash seed (and another address layout): a
        # difference means the output depends on hash order or addresses.
        again = run_cpython(suite, rel, {**clean_env(), "PYTHONHASHSEED": "12345"})
        if again != r:
            raise Nondeterministic(rel)
    # os.getcwd() is the physical path CPython joined with FILE.
    root = os.getcwd()
    r = Result(r.exit, hide_root(r.stdout, root), hide_root(r.stderr, root))
    if suite == "errors" and r.exit == 0:
        print(f"warning: {rel}: CPython ran it without a syntax error",
              file=sys.stderr)
    return encode(r)


def suite_files(suite: str, suffix: str = ".py") -> list[Path]:
    """A suite's test files (or their .expected), sorted."""
    pattern = f"*/*{suffix}" if suite in NESTED else f"*{suffix}"
    return sorted((TESTS / suite).glob(pattern))


def suite_of(p: Path) -> str | None:
    """The suite a test file belongs to, or None if it is not one."""
    if p.suffix != ".py" or not p.is_file():
        return None
    if p.parent.parent == TESTS and p.parent.name in SUITES and p.parent.name not in NESTED:
        return p.parent.name
    if p.parent.parent.parent == TESTS and p.parent.parent.name in NESTED:
        return p.parent.parent.name
    return None


def select(args: list[str]) -> list[tuple[str, Path]]:
    if not args:
        args = list(SUITES)
    picked = []
    for a in args:
        if a in SUITES:
            picked += [(a, p) for p in suite_files(a)]
            continue
        p = Path(a).resolve()
        if p.is_dir() and p.parent.parent == TESTS and p.parent.name in NESTED:
            picked += [(p.parent.name, f) for f in sorted(p.glob("*.py"))]
            continue
        suite = suite_of(p)
        if suite is None:
            sys.exit(f"regen_expected.py: {a}: not a suite name "
                     f"({', '.join(SUITES)}), a file tests/<suite>/<name>.py "
                     f"or tests/<suite>/<feature>/<name>.py, nor a feature folder "
                     f"of {', '.join(NESTED)}")
        picked.append((suite, p))
    return picked


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    os.chdir(ROOT)
    written = stale = refused = 0
    for suite, py in select(args):
        try:
            new = expectation(suite, py)
        except Nondeterministic as e:
            refused += 1
            print(f"error: {e}: output differs between two runs of CPython "
                  f"(hash order? an address?); not written", file=sys.stderr)
            continue
        path = py.with_suffix(".expected")
        old = path.read_bytes() if path.exists() else None
        if old == new:
            continue
        stale += 1
        rel = path.relative_to(ROOT)
        if check:
            print(f"stale: {rel}")
        else:
            path.write_bytes(new)
            written += 1
            print(f"wrote {rel}")
    for suite in SUITES:
        for exp in suite_files(suite, ".expected"):
            if not exp.with_suffix(".py").exists():
                print(f"warning: {exp.relative_to(ROOT)} has no .py", file=sys.stderr)
    if refused:
        print(f"{refused} nondeterministic", file=sys.stderr)
    if check:
        print(f"{stale} stale")
        return 1 if stale or refused else 0
    print(f"{written} written")
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
