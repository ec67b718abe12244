//! Classes: the types `class` statements and `type(name, bases, dict)`
//! make, their instances, and the generic attribute protocol
//! (CPython's `Objects/typeobject.c` and `PyObject_GenericGetAttr`).
//!
//! Invariants:
//! - A class is a `TypeObject` whose `heap` holds its namespace (a dict),
//!   its bases and its C3 MRO; it is leaked and immortal (see `types`).
//! - Its layout is its "solid base"'s: instances of a class whose built-in
//!   ancestor is `object` are `Obj<InstanceData>`; of a subclass of
//!   BaseException, `Obj<ExceptionData>`. Other built-in bases are not
//!   subclassable yet (NotImplementedError names them).
//! - Instance attributes use shared-key storage: each class has one table
//!   of attribute names (`HeapType::keys`, append-only, so an index never
//!   changes meaning); an instance holds its values by index and the order
//!   it set them in. Asking for `__dict__` moves the values into a real
//!   dict, which is from then on the instance's only storage.
//! - A class's slots are filled when it is made (`fill_slots`) and
//!   refilled, in the class and its subclasses, whenever a dunder is
//!   assigned to or deleted from one of them (`update_slot`): a slot
//!   dispatches to the dunder when a class in the MRO defines one, else it
//!   is the solid base's.
//! - Attribute look-up on an instance is CPython's: data descriptors on the
//!   type, then the instance's storage, then other descriptors and class
//!   attributes, then `__getattr__`.

use std::cell::RefCell;

use crate::builtins::descriptors::{self, new_classmethod, new_staticmethod};
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::{self, as_exception, ExceptionData, ATTRIBUTE_ERROR, BASE_EXCEPTION, NOT_IMPLEMENTED_ERROR};
use crate::builtins::function::{as_cell, as_function};
use crate::builtins::singletons::{is_none, is_not_implemented, none};
use crate::builtins::str::{as_str, new_str};
use crate::builtins::tuple::new_tuple;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{as_type, type_value, BinOp, CompareOp, NumberSlots, TypeObject, Visit, OBJECT_TYPE, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// How a class's instances are laid out: its solid base's payload.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    Object,
    Exception,
    /// A metaclass: instances are classes (`TypeObject`s).
    Type,
    /// A built-in solid base other than `object` and the exceptions:
    /// instances keep its payload first. Those of `dict`, `list`, `int`,
    /// `str`, `tuple`, `set` and `frozenset` are `Subclassed<T>`, with
    /// instance storage after the payload; those of `classmethod`,
    /// `staticmethod` and `property` (whose `new` allocates for the class
    /// it is given) have no `__dict__`.
    Builtin,
}

/// An instance of a class derived from a built-in type: the built-in's
/// payload first, where the built-in's own code reads it (so `as_dict`
/// and friends work on it unchanged), then the class's attribute storage.
#[repr(C)]
pub struct Subclassed<T> {
    pub base: T,
    pub inst: InstanceData,
}

type Dealloc = unsafe fn(ObjPtr);

/// How the instances of classes derived from one built-in type are made.
pub struct BuiltinBase {
    pub ty: &'static TypeObject,
    dealloc: Dealloc,
    /// Where `InstanceData` sits, from the start of the object.
    inst_offset: usize,
    /// An instance of class `cls` holding the value of `exact` (an
    /// instance of the built-in itself), or an empty one when `exact` is
    /// `None` (the mutable types, which `__init__` fills). `None` for the
    /// built-ins whose `new` slot makes the instances of a class itself
    /// (`alloc_subclassed`): the itertools types.
    rebox: Option<Rebox>,
}

type Rebox = fn(&mut Vm, &'static TypeObject, Option<&Value>) -> PyResult<Value>;

impl BuiltinBase {
    /// See the `rebox` field.
    pub fn rebox(&self, vm: &mut Vm, cls: &'static TypeObject, exact: Option<&Value>) -> PyResult<Value> {
        match self.rebox {
            Some(f) => f(vm, cls, exact),
            None => {
                let msg = format!("{}.__new__ makes the instances of its subclasses itself", self.ty.name);
                Err(vm.error(&NOT_IMPLEMENTED_ERROR, msg))
            }
        }
    }

    /// Does the built-in's `new` slot make the instances of a class
    /// derived from it (rather than `rebox`)?
    pub fn made_by_new(&self) -> bool {
        self.rebox.is_none()
    }

    /// The base for a built-in whose `new` slot allocates instances of
    /// the class it is given, `Subclassed<T>` for a class.
    pub(crate) fn allocated_by_new<T>(ty: &'static TypeObject) -> BuiltinBase {
        BuiltinBase { rebox: None, ..BuiltinBase::of::<T>(ty, |_, _, _| Ok(none())) }
    }

    /// The base for a mutable built-in whose `new` slot fills the object
    /// (as `dict`'s does): a class's instances start as `T::default()`
    /// and its `__init__` fills them.
    pub(crate) fn filled_by_init<T: Default>(ty: &'static TypeObject) -> BuiltinBase {
        BuiltinBase::of::<T>(ty, |_, cls, _| Ok(alloc_subclassed(cls, T::default())))
    }

    /// As `allocated_by_new`, with a dealloc of the built-in's own that
    /// ends in `dealloc_subclassed::<T>`.
    pub(crate) fn allocated_by_new_with<T>(ty: &'static TypeObject, dealloc: Dealloc) -> BuiltinBase {
        BuiltinBase { dealloc, ..BuiltinBase::allocated_by_new::<T>(ty) }
    }

    fn of<T>(ty: &'static TypeObject, rebox: Rebox) -> BuiltinBase {
        // The payload must sit where it does in the built-in's own objects.
        debug_assert_eq!(
            std::mem::offset_of!(crate::object::Obj<Subclassed<T>>, data),
            std::mem::offset_of!(crate::object::Obj<T>, data)
        );
        let inst_offset =
            std::mem::offset_of!(crate::object::Obj<Subclassed<T>>, data) + std::mem::offset_of!(Subclassed<T>, inst);
        BuiltinBase { ty, dealloc: dealloc_subclassed::<T>, inst_offset, rebox: Some(rebox) }
    }
}

pub(crate) unsafe fn dealloc_subclassed<T>(p: ObjPtr) {
    // SAFETY: instances of classes derived from built-in payload `T` are
    // Obj<Subclassed<T>> (see `alloc_subclassed`).
    if unsafe { &p.data::<Subclassed<T>>().inst }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_boxed::<Subclassed<T>>(p) }
}

/// A new instance of `cls` (derived from a built-in) with payload `base`.
pub fn alloc_subclassed<T>(cls: &'static TypeObject, base: T) -> Value {
    let nslots = heap(cls).map_or(0, |h| h.nslots);
    Value::from_owned(alloc(cls, Subclassed { base, inst: InstanceData::new(nslots) }))
}

/// The built-in types whose subclasses' instances are `Subclassed<T>`.
pub fn builtin_base(ty: &'static TypeObject) -> Option<BuiltinBase> {
    use crate::builtins::{bytes, complex, dict, float, int, list, set, str as str_mod, tuple};
    let is = |t: &TypeObject| std::ptr::eq(ty, t);
    Some(if is(&dict::DICT_TYPE) {
        BuiltinBase::of::<dict::DictData>(ty, |_, cls, _| Ok(alloc_subclassed(cls, dict::DictData::default())))
    } else if is(&list::LIST_TYPE) {
        BuiltinBase::of::<list::ListData>(ty, |_, cls, _| Ok(alloc_subclassed(cls, list::ListData::new(Vec::new()))))
    } else if is(&set::SET_TYPE) {
        BuiltinBase::of::<set::SetData>(ty, |_, cls, _| Ok(alloc_subclassed(cls, set::SetData::default())))
    } else if is(&set::FROZENSET_TYPE) {
        BuiltinBase::of::<set::SetData>(ty, |vm, cls, exact| {
            let data = set::SetData::default();
            if let Some(v) = exact {
                data.update(vm, v)?;
            }
            Ok(alloc_subclassed(cls, data))
        })
    } else if is(&int::INT_TYPE) {
        BuiltinBase::of::<dashu_int::IBig>(ty, |_, cls, exact| {
            let i = exact.and_then(int::int_of).map_or(dashu_int::IBig::ZERO, |i| i.to_ibig());
            Ok(alloc_subclassed(cls, i))
        })
    } else if is(&float::FLOAT_TYPE) {
        BuiltinBase::of::<f64>(ty, |_, cls, exact| Ok(alloc_subclassed(cls, exact.and_then(float::float_of).unwrap_or(0.0))))
    } else if is(&str_mod::STR_TYPE) {
        BuiltinBase::of::<str_mod::StrData>(ty, |_, cls, exact| {
            let data = exact.and_then(str_mod::as_str_data).map_or_else(|| str_mod::StrData::from_text(""), |d| d.copy());
            Ok(alloc_subclassed(cls, data))
        })
    } else if is(&tuple::TUPLE_TYPE) {
        BuiltinBase::of::<tuple::TupleData>(ty, |_, cls, exact| {
            let items = exact.and_then(tuple::as_tuple).map_or_else(Vec::new, |t| t.items.clone());
            Ok(alloc_subclassed(cls, tuple::TupleData { items }))
        })
    } else if is(&bytes::BYTES_TYPE) {
        BuiltinBase::of::<bytes::BytesData>(ty, |_, cls, exact| {
            let data = bytes::BytesData::new(exact.and_then(bytes::as_bytes).map_or_else(Vec::new, <[u8]>::to_vec));
            Ok(alloc_subclassed(cls, data))
        })
    } else if is(&complex::COMPLEX_TYPE) {
        BuiltinBase::of::<complex::ComplexData>(ty, |_, cls, exact| {
            let z = exact.and_then(complex::complex_of).unwrap_or(complex::ComplexData { re: 0.0, im: 0.0 });
            Ok(alloc_subclassed(cls, z))
        })
    } else if is(&bytes::BYTEARRAY_TYPE) {
        BuiltinBase::of::<bytes::ByteArrayData>(ty, |_, cls, _| Ok(alloc_subclassed(cls, bytes::ByteArrayData::new(Vec::new()))))
    } else if is(&crate::builtins::generic_alias::GENERIC_ALIAS_TYPE) {
        BuiltinBase::allocated_by_new::<crate::builtins::generic_alias::AliasData>(ty)
    } else if let Some(base) = crate::builtins::weakref::builtin_base(ty) {
        base
    } else if let Some(base) = crate::builtins::collections::builtin_base(ty) {
        base
    } else {
        return crate::builtins::itertools::builtin_base(ty);
    })
}

/// Trace an instance of a class derived from a built-in: the payload with
/// the built-in's own trace, then the instance storage.
fn trace_subclassed(p: ObjPtr, visit: Visit) {
    let h = heap(p.ty()).expect("a class");
    (h.solid.trace)(p, visit);
    if let Some(data) = instance_data(p, h) {
        trace_instance_data(data, visit);
    }
}

/// The attribute storage of an instance of class `h`, if it has one.
#[inline]
fn instance_data(p: ObjPtr, h: &HeapType) -> Option<&InstanceData> {
    if h.inst_offset == 0 {
        return None;
    }
    // SAFETY: instances of a class with an `inst_offset` hold their
    // InstanceData there (Obj<InstanceData> or Obj<Subclassed<T>>), and
    // the object outlives the borrow of `p`.
    Some(unsafe { &*((p.addr() + h.inst_offset) as *const InstanceData) })
}

/// What a class has beyond a type's slots.
pub struct HeapType {
    /// The class namespace (`__dict__`), a dict.
    pub dict: Value,
    pub bases: Vec<&'static TypeObject>,
    /// The MRO after the type itself: its ancestors in C3 order.
    pub mro: Vec<&'static TypeObject>,
    qualname: RefCell<String>,
    pub layout: Layout,
    /// The names of instance attributes (shared-key storage).
    keys: RefCell<Vec<Value>>,
    /// Direct subclasses (`__subclasses__()`), in creation order.
    pub subclasses: RefCell<Vec<&'static TypeObject>>,
    /// The built-in type whose instance layout and slots the class
    /// inherits where it defines no dunder (CPython's `solid_base`).
    pub solid: &'static TypeObject,
    /// Instances may have attributes outside `__slots__` (a `__dict__`).
    pub has_dict: bool,
    /// Instances can be weakly referenced (no `__slots__` leaving out
    /// `__weakref__`).
    pub weakrefable: bool,
    /// Where instances keep their `InstanceData`, from the start of the
    /// object; 0 when they have none (exception and descriptor layouts).
    pub inst_offset: usize,
    /// How many `__slots__` values instances hold (this class's and its
    /// bases'); slot `i` is `InstanceData::slots[i]`.
    pub nslots: usize,
}

impl HeapType {
    pub fn qualname(&self) -> String {
        self.qualname.borrow().clone()
    }

    /// `__module__` from the namespace, when it is a str.
    pub fn module_name(&self) -> Option<String> {
        let d = as_dict(&self.dict)?;
        let m = d.get_str(&crate::builtins::str::intern("__module__"))?;
        as_str(&m).map(str::to_string)
    }

    fn key_index(&self, name: &Value) -> Option<usize> {
        let wanted = crate::builtins::str::as_str_data(name)?;
        let keys = self.keys.borrow();
        if let Some(i) = keys.iter().position(|k| k.is(name)) {
            return Some(i);
        }
        let hash = crate::builtins::str::hash_of(wanted);
        keys.iter().position(|k| {
            crate::builtins::str::as_str_data(k)
                .is_some_and(|d| crate::builtins::str::hash_of(d) == hash && d.bytes() == wanted.bytes())
        })
    }

    /// How many attribute names instances share so far (the table only
    /// grows, so an unchanged length means unchanged keys).
    pub fn keys_len(&self) -> usize {
        self.keys.borrow().len()
    }
}

/// The most attribute names one class's instances share before new names
/// go to a per-instance dict (CPython's limit is 30 too).
const MAX_SHARED_KEYS: usize = 30;

/// An instance of a class whose solid base is `object`.
pub struct InstanceData {
    /// Attribute values by key index (NULL: unset).
    values: RefCell<Vec<Value>>,
    /// Key indices in the order the attributes were set.
    order: RefCell<Vec<u32>>,
    /// The `__dict__` once materialized (then the only storage), else NULL.
    dict: RefCell<Value>,
    /// `__slots__` values (NULL: unset), by the member descriptors' indices.
    slots: RefCell<Vec<Value>>,
    /// Weak references to the instance exist (see `weakref`).
    weakly_referenced: std::cell::Cell<bool>,
}

unsafe fn dealloc_instance(p: ObjPtr) {
    // SAFETY: instances of object-layout classes are Obj<InstanceData>.
    if unsafe { p.data::<InstanceData>() }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_boxed::<InstanceData>(p) }
}

/// Let instance `p` be weakly referenced, if its class allows it.
pub fn mark_weakly_referenced(p: ObjPtr) -> bool {
    let Some(h) = heap(p.ty()) else { return false };
    if !h.weakrefable {
        return false;
    }
    match instance_data(p, h) {
        Some(data) => {
            data.weakly_referenced.set(true);
            true
        }
        None => false,
    }
}

fn trace_instance(p: ObjPtr, visit: Visit) {
    // SAFETY: instances of object-layout classes are Obj<InstanceData>.
    trace_instance_data(unsafe { p.data::<InstanceData>() }, visit);
}

fn trace_instance_data(data: &InstanceData, visit: Visit) {
    for v in data.values.borrow().iter() {
        if !v.is_null() {
            visit(v);
        }
    }
    let dict = data.dict.borrow();
    if !dict.is_null() {
        visit(&dict);
    }
    for v in data.slots.borrow().iter() {
        if !v.is_null() {
            visit(v);
        }
    }
}

/// The shared-key storage of an instance of an object-layout class:
/// its values (by key index) while it has no dict of its own.
pub fn shared_values(obj: &Value) -> Option<&InstanceData> {
    let p = obj.as_object()?;
    let data = instance_data(p, heap(p.ty())?)?;
    data.dict.borrow().is_null().then_some(data)
}

impl InstanceData {
    fn new(nslots: usize) -> InstanceData {
        InstanceData {
            values: RefCell::new(Vec::new()),
            order: RefCell::new(Vec::new()),
            dict: RefCell::new(Value::NULL),
            slots: RefCell::new(vec![Value::NULL; nslots]),
            weakly_referenced: std::cell::Cell::new(false),
        }
    }

    /// The value at key index `i`, if set.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.values.borrow().get(i).filter(|v| !v.is_null()).cloned()
    }

    /// Set the value at key index `i` (a valid index of its class's keys).
    pub fn set(&self, i: usize, value: Value) {
        let mut values = self.values.borrow_mut();
        if values.len() <= i {
            values.resize(i + 1, Value::NULL);
        }
        let old = std::mem::replace(&mut values[i], value);
        drop(values);
        if old.is_null() {
            self.order.borrow_mut().push(i as u32);
        }
        drop(old);
    }
}

/// The key index of instance attribute `name` in class `ty`'s shared
/// keys, if instances of `ty` store it there.
pub fn shared_key_index(ty: &TypeObject, name: &Value) -> Option<usize> {
    let h = heap(ty)?;
    (h.inst_offset != 0).then(|| h.key_index(name)).flatten()
}

/// The heap-type data of a class, if `ty` is one.
pub fn heap(ty: &TypeObject) -> Option<&'static HeapType> {
    ty.heap
}

// ----- instance storage -------------------------------------------------

/// Where an object keeps its attributes, if it has a `__dict__`.
enum Storage<'a> {
    Shared(&'a InstanceData, &'a HeapType),
    /// A dict made on first use (exceptions).
    Dict(&'a RefCell<Value>),
}

fn storage(obj: &Value) -> Option<Storage<'_>> {
    let p = obj.as_object()?;
    let ty = p.ty();
    match heap(ty) {
        Some(h) if h.inst_offset != 0 => {
            if h.has_dict {
                Some(Storage::Shared(instance_data(p, h)?, h))
            } else {
                None
            }
        }
        _ => as_exception(obj).map(|e| Storage::Dict(&e.dict)),
    }
}

/// The instance attribute `name` (a str), if set.
fn instance_get(obj: &Value, name: &Value) -> Option<Value> {
    match storage(obj)? {
        Storage::Shared(data, h) => {
            let dict = data.dict.borrow();
            if !dict.is_null() {
                return as_dict(&dict)?.get_str(name);
            }
            let i = h.key_index(name)?;
            data.values.borrow().get(i).filter(|v| !v.is_null()).cloned()
        }
        Storage::Dict(cell) => {
            let dict = cell.borrow();
            if dict.is_null() {
                None
            } else {
                as_dict(&dict)?.get_str(name)
            }
        }
    }
}

/// Does the instance itself hold attribute `name`?
pub fn instance_has(obj: &Value, name: &Value) -> bool {
    instance_get(obj, name).is_some()
}

/// Set (or with `None` delete) instance attribute `name`. `Ok(false)`:
/// the object has no instance storage, or the deleted name was unset.
fn instance_set(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<bool> {
    let Some(st) = storage(obj) else { return Ok(false) };
    let dict_cell = match st {
        Storage::Shared(data, h) => {
            if data.dict.borrow().is_null() {
                let index = match h.key_index(name) {
                    Some(i) => Some(i),
                    None if value.is_some() && h.keys.borrow().len() < MAX_SHARED_KEYS => {
                        h.keys.borrow_mut().push(name.clone());
                        Some(h.keys.borrow().len() - 1)
                    }
                    None if value.is_none() => return Ok(false),
                    None => None,
                };
                if let Some(i) = index {
                    let mut values = data.values.borrow_mut();
                    if values.len() <= i {
                        values.resize(i + 1, Value::NULL);
                    }
                    let was_set = !values[i].is_null();
                    let old = std::mem::replace(&mut values[i], value.clone().unwrap_or(Value::NULL));
                    drop(values);
                    let mut order = data.order.borrow_mut();
                    match (&value, was_set) {
                        (Some(_), false) => order.push(i as u32),
                        (None, true) => order.retain(|&k| k as usize != i),
                        _ => {}
                    }
                    drop(order);
                    drop(old); // may run Python code: after the borrows end
                    return Ok(value.is_some() || was_set);
                }
                // Too many names for the shared table: this instance moves
                // to a dict of its own.
                materialize(vm, data, h)?;
            }
            &data.dict
        }
        Storage::Dict(cell) => cell,
    };
    if dict_cell.borrow().is_null() {
        if value.is_none() {
            return Ok(false);
        }
        *dict_cell.borrow_mut() = new_dict();
    }
    let dict = dict_cell.borrow().clone();
    let d = as_dict(&dict).expect("an instance dict");
    match value {
        Some(v) => {
            d.set(vm, name.clone(), v)?;
            Ok(true)
        }
        None => d.remove(vm, name),
    }
}

/// Move an instance's shared-key values into a dict of its own.
fn materialize(vm: &mut Vm, data: &InstanceData, h: &HeapType) -> PyResult<()> {
    let d = new_dict();
    let keys = h.keys.borrow().clone();
    let values = std::mem::take(&mut *data.values.borrow_mut());
    let order = std::mem::take(&mut *data.order.borrow_mut());
    let dd = as_dict(&d).expect("a dict");
    for i in order {
        let i = i as usize;
        dd.set(vm, keys[i].clone(), values[i].clone())?;
    }
    *data.dict.borrow_mut() = d;
    Ok(())
}

/// The object's `__dict__`, made on first use; `None` if it has none.
pub fn instance_dict(vm: &mut Vm, obj: &Value) -> PyResult<Option<Value>> {
    match storage(obj) {
        Some(Storage::Shared(data, h)) => {
            if data.dict.borrow().is_null() {
                materialize(vm, data, h)?;
            }
            Ok(Some(data.dict.borrow().clone()))
        }
        Some(Storage::Dict(cell)) => {
            if cell.borrow().is_null() {
                *cell.borrow_mut() = new_dict();
            }
            Ok(Some(cell.borrow().clone()))
        }
        None => Ok(None),
    }
}

/// `obj.__dict__ = d` (a dict, which becomes the instance's storage) and
/// `del obj.__dict__` (the next use starts an empty one).
fn set_instance_dict(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    if let Some(v) = &value {
        if as_dict(v).is_none() {
            let msg = format!("__dict__ must be set to a dictionary, not a '{}'", vm.type_of(v).name);
            return Err(vm.type_error(msg));
        }
    }
    let new = value.unwrap_or(Value::NULL);
    let old = match storage(obj) {
        Some(Storage::Shared(data, _)) => {
            // The shared-key values go with the old dict.
            let values = std::mem::take(&mut *data.values.borrow_mut());
            data.order.borrow_mut().clear();
            drop(values);
            if new.is_null() {
                // An empty dict, so the shared-key storage stays unused.
                std::mem::replace(&mut *data.dict.borrow_mut(), new_dict())
            } else {
                std::mem::replace(&mut *data.dict.borrow_mut(), new)
            }
        }
        Some(Storage::Dict(cell)) => std::mem::replace(&mut *cell.borrow_mut(), new),
        None => return Err(attribute_error(vm, obj, &crate::builtins::str::intern("__dict__"))),
    };
    drop(old);
    Ok(())
}

// ----- look-up on types -------------------------------------------------

thread_local! {
    /// Moves whenever a class namespace changes after its creation; every
    /// cached look-up (the method cache, inline caches) records it.
    static TYPE_EPOCH: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
    /// CPython's method cache: recent `type_lookup` results by (type, name).
    static METHOD_CACHE: &'static RefCell<Vec<MethodCacheEntry>> =
        Box::leak(Box::new(RefCell::new((0..METHOD_CACHE_SIZE).map(|_| MethodCacheEntry::EMPTY).collect())));
}

const METHOD_CACHE_SIZE: usize = 4096;

struct MethodCacheEntry {
    ty: usize,
    epoch: u64,
    name: Value,
    found: Value,
}

impl MethodCacheEntry {
    const EMPTY: MethodCacheEntry = MethodCacheEntry { ty: 0, epoch: 0, name: Value::NULL, found: Value::NULL };
}

/// The current class-namespace epoch (see `TYPE_EPOCH`).
#[inline]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.with(|e| e.get())
}

/// A class namespace changed: every cached look-up is stale.
fn bump_type_epoch() {
    TYPE_EPOCH.with(|e| e.set(e.get() + 1));
}

/// CPython's `_PyType_Lookup`: `name` in the namespaces along the MRO,
/// through the method cache.
pub fn type_lookup(ty: &'static TypeObject, name: &Value) -> Option<Value> {
    let Some(data) = crate::builtins::str::as_str_data(name) else {
        return ty.mro().find_map(|t| own_attribute(t, name));
    };
    let hash = crate::builtins::str::hash_of(data);
    let slot = ((ty as *const TypeObject as usize >> 4) ^ hash as usize) % METHOD_CACHE_SIZE;
    let epoch = type_epoch();
    let hit = METHOD_CACHE.with(|c| {
        let c = c.borrow();
        let e = &c[slot];
        let same_name = e.name.is(name)
            || crate::builtins::str::as_str_data(&e.name).is_some_and(|n| n.bytes() == data.bytes());
        (e.ty == ty as *const TypeObject as usize && e.epoch == epoch && same_name)
            .then(|| if e.found.is_null() { None } else { Some(e.found.clone()) })
    });
    if let Some(found) = hit {
        return found;
    }
    let found = ty.mro().find_map(|t| own_attribute(t, name));
    let entry = MethodCacheEntry {
        ty: ty as *const TypeObject as usize,
        epoch,
        name: name.clone(),
        found: found.clone().unwrap_or(Value::NULL),
    };
    // The old entry is dropped after the borrow ends (it may free objects).
    let old = METHOD_CACHE.with(|c| std::mem::replace(&mut c.borrow_mut()[slot], entry));
    drop(old);
    found
}

/// An attribute `ty` defines itself: its namespace's entry for a class;
/// a method, or a wrapper of one of its slots, for a built-in type.
pub fn own_attribute(ty: &'static TypeObject, name: &Value) -> Option<Value> {
    match heap(ty) {
        Some(h) => as_dict(&h.dict)?.get_str(name),
        None => descriptors::builtin_attribute(ty, as_str(name)?),
    }
}

/// `name` looked up on `type(obj)` and bound to `obj` (CPython's
/// `_PyObject_LookupSpecial`): what `with`, `await` and `async for` call.
pub fn lookup_special(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let ty = vm.type_of_static(obj);
    let Some(f) = type_lookup(ty, &crate::builtins::str::intern(name)) else { return Ok(None) };
    match vm.type_of(&f).descr_get.get() {
        Some(get) => get(vm, &f, obj, ty).map(Some),
        None => Ok(Some(f)),
    }
}

/// Look `name` up on `type(obj)` and call it with `obj` and `args`
/// (CPython's `vectorcall_method`); `Ok(None)` when the type lacks it.
pub fn call_dunder(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    let ty = vm.type_of_static(obj);
    let Some(attr) = type_lookup(ty, &crate::builtins::str::intern(name)) else { return Ok(None) };
    call_found(vm, obj, ty, &attr, args).map(Some)
}

/// Call a dunder `attr` found on `ty` for instance `obj`.
fn call_found(vm: &mut Vm, obj: &Value, ty: &'static TypeObject, attr: &Value, args: &[Value]) -> PyResult<Value> {
    if as_function(attr).is_some() || descriptors::is_unbound_builtin(attr) {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj.clone());
        full.extend_from_slice(args);
        return crate::eval::call(vm, attr, &full, &[]);
    }
    let bound = match vm.type_of(attr).descr_get.get() {
        Some(get) => get(vm, attr, obj, ty)?,
        None => attr.clone(),
    };
    crate::eval::call(vm, &bound, args, &[])
}

// ----- generic attribute access ----------------------------------------

pub fn attribute_error(vm: &mut Vm, obj: &Value, name: &Value) -> PyErr {
    let msg = format!("'{}' object has no attribute '{}'", vm.type_of(obj).name, as_str(name).unwrap_or("?"));
    vm.error(&ATTRIBUTE_ERROR, msg)
}

/// `object.__getattribute__`: `Ok(None)` when there is no such attribute.
pub fn generic_getattr_opt(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let ty = vm.type_of_static(obj);
    match crate::builtins::str::as_str_data(name).map(|d| d.bytes()) {
        Some(b"__class__") => return Ok(Some(type_value(ty))),
        Some(b"__dict__") => {
            if let Some(d) = instance_dict(vm, obj)? {
                return Ok(Some(d));
            }
        }
        _ => {}
    }
    let descr = type_lookup(ty, name);
    if let Some(d) = &descr {
        let dt = vm.type_of(d);
        if let (Some(get), Some(_)) = (dt.descr_get.get(), dt.descr_set.get()) {
            return get(vm, d, obj, ty).map(Some);
        }
    }
    if let Some(v) = instance_get(obj, name) {
        return Ok(Some(v));
    }
    match descr {
        Some(d) => match vm.type_of(&d).descr_get.get() {
            Some(get) => get(vm, &d, obj, ty).map(Some),
            None => Ok(Some(d)),
        },
        None => Ok(None),
    }
}

/// `object.__getattribute__`, raising AttributeError for a missing name.
pub fn generic_getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    match generic_getattr_opt(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(attribute_error(vm, obj, name)),
    }
}

/// `object.__setattr__` and `object.__delattr__`.
pub fn generic_setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let ty = vm.type_of_static(obj);
    let descr = type_lookup(ty, name);
    if let Some(d) = &descr {
        if let Some(set) = vm.type_of(d).descr_set.get() {
            return set(vm, d, obj, value);
        }
    }
    if as_str(name) == Some("__dict__") && storage(obj).is_some() {
        return set_instance_dict(vm, obj, value);
    }
    if as_str(name) == Some("__class__") {
        return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "assigning __class__ (not yet in Krait)"));
    }
    let deleting = value.is_none();
    if instance_set(vm, obj, name, value)? {
        return Ok(());
    }
    if deleting || storage(obj).is_some() || descr.is_none() {
        return Err(attribute_error(vm, obj, name));
    }
    let msg = format!("'{}' object attribute '{}' is read-only", ty.name, as_str(name).unwrap_or("?"));
    Err(vm.error(&ATTRIBUTE_ERROR, msg))
}

/// `setattr(obj, name, value)` / `del obj.name` through the type's slot.
pub fn setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    match vm.type_of(obj).setattr.get() {
        Some(f) => f(vm, obj, name, value),
        None => generic_setattr(vm, obj, name, value),
    }
}

// ----- attributes of types ----------------------------------------------

/// `cls.name` (CPython's `type_getattro`).
pub fn type_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let ty = as_type(v).expect("type slot on a type");
    let text = as_str(name).unwrap_or("");
    // A metaclass's data descriptors come first, its other attributes
    // after the class's own (CPython's `type_getattro`).
    let meta = ty.header_type();
    let meta_attr = if meta.heap.is_some() { type_lookup(meta, name) } else { None };
    if let Some(ma) = &meta_attr {
        let mt = vm.type_of(ma);
        if let (Some(get), true) = (mt.descr_get.get(), mt.descr_set.is_some()) {
            return get(vm, ma, v, meta);
        }
    }
    if let Some(special) = type_special(vm, ty, text)? {
        return Ok(special);
    }
    if let Some(attr) = type_lookup(ty, name) {
        return match vm.type_of(&attr).descr_get.get() {
            Some(get) => get(vm, &attr, &Value::NULL, ty),
            None => Ok(attr),
        };
    }
    if let Some(ma) = meta_attr {
        return match vm.type_of(&ma).descr_get.get() {
            Some(get) => get(vm, &ma, v, meta),
            None => Ok(ma),
        };
    }
    match text {
        "mro" => Ok(crate::builtins::function::bind_builtin(v.clone(), "mro", |_, this, _, _| {
            let ty = as_type(this).expect("mro of a type");
            Ok(crate::builtins::list::new_list(ty.mro().map(type_value).collect()))
        })),
        "__subclasses__" => Ok(crate::builtins::function::bind_builtin(v.clone(), "__subclasses__", |vm, this, _, _| {
            let ty = as_type(this).expect("subclasses of a type");
            match heap(ty) {
                Some(h) => Ok(crate::builtins::list::new_list(h.subclasses.borrow().iter().map(|t| type_value(t)).collect())),
                None => Err(vm.error(&NOT_IMPLEMENTED_ERROR, "__subclasses__() of a built-in type")),
            }
        })),
        _ => {
            let msg = format!("type object '{}' has no attribute '{}'", ty.name, text);
            Err(vm.error(&ATTRIBUTE_ERROR, msg))
        }
    }
}

/// The attributes every type has through `type`'s descriptors.
fn type_special(vm: &mut Vm, ty: &'static TypeObject, name: &str) -> PyResult<Option<Value>> {
    let h = heap(ty);
    Ok(Some(match name {
        // A built-in type named `module.name` (CPython's `tp_name`).
        "__name__" => new_str(ty.name.rsplit('.').next().unwrap_or(ty.name)),
        "__qualname__" => new_str(&h.map_or_else(|| ty.name.rsplit('.').next().unwrap_or(ty.name).to_string(), |h| h.qualname())),
        "__module__" => match h {
            Some(h) => as_dict(&h.dict).and_then(|d| d.get_str(&crate::builtins::str::intern("__module__"))).unwrap_or_else(none),
            None => new_str(ty.name.rsplit_once('.').map_or("builtins", |(m, _)| m)),
        },
        "__doc__" => match h {
            Some(h) => {
                let doc = as_dict(&h.dict).and_then(|d| d.get_str(&crate::builtins::str::intern("__doc__"))).unwrap_or_else(none);
                match vm.type_of(&doc).descr_get.get() {
                    Some(get) => get(vm, &doc, &Value::NULL, ty)?,
                    None => doc,
                }
            }
            None => none(),
        },
        "__bases__" => new_tuple(match h {
            Some(h) => h.bases.iter().map(|t| type_value(t)).collect(),
            None => ty.base.into_iter().map(type_value).collect(),
        }),
        "__base__" => match h {
            Some(h) => type_value(h.bases[0]),
            None => ty.base.map_or_else(none, type_value),
        },
        "__mro__" => new_tuple(ty.mro().map(type_value).collect()),
        "__class__" => type_value(ty.header_type()),
        "__dict__" => match h {
            Some(h) => crate::builtins::dict::new_mappingproxy(h.dict.clone()),
            None => {
                // A built-in type's namespace, made from its methods and
                // slot wrappers.
                let d = new_dict();
                let dd = as_dict(&d).expect("a dict");
                for m in ty.methods.iter().chain(ty.class_methods) {
                    if let Some(v) = descriptors::builtin_attribute(ty, m.name) {
                        dd.set(vm, new_str(m.name), v)?;
                    }
                }
                for n in descriptors::slot_names(ty) {
                    if let Some(v) = descriptors::builtin_attribute(ty, n) {
                        dd.set(vm, new_str(n), v)?;
                    }
                }
                dd.set(vm, new_str("__doc__"), none())?;
                crate::builtins::dict::new_mappingproxy(d)
            }
        },
        _ => return Ok(None),
    }))
}

/// `cls.name = value` / `del cls.name` (CPython's `type_setattro`).
pub fn type_setattr(vm: &mut Vm, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let ty = as_type(v).expect("type slot on a type");
    let text = as_str(name).unwrap_or("?").to_string();
    let Some(h) = heap(ty) else {
        let msg = format!("cannot set '{}' attribute of immutable type '{}'", text, ty.name);
        return Err(vm.type_error(msg));
    };
    match (text.as_str(), &value) {
        ("__qualname__", Some(q)) => {
            let Some(q) = as_str(q) else {
                let msg = format!("can only assign string to {}.__qualname__, not '{}'", ty.name, vm.type_of(q).name);
                return Err(vm.type_error(msg));
            };
            *h.qualname.borrow_mut() = q.to_string();
            return Ok(());
        }
        ("__name__" | "__bases__" | "__mro__", _) => {
            let msg = format!("assigning {text} of a class");
            return Err(vm.error(&NOT_IMPLEMENTED_ERROR, msg));
        }
        _ => {}
    }
    // A data descriptor on the metatype would win; `type` has none other
    // than the names above.
    let d = as_dict(&h.dict).expect("a class namespace");
    bump_type_epoch();
    match value {
        Some(v) => d.set(vm, name.clone(), v)?,
        None => {
            if !d.remove(vm, name)? {
                let msg = format!("type object '{}' has no attribute '{}'", ty.name, text);
                return Err(vm.error(&ATTRIBUTE_ERROR, msg));
            }
        }
    }
    if text.starts_with("__") && text.ends_with("__") {
        update_slot(ty, &text);
    }
    Ok(())
}

// ----- making classes ---------------------------------------------------

/// `__build_class__(func, name, *bases, metaclass=..., **kwds)`: run the
/// class body in a new namespace, then make the class.
pub fn build_class(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = &args[0];
    if as_function(func).is_none() {
        return Err(vm.type_error("__build_class__: func must be a function"));
    }
    if as_str(&args[1]).is_none() {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let orig_bases = args[2..npos].to_vec();
    let bases = resolve_bases(vm, &orig_bases)?;
    let mut kwds = Vec::new();
    let mut meta: Option<Value> = None;
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        if as_str(k) == Some("metaclass") {
            meta = Some(v.clone());
        } else {
            kwds.push((k.clone(), v.clone()));
        }
    }
    // The metaclass: the keyword, else the first base's type; a class is
    // then replaced by the most derived of it and the bases' metaclasses.
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => type_value(vm.type_of_static(b)),
            None => type_value(&TYPE_TYPE),
        },
    };
    let meta = match as_type(&meta) {
        Some(m) => {
            let base_types: Vec<&'static TypeObject> = bases.iter().filter_map(as_type).collect();
            type_value(calculate_meta(vm, m, &base_types)?)
        }
        None => meta,
    };
    let (kw_names, kw_values): (Vec<Value>, Vec<Value>) = kwds.iter().cloned().unzip();
    let mut prepare_args = vec![args[1].clone(), new_tuple(bases.clone())];
    prepare_args.extend(kw_values.iter().cloned());
    let ns = match ops::getattr(vm, &meta, &crate::builtins::str::intern("__prepare__")) {
        Ok(prepare) => crate::eval::call(vm, &prepare, &prepare_args, &kw_names)?,
        Err(e) if vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR) => new_dict(),
        Err(e) => return Err(e),
    };
    if as_dict(&ns).is_none() {
        let who = as_type(&meta).map_or_else(|| "<metaclass>".to_string(), |m| m.name.to_string());
        let msg = format!("{who}.__prepare__() must return a mapping, not {}", vm.type_of(&ns).name);
        return Err(vm.type_error(msg));
    }
    let cell = crate::eval::run_class_body(vm, func, ns.clone())?;
    let changed = bases.len() != orig_bases.len() || bases.iter().zip(&orig_bases).any(|(a, b)| !a.is(b));
    if changed {
        let key = crate::builtins::str::intern("__orig_bases__");
        crate::eval::store_item(vm, &ns, key, new_tuple(orig_bases))?;
    }
    let mut call_args = vec![args[1].clone(), new_tuple(bases), ns];
    call_args.extend(kw_values);
    let cls = crate::eval::call(vm, &meta, &call_args, &kw_names)?;
    if let Some(c) = as_cell(&cell) {
        *c.content.borrow_mut() = cls.clone();
    }
    Ok(cls)
}

/// `meta.__new__(meta, name, bases, dict, **kwds)` for `type` itself: the
/// most derived metaclass of `bases` makes the class, through its own
/// `__new__` when it has one (CPython's `type_new`). `args`/`kwnames` are
/// the call's, for passing on.
pub fn type_new3(
    vm: &mut Vm,
    meta: &'static TypeObject,
    name: &str,
    bases: &[Value],
    dict: &Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    let base_types: Vec<&'static TypeObject> = bases.iter().filter_map(as_type).collect();
    let winner = calculate_meta(vm, meta, &base_types)?;
    if !std::ptr::eq(winner, meta) {
        if let Some(n) = type_lookup(winner, &crate::builtins::str::intern("__new__")) {
            if !descriptors::is_builtin_slot(&n, &TYPE_TYPE, descriptors::Wrapped::New) {
                let f = match vm.type_of(&n).descr_get.get() {
                    Some(get) => get(vm, &n, &Value::NULL, winner)?,
                    None => n,
                };
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(type_value(winner));
                full.extend_from_slice(args);
                return crate::eval::call(vm, &f, &full, kwnames);
            }
        }
    }
    let npos = args.len() - kwnames.len();
    let kwds: Vec<(Value, Value)> = kwnames.iter().cloned().zip(args[npos..].iter().cloned()).collect();
    new_class(vm, winner, name, bases, dict, &kwds)
}

/// After `type(name, bases, dict)` made `obj`: its metaclass's `__init__`
/// when that is a class.
pub fn init_by_metaclass(vm: &mut Vm, obj: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let Some(cls) = as_type(obj) else { return Ok(()) };
    let meta = cls.header_type();
    if meta.heap.is_none() {
        return Ok(());
    }
    let Some(init) = type_lookup(meta, &crate::builtins::str::intern("__init__")) else { return Ok(()) };
    call_found_kw(vm, obj, meta, &init, args, kwnames)?;
    Ok(())
}

/// The bases a class statement lists, with each non-class that has
/// `__mro_entries__` replaced by what it returns (PEP 560, CPython's
/// `update_bases`).
fn resolve_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(bases.len());
    let key = crate::builtins::str::intern("__mro_entries__");
    for b in bases {
        if as_type(b).is_some() {
            out.push(b.clone());
            continue;
        }
        let entries = match ops::getattr(vm, b, &key) {
            Ok(f) => f,
            Err(e) if vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR) => {
                out.push(b.clone());
                continue;
            }
            Err(e) => return Err(e),
        };
        let r = crate::eval::call(vm, &entries, &[new_tuple(bases.to_vec())], &[])?;
        match crate::builtins::tuple::as_tuple(&r) {
            Some(t) => out.extend(t.items.iter().cloned()),
            None => return Err(vm.type_error("__mro_entries__ must return a tuple")),
        }
    }
    Ok(out)
}

/// The most derived of `meta` and the metaclasses of `bases` (CPython's
/// `_PyType_CalculateMetaclass`).
fn calculate_meta(
    vm: &mut Vm,
    meta: &'static TypeObject,
    bases: &[&'static TypeObject],
) -> PyResult<&'static TypeObject> {
    let mut winner = meta;
    for b in bases {
        let t = b.header_type();
        if winner.is_subtype(t) {
            continue;
        }
        if t.is_subtype(winner) {
            winner = t;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// CPython's `type_new`: a class named `name` with `bases` and namespace
/// `ns`; `kwds` go to `__init_subclass__`.
pub fn new_class(
    vm: &mut Vm,
    meta: &'static TypeObject,
    name: &str,
    bases: &[Value],
    ns: &Value,
    kwds: &[(Value, Value)],
) -> PyResult<Value> {
    let mut base_types: Vec<&'static TypeObject> = Vec::new();
    for b in bases {
        match as_type(b) {
            Some(t) => base_types.push(t),
            None => {
                let msg = format!("bases must be types, not {}", vm.type_of(b).name);
                return Err(vm.type_error(msg));
            }
        }
    }
    let meta = calculate_meta(vm, meta, &base_types)?;
    if base_types.is_empty() {
        base_types.push(&OBJECT_TYPE);
    }
    let mut layout = Layout::Object;
    let mut solid: &'static TypeObject = &OBJECT_TYPE;
    for b in &base_types {
        let (b_layout, b_solid) = layout_of(vm, b)?;
        let other_builtin = b_layout == Layout::Builtin && layout == Layout::Builtin && !std::ptr::eq(b_solid, solid);
        // A built-in derived from the other (defaultdict and dict) lays
        // out its instances as that one does, with more after: the more
        // derived one is the solid base (CPython's `solid_base`).
        if other_builtin && solid.is_subtype(b_solid) {
            continue;
        }
        if b_layout != layout || other_builtin {
            if layout != Layout::Object && !(other_builtin && b_solid.is_subtype(solid)) {
                return Err(vm.type_error("multiple bases have instance lay-out conflict"));
            }
            layout = b_layout;
            solid = b_solid;
        }
    }
    for (i, b) in base_types.iter().enumerate() {
        if base_types[..i].iter().any(|x| std::ptr::eq(*x, *b)) {
            let msg = format!("duplicate base class {}", b.name);
            return Err(vm.type_error(msg));
        }
    }
    let tail = c3_merge(vm, &base_types)?;

    // The namespace, adjusted as type_new does.
    let dict = new_dict();
    let d = as_dict(&dict).expect("a dict");
    let source = as_dict(ns).ok_or_else(|| vm.type_error("type.__new__() argument 3 must be dict"))?;
    let mut qualname = name.to_string();
    let mut slots_value: Option<Value> = None;
    for (k, v) in source.items() {
        match as_str(&k) {
            Some("__qualname__") => match as_str(&v) {
                Some(q) => qualname = q.to_string(),
                None => {
                    let msg = format!("type __qualname__ must be a str, not {}", vm.type_of(&v).name);
                    return Err(vm.type_error(msg));
                }
            },
            Some("__classcell__") => {}
            Some("__slots__") => {
                slots_value = Some(v.clone());
                d.set(vm, k, v)?;
            }
            Some("__new__") if as_function(&v).is_some() => d.set(vm, k, new_staticmethod(v))?,
            Some("__init_subclass__" | "__class_getitem__") if as_function(&v).is_some() => {
                d.set(vm, k, new_classmethod(v))?
            }
            _ => d.set(vm, k, v)?,
        }
    }
    if d.get_str(&crate::builtins::str::intern("__module__")).is_none() {
        if let Some(m) = current_module_name(vm) {
            d.set(vm, crate::builtins::str::intern("__module__"), m)?;
        }
    }
    if d.get_str(&crate::builtins::str::intern("__doc__")).is_none() {
        d.set(vm, crate::builtins::str::intern("__doc__"), none())?;
    }
    if d.get_str(&crate::builtins::str::intern("__eq__")).is_some() && d.get_str(&crate::builtins::str::intern("__hash__")).is_none() {
        d.set(vm, crate::builtins::str::intern("__hash__"), none())?;
    }

    // __slots__: member descriptors after the bases' slots; a __dict__
    // only if asked for or a base has one.
    let base_has_dict = base_types.iter().any(|b| heap(b).map_or(b.is_subtype(&BASE_EXCEPTION), |h| h.has_dict));
    let base_slots = base_types.iter().filter_map(|b| heap(b)).map(|h| h.nslots).max().unwrap_or(0);
    let mut has_dict = true;
    let base_weakref = base_types.iter().any(|b| heap(b).is_some_and(|h| h.weakrefable));
    let mut has_weakref = slots_value.is_none() || base_weakref;
    let mut slot_names: Vec<String> = Vec::new();
    if let Some(sv) = &slots_value {
        let items = if as_str(sv).is_some() { vec![sv.clone()] } else { crate::ops::collect(vm, sv)? };
        has_dict = base_has_dict;
        for item in items {
            let Some(n) = as_str(&item).map(str::to_string) else {
                let msg = format!("__slots__ items must be strings, not '{}'", vm.type_of(&item).name);
                return Err(vm.type_error(msg));
            };
            match n.as_str() {
                "__dict__" => has_dict = true,
                "__weakref__" => has_weakref = true,
                _ => {
                    let mangled = crate::builtins::str::intern(&mangle_private(&n, name));
                    if source.get_str(&mangled).is_some() && as_str(&mangled) != Some("__slots__") {
                        let msg = format!("'{n}' in __slots__ conflicts with class variable");
                        return Err(vm.value_error(msg));
                    }
                    slot_names.push(as_str(&mangled).unwrap_or(&n).to_string());
                }
            }
        }
    }
    let builtin = if layout == Layout::Builtin { builtin_base(solid) } else { None };
    let (dealloc, trace, inst_offset): (Dealloc, fn(ObjPtr, Visit), usize) = match (layout, &builtin) {
        (Layout::Object, _) => {
            (dealloc_instance, trace_instance, std::mem::offset_of!(crate::object::Obj<InstanceData>, data))
        }
        (Layout::Exception, _) => (exceptions::dealloc_exception, exceptions::trace_exception, 0),
        // Classes are immortal (see `types`).
        (Layout::Type, _) => (crate::types::never_dealloc, crate::types::trace_nothing, 0),
        (Layout::Builtin, Some(b)) => (b.dealloc, trace_subclassed, b.inst_offset),
        (Layout::Builtin, None) => (solid.dealloc, solid.trace, 0),
    };
    // Pattern matching's flags: the base's, or those __abc_tpflags__ asks for.
    let flags = crate::eval::patterns::class_flags(vm, &base_types, solid, d)?;
    let leaked_name: &'static str = Box::leak(name.to_string().into_boxed_str());
    let data = HeapType {
        dict,
        bases: base_types.clone(),
        mro: tail,
        qualname: RefCell::new(qualname),
        layout,
        keys: RefCell::new(Vec::new()),
        subclasses: RefCell::new(Vec::new()),
        solid,
        has_dict: (has_dict || layout == Layout::Exception) && layout != Layout::Type && (layout != Layout::Builtin || inst_offset != 0),
        inst_offset,
        weakrefable: has_weakref && inst_offset != 0,
        nslots: base_slots + slot_names.len(),
    };
    let mut ty = TypeObject {
        header: crate::object::ObjHeader::immortal(meta),
        heap: Some(Box::leak(Box::new(data))),
        ..TypeObject::builtin(leaked_name, Some(base_types[0]), dealloc, trace)
    };
    fill_slots(&mut ty, solid);
    ty.flags.set(flags);
    let ty: &'static TypeObject = Box::leak(Box::new(ty));
    for b in &base_types {
        if let Some(h) = heap(b) {
            h.subclasses.borrow_mut().push(ty);
        }
    }
    let cls = type_value(ty);
    if inst_offset != 0 {
        let d = as_dict(&heap(ty).expect("a class").dict).expect("a dict");
        for (i, n) in slot_names.iter().enumerate() {
            let member = descriptors::new_member(ty, n, base_slots + i);
            d.set(vm, crate::builtins::str::intern(n), member)?;
        }
    }

    // __set_name__ on the namespace's values, then the parent's
    // __init_subclass__.
    let items = as_dict(&heap(ty).expect("a class").dict).expect("a dict").items();
    for (k, v) in items {
        let vt = vm.type_of_static(&v);
        if let Some(set_name) = type_lookup(vt, &crate::builtins::str::intern("__set_name__")) {
            if let Err(cause) = call_found(vm, &v, vt, &set_name, &[cls.clone(), k.clone()]) {
                // CPython 3.11 wraps the error, as its cause.
                let key = crate::ops::repr_string(vm, &k)?;
                let msg = format!("Error calling __set_name__ on '{}' instance {key} in '{}'", vt.name, ty.name);
                let e = vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, msg);
                if let Some(data) = crate::builtins::exceptions::as_exception(&e.exception) {
                    *data.cause.borrow_mut() = cause.exception.clone();
                    *data.context.borrow_mut() = cause.exception.clone();
                    data.suppress_context.set(true);
                }
                return Err(e);
            }
        }
    }
    init_subclass(vm, ty, kwds)?;
    Ok(cls)
}


/// `__x` in class `C` is `_C__x` (CPython's `_Py_Mangle`).
fn mangle_private(n: &str, class: &str) -> String {
    if !n.starts_with("__") || n.ends_with("__") || n.contains('.') {
        return n.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return n.to_string();
    }
    format!("_{stripped}{n}")
}

/// A `__slots__` value of an instance (member descriptors' storage).
pub fn slot_value(obj: &Value, index: usize) -> Option<&RefCell<Vec<Value>>> {
    let p = obj.as_object()?;
    let h = heap(p.ty())?;
    if index >= h.nslots {
        return None;
    }
    Some(&instance_data(p, h)?.slots)
}

/// A base's instance layout and the built-in type that fixes it.
fn layout_of(vm: &mut Vm, b: &'static TypeObject) -> PyResult<(Layout, &'static TypeObject)> {
    if let Some(h) = heap(b) {
        let solid = b.mro().find(|t| t.heap.is_none()).unwrap_or(&OBJECT_TYPE);
        return Ok((h.layout, solid));
    }
    if std::ptr::eq(b, &OBJECT_TYPE) {
        return Ok((Layout::Object, b));
    }
    if b.is_subtype(&BASE_EXCEPTION) {
        return Ok((Layout::Exception, b));
    }
    if std::ptr::eq(b, &TYPE_TYPE) {
        return Ok((Layout::Type, b));
    }
    if descriptors::subclassable_builtin(b) || builtin_base(b).is_some() {
        return Ok((Layout::Builtin, b));
    }
    const FINAL: &[&str] = &[
        "bool",
        "NoneType",
        "NotImplementedType",
        "ellipsis",
        "function",
        "builtin_function_or_method",
        "code",
        "cell",
        "range",
        "slice",
        "method",
        "method_descriptor",
        "itertools._tee_dataobject",
        "_collections._tuplegetter",
    ];
    if FINAL.contains(&b.name) || b.next.is_some() {
        let msg = format!("type '{}' is not an acceptable base type", b.name);
        return Err(vm.type_error(msg));
    }
    let msg = format!("subclassing the built-in type '{}'", b.name);
    Err(vm.error(&NOT_IMPLEMENTED_ERROR, msg))
}

/// The C3 linearization of `bases` (the MRO after the new class itself).
fn c3_merge(vm: &mut Vm, bases: &[&'static TypeObject]) -> PyResult<Vec<&'static TypeObject>> {
    let mut lists: Vec<Vec<&'static TypeObject>> = bases.iter().map(|b| b.mro().collect()).collect();
    lists.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        lists.retain(|l| !l.is_empty());
        if lists.is_empty() {
            return Ok(out);
        }
        let head = lists
            .iter()
            .map(|l| l[0])
            .find(|h| !lists.iter().any(|l| l[1..].iter().any(|t| std::ptr::eq(*t, *h))));
        let Some(head) = head else {
            let mut names: Vec<&str> = Vec::new();
            for l in &lists {
                if !names.contains(&l[0].name) {
                    names.push(l[0].name);
                }
            }
            let msg = format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            );
            return Err(vm.type_error(msg));
        };
        out.push(head);
        for l in &mut lists {
            if std::ptr::eq(l[0], head) {
                l.remove(0);
            }
        }
    }
}

/// `__name__` of the running frame's globals (a class's default
/// `__module__`).
fn current_module_name(vm: &mut Vm) -> Option<Value> {
    let globals = crate::eval::current_globals(vm)?;
    as_dict(&globals)?.get_str(&crate::builtins::str::intern("__name__"))
}

/// `super(cls, cls).__init_subclass__(**kwds)`.
fn init_subclass(vm: &mut Vm, ty: &'static TypeObject, kwds: &[(Value, Value)]) -> PyResult<()> {
    let key = crate::builtins::str::intern("__init_subclass__");
    let Some(attr) = ty.mro().skip(1).find_map(|t| own_attribute(t, &key)) else { return Ok(()) };
    let cls = type_value(ty);
    let bound = match vm.type_of(&attr).descr_get.get() {
        Some(get) => get(vm, &attr, &Value::NULL, ty)?,
        None => attr,
    };
    let bound = if descriptors::is_builtin_slot(&bound, &OBJECT_TYPE, descriptors::Wrapped::InitSubclass) {
        descriptors::new_method(bound, cls)
    } else {
        bound
    };
    let (names, values): (Vec<Value>, Vec<Value>) = kwds.iter().cloned().unzip();
    crate::eval::call(vm, &bound, &values, &names)?;
    Ok(())
}

/// A new, attribute-less instance of object-layout class `cls`.
pub fn alloc_instance(cls: &'static TypeObject) -> Value {
    let nslots = heap(cls).map_or(0, |h| h.nslots);
    Value::from_owned(alloc(cls, InstanceData::new(nslots)))
}

/// A new exception of class `cls` (a subclass of BaseException).
pub fn alloc_exception(cls: &'static TypeObject, args: Vec<Value>) -> Value {
    Value::from_owned(alloc(cls, ExceptionData::new(args)))
}

/// Calling a class (`type.__call__`): `__new__`, then `__init__` when
/// `__new__` made an instance of the class.
fn class_call(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let new_attr = type_lookup(cls, &crate::builtins::str::intern("__new__"));
    // The common case: object's __new__ and a Python __init__ (nothing to
    // check but __init__'s own arguments).
    if let Some(n) = &new_attr {
        let plain = heap(cls).is_some_and(|h| h.layout == Layout::Object)
            && descriptors::is_builtin_slot(n, &OBJECT_TYPE, descriptors::Wrapped::New);
        if plain {
            if let Some(init) = type_lookup(cls, &crate::builtins::str::intern("__init__")).filter(|i| as_function(i).is_some()) {
                let obj = alloc_instance(cls);
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend_from_slice(args);
                let r = crate::eval::call(vm, &init, &full, kwnames)?;
                if !is_none(&r) {
                    let msg = format!("__init__() should return None, not '{}'", vm.type_of(&r).name);
                    return Err(vm.type_error(msg));
                }
                return Ok(obj);
            }
        }
    }
    let obj = match new_attr {
        Some(n) if descriptors::as_builtin_attr(&n).is_some() => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(type_value(cls));
            full.extend_from_slice(args);
            crate::eval::call(vm, &n, &full, kwnames)?
        }
        Some(n) => {
            let f = match vm.type_of(&n).descr_get.get() {
                Some(get) => get(vm, &n, &Value::NULL, cls)?,
                None => n,
            };
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(type_value(cls));
            full.extend_from_slice(args);
            crate::eval::call(vm, &f, &full, kwnames)?
        }
        None => return Err(vm.type_error(format!("cannot create '{}' instances", cls.name))),
    };
    if !vm.type_of(&obj).is_subtype(cls) {
        return Ok(obj);
    }
    let ty = vm.type_of_static(&obj);
    let Some(init) = type_lookup(ty, &crate::builtins::str::intern("__init__")) else { return Ok(obj) };
    let r = call_found_kw(vm, &obj, ty, &init, args, kwnames)?;
    if !is_none(&r) {
        let msg = format!("__init__() should return None, not '{}'", vm.type_of(&r).name);
        return Err(vm.type_error(msg));
    }
    Ok(obj)
}

/// `call_found` with keyword arguments.
fn call_found_kw(
    vm: &mut Vm,
    obj: &Value,
    ty: &'static TypeObject,
    attr: &Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    if as_function(attr).is_some() || descriptors::is_unbound_builtin(attr) {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj.clone());
        full.extend_from_slice(args);
        return crate::eval::call(vm, attr, &full, kwnames);
    }
    let bound = match vm.type_of(attr).descr_get.get() {
        Some(get) => get(vm, attr, obj, ty)?,
        None => attr.clone(),
    };
    crate::eval::call(vm, &bound, args, kwnames)
}

// ----- slots of classes -------------------------------------------------

/// Does a class (not a built-in type) among `ty` and its MRO define one of
/// `names`? `ty` is still being made, so its own namespace is read here.
fn class_defines(ty: &TypeObject, names: &[&str]) -> bool {
    let Some(h) = heap(ty) else { return false };
    let keys: Vec<Value> = names.iter().map(|n| new_str(n)).collect();
    let in_dict = |t: &HeapType| keys.iter().any(|k| as_dict(&t.dict).is_some_and(|d| d.get_str(k).is_some()));
    in_dict(h) || h.mro.iter().map_while(|t| heap(t)).any(in_dict)
}

const NUMBER_DUNDERS: &[&str] = &[
    "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__matmul__", "__rmatmul__",
    "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__pow__",
    "__rpow__", "__lshift__", "__rlshift__", "__rshift__", "__rrshift__", "__and__", "__rand__", "__or__",
    "__ror__", "__xor__", "__rxor__", "__neg__", "__pos__", "__invert__", "__abs__", "__iadd__", "__isub__",
    "__imul__", "__imatmul__", "__itruediv__", "__ifloordiv__", "__imod__", "__ipow__", "__ilshift__",
    "__irshift__", "__iand__", "__ior__", "__ixor__",
];

/// The slots a class fills from its dunders (CPython's `slotdefs`,
/// grouped as Krait's `TypeObject` has them).
#[derive(Clone, Copy, PartialEq, Eq)]
enum SlotKind {
    Repr,
    Str,
    Hash,
    RichCompare,
    Bool,
    Len,
    Call,
    Iter,
    Next,
    GetItem,
    GetAttr,
    SetAttr,
    DescrGet,
    DescrSet,
    Number,
}

impl SlotKind {
    const ALL: [SlotKind; 15] = [
        SlotKind::Repr,
        SlotKind::Str,
        SlotKind::Hash,
        SlotKind::RichCompare,
        SlotKind::Bool,
        SlotKind::Len,
        SlotKind::Call,
        SlotKind::Iter,
        SlotKind::Next,
        SlotKind::GetItem,
        SlotKind::GetAttr,
        SlotKind::SetAttr,
        SlotKind::DescrGet,
        SlotKind::DescrSet,
        SlotKind::Number,
    ];

    /// The dunders that fill this slot.
    fn dunders(self) -> &'static [&'static str] {
        match self {
            SlotKind::Repr => &["__repr__"],
            SlotKind::Str => &["__str__"],
            SlotKind::Hash => &["__hash__"],
            SlotKind::RichCompare => &["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"],
            SlotKind::Bool => &["__bool__"],
            SlotKind::Len => &["__len__"],
            SlotKind::Call => &["__call__"],
            SlotKind::Iter => &["__iter__"],
            SlotKind::Next => &["__next__"],
            SlotKind::GetItem => &["__getitem__"],
            SlotKind::GetAttr => &["__getattribute__", "__getattr__"],
            SlotKind::SetAttr => &["__setattr__", "__delattr__"],
            SlotKind::DescrGet => &["__get__"],
            SlotKind::DescrSet => &["__set__", "__delete__"],
            SlotKind::Number => NUMBER_DUNDERS,
        }
    }

    /// The slot dunder `name` fills, if any.
    fn of(name: &str) -> Option<SlotKind> {
        SlotKind::ALL.into_iter().find(|k| k.dunders().contains(&name))
    }
}

/// Set slot `kind` of class `ty`: a wrapper that calls the dunder when a
/// class in its MRO defines one, else the solid base's slot (CPython's
/// `update_one_slot`).
fn fill_slot(ty: &TypeObject, solid: &'static TypeObject, kind: SlotKind) {
    let wrap = class_defines(ty, kind.dunders());
    fn pick<F: Copy>(wrap: bool, wrapper: F, inherited: Option<F>) -> Option<F> {
        if wrap {
            Some(wrapper)
        } else {
            inherited
        }
    }
    match kind {
        SlotKind::Repr => ty.repr.set(pick(wrap, slot_repr, solid.repr.get())),
        SlotKind::Str => ty.str.set(pick(wrap, slot_str, solid.str.get())),
        SlotKind::Hash => ty.hash.set(pick(wrap, slot_hash, solid.hash.get())),
        SlotKind::RichCompare => ty.richcompare.set(pick(wrap, slot_richcompare, solid.richcompare.get())),
        SlotKind::Bool => ty.bool.set(pick(wrap, slot_bool, solid.bool.get())),
        SlotKind::Len => ty.len.set(pick(wrap, slot_len, solid.len.get())),
        SlotKind::Call => ty.call.set(pick(wrap, slot_call, solid.call.get())),
        SlotKind::Iter => ty.iter.set(pick(wrap, slot_iter, solid.iter.get())),
        SlotKind::Next => ty.next.set(pick(wrap, slot_next, solid.next.get())),
        SlotKind::GetItem => ty.getitem.set(pick(wrap, slot_getitem, solid.getitem.get())),
        SlotKind::GetAttr => {
            ty.getattr.set(pick(wrap, slot_getattr, Some(solid.getattr.get().unwrap_or(generic_getattr))))
        }
        SlotKind::SetAttr => {
            ty.setattr.set(pick(wrap, slot_setattr, Some(solid.setattr.get().unwrap_or(generic_setattr))))
        }
        SlotKind::DescrGet => ty.descr_get.set(pick(wrap, slot_descr_get, solid.descr_get.get())),
        SlotKind::DescrSet => ty.descr_set.set(pick(wrap, slot_descr_set, solid.descr_set.get())),
        SlotKind::Number => ty.number.set(if wrap { &HEAP_NUMBER_SLOTS } else { solid.number.get() }),
    }
}

/// Fill a new class's slots (CPython's `fixup_slot_dispatchers`).
fn fill_slots(ty: &mut TypeObject, solid: &'static TypeObject) {
    for kind in SlotKind::ALL {
        fill_slot(ty, solid, kind);
    }
    // The sequence slots no dunder fills: the solid base's.
    ty.concat.set(solid.concat.get());
    ty.repeat.set(solid.repeat.get());
    ty.inplace_concat.set(solid.inplace_concat.get());
    ty.inplace_repeat.set(solid.inplace_repeat.get());
    ty.new = Some(class_call);
}

/// Dunder `name` of class `ty` was assigned or deleted: refill the slot it
/// fills, in `ty` and every subclass (CPython's `update_slot`).
fn update_slot(ty: &'static TypeObject, name: &str) {
    let Some(kind) = SlotKind::of(name) else { return };
    let mut todo = vec![ty];
    while let Some(t) = todo.pop() {
        let Some(h) = heap(t) else { continue };
        fill_slot(t, h.solid, kind);
        todo.extend(h.subclasses.borrow().iter().copied());
    }
}

/// Call dunder `name` that the slot says exists; `None` if it was deleted.
fn dunder(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    call_dunder(vm, obj, name, args)
}

fn slot_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = match dunder(vm, v, "__repr__", &[])? {
        Some(r) => r,
        None => return default_repr(vm, v),
    };
    if as_str(&r).is_none() {
        let msg = format!("__repr__ returned non-string (type {})", vm.type_of(&r).name);
        return Err(vm.type_error(msg));
    }
    Ok(r)
}

/// `object.__repr__`: `<module.Class object at 0x...>`.
pub fn default_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = vm.type_of(v).full_name();
    Ok(new_str(&format!("<{} object at {:#x}>", name, v.bits() & ((1 << 48) - 1))))
}

fn slot_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = match dunder(vm, v, "__str__", &[])? {
        Some(r) => r,
        None => return ops::repr(vm, v),
    };
    if as_str(&r).is_none() {
        let msg = format!("__str__ returned non-string (type {})", vm.type_of(&r).name);
        return Err(vm.type_error(msg));
    }
    Ok(r)
}

fn slot_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let ty = vm.type_of_static(v);
    let attr = type_lookup(ty, &crate::builtins::str::intern("__hash__"));
    let Some(attr) = attr.filter(|a| !is_none(a)) else {
        let msg = format!("unhashable type: '{}'", ty.name);
        return Err(vm.type_error(msg));
    };
    let r = call_found(vm, v, ty, &attr, &[])?;
    if !vm.type_of(&r).is_subtype(&crate::builtins::int::INT_TYPE) {
        return Err(vm.type_error("__hash__ method should return an integer"));
    }
    ops::hash(vm, &r)
}

fn compare_dunder(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Eq => "__eq__",
        CompareOp::Ne => "__ne__",
        CompareOp::Gt => "__gt__",
        CompareOp::Ge => "__ge__",
    }
}

fn slot_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    Ok(dunder(vm, a, compare_dunder(op), std::slice::from_ref(b))?.unwrap_or_else(|| vm.not_implemented()))
}

fn slot_bool(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let Some(r) = dunder(vm, v, "__bool__", &[])? else { return Ok(true) };
    match crate::builtins::singletons::as_bool(&r) {
        Some(b) => Ok(b),
        None => {
            let msg = format!("__bool__ should return bool, returned {}", vm.type_of(&r).name);
            Err(vm.type_error(msg))
        }
    }
}

fn slot_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let Some(r) = dunder(vm, v, "__len__", &[])? else {
        let msg = format!("object of type '{}' has no len()", vm.type_of(v).name);
        return Err(vm.type_error(msg));
    };
    use crate::builtins::int::{int_of, Int};
    match int_of(&r) {
        Some(Int::Small(n)) if n >= 0 => Ok(n as usize),
        Some(n @ Int::Big(_)) if !n.is_negative() => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        Some(_) => Err(vm.value_error("__len__() should return >= 0")),
        None => {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(&r).name);
            Err(vm.type_error(msg))
        }
    }
}

fn slot_call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ty = vm.type_of_static(callable);
    let Some(attr) = type_lookup(ty, &crate::builtins::str::intern("__call__")) else {
        let msg = format!("'{}' object is not callable", ty.name);
        return Err(vm.type_error(msg));
    };
    call_found_kw(vm, callable, ty, &attr, args, kwnames)
}

fn slot_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty = vm.type_of_static(v);
    let attr = type_lookup(ty, &crate::builtins::str::intern("__iter__"));
    let Some(attr) = attr.filter(|a| !is_none(a)) else {
        let msg = format!("'{}' object is not iterable", ty.name);
        return Err(vm.type_error(msg));
    };
    let r = call_found(vm, v, ty, &attr, &[])?;
    if vm.type_of(&r).next.is_none() {
        let msg = format!("iter() returned non-iterator of type '{}'", vm.type_of(&r).name);
        return Err(vm.type_error(msg));
    }
    Ok(r)
}

fn slot_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match dunder(vm, v, "__next__", &[]) {
        Ok(r) => Ok(r),
        Err(e) if vm.type_of(&e.exception).is_subtype(&exceptions::STOP_ITERATION) => Ok(None),
        Err(e) => Err(e),
    }
}

fn slot_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    match dunder(vm, v, "__getitem__", std::slice::from_ref(key))? {
        Some(r) => Ok(r),
        None => {
            let msg = format!("'{}' object is not subscriptable", vm.type_of(v).name);
            Err(vm.type_error(msg))
        }
    }
}

/// `__getattribute__`, then `__getattr__` when it raises AttributeError
/// (CPython's `slot_tp_getattr_hook`).
fn slot_getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    let ty = vm.type_of_static(obj);
    let getattribute = type_lookup(ty, &crate::builtins::str::intern("__getattribute__"));
    let first = match &getattribute {
        Some(g) if !descriptors::is_builtin_slot(g, &OBJECT_TYPE, descriptors::Wrapped::GetAttribute) => {
            call_found(vm, obj, ty, g, std::slice::from_ref(name)).map(Some)
        }
        // The solid base's own look-up (`type`'s, for a metaclass).
        _ => match heap(ty).and_then(|h| h.solid.getattr.get()).filter(|f| *f as usize != generic_getattr as *const () as usize) {
            Some(get) => get(vm, obj, name).map(Some),
            None => generic_getattr_opt(vm, obj, name),
        },
    };
    let failed = match first {
        Ok(Some(v)) => return Ok(v),
        Ok(None) => None,
        Err(e) if vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR) => Some(e),
        Err(e) => return Err(e),
    };
    match type_lookup(ty, &crate::builtins::str::intern("__getattr__")) {
        Some(hook) => call_found(vm, obj, ty, &hook, std::slice::from_ref(name)),
        None => Err(match failed {
            Some(e) => e,
            None => attribute_error(vm, obj, name),
        }),
    }
}

fn slot_setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let r = match value {
        Some(v) => dunder(vm, obj, "__setattr__", &[name.clone(), v])?,
        None => dunder(vm, obj, "__delattr__", std::slice::from_ref(name))?,
    };
    match r {
        Some(_) => Ok(()),
        None => Err(attribute_error(vm, obj, name)),
    }
}

fn slot_descr_get(vm: &mut Vm, descr: &Value, obj: &Value, owner: &'static TypeObject) -> PyResult<Value> {
    let obj = if obj.is_null() { none() } else { obj.clone() };
    match dunder(vm, descr, "__get__", &[obj, type_value(owner)])? {
        Some(r) => Ok(r),
        None => Ok(descr.clone()),
    }
}

fn slot_descr_set(vm: &mut Vm, descr: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let (name, r) = match value {
        Some(v) => ("__set__", dunder(vm, descr, "__set__", &[obj.clone(), v])?),
        None => ("__delete__", dunder(vm, descr, "__delete__", std::slice::from_ref(obj))?),
    };
    match r {
        Some(_) => Ok(()),
        None => Err(vm.error(&ATTRIBUTE_ERROR, name)),
    }
}

/// The dunder and its reflection for each binary operator (`BinOp` order).
fn binary_dunders(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::And => ("__and__", "__rand__"),
        BinOp::FloorDivide => ("__floordiv__", "__rfloordiv__"),
        BinOp::Lshift => ("__lshift__", "__rlshift__"),
        BinOp::MatrixMultiply => ("__matmul__", "__rmatmul__"),
        BinOp::Multiply => ("__mul__", "__rmul__"),
        BinOp::Remainder => ("__mod__", "__rmod__"),
        BinOp::Or => ("__or__", "__ror__"),
        BinOp::Power => ("__pow__", "__rpow__"),
        BinOp::Rshift => ("__rshift__", "__rrshift__"),
        BinOp::Subtract => ("__sub__", "__rsub__"),
        BinOp::TrueDivide => ("__truediv__", "__rtruediv__"),
        BinOp::Xor => ("__xor__", "__rxor__"),
    }
}

/// A binary operator for classes (CPython's `SLOT1BINFULL`): the left
/// operand's dunder, the right operand's reflected one, and a subclass's
/// reflected override first.
fn slot_binary(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (name, rname) = binary_dunders(op);
    let this = HEAP_NUMBER_SLOTS.get(op).map(|f| f as usize);
    let ta = vm.type_of_static(a);
    let tb = vm.type_of_static(b);
    let a_has = ta.number.get().get(op).map(|f| f as usize) == this;
    let mut b_do = !std::ptr::eq(ta, tb) && tb.number.get().get(op).map(|f| f as usize) == this;
    if a_has {
        if b_do && tb.is_subtype(ta) && method_overridden(ta, tb, rname) {
            if let Some(r) = call_dunder(vm, b, rname, std::slice::from_ref(a))? {
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
            b_do = false;
        }
        if let Some(r) = call_dunder(vm, a, name, std::slice::from_ref(b))? {
            if !is_not_implemented(&r) || std::ptr::eq(ta, tb) {
                return Ok(r);
            }
        }
    }
    if b_do {
        if let Some(r) = call_dunder(vm, b, rname, std::slice::from_ref(a))? {
            return Ok(r);
        }
    }
    Ok(vm.not_implemented())
}

/// Does `right` define `name` differently from `left` (CPython's
/// `method_is_overloaded`)?
fn method_overridden(left: &'static TypeObject, right: &'static TypeObject, name: &str) -> bool {
    let key = new_str(name);
    match (type_lookup(left, &key), type_lookup(right, &key)) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(l), Some(r)) => !l.is(&r) && !same_builtin(&l, &r),
    }
}

fn same_builtin(a: &Value, b: &Value) -> bool {
    match (descriptors::as_builtin_attr(a), descriptors::as_builtin_attr(b)) {
        (Some(x), Some(y)) => std::ptr::eq(x.owner, y.owner) && x.wrapped == y.wrapped,
        _ => false,
    }
}

fn slot_unary(vm: &mut Vm, v: &Value, name: &str, what: &str) -> PyResult<Value> {
    match dunder(vm, v, name, &[])? {
        Some(r) => Ok(r),
        None => {
            let msg = format!("bad operand type for {}: '{}'", what, vm.type_of(v).name);
            Err(vm.type_error(msg))
        }
    }
}

macro_rules! binary_slots {
    ($($f:ident = $op:ident;)*) => {
        $(fn $f(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
            slot_binary(vm, BinOp::$op, a, b)
        })*
    };
}

binary_slots! {
    slot_add = Add;
    slot_and = And;
    slot_floordiv = FloorDivide;
    slot_lshift = Lshift;
    slot_matmul = MatrixMultiply;
    slot_mul = Multiply;
    slot_mod = Remainder;
    slot_or = Or;
    slot_pow = Power;
    slot_rshift = Rshift;
    slot_sub = Subtract;
    slot_truediv = TrueDivide;
    slot_xor = Xor;
}

/// The number slots of every class that defines a numeric dunder.
pub static HEAP_NUMBER_SLOTS: NumberSlots = NumberSlots {
    binary: [
        Some(slot_add),
        Some(slot_and),
        Some(slot_floordiv),
        Some(slot_lshift),
        Some(slot_matmul),
        Some(slot_mul),
        Some(slot_mod),
        Some(slot_or),
        Some(slot_pow),
        Some(slot_rshift),
        Some(slot_sub),
        Some(slot_truediv),
        Some(slot_xor),
    ],
    negative: Some(|vm, v| slot_unary(vm, v, "__neg__", "unary -")),
    positive: Some(|vm, v| slot_unary(vm, v, "__pos__", "unary +")),
    invert: Some(|vm, v| slot_unary(vm, v, "__invert__", "unary ~")),
    absolute: Some(|vm, v| slot_unary(vm, v, "__abs__", "abs()")),
    inplace: [
        Some(slot_iadd),
        Some(slot_iand),
        Some(slot_ifloordiv),
        Some(slot_ilshift),
        Some(slot_imatmul),
        Some(slot_imul),
        Some(slot_imod),
        Some(slot_ior),
        Some(slot_ipow),
        Some(slot_irshift),
        Some(slot_isub),
        Some(slot_itruediv),
        Some(slot_ixor),
    ],
};

/// `a <op>= b` for a class: its `__i<op>__`, or NotImplemented (then the
/// binary operator runs).
fn slot_inplace(vm: &mut Vm, name: &str, a: &Value, b: &Value) -> PyResult<Value> {
    Ok(call_dunder(vm, a, name, std::slice::from_ref(b))?.unwrap_or_else(|| vm.not_implemented()))
}

macro_rules! inplace_slots {
    ($($f:ident = $name:literal;)*) => {
        $(fn $f(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
            slot_inplace(vm, $name, a, b)
        })*
    };
}

inplace_slots! {
    slot_iadd = "__iadd__";
    slot_iand = "__iand__";
    slot_ifloordiv = "__ifloordiv__";
    slot_ilshift = "__ilshift__";
    slot_imatmul = "__imatmul__";
    slot_imul = "__imul__";
    slot_imod = "__imod__";
    slot_ior = "__ior__";
    slot_ipow = "__ipow__";
    slot_irshift = "__irshift__";
    slot_isub = "__isub__";
    slot_itruediv = "__itruediv__";
    slot_ixor = "__ixor__";
}
