//! `krait --bench-parse LISTFILE [REPEAT]`: the parser benchmark's Rust side
//! (driven by benches/parse_lib.py; hidden from the usage message).
//!
//! Invariant: only decoding and parsing are timed. Every file named in
//! LISTFILE (one path a line) is read into memory before the clock starts;
//! each of REPEAT runs (default 5) times `source::decode_source` +
//! `parser::parse_module` over all of them, and the best run is reported.
//! Output, one `key value` pair a line, for scripts to read:
//!
//!     files 1789
//!     bytes 34512345
//!     errors 0
//!     runs 5
//!     best_seconds 0.412345
//!
//! `errors` counts files that failed to decode or parse (their time still
//! counts, so a benchmark with errors is not comparable).

use std::process::ExitCode;
use std::time::Instant;

use krait_syntax::{parser, source};

const DEFAULT_REPEAT: usize = 5;

pub fn main(args: &[String]) -> ExitCode {
    let (list, repeat) = match args {
        [list] => (list, DEFAULT_REPEAT),
        [list, n] => match n.parse::<usize>() {
            Ok(n) if n > 0 => (list, n),
            _ => return usage(),
        },
        _ => return usage(),
    };
    let names = match std::fs::read_to_string(list) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("krait: can't read {list}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut files = Vec::new();
    for name in names.lines().filter(|l| !l.is_empty()) {
        match std::fs::read(name) {
            Ok(bytes) => files.push(bytes),
            Err(e) => {
                eprintln!("krait: can't read {name}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let total: usize = files.iter().map(Vec::len).sum();

    let mut best = f64::INFINITY;
    let mut errors = 0;
    for _ in 0..repeat {
        errors = 0;
        let start = Instant::now();
        for bytes in &files {
            if !parse_one(std::hint::black_box(bytes)) {
                errors += 1;
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!("files {}", files.len());
    println!("bytes {total}");
    println!("errors {errors}");
    println!("runs {repeat}");
    println!("best_seconds {best:.6}");
    ExitCode::SUCCESS
}

/// Decode and parse one file, dropping the tree (its drop is timed too, as
/// CPython's arena is freed inside its `compile`). True on success.
fn parse_one(bytes: &[u8]) -> bool {
    let Ok(text) = source::decode_source(bytes) else {
        return false;
    };
    let result = parser::parse_module(&text);
    let ok = result.is_ok();
    drop(std::hint::black_box(result));
    ok
}

fn usage() -> ExitCode {
    eprintln!("usage: krait --bench-parse LISTFILE [REPEAT]");
    ExitCode::from(2)
}
