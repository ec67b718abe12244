#!/usr/bin/env python3
"""Write CPython 3.11's instruction facts for krait-compiler's opcode test.

    python3 scripts/gen_opcode_fixture.py   # rewrites crates/krait-compiler/src/opcode_fixture.txt

Each line: `code name cache jump effects`, where jump is `-`, `F` or `B`
(relative forward / backward) and effects lists `dis.stack_effect` for the
arguments 0 1 2 3 258 and, for branches, taken and not taken, as
`arg:not_taken:taken` (or `arg:effect`).
"""
import dis
import opcode
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "krait-compiler", "src", "opcode_fixture.txt")
BACKWARD = {"JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT", "POP_JUMP_BACKWARD_IF_NOT_NONE",
            "POP_JUMP_BACKWARD_IF_NONE", "POP_JUMP_BACKWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_TRUE"}


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("gen_opcode_fixture.py must run under CPython 3.11 (the oracle)")
    lines = []
    for name, code in sorted(opcode.opmap.items(), key=lambda kv: kv[1]):
        cache = opcode._inline_cache_entries[code]
        jump = "-" if code not in opcode.hasjrel else ("B" if name in BACKWARD else "F")
        effects = []
        args = [0, 1, 2, 3, 258] if code >= opcode.HAVE_ARGUMENT else [None]
        for a in args:
            try:
                if jump == "-":
                    effects.append(f"{a or 0}:{dis.stack_effect(code, a)}")
                else:
                    effects.append(f"{a or 0}:{dis.stack_effect(code, a, jump=False)}:{dis.stack_effect(code, a, jump=True)}")
            except ValueError:
                pass  # CACHE and the like have no effect to report
        lines.append(f"{code} {name} {cache} {jump} {' '.join(effects)}".rstrip())
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} instructions to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
