//! Reprs against python3's answers (scripts/gen_literal_tests.py).

use super::*;

fn bits(h: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(h, 16).unwrap())
}

fn check_file(text: &str) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut n = 0;
    for line in text.lines() {
        let (input, expected) = line.split_once('\t').unwrap();
        let (kind, args) = input.split_once(' ').unwrap();
        let got = match kind {
            "f" => float_repr(bits(args)),
            "c" => {
                let (re, im) = args.split_once(' ').unwrap();
                complex_repr(bits(re), bits(im))
            }
            "s" => {
                let mut s = PyString::new();
                for cp in args.split(' ').filter(|h| !h.is_empty()) {
                    s.push_code_point(u32::from_str_radix(cp, 16).unwrap());
                }
                str_repr(&s)
            }
            "b" => {
                let b: Vec<u8> = (0..args.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(&args[i..i + 2], 16).unwrap())
                    .collect();
                bytes_repr(&b)
            }
            _ => panic!("{line}"),
        };
        n += 1;
        if got != expected {
            failures.push(format!("{input}: expected {expected:?}, got {got:?}"));
        }
    }
    (n, failures)
}

#[test]
fn fixtures_match_cpython() {
    let (n, failures) = check_file(include_str!("fixtures.txt"));
    assert!(
        failures.is_empty(),
        "{} of {n}:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}

/// `python3 scripts/gen_literal_tests.py --big DIR`, then
/// `KRAIT_LITERAL_DATA=DIR cargo test -p krait-syntax -- --ignored`.
#[test]
#[ignore]
fn big_data_matches_cpython() {
    let dir = std::env::var("KRAIT_LITERAL_DATA").expect("KRAIT_LITERAL_DATA");
    let text = std::fs::read_to_string(format!("{dir}/reprs.txt")).unwrap();
    let (n, failures) = check_file(&text);
    assert!(
        failures.is_empty(),
        "{} of {n}:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
    eprintln!("{n} reprs match");
}

#[test]
fn digits_of_ryu_layouts() {
    assert_eq!(shortest_digits("1e16"), (b"1".to_vec(), 17));
    assert_eq!(shortest_digits("0.0001"), (b"1".to_vec(), -3));
    assert_eq!(shortest_digits("123.45"), (b"12345".to_vec(), 3));
    assert_eq!(shortest_digits("1.5e-7"), (b"15".to_vec(), -6));
    assert_eq!(shortest_digits("100.0"), (b"1".to_vec(), 3));
}
