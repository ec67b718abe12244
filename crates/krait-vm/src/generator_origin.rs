//! Coroutine origin tracking: `sys.set_coroutine_origin_tracking_depth`
//! and a coroutine's `cr_origin`.
//!
//! Invariants:
//! - The depth is per thread, 0 (off) at start, never negative.
//! - A coroutine made while it is N > 0 records, at creation, the N
//!   innermost frames of its creator (not its own frame) as
//!   `((filename, lineno, function name), ...)`, innermost first, as
//!   CPython's `compute_cr_origin`; with 0 it records nothing (`None`).

use std::cell::Cell;

use crate::builtins::int::new_int;
use crate::builtins::str::new_str;
use crate::builtins::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// The creator's frames for a coroutine made now: a tuple, or NULL when
/// tracking is off.
pub(crate) fn capture(vm: &Vm) -> Value {
    let depth = DEPTH.with(Cell::get);
    if depth == 0 {
        return Value::NULL;
    }
    let entries = vm
        .frames
        .iter()
        .rev()
        .take(depth)
        .map(|f| {
            let (filename, name) = match crate::builtins::function::as_code(&f.code) {
                Some(c) => (new_str(&c.co.co_filename), new_str(&c.co.co_name)),
                None => (new_str("?"), new_str("?")),
            };
            let line = crate::builtins::frame::line_of(&f.code, f.ip.saturating_sub(1) as u32);
            new_tuple(vec![filename, new_int(i64::from(line)), name])
        })
        .collect();
    new_tuple(entries)
}

/// `sys.get_coroutine_origin_tracking_depth()`.
pub fn get_depth(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "get_coroutine_origin_tracking_depth", kwnames)?;
    if !args.is_empty() {
        let msg = format!("get_coroutine_origin_tracking_depth() takes no arguments ({} given)", args.len());
        return Err(vm.type_error(msg));
    }
    Ok(new_int(DEPTH.with(Cell::get) as i64))
}

/// `sys.set_coroutine_origin_tracking_depth(depth)`.
pub fn set_depth(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [depth] = crate::builtins::itertools::bind(vm, "set_coroutine_origin_tracking_depth", args, kwnames, ["depth"], 1, 1)?;
    let depth = depth.expect("required");
    let Some(n) = crate::ops::index(vm, &depth)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(&depth).name());
        return Err(vm.type_error(msg));
    };
    match crate::builtins::int::int_of(&n) {
        Some(crate::builtins::int::Int::Small(i)) if i < 0 => Err(vm.value_error("depth must be >= 0")),
        Some(crate::builtins::int::Int::Small(i)) if i <= i64::from(i32::MAX) => {
            DEPTH.with(|d| d.set(i as usize));
            Ok(crate::builtins::singletons::none())
        }
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}
