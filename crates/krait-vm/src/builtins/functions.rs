//! The `builtins` module: its functions and the types it names.
//!
//! PROVISIONAL: the functions and types the first programs need; the rest
//! of the builtins arrive with the built-in types issue.


use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions;
use crate::builtins::float::FLOAT_TYPE;
use crate::builtins::function::new_builtin;
use crate::builtins::int::{int_of, new_big, new_int, INT_TYPE};
use crate::builtins::range::RANGE_TYPE;
use crate::builtins::list::LIST_TYPE;
use crate::builtins::singletons::{is_none, none, BOOL_TYPE};
use crate::builtins::str::{as_str, new_str, STR_TYPE};
use crate::builtins::tuple::TUPLE_TYPE;
use crate::ops;
use crate::types::{type_value, CompareOp, TypeObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A new `builtins` namespace.
pub fn builtins_dict(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    let functions: &[(&'static str, crate::types::CallFn)] = &[
        ("all", |vm, _, a, k| all_any(vm, a, k, "all", true)),
        ("any", |vm, _, a, k| all_any(vm, a, k, "any", false)),
        ("divmod", divmod),
        ("round", round),
        ("pow", pow),
        ("hex", |vm, _, a, k| radix(vm, a, k, "hex", 16, "0x")),
        ("oct", |vm, _, a, k| radix(vm, a, k, "oct", 8, "0o")),
        ("bin", |vm, _, a, k| radix(vm, a, k, "bin", 2, "0b")),
        ("compile", crate::builtins::exec::compile),
        ("exec", crate::builtins::exec::exec),
        ("eval", crate::builtins::exec::eval),
        ("globals", |vm, _, a, k| {
            no_args_builtin(vm, "globals", a, k)?;
            Ok(crate::eval::current_globals(vm).unwrap_or_else(new_dict))
        }),
        ("locals", |vm, _, a, k| {
            no_args_builtin(vm, "locals", a, k)?;
            crate::eval::current_locals(vm)
        }),
        ("dir", dir),
        ("__import__", dunder_import),
        ("__build_class__", crate::builtins::classes::build_class),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("vars", vars),
        ("callable", callable),
        ("id", id),
        ("hash", hash),
        ("sorted", sorted),
        ("print", print),
        ("input", crate::builtins::io::builtin_input),
        ("open", crate::builtins::io::open),
        ("iter", iter),
        ("next", next),
        ("isinstance", |vm, _, a, k| class_check(vm, a, k, "isinstance")),
        ("issubclass", |vm, _, a, k| class_check(vm, a, k, "issubclass")),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("format", crate::builtins::format::format_builtin),
        ("abs", abs),
        ("min", |vm, f, a, k| min_max(vm, f, a, k, "min", CompareOp::Lt)),
        ("max", |vm, f, a, k| min_max(vm, f, a, k, "max", CompareOp::Gt)),
        ("sum", sum),
        ("ord", ord),
        ("chr", chr),
        ("aiter", crate::builtins::async_iter::aiter),
        ("anext", crate::builtins::async_iter::anext),
        ("breakpoint", breakpoint),
    ];
    for &(name, f) in functions {
        dd.set(vm, new_str(name), new_builtin(name, f))?;
    }
    dd.set(vm, new_str("NotImplemented"), vm.not_implemented())?;
    dd.set(vm, new_str("__name__"), new_str("builtins"))?;
    dd.set(
        vm,
        new_str("__doc__"),
        new_str(
            "The built-in functions, types, exceptions and constants.\n\n\
            Every scope sees these names unless it binds its own: len here is\n\
            the len of any module that does not define one. None, True,\n\
            False, Ellipsis and NotImplemented are among them.",
        ),
    )?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    dd.set(vm, new_str("Ellipsis"), crate::builtins::singletons::ellipsis())?;
    dd.set(vm, new_str("None"), none())?;
    dd.set(vm, new_str("True"), vm.bool(true))?;
    dd.set(vm, new_str("False"), vm.bool(false))?;
    // Krait has no -O yet: assertions always run.
    dd.set(vm, new_str("__debug__"), vm.bool(true))?;
    let types: &[&'static TypeObject] =
        &[&crate::builtins::set::SET_TYPE, &crate::builtins::set::FROZENSET_TYPE, &crate::builtins::iter_adapters::MAP_TYPE, &crate::builtins::iter_adapters::FILTER_TYPE, &crate::builtins::iter::REVERSED_TYPE, &crate::types::OBJECT_TYPE, &crate::builtins::descriptors::SUPER_TYPE, &crate::builtins::descriptors::PROPERTY_TYPE, &crate::builtins::descriptors::CLASSMETHOD_TYPE, &crate::builtins::descriptors::STATICMETHOD_TYPE, &crate::builtins::slice::SLICE_TYPE, &crate::builtins::iter_adapters::ENUMERATE_TYPE, &crate::builtins::iter_adapters::ZIP_TYPE, &crate::types::TYPE_TYPE, &INT_TYPE, &FLOAT_TYPE, &STR_TYPE, &BOOL_TYPE, &RANGE_TYPE, &LIST_TYPE, &TUPLE_TYPE, &crate::builtins::dict::DICT_TYPE, &crate::builtins::bytes::BYTES_TYPE, &crate::builtins::bytes::BYTEARRAY_TYPE, &crate::builtins::complex::COMPLEX_TYPE, &crate::builtins::memoryview::MEMORYVIEW_TYPE];
    for &ty in types {
        dd.set(vm, new_str(ty.name()), type_value(ty))?;
    }
    for ty in exceptions::ALL {
        dd.set(vm, new_str(ty.name()), type_value(ty))?;
    }
    let eg = crate::builtins::exception_group::exception_group_type(vm)?;
    dd.set(vm, new_str("ExceptionGroup"), type_value(eg))?;
    for alias in ["EnvironmentError", "IOError"] {
        dd.set(vm, new_str(alias), type_value(&exceptions::OS_ERROR))?;
    }
    crate::builtins::function::stamp_module(&d, "builtins");
    Ok(d)
}

/// `isinstance(obj, classinfo)` and `issubclass(cls, classinfo)`, where
/// `classinfo` is a type or a (nested) tuple of them, or an object whose
/// type has `__instancecheck__`/`__subclasscheck__` (CPython's
/// `PyObject_IsInstance` and `PyObject_IsSubclass`).
fn class_check(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    let [x, classinfo] = args else {
        return Err(vm.type_error(format!("{name} expected 2 arguments, got {}", args.len())));
    };
    let r = if name == "isinstance" { is_instance(vm, x, classinfo)? } else { is_subclass(vm, x, classinfo)? };
    Ok(vm.bool(r))
}

/// `isinstance(x, cls)`.
pub fn is_instance(vm: &mut Vm, x: &Value, cls: &Value) -> PyResult<bool> {
    use crate::builtins::generic_alias::{as_alias, union_members};
    let ty = vm.type_of_static(x);
    if let Some(members) = union_members(cls) {
        return is_instance(vm, x, &crate::builtins::tuple::new_tuple(members));
    }
    if as_alias(cls).is_some() {
        return Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"));
    }
    if let Some(t) = crate::types::as_type(cls) {
        if std::ptr::eq(ty, t) {
            return Ok(true);
        }
        if std::ptr::eq(t.header_type(), &crate::types::TYPE_TYPE) {
            return Ok(ty.is_subtype(t) || claimed_subclass(vm, x, t)?);
        }
    }
    if let Some(items) = crate::builtins::tuple::as_tuple(cls) {
        for item in items.items.clone() {
            vm.enter_recursion(" in __instancecheck__")?;
            let r = is_instance(vm, x, &item);
            vm.leave_recursion();
            if r? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if vm.type_of(cls).heap.is_some() {
        if let Some(r) = crate::builtins::classes::call_dunder(vm, cls, "__instancecheck__", std::slice::from_ref(x))? {
            return ops::truthy(vm, &r);
        }
    }
    real_is_instance(vm, x, cls)
}

/// `isinstance(x, cls)` without `cls`'s `__instancecheck__`
/// (CPython's `object_isinstance`, `type.__instancecheck__`).
pub fn real_is_instance(vm: &mut Vm, x: &Value, cls: &Value) -> PyResult<bool> {
    let ty = vm.type_of_static(x);
    match crate::types::as_type(cls) {
        Some(t) => Ok(ty.is_subtype(t) || claimed_subclass(vm, x, t)?),
        None => {
            // An "abstract" class: anything with a `__bases__` tuple, and
            // the instance's `__class__` (CPython's `object_isinstance`).
            check_class(vm, cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")?;
            match ops::getattr_opt(vm, x, &crate::builtins::str::intern("__class__"))? {
                Some(icls) => abstract_issubclass(vm, &icls, cls),
                None => Ok(false),
            }
        }
    }
}

/// Whether `x` claims, through a `__class__` that is not its type (a
/// property or class attribute of a class, a proxy's forwarding), a class
/// derived from `t` (CPython's `object_isinstance` second look). Objects
/// of built-in types with the generic attribute look-up cannot claim one,
/// so they are not asked.
#[cold]
#[inline(never)]
fn claimed_subclass(vm: &mut Vm, x: &Value, t: &'static crate::types::TypeObject) -> PyResult<bool> {
    let ty = vm.type_of_static(x);
    if ty.heap.is_none() && ty.getattr.get().is_none() {
        return Ok(false);
    }
    let Some(icls) = ops::getattr_opt(vm, x, &crate::builtins::str::intern("__class__"))? else { return Ok(false) };
    Ok(match crate::types::as_type(&icls) {
        Some(c) if !std::ptr::eq(c, ty) => c.is_subtype(t),
        _ => false,
    })
}

/// `cls.__bases__` when it is a tuple (CPython's `abstract_get_bases`;
/// an AttributeError means none).
#[cold]
#[inline(never)]
fn abstract_bases(vm: &mut Vm, cls: &Value) -> PyResult<Option<Vec<Value>>> {
    let bases = ops::getattr_opt(vm, cls, &crate::builtins::str::intern("__bases__"))?;
    Ok(bases.as_ref().and_then(crate::builtins::tuple::as_tuple).map(|t| t.items.clone()))
}

/// TypeError `msg` unless `cls` has a `__bases__` tuple.
#[cold]
#[inline(never)]
fn check_class(vm: &mut Vm, cls: &Value, msg: &str) -> PyResult<()> {
    match abstract_bases(vm, cls)? {
        Some(_) => Ok(()),
        None => Err(vm.type_error(msg)),
    }
}

/// Whether `cls` is `derived` or among its `__bases__`, transitively
/// (CPython's `abstract_issubclass`: single bases followed in a loop,
/// several through recursion, which the recursion limit bounds).
#[cold]
#[inline(never)]
fn abstract_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    let mut derived = derived.clone();
    let bases = loop {
        if derived.is(cls) {
            return Ok(true);
        }
        match abstract_bases(vm, &derived)? {
            None => return Ok(false),
            Some(b) if b.is_empty() => return Ok(false),
            Some(b) if b.len() == 1 => derived = b[0].clone(),
            Some(b) => break b,
        }
    };
    vm.enter_recursion(" in __issubclass__")?;
    let mut found = Ok(false);
    for base in &bases {
        found = abstract_issubclass(vm, base, cls);
        if !matches!(found, Ok(false)) {
            break;
        }
    }
    vm.leave_recursion();
    found
}

/// `issubclass(derived, cls)`.
pub fn is_subclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    use crate::builtins::generic_alias::{as_alias, union_members};
    if let Some(members) = union_members(cls) {
        return is_subclass(vm, derived, &crate::builtins::tuple::new_tuple(members));
    }
    if as_alias(cls).is_some() {
        return Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"));
    }
    let exact = crate::types::as_type(cls).filter(|t| std::ptr::eq(t.header_type(), &crate::types::TYPE_TYPE));
    if exact.is_none() {
        if let Some(items) = crate::builtins::tuple::as_tuple(cls) {
            for item in items.items.clone() {
                vm.enter_recursion(" in __subclasscheck__")?;
                let r = is_subclass(vm, derived, &item);
                vm.leave_recursion();
                if r? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if vm.type_of(cls).heap.is_some() {
            let found = crate::builtins::classes::call_dunder(vm, cls, "__subclasscheck__", std::slice::from_ref(derived))?;
            if let Some(r) = found {
                return ops::truthy(vm, &r);
            }
        }
    }
    real_is_subclass(vm, derived, cls)
}

/// `issubclass(derived, cls)` without `cls`'s `__subclasscheck__`
/// (CPython's `object_issubclass`, `type.__subclasscheck__`).
pub fn real_is_subclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    if let (Some(d), Some(t)) = (crate::types::as_type(derived), crate::types::as_type(cls)) {
        return Ok(d.is_subtype(t));
    }
    // Abstract classes: anything with a `__bases__` tuple (CPython's
    // `object_issubclass`).
    check_class(vm, derived, "issubclass() arg 1 must be a class")?;
    check_class(vm, cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union")?;
    abstract_issubclass(vm, derived, cls)
}

fn attribute_name(vm: &mut Vm, name: &Value) -> PyResult<()> {
    if crate::builtins::str::as_str_data(name).is_some() {
        Ok(())
    } else {
        let msg = format!("attribute name must be string, not '{}'", vm.type_of(name).name());
        Err(vm.type_error(msg))
    }
}

fn arity(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], min: usize, max: usize) -> PyResult<()> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    let n = args.len();
    if n < min {
        let s = if min == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{name} expected at least {min} argument{s}, got {n}")));
    }
    if n > max {
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{name} expected at most {max} argument{s}, got {n}")));
    }
    Ok(())
}

/// `getattr(object, name[, default])`.
fn getattr(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "getattr", args, kwnames, 2, 3)?;
    attribute_name(vm, &args[1])?;
    if args.len() == 2 {
        return ops::getattr(vm, &args[0], &args[1]);
    }
    match ops::getattr_plain(vm, &args[0], &args[1]) {
        Err(e) if args.len() == 3 && vm.type_of(&e.exception).is_subtype(&exceptions::ATTRIBUTE_ERROR) => {
            Ok(args[2].clone())
        }
        r => r,
    }
}

/// `setattr(object, name, value)`.
fn setattr(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "setattr", args, kwnames, 3, 3)?;
    attribute_name(vm, &args[1])?;
    crate::builtins::classes::setattr(vm, &args[0], &args[1], Some(args[2].clone()))?;
    Ok(vm.none())
}

/// `delattr(object, name)`.
fn delattr(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "delattr", args, kwnames, 2, 2)?;
    attribute_name(vm, &args[1])?;
    crate::builtins::classes::setattr(vm, &args[0], &args[1], None)?;
    Ok(vm.none())
}

/// `hasattr(object, name)`: false when getting it raises AttributeError.
fn hasattr(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "hasattr", args, kwnames, 2, 2)?;
    attribute_name(vm, &args[1])?;
    match ops::getattr_plain(vm, &args[0], &args[1]) {
        Ok(_) => Ok(vm.bool(true)),
        Err(e) if vm.type_of(&e.exception).is_subtype(&exceptions::ATTRIBUTE_ERROR) => Ok(vm.bool(false)),
        Err(e) => Err(e),
    }
}

/// `vars(object)`: its `__dict__`. (`vars()` without an argument is
/// `locals()`.)
fn vars(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "vars", args, kwnames, 0, 1)?;
    let Some(obj) = args.first() else {
        return crate::eval::current_locals(vm);
    };
    match ops::getattr(vm, obj, &new_str("__dict__")) {
        Ok(d) => Ok(d),
        Err(e) if vm.type_of(&e.exception).is_subtype(&exceptions::ATTRIBUTE_ERROR) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

fn exactly_one<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    match args {
        [x] => Ok(x),
        _ => Err(vm.type_error(format!("{name}() takes exactly one argument ({} given)", args.len()))),
    }
}

/// `callable(object)`.
fn callable(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = exactly_one(vm, "callable", args, kwnames)?;
    let yes = ops::is_callable(vm, x);
    Ok(vm.bool(yes))
}

/// `id(object)`: the address for heap objects; immediates get a
/// synthesised id that no heap object can have (an odd number).
fn id(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = exactly_one(vm, "id", args, kwnames)?;
    let id = match x.as_object() {
        Some(p) => p.addr() as u64,
        None => x.bits() | 1,
    };
    Ok(crate::builtins::int::new_big(id.into()))
}

/// `hash(object)`.
fn hash(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = exactly_one(vm, "hash", args, kwnames)?;
    let h = ops::hash(vm, x)?;
    Ok(crate::builtins::int::new_int(h))
}

/// `sorted(iterable, *, key=None, reverse=False)`: a stable merge sort
/// that compares with `<` only, as CPython's does.
pub fn sorted(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {npos}")));
    }
    let items = ops::collect(vm, &args[0])?;
    let list = crate::builtins::list::new_list(items);
    crate::builtins::list::sort(vm, &list, &args[1..], kwnames)?;
    Ok(list)
}

/// An argument converted to a C `int` (Argument Clinic's `int` and
/// `bool(accept={int})` converters).
pub(crate) fn c_int_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let Some(i) = ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    let n = match crate::builtins::int::int_of(&i) {
        Some(crate::builtins::int::Int::Small(n)) => i32::try_from(n).ok(),
        _ => None,
    };
    n.ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}

/// `ord(c)`: the code point of a one-character string.
fn ord(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let c = exactly_one(vm, "ord", args, kwnames)?;
    // A bytes-like object of length 1 gives its byte.
    if let Some(b) = crate::builtins::bytes::as_buffer(c).map(|b| b.to_vec()) {
        return match b[..] {
            [byte] => Ok(new_int(i64::from(byte))),
            _ => Err(vm.type_error(format!("ord() expected a character, but string of length {} found", b.len()))),
        };
    }
    let Some(s) = crate::builtins::str::as_str_data(c) else {
        let msg = format!("ord() expected string of length 1, but {} found", vm.type_of(c).name());
        return Err(vm.type_error(msg));
    };
    let mut points = s.code_points();
    match (points.next(), points.next()) {
        (Some(cp), None) => Ok(new_int(i64::from(cp))),
        _ => {
            let n = s.code_points().count();
            Err(vm.type_error(format!("ord() expected a character, but string of length {n} found")))
        }
    }
}

/// `chr(i)`: the one-character string of code point `i`.
fn chr(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let i = exactly_one(vm, "chr", args, kwnames)?;
    let i = crate::builtins::str_methods::ssize_arg(vm, i)?;
    if !(0..0x110000).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    let mut s = krait_syntax::pystr::PyString::new();
    s.push_code_point(i as u32);
    Ok(crate::builtins::str::new_str_from_pystring(&s))
}

/// `iter(object)` and `iter(callable, sentinel)`.
fn iter(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "iter", kwnames)?;
    match args {
        [x] => ops::iter(vm, x),
        [callable, sentinel] => {
            if !ops::is_callable(vm, callable) {
                return Err(vm.type_error("iter(v, w): v must be callable"));
            }
            Ok(crate::builtins::iter::new_callable_iterator(callable.clone(), sentinel.clone()))
        }
        [] => Err(vm.type_error("iter expected at least 1 argument, got 0")),
        _ => Err(vm.type_error(format!("iter expected at most 2 arguments, got {}", args.len()))),
    }
}

/// `next(iterator[, default])`.
fn next(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "next", kwnames)?;
    let (it, default) = match args {
        [it] => (it, None),
        [it, d] => (it, Some(d)),
        [] => return Err(vm.type_error("next expected at least 1 argument, got 0")),
        _ => return Err(vm.type_error(format!("next expected at most 2 arguments, got {}", args.len()))),
    };
    if vm.type_of(it).next.is_none() {
        let msg = format!("'{}' object is not an iterator", vm.type_of(it).name());
        return Err(vm.type_error(msg));
    }
    let slot = vm.type_of(it).next.get().expect("checked above");
    let r = match slot(vm, it) {
        Err(e) if default.is_some() && vm.type_of(&e.exception).is_subtype(&exceptions::STOP_ITERATION) => Ok(None),
        r => r,
    };
    match (r?, default) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(crate::vm::PyErr {
            exception: exceptions::exception_with_args(&exceptions::STOP_ITERATION, Vec::new()),
        }),
    }
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
fn print(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let (mut sep, mut end) = (" ".to_string(), "\n".to_string());
    let mut flush = false;
    let mut file = None;
    for (name, value) in kwnames.iter().zip(&args[npos..]) {
        let text = |vm: &mut Vm, what: &str| -> PyResult<Option<String>> {
            if is_none(value) {
                return Ok(None);
            }
            match as_str(value) {
                Some(s) => Ok(Some(s.to_string())),
                None => {
                    let msg = format!("{what} must be None or a string, not {}", vm.type_of(value).name());
                    Err(vm.type_error(msg))
                }
            }
        };
        match as_str(name) {
            Some("sep") => sep = text(vm, "sep")?.unwrap_or_else(|| " ".into()),
            Some("end") => end = text(vm, "end")?.unwrap_or_else(|| "\n".into()),
            Some("flush") => flush = ops::truthy(vm, value)?,
            Some("file") if is_none(value) => {}
            Some("file") => file = Some(value.clone()),
            Some(other) => {
                return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for print()")));
            }
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    // The file is looked up at each call: sys.stdout may be replaced.
    let file = match file {
        Some(f) => f,
        None => crate::builtins::sys::stream(vm, "stdout")?,
    };
    // An exact TextIOWrapper takes the whole line at once (the same
    // bytes reach the file as through one `write` per piece).
    if crate::builtins::io::is_text_wrapper(&file) {
        let mut line: Vec<u8> = Vec::with_capacity(64);
        for (i, a) in args[..npos].iter().enumerate() {
            if i > 0 {
                line.extend_from_slice(sep.as_bytes());
            }
            let s = ops::str(vm, a)?;
            line.extend_from_slice(crate::builtins::str::as_str_data(&s).map_or(&[][..], |d| d.bytes()));
        }
        line.extend_from_slice(end.as_bytes());
        if !crate::builtins::io::print_fast(vm, &file, &line, flush)? {
            // Not a native stream after all: one write() of the line.
            let write = ops::getattr(vm, &file, &new_str("write"))?;
            crate::eval::call(vm, &write, &[crate::builtins::io::str_from_wtf8(&line)], &[])?;
            if flush {
                let f = ops::getattr(vm, &file, &new_str("flush"))?;
                crate::eval::call(vm, &f, &[], &[])?;
            }
        }
        return Ok(none());
    }
    // Any other file: its write() for each piece, as CPython's print does.
    let write = ops::getattr(vm, &file, &new_str("write"))?;
    for (i, a) in args[..npos].iter().enumerate() {
        if i > 0 {
            crate::eval::call(vm, &write, &[new_str(&sep)], &[])?;
        }
        let s = ops::str(vm, a)?;
        crate::eval::call(vm, &write, &[s], &[])?;
    }
    crate::eval::call(vm, &write, &[new_str(&end)], &[])?;
    if flush {
        let f = ops::getattr(vm, &file, &new_str("flush"))?;
        crate::eval::call(vm, &f, &[], &[])?;
    }
    Ok(none())
}

/// `len(obj)`.
fn len(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "len", kwnames)?;
    let [obj] = args else {
        return Err(vm.type_error(format!("len() takes exactly one argument ({} given)", args.len())));
    };
    Ok(new_int(ops::len(vm, obj)? as i64))
}

/// `repr(obj)`.
fn repr(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "repr", kwnames)?;
    let [obj] = args else {
        return Err(vm.type_error(format!("repr() takes exactly one argument ({} given)", args.len())));
    };
    ops::repr(vm, obj)
}

/// `ascii(obj)`: `repr(obj)` with non-ASCII code points escaped.
fn ascii(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "ascii", kwnames)?;
    let [obj] = args else {
        return Err(vm.type_error(format!("ascii() takes exactly one argument ({} given)", args.len())));
    };
    let r = ops::repr(vm, obj)?;
    let data = crate::builtins::str::as_str_data(&r).expect("repr is a str");
    // An ASCII repr is the result itself, a str subclass included (as
    // CPython's `PyObject_ASCII`).
    if data.bytes().is_ascii() {
        return Ok(r);
    }
    Ok(crate::builtins::str::ascii_escape(data))
}

/// `round(number, ndigits=None)`: ints and floats rounded half to even,
/// else the type's `__round__`.
pub(crate) fn round(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    use crate::builtins::int::{int_of, new_big};
    let npos = args.len() - kwnames.len();
    let mut slots: [Option<&Value>; 2] = [args[..npos].first(), args[..npos].get(1)];
    if npos > 2 {
        return Err(vm.type_error(format!("round() takes at most 2 arguments ({} given)", args.len())));
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let i = match as_str(k) {
            Some("number") => 0,
            Some("ndigits") => 1,
            _ => {
                let msg = format!("round() got an unexpected keyword argument '{}'", as_str(k).unwrap_or("?"));
                return Err(vm.type_error(msg));
            }
        };
        if slots[i].is_some() {
            let name = ["number", "ndigits"][i];
            return Err(vm.type_error(format!("argument for round() given by name ('{name}') and position ({})", i + 1)));
        }
        slots[i] = Some(v);
    }
    let Some(x) = slots[0] else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let ndigits = slots[1].filter(|n| !is_none(n));
    let ty = vm.type_of_static(x);
    if ty.heap.is_some() {
        let extra: Vec<Value> = ndigits.into_iter().cloned().collect();
        if let Some(r) = crate::builtins::classes::call_dunder(vm, x, "__round__", &extra)? {
            return Ok(r);
        }
    }
    let n = match ndigits {
        None => None,
        Some(n) => match ops::index(vm, n)?.as_ref().and_then(int_of) {
            Some(crate::builtins::int::Int::Small(n)) => Some(n),
            Some(crate::builtins::int::Int::Big(b)) => Some(if *b < dashu_int::IBig::ZERO { i64::MIN } else { i64::MAX }),
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(n).name());
                return Err(vm.type_error(msg));
            }
        },
    };
    if let Some(i) = int_of(x) {
        let i = i.to_ibig();
        return Ok(match n {
            Some(n) if n < 0 => new_big(round_to_multiple(&i, &dashu_int::IBig::ONE, -n)),
            _ => new_big(i),
        });
    }
    if let Some(f) = crate::builtins::float::float_of(x) {
        let Some(n) = n else {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            return Ok(new_big(dashu_int::IBig::try_from(f.round_ties_even()).unwrap_or_default()));
        };
        if !f.is_finite() || f == 0.0 || n > 323 {
            return Ok(Value::float(f));
        }
        if n < -308 {
            return Ok(Value::float(0.0 * f));
        }
        if n >= 0 {
            // Rust's fixed formatting rounds the exact binary value half to
            // even, as dtoa does for CPython.
            let text = format!("{f:.prec$}", prec = n as usize);
            return Ok(Value::float(text.parse::<f64>().unwrap_or(f)));
        }
        // f = m * 2**e exactly: round m * 2**e to a multiple of 10**-n.
        let bits = f.abs().to_bits();
        let (exp, frac) = ((bits >> 52) as i64, bits & ((1 << 52) - 1));
        let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | (1 << 52), exp - 1075) };
        let (num, den) = if e >= 0 {
            (dashu_int::IBig::from(m) << e as usize, dashu_int::IBig::ONE)
        } else {
            (dashu_int::IBig::from(m), dashu_int::IBig::ONE << (-e) as usize)
        };
        let r = round_to_multiple(&num, &den, -n);
        let r = crate::builtins::float::big_to_f64(&r);
        if r.is_infinite() {
            return Err(vm.overflow_error("rounded value too large to represent"));
        }
        return Ok(Value::float(if f < 0.0 { -r } else { r }));
    }
    let msg = format!("type {} doesn't define __round__ method", ty.name());
    Err(vm.type_error(msg))
}

/// `num / den` rounded half to even to a multiple of `10**k` (k > 0).
pub(crate) fn round_to_multiple(num: &dashu_int::IBig, den: &dashu_int::IBig, k: i64) -> dashu_int::IBig {
    use dashu_int::IBig;
    let Ok(k) = usize::try_from(k) else { return IBig::ZERO };
    if k > 400 + dashu_int::ops::BitTest::bit_len(num) / 3 {
        return IBig::ZERO;
    }
    let q = IBig::from(10u8).pow(k) * den;
    let (mut quot, rem) = crate::builtins::int::floor_divmod(num, &q);
    let twice = rem * 2u8;
    if twice > q || (twice == q && (&quot % IBig::from(2u8)) != IBig::ZERO) {
        quot += 1u8;
    }
    quot * IBig::from(10u8).pow(k)
}

/// `abs(x)`.
fn abs(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "abs", kwnames)?;
    let [x] = args else {
        return Err(vm.type_error(format!("abs() takes exactly one argument ({} given)", args.len())));
    };
    ops::absolute(vm, x)
}

/// `min(iterable)`, `min(a, b, ...)` (and `max`), without `key`/`default`.
fn min_max(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value], name: &str, op: CompareOp) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let (mut key, mut default) = (None, None);
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match as_str(k).unwrap_or("") {
            "key" => key = Some(v.clone()).filter(|v| !is_none(v)),
            "default" => default = Some(v.clone()),
            other => return Err(vm.type_error(format!("{name}() got an unexpected keyword argument '{other}'"))),
        }
    }
    let items = match &args[..npos] {
        [] => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        [iterable] => ops::collect(vm, iterable)?,
        several => {
            if default.is_some() {
                let msg = format!("Cannot specify a default for {name}() with multiple positional arguments");
                return Err(vm.type_error(msg));
            }
            several.to_vec()
        }
    };
    let mut it = items.into_iter();
    let Some(mut best) = it.next() else {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        };
    };
    let keyed = |vm: &mut Vm, x: &Value| -> PyResult<Value> {
        match &key {
            Some(f) => crate::eval::call(vm, f, std::slice::from_ref(x), &[]),
            None => Ok(x.clone()),
        }
    };
    let mut best_key = keyed(vm, &best)?;
    for x in it {
        let k = keyed(vm, &x)?;
        let r = ops::richcompare(vm, &k, &best_key, op)?;
        if ops::truthy(vm, &r)? {
            best = x;
            best_key = k;
        }
    }
    Ok(best)
}

fn no_args_builtin(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    if args.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no arguments ({} given)", args.len())))
    }
}

/// `dir([object])`: the sorted names of the current scope, or of an
/// object's attributes (its `__dir__`, else its namespace and its class's).
fn dir(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "dir", args, kwnames, 0, 1)?;
    let names: Vec<Value> = match args.first() {
        // The scope's names: `PyMapping_Keys` of the locals mapping.
        None => {
            let locals = crate::eval::current_locals(vm)?;
            match crate::builtins::dict::as_dict(&locals) {
                Some(d) if std::ptr::eq(vm.type_of(&locals), &crate::builtins::dict::DICT_TYPE) => d.items().into_iter().map(|(k, _)| k).collect(),
                _ => {
                    let keys = ops::getattr(vm, &locals, &new_str("keys"))?;
                    let keys = crate::eval::call(vm, &keys, &[], &[])?;
                    ops::collect(vm, &keys)?
                }
            }
        }
        Some(obj) => return dir_list(vm, obj),
    };
    let list = crate::builtins::list::new_list(Vec::new());
    let sorted_list = sorted(vm, &list, &[crate::builtins::list::new_list(names)], &[])?;
    Ok(sorted_list)
}

/// `dir(obj)` as a sorted list.
fn dir_list(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let names = if let Some(r) = crate::builtins::classes::call_dunder(vm, obj, "__dir__", &[])? {
        ops::collect(vm, &r)?
    } else {
        attribute_names(vm, obj)?
    };
    let list = crate::builtins::list::new_list(Vec::new());
    sorted(vm, &list, &[crate::builtins::list::new_list(names)], &[])
}

/// `dir(obj)`'s names, sorted.
pub(crate) fn dir_of(vm: &mut Vm, obj: &Value) -> PyResult<Vec<Value>> {
    let list = dir_list(vm, obj)?;
    ops::collect(vm, &list)
}

/// `object.__dir__` and `type.__dir__`: the instance namespace, then every
/// name along the class's MRO (or the type's own MRO), without duplicates.
pub(crate) fn attribute_names(vm: &mut Vm, obj: &Value) -> PyResult<Vec<Value>> {
    let mut names: Vec<Value> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut add = |names: &mut Vec<Value>, n: Value| {
        if let Some(s) = as_str(&n) {
            if seen.insert(s.to_string()) {
                names.push(n);
            }
        }
    };
    if let Some(m) = crate::builtins::function::as_module(obj) {
        // A module subclass may replace `__dict__` (CPython's `module_dir`
        // reads the attribute).
        let d = if vm.type_of(obj).heap.is_some() { ops::getattr(vm, obj, &new_str("__dict__"))? } else { m.dict.clone() };
        let Some(d) = crate::builtins::dict::as_dict(&d) else {
            return Err(vm.type_error("<module>.__dict__ is not a dictionary"));
        };
        for (k, _) in d.items() {
            add(&mut names, k);
        }
        return Ok(names);
    }
    // `object.__dir__` (CPython's `_dir_object`): the names in the
    // object's `__dict__` attribute (when it is a dict), then those of its
    // `__class__` attribute and that class's bases; a type lists its own
    // MRO's.
    let is_type = crate::types::as_type(obj).is_some();
    if !is_type {
        let key = crate::builtins::str::intern("__dict__");
        if let Some(d) = ops::getattr_opt(vm, obj, &key)? {
            for (k, _) in crate::builtins::dict::as_dict(&d).map(|d| d.items()).unwrap_or_default() {
                add(&mut names, k);
            }
        }
    }
    let cls = if is_type {
        Some(obj.clone())
    } else {
        ops::getattr_opt(vm, obj, &crate::builtins::str::intern("__class__"))?
    };
    if let Some(ty) = cls.as_ref().and_then(crate::types::as_type) {
        for t in ty.mro() {
            let ns = match t.heap {
                Some(h) => h.dict.clone(),
                None => crate::builtins::slot_wrappers::builtin_dict(t),
            };
            for (k, _) in crate::builtins::dict::as_dict(&ns).map(|d| d.items()).unwrap_or_default() {
                add(&mut names, k);
            }
        }
    }
    Ok(names)
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
/// Is `v` the built-in `__import__` (so IMPORT_NAME may import directly)?
pub(crate) fn is_builtin_import(v: &Value) -> bool {
    crate::builtins::function::as_builtin(v).is_some_and(|b| b.func as usize == dunder_import as crate::types::CallFn as usize)
}

fn dunder_import(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let mut slots: [Option<Value>; 5] = Default::default();
    for (i, a) in args[..npos].iter().enumerate().take(5) {
        slots[i] = Some(a.clone());
    }
    if npos > 5 {
        return Err(vm.type_error(format!("__import__() takes at most 5 arguments ({npos} given)")));
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let key = as_str(k).unwrap_or("");
        let i = match key {
            "name" => 0,
            "globals" => 1,
            "locals" => 2,
            "fromlist" => 3,
            "level" => 4,
            other => return Err(vm.type_error(format!("__import__() got an unexpected keyword argument '{other}'"))),
        };
        if i < npos {
            return Err(vm.type_error(format!("argument for __import__() given by name ('{key}') and position ({})", i + 1)));
        }
        slots[i] = Some(v.clone());
    }
    let Some(name) = slots[0].clone() else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    // CPython's `PyImport_ImportModuleLevelObject` checks the name.
    let Some(name) = as_str(&name).map(str::to_string) else {
        return Err(vm.type_error("module name must be a string"));
    };
    let globals = slots[1].clone().unwrap_or_else(crate::builtins::singletons::none);
    let fromlist = slots[3].clone().unwrap_or_else(crate::builtins::singletons::none);
    let level = slots[4].as_ref().and_then(|l| l.as_small_int()).unwrap_or(0);
    crate::import::import_name(vm, &name, &fromlist, level, &globals)
}

/// `all(iterable)` (`want` true) and `any(iterable)` (`want` false): stop
/// at the first item whose truth is not `want`.
fn all_any(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, want: bool) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    let [iterable] = args else {
        return Err(vm.type_error(format!("{name}() takes exactly one argument ({} given)", args.len())));
    };
    let it = ops::iter(vm, iterable)?;
    while let Some(x) = ops::next(vm, &it)? {
        if ops::truthy(vm, &x)? != want {
            return Ok(vm.bool(!want));
        }
    }
    Ok(vm.bool(want))
}

/// `hex(x)`, `oct(x)`, `bin(x)`: an int in base 16, 8 or 2 with its prefix
/// (the sign before it).
fn radix(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, base: u32, prefix: &str) -> PyResult<Value> {
    let x = exactly_one(vm, name, args, kwnames)?;
    let Some(x) = ops::index(vm, x)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(x).name());
        return Err(vm.type_error(msg));
    };
    let n = crate::builtins::int::int_of(&x).map_or(dashu_int::IBig::ZERO, |i| i.to_ibig());
    let neg = n < dashu_int::IBig::ZERO;
    let mag = dashu_int::UBig::try_from(if neg { -n } else { n }).unwrap_or_default();
    let digits = match base {
        16 => format!("{mag:x}"),
        8 => format!("{mag:o}"),
        _ => format!("{mag:b}"),
    };
    Ok(new_str(&format!("{}{prefix}{digits}", if neg { "-" } else { "" })))
}

/// `pow(base, exp[, mod])`: `base ** exp`, or modular exponentiation of
/// ints (a negative `exp` uses the modular inverse, as since 3.8).
fn pow(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let mut slots: [Option<Value>; 3] = Default::default();
    for (i, a) in args[..npos].iter().enumerate() {
        if i >= 3 {
            return Err(vm.type_error(format!("pow() takes at most 3 arguments ({} given)", args.len())));
        }
        slots[i] = Some(a.clone());
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let i = match as_str(k).unwrap_or("") {
            "base" => 0,
            "exp" => 1,
            "mod" => 2,
            other => return Err(vm.type_error(format!("pow() got an unexpected keyword argument '{other}'"))),
        };
        slots[i] = Some(v.clone());
    }
    let [Some(base), Some(exp), modulus] = slots else {
        let missing = if slots[0].is_none() { "'base' (pos 1)" } else { "'exp' (pos 2)" };
        return Err(vm.type_error(format!("pow() missing required argument {missing}")));
    };
    let modulus = modulus.filter(|m| !is_none(m));
    let Some(m) = modulus else {
        return ops::binary_op(vm, crate::types::BinOp::Power, &base, &exp);
    };
    crate::builtins::slot_wrappers::ternary_op(vm, &base, &exp, &m)
}

/// int's three-argument power (CPython's `long_pow` with a modulus):
/// modular exponentiation when all three are ints, else NotImplemented.
pub(crate) fn modular_pow(vm: &mut Vm, base: &Value, exp: &Value, m: &Value) -> PyResult<Value> {
    use crate::builtins::int::int_of;
    let (Some(b), Some(e), Some(m)) = (int_of(base), int_of(exp), int_of(m)) else {
        return Ok(vm.not_implemented());
    };
    let (b, e, m) = (b.to_ibig(), e.to_ibig(), m.to_ibig());
    if m == dashu_int::IBig::ZERO {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let abs_m = if m < dashu_int::IBig::ZERO { -m.clone() } else { m.clone() };
    let reduce = |x: dashu_int::IBig| {
        let r = x % &abs_m;
        if r < dashu_int::IBig::ZERO { r + &abs_m } else { r }
    };
    let mut base = reduce(b);
    let mut e = e;
    if e < dashu_int::IBig::ZERO {
        // The inverse of base modulo |m|, by the extended Euclidean algorithm.
        let (mut r0, mut r1) = (abs_m.clone(), base.clone());
        let (mut t0, mut t1) = (dashu_int::IBig::ZERO, dashu_int::IBig::ONE);
        while r1 != dashu_int::IBig::ZERO {
            let q = &r0 / &r1;
            let r2 = &r0 - &q * &r1;
            r0 = std::mem::replace(&mut r1, r2);
            let t2 = &t0 - &q * &t1;
            t0 = std::mem::replace(&mut t1, t2);
        }
        if r0 != dashu_int::IBig::ONE {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        base = reduce(t0);
        e = -e;
    }
    let mut result = reduce(dashu_int::IBig::ONE);
    let mut e = dashu_int::UBig::try_from(e).unwrap_or_default();
    while e > dashu_int::UBig::ZERO {
        if (&e & dashu_int::UBig::ONE) == dashu_int::UBig::ONE {
            result = reduce(&result * &base);
        }
        base = reduce(&base * &base);
        e >>= 1;
    }
    // The result takes the modulus's sign.
    if m < dashu_int::IBig::ZERO && result != dashu_int::IBig::ZERO {
        result -= &abs_m;
    }
    Ok(crate::builtins::int::new_big(result))
}

/// `divmod(a, b)`: `(a // b, a % b)` for numbers; a class's `__divmod__`
/// or `__rdivmod__`.
fn divmod(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "divmod", kwnames)?;
    let [a, b] = args else {
        return Err(vm.type_error(format!("divmod expected 2 arguments, got {}", args.len())));
    };
    let r = ops::divmod(vm, a, b)?;
    if !crate::builtins::singletons::is_not_implemented(&r) {
        return Ok(r);
    }
    let msg = format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_of(a).name(),
        vm.type_of(b).name()
    );
    Err(vm.type_error(msg))
}

/// `sum(iterable, start=0)`.
fn sum(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!("sum() takes at most 2 arguments ({} given)", args.len())));
    }
    let npos = args.len() - kwnames.len();
    let mut start = args[..npos].get(1).cloned();
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match as_str(k) {
            Some("start") if start.is_none() => start = Some(v.clone()),
            Some("start") => {
                return Err(vm.type_error("argument for sum() given by name ('start') and position (2)"));
            }
            _ => {
                let msg = format!("sum() got an unexpected keyword argument '{}'", as_str(k).unwrap_or("?"));
                return Err(vm.type_error(msg));
            }
        }
    }
    let (iterable, mut total) = match &args[..npos] {
        [iterable] | [iterable, _] => (iterable, start.unwrap_or_else(|| new_int(0))),
        [] => return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)")),
        _ => return Err(vm.type_error(format!("sum() takes at most 2 arguments ({} given)", args.len()))),
    };
    if crate::builtins::str::as_str_data(&total).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if crate::builtins::bytes::as_bytes(&total).is_some() {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if crate::builtins::bytes::as_bytearray(&total).is_some() {
        return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = ops::iter(vm, iterable)?;
    while let Some(x) = ops::next(vm, &it)? {
        total = ops::binary_op(vm, crate::types::BinOp::Add, &total, &x)?;
    }
    Ok(total)
}

/// `list(iterable=())` / `tuple(iterable=())`.
pub fn sequence_new(vm: &mut Vm, ty: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, ty.name(), kwnames)?;
    let items = match args {
        // `tuple(t)` is `t` itself for an exact tuple.
        [t] if std::ptr::eq(ty, &TUPLE_TYPE) && std::ptr::eq(vm.type_of(t), &TUPLE_TYPE) => return Ok(t.clone()),
        [] => Vec::new(),
        [iterable] => ops::collect(vm, iterable)?,
        _ => return Err(vm.type_error(format!("{} expected at most 1 argument, got {}", ty.name(), args.len()))),
    };
    Ok(if std::ptr::eq(ty, &TUPLE_TYPE) {
        crate::builtins::tuple::new_tuple(items)
    } else {
        crate::builtins::list::new_list(items)
    })
}

/// `float(x=0.0)`: floats, ints and decimal strings (with CPython's
/// spellings of inf and nan).
pub fn float_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "float", kwnames)?;
    let x = match args {
        [] => return Ok(Value::float(0.0)),
        [x] => x,
        _ => return Err(vm.type_error(format!("float expected at most 1 argument, got {}", args.len()))),
    };
    if let Some(f) = x.as_float() {
        return Ok(Value::float(f));
    }
    // PyNumber_Float: a class's __float__ (a float subclass's too), then
    // the value of a float or int, then __index__.
    let ty = vm.type_of_static(x);
    if ty.heap.is_some() {
        if let Some(r) = crate::builtins::classes::call_dunder(vm, x, "__float__", &[])? {
            return match crate::builtins::float::float_of(&r) {
                Some(f) => {
                    if r.as_float().is_none() {
                        let got = vm.type_of(&r).name().to_string();
                        let owner = format!("{}.", ty.name());
                        crate::builtins::warnings::warn_strict_subclass(vm, &owner, "__float__", &got, "float")?;
                    }
                    Ok(Value::float(f))
                }
                None => {
                    let msg = format!("{}.__float__ returned non-float (type {})", ty.name(), vm.type_of(&r).name());
                    Err(vm.type_error(msg))
                }
            };
        }
    }
    if let Some(f) = crate::builtins::float::float_of(x) {
        return Ok(Value::float(f));
    }
    if let Some(i) = int_of(x) {
        return Ok(Value::float(crate::builtins::float::int_to_f64(vm, &i)?));
    }
    // A built-in type's own `nb_float` (a weakref proxy's).
    if let (None, Some(f)) = (ty.heap.as_ref(), ty.number.get().float) {
        return f(vm, x);
    }
    if let Some(i) = ops::index(vm, x)? {
        if let Some(i) = int_of(&i) {
            return Ok(Value::float(crate::builtins::float::int_to_f64(vm, &i)?));
        }
    }
    let parsed = if let Some(s) = crate::builtins::str::as_str_data(x) {
        Some(crate::builtins::float_parse::parse_float_code_points(s.code_points()))
    } else {
        crate::builtins::bytes::as_buffer(x).map(|b| crate::builtins::float_parse::parse_float_ascii(&b))
    };
    if let Some(parsed) = parsed {
        if let Some(f) = parsed {
            return Ok(Value::float(f));
        }
        let r = ops::repr_string(vm, x)?;
        return Err(vm.value_error(format!("could not convert string to float: {r}")));
    }
    let msg = format!("float() argument must be a string or a real number, not '{}'", vm.type_of(x).name());
    Err(vm.type_error(msg))
}

/// `str(object='')`.
pub fn str_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if let ([x], []) = (args, kwnames) {
        return ops::str(vm, x);
    }
    let [object, encoding, errors] =
        crate::builtins::str_methods::bind(vm, "str", ["object", "encoding", "errors"], args, kwnames)?;
    let encoding = crate::builtins::bytes::text_arg(vm, "str", "encoding", encoding)?;
    let errors = crate::builtins::bytes::text_arg(vm, "str", "errors", errors)?;
    match object {
        None => Ok(new_str("")),
        Some(x) if encoding.is_none() && errors.is_none() => ops::str(vm, x),
        Some(x) => crate::builtins::codecs::decode_object(vm, x, encoding.as_deref(), errors.as_deref()),
    }
}

/// `int(x=0)`: ints, bools, floats (truncated) and decimal strings.
pub fn int_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let (x, mut base) = (args[..npos].first(), args[..npos].get(1));
    if npos > 2 {
        return Err(vm.type_error(format!("int() takes at most 2 arguments ({} given)", args.len())));
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match as_str(k) {
            Some("base") if base.is_none() => base = Some(v),
            Some("x") if x.is_none() => return Err(vm.type_error("'x' is an invalid keyword argument for int()")),
            Some(other) => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for int()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    if let Some(b) = base {
        let Some(x) = x else { return Err(vm.type_error("int() missing string argument")) };
        let b = ops::index(vm, b)?.unwrap_or_else(|| b.clone());
        let base = match int_of(&b) {
            Some(crate::builtins::int::Int::Small(b)) if b == 0 || (2..=36).contains(&b) => b as u32,
            Some(_) => return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0")),
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(&b).name());
                return Err(vm.type_error(msg));
            }
        };
        if is_str_with_surrogates(x) {
            return Err(invalid_literal(vm, base, x));
        }
        // With a base, only str, bytes and bytearray are strings.
        let is_bytes = crate::builtins::bytes::as_bytes(x).is_some() || crate::builtins::bytes::as_bytearray(x).is_some();
        let ascii = if is_bytes { ascii_of_buffer(x) } else { None };
        let Some(s) = as_str(x).or(ascii.as_deref()) else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return match parse_int(s, base) {
            Some((v, digits)) => {
                if !parse_base(s, base).is_power_of_two() {
                    crate::builtins::int::check_str_to_int_digits(vm, digits)?;
                }
                Ok(new_big(v))
            }
            None => {
                Err(invalid_literal(vm, base, x))
            }
        };
    }
    let x = match x {
        None => return Ok(new_int(0)),
        Some(x) => x,
    };
    // PyNumber_Long: a class's __int__, then its __index__, then the
    // deprecated __trunc__.
    if vm.type_of(x).heap.is_some() {
        if let Some(r) = crate::builtins::classes::call_dunder(vm, x, "__int__", &[])? {
            return match int_of(&r) {
                Some(i) => {
                    if !std::ptr::eq(vm.type_of(&r), &crate::builtins::int::INT_TYPE) {
                        let got = vm.type_of(&r).name().to_string();
                        crate::builtins::warnings::warn_strict_subclass(vm, "", "__int__", &got, "int")?;
                    }
                    Ok(new_big(i.to_ibig()))
                }
                None => {
                    let msg = format!("__int__ returned non-int (type {})", vm.type_of(&r).name());
                    Err(vm.type_error(msg))
                }
            };
        }
        if int_of(x).is_none() {
            if let Some(i) = ops::index(vm, x)? {
                return Ok(int_of(&i).map_or(i.clone(), |i| new_big(i.to_ibig())));
            }
            if crate::builtins::float::float_of(x).is_none() {
                if let Some(r) = int_from_trunc(vm, x)? {
                    return Ok(r);
                }
            }
        }
    }
    if let Some(i) = int_of(x) {
        return Ok(match i {
            crate::builtins::int::Int::Small(i) => new_int(i),
            crate::builtins::int::Int::Big(b) => new_big(b.clone()),
        });
    }
    if let Some(f) = crate::builtins::float::float_of(x) {
        if f.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(vm.overflow_error("cannot convert float infinity to integer"));
        }
        return Ok(new_big(dashu_int::IBig::try_from(f.trunc()).unwrap_or_default()));
    }
    // A built-in type's own `nb_int` (a weakref proxy's).
    if vm.type_of(x).heap.is_none() {
        if let Some(f) = vm.type_of(x).number.get().int {
            return f(vm, x);
        }
    }
    if is_str_with_surrogates(x) {
        return Err(invalid_literal(vm, 10, x));
    }
    if let Some(s) = as_str(x).map(str::to_string).or_else(|| ascii_of_buffer(x)) {
        if let Some((v, digits)) = parse_decimal(&s) {
            crate::builtins::int::check_str_to_int_digits(vm, digits)?;
            return Ok(v);
        }
        return Err(invalid_literal(vm, 10, x));
    }
    let msg = format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", vm.type_of(x).name());
    Err(vm.type_error(msg))
}

/// `int(x)` through `x.__trunc__()`, deprecated since 3.11 (the tail of
/// CPython's `PyNumber_Long`); None when the class has no `__trunc__`.
fn int_from_trunc(vm: &mut Vm, x: &Value) -> PyResult<Option<Value>> {
    let Some(trunc) = crate::builtins::classes::lookup_special(vm, x, "__trunc__")? else { return Ok(None) };
    let deprecation = &crate::builtins::exceptions::DEPRECATION_WARNING;
    crate::builtins::warnings::warn_native(vm, deprecation, "The delegation of int() to __trunc__ is deprecated.", 1)?;
    let r = crate::eval::call(vm, &trunc, &[], &[])?;
    if let Some(i) = int_of(&r) {
        return Ok(Some(new_big(i.to_ibig())));
    }
    match ops::index(vm, &r)? {
        Some(i) => Ok(Some(int_of(&i).map_or(i.clone(), |i| new_big(i.to_ibig())))),
        None => {
            let msg = format!("__trunc__ returned non-Integral (type {})", vm.type_of(&r).name());
            Err(vm.type_error(msg))
        }
    }
}

/// A `str` holding a lone surrogate, which no number's text contains.
fn is_str_with_surrogates(x: &Value) -> bool {
    as_str(x).is_none() && crate::builtins::str::as_str_data(x).is_some()
}

/// `int()`'s ValueError, with the argument's repr cut to 200 characters
/// (CPython's `%.200R`).
fn invalid_literal(vm: &mut Vm, base: u32, x: &Value) -> crate::vm::PyErr {
    let r = match ops::repr_string(vm, x) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let r: String = r.chars().take(200).collect();
    vm.value_error(format!("invalid literal for int() with base {base}: {r}"))
}

/// The text of a bytes-like `int()`/`float()` argument: its bytes when
/// they are ASCII, else text no number parses (a non-ASCII byte is never
/// part of one).
fn ascii_of_buffer(x: &Value) -> Option<String> {
    let b = crate::builtins::bytes::as_buffer(x)?;
    Some(if b.is_ascii() { String::from_utf8_lossy(&b).into_owned() } else { "\u{0}".to_string() })
}

/// A decimal integer as `int()` reads one: blanks around, an optional
/// sign, digits with single underscores between them.
/// `int(s, base)`'s parse: whitespace, a sign, a prefix matching the base
/// (any of 0x/0o/0b for base 0), digits with single underscores between.
/// With the number of its digits.
fn parse_int(s: &str, base: u32) -> Option<(dashu_int::IBig, usize)> {
    let s = &transform_decimal_and_space(s);
    let t = s.trim();
    let (neg, rest) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = rest.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    let requested = base;
    let (base, digits, had_prefix) = match base {
        0 if prefixed("0x") => (16, &rest[2..], true),
        0 if prefixed("0o") => (8, &rest[2..], true),
        0 if prefixed("0b") => (2, &rest[2..], true),
        0 => (10, rest, false),
        16 if prefixed("0x") => (16, &rest[2..], true),
        8 if prefixed("0o") => (8, &rest[2..], true),
        2 if prefixed("0b") => (2, &rest[2..], true),
        b => (b, rest, false),
    };
    let digits = if had_prefix { digits.strip_prefix('_').unwrap_or(digits) } else { digits };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    // Base 0 rejects a decimal with leading zeros ("010"), as literals do.
    if requested == 0 && !had_prefix && clean.starts_with('0') && clean.chars().any(|c| c != '0') {
        return None;
    }
    let n = dashu_int::IBig::from(dashu_int::UBig::from_str_radix(&clean, base).ok()?);
    Some((if neg { -n } else { n }, clean.len()))
}

/// The base `int(s, base)` reads `s` in (base 0 decided by the prefix).
fn parse_base(s: &str, base: u32) -> u32 {
    if base != 0 {
        return base;
    }
    let t = s.trim().trim_start_matches(['+', '-']).to_ascii_lowercase();
    if t.starts_with("0x") {
        16
    } else if t.starts_with("0o") {
        8
    } else if t.starts_with("0b") {
        2
    } else {
        10
    }
}

/// Unicode decimal digits as ASCII ones and Unicode spaces as ' ' (CPython's
/// `_PyUnicode_TransformDecimalAndSpaceToASCII`, before `int()` parses).
pub(crate) fn transform_decimal_and_space(s: &str) -> String {
    use krait_syntax::unicode::{decimal_value, is_space};
    s.chars()
        .map(|c| {
            let cp = c as u32;
            if c.is_ascii() {
                c
            } else if let Some(d) = decimal_value(cp) {
                char::from(b'0' + d as u8)
            } else if is_space(cp) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// With the number of its digits.
fn parse_decimal(s: &str) -> Option<(Value, usize)> {
    let s = &transform_decimal_and_space(s);
    let t = s.trim();
    let (neg, digits) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: dashu_int::IBig = clean.parse().ok()?;
    Some((new_big(if neg { -n } else { n }), clean.len()))
}

/// `breakpoint(*args, **kws)`: `sys.breakpointhook(*args, **kws)`.
fn breakpoint(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(hook) = vm.sys_attr("breakpointhook") else {
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "lost sys.breakpointhook"));
    };
    crate::eval::call(vm, &hook, args, kwnames)
}
