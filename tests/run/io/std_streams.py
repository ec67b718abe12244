# sys.stdin/stdout/stderr as io objects; print and input through them.
import io, sys

for s in (sys.stdin, sys.stdout, sys.stderr):
    print(type(s).__name__, s.name, s.mode, s.encoding, s.errors, s.fileno(), s.closed)
    print("  ", type(s.buffer).__name__, type(s.buffer.raw).__name__, s.buffer.raw.closefd, s.buffer.raw.mode)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(repr(sys.stdout), repr(sys.stderr.buffer), repr(sys.stdin.buffer.raw))
print(sys.stderr.line_buffering, sys.stdout.readable(), sys.stdout.writable(), sys.stdin.readable())
print(isinstance(sys.stdout, io.TextIOBase), sys.stdout.newlines)
sys.stdout.write("written directly\n")
print("to stderr", file=sys.stderr)
sys.stderr.write("partial ")
sys.stderr.write("line\n")
print(sys.stdout.write("é\n"))
sys.stdout.buffer.write(b"bytes through the buffer\n")
sys.stdout.flush()
print("sep", "end", sep="|", end="!\n")
print(*range(5), sep=", ", flush=True)
buf = io.StringIO()
print("into", "StringIO", file=buf)
print(repr(buf.getvalue()))
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError", e)
old = sys.stdin
sys.stdin = io.StringIO("typed line\nsecond\n")
print(repr(input("name? ")), repr(input()))
try:
    input()
except EOFError as e:
    print("EOFError", e)
sys.stdin = old
saved = sys.stdout
sys.stdout = io.StringIO()
print("captured")
text = sys.stdout.getvalue()
sys.stdout = saved
print(repr(text))
try:
    sys.stdout.write(b"bytes")
except TypeError as e:
    print("TypeError", e)
sys.stderr.write("no newline at the end")
