//! What `raise` and `except` do with their operands: making the exception
//! instance, checking the classes an `except` names, and reading a
//! StopIteration's value.
//!
//! Invariants:
//! - Messages are CPython's `do_raise` and `check_except_type_valid`: every
//!   class an `except` names is checked before any is matched.

use super::call;
use crate::builtins::exceptions::as_exception;
use crate::builtins::singletons::is_none;
use crate::builtins::tuple::as_tuple;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// An exception instance from `raise X`: an instance as it is, a class
/// called with no arguments.
pub(super) fn make_exception(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if as_exception(v).is_some() {
        return Ok(v.clone());
    }
    if let Some(ty) = crate::types::as_type(v) {
        if ty.is_subtype(&crate::builtins::exceptions::BASE_EXCEPTION) {
            let e = call(vm, v, &[], &[])?;
            if as_exception(&e).is_some() {
                return Ok(e);
            }
            // CPython's `do_raise`, whose message shows both as reprs.
            let shown = crate::ops::repr_string(vm, v)?;
            let got = crate::ops::repr_string(vm, &crate::types::type_value(vm.type_of_static(&e)))?;
            return Err(vm.type_error(format!("calling {shown} should have returned an instance of BaseException, not {got}")));
        }
    }
    Err(vm.type_error("exceptions must derive from BaseException"))
}

/// `except ty:`: does `exc` match the class or tuple of classes `ty`?
pub(super) fn exception_matches(vm: &mut Vm, exc: &Value, ty: &Value) -> PyResult<bool> {
    let classes: Vec<Value> = match as_tuple(ty) {
        Some(t) => t.items.clone(),
        None => vec![ty.clone()],
    };
    // Every class is checked before any matches (CPython's
    // `check_except_type_valid`).
    let mut types = Vec::with_capacity(classes.len());
    for c in &classes {
        match crate::types::as_type(c) {
            Some(t) if t.is_subtype(&crate::builtins::exceptions::BASE_EXCEPTION) => types.push(t),
            _ => return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed")),
        }
    }
    let exc_ty = vm.type_of(exc);
    Ok(types.iter().any(|t| exc_ty.is_subtype(t)))
}

/// Is a StopIteration's value None (a generator that returned nothing)?
pub(super) fn stop_value_is_none(e: &PyErr) -> bool {
    is_none(&crate::builtins::exceptions::stop_iteration_value(&e.exception))
}

/// `raise exc` or `raise exc from cause`: the error to raise. An error
/// making the exception or its cause is raised instead (CPython's
/// `do_raise`).
pub(super) fn raise(vm: &mut Vm, exc: &Value, cause: Option<Value>) -> PyErr {
    let exc = match make_exception(vm, exc) {
        Ok(exc) => exc,
        Err(e) => return e,
    };
    if let Some(cause) = cause {
        let data = as_exception(&exc).expect("an exception");
        if is_none(&cause) {
            *data.cause.borrow_mut() = Value::NULL;
        } else {
            // An exception class is instantiated, its own errors
            // propagating.
            let is_class = crate::types::as_type(&cause)
                .is_some_and(|t| t.is_subtype(&crate::builtins::exceptions::BASE_EXCEPTION));
            if !is_class && as_exception(&cause).is_none() {
                return vm.type_error("exception causes must derive from BaseException");
            }
            match make_exception(vm, &cause) {
                Ok(cause) => *data.cause.borrow_mut() = cause,
                Err(e) => return e,
            }
        }
        data.suppress_context.set(true);
    }
    PyErr { exception: exc }
}
