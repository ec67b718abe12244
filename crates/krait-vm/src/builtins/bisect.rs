//! `_bisect`: binary search and insertion in sorted sequences, CPython's
//! C accelerator for `bisect.py`.
//!
//! Invariants:
//! - Items are read with `a[i]` and compared with `<` only (x < a[mid]
//!   for the right variants, a[mid] < x for the left), so any sequence and
//!   any ordering work as in CPython; a `key` is applied to the items,
//!   never to `x` (insort applies it to `x` once).
//! - `lo`/`hi` are `Py_ssize_t` arguments: `hi` None (or -1) is `len(a)`,
//!   a negative `lo` is a ValueError.

use crate::builtins::int::new_int;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::intern;
use crate::eval::call;
use crate::ops;
use crate::types::CompareOp;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The arguments `(a, x, lo=0, hi=None, *, key=None)`.
struct Search {
    a: Value,
    x: Value,
    lo: i64,
    hi: i64,
    key: Option<Value>,
}

fn parse(vm: &mut Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Search> {
    let [a, x, lo, hi, key] =
        crate::builtins::itertools::bind(vm, fname, args, kwnames, ["a", "x", "lo", "hi", "key"], 4, 2)?;
    let (a, x) = (a.expect("required"), x.expect("required"));
    let lo = match lo {
        Some(v) => crate::builtins::str_methods::ssize_arg(vm, &v)?,
        None => 0,
    };
    let mut hi = match hi {
        Some(v) if !is_none(&v) => crate::builtins::str_methods::ssize_arg(vm, &v)?,
        _ => -1,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    if hi == -1 {
        hi = ops::len(vm, &a)? as i64;
    }
    let key = key.filter(|k| !is_none(k));
    Ok(Search { a, x, lo, hi, key })
}

/// The insertion point of `x` (already keyed) in `s.a[s.lo..s.hi]`:
/// after equal items (`right`) or before them.
fn search(vm: &mut Vm, s: &Search, x: &Value, right: bool) -> PyResult<i64> {
    let (mut lo, mut hi) = (s.lo, s.hi);
    while lo < hi {
        // lo and hi are non-negative, so this cannot overflow.
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut item = ops::getitem(vm, &s.a, &new_int(mid))?;
        if let Some(key) = &s.key {
            item = call(vm, key, &[item], &[])?;
        }
        let (left, right_side) = if right { (x, &item) } else { (&item, x) };
        let less = ops::richcompare(vm, left, right_side, CompareOp::Lt)?;
        let less = ops::truthy(vm, &less)?;
        // bisect_right: x < a[mid] goes left; bisect_left: a[mid] < x goes right.
        if less == right {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect(vm: &mut Vm, fname: &str, args: &[Value], kwnames: &[Value], right: bool) -> PyResult<Value> {
    let s = parse(vm, fname, args, kwnames)?;
    let x = s.x.clone();
    Ok(new_int(search(vm, &s, &x, right)?))
}

fn insort(vm: &mut Vm, fname: &str, args: &[Value], kwnames: &[Value], right: bool) -> PyResult<Value> {
    let s = parse(vm, fname, args, kwnames)?;
    let keyed = match &s.key {
        Some(key) => call(vm, key, std::slice::from_ref(&s.x), &[])?,
        None => s.x.clone(),
    };
    let at = new_int(search(vm, &s, &keyed, right)?);
    let insert = ops::getattr(vm, &s.a, &intern("insert"))?;
    call(vm, &insert, &[at, s.x.clone()], &[])?;
    Ok(none())
}

pub fn new_bisect_module(vm: &mut Vm) -> PyResult<Value> {
    const DOC: &str = "Binary search and insertion for sorted sequences (the accelerator of bisect.py).";
    let functions: [(&'static str, crate::types::CallFn); 4] = [
        ("bisect_right", |vm, _, a, k| bisect(vm, "bisect_right", a, k, true)),
        ("bisect_left", |vm, _, a, k| bisect(vm, "bisect_left", a, k, false)),
        ("insort_right", |vm, _, a, k| insort(vm, "insort_right", a, k, true)),
        ("insort_left", |vm, _, a, k| insort(vm, "insort_left", a, k, false)),
    ];
    let d = crate::builtins::function::native_module_dict(vm, "_bisect", DOC, &functions)?;
    Ok(crate::builtins::function::new_module("_bisect", d))
}
