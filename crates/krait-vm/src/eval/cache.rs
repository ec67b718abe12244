//! Inline caches: the specialized forms of attribute and global look-ups
//! (PEP 659's idea, in a side table: one `InlineCache` per code unit).
//!
//! Invariants:
//! - A cache entry records what a generic look-up found and the versions
//!   that guard it: the object's type and `Vm::type_epoch` (which moves when
//!   any class namespace changes after creation) for attributes; the
//!   globals dict, its version and the builtins' version for globals. A hit
//!   re-checks every guard; a miss falls back to the generic path, which
//!   may specialize again.
//! - A cached value is held by the namespace it came from; the guards
//!   ensure that namespace has not changed, so the value is still alive.
//! - Instance attributes are cached as shared-key indices, valid while the
//!   instance has no dict of its own; a method as the function found on the
//!   class, valid while the instance cannot shadow it (its class's key
//!   table has not grown, or the instance's slot for the name is empty); a
//!   built-in type's method as its `method_descriptor`, pushed with the
//!   instance (no bound method is made), for types whose instances have no
//!   attributes of their own.
//! - Every specialization is also remembered in a per-thread table keyed
//!   by (kind, type, name) (`SECONDARY`): a site that sees several types
//!   (a method of a base class run on instances of its subclasses) refills
//!   its one-entry cache from there instead of taking the generic path.
//!   Entries are guarded exactly as inline ones and hold their name.

use std::cell::{Cell, RefCell};

use super::InlineCache;
use crate::builtins::classes::{self, shared_key_index, shared_values};
use crate::builtins::dict::as_dict;
use crate::value::Value;
use crate::vm::Vm;

const INSTANCE_VALUE: u8 = 1;
const CLASS_FUNCTION: u8 = 2;
const GLOBAL: u8 = 3;
/// `STORE_ATTR` of an instance attribute (the guards differ from a load's).
const INSTANCE_STORE: u8 = 4;
/// A built-in type's method descriptor (`LOAD_METHOD`).
const BUILTIN_METHOD: u8 = 5;
/// `CALL` of a class: its Python `__init__` (`classes::plain_init`).
const CLASS_INIT: u8 = 6;

const SECONDARY_SIZE: usize = 1024;

struct Remembered {
    name: Value,
    cache: InlineCache,
}

thread_local! {
    /// Specializations by (kind, type, name); see the module invariants.
    static SECONDARY: &'static RefCell<Vec<Remembered>> = Box::leak(Box::new(RefCell::new(
        (0..SECONDARY_SIZE).map(|_| Remembered { name: Value::NULL, cache: InlineCache::EMPTY }).collect(),
    )));
}

fn secondary_slot(kind: u8, ty: usize, name: &Value) -> usize {
    ((ty >> 4) ^ (name.bits() as usize >> 3).wrapping_mul(31) ^ kind as usize) % SECONDARY_SIZE
}

/// Remember a specialization made for `name`.
fn remember(c: InlineCache, name: &Value) {
    let slot = secondary_slot(c.kind, c.key, name);
    let entry = Remembered { name: name.clone(), cache: c };
    // The old entry is dropped after the borrow ends.
    let old = SECONDARY.with(|t| std::mem::replace(&mut t.borrow_mut()[slot], entry));
    drop(old);
}

/// Refill `cache` with what was remembered for `kind` on `obj`'s type and
/// `name`, when its guards still hold; true if it did.
#[inline]
pub(super) fn refill(cache: &Cell<InlineCache>, kind: u8, obj: &Value, name: &Value) -> bool {
    let Some(ty) = type_key(obj) else { return false };
    let slot = secondary_slot(kind, ty, name);
    let epoch = classes::type_epoch();
    SECONDARY.with(|t| {
        let t = t.borrow();
        let e = &t[slot];
        let hit = e.cache.kind == kind && e.cache.key == ty && e.cache.version == epoch && e.name.is(name);
        if hit {
            cache.set(e.cache);
        }
        hit
    })
}

/// The kinds `refill` takes for each instruction.
pub(super) const LOAD_ATTR_KIND: u8 = INSTANCE_VALUE;
pub(super) const STORE_ATTR_KIND: u8 = INSTANCE_STORE;

/// `aux` of a method cache: the name is not a shared key; the low bits
/// hold the key table's length when cached.
const NOT_A_KEY: u64 = 1 << 63;

fn type_key(obj: &Value) -> Option<usize> {
    obj.as_object().map(|p| p.type_ptr() as usize)
}

/// Does the type look attributes up generically (no `__getattribute__`
/// or `__getattr__` of its own)?
fn generic_getattr(vm: &Vm, obj: &Value) -> bool {
    vm.type_of(obj).getattr.get().map(|f| f as usize) == Some(classes::generic_getattr as *const () as usize)
}

fn generic_setattr(vm: &Vm, obj: &Value) -> bool {
    vm.type_of(obj).setattr.get().map(|f| f as usize) == Some(classes::generic_setattr as *const () as usize)
}

#[inline]
pub(super) fn load_attr(cache: &Cell<InlineCache>, obj: &Value) -> Option<Value> {
    let c = cache.get();
    if c.kind != INSTANCE_VALUE || type_key(obj) != Some(c.key) || c.version != classes::type_epoch() {
        return None;
    }
    shared_values(obj)?.get(c.aux as usize)
}

pub(super) fn specialize_load_attr(vm: &Vm, cache: &Cell<InlineCache>, obj: &Value, name: &Value) {
    let ty = vm.type_of_static(obj);
    if ty.heap.is_none() || !generic_getattr(vm, obj) || shared_values(obj).is_none() {
        return;
    }
    if classes::type_lookup(ty, name).is_some() {
        return;
    }
    if let Some(i) = shared_key_index(ty, name) {
        let key = ty as *const _ as usize;
        let c = InlineCache { kind: INSTANCE_VALUE, key, version: classes::type_epoch(), aux: i as u64, value: 0 };
        cache.set(c);
        remember(c, name);
    }
}

/// `obj.name = v` through the cache; gives `v` back on a miss.
#[inline]
pub(super) fn store_attr(cache: &Cell<InlineCache>, obj: &Value, v: Value) -> Option<Value> {
    let c = cache.get();
    if c.kind != INSTANCE_STORE || type_key(obj) != Some(c.key) || c.version != classes::type_epoch() {
        return Some(v);
    }
    match shared_values(obj) {
        Some(data) => {
            data.set(c.aux as usize, v);
            None
        }
        None => Some(v),
    }
}

pub(super) fn specialize_store_attr(vm: &Vm, cache: &Cell<InlineCache>, obj: &Value, name: &Value) {
    let ty = vm.type_of_static(obj);
    if ty.heap.is_none() || !generic_setattr(vm, obj) || shared_values(obj).is_none() {
        return;
    }
    if let Some(attr) = classes::type_lookup(ty, name) {
        if vm.type_of(&attr).descr_set.is_some() {
            return;
        }
    }
    if let Some(i) = shared_key_index(ty, name) {
        let key = ty as *const _ as usize;
        let c = InlineCache { kind: INSTANCE_STORE, key, version: classes::type_epoch(), aux: i as u64, value: 0 };
        cache.set(c);
        remember(c, name);
    }
}

/// The function `obj.name` names on its class, when the instance cannot
/// shadow it (`LOAD_METHOD`'s unbound form).
#[inline]
pub(super) fn load_method(vm: &Vm, cache: &Cell<InlineCache>, obj: &Value) -> Option<Value> {
    let c = cache.get();
    if type_key(obj) != Some(c.key) || c.version != classes::type_epoch() {
        return None;
    }
    if c.kind == BUILTIN_METHOD {
        // SAFETY: the built-in type's namespace holds the descriptor, and
        // the epoch guard says it has not changed.
        return Some(unsafe { Value::clone_from_bits(c.value) });
    }
    if c.kind != CLASS_FUNCTION {
        return None;
    }
    let data = shared_values(obj)?;
    if c.aux & NOT_A_KEY != 0 {
        let h = classes::heap(vm.type_of(obj))?;
        if h.keys_len() as u64 != c.aux & !NOT_A_KEY {
            return None;
        }
    } else if data.get(c.aux as usize).is_some() {
        return None;
    }
    // SAFETY: the class namespace holds the function, and the epoch guard
    // says it has not changed since the function was cached.
    Some(unsafe { Value::clone_from_bits(c.value) })
}

pub(super) fn specialize_load_method(vm: &Vm, cache: &Cell<InlineCache>, obj: &Value, name: &Value) {
    let ty = vm.type_of_static(obj);
    if ty.heap.is_none() {
        specialize_builtin_method(vm, cache, obj, name);
        return;
    }
    if !generic_getattr(vm, obj) {
        return;
    }
    let Some(data) = shared_values(obj) else { return };
    let Some(attr) = classes::type_lookup(ty, name) else { return };
    if crate::builtins::function::as_function(&attr).is_none() {
        return;
    }
    let aux = match shared_key_index(ty, name) {
        Some(i) if data.get(i).is_some() => return,
        Some(i) => i as u64,
        None => NOT_A_KEY | classes::heap(ty).map_or(0, |h| h.keys_len()) as u64,
    };
    let key = ty as *const _ as usize;
    let c = InlineCache { kind: CLASS_FUNCTION, key, version: classes::type_epoch(), aux, value: attr.bits() };
    cache.set(c);
    remember(c, name);
}

/// `obj.name` on an instance of a built-in type, when it is a method of
/// the type and the instance has no attributes of its own (a look-up
/// would bind the descriptor found on the type; calling the descriptor
/// with the instance first is the same call).
fn specialize_builtin_method(vm: &Vm, cache: &Cell<InlineCache>, obj: &Value, name: &Value) {
    use crate::builtins::method_descriptors::{as_builtin_attr, METHOD_DESCRIPTOR_TYPE};
    let ty = vm.type_of_static(obj);
    let plain = match ty.getattr.get() {
        None => true,
        Some(f) => {
            f as usize == classes::generic_getattr as *const () as usize
                || std::ptr::eq(ty, &crate::generator::GENERATOR_TYPE)
        }
    };
    if !plain || obj.as_object().is_none() || crate::builtins::exceptions::as_exception(obj).is_some() {
        return;
    }
    let Some(attr) = classes::type_lookup(ty, name) else { return };
    let method = as_builtin_attr(&attr).is_some_and(|d| d.method.is_some() && d.wrapped == crate::builtins::slot_wrappers::Wrapped::Method);
    if !method || !std::ptr::eq(vm.type_of_static(&attr), &METHOD_DESCRIPTOR_TYPE) {
        return;
    }
    let key = ty as *const _ as usize;
    cache.set(InlineCache { kind: BUILTIN_METHOD, key, version: classes::type_epoch(), aux: 0, value: attr.bits() });
}

/// The `__init__` to run in the loop for calling class `cls` (see
/// `classes::plain_init`), through the `CALL`'s cache.
#[inline]
pub(super) fn class_init(cache: &Cell<InlineCache>, cls: &'static crate::types::TypeObject) -> Option<Value> {
    let c = cache.get();
    let key = cls as *const _ as usize;
    let epoch = classes::type_epoch();
    if c.kind == CLASS_INIT && c.key == key && c.version == epoch {
        if c.aux == 0 {
            return None;
        }
        // SAFETY: the class namespace holds the function, and the epoch
        // guard says it has not changed.
        return Some(unsafe { Value::clone_from_bits(c.value) });
    }
    // `aux` 0 remembers that the class is not called this way.
    let init = classes::plain_init(cls);
    let (aux, value) = init.as_ref().map_or((0, 0), |i| (1, i.bits()));
    cache.set(InlineCache { kind: CLASS_INIT, key, version: epoch, aux, value });
    init
}

/// `LOAD_METHOD`'s kind for `refill`.
pub(super) const LOAD_METHOD_KIND: u8 = CLASS_FUNCTION;

/// A global through the cache: hit while neither the globals nor the
/// builtins dict has changed.
#[inline]
pub(super) fn load_global(cache: &Cell<InlineCache>, globals: &Value, builtins: &Value) -> Option<Value> {
    let c = cache.get();
    if c.kind != GLOBAL || globals.bits() as usize != c.key {
        return None;
    }
    if as_dict(globals)?.version() != c.version || as_dict(builtins)?.version() != c.aux {
        return None;
    }
    // SAFETY: one of the two dicts holds the value, and neither changed.
    Some(unsafe { Value::clone_from_bits(c.value) })
}

pub(super) fn specialize_load_global(cache: &Cell<InlineCache>, globals: &Value, builtins: &Value, v: &Value) {
    let (Some(g), Some(b)) = (as_dict(globals), as_dict(builtins)) else { return };
    cache.set(InlineCache { kind: GLOBAL, key: globals.bits() as usize, version: g.version(), aux: b.version(), value: v.bits() });
}
