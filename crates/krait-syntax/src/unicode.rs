//! Unicode properties as CPython 3.11 (Unicode 14.0) defines them.
//!
//! PLACEHOLDER: approximations from Rust's std until tables are generated
//! from `python3`'s `unicodedata` by `scripts/gen_unicode.py`.

/// May `c` start an identifier (`str.isidentifier` on one character)?
pub fn is_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// May `c` continue an identifier?
pub fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// `str.isprintable` for one character.
pub fn is_printable(c: char) -> bool {
    !c.is_control() && (c == ' ' || !c.is_whitespace())
}
