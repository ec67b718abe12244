//! Tokens -> AST: a hand-written recursive-descent parser for the whole
//! Python 3.11 grammar. Methods are named after the rules of CPython's
//! `Grammar/python.gram` (`parse_if_stmt`, `parse_star_expressions`, ...).
//!
//! Invariants:
//! - A node's range runs from the first token of the rule that built it to the
//!   last non-whitespace token that rule consumed, as pegen's `EXTRA` does;
//!   so `(a) + b` starts at the `(` although `a` itself does not.
//! - The parser only moves forward through `self.pos`; speculative rules save
//!   and restore it (`mark`/`reset`) and never leave other state behind.
//! - `self.furthest` is the furthest token any rule looked at: a generic
//!   "invalid syntax" points there, as pegen reports its last-fetched token.
//! - Recursion is bounded (`enter`): nested input raises CPython's error
//!   instead of overflowing the Rust stack.

mod arguments;
mod errors;
mod expressions;
mod patterns;
mod statements;
mod strings;
mod targets;

use crate::ast::{Expr, ExprKind, Identifier, Mod, Stmt};
use crate::error::SyntaxError;
use crate::text::TextRange;
use crate::token::{Token, TokenKind};
use crate::tokenizer::{tokenize_with, Options, Tokens, Warning};

pub type PResult<T> = Result<T, SyntaxError>;

/// How deep rules may nest before the parser gives up with `MemoryError`,
/// as CPython's `MAXSTACK` does. Krait's rules nest less than CPython's
/// generated ones, so each mode starts the count at the levels CPython has
/// used before its first expression (`Parser::depth`): a chain of unary
/// operators then fails at CPython's length (5976 in `eval` mode, 5970 in
/// `exec`). Between a few thousand and that, the tree parses and the
/// compiler's own limit raises `RecursionError`, as in CPython.
const MAX_STACK: u32 = 6000;

/// The levels CPython's parser is at when it reaches an expression
/// statement's first operand, by mode (measured with `compile`).
const BASE_LEVELS_EXEC: u32 = 29;
const BASE_LEVELS_EVAL: u32 = 23;
const BASE_LEVELS_SINGLE: u32 = 27;

/// Parse a module (`compile(source, filename, 'exec')`).
pub fn parse_module(source: &str) -> Result<Mod, SyntaxError> {
    parse_module_with(source, Options::default()).result
}

/// A parse and the warnings CPython's tokenizer printed on the way.
pub struct Parsed {
    pub result: Result<Mod, SyntaxError>,
    pub warnings: Vec<Warning>,
    /// The string literals' invalid-escape DeprecationWarnings, at their
    /// tokens, in source order.
    pub escape_warnings: Vec<Warning>,
}

/// The grammar `compile()` starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartRule {
    File,
    Eval,
    Interactive,
    /// A function type comment's signature, `(int, *str) -> bool`.
    FuncType,
}

impl StartRule {
    /// The rule of `compile()`'s `mode` (`exec` for anything unknown).
    pub fn of_mode(mode: &str) -> StartRule {
        match mode {
            "eval" => StartRule::Eval,
            "single" => StartRule::Interactive,
            "func_type" => StartRule::FuncType,
            _ => StartRule::File,
        }
    }
}

/// Parse `source` from `rule`, tokenized as `options` says, with every
/// warning met on the way (for `compile()`).
pub fn parse_with(source: &str, rule: StartRule, options: Options) -> Parsed {
    if rule == StartRule::File {
        return parse_module_with(source, options);
    }
    let barry_as_flufl = options.barry_as_flufl;
    let tokens = tokenize_with(source, options);
    let warnings = tokens.warnings.clone();
    let mut p = Parser::new(source, tokens);
    p.barry_as_flufl = barry_as_flufl;
    let result = match rule {
        StartRule::Interactive => {
            p.depth = BASE_LEVELS_SINGLE;
            p.parse_interactive()
        }
        StartRule::FuncType => {
            p.depth = BASE_LEVELS_EVAL;
            p.parse_func_type().map_err(|e| p.prefer_tokenizer_error(e))
        }
        _ => {
            p.depth = BASE_LEVELS_EVAL;
            p.parse_eval()
        }
    };
    Parsed { result, warnings, escape_warnings: p.take_escape_warnings() }
}

/// `parse_with` and the default tokenizer options.
pub fn parse_with_warnings(source: &str, rule: StartRule) -> Parsed {
    parse_with(source, rule, Options::default())
}

/// Parse a module tokenized as `options` says (see
/// `source::Decoded::tokenizer_options`).
pub fn parse_module_with(source: &str, options: Options) -> Parsed {
    let barry_as_flufl = options.barry_as_flufl;
    let tokens = tokenize_with(source, options);
    let warnings = tokens.warnings.clone();
    let raw_bytes = !tokens.invalid_utf8.is_empty();
    let mut p = Parser::new(source, tokens);
    p.barry_as_flufl = barry_as_flufl;
    p.depth = BASE_LEVELS_EXEC;
    let mut result = p.parse_file().map_err(|e| p.prefer_tokenizer_error(e));
    if p.match_header_seen {
        result = result.map_err(|e| p.expected_colon_after_match(e));
    }
    if raw_bytes {
        result = result.map_err(|e| in_raw_bytes(e, source));
    }
    Parsed { result, warnings, escape_warnings: p.take_escape_warnings() }
}

/// Parse an expression (`compile(source, filename, 'eval')`).
pub fn parse_expression(source: &str) -> Result<Mod, SyntaxError> {
    parse_with_warnings(source, StartRule::Eval).result
}

/// Parse one interactive statement (`compile(source, filename, 'single')`).
pub fn parse_interactive(source: &str) -> Result<Mod, SyntaxError> {
    parse_with_warnings(source, StartRule::Interactive).result
}

/// Parse in `mode` (`exec`, `eval`, `single`, `func_type`), tokenizing as
/// `options` says (type comments, an older grammar, string mode).
pub fn parse_mode_with(source: &str, mode: &str, options: Options) -> Result<Mod, SyntaxError> {
    parse_with(source, StartRule::of_mode(mode), options).result
}

pub(crate) struct Parser<'s> {
    source: &'s str,
    tokens: Vec<Token>,
    pos: usize,
    /// The tokenizer's error, met when the parser reaches the end of `tokens`.
    tokenizer_error: Option<SyntaxError>,
    /// The tokenizer error is one CPython's tokenizer raises as an exception
    /// (not an error code the parser turns into one, such as a dedent).
    tokenizer_error_raised: bool,
    furthest: usize,
    depth: u32,
    /// Inside an f-string expression: errors get CPython's "f-string: " prefix.
    in_fstring: bool,
    /// Bytes that are not UTF-8 (string mode): an error in a literal.
    invalid_utf8: Vec<crate::source::InvalidUtf8>,
    /// The invalid-escape DeprecationWarnings of the string literals parsed
    /// (message, token range), each literal part once whatever the
    /// backtracking (keyed by where the part starts).
    escape_warnings: Vec<(u32, Warning)>,
    /// A `match subject NEWLINE` line parsed as an expression statement
    /// (`match(x)`): if the file fails later, CPython's second pass meets its
    /// invalid_match_stmt rule first and says "expected ':'".
    match_header_seen: bool,
    /// `Tokens::type_ignores`, for `Module.type_ignores`.
    type_ignores: Vec<TextRange>,
    /// The grammar's minor version (`ast.parse(feature_version=...)`):
    /// newer constructs are errors below theirs.
    feature_version: u32,
    /// PEP 401's `barry_as_FLUFL` is in force (`Options::barry_as_flufl`).
    /// As in CPython 3.11, a `from __future__ import barry_as_FLUFL` in
    /// the source being parsed does not set it; only code compiled later
    /// (`compile`, `exec`, `eval` inheriting the feature) parses with it.
    barry_as_flufl: bool,
}

/// Columns of the bytes CPython's string tokenizer read, where the text
/// stands each byte that is not UTF-8 as a 3-byte U+FFFD.
fn in_raw_bytes(mut e: SyntaxError, source: &str) -> SyntaxError {
    if let crate::error::ErrorLocation::Range(r) = e.location {
        let lines = crate::text::LineIndex::new(source);
        let column = |at: u32| {
            let (line, col) = lines.line_col(at);
            let start = lines.line_start(line) as usize;
            let seg = &source[start..start + col as usize];
            (line, seg.len() - 2 * seg.matches('\u{FFFD}').count())
        };
        let (lineno, col) = column(r.start);
        let (end_lineno, end_col) = column(r.end);
        e.location = crate::error::ErrorLocation::Explicit {
            lineno,
            offset: col + 1,
            end_lineno,
            end_offset: end_col as isize + 1,
        };
    }
    e
}

/// Pin a range-located error to character columns.
fn in_characters(e: &mut SyntaxError, source: &str) {
    if let crate::error::ErrorLocation::Range(_) = e.location {
        let lines = crate::text::LineIndex::new(source);
        let loc = e.locate_in(source, &lines, crate::error::Columns::Chars);
        e.location = crate::error::ErrorLocation::Explicit {
            lineno: loc.lineno,
            offset: loc.offset,
            end_lineno: loc.end_lineno,
            end_offset: loc.end_offset,
        };
    }
}

/// Python 3.11's minor version: the grammar parsed unless told otherwise.
const LATEST_MINOR: u32 = 11;

/// The empty token returned past the end of the stream.
const EOF_TOKEN: Token = Token { kind: TokenKind::EndMarker, range: TextRange { start: 0, end: 0 } };

impl<'s> Parser<'s> {
    pub(crate) fn new(source: &'s str, tokens: Tokens) -> Self {
        let mut tokenizer_error = tokens.error;
        if tokens.error_raised {
            // The tokenizer's own syntaxerror() counts columns in characters
            // whatever the encoding; fix them now (locate_in may count bytes).
            if let Some(e) = &mut tokenizer_error {
                in_characters(e, source);
                // Its text is the line without its newline (the tokenizer's
                // `_syntaxerror_range`), whatever the parse mode.
                if let crate::error::ErrorLocation::Explicit { lineno, .. } = e.location {
                    let lines = crate::text::LineIndex::new(source);
                    if (1..=lines.line_count()).contains(&lineno) {
                        let start = lines.line_start(lineno) as usize;
                        let rest = &source[start..];
                        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
                        e.text = Some(line.trim_end_matches('\r').to_string());
                    }
                }
            }
        }
        Parser {
            escape_warnings: Vec::new(),
            source,
            tokens: tokens.tokens,
            pos: 0,
            tokenizer_error,
            tokenizer_error_raised: tokens.error_raised,
            furthest: 0,
            depth: 0,
            in_fstring: false,
            invalid_utf8: tokens.invalid_utf8,
            match_header_seen: false,
            type_ignores: tokens.type_ignores,
            feature_version: tokens.feature_version.unwrap_or(LATEST_MINOR),
            barry_as_flufl: false,
        }
    }

    fn parse_file(&mut self) -> PResult<Mod> {
        let body = self.parse_statements_until_end()?;
        self.check_tokenizer_error()?;
        let lines = crate::text::LineIndex::new(self.source);
        let type_ignores = self
            .type_ignores
            .iter()
            .map(|r| crate::ast::TypeIgnore::TypeIgnore {
                lineno: lines.line_col(r.start).0 as i64,
                tag: self.source[r.start as usize..r.end as usize].to_string(),
            })
            .collect();
        Ok(Mod::Module { body, type_ignores })
    }

    /// The type comment here, taken (only tokenizing with type comments
    /// makes them).
    fn take_type_comment(&mut self) -> Option<String> {
        if !self.at(TokenKind::TypeComment) {
            return None;
        }
        let t = self.bump();
        Some(self.source[t.range.start as usize..t.range.end as usize].to_string())
    }

    fn parse_eval(&mut self) -> PResult<Mod> {
        // A tokenizer error the parser ran into wins, as in `exec` mode.
        let body = self.parse_expressions().map_err(|e| self.prefer_tokenizer_error(e))?;
        while self.at(TokenKind::Newline) {
            self.bump();
        }
        self.expect_end()?;
        Ok(Mod::Expression { body: Box::new(body) })
    }

    /// func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER,
    /// where type_expressions are expressions, then `*` one, then `**` one.
    fn parse_func_type(&mut self) -> PResult<Mod> {
        self.expect(TokenKind::Lpar)?;
        let mut argtypes = Vec::new();
        if !self.at(TokenKind::Rpar) {
            loop {
                if self.eat(TokenKind::Star) {
                    argtypes.push(self.parse_expression()?);
                    if self.eat(TokenKind::Comma) {
                        self.expect(TokenKind::DoubleStar)?;
                        argtypes.push(self.parse_expression()?);
                    }
                    break;
                }
                if self.eat(TokenKind::DoubleStar) {
                    argtypes.push(self.parse_expression()?);
                    break;
                }
                argtypes.push(self.parse_expression()?);
                if !self.eat(TokenKind::Comma) {
                    break;
                }
            }
        }
        self.expect(TokenKind::Rpar)?;
        self.expect(TokenKind::Rarrow)?;
        let returns = self.parse_expression()?;
        while self.at(TokenKind::Newline) {
            self.bump();
        }
        self.expect_end()?;
        Ok(Mod::FunctionType { argtypes, returns: Box::new(returns) })
    }

    fn parse_interactive(&mut self) -> PResult<Mod> {
        let body = self.parse_statement().map_err(|e| self.prefer_tokenizer_error(e))?;
        // CPython's `bad_single_statement`: after a simple statement, only
        // blank lines and comments may follow. The error points just past
        // the statement's last token.
        let more = !self.at(TokenKind::EndMarker) || (self.pos >= self.tokens.len() && self.tokenizer_error.is_some());
        if more && self.pos > 0 {
            let newline = self.tokens[self.pos - 1];
            if newline.kind == TokenKind::Newline {
                let lines = crate::text::LineIndex::new(self.source);
                let (line, col) = lines.line_col(newline.range.start);
                let offset = self.source[lines.line_start(line) as usize..newline.range.start as usize].chars().count() + 1;
                let _ = col;
                return Err(SyntaxError {
                    kind: crate::error::SyntaxErrorKind::SyntaxError,
                    msg: "multiple statements found while compiling a single statement".into(),
                    location: crate::error::ErrorLocation::Explicit {
                        lineno: line,
                        offset,
                        end_lineno: line,
                        end_offset: offset as isize,
                    },
                    text: None,
                });
            }
        }
        self.check_tokenizer_error()?;
        Ok(Mod::Interactive { body })
    }

    fn parse_statements_until_end(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        while !self.at(TokenKind::EndMarker) {
            self.check_tokenizer_error()?;
            let mut stmts = self.parse_statement()?;
            body.append(&mut stmts);
        }
        Ok(body)
    }

    fn expect_end(&mut self) -> PResult<()> {
        self.check_tokenizer_error()?;
        if self.at(TokenKind::EndMarker) {
            Ok(())
        } else {
            Err(self.invalid_syntax())
        }
    }

    // ----- the token cursor -------------------------------------------------

    /// The current token. Past the end of a failed token stream this is an
    /// `EndMarker` at the end of the source; `check_tokenizer_error` turns it
    /// into the tokenizer's error.
    #[inline]
    fn peek(&mut self) -> Token {
        self.peek_at(0)
    }

    #[inline]
    fn peek_at(&mut self, ahead: usize) -> Token {
        let i = self.pos + ahead;
        if i > self.furthest {
            self.furthest = i;
        }
        match self.tokens.get(i) {
            Some(t) => *t,
            None => {
                let end = self.source.len() as u32;
                Token { range: TextRange::empty(end), ..EOF_TOKEN }
            }
        }
    }

    #[inline]
    fn kind(&mut self) -> TokenKind {
        self.peek().kind
    }

    #[inline]
    fn at(&mut self, kind: TokenKind) -> bool {
        self.kind() == kind
    }

    /// Is the current token the soft keyword or name `text`?
    #[inline]
    fn at_name(&mut self, text: &str) -> bool {
        let t = self.peek();
        t.kind == TokenKind::Name && t.range.slice(self.source) == text
    }

    #[inline]
    fn bump(&mut self) -> Token {
        let t = self.peek();
        if self.pos < self.tokens.len() {
            self.pos += 1;
        }
        t
    }

    #[inline]
    fn eat(&mut self, kind: TokenKind) -> bool {
        if self.at(kind) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, kind: TokenKind) -> PResult<Token> {
        if self.at(kind) {
            Ok(self.bump())
        } else {
            Err(self.expected_token(kind))
        }
    }

    #[inline]
    fn mark(&self) -> usize {
        self.pos
    }

    #[inline]
    fn reset(&mut self, mark: usize) {
        self.pos = mark;
    }

    /// Start offset of the current token: where a rule beginning here starts.
    #[inline]
    fn start(&mut self) -> u32 {
        self.peek().range.start
    }

    /// End offset of the last consumed token that is not NEWLINE, INDENT or
    /// DEDENT: where a rule ending here ends.
    fn prev_end(&self) -> u32 {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            let t = self.tokens[i];
            if !matches!(
                t.kind,
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker
            ) {
                return t.range.end;
            }
        }
        0
    }

    /// Is the token before the one starting at `offset` an opening
    /// parenthesis (so an expression starting there was parenthesized)?
    fn follows_open_paren(&self, offset: u32) -> bool {
        match self.tokens.binary_search_by_key(&offset, |t| t.range.start) {
            Ok(i) => i > 0 && self.tokens[i - 1].kind == TokenKind::Lpar,
            Err(_) => false,
        }
    }

    #[inline]
    fn range_from(&self, start: u32) -> TextRange {
        TextRange::new(start, self.prev_end().max(start))
    }

    fn text(&self, t: Token) -> &'s str {
        t.range.slice(self.source)
    }

    /// A NAME token's identifier, NFKC-normalised as CPython does.
    fn identifier(&self, t: Token) -> Identifier {
        let text = self.text(t);
        if text.is_ascii() {
            Identifier::new(text)
        } else {
            use unicode_normalization::UnicodeNormalization;
            let normalized: String = text.nfkc().collect();
            Identifier::new(&normalized)
        }
    }

    fn expect_name(&mut self) -> PResult<(Identifier, TextRange)> {
        let t = self.peek();
        if t.kind == TokenKind::Name {
            self.bump();
            Ok((self.identifier(t), t.range))
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// Recursion guard for rules that nest.
    #[inline]
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth >= MAX_STACK {
            return Err(SyntaxError {
                kind: crate::error::SyntaxErrorKind::MemoryError,
                msg: String::new(),
                location: crate::error::ErrorLocation::Nowhere,
                text: None,
            });
        }
        Ok(())
    }

    #[inline]
    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// See `match_header_seen`: a parser error (not the tokenizer's)
    /// becomes "expected ':'" at the furthest token.
    fn expected_colon_after_match(&self, e: SyntaxError) -> SyntaxError {
        if self.tokenizer_error.as_ref() == Some(&e) || self.tokens.is_empty() {
            return e;
        }
        let t = self.tokens[self.furthest.min(self.tokens.len() - 1)];
        SyntaxError::syntax("expected ':'", errors::error_range(t))
    }

    /// A parse that looked past the last good token met the tokenizer's
    /// error, which CPython reports instead of any rule's.
    fn prefer_tokenizer_error(&self, e: SyntaxError) -> SyntaxError {
        match &self.tokenizer_error {
            Some(_) if e.kind == crate::error::SyntaxErrorKind::MemoryError => e,
            Some(te) if self.furthest >= self.tokens.len() => te.clone(),
            // CPython tokenizes the rest of the source after any error of
            // its second pass, `invalid_*` messages included: a later
            // tokenizer error replaces it, an unclosed bracket does when the
            // furthest token read is on a later line. (The generic "invalid
            // syntax" and indentation errors went through this already.)
            Some(te) if e != *te && !self.is_generic_error(&e) => {
                let at = self.tokens[self.furthest].range.start;
                self.override_with_tokenizer_error(e, at)
            }
            _ => e,
        }
    }

    fn check_tokenizer_error(&mut self) -> PResult<()> {
        if self.pos >= self.tokens.len() {
            if let Some(e) = &self.tokenizer_error {
                return Err(e.clone());
            }
        }
        Ok(())
    }

    /// Record a literal part's invalid-escape warning (once per part).
    pub(super) fn note_escape_warning(&mut self, warning: Option<crate::literals::EscapeWarning>, token: TextRange, key: u32) {
        if let Some(w) = warning {
            if !self.escape_warnings.iter().any(|(k, _)| *k == key) {
                self.escape_warnings.push((key, Warning { msg: w.msg, range: token }));
            }
        }
    }

    fn take_escape_warnings(&mut self) -> Vec<Warning> {
        let mut out = std::mem::take(&mut self.escape_warnings);
        out.sort_by_key(|(k, _)| *k);
        out.into_iter().map(|(_, w)| w).collect()
    }

    fn new_expr(&self, kind: ExprKind, range: TextRange) -> Expr {
        Expr { range, kind }
    }
}
