//! The iterators of the built-in sequences, and `enumerate`, `zip`, `map`,
//! `filter`, `reversed`.
//!
//! Invariants: an iterator holds a reference to what it iterates and a
//! position in a `Cell`; it re-reads a list's length at each step (a list
//! may change while iterated, as CPython allows).

use std::cell::{Cell, RefCell};

use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::iter_pickle;
use crate::builtins::list::{as_list, new_list, LIST_TYPE};
use crate::builtins::singletons::none;
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// An iterator over a list or tuple by index. The sequence is NULL once
/// the iterator is exhausted (CPython drops it then, so a list that grows
/// later is not read again, and the sequence may be freed). A reversed one
/// counts down and is exhausted below 0.
struct SeqIter {
    seq: RefCell<Value>,
    index: Cell<isize>,
}

const SEQ_ITER_METHODS: &[MethodDef] = &[
    MethodDef { name: "__length_hint__", func: seq_length_hint },
    MethodDef { name: "__reduce__", func: seq_reduce },
    MethodDef { name: "__setstate__", func: seq_setstate },
];

static LIST_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(seq_next),
    methods: SEQ_ITER_METHODS,
    ..TypeObject::builtin("list_iterator", Some(&OBJECT_TYPE), dealloc_seq_iter, trace_seq_iter)
};

static TUPLE_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(seq_next),
    methods: SEQ_ITER_METHODS,
    ..TypeObject::builtin("tuple_iterator", Some(&OBJECT_TYPE), dealloc_seq_iter, trace_seq_iter)
};

static LIST_REVERSEITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(list_reverse_next),
    methods: SEQ_ITER_METHODS,
    ..TypeObject::builtin("list_reverseiterator", Some(&OBJECT_TYPE), dealloc_seq_iter, trace_seq_iter)
};

unsafe fn dealloc_seq_iter(p: ObjPtr) {
    // SAFETY: sequence iterators are allocated as Obj<SeqIter>.
    unsafe { dealloc_boxed::<SeqIter>(p) }
}

fn trace_seq_iter(p: ObjPtr, visit: Visit) {
    // SAFETY: sequence iterators are Obj<SeqIter>.
    let seq = unsafe { p.data::<SeqIter>() }.seq.borrow();
    if !seq.is_null() {
        visit(&seq);
    }
}

fn seq_iter_data(v: &Value) -> &SeqIter {
    // SAFETY: list and tuple iterators are Obj<SeqIter>.
    unsafe { v.as_object().expect("an iterator").data::<SeqIter>() }
}

/// The length of the list or tuple `seq` (0 for NULL).
fn seq_len(seq: &Value) -> usize {
    match as_list(seq) {
        Some(l) => l.len(),
        None => as_tuple(seq).map_or(0, |t| t.items.len()),
    }
}

/// Item `i` of the list or tuple `seq`, if there is one.
fn seq_item(seq: &Value, i: isize) -> Option<Value> {
    let i = usize::try_from(i).ok()?;
    match as_list(seq) {
        Some(l) => l.get(i),
        None => as_tuple(seq).and_then(|t| t.items.get(i).cloned()),
    }
}

/// Let go of the iterated sequence: the iterator is exhausted. (Freeing
/// it may need Python code, which the finalizer queue runs later.)
fn seq_exhaust(it: &SeqIter) {
    drop(it.seq.replace(Value::NULL));
}

fn seq_next(_: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = seq_iter_data(v);
    let i = it.index.get();
    let item = seq_item(&it.seq.borrow(), i);
    match item {
        Some(_) => it.index.set(i + 1),
        None => seq_exhaust(it),
    }
    Ok(item)
}

/// `reversed(list)`: the items from the last, reading the list as it is
/// now (an index beyond a shrunk list ends the iteration).
fn list_reverse_next(_: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = seq_iter_data(v);
    let i = it.index.get();
    let item = seq_item(&it.seq.borrow(), i);
    match item {
        Some(_) => it.index.set(i - 1),
        None => {
            it.index.set(-1);
            seq_exhaust(it);
        }
    }
    Ok(item)
}

fn is_reverse(vm: &Vm, this: &Value) -> bool {
    std::ptr::eq(vm.type_of(this), &LIST_REVERSEITERATOR_TYPE)
}

/// `it.__length_hint__()`: the items left to read.
fn seq_length_hint(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__length_hint__", args, kwnames, 0)?;
    let it = seq_iter_data(this);
    let seq = it.seq.borrow();
    let (i, len) = (it.index.get(), seq_len(&seq) as isize);
    let left = if seq.is_null() {
        0
    } else if is_reverse(vm, this) {
        if len > i { i + 1 } else { 0 }
    } else {
        (len - i).max(0)
    };
    Ok(iter_pickle::hint(left as usize))
}

/// `it.__reduce__()`: `(iter, (seq,), index)` (`reversed` for a reversed
/// list), or `(iter, ([],))` / `(iter, ((),))` once exhausted.
fn seq_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let reverse = is_reverse(vm, this);
    let callable = iter_pickle::builtin(vm, if reverse { "reversed" } else { "iter" })?;
    let it = seq_iter_data(this);
    let seq = it.seq.borrow().clone();
    if seq.is_null() {
        let empty = if std::ptr::eq(vm.type_of(this), &TUPLE_ITERATOR_TYPE) { new_tuple(Vec::new()) } else { new_list(Vec::new()) };
        return iter_pickle::reduce_exhausted(vm, empty);
    }
    Ok(iter_pickle::reduce_value(callable, vec![seq], Some(new_int(it.index.get() as i64))))
}

/// `it.__setstate__(index)`: the next index to read, clamped to the
/// sequence (to `-1..len` for a reversed list); nothing once exhausted.
fn seq_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__setstate__", args, kwnames, 1)?;
    let index = iter_pickle::ssize_state(vm, &args[0])?;
    let it = seq_iter_data(this);
    let seq = it.seq.borrow();
    if !seq.is_null() {
        let len = seq_len(&seq) as i64;
        let index = if is_reverse(vm, this) { index.clamp(-1, len - 1) } else { index.clamp(0, len) };
        it.index.set(index as isize);
    }
    Ok(none())
}

/// `reversed(l)` for a list `l` (`list.__reversed__`).
pub fn list_reversed(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "list.__reversed__", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("list.__reversed__() takes no arguments ({} given)", args.len())));
    }
    let start = seq_len(this) as isize - 1;
    let it = SeqIter { seq: RefCell::new(this.clone()), index: Cell::new(start) };
    Ok(Value::from_owned(alloc(&LIST_REVERSEITERATOR_TYPE, it)))
}

/// `iter(list)` / `iter(tuple)`.
pub fn sequence_iter(v: &Value) -> Value {
    let ty = if v.as_object().is_some_and(|p| p.ty().is_subtype(&LIST_TYPE)) {
        &LIST_ITERATOR_TYPE
    } else {
        &TUPLE_ITERATOR_TYPE
    };
    Value::from_owned(alloc(ty, SeqIter { seq: RefCell::new(v.clone()), index: Cell::new(0) }))
}

/// A sequence index: negative counts from the end; `None` out of range.
pub fn normalize_index(vm: &mut Vm, index: &Value, len: usize, what: &str) -> PyResult<Option<usize>> {
    let i = match int_of(index) {
        Some(Int::Small(i)) => i,
        // An int subclass's instance holds even small values as big ones.
        Some(Int::Big(b)) => match i64::try_from(b) {
            Ok(i) => i,
            Err(_) => return Ok(None),
        },
        None => match crate::ops::index(vm, index)? {
            Some(i) => return normalize_index(vm, &i, len, what),
            None => {
                let msg = format!("{what} indices must be integers or slices, not {}", vm.type_of(index).name());
                return Err(vm.type_error(msg));
            }
        },
    };
    let i = if i < 0 { i + len as i64 } else { i };
    Ok((0..len as i64).contains(&i).then_some(i as usize))
}

/// `reversed(seq)` over a sequence (`len` and `getitem` slots): the next
/// index to read, counting down, -1 once exhausted, when the sequence is
/// let go (NULL).
struct Reversed {
    seq: RefCell<Value>,
    index: Cell<i64>,
}

pub static REVERSED_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(reversed_next),
    new: Some(reversed_new),
    methods: &[
        MethodDef { name: "__length_hint__", func: reversed_length_hint },
        MethodDef { name: "__reduce__", func: reversed_reduce },
        MethodDef { name: "__setstate__", func: reversed_setstate },
    ],
    ..TypeObject::builtin("reversed", Some(&OBJECT_TYPE), dealloc_reversed, trace_reversed)
};

/// The payload of a `reversed` object (or of an instance of a class
/// derived from it, payload first).
fn reversed_data(v: &Value) -> &Reversed {
    // SAFETY: reached only with reversed objects (slot dispatch and the
    // descriptors' receiver check): Obj<Reversed> or Obj<Subclassed<Reversed>>.
    unsafe { v.as_object().expect("a reversed").data::<Reversed>() }
}

/// Is `e` an IndexError or StopIteration (the end of a `__getitem__`
/// sequence)?
fn ends_sequence(vm: &Vm, e: &crate::vm::PyErr) -> bool {
    let ty = vm.type_of(&e.exception);
    ty.is_subtype(&crate::builtins::exceptions::INDEX_ERROR) || ty.is_subtype(&crate::builtins::exceptions::STOP_ITERATION)
}

/// `PySequence_GetItem(seq, i)`: the `getitem` slot with an int.
fn sequence_item(vm: &mut Vm, seq: &Value, i: i64) -> PyResult<Value> {
    match vm.type_of(seq).getitem.get() {
        Some(getitem) => getitem(vm, seq, &new_int(i)),
        None => {
            let msg = format!("'{}' object is not subscriptable", vm.type_of(seq).name());
            Err(vm.type_error(msg))
        }
    }
}

fn reversed_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let r = reversed_data(v);
    let i = r.index.get();
    let seq = r.seq.borrow().clone();
    if i >= 0 && !seq.is_null() {
        match sequence_item(vm, &seq, i) {
            Ok(x) => {
                r.index.set(i - 1);
                return Ok(Some(x));
            }
            Err(e) if ends_sequence(vm, &e) => {}
            Err(e) => return Err(e),
        }
    }
    r.index.set(-1);
    drop(r.seq.replace(Value::NULL));
    Ok(None)
}

fn reversed_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if std::ptr::eq(cls, &REVERSED_TYPE) {
        crate::builtins::function::no_keywords(vm, "reversed", kwnames)?;
    }
    let args = &args[..args.len() - kwnames.len()];
    let [seq] = args else {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", args.len())));
    };
    let not_reversible = |vm: &mut Vm| {
        let msg = format!("'{}' object is not reversible", vm.type_of(seq).name());
        Err(vm.type_error(msg))
    };
    if let Some(meth) = crate::builtins::classes::lookup_special(vm, seq, "__reversed__")? {
        if crate::builtins::singletons::is_none(&meth) {
            return not_reversible(vm);
        }
        return crate::eval::call(vm, &meth, &[], &[]);
    }
    let ty = vm.type_of(seq);
    if crate::builtins::dict::as_dict(seq).is_some() || ty.getitem.get().is_none() || ty.len.get().is_none() {
        return not_reversible(vm);
    }
    let n = crate::ops::len(vm, seq)? as i64;
    let data = Reversed { seq: RefCell::new(seq.clone()), index: Cell::new(n - 1) };
    Ok(if std::ptr::eq(cls, &REVERSED_TYPE) {
        Value::from_owned(alloc(cls, data))
    } else {
        crate::builtins::classes::alloc_subclassed(cls, data)
    })
}

/// `r.__length_hint__()`: the items left, 0 if the sequence shrank below
/// the index.
fn reversed_length_hint(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__length_hint__", args, kwnames, 0)?;
    let r = reversed_data(this);
    let seq = r.seq.borrow().clone();
    if seq.is_null() {
        return Ok(iter_pickle::hint(0));
    }
    let size = crate::ops::len(vm, &seq)? as i64;
    let position = r.index.get() + 1;
    Ok(new_int(if size < position { 0 } else { position }))
}

/// `r.__reduce__()`: `(type(r), (seq,), index)`, `(type(r), ((),))`
/// once exhausted.
fn reversed_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let r = reversed_data(this);
    let ty = crate::types::type_value(vm.type_of_static(this));
    let seq = r.seq.borrow().clone();
    if seq.is_null() {
        return Ok(iter_pickle::reduce_value(ty, vec![new_tuple(Vec::new())], None));
    }
    Ok(iter_pickle::reduce_value(ty, vec![seq], Some(new_int(r.index.get()))))
}

/// `r.__setstate__(index)`: clamped to `-1..len`.
fn reversed_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__setstate__", args, kwnames, 1)?;
    let index = iter_pickle::ssize_state(vm, &args[0])?;
    let r = reversed_data(this);
    let seq = r.seq.borrow().clone();
    if !seq.is_null() {
        let n = crate::ops::len(vm, &seq)? as i64;
        r.index.set(index.clamp(-1, n - 1));
    }
    Ok(none())
}

unsafe fn dealloc_reversed(p: ObjPtr) {
    // SAFETY: reversed objects are allocated as Obj<Reversed>.
    unsafe { dealloc_boxed::<Reversed>(p) }
}

fn trace_reversed(p: ObjPtr, visit: Visit) {
    // SAFETY: reversed objects are Obj<Reversed> (payload first).
    let seq = unsafe { p.data::<Reversed>() }.seq.borrow();
    if !seq.is_null() {
        visit(&seq);
    }
}

/// The built-in base of the classes derived from `reversed`.
pub fn builtin_base(ty: &'static TypeObject) -> Option<crate::builtins::classes::BuiltinBase> {
    std::ptr::eq(ty, &REVERSED_TYPE).then(|| crate::builtins::classes::BuiltinBase::allocated_by_new::<Reversed>(ty))
}

/// `iter(x)` for an object with only `__getitem__`: items 0, 1, ... until
/// IndexError or StopIteration (CPython's `iterator` type); the sequence
/// is let go (NULL) then.
struct GetItemIter {
    seq: RefCell<Value>,
    index: Cell<i64>,
}

static GETITEM_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(getitem_iter_next),
    methods: &[
        MethodDef { name: "__length_hint__", func: getitem_iter_length_hint },
        MethodDef { name: "__reduce__", func: getitem_iter_reduce },
        MethodDef { name: "__setstate__", func: getitem_iter_setstate },
    ],
    ..TypeObject::builtin("iterator", Some(&OBJECT_TYPE), dealloc_getitem_iter, trace_getitem_iter)
};

fn getitem_iter_data(v: &Value) -> &GetItemIter {
    // SAFETY: these iterators are Obj<GetItemIter>.
    unsafe { v.as_object().expect("an iterator").data::<GetItemIter>() }
}

fn getitem_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = getitem_iter_data(v);
    let seq = it.seq.borrow().clone();
    if seq.is_null() {
        return Ok(None);
    }
    let i = it.index.get();
    if i == i64::MAX {
        return Err(vm.overflow_error("iter index too large"));
    }
    match sequence_item(vm, &seq, i) {
        Ok(x) => {
            it.index.set(i + 1);
            Ok(Some(x))
        }
        Err(e) if ends_sequence(vm, &e) => {
            drop(it.seq.replace(Value::NULL));
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `it.__length_hint__()`: `len(seq) - index` when the sequence has a
/// length, else NotImplemented.
fn getitem_iter_length_hint(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__length_hint__", args, kwnames, 0)?;
    let it = getitem_iter_data(this);
    let seq = it.seq.borrow().clone();
    if seq.is_null() {
        return Ok(iter_pickle::hint(0));
    }
    if vm.type_of(&seq).len.get().is_none() {
        return Ok(vm.not_implemented());
    }
    let size = crate::ops::len(vm, &seq)? as i64;
    Ok(new_int((size - it.index.get()).max(0)))
}

/// `it.__reduce__()`: `(iter, (seq,), index)`, `(iter, ((),))` once
/// exhausted.
fn getitem_iter_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let iter = iter_pickle::builtin(vm, "iter")?;
    let it = getitem_iter_data(this);
    let seq = it.seq.borrow().clone();
    if seq.is_null() {
        return Ok(iter_pickle::reduce_value(iter, vec![new_tuple(Vec::new())], None));
    }
    Ok(iter_pickle::reduce_value(iter, vec![seq], Some(new_int(it.index.get()))))
}

/// `it.__setstate__(index)`: a negative index is 0.
fn getitem_iter_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__setstate__", args, kwnames, 1)?;
    let index = iter_pickle::ssize_state(vm, &args[0])?;
    let it = getitem_iter_data(this);
    if !it.seq.borrow().is_null() {
        it.index.set(index.max(0));
    }
    Ok(none())
}

unsafe fn dealloc_getitem_iter(p: ObjPtr) {
    // SAFETY: these iterators are allocated as Obj<GetItemIter>.
    unsafe { dealloc_boxed::<GetItemIter>(p) }
}

fn trace_getitem_iter(p: ObjPtr, visit: Visit) {
    // SAFETY: these iterators are Obj<GetItemIter>.
    let seq = unsafe { p.data::<GetItemIter>() }.seq.borrow();
    if !seq.is_null() {
        visit(&seq);
    }
}

pub fn getitem_iter(seq: &Value) -> Value {
    Value::from_owned(alloc(&GETITEM_ITERATOR_TYPE, GetItemIter { seq: RefCell::new(seq.clone()), index: Cell::new(0) }))
}

/// `iter(callable, sentinel)`: calls `callable` until it returns
/// `sentinel` (or raises StopIteration); then it is exhausted for good
/// and lets both go. A call that exhausts the iterator itself (re-entered)
/// ends it too, whatever it returns.
struct CallableIter {
    /// `(callable, sentinel)`, `None` once exhausted.
    state: RefCell<Option<(Value, Value)>>,
}

pub static CALLABLE_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(callable_iter_next),
    methods: &[MethodDef { name: "__reduce__", func: callable_iter_reduce }],
    ..TypeObject::builtin("callable_iterator", Some(&OBJECT_TYPE), dealloc_callable_iter, trace_callable_iter)
};

fn callable_iter_data(v: &Value) -> &CallableIter {
    // SAFETY: callable iterators are Obj<CallableIter>.
    unsafe { v.as_object().expect("a callable iterator").data::<CallableIter>() }
}

fn callable_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = callable_iter_data(v);
    let Some((f, _)) = it.state.borrow().clone() else { return Ok(None) };
    let r = match crate::eval::call(vm, &f, &[], &[]) {
        Ok(r) => r,
        Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::STOP_ITERATION) => {
            drop(it.state.replace(None));
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    // The call may have exhausted this iterator (gh-101892).
    let Some((_, sentinel)) = it.state.borrow().clone() else { return Ok(None) };
    if crate::builtins::itertools::equal(vm, &sentinel, &r)? {
        drop(it.state.replace(None));
        return Ok(None);
    }
    Ok(Some(r))
}

/// `it.__reduce__()`: `(iter, (callable, sentinel))`, `(iter, ((),))`
/// once exhausted.
fn callable_iter_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let iter = iter_pickle::builtin(vm, "iter")?;
    let args = match callable_iter_data(this).state.borrow().clone() {
        Some((f, sentinel)) => vec![f, sentinel],
        None => vec![new_tuple(Vec::new())],
    };
    Ok(iter_pickle::reduce_value(iter, args, None))
}

unsafe fn dealloc_callable_iter(p: ObjPtr) {
    // SAFETY: callable iterators are Obj<CallableIter>.
    unsafe { dealloc_boxed::<CallableIter>(p) }
}

fn trace_callable_iter(p: ObjPtr, visit: Visit) {
    // SAFETY: callable iterators are Obj<CallableIter>.
    if let Some((f, sentinel)) = &*unsafe { p.data::<CallableIter>() }.state.borrow() {
        visit(f);
        visit(sentinel);
    }
}

pub fn new_callable_iterator(callable: Value, sentinel: Value) -> Value {
    Value::from_owned(alloc(&CALLABLE_ITERATOR_TYPE, CallableIter { state: RefCell::new(Some((callable, sentinel))) }))
}
