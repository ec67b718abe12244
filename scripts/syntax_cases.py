#!/usr/bin/env python3
"""Syntax-error conformance: CPython's own SyntaxError test cases, run on Krait.

    scripts/syntax_cases.py [--check] [--krait BIN] [-j N] [-q]
        run `BIN --dump-ast FILE` on every case in tests/syntax_cases/ and
        compare its one-line error report with CPython's; print each
        mismatch, then `N passed, N failed`; exit 1 if any case failed
    scripts/syntax_cases.py --regen
        extract the cases from the installed CPython's Lib/test again and
        rewrite tests/syntax_cases/ (NNNN.py + expected.json)
    scripts/syntax_cases.py --verify
        extract again and write nothing; exit 1 if tests/syntax_cases/ differs
        from what --regen would write (a hand edit, or another CPython)

Where the cases come from (Lib is `sysconfig.get_paths()["stdlib"]`, or
$KRAIT_PYTHON_LIB):
- test_syntax.py: every doctest example in the module (doctest's own
  DocTestFinder, so the module docstring and any other docstring);
- test_exceptions.py, test_eof.py, test_string_literals.py: the test methods
  are run in this process with `compile`, `eval`, `exec`, `__import__` and
  `script_helper.assert_python_failure` replaced in the module's globals by
  wrappers that record the source they are given (or the bytes of the file a
  test writes and then imports or runs) before calling the real function. So
  sources built at run time (loops, f-strings, files) are caught as well as
  literal `check(...)` / `ckmsg(...)` / `assertRaises(SyntaxError, eval, ...)`
  arguments. In test_exceptions.py only the methods whose source mentions
  SyntaxError, IndentationError, TabError or `self.check`, and those of
  the class SyntaxErrorTests, run; in the two others all do.

Which are kept, and how a case is stored:
- a str source is stored UTF-8 encoded (a str holding a lone surrogate cannot
  be, and is skipped); a bytes source as it is;
- a source given to eval() loses its leading spaces and tabs, as eval() strips
  them before parsing (otherwise `eval(" '\\x' ")` would become a case of
  "unexpected indent");
- a case is kept only if CPython's parser rejects the stored bytes with a
  SyntaxError (or subclass): `ast.parse(bytes)`, the same call
  `scripts/oracle_ast.py` makes for `krait --dump-ast`. Errors that only the
  compiler or symbol table raise ("'return' outside function", "name 'x' is
  parameter and global") pass `ast.parse` and are not cases here; nor are
  sources rejected only because a test turned warnings into errors;
- a str source whose UTF-8 bytes give another error class or message than
  the str (a coding cookie that compile(str) ignores but bytes honour) is
  skipped, since the stored file would test something else than the CPython
  test does. Where only the position differs it is kept with the bytes'
  answer: CPython 3.11 counts some offsets differently for str and bytes
  input when non-ASCII text precedes the error, and a file gets the bytes'
  answer (`python3 FILE` places its caret there too);
- exact duplicates (same stored bytes) are kept once; every origin is listed.

Invariants: tests/syntax_cases/ is written only by --regen; expected.json holds,
per case, the file name, its origins in Lib/test, and what CPython 3.11 raises
(class, msg, lineno, offset, end_lineno, end_offset, exactly as the exception
holds them, None as null). The comparison is of the whole line
`{class}: {msg} (line {lineno}, offset {offset}, end line {end_lineno}, end
offset {end_offset})` that `krait --dump-ast` prints (exit status 1); a crash,
another exit status, or no answer within 5 seconds is a failure.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import doctest
import importlib
import inspect
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
import warnings
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_ast  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "syntax_cases"
EXPECTED = CASES / "expected.json"
TIMEOUT = 5

# (module, run only the test methods whose source or class name mentions one
# of these; None: all)
RECORDED_MODULES = (
    ("test_exceptions", ("SyntaxError", "IndentationError", "TabError", "self.check")),
    ("test_eof", None),
    ("test_string_literals", None),
)


# --------------------------------------------------------------------------
# Extraction


class Raw(NamedTuple):
    """A source some test gives to CPython, before filtering."""
    origin: str       # "test_x.py:LINE (function)"
    kind: str         # "doctest", "compile", "eval", "exec", "file"
    src: str | bytes


def stdlib_dir() -> Path:
    env = os.environ.get("KRAIT_PYTHON_LIB")
    if env:
        return Path(env)
    import sysconfig
    return Path(sysconfig.get_paths()["stdlib"])


def import_test_module(lib: Path, name: str):
    """Import Lib/test/<name>.py from `lib`, whichever Lib that is."""
    if not (lib / "test" / f"{name}.py").is_file():
        sys.exit(f"syntax_cases.py: no {lib}/test/{name}.py (Debian ships Lib/test in "
                 f"libpython3.11-testsuite; or set KRAIT_PYTHON_LIB)")
    if str(lib) not in sys.path[:1]:
        sys.path.insert(0, str(lib))
    mod = importlib.import_module(f"test.{name}")
    got = Path(mod.__file__).resolve()
    if got.parent != (lib / "test").resolve():
        sys.exit(f"syntax_cases.py: test.{name} imported from {got}, not from {lib}/test "
                 f"(another 'test' package was imported first)")
    return mod


def doctest_sources(lib: Path) -> list[Raw]:
    mod = import_test_module(lib, "test_syntax")
    out = []
    tests = doctest.DocTestFinder(exclude_empty=True).find(mod)
    for test in sorted(tests, key=lambda t: (t.lineno or 0, t.name)):
        for ex in test.examples:
            line = (test.lineno or 0) + ex.lineno + 1
            out.append(Raw(f"test_syntax.py:{line} (doctest {test.name})", "doctest", ex.source))
    return out


class Recorder:
    """Wrappers that note each source before handing it to the real call."""

    def __init__(self, test_file: str):
        self.test_file = os.path.realpath(test_file)
        self.base = os.path.basename(test_file)
        self.raws: list[Raw] = []

    def origin(self) -> str:
        """The outermost line of the test file on the stack: the test
        method's call of its helper (`check(...)`), not the helper's body."""
        where, f = f"{self.base}:? (?)", sys._getframe(2)
        while f is not None:
            if os.path.realpath(f.f_code.co_filename) == self.test_file:
                where = f"{self.base}:{f.f_lineno} ({f.f_code.co_name})"
            f = f.f_back
        return where

    def note(self, kind: str, src) -> None:
        if isinstance(src, (bytearray, memoryview)):
            src = bytes(src)
        if isinstance(src, (str, bytes)):
            self.raws.append(Raw(self.origin(), kind, src))

    def note_file(self, path) -> None:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            return
        self.raws.append(Raw(self.origin(), "file", data))

    def wrap(self, kind: str, real):
        def wrapper(source, *args, **kwargs):
            self.note(kind, source)
            return real(source, *args, **kwargs)
        return wrapper

    def wrap_import(self, real):
        # test_string_literals writes a module into a temporary folder on
        # sys.path and imports it: note that file's bytes.
        tmp = os.path.realpath(tempfile.gettempdir())

        def wrapper(name, *args, **kwargs):
            for entry in sys.path:
                cand = os.path.realpath(os.path.join(entry or ".", name + ".py"))
                if cand.startswith(tmp + os.sep) and os.path.isfile(cand):
                    self.note_file(cand)
                    break
            return real(name, *args, **kwargs)
        return wrapper

    def wrap_script_helper(self, helper):
        rec = self

        class Proxy:
            def __getattr__(self, name):
                return getattr(helper, name)

            @staticmethod
            def assert_python_failure(*args, **kwargs):
                # The script is the last positional argument naming a file.
                for a in reversed(args):
                    if isinstance(a, (str, os.PathLike)) and os.path.isfile(a):
                        rec.note_file(a)
                        break
                return helper.assert_python_failure(*args, **kwargs)
        return Proxy()


def test_methods(mod, words):
    for cls_name, cls in sorted(vars(mod).items()):
        if not (isinstance(cls, type) and issubclass(cls, unittest.TestCase)):
            continue
        if cls.__module__ != mod.__name__:
            continue
        for name in sorted(n for n in dir(cls) if n.startswith("test")):
            meth = getattr(cls, name)
            if not callable(meth):
                continue
            if words is not None:
                try:
                    text = cls_name + inspect.getsource(meth)
                except (OSError, TypeError):
                    continue
                if not any(w in text for w in words):
                    continue
            yield cls, name


def recorded_sources(lib: Path, name: str, words) -> tuple[list[Raw], list[str]]:
    """Run the chosen tests of Lib/test/<name>.py, noting every source."""
    mod = import_test_module(lib, name)
    rec = Recorder(mod.__file__)
    patches = {
        "compile": rec.wrap("compile", compile),
        "eval": rec.wrap("eval", eval),
        "exec": rec.wrap("exec", exec),
        "__import__": rec.wrap_import(__import__),
    }
    if hasattr(mod, "script_helper"):
        patches["script_helper"] = rec.wrap_script_helper(mod.script_helper)
    saved = {k: mod.__dict__[k] for k in patches if k in mod.__dict__}
    mod.__dict__.update(patches)
    notes = []
    try:
        result = unittest.TestResult()
        suite = unittest.TestSuite(cls(meth) for cls, meth in test_methods(mod, words))
        # Quietly, and in a scratch folder: some tests write files (TESTFN)
        # into the current directory.
        with warnings.catch_warnings(), tempfile.TemporaryDirectory() as scratch:
            warnings.simplefilter("ignore")
            old_out, old_err, old_cwd = sys.stdout, sys.stderr, os.getcwd()
            sys.stdout = sys.stderr = open(os.devnull, "w")
            os.chdir(scratch)
            try:
                suite.run(result)
            finally:
                os.chdir(old_cwd)
                sys.stdout.close()
                sys.stdout, sys.stderr = old_out, old_err
        notes.append(f"{name}.py: ran {result.testsRun} test methods "
                     f"({len(result.failures)} failed, {len(result.errors)} errors, "
                     f"{len(result.skipped)} skipped)")
        for test, _ in result.failures + result.errors:
            notes.append(f"  did not pass under recording: {test.id()}")
    finally:
        for k in patches:
            if k in saved:
                mod.__dict__[k] = saved[k]
            else:
                del mod.__dict__[k]
    # In the order of the test file (the tests ran in name order).
    def line(raw: Raw) -> int:
        n = raw.origin.split(":", 1)[1].split(" ", 1)[0]
        return int(n) if n.isdigit() else 0
    return sorted(rec.raws, key=line), notes


# --------------------------------------------------------------------------
# Filtering and CPython's answer


def cpython_error(src, filename: str):
    """The exception CPython's parser raises for `src`, or None."""
    try:
        oracle_ast.parse(src, filename)
    except SyntaxError as e:
        return e
    except (MemoryError, RecursionError, ValueError) as e:
        return e
    return None


def compile_error(src) -> bool:
    """Does CPython's compiler (past the parser) reject `src`?"""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(src, "<case>", "exec", dont_inherit=True)
    except SyntaxError:
        return True
    except Exception:
        return False
    return False


def error_fields(e: BaseException) -> dict:
    return {"class": type(e).__name__, "msg": e.msg, "lineno": e.lineno,
            "offset": e.offset, "end_lineno": e.end_lineno, "end_offset": e.end_offset}


def error_line(x: dict) -> str:
    """The line `krait --dump-ast` prints, as scripts/oracle_ast.py does."""
    return (f"{x['class']}: {x['msg']} (line {none(x['lineno'])}, offset {none(x['offset'])}, "
            f"end line {none(x['end_lineno'])}, end offset {none(x['end_offset'])})")


def none(v) -> str:
    return "None" if v is None else str(v)


def collect(lib: Path) -> tuple[list[dict], list[bytes], list[str]]:
    """Extract, filter and deduplicate. Returns (expectations, sources, notes)."""
    raws = doctest_sources(lib)
    notes = [f"test_syntax.py: {len(raws)} doctest examples"]
    for name, words in RECORDED_MODULES:
        got, more = recorded_sources(lib, name, words)
        raws += got
        notes += more
    kept: dict[bytes, dict] = {}
    order: list[bytes] = []
    per_file: dict[str, list[int]] = {}
    skipped: dict[str, int] = {}
    moved = 0  # kept, but CPython places the error elsewhere for the str

    def skip(reason: str) -> None:
        skipped[reason] = skipped.get(reason, 0) + 1

    for raw in raws:
        test_file = raw.origin.split(":", 1)[0]
        counts = per_file.setdefault(test_file, [0, 0, 0])  # seen, kept, new
        counts[0] += 1
        src = raw.src
        if raw.kind == "eval":
            # builtin eval() strips leading spaces and tabs before parsing.
            src = src.lstrip(b" \t" if isinstance(src, bytes) else " \t")
        if isinstance(src, str):
            try:
                data = src.encode("utf-8")
            except UnicodeEncodeError:
                skip("str holding a lone surrogate (cannot be a file)")
                continue
        else:
            data = src
        err = cpython_error(data, "<case>")
        if err is None:
            if compile_error(data):
                skip(f"{test_file}: accepted by ast.parse, rejected by the compiler/symtable")
            else:
                skip(f"{test_file}: no SyntaxError in exec mode (valid code, or an error "
                     f"only under -W error or in another mode)")
            continue
        if not isinstance(err, SyntaxError):
            skip(f"ast.parse raises {type(err).__name__}, not SyntaxError")
            continue
        if isinstance(src, str):
            as_str = cpython_error(src, "<case>")
            if type(as_str) is not type(err) or as_str.msg != err.msg:
                skip("str gives another error than its UTF-8 bytes (coding cookie)")
                continue
            if as_str.args != err.args:
                moved += 1
        counts[1] += 1
        if data in kept:
            kept[data]["origins"].append(raw.origin)
            continue
        counts[2] += 1
        order.append(data)
        kept[data] = {"origins": [raw.origin]}
    expectations = []
    for i, data in enumerate(order, 1):
        case = f"{i:04d}.py"
        # Computed again with the file's own name, exactly as stored.
        err = cpython_error(data, f"tests/syntax_cases/{case}")
        expectations.append({"case": case, **error_fields(err), "origins": kept[data]["origins"]})
    for f, (seen, ok, new) in per_file.items():
        notes.append(f"{f}: {seen} sources seen, {ok} rejected by the parser, "
                     f"{new} new after deduplication")
    if moved:
        notes.append(f"{moved} kept sources get another position from CPython as str than as "
                     f"bytes (non-ASCII before the error); the bytes' answer, which a file "
                     f"gets too, is expected")
    for reason, n in sorted(skipped.items()):
        notes.append(f"skipped {n}: {reason}")
    notes.append(f"{len(order)} cases")
    return expectations, order, notes


def render_expected(expectations: list[dict]) -> str:
    """One JSON object a line, so that a diff shows which cases changed."""
    lines = [json.dumps(x, ensure_ascii=False) for x in expectations]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def regen(verify: bool) -> int:
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"syntax_cases.py: the oracle is CPython 3.11; this is "
                 f"{sys.version.split()[0]} ({sys.executable})")
    lib = stdlib_dir()
    expectations, sources, notes = collect(lib)
    for n in notes:
        print(n)
    want = {f"{i:04d}.py": data for i, data in enumerate(sources, 1)}
    want["expected.json"] = render_expected(expectations).encode("utf-8")
    have = {p.name: p.read_bytes() for p in CASES.glob("*")} if CASES.is_dir() else {}
    stale = sorted(k for k in want if have.get(k) != want[k])
    extra = sorted(k for k in have if k not in want)
    if verify:
        for k in stale:
            print(f"differs: tests/syntax_cases/{k}")
        for k in extra:
            print(f"not generated: tests/syntax_cases/{k}")
        print("up to date" if not (stale or extra) else "stale: run scripts/syntax_cases.py --regen")
        return 1 if stale or extra else 0
    CASES.mkdir(parents=True, exist_ok=True)
    for k in extra:
        (CASES / k).unlink()
    for k in stale:
        (CASES / k).write_bytes(want[k])
    print(f"wrote {len(stale)} files, removed {len(extra)}")
    return 0


# --------------------------------------------------------------------------
# Checking Krait

LINE = re.compile(r"^(\w+): (.*) \(line (\S+), offset (\S+), end line (\S+), end offset (\S+)\)$")


def run_krait(krait: str, case: str) -> tuple[str, str | None]:
    """(what Krait answered, shown on one line; the message it gave or None)."""
    try:
        p = subprocess.run([krait, "--dump-ast", str(CASES / case)], cwd=ROOT,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"timeout after {TIMEOUT} s", None
    except OSError as e:
        return f"cannot run {krait}: {e}", None
    out = p.stdout.decode("utf-8", "backslashreplace")
    if p.returncode == 0:
        return "parsed without error: " + clip(out.strip(), 100), None
    if p.returncode != 1:
        err = p.stderr.decode("utf-8", "backslashreplace").strip().splitlines()
        how = (f"killed by signal {-p.returncode}" if p.returncode < 0
               else f"exit status {p.returncode}")
        return f"crash ({how}): {clip(err[-1] if err else '', 160)}", None
    line = out[:-1] if out.endswith("\n") else out
    m = LINE.match(line)
    return line, (m.group(2) if m and "\n" not in line else None)


def clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 3] + "..."


def check(krait: str, jobs: int, quiet: bool) -> int:
    if not EXPECTED.is_file():
        sys.exit(f"syntax_cases.py: {EXPECTED} is missing; run scripts/syntax_cases.py --regen")
    if not os.path.isfile(krait):
        sys.exit(f"syntax_cases.py: no krait binary at {krait} (build it, or give --krait)")
    expectations = json.loads(EXPECTED.read_text(encoding="utf-8"))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        answers = list(pool.map(lambda x: run_krait(krait, x["case"]), expectations))
    passed = failed = msg_ok = 0
    for x, (got, got_msg) in zip(expectations, answers):
        want = error_line(x)
        if got_msg == x["msg"]:
            msg_ok += 1
        if got == want:
            passed += 1
            continue
        failed += 1
        if not quiet:
            src = (CASES / x["case"]).read_bytes()
            print(f"FAIL {x['case']} ({x['origins'][0]}): {clip(repr(src), 100)}")
            print(f"  expected: {want}")
            print(f"  got:      {got}")
    total = len(expectations)
    print(f"message alone: {msg_ok} of {total} match")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="run Krait on the cases (default)")
    mode.add_argument("--regen", action="store_true", help="rewrite tests/syntax_cases/ from CPython")
    mode.add_argument("--verify", action="store_true",
                      help="exit 1 if tests/syntax_cases/ is not what --regen would write")
    target = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")
    default_krait = os.environ.get("KRAIT") or str(ROOT / target / "debug" / "krait")
    ap.add_argument("--krait", default=default_krait,
                    help="the krait binary (default: $KRAIT, else "
                         "$CARGO_TARGET_DIR/debug/krait, else target/debug/krait)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="parallel krait runs (default 2)")
    ap.add_argument("-q", "--quiet", action="store_true", help="print only the totals")
    args = ap.parse_args(argv)
    if args.regen or args.verify:
        return regen(verify=args.verify)
    return check(os.path.abspath(args.krait), args.jobs, args.quiet)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
