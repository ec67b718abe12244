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

/// Code `re._compiler` makes (from CPython 3.11, by `_code(_parser.parse(p, 0), 0)`).
const SAMPLES: &[&[u32]] = &[
    &[14, 4, 0, 1, 4294967295, 23, 9, 0, 4294967295, 17, 0, 16, 97, 17, 1, 18, 16, 98, 1], // (a)*b
    &[14, 4, 0, 2, 4294967295, 23, 17, 1, 4294967295, 7, 7, 16, 97, 16, 98, 15, 7, 5, 16, 99, 15, 2, 0, 19, 16, 100, 1], // (?:ab|c)+?d
    &[14, 4, 0, 1, 2, 23, 9, 0, 1, 17, 0, 16, 97, 17, 1, 18, 12, 0, 6, 16, 98, 15, 3, 16, 99, 1], // (a)?(?(1)b|c)
    &[14, 4, 0, 1, 1, 4, 5, 1, 16, 97, 1, 16, 98, 5, 5, 0, 16, 99, 1, 1], // (?<=a)b(?!c)
    &[14, 4, 0, 2, 4294967295, 24, 16, 1, 4294967295, 13, 11, 9, 0, 67043328, 2147483648, 134217726, 0, 0, 0, 0, 0, 1, 16, 64, 1], // [a-z0-9_]+@
    &[14, 4, 0, 1, 4294967295, 7, 10, 24, 6, 1, 4294967295, 40, 1078, 1, 15, 7, 5, 40, 120, 15, 2, 0, 1], // (?i)ж+|x
    &[
        14, 4, 0, 0, 4294967295, 7, 15, 27, 9, 24, 6, 1, 4294967295, 16, 97, 1, 1, 16, 98, 15, 30, 12, 29, 6, 1, 4294967295, 16, 97, 1,
        16, 99, 15, 18, 16, 28, 11, 0, 4294967295, 17, 0, 16, 97, 16, 98, 17, 1, 1, 15, 2, 0, 1,
    ], // (?>a+)b|a++c|(ab)*+
    &[14, 8, 1, 2, 2, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 11, 0, 6, 10, 6, 5, 1], // (a)\1\b$
    &[14, 4, 0, 2, 5, 24, 13, 2, 5, 13, 8, 21, 22, 256, 512, 16, 120, 0, 1, 1], // [^Ā-Ȁx]{2,5}
    &[14, 4, 0, 1, 4294967295, 7, 11, 26, 5, 0, 4294967295, 2, 1, 16, 120, 15, 12, 10, 6, 0, 13, 4, 8, 10, 0, 15, 2, 0, 1], // .*?x|^\d
];

#[test]
fn samples_are_valid_and_match() {
    for code in SAMPLES {
        assert!(validate(code, 2), "{code:?}");
    }
    assert_eq!(search(SAMPLES[0], "xaab"), Some((1, 4)));
    assert_eq!(search(SAMPLES[3], "cabac"), Some((2, 3)));
    assert_eq!(search(SAMPLES[4], "hi bob_9@x"), Some((3, 9)));
}

/// Mutated code never makes the validator or the engine panic or loop
/// forever: whatever passes `validate` runs to an answer on every subject.
#[test]
fn mutated_code_never_panics() {
    let mut state: u64 = 7;
    let mut rand = |n: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    let texts: [&str; 6] = ["", "a", "ab", "xaab c", "b\u{436}aa@", "aaaaaaaab\nx9"];
    let mut valid = 0;
    for _ in 0..20_000 {
        let mut code = SAMPLES[rand(SAMPLES.len() as u64) as usize].to_vec();
        for _ in 0..1 + rand(3) {
            let i = rand(code.len() as u64) as usize;
            match rand(6) {
                0 => code[i] = rand(45) as u32,
                1 => code[i] = rand(20) as u32,
                2 => code[i] = code[i].wrapping_add(1),
                3 => code[i] = code[i].saturating_sub(1),
                4 => code.insert(i, rand(45) as u32),
                _ => {
                    code.remove(i);
                }
            }
            if code.is_empty() {
                code.push(SUCCESS);
            }
        }
        let groups = rand(4) as usize;
        if !validate(&code, groups) {
            continue;
        }
        valid += 1;
        let first = super::engine::first_char_tests(&code);
        for text in texts {
            let narrow = text.as_bytes();
            let wide: Vec<u32> = text.chars().map(u32::from).collect();
            let mut s = State::new(groups, narrow.len(), 0, i64::MAX);
            let _ = s.search(&code, narrow, &first);
            let mut s = State::new(groups, wide.len(), 1, i64::MAX);
            s.ptr = s.start;
            let _ = s.run(&code, &wide, 0, true);
            let mut s = State::new(groups, wide.len(), 0, i64::MAX);
            let _ = s.search(&code, &wide, &first);
        }
    }
    assert!(valid > 1000, "only {valid} mutants were valid");
}
