//! The parts of `sys` about the running interpreter rather than its
//! identity: `displayhook`, `getrefcount`, the switch interval,
//! `is_finalizing`, `orig_argv`, `thread_info` and the constants
//! (`maxunicode`, `copyright`, ...).
//!
//! Invariants:
//! - `displayhook` is what `PRINT_EXPR` calls (through `sys.displayhook`,
//!   so a replacement is honoured; RuntimeError "lost sys.displayhook"
//!   when it is gone), as CPython's interactive mode does.
//! - `getrefcount` is the object's count, the argument's own reference
//!   included, as CPython counts it; immediates (small ints, floats) and
//!   static objects answer a large constant, as CPython's immortal small
//!   ints do.
//! - Krait runs one thread, so the switch interval is kept and reported
//!   but schedules nothing.

use std::cell::Cell;

use crate::builtins::dict::{as_dict, DictData};
use crate::builtins::function::new_builtin;
use crate::builtins::posix::{no_args, one_arg};
use crate::builtins::int::new_int;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::new_str;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    /// `sys.getswitchinterval()`, seconds.
    static SWITCH_INTERVAL: Cell<f64> = const { Cell::new(0.005) };
    /// `sys.getdlopenflags()` (RTLD_NOW, CPython's default).
    static DLOPEN_FLAGS: Cell<i64> = const { Cell::new(2) };
    /// Set when the interpreter starts shutting down.
    static FINALIZING: Cell<bool> = const { Cell::new(false) };
}

/// Mark the interpreter as finalizing (`sys.is_finalizing()`).
pub fn set_finalizing() {
    FINALIZING.with(|f| f.set(true));
}

/// Add the runtime attributes to `sys`'s namespace.
pub fn add_runtime_attrs(vm: &mut Vm, dd: &DictData) -> PyResult<()> {
    let functions: [(&'static str, crate::types::CallFn); 7] = [
        ("getrefcount", getrefcount),
        ("getswitchinterval", getswitchinterval),
        ("setswitchinterval", setswitchinterval),
        ("is_finalizing", |vm, _, a, k| {
            no_args(vm, "is_finalizing", a, k)?;
            Ok(vm.bool(FINALIZING.with(Cell::get)))
        }),
        ("getdlopenflags", |vm, _, a, k| {
            no_args(vm, "getdlopenflags", a, k)?;
            Ok(new_int(DLOPEN_FLAGS.with(Cell::get)))
        }),
        ("setdlopenflags", setdlopenflags),
        ("_clear_type_cache", |vm, _, a, k| {
            // Krait's attribute caches check type versions; nothing to drop.
            no_args(vm, "_clear_type_cache", a, k)?;
            Ok(none())
        }),
    ];
    for (name, f) in functions {
        dd.set(vm, new_str(name), new_builtin(name, f))?;
    }
    let hook = new_builtin("displayhook", displayhook);
    dd.set(vm, new_str("displayhook"), hook.clone())?;
    dd.set(vm, new_str("__displayhook__"), hook)?;
    dd.set(vm, new_str("maxunicode"), new_int(0x10FFFF))?;
    dd.set(vm, new_str("copyright"), new_str("Copyright (c) 2026 the Krait authors.\nAll Rights Reserved."))?;
    dd.set(vm, new_str("_framework"), new_str(""))?;
    let orig = crate::builtins::sys::os_strings(vm, &std::env::args_os().collect::<Vec<_>>())?;
    dd.set(vm, new_str("orig_argv"), orig)?;
    let stdlib = crate::import::stdlib_dir();
    let stdlib_dir = stdlib.as_ref().map_or_else(none, |d| new_str(&d.to_string_lossy()));
    dd.set(vm, new_str("_stdlib_dir"), stdlib_dir)?;
    let names = stdlib_module_names(stdlib.as_deref()).iter().map(|n| new_str(n)).collect();
    let names = crate::builtins::set::set_from(vm, &crate::builtins::set::FROZENSET_TYPE, names)?;
    dd.set(vm, new_str("stdlib_module_names"), names)?;
    dd.set(vm, new_str("call_tracing"), new_builtin("call_tracing", call_tracing))?;
    let thread_info = crate::builtins::namespace::new_struct_seq(
        vm,
        "sys",
        "thread_info",
        &[("name", new_str("pthread")), ("lock", new_str("mutex+cond")), ("version", none())],
    )?;
    dd.set(vm, new_str("thread_info"), thread_info)?;
    Ok(())
}

/// `sys.getrefcount(object)`.
fn getrefcount(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one_arg(vm, "getrefcount", args, kwnames)?;
    let count = v.as_object().map_or(crate::object::IMMORTAL, |p| p.refcnt()).min(crate::object::IMMORTAL);
    Ok(new_int(count as i64))
}

fn getswitchinterval(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "getswitchinterval", args, kwnames)?;
    Ok(Value::float(SWITCH_INTERVAL.with(Cell::get)))
}

/// `sys.setswitchinterval(interval)`: a positive number of seconds.
fn setswitchinterval(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one_arg(vm, "setswitchinterval", args, kwnames)?;
    let seconds = crate::builtins::math::real_arg(vm, v)?;
    if seconds <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    SWITCH_INTERVAL.with(|s| s.set(seconds));
    Ok(none())
}

fn setdlopenflags(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one_arg(vm, "setdlopenflags", args, kwnames)?;
    let Some(flags) = crate::ops::index(vm, v)?.and_then(|i| i.as_small_int()) else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    DLOPEN_FLAGS.with(|f| f.set(flags));
    Ok(none())
}

/// `sys.displayhook(value)`: print `repr(value)` to `sys.stdout` and keep
/// it as `builtins._`; None prints nothing.
pub fn displayhook(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one_arg(vm, "displayhook", args, kwnames)?.clone();
    if is_none(&v) {
        return Ok(none());
    }
    let builtins = vm.builtins()?;
    let underscore = new_str("_");
    if let Some(b) = as_dict(&builtins) {
        b.set(vm, underscore.clone(), none())?;
    }
    let text = format!("{}\n", crate::ops::repr_string(vm, &v)?);
    let Some(stdout) = vm.sys_attr("stdout").filter(|s| !is_none(s)) else {
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "lost sys.stdout"));
    };
    if !crate::builtins::io::print_fast(vm, &stdout, text.as_bytes(), false)? {
        let write = crate::ops::getattr(vm, &stdout, &crate::builtins::str::intern("write"))?;
        crate::eval::call(vm, &write, &[new_str(&text)], &[])?;
    }
    if let Some(b) = as_dict(&builtins) {
        b.set(vm, underscore, v)?;
    }
    Ok(none())
}

/// `sys.stdlib_module_names`: the built-in modules, and the modules and
/// packages of the standard library folder and its `lib-dynload`, less
/// CPython's test helpers (which CPython's generated list leaves out).
fn stdlib_module_names(lib: Option<&std::path::Path>) -> Vec<String> {
    let mut names: Vec<String> = crate::import::BUILTIN_MODULE_NAMES.iter().map(|n| n.to_string()).collect();
    let list = |dir: &std::path::Path| -> Vec<(String, bool)> {
        std::fs::read_dir(dir)
            .map(|rd| rd.flatten().map(|e| (e.file_name().to_string_lossy().into_owned(), e.path().join("__init__.py").is_file())).collect())
            .unwrap_or_default()
    };
    if let Some(lib) = lib {
        for (name, package) in list(lib) {
            if let Some(stem) = name.strip_suffix(".py") {
                names.push(stem.to_string());
            } else if package {
                names.push(name);
            }
        }
        for (name, _) in list(&lib.join("lib-dynload")) {
            if let Some((stem, _)) = name.split_once('.') {
                names.push(stem.to_string());
            }
        }
    }
    let helper = |n: &str| {
        n == "test" || n.starts_with("_test") || n.starts_with("xx") || n.starts_with("_xx") || n.starts_with("__hello__")
            || n.starts_with("__phello__") || n.starts_with("_sysconfigdata_") || n == "_ctypes_test"
    };
    names.retain(|n| !helper(n));
    names.sort();
    names.dedup();
    names
}

/// `sys.call_tracing(func, args)`: `func(*args)`.
fn call_tracing(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "call_tracing", kwnames)?;
    let [func, fargs] = args else {
        return Err(vm.type_error(format!("call_tracing expected 2 arguments, got {}", args.len())));
    };
    let Some(t) = crate::builtins::tuple::as_tuple(fargs) else {
        let msg = format!("call_tracing() argument 2 must be tuple, not {}", vm.type_of(fargs).name());
        return Err(vm.type_error(msg));
    };
    let items = t.items.clone();
    crate::eval::call(vm, func, &items, &[])
}
