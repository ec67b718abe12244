//! Source text -> tokens, with the semantics of CPython 3.11's C tokenizer
//! (`Parser/tokenizer.c`): INDENT/DEDENT from an indentation stack, NEWLINE
//! only outside brackets, implicit and explicit line joining, one STRING token
//! per literal (f-strings included), and CPython's tokenizer errors with their
//! exact class, message and position.
//!
//! Invariants:
//! - `tokens` never holds `Comment` or `Nl`. On success it ends with
//!   `EndMarker`; on error it holds every token before the error.
//! - Lines end at `\n`, `\r\n` or a lone `\r` (CPython translates all three to
//!   `\n` before tokenizing); a source whose last line has no newline is
//!   tokenized as if it had one.
//! - Token ranges are byte ranges into the source:
//!   - NAME, NUMBER, STRING, operators and keywords: exactly their text.
//!   - NEWLINE: as CPython's NEWLINE token, it starts at the comment ending
//!     the line if there is one, else at the newline, and ends where the
//!     newline characters start (CPython leaves the `\n` out). So it is empty
//!     at the newline on a line without comment, and empty at the end of the
//!     source for the implicit newline of a last line without one.
//!     `expected ':'` and friends point exactly at this range.
//!   - INDENT: from the start of the line to its first token (from the start
//!     of its last physical line, if a backslash split the indentation).
//!   - DEDENT: empty, at the first token of the dedented line (at the end of
//!     the source for the DEDENTs before ENDMARKER).
//!   - ENDMARKER: empty, at the end of the source.
//! - Keywords get their own `TokenKind`; the soft keywords `match`, `case`
//!   and `_` stay `Name`. A printable ASCII character no token starts with
//!   (`$`, `?`, `!` alone, a backquote) is an `ErrorToken` of one byte: CPython
//!   hands it to the parser as an OP token, and the parser reports "invalid
//!   syntax" there. `<>` is `NotEqual`, as in CPython, whose parser rejects
//!   it (PEP 401) by looking at its text.
//! - Nothing here recurses: bracket nesting is a stack capped at 200 levels
//!   (MAXLEVEL), indentation one capped at 100 (MAXINDENT), as in CPython.
//!
//! Positions of errors follow CPython, including its quirks: errors the C
//! tokenizer raises itself (`syntaxerror`) point at a character; errors the
//! parser raises for it (E_EOF, E_DEDENT, E_LINECONT, TabError, unclosed
//! brackets) use `ErrorLocation::Explicit`, with columns counted in bytes unless
//! `Options::has_encoding` says CPython had an encoding (see `errors.rs`).
//! Where CPython's file and string tokenizers disagree (EOF right after a
//! backslash at the start of a line; a source ending in `\r\n`), this follows
//! the file tokenizer, i.e. what `python3 FILE` reports.

mod errors;
pub mod pytokenize;
mod pyword;
mod scan;
#[cfg(test)]
mod tests;

use crate::error::SyntaxError;
use crate::text::TextRange;
use crate::token::{Token, TokenKind};

/// Columns a tab advances to a multiple of (CPython's TABSIZE).
const TABSIZE: usize = 8;
/// CPython's MAXINDENT: at most 99 nested indentation levels.
const MAXINDENT: usize = 100;
/// CPython's MAXLEVEL: at most 200 nested brackets.
const MAXLEVEL: usize = 200;

/// The parser's token stream.
///
/// Invariant: `tokens` holds no `Comment`/`Nl`; it ends with `EndMarker`
/// unless the tokenizer failed, in which case `error` is set and `tokens`
/// holds every token before the error.
#[derive(Debug, Clone)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub error: Option<SyntaxError>,
    /// `SyntaxWarning`s CPython's tokenizer emits while producing `tokens`
    /// ("invalid decimal literal" for `1if x else y`), in order.
    pub warnings: Vec<Warning>,
    /// How CPython's tokenizer reports `error`: `true` if it raises it
    /// itself (bad numbers, strings, characters, brackets, NUL bytes);
    /// `false` if it returns an error code its parser turns into the
    /// exception (end of input, unindent, tabs, too deep, line continuation).
    /// When the parser has already failed and then tokenizes the rest of the
    /// source (`_PyPegen_tokenize_full_source_to_check_for_errors`), a raised
    /// error replaces the parser's, an error code does not...
    pub error_raised: bool,
    /// ...except that at an error code with brackets open, CPython raises
    /// "'(' was never closed" for the innermost one if it opened on a line
    /// before the parser's error: this is that error, placed as CPython
    /// places it.
    pub unclosed_bracket: Option<SyntaxError>,
    /// `Options::invalid_utf8`, handed on to the parser (literals holding
    /// such bytes are its error).
    pub invalid_utf8: Vec<crate::source::InvalidUtf8>,
    /// With `Options::type_comments`, each `# type: ignore` comment: the
    /// range of its tag (the text after `ignore`). They are not in
    /// `tokens`; the parser lists them in `Module.type_ignores`.
    pub type_ignores: Vec<TextRange>,
    /// `Options::feature_version`, handed on to the parser.
    pub feature_version: Option<u32>,
}

/// A `SyntaxWarning` from the tokenizer. CPython prints it as
/// `FILE:LINE: SyntaxWarning: MSG` when the token is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub msg: String,
    /// Empty, where CPython's tokenizer stood (its line is the warning's line).
    pub range: TextRange,
}

/// How CPython's tokenizer was set up (see `source::Decoded::tokenizer_options`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// CPython's `tok->encoding` is set: the file started with a UTF-8 BOM or
    /// declared its encoding, or the source was a `str` (`ast.parse(text)`,
    /// `compile(text, ...)`). The errors the parser raises for the tokenizer
    /// (unexpected EOF, unindent, character after line continuation, unclosed
    /// bracket) then count columns in characters; without it, in bytes.
    pub has_encoding: bool,
    /// The source was cut before a line CPython cannot read (not UTF-8):
    /// the error to raise on reaching the end of the source.
    pub cut_error: Option<SyntaxError>,
    /// Bytes that are not UTF-8, read as they are by CPython's string
    /// tokenizer (`source::Decoded::invalid_utf8`).
    pub invalid_utf8: Vec<crate::source::InvalidUtf8>,
    /// Tokenize as CPython's string reader (`compile(bytes)`, `ast.parse`)
    /// rather than its file reader (`python3 FILE`), where they differ.
    pub string_mode: bool,
    /// Produce `TypeComment` tokens for `# type: ...` comments and collect
    /// `# type: ignore` comments (`PyCF_TYPE_COMMENTS`).
    pub type_comments: bool,
    /// `ast.parse(feature_version=(3, N))`: N, the grammar's minor
    /// version; `None` for 3.11's own. Below 7, `async` and `await` are
    /// keywords only in and at an `async def` (CPython's `async_hacks`).
    pub feature_version: Option<u32>,
    /// Parse with PEP 401's `barry_as_FLUFL` in force (`compile()` with
    /// `CO_FUTURE_BARRY_AS_BDFL`): the parser's, carried here because the
    /// options are how callers set up a parse.
    pub barry_as_flufl: bool,
}

/// Tokenize decoded source for the parser, as CPython tokenizes a file
/// without a coding declaration.
pub fn tokenize(source: &str) -> Tokens {
    tokenize_with(source, Options::default())
}

/// Tokenize decoded source for the parser.
pub fn tokenize_with(source: &str, options: Options) -> Tokens {
    let mut lexer = Lexer::new(source, options);
    let mut tokens = Vec::with_capacity(source.len() / 4 + 16);
    let error = loop {
        match lexer.next_token() {
            Ok(token) => {
                tokens.push(token);
                if token.kind == TokenKind::EndMarker {
                    break None;
                }
            }
            Err(e) => break Some(e),
        }
    };
    let error_raised = error.is_some() && !lexer.error_code.get();
    let unclosed_bracket = match lexer.parens.last() {
        Some(&paren) if error.is_some() && !error_raised => Some(lexer.unclosed_paren_error(paren)),
        _ => None,
    };
    let invalid_utf8 = std::mem::take(&mut lexer.options.invalid_utf8);
    let type_ignores = std::mem::take(&mut lexer.type_ignores);
    let feature_version = lexer.options.feature_version;
    Tokens { tokens, error, warnings: lexer.warnings, error_raised, unclosed_bracket, invalid_utf8, type_ignores, feature_version }
}

/// An open bracket: what `tok->parenstack`, `parenlinenostack` and
/// `parencolstack` record.
#[derive(Debug, Clone, Copy)]
struct Paren {
    ch: u8,
    pos: usize,
    lineno: usize,
    line_start: usize,
}

/// The tokenizer's state, mirroring CPython's `struct tok_state`.
pub(crate) struct Lexer<'s> {
    src: &'s str,
    /// The source bytes, cut before the first line holding a NUL byte, plus a
    /// `\n` if the last line lacks one, plus a 0 sentinel at `eof`. So a 0
    /// byte means end of input and scanners need no bounds checks.
    buf: Vec<u8>,
    eof: usize,
    /// The source was cut (a NUL byte: "source code cannot contain null
    /// bytes", or see `Options::cut_error`): the error reaching `eof` raises.
    cut_error: Option<SyntaxError>,
    pos: usize,
    /// 1-based line of `pos`, and where that line starts.
    lineno: usize,
    line_start: usize,
    /// Start of the line before `line_start`'s (for errors at end of input,
    /// where CPython still stands on the last line).
    prev_line_start: usize,
    /// CPython's `tok->buf` for string input: the start of the last line read
    /// while no token was being scanned. Lines joined by a backslash or
    /// inside a multi-line string do not move it.
    buf_start: usize,
    /// Where the indentation of the current logical line started.
    indent_start: usize,
    atbol: bool,
    /// Pending INDENT (> 0) or DEDENTs (< 0).
    pendin: i32,
    indstack: Vec<usize>,
    altindstack: Vec<usize>,
    parens: Vec<Paren>,
    options: Options,
    warnings: Vec<Warning>,
    type_ignores: Vec<TextRange>,
    /// `async_hacks` state: inside an `async def` (its header, then its
    /// body: `async_def_nl` once past the header's newline), and the
    /// indentation depth the `def` stands at.
    async_def: bool,
    async_def_nl: bool,
    async_def_indent: usize,
    /// Set when the error made is one CPython reports as an error code.
    error_code: std::cell::Cell<bool>,
}

impl<'s> Lexer<'s> {
    pub(crate) fn new(src: &'s str, options: Options) -> Self {
        let bytes = src.as_bytes();
        // CPython reads a file line by line and rejects a line holding a NUL
        // when it reads it; cutting the input before that line gives the
        // same tokens, then the error at end of input.
        let (kept, cut_error) = match bytes.iter().position(|&b| b == 0) {
            Some(i) => {
                let line_start =
                    bytes[..i].iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |p| p + 1);
                let kept = &bytes[..line_start];
                let lineno = 1 + kept.iter().enumerate().filter(|&(j, &b)| {
                    b == b'\n' || (b == b'\r' && kept.get(j + 1) != Some(&b'\n'))
                }).count();
                (kept, Some(errors::null_byte_error(lineno)))
            }
            None => (bytes, options.cut_error.clone()),
        };
        let mut buf = Vec::with_capacity(kept.len() + 2);
        buf.extend_from_slice(kept);
        if !kept.is_empty() && !matches!(kept[kept.len() - 1], b'\n' | b'\r') {
            buf.push(b'\n');
        }
        let eof = buf.len();
        buf.push(0);
        Lexer {
            src,
            buf,
            eof,
            cut_error,
            pos: 0,
            lineno: 1,
            line_start: 0,
            prev_line_start: 0,
            buf_start: 0,
            indent_start: 0,
            atbol: true,
            pendin: 0,
            indstack: vec![0],
            altindstack: vec![0],
            parens: Vec::new(),
            options,
            warnings: Vec::new(),
            type_ignores: Vec::new(),
            async_def: false,
            async_def_nl: false,
            async_def_indent: 0,
            error_code: std::cell::Cell::new(false),
        }
    }

    /// A buffer position as a source offset (the virtual final newline and
    /// the sentinel sit at the end of the source).
    #[inline]
    fn offset(&self, pos: usize) -> u32 {
        pos.min(self.src.len()) as u32
    }

    #[inline]
    fn token(&self, kind: TokenKind, start: usize, end: usize) -> Token {
        Token { kind, range: TextRange::new(self.offset(start), self.offset(end)) }
    }

    /// Consume the newline at `pos` (`\n`, `\r\n` or `\r`).
    #[inline]
    fn eat_newline(&mut self) {
        debug_assert!(matches!(self.buf[self.pos], b'\n' | b'\r'));
        if self.buf[self.pos] == b'\r' && self.buf[self.pos + 1] == b'\n' {
            self.pos += 2;
        } else {
            self.pos += 1;
        }
        self.lineno += 1;
        self.prev_line_start = self.line_start;
        self.line_start = self.pos;
    }

    #[inline]
    fn at_eof(&self) -> bool {
        self.pos >= self.eof
    }

    /// The next token: CPython's `tok_get`.
    pub(crate) fn next_token(&mut self) -> Result<Token, SyntaxError> {
        loop {
            // nextline:
            let mut blankline = false;
            if self.atbol {
                self.atbol = false;
                blankline = self.indentation()?;
            }

            // Pending INDENT/DEDENTs come before the line's first token.
            if self.pendin != 0 {
                if self.pendin < 0 {
                    self.pendin += 1;
                    return Ok(self.token(TokenKind::Dedent, self.pos, self.pos));
                }
                self.pendin -= 1;
                return Ok(self.token(TokenKind::Indent, self.indent_start, self.pos));
            }

            loop {
                // again: skip spaces.
                let mut c = self.buf[self.pos];
                while c == b' ' || c == b'\t' || c == 0x0c {
                    self.pos += 1;
                    c = self.buf[self.pos];
                }
                let start = self.pos;

                if c == b'#' {
                    if self.options.type_comments {
                        if let Some(token) = self.type_comment(start, blankline) {
                            return Ok(token);
                        }
                        if self.atbol {
                            break; // a `# type: ignore` line: goto nextline
                        }
                    }
                    self.skip_comment();
                    c = self.buf[self.pos];
                }

                // A line indented no deeper than an `async def` ends it.
                if self.async_def
                    && !blankline
                    && c != b'\n'
                    && c != b'\r'
                    && self.parens.is_empty()
                    && self.async_def_nl
                    && self.async_def_indent >= self.indstack.len() - 1
                {
                    self.async_def = false;
                    self.async_def_nl = false;
                    self.async_def_indent = 0;
                }

                if c == 0 {
                    // The buffer holds no NUL before `eof` (see `new`).
                    return self.end_of_input();
                }

                if scan::is_potential_identifier_start(c) {
                    return self.name_or_string(start);
                }

                if c == b'\n' || c == b'\r' {
                    let newline = self.pos;
                    self.eat_newline();
                    self.atbol = true;
                    if blankline || !self.parens.is_empty() {
                        break; // goto nextline
                    }
                    if self.async_def {
                        self.async_def_nl = true;
                    }
                    return Ok(self.token(TokenKind::Newline, start, newline));
                }

                if c == b'\\' {
                    self.pos += 1;
                    self.continuation_line(false)?;
                    continue; // goto again
                }

                return self.punctuation(start, c);
            }
        }
    }

    /// At a comment (`start`): when it is `#`, blanks, `type:`, blanks, a
    /// `TypeComment` token holding the rest of the comment, as CPython's
    /// tokenizer makes with type comments on. `# type: ignore` (followed by
    /// nothing, or by anything ASCII that is not alphanumeric) is recorded
    /// in `type_ignores` instead and yields no token; alone on its line, it
    /// takes the newline with it (`atbol` is then set).
    fn type_comment(&mut self, start: usize, blankline: bool) -> Option<Token> {
        let mut p = start + 1;
        let blanks = |buf: &[u8], mut p: usize| {
            while buf[p] == b' ' || buf[p] == b'\t' {
                p += 1;
            }
            p
        };
        p = blanks(&self.buf, p);
        if !self.buf[p..].starts_with(b"type:") {
            return None;
        }
        let text = blanks(&self.buf, p + 5);
        self.skip_comment();
        let end = self.pos;
        let rest = &self.buf[text..end];
        let ignore = rest.starts_with(b"ignore") && !rest.get(6).is_some_and(|&b| b >= 0x80 || b.is_ascii_alphanumeric());
        if !ignore {
            return Some(self.token(TokenKind::TypeComment, text.min(end), end));
        }
        self.type_ignores.push(TextRange::new(self.offset(text + 6), self.offset(end)));
        if blankline {
            self.eat_newline();
            self.atbol = true;
        }
        None
    }

    /// Skip a comment up to (not including) its newline or the end of input.
    #[inline]
    fn skip_comment(&mut self) {
        let rest = &self.buf[self.pos..];
        let len = rest.iter().position(|&b| b == b'\n' || b == b'\r' || b == 0).unwrap_or(rest.len());
        self.pos += len;
    }

    /// The indentation of a new line (the `atbol` part of `tok_get`). Pushes
    /// pending INDENT/DEDENTs; returns whether the line is blank (only
    /// whitespace and/or a comment), in which case it produces no tokens.
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        self.buf_start = self.pos;
        self.indent_start = self.pos;
        let mut col = 0usize;
        let mut altcol = 0usize;
        let mut cont_line_col = 0usize;
        loop {
            match self.buf[self.pos] {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / TABSIZE + 1) * TABSIZE;
                    // The alternate tab size is 1: a tab counts as a space.
                    altcol += 1;
                }
                0x0c => {
                    // Form feed resets the column ("for Emacs users").
                    col = 0;
                    altcol = 0;
                }
                b'\\' => {
                    // Indentation cannot be split over lines with a
                    // backslash: the first backslash fixes the column.
                    if cont_line_col == 0 {
                        cont_line_col = col;
                    }
                    self.pos += 1;
                    self.continuation_line(true)?;
                    self.buf_start = self.pos;
                    self.indent_start = self.pos;
                    continue;
                }
                _ => break,
            }
            self.pos += 1;
        }
        let c = self.buf[self.pos];
        let blankline = c == b'#' || c == b'\n' || c == b'\r';
        if blankline || !self.parens.is_empty() {
            return Ok(blankline);
        }
        if cont_line_col != 0 {
            col = cont_line_col;
            altcol = cont_line_col;
        }
        let top = self.indstack.len() - 1;
        if col == self.indstack[top] {
            if altcol != self.altindstack[top] {
                return Err(self.tab_error());
            }
        } else if col > self.indstack[top] {
            if self.indstack.len() >= MAXINDENT {
                return Err(self.too_deep_error());
            }
            if altcol <= self.altindstack[top] {
                return Err(self.tab_error());
            }
            self.pendin += 1;
            self.indstack.push(col);
            self.altindstack.push(altcol);
        } else {
            while self.indstack.len() > 1 && col < *self.indstack.last().unwrap_or(&0) {
                self.pendin -= 1;
                self.indstack.pop();
                self.altindstack.pop();
            }
            let top = self.indstack.len() - 1;
            if col != self.indstack[top] {
                return Err(self.dedent_error());
            }
            if altcol != self.altindstack[top] {
                return Err(self.tab_error());
            }
        }
        Ok(false)
    }

    /// After a backslash: the line must end right there, and another must
    /// follow (CPython's `tok_continuation_line`).
    fn continuation_line(&mut self, at_bol: bool) -> Result<(), SyntaxError> {
        let c = self.buf[self.pos];
        if c != b'\n' && c != b'\r' {
            return Err(self.line_continuation_error());
        }
        self.eat_newline();
        if self.at_eof() {
            return Err(self.eof_error(at_bol));
        }
        Ok(())
    }

    /// End of input outside any token: ENDMARKER, or the error for an open
    /// bracket, or the NUL byte the input was cut at.
    fn end_of_input(&mut self) -> Result<Token, SyntaxError> {
        if let Some(e) = &self.cut_error {
            return Err(e.clone());
        }
        if let Some(paren) = self.parens.last().copied() {
            return Err(self.unclosed_paren_error(paren));
        }
        Ok(self.token(TokenKind::EndMarker, self.eof, self.eof))
    }

    /// An operator, bracket, or a character no token starts with.
    fn punctuation(&mut self, start: usize, c: u8) -> Result<Token, SyntaxError> {
        use TokenKind as K;
        let c2 = self.buf[self.pos + 1];
        let c3 = if c2 == 0 { 0 } else { self.buf[self.pos + 2] };
        let (kind, len) = match c {
            b'(' | b'[' | b'{' => {
                if self.parens.len() >= MAXLEVEL {
                    self.pos += 1;
                    return Err(self.error_before_cur("too many nested parentheses".into()));
                }
                self.parens.push(Paren {
                    ch: c,
                    pos: start,
                    lineno: self.lineno,
                    line_start: self.line_start,
                });
                let kind = match c {
                    b'(' => K::Lpar,
                    b'[' => K::Lsqb,
                    _ => K::Lbrace,
                };
                (kind, 1)
            }
            b')' | b']' | b'}' => {
                self.pos += 1;
                let Some(open) = self.parens.pop() else {
                    return Err(self.error_before_cur(format!("unmatched '{}'", c as char)));
                };
                let expected = match open.ch {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if c != expected {
                    let msg = if open.lineno != self.lineno {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            c as char, open.ch as char, open.lineno
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open.ch as char
                        )
                    };
                    return Err(self.error_before_cur(msg));
                }
                self.pos -= 1;
                let kind = match c {
                    b')' => K::Rpar,
                    b']' => K::Rsqb,
                    _ => K::Rbrace,
                };
                (kind, 1)
            }
            b'.' => {
                if c2.is_ascii_digit() {
                    return self.number(start);
                }
                if c2 == b'.' && c3 == b'.' {
                    (K::Ellipsis, 3)
                } else {
                    (K::Dot, 1)
                }
            }
            b'0'..=b'9' => return self.number(start),
            b'"' | b'\'' => return self.string(start),
            b':' => if c2 == b'=' { (K::ColonEqual, 2) } else { (K::Colon, 1) },
            b',' => (K::Comma, 1),
            b';' => (K::Semi, 1),
            b'~' => (K::Tilde, 1),
            b'+' => if c2 == b'=' { (K::PlusEqual, 2) } else { (K::Plus, 1) },
            b'-' => match c2 {
                b'=' => (K::MinEqual, 2),
                b'>' => (K::Rarrow, 2),
                _ => (K::Minus, 1),
            },
            b'*' => match (c2, c3) {
                (b'*', b'=') => (K::DoubleStarEqual, 3),
                (b'*', _) => (K::DoubleStar, 2),
                (b'=', _) => (K::StarEqual, 2),
                _ => (K::Star, 1),
            },
            b'/' => match (c2, c3) {
                (b'/', b'=') => (K::DoubleSlashEqual, 3),
                (b'/', _) => (K::DoubleSlash, 2),
                (b'=', _) => (K::SlashEqual, 2),
                _ => (K::Slash, 1),
            },
            b'<' => match (c2, c3) {
                (b'<', b'=') => (K::LeftShiftEqual, 3),
                (b'<', _) => (K::LeftShift, 2),
                (b'=', _) => (K::LessEqual, 2),
                // PEP 401: CPython's tokenizer makes `<>` a NOTEQUAL token.
                (b'>', _) => (K::NotEqual, 2),
                _ => (K::Less, 1),
            },
            b'>' => match (c2, c3) {
                (b'>', b'=') => (K::RightShiftEqual, 3),
                (b'>', _) => (K::RightShift, 2),
                (b'=', _) => (K::GreaterEqual, 2),
                _ => (K::Greater, 1),
            },
            b'=' => if c2 == b'=' { (K::EqEqual, 2) } else { (K::Equal, 1) },
            b'!' => if c2 == b'=' { (K::NotEqual, 2) } else { (K::ErrorToken, 1) },
            b'%' => if c2 == b'=' { (K::PercentEqual, 2) } else { (K::Percent, 1) },
            b'&' => if c2 == b'=' { (K::AmperEqual, 2) } else { (K::Amper, 1) },
            b'|' => if c2 == b'=' { (K::VbarEqual, 2) } else { (K::Vbar, 1) },
            b'^' => if c2 == b'=' { (K::CircumflexEqual, 2) } else { (K::Circumflex, 1) },
            b'@' => if c2 == b'=' { (K::AtEqual, 2) } else { (K::At, 1) },
            _ => {
                if c < 0x20 || c == 0x7f {
                    self.pos += 1;
                    return Err(self.error_before_cur(format!(
                        "invalid non-printable character U+{:04X}",
                        c
                    )));
                }
                (K::ErrorToken, 1)
            }
        };
        self.pos += len;
        Ok(self.token(kind, start, self.pos))
    }
}
