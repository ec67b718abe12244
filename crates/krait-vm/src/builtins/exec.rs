//! `compile()`, `exec()` and `eval()`: the front end and compiler at run
//! time.
//!
//! Invariants:
//! - Source text goes through the same decoding, parser and compiler as a
//!   script (`compile(source, filename, mode)` with CPython's three
//!   modes); a syntax error becomes a SyntaxError whose `args` are
//!   `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`.
//! - `exec`/`eval` run a code object with explicit globals and locals
//!   (any mapping); a globals dict without `__builtins__` gets the
//!   caller's builtins dict, and the code sees the builtins its globals'
//!   `__builtins__` names, as in CPython. Without arguments they use the
//!   caller's namespaces. Bytes source is decoded as CPython's string
//!   tokenizer does.
//!
//! - `compile()` hands `ast` trees and `PyCF_ONLY_AST` to `builtins::ast`.
//!
//! - Future features pass on as in CPython: `compile()` takes them from
//!   `flags` and, unless `dont_inherit`, from the calling code's
//!   `co_flags`; `exec`/`eval` of a string inherit the caller's.
//!   `optimize` 1 and 2 leave out asserts (and docstrings).
//!
//! - `barry_as_FLUFL` (PEP 401) is a parser option; with
//!   `PyCF_ALLOW_TOP_LEVEL_AWAIT` a module may await and compiles to a
//!   coroutine's code. The Python 2 futures are accepted and do nothing.

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::{exception_with_args, NOT_IMPLEMENTED_ERROR, SYNTAX_ERROR};
use crate::builtins::function::{as_code, new_code};
use crate::builtins::int::new_int;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, as_str_data, new_str};
use crate::builtins::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use krait_compiler::codegen::CompileOptions;

/// CPython's `PyCF_MASK`: the `__future__` features a code object carries
/// in `co_flags` and `compile()` accepts in `flags`.
const FUTURE_MASK: i64 = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000;
/// `CO_FUTURE_BARRY_AS_BDFL` (`<>` for `!=`): the parser's option.
const BARRY_AS_BDFL: i64 = 0x400000;
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`.
const ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

/// The future features of the code calling a built-in (what `exec`,
/// `eval` and `compile` without `dont_inherit` pass on).
fn caller_features(vm: &Vm) -> u32 {
    vm.frames.last().and_then(|f| as_code(&f.code)).map_or(0, |c| c.co.co_flags & FUTURE_MASK as u32)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Exec,
    Eval,
    Single,
}

/// A SyntaxError for `e` in `text` (the file `filename`), with CPython's
/// `args`.
pub fn syntax_error(e: &krait_syntax::SyntaxError, text: &str, filename: &str) -> PyErr {
    syntax_error_with(e, text, filename, true)
}

/// As `syntax_error`, for source compiled in `mode`: outside `exec` mode
/// CPython's tokenizer adds no newline to the source, so the error's line
/// keeps none, and an error at the very end has columns 0.
pub fn syntax_error_in_mode(e: &krait_syntax::SyntaxError, text: &str, filename: &str, mode: &str) -> PyErr {
    let exec_input = mode == "exec" || text.ends_with('\n') || text.ends_with('\r');
    build_syntax_error(e, text, filename, true, exec_input)
}

/// As `syntax_error`; `from_parser` false for the compiler's own errors,
/// whose line CPython reads from the file named (None if there is none).
fn syntax_error_with(e: &krait_syntax::SyntaxError, text: &str, filename: &str, from_parser: bool) -> PyErr {
    build_syntax_error(e, text, filename, from_parser, true)
}

/// `exec_input`: the source ends with a newline, or CPython's tokenizer
/// gives it one (`exec` mode).
fn build_syntax_error(e: &krait_syntax::SyntaxError, text: &str, filename: &str, from_parser: bool, exec_input: bool) -> PyErr {
    if e.kind == krait_syntax::error::SyntaxErrorKind::MemoryError {
        return PyErr { exception: exception_with_args(&crate::builtins::exceptions::MEMORY_ERROR, vec![]) };
    }
    let ty = match e.kind.name() {
        "IndentationError" => &crate::builtins::exceptions::INDENTATION_ERROR,
        "TabError" => &crate::builtins::exceptions::TAB_ERROR,
        _ => &SYNTAX_ERROR,
    };
    if e.location == krait_syntax::error::ErrorLocation::Nowhere {
        // An error of the source as a whole (its encoding): CPython's
        // location is line 0, offset -1, and nothing else.
        let details = new_tuple(vec![new_str(filename), new_int(0), new_int(-1), none()]);
        return PyErr { exception: exception_with_args(ty, vec![new_str(&e.msg), details]) };
    }
    let lines = krait_syntax::text::LineIndex::new(text);
    let loc = e.locate_in(text, &lines, krait_syntax::error::Columns::Chars);
    let line_text = if from_parser {
        // The string tokenizer sees the source with a final newline in
        // exec mode, as it is otherwise.
        // A text of its own (the tokenizer's errors) is kept as it is.
        let with_newline = |t: &str| if t.ends_with('\n') || !exec_input || e.text.is_some() { new_str(t) } else { new_str(&format!("{t}\n")) };
        loc.text.as_deref().map_or_else(none, with_newline)
    } else {
        std::fs::read_to_string(filename)
            .ok()
            .and_then(|src| src.split_inclusive('\n').nth(loc.lineno.saturating_sub(1)).map(new_str))
            .unwrap_or_else(none)
    };
    // Without that newline, an error at the very end has no columns.
    let at_end = !exec_input && matches!(e.location, krait_syntax::error::ErrorLocation::Range(r) if r.start as usize >= text.len());
    let (offset, end_offset) = if at_end { (0, 0) } else { (loc.offset as i64, loc.end_offset as i64) };
    let details = new_tuple(vec![
        new_str(filename),
        new_int(loc.lineno as i64),
        new_int(offset),
        line_text,
        new_int(loc.end_lineno as i64),
        // The parser reports a missing end column as -1, the compiler as None.
        if end_offset < 0 && !from_parser { none() } else { new_int(end_offset) },
    ]);
    PyErr { exception: exception_with_args(ty, vec![new_str(&e.msg), details]) }
}

/// A warning met compiling `text`, issued through `warnings.warn_explicit`
/// at its line; one the filters turn into an exception of its category
/// becomes a SyntaxError there (CPython's `warn_invalid_escape_sequence`
/// and `compiler_warn`). `from_parser`: located as the parser's errors.
fn warn_compile(
    vm: &mut Vm,
    category: &'static crate::types::TypeObject,
    w: &krait_syntax::tokenizer::Warning,
    text: &str,
    filename: &str,
    from_parser: bool,
) -> PyResult<()> {
    let lineno = krait_syntax::text::LineIndex::new(text).line(w.range.start);
    let warnings = crate::import::import_module(vm, "warnings")?;
    let warn = crate::ops::getattr(vm, &warnings, &new_str("warn_explicit"))?;
    let args = [new_str(&w.msg), crate::types::type_value(category), new_str(filename), new_int(lineno as i64)];
    match crate::eval::call(vm, &warn, &args, &[]) {
        Ok(_) => Ok(()),
        Err(e) if vm.type_of(&e.exception).is_subtype(category) => {
            let err = krait_syntax::SyntaxError::syntax(w.msg.clone(), w.range);
            Err(syntax_error_with(&err, text, filename, from_parser))
        }
        Err(e) => Err(e),
    }
}

/// Compile `text` as `mode` to a code object.
/// `tokens`: how to tokenize (type comments, `_feature_version`).
fn compile_text(vm: &mut Vm, text: &str, filename: &str, mode: Mode, options: CompileOptions, tokens: krait_syntax::tokenizer::Options) -> PyResult<Value> {
    use krait_compiler::codegen::CompileError;
    use krait_syntax::parser::StartRule;
    let rule = match mode {
        Mode::Exec => StartRule::File,
        Mode::Eval => StartRule::Eval,
        Mode::Single => StartRule::Interactive,
    };
    let parsed = krait_syntax::parser::parse_with(text, rule, tokens);
    // The tokenizer's SyntaxWarnings ("invalid decimal literal") and the
    // literals' DeprecationWarnings (invalid escapes), as CPython 3.11
    // issues them: in source order; after a syntax error only those the
    // parser met before it.
    use crate::builtins::exceptions::{DEPRECATION_WARNING, SYNTAX_WARNING};
    // Turned into an error, a tokenizer warning's offset counts the
    // characters before the tokenizer's position (its `syntaxerror`), so it
    // stands one character (an ASCII one: the number's last) earlier.
    let at_last_char = |mut w: krait_syntax::tokenizer::Warning| {
        w.range = krait_syntax::text::TextRange::empty(w.range.start.saturating_sub(1));
        (&SYNTAX_WARNING, w)
    };
    let mut early: Vec<_> = parsed.warnings.into_iter().map(at_last_char).collect();
    early.extend(parsed.escape_warnings.into_iter().map(|w| (&DEPRECATION_WARNING, w)));
    early.sort_by_key(|(_, w)| w.range.start);
    let error_at = parsed.result.as_ref().err().map(|e| match e.location {
        krait_syntax::error::ErrorLocation::Range(r) => r.start,
        krait_syntax::error::ErrorLocation::Point(at) => at,
        _ => u32::MAX,
    });
    for (category, w) in early.iter().filter(|(_, w)| match error_at {
        Some(at) => w.range.start < at,
        None => true,
    }) {
        warn_compile(vm, category, w, text, filename, true)?;
    }
    let mode_name = match mode {
        Mode::Exec => "exec",
        Mode::Eval => "eval",
        Mode::Single => "single",
    };
    let tree = parsed.result.map_err(|e| syntax_error_in_mode(&e, text, filename, mode_name))?;
    let lines = krait_syntax::text::LineIndex::new(text);
    let (compiled, warnings) = krait_compiler::codegen::compile_module_with(&tree, lines, filename, options);
    for w in &warnings {
        warn_compile(vm, &crate::builtins::exceptions::SYNTAX_WARNING, w, text, filename, false)?;
    }
    match compiled {
        Ok(code) => Ok(new_code(code)),
        Err(CompileError::Syntax(e)) => Err(syntax_error_with(&e, text, filename, false)),
        Err(CompileError::Recursion) => Err(vm.error(
            &crate::builtins::exceptions::RECURSION_ERROR,
            "maximum recursion depth exceeded during compilation",
        )),
        Err(CompileError::Unsupported(what)) => {
            Err(vm.error(&NOT_IMPLEMENTED_ERROR, format!("Krait cannot compile yet: {what}")))
        }
        Err(CompileError::Internal(what)) => Err(vm.error(
            &crate::builtins::exceptions::SYSTEM_ERROR,
            format!("Krait's compiler failed: {what}"),
        )),
    }
}

/// The text of a `source` argument (a str; bytes arrive with the bytes
/// type), and how to tokenize it: bytes that are not UTF-8 are read as
/// CPython's string tokenizer reads them (`tokens` gains the invalid runs).
fn source_text(vm: &mut Vm, source: &Value, what: &str, filename: &str, tokens: &mut krait_syntax::tokenizer::Options) -> PyResult<String> {
    if as_str_data(source).is_some() {
        return match as_str(source) {
            Some(s) if s.contains('\0') => Err(vm.error(&SYNTAX_ERROR, "source code string cannot contain null bytes")),
            Some(s) => Ok(s.to_string()),
            // Lone surrogates: the source is encoded to UTF-8 first, as
            // CPython does, which fails with its UnicodeEncodeError.
            None => {
                let data = as_str_data(source).expect("a str");
                crate::builtins::codecs::unicode::encode_utf8(vm, data, "strict")?;
                Err(vm.error(&crate::builtins::exceptions::SYSTEM_ERROR, "source text that is neither text nor surrogates"))
            }
        };
    }
    if let Some(buf) = crate::builtins::bytes::as_buffer(source) {
        // Bytes are decoded as CPython's string tokenizer does (a BOM, a
        // coding declaration, else UTF-8).
        let bytes = buf.to_vec();
        if bytes.contains(&0) {
            return Err(vm.error(&SYNTAX_ERROR, "source code string cannot contain null bytes"));
        }
        let decoded = match krait_syntax::source::decode_string(&bytes) {
            Ok(d) => d,
            Err(e) => return Err(syntax_error(&e, &String::from_utf8_lossy(&bytes), filename)),
        };
        if let Some(e) = &decoded.cut_error {
            // The string tokenizer has the whole line the error is on (its
            // text as read with replacement characters).
            let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
            return Err(syntax_error(e, &String::from_utf8_lossy(body), filename));
        }
        if !decoded.invalid_utf8.is_empty() {
            *tokens = krait_syntax::tokenizer::Options {
                string_mode: true,
                type_comments: tokens.type_comments,
                feature_version: tokens.feature_version,
                ..decoded.tokenizer_options()
            };
        }
        return Ok(decoded.text);
    }
    let kind = if what == "compile" { "AST" } else { "code" };
    let msg = format!("{what}() arg 1 must be a string, bytes or {kind} object");
    Err(vm.type_error(msg))
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn compile(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"];
    let slots = bind(vm, "compile", &names, args, kwnames)?;
    let (Some(source), Some(filename), Some(mode)) = (&slots[0], &slots[1], &slots[2]) else {
        let missing = names[slots.iter().position(Option::is_none).unwrap_or(0)];
        let pos = slots.iter().position(Option::is_none).unwrap_or(0) + 1;
        return Err(vm.type_error(format!("compile() missing required argument '{missing}' (pos {pos})")));
    };
    use crate::builtins::ast::{PYCF_ONLY_AST, PYCF_TYPE_COMMENTS};
    let flags = c_int_arg(vm, slots[3].as_ref(), 0)?;
    let dont_inherit = match &slots[4] {
        Some(v) => c_int_arg(vm, Some(v), 0)? != 0,
        None => false,
    };
    let optimize = c_int_arg(vm, slots[5].as_ref(), -1)?;
    // `ast.parse(feature_version=(3, N))` passes N; -1 is 3.11's grammar.
    let feature_version = match c_int_arg(vm, slots[6].as_ref(), -1)? {
        v if v < 0 || flags & PYCF_ONLY_AST == 0 => None,
        v => Some(v as u32),
    };
    // CPython's PyCF_MASK (the __future__ flags), CO_NESTED and
    // PyCF_COMPILE_MASK; the futures of Python 2 are no-ops.
    const KNOWN: i64 = FUTURE_MASK | 0x10 | PYCF_ONLY_AST | PYCF_TYPE_COMMENTS | 0x200 | ALLOW_TOP_LEVEL_AWAIT | 0x4000;
    if flags & !KNOWN != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(vm.value_error("compile(): invalid optimize value"));
    }
    let inherited = if dont_inherit { 0 } else { caller_features(vm) };
    let options = CompileOptions {
        features: (flags & FUTURE_MASK) as u32 | inherited,
        // -1: the interpreter's own level (sys.flags.optimize), 0 for Krait.
        optimize: optimize.max(0) as u8,
        top_level_await: flags & ALLOW_TOP_LEVEL_AWAIT != 0,
    };
    let Some(filename) = as_str(filename).map(str::to_string) else {
        let msg = format!("compile() argument 'filename' must be str, not {}", vm.type_of(filename).name());
        return Err(vm.type_error(msg));
    };
    let mode_name = as_str(mode).unwrap_or("").to_string();
    let mode = match mode_name.as_str() {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" if flags & PYCF_ONLY_AST == 0 => {
            return Err(vm.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"))
        }
        "func_type" => Mode::Exec,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if as_code(source).is_some() {
        return Ok(source.clone());
    }
    if crate::builtins::ast::is_ast_object(vm, source) {
        return crate::builtins::ast::compile_ast_object(vm, source, &filename, &mode_name, flags, options);
    }
    let mut tokens = krait_syntax::tokenizer::Options {
        type_comments: flags & PYCF_TYPE_COMMENTS != 0,
        feature_version,
        barry_as_flufl: options.features & BARRY_AS_BDFL as u32 != 0,
        ..Default::default()
    };
    if flags & PYCF_ONLY_AST != 0 {
        if let Some(b) = crate::builtins::bytes::as_bytes(source) {
            return crate::builtins::ast::parse_bytes_to_ast(vm, b, &filename, &mode_name, tokens);
        }
    }
    let text = source_text(vm, source, "compile", &filename, &mut tokens)?;
    if flags & PYCF_ONLY_AST != 0 {
        return crate::builtins::ast::parse_to_ast(vm, &text, &filename, &mode_name, tokens);
    }
    // With type comments, a misplaced one is a syntax error; the code
    // compiled is the same without them.
    compile_text(vm, &text, &filename, mode, options, tokens)
}

/// An int argument CPython converts to a C int (`flags`, `dont_inherit`,
/// `optimize`): TypeError for a non-integer, OverflowError beyond 32 bits.
fn c_int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    let Some(v) = v else { return Ok(default) };
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    match crate::builtins::int::int_of(&i) {
        Some(crate::builtins::int::Int::Small(n)) if i32::try_from(n).is_ok() => Ok(n),
        _ => Err(vm.error(&crate::builtins::exceptions::OVERFLOW_ERROR, "Python int too large to convert to C int")),
    }
}

/// Bind a built-in's arguments to `names` (positional, then keyword).
fn bind(vm: &mut Vm, func: &str, names: &[&str], args: &[Value], kwnames: &[Value]) -> PyResult<Vec<Option<Value>>> {
    let npos = args.len() - kwnames.len();
    if npos > names.len() {
        return Err(vm.type_error(format!("{func}() takes at most {} arguments ({npos} given)", names.len())));
    }
    let mut slots: Vec<Option<Value>> = vec![None; names.len()];
    for (i, a) in args[..npos].iter().enumerate() {
        slots[i] = Some(a.clone());
    }
    // A parameter given both ways: the first in parameter order (as
    // Argument Clinic's parser checks).
    for (i, n) in names.iter().enumerate().take(npos) {
        if kwnames.iter().any(|k| as_str(k) == Some(n)) {
            return Err(vm.type_error(format!("argument for {func}() given by name ('{n}') and position ({})", i + 1)));
        }
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let k = as_str(k).unwrap_or("");
        match names.iter().position(|n| *n == k) {
            Some(i) => slots[i] = Some(v.clone()),
            None => return Err(vm.type_error(format!("{func}() got an unexpected keyword argument '{k}'"))),
        }
    }
    Ok(slots)
}

/// The namespaces `exec`/`eval` run in: the given ones, else the caller's.
fn namespaces(vm: &mut Vm, func: &str, globals: Option<&Value>, locals: Option<&Value>) -> PyResult<(Value, Value)> {
    let globals = globals.filter(|g| !is_none(g)).cloned();
    let locals = locals.filter(|l| !is_none(l)).cloned();
    if let Some(g) = &globals {
        if as_dict(g).is_none() {
            let msg = if func == "exec" {
                format!("exec() globals must be a dict, not {}", vm.type_of(g).name())
            } else {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            };
            return Err(vm.type_error(msg));
        }
    }
    if let Some(l) = &locals {
        // CPython's `PyMapping_Check`: anything subscriptable.
        if vm.type_of(l).getitem.is_none() {
            let msg = if func == "exec" {
                format!("locals must be a mapping or None, not {}", vm.type_of(l).name())
            } else {
                "locals must be a mapping".to_string()
            };
            return Err(vm.type_error(msg));
        }
    }
    let (globals, locals) = match (globals, locals) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g.clone(), g),
        (None, l) => {
            let g = crate::eval::current_globals(vm).unwrap_or_else(new_dict);
            let l = match l {
                Some(l) => l,
                None => crate::eval::current_locals(vm)?,
            };
            (g, l)
        }
    };
    let gd = as_dict(&globals).expect("checked above");
    if gd.get_str(&new_str("__builtins__")).is_none() {
        // CPython's `PyEval_GetBuiltins()`: the running frame's builtins
        // dict.
        let b = match vm.frames.last() {
            Some(f) if !f.builtins.is_null() => f.builtins.clone(),
            _ => vm.builtins()?,
        };
        gd.set(vm, new_str("__builtins__"), b)?;
    }
    Ok((globals, locals))
}

/// The builtins code run in `globals` sees (CPython's
/// `_PyEval_BuiltinsFromGlobals`): its `__builtins__` (a module's dict, any
/// other object as it is); the interpreter's otherwise.
pub(crate) fn builtins_of(vm: &mut Vm, globals: &Value) -> PyResult<Value> {
    let found = as_dict(globals).and_then(|g| g.get_str(&new_str("__builtins__")));
    match found {
        // Any other object is used as it is: looking a name up in it is
        // `__getitem__` (so `{'__builtins__': 123}` fails with "'int'
        // object is not subscriptable", as in CPython).
        Some(b) => Ok(crate::builtins::function::as_module(&b).map_or(b.clone(), |m| m.dict.clone())),
        None => vm.builtins(),
    }
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)` and
/// `eval(source, globals=None, locals=None, /)`.
fn run(vm: &mut Vm, func: &str, args: &[Value], kwnames: &[Value], mode: Mode) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if mode != Mode::Eval {
        if args.len() > 4 {
            return Err(vm.type_error(format!("exec() takes at most 4 arguments ({} given)", args.len())));
        }
        if npos == 0 {
            return Err(vm.type_error("exec() takes at least 1 positional argument (0 given)"));
        }
    }
    let mut closure: Option<Value> = None;
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match (mode, as_str(k)) {
            (Mode::Eval, _) => return Err(vm.type_error("eval() takes no keyword arguments")),
            (_, Some("closure")) => closure = Some(v.clone()).filter(|c| !is_none(c)),
            (_, k) => return Err(vm.type_error(format!("'{}' is an invalid keyword argument for exec()", k.unwrap_or("")))),
        }
    }
    let positional = &args[..npos];
    match (mode, npos) {
        (Mode::Eval, 0) => return Err(vm.type_error("eval expected at least 1 argument, got 0")),
        (Mode::Eval, n) if n > 3 => return Err(vm.type_error(format!("eval expected at most 3 arguments, got {n}"))),
        (_, 0) => return Err(vm.type_error("exec() takes at least 1 positional argument (0 given)")),
        (_, n) if n > 3 => return Err(vm.type_error(format!("exec() takes at most 3 positional arguments ({n} given)"))),
        _ => {}
    }
    let source = positional[0].clone();
    let (globals, locals) = namespaces(vm, func, positional.get(1), positional.get(2))?;
    let code = if let Some(c) = as_code(&source) {
        let nfree = c.co.co_freevars.len();
        if nfree == 0 && closure.is_some() {
            return Err(vm.type_error("cannot use a closure with this code object"));
        }
        if nfree > 0 {
            if mode == Mode::Eval {
                return Err(vm.type_error("code object passed to eval() may not contain free variables"));
            }
            let cells_ok = closure.as_ref().and_then(crate::builtins::tuple::as_tuple).is_some_and(|t| {
                std::ptr::eq(vm.type_of(closure.as_ref().expect("a closure")), &crate::builtins::tuple::TUPLE_TYPE)
                    && t.items.len() == nfree
                    && t.items.iter().all(|c| crate::builtins::function::as_cell(c).is_some())
            });
            if !cells_ok {
                return Err(vm.type_error(format!("code object requires a closure of exactly length {nfree}")));
            }
            return run_as_function(vm, source, globals, closure.expect("checked"));
        }
        if c.co.co_argcount + c.co.co_kwonlyargcount > 0 || c.co.co_flags & 0xC != 0 {
            // A function's code: bound as a call with no arguments, as
            // CPython's PyEval_EvalCode does (so the missing ones are a
            // TypeError, and `*args` is empty).
            return run_as_function(vm, source, globals, Value::NULL);
        }
        source
    } else {
        if closure.is_some() {
            return Err(vm.type_error("closure can only be used when source is a code object"));
        }
        let mut tokens = krait_syntax::tokenizer::Options::default();
        let mut text = source_text(vm, &source, func, "<string>", &mut tokens)?;
        if mode == Mode::Eval {
            // eval() strips leading spaces and tabs, as CPython does.
            text = text.trim_start_matches([' ', '\t']).to_string();
        }
        let options = CompileOptions { features: caller_features(vm), ..Default::default() };
        tokens.barry_as_flufl = options.features & BARRY_AS_BDFL as u32 != 0;
        compile_text(vm, &text, "<string>", mode, options, tokens)?
    };
    let builtins = builtins_of(vm, &globals)?;
    crate::builtins::function::check_runnable(vm, &code)?;
    crate::eval::run_code(vm, code, globals, locals, builtins)
}

/// `exec(code, globals)` of a function's code object (one with free
/// variables, given their cells as `closure`, else `closure` NULL, or
/// one with parameters): run as a function made of it, called with no
/// arguments. Such code's locals are its own, so the `locals` mapping is
/// not used, as in CPython.
fn run_as_function(vm: &mut Vm, code: Value, globals: Value, closure: Value) -> PyResult<Value> {
    crate::builtins::function::check_runnable(vm, &code)?;
    let builtins = builtins_of(vm, &globals)?;
    let name = as_code(&code).map(|c| crate::builtins::str::new_str(&c.co.co_name));
    let f = crate::builtins::function::new_function(code, globals, builtins, Value::NULL, Value::NULL, closure);
    // Named by co_name alone, as CPython's PyEval_EvalCode names it.
    if let (Some(func), Some(name)) = (crate::builtins::function::as_function(&f), name) {
        *func.qualname.borrow_mut() = name;
    }
    crate::eval::call(vm, &f, &[], &[])
}

/// `exec(source, globals=None, locals=None)`: always None.
pub fn exec(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    run(vm, "exec", args, kwnames, Mode::Exec)?;
    Ok(none())
}

/// `eval(source, globals=None, locals=None)`: the expression's value.
pub fn eval(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    run(vm, "eval", args, kwnames, Mode::Eval)
}
