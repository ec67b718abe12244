#!/usr/bin/env python3
"""CPython's side of Krait's symbol-table test: a canonical dump of
`symtable.symtable(src, FILE, 'exec')`.

    symtable_oracle.py FILE          print the dump of FILE
    symtable_oracle.py --regen [F]   rewrite crates/krait-compiler/tests/symtable/
                                     <name>.expected for every <name>.py there
                                     (or only the files F)
    symtable_oracle.py --check       write nothing; list stale expectations

The dump (crates/krait-compiler/src/symtable/dump.rs prints the same for
Krait's table):

    <type> <name> line <lineno> nested=<bool>
      varnames: <ste.varnames, in order>
      params: <get_parameters(), in order>            (functions only)
      locals: ... globals: ... frees: ... nonlocals:  (functions only, sorted)
      sym <name> <SCOPE> 0x<flags> <true predicates>  (every symbol, sorted)
      <children, indented two more spaces, in ste.children order>

    code objects:
      code <co_name> <co_flags> cells: <co_cellvars> frees: <co_freevars>

The last section lists every code object of `compile(src, FILE, 'exec',
dont_inherit=True)` (sorted), checking what the table decides for the code
generator: co_flags (generator, coroutine, varargs, nested, ... and the
__future__ bits) and the cell and free variables. Krait lists every block;
the comparison (`same`) asks that each of CPython's lines be one of
Krait's, since the compiler drops some blocks (dead code, annotations it
does not evaluate). When the compiler raises an error the symbol table
does not, the section is one line, `code objects: not compiled (<error>)`,
and the comparison stops there.

where <flags> are the DEF_*/USE bits of `ste.symbols[name]` (scope bits
removed), <SCOPE> the scope CPython stored, and the predicates the
`symtable.Symbol` methods that return True, among: local global
declared_global free parameter imported referenced assigned annotated
nonlocal. An error is one line: `SyntaxError: msg (line L, offset O, end
line EL, end offset EO)` with the attributes as the exception holds them,
or `RecursionError: msg` (any other exception: `Class: msg`).

Invariants: the source is passed as bytes (its coding declaration is
honoured, as when CPython imports it); the recursion budget is that of a
call from a script's module level, wherever this runs from; the output is
a function of the file and CPython 3.11 alone (no ids, no set order).
"""

from __future__ import annotations

import _symtable
import os
import subprocess
import sys
import symtable
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "crates" / "krait-compiler" / "tests" / "symtable"

SCOPES = {
    _symtable.LOCAL: "LOCAL",
    _symtable.GLOBAL_EXPLICIT: "GLOBAL_EXPLICIT",
    _symtable.GLOBAL_IMPLICIT: "GLOBAL_IMPLICIT",
    _symtable.FREE: "FREE",
    _symtable.CELL: "CELL",
}
PREDICATES = ("local", "global", "declared_global", "free", "parameter",
              "imported", "referenced", "assigned", "annotated", "nonlocal")
FLAG_MASK = (1 << _symtable.SCOPE_OFF) - 1
# Frames on the stack when a script's module level calls compile(): <module>.
_MODULE_LEVEL_FRAMES = 1


def _frame_depth() -> int:
    depth, f = 0, sys._getframe(1)
    while f is not None:
        depth += 1
        f = f.f_back
    return depth


def build(src: bytes, filename: str) -> symtable.SymbolTable:
    """symtable.symtable, with the recursion budget of a module-level call."""
    # symtable.symtable adds one frame; CPython's budget is 3 per frame.
    extra = _frame_depth() + 1 - _MODULE_LEVEL_FRAMES
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(old + extra)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return symtable.symtable(src, filename, "exec")
    finally:
        sys.setrecursionlimit(old)


def error_line(e: BaseException) -> str:
    name = type(e).__name__
    if isinstance(e, SyntaxError):
        return (f"{name}: {e.msg} (line {e.lineno}, offset {e.offset}, "
                f"end line {e.end_lineno}, end offset {e.end_offset})")
    msg = str(e)
    return f"{name}: {msg}" if msg else name


def names(items) -> str:
    return " ".join(items)


def dump_table(t: symtable.SymbolTable, indent: str, out: list[str]) -> None:
    raw = t._table
    out.append(f"{indent}{t.get_type()} {t.get_name()} line {t.get_lineno()} "
               f"nested={t.is_nested()}")
    inner = indent + "  "
    out.append(f"{inner}varnames: {names(raw.varnames)}")
    if isinstance(t, symtable.Function):
        out.append(f"{inner}params: {names(t.get_parameters())}")
        out.append(f"{inner}locals: {names(sorted(t.get_locals()))}")
        out.append(f"{inner}globals: {names(sorted(t.get_globals()))}")
        out.append(f"{inner}frees: {names(sorted(t.get_frees()))}")
        out.append(f"{inner}nonlocals: {names(sorted(t.get_nonlocals()))}")
    for name in sorted(raw.symbols):
        value = raw.symbols[name]
        scope = SCOPES.get(value >> _symtable.SCOPE_OFF, str(value >> _symtable.SCOPE_OFF))
        sym = t.lookup(name)
        true = [p for p in PREDICATES if getattr(sym, "is_" + p)()]
        out.append(f"{inner}sym {name} {scope} {value & FLAG_MASK:#x} {' '.join(true)}".rstrip())
    for child in t.get_children():
        dump_table(child, inner, out)


NOT_COMPILED = "code objects: not compiled"


def code_lines(src: bytes, filename: str) -> list[str]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = compile(src, filename, "exec", dont_inherit=True)
    except (SyntaxError, RecursionError, MemoryError, ValueError) as e:
        return [f"{NOT_COMPILED} ({error_line(e)})"]
    lines = []
    stack = [code]
    while stack:
        co = stack.pop()
        lines.append(f"  code {co.co_name} {co.co_flags:#x} cells: {names(co.co_cellvars)} "
                     f"frees: {names(co.co_freevars)}".rstrip())
        stack.extend(c for c in co.co_consts if hasattr(c, "co_code"))
    return ["code objects:"] + sorted(lines)


def dump_source(src: bytes, filename: str) -> str:
    try:
        top = build(src, filename)
    except (SyntaxError, RecursionError, MemoryError, ValueError) as e:
        return error_line(e) + "\n"
    out: list[str] = []
    dump_table(top, "", out)
    out.extend(code_lines(src, filename))
    return "\n".join(out) + "\n"


def same(want: str, got: str) -> bool:
    """Whether Krait's dump `got` matches the oracle's `want`.

    The tables must be equal. Each code object CPython compiled must be one
    of Krait's blocks (a multiset inclusion: the compiler drops blocks the
    table has, as functions after a `return` or lambdas in a function's
    variable annotations, and when it raised an error there is no code
    section at all)."""
    w_at, g_at = want.find("code objects:"), got.find("code objects:")
    if w_at < 0 or g_at < 0:
        return want == got
    if want[:w_at] != got[:g_at]:
        return False
    if want.startswith(NOT_COMPILED, w_at):
        return True
    have: dict[str, int] = {}
    for line in got[g_at:].splitlines()[1:]:
        have[line] = have.get(line, 0) + 1
    for line in want[w_at:].splitlines()[1:]:
        if not have.get(line):
            return False
        have[line] -= 1
    return True


def dump_file(path: str | Path) -> str:
    with open(path, "rb") as f:
        return dump_source(f.read(), str(path))


def dump_in_fresh_process(py: Path) -> str:
    """The dump, from a new interpreter: CPython 3.11's recursion budget
    drifts over many compilations in one process (seen near the limit), so
    an expectation must not depend on which files came before it."""
    rel = py.relative_to(ROOT).as_posix() if py.is_relative_to(ROOT) else str(py)
    p = subprocess.run([sys.executable, __file__, rel], cwd=ROOT, capture_output=True,
                       check=True, env={k: v for k, v in os.environ.items()
                                        if not k.startswith("PYTHON")})
    return p.stdout.decode("utf-8")


def _expectations(files: list[str]) -> list[Path]:
    if files:
        return [Path(f).resolve() for f in files]
    return sorted(CASES.glob("*.py"))


def _regen(files: list[str], check: bool) -> int:
    stale = 0
    for py in _expectations(files):
        want = dump_in_fresh_process(py)
        exp = py.with_suffix(".expected")
        have = exp.read_text(encoding="utf-8") if exp.exists() else None
        if have == want:
            continue
        stale += 1
        if check:
            print(f"stale: {exp}")
        else:
            exp.write_text(want, encoding="utf-8")
            print(f"wrote {exp.relative_to(ROOT)}")
    return 1 if check and stale else 0


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("--regen", "--check"):
        return _regen(argv[1:], argv[0] == "--check")
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    sys.stdout.write(dump_file(argv[0]))
    return 0


if __name__ == "__main__":
    if sys.version_info[:2] != (3, 11):
        sys.exit("symtable_oracle.py: the oracle is CPython 3.11")
    sys.exit(main(sys.argv[1:]))
