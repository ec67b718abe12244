//! The methods of built-in types as Python sees them on the type:
//! `<method 'append' of 'list' objects>` (CPython's `method_descriptor`),
//! class methods (`dict.fromkeys`, `object.__init_subclass__`), and
//! `__new__` (a built-in method bound to its type, as CPython's
//! `tp_new_wrapper`); and what `__new__` and `__init__` of a built-in type
//! do.
//!
//! Invariants:
//! - One `BuiltinAttrData` describes every attribute a built-in type's
//!   namespace holds for a table entry or a slot: its owner, its name and
//!   what it wraps. Entries of `methods` and `class_methods` are
//!   `method_descriptor`s; slots are `wrapper_descriptor`s
//!   (`slot_wrappers`). All are made once, when the type's namespace is
//!   (`slot_wrappers::builtin_dict`), so `list.append is list.append`.
//! - Calling one unbound checks the receiver's type with CPython's
//!   messages; binding one to an instance (`[].append`) checks it too.

use crate::builtins::classes;
use crate::builtins::docs;
use crate::builtins::exceptions::{BASE_EXCEPTION, NOT_IMPLEMENTED_ERROR};
use crate::builtins::function::bind_builtin;
use crate::builtins::singletons::none;
use crate::builtins::slot_wrappers::{Wrapped, WRAPPER_DESCRIPTOR_TYPE};
use crate::builtins::str::new_str;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{as_type, type_value, CallFn, GetSetDef, Slot, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::descriptors::{new_method, CLASSMETHOD_TYPE, STATICMETHOD_TYPE};

/// A built-in type's method, class method, `__new__` or slot wrapper.
pub struct BuiltinAttrData {
    pub owner: &'static TypeObject,
    pub name: &'static str,
    pub wrapped: Wrapped,
    /// The function of a `Wrapped::Method` or `Wrapped::ClassMethod`.
    pub method: Option<CallFn>,
}

pub(crate) unsafe fn dealloc_builtin_attr(p: ObjPtr) {
    // SAFETY: method and wrapper descriptors are Obj<BuiltinAttrData>.
    unsafe { dealloc_boxed::<BuiltinAttrData>(p) }
}

/// The data attributes both descriptor types answer: `__name__`,
/// `__qualname__` (`int.__add__`), `__objclass__`, and `__doc__` and
/// `__text_signature__` from the doc tables (`docs`).
pub(crate) static DESCRIPTOR_GETSETS: [GetSetDef; 5] = [
    GetSetDef { name: "__name__", get: |_, v| Ok(new_str(attr_data(v).name)), set: None, member: false },
    GetSetDef {
        name: "__qualname__",
        get: |_, v| {
            let d = attr_data(v);
            Ok(new_str(&format!("{}.{}", d.owner.name(), d.name)))
        },
        set: None,
        member: false,
    },
    GetSetDef { name: "__objclass__", get: |_, v| Ok(type_value(attr_data(v).owner)), set: None, member: true },
    GetSetDef { name: "__doc__", get: |_, v| Ok(docs::doc_value(attr_doc(v))), set: None, member: false },
    GetSetDef { name: "__text_signature__", get: |_, v| Ok(docs::text_signature_value(attr_doc(v))), set: None, member: false },
];

/// The doc entry of a method or wrapper descriptor (or of the descriptor
/// behind a `method-wrapper`).
pub(crate) fn attr_doc(v: &Value) -> Option<&'static str> {
    let d = attr_data(v);
    docs::method_doc(d.owner, d.name)
}

fn attr_data(v: &Value) -> &BuiltinAttrData {
    // The getsets are reached only through these two types (the getset
    // descriptor checks the instance's type first).
    as_builtin_attr(v).expect("a method or wrapper descriptor")
}

/// `<method 'name' of 'type' objects>`.
fn descriptor_repr(_: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = attr_data(v);
    Ok(new_str(&format!("<method '{}' of '{}' objects>", d.name, d.owner.name())))
}

/// `str.upper.__reduce__()`: `(getattr, (str, 'upper'))`; also the slot
/// wrappers' (CPython's `descr_reduce`).
pub(crate) fn descriptor_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let d = attr_data(this);
    crate::builtins::iter_pickle::getattr_reduce(vm, type_value(d.owner), d.name)
}

/// A method descriptor bound to an instance, or (a class method) to the
/// class.
fn descriptor_get(vm: &mut Vm, v: &Value, obj: &Value, owner: &'static TypeObject) -> PyResult<Value> {
    let d = attr_data(v);
    match d.wrapped {
        Wrapped::ClassMethod => {
            let cls = if obj.is_null() { owner } else { vm.type_of_static(obj) };
            match d.method {
                Some(f) => Ok(bind_builtin(type_value(cls), d.name, f)),
                None => Ok(new_method(v.clone(), type_value(cls))),
            }
        }
        _ if obj.is_null() => Ok(v.clone()),
        _ => {
            check_receiver(vm, d, obj)?;
            match d.method {
                Some(f) => Ok(bind_builtin(obj.clone(), d.name, f)),
                None => Ok(new_method(v.clone(), obj.clone())),
            }
        }
    }
}

pub static METHOD_DESCRIPTOR_TYPE: TypeObject = TypeObject {
    repr: Slot::new(descriptor_repr),
    call: Slot::new(call_method_descriptor),
    descr_get: Slot::new(descriptor_get),
    getsets: &DESCRIPTOR_GETSETS,
    methods: &[crate::types::MethodDef { name: "__reduce__", func: descriptor_reduce }],
    ..TypeObject::builtin("method_descriptor", Some(&OBJECT_TYPE), dealloc_builtin_attr, crate::types::trace_nothing)
};

/// A built-in type's class method in its `__dict__` (`dict.fromkeys`).
pub static CLASSMETHOD_DESCRIPTOR_TYPE: TypeObject = TypeObject {
    repr: Slot::new(descriptor_repr),
    call: Slot::new(call_method_descriptor),
    descr_get: Slot::new(descriptor_get),
    getsets: &DESCRIPTOR_GETSETS,
    ..TypeObject::builtin("classmethod_descriptor", Some(&OBJECT_TYPE), dealloc_builtin_attr, crate::types::trace_nothing)
};

/// The data of a method or wrapper descriptor.
pub fn as_builtin_attr(v: &Value) -> Option<&BuiltinAttrData> {
    let p = v.as_object()?;
    let t = p.type_ptr();
    // SAFETY: objects of these two types are Obj<BuiltinAttrData>.
    (std::ptr::eq(t, &METHOD_DESCRIPTOR_TYPE)
        || std::ptr::eq(t, &WRAPPER_DESCRIPTOR_TYPE)
        || std::ptr::eq(t, &CLASSMETHOD_DESCRIPTOR_TYPE))
        .then(|| unsafe { p.data::<BuiltinAttrData>() })
}

/// Is `v` a built-in method or slot wrapper that takes the instance as its
/// first argument?
pub fn is_unbound_builtin(v: &Value) -> bool {
    as_builtin_attr(v).is_some_and(|d| d.wrapped != Wrapped::ClassMethod)
}

/// `owner.__new__`: a built-in method bound to the type, which takes the
/// class to instantiate first (CPython's `tp_new_wrapper`).
pub(crate) fn new_builtin_new(owner: &'static TypeObject) -> Value {
    bind_builtin(type_value(owner), "__new__", tp_new_wrapper)
}

fn tp_new_wrapper(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    match as_type(this) {
        Some(owner) => builtin_new(vm, owner, args, kwnames),
        None => Err(vm.type_error("__new__ of a non-type")),
    }
}

/// The built-in type whose `__new__` `v` is, if it is one.
pub fn builtin_new_owner(v: &Value) -> Option<&'static TypeObject> {
    let (receiver, func) = crate::builtins::function::bound_builtin_parts(v)?;
    (func as usize == tp_new_wrapper as *const () as usize).then(|| as_type(receiver)).flatten()
}

/// Is `v` built-in type `owner`'s `__new__`?
#[inline]
pub fn is_builtin_new(v: &Value, owner: &'static TypeObject) -> bool {
    crate::builtins::function::bound_builtin_parts(v).is_some_and(|(receiver, func)| {
        func as usize == tp_new_wrapper as *const () as usize && receiver.as_object() == Some(owner.as_ptr())
    })
}

/// Is `v` the wrapper `wrapped` of built-in type `owner`?
pub fn is_builtin_slot(v: &Value, owner: &TypeObject, wrapped: Wrapped) -> bool {
    as_builtin_attr(v).is_some_and(|d| std::ptr::eq(d.owner, owner) && d.wrapped == wrapped)
}

/// A method descriptor for native `func` in class `owner`'s namespace
/// (bound to the instance on look-up, as a built-in type's methods).
pub fn new_method_descriptor(owner: &'static TypeObject, name: &'static str, func: CallFn) -> Value {
    new_builtin_attr(owner, name, Wrapped::Method, Some(func))
}

/// The descriptor for `name` of built-in type `owner`: a
/// `wrapper_descriptor` for a slot, else a `method_descriptor`.
pub(crate) fn new_builtin_attr(owner: &'static TypeObject, name: &'static str, wrapped: Wrapped, method: Option<CallFn>) -> Value {
    let ty = match wrapped {
        _ if wrapped.is_slot() => &WRAPPER_DESCRIPTOR_TYPE,
        Wrapped::ClassMethod => &CLASSMETHOD_DESCRIPTOR_TYPE,
        _ => &METHOD_DESCRIPTOR_TYPE,
    };
    Value::from_owned(alloc(ty, BuiltinAttrData { owner, name, wrapped, method }))
}

/// Is `obj` an instance of the method's type? CPython's `descr_check`.
#[inline]
pub(crate) fn check_receiver(vm: &mut Vm, d: &BuiltinAttrData, obj: &Value) -> PyResult<()> {
    let t = vm.type_of(obj);
    if std::ptr::eq(t, d.owner) || t.is_subtype(d.owner) {
        return Ok(());
    }
    Err(receiver_error(vm, d, obj))
}

#[cold]
fn receiver_error(vm: &mut Vm, d: &BuiltinAttrData, obj: &Value) -> crate::vm::PyErr {
    let msg = format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        d.name,
        d.owner.name(),
        vm.type_of(obj).name()
    );
    vm.type_error(msg)
}

/// Calling a method descriptor: the instance (or the class, for a class
/// method) comes first.
fn call_method_descriptor(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = attr_data(callable);
    let (owner, name, wrapped, method) = (d.owner, d.name, d.wrapped, d.method);
    let Some((this, rest)) = args.split_first().filter(|_| args.len() > kwnames.len()) else {
        let msg = match wrapped {
            Wrapped::Method => format!("unbound method {}.{}() needs an argument", owner.name(), name),
            _ => format!("descriptor '{}' of '{}' object needs an argument", name, owner.name()),
        };
        return Err(vm.type_error(msg));
    };
    match (wrapped, method) {
        (Wrapped::ClassMethod, Some(f)) => f(vm, this, rest, kwnames),
        (_, Some(f)) => {
            check_receiver(vm, d, this)?;
            f(vm, this, rest, kwnames)
        }
        (_, None) => Err(vm.error(&NOT_IMPLEMENTED_ERROR, format!("calling {}.{}", owner.name(), name))),
    }
}

// ----- __init__ and __new__ of built-in types ---------------------------

/// Built-in types a class may derive from, keeping their payload: their
/// `new` slot allocates for the class it is given.
pub fn subclassable_builtin(ty: &TypeObject) -> bool {
    [&CLASSMETHOD_TYPE, &STATICMETHOD_TYPE].iter().any(|t| std::ptr::eq(*t, ty))
}

/// `owner.__init__(self, *args, **kwargs)` for a built-in `owner`.
pub(crate) fn builtin_init(vm: &mut Vm, owner: &'static TypeObject, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // classmethod/staticmethod: their __new__ already took the
    // arguments.
    if subclassable_builtin(owner) {
        return Ok(none());
    }
    if let Some(init) = owner.init {
        return init(vm, this, args, kwnames);
    }
    if std::ptr::eq(owner, &BASE_EXCEPTION) {
        crate::builtins::exceptions::exception_init(vm, this, args, kwnames)?;
        return Ok(none());
    }
    object_init(vm, this, args)
}

/// Does class `ty` get `name` from somewhere other than built-in `owner`?
fn overrides(ty: &'static TypeObject, name: &str, owner: &TypeObject, wrapped: Wrapped) -> bool {
    match classes::type_lookup(ty, &crate::builtins::str::intern(name)) {
        Some(v) => !is_builtin_slot(&v, owner, wrapped),
        None => false,
    }
}

/// Does class `ty` get `__new__` from somewhere other than `object`?
/// For a class, its `tp_new` says (CPython's `type->tp_new != object_new`).
fn overrides_new(ty: &'static TypeObject) -> bool {
    if let Some(h) = classes::heap(ty) {
        return !h.tp_new.get().is_some_and(|t| std::ptr::eq(t, &OBJECT_TYPE));
    }
    match classes::type_lookup(ty, &crate::builtins::str::intern("__new__")) {
        Some(v) => !is_builtin_new(&v, &OBJECT_TYPE),
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
        if !overrides_new(ty) {
            let msg = format!("{}.__init__() takes exactly one argument (the instance to initialize)", ty.name());
            return Err(vm.type_error(msg));
        }
    }
    Ok(none())
}

/// `owner.__new__(cls, *args)` for a built-in `owner`.
pub(crate) fn builtin_new(vm: &mut Vm, owner: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some((cls, rest)) = args.split_first().filter(|_| args.len() > kwnames.len()) else {
        return Err(vm.type_error(format!("{}.__new__(): not enough arguments", owner.name())));
    };
    let Some(cls) = as_type(cls) else {
        let msg = format!("{}.__new__(X): X is not a type object ({})", owner.name(), vm.type_of(cls).name());
        return Err(vm.type_error(msg));
    };
    if !cls.is_subtype(owner) {
        let msg = format!("{}.__new__({}): {} is not a subtype of {}", owner.name(), cls.name(), cls.name(), owner.name());
        return Err(vm.type_error(msg));
    }
    if std::ptr::eq(owner, &OBJECT_TYPE) {
        return object_new(vm, cls, rest, kwnames);
    }
    // The exception types share BaseException's `new` slot (so their
    // `__new__` is BaseException's), which makes a group for a group class.
    if owner.is_subtype(&BASE_EXCEPTION) && cls.is_subtype(&crate::builtins::exceptions::BASE_EXCEPTION_GROUP) {
        return crate::builtins::exception_group::group_new(vm, cls, rest, kwnames);
    }
    if owner.is_subtype(&BASE_EXCEPTION) {
        return Ok(classes::alloc_exception(cls, rest.to_vec()));
    }
    if std::ptr::eq(owner, &crate::types::TYPE_TYPE) {
        return crate::types::type_new(vm, cls, rest, kwnames);
    }
    // `module.__new__` makes an uninitialized module; `__init__` names it.
    if std::ptr::eq(owner, &crate::builtins::module::MODULE_TYPE) {
        return Ok(crate::builtins::module::alloc_module(cls));
    }
    // CPython's `tp_new_wrapper` safety check: the nearest built-in base
    // of `cls` must be made by this same `new` (`int.__new__(bool)` is
    // refused). Krait's dict subclasses (OrderedDict, defaultdict) have
    // their own `new` where CPython's inherit dict's, so dict is exempt.
    let static_base = cls.mro().find(|t| t.heap.is_none()).unwrap_or(cls);
    if owner.new.map(|f| f as usize) != static_base.new.map(|f| f as usize) && !std::ptr::eq(owner, &crate::builtins::dict::DICT_TYPE) {
        let msg = format!("{}.__new__({}) is not safe, use {}.__new__()", owner.name(), cls.name(), static_base.name());
        return Err(vm.type_error(msg));
    }
    if !std::ptr::eq(cls, owner) && !subclassable_builtin(owner) {
        let Some(base) = classes::builtin_base(owner) else {
            let msg = format!("{}.__new__ for a subclass", owner.name());
            return Err(vm.error(&NOT_IMPLEMENTED_ERROR, msg));
        };
        // The mutable built-ins start empty (their `__init__` fills them);
        // the others are made by the built-in, then re-made for `cls`,
        // unless the built-in makes instances of a class itself.
        if owner.init.is_some() && !base.made_by_new() {
            return base.rebox(vm, cls, None);
        }
        if !base.made_by_new() {
            // `tuple.__new__`, `frozenset.__new__` and `float.__new__`
            // leave keywords to a class's own `__init__`.
            let immutable = std::ptr::eq(owner, &crate::builtins::tuple::TUPLE_TYPE)
                || std::ptr::eq(owner, &crate::builtins::set::FROZENSET_TYPE)
                || std::ptr::eq(owner, &crate::builtins::float::FLOAT_TYPE);
            let (rest, kwnames) = if immutable && !kwnames.is_empty() && classes::overrides(cls, owner, "__init__") {
                (&rest[..rest.len() - kwnames.len()], &[][..])
            } else {
                (rest, kwnames)
            };
            let exact = match owner.new {
                Some(f) => f(vm, owner, rest, kwnames)?,
                None => return Err(vm.type_error(format!("cannot create '{}' instances", owner.name()))),
            };
            return base.rebox(vm, cls, Some(&exact));
        }
    }
    match owner.new {
        Some(f) => f(vm, cls, rest, kwnames),
        None => Err(vm.type_error(format!("cannot create '{}' instances", owner.name()))),
    }
}

/// CPython's "Can't instantiate abstract class C with abstract methods
/// a, b": the names of the class's own `__abstractmethods__`, sorted.
fn abstract_class_error(vm: &mut Vm, cls: &'static TypeObject) -> crate::vm::PyErr {
    let names = classes::heap(cls)
        .and_then(|h| crate::builtins::dict::as_dict(&h.dict)?.get_str(&crate::builtins::str::intern("__abstractmethods__")));
    let mut names: Vec<String> = match names {
        Some(v) => match crate::ops::collect(vm, &v) {
            Ok(items) => items.iter().map(|n| crate::builtins::str::as_str(n).unwrap_or("?").to_string()).collect(),
            Err(e) => return e,
        },
        None => Vec::new(),
    };
    names.sort();
    let s = if names.len() > 1 { "s" } else { "" };
    let msg = format!("Can't instantiate abstract class {} with abstract method{} {}", cls.name(), s, names.join(", "));
    vm.type_error(msg)
}

/// `object.__new__(cls, *args)` (CPython's `object_new`).
pub fn object_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    if !args.is_empty() {
        if overrides_new(cls) {
            return Err(vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if !overrides(cls, "__init__", &OBJECT_TYPE, Wrapped::Init) {
            return Err(vm.type_error(format!("{}() takes no arguments", cls.name())));
        }
    }
    if cls.flags.get() & crate::types::tp_flags::IS_ABSTRACT != 0 {
        return Err(abstract_class_error(vm, cls));
    }
    match classes::heap(cls) {
        _ if std::ptr::eq(cls, &OBJECT_TYPE) => Ok(Value::from_owned(alloc(&OBJECT_TYPE, ()))),
        Some(h) if h.layout == classes::Layout::Object => Ok(classes::alloc_instance(cls)),
        _ => {
            let base = cls.mro().find(|t| t.heap.is_none()).unwrap_or(cls);
            let msg = format!("object.__new__({}) is not safe, use {}.__new__()", cls.name(), base.name());
            Err(vm.type_error(msg))
        }
    }
}
