//! The infinite iterators: `count`, `cycle`, `repeat`.

use std::cell::{Cell, RefCell};

use dashu_int::IBig;

use super::{alloc_for, bind, c_int_state, iter_self, no_args, one_arg, payload, positional_only, reduce_new, short_name};
use super::{state_tuple, typed_state_item, Payload};
use super::{dealloc_payload, trace_payload};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::list::{as_list, new_list, LIST_TYPE};
use crate::builtins::singletons::bool_value;
use crate::builtins::str::{intern, new_str};
use crate::builtins::tuple::new_tuple;
use crate::ops;
use crate::types::{BinOp, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `count(start=0, step=1)`. While the count is an int that fits an i64
/// and the step is the int 1, it is kept in `cnt` (CPython's fast mode);
/// otherwise `cnt` is `i64::MAX` and the count is the object `long_cnt`,
/// stepped with `+`. Fast mode reaching `i64::MAX` leaves `long_cnt`
/// empty, which the repr shows as `<NULL>`, as CPython's does.
pub struct Count {
    cnt: Cell<i64>,
    long_cnt: RefCell<Option<Value>>,
    long_step: Value,
}

impl Payload for Count {
    fn ty() -> &'static TypeObject {
        &COUNT_TYPE
    }

    fn trace(&self, visit: Visit) {
        if let Some(c) = &*self.long_cnt.borrow() {
            visit(c);
        }
        visit(&self.long_step);
    }
}

pub static COUNT_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(count_next),
    repr: Slot::new(count_repr),
    new: Some(count_new),
    methods: &[MethodDef { name: "__reduce__", func: count_reduce }],
    ..TypeObject::builtin("itertools.count", Some(&OBJECT_TYPE), dealloc_payload::<Count>, trace_payload::<Count>)
};

/// CPython's `PyNumber_Check`: an int, a float, a complex, or an instance
/// of a class with `__index__`, `__int__` or `__float__`.
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    if int_of(v).is_some()
        || crate::builtins::float::float_of(v).is_some()
        || vm.type_of(v).is_subtype(&crate::builtins::complex::COMPLEX_TYPE)
    {
        return true;
    }
    let ty = vm.type_of_static(v);
    ty.heap.is_some()
        && ["__index__", "__int__", "__float__"]
            .iter()
            .any(|n| crate::builtins::classes::type_lookup(ty, &crate::builtins::str::intern(n)).is_some())
}

/// The value of an int as an i64, if it is one and fits.
fn small(v: &Value) -> Option<i64> {
    match int_of(v)? {
        Int::Small(n) => Some(n),
        Int::Big(b) => i64::try_from(b).ok(),
    }
}

fn count_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [start, step] = bind(vm, "count", args, kwnames, ["start", "step"], 2, 0)?;
    for v in [&start, &step].into_iter().flatten() {
        if !is_number(vm, v) {
            return Err(vm.type_error("a number is required"));
        }
    }
    let start = start.unwrap_or_else(|| new_int(0));
    let step = step.unwrap_or_else(|| new_int(1));
    let fast = small(&start).filter(|_| small(&step) == Some(1));
    let (cnt, long_cnt) = match fast {
        Some(n) => (n, None),
        None => (i64::MAX, Some(start)),
    };
    Ok(alloc_for(cls, Count { cnt: Cell::new(cnt), long_cnt: RefCell::new(long_cnt), long_step: step }))
}

fn count_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Count>(v);
    let n = c.cnt.get();
    if n != i64::MAX {
        c.cnt.set(n + 1);
        return Ok(Some(new_int(n)));
    }
    let current = c.long_cnt.borrow().clone().unwrap_or_else(|| new_int(i64::MAX));
    let stepped = match (current.as_small_int(), c.long_step.as_small_int()) {
        (Some(a), Some(b)) => match a.checked_add(b) {
            Some(s) => new_int(s),
            None => ops::binary_op(vm, BinOp::Add, &current, &c.long_step)?,
        },
        _ => ops::binary_op(vm, BinOp::Add, &current, &c.long_step)?,
    };
    drop(c.long_cnt.replace(Some(stepped)));
    Ok(Some(current))
}

/// `(count, (n,))` in fast mode, else `(count, (long_cnt, long_step))`.
fn count_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "count.__reduce__", args, kwnames)?;
    let c = payload::<Count>(this);
    let n = c.cnt.get();
    let args = if n != i64::MAX {
        vec![new_int(n)]
    } else {
        let current = c.long_cnt.borrow().clone().unwrap_or_else(|| new_int(i64::MAX));
        vec![current, c.long_step.clone()]
    };
    Ok(reduce_new(vm, this, args, None))
}

fn count_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = payload::<Count>(v);
    let name = short_name(vm.type_of(v)).to_string();
    let n = c.cnt.get();
    if n != i64::MAX {
        return Ok(new_str(&format!("{name}({n})")));
    }
    let current = c.long_cnt.borrow().clone();
    let current = match current {
        Some(x) => ops::repr_string(vm, &x)?,
        None => "<NULL>".to_string(),
    };
    let step_is_one = match int_of(&c.long_step) {
        Some(Int::Small(s)) => s == 1,
        Some(Int::Big(b)) => *b == IBig::ONE,
        None => false,
    };
    if step_is_one {
        return Ok(new_str(&format!("{name}({current})")));
    }
    let step = ops::repr_string(vm, &c.long_step)?;
    Ok(new_str(&format!("{name}({current}, {step})")))
}

/// `cycle(iterable)`: the items of the iterator, saved as they pass, then
/// the saved items over and over.
pub struct Cycle {
    /// The iterator, until it is exhausted.
    it: RefCell<Option<Value>>,
    saved: RefCell<Vec<Value>>,
    /// The items of `it` are already in `saved` (set by `__setstate__`:
    /// an unpickled cycle on its second pass reads them from a list
    /// iterator over `saved`).
    firstpass: Cell<bool>,
    /// The next saved item to give, once `it` is exhausted.
    index: Cell<usize>,
}

impl Payload for Cycle {
    fn ty() -> &'static TypeObject {
        &CYCLE_TYPE
    }

    fn trace(&self, visit: Visit) {
        if let Some(it) = &*self.it.borrow() {
            visit(it);
        }
        self.saved.borrow().iter().for_each(visit);
    }
}

pub static CYCLE_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(cycle_next),
    new: Some(|vm, cls, args, kwnames| {
        let args = positional_only(vm, (&CYCLE_TYPE, cls), "cycle", args, kwnames, 1, 1)?;
        let it = ops::iter(vm, &args[0])?;
        let saved = RefCell::new(Vec::new());
        Ok(alloc_for(cls, Cycle { it: RefCell::new(Some(it)), saved, firstpass: Cell::new(false), index: Cell::new(0) }))
    }),
    methods: &[
        MethodDef { name: "__reduce__", func: cycle_reduce },
        MethodDef { name: "__setstate__", func: cycle_setstate },
    ],
    ..TypeObject::builtin("itertools.cycle", Some(&OBJECT_TYPE), dealloc_payload::<Cycle>, trace_payload::<Cycle>)
};

fn cycle_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Cycle>(v);
    let it = c.it.borrow().clone();
    if let Some(it) = it {
        if let Some(item) = ops::next(vm, &it)? {
            if !c.firstpass.get() {
                c.saved.borrow_mut().push(item.clone());
            }
            return Ok(Some(item));
        }
        drop(c.it.replace(None));
    }
    let saved = c.saved.borrow();
    let i = c.index.get();
    let Some(item) = saved.get(i).cloned() else { return Ok(None) };
    c.index.set(if i + 1 >= saved.len() { 0 } else { i + 1 });
    Ok(Some(item))
}

/// `(cycle, (it,), (saved, firstpass))`; once the iterator is exhausted,
/// `it` is an iterator over `saved` from the current index, and
/// `firstpass` true.
fn cycle_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "cycle.__reduce__", args, kwnames)?;
    let c = payload::<Cycle>(this);
    let saved = new_list(c.saved.borrow().clone());
    let it = c.it.borrow().clone();
    let (it, firstpass) = match it {
        Some(it) => (it, c.firstpass.get()),
        None => {
            let it = ops::iter(vm, &saved)?;
            let index = c.index.get();
            if index != 0 {
                let setstate = ops::getattr(vm, &it, &intern("__setstate__"))?;
                crate::eval::call(vm, &setstate, &[new_int(index as i64)], &[])?;
            }
            (it, true)
        }
    };
    Ok(reduce_new(vm, this, vec![it], Some(new_tuple(vec![saved, bool_value(firstpass)]))))
}

/// `__setstate__((saved, firstpass))`: `saved` a list.
fn cycle_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let state = one_arg(vm, "cycle.__setstate__", args, kwnames)?;
    let items = state_tuple(vm, state, 2, 2)?;
    typed_state_item(vm, &items[0], 1, &LIST_TYPE)?;
    let firstpass = c_int_state(vm, &items[1])? != 0;
    let saved = as_list(&items[0]).expect("a list").items.borrow().clone();
    let c = payload::<Cycle>(this);
    drop(c.saved.replace(saved));
    c.firstpass.set(firstpass);
    c.index.set(0);
    Ok(crate::builtins::singletons::none())
}

/// `repeat(object[, times])`: `cnt` items left, -1 for endless.
pub struct Repeat {
    element: Value,
    cnt: Cell<i64>,
}

impl Payload for Repeat {
    fn ty() -> &'static TypeObject {
        &REPEAT_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.element);
    }
}

pub static REPEAT_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(|_, v| {
        let r = payload::<Repeat>(v);
        match r.cnt.get() {
            0 => Ok(None),
            n => {
                if n > 0 {
                    r.cnt.set(n - 1);
                }
                Ok(Some(r.element.clone()))
            }
        }
    }),
    repr: Slot::new(|vm, v| {
        let r = payload::<Repeat>(v);
        let name = short_name(vm.type_of(v)).to_string();
        let element = ops::repr_string(vm, &r.element)?;
        Ok(new_str(&match r.cnt.get() {
            -1 => format!("{name}({element})"),
            n => format!("{name}({element}, {n})"),
        }))
    }),
    new: Some(|vm, cls, args, kwnames| {
        let [element, times] = bind(vm, "repeat", args, kwnames, ["object", "times"], 2, 1)?;
        let cnt = match times {
            None => -1,
            Some(t) => crate::builtins::str_methods::ssize_arg(vm, &t)?.max(0),
        };
        let element = element.expect("a required argument");
        Ok(alloc_for(cls, Repeat { element, cnt: Cell::new(cnt) }))
    }),
    methods: &[
        MethodDef {
            name: "__length_hint__",
            func: |vm, this, args, _| {
                if !args.is_empty() {
                    let msg = format!("repeat.__length_hint__() takes no arguments ({} given)", args.len());
                    return Err(vm.type_error(msg));
                }
                match payload::<Repeat>(this).cnt.get() {
                    -1 => Err(vm.type_error("len() of unsized object")),
                    n => Ok(new_int(n)),
                }
            },
        },
        MethodDef {
            name: "__reduce__",
            func: |vm, this, args, kwnames| {
                no_args(vm, "repeat.__reduce__", args, kwnames)?;
                let r = payload::<Repeat>(this);
                let mut args = vec![r.element.clone()];
                if r.cnt.get() >= 0 {
                    args.push(new_int(r.cnt.get()));
                }
                Ok(reduce_new(vm, this, args, None))
            },
        },
    ],
    ..TypeObject::builtin("itertools.repeat", Some(&OBJECT_TYPE), dealloc_payload::<Repeat>, trace_payload::<Repeat>)
};
