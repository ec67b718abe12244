//! `collections.OrderedDict` (CPython's `Objects/odictobject.c`): a dict
//! that remembers the order its keys were added in, and can move them.
//!
//! Invariants:
//! - The payload is a plain `DictData`, and the order is the dict's own
//!   insertion order: moving a key moves its entry (`dict_order`). So
//!   dict's lookups, `d[key] = v`, `del d[key]`, `clear` and `fromkeys`
//!   serve an OrderedDict unchanged, and its views iterate in order.
//! - Its iterators (`odict_iterator`) watch the dict's order stamp: a key
//!   added, removed or moved while they run is CPython's "OrderedDict
//!   mutated during iteration"; changing a value is not. Each key the
//!   iterators, `repr` and `copy` meet is looked up again, its hash
//!   recomputed, as CPython's: a key whose hash changed is a KeyError.
//! - Methods that CPython writes through the abstract protocols for a
//!   derived class (`setdefault`, `copy`, `update`, `|`) call the class's
//!   `__contains__`, `__getitem__` and `__setitem__`; for an exact
//!   OrderedDict they work on the dict, as `pop` and `popitem` always do.
//!
//! - The payload is `ODictData`: the dict first (`repr(C)`, where dict's
//!   code reads it), then an exact OrderedDict's `__dict__` (made on first
//!   use; a derived class's instances keep theirs in `InstanceData`).
//!
//! PROVISIONAL: a key stored with `dict.__setitem__` is part of the order
//! (CPython's C OrderedDict would not list it).

use std::cell::{Cell, RefCell};

use super::type_name;
use crate::builtins::classes::{alloc_subclassed, BuiltinBase};
use crate::builtins::dict::{self, as_dict, check_args, DictData, IterKind, DICT_TYPE};
use crate::builtins::dict_views::{self, ODICT_ITEMS_TYPE, ODICT_KEYS_TYPE, ODICT_VALUES_TYPE};
use crate::builtins::itertools::{bind, equal};
use crate::builtins::list::new_list;
use crate::builtins::singletons::none;
use crate::builtins::str::{intern, new_str};
use crate::builtins::tuple::new_tuple;
use crate::eval::store_item;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{tp_flags, type_value, BinOp, MethodDef, NumberSlots, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// An OrderedDict's payload (see the invariants).
#[repr(C)]
pub struct ODictData {
    pub dict: DictData,
    /// An exact OrderedDict's `__dict__`; NULL until asked for.
    inst_dict: RefCell<Value>,
    /// Some weak reference names this (exact) OrderedDict.
    pub(crate) weakly_referenced: Cell<bool>,
}

impl Default for ODictData {
    fn default() -> Self {
        ODictData { dict: DictData::default(), inst_dict: RefCell::new(Value::NULL), weakly_referenced: Cell::new(false) }
    }
}

/// The cell holding exact OrderedDict `v`'s `__dict__`, for the generic
/// attribute code (`classes::storage`).
pub(crate) fn inst_dict_cell(v: &Value) -> Option<&RefCell<Value>> {
    let p = v.as_object()?;
    // SAFETY: exact OrderedDicts are Obj<ODictData>.
    std::ptr::eq(p.ty(), &ODICT_TYPE).then(|| &unsafe { p.data::<ODictData>() }.inst_dict)
}

/// Exact OrderedDict `v`'s weak-reference flag.
pub(crate) fn weakref_flag(v: &Value) -> Option<&Cell<bool>> {
    let p = v.as_object()?;
    // SAFETY: exact OrderedDicts are Obj<ODictData>.
    std::ptr::eq(p.ty(), &ODICT_TYPE).then(|| &unsafe { p.data::<ODictData>() }.weakly_referenced)
}

unsafe fn dealloc_odict(p: ObjPtr) {
    // SAFETY: exact OrderedDicts are Obj<ODictData> (classes derived from
    // it clear their own weak references).
    if unsafe { p.data::<ODictData>() }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_boxed::<ODictData>(p) }
}

fn trace_odict(p: ObjPtr, visit: Visit) {
    dict::trace_dict(p, visit);
    // SAFETY: OrderedDicts (and derived classes' instances) are
    // Obj<ODictData> first.
    let d = unsafe { p.data::<ODictData>() }.inst_dict.borrow();
    if !d.is_null() {
        visit(&d);
    }
}

fn new_odict() -> Value {
    Value::from_owned(alloc(&ODICT_TYPE, ODictData::default()))
}

pub static ODICT_TYPE: TypeObject = TypeObject {
    flags: Cell::new(tp_flags::MAPPING | tp_flags::MATCH_SELF),
    repr: Slot::new(odict_repr),
    richcompare: Slot::new(odict_richcompare),
    // Inherited from dict.
    len: Slot::new(|_, v| Ok(as_dict(v).map_or(0, |d| d.len()))),
    getitem: Slot::new(dict::dict_subscript),
    setitem: Slot::new(dict::dict_setitem),
    contains: Slot::new(dict::dict_contains),
    iter: Slot::new(|_, v| Ok(odict_iter(v, IterKind::Keys, false))),
    number: Cell::new(&ODICT_NUMBER),
    new: Some(odict_new),
    init: Some(odict_init),
    class_methods: &[MethodDef { name: "fromkeys", func: |vm, cls, a, k| {
        let [iterable, value] = bind(vm, "fromkeys", a, k, ["iterable", "value"], 2, 1)?;
        dict::fromkeys(vm, cls, &iterable.expect("a required argument"), value.unwrap_or_else(none))
    } }],
    methods: &[
        MethodDef { name: "__reduce__", func: odict_reduce },
        MethodDef { name: "__sizeof__", func: |vm, this, a, k| {
            check_args(vm, "OrderedDict.__sizeof__", a, k, 0, 0)?;
            Ok(crate::builtins::int::new_int(odict_data(this).odict_size_of() as i64))
        } },
        MethodDef { name: "setdefault", func: odict_setdefault },
        MethodDef { name: "pop", func: odict_pop },
        MethodDef { name: "popitem", func: odict_popitem },
        MethodDef { name: "keys", func: |vm, this, a, k| dict_views::view(vm, "OrderedDict.keys", this, a, k, &ODICT_KEYS_TYPE) },
        MethodDef { name: "values", func: |vm, this, a, k| dict_views::view(vm, "OrderedDict.values", this, a, k, &ODICT_VALUES_TYPE) },
        MethodDef { name: "items", func: |vm, this, a, k| dict_views::view(vm, "OrderedDict.items", this, a, k, &ODICT_ITEMS_TYPE) },
        MethodDef { name: "update", func: |vm, this, a, k| {
            update(vm, this, a, k)?;
            Ok(none())
        } },
        MethodDef { name: "copy", func: odict_copy },
        MethodDef { name: "__reversed__", func: |vm, this, a, k| {
            check_args(vm, "OrderedDict.__reversed__", a, k, 0, 0)?;
            Ok(odict_iter(this, IterKind::Keys, true))
        } },
        MethodDef { name: "move_to_end", func: odict_move_to_end },
    ],
    ..TypeObject::builtin("collections.OrderedDict", Some(&DICT_TYPE), dealloc_odict, trace_odict)
};

/// `|` makes an OrderedDict of the OrderedDict operand's class; `|=`
/// updates in place (both through `__setitem__`).
static ODICT_NUMBER: NumberSlots = NumberSlots {
    binary: {
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Or as usize] = Some(odict_or);
        b
    },
    inplace: {
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Or as usize] = Some(|vm, a, b| {
            update_arg(vm, a, b)?;
            Ok(a.clone())
        });
        b
    },
    ..NumberSlots::EMPTY
};

/// Classes derived from OrderedDict start empty; `__init__` fills them.
pub(super) fn builtin_base(ty: &'static TypeObject) -> BuiltinBase {
    BuiltinBase::filled_by_init::<ODictData>(ty)
}

fn is_odict(vm: &Vm, v: &Value) -> bool {
    vm.type_of(v).is_subtype(&ODICT_TYPE)
}

fn is_exact(vm: &Vm, v: &Value) -> bool {
    std::ptr::eq(vm.type_of(v), &ODICT_TYPE)
}

fn odict_data(v: &Value) -> &DictData {
    as_dict(v).expect("an OrderedDict is a dict")
}

/// `OrderedDict(...)`: for the type itself, filled by `__init__`'s rules.
fn odict_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !std::ptr::eq(cls, &ODICT_TYPE) {
        return Ok(alloc_subclassed(cls, ODictData::default()));
    }
    let od = new_odict();
    odict_init(vm, &od, args, kwnames)?;
    Ok(od)
}

/// `OrderedDict.__init__([other], **kwargs)`: `update`.
fn odict_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos > 1 {
        return Err(vm.type_error(format!("expected at most 1 arguments, got {npos}")));
    }
    update(vm, this, args, kwnames)?;
    Ok(none())
}

/// `od.update([other], **kwargs)` (CPython's `mutablemapping_update`):
/// every pair is stored with `self[key] = value`.
fn update(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let npos = args.len() - kwnames.len();
    if npos > 1 {
        return Err(vm.type_error(format!("update() takes at most 1 positional argument ({npos} given)")));
    }
    if let Some(other) = args[..npos].first() {
        update_arg(vm, this, other)?;
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        store_item(vm, this, k.clone(), v.clone())?;
    }
    Ok(())
}

/// The items of `arg` stored into `this`: an exact dict's, a mapping's
/// (by `keys()`), an `items()`'s pairs, or `arg`'s own pairs.
fn update_arg(vm: &mut Vm, this: &Value, arg: &Value) -> PyResult<()> {
    if std::ptr::eq(vm.type_of(arg), &DICT_TYPE) {
        let items = as_dict(arg).expect("a dict").items();
        for (k, v) in items {
            store_item(vm, this, k, v)?;
        }
        return Ok(());
    }
    if let Some(keys) = ops::getattr_opt(vm, arg, &intern("keys"))? {
        let keys = crate::eval::call(vm, &keys, &[], &[])?;
        let it = ops::iter(vm, &keys)?;
        while let Some(k) = ops::next(vm, &it)? {
            let v = ops::getitem(vm, arg, &k)?;
            store_item(vm, this, k, v)?;
        }
        return Ok(());
    }
    if let Some(items) = ops::getattr_opt(vm, arg, &intern("items"))? {
        let items = crate::eval::call(vm, &items, &[], &[])?;
        return add_pairs(vm, this, &items);
    }
    add_pairs(vm, this, arg)
}

/// Store each `(key, value)` pair of iterable `pairs` (CPython's
/// `mutablemapping_add_pairs`, with its messages).
fn add_pairs(vm: &mut Vm, this: &Value, pairs: &Value) -> PyResult<()> {
    let it = ops::iter(vm, pairs)?;
    while let Some(pair) = ops::next(vm, &it)? {
        let p = ops::iter(vm, &pair)?;
        let Some(key) = ops::next(vm, &p)? else { return Err(vm.value_error("need more than 0 values to unpack")) };
        let Some(value) = ops::next(vm, &p)? else { return Err(vm.value_error("need more than 1 value to unpack")) };
        if ops::next(vm, &p)?.is_some() {
            return Err(vm.value_error("too many values to unpack (expected 2)"));
        }
        store_item(vm, this, key, value)?;
    }
    Ok(())
}

/// `OrderedDict([('a', 1)])`, `OrderedDict()`; `...` inside itself. A
/// derived class is shown by its `items()`.
fn odict_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = type_name(vm.type_of(v)).to_string();
    if odict_data(v).is_empty() {
        return Ok(new_str(&format!("{name}()")));
    }
    if !vm.repr_enter(v) {
        return Ok(new_str("..."));
    }
    let pieces = pieces_repr(vm, v);
    vm.repr_leave(v);
    Ok(new_str(&format!("{name}({})", pieces?)))
}

/// The value stored under `key`, looked up again (its hash recomputed),
/// as CPython's OrderedDict reads values while walking its keys: a key
/// whose hash has changed is a KeyError.
fn value_of(vm: &mut Vm, d: &DictData, key: &Value) -> PyResult<Value> {
    match d.get(vm, key)? {
        Some(v) => Ok(v),
        None => Err(crate::builtins::exceptions::key_error(key.clone())),
    }
}

/// The (key, value) pairs of an exact OrderedDict, each value looked up
/// by its key (`value_of`).
fn looked_up_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<(Value, Value)>> {
    let keys: Vec<Value> = odict_data(v).items().into_iter().map(|(k, _)| k).collect();
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let value = value_of(vm, odict_data(v), &k)?;
        out.push((k, value));
    }
    Ok(out)
}

fn pieces_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let pieces = if is_exact(vm, v) {
        looked_up_items(vm, v)?.into_iter().map(|(k, v)| new_tuple(vec![k, v])).collect()
    } else {
        let items = ops::getattr(vm, v, &intern("items"))?;
        let items = crate::eval::call(vm, &items, &[], &[])?;
        ops::collect(vm, &items)?
    };
    ops::repr_string(vm, &new_list(pieces))
}

/// `==` and `!=`: as dicts, and between two OrderedDicts also in the same
/// order (CPython's `odict_richcompare`).
fn odict_richcompare(vm: &mut Vm, v: &Value, w: &Value, op: crate::types::CompareOp) -> PyResult<Value> {
    use crate::types::CompareOp;
    if !is_odict(vm, v) || as_dict(w).is_none() || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let cmp = dict::dict_richcompare(vm, v, w, op)?;
    if !is_odict(vm, w) {
        return Ok(cmp);
    }
    let as_dicts = ops::truthy(vm, &cmp)?;
    if (op == CompareOp::Eq) != as_dicts {
        return Ok(cmp);
    }
    let same_order = keys_equal(vm, v, w)?;
    Ok(vm.bool(same_order == (op == CompareOp::Eq)))
}

/// Do two OrderedDicts hold equal keys in the same order?
fn keys_equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (mut pa, mut pb) = (0, 0);
    loop {
        match (odict_data(a).entry_from(pa, false), odict_data(b).entry_from(pb, false)) {
            (None, None) => return Ok(true),
            (Some((na, ka, _)), Some((nb, kb, _))) => {
                if !equal(vm, &ka, &kb)? {
                    return Ok(false);
                }
                (pa, pb) = (na, nb);
            }
            _ => return Ok(false),
        }
    }
}

/// `a | b` with an OrderedDict on either side and a dict on the other:
/// `type(od)(a)` updated with `b`.
fn odict_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (this, other) = if is_odict(vm, a) { (a, b) } else { (b, a) };
    if as_dict(other).is_none() {
        return Ok(vm.not_implemented());
    }
    let cls = type_value(vm.type_of_static(this));
    let new = crate::eval::call(vm, &cls, std::slice::from_ref(a), &[])?;
    update_arg(vm, &new, b)?;
    Ok(new)
}

/// Remove `key` from the dict and give its value (CPython's
/// `_odict_popkey`, which a derived class's `__delitem__` does not see
/// either); `Ok(None)` when it is absent.
fn pop_key(vm: &mut Vm, this: &Value, key: &Value) -> PyResult<Option<Value>> {
    let d = odict_data(this);
    let Some(v) = d.get(vm, key)? else { return Ok(None) };
    d.remove(vm, key)?;
    Ok(Some(v))
}

/// `od.pop(key[, default])`.
fn odict_pop(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [key, default] = bind(vm, "pop", args, kwnames, ["key", "default"], 2, 1)?;
    let key = key.expect("a required argument");
    match (pop_key(vm, this, &key)?, default) {
        (Some(v), _) | (None, Some(v)) => Ok(v),
        (None, None) => Err(crate::builtins::exceptions::key_error(key)),
    }
}

/// `od.popitem(last=True)`: the last (or first) pair.
fn odict_popitem(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [last] = bind(vm, "popitem", args, kwnames, ["last"], 1, 0)?;
    let last = match last {
        Some(l) => ops::truthy(vm, &l)?,
        None => true,
    };
    let Some((key, _)) = odict_data(this).end_item(last) else { return Err(empty(vm)) };
    match pop_key(vm, this, &key)? {
        Some(v) => Ok(new_tuple(vec![key, v])),
        None => Err(crate::builtins::exceptions::key_error(key)),
    }
}

#[cold]
fn empty(vm: &mut Vm) -> PyErr {
    vm.error(&crate::builtins::exceptions::KEY_ERROR, "dictionary is empty")
}

/// `od.setdefault(key, default=None)`.
fn odict_setdefault(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [key, default] = bind(vm, "setdefault", args, kwnames, ["key", "default"], 2, 1)?;
    let (key, default) = (key.expect("a required argument"), default.unwrap_or_else(none));
    if is_exact(vm, this) {
        let d = odict_data(this);
        if let Some(v) = d.get(vm, &key)? {
            return Ok(v);
        }
        d.set(vm, key, default.clone())?;
        return Ok(default);
    }
    if ops::contains(vm, this, &key)? {
        return ops::getitem(vm, this, &key);
    }
    store_item(vm, this, key, default.clone())?;
    Ok(default)
}

/// `od.move_to_end(key, last=True)`.
fn odict_move_to_end(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [key, last] = bind(vm, "move_to_end", args, kwnames, ["key", "last"], 2, 1)?;
    let key = key.expect("a required argument");
    let last = match last {
        Some(l) => ops::truthy(vm, &l)?,
        None => true,
    };
    if !odict_data(this).move_to_end(vm, &key, last)? {
        return Err(crate::builtins::exceptions::key_error(key));
    }
    Ok(none())
}

/// `od.copy()`: an exact OrderedDict copies its items; a derived class
/// is called with no arguments and filled with `new[key] = self[key]`.
fn odict_copy(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "OrderedDict.copy", args, kwnames, 0, 0)?;
    if is_exact(vm, this) {
        let new = new_odict();
        for (k, v) in looked_up_items(vm, this)? {
            odict_data(&new).set(vm, k, v)?;
        }
        return Ok(new);
    }
    let cls = type_value(vm.type_of_static(this));
    let new = crate::eval::call(vm, &cls, &[], &[])?;
    let keys: Vec<Value> = odict_data(this).items().into_iter().map(|(k, _)| k).collect();
    for k in keys {
        let v = ops::getitem(vm, this, &k)?;
        store_item(vm, &new, k, v)?;
    }
    Ok(new)
}

/// `od.__reduce__()`: `(type(od), (), state, None, iter(od.items()))`,
/// the state being what `__getstate__()` gives.
fn odict_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "OrderedDict.__reduce__", args, kwnames, 0, 0)?;
    // `__getstate__()` (CPython's `_PyObject_GetState`): None for an
    // empty `__dict__`, the `__slots__` values too when there are any.
    let getstate = ops::getattr(vm, this, &intern("__getstate__"))?;
    let state = crate::eval::call(vm, &getstate, &[], &[])?;
    let items = ops::getattr(vm, this, &intern("items"))?;
    let items = crate::eval::call(vm, &items, &[], &[])?;
    let it = ops::iter(vm, &items)?;
    let cls = type_value(vm.type_of_static(this));
    Ok(new_tuple(vec![cls, new_tuple(Vec::new()), state, none(), it]))
}

// ----- odict_iterator ----------------------------------------------------

/// An iterator over an OrderedDict's keys, values or items, either way.
struct ODictIter {
    /// The OrderedDict; NULL once the iterator is done.
    odict: RefCell<Value>,
    kind: IterKind,
    reversed: bool,
    /// Where to read next (`DictData::entry_from`).
    pos: Cell<usize>,
    /// The length when made; -1 once it was seen to change (sticky).
    size: Cell<isize>,
    /// The dict's order stamp when made.
    order: u64,
}

pub static ODICT_ITER_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(odict_iter_next),
    methods: &[MethodDef { name: "__reduce__", func: odict_iter_reduce }],
    ..TypeObject::builtin("odict_iterator", Some(&OBJECT_TYPE), dealloc_odict_iter, trace_odict_iter)
};

unsafe fn dealloc_odict_iter(p: ObjPtr) {
    // SAFETY: odict iterators are allocated by `odict_iter` as Obj<ODictIter>.
    unsafe { dealloc_boxed::<ODictIter>(p) }
}

fn trace_odict_iter(p: ObjPtr, visit: Visit) {
    // SAFETY: odict iterators are Obj<ODictIter>.
    let od = unsafe { p.data::<ODictIter>() }.odict.borrow();
    if !od.is_null() {
        visit(&od);
    }
}

fn iter_data(v: &Value) -> &ODictIter {
    // SAFETY: objects of ODICT_ITER_TYPE are Obj<ODictIter>; its slots and
    // methods are reached only with them.
    unsafe { v.as_object().expect("an odict iterator").data::<ODictIter>() }
}

/// An iterator over OrderedDict `od` (or a view of it).
pub(crate) fn odict_iter(od: &Value, kind: IterKind, reversed: bool) -> Value {
    let d = odict_data(od);
    let pos = if reversed { d.entry_positions() } else { 0 };
    let it = ODictIter {
        odict: RefCell::new(od.clone()),
        kind,
        reversed,
        pos: Cell::new(pos),
        size: Cell::new(d.len() as isize),
        order: d.order(),
    };
    Value::from_owned(alloc(&ODICT_ITER_TYPE, it))
}

fn odict_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = iter_data(v);
    let od = it.odict.borrow().clone();
    if od.is_null() {
        return Ok(None);
    }
    let d = odict_data(&od);
    if d.order() != it.order {
        drop(it.odict.replace(Value::NULL));
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "OrderedDict mutated during iteration"));
    }
    if it.size.get() != d.len() as isize {
        it.size.set(-1);
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "OrderedDict changed size during iteration"));
    }
    let Some((pos, key, _)) = d.entry_from(it.pos.get(), it.reversed) else {
        drop(it.odict.replace(Value::NULL));
        return Ok(None);
    };
    it.pos.set(pos);
    // Each key is looked up again, as CPython's iterator finds its node.
    let value = value_of(vm, d, &key)?;
    Ok(Some(match it.kind {
        IterKind::Keys => key,
        IterKind::Values => value,
        IterKind::Items => new_tuple(vec![key, value]),
    }))
}

/// `it.__reduce__()`: `(iter, (list of what is left,))`, the iterator
/// itself left where it was.
fn odict_iter_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "odict_iterator.__reduce__", args, kwnames, 0, 0)?;
    let it = iter_data(this);
    let od = it.odict.borrow().clone();
    let mut rest = Vec::new();
    if !od.is_null() {
        let copy = ODictIter {
            odict: RefCell::new(od),
            kind: it.kind,
            reversed: it.reversed,
            pos: Cell::new(it.pos.get()),
            size: Cell::new(it.size.get()),
            order: it.order,
        };
        let copy = Value::from_owned(alloc(&ODICT_ITER_TYPE, copy));
        while let Some(x) = odict_iter_next(vm, &copy)? {
            rest.push(x);
        }
    }
    let builtins = vm.builtins()?;
    let iter = as_dict(&builtins).and_then(|b| b.get_str(&intern("iter"))).unwrap_or_else(none);
    Ok(new_tuple(vec![iter, new_tuple(vec![new_list(rest)])]))
}
