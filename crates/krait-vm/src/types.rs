//! Type objects and their slots.
//!
//! Invariants:
//! - A type object is a heap object like any other (`#[repr(C)]`, an
//!   `ObjHeader` first), so `type(x)` is a `Value` and a type's type is
//!   `type`. Built-in types are statics, immortal, their slots filled at
//!   compile time.
//! - Slots are filled once per type. Operations dispatch through them, never
//!   through attribute look-up by name; classes defined in Python will fill
//!   them with wrappers that call their dunder methods.
//! - `trace` visits every reference an object's payload holds (the cycle
//!   collector's view of the object), and exists from the day the type does.

use crate::object::{ObjHeader, ObjPtr};
use crate::value::Value;

/// A function handed each reference an object holds.
pub type Visit<'a> = &'a mut dyn FnMut(&Value);

#[repr(C)]
pub struct TypeObject {
    pub header: ObjHeader,
    /// `__name__` (`tp_name` without a module prefix).
    pub name: &'static str,
    /// Free an object of this type whose count reached zero.
    pub dealloc: unsafe fn(ObjPtr),
    /// Visit every reference the object holds.
    pub trace: fn(ObjPtr, Visit),
}

// SAFETY: type objects are only touched while holding the interpreter lock
// (one thread runs Python at a time, as in CPython); their `Cell` count is
// never accessed concurrently.
unsafe impl Sync for TypeObject {}

impl TypeObject {
    pub fn as_ptr(&'static self) -> ObjPtr {
        ObjPtr::from_static_type(self)
    }
}

/// `trace` for payloads that hold no references.
pub fn trace_nothing(_: ObjPtr, _: Visit) {}

/// `type`, the type of every type.
pub static TYPE_TYPE: TypeObject = TypeObject {
    header: ObjHeader::immortal(&TYPE_TYPE),
    name: "type",
    dealloc: never_dealloc,
    trace: trace_nothing,
};

/// The `dealloc` of static objects, whose count never reaches zero.
unsafe fn never_dealloc(_: ObjPtr) {}
