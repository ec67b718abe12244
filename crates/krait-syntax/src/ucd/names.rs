//! Character names both ways: `unicodedata.name` and `lookup`, and the
//! `\N{...}` escape.
//!
//! Invariants:
//! - Stored names (32k) are word numbers into a word list, in code point
//!   order, with a permutation sorting them by name for `lookup` (binary
//!   search decoding names on the fly: no table is built at run time).
//! - Names `PREFIX-XXXX` (CJK unified and compatibility ideographs, Khitan,
//!   Nushu) and Hangul syllables are computed. As in CPython, the prefixes
//!   `HANGUL SYLLABLE ` and `CJK UNIFIED IDEOGRAPH-` match only in upper
//!   case (with upper-case hex digits); every other name, alias and named
//!   sequence matches ignoring ASCII case.
//! - 3.2.0 has no aliases or named sequences, and no names for code points
//!   it did not assign (its Hangul and CJK unified lookups are 14.0's).

use super::{find_u32, in_ranges, tables, tables_3_2, u16_at, u32_at, Version};

/// CPython's `NAME_MAXLEN`: longer names raise "name too long".
pub const NAME_MAXLEN: usize = 256;

const S_BASE: u32 = 0xAC00;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// The jamo short names of the leading consonants, vowels and trailing
/// consonants, in order (Unicode's Jamo.txt).
const JAMO_L: [&str; 19] = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J",
    "C", "K", "T", "P", "H",
];

const CJK_UNIFIED: &str = "CJK UNIFIED IDEOGRAPH";

/// What a name stands for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Found {
    Char(u32),
    Sequence(&'static str),
}

/// Stored name number `i`, pushed to `out`.
fn push_stored(i: usize, out: &mut String) {
    let (start, end) = (u32_at(tables::NAME_OFFS, i) as usize, u32_at(tables::NAME_OFFS, i + 1) as usize);
    let data = &tables::NAME_DATA[start..end];
    let mut j = 0;
    while j < data.len() {
        let b = data[j] as usize;
        let word = if b < 0x80 {
            j += 1;
            b
        } else {
            j += 2;
            (((b & 0x7F) << 8) | data[j - 1] as usize) + 0x80
        };
        if !out.is_empty() {
            out.push(' ');
        }
        let (ws, we) = (u32_at(tables::NAME_WORD_OFFS, word) as usize, u32_at(tables::NAME_WORD_OFFS, word + 1) as usize);
        // The words are ASCII (checked by the generator).
        out.push_str(std::str::from_utf8(&tables::NAME_WORDS[ws..we]).unwrap_or(""));
    }
}

fn stored_name(i: usize) -> String {
    let mut s = String::with_capacity(32);
    push_stored(i, &mut s);
    s
}

/// `unicodedata.name(chr(cp))`, `None` where it has none.
pub fn name(cp: u32, v: Version) -> Option<String> {
    if v == Version::V3_2 && in_ranges(&tables_3_2::OLD_UNNAMED, cp) {
        return None;
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        let (l, vv, t) = (s / N_COUNT, (s % N_COUNT) / T_COUNT, s % T_COUNT);
        return Some(format!("HANGUL SYLLABLE {}{}{}", JAMO_L[l as usize], JAMO_V[vv as usize], JAMO_T[t as usize]));
    }
    let i = tables::ALGORITHMIC.partition_point(|&(_, end, _)| end < cp);
    if let Some(&(start, _, prefix)) = tables::ALGORITHMIC.get(i) {
        if start <= cp {
            return Some(format!("{prefix}-{cp:04X}"));
        }
    }
    find_u32(tables::NAME_CPS, cp).map(stored_name)
}

/// The longest of `names` that `s` starts with: (its index, its length).
fn longest_jamo(s: &str, names: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, n) in names.iter().enumerate() {
        if s.starts_with(n) && !matches!(best, Some((_, len)) if n.len() <= len) {
            best = Some((i, n.len()));
        }
    }
    best
}

/// `HANGUL SYLLABLE <jamo>` read as CPython does: the longest leading
/// consonant, then the longest vowel, then the longest trailing consonant,
/// which must end the name.
fn hangul(jamo: &str) -> Option<u32> {
    let (l, n) = longest_jamo(jamo, &JAMO_L)?;
    let rest = &jamo[n..];
    let (v, n) = longest_jamo(rest, &JAMO_V)?;
    let rest = &rest[n..];
    let (t, n) = longest_jamo(rest, &JAMO_T)?;
    (n == rest.len()).then(|| S_BASE + (l as u32 * V_COUNT + v as u32) * T_COUNT + t as u32)
}

/// `PREFIX-XXXX` (`upper`, already in upper case) for a computed range other
/// than the CJK unified ideographs: the hex must be the name's exactly.
fn algorithmic(upper: &str, v: Version) -> Option<u32> {
    let (prefix, hex) = upper.rsplit_once('-')?;
    if prefix == CJK_UNIFIED || !hex.bytes().all(|b| b.is_ascii_hexdigit()) || hex.len() > 6 {
        return None;
    }
    let cp = u32::from_str_radix(hex, 16).ok()?;
    let i = tables::ALGORITHMIC.partition_point(|&(_, end, _)| end < cp);
    let &(start, _, p) = tables::ALGORITHMIC.get(i)?;
    let named = start <= cp && p == prefix && format!("{cp:04X}") == hex;
    (named && !(v == Version::V3_2 && in_ranges(&tables_3_2::OLD_UNNAMED, cp))).then_some(cp)
}

/// Binary search of the stored names for `upper`.
fn stored(upper: &str, v: Version) -> Option<u32> {
    let count = tables::NAME_SORTED.len() / 2;
    let (mut lo, mut hi) = (0, count);
    let mut buf = String::with_capacity(64);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let i = u16_at(tables::NAME_SORTED, mid) as usize;
        buf.clear();
        push_stored(i, &mut buf);
        match buf.as_str().cmp(upper) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => {
                let cp = u32_at(tables::NAME_CPS, i);
                return (!(v == Version::V3_2 && in_ranges(&tables_3_2::OLD_UNNAMED, cp))).then_some(cp);
            }
        }
    }
    None
}

/// `unicodedata.lookup(name)` (`sequences`), or a `\N{name}` escape (not).
/// `name` is the UTF-8 of the name; names longer than `NAME_MAXLEN` are
/// the caller's error.
pub fn lookup(name: &[u8], v: Version, sequences: bool) -> Option<Found> {
    let name = std::str::from_utf8(name).ok()?;
    if let Some(jamo) = name.strip_prefix("HANGUL SYLLABLE ") {
        return hangul(jamo).map(Found::Char);
    }
    if let Some(hex) = name.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        let ok = matches!(hex.len(), 4 | 5) && hex.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b));
        let cp = if ok { u32::from_str_radix(hex, 16).ok()? } else { return None };
        let unified = tables::ALGORITHMIC.iter().any(|&(a, b, p)| p == CJK_UNIFIED && (a..=b).contains(&cp));
        return unified.then_some(Found::Char(cp));
    }
    if !name.is_ascii() {
        return None;
    }
    let upper = name.to_ascii_uppercase();
    if let Some(cp) = stored(&upper, v).or_else(|| algorithmic(&upper, v)) {
        return Some(Found::Char(cp));
    }
    if v == Version::V3_2 {
        return None;
    }
    if let Ok(i) = tables::ALIASES.binary_search_by(|&(a, _)| a.cmp(upper.as_str())) {
        return Some(Found::Char(tables::ALIASES[i].1));
    }
    if sequences {
        if let Ok(i) = tables::NAMED_SEQUENCES.binary_search_by(|&(a, _)| a.cmp(upper.as_str())) {
            return Some(Found::Sequence(tables::NAMED_SEQUENCES[i].1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ways() {
        let v = Version::V14;
        assert_eq!(name('a' as u32, v).as_deref(), Some("LATIN SMALL LETTER A"));
        assert_eq!(name(0xAC01, v).as_deref(), Some("HANGUL SYLLABLE GAG"));
        assert_eq!(name(0x4E00, v).as_deref(), Some("CJK UNIFIED IDEOGRAPH-4E00"));
        assert_eq!(name(0xF900, v).as_deref(), Some("CJK COMPATIBILITY IDEOGRAPH-F900"));
        assert_eq!(name(0x0378, v), None);
        assert_eq!(lookup(b"latin small letter a", v, false), Some(Found::Char(0x61)));
        assert_eq!(lookup(b"HANGUL SYLLABLE GAG", v, false), Some(Found::Char(0xAC01)));
        assert_eq!(lookup(b"hangul syllable gag", v, false), None);
        assert_eq!(lookup(b"cjk compatibility ideograph-f900", v, false), Some(Found::Char(0xF900)));
        assert_eq!(lookup(b"CJK COMPATIBILITY IDEOGRAPH-0F900", v, false), None);
        assert_eq!(lookup(b"LATIN CAPITAL LETTER GHA", v, false), Some(Found::Char(0x1A2)));
        assert_eq!(lookup(b"LATIN CAPITAL LETTER GHA", Version::V3_2, false), None);
        assert_eq!(lookup(b"KEYCAP NUMBER SIGN", v, false), None);
        assert!(matches!(lookup(b"KEYCAP NUMBER SIGN", v, true), Some(Found::Sequence(_))));
    }
}
