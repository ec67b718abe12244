//! Sums and products of many numbers: `fsum` (exact), `hypot` and `dist`
//! (CPython's `vector_norm`), `prod`.
//!
//! Invariants:
//! - `fsum` keeps a list of non-overlapping partial sums whose exact total
//!   is the exact sum of the values so far (Shewchuk's algorithm, as
//!   Raymond Hettinger's msum recipe with Mark Dickinson's correctly
//!   rounded final step, which CPython uses): the result is the correctly
//!   rounded sum, whatever the order of the values.
//! - `vector_norm` performs CPython 3.11's operations in CPython's order
//!   (power-of-two scaling, Veltkamp-Dekker splitting, compensated
//!   summation, one Newton correction of the square root), so `hypot` and
//!   `dist` agree with it bit for bit.

use crate::builtins::tuple::as_tuple;
use crate::builtins::str::as_str;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{libm, one_arg, real_arg, two_args};

/// `math.fsum(iterable)`.
pub(super) fn fsum(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let seq = one_arg(vm, "fsum", args, kwnames)?;
    let it = crate::ops::iter(vm, seq)?;
    // Non-zero, finite, non-overlapping, increasing in magnitude.
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0;
    let mut inf_sum = 0.0;
    while let Some(item) = crate::ops::next(vm, &it)? {
        let mut x = real_arg(vm, &item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // From an infinity or NaN among the values, or from overflow.
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    Ok(Value::float(sum_partials(&partials)))
}

/// The correctly rounded (half to even) sum of fsum's partials.
fn sum_partials(partials: &[f64]) -> f64 {
    let mut n = partials.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = partials[n];
    let mut lo = 0.0;
    // Add from the top while the sum stays exact.
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = partials[n];
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    // Half-even rounding across partials: when the rest pushes the same
    // way as the rounding error, round away from it.
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        let yr = x - hi;
        if y == yr {
            hi = x;
        }
    }
    hi
}

/// sqrt(sum(x * x for x in vec)) for finite `vec` whose largest magnitude
/// is `max` (CPython 3.11's `vector_norm`).
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0; // 2**27 + 1, Veltkamp's splitter
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = libm::frexp(max);
    // csum starts at 1.0, larger than any scaled square, so each addition
    // below is a Neumaier step whose error lands in frac1..frac3.
    let mut csum = 1.0;
    let mut frac1 = 0.0;
    if max_e < -1023 {
        // 2**-max_e would overflow: divide by max instead of scaling.
        for &v in vec {
            let x = v / max;
            let x = x * x;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
        }
        return max * libm::sqrt(csum - 1.0 + frac1);
    }
    let (mut frac2, mut frac3) = (0.0, 0.0);
    let scale = libm::ldexp(1.0, -max_e);
    for &v in vec {
        let x = v * scale;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;
        let x = hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        let x = 2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        frac3 += lo * lo;
    }
    let h = libm::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    // One Newton step: subtract h*h exactly and correct h by x / (2h).
    let t = h * T27;
    let hi = t - (t - h);
    let lo = h - hi;
    let x = -hi * hi;
    let old = csum;
    csum += x;
    frac1 += (old - csum) + x;
    let x = -2.0 * hi * lo;
    let old = csum;
    csum += x;
    frac2 += (old - csum) + x;
    let x = -lo * lo;
    let old = csum;
    csum += x;
    frac3 += (old - csum) + x;
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

/// `math.hypot(*coordinates)`.
pub(super) fn hypot(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "math.hypot", kwnames)?;
    let mut coordinates = Vec::with_capacity(args.len());
    let (mut max, mut found_nan) = (0.0, false);
    for a in args {
        let x = real_arg(vm, a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coordinates.push(x);
    }
    Ok(Value::float(vector_norm(&coordinates, max, found_nan)))
}

/// `math.dist(p, q)`: the points are tuples, or made tuples.
pub(super) fn dist(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (p, q) = two_args(vm, "dist", args, kwnames)?;
    let p = as_point(vm, p)?;
    let q = as_point(vm, q)?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0, false);
    for (a, b) in p.iter().zip(&q) {
        let px = real_arg(vm, a)?;
        let qx = real_arg(vm, b)?;
        let x = (px - qx).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::float(vector_norm(&diffs, max, found_nan)))
}

/// A point's coordinates: a tuple's items, else `tuple(v)`'s.
fn as_point(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Some(t) = as_tuple(v) {
        return Ok(t.items.clone());
    }
    let t = crate::eval::call(vm, &crate::types::type_value(&crate::builtins::tuple::TUPLE_TYPE), std::slice::from_ref(v), &[])?;
    Ok(as_tuple(&t).map(|t| t.items.clone()).unwrap_or_default())
}

/// `math.prod(iterable, /, *, start=1)`: `start * x0 * x1 * ...`.
pub(super) fn prod(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if args.len() > 2 {
        let kw = if npos == 0 { "keyword " } else { "" };
        return Err(vm.type_error(format!("prod() takes at most 2 {kw}arguments ({} given)", args.len())));
    }
    if npos != 1 {
        return Err(vm.type_error(format!("prod() takes exactly 1 positional argument ({npos} given)")));
    }
    let mut start = None;
    for (k, v) in kwnames.iter().zip(&args[1..]) {
        match as_str(k) {
            Some("start") => start = Some(v.clone()),
            Some(k) => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for prod()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let it = crate::ops::iter(vm, &args[0])?;
    let mut result = start.unwrap_or_else(|| crate::builtins::int::new_int(1));
    while let Some(item) = crate::ops::next(vm, &it)? {
        result = crate::ops::binary_op(vm, crate::types::BinOp::Multiply, &result, &item)?;
    }
    Ok(result)
}
