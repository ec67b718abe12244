#!/usr/bin/env python3
"""CPython's side of `krait --dump-ast FILE`.

    oracle_ast.py FILE            print what `krait --dump-ast FILE` must print
    oracle_ast.py --batch OUTDIR  read file names from stdin (one a line); for
                                  the i-th name (counting from 0) write
                                  OUTDIR/<i>.expected (scripts/expected_file.py)

What `krait --dump-ast FILE` prints, as CPython 3.11 computes it:
- success: `ast.dump(ast.parse(src_bytes, filename=FILE),
  include_attributes=True)` and a newline on stdout, exit 0;
- a SyntaxError (or IndentationError, TabError): one line on stdout,
  `{ClassName}: {msg} (line {lineno}, offset {offset}, end line {end_lineno},
  end offset {end_offset})`, the attributes exactly as the exception holds them
  (`None` included), exit 1;
- any other exception `ast.parse` raises (MemoryError when the parser's stack
  overflows, RecursionError "maximum recursion depth exceeded during ast
  construction"): one line `{ClassName}: {message}` (just `{ClassName}` when
  the message is empty) on stdout, exit 1.
stderr stays empty: warnings the parser emits (SyntaxWarning "invalid decimal
literal", DeprecationWarning "invalid escape sequence") are not part of the
dump; `krait FILE` is where they are compared.

Invariant: the answer does not depend on how this script is called. CPython
3.11 limits AST depth by the Python recursion limit minus the caller's frame
depth (3 AST levels per frame), so `parse` runs as if `ast.parse` were called
from the module level of a script, the way
`python3 -c 'import ast; print(ast.dump(ast.parse(...), include_attributes=True))'`
calls it, wherever it is called from. The dump itself runs with a high
recursion limit, since a tree CPython built must be printable.
"""

from __future__ import annotations

import ast
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expected_file import Result, encode  # noqa: E402

# Frames on the stack when a script's module level calls ast.parse: <module>.
_MODULE_LEVEL_FRAMES = 1
# Deep enough for the deepest tree CPython's AST construction accepts.
_DUMP_RECURSION_LIMIT = 100_000


def _frame_depth() -> int:
    depth, f = 0, sys._getframe(1)
    while f is not None:
        depth += 1
        f = f.f_back
    return depth


def parse(src: bytes, filename: str) -> ast.Module:
    """ast.parse, with the recursion budget of a module-level call."""
    extra = _frame_depth() - _MODULE_LEVEL_FRAMES
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(old + extra)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(src, filename=filename)
    finally:
        sys.setrecursionlimit(old)


def dump(tree: ast.AST) -> str:
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, _DUMP_RECURSION_LIMIT))
    try:
        return ast.dump(tree, include_attributes=True)
    finally:
        sys.setrecursionlimit(old)


def error_line(e: BaseException) -> str:
    name = type(e).__name__
    if isinstance(e, SyntaxError):
        return (f"{name}: {e.msg} (line {e.lineno}, offset {e.offset}, "
                f"end line {e.end_lineno}, end offset {e.end_offset})")
    msg = str(e)
    return f"{name}: {msg}" if msg else name


def dump_ast(src: bytes, filename: str) -> Result:
    """What `krait --dump-ast` must do for a file holding `src`."""
    try:
        tree = parse(src, filename)
    except (SyntaxError, MemoryError, RecursionError, ValueError) as e:
        text, code = error_line(e) + "\n", 1
    else:
        text, code = dump(tree) + "\n", 0
    # Dumps are ASCII-safe reprs except for identifiers and messages, which
    # are valid text; backslashreplace only guards against the impossible.
    return Result(code, text.encode("utf-8", "backslashreplace"), b"")


def dump_ast_file(path: str) -> Result:
    with open(path, "rb") as f:
        src = f.read()
    return dump_ast(src, path)


def _batch(outdir: str) -> int:
    os.makedirs(outdir, exist_ok=True)
    for i, raw in enumerate(sys.stdin.buffer):
        path = os.fsdecode(raw.rstrip(b"\n"))
        try:
            result = dump_ast_file(path)
        except OSError as e:
            result = Result(2, b"", f"can't open file {path!r}: {e}\n".encode())
        with open(os.path.join(outdir, f"{i}.expected"), "wb") as f:
            f.write(encode(result))
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--batch":
        return _batch(argv[1])
    if len(argv) != 1 or argv[0].startswith("-"):
        print("usage: oracle_ast.py FILE | oracle_ast.py --batch OUTDIR < names",
              file=sys.stderr)
        return 2
    try:
        result = dump_ast_file(argv[0])
    except OSError as e:
        print(f"oracle_ast.py: can't open file {argv[0]!r}: {e}", file=sys.stderr)
        return 2
    sys.stdout.buffer.write(result.stdout)
    sys.stdout.buffer.flush()
    return result.exit


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
