//! Unit tests of the engine on hand-assembled code; the run programs under
//! tests/run/re/ compare whole `re` behaviour with CPython.

use super::constants::*;
use super::engine::State;
use super::validate::validate;

fn search(code: &[u32], text: &str) -> Option<(usize, usize)> {
    assert!(validate(code, 1), "valid code");
    let t = text.as_bytes();
    let mut s = State::new(1, t.len(), 0, i64::MAX);
    s.search(code, t, &super::engine::first_char_tests(code)).expect("no engine error").then_some((s.start, s.ptr))
}

#[test]
fn literal_search() {
    let code = [LITERAL, b'b' as u32, LITERAL, b'c' as u32, SUCCESS];
    assert_eq!(search(&code, "abc"), Some((1, 3)));
    assert_eq!(search(&code, "acb"), None);
}

#[test]
fn greedy_repeat_backtracks() {
    // a*ab: REPEAT_ONE over 'a', then 'a', 'b'.
    let code = [REPEAT_ONE, 6, 0, MAXREPEAT, LITERAL, b'a' as u32, SUCCESS, LITERAL, b'a' as u32, LITERAL, b'b' as u32, SUCCESS];
    assert_eq!(search(&code, "xaaab"), Some((1, 5)));
}

#[test]
fn deep_repeat_does_not_recurse() {
    // (?:ab|c)* over a long subject: one level per item, on the heap.
    let (a, b, c) = (b'a' as u32, b'b' as u32, b'c' as u32);
    let code = [REPEAT, 17, 0, MAXREPEAT, BRANCH, 7, LITERAL, a, LITERAL, b, JUMP, 7, 5, LITERAL, c, JUMP, 2, FAILURE, MAX_UNTIL, SUCCESS];
    let code = &code[..];
    let text = "abc".repeat(100_000);
    assert_eq!(search(code, &text), Some((0, 300_000)));
}

#[test]
fn invalid_code_is_refused() {
    assert!(!validate(&[LITERAL], 0));
    assert!(!validate(&[JUMP, 1, SUCCESS], 0));
    assert!(!validate(&[MARK, 5, SUCCESS], 1));
    assert!(!validate(&[BRANCH, 0, SUCCESS], 0));
    assert!(validate(&[MARK, 0, MARK, 1, SUCCESS], 1));
}
