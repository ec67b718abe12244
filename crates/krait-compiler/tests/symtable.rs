//! The differential test of the symbol table: for every
//! `tests/symtable/<name>.py`, Krait's dump must equal
//! `tests/symtable/<name>.expected`, which `scripts/symtable_oracle.py
//! --regen` wrote from CPython 3.11's `symtable` module.

use std::path::{Path, PathBuf};

use krait_compiler::symtable::dump::{dump_source, same};

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/symtable");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/symtable exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
}

/// Runs every case on a thread with a large stack (as the `krait` command
/// runs), and reports all mismatches at once.
#[test]
fn symtable_matches_cpython() {
    let failures = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(|| {
            let mut failures = Vec::new();
            let all = cases();
            assert!(!all.is_empty(), "no cases in tests/symtable");
            for py in all {
                let bytes = std::fs::read(&py).expect("readable case");
                let expected = std::fs::read_to_string(py.with_extension("expected"))
                    .unwrap_or_else(|_| {
                        format!("<no {}>", py.with_extension("expected").display())
                    });
                let got = match std::panic::catch_unwind(|| dump_source(&bytes)) {
                    Ok(got) => got,
                    Err(_) => "<panic>".to_string(),
                };
                if !same(&expected, &got) {
                    failures.push(first_difference(&py, &expected, &got));
                }
            }
            failures
        })
        .expect("spawn")
        .join()
        .expect("no panic");
    assert!(
        failures.is_empty(),
        "{} case(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn first_difference(py: &Path, expected: &str, got: &str) -> String {
    let name = py
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    let i = e
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(e.len().min(g.len()));
    format!(
        "{name}: line {}\n  expected: {}\n  got:      {}",
        i + 1,
        e.get(i).copied().unwrap_or("<end>"),
        g.get(i).copied().unwrap_or("<end>")
    )
}
