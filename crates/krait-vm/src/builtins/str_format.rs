//! `str.format(*args, **kwargs)` and `str.format_map(mapping)` (CPython
//! 3.11's `Objects/stringlib/unicode_format.h`, in behaviour).
//!
//! Invariants:
//! - The format string is read as code points, left to right, and each
//!   replacement field is looked up, converted and formatted as soon as it
//!   is parsed, so side effects and errors come in CPython's order.
//! - A field's spec may itself hold replacement fields; they are expanded
//!   with the same arguments and numbering state, at most two levels deep
//!   ("Max string recursion exceeded" past that, as CPython).
//! - Automatic (`{}`) and manual (`{0}`) numbering cannot be mixed, within
//!   the string or its nested specs.

use krait_syntax::pystr::PyString;

use crate::builtins::int::new_int;
use crate::builtins::str::{as_str_data, new_str_from_pystring};
use crate::ops;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Where numbered and named fields come from.
struct Arguments<'a> {
    /// The positional arguments; `None` for `format_map`.
    positional: Option<&'a [Value]>,
    /// A mapping for named fields (a dict of the keyword arguments, or
    /// `format_map`'s argument); `None` when there are none.
    mapping: Option<Value>,
}

/// CPython's `AutoNumber`: whether `{}` or `{N}` was used first.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unset,
    Automatic,
    Manual,
}

struct State {
    numbering: Numbering,
    next: usize,
}

pub(crate) fn ch(c: char) -> u32 {
    c as u32
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let mapping = if kwnames.is_empty() {
        None
    } else {
        let d = crate::builtins::dict::new_dict();
        let dd = crate::builtins::dict::as_dict(&d).expect("a dict");
        for (k, v) in kwnames.iter().zip(&args[npos..]) {
            dd.set(vm, k.clone(), v.clone())?;
        }
        Some(d)
    };
    let arguments = Arguments { positional: Some(&args[..npos]), mapping };
    render(vm, this, &arguments)
}

/// `str.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "str.format_map", kwnames)?;
    let [mapping] = args else {
        let msg = format!("str.format_map() takes exactly one argument ({} given)", args.len());
        return Err(vm.type_error(msg));
    };
    render(vm, this, &Arguments { positional: None, mapping: Some(mapping.clone()) })
}

fn render(vm: &mut Vm, this: &Value, arguments: &Arguments) -> PyResult<Value> {
    let fmt: Vec<u32> = as_str_data(this).expect("a str method's receiver").code_points().collect();
    let mut state = State { numbering: Numbering::Unset, next: 0 };
    let mut out = PyString::new();
    build_string(vm, &fmt, arguments, 2, &mut state, &mut out)?;
    Ok(new_str_from_pystring(&out))
}

/// Expand `fmt` into `out` (CPython's `build_string`): `depth` levels of
/// nested specs are left.
fn build_string(vm: &mut Vm, fmt: &[u32], arguments: &Arguments, depth: i32, state: &mut State, out: &mut PyString) -> PyResult<()> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut pos = 0;
    while pos < fmt.len() {
        // Literal text up to a brace.
        let start = pos;
        let mut brace = None;
        while pos < fmt.len() {
            let c = fmt[pos];
            pos += 1;
            if c == ch('{') || c == ch('}') {
                brace = Some(c);
                break;
            }
        }
        let Some(c) = brace else {
            fmt[start..pos].iter().for_each(|&c| out.push_code_point(c));
            break;
        };
        let at_end = pos >= fmt.len();
        if c == ch('}') && (at_end || fmt[pos] != c) {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if c == ch('{') && at_end {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if fmt[pos] == c {
            // `{{` or `}}`: one brace of literal text.
            fmt[start..pos].iter().for_each(|&c| out.push_code_point(c));
            pos += 1;
            continue;
        }
        fmt[start..pos - 1].iter().for_each(|&c| out.push_code_point(c));
        let field = parse_field(vm, fmt, &mut pos)?;
        render_field(vm, fmt, &field, arguments, depth, state, out)?;
    }
    Ok(())
}

/// A replacement field's parts, as ranges of the format string.
pub(crate) struct Field {
    pub name: std::ops::Range<usize>,
    pub conversion: Option<u32>,
    pub spec: std::ops::Range<usize>,
    /// The spec holds `{`: it needs expanding first.
    pub nested: bool,
}

/// Parse the field after a `{` at `fmt[*pos..]`, through its closing `}`
/// (CPython's `parse_field`).
pub(crate) fn parse_field(vm: &mut Vm, fmt: &[u32], pos: &mut usize) -> PyResult<Field> {
    let name_start = *pos;
    let mut c = 0;
    while *pos < fmt.len() {
        c = fmt[*pos];
        *pos += 1;
        if c == ch('{') {
            return Err(vm.value_error("unexpected '{' in field name"));
        }
        if c == ch('[') {
            // An index may hold any character but `]`.
            while *pos < fmt.len() && fmt[*pos] != ch(']') {
                *pos += 1;
            }
            continue;
        }
        if c == ch('}') || c == ch(':') || c == ch('!') {
            break;
        }
    }
    let name = name_start..*pos - 1;
    if c != ch('!') && c != ch(':') {
        if c != ch('}') {
            return Err(vm.value_error("expected '}' before end of string"));
        }
        return Ok(Field { name, conversion: None, spec: 0..0, nested: false });
    }
    let mut conversion = None;
    if c == ch('!') {
        let Some(&conv) = fmt.get(*pos) else {
            return Err(vm.value_error("end of string while looking for conversion specifier"));
        };
        conversion = Some(conv);
        *pos += 1;
        if let Some(&next) = fmt.get(*pos) {
            *pos += 1;
            if next == ch('}') {
                return Ok(Field { name, conversion, spec: 0..0, nested: false });
            }
            if next != ch(':') {
                return Err(vm.value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *pos;
    let (mut depth, mut nested) = (1, false);
    while *pos < fmt.len() {
        let c = fmt[*pos];
        *pos += 1;
        if c == ch('{') {
            nested = true;
            depth += 1;
        } else if c == ch('}') {
            depth -= 1;
            if depth == 0 {
                return Ok(Field { name, conversion, spec: spec_start..*pos - 1, nested });
            }
        }
    }
    Err(vm.value_error("unmatched '{' in format spec"))
}

/// Look the field up, convert and format it into `out`.
fn render_field(vm: &mut Vm, fmt: &[u32], field: &Field, arguments: &Arguments, depth: i32, state: &mut State, out: &mut PyString) -> PyResult<()> {
    let mut obj = field_object(vm, &fmt[field.name.clone()], arguments, state)?;
    if let Some(conv) = field.conversion {
        obj = match char::from_u32(conv) {
            Some('r') => ops::repr(vm, &obj)?,
            Some('s') => ops::str(vm, &obj)?,
            Some('a') => {
                let r = ops::repr(vm, &obj)?;
                crate::builtins::str::ascii_escape(as_str_data(&r).expect("repr is a str"))
            }
            _ => {
                let shown = match char::from_u32(conv) {
                    Some(c) if conv > 32 && conv < 127 => c.to_string(),
                    _ => format!("\\x{conv:x}"),
                };
                return Err(vm.value_error(format!("Unknown conversion specifier {shown}")));
            }
        };
    }
    let mut spec = PyString::new();
    let spec_text = &fmt[field.spec.clone()];
    if field.nested {
        build_string(vm, spec_text, arguments, depth - 1, state, &mut spec)?;
    } else {
        spec_text.iter().for_each(|&c| spec.push_code_point(c));
    }
    let spec = new_str_from_pystring(&spec);
    let formatted = crate::builtins::format::format(vm, &obj, &spec)?;
    let data = as_str_data(&formatted).expect("format returns a str");
    out.push_pystr(&PyString::from_bytes(data.bytes().to_vec()));
    Ok(())
}

/// A decimal index as CPython's `get_integer` reads one: `Ok(None)` unless
/// every character is a decimal digit, of any script (`'{٣}'` is
/// argument 3), and there is at least one.
pub(crate) fn get_integer(vm: &mut Vm, s: &[u32]) -> PyResult<Option<usize>> {
    use krait_syntax::unicode::decimal_value;
    if s.is_empty() || !s.iter().all(|&c| decimal_value(c).is_some()) {
        return Ok(None);
    }
    let mut n: usize = 0;
    for &c in s {
        let d = decimal_value(c).unwrap_or(0) as usize;
        n = match n.checked_mul(10).and_then(|n| n.checked_add(d)) {
            Some(n) if n <= isize::MAX as usize => n,
            _ => return Err(vm.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(n))
}

pub(crate) fn text_value(s: &[u32]) -> Value {
    let mut p = PyString::new();
    s.iter().for_each(|&c| p.push_code_point(c));
    new_str_from_pystring(&p)
}

/// The object a field name designates: an argument by number or name, then
/// `.attr` and `[key]` steps (CPython's `get_field_object`).
fn field_object(vm: &mut Vm, name: &[u32], arguments: &Arguments, state: &mut State) -> PyResult<Value> {
    let first_len = name.iter().position(|&c| c == ch('.') || c == ch('[')).unwrap_or(name.len());
    let (first, rest) = name.split_at(first_len);
    let mut index = get_integer(vm, first)?;
    let automatic = first.is_empty();
    if automatic || index.is_some() {
        if state.numbering == Numbering::Unset {
            state.numbering = if automatic { Numbering::Automatic } else { Numbering::Manual };
        }
        match (state.numbering, automatic) {
            (Numbering::Manual, true) => {
                return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
            }
            (Numbering::Automatic, false) => {
                return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
            }
            _ => {}
        }
        if automatic {
            index = Some(state.next);
            state.next += 1;
        }
    }
    let mut obj = match index {
        Some(i) => {
            let Some(positional) = arguments.positional else {
                return Err(vm.value_error("Format string contains positional fields"));
            };
            match positional.get(i) {
                Some(v) => v.clone(),
                None => {
                    let msg = format!("Replacement index {i} out of range for positional args tuple");
                    return Err(vm.index_error(msg));
                }
            }
        }
        None => {
            let key = text_value(first);
            match &arguments.mapping {
                Some(m) => ops::getitem(vm, m, &key)?,
                None => return Err(crate::builtins::exceptions::key_error(key)),
            }
        }
    };
    let mut pos = 0;
    while pos < rest.len() {
        let (is_attribute, part) = next_part(vm, rest, &mut pos)?;
        if part.is_empty() {
            return Err(vm.value_error("Empty attribute in format string"));
        }
        obj = if is_attribute {
            ops::getattr(vm, &obj, &text_value(part))?
        } else {
            let key = match get_integer(vm, part)? {
                Some(i) => new_int(i as i64),
                None => text_value(part),
            };
            ops::getitem(vm, &obj, &key)?
        };
    }
    Ok(obj)
}

/// The next `.name` or `[key]` of a field name (CPython's
/// `FieldNameIterator_next`): (is an attribute, the name or key).
pub(crate) fn next_part<'a>(vm: &mut Vm, rest: &'a [u32], pos: &mut usize) -> PyResult<(bool, &'a [u32])> {
    let c = rest[*pos];
    *pos += 1;
    let start = *pos;
    if c == ch('.') {
        while *pos < rest.len() && rest[*pos] != ch('.') && rest[*pos] != ch('[') {
            *pos += 1;
        }
        return Ok((true, &rest[start..*pos]));
    }
    if c == ch('[') {
        while *pos < rest.len() && rest[*pos] != ch(']') {
            *pos += 1;
        }
        if *pos >= rest.len() {
            return Err(missing_bracket(vm));
        }
        *pos += 1;
        return Ok((false, &rest[start..*pos - 1]));
    }
    Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"))
}

#[cold]
fn missing_bracket(vm: &mut Vm) -> PyErr {
    vm.value_error("Missing ']' in format string")
}
