//! Token-stream and error tests. CPython is the real oracle (the comparison
//! scripts run `_tokenize.TokenizerIter` and `compile()` over whole
//! libraries); these pin the shapes the parser relies on.

use super::*;
use crate::error::{ErrorLocation, SyntaxErrorKind};
use crate::text::LineIndex;
use crate::token::TokenKind as K;

fn toks(src: &str) -> Vec<(K, &str)> {
    let t = tokenize(src);
    assert!(t.error.is_none(), "{:?}", t.error);
    t.tokens.iter().map(|t| (t.kind, t.range.slice(src))).collect()
}

fn kinds(src: &str) -> Vec<K> {
    toks(src).into_iter().map(|(k, _)| k).collect()
}

/// (class, msg, lineno, offset, end_lineno, end_offset) as CPython reports.
fn error(src: &str) -> (SyntaxErrorKind, String, usize, usize, usize, isize) {
    let t = tokenize(src);
    let e = t.error.expect("an error");
    let loc = e.locate(src, &LineIndex::new(src));
    (e.kind, e.msg, loc.lineno, loc.offset, loc.end_lineno, loc.end_offset)
}

fn syntax(msg: &str, l: usize, o: usize, el: usize, eo: isize) -> (SyntaxErrorKind, String, usize, usize, usize, isize) {
    (SyntaxErrorKind::SyntaxError, msg.to_string(), l, o, el, eo)
}

#[test]
fn simple_statement() {
    assert_eq!(kinds("x = 1\n"), [K::Name, K::Equal, K::Number, K::Newline, K::EndMarker]);
}

#[test]
fn keywords_and_soft_keywords() {
    assert_eq!(
        toks("if match: _ = None\n"),
        [
            (K::If, "if"),
            (K::Name, "match"),
            (K::Colon, ":"),
            (K::Name, "_"),
            (K::Equal, "="),
            (K::None, "None"),
            (K::Newline, ""),
            (K::EndMarker, ""),
        ]
    );
}

#[test]
fn fast_keyword_table_agrees_with_token_kind() {
    for word in [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield", "match", "case", "_", "Fals", "Nonee", "iff", "a", "",
        "yields", "print", "self", "lambd", "nonlocals",
    ] {
        assert_eq!(scan::keyword(word.as_bytes()), K::keyword(word), "{word}");
    }
}

#[test]
fn newline_ranges() {
    let src = "if x:  # c\n  y\n";
    let t = tokenize(src);
    let nl: Vec<_> = t.tokens.iter().filter(|t| t.kind == K::Newline).map(|t| t.range).collect();
    // From the comment to (not including) the newline; then empty at the newline.
    assert_eq!(nl, [TextRange::new(7, 10), TextRange::new(14, 14)]);
    // The implicit newline of a last line without one: empty, at the end.
    let t = tokenize("x");
    assert_eq!(t.tokens[1].kind, K::Newline);
    assert_eq!(t.tokens[1].range, TextRange::empty(1));
}

#[test]
fn indent_dedent_ranges() {
    let src = "if x:\n    y\n\n# c\nz\n";
    let t = tokenize(src);
    let got: Vec<_> = t.tokens.iter().map(|t| (t.kind, t.range.start, t.range.end)).collect();
    assert_eq!(
        got,
        [
            (K::If, 0, 2),
            (K::Name, 3, 4),
            (K::Colon, 4, 5),
            (K::Newline, 5, 5),
            (K::Indent, 6, 10),
            (K::Name, 10, 11),
            (K::Newline, 11, 11),
            (K::Dedent, 17, 17),
            (K::Name, 17, 18),
            (K::Newline, 18, 18),
            (K::EndMarker, 19, 19),
        ]
    );
    let t = tokenize("if x:\n  y");
    let n = t.tokens.len();
    assert_eq!(t.tokens[n - 2].kind, K::Dedent);
    assert_eq!(t.tokens[n - 2].range, TextRange::empty(9));
}

#[test]
fn no_newline_inside_brackets_and_after_backslash() {
    assert_eq!(
        kinds("x = (1,\n\n  2) + \\\n 3\n"),
        [
            K::Name, K::Equal, K::Lpar, K::Number, K::Comma, K::Number, K::Rpar, K::Plus,
            K::Number, K::Newline, K::EndMarker
        ]
    );
}

#[test]
fn blank_and_comment_lines_make_no_tokens() {
    assert_eq!(kinds("\n  \n# c\n\t# d\n\x0c\n"), [K::EndMarker]);
    assert_eq!(kinds(""), [K::EndMarker]);
}

#[test]
fn newline_spellings() {
    assert_eq!(kinds("x\r\ny\rz\n"), kinds("x\ny\nz\n"));
    assert_eq!(toks("'''a\r\nb'''\r\n")[0], (K::String, "'''a\r\nb'''"));
}

#[test]
fn numbers() {
    for n in ["0", "00", "0_0", "1_000", "0x_dead_BEEF", "0o17", "0b1_0", "1.", ".5", "1e5", "1E-5",
        "1.5j", "1_0.0_1e+1_0J", "0e0", "09.5", "0777e1", "1j"]
    {
        assert_eq!(toks(n)[0], (K::Number, n), "{n}");
    }
    assert_eq!(toks("1..real")[..3], [(K::Number, "1."), (K::Dot, "."), (K::Name, "real")]);
}

#[test]
fn number_errors() {
    assert_eq!(error("1__0"), syntax("invalid decimal literal", 1, 2, 1, 2));
    assert_eq!(error("1abc"), syntax("invalid decimal literal", 1, 1, 1, 1));
    assert_eq!(error("0x"), syntax("invalid hexadecimal literal", 1, 2, 1, 2));
    assert_eq!(error("0o8"), syntax("invalid digit '8' in octal literal", 1, 3, 1, 3));
    assert_eq!(error("0b12"), syntax("invalid digit '2' in binary literal", 1, 4, 1, 4));
    assert_eq!(error("0o"), syntax("invalid octal literal", 1, 2, 1, 2));
    assert_eq!(error("1jx"), syntax("invalid imaginary literal", 1, 2, 1, 2));
    assert_eq!(error("1e+"), syntax("invalid decimal literal", 1, 3, 1, 3));
    assert_eq!(
        error("x = \"€\"; 012"),
        syntax(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            1, 12, 1, 13
        )
    );
}

#[test]
fn number_followed_by_keyword_warns() {
    let t = tokenize("x = 1if y else 2\n");
    assert!(t.error.is_none());
    assert_eq!(t.warnings, [Warning { msg: "invalid decimal literal".into(), range: TextRange::empty(5) }]);
    assert_eq!(t.tokens[2].range, TextRange::new(4, 5));
    assert_eq!(t.tokens[3].kind, K::If);
}

#[test]
fn string_prefixes() {
    for s in ["rb'x'", "Rb'x'", "bR'x'", "BR'x'", "br'x'", "f'x'", "rf'x'", "fR'x'", "u'x'", "U'x'",
        "b''", "'''a'b''c'''", "\"a\\\"b\"", "'a\\\nb'"]
    {
        assert_eq!(toks(s)[0], (K::String, s), "{s}");
    }
    // u combines with nothing, b not with f: the letters are a NAME.
    assert_eq!(toks("ur'x'")[..2], [(K::Name, "ur"), (K::String, "'x'")]);
    assert_eq!(toks("bf'x'")[..2], [(K::Name, "bf"), (K::String, "'x'")]);
    assert_eq!(toks("f'{x!r:>{w}}'")[0], (K::String, "f'{x!r:>{w}}'"));
}

#[test]
fn string_errors() {
    assert_eq!(error("x = f\"abc"), syntax("unterminated string literal (detected at line 1)", 1, 5, 1, 5));
    assert_eq!(error("'abc\\\ndef"), syntax("unterminated string literal (detected at line 2)", 1, 1, 1, 1));
    assert_eq!(
        error("x = '''\n\nd"),
        syntax("unterminated triple-quoted string literal (detected at line 3)", 1, 5, 1, 5)
    );
}

#[test]
fn bracket_errors() {
    assert_eq!(error("a)"), syntax("unmatched ')'", 1, 2, 1, 2));
    assert_eq!(error("(]"), syntax("closing parenthesis ']' does not match opening parenthesis '('", 1, 2, 1, 2));
    assert_eq!(
        error("(\n]"),
        syntax("closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1, 2, 1)
    );
    assert_eq!(error("x = [(\n"), syntax("'(' was never closed", 1, 6, 1, 0));
    assert_eq!(error(&"(".repeat(201)), syntax("too many nested parentheses", 1, 201, 1, 201));
    let deep = format!("{}{}", "(".repeat(200), ")".repeat(200));
    assert!(tokenize(&deep).error.is_none());
    // Far deeper than any stack: still just an error.
    assert_eq!(error(&"[".repeat(1_000_000)).1, "too many nested parentheses");
}

#[test]
fn indentation_errors() {
    assert_eq!(
        error("if x:\n    a\n  b\n"),
        (SyntaxErrorKind::IndentationError, "unindent does not match any outer indentation level".into(), 3, 4, 3, -1)
    );
    assert_eq!(
        error("if x:\n\ty\n        z\n"),
        (SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation".into(), 3, 1, 3, 0)
    );
    let mut deep = String::new();
    for i in 0..=100 {
        deep += &" ".repeat(i);
        deep += "if 1:\n";
    }
    assert_eq!(error(&deep).1, "too many levels of indentation");
}

#[test]
fn continuation_errors() {
    assert_eq!(
        error("x = \"€\" \\ 1\n"),
        syntax("unexpected character after line continuation character", 1, 12, 1, 0)
    );
    assert_eq!(error("x = 1 +\\\n"), syntax("unexpected EOF while parsing", 1, 9, 1, -1));
    let t = tokenize_with("x = \"€\" \\ 1\n", Options { has_encoding: true, ..Default::default() });
    assert_eq!(
        t.error.unwrap().location,
        ErrorLocation::Explicit { lineno: 1, offset: 10, end_lineno: 1, end_offset: 0 }
    );
}

#[test]
fn character_errors() {
    assert_eq!(error("x = 1 € 2"), syntax("invalid character '€' (U+20AC)", 1, 7, 1, 7));
    assert_eq!(error("a\u{a0}"), syntax("invalid non-printable character U+00A0", 1, 2, 1, 2));
    assert_eq!(error("x = \x01"), syntax("invalid non-printable character U+0001", 1, 5, 1, 5));
    assert_eq!(error("x = 1\0\n"), syntax("source code cannot contain null bytes", 1, 0, 1, 0));
    let t = tokenize("x = $ ? !");
    assert!(t.error.is_none());
    let errs: Vec<_> = t.tokens.iter().filter(|t| t.kind == K::ErrorToken).map(|t| t.range.start).collect();
    assert_eq!(errs, [4, 6, 8]);
}

#[test]
fn tokens_before_an_error_are_kept() {
    let t = tokenize("x = (1,\n2 ]");
    assert_eq!(
        t.tokens.iter().map(|t| t.kind).collect::<Vec<_>>(),
        [K::Name, K::Equal, K::Lpar, K::Number, K::Comma, K::Number]
    );
    assert!(t.error.is_some());
}

mod tokenize_py {
    //! `Lib/tokenize.py`'s stream (`krait --dump-tokens`); expectations are
    //! what `python3 -m tokenize` prints.
    use crate::tokenizer::pytokenize::{tokenize_py, PyTokenKind as P, PyTokenizeError};

    /// A token as (kind, string, start, end), each position (line, column).
    type Tok = (P, String, (usize, usize), (usize, usize));

    fn toks(src: &str) -> Vec<Tok> {
        tokenize_py(src.as_bytes(), "f.py").unwrap().into_iter().map(|t| (t.kind, t.string, t.start, t.end)).collect()
    }

    #[test]
    fn encoding_comments_nl() {
        let s = |x: &str| x.to_string();
        assert_eq!(
            toks("# c\nx = 1 # d\n"),
            [
                (P::Encoding, s("utf-8"), (0, 0), (0, 0)),
                (P::Comment, s("# c"), (1, 0), (1, 3)),
                (P::Nl, s("\n"), (1, 3), (1, 4)),
                (P::Name, s("x"), (2, 0), (2, 1)),
                (P::Op, s("="), (2, 2), (2, 3)),
                (P::Number, s("1"), (2, 4), (2, 5)),
                (P::Comment, s("# d"), (2, 6), (2, 9)),
                (P::Newline, s("\n"), (2, 9), (2, 10)),
                (P::EndMarker, s(""), (3, 0), (3, 0)),
            ]
        );
    }

    #[test]
    fn quirks() {
        // The blank before a character nothing matches is an ERRORTOKEN too.
        let t = toks("x = $\n");
        assert_eq!((t[3].0, t[3].1.as_str(), t[3].2), (P::ErrorToken, " ", (1, 3)));
        assert_eq!((t[4].0, t[4].1.as_str()), (P::ErrorToken, "$"));
        // `012` is NUMBER '0' then NUMBER '12'; columns count characters.
        let t = toks("é=012");
        assert_eq!(t[3].1, "0");
        assert_eq!(t[4].1, "12");
        assert_eq!(t[4].2, (1, 3));
        // A missing final newline: NEWLINE '' one past the end of the line.
        let t = toks("x");
        assert_eq!((t[2].0, t[2].2, t[2].3), (P::Newline, (1, 1), (1, 2)));
    }

    #[test]
    fn errors() {
        assert_eq!(
            tokenize_py(b"(\n", "f.py"),
            Err(PyTokenizeError::Located { msg: "EOF in multi-line statement", row: 2, col: 0 })
        );
        assert_eq!(
            tokenize_py(b"x = '''\n", "f.py"),
            Err(PyTokenizeError::Located { msg: "EOF in multi-line string", row: 1, col: 4 })
        );
        assert_eq!(
            tokenize_py(b"if x:\n    a\n  b\n", "f.py"),
            Err(PyTokenizeError::Located {
                msg: "unindent does not match any outer indentation level",
                row: 3,
                col: 2
            })
        );
        assert_eq!(
            tokenize_py(b"# coding: uft-8\n", "f.py"),
            Err(PyTokenizeError::Encoding("unknown encoding for 'f.py': uft-8".into()))
        );
    }
}
