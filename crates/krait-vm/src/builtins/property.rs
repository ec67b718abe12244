//! `property` (CPython's `Objects/descrobject.c` property type).
//!
//! Invariants:
//! - `property.__new__` makes an empty property (of the class it is given,
//!   with a `__dict__` for a subclass); `__init__` fills it, so a subclass
//!   may override either, as in CPython.
//! - The docstring of an exact property lives in the object (`doc`); a
//!   subclass's instance keeps it in its `__dict__` instead, where it is not
//!   shadowed by the subclass's own `__doc__` (CPython's `property_init`).
//!   `getter_doc` records that the docstring came from the getter, so that
//!   `getter()`/`setter()`/`deleter()` copies take the new getter's.
//! - `getter()`, `setter()` and `deleter()` call the property's own type,
//!   so a subclass's copies are of that subclass.

use std::cell::{Cell, RefCell};

use crate::builtins::exceptions::ATTRIBUTE_ERROR;
use crate::builtins::singletons::{is_none, none};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{type_value, GetSetDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub struct PropertyData {
    fget: RefCell<Value>,
    fset: RefCell<Value>,
    fdel: RefCell<Value>,
    doc: RefCell<Value>,
    /// The attribute name, from `__set_name__` (for error messages).
    name: RefCell<Value>,
    /// The docstring was taken from the getter.
    getter_doc: Cell<bool>,
}

impl PropertyData {
    fn empty() -> PropertyData {
        PropertyData {
            fget: RefCell::new(Value::NULL),
            fset: RefCell::new(Value::NULL),
            fdel: RefCell::new(Value::NULL),
            doc: RefCell::new(Value::NULL),
            name: RefCell::new(Value::NULL),
            getter_doc: Cell::new(false),
        }
    }
}

unsafe fn dealloc_property(p: ObjPtr) {
    // SAFETY: properties are Obj<PropertyData>.
    unsafe { dealloc_boxed::<PropertyData>(p) }
}

fn trace_property(p: ObjPtr, visit: Visit) {
    // SAFETY: properties (and the payload of a subclass's instances) are
    // Obj<PropertyData>.
    let d = unsafe { p.data::<PropertyData>() };
    for f in [&d.fget, &d.fset, &d.fdel, &d.doc, &d.name] {
        let v = f.borrow();
        if !v.is_null() {
            visit(&v);
        }
    }
}

fn as_property(v: &Value) -> Option<&PropertyData> {
    let p = v.as_object()?;
    // SAFETY: properties are Obj<PropertyData>, and so start the instances
    // of a subclass (`Subclassed<PropertyData>`).
    p.ty().is_subtype(&PROPERTY_TYPE).then(|| unsafe { p.data::<PropertyData>() })
}

fn or_none(v: &RefCell<Value>) -> Value {
    let v = v.borrow();
    if v.is_null() {
        none()
    } else {
        v.clone()
    }
}

/// `property.__new__`: an empty property of class `ty`, whose `__init__`
/// fills it. Calling `property` itself runs only this slot, so an exact
/// property is filled here.
fn property_new(vm: &mut Vm, ty: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if std::ptr::eq(ty, &PROPERTY_TYPE) {
        let p = Value::from_owned(alloc(ty, PropertyData::empty()));
        property_init(vm, &p, args, kwnames)?;
        Ok(p)
    } else {
        Ok(crate::builtins::classes::alloc_subclassed(ty, PropertyData::empty()))
    }
}

/// `property.__init__(fget=None, fset=None, fdel=None, doc=None)`.
fn property_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fget, fset, fdel, doc] =
        crate::builtins::itertools::bind(vm, "property", args, kwnames, ["fget", "fset", "fdel", "doc"], 4, 0)?;
    let Some(p) = as_property(this) else { return Ok(none()) };
    let given = |v: Option<Value>| v.filter(|v| !is_none(v)).unwrap_or(Value::NULL);
    let fget = given(fget);
    *p.fget.borrow_mut() = fget.clone();
    *p.fset.borrow_mut() = given(fset);
    *p.fdel.borrow_mut() = given(fdel);
    p.getter_doc.set(false);
    let exact = std::ptr::eq(vm.type_of(this), &PROPERTY_TYPE);
    let mut doc = given(doc);
    // No docstring given: the getter's, if it has one.
    if doc.is_null() && !fget.is_null() {
        match ops::getattr(vm, &fget, &crate::builtins::str::intern("__doc__")) {
            Ok(d) => {
                doc = d;
                p.getter_doc.set(true);
            }
            Err(e) if vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR) => {}
            Err(e) => return Err(e),
        }
    }
    if exact {
        *p.doc.borrow_mut() = doc;
        return Ok(none());
    }
    // A subclass: in the instance's `__dict__`, where the class's own
    // `__doc__` does not shadow it. Through 3.11 a failure to store it
    // (a subclass with `__slots__`) passes silently unless the docstring
    // came from the getter.
    let doc = if doc.is_null() { none() } else { doc };
    match crate::builtins::classes::setattr(vm, this, &crate::builtins::str::intern("__doc__"), Some(doc)) {
        Err(e) if !p.getter_doc.get() && vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR) => Ok(none()),
        Err(e) => Err(e),
        Ok(()) => Ok(none()),
    }
}

/// `property 'name' of 'Owner' object has no getter` (CPython's messages,
/// with the owner's qualified name).
fn property_error(vm: &mut Vm, prop: &PropertyData, obj: &Value, what: &str) -> PyErr {
    let owner = type_value(vm.type_of_static(obj));
    let qualname = match ops::getattr(vm, &owner, &crate::builtins::str::intern("__qualname__")) {
        Ok(q) => q,
        Err(e) => return e,
    };
    let qualname = match ops::repr_string(vm, &qualname) {
        Ok(q) => q,
        Err(e) => return e,
    };
    let name = prop.name.borrow().clone();
    let msg = if name.is_null() {
        format!("property of {qualname} object has no {what}")
    } else {
        match ops::repr_string(vm, &name) {
            Ok(n) => format!("property {n} of {qualname} object has no {what}"),
            Err(e) => return e,
        }
    };
    vm.error(&ATTRIBUTE_ERROR, msg)
}

/// `prop.getter(f)` and the others: a copy with one function replaced,
/// made by calling the property's type (CPython's `property_copy`).
fn property_copy(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], which: usize) -> PyResult<Value> {
    let what = ["getter", "setter", "deleter"][which];
    crate::builtins::function::no_keywords(vm, what, kwnames)?;
    let p = as_property(this).expect("a property");
    let [f] = args else {
        return Err(vm.type_error(format!("{what}() takes exactly one argument ({} given)", args.len())));
    };
    let mut parts = [or_none(&p.fget), or_none(&p.fset), or_none(&p.fdel)];
    parts[which] = f.clone();
    // A docstring from the old getter gives way to the new getter's.
    let doc = if p.getter_doc.get() && !is_none(&parts[0]) { none() } else { or_none(&p.doc) };
    let [fget, fset, fdel] = parts;
    let ty = type_value(vm.type_of_static(this));
    let new = crate::eval::call(vm, &ty, &[fget, fset, fdel, doc], &[])?;
    if let Some(np) = as_property(&new) {
        *np.name.borrow_mut() = p.name.borrow().clone();
    }
    Ok(new)
}

/// `__isabstractmethod__`: true when any of the three functions is abstract.
fn property_isabstract(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let p = as_property(this).expect("a property");
    let key = crate::builtins::str::intern("__isabstractmethod__");
    for f in [or_none(&p.fget), or_none(&p.fset), or_none(&p.fdel)] {
        if is_none(&f) {
            continue;
        }
        match ops::getattr(vm, &f, &key) {
            Ok(v) => {
                if ops::truthy(vm, &v)? {
                    return Ok(vm.bool(true));
                }
            }
            Err(e) if vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(vm.bool(false))
}

static PROPERTY_GETSETS: [GetSetDef; 5] = [
    GetSetDef { name: "fget", get: |_, v| Ok(or_none(&as_property(v).expect("a property").fget)), set: None, member: true },
    GetSetDef { name: "fset", get: |_, v| Ok(or_none(&as_property(v).expect("a property").fset)), set: None, member: true },
    GetSetDef { name: "fdel", get: |_, v| Ok(or_none(&as_property(v).expect("a property").fdel)), set: None, member: true },
    GetSetDef {
        name: "__doc__",
        get: |_, v| Ok(or_none(&as_property(v).expect("a property").doc)),
        set: Some(|_, v, value| {
            *as_property(v).expect("a property").doc.borrow_mut() = value.unwrap_or(Value::NULL);
            Ok(())
        }),
        member: true,
    },
    GetSetDef { name: "__isabstractmethod__", get: property_isabstract, set: None, member: false },
];

pub static PROPERTY_TYPE: TypeObject = TypeObject {
    new: Some(property_new),
    init: Some(property_init),
    descr_get: Slot::new(|vm, v, obj, _| {
        if obj.is_null() || is_none(obj) {
            return Ok(v.clone());
        }
        let p = as_property(v).expect("property slot");
        let fget = p.fget.borrow().clone();
        if fget.is_null() {
            return Err(property_error(vm, p, obj, "getter"));
        }
        crate::eval::call(vm, &fget, std::slice::from_ref(obj), &[])
    }),
    descr_set: Slot::new(|vm, v, obj, value| {
        let p = as_property(v).expect("property slot");
        match value {
            Some(x) => {
                let fset = p.fset.borrow().clone();
                if fset.is_null() {
                    return Err(property_error(vm, p, obj, "setter"));
                }
                crate::eval::call(vm, &fset, &[obj.clone(), x], &[])?;
            }
            None => {
                let fdel = p.fdel.borrow().clone();
                if fdel.is_null() {
                    return Err(property_error(vm, p, obj, "deleter"));
                }
                crate::eval::call(vm, &fdel, std::slice::from_ref(obj), &[])?;
            }
        }
        Ok(())
    }),
    getsets: &PROPERTY_GETSETS,
    methods: &[
        crate::types::MethodDef { name: "getter", func: |vm, this, args, kw| property_copy(vm, this, args, kw, 0) },
        crate::types::MethodDef { name: "setter", func: |vm, this, args, kw| property_copy(vm, this, args, kw, 1) },
        crate::types::MethodDef { name: "deleter", func: |vm, this, args, kw| property_copy(vm, this, args, kw, 2) },
        crate::types::MethodDef {
            name: "__set_name__",
            func: |vm, this, args, kwnames| {
                crate::builtins::function::no_keywords(vm, "__set_name__", kwnames)?;
                let [_, name] = args else {
                    let msg = format!("__set_name__() takes 2 positional arguments but {} were given", args.len());
                    return Err(vm.type_error(msg));
                };
                if let Some(p) = as_property(this) {
                    *p.name.borrow_mut() = name.clone();
                }
                Ok(vm.none())
            },
        },
    ],
    ..TypeObject::builtin("property", Some(&OBJECT_TYPE), dealloc_property, trace_property)
};

/// How a class derived from `property` makes its instances.
pub fn builtin_base(ty: &'static TypeObject) -> Option<crate::builtins::classes::BuiltinBase> {
    std::ptr::eq(ty, &PROPERTY_TYPE).then(|| crate::builtins::classes::BuiltinBase::allocated_by_new::<PropertyData>(ty))
}
