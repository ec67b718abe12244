//! `collections.defaultdict`: a dict whose `__missing__` calls
//! `default_factory` (CPython's `defdict` in
//! `Modules/_collectionsmodule.c`).
//!
//! Invariants:
//! - The payload is a `DictData` followed by the factory (`repr(C)`), so
//!   `dict::as_dict` and all of dict's own code read a defaultdict (and an
//!   instance of a class derived from it) as a dict.
//! - Lookups are dict's: `d[key]` on anything but an exact dict calls
//!   `__missing__` (`dict::dict_subscript`), which is this type's method.
//! - The slots are dict's (a static type's slots are spelled out) except
//!   `repr` and `|`, which keep the class and the factory.

use std::cell::RefCell;

use super::type_name;
use crate::builtins::classes::{alloc_subclassed, BuiltinBase};
use crate::builtins::dict::{self, as_dict, check_args, DictData, DICT_TYPE};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::new_str;
use crate::builtins::tuple::new_tuple;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{tp_flags, type_value, BinOp, GetSetDef, MethodDef, NumberSlots, Slot, TypeObject, Visit};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A defaultdict's payload: the dict first, where dict's code reads it.
#[repr(C)]
pub struct DefaultDictData {
    pub dict: DictData,
    /// `default_factory`; None when there is none.
    factory: RefCell<Value>,
}

impl Default for DefaultDictData {
    fn default() -> Self {
        DefaultDictData { dict: DictData::default(), factory: RefCell::new(none()) }
    }
}

pub static DEFAULTDICT_TYPE: TypeObject = TypeObject {
    flags: std::cell::Cell::new(tp_flags::MAPPING | tp_flags::MATCH_SELF),
    repr: Slot::new(defdict_repr),
    // Inherited from dict.
    richcompare: Slot::new(dict::dict_richcompare),
    len: Slot::new(|_, v| Ok(as_dict(v).map_or(0, |d| d.len()))),
    getitem: Slot::new(dict::dict_subscript),
    setitem: Slot::new(dict::dict_setitem),
    contains: Slot::new(dict::dict_contains),
    iter: Slot::new(dict::dict_tp_iter),
    number: std::cell::Cell::new(&DEFAULTDICT_NUMBER),
    new: Some(defdict_new),
    init: Some(defdict_init),
    getsets: &[GetSetDef { name: "default_factory", get: get_factory, set: Some(set_factory), member: true }],
    class_methods: &[MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }],
    methods: &[
        MethodDef { name: "__missing__", func: defdict_missing },
        MethodDef { name: "copy", func: |vm, this, a, k| {
            check_args(vm, "defaultdict.copy", a, k, 0, 0)?;
            new_like(vm, this, this)
        } },
        MethodDef { name: "__copy__", func: |vm, this, a, k| {
            check_args(vm, "defaultdict.__copy__", a, k, 0, 0)?;
            new_like(vm, this, this)
        } },
        MethodDef { name: "__reduce__", func: defdict_reduce },
    ],
    ..TypeObject::builtin("collections.defaultdict", Some(&DICT_TYPE), dealloc_defdict, trace_defdict)
};

/// `|` keeps the class and factory; `|=` is dict's.
static DEFAULTDICT_NUMBER: NumberSlots = NumberSlots {
    binary: {
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Or as usize] = Some(defdict_or);
        b
    },
    inplace: {
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Or as usize] = Some(dict::dict_ior);
        b
    },
    ..NumberSlots::EMPTY
};

unsafe fn dealloc_defdict(p: ObjPtr) {
    // SAFETY: defaultdicts are allocated by `defdict_new` as
    // Obj<DefaultDictData>.
    unsafe { dealloc_boxed::<DefaultDictData>(p) }
}

fn trace_defdict(p: ObjPtr, visit: Visit) {
    dict::trace_dict(p, visit);
    // SAFETY: defaultdict objects are Obj<DefaultDictData> (or, through
    // `trace_subclassed`, Obj<Subclassed<DefaultDictData>>, payload first).
    visit(&unsafe { p.data::<DefaultDictData>() }.factory.borrow());
}

/// Classes derived from defaultdict start empty; `__init__` fills them.
pub(super) fn builtin_base(ty: &'static TypeObject) -> BuiltinBase {
    BuiltinBase::filled_by_init::<DefaultDictData>(ty)
}

fn data(v: &Value) -> &DefaultDictData {
    let p = v.as_object().expect("a defaultdict");
    debug_assert!(p.ty().is_subtype(&DEFAULTDICT_TYPE));
    // SAFETY: objects of DEFAULTDICT_TYPE are Obj<DefaultDictData>, those
    // of classes derived from it Obj<Subclassed<DefaultDictData>> with the
    // payload first; this type's slots, methods and getsets are reached
    // only with such objects.
    unsafe { p.data::<DefaultDictData>() }
}

fn factory(v: &Value) -> Value {
    data(v).factory.borrow().clone()
}

/// `defaultdict(default_factory=None, /, [mapping_or_iterable], **kwargs)`.
fn defdict_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !std::ptr::eq(cls, &DEFAULTDICT_TYPE) {
        // A derived class's `__init__` fills it.
        return Ok(alloc_subclassed(cls, DefaultDictData::default()));
    }
    let d = Value::from_owned(alloc(cls, DefaultDictData::default()));
    defdict_init(vm, &d, args, kwnames)?;
    Ok(d)
}

/// `defaultdict.__init__`: the factory (callable or None), then dict's
/// `__init__` with the other arguments.
fn defdict_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let new = if npos > 0 {
        let f = &args[0];
        if !is_none(f) && !ops::is_callable(vm, f) {
            return Err(vm.type_error("first argument must be callable or None"));
        }
        f.clone()
    } else {
        none()
    };
    let old = data(this).factory.replace(new);
    drop(old);
    dict::dict_init(vm, this, &args[npos.min(1)..], kwnames)
}

fn get_factory(_: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(factory(v))
}

fn set_factory(_: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let old = data(v).factory.replace(value.unwrap_or_else(none));
    drop(old);
    Ok(())
}

/// `d.__missing__(key)`: `d[key] = default_factory()`, returned; a
/// KeyError without a factory.
fn defdict_missing(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "defaultdict.__missing__", args, kwnames, 1, 1)?;
    let f = factory(this);
    if is_none(&f) {
        return Err(crate::builtins::exceptions::key_error(args[0].clone()));
    }
    let value = crate::eval::call(vm, &f, &[], &[])?;
    crate::eval::store_item(vm, this, args[0].clone(), value.clone())?;
    Ok(value)
}

/// `type(d)(d.default_factory, arg)`: how `copy` and `|` make their result
/// (a derived class must take the same arguments, as in CPython).
fn new_like(vm: &mut Vm, d: &Value, arg: &Value) -> PyResult<Value> {
    let cls = type_value(vm.type_of_static(d));
    crate::eval::call(vm, &cls, &[factory(d), arg.clone()], &[])
}

/// `d.__reduce__()`: `(type(d), (factory,) or (), None, None, iter(d.items()))`.
fn defdict_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "defaultdict.__reduce__", args, kwnames, 0, 0)?;
    let f = factory(this);
    let ctor_args = if is_none(&f) { new_tuple(Vec::new()) } else { new_tuple(vec![f]) };
    let items = ops::getattr(vm, this, &crate::builtins::str::intern("items"))?;
    let items = crate::eval::call(vm, &items, &[], &[])?;
    let it = ops::iter(vm, &items)?;
    let cls = type_value(vm.type_of_static(this));
    Ok(new_tuple(vec![cls, ctor_args, none(), none(), it]))
}

/// `defaultdict(<class 'list'>, {...})`; `...` for a factory already
/// being shown.
fn defdict_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let base = dict::dict_repr(vm, v)?;
    let base = crate::builtins::str::as_str(&base).unwrap_or("").to_string();
    let f = factory(v);
    let shown = if vm.repr_enter(&f) {
        let r = ops::repr_string(vm, &f);
        vm.repr_leave(&f);
        r?
    } else {
        "...".to_string()
    };
    Ok(new_str(&format!("{}({shown}, {base})", type_name(vm.type_of(v)))))
}

/// `a | b` with a defaultdict on either side and a dict on the other: a
/// new defaultdict like the defaultdict operand, holding `a` then `b`.
fn defdict_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (this, other) = if vm.type_of(a).is_subtype(&DEFAULTDICT_TYPE) { (a, b) } else { (b, a) };
    if as_dict(other).is_none() {
        return Ok(vm.not_implemented());
    }
    let new = new_like(vm, this, a)?;
    let Some(nd) = as_dict(&new) else {
        let msg = format!("{}() returned a non-dict (type {})", vm.type_of(this).name(), vm.type_of(&new).name());
        return Err(vm.type_error(msg));
    };
    dict::update_from_mapping(vm, nd, b)?;
    Ok(new)
}
