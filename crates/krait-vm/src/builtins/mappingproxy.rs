//! `types.MappingProxyType` (CPython's `mappingproxy`): a read-only view of
//! a mapping, such as a class's `__dict__`.
//!
//! Invariants:
//! - A proxy holds any mapping (an object with `__getitem__` that is not a
//!   list or tuple) and never changes it: every read goes through the
//!   mapping's own protocol (`[]`, `len`, `iter`, `in`, and its `get`,
//!   `keys`, `values`, `items`, `copy`, `__reversed__` methods), so a dict
//!   subclass's overrides and `__missing__` are seen, as in CPython's
//!   `descrobject.c`. Only `in` on an exact dict skips the dispatch.
//! - `proxy | other` is `mapping | other` with either side unwrapped;
//!   `|=` is a TypeError. Proxies are unhashable and compare as their
//!   mapping.

use crate::builtins::dict::as_dict;
use crate::builtins::str::new_str;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{BinOp, MethodDef, NumberSlots, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

struct Proxy {
    mapping: Value,
}

unsafe fn dealloc_proxy(p: ObjPtr) {
    // SAFETY: mapping proxies are Obj<Proxy>.
    unsafe { dealloc_boxed::<Proxy>(p) }
}

fn trace_proxy(p: ObjPtr, visit: Visit) {
    // SAFETY: mapping proxies are Obj<Proxy>.
    visit(&unsafe { p.data::<Proxy>() }.mapping);
}

/// The mapping a proxy shows, if `v` is a proxy.
fn as_proxy(v: &Value) -> Option<&Value> {
    let p = v.as_object()?;
    if !std::ptr::eq(p.type_ptr(), &MAPPINGPROXY_TYPE) {
        return None;
    }
    // SAFETY: objects of this type are Obj<Proxy>.
    Some(&unsafe { p.data::<Proxy>() }.mapping)
}

fn proxied(v: &Value) -> Value {
    as_proxy(v).expect("a mappingproxy").clone()
}

/// A read-only view of `mapping` (a class's namespace, a dict).
pub fn new_mappingproxy(mapping: Value) -> Value {
    Value::from_owned(alloc(&MAPPINGPROXY_TYPE, Proxy { mapping }))
}

/// Call method `name` of the proxied mapping.
fn forward(vm: &mut Vm, this: &Value, name: &'static str, args: &[Value]) -> PyResult<Value> {
    let m = ops::getattr(vm, &proxied(this), &crate::builtins::str::intern(name))?;
    crate::eval::call(vm, &m, args, &[])
}

/// A method taking no arguments that calls the mapping's own.
fn no_arg_method(vm: &mut Vm, this: &Value, name: &'static str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("mappingproxy.{name}() takes no arguments ({} given)", args.len())));
    }
    forward(vm, this, name, &[])
}

/// `get(key, default=None, /)`: the mapping's `get` with both arguments.
fn proxy_get(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "get", kwnames)?;
    match args {
        [key] => forward(vm, this, "get", &[key.clone(), crate::builtins::singletons::none()]),
        [key, default] => forward(vm, this, "get", &[key.clone(), default.clone()]),
        [] => Err(vm.type_error("get expected at least 1 argument, got 0")),
        _ => Err(vm.type_error(format!("get expected at most 2 arguments, got {}", args.len()))),
    }
}

/// `proxy | other`, `other | proxy`: the mappings' own `|`.
fn proxy_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let a = as_proxy(a).cloned().unwrap_or_else(|| a.clone());
    let b = as_proxy(b).cloned().unwrap_or_else(|| b.clone());
    ops::binary_op(vm, BinOp::Or, &a, &b)
}

fn proxy_ior(vm: &mut Vm, a: &Value, _: &Value) -> PyResult<Value> {
    let msg = format!("'|=' is not supported by {}; use '|' instead", vm.type_of(a).name());
    Err(vm.type_error(msg))
}

static MAPPINGPROXY_NUMBER: NumberSlots = NumberSlots {
    binary: {
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Or as usize] = Some(proxy_or);
        b
    },
    inplace: {
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Or as usize] = Some(proxy_ior);
        b
    },
    ..NumberSlots::EMPTY
};

pub static MAPPINGPROXY_TYPE: TypeObject = TypeObject {
    flags: std::cell::Cell::new(crate::types::tp_flags::MAPPING),
    repr: Slot::new(|vm, v| {
        let r = ops::repr_string(vm, &proxied(v))?;
        Ok(new_str(&format!("mappingproxy({r})")))
    }),
    str: Slot::new(|vm, v| ops::str(vm, &proxied(v))),
    len: Slot::new(|vm, v| ops::len(vm, &proxied(v))),
    iter: Slot::new(|vm, v| ops::iter(vm, &proxied(v))),
    getitem: Slot::new(|vm, v, key| ops::getitem(vm, &proxied(v), key)),
    richcompare: Slot::new(|vm, a, b, op| ops::richcompare(vm, &proxied(a), b, op)),
    contains: Slot::new(|vm, v, key| {
        let m = proxied(v);
        match as_dict(&m) {
            Some(d) if std::ptr::eq(vm.type_of(&m), &crate::builtins::dict::DICT_TYPE) => Ok(d.get(vm, key)?.is_some()),
            _ => ops::contains(vm, &m, key),
        }
    }),
    number: std::cell::Cell::new(&MAPPINGPROXY_NUMBER),
    methods: &[
        MethodDef { name: "get", func: proxy_get },
        MethodDef { name: "keys", func: |vm, this, a, k| no_arg_method(vm, this, "keys", a, k) },
        MethodDef { name: "values", func: |vm, this, a, k| no_arg_method(vm, this, "values", a, k) },
        MethodDef { name: "items", func: |vm, this, a, k| no_arg_method(vm, this, "items", a, k) },
        MethodDef { name: "copy", func: |vm, this, a, k| no_arg_method(vm, this, "copy", a, k) },
        MethodDef { name: "__reversed__", func: |vm, this, a, k| no_arg_method(vm, this, "__reversed__", a, k) },
    ],
    class_methods: &[MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }],
    new: Some(mappingproxy_new),
    ..TypeObject::builtin("mappingproxy", Some(&OBJECT_TYPE), dealloc_proxy, trace_proxy)
};

/// `types.MappingProxyType(mapping)` (CPython's `mappingproxy_new`): any
/// mapping but a list or a tuple.
fn mappingproxy_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [mapping] = crate::builtins::str_methods::bind(vm, "mappingproxy", ["mapping"], args, kwnames)?;
    let Some(mapping) = mapping else {
        return Err(vm.type_error("mappingproxy() missing required argument 'mapping' (pos 1)"));
    };
    let is_sequence = crate::builtins::list::as_list(mapping).is_some() || crate::builtins::tuple::as_tuple(mapping).is_some();
    if is_sequence || vm.type_of(mapping).getitem.get().is_none() {
        let msg = format!("mappingproxy() argument must be a mapping, not {}", vm.type_of(mapping).name());
        return Err(vm.type_error(msg));
    }
    Ok(new_mappingproxy(mapping.clone()))
}
