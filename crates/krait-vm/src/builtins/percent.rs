//! printf-style formatting, `str % values` and `bytes % values` (CPython
//! 3.11's `PyUnicode_Format` and `_PyBytes_FormatEx`, in behaviour).
//!
//! Invariants:
//! - `values` is the argument tuple when it is a tuple, else one argument;
//!   it is also the mapping of `%(key)s` when it has `__getitem__` and is
//!   neither a tuple nor a str (so `'%s' % [1]` and `'%(k)s' % {...}` both
//!   work, as in CPython).
//! - Arguments are taken in order as the specs ask for them (`*` widths
//!   first); running out is "not enough arguments for format string", and
//!   arguments left over (without a mapping) are "not all arguments
//!   converted during string formatting".
//! - Numbers are written by the same code as `format()` (`float_to_text`
//!   for floats), then padded by CPython's `unicode_format_arg_output`
//!   rules: zero padding goes after the sign and the `0x` prefix.
//! - Both formats are read as code points (a byte is one below 256); for
//!   bytes, `%s`/`%b` take a bytes-like object or `__bytes__`, `%r`/`%a` are
//!   `ascii(repr(x))`, `%c` an int below 256 or one byte, and a bytes-like
//!   or str `values` is never the mapping.

use krait_syntax::pystr::PyString;

use crate::builtins::classes::call_dunder;
use crate::builtins::float::{float_of, int_to_f64};
use crate::builtins::format::{float_to_text, FloatStyle};
use crate::builtins::int::{decimal_string, int_of, Int};
use crate::builtins::str::{as_str_data, new_str_from_pystring, StrData};
use crate::ops;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The arguments and where the next one comes from (CPython's
/// `unicode_formatter_t`: `arglen` -1 means one non-tuple value).
struct Args {
    args: Value,
    arglen: isize,
    argidx: isize,
    /// The mapping for `%(key)` specs, if the values are one.
    dict: Option<Value>,
}

impl Args {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            let t = crate::builtins::tuple::as_tuple(&self.args).expect("a tuple of arguments");
            return Ok(t.items[i as usize].clone());
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

/// One conversion spec: `%[(key)][flags][width][.precision][hlL]type`.
#[derive(Default)]
struct Spec {
    left: bool,
    plus: bool,
    blank: bool,
    alternate: bool,
    zero: bool,
    width: Option<usize>,
    precision: Option<usize>,
    conversion: u32,
}

/// `fmt % values` for a str `fmt`.
pub fn percent_format(vm: &mut Vm, fmt: &StrData, values: &Value) -> PyResult<Value> {
    let fmt: Vec<u32> = fmt.code_points().collect();
    let out = format_points(vm, &fmt, values, false)?;
    if out.iter().all(|&c| c < 0x80) {
        let len = out.len();
        return Ok(crate::builtins::str::new_str_bytes(out.into_iter().map(|c| c as u8).collect(), len));
    }
    let mut text = PyString::new();
    out.iter().for_each(|&c| text.push_code_point(c));
    Ok(new_str_from_pystring(&text))
}

/// `fmt % values` for a bytes-like `fmt`: the formatted bytes.
pub fn bytes_percent_format(vm: &mut Vm, fmt: &[u8], values: &Value) -> PyResult<Vec<u8>> {
    let fmt: Vec<u32> = fmt.iter().map(|&b| b as u32).collect();
    let out = format_points(vm, &fmt, values, true)?;
    // Every code point written for a bytes format is below 256.
    Ok(out.into_iter().map(|c| c as u8).collect())
}

/// The formatting itself, over code points (bytes when `bytes`).
fn format_points(vm: &mut Vm, fmt: &[u32], values: &Value, bytes: bool) -> PyResult<Vec<u32>> {
    let is_tuple = crate::builtins::tuple::as_tuple(values).is_some();
    let is_mapping = !is_tuple
        && as_str_data(values).is_none()
        && !(bytes && crate::builtins::bytes::as_buffer(values).is_some())
        && (vm.type_of(values).getitem.is_some() || crate::builtins::dict::as_dict(values).is_some());
    let arglen = crate::builtins::tuple::as_tuple(values).map_or(-1, |t| t.items.len() as isize);
    let mut args = Args {
        args: values.clone(),
        arglen,
        argidx: if is_tuple { 0 } else { -2 },
        dict: is_mapping.then(|| values.clone()),
    };
    let mut out = Vec::with_capacity(fmt.len());
    let mut pos = 0;
    while pos < fmt.len() {
        if fmt[pos] != '%' as u32 {
            out.push(fmt[pos]);
            pos += 1;
            continue;
        }
        pos += 1;
        if fmt.get(pos) == Some(&('%' as u32)) {
            out.push('%' as u32);
            pos += 1;
            continue;
        }
        let spec = parse_spec(vm, fmt, &mut pos, &mut args, bytes)?;
        let arg = args.next(vm)?;
        let (text, numeric) = if bytes { convert_bytes(vm, &spec, &arg, pos - 1)? } else { convert(vm, &spec, &arg, pos - 1)? };
        write_padded(vm, &mut out, &spec, &text, numeric)?;
        if args.dict.is_some() && args.argidx < args.arglen {
            return Err(not_all_converted(vm, bytes));
        }
    }
    if args.argidx < args.arglen && args.dict.is_none() {
        return Err(not_all_converted(vm, bytes));
    }
    Ok(out)
}

fn not_all_converted(vm: &mut Vm, bytes: bool) -> crate::vm::PyErr {
    let what = if bytes { "bytes" } else { "string" };
    vm.type_error(format!("not all arguments converted during {what} formatting"))
}

/// Parse a spec after its `%` (CPython's `unicode_format_arg_parse`); a
/// `(key)` switches the arguments to `mapping[key]`, a `*` takes one.
fn parse_spec(vm: &mut Vm, fmt: &[u32], pos: &mut usize, args: &mut Args, bytes: bool) -> PyResult<Spec> {
    let at = |pos: usize| fmt.get(pos).and_then(|&c| char::from_u32(c));
    let mut spec = Spec::default();
    if at(*pos) == Some('(') {
        let Some(dict) = args.dict.clone() else {
            return Err(vm.type_error("format requires a mapping"));
        };
        *pos += 1;
        let start = *pos;
        let mut depth = 1;
        while depth > 0 && *pos < fmt.len() {
            match at(*pos) {
                Some(')') => depth -= 1,
                Some('(') => depth += 1,
                _ => {}
            }
            *pos += 1;
        }
        if depth > 0 {
            return Err(vm.value_error("incomplete format key"));
        }
        let key = if bytes {
            crate::builtins::bytes::new_bytes(fmt[start..*pos - 1].iter().map(|&c| c as u8).collect())
        } else {
            let mut key = PyString::new();
            fmt[start..*pos - 1].iter().for_each(|&c| key.push_code_point(c));
            new_str_from_pystring(&key)
        };
        args.args = ops::getitem(vm, &dict, &key)?;
        args.arglen = -1;
        args.argidx = -2;
    }
    while let Some(c @ ('-' | '+' | ' ' | '#' | '0')) = at(*pos) {
        match c {
            '-' => spec.left = true,
            '+' => spec.plus = true,
            ' ' => spec.blank = true,
            '#' => spec.alternate = true,
            _ => spec.zero = true,
        }
        *pos += 1;
    }
    if at(*pos) == Some('*') {
        let w = star_argument(vm, args, false)?;
        if w < 0 {
            spec.left = true;
        }
        spec.width = Some(w.unsigned_abs() as usize);
        *pos += 1;
    } else {
        spec.width = read_number(vm, fmt, pos, isize::MAX as usize, "width too big")?;
    }
    if at(*pos) == Some('.') {
        *pos += 1;
        if at(*pos) == Some('*') {
            spec.precision = Some(star_argument(vm, args, true)?.max(0) as usize);
            *pos += 1;
        } else {
            spec.precision = Some(read_number(vm, fmt, pos, i32::MAX as usize, "precision too big")?.unwrap_or(0));
        }
    }
    if matches!(at(*pos), Some('h' | 'l' | 'L')) {
        *pos += 1;
    }
    match fmt.get(*pos) {
        Some(&c) => {
            spec.conversion = c;
            *pos += 1;
            Ok(spec)
        }
        None => Err(vm.value_error("incomplete format")),
    }
}

/// A run of decimal digits, or `None` if there is none.
fn read_number(vm: &mut Vm, fmt: &[u32], pos: &mut usize, max: usize, too_big: &str) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut n: usize = 0;
    while let Some(d) = fmt.get(*pos).and_then(|&c| char::from_u32(c)).and_then(|c| c.to_digit(10)) {
        n = match n.checked_mul(10).and_then(|n| n.checked_add(d as usize)) {
            Some(n) if n <= max => n,
            _ => return Err(vm.value_error(too_big)),
        };
        *pos += 1;
    }
    Ok((*pos > start).then_some(n))
}

/// A `*` width (a C `Py_ssize_t`) or precision (a C `int`).
fn star_argument(vm: &mut Vm, args: &mut Args, precision: bool) -> PyResult<i64> {
    let v = args.next(vm)?;
    let Some(i) = int_of(&v) else {
        return Err(vm.type_error("* wants int"));
    };
    let n = match i {
        Int::Small(n) => Some(n),
        Int::Big(b) => i64::try_from(b).ok(),
    };
    match n {
        Some(n) if !precision || i32::try_from(n).is_ok() => Ok(n),
        _ if precision => Err(vm.overflow_error("Python int too large to convert to C int")),
        _ => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// Convert one argument: its text and whether it is a number (whose sign
/// the padding handles).
fn convert(vm: &mut Vm, spec: &Spec, arg: &Value, index: usize) -> PyResult<(Vec<u32>, bool)> {
    let text = |v: &Value| -> Vec<u32> { as_str_data(v).map(|d| d.code_points().collect()).unwrap_or_default() };
    let c = char::from_u32(spec.conversion).unwrap_or('\0');
    match c {
        's' => Ok((text(&ops::str(vm, arg)?), false)),
        'r' => Ok((text(&ops::repr(vm, arg)?), false)),
        'a' => {
            let r = ops::repr(vm, arg)?;
            let escaped = crate::builtins::str::ascii_escape(as_str_data(&r).expect("repr is a str"));
            Ok((text(&escaped), false))
        }
        'i' | 'd' | 'u' | 'o' | 'x' | 'X' => Ok((format_integer(vm, spec, arg, c)?.chars().map(u32::from).collect(), true)),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => Ok((format_real(vm, spec, arg, c)?.chars().map(u32::from).collect(), true)),
        'c' => Ok((vec![format_char(vm, arg)?], false)),
        _ => {
            let shown = if (31..=126).contains(&spec.conversion) { c } else { '?' };
            let msg = format!("unsupported format character '{shown}' (0x{:x}) at index {index}", spec.conversion);
            Err(vm.value_error(msg))
        }
    }
}

/// Convert one argument of a bytes format (CPython's `_PyBytes_FormatEx`):
/// as `convert`, but `%s`/`%b` take bytes, `%r`/`%a` are ASCII, `%c` a byte.
fn convert_bytes(vm: &mut Vm, spec: &Spec, arg: &Value, index: usize) -> PyResult<(Vec<u32>, bool)> {
    let points = |b: &[u8]| b.iter().map(|&b| b as u32).collect::<Vec<u32>>();
    match char::from_u32(spec.conversion).unwrap_or('\0') {
        's' | 'b' => {
            if let Some(b) = crate::builtins::bytes::as_buffer(arg) {
                return Ok((points(&b), false));
            }
            if vm.type_of(arg).heap.is_some() {
                if let Some(r) = call_dunder(vm, arg, "__bytes__", &[])? {
                    return match crate::builtins::bytes::as_bytes(&r) {
                        Some(b) => Ok((points(b), false)),
                        None => {
                            let msg = format!("__bytes__ returned non-bytes (type {})", vm.type_of(&r).name());
                            Err(vm.type_error(msg))
                        }
                    };
                }
            }
            let msg = format!(
                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                vm.type_of(arg).name()
            );
            Err(vm.type_error(msg))
        }
        'r' | 'a' => {
            let r = ops::repr(vm, arg)?;
            let escaped = crate::builtins::str::ascii_escape(as_str_data(&r).expect("repr is a str"));
            Ok((as_str_data(&escaped).map(|d| d.code_points().collect()).unwrap_or_default(), false))
        }
        'c' => {
            if let Some(b) = crate::builtins::bytes::as_buffer(arg).filter(|b| b.len() == 1).map(|b| b[0]) {
                return Ok((vec![b as u32], false));
            }
            let wrong = |vm: &mut Vm| vm.type_error("%c requires an integer in range(256) or a single byte");
            let index = match ops::index(vm, arg) {
                Ok(Some(i)) => i,
                Ok(None) => return Err(wrong(vm)),
                Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::TYPE_ERROR) => {
                    return Err(wrong(vm))
                }
                Err(e) => return Err(e),
            };
            match int_of(&index) {
                Some(Int::Small(n)) if (0..256).contains(&n) => Ok((vec![n as u32], false)),
                _ => Err(vm.overflow_error("%c arg not in range(256)")),
            }
        }
        // bytesobject.c reads %i as %d (its messages say so), and turns
        // every failure of a float conversion into one TypeError.
        'i' => {
            let text = format_integer(vm, spec, arg, 'd')?;
            Ok((text.chars().map(u32::from).collect(), true))
        }
        c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G') => match format_real(vm, spec, arg, c) {
            Ok(text) => Ok((text.chars().map(u32::from).collect(), true)),
            Err(_) => {
                let msg = format!("float argument required, not {}", vm.type_of(arg).name());
                Err(vm.type_error(msg))
            }
        },
        _ => convert(vm, spec, arg, index),
    }
}

/// `%d` and friends (CPython's `mainformatlong` and `_PyUnicode_FormatLong`):
/// the int's digits with a sign, the `#` prefix, and zeros up to the
/// precision.
fn format_integer(vm: &mut Vm, spec: &Spec, arg: &Value, c: char) -> PyResult<String> {
    let wrong_type = |vm: &mut Vm| {
        let kind = if matches!(c, 'o' | 'x' | 'X') { "an integer is required" } else { "a real number is required" };
        let msg = format!("%{c} format: {kind}, not {}", vm.type_of(arg).name());
        vm.type_error(msg)
    };
    let converted;
    let value = if int_of(arg).is_some() {
        arg
    } else if let Some(f) = float_of(arg) {
        if matches!(c, 'o' | 'x' | 'X') {
            return Err(wrong_type(vm));
        }
        if f.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(vm.overflow_error("cannot convert float infinity to integer"));
        }
        converted = crate::builtins::int::new_big(dashu_int::IBig::try_from(f.trunc()).unwrap_or_default());
        &converted
    } else {
        let dunders: &[&str] = if matches!(c, 'o' | 'x' | 'X') { &["__index__"] } else { &["__int__", "__index__"] };
        let mut found = None;
        if vm.type_of(arg).heap.is_some() {
            for name in dunders {
                if let Some(r) = call_dunder(vm, arg, name, &[])? {
                    found = Some(r);
                    break;
                }
            }
        }
        match found {
            Some(r) if int_of(&r).is_some() => {
                converted = r;
                &converted
            }
            Some(r) => {
                let msg = format!("__int__ returned non-int (type {})", vm.type_of(&r).name());
                return Err(vm.type_error(msg));
            }
            None => return Err(wrong_type(vm)),
        }
    };
    let i = int_of(value).expect("an int");
    let magnitude = dashu_int::ops::UnsignedAbs::unsigned_abs(i.to_ibig());
    let (mut digits, prefix) = match c {
        'o' => (format!("{magnitude:o}"), "0o"),
        'x' => (format!("{magnitude:x}"), "0x"),
        'X' => (format!("{magnitude:X}"), "0X"),
        _ => (decimal_string(vm, &i)?.trim_start_matches('-').to_string(), ""),
    };
    if let Some(p) = spec.precision {
        if p > digits.len() {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    let sign = if i.is_negative() { "-" } else { "" };
    let prefix = if spec.alternate { prefix } else { "" };
    Ok(format!("{sign}{prefix}{digits}"))
}

/// `%e %f %g` (CPython's `formatfloat`).
fn format_real(vm: &mut Vm, spec: &Spec, arg: &Value, c: char) -> PyResult<String> {
    // PyFloat_AsDouble: a float, an int, __float__ (which must give a
    // float), __index__, else "must be real number".
    let x = match (float_of(arg), int_of(arg)) {
        (Some(f), _) => f,
        (_, Some(i)) => int_to_f64(vm, &i)?,
        _ => crate::builtins::complex::number_to_f64(vm, arg)?,
    };
    let style = FloatStyle { alternate: spec.alternate, ..FloatStyle::default() };
    let (negative, text) = float_to_text(x, c, spec.precision.unwrap_or(6), style);
    Ok(if negative { format!("-{text}") } else { text })
}

/// `%c`: a one-character str, or an int code point.
fn format_char(vm: &mut Vm, arg: &Value) -> PyResult<u32> {
    if let Some(s) = as_str_data(arg) {
        if s.len() == 1 {
            return Ok(s.code_points().next().unwrap_or(0));
        }
        return Err(vm.type_error("%c requires int or char"));
    }
    let index = if int_of(arg).is_some() {
        Some(arg.clone())
    } else if vm.type_of(arg).heap.is_some() {
        call_dunder(vm, arg, "__index__", &[])?
    } else {
        None
    };
    let Some(i) = index.as_ref().and_then(int_of) else {
        return Err(vm.type_error("%c requires int or char"));
    };
    match i {
        Int::Small(n) if (0..=0x10FFFF).contains(&n) => Ok(n as u32),
        _ => Err(vm.overflow_error("%c arg not in range(0x110000)")),
    }
}

/// Write `text` with the spec's width, precision and flags (CPython's
/// `unicode_format_arg_output`).
fn write_padded(vm: &mut Vm, out: &mut Vec<u32>, spec: &Spec, text: &[u32], numeric: bool) -> PyResult<()> {
    let fill = if numeric && spec.zero { '0' as u32 } else { ' ' as u32 };
    let mut len = text.len();
    if matches!(char::from_u32(spec.conversion), Some('s' | 'r' | 'a' | 'b')) {
        if let Some(p) = spec.precision {
            len = len.min(p);
        }
    }
    let mut start = 0;
    let mut sign = None;
    if numeric {
        match text.first().and_then(|&c| char::from_u32(c)) {
            Some(c @ ('-' | '+')) => {
                sign = Some(c as u32);
                start = 1;
                len -= 1;
            }
            _ if spec.plus => sign = Some('+' as u32),
            _ if spec.blank => sign = Some(' ' as u32),
            _ => {}
        }
    }
    let mut width = spec.width.unwrap_or(0).max(len);
    // A width too large to allocate is CPython's MemoryError.
    let total = width + sign.is_some() as usize;
    if out.try_reserve(total).is_err() {
        return Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, ""));
    }
    let push_fill = |out: &mut Vec<u32>, c: u32, n: usize| out.resize(out.len() + n, c);
    if let Some(s) = sign {
        if fill != ' ' as u32 {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefixed = spec.alternate && matches!(char::from_u32(spec.conversion), Some('x' | 'X' | 'o'));
    if prefixed {
        if fill != ' ' as u32 {
            text[start..start + 2].iter().for_each(|&c| out.push(c));
            start += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !spec.left {
        push_fill(out, fill, width - len);
        width = len;
    }
    if fill == ' ' as u32 {
        if let Some(s) = sign {
            out.push(s);
        }
        if prefixed {
            text[start..start + 2].iter().for_each(|&c| out.push(c));
            start += 2;
        }
    }
    text[start..start + len].iter().for_each(|&c| out.push(c));
    if width > len {
        push_fill(out, ' ' as u32, width - len);
    }
    Ok(())
}
