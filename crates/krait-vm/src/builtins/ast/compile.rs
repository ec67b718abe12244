//! What `compile()` asks of `_ast`: source -> `ast` objects
//! (`PyCF_ONLY_AST`), and `ast` objects -> a code object.
//!
//! Invariants: a tree made from objects is checked as CPython checks it
//! (`PyAST_obj2mod`'s node type for the mode, `convert`'s reading,
//! `validate`) before the compiler sees it; it is compiled with a
//! `LineIndex` made from its own positions, and a SyntaxError the compiler
//! raises for it points at those positions (`offset` is the column plus
//! one), with the line read from the named file when there is one.

use krait_syntax::ast::Mod;
use krait_syntax::error::ErrorLocation;
use krait_syntax::text::LineIndex;
use krait_syntax::tokenizer::Options;

use super::convert::{FromPy, FromPyCx, ToPy, ToPyCx};
use super::{ast_types, generated::id, TYPES};
use crate::builtins::exceptions::{exception_with_args, NOT_IMPLEMENTED_ERROR, RECURSION_ERROR, SYNTAX_ERROR, SYSTEM_ERROR};
use crate::builtins::function::new_code;
use crate::builtins::int::new_int;
use crate::builtins::singletons::none;
use crate::builtins::str::new_str;
use crate::builtins::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub const PYCF_ONLY_AST: i64 = 0x400;
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

/// `compile(text, filename, mode, PyCF_ONLY_AST)`: the tree as objects.
/// `mode` is `exec`, `eval`, `single` or `func_type`.
/// `options` may ask for type comments (`PyCF_TYPE_COMMENTS`: they fill
/// the nodes' `type_comment` and the module's `type_ignores`) and an older
/// grammar (`feature_version`).
pub fn parse_to_ast(vm: &mut Vm, text: &str, filename: &str, mode: &str, options: Options) -> PyResult<Value> {
    let parsed = krait_syntax::parser::parse_mode_with(text, mode, options);
    let tree = parsed.map_err(|e| crate::builtins::exec::syntax_error_in_mode(&e, text, filename, mode))?;
    let types = ast_types(vm)?;
    let mut c = ToPyCx::new(vm, types, LineIndex::new(text));
    tree.to_py(&mut c)
}

/// `compile(bytes, filename, mode, PyCF_ONLY_AST)`: the bytes decoded as
/// CPython's string tokenizer does (BOM, coding declaration), then parsed.
pub fn parse_bytes_to_ast(vm: &mut Vm, bytes: &[u8], filename: &str, mode: &str, options: Options) -> PyResult<Value> {
    use krait_syntax::{parser, source};
    let decoded = source::decode_string(bytes).map_err(|e| crate::builtins::exec::syntax_error(&e, "", filename))?;
    if mode != "exec" {
        return parse_to_ast(vm, &decoded.text, filename, mode, options);
    }
    let options = Options {
        string_mode: true,
        type_comments: options.type_comments,
        feature_version: options.feature_version,
        barry_as_flufl: options.barry_as_flufl,
        ..decoded.tokenizer_options()
    };
    let tree = parser::parse_module_with(&decoded.text, options)
        .result
        .map_err(|e| crate::builtins::exec::syntax_error(&e, &decoded.text, filename))?;
    let types = ast_types(vm)?;
    let mut c = ToPyCx::new(vm, types, LineIndex::new(&decoded.text));
    tree.to_py(&mut c)
}

/// Is `v` an `ast.AST` instance?
pub fn is_ast_object(vm: &Vm, v: &Value) -> bool {
    match TYPES.with(|c| c.borrow().clone()) {
        Some(t) => vm.type_of(v).is_subtype(t.types[id::AST]),
        None => false,
    }
}

/// `compile(tree, filename, mode, flags)` of an `ast` object: the tree
/// itself with `PyCF_ONLY_AST`, else a code object.
pub fn compile_ast_object(
    vm: &mut Vm,
    obj: &Value,
    filename: &str,
    mode: &str,
    flags: i64,
    options: krait_compiler::codegen::CompileOptions,
) -> PyResult<Value> {
    if flags & PYCF_ONLY_AST != 0 {
        return Ok(obj.clone());
    }
    let types = ast_types(vm)?;
    let (want, want_name) = match mode {
        "eval" => (id::Expression, "Expression"),
        "single" => (id::Interactive, "Interactive"),
        "func_type" => (id::FunctionType, "FunctionType"),
        _ => (id::Module, "Module"),
    };
    if !vm.type_of(obj).is_subtype(types.types[want]) {
        let got = vm.type_of(obj).name();
        return Err(vm.type_error(format!("expected {want_name} node, got {got}")));
    }
    let mut c = FromPyCx::new(vm, types);
    let tree = match Mod::from_py(&mut c, obj)? {
        Some(t) => t,
        None => return Err(c.vm.type_error(format!("expected {want_name} node, got NoneType"))),
    };
    let positions = std::mem::take(&mut c.positions);
    super::validate::validate(vm, &tree)?;
    let lines = LineIndex::from_positions(positions);
    let (compiled, warnings) = krait_compiler::codegen::compile_module_with(&tree, lines.clone(), filename, options);
    print_warnings(filename, &lines, &warnings);
    use krait_compiler::codegen::CompileError;
    match compiled {
        Ok(code) => Ok(new_code(code)),
        Err(CompileError::Syntax(e)) => Err(syntax_error(&e, &lines, filename)),
        Err(CompileError::Recursion) => Err(vm.error(&RECURSION_ERROR, "maximum recursion depth exceeded during compilation")),
        Err(CompileError::Unsupported(what)) => Err(vm.error(&NOT_IMPLEMENTED_ERROR, format!("Krait cannot compile yet: {what}"))),
        Err(CompileError::Internal(what)) => Err(vm.error(&SYSTEM_ERROR, format!("Krait's compiler failed: {what}"))),
    }
}

/// The compiler's SyntaxWarnings, as `run::print_syntax_warnings` prints
/// those of source text: the line from the tree's positions, the text
/// from the named file if there is one.
fn print_warnings(filename: &str, lines: &LineIndex, warnings: &[krait_syntax::tokenizer::Warning]) {
    use std::io::Write;
    if warnings.is_empty() {
        return;
    }
    let file = std::fs::read_to_string(filename).ok();
    let mut err = std::io::stderr().lock();
    for w in warnings {
        let line = lines.line(w.range.start);
        let _ = writeln!(err, "{filename}:{line}: SyntaxWarning: {}", w.msg);
        if let Some(shown) = file.as_deref().and_then(|f| f.lines().nth(line.max(1) - 1)) {
            let _ = writeln!(err, "  {}", shown.trim());
        }
    }
}

/// A SyntaxError the compiler raised for a tree without text.
fn syntax_error(e: &krait_syntax::SyntaxError, lines: &LineIndex, filename: &str) -> PyErr {
    if e.kind == krait_syntax::error::SyntaxErrorKind::MemoryError {
        return crate::builtins::exec::syntax_error(e, "", filename);
    }
    let (lineno, offset, end_lineno, end_offset) = match e.location {
        ErrorLocation::Range(r) => {
            let (l, c) = lines.line_col(r.start);
            let (el, ec) = lines.line_col(r.end);
            (l as i64, c as i64 + 1, el as i64, ec as i64 + 1)
        }
        ErrorLocation::Explicit { lineno, offset, end_lineno, end_offset } => {
            (lineno as i64, offset as i64, end_lineno as i64, end_offset as i64)
        }
        ErrorLocation::Point(c) => (1, c as i64 + 1, 1, -1),
        ErrorLocation::Nowhere => (0, 0, 0, 0),
    };
    let text = std::fs::read_to_string(filename)
        .ok()
        .and_then(|src| src.split_inclusive('\n').nth((lineno.max(1) - 1) as usize).map(new_str))
        .unwrap_or_else(none);
    let details = new_tuple(vec![
        new_str(filename),
        new_int(lineno),
        new_int(offset),
        text,
        new_int(end_lineno),
        if end_offset < 0 { none() } else { new_int(end_offset) },
    ]);
    let ty = match e.kind.name() {
        "IndentationError" => &crate::builtins::exceptions::INDENTATION_ERROR,
        "TabError" => &crate::builtins::exceptions::TAB_ERROR,
        _ => &SYNTAX_ERROR,
    };
    PyErr { exception: exception_with_args(ty, vec![new_str(&e.msg), details]) }
}
