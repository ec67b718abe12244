//! "Did you mean" for NameError and AttributeError (CPython 3.11's
//! `Python/suggestions.c`), and the `name` / `obj` fields they come from.
//!
//! Invariants: an AttributeError leaving `ops::getattr` carries `name` and
//! `obj` unless it already had either (the innermost look-up names it); a
//! NameError raised for a missing global carries `name`. A suggestion is
//! the candidate nearest by a weighted Levenshtein distance over UTF-8
//! bytes (a case change costs 1, any other edit 2), within a third of the
//! characters involved; nothing is suggested from 750 candidates or more,
//! and computing one never raises.

use crate::builtins::exceptions::{as_exception, ATTRIBUTE_ERROR, NAME_ERROR};
use crate::builtins::str::{as_str, new_str};
use crate::ops;
use crate::value::Value;
use crate::vm::{PyErr, Vm};

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// `err`, given `name` and `obj` when it is an AttributeError that has
/// neither yet (CPython's `set_attribute_error_context`).
#[cold]
pub fn attribute_error_context(vm: &mut Vm, err: PyErr, obj: &Value, name: &Value) -> PyErr {
    if !vm.type_of(&err.exception).is_subtype(&ATTRIBUTE_ERROR) || has_field(&err.exception, &["name", "obj"]) {
        return err;
    }
    let set = |vm: &mut Vm, field: &str, v: &Value| {
        crate::builtins::classes::generic_setattr(vm, &err.exception, &new_str(field), Some(v.clone()))
    };
    // Failing to record them only costs the suggestion.
    let _ = set(vm, "name", name).and_then(|_| set(vm, "obj", obj));
    err
}

/// A NameError for `name`, with its `name` field set.
pub fn name_error(vm: &mut Vm, name: &Value) -> PyErr {
    let msg = format!("name '{}' is not defined", as_str(name).unwrap_or("?"));
    let err = vm.error(&NAME_ERROR, msg);
    let _ = crate::builtins::classes::generic_setattr(vm, &err.exception, &new_str("name"), Some(name.clone()));
    err
}

/// Whether the exception's `__dict__` holds any of `fields`.
fn has_field(exc: &Value, fields: &[&str]) -> bool {
    let Some(data) = as_exception(exc) else { return false };
    let dict = data.dict.borrow().clone();
    let Some(d) = crate::builtins::dict::as_dict(&dict) else { return false };
    fields.iter().any(|f| d.get_str(&crate::builtins::str::intern(f)).is_some())
}

/// The name to suggest for a NameError or AttributeError, if any
/// (CPython's `_Py_Offer_suggestions`); errors are swallowed.
pub fn offer_suggestion(vm: &mut Vm, exc: &Value) -> Option<String> {
    let ty = vm.type_of(exc);
    if ty.is_subtype(&ATTRIBUTE_ERROR) {
        for_attribute_error(vm, exc)
    } else if ty.is_subtype(&NAME_ERROR) {
        for_name_error(vm, exc)
    } else {
        None
    }
}

fn field(vm: &mut Vm, exc: &Value, name: &str) -> Option<Value> {
    ops::getattr(vm, exc, &new_str(name)).ok().filter(|v| !crate::builtins::singletons::is_none(v))
}

fn for_attribute_error(vm: &mut Vm, exc: &Value) -> Option<String> {
    let name = field(vm, exc, "name")?;
    let obj = field(vm, exc, "obj")?;
    let name = as_str(&name)?.to_string();
    let names = crate::builtins::functions::dir_of(vm, &obj).ok()?;
    best_match(&names, &name)
}

/// Locals of the innermost frame, then its globals, then its builtins.
fn for_name_error(vm: &mut Vm, exc: &Value) -> Option<String> {
    let name = field(vm, exc, "name")?;
    if !std::ptr::eq(vm.type_of(&name), &crate::builtins::str::STR_TYPE) {
        return None;
    }
    let name = as_str(&name)?.to_string();
    let mut tb = field(vm, exc, "__traceback__")?;
    while let Some(next) = field(vm, &tb, "tb_next") {
        tb = next;
    }
    let frame = field(vm, &tb, "tb_frame")?;
    let code = field(vm, &frame, "f_code")?;
    let varnames = field(vm, &code, "co_varnames")?;
    let varnames = ops::collect(vm, &varnames).ok()?;
    if let Some(s) = best_match(&varnames, &name) {
        return Some(s);
    }
    for namespace in ["f_globals", "f_builtins"] {
        let ns = field(vm, &frame, namespace)?;
        let keys = crate::builtins::dict::as_dict(&ns).map(|d| d.items().into_iter().map(|(k, _)| k).collect::<Vec<_>>())?;
        if let Some(s) = best_match(&keys, &name) {
            return Some(s);
        }
    }
    None
}

/// The candidate nearest to `name` (CPython's `calculate_suggestions`).
fn best_match(candidates: &[Value], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for item in candidates {
        let item = as_str(item)?;
        if item == name {
            continue;
        }
        // No more than a third of the characters involved may change.
        let mut max_cost = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            // Not what is already beaten.
            max_cost = max_cost.min(d.saturating_sub(1));
        }
        let cost = distance(name.as_bytes(), item.as_bytes(), max_cost);
        if cost > max_cost {
            continue;
        }
        let better = match best {
            Some((_, d)) => cost < d,
            None => true,
        };
        if better {
            best = Some((item, cost));
        }
    }
    best.map(|(s, _)| s.to_string())
}

/// The cost of replacing byte `a` by `b`: nothing, a case change, or a
/// full move.
fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The weighted edit distance from `a` to `b`, or `max_cost + 1` as soon
/// as it must exceed `max_cost`.
fn distance<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // row[i]: the cost from a[..=i] to the part of b seen so far.
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut diagonal = bi * MOVE_COST;
        result = diagonal;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = diagonal + substitution_cost(code, ac);
            diagonal = row[ai];
            let insert_delete = result.min(diagonal) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}
