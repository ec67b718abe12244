//! The tokenizer's errors, placed where CPython 3.11 places them.
//!
//! CPython raises a tokenizer error in one of two ways, and they locate
//! differently:
//! - the tokenizer's own `syntaxerror()` (bad numbers, unterminated strings,
//!   invalid characters, bracket mismatches): the offset is the number of
//!   characters from the line start to the tokenizer's cursor, and the end
//!   offset the same. That is a one-character-wide point, expressed here as
//!   an empty `TextRange` at the character before the cursor.
//! - the parser's `tokenizer_error()` for an error code (E_EOF, E_DEDENT,
//!   E_LINECONT, E_TABSPACE, E_TOODEEP, unclosed brackets): columns come from
//!   raw pointer differences into the tokenizer's buffer, are converted to
//!   characters only if the tokenizer has an encoding, and end offsets are
//!   -1 or 0. These are `ErrorLocation::Explicit`.
//!
//! Invariant: every function here only reads the lexer's state (but for
//! noting which kind of error it made); each names the CPython code path it
//! mirrors.

use super::{Lexer, Paren};
use crate::error::{ErrorLocation, SyntaxError, SyntaxErrorKind};
use crate::text::TextRange;

impl Lexer<'_> {
    /// `syntaxerror(tok, msg)`: points at the character before the cursor.
    #[cold]
    pub(super) fn error_before_cur(&self, msg: String) -> SyntaxError {
        if self.pos <= self.line_start {
            return self.explicit(SyntaxErrorKind::SyntaxError, msg, self.lineno, 0, 0);
        }
        let mut p = self.pos - 1;
        while p > self.line_start && self.buf[p] & 0xC0 == 0x80 {
            p -= 1;
        }
        SyntaxError::syntax(msg, TextRange::empty(self.offset(p)))
    }

    /// An unterminated string, reported at the token's start with the line
    /// where the tokenizer noticed (a newline, or the end of input).
    #[cold]
    pub(super) fn unterminated_string(&self, start: usize, triple: bool) -> SyntaxError {
        let detected = if self.at_eof() {
            if let Some(e) = &self.cut_error {
                return e.clone();
            }
            // The input ends with a newline, already counted.
            self.lineno - 1
        } else {
            self.lineno
        };
        let msg = if triple {
            format!("unterminated triple-quoted string literal (detected at line {detected})")
        } else {
            format!("unterminated string literal (detected at line {detected})")
        };
        SyntaxError::syntax(msg, TextRange::empty(self.offset(start)))
    }

    /// `syntaxerror_known_range` for `012`: from the number's first
    /// character to the end of its leading zeros, in bytes.
    #[cold]
    pub(super) fn leading_zeros_error(&self, start: usize, zeros_end: usize) -> SyntaxError {
        SyntaxError { text: None,
            kind: SyntaxErrorKind::SyntaxError,
            msg: "leading zeros in decimal integer literals are not permitted; \
                  use an 0o prefix for octal integers"
                .into(),
            location: ErrorLocation::Explicit {
                lineno: self.lineno,
                offset: start + 1 - self.line_start,
                end_lineno: self.lineno,
                end_offset: (zeros_end - self.line_start) as isize,
            },
        }
    }

    /// E_TABSPACE: column 1 of the line, end offset 0.
    #[cold]
    pub(super) fn tab_error(&self) -> SyntaxError {
        self.error_code.set(true);
        let msg = "inconsistent use of tabs and spaces in indentation";
        self.explicit(SyntaxErrorKind::TabError, msg.into(), self.lineno, 1, 0)
    }

    /// E_TOODEEP: as E_TABSPACE.
    #[cold]
    pub(super) fn too_deep_error(&self) -> SyntaxError {
        self.error_code.set(true);
        let msg = "too many levels of indentation";
        self.explicit(SyntaxErrorKind::IndentationError, msg.into(), self.lineno, 1, 0)
    }

    /// E_DEDENT: CPython moves its cursor to the end of the line, newline
    /// included, and reports that column with end offset -1.
    #[cold]
    pub(super) fn dedent_error(&self) -> SyntaxError {
        self.error_code.set(true);
        let end = self.line_end(self.line_start);
        let col = self.translated_len(self.line_start, end);
        let offset = self.column(self.buf_start, end, col);
        let msg = "unindent does not match any outer indentation level";
        self.explicit(SyntaxErrorKind::IndentationError, msg.into(), self.lineno, offset, -1)
    }

    /// E_LINECONT: the cursor is just past the character after the
    /// backslash (`pos` is at that character), counted from `tok->buf`.
    #[cold]
    pub(super) fn line_continuation_error(&self) -> SyntaxError {
        self.error_code.set(true);
        let col = self.translated_len(self.buf_start, self.pos) + 1;
        let offset = self.column(self.buf_start, self.line_end(self.pos), col);
        let msg = "unexpected character after line continuation character";
        self.explicit(SyntaxErrorKind::SyntaxError, msg.into(), self.lineno, offset, 0)
    }

    /// E_EOF right after a backslash continuation: an open bracket's error,
    /// or "unexpected EOF while parsing" on the backslash's line, at its end.
    /// After a backslash in the indentation, CPython's file reader has reset
    /// its buffer and reports column 0; its string reader has not.
    #[cold]
    pub(super) fn eof_error(&self, at_bol: bool) -> SyntaxError {
        if let Some(e) = &self.cut_error {
            return e.clone();
        }
        if let Some(paren) = self.parens.last().copied() {
            return self.unclosed_paren_error(paren);
        }
        self.error_code.set(true);
        let offset = if at_bol && !self.options.string_mode {
            0
        } else {
            let col = self.translated_len(self.prev_line_start, self.eof);
            self.column(self.buf_start, self.eof, col)
        };
        let msg = "unexpected EOF while parsing";
        self.explicit(SyntaxErrorKind::SyntaxError, msg.into(), self.lineno - 1, offset, -1)
    }


    /// `raise_unclosed_parentheses_error`: at the innermost open bracket,
    /// end offset 0.
    #[cold]
    pub(super) fn unclosed_paren_error(&self, paren: Paren) -> SyntaxError {
        self.error_code.set(true);
        let col = self.translated_len(paren.line_start, paren.pos) + 1;
        // CPython converts the column with the tokenizer's current buffer if
        // the bracket is on its line, else with the bracket's line.
        let last_line = if self.at_eof() { self.lineno - 1 } else { self.lineno };
        let offset = if last_line <= paren.lineno {
            self.column(self.buf_start, self.eof, col)
        } else {
            self.column(paren.line_start, self.line_end(paren.line_start), col)
        };
        let msg = format!("'{}' was never closed", paren.ch as char);
        self.explicit(SyntaxErrorKind::SyntaxError, msg, paren.lineno, offset, 0)
    }

    fn explicit(
        &self,
        kind: SyntaxErrorKind,
        msg: String,
        lineno: usize,
        offset: usize,
        end_offset: isize,
    ) -> SyntaxError {
        SyntaxError { text: None,
            kind,
            msg,
            location: ErrorLocation::Explicit { lineno, offset, end_lineno: lineno, end_offset },
        }
    }

    /// Just past the newline of the line holding `pos` (or the end of input).
    fn line_end(&self, pos: usize) -> usize {
        let rest = &self.buf[pos..self.eof];
        match rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(i) if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') => pos + i + 2,
            Some(i) => pos + i + 1,
            None => self.eof,
        }
    }

    /// Bytes from `from` to `to` as CPython counts them, `\r\n` being `\n`.
    fn translated_len(&self, from: usize, to: usize) -> usize {
        let crlf = self.buf[from..to].windows(2).filter(|w| w == b"\r\n").count();
        to - from - crlf
    }

    /// A column CPython computed in bytes of its buffer starting at `from`,
    /// as it reports it: unchanged without an encoding, else converted to
    /// characters by `_PyPegen_byte_offset_to_character_offset` over the text
    /// `from..to` (a cut character counts as one; past the end, C's NUL
    /// terminator counts as one more).
    fn column(&self, from: usize, to: usize, col: usize) -> usize {
        if !self.options.has_encoding {
            return col;
        }
        let (mut i, mut bytes, mut chars) = (from, 0, 0);
        while bytes < col {
            if i >= to {
                chars += 1;
                break;
            }
            let b = self.buf[i];
            if b == b'\r' && self.buf[i + 1] == b'\n' {
                i += 1;
            }
            if b & 0xC0 != 0x80 {
                chars += 1;
            }
            i += 1;
            bytes += 1;
        }
        chars
    }
}

/// CPython reads the file a line at a time and rejects a line holding a NUL
/// byte when it reads it: line of the NUL, offsets 0.
pub(super) fn null_byte_error(lineno: usize) -> SyntaxError {
    SyntaxError { text: None,
        kind: SyntaxErrorKind::SyntaxError,
        msg: "source code cannot contain null bytes".into(),
        location: ErrorLocation::Explicit { lineno, offset: 0, end_lineno: lineno, end_offset: 0 },
    }
}
