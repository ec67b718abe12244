//! The `krait` command.
//!
//! `krait FILE [ARG...]`, `krait -c CODE [ARG...]` and `krait -m MODULE [ARG...]` run a program, reporting syntax errors and uncaught exceptions exactly
//! as CPython does; `--dump-tokens` and `--dump-ast` print the token stream
//! and the AST in CPython's formats.

mod bench;
mod dump_tokens;
mod report;

use std::process::ExitCode;

const USAGE: &str = "usage: krait [--dump-tokens | --dump-ast] FILE | krait FILE [ARG...] | krait -c CODE [ARG...] | krait -m MODULE [ARG...]";

/// The front end recurses on nested input (bounded by the parser's depth
/// guard); run it on a thread whose stack comfortably holds that bound.
const STACK_SIZE: usize = 256 * 1024 * 1024;

fn main() -> ExitCode {
    let worker = std::thread::Builder::new().stack_size(STACK_SIZE).spawn(real_main);
    // Signals sent to the process go to the interpreter's thread, where
    // their Python handlers run.
    krait_vm::builtins::signal::leave_signals_to_other_threads();
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        // A panic is a bug; exit as Rust's own panic exit does.
        _ => ExitCode::from(101),
    }
}

fn real_main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--bench-parse") {
        return bench::main(&args[1..]);
    }
    if args.first().map(String::as_str) == Some("-c") {
        let Some(code) = args.get(1) else {
            eprintln!("Argument expected for the -c option");
            return ExitCode::from(2);
        };
        // sys.argv is ['-c', ARG...], as CPython's.
        let mut argv = vec!["-c".to_string()];
        argv.extend(args[2..].iter().cloned());
        return report::run_command(code, &argv);
    }
    if args.first().map(String::as_str) == Some("-m") {
        let Some(module) = args.get(1) else {
            eprintln!("Argument expected for the -m option");
            return ExitCode::from(2);
        };
        let mut argv = vec!["-m".to_string()];
        argv.extend(args[2..].iter().cloned());
        return report::run_module(module, &argv);
    }
    let (mode, path) = match args.as_slice() {
        [flag, path] if flag == "--dump-tokens" => (Mode::DumpTokens, path),
        [flag, path] if flag == "--dump-ast" => (Mode::DumpAst, path),
        [path, ..] if !path.starts_with('-') => (Mode::Run, path),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(0);
            eprintln!(
                "krait: can't open file '{}': [Errno {}] {}",
                path,
                errno,
                report::strerror(&e)
            );
            return ExitCode::from(2);
        }
    };
    match mode {
        Mode::DumpTokens => report::dump_tokens(path, &bytes),
        Mode::DumpAst => report::dump_ast(path, &bytes),
        Mode::Run => report::run(path, &bytes, &args),
    }
}

enum Mode {
    DumpTokens,
    DumpAst,
    Run,
}
