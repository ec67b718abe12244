//! The plain methods of `float` (CPython's `Objects/floatobject.c`):
//! `conjugate`, `__format__`, `as_integer_ratio`, `is_integer`, `hex`,
//! `fromhex`, `__trunc__`,
//! `__floor__`, `__ceil__`, `__round__`, `__getnewargs__`,
//! `__getformat__`.
//!
//! Invariants:
//! - Conversions are exact: `as_integer_ratio` and `hex` read the float's
//!   bits; `fromhex` rounds the exact value of its digits once, half to
//!   even, to the nearest double (subnormals included), as CPython does.
//! - A method's receiver is a float or an instance of a subclass (the
//!   method descriptor checks it); its value is `float_of`.

use dashu_int::ops::BitTest;
use dashu_int::IBig;

use crate::builtins::float::{float_of, float_to_int, FLOAT_TYPE};
use crate::builtins::int::new_big;
use crate::builtins::str::{as_str, new_str};
use crate::builtins::tuple::new_tuple;
use crate::types::MethodDef;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The instance methods.
pub const METHODS: &[MethodDef] = &[
    MethodDef { name: "__format__", func: crate::builtins::format::builtin_format_method },
    MethodDef { name: "conjugate", func: |vm, this, args, kw| {
        no_args(vm, "conjugate", args, kw)?;
        Ok(Value::float(value(this)))
    } },
    MethodDef { name: "as_integer_ratio", func: as_integer_ratio },
    MethodDef { name: "is_integer", func: |vm, this, args, kw| {
        no_args(vm, "is_integer", args, kw)?;
        let f = value(this);
        Ok(vm.bool(f.is_finite() && f == f.floor()))
    } },
    MethodDef { name: "hex", func: |vm, this, args, kw| {
        no_args(vm, "hex", args, kw)?;
        Ok(new_str(&hex(value(this))))
    } },
    MethodDef { name: "__trunc__", func: |vm, this, args, kw| {
        no_args(vm, "__trunc__", args, kw)?;
        float_to_int(vm, value(this))
    } },
    MethodDef { name: "__floor__", func: |vm, this, args, kw| {
        no_args(vm, "__floor__", args, kw)?;
        float_to_int(vm, value(this).floor())
    } },
    MethodDef { name: "__ceil__", func: |vm, this, args, kw| {
        no_args(vm, "__ceil__", args, kw)?;
        float_to_int(vm, value(this).ceil())
    } },
    MethodDef { name: "__round__", func: round },
    MethodDef { name: "__getnewargs__", func: |vm, this, args, kw| {
        no_args(vm, "__getnewargs__", args, kw)?;
        Ok(new_tuple(vec![Value::float(value(this))]))
    } },
];

/// The class methods.
pub const CLASS_METHODS: &[MethodDef] = &[
    MethodDef { name: "fromhex", func: fromhex },
    MethodDef { name: "__getformat__", func: getformat },
];

fn value(this: &Value) -> f64 {
    float_of(this).unwrap_or(0.0)
}

/// A METH_NOARGS method's check of its arguments.
fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("float.{name}() takes no keyword arguments")));
    }
    if !args.is_empty() {
        return Err(vm.type_error(format!("float.{name}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

/// A finite float's exact value m * 2**e, m an integer of at most 53 bits.
fn mantissa_exponent(f: f64) -> (u64, i64) {
    let bits = f.abs().to_bits();
    let (exp, frac) = ((bits >> 52) as i64, bits & ((1 << 52) - 1));
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    }
}

/// `float.as_integer_ratio()`: the exact value as a fraction in lowest
/// terms with a positive denominator (a power of two).
fn as_integer_ratio(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "as_integer_ratio", args, kwnames)?;
    let f = value(this);
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = mantissa_exponent(f);
    let (num, den) = if m == 0 {
        (IBig::ZERO, IBig::ONE)
    } else if e >= 0 {
        (IBig::from(m) << e as usize, IBig::ONE)
    } else {
        // Cancel the common powers of two.
        let shift = (m.trailing_zeros() as i64).min(-e);
        (IBig::from(m >> shift), IBig::ONE << (-e - shift) as usize)
    };
    let num = if f < 0.0 { -num } else { num };
    Ok(new_tuple(vec![new_big(num), new_big(den)]))
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>` (`0x0.` for subnormals),
/// CPython's `float_hex`.
fn hex(f: f64) -> String {
    if !f.is_finite() {
        return krait_syntax::repr::float_repr(f);
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.abs().to_bits();
    let (exp, frac) = ((bits >> 52) as i64, bits & ((1 << 52) - 1));
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    let esign = if e < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", e.abs())
}

/// `float.__round__(ndigits=None)`: `round(x, ndigits)` of the value.
fn round(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("float.__round__() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {}", args.len())));
    }
    let mut full = vec![Value::float(value(this))];
    full.extend_from_slice(args);
    crate::builtins::functions::round(vm, this, &full, &[])
}

/// `float.__getformat__(typestr)`: the storage format of C doubles and
/// floats.
fn getformat(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "float.__getformat__", kwnames)?;
    let [typestr] = args else {
        return Err(vm.type_error(format!("float.__getformat__() takes exactly one argument ({} given)", args.len())));
    };
    match as_str(typestr) {
        Some("double" | "float") => Ok(new_str("IEEE, little-endian")),
        Some(_) => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        None => {
            let msg = format!("__getformat__() argument must be str, not {}", vm.type_of(typestr).name());
            Err(vm.type_error(msg))
        }
    }
}

/// Why `fromhex` failed.
#[derive(Debug, PartialEq)]
enum HexError {
    Invalid,
    Overflow,
}

/// `float.fromhex(string)`; a subclass is called with the float.
fn fromhex(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "float.fromhex", kwnames)?;
    let [s] = args else {
        return Err(vm.type_error(format!("float.fromhex() takes exactly one argument ({} given)", args.len())));
    };
    let Some(text) = as_str(s) else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let x = match parse_hex(text) {
        Ok(x) => x,
        Err(HexError::Invalid) => return Err(vm.value_error("invalid hexadecimal floating-point string")),
        Err(HexError::Overflow) => {
            return Err(vm.overflow_error("hexadecimal value too large to represent as a float"));
        }
    };
    if crate::types::as_type(cls).is_some_and(|t| std::ptr::eq(t, &FLOAT_TYPE)) {
        return Ok(Value::float(x));
    }
    crate::eval::call(vm, cls, &[Value::float(x)], &[])
}

/// `[ws][sign](inf|infinity|nan|[0x]hex[.hex][p[sign]dec])[ws]`, rounded
/// half to even.
fn parse_hex(text: &str) -> Result<f64, HexError> {
    // Py_ISSPACE: the ASCII whitespace, vertical tab included.
    let s = text.trim_matches(|c: char| matches!(c, ' ' | '\t'..='\r'));
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let signed = |x: f64| if negative { -x } else { x };
    let lower = s.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(signed(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(signed(f64::NAN));
    }
    let b = lower.as_bytes();
    let mut i = if b.starts_with(b"0x") { 2 } else { 0 };
    // The coefficient's digits, as one integer, and how many follow the point.
    let mut coefficient = IBig::ZERO;
    let (mut digits, mut fraction_digits) = (0usize, 0i64);
    let mut seen_point = false;
    while i < b.len() {
        match b[i] {
            b'.' if !seen_point => seen_point = true,
            c if c.is_ascii_hexdigit() => {
                let d = (c as char).to_digit(16).unwrap_or(0);
                coefficient = (coefficient << 4) + IBig::from(d);
                digits += 1;
                if seen_point {
                    fraction_digits += 1;
                }
            }
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return Err(HexError::Invalid);
    }
    let mut exponent: i64 = 0;
    if i < b.len() && b[i] == b'p' {
        i += 1;
        let negative_exp = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            // Saturate: beyond this any value overflows or underflows.
            exponent = (exponent * 10 + i64::from(b[i] - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(HexError::Invalid);
        }
        if negative_exp {
            exponent = -exponent;
        }
    }
    if i != b.len() {
        return Err(HexError::Invalid);
    }
    let e = exponent - 4 * fraction_digits;
    Ok(signed(round_scaled(&coefficient, e)?))
}

/// The double nearest `m * 2**e` (ties to even), m >= 0.
fn round_scaled(m: &IBig, e: i64) -> Result<f64, HexError> {
    if *m == IBig::ZERO {
        return Ok(0.0);
    }
    let bits = m.bit_len() as i64;
    let top = bits + e; // 2**(top-1) <= value < 2**top
    if top > 1024 {
        return Err(HexError::Overflow);
    }
    // Keep 53 bits, fewer below the normal range: round to a multiple of 2**q.
    let q = (top - 53).max(-1074);
    let shift = q - e;
    let r: u64 = if shift <= 0 {
        u64::try_from(&(m << (-shift) as usize)).unwrap_or(0)
    } else {
        let shift = shift as usize;
        let kept = u64::try_from(&(m >> shift)).unwrap_or(0);
        let half = m.bit(shift - 1);
        let below = m.trailing_zeros().is_some_and(|z| z < shift - 1);
        if half && (below || kept & 1 == 1) {
            kept + 1
        } else {
            kept
        }
    };
    let x = r as f64 * pow2(q);
    if x.is_infinite() {
        return Err(HexError::Overflow);
    }
    Ok(x)
}

/// 2**q for -1074 <= q <= 1023, exactly.
fn pow2(q: i64) -> f64 {
    if q >= -1022 {
        f64::from_bits(((q + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (q + 1074))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fromhex_rounds_half_to_even_and_handles_subnormals() {
        assert_eq!(parse_hex("0x1.8p1"), Ok(3.0));
        assert_eq!(parse_hex("0x1p-1074"), Ok(5e-324));
        assert_eq!(parse_hex("0x1p-1075"), Ok(0.0));
        assert_eq!(parse_hex("0x1.8p-1075"), Ok(5e-324));
        assert_eq!(parse_hex("0x1.00000000000008p0"), Ok(1.0));
        assert_eq!(parse_hex("0x1.00000000000018p0"), Ok(1.0 + 2.0 * f64::EPSILON));
        assert_eq!(parse_hex("0x1.fffffffffffff8p1023"), Err(HexError::Overflow));
        assert_eq!(parse_hex("0x"), Err(HexError::Invalid));
        assert_eq!(parse_hex("1p"), Err(HexError::Invalid));
    }

    #[test]
    fn hex_of_normals_subnormals_and_zeros() {
        assert_eq!(hex(255.5), "0x1.ff00000000000p+7");
        assert_eq!(hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(hex(-0.0), "-0x0.0p+0");
        assert_eq!(hex(0.1), "0x1.999999999999ap-4");
    }
}
