//! The token stream of CPython's *pure-Python* tokenizer, `Lib/tokenize.py`
//! (`tokenize.tokenize(readline)`), for `krait --dump-tokens`, which prints
//! what `python3 -m tokenize -e FILE` prints.
//!
//! That module is not the C tokenizer the parser uses: it works a line at a
//! time with regular expressions, starts with an ENCODING token, yields
//! COMMENT and NL tokens, counts columns in characters, reports operators as
//! OP, turns characters it cannot match into one-character ERRORTOKENs (even
//! the blank before them), knows nothing of tabs/spaces consistency, and has
//! its own errors. This module re-implements its algorithm step for step;
//! each regular expression of tokenize.py is a function here, written to
//! match exactly what `re.match` would (first alternative that matches,
//! greedy repetition, backtracking where it changes the result).
//!
//! Invariant: lines are what `readline()` on a binary file gives (split
//! after each `\n` only; a lone `\r` is not a line end here), decoded one by
//! one with the encoding `detect_encoding` found; positions are (line,
//! column) with columns in characters of the decoded line.

use crate::source;
use crate::unicode;

/// A token type of Python's `token` module, as tokenize.py produces them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PyTokenKind {
    EndMarker,
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    Op,
    Comment,
    Nl,
    ErrorToken,
    Encoding,
}

impl PyTokenKind {
    /// The name in `token.tok_name`.
    pub fn name(self) -> &'static str {
        match self {
            PyTokenKind::EndMarker => "ENDMARKER",
            PyTokenKind::Name => "NAME",
            PyTokenKind::Number => "NUMBER",
            PyTokenKind::String => "STRING",
            PyTokenKind::Newline => "NEWLINE",
            PyTokenKind::Indent => "INDENT",
            PyTokenKind::Dedent => "DEDENT",
            PyTokenKind::Op => "OP",
            PyTokenKind::Comment => "COMMENT",
            PyTokenKind::Nl => "NL",
            PyTokenKind::ErrorToken => "ERRORTOKEN",
            PyTokenKind::Encoding => "ENCODING",
        }
    }
}

/// A `tokenize.TokenInfo` (without its `line`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyToken {
    pub kind: PyTokenKind,
    pub string: String,
    /// (row, column): 1-based row, 0-based column in characters.
    pub start: (usize, usize),
    pub end: (usize, usize),
}

/// Why tokenize.py stopped, as `python -m tokenize` tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PyTokenizeError {
    /// A `SyntaxError` from `detect_encoding`: printed as `FILE: error: MSG`.
    Encoding(String),
    /// A `TokenError` or `IndentationError` with its (row, column): printed
    /// as `FILE:ROW:COL: error: MSG`.
    Located { msg: &'static str, row: usize, col: usize },
    /// A line the detected encoding cannot decode: the `UnicodeDecodeError`
    /// message, which `python -m tokenize` reports as an unexpected error.
    Decode(String),
}

const TABSIZE: usize = 8;

/// `tokenize.tokenize(open(filename, 'rb').readline)`, collected.
pub fn tokenize_py(bytes: &[u8], filename: &str) -> Result<Vec<PyToken>, PyTokenizeError> {
    let lines = split_lines(bytes);
    let (encoding, first_line) = detect_encoding(&lines, filename)?;
    let mut tokens = Vec::new();
    let encoding = if encoding == "utf-8-sig" { "utf-8".to_string() } else { encoding };
    tokens.push(PyToken {
        kind: PyTokenKind::Encoding,
        string: encoding.clone(),
        start: (0, 0),
        end: (0, 0),
    });
    let mut state = State::default();
    let mut line: Vec<char> = Vec::new();
    let mut index = 0;
    let last_line = loop {
        let last_line = std::mem::take(&mut line);
        // Line 1 as `detect_encoding` left it (without its BOM), then the
        // rest; then b'' for ever.
        let raw: &[u8] = match (index, &first_line) {
            (0, Some(first)) => first,
            _ => lines.get(index).copied().unwrap_or(b""),
        };
        index += 1;
        line = match source::python_decode(&encoding, raw) {
            Some(Ok(text)) => text.chars().collect(),
            Some(Err(msg)) => return Err(PyTokenizeError::Decode(msg)),
            None => return Err(PyTokenizeError::Decode(format!("unknown encoding: {encoding}"))),
        };
        if !state.line(&line, &mut tokens)? {
            break last_line;
        }
    };
    // An implicit NEWLINE if the input does not end in one.
    if let Some(&last) = last_line.last() {
        let stripped: String = last_line.iter().collect();
        if last != '\r' && last != '\n' && !py_strip(&stripped).starts_with('#') {
            let row = state.lnum - 1;
            let col = last_line.len();
            tokens.push(PyToken { kind: PyTokenKind::Newline, string: String::new(), start: (row, col), end: (row, col + 1) });
        }
    }
    for _ in 1..state.indents.len() {
        tokens.push(PyToken { kind: PyTokenKind::Dedent, string: String::new(), start: (state.lnum, 0), end: (state.lnum, 0) });
    }
    tokens.push(PyToken { kind: PyTokenKind::EndMarker, string: String::new(), start: (state.lnum, 0), end: (state.lnum, 0) });
    Ok(tokens)
}

/// `readline()` on a binary file: split after each `\n`.
fn split_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            lines.push(&bytes[start..=i]);
            start = i + 1;
        }
    }
    if start < bytes.len() {
        lines.push(&bytes[start..]);
    }
    lines
}

/// `str.strip()`: Python's whitespace, which has U+001C..U+001F besides
/// Unicode's White_Space.
fn py_strip(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c))
}

/// `tokenize.detect_encoding`: the encoding, and line 1 with its BOM removed.
fn detect_encoding(lines: &[&[u8]], filename: &str) -> Result<(String, Option<Vec<u8>>), PyTokenizeError> {
    let Some(&first) = lines.first() else { return Ok(("utf-8".into(), None)) };
    let (first, bom) = match first.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (first, false),
    };
    let default = if bom { "utf-8-sig" } else { "utf-8" };
    let first_owned = Some(first.to_vec());
    if first.is_empty() {
        return Ok((default.into(), first_owned));
    }
    if let Some(enc) = find_cookie(first, bom, filename)? {
        return Ok((enc, first_owned));
    }
    if !blank(first) {
        return Ok((default.into(), first_owned));
    }
    let Some(&second) = lines.get(1) else { return Ok((default.into(), first_owned)) };
    if let Some(enc) = find_cookie(second, bom, filename)? {
        return Ok((enc, first_owned));
    }
    Ok((default.into(), first_owned))
}

/// `blank_re`: `^[ \t\f]*(?:[#\r\n]|$)` on bytes.
fn blank(line: &[u8]) -> bool {
    let rest = &line[line.iter().take_while(|&&b| matches!(b, b' ' | b'\t' | 0x0c)).count()..];
    matches!(rest.first(), None | Some(b'#' | b'\r' | b'\n'))
}

/// `find_cookie` of `detect_encoding`.
fn find_cookie(line: &[u8], bom: bool, filename: &str) -> Result<Option<String>, PyTokenizeError> {
    let repr = crate::repr::str_repr(&{
        let mut s = crate::pystr::PyString::new();
        s.push_str(filename);
        s
    });
    let Ok(text) = std::str::from_utf8(line) else {
        return Err(PyTokenizeError::Encoding(format!("invalid or missing encoding declaration for {repr}")));
    };
    let Some(name) = cookie(text) else { return Ok(None) };
    let encoding = source::normal_name(name);
    if source::python_decode(&encoding, b"").is_none() {
        return Err(PyTokenizeError::Encoding(format!("unknown encoding for {repr}: {encoding}")));
    }
    if bom {
        if encoding != "utf-8" {
            return Err(PyTokenizeError::Encoding(format!("encoding problem for {repr}: utf-8")));
        }
        return Ok(Some("utf-8-sig".into()));
    }
    Ok(Some(encoding))
}

/// `cookie_re`: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` (ASCII), group 1.
fn cookie(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    let mut i = b.iter().take_while(|&&c| matches!(c, b' ' | b'\t' | 0x0c)).count();
    if b.get(i) != Some(&b'#') {
        return None;
    }
    i += 1;
    // `.` stops at a newline.
    let end = b[i..].iter().position(|&c| c == b'\n').map_or(b.len(), |p| i + p);
    while i < end {
        if b[i..end].starts_with(b"coding") && matches!(b.get(i + 6), Some(b':' | b'=')) && i + 6 < end {
            let mut t = i + 7;
            while t < end && matches!(b[t], b' ' | b'\t') {
                t += 1;
            }
            let begin = t;
            while t < b.len() && (b[t].is_ascii_alphanumeric() || matches!(b[t], b'-' | b'_' | b'.')) {
                t += 1;
            }
            if t > begin {
                return Some(&line[begin..t]);
            }
        }
        i += 1;
    }
    None
}

/// What to match a string continued from an earlier line with: `Single`,
/// `Double`, `Single3` or `Double3` of tokenize.py.
#[derive(Debug, Clone, Copy)]
struct EndPat {
    quote: char,
    triple: bool,
}

impl EndPat {
    /// `endprog.match(line, pos)`: the end of the string's tail.
    fn find(self, line: &[char], mut i: usize) -> Option<usize> {
        let q = self.quote;
        loop {
            let c = *line.get(i)?;
            if c == '\\' {
                // `\\.`: any character but a newline.
                match line.get(i + 1) {
                    Some(&n) if n != '\n' => i += 2,
                    _ => return None,
                }
            } else if c == q {
                if !self.triple {
                    return Some(i + 1);
                }
                // `'(?!'')` continues; `'''` ends.
                if line.get(i + 1) == Some(&q) && line.get(i + 2) == Some(&q) {
                    return Some(i + 3);
                }
                i += 1;
            } else {
                i += 1;
            }
        }
    }
}

/// A string being continued over lines.
struct ContStr {
    text: String,
    start: (usize, usize),
    endpat: EndPat,
}

/// The state `_tokenize` keeps between lines.
struct State {
    lnum: usize,
    parenlev: i64,
    continued: bool,
    contstr: Option<ContStr>,
    /// Set by a one-quote string continued with a backslash; like
    /// tokenize.py's `needcont`, only a string ending normally resets it, so
    /// it can outlive its string and apply to a later triple-quoted one.
    needcont: bool,
    indents: Vec<usize>,
}

impl Default for State {
    fn default() -> Self {
        State { lnum: 0, parenlev: 0, continued: false, contstr: None, needcont: false, indents: vec![0] }
    }
}

impl State {
    /// One iteration of `_tokenize`'s loop over lines; `Ok(false)` where it
    /// breaks out of the loop.
    fn line(&mut self, line: &[char], tokens: &mut Vec<PyToken>) -> Result<bool, PyTokenizeError> {
        let text = |a: usize, b: usize| -> String { line[a..b].iter().collect() };
        let mut push = |kind, string, start, end| tokens.push(PyToken { kind, string, start, end });
        self.lnum += 1;
        let lnum = self.lnum;
        let max = line.len();
        let mut pos = 0;

        if let Some(mut cont) = self.contstr.take() {
            if line.is_empty() {
                let (row, col) = cont.start;
                return Err(PyTokenizeError::Located { msg: "EOF in multi-line string", row, col });
            }
            let full: String = line.iter().collect();
            if let Some(end) = cont.endpat.find(line, 0) {
                pos = end;
                cont.text.push_str(&text(0, end));
                push(PyTokenKind::String, cont.text, cont.start, (lnum, end));
                self.needcont = false;
            } else if self.needcont && !full.ends_with("\\\n") && !full.ends_with("\\\r\n") {
                cont.text.push_str(&full);
                push(PyTokenKind::ErrorToken, cont.text, cont.start, (lnum, max));
                return Ok(true);
            } else {
                cont.text.push_str(&full);
                self.contstr = Some(cont);
                return Ok(true);
            }
        } else if self.parenlev == 0 && !self.continued {
            if line.is_empty() {
                return Ok(false);
            }
            let mut column = 0;
            while pos < max {
                match line[pos] {
                    ' ' => column += 1,
                    '\t' => column = (column / TABSIZE + 1) * TABSIZE,
                    '\x0c' => column = 0,
                    _ => break,
                }
                pos += 1;
            }
            if pos == max {
                return Ok(false);
            }
            if matches!(line[pos], '#' | '\r' | '\n') {
                if line[pos] == '#' {
                    let rest = text(pos, max);
                    let comment = rest.trim_end_matches(['\r', '\n']).to_string();
                    let len = comment.chars().count();
                    push(PyTokenKind::Comment, comment, (lnum, pos), (lnum, pos + len));
                    pos += len;
                }
                push(PyTokenKind::Nl, text(pos, max), (lnum, pos), (lnum, max));
                return Ok(true);
            }
            if column > *self.indents.last().unwrap_or(&0) {
                self.indents.push(column);
                push(PyTokenKind::Indent, text(0, pos), (lnum, 0), (lnum, pos));
            }
            while column < *self.indents.last().unwrap_or(&0) {
                if !self.indents.contains(&column) {
                    return Err(PyTokenizeError::Located {
                        msg: "unindent does not match any outer indentation level",
                        row: lnum,
                        col: pos,
                    });
                }
                self.indents.pop();
                push(PyTokenKind::Dedent, String::new(), (lnum, pos), (lnum, pos));
            }
        } else {
            if line.is_empty() {
                return Err(PyTokenizeError::Located { msg: "EOF in multi-line statement", row: lnum, col: 0 });
            }
            self.continued = false;
        }

        while pos < max {
            let Some((start, end)) = pseudo_token(line, pos) else {
                // Nothing matches after the blanks: each blank, then the
                // character, is an ERRORTOKEN (tokenize.py retries from each
                // blank and fails the same way; doing it at once keeps a long
                // run of blanks linear).
                let mut blank_end = pos;
                while blank_end < max && matches!(line[blank_end], ' ' | '\x0c' | '\t') {
                    blank_end += 1;
                }
                for k in pos..=blank_end.min(max - 1) {
                    push(PyTokenKind::ErrorToken, text(k, k + 1), (lnum, k), (lnum, k + 1));
                }
                pos = blank_end + 1;
                continue;
            };
            let (spos, epos) = ((lnum, start), (lnum, end));
            pos = end;
            if start == end {
                continue;
            }
            let token = text(start, end);
            let initial = line[start];
            if initial.is_ascii_digit() || (initial == '.' && token != "." && token != "...") {
                push(PyTokenKind::Number, token, spos, epos);
            } else if initial == '\r' || initial == '\n' {
                let kind = if self.parenlev > 0 { PyTokenKind::Nl } else { PyTokenKind::Newline };
                push(kind, token, spos, epos);
            } else if initial == '#' {
                push(PyTokenKind::Comment, token, spos, epos);
            } else if let Some(quote) = triple_quoted(&line[start..end]) {
                let endpat = EndPat { quote, triple: true };
                match endpat.find(line, pos) {
                    Some(e) => {
                        pos = e;
                        push(PyTokenKind::String, text(start, e), spos, (lnum, e));
                    }
                    None => {
                        self.contstr = Some(ContStr { text: text(start, max), start: spos, endpat });
                        break;
                    }
                }
            } else if let Some(quote) = single_quoted(&line[start..end]) {
                if token.ends_with('\n') {
                    let endpat = EndPat { quote, triple: false };
                    self.contstr = Some(ContStr { text: text(start, max), start: spos, endpat });
                    self.needcont = true;
                    break;
                }
                push(PyTokenKind::String, token, spos, epos);
            } else if initial == '_' || unicode::is_id_start(initial) {
                push(PyTokenKind::Name, token, spos, epos);
            } else if initial == '\\' {
                self.continued = true;
            } else {
                match initial {
                    '(' | '[' | '{' => self.parenlev += 1,
                    ')' | ']' | '}' => self.parenlev -= 1,
                    _ => {}
                }
                push(PyTokenKind::Op, token, spos, epos);
            }
        }
        Ok(true)
    }
}

/// Is `p` one of tokenize.py's string prefixes (any case and order of b, r,
/// u, f, br, fr)?
fn is_prefix(p: &[char]) -> bool {
    let lower: String = p.iter().map(|c| c.to_ascii_lowercase()).collect();
    matches!(lower.as_str(), "" | "b" | "r" | "u" | "f" | "br" | "rb" | "fr" | "rf")
}

/// The length of a string prefix at `line[i..]` followed by a quote, and
/// that quote.
fn prefix_then_quote(line: &[char], i: usize) -> Option<(usize, char)> {
    for len in 0..=2 {
        let q = *line.get(i + len)?;
        if q == '\'' || q == '"' {
            return is_prefix(&line[i..i + len]).then_some((len, q));
        }
        if !matches!(q, 'b' | 'B' | 'r' | 'R' | 'u' | 'U' | 'f' | 'F') {
            return None;
        }
    }
    None
}

/// `token in triple_quoted`: a prefix and three quotes, exactly.
fn triple_quoted(token: &[char]) -> Option<char> {
    let (len, q) = prefix_then_quote(token, 0)?;
    (token.len() == len + 3 && token[len..].iter().all(|&c| c == q)).then_some(q)
}

/// `initial in single_quoted or token[:2] in single_quoted or token[:3] in
/// single_quoted`: a prefix and a quote start the token.
fn single_quoted(token: &[char]) -> Option<char> {
    prefix_then_quote(token, 0).map(|(_, q)| q)
}

/// `\w` of a `str` pattern: Python's `str.isalnum()` or `_`.
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let cp = c as u32;
    let table = super::pyword::ALNUM;
    let i = table.partition_point(|&(_, hi)| hi < cp);
    table.get(i).is_some_and(|&(lo, _)| lo <= cp)
}

/// `PseudoToken.match(line, pos)`: the span of its group 1.
fn pseudo_token(line: &[char], pos: usize) -> Option<(usize, usize)> {
    let n = line.len();
    let mut i = pos;
    while i < n && matches!(line[i], ' ' | '\x0c' | '\t') {
        i += 1;
    }
    let start = i;
    let at = |k: usize| line.get(k).copied();
    // PseudoExtras: \\\r?\n | \Z | Comment | Triple
    if at(i) == Some('\\') {
        if at(i + 1) == Some('\n') {
            return Some((start, i + 2));
        }
        if at(i + 1) == Some('\r') && at(i + 2) == Some('\n') {
            return Some((start, i + 3));
        }
    }
    if i == n {
        return Some((start, n));
    }
    if line[i] == '#' {
        let mut j = i;
        while j < n && line[j] != '\r' && line[j] != '\n' {
            j += 1;
        }
        return Some((start, j));
    }
    if let Some((len, q)) = prefix_then_quote(line, i) {
        if at(i + len + 1) == Some(q) && at(i + len + 2) == Some(q) {
            return Some((start, i + len + 3));
        }
    }
    if let Some(end) = number(line, i) {
        return Some((start, end));
    }
    // Funny: \r?\n | Special
    if line[i] == '\n' {
        return Some((start, i + 1));
    }
    if line[i] == '\r' && at(i + 1) == Some('\n') {
        return Some((start, i + 2));
    }
    if let Some(len) = operator(line, i) {
        return Some((start, i + len));
    }
    if let Some(end) = cont_str(line, i) {
        return Some((start, end));
    }
    if is_word(line[i]) {
        let mut j = i;
        while j < n && is_word(line[j]) {
            j += 1;
        }
        return Some((start, j));
    }
    None
}

/// `Special`: the longest operator of `token.EXACT_TOKEN_TYPES` at `i`.
fn operator(line: &[char], i: usize) -> Option<usize> {
    const OPS3: [&str; 5] = ["**=", "...", "//=", "<<=", ">>="];
    const OPS2: [&str; 19] = [
        "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "==", ">=", ">>",
        "@=", "^=", "|=",
    ];
    let starts = |op: &str| op.chars().enumerate().all(|(k, c)| line.get(i + k) == Some(&c));
    if OPS3.iter().any(|op| starts(op)) {
        return Some(3);
    }
    if OPS2.iter().any(|op| starts(op)) {
        return Some(2);
    }
    "%&()*+,-./:;<=>@[]^{|}~".contains(line[i]).then_some(1)
}

/// `ContStr`: a one-line string, or the start of one continued by a
/// backslash at the end of the line.
fn cont_str(line: &[char], i: usize) -> Option<usize> {
    let (len, q) = prefix_then_quote(line, i)?;
    let mut j = i + len + 1;
    loop {
        let c = *line.get(j)?;
        if c == q {
            return Some(j + 1);
        }
        match c {
            '\n' => return None,
            '\\' => match line.get(j + 1) {
                Some('\n') => return Some(j + 2),
                Some('\r') if line.get(j + 2) == Some(&'\n') => return Some(j + 3),
                Some(_) => j += 2,
                None => return None,
            },
            _ => j += 1,
        }
    }
}

/// `[0-9](?:_?[0-9])*`: the end of a run of digits with single underscores.
fn digitpart(line: &[char], i: usize) -> Option<usize> {
    let digit = |k: usize| line.get(k).is_some_and(|c| c.is_ascii_digit());
    if !digit(i) {
        return None;
    }
    let mut j = i + 1;
    loop {
        if digit(j) {
            j += 1;
        } else if line.get(j) == Some(&'_') && digit(j + 1) {
            j += 2;
        } else {
            return Some(j);
        }
    }
}

/// `Exponent`: `[eE][-+]?[0-9](?:_?[0-9])*`.
fn exponent(line: &[char], i: usize) -> Option<usize> {
    if !matches!(line.get(i), Some('e' | 'E')) {
        return None;
    }
    let j = if matches!(line.get(i + 1), Some('+' | '-')) { i + 2 } else { i + 1 };
    digitpart(line, j)
}

/// `Pointfloat`, greedy.
fn pointfloat(line: &[char], i: usize) -> Option<usize> {
    let after_point = if let Some(d) = digitpart(line, i) {
        if line.get(d) != Some(&'.') {
            return None;
        }
        digitpart(line, d + 1).unwrap_or(d + 1)
    } else {
        if line.get(i) != Some(&'.') {
            return None;
        }
        digitpart(line, i + 1)?
    };
    Some(exponent(line, after_point).unwrap_or(after_point))
}

/// `Floatnumber`: `Pointfloat | Expfloat`.
fn floatnumber(line: &[char], i: usize) -> Option<usize> {
    pointfloat(line, i).or_else(|| exponent(line, digitpart(line, i)?))
}

/// `Number`: `Imagnumber | Floatnumber | Intnumber`, as `re` tries them.
fn number(line: &[char], i: usize) -> Option<usize> {
    let is_j = |k: usize| matches!(line.get(k), Some('j' | 'J'));
    if let Some(d) = digitpart(line, i) {
        if is_j(d) {
            return Some(d + 1);
        }
    }
    if let Some(f) = floatnumber(line, i) {
        if is_j(f) {
            return Some(f + 1);
        }
        return Some(f);
    }
    // Intnumber: Hex | Bin | Oct | Dec
    if line.get(i) == Some(&'0') {
        let radix: Option<fn(char) -> bool> = match line.get(i + 1) {
            Some('x' | 'X') => Some(|c: char| c.is_ascii_hexdigit()),
            Some('b' | 'B') => Some(|c: char| c == '0' || c == '1'),
            Some('o' | 'O') => Some(|c: char| ('0'..='7').contains(&c)),
            _ => None,
        };
        if let Some(ok) = radix {
            let mut j = i + 2;
            loop {
                if line.get(j).is_some_and(|&c| ok(c)) {
                    j += 1;
                } else if line.get(j) == Some(&'_') && line.get(j + 1).is_some_and(|&c| ok(c)) {
                    j += 2;
                } else {
                    break;
                }
            }
            if j > i + 2 {
                return Some(j);
            }
        }
        // `0(?:_?0)*`
        let mut j = i + 1;
        loop {
            if line.get(j) == Some(&'0') {
                j += 1;
            } else if line.get(j) == Some(&'_') && line.get(j + 1) == Some(&'0') {
                j += 2;
            } else {
                return Some(j);
            }
        }
    }
    if line.get(i).is_some_and(|c| ('1'..='9').contains(c)) {
        return digitpart(line, i);
    }
    None
}
