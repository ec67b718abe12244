//! `dict`: the compact, insertion-ordered design (CPython 3.6+).
//!
//! Invariants:
//! - `entries` holds the items in insertion order; a deleted item leaves a
//!   `None` hole (compacted when holes outnumber items). `table` maps a
//!   key's hash to its index in `entries`.
//! - A key compares equal to a stored key when it is the same object, or
//!   both are exact `str`s with the same text (no Python code runs), or
//!   their `==` says so. No borrow of the dict is held while `==` runs:
//!   it may mutate this very dict. `version` changes on every mutation; a
//!   look-up that sees it change starts again, as CPython's does.
//! - `version` is also what a specialized `LOAD_GLOBAL` will guard on.
//! - Filling a dict from another object is CPython's `dict_update_arg`:
//!   a dict that iterates as a dict is read directly, anything else with
//!   a `keys` attribute through `keys()` and `[]`, the rest as an
//!   iterable of pairs. `dict(x)`, `update`, `|` and `|=` all go through
//!   it. Views live in `dict_views`.
//! - An iterator (forwards or reversed) remembers the dict's size: a
//!   change is a RuntimeError from then on; an exhausted one stays so.

use std::cell::RefCell;

use hashbrown::HashTable;

use crate::builtins::str::{new_str, STR_TYPE};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::builtins::dict_views::{self, DICT_ITEMS_TYPE, DICT_KEYS_TYPE, DICT_VALUES_TYPE};
use crate::types::{BinOp, CompareOp, MethodDef, NumberSlots, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    static VERSIONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A dict version never used before by any dict (CPython's global dict
/// version counter), so a cache keyed by (dict address, version) cannot be
/// fooled by a new dict at a freed one's address.
fn next_version() -> u64 {
    VERSIONS.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

struct Entry {
    hash: i64,
    key: Value,
    value: Value,
}

#[derive(Default)]
struct Inner {
    table: HashTable<u32>,
    entries: Vec<Option<Entry>>,
    used: usize,
    version: u64,
    /// Moves (to a fresh version number) whenever a key is added, removed
    /// or moved, not when a value changes: what an OrderedDict's iterators
    /// watch (`dict_order`).
    order: u64,
    /// No live entry sits before this index (a hint for finding the first
    /// item; `dict_order`).
    first: usize,
}

/// What OrderedDict needs beyond a dict: moving keys, the first and last
/// items, reading from a position.
#[path = "dict_order.rs"]
mod order;

#[derive(Default)]
pub struct DictData {
    inner: RefCell<Inner>,
}

impl DictData {
    /// `del d[key]`: KeyError when it is missing.
    pub fn del_item(&self, vm: &mut Vm, key: &Value) -> PyResult<()> {
        if self.remove(vm, key)? {
            Ok(())
        } else {
            Err(crate::builtins::exceptions::key_error(key.clone()))
        }
    }
}

/// dict's `setitem` slot (`d[k] = v`, `del d[k]`), shared with the built-in
/// dicts derived from it.
pub fn dict_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let d = as_dict(v).expect("dict slot on a dict");
    match value {
        Some(x) => d.set(vm, key.clone(), x),
        None => d.del_item(vm, key),
    }
}

/// dict's `contains` slot (`k in d`).
pub fn dict_contains(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<bool> {
    Ok(as_dict(v).expect("dict slot on a dict").get(vm, key)?.is_some())
}

pub static DICT_TYPE: TypeObject = TypeObject {
    flags: std::cell::Cell::new(crate::types::tp_flags::MAPPING | crate::types::tp_flags::MATCH_SELF),
    repr: Slot::new(dict_repr),
    richcompare: Slot::new(dict_richcompare),
    len: Slot::new(|_, v| Ok(as_dict(v).map_or(0, |d| d.len()))),
    getitem: Slot::new(dict_subscript),
    setitem: Slot::new(dict_setitem),
    contains: Slot::new(dict_contains),
    new: Some(dict_new),
    init: Some(dict_init),
    iter: Slot::new(dict_tp_iter),
    number: std::cell::Cell::new(&DICT_NUMBER),
    class_methods: &[
        MethodDef { name: "fromkeys", func: dict_fromkeys },
        MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem },
    ],
    methods: &[
        MethodDef { name: "keys", func: |vm, this, a, k| dict_views::view(vm, "dict.keys", this, a, k, &DICT_KEYS_TYPE) },
        MethodDef { name: "values", func: |vm, this, a, k| dict_views::view(vm, "dict.values", this, a, k, &DICT_VALUES_TYPE) },
        MethodDef { name: "items", func: |vm, this, a, k| dict_views::view(vm, "dict.items", this, a, k, &DICT_ITEMS_TYPE) },
        MethodDef { name: "__reversed__", func: |vm, this, a, k| {
            check_args(vm, "dict.__reversed__", a, k, 0, 0)?;
            Ok(dict_iter(this, as_dict(this).expect("a dict"), IterKind::Keys, true))
        } },
        MethodDef { name: "get", func: dict_get },
        MethodDef { name: "pop", func: dict_pop },
        MethodDef { name: "popitem", func: dict_popitem },
        MethodDef { name: "setdefault", func: dict_setdefault },
        MethodDef { name: "update", func: dict_update },
        MethodDef { name: "copy", func: dict_copy },
        MethodDef { name: "__sizeof__", func: |vm, this, a, k| {
            check_args(vm, "dict.__sizeof__", a, k, 0, 0)?;
            Ok(crate::builtins::int::new_int(as_dict(this).expect("a dict").size_of().0 as i64))
        } },
        MethodDef { name: "clear", func: dict_clear },
        MethodDef { name: "__contains__", func: |vm, this, a, k| {
            check_args(vm, "dict.__contains__", a, k, 1, 1)?;
            let found = as_dict(this).expect("a dict").get(vm, &a[0])?.is_some();
            Ok(vm.bool(found))
        } },
    ],
    ..TypeObject::builtin("dict", Some(&OBJECT_TYPE), dealloc_dict, trace_dict)
};

/// `iter(d)`: the keys in insertion order.
pub(crate) fn dict_tp_iter(_: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(dict_iter(v, as_dict(v).expect("dict slot on a dict"), IterKind::Keys, false))
}

/// Does `v` iterate as a plain dict does (a dict, or a subclass that
/// leaves `__iter__` alone)? Then its items may be read directly, as
/// CPython's `dict_merge` does.
fn iterates_as_dict(vm: &Vm, v: &Value) -> bool {
    as_dict(v).is_some() && vm.type_of(v).iter.get().map(|f| f as usize) == Some(dict_tp_iter as *const () as usize)
}

/// `d | other` and `d |= other` (PEP 584).
static DICT_NUMBER: NumberSlots = NumberSlots {
    binary: {
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Or as usize] = Some(dict_or);
        b
    },
    inplace: {
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Or as usize] = Some(dict_ior);
        b
    },
    ..NumberSlots::EMPTY
};

/// `a | b`: a new exact dict with `a`'s items, then `b`'s; both must be
/// dicts (CPython's `dict_or`).
fn dict_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if as_dict(a).is_none() || as_dict(b).is_none() {
        return Ok(vm.not_implemented());
    }
    let new = new_dict();
    let nd = as_dict(&new).expect("a dict");
    update_from_mapping(vm, nd, a)?;
    update_arg(vm, nd, b)?;
    Ok(new)
}

/// `a |= b`: `a.update(b)` for any mapping or iterable of pairs.
pub(crate) fn dict_ior(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(d) = as_dict(a) else { return Ok(vm.not_implemented()) };
    update_arg(vm, d, b)?;
    Ok(a.clone())
}

pub(crate) unsafe fn dealloc_dict(p: ObjPtr) {
    // SAFETY: dicts are allocated by `new_dict` as Obj<DictData>.
    unsafe { dealloc_boxed::<DictData>(p) }
}

pub(crate) fn trace_dict(p: ObjPtr, visit: Visit) {
    // SAFETY: dict objects are Obj<DictData>.
    let d = unsafe { p.data::<DictData>() };
    for e in d.inner.borrow().entries.iter().flatten() {
        visit(&e.key);
        visit(&e.value);
    }
}

pub fn new_dict() -> Value {
    Value::from_owned(alloc(&DICT_TYPE, DictData::default()))
}

pub fn as_dict(v: &Value) -> Option<&DictData> {
    let p = v.as_object()?;
    if p.ty().is_subtype(&DICT_TYPE) {
        // SAFETY: dict objects (and subclasses') are Obj<DictData>.
        Some(unsafe { p.data::<DictData>() })
    } else {
        None
    }
}

/// Equal without running Python code: identity, or exact `str`s.
/// Are `a` and `b` equal without running Python code (identity, or two
/// exact `str`s)? `None`: `==` must run.
pub(crate) fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    let exact_str = |v: &Value| v.as_object().is_some_and(|p| std::ptr::eq(p.ty(), &STR_TYPE));
    if exact_str(a) && exact_str(b) {
        let (x, y) = (crate::builtins::str::as_str_data(a), crate::builtins::str::as_str_data(b));
        return Some(x.map(|d| d.bytes()) == y.map(|d| d.bytes()));
    }
    None
}

/// Is `a`, an instance of a str subclass that keeps str's comparison,
/// equal to `b`? (Such a key, `setattr(o, StrSubclass('x'), v)`, compares
/// as str does, so `get_str` needs no VM to match it.)
fn plain_str_eq(a: &Value, b: &Value) -> bool {
    let Some(p) = a.as_object() else { return false };
    let ty = p.ty();
    // A class defining `__eq__` has the wrapper slot instead of str's own
    // (a false "different" only costs the match, as before).
    let addr = |t: &TypeObject| t.richcompare.get().map(|f| f as usize);
    if std::ptr::eq(ty, &STR_TYPE) || addr(ty) != addr(&STR_TYPE) {
        return false;
    }
    let (x, y) = (crate::builtins::str::as_str_data(a), crate::builtins::str::as_str_data(b));
    matches!((x, y), (Some(x), Some(y)) if x.bytes() == y.bytes())
}

impl DictData {
    pub fn len(&self) -> usize {
        self.inner.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn version(&self) -> u64 {
        self.inner.borrow().version
    }

    /// The index in `entries` of `key` (whose hash is `hash`), if present.
    fn lookup(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        'restart: loop {
            let (candidates, version) = {
                let inner = self.inner.borrow();
                let c: Vec<(usize, Value)> = inner
                    .table
                    .iter_hash(hash as u64)
                    .filter_map(|&i| {
                        let e = inner.entries[i as usize].as_ref()?;
                        (e.hash == hash).then(|| (i as usize, e.key.clone()))
                    })
                    .collect();
                (c, inner.version)
            };
            for (i, stored) in candidates {
                let equal = match fast_eq(&stored, key) {
                    Some(eq) => eq,
                    None => {
                        let r = ops::richcompare(vm, &stored, key, CompareOp::Eq)?;
                        let eq = ops::truthy(vm, &r)?;
                        if self.inner.borrow().version != version {
                            continue 'restart;
                        }
                        eq
                    }
                };
                if equal {
                    return Ok(Some(i));
                }
            }
            return Ok(None);
        }
    }

    /// The fast path of a look-up: when every candidate with `hash`
    /// compares without running Python code (identity, exact `str`s), the
    /// answer, with no allocation. `None` when some candidate needs `==`.
    fn lookup_fast(&self, key: &Value, hash: i64) -> Option<Option<usize>> {
        let inner = self.inner.borrow();
        let mut undecided = false;
        let found = inner.table.find(hash as u64, |&i| {
            let Some(e) = inner.entries[i as usize].as_ref() else { return false };
            if e.hash != hash {
                return false;
            }
            match fast_eq(&e.key, key) {
                Some(eq) => eq,
                None => {
                    undecided = true;
                    false
                }
            }
        });
        match (found, undecided) {
            (Some(&i), _) => Some(Some(i as usize)),
            (None, false) => Some(None),
            (None, true) => None,
        }
    }

    /// `d[key]`, or `None` when absent.
    pub fn get(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = ops::hash(vm, key)?;
        if let Some(found) = self.lookup_fast(key, hash) {
            return Ok(found.and_then(|i| self.inner.borrow().entries[i].as_ref().map(|e| e.value.clone())));
        }
        let Some(i) = self.lookup(vm, key, hash)? else { return Ok(None) };
        Ok(self.inner.borrow().entries.get(i).and_then(|e| e.as_ref()).map(|e| e.value.clone()))
    }

    /// `d[key]` for an exact `str` key, without running Python code (a
    /// stored key that is not an exact `str` never equals it here): the
    /// look-up of class and module namespaces.
    pub fn get_str(&self, key: &Value) -> Option<Value> {
        let hash = crate::builtins::str::hash_of(crate::builtins::str::as_str_data(key)?);
        let inner = self.inner.borrow();
        let i = inner.table.find(hash as u64, |&i| {
            inner.entries[i as usize]
                .as_ref()
                .is_some_and(|e| e.hash == hash && (fast_eq(&e.key, key) == Some(true) || plain_str_eq(&e.key, key)))
        })?;
        inner.entries[*i as usize].as_ref().map(|e| e.value.clone())
    }

    /// `d[key] = value`.
    pub fn set(&self, vm: &mut Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = ops::hash(vm, &key)?;
        let found = match self.lookup_fast(&key, hash) {
            Some(found) => found,
            None => self.lookup(vm, &key, hash)?,
        };
        self.store(found, hash, key, value);
        Ok(())
    }

    /// `d[key] = value` where `hash` is `key`'s hash, already known (read
    /// from another dict or set: CPython's `insertdict` does not rehash).
    pub fn set_hashed(&self, vm: &mut Vm, key: Value, hash: i64, value: Value) -> PyResult<()> {
        let found = match self.lookup_fast(&key, hash) {
            Some(found) => found,
            None => self.lookup(vm, &key, hash)?,
        };
        self.store(found, hash, key, value);
        Ok(())
    }

    /// `d[key]`, or `None` when absent, where `hash` is `key`'s hash,
    /// already known (CPython's `_PyDict_GetItem_KnownHash`).
    pub fn get_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        let found = match self.lookup_fast(key, hash) {
            Some(found) => found,
            None => self.lookup(vm, key, hash)?,
        };
        Ok(found.and_then(|i| self.inner.borrow().entries.get(i).and_then(|e| e.as_ref()).map(|e| e.value.clone())))
    }

    /// Remove `key`, whose hash is `hash`, and return its value (`None`
    /// when absent; CPython's `_PyDict_Pop_KnownHash`).
    pub fn pop_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        let found = match self.lookup_fast(key, hash) {
            Some(found) => found,
            None => self.lookup(vm, key, hash)?,
        };
        Ok(found.and_then(|i| self.remove_at(i, hash)).map(|e| e.value))
    }

    /// `d.clear()`: the entries are dropped after the dict is empty, so a
    /// `__del__` they run sees it empty.
    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.inner.borrow_mut());
        let version = next_version();
        let mut inner = self.inner.borrow_mut();
        inner.version = version;
        inner.order = version;
        drop(inner);
        drop(old);
    }

    /// `key in d` where `hash` is `key`'s hash, already known.
    pub fn contains_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        Ok(match self.lookup_fast(key, hash) {
            Some(found) => found.is_some(),
            None => self.lookup(vm, key, hash)?.is_some(),
        })
    }

    /// `d.setdefault(key, default)`: one hash and one look-up.
    pub fn setdefault(&self, vm: &mut Vm, key: Value, default: Value) -> PyResult<Value> {
        let hash = ops::hash(vm, &key)?;
        let found = match self.lookup_fast(&key, hash) {
            Some(found) => found,
            None => self.lookup(vm, &key, hash)?,
        };
        if let Some(v) = found.and_then(|i| self.inner.borrow().entries[i].as_ref().map(|e| e.value.clone())) {
            return Ok(v);
        }
        self.store(None, hash, key, default.clone());
        Ok(default)
    }

    /// Remove `key` and return its value (`None` when absent): one hash.
    pub fn pop(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = ops::hash(vm, key)?;
        let Some(i) = self.lookup(vm, key, hash)? else { return Ok(None) };
        Ok(self.remove_at(i, hash).map(|e| e.value))
    }

    /// The entry at position `i`, whose key hashes to `hash`, removed.
    fn remove_at(&self, i: usize, hash: i64) -> Option<Entry> {
        let mut inner = self.inner.borrow_mut();
        inner.version = next_version();
        if let Ok(slot) = inner.table.find_entry(hash as u64, |&j| j as usize == i) {
            slot.remove();
        }
        inner.order = inner.version;
        let old = inner.entries.get_mut(i)?.take();
        if old.is_some() {
            inner.used -= 1;
        }
        if inner.entries.len() > 16 && inner.used * 2 < inner.entries.len() {
            compact(&mut inner);
        }
        old
    }

    /// `__sizeof__` as CPython 3.11 computes it for a dict built by
    /// insertion (`_PyDict_SizeOf`: the 48-byte object, then a keys
    /// object of 2^k slots with 2/3 of them usable, grown to the next
    /// power of two above three times the items when full), and the
    /// number of slots.
    pub fn size_of(&self) -> (usize, usize) {
        let inner = self.inner.borrow();
        if inner.entries.is_empty() {
            return (48, 0);
        }
        let mut slots = 8usize;
        while slots * 2 / 3 < inner.entries.len() {
            slots = (slots * 2 / 3 * 3).next_power_of_two();
        }
        let index_bytes = match slots.trailing_zeros() {
            0..=7 => 1,
            8..=15 => 2,
            16..=31 => 4,
            _ => 8,
        };
        let all_str = inner.entries.iter().flatten().all(|e| e.key.as_object().is_some_and(|p| std::ptr::eq(p.ty(), &STR_TYPE)));
        let entry = if all_str { 16 } else { 24 };
        (48 + 32 + slots * index_bytes + slots * 2 / 3 * entry, slots)
    }

    /// An OrderedDict's `__sizeof__` (CPython's `odict_sizeof`): the dict,
    /// 64 bytes more for the object, a node pointer per slot and a
    /// 32-byte node per item.
    pub fn odict_size_of(&self) -> usize {
        let (dict, slots) = self.size_of();
        dict + 64 + slots * 8 + self.len() * 32
    }

    /// The keys with their stored hashes, in order (a snapshot).
    pub fn keys_hashed(&self) -> Vec<(Value, i64)> {
        self.inner.borrow().entries.iter().flatten().map(|e| (e.key.clone(), e.hash)).collect()
    }

    /// `d[key] = value` for an exact `str` key in a dict whose keys are all
    /// exact `str`s (a built-in type's namespace): nothing runs Python
    /// code, so no VM is needed. Another key is ignored.
    pub fn set_str(&self, key: Value, value: Value) {
        let Some(data) = crate::builtins::str::as_str_data(&key) else { return };
        let hash = crate::builtins::str::hash_of(data);
        if let Some(found) = self.lookup_fast(&key, hash) {
            self.store(found, hash, key, value);
        }
    }

    /// Store `value` at entry `found`, or as a new entry for `key`.
    #[inline(always)]
    fn store(&self, found: Option<usize>, hash: i64, key: Value, value: Value) {
        let mut inner = self.inner.borrow_mut();
        inner.version = next_version();
        if let Some(i) = found {
            if let Some(e) = inner.entries[i].as_mut() {
                // The stored key stays; only the value changes (as CPython).
                let old = std::mem::replace(&mut e.value, value);
                drop(inner);
                drop(old); // may run __del__: released after the borrow
                return;
            }
        }
        inner.order = inner.version;
        let index = inner.entries.len() as u32;
        inner.entries.push(Some(Entry { hash, key, value }));
        let Inner { table, entries, .. } = &mut *inner;
        table.insert_unique(hash as u64, index, |&i| {
            entries[i as usize].as_ref().map_or(0, |e| e.hash as u64)
        });
        inner.used += 1;
    }

    /// `del d[key]`; false if absent.
    pub fn remove(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = ops::hash(vm, key)?;
        let Some(i) = self.lookup(vm, key, hash)? else { return Ok(false) };
        let old = self.remove_at(i, hash);
        let found = old.is_some();
        drop(old); // may run __del__: released after the borrow
        Ok(found)
    }

    /// The items in insertion order (a snapshot of the references).
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.inner.borrow().entries.iter().flatten().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    /// The n-th live item, re-read each time (for loops that run Python code).
    fn nth_item(&self, n: usize) -> Option<(Value, Value)> {
        self.inner.borrow().entries.iter().flatten().nth(n).map(|e| (e.key.clone(), e.value.clone()))
    }
}

/// An iterator over dict `v`'s keys, values or items, from the first
/// item or (`reversed`) from the last.
pub(crate) fn dict_iter(v: &Value, d: &DictData, kind: IterKind, reversed: bool) -> Value {
    let ty = match (kind, reversed) {
        (IterKind::Keys, false) => &DICT_KEYITERATOR_TYPE,
        (IterKind::Values, false) => &DICT_VALUEITERATOR_TYPE,
        (IterKind::Items, false) => &DICT_ITEMITERATOR_TYPE,
        (IterKind::Keys, true) => &DICT_REVERSEKEYITERATOR_TYPE,
        (IterKind::Values, true) => &DICT_REVERSEVALUEITERATOR_TYPE,
        (IterKind::Items, true) => &DICT_REVERSEITEMITERATOR_TYPE,
    };
    let pos = if reversed { d.inner.borrow().entries.len() } else { 0 };
    let it = DictIter {
        dict: RefCell::new(Some(v.clone())),
        kind,
        reversed,
        pos: std::cell::Cell::new(pos),
        len: std::cell::Cell::new(d.len()),
        remaining: std::cell::Cell::new(d.len()),
    };
    Value::from_owned(alloc(ty, it))
}

/// Check the arguments of method `qualname` (`"dict.get"`): none by
/// keyword, between `min` and `max` by position, with the messages of
/// CPython's `METH_NOARGS`, `METH_O` and `METH_VARARGS` methods.
pub(crate) fn check_args(vm: &mut Vm, qualname: &str, args: &[Value], kwnames: &[Value], min: usize, max: usize) -> PyResult<()> {
    crate::builtins::function::no_keywords(vm, qualname, kwnames)?;
    if args.len() < min || args.len() > max {
        let name = qualname.rsplit('.').next().unwrap_or(qualname);
        let s = |n: usize| if n == 1 { "" } else { "s" };
        let msg = match (min, max) {
            (0, 0) => format!("{qualname}() takes no arguments ({} given)", args.len()),
            (1, 1) => format!("{qualname}() takes exactly one argument ({} given)", args.len()),
            _ if min == max => format!("{name} expected {min} argument{}, got {}", s(min), args.len()),
            _ if args.len() < min => format!("{name} expected at least {min} argument{}, got {}", s(min), args.len()),
            _ => format!("{name} expected at most {max} argument{}, got {}", s(max), args.len()),
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// `d.get(key, default=None)`.
fn dict_get(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "dict.get", args, kwnames, 1, 2)?;
    let d = as_dict(this).expect("a dict");
    Ok(d.get(vm, &args[0])?.unwrap_or_else(|| args.get(1).cloned().unwrap_or_else(crate::builtins::singletons::none)))
}

/// `cls.fromkeys(iterable, value=None)`: `cls()`, then `d[key] = value`
/// for each key (through `__setitem__` unless `d` is an exact dict), as
/// CPython's `_PyDict_FromKeys`.
fn dict_fromkeys(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "dict.fromkeys", args, kwnames, 1, 2)?;
    let value = args.get(1).cloned().unwrap_or_else(crate::builtins::singletons::none);
    fromkeys(vm, cls, &args[0], value)
}

/// The body of `fromkeys` (OrderedDict's takes `value` by keyword too).
pub(crate) fn fromkeys(vm: &mut Vm, cls: &Value, iterable: &Value, value: Value) -> PyResult<Value> {
    let args = std::slice::from_ref(iterable);
    let d = crate::eval::call(vm, cls, &[], &[])?;
    let exact = std::ptr::eq(vm.type_of(&d), &DICT_TYPE);
    if exact {
        // An exact dict filled from a dict or a set takes the stored hashes.
        let src = &args[0];
        let hashed = match crate::builtins::set::as_set(src) {
            Some(s) => Some(s.entries()),
            None => as_dict(src).filter(|_| std::ptr::eq(vm.type_of(src), &DICT_TYPE)).map(|o| o.keys_hashed()),
        };
        if let Some(keys) = hashed {
            let dd = as_dict(&d).expect("a dict");
            for (k, h) in keys {
                dd.set_hashed(vm, k, h, value.clone())?;
            }
            return Ok(d);
        }
    }
    let it = ops::iter(vm, &args[0])?;
    while let Some(k) = ops::next(vm, &it)? {
        match as_dict(&d) {
            Some(dd) if exact => dd.set(vm, k, value.clone())?,
            _ => crate::eval::store_item(vm, &d, k, value.clone())?,
        }
    }
    Ok(d)
}

/// `d.pop(key[, default])`.
fn dict_pop(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "dict.pop", args, kwnames, 1, 2)?;
    let d = as_dict(this).expect("a dict");
    match d.pop(vm, &args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(crate::builtins::exceptions::key_error(args[0].clone())),
        },
    }
}

/// `d.popitem()`: the last item inserted.
fn dict_popitem(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "dict.popitem", args, kwnames, 0, 0)?;
    let d = as_dict(this).expect("a dict");
    let last = d.inner.borrow().entries.iter().enumerate().rev().find_map(|(i, e)| Some((i, e.as_ref()?.hash)));
    match last.and_then(|(i, hash)| d.remove_at(i, hash)) {
        Some(e) => Ok(crate::builtins::tuple::new_tuple(vec![e.key, e.value])),
        None => Err(vm.error(&crate::builtins::exceptions::KEY_ERROR, "popitem(): dictionary is empty")),
    }
}

/// `d.setdefault(key, default=None)`.
fn dict_setdefault(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "dict.setdefault", args, kwnames, 1, 2)?;
    let default = args.get(1).cloned().unwrap_or_else(crate::builtins::singletons::none);
    as_dict(this).expect("a dict").setdefault(vm, args[0].clone(), default)
}

/// `d[key]`; a subclass's `__missing__(key)` answers for a missing key
/// (CPython's `dict_subscript`).
pub(crate) fn dict_subscript(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    if let Some(x) = as_dict(v).expect("dict slot on a dict").get(vm, key)? {
        return Ok(x);
    }
    if !std::ptr::eq(vm.type_of(v), &DICT_TYPE) {
        if let Some(r) = crate::builtins::classes::call_dunder(vm, v, "__missing__", std::slice::from_ref(key))? {
            return Ok(r);
        }
    }
    Err(crate::builtins::exceptions::key_error(key.clone()))
}

/// `dict.__init__(self, [other], **kwargs)`: `update`, with its own
/// message for extra arguments.
pub(crate) fn dict_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos > 1 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {npos}")));
    }
    dict_update(vm, this, args, kwnames)
}

/// `d.update([other], **kwargs)`: a mapping's items, or key-value pairs.
fn dict_update(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos > 1 {
        return Err(vm.type_error(format!("update expected at most 1 argument, got {npos}")));
    }
    let d = as_dict(this).expect("a dict");
    if let Some(src) = args[..npos].first() {
        update_arg(vm, d, src)?;
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        d.set(vm, k.clone(), v.clone())?;
    }
    Ok(vm.none())
}

/// Add `arg`'s items to `d`: a mapping's (anything with a `keys`
/// attribute), else an iterable's key-value pairs (CPython's
/// `dict_update_arg`, behind `dict(x)`, `update(x)` and `|=`).
pub fn update_arg(vm: &mut Vm, d: &DictData, arg: &Value) -> PyResult<()> {
    if iterates_as_dict(vm, arg) || ops::getattr_opt(vm, arg, &crate::builtins::str::intern("keys"))?.is_some() {
        return update_from_mapping(vm, d, arg);
    }
    update_from_pairs(vm, d, arg)
}

/// Add the key-value pairs `pairs` yields (CPython's
/// `PyDict_MergeFromSeq2`).
fn update_from_pairs(vm: &mut Vm, d: &DictData, pairs: &Value) -> PyResult<()> {
    let it = ops::iter(vm, pairs)?;
    let mut n = 0;
    while let Some(item) = ops::next(vm, &it)? {
        let pair = match ops::iter(vm, &item) {
            Ok(p) => ops::collect(vm, &p)?,
            Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::TYPE_ERROR) => {
                let msg = format!("cannot convert dictionary update sequence element #{n} to a sequence");
                return Err(vm.type_error(msg));
            }
            Err(e) => return Err(e),
        };
        let [k, v] = <[Value; 2]>::try_from(pair).map_err(|p| {
            let msg = format!("dictionary update sequence element #{n} has length {}; 2 is required", p.len());
            vm.value_error(msg)
        })?;
        d.set(vm, k, v)?;
        n += 1;
    }
    Ok(())
}

/// `PyDict_Update(d, src)`: a dict's items, or any other mapping's keys
/// (from its `keys()`) with `src[key]` (CPython's `dict_merge`).
pub fn update_from_mapping(vm: &mut Vm, d: &DictData, src: &Value) -> PyResult<()> {
    if iterates_as_dict(vm, src) {
        return merge_dict(vm, d, as_dict(src).expect("a dict"));
    }
    let keys = ops::getattr(vm, src, &crate::builtins::str::intern("keys"))?;
    let keys = crate::eval::call(vm, &keys, &[], &[])?;
    let keys = match ops::iter(vm, &keys) {
        Ok(it) => ops::collect(vm, &it)?,
        Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::TYPE_ERROR) => {
            let msg = format!("{}.keys() returned a non-iterable (type {})", vm.type_of(src).name(), vm.type_of(&keys).name());
            return Err(vm.type_error(msg));
        }
        Err(e) => return Err(e),
    };
    for k in keys {
        let v = ops::getitem(vm, src, &k)?;
        d.set(vm, k, v)?;
    }
    Ok(())
}

/// Store `other`'s items in `d` with their stored hashes, reading
/// `other` afresh at each position: a store that runs Python code which
/// adds to `other` (or clears it) is CPython's "dict mutated during
/// update".
fn merge_dict(vm: &mut Vm, d: &DictData, other: &DictData) -> PyResult<()> {
    let n = other.entry_positions();
    for i in 0..n {
        let entry = other.inner.borrow().entries.get(i).and_then(|e| e.as_ref().map(|e| (e.key.clone(), e.hash, e.value.clone())));
        let Some((k, hash, v)) = entry else { continue };
        d.set_hashed(vm, k, hash, v)?;
        if other.entry_positions() != n {
            return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "dict mutated during update"));
        }
    }
    Ok(())
}

fn dict_copy(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "dict.copy", args, kwnames, 0, 0)?;
    let out = new_dict();
    merge_dict(vm, as_dict(&out).expect("a dict"), as_dict(this).expect("a dict"))?;
    Ok(out)
}

fn dict_clear(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "dict.clear", args, kwnames, 0, 0)?;
    as_dict(this).expect("a dict").clear();
    Ok(vm.none())
}

/// `dict()`, `dict(mapping_or_pairs)`, with keyword arguments added.
fn dict_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos > 1 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {npos}")));
    }
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    if let Some(src) = args[..npos].first() {
        update_arg(vm, dd, src)?;
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        dd.set(vm, k.clone(), v.clone())?;
    }
    Ok(d)
}

/// What a dict iterator yields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum IterKind {
    Keys,
    Values,
    Items,
}

/// Iteration over a dict's items, in insertion order or (`reversed`) in
/// the reverse order; changing the dict's size meanwhile is an error.
struct DictIter {
    /// The dict; `None` once exhausted (or after "keys changed"): the
    /// iterator lets go of it then, as CPython's.
    dict: RefCell<Option<Value>>,
    kind: IterKind,
    reversed: bool,
    /// Forwards: the next index into `entries`. Reversed: one past it.
    pos: std::cell::Cell<usize>,
    /// The dict's size when iteration began; `usize::MAX` once it was
    /// seen to change (the error then repeats, as CPython's).
    len: std::cell::Cell<usize>,
    /// How many items are left (`__length_hint__`); finding an item when
    /// none is left means keys were added and removed meanwhile.
    remaining: std::cell::Cell<usize>,
}

macro_rules! dict_iterator_type {
    ($static:ident, $name:literal) => {
        static $static: TypeObject = TypeObject {
            iter: Slot::new(|_, v| Ok(v.clone())),
            next: Slot::new(dict_iter_next),
            methods: &[
                MethodDef { name: "__length_hint__", func: dict_iter_length_hint },
                MethodDef { name: "__reduce__", func: dict_iter_reduce },
            ],
            ..TypeObject::builtin($name, Some(&OBJECT_TYPE), dealloc_dict_iter, trace_dict_iter)
        };
    };
}

dict_iterator_type!(DICT_KEYITERATOR_TYPE, "dict_keyiterator");
dict_iterator_type!(DICT_VALUEITERATOR_TYPE, "dict_valueiterator");
dict_iterator_type!(DICT_ITEMITERATOR_TYPE, "dict_itemiterator");
dict_iterator_type!(DICT_REVERSEKEYITERATOR_TYPE, "dict_reversekeyiterator");
dict_iterator_type!(DICT_REVERSEVALUEITERATOR_TYPE, "dict_reversevalueiterator");
dict_iterator_type!(DICT_REVERSEITEMITERATOR_TYPE, "dict_reverseitemiterator");

fn dict_iter_data(v: &Value) -> &DictIter {
    // SAFETY: dict iterators are Obj<DictIter>.
    unsafe { v.as_object().expect("a dict iterator").data::<DictIter>() }
}

fn dict_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = dict_iter_data(v);
    let Some(dict) = it.dict.borrow().clone() else { return Ok(None) };
    let d = as_dict(&dict).expect("a dict iterator iterates a dict");
    if d.len() != it.len.get() {
        it.len.set(usize::MAX);
        it.remaining.set(0);
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "dictionary changed size during iteration"));
    }
    let found = {
        let inner = d.inner.borrow();
        let mut pos = it.pos.get().min(inner.entries.len());
        let found = if it.reversed {
            loop {
                if pos == 0 {
                    break None;
                }
                pos -= 1;
                if let Some(e) = &inner.entries[pos] {
                    break Some(e);
                }
            }
        } else {
            loop {
                if pos >= inner.entries.len() {
                    break None;
                }
                pos += 1;
                if let Some(e) = &inner.entries[pos - 1] {
                    break Some(e);
                }
            }
        };
        it.pos.set(pos);
        // An item found when none was expected: keys were removed and
        // added (CPython checks this going forwards only).
        let unexpected = found.is_some() && !it.reversed && it.remaining.get() == 0;
        found.filter(|_| !unexpected).map(|e| match it.kind {
            IterKind::Keys => e.key.clone(),
            IterKind::Values => e.value.clone(),
            IterKind::Items => crate::builtins::tuple::new_tuple(vec![e.key.clone(), e.value.clone()]),
        }).ok_or(unexpected)
    };
    match found {
        Ok(x) => {
            it.remaining.set(it.remaining.get().saturating_sub(1));
            Ok(Some(x))
        }
        Err(unexpected) => {
            it.remaining.set(0);
            let old = it.dict.borrow_mut().take();
            drop(dict);
            drop(old); // may free the dict and run __del__
            if unexpected {
                return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "dictionary keys changed during iteration"));
            }
            Ok(None)
        }
    }
}

/// `it.__length_hint__()`: the items left, 0 once the dict changed size.
fn dict_iter_length_hint(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let name = format!("{}.__length_hint__", vm.type_of(this).name());
    check_args(vm, &name, args, kwnames, 0, 0)?;
    let it = dict_iter_data(this);
    let same = it.dict.borrow().as_ref().and_then(as_dict).is_some_and(|d| d.len() == it.len.get());
    Ok(crate::builtins::int::new_int(if same { it.remaining.get() as i64 } else { 0 }))
}

/// `it.__reduce__()`: `(iter, (items_left,))`, read from a copy of the
/// iterator (CPython's `dictiter_reduce`; a dict that changed size is the
/// copy's RuntimeError).
fn dict_iter_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let iter = crate::builtins::iter_pickle::builtin(vm, "iter")?;
    let it = dict_iter_data(this);
    let copy = DictIter {
        dict: RefCell::new(it.dict.borrow().clone()),
        kind: it.kind,
        reversed: it.reversed,
        pos: std::cell::Cell::new(it.pos.get()),
        len: std::cell::Cell::new(it.len.get()),
        remaining: std::cell::Cell::new(it.remaining.get()),
    };
    let copy = Value::from_owned(alloc(vm.type_of_static(this), copy));
    let mut items = Vec::new();
    while let Some(x) = dict_iter_next(vm, &copy)? {
        items.push(x);
    }
    Ok(crate::builtins::iter_pickle::reduce_value(iter, vec![crate::builtins::list::new_list(items)], None))
}

unsafe fn dealloc_dict_iter(p: ObjPtr) {
    // SAFETY: dict iterators are Obj<DictIter>.
    unsafe { dealloc_boxed::<DictIter>(p) }
}

fn trace_dict_iter(p: ObjPtr, visit: Visit) {
    // SAFETY: dict iterators are Obj<DictIter>.
    if let Some(d) = unsafe { p.data::<DictIter>() }.dict.borrow().as_ref() {
        visit(d);
    }
}

/// Drop the holes of `entries` and rebuild the index table.
fn compact(inner: &mut Inner) {
    inner.entries.retain(Option::is_some);
    inner.first = 0;
    inner.table.clear();
    let Inner { table, entries, .. } = inner;
    for (i, e) in entries.iter().enumerate() {
        if let Some(e) = e {
            table.insert_unique(e.hash as u64, i as u32, |&j| {
                entries[j as usize].as_ref().map_or(0, |e| e.hash as u64)
            });
        }
    }
}

pub(crate) fn dict_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = as_dict(v).expect("dict slot on a dict");
    if d.is_empty() {
        return Ok(new_str("{}"));
    }
    if !vm.repr_enter(v) {
        return Ok(new_str("{...}"));
    }
    let r = dict_repr_items(vm, d);
    vm.repr_leave(v);
    Ok(new_str(&r?))
}

fn dict_repr_items(vm: &mut Vm, d: &DictData) -> PyResult<String> {
    vm.enter_recursion(" while getting the repr of an object")?;
    let mut out = String::from("{");
    let mut n = 0;
    let result = loop {
        let Some((k, v)) = d.nth_item(n) else { break Ok(()) };
        if n > 0 {
            out.push_str(", ");
        }
        let pair = ops::repr_string(vm, &k).and_then(|ks| Ok((ks, ops::repr_string(vm, &v)?)));
        match pair {
            Ok((ks, vs)) => {
                out.push_str(&ks);
                out.push_str(": ");
                out.push_str(&vs);
            }
            Err(e) => break Err(e),
        }
        n += 1;
    };
    vm.leave_recursion();
    result?;
    out.push('}');
    Ok(out)
}

/// `==`/`!=` of dicts: same length and every key maps to an equal value.
pub(crate) fn dict_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_dict(a), as_dict(b)) else { return Ok(vm.not_implemented()) };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let equal = x.len() == y.len() && {
        vm.enter_recursion(" in comparison")?;
        let r = dict_items_equal(vm, x, y);
        vm.leave_recursion();
        r?
    };
    Ok(vm.bool(equal == (op == CompareOp::Eq)))
}

/// Does every key of `x` map in `y` to an equal value?
fn dict_items_equal(vm: &mut Vm, x: &DictData, y: &DictData) -> PyResult<bool> {
    let items: Vec<(Value, i64, Value)> = x.inner.borrow().entries.iter().flatten().map(|e| (e.key.clone(), e.hash, e.value.clone())).collect();
    for (k, hash, v) in items {
        // Looked up with the stored hash, as CPython's `dict_equal`.
        let found = match y.lookup_fast(&k, hash) {
            Some(found) => found,
            None => y.lookup(vm, &k, hash)?,
        };
        let Some(w) = found.and_then(|i| y.inner.borrow().entries[i].as_ref().map(|e| e.value.clone())) else { return Ok(false) };
        if !v.is(&w) {
            let r = ops::richcompare(vm, &v, &w, CompareOp::Eq)?;
            if !ops::truthy(vm, &r)? {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

pub use crate::builtins::mappingproxy::{new_mappingproxy, MAPPINGPROXY_TYPE};
