//! The `_imp` module (CPython's `Python/import.c`, its `_imp` functions):
//! the low-level hooks CPython's pure-Python `importlib` calls.
//!
//! Invariants:
//! - Krait has no frozen modules: `is_frozen` is False and `find_frozen`
//!   None for every name; the frozen-object functions raise CPython's
//!   ImportError for a name that is not frozen.
//! - The built-in modules are `import::BUILTIN_MODULE_NAMES` (and `_imp`
//!   and `_warnings`, listed there too); `is_builtin` answers -1 for `sys`
//!   and `builtins`, which cannot be initialised again, as CPython does.
//! - Krait cannot load C extensions: `extension_suffixes()` is empty and
//!   `create_dynamic` raises ImportError.
//! - The import lock is a count (Krait runs one thread at a time): it is
//!   held while the count is above zero; releasing it unheld is CPython's
//!   RuntimeError.

use std::cell::Cell;
use std::hash::Hasher;

use crate::builtins::exceptions::{IMPORT_ERROR, NOT_IMPLEMENTED_ERROR, RUNTIME_ERROR};
use crate::builtins::function::{as_code, as_module, new_module, no_keywords};
use crate::builtins::int::new_int;
use crate::builtins::list::new_list;
use crate::builtins::singletons::none;
use crate::builtins::str::{as_str, new_str};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

thread_local! {
    /// How many times the import lock is held.
    static LOCK_COUNT: Cell<usize> = const { Cell::new(0) };
}

/// Check a call passes exactly `n` positional arguments, as Argument
/// Clinic's `_PyArg_CheckPositional` does for these functions.
fn exact<'a, const N: usize>(vm: &mut Vm, fname: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a [Value; N]> {
    no_keywords(vm, fname, kwnames)?;
    <&[Value; N]>::try_from(args).map_err(|_| {
        let msg = match N {
            0 => format!("{fname}() takes no arguments ({} given)", args.len()),
            1 => format!("{fname}() takes exactly one argument ({} given)", args.len()),
            _ => format!("{fname} expected {N} arguments, got {}", args.len()),
        };
        vm.type_error(msg)
    })
}

/// A `str` argument (Argument Clinic's `unicode` converter).
/// (`pos` is None for a function of one argument, whose message names no
/// position.)
fn str_arg(vm: &mut Vm, fname: &str, pos: Option<usize>, v: &Value) -> PyResult<String> {
    match as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let at = pos.map_or(String::new(), |p| format!(" {p}"));
            Err(vm.type_error(format!("{fname}() argument{at} must be str, not {}", vm.type_of(v).name())))
        }
    }
}

/// CPython's `is_builtin` answer: 1 for a built-in module, -1 for one that
/// cannot be initialised again (`sys`, `builtins`), 0 otherwise.
pub fn builtin_state(name: &str) -> i64 {
    match name {
        "sys" | "builtins" => -1,
        _ if crate::import::BUILTIN_MODULE_NAMES.contains(&name) => 1,
        _ => 0,
    }
}

fn lock_held(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    exact::<0>(vm, "lock_held", args, kwnames)?;
    Ok(vm.bool(LOCK_COUNT.with(Cell::get) > 0))
}

fn acquire_lock(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    exact::<0>(vm, "acquire_lock", args, kwnames)?;
    LOCK_COUNT.with(|c| c.set(c.get() + 1));
    Ok(none())
}

fn release_lock(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    exact::<0>(vm, "release_lock", args, kwnames)?;
    if LOCK_COUNT.with(Cell::get) == 0 {
        return Err(vm.error(&RUNTIME_ERROR, "not holding the import lock"));
    }
    LOCK_COUNT.with(|c| c.set(c.get() - 1));
    Ok(none())
}

fn is_builtin(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [name] = exact::<1>(vm, "is_builtin", args, kwnames)?;
    let name = str_arg(vm, "is_builtin", None, name)?;
    Ok(new_int(builtin_state(&name)))
}

fn is_frozen(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [name] = exact::<1>(vm, "is_frozen", args, kwnames)?;
    str_arg(vm, "is_frozen", None, name)?;
    Ok(vm.bool(false))
}

/// `find_frozen(name, /, *, withdata=False)`: None, nothing is frozen.
fn find_frozen(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [name, _] = crate::builtins::itertools::bind(vm, "find_frozen", args, kwnames, ["name", "withdata"], 1, 1)?;
    str_arg(vm, "find_frozen", None, &name.expect("required"))?;
    Ok(none())
}

/// CPython's `set_frozen_error` for a name that is not frozen.
fn not_frozen(vm: &mut Vm, name: &str) -> PyErr {
    let e = vm.error(&IMPORT_ERROR, format!("No such frozen object named '{name}'"));
    let _ = crate::builtins::classes::setattr(vm, &e.exception, &new_str("name"), Some(new_str(name)));
    e
}

/// `get_frozen_object(name, data=None, /)`.
fn get_frozen_object(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "get_frozen_object", kwnames)?;
    if args.is_empty() || args.len() > 2 {
        let how = if args.is_empty() { "at least 1 argument" } else { "at most 2 arguments" };
        return Err(vm.type_error(format!("get_frozen_object expected {how}, got {}", args.len())));
    }
    let name = str_arg(vm, "get_frozen_object", Some(1), &args[0])?;
    Err(not_frozen(vm, &name))
}

fn is_frozen_package(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [name] = exact::<1>(vm, "is_frozen_package", args, kwnames)?;
    let name = str_arg(vm, "is_frozen_package", None, name)?;
    Err(not_frozen(vm, &name))
}

/// `init_frozen(name)`: None for a name that is not frozen.
fn init_frozen(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [name] = exact::<1>(vm, "init_frozen", args, kwnames)?;
    str_arg(vm, "init_frozen", None, name)?;
    Ok(none())
}

/// `create_builtin(spec)`: a new module `spec.name`; `sys` and
/// `builtins`, which cannot be made twice, are the existing modules; None
/// for a name that is not built in.
fn create_builtin(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [spec] = exact::<1>(vm, "create_builtin", args, kwnames)?;
    let name = crate::ops::getattr(vm, spec, &new_str("name"))?;
    let Some(name) = as_str(&name).map(str::to_string) else {
        let msg = format!("name must be string, not {}", vm.type_of(&name).name());
        return Err(vm.type_error(msg));
    };
    if let Some(m) = crate::import::loaded_module(vm, &name) {
        if builtin_state(&name) == -1 && as_module(&m).is_some() {
            return Ok(m);
        }
    }
    Ok(crate::import::builtin_module(vm, &name)?.unwrap_or_else(none))
}

/// `exec_builtin(mod)` and `exec_dynamic(mod)`: 0, Krait's built-in
/// modules are complete once created (CPython's answer for a module
/// without multi-phase slots).
fn exec_module(vm: &mut Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    exact::<1>(vm, fname, args, kwnames)?;
    Ok(new_int(0))
}

/// `create_dynamic(spec, file=None, /)`: Krait cannot load C extensions.
fn create_dynamic(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "create_dynamic", kwnames)?;
    if args.is_empty() || args.len() > 2 {
        let how = if args.is_empty() { "at least 1 argument" } else { "at most 2 arguments" };
        return Err(vm.type_error(format!("create_dynamic expected {how}, got {}", args.len())));
    }
    let name = crate::ops::getattr(vm, &args[0], &new_str("name"))?;
    let origin = crate::ops::getattr_opt(vm, &args[0], &new_str("origin"))?.unwrap_or_else(none);
    let text = as_str(&name).unwrap_or("?").to_string();
    let e = vm.error(&IMPORT_ERROR, format!("Krait cannot load C extension modules: '{text}'"));
    let _ = crate::builtins::classes::setattr(vm, &e.exception, &new_str("name"), Some(name));
    let _ = crate::builtins::classes::setattr(vm, &e.exception, &new_str("path"), Some(origin));
    Err(e)
}

fn extension_suffixes(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    exact::<0>(vm, "extension_suffixes", args, kwnames)?;
    Ok(new_list(Vec::new()))
}

/// `_fix_co_filename(code, path)`: CPython renames a cached code object
/// (and its nested ones) to the source's path. Krait's code objects come
/// from compiling that path, so the names already agree.
fn fix_co_filename(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [code, path] = exact::<2>(vm, "_fix_co_filename", args, kwnames)?;
    let Some(co) = as_code(code) else {
        let msg = format!("_fix_co_filename() argument 1 must be code, not {}", vm.type_of(code).name());
        return Err(vm.type_error(msg));
    };
    let path = str_arg(vm, "_fix_co_filename", Some(2), path)?;
    if co.co.co_filename != path {
        return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "Krait cannot change a code object's co_filename yet"));
    }
    Ok(none())
}

/// `source_hash(key, source)`: CPython's `_Py_KeyedHash`, SipHash-1-3
/// keyed by (`key`, 0), as the 8 bytes of the `uint64_t` in native order.
fn source_hash(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [key, source] = crate::builtins::itertools::bind(vm, "source_hash", args, kwnames, ["key", "source"], 2, 2)?;
    let key = crate::builtins::str_methods::ssize_arg(vm, &key.expect("required"))?;
    let source = source.expect("required");
    let buffer = crate::builtins::bytes::buffer_arg(vm, &source)?;
    let mut hasher = siphasher::sip::SipHasher13::new_with_keys(key as u64, 0);
    hasher.write(&buffer);
    Ok(crate::builtins::bytes::new_bytes(hasher.finish().to_ne_bytes().to_vec()))
}

pub fn new_imp_module(vm: &mut Vm) -> PyResult<Value> {
    const DOC: &str = "(Extremely) low-level import machinery bits as used by importlib and imp.";
    let functions: [(&'static str, crate::types::CallFn); 18] = [
        ("lock_held", lock_held),
        ("acquire_lock", acquire_lock),
        ("release_lock", release_lock),
        ("is_builtin", is_builtin),
        ("is_frozen", is_frozen),
        ("find_frozen", find_frozen),
        ("get_frozen_object", get_frozen_object),
        ("is_frozen_package", is_frozen_package),
        ("init_frozen", init_frozen),
        ("_frozen_module_names", |vm, _, a, k| {
            exact::<0>(vm, "_frozen_module_names", a, k)?;
            Ok(new_list(Vec::new()))
        }),
        ("_override_frozen_modules_for_tests", |vm, _, a, k| {
            exact::<1>(vm, "_override_frozen_modules_for_tests", a, k)?;
            Ok(none())
        }),
        ("create_builtin", create_builtin),
        ("exec_builtin", |vm, _, a, k| exec_module(vm, "exec_builtin", a, k)),
        ("create_dynamic", create_dynamic),
        ("exec_dynamic", |vm, _, a, k| exec_module(vm, "exec_dynamic", a, k)),
        ("extension_suffixes", extension_suffixes),
        ("_fix_co_filename", fix_co_filename),
        ("source_hash", source_hash),
    ];
    let d = crate::builtins::function::native_module_dict(vm, "_imp", DOC, &functions)?;
    let dd = crate::builtins::dict::as_dict(&d).expect("a dict");
    dd.set(vm, new_str("check_hash_based_pycs"), new_str("default"))?;
    Ok(new_module("_imp", d))
}
