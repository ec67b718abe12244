#!/usr/bin/env python3
"""CPython 3.11's code objects for a source file, in the canonical text form
krait-compiler's codegen test compares with (`--regen` rewrites every
crates/krait-compiler/tests/codegen/*.expected).

    python3 scripts/codegen_oracle.py FILE.py     # print the dump
    python3 scripts/codegen_oracle.py --regen

The dump, per code object (depth-first, in co_consts order):
    code <co_qualname> argcount=N posonly=N kwonly=N flags=0xNN stacksize=N
    consts: <repr, with nested code objects as <code NAME>> ...
    names: ...
    varnames: ... / cellvars: ... / freevars: ...
    <OPNAME> <arg>      (jump args as the target's instruction index, @K)
Caches and EXTENDED_ARG are left out (the assembler's own test covers them).
A case whose first line contains `[positions]` also shows each instruction's
co_positions() entry: `  (line:col-end_line:end_col)`, `-` for None (but
not RESUME's, which Krait leaves unlocated).
"""
import dis
import glob
import os
import sys
import types

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "crates", "krait-compiler", "tests", "codegen")


def const_repr(c):
    if isinstance(c, types.CodeType):
        return f"<code {c.co_name}>"
    if isinstance(c, tuple):
        return "(" + ", ".join(const_repr(x) for x in c) + ("," if len(c) == 1 else "") + ")"
    if isinstance(c, frozenset):
        return "frozenset({" + ", ".join(sorted(const_repr(x) for x in c)) + "})"
    return repr(c)


def position(i):
    p = i.positions
    f = lambda x: "-" if x is None else str(x)
    return f"  ({f(p.lineno)}:{f(p.col_offset)}-{f(p.end_lineno)}:{f(p.end_col_offset)})"


def dump(co, out, positions=False):
    out.append(f"code {co.co_qualname} argcount={co.co_argcount} posonly={co.co_posonlyargcount} "
               f"kwonly={co.co_kwonlyargcount} flags={co.co_flags:#x} stacksize={co.co_stacksize}")
    out.append("consts: " + " | ".join(const_repr(c) for c in co.co_consts))
    out.append("names: " + " ".join(co.co_names))
    out.append("varnames: " + " ".join(co.co_varnames))
    out.append("cellvars: " + " ".join(co.co_cellvars))
    out.append("freevars: " + " ".join(co.co_freevars))
    instrs = [i for i in dis.get_instructions(co) if i.opname != "EXTENDED_ARG"]
    index_of = {i.offset: k for k, i in enumerate(instrs)}
    for i in instrs:
        if i.opcode in dis.hasjrel:
            line = f"{i.opname} @{index_of[i.argval]}"
        elif i.arg is None:
            line = i.opname
        else:
            line = f"{i.opname} {i.arg}"
        out.append(line + position(i) if positions and i.opname != "RESUME" else line)
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            dump(c, out, positions)


def dump_file(path):
    src = open(path, "rb").read()
    co = compile(src, os.path.basename(path), "exec", dont_inherit=True)
    out = []
    dump(co, out, b"[positions]" in src.split(b"\n", 1)[0])
    return "\n".join(out) + "\n"


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("codegen_oracle.py must run under CPython 3.11 (the oracle)")
    if sys.argv[1:] == ["--regen"]:
        n = 0
        for path in sorted(glob.glob(os.path.join(CASES, "*.py"))):
            with open(path[:-3] + ".expected", "w") as f:
                f.write(dump_file(path))
            n += 1
        print(f"wrote {n} expectations")
    else:
        for path in sys.argv[1:]:
            sys.stdout.write(dump_file(path))


if __name__ == "__main__":
    main()
