//! The deque iterators, `_collections._deque_iterator` and
//! `_collections._deque_reverse_iterator`.
//!
//! Invariants: an iterator remembers its deque's `state` and length when
//! it was made; while the state is unchanged the deque holds the same
//! number of items in the same places, so `counter` (the items left) is
//! also the position to read. Once the state differs, `next` raises
//! "deque mutated during iteration" and the iterator is exhausted.

use std::cell::Cell;

use super::deque::{deque, DEQUE_TYPE};
use super::ssize_arg;
use crate::builtins::dict::check_args;
use crate::builtins::int::new_int;
use crate::builtins::itertools::{dealloc_payload, iter_self, trace_payload, Payload};
use crate::builtins::tuple::new_tuple;
use crate::types::{type_value, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// An iterator over a deque, forwards or backwards (by its type).
pub struct DequeIter {
    deque: Value,
    /// The deque's `state` when the iterator was made.
    state: u64,
    /// The deque's length then.
    len: usize,
    /// How many items are left.
    counter: Cell<usize>,
}

impl Payload for DequeIter {
    fn ty() -> &'static TypeObject {
        &DEQUE_ITER_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.deque);
    }
}

const ITER_METHODS: &[MethodDef] = &[
    MethodDef { name: "__length_hint__", func: |vm, this, a, k| {
        check_args(vm, "__length_hint__", a, k, 0, 0)?;
        Ok(new_int(iter_data(this).counter.get() as i64))
    } },
    MethodDef { name: "__reduce__", func: |vm, this, a, k| {
        check_args(vm, "__reduce__", a, k, 0, 0)?;
        let it = iter_data(this);
        let done = deque(&it.deque).len().saturating_sub(it.counter.get());
        let cls = type_value(vm.type_of_static(this));
        Ok(new_tuple(vec![cls, new_tuple(vec![it.deque.clone(), new_int(done as i64)])]))
    } },
];

pub static DEQUE_ITER_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(|vm, v| next(vm, v, false)),
    new: Some(|vm, cls, args, kwnames| iter_new(vm, cls, args, kwnames, false)),
    methods: ITER_METHODS,
    ..TypeObject::builtin("_collections._deque_iterator", Some(&OBJECT_TYPE), dealloc_payload::<DequeIter>, trace_payload::<DequeIter>)
};

pub static DEQUE_REVITER_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(|vm, v| next(vm, v, true)),
    new: Some(|vm, cls, args, kwnames| iter_new(vm, cls, args, kwnames, true)),
    methods: ITER_METHODS,
    ..TypeObject::builtin("_collections._deque_reverse_iterator", Some(&OBJECT_TYPE), dealloc_payload::<DequeIter>, trace_payload::<DequeIter>)
};

fn make(d: &Value, ty: &'static TypeObject) -> Value {
    let data = deque(d);
    let len = data.len();
    let it = DequeIter { deque: d.clone(), state: data.state.get(), len, counter: Cell::new(len) };
    Value::from_owned(crate::object::alloc(ty, it))
}

/// `iter(d)`.
pub fn deque_iter(d: &Value) -> Value {
    make(d, &DEQUE_ITER_TYPE)
}

/// `reversed(d)`.
pub fn deque_reviter(d: &Value) -> Value {
    make(d, &DEQUE_REVITER_TYPE)
}

fn iter_data(v: &Value) -> &DequeIter {
    let p = v.as_object().expect("a deque iterator");
    // SAFETY: objects of both iterator types are Obj<DequeIter> (`make`);
    // their slots and methods are reached only with such objects.
    unsafe { p.data::<DequeIter>() }
}

fn next(vm: &mut Vm, v: &Value, reverse: bool) -> PyResult<Option<Value>> {
    let it = iter_data(v);
    // CPython checks the count first going backwards, the state first
    // going forwards.
    if reverse && it.counter.get() == 0 {
        return Ok(None);
    }
    let d = deque(&it.deque);
    if d.state.get() != it.state {
        it.counter.set(0);
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "deque mutated during iteration"));
    }
    let left = it.counter.get();
    if left == 0 {
        return Ok(None);
    }
    it.counter.set(left - 1);
    let at = if reverse { left - 1 } else { it.len - left };
    Ok(d.get(at))
}

/// `_deque_iterator(deque, index=0)`: an iterator past its first
/// `index` items (how pickling restores one).
fn iter_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value], reverse: bool) -> PyResult<Value> {
    // CPython's `PyArg_ParseTuple(args, "O!|n")`, with its messages.
    let name = if reverse { "_deque_reverse_iterator" } else { "_deque_iterator" };
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    let (d, index) = match args {
        [] => return Err(vm.type_error("function takes at least 1 argument (0 given)")),
        [d] => (d, None),
        [d, i] => (d, Some(i)),
        _ => return Err(vm.type_error(format!("function takes at most 2 arguments ({} given)", args.len()))),
    };
    if !vm.type_of(d).is_subtype(&DEQUE_TYPE) {
        let msg = format!("argument 1 must be collections.deque, not {}", vm.type_of(d).name());
        return Err(vm.type_error(msg));
    }
    let index = match index {
        Some(i) => ssize_arg(vm, i)?,
        None => 0,
    };
    let it = make(d, cls);
    for _ in 0..index.max(0) {
        if next(vm, &it, reverse)?.is_none() {
            break;
        }
    }
    Ok(it)
}
