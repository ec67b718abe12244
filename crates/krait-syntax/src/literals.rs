//! PROVISIONAL literal decoding, to be replaced by the full implementation.

use crate::ast::{Constant, Int};
use crate::pystr::PyString;

pub struct LiteralError {
    pub msg: String,
}

pub fn parse_number(text: &str) -> Result<Constant, LiteralError> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    if let Some(im) = lower.strip_suffix('j') {
        let v: f64 = im.parse().unwrap_or(0.0);
        return Ok(Constant::Complex { real: 0.0, imag: v });
    }
    let radix = if lower.starts_with("0x") { 16 } else if lower.starts_with("0o") { 8 } else if lower.starts_with("0b") { 2 } else { 10 };
    if radix != 10 {
        let digits = &lower[2..];
        return Ok(match i64::from_str_radix(digits, radix) {
            Ok(v) => Constant::Int(Int::Small(v)),
            Err(_) => Constant::Int(Int::Big(Box::new(dashu_int::UBig::from_str_radix(digits, radix).unwrap_or_default()))),
        });
    }
    if lower.contains(['.', 'e']) || lower.contains("inf") {
        return Ok(Constant::Float(lower.parse().unwrap_or(0.0)));
    }
    Ok(match lower.parse::<i64>() {
        Ok(v) => Constant::Int(Int::Small(v)),
        Err(_) => Constant::Int(Int::Big(Box::new(lower.parse().unwrap_or_default()))),
    })
}

#[derive(Clone, Copy, Debug, Default)]
pub struct StringPrefix {
    pub bytes: bool,
    pub raw: bool,
    pub fstring: bool,
    pub unicode: bool,
}

pub fn split_string_token(text: &str) -> (StringPrefix, std::ops::Range<usize>, bool) {
    let mut p = StringPrefix::default();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i] != b'\'' && b[i] != b'"' {
        match b[i].to_ascii_lowercase() {
            b'b' => p.bytes = true,
            b'r' => p.raw = true,
            b'f' => p.fstring = true,
            b'u' => p.unicode = true,
            _ => {}
        }
        i += 1;
    }
    let q = b[i];
    let triple = i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q && b.len() >= i + 6;
    let n = if triple { 3 } else { 1 };
    (p, i + n..b.len() - n, triple)
}

pub fn decode_str(body: &str, raw: bool) -> Result<PyString, LiteralError> {
    let body = body.replace("\r\n", "\n");
    if raw || !body.contains('\\') {
        return Ok(PyString::from(body));
    }
    let mut out = PyString::new();
    let mut it = body.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push_char(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push_char('\n'),
            Some('t') => out.push_char('\t'),
            Some('\\') => out.push_char('\\'),
            Some('\'') => out.push_char('\''),
            Some('"') => out.push_char('"'),
            Some('\n') => {}
            Some(o) => {
                out.push_char('\\');
                out.push_char(o);
            }
            None => out.push_char('\\'),
        }
    }
    Ok(out)
}

pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, LiteralError> {
    Ok(decode_str(body, raw)?.as_bytes().to_vec())
}
