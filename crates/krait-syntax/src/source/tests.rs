//! Decoding tests; each expectation is what `python3 FILE` does (checked
//! with CPython 3.11.7).

use super::*;

fn msg(bytes: &[u8]) -> String {
    match decode_file(bytes, "f.py") {
        Ok(d) => d.cut_error.map_or_else(|| "ok".into(), |e| e.msg),
        Err(e) => e.msg,
    }
}

fn text(bytes: &[u8]) -> String {
    let d = decode_file(bytes, "f.py").expect("decodes");
    assert!(d.cut_error.is_none(), "{:?}", d.cut_error);
    d.text
}

#[test]
fn utf8_and_bom() {
    assert_eq!(text(b"x = '\xc3\xa9'\r\n"), "x = 'é'\r\n");
    assert_eq!(text(b"\xef\xbb\xbfx\n"), "x\n");
    assert_eq!(decode_file(b"\xef\xbb\xbfx\n", "f").unwrap().encoding.as_deref(), Some("utf-8"));
    assert_eq!(decode_file(b"x\n", "f").unwrap().encoding, None);
}

#[test]
fn declarations() {
    assert_eq!(text(b"# -*- coding: latin-1 -*-\nprint('\xe9')\n"), "# -*- coding: latin-1 -*-\nprint('é')\n");
    assert_eq!(text(b"#!/usr/bin/python\n# vim: set fileencoding=koi8-r :\n'\xf6'\n").lines().last(), Some("'Ж'"));
    assert_eq!(text(b"# coding: cp1252\n'\x80'\n").lines().last(), Some("'€'"));
    assert_eq!(text(b"# coding: iso8859-15\n'\xa4'\n").lines().last(), Some("'€'"));
    assert_eq!(text(b"\n# coding=Latin_1\n'\xe9'\n").lines().last(), Some("'é'"));
    assert_eq!(decode_file(b"# coding: latin1\n", "f").unwrap().encoding.as_deref(), Some("latin1"));
    assert_eq!(decode_file(b"# coding: latin-1\n", "f").unwrap().encoding.as_deref(), Some("iso-8859-1"));
    // Line 2 counts only after a blank or comment line 1.
    assert!(msg(b"x = 1 # coding: latin-1\n'\xe9'\n").starts_with("Non-UTF-8 code starting with '\\xe9' in file f.py on line 2"));
    assert!(msg(b"print(1)\n# coding: latin-1\n'\xe9'\n").contains("on line 3"));
}

#[test]
fn encoding_errors() {
    assert_eq!(msg(b"# coding: foobar\n"), "encoding problem: foobar");
    assert_eq!(msg(b"# -*- coding: uft-8 -*-\n"), "encoding problem: uft-8");
    assert_eq!(msg(b"\xef\xbb\xbf#coding: utf8\nprint('\xe6\x88\x91')\n"), "encoding problem: utf8 with BOM");
    assert_eq!(msg(b"\xef\xbb\xbf\n# coding: latin-1\n"), "encoding problem: iso-8859-1 with BOM");
    assert_eq!(msg(b"# coding: ascii\n'\xe9'\n"), "encoding problem: ascii");
    assert_eq!(msg(b"# coding: rot13\n"), "encoding problem: rot13");
    assert_eq!(
        msg(b"print(\"b\xf6se\")\n"),
        "Non-UTF-8 code starting with '\\xf6' in file f.py on line 1, but no encoding declared; \
         see https://peps.python.org/pep-0263/ for details"
    );
    let e = decode_file(b"# coding: foobar\n", "f").unwrap_err();
    assert_eq!(e.location, ErrorLocation::Nowhere);
}

#[test]
fn non_utf8_is_deferred_to_its_line() {
    let d = decode_file(b"x = 1\ny = 2\n'\xe4'\n", "f.py").unwrap();
    assert_eq!(d.text, "x = 1\ny = 2\n");
    let t = tokenizer::tokenize_with(&d.text, d.tokenizer_options());
    assert_eq!(t.tokens.len(), 8);
    assert!(t.error.unwrap().msg.contains("on line 3"));
}

#[test]
fn declared_utf8_that_is_not() {
    assert_eq!(msg(b"# coding: utf-8\n# comment \xf6\nprint(1)\n"), "ok");
    let e = |b: &[u8]| decode_file(b, "f").unwrap().cut_error.unwrap();
    let err = e(b"# coding: utf-8\nx = \"ab\xf6\"\n");
    assert_eq!(err.msg, "(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 2: invalid start byte");
    assert_eq!(err.location, ErrorLocation::Explicit { lineno: 2, offset: 8, end_lineno: 2, end_offset: 8 });
    let err = e(b"# coding: utf-8\nx\xf6 = 1\n");
    assert_eq!(err.msg, "(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 1: invalid start byte");
    assert_eq!(err.location, ErrorLocation::Explicit { lineno: 2, offset: 2, end_lineno: 2, end_offset: -1 });
    assert_eq!(
        e(b"# coding: utf-8\nx = \"ab\xc3x\"\n").msg,
        "(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 2: invalid continuation byte"
    );
    assert_eq!(
        e(b"# coding: utf-8\nx = \"ab\xc3\"\n").msg,
        "(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 2: unexpected end of data"
    );
}

#[test]
fn codec_names() {
    assert_eq!(lookup_codec("latin1"), Some(Codec::Latin1));
    assert_eq!(lookup_codec("UTF8"), Some(Codec::Utf8));
    assert_eq!(lookup_codec("us-ascii"), Some(Codec::Ascii));
    assert!(matches!(lookup_codec("koi8_r"), Some(Codec::Table(_))));
    assert!(matches!(lookup_codec("windows-1252"), Some(Codec::Table(_))));
    assert_eq!(lookup_codec("foobar"), None);
    assert_eq!(lookup_codec("shift_jis"), None);
}
