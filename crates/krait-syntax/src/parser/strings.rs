//! String atoms: implicit concatenation of STRING tokens, and f-strings
//! parsed into `JoinedStr`/`FormattedValue` as CPython 3.11 does it (the
//! f-string is one token; its expressions are tokenized and parsed again).
//!
//! Invariants (CPython 3.11's, observable in `ast.dump`):
//! - literal parts and `FormattedValue`s carry the range of the whole
//!   concatenated string, except a format spec's `JoinedStr` and the literals
//!   in it, which carry the range of their own STRING token; the expressions inside carry
//!   exact ranges, those of `(expr)` as CPython parses it (so a bare tuple
//!   spans the `{` and the character after it);
//! - adjacent literal parts merge into one `Constant`; empty ones vanish;
//! - errors about the f-string's shape point at the token after the string.

use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind};
use crate::error::{ErrorLocation, SyntaxError};
use crate::literals::{decode_bytes_with_warning, decode_str_with_warning, split_string_token, LiteralError, LiteralErrorAt};
use crate::pystr::PyString;
use crate::text::TextRange;
use crate::token::{Token, TokenKind as T};

/// One f-string token being scanned: where its body ends, whether it is
/// raw, and the ranges its parts take (literals and values take the whole
/// concatenated string's; a format spec's literals its own STRING token's;
/// shape errors point at the token `after`).
#[derive(Clone, Copy)]
struct Spans {
    end: usize,
    raw: bool,
    whole: TextRange,
    token: TextRange,
    after: Token,
}

/// What an f-string contributes before it is put into a `JoinedStr`.
enum Part {
    Literal(PyString),
    Value(Expr),
}

impl Parser<'_> {
    /// strings: STRING+
    pub(super) fn parse_strings(&mut self) -> PResult<Expr> {
        let first = self.peek();
        let mut tokens = Vec::new();
        while self.at(T::String) {
            tokens.push(self.bump());
        }
        // CPython's string errors point at the token after the strings; a
        // tokenizer error there comes first.
        self.check_tokenizer_error()?;
        let after = self.peek();
        let range = TextRange::new(first.range.start, tokens.last().map_or(first.range.end, |t| t.range.end));

        if !self.invalid_utf8.is_empty() {
            self.check_invalid_utf8(&tokens, after)?;
        }
        let mut any_bytes = false;
        let mut any_str = false;
        let mut any_fstring = false;
        for t in &tokens {
            let (prefix, _, _) = split_string_token(self.text(*t));
            if prefix.bytes {
                any_bytes = true;
            } else {
                any_str = true;
            }
            any_fstring |= prefix.fstring;
        }
        if any_bytes && any_str {
            return Err(self.error_after_strings("cannot mix bytes and nonbytes literals", after));
        }
        if any_bytes {
            let mut value = Vec::new();
            for t in &tokens {
                let (prefix, body, _) = split_string_token(self.text(*t));
                let body_text = &self.text(*t)[body];
                let (bytes, warning) =
                    decode_bytes_with_warning(body_text, prefix.raw).map_err(|e| self.literal_error(e, *t, after))?;
                self.note_escape_warning(warning, t.range, t.range.start);
                value.extend_from_slice(&bytes);
            }
            return Ok(self.new_expr(ExprKind::Constant { value: Constant::Bytes(value), kind: None }, range));
        }
        if !any_fstring {
            let mut value = PyString::new();
            for t in &tokens {
                let (prefix, body, _) = split_string_token(self.text(*t));
                let body_text = &self.text(*t)[body];
                let (s, warning) =
                    decode_str_with_warning(body_text, prefix.raw).map_err(|e| self.literal_error(e, *t, after))?;
                self.note_escape_warning(warning, t.range, t.range.start);
                value.push_pystr(&s);
            }
            let kind = self.unicode_kind(first);
            return Ok(self.new_expr(ExprKind::Constant { value: Constant::Str(value), kind }, range));
        }

        self.check_version(6, "Format strings are")?;
        let mut parts = Vec::new();
        for t in &tokens {
            let (prefix, body, _) = split_string_token(self.text(*t));
            let body_start = t.range.start as usize + body.start;
            let body_end = t.range.start as usize + body.end;
            if prefix.fstring {
                let mut pos = body_start;
                let spans = Spans { end: body_end, raw: prefix.raw, whole: range, token: t.range, after };
                self.parse_fstring_body(&mut pos, 0, spans, &mut parts)?;
            } else {
                let (s, warning) = decode_str_with_warning(&self.source[body_start..body_end], prefix.raw)
                    .map_err(|e| self.literal_error(e, *t, after))?;
                self.note_escape_warning(warning, t.range, t.range.start);
                parts.push(Part::Literal(s));
            }
        }
        let mut values = self.join_parts(parts, range);
        if let Some(kind) = self.unicode_kind(first) {
            // CPython marks every top-level literal of a u-prefixed
            // concatenation.
            for v in &mut values {
                if let ExprKind::Constant { kind: k, .. } = &mut v.kind {
                    *k = Some(kind.clone());
                }
            }
        }
        Ok(self.new_expr(ExprKind::JoinedStr { values }, range))
    }

    /// String mode: a literal holding bytes that are not UTF-8 fails to
    /// decode, the first one in order, at the token after the strings.
    fn check_invalid_utf8(&self, tokens: &[Token], after: Token) -> PResult<()> {
        for t in tokens {
            let run = self.invalid_utf8.iter().find(|r| r.text_start >= t.range.start && r.text_start < t.range.end);
            let Some(run) = run else { continue };
            let (prefix, body, _) = split_string_token(self.text(*t));
            let body_start = t.range.start + body.start as u32;
            let body_end = t.range.start + body.end as u32;
            if prefix.bytes || run.text_start < body_start {
                continue;
            }
            let msg = run.message((run.text_start - body_start) as usize, run.text_end() == body_end);
            return Err(self.error_after_strings(&msg, after));
        }
        Ok(())
    }

    /// `Constant.kind`: 'u' when the first token starts with a lowercase `u`
    /// (CPython checks the first character only).
    fn unicode_kind(&self, first: Token) -> Option<String> {
        self.text(first).starts_with('u').then(|| "u".to_string())
    }

    /// Merge adjacent literals, drop empty ones, give literals `range`.
    fn join_parts(&self, parts: Vec<Part>, range: TextRange) -> Vec<Expr> {
        let mut values = Vec::new();
        let mut literal = PyString::new();
        for part in parts {
            match part {
                Part::Literal(s) => literal.push_pystr(&s),
                Part::Value(e) => {
                    if !literal.is_empty() {
                        let value = Constant::Str(std::mem::take(&mut literal));
                        values.push(self.new_expr(ExprKind::Constant { value, kind: None }, range));
                    }
                    values.push(e);
                }
            }
        }
        if !literal.is_empty() {
            values.push(self.new_expr(ExprKind::Constant { value: Constant::Str(literal), kind: None }, range));
        }
        values
    }

    fn error_after_strings(&self, msg: &str, after: Token) -> SyntaxError {
        SyntaxError::syntax(msg, after.range)
    }

    /// A literal's error, placed where CPython places it.
    fn literal_error(&self, e: LiteralError, t: Token, after: Token) -> SyntaxError {
        let range = match e.at {
            LiteralErrorAt::NextToken => super::errors::error_range(after),
            LiteralErrorAt::Token | LiteralErrorAt::TokenLinesNoColumn => t.range,
        };
        let mut err = SyntaxError::syntax(e.msg, range);
        if e.at == LiteralErrorAt::TokenLinesNoColumn {
            err.location = self.lines_no_column(t.range);
        }
        err
    }

    /// lineno..end_lineno of `range` with offsets 0, as CPython reports some
    /// literal errors.
    pub(super) fn lines_no_column(&self, range: TextRange) -> ErrorLocation {
        let lines = crate::text::LineIndex::new(self.source);
        ErrorLocation::Explicit {
            lineno: lines.line(range.start),
            offset: 0,
            end_lineno: lines.line(range.end),
            end_offset: 0,
        }
    }

    /// Parse f-string text from `*pos` (absolute source offset) up to `end`,
    /// or, in a format spec (`level > 0`), up to its closing `}`.
    fn parse_fstring_body(&mut self, pos: &mut usize, level: u32, spans: Spans, parts: &mut Vec<Part>) -> PResult<()> {
        let Spans { end, raw, after, .. } = spans;
        let src = self.source.as_bytes();
        loop {
            // A literal chunk, up to a brace.
            let chunk_start = *pos;
            let mut i = *pos;
            let mut resume = None;
            while i < end {
                let mut ch = src[i];
                i += 1;
                if !raw && ch == b'\\' && i < end {
                    ch = src[i];
                    i += 1;
                    if ch == b'N' {
                        if i < end && src[i] == b'{' {
                            i += 1;
                            while i < end && src[i] != b'}' {
                                i += 1;
                            }
                            if i < end {
                                i += 1;
                            }
                        }
                        continue;
                    }
                    if ch == b'{' {
                        // CPython's fstring_find_literal warns of `\{` while
                        // scanning, before the chunk's decoding warns (hence
                        // the key just before the chunk's).
                        let w = crate::literals::EscapeWarning { msg: "invalid escape sequence '\\{'".into() };
                        self.note_escape_warning(Some(w), spans.token, chunk_start as u32 - 1);
                    }
                }
                if ch == b'{' || ch == b'}' {
                    if level == 0 {
                        if i < end && src[i] == ch {
                            // A doubled brace: the chunk keeps one of them.
                            resume = Some(i + 1);
                            break;
                        }
                        if ch == b'}' {
                            return Err(self.error_after_strings("f-string: single '}' is not allowed", after));
                        }
                    }
                    i -= 1;
                    break;
                }
            }
            let chunk_end = i;
            if chunk_end > chunk_start {
                let text = &self.source[chunk_start..chunk_end];
                let (s, warning) = decode_str_with_warning(text, raw).map_err(|e| {
                    let t = Token { kind: T::String, range: spans.token };
                    self.literal_error(e, t, after)
                })?;
                self.note_escape_warning(warning, spans.token, chunk_start as u32);
                parts.push(Part::Literal(s));
            }
            if let Some(r) = resume {
                *pos = r;
                continue;
            }
            *pos = i;
            if i >= end {
                return Ok(());
            }
            if src[i] == b'}' {
                // The end of a format spec.
                return Ok(());
            }
            // src[i] == '{': an expression.
            self.parse_fstring_expression(pos, level, spans, parts)?;
        }
    }

    /// `{expr[=][!c][:spec]}` starting at the `{` at `*pos`.
    fn parse_fstring_expression(
        &mut self,
        pos: &mut usize,
        level: u32,
        spans: Spans,
        parts: &mut Vec<Part>,
    ) -> PResult<()> {
        let Spans { end, after, .. } = spans;
        // Every FormattedValue, nested in a format spec or not, takes the
        // whole concatenation's range.
        let own = spans.whole;
        if level >= 2 {
            return Err(self.error_after_strings("f-string: expressions nested too deeply", after));
        }
        let src = self.source.as_bytes();
        let expr_start = *pos + 1;
        let mut i = expr_start;
        let mut quote: u8 = 0;
        let mut triple = false;
        let mut brackets: Vec<u8> = Vec::new();
        while i < end {
            let ch = src[i];
            if ch == b'\\' {
                return Err(self.error_after_strings("f-string expression part cannot include a backslash", after));
            }
            if quote != 0 {
                if ch == quote {
                    if triple {
                        if i + 2 < end && src[i + 1] == ch && src[i + 2] == ch {
                            i += 3;
                            quote = 0;
                            continue;
                        }
                    } else {
                        quote = 0;
                    }
                }
                i += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    if i + 2 < end && src[i + 1] == ch && src[i + 2] == ch {
                        triple = true;
                        i += 3;
                    } else {
                        triple = false;
                        i += 1;
                    }
                    quote = ch;
                    continue;
                }
                b'[' | b'(' | b'{' => {
                    if brackets.len() >= 200 {
                        return Err(self.error_after_strings("f-string: too many nested parenthesis", after));
                    }
                    brackets.push(ch);
                }
                b'#' => {
                    return Err(self.error_after_strings("f-string expression part cannot include '#'", after));
                }
                _ if brackets.is_empty()
                    && matches!(ch, b'!' | b':' | b'}' | b'=' | b'<' | b'>') =>
                {
                    let next = src.get(i + 1).copied().unwrap_or(0);
                    if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        i += 2;
                        continue;
                    }
                    if ch == b'<' || ch == b'>' {
                        i += 1;
                        continue;
                    }
                    break;
                }
                b']' | b')' | b'}' => {
                    let Some(open) = brackets.pop() else {
                        let msg = format!("f-string: unmatched '{}'", ch as char);
                        return Err(self.error_after_strings(&msg, after));
                    };
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if ch != expected {
                        let msg = format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, open as char
                        );
                        return Err(self.error_after_strings(&msg, after));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if quote != 0 {
            return Err(self.error_after_strings("f-string: unterminated string", after));
        }
        if !brackets.is_empty() {
            return Err(self.error_after_strings("f-string: expecting '}'", after));
        }
        if i >= end {
            return Err(self.error_after_strings("f-string: expecting '}'", after));
        }
        let expr_end = i;
        let text = &self.source[expr_start..expr_end];
        if text.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')) {
            let msg = match src[i] {
                c @ (b'!' | b'=' | b':') => format!("f-string: expression required before '{}'", c as char),
                _ => "f-string: empty expression not allowed".to_string(),
            };
            return Err(self.error_after_strings(&msg, after));
        }
        let value = self.parse_fstring_expression_text(expr_start, expr_end)?;

        // `=`: the expression's text (and the whitespace after `=`) is a literal.
        let mut debug_text = None;
        if src[i] == b'=' {
            i += 1;
            while i < end && matches!(src[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                i += 1;
            }
            if i >= end {
                return Err(self.error_after_strings("f-string: expecting '}'", after));
            }
            debug_text = Some(&self.source[expr_start..i]);
            self.check_version(8, "f-string: self documenting expressions are")?;
        }
        let mut conversion: i64 = -1;
        if src[i] == b'!' {
            i += 1;
            if i >= end {
                return Err(self.error_after_strings("f-string: expecting '}'", after));
            }
            conversion = match src[i] {
                b's' => b's' as i64,
                b'r' => b'r' as i64,
                b'a' => b'a' as i64,
                _ => {
                    return Err(self.error_after_strings(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                        after,
                    ))
                }
            };
            i += 1;
        }
        if i >= end {
            return Err(self.error_after_strings("f-string: expecting '}'", after));
        }
        let mut format_spec = None;
        if src[i] == b':' {
            i += 1;
            let mut spec_parts = Vec::new();
            self.parse_fstring_body(&mut i, level + 1, spans, &mut spec_parts)?;
            let values = self.join_parts(spec_parts, spans.token);
            format_spec = Some(Box::new(self.new_expr(ExprKind::JoinedStr { values }, spans.token)));
        }
        if i >= end || src[i] != b'}' {
            return Err(self.error_after_strings("f-string: expecting '}'", after));
        }
        i += 1;
        *pos = i;
        if let Some(text) = debug_text {
            parts.push(Part::Literal(PyString::from(text.replace("\r\n", "\n"))));
            if conversion == -1 && format_spec.is_none() {
                conversion = b'r' as i64;
            }
        }
        parts.push(Part::Value(self.new_expr(
            ExprKind::FormattedValue { value: Box::new(value), conversion, format_spec },
            own,
        )));
        Ok(())
    }

    /// Tokenize and parse the expression text `source[start..end]` as CPython
    /// 3.11 does: as `(text)`, with `star_expressions`. The parentheses stand
    /// on the `{` and on the character after the expression, so a tuple or
    /// generator expression spans them, as in CPython.
    fn parse_fstring_expression_text(&mut self, start: usize, end: usize) -> PResult<Expr> {
        let wrapped = format!("({})", &self.source[start..end]);
        let tokens = crate::tokenizer::tokenize(&wrapped);
        // Offset k in `wrapped` is offset start - 1 + k in the source.
        let base = start as u32 - 1;
        let shift = |r: TextRange| TextRange::new(base + r.start, base + r.end);
        let error = tokens.error.map(|mut e| {
            if let ErrorLocation::Range(r) = e.location {
                e.location = ErrorLocation::Range(shift(r));
            }
            e
        });
        let mut inner: Vec<Token> = Vec::with_capacity(tokens.tokens.len());
        for t in tokens.tokens {
            if matches!(t.kind, T::Newline | T::EndMarker | T::Nl | T::Comment) {
                continue;
            }
            inner.push(Token { kind: t.kind, range: shift(t.range) });
        }
        if error.is_none() {
            inner.push(Token { kind: T::EndMarker, range: TextRange::empty(end as u32 + 1) });
        }
        let mut sub = Parser {
            source: self.source,
            tokens: inner,
            pos: 0,
            tokenizer_error: error,
            tokenizer_error_raised: true,
            furthest: 0,
            depth: self.depth,
            in_fstring: true,
            invalid_utf8: Vec::new(),
            match_header_seen: false,
            type_ignores: Vec::new(),
            feature_version: self.feature_version,
            barry_as_flufl: self.barry_as_flufl,
            escape_warnings: Vec::new(),
        };
        let parsed = match sub.parse_star_expressions() {
            Ok(e) if sub.at(T::EndMarker) => Ok(e),
            Ok(_) => Err(sub.invalid_syntax()),
            Err(e) => Err(e),
        };
        // The expression's own literals warn too.
        for (key, w) in std::mem::take(&mut sub.escape_warnings) {
            if !self.escape_warnings.iter().any(|(k, _)| *k == key) {
                self.escape_warnings.push((key, w));
            }
        }
        parsed.map_err(|e| self.relative_to_wrapped(e, &wrapped, base))
    }

    /// CPython 3.11 reports an error inside an f-string expression against
    /// the `(expr)` text it parsed: the file's line numbers, but columns and
    /// source line of that text (which on its first line starts at the `{`).
    fn relative_to_wrapped(&self, mut e: SyntaxError, wrapped: &str, base: u32) -> SyntaxError {
        let ErrorLocation::Range(r) = e.location else { return e };
        if e.text.is_some() {
            return e;
        }
        let sub = crate::text::LineIndex::new(wrapped);
        let clamp = |x: u32| x.saturating_sub(base).min(wrapped.len() as u32);
        let (line, col) = sub.line_col(clamp(r.start));
        let (end_line, end_col) = sub.line_col(clamp(r.end));
        let first_line = crate::text::LineIndex::new(self.source).line(base);
        e.location = ErrorLocation::Explicit {
            lineno: first_line + line - 1,
            offset: col as usize + 1,
            end_lineno: first_line + end_line - 1,
            end_offset: end_col as isize + 1,
        };
        e.text = Some(format!("{}\n", sub.line_text(wrapped, line)));
        e
    }
}
