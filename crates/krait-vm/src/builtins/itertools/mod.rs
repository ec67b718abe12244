//! The `itertools` module (CPython's `Modules/itertoolsmodule.c`): its
//! iterator types, one file per family, and `tee`.
//!
//! Invariants:
//! - Every type is a class of the module, named `itertools.NAME` (so its
//!   `__module__` is 'itertools'), whose `iter` slot returns the object
//!   itself and whose `next` slot returns `Ok(None)` when exhausted.
//! - An object's state lives in cells, and no borrow of a cell is held
//!   across a call that may run Python code (`ops::next`, `eval::call`, a
//!   comparison, an `__add__`): such code may call `next` on the same
//!   object again (re-entrancy), and then finds a consistent state, as in
//!   CPython.
//! - Each payload's `trace` visits every reference it holds, once (the
//!   repeated pools of `product(..., repeat=n)` are held, and visited, once).
//! - The types CPython lets a class derive from are subclassable: their
//!   `new` slot allocates `Subclassed<T>` for a class (`alloc_for`), so
//!   instances of a subclass have a `__dict__`; `_grouper`, `_tee` and
//!   `_tee_dataobject` are final, as in CPython.
//! - Pickling (`__reduce__`, `__setstate__`, `_tee.__copy__`) gives CPython
//!   3.11's exact reduce tuples, so pickles made by either load in the other;
//!   `pairwise` has none, as in CPython (object's default refuses it).

mod combinatoric;
mod filtering;
mod groupby;
mod infinite;
mod merging;
mod tee;

#[cfg(test)]
mod tests;

pub use tee::mark_weakly_referenced;

use std::cell::RefCell;

use crate::builtins::classes::BuiltinBase;
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::function::{new_builtin, new_module};
use crate::builtins::str::{as_str, new_str};
use crate::builtins::tuple::{new_tuple, unique_items_mut};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{type_value, TypeObject, Visit};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// What an itertools object holds: the payload of its type's objects.
pub(crate) trait Payload: Sized + 'static {
    /// The type whose objects (and whose subclasses' objects) carry this payload.
    fn ty() -> &'static TypeObject;
    /// Visit every reference the payload holds.
    fn trace(&self, visit: Visit);
}

/// The payload of `v`, an object of `T::ty()` or of a subclass.
pub(crate) fn payload<T: Payload>(v: &Value) -> &T {
    let p = v.as_object().expect("an itertools object");
    debug_assert!(p.ty().is_subtype(T::ty()));
    // SAFETY: objects of `T::ty()` are Obj<T>, those of its subclasses
    // Obj<Subclassed<T>> with the payload first (`alloc_for`); the slots and
    // methods calling this are reached only with such objects (slot
    // dispatch, and the descriptors' type check).
    unsafe { p.data::<T>() }
}

pub(crate) unsafe fn dealloc_payload<T: Payload>(p: ObjPtr) {
    // SAFETY: objects of `T::ty()` are allocated by `alloc_for` as Obj<T>.
    unsafe { dealloc_boxed::<T>(p) }
}

pub(crate) fn trace_payload<T: Payload>(p: ObjPtr, visit: Visit) {
    // SAFETY: `T::ty()`'s trace slot is called with its objects, Obj<T>
    // (or, through `trace_subclassed`, Obj<Subclassed<T>>, payload first).
    unsafe { p.data::<T>() }.trace(visit)
}

/// A new object of class `cls` (`T::ty()` or a class derived from it).
pub(crate) fn alloc_for<T: Payload>(cls: &'static TypeObject, data: T) -> Value {
    if std::ptr::eq(cls, T::ty()) {
        Value::from_owned(alloc(cls, data))
    } else {
        crate::builtins::classes::alloc_subclassed(cls, data)
    }
}

/// `next` of the iterator types: the object itself.
pub(crate) fn iter_self(_: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// A type's name as `_PyType_Name` gives it (`count`, not `itertools.count`).
pub(crate) fn short_name(ty: &TypeObject) -> &str {
    ty.name().rsplit('.').next().unwrap_or(ty.name())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Bind the arguments of a call `fname(*args)` (the last `kwnames.len()`
/// passed by keyword) to the parameters `names`, of which the first
/// `positional` may be given by position and the first `required` must be
/// given, with the messages of CPython's `PyArg_ParseTupleAndKeywords`.
pub(crate) fn bind<const N: usize>(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    names: [&str; N],
    positional: usize,
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    let npos = args.len() - kwnames.len();
    if args.len() > N {
        let kw = if npos == 0 { "keyword " } else { "" };
        let msg = format!("{fname}() takes at most {N} {kw}argument{} ({} given)", plural(N), args.len());
        return Err(vm.type_error(msg));
    }
    let keyword = |name: &str| kwnames.iter().position(|k| as_str(k) == Some(name)).map(|k| args[npos + k].clone());
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    let mut used = 0;
    for (i, name) in names.iter().enumerate() {
        if i == positional && npos > positional {
            let how = if required < positional { "at most" } else { "exactly" };
            let msg = format!("{fname}() takes {how} {positional} positional argument{} ({npos} given)", plural(positional));
            return Err(vm.type_error(msg));
        }
        if i < npos {
            out[i] = Some(args[i].clone());
        } else if let Some(v) = keyword(name) {
            out[i] = Some(v);
            used += 1;
        } else if i < required {
            return Err(vm.type_error(format!("{fname}() missing required argument '{name}' (pos {})", i + 1)));
        }
    }
    if used < kwnames.len() {
        for (i, name) in names.iter().enumerate().take(npos) {
            if keyword(name).is_some() {
                let msg = format!("argument for {fname}() given by name ('{name}') and position ({})", i + 1);
                return Err(vm.type_error(msg));
            }
        }
        for k in kwnames {
            match as_str(k) {
                Some(k) if names.contains(&k) => {}
                Some(k) => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))),
                None => return Err(vm.type_error("keywords must be strings")),
            }
        }
    }
    Ok(out)
}

/// CPython's `_PyArg_CheckPositional(name, n, min, max)`.
fn check_positional(vm: &mut Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let (how, bound) = if n < min {
        (if min == max { "" } else { "at least " }, min)
    } else if n > max {
        (if min == max { "" } else { "at most " }, max)
    } else {
        return Ok(());
    };
    Err(vm.type_error(format!("{name} expected {how}{bound} argument{}, got {n}", plural(bound))))
}

/// The positional arguments of a constructor taking none by keyword and
/// between `min` and `max` by position, called for class `cls` derived
/// from (or equal to) `base`: CPython's `_PyArg_NoKeywords` (which spares
/// a class defining its own `__init__`, see `no_keywords_for`; its
/// keywords are then ignored here) then `_PyArg_CheckPositional`.
fn positional_only<'a>(
    vm: &mut Vm,
    (base, cls): (&'static TypeObject, &'static TypeObject),
    name: &str,
    args: &'a [Value],
    kwnames: &[Value],
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    crate::builtins::function::no_keywords_for(vm, base, cls, name, kwnames)?;
    let args = &args[..args.len() - kwnames.len()];
    check_positional(vm, name, args.len(), min, max)?;
    Ok(args)
}

/// `PyObject_RichCompareBool(a, b, Py_EQ)`: identity implies equality.
pub(crate) fn equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    let r = crate::ops::richcompare(vm, a, b, crate::types::CompareOp::Eq)?;
    crate::ops::truthy(vm, &r)
}

/// A result tuple of `items`: the previous result `kept` refilled in place
/// when nothing else holds it any more (CPython reuses its result tuples
/// so; a loop that unpacks each result then allocates nothing), else a
/// new tuple, kept for next time. `items` is left holding what the
/// refilled tuple held (or empty): the caller drops them once it holds no
/// borrow, as freeing them may run Python code.
fn refill_result(kept: &RefCell<Option<Value>>, items: &mut Vec<Value>) -> Value {
    let mut slot = kept.borrow_mut();
    let refilled = match slot.as_mut().and_then(unique_items_mut) {
        Some(old) if old.len() == items.len() => {
            old.swap_with_slice(items);
            true
        }
        _ => false,
    };
    if let Some(t) = slot.as_ref().filter(|_| refilled) {
        return t.clone();
    }
    let t = new_tuple(std::mem::take(items));
    let old = slot.replace(t.clone());
    drop(slot);
    drop(old);
    t
}

fn memory_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.error(&crate::builtins::exceptions::MEMORY_ERROR, "")
}

/// An empty vector with room for `n` items, or MemoryError (CPython's
/// `PyMem_New` failing).
fn vec_with_capacity<T>(vm: &mut Vm, n: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| memory_error(vm))?;
    Ok(v)
}

/// `(type(this), args)`, or with a state `(type(this), args, state)`:
/// how most itertools objects reduce, as a call of their own class.
pub(crate) fn reduce_new(vm: &mut Vm, this: &Value, args: Vec<Value>, state: Option<Value>) -> Value {
    let cls = crate::types::type_value(vm.type_of_static(this));
    crate::builtins::iter_pickle::reduce_value(cls, args, state)
}

/// A `METH_NOARGS` method's arguments (`qualname` as `count.__reduce__`).
pub(crate) fn no_args(vm: &mut Vm, qualname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    crate::builtins::dict::check_args(vm, qualname, args, kwnames, 0, 0)
}

/// A `METH_O` method's one argument.
pub(crate) fn one_arg<'a>(vm: &mut Vm, qualname: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    crate::builtins::dict::check_args(vm, qualname, args, kwnames, 1, 1)?;
    Ok(&args[0])
}

/// A `__setstate__` state that must be a tuple of `min..=max` items, with
/// the messages of CPython's check and of `PyArg_ParseTuple`.
pub(crate) fn state_tuple(vm: &mut Vm, state: &Value, min: usize, max: usize) -> PyResult<Vec<Value>> {
    let Some(t) = crate::builtins::tuple::as_tuple(state) else {
        return Err(vm.type_error("state is not a tuple"));
    };
    let n = t.items.len();
    if n < min || n > max {
        let (how, bound) = match (min == max, n < min) {
            (true, _) => ("exactly", min),
            (false, true) => ("at least", min),
            (false, false) => ("at most", max),
        };
        return Err(vm.type_error(format!("function takes {how} {bound} argument{} ({n} given)", plural(bound))));
    }
    Ok(t.items.to_vec())
}

/// `PyArg_ParseTuple`'s `O!` check: argument `pos` of type `ty`.
pub(crate) fn typed_state_item(vm: &mut Vm, v: &Value, pos: usize, ty: &TypeObject) -> PyResult<()> {
    if vm.type_of(v).is_subtype(ty) {
        return Ok(());
    }
    let msg = format!("argument {pos} must be {}, not {}", ty.name(), vm.type_of(v).name());
    Err(vm.type_error(msg))
}

/// `PyArg_ParseTuple`'s `i`: an integer (through `__index__`) that fits a C int.
pub(crate) fn c_int_state(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    let n = match crate::builtins::int::int_of(&i) {
        Some(crate::builtins::int::Int::Small(n)) => n,
        _ => return Err(vm.overflow_error("Python int too large to convert to C long")),
    };
    if n > i32::MAX as i64 {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    }
    if n < i32::MIN as i64 {
        return Err(vm.overflow_error("signed integer is less than minimum"));
    }
    Ok(n)
}

/// The indices of a combinatoric object's state as `PyLong_AsSsize_t`
/// reads each (an int, no `__index__`).
pub(crate) fn index_tuple(indices: &[usize]) -> Value {
    new_tuple(indices.iter().map(|&i| crate::builtins::int::new_int(i as i64)).collect())
}

/// The built-in base of classes derived from an itertools type: their
/// instances are made by the type's own `new` (`alloc_for`).
pub fn builtin_base(ty: &'static TypeObject) -> Option<BuiltinBase> {
    fn of<T: Payload>(ty: &'static TypeObject) -> Option<BuiltinBase> {
        std::ptr::eq(ty, T::ty()).then(|| BuiltinBase::allocated_by_new::<T>(ty))
    }
    of::<infinite::Count>(ty)
        .or_else(|| of::<infinite::Cycle>(ty))
        .or_else(|| of::<infinite::Repeat>(ty))
        .or_else(|| of::<merging::Accumulate>(ty))
        .or_else(|| of::<merging::Chain>(ty))
        .or_else(|| of::<merging::Pairwise>(ty))
        .or_else(|| of::<merging::ZipLongest>(ty))
        .or_else(|| of::<merging::Starmap>(ty))
        .or_else(|| of::<filtering::Compress>(ty))
        .or_else(|| of::<filtering::DropWhile>(ty))
        .or_else(|| of::<filtering::TakeWhile>(ty))
        .or_else(|| of::<filtering::FilterFalse>(ty))
        .or_else(|| of::<filtering::ISlice>(ty))
        .or_else(|| of::<groupby::GroupBy>(ty))
        .or_else(|| of::<combinatoric::Product>(ty))
        .or_else(|| of::<combinatoric::Permutations>(ty))
        .or_else(|| of::<combinatoric::Combinations>(ty))
        .or_else(|| of::<combinatoric::CombinationsWithReplacement>(ty))
}

/// The `itertools` module.
pub fn new_itertools_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str("itertools"))?;
    dd.set(vm, new_str("__doc__"), new_str(DOC))?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    // As for the modules imported from source (see `import`).
    dd.set(vm, new_str("__loader__"), crate::builtins::singletons::none())?;
    dd.set(vm, new_str("__spec__"), crate::builtins::singletons::none())?;
    let types: [&'static TypeObject; 21] = [
        &groupby::GROUPER_TYPE,
        &tee::TEE_TYPE,
        &tee::TEE_DATA_TYPE,
        &merging::ACCUMULATE_TYPE,
        &merging::CHAIN_TYPE,
        &combinatoric::COMBINATIONS_TYPE,
        &combinatoric::CWR_TYPE,
        &filtering::COMPRESS_TYPE,
        &infinite::COUNT_TYPE,
        &infinite::CYCLE_TYPE,
        &filtering::DROPWHILE_TYPE,
        &filtering::FILTERFALSE_TYPE,
        &groupby::GROUPBY_TYPE,
        &filtering::ISLICE_TYPE,
        &merging::PAIRWISE_TYPE,
        &combinatoric::PERMUTATIONS_TYPE,
        &combinatoric::PRODUCT_TYPE,
        &infinite::REPEAT_TYPE,
        &merging::STARMAP_TYPE,
        &filtering::TAKEWHILE_TYPE,
        &merging::ZIP_LONGEST_TYPE,
    ];
    for ty in types {
        dd.set(vm, new_str(short_name(ty)), type_value(ty))?;
    }
    dd.set(vm, new_str("tee"), new_builtin("tee", tee::tee))?;
    Ok(new_module("itertools", d))
}

/// The module's docstring (its first line is CPython's).
const DOC: &str = "Functional tools for creating and using iterators.";
