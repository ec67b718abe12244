//! `None`, `NotImplemented`, `Ellipsis`, `True` and `False`: static objects
//! of their own types, compared by identity.

use std::cell::Cell;

use crate::builtins::int::INT_TYPE;
use crate::builtins::str::new_str;
use crate::object::StaticObj;
use crate::types::{never_dealloc, trace_nothing, Slot, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static NONE_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, _| Ok(new_str("None"))),
    bool: Slot::new(|_, _| Ok(false)),
    new: Some(|vm, _, args, _| singleton_new(vm, "NoneType", args, none())),
    ..TypeObject::builtin("NoneType", Some(&OBJECT_TYPE), never_dealloc, trace_nothing)
};

pub static NOT_IMPLEMENTED_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, _| Ok(new_str("NotImplemented"))),
    // True, with a DeprecationWarning (bpo-35712, CPython's
    // `notimplemented_bool`).
    bool: Slot::new(|vm, _| {
        let msg = "NotImplemented should not be used in a boolean context";
        crate::builtins::warnings::warn_native(vm, &crate::builtins::exceptions::DEPRECATION_WARNING, msg, 1)?;
        Ok(true)
    }),
    new: Some(|vm, _, args, _| singleton_new(vm, "NotImplementedType", args, vm.not_implemented())),
    methods: &[crate::types::MethodDef { name: "__reduce__", func: |vm, this, args, kwnames| singleton_reduce(vm, this, args, kwnames, "NotImplemented") }],
    ..TypeObject::builtin("NotImplementedType", Some(&OBJECT_TYPE), never_dealloc, trace_nothing)
};

pub static ELLIPSIS_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, _| Ok(new_str("Ellipsis"))),
    new: Some(|vm, _, args, _| singleton_new(vm, "EllipsisType", args, ellipsis())),
    methods: &[crate::types::MethodDef { name: "__reduce__", func: |vm, this, args, kwnames| singleton_reduce(vm, this, args, kwnames, "Ellipsis") }],
    ..TypeObject::builtin("ellipsis", Some(&OBJECT_TYPE), never_dealloc, trace_nothing)
};

/// `....__reduce__()`: the builtin's name, which pickle saves as a global.
fn singleton_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    Ok(new_str(name))
}

/// `type(None)()` and the like: the one instance; any argument (keywords
/// included) is an error.
fn singleton_new(vm: &mut Vm, name: &str, args: &[Value], instance: Value) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(vm.type_error(format!("{name} takes no arguments")));
    }
    Ok(instance)
}

/// `bool`, a subclass of `int`; its two instances carry their int value.
pub static BOOL_TYPE: TypeObject = TypeObject {
    flags: std::cell::Cell::new(crate::types::tp_flags::MATCH_SELF),
    repr: Slot::new(bool_repr),
    // Faster than int's, for `if flag:`; not a `__bool__` of its own
    // (`slot_wrappers` leaves it out, as CPython's bool has int's).
    bool: Slot::new(|_, v| Ok(v.is(&bool_value(true)))),
    // Inherited from int (a static type's slots are spelled out).
    hash: Slot::new(crate::builtins::int::int_hash),
    richcompare: Slot::new(crate::builtins::int::int_richcompare),
    number: Cell::new(&crate::builtins::int::BOOL_NUMBER),
    new: Some(|vm, _, args, kwnames| {
        crate::builtins::function::no_keywords(vm, "bool", kwnames)?;
        match args {
            [] => Ok(bool_value(false)),
            [x] => {
                let t = crate::ops::truthy(vm, x)?;
                Ok(bool_value(t))
            }
            _ => Err(vm.type_error(format!("bool expected at most 1 argument, got {}", args.len()))),
        }
    }),
    ..TypeObject::builtin("bool", Some(&INT_TYPE), never_dealloc, trace_nothing)
};

static NONE: StaticObj<()> = StaticObj::new(&NONE_TYPE, ());
static NOT_IMPLEMENTED: StaticObj<()> = StaticObj::new(&NOT_IMPLEMENTED_TYPE, ());
static ELLIPSIS: StaticObj<()> = StaticObj::new(&ELLIPSIS_TYPE, ());
static TRUE: StaticObj<bool> = StaticObj::new(&BOOL_TYPE, true);
static FALSE: StaticObj<bool> = StaticObj::new(&BOOL_TYPE, false);

pub fn none() -> Value {
    Value::from_borrowed(NONE.ptr())
}

pub fn not_implemented() -> Value {
    Value::from_borrowed(NOT_IMPLEMENTED.ptr())
}

pub fn ellipsis() -> Value {
    Value::from_borrowed(ELLIPSIS.ptr())
}

pub fn bool_value(b: bool) -> Value {
    Value::from_borrowed(if b { TRUE.ptr() } else { FALSE.ptr() })
}

pub fn is_none(v: &Value) -> bool {
    v.as_object() == Some(NONE.ptr())
}

pub fn is_not_implemented(v: &Value) -> bool {
    v.as_object() == Some(NOT_IMPLEMENTED.ptr())
}

/// The int value of `True`/`False`, if `v` is one.
pub fn as_bool(v: &Value) -> Option<bool> {
    let p = v.as_object()?;
    if p == TRUE.ptr() {
        Some(true)
    } else if p == FALSE.ptr() {
        Some(false)
    } else {
        None
    }
}

fn bool_repr(_: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_str(if as_bool(v) == Some(true) { "True" } else { "False" }))
}
