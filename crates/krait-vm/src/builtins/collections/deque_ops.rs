//! `collections.deque`'s sequence protocol: indexing, item assignment and
//! deletion, the searches (`in`, `count`, `index`, `remove`), comparisons,
//! `+`, `*` and their in-place forms, and `repr`.
//!
//! Invariants:
//! - A search reads one item at a time and compares it with no borrow
//!   held; if the comparison moved the deque's `state`, it stops with
//!   CPython's error (RuntimeError, or IndexError for `remove`), so an
//!   index never outlives a change it did not see.
//! - Comparisons and `repr` go through `iter()`, as CPython's do, so a
//!   class derived from deque that overrides `__iter__` is compared and
//!   shown by what it iterates.

use super::deque::{as_deque, copy, deque, extend, End};
use super::{seq_index, type_name};
use crate::builtins::dict::check_args;
use crate::builtins::int::new_int;
use crate::builtins::itertools::equal;
use crate::builtins::list::{clamp_index, new_list};
use crate::builtins::str::new_str;
use crate::ops;
use crate::types::CompareOp;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

#[cold]
fn mutated(vm: &mut Vm) -> PyErr {
    vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "deque mutated during iteration")
}

#[cold]
fn out_of_range(vm: &mut Vm) -> PyErr {
    vm.index_error("deque index out of range")
}

/// `i` counted from the end when negative, if it is in `0..len`.
fn position(i: isize, len: usize) -> Option<usize> {
    let i = if i < 0 { i.checked_add(len as isize)? } else { i };
    (0..len as isize).contains(&i).then_some(i as usize)
}

/// `d[i]`.
pub(super) fn deque_subscript(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let i = seq_index(vm, key)?;
    let d = deque(v);
    match position(i, d.len()) {
        Some(i) => d.get(i).ok_or_else(|| out_of_range(vm)),
        None => Err(out_of_range(vm)),
    }
}

/// `d[key] = value`, or `del d[key]` when `value` is `None`.
pub fn set_item(vm: &mut Vm, this: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let i = seq_index(vm, key)?;
    set_at(vm, this, i, value)
}

/// `d[i] = value`, or `del d[i]` when `value` is `None`.
pub(super) fn set_at(vm: &mut Vm, this: &Value, i: isize, value: Option<Value>) -> PyResult<()> {
    let d = deque(this);
    let Some(i) = position(i, d.len()) else { return Err(out_of_range(vm)) };
    let old = match value {
        Some(v) => d.items.borrow_mut().get_mut(i).map(|slot| std::mem::replace(slot, v)),
        None => {
            let old = d.items.borrow_mut().remove(i);
            d.bump();
            old
        }
    };
    drop(old);
    Ok(())
}

/// `x in d`: `Ok(true)` at the first equal item.
pub fn contains(vm: &mut Vm, this: &Value, x: &Value) -> PyResult<bool> {
    let d = deque(this);
    let start = d.state.get();
    let mut i = 0;
    while let Some(item) = d.get(i) {
        if equal(vm, &item, x)? {
            return Ok(true);
        }
        if d.state.get() != start {
            return Err(mutated(vm));
        }
        i += 1;
    }
    Ok(false)
}

/// `d.count(x)`.
pub(super) fn deque_count(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "deque.count", args, kwnames, 1, 1)?;
    let d = deque(this);
    let start = d.state.get();
    let (mut i, mut count) = (0, 0);
    while let Some(item) = d.get(i) {
        count += equal(vm, &item, &args[0])? as i64;
        if d.state.get() != start {
            return Err(mutated(vm));
        }
        i += 1;
    }
    Ok(new_int(count))
}

/// `d.index(x, start=0, stop=len(d))`.
pub(super) fn deque_index(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "deque.index", kwnames)?;
    match args.len() {
        0 => return Err(vm.type_error("index() takes at least 1 argument (0 given)")),
        1..=3 => {}
        n => return Err(vm.type_error(format!("index() takes at most 3 arguments ({n} given)"))),
    }
    let d = deque(this);
    let len = d.len();
    let begin = clamp_index(vm, args.get(1), len, 0)?;
    let stop = clamp_index(vm, args.get(2), len, len)?;
    let start_state = d.state.get();
    for i in begin..stop {
        let Some(item) = d.get(i) else { break };
        if equal(vm, &item, &args[0])? {
            return Ok(new_int(i as i64));
        }
        if d.state.get() != start_state {
            return Err(mutated(vm));
        }
    }
    let r = ops::repr_string(vm, &args[0])?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

/// `d.remove(x)`: the first equal item.
pub(super) fn deque_remove(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "deque.remove", args, kwnames, 1, 1)?;
    let d = deque(this);
    let start = d.state.get();
    let mut i = 0;
    while let Some(item) = d.get(i) {
        let eq = equal(vm, &item, &args[0])?;
        if d.state.get() != start {
            return Err(vm.index_error("deque mutated during iteration"));
        }
        if eq {
            let old = d.items.borrow_mut().remove(i);
            d.bump();
            drop(old);
            return Ok(vm.none());
        }
        i += 1;
    }
    let r = ops::repr_string(vm, &args[0])?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

/// Comparisons between deques: item by item through their iterators, the
/// first unequal pair deciding (CPython's `deque_richcompare`).
pub(super) fn deque_richcompare(vm: &mut Vm, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (as_deque(v), as_deque(w)) else { return Ok(vm.not_implemented()) };
    let (vs, ws) = (a.len(), b.len());
    match op {
        CompareOp::Eq if v.is(w) || vs != ws => return Ok(vm.bool(v.is(w))),
        CompareOp::Ne if v.is(w) || vs != ws => return Ok(vm.bool(!v.is(w))),
        _ => {}
    }
    let it1 = ops::iter(vm, v)?;
    let it2 = ops::iter(vm, w)?;
    let (x, y) = loop {
        let x = ops::next(vm, &it1)?;
        let y = ops::next(vm, &it2)?;
        let (Some(x), Some(y)) = (x.clone(), y.clone()) else { break (x, y) };
        if !equal(vm, &x, &y)? {
            let r = ops::richcompare(vm, &x, &y, op)?;
            let r = ops::truthy(vm, &r)?;
            return Ok(vm.bool(r));
        }
    };
    // One deque (or both) ended with every pair equal.
    let r = match op {
        CompareOp::Lt => y.is_some(),
        CompareOp::Le => x.is_none(),
        CompareOp::Eq => x.is_none() && y.is_none(),
        CompareOp::Ne => x.is_some() || y.is_some(),
        CompareOp::Gt => x.is_some(),
        CompareOp::Ge => y.is_none(),
    };
    Ok(vm.bool(r))
}

/// `deque([1, 2])`, `deque([1, 2], maxlen=3)`; `[...]` for a deque
/// already being shown.
pub(super) fn deque_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if !vm.repr_enter(v) {
        return Ok(new_str("[...]"));
    }
    let items = items_repr(vm, v);
    vm.repr_leave(v);
    let items = items?;
    let name = type_name(vm.type_of(v));
    Ok(new_str(&match deque(v).maxlen.get() {
        Some(m) => format!("{name}({items}, maxlen={m})"),
        None => format!("{name}({items})"),
    }))
}

/// The repr of `list(v)`.
fn items_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let items = ops::collect(vm, v)?;
    ops::repr_string(vm, &new_list(items))
}

/// `d + other`: a copy of `d` extended by `other`, another deque.
pub(super) fn deque_concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if as_deque(b).is_none() {
        let msg = format!("can only concatenate deque (not \"{}\") to deque", vm.type_of(b).name());
        return Err(vm.type_error(msg));
    }
    let new = copy(vm, a)?;
    extend(vm, &new, b, End::Right)?;
    Ok(new)
}

/// `d * n`: a copy repeated in place.
pub(super) fn deque_repeat(vm: &mut Vm, a: &Value, n: usize) -> PyResult<Value> {
    let new = copy(vm, a)?;
    deque_inplace_repeat(vm, &new, n)
}

/// `d *= n` (CPython's `deque_inplace_repeat`): with a `maxlen`, only as
/// many repetitions as can show.
pub(super) fn deque_inplace_repeat(vm: &mut Vm, a: &Value, n: usize) -> PyResult<Value> {
    let d = deque(a);
    let size = d.len();
    if size == 0 || n == 1 {
        return Ok(a.clone());
    }
    if n == 0 {
        d.clear();
        return Ok(a.clone());
    }
    if size == 1 {
        let n = d.maxlen.get().map_or(n, |m| n.min(m));
        let item = d.get(0).expect("one item");
        d.bump();
        let mut items = d.items.borrow_mut();
        if items.try_reserve(n - 1).is_err() {
            drop(items);
            return Err(memory_error(vm));
        }
        for _ in 1..n {
            items.push_back(item.clone());
        }
        return Ok(a.clone());
    }
    let total = match size.checked_mul(n) {
        Some(t) if t <= isize::MAX as usize => t,
        _ => return Err(memory_error(vm)),
    };
    let seq = new_list(ops::collect(vm, a)?);
    let (n, total) = match d.maxlen.get() {
        Some(m) if total > m => (m.div_ceil(size), m),
        _ => (n, total),
    };
    if d.items.borrow_mut().try_reserve(total.saturating_sub(size)).is_err() {
        return Err(memory_error(vm));
    }
    for _ in 1..n {
        extend(vm, a, &seq, End::Right)?;
    }
    Ok(a.clone())
}

#[cold]
fn memory_error(vm: &mut Vm) -> PyErr {
    vm.error(&crate::builtins::exceptions::MEMORY_ERROR, "")
}
