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
//! - A class's slots are filled when it is made and refilled when one of
//!   its dunders changes (`class_slots`).
//! - Attribute look-up on an instance is CPython's: data descriptors on the
//!   type, then the instance's storage, then other descriptors and class
//!   attributes, then `__getattr__`.

use std::cell::{Cell, RefCell};

use crate::builtins::class_slots::{fill_slots, update_slot};
use crate::builtins::descriptors::{self, new_classmethod, new_staticmethod};
use crate::builtins::method_descriptors::{is_builtin_new, is_unbound_builtin};
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::{self, as_exception, ExceptionData, ATTRIBUTE_ERROR, BASE_EXCEPTION, NOT_IMPLEMENTED_ERROR};
use crate::builtins::function::{as_cell, as_function};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, as_str_data, new_str};
use crate::builtins::tuple::new_tuple;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{as_type, type_value, TypeObject, Visit, OBJECT_TYPE, TYPE_TYPE};
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
                let msg = format!("{}.__new__ makes the instances of its subclasses itself", self.ty.name());
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
    } else if is(&crate::builtins::function::MODULE_TYPE) {
        BuiltinBase::allocated_by_new::<crate::builtins::function::ModuleData>(ty)
    } else if is(&crate::builtins::descriptors::SUPER_TYPE) {
        BuiltinBase::filled_by_init::<crate::builtins::descriptors::SuperData>(ty)
    } else if is(&crate::builtins::generic_alias::GENERIC_ALIAS_TYPE) {
        BuiltinBase::allocated_by_new::<crate::builtins::generic_alias::AliasData>(ty)
    } else if let Some(base) = crate::builtins::property::builtin_base(ty) {
        base
    } else if let Some(base) = crate::builtins::weakref::builtin_base(ty) {
        base
    } else if let Some(base) = crate::builtins::collections::builtin_base(ty) {
        base
    } else if let Some(base) = crate::builtins::io::builtin_base(ty) {
        base
    } else if let Some(base) = crate::builtins::random::builtin_base(ty) {
        base
    } else if let Some(base) = crate::builtins::socket::builtin_base(ty) {
        base
    } else if let Some(base) = crate::builtins::array::builtin_base(ty) {
        base
    } else if let Some(base) = crate::builtins::iter_adapters::builtin_base(ty) {
        base
    } else if let Some(base) = crate::builtins::functools::builtin_base(ty) {
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
    /// `__bases__`; replaced whole by `__bases__` assignment (each value
    /// is leaked, so an unchanged address means unchanged bases).
    pub(crate) bases: Cell<&'static [&'static TypeObject]>,
    /// `__mro__`, the class itself included (usually first): C3 of the
    /// bases, or what a metaclass's `mro()` returned. Empty while it is
    /// being computed (`__mro__` is None then); replaced whole when the
    /// bases change (see `class_mro`).
    pub(crate) mro: Cell<&'static [&'static TypeObject]>,
    /// The base whose layout the class's instances extend (CPython's
    /// `tp_base`, its `best_base`); reassigned with `__bases__`.
    pub(crate) base: Cell<&'static TypeObject>,
    /// What makes instances (CPython's `tp_new`): `Some(t)`, built-in type
    /// `t`'s `__new__`, called directly; `None`, the `__new__` found by
    /// look-up (`slot_tp_new`). See `class_slots::fill_new_slot`.
    pub(crate) tp_new: Cell<Option<&'static TypeObject>>,
    qualname: RefCell<String>,
    pub layout: Layout,
    /// The names of instance attributes (shared-key storage).
    keys: RefCell<Vec<Value>>,
    /// The hash of each key, in the same order (a look-up by a name that
    /// is not the key object itself compares hashes before text).
    key_hashes: RefCell<Vec<i64>>,
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
    /// The names this class's own `__slots__` added, mangled, in order.
    slot_names: Vec<String>,
}

impl HeapType {
    /// `__bases__`.
    #[inline]
    pub fn bases(&self) -> &'static [&'static TypeObject] {
        self.bases.get()
    }

    /// `__mro__` (empty while it is being computed).
    #[inline]
    pub fn mro(&self) -> &'static [&'static TypeObject] {
        self.mro.get()
    }

    pub fn qualname(&self) -> String {
        self.qualname.borrow().clone()
    }

    /// `__module__` from the namespace, when it is a str.
    pub fn module_name(&self) -> Option<String> {
        let d = as_dict(&self.dict)?;
        let m = d.get_str(&crate::builtins::str::intern_static("__module__"))?;
        as_str(&m).map(str::to_string)
    }

    fn key_index(&self, name: &Value) -> Option<usize> {
        let wanted = crate::builtins::str::as_str_data(name)?;
        let keys = self.keys.borrow();
        if let Some(i) = keys.iter().position(|k| k.is(name)) {
            return Some(i);
        }
        let hash = crate::builtins::str::hash_of(wanted);
        let hashes = self.key_hashes.borrow();
        (0..keys.len()).find(|&i| {
            hashes[i] == hash && crate::builtins::str::as_str_data(&keys[i]).is_some_and(|d| d.bytes() == wanted.bytes())
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

    /// Has the instance no attribute (no value set, no `__dict__`)?
    pub fn is_empty(&self) -> bool {
        self.order.borrow().is_empty() && self.dict.borrow().is_null()
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
        _ => as_exception(obj)
            .map(|e| Storage::Dict(&e.dict))
            .or_else(|| crate::builtins::collections::odict_inst_dict(obj).map(Storage::Dict))
            .or_else(|| crate::builtins::functools::inst_dict_cell(obj).map(Storage::Dict)),
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
                        let hash = crate::builtins::str::as_str_data(name).map_or(-1, crate::builtins::str::hash_of);
                        h.keys.borrow_mut().push(name.clone());
                        h.key_hashes.borrow_mut().push(hash);
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

/// `obj.__class__ = cls` (CPython's `object_set_class`): both classes
/// must be heap types with the same instance lay-out. An instance's
/// shared-key attributes move into a dict of its own first, since the key
/// tables are per class.
pub fn set_instance_class(vm: &mut Vm, obj: &Value, value: &Value) -> PyResult<()> {
    let Some(new) = as_type(value) else {
        let msg = format!("__class__ must be set to a class, not '{}' object", vm.type_of(value).name());
        return Err(vm.type_error(msg));
    };
    let old = vm.type_of_static(obj);
    let (Some(old_h), Some(new_h)) = (heap(old), heap(new)) else {
        return Err(vm.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    };
    if !same_layout(old, old_h, new, new_h) {
        let msg = format!("__class__ assignment: '{}' object layout differs from '{}'", new.name(), old.name());
        return Err(vm.type_error(msg));
    }
    if let Some(Storage::Shared(data, h)) = storage(obj) {
        if data.dict.borrow().is_null() {
            materialize(vm, data, h)?;
        }
    }
    obj.as_object().expect("an instance of a class").set_type(new);
    Ok(())
}

/// May an instance of `a` become one of `b` (CPython's
/// `compatible_for_assignment`)? Each class is taken up its `tp_base`
/// chain while it adds nothing to its base's lay-out; the two classes
/// reached must be one, or share a `tp_base` and add the same storage to
/// it. Krait's own representations must then agree too (they do, unless
/// one of the variable-sized built-ins is involved).
fn same_layout(a: &'static TypeObject, ah: &HeapType, b: &'static TypeObject, bh: &HeapType) -> bool {
    let top = |mut t: &'static TypeObject| {
        while let Some(p) = same_as_base(t) {
            t = p;
        }
        t
    };
    let (ta, tb) = (top(a), top(b));
    if !std::ptr::eq(ta, tb) {
        let (Some(ha), Some(hb)) = (heap(ta), heap(tb)) else { return false };
        if !std::ptr::eq(ha.base.get(), hb.base.get()) || !same_storage(ha, hb) || ha.slot_names != hb.slot_names {
            return false;
        }
    }
    let var_sized = [&crate::builtins::int::INT_TYPE, &crate::builtins::tuple::TUPLE_TYPE, &crate::builtins::bytes::BYTES_TYPE]
        .iter()
        .any(|t| ah.solid.is_subtype(t));
    std::ptr::eq(ah.solid, bh.solid)
        && !(ah.layout == Layout::Builtin && var_sized)
        && same_storage(ah, bh)
        && a.dealloc as usize == b.dealloc as usize
}

/// Do instances of two classes keep the same storage: lay-out, `__dict__`,
/// weak references and number of `__slots__` values?
fn same_storage(a: &HeapType, b: &HeapType) -> bool {
    a.layout == b.layout
        && a.inst_offset == b.inst_offset
        && a.has_dict == b.has_dict
        && a.weakrefable == b.weakrefable
        && a.nslots == b.nslots
}

/// `ty`'s `tp_base` when `ty` adds nothing to that class's instance
/// lay-out (CPython's `compatible_with_tp_base`).
fn same_as_base(ty: &'static TypeObject) -> Option<&'static TypeObject> {
    let h = heap(ty)?;
    let base = h.base.get();
    let bh = heap(base)?;
    (same_storage(h, bh) && ty.dealloc as usize == base.dealloc as usize).then_some(base)
}

/// The `__slots__` names that gave instances of `ty` their last slots.
pub(crate) fn slot_names_of(ty: &'static TypeObject) -> Vec<String> {
    heap(slots_owner(ty)).map_or_else(Vec::new, |h| h.slot_names.clone())
}

/// The class whose `__slots__` gave instances of `ty` their last slot.
fn slots_owner(ty: &'static TypeObject) -> &'static TypeObject {
    let n = heap(ty).map_or(0, |h| h.nslots);
    let mut owner = ty;
    while let Some(base) = heap(owner).and_then(|h| h.bases().iter().copied().find(|b| heap(b).is_some_and(|bh| bh.nslots == n))) {
        owner = base;
    }
    owner
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
pub(crate) fn set_instance_dict(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    if let Some(v) = &value {
        if as_dict(v).is_none() {
            let msg = format!("__dict__ must be set to a dictionary, not a '{}'", vm.type_of(v).name());
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
        None => return Err(attribute_error(vm, obj, &crate::builtins::str::intern_static("__dict__"))),
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

/// A class namespace or MRO changed: every cached look-up is stale.
pub(crate) fn bump_type_epoch() {
    TYPE_EPOCH.with(|e| e.set(e.get() + 1));
}

/// Drop the method cache's entries from before the current epoch: they
/// can never hit again, but hold what they found alive (`gc.collect()`
/// calls this; the look-up itself stays free of the sweep).
pub(crate) fn release_stale_method_cache() {
    let epoch = type_epoch();
    let stale: Vec<MethodCacheEntry> = METHOD_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.iter_mut().filter(|e| e.epoch != epoch && e.ty != 0).map(|e| std::mem::replace(e, MethodCacheEntry::EMPTY)).collect()
    });
    // Dropped after the borrow ends (freeing may run finalizers).
    drop(stale);
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
        None => as_dict(&crate::builtins::slot_wrappers::builtin_dict(ty))?.get_str(name),
    }
}

/// Does class `cls` (derived from built-in `base`) define `name`
/// differently from `base`? (CPython's `type->tp_init == Base.tp_init`
/// tests, which decide whether a built-in's `__new__` or `__init__`
/// ignores keyword arguments meant for the class's own method.)
pub fn overrides(cls: &'static TypeObject, base: &'static TypeObject, name: &str) -> bool {
    let name = crate::builtins::str::intern(name);
    match (type_lookup(cls, &name), type_lookup(base, &name)) {
        (Some(a), Some(b)) => !a.is(&b),
        (a, b) => a.is_some() != b.is_some(),
    }
}

/// `name` looked up on `type(obj)` and bound to `obj` (CPython's
/// `_PyObject_LookupSpecial`): what `with`, `await` and `async for` call.
pub fn lookup_special(vm: &mut Vm, obj: &Value, name: &'static str) -> PyResult<Option<Value>> {
    let ty = vm.type_of_static(obj);
    let Some(f) = type_lookup(ty, &crate::builtins::str::intern_static(name)) else { return Ok(None) };
    match vm.type_of(&f).descr_get.get() {
        Some(get) => get(vm, &f, obj, ty).map(Some),
        None => Ok(Some(f)),
    }
}

/// Look `name` up on `type(obj)` and call it with `obj` and `args`
/// (CPython's `vectorcall_method`); `Ok(None)` when the type lacks it.
pub fn call_dunder(vm: &mut Vm, obj: &Value, name: &'static str, args: &[Value]) -> PyResult<Option<Value>> {
    let ty = vm.type_of_static(obj);
    let Some(attr) = type_lookup(ty, &crate::builtins::str::intern_static(name)) else { return Ok(None) };
    call_found(vm, obj, ty, &attr, args).map(Some)
}

/// `f(receiver, *args)`: the arguments in one slice, on the Rust stack
/// when they are few (a class's `__init__`, its dunders), so no `Vec` is
/// allocated for them.
#[inline]
pub(crate) fn call_with_receiver(vm: &mut Vm, f: &Value, receiver: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // Arrays of the exact size: nothing extra to initialise or drop.
    let r = receiver.clone();
    match args {
        [] => return crate::eval::call(vm, f, &[r], kwnames),
        [a] => return crate::eval::call(vm, f, &[r, a.clone()], kwnames),
        [a, b] => return crate::eval::call(vm, f, &[r, a.clone(), b.clone()], kwnames),
        [a, b, c] => return crate::eval::call(vm, f, &[r, a.clone(), b.clone(), c.clone()], kwnames),
        _ => drop(r),
    }
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(receiver.clone());
    full.extend_from_slice(args);
    crate::eval::call(vm, f, &full, kwnames)
}

/// Call a dunder `attr` found on `ty` for instance `obj`.
pub(crate) fn call_found(vm: &mut Vm, obj: &Value, ty: &'static TypeObject, attr: &Value, args: &[Value]) -> PyResult<Value> {
    if as_function(attr).is_some() || is_unbound_builtin(attr) {
        return call_with_receiver(vm, attr, obj, args, &[]);
    }
    let bound = match vm.type_of(attr).descr_get.get() {
        Some(get) => get(vm, attr, obj, ty)?,
        None => attr.clone(),
    };
    crate::eval::call(vm, &bound, args, &[])
}

// ----- generic attribute access ----------------------------------------

pub fn attribute_error(vm: &mut Vm, obj: &Value, name: &Value) -> PyErr {
    let head = format!("'{}' object has no attribute '", vm.type_of(obj).name());
    match as_str(name) {
        Some(text) => vm.error(&ATTRIBUTE_ERROR, format!("{head}{text}'")),
        // A name with lone surrogates is in the message as it is.
        None => {
            let msg = crate::builtins::str::concat(&[new_str(&head), name.clone(), new_str("'")]).unwrap_or_else(|| new_str(&head));
            PyErr { exception: exceptions::exception_with_args(&ATTRIBUTE_ERROR, vec![msg]) }
        }
    }
}

/// Whether class `ty` defines its own `__class__` (a property, as mocks
/// and abstract instances do), which then shadows `object`'s.
fn overrides_class(ty: &'static TypeObject, name: &Value) -> bool {
    ty.heap.is_some()
        && match type_lookup(ty, name) {
            Some(found) => !type_lookup(&crate::types::OBJECT_TYPE, name).is_some_and(|own| found.is(&own)),
            None => false,
        }
}

/// `object.__getattribute__`: `Ok(None)` when there is no such attribute.
pub fn generic_getattr_opt(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let ty = vm.type_of_static(obj);
    match crate::builtins::str::as_str_data(name).map(|d| d.bytes()) {
        // `object`'s `__class__` descriptor, unless a class defines its own
        // (a property, as unittest.mock's, or a plain class attribute).
        Some(b"__class__") if !overrides_class(ty, name) => return Ok(Some(type_value(ty))),
        // The instance's namespace, unless a class replaced the
        // `__dict__` descriptor (a property, as `test_builtin`'s).
        Some(b"__dict__") if !replaces_dict_descriptor(vm, ty, name) => {
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

/// Does class `ty` answer `__dict__` with something other than the
/// instance-dict getset (a property, a plain value)?
fn replaces_dict_descriptor(vm: &Vm, ty: &'static TypeObject, name: &Value) -> bool {
    match type_lookup(ty, name) {
        Some(d) => !std::ptr::eq(vm.type_of(&d), &descriptors::GETSET_DESCRIPTOR_TYPE),
        None => false,
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
        return match value {
            Some(v) => set_instance_class(vm, obj, &v),
            None => Err(vm.type_error("can't delete __class__ attribute")),
        };
    }
    if instance_set(vm, obj, name, value)? {
        return Ok(());
    }
    // No instance storage: a class attribute there is read-only, whether
    // assigned or deleted (CPython's `_PyObject_GenericSetAttrWithDict`).
    if storage(obj).is_some() || descr.is_none() {
        return Err(attribute_error(vm, obj, name));
    }
    let msg = format!("'{}' object attribute '{}' is read-only", ty.name(), as_str(name).unwrap_or("?"));
    Err(vm.error(&ATTRIBUTE_ERROR, msg))
}

/// Store `value` as attribute `name` in `obj`'s own dict `d`, or delete
/// it (`None`): CPython's `_PyObject_GenericSetAttrWithDict` once no data
/// descriptor took the name, with its AttributeError for a missing one.
pub fn set_in_dict(vm: &mut Vm, obj: &Value, d: &crate::builtins::dict::DictData, name: &Value, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(v) => d.set(vm, name.clone(), v),
        None if d.remove(vm, name)? => Ok(()),
        None => Err(attribute_error(vm, obj, name)),
    }
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
    // The metatype's other attributes: a metaclass's, or `type`'s own
    // (`int.__call__`, bound to `int`), which hold no data descriptors
    // that `type_special` does not answer first.
    let meta_attr = match meta_attr {
        Some(ma) => Some(ma),
        None if meta.heap.is_none() => type_lookup(meta, name),
        None => None,
    };
    if let Some(ma) = meta_attr {
        return match vm.type_of(&ma).descr_get.get() {
            Some(get) => get(vm, &ma, v, meta),
            None => Ok(ma),
        };
    }
    let msg = format!("type object '{}' has no attribute '{}'", ty.name(), text);
    Err(vm.error(&ATTRIBUTE_ERROR, msg))
}

/// `type`'s methods: `cls.mro()`, `cls.__subclasses__()`, and the checks
/// `isinstance` and `issubclass` make when a metaclass does not override
/// them (for `super().__instancecheck__(x)` in one that does).
pub static TYPE_METHODS: [crate::types::MethodDef; 4] = [
    crate::types::MethodDef {
        name: "__instancecheck__",
        func: |vm, this, args, kwnames| {
            crate::builtins::dict::check_args(vm, "type.__instancecheck__", args, kwnames, 1, 1)?;
            let r = crate::builtins::functions::real_is_instance(vm, &args[0], this)?;
            Ok(vm.bool(r))
        },
    },
    crate::types::MethodDef {
        name: "__subclasscheck__",
        func: |vm, this, args, kwnames| {
            crate::builtins::dict::check_args(vm, "type.__subclasscheck__", args, kwnames, 1, 1)?;
            let r = crate::builtins::functions::real_is_subclass(vm, &args[0], this)?;
            Ok(vm.bool(r))
        },
    },
    crate::types::MethodDef {
        name: "mro",
        func: |vm, this, args, kwnames| {
            crate::builtins::function::no_keywords(vm, "mro", kwnames)?;
            if !args.is_empty() {
                return Err(vm.type_error(format!("type.mro() takes no arguments ({} given)", args.len())));
            }
            let ty = as_type(this).expect("a method of type");
            let mro = crate::builtins::class_mro::mro_implementation(vm, ty)?;
            Ok(crate::builtins::list::new_list(mro.into_iter().map(type_value).collect()))
        },
    },
    crate::types::MethodDef {
        name: "__subclasses__",
        func: |vm, this, args, kwnames| {
            crate::builtins::function::no_keywords(vm, "__subclasses__", kwnames)?;
            if !args.is_empty() {
                return Err(vm.type_error(format!("{}.__subclasses__() takes no arguments ({} given)", as_type(this).map_or("type", |t| t.name()), args.len())));
            }
            let ty = as_type(this).expect("a method of type");
            let subs = crate::builtins::class_mro::subclasses(ty);
            Ok(crate::builtins::list::new_list(subs.into_iter().map(type_value).collect()))
        },
    },
];

/// `type.__prepare__(name, bases, **kwds)`: a new empty namespace, whatever
/// the arguments (CPython's `type___prepare__`).
pub static TYPE_CLASS_METHODS: [crate::types::MethodDef; 1] =
    [crate::types::MethodDef { name: "__prepare__", func: |_, _, _, _| Ok(new_dict()) }];

/// The attributes every type has through `type`'s descriptors.
pub(crate) fn type_special(vm: &mut Vm, ty: &'static TypeObject, name: &str) -> PyResult<Option<Value>> {
    let h = heap(ty);
    Ok(Some(match name {
        // A built-in type named `module.name` (CPython's `tp_name`).
        // A class's is its name as given or assigned (dots and all).
        // A class gives the same str each time, as CPython's `ht_name` and
        // `ht_qualname` (inspect.classify_class_attrs relies on it): the
        // names are interned (a class statement's name already is).
        "__name__" if h.is_some() => crate::builtins::str::intern(ty.name()),
        "__name__" => new_str(ty.name().rsplit('.').next().unwrap_or(ty.name())),
        "__qualname__" => match h {
            Some(h) => crate::builtins::str::intern(&h.qualname()),
            None => new_str(ty.name().rsplit('.').next().unwrap_or(ty.name())),
        },
        "__module__" => match h {
            Some(h) => as_dict(&h.dict).and_then(|d| d.get_str(&crate::builtins::str::intern_static("__module__"))).unwrap_or_else(none),
            None => new_str(ty.name().rsplit_once('.').map_or("builtins", |(m, _)| m)),
        },
        "__doc__" => match h {
            Some(h) => {
                let doc = as_dict(&h.dict).and_then(|d| d.get_str(&crate::builtins::str::intern_static("__doc__"))).unwrap_or_else(none);
                match vm.type_of(&doc).descr_get.get() {
                    Some(get) => get(vm, &doc, &Value::NULL, ty)?,
                    None => doc,
                }
            }
            None => {
                let doc = crate::builtins::type_docs::doc_of(ty.name());
                doc.map_or_else(none, |d| new_str(crate::builtins::type_docs::split_doc(d).1))
            }
        },
        // A class's is None unless its doc has the signature form; Krait
        // reads that form only in the built-in types' docs.
        "__text_signature__" => {
            let doc = if h.is_none() { crate::builtins::type_docs::doc_of(ty.name()) } else { None };
            doc.and_then(|d| crate::builtins::type_docs::split_doc(d).0).map_or_else(none, new_str)
        }
        "__bases__" => new_tuple(match h {
            Some(h) => h.bases().iter().map(|t| type_value(t)).collect(),
            None => ty.base.into_iter().map(type_value).collect(),
        }),
        "__base__" => crate::builtins::type_attrs::best_base(ty).map_or_else(none, type_value),
        "__flags__" => crate::builtins::int::new_int(crate::builtins::type_attrs::flags(ty)),
        "__basicsize__" => crate::builtins::int::new_int(crate::builtins::type_attrs::basicsize(ty)),
        "__mro__" if h.is_some_and(|h| h.mro().is_empty()) => none(),
        "__mro__" => new_tuple(ty.mro().map(type_value).collect()),
        // The size of an item of CPython's variable-sized objects (a
        // tuple's pointers, an int's 30-bit digits, a bytes' chars),
        // which a class inherits from its built-in base.
        "__itemsize__" => {
            let base = h.map_or(ty, |h| h.solid);
            let size = match base.name() {
                "tuple" => 8,
                "int" | "bool" => 4,
                "bytes" => 1,
                "type" => 40,
                _ => 0,
            };
            crate::builtins::int::new_int(size)
        }
        "__class__" => type_value(ty.header_type()),
        // A class's own annotations, never a base's: made empty (and kept)
        // on first use (CPython's `type_get_annotations`).
        "__annotations__" => {
            let Some(h) = h else { return Ok(None) };
            let d = as_dict(&h.dict).expect("a class namespace");
            let key = crate::builtins::str::intern_static("__annotations__");
            match d.get_str(&key) {
                Some(a) => match vm.type_of(&a).descr_get.get() {
                    Some(get) => get(vm, &a, &Value::NULL, ty)?,
                    None => a,
                },
                None => {
                    let a = new_dict();
                    d.set(vm, key, a.clone())?;
                    a
                }
            }
        }
        "__dict__" => match h {
            Some(h) => crate::builtins::dict::new_mappingproxy(h.dict.clone()),
            None => crate::builtins::dict::new_mappingproxy(crate::builtins::slot_wrappers::builtin_dict(ty)),
        },
        _ => return Ok(None),
    }))
}

/// `cls.name = value` / `del cls.name` (CPython's `type_setattro`).
pub fn type_setattr(vm: &mut Vm, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let ty = as_type(v).expect("type slot on a type");
    let text = as_str(name).unwrap_or("?").to_string();
    let Some(h) = heap(ty) else {
        let msg = format!("cannot set '{}' attribute of immutable type '{}'", text, ty.name());
        return Err(vm.type_error(msg));
    };
    match (text.as_str(), &value) {
        ("__name__" | "__qualname__" | "__doc__" | "__module__", None) => {
            let msg = format!("cannot delete '{}' attribute of immutable type '{}'", text, ty.name());
            return Err(vm.type_error(msg));
        }
        ("__name__", Some(n)) => {
            let Some(n) = crate::builtins::str::as_str_data(n) else {
                let msg = format!("can only assign string to {}.__name__, not '{}'", ty.name(), vm.type_of(n).name());
                return Err(vm.type_error(msg));
            };
            let n = crate::builtins::type_attrs::check_type_name(vm, n)?;
            // The old name stays allocated: `&'static str`s of it may be
            // held (in messages being built, in caches of names).
            ty.tp_name.set(Box::leak(n.to_string().into_boxed_str()));
            return Ok(());
        }
        ("__qualname__", Some(q)) => {
            let Some(q) = as_str(q) else {
                let msg = format!("can only assign string to {}.__qualname__, not '{}'", ty.name(), vm.type_of(q).name());
                return Err(vm.type_error(msg));
            };
            *h.qualname.borrow_mut() = q.to_string();
            return Ok(());
        }
        ("__bases__", _) => return crate::builtins::class_mro::set_bases(vm, ty, value),
        // Read-only members of `type` (CPython's `tp_mro`, `tp_base`).
        ("__mro__" | "__base__", _) => return Err(vm.error(&ATTRIBUTE_ERROR, "readonly attribute")),
        // Getters of `type` without a setter.
        ("__dict__" | "__text_signature__", _) => {
            let msg = format!("attribute '{text}' of 'type' objects is not writable");
            return Err(vm.error(&ATTRIBUTE_ERROR, msg));
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
                let msg = format!("type object '{}' has no attribute '{}'", ty.name(), text);
                return Err(vm.error(&ATTRIBUTE_ERROR, msg));
            }
        }
    }
    if text == "__abstractmethods__" {
        // CPython's `type_set_abstractmethods`: the flag follows the
        // value's truth.
        let abstract_ = match d.get_str(name) {
            Some(v) => ops::truthy(vm, &v)?,
            None => false,
        };
        let flags = ty.flags.get() & !crate::types::tp_flags::IS_ABSTRACT;
        ty.flags.set(if abstract_ { flags | crate::types::tp_flags::IS_ABSTRACT } else { flags });
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
        Some(m) => type_value(calculate_meta(vm, m, &bases)?),
        None => meta,
    };
    let (kw_names, kw_values): (Vec<Value>, Vec<Value>) = kwds.iter().cloned().unzip();
    let mut prepare_args = vec![args[1].clone(), new_tuple(bases.clone())];
    prepare_args.extend(kw_values.iter().cloned());
    let ns = match ops::getattr(vm, &meta, &crate::builtins::str::intern_static("__prepare__")) {
        Ok(prepare) => crate::eval::call(vm, &prepare, &prepare_args, &kw_names)?,
        Err(e) if vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR) => new_dict(),
        Err(e) => return Err(e),
    };
    if as_dict(&ns).is_none() {
        let who = as_type(&meta).map_or_else(|| "<metaclass>".to_string(), |m| m.name().to_string());
        let msg = format!("{who}.__prepare__() must return a mapping, not {}", vm.type_of(&ns).name());
        return Err(vm.type_error(msg));
    }
    let cell = crate::eval::run_class_body(vm, func, ns.clone())?;
    let changed = bases.len() != orig_bases.len() || bases.iter().zip(&orig_bases).any(|(a, b)| !a.is(b));
    if changed {
        let key = crate::builtins::str::intern_static("__orig_bases__");
        crate::eval::store_item(vm, &ns, key, new_tuple(orig_bases))?;
    }
    let mut call_args = vec![args[1].clone(), new_tuple(bases), ns];
    call_args.extend(kw_values);
    let cls = crate::eval::call(vm, &meta, &call_args, &kw_names)?;
    // `type.__new__` filled the `__class__` cell from `__classcell__`; a
    // metaclass that dropped it or made another class with it is an error
    // (CPython's `builtin___build_class__`).
    if let Some(c) = as_cell(&cell) {
        if as_type(&cls).is_some() {
            let content = c.content.borrow().clone();
            if !content.is(&cls) {
                let name = as_str(&args[1]).unwrap_or_default();
                let cls_repr = crate::ops::repr_string(vm, &cls)?;
                if content.is_null() {
                    let msg = format!("__class__ not set defining '{name}' as {cls_repr}. Was __classcell__ propagated to type.__new__?");
                    return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, msg));
                }
                let content_repr = crate::ops::repr_string(vm, &content)?;
                return Err(vm.type_error(format!("__class__ set to {content_repr} defining '{name}' as {cls_repr}")));
            }
        }
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
    let winner = calculate_meta(vm, meta, bases)?;
    if !std::ptr::eq(winner, meta) {
        if let Some(n) = type_lookup(winner, &crate::builtins::str::intern_static("__new__")) {
            if !is_builtin_new(&n, &TYPE_TYPE) {
                let f = match vm.type_of(&n).descr_get.get() {
                    Some(get) => get(vm, &n, &Value::NULL, winner)?,
                    None => n,
                };
                return call_with_receiver(vm, &f, &type_value(winner), args, kwnames);
            }
        }
    }
    let npos = args.len() - kwnames.len();
    let kwds: Vec<(Value, Value)> = kwnames.iter().cloned().zip(args[npos..].iter().cloned()).collect();
    new_class_checked(vm, winner, name, bases, dict, &kwds, true)
}

/// After `type(name, bases, dict)` made `obj`: its metaclass's `__init__`
/// when that is a class.
pub fn init_by_metaclass(vm: &mut Vm, obj: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let Some(cls) = as_type(obj) else { return Ok(()) };
    let meta = cls.header_type();
    if meta.heap.is_none() {
        return Ok(());
    }
    let Some(init) = type_lookup(meta, &crate::builtins::str::intern_static("__init__")) else { return Ok(()) };
    call_found_kw(vm, obj, meta, &init, args, kwnames)?;
    Ok(())
}

/// The bases a class statement lists, with each non-class that has
/// `__mro_entries__` replaced by what it returns (PEP 560, CPython's
/// `update_bases`).
fn resolve_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(bases.len());
    let key = crate::builtins::str::intern_static("__mro_entries__");
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
    bases: &[Value],
) -> PyResult<&'static TypeObject> {
    let mut winner = meta;
    for b in bases {
        let t = vm.type_of_static(b);
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

/// A class a native module makes: `new_class` without the checks of
/// `__slots__` against the base (a struct sequence is a tuple subclass
/// whose extra fields are slots).
pub fn new_class(
    vm: &mut Vm,
    meta: &'static TypeObject,
    name: &str,
    bases: &[Value],
    ns: &Value,
    kwds: &[(Value, Value)],
) -> PyResult<Value> {
    new_class_checked(vm, meta, name, bases, ns, kwds, false)
}

/// CPython's `type_new`: a class named `name` with `bases` and namespace
/// `ns`; `kwds` go to `__init_subclass__`. `check_slots`: refuse the
/// `__slots__` CPython refuses (Python code's classes).
pub fn new_class_checked(
    vm: &mut Vm,
    meta: &'static TypeObject,
    name: &str,
    bases: &[Value],
    ns: &Value,
    kwds: &[(Value, Value)],
    check_slots: bool,
) -> PyResult<Value> {
    let meta = calculate_meta(vm, meta, bases)?;
    let mut base_types: Vec<&'static TypeObject> = Vec::new();
    for b in bases {
        match as_type(b) {
            Some(t) => base_types.push(t),
            None => {
                let msg = format!("bases must be types, not {}", vm.type_of(b).name());
                return Err(vm.type_error(msg));
            }
        }
    }
    if base_types.is_empty() {
        base_types.push(&OBJECT_TYPE);
    }
    let (layout, solid, best) = solid_of_bases(vm, &base_types)?;
    for (i, b) in base_types.iter().enumerate() {
        if base_types[..i].iter().any(|x| std::ptr::eq(*x, *b)) {
            let msg = format!("duplicate base class {}", b.name());
            return Err(vm.type_error(msg));
        }
    }

    // The namespace, adjusted as type_new does.
    let dict = new_dict();
    let d = as_dict(&dict).expect("a dict");
    let source = as_dict(ns).ok_or_else(|| vm.type_error("type.__new__() argument 3 must be dict"))?;
    let mut qualname = name.to_string();
    let mut slots_value: Option<Value> = None;
    let mut classcell: Option<Value> = None;
    for (k, v) in source.items() {
        match as_str(&k) {
            Some("__qualname__") => match as_str(&v) {
                Some(q) => qualname = q.to_string(),
                None => {
                    let msg = format!("type __qualname__ must be a str, not {}", vm.type_of(&v).name());
                    return Err(vm.type_error(msg));
                }
            },
            Some("__classcell__") => {
                if as_cell(&v).is_none() {
                    let msg = format!("__classcell__ must be a nonlocal cell, not {}", crate::ops::repr_string(vm, &type_value(vm.type_of_static(&v)))?);
                    return Err(vm.type_error(msg));
                }
                classcell = Some(v.clone());
            }
            Some("__doc__") => {
                crate::builtins::type_attrs::check_doc(vm, &v)?;
                d.set(vm, k, v)?;
            }
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
    if d.get_str(&crate::builtins::str::intern_static("__module__")).is_none() {
        if let Some(m) = current_module_name(vm) {
            d.set(vm, crate::builtins::str::intern_static("__module__"), m)?;
        }
    }

    // __slots__: member descriptors after the bases' slots; a __dict__
    // only if asked for or a base has one.
    // Built-ins whose instances have a `__dict__`: exceptions, OrderedDict, partial.
    let builtin_has_dict = |b: &TypeObject| {
        b.is_subtype(&BASE_EXCEPTION) || b.is_subtype(&crate::builtins::collections::ODICT_TYPE) || b.is_subtype(&crate::builtins::functools::PARTIAL_TYPE)
    };
    let base_has_dict = base_types.iter().any(|b| heap(b).map_or(builtin_has_dict(b), |h| h.has_dict));
    let base_slots = base_types.iter().filter_map(|b| heap(b)).map(|h| h.nslots).max().unwrap_or(0);
    let mut has_dict = true;
    // Built-ins whose instances take weak references (CPython's non-zero
    // `tp_weaklistoffset`): their subclasses do too, even with `__slots__`.
    let builtin_weakref = |b: &TypeObject| {
        use crate::builtins::{array::ARRAY_TYPE, collections, generic_alias::GENERIC_ALIAS_TYPE, set};
        let partial = &crate::builtins::functools::PARTIAL_TYPE;
        [&GENERIC_ALIAS_TYPE, &set::SET_TYPE, &set::FROZENSET_TYPE, &ARRAY_TYPE, &collections::ODICT_TYPE, &collections::DEQUE_TYPE, partial]
            .iter()
            .any(|t| b.is_subtype(t))
    };
    let base_weakref = base_types.iter().any(|b| heap(b).map_or(builtin_weakref(b), |h| h.weakrefable));
    let mut has_weakref = slots_value.is_none() || base_weakref;
    // Did the class ask for a `__dict__` and weak references (no
    // `__slots__`, or these names in them)?
    let mut dict_asked = slots_value.is_none();
    let mut weakref_asked = slots_value.is_none();
    let mut slot_names: Vec<String> = Vec::new();
    if let Some(sv) = &slots_value {
        let items = if as_str_data(sv).is_some() { vec![sv.clone()] } else { crate::ops::collect(vm, sv)? };
        if check_slots {
            crate::builtins::type_attrs::check_slots(vm, &items, &base_types)?;
        }
        has_dict = base_has_dict;
        for item in items {
            let Some(n) = as_str(&item).map(str::to_string) else {
                let msg = format!("__slots__ items must be strings, not '{}'", vm.type_of(&item).name());
                return Err(vm.type_error(msg));
            };
            let mut chars = n.chars();
            let identifier = chars.next().is_some_and(krait_syntax::unicode::is_id_start)
                && chars.all(krait_syntax::unicode::is_id_continue);
            if !identifier {
                return Err(vm.type_error("__slots__ must be identifiers"));
            }
            match n.as_str() {
                "__dict__" => {
                    if dict_asked || base_has_dict {
                        return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
                    }
                    has_dict = true;
                    dict_asked = true;
                }
                "__weakref__" => {
                    if weakref_asked || base_weakref {
                        return Err(vm.type_error("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0"));
                    }
                    has_weakref = true;
                    weakref_asked = true;
                }
                _ => {
                    let mangled = mangle_private(&n, name);
                    // `__qualname__` and `__classcell__` leave the namespace
                    // (CPython's `type_new_copy_slots`).
                    let key = crate::builtins::str::intern(&mangled);
                    if source.get_str(&key).is_some() && !matches!(mangled.as_str(), "__qualname__" | "__classcell__") {
                        let msg = format!("{} in __slots__ conflicts with class variable", ops::repr_string(vm, &key)?);
                        return Err(vm.value_error(msg));
                    }
                    slot_names.push(mangled);
                }
            }
        }
        // Members are laid out in sorted order, so two classes listing the
        // same names in another order have the same layout.
        slot_names.sort();
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
        bases: Cell::new(crate::builtins::class_mro::leak(base_types.clone())),
        mro: Cell::new(&[]),
        base: Cell::new(base_types[best]),
        tp_new: Cell::new(inherited_new(base_types[best])),
        qualname: RefCell::new(qualname),
        layout,
        keys: RefCell::new(Vec::new()),
        key_hashes: RefCell::new(Vec::new()),
        subclasses: RefCell::new(Vec::new()),
        solid,
        has_dict: (has_dict || layout == Layout::Exception) && layout != Layout::Type && (layout != Layout::Builtin || inst_offset != 0),
        inst_offset,
        weakrefable: has_weakref && inst_offset != 0,
        nslots: base_slots + slot_names.len(),
        slot_names: slot_names.clone(),
    };
    let mut ty = TypeObject {
        header: crate::object::ObjHeader::immortal(meta),
        heap: Some(Box::leak(Box::new(data))),
        ..TypeObject::builtin(leaked_name, Some(base_types[best]), dealloc, trace)
    };
    ty.flags.set(flags);
    ty.new = Some(class_call);
    let ty: &'static TypeObject = Box::leak(Box::new(ty));
    // The MRO (CPython's `type_ready_mro`); a metaclass's `mro()` may
    // use the class, so it has its base's slots while that runs.
    // The methods' `__class__` cell is this class from here on (CPython's
    // `type_new_set_classcell`), before `mro()`, `__set_name__` and
    // `__init_subclass__` run.
    if let Some(c) = classcell.as_ref().and_then(as_cell) {
        *c.content.borrow_mut() = type_value(ty);
    }
    let plain_meta = std::ptr::eq(meta, &TYPE_TYPE);
    if !plain_meta {
        fill_slots(ty, solid);
    }
    crate::builtins::class_mro::mro_internal(vm, ty)?;
    // CPython's `inherit_patma_flags`: a class with neither collection
    // flag takes those of the first class of its MRO that has one.
    let collection = crate::types::tp_flags::SEQUENCE | crate::types::tp_flags::MAPPING;
    if ty.flags.get() & collection == 0 {
        if let Some(f) = ty.mro().skip(1).map(|t| t.flags.get() & collection).find(|f| *f != 0) {
            ty.flags.set(ty.flags.get() | f);
        }
    }
    fill_slots(ty, solid);
    for b in heap(ty).expect("a class").bases() {
        crate::builtins::class_mro::add_subclass(b, ty);
    }
    let cls = type_value(ty);
    // The namespace's descriptors, in CPython's order: the `__slots__`
    // members, `__dict__` and `__weakref__` when this class adds them,
    // then `__doc__` and `__hash__` defaults.
    let d = as_dict(&heap(ty).expect("a class").dict).expect("a dict");
    if inst_offset != 0 {
        for (i, n) in slot_names.iter().enumerate() {
            let member = descriptors::new_member(ty, n, base_slots + i);
            d.set(vm, crate::builtins::str::intern(n), member)?;
        }
    }
    let adds_dict = dict_asked && !base_has_dict && layout != Layout::Type;
    // Variable-sized built-ins (CPython's `tp_itemsize`) take no weak
    // reference list.
    let var_sized = [&crate::builtins::int::INT_TYPE, &crate::builtins::str::STR_TYPE, &crate::builtins::tuple::TUPLE_TYPE, &crate::builtins::bytes::BYTES_TYPE]
        .iter()
        .any(|t| solid.is_subtype(t));
    let base_weakref =
        base_types.iter().any(|b| builtin_weakref(b) || type_lookup(b, &crate::builtins::str::intern_static("__weakref__")).is_some());
    let adds_weakref = weakref_asked && !base_weakref && !var_sized && layout != Layout::Type;
    for (adds, def) in [(adds_dict, &INSTANCE_DICT), (adds_weakref, &INSTANCE_WEAKREF)] {
        let key = crate::builtins::str::intern(def.name);
        if adds && d.get_str(&key).is_none() {
            d.set(vm, key, descriptors::new_getset(ty, def))?;
        }
    }
    if d.get_str(&crate::builtins::str::intern_static("__doc__")).is_none() {
        d.set(vm, crate::builtins::str::intern_static("__doc__"), none())?;
    }
    if d.get_str(&crate::builtins::str::intern_static("__eq__")).is_some() && d.get_str(&crate::builtins::str::intern_static("__hash__")).is_none() {
        d.set(vm, crate::builtins::str::intern_static("__hash__"), none())?;
        update_slot(ty, "__hash__");
    }


    // __set_name__ on the namespace's values, then the parent's
    // __init_subclass__.
    let items = as_dict(&heap(ty).expect("a class").dict).expect("a dict").items();
    for (k, v) in items {
        let vt = vm.type_of_static(&v);
        if let Some(set_name) = type_lookup(vt, &crate::builtins::str::intern_static("__set_name__")) {
            if let Err(cause) = call_found(vm, &v, vt, &set_name, &[cls.clone(), k.clone()]) {
                // CPython 3.11 wraps the error, as its cause.
                let key = crate::ops::repr_string(vm, &k)?;
                let msg = format!("Error calling __set_name__ on '{}' instance {key} in '{}'", vt.name(), ty.name());
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


/// `<attribute '__dict__' of 'C' objects>`: in the namespace of a class
/// that gives its instances a `__dict__` (CPython's `subtype_dict`).
static INSTANCE_DICT: crate::types::GetSetDef = crate::types::GetSetDef {
    name: "__dict__",
    get: |vm, v| match instance_dict(vm, v)? {
        Some(d) => Ok(d),
        None => Err(attribute_error(vm, v, &crate::builtins::str::intern_static("__dict__"))),
    },
    set: Some(set_instance_dict),
    member: false,
};

/// `<attribute '__weakref__' of 'C' objects>`: the instance's first weak
/// reference, or None (CPython's `subtype_getweakref`).
static INSTANCE_WEAKREF: crate::types::GetSetDef = crate::types::GetSetDef {
    name: "__weakref__",
    get: |_, v| Ok(v.as_object().and_then(|p| crate::builtins::weakref::refs_of(p.addr()).into_iter().next()).unwrap_or_else(none)),
    set: None,
    member: false,
};

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

/// The instance layout of a class with `bases`, the built-in type that
/// fixes it and the index of the base it comes from (CPython's
/// `best_base`), or CPython's "lay-out conflict".
pub(crate) fn solid_of_bases(vm: &mut Vm, base_types: &[&'static TypeObject]) -> PyResult<(Layout, &'static TypeObject, usize)> {
    let mut layout = Layout::Object;
    let mut solid: &'static TypeObject = &OBJECT_TYPE;
    let mut best = 0;
    for (i, b) in base_types.iter().enumerate() {
        let (b_layout, b_solid) = layout_of(vm, b)?;
        if b_layout == Layout::Object {
            // Plain instances fit any solid base (`class IntEnum(int, ReprEnum)`);
            // among plain classes, one adding slots or a `__dict__` is the
            // base the layout extends.
            let adds = |t: &TypeObject| heap(t).map_or((0, false), |h| (h.nslots, h.has_dict));
            if layout == Layout::Object && adds(b) > adds(base_types[best]) {
                best = i;
            }
            continue;
        }
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
            best = i;
        }
    }
    Ok((layout, solid, best))
}

/// A base's instance layout and the built-in type that fixes it.
fn layout_of(vm: &mut Vm, b: &'static TypeObject) -> PyResult<(Layout, &'static TypeObject)> {
    if let Some(h) = heap(b) {
        return Ok((h.layout, h.solid));
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
    if crate::builtins::method_descriptors::subclassable_builtin(b) || builtin_base(b).is_some() {
        return Ok((Layout::Builtin, b));
    }
    if !crate::builtins::type_attrs::acceptable_base(b) {
        let msg = format!("type '{}' is not an acceptable base type", b.name());
        return Err(vm.type_error(msg));
    }
    let msg = format!("subclassing the built-in type '{}'", b.name());
    Err(vm.error(&NOT_IMPLEMENTED_ERROR, msg))
}

/// `__name__` of the running frame's globals (a class's default
/// `__module__`).
fn current_module_name(vm: &mut Vm) -> Option<Value> {
    let globals = crate::eval::current_globals(vm)?;
    as_dict(&globals)?.get_str(&crate::builtins::str::intern_static("__name__"))
}

/// `super(cls, cls).__init_subclass__(**kwds)`.
fn init_subclass(vm: &mut Vm, ty: &'static TypeObject, kwds: &[(Value, Value)]) -> PyResult<()> {
    // `super(ty, ty)`, whose check a metaclass's `mro()` leaving the
    // class out of its own MRO fails.
    if !ty.is_subtype(ty) {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    let key = crate::builtins::str::intern_static("__init_subclass__");
    let Some(attr) = ty.mro().skip_while(|t| !std::ptr::eq(*t, ty)).skip(1).find_map(|t| own_attribute(t, &key)) else {
        return Ok(());
    };
    let bound = match vm.type_of(&attr).descr_get.get() {
        Some(get) => get(vm, &attr, &Value::NULL, ty)?,
        None => attr,
    };
    let (names, values): (Vec<Value>, Vec<Value>) = kwds.iter().cloned().unzip();
    crate::eval::call(vm, &bound, &values, &names)?;
    Ok(())
}

/// The `tp_new` a class with `tp_base` `base` starts with (CPython's
/// `inherit_special`): the base's, or the built-in `__new__` it has.
pub(crate) fn inherited_new(base: &'static TypeObject) -> Option<&'static TypeObject> {
    match heap(base) {
        Some(h) => h.tp_new.get(),
        None => type_lookup(base, &crate::builtins::str::intern_static("__new__"))
            .and_then(|n| crate::builtins::method_descriptors::builtin_new_owner(&n)),
    }
}

/// A new, attribute-less instance of object-layout class `cls`.
pub fn alloc_instance(cls: &'static TypeObject) -> Value {
    let nslots = heap(cls).map_or(0, |h| h.nslots);
    Value::from_owned(alloc(cls, InstanceData::new(nslots)))
}

/// A new exception of class `cls` (a subclass of BaseException).
pub fn alloc_exception(cls: &'static TypeObject, args: Vec<Value>) -> Value {
    if cls.is_subtype(&crate::builtins::exceptions::OS_ERROR) && (2..=5).contains(&args.len()) {
        return Value::from_owned(alloc(cls, crate::builtins::exceptions::os_error_data(&args)));
    }
    Value::from_owned(alloc(cls, ExceptionData::new(args)))
}

/// Calling class `cls` when `class_call` would take its common case:
/// object's `__new__` (an attribute-less instance) and then this Python
/// `__init__`; and the class has no `__del__` (so where the loop drops a
/// half-made instance is not observable). None otherwise.
pub(crate) fn plain_init(cls: &'static TypeObject) -> Option<Value> {
    use crate::types::tp_flags;
    if cls.new.map(|f| f as usize) != Some(class_call as *const () as usize) {
        return None;
    }
    let h = heap(cls)?;
    if h.layout != Layout::Object || cls.flags.get() & (tp_flags::IS_ABSTRACT | tp_flags::HAS_DEL) != 0 {
        return None;
    }
    if !h.tp_new.get().is_some_and(|t| std::ptr::eq(t, &OBJECT_TYPE)) {
        return None;
    }
    type_lookup(cls, &crate::builtins::str::intern_static("__init__")).filter(|i| as_function(i).is_some())
}

/// Calling a class (`type.__call__`): `__new__`, then `__init__` when
/// `__new__` made an instance of the class.
pub(crate) fn class_call(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let obj = match heap(cls).map(|h| (h, h.tp_new.get())) {
        // A built-in `__new__` is called directly, whatever `cls.__new__`
        // is now (CPython's `tp_new` special case in `update_one_slot`).
        Some((h, Some(owner))) => {
            // The common case: object's __new__ and a Python __init__
            // (nothing to check but __init__'s own arguments).
            let plain = std::ptr::eq(owner, &OBJECT_TYPE)
                && h.layout == Layout::Object
                && cls.flags.get() & crate::types::tp_flags::IS_ABSTRACT == 0;
            if plain {
                let init = type_lookup(cls, &crate::builtins::str::intern_static("__init__"));
                if let Some(init) = init.filter(|i| as_function(i).is_some()) {
                    let obj = alloc_instance(cls);
                    let r = call_with_receiver(vm, &init, &obj, args, kwnames)?;
                    if !is_none(&r) {
                        let msg = format!("__init__() should return None, not '{}'", vm.type_of(&r).name());
                        return Err(vm.type_error(msg));
                    }
                    return Ok(obj);
                }
            }
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(type_value(cls));
            full.extend_from_slice(args);
            crate::builtins::method_descriptors::builtin_new(vm, owner, &full, kwnames)?
        }
        _ => match type_lookup(cls, &crate::builtins::str::intern_static("__new__")) {
            Some(n) => {
                let f = match vm.type_of(&n).descr_get.get() {
                    Some(get) => get(vm, &n, &Value::NULL, cls)?,
                    None => n,
                };
                call_with_receiver(vm, &f, &type_value(cls), args, kwnames)?
            }
            None => return Err(vm.type_error(format!("cannot create '{}' instances", cls.name()))),
        },
    };
    if !vm.type_of(&obj).is_subtype(cls) {
        return Ok(obj);
    }
    let ty = vm.type_of_static(&obj);
    let Some(init) = type_lookup(ty, &crate::builtins::str::intern_static("__init__")) else { return Ok(obj) };
    let r = call_found_kw(vm, &obj, ty, &init, args, kwnames)?;
    if !is_none(&r) {
        let msg = format!("__init__() should return None, not '{}'", vm.type_of(&r).name());
        return Err(vm.type_error(msg));
    }
    Ok(obj)
}

/// `call_found` with keyword arguments.
pub(crate) fn call_found_kw(
    vm: &mut Vm,
    obj: &Value,
    ty: &'static TypeObject,
    attr: &Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    if as_function(attr).is_some() || is_unbound_builtin(attr) {
        return call_with_receiver(vm, attr, obj, args, kwnames);
    }
    let bound = match vm.type_of(attr).descr_get.get() {
        Some(get) => get(vm, attr, obj, ty)?,
        None => attr.clone(),
    };
    crate::eval::call(vm, &bound, args, kwnames)
}
