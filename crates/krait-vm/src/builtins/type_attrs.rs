//! What `type` tells about a type's C-level shape (`__flags__`,
//! `__basicsize__`, `__base__`), and the checks `type(name, bases, dict)`
//! and `cls.__name__ = ...` make on their arguments (CPython's `type_new`
//! and `type_set_name`).
//!
//! Invariants:
//! - `__flags__` holds CPython 3.11's bits for what Krait knows of a type:
//!   heap or immutable, acceptable as a base, collected (holds
//!   references), the fast-subclass bits (`int`, `list`, `tuple`, `bytes`,
//!   `str`, `dict`, `BaseException`, `type`), and the flags Krait keeps
//!   (`SEQUENCE`, `MAPPING`, `MATCH_SELF`, `IS_ABSTRACT`). Other bits are
//!   never set. CPython documents the values as implementation details;
//!   `inspect.isabstract` and `copyreg` read `IS_ABSTRACT` and `HEAPTYPE`.
//! - `__basicsize__` is CPython's on x86-64 for the common built-ins
//!   (16 elsewhere); a class adds 8 per `__slots__` entry and 8 for the
//!   weak-reference list it adds, as CPython's `type_new` does.
//! - `__base__` of a class is CPython's `best_base`: the first base whose
//!   built-in layout is the class's own.

use crate::builtins::classes::heap;
use crate::builtins::exceptions::BASE_EXCEPTION;
use crate::builtins::str::{as_str_data, StrData};
use crate::types::{tp_flags, TypeObject, OBJECT_TYPE, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const IMMUTABLETYPE: u32 = 1 << 8;
const HEAPTYPE: u32 = 1 << 9;
const BASETYPE: u32 = 1 << 10;
const READY: u32 = 1 << 12;
const HAVE_GC: u32 = 1 << 14;
const MANAGED_DICT: u32 = 1 << 4;
const VALID_VERSION_TAG: u32 = 1 << 19;
const METHOD_DESCRIPTOR: u32 = 1 << 17;

/// The first built-in type in `ty`'s MRO (itself included): the one whose
/// instance layout it has.
fn layout_base(ty: &'static TypeObject) -> &'static TypeObject {
    ty.mro().find(|t| t.heap.is_none()).unwrap_or(&OBJECT_TYPE)
}

/// `cls.__base__`: a class's best base (CPython's `best_base`), a
/// built-in type's `tp_base`.
pub fn best_base(ty: &'static TypeObject) -> Option<&'static TypeObject> {
    match heap(ty) {
        Some(h) => Some(best_of(h.bases())),
        None => ty.base,
    }
}

/// Of a class's bases, the first whose built-in layout is the most derived
/// (the others' are its ancestors).
pub fn best_of(bases: &[&'static TypeObject]) -> &'static TypeObject {
    let layouts: Vec<&'static TypeObject> = bases.iter().map(|b| layout_base(b)).collect();
    let best = layouts.iter().position(|l| layouts.iter().all(|o| l.is_subtype(o)));
    bases[best.unwrap_or(0)]
}

/// Does `base` give its instances a `__dict__` and a weak-reference list
/// (CPython's `tp_dictoffset`, `tp_weaklistoffset`)?
pub fn dict_and_weaklist(base: &'static TypeObject) -> (bool, bool) {
    match heap(base) {
        Some(h) => (h.has_dict, h.weakrefable),
        None => (base.is_subtype(&BASE_EXCEPTION) || base.is_subtype(&TYPE_TYPE), has_weaklist(base)),
    }
}

/// The built-in types (by `tp_name`) CPython 3.11 refuses as bases, beside
/// the iterators and the types their own modules list.
const NOT_BASETYPE: &[&str] = &[
    "bool",
    "NoneType",
    "NotImplementedType",
    "ellipsis",
    "function",
    "builtin_function_or_method",
    "code",
    "cell",
    "frame",
    "traceback",
    "range",
    "slice",
    "memoryview",
    "mappingproxy",
    "dict_keys",
    "dict_values",
    "dict_items",
    "method",
    "method_descriptor",
    "classmethod_descriptor",
    "wrapper_descriptor",
    "method-wrapper",
    "getset_descriptor",
    "member_descriptor",
    "generator",
    "coroutine",
    "async_generator",
    "types.UnionType",
    "_thread.lock",
    "itertools._tee_dataobject",
    "_collections._tuplegetter",
];

/// May a class derive from `ty` (CPython's `Py_TPFLAGS_BASETYPE`)? One
/// answer for `__flags__` and for class creation, which refuses the
/// others with "is not an acceptable base type". An acceptable built-in
/// Krait cannot yet extend (no `classes::builtin_base` for it) is refused
/// with NotImplementedError instead.
pub fn acceptable_base(ty: &'static TypeObject) -> bool {
    if heap(ty).is_some()
        || std::ptr::eq(ty, &OBJECT_TYPE)
        || std::ptr::eq(ty, &TYPE_TYPE)
        || ty.is_subtype(&BASE_EXCEPTION)
        || crate::builtins::method_descriptors::subclassable_builtin(ty)
        || crate::builtins::classes::builtin_base(ty).is_some()
    {
        return true;
    }
    let name = ty.name();
    let refused = NOT_BASETYPE.contains(&name)
        || crate::builtins::sre::FINAL_TYPES.contains(&name)
        || crate::builtins::operator::FINAL_TYPES.contains(&name)
        || crate::builtins::functools::FINAL_TYPES.contains(&name)
        || crate::builtins::abc::FINAL_TYPES.contains(&name)
        || crate::builtins::hashes::is_hash_type(ty)
        || crate::builtins::contextvars::is_final_type(ty)
        // Iterators (those that can be derived from have a builtin_base).
        || ty.next.is_some();
    !refused
}

/// `cls.__flags__`.
pub fn flags(ty: &'static TypeObject) -> i64 {
    use crate::builtins::{bytes, dict, int, list, str as str_mod, tuple};
    let kept = ty.flags.get() & (tp_flags::SEQUENCE | tp_flags::MAPPING | tp_flags::MATCH_SELF | tp_flags::IS_ABSTRACT);
    let mut f = kept | READY;
    match heap(ty) {
        Some(h) => {
            f |= HEAPTYPE | BASETYPE | HAVE_GC;
            if h.has_dict && std::ptr::eq(layout_base(ty), &OBJECT_TYPE) {
                f |= MANAGED_DICT;
            }
        }
        None => {
            f |= IMMUTABLETYPE | VALID_VERSION_TAG;
            if acceptable_base(ty) {
                f |= BASETYPE;
            }
            if ty.trace as usize != crate::types::trace_nothing as *const () as usize {
                f |= HAVE_GC;
            }
        }
    }
    if matches!(ty.name(), "function" | "method_descriptor") && heap(ty).is_none() {
        f |= METHOD_DESCRIPTOR;
    }
    let subclass_bits: [(&TypeObject, u32); 8] = [
        (&int::INT_TYPE, 1 << 24),
        (&list::LIST_TYPE, 1 << 25),
        (&tuple::TUPLE_TYPE, 1 << 26),
        (&bytes::BYTES_TYPE, 1 << 27),
        (&str_mod::STR_TYPE, 1 << 28),
        (&dict::DICT_TYPE, 1 << 29),
        (&BASE_EXCEPTION, 1 << 30),
        (&TYPE_TYPE, 1 << 31),
    ];
    for (base, bit) in subclass_bits {
        if ty.is_subtype(base) {
            f |= bit;
        }
    }
    i64::from(f)
}

/// `cls.__basicsize__`.
pub fn basicsize(ty: &'static TypeObject) -> i64 {
    let Some(h) = heap(ty) else { return builtin_basicsize(ty) };
    let base = best_base(ty).unwrap_or(&OBJECT_TYPE);
    let base_slots = heap(base).map_or(0, |b| b.nslots);
    let base_weakref = dict_and_weaklist(base).1;
    let adds_weakref = h.weakrefable && !base_weakref;
    basicsize(base) + 8 * (h.nslots.saturating_sub(base_slots) as i64) + if adds_weakref { 8 } else { 0 }
}

/// Do a built-in type's instances keep weak references in their own
/// field (CPython's `tp_weaklistoffset`)?
fn has_weaklist(ty: &'static TypeObject) -> bool {
    ty.is_subtype(&TYPE_TYPE) || crate::builtins::classes::type_lookup(ty, &crate::builtins::str::intern("__weakref__")).is_some()
}

fn builtin_basicsize(ty: &'static TypeObject) -> i64 {
    if ty.is_subtype(&BASE_EXCEPTION) {
        return 72;
    }
    match ty.name() {
        "int" | "float" | "tuple" => 24,
        "bool" | "complex" | "classmethod" | "staticmethod" => 32,
        "str" => 80,
        "bytes" => 33,
        "bytearray" => 56,
        "list" | "slice" | "super" => 40,
        "dict" | "range" => 48,
        "set" | "frozenset" => 200,
        "type" => 904,
        "memoryview" => 144,
        "property" => 64,
        _ => 16,
    }
}

/// The text of a class name or doc as `type_new` reads it
/// (`PyUnicode_AsUTF8`): a string with a lone surrogate is a
/// UnicodeEncodeError.
pub fn utf8_text<'a>(vm: &mut Vm, d: &'a StrData) -> PyResult<&'a str> {
    match std::str::from_utf8(d.bytes()) {
        Ok(s) => Ok(s),
        Err(_) => {
            crate::builtins::codecs::unicode::encode_utf8(vm, d, "strict")?;
            Err(vm.error(&crate::builtins::exceptions::UNICODE_ENCODE_ERROR, "surrogates not allowed"))
        }
    }
}

/// A class name given to `type()` or assigned to `__name__`: UTF-8
/// without NUL characters.
pub fn check_type_name(vm: &mut Vm, name: &StrData) -> PyResult<String> {
    let text = utf8_text(vm, name)?;
    if text.contains('\0') {
        return Err(vm.value_error("type name must not contain null characters"));
    }
    Ok(text.to_string())
}

/// `type(name, bases, dict)`'s `__doc__`: a str must be UTF-8.
pub fn check_doc(vm: &mut Vm, doc: &Value) -> PyResult<()> {
    if let Some(d) = as_str_data(doc) {
        utf8_text(vm, d)?;
    }
    Ok(())
}

/// The checks `type_new` makes on `__slots__` items before laying them out
/// (`type_new_visit_slots`), against the class's best base.
pub fn check_slots(vm: &mut Vm, items: &[Value], bases: &[&'static TypeObject]) -> PyResult<()> {
    let base = best_of(bases);
    let (base_has_dict, base_weakref) = dict_and_weaklist(base);
    let item_sized = ["int", "bytes", "tuple"].iter().any(|n| {
        let solid = layout_base(base);
        solid.mro().any(|t| t.name() == *n)
    }) || base.is_subtype(&TYPE_TYPE);
    if !items.is_empty() && item_sized {
        return Err(vm.type_error(format!("nonempty __slots__ not supported for subtype of '{}'", base.name())));
    }
    let (mut dict_seen, mut weakref_seen) = (false, false);
    for item in items {
        let Some(d) = as_str_data(item) else {
            let msg = format!("__slots__ items must be strings, not '{}'", vm.type_of(item).name());
            return Err(vm.type_error(msg));
        };
        let mut cps = d.code_points().map(char::from_u32);
        let first_ok = cps.next().flatten().is_some_and(krait_syntax::unicode::is_id_start);
        if !first_ok || !cps.all(|c| c.is_some_and(krait_syntax::unicode::is_id_continue)) {
            return Err(vm.type_error("__slots__ must be identifiers"));
        }
        match d.bytes() {
            b"__dict__" => {
                if base_has_dict || dict_seen {
                    return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
                }
                dict_seen = true;
            }
            b"__weakref__" => {
                if base_weakref || item_sized || weakref_seen {
                    return Err(vm.type_error("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0"));
                }
                weakref_seen = true;
            }
            _ => {}
        }
    }
    Ok(())
}

// ----- type's own descriptors ----------------------------------------------

/// `cls.NAME` as `type`'s descriptor for NAME answers it.
fn special(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Value> {
    let ty = crate::types::as_type(v).expect("a type's descriptor on a type");
    match crate::builtins::classes::type_special(vm, ty, name)? {
        Some(x) => Ok(x),
        None => {
            let msg = format!("type object '{}' has no attribute '{}'", ty.name(), name);
            Err(vm.error(&crate::builtins::exceptions::ATTRIBUTE_ERROR, msg))
        }
    }
}

/// `type`'s getset and member descriptors, as CPython's `type_getsets`
/// and `type_members`: `type.__dict__['__name__'].__get__(int)` and
/// `object.__getattribute__(int, '__bases__')` work through them, while
/// `type.__getattribute__` answers the same names directly.
macro_rules! type_getsets {
    ($( $name:literal => $set:expr, $member:expr; )*) => {
        pub static TYPE_GETSETS: &[crate::types::GetSetDef] = &[$(
            crate::types::GetSetDef {
                name: $name,
                get: |vm, v| special(vm, v, $name),
                set: $set,
                member: $member,
            },
        )*];
    };
}

/// Assignment and deletion as `type.__setattr__` does them.
macro_rules! setter {
    ($name:literal) => {
        Some(|vm, v, value| crate::builtins::classes::type_setattr(vm, v, &crate::builtins::str::intern($name), value))
    };
}

type_getsets! {
    "__basicsize__" => None, true;
    "__itemsize__" => None, true;
    "__flags__" => None, true;
    "__base__" => None, true;
    "__mro__" => None, true;
    "__name__" => setter!("__name__"), false;
    "__qualname__" => setter!("__qualname__"), false;
    "__bases__" => setter!("__bases__"), false;
    "__module__" => setter!("__module__"), false;
    "__dict__" => None, false;
    "__doc__" => setter!("__doc__"), false;
    "__text_signature__" => None, false;
    "__annotations__" => setter!("__annotations__"), false;
}
