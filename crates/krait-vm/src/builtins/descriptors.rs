//! Descriptors and the objects attribute look-up makes: bound methods,
//! `classmethod`, `staticmethod`, `property`, `super`, and the member and
//! getset descriptors of `__slots__` and of built-in types' data
//! attributes. (The methods and slot wrappers of built-in types are in
//! `method_descriptors` and `slot_wrappers`.)
//!
//! Invariants:
//! - A descriptor's behaviour is its type's `descr_get`/`descr_set` slots;
//!   a type with both is a data descriptor and wins over instance
//!   attributes (see `classes::generic_getattr_opt`).

use std::cell::{Cell, RefCell};

use crate::builtins::classes::{self, generic_getattr, own_attribute};
use crate::builtins::exceptions::{ATTRIBUTE_ERROR, RUNTIME_ERROR};
use crate::builtins::function::as_function;
use crate::builtins::str::{as_str, new_str};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{as_type, type_value, CompareOp, GetSetDef, Slot, TypeObject, Visit, OBJECT_TYPE};
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
    /// Weak references to the bound method exist (see `weakref`).
    pub weakly_referenced: std::cell::Cell<bool>,
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
            // The function's, not the method type's description.
            "__doc__" => {
                let func = m.func.clone();
                ops::getattr(vm, &func, name)
            }
            // What the method type has (`__reduce__`, `__eq__`, ...), else
            // the function's attribute (CPython's `method_getattro`).
            _ => match crate::builtins::classes::type_lookup(&METHOD_TYPE, name) {
                Some(d) => match vm.type_of(&d).descr_get.get() {
                    Some(get) => get(vm, &d, v, &METHOD_TYPE),
                    None => Ok(d),
                },
                None => {
                    let func = m.func.clone();
                    ops::getattr(vm, &func, name)
                }
            },
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
    // On the type too (CPython's `method_memberlist`, `method_getset`), so
    // `object.__getattribute__(m, '__doc__')` finds them.
    getsets: &[
        crate::types::GetSetDef { name: "__func__", get: |_, v| Ok(as_method(v).expect("a bound method").func.clone()), set: None, member: true },
        crate::types::GetSetDef {
            name: "__self__",
            get: |_, v| Ok(as_method(v).expect("a bound method").receiver.clone()),
            set: None,
            member: true,
        },
        crate::types::GetSetDef {
            name: "__doc__",
            get: |vm, v| {
                let func = as_method(v).expect("a bound method").func.clone();
                ops::getattr(vm, &func, &crate::builtins::str::intern("__doc__"))
            },
            set: None,
            member: false,
        },
    ],
    // `obj.f.__reduce__()`: `(getattr, (obj, f.__name__))` (CPython's
    // `method___reduce__`).
    methods: &[crate::types::MethodDef {
        name: "__reduce__",
        func: |vm, this, args, kwnames| {
            crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
            let m = as_method(this).expect("a bound method");
            let (func, receiver) = (m.func.clone(), m.receiver.clone());
            let name = ops::getattr(vm, &func, &crate::builtins::str::intern("__name__"))?;
            let getattr = crate::builtins::iter_pickle::builtin(vm, "getattr")?;
            Ok(crate::builtins::iter_pickle::reduce_value(getattr, vec![receiver, name], None))
        },
    }],
    ..TypeObject::builtin("method", Some(&OBJECT_TYPE), dealloc_method, trace_method)
};

unsafe fn dealloc_method(p: ObjPtr) {
    // SAFETY: bound methods are allocated by `new_method` as Obj<MethodData>.
    if unsafe { p.data::<MethodData>() }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_boxed::<MethodData>(p) }
}

fn trace_method(p: ObjPtr, visit: Visit) {
    // SAFETY: bound methods are Obj<MethodData>.
    let m = unsafe { p.data::<MethodData>() };
    visit_all(&[&m.func, &m.receiver], visit);
}

pub fn new_method(func: Value, receiver: Value) -> Value {
    Value::from_owned(alloc(&METHOD_TYPE, MethodData { func, receiver, weakly_referenced: std::cell::Cell::new(false) }))
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

/// `classmethod(f)` and `staticmethod(f)`: both wrap one callable, and
/// have a `__dict__` into which `f`'s `__module__`, `__name__`,
/// `__qualname__`, `__doc__` and `__annotations__` are copied (CPython's
/// `functools_wraps`) when `classmethod(f)` makes it.
pub struct WrapperData {
    pub func: Value,
    dict: RefCell<Value>,
}

impl WrapperData {
    fn new(func: Value) -> WrapperData {
        WrapperData { func, dict: RefCell::new(Value::NULL) }
    }

    /// As `PyClassMethod_New` makes them (`__init_subclass__` in a class
    /// body): nothing copied.
    fn bare(func: Value) -> WrapperData {
        WrapperData { func, dict: RefCell::new(crate::builtins::dict::new_dict()) }
    }
}

unsafe fn dealloc_wrapper(p: ObjPtr) {
    // SAFETY: classmethods and staticmethods are Obj<WrapperData>.
    unsafe { dealloc_boxed::<WrapperData>(p) }
}

fn trace_wrapper(p: ObjPtr, visit: Visit) {
    // SAFETY: classmethods and staticmethods are Obj<WrapperData>.
    let w = unsafe { p.data::<WrapperData>() };
    visit_all(&[&w.func, &w.dict.borrow()], visit);
}

fn wrapper_data(v: &Value) -> &WrapperData {
    let p = v.as_object().expect("a wrapper");
    // SAFETY: classmethods and staticmethods (and their subclasses'
    // instances, which their `new` allocates) are Obj<WrapperData>.
    unsafe { p.data::<WrapperData>() }
}

fn wrapper_new(vm: &mut Vm, ty: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, ty.name(), kwnames)?;
    match args {
        [f] => {
            let w = Value::from_owned(alloc(ty, WrapperData::new(f.clone())));
            wrapper_dict(vm, &w)?;
            Ok(w)
        }
        _ => Err(vm.type_error(format!("{} expected 1 argument, got {}", ty.name(), args.len()))),
    }
}

/// The wrapper's `__dict__`, made (with the callable's attributes copied)
/// on first use.
fn wrapper_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let w = wrapper_data(v);
    let existing = w.dict.borrow().clone();
    if !existing.is_null() {
        return Ok(existing);
    }
    let d = crate::builtins::dict::new_dict();
    let func = w.func.clone();
    for name in ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] {
        let key = crate::builtins::str::intern(name);
        match ops::getattr(vm, &func, &key) {
            Ok(value) => crate::builtins::dict::as_dict(&d).expect("a dict").set(vm, key, value)?,
            Err(e) if vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR) => {}
            Err(e) => return Err(e),
        }
    }
    *w.dict.borrow_mut() = d.clone();
    Ok(d)
}

fn wrapper_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let func = wrapper_data(v).func.clone();
    let r = ops::repr_string(vm, &func)?;
    Ok(new_str(&format!("<{}({})>", vm.type_of(v).name(), r)))
}

fn wrapper_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let func = wrapper_data(v).func.clone();
    match as_str(name).unwrap_or("") {
        "__func__" | "__wrapped__" => return Ok(func),
        "__isabstractmethod__" => {
            return match ops::getattr(vm, &func, name) {
                Ok(v) => Ok(v),
                Err(_) => Ok(vm.bool(false)),
            }
        }
        "__dict__" => return wrapper_dict(vm, v),
        _ => {}
    }
    let d = wrapper_dict(vm, v)?;
    if let Some(found) = crate::builtins::dict::as_dict(&d).expect("a dict").get(vm, name)? {
        return Ok(found);
    }
    generic_getattr(vm, v, name)
}

fn wrapper_setattr(vm: &mut Vm, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    match as_str(name).unwrap_or("") {
        "__func__" | "__wrapped__" => return Err(vm.error(&ATTRIBUTE_ERROR, "readonly attribute")),
        "__isabstractmethod__" | "__dict__" => {
            let msg = format!("attribute '{}' of '{}' objects is not writable", as_str(name).unwrap_or(""), vm.type_of(v).name());
            return Err(vm.error(&ATTRIBUTE_ERROR, msg));
        }
        _ => {}
    }
    let d = wrapper_dict(vm, v)?;
    classes::set_in_dict(vm, v, crate::builtins::dict::as_dict(&d).expect("a dict"), name, value)
}

pub static CLASSMETHOD_TYPE: TypeObject = TypeObject {
    new: Some(wrapper_new),
    repr: Slot::new(wrapper_repr),
    getattr: Slot::new(wrapper_getattr),
    setattr: Slot::new(wrapper_setattr),
    descr_get: Slot::new(|vm, v, obj, owner| {
        // The owner class given (CPython's `cm_descr_get` takes type(obj)
        // only when no type is passed, which Krait's callers always pass).
        let _ = obj;
        let func = as_classmethod(v).expect("classmethod slot").func.clone();
        let cls = owner;
        // 3.11 chains descriptors: a wrapped descriptor (a property) is
        // bound to the class as its instance.
        if as_function(&func).is_none() {
            if let Some(get) = vm.type_of(&func).descr_get.get() {
                return get(vm, &func, &type_value(cls), cls);
            }
        }
        Ok(new_method(func, type_value(cls)))
    }),
    ..TypeObject::builtin("classmethod", Some(&OBJECT_TYPE), dealloc_wrapper, trace_wrapper)
};

pub static STATICMETHOD_TYPE: TypeObject = TypeObject {
    new: Some(wrapper_new),
    repr: Slot::new(wrapper_repr),
    getattr: Slot::new(wrapper_getattr),
    setattr: Slot::new(wrapper_setattr),
    descr_get: Slot::new(|_, v, _, _| Ok(as_staticmethod(v).expect("staticmethod slot").func.clone())),
    call: Slot::new(|vm, v, args, kwnames| {
        let func = as_staticmethod(v).expect("staticmethod slot").func.clone();
        crate::eval::call(vm, &func, args, kwnames)
    }),
    ..TypeObject::builtin("staticmethod", Some(&OBJECT_TYPE), dealloc_wrapper, trace_wrapper)
};

pub fn new_classmethod(func: Value) -> Value {
    Value::from_owned(alloc(&CLASSMETHOD_TYPE, WrapperData::bare(func)))
}

pub fn new_staticmethod(func: Value) -> Value {
    Value::from_owned(alloc(&STATICMETHOD_TYPE, WrapperData::bare(func)))
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

pub use crate::builtins::property::PROPERTY_TYPE;

// ----- super ------------------------------------------------------------

pub struct SuperData {
    /// The class whose successors in the MRO are searched (`__thisclass__`).
    ty: Cell<Option<&'static TypeObject>>,
    /// The instance (or class) bound (`__self__`), NULL for an unbound
    /// `super(C)`; the type whose MRO is used (`__self_class__`).
    obj: RefCell<Value>,
    obj_type: Cell<Option<&'static TypeObject>>,
}

impl Default for SuperData {
    fn default() -> SuperData {
        SuperData { ty: Cell::new(None), obj: RefCell::new(Value::NULL), obj_type: Cell::new(None) }
    }
}

unsafe fn dealloc_super(p: ObjPtr) {
    // SAFETY: super objects are Obj<SuperData>.
    unsafe { dealloc_boxed::<SuperData>(p) }
}

fn trace_super(p: ObjPtr, visit: Visit) {
    // SAFETY: super objects (and those of its subclasses) start with a SuperData.
    visit_all(&[&unsafe { p.data::<SuperData>() }.obj.borrow()], visit);
}

pub(crate) fn as_super(v: &Value) -> Option<&SuperData> {
    let p = v.as_object()?;
    // SAFETY: super objects (and those of its subclasses) start with a SuperData.
    p.ty().is_subtype(&SUPER_TYPE).then(|| unsafe { p.data::<SuperData>() })
}

/// `super()` and `super(type[, obj])`: a new super object, filled as
/// `__init__` does.
fn super_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let sup = Value::from_owned(alloc(&SUPER_TYPE, SuperData::default()));
    super_init(vm, &sup, args, kwnames)?;
    Ok(sup)
}

/// `super.__init__(self[, type[, obj]])` (CPython's `super_init`).
fn super_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "super", kwnames)?;
    let (ty, obj) = match args {
        [] => {
            let (cls, obj) = crate::eval::super_arguments(vm)?;
            let Some(ty) = as_type(&cls) else {
                let msg = format!("super(): __class__ is not a type ({})", vm.type_of(&cls).name());
                return Err(vm.error(&RUNTIME_ERROR, msg));
            };
            (ty, obj)
        }
        [t] | [t, _] => {
            let Some(ty) = as_type(t) else {
                let msg = format!("super() argument 1 must be a type, not {}", vm.type_of(t).name());
                return Err(vm.type_error(msg));
            };
            (ty, args.get(1).filter(|o| !crate::builtins::singletons::is_none(o)).cloned().unwrap_or(Value::NULL))
        }
        _ => return Err(vm.type_error(format!("super() expected at most 2 arguments, got {}", args.len()))),
    };
    let obj_type = if obj.is_null() { None } else { Some(supercheck(vm, ty, &obj)?) };
    let s = as_super(this).expect("super.__init__ on a super object");
    s.ty.set(Some(ty));
    s.obj_type.set(obj_type);
    let old = std::mem::replace(&mut *s.obj.borrow_mut(), obj);
    drop(old);
    Ok(crate::builtins::singletons::none())
}

/// The type whose MRO `super(ty, obj)` searches: `obj` itself when it is
/// a subclass of `ty`, else its type, else its `__class__` when that is
/// a subclass of `ty` (a proxy; CPython's `supercheck`).
fn supercheck(vm: &mut Vm, ty: &'static TypeObject, obj: &Value) -> PyResult<&'static TypeObject> {
    if let Some(t) = as_type(obj).filter(|t| t.is_subtype(ty)) {
        return Ok(t);
    }
    let obj_type = vm.type_of_static(obj);
    if obj_type.is_subtype(ty) {
        return Ok(obj_type);
    }
    match ops::getattr(vm, obj, &crate::builtins::str::intern("__class__")) {
        Ok(c) => {
            if let Some(t) = as_type(&c).filter(|t| !std::ptr::eq(*t, obj_type) && t.is_subtype(ty)) {
                return Ok(t);
            }
        }
        Err(e) if vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR) => {}
        Err(e) => return Err(e),
    }
    Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"))
}

fn super_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let s = as_super(v).expect("super slot");
    let obj = s.obj.borrow().clone();
    if let (Some(start), Some(obj_type), false) = (s.ty.get(), s.obj_type.get(), as_str(name) == Some("__class__")) {
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

/// `super(C).__get__(obj)`: an unbound super binds to `obj`, through the
/// super object's own class (CPython's `super_descr_get`).
fn super_descr_get(vm: &mut Vm, v: &Value, obj: &Value, _: &'static TypeObject) -> PyResult<Value> {
    let s = as_super(v).expect("super slot");
    if obj.is_null() || !s.obj.borrow().is_null() {
        return Ok(v.clone());
    }
    let ty = type_value(s.ty.get().unwrap_or(&OBJECT_TYPE));
    let cls = vm.type_of_static(v);
    if std::ptr::eq(cls, &SUPER_TYPE) {
        return super_new(vm, &SUPER_TYPE, &[ty, obj.clone()], &[]);
    }
    crate::eval::call(vm, &type_value(cls), &[ty, obj.clone()], &[])
}

fn super_of(v: &Value) -> &SuperData {
    as_super(v).expect("a super object")
}

pub static SUPER_TYPE: TypeObject = TypeObject {
    new: Some(super_new),
    init: Some(super_init),
    getattr: Slot::new(super_getattr),
    descr_get: Slot::new(super_descr_get),
    repr: Slot::new(|_, v| {
        let s = super_of(v);
        let ty = s.ty.get().map_or("NULL", |t| t.name());
        Ok(new_str(&match s.obj_type.get() {
            Some(t) => format!("<super: <class '{ty}'>, <{} object>>", t.name()),
            None => format!("<super: <class '{ty}'>, NULL>"),
        }))
    }),
    getsets: &[
        crate::types::GetSetDef {
            name: "__thisclass__",
            get: |_, v| Ok(super_of(v).ty.get().map_or_else(crate::builtins::singletons::none, type_value)),
            set: None,
            member: true,
        },
        crate::types::GetSetDef {
            name: "__self__",
            get: |_, v| {
                let obj = super_of(v).obj.borrow().clone();
                Ok(if obj.is_null() { crate::builtins::singletons::none() } else { obj })
            },
            set: None,
            member: true,
        },
        crate::types::GetSetDef {
            name: "__self_class__",
            get: |_, v| Ok(super_of(v).obj_type.get().map_or_else(crate::builtins::singletons::none, type_value)),
            set: None,
            member: true,
        },
    ],
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
pub(crate) fn new_getset(owner: &'static TypeObject, def: &'static crate::types::GetSetDef) -> Value {
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
    let msg = format!("descriptor '{}' for '{}' objects doesn't apply to a '{}' object", name, owner.name(), vm.type_of(obj).name());
    Err(vm.type_error(msg))
}

/// A type's `__qualname__`: a class's own, a built-in's name without its
/// module.
fn short_name(ty: &'static TypeObject) -> String {
    match classes::heap(ty) {
        Some(h) => h.qualname(),
        None => ty.name().rsplit('.').next().unwrap_or(ty.name()).to_string(),
    }
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
        Ok(new_str(&format!("<attribute '{}' of '{}' objects>", g.def.name, g.owner.name())))
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
        let msg = format!("attribute '{}' of '{}' objects is not writable", g.def.name, g.owner.name());
        Err(vm.error(&ATTRIBUTE_ERROR, msg))
    }),
    getsets: &[
        GetSetDef { name: "__name__", get: |_, v| Ok(new_str(as_getset(v).def.name)), set: None, member: false },
        GetSetDef {
            name: "__qualname__",
            get: |_, v| {
                let g = as_getset(v);
                Ok(new_str(&format!("{}.{}", short_name(g.owner), g.def.name)))
            },
            set: None,
            member: false,
        },
        GetSetDef { name: "__objclass__", get: |_, v| Ok(crate::types::type_value(as_getset(v).owner)), set: None, member: true },
        // Its doc, from the doc tables (`docs::attribute_doc`).
        GetSetDef {
            name: "__doc__",
            get: |_, v| {
                let g = as_getset(v);
                Ok(crate::builtins::docs::attribute_doc(g.owner, g.def.name).map_or_else(crate::builtins::singletons::none, new_str))
            },
            set: None,
            member: false,
        },
    ],
    ..TypeObject::builtin("getset_descriptor", Some(&OBJECT_TYPE), dealloc_getset, crate::types::trace_nothing)
};

fn member_storage<'a>(vm: &mut Vm, m: &MemberData, obj: &'a Value) -> PyResult<&'a std::cell::RefCell<Vec<Value>>> {
    if !vm.type_of(obj).is_subtype(m.owner) {
        let msg = format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            m.name,
            m.owner.name(),
            vm.type_of(obj).name()
        );
        return Err(vm.type_error(msg));
    }
    classes::slot_value(obj, m.index).ok_or_else(|| vm.type_error("bad slot"))
}

pub static MEMBER_DESCRIPTOR_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, v| {
        let m = as_member(v);
        Ok(new_str(&format!("<member '{}' of '{}' objects>", m.name, m.owner.name())))
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
            let msg = format!("'{}' object has no attribute '{}'", vm.type_of(obj).name(), m.name);
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
    getsets: &[
        GetSetDef { name: "__name__", get: |_, v| Ok(new_str(&as_member(v).name)), set: None, member: false },
        GetSetDef {
            name: "__qualname__",
            get: |_, v| {
                let m = as_member(v);
                Ok(new_str(&format!("{}.{}", short_name(m.owner), m.name)))
            },
            set: None,
            member: false,
        },
        GetSetDef { name: "__objclass__", get: |_, v| Ok(crate::types::type_value(as_member(v).owner)), set: None, member: true },
        GetSetDef { name: "__doc__", get: |_, _| Ok(crate::builtins::singletons::none()), set: None, member: true },
    ],
    methods: &[crate::types::MethodDef {
        name: "__reduce__",
        func: |vm, this, args, kwnames| {
            crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
            let m = as_member(this);
            let name = m.name.clone();
            crate::builtins::iter_pickle::getattr_reduce(vm, crate::types::type_value(m.owner), &name)
        },
    }],
    ..TypeObject::builtin("member_descriptor", Some(&OBJECT_TYPE), dealloc_member, crate::types::trace_nothing)
};
