//! The `cmath` module (CPython's `Modules/cmathmodule.c`): the functions
//! of complex numbers.
//!
//! Invariants:
//! - Results are CPython's bit for bit: each function performs the same
//!   floating-point operations in the same order, calling the same libm
//!   symbols (`libm`), and answers an argument with an infinite or NaN
//!   part from C99 Annex G's tables (`cmath_special`).
//! - Each function computes a value and an `Errno`, as CPython's `c_*`
//!   functions set `errno`: `Domain` becomes ValueError("math domain
//!   error"), `Range` OverflowError("math range error").
//! - Arguments convert as `PyComplex_AsCComplex`: a complex (or subclass)
//!   is itself, else a class's `__complex__` (which must return a
//!   complex), else the real number `math.real_arg` makes.

use crate::builtins::complex::{complex_of, new_complex, ComplexData};
use crate::builtins::tuple::new_tuple;
use crate::types::CallFn;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::cmath_special::{self as sv, entry, lookup};
use super::{domain_error, libm, range_error, real_arg};

pub(super) type Cx = ComplexData;

/// What CPython's `errno` says after a function.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Errno {
    Ok,
    Domain,
    Range,
}

type Res = (Cx, Errno);

const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
const E: f64 = std::f64::consts::E;
/// 2*(DBL_MANT_DIG/2) + 1: scales a subnormal to a normal.
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -(SCALE_UP + 1) / 2;

fn sqrt_large_double() -> f64 {
    libm::sqrt(LARGE_DOUBLE)
}

fn log_large_double() -> f64 {
    libm::log(LARGE_DOUBLE)
}

fn c(re: f64, im: f64) -> Cx {
    Cx { re, im }
}

fn ok(re: f64, im: f64) -> Res {
    (c(re, im), Errno::Ok)
}

/// `-i * f(i*z)`: how sin, tan, asin and atan reduce to the hyperbolic ones.
fn rotated(z: Cx, f: fn(Cx) -> Res) -> Res {
    let (s, e) = f(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

// ----- the functions --------------------------------------------------------

fn c_sqrt(z: Cx) -> Res {
    if let Some(r) = lookup(z, &sv::SQRT) {
        return (r, Errno::Ok);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return ok(0.0, z.im);
    }
    let mut ax = z.re.abs();
    let ay = z.im.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // hypot(ax, ay) would be subnormal: scale up first.
        ax = libm::ldexp(ax, SCALE_UP);
        libm::ldexp(libm::sqrt(ax + libm::hypot(ax, libm::ldexp(ay, SCALE_UP))), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * libm::sqrt(ax + libm::hypot(ax, ay / 8.0))
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 {
        ok(s, d.copysign(z.im))
    } else {
        ok(d, s.copysign(z.im))
    }
}

fn c_acos(z: Cx) -> Res {
    if let Some(r) = lookup(z, &sv::ACOS) {
        return (r, Errno::Ok);
    }
    if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let re = libm::atan2(z.im.abs(), z.re);
        let im = -(libm::log(libm::hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0).copysign(z.im);
        return ok(re, im);
    }
    let s1 = c_sqrt(c(1.0 - z.re, -z.im)).0;
    let s2 = c_sqrt(c(1.0 + z.re, z.im)).0;
    ok(2.0 * libm::atan2(s1.re, s2.re), libm::asinh(s2.re * s1.im - s2.im * s1.re))
}

fn c_acosh(z: Cx) -> Res {
    if let Some(r) = lookup(z, &sv::ACOSH) {
        return (r, Errno::Ok);
    }
    if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let re = libm::log(libm::hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0;
        return ok(re, libm::atan2(z.im, z.re));
    }
    let s1 = c_sqrt(c(z.re - 1.0, z.im)).0;
    let s2 = c_sqrt(c(z.re + 1.0, z.im)).0;
    ok(libm::asinh(s1.re * s2.re + s1.im * s2.im), 2.0 * libm::atan2(s1.im, s2.re))
}

fn c_asin(z: Cx) -> Res {
    rotated(z, c_asinh)
}

fn c_asinh(z: Cx) -> Res {
    if let Some(r) = lookup(z, &sv::ASINH) {
        return (r, Errno::Ok);
    }
    if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let l = libm::log(libm::hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0;
        let re = if z.im >= 0.0 { l.copysign(z.re) } else { -l.copysign(-z.re) };
        return ok(re, libm::atan2(z.im, z.re.abs()));
    }
    let s1 = c_sqrt(c(1.0 + z.im, -z.re)).0;
    let s2 = c_sqrt(c(1.0 - z.im, z.re)).0;
    ok(libm::asinh(s1.re * s2.im - s2.re * s1.im), libm::atan2(z.im, s1.re * s2.re - s1.im * s2.im))
}

fn c_atan(z: Cx) -> Res {
    rotated(z, c_atanh)
}

fn c_atanh(z: Cx) -> Res {
    if let Some(r) = lookup(z, &sv::ATANH) {
        return (r, Errno::Ok);
    }
    // atanh(z) = -atanh(-z) reduces to z.re >= 0.
    if z.re < 0.0 {
        let (r, e) = c_atanh(c(-z.re, -z.im));
        return (c(-r.re, -r.im), e);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large_double() || ay > sqrt_large_double() {
        // atanh(z) ~ 1/z +- i*pi/2 for large z.
        let h = libm::hypot(z.re / 2.0, z.im / 2.0);
        return ok(z.re / 4.0 / h / h, (std::f64::consts::PI / 2.0).copysign(z.im));
    }
    if z.re == 1.0 && ay < libm::sqrt(f64::MIN_POSITIVE) {
        if ay == 0.0 {
            return (c(f64::INFINITY, z.im), Errno::Domain);
        }
        let re = -libm::log(libm::sqrt(ay) / libm::sqrt(libm::hypot(ay, 2.0)));
        return ok(re, (libm::atan2(2.0, -ay) / 2.0).copysign(z.im));
    }
    let re = super::real::log1p(4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)) / 4.0;
    let im = -libm::atan2(-2.0 * z.im, (1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0;
    ok(re, im)
}

fn c_cos(z: Cx) -> Res {
    c_cosh(c(-z.im, z.re))
}

/// The special values of cosh, sinh and exp for an infinite real part and
/// a finite non-zero imaginary one: infinities (or zeros) signed by
/// cos(y) and sin(y).
fn inf_signs(z: Cx) -> (f64, f64) {
    (libm::cos(z.im), libm::sin(z.im))
}

fn c_cosh(z: Cx) -> Res {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let (cy, sy) = inf_signs(z);
            if z.re > 0.0 {
                c(f64::INFINITY.copysign(cy), f64::INFINITY.copysign(sy))
            } else {
                c(f64::INFINITY.copysign(cy), -f64::INFINITY.copysign(sy))
            }
        } else {
            entry(z, &sv::COSH)
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() { Errno::Domain } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        // cosh(z.re) overflows where cosh(z) may not.
        let x_minus_one = z.re - 1.0f64.copysign(z.re);
        c(libm::cos(z.im) * libm::cosh(x_minus_one) * E, libm::sin(z.im) * libm::sinh(x_minus_one) * E)
    } else {
        c(libm::cos(z.im) * libm::cosh(z.re), libm::sin(z.im) * libm::sinh(z.re))
    };
    overflow_checked(r)
}

/// A finite computation's result, a range error if it overflowed.
fn overflow_checked(r: Cx) -> Res {
    let e = if r.re.is_infinite() || r.im.is_infinite() { Errno::Range } else { Errno::Ok };
    (r, e)
}

fn c_exp(z: Cx) -> Res {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let (cy, sy) = inf_signs(z);
            if z.re > 0.0 {
                c(f64::INFINITY.copysign(cy), f64::INFINITY.copysign(sy))
            } else {
                c(0.0f64.copysign(cy), 0.0f64.copysign(sy))
            }
        } else {
            entry(z, &sv::EXP)
        };
        let e = if z.im.is_infinite() && (z.re.is_finite() || (z.re.is_infinite() && z.re > 0.0)) {
            Errno::Domain
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.re > log_large_double() {
        let l = libm::exp(z.re - 1.0);
        c(l * libm::cos(z.im) * E, l * libm::sin(z.im) * E)
    } else {
        let l = libm::exp(z.re);
        c(l * libm::cos(z.im), l * libm::sin(z.im))
    };
    overflow_checked(r)
}

fn c_log(z: Cx) -> Res {
    if let Some(r) = lookup(z, &sv::LOG) {
        return (r, Errno::Ok);
    }
    let ax = z.re.abs();
    let ay = z.im.abs();
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        libm::log(libm::hypot(ax / 2.0, ay / 2.0)) + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // hypot(ax, ay) would be subnormal.
            libm::log(libm::hypot(libm::ldexp(ax, 53), libm::ldexp(ay, 53))) - 53.0 * LN2
        } else {
            return (c(f64::NEG_INFINITY, libm::atan2(z.im, z.re)), Errno::Domain);
        }
    } else {
        let h = libm::hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            super::real::log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            libm::log(h)
        }
    };
    ok(re, libm::atan2(z.im, z.re))
}

fn c_log10(z: Cx) -> Res {
    let (r, e) = c_log(z);
    (c(r.re / LN10, r.im / LN10), e)
}

fn c_sin(z: Cx) -> Res {
    rotated(z, c_sinh)
}

fn c_sinh(z: Cx) -> Res {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let (cy, sy) = inf_signs(z);
            if z.re > 0.0 {
                c(f64::INFINITY.copysign(cy), f64::INFINITY.copysign(sy))
            } else {
                c(-f64::INFINITY.copysign(cy), f64::INFINITY.copysign(sy))
            }
        } else {
            entry(z, &sv::SINH)
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() { Errno::Domain } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        let x_minus_one = z.re - 1.0f64.copysign(z.re);
        c(libm::cos(z.im) * libm::sinh(x_minus_one) * E, libm::sin(z.im) * libm::cosh(x_minus_one) * E)
    } else {
        c(libm::cos(z.im) * libm::sinh(z.re), libm::sin(z.im) * libm::cosh(z.re))
    };
    overflow_checked(r)
}

fn c_tan(z: Cx) -> Res {
    rotated(z, c_tanh)
}

fn c_tanh(z: Cx) -> Res {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let sign = 2.0 * libm::sin(z.im) * libm::cos(z.im);
            c(if z.re > 0.0 { 1.0 } else { -1.0 }, 0.0f64.copysign(sign))
        } else {
            entry(z, &sv::TANH)
        };
        let e = if z.im.is_infinite() && z.re.is_finite() { Errno::Domain } else { Errno::Ok };
        return (r, e);
    }
    if z.re.abs() > log_large_double() {
        let im = 4.0 * libm::sin(z.im) * libm::cos(z.im) * libm::exp(-2.0 * z.re.abs());
        return ok(1.0f64.copysign(z.re), im);
    }
    let tx = libm::tanh(z.re);
    let ty = libm::tan(z.im);
    let cx = 1.0 / libm::cosh(z.re);
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    ok(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
}

/// `rect(r, phi)`, in the spirit of C99: like exp(log(r) + i*phi).
fn c_rect(r: f64, phi: f64) -> Res {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (cp, sp) = (libm::cos(phi), libm::sin(phi));
            if r > 0.0 {
                c(f64::INFINITY.copysign(cp), f64::INFINITY.copysign(sp))
            } else {
                c(-f64::INFINITY.copysign(cp), -f64::INFINITY.copysign(sp))
            }
        } else {
            entry(c(r, phi), &sv::RECT)
        };
        let e = if r != 0.0 && !r.is_nan() && phi.is_infinite() { Errno::Domain } else { Errno::Ok };
        return (z, e);
    }
    if phi == 0.0 {
        return ok(r, r * phi);
    }
    ok(r * libm::cos(phi), r * libm::sin(phi))
}

/// `abs(z)` as CPython's `_Py_c_abs`: infinities win over NaNs; a range
/// error when a finite z's modulus overflows.
fn c_abs(z: Cx) -> (f64, Errno) {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() {
            return (z.re.abs(), Errno::Ok);
        }
        if z.im.is_infinite() {
            return (z.im.abs(), Errno::Ok);
        }
        return (f64::NAN, Errno::Ok);
    }
    let r = libm::hypot(z.re, z.im);
    (r, if r.is_finite() { Errno::Ok } else { Errno::Range })
}

// ----- arguments and results ------------------------------------------------

/// A complex argument (CPython's `PyComplex_AsCComplex`).
fn complex_arg(vm: &mut Vm, v: &Value) -> PyResult<Cx> {
    if let Some(z) = complex_of(v) {
        return Ok(z);
    }
    if vm.type_of(v).heap.is_some() {
        if let Some(r) = crate::builtins::classes::call_dunder(vm, v, "__complex__", &[])? {
            return match complex_of(&r) {
                Some(z) => Ok(z),
                None => {
                    let msg = format!("__complex__ returned non-complex (type {})", vm.type_of(&r).name());
                    Err(vm.type_error(msg))
                }
            };
        }
    }
    Ok(c(real_arg(vm, v)?, 0.0))
}

/// The one argument of a METH_O function (`cmath.NAME(z)`).
fn one_arg<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    match args {
        _ if !kwnames.is_empty() => Err(vm.type_error(format!("cmath.{name}() takes no keyword arguments"))),
        [x] => Ok(x),
        _ => Err(vm.type_error(format!("cmath.{name}() takes exactly one argument ({} given)", args.len()))),
    }
}

fn complex_one(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Cx> {
    let z = one_arg(vm, name, args, kwnames)?;
    complex_arg(vm, z)
}

/// A result as a complex, or the error `errno` names.
fn finish(vm: &mut Vm, (r, e): Res) -> PyResult<Value> {
    match e {
        Errno::Ok => Ok(new_complex(r.re, r.im)),
        Errno::Domain => Err(domain_error(vm)),
        Errno::Range => Err(range_error(vm)),
    }
}

/// A function of one complex argument.
fn unary(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], f: fn(Cx) -> Res) -> PyResult<Value> {
    let z = complex_one(vm, name, args, kwnames)?;
    finish(vm, f(z))
}

/// `cmath.log(z[, base])`.
fn log(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("cmath.log() takes no keyword arguments"));
    }
    match args.len() {
        0 => return Err(vm.type_error("log expected at least 1 argument, got 0")),
        1 | 2 => {}
        n => return Err(vm.type_error(format!("log expected at most 2 arguments, got {n}"))),
    }
    let x = complex_arg(vm, &args[0])?;
    let (mut r, mut e) = c_log(x);
    if let Some(base) = args.get(1) {
        let y = complex_arg(vm, base)?;
        let (ly, ey) = c_log(y);
        // CPython's errno is the last one set: every path of c_log sets
        // it, so the base's log overrides the first, and the division
        // sets it only when dividing by zero (log(0, 2) is -inf+nanj).
        e = ey;
        match crate::builtins::complex::quot(r, ly) {
            Ok(q) => r = q,
            Err(_) => {
                r = c(0.0, 0.0);
                e = Errno::Domain;
            }
        }
    }
    finish(vm, (r, e))
}

/// `cmath.rect(r, phi)`.
fn rect(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("rect() takes no keyword arguments"));
    }
    let [r, phi] = args else {
        return Err(vm.type_error(format!("rect expected 2 arguments, got {}", args.len())));
    };
    let r = real_arg(vm, r)?;
    let phi = real_arg(vm, phi)?;
    finish(vm, c_rect(r, phi))
}

/// `cmath.phase(z)`: atan2 of the parts.
fn phase(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let z = complex_one(vm, "phase", args, kwnames)?;
    // CPython checks errno after atan2, which glibc sets (to ERANGE) when
    // the result underflows.
    let (phi, errno) = libm::atan2_errno(z.im, z.re);
    if errno == libc::EDOM {
        return Err(domain_error(vm));
    }
    if errno != 0 {
        return Err(range_error(vm));
    }
    Ok(Value::float(phi))
}

/// `cmath.polar(z)`: (abs(z), phase(z)).
fn polar(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let z = complex_one(vm, "polar", args, kwnames)?;
    let phi = libm::atan2(z.im, z.re);
    let (r, e) = c_abs(z);
    if e == Errno::Range {
        return Err(range_error(vm));
    }
    Ok(new_tuple(vec![Value::float(r), Value::float(phi)]))
}

fn predicate(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], f: fn(Cx) -> bool) -> PyResult<Value> {
    let z = complex_one(vm, name, args, kwnames)?;
    Ok(vm.bool(f(z)))
}

/// `cmath.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn isclose(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [a, b, rel_tol, abs_tol] =
        crate::builtins::itertools::bind(vm, "isclose", args, kwnames, ["a", "b", "rel_tol", "abs_tol"], 2, 2)?;
    let a = complex_arg(vm, a.as_ref().expect("required"))?;
    let b = complex_arg(vm, b.as_ref().expect("required"))?;
    let rel_tol = match rel_tol {
        Some(v) => real_arg(vm, &v)?,
        None => 1e-9,
    };
    let abs_tol = match abs_tol {
        Some(v) => real_arg(vm, &v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a.re == b.re && a.im == b.im {
        return Ok(vm.bool(true));
    }
    if a.re.is_infinite() || a.im.is_infinite() || b.re.is_infinite() || b.im.is_infinite() {
        return Ok(vm.bool(false));
    }
    let diff = c_abs(c(a.re - b.re, a.im - b.im)).0;
    let close = diff <= rel_tol * c_abs(b).0 || diff <= rel_tol * c_abs(a).0 || diff <= abs_tol;
    Ok(vm.bool(close))
}

/// The module's functions, in CPython's method-table order.
const FUNCTIONS: &[(&str, CallFn)] = &[
    ("acos", |vm, _, a, k| unary(vm, "acos", a, k, c_acos)),
    ("acosh", |vm, _, a, k| unary(vm, "acosh", a, k, c_acosh)),
    ("asin", |vm, _, a, k| unary(vm, "asin", a, k, c_asin)),
    ("asinh", |vm, _, a, k| unary(vm, "asinh", a, k, c_asinh)),
    ("atan", |vm, _, a, k| unary(vm, "atan", a, k, c_atan)),
    ("atanh", |vm, _, a, k| unary(vm, "atanh", a, k, c_atanh)),
    ("cos", |vm, _, a, k| unary(vm, "cos", a, k, c_cos)),
    ("cosh", |vm, _, a, k| unary(vm, "cosh", a, k, c_cosh)),
    ("exp", |vm, _, a, k| unary(vm, "exp", a, k, c_exp)),
    ("isclose", isclose),
    ("isfinite", |vm, _, a, k| predicate(vm, "isfinite", a, k, |z| z.re.is_finite() && z.im.is_finite())),
    ("isinf", |vm, _, a, k| predicate(vm, "isinf", a, k, |z| z.re.is_infinite() || z.im.is_infinite())),
    ("isnan", |vm, _, a, k| predicate(vm, "isnan", a, k, |z| z.re.is_nan() || z.im.is_nan())),
    ("log", log),
    ("log10", |vm, _, a, k| unary(vm, "log10", a, k, c_log10)),
    ("phase", phase),
    ("polar", polar),
    ("rect", rect),
    ("sin", |vm, _, a, k| unary(vm, "sin", a, k, c_sin)),
    ("sinh", |vm, _, a, k| unary(vm, "sinh", a, k, c_sinh)),
    ("sqrt", |vm, _, a, k| unary(vm, "sqrt", a, k, c_sqrt)),
    ("tan", |vm, _, a, k| unary(vm, "tan", a, k, c_tan)),
    ("tanh", |vm, _, a, k| unary(vm, "tanh", a, k, c_tanh)),
];

const DOC: &str = "This module provides access to mathematical functions for complex\nnumbers.";

/// The `cmath` module.
pub fn new_cmath_module(vm: &mut Vm) -> PyResult<Value> {
    let d = crate::builtins::function::native_module_dict(vm, "cmath", DOC, FUNCTIONS)?;
    let dd = crate::builtins::dict::as_dict(&d).expect("a dict");
    let constants = [
        ("pi", Value::float(std::f64::consts::PI)),
        ("e", Value::float(E)),
        ("tau", Value::float(std::f64::consts::TAU)),
        ("inf", Value::float(f64::INFINITY)),
        ("infj", new_complex(0.0, f64::INFINITY)),
        ("nan", Value::float(f64::NAN)),
        ("nanj", new_complex(0.0, f64::NAN)),
    ];
    for (name, v) in constants {
        dd.set(vm, crate::builtins::str::new_str(name), v)?;
    }
    Ok(crate::builtins::function::new_module("cmath", d))
}
