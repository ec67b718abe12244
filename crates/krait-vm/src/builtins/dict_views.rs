//! `dict.keys()`, `dict.values()`, `dict.items()`: live views of a dict
//! (CPython's `dictviews`).
//!
//! Invariants:
//! - A view holds only its dict; its length, iteration and `in` read the
//!   dict as it is now.
//! - Keys and items views are set-like, as CPython's: `&`, `|`, `-`, `^`
//!   take any iterable on either side and give a new `set`; comparisons
//!   with sets and other set-like views are subset tests. Those operations
//!   follow `dictobject.c` step by step (which operand is iterated, which
//!   one is copied first), so a set result is built in the same order and
//!   iterates as CPython's does. Values views have none of that: they
//!   compare by identity and hash by address.

use crate::builtins::dict::{as_dict, check_args, dict_iter, IterKind};
use crate::builtins::set::{self, as_set, new_set, SET_TYPE};
use crate::builtins::str::new_str;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{BinOp, BinaryFn, CompareOp, GetSetDef, MethodDef, NumberSlots, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A view of `dict`.
struct DictView {
    dict: Value,
}

/// `d.keys()`, `d.values()` or `d.items()`, by the view type `ty`.
pub(crate) fn view(
    vm: &mut Vm,
    qualname: &str,
    this: &Value,
    args: &[Value],
    kwnames: &[Value],
    ty: &'static TypeObject,
) -> PyResult<Value> {
    check_args(vm, qualname, args, kwnames, 0, 0)?;
    Ok(Value::from_owned(alloc(ty, DictView { dict: this.clone() })))
}

fn view_dict(v: &Value) -> &Value {
    // SAFETY: dict views are Obj<DictView>.
    &unsafe { v.as_object().expect("a dict view").data::<DictView>() }.dict
}

fn view_kind(vm: &Vm, v: &Value) -> IterKind {
    let ty = vm.type_of(v);
    if ty.is_subtype(&DICT_KEYS_TYPE) {
        IterKind::Keys
    } else if ty.is_subtype(&DICT_VALUES_TYPE) {
        IterKind::Values
    } else {
        IterKind::Items
    }
}

/// A keys or items view (CPython's `PyDictViewSet_Check`), OrderedDict's
/// included.
fn is_set_view(vm: &Vm, v: &Value) -> bool {
    let ty = vm.type_of(v);
    ty.is_subtype(&DICT_KEYS_TYPE) || ty.is_subtype(&DICT_ITEMS_TYPE)
}

fn view_len(v: &Value) -> usize {
    as_dict(view_dict(v)).map_or(0, |d| d.len())
}

fn view_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = vm.type_of(v).name();
    if !vm.repr_enter(v) {
        return Ok(new_str("..."));
    }
    let items = ops::collect(vm, v);
    let r = items.and_then(|items| crate::builtins::tuple::join_reprs(vm, |i| items.get(i).cloned(), "[", "]"));
    vm.repr_leave(v);
    Ok(new_str(&format!("{name}({})", r?)))
}

fn view_iter(vm: &mut Vm, v: &Value, reversed: bool) -> Value {
    let dict = view_dict(v).clone();
    let kind = view_kind(vm, v);
    if is_odict_view(vm, v) {
        return crate::builtins::collections::odict_iter(&dict, kind, reversed);
    }
    dict_iter(&dict, as_dict(&dict).expect("a dict"), kind, reversed)
}

fn is_odict_view(vm: &Vm, v: &Value) -> bool {
    let ty = vm.type_of(v);
    [&ODICT_KEYS_TYPE, &ODICT_VALUES_TYPE, &ODICT_ITEMS_TYPE].iter().any(|t| ty.is_subtype(t))
}

unsafe fn dealloc_view(p: ObjPtr) {
    // SAFETY: dict views are allocated by `view` as Obj<DictView>.
    unsafe { dealloc_boxed::<DictView>(p) }
}

fn trace_view(p: ObjPtr, visit: Visit) {
    // SAFETY: dict views are Obj<DictView>.
    visit(&unsafe { p.data::<DictView>() }.dict);
}

/// `view.mapping`: a read-only proxy of the view's dict.
const MAPPING: GetSetDef = GetSetDef {
    name: "mapping",
    get: |_, v| Ok(crate::builtins::dict::new_mappingproxy(view_dict(v).clone())),
    set: None,
    member: false,
};

const REVERSED: MethodDef = MethodDef {
    name: "__reversed__",
    func: |vm, this, args, kwnames| {
        let name = format!("{}.__reversed__", vm.type_of(this).name());
        check_args(vm, &name, args, kwnames, 0, 0)?;
        Ok(view_iter(vm, this, true))
    },
};

const SET_VIEW_METHODS: &[MethodDef] = &[
    REVERSED,
    MethodDef { name: "isdisjoint", func: view_isdisjoint },
    MethodDef {
        name: "__contains__",
        func: |vm, this, args, _kwnames| {
            let [item] = args else {
                return Err(vm.type_error(format!("expected 1 argument, got {}", args.len())));
            };
            let r = view_contains_opt(vm, this, item)?.unwrap_or(false);
            Ok(vm.bool(r))
        },
    },
];

/// The set operators of keys and items views.
static SET_VIEW_NUMBER: NumberSlots = NumberSlots {
    binary: {
        let mut b: [Option<BinaryFn>; 13] = [None; 13];
        b[BinOp::Subtract as usize] = Some(views_sub);
        b[BinOp::And as usize] = Some(views_and);
        b[BinOp::Or as usize] = Some(views_or);
        b[BinOp::Xor as usize] = Some(views_xor);
        b
    },
    ..NumberSlots::EMPTY
};

macro_rules! view_type {
    ($static:ident, $name:literal, set_like: true) => {
        pub static $static: TypeObject = TypeObject {
            richcompare: Slot::new(view_richcompare),
            contains: Slot::new(view_contains),
            number: std::cell::Cell::new(&SET_VIEW_NUMBER),
            methods: SET_VIEW_METHODS,
            ..view_type!(@base $name)
        };
    };
    ($static:ident, $name:literal, set_like: false) => {
        pub static $static: TypeObject = TypeObject { methods: &[REVERSED], ..view_type!(@base $name) };
    };
    (@base $name:literal) => {
        TypeObject {
            repr: Slot::new(view_repr),
            len: Slot::new(|_, v| Ok(view_len(v))),
            iter: Slot::new(|vm, v| Ok(view_iter(vm, v, false))),
            getsets: &[MAPPING],
            ..TypeObject::builtin($name, Some(&OBJECT_TYPE), dealloc_view, trace_view)
        }
    };
}

view_type!(DICT_KEYS_TYPE, "dict_keys", set_like: true);
view_type!(DICT_VALUES_TYPE, "dict_values", set_like: false);
view_type!(DICT_ITEMS_TYPE, "dict_items", set_like: true);

/// `x in d.keys()` and `(k, v) in d.items()`, without iterating (the
/// set-like views' `contains` slot).
fn view_contains(vm: &mut Vm, view: &Value, item: &Value) -> PyResult<bool> {
    Ok(view_contains_opt(vm, view, item)?.unwrap_or(false))
}

/// OrderedDict's views (`odict_keys`, ...): dict's views, derived from
/// them, whose iterators are OrderedDict's (`view_iter`). A static
/// type's slots are spelled out; the methods are found on the base.
macro_rules! odict_view_type {
    ($static:ident, $name:literal, $base:ident, set_like: $set:literal) => {
        pub static $static: TypeObject = TypeObject {
            richcompare: if $set { Slot::new(view_richcompare) } else { Slot::none() },
            contains: if $set { Slot::new(view_contains) } else { Slot::none() },
            number: std::cell::Cell::new(if $set { &SET_VIEW_NUMBER } else { &NumberSlots::EMPTY }),
            repr: Slot::new(view_repr),
            len: Slot::new(|_, v| Ok(view_len(v))),
            iter: Slot::new(|vm, v| Ok(view_iter(vm, v, false))),
            methods: &[REVERSED],
            ..TypeObject::builtin($name, Some(&$base), dealloc_view, trace_view)
        };
    };
}

odict_view_type!(ODICT_KEYS_TYPE, "odict_keys", DICT_KEYS_TYPE, set_like: true);
odict_view_type!(ODICT_VALUES_TYPE, "odict_values", DICT_VALUES_TYPE, set_like: false);
odict_view_type!(ODICT_ITEMS_TYPE, "odict_items", DICT_ITEMS_TYPE, set_like: true);

/// `x in d.keys()` and `(k, v) in d.items()` without iterating; `None`
/// when `view` is not such a view.
pub fn view_contains_opt(vm: &mut Vm, view: &Value, item: &Value) -> PyResult<Option<bool>> {
    let ty = vm.type_of(view);
    if !is_set_view(vm, view) {
        return Ok(None);
    }
    let d = view_dict(view).clone();
    let dd = as_dict(&d).expect("a dict");
    if ty.is_subtype(&DICT_KEYS_TYPE) {
        return Ok(Some(dd.get(vm, item)?.is_some()));
    }
    let Some(t) = crate::builtins::tuple::as_tuple(item).filter(|t| t.items.len() == 2) else {
        return Ok(Some(false));
    };
    let (k, v) = (t.items[0].clone(), t.items[1].clone());
    match dd.get(vm, &k)? {
        Some(found) => {
            if found.is(&v) {
                return Ok(Some(true));
            }
            let r = ops::richcompare(vm, &found, &v, CompareOp::Eq)?;
            Ok(Some(ops::truthy(vm, &r)?))
        }
        None => Ok(Some(false)),
    }
}

/// A new set of `v`'s items: a keys view of an exact dict is read from
/// the dict itself (CPython's `dictviews_to_set`).
fn to_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let mut src = v.clone();
    if std::ptr::eq(vm.type_of(v), &DICT_KEYS_TYPE) {
        let d = view_dict(v);
        if std::ptr::eq(vm.type_of(d), &crate::builtins::dict::DICT_TYPE) {
            src = d.clone();
        }
    }
    let s = new_set();
    as_set(&s).expect("a set").update(vm, &src)?;
    Ok(s)
}

/// `a - b`, with a view on either side: `set(a).difference_update(b)`.
fn views_sub(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let result = to_set(vm, a)?;
    set::set_difference_update(vm, &result, std::slice::from_ref(b), &[])?;
    Ok(result)
}

/// `a | b`: `set(a)` updated with `b`.
fn views_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let result = to_set(vm, a)?;
    as_set(&result).expect("a set").update(vm, b)?;
    Ok(result)
}

/// `a ^ b`: two items views compare values (CPython's `dictitems_xor`);
/// otherwise `set(a).symmetric_difference_update(b)`.
fn views_xor(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let items = |v: &Value| vm.type_of(v).is_subtype(&DICT_ITEMS_TYPE);
    if items(a) && items(b) {
        return items_xor(vm, view_dict(a), view_dict(b));
    }
    let result = to_set(vm, a)?;
    set::set_symmetric_difference_update(vm, &result, std::slice::from_ref(b), &[])?;
    Ok(result)
}

/// The items in exactly one of dicts `d1` and `d2`: `d2`'s pairs not in
/// `d1` first, then what is left of `d1`.
fn items_xor(vm: &mut Vm, d1: &Value, d2: &Value) -> PyResult<Value> {
    let rest = crate::builtins::dict::new_dict();
    let r = as_dict(&rest).expect("a dict");
    crate::builtins::dict::update_from_mapping(vm, r, d1)?;
    let result = new_set();
    let s = as_set(&result).expect("a set");
    for (key, v2) in as_dict(d2).expect("a dict").items() {
        let same = match r.get(vm, &key)? {
            Some(v1) if v1.is(&v2) => true,
            Some(v1) => {
                let eq = ops::richcompare(vm, &v1, &v2, CompareOp::Eq)?;
                ops::truthy(vm, &eq)?
            }
            None => false,
        };
        if same {
            r.del_item(vm, &key)?;
        } else {
            s.add(vm, crate::builtins::tuple::new_tuple(vec![key, v2]))?;
        }
    }
    for (k, v) in r.items() {
        s.add(vm, crate::builtins::tuple::new_tuple(vec![k, v]))?;
    }
    Ok(result)
}

/// `a & b` (CPython's `_PyDictView_Intersect`): the view is `this`
/// whichever side it is on; a bigger exact set answers with its own
/// `intersection`; otherwise the smaller operand is iterated.
fn views_and(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut this, mut other) = if is_set_view(vm, a) { (a, b) } else { (b, a) };
    let len_this = view_len(this);
    if std::ptr::eq(vm.type_of(other), &SET_TYPE) && len_this <= ops::len(vm, other)? {
        return set::set_intersection(vm, other, std::slice::from_ref(this), &[]);
    }
    if is_set_view(vm, other) && view_len(other) > len_this {
        std::mem::swap(&mut this, &mut other);
    }
    let result = new_set();
    let it = ops::iter(vm, other)?;
    while let Some(key) = ops::next(vm, &it)? {
        if view_contains_opt(vm, this, &key)?.unwrap_or(false) {
            as_set(&result).expect("a set").add(vm, key)?;
        }
    }
    Ok(result)
}

/// Is every item of `a` in `b`?
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = ops::iter(vm, a)?;
    while let Some(x) = ops::next(vm, &it)? {
        if !ops::contains(vm, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Comparisons with sets and set-like views: subset tests, as sets
/// compare (CPython's `dictview_richcompare`).
fn view_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if as_set(b).is_none() && !is_set_view(vm, b) {
        return Ok(vm.not_implemented());
    }
    let (len_a, len_b) = (ops::len(vm, a)?, ops::len(vm, b)?);
    let r = match op {
        CompareOp::Eq => len_a == len_b && all_contained_in(vm, a, b)?,
        CompareOp::Ne => !(len_a == len_b && all_contained_in(vm, a, b)?),
        CompareOp::Lt => len_a < len_b && all_contained_in(vm, a, b)?,
        CompareOp::Le => len_a <= len_b && all_contained_in(vm, a, b)?,
        CompareOp::Gt => len_a > len_b && all_contained_in(vm, b, a)?,
        CompareOp::Ge => len_a >= len_b && all_contained_in(vm, b, a)?,
    };
    Ok(vm.bool(r))
}

/// `view.isdisjoint(other)`: iterates the smaller of two set-likes, else
/// `other`, asking the other side `in`.
fn view_isdisjoint(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let name = vm.type_of(this).name();
    crate::builtins::function::no_keywords(vm, &format!("{name}.isdisjoint"), kwnames)?;
    let [other] = args else {
        return Err(vm.type_error(format!("{name}.isdisjoint() takes exactly one argument ({} given)", args.len())));
    };
    if this.is(other) {
        return Ok(vm.bool(view_len(this) == 0));
    }
    let (mut container, mut iterated) = (this, other);
    if (as_set(other).is_some() || is_set_view(vm, other)) && ops::len(vm, other)? > view_len(this) {
        std::mem::swap(&mut container, &mut iterated);
    }
    let it = ops::iter(vm, iterated)?;
    while let Some(x) = ops::next(vm, &it)? {
        if ops::contains(vm, container, &x)? {
            return Ok(vm.bool(false));
        }
    }
    Ok(vm.bool(true))
}
