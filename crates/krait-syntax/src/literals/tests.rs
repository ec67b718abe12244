//! Literal decoding against python3's answers (scripts/gen_literal_tests.py).

use super::*;

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

/// What Krait gives for one token, in the fixture's notation.
fn outcome(tok: &str) -> String {
    let first = tok.as_bytes()[0];
    if first.is_ascii_digit() || first == b'.' {
        return match parse_number(tok) {
            Ok(Constant::Int(Int::Small(i))) => format!("I {i}"),
            Ok(Constant::Int(Int::Big(b))) => format!("I {b}"),
            Ok(Constant::Float(f)) => format!("F {}", float_hex(f)),
            Ok(Constant::Complex { real, imag }) => {
                assert_eq!(real.to_bits(), 0);
                format!("C {}", float_hex(imag))
            }
            Ok(other) => panic!("{other:?}"),
            Err(e) => format!("E {}", e.msg),
        };
    }
    let (prefix, body, _) = split_string_token(tok);
    let body = &tok[body];
    let (mut out, warning) = if prefix.bytes {
        match decode_bytes_with_warning(body, prefix.raw) {
            Ok((b, w)) => {
                (format!("B {}", b.iter().map(|x| format!("{x:02x}")).collect::<String>()), w)
            }
            Err(e) => return format!("E {}", e.msg),
        }
    } else {
        match decode_str_with_warning(body, prefix.raw) {
            Ok((s, w)) => {
                let cps: Vec<String> = s.code_points().map(|c| format!("{c:X}")).collect();
                (format!("S {}", cps.join(" ")), w)
            }
            Err(e) => return format!("E {}", e.msg),
        }
    };
    if let Some(w) = warning {
        out.push_str("\tW ");
        out.push_str(&w.msg);
    }
    out
}

/// Python's `float.hex()`.
fn float_hex(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() { "-0x0.0p+0".into() } else { "0x0.0p+0".into() };
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let bits = f.to_bits();
    let sign = if bits >> 63 == 1 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7FF) as i32;
    let mant = bits & ((1 << 52) - 1);
    let (lead, exp) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    let m = format!("{mant:013x}");
    format!("{sign}0x{lead}.{m}p{exp:+}")
}

fn check_file(text: &str) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut n = 0;
    for line in text.lines() {
        let (tok, expected) = line.split_once('\t').unwrap();
        let tok = String::from_utf8(unhex(tok)).unwrap();
        let got = outcome(&tok);
        n += 1;
        if got != expected {
            failures.push(format!("{tok:?}\n   expected {expected:?}\n        got {got:?}"));
        }
    }
    (n, failures)
}

#[test]
fn fixtures_match_cpython() {
    let (n, failures) = check_file(include_str!("fixtures.txt"));
    assert!(
        failures.is_empty(),
        "{} of {n} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

/// `python3 scripts/gen_literal_tests.py --big DIR`, then
/// `KRAIT_LITERAL_DATA=DIR cargo test -p krait-syntax -- --ignored`.
#[test]
#[ignore]
fn big_data_matches_cpython() {
    let dir = std::env::var("KRAIT_LITERAL_DATA").expect("KRAIT_LITERAL_DATA");
    let text = std::fs::read_to_string(format!("{dir}/literals.txt")).unwrap();
    let (n, failures) = check_file(&text);
    assert!(
        failures.is_empty(),
        "{} of {n} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
    eprintln!("{n} literals match");
}

#[test]
fn split_prefixes() {
    let (p, r, t) = split_string_token("Rb'''x'''");
    assert!(p.bytes && p.raw && !p.fstring && !p.unicode && t);
    assert_eq!(r, 5..6);
    let (p, r, t) = split_string_token("f\"\"");
    assert!(p.fstring && !t);
    assert_eq!(r, 2..2);
    let (_, r, t) = split_string_token("''''''");
    assert!(t);
    assert_eq!(r, 3..3);
    let (_, r, _) = split_string_token("u'\"'");
    assert_eq!(r, 2..3);
    // Malformed text does not panic.
    for bad in ["", "b", "'", "'''", "rb\""] {
        let (_, r, _) = split_string_token(bad);
        assert!(r.start <= r.end && r.end <= bad.len());
    }
}

#[test]
fn plain_body_is_copied() {
    assert_eq!(decode_str("héllo", false).unwrap(), PyString::from("héllo"));
    assert_eq!(decode_str("a\\nb", true).unwrap(), PyString::from("a\\nb"));
    assert_eq!(decode_str("a\r\nb\rc", true).unwrap(), PyString::from("a\nb\nc"));
    assert_eq!(decode_bytes("a\r\nb", true).unwrap(), b"a\nb");
}

#[test]
fn escapes() {
    let s = decode_str("\\ud800\\x41\\101\\N{SNOWMAN}\\é\\", false).unwrap();
    assert_eq!(s.code_points().collect::<Vec<_>>(), [0xD800, 0x41, 0x41, 0x2603, 0x5C, 0xE9, 0x5C]);
    let (s, w) = decode_str_with_warning("\\q\\d", false).unwrap();
    assert_eq!(s, PyString::from("\\q\\d"));
    assert_eq!(w.unwrap().msg, "invalid escape sequence '\\q'");
    assert_eq!(decode_bytes("\\777\\x41", false).unwrap(), [0xFF, 0x41]);
}

#[test]
fn error_locations() {
    assert_eq!(decode_str("\\x4", false).unwrap_err().at, LiteralErrorAt::NextToken);
    assert_eq!(decode_bytes("é", false).unwrap_err().at, LiteralErrorAt::Token);
    assert_eq!(parse_number(&"1".repeat(4301)).unwrap_err().at, LiteralErrorAt::TokenLinesNoColumn);
}

#[test]
fn numbers_never_panic_on_garbage() {
    for bad in ["", "_", "0x", "0b2", "1e", "e", "j", ".", "0xj", "1..2", "0o8", "1__"] {
        let _ = parse_number(bad);
    }
}

#[test]
fn syntax_error_locations() {
    let src = "x = (\n".to_string() + &"1".repeat(4301) + ")\n";
    let lines = LineIndex::new(&src);
    let tok = TextRange::new(6, 6 + 4301);
    let err = parse_number(&src[6..6 + 4301]).unwrap_err();
    let located = err.to_syntax_error(tok, TextRange::empty(0), &lines).locate(&src, &lines);
    assert_eq!(
        (located.lineno, located.offset, located.end_lineno, located.end_offset),
        (2, 0, 2, 0)
    );
    let next = TextRange::new(10, 11);
    let e = decode_str("\\x4", false).unwrap_err().to_syntax_error(tok, next, &lines);
    assert_eq!(e.location, ErrorLocation::Range(next));
}
