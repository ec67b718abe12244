//! The methods of `object` that are not slots (CPython's `object_methods`
//! in `Objects/typeobject.c`): `__reduce_ex__`, `__reduce__`,
//! `__getstate__` (the pickling protocol `copy` relies on), `__dir__`,
//! `__format__`, `__sizeof__` (in `sizeof`), the class methods
//! `__init_subclass__` and `__subclasshook__`, and the `__class__`
//! attribute.
//!
//! Invariants:
//! - `__reduce_ex__(protocol)` calls a class's own `__reduce__` when it
//!   overrides object's; otherwise protocol 2 and later give CPython's
//!   `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`
//!   and earlier protocols `copyreg._reduce_ex(self, protocol)`.
//! - The state is the instance's `__dict__` (None when empty), paired
//!   with a dict of its `__slots__` values when it has any, as
//!   `object.__getstate__` gives it. An object whose built-in payload
//!   holds more than that cannot be pickled this way: CPython's
//!   "cannot pickle 'X' object".

use crate::builtins::classes;
use crate::builtins::dict::{as_dict, new_dict, DICT_TYPE};
use crate::builtins::function::no_keywords;
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::list::LIST_TYPE;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::intern;
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::ops;
use crate::types::{type_value, GetSetDef, MethodDef, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static OBJECT_METHODS: [MethodDef; 6] = [
    MethodDef { name: "__reduce_ex__", func: reduce_ex },
    MethodDef { name: "__reduce__", func: reduce },
    MethodDef { name: "__getstate__", func: getstate },
    MethodDef { name: "__format__", func: crate::builtins::format::object_format_method },
    MethodDef { name: "__sizeof__", func: crate::builtins::sizeof::object_sizeof },
    MethodDef { name: "__dir__", func: dir },
];

pub static OBJECT_CLASS_METHODS: [MethodDef; 2] = [
    MethodDef { name: "__init_subclass__", func: init_subclass },
    MethodDef { name: "__subclasshook__", func: subclasshook },
];

pub static OBJECT_GETSETS: [GetSetDef; 1] =
    [GetSetDef { name: "__class__", get: |vm, v| Ok(type_value(vm.type_of_static(v))), set: Some(set_class), member: false }];

/// `obj.__class__ = cls`.
fn set_class(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(v) => crate::builtins::classes::set_instance_class(vm, obj, &v),
        None => Err(vm.type_error("can't delete __class__ attribute")),
    }
}

/// `object.__subclasshook__(*args)`: NotImplemented, so `issubclass`
/// falls back to the usual algorithm (what an ABC's hook answers when it
/// does not decide).
fn subclasshook(vm: &mut Vm, _: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

/// `object.__init_subclass__()`: does nothing, and takes no keyword
/// arguments (a class statement's keywords must be consumed by then).
fn init_subclass(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        let name = crate::types::as_type(cls).map_or("?", |t| t.name());
        return Err(vm.type_error(format!("{name}.__init_subclass__() takes no keyword arguments")));
    }
    if !args.is_empty() {
        let name = crate::types::as_type(cls).map_or("?", |t| t.name());
        return Err(vm.type_error(format!("{name}.__init_subclass__() takes no arguments ({} given)", args.len())));
    }
    Ok(none())
}

fn no_arguments(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    no_keywords(vm, name, kwnames)?;
    if args.is_empty() {
        return Ok(());
    }
    Err(vm.type_error(format!("{name}() takes no arguments ({} given)", args.len())))
}

/// `object.__dir__()`: the instance's attributes and its class's.
fn dir(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_arguments(vm, "object.__dir__", args, kwnames)?;
    let names = crate::builtins::functions::attribute_names(vm, this)?;
    Ok(crate::builtins::list::new_list(names))
}

/// `object.__reduce_ex__(protocol)`.
fn reduce_ex(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "object.__reduce_ex__", kwnames)?;
    let [protocol] = args else {
        let msg = format!("object.__reduce_ex__() takes exactly one argument ({} given)", args.len());
        return Err(vm.type_error(msg));
    };
    let protocol = match ops::index(vm, protocol)?.as_ref().and_then(int_of) {
        Some(Int::Small(p)) => p,
        Some(Int::Big(_)) => i64::MAX,
        None => {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(protocol).name());
            return Err(vm.type_error(msg));
        }
    };
    // A class's own `__reduce__` wins (CPython compares the type's
    // attribute with object's).
    let ty = vm.type_of_static(this);
    let key = intern("__reduce__");
    let own = classes::type_lookup(ty, &key);
    let objects = classes::type_lookup(&OBJECT_TYPE, &key);
    if let (Some(own), Some(objects)) = (own, objects) {
        if !own.is(&objects) {
            let bound = ops::getattr(vm, this, &key)?;
            return crate::eval::call(vm, &bound, &[], &[]);
        }
    }
    common_reduce(vm, this, protocol)
}

/// `object.__reduce__()`: protocol 0's reduction.
fn reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_arguments(vm, "object.__reduce__", args, kwnames)?;
    common_reduce(vm, this, 0)
}

/// CPython's `_common_reduce`.
fn common_reduce(vm: &mut Vm, this: &Value, protocol: i64) -> PyResult<Value> {
    let copyreg = crate::import::import_module(vm, "copyreg")?;
    if protocol >= 2 {
        return reduce_newobj(vm, this, &copyreg);
    }
    let f = ops::getattr(vm, &copyreg, &intern("_reduce_ex"))?;
    crate::eval::call(vm, &f, &[this.clone(), new_int(protocol)], &[])
}

/// `obj.name()` when `obj` has the attribute; `None` when it has not.
fn call_if_present(vm: &mut Vm, obj: &Value, name: &'static str) -> PyResult<Option<Value>> {
    let Some(f) = classes::lookup_special(vm, obj, name)? else { return Ok(None) };
    crate::eval::call(vm, &f, &[], &[]).map(Some)
}

/// The arguments `__new__` needs to remake `obj`: its
/// `__getnewargs_ex__()` or `__getnewargs__()` (CPython's
/// `_PyObject_GetNewArguments`); `None` when it has neither.
fn new_arguments(vm: &mut Vm, obj: &Value) -> PyResult<Option<(Value, Value)>> {
    if let Some(r) = call_if_present(vm, obj, "__getnewargs_ex__")? {
        let Some(pair) = as_tuple(&r).map(|t| t.items.clone()) else {
            let msg = format!("__getnewargs_ex__ should return a tuple, not '{}'", vm.type_of(&r).name());
            return Err(vm.type_error(msg));
        };
        let [args, kwargs] = &pair[..] else {
            let msg = format!("__getnewargs_ex__ should return a tuple of length 2, not {}", pair.len());
            return Err(vm.value_error(msg));
        };
        if as_tuple(args).is_none() {
            let msg = format!("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'", vm.type_of(args).name());
            return Err(vm.type_error(msg));
        }
        if as_dict(kwargs).is_none() {
            let msg = format!("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'", vm.type_of(kwargs).name());
            return Err(vm.type_error(msg));
        }
        return Ok(Some((args.clone(), kwargs.clone())));
    }
    if let Some(r) = call_if_present(vm, obj, "__getnewargs__")? {
        if as_tuple(&r).is_none() {
            let msg = format!("__getnewargs__ should return a tuple, not '{}'", vm.type_of(&r).name());
            return Err(vm.type_error(msg));
        }
        return Ok(Some((r, none())));
    }
    Ok(None)
}

/// CPython's `reduce_newobj`.
fn reduce_newobj(vm: &mut Vm, obj: &Value, copyreg: &Value) -> PyResult<Value> {
    let ty = vm.type_of_static(obj);
    if ty.new.is_none() {
        return Err(vm.type_error(format!("cannot pickle '{}' object", ty.name())));
    }
    let new_args = new_arguments(vm, obj)?;
    let has_args = new_args.is_some();
    let (args, kwargs) = new_args.unwrap_or_else(|| (new_tuple(Vec::new()), none()));
    let no_kwargs = is_none(&kwargs) || as_dict(&kwargs).is_some_and(|d| d.is_empty());
    let cls = type_value(ty);
    let (newobj, newargs) = if no_kwargs {
        let mut items = vec![cls];
        items.extend(as_tuple(&args).map(|t| t.items.clone()).unwrap_or_default());
        (ops::getattr(vm, copyreg, &intern("__newobj__"))?, new_tuple(items))
    } else {
        (ops::getattr(vm, copyreg, &intern("__newobj_ex__"))?, new_tuple(vec![cls, args, kwargs]))
    };
    let is_list = ty.is_subtype(&LIST_TYPE);
    let is_dict = ty.is_subtype(&DICT_TYPE);
    let state = object_state(vm, obj, !(has_args || is_list || is_dict))?;
    let list_items = if is_list { ops::iter(vm, obj)? } else { none() };
    let dict_items = if is_dict {
        let items = ops::getattr(vm, obj, &intern("items"))?;
        let items = crate::eval::call(vm, &items, &[], &[])?;
        ops::iter(vm, &items)?
    } else {
        none()
    };
    Ok(new_tuple(vec![newobj, newargs, state, list_items, dict_items]))
}

/// `obj.__getstate__()`, or object's default without the call (CPython's
/// `object_getstate`).
pub(crate) fn object_state(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let ty = vm.type_of_static(obj);
    let getstate = classes::type_lookup(ty, &intern("__getstate__"));
    let default = classes::type_lookup(&OBJECT_TYPE, &intern("__getstate__"));
    let overridden = matches!((&getstate, &default), (Some(g), Some(d)) if !g.is(d)) || classes::instance_has(obj, &intern("__getstate__"));
    if overridden {
        let f = ops::getattr(vm, obj, &intern("__getstate__"))?;
        return crate::eval::call(vm, &f, &[], &[]);
    }
    default_state(vm, obj, required)
}

/// `object.__getstate__()`.
fn getstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_arguments(vm, "object.__getstate__", args, kwnames)?;
    default_state(vm, this, false)
}

/// Does `ty`'s payload hold more than `object`'s plus what a class adds
/// (CPython compares `tp_basicsize` with what a `__dict__`, a weak
/// reference list and the `__slots__` account for)?
fn has_builtin_payload(ty: &'static TypeObject) -> bool {
    let solid = ty.mro().find(|t| t.heap.is_none()).unwrap_or(ty);
    !std::ptr::eq(solid, &OBJECT_TYPE)
}

/// CPython's `object_getstate_default`.
fn default_state(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let ty = vm.type_of_static(obj);
    if required && has_builtin_payload(ty) {
        return Err(vm.type_error(format!("cannot pickle '{}' object", ty.name())));
    }
    let mut state = none();
    if let Some(d) = classes::instance_dict(vm, obj)? {
        if as_dict(&d).is_some_and(|d| !d.is_empty()) {
            state = d;
        }
    }
    let copyreg = crate::import::import_module(vm, "copyreg")?;
    let slotnames = ops::getattr(vm, &copyreg, &intern("_slotnames"))?;
    let names = crate::eval::call(vm, &slotnames, &[type_value(ty)], &[])?;
    let names = if is_none(&names) { Vec::new() } else { ops::collect(vm, &names)? };
    if names.is_empty() {
        return Ok(state);
    }
    let slots = new_dict();
    let sd = as_dict(&slots).expect("a new dict");
    for name in names {
        match ops::getattr(vm, obj, &name) {
            Ok(v) => sd.set(vm, name, v)?,
            Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::ATTRIBUTE_ERROR) => {}
            Err(e) => return Err(e),
        }
    }
    if sd.is_empty() {
        return Ok(state);
    }
    Ok(new_tuple(vec![state, slots]))
}
