#!/usr/bin/env python3
"""Write CPython 3.11's repr, hash and comparison results for literal
containers (tuples, lists, dicts of ints, floats, strs and None/True/False),
for krait-vm's container tests.

    python3 scripts/gen_vm_containers.py   # rewrites crates/krait-vm/src/builtins/containers_fixtures.txt

Lines: `repr<TAB>expr<TAB>result`, `hash<TAB>expr<TAB>result`,
`cmp<TAB>a<TAB>op<TAB>b<TAB>result` (result is repr() of the outcome or
`ExceptionName: message`). str hashes are randomized per process, so hashed
expressions hold no strs (nor None, whose 3.11 hash is its address).
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "krait-vm", "src", "builtins", "containers_fixtures.txt")

EXPRS = [
    "()", "(1,)", "(1, 2)", "(1, 2.5, 'a')", "((1, 2), (3,))", "(None, True, False)", "(-1, -2)",
    "[]", "[1]", "[1, [2, [3, []]]]", "['a', \"b'c\", 'd\"e']", "[(1,), [2], {3: 4}]",
    "{}", "{1: 2}", "{'a': [1, 2], 'b': (3,)}", "{1: 1, True: 2, 1.0: 3}", "{(1, 2): None}",
    "(0.1, -0.0, 1e16, float('inf'))", "[2**100, -2**100]",
]
HASHED = ["()", "(1,)", "(1, 2)", "(-1,)", "(-1, -2)", "((1, 2), (3,))", "(True, False)",
          "(1.5, 2.0)", "(2**100,)", "(0.0, -0.0)", "((),)", "(1, (2, (3, (4,))))"]
CMP = [("(1, 2)", "(1, 3)"), ("(1, 2)", "(1, 2)"), ("(1, 2)", "(1, 2, 0)"), ("()", "()"),
       ("[1, 2]", "[1, 2.0]"), ("[1, 'a']", "[1, 2]"), ("[3]", "[1, 9]"), ("{1: 2}", "{1: 2.0}"),
       ("{1: 2}", "{1: 3}"), ("{1: 2}", "{2: 2}"), ("{}", "{}"), ("(1,)", "[1]"), ("{1: 2}", "{1: 2, 3: 4}")]
OPS = ["<", "<=", "==", "!=", ">", ">="]


def outcome(f):
    try:
        return repr(f())
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("gen_vm_containers.py must run under CPython 3.11 (the oracle)")
    lines = []
    for e in EXPRS:
        lines.append(f"repr\t{e}\t{outcome(lambda: eval(e))}")
    for e in HASHED:
        lines.append(f"hash\t{e}\t{outcome(lambda: hash(eval(e)))}")
    for a, b in CMP:
        for op in OPS:
            lines.append(f"cmp\t{a}\t{op}\t{b}\t{outcome(lambda: eval(f'({a}) {op} ({b})'))}")
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} cases to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
