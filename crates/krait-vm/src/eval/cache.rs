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
//!   table has not grown, or the instance's slot for the name is empty).

use std::cell::Cell;

use super::InlineCache;
use crate::builtins::classes::{self, shared_key_index, shared_values};
use crate::builtins::dict::as_dict;
use crate::value::Value;
use crate::vm::Vm;

const INSTANCE_VALUE: u8 = 1;
const CLASS_FUNCTION: u8 = 2;
const GLOBAL: u8 = 3;

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
        cache.set(InlineCache { kind: INSTANCE_VALUE, key, version: classes::type_epoch(), aux: i as u64, value: 0 });
    }
}

/// `obj.name = v` through the cache; gives `v` back on a miss.
#[inline]
pub(super) fn store_attr(cache: &Cell<InlineCache>, obj: &Value, v: Value) -> Option<Value> {
    let c = cache.get();
    if c.kind != INSTANCE_VALUE || type_key(obj) != Some(c.key) || c.version != classes::type_epoch() {
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
        cache.set(InlineCache { kind: INSTANCE_VALUE, key, version: classes::type_epoch(), aux: i as u64, value: 0 });
    }
}

/// The function `obj.name` names on its class, when the instance cannot
/// shadow it (`LOAD_METHOD`'s unbound form).
#[inline]
pub(super) fn load_method(vm: &Vm, cache: &Cell<InlineCache>, obj: &Value) -> Option<Value> {
    let c = cache.get();
    if c.kind != CLASS_FUNCTION || type_key(obj) != Some(c.key) || c.version != classes::type_epoch() {
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
    if ty.heap.is_none() || !generic_getattr(vm, obj) {
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
    cache.set(InlineCache { kind: CLASS_FUNCTION, key, version: classes::type_epoch(), aux, value: attr.bits() });
}

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
