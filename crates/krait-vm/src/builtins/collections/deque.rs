//! `collections.deque`: the type, its constructor and its methods that
//! add, remove and move items (CPython's `deque` in
//! `Modules/_collectionsmodule.c`). Searching, indexing, comparing and
//! the operators are in `deque_ops`, the iterators in `deque_iter`.
//!
//! Invariants:
//! - The items are a ring buffer (`VecDeque`): appends and pops at either
//!   end and indexing are O(1).
//! - `state` moves whenever the items move (every append, pop, rotation,
//!   insertion, deletion, `clear` of a non-empty deque; not item
//!   assignment nor `reverse`), exactly where CPython's `deque->state`
//!   does: iterators and searches compare it to raise "deque mutated
//!   during iteration".
//! - With a `maxlen`, the deque never holds more than `maxlen` items: an
//!   append past it drops one item from the other end.
//! - No borrow of `items` is held across a call that may run Python code
//!   (`__eq__`, `__iter__`, a `__del__` run by dropping an item): items
//!   leaving the deque are dropped after the borrow ends.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use super::deque_iter::{deque_iter, deque_reviter};
use super::deque_ops;
use super::{ssize_arg, wrapper_index};
use crate::builtins::dict::check_args;
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::itertools::{alloc_for, bind, dealloc_payload, payload, trace_payload, Payload};
use crate::builtins::list::new_list;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::tuple::new_tuple;
use crate::ops;
use crate::types::{tp_flags, type_value, GetSetDef, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A deque's payload.
#[derive(Default)]
pub struct DequeData {
    pub(super) items: RefCell<VecDeque<Value>>,
    /// `None` for an unbounded deque.
    pub(super) maxlen: Cell<Option<usize>>,
    /// CPython's `state` (see the module's invariants).
    pub(super) state: Cell<u64>,
    /// A weak reference was made to this exact deque (cleared when it is
    /// freed; classes derived from deque keep their own flag).
    weakly_referenced: Cell<bool>,
}

impl Payload for DequeData {
    fn ty() -> &'static TypeObject {
        &DEQUE_TYPE
    }

    fn trace(&self, visit: Visit) {
        for v in self.items.borrow().iter() {
            visit(v);
        }
    }
}

pub static DEQUE_TYPE: TypeObject = TypeObject {
    flags: Cell::new(tp_flags::SEQUENCE),
    repr: Slot::new(deque_ops::deque_repr),
    richcompare: Slot::new(deque_ops::deque_richcompare),
    len: Slot::new(|_, v| Ok(deque(v).len())),
    iter: Slot::new(|_, v| Ok(deque_iter(v))),
    getitem: Slot::new(deque_ops::deque_subscript),
    setitem: Slot::new(deque_ops::set_item),
    contains: Slot::new(deque_ops::contains),
    concat: Slot::new(deque_ops::deque_concat),
    repeat: Slot::new(deque_ops::deque_repeat),
    inplace_concat: Slot::new(|vm, a, b| {
        extend(vm, a, b, End::Right)?;
        Ok(a.clone())
    }),
    inplace_repeat: Slot::new(deque_ops::deque_inplace_repeat),
    new: Some(deque_new),
    init: Some(deque_init),
    getsets: &[GetSetDef { name: "maxlen", get: get_maxlen, set: None, member: false }],
    class_methods: &[MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }],
    methods: &[
        MethodDef { name: "append", func: |vm, this, a, k| {
            check_args(vm, "deque.append", a, k, 1, 1)?;
            drop(deque(this).push(a[0].clone(), End::Right));
            Ok(none())
        } },
        MethodDef { name: "appendleft", func: |vm, this, a, k| {
            check_args(vm, "deque.appendleft", a, k, 1, 1)?;
            drop(deque(this).push(a[0].clone(), End::Left));
            Ok(none())
        } },
        MethodDef { name: "clear", func: |vm, this, a, k| {
            check_args(vm, "deque.clear", a, k, 0, 0)?;
            deque(this).clear();
            Ok(none())
        } },
        MethodDef { name: "__copy__", func: |vm, this, a, k| {
            check_args(vm, "deque.__copy__", a, k, 0, 0)?;
            copy(vm, this)
        } },
        MethodDef { name: "copy", func: |vm, this, a, k| {
            check_args(vm, "deque.copy", a, k, 0, 0)?;
            copy(vm, this)
        } },
        MethodDef { name: "count", func: deque_ops::deque_count },
        MethodDef { name: "extend", func: |vm, this, a, k| {
            check_args(vm, "deque.extend", a, k, 1, 1)?;
            extend(vm, this, &a[0], End::Right)?;
            Ok(none())
        } },
        MethodDef { name: "extendleft", func: |vm, this, a, k| {
            check_args(vm, "deque.extendleft", a, k, 1, 1)?;
            extend(vm, this, &a[0], End::Left)?;
            Ok(none())
        } },
        MethodDef { name: "index", func: deque_ops::deque_index },
        MethodDef { name: "insert", func: deque_insert },
        MethodDef { name: "pop", func: |vm, this, a, k| {
            check_args(vm, "deque.pop", a, k, 0, 0)?;
            pop(vm, this, End::Right)
        } },
        MethodDef { name: "popleft", func: |vm, this, a, k| {
            check_args(vm, "deque.popleft", a, k, 0, 0)?;
            pop(vm, this, End::Left)
        } },
        MethodDef { name: "__reduce__", func: deque_reduce },
        MethodDef { name: "remove", func: deque_ops::deque_remove },
        MethodDef { name: "__reversed__", func: |vm, this, a, k| {
            check_args(vm, "deque.__reversed__", a, k, 0, 0)?;
            Ok(deque_reviter(this))
        } },
        MethodDef { name: "reverse", func: |vm, this, a, k| {
            check_args(vm, "deque.reverse", a, k, 0, 0)?;
            // Moves no item from one end to the other: `state` stays.
            deque(this).items.borrow_mut().make_contiguous().reverse();
            Ok(none())
        } },
        MethodDef { name: "rotate", func: |vm, this, a, k| {
            crate::builtins::function::no_keywords(vm, "deque.rotate", k)?;
            if a.len() > 1 {
                return Err(vm.type_error(format!("deque.rotate expected at most 1 argument, got {}", a.len())));
            }
            let n = match a.first() {
                Some(n) => ssize_arg(vm, n)?,
                None => 1,
            };
            deque(this).rotate(n);
            Ok(none())
        } },
        MethodDef { name: "__sizeof__", func: deque_sizeof },
        MethodDef { name: "__contains__", func: |vm, this, a, k| {
            check_args(vm, "deque.__contains__", a, k, 1, 1)?;
            let found = deque_ops::contains(vm, this, &a[0])?;
            Ok(vm.bool(found))
        } },
        MethodDef { name: "__setitem__", func: |vm, this, a, k| {
            check_args(vm, "deque.__setitem__", a, k, 2, 2)?;
            let i = wrapper_index(vm, &a[0])?;
            deque_ops::set_at(vm, this, i, Some(a[1].clone()))?;
            Ok(none())
        } },
        MethodDef { name: "__delitem__", func: |vm, this, a, k| {
            check_args(vm, "deque.__delitem__", a, k, 1, 1)?;
            let i = wrapper_index(vm, &a[0])?;
            deque_ops::set_at(vm, this, i, None)?;
            Ok(none())
        } },
    ],
    ..TypeObject::builtin("collections.deque", Some(&OBJECT_TYPE), dealloc_deque, trace_payload::<DequeData>)
};

/// Mark `v` weakly referenced if it is an exact deque (CPython's deque has
/// a weak reference list); false for other objects.
pub fn mark_weakly_referenced(v: &Value) -> bool {
    match v.as_object() {
        Some(p) if std::ptr::eq(p.ty(), &DEQUE_TYPE) => {
            payload::<DequeData>(v).weakly_referenced.set(true);
            true
        }
        _ => false,
    }
}

unsafe fn dealloc_deque(p: crate::object::ObjPtr) {
    // SAFETY: exact deques are Obj<DequeData> (classes derived from deque
    // have their own dealloc, which clears their weak references).
    if unsafe { p.data::<DequeData>() }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_payload::<DequeData>(p) }
}

/// Which end of a deque.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum End {
    Left,
    Right,
}

/// The payload of `v`, a deque or an instance of a class derived from it
/// (the slots and methods of `DEQUE_TYPE` are reached only with those).
pub(super) fn deque(v: &Value) -> &DequeData {
    payload::<DequeData>(v)
}

/// The payload of `v` if it is a deque (or derived from one).
pub fn as_deque(v: &Value) -> Option<&DequeData> {
    let p = v.as_object()?;
    p.ty().is_subtype(&DEQUE_TYPE).then(|| payload::<DequeData>(v))
}

impl DequeData {
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(super) fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    /// The item at `i`, if there is one.
    pub(super) fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }

    /// Add `v` at `end`; what a `maxlen` pushes out of the other end is
    /// returned, for the caller to drop once no borrow is held.
    #[must_use]
    pub(super) fn push(&self, v: Value, end: End) -> Option<Value> {
        let mut items = self.items.borrow_mut();
        match end {
            End::Right => items.push_back(v),
            End::Left => items.push_front(v),
        }
        self.bump();
        let over = self.maxlen.get().is_some_and(|m| items.len() > m);
        match end {
            _ if !over => None,
            End::Right => items.pop_front(),
            End::Left => items.pop_back(),
        }
    }

    /// Take the item at `end`, if any.
    pub(super) fn take(&self, end: End) -> Option<Value> {
        let mut items = self.items.borrow_mut();
        let v = match end {
            End::Right => items.pop_back(),
            End::Left => items.pop_front(),
        };
        if v.is_some() {
            self.bump();
        }
        v
    }

    /// Rotate `n` steps to the right (left when negative), CPython's
    /// `_deque_rotate`.
    pub(super) fn rotate(&self, n: isize) {
        let mut items = self.items.borrow_mut();
        let len = items.len();
        if len <= 1 {
            return;
        }
        self.bump();
        let k = n.rem_euclid(len as isize) as usize;
        items.rotate_right(k);
    }

    /// Remove every item, dropping them after the deque is empty.
    pub(super) fn clear(&self) {
        let old = std::mem::take(&mut *self.items.borrow_mut());
        if !old.is_empty() {
            self.bump();
        }
        drop(old);
    }
}

/// `deque(iterable=(), maxlen=None)`: for the type itself, a filled deque;
/// for a class derived from it, an empty one that `__init__` fills (as
/// CPython's `deque_new` leaves it to `deque_init`).
fn deque_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = alloc_for(cls, DequeData::default());
    if std::ptr::eq(cls, &DEQUE_TYPE) {
        deque_init(vm, &d, args, kwnames)?;
    }
    Ok(d)
}

/// `deque.__init__(iterable=(), maxlen=None)`: clears the deque first.
fn deque_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [iterable, maxlen] = bind(vm, "deque", args, kwnames, ["iterable", "maxlen"], 2, 0)?;
    let maxlen = match maxlen.filter(|m| !is_none(m)) {
        None => None,
        Some(m) => {
            // PyLong_AsSsize_t: an int, no `__index__`.
            let n = match int_of(&m) {
                Some(Int::Small(n)) => n,
                Some(Int::Big(b)) => i64::try_from(b).map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))?,
                None => return Err(vm.type_error("an integer is required")),
            };
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    let d = deque(this);
    d.maxlen.set(maxlen);
    d.clear();
    if let Some(it) = iterable {
        extend(vm, this, &it, End::Right)?;
    }
    Ok(none())
}

fn get_maxlen(_: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match deque(v).maxlen.get() {
        Some(m) => new_int(m as i64),
        None => none(),
    })
}

/// `d.extend(iterable)` / `d.extendleft(iterable)`.
pub(super) fn extend(vm: &mut Vm, this: &Value, iterable: &Value, end: End) -> PyResult<()> {
    if this.is(iterable) {
        // Extending a deque with itself: a snapshot of its items.
        let items = ops::collect(vm, iterable)?;
        return extend(vm, this, &new_list(items), end);
    }
    let it = ops::iter(vm, iterable)?;
    let d = deque(this);
    if d.maxlen.get() == Some(0) {
        while ops::next(vm, &it)?.is_some() {}
        return Ok(());
    }
    while let Some(x) = ops::next(vm, &it)? {
        drop(d.push(x, end));
    }
    Ok(())
}

/// `d.pop()` / `d.popleft()`.
fn pop(vm: &mut Vm, this: &Value, end: End) -> PyResult<Value> {
    deque(this).take(end).ok_or_else(|| vm.index_error("pop from an empty deque"))
}

/// `d.insert(i, x)`: before index `i`, as a list's `insert` counts it.
fn deque_insert(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "deque.insert", kwnames)?;
    let [index, value] = args else {
        return Err(vm.type_error(format!("insert() takes exactly 2 arguments ({} given)", args.len())));
    };
    let index = ssize_arg(vm, index)?;
    let d = deque(this);
    let n = d.len() as isize;
    if d.maxlen.get() == Some(n as usize) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    if index >= n {
        drop(d.push(value.clone(), End::Right));
    } else if index <= -n || index == 0 {
        drop(d.push(value.clone(), End::Left));
    } else {
        let at = if index < 0 { index + n } else { index } as usize;
        d.items.borrow_mut().insert(at, value.clone());
        d.bump();
    }
    Ok(none())
}

/// `d.copy()` and `copy.copy(d)`: a deque of the same class and maxlen;
/// a derived class is called with `(d)` or `(d, maxlen)`.
pub(super) fn copy(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let ty = vm.type_of_static(this);
    let d = deque(this);
    if std::ptr::eq(ty, &DEQUE_TYPE) {
        let copy = DequeData { items: RefCell::new(d.items.borrow().clone()), maxlen: Cell::new(d.maxlen.get()), state: Cell::new(0), weakly_referenced: Cell::new(false) };
        return Ok(alloc_for(&DEQUE_TYPE, copy));
    }
    let result = match d.maxlen.get() {
        None => crate::eval::call(vm, &type_value(ty), std::slice::from_ref(this), &[])?,
        Some(m) => crate::eval::call(vm, &type_value(ty), &[this.clone(), new_int(m as i64)], &[])?,
    };
    if as_deque(&result).is_none() {
        let msg = format!("{}() must return a deque, not {}", ty.name(), vm.type_of(&result).name());
        return Err(vm.type_error(msg));
    }
    Ok(result)
}

/// `d.__reduce__()`: `(type(d), (), state, iter(d))`, or with
/// `((), maxlen)` as the arguments; the state is what `__getstate__`
/// gives (CPython's `_PyObject_GetState`).
fn deque_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "deque.__reduce__", args, kwnames, 0, 0)?;
    let dict = get_state(vm, this)?;
    let it = ops::iter(vm, this)?;
    let cls = type_value(vm.type_of_static(this));
    let ctor_args = match deque(this).maxlen.get() {
        None => new_tuple(Vec::new()),
        Some(m) => new_tuple(vec![new_tuple(Vec::new()), new_int(m as i64)]),
    };
    Ok(new_tuple(vec![cls, ctor_args, dict, it]))
}

/// `d.__sizeof__()`: CPython's layout, a 216-byte object and 528-byte
/// blocks of 64 items, with the first item at the start of a block when
/// the deque was filled from empty. An estimate: CPython's block count
/// also depends on where earlier appends and pops left the first item.
fn deque_sizeof(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "deque.__sizeof__", args, kwnames, 0, 0)?;
    let len = deque(this).len();
    let first = if len == 0 { 32 } else { 1 };
    let blocks = (first + len).div_ceil(64).max(1);
    Ok(new_int((216 + 528 * blocks) as i64))
}

/// `obj.__getstate__()`: a class's own, else `object.__getstate__`'s
/// answer for an instance without `__slots__`: its `__dict__` when it
/// holds anything, else None.
pub(super) fn get_state(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    if let Some(r) = crate::builtins::classes::call_dunder(vm, obj, "__getstate__", &[])? {
        return Ok(r);
    }
    let dict = ops::getattr_opt(vm, obj, &crate::builtins::str::intern("__dict__"))?;
    Ok(dict.filter(|d| crate::builtins::dict::as_dict(d).is_some_and(|d| !d.is_empty())).unwrap_or_else(none))
}
