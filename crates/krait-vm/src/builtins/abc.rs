//! The `_abc` module (CPython's `Modules/_abc.c`): the machinery behind
//! `abc.ABCMeta` (`_abc_init`, `_abc_register`, `_abc_instancecheck`,
//! `_abc_subclasscheck`, the caches and `get_cache_token`), which `abc.py`
//! prefers to the pure-Python `_py_abc`.
//!
//! Invariants:
//! - Each ABC's state is an `_abc_data` object in its `_abc_impl`
//!   attribute: the classes registered with it, the classes known to be
//!   its subclasses (the cache) and known not to be (the negative cache,
//!   valid while its version equals the global invalidation counter, which
//!   every `register` moves).
//! - CPython keeps these as sets of weak references. Classes are immortal
//!   here (docs/vm.md), so the sets hold the classes' addresses, which stay
//!   valid; `_get_dump` gives weak references as CPython's does. When the
//!   cycle collector can free classes these must become weak.
//! - Only classes enter the sets (registration and the caches take classes
//!   only); membership is identity, as for weak references to classes
//!   whose metaclass keeps `type`'s `__eq__`.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;

use crate::builtins::dict::check_args;
use crate::builtins::function::{native_module_dict, new_module};
use crate::builtins::int::new_int;
use crate::builtins::list::as_list;
use crate::builtins::set::{set_from, FROZENSET_TYPE, SET_TYPE};
use crate::builtins::singletons::{is_not_implemented, none};
use crate::builtins::str::intern;
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{as_type, tp_flags, type_value, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    /// CPython's `abc_invalidation_counter`: moves on every registration.
    static INVALIDATION_COUNTER: Cell<u64> = const { Cell::new(0) };
}

fn counter() -> u64 {
    INVALIDATION_COUNTER.with(Cell::get)
}

/// A set of classes, by address, in the order they were added.
#[derive(Default)]
struct ClassSet {
    order: Vec<&'static TypeObject>,
    members: HashSet<usize>,
}

impl ClassSet {
    fn contains(&self, ty: &TypeObject) -> bool {
        self.members.contains(&(ty as *const TypeObject as usize))
    }

    fn add(&mut self, ty: &'static TypeObject) {
        if self.members.insert(ty as *const TypeObject as usize) {
            self.order.push(ty);
        }
    }

    fn clear(&mut self) {
        self.order.clear();
        self.members.clear();
    }
}

/// An ABC's state (`_abc._abc_data`).
#[derive(Default)]
struct AbcData {
    registry: RefCell<ClassSet>,
    cache: RefCell<ClassSet>,
    negative_cache: RefCell<ClassSet>,
    negative_version: Cell<u64>,
}

unsafe fn dealloc_data(p: ObjPtr) {
    // SAFETY: `_abc_data` objects are Obj<AbcData>.
    unsafe { dealloc_boxed::<AbcData>(p) }
}

/// The sets hold immortal classes only: nothing to visit.
fn trace_data(_: ObjPtr, _: Visit) {}

fn new_data() -> Value {
    let data = AbcData { negative_version: Cell::new(counter()), ..AbcData::default() };
    Value::from_owned(alloc(&ABC_DATA_TYPE, data))
}

pub static ABC_DATA_TYPE: TypeObject = TypeObject {
    new: Some(|vm, _, args, kwnames| {
        check_args(vm, "_abc_data", args, kwnames, 0, 0)?;
        Ok(new_data())
    }),
    ..TypeObject::builtin("_abc._abc_data", Some(&OBJECT_TYPE), dealloc_data, trace_data)
};

/// The final types: no class may derive from them.
pub const FINAL_TYPES: &[&str] = &["_abc._abc_data"];

pub fn new_abc_module(vm: &mut Vm) -> PyResult<Value> {
    const DOC: &str = "Module contains faster C implementation of abc.ABCMeta";
    let functions: [(&'static str, crate::types::CallFn); 8] = [
        ("get_cache_token", get_cache_token),
        ("_abc_init", abc_init),
        ("_abc_register", abc_register),
        ("_abc_instancecheck", abc_instancecheck),
        ("_abc_subclasscheck", abc_subclasscheck),
        ("_get_dump", get_dump),
        ("_reset_registry", reset_registry),
        ("_reset_caches", reset_caches),
    ];
    let d = native_module_dict(vm, "_abc", DOC, &functions)?;
    let dd = crate::builtins::dict::as_dict(&d).expect("a dict");
    dd.set(vm, intern("_abc_data"), type_value(&ABC_DATA_TYPE))?;
    Ok(new_module("_abc", d))
}

/// `self._abc_impl`, which must be an `_abc_data`.
fn impl_of(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let data = ops::getattr(vm, this, &intern("_abc_impl"))?;
    if !std::ptr::eq(vm.type_of(&data), &ABC_DATA_TYPE) {
        return Err(vm.type_error("_abc_impl is set to a wrong type"));
    }
    Ok(data)
}

fn data(v: &Value) -> &AbcData {
    // SAFETY: `impl_of` checked the type; `_abc_data` objects are Obj<AbcData>.
    unsafe { v.as_object().expect("an _abc_data").data::<AbcData>() }
}

fn get_cache_token(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "_abc.get_cache_token", args, kwnames, 0, 0)?;
    Ok(new_int(counter() as i64))
}

/// Is `value` abstract (a true `__isabstractmethod__`)?
fn is_abstract(vm: &mut Vm, value: &Value) -> PyResult<bool> {
    match ops::getattr_opt(vm, value, &intern("__isabstractmethod__"))? {
        Some(flag) => ops::truthy(vm, &flag),
        None => Ok(false),
    }
}

/// `_abc_init(cls)`: compute `cls.__abstractmethods__` (its own abstract
/// attributes, and those of its bases' that are still abstract on it) and
/// give it a fresh `_abc_impl`.
fn abc_init(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "_abc._abc_init", args, kwnames, 1, 1)?;
    let this = &args[0];
    let mut abstracts = Vec::new();
    let ns = ops::getattr(vm, this, &intern("__dict__"))?;
    let keys_method = ops::getattr(vm, &ns, &intern("keys"))?;
    let keys = crate::eval::call(vm, &keys_method, &[], &[])?;
    let keys = ops::collect(vm, &keys)?;
    for key in keys {
        let value = ops::getitem(vm, &ns, &key)?;
        if is_abstract(vm, &value)? {
            abstracts.push(key);
        }
    }
    let bases = ops::getattr(vm, this, &intern("__bases__"))?;
    let Some(bases) = as_tuple(&bases).map(|t| t.items.clone()) else {
        return Err(vm.type_error("__bases__ is not tuple"));
    };
    for base in &bases {
        let Some(base_abstracts) = ops::getattr_opt(vm, base, &intern("__abstractmethods__"))? else { continue };
        let it = ops::iter(vm, &base_abstracts)?;
        while let Some(key) = ops::next(vm, &it)? {
            let Some(value) = ops::getattr_opt(vm, this, &key)? else { continue };
            if is_abstract(vm, &value)? {
                abstracts.push(key);
            }
        }
    }
    let abstracts = set_from(vm, &FROZENSET_TYPE, abstracts)?;
    crate::builtins::classes::setattr(vm, this, &intern("__abstractmethods__"), Some(abstracts))?;
    crate::builtins::classes::setattr(vm, this, &intern("_abc_impl"), Some(new_data()))?;
    Ok(none())
}

/// `_abc_register(cls, subclass)`: `cls.register(subclass)`.
fn abc_register(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "_abc._abc_register", args, kwnames, 2, 2)?;
    let (this, subclass) = (&args[0], &args[1]);
    let Some(sub_ty) = as_type(subclass) else { return Err(vm.type_error("Can only register classes")) };
    if crate::builtins::functions::is_subclass(vm, subclass, this)? {
        return Ok(subclass.clone());
    }
    // Tested after "already a subclass", so X.register(X) is a no-op.
    if crate::builtins::functions::is_subclass(vm, this, subclass)? {
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "Refusing to create an inheritance cycle"));
    }
    let impl_value = impl_of(vm, this)?;
    data(&impl_value).registry.borrow_mut().add(sub_ty);
    INVALIDATION_COUNTER.with(|c| c.set(c.get() + 1));
    // A registered class becomes a sequence or mapping for `match` when
    // the ABC is one (CPython's `set_collection_flag_recursive`).
    if let Some(ty) = as_type(this) {
        let flag = ty.flags.get() & (tp_flags::SEQUENCE | tp_flags::MAPPING);
        if flag != 0 {
            set_collection_flag(sub_ty, flag);
        }
    }
    Ok(subclass.clone())
}

/// Give class `ty` and its subclasses collection flag `flag` (built-in
/// types, which are immutable, keep theirs).
fn set_collection_flag(ty: &'static TypeObject, flag: u32) {
    const COLLECTION: u32 = tp_flags::SEQUENCE | tp_flags::MAPPING;
    let Some(h) = ty.heap else { return };
    if ty.flags.get() & COLLECTION == flag {
        return;
    }
    ty.flags.set(ty.flags.get() & !COLLECTION | flag);
    let children = h.subclasses.borrow().clone();
    for child in children {
        set_collection_flag(child, flag);
    }
}

fn call_method(vm: &mut Vm, this: &Value, name: &'static str, arg: &Value) -> PyResult<Value> {
    let method = ops::getattr(vm, this, &intern(name))?;
    crate::eval::call(vm, &method, std::slice::from_ref(arg), &[])
}

/// `_abc_instancecheck(cls, instance)`: `isinstance(instance, cls)`.
fn abc_instancecheck(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "_abc._abc_instancecheck", args, kwnames, 2, 2)?;
    let (this, instance) = (&args[0], &args[1]);
    let impl_value = impl_of(vm, this)?;
    let d = data(&impl_value);
    let subclass = ops::getattr(vm, instance, &intern("__class__"))?;
    if as_type(&subclass).is_some_and(|t| d.cache.borrow().contains(t)) {
        return Ok(vm.bool(true));
    }
    let subtype = type_value(vm.type_of_static(instance));
    if subtype.is(&subclass) {
        let ty = as_type(&subclass).expect("a class");
        if d.negative_version.get() == counter() && d.negative_cache.borrow().contains(ty) {
            return Ok(vm.bool(false));
        }
        return call_method(vm, this, "__subclasscheck__", &subclass);
    }
    let result = call_method(vm, this, "__subclasscheck__", &subclass)?;
    if ops::truthy(vm, &result)? {
        return Ok(result);
    }
    call_method(vm, this, "__subclasscheck__", &subtype)
}

/// `_abc_subclasscheck(cls, subclass)`: `issubclass(subclass, cls)`, by
/// the caches, `__subclasshook__`, the MRO, the registry and the
/// subclasses, in that order.
fn abc_subclasscheck(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "_abc._abc_subclasscheck", args, kwnames, 2, 2)?;
    let (this, subclass) = (&args[0], &args[1]);
    let Some(sub_ty) = as_type(subclass) else { return Err(vm.type_error("issubclass() arg 1 must be a class")) };
    let impl_value = impl_of(vm, this)?;
    let d = data(&impl_value);
    // 1. The cache.
    if d.cache.borrow().contains(sub_ty) {
        return Ok(vm.bool(true));
    }
    // 2. The negative cache, cleared when registrations happened since.
    if d.negative_version.get() < counter() {
        d.negative_cache.borrow_mut().clear();
        d.negative_version.set(counter());
    } else if d.negative_cache.borrow().contains(sub_ty) {
        return Ok(vm.bool(false));
    }
    // 3. The subclass hook.
    let ok = call_method(vm, this, "__subclasshook__", subclass)?;
    if ok.is(&vm.bool(true)) {
        d.cache.borrow_mut().add(sub_ty);
        return Ok(ok);
    }
    if ok.is(&vm.bool(false)) {
        d.negative_cache.borrow_mut().add(sub_ty);
        return Ok(ok);
    }
    if !is_not_implemented(&ok) {
        let msg = "__subclasshook__ must return either False, True, or NotImplemented";
        return Err(vm.error(&crate::builtins::exceptions::ASSERTION_ERROR, msg));
    }
    // 4. A direct subclass.
    if let Some(this_ty) = as_type(this) {
        if sub_ty.mro().any(|t| std::ptr::eq(t, this_ty)) {
            d.cache.borrow_mut().add(sub_ty);
            return Ok(vm.bool(true));
        }
    }
    // 5. A subclass of a registered class (a registered class itself is
    // not cached, as in CPython).
    if d.registry.borrow().contains(sub_ty) {
        return Ok(vm.bool(true));
    }
    let registered = d.registry.borrow().order.clone();
    for r in registered {
        if crate::builtins::functions::is_subclass(vm, subclass, &type_value(r))? {
            d.cache.borrow_mut().add(sub_ty);
            return Ok(vm.bool(true));
        }
    }
    // 6. A subclass of a subclass.
    let method = ops::getattr(vm, this, &intern("__subclasses__"))?;
    let subclasses = crate::eval::call(vm, &method, &[], &[])?;
    let Some(subclasses) = as_list(&subclasses).map(|l| l.items.borrow().clone()) else {
        return Err(vm.type_error("__subclasses__() must return a list"));
    };
    for scls in &subclasses {
        if crate::builtins::functions::is_subclass(vm, subclass, scls)? {
            d.cache.borrow_mut().add(sub_ty);
            return Ok(vm.bool(true));
        }
    }
    d.negative_cache.borrow_mut().add(sub_ty);
    Ok(vm.bool(false))
}

/// Weak references to the classes of `set`, as a set.
fn weak_set(vm: &mut Vm, set: &ClassSet) -> PyResult<Value> {
    let mut refs = Vec::with_capacity(set.order.len());
    for &ty in &set.order {
        refs.push(crate::builtins::weakref::new_ref(vm, &type_value(ty))?);
    }
    set_from(vm, &SET_TYPE, refs)
}

/// `_get_dump(cls)`: (registry, cache, negative cache, its version), the
/// sets as sets of weak references.
fn get_dump(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "_abc._get_dump", args, kwnames, 1, 1)?;
    let impl_value = impl_of(vm, &args[0])?;
    let d = data(&impl_value);
    let registry = weak_set(vm, &d.registry.borrow())?;
    let cache = weak_set(vm, &d.cache.borrow())?;
    let negative = weak_set(vm, &d.negative_cache.borrow())?;
    Ok(new_tuple(vec![registry, cache, negative, new_int(d.negative_version.get() as i64)]))
}

fn reset_registry(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "_abc._reset_registry", args, kwnames, 1, 1)?;
    let impl_value = impl_of(vm, &args[0])?;
    data(&impl_value).registry.borrow_mut().clear();
    Ok(none())
}

fn reset_caches(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "_abc._reset_caches", args, kwnames, 1, 1)?;
    let impl_value = impl_of(vm, &args[0])?;
    let d = data(&impl_value);
    d.cache.borrow_mut().clear();
    d.negative_cache.borrow_mut().clear();
    Ok(none())
}
