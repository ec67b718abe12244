//! `tee`, its `_tee` iterators and the `_tee_dataobject` links they share.
//!
//! Invariants: the items read from the underlying iterator are kept in a
//! chain of links of `LINKCELLS` items each, every link holding the
//! iterator too. A `_tee` points at a link and an index in it; copies of
//! a `_tee` share the links, so a link lives while some `_tee` may still
//! read it and is freed by reference counting when the last one moves on
//! (a long chain is freed through the deallocator's queue, never by deep
//! recursion). Only the `_tee` at the front reads the iterator, and a link
//! is marked `running` while it does: reading it again from inside that
//! read is CPython's RuntimeError.

use std::cell::{Cell, RefCell};

use super::{c_int_state, check_positional, iter_self, no_args, one_arg, payload, positional_only, reduce_new};
use super::{state_tuple, typed_state_item, vec_with_capacity, Payload};
use super::{dealloc_payload, trace_payload};
use crate::builtins::exceptions::{ATTRIBUTE_ERROR, RUNTIME_ERROR};
use crate::builtins::list::{as_list, new_list};
use crate::builtins::singletons::none;
use crate::builtins::singletons::is_none;
use crate::builtins::str::intern;
use crate::builtins::tuple::new_tuple;
use crate::object::alloc;
use crate::ops;
use crate::types::{MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Items per link (CPython's `LINKCELLS`).
const LINKCELLS: usize = 57;

/// A link: up to `LINKCELLS` items read from `it`, and the next link once
/// this one is full and a `_tee` has moved past it.
pub struct TeeData {
    it: Value,
    values: RefCell<Vec<Value>>,
    next: RefCell<Option<Value>>,
    running: Cell<bool>,
}

impl Payload for TeeData {
    fn ty() -> &'static TypeObject {
        &TEE_DATA_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.it);
        self.values.borrow().iter().for_each(&mut *visit);
        if let Some(n) = &*self.next.borrow() {
            visit(n);
        }
    }
}

fn new_link(it: Value) -> Value {
    let data = TeeData { it, values: RefCell::new(Vec::new()), next: RefCell::new(None), running: Cell::new(false) };
    Value::from_owned(alloc(&TEE_DATA_TYPE, data))
}

pub static TEE_DATA_TYPE: TypeObject = TypeObject {
    new: Some(tee_data_new),
    methods: &[MethodDef {
        name: "__reduce__",
        // `(_tee_dataobject, (it, values, next or None))`.
        func: |vm, this, args, kwnames| {
            no_args(vm, "_tee_dataobject.__reduce__", args, kwnames)?;
            let link = payload::<TeeData>(this);
            let values = new_list(link.values.borrow().clone());
            let next = link.next.borrow().clone().unwrap_or_else(none);
            Ok(reduce_new(vm, this, vec![link.it.clone(), values, next], None))
        },
    }],
    ..TypeObject::builtin("itertools._tee_dataobject", Some(&OBJECT_TYPE), dealloc_payload::<TeeData>, trace_payload::<TeeData>)
};

/// `_tee_dataobject(iterator, values, next)`: a link holding `values`
/// (a list of at most `LINKCELLS` items) and, when full, `next`.
fn tee_data_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional_only(vm, (&TEE_DATA_TYPE, &TEE_DATA_TYPE), "teedataobject", args, kwnames, 3, 3)?;
    let Some(values) = as_list(&args[1]) else {
        let msg = format!("teedataobject() argument 2 must be list, not {}", vm.type_of(&args[1]).name());
        return Err(vm.type_error(msg));
    };
    let values = values.items.borrow().clone();
    let next = &args[2];
    let next_ok = is_none(next) || (values.len() == LINKCELLS && std::ptr::eq(vm.type_of(next), &TEE_DATA_TYPE));
    if values.len() > LINKCELLS || !next_ok {
        return Err(vm.value_error("Invalid arguments"));
    }
    let next = (!is_none(next)).then(|| next.clone());
    let data = TeeData { it: args[0].clone(), values: RefCell::new(values), next: RefCell::new(next), running: Cell::new(false) };
    Ok(Value::from_owned(alloc(&TEE_DATA_TYPE, data)))
}

/// A `_tee`: the link it reads and its index there.
pub struct Tee {
    data: RefCell<Value>,
    index: Cell<usize>,
    /// A weak reference was made to it (its weak references are cleared
    /// when it is freed).
    weakly_referenced: Cell<bool>,
}

fn new_tee(data: Value, index: usize) -> Value {
    let t = Tee { data: RefCell::new(data), index: Cell::new(index), weakly_referenced: Cell::new(false) };
    Value::from_owned(alloc(&TEE_TYPE, t))
}

/// Mark `v` weakly referenced if it is a `_tee` (CPython's `_tee` has a
/// weak reference list); false for other objects.
pub fn mark_weakly_referenced(v: &Value) -> bool {
    if !is_tee(v) {
        return false;
    }
    payload::<Tee>(v).weakly_referenced.set(true);
    true
}

unsafe fn dealloc_tee(p: crate::object::ObjPtr) {
    // SAFETY: `_tee` objects are Obj<Tee> (the type is final).
    if unsafe { p.data::<Tee>() }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_payload::<Tee>(p) }
}

impl Payload for Tee {
    fn ty() -> &'static TypeObject {
        &TEE_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.data.borrow());
    }
}

pub static TEE_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(tee_next),
    new: Some(|vm, _, args, kwnames| {
        let args = positional_only(vm, (&TEE_TYPE, &TEE_TYPE), "_tee", args, kwnames, 1, 1)?;
        tee_from_iterable(vm, &args[0])
    }),
    methods: &[
        MethodDef {
            name: "__copy__",
            func: |vm, this, args, _| {
                if !args.is_empty() {
                    return Err(vm.type_error(format!("_tee.__copy__() takes no arguments ({} given)", args.len())));
                }
                Ok(tee_copy(this))
            },
        },
        MethodDef {
            name: "__reduce__",
            // `(_tee, ((),), (link, index))`.
            func: |vm, this, args, kwnames| {
                no_args(vm, "_tee.__reduce__", args, kwnames)?;
                let t = payload::<Tee>(this);
                let state = new_tuple(vec![t.data.borrow().clone(), crate::builtins::int::new_int(t.index.get() as i64)]);
                Ok(reduce_new(vm, this, vec![new_tuple(vec![])], Some(state)))
            },
        },
        MethodDef { name: "__setstate__", func: tee_setstate },
    ],
    ..TypeObject::builtin("itertools._tee", Some(&OBJECT_TYPE), dealloc_tee, trace_payload::<Tee>)
};

/// `__setstate__((link, index))`, the index at most `LINKCELLS`.
fn tee_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let state = one_arg(vm, "_tee.__setstate__", args, kwnames)?;
    let items = state_tuple(vm, state, 2, 2)?;
    typed_state_item(vm, &items[0], 1, &TEE_DATA_TYPE)?;
    let index = c_int_state(vm, &items[1])?;
    if !(0..=LINKCELLS as i64).contains(&index) {
        return Err(vm.value_error("Index out of range"));
    }
    let t = payload::<Tee>(this);
    let Ok(mut data) = t.data.try_borrow_mut() else { return Err(reentered(vm)) };
    let old = std::mem::replace(&mut *data, items[0].clone());
    drop(data);
    drop(old);
    t.index.set(index as usize);
    Ok(none())
}

fn is_tee(v: &Value) -> bool {
    v.as_object().is_some_and(|p| std::ptr::eq(p.type_ptr(), &TEE_TYPE))
}

/// Another `_tee` at the same place as `t`.
fn tee_copy(t: &Value) -> Value {
    let t = payload::<Tee>(t);
    let data = t.data.borrow().clone();
    new_tee(data, t.index.get())
}

/// `_tee(iterable)`: a copy of a `_tee`, else a `_tee` at the start of a
/// new chain over `iter(iterable)`.
fn tee_from_iterable(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    let it = ops::iter(vm, iterable)?;
    if is_tee(&it) {
        return Ok(tee_copy(&it));
    }
    Ok(new_tee(new_link(it), 0))
}

fn tee_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let t = payload::<Tee>(v);
    if t.index.get() >= LINKCELLS {
        // Never borrowed while the iterator runs at this index (see below).
        let Ok(mut data) = t.data.try_borrow_mut() else { return Err(reentered(vm)) };
        let link = next_link(&data);
        let old = std::mem::replace(&mut *data, link);
        drop(data);
        drop(old);
        t.index.set(0);
    }
    // Borrowed across the iterator's `next`: code it runs that reads this
    // `_tee` again finds the link `running` before it could move on.
    let data = t.data.borrow();
    let link = payload::<TeeData>(&data);
    let i = t.index.get();
    let values = link.values.borrow();
    if let Some(x) = values.get(i) {
        let x = x.clone();
        drop(values);
        t.index.set(i + 1);
        return Ok(Some(x));
    }
    // Only the `_tee` at the front reads the iterator.
    if values.len() != i {
        return Ok(None);
    }
    drop(values);
    if link.running.get() {
        return Err(reentered(vm));
    }
    link.running.set(true);
    let r = ops::next(vm, &link.it);
    link.running.set(false);
    let Some(x) = r? else { return Ok(None) };
    link.values.borrow_mut().push(x.clone());
    t.index.set(i + 1);
    Ok(Some(x))
}

fn reentered(vm: &mut Vm) -> crate::vm::PyErr {
    vm.error(&RUNTIME_ERROR, "cannot re-enter the tee iterator")
}

/// The link after `data`, made (empty) the first time it is asked for.
fn next_link(data: &Value) -> Value {
    let link = payload::<TeeData>(data);
    let existing = link.next.borrow().clone();
    existing.unwrap_or_else(|| {
        let next = new_link(link.it.clone());
        drop(link.next.replace(Some(next.clone())));
        next
    })
}

/// `tee(iterable, n=2, /)`: `n` independent iterators over `iterable`.
/// An iterator with a `__copy__` method is copied with it (and is the
/// first of the `n`); others are wrapped in a `_tee` first.
pub fn tee(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("itertools.tee() takes no keyword arguments"));
    }
    check_positional(vm, "tee", args.len(), 1, 2)?;
    let n = match args.get(1) {
        Some(n) => crate::builtins::str_methods::ssize_arg(vm, n)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    let n = n as usize;
    let mut out = vec_with_capacity(vm, n)?;
    if n == 0 {
        return Ok(new_tuple(out));
    }
    let it = ops::iter(vm, &args[0])?;
    let copy = if is_tee(&it) {
        None
    } else {
        match ops::getattr(vm, &it, &intern("__copy__")) {
            Ok(f) => Some(f),
            Err(e) if vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR) => None,
            Err(e) => return Err(e),
        }
    };
    let first = match (&copy, is_tee(&it)) {
        (Some(_), _) | (None, true) => it,
        (None, false) => tee_from_iterable(vm, &it)?,
    };
    out.push(first);
    for _ in 1..n {
        let next = match &copy {
            Some(f) => crate::eval::call(vm, f, &[], &[])?,
            None => tee_copy(&out[0]),
        };
        out.push(next);
    }
    Ok(new_tuple(out))
}
