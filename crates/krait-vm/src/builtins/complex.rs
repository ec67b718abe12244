//! `complex` (CPython 3.11's `Objects/complexobject.c`, in behaviour).
//!
//! Invariants:
//! - A complex is an immutable heap object holding two `f64`s.
//! - Arithmetic with an int or a float first makes the other operand a
//!   complex (3.11 has no mixed-mode shortcuts, so `complex(1, inf) * 2` is
//!   `(nan+infj)` there too); an int too large for a float is CPython's
//!   OverflowError. `//`, `%` and `divmod` are not defined (TypeError).
//! - Division is CPython's `_Py_c_quot` (scaling by the larger part of the
//!   divisor); a power with an integral exponent of at most 100 in size is
//!   computed by repeated squaring (`c_powi`), any other in polar form
//!   (`_Py_c_pow`), so results agree with CPython's to the last bit. A
//!   result with an infinite part is OverflowError "complex
//!   exponentiation".
//! - `hash(z)` is `hash(z.real) + 1000003 * hash(z.imag)`, so a complex
//!   with no imaginary part hashes as its real part does.
//! - Only `==` and `!=` are defined; with an int they compare exactly.

use std::cell::Cell;

use crate::builtins::exceptions::{OVERFLOW_ERROR, ZERO_DIVISION_ERROR};
use crate::builtins::float::{float_of, hash_float, int_to_f64};
use crate::builtins::int::int_of;
use crate::builtins::str::{as_str_data, new_str};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{trace_nothing, BinOp, CompareOp, GetSetDef, MethodDef, NumberSlots, Slot, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The payload of a `complex`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ComplexData {
    pub re: f64,
    pub im: f64,
}

/// Why a complex operation failed (CPython's `errno` after it).
pub(crate) enum MathError {
    /// EDOM: a division by zero, or zero to a negative or complex power.
    Domain,
    /// ERANGE: an infinite result.
    Range,
}

type C = ComplexData;

const ONE: C = C { re: 1.0, im: 0.0 };

fn sum(a: C, b: C) -> C {
    C { re: a.re + b.re, im: a.im + b.im }
}

fn diff(a: C, b: C) -> C {
    C { re: a.re - b.re, im: a.im - b.im }
}

fn prod(a: C, b: C) -> C {
    C { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re }
}

/// `a / b`, dividing through by the larger part of `b` so that neither
/// product overflows early (Smith's method, as CPython's `_Py_c_quot`).
pub(crate) fn quot(a: C, b: C) -> Result<C, MathError> {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return Err(MathError::Domain);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Ok(C { re: (a.re + a.im * ratio) / denom, im: (a.im - a.re * ratio) / denom })
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Ok(C { re: (a.re * ratio + a.im) / denom, im: (a.im * ratio - a.re) / denom })
    } else {
        // A part of `b` is a NaN.
        Ok(C { re: f64::NAN, im: f64::NAN })
    }
}

/// `a ** b` in polar form (CPython's `_Py_c_pow`).
fn pow_polar(a: C, b: C) -> Result<C, MathError> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(ONE);
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(MathError::Domain);
        }
        return Ok(C { re: 0.0, im: 0.0 });
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    if phase.is_infinite() {
        // C's cos and sin of an infinity set errno to EDOM, which
        // complex_pow reports as this ZeroDivisionError whatever `len` is.
        return Err(MathError::Domain);
    }
    Ok(C { re: len * phase.cos(), im: len * phase.sin() })
}

/// `x ** n` for `n >= 0` by repeated squaring (CPython's `c_powu`).
fn pow_unsigned(x: C, n: u64) -> C {
    let (mut r, mut p, mut mask) = (ONE, x, 1u64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `a ** b` as CPython's `complex_pow` computes it.
fn power(a: C, b: C) -> Result<C, MathError> {
    let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        if n >= 0 {
            pow_unsigned(a, n as u64)
        } else {
            quot(ONE, pow_unsigned(a, n.unsigned_abs()))?
        }
    } else {
        pow_polar(a, b)?
    };
    if r.re.is_infinite() || r.im.is_infinite() {
        return Err(MathError::Range);
    }
    Ok(r)
}

static COMPLEX_NUMBER: NumberSlots = NumberSlots {
    binary: {
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Add as usize] = Some(|vm, a, c| complex_binary(vm, BinOp::Add, a, c));
        b[BinOp::Subtract as usize] = Some(|vm, a, c| complex_binary(vm, BinOp::Subtract, a, c));
        b[BinOp::Multiply as usize] = Some(|vm, a, c| complex_binary(vm, BinOp::Multiply, a, c));
        b[BinOp::TrueDivide as usize] = Some(|vm, a, c| complex_binary(vm, BinOp::TrueDivide, a, c));
        b[BinOp::Power as usize] = Some(|vm, a, c| complex_binary(vm, BinOp::Power, a, c));
        b
    },
    negative: Some(|_, v| {
        let z = complex_of(v).expect("complex slot on a complex");
        Ok(new_complex(-z.re, -z.im))
    }),
    positive: Some(|_, v| {
        let z = complex_of(v).expect("complex slot on a complex");
        Ok(new_complex(z.re, z.im))
    }),
    absolute: Some(complex_abs),
    ..NumberSlots::EMPTY
};

pub static COMPLEX_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, v| {
        let z = complex_of(v).expect("complex slot on a complex");
        Ok(new_str(&krait_syntax::repr::complex_repr(z.re, z.im)))
    }),
    hash: Slot::new(complex_hash),
    richcompare: Slot::new(complex_richcompare),
    bool: Slot::new(|_, v| Ok(complex_of(v).is_some_and(|z| z.re != 0.0 || z.im != 0.0))),
    number: Cell::new(&COMPLEX_NUMBER),
    new: Some(complex_new),
    getsets: &[
        GetSetDef { name: "real", get: |_, v| Ok(Value::float(complex_of(v).map_or(0.0, |z| z.re))), set: None, member: true },
        GetSetDef { name: "imag", get: |_, v| Ok(Value::float(complex_of(v).map_or(0.0, |z| z.im))), set: None, member: true },
    ],
    methods: &[
        MethodDef { name: "conjugate", func: |vm, this, args, kwnames| {
            no_args(vm, "conjugate", args, kwnames)?;
            let z = complex_of(this).expect("a complex method on a complex");
            Ok(new_complex(z.re, -z.im))
        } },
        MethodDef { name: "__complex__", func: |vm, this, args, kwnames| {
            no_args(vm, "__complex__", args, kwnames)?;
            if std::ptr::eq(vm.type_of(this), &COMPLEX_TYPE) {
                return Ok(this.clone());
            }
            let z = complex_of(this).expect("a complex method on a complex");
            Ok(new_complex(z.re, z.im))
        } },
        MethodDef { name: "__getnewargs__", func: |vm, this, args, kwnames| {
            no_args(vm, "__getnewargs__", args, kwnames)?;
            let z = complex_of(this).expect("a complex method on a complex");
            Ok(crate::builtins::tuple::new_tuple(vec![Value::float(z.re), Value::float(z.im)]))
        } },
        MethodDef { name: "__format__", func: crate::builtins::format::builtin_format_method },
    ],
    ..TypeObject::builtin("complex", Some(&OBJECT_TYPE), dealloc_complex, trace_nothing)
};

unsafe fn dealloc_complex(p: ObjPtr) {
    // SAFETY: complex objects are allocated by `new_complex` as Obj<ComplexData>.
    unsafe { dealloc_boxed::<ComplexData>(p) }
}

/// A new `complex`.
pub fn new_complex(re: f64, im: f64) -> Value {
    Value::from_owned(alloc(&COMPLEX_TYPE, ComplexData { re, im }))
}

/// The value of a `complex` (or subclass).
pub fn complex_of(v: &Value) -> Option<ComplexData> {
    let p = v.as_object()?;
    if p.ty().is_subtype(&COMPLEX_TYPE) {
        // SAFETY: complex objects (and subclasses') are Obj<ComplexData>.
        Some(*unsafe { p.data::<ComplexData>() })
    } else {
        None
    }
}

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    crate::builtins::function::no_keywords(vm, &format!("complex.{name}"), kwnames)?;
    if args.is_empty() {
        return Ok(());
    }
    Err(vm.type_error(format!("complex.{name}() takes no arguments ({} given)", args.len())))
}

/// An operand of complex arithmetic: a complex, or a float or an int made
/// one (CPython's `TO_COMPLEX`); `None` for other values.
fn as_operand(vm: &mut Vm, v: &Value) -> PyResult<Option<C>> {
    if let Some(z) = complex_of(v) {
        return Ok(Some(z));
    }
    if let Some(f) = float_of(v) {
        return Ok(Some(C { re: f, im: 0.0 }));
    }
    match int_of(v) {
        Some(i) => Ok(Some(C { re: int_to_f64(vm, &i)?, im: 0.0 })),
        None => Ok(None),
    }
}

fn complex_binary(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_operand(vm, a)?, as_operand(vm, b)?) else {
        return Ok(vm.not_implemented());
    };
    let r = match op {
        BinOp::Add => sum(x, y),
        BinOp::Subtract => diff(x, y),
        BinOp::Multiply => prod(x, y),
        BinOp::TrueDivide => match quot(x, y) {
            Ok(r) => r,
            Err(_) => return Err(vm.error(&ZERO_DIVISION_ERROR, "complex division by zero")),
        },
        BinOp::Power => complex_pow(vm, x, y)?,
        _ => return Ok(vm.not_implemented()),
    };
    Ok(new_complex(r.re, r.im))
}

/// `x ** y` with CPython's errors.
fn complex_pow(vm: &mut Vm, x: C, y: C) -> PyResult<C> {
    match power(x, y) {
        Ok(r) => Ok(r),
        Err(MathError::Domain) => Err(vm.error(&ZERO_DIVISION_ERROR, "0.0 to a negative or complex power")),
        Err(MathError::Range) => Err(vm.error(&OVERFLOW_ERROR, "complex exponentiation")),
    }
}

/// `float ** float` for a negative base and a non-integral exponent: the
/// complex result CPython's `float_pow` hands over to `complex_pow`.
pub fn float_pow_complex(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    let r = complex_pow(vm, C { re: x, im: 0.0 }, C { re: y, im: 0.0 })?;
    Ok(new_complex(r.re, r.im))
}

/// `abs(z)`: `hypot`, with infinities winning over NaNs (CPython's
/// `_Py_c_abs`).
fn complex_abs(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let z = complex_of(v).expect("complex slot on a complex");
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() {
            return Ok(Value::float(z.re.abs()));
        }
        if z.im.is_infinite() {
            return Ok(Value::float(z.im.abs()));
        }
        return Ok(Value::float(f64::NAN));
    }
    let r = z.re.hypot(z.im);
    if r.is_infinite() {
        return Err(vm.error(&OVERFLOW_ERROR, "absolute value too large"));
    }
    Ok(Value::float(r))
}

fn complex_hash(_: &mut Vm, v: &Value) -> PyResult<i64> {
    let z = complex_of(v).expect("complex slot on a complex");
    let re = hash_float(z.re, v) as u64;
    let im = hash_float(z.im, v) as u64;
    let h = re.wrapping_add(1_000_003u64.wrapping_mul(im)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

/// `==` and `!=` with a complex, float or int (exactly, through float's
/// comparison with an int); other comparisons are not defined.
fn complex_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let x = complex_of(a).expect("complex slot on a complex");
    let equal = if int_of(b).is_some() {
        if x.im != 0.0 {
            false
        } else {
            let r = crate::ops::richcompare(vm, &Value::float(x.re), b, CompareOp::Eq)?;
            crate::ops::truthy(vm, &r)?
        }
    } else if let Some(f) = float_of(b) {
        x.re == f && x.im == 0.0
    } else if let Some(y) = complex_of(b) {
        x.re == y.re && x.im == y.im
    } else {
        return Ok(vm.not_implemented());
    };
    Ok(vm.bool(equal == (op == CompareOp::Eq)))
}

// ----- the constructor ------------------------------------------------------

/// `float(x)` for `complex()`'s arguments (CPython's `PyNumber_Float`):
/// floats, ints, and classes with `__float__` or `__index__`.
pub(crate) fn number_to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = float_of(v) {
        return Ok(f);
    }
    if let Some(i) = int_of(v) {
        return int_to_f64(vm, &i);
    }
    if let Some(r) = crate::builtins::classes::call_dunder(vm, v, "__float__", &[])? {
        return match float_of(&r) {
            Some(f) => Ok(f),
            None => {
                let msg = format!("{}.__float__ returned non-float (type {})", vm.type_of(v).name(), vm.type_of(&r).name());
                Err(vm.type_error(msg))
            }
        };
    }
    match crate::ops::index(vm, v)? {
        Some(i) => int_to_f64(vm, &int_of(&i).expect("an int")),
        None => {
            let msg = format!("must be real number, not {}", vm.type_of(v).name());
            Err(vm.type_error(msg))
        }
    }
}

/// Does `v` count as a number for `complex()` (a complex, or a type with
/// `__float__` or `__index__`)?
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    if complex_of(v).is_some() || float_of(v).is_some() || int_of(v).is_some() {
        return true;
    }
    let ty = vm.type_of_static(v);
    ty.heap.is_some()
        && ["__float__", "__index__"]
            .iter()
            .any(|n| crate::builtins::classes::type_lookup(ty, &crate::builtins::str::intern(n)).is_some())
}

/// `complex(real=0, imag=0)` (CPython's `complex_new_impl`).
pub fn complex_new(vm: &mut Vm, ty: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [r, i] = crate::builtins::str_methods::bind(vm, "complex", ["real", "imag"], args, kwnames)?;
    let zero = Value::small_int(0).expect("0 is small");
    let r = r.unwrap_or(&zero);
    if i.is_none() && std::ptr::eq(vm.type_of(r), &COMPLEX_TYPE) && std::ptr::eq(ty, &COMPLEX_TYPE) {
        return Ok(r.clone());
    }
    if let Some(s) = as_str_data(r) {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let z = parse_complex(vm, r, s)?;
        return Ok(new_complex(z.re, z.im));
    }
    if i.is_some_and(|i| as_str_data(i).is_some()) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    // A class's `__complex__` comes first.
    let mut r = r.clone();
    if vm.type_of(&r).heap.is_some() {
        if let Some(c) = crate::builtins::classes::call_dunder(vm, &r, "__complex__", &[])? {
            if complex_of(&c).is_none() {
                let msg = format!("__complex__ returned non-complex (type {})", vm.type_of(&c).name());
                return Err(vm.type_error(msg));
            }
            if !std::ptr::eq(vm.type_of(&c), &COMPLEX_TYPE) {
                let got = vm.type_of(&c).name().to_string();
                crate::builtins::warnings::warn_strict_subclass(vm, "", "__complex__", &got, "complex")?;
            }
            r = c;
        }
    }
    if !is_number(vm, &r) {
        let msg = format!("complex() first argument must be a string or a number, not '{}'", vm.type_of(&r).name());
        return Err(vm.type_error(msg));
    }
    if let Some(i) = i {
        if !is_number(vm, i) {
            let msg = format!("complex() second argument must be a number, not '{}'", vm.type_of(i).name());
            return Err(vm.type_error(msg));
        }
    }
    // real + imag*1j, either of which may itself be complex.
    let (cr, r_is_complex) = match complex_of(&r) {
        Some(z) => (z, true),
        None => (C { re: number_to_f64(vm, &r)?, im: 0.0 }, false),
    };
    let ci = match i {
        None => C { re: cr.im, im: 0.0 },
        Some(i) => match complex_of(i) {
            Some(z) => z,
            None => C { re: number_to_f64(vm, i)?, im: 0.0 },
        },
    };
    let mut re = cr.re;
    let mut im = ci.re;
    if i.is_some_and(|i| complex_of(i).is_some()) {
        re -= ci.im;
    }
    if r_is_complex && i.is_some() {
        im += cr.im;
    }
    Ok(new_complex(re, im))
}

/// The longest prefix of `s` that is a float as `PyOS_string_to_double`
/// reads one (`1.5e3`, `.5`, `inf`, `infinity`, `nan`, with a sign), and
/// its length; `None` when there is none.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let rest = &s[i..];
    let word = |w: &str| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes());
    let special = if word("infinity") {
        Some((f64::INFINITY, 8))
    } else if word("inf") {
        Some((f64::INFINITY, 3))
    } else if word("nan") {
        Some((f64::NAN, 3))
    } else {
        None
    };
    if let Some((f, n)) = special {
        let f = if s[0] == b'-' { -f } else { f };
        return Some((f, i + n));
    }
    let digits = |from: usize| s[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let int_digits = digits(i);
    let mut end = i + int_digits;
    let mut frac_digits = 0;
    if s.get(end) == Some(&b'.') {
        frac_digits = digits(end + 1);
        if int_digits > 0 || frac_digits > 0 {
            end += 1 + frac_digits;
        }
    }
    if int_digits == 0 && frac_digits == 0 {
        return None;
    }
    if matches!(s.get(end), Some(b'e' | b'E')) {
        let mut j = end + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_digits = digits(j);
        if exp_digits > 0 {
            end = j + exp_digits;
        }
    }
    let text = std::str::from_utf8(&s[..end]).ok()?;
    Some((text.parse::<f64>().ok()?, end))
}

/// `complex(str)`: `x`, `xj`, `x+yj`, `j`, `+j`, `x-j`, in parentheses or
/// not, blanks around (CPython's `complex_from_string_inner`), after
/// CPython's check of underscores between digits.
fn parse_complex(vm: &mut Vm, original: &Value, s: &crate::builtins::str::StrData) -> PyResult<C> {
    let malformed = |vm: &mut Vm| vm.value_error("complex() arg is a malformed string");
    let text = crate::builtins::functions::transform_decimal_and_space(&String::from_utf8_lossy(s.bytes()));
    let text = if text.contains('_') {
        match strip_underscores(&text) {
            Some(t) => t,
            None => {
                let r = crate::ops::repr_string(vm, original)?;
                return Err(vm.value_error(format!("could not convert string to complex: {r}")));
            }
        }
    } else {
        text
    };
    let b = text.as_bytes();
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let mut i = 0;
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    let bracket = b.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
    }
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let (mut re, mut im) = (0.0, 0.0);
    match float_prefix(&b[i..]) {
        Some((z, n)) => {
            i += n;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                re = z;
                match float_prefix(&b[i..]) {
                    Some((y, n)) => {
                        im = y;
                        i += n;
                    }
                    None => {
                        im = if b[i] == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(b.get(i)) {
                    return Err(malformed(vm));
                }
                i += 1;
            } else if is_j(b.get(i)) {
                i += 1;
                im = z;
            } else {
                re = z;
            }
        }
        None => {
            if matches!(b.get(i), Some(b'+' | b'-')) {
                im = if b[i] == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                im = 1.0;
            }
            if !is_j(b.get(i)) {
                return Err(malformed(vm));
            }
            i += 1;
        }
    }
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    if bracket {
        if b.get(i) != Some(&b')') {
            return Err(malformed(vm));
        }
        i += 1;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
    }
    if i != b.len() {
        return Err(malformed(vm));
    }
    Ok(C { re, im })
}

/// `text` without its underscores, each of which must sit between two
/// digits (CPython's `_Py_string_to_number_with_underscores`); `None` when
/// one does not.
fn strip_underscores(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut prev = '\0';
    for c in text.chars() {
        if c == '_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == '_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    (prev != '_').then_some(out)
}
