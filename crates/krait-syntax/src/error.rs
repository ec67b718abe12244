//! Syntax errors as CPython reports them.
//!
//! Invariant: an error carries CPython's exception class, its exact message and
//! a byte range in the decoded source; `lineno`/`offset`/`end_lineno`/
//! `end_offset` (1-based, offsets in characters, as `SyntaxError` has them) are
//! derived from that range by `locate`, never stored twice.

use crate::text::{LineIndex, TextRange};

/// Which built-in exception class CPython raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Not a syntax error: the parser's rules nested deeper than CPython's
    /// `MAXSTACK`, where CPython raises a bare `MemoryError` (no message,
    /// no location).
    MemoryError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// Where an error points. Most errors point at a range of the source; a few of
/// CPython's point at positions no range can express (a column past the end of
/// a line, line 0 for decoding errors), and say so explicitly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorLocation {
    Range(TextRange),
    /// 1-based lines, 1-based character offsets, as `SyntaxError` stores them.
    /// `end_offset` is signed: CPython reports -1 (and 0) for some tokenizer
    /// errors ("unindent does not match ...", "'(' was never closed").
    Explicit { lineno: usize, offset: usize, end_lineno: usize, end_offset: isize },
    /// A point with no end (`end_offset == -1`), as CPython reports
    /// indentation errors: `offset` is the 0-based character column there.
    Point(u32),
    /// No position at all (CPython's `lineno` is None): errors decoding a
    /// file, printed as a bare `SyntaxError: ...` line. `locate` gives zeros.
    Nowhere,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub location: ErrorLocation,
    /// The source line CPython shows when it is not the file's own: an error
    /// inside an f-string expression shows the `(expr)` text it re-parsed.
    pub text: Option<String>,
}

/// How `SyntaxError` offsets count columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Columns {
    Chars,
    Bytes,
}

/// `SyntaxError`'s attributes, resolved against the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub lineno: usize,
    pub offset: usize,
    pub end_lineno: usize,
    pub end_offset: isize,
    /// The source line the error points at, with its line ending, if any.
    pub text: Option<String>,
}

impl SyntaxError {
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>, range: TextRange) -> Self {
        SyntaxError { kind, msg: msg.into(), location: ErrorLocation::Range(range), text: None }
    }

    pub fn syntax(msg: impl Into<String>, range: TextRange) -> Self {
        Self::new(SyntaxErrorKind::SyntaxError, msg, range)
    }

    pub fn indentation(msg: impl Into<String>, range: TextRange) -> Self {
        Self::new(SyntaxErrorKind::IndentationError, msg, range)
    }

    /// lineno/offset/end_lineno/end_offset as CPython computes them: offsets
    /// count characters from 1, so a range's byte columns are converted.
    pub fn locate(&self, source: &str, lines: &LineIndex) -> Located {
        self.locate_in(source, lines, Columns::Chars)
    }

    /// As `locate`, with columns counted as `columns` says: CPython counts
    /// characters only when the source declared its encoding (a coding
    /// cookie or a BOM), and UTF-8 bytes otherwise.
    pub fn locate_in(&self, source: &str, lines: &LineIndex, columns: Columns) -> Located {
        let mut located = self.locate_in_source(source, lines, columns);
        if let Some(text) = &self.text {
            located.text = Some(text.clone());
        }
        located
    }

    fn locate_in_source(&self, source: &str, lines: &LineIndex, columns: Columns) -> Located {
        let count = |s: &str| match columns {
            Columns::Chars => char_count(s),
            Columns::Bytes => s.len(),
        };
        match self.location {
            ErrorLocation::Nowhere => {
                Located { lineno: 0, offset: 0, end_lineno: 0, end_offset: 0, text: None }
            }
            ErrorLocation::Explicit { lineno, offset, end_lineno, end_offset } => {
                let text = (lineno >= 1 && lineno <= lines.line_count())
                    .then(|| line_with_ending(source, lines, lineno));
                Located { lineno, offset, end_lineno, end_offset, text }
            }
            ErrorLocation::Point(at) => {
                let (lineno, col) = lines.line_col(at);
                let line_start = lines.line_start(lineno) as usize;
                let offset = count(&source[line_start..line_start + col as usize]);
                let text = Some(line_with_ending(source, lines, lineno));
                Located { lineno, offset, end_lineno: lineno, end_offset: -1, text }
            }
            ErrorLocation::Range(range) => {
                let (lineno, col) = lines.line_col(range.start);
                let (end_lineno, end_col) = lines.line_col(range.end);
                let line_start = lines.line_start(lineno) as usize;
                let offset = count(&source[line_start..line_start + col as usize]) + 1;
                let end_start = lines.line_start(end_lineno) as usize;
                let end_offset = count(&source[end_start..end_start + end_col as usize]) + 1;
                Located {
                    lineno,
                    offset,
                    end_lineno,
                    end_offset: end_offset as isize,
                    text: Some(line_with_ending(source, lines, lineno)),
                }
            }
        }
    }
}

fn char_count(s: &str) -> usize {
    s.chars().count()
}

fn line_with_ending(source: &str, lines: &LineIndex, line: usize) -> String {
    let start = lines.line_start(line) as usize;
    let end = if line < lines.line_count() {
        lines.line_start(line + 1) as usize
    } else {
        source.len()
    };
    source[start..end].to_string()
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}
