//! Docstrings and text signatures of built-in functions and of the methods
//! of the built-in types (`len.__doc__`, `str.split.__text_signature__`,
//! `help(dict.get)`, `inspect.signature(sorted)`).
//!
//! Invariants:
//! - One table per owner (a type, or a native module), keyed by name, gives
//!   a `&'static str` written as CPython stores `ml_doc`: either
//!   `name(signature)\n--\n\nprose`, whose `(signature)` is the
//!   `__text_signature__` and whose prose alone is the `__doc__`
//!   (`type_docs::split_doc`), or call-signature lines
//!   (`S.count(sub[, start[, end]]) -> int`) followed by prose, with no text
//!   signature.
//! - Signatures are API: they read exactly as CPython 3.11's
//!   (`scripts/builtin_signatures.py --krait` compares them). The prose is
//!   Krait's own, short and accurate.
//! - Nothing is stored on the function objects: the `__doc__` and
//!   `__text_signature__` getters of `builtin_function_or_method`,
//!   `method_descriptor`, `wrapper_descriptor` and `method-wrapper` look
//!   their entry up here when asked, so no hot path pays for docs.
//! - A type's table is consulted for built-in types only (a class named
//!   `str` is not `str`); a method is looked for along the owner's MRO,
//!   then, for the special methods, in the per-slot table every type
//!   shares (`slots`). An empty entry, or one with a signature and no
//!   prose, stops that walk and gives `__doc__` None, as CPython's
//!   `range.__reduce__` or `int.__getnewargs__` have.

mod builtins_fns;
mod bytes;
mod containers;
mod exceptions;
mod math;
mod modules;
mod numbers;
mod objects;
mod operator;
mod posix;
mod slots;
mod str;
mod sys;
mod time_gc;

use crate::builtins::singletons::none;
use crate::builtins::str::new_str;
use crate::builtins::type_docs::split_doc;
use crate::types::TypeObject;
use crate::value::Value;

/// The doc of method `name` of built-in type `owner` (or of a built-in
/// type it inherits from).
pub fn method_doc(owner: &'static TypeObject, name: &str) -> Option<&'static str> {
    owner.mro().filter(|t| t.heap.is_none()).find_map(|t| type_table(t.name(), name)).or_else(|| slots::doc(name))
}

/// The doc of data attribute `name` of built-in type `owner` (its
/// `getset_descriptor`'s `__doc__`): prose only, no signature.
pub fn attribute_doc(owner: &'static TypeObject, name: &str) -> Option<&'static str> {
    owner.mro().filter(|t| t.heap.is_none()).find_map(|t| objects::attribute_doc(t.name(), name))
}

/// The doc of built-in exception class `name` (`type_docs` falls back on
/// it).
pub fn exception_type_doc(name: &str) -> Option<&'static str> {
    exceptions::doc(name)
}

/// The doc of function `name` of native module `module`.
pub fn module_function_doc(module: &str, name: &str) -> Option<&'static str> {
    match module {
        "builtins" => builtins_fns::doc(name),
        "math" => math::doc(name),
        "sys" => sys::doc(name),
        "posix" => posix::doc(name),
        "time" => time_gc::time_doc(name),
        "gc" => time_gc::gc_doc(name),
        "_operator" => operator::doc(name),
        _ => modules::doc(module, name),
    }
}

fn type_table(owner: &str, name: &str) -> Option<&'static str> {
    match owner {
        "str" => str::doc(name),
        "bytes" => bytes::doc(false, name),
        "bytearray" => bytes::doc(true, name),
        "int" | "bool" | "float" | "complex" => numbers::doc(owner, name),
        "list" | "tuple" | "dict" | "set" | "frozenset" | "range" | "slice" | "memoryview" => containers::doc(owner, name),
        _ => objects::doc(owner, name),
    }
}

/// `__doc__` of an entry: its prose, or None (also for an entry with a
/// signature and no prose, as CPython's `__getnewargs__`).
pub fn doc_value(doc: Option<&'static str>) -> Value {
    match doc.map(|d| split_doc(d).1) {
        Some(prose) if !prose.is_empty() => new_str(prose),
        _ => none(),
    }
}

/// `__text_signature__` of an entry, or None.
pub fn text_signature_value(doc: Option<&'static str>) -> Value {
    doc.and_then(|d| split_doc(d).0).map_or_else(none, new_str)
}
