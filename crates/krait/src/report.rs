//! What the command prints: dumps, and CPython's syntax-error report.

use std::io::Write;
use std::process::ExitCode;

use krait_syntax::ast;
use krait_syntax::error::{Columns, SyntaxError, SyntaxErrorKind};
use krait_syntax::text::LineIndex;

pub fn strerror(e: &std::io::Error) -> String {
    // "No such file or directory (os error 2)" -> "No such file or directory"
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

pub fn dump_tokens(path: &str, bytes: &[u8]) -> ExitCode {
    crate::dump_tokens::dump_tokens(path, bytes)
}

/// `ast.dump(ast.parse(src), include_attributes=True)`; a syntax error is
/// printed as one line, `Class: msg (line L, offset O, end line EL, end
/// offset EO)`, the format `scripts/oracle_ast.py` prints for CPython.
pub fn dump_ast(_path: &str, bytes: &[u8]) -> ExitCode {
    let columns = columns_for(bytes);
    let (line, code) = match krait_syntax::source::decode_source(bytes) {
        Err(e) => (one_line_error(&e, "", columns), 1),
        Ok(source) => match krait_syntax::parser::parse_module(&source) {
            Ok(tree) => (ast::dump(&tree, &source), 0),
            Err(e) => (one_line_error(&e, &source, columns), 1),
        },
    };
    let _ = writeln!(std::io::stdout().lock(), "{line}");
    ExitCode::from(code)
}

/// CPython counts error columns in characters only for files that declare
/// their encoding.
fn columns_for(bytes: &[u8]) -> Columns {
    if krait_syntax::source::declares_encoding(bytes) {
        Columns::Chars
    } else {
        Columns::Bytes
    }
}

fn one_line_error(e: &SyntaxError, source: &str, columns: Columns) -> String {
    let lines = LineIndex::new(source);
    let loc = e.locate_in(source, &lines, columns);
    format!(
        "{}: {} (line {}, offset {}, end line {}, end offset {})",
        e.kind.name(),
        e.msg,
        loc.lineno,
        loc.offset,
        loc.end_lineno,
        loc.end_offset
    )
}

pub fn run(path: &str, bytes: &[u8]) -> ExitCode {
    let source = match krait_syntax::source::decode_source(bytes) {
        Ok(s) => s,
        Err(e) => return syntax_error(path, "", &e, columns_for(bytes)),
    };
    match krait_syntax::parser::parse_module(&source) {
        Ok(_) => {
            eprintln!("krait: the compiler and virtual machine are not built yet; {path} parsed without errors");
            ExitCode::from(2)
        }
        Err(e) => syntax_error(path, &source, &e, columns_for(bytes)),
    }
}

/// The script's name as CPython 3.11 reports it: made absolute by joining
/// the working directory, without normalising `..`.
fn script_path(path: &str) -> String {
    if path.starts_with('/') {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{}", cwd.display(), path),
        Err(_) => path.to_string(),
    }
}

/// Print a syntax error as CPython 3.11's traceback printer does, exit 1.
fn syntax_error(path: &str, source: &str, e: &SyntaxError, columns: Columns) -> ExitCode {
    let lines = LineIndex::new(source);
    let loc = e.locate_in(source, &lines, columns);
    let mut err = std::io::stderr().lock();
    if e.location == krait_syntax::error::ErrorLocation::Nowhere {
        let _ = writeln!(err, "{}: {}", e.kind.name(), e.msg);
        return ExitCode::from(1);
    }
    let _ = writeln!(err, "  File \"{}\", line {}", script_path(path), loc.lineno);
    if let Some(text) = &loc.text {
        // CPython's print_error_text: strip leading blanks, shift the offset
        // with them, and print no caret when it then points left of the text.
        let line = text.trim_end_matches(['\n', '\r']);
        let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
        let removed = (line.chars().count() - stripped.chars().count()) as isize;
        let _ = writeln!(err, "    {}", stripped);
        let len = stripped.chars().count() as isize;
        let offset = (loc.offset as isize - 1 - removed).min(len);
        if offset >= 0 {
            // IndentationError and TabError get a single caret (observed
            // with python3 3.11).
            let mut carets = 1;
            if loc.end_offset > 0 && loc.end_lineno == loc.lineno && e.kind == SyntaxErrorKind::SyntaxError {
                let end = (loc.end_offset - 1 - removed).min(len);
                carets = (end - offset).max(1);
            }
            let _ = writeln!(err, "    {}{}", " ".repeat(offset as usize), "^".repeat(carets as usize));
        }
    }
    let _ = writeln!(err, "{}: {}", e.kind.name(), e.msg);
    ExitCode::from(1)
}
