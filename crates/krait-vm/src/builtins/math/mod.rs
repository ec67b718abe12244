//! The `math` module (CPython's `Modules/mathmodule.c`): one file per
//! family of functions.
//!
//! Invariants:
//! - Results are CPython's bit for bit. Where CPython passes a double to
//!   the platform libm, Krait calls the same libm symbol (`libm`); where
//!   CPython computes itself (fsum, hypot/dist's `vector_norm`, gamma and
//!   lgamma's Lanczos sums, remainder, the special cases of atan2, pow,
//!   log, ...), Krait performs the same floating-point operations in the
//!   same order. Integer results (factorial, comb, perm, isqrt, gcd, lcm)
//!   are exact, so only their values and errors must agree.
//! - Arguments are converted as CPython does: a float is itself; anything
//!   else through `__float__`, then an int's value, then `__index__`
//!   (`PyFloat_AsDouble`, `real_arg`); integer arguments through
//!   `__index__` (`index_arg`). Argument-count and keyword errors carry
//!   the messages of the calling convention each function has in CPython
//!   (METH_O, METH_FASTCALL, Argument Clinic).
//! - libm's `errno` is never read: CPython's checks on it are reproduced
//!   from the result (a NaN from non-NaN arguments is "math domain error",
//!   an infinity from finite ones "math range error" or, for functions
//!   that cannot overflow, a domain error), which is what glibc's errno
//!   says in every case these functions reach.
//!
//! PROVISIONAL: a `__float__` returning a float subclass is accepted
//! without CPython's DeprecationWarning (Krait has no warnings yet).

pub(crate) mod cmath;
mod cmath_special;
mod gamma;
mod integer;
mod libm;
mod real;
mod sums;

#[cfg(test)]
mod tests;

use dashu_int::IBig;

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::float::{float_of, int_to_f64};
use crate::builtins::function::{new_builtin, new_module};
use crate::builtins::int::int_of;
use crate::builtins::str::new_str;
use crate::types::CallFn;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The module's functions, in CPython's method-table order.
const FUNCTIONS: &[(&str, CallFn)] = &[
    ("acos", |vm, _, a, k| real::unary(vm, "acos", a, k, libm::acos, false)),
    ("acosh", |vm, _, a, k| real::unary(vm, "acosh", a, k, libm::acosh, false)),
    ("asin", |vm, _, a, k| real::unary(vm, "asin", a, k, libm::asin, false)),
    ("asinh", |vm, _, a, k| real::unary(vm, "asinh", a, k, libm::asinh, false)),
    ("atan", |vm, _, a, k| real::unary(vm, "atan", a, k, libm::atan, false)),
    ("atan2", |vm, _, a, k| real::binary(vm, "atan2", a, k, real::atan2)),
    ("atanh", |vm, _, a, k| real::unary(vm, "atanh", a, k, libm::atanh, false)),
    ("cbrt", |vm, _, a, k| real::unary(vm, "cbrt", a, k, libm::cbrt, false)),
    ("ceil", real::ceil),
    ("copysign", |vm, _, a, k| real::binary(vm, "copysign", a, k, libm::copysign)),
    ("cos", |vm, _, a, k| real::unary(vm, "cos", a, k, libm::cos, false)),
    ("cosh", |vm, _, a, k| real::unary(vm, "cosh", a, k, libm::cosh, true)),
    ("degrees", |vm, _, a, k| real::plain(vm, "degrees", a, k, |x| x * (180.0 / std::f64::consts::PI))),
    ("dist", sums::dist),
    ("erf", |vm, _, a, k| real::plain(vm, "erf", a, k, libm::erf)),
    ("erfc", |vm, _, a, k| real::plain(vm, "erfc", a, k, libm::erfc)),
    ("exp", |vm, _, a, k| real::unary(vm, "exp", a, k, libm::exp, true)),
    ("exp2", |vm, _, a, k| real::unary(vm, "exp2", a, k, libm::exp2, true)),
    ("expm1", |vm, _, a, k| real::unary(vm, "expm1", a, k, libm::expm1, true)),
    ("fabs", |vm, _, a, k| real::unary(vm, "fabs", a, k, f64::abs, false)),
    ("factorial", integer::factorial),
    ("floor", real::floor),
    ("fmod", real::fmod),
    ("frexp", real::frexp),
    ("fsum", sums::fsum),
    ("gamma", |vm, _, a, k| real::with_errno(vm, "gamma", a, k, gamma::tgamma)),
    ("gcd", integer::gcd),
    ("hypot", sums::hypot),
    ("isclose", real::isclose),
    ("isfinite", |vm, _, a, k| real::predicate(vm, "isfinite", a, k, f64::is_finite)),
    ("isinf", |vm, _, a, k| real::predicate(vm, "isinf", a, k, f64::is_infinite)),
    ("isnan", |vm, _, a, k| real::predicate(vm, "isnan", a, k, f64::is_nan)),
    ("isqrt", integer::isqrt),
    ("lcm", integer::lcm),
    ("ldexp", real::ldexp),
    ("lgamma", |vm, _, a, k| real::with_errno(vm, "lgamma", a, k, gamma::lgamma)),
    ("log", real::log),
    ("log1p", |vm, _, a, k| real::unary(vm, "log1p", a, k, real::log1p, false)),
    ("log10", |vm, _, a, k| real::log_n(vm, "log10", a, k, real::log10)),
    ("log2", |vm, _, a, k| real::log_n(vm, "log2", a, k, real::log2)),
    ("modf", real::modf),
    ("pow", real::pow),
    ("radians", |vm, _, a, k| real::plain(vm, "radians", a, k, |x| x * (std::f64::consts::PI / 180.0))),
    ("remainder", |vm, _, a, k| real::binary(vm, "remainder", a, k, real::remainder)),
    ("sin", |vm, _, a, k| real::unary(vm, "sin", a, k, libm::sin, false)),
    ("sinh", |vm, _, a, k| real::unary(vm, "sinh", a, k, libm::sinh, true)),
    ("sqrt", |vm, _, a, k| real::unary(vm, "sqrt", a, k, libm::sqrt, false)),
    ("tan", |vm, _, a, k| real::unary(vm, "tan", a, k, libm::tan, false)),
    ("tanh", |vm, _, a, k| real::unary(vm, "tanh", a, k, libm::tanh, false)),
    ("trunc", real::trunc),
    ("prod", sums::prod),
    ("perm", integer::perm),
    ("comb", integer::comb),
    ("nextafter", real::nextafter),
    ("ulp", |vm, _, a, k| real::plain(vm, "ulp", a, k, real::ulp)),
];

/// The `math` module.
pub fn new_math_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str("math"))?;
    dd.set(vm, new_str("__doc__"), new_str(DOC))?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    // As for the modules imported from source (see `import`).
    dd.set(vm, new_str("__loader__"), crate::builtins::singletons::none())?;
    dd.set(vm, new_str("__spec__"), crate::builtins::singletons::none())?;
    for &(name, func) in FUNCTIONS {
        dd.set(vm, new_str(name), new_builtin(name, func))?;
    }
    let constants = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (name, x) in constants {
        dd.set(vm, new_str(name), Value::float(x))?;
    }
    Ok(new_module("math", d))
}

/// The module's docstring (CPython's).
const DOC: &str = "This module provides access to the mathematical functions\ndefined by the C standard.";

// ----- errors ---------------------------------------------------------------

/// ValueError("math domain error"): no result in the extended reals, or a
/// singularity (C's "invalid" and "divide-by-zero").
fn domain_error(vm: &mut Vm) -> PyErr {
    vm.value_error("math domain error")
}

/// OverflowError("math range error"): a finite result too large for a float.
fn range_error(vm: &mut Vm) -> PyErr {
    vm.overflow_error("math range error")
}

// ----- arguments ------------------------------------------------------------

/// What a function taking no keywords says when given some.
fn no_keywords_error(vm: &mut Vm, name: &str) -> PyErr {
    vm.type_error(format!("math.{name}() takes no keyword arguments"))
}

/// The one argument of a METH_O function (`math.NAME(x)`).
fn one_arg<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    match args {
        [x] if kwnames.is_empty() => Ok(x),
        _ if !kwnames.is_empty() => Err(no_keywords_error(vm, name)),
        _ => Err(vm.type_error(format!("math.{name}() takes exactly one argument ({} given)", args.len()))),
    }
}

/// The two positional arguments of a METH_FASTCALL function.
fn two_args<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<(&'a Value, &'a Value)> {
    match args {
        [x, y] if kwnames.is_empty() => Ok((x, y)),
        _ if !kwnames.is_empty() => Err(no_keywords_error(vm, name)),
        _ => Err(vm.type_error(format!("{name} expected 2 arguments, got {}", args.len()))),
    }
}

/// A real number as a double (CPython's `PyFloat_AsDouble`): a float (or
/// an instance of a subclass) is itself; another object converts through
/// its `__float__`, an int by its value, anything else through
/// `__index__`. OverflowError for ints beyond the float range.
pub(crate) fn real_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = float_of(v) {
        return Ok(f);
    }
    let ty = vm.type_of_static(v);
    if ty.heap.is_some() {
        if let Some(r) = crate::builtins::classes::call_dunder(vm, v, "__float__", &[])? {
            return match float_of(&r) {
                Some(f) => Ok(f),
                None => {
                    let msg = format!("{}.__float__ returned non-float (type {})", ty.name(), vm.type_of(&r).name());
                    Err(vm.type_error(msg))
                }
            };
        }
    }
    if let Some(i) = int_of(v) {
        return int_to_f64(vm, &i);
    }
    if let Some(i) = crate::ops::index(vm, v)? {
        if let Some(i) = int_of(&i) {
            return int_to_f64(vm, &i);
        }
    }
    Err(vm.type_error(format!("must be real number, not {}", ty.name())))
}

/// The one argument of a METH_O function, as a double.
fn real_one(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<f64> {
    let x = one_arg(vm, name, args, kwnames)?;
    real_arg(vm, x)
}

/// The one argument of a METH_O function, as an integer.
fn index_one(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<IBig> {
    let x = one_arg(vm, name, args, kwnames)?;
    index_arg(vm, x)
}

/// An integer argument (CPython's `PyNumber_Index`).
fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<IBig> {
    if let Some(i) = crate::ops::index(vm, v)?.as_ref().and_then(int_of) {
        return Ok(i.to_ibig());
    }
    let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
    Err(vm.type_error(msg))
}
