//! The integer functions: gcd, lcm, isqrt, factorial, comb, perm, and the
//! mantissa and exponent of a huge int (for the logarithms).
//!
//! Invariants:
//! - Arguments are ints by `__index__`; results are exact ints of any
//!   size, so only CPython's values and errors (with their texts and
//!   their order) need reproducing, not its algorithms.
//! - A result that could not be held (more than `int::MAX_INT_BITS` bits,
//!   estimated before computing) is a MemoryError, raised at once, where
//!   CPython would run out of memory or time.
//! - Products of many factors are split in halves (binary splitting), so
//!   big multiplications see operands of similar size.

use dashu_int::ops::{BitTest, Gcd, SquareRoot, UnsignedAbs};
use dashu_int::{IBig, UBig};

use crate::builtins::exceptions::MEMORY_ERROR;
use crate::builtins::function::no_keywords;
use crate::builtins::int::{new_big, new_int, MAX_INT_BITS};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{index_arg, index_one};

fn new_ubig(u: UBig) -> Value {
    new_big(IBig::from(u))
}

/// gcd of two magnitudes; gcd(0, x) = x.
fn gcd_of(a: &UBig, b: &UBig) -> UBig {
    if *a == UBig::ZERO {
        return b.clone();
    }
    if *b == UBig::ZERO {
        return a.clone();
    }
    a.gcd(b)
}

/// `math.gcd(*integers)`.
pub(super) fn gcd(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "math.gcd", kwnames)?;
    let mut res = UBig::ZERO;
    for a in args {
        let x = index_arg(vm, a)?.unsigned_abs();
        // Once the gcd is 1 the other arguments are only checked.
        if res != UBig::ONE {
            res = gcd_of(&res, &x);
        }
    }
    Ok(new_ubig(res))
}

/// `math.lcm(*integers)`.
pub(super) fn lcm(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "math.lcm", kwnames)?;
    let Some((first, rest)) = args.split_first() else { return Ok(new_int(1)) };
    let mut res = index_arg(vm, first)?.unsigned_abs();
    for a in rest {
        let x = index_arg(vm, a)?.unsigned_abs();
        // Once the lcm is 0 the other arguments are only checked.
        if res == UBig::ZERO {
            continue;
        }
        res = if x == UBig::ZERO { UBig::ZERO } else { &res / gcd_of(&res, &x) * x };
    }
    Ok(new_ubig(res))
}

/// `math.isqrt(n)`: the largest a with a * a <= n.
pub(super) fn isqrt(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let n = index_one(vm, "isqrt", args, kwnames)?;
    if n < IBig::ZERO {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(new_ubig(n.unsigned_abs().sqrt()))
}

fn memory_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.error(&MEMORY_ERROR, "")
}

/// Fail unless a result of about `bits` bits can be made.
fn check_size(vm: &mut Vm, bits: f64) -> PyResult<()> {
    if bits > MAX_INT_BITS as f64 {
        return Err(memory_error(vm));
    }
    Ok(())
}

/// The product of the integers in `lo..hi` (1 for an empty range).
fn range_product(lo: u64, hi: u64) -> UBig {
    if hi <= lo {
        return UBig::ONE;
    }
    if hi - lo <= 16 {
        // Gather factors in a machine word while they fit.
        let mut acc = UBig::ONE;
        let mut word: u64 = 1;
        for k in lo..hi {
            match word.checked_mul(k) {
                Some(w) => word = w,
                None => {
                    acc *= UBig::from(word);
                    word = k;
                }
            }
        }
        return acc * UBig::from(word);
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

/// The product of the `count` integers from `lo` up, for a `lo` of any size.
fn big_range_product(lo: &UBig, count: u64) -> UBig {
    match count {
        0 => UBig::ONE,
        1 => lo.clone(),
        _ => {
            let half = count / 2;
            big_range_product(lo, half) * big_range_product(&(lo + UBig::from(half)), count - half)
        }
    }
}

/// n!, for n already checked to fit.
fn factorial_of(n: u64) -> UBig {
    range_product(2, n + 1)
}

/// log2(n!) (Stirling), for the size check.
fn factorial_bits(n: u64) -> f64 {
    let n = n as f64;
    if n < 2.0 {
        0.0
    } else {
        n * (n.log2() - std::f64::consts::LOG2_E)
    }
}

/// `math.factorial(n)`.
pub(super) fn factorial(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let n = index_one(vm, "factorial", args, kwnames)?;
    factorial_value(vm, &n)
}

fn factorial_value(vm: &mut Vm, n: &IBig) -> PyResult<Value> {
    if *n > IBig::from(i64::MAX) {
        return Err(vm.overflow_error(format!("factorial() argument should not exceed {}", i64::MAX)));
    }
    let Ok(n) = u64::try_from(n) else {
        return Err(vm.value_error("factorial() not defined for negative values"));
    };
    check_size(vm, factorial_bits(n))?;
    Ok(new_ubig(factorial_of(n)))
}

/// The two arguments of comb and perm: non-negative ints, n then k.
fn n_and_k(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(UBig, UBig)> {
    let n = index_arg(vm, n)?;
    let k = index_arg(vm, k)?;
    if n < IBig::ZERO {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k < IBig::ZERO {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n.unsigned_abs(), k.unsigned_abs()))
}

/// n * (n-1) * ... * (n-k+1), for k <= n with k fitting an i64.
fn falling_product(vm: &mut Vm, n: &UBig, k: u64) -> PyResult<UBig> {
    let bits = k as f64 * n.bit_len() as f64;
    if k > 1 {
        check_size(vm, bits)?;
    }
    let low = n - UBig::from(k) + UBig::ONE;
    Ok(match (u64::try_from(&low), u64::try_from(n)) {
        (Ok(lo), Ok(hi)) if hi < u64::MAX => range_product(lo, hi + 1),
        _ => big_range_product(&low, k),
    })
}

/// `math.perm(n, k=None)`: n! / (n - k)!, 0 when k > n.
pub(super) fn perm(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "math.perm", kwnames)?;
    let (n, k) = match args {
        [n] => (n, None),
        [n, k] if crate::builtins::singletons::is_none(k) => (n, None),
        [n, k] => (n, Some(k)),
        _ => {
            let (how, bound) = if args.is_empty() { ("at least", 1) } else { ("at most", 2) };
            let s = if bound == 1 { "" } else { "s" };
            return Err(vm.type_error(format!("perm expected {how} {bound} argument{s}, got {}", args.len())));
        }
    };
    let Some(k) = k else {
        let n = index_arg(vm, n)?;
        return factorial_value(vm, &n);
    };
    let (n, k) = n_and_k(vm, n, k)?;
    if n < k {
        return Ok(new_int(0));
    }
    let Some(k) = u64::try_from(&k).ok().filter(|&k| k <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX)));
    };
    Ok(new_ubig(falling_product(vm, &n, k)?))
}

/// `math.comb(n, k)`: n! / (k! * (n - k)!), 0 when k > n.
pub(super) fn comb(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (n, k) = super::two_args(vm, "comb", args, kwnames)?;
    let (n, k) = n_and_k(vm, n, k)?;
    if n < k {
        return Ok(new_int(0));
    }
    // C(n, k) = C(n, n - k): take the smaller.
    let rest = &n - &k;
    let k = if rest < k { rest } else { k };
    let Some(k) = u64::try_from(&k).ok().filter(|&k| k <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    if k == 0 {
        return Ok(new_int(1));
    }
    // log2 C(n, k) >= k * log2(n / k).
    let lower = k as f64 * (n.bit_len() as f64 - 1.0 - (k as f64).log2());
    check_size(vm, lower)?;
    let top = falling_product(vm, &n, k)?;
    Ok(new_ubig(top / factorial_of(k)))
}

/// (m, e) with n == m * 2**e, 0.5 <= m < 1, m correctly rounded (half to
/// even) to a double's 53 bits (CPython's `_PyLong_Frexp`), for n > 0.
pub(super) fn frexp_big(n: &IBig) -> (f64, i64) {
    let n = n.clone().unsigned_abs();
    let bits = n.bit_len();
    // The top 55 bits, the last one sticky (set if any bit below is), make
    // the conversion to a double round as the whole number would.
    let (top, shift) = if bits > 55 {
        let shift = bits - 55;
        let mut top = u64::try_from(&(&n >> shift)).unwrap_or(0);
        if n.trailing_zeros().is_some_and(|z| z < shift) {
            top |= 1;
        }
        (top, shift)
    } else {
        (u64::try_from(&n).unwrap_or(0), 0)
    };
    let top_bits = bits - shift;
    let m = top as f64 / (1u64 << top_bits) as f64;
    if m == 1.0 {
        (0.5, bits as i64 + 1)
    } else {
        (m, bits as i64)
    }
}
