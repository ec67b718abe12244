//! The `builtins` module: its functions and the types it names.
//!
//! PROVISIONAL: the functions and types the first programs need; the rest
//! of the builtins arrive with the built-in types issue.

use std::io::Write;

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::{self, NOT_IMPLEMENTED_ERROR};
use crate::builtins::float::FLOAT_TYPE;
use crate::builtins::function::new_builtin;
use crate::builtins::int::{int_of, new_big, new_int, INT_TYPE};
use crate::builtins::iter::RANGE_TYPE;
use crate::builtins::list::LIST_TYPE;
use crate::builtins::singletons::{is_none, none, BOOL_TYPE};
use crate::builtins::str::{as_str, new_str, STR_TYPE};
use crate::builtins::tuple::TUPLE_TYPE;
use crate::ops;
use crate::types::{type_value, TypeObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A new `builtins` namespace.
pub fn builtins_dict(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    let functions: [(&'static str, crate::types::CallFn); 3] = [("print", print), ("len", len), ("repr", repr)];
    for (name, f) in functions {
        dd.set(vm, new_str(name), new_builtin(name, f))?;
    }
    let types: [&'static TypeObject; 8] =
        [&INT_TYPE, &FLOAT_TYPE, &STR_TYPE, &BOOL_TYPE, &RANGE_TYPE, &LIST_TYPE, &TUPLE_TYPE, &crate::builtins::dict::DICT_TYPE];
    for ty in types {
        dd.set(vm, new_str(ty.name), type_value(ty))?;
    }
    for ty in exceptions::ALL {
        dd.set(vm, new_str(ty.name), type_value(ty))?;
    }
    Ok(d)
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
fn print(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let (mut sep, mut end) = (" ".to_string(), "\n".to_string());
    let mut flush = false;
    for (name, value) in kwnames.iter().zip(&args[npos..]) {
        let text = |vm: &mut Vm, what: &str| -> PyResult<Option<String>> {
            if is_none(value) {
                return Ok(None);
            }
            match as_str(value) {
                Some(s) => Ok(Some(s.to_string())),
                None => {
                    let msg = format!("{what} must be None or a string, not {}", vm.type_of(value).name);
                    Err(vm.type_error(msg))
                }
            }
        };
        match as_str(name) {
            Some("sep") => sep = text(vm, "sep")?.unwrap_or_else(|| " ".into()),
            Some("end") => end = text(vm, "end")?.unwrap_or_else(|| "\n".into()),
            Some("flush") => flush = ops::truthy(vm, value)?,
            Some("file") if is_none(value) => {}
            Some("file") => return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "print(file=...) (needs the io module)")),
            Some(other) => {
                return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for print()")));
            }
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let mut line = String::new();
    for (i, a) in args[..npos].iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        let s = ops::str(vm, a)?;
        line.push_str(as_str(&s).unwrap_or("\u{FFFD}"));
    }
    line.push_str(&end);
    let _ = vm.stdout.write_all(line.as_bytes());
    if flush {
        let _ = vm.stdout.flush();
    }
    Ok(none())
}

/// `len(obj)`.
fn len(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "len", kwnames)?;
    let [obj] = args else {
        return Err(vm.type_error(format!("len() takes exactly one argument ({} given)", args.len())));
    };
    match vm.type_of(obj).len {
        Some(f) => Ok(new_int(f(vm, obj)? as i64)),
        None => {
            let msg = format!("object of type '{}' has no len()", vm.type_of(obj).name);
            Err(vm.type_error(msg))
        }
    }
}

/// `repr(obj)`.
fn repr(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "repr", kwnames)?;
    let [obj] = args else {
        return Err(vm.type_error(format!("repr() takes exactly one argument ({} given)", args.len())));
    };
    ops::repr(vm, obj)
}

/// `int(x=0)`: ints, bools, floats (truncated) and decimal strings.
pub fn int_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "int() with keyword arguments"));
    }
    let x = match args {
        [] => return Ok(new_int(0)),
        [x] => x,
        _ => return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "int() with a base")),
    };
    if let Some(i) = int_of(x) {
        return Ok(match i {
            crate::builtins::int::Int::Small(i) => new_int(i),
            crate::builtins::int::Int::Big(b) => new_big(b.clone()),
        });
    }
    if let Some(f) = x.as_float() {
        if f.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(vm.overflow_error("cannot convert float infinity to integer"));
        }
        return Ok(new_big(dashu_int::IBig::try_from(f.trunc()).unwrap_or_default()));
    }
    if let Some(s) = as_str(x) {
        if let Some(v) = parse_decimal(s) {
            return Ok(v);
        }
        let r = ops::repr_string(vm, x)?;
        return Err(vm.value_error(format!("invalid literal for int() with base 10: {r}")));
    }
    let msg = format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", vm.type_of(x).name);
    Err(vm.type_error(msg))
}

/// A decimal integer as `int()` reads one: blanks around, an optional
/// sign, digits with single underscores between them.
fn parse_decimal(s: &str) -> Option<Value> {
    let t = s.trim();
    let (neg, digits) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: dashu_int::IBig = clean.parse().ok()?;
    Some(new_big(if neg { -n } else { n }))
}
