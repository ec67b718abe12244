#!/usr/bin/env python3
"""Write CPython 3.11-compiled instruction streams for krait-compiler's
assembler test: reassembling them must give CPython's exact code units,
exception table and co_stacksize.

    python3 scripts/gen_assembler_fixture.py   # rewrites crates/krait-compiler/src/assemble/fixture.txt

Per function: `code NAME STACKSIZE`, then one line per instruction
`OPNAME ARG|@TARGET_INDEX HANDLER` (HANDLER is `-` or
`TARGET_INDEX:DEPTH:LASTI`), then `units HEX...`, one `table START END TARGET DEPTH LASTI` line per
exception table entry (in code units), and `end`. Positions are not
checked here.
"""
import dis
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "krait-compiler", "src", "assemble", "fixture.txt")

SOURCES = {
    "simple": "def f(x):\n    return x + 1\n",
    "branches": "def f(a, b):\n    if a and b or not a:\n        a = b if b else -a\n    elif a is None:\n        return 1\n    return a\n",
    "loops": "def f(n):\n    t = 0\n    for i in range(n):\n        while t < i:\n            t += 2\n            if t == 7:\n                break\n        else:\n            continue\n    return t\n",
    "try": "def f(x):\n    try:\n        x = 1 / x\n    except ZeroDivisionError as e:\n        x = e\n    except (TypeError, ValueError):\n        pass\n    finally:\n        x = str(x)\n    return x\n",
    "with": "def f(m):\n    with m as a, m as b:\n        return a + b\n",
    "comprehension": "def f(xs):\n    return [x * y for x in xs if x for y in xs]\n",
    "long_jump": "def f(x):\n    if x:\n" + "".join(f"        x = x + {i}\n" for i in range(140)) + "    return x\n",
    "many_consts": "def f():\n    return [" + ", ".join(f"'{i}'" for i in range(300)) + "]\n",
}


def functions(src):
    ns = {}
    exec(compile(src, "<fixture>", "exec"), ns)
    return ns["f"].__code__


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("gen_assembler_fixture.py must run under CPython 3.11 (the oracle)")
    out = []
    for name, src in SOURCES.items():
        co = functions(src)
        instrs = [i for i in dis.get_instructions(co) if i.opname != "EXTENDED_ARG"]
        index_of = {i.offset: k for k, i in enumerate(instrs)}
        table = dis._parse_exception_table(co)
        out.append(f"code {name} {co.co_stacksize}")
        for i in instrs:
            if i.opcode in dis.hasjrel:
                arg = f"@{index_of[i.argval]}"
            else:
                arg = str(i.arg if i.arg is not None else 0)
            h = "-"
            for e in table:
                if e.start <= i.offset < e.end:
                    h = f"{index_of[e.target]}:{e.depth}:{int(e.lasti)}"
            out.append(f"{i.opname} {arg} {h}")
        units = [co.co_code[k] | co.co_code[k + 1] << 8 for k in range(0, len(co.co_code), 2)]
        out.append("units " + " ".join(f"{u:x}" for u in units))
        for e in table:
            out.append(f"table {e.start // 2} {e.end // 2} {e.target // 2} {e.depth} {int(e.lasti)}")
        out.append("end")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {len(SOURCES)} functions to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
