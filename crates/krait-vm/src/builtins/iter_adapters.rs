//! The built-in iterator adapters `enumerate`, `zip`, `map` and `filter`
//! (CPython's Objects/enumobject.c and Python/bltinmodule.c).
//!
//! Invariants:
//! - Each is subclassable: its `new` slot allocates `Subclassed<T>` for a
//!   class (`alloc_for`), so the payload is first in both layouts and the
//!   slots below read it unchanged.
//! - No borrow of a cell is held across a call that may run Python code
//!   (`ops::next`, `eval::call`, a truth test).
//! - `__reduce__` gives `(type(self), args)` (`zip` adds its `strict`
//!   flag as the state), as CPython's, so a subclass pickles as itself.

use std::cell::{Cell, RefCell};

use dashu_int::IBig;

use crate::builtins::classes::BuiltinBase;
use crate::builtins::int::{int_of, new_big, new_int, Int};
use crate::builtins::iter_pickle::{self, reduce_value};
use crate::builtins::singletons::{bool_value, none};
use crate::builtins::tuple::new_tuple;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::builtins::singletons::BOOL_TYPE;
use crate::types::{type_value, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A new object of class `cls`, `base` itself or a class derived from it.
fn alloc_for<T>(base: &'static TypeObject, cls: &'static TypeObject, data: T) -> Value {
    if std::ptr::eq(cls, base) {
        Value::from_owned(alloc(cls, data))
    } else {
        crate::builtins::classes::alloc_subclassed(cls, data)
    }
}

/// The payload of `v`, an object of the type holding `T` or of a class
/// derived from it.
fn payload<T>(v: &Value) -> &T {
    // SAFETY: the slots and methods of these types are reached only with
    // their objects (slot dispatch and the descriptors' receiver check):
    // Obj<T>, or Obj<Subclassed<T>> with the payload first.
    unsafe { v.as_object().expect("an iterator").data::<T>() }
}

/// The built-in base of the classes derived from these types.
pub fn builtin_base(ty: &'static TypeObject) -> Option<BuiltinBase> {
    let is = |t: &TypeObject| std::ptr::eq(ty, t);
    Some(if is(&ENUMERATE_TYPE) {
        BuiltinBase::allocated_by_new::<Enumerate>(ty)
    } else if is(&ZIP_TYPE) {
        BuiltinBase::allocated_by_new::<Zip>(ty)
    } else if is(&MAP_TYPE) {
        BuiltinBase::allocated_by_new::<Map>(ty)
    } else if is(&FILTER_TYPE) {
        BuiltinBase::allocated_by_new::<Filter>(ty)
    } else {
        return crate::builtins::iter::builtin_base(ty);
    })
}

/// `enumerate(iterable, start=0)`'s state: the count is an i64 until it
/// would overflow, then `big` holds it (CPython's `en_longindex`).
struct Enumerate {
    it: Value,
    count: Cell<i64>,
    big: RefCell<Option<IBig>>,
}

pub static ENUMERATE_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| {
        let e = payload::<Enumerate>(v);
        let Some(item) = crate::ops::next(vm, &e.it)? else { return Ok(None) };
        let n = if let Some(b) = e.big.borrow_mut().as_mut() {
            let n = b.clone();
            *b += IBig::ONE;
            new_big(n)
        } else {
            let n = e.count.get();
            match n.checked_add(1) {
                Some(after) => e.count.set(after),
                None => *e.big.borrow_mut() = Some(IBig::from(n) + IBig::ONE),
            }
            new_int(n)
        };
        Ok(Some(new_tuple(vec![n, item])))
    }),
    new: Some(enumerate_new),
    methods: &[MethodDef { name: "__reduce__", func: enumerate_reduce }],
    class_methods: &[MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }],
    ..TypeObject::builtin("enumerate", Some(&OBJECT_TYPE), dealloc_enumerate, trace_enumerate)
};

fn enumerate_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if args.len() > 2 {
        return Err(vm.type_error(format!("enumerate() takes at most 2 arguments ({} given)", args.len())));
    }
    let (mut iterable, mut start) = (args.first().filter(|_| npos >= 1), args.get(1).filter(|_| npos >= 2));
    for (name, value) in kwnames.iter().zip(&args[npos..]) {
        match crate::builtins::str::as_str(name) {
            Some("iterable") if iterable.is_none() => iterable = Some(value),
            Some("start") if start.is_none() => start = Some(value),
            Some(other) => {
                return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for enumerate()")));
            }
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let Some(iterable) = iterable else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let (mut count, mut big) = (0, None);
    if let Some(s) = start {
        let Some(i) = crate::ops::index(vm, s)? else {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(s).name());
            return Err(vm.type_error(msg));
        };
        match int_of(&i) {
            Some(Int::Small(n)) => count = n,
            Some(Int::Big(b)) => match i64::try_from(b) {
                Ok(n) => count = n,
                Err(_) => big = Some(b.clone()),
            },
            None => {}
        }
    }
    let it = crate::ops::iter(vm, iterable)?;
    Ok(alloc_for(&ENUMERATE_TYPE, cls, Enumerate { it, count: Cell::new(count), big: RefCell::new(big) }))
}

/// `e.__reduce__()`: `(type(e), (iterator, count))`.
fn enumerate_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let e = payload::<Enumerate>(this);
    let count = match e.big.borrow().as_ref() {
        Some(b) => new_big(b.clone()),
        None => new_int(e.count.get()),
    };
    Ok(reduce_value(type_value(vm.type_of_static(this)), vec![e.it.clone(), count], None))
}

unsafe fn dealloc_enumerate(p: ObjPtr) {
    // SAFETY: enumerate objects are allocated as Obj<Enumerate>.
    unsafe { dealloc_boxed::<Enumerate>(p) }
}

fn trace_enumerate(p: ObjPtr, visit: Visit) {
    // SAFETY: enumerate objects are Obj<Enumerate> (payload first).
    visit(&unsafe { p.data::<Enumerate>() }.it);
}

/// `zip(*iterables, strict=False)`'s state: one iterator per argument.
struct Zip {
    its: Vec<Value>,
    /// `strict=True`: iterables of unequal lengths are a ValueError.
    strict: Cell<bool>,
}

pub static ZIP_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| {
        let z = payload::<Zip>(v);
        if z.its.is_empty() {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(z.its.len());
        for (i, it) in z.its.iter().enumerate() {
            match crate::ops::next(vm, it)? {
                Some(x) => items.push(x),
                None if z.strict.get() => return zip_strict_end(vm, z, i),
                None => return Ok(None),
            }
        }
        Ok(Some(new_tuple(items)))
    }),
    new: Some(|vm, cls, args, kwnames| {
        let npos = args.len() - kwnames.len();
        let mut strict = false;
        for (name, value) in kwnames.iter().zip(&args[npos..]) {
            match crate::builtins::str::as_str(name) {
                Some("strict") => strict = crate::ops::truthy(vm, value)?,
                Some(other) => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for zip()"))),
                None => return Err(vm.type_error("keywords must be strings")),
            }
        }
        let mut its = Vec::with_capacity(npos);
        for a in &args[..npos] {
            its.push(crate::ops::iter(vm, a)?);
        }
        Ok(alloc_for(&ZIP_TYPE, cls, Zip { its, strict: Cell::new(strict) }))
    }),
    methods: &[MethodDef { name: "__reduce__", func: zip_reduce }, MethodDef { name: "__setstate__", func: zip_setstate }],
    ..TypeObject::builtin("zip", Some(&OBJECT_TYPE), dealloc_zip, trace_zip)
};

/// Iterator `i` of a strict zip ran out: fine only if it is the first and
/// all the others are out too (CPython's messages name the arguments).
fn zip_strict_end(vm: &mut Vm, z: &Zip, i: usize) -> PyResult<Option<Value>> {
    let plural = |i: usize| if i == 1 { " ".to_string() } else { "s 1-".to_string() };
    if i > 0 {
        let msg = format!("zip() argument {} is shorter than argument{}{i}", i + 1, plural(i));
        return Err(vm.value_error(msg));
    }
    for (k, it) in z.its.iter().enumerate().skip(1) {
        if crate::ops::next(vm, it)?.is_some() {
            let msg = format!("zip() argument {} is longer than argument{}{k}", k + 1, plural(k));
            return Err(vm.value_error(msg));
        }
    }
    Ok(None)
}

/// `z.__reduce__()`: `(type(z), iterators)`, with `True` as the state
/// when strict.
fn zip_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let z = payload::<Zip>(this);
    let state = z.strict.get().then(|| bool_value(true));
    Ok(reduce_value(type_value(vm.type_of_static(this)), z.its.clone(), state))
}

/// `z.__setstate__(strict)`.
fn zip_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__setstate__", args, kwnames, 1)?;
    let strict = crate::ops::truthy(vm, &args[0])?;
    payload::<Zip>(this).strict.set(strict);
    Ok(none())
}

unsafe fn dealloc_zip(p: ObjPtr) {
    // SAFETY: zip objects are allocated as Obj<Zip>.
    unsafe { dealloc_boxed::<Zip>(p) }
}

fn trace_zip(p: ObjPtr, visit: Visit) {
    // SAFETY: zip objects are Obj<Zip> (payload first).
    for it in &unsafe { p.data::<Zip>() }.its {
        visit(it);
    }
}

/// `map(func, *iterables)`'s state.
struct Map {
    func: Value,
    its: Vec<Value>,
}

pub static MAP_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| {
        let m = payload::<Map>(v);
        let mut args = Vec::with_capacity(m.its.len());
        for it in &m.its {
            match crate::ops::next(vm, it)? {
                Some(x) => args.push(x),
                None => return Ok(None),
            }
        }
        crate::eval::call(vm, &m.func, &args, &[]).map(Some)
    }),
    new: Some(|vm, cls, args, kwnames| {
        crate::builtins::function::no_keywords_for(vm, &MAP_TYPE, cls, "map", kwnames)?;
        let args = &args[..args.len() - kwnames.len()];
        let [func, iterables @ ..] = args else {
            return Err(vm.type_error("map() must have at least two arguments."));
        };
        if iterables.is_empty() {
            return Err(vm.type_error("map() must have at least two arguments."));
        }
        let mut its = Vec::with_capacity(iterables.len());
        for a in iterables {
            its.push(crate::ops::iter(vm, a)?);
        }
        Ok(alloc_for(&MAP_TYPE, cls, Map { func: func.clone(), its }))
    }),
    methods: &[MethodDef { name: "__reduce__", func: map_reduce }],
    ..TypeObject::builtin("map", Some(&OBJECT_TYPE), dealloc_map, trace_map)
};

/// `m.__reduce__()`: `(type(m), (func, *iterators))`.
fn map_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let m = payload::<Map>(this);
    let mut items = vec![m.func.clone()];
    items.extend(m.its.iter().cloned());
    Ok(reduce_value(type_value(vm.type_of_static(this)), items, None))
}

unsafe fn dealloc_map(p: ObjPtr) {
    // SAFETY: map objects are allocated as Obj<Map>.
    unsafe { dealloc_boxed::<Map>(p) }
}

fn trace_map(p: ObjPtr, visit: Visit) {
    // SAFETY: map objects are Obj<Map> (payload first).
    let m = unsafe { p.data::<Map>() };
    visit(&m.func);
    m.its.iter().for_each(visit);
}

/// `filter(function or None, iterable)`'s state.
struct Filter {
    func: Value,
    it: Value,
}

pub static FILTER_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| {
        let f = payload::<Filter>(v);
        // CPython tests truth directly for None and for `bool`.
        let by_truth = crate::builtins::singletons::is_none(&f.func) || f.func.is(&type_value(&BOOL_TYPE));
        while let Some(x) = crate::ops::next(vm, &f.it)? {
            let keep = if by_truth {
                crate::ops::truthy(vm, &x)?
            } else {
                let r = crate::eval::call(vm, &f.func, std::slice::from_ref(&x), &[])?;
                crate::ops::truthy(vm, &r)?
            };
            if keep {
                return Ok(Some(x));
            }
        }
        Ok(None)
    }),
    new: Some(|vm, cls, args, kwnames| {
        crate::builtins::function::no_keywords_for(vm, &FILTER_TYPE, cls, "filter", kwnames)?;
        let args = &args[..args.len() - kwnames.len()];
        let [func, iterable] = args else {
            return Err(vm.type_error(format!("filter expected 2 arguments, got {}", args.len())));
        };
        let it = crate::ops::iter(vm, iterable)?;
        Ok(alloc_for(&FILTER_TYPE, cls, Filter { func: func.clone(), it }))
    }),
    methods: &[MethodDef { name: "__reduce__", func: filter_reduce }],
    ..TypeObject::builtin("filter", Some(&OBJECT_TYPE), dealloc_filter, trace_filter)
};

/// `f.__reduce__()`: `(type(f), (func, iterator))`.
fn filter_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let f = payload::<Filter>(this);
    Ok(reduce_value(type_value(vm.type_of_static(this)), vec![f.func.clone(), f.it.clone()], None))
}

unsafe fn dealloc_filter(p: ObjPtr) {
    // SAFETY: filter objects are allocated as Obj<Filter>.
    unsafe { dealloc_boxed::<Filter>(p) }
}

fn trace_filter(p: ObjPtr, visit: Visit) {
    // SAFETY: filter objects are Obj<Filter> (payload first).
    let f = unsafe { p.data::<Filter>() };
    visit(&f.func);
    visit(&f.it);
}
