//! `groupby` and its `_grouper` objects.
//!
//! Invariants: the groupby holds the item read last (`currvalue`, taken by
//! the grouper that gives it) and its key (`currkey`), and the key of the
//! current group (`tgtkey`). Only the newest grouper gives items: the
//! groupby keeps its address (`currgrouper`, compared, never followed), so
//! advancing the groupby ends the groups handed out before.

use std::cell::{Cell, RefCell};

use super::{alloc_for, bind, equal, iter_self, no_args, one_arg, payload, positional_only, reduce_new, state_tuple, Payload};
use super::{dealloc_payload, trace_payload};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::tuple::new_tuple;
use crate::object::alloc;
use crate::ops;
use crate::types::{MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `groupby(iterable, key=None)`.
pub struct GroupBy {
    it: Value,
    /// None: the items are their own keys.
    keyfunc: Option<Value>,
    tgtkey: RefCell<Option<Value>>,
    currkey: RefCell<Option<Value>>,
    currvalue: RefCell<Option<Value>>,
    currgrouper: Cell<u64>,
}

impl Payload for GroupBy {
    fn ty() -> &'static TypeObject {
        &GROUPBY_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.it);
        if let Some(k) = &self.keyfunc {
            visit(k);
        }
        for cell in [&self.tgtkey, &self.currkey, &self.currvalue] {
            if let Some(v) = &*cell.borrow() {
                visit(v);
            }
        }
    }
}

pub static GROUPBY_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(groupby_next),
    new: Some(|vm, cls, args, kwnames| {
        let [iterable, key] = bind(vm, "groupby", args, kwnames, ["iterable", "key"], 2, 1)?;
        let it = ops::iter(vm, &iterable.expect("a required argument"))?;
        let data = GroupBy {
            it,
            keyfunc: key.filter(|k| !is_none(k)),
            tgtkey: RefCell::new(None),
            currkey: RefCell::new(None),
            currvalue: RefCell::new(None),
            currgrouper: Cell::new(0),
        };
        Ok(alloc_for(cls, data))
    }),
    methods: &[
        MethodDef { name: "__reduce__", func: groupby_reduce },
        MethodDef { name: "__setstate__", func: groupby_setstate },
    ],
    ..TypeObject::builtin("itertools.groupby", Some(&OBJECT_TYPE), dealloc_payload::<GroupBy>, trace_payload::<GroupBy>)
};

/// `(groupby, (it, key))`, with the state `(currkey, currvalue, tgtkey)`
/// once a group was handed out and its next item read.
fn groupby_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "groupby.__reduce__", args, kwnames)?;
    let g = payload::<GroupBy>(this);
    let args = vec![g.it.clone(), g.keyfunc.clone().unwrap_or_else(none)];
    let state = [&g.currkey, &g.currvalue, &g.tgtkey].map(|c| c.borrow().clone());
    let state = match state {
        [Some(k), Some(v), Some(t)] => Some(new_tuple(vec![k, v, t])),
        _ => None,
    };
    Ok(reduce_new(vm, this, args, state))
}

fn groupby_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let state = one_arg(vm, "groupby.__setstate__", args, kwnames)?;
    let items = state_tuple(vm, state, 3, 3)?;
    let g = payload::<GroupBy>(this);
    let old = [&g.currkey, &g.currvalue, &g.tgtkey].map(|c| c.replace(None));
    drop(g.currkey.replace(Some(items[0].clone())));
    drop(g.currvalue.replace(Some(items[1].clone())));
    drop(g.tgtkey.replace(Some(items[2].clone())));
    drop(old);
    Ok(none())
}

/// Read the next item and its key into `currvalue`/`currkey`; false when
/// the iterator is exhausted.
fn step(vm: &mut Vm, g: &GroupBy) -> PyResult<bool> {
    let Some(value) = ops::next(vm, &g.it)? else { return Ok(false) };
    let key = match &g.keyfunc {
        None => value.clone(),
        Some(f) => crate::eval::call(vm, f, std::slice::from_ref(&value), &[])?,
    };
    let old_value = g.currvalue.replace(Some(value));
    let old_key = g.currkey.replace(Some(key));
    drop((old_value, old_key));
    Ok(true)
}

fn groupby_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let g = payload::<GroupBy>(v);
    g.currgrouper.set(0);
    // Skip the rest of the current group.
    let key = loop {
        let current = g.currkey.borrow().clone();
        if let Some(current) = current {
            let target = g.tgtkey.borrow().clone();
            match target {
                None => break current,
                Some(t) if !equal(vm, &t, &current)? => break current,
                Some(_) => {}
            }
        }
        if !step(vm, g)? {
            return Ok(None);
        }
    };
    drop(g.tgtkey.replace(Some(key.clone())));
    let grouper = Value::from_owned(alloc(&GROUPER_TYPE, Grouper { parent: v.clone(), tgtkey: key.clone() }));
    g.currgrouper.set(grouper.bits());
    Ok(Some(new_tuple(vec![key, grouper])))
}

/// A group of a groupby: its items while the groupby stays on it.
pub struct Grouper {
    parent: Value,
    tgtkey: Value,
}

impl Payload for Grouper {
    fn ty() -> &'static TypeObject {
        &GROUPER_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.parent);
        visit(&self.tgtkey);
    }
}

pub static GROUPER_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(grouper_next),
    new: Some(|vm, _, args, kwnames| {
        let args = positional_only(vm, (&GROUPER_TYPE, &GROUPER_TYPE), "_grouper", args, kwnames, 2, 2)?;
        if !vm.type_of(&args[0]).is_subtype(&GROUPBY_TYPE) {
            let msg = format!("_grouper() argument 1 must be itertools.groupby, not {}", vm.type_of(&args[0]).name());
            return Err(vm.type_error(msg));
        }
        let grouper = Value::from_owned(alloc(&GROUPER_TYPE, Grouper { parent: args[0].clone(), tgtkey: args[1].clone() }));
        payload::<GroupBy>(&args[0]).currgrouper.set(grouper.bits());
        Ok(grouper)
    }),
    methods: &[MethodDef {
        name: "__reduce__",
        // `(_grouper, (parent, tgtkey))` while it is the current group,
        // else an exhausted iterator's `(iter, ((),))`.
        func: |vm, this, args, kwnames| {
            no_args(vm, "_grouper.__reduce__", args, kwnames)?;
            let gr = payload::<Grouper>(this);
            if payload::<GroupBy>(&gr.parent).currgrouper.get() != this.bits() {
                return crate::builtins::iter_pickle::reduce_exhausted(vm, new_tuple(vec![]));
            }
            Ok(reduce_new(vm, this, vec![gr.parent.clone(), gr.tgtkey.clone()], None))
        },
    }],
    ..TypeObject::builtin("itertools._grouper", Some(&OBJECT_TYPE), dealloc_payload::<Grouper>, trace_payload::<Grouper>)
};

fn grouper_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let gr = payload::<Grouper>(v);
    let g = payload::<GroupBy>(&gr.parent);
    if g.currgrouper.get() != v.bits() {
        return Ok(None);
    }
    let consumed = g.currvalue.borrow().is_none();
    if consumed && !step(vm, g)? {
        return Ok(None);
    }
    let Some(current) = g.currkey.borrow().clone() else { return Ok(None) };
    if !equal(vm, &gr.tgtkey, &current)? {
        return Ok(None);
    }
    let value = g.currvalue.replace(None);
    drop(g.currkey.replace(None));
    Ok(value)
}
