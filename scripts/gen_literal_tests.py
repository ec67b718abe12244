#!/usr/bin/env python3
"""Generate expected results for Krait's literal decoding (literals.rs) and
constant reprs (repr.rs) by asking python3 (CPython 3.11) itself.

    python3 scripts/gen_literal_tests.py                # rewrites the committed fixtures
    python3 scripts/gen_literal_tests.py --big DIR      # also writes large data sets to DIR
                                                        # for the #[ignore]d tests (KRAIT_LITERAL_DATA=DIR)

literals.txt, one case per line, fields separated by TAB:
    the token text, hex-encoded UTF-8
    the expected outcome:  S <code points, hex>   (str)
                           B <bytes, hex>         (bytes)
                           I <decimal>            (int)
                           F <float.hex()>        (float)
                           C <float.hex() of imag>(imaginary)
                           E <SyntaxError message>
    optionally             W <DeprecationWarning message>

reprs.txt: `<kind> <input> TAB <repr>` with kind f (float bits, hex), c (real
bits imag bits), s (code points, hex), b (bytes, hex).
"""
import os
import random
import struct
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "krait-syntax", "src")

PIECES = [
    "a", "Z", " ", "0", "7", "8", "9", "x", "u", "U", "N", "{", "}", "'", '"', "\\", "\\", "\\",
    "\\\\", "\\n", "\\t", "\\x4", "\\x41", "\\xg", "\\u00e9", "\\ud800", "\\udfff", "\\U0001F600",
    "\\U00110000", "\\N{LATIN SMALL LETTER A}", "\\N{foo}", "\\N{", "\\N{}", "\\N{NUL}",
    "\\N{latin capital letter b}", "\\N{HANGUL SYLLABLE GA}", "\\N{CJK UNIFIED IDEOGRAPH-4E00}",
    "\\0", "\\12", "\\377", "\\400", "\\777", "\\1234", "\\q", "\\d", "\\8", "\\{", "\\\n",
    "\\\r\n", "\\\r", "\r\n", "\r", "\n", "é", "\\é", "😀", "中", "\u2028", "\x7f", "\t",
]


def token_ok(tok):
    """Does the tokenizer accept `tok` as one STRING token?"""
    import io
    import tokenize
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(tok.replace("\r", "\n")).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return False
    strings = [t for t in toks if t.type == tokenize.STRING]
    return len(strings) == 1 and strings[0].string == tok.replace("\r", "\n")


def outcome(tok):
    src = "x = " + tok + "\n"
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            code = compile(src, "<s>", "exec")
        except SyntaxError as e:
            return "E " + e.msg
        ns = {}
        exec(code, ns)
    v = ns["x"]
    if isinstance(v, str):
        out = "S " + " ".join(f"{ord(c):X}" for c in v)
    elif isinstance(v, bytes):
        out = "B " + v.hex()
    elif isinstance(v, bool):
        raise AssertionError(tok)
    elif isinstance(v, int):
        out = f"I {v}"
    elif isinstance(v, float):
        out = "F " + v.hex()
    else:
        out = "C " + v.imag.hex()
    dep = [str(x.message) for x in w if issubclass(x.category, DeprecationWarning)]
    assert len(dep) <= 1, (tok, dep)
    if dep:
        out += "\tW " + dep[0]
    return out


def string_tokens(rng, n):
    prefixes = ["", "", "", "r", "b", "rb", "Rb", "u", "U", "B", "bR"]
    quotes = ['"', "'", '"""', "'''"]
    out = []
    while len(out) < n:
        body = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6)))
        tok = rng.choice(prefixes) + (q := rng.choice(quotes)) + body + q
        # The tokenize module is looser than the C tokenizer: drop what the
        # latter rejects.
        if token_ok(tok) and not outcome(tok).startswith("E unterminated"):
            out.append(tok)
    return out


def number_tokens(rng, n):
    fixed = ["0", "00", "0_0", "1", "9223372036854775807", "9223372036854775808",
             "18446744073709551615", "18446744073709551616", "1_000_000", "0x_ff", "0XfF",
             "0o17", "0O_7", "0b1010", "0B_1", "0x" + "f" * 40, "0b" + "1" * 70, "0o" + "7" * 30,
             "1" * 4300, "1" * 4301, "1_" * 4300 + "1", "0" * 5000, "1.", ".5", "1e5", "1E+5",
             "1e-5", "1.5e300", "1e309", "1e-400", "2.5e-324", "1_0.0_1e1_0", "0e0", "00.5",
             "1j", "1J", "0j", "1.5e3J", "1e309j", ".5j", "1_2j", "5e-324", "4.9406564584124654e-324",
             "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
             "0.1", "0.30000000000000004", "123456789012345678901234567890.0",
             "9007199254740993", "9007199254740993.0", "1" + "0" * 400 + ".0e-400"]
    out = list(fixed)
    while len(out) < n:
        k = rng.random()
        if k < 0.3:
            out.append(str(rng.randint(1, 10 ** rng.randint(1, 40))))
        elif k < 0.5:
            out.append(f"{rng.uniform(0, 10 ** rng.randint(-30, 30)):.{rng.randint(1, 25)}g}")
        elif k < 0.7:
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 30)))
            out.append(f"{digits}e{rng.randint(-340, 320)}")
        elif k < 0.8:
            out.append(hex(rng.getrandbits(rng.randint(1, 200))))
        else:
            f = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(63)))[0]
            out.append(repr(f) + rng.choice(["", "j"]))
    return [t for t in out if t not in ("nan", "inf") and "nan" not in t and "inf" not in t]


def write_literals(path, n_str, n_num, seed):
    rng = random.Random(seed)
    toks = string_tokens(rng, n_str) + number_tokens(rng, n_num)
    with open(path, "w", encoding="utf-8") as f:
        for tok in toks:
            f.write(tok.encode().hex() + "\t" + outcome(tok) + "\n")


def float_bits(f):
    return struct.unpack("<Q", struct.pack("<d", f))[0]


def interesting_doubles(rng, n):
    vals = [0.0, -0.0, 1.0, -1.0, 0.1, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 0.0001234,
            123.0, 1e22, 1e23, 5e-324, 1.7976931348623157e308, float("inf"), -float("inf"),
            float("nan"), -float("nan"), 2.0 ** 63, 1 / 3, 100.0, 1234567890123456.7]
    while len(vals) < n:
        k = rng.random()
        if k < 0.4:
            vals.append(struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0])
        elif k < 0.7:
            vals.append(rng.uniform(-1, 1) * 10 ** rng.randint(-25, 25))
        else:
            vals.append(float(rng.randint(-10 ** 18, 10 ** 18)) / 10 ** rng.randint(0, 20))
    return vals


def write_reprs(path, n, seed):
    rng = random.Random(seed)
    lines = []
    for f in interesting_doubles(rng, n):
        lines.append(f"f {float_bits(f):016X}\t{f!r}")
    specials = [0.0, -0.0, 1.0, -1.0, 2.5, 1e16, 1e-5, float("inf"), -float("inf"),
                float("nan"), -float("nan")]
    for re in specials:
        for im in specials:
            lines.append(f"c {float_bits(re):016X} {float_bits(im):016X}\t{complex(re, im)!r}")
    for _ in range(n // 10):
        re, im = interesting_doubles(rng, 2)[-2:] if rng.random() < 0.5 else (
            rng.choice(specials), interesting_doubles(rng, 25)[-1])
        lines.append(f"c {float_bits(re):016X} {float_bits(im):016X}\t{complex(re, im)!r}")
    alphabet = [chr(c) for c in range(0, 0x100)] + ["'", '"', "\\", "\ud800", "\udfff", "\u2028",
                                                    "\u00ad", "\U0001F600", "\U000E0001",
                                                    "\U0010FFFF", "\uFFFF", "\u0378", "中"]
    for _ in range(n // 4):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        if rng.random() < 0.2:
            s = "".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(3))
        lines.append("s " + " ".join(f"{ord(c):X}" for c in s) + "\t" + repr(s))
    for _ in range(n // 4):
        b = bytes(rng.choice([39, 34, 92, rng.randint(0, 255)]) for _ in range(rng.randint(0, 8)))
        lines.append("b " + b.hex() + "\t" + repr(b))
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write("\n".join(lines) + "\n")


def main():
    write_literals(os.path.join(OUT, "literals", "fixtures.txt"), 1200, 300, 1)
    write_reprs(os.path.join(OUT, "repr", "fixtures.txt"), 1000, 2)
    if "--big" in sys.argv:
        d = sys.argv[sys.argv.index("--big") + 1]
        os.makedirs(d, exist_ok=True)
        write_literals(os.path.join(d, "literals.txt"), 100000, 50000, 11)
        write_reprs(os.path.join(d, "reprs.txt"), 1000000, 12)


if __name__ == "__main__":
    main()
