//! `float(str)` and `float(bytes)`: CPython's `float_from_string`.
//!
//! Invariants:
//! - Non-ASCII Unicode decimal digits read as their ASCII digit and Unicode
//!   whitespace as a space (`_PyUnicode_TransformDecimalAndSpaceToASCII`);
//!   any other non-ASCII code point (a lone surrogate too) rejects the text.
//! - ASCII whitespace (space, \t \n \v \f \r) around the number is ignored;
//!   an underscore must sit between two digits (`1_0`, never `_1`, `1_`,
//!   `1_.5`, `1e_5`), and is then dropped.
//! - What remains must be, whole: an optional sign, then `inf`, `infinity`
//!   or `nan` in any case, or digits with an optional point (at least one
//!   digit in all) and an optional exponent `e`/`E`, sign, digits. It is
//!   rounded correctly (Rust's `f64::from_str` on the checked text).

/// Parses the code points of a `str`, or `None` where CPython raises
/// "could not convert string to float".
pub fn parse_float_code_points(cps: impl Iterator<Item = u32>) -> Option<f64> {
    let mut ascii = Vec::new();
    for c in cps {
        if c < 0x80 {
            ascii.push(c as u8);
        } else if krait_syntax::unicode::is_space(c) {
            ascii.push(b' ');
        } else {
            ascii.push(b'0' + krait_syntax::unicode::decimal_value(c)? as u8);
        }
    }
    parse_float_ascii(&ascii)
}

fn is_py_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Parses bytes (or transformed text), or `None` for an invalid number.
pub fn parse_float_ascii(text: &[u8]) -> Option<f64> {
    let start = text.iter().position(|&b| !is_py_space(b))?;
    let end = text.iter().rposition(|&b| !is_py_space(b))? + 1;
    let text = &text[start..end];
    let mut clean = String::with_capacity(text.len());
    for (i, &b) in text.iter().enumerate() {
        if b == b'_' {
            let before = i > 0 && text[i - 1].is_ascii_digit();
            let after = text.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(before && after) {
                return None;
            }
        } else if b.is_ascii() {
            clean.push(b as char);
        } else {
            return None;
        }
    }
    let (negative, body) = match clean.as_bytes().first()? {
        b'-' => (true, &clean[1..]),
        b'+' => (false, &clean[1..]),
        _ => (false, &clean[..]),
    };
    let magnitude = match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ if is_decimal_number(body.as_bytes()) => body.parse::<f64>().ok()?,
        _ => return None,
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// digits [. digits] [e [sign] digits], at least one mantissa digit.
fn is_decimal_number(s: &[u8]) -> bool {
    let digits = |i: usize| s[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut i = digits(0);
    let mut mantissa_digits = i;
    if s.get(i) == Some(&b'.') {
        let more = digits(i + 1);
        mantissa_digits += more;
        i += 1 + more;
    }
    if mantissa_digits == 0 {
        return false;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exponent = digits(i);
        if exponent == 0 {
            return false;
        }
        i += exponent;
    }
    i == s.len()
}
