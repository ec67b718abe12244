//! Record types the runtime hands out: `types.SimpleNamespace` (the type
//! of `sys.implementation`) and the struct sequences (`sys.version_info`,
//! `sys.flags`, `sys.float_info`, ...; CPython's `structseq`).
//!
//! Invariants:
//! - Both are classes made at run time by `classes::new_class`, so their
//!   instances have the ordinary class machinery (attribute storage,
//!   slots from dunders); each is made once per thread and kept (classes
//!   are immortal).
//! - A struct sequence type derives from `tuple`; its named fields are
//!   read-only descriptors (`StructSeqField`) over the tuple's items, and
//!   its repr is `module.name(field=value, ...)`.

use std::cell::RefCell;

use crate::builtins::classes;
use crate::builtins::method_descriptors::new_method_descriptor;
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::ATTRIBUTE_ERROR;
use crate::builtins::str::{as_str, intern, new_str};
use crate::builtins::tuple::{as_tuple, new_tuple, TUPLE_TYPE};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{as_type, type_value, Slot, TypeObject, Visit, OBJECT_TYPE, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    static SIMPLE_NAMESPACE: RefCell<Option<&'static TypeObject>> = const { RefCell::new(None) };
    static STRUCT_SEQS: RefCell<Vec<(String, &'static TypeObject)>> = const { RefCell::new(Vec::new()) };
}

// ----- types.SimpleNamespace ----------------------------------------------

/// `types.SimpleNamespace`, made on first use.
pub fn simple_namespace_type(vm: &mut Vm) -> PyResult<&'static TypeObject> {
    if let Some(t) = SIMPLE_NAMESPACE.with(|c| *c.borrow()) {
        return Ok(t);
    }
    let ns = new_dict();
    let d = as_dict(&ns).expect("a dict");
    d.set(vm, intern("__module__"), new_str("types"))?;
    d.set(vm, intern("__doc__"), new_str("A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)"))?;
    let cls = classes::new_class(vm, &TYPE_TYPE, "SimpleNamespace", &[], &ns, &[])?;
    let ty = as_type(&cls).expect("a class");
    let methods: [(&'static str, crate::types::CallFn); 3] =
        [("__init__", namespace_init), ("__repr__", namespace_repr), ("__eq__", namespace_eq)];
    for (name, f) in methods {
        classes::type_setattr(vm, &cls, &intern(name), Some(new_method_descriptor(ty, name, f)))?;
    }
    classes::type_setattr(vm, &cls, &intern("__hash__"), Some(crate::builtins::singletons::none()))?;
    SIMPLE_NAMESPACE.with(|c| *c.borrow_mut() = Some(ty));
    Ok(ty)
}

/// A `SimpleNamespace` with `items` as its attributes.
pub fn new_namespace(vm: &mut Vm, items: &[(&str, Value)]) -> PyResult<Value> {
    let ty = simple_namespace_type(vm)?;
    let ns = classes::alloc_instance(ty);
    for (k, v) in items {
        classes::setattr(vm, &ns, &intern(k), Some(v.clone()))?;
    }
    Ok(ns)
}

/// `SimpleNamespace(**kwargs)`.
fn namespace_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > kwnames.len() {
        return Err(vm.type_error("no positional arguments expected"));
    }
    for (k, v) in kwnames.iter().zip(args) {
        classes::setattr(vm, this, k, Some(v.clone()))?;
    }
    Ok(vm.none())
}

/// `namespace(a=1, b=2)`, or the subclass's name; `namespace(...)` inside
/// itself.
fn namespace_repr(vm: &mut Vm, this: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    let ty = vm.type_of_static(this);
    let name = if simple_namespace_type(vm).is_ok_and(|t| std::ptr::eq(t, ty)) { "namespace" } else { ty.name };
    if !vm.repr_enter(this) {
        return Ok(new_str(&format!("{name}(...)")));
    }
    let r = (|| {
        let dict = classes::instance_dict(vm, this)?.unwrap_or_else(new_dict);
        let mut parts = Vec::new();
        for (k, v) in as_dict(&dict).expect("a dict").items() {
            if let Some(k) = as_str(&k) {
                let r = ops::repr_string(vm, &v)?;
                parts.push(format!("{k}={r}"));
            }
        }
        Ok(new_str(&format!("{name}({})", parts.join(", "))))
    })();
    vm.repr_leave(this);
    r
}

/// Namespaces are equal when their attributes are.
fn namespace_eq(vm: &mut Vm, this: &Value, args: &[Value], _: &[Value]) -> PyResult<Value> {
    let [other] = args else { return Err(vm.type_error("expected 1 argument")) };
    let ty = simple_namespace_type(vm)?;
    if !vm.type_of(other).is_subtype(ty) {
        return Ok(vm.not_implemented());
    }
    let a = classes::instance_dict(vm, this)?.unwrap_or_else(new_dict);
    let b = classes::instance_dict(vm, other)?.unwrap_or_else(new_dict);
    ops::richcompare(vm, &a, &b, crate::types::CompareOp::Eq)
}

// ----- struct sequences -----------------------------------------------------

/// A named field of a struct sequence: item `index` of the tuple.
struct StructSeqField {
    name: String,
    index: usize,
}

static STRUCTSEQ_FIELD_TYPE: TypeObject = TypeObject {
    descr_get: Slot::new(|vm, v, obj, _| {
        if obj.is_null() {
            return Ok(v.clone());
        }
        let f = field_of(v);
        match as_tuple(obj).and_then(|t| t.items.get(f.index)) {
            Some(x) => Ok(x.clone()),
            None => Err(vm.type_error(format!("descriptor '{}' does not apply to this object", f.name))),
        }
    }),
    descr_set: Slot::new(|vm, _, _, _| Err(vm.error(&ATTRIBUTE_ERROR, "readonly attribute"))),
    repr: Slot::new(|_, v| Ok(new_str(&format!("<member '{}'>", field_of(v).name)))),
    ..TypeObject::builtin("member_descriptor", Some(&OBJECT_TYPE), dealloc_field, trace_field)
};

fn field_of(v: &Value) -> &StructSeqField {
    // SAFETY: objects of STRUCTSEQ_FIELD_TYPE are Obj<StructSeqField>.
    unsafe { v.as_object().expect("a field").data::<StructSeqField>() }
}

unsafe fn dealloc_field(p: ObjPtr) {
    // SAFETY: objects of STRUCTSEQ_FIELD_TYPE are Obj<StructSeqField>.
    unsafe { dealloc_boxed::<StructSeqField>(p) }
}

fn trace_field(_: ObjPtr, _: Visit) {}

/// The struct sequence type `module.name` with `fields`, made on first
/// use.
pub fn struct_seq_type(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> PyResult<&'static TypeObject> {
    let full = format!("{module}.{name}");
    if let Some(t) = STRUCT_SEQS.with(|c| c.borrow().iter().find(|(n, _)| *n == full).map(|(_, t)| *t)) {
        return Ok(t);
    }
    let ns = new_dict();
    let d = as_dict(&ns).expect("a dict");
    d.set(vm, intern("__module__"), new_str(module))?;
    d.set(vm, intern("__slots__"), new_tuple(Vec::new()))?;
    for (index, f) in fields.iter().enumerate() {
        let field = Value::from_owned(alloc(&STRUCTSEQ_FIELD_TYPE, StructSeqField { name: f.to_string(), index }));
        d.set(vm, intern(f), field)?;
    }
    let n = crate::builtins::int::new_int(fields.len() as i64);
    d.set(vm, intern("n_fields"), n.clone())?;
    d.set(vm, intern("n_sequence_fields"), n)?;
    d.set(vm, intern("n_unnamed_fields"), crate::builtins::int::new_int(0))?;
    d.set(vm, intern("__match_args__"), new_tuple(fields.iter().map(|f| new_str(f)).collect()))?;
    let cls = classes::new_class(vm, &TYPE_TYPE, name, &[type_value(&TUPLE_TYPE)], &ns, &[])?;
    let ty = as_type(&cls).expect("a class");
    classes::type_setattr(vm, &cls, &intern("__repr__"), Some(new_method_descriptor(ty, "__repr__", struct_seq_repr)))?;
    STRUCT_SEQS.with(|c| c.borrow_mut().push((full, ty)));
    Ok(ty)
}

/// A struct sequence `module.name` holding `fields`' values.
pub fn new_struct_seq(vm: &mut Vm, module: &str, name: &str, fields: &[(&str, Value)]) -> PyResult<Value> {
    let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
    let ty = struct_seq_type(vm, module, name, &names)?;
    let items = new_tuple(fields.iter().map(|(_, v)| v.clone()).collect());
    let base = classes::builtin_base(&TUPLE_TYPE).expect("tuple is subclassable");
    base.rebox(vm, ty, Some(&items))
}

/// `sys.version_info(major=3, minor=11, ...)`.
fn struct_seq_repr(vm: &mut Vm, this: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    let ty = vm.type_of_static(this);
    let names = ops::getattr(vm, &type_value(ty), &intern("__match_args__"))?;
    let names: Vec<Value> = as_tuple(&names).map(|t| t.items.clone()).unwrap_or_default();
    let items = as_tuple(this).map(|t| t.items.clone()).unwrap_or_default();
    let mut parts = Vec::new();
    for (n, v) in names.iter().zip(&items) {
        let r = ops::repr_string(vm, v)?;
        parts.push(format!("{}={r}", as_str(n).unwrap_or("?")));
    }
    Ok(new_str(&format!("{}({})", ty.full_name(), parts.join(", "))))
}
