#!/usr/bin/env python3
"""The parser benchmark: CPython 3.11 vs Krait on every .py file of
CPython's installed Lib that CPython accepts.

    python3 benches/parse_lib.py [--repeat N] [--krait PATH] [--no-build]

CPython's side times `compile(src_bytes, name, 'exec', ast.PyCF_ONLY_AST)`
(what `ast.parse` does: decode, tokenize, parse, build the AST objects) over
all files, sources already in memory, garbage collector as by default; the
best of N runs counts. Krait's side is `krait --bench-parse LIST N`
(crates/krait/src/bench.rs), which reads the same files into memory, then
times `decode_source` + `parse_module` over them, best of N, in one process.
The release binary is built first (`cargo build --release -p krait`) unless
--krait or --no-build is given.

Prints both throughputs (MB/s with MB = 10^6 bytes of source, files/s) and
the ratio. Lib is found as scripts/compare_lib.py finds it
($KRAIT_PYTHON_LIB overrides). Numbers are only comparable when Krait parsed
every file without error; the script says so when it did not.
"""

from __future__ import annotations

import argparse
import ast
import gc
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from compare_lib import lib_dir, lib_files, target_dir  # noqa: E402


def accepted_sources(lib: Path) -> list[tuple[str, bytes]]:
    """(path, bytes) of every Lib file CPython compiles to an AST."""
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in lib_files(lib):
            src = path.read_bytes()
            try:
                compile(src, str(path), "exec", ast.PyCF_ONLY_AST)
            except (SyntaxError, ValueError, MemoryError, RecursionError):
                continue
            out.append((str(path), src))
    return out


def time_cpython(sources: list[tuple[str, bytes]], repeat: int) -> float:
    best = float("inf")
    flags = ast.PyCF_ONLY_AST
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(repeat):
            gc.collect()
            start = time.perf_counter()
            for name, src in sources:
                compile(src, name, "exec", flags)
            best = min(best, time.perf_counter() - start)
    return best


def time_krait(krait: Path, sources: list[tuple[str, bytes]], repeat: int) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write("".join(name + "\n" for name, _ in sources))
        listfile = f.name
    try:
        p = subprocess.run([str(krait), "--bench-parse", listfile, str(repeat)],
                           capture_output=True, text=True)
    finally:
        os.unlink(listfile)
    if p.returncode != 0:
        sys.exit(f"parse_lib.py: krait --bench-parse failed (exit {p.returncode}):\n"
                 f"{p.stderr}")
    values = {}
    for line in p.stdout.splitlines():
        key, _, value = line.partition(" ")
        values[key] = float(value)
    return values


def build_release() -> Path:
    print("building: cargo build --release -p krait", flush=True)
    subprocess.run(["cargo", "build", "--release", "-p", "krait"], cwd=ROOT, check=True)
    return target_dir() / "release" / "krait"


def line(who: str, seconds: float, nbytes: int, nfiles: int, repeat: int) -> str:
    return (f"{who:<42} {seconds:8.3f} s (best of {repeat})  "
            f"{nbytes / seconds / 1e6:7.2f} MB/s  {nfiles / seconds:8.0f} files/s")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs per side; the best counts")
    ap.add_argument("--krait", help="the krait binary (default: build the release one)")
    ap.add_argument("--no-build", action="store_true",
                    help="use the existing target/release/krait without building")
    args = ap.parse_args(argv)
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"parse_lib.py: compares with CPython 3.11, not {sys.version.split()[0]}")

    if args.krait:
        krait = Path(args.krait)
    elif args.no_build:
        krait = target_dir() / "release" / "krait"
    else:
        krait = build_release()
    if not krait.is_file():
        sys.exit(f"parse_lib.py: no krait binary at {krait}")

    lib = lib_dir()
    sources = accepted_sources(lib)
    nbytes = sum(len(src) for _, src in sources)
    print(f"Lib: {lib}: {len(sources)} files CPython accepts, {nbytes / 1e6:.2f} MB")
    print(f"krait: {krait}", flush=True)

    cpython = time_cpython(sources, args.repeat)
    k = time_krait(krait, sources, args.repeat)
    kseconds = k["best_seconds"]
    print(line(f"CPython {sys.version.split()[0]} compile(PyCF_ONLY_AST)",
               cpython, nbytes, len(sources), args.repeat))
    print(line("Krait decode_source + parse_module", kseconds, nbytes, len(sources),
               int(k["runs"])))
    if int(k["files"]) != len(sources) or int(k["bytes"]) != nbytes:
        print(f"warning: krait read {int(k['files'])} files, {int(k['bytes'])} bytes")
    if k["errors"]:
        print(f"warning: krait failed on {int(k['errors'])} of {len(sources)} files "
              f"CPython accepts: the numbers are not comparable yet")
    ratio = cpython / kseconds if kseconds > 0 else float("inf")
    print(f"ratio: Krait is {ratio:.2f}x CPython's speed "
          f"({'faster' if ratio >= 1 else 'slower'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
