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
