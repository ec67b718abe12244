//! What the command prints: dumps, and CPython's syntax-error report.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::process::ExitCode;

use krait_syntax::ast;
use krait_syntax::error::{Columns, ErrorLocation, SyntaxError, SyntaxErrorKind};
use krait_compiler::codegen::CompileError;
use krait_syntax::tokenizer::{self, Warning};
use krait_syntax::{parser, source};
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
    // `ast.parse(bytes)`: CPython's string tokenizer.
    let (line, code) = match source::decode_string(bytes) {
        Err(e) => (one_line_error(&e, "", Columns::Bytes), 1),
        Ok(decoded) => {
            let columns = columns_for(&decoded);
            let options = tokenizer::Options { string_mode: true, ..decoded.tokenizer_options() };
            let parsed = parser::parse_module_with(&decoded.text, options);
            match parsed.result {
                Ok(tree) => (ast::dump(&tree, &decoded.text), 0),
                Err(e) => (one_line_error(&e, &decoded.text, columns), 1),
            }
        }
    };
    let _ = writeln!(std::io::stdout().lock(), "{line}");
    ExitCode::from(code)
}

/// CPython counts error columns in characters only for sources that
/// declare their encoding (a BOM or a coding declaration).
fn columns_for(decoded: &source::Decoded) -> Columns {
    if decoded.encoding.is_some() {
        Columns::Chars
    } else {
        Columns::Bytes
    }
}

/// The one-line form `--dump-ast` prints (as `scripts/oracle_ast.py` does for
/// `ast.parse`, where an error with no position has lineno 0, offset -1).
fn one_line_error(e: &SyntaxError, source: &str, columns: Columns) -> String {
    if e.location == ErrorLocation::Nowhere {
        return format!(
            "{}: {} (line 0, offset -1, end line None, end offset None)",
            e.kind.name(),
            e.msg
        );
    }
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

/// `krait FILE [ARG...]`: run the program in `bytes`, read from `path`.
pub fn run(path: &str, bytes: &[u8], argv: Vec<OsString>) -> ExitCode {
    // `python3 FILE`: CPython's file reader.
    let shown = script_path(path);
    let decoded = match source::decode_file(bytes, path) {
        Ok(d) => d,
        Err(e) => return syntax_error(&shown, "", &e, Columns::Bytes),
    };
    let options = decoded.tokenizer_options();
    run_decoded(&shown, decoded, options, argv, krait_vm::run::MainKind::Script)
}

/// `krait -c CODE [ARG...]`: run `code`, named `<string>`, as CPython runs
/// a command string (its string tokenizer; no `__file__`).
pub fn run_command(code: &str, argv: Vec<OsString>) -> ExitCode {
    let shown = "<string>";
    // The command is text already: a coding declaration in it is ignored
    // (CPython compiles it with PyCF_IGNORE_COOKIE).
    let decoded = source::Decoded { text: code.to_string(), encoding: None, cut_error: None, invalid_utf8: Vec::new() };
    let options = tokenizer::Options { string_mode: true, ..decoded.tokenizer_options() };
    run_decoded(shown, decoded, options, argv, krait_vm::run::MainKind::Command)
}

/// `krait [-] [ARG...]`: run the program read from standard input, named
/// `<stdin>` (CPython's file reader; no source lines in tracebacks).
pub fn run_stdin(bytes: &[u8], argv: Vec<OsString>) -> ExitCode {
    let shown = "<stdin>";
    let decoded = match source::decode_file(bytes, shown) {
        Ok(d) => d,
        Err(e) => return syntax_error(shown, "", &e, Columns::Bytes),
    };
    let options = decoded.tokenizer_options();
    run_decoded(shown, decoded, options, argv, krait_vm::run::MainKind::Stdin)
}

/// `-c` code that is not UTF-8: CPython's report (it decodes the command
/// line with surrogateescape, then fails to encode the code for the
/// parser).
pub fn undecodable_command(code: &OsStr) {
    let bytes = code.as_bytes();
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |s| s.len());
    let text = String::from_utf8_lossy(&bytes[..valid]);
    let position = text.chars().count();
    let _ = writeln!(
        std::io::stderr().lock(),
        "Unable to decode the command from the command line:\nUnicodeEncodeError: 'utf-8' codec can't encode character '\\udc{:02x}' in position {position}: surrogates not allowed",
        bytes[valid]
    );
}

/// `krait -m MODULE ARG...`: run the module as `__main__` through CPython's
/// `runpy._run_module_as_main`, as CPython's `pymain_run_module` does
/// (`sys.argv[0]` is '-m' until runpy sets it to the module's file).
pub fn run_module(module: &str, argv: Vec<OsString>) -> ExitCode {
    let quoted = module.replace('\\', "\\\\").replace('\'', "\\'");
    let code = format!("__import__('runpy')._run_module_as_main('{quoted}')\n");
    let decoded = match source::decode_string(code.as_bytes()) {
        Ok(d) => d,
        Err(e) => return syntax_error("<string>", "", &e, Columns::Bytes),
    };
    let options = tokenizer::Options { string_mode: true, ..decoded.tokenizer_options() };
    run_decoded("<string>", decoded, options, argv, krait_vm::run::MainKind::Module)
}

fn run_decoded(
    shown: &str,
    decoded: source::Decoded,
    options: tokenizer::Options,
    argv: Vec<OsString>,
    kind: krait_vm::run::MainKind,
) -> ExitCode {
    let path = shown;
    let columns = columns_for(&decoded);
    let parsed = parser::parse_module_with(&decoded.text, options);
    let lines = LineIndex::new(&decoded.text);
    let error_at = parsed.result.as_ref().err().and_then(|e| match e.location {
        ErrorLocation::Range(r) => Some(r.start),
        ErrorLocation::Point(at) => Some(at),
        ErrorLocation::Explicit { lineno, .. } if (1..=lines.line_count()).contains(&lineno) => {
            // The error's line: warnings on later lines were never read.
            let next = lineno + 1;
            Some(if next <= lines.line_count() { lines.line_start(next) - 1 } else { decoded.text.len() as u32 })
        }
        _ => None,
    });
    // `linecache` shows a script's line; `-c` code has none to show.
    let source = matches!(kind, krait_vm::run::MainKind::Script).then_some(decoded.text.as_str());
    print_warnings(path, &decoded.text, source, &parsed.warnings, error_at);
    let tree = match parsed.result {
        Ok(tree) => tree,
        Err(e) => return syntax_error(path, &decoded.text, &e, columns),
    };
    let script = shown.to_string();
    let (compiled, warnings) = krait_compiler::codegen::compile_module_warned(&tree, &decoded.text, &script);
    krait_vm::run::print_syntax_warnings(path, &decoded.text, source, &warnings);
    let code = match compiled {
        Ok(code) => code,
        Err(CompileError::Syntax(e)) => return syntax_error(path, &decoded.text, &e, Columns::Bytes),
        Err(CompileError::Recursion) => {
            krait_vm::run::print_compile_failure("RecursionError", "maximum recursion depth exceeded during compilation");
            return ExitCode::from(1);
        }
        Err(CompileError::Unsupported(what)) => {
            krait_vm::run::print_compile_failure("NotImplementedError", &format!("Krait cannot compile yet: {what}"));
            return ExitCode::from(1);
        }
        Err(CompileError::Internal(what)) => {
            krait_vm::run::print_compile_failure("SystemError", &format!("Krait's compiler failed: {what}"));
            return ExitCode::from(1);
        }
    };
    let mut vm = krait_vm::vm::Vm::new();
    vm.argv = argv;
    ExitCode::from(krait_vm::run::run_main(&mut vm, code, kind) as u8)
}

/// The tokenizer's SyntaxWarnings (`path` is the name shown), as the
/// `warnings` module prints them
/// (`FILE:LINE: SyntaxWarning: MSG` and the stripped line), for the tokens
/// CPython read before the error, if any.
fn print_warnings(path: &str, text: &str, source: Option<&str>, warnings: &[Warning], error_at: Option<u32>) {
    // Warnings past a syntax error were never read by CPython's tokenizer.
    let read: Vec<Warning> = match error_at {
        Some(at) => warnings.iter().filter(|w| w.range.start <= at).cloned().collect(),
        None => warnings.to_vec(),
    };
    krait_vm::run::print_syntax_warnings(path, text, source, &read);
}

/// The script's name as CPython 3.11 reports it: made absolute by joining
/// the working directory, without normalising `..`.
pub fn script_path(path: &str) -> String {
    if path.starts_with('/') {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{}", cwd.display(), path),
        Err(_) => path.to_string(),
    }
}

/// Print a syntax error as CPython 3.11's traceback printer does, exit 1
/// (`path` is the name shown).
fn syntax_error(path: &str, source: &str, e: &SyntaxError, columns: Columns) -> ExitCode {
    let lines = LineIndex::new(source);
    let loc = e.locate_in(source, &lines, columns);
    let mut err = std::io::stderr().lock();
    if e.kind == SyntaxErrorKind::MemoryError {
        // CPython prints the bare class name: no traceback, no message.
        let _ = writeln!(err, "MemoryError");
        return ExitCode::from(1);
    }
    if e.location == ErrorLocation::Nowhere {
        let _ = writeln!(err, "{}: {}", e.kind.name(), e.msg);
        return ExitCode::from(1);
    }
    let _ = writeln!(err, "  File \"{}\", line {}", path, loc.lineno);
    if let Some(text) = &loc.text {
        // CPython's print_error_text: strip leading blanks, shift the offset
        // with them, and print no caret when it then points left of the text.
        let line = text.trim_end_matches(['\n', '\r']);
        let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
        let removed = (line.chars().count() - stripped.chars().count()) as isize;
        let _ = writeln!(err, "    {}", stripped);
        // Clipped to the line's length in bytes (CPython's strlen).
        let len = stripped.len() as isize;
        let offset = (loc.offset as isize - 1 - removed).min(len);
        if offset >= 0 {
            // IndentationError and TabError get a single caret (observed
            // with python3 3.11); an error running past its first line gets
            // carets to the end of it.
            let mut carets = 1;
            if loc.end_offset > 0 && e.kind == SyntaxErrorKind::SyntaxError {
                let end = if loc.end_lineno > loc.lineno { len } else { (loc.end_offset - 1 - removed).min(len) };
                carets = (end - offset).max(1);
            }
            let _ = writeln!(err, "    {}{}", " ".repeat(offset as usize), "^".repeat(carets as usize));
        }
    }
    let _ = writeln!(err, "{}: {}", e.kind.name(), e.msg);
    ExitCode::from(1)
}
