//! `range` and its two iterators (CPython's Objects/rangeobject.c).
//!
//! Invariants:
//! - A range holds exact Python ints: `start`, `stop`, `step` as the
//!   constructor's arguments converted by `__index__`, and `length`, the
//!   number of items, computed once. Any of them may be a big int.
//! - `iter()` and `reversed()` give a `range_iterator` (i64 state) when
//!   every value the iteration touches fits an i64, and a
//!   `longrange_iterator` (big-int state) otherwise, under CPython's
//!   conditions, so `type(iter(r))` names the same type as CPython's.
//! - `len()` of a range longer than `sys.maxsize` is an OverflowError, as in
//!   CPython; indexing, slicing, `in`, `index`, `count` and `bool` work at
//!   any size.

use std::cell::{Cell, RefCell};

use dashu_int::IBig;

use crate::builtins::int::{int_of, new_big, new_int, Int};
use crate::builtins::singletons::{bool_value, none};
use crate::builtins::str::new_str;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{CompareOp, GetSetDef, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct RangeData {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
    pub length: Value,
}

/// The i64 value of an int, if it fits.
fn as_i64(v: &Value) -> Option<i64> {
    match int_of(v)? {
        Int::Small(i) => Some(i),
        Int::Big(b) => i64::try_from(b).ok(),
    }
}

/// The value of an int, as a big integer.
fn big(v: &Value) -> IBig {
    int_of(v).expect("an int").to_ibig()
}

/// The number of items of `range(start, stop, step)` (step is not zero).
fn length_of(start: &IBig, stop: &IBig, step: &IBig) -> IBig {
    let (lo, hi, step) = if *step > IBig::ZERO { (start, stop, step.clone()) } else { (stop, start, -step) };
    if lo >= hi {
        IBig::ZERO
    } else {
        (hi - lo - IBig::ONE) / step + IBig::ONE
    }
}

impl RangeData {
    fn new(start: Value, stop: Value, step: Value) -> RangeData {
        let length = match (as_i64(&start), as_i64(&stop), as_i64(&step)) {
            (Some(a), Some(b), Some(s)) => {
                let (lo, hi, s) = if s > 0 { (a as i128, b as i128, s as i128) } else { (b as i128, a as i128, -(s as i128)) };
                let n = if lo >= hi { 0 } else { (hi - lo - 1) / s + 1 };
                new_big(IBig::from(n))
            }
            _ => new_big(length_of(&big(&start), &big(&stop), &big(&step))),
        };
        RangeData { start, stop, step, length }
    }

    /// The number of items, if it fits an i64.
    pub fn len_i64(&self) -> Option<i64> {
        as_i64(&self.length)
    }

    pub fn is_empty(&self) -> bool {
        self.len_i64() == Some(0)
    }

    /// `start + i * step`.
    fn item(&self, i: &IBig) -> IBig {
        match (as_i64(&self.start), as_i64(&self.step), i64::try_from(i)) {
            (Some(a), Some(s), Ok(i)) => IBig::from(a as i128 + s as i128 * i as i128),
            _ => big(&self.start) + big(&self.step) * i,
        }
    }

    /// Is the int `x` one of the items?
    fn contains_int(&self, x: &IBig) -> bool {
        let (start, stop, step) = (big(&self.start), big(&self.stop), big(&self.step));
        let inside = if step > IBig::ZERO { start <= *x && *x < stop } else { stop < *x && *x <= start };
        inside && ((x - &start) % &step) == IBig::ZERO
    }

    /// The position of the int `x`, if it is an item.
    fn position(&self, x: &IBig) -> Option<IBig> {
        self.contains_int(x).then(|| (x - big(&self.start)) / big(&self.step))
    }
}

pub static RANGE_TYPE: TypeObject = TypeObject {
    flags: Cell::new(crate::types::tp_flags::SEQUENCE),
    repr: Slot::new(range_repr),
    hash: Slot::new(range_hash),
    contains: Slot::new(range_contains),
    richcompare: Slot::new(range_richcompare),
    bool: Slot::new(|vm, v| crate::ops::truthy(vm, &range_of(v).length)),
    len: Slot::new(|vm, v| match range_of(v).len_i64() {
        Some(n) => Ok(n as usize),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }),
    getitem: Slot::new(range_getitem),
    new: Some(|vm, _, args, kwnames| {
        crate::builtins::function::no_keywords(vm, "range", kwnames)?;
        new_range(vm, args)
    }),
    iter: Slot::new(|_, v| {
        let r = range_of(v);
        Ok(range_iter(&r.start, &r.stop, &r.step, &r.length))
    }),
    methods: &[
        MethodDef { name: "__reversed__", func: range_reversed },
        MethodDef { name: "__contains__", func: range_contains_method },
        MethodDef { name: "__reduce__", func: range_reduce },
        MethodDef { name: "count", func: range_count },
        MethodDef { name: "index", func: range_index },
    ],
    getsets: &[
        GetSetDef { name: "start", get: |_, v| Ok(range_of(v).start.clone()), set: None, member: true },
        GetSetDef { name: "stop", get: |_, v| Ok(range_of(v).stop.clone()), set: None, member: true },
        GetSetDef { name: "step", get: |_, v| Ok(range_of(v).step.clone()), set: None, member: true },
    ],
    ..TypeObject::builtin("range", Some(&OBJECT_TYPE), dealloc_range, trace_range)
};

unsafe fn dealloc_range(p: ObjPtr) {
    // SAFETY: ranges are allocated by `new_range` as Obj<RangeData>.
    unsafe { dealloc_boxed::<RangeData>(p) }
}

fn trace_range(p: ObjPtr, visit: Visit) {
    // SAFETY: ranges are Obj<RangeData>.
    let r = unsafe { p.data::<RangeData>() };
    visit(&r.start);
    visit(&r.stop);
    visit(&r.step);
    visit(&r.length);
}

pub fn as_range(v: &Value) -> Option<&RangeData> {
    let p = v.as_object()?;
    // SAFETY: objects of type `range` are Obj<RangeData>.
    std::ptr::eq(p.ty(), &RANGE_TYPE).then(|| unsafe { p.data::<RangeData>() })
}

fn range_of(v: &Value) -> &RangeData {
    as_range(v).expect("a range method on a range")
}

/// An argument converted by `__index__` to an exact int
/// (`PyNumber_Index`).
fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    if is_exact_int(&i) && crate::builtins::singletons::as_bool(&i).is_none() {
        return Ok(i);
    }
    Ok(match int_of(&i) {
        Some(Int::Small(n)) => new_int(n),
        Some(Int::Big(b)) => new_big(b.clone()),
        None => unreachable!("ops::index returns ints"),
    })
}

/// `range(stop)`, `range(start, stop[, step])`.
pub fn new_range(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let (start, stop, step) = match args {
        [stop] => (new_int(0), index_arg(vm, stop)?, new_int(1)),
        [start, stop] => (index_arg(vm, start)?, index_arg(vm, stop)?, new_int(1)),
        [start, stop, step] => {
            let step = index_arg(vm, step)?;
            if int_of(&step).is_some_and(|s| s.is_zero()) {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            (index_arg(vm, start)?, index_arg(vm, stop)?, step)
        }
        [] => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        _ => return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", args.len()))),
    };
    Ok(alloc_range(RangeData::new(start, stop, step)))
}

fn alloc_range(r: RangeData) -> Value {
    Value::from_owned(alloc(&RANGE_TYPE, r))
}

fn range_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = range_of(v);
    let (start, stop, step) = (r.start.clone(), r.stop.clone(), r.step.clone());
    let mut text = format!("range({}, {}", crate::ops::repr_string(vm, &start)?, crate::ops::repr_string(vm, &stop)?);
    if as_i64(&step) != Some(1) {
        text.push_str(", ");
        text.push_str(&crate::ops::repr_string(vm, &step)?);
    }
    text.push(')');
    Ok(new_str(&text))
}

/// Ranges compare equal when they hold the same items (CPython's
/// `range_equals`): equal lengths, and then equal starts unless empty, and
/// equal steps unless of length one.
fn range_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_range(a), as_range(b)) else { return Ok(vm.not_implemented()) };
    let equal = match op {
        CompareOp::Eq | CompareOp::Ne => a.is(b) || {
            let (lx, ly) = (big(&x.length), big(&y.length));
            lx == ly
                && (lx == IBig::ZERO
                    || (big(&x.start) == big(&y.start) && (lx == IBig::ONE || big(&x.step) == big(&y.step))))
        },
        _ => return Ok(vm.not_implemented()),
    };
    Ok(bool_value(equal == (op == CompareOp::Eq)))
}

/// The hash of `(len, start, step)`, with None for what does not decide
/// the items (start when empty, step when of length one), so equal ranges
/// hash alike.
fn range_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let r = range_of(v);
    let n = big(&r.length);
    let start = if n == IBig::ZERO { none() } else { r.start.clone() };
    let step = if n <= IBig::ONE { none() } else { r.step.clone() };
    let key = crate::builtins::tuple::new_tuple(vec![r.length.clone(), start, step]);
    crate::ops::hash(vm, &key)
}

/// `r[i]` (any int, or an object with `__index__`) and `r[i:j:k]` (a range).
fn range_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let r = range_of(v);
    if let Some(sl) = crate::builtins::slice::as_slice(key) {
        let (start, stop, step) = slice_bounds(vm, sl, &big(&r.length))?;
        let step = new_big(step * big(&r.step));
        let (start, stop) = (new_big(r.item(&start)), new_big(r.item(&stop)));
        return Ok(alloc_range(RangeData::new(start, stop, step)));
    }
    let Some(i) = crate::ops::index(vm, key)? else {
        let msg = format!("range indices must be integers or slices, not {}", vm.type_of(key).name());
        return Err(vm.type_error(msg));
    };
    let (i, n) = (big(&i), big(&r.length));
    let i = if i < IBig::ZERO { i + &n } else { i };
    if i < IBig::ZERO || i >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(new_big(r.item(&i)))
}

/// A slice's (start, stop, step) clipped to a sequence of `length` items,
/// in big integers (CPython's `_PySlice_GetLongIndices`).
fn slice_bounds(vm: &mut Vm, sl: &crate::builtins::slice::SliceData, length: &IBig) -> PyResult<(IBig, IBig, IBig)> {
    let (start, stop, step) = (sl.start.clone(), sl.stop.clone(), sl.step.clone());
    let bound = |vm: &mut Vm, v: &Value| -> PyResult<Option<IBig>> {
        if crate::builtins::singletons::is_none(v) {
            return Ok(None);
        }
        match crate::ops::index(vm, v)? {
            Some(i) => Ok(Some(big(&i))),
            None => Err(vm.type_error("slice indices must be integers or None or have an __index__ method")),
        }
    };
    let step = bound(vm, &step)?.unwrap_or(IBig::ONE);
    if step == IBig::ZERO {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let backwards = step < IBig::ZERO;
    let (lower, upper) = if backwards { (-IBig::ONE, length - IBig::ONE) } else { (IBig::ZERO, length.clone()) };
    let clip = |b: Option<IBig>, default: &IBig| match b {
        None => default.clone(),
        Some(i) => {
            let i = if i < IBig::ZERO { i + length } else { i };
            i.clamp(lower.clone(), upper.clone())
        }
    };
    let start = clip(bound(vm, &start)?, if backwards { &upper } else { &lower });
    let stop = clip(bound(vm, &stop)?, if backwards { &lower } else { &upper });
    Ok((start, stop, step))
}

/// Is `x` an exact int or a bool, the values `in` can answer without
/// iterating?
fn is_exact_int(x: &Value) -> bool {
    match x.as_object() {
        None => int_of(x).is_some(),
        Some(p) => {
            std::ptr::eq(p.type_ptr(), &crate::builtins::int::INT_TYPE)
                || crate::builtins::singletons::as_bool(x).is_some()
        }
    }
}

fn exact_int(x: &Value) -> Option<IBig> {
    is_exact_int(x).then(|| int_of(x).map(|i| i.to_ibig())).flatten()
}

/// `x in r`: arithmetic for ints, otherwise a search comparing each item
/// with `==`.
pub fn range_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let r = range_of(v);
    if let Some(i) = exact_int(x) {
        return Ok(r.contains_int(&i));
    }
    Ok(search(vm, v, x, Search::First)?.is_some())
}

fn range_contains_method(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg(vm, "__contains__", args, kwnames)?;
    Ok(bool_value(range_contains(vm, this, x)?))
}

#[derive(PartialEq)]
enum Search {
    First,
    Count,
}

/// Walk the items comparing with `==` (CPython's `_PySequence_IterSearch`):
/// the first match's position, or the number of matches.
fn search(vm: &mut Vm, v: &Value, x: &Value, what: Search) -> PyResult<Option<i64>> {
    let it = crate::ops::iter(vm, v)?;
    let (mut i, mut count) = (0i64, 0i64);
    while let Some(item) = crate::ops::next(vm, &it)? {
        let r = crate::ops::richcompare(vm, &item, x, CompareOp::Eq)?;
        if crate::ops::truthy(vm, &r)? {
            if what == Search::First {
                return Ok(Some(i));
            }
            count += 1;
        }
        i += 1;
    }
    Ok((what == Search::Count).then_some(count))
}

fn one_arg<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    match args {
        [x] => Ok(x),
        _ => Err(vm.type_error(format!("{name}() takes exactly one argument ({} given)", args.len()))),
    }
}

/// `r.count(x)`.
fn range_count(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg(vm, "count", args, kwnames)?;
    if let Some(i) = exact_int(x) {
        return Ok(new_int(range_of(this).contains_int(&i) as i64));
    }
    Ok(new_int(search(vm, this, x, Search::Count)?.unwrap_or(0)))
}

/// `r.index(x)`.
fn range_index(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg(vm, "index", args, kwnames)?;
    if let Some(i) = exact_int(x) {
        return match range_of(this).position(&i) {
            Some(p) => Ok(new_big(p)),
            None => {
                let msg = format!("{} is not in range", crate::ops::repr_string(vm, x)?);
                Err(vm.value_error(msg))
            }
        };
    }
    match search(vm, this, x, Search::First)? {
        Some(p) => Ok(new_int(p)),
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

/// `r.__reduce__()`: `(range, (start, stop, step))`.
fn range_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "__reduce__", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("range.__reduce__() takes no arguments ({} given)", args.len())));
    }
    let r = range_of(this);
    let bounds = crate::builtins::tuple::new_tuple(vec![r.start.clone(), r.stop.clone(), r.step.clone()]);
    let ty = crate::types::type_value(&RANGE_TYPE);
    Ok(crate::builtins::tuple::new_tuple(vec![ty, bounds]))
}

/// `reversed(r)`: the items of `range(start + (n-1)*step, start - step, -step)`.
fn range_reversed(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "__reversed__", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("range.__reversed__() takes no arguments ({} given)", args.len())));
    }
    let r = range_of(this);
    // CPython's condition for the i64 iterator: start, stop, step, -step,
    // start - step and the length all fit.
    if let (Some(start), Some(_), Some(step), Some(len)) =
        (as_i64(&r.start), as_i64(&r.stop), as_i64(&r.step), r.len_i64())
    {
        if step != i64::MIN {
            if let Ok(new_stop) = i64::try_from(start as i128 - step as i128) {
                let first = (new_stop as i128 + len as i128 * step as i128) as i64;
                return Ok(fast_iter(first, -step, len as u64));
            }
        }
    }
    let n = big(&r.length);
    let first = r.item(&(&n - IBig::ONE));
    Ok(long_iter(first, -big(&r.step), n))
}

/// `iter(range(start, stop, step))` of `length` items.
fn range_iter(start: &Value, stop: &Value, step: &Value, length: &Value) -> Value {
    // CPython's condition for the i64 iterator: the bounds and the length
    // fit, and so does stop + step (where the last step would land).
    if let (Some(a), Some(b), Some(s), Some(n)) = (as_i64(start), as_i64(stop), as_i64(step), as_i64(length)) {
        let overflows = n > 0 && if s > 0 { b > i64::MAX - (s - 1) } else { b < i64::MIN + (-1 - s) };
        if !overflows {
            return fast_iter(a, s, n as u64);
        }
    }
    long_iter(big(start), big(step), big(length))
}

/// The i64 iterator: `start`, `step` and `len` describe what it iterates
/// (its `__reduce__` rebuilds the range from them); `next` and
/// `remaining` where it is.
struct RangeIter {
    next: Cell<i64>,
    remaining: Cell<u64>,
    step: i64,
    start: i64,
    len: u64,
}

fn fast_iter(start: i64, step: i64, len: u64) -> Value {
    let it = RangeIter { next: Cell::new(start), remaining: Cell::new(len), step, start, len };
    Value::from_owned(alloc(&RANGE_ITERATOR_TYPE, it))
}

fn fast_iter_data(v: &Value) -> &RangeIter {
    // SAFETY: range iterators are Obj<RangeIter>.
    unsafe { v.as_object().expect("an iterator").data::<RangeIter>() }
}

static RANGE_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|_, v| {
        let it = fast_iter_data(v);
        let left = it.remaining.get();
        if left == 0 {
            return Ok(None);
        }
        it.remaining.set(left - 1);
        let n = it.next.get();
        it.next.set(n.wrapping_add(it.step));
        Ok(Some(new_int(n)))
    }),
    methods: &[
        MethodDef { name: "__length_hint__", func: fast_length_hint },
        MethodDef { name: "__reduce__", func: fast_reduce },
        MethodDef { name: "__setstate__", func: fast_setstate },
    ],
    ..TypeObject::builtin("range_iterator", Some(&OBJECT_TYPE), dealloc_range_iter, crate::types::trace_nothing)
};

/// `(iter, (range(start, stop, step),), index)`: what a range iterator
/// pickles as (CPython 3.11's `rangeiter_reduce`).
fn iter_reduce(vm: &mut Vm, start: IBig, step: IBig, len: IBig, index: IBig) -> PyResult<Value> {
    let iter = crate::builtins::iter_pickle::builtin(vm, "iter")?;
    let stop = &start + &len * &step;
    let range = alloc_range(RangeData::new(new_big(start), new_big(stop), new_big(step)));
    Ok(crate::builtins::iter_pickle::reduce_value(iter, vec![range], Some(new_big(index))))
}

fn fast_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let it = fast_iter_data(this);
    let index = it.len - it.remaining.get();
    iter_reduce(vm, IBig::from(it.start), IBig::from(it.step), IBig::from(it.len), IBig::from(index))
}

/// `it.__setstate__(index)`: an index (through `__index__`, within a C
/// long) clamped to `0..=len`.
fn fast_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__setstate__", args, kwnames, 1)?;
    let index = index_arg(vm, &args[0])?;
    let Some(index) = as_i64(&index) else {
        return Err(vm.overflow_error("Python int too large to convert to C long"));
    };
    let it = fast_iter_data(this);
    let index = index.clamp(0, it.len.min(i64::MAX as u64) as i64) as u64;
    it.remaining.set(it.len - index);
    it.next.set(it.start.wrapping_add((index as i64).wrapping_mul(it.step)));
    Ok(none())
}

unsafe fn dealloc_range_iter(p: ObjPtr) {
    // SAFETY: range iterators are allocated as Obj<RangeIter>.
    unsafe { dealloc_boxed::<RangeIter>(p) }
}

fn fast_length_hint(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "__length_hint__", kwnames)?;
    no_args(vm, "__length_hint__", args)?;
    Ok(new_big(IBig::from(fast_iter_data(this).remaining.get())))
}

fn no_args(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<()> {
    if args.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no arguments ({} given)", args.len())))
    }
}

/// The big-int iterator: the next item and how many are left; `start`,
/// `step` and `len` describe what it iterates.
struct LongRangeIter {
    state: RefCell<(IBig, IBig)>,
    step: IBig,
    start: IBig,
    len: IBig,
}

fn long_iter(start: IBig, step: IBig, len: IBig) -> Value {
    let it = LongRangeIter { state: RefCell::new((start.clone(), len.clone())), step, start, len };
    Value::from_owned(alloc(&LONGRANGE_ITERATOR_TYPE, it))
}

fn long_iter_data(v: &Value) -> &LongRangeIter {
    // SAFETY: longrange iterators are Obj<LongRangeIter>.
    unsafe { v.as_object().expect("an iterator").data::<LongRangeIter>() }
}

static LONGRANGE_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|_, v| {
        let it = long_iter_data(v);
        let mut state = it.state.borrow_mut();
        let (next, left) = &mut *state;
        if *left <= IBig::ZERO {
            return Ok(None);
        }
        *left -= IBig::ONE;
        let item = next.clone();
        *next += &it.step;
        Ok(Some(new_big(item)))
    }),
    methods: &[
        MethodDef { name: "__length_hint__", func: long_length_hint },
        MethodDef { name: "__reduce__", func: long_reduce },
        MethodDef { name: "__setstate__", func: long_setstate },
    ],
    ..TypeObject::builtin("longrange_iterator", Some(&OBJECT_TYPE), dealloc_long_iter, crate::types::trace_nothing)
};

fn long_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let it = long_iter_data(this);
    let index = &it.len - &it.state.borrow().1;
    iter_reduce(vm, it.start.clone(), it.step.clone(), it.len.clone(), index)
}

/// `it.__setstate__(index)`: an int clamped to `0..=len`.
fn long_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__setstate__", args, kwnames, 1)?;
    let Some(index) = int_of(&args[0]).map(|i| i.to_ibig()) else {
        let msg = format!("'<' not supported between instances of '{}' and 'int'", vm.type_of(&args[0]).name());
        return Err(vm.type_error(msg));
    };
    let it = long_iter_data(this);
    let index = index.clamp(IBig::ZERO, it.len.clone());
    let next = &it.start + &index * &it.step;
    *it.state.borrow_mut() = (next, &it.len - &index);
    Ok(none())
}

unsafe fn dealloc_long_iter(p: ObjPtr) {
    // SAFETY: longrange iterators are allocated as Obj<LongRangeIter>.
    unsafe { dealloc_boxed::<LongRangeIter>(p) }
}

fn long_length_hint(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "__length_hint__", kwnames)?;
    no_args(vm, "__length_hint__", args)?;
    let left = long_iter_data(this).state.borrow().1.clone();
    Ok(new_big(left))
}
