//! `list`.
//!
//! Invariants: the items live in a `RefCell<Vec<Value>>`; no borrow of it is
//! held across a call that may run Python code (`__eq__`, `__repr__`, ...),
//! which may mutate the list: such loops re-read the list at each step, as
//! CPython's do.

use std::cell::RefCell;

use crate::builtins::str::new_str;
use crate::builtins::tuple::{compare_by_index, join_reprs};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct ListData {
    pub items: RefCell<Vec<Value>>,
}

pub static LIST_TYPE: TypeObject = TypeObject {
    repr: Some(list_repr),
    richcompare: Some(|vm, a, b, op| {
        let (Some(x), Some(y)) = (as_list(a), as_list(b)) else { return Ok(vm.not_implemented()) };
        let (la, lb) = (x.items.borrow().len(), y.items.borrow().len());
        let r = compare_by_index(
            vm,
            la,
            lb,
            |i| x.items.borrow().get(i).cloned(),
            |i| y.items.borrow().get(i).cloned(),
            op,
        )?;
        Ok(vm.bool(r))
    }),
    len: Some(|_, v| Ok(as_list(v).map_or(0, |l| l.items.borrow().len()))),
    iter: Some(|_, v| Ok(crate::builtins::iter::sequence_iter(v))),
    getitem: Some(|vm, v, index| {
        let l = as_list(v).expect("list slot on a list");
        match crate::builtins::iter::normalize_index(vm, index, l.len(), "list")? {
            Some(i) => Ok(l.get(i).expect("index in range")),
            None => Err(vm.index_error("list index out of range")),
        }
    }),
    new: Some(crate::builtins::functions::sequence_new),
    ..TypeObject::builtin("list", Some(&OBJECT_TYPE), dealloc_list, trace_list)
};

unsafe fn dealloc_list(p: ObjPtr) {
    // SAFETY: lists are allocated by `new_list` as Obj<ListData>.
    unsafe { dealloc_boxed::<ListData>(p) }
}

fn trace_list(p: ObjPtr, visit: Visit) {
    // SAFETY: list objects are Obj<ListData>.
    for v in unsafe { p.data::<ListData>() }.items.borrow().iter() {
        visit(v);
    }
}

pub fn new_list(items: Vec<Value>) -> Value {
    Value::from_owned(alloc(&LIST_TYPE, ListData { items: RefCell::new(items) }))
}

pub fn as_list(v: &Value) -> Option<&ListData> {
    let p = v.as_object()?;
    if p.ty().is_subtype(&LIST_TYPE) {
        // SAFETY: list objects (and subclasses') are Obj<ListData>.
        Some(unsafe { p.data::<ListData>() })
    } else {
        None
    }
}

impl ListData {
    pub fn append(&self, v: Value) {
        self.items.borrow_mut().push(v);
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
}

fn list_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let l = as_list(v).expect("list slot on a list");
    if l.is_empty() {
        return Ok(new_str("[]"));
    }
    if !vm.repr_enter(v) {
        return Ok(new_str("[...]"));
    }
    let r = join_reprs(vm, |i| l.get(i), "[", "]");
    vm.repr_leave(v);
    Ok(new_str(&r?))
}
