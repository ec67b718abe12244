//! `float`: always a `Value` immediate.
//!
//! Invariants:
//! - Mixed `int`/`float` arithmetic converts the int with correct rounding
//!   (OverflowError "int too large to convert to float" past the range);
//!   comparisons between them are exact, as CPython's.
//! - `//` and `%` follow CPython's `_float_div_mod`: the remainder takes the
//!   divisor's sign, the quotient is floored and exact when representable.
//! - `hash(x)` is CPython's: equal to the hash of an equal int, ±314159 for
//!   infinities.

use std::cell::Cell;

use dashu_int::ops::{BitTest, UnsignedAbs};
use dashu_int::IBig;

use crate::builtins::int::{hash_int, int_of, Int, HASH_MODULUS};
use crate::builtins::str::new_str;
use crate::types::{never_dealloc, trace_nothing, BinOp, CompareOp, NumberSlots, Slot, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

static FLOAT_NUMBER: NumberSlots = NumberSlots {
    binary: [
        Some(|vm, a, b| float_binary(vm, BinOp::Add, a, b)),
        None,
        Some(|vm, a, b| float_binary(vm, BinOp::FloorDivide, a, b)),
        None,
        None,
        Some(|vm, a, b| float_binary(vm, BinOp::Multiply, a, b)),
        Some(|vm, a, b| float_binary(vm, BinOp::Remainder, a, b)),
        None,
        Some(|vm, a, b| float_binary(vm, BinOp::Power, a, b)),
        None,
        Some(|vm, a, b| float_binary(vm, BinOp::Subtract, a, b)),
        Some(|vm, a, b| float_binary(vm, BinOp::TrueDivide, a, b)),
        None,
    ],
    negative: Some(|_, v| Ok(Value::float(-float_of(v).unwrap_or(0.0)))),
    positive: Some(|_, v| Ok(Value::float(float_of(v).unwrap_or(0.0)))),
    invert: None,
    absolute: Some(|_, v| Ok(Value::float(float_of(v).unwrap_or(0.0).abs()))),
    inplace: [None; 13],
    divmod: Some(float_divmod_slot),
    int: Some(float_int),
    float: Some(|_, v| Ok(Value::float(float_of(v).unwrap_or(0.0)))),
    index: None,
};

/// `divmod(a, b)` of floats (or a float and an int).
fn float_divmod_slot(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_operand(vm, a)?, as_operand(vm, b)?) else {
        return Ok(vm.not_implemented());
    };
    if y == 0.0 {
        return Err(vm.zero_division_error("float divmod()"));
    }
    let (q, r) = float_divmod(x, y);
    Ok(crate::builtins::tuple::new_tuple(vec![Value::float(q), Value::float(r)]))
}

/// `int(x)` of a float: truncated (CPython's `float___trunc___impl`).
fn float_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = float_of(v).unwrap_or(0.0);
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    Ok(crate::builtins::int::new_big(IBig::try_from(f.trunc()).unwrap_or_default()))
}

pub static FLOAT_TYPE: TypeObject = TypeObject {
    flags: std::cell::Cell::new(crate::types::tp_flags::MATCH_SELF),
    repr: Slot::new(float_repr),
    hash: Slot::new(|_, v| Ok(hash_float(float_of(v).unwrap_or(0.0), v))),
    richcompare: Slot::new(float_richcompare),
    bool: Slot::new(|_, v| Ok(float_of(v).is_some_and(|f| f != 0.0))),
    number: Cell::new(&FLOAT_NUMBER),
    new: Some(crate::builtins::functions::float_new),
    methods: crate::builtins::float_methods::METHODS,
    class_methods: crate::builtins::float_methods::CLASS_METHODS,
    // The numbers tower: a float is its own real part.
    getsets: &[
        crate::types::GetSetDef { name: "real", get: |_, v| Ok(Value::float(float_of(v).unwrap_or(0.0))), set: None, member: false },
        crate::types::GetSetDef { name: "imag", get: |_, _| Ok(Value::float(0.0)), set: None, member: false },
    ],
    ..TypeObject::builtin("float", Some(&OBJECT_TYPE), never_dealloc, trace_nothing)
};

/// The value of a float (an immediate, or an instance of a subclass).
#[inline]
pub fn float_of(v: &Value) -> Option<f64> {
    match v.as_float() {
        Some(f) => Some(f),
        None => subclass_float(v),
    }
}

/// The value of an instance of a subclass of float: its payload is an f64.
fn subclass_float(v: &Value) -> Option<f64> {
    let p = v.as_object()?;
    let ty = p.ty();
    // SAFETY: instances of float subclasses start with an f64 payload
    // (classes::Subclassed<f64>).
    (ty.heap.is_some() && ty.is_subtype(&FLOAT_TYPE)).then(|| *unsafe { p.data::<f64>() })
}

/// An int converted to float, correctly rounded.
pub fn int_to_f64(vm: &mut Vm, i: &Int) -> PyResult<f64> {
    let f = match i {
        Int::Small(v) => *v as f64,
        Int::Big(b) => big_to_f64(b),
    };
    if f.is_infinite() {
        return Err(vm.overflow_error("int too large to convert to float"));
    }
    Ok(f)
}

/// The nearest float to `b`, ties to even (CPython's `_PyLong_Frexp`
/// rounding); infinite past the range. The top 64 bits, with a sticky
/// bit for anything below them, round once in Rust's `u64 as f64`
/// (nearest, ties to even); scaling by a power of two is then exact.
pub fn big_to_f64(b: &IBig) -> f64 {
    let mag = b.clone().unsigned_abs();
    let bits = mag.bit_len();
    let f = if bits <= 64 {
        u64::try_from(&mag).unwrap_or(u64::MAX) as f64
    } else if bits > 1025 {
        f64::INFINITY
    } else {
        let shift = bits - 64;
        let sticky = mag.trailing_zeros().is_some_and(|z| z < shift);
        let top = u64::try_from(&(mag >> shift)).unwrap_or(u64::MAX) | sticky as u64;
        top as f64 * 2f64.powi(shift as i32)
    };
    if *b < IBig::ZERO {
        -f
    } else {
        f
    }
}

/// The int of a float's integral part (CPython's `PyLong_FromDouble`):
/// ValueError for NaN, OverflowError for infinities.
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e15 {
        return Ok(crate::builtins::int::new_int(t as i64));
    }
    Ok(crate::builtins::int::new_big(IBig::try_from(t).unwrap_or_default()))
}

/// An operand of mixed arithmetic: a float, or an int made one.
fn as_operand(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = float_of(v) {
        return Ok(Some(f));
    }
    match int_of(v) {
        Some(i) => int_to_f64(vm, &i).map(Some),
        None => Ok(None),
    }
}

fn float_binary(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_operand(vm, a)?, as_operand(vm, b)?) else {
        return Ok(vm.not_implemented());
    };
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Subtract => x - y,
        BinOp::Multiply => x * y,
        BinOp::TrueDivide => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDivide => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        BinOp::Remainder => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float modulo"));
            }
            float_divmod(x, y).1
        }
        BinOp::Power => return float_pow(vm, x, y),
        _ => return Ok(vm.not_implemented()),
    };
    Ok(Value::float(r))
}

/// CPython's `_float_div_mod`: (floor quotient, remainder with y's sign).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `x ** y` for floats, with CPython's errors.
pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(Value::float(1.0));
    }
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    if y.is_nan() {
        return Ok(Value::float(if x == 1.0 { 1.0 } else { y }));
    }
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        // A negative base to a fractional power is complex.
        return crate::builtins::complex::float_pow_complex(vm, x, y);
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::float(r))
}

fn float_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(x) = float_of(a) else { return Ok(vm.not_implemented()) };
    let r = if let Some(y) = float_of(b) {
        match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        }
    } else if let Some(i) = int_of(b) {
        match compare_float_int(x, &i) {
            Some(ord) => crate::ops::ordering_satisfies(ord, op),
            // NaN: only != holds.
            None => op == CompareOp::Ne,
        }
    } else {
        return Ok(vm.not_implemented());
    };
    Ok(vm.bool(r))
}

/// Exact comparison of a float with an int; `None` for NaN.
fn compare_float_int(x: f64, i: &Int) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    if let Int::Small(v) = i {
        // Small ints (48 bits) are exact as floats.
        return (x).partial_cmp(&(*v as f64));
    }
    // Compare the integer part exactly, then the fraction.
    let t = x.trunc();
    let ti = IBig::try_from(t).unwrap_or_default();
    match ti.cmp(&i.to_ibig()) {
        Ordering::Equal => (x - t).partial_cmp(&0.0),
        ord => Some(ord),
    }
}

/// CPython's hash of a float (equal to the hash of an equal int).
pub fn hash_float(x: f64, v: &Value) -> i64 {
    if x.is_nan() {
        // Since 3.10 a NaN hashes by identity (as `object.__hash__`).
        return crate::ops::hash_identity(v);
    }
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        return hash_int(&Int::Small(x as i64));
    }
    const BITS: i32 = 61;
    let (mut m, mut e) = frexp(x);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    // Accumulate the mantissa 28 bits at a time, modulo 2**61 - 1.
    let mut acc: u64 = 0;
    while m != 0.0 {
        acc = ((acc << 28) & HASH_MODULUS) | (acc >> (BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        acc += y;
        if acc >= HASH_MODULUS {
            acc -= HASH_MODULUS;
        }
    }
    // Multiply by 2**e modulo 2**61 - 1: a rotation by e mod 61.
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
    acc = ((acc << e) & HASH_MODULUS) | (acc >> (BITS - e));
    let h = (acc as i64).wrapping_mul(sign);
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `frexp`: x = m * 2**e with 0.5 <= |m| < 1 (x finite, non-zero).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7FF << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn float_repr(_: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_str(&krait_syntax::repr::float_repr(float_of(v).unwrap_or(0.0))))
}
