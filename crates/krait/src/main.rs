//! The `krait` command.
//!
//! `krait [option] ... [-c cmd | -m mod | file | -] [arg] ...` runs a
//! program as `python3` does (the options: `cli`), reporting syntax errors
//! and uncaught exceptions exactly as CPython does; `--dump-tokens FILE`
//! and `--dump-ast FILE` print the token stream and the AST in CPython's
//! formats.

mod bench;
mod cli;
mod dump_tokens;
mod report;

use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU8, Ordering};

/// The usage of Krait's own tools (the interpreter's options are `cli`'s).
const USAGE: &str = "usage: krait --dump-tokens FILE | krait --dump-ast FILE | krait [option] ... [-c cmd | -m mod | file | -] [arg] ...";

/// The front end recurses on nested input (bounded by the parser's depth
/// guard); run it on a thread whose stack comfortably holds that bound.
const STACK_SIZE: usize = 256 * 1024 * 1024;

/// Which of descriptors 0, 1 and 2 the process started without (bit
/// `fd`), seen before Rust's runtime opens /dev/null on them: CPython
/// leaves them closed, and `sys.stdin` (...) is then None.
static CLOSED_STD_FDS: AtomicU8 = AtomicU8::new(0);

extern "C" fn record_closed_std_fds() {
    for fd in 0..3 {
        // SAFETY: F_GETFD on an integer descriptor reads its flags only.
        if unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1 {
            CLOSED_STD_FDS.fetch_or(1 << fd, Ordering::Relaxed);
        }
    }
}

/// Run by the C library before `main` (and before Rust's runtime start).
#[used]
#[link_section = ".init_array"]
static RECORD_CLOSED_STD_FDS: extern "C" fn() = record_closed_std_fds;

/// Close again the standard descriptors the process started without.
fn reclose_std_fds() {
    let closed = CLOSED_STD_FDS.load(Ordering::Relaxed);
    for fd in 0..3 {
        if closed & (1 << fd) != 0 {
            // SAFETY: closing the /dev/null descriptor Rust's runtime
            // opened; nothing else uses it yet.
            unsafe { libc::close(fd) };
        }
    }
}

fn main() -> ExitCode {
    reclose_std_fds();
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
    let args: Vec<OsString> = std::env::args_os().collect();
    // Krait's own tools (not CPython options), as the first argument.
    let tool = args.get(1).map(|a| a.to_string_lossy().into_owned());
    match tool.as_deref() {
        Some("--bench-parse") => {
            let rest: Vec<String> = args[2..].iter().map(|a| a.to_string_lossy().into_owned()).collect();
            return bench::main(&rest);
        }
        Some(flag @ ("--dump-tokens" | "--dump-ast")) => {
            let [_, _, path] = &args[..] else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            let path = path.to_string_lossy().into_owned();
            let bytes = match read_script(&args[0], &path) {
                Ok(b) => b,
                Err(code) => return code,
            };
            return if flag == "--dump-tokens" { report::dump_tokens(&path, &bytes) } else { report::dump_ast(&path, &bytes) };
        }
        _ => {}
    }
    let (config, action) = cli::parse(&args);
    let (program, argv) = match action {
        cli::Action::Print(text) => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            return ExitCode::SUCCESS;
        }
        cli::Action::Usage(text) => {
            let _ = std::io::stderr().lock().write_all(text.as_bytes());
            return ExitCode::from(2);
        }
        cli::Action::Fatal(text) => {
            let _ = std::io::stderr().lock().write_all(text.as_bytes());
            return ExitCode::from(1);
        }
        cli::Action::Run { program, argv } => (program, argv),
    };
    let skip_first_line = config.skip_source_first_line;
    krait_vm::config::set(config);
    match program {
        cli::Program::Command(code) => match code.into_string() {
            Ok(code) => report::run_command(&code, argv),
            Err(code) => {
                // CPython decodes the command with surrogateescape, then
                // cannot encode it back to UTF-8 for the parser.
                report::undecodable_command(&code);
                ExitCode::from(1)
            }
        },
        cli::Program::Module(module) => report::run_module(&module.to_string_lossy(), argv),
        cli::Program::Script(path) => {
            let path = path.to_string_lossy().into_owned();
            let mut bytes = match read_script(&args[0], &path) {
                Ok(b) => b,
                Err(code) => return code,
            };
            if skip_first_line {
                skip_line(&mut bytes);
            }
            report::run(&path, &bytes, argv)
        }
        cli::Program::Stdin => {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                eprintln!("{}: can't read the program from stdin: {}", args[0].to_string_lossy(), report::strerror(&e));
                return ExitCode::from(2);
            }
            if skip_first_line {
                skip_line(&mut bytes);
            }
            report::run_stdin(&bytes, argv)
        }
    }
}

/// `-x`: the first line's text goes, its newline stays (line numbers are
/// those of the file, as CPython reports them).
fn skip_line(bytes: &mut Vec<u8>) {
    let end = bytes.iter().position(|&b| b == b'\n').unwrap_or(bytes.len());
    bytes.drain(..end);
}

/// The script's bytes, or CPython's report that it cannot be opened
/// (`PROGRAM: can't open file 'ABSOLUTE PATH': [Errno N] MESSAGE`, exit 2).
fn read_script(program: &OsString, path: &str) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| {
        let errno = e.raw_os_error().unwrap_or(0);
        let shown = report::script_path(path);
        eprintln!("{}: can't open file '{}': [Errno {}] {}", program.to_string_lossy(), shown, errno, report::strerror(&e));
        ExitCode::from(2)
    })
}
