//! What the built-in iterators share to pickle and copy themselves
//! (`__reduce__`, `__setstate__`, `__length_hint__`), as CPython's
//! `listiter_reduce`, `rangeiter_setstate`, `setiter_reduce`, ... do.
//!
//! Invariants:
//! - A `__reduce__` looks its callable (`iter`, `reversed`) up in the
//!   builtins namespace first and reads the iterator's state after: the
//!   look-up may run Python code (a key's `__eq__`) that advances or
//!   exhausts the iterator, and the result must describe the state left
//!   (CPython's gh-101765).
//! - An exhausted iterator reduces to `iter` of an empty object of the
//!   iterated kind (`([],)`, `((),)`, `('',)`), so unpickling gives an
//!   exhausted iterator of the same kind.

use crate::builtins::int::{int_of, Int};
use crate::builtins::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The built-in `name` (`iter`, `reversed`) from the builtins namespace,
/// as CPython's `_PyEval_GetBuiltin`: an AttributeError if it is gone.
pub fn builtin(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let builtins = vm.builtins()?;
    let key = crate::builtins::str::new_str(name);
    let found = crate::builtins::dict::as_dict(&builtins).expect("a dict").get(vm, &key)?;
    match found {
        Some(f) => Ok(f),
        None => Err(vm.error(&crate::builtins::exceptions::ATTRIBUTE_ERROR, name.to_string())),
    }
}

/// `(callable, args)` or, with a state, `(callable, args, state)`.
pub fn reduce_value(callable: Value, args: Vec<Value>, state: Option<Value>) -> Value {
    let mut items = vec![callable, new_tuple(args)];
    items.extend(state);
    new_tuple(items)
}

/// `(getattr, (owner, name))`: how a descriptor or a bound slot pickles
/// (CPython's `descr_reduce`, `wrapper_reduce`).
pub fn getattr_reduce(vm: &mut Vm, owner: Value, name: &str) -> PyResult<Value> {
    let getattr = builtin(vm, "getattr")?;
    Ok(reduce_value(getattr, vec![owner, crate::builtins::str::new_str(name)], None))
}

/// `(iter, (empty,))`: what an exhausted iterator pickles as.
pub fn reduce_exhausted(vm: &mut Vm, empty: Value) -> PyResult<Value> {
    let iter = builtin(vm, "iter")?;
    Ok(reduce_value(iter, vec![empty], None))
}

/// A method's arguments: none by keyword, exactly `n` by position
/// (`METH_NOARGS` and `METH_O` messages).
pub fn check(vm: &mut Vm, this: &Value, method: &str, args: &[Value], kwnames: &[Value], n: usize) -> PyResult<()> {
    let qualname = format!("{}.{method}", vm.type_of(this).name());
    crate::builtins::dict::check_args(vm, &qualname, args, kwnames, n, n)
}

/// A `__setstate__` index as CPython's `PyLong_AsSsize_t` reads it: an
/// int (no `__index__`), within `isize`.
pub fn ssize_state(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match int_of(v) {
        Some(Int::Small(i)) => Ok(i),
        Some(Int::Big(b)) => {
            i64::try_from(b).map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))
        }
        None => Err(vm.type_error("an integer is required")),
    }
}

/// `index` clamped to `0..=len`, as most `__setstate__`s do.
pub fn clamp_index(index: i64, len: usize) -> usize {
    if index < 0 {
        0
    } else {
        (index as u64).min(len as u64) as usize
    }
}

/// `__length_hint__`'s result.
pub fn hint(n: usize) -> Value {
    crate::builtins::int::new_int(n as i64)
}
