//! The protocols some instructions drive through special methods: context
//! managers (`with`, `async with`), awaitables (`await`), asynchronous
//! iteration (`async for`) and `yield from`/`await`'s delegation to an
//! iterator that is not a generator.
//!
//! Invariants:
//! - Special methods are looked up on the type, as CPython's
//!   `_PyObject_LookupSpecial`; a missing one is CPython's TypeError for
//!   that instruction, raised before anything is called.

use super::call;
use crate::builtins::classes::{lookup_special, type_lookup};
use crate::builtins::exceptions::{stop_iteration_value, STOP_ITERATION};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::intern;
use crate::generator::{as_coroutine, as_generator, get_awaitable, Sent};
use crate::ops;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// `BEFORE_WITH` / `BEFORE_ASYNC_WITH`: the manager's bound `__exit__`
/// (`__aexit__`) and what `__enter__()` (`__aenter__()`) returned.
pub(super) fn enter_context(vm: &mut Vm, mgr: &Value, asynchronous: bool) -> PyResult<(Value, Value)> {
    let (enter_name, exit_name, what) = if asynchronous {
        ("__aenter__", "__aexit__", "asynchronous context manager")
    } else {
        ("__enter__", "__exit__", "context manager")
    };
    let ty = vm.type_of_static(mgr);
    let Some(enter) = lookup_special(vm, mgr, enter_name)? else {
        let msg = format!("'{}' object does not support the {what} protocol", ty.name());
        return Err(vm.type_error(msg));
    };
    let Some(exit) = lookup_special(vm, mgr, exit_name)? else {
        let msg = format!("'{}' object does not support the {what} protocol (missed {exit_name} method)", ty.name());
        return Err(vm.type_error(msg));
    };
    let entered = call(vm, &enter, &[], &[])?;
    Ok((exit, entered))
}

/// `GET_AWAITABLE`: the iterator `await v` drives. `arg` 1 or 2 is an
/// `async with`'s `__aenter__`/`__aexit__` result, with its own message.
pub(super) fn awaitable(vm: &mut Vm, v: &Value, arg: u32) -> PyResult<Value> {
    if arg > 0 && as_coroutine(v).is_none() && type_lookup(vm.type_of_static(v), &intern("__await__")).is_none() {
        let which = if arg == 1 { "__aenter__" } else { "__aexit__" };
        let msg = format!(
            "'async with' received an object from {which} that does not implement __await__: {}",
            vm.type_of(v).name()
        );
        return Err(vm.type_error(msg));
    }
    get_awaitable(vm, v)
}

/// `GET_AITER`: `v.__aiter__()`, which must have `__anext__`.
pub(super) fn aiter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(aiter) = lookup_special(vm, v, "__aiter__")? else {
        let msg = format!("'async for' requires an object with __aiter__ method, got {}", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    let it = call(vm, &aiter, &[], &[])?;
    let it_ty = vm.type_of_static(&it);
    if type_lookup(it_ty, &intern("__anext__")).is_none() {
        let msg = format!("'async for' received an object from __aiter__ that does not implement __anext__: {}", it_ty.name());
        return Err(vm.type_error(msg));
    }
    Ok(it)
}

/// `GET_ANEXT`: the awaitable's iterator for `aiter.__anext__()`.
pub(super) fn anext(vm: &mut Vm, aiter: &Value) -> PyResult<Value> {
    let Some(anext) = lookup_special(vm, aiter, "__anext__")? else {
        let msg = format!("'async for' requires an iterator with __anext__ method, got {}", vm.type_of(aiter).name());
        return Err(vm.type_error(msg));
    };
    let awaitable = call(vm, &anext, &[], &[])?;
    match get_awaitable(vm, &awaitable) {
        Ok(it) => Ok(it),
        // Chained to the error as its cause (CPython's `_PyErr_FormatFromCause`).
        Err(e) => {
            let msg = format!("'async for' received an invalid object from __anext__: {}", vm.type_of(&awaitable).name());
            let err = vm.type_error(msg);
            if let Some(data) = crate::builtins::exceptions::as_exception(&err.exception) {
                *data.cause.borrow_mut() = e.exception.clone();
                *data.context.borrow_mut() = e.exception;
                data.suppress_context.set(true);
            }
            Err(err)
        }
    }
}

/// `GET_YIELD_FROM_ITER`: a generator as it is, a coroutine only in a
/// coroutine or iterable-coroutine frame (`co_flags`), else `iter(v)`.
pub(super) fn yield_from_iter(vm: &mut Vm, v: Value, co_flags: u32) -> PyResult<Value> {
    if as_coroutine(&v).is_some() && co_flags & 0x180 == 0 {
        return Err(vm.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
    }
    if as_generator(&v).is_some() {
        Ok(v)
    } else {
        ops::iter(vm, &v)
    }
}

/// `SEND`: send `v` into the receiver a `yield from`/`await` delegates to:
/// a generator directly, `None` to any iterator through `next`, anything
/// else through its `send` method. A StopIteration is the receiver's return.
pub(super) fn send(vm: &mut Vm, receiver: &Value, v: Value) -> PyResult<Sent> {
    if as_generator(receiver).is_some() {
        return crate::generator::send(vm, receiver, v, None);
    }
    let returned = |vm: &mut Vm, e: PyErr| -> PyResult<Sent> {
        if vm.type_of(&e.exception).is_subtype(&STOP_ITERATION) {
            Ok(Sent::Returned(stop_iteration_value(&e.exception)))
        } else {
            Err(e)
        }
    };
    if is_none(&v) {
        // A class's `__next__` is called itself: its StopIteration carries
        // the value `yield from` evaluates to, which the `next` slot drops.
        if vm.type_of(receiver).heap.is_some() {
            if let Some(next) = lookup_special(vm, receiver, "__next__")? {
                return match call(vm, &next, &[], &[]) {
                    Ok(x) => Ok(Sent::Yielded(x)),
                    Err(e) => returned(vm, e),
                };
            }
        }
        let Some(next) = vm.type_of(receiver).next.get() else {
            let msg = format!("'{}' object is not an iterator", vm.type_of(receiver).name());
            return Err(vm.type_error(msg));
        };
        return match next(vm, receiver) {
            Ok(Some(x)) => Ok(Sent::Yielded(x)),
            Ok(None) => Ok(Sent::Returned(none())),
            Err(e) => returned(vm, e),
        };
    }
    let send = ops::getattr(vm, receiver, &crate::builtins::str::new_str("send"))?;
    match call(vm, &send, &[v], &[]) {
        Ok(x) => Ok(Sent::Yielded(x)),
        Err(e) => returned(vm, e),
    }
}
