//! `object.__sizeof__` and `sys.getsizeof`.
//!
//! Invariant: the numbers are CPython 3.11's on x86-64 where they are
//! cheap to reproduce (`int`, `object()`, instances of plain classes:
//! a 16-byte header, 8 bytes per `__slots__` entry and 8 for a
//! `__dict__`); elsewhere `object.__sizeof__` gives the 16-byte header
//! alone. CPython documents these sizes as implementation details;
//! programs may rely on them being positive, not on their values.

use crate::builtins::int::{int_of, new_int, Int};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `object.__sizeof__()`: the instance's basic size.
pub fn object_sizeof(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "object.__sizeof__", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("object.__sizeof__() takes no arguments ({} given)", args.len())));
    }
    let size = match vm.type_of(this).heap {
        Some(h) if std::ptr::eq(h.solid, &crate::types::OBJECT_TYPE) => 16 + 8 * h.nslots + if h.has_dict { 8 } else { 0 },
        _ => 16,
    };
    Ok(new_int(size as i64))
}

/// `sys.getsizeof(obj[, default])`: `obj.__sizeof__()`, plus CPython's
/// 16-byte collector header for objects that hold references.
pub fn getsizeof(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [obj, default] = crate::builtins::str_methods::bind(vm, "getsizeof", ["object", "default"], args, kwnames)?;
    let Some(obj) = obj else {
        return Err(vm.type_error("getsizeof() missing required argument 'object' (pos 1)"));
    };
    let ty = vm.type_of_static(obj);
    let r = match crate::builtins::classes::type_lookup(ty, &crate::builtins::str::intern("__sizeof__")) {
        Some(_) => crate::builtins::classes::call_dunder(vm, obj, "__sizeof__", &[]),
        None => {
            let msg = format!("Type {} doesn't define __sizeof__", ty.name());
            Err(vm.type_error(msg))
        }
    };
    let r = match (r, default) {
        (Ok(r), _) => r.unwrap_or_else(|| new_int(0)),
        (Err(e), Some(d)) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::TYPE_ERROR) => {
            return Ok(d.clone())
        }
        (Err(e), _) => return Err(e),
    };
    let size = match int_of(&r) {
        Some(Int::Small(n)) => n,
        Some(Int::Big(_)) => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        None => return Err(vm.type_error("an integer is required")),
    };
    if size < 0 {
        return Err(vm.value_error("__sizeof__() should return >= 0"));
    }
    let holds_references = ty.trace as usize != crate::types::trace_nothing as *const () as usize;
    Ok(new_int(size + if holds_references { 16 } else { 0 }))
}
