//! The functions of real numbers: libm's one- and two-argument functions
//! with CPython's error checks, the logarithms (of ints of any size),
//! pow, fmod, remainder, atan2, frexp/ldexp/modf, isclose, nextafter,
//! ulp, and ceil/floor/trunc with their `__ceil__`/`__floor__`/`__trunc__`.
//!
//! Invariants:
//! - A result is checked as CPython's `math_1`/`math_2` do: NaN from
//!   non-NaN arguments is a domain error; an infinity from finite
//!   arguments is a range error for functions that can overflow, else a
//!   domain error (a singularity). Functions CPython writes itself (the
//!   `m_*` helpers) handle their special values before libm is called.

use crate::builtins::float::{float_to_int, FLOAT_TYPE};
use crate::builtins::int::{int_of, new_big};
use crate::builtins::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{domain_error, libm, one_arg, range_error, real_arg, real_one, two_args};

// ----- the math_1 / math_2 families ----------------------------------------

/// A one-argument function of libm with CPython's `math_1` checks.
pub(super) fn unary(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let x = real_one(vm, name, args, kwnames)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error(vm) } else { domain_error(vm) });
    }
    Ok(Value::float(r))
}

/// A one-argument function that cannot fail (degrees, radians, erf, ulp).
pub(super) fn plain(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], f: fn(f64) -> f64) -> PyResult<Value> {
    let x = real_one(vm, name, args, kwnames)?;
    Ok(Value::float(f(x)))
}

/// isfinite, isinf, isnan.
pub(super) fn predicate(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], f: fn(f64) -> bool) -> PyResult<Value> {
    let x = real_one(vm, name, args, kwnames)?;
    Ok(vm.bool(f(x)))
}

/// Why a function CPython writes itself failed (the `errno` it would set).
pub(super) enum Fault {
    /// EDOM: ValueError.
    Domain,
    /// ERANGE with an infinite result: OverflowError.
    Range,
}

/// A function that reports its own errors (CPython's `math_1a`).
pub(super) fn with_errno(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], f: fn(f64) -> Result<f64, Fault>) -> PyResult<Value> {
    let x = real_one(vm, name, args, kwnames)?;
    match f(x) {
        Ok(r) => Ok(Value::float(r)),
        Err(Fault::Domain) => Err(domain_error(vm)),
        Err(Fault::Range) => Err(range_error(vm)),
    }
}

/// A two-argument function with CPython's `math_2` checks.
pub(super) fn binary(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], f: fn(f64, f64) -> f64) -> PyResult<Value> {
    let (a, b) = two_args(vm, name, args, kwnames)?;
    let x = real_arg(vm, a)?;
    let y = real_arg(vm, b)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(r))
}

/// CPython's `m_atan2`: the special values of C99 Annex F handled before libm.
pub(super) fn atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            let angle = if x.is_sign_positive() { 0.25 * PI } else { 0.75 * PI };
            return angle.copysign(y);
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() { 0.0f64.copysign(y) } else { PI.copysign(y) };
    }
    libm::atan2(y, x)
}

/// CPython's `m_remainder`: `x - n*y` for the integer `n` nearest `x/y`
/// (ties to even), always exact.
pub(super) fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = libm::fmod(absx, absy);
        // Compare m with absy - m rather than with absy / 2, which may not
        // be representable; absy - m is whenever it matters.
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Half-way: fmod(0.5 * (absx - m), absy) is m when the multiple
            // below is odd, 0 when it is even (every step exact).
            m - 2.0 * libm::fmod(0.5 * (absx - m), absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// CPython's `_Py_log1p`: libm's, except that a zero keeps its sign.
pub(super) fn log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        libm::log1p(x)
    }
}

/// `math.fmod(x, y)`: C's fmod, but `x` itself for an infinite `y`.
pub(super) fn fmod(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (a, b) = two_args(vm, "fmod", args, kwnames)?;
    let x = real_arg(vm, a)?;
    let y = real_arg(vm, b)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(Value::float(r))
}

/// `math.pow(x, y)`: C99's special values handled directly; a NaN from
/// finite arguments is a domain error, an infinity a domain error for
/// `0 ** negative` and a range error otherwise.
pub(super) fn pow(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (a, b) = two_args(vm, "pow", args, kwnames)?;
    let x = real_arg(vm, a)?;
    let y = real_arg(vm, b)?;
    if x.is_finite() && y.is_finite() {
        let r = libm::pow(x, y);
        if r.is_nan() || (r.is_infinite() && x == 0.0) {
            return Err(domain_error(vm));
        }
        if r.is_infinite() {
            return Err(range_error(vm));
        }
        return Ok(Value::float(r));
    }
    let r = if x.is_nan() {
        if y == 0.0 {
            1.0
        } else {
            x
        }
    } else if y.is_nan() {
        if x == 1.0 {
            1.0
        } else {
            y
        }
    } else if x.is_infinite() {
        let odd_y = y.is_finite() && libm::fmod(y.abs(), 2.0) == 1.0;
        if y > 0.0 {
            if odd_y {
                x
            } else {
                x.abs()
            }
        } else if y == 0.0 {
            1.0
        } else if odd_y {
            0.0f64.copysign(x)
        } else {
            0.0
        }
    } else if x.abs() == 1.0 {
        // y is infinite from here on.
        1.0
    } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
        f64::INFINITY
    } else {
        0.0
    };
    Ok(Value::float(r))
}

/// `math.nextafter(x, y)`.
pub(super) fn nextafter(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (a, b) = two_args(vm, "nextafter", args, kwnames)?;
    let x = real_arg(vm, a)?;
    let y = real_arg(vm, b)?;
    Ok(Value::float(libm::nextafter(x, y)))
}

/// `math.ulp(x)`: the gap from |x| to the next float away from zero (to
/// the one below, for the largest float).
pub(super) fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = libm::nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        return x - libm::nextafter(x, f64::NEG_INFINITY);
    }
    up - x
}

/// `math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
pub(super) fn isclose(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [a, b, rel_tol, abs_tol] =
        crate::builtins::itertools::bind(vm, "isclose", args, kwnames, ["a", "b", "rel_tol", "abs_tol"], 2, 2)?;
    let mut real = |v: Option<Value>, default: f64| match v {
        Some(v) => real_arg(vm, &v),
        None => Ok(default),
    };
    let a = real(a, 0.0)?;
    let b = real(b, 0.0)?;
    let rel_tol = real(rel_tol, 1e-9)?;
    let abs_tol = real(abs_tol, 0.0)?;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        // Also two infinities of the same sign.
        return Ok(vm.bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(vm.bool(false));
    }
    let diff = (b - a).abs();
    Ok(vm.bool(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol))
}

// ----- frexp, ldexp, modf ---------------------------------------------------

/// `math.frexp(x)`: (m, e) with x == m * 2**e; (x, 0) for zeros,
/// infinities and NaN.
pub(super) fn frexp(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = real_one(vm, "frexp", args, kwnames)?;
    let (m, e) = if x.is_finite() && x != 0.0 { libm::frexp(x) } else { (x, 0) };
    Ok(new_tuple(vec![Value::float(m), crate::builtins::int::new_int(e.into())]))
}

/// `math.ldexp(x, i)`: x * 2**i for an int i (of any size).
pub(super) fn ldexp(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (a, b) = two_args(vm, "ldexp", args, kwnames)?;
    let x = real_arg(vm, a)?;
    let Some(i) = int_of(b) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    // CPython clamps the exponent to a C long, then compares with INT_MAX.
    let exp = match i {
        crate::builtins::int::Int::Small(e) => e,
        crate::builtins::int::Int::Big(b) => i64::try_from(b).unwrap_or(if *b < dashu_int::IBig::ZERO { i64::MIN } else { i64::MAX }),
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = match i32::try_from(exp) {
        Ok(e) => libm::ldexp(x, e),
        Err(_) if exp > 0 => f64::INFINITY.copysign(x),
        Err(_) => 0.0f64.copysign(x),
    };
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(r))
}

/// `math.modf(x)`: (fractional part, integral part), both floats with x's sign.
pub(super) fn modf(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = real_one(vm, "modf", args, kwnames)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        libm::modf(x)
    };
    Ok(new_tuple(vec![Value::float(frac), Value::float(int)]))
}

// ----- logarithms -----------------------------------------------------------

/// CPython's `m_log`: the special values handled here, libm's log for
/// positive finite x.
fn log_e(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            libm::log(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

/// CPython's `m_log2`.
pub(super) fn log2(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { x } else { f64::NAN };
    }
    if x > 0.0 {
        libm::log2(x)
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

/// CPython's `m_log10`.
pub(super) fn log10(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            libm::log10(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

/// CPython's `loghelper`: an int of any size is its own case (the log of
/// m * 2**e when it is too large for a float); anything else goes through
/// `math_1`'s checks.
fn log_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = int_of(v) {
        let n = i.to_ibig();
        if n <= dashu_int::IBig::ZERO {
            return Err(domain_error(vm));
        }
        let x = crate::builtins::float::big_to_f64(&n);
        if x.is_finite() {
            return Ok(f(x));
        }
        let (m, e) = super::integer::frexp_big(&n);
        return Ok(f(m) + f(2.0) * e as f64);
    }
    let x = real_arg(vm, v)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() || r.is_infinite() && x.is_finite() {
        return Err(domain_error(vm));
    }
    Ok(r)
}

/// `math.log(x[, base])`.
pub(super) fn log(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "log", kwnames)?;
    let (x, base) = match args {
        [x] => (x, None),
        [x, b] => (x, Some(b)),
        _ => return Err(vm.type_error("math.log requires 1 to 2 arguments")),
    };
    let num = log_of(vm, x, log_e)?;
    let Some(base) = base else { return Ok(Value::float(num)) };
    let den = log_of(vm, base, log_e)?;
    if den == 0.0 {
        return Err(vm.zero_division_error("float division by zero"));
    }
    Ok(Value::float(num / den))
}

/// `math.log2(x)`, `math.log10(x)`.
pub(super) fn log_n(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], f: fn(f64) -> f64) -> PyResult<Value> {
    let x = one_arg(vm, name, args, kwnames)?;
    log_of(vm, x, f).map(Value::float)
}

// ----- ceil, floor, trunc ---------------------------------------------------

/// The exact int of an int, a bool or an instance of an int subclass (what
/// `int.__floor__`, `__ceil__` and `__trunc__` return).
fn exact_int(v: &Value) -> Option<Value> {
    int_of(v).map(|i| new_big(i.to_ibig()))
}

/// `x.NAME()` for a dunder found on type(x), if it has one.
fn call_special(vm: &mut Vm, x: &Value, name: &'static str) -> PyResult<Option<Value>> {
    match crate::builtins::classes::lookup_special(vm, x, name)? {
        Some(method) => crate::eval::call(vm, &method, &[], &[]).map(Some),
        None => Ok(None),
    }
}

fn is_exact_float(vm: &Vm, x: &Value) -> bool {
    std::ptr::eq(vm.type_of(x), &FLOAT_TYPE)
}

/// `math.floor(x)` and `math.ceil(x)`: a float directly, else the type's
/// `__floor__`/`__ceil__` (int's returns the int), else the float of x.
fn rounded(vm: &mut Vm, name: &str, dunder: &'static str, args: &[Value], kwnames: &[Value], f: fn(f64) -> f64) -> PyResult<Value> {
    let x = one_arg(vm, name, args, kwnames)?;
    if !is_exact_float(vm, x) {
        if let Some(r) = call_special(vm, x, dunder)? {
            return Ok(r);
        }
        if let Some(i) = exact_int(x) {
            return Ok(i);
        }
    }
    let x = real_arg(vm, x)?;
    float_to_int(vm, f(x))
}

pub(super) fn floor(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    rounded(vm, "floor", "__floor__", args, kwnames, f64::floor)
}

pub(super) fn ceil(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    rounded(vm, "ceil", "__ceil__", args, kwnames, f64::ceil)
}

/// `math.trunc(x)`: a float directly, else the type's `__trunc__` (int's
/// and float's are built in), else a TypeError.
pub(super) fn trunc(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one_arg(vm, "trunc", args, kwnames)?;
    if !is_exact_float(vm, x) {
        if let Some(r) = call_special(vm, x, "__trunc__")? {
            return Ok(r);
        }
        if let Some(i) = exact_int(x) {
            return Ok(i);
        }
    }
    match crate::builtins::float::float_of(x) {
        Some(f) => float_to_int(vm, f),
        None => {
            let msg = format!("type {} doesn't define __trunc__ method", vm.type_of(x).name());
            Err(vm.type_error(msg))
        }
    }
}
