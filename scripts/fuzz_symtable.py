#!/usr/bin/env python3
"""Differential fuzzing of the symbol table: random programs made of the
constructs that decide scopes (def, lambda, class, comprehensions, global,
nonlocal, walrus, del, import, yield, await, super, __class__, match,
annotations, private names), over a small pool of names so that they
collide; Krait's dump must equal CPython's for each.

    scripts/fuzz_symtable.py [--count N] [--seed S] [--keep DIR]

Builds the `dump_symtable` example first (as scripts/compare_symtable.py).
Prints each failing program's file (kept under --keep, default
target/fuzz-symtable) and its first difference, then `N passed, N failed`.
Programs CPython's parser rejects are skipped (counted apart).

Invariant: a program is a function of the seed alone, so a failure is
reproduced by rerunning with the seed and count printed.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_symtable  # noqa: E402
import symtable_oracle  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["a", "b", "x", "__p", "super", "__class__", "self"]


class Gen:
    def __init__(self, rng: random.Random):
        self.r = rng
        self.depth = 0

    def name(self) -> str:
        return self.r.choice(NAMES)

    def expr(self, d: int = 0) -> str:
        r = self.r
        if d > 3:
            return r.choice([self.name(), "1", "f()"])
        k = r.randrange(16)
        if k < 4:
            return self.name()
        if k == 4:
            return f"({self.name()} := {self.expr(d + 1)})"
        if k == 5:
            return f"(lambda {self.params()}: {self.expr(d + 1)})"
        if k == 6:
            return self.comp(d)
        if k == 7:
            return f"(yield {self.expr(d + 1)})"
        if k == 8:
            return f"(await {self.expr(d + 1)})"
        if k == 9:
            return "super()"
        if k == 10:
            return f"{self.expr(d + 1)} + {self.expr(d + 1)}"
        if k == 11:
            return f"{self.name()}.attr"
        if k == 12:
            return f"f({self.expr(d + 1)}, k={self.expr(d + 1)})"
        if k == 13:
            return f"[{self.expr(d + 1)}, *{self.name()}]"
        if k == 14:
            return f"{{{self.expr(d + 1)}: {self.expr(d + 1)}}}"
        return "1"

    def comp(self, d: int) -> str:
        r = self.r
        fors = []
        for i in range(r.randrange(1, 3)):
            asyn = "async " if r.random() < 0.1 else ""
            cond = f" if {self.expr(d + 1)}" if r.random() < 0.3 else ""
            fors.append(f"{asyn}for {self.target()} in {self.expr(d + 1)}{cond}")
        body = " ".join(fors)
        kind = r.randrange(4)
        e = self.expr(d + 1)
        if kind == 0:
            return f"[{e} {body}]"
        if kind == 1:
            return f"{{{e} {body}}}"
        if kind == 2:
            return f"{{{e}: {self.expr(d + 1)} {body}}}"
        return f"({e} {body})"

    def target(self) -> str:
        if self.r.random() < 0.2:
            return f"({self.name()}, {self.name()})"
        return self.name()

    def params(self, annotated: bool = False) -> str:
        r = self.r

        def one(prefix: str = "") -> str:
            p = prefix + self.name()
            if annotated and r.random() < 0.3:
                p += f": {self.expr(3)}"
            return p

        ps = []
        for _ in range(r.randrange(3)):
            ps.append(one())
        if ps and r.random() < 0.15:
            ps.append("/")
        defaults = r.random() < 0.3
        if defaults:
            ps = [p if p == "/" else f"{p}={self.expr(3)}" for p in ps]
        star = r.random() < 0.3
        if star:
            ps.append(one("*") if r.random() < 0.7 else "*")
            for _ in range(r.randrange(1, 3)):
                ps.append(one() + (f"={self.expr(3)}" if r.random() < 0.5 else ""))
        if r.random() < 0.2:
            ps.append(one("**"))
        return ", ".join(ps)

    def block(self, ind: str, n: int | None = None) -> list[str]:
        r = self.r
        self.depth += 1
        out = []
        for _ in range(n if n is not None else r.randrange(1, 4)):
            out.extend(self.stmt(ind))
        self.depth -= 1
        return out or [ind + "pass"]

    def stmt(self, ind: str) -> list[str]:
        r = self.r
        deep = self.depth > 4
        k = r.randrange(20)
        if k == 0 and not deep:
            asyn = "async " if r.random() < 0.2 else ""
            ann = f" -> {self.expr(3)}" if r.random() < 0.2 else ""
            deco = [ind + f"@{self.expr(3)}"] if r.random() < 0.15 else []
            return deco + [ind + f"{asyn}def {self.name()}({self.params(True)}){ann}:"] + \
                self.block(ind + "    ")
        if k == 1 and not deep:
            bases = f"({self.expr(3)}, k={self.expr(3)})" if r.random() < 0.4 else ""
            deco = [ind + f"@{self.expr(3)}"] if r.random() < 0.15 else []
            return deco + [ind + f"class {self.r.choice(['C', '_C', '__'])}{bases}:"] + \
                self.block(ind + "    ")
        if k == 2:
            return [ind + f"global {', '.join(self.name() for _ in range(r.randrange(1, 3)))}"]
        if k == 3:
            return [ind + f"nonlocal {', '.join(self.name() for _ in range(r.randrange(1, 3)))}"]
        if k == 4:
            return [ind + f"del {self.name()}"]
        if k == 5:
            mod = r.choice(["m", "m.n", "__m.n"])
            if r.random() < 0.5:
                return [ind + f"import {mod}" + (f" as {self.name()}" if r.random() < 0.3 else "")]
            return [ind + f"from {mod} import {r.choice([self.name(), '*'])}"]
        if k == 6:
            val = f" = {self.expr()}" if r.random() < 0.5 else ""
            tgt = self.name() if r.random() < 0.8 else f"({self.name()})"
            return [ind + f"{tgt}: {self.expr(3)}{val}"]
        if k == 7 and not deep:
            return [ind + f"for {self.target()} in {self.expr()}:"] + self.block(ind + "    ")
        if k == 8 and not deep:
            return [ind + "try:"] + self.block(ind + "    ", 1) + \
                [ind + f"except E as {self.name()}:"] + self.block(ind + "    ", 1)
        if k == 9 and not deep:
            return [ind + f"match {self.expr()}:",
                    ind + f"    case [{self.name()}, *{self.name()}] | {{'k': {self.name()}}}:"] + \
                self.block(ind + "        ", 1) + \
                [ind + f"    case P({self.name()}, k={self.name()}) as {self.name()} "
                       f"if {self.expr()}:"] + self.block(ind + "        ", 1)
        if k == 10:
            return [ind + f"return {self.expr()}"]
        if k == 11 and not deep:
            return [ind + f"with {self.expr()} as {self.target()}:"] + self.block(ind + "    ", 1)
        if k == 12:
            return [ind + f"{self.name()} += {self.expr()}"]
        if k == 13:
            return [ind + f"{self.name()}, *{self.name()} = {self.expr()}"]
        if k == 14:
            return [ind + f"yield {self.expr()}" if r.random() < 0.5 else ind + "pass"]
        return [ind + f"{self.target()} = {self.expr()}"]

    def program(self) -> str:
        lines = []
        if self.r.random() < 0.15:
            lines.append("from __future__ import annotations")
        lines.extend(self.block("", self.r.randrange(1, 6)))
        return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", default=str(compare_symtable.target_dir() / "fuzz-symtable"))
    args = ap.parse_args(argv)

    subprocess.run(["cargo", "build", "-q", "-p", "krait-compiler", "--example",
                    "dump_symtable"], cwd=ROOT, check=True)
    exe = compare_symtable.target_dir() / "debug" / "examples" / "dump_symtable"
    keep = Path(args.keep)
    keep.mkdir(parents=True, exist_ok=True)

    rng = random.Random(args.seed)
    files, wants = [], []
    skipped = 0
    for i in range(args.count):
        src = Gen(rng).program()
        want = symtable_oracle.dump_source(src.encode(), "fuzz.py")
        if want.startswith("SyntaxError") and "(line" in want:
            try:
                compile(src, "fuzz.py", "exec", dont_inherit=True, flags=0x400)  # ast only
            except SyntaxError:
                skipped += 1
                continue
        path = keep / f"case{i}.py"
        path.write_text(src, encoding="utf-8")
        files.append(path)
        wants.append(want)

    gots: dict[Path, str] = {}
    for b in range(0, len(files), 200):
        gots.update(compare_symtable.krait_batch(exe, files[b:b + 200]))
    passed = failed = 0
    for f, want in zip(files, wants):
        got = gots.get(f, "<no output>\n")
        if symtable_oracle.same(want, got):
            passed += 1
            f.unlink()
        else:
            failed += 1
            print(f"FAIL {f}: {compare_symtable.first_difference(want, got)}")
    print(f"{passed} passed, {failed} failed ({skipped} programs CPython's parser rejects skipped; "
          f"seed {args.seed}, count {args.count})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
