//! `functools.partial` (CPython 3.11's `partial_type`): a callable that
//! calls `func` with stored positional arguments before the call's and
//! stored keyword arguments overridden by the call's.

use std::cell::{Cell, RefCell};

use crate::builtins::classes::{self, BuiltinBase};
use crate::builtins::dict::{as_dict, new_dict, DictData, DICT_TYPE};
use crate::builtins::itertools::{alloc_for, dealloc_payload, payload, trace_payload, Payload};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, intern, new_str};
use crate::builtins::tuple::{as_tuple, new_tuple, TUPLE_TYPE};
use crate::ops;
use crate::types::{type_value, GetSetDef, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// What a partial calls, and with what.
struct State {
    func: Value,
    /// An exact tuple.
    args: Value,
    /// An exact dict (its keys may be other than strs once a program
    /// writes to `keywords`).
    kw: Value,
}

/// A partial's payload.
pub(super) struct PartialData {
    state: RefCell<State>,
    /// The `__dict__` of an exact partial (NULL until used); instances of
    /// derived classes keep theirs in their instance storage.
    dict: RefCell<Value>,
    /// A weak reference was made to this exact partial.
    weakly_referenced: Cell<bool>,
}

impl Payload for PartialData {
    fn ty() -> &'static TypeObject {
        &PARTIAL_TYPE
    }

    fn trace(&self, visit: Visit) {
        let s = self.state.borrow();
        visit(&s.func);
        visit(&s.args);
        visit(&s.kw);
        let d = self.dict.borrow();
        if !d.is_null() {
            visit(&d);
        }
    }
}

fn data(v: &Value) -> &PartialData {
    payload::<PartialData>(v)
}

fn is_exact(v: &Value) -> bool {
    v.as_object().is_some_and(|p| std::ptr::eq(p.ty(), &PARTIAL_TYPE))
}

pub(super) fn inst_dict_cell(v: &Value) -> Option<&RefCell<Value>> {
    is_exact(v).then(|| &data(v).dict)
}

pub(super) fn weakref_flag(v: &Value) -> Option<&Cell<bool>> {
    is_exact(v).then(|| &data(v).weakly_referenced)
}

pub(super) fn builtin_base(ty: &'static TypeObject) -> Option<BuiltinBase> {
    std::ptr::eq(ty, &PARTIAL_TYPE).then(|| BuiltinBase::allocated_by_new::<PartialData>(ty))
}

unsafe fn dealloc_partial(p: crate::object::ObjPtr) {
    // SAFETY: exact partials are Obj<PartialData> (classes derived from it
    // clear their own weak references).
    if unsafe { p.data::<PartialData>() }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_payload::<PartialData>(p) }
}

/// Has partial `v` a `__dict__` (CPython's `pto->dict != NULL`)? For an
/// instance of a derived class: has it any instance attribute.
fn has_dict(v: &Value) -> bool {
    if is_exact(v) {
        return !data(v).dict.borrow().is_null();
    }
    !classes::shared_values(v).is_some_and(|d| d.is_empty())
}

/// `partial(func, /, *args, **keywords)`. A partial `func` without a
/// `__dict__`, whose class calls it as partial does, is flattened: the new
/// partial calls its function with its arguments first.
fn partial_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos == 0 {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    }
    let mut func = args[0].clone();
    if !ops::is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut stored_args: Vec<Value> = Vec::new();
    let mut stored_kw: Option<Value> = None;
    let inner_ty = vm.type_of_static(&func);
    if inner_ty.is_subtype(&PARTIAL_TYPE) && !classes::overrides(inner_ty, &PARTIAL_TYPE, "__call__") && !has_dict(&func) {
        let (f, a, k) = {
            let s = data(&func).state.borrow();
            (s.func.clone(), s.args.clone(), s.kw.clone())
        };
        func = f;
        stored_args = as_tuple(&a).expect("a tuple").items.clone();
        stored_kw = Some(k);
    }
    stored_args.extend_from_slice(&args[1..npos]);
    let kw = new_dict();
    let kwd = as_dict(&kw).expect("a dict");
    if let Some(old) = stored_kw {
        for (k, v) in as_dict(&old).expect("a dict").items() {
            kwd.set(vm, k, v)?;
        }
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        kwd.set(vm, k.clone(), v.clone())?;
    }
    let state = State { func, args: new_tuple(stored_args), kw };
    Ok(alloc_for(cls, PartialData { state: RefCell::new(state), dict: RefCell::new(Value::NULL), weakly_referenced: Cell::new(false) }))
}

/// `p(*args, **kwargs)`: `func(*p.args, *args, **{**p.keywords, **kwargs})`.
fn partial_call(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (func, stored, kw) = {
        let s = data(this).state.borrow();
        (s.func.clone(), s.args.clone(), s.kw.clone())
    };
    let stored = &as_tuple(&stored).expect("a tuple").items;
    let kwd = as_dict(&kw).expect("a dict");
    let npos = args.len() - kwnames.len();
    let mut all = Vec::with_capacity(stored.len() + args.len() + kwd.len());
    all.extend_from_slice(stored);
    if kwd.is_empty() {
        all.extend_from_slice(args);
        return crate::eval::call(vm, &func, &all, kwnames);
    }
    all.extend_from_slice(&args[..npos]);
    // The stored keywords in their order, each replaced by the call's of
    // the same name; the call's others after them.
    let (mut names, mut values): (Vec<Value>, Vec<Value>) = kwd.items().into_iter().unzip();
    if names.iter().any(|n| as_str(n).is_none()) {
        return Err(vm.type_error("keywords must be strings"));
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match names.iter().position(|n| as_str(n) == as_str(k)) {
            Some(i) => values[i] = v.clone(),
            None => {
                names.push(k.clone());
                values.push(v.clone());
            }
        }
    }
    all.extend(values);
    crate::eval::call(vm, &func, &all, &names)
}

/// `functools.partial(<func>, 1, a=2)`, named by the object's class.
fn partial_repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    if !vm.repr_enter(this) {
        return Ok(new_str("..."));
    }
    let r = repr_parts(vm, this);
    vm.repr_leave(this);
    let name = vm.type_of(this).name().to_string();
    Ok(new_str(&format!("{name}({})", r?.join(", "))))
}

fn repr_parts(vm: &mut Vm, this: &Value) -> PyResult<Vec<String>> {
    let (func, args, kw) = {
        let s = data(this).state.borrow();
        (s.func.clone(), s.args.clone(), s.kw.clone())
    };
    let mut parts = vec![ops::repr_string(vm, &func)?];
    for a in &as_tuple(&args).expect("a tuple").items {
        parts.push(ops::repr_string(vm, a)?);
    }
    for (k, v) in as_dict(&kw).expect("a dict").items() {
        let key = ops::str(vm, &k)?;
        let key = as_str(&key).unwrap_or("").to_string();
        parts.push(format!("{key}={}", ops::repr_string(vm, &v)?));
    }
    Ok(parts)
}

/// `__reduce__`: `(type(p), (p.func,), (p.func, p.args, p.keywords, p.__dict__ or None))`.
fn partial_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::dict::check_args(vm, "partial.__reduce__", args, kwnames, 0, 0)?;
    let (func, pargs, kw) = {
        let s = data(this).state.borrow();
        (s.func.clone(), s.args.clone(), s.kw.clone())
    };
    let dict = if has_dict(this) { classes::instance_dict(vm, this)?.unwrap_or_else(none) } else { none() };
    let cls = type_value(vm.type_of_static(this));
    Ok(new_tuple(vec![cls, new_tuple(vec![func.clone()]), new_tuple(vec![func, pargs, kw, dict])]))
}

/// `__setstate__((func, args, keywords, dict))`, as pickle calls it.
fn partial_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::dict::check_args(vm, "partial.__setstate__", args, kwnames, 1, 1)?;
    let invalid = |vm: &mut Vm| vm.type_error("invalid partial state");
    let Some(items) = as_tuple(&args[0]).map(|t| t.items.clone()) else { return Err(invalid(vm)) };
    let [func, fargs, kw, dict] = <[Value; 4]>::try_from(items).map_err(|_| invalid(vm))?;
    let kw_ok = is_none(&kw) || vm.type_of(&kw).is_subtype(&DICT_TYPE);
    let dict_ok = is_none(&dict) || as_dict(&dict).is_some();
    if !ops::is_callable(vm, &func) || as_tuple(&fargs).is_none() || !kw_ok || !dict_ok {
        return Err(invalid(vm));
    }
    let fargs = if std::ptr::eq(vm.type_of(&fargs), &TUPLE_TYPE) { fargs } else { new_tuple(as_tuple(&fargs).expect("a tuple").items.clone()) };
    let kw = if is_none(&kw) {
        new_dict()
    } else if std::ptr::eq(vm.type_of(&kw), &DICT_TYPE) {
        kw
    } else {
        copy_dict(vm, as_dict(&kw).expect("a dict"))?
    };
    let old = data(this).state.replace(State { func, args: fargs, kw });
    drop(old);
    if is_exact(this) {
        let new = if is_none(&dict) { Value::NULL } else { dict };
        let old = data(this).dict.replace(new);
        drop(old);
    } else {
        let d = if is_none(&dict) { new_dict() } else { dict };
        classes::setattr(vm, this, &intern("__dict__"), Some(d))?;
    }
    Ok(none())
}

/// A new exact dict with `d`'s items (`PyDict_Copy` of a dict subclass).
fn copy_dict(vm: &mut Vm, d: &DictData) -> PyResult<Value> {
    let out = new_dict();
    let od = as_dict(&out).expect("a dict");
    for (k, v) in d.items() {
        od.set(vm, k, v)?;
    }
    Ok(out)
}

fn get_func(_: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(data(v).state.borrow().func.clone())
}

fn get_args(_: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(data(v).state.borrow().args.clone())
}

fn get_keywords(_: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(data(v).state.borrow().kw.clone())
}

pub static PARTIAL_TYPE: TypeObject = TypeObject {
    call: Slot::new(partial_call),
    repr: Slot::new(partial_repr),
    new: Some(partial_new),
    methods: &[
        MethodDef { name: "__reduce__", func: partial_reduce },
        MethodDef { name: "__setstate__", func: partial_setstate },
    ],
    class_methods: &[MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }],
    getsets: &[
        GetSetDef { name: "func", get: get_func, set: None, member: true },
        GetSetDef { name: "args", get: get_args, set: None, member: true },
        GetSetDef { name: "keywords", get: get_keywords, set: None, member: true },
        super::DICT_GETSET,
    ],
    ..TypeObject::builtin("functools.partial", Some(&OBJECT_TYPE), dealloc_partial, trace_payload::<PartialData>)
};
