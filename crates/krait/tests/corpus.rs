//! The differential corpus: every `tests/<suite>/<name>.py` in the repository
//! (`tests/<suite>/<feature>/<name>.py` in a nested suite such as `run`) is
//! one test, named `suite::name` (`suite::feature::name`), run through the
//! built `krait` binary and compared with the committed `.expected` beside it
//! that CPython 3.11 produced (scripts/regen_expected.py; format:
//! scripts/expected_file.py).
//!
//! Invariants:
//! - Needs no python3: expectations are committed files.
//! - krait runs from the repository root with FILE = the test's path relative
//!   to it, exactly as the expectations were made; `<ROOT>` in them is the
//!   root's physical absolute path.
//! - Nothing under tests/ is silently skipped: a folder that is not a suite,
//!   a `.py` directly in a nested suite, or a folder inside a feature folder
//!   is a failing test, except a folder named `*_pkg`: a package the
//!   feature's programs import (its files are modules, not programs).
//! - Exit status, stdout and stderr must all match byte for byte.
//! - A crash is a failure whatever was expected: death by a signal, a Rust
//!   panic (exit status 101, or a panic message on stderr), or no exit within
//!   the timeout (a hang).
//!
//! - The `cli` suite is flat; krait runs each file's text as a command
//!   string, `krait -c TEXT a1 a2`, as `python3 -c TEXT a1 a2` did.
//!
//! Filter as with any cargo test: `cargo test --test corpus -- ast::`.
//! Tests named in tests/known_failures.txt (one `suite::name` a line, `#`
//! comments) are marked ignored: `-- --include-ignored` runs them too.
//! The timeout per file is `KRAIT_CORPUS_TIMEOUT` seconds (default 20);
//! `KRAIT_BIN` runs another binary instead of the one cargo built.

#[path = "corpus/diff.rs"]
mod diff;
#[path = "corpus/expected.rs"]
mod expected;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};

/// How a suite's files are laid out under `tests/<suite>/`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// `tests/<suite>/<name>.py`
    Flat,
    /// `tests/<suite>/<name>.py`, whose text krait runs as `-c TEXT a1 a2`.
    Command,
    /// `tests/<suite>/<feature>/<name>.py`
    ByFeature,
}

/// Suite name -> krait's arguments before FILE, and the layout. Must match the
/// table (SUITES, NESTED) in scripts/regen_expected.py.
const SUITES: &[(&str, &[&str], Layout)] = &[
    ("ast", &["--dump-ast"], Layout::Flat),
    ("tokens", &["--dump-tokens"], Layout::Flat),
    ("errors", &[], Layout::Flat),
    ("run", &[], Layout::ByFeature),
    ("cli", &[], Layout::Command),
];

/// The arguments after `-c TEXT` in the cli suite (CLI_ARGS in
/// scripts/regen_expected.py).
const CLI_ARGS: &[&str] = &["a1", "a2"];

/// Folders under tests/ that are not corpus suites: their own runner checks
/// them (tests/syntax_cases/: scripts/syntax_cases.py, docs/testing.md).
const NOT_SUITES: &[&str] = &["syntax_cases"];

const RUST_PANIC_EXIT: i32 = 101;

/// Rust's panic hook prints `thread '<name>' (<id>) panicked at <file>:<line>`;
/// a panic caught on another thread may end the process with another status.
fn is_panic_message(stderr: &[u8]) -> bool {
    String::from_utf8_lossy(stderr)
        .lines()
        .any(|l| l.starts_with("thread '") && l.contains(" panicked at "))
}

fn main() {
    let args = Arguments::from_args();
    let root = repo_root();
    let trials = match collect(&root) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("corpus: {e}");
            std::process::exit(1);
        }
    };
    libtest_mimic::run(&args, trials).exit();
}

fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("../..");
    // Physical path, as CPython's getcwd() saw it when making expectations.
    std::fs::canonicalize(&root).unwrap_or(root)
}

fn krait_bin() -> PathBuf {
    match std::env::var_os("KRAIT_BIN") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_BIN_EXE_krait")),
    }
}

fn timeout() -> Duration {
    let secs = std::env::var("KRAIT_CORPUS_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|&s| s > 0.0)
        .unwrap_or(20.0);
    Duration::from_secs_f64(secs)
}

/// One trial per `.py` file in each suite; a directory under tests/ that is
/// not a suite is itself a failing trial, so a typo cannot hide tests.
fn collect(root: &Path) -> Result<Vec<Trial>, String> {
    let tests = root.join("tests");
    let dirs = list_dir(&tests, "tests")?.dirs;
    let known_failures = read_known_failures(&tests)?;
    let mut trials = Vec::new();
    let mut push = |name: String, test: Box<dyn FnOnce() -> Result<(), Failed> + Send>| {
        let ignored = known_failures.contains(&name);
        trials.push(Trial::test(name, test).with_ignored_flag(ignored));
    };
    for dir in dirs {
        if NOT_SUITES.contains(&dir.as_str()) {
            continue;
        }
        let Some(&(suite, flags, layout)) = SUITES.iter().find(|s| s.0 == dir) else {
            let known: Vec<&str> = SUITES.iter().map(|s| s.0).collect();
            let msg = format!("tests/{dir}/ is not a suite (known: {})", known.join(", "));
            push(format!("{dir}::unknown_suite"), Box::new(move || Err(msg.into())));
            continue;
        };
        // (path under tests/<suite>/ without `.py`, test name)
        let mut files: Vec<(String, String)> = Vec::new();
        let listing = list_dir(&tests.join(suite), &format!("tests/{suite}"))?;
        match layout {
            Layout::Flat | Layout::Command => {
                files.extend(
                    listing.py_stems.into_iter().map(|n| (n.clone(), format!("{suite}::{n}"))),
                );
            }
            Layout::ByFeature => {
                for stem in listing.py_stems {
                    let msg = format!(
                        "tests/{suite}/{stem}.py: a {suite} test belongs in a feature folder, \
                         tests/{suite}/<feature>/{stem}.py"
                    );
                    push(format!("{suite}::{stem}"), Box::new(move || Err(msg.into())));
                }
                for feature in listing.dirs {
                    let inner = list_dir(
                        &tests.join(suite).join(&feature),
                        &format!("tests/{suite}/{feature}"),
                    )?;
                    for sub in inner.dirs.into_iter().filter(|d| !d.ends_with("_pkg")) {
                        let msg = format!(
                            "tests/{suite}/{feature}/{sub}/: feature folders hold only tests, \
                             no folders"
                        );
                        push(
                            format!("{suite}::{feature}::{sub}"),
                            Box::new(move || Err(msg.into())),
                        );
                    }
                    files.extend(
                        inner.py_stems.into_iter().map(|n| {
                            (format!("{feature}/{n}"), format!("{suite}::{feature}::{n}"))
                        }),
                    );
                }
            }
        }
        for (path, test_name) in files {
            let root = root.to_path_buf();
            let command = layout == Layout::Command;
            push(test_name, Box::new(move || run_one(&root, suite, flags, &path, command)));
        }
    }
    Ok(trials)
}

/// A folder's sub-folders and the stems of its `.py` files, each sorted.
struct Listing {
    dirs: Vec<String>,
    py_stems: Vec<String>,
}

fn list_dir(dir: &Path, shown: &str) -> Result<Listing, String> {
    let mut listing = Listing { dirs: Vec::new(), py_stems: Vec::new() };
    for entry in std::fs::read_dir(dir).map_err(|e| format!("cannot read {shown}: {e}"))? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().map(|t| t.is_dir()).unwrap_or(false) {
            // python3 leaves one beside a test that imports a sibling module.
            if name != "__pycache__" {
                listing.dirs.push(name);
            }
        } else if let Some(stem) = name.strip_suffix(".py") {
            listing.py_stems.push(stem.to_string());
        }
    }
    listing.dirs.sort();
    listing.py_stems.sort();
    Ok(listing)
}

fn read_known_failures(tests: &Path) -> Result<std::collections::HashSet<String>, String> {
    let path = tests.join("known_failures.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Default::default()),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

/// `name` is the path under `tests/<suite>/` without `.py` (`feature/name` in
/// a nested suite).
fn run_one(root: &Path, suite: &str, flags: &[&str], name: &str, command: bool) -> Result<(), Failed> {
    let rel = format!("tests/{suite}/{name}.py");
    let exp_path = root.join(format!("tests/{suite}/{name}.expected"));
    let data = std::fs::read(&exp_path).map_err(|e| {
        format!(
            "{rel}: cannot read {}: {e} (run scripts/regen_expected.py {rel})",
            exp_path.display()
        )
    })?;
    let exp = expected::parse(&data).map_err(|e| format!("{}: {e}", exp_path.display()))?;
    let root_bytes = root.as_os_str().as_encoded_bytes();
    let exp_stdout = expected::expand_root(&exp.stdout, root_bytes);
    let exp_stderr = expected::expand_root(&exp.stderr, root_bytes);

    let mut cmd = Command::new(krait_bin());
    // Expectations come from CPython run without PYTHON* variables
    // (scripts/regen_expected.py); Krait runs without them too.
    for (key, _) in std::env::vars_os() {
        if key.as_encoded_bytes().starts_with(b"PYTHON") {
            cmd.env_remove(&key);
        }
    }
    let invocation = if command {
        let text = std::fs::read_to_string(root.join(&rel)).map_err(|e| format!("{rel}: {e}"))?;
        cmd.arg("-c").arg(text).args(CLI_ARGS).current_dir(root);
        format!("krait -c \"$(cat {rel})\" {}", CLI_ARGS.join(" "))
    } else {
        cmd.args(flags).arg(&rel).current_dir(root);
        format!("krait {}", flags.iter().chain([&rel.as_str()]).copied().collect::<Vec<_>>().join(" "))
    };
    let limit = timeout();
    let out = run_with_timeout(cmd, limit).map_err(|e| format!("{rel}: {e}"))?;

    let Some(out) = out else {
        return Err(format!("{invocation}: no exit after {limit:?} (a hang is a failure)").into());
    };
    match out.code {
        None => {
            return Err(format!(
                "{invocation}: CRASHED, killed by {}\nstderr:\n{}",
                out.signal_desc,
                String::from_utf8_lossy(&out.stderr)
            )
            .into())
        }
        Some(code) if code == RUST_PANIC_EXIT || is_panic_message(&out.stderr) => {
            return Err(format!(
                "{invocation}: PANICKED (exit status {code})\nstderr:\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
            .into())
        }
        Some(_) => {}
    }

    let mut problems = Vec::new();
    if out.code != Some(exp.exit) {
        problems.push(format!(
            "exit status: expected {}, got {}",
            exp.exit,
            out.code.unwrap_or(-1)
        ));
    }
    if out.stdout != exp_stdout {
        problems.push(format!("stdout differs:\n{}", diff::diff(&exp_stdout, &out.stdout)));
    }
    if out.stderr != exp_stderr {
        problems.push(format!("stderr differs:\n{}", diff::diff(&exp_stderr, &out.stderr)));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{invocation}\n{}", problems.join("\n")).into())
    }
}

struct Output {
    /// `None` when a signal ended the process.
    code: Option<i32>,
    signal_desc: String,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Run `cmd` with no stdin; `Ok(None)` if it is still running after `limit`
/// (it is then killed).
fn run_with_timeout(mut cmd: Command, limit: Duration) -> Result<Option<Output>, String> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", krait_bin().display()))?;
    let mut pipe_out = child.stdout.take().expect("piped stdout");
    let mut pipe_err = child.stderr.take().expect("piped stderr");
    let reader_out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe_out.read_to_end(&mut buf);
        buf
    });
    let reader_err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe_err.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Ok(None);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(format!("waiting for krait: {e}")),
        }
    };
    let stdout = reader_out.join().unwrap_or_default();
    let stderr = reader_err.join().unwrap_or_default();
    Ok(Some(Output { code: status.code(), signal_desc: signal_desc(&status), stdout, stderr }))
}

#[cfg(unix)]
fn signal_desc(status: &std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match status.signal() {
        Some(sig) => {
            format!("signal {sig}{}", if status.core_dumped() { " (core dumped)" } else { "" })
        }
        None => String::new(),
    }
}

#[cfg(not(unix))]
fn signal_desc(status: &std::process::ExitStatus) -> String {
    format!("{status}")
}
