//! The `_sre` module (CPython's `Modules/_sre/`): the regular expression
//! engine under CPython's own pure-Python `re` package. `re._compiler`
//! turns a pattern into a list of int opcodes and calls
//! `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`;
//! this module checks that code (`validate`) and runs it (`engine`).
//!
//! Invariants:
//! - The module is CPython 3.11's: MAGIC 20220615, CODESIZE 4, MAXREPEAT,
//!   MAXGROUPS, `copyright`, `compile`, `getcodesize`, `ascii_iscased`,
//!   `unicode_iscased`, `ascii_tolower`, `unicode_tolower`; the types
//!   `re.Pattern`, `re.Match` and `_sre.SRE_Scanner` (final, not
//!   instantiable). 3.11 has no `_sre.template`: `sub` with a template
//!   calls `re._subx` and `Match.expand` calls `re._expand`, as CPython.
//! - Matching never recurses on the Rust stack (see `engine`), and every
//!   error is CPython's exception and message.

mod chars;
mod constants;
mod engine;
mod match_obj;
mod pattern;
mod scanner;
mod subject;
mod substitute;
mod validate;

#[cfg(test)]
mod tests;

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::function::{new_builtin, new_module};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::str::new_str;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use constants::*;
use engine::SreError;

/// The `_sre` module.
pub fn new_sre_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str("_sre"))?;
    dd.set(vm, new_str("__doc__"), crate::builtins::singletons::none())?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    // As for the modules imported from source (see `import`).
    dd.set(vm, new_str("__loader__"), crate::builtins::singletons::none())?;
    dd.set(vm, new_str("__spec__"), crate::builtins::singletons::none())?;
    dd.set(vm, new_str("MAGIC"), new_int(MAGIC))?;
    dd.set(vm, new_str("CODESIZE"), new_int(CODESIZE))?;
    dd.set(vm, new_str("MAXREPEAT"), new_int(MAXREPEAT as i64))?;
    dd.set(vm, new_str("MAXGROUPS"), new_int(MAXGROUPS as i64))?;
    dd.set(vm, new_str("copyright"), new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "))?;
    dd.set(vm, new_str("compile"), new_builtin("compile", pattern::compile))?;
    dd.set(vm, new_str("getcodesize"), new_builtin("getcodesize", getcodesize))?;
    dd.set(vm, new_str("ascii_iscased"), new_builtin("ascii_iscased", ascii_iscased))?;
    dd.set(vm, new_str("unicode_iscased"), new_builtin("unicode_iscased", unicode_iscased))?;
    dd.set(vm, new_str("ascii_tolower"), new_builtin("ascii_tolower", ascii_tolower))?;
    dd.set(vm, new_str("unicode_tolower"), new_builtin("unicode_tolower", unicode_tolower))?;
    Ok(new_module("_sre", d))
}

pub use pattern::mark_weakly_referenced;

/// The types `classes` must refuse as bases ("is not an acceptable base type").
pub const FINAL_TYPES: &[&str] = &["re.Pattern", "re.Match", "_sre.SRE_Scanner"];

fn getcodesize(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "_sre.getcodesize", args, kwnames)?;
    Ok(new_int(CODESIZE))
}

/// The one `int` argument of the character helpers, as a C int.
fn character_arg(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<u32> {
    let v = one_arg(vm, name, args, kwnames)?;
    Ok(c_int_arg(vm, v)? as u32)
}

fn ascii_iscased(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ch = character_arg(vm, "_sre.ascii_iscased", args, kwnames)?;
    Ok(vm.bool(ch < 128 && (ch as u8).is_ascii_alphabetic()))
}

fn unicode_iscased(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ch = character_arg(vm, "_sre.unicode_iscased", args, kwnames)?;
    Ok(vm.bool(ch != chars::lower_unicode(ch) || ch != chars::upper_unicode(ch)))
}

fn ascii_tolower(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ch = character_arg(vm, "_sre.ascii_tolower", args, kwnames)?;
    Ok(new_int(chars::lower_ascii(ch) as i32 as i64))
}

fn unicode_tolower(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ch = character_arg(vm, "_sre.unicode_tolower", args, kwnames)?;
    Ok(new_int(chars::lower_unicode(ch) as i32 as i64))
}

// ----- arguments ------------------------------------------------------------

/// A METH_NOARGS call: `name() takes no arguments (N given)`.
fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    if args.is_empty() {
        return Ok(());
    }
    Err(vm.type_error(format!("{name}() takes no arguments ({} given)", args.len())))
}

/// A METH_O call: `name() takes exactly one argument (N given)`.
fn one_arg<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    match args {
        [v] => Ok(v),
        _ => Err(vm.type_error(format!("{name}() takes exactly one argument ({} given)", args.len()))),
    }
}

/// An Argument Clinic call with positional-or-keyword parameters `names`,
/// the first `required` of them required.
fn clinic<const N: usize>(vm: &mut Vm, fname: &str, args: &[Value], kwnames: &[Value], names: [&str; N], required: usize) -> PyResult<[Option<Value>; N]> {
    crate::builtins::itertools::bind(vm, fname, args, kwnames, names, N, required)
}

/// A `Py_ssize_t` argument (`__index__`, OverflowError past 64 bits).
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    crate::builtins::str_methods::ssize_arg(vm, v)
}

/// An optional `Py_ssize_t` argument.
fn ssize_or(vm: &mut Vm, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => ssize_arg(vm, v),
        None => Ok(default),
    }
}

/// A C `int` argument (`_PyLong_AsInt`).
fn c_int_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    let n = match int_of(&i) {
        Some(Int::Small(n)) => i32::try_from(n).ok(),
        Some(Int::Big(_)) | None => None,
    };
    n.ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}

/// The exception for an engine error (CPython's `pattern_error`).
fn engine_error(vm: &mut Vm, e: SreError) -> PyErr {
    match e {
        SreError::Recursion => vm.error(&crate::builtins::exceptions::RECURSION_ERROR, "maximum recursion limit exceeded"),
        SreError::Memory => vm.error(&crate::builtins::exceptions::MEMORY_ERROR, ""),
        SreError::Illegal => vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "internal error in regular expression engine"),
    }
}

/// `repr(v)` cut to `n` code points (`PyUnicode_FromFormat`'s `%.nR`).
fn repr_cut(vm: &mut Vm, v: &Value, n: usize) -> PyResult<String> {
    let r = crate::ops::repr_string(vm, v)?;
    Ok(match r.char_indices().nth(n) {
        Some((at, _)) => r[..at].to_string(),
        None => r,
    })
}
