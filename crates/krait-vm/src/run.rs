//! Running a program: a compiled module as `__main__`, and CPython 3.11's
//! report of an uncaught exception.
//!
//! Invariants: the traceback is printed as 3.11's C traceback printer does:
//! frames outermost first, each with its source line stripped of
//! indentation and, when the failing expression is not the whole line,
//! carets under it (`~` under the operands and `^` under the operator of a
//! binary operation or subscript, found by re-parsing the segment, as
//! CPython does with `ast`).

use std::io::Write;

use krait_compiler::code::{CodeObject, Position};

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::as_exception;
use crate::builtins::function::{as_code, new_code, new_module};
use crate::builtins::str::{as_str, new_str};
use crate::eval::run_module;
use crate::ops;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Run `code` (a compiled module) as `__main__`; returns the process exit
/// status, having printed any uncaught exception.
/// How the main program was given.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum MainKind {
    /// A file: `__main__.__file__` is its name; `sys.path[0]` its folder.
    Script,
    /// `-c CODE`: no `__file__`; `sys.path[0]` is `''`.
    Command,
    /// `-m MODULE`: code that hands the module to `runpy`;
    /// `sys.path[0]` is the working directory.
    Module,
    /// The program read from standard input: `__file__` is `<stdin>`;
    /// `sys.path[0]` is `''`.
    Stdin,
}

pub fn run_main(vm: &mut Vm, code: CodeObject, kind: MainKind) -> i32 {
    let filename = code.co_filename.clone();
    let result = run_main_inner(vm, code, kind);
    // CPython's `flush_io` follows a script's module (not `-c` code), before
    // its error is printed.
    if matches!(kind, MainKind::Script | MainKind::Stdin) {
        crate::builtins::io::flush_std_streams(vm);
    }
    let status = match result {
        Ok(()) => 0,
        Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::SYSTEM_EXIT) => {
            crate::builtins::io::flush_streams(vm, &["stderr"]);
            system_exit_status(vm, &e.exception)
        }
        Err(e) => {
            report_uncaught(vm, &e, &filename);
            1
        }
    };
    // CPython's `Py_RunMain`: a failed finalization exits with 120.
    if !shutdown(vm) {
        return 120;
    }
    status
}

/// What CPython's `Py_FinalizeEx` does that a program can see: the `atexit`
/// callbacks, then `__main__`'s globals released as `_PyModule_ClearDict`
/// does (names with one leading underscore first, then the others but
/// `__builtins__`, each set to None in order), each freed object's
/// finalizer running as it goes.
///
/// PROVISIONAL: other modules are not cleared (their objects' `__del__`
/// do not run at exit).
/// False when the standard streams could not be flushed.
fn shutdown(vm: &mut Vm) -> bool {
    crate::finalize::run_pending(vm);
    crate::builtins::atexit::run_exitfuncs(vm);
    crate::builtins::sys_runtime::set_finalizing();
    let main_key = new_str("__main__");
    let modules = vm.sys_modules.clone();
    let main = as_dict(&modules).and_then(|m| m.get_str(&main_key));
    if let Some(globals) = main.as_ref().and_then(crate::builtins::function::as_module).map(|m| m.dict.clone()) {
        let others = as_dict(&modules)
            .map(|m| m.items())
            .unwrap_or_default()
            .iter()
            .filter_map(|(_, m)| crate::builtins::function::as_module(m).map(|m| m.dict.clone()))
            .filter(|d| !d.is(&globals))
            .filter_map(|d| d.as_object().map(|p| p.addr()))
            .collect();
        crate::finalize::finalize_reachable(vm, &globals, &others);
        let g = as_dict(&globals).expect("a module's dict");
        let single_underscore = |k: &str| k.starts_with('_') && !k.starts_with("__");
        for first_pass in [true, false] {
            for (k, v) in g.items() {
                let Some(name) = as_str(&k) else { continue };
                let clear = if first_pass { single_underscore(name) } else { name != "__builtins__" };
                if clear && !crate::builtins::singletons::is_none(&v) {
                    drop(v);
                    let _ = g.set(vm, k, crate::builtins::singletons::none());
                    crate::finalize::run_pending(vm);
                }
            }
        }
    }
    crate::finalize::run_pending(vm);
    crate::builtins::io::flush_std_files(vm)
}

/// The exit status an uncaught SystemExit asks for (CPython's
/// `handle_system_exit`): None is 0, an int is itself (truncated to a
/// byte by the OS; -1 if it does not fit a C long), anything else is
/// printed to stderr and is 1.
fn system_exit_status(vm: &mut Vm, exc: &Value) -> i32 {
    let code = match crate::builtins::exceptions::as_exception(exc) {
        Some(data) => crate::builtins::exceptions::system_exit_code(data),
        None => crate::builtins::singletons::none(),
    };
    if crate::builtins::singletons::is_none(&code) {
        return 0;
    }
    if let Some(i) = crate::builtins::int::int_of(&code) {
        return match i {
            // A C long cast to int, as CPython does.
            crate::builtins::int::Int::Small(i) => i as i32,
            crate::builtins::int::Int::Big(b) => i64::try_from(b).map_or(-1, |i| i as i32),
        };
    }
    // `PyFile_WriteObject(code, sys.stderr, Py_PRINT_RAW)` and a newline:
    // the stream's error handler (backslashreplace) shows any surrogate.
    let stderr = vm.sys_attr("stderr").filter(|f| !crate::builtins::singletons::is_none(f));
    let text = ops::str(vm, &code);
    let written = match (&stderr, &text) {
        (Some(f), Ok(t)) => crate::builtins::io::call_method(vm, f, "write", std::slice::from_ref(t))
            .and_then(|_| crate::builtins::io::call_method(vm, f, "write", &[new_str("\n")]))
            .is_ok(),
        _ => false,
    };
    if !written {
        let shown = text.ok().and_then(|t| as_str(&t).map(str::to_string)).unwrap_or_default();
        let _ = writeln!(std::io::stderr(), "{shown}");
    }
    1
}

fn run_main_inner(vm: &mut Vm, code: CodeObject, kind: MainKind) -> PyResult<()> {
    if crate::builtins::list::as_list(&vm.sys_path).is_some_and(|l| l.is_empty()) {
        vm.set_path_for(kind, &code.co_filename);
    }
    crate::builtins::io::apply_stdio_encoding(vm)?;
    // As CPython's start-up: `warnings` applies `sys.warnoptions` (-W,
    // PYTHONWARNINGS, -b, -X dev) when it is imported.
    if !crate::config::get().warnoptions.is_empty() {
        crate::import::import_module(vm, "warnings")?;
    }
    let builtins = vm.builtins()?;
    let globals = new_dict();
    let g = as_dict(&globals).expect("a dict");
    g.set(vm, new_str("__name__"), new_str("__main__"))?;
    g.set(vm, new_str("__doc__"), crate::builtins::singletons::none())?;
    g.set(vm, new_str("__package__"), crate::builtins::singletons::none())?;
    g.set(vm, new_str("__loader__"), crate::builtins::singletons::none())?;
    g.set(vm, new_str("__spec__"), crate::builtins::singletons::none())?;
    g.set(vm, new_str("__annotations__"), new_dict())?;
    let builtins_module = as_dict(&vm.sys_modules).and_then(|m| m.get_str(&new_str("builtins")));
    let builtins_module = builtins_module.unwrap_or_else(|| new_module("builtins", builtins.clone()));
    g.set(vm, new_str("__builtins__"), builtins_module)?;
    if matches!(kind, MainKind::Script | MainKind::Stdin) {
        g.set(vm, new_str("__file__"), new_str(&code.co_filename))?;
        g.set(vm, new_str("__cached__"), crate::builtins::singletons::none())?;
    }
    let main = new_module("__main__", globals.clone());
    let modules = vm.sys_modules.clone();
    as_dict(&modules).expect("a dict").set(vm, new_str("__main__"), main)?;
    let code = new_code(code);
    run_module(vm, code, globals, builtins)?;
    Ok(())
}

/// Report an exception that cannot propagate (a weak reference callback's,
/// a `__del__`'s) as CPython's `PyErr_WriteUnraisable`: "Exception ignored
/// in: OBJ", then the traceback.
pub fn write_unraisable(vm: &mut Vm, e: &PyErr, obj: &Value) {
    report_unraisable(vm, e, None, obj);
}

/// `write_unraisable` with CPython's `_PyErr_WriteUnraisableMsg` message:
/// "`msg`: OBJ" ("Exception ignored in atexit callback: ...").
pub fn write_unraisable_msg(vm: &mut Vm, e: &PyErr, msg: &str, obj: &Value) {
    report_unraisable(vm, e, Some(msg), obj);
}

/// Through `sys.unraisablehook` when a program replaced it (given CPython's
/// `UnraisableHookArgs`), else printed here.
fn report_unraisable(vm: &mut Vm, e: &PyErr, msg: Option<&str>, obj: &Value) {
    // An exception without a traceback gets one for the frame running now
    // (CPython's `_PyErr_WriteUnraisableMsg`).
    if let (Some(data), Some(index)) = (crate::builtins::exceptions::as_exception(&e.exception), vm.frames.len().checked_sub(1)) {
        if data.traceback.borrow().is_null() {
            let offset = vm.frames[index].ip.saturating_sub(1) as u32;
            let frame = crate::builtins::frame::frame_object(vm, index);
            let tb = crate::builtins::frame::new_traceback(crate::builtins::singletons::none(), frame, offset);
            *data.traceback.borrow_mut() = tb;
        }
    }
    let hook = vm.sys_attr("unraisablehook");
    let default = vm.sys_attr("__unraisablehook__");
    let hook = hook.filter(|h| !default.is_some_and(|d| d.is(h)));
    if let Some(hook) = hook {
        let Ok(args) = unraisable_args(vm, e, msg, obj) else { return };
        if let Err(e2) = crate::eval::call(vm, &hook, &[args], &[]) {
            print_unraisable(vm, &e2.exception, Some("Exception ignored in sys.unraisablehook"), &hook);
        }
        return;
    }
    print_unraisable(vm, &e.exception, msg, obj);
}

/// `sys.UnraisableHookArgs(exc_type, exc_value, exc_traceback, err_msg, object)`.
fn unraisable_args(vm: &mut Vm, e: &PyErr, msg: Option<&str>, obj: &Value) -> PyResult<Value> {
    let none = crate::builtins::singletons::none;
    let tb = crate::builtins::exceptions::as_exception(&e.exception)
        .map(|x| x.traceback.borrow().clone())
        .filter(|t| !t.is_null())
        .unwrap_or_else(none);
    let fields = [
        ("exc_type", crate::types::type_value(vm.type_of_static(&e.exception))),
        ("exc_value", e.exception.clone()),
        ("exc_traceback", tb),
        ("err_msg", msg.map_or_else(none, new_str)),
        ("object", if obj.is_null() { none() } else { obj.clone() }),
    ];
    crate::builtins::namespace::new_struct_seq(vm, "sys", "UnraisableHookArgs", &fields)
}

/// CPython's default unraisable hook: "MSG: OBJ" (MSG defaults to
/// "Exception ignored in"; just "MSG" without an object), then the
/// exception as an uncaught one is printed.
pub fn print_unraisable(vm: &mut Vm, exc: &Value, msg: Option<&str>, obj: &Value) {
    let mut out = String::new();
    if !obj.is_null() && !crate::builtins::singletons::is_none(obj) {
        let shown = ops::repr(vm, obj).ok().and_then(|r| as_str(&r).map(str::to_string)).unwrap_or_else(|| "<object repr() failed>".into());
        out = format!("{}: {shown}\n", msg.unwrap_or("Exception ignored in"));
    } else if let Some(m) = msg {
        out = format!("{m}\n");
    }
    format_exception(vm, exc, &mut out);
    write_stderr(vm, &out);
}

/// `text` written to `sys.stderr` and flushed, as CPython's
/// `PyErr_Display` writes through the file object (so a replaced
/// `sys.stderr` captures it); straight to descriptor 2 when there is no
/// `sys.stderr` yet or writing to it fails, nothing when it is None.
pub fn write_stderr(vm: &mut Vm, text: &str) {
    let made = crate::builtins::dict::as_dict(&vm.sys_modules).is_some_and(|d| d.get_str(&crate::builtins::str::intern("sys")).is_some());
    match vm.sys_attr("stderr") {
        Some(f) if made && crate::builtins::singletons::is_none(&f) => {}
        Some(f) if made => {
            let wrote = ops::getattr(vm, &f, &new_str("write"))
                .and_then(|w| crate::eval::call(vm, &w, &[new_str(text)], &[]))
                .and_then(|_| ops::getattr(vm, &f, &new_str("flush")))
                .and_then(|fl| crate::eval::call(vm, &fl, &[], &[]));
            if wrote.is_err() {
                let _ = std::io::stderr().write_all(text.as_bytes());
            }
        }
        _ => {
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
    }
}

/// An uncaught exception, through `sys.excepthook` (CPython's
/// `_PyErr_PrintEx`): the default hook prints it here; a replaced one is
/// called with (type, value, traceback), and if it fails both are shown.
fn report_uncaught(vm: &mut Vm, e: &PyErr, filename: &str) {
    let (hook, default) = (vm.sys_attr("excepthook"), vm.sys_attr("__excepthook__"));
    let Some(hook) = hook else {
        write_stderr(vm, "sys.excepthook is missing\n");
        print_exception(vm, e, filename);
        return;
    };
    if default.is_some_and(|d| d.is(&hook)) {
        print_exception(vm, e, filename);
        return;
    }
    let ty = crate::types::type_value(vm.type_of_static(&e.exception));
    let tb = as_exception(&e.exception)
        .map(|x| x.traceback.borrow().clone())
        .filter(|t| !t.is_null())
        .unwrap_or_else(crate::builtins::singletons::none);
    if let Err(e2) = crate::eval::call(vm, &hook, &[ty, e.exception.clone(), tb], &[]) {
        write_stderr(vm, "Error in sys.excepthook:\n");
        print_exception(vm, &e2, filename);
        write_stderr(vm, "\nOriginal exception was:\n");
        print_exception(vm, e, filename);
    }
}

/// `sys.excepthook(type, value, traceback)` / `sys.__excepthook__`: print
/// the exception as an uncaught one.
pub fn excepthook(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "excepthook", kwnames)?;
    let [_, value, _] = args else {
        return Err(vm.type_error(format!("excepthook expected 3 arguments, got {}", args.len())));
    };
    if as_exception(value).is_none() {
        let msg = format!("TypeError: print_exception(): Exception expected for value, {} found\n", vm.type_of(value).name());
        write_stderr(vm, &msg);
    } else {
        print_exception(vm, &PyErr { exception: value.clone() }, "");
    }
    Ok(crate::builtins::singletons::none())
}

/// Print an uncaught exception as CPython 3.11 does: its causes and
/// contexts first, then `Traceback (most recent call last): ...` and the
/// exception line.
pub fn print_exception(vm: &mut Vm, e: &PyErr, _main_file: &str) {
    let mut out = String::new();
    format_exception(vm, &e.exception, &mut out);
    write_stderr(vm, &out);
}

/// How far into exception groups the printing is (CPython's
/// `exception_print_context`).
struct PrintContext {
    /// Exceptions printed or being printed, against cycles in chains.
    seen: Vec<u64>,
    /// Nesting of exception groups (0 outside any).
    depth: usize,
    /// A group's last member still needs the closing frame line.
    need_close: bool,
}

/// Members of a group shown before "and N more exceptions".
const MAX_GROUP_WIDTH: usize = 15;
/// Groups nested deeper are shown as "... (max_group_depth is 10)".
const MAX_GROUP_DEPTH: usize = 10;

impl PrintContext {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// The indentation and margin a line starts with inside groups.
    fn margin(&self) -> String {
        if self.depth == 0 {
            String::new()
        } else {
            format!("{}| ", self.indent())
        }
    }

    /// `text`, every line of it after the margin.
    fn emit_lines(&self, out: &mut String, text: &str) {
        let margin = self.margin();
        for line in text.split_inclusive('\n') {
            out.push_str(&margin);
            out.push_str(line);
        }
    }
}

/// An exception with its causes and contexts, as CPython 3.11 prints it
/// (`print_exception_recursive`), exception groups framed by their
/// members.
fn format_exception(vm: &mut Vm, exc: &Value, out: &mut String) {
    let mut ctx = PrintContext { seen: Vec::new(), depth: 0, need_close: false };
    format_recursive(vm, exc, out, &mut ctx);
}

fn format_recursive(vm: &mut Vm, exc: &Value, out: &mut String, ctx: &mut PrintContext) {
    ctx.seen.push(exc.bits());
    if let Some(data) = as_exception(exc) {
        let cause = data.cause.borrow().clone();
        let context = data.context.borrow().clone();
        if !cause.is_null() {
            if !ctx.seen.contains(&cause.bits()) {
                format_chained(vm, &cause, out, ctx, "The above exception was the direct cause of the following exception:\n");
            }
        } else if !context.is_null() && !data.suppress_context.get() && !ctx.seen.contains(&context.bits()) {
            format_chained(vm, &context, out, ctx, "During handling of the above exception, another exception occurred:\n");
        }
    }
    if crate::builtins::exception_group::group_parts(exc).is_some() {
        format_group(vm, exc, out, ctx);
    } else {
        format_one(vm, exc, out, ctx);
    }
}

/// A cause or context, then the line that links it to what follows.
fn format_chained(vm: &mut Vm, exc: &Value, out: &mut String, ctx: &mut PrintContext, message: &str) {
    let need_close = ctx.need_close;
    format_recursive(vm, exc, out, ctx);
    ctx.need_close = need_close;
    let margin = ctx.margin();
    out.push_str(&format!("{margin}\n{margin}{message}{margin}\n"));
}

/// An exception group and its members (CPython's `print_exception_group`).
fn format_group(vm: &mut Vm, exc: &Value, out: &mut String, ctx: &mut PrintContext) {
    if ctx.depth > MAX_GROUP_DEPTH {
        out.push_str(&format!("{}... (max_group_depth is {MAX_GROUP_DEPTH})\n", ctx.margin()));
        return;
    }
    let toplevel = ctx.depth == 0;
    if toplevel {
        ctx.depth += 1;
    }
    format_one(vm, exc, out, ctx);
    let members = crate::builtins::exception_group::group_parts(exc)
        .and_then(|(_, e)| crate::builtins::tuple::as_tuple(&e).map(|t| t.items.clone()))
        .unwrap_or_default();
    let shown = members.len().min(MAX_GROUP_WIDTH + 1);
    ctx.need_close = false;
    for (i, member) in members.iter().take(shown).enumerate() {
        let last = i + 1 == shown;
        if last {
            // The closing frame may be drawn by a nested group.
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let corner = if i == 0 { "+-" } else { "  " };
        let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
        out.push_str(&format!("{}{corner}+---------------- {title} ----------------\n", ctx.indent()));
        ctx.depth += 1;
        if truncated {
            let more = members.len() - MAX_GROUP_WIDTH;
            out.push_str(&format!("{}and {more} more exception{}\n", ctx.margin(), if more > 1 { "s" } else { "" }));
        } else if vm.enter_recursion(" in print_exception_recursive").is_ok() {
            format_recursive(vm, member, out, ctx);
            vm.leave_recursion();
        }
        if last && ctx.need_close {
            out.push_str(&format!("{}+------------------------------------\n", ctx.indent()));
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if toplevel {
        ctx.depth -= 1;
    }
}

/// A SyntaxError's file, line and caret (CPython's
/// `print_exception_file_and_line` and `print_error_text`).
fn syntax_error_text(vm: &mut Vm, exc: &Value, out: &mut String) {
    let get = |vm: &mut Vm, name: &str| ops::getattr(vm, exc, &new_str(name)).ok();
    // `%S` of the file name (str() of bytes too); None reads `<string>`.
    let filename = get(vm, "filename").and_then(|f| {
        if crate::builtins::singletons::is_none(&f) {
            return Some("<string>".to_string());
        }
        ops::str(vm, &f).ok().and_then(|s| as_str(&s).map(str::to_string))
    });
    let lineno = get(vm, "lineno").and_then(|l| l.as_small_int());
    let (Some(filename), Some(lineno)) = (filename, lineno) else { return };
    out.push_str(&format!("  File \"{filename}\", line {lineno}\n"));
    let Some(text) = get(vm, "text").and_then(|t| as_str(&t).map(str::to_string)) else { return };
    let offset = get(vm, "offset").and_then(|o| o.as_small_int()).unwrap_or(0);
    let end_lineno = get(vm, "end_lineno").and_then(|o| o.as_small_int()).unwrap_or(lineno);
    let end_offset = get(vm, "end_offset").and_then(|o| o.as_small_int()).unwrap_or(0);
    let end_offset = if end_lineno > lineno { -1 } else { end_offset };
    // The end is clipped to just past the text (its newline aside).
    let full_len = text.strip_suffix('\n').unwrap_or(&text).chars().count() as i64;
    let end_offset = end_offset.min(full_len + 1);
    let carets = if end_offset > 0 && end_offset > offset { (end_offset - offset) as usize } else { 1 };
    let mut offset = offset - 1;
    let mut text: &str = &text;
    while let Some(rest) = text.strip_prefix([' ', '\t', '\x0c']) {
        text = rest;
        offset -= 1;
    }
    let len = text.strip_suffix('\n').unwrap_or(text).chars().count() as i64;
    offset = offset.min(len);
    let shown = text.strip_suffix('\n').unwrap_or(text);
    out.push_str(&format!("    {shown}\n"));
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(carets));
    out.push('\n');
}

fn format_one(vm: &mut Vm, exc: &Value, out: &mut String, ctx: &PrintContext) {
    let tb = as_exception(exc).map(|d| d.traceback.borrow().clone()).unwrap_or(Value::NULL);
    let mut frames = crate::builtins::frame::entries(&tb);
    // `sys.tracebacklimit` (default 1000): the innermost entries only;
    // none, and no header, at 0 or below.
    let limit = traceback_limit(vm);
    if frames.len() > limit {
        frames.drain(..frames.len() - limit);
    }
    if !frames.is_empty() {
        let is_group = crate::builtins::exception_group::group_parts(exc).is_some();
        let header =
            if is_group { "Exception Group Traceback (most recent call last):\n" } else { "Traceback (most recent call last):\n" };
        let header_margin = if is_group && ctx.depth == 1 { format!("{}+ ", ctx.indent()) } else { ctx.margin() };
        out.push_str(&header_margin);
        out.push_str(header);
    }
    let mut text = String::new();
    // CPython's `tb_print_internal`: after three entries of one line of one
    // function, the rest of the run is counted, not shown.
    let mut last: Option<(&str, u32, &str)> = None;
    let mut repeats = 0usize;
    for (code, offset) in frames.iter() {
        let Some(c) = as_code(code) else { continue };
        let pos = c.co.positions.get(*offset as usize).copied().unwrap_or_default();
        let line = pos.lineno.unwrap_or(c.co.co_firstlineno);
        let here = (c.co.co_filename.as_str(), line, c.co.co_name.as_str());
        if last != Some(here) {
            push_repeated(&mut text, repeats);
            last = Some(here);
            repeats = 0;
        }
        repeats += 1;
        if repeats > TB_RECURSIVE_CUTOFF {
            continue;
        }
        text.push_str(&format!("  File \"{}\", line {}, in {}\n", c.co.co_filename, line, c.co.co_name));
        if let Some(src) = source_line(&c.co.co_filename, line) {
            text.push_str(&format!("    {}\n", src.trim_start()));
            if let Some(carets) = carets(&src, &pos) {
                text.push_str(&carets);
            }
        }
    }
    push_repeated(&mut text, repeats);
    if vm.type_of(exc).is_subtype(&crate::builtins::exceptions::SYNTAX_ERROR) {
        syntax_error_text(vm, exc, &mut text);
    }
    ctx.emit_lines(out, &text);
    // A class from another module is shown with it (`mod.Error`).
    let ty = vm.type_of(exc);
    let ty = match crate::builtins::classes::heap(ty) {
        Some(h) => match h.module_name().as_deref() {
            Some(m) if m != "__main__" && m != "builtins" => format!("{}.{}", m, h.qualname()),
            _ => h.qualname(),
        },
        None => ty.name().to_string(),
    };
    // A SyntaxError with a location shows its `msg` alone.
    let shown = if vm.type_of(exc).is_subtype(&crate::builtins::exceptions::SYNTAX_ERROR)
        && ops::getattr(vm, exc, &new_str("lineno")).is_ok_and(|l| l.as_small_int().is_some())
    {
        ops::getattr(vm, exc, &new_str("msg")).unwrap_or_else(|_| exc.clone())
    } else {
        exc.clone()
    };
    let msg = match ops::str(vm, &shown) {
        Ok(s) => as_str(&s).map(str::to_string).unwrap_or_default(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    // The message's own line breaks get no margin (as CPython's).
    out.push_str(&ctx.margin());
    if msg.is_empty() {
        out.push_str(&ty);
    } else {
        out.push_str(&format!("{ty}: {msg}"));
    }
    if let Some(name) = crate::builtins::suggestions::offer_suggestion(vm, exc) {
        out.push_str(&format!(". Did you mean: '{name}'?"));
    }
    out.push('\n');
    let mut notes = String::new();
    format_notes(vm, exc, &mut notes);
    ctx.emit_lines(out, &notes);
}

/// Entries of one line repeated beyond these are counted, not shown.
const TB_RECURSIVE_CUTOFF: usize = 3;

/// "[Previous line repeated N more times]" for a run of `count` entries.
fn push_repeated(text: &mut String, count: usize) {
    if count > TB_RECURSIVE_CUTOFF {
        let n = count - TB_RECURSIVE_CUTOFF;
        text.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n > 1 { "s" } else { "" }));
    }
}

/// `sys.tracebacklimit` as CPython reads it: an int (0 if negative),
/// else 1000.
fn traceback_limit(vm: &mut Vm) -> usize {
    match vm.sys_attr("tracebacklimit").as_ref().and_then(crate::builtins::int::int_of) {
        Some(crate::builtins::int::Int::Small(i)) => i.max(0) as usize,
        Some(crate::builtins::int::Int::Big(b)) => if *b < dashu_int::IBig::ZERO { 0 } else { usize::MAX },
        None => 1000,
    }
}

/// The exception's `__notes__`, one a line (CPython 3.11's
/// `print_exception_notes`): each item of a sequence by its str, anything
/// else by its repr.
fn format_notes(vm: &mut Vm, exc: &Value, out: &mut String) {
    let Ok(notes) = ops::getattr(vm, exc, &new_str("__notes__")) else { return };
    let is_sequence = crate::builtins::list::as_list(&notes).is_some()
        || crate::builtins::tuple::as_tuple(&notes).is_some()
        || as_str(&notes).is_some();
    if !is_sequence {
        match ops::repr(vm, &notes) {
            Ok(r) => out.push_str(as_str(&r).unwrap_or("")),
            Err(_) => out.push_str("<__notes__ repr() failed>"),
        }
        // CPython 3.11 ends this one without a newline.
        return;
    }
    let Ok(items) = ops::collect(vm, &notes) else { return };
    for note in items {
        match ops::str(vm, &note) {
            Ok(s) => out.push_str(as_str(&s).unwrap_or("")),
            Err(_) => out.push_str("<note str() failed>"),
        }
        out.push('\n');
    }
}

/// Line `lineno` of file `path`, without its line ending.
fn source_line(path: &str, lineno: u32) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    text.lines().nth(lineno.checked_sub(1)? as usize).map(|l| l.trim_end().to_string())
}

/// The caret line under the failing expression, if it is not the whole line.
fn carets(line: &str, pos: &Position) -> Option<String> {
    let (start, end) = (pos.col_offset? as usize, pos.end_col_offset? as usize);
    let (lineno, end_lineno) = (pos.lineno?, pos.end_lineno?);
    let end = if end_lineno > lineno { line.len() } else { end };
    if start >= end || end > line.len() || !line.is_char_boundary(start) || !line.is_char_boundary(end) {
        return None;
    }
    let indent = line.len() - line.trim_start().len();
    let segment = &line[start..end];
    // Anchors only for a position on one line (traceback.py's rule).
    let anchors = if end_lineno == lineno { anchors(segment) } else { None };
    // Carets are shown unless they would underline the whole line plainly.
    let whole = start <= indent && end >= line.trim_end().len();
    if whole && !matches!(anchors, Some((left, right)) if right > left) {
        return None;
    }
    let width = segment.chars().count();
    let lead = line[indent..start].chars().count();
    let mut row = format!("    {}", " ".repeat(lead));
    match anchors {
        Some((left, right)) => {
            row.push_str(&"~".repeat(left));
            row.push_str(&"^".repeat(right - left));
            row.push_str(&"~".repeat(width.saturating_sub(right)));
        }
        None => row.push_str(&"^".repeat(width)),
    }
    row.push('\n');
    Some(row)
}

/// 3.11's `_extract_caret_anchors_from_line_segment`: for a binary operation
/// the operator, for a subscript the brackets and index (character offsets
/// in `segment`).
fn anchors(segment: &str) -> Option<(usize, usize)> {
    use krait_syntax::ast::{ExprKind, Mod, StmtKind};
    let tree = krait_syntax::parser::parse_module(segment).ok()?;
    let Mod::Module { body, .. } = tree else { return None };
    let [stmt] = body.as_slice() else { return None };
    let StmtKind::Expr { value } = &stmt.kind else { return None };
    let chars = |byte: u32| segment[..byte as usize].chars().count();
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (op_start, op_end) = (left.range.end as usize, right.range.start as usize);
            let op = &segment[op_start..op_end];
            let skip = op.len() - op.trim_start().len();
            let left_anchor = left.range.end + skip as u32;
            let mut right_anchor = left_anchor + 1;
            if op.as_bytes().get(skip + 1).is_some_and(|b| !b.is_ascii_whitespace()) {
                right_anchor += 1;
            }
            Some((chars(left_anchor), chars(right_anchor)))
        }
        ExprKind::Subscript { value: v, slice, .. } => Some((chars(v.range.end), chars(slice.range.end + 1))),
        _ => None,
    }
}

/// Compile-time failures that are not syntax errors: a NotImplementedError
/// for what the compiler cannot generate yet, or a RecursionError.
/// Show SyntaxWarnings as CPython's default warning filter does:
/// `FILE:LINE: SyntaxWarning: MSG`, then the line stripped when `source`
/// (the text the ranges point into) is given, as `linecache` finds it.
pub fn print_syntax_warnings(filename: &str, text: &str, source: Option<&str>, warnings: &[krait_syntax::tokenizer::Warning]) {
    if warnings.is_empty() {
        return;
    }
    let lines = krait_syntax::LineIndex::new(text);
    let mut err = std::io::stderr().lock();
    for w in warnings {
        let line = lines.line(w.range.start);
        let _ = writeln!(err, "{filename}:{line}: SyntaxWarning: {}", w.msg);
        if let Some(source) = source {
            if let Some(shown) = source.lines().nth(line - 1) {
                let _ = writeln!(err, "  {}", shown.trim());
            }
        }
    }
}

pub fn print_compile_failure(kind: &str, msg: &str) {
    let _ = writeln!(std::io::stderr(), "{kind}: {msg}");
}
