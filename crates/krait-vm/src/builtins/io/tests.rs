//! Unit tests of the `_io` helpers that need no interpreter.

use super::stringio::{NewlineState, SEEN_CR, SEEN_CRLF, SEEN_LF};

#[test]
fn newline_decoder_translates_and_records() {
    let mut nl = NewlineState::default();
    assert_eq!(nl.decode(b"a\r\nb\rc\n", true, true), b"a\nb\nc\n");
    assert_eq!(nl.seennl, SEEN_LF | SEEN_CR | SEEN_CRLF);
}

#[test]
fn newline_decoder_holds_a_final_cr() {
    let mut nl = NewlineState::default();
    assert_eq!(nl.decode(b"a\r", true, false), b"a");
    assert!(nl.pendingcr);
    assert_eq!(nl.decode(b"\nb", true, false), b"\nb");
    assert_eq!(nl.seennl, SEEN_CRLF);
    let mut nl = NewlineState::default();
    assert_eq!(nl.decode(b"x\r", false, false), b"x");
    assert_eq!(nl.decode(b"", false, true), b"\r");
}
