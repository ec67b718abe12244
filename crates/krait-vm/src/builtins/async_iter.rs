//! `aiter()`, `anext()` and the awaitable `anext(it, default)` returns
//! (CPython's `anextawaitable`, in `Objects/iterobject.c`).
//!
//! Invariants:
//! - `anext(it)` is `type(it).__anext__(it)`, whatever it returns;
//!   `anext(it, default)` wraps that in an `anext_awaitable`, which drives
//!   the awaitable's iterator (fetched as `await` would, afresh at every
//!   step as CPython 3.11 does) and turns its StopAsyncIteration into
//!   StopIteration(default): the default becomes the value of the `await`.

use crate::builtins::classes::lookup_special;
use crate::builtins::exceptions::STOP_ASYNC_ITERATION;
use crate::builtins::singletons::none;
use crate::builtins::str::new_str;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `aiter(async_iterable)`.
pub fn aiter(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "aiter", kwnames)?;
    let [obj] = args else {
        return Err(vm.type_error(format!("aiter() takes exactly one argument ({} given)", args.len())));
    };
    let Some(method) = lookup_special(vm, obj, "__aiter__")? else {
        return Err(vm.type_error(format!("'{}' object is not an async iterable", vm.type_of(obj).name())));
    };
    let it = crate::eval::call(vm, &method, &[], &[])?;
    if !is_async_iterator(vm, &it) {
        return Err(vm.type_error(format!("aiter() returned not an async iterator of type '{}'", vm.type_of(&it).name())));
    }
    Ok(it)
}

fn is_async_iterator(vm: &mut Vm, v: &Value) -> bool {
    crate::builtins::classes::type_lookup(vm.type_of_static(v), &crate::builtins::str::intern("__anext__")).is_some()
}

/// `anext(async_iterator[, default])`.
pub fn anext(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "anext", kwnames)?;
    let (it, default) = match args {
        [it] => (it, None),
        [it, d] => (it, Some(d)),
        _ if args.is_empty() => return Err(vm.type_error("anext expected at least 1 argument, got 0")),
        _ => return Err(vm.type_error(format!("anext expected at most 2 arguments, got {}", args.len()))),
    };
    let method = match lookup_special(vm, it, "__anext__")? {
        Some(m) if is_async_iterator(vm, it) => m,
        _ => return Err(vm.type_error(format!("'{}' object is not an async iterator", vm.type_of(it).name()))),
    };
    let awaitable = crate::eval::call(vm, &method, &[], &[])?;
    let Some(default) = default else { return Ok(awaitable) };
    let data = AnextData { wrapped: awaitable, default: default.clone() };
    Ok(Value::from_owned(alloc(&ANEXT_AWAITABLE_TYPE, data)))
}

struct AnextData {
    /// What `__anext__` returned.
    wrapped: Value,
    default: Value,
}

fn data(v: &Value) -> &AnextData {
    // SAFETY: objects of ANEXT_AWAITABLE_TYPE are Obj<AnextData>.
    unsafe { v.as_object().expect("an anext_awaitable").data::<AnextData>() }
}

unsafe fn dealloc_anext(p: ObjPtr) {
    // SAFETY: made by `anext` as Obj<AnextData>.
    unsafe { dealloc_boxed::<AnextData>(p) }
}

fn trace_anext(p: ObjPtr, visit: Visit) {
    // SAFETY: as above.
    let d = unsafe { p.data::<AnextData>() };
    visit(&d.wrapped);
    visit(&d.default);
}

/// The awaitable's iterator (CPython's `anextawaitable_getiter`): what
/// `await` would drive, a coroutine's `__await__()` for a coroutine.
fn awaited_iter(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let it = crate::generator::get_awaitable(vm, &data(this).wrapped)?;
    if crate::generator::as_coroutine(&it).is_some() {
        return Ok(crate::generator::coroutine_await(&it));
    }
    Ok(it)
}

/// Call `method` of the iterator; StopAsyncIteration becomes
/// StopIteration(default).
fn proxy(vm: &mut Vm, this: &Value, method: &str, args: &[Value]) -> PyResult<Value> {
    let it = awaited_iter(vm, this)?;
    let m = crate::ops::getattr(vm, &it, &new_str(method))?;
    match crate::eval::call(vm, &m, args, &[]) {
        Err(e) if vm.type_of(&e.exception).is_subtype(&STOP_ASYNC_ITERATION) => {
            Err(crate::generator::stop_iteration(data(this).default.clone()))
        }
        other => other,
    }
}

pub static ANEXT_AWAITABLE_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| match proxy(vm, v, "__next__", &[]) {
        Ok(x) => Ok(Some(x)),
        Err(e) => Err(e),
    }),
    methods: &[
        MethodDef { name: "__await__", func: |_, this, _, _| Ok(this.clone()) },
        MethodDef { name: "send", func: |vm, this, a, _| proxy(vm, this, "send", a) },
        MethodDef { name: "throw", func: |vm, this, a, _| proxy(vm, this, "throw", a) },
        MethodDef { name: "close", func: |vm, this, a, _| {
            proxy(vm, this, "close", a)?;
            Ok(none())
        } },
    ],
    ..TypeObject::builtin("anext_awaitable", Some(&OBJECT_TYPE), dealloc_anext, trace_anext)
};
