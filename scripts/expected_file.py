"""The `.expected` file format: what a command did (exit status, stdout,
stderr), as bytes.

Invariant: `decode(encode(r)) == r` for every result, whatever bytes the
streams hold (no trailing newline, NUL bytes, lines that look like headers).
Each stream is stored length-prefixed, so nothing in it needs escaping:

    exit 1
    stdout 0
    stderr 85
    <85 bytes of stderr>

A stream's bytes follow its header line directly; if they do not end with a
newline, one newline is added after them so the file stays line-oriented (the
reader drops it again). The Rust reader is crates/krait/tests/corpus/expected.rs.

`<ROOT>` in a stream stands for the absolute path of the repository checkout
(CPython 3.11 prints the script's absolute path in a traceback); readers put
the real path back before comparing.
"""

from __future__ import annotations

from typing import NamedTuple

ROOT_PLACEHOLDER = b"<ROOT>"


class Result(NamedTuple):
    exit: int
    stdout: bytes
    stderr: bytes


def encode(r: Result) -> bytes:
    out = [b"exit %d\n" % r.exit]
    for name, data in ((b"stdout", r.stdout), (b"stderr", r.stderr)):
        out.append(b"%s %d\n" % (name, len(data)))
        out.append(data)
        if data and not data.endswith(b"\n"):
            out.append(b"\n")
    return b"".join(out)


def decode(data: bytes) -> Result:
    pos = 0

    def header(name: bytes) -> int:
        nonlocal pos
        end = data.index(b"\n", pos)
        word, _, num = data[pos:end].partition(b" ")
        if word != name:
            raise ValueError(f"expected {name.decode()!r} header at byte {pos}")
        pos = end + 1
        return int(num)

    def stream(name: bytes) -> bytes:
        nonlocal pos
        n = header(name)
        body = data[pos:pos + n]
        if len(body) != n:
            raise ValueError(f"{name.decode()} is truncated")
        pos += n
        if body and not body.endswith(b"\n"):
            if data[pos:pos + 1] != b"\n":
                raise ValueError(f"missing newline after {name.decode()}")
            pos += 1
        return body

    code = header(b"exit")
    stdout = stream(b"stdout")
    stderr = stream(b"stderr")
    if pos != len(data):
        raise ValueError("trailing bytes after stderr")
    return Result(code, stdout, stderr)


def hide_root(data: bytes, root: str) -> bytes:
    """Replace the checkout's absolute path by the placeholder."""
    return data.replace(root.encode("utf-8", "surrogateescape"), ROOT_PLACEHOLDER)
