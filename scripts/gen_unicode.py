#!/usr/bin/env python3
"""Generate Krait's Unicode tables from the running python3 (CPython 3.11,
Unicode 14.0): nothing is typed by hand, every table is what CPython's own
`str` methods and `unicodedata` answer for each code point.

    python3 scripts/gen_unicode.py            # rewrites crates/krait-syntax/src/unicode/tables.rs
    python3 scripts/gen_unicode.py --test-data DIR
                                              # also writes exhaustive expected data for the
                                              # #[ignore]d tests (KRAIT_UNICODE_DATA=DIR)

Tables (sorted, disjoint, inclusive code point ranges):
  ID_START     c.isidentifier()            (XID_Start plus '_')
  ID_CONTINUE  ('a' + c).isidentifier()    (XID_Continue)
  PRINTABLE    c.isprintable()
  NAMED        unicodedata.name(c) exists, minus the Hangul syllables and CJK
               unified ideographs, whose names CPython computes
  ALPHA, DECIMAL, DIGIT, NUMERIC, SPACE
               c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace()
  LOWERCASE    c.islower() (one character: the Lowercase property)
  UPPERCASE    c.isupper() (one character: the Uppercase property)
  TITLECASE    c.istitle() and not c.isupper() (general category Lt)
  CASE_IGNORABLE
               the characters `lower()` skips when it decides whether a capital
               sigma ends a word (Case_Ignorable), found by probing that rule:
               'ς' both in ('A' + c + 'Σ').lower() and in ('ΑΣ' + c).lower()
  TITLE_SPECIAL
               (c, c.title()) where the title case differs from c.upper()
  FOLD_SPECIAL (c, c.casefold()) where the case folding differs from c.lower()

Name aliases (`\\N{...}` and the names sample) are not tabled here: names
are `crate::ucd`'s (scripts/gen_ucd.py). The sample of names tried still
includes every alias of a NameAliases.txt (by default the one the
unicode_names2 crate ships, found in the cargo registry; or --aliases FILE),
each kept only if this python3 resolves it to that code point.
"""
import glob
import os
import random
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "krait-syntax", "src", "unicode", "tables.rs")
MAX = 0x110000


def ranges(pred):
    out = []
    start = None
    for cp in range(MAX):
        if pred(cp):
            if start is None:
                start = cp
        elif start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, MAX - 1))
    return out


def is_hangul_syllable(cp):
    return 0xAC00 <= cp <= 0xD7A3


def name_of(cp):
    return unicodedata.name(chr(cp), None)


def is_cjk_unified(cp):
    n = name_of(cp)
    return n is not None and n.startswith("CJK UNIFIED IDEOGRAPH-")


def find_aliases_file(argv):
    if "--aliases" in argv:
        return argv[argv.index("--aliases") + 1]
    home = os.path.expanduser("~")
    hits = sorted(glob.glob(os.path.join(
        home, ".cargo", "registry", "src", "*", "unicode_names2-*", "data", "NameAliases.txt")))
    if not hits:
        sys.exit("NameAliases.txt not found: build the workspace once (cargo fetch), "
                 "or pass --aliases FILE")
    return hits[-1]


def aliases(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            cp, alias, _kind = line.split(";")
            cp = int(cp, 16)
            try:
                got = unicodedata.lookup(alias)
            except KeyError:
                continue  # an alias newer than this python's Unicode
            if got == chr(cp):
                out[alias] = cp
    return sorted(out.items())


def fmt_ranges(name, doc, rs):
    lines = [f"/// {doc}", f"pub static {name}: [(u32, u32); {len(rs)}] = ["]
    row = []
    for a, b in rs:
        row.append(f"(0x{a:X}, 0x{b:X}),")
        if len(row) == 6:
            lines.append("    " + " ".join(row))
            row = []
    if row:
        lines.append("    " + " ".join(row))
    lines.append("];")
    return "\n".join(lines)


def is_case_ignorable(cp):
    c = chr(cp)
    return ("A" + c + "\u03a3").lower()[-1] == "\u03c2" and ("\u0391\u03a3" + c).lower()[1] == "\u03c2"


def special_mappings(mapping, base):
    """(code point, mapping(c)) wherever it differs from base(c)."""
    out = []
    for cp in range(MAX):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        if mapping(c) != base(c):
            out.append((cp, mapping(c)))
    return out


def fmt_special(name, doc, pairs):
    lines = [f"/// {doc}", f"pub static {name}: [(u32, &str); {len(pairs)}] = ["]
    for cp, m in pairs:
        text = "".join(f"\\u{{{ord(x):X}}}" for x in m)
        lines.append(f'    (0x{cp:X}, "{text}"),')
    lines.append("];")
    return "\n".join(lines)


def case_tables():
    """The str-method tables, in the order they are written."""
    return [
        ("ALPHA", "`c.isalpha()`.", ranges(lambda cp: chr(cp).isalpha())),
        ("DECIMAL", "`c.isdecimal()`.", ranges(lambda cp: chr(cp).isdecimal())),
        ("DIGIT", "`c.isdigit()`.", ranges(lambda cp: chr(cp).isdigit())),
        ("NUMERIC", "`c.isnumeric()`.", ranges(lambda cp: chr(cp).isnumeric())),
        ("SPACE", "`c.isspace()`.", ranges(lambda cp: chr(cp).isspace())),
        ("LOWERCASE", "`c.islower()` (the Lowercase property).", ranges(lambda cp: chr(cp).islower())),
        ("UPPERCASE", "`c.isupper()` (the Uppercase property).", ranges(lambda cp: chr(cp).isupper())),
        ("TITLECASE", "Titlecase letters (Lt): `c.istitle() and not c.isupper()`.",
         ranges(lambda cp: chr(cp).istitle() and not chr(cp).isupper())),
        ("CASE_IGNORABLE", "Case_Ignorable, as `lower()`'s final-sigma rule skips it.",
         ranges(is_case_ignorable)),
    ]


def main():
    assert unicodedata.unidata_version == "14.0.0", unicodedata.unidata_version
    id_start = ranges(lambda cp: chr(cp).isidentifier())
    id_continue = ranges(lambda cp: ("a" + chr(cp)).isidentifier())
    printable = ranges(lambda cp: chr(cp).isprintable())
    cjk = ranges(is_cjk_unified)
    named = ranges(lambda cp: name_of(cp) is not None and not is_hangul_syllable(cp)
                   and not is_cjk_unified(cp))
    al = aliases(find_aliases_file(sys.argv))

    parts = [
        "//! Unicode 14.0 tables, generated by scripts/gen_unicode.py from python3's own",
        "//! `str` methods and `unicodedata`. Do not edit by hand.",
        "//!",
        "//! Invariant: every range table is sorted, its ranges disjoint and inclusive.",
        "",
        fmt_ranges("ID_START", "`c.isidentifier()`.", id_start),
        "",
        fmt_ranges("ID_CONTINUE", "`('a' + c).isidentifier()`.", id_continue),
        "",
        fmt_ranges("PRINTABLE", "`c.isprintable()`.", printable),
        "",
        fmt_ranges("NAMED", "Code points with a name in `unicodedata` other than the Hangul "
                   "syllables and CJK unified ideographs.", named),
        "",
    ]
    for name, doc, rs in case_tables():
        parts += [fmt_ranges(name, doc, rs), ""]
    parts += [
        fmt_special("TITLE_SPECIAL", "`c.title()` where it differs from `c.upper()`, by code point.",
                    special_mappings(str.title, str.upper)),
        "",
        fmt_special("FOLD_SPECIAL", "`c.casefold()` where it differs from `c.lower()`, by code point.",
                    special_mappings(str.casefold, str.lower)),
        "",
    ]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(parts))
    print(f"wrote {OUT}: {len(id_start)} id_start, {len(id_continue)} id_continue, "
          f"{len(printable)} printable, {len(named)} named, {len(cjk)} cjk, {len(al)} aliases")

    names = name_cases(al)
    sample = random.Random(3).sample(names[:-8], 1200) + names[-8:]
    write_names(os.path.join(os.path.dirname(OUT), "names_sample.txt"), sample)
    if "--test-data" in sys.argv:
        write_test_data(sys.argv[sys.argv.index("--test-data") + 1], names)


def name_cases(al):
    """Names to try in `\\N{...}`: each name as is, lowercased and title-cased,
    every alias as is and lowercased, then a few known oddities (last 8)."""
    names = []
    for cp in range(MAX):
        n = name_of(cp)
        if n is not None:
            names += [n, n.lower(), n.title()]
    names += [a for a, _ in al] + [a.lower() for a, _ in al]
    names += ["LATIN SMALL LETTER A WITH MACRON AND GRAVE", "TANGUT IDEOGRAPH-17000",
              "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-4E0", "HANGUL SYLLABLE",
              "LATIN  SMALL LETTER A", "LATIN_SMALL_LETTER_A", "latinsmalllettera"]
    return names


def write_names(path, names):
    """`name;expected`: the code point compiling `"\\N{name}"` gives, or `-`."""
    with open(path, "w") as f:
        for n in names:
            try:
                v = eval('"\\N{%s}"' % n)
                exp = f"{ord(v):X}"
            except SyntaxError:
                exp = "-"
            f.write(f"{n};{exp}\n")


def write_test_data(d, names):
    """Exhaustive expectations for the #[ignore]d tests in unicode/tests.rs."""
    os.makedirs(d, exist_ok=True)
    # One line per code point: hex, then flags S(tart) C(ontinue) P(rintable).
    with open(os.path.join(d, "props.txt"), "w") as f:
        for cp in range(MAX):
            c = chr(cp)
            flags = ("S" if c.isidentifier() else "-") + \
                    ("C" if ("a" + c).isidentifier() else "-") + \
                    ("P" if c.isprintable() else "-")
            # The str-method properties, in `case_tables()` order.
            props = [c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(),
                     c.islower(), c.isupper(), c.istitle() and not c.isupper(), is_case_ignorable(cp)]
            flags += "".join("1" if p else "0" for p in props)
            f.write(f"{cp:X} {flags}\n")
    # `cp;upper;lower;title;casefold` (hex code points) wherever one differs
    # from the character itself.
    with open(os.path.join(d, "case.txt"), "w") as f:
        for cp in range(MAX):
            if 0xD800 <= cp <= 0xDFFF:
                continue
            c = chr(cp)
            maps = [c.upper(), c.lower(), c.title(), c.casefold()]
            if any(m != c for m in maps):
                f.write(f"{cp:X};" + ";".join(" ".join(f"{ord(x):X}" for x in m) for m in maps) + "\n")
    # NFKC of `a` + every identifier character, then of random runs of
    # identifier characters (combining sequences, jamo); `in;out`, hex code points.
    cont = [cp for cp in range(0x80, MAX) if ("a" + chr(cp)).isidentifier()]
    marks = [cp for cp in cont if unicodedata.category(chr(cp)) in ("Mn", "Mc")]
    jamo = [cp for cp in cont if 0x1100 <= cp <= 0x11FF]
    rng = random.Random(4)
    cases = [[0x61, cp] for cp in cont]
    for _ in range(200000):
        pool = rng.choice([cont, marks, jamo, cont + marks])
        cases.append([0x61] + [rng.choice(pool) for _ in range(rng.randint(1, 5))])
    with open(os.path.join(d, "nfkc.txt"), "w") as f:
        for case in cases:
            out = unicodedata.normalize("NFKC", "".join(map(chr, case)))
            f.write(" ".join(f"{cp:X}" for cp in case) + ";" +
                    " ".join(f"{ord(x):X}" for x in out) + "\n")
    write_names(os.path.join(d, "names.txt"), names)
    print(f"wrote test data to {d}")


if __name__ == "__main__":
    main()
