//! The scanners for NAME, STRING and NUMBER tokens, as CPython 3.11's
//! `tok_get` scans them.
//!
//! Invariant: a scanner starts with `pos` at the token's first byte and
//! leaves it just past the token; on error it returns CPython's error and
//! `pos` is meaningless. The number scanner mirrors the C code's
//! `tok_nextc`/`tok_backup` steps one for one (`nextc`/`backup` below), since
//! where an error points depends on them.

use super::{Lexer, Warning};
use crate::error::SyntaxError;
use crate::text::TextRange;
use crate::token::{Token, TokenKind};
use crate::unicode;

/// `tok_nextc`'s end-of-input value.
const EOF: i32 = -1;

/// Byte classes: bit 0 = may start an identifier (ASCII letters, `_`, and
/// every byte of a non-ASCII character, as CPython's
/// `is_potential_identifier_start`), bit 1 = may continue one.
static IDENT: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        if b.is_ascii_alphabetic() || b == b'_' || b >= 128 {
            t[i] = 3;
        } else if b.is_ascii_digit() {
            t[i] = 2;
        }
        i += 1;
    }
    t
};

/// Bytes a string body can skip without a look: not a quote, backslash,
/// newline or the end-of-input sentinel.
static STRING_PLAIN: [bool; 256] = {
    let mut t = [true; 256];
    t[b'\'' as usize] = false;
    t[b'"' as usize] = false;
    t[b'\\' as usize] = false;
    t[b'\n' as usize] = false;
    t[b'\r' as usize] = false;
    t[0] = false;
    t
};

#[inline]
pub(super) fn is_potential_identifier_start(c: u8) -> bool {
    IDENT[c as usize] & 1 != 0
}

#[inline]
pub(super) fn is_potential_identifier_char(c: u8) -> bool {
    IDENT[c as usize] & 2 != 0
}

#[inline]
fn is_ident_char(c: i32) -> bool {
    c >= 0 && is_potential_identifier_char(c as u8)
}

#[inline]
fn is_digit(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}

#[inline]
fn is_xdigit(c: i32) -> bool {
    c >= 0 && (c as u8).is_ascii_hexdigit()
}

/// The hard keyword spelled `text`: a faster `TokenKind::keyword`.
#[inline]
pub(super) fn keyword(text: &[u8]) -> Option<TokenKind> {
    use TokenKind as K;
    // Keywords are 2..=8 lowercase letters, or start with an uppercase one.
    if text.len() < 2 || text.len() > 8 {
        return None;
    }
    let kind = match text[0] {
        b'F' => K::False,
        b'N' => K::None,
        b'T' => K::True,
        b'a' => match text {
            b"and" => K::And,
            b"as" => K::As,
            b"assert" => K::Assert,
            b"async" => K::Async,
            b"await" => K::Await,
            _ => return None,
        },
        b'b' => K::Break,
        b'c' => match text {
            b"class" => K::Class,
            b"continue" => K::Continue,
            _ => return None,
        },
        b'd' => match text {
            b"def" => K::Def,
            b"del" => K::Del,
            _ => return None,
        },
        b'e' => match text {
            b"elif" => K::Elif,
            b"else" => K::Else,
            b"except" => K::Except,
            _ => return None,
        },
        b'f' => match text {
            b"finally" => K::Finally,
            b"for" => K::For,
            b"from" => K::From,
            _ => return None,
        },
        b'g' => K::Global,
        b'i' => match text {
            b"if" => K::If,
            b"import" => K::Import,
            b"in" => K::In,
            b"is" => K::Is,
            _ => return None,
        },
        b'l' => K::Lambda,
        b'n' => match text {
            b"nonlocal" => K::Nonlocal,
            b"not" => K::Not,
            _ => return None,
        },
        b'o' => K::Or,
        b'p' => K::Pass,
        b'r' => match text {
            b"raise" => K::Raise,
            b"return" => K::Return,
            _ => return None,
        },
        b't' => K::Try,
        b'w' => match text {
            b"while" => K::While,
            b"with" => K::With,
            _ => return None,
        },
        b'y' => K::Yield,
        _ => return None,
    };
    // The single-candidate arms above still need the full comparison.
    match kind.text() {
        Some(t) if t.as_bytes() == text => Some(kind),
        _ => None,
    }
}

impl Lexer<'_> {
    /// `tok_nextc` within a line: the next byte, or EOF at end of input.
    #[inline]
    fn nextc(&mut self) -> i32 {
        if self.pos >= self.eof {
            return EOF;
        }
        let c = self.buf[self.pos];
        self.pos += 1;
        c as i32
    }

    /// `tok_backup`.
    #[inline]
    fn backup(&mut self, c: i32) {
        if c != EOF {
            self.pos -= 1;
        }
    }

    /// A NAME (keyword or not), or a STRING if the letters so far are a
    /// string prefix followed by a quote.
    pub(super) fn name_or_string(&mut self, start: usize) -> Result<Token, SyntaxError> {
        // Any case and order of b, r, u, f, except that u combines with
        // nothing and b not with f.
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        loop {
            match self.buf[self.pos] {
                b'b' | b'B' if !(saw_b || saw_u || saw_f) => saw_b = true,
                b'u' | b'U' if !(saw_b || saw_u || saw_r || saw_f) => saw_u = true,
                b'r' | b'R' if !(saw_r || saw_u) => saw_r = true,
                b'f' | b'F' if !(saw_f || saw_b || saw_u) => saw_f = true,
                _ => break,
            }
            self.pos += 1;
            if matches!(self.buf[self.pos], b'"' | b'\'') {
                return self.string(start);
            }
        }
        let mut nonascii = false;
        loop {
            let c = self.buf[self.pos];
            if !is_potential_identifier_char(c) {
                break;
            }
            nonascii |= c >= 128;
            self.pos += 1;
        }
        if nonascii {
            self.verify_identifier(start)?;
        }
        let mut kind = keyword(&self.buf[start..self.pos]).unwrap_or(TokenKind::Name);
        if matches!(kind, TokenKind::Async | TokenKind::Await) && self.async_hacks() {
            kind = self.async_hack(kind);
        }
        Ok(self.token(kind, start, self.pos))
    }

    /// Grammar before 3.7: `async`/`await` outside an `async def` are names.
    fn async_hacks(&self) -> bool {
        matches!(self.options.feature_version, Some(v) if v < 7) && !self.async_def
    }

    /// `async`/`await` under `async_hacks`: `async` right before `def`
    /// (on the same logical line) starts an `async def` and stays a
    /// keyword; anything else is a NAME.
    fn async_hack(&mut self, kind: TokenKind) -> TokenKind {
        if kind == TokenKind::Async {
            let mut p = self.pos;
            while matches!(self.buf[p], b' ' | b'\t' | 0x0c) {
                p += 1;
            }
            if self.buf[p..].starts_with(b"def") && !is_potential_identifier_char(self.buf[p + 3]) {
                self.async_def = true;
                self.async_def_indent = self.indstack.len() - 1;
                return kind;
            }
        }
        TokenKind::Name
    }

    /// PEP 3131: a NAME holding non-ASCII characters must be an identifier
    /// (CPython's `verify_identifier`). The error points at the first
    /// character that may not stand where it does.
    #[cold]
    fn verify_identifier(&self, start: usize) -> Result<(), SyntaxError> {
        let text = &self.src[start..self.pos];
        let mut chars = text.char_indices();
        let bad = match chars.next() {
            Some((_, c)) if c != '_' && !unicode::is_id_start(c) => Some((0, c)),
            _ => chars.find(|&(_, c)| !unicode::is_id_continue(c)),
        };
        let Some((i, ch)) = bad else { return Ok(()) };
        if ch == '\u{FFFD}' {
            if let Some(e) = self.invalid_utf8_in_name(start, start + i) {
                return Err(e);
            }
        }
        let msg = if unicode::is_printable(ch) {
            format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", ch as u32)
        };
        Err(SyntaxError::syntax(msg, TextRange::empty((start + i) as u32)))
    }

    /// A name holding bytes that are not UTF-8 (string mode): CPython fails
    /// to decode the name, at the name's end (in bytes), with no end.
    #[cold]
    fn invalid_utf8_in_name(&self, start: usize, at: usize) -> Option<SyntaxError> {
        let run = self.options.invalid_utf8.iter().find(|r| r.text_start as usize == at)?;
        let at_end = run.text_end() as usize == self.pos;
        let msg = run.message(at - start, at_end);
        let line_start = self.src[..self.pos].rfind('\n').map_or(0, |i| i + 1);
        let replaced = self.src[line_start..self.pos].matches('\u{FFFD}').count();
        let col = self.pos - line_start - 2 * replaced;
        let lineno = self.src[..self.pos].matches('\n').count() + 1;
        let mut e = SyntaxError::syntax(msg, TextRange::empty(self.pos as u32));
        e.location = crate::error::ErrorLocation::Explicit { lineno, offset: col, end_lineno: lineno, end_offset: -1 };
        Some(e)
    }

    /// A string literal; `pos` is at its opening quote, `start` at its prefix.
    pub(super) fn string(&mut self, start: usize) -> Result<Token, SyntaxError> {
        let quote = self.buf[self.pos];
        self.pos += 1;
        if self.buf[self.pos] == quote {
            if self.buf[self.pos + 1] != quote {
                // The empty string.
                self.pos += 1;
                return Ok(self.token(TokenKind::String, start, self.pos));
            }
            self.pos += 2;
            return self.triple_quoted_string(start, quote);
        }
        loop {
            while STRING_PLAIN[self.buf[self.pos] as usize] {
                self.pos += 1;
            }
            match self.buf[self.pos] {
                c if c == quote => {
                    self.pos += 1;
                    return Ok(self.token(TokenKind::String, start, self.pos));
                }
                b'\\' => {
                    self.pos += 1;
                    self.skip_escaped_char();
                }
                b'\n' | b'\r' | 0 => return Err(self.unterminated_string(start, false)),
                _ => self.pos += 1, // the other quote
            }
        }
    }

    fn triple_quoted_string(&mut self, start: usize, quote: u8) -> Result<Token, SyntaxError> {
        let mut end_quotes = 0;
        loop {
            let c = self.buf[self.pos];
            if c == quote {
                self.pos += 1;
                end_quotes += 1;
                if end_quotes == 3 {
                    return Ok(self.token(TokenKind::String, start, self.pos));
                }
                continue;
            }
            end_quotes = 0;
            match c {
                b'\\' => {
                    self.pos += 1;
                    self.skip_escaped_char();
                }
                b'\n' | b'\r' => self.eat_newline(),
                0 => return Err(self.unterminated_string(start, true)),
                _ => {
                    self.pos += 1;
                    while STRING_PLAIN[self.buf[self.pos] as usize] {
                        self.pos += 1;
                    }
                }
            }
        }
    }

    /// The character after a backslash in a string: skipped, whatever it is.
    #[inline]
    fn skip_escaped_char(&mut self) {
        match self.buf[self.pos] {
            b'\n' | b'\r' => self.eat_newline(),
            0 => {}
            _ => self.pos += 1,
        }
    }

    /// A NUMBER: CPython's number scanning, step for step. `pos` is at the
    /// first digit, or at the `.` of a number like `.5`.
    pub(super) fn number(&mut self, start: usize) -> Result<Token, SyntaxError> {
        let mut c = self.nextc();
        if c == b'.' as i32 {
            let c = self.nextc();
            return self.fraction(start, c);
        }
        if c == b'0' as i32 {
            c = self.nextc();
            match c as u8 {
                b'x' | b'X' if c >= 0 => {
                    c = self.nextc();
                    loop {
                        if c == b'_' as i32 {
                            c = self.nextc();
                        }
                        if !is_xdigit(c) {
                            self.backup(c);
                            return Err(self.error_before_cur("invalid hexadecimal literal".into()));
                        }
                        loop {
                            c = self.nextc();
                            if !is_xdigit(c) {
                                break;
                            }
                        }
                        if c != b'_' as i32 {
                            break;
                        }
                    }
                    self.verify_end_of_number(c, "hexadecimal")?;
                }
                b'o' | b'O' if c >= 0 => {
                    c = self.radix_digits(b'8', "octal")?;
                    self.verify_end_of_number(c, "octal")?;
                }
                b'b' | b'B' if c >= 0 => {
                    c = self.radix_digits(b'2', "binary")?;
                    self.verify_end_of_number(c, "binary")?;
                }
                _ => {
                    // Maybe old-style octal; in any case '0' and '00' are fine.
                    let mut nonzero = false;
                    loop {
                        if c == b'_' as i32 {
                            c = self.nextc();
                            if !is_digit(c) {
                                self.backup(c);
                                return Err(self.error_before_cur("invalid decimal literal".into()));
                            }
                        }
                        if c != b'0' as i32 {
                            break;
                        }
                        c = self.nextc();
                    }
                    let zeros_end = self.pos;
                    if is_digit(c) {
                        nonzero = true;
                        c = self.decimal_tail()?;
                    }
                    if c == b'.' as i32 {
                        let c = self.nextc();
                        return self.fraction(start, c);
                    } else if c == b'e' as i32 || c == b'E' as i32 {
                        return self.exponent(start, c);
                    } else if c == b'j' as i32 || c == b'J' as i32 {
                        return self.imaginary(start);
                    } else if nonzero {
                        self.backup(c);
                        return Err(self.leading_zeros_error(start, zeros_end));
                    }
                    self.verify_end_of_number(c, "decimal")?;
                }
            }
        } else {
            c = self.decimal_tail()?;
            if c == b'.' as i32 {
                let c = self.nextc();
                return self.fraction(start, c);
            } else if c == b'e' as i32 || c == b'E' as i32 {
                return self.exponent(start, c);
            } else if c == b'j' as i32 || c == b'J' as i32 {
                return self.imaginary(start);
            }
            self.verify_end_of_number(c, "decimal")?;
        }
        self.backup(c);
        Ok(self.token(TokenKind::Number, start, self.pos))
    }

    /// The digits of an octal (`limit` b'8') or binary (b'2') literal after
    /// its `0o`/`0b`; returns the character after them.
    fn radix_digits(&mut self, limit: u8, kind: &str) -> Result<i32, SyntaxError> {
        let in_radix = |c: i32| (b'0' as i32..limit as i32).contains(&c);
        let mut c = self.nextc();
        loop {
            if c == b'_' as i32 {
                c = self.nextc();
            }
            if !in_radix(c) {
                if is_digit(c) {
                    return Err(self.error_before_cur(format!(
                        "invalid digit '{}' in {} literal",
                        c as u8 as char, kind
                    )));
                }
                self.backup(c);
                return Err(self.error_before_cur(format!("invalid {kind} literal")));
            }
            loop {
                c = self.nextc();
                if !in_radix(c) {
                    break;
                }
            }
            if c != b'_' as i32 {
                break;
            }
        }
        if is_digit(c) {
            return Err(self.error_before_cur(format!(
                "invalid digit '{}' in {} literal",
                c as u8 as char, kind
            )));
        }
        Ok(c)
    }

    /// `tok_decimal_tail`: more digits, single underscores between them.
    fn decimal_tail(&mut self) -> Result<i32, SyntaxError> {
        loop {
            let mut c;
            loop {
                c = self.nextc();
                if !is_digit(c) {
                    break;
                }
            }
            if c != b'_' as i32 {
                return Ok(c);
            }
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.error_before_cur("invalid decimal literal".into()));
            }
        }
    }

    /// After the `.` of a float; `c` is the character after it.
    fn fraction(&mut self, start: usize, mut c: i32) -> Result<Token, SyntaxError> {
        if is_digit(c) {
            c = self.decimal_tail()?;
        }
        if c == b'e' as i32 || c == b'E' as i32 {
            return self.exponent(start, c);
        }
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.imaginary(start);
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(self.token(TokenKind::Number, start, self.pos))
    }

    /// After the `e` of a float's exponent (`e` is that letter).
    fn exponent(&mut self, start: usize, e: i32) -> Result<Token, SyntaxError> {
        let mut c = self.nextc();
        if c == b'+' as i32 || c == b'-' as i32 {
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.error_before_cur("invalid decimal literal".into()));
            }
        } else if !is_digit(c) {
            // Not an exponent after all: the number ends before the `e`.
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            return Ok(self.token(TokenKind::Number, start, self.pos));
        }
        c = self.decimal_tail()?;
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.imaginary(start);
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(self.token(TokenKind::Number, start, self.pos))
    }

    /// After the `j` of an imaginary literal.
    fn imaginary(&mut self, start: usize) -> Result<Token, SyntaxError> {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.backup(c);
        Ok(self.token(TokenKind::Number, start, self.pos))
    }

    /// `lookahead`: do the next characters spell `rest`, not followed by an
    /// identifier character? Consumes nothing.
    fn lookahead(&self, rest: &[u8]) -> bool {
        let at = self.pos;
        self.buf[at..].starts_with(rest) && {
            let after = at + rest.len();
            !(after < self.eof && is_potential_identifier_char(self.buf[after]))
        }
    }

    /// CPython's `verify_end_of_number`: `c` (already read) follows a
    /// number. A keyword that can follow a number in valid code (`1if x
    /// else y`) gets a SyntaxWarning; an ASCII identifier character is the
    /// error "invalid KIND literal".
    fn verify_end_of_number(&mut self, c: i32, kind: &str) -> Result<(), SyntaxError> {
        let r = match c {
            0x61 /* a */ => self.lookahead(b"nd"),
            0x65 /* e */ => self.lookahead(b"lse"),
            0x66 /* f */ => self.lookahead(b"or"),
            0x69 /* i */ => matches!(self.buf[self.pos], b'f' | b'n' | b's') && self.pos < self.eof,
            0x6f /* o */ => self.lookahead(b"r"),
            0x6e /* n */ => self.lookahead(b"ot"),
            _ => false,
        };
        if r {
            self.backup(c);
            self.warnings.push(Warning {
                msg: format!("invalid {kind} literal"),
                range: TextRange::empty(self.offset(self.pos)),
            });
            self.nextc();
        } else if (0..128).contains(&c) && is_ident_char(c) {
            self.backup(c);
            return Err(self.error_before_cur(format!("invalid {kind} literal")));
        }
        Ok(())
    }
}
