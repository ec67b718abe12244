//! Unicode tables and lookups against python3's answers
//! (scripts/gen_unicode.py).

use super::*;

fn check_table(t: &[(u32, u32)]) {
    for w in t.windows(2) {
        assert!(w[0].0 <= w[0].1 && w[0].1 + 1 < w[1].0, "{w:x?}");
    }
}

#[test]
fn tables_are_sorted_and_disjoint() {
    for t in [
        &tables::ID_START[..],
        &tables::ID_CONTINUE,
        &tables::PRINTABLE,
        &tables::NAMED,
    ] {
        check_table(t);
    }
}

#[test]
fn binary_search_agrees_with_linear_scan() {
    for t in [&tables::ID_START[..], &tables::PRINTABLE] {
        for cp in (0..0x110000).step_by(7) {
            let linear = t.iter().any(|&(a, b)| a <= cp && cp <= b);
            assert_eq!(in_ranges(t, cp), linear, "{cp:X}");
        }
    }
}

#[test]
fn ascii_fast_paths_agree_with_tables() {
    for cp in 0..0x80u32 {
        let c = char::from_u32(cp).unwrap();
        assert_eq!(is_id_start(c), in_ranges(&tables::ID_START, cp), "{cp:X}");
        assert_eq!(is_id_continue(c), in_ranges(&tables::ID_CONTINUE, cp), "{cp:X}");
        assert_eq!(is_printable(c), in_ranges(&tables::PRINTABLE, cp), "{cp:X}");
    }
}

fn check_names(text: &str) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut n = 0;
    for line in text.lines() {
        let (name, expected) = line.rsplit_once(';').unwrap();
        let expected = (expected != "-").then(|| u32::from_str_radix(expected, 16).unwrap());
        n += 1;
        let got = lookup_name(name);
        if got != expected {
            failures.push(format!("{name:?}: expected {expected:X?}, got {got:X?}"));
        }
    }
    (n, failures)
}

#[test]
fn names_sample_matches_cpython() {
    let (n, failures) = check_names(include_str!("names_sample.txt"));
    assert!(failures.is_empty(), "{} of {n}:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn names_reject_non_ascii_and_empty() {
    assert_eq!(lookup_name(""), None);
    assert_eq!(lookup_name("LATIN SMALL LETTER É"), None);
    assert_eq!(lookup_name("SNOWMAN"), Some(0x2603));
}

#[test]
fn nfkc_borrows_when_unchanged() {
    assert!(matches!(nfkc_identifier("abc"), Cow::Borrowed(_)));
    assert!(matches!(nfkc_identifier("héllo"), Cow::Borrowed(_)));
    assert_eq!(nfkc_identifier("ﬁ"), "fi");
    assert_eq!(nfkc_identifier("𝔘𝔫𝔦𝔠𝔬𝔡𝔢"), "Unicode");
}

fn data_dir() -> String {
    std::env::var("KRAIT_UNICODE_DATA")
        .expect("KRAIT_UNICODE_DATA: run `python3 scripts/gen_unicode.py --test-data DIR` first")
}

/// Every code point's properties. `python3 scripts/gen_unicode.py --test-data
/// DIR`, then `KRAIT_UNICODE_DATA=DIR cargo test -p krait-syntax -- --ignored`.
#[test]
#[ignore]
fn every_code_point_matches_cpython() {
    let text = std::fs::read_to_string(format!("{}/props.txt", data_dir())).unwrap();
    let mut n = 0;
    for line in text.lines() {
        let (cp, flags) = line.split_once(' ').unwrap();
        let cp = u32::from_str_radix(cp, 16).unwrap();
        let f = flags.as_bytes();
        assert_eq!(is_printable_cp(cp), f[2] == b'P', "printable {cp:X}");
        let props = [
            is_alpha(cp),
            is_decimal(cp),
            is_digit(cp),
            is_numeric(cp),
            is_space(cp),
            is_lowercase(cp),
            is_uppercase(cp),
            is_titlecase(cp),
            is_case_ignorable(cp),
        ];
        for (k, p) in props.iter().enumerate() {
            assert_eq!(*p, f[3 + k] == b'1', "str property {k} of {cp:X}");
        }
        if let Some(c) = char::from_u32(cp) {
            assert_eq!(is_id_start(c), f[0] == b'S', "start {cp:X}");
            assert_eq!(is_id_continue(c), f[1] == b'C', "continue {cp:X}");
            assert_eq!(is_printable(c), f[2] == b'P', "printable {cp:X}");
        } else {
            assert_eq!(&f[..2], b"--", "surrogate {cp:X}");
        }
        n += 1;
    }
    assert_eq!(n, 0x110000);
}

/// NFKC of every identifier character (after an `a`) and of random runs of
/// them, as python3 gives it.
#[test]
#[ignore]
fn nfkc_matches_cpython() {
    let text = std::fs::read_to_string(format!("{}/nfkc.txt", data_dir())).unwrap();
    let mut failures = Vec::new();
    let chars = |hex: &str| -> String {
        hex.split(' ')
            .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
            .collect()
    };
    for line in text.lines() {
        let (input, expected) = line.split_once(';').unwrap();
        let (input, expected) = (chars(input), chars(expected));
        let got = nfkc_identifier(&input).into_owned();
        if got != expected {
            failures.push(format!("{input:?}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}:\n{}", failures.len(), failures.join("\n"));
}

#[test]
#[ignore]
fn every_name_matches_cpython() {
    let text = std::fs::read_to_string(format!("{}/names.txt", data_dir())).unwrap();
    let (n, failures) = check_names(&text);
    assert!(
        failures.is_empty(),
        "{} of {n}:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}

#[test]
fn str_method_tables_are_sorted_and_disjoint() {
    for t in [
        &tables::ALPHA[..],
        &tables::DECIMAL,
        &tables::DIGIT,
        &tables::NUMERIC,
        &tables::SPACE,
        &tables::LOWERCASE,
        &tables::UPPERCASE,
        &tables::TITLECASE,
        &tables::CASE_IGNORABLE,
    ] {
        check_table(t);
    }
    assert!(tables::TITLE_SPECIAL.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(tables::FOLD_SPECIAL.windows(2).all(|w| w[0].0 < w[1].0));
}

#[test]
fn ascii_str_properties_agree_with_tables() {
    for cp in 0..0x80u32 {
        assert_eq!(is_alpha(cp), in_ranges(&tables::ALPHA, cp), "{cp:X}");
        assert_eq!(is_decimal(cp), in_ranges(&tables::DECIMAL, cp), "{cp:X}");
        assert_eq!(is_digit(cp), in_ranges(&tables::DIGIT, cp), "{cp:X}");
        assert_eq!(is_numeric(cp), in_ranges(&tables::NUMERIC, cp), "{cp:X}");
        assert_eq!(is_space(cp), in_ranges(&tables::SPACE, cp), "{cp:X}");
        assert_eq!(is_lowercase(cp), in_ranges(&tables::LOWERCASE, cp), "{cp:X}");
        assert_eq!(is_uppercase(cp), in_ranges(&tables::UPPERCASE, cp), "{cp:X}");
        assert_eq!(is_titlecase(cp), in_ranges(&tables::TITLECASE, cp), "{cp:X}");
        assert_eq!(is_case_ignorable(cp), in_ranges(&tables::CASE_IGNORABLE, cp), "{cp:X}");
    }
}

#[test]
fn case_mappings() {
    let map = |f: fn(u32, &mut Vec<u32>), c: char| -> String {
        let mut v = Vec::new();
        f(c as u32, &mut v);
        v.into_iter().map(|cp| char::from_u32(cp).unwrap()).collect()
    };
    assert_eq!(map(push_upper, 'ß'), "SS");
    assert_eq!(map(push_lower, 'İ'), "i\u{307}");
    assert_eq!(map(push_title, 'ǆ'), "ǅ");
    assert_eq!(map(push_title, 'ß'), "Ss");
    assert_eq!(map(push_fold, 'ß'), "ss");
    assert_eq!(map(push_fold, 'ς'), "σ");
    assert_eq!(map(push_fold, 'A'), "a");
}

/// Every case mapping (`upper`, `lower`, `title`, `casefold` of one
/// character) as python3 gives it.
#[test]
#[ignore]
fn every_case_mapping_matches_cpython() {
    let text = std::fs::read_to_string(format!("{}/case.txt", data_dir())).unwrap();
    let hex = |s: &str| -> Vec<u32> { s.split(' ').map(|h| u32::from_str_radix(h, 16).unwrap()).collect() };
    let mut listed = std::collections::HashSet::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.split(';').collect();
        let cp = u32::from_str_radix(parts[0], 16).unwrap();
        listed.insert(cp);
        let fs: [fn(u32, &mut Vec<u32>); 4] = [push_upper, push_lower, push_title, push_fold];
        for (k, f) in fs.iter().enumerate() {
            let mut got = Vec::new();
            f(cp, &mut got);
            assert_eq!(got, hex(parts[k + 1]), "mapping {k} of {cp:X}");
        }
    }
    for cp in (0..0x110000u32).filter(|cp| !listed.contains(cp)) {
        let fs: [fn(u32, &mut Vec<u32>); 4] = [push_upper, push_lower, push_title, push_fold];
        for f in fs {
            let mut got = Vec::new();
            f(cp, &mut got);
            assert_eq!(got, vec![cp], "{cp:X} maps to itself");
        }
    }
}
