//! Constant folding as CPython 3.11's AST optimizer (`Python/ast_opt.c`)
//! does it, asked of an expression as it is compiled.
//!
//! Invariants:
//! - An expression folds to the constant CPython's optimizer would put in
//!   its place, or to nothing: the operation is evaluated with Python's
//!   semantics, and one that would raise (division by zero, a bad operand
//!   type, an index out of range) is left to run time, as `make_const`
//!   leaves it.
//! - The size limits are `ast_opt.c`'s: integer results of at most 128
//!   bits (`MAX_INT_SIZE`), strings and bytes of at most 4096 items
//!   (`MAX_STR_SIZE`), repeated tuples of at most 256 items
//!   (`MAX_COLLECTION_SIZE`) and 1024 nested items (`MAX_TOTAL_ITEMS`).
//! - Folding never changes what a program computes, only its bytecode. So
//!   where Krait cannot represent or exactly compute a result it does not
//!   fold (PROVISIONAL: negative integers beyond i64 have no constant form;
//!   integer results are computed in i128; true division of integers
//!   beyond 2**53, complex division and powers, and float powers with a
//!   non-finite operand or result are left to run time).

use krait_syntax::ast::{Constant as AstConstant, Expr, ExprContext, ExprKind, Int, Operator, UnaryOp};
use krait_syntax::pystr::PyString;

use crate::code::Constant;

/// `ast_opt.c`'s limits.
const MAX_INT_SIZE: u32 = 128;
const MAX_COLLECTION_SIZE: i128 = 256;
const MAX_STR_SIZE: i128 = 4096;
const MAX_TOTAL_ITEMS: i128 = 1024;

/// An AST constant as a code constant.
pub(super) fn constant(c: &AstConstant) -> Constant {
    match c {
        AstConstant::None => Constant::None,
        AstConstant::Bool(b) => Constant::Bool(*b),
        AstConstant::Ellipsis => Constant::Ellipsis,
        AstConstant::Int(i) => Constant::Int(i.clone()),
        AstConstant::Float(f) => Constant::Float(*f),
        AstConstant::Complex { real, imag } => Constant::Complex { real: *real, imag: *imag },
        AstConstant::Str(s) => Constant::Str(s.clone()),
        AstConstant::Bytes(b) => Constant::Bytes(b.clone()),
    }
}

/// The constant an expression is, if it is one after CPython's AST
/// optimizer folds it: constants, tuples of constants, and unary and
/// binary operators and subscripts on constants.
pub(super) fn as_constant(e: &Expr) -> Option<Constant> {
    as_constant_debug(e, true)
}

/// As `as_constant`, with `__debug__` folded to `debug` (False when
/// compiling with `optimize` above 0).
pub(super) fn as_constant_debug(e: &Expr, debug: bool) -> Option<Constant> {
    let fold = |e| as_constant_debug(e, debug);
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(constant(value)),
        ExprKind::Name { id, ctx: ExprContext::Load } if &**id == "__debug__" => Some(Constant::Bool(debug)),
        ExprKind::Tuple { elts, ctx: ExprContext::Load } => {
            elts.iter().map(fold).collect::<Option<Vec<_>>>().map(Constant::Tuple)
        }
        ExprKind::UnaryOp { op, operand } => fold_unary(*op, &fold(operand)?),
        ExprKind::BinOp { left, op, right } => fold_binary(*op, &fold(left)?, &fold(right)?),
        ExprKind::Subscript { value, slice, ctx: ExprContext::Load } => fold_subscript(&fold(value)?, &fold(slice)?),
        _ => None,
    }
}

/// A frozenset of `items`, each kept once (the first of equal ones, as
/// `frozenset()` keeps it).
pub(super) fn frozenset(items: Vec<Constant>) -> Constant {
    let mut kept: Vec<Constant> = Vec::with_capacity(items.len());
    for item in items {
        if !kept.iter().any(|k| super::pattern::constants_equal(k, &item)) {
            kept.push(item);
        }
    }
    Constant::FrozenSet(kept)
}

/// An integer constant (`bool` included, as `PyLong_Check` has it).
fn int_of(c: &Constant) -> Option<i128> {
    match c {
        Constant::Bool(b) => Some(i128::from(*b)),
        Constant::Int(Int::Small(i)) => Some(i128::from(*i)),
        Constant::Int(Int::Big(u)) => i128::try_from(&**u).ok(),
        _ => None,
    }
}

/// An integer result as a constant, when Krait can hold it.
fn from_int(v: i128) -> Option<Constant> {
    if let Ok(small) = i64::try_from(v) {
        return Some(Constant::Int(Int::Small(small)));
    }
    let unsigned = u128::try_from(v).ok()?;
    Some(Constant::Int(Int::Big(Box::new(unsigned.into()))))
}

/// The integer with sign `negative` and magnitude `m`, when Krait can
/// hold it.
fn from_magnitude(negative: bool, m: u128) -> Option<Constant> {
    if !negative {
        return match i64::try_from(m) {
            Ok(small) => Some(Constant::Int(Int::Small(small))),
            Err(_) => Some(Constant::Int(Int::Big(Box::new(m.into())))),
        };
    }
    from_int(0i128.checked_sub_unsigned(m)?)
}

/// `_PyLong_NumBits`: the bits of `|v|`.
fn num_bits(v: i128) -> u32 {
    128 - v.unsigned_abs().leading_zeros()
}

/// A float operand: a float, or an int converted as `float(int)` does.
fn float_of(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        // Rust's int-to-float cast rounds to nearest, ties to even, as
        // PyLong_AsDouble does.
        _ => int_of(c).map(|i| i as f64),
    }
}

/// Python's truth value of a constant (`not` folds it).
fn truth(c: &Constant) -> bool {
    crate::flowgraph::truthy(c)
}

fn fold_unary(op: UnaryOp, c: &Constant) -> Option<Constant> {
    if op == UnaryOp::Not {
        return Some(Constant::Bool(!truth(c)));
    }
    match (op, c) {
        (UnaryOp::USub, Constant::Float(f)) => Some(Constant::Float(-f)),
        (UnaryOp::UAdd, Constant::Float(f)) => Some(Constant::Float(*f)),
        (UnaryOp::USub, Constant::Complex { real, imag }) => Some(Constant::Complex { real: -real, imag: -imag }),
        (UnaryOp::UAdd, Constant::Complex { .. }) => Some(c.clone()),
        (UnaryOp::USub, _) => from_int(int_of(c)?.checked_neg()?),
        (UnaryOp::UAdd, _) => from_int(int_of(c)?),
        (UnaryOp::Invert, _) => from_int(!int_of(c)?),
        _ => None,
    }
}

fn fold_binary(op: Operator, a: &Constant, b: &Constant) -> Option<Constant> {
    if let (Some(x), Some(y)) = (int_of(a), int_of(b)) {
        let both_bool = matches!((a, b), (Constant::Bool(_), Constant::Bool(_)));
        return fold_int(op, x, y, both_bool);
    }
    if matches!(a, Constant::Complex { .. }) || matches!(b, Constant::Complex { .. }) {
        return fold_complex(op, a, b);
    }
    if matches!(a, Constant::Float(_)) || matches!(b, Constant::Float(_)) {
        return fold_float(op, float_of(a)?, float_of(b)?);
    }
    match op {
        Operator::Add => concat(a, b),
        Operator::Mult => match (int_of(a), int_of(b)) {
            (Some(n), None) => repeat(b, n),
            (None, Some(n)) => repeat(a, n),
            _ => None,
        },
        // `safe_mod` leaves `str % x` and `bytes % x` to run time; other
        // constants have no `%` but numbers'.
        _ => None,
    }
}

/// An operator on two integers (bools included), with `safe_multiply`,
/// `safe_power` and `safe_lshift`'s limits.
fn fold_int(op: Operator, x: i128, y: i128, both_bool: bool) -> Option<Constant> {
    let v = match op {
        Operator::Add => x.checked_add(y)?,
        Operator::Sub => x.checked_sub(y)?,
        Operator::Mult => {
            if x != 0 && y != 0 && num_bits(x) + num_bits(y) > MAX_INT_SIZE {
                return None;
            }
            return from_magnitude((x < 0) != (y < 0), x.unsigned_abs().checked_mul(y.unsigned_abs())?);
        }
        Operator::Div => {
            // Exact operands divide correctly rounded, as long_true_divide.
            const EXACT: u128 = 1 << 53;
            if y == 0 || x.unsigned_abs() > EXACT || y.unsigned_abs() > EXACT {
                return None;
            }
            return Some(Constant::Float(x as f64 / y as f64));
        }
        Operator::FloorDiv | Operator::Mod => {
            if y == 0 {
                return None;
            }
            let (mut q, mut r) = (x.checked_div(y)?, x.checked_rem(y)?);
            if r != 0 && ((r < 0) != (y < 0)) {
                q -= 1;
                r += y;
            }
            if op == Operator::FloorDiv {
                q
            } else {
                r
            }
        }
        Operator::Pow => {
            if y < 0 {
                // A negative exponent makes it a float power.
                return fold_float(Operator::Pow, x as f64, y as f64);
            }
            if x != 0 && y > 0 && num_bits(x) > MAX_INT_SIZE / u32::try_from(y).unwrap_or(u32::MAX) {
                return None;
            }
            if x == 0 {
                return from_int(i128::from(y == 0));
            }
            let y = u32::try_from(y).ok()?;
            return from_magnitude(x < 0 && y % 2 == 1, x.unsigned_abs().checked_pow(y)?);
        }
        Operator::LShift => {
            if y < 0 {
                return None;
            }
            if x == 0 || y == 0 {
                return from_int(x);
            }
            if y > i128::from(MAX_INT_SIZE) || num_bits(x) > MAX_INT_SIZE - y as u32 {
                return None;
            }
            // num_bits(x) + y <= 128: the magnitude fits a u128.
            return from_magnitude(x < 0, x.unsigned_abs() << y as u32);
        }
        Operator::RShift => {
            if y < 0 {
                return None;
            }
            x >> y.min(127)
        }
        Operator::BitAnd | Operator::BitOr | Operator::BitXor => {
            let v = match op {
                Operator::BitAnd => x & y,
                Operator::BitOr => x | y,
                _ => x ^ y,
            };
            // bool's own `&`, `|`, `^` keep a bool.
            if both_bool {
                return Some(Constant::Bool(v != 0));
            }
            v
        }
        Operator::MatMult => return None,
    };
    from_int(v)
}

/// An operator with a float operand, the other converted as `float()`
/// does (CPython's `float_*` functions).
fn fold_float(op: Operator, x: f64, y: f64) -> Option<Constant> {
    let v = match op {
        Operator::Add => x + y,
        Operator::Sub => x - y,
        Operator::Mult => x * y,
        Operator::Div if y != 0.0 => x / y,
        Operator::FloorDiv | Operator::Mod if y != 0.0 => {
            let (div, rem) = float_divmod(x, y);
            if op == Operator::FloorDiv {
                div
            } else {
                rem
            }
        }
        // A negative base to a fractional power is complex.
        Operator::Pow if x < 0.0 && y.is_finite() && y.floor() != y => {
            let (real, imag) = c_pow((x, 0.0), (y, 0.0))?;
            return Some(Constant::Complex { real, imag });
        }
        Operator::Pow => float_pow(x, y)?,
        _ => return None,
    };
    Some(Constant::Float(v))
}

/// `float.__divmod__` (CPython's `_float_div_mod`): the floored quotient and
/// the remainder with the divisor's sign.
fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut rem = vx % wx;
    let mut div = (vx - rem) / wx;
    if rem != 0.0 {
        if (wx < 0.0) != (rem < 0.0) {
            rem += wx;
            div -= 1.0;
        }
    } else {
        rem = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, rem)
}

/// `float ** float` where it is a finite float: zero to a negative power
/// and an overflow raise, so those are left to run time (as are
/// non-finite operands).
fn float_pow(x: f64, y: f64) -> Option<f64> {
    if !x.is_finite() || !y.is_finite() {
        return None;
    }
    if y == 0.0 {
        return Some(1.0);
    }
    if (x == 0.0 && y < 0.0) || (x < 0.0 && y.floor() != y) {
        return None;
    }
    let v = x.powf(y);
    v.is_finite().then_some(v)
}

/// An operator with a complex operand, the other converted to
/// `complex(x, 0.0)` (CPython's `complex_*` functions); `//` and `%` raise.
fn fold_complex(op: Operator, a: &Constant, b: &Constant) -> Option<Constant> {
    let parts = |c: &Constant| match c {
        Constant::Complex { real, imag } => Some((*real, *imag)),
        _ => float_of(c).map(|f| (f, 0.0)),
    };
    let (x, y) = (parts(a)?, parts(b)?);
    let (real, imag) = match op {
        Operator::Add => (x.0 + y.0, x.1 + y.1),
        Operator::Sub => (x.0 - y.0, x.1 - y.1),
        Operator::Mult => c_prod(x, y),
        Operator::Div => c_quot(x, y)?,
        Operator::Pow => c_pow(x, y)?,
        _ => return None,
    };
    Some(Constant::Complex { real, imag })
}

type Complex = (f64, f64);

/// `_Py_c_prod`.
fn c_prod(a: Complex, b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`: Smith's algorithm (R. L. Smith, "Algorithm 116: Complex
/// division", CACM 1962), None for a zero divisor.
fn c_quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `complex.__pow__` where it gives a finite result: small integer
/// exponents by repeated squaring (`c_powi`), others through polar form
/// (`_Py_c_pow`); zero to a negative or complex power and overflows raise.
fn c_pow(a: Complex, b: Complex) -> Option<Complex> {
    if !(a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite()) {
        return None;
    }
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let powu = |mut n: u64| {
            let (mut r, mut p) = ((1.0, 0.0), a);
            while n > 0 {
                if n & 1 == 1 {
                    r = c_prod(r, p);
                }
                p = c_prod(p, p);
                n >>= 1;
            }
            r
        };
        if n > 0 {
            powu(n as u64)
        } else {
            c_quot((1.0, 0.0), powu(n.unsigned_abs()))?
        }
    } else if b == (0.0, 0.0) {
        (1.0, 0.0)
    } else if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    (r.0.is_finite() && r.1.is_finite()).then_some(r)
}

/// `a + b` for two strings, two bytes or two tuples.
fn concat(a: &Constant, b: &Constant) -> Option<Constant> {
    match (a, b) {
        (Constant::Str(x), Constant::Str(y)) => {
            let mut s = x.clone();
            s.push_pystr(y);
            Some(Constant::Str(s))
        }
        (Constant::Bytes(x), Constant::Bytes(y)) => Some(Constant::Bytes([x.as_slice(), y].concat())),
        (Constant::Tuple(x), Constant::Tuple(y)) => Some(Constant::Tuple([x.as_slice(), y].concat())),
        _ => None,
    }
}

/// `seq * n` within `safe_multiply`'s limits.
fn repeat(seq: &Constant, n: i128) -> Option<Constant> {
    let (size, limit) = match seq {
        Constant::Str(s) => (s.len() as i128, MAX_STR_SIZE),
        Constant::Bytes(b) => (b.len() as i128, MAX_STR_SIZE),
        Constant::Tuple(t) => (t.len() as i128, MAX_COLLECTION_SIZE),
        _ => return None,
    };
    if size > 0 {
        // PyLong_AsLong: an int beyond a C long fails, so no fold.
        if n < 0 || n > i128::from(i64::MAX) || n > limit / size {
            return None;
        }
        if n != 0 && matches!(seq, Constant::Tuple(_)) && complexity(seq, MAX_TOTAL_ITEMS / n) < 0 {
            return None;
        }
    } else if i64::try_from(n).is_err() {
        // An empty sequence times a huge count still needs an index-sized count.
        return None;
    }
    let n = usize::try_from(n.max(0)).ok()?;
    Some(match seq {
        Constant::Str(s) => {
            let mut out = PyString::new();
            for _ in 0..n {
                out.push_pystr(s);
            }
            Constant::Str(out)
        }
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n)),
        Constant::Tuple(t) => Constant::Tuple((0..n).flat_map(|_| t.iter().cloned()).collect()),
        _ => return None,
    })
}

/// `check_complexity`: what is left of `limit` after counting the items of
/// nested tuples and frozensets.
fn complexity(c: &Constant, mut limit: i128) -> i128 {
    if let Constant::Tuple(items) | Constant::FrozenSet(items) = c {
        limit -= items.len() as i128;
        for item in items {
            if limit < 0 {
                break;
            }
            limit = complexity(item, limit);
        }
    }
    limit
}

/// `value[index]` for a string, bytes or tuple and an integer index.
fn fold_subscript(value: &Constant, index: &Constant) -> Option<Constant> {
    let i = int_of(index)?;
    let at = |len: usize| -> Option<usize> {
        let len = len as i128;
        let i = if i < 0 { i + len } else { i };
        (0..len).contains(&i).then_some(i as usize)
    };
    match value {
        Constant::Str(s) => {
            let cp = s.code_points().nth(at(s.len())?)?;
            let mut out = PyString::new();
            out.push_code_point(cp);
            Some(Constant::Str(out))
        }
        Constant::Bytes(b) => Some(Constant::Int(Int::Small(i64::from(b[at(b.len())?])))),
        Constant::Tuple(t) => Some(t[at(t.len())?].clone()),
        _ => None,
    }
}

/// A piece of a `%`-format turned into an f-string.
pub(super) enum FormatPiece<'e> {
    Literal(PyString),
    /// `arg` formatted with conversion `s`, `r` or `a` and the format spec.
    Value { arg: &'e Expr, conversion: char, spec: Option<PyString> },
}

/// `ast_opt.c`'s `optimize_format`: `'...' % (a, b)` with only `%s`, `%r`
/// and `%a` units (flags `-`, a width and a precision of at most two
/// digits) and as many units as items becomes an f-string; anything else
/// stays a `%` operation (None).
pub(super) fn percent_format<'e>(fmt: &PyString, elts: &'e [Expr]) -> Option<Vec<FormatPiece<'e>>> {
    let cps: Vec<u32> = fmt.code_points().collect();
    let percent = u32::from('%');
    let mut pieces = Vec::with_capacity(elts.len() * 2 + 1);
    let mut pos = 0;
    let mut items = elts.iter();
    loop {
        // A literal run, `%%` read as `%`.
        let mut lit = PyString::new();
        while pos < cps.len() {
            if cps[pos] != percent {
                lit.push_code_point(cps[pos]);
                pos += 1;
            } else if cps.get(pos + 1) == Some(&percent) {
                lit.push_code_point(percent);
                pos += 2;
            } else {
                break;
            }
        }
        if !lit.is_empty() {
            pieces.push(FormatPiece::Literal(lit));
        }
        if pos >= cps.len() {
            break;
        }
        let arg = items.next()?;
        pos += 1;
        let (conversion, spec) = format_unit(&cps, &mut pos)?;
        pieces.push(FormatPiece::Value { arg, conversion, spec });
    }
    items.next().is_none().then_some(pieces)
}

/// One `%` unit after its `%` (`simple_format_arg_parse` and
/// `parse_format`): the conversion and the format spec it becomes.
fn format_unit(cps: &[u32], pos: &mut usize) -> Option<(char, Option<PyString>)> {
    const MAXDIGITS: u32 = 3;
    fn next(cps: &[u32], pos: &mut usize) -> Option<char> {
        let c = cps.get(*pos).and_then(|&c| char::from_u32(c))?;
        *pos += 1;
        Some(c)
    }
    // Digits from `ch` on: at most two, else the unit is not simple.
    fn number(cps: &[u32], pos: &mut usize, ch: &mut char) -> Option<i64> {
        let (mut value, mut digits) = (0i64, 0);
        while ch.is_ascii_digit() {
            value = value * 10 + i64::from(*ch as u8 - b'0');
            *ch = next(cps, pos)?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
        Some(value)
    }
    let mut ljust = false;
    let mut ch = next(cps, pos)?;
    while matches!(ch, '-' | '+' | ' ' | '#' | '0') {
        ljust |= ch == '-';
        ch = next(cps, pos)?;
    }
    let mut width = -1;
    if ch.is_ascii_digit() {
        width = number(cps, pos, &mut ch)?;
    }
    let mut prec = -1;
    if ch == '.' {
        ch = next(cps, pos)?;
        prec = number(cps, pos, &mut ch)?;
    }
    if !matches!(ch, 's' | 'r' | 'a') {
        return None;
    }
    let mut spec = String::new();
    if !ljust && width > 0 {
        spec.push('>');
    }
    if width >= 0 {
        spec.push_str(&width.to_string());
    }
    if prec >= 0 {
        spec.push_str(&format!(".{prec}"));
    }
    Some((ch, (!spec.is_empty()).then(|| spec.as_str().into())))
}
