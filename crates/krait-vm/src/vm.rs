//! The interpreter context every operation receives, and Python errors.
//!
//! Invariants:
//! - A Python exception in Rust is `Err(PyErr)`: `PyErr` owns the exception
//!   object. No Rust code reports a Python-visible error any other way, and
//!   none panics for one.
//! - `Vm::type_of` is the only way to ask a value's type: immediates map to
//!   the static `int`/`float` types, objects to their header's type.

use crate::builtins::{exceptions, float::FLOAT_TYPE, int::INT_TYPE, singletons};
use crate::types::TypeObject;
use crate::value::{Unpacked, Value};

pub type PyResult<T> = Result<T, PyErr>;

/// A raised Python exception.
#[derive(Debug, Clone)]
pub struct PyErr {
    pub exception: Value,
}

/// The interpreter: one per thread of Python execution.
pub struct Vm {
    _private: (),
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

impl Vm {
    pub fn new() -> Vm {
        Vm { _private: () }
    }

    /// `type(v)`.
    #[inline]
    pub fn type_of<'v>(&self, v: &'v Value) -> &'v TypeObject {
        match v.unpack() {
            Unpacked::Int(_) => &INT_TYPE,
            Unpacked::Float(_) => &FLOAT_TYPE,
            Unpacked::Object(p) => {
                // SAFETY: `v` holds a reference to the object, and an object
                // keeps its type alive, so the type outlives the borrow of `v`.
                unsafe { &*p.type_ptr() }
            }
        }
    }

    pub fn none(&self) -> Value {
        singletons::none()
    }

    pub fn not_implemented(&self) -> Value {
        singletons::not_implemented()
    }

    pub fn bool(&self, b: bool) -> Value {
        singletons::bool_value(b)
    }

    /// A new exception of type `ty` with the message `msg`, as an error.
    pub fn error(&mut self, ty: &'static TypeObject, msg: impl Into<String>) -> PyErr {
        PyErr { exception: exceptions::new_exception(self, ty, msg.into()) }
    }

    pub fn type_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.error(&exceptions::TYPE_ERROR, msg)
    }

    pub fn value_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.error(&exceptions::VALUE_ERROR, msg)
    }

    pub fn zero_division_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.error(&exceptions::ZERO_DIVISION_ERROR, msg)
    }

    pub fn overflow_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.error(&exceptions::OVERFLOW_ERROR, msg)
    }
}
