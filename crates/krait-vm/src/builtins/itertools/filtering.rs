//! The iterators that pick items: `compress`, `dropwhile`, `takewhile`,
//! `filterfalse`, `islice`.

use std::cell::{Cell, RefCell};

use super::{alloc_for, bind, iter_self, no_args, one_arg, payload, positional_only, reduce_new, Payload};
use super::{dealloc_payload, trace_payload};
use crate::builtins::int::{int_of, Int};
use crate::builtins::int::new_int;
use crate::builtins::singletons::{is_none, none, BOOL_TYPE};
use crate::ops;
use crate::types::{MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `compress(data, selectors)`: the data whose selector is true.
pub struct Compress {
    data: Value,
    selectors: Value,
}

impl Payload for Compress {
    fn ty() -> &'static TypeObject {
        &COMPRESS_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.data);
        visit(&self.selectors);
    }
}

pub static COMPRESS_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(|vm, v| {
        let c = payload::<Compress>(v);
        loop {
            // The datum first, then its selector (CPython's order).
            let Some(datum) = ops::next(vm, &c.data)? else { return Ok(None) };
            let Some(selector) = ops::next(vm, &c.selectors)? else { return Ok(None) };
            if ops::truthy(vm, &selector)? {
                return Ok(Some(datum));
            }
        }
    }),
    new: Some(|vm, cls, args, kwnames| {
        let [data, selectors] = bind(vm, "compress", args, kwnames, ["data", "selectors"], 2, 2)?;
        let data = ops::iter(vm, &data.expect("a required argument"))?;
        let selectors = ops::iter(vm, &selectors.expect("a required argument"))?;
        Ok(alloc_for(cls, Compress { data, selectors }))
    }),
    methods: &[MethodDef {
        name: "__reduce__",
        func: |vm, this, args, kwnames| {
            no_args(vm, "compress.__reduce__", args, kwnames)?;
            let c = payload::<Compress>(this);
            Ok(reduce_new(vm, this, vec![c.data.clone(), c.selectors.clone()], None))
        },
    }],
    ..TypeObject::builtin("itertools.compress", Some(&OBJECT_TYPE), dealloc_payload::<Compress>, trace_payload::<Compress>)
};

/// `predicate(item)` as a bool.
fn test(vm: &mut Vm, predicate: &Value, item: &Value) -> PyResult<bool> {
    let r = crate::eval::call(vm, predicate, std::slice::from_ref(item), &[])?;
    ops::truthy(vm, &r)
}

/// The state of `dropwhile` and `takewhile`: `done` once the predicate
/// has failed.
pub struct While {
    func: Value,
    it: Value,
    done: Cell<bool>,
}

fn trace_while(w: &While, visit: Visit) {
    visit(&w.func);
    visit(&w.it);
}

fn while_new(vm: &mut Vm, tys: (&'static TypeObject, &'static TypeObject), name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<While> {
    let args = positional_only(vm, tys, name, args, kwnames, 2, 2)?;
    let it = ops::iter(vm, &args[1])?;
    Ok(While { func: args[0].clone(), it, done: Cell::new(false) })
}

/// `(type, (predicate, it), done)`, `done` as an int (CPython's `start`
/// and `stop` flags).
fn while_reduce(vm: &mut Vm, this: &Value, w: &While, qualname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, qualname, args, kwnames)?;
    Ok(reduce_new(vm, this, vec![w.func.clone(), w.it.clone()], Some(new_int(w.done.get() as i64))))
}

/// `__setstate__(done)`: the truth of `done`.
fn while_setstate(vm: &mut Vm, w: &While, qualname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let state = one_arg(vm, qualname, args, kwnames)?;
    w.done.set(ops::truthy(vm, state)?);
    Ok(none())
}

/// `dropwhile(predicate, iterable)`.
pub struct DropWhile(While);

impl Payload for DropWhile {
    fn ty() -> &'static TypeObject {
        &DROPWHILE_TYPE
    }

    fn trace(&self, visit: Visit) {
        trace_while(&self.0, visit)
    }
}

pub static DROPWHILE_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(|vm, v| {
        let w = &payload::<DropWhile>(v).0;
        loop {
            let Some(item) = ops::next(vm, &w.it)? else { return Ok(None) };
            if w.done.get() || !test(vm, &w.func, &item)? {
                w.done.set(true);
                return Ok(Some(item));
            }
        }
    }),
    new: Some(|vm, cls, args, kwnames| Ok(alloc_for(cls, DropWhile(while_new(vm, (&DROPWHILE_TYPE, cls), "dropwhile", args, kwnames)?)))),
    methods: &[
        MethodDef {
            name: "__reduce__",
            func: |vm, this, args, kw| while_reduce(vm, this, &payload::<DropWhile>(this).0, "dropwhile.__reduce__", args, kw),
        },
        MethodDef {
            name: "__setstate__",
            func: |vm, this, args, kw| while_setstate(vm, &payload::<DropWhile>(this).0, "dropwhile.__setstate__", args, kw),
        },
    ],
    ..TypeObject::builtin("itertools.dropwhile", Some(&OBJECT_TYPE), dealloc_payload::<DropWhile>, trace_payload::<DropWhile>)
};

/// `takewhile(predicate, iterable)`.
pub struct TakeWhile(While);

impl Payload for TakeWhile {
    fn ty() -> &'static TypeObject {
        &TAKEWHILE_TYPE
    }

    fn trace(&self, visit: Visit) {
        trace_while(&self.0, visit)
    }
}

pub static TAKEWHILE_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(|vm, v| {
        let w = &payload::<TakeWhile>(v).0;
        if w.done.get() {
            return Ok(None);
        }
        let Some(item) = ops::next(vm, &w.it)? else { return Ok(None) };
        if test(vm, &w.func, &item)? {
            return Ok(Some(item));
        }
        w.done.set(true);
        Ok(None)
    }),
    new: Some(|vm, cls, args, kwnames| Ok(alloc_for(cls, TakeWhile(while_new(vm, (&TAKEWHILE_TYPE, cls), "takewhile", args, kwnames)?)))),
    methods: &[
        MethodDef {
            name: "__reduce__",
            func: |vm, this, args, kw| while_reduce(vm, this, &payload::<TakeWhile>(this).0, "takewhile.__reduce__", args, kw),
        },
        MethodDef {
            name: "__setstate__",
            func: |vm, this, args, kw| while_setstate(vm, &payload::<TakeWhile>(this).0, "takewhile.__setstate__", args, kw),
        },
    ],
    ..TypeObject::builtin("itertools.takewhile", Some(&OBJECT_TYPE), dealloc_payload::<TakeWhile>, trace_payload::<TakeWhile>)
};

/// `filterfalse(function or None, iterable)`.
pub struct FilterFalse {
    func: Value,
    it: Value,
}

impl Payload for FilterFalse {
    fn ty() -> &'static TypeObject {
        &FILTERFALSE_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.func);
        visit(&self.it);
    }
}

pub static FILTERFALSE_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(|vm, v| {
        let f = payload::<FilterFalse>(v);
        // None and `bool` test the items themselves (CPython's shortcut).
        let plain = is_none(&f.func) || f.func.is(&crate::types::type_value(&BOOL_TYPE));
        loop {
            let Some(item) = ops::next(vm, &f.it)? else { return Ok(None) };
            let keep = if plain { ops::truthy(vm, &item)? } else { test(vm, &f.func, &item)? };
            if !keep {
                return Ok(Some(item));
            }
        }
    }),
    new: Some(|vm, cls, args, kwnames| {
        let args = positional_only(vm, (&FILTERFALSE_TYPE, cls), "filterfalse", args, kwnames, 2, 2)?;
        let it = ops::iter(vm, &args[1])?;
        Ok(alloc_for(cls, FilterFalse { func: args[0].clone(), it }))
    }),
    methods: &[MethodDef {
        name: "__reduce__",
        func: |vm, this, args, kwnames| {
            no_args(vm, "filterfalse.__reduce__", args, kwnames)?;
            let f = payload::<FilterFalse>(this);
            Ok(reduce_new(vm, this, vec![f.func.clone(), f.it.clone()], None))
        },
    }],
    ..TypeObject::builtin("itertools.filterfalse", Some(&OBJECT_TYPE), dealloc_payload::<FilterFalse>, trace_payload::<FilterFalse>)
};

/// `islice(iterable, [start,] stop[, step])`: `next` is the index of the
/// next item to give, `cnt` how many items were read, `stop` -1 for none.
/// The iterator is dropped once the slice is done (or it fails), so no
/// item past `stop` is ever read.
pub struct ISlice {
    it: RefCell<Option<Value>>,
    next: Cell<i64>,
    stop: i64,
    step: i64,
    cnt: Cell<i64>,
}

impl Payload for ISlice {
    fn ty() -> &'static TypeObject {
        &ISLICE_TYPE
    }

    fn trace(&self, visit: Visit) {
        if let Some(it) = &*self.it.borrow() {
            visit(it);
        }
    }
}

pub static ISLICE_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(islice_next),
    new: Some(islice_new),
    methods: &[
        MethodDef { name: "__reduce__", func: islice_reduce },
        MethodDef {
            name: "__setstate__",
            // The count of items read (`PyLong_AsSsize_t`).
            func: |vm, this, args, kwnames| {
                let state = one_arg(vm, "islice.__setstate__", args, kwnames)?;
                let cnt = crate::builtins::iter_pickle::ssize_state(vm, state)?;
                payload::<ISlice>(this).cnt.set(cnt);
                Ok(none())
            },
        },
    ],
    ..TypeObject::builtin("itertools.islice", Some(&OBJECT_TYPE), dealloc_payload::<ISlice>, trace_payload::<ISlice>)
};

/// `(islice, (it, next, stop or None, step), cnt)`, or once done
/// `(islice, (iter([]), 0), 0)`.
fn islice_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "islice.__reduce__", args, kwnames)?;
    let s = payload::<ISlice>(this);
    let it = s.it.borrow().clone();
    let Some(it) = it else {
        let empty = ops::iter(vm, &crate::builtins::list::new_list(vec![]))?;
        return Ok(reduce_new(vm, this, vec![empty, new_int(0)], Some(new_int(0))));
    };
    let stop = if s.stop == -1 { none() } else { new_int(s.stop) };
    let args = vec![it, new_int(s.next.get()), stop, new_int(s.step)];
    Ok(reduce_new(vm, this, args, Some(new_int(s.cnt.get()))))
}

/// An islice argument as CPython's `PyNumber_AsSsize_t` reads it, with
/// any failure (not an integer, too large, an `__index__` that raises)
/// read as -1, as `islice` does.
fn islice_arg(vm: &mut Vm, v: &Value) -> i64 {
    match ops::index(vm, v) {
        Ok(Some(i)) => match int_of(&i) {
            Some(Int::Small(n)) => n,
            Some(Int::Big(b)) => i64::try_from(b).unwrap_or(-1),
            None => -1,
        },
        _ => -1,
    }
}

fn islice_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional_only(vm, (&ISLICE_TYPE, cls), "islice", args, kwnames, 2, 4)?;
    let (mut start, mut stop, mut step) = (0, -1, 1);
    const STOP: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let stop_arg = if args.len() == 2 { &args[1] } else { &args[2] };
    if args.len() > 2 && !is_none(&args[1]) {
        start = islice_arg(vm, &args[1]);
    }
    if !is_none(stop_arg) {
        stop = islice_arg(vm, stop_arg);
        if stop == -1 {
            return Err(vm.value_error(STOP));
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."));
    }
    if let Some(s) = args.get(3).filter(|s| !is_none(s)) {
        step = islice_arg(vm, s);
    }
    if step < 1 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    let it = ops::iter(vm, &args[0])?;
    let data = ISlice { it: RefCell::new(Some(it)), next: Cell::new(start), stop, step, cnt: Cell::new(0) };
    Ok(alloc_for(cls, data))
}

fn islice_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let s = payload::<ISlice>(v);
    let Some(it) = s.it.borrow().clone() else { return Ok(None) };
    let r = islice_step(vm, s, &it);
    if !matches!(r, Ok(Some(_))) {
        drop(s.it.replace(None));
    }
    r
}

fn islice_step(vm: &mut Vm, s: &ISlice, it: &Value) -> PyResult<Option<Value>> {
    while s.cnt.get() < s.next.get() {
        if ops::next(vm, it)?.is_none() {
            return Ok(None);
        }
        s.cnt.set(s.cnt.get().saturating_add(1));
    }
    if s.stop != -1 && s.cnt.get() >= s.stop {
        return Ok(None);
    }
    let Some(item) = ops::next(vm, it)? else { return Ok(None) };
    s.cnt.set(s.cnt.get().saturating_add(1));
    let old = s.next.get();
    let next = old.wrapping_add(s.step);
    s.next.set(if next < old || (s.stop != -1 && next > s.stop) { s.stop } else { next });
    Ok(Some(item))
}
