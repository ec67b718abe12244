#!/usr/bin/env python3
"""Run every .py file of CPython's installed Lib through krait and CPython
and compare: the front end's Lib-wide conformance check.

    scripts/compare_lib.py --mode ast               krait --dump-ast vs scripts/oracle_ast.py
    scripts/compare_lib.py --mode tokens            krait --dump-tokens vs python3 -m tokenize -e
    scripts/compare_lib.py --mode ast json/ ast.py  only these files / folders (relative to Lib)
    scripts/compare_lib.py --mode ast --list F      only the files named in F (one a line)
    scripts/compare_lib.py --mode ast --report R    also write every failure in full to R

Lib is `sysconfig.get_paths()["stdlib"]`, or $KRAIT_PYTHON_LIB; site-packages
is skipped. The krait binary is --krait, else the newer of target/release/krait
and target/debug/krait (under $CARGO_TARGET_DIR if set). Prints one line per
failing file (its path and first difference, shortened), then
`N passed, N failed`; exits 1 if any file failed.

Invariants: a file passes only if exit status, stdout and stderr are all
byte-identical; a krait crash (signal, Rust panic: exit 101 or a panic message) or a run longer
than --timeout is a failure whatever CPython did. Both tools get the file's
absolute path. CPython's answers are cached under
<target>/compare-lib-cache, keyed by CPython's version, the mode, the path,
the file's bytes and (for ast) the oracle's own source, so a rerun only
costs krait's side.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import subprocess
import sys
import sysconfig
import zlib
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_ast  # noqa: E402
from expected_file import Result, decode, encode  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
KRAIT_FLAGS = {"ast": "--dump-ast", "tokens": "--dump-tokens"}
RUST_PANIC_EXIT = 101
SHORT = 70  # characters of context either side of a difference, shortened
LONG = 400  # the same, in the full report


def lib_dir() -> Path:
    env = os.environ.get("KRAIT_PYTHON_LIB")
    return Path(env if env else sysconfig.get_paths()["stdlib"]).resolve()


def target_dir() -> Path:
    env = os.environ.get("CARGO_TARGET_DIR")
    return Path(env).resolve() if env else ROOT / "target"


def default_krait() -> Path | None:
    found = [target_dir() / kind / "krait" for kind in ("release", "debug")]
    found = [p for p in found if p.is_file()]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def lib_files(lib: Path) -> list[Path]:
    files = []
    for dirpath, dirnames, filenames in os.walk(lib):
        dirnames[:] = sorted(d for d in dirnames
                             if d not in ("site-packages", "dist-packages", "__pycache__"))
        files += [Path(dirpath) / f for f in sorted(filenames) if f.endswith(".py")]
    return files


def select(lib: Path, args: list[str], listfile: str | None) -> list[Path]:
    wanted = list(args)
    if listfile:
        with open(listfile, encoding="utf-8") as f:
            wanted += [line.strip() for line in f if line.strip() and not line.startswith("#")]
    if not wanted:
        return lib_files(lib)
    picked = []
    for w in wanted:
        p = Path(w) if os.path.isabs(w) else lib / w
        if p.is_dir():
            picked += lib_files(p)
        elif p.is_file():
            picked.append(p.resolve())
        else:
            sys.exit(f"compare_lib.py: {w}: no such file or folder in {lib}")
    return picked


# --- CPython's side ---------------------------------------------------------

def display(path: Path, lib: Path) -> str:
    """The path relative to Lib when it is inside Lib, else as it is."""
    try:
        return str(path.relative_to(lib))
    except ValueError:
        return str(path)


def oracle_key(mode: str, path: Path, src: bytes) -> str:
    h = hashlib.sha256()
    for part in (sys.version.encode(), mode.encode(), os.fsencode(path), src):
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    if mode == "ast":
        h.update(Path(oracle_ast.__file__).read_bytes())
    return h.hexdigest()


def cpython(mode: str, path: Path, cache: Path | None) -> Result:
    src = path.read_bytes()
    cached = None
    if cache is not None:
        cached = cache / mode / (oracle_key(mode, path, src) + ".expected.z")
        if cached.exists():
            return decode(zlib.decompress(cached.read_bytes()))
    if mode == "ast":
        r = oracle_ast.dump_ast(src, str(path))
    else:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        p = subprocess.run([sys.executable, "-m", "tokenize", "-e", str(path)],
                           env=env, stdin=subprocess.DEVNULL, capture_output=True)
        r = Result(p.returncode, p.stdout, p.stderr)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(zlib.compress(encode(r), 1))
        tmp.replace(cached)
    return r


# --- comparing --------------------------------------------------------------

def shorten(line: bytes, col: int, width: int) -> str:
    """`line` (repr-escaped) within `width` characters either side of `col`."""
    text = line.rstrip(b"\n").decode("utf-8", "backslashreplace")
    start = max(0, col - width)
    s = text[start:col + width]
    return ("…" if start else "") + repr(s)[1:-1] + ("…" if col + width < len(text) else "")


def first_difference(name: str, exp: bytes, got: bytes, full: bool) -> str:
    e, g = exp.splitlines(keepends=True), got.splitlines(keepends=True)
    i = 0
    while i < len(e) and i < len(g) and e[i] == g[i]:
        i += 1
    el = e[i] if i < len(e) else b""
    gl = g[i] if i < len(g) else b""
    col = 0
    while col < len(el) and col < len(gl) and el[col] == gl[col]:
        col += 1
    col = len(el[:col].decode("utf-8", "replace"))
    width = LONG if full else SHORT
    where = "<end>" if i >= len(e) else shorten(el, col, width)
    got_s = "<end>" if i >= len(g) else shorten(gl, col, width)
    if full:
        return (f"{name}: first difference at line {i + 1}, character {col + 1} "
                f"({len(e)} lines expected, {len(g)} got):\n"
                f"  expected: {where}\n  got:      {got_s}")
    return f"{name} line {i + 1}: expected {where} | got {got_s}"


def panic_message(stderr: bytes) -> str | None:
    """The panic's location and message: Rust's panic hook prints
    `thread '<name>' (<id>) panicked at <file>:<line>:<col>:` then the message."""
    lines = stderr.decode("utf-8", "replace").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("thread '") and " panicked at " in line:
            return " ".join(lines[i:i + 2])
    return None


def compare(exp: Result, got: Result, full: bool) -> list[str]:
    problems = []
    if got.exit < 0:
        problems.append(f"CRASH: killed by signal {-got.exit}")
    elif got.exit == RUST_PANIC_EXIT or panic_message(got.stderr):
        problems.append(f"CRASH: Rust panic (exit {got.exit}): "
                        + (panic_message(got.stderr) or got.stderr.decode("utf-8", "replace")[-300:]))
    elif got.exit != exp.exit:
        problems.append(f"exit {got.exit}, expected {exp.exit}")
    if got.stdout != exp.stdout:
        problems.append(first_difference("stdout", exp.stdout, got.stdout, full))
    if got.stderr != exp.stderr:
        problems.append(first_difference("stderr", exp.stderr, got.stderr, full))
    return problems


# --- the pool ---------------------------------------------------------------

_CFG: dict = {}


def _init(cfg: dict) -> None:
    _CFG.update(cfg)


def check_file(path: Path) -> tuple[Path, list[str], list[str]]:
    """(path, short problems, full problems); no problems means a pass."""
    mode = _CFG["mode"]
    try:
        exp = cpython(mode, path, _CFG["cache"])
    except Exception as e:  # an oracle failure is reported, never hidden
        msg = f"oracle failed: {type(e).__name__}: {e}"
        return path, [msg], [msg]
    try:
        p = subprocess.run([_CFG["krait"], KRAIT_FLAGS[mode], str(path)],
                           stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=_CFG["timeout"])
    except subprocess.TimeoutExpired:
        msg = f"TIMEOUT: krait ran longer than {_CFG['timeout']}s"
        return path, [msg], [msg]
    except OSError as e:
        msg = f"cannot run krait: {e}"
        return path, [msg], [msg]
    got = Result(p.returncode, p.stdout, p.stderr)
    return path, compare(exp, got, full=False), compare(exp, got, full=True)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mode", choices=sorted(KRAIT_FLAGS), required=True)
    ap.add_argument("files", nargs="*", help="files or folders, relative to Lib or absolute")
    ap.add_argument("--list", help="a file naming files to check, one a line")
    ap.add_argument("--report", help="write every failure in full to this file")
    ap.add_argument("--krait", help="the krait binary (default: newest built one)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per krait run")
    ap.add_argument("--no-cache", action="store_true", help="recompute CPython's side")
    args = ap.parse_args(argv)

    if sys.version_info[:2] != (3, 11):
        sys.exit(f"compare_lib.py: the oracle is CPython 3.11, not {sys.version.split()[0]}")
    krait = Path(args.krait) if args.krait else default_krait()
    if krait is None or not krait.is_file():
        sys.exit("compare_lib.py: no krait binary; run `cargo build --release` or pass --krait")
    lib = lib_dir()
    files = select(lib, args.files, args.list)
    cache = None if args.no_cache else target_dir() / "compare-lib-cache"
    print(f"krait: {krait}\nLib: {lib} ({len(files)} files), mode {args.mode}", flush=True)

    cfg = {"mode": args.mode, "krait": str(krait.resolve()), "cache": cache,
           "timeout": args.timeout}
    results = []
    with multiprocessing.Pool(max(1, args.jobs), initializer=_init, initargs=(cfg,)) as pool:
        for path, short, full in pool.imap_unordered(check_file, files, chunksize=4):
            results.append((path, short, full))
            if short:
                print(f"FAIL {display(path, lib)}: " + "; ".join(short), flush=True)

    results.sort()
    failed = [r for r in results if r[1]]
    passed = len(results) - len(failed)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(f"krait: {krait}\nLib: {lib}\nmode: {args.mode}\n"
                    f"{passed} passed, {len(failed)} failed\n\n")
            for path, _, full in failed:
                f.write(f"FAIL {display(path, lib)}\n")
                for problem in full:
                    f.write("  " + problem.replace("\n", "\n  ") + "\n")
                f.write("\n")
            for path, short, _ in results:
                if not short:
                    f.write(f"PASS {display(path, lib)}\n")
    print(f"{passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
