//! Literal values: the text of NUMBER and STRING tokens -> constants, with the
//! values, error messages and warnings CPython 3.11's parser gives.
//!
//! Invariants:
//! - Input is token text the tokenizer already accepted; anything else gives
//!   a `LiteralError`, never a panic.
//! - A string body without a backslash (or, raw, without `\r`) is copied
//!   straight; only bodies with escapes are decoded byte by byte.
//! - Newlines in bodies come out as `\n` (`\r\n` and lone `\r` alike), as CPython
//!   translates them before tokenizing; positions in error messages count the
//!   translated text, as CPython's do.
//! - Escape error messages count positions the way CPython's `unicodeescape`
//!   codec sees the body: the parser first rewrites every non-ASCII character
//!   as a 10-byte `\UXXXXXXXX` escape and a backslash before one as `\u005c`
//!   (see `cpython_escape_pos`).

use std::borrow::Cow;
use std::ops::Range;

use crate::ast::{Constant, Int};
use crate::error::{ErrorLocation, SyntaxError, SyntaxErrorKind};
use crate::pystr::PyString;
use crate::text::{LineIndex, TextRange};

#[cfg(test)]
mod tests;

/// A literal CPython rejects, with its `SyntaxError` message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiteralError {
    pub msg: String,
    /// Where CPython 3.11 points the `SyntaxError`.
    pub at: LiteralErrorAt,
}

/// Where CPython points a literal's `SyntaxError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiteralErrorAt {
    /// The token after the last STRING of the implicitly concatenated run (the
    /// parser's lookahead token, whatever it is: `)`, `+`, NEWLINE, ...): escape
    /// errors (`(unicode error) ...`, `(value error) ...`).
    NextToken,
    /// The STRING token itself, start to end ("bytes can only contain ASCII
    /// literal characters").
    Token,
    /// The NUMBER token's lines with no column: lineno = the token's start
    /// line, offset 0, end_lineno = its end line, end_offset 0 (the 4300-digit
    /// limit on decimal ints).
    TokenLinesNoColumn,
}

impl LiteralError {
    fn new(msg: impl Into<String>, at: LiteralErrorAt) -> Self {
        LiteralError { msg: msg.into(), at }
    }

    /// The `SyntaxError` CPython raises for this error. `token` is the
    /// literal's own token; `next_token` is the token after the whole run of
    /// implicitly concatenated STRING tokens (CPython's lookahead token: its
    /// NEWLINE spans from a trailing comment's `#`, or from the `\n`, to the
    /// `\n` exclusive, and is empty at the end of input).
    pub fn to_syntax_error(
        &self,
        token: TextRange,
        next_token: TextRange,
        lines: &LineIndex,
    ) -> SyntaxError {
        let location = match self.at {
            LiteralErrorAt::NextToken => ErrorLocation::Range(next_token),
            LiteralErrorAt::Token => ErrorLocation::Range(token),
            LiteralErrorAt::TokenLinesNoColumn => ErrorLocation::Explicit {
                lineno: lines.line(token.start),
                offset: 0,
                end_lineno: lines.line(token.end),
                end_offset: 0,
            },
        };
        SyntaxError { text: None, kind: SyntaxErrorKind::SyntaxError, msg: self.msg.clone(), location }
    }
}

/// The `DeprecationWarning` CPython 3.11 emits for the first invalid escape of
/// a STRING token (one per token at most), at the token's start line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscapeWarning {
    /// `invalid escape sequence '\q'` or `invalid octal escape sequence '\777'`.
    pub msg: String,
}

// ---------------------------------------------------------------------------
// Numbers

/// CPython 3.11.7's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// A NUMBER token's text (already validated by the tokenizer) -> `Constant::Int`,
/// `Float` or `Complex`.
pub fn parse_number(text: &str) -> Result<Constant, LiteralError> {
    let cleaned: Cow<'_, str> =
        if text.contains('_') { Cow::Owned(text.replace('_', "")) } else { Cow::Borrowed(text) };
    let s: &str = &cleaned;
    let b = s.as_bytes();
    if let Some(imag) = s.strip_suffix(['j', 'J']) {
        return Ok(Constant::Complex { real: 0.0, imag: parse_float(imag)? });
    }
    if b.len() >= 2 && b[0] == b'0' {
        let radix = match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return parse_radix_int(&s[2..], radix).map(Constant::Int);
        }
    }
    if b.iter().all(u8::is_ascii_digit) {
        return parse_decimal_int(s).map(Constant::Int);
    }
    parse_float(s).map(Constant::Float)
}

fn invalid_number() -> LiteralError {
    LiteralError::new("invalid number literal", LiteralErrorAt::Token)
}

/// Decimal digits (no underscores). CPython reads a literal starting with `0`
/// with `strtoul` (it can only be zeros), anything else with `int()`'s rules,
/// including the limit on the number of digits.
fn parse_decimal_int(digits: &str) -> Result<Int, LiteralError> {
    if digits.is_empty() {
        return Err(invalid_number());
    }
    if !digits.starts_with('0') && digits.len() > INT_MAX_STR_DIGITS {
        return Err(LiteralError::new(
            format!(
                "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
                 value has {} digits; use sys.set_int_max_str_digits() to increase the limit \
                 - Consider hexadecimal for huge integer literals to avoid decimal conversion \
                 limits.",
                digits.len()
            ),
            LiteralErrorAt::TokenLinesNoColumn,
        ));
    }
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return Ok(Int::Small(0));
    }
    int_from_digits(significant, 10)
}

fn parse_radix_int(digits: &str, radix: u32) -> Result<Int, LiteralError> {
    if digits.is_empty() || !digits.bytes().all(|d| (d as char).is_digit(radix)) {
        return Err(invalid_number());
    }
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return Ok(Int::Small(0));
    }
    int_from_digits(significant, radix)
}

/// Valid digits in `radix`, without leading zeros.
fn int_from_digits(digits: &str, radix: u32) -> Result<Int, LiteralError> {
    if let Ok(v) = u64::from_str_radix(digits, radix) {
        if let Ok(small) = i64::try_from(v) {
            return Ok(Int::Small(small));
        }
    }
    dashu_int::UBig::from_str_radix(digits, radix)
        .map(|big| Int::Big(Box::new(big)))
        .map_err(|_| invalid_number())
}

/// Decimal float text without underscores. Rust's parser is correctly
/// rounded, as CPython's `PyOS_string_to_double` (David Gay's strtod) is;
/// overflow gives `inf`, as in CPython (`1e309`).
fn parse_float(s: &str) -> Result<f64, LiteralError> {
    let ok = !s.is_empty()
        && s.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'));
    if !ok {
        return Err(invalid_number());
    }
    s.parse::<f64>().map_err(|_| invalid_number())
}

// ---------------------------------------------------------------------------
// Strings

/// The prefix letters of a STRING token (any case, any order).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StringPrefix {
    pub bytes: bool,
    pub raw: bool,
    pub fstring: bool,
    pub unicode: bool,
}

/// Split a STRING token's text into its prefix, the byte range of its body
/// (between the quotes) relative to the token start, and whether it is
/// triple-quoted.
pub fn split_string_token(text: &str) -> (StringPrefix, Range<usize>, bool) {
    let b = text.as_bytes();
    let mut prefix = StringPrefix::default();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'b' | b'B' => prefix.bytes = true,
            b'r' | b'R' => prefix.raw = true,
            b'f' | b'F' => prefix.fstring = true,
            b'u' | b'U' => prefix.unicode = true,
            _ => break,
        }
        i += 1;
    }
    let quoted = &b[i..];
    // A token that opens with three quotes is triple-quoted: `""` followed by
    // another quote would have been two tokens.
    let triple = quoted.len() >= 6 && quoted[0] == quoted[1] && quoted[1] == quoted[2];
    let qlen = if triple { 3 } else { 1 };
    let start = (i + qlen).min(b.len());
    let end = b.len().saturating_sub(qlen).max(start);
    (prefix, start..end, triple)
}

/// Decode the body of a str literal (or of an f-string's literal segment).
pub fn decode_str(body: &str, raw: bool) -> Result<PyString, LiteralError> {
    decode_str_with_warning(body, raw).map(|(s, _)| s)
}

/// `decode_str`, also returning the invalid-escape warning CPython emits.
pub fn decode_str_with_warning(
    body: &str,
    raw: bool,
) -> Result<(PyString, Option<EscapeWarning>), LiteralError> {
    match first_special(body.as_bytes(), raw) {
        None => Ok((PyString::from(body), None)),
        Some(first) => decode_str_slow(body, raw, first),
    }
}

/// The first byte that needs more than copying: `\r`, and `\` unless raw.
#[inline]
fn first_special(b: &[u8], raw: bool) -> Option<usize> {
    if raw {
        b.iter().position(|&c| c == b'\r')
    } else {
        b.iter().position(|&c| c == b'\\' || c == b'\r')
    }
}

fn decode_str_slow(
    body: &str,
    raw: bool,
    first: usize,
) -> Result<(PyString, Option<EscapeWarning>), LiteralError> {
    let b = body.as_bytes();
    let mut out = PyString::new();
    let mut warning = None;
    let mut run = 0; // start of the bytes still to copy
    let mut i = first; // at a special byte, or at the end
    loop {
        out.push_str(&body[run..i]);
        if i >= b.len() {
            break;
        }
        i = if b[i] == b'\r' {
            out.push_char('\n');
            skip_newline(b, i)
        } else {
            str_escape(body, i, &mut out, &mut warning)?
        };
        run = i;
        i += first_special(&b[i..], raw).unwrap_or(b.len() - i);
    }
    Ok((out, warning))
}

/// Index after the newline (`\n`, `\r\n` or `\r`) at `i`.
#[inline]
fn skip_newline(b: &[u8], i: usize) -> usize {
    if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
        i + 2
    } else {
        i + 1
    }
}

/// The value of a simple one-letter escape shared by str and bytes.
#[inline]
fn simple_escape(c: u8) -> Option<u8> {
    Some(match c {
        b'\\' | b'\'' | b'"' => c,
        b'a' => 0x07,
        b'b' => 0x08,
        b'f' => 0x0C,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'v' => 0x0B,
        _ => return None,
    })
}

/// Up to three octal digits starting at `i`: (value, index after them).
#[inline]
fn octal(b: &[u8], i: usize) -> (u32, usize) {
    let mut v = 0;
    let mut j = i;
    while j < b.len() && j < i + 3 && (b'0'..=b'7').contains(&b[j]) {
        v = v * 8 + (b[j] - b'0') as u32;
        j += 1;
    }
    (v, j)
}

fn note_warning(warning: &mut Option<EscapeWarning>, make: impl FnOnce() -> String) {
    if warning.is_none() {
        *warning = Some(EscapeWarning { msg: make() });
    }
}

/// Decode the escape whose backslash is at `i`; return the index after it.
fn str_escape(
    body: &str,
    i: usize,
    out: &mut PyString,
    warning: &mut Option<EscapeWarning>,
) -> Result<usize, LiteralError> {
    let b = body.as_bytes();
    let Some(&c) = b.get(i + 1) else {
        // Only an f-string segment can end in a backslash; CPython rewrites it
        // as `\u005c`, a backslash.
        out.push_char('\\');
        return Ok(i + 1);
    };
    if let Some(v) = simple_escape(c) {
        out.push_char(v as char);
        return Ok(i + 2);
    }
    match c {
        // Backslash-newline: a line continuation inside the literal.
        b'\n' | b'\r' => Ok(skip_newline(b, i + 1)),
        b'0'..=b'7' => {
            let (v, j) = octal(b, i + 1);
            if v > 0o377 {
                note_warning(warning, || {
                    format!("invalid octal escape sequence '\\{}'", &body[i + 1..j])
                });
            }
            out.push_code_point(v);
            Ok(j)
        }
        b'x' | b'u' | b'U' => {
            let (count, what) = match c {
                b'x' => (2, "truncated \\xXX escape"),
                b'u' => (4, "truncated \\uXXXX escape"),
                _ => (8, "truncated \\UXXXXXXXX escape"),
            };
            let mut v: u32 = 0;
            let mut j = i + 2;
            for _ in 0..count {
                let Some(d) = b.get(j).and_then(|&d| (d as char).to_digit(16)) else {
                    return Err(unicode_error(body, i, j, what));
                };
                v = (v << 4) | d;
                j += 1;
            }
            if v > 0x10FFFF {
                return Err(unicode_error(body, i, j, "illegal Unicode character"));
            }
            out.push_code_point(v);
            Ok(j)
        }
        b'N' => {
            const MALFORMED: &str = "malformed \\N character escape";
            let open = i + 2;
            if b.get(open) != Some(&b'{') {
                return Err(unicode_error(body, i, open.min(b.len()), MALFORMED));
            }
            let Some(len) = b[open + 1..].iter().position(|&d| d == b'}') else {
                return Err(unicode_error(body, i, b.len(), MALFORMED));
            };
            let close = open + 1 + len;
            if len == 0 {
                return Err(unicode_error(body, i, close, MALFORMED));
            }
            match crate::unicode::lookup_name(&body[open + 1..close]) {
                Some(cp) => {
                    out.push_code_point(cp);
                    Ok(close + 1)
                }
                None => Err(unicode_error(body, i, close + 1, "unknown Unicode character name")),
            }
        }
        // A backslash before a non-ASCII character stays a backslash, with no
        // warning (CPython rewrites it as `\u005c`); the character is copied
        // with the next run.
        0x80.. => {
            out.push_char('\\');
            Ok(i + 1)
        }
        _ => {
            note_warning(warning, || format!("invalid escape sequence '\\{}'", c as char));
            out.push_char('\\');
            out.push_char(c as char);
            Ok(i + 2)
        }
    }
}

/// `(unicode error) 'unicodeescape' codec can't decode ...` for the escape
/// whose bytes are `start..end` of `body`.
#[cold]
fn unicode_error(body: &str, start: usize, end: usize, reason: &str) -> LiteralError {
    let s = cpython_escape_pos(body, start);
    let e = cpython_escape_pos(body, end);
    let msg = if e == s + 1 {
        // The byte there is always the escape's backslash.
        format!(
            "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {s}: {reason}"
        )
    } else {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {reason}",
            s,
            e.saturating_sub(1)
        )
    };
    LiteralError::new(msg, LiteralErrorAt::NextToken)
}

/// The offset that byte `idx` of `body` has in the buffer CPython 3.11 hands
/// to its `unicodeescape` decoder: newlines translated (`\r\n` is one byte),
/// each non-ASCII code point written as `\UXXXXXXXX` (10 bytes), and a
/// backslash followed by a non-ASCII character or by nothing as `\u005c`
/// (6 bytes). A backslash and the ASCII byte after it are copied as a pair.
fn cpython_escape_pos(body: &str, idx: usize) -> usize {
    let b = body.as_bytes();
    let mut pos = 0;
    let mut i = 0;
    while i < idx && i < b.len() {
        match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => i += 1, // the `\n` counts
            b'\\' => {
                pos += 1;
                i += 1;
                match b.get(i) {
                    None => pos += 5,
                    Some(&c) if c >= 0x80 => pos += 5,
                    Some(_) if i < idx => {
                        pos += 1;
                        i = skip_newline_or_one(b, i);
                    }
                    Some(_) => {}
                }
            }
            c if c >= 0x80 => {
                pos += 10;
                i += utf8_len(c);
            }
            _ => {
                pos += 1;
                i += 1;
            }
        }
    }
    pos
}

#[inline]
fn skip_newline_or_one(b: &[u8], i: usize) -> usize {
    if b[i] == b'\r' {
        skip_newline(b, i)
    } else {
        i + 1
    }
}

#[inline]
fn utf8_len(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

/// Decode a bytes literal body.
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, LiteralError> {
    decode_bytes_with_warning(body, raw).map(|(v, _)| v)
}

/// `decode_bytes`, also returning the invalid-escape warning CPython emits.
pub fn decode_bytes_with_warning(
    body: &str,
    raw: bool,
) -> Result<(Vec<u8>, Option<EscapeWarning>), LiteralError> {
    let b = body.as_bytes();
    if !b.is_ascii() {
        return Err(LiteralError::new(
            "bytes can only contain ASCII literal characters",
            LiteralErrorAt::Token,
        ));
    }
    let Some(first) = first_special(b, raw) else {
        return Ok((b.to_vec(), None));
    };
    let mut out = Vec::with_capacity(b.len());
    let mut warning = None;
    let mut run = 0;
    let mut i = first;
    loop {
        out.extend_from_slice(&b[run..i]);
        if i >= b.len() {
            break;
        }
        i = if b[i] == b'\r' {
            out.push(b'\n');
            skip_newline(b, i)
        } else {
            bytes_escape(b, i, &mut out, &mut warning)?
        };
        run = i;
        i += first_special(&b[i..], raw).unwrap_or(b.len() - i);
    }
    Ok((out, warning))
}

/// Decode the bytes escape whose backslash is at `i`; return the index after it.
fn bytes_escape(
    b: &[u8],
    i: usize,
    out: &mut Vec<u8>,
    warning: &mut Option<EscapeWarning>,
) -> Result<usize, LiteralError> {
    let Some(&c) = b.get(i + 1) else {
        return Err(LiteralError::new(
            "(value error) Trailing \\ in string",
            LiteralErrorAt::NextToken,
        ));
    };
    if let Some(v) = simple_escape(c) {
        out.push(v);
        return Ok(i + 2);
    }
    match c {
        b'\n' | b'\r' => Ok(skip_newline(b, i + 1)),
        b'0'..=b'7' => {
            let (v, j) = octal(b, i + 1);
            if v > 0o377 {
                note_warning(warning, || {
                    format!(
                        "invalid octal escape sequence '\\{}'",
                        String::from_utf8_lossy(&b[i + 1..j])
                    )
                });
            }
            out.push(v as u8); // CPython keeps the low 8 bits
            Ok(j)
        }
        b'x' => {
            let hex = |k: usize| b.get(k).and_then(|&d| (d as char).to_digit(16));
            match (hex(i + 2), hex(i + 3)) {
                (Some(hi), Some(lo)) => {
                    out.push((hi * 16 + lo) as u8);
                    Ok(i + 4)
                }
                _ => {
                    // The position counts the newline-translated body.
                    let crlf = b[..i].windows(2).filter(|w| w == b"\r\n").count();
                    Err(LiteralError::new(
                        format!("(value error) invalid \\x escape at position {}", i - crlf),
                        LiteralErrorAt::NextToken,
                    ))
                }
            }
        }
        _ => {
            note_warning(warning, || format!("invalid escape sequence '\\{}'", c as char));
            out.push(b'\\');
            out.push(c);
            Ok(i + 2)
        }
    }
}
