//! Descriptors and the objects attribute look-up makes: bound methods,
//! `classmethod`, `staticmethod`, `property`, the unbound methods and slot
//! wrappers of built-in types, and `super`.
//!
//! Invariants:
//! - A descriptor's behaviour is its type's `descr_get`/`descr_set` slots;
//!   a type with both is a data descriptor and wins over instance
//!   attributes (see `classes::generic_getattr_opt`).
//! - A built-in type's methods and slot wrappers are made when looked up
//!   (`builtin_attribute`); they are recognised by what they wrap, not by
//!   identity.

use crate::builtins::classes::{self, generic_getattr, own_attribute};
use crate::builtins::exceptions::{as_exception, ATTRIBUTE_ERROR, BASE_EXCEPTION, NOT_IMPLEMENTED_ERROR, RUNTIME_ERROR};
use crate::builtins::function::bind_builtin;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, new_str};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{as_type, type_value, CallFn, CompareOp, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn visit_all(values: &[&Value], visit: Visit) {
    for v in values {
        if !v.is_null() {
            visit(v);
        }
    }
}

// ----- bound methods ----------------------------------------------------

/// A function bound to an instance (`obj.method`).
pub struct MethodData {
    pub func: Value,
    pub receiver: Value,
}

pub static METHOD_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|vm, v| {
        let m = as_method(v).expect("method slot on a method");
        let (func, receiver) = (m.func.clone(), m.receiver.clone());
        let name = match ops::getattr(vm, &func, &new_str("__qualname__")) {
            Ok(n) => as_str(&n).unwrap_or("?").to_string(),
            Err(_) => "?".to_string(),
        };
        let r = ops::repr_string(vm, &receiver)?;
        Ok(new_str(&format!("<bound method {name} of {r}>")))
    }),
    call: Slot::new(|vm, callable, args, kwnames| {
        let m = as_method(callable).expect("method slot on a method");
        let (func, receiver) = (m.func.clone(), m.receiver.clone());
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(receiver);
        full.extend_from_slice(args);
        crate::eval::call(vm, &func, &full, kwnames)
    }),
    getattr: Slot::new(|vm, v, name| {
        let m = as_method(v).expect("method slot on a method");
        match as_str(name).unwrap_or("") {
            "__self__" => Ok(m.receiver.clone()),
            "__func__" => Ok(m.func.clone()),
            "__class__" => Ok(type_value(&METHOD_TYPE)),
            _ => {
                let func = m.func.clone();
                ops::getattr(vm, &func, name)
            }
        }
    }),
    richcompare: Slot::new(|vm, a, b, op| {
        let (Some(x), Some(y)) = (as_method(a), as_method(b)) else { return Ok(vm.not_implemented()) };
        let same = x.func.is(&y.func) && x.receiver.is(&y.receiver);
        match op {
            CompareOp::Eq => Ok(vm.bool(same)),
            CompareOp::Ne => Ok(vm.bool(!same)),
            _ => Ok(vm.not_implemented()),
        }
    }),
    hash: Slot::new(|_, v| {
        let m = as_method(v).expect("method slot on a method");
        Ok(ops::hash_identity(&m.receiver) ^ ops::hash_identity(&m.func))
    }),
    // `types.MethodType(function, instance)` (CPython's `method_new`).
    new: Some(|vm, _, args, kwnames| {
        crate::builtins::function::no_keywords(vm, "method", kwnames)?;
        let [func, receiver] = args else {
            return Err(vm.type_error(format!("method expected 2 arguments, got {}", args.len())));
        };
        if !ops::is_callable(vm, func) {
            return Err(vm.type_error("first argument must be callable"));
        }
        if crate::builtins::singletons::is_none(receiver) {
            return Err(vm.type_error("instance must not be None"));
        }
        Ok(new_method(func.clone(), receiver.clone()))
    }),
    ..TypeObject::builtin("method", Some(&OBJECT_TYPE), dealloc_method, trace_method)
};

unsafe fn dealloc_method(p: ObjPtr) {
    // SAFETY: bound methods are allocated by `new_method` as Obj<MethodData>.
    unsafe { dealloc_boxed::<MethodData>(p) }
}

fn trace_method(p: ObjPtr, visit: Visit) {
    // SAFETY: bound methods are Obj<MethodData>.
    let m = unsafe { p.data::<MethodData>() };
    visit_all(&[&m.func, &m.receiver], visit);
}

pub fn new_method(func: Value, receiver: Value) -> Value {
    Value::from_owned(alloc(&METHOD_TYPE, MethodData { func, receiver }))
}

pub fn as_method(v: &Value) -> Option<&MethodData> {
    let p = v.as_object()?;
    // SAFETY: objects of type `method` are Obj<MethodData>.
    std::ptr::eq(p.ty(), &METHOD_TYPE).then(|| unsafe { p.data::<MethodData>() })
}

/// `function.__get__`: a function looked up on an instance binds to it.
pub fn function_descr_get(_: &mut Vm, f: &Value, obj: &Value, _: &'static TypeObject) -> PyResult<Value> {
    if obj.is_null() {
        Ok(f.clone())
    } else {
        Ok(new_method(f.clone(), obj.clone()))
    }
}

// ----- classmethod and staticmethod -------------------------------------

/// `classmethod(f)` and `staticmethod(f)`: both wrap one callable.
pub struct WrapperData {
    pub func: Value,
}

unsafe fn dealloc_wrapper(p: ObjPtr) {
    // SAFETY: classmethods and staticmethods are Obj<WrapperData>.
    unsafe { dealloc_boxed::<WrapperData>(p) }
}

fn trace_wrapper(p: ObjPtr, visit: Visit) {
    // SAFETY: classmethods and staticmethods are Obj<WrapperData>.
    visit(&unsafe { p.data::<WrapperData>() }.func);
}

fn wrapper_new(vm: &mut Vm, ty: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, ty.name, kwnames)?;
    match args {
        [f] => Ok(Value::from_owned(alloc(ty, WrapperData { func: f.clone() }))),
        _ => Err(vm.type_error(format!("{} expected 1 argument, got {}", ty.name, args.len()))),
    }
}

fn wrapper_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let p = v.as_object().expect("a wrapper");
    // SAFETY: classmethods and staticmethods are Obj<WrapperData>.
    let func = unsafe { p.data::<WrapperData>() }.func.clone();
    let r = ops::repr_string(vm, &func)?;
    Ok(new_str(&format!("<{}({})>", vm.type_of(v).name, r)))
}

fn wrapper_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let p = v.as_object().expect("a wrapper");
    // SAFETY: classmethods and staticmethods are Obj<WrapperData>.
    let func = unsafe { p.data::<WrapperData>() }.func.clone();
    match as_str(name).unwrap_or("") {
        "__func__" | "__wrapped__" => Ok(func),
        "__isabstractmethod__" => match ops::getattr(vm, &func, name) {
            Ok(v) => Ok(v),
            Err(_) => Ok(vm.bool(false)),
        },
        "__name__" | "__qualname__" | "__doc__" => ops::getattr(vm, &func, name),
        _ => generic_getattr(vm, v, name),
    }
}

pub static CLASSMETHOD_TYPE: TypeObject = TypeObject {
    new: Some(wrapper_new),
    repr: Slot::new(wrapper_repr),
    getattr: Slot::new(wrapper_getattr),
    descr_get: Slot::new(|vm, v, obj, owner| {
        let func = as_classmethod(v).expect("classmethod slot").func.clone();
        let cls = if obj.is_null() { type_value(owner) } else { type_value(vm.type_of_static(obj)) };
        Ok(new_method(func, cls))
    }),
    ..TypeObject::builtin("classmethod", Some(&OBJECT_TYPE), dealloc_wrapper, trace_wrapper)
};

pub static STATICMETHOD_TYPE: TypeObject = TypeObject {
    new: Some(wrapper_new),
    repr: Slot::new(wrapper_repr),
    getattr: Slot::new(wrapper_getattr),
    descr_get: Slot::new(|_, v, _, _| Ok(as_staticmethod(v).expect("staticmethod slot").func.clone())),
    call: Slot::new(|vm, v, args, kwnames| {
        let func = as_staticmethod(v).expect("staticmethod slot").func.clone();
        crate::eval::call(vm, &func, args, kwnames)
    }),
    ..TypeObject::builtin("staticmethod", Some(&OBJECT_TYPE), dealloc_wrapper, trace_wrapper)
};

pub fn new_classmethod(func: Value) -> Value {
    Value::from_owned(alloc(&CLASSMETHOD_TYPE, WrapperData { func }))
}

pub fn new_staticmethod(func: Value) -> Value {
    Value::from_owned(alloc(&STATICMETHOD_TYPE, WrapperData { func }))
}

pub fn as_classmethod(v: &Value) -> Option<&WrapperData> {
    let p = v.as_object()?;
    // SAFETY: classmethods are Obj<WrapperData>.
    p.ty().is_subtype(&CLASSMETHOD_TYPE).then(|| unsafe { p.data::<WrapperData>() })
}

pub fn as_staticmethod(v: &Value) -> Option<&WrapperData> {
    let p = v.as_object()?;
    // SAFETY: staticmethods are Obj<WrapperData>.
    p.ty().is_subtype(&STATICMETHOD_TYPE).then(|| unsafe { p.data::<WrapperData>() })
}

// ----- property ---------------------------------------------------------

pub struct PropertyData {
    fget: Value,
    fset: Value,
    fdel: Value,
    doc: Value,
    /// The attribute name, from `__set_name__` (for error messages).
    name: std::cell::RefCell<Value>,
}

unsafe fn dealloc_property(p: ObjPtr) {
    // SAFETY: properties are Obj<PropertyData>.
    unsafe { dealloc_boxed::<PropertyData>(p) }
}

fn trace_property(p: ObjPtr, visit: Visit) {
    // SAFETY: properties are Obj<PropertyData>.
    let d = unsafe { p.data::<PropertyData>() };
    let name = d.name.borrow();
    visit_all(&[&d.fget, &d.fset, &d.fdel, &d.doc, &name], visit);
}

fn as_property(v: &Value) -> Option<&PropertyData> {
    let p = v.as_object()?;
    // SAFETY: properties are Obj<PropertyData>.
    p.ty().is_subtype(&PROPERTY_TYPE).then(|| unsafe { p.data::<PropertyData>() })
}

fn make_property(fget: Value, fset: Value, fdel: Value, doc: Value, name: Value) -> Value {
    make_property_of(&PROPERTY_TYPE, fget, fset, fdel, doc, name)
}

fn make_property_of(ty: &'static TypeObject, fget: Value, fset: Value, fdel: Value, doc: Value, name: Value) -> Value {
    Value::from_owned(alloc(
        ty,
        PropertyData { fget, fset, fdel, doc, name: std::cell::RefCell::new(name) },
    ))
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
fn property_new(vm: &mut Vm, ty: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["fget", "fset", "fdel", "doc"];
    let mut slots = [Value::NULL, Value::NULL, Value::NULL, Value::NULL];
    let npos = args.len() - kwnames.len();
    if npos > 4 {
        return Err(vm.type_error(format!("property() takes at most 4 arguments ({npos} given)")));
    }
    for (i, a) in args[..npos].iter().enumerate() {
        slots[i] = a.clone();
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let k = as_str(k).unwrap_or("");
        match names.iter().position(|n| *n == k) {
            Some(i) => slots[i] = v.clone(),
            None => return Err(vm.type_error(format!("property() got an unexpected keyword argument '{k}'"))),
        }
    }
    let [fget, fset, fdel, mut doc] = slots.map(|v| if v.is_null() || is_none(&v) { Value::NULL } else { v });
    if doc.is_null() && !fget.is_null() {
        if let Ok(d) = ops::getattr(vm, &fget, &new_str("__doc__")) {
            if !is_none(&d) {
                doc = d;
            }
        }
    }
    Ok(make_property_of(ty, fget, fset, fdel, doc, Value::NULL))
}

fn property_error(vm: &mut Vm, prop: &PropertyData, obj: &Value, what: &str) -> crate::vm::PyErr {
    let owner = vm.type_of(obj).name;
    let name = prop.name.borrow().clone();
    let msg = match as_str(&name) {
        Some(n) => format!("property '{n}' of '{owner}' object has no {what}"),
        None => format!("property of '{owner}' object has no {what}"),
    };
    vm.error(&ATTRIBUTE_ERROR, msg)
}

fn property_copy(vm: &mut Vm, this: &Value, args: &[Value], which: usize) -> PyResult<Value> {
    let p = as_property(this).expect("a property");
    let [f] = args else {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len())));
    };
    let f = if is_none(f) { Value::NULL } else { f.clone() };
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = f;
    let [fget, fset, fdel] = parts;
    let name = p.name.borrow().clone();
    Ok(make_property(fget, fset, fdel, p.doc.clone(), name))
}

pub static PROPERTY_TYPE: TypeObject = TypeObject {
    new: Some(property_new),
    descr_get: Slot::new(|vm, v, obj, _| {
        if obj.is_null() {
            return Ok(v.clone());
        }
        let p = as_property(v).expect("property slot");
        if p.fget.is_null() {
            return Err(property_error(vm, p, obj, "getter"));
        }
        let fget = p.fget.clone();
        crate::eval::call(vm, &fget, std::slice::from_ref(obj), &[])
    }),
    descr_set: Slot::new(|vm, v, obj, value| {
        let p = as_property(v).expect("property slot");
        match value {
            Some(x) => {
                if p.fset.is_null() {
                    return Err(property_error(vm, p, obj, "setter"));
                }
                let fset = p.fset.clone();
                crate::eval::call(vm, &fset, &[obj.clone(), x], &[])?;
            }
            None => {
                if p.fdel.is_null() {
                    return Err(property_error(vm, p, obj, "deleter"));
                }
                let fdel = p.fdel.clone();
                crate::eval::call(vm, &fdel, std::slice::from_ref(obj), &[])?;
            }
        }
        Ok(())
    }),
    getattr: Slot::new(|vm, v, name| {
        let p = as_property(v).expect("property slot");
        let or_none = |x: &Value| if x.is_null() { none() } else { x.clone() };
        match as_str(name).unwrap_or("") {
            "fget" => Ok(or_none(&p.fget)),
            "fset" => Ok(or_none(&p.fset)),
            "fdel" => Ok(or_none(&p.fdel)),
            "__doc__" => Ok(or_none(&p.doc)),
            _ => generic_getattr(vm, v, name),
        }
    }),
    methods: &[
        crate::types::MethodDef { name: "getter", func: |vm, this, args, _| property_copy(vm, this, args, 0) },
        crate::types::MethodDef { name: "setter", func: |vm, this, args, _| property_copy(vm, this, args, 1) },
        crate::types::MethodDef { name: "deleter", func: |vm, this, args, _| property_copy(vm, this, args, 2) },
        crate::types::MethodDef {
            name: "__set_name__",
            func: |vm, this, args, _| {
                if let (Some(p), [_, name]) = (as_property(this), args) {
                    *p.name.borrow_mut() = name.clone();
                }
                Ok(vm.none())
            },
        },
    ],
    ..TypeObject::builtin("property", Some(&OBJECT_TYPE), dealloc_property, trace_property)
};

// ----- methods and slot wrappers of built-in types -----------------------

/// What a built-in type's attribute wraps.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Wrapped {
    /// An entry of the type's `methods` table (`BuiltinAttrData::method`).
    Method,
    /// An entry of the type's `class_methods` table: bound to the class.
    ClassMethod,
    Repr,
    Str,
    Hash,
    Compare(CompareOp),
    Len,
    Iter,
    Next,
    GetItem,
    Call,
    Init,
    /// `__new__`: static, called with the class first.
    New,
    InitSubclass,
    GetAttribute,
    SetAttr,
    DelAttr,
    DescrGet,
    DescrSet,
    DescrDelete,
}

/// `<method 'append' of 'list' objects>` and
/// `<slot wrapper '__init__' of 'object' objects>`.
pub struct BuiltinAttrData {
    pub owner: &'static TypeObject,
    pub name: &'static str,
    pub wrapped: Wrapped,
    /// The function of a `Wrapped::Method`.
    pub method: Option<CallFn>,
}

unsafe fn dealloc_builtin_attr(p: ObjPtr) {
    // SAFETY: built-in attributes are Obj<BuiltinAttrData>.
    unsafe { dealloc_boxed::<BuiltinAttrData>(p) }
}

pub static METHOD_DESCRIPTOR_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, v| {
        let d = as_builtin_attr(v).expect("descriptor slot");
        let kind = if d.wrapped == Wrapped::Method { "method" } else { "slot wrapper" };
        Ok(new_str(&format!("<{} '{}' of '{}' objects>", kind, d.name, d.owner.name)))
    }),
    call: Slot::new(call_builtin_attr),
    descr_get: Slot::new(|vm, v, obj, owner| {
        let d = as_builtin_attr(v).expect("descriptor slot");
        match d.wrapped {
            Wrapped::New => Ok(v.clone()),
            Wrapped::InitSubclass | Wrapped::ClassMethod => {
                let cls = if obj.is_null() { owner } else { vm.type_of_static(obj) };
                Ok(new_method(v.clone(), type_value(cls)))
            }
            _ if obj.is_null() => Ok(v.clone()),
            Wrapped::Method => Ok(bind_builtin(obj.clone(), d.name, d.method.expect("a method"))),
            _ => Ok(new_method(v.clone(), obj.clone())),
        }
    }),
    ..TypeObject::builtin("method_descriptor", Some(&OBJECT_TYPE), dealloc_builtin_attr, crate::types::trace_nothing)
};

pub fn as_builtin_attr(v: &Value) -> Option<&BuiltinAttrData> {
    let p = v.as_object()?;
    // SAFETY: objects of this type are Obj<BuiltinAttrData>.
    std::ptr::eq(p.ty(), &METHOD_DESCRIPTOR_TYPE).then(|| unsafe { p.data::<BuiltinAttrData>() })
}

/// Is `v` a built-in method or slot wrapper that takes the instance as its
/// first argument?
pub fn is_unbound_builtin(v: &Value) -> bool {
    as_builtin_attr(v).is_some_and(|d| !matches!(d.wrapped, Wrapped::New | Wrapped::InitSubclass | Wrapped::ClassMethod))
}

/// Is `v` the wrapper `wrapped` of built-in type `owner`?
pub fn is_builtin_slot(v: &Value, owner: &TypeObject, wrapped: Wrapped) -> bool {
    as_builtin_attr(v).is_some_and(|d| std::ptr::eq(d.owner, owner) && d.wrapped == wrapped)
}

/// A method descriptor for native `func` in class `owner`'s namespace
/// (bound to the instance on look-up, as a built-in type's methods).
pub fn new_method_descriptor(owner: &'static TypeObject, name: &'static str, func: CallFn) -> Value {
    Value::from_owned(alloc(&METHOD_DESCRIPTOR_TYPE, BuiltinAttrData { owner, name, wrapped: Wrapped::Method, method: Some(func) }))
}

fn new_builtin_attr(owner: &'static TypeObject, name: &'static str, wrapped: Wrapped) -> Value {
    Value::from_owned(alloc(&METHOD_DESCRIPTOR_TYPE, BuiltinAttrData { owner, name, wrapped, method: None }))
}

/// The slot wrappers by dunder name.
const SLOT_NAMES: &[(&str, Wrapped)] = &[
    ("__repr__", Wrapped::Repr),
    ("__str__", Wrapped::Str),
    ("__hash__", Wrapped::Hash),
    ("__eq__", Wrapped::Compare(CompareOp::Eq)),
    ("__ne__", Wrapped::Compare(CompareOp::Ne)),
    ("__lt__", Wrapped::Compare(CompareOp::Lt)),
    ("__le__", Wrapped::Compare(CompareOp::Le)),
    ("__gt__", Wrapped::Compare(CompareOp::Gt)),
    ("__ge__", Wrapped::Compare(CompareOp::Ge)),
    ("__len__", Wrapped::Len),
    ("__iter__", Wrapped::Iter),
    ("__next__", Wrapped::Next),
    ("__getitem__", Wrapped::GetItem),
    ("__call__", Wrapped::Call),
    ("__init__", Wrapped::Init),
    ("__new__", Wrapped::New),
    ("__init_subclass__", Wrapped::InitSubclass),
    ("__getattribute__", Wrapped::GetAttribute),
    ("__setattr__", Wrapped::SetAttr),
    ("__delattr__", Wrapped::DelAttr),
    ("__get__", Wrapped::DescrGet),
    ("__set__", Wrapped::DescrSet),
    ("__delete__", Wrapped::DescrDelete),
];

/// An attribute built-in type `ty` defines itself: a method of its table,
/// or a wrapper of a slot it fills.
pub fn builtin_attribute(ty: &'static TypeObject, name: &str) -> Option<Value> {
    if let Some(m) = ty.class_methods.iter().find(|m| m.name == name) {
        let data = BuiltinAttrData { owner: ty, name: m.name, wrapped: Wrapped::ClassMethod, method: Some(m.func) };
        return Some(Value::from_owned(alloc(&METHOD_DESCRIPTOR_TYPE, data)));
    }
    if let Some(def) = ty.getsets.iter().find(|g| g.name == name) {
        return Some(new_getset(ty, def));
    }
    if let Some(m) = ty.methods.iter().find(|m| m.name == name) {
        let data = BuiltinAttrData { owner: ty, name: m.name, wrapped: Wrapped::Method, method: Some(m.func) };
        return Some(Value::from_owned(alloc(&METHOD_DESCRIPTOR_TYPE, data)));
    }
    let &(static_name, wrapped) = SLOT_NAMES.iter().find(|(n, _)| *n == name)?;
    let is_object = std::ptr::eq(ty, &OBJECT_TYPE);
    let present = match wrapped {
        Wrapped::Repr => ty.repr.is_some(),
        Wrapped::Str => ty.str.is_some(),
        Wrapped::Hash => ty.hash.is_some(),
        Wrapped::Compare(_) => ty.richcompare.is_some(),
        Wrapped::Len => ty.len.is_some(),
        Wrapped::Iter => ty.iter.is_some(),
        Wrapped::Next => ty.next.is_some(),
        Wrapped::GetItem => ty.getitem.is_some(),
        Wrapped::Call => ty.call.is_some(),
        Wrapped::Init => is_object || std::ptr::eq(ty, &BASE_EXCEPTION) || subclassable_builtin(ty) || ty.init.is_some(),
        Wrapped::New => ty.new.is_some() && (is_object || std::ptr::eq(ty, &BASE_EXCEPTION) || ty.heap.is_none()),
        Wrapped::InitSubclass => is_object,
        // `type` has its own (CPython's type_getattro/type_setattro).
        Wrapped::GetAttribute | Wrapped::SetAttr | Wrapped::DelAttr => is_object || std::ptr::eq(ty, &crate::types::TYPE_TYPE),
        Wrapped::DescrGet => ty.descr_get.is_some(),
        Wrapped::DescrSet | Wrapped::DescrDelete => ty.descr_set.is_some(),
        Wrapped::Method | Wrapped::ClassMethod => false,
    };
    present.then(|| new_builtin_attr(ty, static_name, wrapped))
}

/// The dunder names built-in type `ty` has slot wrappers for.
pub fn slot_names(ty: &'static TypeObject) -> Vec<&'static str> {
    SLOT_NAMES.iter().filter(|(n, _)| builtin_attribute(ty, n).is_some()).map(|(n, _)| *n).collect()
}

/// Built-in types a class may derive from, keeping their payload: their
/// `new` slot allocates for the class it is given.
pub fn subclassable_builtin(ty: &TypeObject) -> bool {
    [&CLASSMETHOD_TYPE, &STATICMETHOD_TYPE, &PROPERTY_TYPE].iter().any(|t| std::ptr::eq(*t, ty))
}

/// Calling a built-in method or slot wrapper: the instance comes first.
fn call_builtin_attr(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = as_builtin_attr(callable).expect("descriptor slot");
    let (owner, name, wrapped, method) = (d.owner, d.name, d.wrapped, d.method);
    if wrapped == Wrapped::New {
        return builtin_new(vm, owner, args, kwnames);
    }
    let Some((this, rest)) = args.split_first().filter(|_| args.len() > kwnames.len()) else {
        let msg = format!("unbound method {}.{}() needs an argument", owner.name, name);
        return Err(vm.type_error(msg));
    };
    if wrapped == Wrapped::ClassMethod {
        return (method.expect("a class method"))(vm, this, rest, kwnames);
    }
    if wrapped == Wrapped::InitSubclass {
        if !kwnames.is_empty() {
            let cls = as_type(this).map_or("?", |t| t.name);
            return Err(vm.type_error(format!("{cls}.__init_subclass__() takes no keyword arguments")));
        }
        return Ok(none());
    }
    if !vm.type_of(this).is_subtype(owner) {
        let msg = format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            name,
            owner.name,
            vm.type_of(this).name
        );
        return Err(vm.type_error(msg));
    }
    let arity = |vm: &mut Vm, n: usize| -> PyResult<()> {
        if rest.len() == n && kwnames.is_empty() {
            Ok(())
        } else {
            Err(vm.type_error(format!("expected {} argument{}, got {}", n, if n == 1 { "" } else { "s" }, rest.len())))
        }
    };
    let slot_missing = || -> Value { none() };
    match wrapped {
        Wrapped::Method => (method.expect("a method"))(vm, this, rest, kwnames),
        Wrapped::Repr => {
            arity(vm, 0)?;
            match owner.repr.get() {
                Some(f) => f(vm, this),
                None => Ok(slot_missing()),
            }
        }
        Wrapped::Str => {
            arity(vm, 0)?;
            match owner.str.get() {
                Some(f) => f(vm, this),
                None => ops::repr(vm, this),
            }
        }
        Wrapped::Hash => {
            arity(vm, 0)?;
            let h = match owner.hash.get() {
                Some(f) => f(vm, this)?,
                None => ops::hash_identity(this),
            };
            Ok(crate::builtins::int::new_int(h))
        }
        Wrapped::Compare(op) => {
            arity(vm, 1)?;
            match owner.richcompare.get() {
                Some(f) => f(vm, this, &rest[0], op),
                None => Ok(vm.not_implemented()),
            }
        }
        Wrapped::Len => {
            arity(vm, 0)?;
            let f = owner.len.get().expect("a len slot");
            Ok(crate::builtins::int::new_int(f(vm, this)? as i64))
        }
        Wrapped::Iter => {
            arity(vm, 0)?;
            (owner.iter.get().expect("an iter slot"))(vm, this)
        }
        Wrapped::Next => {
            arity(vm, 0)?;
            match (owner.next.get().expect("a next slot"))(vm, this)? {
                Some(v) => Ok(v),
                None => Err(vm.error(&crate::builtins::exceptions::STOP_ITERATION, String::new())),
            }
        }
        Wrapped::GetItem => {
            arity(vm, 1)?;
            (owner.getitem.get().expect("a getitem slot"))(vm, this, &rest[0])
        }
        Wrapped::Call => (owner.call.get().expect("a call slot"))(vm, this, rest, kwnames),
        Wrapped::DescrGet => {
            // `__get__(instance, owner=None)`: None for both is an error.
            if rest.is_empty() || rest.len() > 2 {
                return Err(vm.type_error(format!("expected 1 or 2 arguments, got {}", rest.len())));
            }
            let obj = if is_none(&rest[0]) { Value::NULL } else { rest[0].clone() };
            let owner_ty = match rest.get(1).filter(|o| !is_none(o)) {
                Some(o) => as_type(o).ok_or_else(|| vm.type_error("__get__(None, None) is invalid"))?,
                None if obj.is_null() => return Err(vm.type_error("__get__(None, None) is invalid")),
                None => vm.type_of_static(&obj),
            };
            (owner.descr_get.get().expect("a descr_get slot"))(vm, this, &obj, owner_ty)
        }
        Wrapped::DescrSet => {
            arity(vm, 2)?;
            (owner.descr_set.get().expect("a descr_set slot"))(vm, this, &rest[0], Some(rest[1].clone()))?;
            Ok(none())
        }
        Wrapped::DescrDelete => {
            arity(vm, 1)?;
            (owner.descr_set.get().expect("a descr_set slot"))(vm, this, &rest[0], None)?;
            Ok(none())
        }
        Wrapped::Init => {
            // classmethod/staticmethod/property: their __new__ already took
            // the arguments.
            if subclassable_builtin(owner) {
                return Ok(none());
            }
            if let Some(init) = owner.init {
                return init(vm, this, rest, kwnames);
            }
            if std::ptr::eq(owner, &BASE_EXCEPTION) {
                if !kwnames.is_empty() {
                    let msg = format!("{}() takes no keyword arguments", vm.type_of(this).name);
                    return Err(vm.type_error(msg));
                }
                if let Some(e) = as_exception(this) {
                    *e.args.borrow_mut() = rest.to_vec();
                }
                return Ok(none());
            }
            object_init(vm, this, rest)
        }
        Wrapped::GetAttribute => {
            arity(vm, 1)?;
            check_name(vm, &rest[0])?;
            if std::ptr::eq(owner, &crate::types::TYPE_TYPE) {
                return classes::type_getattr(vm, this, &rest[0]);
            }
            generic_getattr(vm, this, &rest[0])
        }
        Wrapped::SetAttr | Wrapped::DelAttr => {
            arity(vm, if wrapped == Wrapped::SetAttr { 2 } else { 1 })?;
            check_name(vm, &rest[0])?;
            let value = (wrapped == Wrapped::SetAttr).then(|| rest[1].clone());
            if std::ptr::eq(owner, &crate::types::TYPE_TYPE) {
                classes::type_setattr(vm, this, &rest[0], value)?;
            } else {
                classes::generic_setattr(vm, this, &rest[0], value)?;
            }
            Ok(none())
        }
        Wrapped::New | Wrapped::InitSubclass | Wrapped::ClassMethod => unreachable!("handled above"),
    }
}

fn check_name(vm: &mut Vm, name: &Value) -> PyResult<()> {
    if as_str(name).is_some() {
        Ok(())
    } else {
        let msg = format!("attribute name must be string, not '{}'", vm.type_of(name).name);
        Err(vm.type_error(msg))
    }
}

/// Does class `ty` get `name` from somewhere other than built-in `owner`?
fn overrides(ty: &'static TypeObject, name: &str, owner: &TypeObject, wrapped: Wrapped) -> bool {
    match classes::type_lookup(ty, &new_str(name)) {
        Some(v) => !is_builtin_slot(&v, owner, wrapped),
        None => false,
    }
}

/// `object.__init__(self, *args)`: extra arguments are an error unless
/// the class overrides `__new__` and not `__init__` (CPython's rule).
fn object_init(vm: &mut Vm, this: &Value, args: &[Value]) -> PyResult<Value> {
    if !args.is_empty() {
        let ty = vm.type_of_static(this);
        if overrides(ty, "__init__", &OBJECT_TYPE, Wrapped::Init) {
            return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if !overrides(ty, "__new__", &OBJECT_TYPE, Wrapped::New) {
            return Err(vm.type_error(format!("{}() takes no arguments", ty.name)));
        }
    }
    Ok(none())
}

/// `owner.__new__(cls, *args)` for a built-in `owner`.
fn builtin_new(vm: &mut Vm, owner: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some((cls, rest)) = args.split_first().filter(|_| args.len() > kwnames.len()) else {
        return Err(vm.type_error(format!("{}.__new__(): not enough arguments", owner.name)));
    };
    let Some(cls) = as_type(cls) else {
        let msg = format!("{}.__new__(X): X is not a type object ({})", owner.name, vm.type_of(cls).name);
        return Err(vm.type_error(msg));
    };
    if !cls.is_subtype(owner) {
        let msg = format!("{}.__new__({}): {} is not a subtype of {}", owner.name, cls.name, cls.name, owner.name);
        return Err(vm.type_error(msg));
    }
    if std::ptr::eq(owner, &OBJECT_TYPE) {
        return object_new(vm, cls, rest, kwnames);
    }
    if owner.is_subtype(&crate::builtins::exceptions::BASE_EXCEPTION_GROUP) {
        return crate::builtins::exception_group::group_new(vm, cls, rest, kwnames);
    }
    if std::ptr::eq(owner, &BASE_EXCEPTION) || owner.is_subtype(&BASE_EXCEPTION) {
        return Ok(classes::alloc_exception(cls, rest.to_vec()));
    }
    if std::ptr::eq(owner, &crate::types::TYPE_TYPE) {
        return crate::types::type_new(vm, cls, rest, kwnames);
    }
    if !std::ptr::eq(cls, owner) && !subclassable_builtin(owner) {
        let Some(base) = classes::builtin_base(owner) else {
            let msg = format!("{}.__new__ for a subclass", owner.name);
            return Err(vm.error(&NOT_IMPLEMENTED_ERROR, msg));
        };
        // The mutable built-ins start empty (their `__init__` fills them);
        // the others are made by the built-in, then re-made for `cls`,
        // unless the built-in makes instances of a class itself.
        if owner.init.is_some() && !base.made_by_new() {
            return base.rebox(vm, cls, None);
        }
        if !base.made_by_new() {
            let exact = match owner.new {
                Some(f) => f(vm, owner, rest, kwnames)?,
                None => return Err(vm.type_error(format!("cannot create '{}' instances", owner.name))),
            };
            return base.rebox(vm, cls, Some(&exact));
        }
    }
    match owner.new {
        Some(f) => f(vm, cls, rest, kwnames),
        None => Err(vm.type_error(format!("cannot create '{}' instances", owner.name))),
    }
}

/// `object.__new__(cls, *args)` (CPython's `object_new`).
pub fn object_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    if !args.is_empty() {
        if overrides(cls, "__new__", &OBJECT_TYPE, Wrapped::New) {
            return Err(vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if !overrides(cls, "__init__", &OBJECT_TYPE, Wrapped::Init) {
            return Err(vm.type_error(format!("{}() takes no arguments", cls.name)));
        }
    }
    match classes::heap(cls) {
        _ if std::ptr::eq(cls, &OBJECT_TYPE) => Ok(Value::from_owned(alloc(&OBJECT_TYPE, ()))),
        Some(h) if h.layout == classes::Layout::Object => Ok(classes::alloc_instance(cls)),
        _ => {
            let base = cls.mro().find(|t| t.heap.is_none()).unwrap_or(cls);
            let msg = format!("object.__new__({}) is not safe, use {}.__new__()", cls.name, base.name);
            Err(vm.type_error(msg))
        }
    }
}

// ----- super ------------------------------------------------------------

pub struct SuperData {
    /// The class whose successors in the MRO are searched.
    ty: &'static TypeObject,
    /// The instance (or class) bound, and the type whose MRO is used.
    obj: Value,
    obj_type: &'static TypeObject,
}

unsafe fn dealloc_super(p: ObjPtr) {
    // SAFETY: super objects are Obj<SuperData>.
    unsafe { dealloc_boxed::<SuperData>(p) }
}

fn trace_super(p: ObjPtr, visit: Visit) {
    // SAFETY: super objects are Obj<SuperData>.
    visit(&unsafe { p.data::<SuperData>() }.obj);
}

fn as_super(v: &Value) -> Option<&SuperData> {
    let p = v.as_object()?;
    // SAFETY: super objects are Obj<SuperData>.
    p.ty().is_subtype(&SUPER_TYPE).then(|| unsafe { p.data::<SuperData>() })
}

/// `super()` and `super(type, obj)`.
fn super_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "super", kwnames)?;
    let (ty, obj) = match args {
        [] => {
            let (cls, obj) = crate::eval::super_arguments(vm)?;
            let Some(ty) = as_type(&cls) else {
                let msg = format!("super(): __class__ is not a type ({})", vm.type_of(&cls).name);
                return Err(vm.error(&RUNTIME_ERROR, msg));
            };
            (ty, obj)
        }
        [t] | [t, _] => {
            let Some(ty) = as_type(t) else {
                let msg = format!("super() argument 1 must be a type, not {}", vm.type_of(t).name);
                return Err(vm.type_error(msg));
            };
            match args.get(1) {
                Some(o) => (ty, o.clone()),
                None => return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "unbound super objects")),
            }
        }
        _ => return Err(vm.type_error(format!("super() takes at most 2 arguments ({} given)", args.len()))),
    };
    // CPython's supercheck: an instance of `ty`, or a subclass of it.
    let obj_type = match as_type(&obj) {
        Some(t) if t.is_subtype(ty) => t,
        _ if vm.type_of(&obj).is_subtype(ty) => vm.type_of_static(&obj),
        _ => return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type")),
    };
    Ok(Value::from_owned(alloc(&SUPER_TYPE, SuperData { ty, obj, obj_type })))
}

fn super_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let s = as_super(v).expect("super slot");
    if as_str(name) != Some("__class__") {
        let (start, obj, obj_type) = (s.ty, s.obj.clone(), s.obj_type);
        let mut mro = obj_type.mro().skip_while(|t| !std::ptr::eq(*t, start));
        mro.next();
        for t in mro {
            if let Some(attr) = own_attribute(t, name) {
                return match vm.type_of(&attr).descr_get.get() {
                    Some(get) => {
                        let bound = if as_type(&obj).is_some_and(|t| std::ptr::eq(t, obj_type)) { Value::NULL } else { obj };
                        get(vm, &attr, &bound, obj_type)
                    }
                    None => Ok(attr),
                };
            }
        }
    }
    generic_getattr(vm, v, name)
}

pub static SUPER_TYPE: TypeObject = TypeObject {
    new: Some(super_new),
    getattr: Slot::new(super_getattr),
    repr: Slot::new(|_, v| {
        let s = as_super(v).expect("super slot");
        let (ty, obj_type) = (s.ty, s.obj_type);
        Ok(new_str(&format!("<super: <class '{}'>, <{} object>>", ty.name, obj_type.name)))
    }),
    ..TypeObject::builtin("super", Some(&OBJECT_TYPE), dealloc_super, trace_super)
};


// ----- member descriptors (`__slots__`) ---------------------------------

/// `<member 'x' of 'C' objects>`: the descriptor of one `__slots__` name.
pub struct MemberData {
    owner: &'static TypeObject,
    name: String,
    index: usize,
    /// A built-in type's member, read (and, if it has a setter, written)
    /// by the functions of its definition.
    native: Option<&'static crate::types::GetSetDef>,
}

unsafe fn dealloc_member(p: ObjPtr) {
    // SAFETY: member descriptors are Obj<MemberData>.
    unsafe { dealloc_boxed::<MemberData>(p) }
}

fn as_member(v: &Value) -> &MemberData {
    // SAFETY: objects of this type are Obj<MemberData>.
    unsafe { v.as_object().expect("a member descriptor").data::<MemberData>() }
}

pub fn new_member(owner: &'static TypeObject, name: &str, index: usize) -> Value {
    Value::from_owned(alloc(&MEMBER_DESCRIPTOR_TYPE, MemberData { owner, name: name.to_string(), index, native: None }))
}

/// The descriptor of a built-in type's data attribute `def`.
fn new_getset(owner: &'static TypeObject, def: &'static crate::types::GetSetDef) -> Value {
    if def.member {
        let data = MemberData { owner, name: def.name.to_string(), index: 0, native: Some(def) };
        Value::from_owned(alloc(&MEMBER_DESCRIPTOR_TYPE, data))
    } else {
        Value::from_owned(alloc(&GETSET_DESCRIPTOR_TYPE, GetSetData { owner, def }))
    }
}

/// Is `obj` an instance of the descriptor's `owner`? CPython's message if not.
fn check_owner(vm: &mut Vm, name: &str, owner: &TypeObject, obj: &Value) -> PyResult<()> {
    if vm.type_of(obj).is_subtype(owner) {
        return Ok(());
    }
    let msg = format!("descriptor '{}' for '{}' objects doesn't apply to a '{}' object", name, owner.name, vm.type_of(obj).name);
    Err(vm.type_error(msg))
}

/// `<attribute 'x' of 'T' objects>`: a built-in type's computed attribute.
pub struct GetSetData {
    owner: &'static TypeObject,
    def: &'static crate::types::GetSetDef,
}

fn as_getset(v: &Value) -> &GetSetData {
    // SAFETY: objects of GETSET_DESCRIPTOR_TYPE are Obj<GetSetData>.
    unsafe { v.as_object().expect("a getset descriptor").data::<GetSetData>() }
}

unsafe fn dealloc_getset(p: ObjPtr) {
    // SAFETY: objects of GETSET_DESCRIPTOR_TYPE are Obj<GetSetData>.
    unsafe { dealloc_boxed::<GetSetData>(p) }
}

pub static GETSET_DESCRIPTOR_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, v| {
        let g = as_getset(v);
        Ok(new_str(&format!("<attribute '{}' of '{}' objects>", g.def.name, g.owner.name)))
    }),
    descr_get: Slot::new(|vm, v, obj, _| {
        if obj.is_null() {
            return Ok(v.clone());
        }
        let g = as_getset(v);
        check_owner(vm, g.def.name, g.owner, obj)?;
        (g.def.get)(vm, obj)
    }),
    descr_set: Slot::new(|vm, v, obj, value| {
        let g = as_getset(v);
        check_owner(vm, g.def.name, g.owner, obj)?;
        if let Some(set) = g.def.set {
            return set(vm, obj, value);
        }
        let msg = format!("attribute '{}' of '{}' objects is not writable", g.def.name, g.owner.name);
        Err(vm.error(&ATTRIBUTE_ERROR, msg))
    }),
    ..TypeObject::builtin("getset_descriptor", Some(&OBJECT_TYPE), dealloc_getset, crate::types::trace_nothing)
};

fn member_storage<'a>(vm: &mut Vm, m: &MemberData, obj: &'a Value) -> PyResult<&'a std::cell::RefCell<Vec<Value>>> {
    if !vm.type_of(obj).is_subtype(m.owner) {
        let msg = format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            m.name,
            m.owner.name,
            vm.type_of(obj).name
        );
        return Err(vm.type_error(msg));
    }
    classes::slot_value(obj, m.index).ok_or_else(|| vm.type_error("bad slot"))
}

pub static MEMBER_DESCRIPTOR_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, v| {
        let m = as_member(v);
        Ok(new_str(&format!("<member '{}' of '{}' objects>", m.name, m.owner.name)))
    }),
    descr_get: Slot::new(|vm, v, obj, _| {
        if obj.is_null() {
            return Ok(v.clone());
        }
        let m = as_member(v);
        if let Some(def) = m.native {
            check_owner(vm, &m.name, m.owner, obj)?;
            return (def.get)(vm, obj);
        }
        let storage = member_storage(vm, m, obj)?;
        let value = storage.borrow()[m.index].clone();
        if value.is_null() {
            let msg = format!("'{}' object has no attribute '{}'", vm.type_of(obj).name, m.name);
            return Err(vm.error(&ATTRIBUTE_ERROR, msg));
        }
        Ok(value)
    }),
    descr_set: Slot::new(|vm, v, obj, value| {
        let m = as_member(v);
        if let Some(def) = m.native {
            let Some(set) = def.set else { return Err(vm.error(&ATTRIBUTE_ERROR, "readonly attribute")) };
            check_owner(vm, &m.name, m.owner, obj)?;
            return set(vm, obj, value);
        }
        let storage = member_storage(vm, m, obj)?;
        let deleting = value.is_none();
        let old = std::mem::replace(&mut storage.borrow_mut()[m.index], value.unwrap_or(Value::NULL));
        if deleting && old.is_null() {
            return Err(vm.error(&ATTRIBUTE_ERROR, m.name.clone()));
        }
        drop(old);
        Ok(())
    }),
    ..TypeObject::builtin("member_descriptor", Some(&OBJECT_TYPE), dealloc_member, crate::types::trace_nothing)
};
