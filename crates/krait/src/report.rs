//! What the command prints: dumps, and CPython's syntax-error report.

use std::io::Write;
use std::process::ExitCode;

use krait_syntax::ast;
use krait_syntax::error::SyntaxError;
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

pub fn dump_ast(path: &str, bytes: &[u8]) -> ExitCode {
    let source = match krait_syntax::source::decode_source(bytes) {
        Ok(s) => s,
        Err(e) => return syntax_error(path, "", &e),
    };
    match krait_syntax::parser::parse_module(&source) {
        Ok(tree) => {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{}", ast::dump(&tree, &source));
            ExitCode::SUCCESS
        }
        Err(e) => syntax_error(path, &source, &e),
    }
}

pub fn run(path: &str, bytes: &[u8]) -> ExitCode {
    let source = match krait_syntax::source::decode_source(bytes) {
        Ok(s) => s,
        Err(e) => return syntax_error(path, "", &e),
    };
    match krait_syntax::parser::parse_module(&source) {
        Ok(_) => {
            eprintln!("krait: the compiler and virtual machine are not built yet; {path} parsed without errors");
            ExitCode::from(2)
        }
        Err(e) => syntax_error(path, &source, &e),
    }
}

/// Print a syntax error as CPython 3.11's traceback printer does, exit 1.
fn syntax_error(path: &str, source: &str, e: &SyntaxError) -> ExitCode {
    let lines = LineIndex::new(source);
    let loc = e.locate(source, &lines);
    let mut err = std::io::stderr().lock();
    if e.location == krait_syntax::error::ErrorLocation::Nowhere {
        let _ = writeln!(err, "{}: {}", e.kind.name(), e.msg);
        return ExitCode::from(1);
    }
    let _ = writeln!(err, "  File \"{}\", line {}", path, loc.lineno);
    if let Some(text) = &loc.text {
        let line = text.trim_end_matches(['\n', '\r']);
        let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
        let removed = line.chars().count() - stripped.chars().count();
        let _ = writeln!(err, "    {}", stripped);
        if loc.offset >= 1 {
            let start = loc.offset.saturating_sub(1).saturating_sub(removed);
            let end = if loc.end_lineno == loc.lineno && loc.end_offset > loc.offset as isize {
                loc.end_offset as usize - 1 - removed
            } else {
                start + 1
            };
            let _ = writeln!(err, "    {}{}", " ".repeat(start), "^".repeat(end.saturating_sub(start).max(1)));
        }
    }
    let _ = writeln!(err, "{}: {}", e.kind.name(), e.msg);
    ExitCode::from(1)
}
