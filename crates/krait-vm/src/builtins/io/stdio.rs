//! The standard streams (CPython's `create_stdio` in `pylifecycle.c`),
//! `print`'s fast path, and `input`.
//!
//! Invariants:
//! - `sys.stdin`, `sys.stdout` and `sys.stderr` are TextIOWrapper objects
//!   over buffered objects over FileIO objects on descriptors 0, 1 and 2
//!   (`closefd=False`, named `<stdin>`, ...), encoding utf-8 unless
//!   `PYTHONIOENCODING` names another (and their error handler). stdout is
//!   line-buffered on a terminal, block-buffered otherwise; stderr is
//!   always line-buffered, with `backslashreplace`. A descriptor that is
//!   not open gives None, as in CPython.
//! - `flush_std_streams` flushes whatever `sys.stdout` and `sys.stderr`
//!   are now: at exit, and before Krait itself prints to descriptor 2
//!   (a traceback), so output keeps CPython's order.

use super::fileio::FILEIO_TYPE;
use super::textio::{new_state, TEXTIOWRAPPER_TYPE};
use super::{alloc_io, call_method, io, State};
use crate::builtins::dict::DictData;
use crate::builtins::int::new_int;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str_data, intern, new_str};
use crate::ops;
use crate::types::type_value;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Make the three streams and set them (and `__stdin__`, ...) in `sys`.
/// A codec Krait does not implement natively needs the `encodings`
/// package, which imports `sys`: such streams start as UTF-8 and are
/// remade by `apply_stdio_encoding` once `sys` is registered.
pub fn init_std_streams(vm: &mut Vm, sys: &DictData) -> PyResult<()> {
    let encoding = crate::config::get().stdio_encoding.as_deref().unwrap_or("utf-8");
    let first = if crate::builtins::codecs::native(encoding).is_some() { encoding } else { "utf-8" };
    make_std_streams(vm, sys, first)
}

/// Remake the standard streams with `PYTHONIOENCODING`'s codec when
/// `init_std_streams` could not use it yet.
pub fn apply_stdio_encoding(vm: &mut Vm) -> PyResult<()> {
    let Some(encoding) = crate::config::get().stdio_encoding.as_deref() else {
        return Ok(());
    };
    if crate::builtins::codecs::native(encoding).is_some() {
        return Ok(());
    }
    let sys = vm.sys_module()?;
    let dict = crate::builtins::function::as_module(&sys).expect("sys is a module").dict.clone();
    make_std_streams(vm, crate::builtins::dict::as_dict(&dict).expect("a dict"), encoding)
}

fn make_std_streams(vm: &mut Vm, sys: &DictData, encoding: &str) -> PyResult<()> {
    let config = crate::config::get();
    let default_errors = if surrogateescape_locale() { "surrogateescape" } else { "strict" };
    let plain_errors = config.stdio_errors.as_deref().unwrap_or(default_errors);
    for (fd, name) in [(0, "stdin"), (1, "stdout"), (2, "stderr")] {
        let stream = if crate::builtins::posix::sys_calls::fstat(fd).is_ok() {
            let errors = if fd == 2 { "backslashreplace" } else { plain_errors };
            create_stdio(vm, fd, name, encoding, errors)?
        } else {
            none()
        };
        sys.set(vm, new_str(name), stream.clone())?;
        sys.set(vm, new_str(&format!("__{name}__")), stream)?;
    }
    Ok(())
}

/// Does CPython's `config_get_stdio_errors` pick surrogateescape for
/// stdin and stdout: the C and POSIX locales and the UTF-8 locales it
/// coerces to (`C.UTF-8`, `C.utf8`, `UTF-8`).
fn surrogateescape_locale() -> bool {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].iter().find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    matches!(locale.as_deref(), None | Some("C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8"))
}

fn create_stdio(vm: &mut Vm, fd: i32, name: &str, encoding: &str, errors: &str) -> PyResult<Value> {
    let write = fd != 0;
    let raw_mode = if write { "wb" } else { "rb" };
    let raw = crate::eval::call(vm, &type_value(&FILEIO_TYPE), &[new_int(i64::from(fd)), new_str(raw_mode), vm.bool(false)], &[])?;
    crate::builtins::classes::setattr(vm, &raw, &intern("name"), Some(new_str(&format!("<{name}>"))))?;
    // CPython's `create_stdio`: with -u ($PYTHONUNBUFFERED), stdout and
    // stderr write through to the FileIO itself.
    let unbuffered = write && !crate::config::get().buffered_stdio;
    let buffer = if unbuffered {
        raw
    } else {
        let buffered = if write { &super::buffered::BUFFERED_WRITER_TYPE } else { &super::buffered::BUFFERED_READER_TYPE };
        crate::eval::call(vm, &type_value(buffered), &[raw], &[])?
    };
    let tty = crate::builtins::posix::sys_calls::isatty(fd);
    let line_buffering = !unbuffered && (fd == 2 || (write && tty));
    let state = new_state(vm, buffer, encoding.into(), errors.into(), Some("\n".into()), line_buffering, unbuffered)?;
    let text = alloc_io(&TEXTIOWRAPPER_TYPE);
    *io(&text).state.borrow_mut() = State::Text(Box::new(state));
    crate::builtins::classes::setattr(vm, &text, &intern("mode"), Some(new_str(if write { "w" } else { "r" })))?;
    Ok(text)
}

/// `sys.<name>`, None when it is missing.
fn sys_stream(vm: &mut Vm, name: &str) -> Option<Value> {
    vm.sys_attr(name).filter(|v| !is_none(v))
}

/// Flush `sys.stderr` and `sys.stdout`, ignoring their errors (none
/// exist before the `sys` module is made).
pub fn flush_std_streams(vm: &mut Vm) {
    // stderr first, as CPython's `flush_io` after a script's module runs.
    flush_streams(vm, &["stderr", "stdout"]);
}

/// Flush the `sys` streams `names`, in order, ignoring their errors (none
/// exist before the `sys` module is made): `["stderr"]` before text goes
/// straight to descriptor 2, `["stdout", "stderr"]` at exit (CPython's
/// `flush_std_files`).
pub fn flush_streams(vm: &mut Vm, names: &[&str]) {
    let made = crate::builtins::dict::as_dict(&vm.sys_modules).is_some_and(|d| d.get_str(&intern("sys")).is_some());
    if !made {
        return;
    }
    for name in names {
        if let Some(s) = sys_stream(vm, name) {
            let _ = call_method(vm, &s, "flush", &[]);
        }
    }
}

/// CPython's `flush_std_files` at exit: flush `sys.stdout` then
/// `sys.stderr` unless missing, None or closed. A failure of stdout's
/// flush is reported as unraisable, stderr's is dropped; either makes the
/// answer false (the process then exits with status 120).
pub fn flush_std_files(vm: &mut Vm) -> bool {
    let mut ok = true;
    for name in ["stdout", "stderr"] {
        let Some(f) = sys_stream(vm, name) else { continue };
        let closed = ops::getattr(vm, &f, &intern("closed")).and_then(|c| ops::truthy(vm, &c)).unwrap_or(false);
        if closed {
            continue;
        }
        if let Err(e) = call_method(vm, &f, "flush", &[]) {
            ok = false;
            if name == "stdout" {
                crate::run::write_unraisable(vm, &e, &f);
            }
        }
    }
    ok
}

/// `print`'s fast path: `text` (generalized UTF-8) written to `file` when
/// it is an exact TextIOWrapper with a native codec over a native buffer;
/// false when the caller must call `file.write`.
pub fn print_fast(vm: &mut Vm, file: &Value, text: &[u8], flush: bool) -> PyResult<bool> {
    super::textio::write_fast(vm, file, text, flush)
}

/// A line from `sys.stdin` (`input`'s reading, without a terminal).
pub fn stdin_readline(vm: &mut Vm) -> PyResult<Value> {
    let Some(stdin) = sys_stream(vm, "stdin") else {
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "input(): lost sys.stdin"));
    };
    call_method(vm, &stdin, "readline", &[])
}

/// `input(prompt='')`: the prompt to `sys.stdout`, then a line of
/// `sys.stdin` without its newline; EOFError at end of file.
pub fn builtin_input(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "input", kwnames)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("input expected at most 1 argument, got {}", args.len())));
    }
    if sys_stream(vm, "stdin").is_none() {
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "input(): lost sys.stdin"));
    }
    let Some(stdout) = sys_stream(vm, "stdout") else {
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "input(): lost sys.stdout"));
    };
    if let Some(stderr) = sys_stream(vm, "stderr") {
        let _ = call_method(vm, &stderr, "flush", &[]);
    }
    if let Some(prompt) = args.first() {
        let s = ops::str(vm, prompt)?;
        call_method(vm, &stdout, "write", &[s])?;
    }
    // A failing flush is ignored, as CPython's `builtin_input_impl` does.
    let _ = call_method(vm, &stdout, "flush", &[]);
    let line = stdin_readline(vm)?;
    let Some(data) = as_str_data(&line) else {
        return Err(vm.type_error("object.readline() returned non-string"));
    };
    let bytes = data.bytes();
    if bytes.is_empty() {
        return Err(vm.error(&crate::builtins::exceptions::EOF_ERROR, "EOF when reading a line"));
    }
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    Ok(super::str_from_wtf8(bytes))
}
