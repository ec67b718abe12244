#!/usr/bin/env python3
"""Generate the data of Krait's `unicodedata` (Unicode 14.0, as CPython 3.11)
from the running python3's own `unicodedata`: nothing is typed by hand.

    python3 scripts/gen_ucd.py [--aliases NameAliases.txt]
                                   # rewrites crates/krait-syntax/src/ucd/data/*

Writes `tables.rs` (small tables as Rust; `tables_3_2.rs` holds ucd_3_2_0's) and little-endian binary blobs that
`tables.rs` includes with `include_bytes!`:

  prop_index.bin    u16 per 128-code-point block: the block's number
  prop_blocks.bin   u16 per code point of each distinct block: a record number
  prop_records.bin  6 bytes per distinct record: category, bidirectional,
                    combining, east_asian_width, mirrored, numeric index
  decomp_cps.bin    u32 per code point with a decomposition, ascending
  decomp_offs.bin   u32 per such code point, plus one: where its entry starts
                    in decomp_data.bin (u32s: the tag's number, then the
                    code points)
  name_words.bin    the words of names, concatenated; name_word_offs.bin u32s
  name_cps.bin      u32 per code point with a stored name, ascending
  name_offs.bin     u32 per stored name, plus one, into name_data.bin: word
                    numbers, one byte below 0x80, else two (0x80 | high, low)
                    for number + 0x80 - 0x80 (see `ucd/names.rs`)
  name_sorted.bin   u16 per stored name: the names' numbers in name order

Names of the form `PREFIX-XXXX` (the code point in hex) are not stored but
described by ranges (ALGORITHMIC), as are Hangul syllables. Name aliases
and named sequences come from candidate files (a NameAliases.txt: --aliases,
or the one the unicode_names2 crate ships if the cargo registry has it; Perl's
NamedSequences.txt) and each is
kept only if this python3's `lookup` answers it so.

`ucd_3_2_0` is described by how each answer differs from 14.0's: runs of
code points with the same 3.2 answer (OLD_*), and the normalization
corrections (code points whose 3.2 NFD differs although they are assigned in
3.2).
"""
import glob
import os
import struct
import sys
import unicodedata as U

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "krait-syntax", "src", "ucd", "data")
MAX = 0x110000
OLD = U.ucd_3_2_0

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc",
              "Cf", "Cs", "Co", "Cn", "Lm", "Lo", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm",
              "Sc", "Sk", "So"]
CATEGORIES = CATEGORIES[:17] + CATEGORIES[18:]
BIDI = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS",
        "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"]
EAW = ["F", "H", "W", "Na", "A", "N"]
HANGUL = range(0xAC00, 0xD7A4)


def le(fmt, values):
    return b"".join(struct.pack("<" + fmt, v) for v in values)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def numeric_of(ucd, c):
    return (ucd.decimal(c, -1), ucd.digit(c, -1), ucd.numeric(c, None))


def props():
    numerics = [(-1, -1, None)]
    num_index = {numerics[0]: 0}
    records = []
    rec_index = {}
    per_cp = []
    for cp in range(MAX):
        c = chr(cp)
        n = numeric_of(U, c)
        if n not in num_index:
            num_index[n] = len(numerics)
            numerics.append(n)
        rec = (CATEGORIES.index(U.category(c)), BIDI.index(U.bidirectional(c)), U.combining(c),
               EAW.index(U.east_asian_width(c)), U.mirrored(c), num_index[n])
        if rec not in rec_index:
            rec_index[rec] = len(records)
            records.append(rec)
        per_cp.append(rec_index[rec])
    blocks = []
    block_index = {}
    index = []
    for b in range(MAX // 128):
        blk = tuple(per_cp[b * 128:(b + 1) * 128])
        if blk not in block_index:
            block_index[blk] = len(blocks)
            blocks.append(blk)
        index.append(block_index[blk])
    assert len(records) < 65536 and len(numerics) < 256
    write("prop_index.bin", le("H", index))
    write("prop_blocks.bin", le("H", [r for blk in blocks for r in blk]))
    write("prop_records.bin", bytes(x for rec in records for x in rec))
    return numerics, len(records), len(blocks)


def decompositions():
    tags = [""]
    cps, offs, data = [], [], []
    for cp in range(MAX):
        d = U.decomposition(chr(cp))
        if not d:
            continue
        parts = d.split()
        tag = parts[0] if parts[0].startswith("<") else ""
        if tag:
            parts = parts[1:]
        if tag not in tags:
            tags.append(tag)
        cps.append(cp)
        offs.append(len(data))
        data.append(tags.index(tag))
        data += [int(p, 16) for p in parts]
    offs.append(len(data))
    write("decomp_cps.bin", le("I", cps))
    write("decomp_offs.bin", le("I", offs))
    write("decomp_data.bin", le("I", data))
    # Canonical pairs that NFC does not compose back (composition exclusions
    # and decompositions starting with a non-starter).
    excluded = []
    for cp in cps:
        d = U.decomposition(chr(cp)).split()
        if len(d) == 2 and not d[0].startswith("<"):
            if U.normalize("NFC", U.normalize("NFD", chr(cp))) != chr(cp):
                excluded.append(cp)
    return tags, excluded


def algorithmic_name(cp, name):
    """The prefix if `name` is PREFIX-<hex of cp>."""
    for width in ("%04X", "%05X"):
        suffix = "-" + width % cp
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return None


def names():
    algo = []  # [start, end, prefix]
    stored = []
    for cp in range(MAX):
        n = U.name(chr(cp), None)
        if n is None or cp in HANGUL:
            continue
        p = algorithmic_name(cp, n)
        if p is not None:
            if algo and algo[-1][2] == p and algo[-1][1] == cp - 1:
                algo[-1][1] = cp
            else:
                algo.append([cp, cp, p])
            continue
        stored.append((cp, n))
    count = {}
    for _, n in stored:
        for w in n.split(" "):
            count[w] = count.get(w, 0) + 1
    words = sorted(count, key=lambda w: (-count[w], w))
    number = {w: i for i, w in enumerate(words)}
    assert len(words) < 0x80 + 0x8000
    wbytes, woffs = bytearray(), []
    for w in words:
        woffs.append(len(wbytes))
        wbytes += w.encode("ascii")
    woffs.append(len(wbytes))
    data, offs = bytearray(), []
    for _, n in stored:
        offs.append(len(data))
        for w in n.split(" "):
            i = number[w]
            if i < 0x80:
                data.append(i)
            else:
                i -= 0x80
                data += bytes([0x80 | (i >> 8), i & 0xFF])
    offs.append(len(data))
    order = sorted(range(len(stored)), key=lambda i: stored[i][1])
    assert len(stored) < 65536
    write("name_words.bin", bytes(wbytes))
    write("name_word_offs.bin", le("I", woffs))
    write("name_cps.bin", le("I", [cp for cp, _ in stored]))
    write("name_offs.bin", le("I", offs))
    write("name_data.bin", bytes(data))
    write("name_sorted.bin", le("H", order))
    return algo, len(stored), len(words)


def registry_file(pattern):
    hits = sorted(glob.glob(os.path.expanduser(pattern)))
    return hits[-1] if hits else None


def candidates(path):
    out = []
    if path is None:
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                out.append([p.strip() for p in line.split(";")])
    return out


def aliases():
    if "--aliases" in sys.argv:
        path = sys.argv[sys.argv.index("--aliases") + 1]
    else:
        path = registry_file("~/.cargo/registry/src/*/unicode_names2-*/data/NameAliases.txt")
    assert path, "NameAliases.txt not found: pass --aliases FILE (Unicode's UCD file)"
    out = {}
    for cp, alias, _kind in candidates(path):
        try:
            if U.lookup(alias) == chr(int(cp, 16)):
                out[alias] = int(cp, 16)
        except KeyError:
            pass
    return sorted(out.items())


def named_sequences():
    path = registry_file("/usr/share/perl/*/unicore/NamedSequences.txt")
    assert path, "NamedSequences.txt not found"
    out = {}
    for name, seq in candidates(path):
        s = "".join(chr(int(x, 16)) for x in seq.split())
        try:
            if U.lookup(name) == s:
                out[name] = s
        except KeyError:
            pass
    return sorted(out.items())


def old_runs(get_old, get_new):
    """[start, end, old value] runs wherever 3.2's answer differs."""
    runs = []
    for cp in range(MAX):
        c = chr(cp)
        old = get_old(c)
        if old == get_new(c):
            continue
        if runs and runs[-1][1] == cp - 1 and runs[-1][2] == old:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp, old])
    return runs


def rust_str(s):
    return '"' + "".join(f"\\u{{{ord(x):X}}}" if ord(x) > 0x7E or x in '"\\' else x for x in s) + '"'


def fmt_f64(x):
    return "f64::NAN" if x is None else f"f64::from_bits(0x{struct.unpack('<Q', struct.pack('<d', x))[0]:016X})"


def main():
    assert U.unidata_version == "14.0.0", U.unidata_version
    os.makedirs(OUT, exist_ok=True)
    numerics, nrec, nblk = props()
    tags, excluded = decompositions()
    algo, nstored, nwords = names()
    al = aliases()
    seqs = named_sequences()

    old_cat = old_runs(OLD.category, U.category)
    old_bidi = old_runs(OLD.bidirectional, U.bidirectional)
    old_comb = old_runs(OLD.combining, U.combining)
    old_eaw = old_runs(OLD.east_asian_width, U.east_asian_width)
    old_mirr = old_runs(OLD.mirrored, U.mirrored)
    old_decomp = old_runs(OLD.decomposition, U.decomposition)
    old_num = old_runs(lambda c: numeric_of(OLD, c), lambda c: numeric_of(U, c))
    old_named = old_runs(lambda c: OLD.name(c, None) is not None, lambda c: U.name(c, None) is not None)
    assert all(not v for _, _, v in old_named)
    assert all(v == "" for _, _, v in old_decomp)
    corrections = []
    for cp in range(MAX):
        c = chr(cp)
        if OLD.category(c) != "Cn" and OLD.normalize("NFD", c) != U.normalize("NFD", c):
            d = OLD.normalize("NFD", c)
            assert len(d) == 1 and OLD.normalize("NFKD", c) == d
            corrections.append((cp, ord(d)))

    p = [
        "//! Unicode 14.0 data of `unicodedata`, generated by scripts/gen_ucd.py from",
        "//! python3's own `unicodedata`. Do not edit by hand.",
        "//!",
        "//! Invariant: range lists are sorted and disjoint, ranges inclusive.",
        "",
        f"pub static CATEGORIES: [&str; {len(CATEGORIES)}] = [{', '.join(rust_str(x) for x in CATEGORIES)}];",
        f"pub static BIDI: [&str; {len(BIDI)}] = [{', '.join(rust_str(x) for x in BIDI)}];",
        f"pub static EAW: [&str; {len(EAW)}] = [{', '.join(rust_str(x) for x in EAW)}];",
        f"pub static DECOMP_TAGS: [&str; {len(tags)}] = [{', '.join(rust_str(x) for x in tags)}];",
        "",
        f"/// {nrec} distinct records in {nblk} distinct blocks of 128 code points.",
        "pub static PROP_INDEX: &[u8] = include_bytes!(\"prop_index.bin\");",
        "pub static PROP_BLOCKS: &[u8] = include_bytes!(\"prop_blocks.bin\");",
        "pub static PROP_RECORDS: &[u8] = include_bytes!(\"prop_records.bin\");",
        "pub static DECOMP_CPS: &[u8] = include_bytes!(\"decomp_cps.bin\");",
        "pub static DECOMP_OFFS: &[u8] = include_bytes!(\"decomp_offs.bin\");",
        "pub static DECOMP_DATA: &[u8] = include_bytes!(\"decomp_data.bin\");",
        f"/// {nstored} stored names made of {nwords} distinct words.",
        "pub static NAME_WORDS: &[u8] = include_bytes!(\"name_words.bin\");",
        "pub static NAME_WORD_OFFS: &[u8] = include_bytes!(\"name_word_offs.bin\");",
        "pub static NAME_CPS: &[u8] = include_bytes!(\"name_cps.bin\");",
        "pub static NAME_OFFS: &[u8] = include_bytes!(\"name_offs.bin\");",
        "pub static NAME_DATA: &[u8] = include_bytes!(\"name_data.bin\");",
        "pub static NAME_SORTED: &[u8] = include_bytes!(\"name_sorted.bin\");",
        "",
        "/// (decimal, digit, numeric) values; -1 and NaN for none.",
        f"pub static NUMERICS: [(i8, i8, f64); {len(numerics)}] = [",
    ]
    p += [f"    ({d}, {g}, {fmt_f64(n)})," for d, g, n in numerics]
    p += ["];", "",
          "/// Canonical pairs that NFC does not compose back to their code point.",
          f"pub static COMPOSITION_EXCLUDED: [u32; {len(excluded)}] = ["]
    p += [f"    0x{cp:X}," for cp in excluded]
    p += ["];", "",
          "/// Names `PREFIX-XXXX` (the code point in 4 or 5 hex digits) over a range.",
          f"pub static ALGORITHMIC: [(u32, u32, &str); {len(algo)}] = ["]
    p += [f"    (0x{a:X}, 0x{b:X}, {rust_str(n)})," for a, b, n in algo]
    p += ["];", "", "/// Name aliases, sorted by alias.", f"pub static ALIASES: [(&str, u32); {len(al)}] = ["]
    p += [f"    ({rust_str(a)}, 0x{cp:X})," for a, cp in al]
    p += ["];", "", "/// Named sequences, sorted by name.", f"pub static NAMED_SEQUENCES: [(&str, &str); {len(seqs)}] = ["]
    p += [f"    ({rust_str(a)}, {rust_str(s)})," for a, s in seqs]
    p += ["];", ""]

    def packed(items, per_line=6):
        """Table entries, several to a line (the 3.2.0 range lists are long)."""
        return ["    " + " ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]

    def runs(name, doc, rs, ty, fmt):
        out = [f"/// {doc}", f"pub static {name}: [(u32, u32, {ty}); {len(rs)}] = ["]
        out += packed([f"(0x{a:X}, 0x{b:X}, {fmt(v)})," for a, b, v in rs])
        return out + ["];", ""]

    with open(os.path.join(OUT, "tables.rs"), "w", encoding="utf-8") as f:
        f.write("\n".join(p))

    # ucd_3_2_0 as differences from 14.0: its own file.
    p = [
        "//! Unicode 3.2.0 data of `unicodedata.ucd_3_2_0`, as differences from the",
        "//! 14.0 tables, generated by scripts/gen_ucd.py from python3's own",
        "//! `unicodedata`. Do not edit by hand.",
        "//!",
        "//! Invariant: range lists are sorted and disjoint, ranges inclusive.",
        "",
    ]
    p += runs("OLD_CATEGORY", "3.2.0's category where it differs (index into CATEGORIES).", old_cat, "u8",
              lambda v: CATEGORIES.index(v))
    p += runs("OLD_BIDI", "3.2.0's bidirectional class where it differs.", old_bidi, "u8", lambda v: BIDI.index(v))
    p += runs("OLD_COMBINING", "3.2.0's combining class where it differs.", old_comb, "u8", str)
    p += runs("OLD_EAW", "3.2.0's east asian width where it differs.", old_eaw, "u8", lambda v: EAW.index(v))
    p += runs("OLD_MIRRORED", "3.2.0's mirrored property where it differs.", old_mirr, "u8", str)
    p += runs("OLD_NUMERIC", "3.2.0's (decimal, digit, numeric) where they differ.", old_num, "(i8, i8, f64)",
              lambda v: f"({v[0]}, {v[1]}, {fmt_f64(v[2])})")
    p += ["/// Code points with a 14.0 decomposition but none in 3.2.0.",
          f"pub static OLD_NO_DECOMP: [(u32, u32); {len(old_decomp)}] = ["]
    p += packed([f"(0x{a:X}, 0x{b:X})," for a, b, _ in old_decomp])
    p += ["];", "", "/// Code points with a 14.0 name but none in 3.2.0.",
          f"pub static OLD_UNNAMED: [(u32, u32); {len(old_named)}] = ["]
    p += packed([f"(0x{a:X}, 0x{b:X})," for a, b, _ in old_named])
    p += ["];", "", "/// 3.2.0's normalization corrections: the code point's 3.2 decomposition.",
          f"pub static OLD_CORRECTIONS: [(u32, u32); {len(corrections)}] = ["]
    p += [f"    (0x{a:X}, 0x{b:X})," for a, b in corrections]
    p += ["];", ""]
    with open(os.path.join(OUT, "tables_3_2.rs"), "w", encoding="utf-8") as f:
        f.write("\n".join(p))
    print(f"{nrec} records, {nblk} blocks, {len(numerics)} numerics, {len(tags)} tags, "
          f"{len(excluded)} excluded, {len(algo)} algorithmic, {nstored} names, {nwords} words, "
          f"{len(al)} aliases, {len(seqs)} sequences, {len(corrections)} corrections")


if __name__ == "__main__":
    main()
