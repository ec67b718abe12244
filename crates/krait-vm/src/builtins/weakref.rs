//! Weak references: the `_weakref` module (`ref`, `proxy`,
//! `getweakrefcount`, `getweakrefs`, `_remove_dead_weakref`), CPython's
//! `Objects/weakrefobject.c`.
//!
//! Invariants:
//! - A weak reference holds its referent's address, not a count. The
//!   referents that have weak references are in a per-thread table
//!   (address -> the weak reference objects, oldest first); the referent
//!   carries a flag saying it is in the table, so only such objects look
//!   the table up as they are freed.
//! - What can be weakly referenced: instances of classes (unless their
//!   `__slots__` leave out `__weakref__`), functions, bound methods,
//!   modules, sets, frozensets, OrderedDicts, arrays,
//!   memoryviews, generators, patterns, `_io` objects and types (types
//!   are immortal, so their weak references never die).
//! - When a referent is freed, its weak references are cleared at once
//!   (calling one then gives None), and those with a callback are queued
//!   in `finalize`, which runs them at the next instruction boundary that
//!   may free objects, because freeing has no interpreter to call them
//!   with.
//! - A weak reference object removes itself from the table when it dies
//!   before its referent.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::function::{new_builtin, new_module};
use crate::builtins::int::new_int;
use crate::builtins::list::new_list;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, new_str};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{type_value, BinOp, CompareOp, MethodDef, NumberSlots, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    /// Referent address -> addresses of its weak reference objects.
    static TABLE: RefCell<HashMap<usize, Vec<usize>>> = RefCell::new(HashMap::new());
}

pub struct WeakrefData {
    /// The referent's address; 0 once it is gone.
    referent: Cell<usize>,
    callback: RefCell<Value>,
    /// The referent's hash, once asked for (-1 until then).
    hash: Cell<i64>,
}

pub static REF_TYPE: TypeObject = TypeObject {
    call: Slot::new(|vm, v, args, kwnames| {
        if !args.is_empty() || !kwnames.is_empty() {
            return Err(vm.type_error(format!("weakref() takes no arguments ({} given)", args.len())));
        }
        Ok(referent(v).unwrap_or_else(none))
    }),
    repr: Slot::new(|vm, v| {
        let at = v.bits() & ((1 << 48) - 1);
        Ok(new_str(&match referent(v) {
            Some(r) => format!("<weakref at {at:#x}; to '{}' at {:#x}>", vm.type_of(&r).full_name(), r.bits() & ((1 << 48) - 1)),
            None => format!("<weakref at {at:#x}; dead>"),
        }))
    }),
    hash: Slot::new(|vm, v| {
        let w = weakref_of(v);
        if w.hash.get() != -1 {
            return Ok(w.hash.get());
        }
        let Some(r) = referent(v) else { return Err(vm.type_error("weak object has gone away")) };
        let h = ops::hash(vm, &r)?;
        w.hash.set(h);
        Ok(h)
    }),
    richcompare: Slot::new(|vm, a, b, op| {
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) || as_weakref(b).is_none() {
            return Ok(vm.not_implemented());
        }
        match (referent(a), referent(b)) {
            (Some(x), Some(y)) => ops::richcompare(vm, &x, &y, op),
            _ => Ok(vm.bool(a.is(b) == (op == CompareOp::Eq))),
        }
    }),
    getattr: Slot::new(|vm, v, name| match as_str(name) {
        Some("__callback__") => {
            let cb = weakref_of(v).callback.borrow().clone();
            Ok(if cb.is_null() { none() } else { cb })
        }
        _ => crate::builtins::classes::generic_getattr(vm, v, name),
    }),
    new: Some(ref_new),
    init: Some(ref_init),
    class_methods: &[crate::types::MethodDef {
        name: "__class_getitem__",
        func: crate::builtins::generic_alias::class_getitem,
    }],
    ..TypeObject::builtin("weakref.ReferenceType", Some(&OBJECT_TYPE), dealloc_weakref, trace_weakref)
};

fn proxy_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let r = live(vm, v)?;
    ops::len(vm, &r)
}

fn proxy_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = live(vm, v)?;
    ops::iter(vm, &r)
}

/// `weakref.proxy(obj)`: stands for its referent.
pub static PROXY_TYPE: TypeObject = TypeObject {
    getattr: Slot::new(proxy_getattr),
    setattr: Slot::new(proxy_setattr),
    repr: Slot::new(proxy_repr),
    str: Slot::new(proxy_str),
    bool: Slot::new(proxy_bool),
    len: Slot::new(proxy_len),
    iter: Slot::new(proxy_iter),
    getitem: Slot::new(proxy_getitem),
    setitem: Slot::new(proxy_setitem),
    contains: Slot::new(proxy_contains),
    next: Slot::new(proxy_next),
    hash: Slot::new(proxy_hash),
    number: Cell::new(&PROXY_NUMBER),
    methods: PROXY_METHODS,
    richcompare: Slot::new(proxy_richcompare),
    ..TypeObject::builtin("weakref.ProxyType", Some(&OBJECT_TYPE), dealloc_weakref, trace_weakref)
};

/// The proxy type of callable referents (CPython keeps them apart).
pub static CALLABLE_PROXY_TYPE: TypeObject = TypeObject {
    getattr: Slot::new(proxy_getattr),
    setattr: Slot::new(proxy_setattr),
    repr: Slot::new(proxy_repr),
    str: Slot::new(proxy_str),
    bool: Slot::new(proxy_bool),
    richcompare: Slot::new(proxy_richcompare),
    len: Slot::new(proxy_len),
    iter: Slot::new(proxy_iter),
    getitem: Slot::new(proxy_getitem),
    setitem: Slot::new(proxy_setitem),
    contains: Slot::new(proxy_contains),
    next: Slot::new(proxy_next),
    hash: Slot::new(proxy_hash),
    number: Cell::new(&PROXY_NUMBER),
    methods: PROXY_METHODS,
    call: Slot::new(|vm, v, args, kwnames| {
        let r = live(vm, v)?;
        crate::eval::call(vm, &r, args, kwnames)
    }),
    ..TypeObject::builtin("weakref.CallableProxyType", Some(&OBJECT_TYPE), dealloc_weakref, trace_weakref)
};

fn proxy_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let r = live(vm, v)?;
    ops::getitem(vm, &r, key)
}

fn proxy_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let r = live(vm, v)?;
    match vm.type_of(&r).setitem.get() {
        Some(f) => f(vm, &r, key, value),
        None if value.is_some() => {
            let msg = format!("'{}' object does not support item assignment", vm.type_of(&r).name());
            Err(vm.type_error(msg))
        }
        None => {
            let msg = format!("'{}' object doesn't support item deletion", vm.type_of(&r).name());
            Err(vm.type_error(msg))
        }
    }
}

fn proxy_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let r = live(vm, v)?;
    ops::contains(vm, &r, item)
}

/// `next(proxy)`: the referent's next item, if it is an iterator
/// (CPython's `proxy_iternext`).
fn proxy_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let r = live(vm, v)?;
    if vm.type_of(&r).next.get().is_none() {
        let msg = format!("Weakref proxy referenced a non-iterator '{}' object", vm.type_of(&r).name());
        return Err(vm.type_error(msg));
    }
    ops::next(vm, &r)
}

/// Proxies are unhashable, whatever their referent (CPython's
/// `proxy_hash`).
fn proxy_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let msg = format!("unhashable type: '{}'", vm.type_of(v).name());
    Err(vm.type_error(msg))
}

/// The referent of `v` if it is a proxy, else `v` (CPython's `UNWRAP`).
fn unwrap(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = vm.type_of_static(v);
    if std::ptr::eq(t, &PROXY_TYPE) || std::ptr::eq(t, &CALLABLE_PROXY_TYPE) {
        live(vm, v)
    } else {
        Ok(v.clone())
    }
}

/// The number slots of the proxies: the operation on the unwrapped
/// operands (CPython's `WRAP_BINARY`/`WRAP_UNARY`); an in-place one gives
/// the operation's result, which the proxy's variable then names.
macro_rules! proxy_binary {
    ($f:path; $($op:ident),*) => {
        [$(Some({
            fn slot(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
                let (a, b) = (unwrap(vm, a)?, unwrap(vm, b)?);
                $f(vm, BinOp::$op, &a, &b)
            }
            slot as crate::types::BinaryFn
        })),*]
    };
}

macro_rules! proxy_unary {
    ($body:expr) => {
        Some({
            fn slot(vm: &mut Vm, v: &Value) -> PyResult<Value> {
                let r = unwrap(vm, v)?;
                #[allow(clippy::redundant_closure_call)]
                ($body)(vm, &r)
            }
            slot as crate::types::UnaryFn
        })
    };
}

fn call_type(vm: &mut Vm, ty: &'static TypeObject, v: &Value) -> PyResult<Value> {
    crate::eval::call(vm, &type_value(ty), std::slice::from_ref(v), &[])
}

static PROXY_NUMBER: NumberSlots = NumberSlots {
    binary: proxy_binary!(ops::binary_op; Add, And, FloorDivide, Lshift, MatrixMultiply, Multiply, Remainder, Or, Power, Rshift, Subtract, TrueDivide, Xor),
    inplace: proxy_binary!(ops::inplace_op; Add, And, FloorDivide, Lshift, MatrixMultiply, Multiply, Remainder, Or, Power, Rshift, Subtract, TrueDivide, Xor),
    negative: proxy_unary!(|vm: &mut Vm, r: &Value| ops::unary_op(vm, '-', r)),
    positive: proxy_unary!(|vm: &mut Vm, r: &Value| ops::unary_op(vm, '+', r)),
    invert: proxy_unary!(|vm: &mut Vm, r: &Value| ops::unary_op(vm, '~', r)),
    absolute: proxy_unary!(|vm: &mut Vm, r: &Value| ops::absolute(vm, r)),
    divmod: Some(|vm, a, b| {
        let (a, b) = (unwrap(vm, a)?, unwrap(vm, b)?);
        ops::divmod(vm, &a, &b)
    }),
    int: proxy_unary!(|vm: &mut Vm, r: &Value| call_type(vm, &crate::builtins::int::INT_TYPE, r)),
    float: proxy_unary!(|vm: &mut Vm, r: &Value| call_type(vm, &crate::builtins::float::FLOAT_TYPE, r)),
    index: proxy_unary!(|vm: &mut Vm, r: &Value| match ops::index(vm, r)? {
        Some(i) => Ok(i),
        None => {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(r).name());
            Err(vm.type_error(msg))
        }
    }),
};

/// `__bytes__` and `__reversed__`, which CPython's proxies define as
/// methods.
const PROXY_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__bytes__",
        func: |vm, this, _, _| {
            let r = live(vm, this)?;
            call_type(vm, &crate::builtins::bytes::BYTES_TYPE, &r)
        },
    },
    MethodDef {
        name: "__reversed__",
        func: |vm, this, _, _| {
            let r = live(vm, this)?;
            call_type(vm, &crate::builtins::iter::REVERSED_TYPE, &r)
        },
    },
];

fn proxy_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let r = live(vm, v)?;
    ops::getattr(vm, &r, name)
}

fn proxy_setattr(vm: &mut Vm, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let r = live(vm, v)?;
    crate::builtins::classes::setattr(vm, &r, name, value)
}

fn proxy_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let at = v.bits() & ((1 << 48) - 1);
    Ok(new_str(&match referent(v) {
        Some(r) => format!("<weakproxy at {at:#x}; to '{}' at {:#x}>", vm.type_of(&r).full_name(), r.bits() & ((1 << 48) - 1)),
        None => format!("<weakproxy at {at:#x}; dead>"),
    }))
}

fn proxy_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = live(vm, v)?;
    ops::str(vm, &r)
}

fn proxy_bool(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let r = live(vm, v)?;
    ops::truthy(vm, &r)
}

fn proxy_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let r = live(vm, a)?;
    let other = if as_weakref(b).is_some() && !vm.type_of(b).is_subtype(&REF_TYPE) { live(vm, b)? } else { b.clone() };
    ops::richcompare(vm, &r, &other, op)
}

fn weakref_of(v: &Value) -> &WeakrefData {
    // SAFETY: objects of the three weak reference types are Obj<WeakrefData>.
    unsafe { v.as_object().expect("a weak reference").data::<WeakrefData>() }
}

fn is_weakref_type(t: &TypeObject) -> bool {
    [&REF_TYPE, &PROXY_TYPE, &CALLABLE_PROXY_TYPE].iter().any(|w| t.is_subtype(w))
}

pub fn as_weakref(v: &Value) -> Option<&WeakrefData> {
    let p = v.as_object()?;
    is_weakref_type(p.ty()).then(|| weakref_of(v))
}

/// The referent, if it is still alive.
fn referent(v: &Value) -> Option<Value> {
    let addr = weakref_of(v).referent.get();
    (addr != 0).then(|| Value::from_borrowed(ObjPtr::from_addr(addr)))
}

/// A proxy's referent, or ReferenceError.
fn live(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    referent(v).ok_or_else(|| {
        vm.error(&crate::builtins::exceptions::REFERENCE_ERROR, "weakly-referenced object no longer exists")
    })
}

unsafe fn dealloc_weakref(p: ObjPtr) {
    forget(p);
    // SAFETY: objects of the weak reference types are Obj<WeakrefData>;
    // nothing refers to `p` any more.
    unsafe { dealloc_boxed::<WeakrefData>(p) }
}

/// The dealloc of instances of classes derived from `ref`.
unsafe fn dealloc_subclassed_weakref(p: ObjPtr) {
    forget(p);
    // SAFETY: instances of classes derived from `ref` are
    // Obj<Subclassed<WeakrefData>>.
    unsafe { crate::builtins::classes::dealloc_subclassed::<WeakrefData>(p) }
}

/// The base of classes derived from `ref` (`weakref.WeakMethod`,
/// `KeyedRef`): `ref_new` makes their instances, which leave the table as
/// they die.
pub fn builtin_base(ty: &'static TypeObject) -> Option<crate::builtins::classes::BuiltinBase> {
    std::ptr::eq(ty, &REF_TYPE).then(|| {
        crate::builtins::classes::BuiltinBase::allocated_by_new_with::<WeakrefData>(ty, dealloc_subclassed_weakref)
    })
}

/// Take the dying weak reference `p` out of its referent's entry.
fn forget(p: ObjPtr) {
    // SAFETY: objects of the weak reference types (and of classes derived
    // from `ref`) hold a WeakrefData payload first.
    let w = unsafe { p.data::<WeakrefData>() };
    let target = w.referent.get();
    if target != 0 {
        TABLE.with(|t| {
            let mut t = t.borrow_mut();
            if let Some(list) = t.get_mut(&target) {
                list.retain(|&a| a != p.addr());
                if list.is_empty() {
                    t.remove(&target);
                }
            }
        });
    }
}

fn trace_weakref(p: ObjPtr, visit: Visit) {
    // SAFETY: objects of the weak reference types are Obj<WeakrefData>.
    let w = unsafe { p.data::<WeakrefData>() };
    let cb = w.callback.borrow();
    if !cb.is_null() {
        visit(&cb);
    }
}

/// Can `v` be weakly referenced? Marks it as referenced when it can.
fn mark_referenced(v: &Value) -> bool {
    let Some(p) = v.as_object() else { return false };
    if crate::types::as_type(v).is_some() {
        return true;
    }
    if let Some(f) = crate::builtins::function::as_function(v) {
        f.weakly_referenced.set(true);
        return true;
    }
    if crate::generator::mark_weakly_referenced(v) || crate::builtins::sre::mark_weakly_referenced(v) || crate::builtins::io::mark_weakly_referenced(v)
        || crate::builtins::itertools::mark_weakly_referenced(v)
        || crate::builtins::collections::mark_deque_weakly_referenced(v)
        || crate::builtins::functools::mark_weakly_referenced(v)
    {
        return true;
    }
    // Exact modules, bound methods, arrays and memoryviews (instances of
    // classes derived from modules and arrays are instances, below).
    let flag = if std::ptr::eq(p.ty(), &crate::builtins::function::MODULE_TYPE) {
        crate::builtins::function::as_module(v).map(|m| &m.weakly_referenced)
    } else if std::ptr::eq(p.ty(), &crate::builtins::descriptors::METHOD_TYPE) {
        crate::builtins::descriptors::as_method(v).map(|m| &m.weakly_referenced)
    } else if std::ptr::eq(p.ty(), &crate::builtins::generic_alias::GENERIC_ALIAS_TYPE) {
        Some(&crate::builtins::generic_alias::alias_of(v).weakly_referenced)
    } else if std::ptr::eq(p.ty(), &crate::builtins::set::SET_TYPE) || std::ptr::eq(p.ty(), &crate::builtins::set::FROZENSET_TYPE) {
        crate::builtins::set::as_set(v).map(|s| &s.weakly_referenced)
    } else if std::ptr::eq(p.ty(), &crate::builtins::collections::ODICT_TYPE) {
        crate::builtins::collections::odict_weakref_flag(v)
    } else if std::ptr::eq(p.ty(), &crate::builtins::array::ARRAY_TYPE) {
        crate::builtins::array::as_array(v).map(|a| &a.weakly_referenced)
    } else {
        crate::builtins::memoryview::as_view(v).map(|m| &m.weakly_referenced)
    };
    if let Some(flag) = flag {
        flag.set(true);
        return true;
    }
    crate::builtins::classes::mark_weakly_referenced(p)
}

/// `weakref.ref(obj)`.
pub fn new_ref(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    make(vm, &REF_TYPE, obj, None)
}

/// `ref(obj, callback=None)` / `proxy(obj, callback=None)`.
fn make(vm: &mut Vm, ty: &'static TypeObject, obj: &Value, callback: Option<&Value>) -> PyResult<Value> {
    if !mark_referenced(obj) {
        let msg = format!("cannot create weak reference to '{}' object", vm.type_of(obj).name());
        return Err(vm.type_error(msg));
    }
    let addr = obj.as_object().expect("an object").addr();
    let callback = callback.filter(|c| !is_none(c)).cloned();
    // A plain `ref(obj)` or `proxy(obj)` without a callback is shared
    // (CPython's rule).
    let basic = callback.is_none() && [&REF_TYPE, &PROXY_TYPE, &CALLABLE_PROXY_TYPE].iter().any(|t| std::ptr::eq(ty, *t));
    if basic {
        let existing = TABLE.with(|t| {
            t.borrow().get(&addr).and_then(|list| {
                list.iter().copied().find(|&w| {
                    let wp = ObjPtr::from_addr(w);
                    // SAFETY: the table holds only live weak reference objects.
                    std::ptr::eq(wp.type_ptr(), ty) && unsafe { wp.data::<WeakrefData>() }.callback.borrow().is_null()
                })
            })
        });
        if let Some(w) = existing {
            return Ok(Value::from_borrowed(ObjPtr::from_addr(w)));
        }
    }
    let data = WeakrefData { referent: Cell::new(addr), callback: RefCell::new(callback.unwrap_or(Value::NULL)), hash: Cell::new(-1) };
    let w = if ty.heap.is_some() {
        crate::builtins::classes::alloc_subclassed(ty, data)
    } else {
        Value::from_owned(alloc(ty, data))
    };
    let waddr = w.as_object().expect("an object").addr();
    // CPython's order (what `getweakrefs` shows and callbacks run in): the
    // basic ref first, then the basic proxy, then the others newest first.
    let is_basic = |w: usize| {
        let wp = ObjPtr::from_addr(w);
        // SAFETY: the table holds only live weak reference objects.
        let plain = unsafe { wp.data::<WeakrefData>() }.callback.borrow().is_null();
        plain && [&REF_TYPE, &PROXY_TYPE, &CALLABLE_PROXY_TYPE].iter().any(|t| std::ptr::eq(wp.type_ptr(), *t))
    };
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let list = t.entry(addr).or_default();
        let at = if basic && std::ptr::eq(ty, &REF_TYPE) { 0 } else { list.iter().take(2).take_while(|&&w| is_basic(w)).count() };
        list.insert(at, waddr);
    });
    Ok(w)
}

fn ref_new(vm: &mut Vm, ty: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // A subclass's keywords are its `__init__`'s business (CPython's
    // `weakref___new__` unpacks the positional arguments only).
    if !kwnames.is_empty() && std::ptr::eq(ty, &REF_TYPE) {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    let args = &args[..args.len() - kwnames.len()];
    match args {
        [obj] => make(vm, ty, obj, None),
        [obj, cb] => make(vm, ty, obj, Some(cb)),
        [] => Err(vm.type_error("__new__ expected at least 1 argument, got 0")),
        _ => Err(vm.type_error(format!("__new__ expected at most 2 arguments, got {}", args.len()))),
    }
}

/// `ref.__init__(obj, callback=None)`: `__new__` did the work; the
/// arguments are only counted (CPython's `weakref___init__`).
fn ref_init(vm: &mut Vm, _: &Value, args: &[Value], _: &[Value]) -> PyResult<Value> {
    match args.len() {
        0 => Err(vm.type_error("__init__ expected at least 1 argument, got 0")),
        1 | 2 => Ok(none()),
        n => Err(vm.type_error(format!("__init__ expected at most 2 arguments, got {n}"))),
    }
}

/// The referent at `addr` is being freed: clear its weak references and
/// queue their callbacks.
pub fn clear(addr: usize) {
    let Some(list) = TABLE.with(|t| t.borrow_mut().remove(&addr)) else { return };
    for w in list {
        let wp = ObjPtr::from_addr(w);
        // SAFETY: the table holds only live weak reference objects.
        let data = unsafe { wp.data::<WeakrefData>() };
        data.referent.set(0);
        // A dead reference's `__callback__` is None (CPython clears it
        // before the call).
        let cb = data.callback.replace(Value::NULL);
        if !cb.is_null() {
            crate::finalize::queue_callback(Value::from_borrowed(wp), cb);
        }
    }
}

/// How many weak references `addr` has.
pub(crate) fn refs_of(addr: usize) -> Vec<Value> {
    TABLE.with(|t| {
        t.borrow().get(&addr).map_or_else(Vec::new, |l| l.iter().map(|&w| Value::from_borrowed(ObjPtr::from_addr(w))).collect())
    })
}

/// The `_weakref` module.
pub fn new_weakref_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("ref"), type_value(&REF_TYPE))?;
    dd.set(vm, new_str("ReferenceType"), type_value(&REF_TYPE))?;
    dd.set(vm, new_str("ProxyType"), type_value(&PROXY_TYPE))?;
    dd.set(vm, new_str("CallableProxyType"), type_value(&CALLABLE_PROXY_TYPE))?;
    let functions: [(&'static str, crate::types::CallFn); 4] = [
        ("proxy", |vm, _, args, kwnames| {
            crate::builtins::function::no_keywords(vm, "proxy", kwnames)?;
            let (obj, cb) = match args {
                [o] => (o, None),
                [o, c] => (o, Some(c)),
                _ => return Err(vm.type_error(format!("proxy expected at most 2 arguments, got {}", args.len()))),
            };
            let ty = if ops::is_callable(vm, obj) { &CALLABLE_PROXY_TYPE } else { &PROXY_TYPE };
            make(vm, ty, obj, cb)
        }),
        ("getweakrefcount", |vm, _, args, _| {
            let [obj] = args else { return Err(vm.type_error("getweakrefcount() takes exactly one argument")) };
            Ok(new_int(obj.as_object().map_or(0, |p| refs_of(p.addr()).len()) as i64))
        }),
        ("getweakrefs", |vm, _, args, _| {
            let [obj] = args else { return Err(vm.type_error("getweakrefs() takes exactly one argument")) };
            Ok(new_list(obj.as_object().map_or_else(Vec::new, |p| refs_of(p.addr()))))
        }),
        ("_remove_dead_weakref", |vm, _, args, _| {
            let [dict, key] = args else {
                return Err(vm.type_error("_remove_dead_weakref expected 2 arguments"));
            };
            let Some(d) = as_dict(dict) else { return Err(vm.type_error("not a dict")) };
            if let Some(v) = d.get(vm, key)? {
                if as_weakref(&v).is_some_and(|w| w.referent.get() == 0) {
                    d.remove(vm, key)?;
                }
            }
            Ok(none())
        }),
    ];
    for (name, f) in functions {
        dd.set(vm, new_str(name), new_builtin(name, f))?;
    }
    Ok(new_module("_weakref", d))
}
