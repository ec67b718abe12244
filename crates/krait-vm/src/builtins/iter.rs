//! The iterators of the built-in sequences, and `enumerate`, `zip`, `map`,
//! `filter`, `reversed`.
//!
//! Invariants: an iterator holds a reference to what it iterates and a
//! position in a `Cell`; it re-reads a list's length at each step (a list
//! may change while iterated, as CPython allows).

use std::cell::Cell;

use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::list::{as_list, LIST_TYPE};
use crate::builtins::tuple::as_tuple;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// An iterator over a list or tuple by index; `usize::MAX` once
/// exhausted, so a list that grows later is not read again (CPython drops
/// the sequence). A reversed one counts down and stops below 0.
struct SeqIter {
    seq: Value,
    index: Cell<usize>,
}

const SEQ_ITER_METHODS: &[MethodDef] = &[MethodDef { name: "__length_hint__", func: seq_length_hint }];

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
    visit(&unsafe { p.data::<SeqIter>() }.seq);
}

fn seq_iter_data(v: &Value) -> &SeqIter {
    // SAFETY: list and tuple iterators are Obj<SeqIter>.
    unsafe { v.as_object().expect("an iterator").data::<SeqIter>() }
}

/// The length of the list or tuple `seq`.
fn seq_len(seq: &Value) -> usize {
    match as_list(seq) {
        Some(l) => l.len(),
        None => as_tuple(seq).map_or(0, |t| t.items.len()),
    }
}

fn seq_next(_: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = seq_iter_data(v);
    let i = it.index.get();
    let item = if let Some(l) = as_list(&it.seq) {
        l.get(i)
    } else {
        as_tuple(&it.seq).and_then(|t| t.items.get(i).cloned())
    };
    it.index.set(if item.is_some() { i + 1 } else { usize::MAX });
    Ok(item)
}

/// `reversed(list)`: the items from the last, reading the list as it is
/// now (an index beyond a shrunk list ends the iteration).
fn list_reverse_next(_: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = seq_iter_data(v);
    let i = it.index.get();
    let item = as_list(&it.seq).and_then(|l| l.get(i));
    it.index.set(if item.is_some() && i > 0 { i - 1 } else { usize::MAX });
    Ok(item)
}

/// `it.__length_hint__()`: the items left to read.
fn seq_length_hint(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let name = vm.type_of(this).name();
    crate::builtins::function::no_keywords(vm, &format!("{name}.__length_hint__"), kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("{name}.__length_hint__() takes no arguments ({} given)", args.len())));
    }
    let it = seq_iter_data(this);
    let (i, len) = (it.index.get(), seq_len(&it.seq));
    let left = if i == usize::MAX {
        0
    } else if std::ptr::eq(vm.type_of(this), &LIST_REVERSEITERATOR_TYPE) {
        if len > i { i + 1 } else { 0 }
    } else {
        len.saturating_sub(i)
    };
    Ok(new_int(left as i64))
}

/// `reversed(l)` for a list `l` (`list.__reversed__`).
pub fn list_reversed(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "list.__reversed__", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("list.__reversed__() takes no arguments ({} given)", args.len())));
    }
    let start = seq_len(this).checked_sub(1).unwrap_or(usize::MAX);
    Ok(Value::from_owned(alloc(&LIST_REVERSEITERATOR_TYPE, SeqIter { seq: this.clone(), index: Cell::new(start) })))
}

/// `iter(list)` / `iter(tuple)`.
pub fn sequence_iter(v: &Value) -> Value {
    let ty = if v.as_object().is_some_and(|p| p.ty().is_subtype(&LIST_TYPE)) {
        &LIST_ITERATOR_TYPE
    } else {
        &TUPLE_ITERATOR_TYPE
    };
    Value::from_owned(alloc(ty, SeqIter { seq: v.clone(), index: Cell::new(0) }))
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

/// `enumerate(iterable, start=0)`'s state.
struct Enumerate {
    it: Value,
    count: Cell<i64>,
}

pub static ENUMERATE_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| {
        // SAFETY: enumerate objects are Obj<Enumerate>.
        let e = unsafe { v.as_object().expect("an enumerate").data::<Enumerate>() };
        let Some(item) = crate::ops::next(vm, &e.it)? else { return Ok(None) };
        let n = e.count.get();
        let Some(after) = n.checked_add(1) else {
            return Err(vm.error(&crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR, "enumerate past the largest i64"));
        };
        e.count.set(after);
        Ok(Some(crate::builtins::tuple::new_tuple(vec![new_int(n), item])))
    }),
    new: Some(enumerate_new),
    ..TypeObject::builtin("enumerate", Some(&OBJECT_TYPE), dealloc_enumerate, trace_enumerate)
};

fn enumerate_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if args.len() > 2 {
        return Err(vm.type_error(format!("enumerate() takes at most 2 arguments ({} given)", args.len())));
    }
    let (mut iterable, mut start) = (args.first().filter(|_| npos >= 1), args.get(1).filter(|_| npos >= 2));
    for (name, value) in kwnames.iter().zip(&args[npos..]) {
        match crate::builtins::str::as_str(name) {
            Some("iterable") if iterable.is_none() => iterable = Some(value),
            Some("start") if start.is_none() => start = Some(value),
            Some(other) => {
                return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for enumerate()")));
            }
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let Some(iterable) = iterable else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let count = match start {
        None => 0,
        Some(s) => match crate::builtins::int::int_of(s) {
            Some(crate::builtins::int::Int::Small(i)) => i,
            Some(crate::builtins::int::Int::Big(_)) => {
                return Err(vm.error(&crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR, "enumerate() with a start beyond i64"));
            }
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(s).name());
                return Err(vm.type_error(msg));
            }
        },
    };
    let it = crate::ops::iter(vm, iterable)?;
    Ok(Value::from_owned(alloc(&ENUMERATE_TYPE, Enumerate { it, count: Cell::new(count) })))
}

unsafe fn dealloc_enumerate(p: ObjPtr) {
    // SAFETY: enumerate objects are allocated as Obj<Enumerate>.
    unsafe { dealloc_boxed::<Enumerate>(p) }
}

fn trace_enumerate(p: ObjPtr, visit: Visit) {
    // SAFETY: enumerate objects are Obj<Enumerate>.
    visit(&unsafe { p.data::<Enumerate>() }.it);
}

/// `zip(*iterables, strict=False)`'s state: one iterator per argument.
struct Zip {
    its: Vec<Value>,
    /// `strict=True`: iterables of unequal lengths are a ValueError.
    strict: bool,
}

pub static ZIP_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| {
        // SAFETY: zip objects are Obj<Zip>.
        let z = unsafe { v.as_object().expect("a zip").data::<Zip>() };
        if z.its.is_empty() {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(z.its.len());
        for (i, it) in z.its.iter().enumerate() {
            match crate::ops::next(vm, it)? {
                Some(x) => items.push(x),
                None if z.strict => return zip_strict_end(vm, z, i),
                None => return Ok(None),
            }
        }
        Ok(Some(crate::builtins::tuple::new_tuple(items)))
    }),
    new: Some(|vm, _, args, kwnames| {
        let npos = args.len() - kwnames.len();
        let mut strict = false;
        for (name, value) in kwnames.iter().zip(&args[npos..]) {
            match crate::builtins::str::as_str(name) {
                Some("strict") => strict = crate::ops::truthy(vm, value)?,
                Some(other) => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for zip()"))),
                None => return Err(vm.type_error("keywords must be strings")),
            }
        }
        let mut its = Vec::with_capacity(npos);
        for a in &args[..npos] {
            its.push(crate::ops::iter(vm, a)?);
        }
        Ok(Value::from_owned(alloc(&ZIP_TYPE, Zip { its, strict })))
    }),
    ..TypeObject::builtin("zip", Some(&OBJECT_TYPE), dealloc_zip, trace_zip)
};

/// Iterator `i` of a strict zip ran out: fine only if it is the first and
/// all the others are out too (CPython's messages name the arguments).
fn zip_strict_end(vm: &mut Vm, z: &Zip, i: usize) -> PyResult<Option<Value>> {
    let plural = |i: usize| if i == 1 { " ".to_string() } else { "s 1-".to_string() };
    if i > 0 {
        let msg = format!("zip() argument {} is shorter than argument{}{i}", i + 1, plural(i));
        return Err(vm.value_error(msg));
    }
    for (k, it) in z.its.iter().enumerate().skip(1) {
        if crate::ops::next(vm, it)?.is_some() {
            let msg = format!("zip() argument {} is longer than argument{}{k}", k + 1, plural(k));
            return Err(vm.value_error(msg));
        }
    }
    Ok(None)
}

unsafe fn dealloc_zip(p: ObjPtr) {
    // SAFETY: zip objects are allocated as Obj<Zip>.
    unsafe { dealloc_boxed::<Zip>(p) }
}

fn trace_zip(p: ObjPtr, visit: Visit) {
    // SAFETY: zip objects are Obj<Zip>.
    for it in &unsafe { p.data::<Zip>() }.its {
        visit(it);
    }
}

/// `map(func, *iterables)`'s state.
struct Map {
    func: Value,
    its: Vec<Value>,
}

pub static MAP_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| {
        // SAFETY: map objects are Obj<Map>.
        let m = unsafe { v.as_object().expect("a map").data::<Map>() };
        let mut args = Vec::with_capacity(m.its.len());
        for it in &m.its {
            match crate::ops::next(vm, it)? {
                Some(x) => args.push(x),
                None => return Ok(None),
            }
        }
        crate::eval::call(vm, &m.func, &args, &[]).map(Some)
    }),
    new: Some(|vm, _, args, kwnames| {
        crate::builtins::function::no_keywords(vm, "map", kwnames)?;
        let [func, iterables @ ..] = args else {
            return Err(vm.type_error("map() must have at least two arguments."));
        };
        if iterables.is_empty() {
            return Err(vm.type_error("map() must have at least two arguments."));
        }
        let mut its = Vec::with_capacity(iterables.len());
        for a in iterables {
            its.push(crate::ops::iter(vm, a)?);
        }
        Ok(Value::from_owned(alloc(&MAP_TYPE, Map { func: func.clone(), its })))
    }),
    ..TypeObject::builtin("map", Some(&OBJECT_TYPE), dealloc_map, trace_map)
};

unsafe fn dealloc_map(p: ObjPtr) {
    // SAFETY: map objects are allocated as Obj<Map>.
    unsafe { dealloc_boxed::<Map>(p) }
}

fn trace_map(p: ObjPtr, visit: Visit) {
    // SAFETY: map objects are Obj<Map>.
    let m = unsafe { p.data::<Map>() };
    visit(&m.func);
    m.its.iter().for_each(visit);
}

/// `filter(function or None, iterable)`'s state.
struct Filter {
    func: Value,
    it: Value,
}

pub static FILTER_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| {
        // SAFETY: filter objects are Obj<Filter>.
        let f = unsafe { v.as_object().expect("a filter").data::<Filter>() };
        while let Some(x) = crate::ops::next(vm, &f.it)? {
            let keep = if crate::builtins::singletons::is_none(&f.func) {
                crate::ops::truthy(vm, &x)?
            } else {
                let r = crate::eval::call(vm, &f.func, std::slice::from_ref(&x), &[])?;
                crate::ops::truthy(vm, &r)?
            };
            if keep {
                return Ok(Some(x));
            }
        }
        Ok(None)
    }),
    new: Some(|vm, _, args, kwnames| {
        crate::builtins::function::no_keywords(vm, "filter", kwnames)?;
        let [func, iterable] = args else {
            return Err(vm.type_error(format!("filter expected 2 arguments, got {}", args.len())));
        };
        let it = crate::ops::iter(vm, iterable)?;
        Ok(Value::from_owned(alloc(&FILTER_TYPE, Filter { func: func.clone(), it })))
    }),
    ..TypeObject::builtin("filter", Some(&OBJECT_TYPE), dealloc_filter, trace_filter)
};

unsafe fn dealloc_filter(p: ObjPtr) {
    // SAFETY: filter objects are allocated as Obj<Filter>.
    unsafe { dealloc_boxed::<Filter>(p) }
}

fn trace_filter(p: ObjPtr, visit: Visit) {
    // SAFETY: filter objects are Obj<Filter>.
    let f = unsafe { p.data::<Filter>() };
    visit(&f.func);
    visit(&f.it);
}

/// `reversed(seq)` over a sequence (`len` and `getitem` slots): the next
/// index to read, counting down; -1 when exhausted.
struct Reversed {
    /// The sequence; NULL once exhausted (let go of, as CPython does).
    seq: std::cell::RefCell<Value>,
    index: Cell<i64>,
}

pub static REVERSED_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(reversed_next),
    new: Some(reversed_new),
    ..TypeObject::builtin("reversed", Some(&OBJECT_TYPE), dealloc_reversed, trace_reversed)
};

fn reversed_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    {
        // SAFETY: reversed objects are Obj<Reversed>.
        let r = unsafe { v.as_object().expect("a reversed").data::<Reversed>() };
        let i = r.index.get();
        let seq = r.seq.borrow().clone();
        // Let go of the sequence outside the borrow (its `__del__` may
        // call `next` again).
        let release = || drop(std::mem::replace(&mut *r.seq.borrow_mut(), Value::NULL));
        if i < 0 || seq.is_null() {
            drop(seq);
            release();
            return Ok(None);
        }
        r.index.set(i - 1);
        let getitem = vm.type_of(&seq).getitem.get().expect("a sequence");
        match getitem(vm, &seq, &new_int(i)) {
            Ok(x) => Ok(Some(x)),
            Err(e) => {
                let ty = vm.type_of(&e.exception);
                if ty.is_subtype(&crate::builtins::exceptions::INDEX_ERROR)
                    || ty.is_subtype(&crate::builtins::exceptions::STOP_ITERATION)
                {
                    r.index.set(-1);
                    drop(seq);
                    release();
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }
}

fn reversed_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    {
        crate::builtins::function::no_keywords(vm, "reversed", kwnames)?;
        let [seq] = args else {
            return Err(vm.type_error(format!("reversed expected 1 argument, got {}", args.len())));
        };
        if let Some(r) = crate::builtins::classes::call_dunder(vm, seq, "__reversed__", &[])? {
            return Ok(r);
        }
        let ty = vm.type_of(seq);
        let is_dict = crate::builtins::dict::as_dict(seq).is_some();
        match (ty.len.get(), ty.getitem.get()) {
            (Some(len), Some(_)) if !is_dict => {
                let n = len(vm, seq)? as i64;
                // A list has its own `__reversed__`, found above.
                Ok(Value::from_owned(alloc(&REVERSED_TYPE, Reversed { seq: std::cell::RefCell::new(seq.clone()), index: Cell::new(n - 1) })))
            }
            _ if is_dict => {
                let keys = crate::ops::collect(vm, seq)?;
                let list = crate::builtins::list::new_list(keys);
                Ok(Value::from_owned(alloc(&REVERSED_TYPE, Reversed { index: Cell::new(crate::builtins::list::as_list(&list).map_or(0, |l| l.len()) as i64 - 1), seq: std::cell::RefCell::new(list) })))
            }
            _ => {
                let msg = format!("'{}' object is not reversible", vm.type_of(seq).name());
                Err(vm.type_error(msg))
            }
        }
    }
}

unsafe fn dealloc_reversed(p: ObjPtr) {
    // SAFETY: reversed objects are allocated as Obj<Reversed>.
    unsafe { dealloc_boxed::<Reversed>(p) }
}

fn trace_reversed(p: ObjPtr, visit: Visit) {
    // SAFETY: reversed objects are Obj<Reversed>.
    let seq = unsafe { p.data::<Reversed>() }.seq.borrow();
    if !seq.is_null() {
        visit(&seq);
    }
}

/// `iter(x)` for an object with only `__getitem__`: items 0, 1, ... until
/// IndexError or StopIteration (CPython's `iterator` type).
struct GetItemIter {
    seq: Value,
    index: Cell<i64>,
}

static GETITEM_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| {
        // SAFETY: these iterators are Obj<GetItemIter>.
        let it = unsafe { v.as_object().expect("an iterator").data::<GetItemIter>() };
        let i = it.index.get();
        if i < 0 {
            return Ok(None);
        }
        let getitem = vm.type_of(&it.seq).getitem.get().expect("a __getitem__");
        match getitem(vm, &it.seq, &new_int(i)) {
            Ok(x) => {
                it.index.set(i + 1);
                Ok(Some(x))
            }
            Err(e) => {
                let ty = vm.type_of(&e.exception);
                if ty.is_subtype(&crate::builtins::exceptions::INDEX_ERROR)
                    || ty.is_subtype(&crate::builtins::exceptions::STOP_ITERATION)
                {
                    it.index.set(-1);
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }),
    ..TypeObject::builtin("iterator", Some(&OBJECT_TYPE), dealloc_getitem_iter, trace_getitem_iter)
};

unsafe fn dealloc_getitem_iter(p: ObjPtr) {
    // SAFETY: these iterators are allocated as Obj<GetItemIter>.
    unsafe { dealloc_boxed::<GetItemIter>(p) }
}

fn trace_getitem_iter(p: ObjPtr, visit: Visit) {
    // SAFETY: these iterators are Obj<GetItemIter>.
    visit(&unsafe { p.data::<GetItemIter>() }.seq);
}

pub fn getitem_iter(seq: &Value) -> Value {
    Value::from_owned(alloc(&GETITEM_ITERATOR_TYPE, GetItemIter { seq: seq.clone(), index: Cell::new(0) }))
}

/// `iter(callable, sentinel)`: calls `callable` until it returns
/// `sentinel` (or raises StopIteration); then it is exhausted for good.
struct CallableIter {
    /// NULL once exhausted.
    callable: std::cell::RefCell<Value>,
    sentinel: Value,
}

pub static CALLABLE_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| {
        // SAFETY: callable iterators are Obj<CallableIter>.
        let it = unsafe { v.as_object().expect("a callable iterator").data::<CallableIter>() };
        let f = it.callable.borrow().clone();
        if f.is_null() {
            return Ok(None);
        }
        let r = match crate::eval::call(vm, &f, &[], &[]) {
            Ok(r) => r,
            Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::STOP_ITERATION) => {
                drop(it.callable.replace(Value::NULL));
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        let cmp = crate::ops::richcompare(vm, &r, &it.sentinel, crate::types::CompareOp::Eq)?;
        if crate::ops::truthy(vm, &cmp)? {
            drop(it.callable.replace(Value::NULL));
            return Ok(None);
        }
        Ok(Some(r))
    }),
    ..TypeObject::builtin("callable_iterator", Some(&OBJECT_TYPE), dealloc_callable_iter, trace_callable_iter)
};

unsafe fn dealloc_callable_iter(p: ObjPtr) {
    // SAFETY: callable iterators are Obj<CallableIter>.
    unsafe { dealloc_boxed::<CallableIter>(p) }
}

fn trace_callable_iter(p: ObjPtr, visit: Visit) {
    // SAFETY: callable iterators are Obj<CallableIter>.
    let it = unsafe { p.data::<CallableIter>() };
    let f = it.callable.borrow();
    if !f.is_null() {
        visit(&f);
    }
    visit(&it.sentinel);
}

pub fn new_callable_iterator(callable: Value, sentinel: Value) -> Value {
    Value::from_owned(alloc(&CALLABLE_ITERATOR_TYPE, CallableIter { callable: std::cell::RefCell::new(callable), sentinel }))
}
