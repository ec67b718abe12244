//! `_collections._tuplegetter(index, doc)`: the read-only data descriptor
//! `namedtuple` puts in its classes for each field, reading
//! `tuple[index]`.
//!
//! Invariants: it is a data descriptor (it has `__set__`, which always
//! refuses), so it wins over instance storage; read on the class (or with
//! `None`) it gives itself; its `__doc__` is writable and traced.

use std::cell::RefCell;

use super::{ssize_arg, type_name};
use crate::builtins::dict::check_args;
use crate::builtins::exceptions::ATTRIBUTE_ERROR;
use crate::builtins::int::new_int;
use crate::builtins::itertools::{alloc_for, dealloc_payload, payload, trace_payload, Payload};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::new_str;
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::ops;
use crate::types::{type_value, GetSetDef, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct TupleGetter {
    index: isize,
    doc: RefCell<Value>,
}

impl Payload for TupleGetter {
    fn ty() -> &'static TypeObject {
        &TUPLEGETTER_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.doc.borrow());
    }
}

pub static TUPLEGETTER_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|vm, v| {
        let g = payload::<TupleGetter>(v);
        let doc = g.doc.borrow().clone();
        let doc = ops::repr_string(vm, &doc)?;
        Ok(new_str(&format!("{}({}, {doc})", type_name(vm.type_of(v)), g.index)))
    }),
    descr_get: Slot::new(tuplegetter_get),
    descr_set: Slot::new(|vm, _, _, value| {
        let msg = if value.is_some() { "can't set attribute" } else { "can't delete attribute" };
        Err(vm.error(&ATTRIBUTE_ERROR, msg))
    }),
    new: Some(tuplegetter_new),
    getsets: &[GetSetDef { name: "__doc__", get: get_doc, set: Some(set_doc), member: true }],
    methods: &[MethodDef { name: "__reduce__", func: |vm, this, a, k| {
        check_args(vm, "_tuplegetter.__reduce__", a, k, 0, 0)?;
        let g = payload::<TupleGetter>(this);
        let args = new_tuple(vec![new_int(g.index as i64), g.doc.borrow().clone()]);
        Ok(new_tuple(vec![type_value(vm.type_of_static(this)), args]))
    } }],
    ..TypeObject::builtin("_collections._tuplegetter", Some(&OBJECT_TYPE), dealloc_payload::<TupleGetter>, trace_payload::<TupleGetter>)
};

/// `_tuplegetter(index, doc, /)`.
fn tuplegetter_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "_tuplegetter", kwnames)?;
    let [index, doc] = args else {
        return Err(vm.type_error(format!("_tuplegetter expected 2 arguments, got {}", args.len())));
    };
    let index = ssize_arg(vm, index)?;
    Ok(alloc_for(cls, TupleGetter { index, doc: RefCell::new(doc.clone()) }))
}

/// `obj.field`: `obj[index]` for a tuple; the descriptor itself on the
/// class.
fn tuplegetter_get(vm: &mut Vm, this: &Value, obj: &Value, _: &'static TypeObject) -> PyResult<Value> {
    if obj.is_null() || is_none(obj) {
        return Ok(this.clone());
    }
    let index = payload::<TupleGetter>(this).index;
    let Some(t) = as_tuple(obj) else {
        let msg = format!(
            "descriptor for index '{index}' for tuple subclasses doesn't apply to '{}' object",
            vm.type_of(obj).name()
        );
        return Err(vm.type_error(msg));
    };
    match usize::try_from(index).ok().and_then(|i| t.items.get(i)) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.index_error("tuple index out of range")),
    }
}

fn get_doc(_: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(payload::<TupleGetter>(v).doc.borrow().clone())
}

fn set_doc(_: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let old = payload::<TupleGetter>(v).doc.replace(value.unwrap_or_else(none));
    drop(old);
    Ok(())
}
