//! The `_warnings` module, as far as Krait needs it: `warn`, which
//! CPython's pure-Python `importlib._bootstrap` calls (its `_setup` loads
//! `_warnings` as a built-in module).
//!
//! Invariants:
//! - `_warnings` holds `warn` only, so CPython's `warnings.py` finds no
//!   `filters` in it and keeps its own pure-Python filters (the fallback
//!   it has for implementations without the C accelerator): there is one
//!   set of filters, `warnings.filters`.
//! - `_warnings.warn` is `warnings.warn` with the same arguments; a native
//!   call adds no Python frame, so `stacklevel` counts the same frames.

use crate::builtins::function::new_module;
use crate::builtins::str::new_str;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `warn(message, category=None, stacklevel=1, source=None)`.
fn warn(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["message", "category", "stacklevel", "source"];
    crate::builtins::itertools::bind(vm, "warn", args, kwnames, names, 4, 1)?;
    let warnings = crate::import::import_module(vm, "warnings")?;
    let warn = crate::ops::getattr(vm, &warnings, &new_str("warn"))?;
    crate::eval::call(vm, &warn, args, kwnames)
}

pub fn new_warnings_module(vm: &mut Vm) -> PyResult<Value> {
    const DOC: &str = "_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up.";
    let d = crate::builtins::function::native_module_dict(vm, "_warnings", DOC, &[("warn", warn)])?;
    Ok(new_module("_warnings", d))
}

/// `warnings.warn(message, category, stacklevel)` issued by native code
/// (CPython's `PyErr_WarnEx`): `stacklevel` 1 names the Python frame that
/// called the native function. An error when the filters turn the
/// warning into one.
pub fn warn_native(vm: &mut Vm, category: &'static crate::types::TypeObject, message: &str, stacklevel: i64) -> PyResult<()> {
    let warnings = crate::import::import_module(vm, "warnings")?;
    let warn = crate::ops::getattr(vm, &warnings, &new_str("warn"))?;
    let args = [new_str(message), crate::types::type_value(category), crate::builtins::int::new_int(stacklevel)];
    crate::eval::call(vm, &warn, &args, &[]).map(drop)
}

/// CPython's DeprecationWarning for a conversion dunder (`__int__`,
/// `__index__`, `__float__`, `__complex__`) that returned an instance of
/// a strict subclass of the type it should return. `owner`: the prefix
/// naming the class (`"B."` for `__float__`, empty for the others).
pub fn warn_strict_subclass(vm: &mut Vm, owner: &str, dunder: &str, got: &str, expected: &str) -> PyResult<()> {
    let msg = format!(
        "{owner}{dunder} returned non-{expected} (type {got}).  The ability to return an instance of a strict subclass of {expected} is deprecated, and may be removed in a future version of Python."
    );
    warn_native(vm, &crate::builtins::exceptions::DEPRECATION_WARNING, &msg, 1)
}
