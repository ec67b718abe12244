//! The format-spec mini-language: `format(value, spec)`, the `__format__`
//! of `object`, `int`, `float` and `str`, and f-string specs (CPython
//! 3.11's `Objects/abstract.c:PyObject_Format` and
//! `Python/formatter_unicode.c`, in behaviour).
//!
//! Invariants:
//! - A spec is parsed once into a `FormatSpec`, in CPython's order
//!   `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`;
//!   every error is CPython's exception with its exact text.
//! - Specs and results are code points (a fill may be any code point, a
//!   lone surrogate included); widths count code points, as `len` does.
//! - A number is laid out as CPython's `calc_number_widths` does:
//!   `<lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>`, and
//!   zero padding (`0` fill with `=` alignment) is grouped with the digits.
//! - `format(x, spec)` calls a class's `__format__` (a Python method, or
//!   the one it inherits); built-in types go straight to their Rust code.

pub(crate) mod float_text;

pub use float_text::{float_to_text, FloatStyle};

use dashu_int::ops::UnsignedAbs;
use krait_syntax::pystr::PyString;

use crate::builtins::exceptions::OVERFLOW_ERROR;
use crate::builtins::float::{float_of, int_to_f64};
use crate::builtins::int::{decimal_string, int_of, Int};
use crate::builtins::str::{as_str_data, new_str_from_pystring, StrData, STR_TYPE};
use crate::ops;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Digit grouping asked for by the spec.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Grouping {
    None,
    Comma,
    Underscore,
}

/// A parsed format spec (CPython's `InternalFormatSpec`).
#[derive(Debug, Clone, Copy)]
struct FormatSpec {
    fill: u32,
    /// `<`, `>`, `^` or `=`; the type's default when the spec gives none.
    align: char,
    /// `+`, `-` or ` `, if given.
    sign: Option<char>,
    /// `z`: negative zero shown as zero (floats only).
    no_neg_zero: bool,
    /// `#`.
    alternate: bool,
    width: usize,
    grouping: Grouping,
    precision: Option<usize>,
    /// The presentation type as a code point; 0 when neither the spec nor
    /// the type's default gives one (floats).
    ty: u32,
}

/// The value's kind, which decides defaults and allowed options.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Float,
    Str,
}

impl Kind {
    fn default_type(self) -> u32 {
        match self {
            Kind::Int => 'd' as u32,
            Kind::Float => 0,
            Kind::Str => 's' as u32,
        }
    }

    fn default_align(self) -> char {
        if self == Kind::Str {
            '<'
        } else {
            '>'
        }
    }
}

/// A type code as CPython's messages show it: the character when it is
/// printable ASCII, else `\x` and its hex value.
fn code_text(c: u32) -> String {
    if c > 32 && c < 128 {
        char::from_u32(c).map_or_else(String::new, String::from)
    } else {
        format!("\\x{c:x}")
    }
}

/// Read a decimal number at `spec[*pos..]`; `None` if there are no digits.
/// Any Unicode decimal digit counts (`format(5, '٣')` is `'  5'`), and it
/// errors as CPython's `get_integer` when it overflows `Py_ssize_t`.
fn read_number(vm: &mut Vm, spec: &[u32], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut n: usize = 0;
    while let Some(d) = spec.get(*pos).and_then(|&c| krait_syntax::unicode::decimal_value(c)) {
        let d = d as usize;
        n = match n.checked_mul(10).and_then(|n| n.checked_add(d)) {
            Some(n) if n <= isize::MAX as usize => n,
            _ => return Err(vm.value_error("Too many decimal digits in format string")),
        };
        *pos += 1;
    }
    Ok((*pos > start).then_some(n))
}

/// Parse `spec` (non-empty) for a value of `kind` whose type is `type_name`
/// (CPython's `parse_internal_render_format_spec`).
fn parse_spec(vm: &mut Vm, spec: &[u32], kind: Kind, type_name: &str) -> PyResult<FormatSpec> {
    let is_align = |c: u32| matches!(char::from_u32(c), Some('<' | '>' | '^' | '='));
    let at = |i: usize, c: char| spec.get(i) == Some(&(c as u32));
    let mut pos = 0;
    let (mut fill, mut fill_given, mut align) = (' ' as u32, false, None);
    if spec.len() >= 2 && is_align(spec[1]) {
        (fill, fill_given, align) = (spec[0], true, char::from_u32(spec[1]));
        pos = 2;
    } else if !spec.is_empty() && is_align(spec[0]) {
        align = char::from_u32(spec[0]);
        pos = 1;
    }
    let mut sign = None;
    if let Some(c @ ('+' | '-' | ' ')) = spec.get(pos).and_then(|&c| char::from_u32(c)) {
        sign = Some(c);
        pos += 1;
    }
    let no_neg_zero = at(pos, 'z');
    pos += no_neg_zero as usize;
    let alternate = at(pos, '#');
    pos += alternate as usize;
    // A `0` before the width means zero padding, unless a fill was given;
    // for numbers it also means `=` alignment if none was given.
    if !fill_given && at(pos, '0') {
        fill = '0' as u32;
        if align.is_none() && kind.default_align() == '>' {
            align = Some('=');
        }
        pos += 1;
    }
    let width = read_number(vm, spec, &mut pos)?.unwrap_or(0);
    let mut grouping = Grouping::None;
    if at(pos, ',') {
        grouping = Grouping::Comma;
        pos += 1;
    }
    if at(pos, '_') {
        if grouping != Grouping::None {
            return Err(vm.value_error("Cannot specify both ',' and '_'."));
        }
        grouping = Grouping::Underscore;
        pos += 1;
    }
    if at(pos, ',') && grouping == Grouping::Underscore {
        return Err(vm.value_error("Cannot specify both ',' and '_'."));
    }
    let mut precision = None;
    if at(pos, '.') {
        pos += 1;
        precision = read_number(vm, spec, &mut pos)?;
        if precision.is_none() {
            return Err(vm.value_error("Format specifier missing precision"));
        }
    }
    if spec.len() - pos > 1 {
        return Err(invalid_spec(spec, type_name));
    }
    let ty = spec.get(pos).copied().unwrap_or_else(|| kind.default_type());
    if grouping != Grouping::None {
        let allowed = match char::from_u32(ty) {
            Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0') => true,
            Some('b' | 'o' | 'x' | 'X') => grouping == Grouping::Underscore,
            _ => false,
        };
        if !allowed {
            let sep = if grouping == Grouping::Comma { ',' } else { '_' };
            return Err(vm.value_error(format!("Cannot specify '{sep}' with '{}'.", code_text(ty))));
        }
    }
    let align = align.unwrap_or(kind.default_align());
    Ok(FormatSpec { fill, align, sign, no_neg_zero, alternate, width, grouping, precision, ty })
}

/// "Invalid format specifier": the message quotes the spec, which may hold
/// lone surrogates, so it is built as a `str` value.
#[cold]
fn invalid_spec(spec: &[u32], type_name: &str) -> crate::vm::PyErr {
    let mut msg = PyString::from("Invalid format specifier '");
    spec.iter().for_each(|&c| msg.push_code_point(c));
    msg.push_str(&format!("' for object of type '{type_name}'"));
    let args = vec![new_str_from_pystring(&msg)];
    crate::vm::PyErr { exception: crate::builtins::exceptions::exception_with_args(&crate::builtins::exceptions::VALUE_ERROR, args) }
}

fn unknown_code(vm: &mut Vm, ty: u32, type_name: &str) -> crate::vm::PyErr {
    vm.value_error(format!("Unknown format code '{}' for object of type '{type_name}'", code_text(ty)))
}

// ----- output -------------------------------------------------------------

/// The output being built, with a check that it can be allocated (a width
/// of 10**15 is CPython's MemoryError, not a Rust abort).
struct Out {
    text: PyString,
}

impl Out {
    fn new() -> Out {
        Out { text: PyString::new() }
    }

    fn push(&mut self, cp: u32) {
        self.text.push_code_point(cp);
    }

    fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn push_fill(&mut self, vm: &mut Vm, fill: u32, n: usize) -> PyResult<()> {
        if n == 0 {
            return Ok(());
        }
        let mut one = PyString::new();
        one.push_code_point(fill);
        let bytes = one.as_bytes();
        let mut buf = Vec::new();
        match n.checked_mul(bytes.len()) {
            Some(total) if buf.try_reserve_exact(total).is_ok() => {}
            _ => return Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, "")),
        }
        for _ in 0..n {
            buf.extend_from_slice(bytes);
        }
        self.text.push_pystr(&PyString::from_bytes(buf));
        Ok(())
    }

    fn finish(self) -> Value {
        new_str_from_pystring(&self.text)
    }
}

/// A number split as `calc_number_widths` sees it.
struct Number {
    negative: bool,
    /// `0x`, `0o`, `0b` (`0X` for `X`), or empty.
    prefix: &'static str,
    /// The integer part's digits (ASCII), before grouping.
    digits: Vec<u8>,
    /// Whether a decimal point follows the digits.
    decimal: bool,
    /// Everything after the point (or after the digits): fraction,
    /// exponent, `%`, `inf`, or the character of `c`.
    remainder: Vec<u32>,
}

impl Number {
    /// Split a formatted number: leading digits, an optional `.`, the rest.
    fn from_text(negative: bool, text: &str) -> Number {
        let n = text.bytes().take_while(u8::is_ascii_digit).count();
        let decimal = text.as_bytes().get(n) == Some(&b'.');
        let rest = &text[n + decimal as usize..];
        Number { negative, prefix: "", digits: text.as_bytes()[..n].to_vec(), decimal, remainder: rest.chars().map(u32::from).collect() }
    }
}

/// `digits` with a separator `sep` every `size` digits from the right,
/// padded on the left with zeros (grouped too) to at least `min_width`
/// characters; a group is never led by a separator (CPython's
/// `_PyUnicode_InsertThousandsGrouping`). `size` 0 means no grouping.
fn group_digits(digits: &[u8], size: usize, sep: u8, min_width: isize) -> Vec<u8> {
    let mut groups: Vec<Vec<u8>> = Vec::new();
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width;
    let mut end = digits.len();
    let mut take = |groups: &mut Vec<Vec<u8>>, len: isize, remaining: isize| -> isize {
        let zeros = (len - remaining).max(0) as usize;
        let chars = remaining.min(len).max(0) as usize;
        let mut g = vec![b'0'; zeros];
        g.extend_from_slice(&digits[end - chars..end]);
        end -= chars;
        groups.push(g);
        chars as isize
    };
    let mut done = false;
    if size > 0 {
        loop {
            let len = (size as isize).min(remaining.max(min_width).max(1));
            remaining -= take(&mut groups, len, remaining);
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                done = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !done {
        let len = remaining.max(min_width).max(1);
        take(&mut groups, len, remaining);
    }
    groups.reverse();
    let mut out = Vec::with_capacity(digits.len() * 2);
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.extend_from_slice(g);
    }
    out
}

/// Lay out a number with the spec's sign, alignment, fill and grouping
/// (`group` = (digits per group, separator), size 0 for none).
fn fill_number(vm: &mut Vm, spec: &FormatSpec, num: &Number, group: (usize, u8)) -> PyResult<Value> {
    let sign = match (num.negative, spec.sign) {
        (true, _) => Some('-'),
        (false, Some('+')) => Some('+'),
        (false, Some(' ')) => Some(' '),
        _ => None,
    };
    let non_digits = sign.is_some() as usize + num.prefix.len() + num.decimal as usize + num.remainder.len();
    let zero_pad = spec.fill == '0' as u32 && spec.align == '=';
    let min_width = if zero_pad { spec.width as isize - non_digits as isize } else { 0 };
    let grouped = if num.digits.is_empty() {
        Vec::new()
    } else {
        group_digits(&num.digits, group.0, group.1, min_width)
    };
    let padding = spec.width.saturating_sub(non_digits + grouped.len());
    let (left, middle, right) = match spec.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = Out::new();
    out.push_fill(vm, spec.fill, left)?;
    if let Some(s) = sign {
        out.push(s as u32);
    }
    out.push_str(num.prefix);
    out.push_fill(vm, spec.fill, middle)?;
    out.push_str(std::str::from_utf8(&grouped).unwrap_or(""));
    if num.decimal {
        out.push('.' as u32);
    }
    num.remainder.iter().for_each(|&c| out.push(c));
    out.push_fill(vm, spec.fill, right)?;
    Ok(out.finish())
}

/// The digit grouping for a presentation type: `,` or `_` every three
/// digits, `_` every four for binary, octal and hex; none for `n` (the C
/// locale's, which CPython programs run in unless they call setlocale).
fn grouping_of(spec: &FormatSpec) -> (usize, u8) {
    match (spec.grouping, char::from_u32(spec.ty)) {
        (Grouping::None, _) | (_, Some('n')) => (0, b','),
        (Grouping::Comma, _) => (3, b','),
        (Grouping::Underscore, Some('b' | 'o' | 'x' | 'X')) => (4, b'_'),
        (Grouping::Underscore, _) => (3, b'_'),
    }
}

// ----- int ----------------------------------------------------------------

/// `int.__format__(spec)` for a non-empty spec (`bool` included).
fn format_int(vm: &mut Vm, value: &Value, i: &Int, spec: &[u32]) -> PyResult<Value> {
    let type_name = vm.type_of(value).name();
    let spec = parse_spec(vm, spec, Kind::Int, type_name)?;
    match char::from_u32(spec.ty) {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_int_digits(vm, i, &spec),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let f = int_to_f64(vm, i)?;
            format_float_spec(vm, f, &spec)
        }
        _ => Err(unknown_code(vm, spec.ty, type_name)),
    }
}

/// An int with an integer presentation type (CPython's
/// `format_long_internal`).
fn format_int_digits(vm: &mut Vm, i: &Int, spec: &FormatSpec) -> PyResult<Value> {
    if spec.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_zero {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let ty = char::from_u32(spec.ty).unwrap_or('d');
    if ty == 'c' {
        return format_int_char(vm, i, spec);
    }
    let big = i.to_ibig();
    let magnitude = big.unsigned_abs();
    let (digits, prefix) = match ty {
        'b' => (format!("{magnitude:b}"), "0b"),
        'o' => (format!("{magnitude:o}"), "0o"),
        'x' => (format!("{magnitude:x}"), "0x"),
        'X' => (format!("{magnitude:X}"), "0X"),
        _ => {
            let s = decimal_string(vm, i)?;
            (s.trim_start_matches('-').to_string(), "")
        }
    };
    let num = Number {
        negative: i.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: digits.into_bytes(),
        decimal: false,
        remainder: Vec::new(),
    };
    fill_number(vm, spec, &num, grouping_of(spec))
}

/// `format(n, 'c')`: the character `chr(n)`.
fn format_int_char(vm: &mut Vm, i: &Int, spec: &FormatSpec) -> PyResult<Value> {
    if spec.sign.is_some() {
        return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
    }
    if spec.alternate {
        return Err(vm.value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
    }
    let x = match i {
        Int::Small(x) => *x,
        Int::Big(b) => match i64::try_from(*b) {
            Ok(x) => x,
            Err(_) => return Err(vm.error(&OVERFLOW_ERROR, "Python int too large to convert to C long")),
        },
    };
    if !(0..=0x10FFFF).contains(&x) {
        return Err(vm.error(&OVERFLOW_ERROR, "%c arg not in range(0x110000)"));
    }
    let num = Number { negative: false, prefix: "", digits: Vec::new(), decimal: false, remainder: vec![x as u32] };
    fill_number(vm, spec, &num, (0, b','))
}

// ----- float --------------------------------------------------------------

/// `float.__format__(spec)` for a non-empty spec.
fn format_float(vm: &mut Vm, x: f64, spec: &[u32]) -> PyResult<Value> {
    let spec = parse_spec(vm, spec, Kind::Float, "float")?;
    match char::from_u32(spec.ty) {
        Some('\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_spec(vm, x, &spec),
        _ => Err(unknown_code(vm, spec.ty, "float")),
    }
}

/// A float with a float presentation type (CPython's
/// `format_float_internal`).
fn format_float_spec(vm: &mut Vm, x: f64, spec: &FormatSpec) -> PyResult<Value> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(vm.value_error("precision too big"));
    }
    let mut style = FloatStyle { alternate: spec.alternate, add_dot_0: false, no_neg_zero: spec.no_neg_zero };
    let (mut code, mut default_precision) = (char::from_u32(spec.ty).unwrap_or('\0'), 6);
    // No type: repr's digits without a precision, else `g` that keeps a
    // digit after the point.
    if code == '\0' {
        style.add_dot_0 = true;
        code = 'r';
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let (mut x, mut percent) = (x, false);
    if code == '%' {
        (code, x, percent) = ('f', x * 100.0, true);
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    let (negative, mut text) = float_to_text(x, code, precision, style);
    if percent {
        text.push('%');
    }
    let num = Number::from_text(negative, &text);
    fill_number(vm, spec, &num, grouping_of(spec))
}

// ----- complex ------------------------------------------------------------

/// `complex.__format__(spec)` for a non-empty spec (CPython's
/// `format_complex_internal`): each part formatted as a float, the
/// imaginary one always signed unless the real one is left out, then the
/// whole padded.
fn format_complex(vm: &mut Vm, re: f64, im: f64, spec: &[u32]) -> PyResult<Value> {
    let spec = parse_spec(vm, spec, Kind::Float, "complex")?;
    if !matches!(char::from_u32(spec.ty), Some('\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')) {
        return Err(unknown_code(vm, spec.ty, "complex"));
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(vm.value_error("precision too big"));
    }
    if spec.fill == '0' as u32 {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == '=' {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let style = FloatStyle { alternate: spec.alternate, add_dot_0: false, no_neg_zero: spec.no_neg_zero };
    let (mut code, mut default_precision) = (char::from_u32(spec.ty).unwrap_or('\0'), 6);
    // No type: like repr, without the real part when it is +0.
    let (mut skip_re, mut parens) = (false, false);
    if code == '\0' {
        code = 'r';
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if code == 'n' {
        code = 'g';
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    let part = FormatSpec { fill: ' ' as u32, align: '<', width: 0, ..spec };
    let mut text: Vec<u32> = Vec::new();
    if parens {
        text.push('(' as u32);
    }
    if !skip_re {
        let (negative, digits) = float_to_text(re, code, precision, style);
        let v = fill_number(vm, &part, &Number::from_text(negative, &digits), grouping_of(&spec))?;
        text.extend(as_str_data(&v).map(|d| d.code_points().collect::<Vec<_>>()).unwrap_or_default());
    }
    let im_part = FormatSpec { sign: if skip_re { spec.sign } else { Some('+') }, ..part };
    let (negative, digits) = float_to_text(im, code, precision, style);
    let v = fill_number(vm, &im_part, &Number::from_text(negative, &digits), grouping_of(&spec))?;
    text.extend(as_str_data(&v).map(|d| d.code_points().collect::<Vec<_>>()).unwrap_or_default());
    text.push('j' as u32);
    if parens {
        text.push(')' as u32);
    }
    let padding = spec.width.saturating_sub(text.len());
    let (left, right) = match spec.align {
        '<' => (0, padding),
        '^' => (padding / 2, padding - padding / 2),
        _ => (padding, 0),
    };
    let mut out = Out::new();
    out.push_fill(vm, spec.fill, left)?;
    text.iter().for_each(|&c| out.push(c));
    out.push_fill(vm, spec.fill, right)?;
    Ok(out.finish())
}

// ----- str ----------------------------------------------------------------

/// `str.__format__(spec)` for a non-empty spec (CPython's
/// `format_string_internal`).
fn format_str(vm: &mut Vm, s: &StrData, spec: &[u32]) -> PyResult<Value> {
    let spec = parse_spec(vm, spec, Kind::Str, "str")?;
    if spec.ty != 's' as u32 {
        return Err(unknown_code(vm, spec.ty, "str"));
    }
    match spec.sign {
        Some(' ') => return Err(vm.value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(vm.value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_zero {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == '=' {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let len = spec.precision.map_or(s.len(), |p| p.min(s.len()));
    let padding = spec.width.saturating_sub(len);
    let (left, right) = match spec.align {
        '>' => (padding, 0),
        '^' => (padding / 2, padding - padding / 2),
        _ => (0, padding),
    };
    let mut out = Out::new();
    out.push_fill(vm, spec.fill, left)?;
    s.code_points().take(len).for_each(|c| out.push(c));
    out.push_fill(vm, spec.fill, right)?;
    Ok(out.finish())
}

// ----- dispatch -----------------------------------------------------------

/// `format(value, spec)` (CPython's `PyObject_Format`); `spec` is a `str`.
pub fn format(vm: &mut Vm, value: &Value, spec: &Value) -> PyResult<Value> {
    let empty = as_str_data(spec).map(StrData::is_empty).unwrap_or(true);
    if empty && (std::ptr::eq(vm.type_of(value), &STR_TYPE) || std::ptr::eq(vm.type_of(value), &crate::builtins::int::INT_TYPE)) {
        return ops::str(vm, value);
    }
    if vm.type_of(value).heap.is_none() {
        return builtin_format(vm, value, spec);
    }
    let result = match crate::builtins::classes::call_dunder(vm, value, "__format__", std::slice::from_ref(spec))? {
        Some(r) => r,
        None => builtin_format(vm, value, spec)?,
    };
    if as_str_data(&result).is_none() {
        let msg = format!("__format__ must return a str, not {}", vm.type_of(&result).name());
        return Err(vm.type_error(msg));
    }
    Ok(result)
}

/// The `__format__` of a built-in type's instance.
fn builtin_format(vm: &mut Vm, value: &Value, spec: &Value) -> PyResult<Value> {
    let spec_points: Vec<u32> = as_str_data(spec).map(|d| d.code_points().collect()).unwrap_or_default();
    if spec_points.is_empty() {
        return ops::str(vm, value);
    }
    if let Some(s) = as_str_data(value) {
        return format_str(vm, s, &spec_points);
    }
    if let Some(i) = int_of(value) {
        return format_int(vm, value, &i, &spec_points);
    }
    if let Some(x) = float_of(value) {
        return format_float(vm, x, &spec_points);
    }
    if let Some(z) = crate::builtins::complex::complex_of(value) {
        return format_complex(vm, z.re, z.im, &spec_points);
    }
    let msg = format!("unsupported format string passed to {}.__format__", vm.type_of(value).name());
    Err(vm.type_error(msg))
}

/// The argument of a `__format__` method: exactly one `str`.
fn format_method_spec<'a>(vm: &mut Vm, owner: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    crate::builtins::function::no_keywords(vm, &format!("{owner}.__format__"), kwnames)?;
    let [spec] = args else {
        let msg = format!("{owner}.__format__() takes exactly one argument ({} given)", args.len());
        return Err(vm.type_error(msg));
    };
    if as_str_data(spec).is_none() {
        let msg = format!("__format__() argument must be str, not {}", vm.type_of(spec).name());
        return Err(vm.type_error(msg));
    }
    Ok(spec)
}

/// `object.__format__(spec)`: `str(self)` for an empty spec.
pub fn object_format_method(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let spec = format_method_spec(vm, "object", args, kwnames)?;
    if as_str_data(spec).is_some_and(|d| !d.is_empty()) {
        let msg = format!("unsupported format string passed to {}.__format__", vm.type_of(this).name());
        return Err(vm.type_error(msg));
    }
    ops::str(vm, this)
}

/// `int.__format__`, `float.__format__` and `str.__format__`.
pub fn builtin_format_method(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let owner = if as_str_data(this).is_some() {
        "str"
    } else if float_of(this).is_some() {
        "float"
    } else if crate::builtins::complex::complex_of(this).is_some() {
        "complex"
    } else {
        "int"
    };
    let spec = format_method_spec(vm, owner, args, kwnames)?.clone();
    builtin_format(vm, this, &spec)
}

/// The builtin `format(value, format_spec='', /)`.
pub fn format_builtin(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "format", kwnames)?;
    let (value, spec) = match args {
        [v] => (v, crate::builtins::str::new_str("")),
        [v, s] => (v, s.clone()),
        [] => return Err(vm.type_error("format expected at least 1 argument, got 0")),
        _ => return Err(vm.type_error(format!("format expected at most 2 arguments, got {}", args.len()))),
    };
    if as_str_data(&spec).is_none() {
        let msg = format!("format() argument 2 must be str, not {}", vm.type_of(&spec).name());
        return Err(vm.type_error(msg));
    }
    format(vm, value, &spec)
}

#[cfg(test)]
mod tests {
    use super::group_digits;

    #[test]
    fn zero_padding_is_grouped() {
        let g = |d: &str, w| String::from_utf8(group_digits(d.as_bytes(), 3, b',', w)).unwrap();
        assert_eq!(g("1234", 10), "00,001,234");
        assert_eq!(g("1234", 9), "0,001,234");
        assert_eq!(g("1234", 8), "0,001,234");
        assert_eq!(g("1234", 0), "1,234");
        assert_eq!(g("123", 0), "123");
        let plain = String::from_utf8(group_digits(b"42", 0, b',', 5)).unwrap();
        assert_eq!(plain, "00042");
    }
}
