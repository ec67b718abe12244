#!/usr/bin/env python3
"""`ast.parse` + `ast.dump(..., include_attributes=True)` + `compile(tree)`
under krait, against CPython, over the .py files of CPython's Lib: the
check that `_ast` (crates/krait-vm/src/builtins/ast/) and CPython's own
`Lib/ast.py` give CPython's objects.

    scripts/compare_ast_objects.py                  every file of Lib
    scripts/compare_ast_objects.py json/ ast.py     files or folders, relative to Lib
    scripts/compare_ast_objects.py --sample 100     every Nth file, about 100 in all
    scripts/compare_ast_objects.py --report R       every failure in full to R

One driver program (written to a temporary folder) runs under both
interpreters over a batch of files: for each it reads the bytes, calls
`ast.parse(bytes, filename=path)`, prints the dump (or the parse error's
class and message) and then `compile(tree, path, 'exec')`'s outcome: the
error, or whether the code object is the one `compile()` of the source
text gives (names, constants, flags, `co_positions()`, `co_lines()`, nested
code objects alike; UTF-8 files without a BOM only). A file passes when
both lines are identical.
Lib, site-packages skipped and the krait binary are found as by
scripts/compare_lib.py (`--krait` to choose). Prints each failing file and
its first difference, then `N passed, N failed (dump: N differ, compile:
N differ)`; exits 1 if any failed. Krait runs batches of --batch files
(default 40), two at a time (--jobs), each with --timeout seconds; files a
crashed or timed-out batch did not finish are failures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_lib import default_krait, display, lib_dir, select  # noqa: E402

DRIVER = r'''
import ast, os, sys

def read(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = []
        while True:
            b = os.read(fd, 1 << 20)
            if not b:
                return b"".join(chunks)
            chunks.append(b)
    finally:
        os.close(fd)

def write(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        data = text.encode("utf-8", "backslashreplace")
        while data:
            data = data[os.write(fd, data):]
    finally:
        os.close(fd)

def const(c):
    # A frozenset's order may differ between two compiles of one source.
    if type(c) is frozenset:
        return "frozenset(%s)" % sorted(const(x) for x in c)
    if type(c) is tuple:
        return "(%s)" % ", ".join(const(x) for x in c)
    return repr(c)

def summary(co):
    out = [co.co_name, co.co_firstlineno, co.co_argcount, co.co_flags, co.co_names, co.co_varnames,
           co.co_freevars, co.co_cellvars, list(co.co_positions()), list(co.co_lines())]
    for c in co.co_consts:
        out.append(summary(c) if type(c).__name__ == "code" else const(c))
    return out

def one(path):
    src = read(path)
    try:
        tree = ast.parse(src, filename=path)
    except Exception as e:
        return "parse: %s: %s\n" % (type(e).__name__, e)
    out = ast.dump(tree, include_attributes=True) + "\n"
    try:
        code = compile(tree, path, "exec")
    except Exception as e:
        return out + "compile: %s: %s\n" % (type(e).__name__, e)
    try:
        text = src.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None or text.startswith("\ufeff"):
        return out + "compiled\n"
    try:
        same = summary(compile(text, path, "exec")) == summary(code)
    except Exception as e:
        return out + "compiled; source: %s: %s\n" % (type(e).__name__, e)
    return out + ("compiled, as from source\n" if same else "compiled, differs from source\n")

listing, outdir = sys.argv[1], sys.argv[2]
names = read(listing).decode("utf-8").splitlines()
for i, path in enumerate(names):
    try:
        r = one(path)
    except BaseException as e:
        r = "driver: %s: %s\n" % (type(e).__name__, e)
    write(os.path.join(outdir, "%d.txt" % i), r)
'''


def run_batch(cmd: list[str], files: list[Path], work: Path, timeout: float) -> list[str | None]:
    """Each file's result under `cmd`, None where the run gave none."""
    work.mkdir(parents=True, exist_ok=True)
    listing = work / "files.txt"
    listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
    note = None
    try:
        p = subprocess.run(cmd + [str(listing), str(work)],
                           capture_output=True, timeout=timeout, cwd=work)
        if p.returncode != 0:
            note = f"exit {p.returncode}: {p.stderr.decode('utf-8', 'replace')[-300:]}"
    except subprocess.TimeoutExpired:
        note = f"timeout after {timeout}s"
    out: list[str | None] = []
    for i in range(len(files)):
        f = work / f"{i}.txt"
        out.append(f.read_text(encoding="utf-8") if f.exists() else (f"(no result: {note})\n" if note else None))
    return out


def first_difference(exp: str, got: str) -> str:
    for n, (a, b) in enumerate(zip(exp.splitlines(), got.splitlines())):
        if a != b:
            col = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            what = "dump" if n == 0 else "compile"
            lo = max(0, col - 60)
            return f"{what} col {col}: expected ...{a[lo:col + 60]!r}... got ...{b[lo:col + 60]!r}..."
    return f"expected {exp[-200:]!r}, got {got[-200:]!r}"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--krait")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--batch", type=int, default=40)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--report")
    args = ap.parse_args(argv)
    lib = lib_dir()
    files = select(lib, args.paths, None)
    if args.sample:
        step = max(1, len(files) // args.sample)
        files = files[::step]
    krait = Path(args.krait) if args.krait else default_krait()
    if krait is None or not krait.exists():
        print("no krait binary: build it or pass --krait", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="compare-ast-objects-") as tmp:
        tmpd = Path(tmp)
        (tmpd / "driver.py").write_text(DRIVER, encoding="utf-8")
        batches = [files[i:i + args.batch] for i in range(0, len(files), args.batch)]

        def side(name: str, cmd: list[str]) -> list[str | None]:
            with ThreadPoolExecutor(args.jobs) as pool:
                parts = pool.map(lambda ib: run_batch(cmd, ib[1], tmpd / name / str(ib[0]), args.timeout),
                                 enumerate(batches))
                return [r for part in parts for r in part]

        driver = str(tmpd / "driver.py")
        expected = side("cpython", [sys.executable, "-B", driver])
        got = side("krait", [str(krait.resolve()), driver])
    passed = failed = dump_bad = compile_bad = 0
    report = []
    for f, exp, res in zip(files, expected, got):
        name = display(f, lib)
        if exp is not None and exp == res:
            passed += 1
            continue
        failed += 1
        exp = exp or "(CPython gave no result)\n"
        res = res or "(no result)\n"
        e_lines, g_lines = exp.splitlines(), res.splitlines()
        if e_lines[:1] != g_lines[:1]:
            dump_bad += 1
        else:
            compile_bad += 1
        diff = first_difference(exp, res)
        print(f"FAIL {name}: {diff[:300]}")
        report.append(f"FAIL {name}\n{diff}\n")
    if args.report:
        Path(args.report).write_text("".join(report), encoding="utf-8")
    print(f"{passed} passed, {failed} failed (dump: {dump_bad} differ, compile: {compile_bad} differ)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
