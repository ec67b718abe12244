//! Character predicates, case mappings and charset membership of SRE, as
//! CPython 3.11's `Modules/_sre/sre.c` defines them.
//!
//! Invariants:
//! - Characters are code points as `u32` (a byte of a bytes subject is its
//!   value); predicates never panic on values past U+10FFFF.
//! - The plain categories are ASCII-only; the `LOC` ones follow the C
//!   library's `<ctype.h>` in the process locale, which for Krait (and for
//!   CPython in a C or UTF-8 locale) is ASCII; the `UNI` ones are
//!   Unicode 14.0's, as `str.isdecimal`/`isspace`/`isalnum`.
//! - Unicode case mapping is one code point to one: the first of the full
//!   mapping (CPython's `_PyUnicode_ToLowercase`/`_PyUnicode_ToUppercase`).
//! - A charset is read word by word and ends at FAILURE; a read past the
//!   end of the code reads FAILURE, so a malformed set ends, never panics.

use krait_syntax::unicode as uni;

use super::constants::*;

/// The code word at `i`, or FAILURE past the end.
#[inline(always)]
pub fn at(code: &[u32], i: usize) -> u32 {
    code.get(i).copied().unwrap_or(FAILURE)
}

#[inline]
pub fn is_digit(ch: u32) -> bool {
    (0x30..=0x39).contains(&ch)
}

#[inline]
pub fn is_space(ch: u32) -> bool {
    matches!(ch, 0x09..=0x0D | 0x20)
}

#[inline]
pub fn is_linebreak(ch: u32) -> bool {
    ch == 0x0A
}

#[inline]
pub fn is_word(ch: u32) -> bool {
    ch < 0x80 && ((ch as u8).is_ascii_alphanumeric() || ch == 0x5F)
}

/// `isalnum` in the C locale, or `_`.
#[inline]
pub fn is_loc_word(ch: u32) -> bool {
    is_word(ch)
}

#[inline]
pub fn is_uni_digit(ch: u32) -> bool {
    uni::is_decimal(ch)
}

#[inline]
pub fn is_uni_space(ch: u32) -> bool {
    uni::is_space(ch)
}

/// CPython's `Py_UNICODE_ISLINEBREAK`.
#[inline]
pub fn is_uni_linebreak(ch: u32) -> bool {
    matches!(ch, 0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029)
}

#[inline]
pub fn is_uni_word(ch: u32) -> bool {
    if ch < 0x80 {
        is_word(ch)
    } else {
        uni::is_alnum(ch)
    }
}

#[inline]
pub fn lower_ascii(ch: u32) -> u32 {
    if (0x41..=0x5A).contains(&ch) {
        ch + 0x20
    } else {
        ch
    }
}

/// `tolower` in the C locale, for characters below 256.
#[inline]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

/// `toupper` in the C locale, for characters below 256.
#[inline]
pub fn upper_locale(ch: u32) -> u32 {
    if (0x61..=0x7A).contains(&ch) {
        ch - 0x20
    } else {
        ch
    }
}

#[inline]
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 0x80 {
        lower_ascii(ch)
    } else {
        uni::lower_first(ch)
    }
}

#[inline]
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 0x80 {
        upper_locale(ch)
    } else {
        uni::upper_first(ch)
    }
}

/// Does `ch` equal `pattern` case-insensitively in the locale
/// (CPython's `char_loc_ignore`)?
#[inline]
pub fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

/// Is `ch` in category `code` (CPython's `sre_category`)?
pub fn category(code: u32, ch: u32) -> bool {
    match code {
        CATEGORY_DIGIT => is_digit(ch),
        CATEGORY_NOT_DIGIT => !is_digit(ch),
        CATEGORY_SPACE => is_space(ch),
        CATEGORY_NOT_SPACE => !is_space(ch),
        CATEGORY_WORD => is_word(ch),
        CATEGORY_NOT_WORD => !is_word(ch),
        CATEGORY_LINEBREAK => is_linebreak(ch),
        CATEGORY_NOT_LINEBREAK => !is_linebreak(ch),
        CATEGORY_LOC_WORD => is_loc_word(ch),
        CATEGORY_LOC_NOT_WORD => !is_loc_word(ch),
        CATEGORY_UNI_DIGIT => is_uni_digit(ch),
        CATEGORY_UNI_NOT_DIGIT => !is_uni_digit(ch),
        CATEGORY_UNI_SPACE => is_uni_space(ch),
        CATEGORY_UNI_NOT_SPACE => !is_uni_space(ch),
        CATEGORY_UNI_WORD => is_uni_word(ch),
        CATEGORY_UNI_NOT_WORD => !is_uni_word(ch),
        CATEGORY_UNI_LINEBREAK => is_uni_linebreak(ch),
        CATEGORY_UNI_NOT_LINEBREAK => !is_uni_linebreak(ch),
        _ => false,
    }
}

/// Is `ch` a member of the charset starting at `code[i]` (CPython's
/// `SRE(charset)`)?
pub fn in_charset(code: &[u32], mut i: usize, ch: u32) -> bool {
    let mut ok = true;
    loop {
        let op = at(code, i);
        i += 1;
        match op {
            FAILURE => return !ok,
            LITERAL => {
                if ch == at(code, i) {
                    return ok;
                }
                i += 1;
            }
            CATEGORY => {
                if category(at(code, i), ch) {
                    return ok;
                }
                i += 1;
            }
            CHARSET => {
                if ch < 256 && at(code, i + (ch as usize >> 5)) & (1u32 << (ch & 31)) != 0 {
                    return ok;
                }
                i += 8;
            }
            RANGE => {
                if at(code, i) <= ch && ch <= at(code, i + 1) {
                    return ok;
                }
                i += 2;
            }
            RANGE_UNI_IGNORE => {
                // `ch` is already lowercased; try its uppercase too.
                let (lo, hi) = (at(code, i), at(code, i + 1));
                if lo <= ch && ch <= hi {
                    return ok;
                }
                let up = upper_unicode(ch);
                if lo <= up && up <= hi {
                    return ok;
                }
                i += 2;
            }
            NEGATE => ok = !ok,
            BIGCHARSET => {
                // <count> <256 block numbers, one byte each, in 64 words>
                // <count blocks of 256 bits>
                let count = at(code, i) as usize;
                i += 1;
                if ch < 0x10000 {
                    let k = (ch >> 8) as usize;
                    let block = at(code, i + k / 4).to_ne_bytes()[k % 4] as usize;
                    let bit = block * 256 + (ch as usize & 255);
                    if at(code, i + 64 + bit / 32) & (1u32 << (bit & 31)) != 0 {
                        return ok;
                    }
                }
                i += 64 + count * 8;
            }
            _ => return false,
        }
    }
}

/// `SRE(charset_loc_ignore)`: the set holds the character's lowercase or
/// uppercase in the locale.
pub fn in_charset_loc_ignore(code: &[u32], i: usize, ch: u32) -> bool {
    let lo = if ch < 256 { lower_locale(ch) } else { ch };
    if in_charset(code, i, lo) {
        return true;
    }
    let up = if ch < 256 { upper_locale(ch) } else { ch };
    up != lo && in_charset(code, i, up)
}

/// Is `op` an opcode that matches exactly one character?
pub fn is_char_op(op: u32) -> bool {
    matches!(
        op,
        LITERAL
            | NOT_LITERAL
            | LITERAL_IGNORE
            | NOT_LITERAL_IGNORE
            | LITERAL_UNI_IGNORE
            | NOT_LITERAL_UNI_IGNORE
            | LITERAL_LOC_IGNORE
            | NOT_LITERAL_LOC_IGNORE
            | IN
            | IN_IGNORE
            | IN_UNI_IGNORE
            | IN_LOC_IGNORE
            | ANY
            | ANY_ALL
            | CATEGORY
    )
}

/// The number of code words of the one-character opcode at `code[pc]`.
pub fn char_op_len(code: &[u32], pc: usize) -> usize {
    match at(code, pc) {
        ANY | ANY_ALL => 1,
        IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => 1 + at(code, pc + 1) as usize,
        _ => 2,
    }
}

/// Does the one-character opcode at `code[pc]` match `ch` (as the engine
/// would, minus the end-of-text test)?
#[inline]
pub fn char_op_matches(code: &[u32], pc: usize, ch: u32) -> bool {
    let arg = at(code, pc + 1);
    match at(code, pc) {
        LITERAL => ch == arg,
        NOT_LITERAL => ch != arg,
        LITERAL_IGNORE => lower_ascii(ch) == arg,
        NOT_LITERAL_IGNORE => lower_ascii(ch) != arg,
        LITERAL_UNI_IGNORE => lower_unicode(ch) == arg,
        NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != arg,
        LITERAL_LOC_IGNORE => char_loc_ignore(arg, ch),
        NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(arg, ch),
        IN => in_charset(code, pc + 2, ch),
        IN_IGNORE => in_charset(code, pc + 2, lower_ascii(ch)),
        IN_UNI_IGNORE => in_charset(code, pc + 2, lower_unicode(ch)),
        IN_LOC_IGNORE => in_charset_loc_ignore(code, pc + 2, ch),
        ANY => !is_linebreak(ch),
        ANY_ALL => true,
        CATEGORY => category(arg, ch),
        _ => false,
    }
}
