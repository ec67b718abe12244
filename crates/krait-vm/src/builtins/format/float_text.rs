//! A float as decimal text, as CPython's `PyOS_double_to_string` writes it
//! for the presentation types `e` `f` `g` and `r` (repr), shared by the
//! format-spec mini-language and printf-style `%` formatting.
//!
//! Invariants:
//! - Digits are correctly rounded, ties to even, as David Gay's dtoa that
//!   CPython uses: Rust's `{:.N}` and `{:.Ne}` formatting is exact, and the
//!   shortest round-trip digits (`r`) come from `ryu` via `krait_syntax`.
//! - The layout follows `format_float_short`: the value is
//!   `0.DIGITS * 10**decpt`, written as a slice of the digits padded with
//!   zeros on both sides; a trailing `.` is dropped unless the alternate form
//!   (`#`) keeps it; the exponent has a sign and at least two digits.
//! - The sign is returned apart (`negative`), never inside the text: the
//!   callers place it (and the `+`/` ` flags) with their padding rules. A NaN
//!   is never negative, as in CPython.

/// How to write a float (the flags of `PyOS_double_to_string`).
#[derive(Clone, Copy, Default)]
pub struct FloatStyle {
    /// `Py_DTSF_ALT`: always a decimal point; `g` keeps trailing zeros.
    pub alternate: bool,
    /// `Py_DTSF_ADD_DOT_0`: an integral value without exponent gets `.0`
    /// (and `g` switches to an exponent one digit sooner).
    pub add_dot_0: bool,
    /// `Py_DTSF_NO_NEG_0` (the `z` option): a value that rounds to zero is
    /// not negative.
    pub no_neg_zero: bool,
}

/// `x` written with presentation type `code` (`e` `E` `f` `F` `g` `G`, or
/// `r` for the shortest repr digits) and `precision` (digits after the
/// point for `e`/`f`, significant digits for `g`; unused for `r`).
/// Returns (negative, text without sign).
pub fn float_to_text(x: f64, code: char, precision: usize, style: FloatStyle) -> (bool, String) {
    let upper = code.is_ascii_uppercase();
    let case = |s: String| if upper { s.to_ascii_uppercase() } else { s };
    if x.is_nan() {
        return (false, case("nan".into()));
    }
    let negative = x.is_sign_negative();
    if x.is_infinite() {
        return (negative, case("inf".into()));
    }
    let a = x.abs();
    let text = match code.to_ascii_lowercase() {
        'f' => {
            // Past FIXED_EXACT decimals every digit of a double is zero, and
            // Rust's formatting takes at most u16::MAX of them.
            let exact = precision.min(FIXED_EXACT);
            let mut s = format!("{a:.exact$}");
            s.push_str(&"0".repeat(precision - exact));
            if style.alternate && precision == 0 {
                s.push('.');
            }
            s
        }
        'e' => {
            let (digits, decpt) = significant_digits(a, precision + 1);
            layout(&digits, decpt, true, precision + 1, style)
        }
        'g' => {
            let p = precision.max(1);
            let (mut digits, decpt) = significant_digits(a, p);
            if !style.alternate {
                strip_trailing_zeros(&mut digits);
            }
            let threshold = if style.add_dot_0 { p as i64 - 1 } else { p as i64 };
            let use_exp = decpt <= -4 || decpt > threshold;
            let min_digits = if style.alternate { p } else { digits.len() };
            layout(&digits, decpt, use_exp, min_digits, style)
        }
        _ => {
            let (digits, decpt) = if a == 0.0 {
                (vec![b'0'], 1)
            } else {
                let (d, e) = krait_syntax::repr::float_shortest_digits(a);
                (d, e as i64)
            };
            let use_exp = decpt <= -4 || decpt > 16;
            let len = digits.len();
            layout(&digits, decpt, use_exp, len, style)
        }
    };
    let text = case(text);
    let is_zero = text.bytes().take_while(|&b| b != b'e' && b != b'E').all(|b| b == b'0' || b == b'.');
    (negative && !(style.no_neg_zero && is_zero), text)
}

/// Decimals that hold every digit of a double (the smallest subnormal,
/// 2**-1074, has 1074 after the point).
const FIXED_EXACT: usize = 1100;

/// Significant digits that hold every digit of a double (at most 767).
const SIGNIFICANT_EXACT: usize = 800;

/// The first `n` significant digits of `a` (>= 0), correctly rounded, and
/// the decimal point's position: a = 0.DIGITS * 10**decpt. Zero gives
/// zeros and decpt 1. Past `SIGNIFICANT_EXACT` digits, which are all zero,
/// fewer may be returned: the layout pads with zeros.
fn significant_digits(a: f64, n: usize) -> (Vec<u8>, i64) {
    let text = format!("{:.*e}", n.min(SIGNIFICANT_EXACT) - 1, a);
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    (digits, exp.parse::<i64>().unwrap_or(0) + 1)
}

/// Drop trailing zeros, keeping at least one digit.
fn strip_trailing_zeros(digits: &mut Vec<u8>) {
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
}

/// Lay out `0.DIGITS * 10**decpt` with at least `min_digits` digits from
/// the first significant one (zeros added on the right), in exponent form
/// when `use_exp` (`format_float_short`'s "virtual digits" slice).
fn layout(digits: &[u8], decpt: i64, use_exp: bool, min_digits: usize, style: FloatStyle) -> String {
    let (point, exp) = if use_exp { (1, decpt - 1) } else { (decpt, 0) };
    let mut end = (min_digits as i64).max(digits.len() as i64);
    end = if !use_exp && style.add_dot_0 { end.max(point + 1) } else { end.max(point) };
    let digit = |i: i64| if i >= 0 && (i as usize) < digits.len() { digits[i as usize] as char } else { '0' };
    let mut out = String::with_capacity(end.max(1) as usize + 8);
    if point <= 0 {
        out.push('0');
    } else {
        (0..point).for_each(|i| out.push(digit(i)));
    }
    if end > point || style.alternate {
        out.push('.');
    }
    // Digits after the point: zeros first when point < 0.
    (point..end).for_each(|i| out.push(digit(i)));
    if use_exp {
        let sign = if exp < 0 { '-' } else { '+' };
        out.push_str(&format!("e{sign}{:02}", exp.abs()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(x: f64, code: char, p: usize) -> String {
        let (neg, t) = float_to_text(x, code, p, FloatStyle::default());
        format!("{}{t}", if neg { "-" } else { "" })
    }

    #[test]
    fn layouts_match_cpython() {
        assert_eq!(fmt(1234.5, 'e', 2), "1.23e+03");
        assert_eq!(fmt(0.0001, 'g', 6), "0.0001");
        assert_eq!(fmt(0.00001, 'g', 6), "1e-05");
        assert_eq!(fmt(123456789.0, 'g', 6), "1.23457e+08");
        assert_eq!(fmt(100000.0, 'g', 6), "100000");
        assert_eq!(fmt(-0.0, 'g', 6), "-0");
        assert_eq!(fmt(1e16, 'r', 0), "1e+16");
        assert_eq!(fmt(0.5, 'f', 0), "0");
        assert_eq!(fmt(2.5, 'e', 0), "2e+00");
        assert_eq!(fmt(f64::NAN, 'G', 3), "NAN");
        let alt = FloatStyle { alternate: true, ..FloatStyle::default() };
        assert_eq!(float_to_text(0.0, 'g', 6, alt).1, "0.00000");
        assert_eq!(float_to_text(1e20, 'r', 0, alt).1, "1.e+20");
        let dot0 = FloatStyle { add_dot_0: true, ..FloatStyle::default() };
        assert_eq!(float_to_text(123.0, 'g', 3, dot0).1, "1.23e+02");
        assert_eq!(float_to_text(123.0, 'r', 0, dot0).1, "123.0");
        assert_eq!(float_to_text(0.0001, 'r', 0, dot0).1, "0.0001");
        // Precisions past what Rust's formatting takes, and past a
        // double's digits.
        assert_eq!(fmt(5e-324, 'f', 70000).len(), 70002);
        assert_eq!(fmt(0.1, 'e', 70000).len(), 70006);
        assert_eq!(float_to_text(1.5, 'g', 70000, alt).1.len(), 70001);
    }
}
