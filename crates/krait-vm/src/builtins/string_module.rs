//! The `_string` module (CPython's `Objects/unicodeobject.c` helpers that
//! `string.Formatter` uses): `formatter_parser` and
//! `formatter_field_name_split`, on the parser of `str.format`
//! (`str_format`).
//!
//! Invariants: both iterators are lazy, as CPython's: a format string is
//! parsed one replacement field per `next`, so an error in it is raised by
//! the `next` that reaches it, after the fields before it were given. An
//! iterator holds its string as code points and a position, nothing else.

use std::cell::Cell;

use crate::builtins::dict::{as_dict, check_args, new_dict};
use crate::builtins::function::{new_builtin, new_module};
use crate::builtins::int::new_int;
use crate::builtins::str::{as_str_data, new_str};
use crate::builtins::str_format::{ch, get_integer, next_part, parse_field, text_value};
use crate::builtins::tuple::new_tuple;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{trace_nothing, Slot, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A string being read, as code points, and where reading is.
struct Cursor {
    text: Vec<u32>,
    pos: Cell<usize>,
}

unsafe fn dealloc_cursor(p: ObjPtr) {
    // SAFETY: objects of both iterator types are Obj<Cursor>.
    unsafe { dealloc_boxed::<Cursor>(p) }
}

fn cursor(v: &Value) -> &Cursor {
    // SAFETY: objects of both iterator types are Obj<Cursor>; their slots
    // are reached only with such objects.
    unsafe { v.as_object().expect("a _string iterator").data::<Cursor>() }
}

/// What `formatter_parser` returns: `(literal, field_name, format_spec,
/// conversion)` for each piece of the format string.
static FORMATTER_ITER_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(formatter_next),
    ..TypeObject::builtin("formatteriterator", Some(&OBJECT_TYPE), dealloc_cursor, trace_nothing)
};

/// What `formatter_field_name_split` returns second: `(is_attribute,
/// name_or_index)` for each `.name` and `[key]`.
static FIELDNAME_ITER_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(fieldname_next),
    ..TypeObject::builtin("fieldnameiterator", Some(&OBJECT_TYPE), dealloc_cursor, trace_nothing)
};

/// The one str argument of `_string.NAME`, as code points.
fn str_arg(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Vec<u32>> {
    check_args(vm, &format!("_string.{name}"), args, kwnames, 1, 1)?;
    match as_str_data(&args[0]) {
        Some(s) => Ok(s.code_points().collect()),
        None => Err(vm.type_error(format!("expected str, got {}", vm.type_of(&args[0]).name()))),
    }
}

/// `formatter_parser(format_string)`.
fn formatter_parser(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let text = str_arg(vm, "formatter_parser", args, kwnames)?;
    Ok(Value::from_owned(alloc(&FORMATTER_ITER_TYPE, Cursor { text, pos: Cell::new(0) })))
}

/// The next literal text and the field after it (CPython's
/// `MarkupIterator_next`): an escaped `{{` or `}}` ends the literal text
/// with one brace and no field.
fn formatter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = cursor(v);
    let fmt = &c.text;
    let mut pos = c.pos.get();
    if pos >= fmt.len() {
        return Ok(None);
    }
    let start = pos;
    let (mut last, mut markup) = (0, false);
    while pos < fmt.len() {
        last = fmt[pos];
        pos += 1;
        if last == ch('{') || last == ch('}') {
            markup = true;
            break;
        }
    }
    c.pos.set(pos);
    let at_end = pos >= fmt.len();
    if last == ch('}') && (at_end || fmt[pos] != last) {
        return Err(vm.value_error("Single '}' encountered in format string"));
    }
    if last == ch('{') && at_end {
        return Err(vm.value_error("Single '{' encountered in format string"));
    }
    let mut literal_end = pos;
    if !at_end {
        if fmt[pos] == last {
            // `{{` or `}}`: the literal keeps one brace; no field follows.
            pos += 1;
            markup = false;
        } else {
            literal_end -= 1;
        }
    }
    let literal = text_value(&fmt[start..literal_end]);
    if !markup {
        c.pos.set(pos);
        let none = vm.none();
        return Ok(Some(new_tuple(vec![literal, none.clone(), none.clone(), none])));
    }
    let field = parse_field(vm, fmt, &mut pos);
    c.pos.set(pos);
    let field = field?;
    let conversion = match field.conversion {
        Some(cp) => text_value(&[cp]),
        None => vm.none(),
    };
    let name = text_value(&fmt[field.name]);
    let spec = text_value(&fmt[field.spec]);
    Ok(Some(new_tuple(vec![literal, name, spec, conversion])))
}

/// A field name's number as an int, else its text.
fn index_or_text(vm: &mut Vm, s: &[u32]) -> PyResult<Value> {
    Ok(match get_integer(vm, s)? {
        Some(i) => new_int(i as i64),
        None => text_value(s),
    })
}

/// `formatter_field_name_split(field_name)`: `(first, iterator over the
/// rest)`, `first` an int when it is a number.
fn formatter_field_name_split(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let text = str_arg(vm, "formatter_field_name_split", args, kwnames)?;
    let first_len = text.iter().position(|&c| c == ch('.') || c == ch('[')).unwrap_or(text.len());
    let first = index_or_text(vm, &text[..first_len])?;
    let rest = Value::from_owned(alloc(&FIELDNAME_ITER_TYPE, Cursor { text, pos: Cell::new(first_len) }));
    Ok(new_tuple(vec![first, rest]))
}

/// The next `.name` or `[key]` (CPython's `FieldNameIterator_next`).
fn fieldname_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = cursor(v);
    let mut pos = c.pos.get();
    if pos >= c.text.len() {
        return Ok(None);
    }
    let part = next_part(vm, &c.text, &mut pos);
    c.pos.set(pos);
    let (is_attribute, name) = part?;
    if name.is_empty() {
        return Err(vm.value_error("Empty attribute in format string"));
    }
    let key = if is_attribute { text_value(name) } else { index_or_text(vm, name)? };
    Ok(Some(new_tuple(vec![vm.bool(is_attribute), key])))
}

/// The `_string` module.
pub fn new_string_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str("_string"))?;
    dd.set(vm, new_str("__doc__"), new_str("string helper module"))?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    dd.set(vm, new_str("__loader__"), vm.none())?;
    dd.set(vm, new_str("__spec__"), vm.none())?;
    dd.set(vm, new_str("formatter_parser"), new_builtin("formatter_parser", formatter_parser))?;
    dd.set(vm, new_str("formatter_field_name_split"), new_builtin("formatter_field_name_split", formatter_field_name_split))?;
    Ok(new_module("_string", d))
}
