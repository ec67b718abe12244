//! Print Krait's symbol table of each file as `scripts/symtable_oracle.py`
//! prints CPython's (used by `scripts/compare_symtable.py`).
//!
//!     cargo run -p krait-compiler --example dump_symtable -- FILE...
//!
//! Prints each file's dump; with `--headers` (first argument), each dump
//! follows a `=== FILE` line. Runs
//! on a thread with a large stack, as the `krait` command does, so deep
//! trees reach the recursion limit rather than the end of the stack.

use std::io::Write;

use krait_compiler::symtable::dump::dump_source;

const STACK_SIZE: usize = 256 * 1024 * 1024;

fn main() {
    let worker = std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn(run);
    let code = match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => 101,
    };
    std::process::exit(code);
}

fn run() -> i32 {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    let headers = files.first().is_some_and(|f| f == "--headers");
    if headers {
        files.remove(0);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut code = 0;
    for file in &files {
        if headers {
            let _ = writeln!(out, "=== {file}");
        }
        match std::fs::read(file) {
            Ok(bytes) => {
                let _ = out.write_all(dump_source(&bytes).as_bytes());
            }
            Err(e) => {
                eprintln!("dump_symtable: can't open file {file:?}: {e}");
                code = 2;
            }
        }
    }
    code
}
