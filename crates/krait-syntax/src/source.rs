//! Source bytes -> text, as CPython decodes a file: a UTF-8 BOM, a PEP 263
//! coding declaration on line 1 or 2, UTF-8 by default.
//!
//! PLACEHOLDER: only UTF-8 for now.

use crate::error::SyntaxError;

/// Decode a source file's bytes to text.
pub fn decode_source(bytes: &[u8]) -> Result<String, SyntaxError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec())
        .map_err(|_| SyntaxError::syntax("invalid utf-8", crate::TextRange::empty(0)))
}

/// Does the file declare its encoding (a UTF-8 BOM, or a PEP 263 cookie on
/// line 1 or 2)? CPython then reports `SyntaxError` offsets in characters;
/// otherwise in UTF-8 bytes.
pub fn declares_encoding(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        return true;
    }
    let mut lines = bytes.split(|&b| b == b'\n');
    let is_cookie = |line: &[u8]| {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let trimmed = line.iter().position(|b| !matches!(b, b' ' | b'\t' | b'\x0c')).map_or(&[][..], |i| &line[i..]);
        if !trimmed.starts_with(b"#") {
            return (false, trimmed.is_empty());
        }
        let text = String::from_utf8_lossy(trimmed);
        let found = text.find("coding").is_some_and(|i| {
            let rest = &text[i + 6..];
            rest.starts_with(':') || rest.starts_with('=')
        });
        (found, true)
    };
    match lines.next() {
        Some(first) => {
            let (found, comment_or_blank) = is_cookie(first);
            found || (comment_or_blank && lines.next().is_some_and(|l| is_cookie(l).0))
        }
        None => false,
    }
}
