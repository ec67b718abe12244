//! The combinatoric iterators: `product`, `permutations`, `combinations`,
//! `combinations_with_replacement`.
//!
//! Invariants: the input is read into a pool when the object is made;
//! each result is a tuple of pool items picked by an index vector that is
//! updated in place. The previous result tuple is kept and, when nothing
//! else holds it any more (a loop unpacked it), updated in place rather
//! than a new one made, as CPython does; so a loop allocates nothing per
//! result. Nothing in `next` runs Python code (replacing a result's items
//! frees nothing: the pool holds them).

use std::cell::{Cell, RefCell};

use super::{alloc_for, bind, index_tuple, iter_self, no_args, one_arg, payload, reduce_new, state_tuple};
use super::{typed_state_item, vec_with_capacity, Payload};
use super::{dealloc_payload, trace_payload};
use crate::builtins::int::{int_of, Int};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str_methods::ssize_arg;
use crate::builtins::tuple::{as_tuple, new_tuple, unique_items_mut, TUPLE_TYPE};
use crate::ops;
use crate::types::{MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Where a combinatoric iterator is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// The first result is next.
    Fresh,
    Running,
    Done,
}

/// The next result, of `len` items: `items_from(k)` gives the items from
/// position `k` on. The previous result is updated in place from position
/// `changed` on when nothing else holds it; else a new tuple is made, and
/// kept for next time.
fn emit<I: Iterator<Item = Value>>(
    result: &RefCell<Option<Value>>,
    len: usize,
    changed: usize,
    items_from: impl Fn(usize) -> I,
) -> Value {
    let mut kept = result.borrow_mut();
    let reused = match kept.as_mut().and_then(unique_items_mut) {
        Some(items) if items.len() == len => {
            for (slot, item) in items[changed..].iter_mut().zip(items_from(changed)) {
                *slot = item;
            }
            true
        }
        _ => false,
    };
    if let Some(t) = kept.as_ref().filter(|_| reused) {
        return t.clone();
    }
    let t = new_tuple(items_from(0).collect());
    let old = kept.replace(t.clone());
    drop(kept);
    drop(old);
    t
}

/// The items of `pool` at `indices`.
fn pick<'a>(pool: &'a [Value], indices: &'a [usize]) -> impl Iterator<Item = Value> + 'a {
    indices.iter().map(move |&i| pool[i].clone())
}

fn trace_result(result: &RefCell<Option<Value>>, visit: Visit) {
    if let Some(r) = &*result.borrow() {
        visit(r);
    }
}

fn read_pool(vm: &mut Vm, iterable: &Value) -> PyResult<Box<[Value]>> {
    Ok(ops::collect(vm, iterable)?.into_boxed_slice())
}

/// The indices of a `__setstate__` state: a tuple of `n` ints
/// (`PyLong_AsSsize_t`), else ValueError.
fn state_indices(vm: &mut Vm, state: &Value, n: usize) -> PyResult<Vec<i64>> {
    let items = match as_tuple(state) {
        Some(t) if t.items.len() == n => t.items.to_vec(),
        _ => return Err(vm.value_error("invalid arguments")),
    };
    items.iter().map(|i| crate::builtins::iter_pickle::ssize_state(vm, i)).collect()
}

/// `i` clamped to `lo..=hi` (`hi` first, as CPython's setstates do).
fn clamp(i: i64, lo: i64, hi: i64) -> usize {
    i.min(hi).max(lo).max(0) as usize
}

/// A pool as the tuple CPython holds.
fn pool_tuple(pool: &[Value]) -> Value {
    new_tuple(pool.to_vec())
}

/// The result tuple `__setstate__` leaves, made from the new indices:
/// the next `next` updates it in place as it would have after giving it.
fn set_result(result: &RefCell<Option<Value>>, items: Vec<Value>) {
    let old = result.replace(Some(new_tuple(items)));
    drop(old);
}

/// `r` of `combinations` and `combinations_with_replacement` (a
/// `Py_ssize_t`).
fn r_arg(vm: &mut Vm, r: &Value) -> PyResult<i64> {
    ssize_arg(vm, r)
}

fn non_negative(vm: &mut Vm, r: i64) -> PyResult<usize> {
    usize::try_from(r).map_err(|_| vm.value_error("r must be non-negative"))
}

/// `product(*iterables, repeat=1)`.
pub struct Product {
    /// The items of each argument; result position `k` picks from pool
    /// `k % pools.len()` (the pools are held once, however many repeats).
    pools: Box<[Box<[Value]>]>,
    /// One index per result position (`len(iterables) * repeat`).
    indices: RefCell<Vec<usize>>,
    state: Cell<State>,
    result: RefCell<Option<Value>>,
}

impl Payload for Product {
    fn ty() -> &'static TypeObject {
        &PRODUCT_TYPE
    }

    fn trace(&self, visit: Visit) {
        for pool in self.pools.iter() {
            pool.iter().for_each(&mut *visit);
        }
        trace_result(&self.result, visit);
    }
}

pub static PRODUCT_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(product_next),
    new: Some(product_new),
    methods: &[
        MethodDef { name: "__reduce__", func: product_reduce },
        MethodDef { name: "__setstate__", func: product_setstate },
    ],
    ..TypeObject::builtin("itertools.product", Some(&OBJECT_TYPE), dealloc_payload::<Product>, trace_payload::<Product>)
};

fn product_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let [repeat] = bind(vm, "product", &args[npos..], kwnames, ["repeat"], 0, 0)?;
    let repeat = match repeat {
        Some(r) => ssize_arg(vm, &r)?,
        None => 1,
    };
    if repeat < 0 {
        return Err(vm.value_error("repeat argument cannot be negative"));
    }
    let repeat = repeat as usize;
    // A repeat of 0 reads no argument at all (CPython's order).
    let nargs = if repeat == 0 { 0 } else { npos };
    if repeat != 0 && nargs > (isize::MAX as usize / std::mem::size_of::<usize>()) / repeat {
        return Err(vm.overflow_error("repeat argument too large"));
    }
    let npools = nargs * repeat;
    let mut indices = vec_with_capacity(vm, npools)?;
    indices.resize(npools, 0);
    let mut pools = Vec::with_capacity(nargs);
    for a in &args[..nargs] {
        pools.push(read_pool(vm, a)?);
    }
    let data = Product {
        pools: pools.into_boxed_slice(),
        indices: RefCell::new(indices),
        state: Cell::new(State::Fresh),
        result: RefCell::new(None),
    };
    Ok(alloc_for(cls, data))
}

/// `(product, ((),))` once exhausted, `(product, pools)` before the
/// first result, else `(product, pools, indices)`; `pools` holds each
/// pool once per repeat, as CPython's does.
fn product_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "product.__reduce__", args, kwnames)?;
    let p = payload::<Product>(this);
    let cls = crate::types::type_value(vm.type_of_static(this));
    let reduce = |items: Vec<Value>| new_tuple(items);
    match p.state.get() {
        State::Done => Ok(reduce(vec![cls, new_tuple(vec![new_tuple(vec![])])])),
        state => {
            let tuples: Vec<Value> = p.pools.iter().map(|pool| pool_tuple(pool)).collect();
            let n = p.indices.borrow().len();
            let pools = new_tuple((0..n).map(|k| tuples[k % tuples.len()].clone()).collect());
            let mut items = vec![cls, pools];
            if state == State::Running {
                items.push(index_tuple(&p.indices.borrow()));
            }
            Ok(reduce(items))
        }
    }
}

/// `__setstate__(indices)`: one index per pool, clamped to it; an empty
/// pool ends the product.
fn product_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let state = one_arg(vm, "product.__setstate__", args, kwnames)?;
    let p = payload::<Product>(this);
    let n = p.indices.borrow().len();
    let Some(t) = as_tuple(state).filter(|t| t.items.len() == n) else {
        return Err(vm.value_error("invalid arguments"));
    };
    let items = t.items.to_vec();
    let mut indices = p.indices.borrow().clone();
    for (k, item) in items.iter().enumerate() {
        let index = crate::builtins::iter_pickle::ssize_state(vm, item)?;
        let pool = &p.pools[k % p.pools.len()];
        if pool.is_empty() {
            *p.indices.borrow_mut() = indices;
            p.state.set(State::Done);
            return Ok(none());
        }
        indices[k] = clamp(index, 0, pool.len() as i64 - 1);
    }
    let result = indices.iter().enumerate().map(|(k, &i)| p.pools[k % p.pools.len()][i].clone()).collect();
    *p.indices.borrow_mut() = indices;
    set_result(&p.result, result);
    if p.state.get() == State::Fresh {
        p.state.set(State::Running);
    }
    Ok(none())
}

fn product_next(_: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let p = payload::<Product>(v);
    let pools = &p.pools;
    let mut indices = p.indices.borrow_mut();
    let changed = match p.state.get() {
        State::Done => return Ok(None),
        State::Fresh => {
            if pools.iter().any(|pool| pool.is_empty()) && !indices.is_empty() {
                p.state.set(State::Done);
                return Ok(None);
            }
            p.state.set(State::Running);
            0
        }
        State::Running => {
            // Advance the rightmost index that does not wrap around.
            let mut i = indices.len();
            loop {
                if i == 0 {
                    p.state.set(State::Done);
                    return Ok(None);
                }
                i -= 1;
                indices[i] += 1;
                if indices[i] < pools[i % pools.len()].len() {
                    break i;
                }
                indices[i] = 0;
            }
        }
    };
    let indices = &indices[..];
    let items_from = |k: usize| {
        let pools = pools.iter().cycle().skip(if pools.is_empty() { 0 } else { k % pools.len() });
        indices[k..].iter().zip(pools).map(|(&i, pool)| pool[i].clone())
    };
    Ok(Some(emit(&p.result, indices.len(), changed, items_from)))
}

/// `permutations(iterable, r=None)`: `indices` is an arrangement of the
/// pool's positions, the first `r` giving the result; `cycles` counts
/// down the swaps left at each position (the classic algorithm of the
/// itertools documentation).
pub struct Permutations {
    pool: Box<[Value]>,
    r: usize,
    indices: RefCell<Vec<usize>>,
    cycles: RefCell<Vec<usize>>,
    state: Cell<State>,
    result: RefCell<Option<Value>>,
}

impl Payload for Permutations {
    fn ty() -> &'static TypeObject {
        &PERMUTATIONS_TYPE
    }

    fn trace(&self, visit: Visit) {
        self.pool.iter().for_each(&mut *visit);
        trace_result(&self.result, visit);
    }
}

pub static PERMUTATIONS_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(permutations_next),
    new: Some(permutations_new),
    methods: &[
        MethodDef { name: "__reduce__", func: permutations_reduce },
        MethodDef { name: "__setstate__", func: permutations_setstate },
    ],
    ..TypeObject::builtin("itertools.permutations", Some(&OBJECT_TYPE), dealloc_payload::<Permutations>, trace_payload::<Permutations>)
};

fn permutations_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [iterable, r] = bind(vm, "permutations", args, kwnames, ["iterable", "r"], 2, 1)?;
    let pool = read_pool(vm, &iterable.expect("a required argument"))?;
    let n = pool.len();
    let r = match r.filter(|r| !is_none(r)) {
        None => n as i64,
        Some(r) => match int_of(&r) {
            Some(Int::Small(i)) => i,
            Some(Int::Big(b)) => {
                i64::try_from(b).map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))?
            }
            None => return Err(vm.type_error("Expected int as r")),
        },
    };
    let r = non_negative(vm, r)?;
    let mut indices = vec_with_capacity(vm, n)?;
    let mut cycles = vec_with_capacity(vm, r)?;
    let state = if r > n { State::Done } else { State::Fresh };
    if state == State::Fresh {
        indices.extend(0..n);
        cycles.extend((n - r + 1..=n).rev());
    }
    let data = Permutations {
        pool,
        r,
        indices: RefCell::new(indices),
        cycles: RefCell::new(cycles),
        state: Cell::new(state),
        result: RefCell::new(None),
    };
    Ok(alloc_for(cls, data))
}

/// The reduce of `permutations`, `combinations` and
/// `combinations_with_replacement`: `(type, (pool, r))` before the first
/// result, `(type, ((), r))` once exhausted, else `(type, (pool, r),
/// state)`.
fn combinatoric_reduce(vm: &mut Vm, this: &Value, pool: &[Value], r: usize, result: &RefCell<Option<Value>>, state: State, running: impl FnOnce() -> Value) -> Value {
    let r = crate::builtins::int::new_int(r as i64);
    if result.borrow().is_none() {
        return reduce_new(vm, this, vec![pool_tuple(pool), r], None);
    }
    if state == State::Done {
        return reduce_new(vm, this, vec![new_tuple(vec![]), r], None);
    }
    reduce_new(vm, this, vec![pool_tuple(pool), r], Some(running()))
}

fn permutations_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "permutations.__reduce__", args, kwnames)?;
    let p = payload::<Permutations>(this);
    let running = || new_tuple(vec![index_tuple(&p.indices.borrow()), index_tuple(&p.cycles.borrow())]);
    Ok(combinatoric_reduce(vm, this, &p.pool, p.r, &p.result, p.state.get(), running))
}

/// `__setstate__((indices, cycles))`: `n` indices into the pool and `r`
/// cycles, each clamped.
fn permutations_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let state = one_arg(vm, "permutations.__setstate__", args, kwnames)?;
    let items = state_tuple(vm, state, 2, 2)?;
    typed_state_item(vm, &items[0], 1, &TUPLE_TYPE)?;
    typed_state_item(vm, &items[1], 2, &TUPLE_TYPE)?;
    let p = payload::<Permutations>(this);
    let (n, r) = (p.pool.len(), p.r);
    let lens = (as_tuple(&items[0]).map(|t| t.items.len()), as_tuple(&items[1]).map(|t| t.items.len()));
    if lens != (Some(n), Some(r)) {
        return Err(vm.value_error("invalid arguments"));
    }
    let indices = state_indices(vm, &items[0], n)?;
    let cycles = state_indices(vm, &items[1], r)?;
    if r > n {
        // No result to make (CPython reads past its pool here).
        return Ok(none());
    }
    let indices: Vec<usize> = indices.into_iter().map(|i| clamp(i, 0, n as i64 - 1)).collect();
    let cycles: Vec<usize> = cycles.into_iter().enumerate().map(|(i, c)| clamp(c, 1, (n - i) as i64)).collect();
    set_result(&p.result, pick(&p.pool, &indices[..r]).collect());
    *p.indices.borrow_mut() = indices;
    *p.cycles.borrow_mut() = cycles;
    if p.state.get() == State::Fresh {
        p.state.set(State::Running);
    }
    Ok(none())
}

fn permutations_next(_: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let p = payload::<Permutations>(v);
    let (n, r) = (p.pool.len(), p.r);
    let mut indices = p.indices.borrow_mut();
    let changed = match p.state.get() {
        State::Done => return Ok(None),
        State::Fresh => {
            p.state.set(State::Running);
            0
        }
        State::Running => {
            let mut cycles = p.cycles.borrow_mut();
            let mut advanced = None;
            for i in (0..r).rev() {
                cycles[i] -= 1;
                if cycles[i] == 0 {
                    indices[i..].rotate_left(1);
                    cycles[i] = n - i;
                } else {
                    let j = cycles[i];
                    indices.swap(i, n - j);
                    advanced = Some(i);
                    break;
                }
            }
            let Some(i) = advanced else {
                p.state.set(State::Done);
                return Ok(None);
            };
            i
        }
    };
    let indices = &indices[..r];
    Ok(Some(emit(&p.result, r, changed, |k| pick(&p.pool, &indices[k..]))))
}

/// `combinations(iterable, r)`: `indices` are increasing positions in
/// the pool.
pub struct Combinations {
    pool: Box<[Value]>,
    indices: RefCell<Vec<usize>>,
    state: Cell<State>,
    result: RefCell<Option<Value>>,
}

impl Payload for Combinations {
    fn ty() -> &'static TypeObject {
        &COMBINATIONS_TYPE
    }

    fn trace(&self, visit: Visit) {
        self.pool.iter().for_each(&mut *visit);
        trace_result(&self.result, visit);
    }
}

pub static COMBINATIONS_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(combinations_next),
    new: Some(|vm, cls, args, kwnames| {
        let [iterable, r] = bind(vm, "combinations", args, kwnames, ["iterable", "r"], 2, 2)?;
        let r = r_arg(vm, &r.expect("a required argument"))?;
        let pool = read_pool(vm, &iterable.expect("a required argument"))?;
        let r = non_negative(vm, r)?;
        let mut indices = vec_with_capacity(vm, r)?;
        let state = if r > pool.len() { State::Done } else { State::Fresh };
        indices.extend(0..r);
        let result = RefCell::new(None);
        Ok(alloc_for(cls, Combinations { pool, indices: RefCell::new(indices), state: Cell::new(state), result }))
    }),
    methods: &[
        MethodDef {
            name: "__reduce__",
            func: |vm, this, args, kwnames| {
                no_args(vm, "combinations.__reduce__", args, kwnames)?;
                let c = payload::<Combinations>(this);
                let r = c.indices.borrow().len();
                let running = || index_tuple(&c.indices.borrow());
                Ok(combinatoric_reduce(vm, this, &c.pool, r, &c.result, c.state.get(), running))
            },
        },
        MethodDef {
            name: "__setstate__",
            // `r` increasing indices, index `i` clamped to `i + n - r`.
            func: |vm, this, args, kwnames| {
                let state = one_arg(vm, "combinations.__setstate__", args, kwnames)?;
                let c = payload::<Combinations>(this);
                let (n, r) = (c.pool.len(), c.indices.borrow().len());
                let indices = state_indices(vm, state, r)?;
                if r > n {
                    return Ok(none());
                }
                let indices: Vec<usize> = indices.into_iter().enumerate().map(|(i, x)| clamp(x, 0, (i + n - r) as i64)).collect();
                set_result(&c.result, pick(&c.pool, &indices).collect());
                *c.indices.borrow_mut() = indices;
                if c.state.get() == State::Fresh {
                    c.state.set(State::Running);
                }
                Ok(none())
            },
        },
    ],
    ..TypeObject::builtin("itertools.combinations", Some(&OBJECT_TYPE), dealloc_payload::<Combinations>, trace_payload::<Combinations>)
};

fn combinations_next(_: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Combinations>(v);
    let mut indices = c.indices.borrow_mut();
    let (n, r) = (c.pool.len(), indices.len());
    let changed = match c.state.get() {
        State::Done => return Ok(None),
        State::Fresh => {
            c.state.set(State::Running);
            0
        }
        State::Running => {
            // The rightmost index not at its maximum (`i + n - r`).
            let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else {
                c.state.set(State::Done);
                return Ok(None);
            };
            indices[i] += 1;
            for j in i + 1..r {
                indices[j] = indices[j - 1] + 1;
            }
            i
        }
    };
    let indices = &indices[..];
    Ok(Some(emit(&c.result, r, changed, |k| pick(&c.pool, &indices[k..]))))
}

/// `combinations_with_replacement(iterable, r)`: `indices` are
/// non-decreasing positions in the pool.
pub struct CombinationsWithReplacement {
    pool: Box<[Value]>,
    indices: RefCell<Vec<usize>>,
    state: Cell<State>,
    result: RefCell<Option<Value>>,
}

impl Payload for CombinationsWithReplacement {
    fn ty() -> &'static TypeObject {
        &CWR_TYPE
    }

    fn trace(&self, visit: Visit) {
        self.pool.iter().for_each(&mut *visit);
        trace_result(&self.result, visit);
    }
}

pub static CWR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(cwr_next),
    new: Some(|vm, cls, args, kwnames| {
        let name = "combinations_with_replacement";
        let [iterable, r] = bind(vm, name, args, kwnames, ["iterable", "r"], 2, 2)?;
        let r = r_arg(vm, &r.expect("a required argument"))?;
        let pool = read_pool(vm, &iterable.expect("a required argument"))?;
        let r = non_negative(vm, r)?;
        let mut indices = vec_with_capacity(vm, r)?;
        let state = if pool.is_empty() && r > 0 { State::Done } else { State::Fresh };
        indices.resize(r, 0);
        let result = RefCell::new(None);
        let data = CombinationsWithReplacement { pool, indices: RefCell::new(indices), state: Cell::new(state), result };
        Ok(alloc_for(cls, data))
    }),
    methods: &[
        MethodDef {
            name: "__reduce__",
            func: |vm, this, args, kwnames| {
                no_args(vm, "combinations_with_replacement.__reduce__", args, kwnames)?;
                let c = payload::<CombinationsWithReplacement>(this);
                let r = c.indices.borrow().len();
                let running = || index_tuple(&c.indices.borrow());
                Ok(combinatoric_reduce(vm, this, &c.pool, r, &c.result, c.state.get(), running))
            },
        },
        MethodDef {
            name: "__setstate__",
            // `r` indices, each clamped to the pool.
            func: |vm, this, args, kwnames| {
                let state = one_arg(vm, "combinations_with_replacement.__setstate__", args, kwnames)?;
                let c = payload::<CombinationsWithReplacement>(this);
                let (n, r) = (c.pool.len(), c.indices.borrow().len());
                let indices = state_indices(vm, state, r)?;
                if n == 0 && r > 0 {
                    return Ok(none());
                }
                let indices: Vec<usize> = indices.into_iter().map(|x| clamp(x, 0, n as i64 - 1)).collect();
                set_result(&c.result, pick(&c.pool, &indices).collect());
                *c.indices.borrow_mut() = indices;
                if c.state.get() == State::Fresh {
                    c.state.set(State::Running);
                }
                Ok(none())
            },
        },
    ],
    ..TypeObject::builtin(
        "itertools.combinations_with_replacement",
        Some(&OBJECT_TYPE),
        dealloc_payload::<CombinationsWithReplacement>,
        trace_payload::<CombinationsWithReplacement>,
    )
};

fn cwr_next(_: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<CombinationsWithReplacement>(v);
    let mut indices = c.indices.borrow_mut();
    let (n, r) = (c.pool.len(), indices.len());
    let changed = match c.state.get() {
        State::Done => return Ok(None),
        State::Fresh => {
            c.state.set(State::Running);
            0
        }
        State::Running => {
            // The rightmost index not at its maximum (`n - 1`); when r > 0
            // the pool is not empty (else the iterator started done).
            let Some(i) = (0..r).rev().find(|&i| indices[i] + 1 != n) else {
                c.state.set(State::Done);
                return Ok(None);
            };
            let index = indices[i] + 1;
            indices[i..].fill(index);
            i
        }
    };
    let indices = &indices[..];
    Ok(Some(emit(&c.result, r, changed, |k| pick(&c.pool, &indices[k..]))))
}
