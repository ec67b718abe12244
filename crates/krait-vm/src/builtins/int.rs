//! `int`: small ints are `Value` immediates; the rest are heap big integers
//! (`dashu_int::IBig`).
//!
//! Invariants:
//! - A heap `int` never holds a value in the small range (`new_big`
//!   normalises), so the two representations never overlap.
//! - `bool` is a subclass: `True`/`False` take part in int arithmetic as 1/0
//!   (`int_of` reads them).
//! - Division and modulo floor, as Python's do (dashu's `DivRem` truncates;
//!   the results are adjusted here).
//! - `hash(n)` is CPython's: `n mod (2**61 - 1)` with `n`'s sign, -1 -> -2.

use std::cell::Cell;

use dashu_int::ops::{BitTest, UnsignedAbs};
use dashu_int::IBig;

use crate::builtins::exceptions::MEMORY_ERROR;
use crate::builtins::singletons::as_bool;
use crate::builtins::str::new_str;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{trace_nothing, BinOp, CompareOp, NumberSlots, Slot, TypeObject, OBJECT_TYPE};
use crate::value::{Unpacked, Value};
use crate::vm::{PyResult, Vm};

/// CPython 3.11.7's default `sys.get_int_max_str_digits()`.
pub const MAX_STR_DIGITS: usize = 4300;

thread_local! {
    /// `sys.get_int_max_str_digits()`: 0 is no limit. From `-X
    /// int_max_str_digits` or `$PYTHONINTMAXSTRDIGITS` when given, else
    /// `MAX_STR_DIGITS`.
    static STR_DIGITS_LIMIT: std::cell::Cell<usize> = std::cell::Cell::new(
        usize::try_from(crate::config::get().int_max_str_digits).unwrap_or(MAX_STR_DIGITS),
    );
}

/// The smallest limit `sys.set_int_max_str_digits` takes (but 0).
pub const STR_DIGITS_CHECK_THRESHOLD: usize = 640;

/// The limit on the digits of an int and str conversion (0: none).
pub fn str_digits_limit() -> usize {
    STR_DIGITS_LIMIT.with(|c| c.get())
}

pub fn set_str_digits_limit(n: usize) {
    STR_DIGITS_LIMIT.with(|c| c.set(n));
}

/// The ValueError for a str of `digits` decimal digits becoming an int
/// beyond the limit, if it is.
pub fn check_str_to_int_digits(vm: &mut Vm, digits: usize) -> PyResult<()> {
    let limit = str_digits_limit();
    if limit > 0 && digits > limit {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; \
             use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(())
}

/// The modulus of CPython's numeric hash, `2**61 - 1`.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// int's number slots (a const, so `BOOL_NUMBER` can start from the same
/// functions: bool's slots are int's, and its wrappers int's).
const INT_NUMBER_CONST: NumberSlots = NumberSlots {
    binary: INT_BINARY,
    negative: Some(|vm, v| unary(vm, v, |i| -i)),
    positive: Some(|vm, v| unary(vm, v, |i| i)),
    invert: Some(|vm, v| unary(vm, v, |i| -i - IBig::ONE)),
    absolute: Some(|vm, v| unary(vm, v, |i| if i < IBig::ZERO { -i } else { i })),
    inplace: [None; 13],
    divmod: Some(int_divmod),
    int: Some(int_index),
    float: Some(|vm, v| match int_of(v) {
        Some(i) => Ok(Value::float(crate::builtins::float::int_to_f64(vm, &i)?)),
        None => Ok(vm.not_implemented()),
    }),
    index: Some(int_index),
};

pub static INT_NUMBER: NumberSlots = INT_NUMBER_CONST;

/// `bool`'s number slots: int's, except that `&`, `|` and `^` of two
/// bools give a bool (CPython's `bool_and` and friends).
pub static BOOL_NUMBER: NumberSlots = NumberSlots {
    binary: {
        let mut b = INT_BINARY;
        b[BinOp::And as usize] = Some(|vm, a, c| bool_bitwise(vm, BinOp::And, a, c));
        b[BinOp::Or as usize] = Some(|vm, a, c| bool_bitwise(vm, BinOp::Or, a, c));
        b[BinOp::Xor as usize] = Some(|vm, a, c| bool_bitwise(vm, BinOp::Xor, a, c));
        b
    },
    ..INT_NUMBER_CONST
};

/// `bool(x)` of an int.
fn int_bool(_: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(int_of(v).is_some_and(|i| !i.is_zero()))
}

/// `int(x)` and `operator.index(x)` of an int: an exact int.
fn int_index(_: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(exact_int(v))
}

fn bool_bitwise(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    use crate::builtins::singletons::as_bool;
    match (as_bool(a), as_bool(b)) {
        (Some(x), Some(y)) => Ok(vm.bool(match op {
            BinOp::And => x & y,
            BinOp::Or => x | y,
            _ => x ^ y,
        })),
        _ => int_binary(vm, op, a, b),
    }
}

/// `divmod(a, b)` of two ints: `(a // b, a % b)`.
fn int_divmod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if int_of(a).is_none() || int_of(b).is_none() {
        return Ok(vm.not_implemented());
    }
    let q = int_binary(vm, BinOp::FloorDivide, a, b)?;
    let r = int_binary(vm, BinOp::Remainder, a, b)?;
    Ok(crate::builtins::tuple::new_tuple(vec![q, r]))
}

/// int's binary operators, in `BinOp` order.
const INT_BINARY: [Option<crate::types::BinaryFn>; 13] = [
    Some(|vm, a, b| int_binary(vm, BinOp::Add, a, b)),
    Some(|vm, a, b| int_binary(vm, BinOp::And, a, b)),
    Some(|vm, a, b| int_binary(vm, BinOp::FloorDivide, a, b)),
    Some(|vm, a, b| int_binary(vm, BinOp::Lshift, a, b)),
    None,
    Some(|vm, a, b| int_binary(vm, BinOp::Multiply, a, b)),
    Some(|vm, a, b| int_binary(vm, BinOp::Remainder, a, b)),
    Some(|vm, a, b| int_binary(vm, BinOp::Or, a, b)),
    Some(|vm, a, b| int_binary(vm, BinOp::Power, a, b)),
    Some(|vm, a, b| int_binary(vm, BinOp::Rshift, a, b)),
    Some(|vm, a, b| int_binary(vm, BinOp::Subtract, a, b)),
    Some(|vm, a, b| int_binary(vm, BinOp::TrueDivide, a, b)),
    Some(|vm, a, b| int_binary(vm, BinOp::Xor, a, b)),
];

pub static INT_TYPE: TypeObject = TypeObject {
    flags: std::cell::Cell::new(crate::types::tp_flags::MATCH_SELF),
    repr: Slot::new(int_repr),
    hash: Slot::new(int_hash),
    richcompare: Slot::new(int_richcompare),
    bool: Slot::new(int_bool),
    number: Cell::new(&INT_NUMBER),
    new: Some(crate::builtins::functions::int_new),
    class_methods: &[crate::types::MethodDef { name: "from_bytes", func: from_bytes }],
    // The numbers tower: an int is its own real part and numerator.
    getsets: &[
        crate::types::GetSetDef { name: "real", get: |_, v| Ok(exact_int(v)), set: None, member: false },
        crate::types::GetSetDef { name: "imag", get: |_, _| Ok(new_int(0)), set: None, member: false },
        crate::types::GetSetDef { name: "numerator", get: |_, v| Ok(exact_int(v)), set: None, member: false },
        crate::types::GetSetDef { name: "denominator", get: |_, _| Ok(new_int(1)), set: None, member: false },
    ],
    methods: crate::builtins::int_methods::METHODS,
    ..TypeObject::builtin("int", Some(&OBJECT_TYPE), dealloc_int, trace_nothing)
};

/// `int(v)` for an int, bool or int subclass instance: an exact int.
pub(crate) fn exact_int(v: &Value) -> Value {
    match int_of(v) {
        Some(Int::Small(i)) => new_int(i),
        Some(Int::Big(b)) => new_big(b.clone()),
        None => new_int(0),
    }
}

unsafe fn dealloc_int(p: ObjPtr) {
    // SAFETY: heap ints are allocated by `new_big` as Obj<IBig>.
    unsafe { dealloc_boxed::<IBig>(p) }
}

/// An int's value, borrowed.
#[derive(Debug, Clone)]
pub enum Int<'a> {
    Small(i64),
    Big(&'a IBig),
}

impl Int<'_> {
    pub fn to_ibig(&self) -> IBig {
        match self {
            Int::Small(i) => IBig::from(*i),
            Int::Big(b) => (*b).clone(),
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(i) => *i < 0,
            Int::Big(b) => **b < IBig::ZERO,
        }
    }
}

/// The int value of `v` (an `int`, a `bool`, or a subclass of `int`).
pub fn int_of(v: &Value) -> Option<Int<'_>> {
    match v.unpack() {
        Unpacked::Int(i) => Some(Int::Small(i)),
        Unpacked::Float(_) => None,
        Unpacked::Object(p) => {
            if let Some(b) = as_bool(v) {
                return Some(Int::Small(b as i64));
            }
            if p.ty().is_subtype(&INT_TYPE) {
                // SAFETY: heap ints (and int subclasses) are Obj<IBig>.
                let b = unsafe { p.data::<IBig>() };
                // An int subclass's instance holds small values too: they
                // read as small, as an exact int's would be.
                if !std::ptr::eq(p.type_ptr(), &INT_TYPE) {
                    if let Some(i) = i64::try_from(b).ok().filter(|&i| Value::small_int(i).is_some()) {
                        return Some(Int::Small(i));
                    }
                }
                Some(Int::Big(b))
            } else {
                None
            }
        }
    }
}

/// The value of an exact `int` (small, or a heap int) that fits in an
/// `i64`; None for anything else, `bool` and int subclasses included
/// (their operators may be their own).
#[inline]
pub fn exact_i64(v: &Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(i);
    }
    let p = v.as_object()?;
    if !std::ptr::eq(p.type_ptr(), &INT_TYPE) {
        return None;
    }
    // SAFETY: exact heap ints are Obj<IBig>.
    i64::try_from(unsafe { p.data::<IBig>() }).ok()
}

/// `x op y` for two exact ints that fit in an `i64`, computed in `i128`
/// (which none of these overflows); None for the operators that need the
/// general path (shifts, powers, true division, division by zero).
#[inline]
pub fn i64_binary(op: BinOp, x: i64, y: i64) -> Option<Value> {
    let (x, y) = (x as i128, y as i128);
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Subtract => x - y,
        BinOp::Multiply => x * y,
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::FloorDivide | BinOp::Remainder if y != 0 => {
            let (mut q, mut r) = (x / y, x % y);
            if r != 0 && ((r < 0) != (y < 0)) {
                q -= 1;
                r += y;
            }
            if op == BinOp::FloorDivide {
                q
            } else {
                r
            }
        }
        _ => return None,
    };
    Some(new_int_i128(r))
}

/// An int from an `i64`.
pub fn new_int(i: i64) -> Value {
    Value::small_int(i).unwrap_or_else(|| Value::from_owned(alloc(&INT_TYPE, IBig::from(i))))
}

/// An int from an `i128`.
fn new_int_i128(i: i128) -> Value {
    match i64::try_from(i) {
        Ok(i) => new_int(i),
        Err(_) => Value::from_owned(alloc(&INT_TYPE, IBig::from(i))),
    }
}

/// An int from a big integer, small when it fits.
pub fn new_big(b: IBig) -> Value {
    if let Ok(i) = i64::try_from(&b) {
        if let Some(v) = Value::small_int(i) {
            return v;
        }
    }
    Value::from_owned(alloc(&INT_TYPE, b))
}

fn unary(vm: &mut Vm, v: &Value, f: fn(IBig) -> IBig) -> PyResult<Value> {
    match int_of(v) {
        // Small ints are 48-bit: negating or inverting one fits an i64.
        Some(Int::Small(i)) => Ok(new_big(f(IBig::from(i)))),
        Some(Int::Big(b)) => Ok(new_big(f(b.clone()))),
        None => Ok(vm.not_implemented()),
    }
}

/// Python's floor division and modulo of big integers.
pub(crate) fn floor_divmod(a: &IBig, b: &IBig) -> (IBig, IBig) {
    let q = a / b;
    let r = a - &q * b;
    if r != IBig::ZERO && ((r < IBig::ZERO) != (*b < IBig::ZERO)) {
        (q - IBig::ONE, r + b)
    } else {
        (q, r)
    }
}

fn int_binary(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else {
        return Ok(vm.not_implemented());
    };
    // The fast path: both small (48-bit), so i128 never overflows.
    if let (Int::Small(x), Int::Small(y)) = (&x, &y) {
        let (x, y) = (*x as i128, *y as i128);
        match op {
            BinOp::Add => return Ok(new_int_i128(x + y)),
            BinOp::Subtract => return Ok(new_int_i128(x - y)),
            BinOp::Multiply => return Ok(new_int_i128(x * y)),
            BinOp::FloorDivide | BinOp::Remainder if y != 0 => {
                let (mut q, mut r) = (x / y, x % y);
                if r != 0 && ((r < 0) != (y < 0)) {
                    q -= 1;
                    r += y;
                }
                return Ok(new_int_i128(if op == BinOp::FloorDivide { q } else { r }));
            }
            BinOp::And => return Ok(new_int_i128(x & y)),
            BinOp::Or => return Ok(new_int_i128(x | y)),
            BinOp::Xor => return Ok(new_int_i128(x ^ y)),
            _ => {}
        }
    }
    let (x, y) = (x.to_ibig(), y.to_ibig());
    match op {
        BinOp::Add => Ok(new_big(x + y)),
        BinOp::Subtract => Ok(new_big(x - y)),
        BinOp::Multiply => Ok(new_big(x * y)),
        BinOp::And => Ok(new_big(x & y)),
        BinOp::Or => Ok(new_big(x | y)),
        BinOp::Xor => Ok(new_big(x ^ y)),
        BinOp::FloorDivide | BinOp::Remainder => {
            if y == IBig::ZERO {
                let msg = if op == BinOp::Remainder {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                };
                return Err(vm.zero_division_error(msg));
            }
            let (q, r) = floor_divmod(&x, &y);
            Ok(new_big(if op == BinOp::FloorDivide { q } else { r }))
        }
        BinOp::Lshift | BinOp::Rshift => {
            if y < IBig::ZERO {
                return Err(vm.value_error("negative shift count"));
            }
            if op == BinOp::Rshift {
                return Ok(new_big(floor_shr(&x, &y)));
            }
            if x == IBig::ZERO {
                return Ok(new_int(0));
            }
            match usize::try_from(&y) {
                Ok(n) if bit_len(&x).saturating_add(n) <= MAX_INT_BITS => Ok(new_big(x << n)),
                Ok(_) => Err(vm.error(&MEMORY_ERROR, "")),
                Err(_) => Err(vm.overflow_error("too many digits in integer")),
            }
        }
        BinOp::Power => {
            if y < IBig::ZERO {
                // int ** negative int is a float, as CPython computes it.
                let fx = crate::builtins::float::int_to_f64(vm, &Int::Big(&x))?;
                let fy = crate::builtins::float::int_to_f64(vm, &Int::Big(&y))?;
                return crate::builtins::float::float_pow(vm, fx, fy);
            }
            let small_base = x == IBig::ZERO || x == IBig::ONE || x == -IBig::ONE;
            let n = match usize::try_from(&y) {
                Ok(n) if small_base || bit_len(&x).saturating_mul(n) <= MAX_INT_BITS => n,
                // 0, 1 and -1 to a huge power are still small.
                _ if small_base => (usize::try_from(&(&y % IBig::from(2))).unwrap_or(0)) + 2,
                _ => return Err(vm.error(&MEMORY_ERROR, "")),
            };
            Ok(new_big(x.pow(n)))
        }
        BinOp::TrueDivide => {
            if y == IBig::ZERO {
                return Err(vm.zero_division_error("division by zero"));
            }
            true_divide(vm, &x, &y)
        }
        BinOp::MatrixMultiply => Ok(vm.not_implemented()),
    }
}

/// The largest int Krait builds, in bits (CPython would fail to allocate
/// one much larger and raise MemoryError).
pub(crate) const MAX_INT_BITS: usize = 1 << 32;

/// Bits in |x|.
fn bit_len(x: &IBig) -> usize {
    x.unsigned_abs().bit_len()
}

/// `x >> n`, rounding toward negative infinity as Python does.
fn floor_shr(x: &IBig, n: &IBig) -> IBig {
    let neg = *x < IBig::ZERO;
    let shift = usize::try_from(n).ok().filter(|&s| s < bit_len(x));
    let Some(shift) = shift else {
        return if neg { -IBig::ONE } else { IBig::ZERO };
    };
    let mag = x.unsigned_abs();
    if neg {
        // floor(-m / 2**s) = -((m - 1) >> s) - 1
        -IBig::from((mag - dashu_int::UBig::ONE) >> shift) - IBig::ONE
    } else {
        IBig::from(mag >> shift)
    }
}

/// `int / int`, correctly rounded as CPython's `long_true_divide`.
fn true_divide(vm: &mut Vm, x: &IBig, y: &IBig) -> PyResult<Value> {
    const EXACT: u64 = 1 << 53;
    let small = |v: &IBig| i64::try_from(v).ok().filter(|i| i.unsigned_abs() <= EXACT);
    if let (Some(a), Some(b)) = (small(x), small(y)) {
        // Both exactly representable: one correctly rounded division.
        return Ok(Value::float(a as f64 / b as f64));
    }
    let negative = (*x < IBig::ZERO) != (*y < IBig::ZERO);
    let (a, b) = (x.unsigned_abs(), y.unsigned_abs());
    let magnitude = match divide_to_f64(&a, &b) {
        Some(f) => f,
        None => return Err(vm.overflow_error("integer division result too large for a float")),
    };
    Ok(Value::float(if negative { -magnitude } else { magnitude }))
}

/// `a / b` rounded once to the nearest double, ties to even, subnormals
/// included; `None` when it is too large for a float. The quotient is
/// taken with at least 55 bits and a sticky bit for the remainder, then
/// the bits below the double's last place are rounded away.
fn divide_to_f64(a: &dashu_int::UBig, b: &dashu_int::UBig) -> Option<f64> {
    use dashu_int::UBig;
    if *a == UBig::ZERO {
        return Some(0.0);
    }
    // a * 2**shift / b has 55 or 56 bits.
    let shift = 55 - (a.bit_len() as i64 - b.bit_len() as i64);
    let (num, den) = if shift >= 0 {
        (a.clone() << shift as usize, b.clone())
    } else {
        (a.clone(), b.clone() << shift.unsigned_abs() as usize)
    };
    let (q, r) = (&num / &den, &num % &den);
    let sticky = r != UBig::ZERO;
    let n = q.bit_len() as i64;
    // The exponent of the leading bit; below 2**-1022 fewer bits are kept.
    let top = n - 1 - shift;
    let drop = (n - 53 + (-1022 - top).max(0)) as usize;
    let mut keep = &q >> drop;
    if drop > 0 {
        let half = UBig::ONE << (drop - 1);
        let rest = &q - (&keep << drop);
        let odd = keep.bit(0);
        if rest > half || (rest == half && (sticky || odd)) {
            keep += UBig::ONE;
        }
    }
    let mut low = drop as i64 - shift;
    let mut mantissa = u64::try_from(&keep).ok()?;
    if mantissa == 1 << 53 {
        mantissa >>= 1;
        low += 1;
    }
    if mantissa < 1 << 52 {
        // Subnormal or zero: the last place is 2**-1074 and the
        // exponent field 0.
        return Some(f64::from_bits(mantissa));
    }
    let field = low + 52 + 1023;
    if field >= 2047 {
        return None;
    }
    Some(f64::from_bits(((field as u64) << 52) | (mantissa - (1 << 52))))
}

pub(crate) fn int_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else {
        return Ok(vm.not_implemented());
    };
    let ord = match (&x, &y) {
        (Int::Small(x), Int::Small(y)) => x.cmp(y),
        _ => x.to_ibig().cmp(&y.to_ibig()),
    };
    Ok(vm.bool(crate::ops::ordering_satisfies(ord, op)))
}

/// CPython's hash of an int.
pub fn hash_int(i: &Int) -> i64 {
    let h = match i {
        Int::Small(v) => {
            let m = (v.unsigned_abs() % HASH_MODULUS) as i64;
            if *v < 0 {
                -m
            } else {
                m
            }
        }
        Int::Big(b) => {
            let m = IBig::from(HASH_MODULUS);
            let (_, r) = floor_divmod(&(*b).clone(), &m);
            // r is in 0..m: take the magnitude's residue with the sign.
            let neg = **b < IBig::ZERO;
            let mag = if neg { (m - r) % IBig::from(HASH_MODULUS) } else { r };
            let mag = i64::try_from(&mag).unwrap_or(0);
            if neg {
                -mag
            } else {
                mag
            }
        }
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn int_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(i) = int_of(v) else { return Ok(vm.not_implemented()) };
    Ok(new_str(&decimal_string(vm, &i)?))
}

/// An int in decimal, with CPython's limit on the digits of a conversion
/// (`sys.get_int_max_str_digits()`).
pub fn decimal_string(vm: &mut Vm, i: &Int) -> PyResult<String> {
    match i {
        Int::Small(i) => Ok(i.to_string()),
        Int::Big(b) => {
            let limit = str_digits_limit();
            let too_long = |vm: &mut Vm| {
                vm.value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion; \
                     use sys.set_int_max_str_digits() to increase the limit"
                ))
            };
            // Far beyond the limit is known from the size alone (CPython's
            // check before converting): 10**d has d*log2(10) bits.
            if limit > 0 && b.unsigned_abs().bit_len() as f64 > (limit as f64 + 2.0) * std::f64::consts::LOG2_10 {
                return Err(too_long(vm));
            }
            let s = b.to_string();
            let digits = s.trim_start_matches('-').len();
            if limit > 0 && digits > limit {
                return Err(too_long(vm));
            }
            Ok(s)
        }
    }
}

/// `hash(i)` (also `bool`'s).
pub(crate) fn int_hash(_: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(int_of(v).map_or(0, |i| hash_int(&i)))
}

// ----- from_bytes and to_bytes --------------------------------------------

/// The arguments `(first, byteorder='big', *, signed=False)` of
/// `int.from_bytes` and `int.to_bytes` (Argument Clinic's messages):
/// `first`, little-endian, signed.
fn byte_order_args<'a>(
    vm: &mut Vm,
    fname: &str,
    first: &str,
    args: &'a [Value],
    kwnames: &[Value],
) -> PyResult<(Option<&'a Value>, bool, bool)> {
    let npos = args.len() - kwnames.len();
    if args.len() > 3 {
        let kw = if npos == 0 { "keyword " } else { "" };
        return Err(vm.type_error(format!("{fname}() takes at most 3 {kw}arguments ({} given)", args.len())));
    }
    if npos > 2 {
        return Err(vm.type_error(format!("{fname}() takes at most 2 positional arguments ({npos} given)")));
    }
    let mut slots: [Option<&Value>; 3] = [args.first().filter(|_| npos > 0), args.get(1).filter(|_| npos > 1), None];
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let key = crate::builtins::str::as_str(k).unwrap_or("");
        let Some(i) = [first, "byteorder", "signed"].iter().position(|n| *n == key) else {
            return Err(vm.type_error(format!("'{key}' is an invalid keyword argument for {fname}()")));
        };
        if i < npos {
            return Err(vm.type_error(format!("argument for {fname}() given by name ('{key}') and position ({})", i + 1)));
        }
        slots[i] = Some(v);
    }
    let little = match slots[1] {
        None => false,
        Some(order) => {
            let Some(text) = crate::builtins::str::as_str_data(order) else {
                let msg = format!("{fname}() argument 'byteorder' must be str, not {}", vm.type_of(order).name());
                return Err(vm.type_error(msg));
            };
            match text.bytes() {
                b"little" => true,
                b"big" => false,
                _ => return Err(vm.value_error("byteorder must be either 'little' or 'big'")),
            }
        }
    };
    let signed = match slots[2] {
        Some(v) => crate::ops::truthy(vm, v)?,
        None => false,
    };
    Ok((slots[0], little, signed))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`; a subclass
/// is called with the int.
fn from_bytes(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, little, signed) = byte_order_args(vm, "from_bytes", "bytes", args, kwnames)?;
    let Some(data) = data else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let mut bytes = crate::builtins::bytes::bytes_of_object(vm, data)?;
    if !little {
        bytes.reverse();
    }
    let mut n = IBig::from(dashu_int::UBig::from_le_bytes(&bytes));
    if signed && bytes.last().is_some_and(|&b| b & 0x80 != 0) {
        n -= IBig::ONE << (8 * bytes.len());
    }
    let result = new_big(n);
    if crate::types::as_type(cls).is_some_and(|t| std::ptr::eq(t, &INT_TYPE)) {
        return Ok(result);
    }
    crate::eval::call(vm, cls, &[result], &[])
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub(crate) fn to_bytes(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (length, little, signed) = byte_order_args(vm, "to_bytes", "length", args, kwnames)?;
    let length = match length {
        Some(v) => crate::builtins::str_methods::ssize_arg(vm, v)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let n = int_of(this).map_or(IBig::ZERO, |i| i.to_ibig());
    if n < IBig::ZERO && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let bits = 8 * length as usize;
    let fits = if signed {
        let half = IBig::ONE << bits.saturating_sub(1);
        // CPython lets -1 through in zero bytes, as it does 0 (`_PyLong_AsByteArray`).
        bits > 0 && n >= -half.clone() && n < half || bits == 0 && (n == IBig::ZERO || n == -IBig::ONE)
    } else {
        n.clone().unsigned_abs().bit_len() <= bits
    };
    if !fits {
        return Err(vm.overflow_error("int too big to convert"));
    }
    // Two's complement of a negative value: add 2**bits.
    let unsigned = if n < IBig::ZERO { n + (IBig::ONE << bits) } else { n };
    let mut out = crate::builtins::bytes::with_capacity(vm, length as usize)?;
    out.extend_from_slice(&unsigned.unsigned_abs().to_le_bytes());
    out.resize(length as usize, 0);
    if !little {
        out.reverse();
    }
    Ok(crate::builtins::bytes::new_bytes(out))
}
