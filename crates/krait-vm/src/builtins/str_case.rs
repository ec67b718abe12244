//! The case methods of `str` (`upper`, `lower`, `casefold`, `capitalize`,
//! `title`, `swapcase`) and its `is*` predicates, with CPython 3.11's
//! Unicode 14.0 properties (`krait_syntax::unicode`).
//!
//! Invariants:
//! - Mappings are the full ones (`'ß'.upper()` is `'SS'`), one code point at
//!   a time, except capital sigma, which lowercases to final `ς` at the end
//!   of a word (CPython's `handle_capital_sigma`).
//! - A lone surrogate is neither cased, alphabetic, numeric nor printable,
//!   and maps to itself.

use krait_syntax::unicode as uni;

use crate::builtins::str::as_str_data;
use crate::builtins::str_methods::{no_args, str_of_code_points};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const CAPITAL_SIGMA: u32 = 0x3A3;

fn code_points(this: &Value) -> Vec<u32> {
    as_str_data(this).expect("a str method's receiver is a str").code_points().collect()
}

/// CPython's `handle_capital_sigma`: is the capital sigma at `i` the end
/// of a word (a cased letter before it and none after it, looking through
/// case-ignorable characters)?
fn is_final_sigma(cps: &[u32], i: usize) -> bool {
    let before = cps[..i].iter().rev().find(|&&c| !uni::is_case_ignorable(c));
    if !before.is_some_and(|&c| uni::is_cased(c)) {
        return false;
    }
    let after = cps[i + 1..].iter().find(|&&c| !uni::is_case_ignorable(c));
    !after.is_some_and(|&c| uni::is_cased(c))
}

/// The lowercase of `cps[i]` in its context (CPython's `lower_ucs4`).
fn push_lower_at(cps: &[u32], i: usize, out: &mut Vec<u32>) {
    if cps[i] == CAPITAL_SIGMA {
        out.push(if is_final_sigma(cps, i) { 0x3C2 } else { 0x3C3 });
    } else {
        uni::push_lower(cps[i], out);
    }
}

/// A case method: each code point of the receiver through `map`.
fn map_case(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str, map: impl Fn(&[u32], usize, &mut Vec<u32>)) -> PyResult<Value> {
    no_args(vm, name, args, kwnames)?;
    let cps = code_points(this);
    let mut out = Vec::with_capacity(cps.len());
    for i in 0..cps.len() {
        map(&cps, i, &mut out);
    }
    Ok(str_of_code_points(&out))
}

pub fn upper(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    map_case(vm, this, args, kwnames, "upper", |cps, i, out| uni::push_upper(cps[i], out))
}

pub fn lower(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    map_case(vm, this, args, kwnames, "lower", push_lower_at)
}

pub fn casefold(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    map_case(vm, this, args, kwnames, "casefold", |cps, i, out| uni::push_fold(cps[i], out))
}

/// `capitalize()`: the first character in title case, the rest lowercase.
pub fn capitalize(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    map_case(vm, this, args, kwnames, "capitalize", |cps, i, out| {
        if i == 0 {
            uni::push_title(cps[0], out);
        } else {
            push_lower_at(cps, i, out);
        }
    })
}

/// `swapcase()`: uppercase characters lowered, lowercase ones raised.
pub fn swapcase(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    map_case(vm, this, args, kwnames, "swapcase", |cps, i, out| {
        let c = cps[i];
        if uni::is_uppercase(c) {
            push_lower_at(cps, i, out);
        } else if uni::is_lowercase(c) {
            uni::push_upper(c, out);
        } else {
            out.push(c);
        }
    })
}

/// `title()`: title case after an uncased character, lowercase after a
/// cased one.
pub fn title(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    map_case(vm, this, args, kwnames, "title", |cps, i, out| {
        if i > 0 && uni::is_cased(cps[i - 1]) {
            push_lower_at(cps, i, out);
        } else {
            uni::push_title(cps[i], out);
        }
    })
}

// ----- predicates ---------------------------------------------------------

/// A predicate true when the string is non-empty and every code point has
/// the property.
fn all_chars(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str, pred: fn(u32) -> bool) -> PyResult<Value> {
    no_args(vm, name, args, kwnames)?;
    let d = as_str_data(this).expect("a str method's receiver is a str");
    let r = !d.is_empty() && d.code_points().all(pred);
    Ok(vm.bool(r))
}

pub fn isdigit(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    all_chars(vm, this, args, kwnames, "isdigit", uni::is_digit)
}

pub fn isdecimal(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    all_chars(vm, this, args, kwnames, "isdecimal", uni::is_decimal)
}

pub fn isnumeric(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    all_chars(vm, this, args, kwnames, "isnumeric", uni::is_numeric)
}

pub fn isalpha(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    all_chars(vm, this, args, kwnames, "isalpha", uni::is_alpha)
}

pub fn isalnum(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    all_chars(vm, this, args, kwnames, "isalnum", uni::is_alnum)
}

pub fn isspace(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    all_chars(vm, this, args, kwnames, "isspace", uni::is_space)
}

/// `isupper()`: some cased character, and none lowercase or titlecase.
pub fn isupper(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "isupper", args, kwnames)?;
    let cps = code_points(this);
    let no_lower = !cps.iter().any(|&c| uni::is_lowercase(c) || uni::is_titlecase(c));
    let r = no_lower && cps.iter().any(|&c| uni::is_uppercase(c));
    Ok(vm.bool(r))
}

/// `islower()`: some cased character, and none uppercase or titlecase.
pub fn islower(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "islower", args, kwnames)?;
    let cps = code_points(this);
    let no_upper = !cps.iter().any(|&c| uni::is_uppercase(c) || uni::is_titlecase(c));
    let r = no_upper && cps.iter().any(|&c| uni::is_lowercase(c));
    Ok(vm.bool(r))
}

/// `istitle()`: uppercase and titlecase characters only after uncased
/// ones, lowercase only after cased ones, and at least one cased.
pub fn istitle(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "istitle", args, kwnames)?;
    let (mut cased, mut previous_cased) = (false, false);
    for c in code_points(this) {
        if uni::is_uppercase(c) || uni::is_titlecase(c) {
            if previous_cased {
                return Ok(vm.bool(false));
            }
            (previous_cased, cased) = (true, true);
        } else if uni::is_lowercase(c) {
            if !previous_cased {
                return Ok(vm.bool(false));
            }
            (previous_cased, cased) = (true, true);
        } else {
            previous_cased = false;
        }
    }
    Ok(vm.bool(cased))
}

/// `isidentifier()`: XID_Start or `_`, then XID_Continue characters.
pub fn isidentifier(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "isidentifier", args, kwnames)?;
    let cps = code_points(this);
    let is = |cp: u32, f: fn(char) -> bool| char::from_u32(cp).is_some_and(f);
    let r = cps.first().is_some_and(|&c| is(c, uni::is_id_start)) && cps[1..].iter().all(|&c| is(c, uni::is_id_continue));
    Ok(vm.bool(r))
}

pub fn isascii(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "isascii", args, kwnames)?;
    let r = as_str_data(this).is_some_and(|d| d.bytes().is_ascii());
    Ok(vm.bool(r))
}

/// `isprintable()`: true for the empty string.
pub fn isprintable(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "isprintable", args, kwnames)?;
    let r = code_points(this).into_iter().all(uni::is_printable_cp);
    Ok(vm.bool(r))
}
