#!/usr/bin/env python3
"""Regenerate the differential corpus's expectations from CPython 3.11.

    scripts/regen_expected.py                 every suite
    scripts/regen_expected.py ast errors      whole suites
    scripts/regen_expected.py tests/ast/x.py  single files
    scripts/regen_expected.py --check [...]   write nothing; list stale files

The corpus is tests/<suite>/<name>.py; each has tests/<suite>/<name>.expected
(format: scripts/expected_file.py) holding what CPython does with it:

    suite    krait runs                     CPython's side
    ast      krait --dump-ast FILE          scripts/oracle_ast.py FILE
    tokens   krait --dump-tokens FILE       python3 -m tokenize -e FILE
    errors   krait FILE                     python3 FILE

Invariants: every command runs from the repository root with FILE given as
`tests/<suite>/<name>.py`, in an environment without PYTHON* variables, so the
expectation depends on nothing but the file and CPython 3.11. The checkout's
absolute path (which `python3 FILE` prints in a traceback) is stored as
`<ROOT>`. The table above must match SUITES in crates/krait/tests/corpus.rs.
"""

from __future__ import annotations

import os
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
SUITES = ("ast", "tokens", "errors")
TIMEOUT = 60


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}


def run_cpython(suite: str, rel: str) -> Result:
    """What CPython 3.11 does with tests/<suite>/<name>.py (cwd = ROOT)."""
    if suite == "ast":
        return oracle_ast.dump_ast_file(rel)
    if suite == "tokens":
        argv = [sys.executable, "-m", "tokenize", "-e", rel]
    elif suite == "errors":
        argv = [sys.executable, rel]
    else:
        raise ValueError(f"unknown suite {suite!r}")
    p = subprocess.run(argv, cwd=ROOT, env=clean_env(), stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=TIMEOUT)
    return Result(p.returncode, p.stdout, p.stderr)


def expectation(suite: str, py: Path) -> bytes:
    rel = py.relative_to(ROOT).as_posix()
    r = run_cpython(suite, rel)
    # os.getcwd() is the physical path CPython joined with FILE.
    root = os.getcwd()
    r = Result(r.exit, hide_root(r.stdout, root), hide_root(r.stderr, root))
    if suite == "errors" and r.exit == 0:
        print(f"warning: {rel}: CPython ran it without a syntax error",
              file=sys.stderr)
    return encode(r)


def select(args: list[str]) -> list[tuple[str, Path]]:
    if not args:
        args = list(SUITES)
    picked = []
    for a in args:
        if a in SUITES:
            picked += [(a, p) for p in sorted((TESTS / a).glob("*.py"))]
            continue
        p = Path(a).resolve()
        if p.suffix != ".py" or not p.is_file() or p.parent.parent != TESTS \
                or p.parent.name not in SUITES:
            sys.exit(f"regen_expected.py: {a}: not a suite name "
                     f"({', '.join(SUITES)}) nor a file tests/<suite>/<name>.py")
        picked.append((p.parent.name, p))
    return picked


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    os.chdir(ROOT)
    written = stale = 0
    for suite, py in select(args):
        new = expectation(suite, py)
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
        for exp in sorted((TESTS / suite).glob("*.expected")):
            if not exp.with_suffix(".py").exists():
                print(f"warning: {exp.relative_to(ROOT)} has no .py", file=sys.stderr)
    if check:
        print(f"{stale} stale")
        return 1 if stale else 0
    print(f"{written} written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
