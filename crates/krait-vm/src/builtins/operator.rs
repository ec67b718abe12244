//! The `_operator` module (CPython's `Modules/_operator.c`): the operators
//! as functions, and `itemgetter`, `attrgetter`, `methodcaller`. CPython's
//! `Lib/operator.py` imports it over its pure-Python definitions.
//!
//! Invariants:
//! - Each function is the operation the interpreter runs for the operator
//!   (`ops::binary_op`, `ops::inplace_op`, `ops::richcompare`, the unary
//!   number slots), so results and messages are the operators' own.
//! - The three callable types cannot be subclassed (as in CPython); their
//!   repr and `__reduce__` are CPython's.

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::function::{new_builtin, new_module, no_keywords};
use crate::builtins::int::new_int;
use crate::builtins::singletons::none;
use crate::builtins::str::{as_str, new_str};
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{type_value, BinOp, CompareOp, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The arguments of a function of `N` positional arguments, with
/// CPython's "NAME expected N arguments, got M".
fn exact<'a, const N: usize>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a [Value; N]> {
    no_keywords(vm, name, kwnames)?;
    args.try_into().map_err(|_| {
        let plural = if N == 1 { "" } else { "s" };
        vm.type_error(format!("{name} expected {N} argument{plural}, got {}", args.len()))
    })
}

macro_rules! binary {
    ($($name:literal => $op:expr),* $(,)?) => {
        &[$(($name, |vm, _, args, kwnames| {
            let [a, b] = exact::<2>(vm, $name, args, kwnames)?;
            ops::binary_op(vm, $op, a, b)
        })),*]
    };
}

macro_rules! inplace {
    ($($name:literal => $op:expr),* $(,)?) => {
        &[$(($name, |vm, _, args, kwnames| {
            let [a, b] = exact::<2>(vm, $name, args, kwnames)?;
            ops::inplace_op(vm, $op, a, b)
        })),*]
    };
}

macro_rules! compare {
    ($($name:literal => $op:expr),* $(,)?) => {
        &[$(($name, |vm, _, args, kwnames| {
            let [a, b] = exact::<2>(vm, $name, args, kwnames)?;
            ops::richcompare(vm, a, b, $op)
        })),*]
    };
}

type Entry = (&'static str, crate::types::CallFn);

const BINARY: &[Entry] = binary! {
    "add" => BinOp::Add, "and_" => BinOp::And, "floordiv" => BinOp::FloorDivide, "lshift" => BinOp::Lshift,
    "mod" => BinOp::Remainder, "mul" => BinOp::Multiply, "matmul" => BinOp::MatrixMultiply, "or_" => BinOp::Or,
    "pow" => BinOp::Power, "rshift" => BinOp::Rshift, "sub" => BinOp::Subtract, "truediv" => BinOp::TrueDivide,
    "xor" => BinOp::Xor,
};

const INPLACE: &[Entry] = inplace! {
    "iadd" => BinOp::Add, "iand" => BinOp::And, "ifloordiv" => BinOp::FloorDivide, "ilshift" => BinOp::Lshift,
    "imod" => BinOp::Remainder, "imul" => BinOp::Multiply, "imatmul" => BinOp::MatrixMultiply, "ior" => BinOp::Or,
    "ipow" => BinOp::Power, "irshift" => BinOp::Rshift, "isub" => BinOp::Subtract, "itruediv" => BinOp::TrueDivide,
    "ixor" => BinOp::Xor,
};

const COMPARE: &[Entry] = compare! {
    "lt" => CompareOp::Lt, "le" => CompareOp::Le, "eq" => CompareOp::Eq,
    "ne" => CompareOp::Ne, "ge" => CompareOp::Ge, "gt" => CompareOp::Gt,
};

/// `concat(a, b)` / `iconcat(a, b)`: `a` must be a sequence.
fn concat(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], inplace: bool) -> PyResult<Value> {
    let [a, b] = exact::<2>(vm, name, args, kwnames)?;
    if vm.type_of(a).getitem.is_none() {
        return Err(vm.type_error(format!("'{}' object can't be concatenated", vm.type_of(a).name())));
    }
    if inplace {
        ops::inplace_op(vm, BinOp::Add, a, b)
    } else {
        ops::binary_op(vm, BinOp::Add, a, b)
    }
}

const OTHER: &[Entry] = &[
    ("not_", |vm, _, args, kwnames| {
        let [a] = exact::<1>(vm, "not_", args, kwnames)?;
        let t = ops::truthy(vm, a)?;
        Ok(vm.bool(!t))
    }),
    ("truth", |vm, _, args, kwnames| {
        let [a] = exact::<1>(vm, "truth", args, kwnames)?;
        let t = ops::truthy(vm, a)?;
        Ok(vm.bool(t))
    }),
    ("is_", |vm, _, args, kwnames| {
        let [a, b] = exact::<2>(vm, "is_", args, kwnames)?;
        Ok(vm.bool(a.is(b)))
    }),
    ("is_not", |vm, _, args, kwnames| {
        let [a, b] = exact::<2>(vm, "is_not", args, kwnames)?;
        Ok(vm.bool(!a.is(b)))
    }),
    ("abs", |vm, _, args, kwnames| {
        let [a] = exact::<1>(vm, "abs", args, kwnames)?;
        ops::absolute(vm, a)
    }),
    ("index", |vm, _, args, kwnames| {
        let [a] = exact::<1>(vm, "index", args, kwnames)?;
        match ops::index(vm, a)? {
            Some(i) => Ok(i),
            None => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_of(a).name()))),
        }
    }),
    ("neg", |vm, _, args, kwnames| {
        let [a] = exact::<1>(vm, "neg", args, kwnames)?;
        ops::unary_op(vm, '-', a)
    }),
    ("pos", |vm, _, args, kwnames| {
        let [a] = exact::<1>(vm, "pos", args, kwnames)?;
        ops::unary_op(vm, '+', a)
    }),
    ("inv", |vm, _, args, kwnames| {
        let [a] = exact::<1>(vm, "inv", args, kwnames)?;
        ops::unary_op(vm, '~', a)
    }),
    ("invert", |vm, _, args, kwnames| {
        let [a] = exact::<1>(vm, "invert", args, kwnames)?;
        ops::unary_op(vm, '~', a)
    }),
    ("concat", |vm, _, args, kwnames| concat(vm, "concat", args, kwnames, false)),
    ("iconcat", |vm, _, args, kwnames| concat(vm, "iconcat", args, kwnames, true)),
    ("contains", |vm, _, args, kwnames| {
        let [a, b] = exact::<2>(vm, "contains", args, kwnames)?;
        let r = ops::contains(vm, a, b)?;
        Ok(vm.bool(r))
    }),
    ("countOf", |vm, _, args, kwnames| {
        let [a, b] = exact::<2>(vm, "countOf", args, kwnames)?;
        let it = ops::iter(vm, a)?;
        let mut n = 0i64;
        while let Some(x) = ops::next(vm, &it)? {
            if crate::builtins::tuple::item_equals(vm, &x, b)? {
                n += 1;
            }
        }
        Ok(new_int(n))
    }),
    ("indexOf", |vm, _, args, kwnames| {
        let [a, b] = exact::<2>(vm, "indexOf", args, kwnames)?;
        let it = ops::iter(vm, a)?;
        let mut i = 0i64;
        while let Some(x) = ops::next(vm, &it)? {
            if crate::builtins::tuple::item_equals(vm, &x, b)? {
                return Ok(new_int(i));
            }
            i += 1;
        }
        Err(vm.value_error("sequence.index(x): x not in sequence"))
    }),
    ("getitem", |vm, _, args, kwnames| {
        let [a, b] = exact::<2>(vm, "getitem", args, kwnames)?;
        ops::getitem(vm, a, b)
    }),
    ("setitem", |vm, _, args, kwnames| {
        let [a, b, c] = exact::<3>(vm, "setitem", args, kwnames)?;
        crate::eval::store_item(vm, a, b.clone(), c.clone())?;
        Ok(none())
    }),
    ("delitem", |vm, _, args, kwnames| {
        let [a, b] = exact::<2>(vm, "delitem", args, kwnames)?;
        crate::eval::delete_item(vm, a, b)?;
        Ok(none())
    }),
    ("length_hint", length_hint),
    ("call", |vm, _, args, kwnames| {
        if args.len() == kwnames.len() {
            return Err(vm.type_error(format!("call expected at least 1 argument, got {}", args.len() - kwnames.len())));
        }
        crate::eval::call(vm, &args[0], &args[1..], kwnames)
    }),
    ("_compare_digest", compare_digest),
];

/// `length_hint(obj, default=0)` (CPython's `PyObject_LengthHint`).
fn length_hint(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "length_hint", kwnames)?;
    let (obj, default) = match args {
        [o] => (o, new_int(0)),
        [o, d] => (o, d.clone()),
        _ if args.is_empty() => return Err(vm.type_error("length_hint expected at least 1 argument, got 0")),
        _ => return Err(vm.type_error(format!("length_hint expected at most 2 arguments, got {}", args.len()))),
    };
    let Some(default) = crate::builtins::int::int_of(&default).map(|_| default.clone()) else {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_of(&default).name())));
    };
    if vm.type_of(obj).len.is_some() {
        match ops::len(vm, obj) {
            Ok(n) => return Ok(new_int(n as i64)),
            Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::TYPE_ERROR) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(hint) = crate::builtins::classes::lookup_special(vm, obj, "__length_hint__")? else { return Ok(default) };
    let r = match crate::eval::call(vm, &hint, &[], &[]) {
        Ok(r) => r,
        Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::TYPE_ERROR) => return Ok(default),
        Err(e) => return Err(e),
    };
    if crate::builtins::singletons::is_not_implemented(&r) {
        return Ok(default);
    }
    match crate::builtins::int::int_of(&r) {
        Some(crate::builtins::int::Int::Small(n)) if n >= 0 => Ok(r),
        Some(_) => Err(vm.value_error("__length_hint__() should return >= 0")),
        None => Err(vm.type_error(format!("__length_hint__ must be an integer, not {}", vm.type_of(&r).name()))),
    }
}

/// `_compare_digest(a, b)`: equality in time independent of where the
/// inputs differ; ASCII strs or bytes-like objects.
fn compare_digest(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [a, b] = exact::<2>(vm, "_compare_digest", args, kwnames)?;
    let (x, y) = match (as_str(a), as_str(b)) {
        (Some(x), Some(y)) => {
            if !x.is_ascii() || !y.is_ascii() {
                return Err(vm.type_error("comparing strings with non-ASCII characters is not supported"));
            }
            (x.as_bytes().to_vec(), y.as_bytes().to_vec())
        }
        (None, None) => match (crate::builtins::bytes::as_buffer(a), crate::builtins::bytes::as_buffer(b)) {
            (Some(x), Some(y)) => (x.to_vec(), y.to_vec()),
            _ => {
                let msg = format!("unsupported operand types(s) or combination of types: '{}' and '{}'", vm.type_of(a).name(), vm.type_of(b).name());
                return Err(vm.type_error(msg));
            }
        },
        _ => {
            let msg = format!("unsupported operand types(s) or combination of types: '{}' and '{}'", vm.type_of(a).name(), vm.type_of(b).name());
            return Err(vm.type_error(msg));
        }
    };
    // Every byte of `y` is looked at, whatever `x` holds.
    let mut diff = u8::from(x.len() != y.len());
    let left = if x.len() == y.len() { &x } else { &y };
    for (p, q) in left.iter().zip(&y) {
        diff |= p ^ q;
    }
    Ok(vm.bool(diff == 0))
}

// ----- itemgetter, attrgetter, methodcaller --------------------------------

/// What one of the three callables holds.
struct Getter {
    /// itemgetter: the items; attrgetter: each name split at the dots
    /// (a tuple of strs); methodcaller: the name then the arguments.
    args: Vec<Value>,
    /// methodcaller's keyword names (its values end `args`).
    kwnames: Vec<Value>,
}

unsafe fn dealloc_getter(p: ObjPtr) {
    // SAFETY: the three types are allocated as Obj<Getter>.
    unsafe { dealloc_boxed::<Getter>(p) }
}

fn trace_getter(p: ObjPtr, visit: Visit) {
    // SAFETY: as above.
    let g = unsafe { p.data::<Getter>() };
    g.args.iter().chain(&g.kwnames).for_each(visit);
}

fn getter(v: &Value) -> &Getter {
    // SAFETY: only called on the three types' instances (their slots).
    unsafe { v.as_object().expect("a getter").data::<Getter>() }
}

fn make(ty: &'static TypeObject, args: Vec<Value>, kwnames: Vec<Value>) -> Value {
    Value::from_owned(alloc(ty, Getter { args, kwnames }))
}

fn itemgetter_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "itemgetter", kwnames)?;
    if args.is_empty() {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(make(&ITEMGETTER_TYPE, args.to_vec(), Vec::new()))
}

fn itemgetter_call(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [obj] = exact::<1>(vm, "itemgetter", args, kwnames)?;
    let g = getter(this);
    if let [item] = g.args.as_slice() {
        return ops::getitem(vm, obj, item);
    }
    let mut out = Vec::with_capacity(g.args.len());
    for item in &g.args {
        out.push(ops::getitem(vm, obj, item)?);
    }
    Ok(new_tuple(out))
}

fn attrgetter_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "attrgetter", kwnames)?;
    if args.is_empty() {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::with_capacity(args.len());
    for a in args {
        let Some(name) = as_str(a) else { return Err(vm.type_error("attribute name must be a string")) };
        let parts = name.split('.').map(crate::builtins::str::intern).collect();
        paths.push(new_tuple(parts));
    }
    Ok(make(&ATTRGETTER_TYPE, paths, Vec::new()))
}

fn attr_path(vm: &mut Vm, obj: &Value, path: &Value) -> PyResult<Value> {
    let mut v = obj.clone();
    for name in &as_tuple(path).expect("a path").items {
        v = ops::getattr(vm, &v, name)?;
    }
    Ok(v)
}

fn attrgetter_call(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [obj] = exact::<1>(vm, "attrgetter", args, kwnames)?;
    let g = getter(this);
    if let [path] = g.args.as_slice() {
        return attr_path(vm, obj, path);
    }
    let mut out = Vec::with_capacity(g.args.len());
    for path in &g.args {
        out.push(attr_path(vm, obj, path)?);
    }
    Ok(new_tuple(out))
}

fn methodcaller_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() == kwnames.len() {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    if as_str(&args[0]).is_none() {
        return Err(vm.type_error("method name must be a string"));
    }
    let mut held = args.to_vec();
    held[0] = crate::builtins::str::intern(as_str(&args[0]).unwrap_or(""));
    Ok(make(&METHODCALLER_TYPE, held, kwnames.to_vec()))
}

fn methodcaller_call(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [obj] = exact::<1>(vm, "methodcaller", args, kwnames)?;
    let g = getter(this);
    let method = ops::getattr(vm, obj, &g.args[0])?;
    crate::eval::call(vm, &method, &g.args[1..], &g.kwnames)
}

/// `operator.itemgetter(1, 'a')`, `operator.attrgetter('a.b')`,
/// `operator.methodcaller('m', 1, k=2)`.
fn getter_repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let ty = vm.type_of_static(this);
    let g = getter(this);
    let mut parts = Vec::new();
    if std::ptr::eq(ty, &ATTRGETTER_TYPE) {
        for path in &g.args {
            parts.push(ops::repr_string(vm, &new_str(&dotted(path)))?);
        }
    } else {
        let npos = g.args.len() - g.kwnames.len();
        for a in &g.args[..npos] {
            parts.push(ops::repr_string(vm, a)?);
        }
        for (k, v) in g.kwnames.iter().zip(&g.args[npos..]) {
            parts.push(format!("{}={}", as_str(k).unwrap_or("?"), ops::repr_string(vm, v)?));
        }
    }
    Ok(new_str(&format!("operator.{}({})", short_name(ty), parts.join(", "))))
}

/// An attrgetter's path as it was given (`'a.b'`).
fn dotted(path: &Value) -> String {
    let names: Vec<&str> = as_tuple(path).expect("a path").items.iter().map(|n| as_str(n).unwrap_or("")).collect();
    names.join(".")
}

fn short_name(ty: &TypeObject) -> &'static str {
    ty.name().rsplit('.').next().unwrap_or("")
}

/// `__reduce__`: the type and its arguments; a methodcaller with keywords
/// as `functools.partial(methodcaller, name, **kwargs)` called with none.
fn getter_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    exact::<0>(vm, "__reduce__", args, kwnames)?;
    let ty = vm.type_of_static(this);
    let g = getter(this);
    if std::ptr::eq(ty, &ATTRGETTER_TYPE) {
        let names = g.args.iter().map(|path| new_str(&dotted(path))).collect();
        return Ok(new_tuple(vec![type_value(ty), new_tuple(names)]));
    }
    if g.kwnames.is_empty() {
        return Ok(new_tuple(vec![type_value(ty), new_tuple(g.args.clone())]));
    }
    let functools = crate::import::import_module(vm, "functools")?;
    let partial = ops::getattr(vm, &functools, &new_str("partial"))?;
    let npos = g.args.len() - g.kwnames.len();
    let mut pargs = vec![type_value(ty), g.args[0].clone()];
    pargs.extend(g.args[npos..].iter().cloned());
    let p = crate::eval::call(vm, &partial, &pargs, &g.kwnames)?;
    Ok(new_tuple(vec![p, new_tuple(g.args[1..npos].to_vec())]))
}

const GETTER_METHODS: &[MethodDef] = &[MethodDef { name: "__reduce__", func: getter_reduce }];

pub static ITEMGETTER_TYPE: TypeObject = TypeObject {
    call: Slot::new(itemgetter_call),
    repr: Slot::new(getter_repr),
    new: Some(itemgetter_new),
    methods: GETTER_METHODS,
    ..TypeObject::builtin("operator.itemgetter", Some(&OBJECT_TYPE), dealloc_getter, trace_getter)
};

pub static ATTRGETTER_TYPE: TypeObject = TypeObject {
    call: Slot::new(attrgetter_call),
    repr: Slot::new(getter_repr),
    new: Some(attrgetter_new),
    methods: GETTER_METHODS,
    ..TypeObject::builtin("operator.attrgetter", Some(&OBJECT_TYPE), dealloc_getter, trace_getter)
};

pub static METHODCALLER_TYPE: TypeObject = TypeObject {
    call: Slot::new(methodcaller_call),
    repr: Slot::new(getter_repr),
    new: Some(methodcaller_new),
    methods: GETTER_METHODS,
    ..TypeObject::builtin("operator.methodcaller", Some(&OBJECT_TYPE), dealloc_getter, trace_getter)
};

/// The three types cannot be subclassed.
pub const FINAL_TYPES: &[&str] = &["operator.itemgetter", "operator.attrgetter", "operator.methodcaller"];

pub fn new_operator_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    for &(name, f) in BINARY.iter().chain(INPLACE).chain(COMPARE).chain(OTHER) {
        dd.set(vm, new_str(name), new_builtin(name, f))?;
    }
    for ty in [&ITEMGETTER_TYPE, &ATTRGETTER_TYPE, &METHODCALLER_TYPE] {
        dd.set(vm, new_str(short_name(ty)), type_value(ty))?;
    }
    dd.set(vm, new_str("__doc__"), new_str("The operators as functions: operator.add(x, y) is x + y."))?;
    Ok(new_module("_operator", d))
}
