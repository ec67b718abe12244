//! The escape codecs: `unicode_escape`, `raw_unicode_escape` (text as
//! Python literals' escapes) and `escape_encode`/`escape_decode` (bytes
//! literals' escapes, what `pickle` and `codecs.escape_*` use). CPython's
//! `_PyUnicode_DecodeUnicodeEscapeInternal`,
//! `PyUnicode_DecodeRawUnicodeEscape`, `_PyBytes_DecodeEscape` and
//! `PyBytes_Repr`.
//!
//! Invariants:
//! - Bytes that are not part of an escape decode as latin-1.
//! - With `final` false, an escape cut off by the end of the data is left
//!   unread; with `final` true it is an error over the bytes it has.
//! - An unknown escape (`\q`) stays as it is, backslash included; the
//!   first one, or the first octal escape above `\377`, is reported as a
//!   DeprecationWarning once the data is decoded (CPython 3.11's
//!   `first_invalid_escape`).

use krait_syntax::pystr::PyString;

use crate::builtins::codecs::errors::DecodeErrors;
use crate::vm::{PyResult, Vm};

fn hex(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// `unicode_escape_encode(text)`.
pub fn encode_unicode_escape(cps: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(cps.len());
    for &c in cps {
        match c {
            0x5C => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0D => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(c as u8),
            0..=0xFF => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
            0x100..=0xFFFF => out.extend_from_slice(format!("\\u{c:04x}").as_bytes()),
            _ => out.extend_from_slice(format!("\\U{c:08x}").as_bytes()),
        }
    }
    out
}

/// `raw_unicode_escape_encode(text)`.
pub fn encode_raw_unicode_escape(cps: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(cps.len());
    for &c in cps {
        match c {
            0..=0xFF => out.push(c as u8),
            0x100..=0xFFFF => out.extend_from_slice(format!("\\u{c:04x}").as_bytes()),
            _ => out.extend_from_slice(format!("\\U{c:08x}").as_bytes()),
        }
    }
    out
}

/// How an escape ended badly: cut off by the end, or an error up to the
/// position reached.
enum Bad {
    Incomplete(&'static str),
    Error(&'static str),
}

/// `unicode_escape_decode(data, errors, final)`.
pub fn decode_unicode_escape(vm: &mut Vm, data: &[u8], errors: &str, final_: bool) -> PyResult<(PyString, usize)> {
    let mut errs = DecodeErrors::new("unicodeescape", data, errors);
    let mut out = PyString::new();
    let end = data.len();
    let mut s = 0;
    let mut first_invalid = None;
    'chars: while s < end {
        if data[s] != b'\\' {
            out.push_code_point(data[s] as u32);
            s += 1;
            continue;
        }
        let start = s;
        s += 1;
        let bad = 'escape: {
            if s >= end {
                break 'escape Bad::Incomplete("\\ at end of string");
            }
            let c = data[s];
            s += 1;
            let simple = match c {
                b'\n' => Some(None),
                b'\\' | b'\'' | b'"' => Some(Some(c as u32)),
                b'b' => Some(Some(8)),
                b'f' => Some(Some(12)),
                b't' => Some(Some(9)),
                b'n' => Some(Some(10)),
                b'r' => Some(Some(13)),
                b'v' => Some(Some(11)),
                b'a' => Some(Some(7)),
                _ => None,
            };
            if let Some(ch) = simple {
                if let Some(ch) = ch {
                    out.push_code_point(ch);
                }
                continue 'chars;
            }
            let (count, message) = match c {
                b'0'..=b'7' => {
                    let mut code = (c - b'0') as u32;
                    for _ in 0..2 {
                        match data.get(s) {
                            Some(&d @ b'0'..=b'7') => {
                                code = code * 8 + (d - b'0') as u32;
                                s += 1;
                            }
                            _ => break,
                        }
                    }
                    if code > 0o377 && first_invalid.is_none() {
                        first_invalid = Some(start);
                    }
                    out.push_code_point(code);
                    continue 'chars;
                }
                b'x' => (2, "truncated \\xXX escape"),
                b'u' => (4, "truncated \\uXXXX escape"),
                b'U' => (8, "truncated \\UXXXXXXXX escape"),
                b'N' => {
                    let message = "malformed \\N character escape";
                    if s >= end {
                        break 'escape Bad::Incomplete(message);
                    }
                    if data[s] != b'{' {
                        break 'escape Bad::Error(message);
                    }
                    s += 1;
                    let name_start = s;
                    while s < end && data[s] != b'}' {
                        s += 1;
                    }
                    if s >= end {
                        break 'escape Bad::Incomplete(message);
                    }
                    if s == name_start {
                        break 'escape Bad::Error(message);
                    }
                    let name = std::str::from_utf8(&data[name_start..s]).ok();
                    s += 1;
                    match name.and_then(krait_syntax::unicode::lookup_name) {
                        Some(ch) => {
                            out.push_code_point(ch);
                            continue 'chars;
                        }
                        None => break 'escape Bad::Error("unknown Unicode character name"),
                    }
                }
                _ => {
                    first_invalid.get_or_insert(start);
                    out.push_code_point('\\' as u32);
                    s -= 1;
                    continue 'chars;
                }
            };
            let mut ch = 0u32;
            for _ in 0..count {
                if s >= end {
                    break 'escape Bad::Incomplete(message);
                }
                match hex(data[s]) {
                    Some(d) => ch = (ch << 4) | d,
                    None => break 'escape Bad::Error(message),
                }
                s += 1;
            }
            if ch > 0x10FFFF {
                break 'escape Bad::Error("illegal Unicode character");
            }
            out.push_code_point(ch);
            continue 'chars;
        };
        let message = match bad {
            Bad::Incomplete(_) if !final_ => return Ok((out, start)),
            Bad::Incomplete(m) | Bad::Error(m) => m,
        };
        s = errs.handle(vm, &mut out, start, s.max(start + 1), message)?;
    }
    warn_invalid_escape(vm, data, first_invalid)?;
    Ok((out, s))
}

/// The DeprecationWarning for the first invalid escape, the backslash at
/// `at` (CPython's "invalid escape sequence '\q'" and "invalid octal
/// escape sequence '\777'").
fn warn_invalid_escape(vm: &mut Vm, data: &[u8], at: Option<usize>) -> PyResult<()> {
    let Some(at) = at else { return Ok(()) };
    let c = data[at + 1];
    let msg = if c.is_ascii_digit() && c <= b'7' {
        let digits: String = data[at + 1..].iter().take(3).map(|&b| b as char).collect();
        format!("invalid octal escape sequence '\\{digits}'")
    } else {
        format!("invalid escape sequence '\\{}'", c as char)
    };
    crate::builtins::warnings::warn_native(vm, &crate::builtins::exceptions::DEPRECATION_WARNING, &msg, 1)
}

/// `raw_unicode_escape_decode(data, errors, final)`: only `\uXXXX` and
/// `\UXXXXXXXX` escape, and only after an odd number of backslashes.
pub fn decode_raw_unicode_escape(vm: &mut Vm, data: &[u8], errors: &str, final_: bool) -> PyResult<(PyString, usize)> {
    let mut errs = DecodeErrors::new("rawunicodeescape", data, errors);
    let mut out = PyString::new();
    let end = data.len();
    let mut s = 0;
    while s < end {
        if data[s] != b'\\' {
            out.push_code_point(data[s] as u32);
            s += 1;
            continue;
        }
        let start = s;
        if s + 1 >= end {
            if !final_ {
                return Ok((out, start));
            }
            out.push_code_point('\\' as u32);
            s += 1;
            continue;
        }
        let count = match data[s + 1] {
            b'u' => 4,
            b'U' => 8,
            next => {
                // A pair of backslashes is two characters, and escapes nothing.
                out.push_code_point('\\' as u32);
                s += 1;
                if next == b'\\' {
                    out.push_code_point('\\' as u32);
                    s += 1;
                }
                continue;
            }
        };
        s += 2;
        let message = if count == 4 { "truncated \\uXXXX escape" } else { "truncated \\UXXXXXXXX escape" };
        let mut ch = 0u32;
        let mut complete = true;
        let mut bad = None;
        for _ in 0..count {
            if s >= end {
                complete = false;
                break;
            }
            match hex(data[s]) {
                Some(d) => ch = (ch << 4) | d,
                None => {
                    bad = Some(message);
                    break;
                }
            }
            s += 1;
        }
        if !complete {
            if !final_ {
                return Ok((out, start));
            }
            bad = Some(message);
        }
        if bad.is_none() && ch > 0x10FFFF {
            bad = Some("\\Uxxxxxxxx out of range");
        }
        match bad {
            None => out.push_code_point(ch),
            Some(m) => s = errs.handle(vm, &mut out, start, s, m)?,
        }
    }
    Ok((out, s))
}

/// `escape_encode(data)`: the inside of a bytes literal's repr.
pub fn escape_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for &b in data {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(b),
            _ => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
        }
    }
    out
}

/// `escape_decode(data, errors)`: a bytes literal's escapes. Errors are
/// ValueErrors; `errors` may be strict, ignore or replace only.
pub fn escape_decode(vm: &mut Vm, data: &[u8], errors: Option<&str>) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    let end = data.len();
    let mut s = 0;
    let mut first_invalid = None;
    while s < end {
        if data[s] != b'\\' {
            out.push(data[s]);
            s += 1;
            continue;
        }
        s += 1;
        if s >= end {
            return Err(vm.value_error("Trailing \\ in string"));
        }
        let c = data[s];
        s += 1;
        match c {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(c),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(9),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut code = (c - b'0') as u32;
                for _ in 0..2 {
                    match data.get(s) {
                        Some(&d @ b'0'..=b'7') => {
                            code = code * 8 + (d - b'0') as u32;
                            s += 1;
                        }
                        _ => break,
                    }
                }
                if code > 0o377 && first_invalid.is_none() {
                    first_invalid = Some(s - 4);
                }
                out.push(code as u8);
            }
            b'x' => {
                if let (Some(h), Some(l)) = (data.get(s).and_then(|&b| hex(b)), data.get(s + 1).and_then(|&b| hex(b))) {
                    out.push((h * 16 + l) as u8);
                    s += 2;
                    continue;
                }
                match errors {
                    None | Some("strict") => {
                        return Err(vm.value_error(format!("invalid \\x escape at position {}", s - 2)));
                    }
                    Some("ignore") => {}
                    Some("replace") => out.push(b'?'),
                    Some(other) => {
                        return Err(vm.value_error(format!("decoding error; unknown error handling code: {other}")));
                    }
                }
                if data.get(s).and_then(|&b| hex(b)).is_some() {
                    s += 1;
                }
            }
            _ => {
                first_invalid.get_or_insert(s - 2);
                out.push(b'\\');
                s -= 1;
            }
        }
    }
    warn_invalid_escape(vm, data, first_invalid)?;
    Ok(out)
}
