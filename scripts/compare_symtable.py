#!/usr/bin/env python3
"""Compare Krait's symbol table with CPython's on every .py file of the
installed Lib: the symbol table's Lib-wide conformance check.

    scripts/compare_symtable.py                 all of Lib (site-packages skipped)
    scripts/compare_symtable.py json/ ast.py    only these files / folders (relative to Lib)
    scripts/compare_symtable.py --report R      also write every failure in full to R
    scripts/compare_symtable.py --snippets      instead of Lib's files, the programs held
                                                in Lib/test's string literals and doctests

--snippets: every str literal of a Lib/test file (as it is, and dedented),
and every doctest example in one, that `ast.parse` accepts and that uses a
construct that matters to scopes (def, class, lambda, global, nonlocal,
walrus, comprehensions, import, yield, await, del, super, __class__), once
each; written to <target>/symtable-snippets/NNNNN.py. Many are the very
cases CPython's tests check symtable errors with (test_syntax's doctests,
test_scope, test_named_expressions, test_symtable).

CPython's side is scripts/symtable_oracle.py; Krait's is the
`dump_symtable` example of krait-compiler (built here with `cargo build
-p krait-compiler --example dump_symtable` unless --no-build), run on
batches of files. Lib is `sysconfig.get_paths()["stdlib"]`, or
$KRAIT_PYTHON_LIB. Prints one line per failing file (its path and first
differing line), then `N passed, N failed`; exits 1 if any file failed.

Invariant: a file passes only if both dumps are identical; a Krait crash
(no dump for the file, a panic) is a failure whatever CPython did.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import symtable_oracle  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BATCH = 100


def lib_dir() -> Path:
    env = os.environ.get("KRAIT_PYTHON_LIB")
    return Path(env if env else sysconfig.get_paths()["stdlib"]).resolve()


def target_dir() -> Path:
    env = os.environ.get("CARGO_TARGET_DIR")
    return Path(env).resolve() if env else ROOT / "target"


def lib_files(lib: Path, only: list[str]) -> list[Path]:
    roots = [lib / o for o in only] if only else [lib]
    files: list[Path] = []
    for r in roots:
        if r.is_file():
            files.append(r)
            continue
        for dirpath, dirnames, filenames in os.walk(r):
            dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
            files.extend(Path(dirpath) / f for f in sorted(filenames) if f.endswith(".py"))
    return files


SCOPE_WORDS = ("def ", "class ", "lambda", "global ", "nonlocal ", ":=", " for ",
               "import ", "yield", "await ", "del ", "super", "__class__")


def snippet_sources(lib: Path) -> list[str]:
    """The programs in Lib/test's string literals and doctests."""
    import ast
    import doctest
    import textwrap
    import warnings

    parser = doctest.DocTestParser()
    seen: set[str] = set()
    out: list[str] = []

    def consider(src: str) -> None:
        if src in seen or not any(w in src for w in SCOPE_WORDS):
            return
        seen.add(src)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ast.parse(src)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return
        try:
            src.encode("utf-8")
        except UnicodeEncodeError:
            return
        out.append(src)

    for f in lib_files(lib, ["test"]):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(f.read_bytes())
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            text = node.value
            consider(text)
            consider(textwrap.dedent(text))
            if ">>>" in text:
                try:
                    examples = parser.get_examples(text)
                except ValueError:
                    continue
                for ex in examples:
                    consider(ex.source)
    return out


def write_snippets(lib: Path) -> list[Path]:
    folder = target_dir() / "symtable-snippets"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.py"):
        old.unlink()
    files = []
    for i, src in enumerate(snippet_sources(lib)):
        path = folder / f"{i:05}.py"
        path.write_bytes(src.encode("utf-8"))
        files.append(path)
    return files


def oracle(path: Path) -> str:
    return symtable_oracle.dump_file(path)


def krait_batch(exe: Path, files: list[Path]) -> dict[Path, str]:
    """Run the example on a batch; a crash loses the rest of the batch."""
    p = subprocess.run([str(exe), "--headers", *map(str, files)],
                       capture_output=True, timeout=600)
    out: dict[Path, str] = {}
    current: Path | None = None
    chunks: list[str] = []
    text = p.stdout.decode("utf-8", "backslashreplace")
    for line in text.splitlines(keepends=True):
        if line.startswith("=== ") and Path(line[4:].rstrip("\n")) in files:
            if current is not None:
                out[current] = "".join(chunks)
            current, chunks = Path(line[4:].rstrip("\n")), []
        else:
            chunks.append(line)
    if current is not None:
        out[current] = "".join(chunks)
    if p.returncode != 0 and current is not None:
        out[current] = out.get(current, "") + f"<krait exited {p.returncode}: " \
            f"{p.stderr.decode('utf-8', 'replace').strip()[-300:]}>\n"
    return out


def first_difference(want: str, got: str) -> str:
    w, g = want.splitlines(), got.splitlines()
    for i, (a, b) in enumerate(zip(w, g)):
        if a != b:
            return f"line {i + 1}: expected {a.strip()!r}, got {b.strip()!r}"
    if len(w) != len(g):
        i = min(len(w), len(g))
        return (f"line {i + 1}: expected {(w[i].strip() if i < len(w) else '<end>')!r}, "
                f"got {(g[i].strip() if i < len(g) else '<end>')!r}")
    return "identical?"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("only", nargs="*")
    ap.add_argument("--report")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--snippets", action="store_true")
    args = ap.parse_args(argv)

    if not args.no_build:
        subprocess.run(["cargo", "build", "-q", "-p", "krait-compiler", "--example",
                        "dump_symtable"], cwd=ROOT, check=True)
    exe = target_dir() / "debug" / "examples" / "dump_symtable"

    files = write_snippets(lib_dir()) if args.snippets else lib_files(lib_dir(), args.only)
    with multiprocessing.Pool(args.jobs) as pool:
        wants = pool.map(oracle, files, chunksize=16)
        batches = [files[i:i + BATCH] for i in range(0, len(files), BATCH)]
        gots: dict[Path, str] = {}
        for part in pool.starmap(krait_batch, [(exe, b) for b in batches]):
            gots.update(part)

    passed = failed = 0
    report = []
    lib = lib_dir()
    for f, want in zip(files, wants):
        got = gots.get(f, "<no output from krait>\n")
        if symtable_oracle.same(want, got):
            passed += 1
            continue
        failed += 1
        rel = f.relative_to(lib) if f.is_relative_to(lib) else f
        print(f"FAIL {rel}: {first_difference(want, got)}")
        report.append(f"=== {rel}\n--- expected\n{want}--- got\n{got}")
    if args.report:
        Path(args.report).write_text("".join(report), encoding="utf-8")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
