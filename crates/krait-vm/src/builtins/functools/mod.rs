//! The `_functools` module (CPython's `Modules/_functoolsmodule.c`), the
//! accelerator `functools.py` imports: `partial`, `reduce`, `cmp_to_key`
//! (and its `KeyWrapper` objects) and `_lru_cache_wrapper`, the object
//! `functools.lru_cache` returns.
//!
//! Invariants:
//! - The types are named `functools.NAME` (their `__module__` is
//!   'functools', as CPython's); `partial` may be derived from, the others
//!   are final.
//! - `partial` and `_lru_cache_wrapper` objects have a `__dict__` (NULL
//!   until first used, like CPython's `tp_dictoffset` slot) and accept weak
//!   references; instances of classes derived from `partial` keep both in
//!   their instance storage instead.
//! - No borrow of an object's cells is held across a call that may run
//!   Python code (the wrapped function, `__eq__` and `__hash__` of a cache
//!   key, a `__del__`): re-entrant calls find a consistent object.
//! - Each type's trace visits every reference its objects hold, once.

mod lru_cache;
mod partial;

#[cfg(test)]
mod tests;

use std::cell::RefCell;

use crate::builtins::classes::BuiltinBase;
use crate::builtins::dict::{as_dict, check_args};
use crate::builtins::function::{native_module_dict, new_module};
use crate::builtins::itertools::bind;
use crate::builtins::str::new_str;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{type_value, CompareOp, GetSetDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub use lru_cache::LRU_CACHE_WRAPPER_TYPE;
pub use partial::PARTIAL_TYPE;

/// The final types: no class may derive from them.
pub const FINAL_TYPES: &[&str] = &["functools._lru_cache_wrapper", "functools.KeyWrapper"];

pub fn new_functools_module(vm: &mut Vm) -> PyResult<Value> {
    let functions: [(&'static str, crate::types::CallFn); 2] = [("reduce", reduce), ("cmp_to_key", cmp_to_key)];
    let d = native_module_dict(vm, "_functools", "Tools that operate on functions.", &functions)?;
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("partial"), type_value(&PARTIAL_TYPE))?;
    dd.set(vm, new_str("_lru_cache_wrapper"), type_value(&LRU_CACHE_WRAPPER_TYPE))?;
    Ok(new_module("_functools", d))
}

/// The cell holding the `__dict__` of an exact `partial` or
/// `_lru_cache_wrapper`, for the generic attribute code (`classes::storage`).
pub(crate) fn inst_dict_cell(v: &Value) -> Option<&RefCell<Value>> {
    partial::inst_dict_cell(v).or_else(|| lru_cache::inst_dict_cell(v))
}

/// Mark `v` weakly referenced if it is an exact `partial` or
/// `_lru_cache_wrapper`; false for other objects.
pub fn mark_weakly_referenced(v: &Value) -> bool {
    match partial::weakref_flag(v).or_else(|| lru_cache::weakref_flag(v)) {
        Some(flag) => {
            flag.set(true);
            true
        }
        None => false,
    }
}

/// `__dict__` of a partial or an lru_cache wrapper (made on first use).
fn get_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::builtins::classes::instance_dict(vm, v)?.unwrap_or_else(crate::builtins::singletons::none))
}

/// Assigning `__dict__` (deleting it is refused, as `PyObject_GenericSetDict` does).
fn set_dict(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    if value.is_none() {
        return Err(vm.type_error("cannot delete __dict__"));
    }
    crate::builtins::classes::set_instance_dict(vm, v, value)
}

const DICT_GETSET: GetSetDef = GetSetDef { name: "__dict__", get: get_dict, set: Some(set_dict), member: false };

/// How instances of classes derived from `partial` are made.
pub fn builtin_base(ty: &'static TypeObject) -> Option<BuiltinBase> {
    partial::builtin_base(ty)
}

// ----- reduce ---------------------------------------------------------------

/// `reduce(function, iterable[, initial])`.
fn reduce(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "reduce", args, kwnames, 2, 3)?;
    let function = &args[0];
    let it = match ops::iter(vm, &args[1]) {
        Ok(it) => it,
        Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::TYPE_ERROR) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"));
        }
        Err(e) => return Err(e),
    };
    let mut acc = args.get(2).cloned();
    while let Some(item) = ops::next(vm, &it)? {
        acc = Some(match acc.take() {
            None => item,
            Some(a) => crate::eval::call(vm, function, &[a, item], &[])?,
        });
    }
    acc.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}

// ----- cmp_to_key -----------------------------------------------------------

/// A `KeyWrapper`: `cmp_to_key(cmp)` itself (no `obj`), or what calling
/// it makes (`K(obj)`), compared by calling `cmp`.
struct KeyData {
    cmp: Value,
    /// NULL for the wrapper `cmp_to_key` returns, or once deleted (a
    /// writable member, as CPython's).
    obj: RefCell<Value>,
}

unsafe fn dealloc_key(p: ObjPtr) {
    // SAFETY: KeyWrapper objects are Obj<KeyData>.
    unsafe { dealloc_boxed::<KeyData>(p) }
}

fn trace_key(p: ObjPtr, visit: Visit) {
    // SAFETY: as above.
    let k = unsafe { p.data::<KeyData>() };
    visit(&k.cmp);
    let obj = k.obj.borrow();
    if !obj.is_null() {
        visit(&obj);
    }
}

fn key_data(v: &Value) -> Option<&KeyData> {
    let p = v.as_object()?;
    // SAFETY: objects of KEY_WRAPPER_TYPE (final) are Obj<KeyData>.
    std::ptr::eq(p.ty(), &KEY_WRAPPER_TYPE).then(|| unsafe { p.data::<KeyData>() })
}

fn new_key(cmp: Value, obj: Value) -> Value {
    Value::from_owned(alloc(&KEY_WRAPPER_TYPE, KeyData { cmp, obj: RefCell::new(obj) }))
}

/// `cmp_to_key(mycmp)`.
fn cmp_to_key(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [cmp] = bind(vm, "cmp_to_key", args, kwnames, ["mycmp"], 1, 1)?;
    Ok(new_key(cmp.expect("required"), Value::NULL))
}

/// `K(obj)`: a key holding `obj`, compared with `K`'s function.
fn key_call(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [obj] = bind(vm, "K", args, kwnames, ["obj"], 1, 1)?;
    let cmp = key_data(this).expect("a KeyWrapper").cmp.clone();
    Ok(new_key(cmp, obj.expect("required")))
}

/// `K(a) < K(b)` and the others: `cmp(a, b) OP 0`.
fn key_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(other) = key_data(b) else { return Err(vm.type_error("other argument must be K instance")) };
    let this = key_data(a).expect("a KeyWrapper");
    let (x, y) = (this.obj.borrow().clone(), other.obj.borrow().clone());
    if x.is_null() || y.is_null() {
        return Err(vm.error(&crate::builtins::exceptions::ATTRIBUTE_ERROR, "object"));
    }
    let cmp = this.cmp.clone();
    let r = crate::eval::call(vm, &cmp, &[x, y], &[])?;
    ops::richcompare(vm, &r, &crate::builtins::int::new_int(0), op)
}

fn key_obj(_: &mut Vm, v: &Value) -> PyResult<Value> {
    let obj = key_data(v).expect("a KeyWrapper").obj.borrow().clone();
    Ok(if obj.is_null() { crate::builtins::singletons::none() } else { obj })
}

fn set_key_obj(_: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let old = key_data(v).expect("a KeyWrapper").obj.replace(value.unwrap_or(Value::NULL));
    drop(old);
    Ok(())
}

pub static KEY_WRAPPER_TYPE: TypeObject = TypeObject {
    call: Slot::new(key_call),
    richcompare: Slot::new(key_richcompare),
    getsets: &[GetSetDef { name: "obj", get: key_obj, set: Some(set_key_obj), member: true }],
    ..TypeObject::builtin("functools.KeyWrapper", Some(&OBJECT_TYPE), dealloc_key, trace_key)
};
