//! `repr()` of the constant types the front end produces, exactly as CPython
//! 3.11 writes them (used by `ast.dump`, and later by the VM).
//!
//! Invariants: output equals CPython 3.11's `repr` for every input (tests
//! compare with data python3 generates); str printability is Unicode 14.0's
//! (`unicode::is_printable_cp`); floats use the shortest digits that round-trip
//! (`ryu`, as CPython's `repr` uses David Gay's shortest mode), laid out as
//! CPython's `float_repr_style = 'short'`.

use std::fmt::Write;

use crate::pystr::PyString;
use crate::unicode::is_printable_cp;

#[cfg(test)]
mod tests;

/// `repr(str)`: single quotes unless the text has a `'` and no `"`;
/// backslash, the quote, `\t` `\n` `\r` escaped; other non-printable code
/// points as `\xHH`, `\uHHHH` or `\UHHHHHHHH`.
pub fn str_repr(s: &PyString) -> String {
    let bytes = s.as_bytes();
    let has_single = bytes.contains(&b'\'');
    let quote = if has_single && !bytes.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push(quote as char);
    match s.as_str() {
        // Copy runs that need no escaping straight.
        Some(text) => {
            let mut run = 0;
            for (i, c) in text.char_indices() {
                let plain = if c.is_ascii() {
                    (0x20..0x7F).contains(&(c as u32)) && c as u8 != quote && c != '\\'
                } else {
                    is_printable_cp(c as u32)
                };
                if !plain {
                    out.push_str(&text[run..i]);
                    push_escaped(&mut out, c as u32, quote);
                    run = i + c.len_utf8();
                }
            }
            out.push_str(&text[run..]);
        }
        None => {
            for cp in s.code_points() {
                match char::from_u32(cp) {
                    Some(c) if c.is_ascii() => {
                        if (0x20..0x7F).contains(&cp) && c as u8 != quote && c != '\\' {
                            out.push(c);
                        } else {
                            push_escaped(&mut out, cp, quote);
                        }
                    }
                    Some(c) if is_printable_cp(cp) => out.push(c),
                    _ => push_escaped(&mut out, cp, quote),
                }
            }
        }
    }
    out.push(quote as char);
    out
}

/// The escaped form of a code point `str_repr` does not copy.
fn push_escaped(out: &mut String, cp: u32, quote: u8) {
    match cp {
        0x5C => out.push_str("\\\\"),
        0x09 => out.push_str("\\t"),
        0x0A => out.push_str("\\n"),
        0x0D => out.push_str("\\r"),
        _ if cp == quote as u32 => {
            out.push('\\');
            out.push(quote as char);
        }
        0..=0xFF => {
            let _ = write!(out, "\\x{cp:02x}");
        }
        0x100..=0xFFFF => {
            let _ = write!(out, "\\u{cp:04x}");
        }
        _ => {
            let _ = write!(out, "\\U{cp:08x}");
        }
    }
}

/// `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if byte == quote => {
                out.push('\\');
                out.push(quote as char);
            }
            0x20..=0x7E => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// `repr(float)`: `1.0`, `0.0001`, `1e-05`, `1e+16`, `inf`, `nan`, `-0.0`.
pub fn float_repr(f: f64) -> String {
    let mut out = String::new();
    format_short(&mut out, f, true);
    out
}

/// `repr(complex)`: `2j`, `-0j`, `(1+2j)`, `(-0-1j)`, `infj`, `(nan+nanj)`.
/// A real part of +0.0 is left out; otherwise both parts, in parentheses, the
/// imaginary one always signed. Neither part gets a `.0`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    let mut out = String::new();
    if real == 0.0 && real.is_sign_positive() {
        format_short(&mut out, imag, false);
        out.push('j');
    } else {
        out.push('(');
        format_short(&mut out, real, false);
        // CPython ignores the sign of a nan, and signs it `+` here.
        if imag.is_nan() || imag.is_sign_positive() {
            out.push('+');
        }
        format_short(&mut out, imag, false);
        out.push_str("j)");
    }
    out
}

/// CPython's `PyOS_double_to_string(f, 'r', 0, flags)`: the shortest
/// round-tripping digits, in exponent form when the decimal point position
/// `decpt` (the value is 0.DIGITS * 10**decpt) is <= -4 or > 16; `add_dot_0`
/// (`Py_DTSF_ADD_DOT_0`) turns an integral fixed-form `123` into `123.0`.
fn format_short(out: &mut String, f: f64, add_dot_0: bool) {
    if f.is_nan() {
        out.push_str("nan"); // the sign of a nan is never shown
        return;
    }
    if f.is_sign_negative() {
        out.push('-');
    }
    if f.is_infinite() {
        out.push_str("inf");
        return;
    }
    if f == 0.0 {
        out.push_str(if add_dot_0 { "0.0" } else { "0" });
        return;
    }
    let mut buf = ryu::Buffer::new();
    let (digits, decpt) = shortest_digits(buf.format_finite(f.abs()));
    let digits = digits.as_slice();
    let nd = digits.len() as i32;
    let push_digits = |out: &mut String, d: &[u8]| out.extend(d.iter().map(|&c| c as char));
    if decpt <= -4 || decpt > 16 {
        push_digits(out, &digits[..1]);
        if nd > 1 {
            out.push('.');
            push_digits(out, &digits[1..]);
        }
        let exp = decpt - 1;
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    } else if decpt <= 0 {
        out.push_str("0.");
        push_zeros(out, -decpt);
        push_digits(out, digits);
    } else if nd <= decpt {
        push_digits(out, digits);
        push_zeros(out, decpt - nd);
        if add_dot_0 {
            out.push_str(".0");
        }
    } else {
        push_digits(out, &digits[..decpt as usize]);
        out.push('.');
        push_digits(out, &digits[decpt as usize..]);
    }
}

fn push_zeros(out: &mut String, n: i32) {
    for _ in 0..n {
        out.push('0');
    }
}

/// The shortest digits that round-trip a finite, non-zero `f` (its sign
/// ignored), without leading or trailing zeros, and the position of the
/// decimal point: |f| = 0.DIGITS * 10**decpt (David Gay's mode 0, which
/// `repr` and `format` with no precision use).
pub fn float_shortest_digits(f: f64) -> (Vec<u8>, i32) {
    let mut buf = ryu::Buffer::new();
    shortest_digits(buf.format_finite(f.abs()))
}

/// The significant digits of a positive decimal numeral (`ryu`'s output,
/// `123.45`, `1e16`, `1.5e-7`, `0.0001`) without leading or trailing zeros,
/// and the position of the decimal point: value = 0.DIGITS * 10**decpt.
fn shortest_digits(text: &str) -> (Vec<u8>, i32) {
    let (mantissa, exp) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
    let mut decpt = int_part.len() as i32 + exp;
    let leading = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..leading);
    decpt -= leading as i32;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, decpt)
}
