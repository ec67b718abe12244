//! `repr()` of the constant types the front end produces, as CPython 3.11
//! writes them (used by `ast.dump`, and later by the VM).
//!
//! PROVISIONAL: printability uses Rust's `char::is_control`, not Unicode 14's
//! general categories; float formatting follows `float_repr_style = 'short'`.

use crate::pystr::PyString;

/// `repr(str)`: single quotes unless the text has a `'` and no `"`.
pub fn str_repr(s: &PyString) -> String {
    let mut has_single = false;
    let mut has_double = false;
    for cp in s.code_points() {
        if cp == '\'' as u32 {
            has_single = true;
        } else if cp == '"' as u32 {
            has_double = true;
        }
    }
    let quote = if has_single && !has_double { '"' } else { '\'' };
    let mut out = String::with_capacity(s.as_bytes().len() + 2);
    out.push(quote);
    for cp in s.code_points() {
        match cp {
            0x5C => out.push_str("\\\\"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            _ if cp == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7E => out.push(cp as u8 as char),
            _ => match char::from_u32(cp) {
                Some(c) if cp >= 0x80 && is_printable(c) => out.push(c),
                _ => {
                    use std::fmt::Write;
                    let _ = if cp <= 0xFF {
                        write!(out, "\\x{cp:02x}")
                    } else if cp <= 0xFFFF {
                        write!(out, "\\u{cp:04x}")
                    } else {
                        write!(out, "\\U{cp:08x}")
                    };
                }
            },
        }
    }
    out.push(quote);
    out
}

fn is_printable(c: char) -> bool {
    !c.is_control() && !c.is_whitespace()
}

/// `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if byte == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7E => out.push(byte as char),
            _ => {
                use std::fmt::Write;
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(float)`: the shortest digits that round-trip, laid out as CPython's
/// `float_repr_style = 'short'` (exponent form below 1e-4 and from 1e16).
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Shortest round-trip digits and decimal exponent.
    let mut buf = ryu::Buffer::new();
    let sci = format!("{:e}", f);
    let _ = &mut buf;
    let (mantissa, exp) = sci.split_once('e').expect("{:e} has an exponent");
    let exp: i32 = exp.parse().expect("exponent");
    let (neg, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    // CPython: decpt = exp + 1; use exponent form if decpt <= -4 or decpt > 16.
    let decpt = exp + 1;
    if decpt <= -4 || decpt > 16 {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        if exp < 0 {
            out.push('-');
        } else {
            out.push('+');
        }
        out.push_str(&format!("{:02}", exp.abs()));
    } else if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..(-decpt) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let decpt = decpt as usize;
        if digits.len() <= decpt {
            out.push_str(&digits);
            for _ in digits.len()..decpt {
                out.push('0');
            }
            out.push_str(".0");
        } else {
            out.push_str(&digits[..decpt]);
            out.push('.');
            out.push_str(&digits[decpt..]);
        }
    }
    out
}

/// `repr(complex)`: `2j`, `(1+2j)`, `-0j`, `(nan+infj)`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    let fmt = |f: f64| {
        let r = float_repr(f);
        r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
    };
    if real == 0.0 && real.is_sign_positive() {
        format!("{}j", fmt(imag))
    } else {
        let im = fmt(imag);
        let sign = if im.starts_with('-') { "" } else { "+" };
        format!("({}{}{}j)", fmt(real), sign, im)
    }
}
