//! `from __future__ import ...`: which features a module turns on, as
//! CPython 3.11's `Python/future.c` finds them before the symbol table is
//! built.
//!
//! Invariants:
//! - Only the leading run of statements counts: an optional docstring, then
//!   `from __future__ import` statements; the first other statement ends the
//!   run, except that statements on that statement's line are still read
//!   (so `import os; from __future__ import x` is CPython's "must occur at
//!   the beginning" error here, while a future import on a later line is
//!   left to the compiler, which reports it with the statement's range).
//! - The errors are CPython's, located at the statement's start with no end
//!   (`end_offset` -1; CPython's attribute is None, printed the same way).

use krait_syntax::ast::{Constant, ExprKind, Mod, Stmt, StmtKind};
use krait_syntax::error::ErrorLocation;
use krait_syntax::{LineIndex, SyntaxError, SyntaxErrorKind};

/// `CO_FUTURE_*` bits, as `__future__.<feature>.compiler_flag` has them.
pub const CO_FUTURE_DIVISION: u32 = 0x20000;
pub const CO_FUTURE_ABSOLUTE_IMPORT: u32 = 0x40000;
pub const CO_FUTURE_WITH_STATEMENT: u32 = 0x80000;
pub const CO_FUTURE_PRINT_FUNCTION: u32 = 0x100000;
pub const CO_FUTURE_UNICODE_LITERALS: u32 = 0x200000;
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
pub const CO_FUTURE_GENERATOR_STOP: u32 = 0x800000;
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x1000000;

/// CPython's `PyFutureFeatures`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FutureFeatures {
    /// The `CO_FUTURE_*` bits of the features imported (`ff_features`);
    /// CPython ORs them into every code object's `co_flags`.
    pub features: u32,
    /// The line of the last future import (`ff_lineno`), 0 if none. The
    /// compiler rejects a `from __future__ import` on a later line.
    pub lineno: usize,
}

impl FutureFeatures {
    /// `from __future__ import annotations`: annotations are not evaluated.
    pub fn annotations(&self) -> bool {
        self.features & CO_FUTURE_ANNOTATIONS != 0
    }

    /// `from __future__ import barry_as_FLUFL`.
    pub fn barry_as_flufl(&self) -> bool {
        self.features & CO_FUTURE_BARRY_AS_BDFL != 0
    }
}

const LATE_FUTURE: &str = "from __future__ imports must occur at the beginning of the file";

/// `future_parse`: the features of `module`, or CPython's error.
pub fn parse(module: &Mod, lines: &LineIndex) -> Result<FutureFeatures, SyntaxError> {
    let mut ff = FutureFeatures::default();
    let body = match module {
        Mod::Module { body, .. } => body,
        Mod::Interactive { body } => body,
        _ => return Ok(ff),
    };
    let start = usize::from(body.first().is_some_and(is_docstring));
    let mut done = false;
    let mut prev_line = 0;
    for s in &body[start..] {
        let line = lines.line(s.range.start);
        if done && line > prev_line {
            break;
        }
        prev_line = line;
        match &s.kind {
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                ..
            } if m.as_str() == "__future__" => {
                if done {
                    // CPython passes the 0-based column here, +1 elsewhere.
                    return Err(at_column(LATE_FUTURE.to_string(), s, lines, 0));
                }
                for alias in names {
                    ff.features |= feature(alias.name.as_str(), s, lines)?;
                }
                ff.lineno = line;
            }
            _ => done = true,
        }
    }
    Ok(ff)
}

fn is_docstring(s: &Stmt) -> bool {
    matches!(&s.kind, StmtKind::Expr { value }
        if matches!(value.kind, ExprKind::Constant { value: Constant::Str(_), .. }))
}

/// `future_check_features` for one name.
fn feature(name: &str, s: &Stmt, lines: &LineIndex) -> Result<u32, SyntaxError> {
    Ok(match name {
        "nested_scopes" | "generators" | "with_statement" | "division" | "absolute_import"
        | "print_function" | "unicode_literals" | "generator_stop" => 0,
        "barry_as_FLUFL" => CO_FUTURE_BARRY_AS_BDFL,
        "annotations" => CO_FUTURE_ANNOTATIONS,
        "braces" => return Err(at_statement("not a chance".to_string(), s, lines)),
        _ => {
            return Err(at_statement(
                format!("future feature {name} is not defined"),
                s,
                lines,
            ));
        }
    })
}

/// `PyErr_SyntaxLocationObject(filename, s->lineno, s->col_offset + 1)`:
/// a byte column, no end.
fn at_statement(msg: String, s: &Stmt, lines: &LineIndex) -> SyntaxError {
    at_column(msg, s, lines, 1)
}

fn at_column(msg: String, s: &Stmt, lines: &LineIndex, plus: usize) -> SyntaxError {
    let (lineno, col) = lines.line_col(s.range.start);
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        location: ErrorLocation::Explicit {
            lineno,
            offset: col as usize + plus,
            end_lineno: lineno,
            end_offset: -1,
        },
        text: None,
    }
}
