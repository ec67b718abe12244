//! `krait --dump-tokens FILE`: what `python3 -m tokenize -e FILE` prints, byte
//! for byte, exit status included.
//!
//! That command runs CPython's pure-Python tokenizer (`Lib/tokenize.py`,
//! re-implemented in `krait_syntax::tokenizer::pytokenize`), collects every
//! token, then prints one line per token: `ROW,COL-ROW,COL:` padded to 20
//! characters, the exact token type name padded to 15, and the `repr()` of
//! the token's text padded to 15. If tokenizing fails, nothing goes to stdout
//! and the error goes to stderr as `python -m tokenize`'s `main()` words it.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use krait_syntax::pystr::PyString;
use krait_syntax::repr::str_repr;
use krait_syntax::token::TokenKind;
use krait_syntax::tokenizer::pytokenize::{tokenize_py, PyTokenKind, PyTokenizeError};

pub fn dump_tokens(path: &str, bytes: &[u8]) -> ExitCode {
    match tokenize_py(bytes, path) {
        Ok(tokens) => {
            let mut out = String::with_capacity(tokens.len() * 56);
            for t in &tokens {
                let range = format!("{},{}-{},{}:", t.start.0, t.start.1, t.end.0, t.end.1);
                // `-e`: an operator's exact type.
                let name = match t.kind {
                    PyTokenKind::Op => TokenKind::operator(&t.string).map_or("OP", |k| k.name()),
                    kind => kind.name(),
                };
                let mut s = PyString::new();
                s.push_str(&t.string);
                let repr = str_repr(&s);
                let _ = writeln!(out, "{}{}{}", pad(&range, 20), pad(name, 15), pad(&repr, 15));
            }
            let mut stdout = std::io::stdout().lock();
            if stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()).is_err() {
                return ExitCode::from(120);
            }
            ExitCode::SUCCESS
        }
        Err(PyTokenizeError::Encoding(msg)) => fail(&format!("{path}: error: {msg}\n")),
        Err(PyTokenizeError::Located { msg, row, col }) => {
            fail(&format!("{path}:{row}:{col}: error: {msg}\n"))
        }
        Err(PyTokenizeError::Decode(msg)) => {
            // `main()` reports it as an unexpected error and re-raises it:
            // the interpreter then prints the traceback.
            let lib = cpython_lib();
            let tokenize_py = format!("{lib}/tokenize.py");
            fail(&format!(
                "unexpected error: {msg}\n\
                 Traceback (most recent call last):\n  \
                 File \"<frozen runpy>\", line 198, in _run_module_as_main\n  \
                 File \"<frozen runpy>\", line 88, in _run_code\n  \
                 File \"{tokenize_py}\", line 694, in <module>\n    \
                 main()\n  \
                 File \"{tokenize_py}\", line 656, in main\n    \
                 tokens = list(tokenize(f.readline))\n             \
                 ^^^^^^^^^^^^^^^^^^^^^^^^^^\n  \
                 File \"{tokenize_py}\", line 459, in _tokenize\n    \
                 line = line.decode(encoding)\n           \
                 ^^^^^^^^^^^^^^^^^^^^^\n\
                 UnicodeDecodeError: {msg}\n"
            ))
        }
    }
}

/// `%-Ns`: left-justified in `width` characters.
fn pad(s: &str, width: usize) -> String {
    let len = s.chars().count();
    let mut out = String::with_capacity(s.len() + width.saturating_sub(len));
    out.push_str(s);
    for _ in len..width {
        out.push(' ');
    }
    out
}

fn fail(msg: &str) -> ExitCode {
    let _ = std::io::stderr().lock().write_all(msg.as_bytes());
    ExitCode::from(1)
}

/// Where CPython 3.11's `Lib` is, for the file names of a traceback through
/// `tokenize.py` ($KRAIT_CPYTHON_LIB, else the usual places).
fn cpython_lib() -> String {
    if let Ok(dir) = std::env::var("KRAIT_CPYTHON_LIB") {
        return dir;
    }
    let mut candidates = vec!["/usr/lib/python3.11".to_string(), "/usr/local/lib/python3.11".to_string()];
    if let Ok(home) = std::env::var("HOME") {
        if let Ok(entries) = std::fs::read_dir(format!("{home}/.pyenv/versions")) {
            let mut versions: Vec<_> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|v| v.starts_with("3.11"))
                .collect();
            versions.sort();
            for v in versions.into_iter().rev() {
                candidates.insert(0, format!("{home}/.pyenv/versions/{v}/lib/python3.11"));
            }
        }
    }
    candidates
        .into_iter()
        .find(|dir| std::path::Path::new(&format!("{dir}/tokenize.py")).exists())
        .unwrap_or_else(|| "/usr/lib/python3.11".into())
}
