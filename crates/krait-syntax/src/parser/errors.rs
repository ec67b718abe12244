//! Which syntax error the parser reports, following CPython 3.11's
//! `_PyPegen_set_syntax_error`:
//! 1. a tokenizer error met while parsing wins;
//! 2. a failure at an INDENT/DEDENT token is "unexpected indent/unindent";
//! 3. otherwise "invalid syntax" at the furthest token looked at, unless the
//!    rest of the source has a tokenizer error (then that one), or a bracket
//!    left open on an earlier line ("'(' was never closed").
//!
//! Rule-specific messages (CPython's `invalid_*` rules) are raised directly
//! by the rules that recognise them.

use super::Parser;
use crate::error::{ErrorLocation, SyntaxError, SyntaxErrorKind};
use crate::text::{LineIndex, TextRange};
use crate::token::TokenKind;

impl Parser<'_> {
    /// The generic error for a parse that cannot go on.
    pub(super) fn invalid_syntax(&mut self) -> SyntaxError {
        let i = self.furthest;
        if i >= self.tokens.len() {
            if let Some(e) = &self.tokenizer_error {
                return e.clone();
            }
        }
        let t = match self.tokens.get(i).or(self.tokens.last()) {
            Some(t) => *t,
            None => return SyntaxError::syntax("invalid syntax", TextRange::empty(0)),
        };
        match t.kind {
            TokenKind::Indent => {
                return self.indentation_error_at_token("unexpected indent", i);
            }
            TokenKind::Dedent => {
                return self.indentation_error_at_token("unexpected unindent", i);
            }
            _ => {}
        }
        let msg = if self.in_fstring { "f-string: invalid syntax" } else { "invalid syntax" };
        let generic = SyntaxError::syntax(msg, error_range(t));
        self.override_with_tokenizer_error(generic, t.range.start)
    }

    /// `invalid_syntax`'s own errors, already checked against the rest of
    /// the source.
    pub(super) fn is_generic_error(&self, e: &SyntaxError) -> bool {
        matches!(e.msg.as_str(), "invalid syntax" | "f-string: invalid syntax" | "unexpected indent" | "unexpected unindent")
    }

    /// CPython tokenizes the rest of the source after a generic error: a
    /// tokenizer error found there replaces it; an unclosed bracket does so
    /// only when it was opened on a line before the error's.
    pub(super) fn override_with_tokenizer_error(&self, generic: SyntaxError, at: u32) -> SyntaxError {
        let Some(e) = &self.tokenizer_error else { return generic };
        if self.in_fstring {
            return generic;
        }
        if e.msg.ends_with("was never closed") {
            let lines = LineIndex::new(self.source);
            let err_line = lines.line(at);
            let paren_line = match e.location {
                        ErrorLocation::Range(r) => lines.line(r.start),
                ErrorLocation::Point(at) => lines.line(at),
                ErrorLocation::Nowhere => 0,
                ErrorLocation::Explicit { lineno, .. } => lineno,
            };
            if err_line > paren_line {
                return e.clone();
            }
            return generic;
        }
        // An error code (a dedent, tabs) raises nothing while the rest is
        // tokenized: the parser's error stays.
        if !self.tokenizer_error_raised {
            return generic;
        }
        e.clone()
    }

    /// IndentationError positioned as CPython positions errors at INDENT and
    /// DEDENT tokens (which carry no columns): at the next real token.
    fn indentation_error_at_token(&self, msg: &str, i: usize) -> SyntaxError {
        let mut j = i;
        while j < self.tokens.len()
            && matches!(self.tokens[j].kind, TokenKind::Indent | TokenKind::Dedent)
        {
            j += 1;
        }
        let at = self.tokens.get(j).map_or(self.source.len() as u32, |t| t.range.start);
        SyntaxError { text: None,
            kind: SyntaxErrorKind::IndentationError,
            msg: msg.to_string(),
            location: ErrorLocation::Point(at),
        }
    }

    /// CPython's CHECK_VERSION: `what` ("Pattern matching is") is newer
    /// than the grammar asked for. Placed as CPython's RAISE_SYNTAX_ERROR,
    /// at the furthest token read.
    pub(super) fn check_version(&mut self, minor: u32, what: &str) -> Result<(), SyntaxError> {
        if self.feature_version >= minor {
            return Ok(());
        }
        let msg = format!("{what} only supported in Python 3.{minor} and greater");
        let t = match self.tokens.get(self.furthest).or(self.tokens.last()) {
            Some(t) => *t,
            None => return Err(SyntaxError::syntax(msg, TextRange::empty(0))),
        };
        let at_end = self.tokens[self.furthest.min(self.tokens.len() - 1)..]
            .iter()
            .all(|t| matches!(t.kind, TokenKind::Dedent | TokenKind::EndMarker));
        let location = match t.kind {
            _ if at_end => self.at_end_of_input(self.prev_end()),
            // No column of their own: where the tokenizer stood.
            TokenKind::Indent | TokenKind::Dedent => ErrorLocation::Point(t.range.end),
            _ => ErrorLocation::Range(error_range(t)),
        };
        Err(SyntaxError { text: None, kind: SyntaxErrorKind::SyntaxError, msg, location })
    }

    /// A required token is missing where CPython has no specific message.
    pub(super) fn expected_token(&mut self, _kind: TokenKind) -> SyntaxError {
        self.invalid_syntax()
    }

    /// "expected ':'" at the current token, as CPython's invalid_* rules say.
    pub(super) fn expect_colon(&mut self) -> Result<(), SyntaxError> {
        if self.eat(TokenKind::Colon) {
            return Ok(());
        }
        if self.at(TokenKind::Newline) {
            return Err(self.error_at_prev_or_current("expected ':'"));
        }
        Err(self.invalid_syntax())
    }

    /// CPython's "expected ':'" points at the token after the header.
    fn error_at_prev_or_current(&mut self, msg: &str) -> SyntaxError {
        if self.pos >= self.tokens.len() {
            if let Some(e) = &self.tokenizer_error {
                return e.clone();
            }
        }
        let t = self.peek();
        SyntaxError::syntax(msg, error_range(t))
    }

    /// An error at the current token (a NEWLINE counts as empty).
    pub(super) fn error_at_current(&mut self, msg: &str) -> SyntaxError {
        let t = self.peek();
        self.error(msg, error_range(t))
    }

    /// An error at a DEDENT or ENDMARKER ending the file: CPython, having no
    /// columns for them, points past the end of the last line, with no end.
    pub(super) fn error_at_eof_token(&mut self, msg: &str) -> SyntaxError {
        let t = self.peek();
        if matches!(t.kind, TokenKind::Dedent | TokenKind::EndMarker)
            && self.tokens[self.pos..].iter().all(|t| matches!(t.kind, TokenKind::Dedent | TokenKind::EndMarker))
        {
            let location = self.at_end_of_input(self.prev_end());
            return SyntaxError { text: None, kind: SyntaxErrorKind::SyntaxError, msg: msg.to_string(), location };
        }
        self.error(msg, error_range(t))
    }

    /// Where CPython places an error raised at the DEDENTs and ENDMARKER
    /// ending the input: still on the line of `last` (the last real
    /// token's end), past its newline, with no end column.
    fn at_end_of_input(&self, last: u32) -> ErrorLocation {
        let lines = LineIndex::new(self.source);
        let line = lines.line(last);
        let start = lines.line_start(line) as usize;
        let end = if line < lines.line_count() { lines.line_start(line + 1) as usize } else { self.source.len() };
        let offset = self.source[start..end].chars().count();
        ErrorLocation::Explicit { lineno: line, offset, end_lineno: line, end_offset: -1 }
    }

    /// An error with a specific message over `range`.
    pub(super) fn error(&self, msg: impl Into<String>, range: TextRange) -> SyntaxError {
        let msg = msg.into();
        let msg = if self.in_fstring { format!("f-string: {msg}") } else { msg };
        SyntaxError::syntax(msg, range)
    }

    /// "expected an indented block after 'if' statement on line 3".
    pub(super) fn expected_indented_block(&mut self, what: &str, header_start: u32) -> SyntaxError {
        let lines = LineIndex::new(self.source);
        let line = lines.line(header_start);
        let t = self.peek();
        let msg = format!("expected an indented block after {what} on line {line}");
        if t.kind == TokenKind::Dedent {
            // DEDENT carries no columns: CPython points at the next token's
            // start with no end.
            let mut e = self.indentation_error_at_token(&msg, self.pos);
            e.kind = SyntaxErrorKind::IndentationError;
            return e;
        }
        SyntaxError::new(SyntaxErrorKind::IndentationError, msg, t.range)
    }
}

/// The range CPython's C tokenizer gives a token in error messages: NEWLINE
/// tokens are empty (the `\n` is left out of them).
pub(super) fn error_range(t: crate::token::Token) -> TextRange {
    if t.kind == TokenKind::Newline {
        TextRange::empty(t.range.start)
    } else {
        t.range
    }
}
