//! The built-in exception hierarchy.
//!
//! Invariants: every exception type is a static whose `base` chain is
//! CPython 3.11's; an exception object's payload holds its `args` (and, in
//! time, `__traceback__`, `__cause__`, `__context__`, `__notes__`).
//!
//! PROVISIONAL: only the classes the VM raises so far are defined; the full
//! hierarchy arrives with the compiler/VM issue's exception work.

use std::cell::RefCell;

use crate::builtins::str::{as_str, new_str};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct ExceptionData {
    pub args: RefCell<Vec<Value>>,
}

unsafe fn dealloc_exception(p: ObjPtr) {
    // SAFETY: every exception object is allocated as Obj<ExceptionData>.
    unsafe { dealloc_boxed::<ExceptionData>(p) }
}

fn trace_exception(p: ObjPtr, visit: Visit) {
    // SAFETY: exception types' objects are Obj<ExceptionData>.
    let data = unsafe { p.data::<ExceptionData>() };
    for v in data.args.borrow().iter() {
        visit(v);
    }
}

macro_rules! exception_types {
    ($($static:ident = $name:literal : $base:expr;)*) => {
        $(
            pub static $static: TypeObject = TypeObject {
                str: Some(exception_str),
                repr: Some(exception_repr),
                new: Some(exception_new),
                ..TypeObject::builtin($name, Some($base), dealloc_exception, trace_exception)
            };
        )*

        /// Every built-in exception type.
        pub static ALL: &[&TypeObject] = &[$(&$static,)*];
    };
}

exception_types! {
    BASE_EXCEPTION = "BaseException": &OBJECT_TYPE;
    EXCEPTION = "Exception": &BASE_EXCEPTION;
    ARITHMETIC_ERROR = "ArithmeticError": &EXCEPTION;
    ZERO_DIVISION_ERROR = "ZeroDivisionError": &ARITHMETIC_ERROR;
    OVERFLOW_ERROR = "OverflowError": &ARITHMETIC_ERROR;
    TYPE_ERROR = "TypeError": &EXCEPTION;
    VALUE_ERROR = "ValueError": &EXCEPTION;
    RUNTIME_ERROR = "RuntimeError": &EXCEPTION;
    NOT_IMPLEMENTED_ERROR = "NotImplementedError": &RUNTIME_ERROR;
    RECURSION_ERROR = "RecursionError": &RUNTIME_ERROR;
    LOOKUP_ERROR = "LookupError": &EXCEPTION;
    INDEX_ERROR = "IndexError": &LOOKUP_ERROR;
    KEY_ERROR = "KeyError": &LOOKUP_ERROR;
    ATTRIBUTE_ERROR = "AttributeError": &EXCEPTION;
    NAME_ERROR = "NameError": &EXCEPTION;
    UNBOUND_LOCAL_ERROR = "UnboundLocalError": &NAME_ERROR;
    IMPORT_ERROR = "ImportError": &EXCEPTION;
    MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": &IMPORT_ERROR;
    SYSTEM_EXIT = "SystemExit": &BASE_EXCEPTION;
    MEMORY_ERROR = "MemoryError": &EXCEPTION;
}

/// A new exception of type `ty` whose only argument is `msg`.
pub fn new_exception(_vm: &mut Vm, ty: &'static TypeObject, msg: String) -> Value {
    let args = RefCell::new(vec![new_str(&msg)]);
    Value::from_owned(alloc(ty, ExceptionData { args }))
}

/// The payload of an exception value.
pub fn as_exception(v: &Value) -> Option<&ExceptionData> {
    let p = v.as_object()?;
    if p.ty().is_subtype(&BASE_EXCEPTION) {
        // SAFETY: exception types' objects are Obj<ExceptionData>.
        Some(unsafe { p.data::<ExceptionData>() })
    } else {
        None
    }
}

/// `str(exc)`: empty without arguments, the argument's `str` with one.
fn exception_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let data = as_exception(v).expect("exception slot on an exception");
    let args = data.args.borrow();
    match args.as_slice() {
        [] => Ok(new_str("")),
        [one] => crate::ops::str(vm, one),
        _ => Err(vm.error(&NOT_IMPLEMENTED_ERROR, "str() of an exception with several arguments (needs tuple)")),
    }
}

/// `ExcType(*args)`.
fn exception_new(vm: &mut Vm, ty: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", ty.name)));
    }
    Ok(Value::from_owned(alloc(ty, ExceptionData { args: RefCell::new(args.to_vec()) })))
}

/// `repr(exc)`: `Name(args...)`.
fn exception_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let data = as_exception(v).expect("exception slot on an exception");
    let args: Vec<Value> = data.args.borrow().clone();
    let mut parts = Vec::new();
    for a in &args {
        parts.push(crate::ops::repr_string(vm, a)?);
    }
    let name = vm.type_of(v).name;
    Ok(new_str(&format!("{}({})", name, parts.join(", "))))
}

/// The message of an exception with one `str` argument (for Rust callers).
pub fn message(v: &Value) -> Option<String> {
    let data = as_exception(v)?;
    let args = data.args.borrow();
    args.first().and_then(|a| as_str(a).map(str::to_string))
}
