//! `set` and `frozenset`: CPython's open-addressing hash table, reproduced
//! so that iteration order (and so `repr`) is the same as CPython's.
//!
//! Invariants:
//! - The table has a power-of-two size (at least 8); a slot is empty,
//!   a dummy (a deleted key, kept so probe chains stay intact) or active.
//!   Probing is CPython's: up to `LINEAR_PROBES` neighbouring slots, then
//!   a jump perturbed by the remaining hash bits.
//! - `fill` counts active and dummy slots, `used` active ones; the table
//!   grows when `fill * 5 >= mask * 3`, as CPython's does.
//! - No borrow of the table is held while `==` runs (it may mutate the set):
//!   a probe that sees the table change starts again.
//! - A frozenset never changes after it is made; its hash is cached.

use std::cell::{Cell, RefCell};

use crate::builtins::exceptions::{key_error, RUNTIME_ERROR};
use crate::builtins::dict::fast_eq;
use crate::builtins::str::new_str;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{BinOp, CompareOp, MethodDef, NumberSlots, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Bucket {
    Empty,
    Dummy,
    Active { key: Value, hash: i64 },
}

struct Table {
    slots: Vec<Bucket>,
    fill: usize,
    used: usize,
    /// Bumped whenever the table is rebuilt or a key removed (probes
    /// restart when it moves under them).
    version: u64,
    /// Where `pop` looks next (CPython's `finger`).
    finger: usize,
}

impl Table {
    fn new() -> Table {
        Table { slots: vec![Bucket::Empty; MIN_SIZE], fill: 0, used: 0, version: 0, finger: 0 }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }
}

impl Default for SetData {
    fn default() -> SetData {
        SetData::new()
    }
}

pub struct SetData {
    table: RefCell<Table>,
    /// A frozenset's cached hash; -1 until computed.
    hash: Cell<i64>,
    /// Some weak reference names this (exact) set or frozenset.
    pub(crate) weakly_referenced: Cell<bool>,
}

/// Where a probe for a key ended.
enum Probe {
    Found(usize),
    /// Not present: the first dummy seen, else the empty slot that ended
    /// the probe.
    Missing { free: Option<usize>, empty: usize },
}

impl SetData {
    fn new() -> SetData {
        SetData { table: RefCell::new(Table::new()), hash: Cell::new(-1), weakly_referenced: Cell::new(false) }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The active keys with their hashes, in table order.
    pub(crate) fn entries(&self) -> Vec<(Value, i64)> {
        self.table
            .borrow()
            .slots
            .iter()
            .filter_map(|s| match s {
                Bucket::Active { key, hash } => Some((key.clone(), *hash)),
                _ => None,
            })
            .collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.entries().into_iter().map(|(k, _)| k).collect()
    }

    /// CPython's probe sequence for `key` (CPython's `set_lookkey` and the
    /// search half of `set_add_entry`).
    fn probe(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Probe> {
        'restart: loop {
            let (mask, version) = {
                let t = self.table.borrow();
                (t.mask(), t.version)
            };
            let mut i = hash as u64 as usize & mask;
            let mut perturb = hash as u64;
            let mut free = None;
            loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in i..=i + probes {
                    // Only a key with the same hash is taken out (cloned).
                    let stored = match &self.table.borrow().slots[j] {
                        Bucket::Empty => return Ok(Probe::Missing { free, empty: j }),
                        Bucket::Dummy => {
                            if free.is_none() {
                                free = Some(j);
                            }
                            None
                        }
                        Bucket::Active { key, hash: h } if *h == hash => Some(key.clone()),
                        Bucket::Active { .. } => None,
                    };
                    if let Some(stored) = stored {
                        let equal = match fast_eq(&stored, key) {
                            Some(eq) => eq,
                            None => {
                                let r = ops::richcompare(vm, &stored, key, CompareOp::Eq)?;
                                let eq = ops::truthy(vm, &r)?;
                                if self.table.borrow().version != version {
                                    continue 'restart;
                                }
                                eq
                            }
                        };
                        if equal {
                            return Ok(Probe::Found(j));
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
        }
    }

    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = ops::hash(vm, key)?;
        self.contains_hashed(vm, key, hash)
    }

    fn contains_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.probe(vm, key, hash)?, Probe::Found(_)))
    }

    pub fn add(&self, vm: &mut Vm, key: Value) -> PyResult<()> {
        let hash = ops::hash(vm, &key)?;
        self.add_hashed(vm, key, hash)
    }

    /// CPython's `set_add_entry`.
    fn add_hashed(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<()> {
        match self.probe(vm, &key, hash)? {
            Probe::Found(_) => Ok(()),
            Probe::Missing { free: Some(i), .. } => {
                let mut t = self.table.borrow_mut();
                t.slots[i] = Bucket::Active { key, hash };
                t.used += 1;
                Ok(())
            }
            Probe::Missing { free: None, empty } => {
                let mut t = self.table.borrow_mut();
                t.slots[empty] = Bucket::Active { key, hash };
                t.fill += 1;
                t.used += 1;
                if t.fill * 5 >= t.mask() * 3 {
                    let minused = if t.used > 50000 { t.used * 2 } else { t.used * 4 };
                    resize(&mut t, minused);
                }
                Ok(())
            }
        }
    }

    /// Remove `key`; whether it was there (CPython's `set_discard_entry`).
    fn discard_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        match self.probe(vm, key, hash)? {
            Probe::Found(i) => {
                let old = {
                    let mut t = self.table.borrow_mut();
                    t.used -= 1;
                    t.version += 1;
                    std::mem::replace(&mut t.slots[i], Bucket::Dummy)
                };
                drop(old);
                Ok(true)
            }
            Probe::Missing { .. } => Ok(false),
        }
    }

    pub fn discard(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = ops::hash(vm, key)?;
        self.discard_hashed(vm, key, hash)
    }

    fn clear(&self) {
        let old = std::mem::replace(&mut *self.table.borrow_mut(), Table::new());
        self.table.borrow_mut().version = old.version + 1;
        drop(old);
    }

    /// Add every key of `other` (CPython's `set_merge`, whose fast paths
    /// decide where keys land).
    fn merge(&self, vm: &mut Vm, other: &SetData) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        let (o_slots, o_fill, o_used) = {
            let o = other.table.borrow();
            (o.slots.clone(), o.fill, o.used)
        };
        {
            let mut t = self.table.borrow_mut();
            if (t.fill + o_used) * 5 >= t.mask() * 3 {
                let minused = (t.used + o_used) * 2;
                resize(&mut t, minused);
            }
            if t.fill == 0 && t.slots.len() == o_slots.len() && o_fill == o_used {
                for (i, s) in o_slots.iter().enumerate() {
                    if let Bucket::Active { .. } = s {
                        t.slots[i] = s.clone();
                    }
                }
                t.fill = o_fill;
                t.used = o_used;
                return Ok(());
            }
            if t.fill == 0 {
                t.fill = o_used;
                t.used = o_used;
                let mask = t.mask();
                for s in o_slots {
                    if let Bucket::Active { key, hash } = s {
                        insert_clean(&mut t.slots, mask, key, hash);
                    }
                }
                return Ok(());
            }
        }
        for s in o_slots {
            if let Bucket::Active { key, hash } = s {
                self.add_hashed(vm, key, hash)?;
            }
        }
        Ok(())
    }

    /// Add every item of `iterable` (CPython's `set_update_internal`).
    pub fn update(&self, vm: &mut Vm, iterable: &Value) -> PyResult<()> {
        if let Some(other) = as_set(iterable) {
            return self.merge(vm, other);
        }
        if let Some(d) = crate::builtins::dict::as_dict(iterable).filter(|_| std::ptr::eq(vm.type_of(iterable), &crate::builtins::dict::DICT_TYPE)) {
            let n = d.len();
            {
                let mut t = self.table.borrow_mut();
                if (t.fill + n) * 5 >= t.mask() * 3 {
                    let minused = (t.used + n) * 2;
                    resize(&mut t, minused);
                }
            }
            // The dict's stored hashes serve: no key is hashed again.
            for (k, h) in d.keys_hashed() {
                self.add_hashed(vm, k, h)?;
            }
            return Ok(());
        }
        let it = ops::iter(vm, iterable)?;
        while let Some(x) = ops::next(vm, &it)? {
            self.add(vm, x)?;
        }
        Ok(())
    }

    /// Remove the keys of `other` (CPython's `set_difference_update_internal`).
    fn difference_update(&self, vm: &mut Vm, other: &Value) -> PyResult<()> {
        if let Some(o) = as_set(other) {
            if std::ptr::eq(self, o) {
                self.clear();
                return Ok(());
            }
            let entries = if o.len() >> 3 > self.len() {
                let inter = intersection(vm, &SET_TYPE, self, other)?;
                as_set(&inter).expect("a set").entries()
            } else {
                o.entries()
            };
            for (k, h) in entries {
                self.discard_hashed(vm, &k, h)?;
            }
        } else {
            let it = ops::iter(vm, other)?;
            while let Some(x) = ops::next(vm, &it)? {
                self.discard(vm, &x)?;
            }
        }
        let mut t = self.table.borrow_mut();
        if t.fill - t.used > t.mask() / 4 {
            let minused = if t.used > 50000 { t.used * 2 } else { t.used * 4 };
            resize(&mut t, minused);
        }
        Ok(())
    }

    /// CPython's `set_symmetric_difference_update` with a set `other`.
    fn symmetric_difference_update(&self, vm: &mut Vm, other: &SetData) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            self.clear();
            return Ok(());
        }
        for (k, h) in other.entries() {
            if !self.discard_hashed(vm, &k, h)? {
                self.add_hashed(vm, k, h)?;
            }
        }
        Ok(())
    }

    /// Is every key of `self` in `other`?
    fn is_subset(&self, vm: &mut Vm, other: &SetData) -> PyResult<bool> {
        if self.len() > other.len() {
            return Ok(false);
        }
        for (k, h) in self.entries() {
            if !other.contains_hashed(vm, &k, h)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// Rebuild the table with room for `minused` keys, dropping dummies
/// (CPython's `set_table_resize`).
fn resize(t: &mut Table, minused: usize) {
    let mut size = MIN_SIZE;
    while size <= minused {
        size <<= 1;
    }
    let old = std::mem::replace(&mut t.slots, vec![Bucket::Empty; size]);
    t.fill = t.used;
    t.version += 1;
    let mask = size - 1;
    for s in old {
        if let Bucket::Active { key, hash } = s {
            insert_clean(&mut t.slots, mask, key, hash);
        }
    }
}

/// Put a key known to be absent into a table without dummies (CPython's
/// `set_insert_clean`).
fn insert_clean(slots: &mut [Bucket], mask: usize, key: Value, hash: i64) {
    let mut i = hash as u64 as usize & mask;
    let mut perturb = hash as u64;
    loop {
        if matches!(slots[i], Bucket::Empty) {
            slots[i] = Bucket::Active { key, hash };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            if let Some(j) = (i + 1..=i + LINEAR_PROBES).find(|&j| matches!(slots[j], Bucket::Empty)) {
                slots[j] = Bucket::Active { key, hash };
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}

unsafe fn dealloc_set(p: ObjPtr) {
    // SAFETY: exact sets and frozensets are allocated as Obj<SetData>
    // (classes derived from them clear their own weak references).
    if unsafe { p.data::<SetData>() }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_boxed::<SetData>(p) }
}

fn trace_set(p: ObjPtr, visit: Visit) {
    // SAFETY: sets and frozensets are Obj<SetData>.
    let s = unsafe { p.data::<SetData>() };
    for slot in s.table.borrow().slots.iter() {
        if let Bucket::Active { key, .. } = slot {
            visit(key);
        }
    }
}

/// The payload of a set or frozenset.
pub fn as_set(v: &Value) -> Option<&SetData> {
    let p = v.as_object()?;
    let ty = p.ty();
    // SAFETY: sets and frozensets are Obj<SetData>.
    (ty.is_subtype(&SET_TYPE) || ty.is_subtype(&FROZENSET_TYPE)).then(|| unsafe { p.data::<SetData>() })
}

fn is_frozen(vm: &Vm, v: &Value) -> bool {
    vm.type_of(v).is_subtype(&FROZENSET_TYPE)
}

/// A new empty set of type `ty` (`set` or `frozenset`).
fn new_of(ty: &'static TypeObject) -> Value {
    Value::from_owned(alloc(ty, SetData::new()))
}

pub fn new_set() -> Value {
    new_of(&SET_TYPE)
}

/// A new set or frozenset holding `keys`.
pub fn set_from(vm: &mut Vm, ty: &'static TypeObject, keys: Vec<Value>) -> PyResult<Value> {
    let s = new_of(ty);
    let data = as_set(&s).expect("a set");
    for k in keys {
        data.add(vm, k)?;
    }
    Ok(s)
}

/// A copy of `v` with the table layout CPython's `set_copy` gives.
fn copy_as(vm: &mut Vm, ty: &'static TypeObject, v: &Value) -> PyResult<Value> {
    let s = new_of(ty);
    as_set(&s).expect("a set").update(vm, v)?;
    Ok(s)
}

/// The built-in type a set operation's result has: `set` or `frozenset`,
/// after the left operand (CPython's `make_new_set_basetype`).
fn base_type(vm: &Vm, v: &Value) -> &'static TypeObject {
    if is_frozen(vm, v) {
        &FROZENSET_TYPE
    } else {
        &SET_TYPE
    }
}

fn set_new(vm: &mut Vm, ty: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, ty.name(), kwnames)?;
    match args {
        [] => Ok(new_of(ty)),
        [iterable] => {
            if std::ptr::eq(ty, &FROZENSET_TYPE) && std::ptr::eq(vm.type_of(iterable), &FROZENSET_TYPE) {
                return Ok(iterable.clone());
            }
            copy_as(vm, ty, iterable)
        }
        _ => Err(vm.type_error(format!("{} expected at most 1 argument, got {}", ty.name(), args.len()))),
    }
}

fn set_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = as_set(v).expect("set slot on a set");
    let name = vm.type_of(v).name();
    let frozen = is_frozen(vm, v);
    if s.is_empty() {
        return Ok(new_str(&format!("{name}()")));
    }
    if !vm.repr_enter(v) {
        return Ok(new_str(&format!("{name}(...)")));
    }
    let keys = s.keys();
    let r = crate::builtins::tuple::join_reprs(vm, |i| keys.get(i).cloned(), "{", "}");
    vm.repr_leave(v);
    let r = r?;
    Ok(new_str(&if frozen || name != "set" { format!("{name}({r})") } else { r }))
}

/// `a & b` (CPython's `set_intersection`): iterates the smaller set.
fn intersection(vm: &mut Vm, ty: &'static TypeObject, so: &SetData, other: &Value) -> PyResult<Value> {
    let result = new_of(ty);
    let r = as_set(&result).expect("a set");
    if let Some(o) = as_set(other) {
        let (big, small) = if o.len() > so.len() { (o, so) } else { (so, o) };
        for (k, h) in small.entries() {
            if big.contains_hashed(vm, &k, h)? {
                r.add_hashed(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = ops::iter(vm, other)?;
    while let Some(x) = ops::next(vm, &it)? {
        let h = ops::hash(vm, &x)?;
        if so.contains_hashed(vm, &x, h)? {
            r.add_hashed(vm, x, h)?;
        }
    }
    Ok(result)
}

/// `a - b` (CPython's `set_difference`).
fn difference(vm: &mut Vm, a: &Value, other: &Value) -> PyResult<Value> {
    let ty = base_type(vm, a);
    let so = as_set(a).expect("a set");
    let other_len = match (as_set(other), crate::builtins::dict::as_dict(other)) {
        (Some(o), _) => Some(o.len()),
        (_, Some(d)) => Some(d.len()),
        _ => None,
    };
    match other_len {
        Some(n) if so.is_empty() || (so.len() >> 2) <= n => {
            if so.is_empty() {
                return copy_as(vm, ty, a);
            }
            let result = new_of(ty);
            let r = as_set(&result).expect("a set");
            for (k, h) in so.entries() {
                let present = match as_set(other) {
                    Some(o) => o.contains_hashed(vm, &k, h)?,
                    None => crate::builtins::dict::as_dict(other).expect("a dict").contains_hashed(vm, &k, h)?,
                };
                if !present {
                    r.add_hashed(vm, k, h)?;
                }
            }
            Ok(result)
        }
        _ => {
            let result = copy_as(vm, ty, a)?;
            as_set(&result).expect("a set").difference_update(vm, other)?;
            Ok(result)
        }
    }
}

/// `a ^ b` (CPython's `set_symmetric_difference`).
fn symmetric_difference(vm: &mut Vm, a: &Value, other: &Value) -> PyResult<Value> {
    let ty = base_type(vm, a);
    let result = copy_as(vm, ty, other)?;
    let so = as_set(a).expect("a set");
    as_set(&result).expect("a set").symmetric_difference_update(vm, so)?;
    Ok(result)
}

fn union(vm: &mut Vm, a: &Value, other: &Value) -> PyResult<Value> {
    let ty = base_type(vm, a);
    let result = copy_as(vm, ty, a)?;
    if !a.is(other) {
        as_set(&result).expect("a set").update(vm, other)?;
    }
    Ok(result)
}

fn binary(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    if as_set(a).is_none() || as_set(b).is_none() {
        return Ok(vm.not_implemented());
    }
    match op {
        BinOp::Or => union(vm, a, b),
        BinOp::And => {
            let ty = base_type(vm, a);
            intersection(vm, ty, as_set(a).expect("a set"), b)
        }
        BinOp::Subtract => difference(vm, a, b),
        BinOp::Xor => symmetric_difference(vm, a, b),
        _ => Ok(vm.not_implemented()),
    }
}

fn inplace_slot(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    Ok(inplace(vm, op, a, b)?.unwrap_or_else(|| vm.not_implemented()))
}

/// `a |= b` and the other in-place operators of a (mutable) set: change `a`.
fn inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if is_frozen(vm, a) || as_set(a).is_none() || as_set(b).is_none() {
        return Ok(None);
    }
    let so = as_set(a).expect("a set");
    match op {
        BinOp::Or => so.update(vm, b)?,
        BinOp::Subtract => so.difference_update(vm, b)?,
        BinOp::Xor => so.symmetric_difference_update(vm, as_set(b).expect("a set"))?,
        BinOp::And => {
            let inter = intersection(vm, &SET_TYPE, so, b)?;
            let new_table = std::mem::replace(&mut *as_set(&inter).expect("a set").table.borrow_mut(), Table::new());
            let old = std::mem::replace(&mut *so.table.borrow_mut(), new_table);
            so.table.borrow_mut().version = old.version + 1;
            drop(old);
        }
        _ => return Ok(None),
    }
    Ok(Some(a.clone()))
}

/// The set operators both types share (`|`, `&`, `-`, `^`).
const SET_BINARY: [Option<crate::types::BinaryFn>; 13] = {
    let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
    b[BinOp::Or as usize] = Some(|vm, a, c| binary(vm, BinOp::Or, a, c));
    b[BinOp::And as usize] = Some(|vm, a, c| binary(vm, BinOp::And, a, c));
    b[BinOp::Subtract as usize] = Some(|vm, a, c| binary(vm, BinOp::Subtract, a, c));
    b[BinOp::Xor as usize] = Some(|vm, a, c| binary(vm, BinOp::Xor, a, c));
    b
};

/// frozenset's: no in-place forms, so `fs |= x` rebinds `fs`.
static FROZENSET_NUMBER: NumberSlots = NumberSlots { binary: SET_BINARY, ..NumberSlots::EMPTY };

static SET_NUMBER: NumberSlots = NumberSlots {
    binary: SET_BINARY,
    inplace: {
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Or as usize] = Some(|vm, a, c| inplace_slot(vm, BinOp::Or, a, c));
        b[BinOp::And as usize] = Some(|vm, a, c| inplace_slot(vm, BinOp::And, a, c));
        b[BinOp::Subtract as usize] = Some(|vm, a, c| inplace_slot(vm, BinOp::Subtract, a, c));
        b[BinOp::Xor as usize] = Some(|vm, a, c| inplace_slot(vm, BinOp::Xor, a, c));
        b
    },
    ..NumberSlots::EMPTY
};

fn set_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else { return Ok(vm.not_implemented()) };
    let r = match op {
        CompareOp::Eq => x.len() == y.len() && x.is_subset(vm, y)?,
        CompareOp::Ne => !(x.len() == y.len() && x.is_subset(vm, y)?),
        CompareOp::Le => x.is_subset(vm, y)?,
        CompareOp::Lt => x.len() < y.len() && x.is_subset(vm, y)?,
        CompareOp::Ge => y.is_subset(vm, x)?,
        CompareOp::Gt => x.len() > y.len() && y.is_subset(vm, x)?,
    };
    Ok(vm.bool(r))
}

/// CPython's `frozenset_hash`: order-independent, from the table's hashes.
fn frozenset_hash(_: &mut Vm, v: &Value) -> PyResult<i64> {
    let s = as_set(v).expect("frozenset slot");
    if s.hash.get() != -1 {
        return Ok(s.hash.get());
    }
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let t = s.table.borrow();
    let mut hash: u64 = 0;
    for slot in &t.slots {
        hash ^= shuffle(match slot {
            Bucket::Active { hash, .. } => *hash as u64,
            Bucket::Dummy => u64::MAX,
            Bucket::Empty => 0,
        });
    }
    if (t.slots.len() - t.fill) & 1 == 1 {
        hash ^= shuffle(0);
    }
    if (t.fill - t.used) & 1 == 1 {
        hash ^= shuffle(u64::MAX);
    }
    hash ^= (t.used as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    s.hash.set(hash as i64);
    Ok(hash as i64)
}

/// Iteration in table order; changing the set's size meanwhile is an
/// error, as in CPython. The set is NULL once the iterator is exhausted.
struct SetIter {
    set: std::cell::RefCell<Value>,
    pos: Cell<usize>,
    /// The set's size when iteration began; `usize::MAX` once it was seen
    /// to change (the error then repeats, as CPython's).
    used: Cell<usize>,
    /// How many items are left (`__length_hint__`).
    remaining: Cell<usize>,
}

fn set_iter_data(v: &Value) -> &SetIter {
    // SAFETY: set iterators are Obj<SetIter>.
    unsafe { v.as_object().expect("a set iterator").data::<SetIter>() }
}

fn set_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = set_iter_data(v);
    let found = {
        let set = it.set.borrow();
        let Some(s) = as_set(&set) else { return Ok(None) };
        if s.len() != it.used.get() {
            it.used_changed();
            return Err(vm.error(&RUNTIME_ERROR, "Set changed size during iteration"));
        }
        let t = s.table.borrow();
        let mut pos = it.pos.get();
        let mut found = None;
        while pos < t.slots.len() {
            pos += 1;
            if let Bucket::Active { key, .. } = &t.slots[pos - 1] {
                found = Some(key.clone());
                break;
            }
        }
        it.pos.set(pos);
        found
    };
    match found {
        Some(_) => it.remaining.set(it.remaining.get().saturating_sub(1)),
        None => drop(it.set.replace(Value::NULL)),
    }
    Ok(found)
}

impl SetIter {
    /// The set changed size: the iterator errs from now on (CPython sets
    /// `si_used` to -1) and hints 0.
    fn used_changed(&self) {
        self.used.set(usize::MAX);
        self.remaining.set(0);
    }
}

const SET_ITER_METHODS: &[MethodDef] = &[
    MethodDef { name: "__length_hint__", func: set_iter_length_hint },
    MethodDef { name: "__reduce__", func: set_iter_reduce },
];

static SET_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(set_iter_next),
    methods: SET_ITER_METHODS,
    ..TypeObject::builtin("set_iterator", Some(&OBJECT_TYPE), dealloc_set_iter, trace_set_iter)
};

/// `it.__length_hint__()`: the items left, 0 once the set changed size.
fn set_iter_length_hint(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__length_hint__", args, kwnames, 0)?;
    let it = set_iter_data(this);
    let same = as_set(&it.set.borrow()).is_some_and(|s| s.len() == it.used.get());
    Ok(crate::builtins::iter_pickle::hint(if same { it.remaining.get() } else { 0 }))
}

/// `it.__reduce__()`: `(iter, (items_left,))`, read from a copy of the
/// iterator (CPython's `setiter_reduce`).
fn set_iter_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let iter = crate::builtins::iter_pickle::builtin(vm, "iter")?;
    let it = set_iter_data(this);
    let copy = SetIter {
        set: std::cell::RefCell::new(it.set.borrow().clone()),
        pos: Cell::new(it.pos.get()),
        used: Cell::new(it.used.get()),
        remaining: Cell::new(it.remaining.get()),
    };
    let copy = Value::from_owned(alloc(&SET_ITERATOR_TYPE, copy));
    let mut items = Vec::new();
    while let Some(x) = set_iter_next(vm, &copy)? {
        items.push(x);
    }
    Ok(crate::builtins::iter_pickle::reduce_value(iter, vec![crate::builtins::list::new_list(items)], None))
}

unsafe fn dealloc_set_iter(p: ObjPtr) {
    // SAFETY: set iterators are allocated as Obj<SetIter>.
    unsafe { dealloc_boxed::<SetIter>(p) }
}

fn trace_set_iter(p: ObjPtr, visit: Visit) {
    // SAFETY: set iterators are Obj<SetIter>.
    let set = unsafe { p.data::<SetIter>() }.set.borrow();
    if !set.is_null() {
        visit(&set);
    }
}

fn set_iter(_: &mut Vm, v: &Value) -> PyResult<Value> {
    let used = as_set(v).expect("set slot").len();
    let it = SetIter { set: std::cell::RefCell::new(v.clone()), pos: Cell::new(0), used: Cell::new(used), remaining: Cell::new(used) };
    Ok(Value::from_owned(alloc(&SET_ITERATOR_TYPE, it)))
}

fn one_arg<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    match args {
        [x] => Ok(x),
        _ => Err(vm.type_error(format!("{name}() takes exactly one argument ({} given)", args.len()))),
    }
}

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    if args.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no arguments ({} given)", args.len())))
    }
}

/// A set made from any iterable, for methods taking one (`issubset`, ...).
fn as_set_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if as_set(v).is_some() {
        Ok(v.clone())
    } else {
        copy_as(vm, &SET_TYPE, v)
    }
}

/// `f(key)`, retried with `frozenset(key)` when `key` is a set and the
/// first try raised TypeError (it is unhashable): `{1} in {frozenset({1})}`
/// is a look-up, as in CPython's `set_contains_key`/`set_discard_key`.
fn with_frozen_key<T>(vm: &mut Vm, key: &Value, f: impl Fn(&mut Vm, &Value) -> PyResult<T>) -> PyResult<T> {
    match f(vm, key) {
        Err(e)
            if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::TYPE_ERROR)
                && key.as_object().is_some_and(|p| p.ty().is_subtype(&SET_TYPE)) =>
        {
            let frozen = new_of(&FROZENSET_TYPE);
            let (src, dst) = (as_set(key).expect("a set"), as_set(&frozen).expect("a set"));
            for k in src.keys() {
                dst.add(vm, k)?;
            }
            f(vm, &frozen)
        }
        r => r,
    }
}

/// `s.__reduce__()`: `(type(s), (list(s),), s.__getstate__())`, as
/// CPython's `set_reduce`.
fn set_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let items = crate::builtins::list::new_list(as_set(this).expect("a set").keys());
    let getstate = ops::getattr(vm, this, &crate::builtins::str::intern("__getstate__"))?;
    let state = crate::eval::call(vm, &getstate, &[], &[])?;
    let ty = crate::types::type_value(vm.type_of_static(this));
    Ok(crate::builtins::iter_pickle::reduce_value(ty, vec![items], Some(state)))
}

fn set_add(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg(vm, "set.add", args, kwnames)?;
    as_set(this).expect("a set").add(vm, x.clone())?;
    Ok(vm.none())
}

fn set_remove(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg(vm, "set.remove", args, kwnames)?;
    if !with_frozen_key(vm, x, |vm, k| as_set(this).expect("a set").discard(vm, k))? {
        return Err(key_error(x.clone()));
    }
    Ok(vm.none())
}

fn set_discard(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg(vm, "set.discard", args, kwnames)?;
    with_frozen_key(vm, x, |vm, k| as_set(this).expect("a set").discard(vm, k))?;
    Ok(vm.none())
}

/// `set.pop()`: the next active slot from the finger (CPython's order).
fn set_pop(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "set.pop", args, kwnames)?;
    let s = as_set(this).expect("a set");
    let mut t = s.table.borrow_mut();
    if t.used == 0 {
        drop(t);
        return Err(vm.error(&crate::builtins::exceptions::KEY_ERROR, "pop from an empty set"));
    }
    let mask = t.mask();
    let mut i = t.finger & mask;
    while !matches!(t.slots[i], Bucket::Active { .. }) {
        i = (i + 1) & mask;
    }
    let Bucket::Active { key, .. } = std::mem::replace(&mut t.slots[i], Bucket::Dummy) else { unreachable!() };
    t.used -= 1;
    t.version += 1;
    t.finger = i + 1;
    Ok(key)
}

fn set_clear(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "set.clear", args, kwnames)?;
    as_set(this).expect("a set").clear();
    Ok(vm.none())
}

fn set_copy(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, &format!("{}.copy", base_type(vm, this).name()), args, kwnames)?;
    if std::ptr::eq(vm.type_of(this), &FROZENSET_TYPE) {
        return Ok(this.clone());
    }
    let ty = base_type(vm, this);
    copy_as(vm, ty, this)
}

/// `set.__init__(self, [iterable])`: the set becomes the iterable's items.
fn set_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "set", kwnames)?;
    let s = as_set(this).expect("a set");
    match args {
        [] => s.clear(),
        [iterable] => {
            s.clear();
            s.update(vm, iterable)?;
        }
        _ => return Err(vm.type_error(format!("set expected at most 1 argument, got {}", args.len()))),
    }
    Ok(vm.none())
}

fn set_update(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "set.update", kwnames)?;
    for a in args {
        as_set(this).expect("a set").update(vm, a)?;
    }
    Ok(vm.none())
}

fn set_union(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, &format!("{}.union", base_type(vm, this).name()), kwnames)?;
    let ty = base_type(vm, this);
    let result = copy_as(vm, ty, this)?;
    for a in args {
        as_set(&result).expect("a set").update(vm, a)?;
    }
    Ok(result)
}

pub(crate) fn set_intersection(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, &format!("{}.intersection", base_type(vm, this).name()), kwnames)?;
    let ty = base_type(vm, this);
    let mut result = if args.is_empty() { copy_as(vm, ty, this)? } else { this.clone() };
    for a in args {
        let so = as_set(&result).expect("a set");
        result = intersection(vm, ty, so, a)?;
    }
    Ok(result)
}

fn set_difference(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, &format!("{}.difference", base_type(vm, this).name()), kwnames)?;
    let Some((first, rest)) = args.split_first() else { return copy_as(vm, base_type(vm, this), this) };
    let result = difference(vm, this, first)?;
    for a in rest {
        as_set(&result).expect("a set").difference_update(vm, a)?;
    }
    Ok(result)
}

fn set_symmetric_difference(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg(vm, &format!("{}.symmetric_difference", base_type(vm, this).name()), args, kwnames)?;
    let other = as_set_value(vm, x)?;
    symmetric_difference(vm, this, &other)
}

pub(crate) fn set_difference_update(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "difference_update", kwnames)?;
    for a in args {
        as_set(this).expect("a set").difference_update(vm, a)?;
    }
    Ok(vm.none())
}

fn set_intersection_update(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, &format!("{}.intersection_update", base_type(vm, this).name()), kwnames)?;
    for a in args {
        let other = as_set_value(vm, a)?;
        inplace(vm, BinOp::And, this, &other)?;
    }
    Ok(vm.none())
}

pub(crate) fn set_symmetric_difference_update(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg(vm, &format!("{}.symmetric_difference_update", base_type(vm, this).name()), args, kwnames)?;
    let other = as_set_value(vm, x)?;
    as_set(this).expect("a set").symmetric_difference_update(vm, as_set(&other).expect("a set"))?;
    Ok(vm.none())
}

fn set_issubset(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg(vm, &format!("{}.issubset", base_type(vm, this).name()), args, kwnames)?;
    let other = as_set_value(vm, x)?;
    let r = as_set(this).expect("a set").is_subset(vm, as_set(&other).expect("a set"))?;
    Ok(vm.bool(r))
}

fn set_issuperset(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg(vm, &format!("{}.issuperset", base_type(vm, this).name()), args, kwnames)?;
    let other = as_set_value(vm, x)?;
    let r = as_set(&other).expect("a set").is_subset(vm, as_set(this).expect("a set"))?;
    Ok(vm.bool(r))
}

fn set_isdisjoint(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg(vm, &format!("{}.isdisjoint", base_type(vm, this).name()), args, kwnames)?;
    let so = as_set(this).expect("a set");
    let it = ops::iter(vm, x)?;
    while let Some(k) = ops::next(vm, &it)? {
        if so.contains(vm, &k)? {
            return Ok(vm.bool(false));
        }
    }
    Ok(vm.bool(true))
}

const SHARED_METHODS: [MethodDef; 10] = [
    MethodDef { name: "copy", func: set_copy },
    MethodDef { name: "union", func: set_union },
    MethodDef { name: "intersection", func: set_intersection },
    MethodDef { name: "difference", func: set_difference },
    MethodDef { name: "symmetric_difference", func: set_symmetric_difference },
    MethodDef { name: "issubset", func: set_issubset },
    MethodDef { name: "issuperset", func: set_issuperset },
    MethodDef { name: "isdisjoint", func: set_isdisjoint },
    MethodDef { name: "__contains__", func: |vm, this, args, kwnames| {
        let x = one_arg(vm, "__contains__", args, kwnames)?;
        let r = with_frozen_key(vm, x, |vm, k| as_set(this).expect("a set").contains(vm, k))?;
        Ok(vm.bool(r))
    } },
    MethodDef { name: "__reduce__", func: set_reduce },
];

static SET_METHODS: [MethodDef; 19] = [
    SHARED_METHODS[9],
    SHARED_METHODS[0],
    SHARED_METHODS[1],
    SHARED_METHODS[2],
    SHARED_METHODS[3],
    SHARED_METHODS[4],
    SHARED_METHODS[5],
    SHARED_METHODS[6],
    SHARED_METHODS[7],
    SHARED_METHODS[8],
    MethodDef { name: "add", func: set_add },
    MethodDef { name: "remove", func: set_remove },
    MethodDef { name: "discard", func: set_discard },
    MethodDef { name: "pop", func: set_pop },
    MethodDef { name: "clear", func: set_clear },
    MethodDef { name: "update", func: set_update },
    MethodDef { name: "difference_update", func: set_difference_update },
    MethodDef { name: "intersection_update", func: set_intersection_update },
    MethodDef { name: "symmetric_difference_update", func: set_symmetric_difference_update },
];

static CLASS_METHODS: [MethodDef; 1] =
    [MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }];

pub static SET_TYPE: TypeObject = TypeObject {
    flags: std::cell::Cell::new(crate::types::tp_flags::MATCH_SELF),
    repr: Slot::new(set_repr),
    richcompare: Slot::new(set_richcompare),
    len: Slot::new(|_, v| Ok(as_set(v).map_or(0, |s| s.len()))),
    iter: Slot::new(set_iter),
    contains: Slot::new(|vm, v, x| with_frozen_key(vm, x, |vm, k| as_set(v).expect("set slot on a set").contains(vm, k))),
    new: Some(set_new),
    init: Some(set_init),
    number: Cell::new(&SET_NUMBER),
    methods: &SET_METHODS,
    class_methods: &CLASS_METHODS,
    ..TypeObject::builtin("set", Some(&OBJECT_TYPE), dealloc_set, trace_set)
};

pub static FROZENSET_TYPE: TypeObject = TypeObject {
    flags: std::cell::Cell::new(crate::types::tp_flags::MATCH_SELF),
    repr: Slot::new(set_repr),
    richcompare: Slot::new(set_richcompare),
    hash: Slot::new(frozenset_hash),
    len: Slot::new(|_, v| Ok(as_set(v).map_or(0, |s| s.len()))),
    iter: Slot::new(set_iter),
    contains: Slot::new(|vm, v, x| with_frozen_key(vm, x, |vm, k| as_set(v).expect("set slot on a set").contains(vm, k))),
    new: Some(set_new),
    number: Cell::new(&FROZENSET_NUMBER),
    methods: &SHARED_METHODS,
    class_methods: &CLASS_METHODS,
    ..TypeObject::builtin("frozenset", Some(&OBJECT_TYPE), dealloc_set, trace_set)
};

/// `s.update(iterable)` for the evaluation loop (`SET_UPDATE`).
pub fn update(vm: &mut Vm, s: &Value, iterable: &Value) -> PyResult<()> {
    as_set(s).expect("a set").update(vm, iterable)
}

/// A frozenset constant of a code object: its items are constants, whose
/// hashes and equality never run Python code. CPython's compiler builds the
/// frozenset from the items, then rebuilds it from its own iteration order
/// (`merge_consts_recursive`); the second build decides the table layout
/// when hashes collide, so it is reproduced.
pub fn frozenset_constant(items: Vec<Value>) -> Value {
    let mut vm = Vm::new();
    let build = |vm: &mut Vm, items: Vec<Value>| {
        let s = new_of(&FROZENSET_TYPE);
        for k in items {
            // Constants hash and compare without error.
            let _ = as_set(&s).expect("a set").add(vm, k);
        }
        s
    };
    let first = build(&mut vm, items);
    let order = as_set(&first).expect("a set").keys();
    build(&mut vm, order)
}
