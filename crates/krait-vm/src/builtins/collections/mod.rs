//! The `_collections` module (CPython's `Modules/_collectionsmodule.c`),
//! which `collections` imports: `deque`, `defaultdict`, `OrderedDict`
//! (CPython's `Objects/odictobject.c`), the `namedtuple` field descriptor
//! `_tuplegetter` and `Counter`'s helper `_count_elements`.
//!
//! Invariants:
//! - All three may be derived from: a deque's `new` slot allocates
//!   `Subclassed<DequeData>` for a class; a class derived from
//!   defaultdict or OrderedDict starts empty and its `__init__` fills it,
//!   as for `dict`.
//! - `deque`, `defaultdict` and `OrderedDict` are named
//!   `collections.NAME`, as in CPython; `collections` takes all three
//!   from here (its pure-Python OrderedDict is then unused).

mod defaultdict;
mod deque;
mod deque_iter;
mod deque_ops;
mod odict;
mod tuplegetter;

#[cfg(test)]
mod tests;

pub use defaultdict::DEFAULTDICT_TYPE;
pub use deque::{as_deque, mark_weakly_referenced as mark_deque_weakly_referenced, DEQUE_TYPE};

pub(crate) use odict::{inst_dict_cell as odict_inst_dict, odict_iter, weakref_flag as odict_weakref_flag};
pub use odict::ODICT_TYPE;

use crate::builtins::classes::BuiltinBase;
use crate::builtins::dict::{as_dict, new_dict, DICT_TYPE};
use crate::builtins::function::{new_builtin, new_module};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::str::new_str;
use crate::ops;
use crate::types::{type_value, BinOp, TypeObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A type's name as `_PyType_Name` gives it (`deque`, not
/// `collections.deque`).
fn type_name(ty: &TypeObject) -> &str {
    crate::builtins::itertools::short_name(ty)
}

/// An int argument as a C `Py_ssize_t` (CPython's `n` format:
/// `PyNumber_Index`, OverflowError beyond the range).
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let Some(i) = ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    match int_of(&i) {
        Some(Int::Small(n)) => Ok(n as isize),
        Some(Int::Big(b)) => isize::try_from(b).map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t")),
        None => Err(vm.type_error("an integer is required")),
    }
}

/// CPython's `PyNumber_AsSsize_t(v, overflow)`: `Ok(None)` when `v` has
/// no `__index__`.
pub(crate) fn as_ssize(vm: &mut Vm, v: &Value, overflow: &'static TypeObject) -> PyResult<Option<isize>> {
    let Some(i) = ops::index(vm, v)? else { return Ok(None) };
    match int_of(&i) {
        Some(Int::Small(n)) => Ok(Some(n as isize)),
        Some(Int::Big(b)) => match isize::try_from(b) {
            Ok(n) => Ok(Some(n)),
            Err(_) => {
                let msg = format!("cannot fit '{}' into an index-sized integer", vm.type_of(v).name());
                Err(vm.error(overflow, msg))
            }
        },
        None => Err(vm.type_error("an integer is required")),
    }
}

/// A sequence index (CPython's `PyObject_GetItem` on a type with only
/// sequence slots): an int or an `__index__`, IndexError when it does not
/// fit a `Py_ssize_t`.
fn seq_index(vm: &mut Vm, key: &Value) -> PyResult<isize> {
    match as_ssize(vm, key, &crate::builtins::exceptions::INDEX_ERROR)? {
        Some(i) => Ok(i),
        None => {
            let msg = format!("sequence index must be integer, not '{}'", vm.type_of(key).name());
            Err(vm.type_error(msg))
        }
    }
}

/// The index argument of `__setitem__` and `__delitem__` called as
/// methods (CPython's `getindex` in their slot wrappers).
fn wrapper_index(vm: &mut Vm, key: &Value) -> PyResult<isize> {
    match as_ssize(vm, key, &crate::builtins::exceptions::OVERFLOW_ERROR)? {
        Some(i) => Ok(i),
        None => {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(key).name());
            Err(vm.type_error(msg))
        }
    }
}

/// Is `attr` (found on a type) `dict`'s own method `name`?
fn is_dict_method(attr: Option<Value>, name: &str) -> bool {
    attr.is_some_and(|a| {
        crate::builtins::method_descriptors::as_builtin_attr(&a).is_some_and(|d| std::ptr::eq(d.owner, &DICT_TYPE) && d.name == name)
    })
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1`
/// for each item; straight into the dict when `mapping` is one whose
/// `get` and `__setitem__` are dict's own (CPython's fast path).
fn count_elements(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "_count_elements", kwnames)?;
    let [mapping, iterable] = args else {
        let msg = format!("_count_elements expected 2 arguments, got {}", args.len());
        return Err(vm.type_error(msg));
    };
    let it = ops::iter(vm, iterable)?;
    let one = new_int(1);
    let ty = vm.type_of_static(mapping);
    let fast = as_dict(mapping).is_some()
        && is_dict_method(crate::builtins::classes::type_lookup(ty, &crate::builtins::str::intern("get")), "get")
        && is_dict_method(crate::builtins::classes::type_lookup(ty, &crate::builtins::str::intern("__setitem__")), "__setitem__");
    if fast {
        let d = as_dict(mapping).expect("a dict");
        while let Some(key) = ops::next(vm, &it)? {
            let new = match d.get(vm, &key)? {
                None => one.clone(),
                Some(old) => ops::binary_op(vm, BinOp::Add, &old, &one)?,
            };
            d.set(vm, key, new)?;
        }
        return Ok(vm.none());
    }
    let get = ops::getattr(vm, mapping, &crate::builtins::str::intern("get"))?;
    let zero = new_int(0);
    while let Some(key) = ops::next(vm, &it)? {
        let old = crate::eval::call(vm, &get, &[key.clone(), zero.clone()], &[])?;
        let new = ops::binary_op(vm, BinOp::Add, &old, &one)?;
        crate::eval::store_item(vm, mapping, key, new)?;
    }
    Ok(vm.none())
}

/// The built-in base of classes derived from `deque` or `defaultdict`.
pub fn builtin_base(ty: &'static TypeObject) -> Option<BuiltinBase> {
    if std::ptr::eq(ty, &DEQUE_TYPE) {
        return Some(BuiltinBase::allocated_by_new::<deque::DequeData>(ty));
    }
    if std::ptr::eq(ty, &DEFAULTDICT_TYPE) {
        return Some(defaultdict::builtin_base(ty));
    }
    if std::ptr::eq(ty, &ODICT_TYPE) {
        return Some(odict::builtin_base(ty));
    }
    None
}

/// The `_collections` module.
pub fn new_collections_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str("_collections"))?;
    dd.set(vm, new_str("__doc__"), new_str(DOC))?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    // As for the modules imported from source (see `import`).
    dd.set(vm, new_str("__loader__"), vm.none())?;
    dd.set(vm, new_str("__spec__"), vm.none())?;
    let types: [&'static TypeObject; 6] = [
        &DEQUE_TYPE,
        &DEFAULTDICT_TYPE,
        &ODICT_TYPE,
        &deque_iter::DEQUE_ITER_TYPE,
        &deque_iter::DEQUE_REVITER_TYPE,
        &tuplegetter::TUPLEGETTER_TYPE,
    ];
    for ty in types {
        dd.set(vm, new_str(type_name(ty)), type_value(ty))?;
    }
    dd.set(vm, new_str("_count_elements"), new_builtin("_count_elements", count_elements))?;
    Ok(new_module("_collections", d))
}

/// The module's docstring (CPython's).
const DOC: &str = "High performance data structures.\n\
- deque:        ordered collection accessible from endpoints only\n\
- defaultdict:  dict subclass with a default value factory\n";
