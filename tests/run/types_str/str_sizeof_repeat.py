# str.__sizeof__ follows CPython 3.11's compact layout (48-byte header for
# ASCII, 72 otherwise; 1, 2 or 4 bytes a code point plus a terminator),
# and a repeat too long for memory is a MemoryError, too many code points
# an OverflowError.
import sys
for s in ("", "a", "abc" * 10, "\xe9", "a\xe9" * 7, "\u20ac", "\u0100", "x\u20ac" * 5,
          "\U0010ffff", "a\U0001f600", "\ud800"):
    print(ascii(s)[:20], sys.getsizeof(s), s.__sizeof__())
for ch in ("a", "\xe9", "\u20ac", "\U0010ffff"):
    try:
        ch * (sys.maxsize - 100)
    except MemoryError:
        print(ascii(ch), "MemoryError")
    try:
        (ch * 2) * (sys.maxsize // 2 + 1)
    except OverflowError as e:
        print(ascii(ch), "OverflowError:", e)
