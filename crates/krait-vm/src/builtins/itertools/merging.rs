//! The iterators that combine items: `accumulate`, `chain`, `pairwise`,
//! `starmap`, `zip_longest`.

use std::cell::{Cell, RefCell};

use super::{alloc_for, bind, iter_self, no_args, one_arg, payload, positional_only, reduce_new, refill_result};
use super::{state_tuple, Payload};
use super::{dealloc_payload, trace_payload};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::as_str;
use crate::builtins::tuple::{as_tuple, new_tuple, TUPLE_TYPE};
use crate::ops;
use crate::types::{as_type, BinOp, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn visit_opt(cell: &RefCell<Option<Value>>, visit: Visit) {
    if let Some(v) = &*cell.borrow() {
        visit(v);
    }
}

/// `accumulate(iterable, func=None, *, initial=None)`: running totals.
pub struct Accumulate {
    it: Value,
    /// None: `+`.
    func: Option<Value>,
    total: RefCell<Option<Value>>,
    /// Given first, before any item is read; taken when given.
    initial: RefCell<Option<Value>>,
}

impl Payload for Accumulate {
    fn ty() -> &'static TypeObject {
        &ACCUMULATE_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.it);
        if let Some(f) = &self.func {
            visit(f);
        }
        visit_opt(&self.total, visit);
        visit_opt(&self.initial, visit);
    }
}

pub static ACCUMULATE_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(accumulate_next),
    new: Some(|vm, cls, args, kwnames| {
        let [iterable, func, initial] = bind(vm, "accumulate", args, kwnames, ["iterable", "func", "initial"], 2, 1)?;
        let it = ops::iter(vm, &iterable.expect("a required argument"))?;
        let func = func.filter(|f| !is_none(f));
        let initial = initial.filter(|i| !is_none(i));
        Ok(alloc_for(cls, Accumulate { it, func, total: RefCell::new(None), initial: RefCell::new(initial) }))
    }),
    methods: &[
        MethodDef { name: "__reduce__", func: accumulate_reduce },
        MethodDef {
            name: "__setstate__",
            func: |vm, this, args, kwnames| {
                let state = one_arg(vm, "accumulate.__setstate__", args, kwnames)?.clone();
                drop(payload::<Accumulate>(this).total.replace(Some(state)));
                Ok(none())
            },
        },
    ],
    ..TypeObject::builtin("itertools.accumulate", Some(&OBJECT_TYPE), dealloc_payload::<Accumulate>, trace_payload::<Accumulate>)
};

fn accumulate_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let a = payload::<Accumulate>(v);
    if let Some(initial) = a.initial.replace(None) {
        drop(a.total.replace(Some(initial.clone())));
        return Ok(Some(initial));
    }
    let Some(item) = ops::next(vm, &a.it)? else { return Ok(None) };
    let total = a.total.borrow().clone();
    let total = match (total, &a.func) {
        (None, _) => item,
        (Some(t), None) => ops::binary_op(vm, BinOp::Add, &t, &item)?,
        (Some(t), Some(f)) => crate::eval::call(vm, f, &[t, item], &[])?,
    };
    drop(a.total.replace(Some(total.clone())));
    Ok(Some(total))
}

/// CPython's reduce: `(accumulate, (chain((initial,), it), func), None)`
/// before an initial value is given; `islice(accumulate(chain((None,),
/// it), func), 1, None)` when the total is None (a state of None would not
/// be restored); else `(accumulate, (it, func), total or None)`.
fn accumulate_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "accumulate.__reduce__", args, kwnames)?;
    let a = payload::<Accumulate>(this);
    let func = a.func.clone().unwrap_or_else(none);
    let initial = a.initial.borrow().clone();
    let total = a.total.borrow().clone();
    let chain_with = |first: Value| {
        let source = crate::builtins::iter::sequence_iter(&new_tuple(vec![new_tuple(vec![first]), a.it.clone()]));
        alloc_for(&CHAIN_TYPE, Chain { source: RefCell::new(Some(source)), active: RefCell::new(None) })
    };
    if let Some(initial) = initial {
        let it = chain_with(initial);
        return Ok(reduce_new(vm, this, vec![it, func], Some(none())));
    }
    if let Some(t) = total.as_ref().filter(|t| is_none(t)) {
        let cls = crate::types::type_value(vm.type_of_static(this));
        let it = crate::eval::call(vm, &cls, &[chain_with(t.clone()), func], &[])?;
        let islice = crate::types::type_value(&super::filtering::ISLICE_TYPE);
        let one = crate::builtins::int::new_int(1);
        return Ok(crate::builtins::iter_pickle::reduce_value(islice, vec![it, one, none()], None));
    }
    Ok(reduce_new(vm, this, vec![a.it.clone(), func], Some(total.unwrap_or_else(none))))
}

/// `chain(*iterables)` and `chain.from_iterable(iterables)`: `source`
/// gives the iterables, `active` walks the current one. Both are dropped
/// for good once `source` is exhausted or fails.
pub struct Chain {
    source: RefCell<Option<Value>>,
    active: RefCell<Option<Value>>,
}

impl Payload for Chain {
    fn ty() -> &'static TypeObject {
        &CHAIN_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit_opt(&self.source, visit);
        visit_opt(&self.active, visit);
    }
}

pub static CHAIN_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(chain_next),
    new: Some(|vm, cls, args, kwnames| {
        crate::builtins::function::no_keywords_for(vm, &CHAIN_TYPE, cls, "chain", kwnames)?;
        let args = &args[..args.len() - kwnames.len()];
        let source = crate::builtins::iter::sequence_iter(&new_tuple(args.to_vec()));
        Ok(alloc_for(cls, Chain { source: RefCell::new(Some(source)), active: RefCell::new(None) }))
    }),
    class_methods: &[
        MethodDef {
            name: "from_iterable",
            func: |vm, cls, args, kwnames| {
                crate::builtins::function::no_keywords(vm, "chain.from_iterable", kwnames)?;
                let [iterable] = args else {
                    let msg = format!("chain.from_iterable() takes exactly one argument ({} given)", args.len());
                    return Err(vm.type_error(msg));
                };
                let cls = as_type(cls).unwrap_or(&CHAIN_TYPE);
                let source = ops::iter(vm, iterable)?;
                Ok(alloc_for(cls, Chain { source: RefCell::new(Some(source)), active: RefCell::new(None) }))
            },
        },
        MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem },
    ],
    methods: &[
        MethodDef { name: "__reduce__", func: chain_reduce },
        MethodDef { name: "__setstate__", func: chain_setstate },
    ],
    ..TypeObject::builtin("itertools.chain", Some(&OBJECT_TYPE), dealloc_payload::<Chain>, trace_payload::<Chain>)
};

fn chain_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Chain>(v);
    loop {
        let Some(source) = c.source.borrow().clone() else { return Ok(None) };
        let active = c.active.borrow().clone();
        let active = match active {
            Some(a) => a,
            None => {
                let iterable = match ops::next(vm, &source) {
                    Ok(Some(x)) => x,
                    r => {
                        drop(c.source.replace(None));
                        return r;
                    }
                };
                match ops::iter(vm, &iterable) {
                    Ok(a) => {
                        drop(c.active.replace(Some(a.clone())));
                        a
                    }
                    Err(e) => {
                        drop(c.source.replace(None));
                        return Err(e);
                    }
                }
            }
        };
        if let Some(item) = ops::next(vm, &active)? {
            return Ok(Some(item));
        }
        drop(c.active.replace(None));
    }
}

/// `(chain, (), (source, active))`, without `active` between iterables
/// and without a state once exhausted.
fn chain_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "chain.__reduce__", args, kwnames)?;
    let c = payload::<Chain>(this);
    let source = c.source.borrow().clone();
    let state = source.map(|s| new_tuple(std::iter::once(s).chain(c.active.borrow().clone()).collect()));
    Ok(reduce_new(vm, this, vec![], state))
}

/// `__setstate__((source[, active]))`: both iterators.
fn chain_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let state = one_arg(vm, "chain.__setstate__", args, kwnames)?;
    let items = state_tuple(vm, state, 1, 2)?;
    if items.iter().any(|it| vm.type_of(it).next.get().is_none()) {
        return Err(vm.type_error("Arguments must be iterators."));
    }
    let c = payload::<Chain>(this);
    drop(c.source.replace(Some(items[0].clone())));
    drop(c.active.replace(items.get(1).cloned()));
    Ok(none())
}

/// `pairwise(iterable)`: overlapping pairs; `old` is the last item read.
/// Both are dropped once the iterator is exhausted or fails.
pub struct Pairwise {
    it: RefCell<Option<Value>>,
    old: RefCell<Option<Value>>,
    /// The previous result, refilled when nothing else holds it, and the
    /// vector the next one's items are gathered in (`refill_result`).
    result: RefCell<Option<Value>>,
    scratch: RefCell<Vec<Value>>,
}

impl Payload for Pairwise {
    fn ty() -> &'static TypeObject {
        &PAIRWISE_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit_opt(&self.it, visit);
        visit_opt(&self.old, visit);
        visit_opt(&self.result, visit);
    }
}

pub static PAIRWISE_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(pairwise_next),
    new: Some(|vm, cls, args, kwnames| {
        let args = positional_only(vm, (&PAIRWISE_TYPE, cls), "pairwise", args, kwnames, 1, 1)?;
        let it = ops::iter(vm, &args[0])?;
        let data = Pairwise {
            it: RefCell::new(Some(it)),
            old: RefCell::new(None),
            result: RefCell::new(None),
            scratch: RefCell::new(Vec::new()),
        };
        Ok(alloc_for(cls, data))
    }),
    ..TypeObject::builtin("itertools.pairwise", Some(&OBJECT_TYPE), dealloc_payload::<Pairwise>, trace_payload::<Pairwise>)
};

fn pairwise_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let p = payload::<Pairwise>(v);
    let Some(it) = p.it.borrow().clone() else { return Ok(None) };
    let old = p.old.borrow().clone();
    let old = match old {
        Some(o) => o,
        None => match ops::next(vm, &it) {
            Ok(Some(o)) => {
                drop(p.old.replace(Some(o.clone())));
                o
            }
            r => {
                drop(p.it.replace(None));
                return r;
            }
        },
    };
    match ops::next(vm, &it) {
        Ok(Some(new)) => {
            drop(p.old.replace(Some(new.clone())));
            let mut items = p.scratch.take();
            items.extend([old, new]);
            let pair = refill_result(&p.result, &mut items);
            items.clear();
            drop(p.scratch.replace(items));
            Ok(Some(pair))
        }
        r => {
            drop(p.it.replace(None));
            drop(p.old.replace(None));
            r
        }
    }
}

/// `starmap(function, iterable)`: `function(*item)` for each item.
pub struct Starmap {
    func: Value,
    it: Value,
}

impl Payload for Starmap {
    fn ty() -> &'static TypeObject {
        &STARMAP_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.func);
        visit(&self.it);
    }
}

pub static STARMAP_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(|vm, v| {
        let s = payload::<Starmap>(v);
        let Some(args) = ops::next(vm, &s.it)? else { return Ok(None) };
        if std::ptr::eq(vm.type_of(&args), &TUPLE_TYPE) {
            let t = as_tuple(&args).expect("a tuple");
            return crate::eval::call(vm, &s.func, &t.items, &[]).map(Some);
        }
        let items = ops::collect(vm, &args)?;
        crate::eval::call(vm, &s.func, &items, &[]).map(Some)
    }),
    new: Some(|vm, cls, args, kwnames| {
        let args = positional_only(vm, (&STARMAP_TYPE, cls), "starmap", args, kwnames, 2, 2)?;
        let it = ops::iter(vm, &args[1])?;
        Ok(alloc_for(cls, Starmap { func: args[0].clone(), it }))
    }),
    methods: &[MethodDef {
        name: "__reduce__",
        func: |vm, this, args, kwnames| {
            no_args(vm, "starmap.__reduce__", args, kwnames)?;
            let s = payload::<Starmap>(this);
            Ok(reduce_new(vm, this, vec![s.func.clone(), s.it.clone()], None))
        },
    }],
    ..TypeObject::builtin("itertools.starmap", Some(&OBJECT_TYPE), dealloc_payload::<Starmap>, trace_payload::<Starmap>)
};

/// `zip_longest(*iterables, fillvalue=None)`: an exhausted iterator is
/// dropped and gives `fillvalue` until all are (`numactive` counts the
/// others); an error ends the whole.
pub struct ZipLongest {
    its: Box<[RefCell<Option<Value>>]>,
    numactive: Cell<usize>,
    /// Replaced by `__setstate__`.
    fillvalue: RefCell<Value>,
    /// As `Pairwise`'s.
    result: RefCell<Option<Value>>,
    scratch: RefCell<Vec<Value>>,
}

impl Payload for ZipLongest {
    fn ty() -> &'static TypeObject {
        &ZIP_LONGEST_TYPE
    }

    fn trace(&self, visit: Visit) {
        for it in self.its.iter() {
            visit_opt(it, visit);
        }
        visit(&self.fillvalue.borrow());
        visit_opt(&self.result, visit);
    }
}

pub static ZIP_LONGEST_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(zip_longest_next),
    new: Some(|vm, cls, args, kwnames| {
        let npos = args.len() - kwnames.len();
        let fillvalue = match kwnames {
            [] => none(),
            [k] if as_str(k) == Some("fillvalue") => args[npos].clone(),
            _ => return Err(vm.type_error("zip_longest() got an unexpected keyword argument")),
        };
        let mut its = Vec::with_capacity(npos);
        for a in &args[..npos] {
            its.push(RefCell::new(Some(ops::iter(vm, a)?)));
        }
        let numactive = Cell::new(its.len());
        let (result, scratch) = (RefCell::new(None), RefCell::new(Vec::new()));
        let fillvalue = RefCell::new(fillvalue);
        Ok(alloc_for(cls, ZipLongest { its: its.into_boxed_slice(), numactive, fillvalue, result, scratch }))
    }),
    methods: &[
        MethodDef {
            name: "__reduce__",
            // `(zip_longest, iterators, fillvalue)`, an exhausted iterator as `()`.
            func: |vm, this, args, kwnames| {
                no_args(vm, "zip_longest.__reduce__", args, kwnames)?;
                let z = payload::<ZipLongest>(this);
                let its = z.its.iter().map(|it| it.borrow().clone().unwrap_or_else(|| new_tuple(vec![]))).collect();
                let fillvalue = z.fillvalue.borrow().clone();
                Ok(reduce_new(vm, this, its, Some(fillvalue)))
            },
        },
        MethodDef {
            name: "__setstate__",
            func: |vm, this, args, kwnames| {
                let state = one_arg(vm, "zip_longest.__setstate__", args, kwnames)?.clone();
                drop(payload::<ZipLongest>(this).fillvalue.replace(state));
                Ok(none())
            },
        },
    ],
    ..TypeObject::builtin("itertools.zip_longest", Some(&OBJECT_TYPE), dealloc_payload::<ZipLongest>, trace_payload::<ZipLongest>)
};

fn zip_longest_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let z = payload::<ZipLongest>(v);
    if z.its.is_empty() || z.numactive.get() == 0 {
        return Ok(None);
    }
    // Taken out while the iterators run: a re-entrant call finds it empty.
    let mut items = z.scratch.take();
    items.reserve(z.its.len());
    for cell in z.its.iter() {
        let it = cell.borrow().clone();
        let item = match it {
            None => z.fillvalue.borrow().clone(),
            Some(it) => match ops::next(vm, &it) {
                Ok(Some(x)) => x,
                Ok(None) => {
                    let active = z.numactive.get().saturating_sub(1);
                    z.numactive.set(active);
                    if active == 0 {
                        return Ok(None);
                    }
                    drop(cell.replace(None));
                    z.fillvalue.borrow().clone()
                }
                Err(e) => {
                    z.numactive.set(0);
                    return Err(e);
                }
            },
        };
        items.push(item);
    }
    let t = refill_result(&z.result, &mut items);
    items.clear();
    drop(z.scratch.replace(items));
    Ok(Some(t))
}
