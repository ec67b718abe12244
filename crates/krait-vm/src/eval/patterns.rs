//! What the `match` statement's instructions do (CPython 3.11's `GET_LEN`,
//! `MATCH_MAPPING`, `MATCH_SEQUENCE`, `MATCH_KEYS` and `MATCH_CLASS`, with
//! `match_keys` and `match_class` from ceval.c), and the type flags they
//! read.
//!
//! Invariants:
//! - Whether a subject is a sequence or a mapping is its type's
//!   `tp_flags::SEQUENCE` / `MAPPING` bit, never a look-up: built-in types
//!   carry theirs statically (str, bytes-like and sets are not sequences);
//!   a class gets its base's (CPython's `tp_base`) when it is made, or the
//!   ones `__abc_tpflags__` in its namespace asks for (what ABCMeta's
//!   `_abc_init` does for `collections.abc.Sequence` and `Mapping`).
//! - A class pattern reads attributes with `getattr`; an AttributeError
//!   means "no match", any other error propagates. A mapping pattern reads
//!   values with the subject's `get(key, sentinel)`, so `__missing__` and
//!   `__getitem__` are never called.

use crate::builtins::dict::{as_dict, DictData, DICT_TYPE};
use crate::builtins::exceptions::ATTRIBUTE_ERROR;
use crate::builtins::int::new_int;
use crate::builtins::str::{intern, STR_TYPE};
use crate::builtins::tuple::{as_tuple, new_tuple, TUPLE_TYPE};
use crate::ops;
use crate::types::{as_type, tp_flags, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The flags of a class made with `bases` (`solid`, the built-in type that
/// fixes its layout) and namespace `dict`: `MATCH_SELF` of its `tp_base`
/// (CPython's `inherit_special`), and the collection flags an
/// `__abc_tpflags__` entry asks for, which is removed from the namespace
/// (`_abc._abc_init`). Without one, `new_class_checked` takes them from
/// the MRO (`inherit_patma_flags`).
pub(crate) fn class_flags(
    vm: &mut Vm,
    bases: &[&'static TypeObject],
    solid: &'static TypeObject,
    dict: &DictData,
) -> PyResult<u32> {
    const COLLECTION: u32 = tp_flags::SEQUENCE | tp_flags::MAPPING;
    // CPython's best_base: the first base whose solid base is the class's.
    let solid_of = |b: &'static TypeObject| b.mro().find(|t| t.heap.is_none()).unwrap_or(&OBJECT_TYPE);
    let base = bases.iter().copied().find(|b| std::ptr::eq(solid_of(b), solid)).or(bases.first().copied());
    // The collection flags come from the MRO later (`inherit_patma_flags`).
    let mut flags = base.map_or(0, |b| b.flags.get() & tp_flags::MATCH_SELF);
    let key = intern("__abc_tpflags__");
    if let Some(v) = dict.get_str(&key) {
        if std::ptr::eq(vm.type_of(&v), &crate::builtins::int::INT_TYPE) {
            if let Some(crate::builtins::int::Int::Small(val)) = crate::builtins::int::int_of(&v) {
                let val = val as u32 & COLLECTION;
                if val == COLLECTION {
                    let msg = "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING";
                    return Err(vm.type_error(msg));
                }
                // `_abc_init` replaces the inherited collection flags.
                flags = (flags & !COLLECTION) | val;
            }
        }
        dict.remove(vm, &key)?;
    }
    Ok(flags)
}

/// Does the subject's type have `flag` (`MATCH_SEQUENCE`, `MATCH_MAPPING`)?
pub(crate) fn has_flag(vm: &Vm, subject: &Value, flag: u32) -> bool {
    vm.type_of(subject).flags.get() & flag != 0
}

/// `len(subject)` for `GET_LEN` (CPython's `PyObject_Length`).
pub(crate) fn get_len(vm: &mut Vm, subject: &Value) -> PyResult<Value> {
    match vm.type_of(subject).len.get() {
        Some(len) => Ok(new_int(len(vm, subject)? as i64)),
        None => {
            let msg = format!("object of type '{}' has no len()", vm.type_of(subject).name());
            Err(vm.type_error(msg))
        }
    }
}

fn is_attribute_error(vm: &Vm, e: &PyErr) -> bool {
    vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR)
}

/// The values of `keys` (a tuple) in mapping `subject`, as a tuple, or
/// None if one is missing (CPython's `match_keys`). Keys that are equal
/// are a ValueError.
pub(crate) fn match_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = as_tuple(keys).map(|t| t.items.clone()).unwrap_or_default();
    if keys.is_empty() {
        return Ok(new_tuple(Vec::new()));
    }
    // An exact dict's `get` is a plain look-up; anything else's `get` is
    // called with a sentinel default (`__missing__` is never involved).
    let exact_dict = std::ptr::eq(vm.type_of(subject), &DICT_TYPE);
    let get = if exact_dict {
        None
    } else {
        let get = ops::getattr(vm, subject, &intern("get"))?;
        let dummy = crate::builtins::method_descriptors::object_new(vm, &OBJECT_TYPE, &[], &[])?;
        Some((get, dummy))
    };
    let seen = crate::builtins::set::new_set();
    let seen_set = crate::builtins::set::as_set(&seen).expect("a set");
    let mut values = Vec::with_capacity(keys.len());
    for key in keys {
        if seen_set.contains(vm, &key)? {
            let r = ops::repr_string(vm, &key)?;
            return Err(vm.value_error(format!("mapping pattern checks duplicate key ({r})")));
        }
        seen_set.add(vm, key.clone())?;
        let value = match &get {
            None => as_dict(subject).expect("an exact dict").get(vm, &key)?,
            Some((get, dummy)) => {
                let v = crate::eval::call(vm, get, &[key, dummy.clone()], &[])?;
                (!v.is(dummy)).then_some(v)
            }
        };
        match value {
            Some(v) => values.push(v),
            None => return Ok(vm.none()),
        }
    }
    Ok(new_tuple(values))
}

/// The attributes a class pattern `cls(<nargs positional>, **names)`
/// reads from `subject`, as a tuple, or None when `subject` is not an
/// instance of `cls` or lacks one of them (CPython's `match_class`).
pub(crate) fn match_class(vm: &mut Vm, subject: &Value, cls: &Value, nargs: usize, names: &Value) -> PyResult<Value> {
    let Some(ty) = as_type(cls) else {
        return Err(vm.type_error("called match pattern must be a type"));
    };
    // isinstance(), __instancecheck__ included.
    if !crate::builtins::functions::is_instance(vm, subject, cls)? {
        return Ok(vm.none());
    }
    let mut seen: Vec<Value> = Vec::new();
    let mut attrs = Vec::new();
    if nargs > 0 {
        let mut match_self = false;
        let match_args = match ops::getattr(vm, cls, &intern("__match_args__")) {
            Ok(m) => {
                if !std::ptr::eq(vm.type_of(&m), &TUPLE_TYPE) {
                    let msg = format!("{}.__match_args__ must be a tuple (got {})", ty.name(), vm.type_of(&m).name());
                    return Err(vm.type_error(msg));
                }
                as_tuple(&m).expect("a tuple").items.clone()
            }
            // MATCH_SELF counts only when the class has no __match_args__.
            Err(e) if is_attribute_error(vm, &e) => {
                match_self = ty.flags.get() & tp_flags::MATCH_SELF != 0;
                Vec::new()
            }
            Err(e) => return Err(e),
        };
        let allowed = if match_self { 1 } else { match_args.len() };
        if allowed < nargs {
            let plural = if allowed == 1 { "" } else { "s" };
            let msg = format!("{}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)", ty.name());
            return Err(vm.type_error(msg));
        }
        if match_self {
            attrs.push(subject.clone());
        } else {
            for name in &match_args[..nargs] {
                if !std::ptr::eq(vm.type_of(name), &STR_TYPE) {
                    let msg = format!("__match_args__ elements must be strings (got {})", vm.type_of(name).name());
                    return Err(vm.type_error(msg));
                }
                match match_class_attr(vm, subject, ty, name, &mut seen)? {
                    Some(a) => attrs.push(a),
                    None => return Ok(vm.none()),
                }
            }
        }
    }
    let names = as_tuple(names).map(|t| t.items.clone()).unwrap_or_default();
    for name in &names {
        match match_class_attr(vm, subject, ty, name, &mut seen)? {
            Some(a) => attrs.push(a),
            None => return Ok(vm.none()),
        }
    }
    Ok(new_tuple(attrs))
}

/// `getattr(subject, name)`, None if it raises AttributeError; a name
/// already used by this pattern is a TypeError (CPython's
/// `match_class_attr`).
fn match_class_attr(
    vm: &mut Vm,
    subject: &Value,
    ty: &TypeObject,
    name: &Value,
    seen: &mut Vec<Value>,
) -> PyResult<Option<Value>> {
    fn text(v: &Value) -> Option<&[u8]> {
        crate::builtins::str::as_str_data(v).map(|d| d.bytes())
    }
    let wanted = text(name);
    if seen.iter().any(|s| s.is(name) || text(s) == wanted) {
        let r = ops::repr_string(vm, name)?;
        return Err(vm.type_error(format!("{}() got multiple sub-patterns for attribute {r}", ty.name())));
    }
    seen.push(name.clone());
    match ops::getattr(vm, subject, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if is_attribute_error(vm, &e) => Ok(None),
        Err(e) => Err(e),
    }
}
